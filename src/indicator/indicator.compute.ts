import type { DossierTimeline } from '../dossier';
import { walkTimeline } from './indicator.timeline';
import { GROUPS, INDICATOR_KEYS, INDICATORS, type GroupFigure, type IndicatorDossier, type IndicatorKey } from './indicator.types';

/**
 * How each indicator is counted, from the history read up to an instant `asOf` (the period's end,
 * or now for the current period). Everything here is a pure function of the dossiers' history
 * rows, their payments and ratings with their own timestamps — so the same question gives the same
 * answer later, and an action taken after a period's end never changes that period.
 *
 * Per dossier (only rows written before `asOf` count):
 * - received: the first `receive` (counter, post) or `accept` (online) row. Never received (still
 *   waiting, refused at reception) → in no indicator.
 * - finished: the first `mark_result_ready`, `reject` or `stop` row. `withdraw` (the citizen's
 *   choice) takes the dossier out of progress and satisfaction.
 * - appointment: the `dueAt` carried by the last row that set it (reception, and every return from
 *   a supplement or a payment, where the action engine moved it later by the working time the clock
 *   was stopped — Decree 118/2025: time waiting for the citizen is not counted). So "supplement time
 *   subtracted" and "paused for payment" are both read from the appointment the history carries.
 * - paused: after `request_supplement` / `request_payment` until `supplement` / `confirm_payment`:
 *   the clock is stopped, so an open dossier is judged at the moment it was paused.
 * - late (Decision 766): more than one `request_supplement`; or finished after its appointment;
 *   or still open and past its appointment at `asOf`. A dossier without an appointment (a
 *   procedure without a processing time) cannot be late.
 */
export interface PaymentFacts {
  fees: Array<{ dossierId: string; amount: number; at: string }>;
  paid: Array<{ dossierId: string; amount: number; online: boolean; at: string }>;
}

export interface Judged {
  id: string;
  code: string;
  unitCode: string;
  procedureCode: string;
  channel: string;
  receivedAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  late: boolean | null;
  supplementRequests: number;
  /** Per indicator (order of INDICATOR_KEYS): 0 = not counted, 1 = denominator only, 2 = numerator too. */
  parts: number[];
}

export interface Context {
  from: string;
  asOf: string;
  /** Fee assessed (amount after exemptions) and payments confirmed before asOf, per dossier. */
  feeOwed: Set<string>;
  paidOnline: Set<string>;
  /** Dossiers whose rating in force at asOf is "Không hài lòng". */
  dissatisfied: Set<string>;
}

const IDX = Object.fromEntries(INDICATOR_KEYS.map((k, i) => [k, i])) as Record<IndicatorKey, number>;

export function paymentSets(p: PaymentFacts, asOf: string): { feeOwed: Set<string>; paidOnline: Set<string> } {
  const feeOwed = new Set<string>();
  const paidOnline = new Set<string>();
  for (const f of p.fees) if (f.at < asOf && f.amount > 0) feeOwed.add(f.dossierId);
  for (const x of p.paid) {
    if (x.at >= asOf || x.amount <= 0) continue;
    feeOwed.add(x.dossierId);
    if (x.online) paidOnline.add(x.dossierId);
  }
  return { feeOwed, paidOnline };
}

export function judge(t: DossierTimeline, c: Context): Judged {
  const w = walkTimeline(t.events, { before: c.asOf });
  const { receivedAt, dueAtReceipt, due, finishedAt, dueAtFinish, resultAt, resultFile, supplements, pausedSince } = w;
  const withdrawn = w.withdrawnAt !== null;
  const paymentAsked = w.paymentAskedAt !== null;
  const parts = new Array<number>(INDICATOR_KEYS.length).fill(0);
  const out: Judged = { id: t.id, code: t.code, unitCode: t.unitCode, procedureCode: t.procedureCode, channel: t.channel, receivedAt, dueAt: due, finishedAt, late: null, supplementRequests: supplements, parts };
  if (!receivedAt) return out;
  const receivedInPeriod = receivedAt >= c.from;
  if (receivedInPeriod) {
    parts[IDX.appointment_published_rate] = dueAtReceipt ? 2 : 1;
    parts[IDX.online_rate] = t.channel === 'online' ? 2 : 1;
    if (c.feeOwed.has(t.id) || paymentAsked) parts[IDX.online_payment_rate] = c.paidOnline.has(t.id) ? 2 : 1;
  }
  // Dossiers of the period (progress, satisfaction): received before asOf and not finished before
  // the period began — those received in the period and those carried over from earlier ones.
  if (!withdrawn && !(finishedAt && finishedAt < c.from)) {
    let late: boolean;
    if (supplements > 1) late = true;
    else if (finishedAt) late = dueAtFinish !== null && finishedAt > dueAtFinish;
    else late = due !== null && (pausedSince ?? c.asOf) > due;
    out.late = late;
    out.dueAt = finishedAt ? dueAtFinish : due;
    parts[IDX.on_time_rate] = late ? 1 : 2;
    parts[IDX.satisfaction_rate] = late || c.dissatisfied.has(t.id) ? 1 : 2;
  }
  // Digitisation: dossiers whose result was issued in the period; counted when their papers were
  // attached as files before the result and the result itself is a signed file.
  if (resultAt && resultAt >= c.from) parts[IDX.digitisation_rate] = resultFile && t.firstFileAt !== null && t.firstFileAt <= resultAt ? 2 : 1;
  return out;
}

