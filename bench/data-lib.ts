/**
 * What the benchmarks' data generators share (bench/worklist-data.ts, bench/indicators-data.ts,
 * bench/province-data.ts): a seeded random source (the same data on every engine and every run),
 * Vietnamese names and phone numbers, the bench's units and their officials, the roles of a
 * default process's steps, and a dossier's life as the action engine writes it into the history.
 */
import type { Kysely } from 'kysely';
import type { Services } from '../src/app';
import type { DB } from '../src/db/schema';
import { seedDemo } from '../src/demo';
import { uuidv7 } from '../src/shared/ids';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

/** The procedures the worklist and indicators benches spread their dossiers over. */
export const BENCH_PROCEDURES = ['1.001193', '1.000894', '1.004873', '1.004222', '2.000908'];

/** A deterministic random source in [0, 1) (mulberry32). */
export function mulberry32(seed: number): () => number {
  let s = seed;
  return () => {
    s |= 0;
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Hồng', 'Đức', 'Thu', 'Quang', 'Ngọc', 'Anh', 'Thanh'];
const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hòa', 'Hùng', 'Lan', 'Linh', 'Mai', 'Nam', 'Ngân', 'Phong', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Việt', 'Yến'];

/** A citizen's full name ("Nguyễn Thị Lan"). */
export function personName(rnd: () => number): string {
  return `${pick(rnd, FAMILY)} ${pick(rnd, MIDDLE)} ${pick(rnd, GIVEN)}`;
}

/** A mobile number 09xxxxxxxx. */
export function phoneNumber(rnd: () => number): string {
  return `09${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`;
}

/** Who acts at each step of the default process (receive, assign, examine, approve, sign, return). */
export const STEP_ROLES = ['receptionist', 'leader', 'specialist', 'leader', 'leader', 'receptionist'];

/** The demo's units (two wards of Hà Nội, code 01) and generated wards 20002, 20003, … up to `count` wards in all. */
export async function benchUnits(s: Services, count: number): Promise<string[]> {
  await seedDemo(s.units, s.catalog, s.accounts);
  const codes = ['00004', '00082'];
  for (let i = codes.length; i < count; i++) {
    const code = String(20000 + i);
    await s.units.upsert({ code, name: `Phường Thử Nghiệm ${i}`, kind: 'ward', parentCode: '01', sort: i + 10 });
    codes.push(code);
  }
  return codes;
}

export interface BenchStaff {
  id: string;
  role: string;
}

/** Five officials of a unit (a receptionist, three specialists, a leader), written straight into the table. */
export async function insertStaff(db: Kysely<DB>, code: string, at: string): Promise<BenchStaff[]> {
  const staff: BenchStaff[] = [];
  for (const role of ['receptionist', 'specialist', 'specialist', 'specialist', 'leader']) {
    const id = uuidv7();
    staff.push({ id, role });
    await db
      .insertInto('staff')
      .values({ id, username: `b${code}${staff.length}`, full_name: `Cán bộ ${staff.length} của ${code}`, unit_code: code, role, fields: '[]', password_hash: 'x', active: 1, created_at: at, updated_at: at })
      .execute();
  }
  return staff;
}

/** One history row of a generated dossier (`at`: epoch ms). */
export interface LifeEvent {
  action: string;
  at: number;
  to: string;
  data: Record<string, unknown>;
}

/** A dossier's life from its receipt `t0`, as the action engine writes it, cut at `now`. */
export interface Life {
  /** The history rows written by `now`. */
  kept: LifeEvent[];
  status: string;
  /** The appointment after the last move (supplements and fee waits move it). */
  due: number;
  finish: number;
  finished: boolean;
  returned: boolean;
  supplements: number;
  /** The fee asked (VND, 0 = none) and when it was paid. */
  fee: number;
  paidAt: number;
  resultFile: boolean;
}

/**
 * Submit + accept online (or receive at the counter or by post), assign, a fee asked and paid for
 * some, one or two supplement requests for some, approve, result (with a signed file or not; 8%
 * late), return. The random draws are made in a fixed order (the benches' data depend on it).
 */
export function dossierLife(rnd: () => number, procedure: string, channel: string, t0: number, now: number): Life {
  let due = t0 + (3 + Math.floor(rnd() * 8)) * DAY;
  const hist: LifeEvent[] = [];
  if (channel === 'online') {
    hist.push({ action: 'submit', at: t0 - HOUR, to: 'new', data: { dueAt: new Date(due - HOUR).toISOString() } });
    hist.push({ action: 'accept', at: t0, to: 'received', data: { dueAt: new Date(due).toISOString() } });
  } else hist.push({ action: 'receive', at: t0, to: 'received', data: { dueAt: new Date(due).toISOString() } });
  let t = t0 + HOUR;
  hist.push({ action: 'assign', at: t, to: 'in_progress', data: {} });
  const fee = procedure === '1.004222' || rnd() < 0.1 ? 20000 : 0;
  let paidAt = 0;
  if (fee && rnd() < 0.5) {
    // Asked for the fee, paid a day later: the appointment moves by the paused day.
    hist.push({ action: 'request_payment', at: (t += HOUR), to: 'payment_requested', data: { amount: fee } });
    due += DAY;
    paidAt = t += DAY;
    hist.push({ action: 'confirm_payment', at: paidAt, to: 'in_progress', data: { amount: fee, dueAt: new Date(due).toISOString() } });
  } else if (fee) paidAt = t0 + 10 * 60_000;
  const s1 = rnd();
  const supplements = s1 < 0.03 ? 2 : s1 < 0.15 ? 1 : 0;
  for (let i = 0; i < supplements; i++) {
    hist.push({ action: 'request_supplement', at: (t += 2 * HOUR), to: 'supplement_requested', data: { count: i + 1 } });
    const wait = (1 + Math.floor(rnd() * 3)) * DAY;
    due += wait;
    hist.push({ action: 'supplement', at: (t += wait), to: 'in_progress', data: { dueAt: new Date(due).toISOString() } });
  }
  const late = rnd() < 0.08;
  const finish = late ? due + DAY : t + Math.floor((due - t) * rnd() * 0.9);
  const resultFile = rnd() < 0.7;
  hist.push({ action: 'approve', at: finish - HOUR, to: 'in_progress', data: {} });
  hist.push({ action: 'mark_result_ready', at: finish, to: 'processed', data: { file: resultFile ? { id: uuidv7(finish), name: 'kq.pdf', size: 1000 } : null, late } });
  hist.push({ action: 'return_result', at: finish + DAY, to: 'returned', data: { method: 'in_person' } });
  const kept = hist.filter((h) => h.at <= now);
  return { kept, status: kept.at(-1)!.to, due, finish, finished: finish <= now, returned: finish + DAY <= now, supplements, fee, paidAt, resultFile };
}

/** What `papersAndMoney` needs of a dossier. */
export interface DossierRef {
  id: string;
  code: string;
  unit: string;
  channel: string;
  /** The dossier's number in the run (the payment's order reference). */
  k: number;
  t0: number;
  now: number;
  life: Pick<Life, 'kept' | 'finish' | 'finished' | 'returned' | 'fee' | 'paidAt' | 'resultFile'>;
}

/**
 * The rows beside a dossier: its application form as a file (online, or scanned at the counter
 * for 60%), its signed result file, the fee assessed and its payment (online for half), and a
 * rating for 30% of the returned ones — in the tables' column names.
 */
export function papersAndMoney(rnd: () => number, d: DossierRef, sha = (_i: number) => '') {
  const { id, code, unit, life } = d;
  const files: Array<Record<string, string | number>> = [];
  if (d.channel === 'online' || rnd() < 0.6) {
    files.push({ id: uuidv7(d.t0), dossier_id: id, component: 'to-khai', sha256: sha(0) || 'x'.repeat(64), name: 'to-khai.pdf', mime: 'application/pdf', size: 1000, created_at: new Date(life.kept[0]!.at).toISOString() });
  }
  if (life.finished && life.resultFile) {
    files.push({ id: uuidv7(life.finish), dossier_id: id, component: 'ket-qua', sha256: sha(1) || 'y'.repeat(64), name: 'kq.pdf', mime: 'application/pdf', size: 1000, created_at: new Date(life.finish).toISOString() });
  }
  let fee: Record<string, string | number | null> | undefined;
  let payment: Record<string, string | number | null> | undefined;
  if (life.fee) {
    fee = { dossier_id: id, dossier_code: code, unit_code: unit, amount: life.fee, gross: life.fee, lines: '[]', exemption_reason: null, exemption_percent: 0, assessed_by: 'bench', assessed_at: new Date(d.t0).toISOString() };
    if (life.paidAt <= d.now) {
      const online = rnd() < 0.5;
      const at = new Date(life.paidAt).toISOString();
      payment = {
        id: uuidv7(life.paidAt),
        dossier_id: id,
        dossier_code: code,
        unit_code: unit,
        method: online ? 'vnpay' : 'cash',
        amount: life.fee,
        status: 'paid',
        online: online ? 1 : 0,
        order_ref: `bench-${d.k}`,
        provider_ref: null,
        receipt_no: null,
        data: '{}',
        created_by: 'bench',
        created_at: at,
        confirmed_at: at,
      };
    }
  }
  let rating: Record<string, string | number | null> | undefined;
  if (life.returned && rnd() < 0.3) {
    const at = new Date(life.finish + DAY + HOUR).toISOString();
    const r = rnd();
    rating = {
      id: uuidv7(life.finish + DAY),
      rating_id: id,
      version: 1,
      dossier_id: id,
      dossier_code: code,
      unit_code: unit,
      source: 'link',
      level: r < 0.05 ? 'dissatisfied' : r < 0.5 ? 'satisfied' : 'very_satisfied',
      reasons: '[]',
      comment: '',
      actor_kind: 'anonymous',
      actor_id: null,
      first_rated_at: at,
      created_at: at,
    };
  }
  return { files, fee, payment, rating };
}

/** Who wrote a history row (the dossier_history columns). */
export interface HistoryActor {
  kind: 'staff' | 'citizen';
  id: string | null;
  name: string;
}

/** A dossier's history rows (seq from 1, each row's status moving from the previous one's), in the table's column names. */
export function historyRows(dossierId: string, kept: LifeEvent[], actorOf: (h: LifeEvent) => HistoryActor) {
  return kept.map((h, i) => {
    const a = actorOf(h);
    return {
      id: uuidv7(h.at),
      dossier_id: dossierId,
      seq: i + 1,
      action: h.action,
      from_status: i ? kept[i - 1]!.to : 'draft',
      to_status: h.to,
      actor_kind: a.kind,
      actor_id: a.id,
      actor_name: a.name,
      comment: '',
      data: JSON.stringify(h.data),
      idempotency_key: null,
      created_at: new Date(h.at).toISOString(),
    };
  });
}
