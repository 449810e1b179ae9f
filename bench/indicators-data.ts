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
import { uuidv7 } from '../src/shared/ids';
import { BENCH_PROCEDURES, benchUnits, dossierLife, DAY, HOUR, historyRows, mulberry32, papersAndMoney } from './data-lib';

export { BENCH_PROCEDURES };

export interface Generated {
  units: string[];
  dossiers: number;
  history: number;
}

export async function generate(s: Services, n: number, unitCount: number, now: Date, log: (m: string) => void = () => {}): Promise<Generated> {
  const rnd = mulberry32(7);
  const units = await benchUnits(s, unitCount);
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
      const { kept, status, due, finish, finished, returned, supplements, fee, paidAt, resultFile } = dossierLife(rnd, procedure, channel, t0, NOW);
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
      buf.history.push(...historyRows(id, kept, () => ({ kind: 'staff', id: null, name: 'Bench' })));
      historyCount += kept.length;
      const extra = papersAndMoney(rnd, { id, code, unit, channel, k, t0, now: NOW, life: { kept, finish, finished, returned, fee, paidAt, resultFile } });
      buf.files.push(...extra.files);
      if (extra.fee) buf.fees.push(extra.fee);
      if (extra.payment) buf.payments.push(extra.payment);
      if (extra.rating) buf.ratings.push(extra.rating);
      if (buf.dossiers.length >= 2000) {
        await flush(trx as unknown as typeof db);
        if ((k + 1) % 50_000 === 0) log(`  ${(k + 1).toLocaleString('vi-VN')} hồ sơ, ${historyCount.toLocaleString('vi-VN')} dòng lịch sử (${((performance.now() - started) / 1000).toFixed(1)} s)`);
      }
    }
    await flush(trx as unknown as typeof db);
  });
  return { units, dossiers: n, history: historyCount };
}
