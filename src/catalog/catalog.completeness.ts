import { CHANNEL_LABEL } from '../shared/format';
import type { Procedure } from './catalog.types';

/**
 * What a procedure's record lacks for a citizen to act on it: a processing time as a number of
 * days or hours, a fee amount, the list of papers, the forms the papers name. Each gap is shown to
 * citizens as "Không có thông tin…" on the website, the wall listings, the TV and the assistant,
 * so staff see them on one page (/can-bo/quan-tri/do-day-du) and complete the unit's data.
 */
export type GapKind = 'time' | 'fee' | 'papers' | 'forms';

export interface Gap {
  kind: GapKind;
  text: string;
}

export const GAP_LABEL: Record<GapKind, string> = {
  time: 'Thời hạn giải quyết',
  fee: 'Phí, lệ phí',
  papers: 'Thành phần hồ sơ',
  forms: 'Mẫu đơn, tờ khai',
};

const kinds = (list: Procedure['channels']) => [...new Set(list.map((c) => CHANNEL_LABEL[c.kind].toLowerCase()))].join(', ');

export function gapsOf(p: Procedure): Gap[] {
  const gaps: Gap[] = [];
  if (!p.channels.length) {
    gaps.push({ kind: 'time', text: 'Chưa có cách thức nộp hồ sơ nào, nên chưa có thời hạn' });
    gaps.push({ kind: 'fee', text: 'Chưa có cách thức nộp hồ sơ nào, nên chưa có phí, lệ phí' });
  }
  const noTime = p.channels.filter((c) => !c.time);
  if (noTime.length) gaps.push({ kind: 'time', text: `Chưa có số ngày (giờ) giải quyết: ${kinds(noTime)}${noTime[0]!.timeText ? ` — nguồn ghi “${noTime[0]!.timeText}”` : ''}` });
  const noFee = p.channels.filter((c) => c.fees.length === 0);
  if (noFee.length) gaps.push({ kind: 'fee', text: `Chưa có mức phí, lệ phí (kể cả “miễn phí”): ${kinds(noFee)}${noFee[0]!.feeText ? ` — nguồn ghi “${noFee[0]!.feeText.slice(0, 120)}”` : ''}` });
  const papers = p.componentGroups.flatMap((g) => g.components);
  if (!papers.length) gaps.push({ kind: 'papers', text: 'Chưa có danh sách giấy tờ phải nộp' });
  const formIds = new Set(p.forms.map((f) => f.id));
  // A paper that names its form ("Tờ khai … (Mẫu CT01)") whose template the citizen cannot download.
  const missingForms = papers.filter((c) => c.form && !formIds.has(c.form)).map((c) => c.name);
  if (missingForms.length) gaps.push({ kind: 'forms', text: `Chưa có mẫu để tải: ${missingForms.slice(0, 3).join('; ')}${missingForms.length > 3 ? ` (và ${missingForms.length - 3} mẫu khác)` : ''}` });
  return gaps;
}
