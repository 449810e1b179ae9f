import { accentForm } from './assistant.text';

/**
 * Synonym keys that are another word where they stand (SynonymTable.match skips them): by their
 * neighbours (pass 24), or by their marks (pass 25, r10every): folded, "cuối"
 * (the end of: "cuối tháng", "cuối năm", "cuối cùng") is "cưới" (to wed), whose synonym says
 * "kết hôn" — "viết biên bản họp tổ sản xuất cuối tháng" was offered the marriage registration on
 * the full catalogue. Written without marks the syllable stays either (a citizen typing "cuoi
 * thang truoc" may mean a wedding last month); written with these marks it is not the key.
 */
const NOT_THE_KEY: ReadonlyMap<string, ReadonlySet<string>> = new Map([['cuoi', new Set(['cuối'].map(accentForm))]]);

/** What follows the "mất" of a cost asked ("mất bao lâu", "mất mấy ngày", "mất nhiêu tiền", "mất khoảng…"). */
const COST_ASKED: ReadonlySet<string> = new Set(['bao', 'mai', 'nhieu', 'khoang', 'tam', 'chung', 'co', 'tien', 'phi', 'ngai', 'gan', 'it', 'vai']);

/**
 * Whether the synonym key found at `i` (`len` syllables of `folded`) is another word where it
 * stands, by its neighbours or by its marks (`written[i]`, '' when unmarked):
 * - "rồi, mất bao lâu" folds as "rơi mất" (dropped and lost): with the time or the money asked
 *   after it, it is "rồi" and the "mất" of a cost (pass 24);
 * - "cuối tuần" (the weekend) folds as "cưới tuần": no wedding (pass 24);
 * - a syllable written with the marks of another word (NOT_THE_KEY above, pass 25).
 */
export function otherWordHere(key: string, folded: readonly string[], written: readonly string[] | undefined, i: number, len: number): boolean {
  if (key === 'roi mat' && COST_ASKED.has(folded[i + len] ?? '')) return true;
  if (key === 'cuoi' && folded[i + 1] === 'tuan') return true;
  const w = len === 1 ? written?.[i] : undefined;
  return !!w && !!NOT_THE_KEY.get(key)?.has(w);
}
