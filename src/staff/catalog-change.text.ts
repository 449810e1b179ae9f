import type { ProcessingTime } from '../catalog';
import { formatTime } from '../shared/format';

/** What the change history keeps of one procedure of the unit's catalogue (before or after). */
interface EntrySnapshot {
  commitment?: ProcessingTime | null;
  note?: string;
  essential?: boolean;
  local?: { fees?: unknown; feeNote?: string; forms?: unknown; eform?: unknown };
}

const yesNo = (b: boolean | undefined) => (b ? 'có' : 'không');
const commitment = (t: ProcessingTime | null | undefined) => (t ? formatTime(t) : 'theo thời hạn luật định');
const note = (n: string | undefined) => (n ? `“${n}”` : '(trống)');
const LOCAL_PARTS: Array<[keyof NonNullable<EntrySnapshot['local']>, string]> = [
  ['fees', 'mức phí riêng'],
  ['feeNote', 'ghi chú về phí'],
  ['forms', 'mẫu đơn riêng'],
  ['eform', 'tờ khai điện tử riêng'],
];

/**
 * One catalogue change in words for the history page ("Thiết yếu: không → có"), never the JSON
 * the history stores.
 */
export function changeLines(kind: 'added' | 'removed' | 'updated', before: unknown, after: unknown): string[] {
  const b = (before ?? {}) as EntrySnapshot;
  const a = (after ?? {}) as EntrySnapshot;
  const state = (e: EntrySnapshot) => [`Cam kết: ${commitment(e.commitment)}`, `Thiết yếu: ${yesNo(e.essential)}`, ...(e.note ? [`Ghi chú: ${note(e.note)}`] : [])];
  if (kind === 'added') return state(a);
  if (kind === 'removed') return state(b);
  const out: string[] = [];
  if (JSON.stringify(b.commitment ?? null) !== JSON.stringify(a.commitment ?? null)) out.push(`Cam kết: ${commitment(b.commitment)} → ${commitment(a.commitment)}`);
  if (!!b.essential !== !!a.essential) out.push(`Thiết yếu: ${yesNo(b.essential)} → ${yesNo(a.essential)}`);
  if ((b.note ?? '') !== (a.note ?? '')) out.push(`Ghi chú: ${note(b.note)} → ${note(a.note)}`);
  for (const [k, label] of LOCAL_PARTS) {
    if (JSON.stringify(b.local?.[k] ?? null) !== JSON.stringify(a.local?.[k] ?? null)) out.push(`Đã sửa ${label}`);
  }
  return out.length ? out : ['Thứ tự trong danh mục'];
}