/** Counts per indicator: [numerator, denominator]. */
export type Counts = Array<[number, number]>;

export function emptyCounts(): Counts {
  return INDICATOR_KEYS.map(() => [0, 0] as [number, number]);
}

export function add(counts: Counts, j: Judged): void {
  for (let i = 0; i < j.parts.length; i++) {
    const p = j.parts[i]!;
    if (p === 0) continue;
    counts[i]![1]++;
    if (p === 2) counts[i]![0]++;
  }
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * Points: at or above the threshold, all of them; below, rate × max ÷ threshold (Decision 766).
 * Nothing to count (no dossier in the denominator) earns all the points: the unit failed nobody.
 */
export function score(rate: number | null, max: number, threshold: number): number {
  if (rate === null || rate >= threshold) return max;
  return round((rate * max) / threshold, 2);
}

export function figures(counts: Counts): { groups: GroupFigure[]; total: number } {
  const groups = GROUPS.map((g) => {
    const indicators = g.indicators.map((d) => {
      const [numerator, denominator] = counts[IDX[d.key]]!;
      const rate = denominator ? round(numerator / denominator, 4) : null;
      return { key: d.key, name: d.name, numerator, denominator, rate, threshold: d.threshold, score: score(denominator ? numerator / denominator : null, d.max, d.threshold), max: d.max };
    });
    return { key: g.key, name: g.name, max: g.max, score: round(indicators.reduce((s, i) => s + i.score, 0), 2), indicators };
  });
  return { groups, total: round(groups.reduce((s, g) => s + g.score, 0), 2) };
}

export function partOf(j: Judged, key: IndicatorKey): number {
  return j.parts[IDX[key]]!;
}

export function toRow(j: Judged): IndicatorDossier {
  return {
    code: j.code,
    unit: j.unitCode,
    procedureCode: j.procedureCode,
    channel: j.channel,
    receivedAt: j.receivedAt,
    dueAt: j.dueAt,
    finishedAt: j.finishedAt,
    timeliness: j.late === null ? null : j.late ? 'late' : 'on_time',
    supplementRequests: j.supplementRequests,
  };
}

/**
 * Competition ranking ("1, 1, 3"): best total first, equal totals share a position. A unit with no
 * dossier at all in the period is not ranked (position null, listed after the ranked ones): its
 * full marks only say that nobody was failed, not that it served anyone (README, "Chỉ số").
 */
export function rankPositions<T extends { total: number; hasDossiers?: boolean }>(items: T[]): Array<T & { position: number | null }> {
  const ranked = items.filter((x) => x.hasDossiers !== false).sort((a, b) => b.total - a.total);
  let last = Number.NaN;
  let pos = 0;
  const out: Array<T & { position: number | null }> = ranked.map((x, i) => {
    if (x.total !== last) pos = i + 1;
    last = x.total;
    return { ...x, position: pos };
  });
  for (const x of items) if (x.hasDossiers === false) out.push({ ...x, position: null });
  return out;
}

/** The indicators that count dossiers (the others count procedures and feedback). */
export const DOSSIER_KEYS = INDICATOR_KEYS.filter((k) => (INDICATORS[k].counted ?? 'dossiers') === 'dossiers');

/** Whether any dossier was counted: a unit with no dossier in the period has every dossier denominator 0. */
export function hasDossiers(counts: Counts): boolean {
  return DOSSIER_KEYS.some((k) => counts[IDX[k]]![1] > 0);
}

/** Adds records of the other indicators (catalogue, feedback) to a unit's counts. */
export function addRecords(counts: Counts, key: IndicatorKey, parts: Array<{ part: 1 | 2 }>): void {
  const c = counts[IDX[key]]!;
  for (const r of parts) {
    c[1]++;
    if (r.part === 2) c[0]++;
  }
}
