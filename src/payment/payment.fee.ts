import type { ChannelKind, Fee, Procedure } from '../catalog';
import { mainChannel } from '../catalog';
import { formatVnd } from '../shared/format';
import { ValidationError } from '../shared/errors';

/**
 * A dossier's fee from the catalogue: the fees of the channel it came by (online fees are often
 * lower), per case, per page or per copy, with caps, less an exemption the receptionist applies
 * with its reason (people with merit, poor households, people with disabilities... as the
 * province's People's Council resolution and the procedure's record say).
 */

export interface FeeInput {
  /** Pages of the document (per-page fees, e.g. certified copies). Default 1. */
  pages?: number;
  /** Copies asked for (per-copy fees; per-page fees are paid for each copy). Default 1. */
  copies?: number;
  exemption?: { reason: string; percent?: number } | null;
  /**
   * The dossier's e-form answers: fees with a `copiesField` are charged for the copies asked there
   * (none asked, nothing charged). Absent for an estimate before the form is filled.
   */
  requested?: Record<string, unknown>;
}

export interface FeeLine {
  label: string;
  basis: Fee['basis'] | 'cap';
  unitAmount: number;
  quantity: number;
  amount: number;
  note?: string;
}

export interface FeeQuote {
  channel: ChannelKind;
  lines: FeeLine[];
  /** Before the exemption. */
  gross: number;
  exemption: { reason: string; percent: number } | null;
  /** What the citizen pays. */
  amount: number;
  pages: number;
  copies: number;
  /** The catalogue gives amounts (false: only a free-text note such as "theo quy định của HĐND"). */
  structured: boolean;
  /** Fees charged per copy asked for on the e-form (not in `lines` of an estimate). */
  onRequest: Array<{ label: string; unitAmount: number; field: string }>;
  /** The catalogue's own words about fees, shown beside the figures. */
  feeText: string;
  exemptions: string[];
}

// Circular 226/2016/TT-BTC (certification fees): 2,000 đồng per page for the first two pages,
// 1,000 đồng per page from the third, at most 200,000 đồng per copy. The national records spell
// the tiers in the labels; read them there rather than hard-code procedures.
const FIRST_TWO = /trang thứ nhất(,| và) (trang )?thứ hai|2 trang đầu|trang 1(-| và | đến )2\b/i;
const FROM_THIRD = /từ trang thứ ba|từ trang thứ 3|từ trang 3/i;

function pagesOfTier(label: string, pages: number): number {
  if (FIRST_TWO.test(label)) return Math.min(pages, 2);
  if (FROM_THIRD.test(label)) return Math.max(0, pages - 2);
  return pages;
}

const int = (v: number | undefined, name: string, label: string): number => {
  const n = v ?? 1;
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new ValidationError(`${label} phải là số nguyên từ 1 đến 10.000.`, [{ field: name, code: 'invalid_number', message: `${label} không hợp lệ` }]);
  return n;
};

export function computeFee(procedure: Procedure, channel: ChannelKind, input: FeeInput = {}): FeeQuote {
  const ch = procedure.channels.find((c) => c.kind === channel) ?? mainChannel(procedure);
  const pages = int(input.pages, 'pages', 'Số trang');
  const copies = int(input.copies, 'copies', 'Số bản');
  const fees = ch?.fees ?? [];
  const lines: FeeLine[] = [];

  for (const f of fees.filter((x) => x.basis === 'per_case' && !x.copiesField)) {
    lines.push({ label: f.label, basis: 'per_case', unitAmount: f.amount, quantity: 1, amount: f.amount, note: f.note });
  }
  // Per-page fees: paid for each copy; a cap given on them is per copy, over all their tiers.
  const perPage = fees.filter((x) => x.basis === 'per_page' && !x.copiesField);
  if (perPage.length) {
    let perCopy = 0;
    for (const f of perPage) {
      const n = pagesOfTier(f.label, pages);
      if (n === 0) continue;
      lines.push({ label: f.label, basis: 'per_page', unitAmount: f.amount, quantity: n * copies, amount: f.amount * n * copies, note: f.note });
      perCopy += f.amount * n;
    }
    const caps = perPage.map((f) => f.max).filter((m): m is number => typeof m === 'number');
    const cap = caps.length ? Math.min(...caps) : undefined;
    if (cap !== undefined && perCopy > cap) {
      lines.push({ label: `Không vượt quá ${formatVnd(cap)} mỗi bản`, basis: 'cap', unitAmount: cap - perCopy, quantity: copies, amount: (cap - perCopy) * copies });
    }
  }
  for (const f of fees.filter((x) => x.copiesField)) {
    if (!input.requested) continue;
    const n = Number(input.requested[f.copiesField!] ?? 0);
    const asked = Number.isInteger(n) && n > 0 ? Math.min(n, 10_000) : 0;
    if (asked === 0) continue;
    const raw = f.amount * asked;
    const amount = f.max !== undefined ? Math.min(raw, f.max) : raw;
    lines.push({ label: f.label, basis: 'per_copy', unitAmount: f.amount, quantity: asked, amount, note: f.note });
  }
  for (const f of fees.filter((x) => x.basis === 'per_copy' && !x.copiesField)) {
    const raw = f.amount * copies;
    const amount = f.max !== undefined ? Math.min(raw, f.max) : raw;
    lines.push({ label: f.label, basis: 'per_copy', unitAmount: f.amount, quantity: copies, amount, note: f.max !== undefined && raw > f.max ? `tối đa ${formatVnd(f.max)}` : f.note });
  }

  const gross = Math.max(0, lines.reduce((s, l) => s + l.amount, 0));
  let exemption: FeeQuote['exemption'] = null;
  if (input.exemption) {
    const reason = input.exemption.reason.normalize('NFC').trim();
    const percent = input.exemption.percent ?? 100;
    if (reason.length < 3) throw new ValidationError('Cần ghi lý do miễn, giảm phí, lệ phí.', [{ field: 'exemption.reason', code: 'required', message: 'Ghi lý do miễn, giảm (đối tượng được miễn và giấy tờ chứng minh)' }]);
    if (!Number.isInteger(percent) || percent < 1 || percent > 100) throw new ValidationError('Mức miễn, giảm từ 1 đến 100%.', [{ field: 'exemption.percent', code: 'invalid_number', message: 'Mức miễn, giảm từ 1 đến 100%' }]);
    exemption = { reason: reason.slice(0, 300), percent };
  }
  const amount = exemption ? gross - Math.round((gross * exemption.percent) / 100) : gross;
  return {
    channel: ch?.kind ?? channel,
    lines,
    gross,
    exemption,
    amount,
    pages,
    copies,
    structured: fees.length > 0,
    onRequest: fees.filter((f) => f.copiesField && f.amount > 0).map((f) => ({ label: f.label, unitAmount: f.amount, field: f.copiesField! })),
    feeText: ch?.feeText ?? '',
    exemptions: procedure.exemptions,
  };
}

/** "Miễn phí", "20.000 đồng", "Theo quy định…": one phrase for a receipt or a list. */
export function feePhrase(q: FeeQuote): string {
  if (!q.structured) return q.feeText || 'Không có thông tin';
  if (q.exemption && q.amount === 0) return `Miễn (${q.exemption.reason})`;
  if (q.amount === 0) return 'Miễn phí';
  return formatVnd(q.amount) + (q.exemption ? ` (giảm ${q.exemption.percent}%: ${q.exemption.reason})` : '');
}
