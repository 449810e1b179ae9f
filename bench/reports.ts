/**
 * `npm run bench:reports` (issue 12, "Scale and speed"), on PostgreSQL:
 *  1. the summary of one period over 3,321 communes × 50 data elements × 34 options (each
 *     element disaggregated by home province): the values (5,645,400 rows) and their rolled-up
 *     totals are written with the real schema by bulk SQL, then `ReportService.summary` (what
 *     `GET /api/reports/summary` answers) and the supervisor's page model are timed at the top
 *     unit (34 provinces below it) and at one province (its communes below it) — target under 1 s;
 *  2. a DHIS2 JSON file for all 3,321 communes of one day, 50 values each (166,050 values),
 *     imported by `ReportService.importDataValueSet` (checks, values, audit, rollups, one
 *     transaction) — target under 10 s; then exported back and compared.
 * Every run's time, the load average and this process's CPU time are printed next to the figures.
 *
 * Settings (environment): BENCH_UNITS (3321 communes), BENCH_ELEMENTS (50), BENCH_RUNS (10), BENCH_ONLY
 * (summary | import: one part only),
 * BENCH_PG_URL or TEST_DATABASE_URL (a PostgreSQL server where the user may create databases;
 * default postgres://motcua@127.0.0.1:55432/postgres).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { buildServices } from '../src/app';
import { loadConfig } from '../src/config';
import { PROVINCES, type ReportActor } from '../src/report';
import { fixedClock } from '../src/shared/clock';
import { SummaryService } from '../src/report/summary.service';
import { pct, pgDatabase } from './lib';

const COMMUNES = Number(process.env.BENCH_UNITS ?? 3321);
const ELEMENTS = Number(process.env.BENCH_ELEMENTS ?? 50);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const NOW = new Date('2026-12-03T03:00:00Z'); // 10:00 in Hà Nội
const PERIOD = '20261203';
const ROOT = '00';
const SUMMARY_TARGET_MS = 1000;
const IMPORT_TARGET_MS = 10_000;
const ONLY = process.env.BENCH_ONLY ?? '';

const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
const r1 = (x: number) => Math.round(x * 10) / 10;

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; cpu: number; value: T }> {
  const t = performance.now();
  const c = process.cpuUsage();
  const value = await fn();
  const d = process.cpuUsage(c);
  return { ms: performance.now() - t, cpu: (d.user + d.system) / 1000, value };
}

async function runs(label: string, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number; cpu: number }> {
  for (let i = 0; i < 2; i++) await fn();
  const times: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = await timed(fn);
    times.push(t.ms);
    cpus.push(t.cpu);
  }
  console.log(`  ${label}: ${times.map((x) => x.toFixed(0)).join(' ')} ms (load ${load()})`);
  return { p50: r1(pct(times, 50)), p95: r1(pct(times, 95)), cpu: r1(pct(cpus, 50)) };
}

async function main() {
  const pg = await pgDatabase();
  if (!pg) {
    console.log('bench:reports cần PostgreSQL (mục tiêu của issue 12 là trên PostgreSQL).');
    return;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-reports-'));
  const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: pg.url, LOG_LEVEL: 'silent', RATE_LIMIT: 'off' });
  const s = await buildServices(config, { clock: fixedClock(NOW) });
  const db = s.database.db;
  try {
    console.log(`bench:reports — PostgreSQL, ${COMMUNES.toLocaleString('vi-VN')} xã × ${ELEMENTS} chỉ tiêu × ${PROVINCES.length} tỉnh (máy: ${os.cpus().length} lõi, tải ${load()})`);
    // ---------------------------------------------------------------- units (the real table)
    const at = NOW.toISOString();
    const unitRows = [
      { code: ROOT, name: 'Cả nước (thử tải)', kind: 'province', parent_code: null as string | null, sort: 0 },
      ...PROVINCES.map(([code, name], i) => ({ code, name, kind: 'province', parent_code: ROOT, sort: i + 1 })),
      ...Array.from({ length: COMMUNES }, (_, i) => ({ code: String(10_000 + i), name: `Xã thử tải ${i + 1}`, kind: 'commune', parent_code: PROVINCES[i % PROVINCES.length]![0], sort: i })),
    ].map((u) => ({ ...u, address: '', phone: '', email: '', opening_hours: '', created_at: at, updated_at: at }));
    for (let i = 0; i < unitRows.length; i += 1000) await db.insertInto('units').values(unitRows.slice(i, i + 1000)).execute();
    s.units.invalidate();
    const communes = unitRows.filter((u) => u.kind === 'commune').map((u) => u.code);
    const elements = Array.from({ length: ELEMENTS }, (_, i) => `CT${String(i + 1).padStart(2, '0')}`);

    // ---------------------------------------------------------------- 1. summary
    const none = { p50: NaN, p95: NaN, cpu: NaN };
    let top = none;
    let page = none;
    let province = none;
    let provPage = none;
    let provOne = { children: [] as unknown[] };
    if (ONLY !== 'import') {
    await s.reports.saveDataSet(undefined, {
      code: 'THU_TAI_TONG_HOP',
      name: 'Thử tải: lao động về địa phương theo tỉnh quê quán',
      periodType: 'daily',
      ownerUnit: ROOT,
      units: communes,
      dataElements: elements.map((code, i) => ({ code, name: `Chỉ tiêu ${i + 1}`, valueType: 'INTEGER_ZERO_OR_POSITIVE', categoryCombo: 'PROVINCE' })),
    });
    let t = await timed(async () => {
      // Every commune's 50 × 34 values, then the rolled-up totals as saving them would have left
      // them: each commune's own, each province's (its communes), the top unit's.
      await sql`INSERT INTO report_values (data_set, period, unit_code, place_id, data_element, coc, value, comment, updated_by, updated_at)
        SELECT 'THU_TAI_TONG_HOP', ${PERIOD}, u.code, '', e.code, o.code, ((hashtext(u.code || e.code || o.code) & 1023) % 40)::text, '', 'bench', ${at}
        FROM units u CROSS JOIN report_data_elements e CROSS JOIN report_category_option_combos o
        WHERE u.kind = 'commune' AND e.data_set = 'THU_TAI_TONG_HOP' AND o.combo = 'PROVINCE'`.execute(db);
      await sql`INSERT INTO report_rollups (data_set, period, unit_code, data_element, coc, "sum", "count")
        SELECT data_set, period, unit_code, data_element, coc, value::double precision, 1 FROM report_values WHERE data_set = 'THU_TAI_TONG_HOP'`.execute(db);
      await sql`INSERT INTO report_rollups (data_set, period, unit_code, data_element, coc, "sum", "count")
        SELECT r.data_set, r.period, u.parent_code, r.data_element, r.coc, sum(r."sum"), sum(r."count")
        FROM report_rollups r JOIN units u ON u.code = r.unit_code
        WHERE r.data_set = 'THU_TAI_TONG_HOP' AND u.kind = 'commune' GROUP BY 1, 2, 3, 4, 5`.execute(db);
      await sql`INSERT INTO report_rollups (data_set, period, unit_code, data_element, coc, "sum", "count")
        SELECT data_set, period, ${ROOT}, data_element, coc, sum("sum"), sum("count") FROM report_rollups
        WHERE data_set = 'THU_TAI_TONG_HOP' AND unit_code IN (SELECT code FROM units WHERE parent_code = ${ROOT}) GROUP BY 1, 2, 4, 5`.execute(db);
      // Which communes reported, as saving would have kept it: rebuilt from the values (the rebuild's own time is printed).
      const rb = await timed(() => s.reports.rebuildReported('THU_TAI_TONG_HOP'));
      console.log(`  report_reported dựng lại từ các giá trị: ${rb.value} dòng trong ${(rb.ms / 1000).toFixed(1)} s`);
      await sql`ANALYZE report_values`.execute(db);
      await sql`ANALYZE report_rollups`.execute(db);
      await sql`ANALYZE report_reported`.execute(db);
    });
    const count = await db.selectFrom('report_values').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    console.log(`Đã tạo ${Number(count.n).toLocaleString('vi-VN')} giá trị và các tổng cộng dồn trong ${(t.ms / 1000).toFixed(1)} s.`);

    const summaries = new SummaryService({ reports: s.reports, units: s.units, reminders: async () => [], clock: s.clock });
    const one = await s.reports.summary({ dataSet: 'THU_TAI_TONG_HOP', period: PERIOD, orgUnit: ROOT });
    top = await runs(`summary(${ROOT}) — ${one.values.length} tổng, ${one.children.length} đơn vị × ${one.children[0]?.values.length ?? 0}`, () => s.reports.summary({ dataSet: 'THU_TAI_TONG_HOP', period: PERIOD, orgUnit: ROOT }));
    page = await runs(`trang tổng hợp (${ROOT}, kèm tình hình gửi ${COMMUNES} xã)`, () => summaries.view(ROOT, { dataSet: 'THU_TAI_TONG_HOP', period: PERIOD, orgUnit: ROOT }));
    const prov = PROVINCES[0]![0];
    provOne = await s.reports.summary({ dataSet: 'THU_TAI_TONG_HOP', period: PERIOD, orgUnit: prov });
    province = await runs(`summary(${prov}) — ${provOne.children.length} xã`, () => s.reports.summary({ dataSet: 'THU_TAI_TONG_HOP', period: PERIOD, orgUnit: prov }));
    provPage = await runs(`trang tổng hợp (${prov}, ${provOne.children.length} xã)`, () => summaries.view(ROOT, { dataSet: 'THU_TAI_TONG_HOP', period: PERIOD, orgUnit: prov }));
    }

    // ---------------------------------------------------------------- 2. import
    let first = { ms: NaN, cpu: NaN };
    let second = first;
    if (ONLY !== 'summary') {
    await s.reports.saveDataSet(undefined, {
      code: 'THU_TAI_NGAY',
      name: 'Thử tải: báo cáo ngày của mọi xã',
      periodType: 'daily',
      ownerUnit: ROOT,
      units: communes,
      dataElements: elements.map((code, i) => ({ code, name: `Chỉ tiêu ${i + 1}`, valueType: 'INTEGER_ZERO_OR_POSITIVE' })),
    });
    const file = JSON.stringify({
      dataSet: 'THU_TAI_NGAY',
      period: PERIOD,
      orgUnit: ROOT,
      dataValues: communes.flatMap((u, i) => elements.map((e, k) => ({ dataElement: e, orgUnit: u, value: String((i * 7 + k * 13) % 500) }))),
    });
    const actor: ReportActor = { id: 'bench', name: 'Thử tải', unitCode: ROOT, role: 'supervisor' };
    console.log(`Tệp DHIS2 JSON: ${(file.length / 1e6).toFixed(1)} MB, ${(COMMUNES * ELEMENTS).toLocaleString('vi-VN')} giá trị.`);
    let ti = await timed(async () => s.reports.importDataValueSet(actor, JSON.parse(file)));
    const imp = ti.value;
    console.log(`  nhập lần 1: ${ti.ms.toFixed(0)} ms, CPU ${ti.cpu.toFixed(0)} ms (load ${load()}) — ${imp.status} ${JSON.stringify(imp.importCount)}${imp.conflicts.length ? ' ' + JSON.stringify(imp.conflicts.slice(0, 3)) : ''}`);
    first = { ms: r1(ti.ms), cpu: r1(ti.cpu) };
    ti = await timed(async () => s.reports.importDataValueSet(actor, JSON.parse(file.replaceAll('"value":"1"', '"value":"2"'))));
    console.log(`  nhập lần 2 (cùng tệp, vài giá trị đổi): ${ti.ms.toFixed(0)} ms, CPU ${ti.cpu.toFixed(0)} ms (load ${load()}) — ${ti.value.status} ${JSON.stringify(ti.value.importCount)}`);
    second = { ms: r1(ti.ms), cpu: r1(ti.cpu) };
    const back = await timed(() => s.reports.exportDataValueSet({ dataSet: 'THU_TAI_NGAY', period: PERIOD, orgUnit: ROOT, children: true }));
    const total = await s.reports.summary({ dataSet: 'THU_TAI_NGAY', period: PERIOD, orgUnit: ROOT });
    const expected = JSON.parse(file.replaceAll('"value":"1"', '"value":"2"')).dataValues.filter((v: { dataElement: string }) => v.dataElement === 'CT01').reduce((a: number, v: { value: string }) => a + Number(v.value), 0);
    console.log(`  xuất lại: ${back.value.dataValues.length.toLocaleString('vi-VN')} giá trị trong ${back.ms.toFixed(0)} ms; tổng CT01 cả nước ${total.values.find((v) => v.dataElement === 'CT01')?.value} (tệp: ${expected})`);
    }

    console.log('\nKết quả (PostgreSQL; tải máy lúc kết thúc ' + load() + '):');
    console.log('| phép đo | p50 | p95 | CPU tiến trình (p50) | mục tiêu | tỷ lệ p95/mục tiêu |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    const row = (what: string, m: { p50: number; p95: number; cpu: number }, target: number) => console.log(`| ${what} | ${m.p50} ms | ${m.p95} ms | ${m.cpu} ms | ${target} ms | ${(m.p95 / target).toFixed(2)} |`);
    row(`tổng hợp 1 kỳ, ${COMMUNES} xã × ${ELEMENTS} × ${PROVINCES.length} (cấp trên cùng)`, top, SUMMARY_TARGET_MS);
    row(`trang tổng hợp (tổng + tình hình gửi)`, page, SUMMARY_TARGET_MS);
    row(`tổng hợp 1 tỉnh (${provOne.children.length} xã)`, province, SUMMARY_TARGET_MS);
    row(`trang tổng hợp 1 tỉnh (${provOne.children.length} xã)`, provPage, SUMMARY_TARGET_MS);
    row(`nhập DHIS2 JSON ${(COMMUNES * ELEMENTS).toLocaleString('vi-VN')} giá trị (lần 1)`, { p50: first.ms, p95: first.ms, cpu: first.cpu }, IMPORT_TARGET_MS);
    row(`nhập lại cùng tệp (cập nhật)`, { p50: second.ms, p95: second.ms, cpu: second.cpu }, IMPORT_TARGET_MS);
    const ok = (ONLY === 'import' || Math.max(top.p95, page.p95, province.p95, provPage.p95) < SUMMARY_TARGET_MS) && (ONLY === 'summary' || first.ms < IMPORT_TARGET_MS);
    console.log(ok ? '\nĐẠT cả hai mục tiêu.' : '\nCHƯA ĐẠT mục tiêu (xem bảng; tải máy ở trên).');
  } finally {
    await s.database.close();
    await pg.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
