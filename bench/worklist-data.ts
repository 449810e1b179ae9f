/**
 * The generator of the worklist benchmark: N dossiers (default 200,000) spread over U units
 * (default 20), shaped like a year of a busy commune office — most dossiers returned, a few
 * percent open at each step, some waiting for the citizen, some overdue — with applicants,
 * assignees, step roles, deadlines and search names, written in batches straight into the tables.
 *
 * Run alone: `tsx bench/worklist-data.ts [N] [U]` with DATABASE_URL (or DATA_DIR) set; the
 * benchmark (bench/worklist.ts) calls `generate` itself.
 */
import { randomBytes } from 'node:crypto';
import { buildServices, type Services } from '../src/app';
import { loadConfig } from '../src/config';
import { uuidv7 } from '../src/shared/ids';
import { fold } from '../src/shared/vietnamese';
import { BENCH_PROCEDURES, benchUnits, insertStaff, mulberry32, personName, phoneNumber, pick, STEP_ROLES, type BenchStaff } from './data-lib';

export { BENCH_PROCEDURES };

/** Cumulative shares of statuses (a year of dossiers: mostly finished). */
const STATUS_MIX: Array<[string, number]> = [
  ['returned', 0.8],
  ['new', 0.015],
  ['received', 0.04],
  ['in_progress', 0.07],
  ['supplement_requested', 0.02],
  ['payment_requested', 0.01],
  ['processed', 0.025],
  ['withdrawn', 0.008],
  ['stopped', 0.004],
  ['not_received', 0.008],
];

export interface GeneratedUnit {
  code: string;
  staff: BenchStaff[];
}

let rnd = mulberry32(42);

function statusOf(): string {
  let x = rnd();
  for (const [s, share] of STATUS_MIX) {
    if (x < share) return s;
    x -= share;
  }
  return 'returned';
}

/** Units (the demo's two wards plus generated ones), 5 officials each, and the dossiers. */
export async function generate(s: Services, n: number, unitCount: number, now: Date, log: (m: string) => void = () => {}): Promise<GeneratedUnit[]> {
  rnd = mulberry32(42);
  const codes = await benchUnits(s, unitCount);
  const db = s.database.db;
  const t = now.toISOString();
  const units: GeneratedUnit[] = [];
  for (const code of codes) units.push({ code, staff: await insertStaff(db, code, t) });
  // One process version per unit and procedure (what a dossier keeps).
  const processes = new Map<string, string>();
  for (const u of codes) for (const p of BENCH_PROCEDURES) processes.set(`${u}/${p}`, (await s.workflow.current(u, p)).id);

  const day = 86_400_000;
  const batch = s.database.kind === 'sqlite' ? 200 : 500;
  let done = 0;
  const started = performance.now();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < n; i += batch) {
      const rows = [];
      for (let j = i; j < Math.min(n, i + batch); j++) {
        const unit = units[Math.floor(rnd() * units.length)]!;
        const procedureCode = pick(rnd, BENCH_PROCEDURES);
        const status = statusOf();
        const open = !['returned', 'withdrawn', 'stopped', 'not_received'].includes(status);
        // Open dossiers were received in the last weeks; finished ones over the year.
        const receivedAt = new Date(now.getTime() - (open ? rnd() * 20 : 10 + rnd() * 355) * day);
        const dueAt = new Date(receivedAt.getTime() + (1 + Math.floor(rnd() * 15)) * day);
        const name = personName(rnd);
        const phone = phoneNumber(rnd);
        const specialist = unit.staff.filter((x) => x.role === 'specialist')[Math.floor(rnd() * 3)]!;
        const stepNo = status === 'new' ? 0 : status === 'received' ? (rnd() < 0.5 ? 0 : 1) : status === 'in_progress' ? 2 + Math.floor(rnd() * 3) : status === 'processed' ? 5 : 2;
        const role = STEP_ROLES[stepNo]!;
        const day6 = receivedAt.toISOString().slice(2, 10).replace(/-/g, '');
        rows.push({
          id: uuidv7(receivedAt.getTime()),
          code: `${unit.code}-${day6}-${String(j).padStart(6, '0')}`,
          unit_code: unit.code,
          procedure_code: procedureCode,
          channel: rnd() < 0.4 ? 'online' : 'in_person',
          case_id: null,
          status,
          applicant: JSON.stringify({ fullName: name, phone }),
          applicant_phone: phone,
          applicant_name: name,
          search_name: fold(name),
          citizen_id: null,
          form_data: '{}',
          delivery: '{"method":"counter"}',
          digitised: 1,
          submitted_at: receivedAt.toISOString(),
          received_at: status === 'new' ? null : receivedAt.toISOString(),
          due_at: dueAt.toISOString(),
          due_fixed: status === 'new' ? 0 : 1,
          idempotency_key: null,
          created_by: 'bench',
          created_at: receivedAt.toISOString(),
          updated_at: receivedAt.toISOString(),
          process_id: processes.get(`${unit.code}/${procedureCode}`)!,
          step_no: stepNo,
          current_role: open && !['supplement_requested', 'payment_requested'].includes(status) ? role : '',
          assignee_id: status === 'in_progress' && stepNo === 2 ? specialist.id : null,
          examiner_id: stepNo >= 2 ? specialist.id : null,
          step_started_at: receivedAt.toISOString(),
          step_due_at: new Date(receivedAt.getTime() + (dueAt.getTime() - receivedAt.getTime()) * (0.1 + stepNo * 0.15)).toISOString(),
          schedule: '[]',
          finished_at: open && status !== 'processed' ? null : dueAt.toISOString(),
          returned_at: status === 'returned' ? dueAt.toISOString() : null,
        });
      }
      await trx.insertInto('dossiers').values(rows).execute();
      done += rows.length;
      if (done % 50_000 === 0) log(`  ${done.toLocaleString('vi-VN')} hồ sơ (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
  });
  return units;
}

// Run alone: tsx bench/worklist-data.ts [N] [U]
if (process.argv[1]?.endsWith('worklist-data.ts')) {
  const n = Number(process.argv[2] ?? 200_000);
  const u = Number(process.argv[3] ?? 20);
  const s = await buildServices(loadConfig({ ...process.env, LOG_LEVEL: 'silent' }));
  await generate(s, n, u, new Date(), (m) => console.log(m));
  await s.database.close();
  console.log(`Đã tạo ${n} hồ sơ ở ${u} đơn vị (mã ngẫu nhiên ${randomBytes(2).toString('hex')}).`);
}
