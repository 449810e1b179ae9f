/**
 * The generator of the indicators benchmark (bench/indicators.ts): N dossiers (default 200,000)
 * over U communes of Hà Nội (default 20), received over the year before `now`, each with the
 * history rows the action engine writes (submit + accept online, receive at the counter or by
 * post, assign, supplement requests and answers with the moved appointment, fee requests and
 * payments, approve, result with or without a signed file, return), its papers as files, fees,
 * payments (online or cash) and ratings — written in batches straight into the tables, for
 * volume. Deterministic (the same data on both engines).
 */
import type { Services } from '../src/app';
import { seedDemo } from '../src/demo';
import { uuidv7 } from '../src/shared/ids';

export const BENCH_PROCEDURES = ['1.001193', '1.000894', '1.004873', '1.004222', '2.000908'];
const DAY = 86_400_000;
const HOUR = 3_600_000;

let seed = 7;
function rnd(): number {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

export interface Generated {
  units: string[];
  dossiers: number;
  history: number;
}

export async function generate(s: Services, n: number, unitCount: number, now: Date, log: (m: string) => void = () => {}): Promise<Generated> {
  seed = 7;
  await seedDemo(s.units, s.catalog, s.accounts);
  const units = ['00004', '00082'];
  for (let i = units.length; i < unitCount; i++) {
    const code = String(20000 + i);
    await s.units.upsert({ code, name: `Phường Thử Nghiệm ${i}`, kind: 'ward', parentCode: '01', sort: i + 10 });
    units.push(code);
  }
  const db = s.database.db;
  const batch = s.database.kind === 'sqlite' ? 400 : 1000;
  const NOW = now.getTime();
  let historyCount = 0;
  const started = performance.now();
  type Buf = { dossiers: any[]; history: any[]; files: any[]; fees: any[]; payments: any[]; ratings: any[] };
  const empty = (): Buf => ({ dossiers: [], history: [], files: [], fees: [], payments: [], ratings: [] });
  let buf = empty();
  const flush = async (trx: typeof db) => {
    const chunks = async (table: any, rows: any[]) => {
      for (let i = 0; i < rows.length; i += batch) await trx.insertInto(table).values(rows.slice(i, i + batch)).execute();
    };
    await chunks('dossiers', buf.dossiers);
    await chunks('dossier_history', buf.history);
    await chunks('dossier_files', buf.files);
    await chunks('dossier_fees', buf.fees);
    await chunks('payments', buf.payments);
    await chunks('rating_versions', buf.ratings);
    buf = empty();
  };
  await db.transaction().execute(async (trx) => {
    for (let k = 0; k < n; k++) {
      const unit = units[Math.floor(rnd() * units.length)]!;
      const procedure = BENCH_PROCEDURES[Math.floor(rnd() * BENCH_PROCEDURES.length)]!;
      const x = rnd();
      const channel = x < 0.45 ? 'online' : x < 0.95 ? 'in_person' : 'post';
      // Received on a working hour of the year before now.
      const t0 = NOW - Math.floor(rnd() * 365) * DAY - Math.floor(rnd() * 8) * HOUR;
      const id = uuidv7(t0);
      const code = `${unit}-${String(k).padStart(7, '0')}`;
      let due = t0 + (3 + Math.floor(rnd() * 8)) * DAY;
      const hist: Array<{ action: string; at: number; to: string; data: Record<string, unknown> }> = [];
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
      const kept = hist.filter((h) => h.at <= NOW);
      const finished = finish <= NOW;
      const returned = finish + DAY <= NOW;
      const status = kept.at(-1)!.to;
      buf.dossiers.push({
        id,
        code,
        unit_code: unit,
        procedure_code: procedure,
        channel,
        case_id: null,
        status,
        applicant: '{}',
        applicant_phone: '0900000000',
        applicant_name: 'Bench',
        citizen_id: null,
        form_data: '{}',
        delivery: '{}',
        digitised: 1,
        submitted_at: new Date(kept[0]!.at).toISOString(),
        received_at: new Date(t0).toISOString(),
        due_at: new Date(due).toISOString(),
        due_fixed: 1,
        idempotency_key: null,
        created_by: 'bench',
        created_at: new Date(kept[0]!.at).toISOString(),
        updated_at: new Date(kept.at(-1)!.at).toISOString(),
        finished_at: finished ? new Date(finish).toISOString() : null,
        returned_at: returned ? new Date(finish + DAY).toISOString() : null,
        outcome: finished ? 'approved' : '',
        supplement_count: supplements,
      });
      kept.forEach((h, i) =>
        buf.history.push({
          id: uuidv7(h.at),
          dossier_id: id,
          seq: i + 1,
          action: h.action,
          from_status: i ? kept[i - 1]!.to : 'draft',
          to_status: h.to,
          actor_kind: 'staff',
          actor_id: null,
          actor_name: 'Bench',
          comment: '',
          data: JSON.stringify(h.data),
          idempotency_key: null,
          created_at: new Date(h.at).toISOString(),
        }),
      );
      historyCount += kept.length;
      if (channel === 'online' || rnd() < 0.6) {
        buf.files.push({ id: uuidv7(t0), dossier_id: id, component: 'to-khai', sha256: 'x'.repeat(64), name: 'to-khai.pdf', mime: 'application/pdf', size: 1000, created_at: new Date(kept[0]!.at).toISOString() });
      }
      if (finished && resultFile) buf.files.push({ id: uuidv7(finish), dossier_id: id, component: 'ket-qua', sha256: 'y'.repeat(64), name: 'kq.pdf', mime: 'application/pdf', size: 1000, created_at: new Date(finish).toISOString() });
      if (fee) {
        buf.fees.push({ dossier_id: id, dossier_code: code, unit_code: unit, amount: fee, gross: fee, lines: '[]', exemption_reason: null, exemption_percent: 0, assessed_by: 'bench', assessed_at: new Date(t0).toISOString() });
        if (paidAt <= NOW) {
          const online = rnd() < 0.5;
          buf.payments.push({
            id: uuidv7(paidAt),
            dossier_id: id,
            dossier_code: code,
            unit_code: unit,
            method: online ? 'vnpay' : 'cash',
            amount: fee,
            status: 'paid',
            online: online ? 1 : 0,
            order_ref: `bench-${k}`,
            provider_ref: null,
            receipt_no: null,
            data: '{}',
            created_by: 'bench',
            created_at: new Date(paidAt).toISOString(),
            confirmed_at: new Date(paidAt).toISOString(),
          });
        }
      }
      if (returned && rnd() < 0.3) {
        const at = new Date(finish + DAY + HOUR).toISOString();
        const r = rnd();
        buf.ratings.push({
          id: uuidv7(finish + DAY),
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
        });
      }
      if (buf.dossiers.length >= 2000) {
        await flush(trx as unknown as typeof db);
        if ((k + 1) % 50_000 === 0) log(`  ${(k + 1).toLocaleString('vi-VN')} hồ sơ, ${historyCount.toLocaleString('vi-VN')} dòng lịch sử (${((performance.now() - started) / 1000).toFixed(1)} s)`);
      }
    }
    await flush(trx as unknown as typeof db);
  });
  return { units, dossiers: n, history: historyCount };
}
