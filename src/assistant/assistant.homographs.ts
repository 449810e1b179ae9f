import { accentForm } from './assistant.text';

/**
 * Synonym keys a syllable written with other marks is not (pass 25, r10every): folded, "cuối"
 * (the end of: "cuối tháng", "cuối năm", "cuối cùng") is "cưới" (to wed), whose synonym says
 * "kết hôn" — "viết biên bản họp tổ sản xuất cuối tháng" was offered the marriage registration on
 * the full catalogue. Written without marks the syllable stays either (a citizen typing "cuoi
 * thang truoc" may mean a wedding last month); written with these marks it is not the key.
 */
const NOT_THE_KEY: ReadonlyMap<string, ReadonlySet<string>> = new Map([['cuoi', new Set(['cuối'].map(accentForm))]]);

/** Whether the syllable at `i`, written as `written[i]` (its marks, '' when unmarked), is another word than the folded key. */
export function writtenOtherwise(key: string, written: readonly string[] | undefined, i: number): boolean {
  const w = written?.[i];
  return !!w && !!NOT_THE_KEY.get(key)?.has(w);
}
