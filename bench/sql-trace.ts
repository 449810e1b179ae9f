/**
 * `npx tsx bench/sql-trace.ts`: every SQL statement one multipart POST /api/dossiers runs (the
 * bench's request: procedure BENCH_PROCEDURE, one PDF per required paper), with its duration, on
 * SQLite and (TEST_DATABASE_URL set) PostgreSQL. TRACE_WARM (20) submissions are made before the
 * traced one, TRACE_FILL (0) more to see which statements grow with the number of dossiers.
 * Statements are timed at the driver (better-sqlite3's Statement, pg's Client.query).
 */
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { APPLICANT, fillForm, multipart } from '../src/dossier/dossier.testing';
import { createTestEnv, engines, type TestEnv } from '../src/shared/testing';

const PROC = process.env.BENCH_PROCEDURE ?? '1.012564';
const WARM = Number(process.env.TRACE_WARM ?? 20);
const FILL = Number(process.env.TRACE_FILL ?? 0);

interface Row { sql: string; ms: number }
let log: Row[] | undefined;

// better-sqlite3: patch the Statement prototype (run/all/get/iterate).
{
  const probe = new SQLite(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('select 1'));
  for (const m of ['run', 'all', 'get']) {
    const orig = proto[m];
    proto[m] = function (this: { source: string }, ...a: unknown[]) {
      const t = performance.now();
      try {
        return orig.apply(this, a);
      } finally {
        log?.push({ sql: this.source, ms: performance.now() - t });
      }
    };
  }
  probe.close();
}
// pg: Client.query (Kysely calls it with (sql, params)).
{
  const orig = pg.Client.prototype.query as (...a: unknown[]) => unknown;
  (pg.Client.prototype as any).query = function (this: unknown, ...a: unknown[]) {
    const t = performance.now();
    const r = orig.apply(this, a);
    const sqlText = typeof a[0] === 'string' ? a[0] : (a[0] as { text?: string })?.text ?? '?';
    if (r && typeof (r as Promise<unknown>).then === 'function' && log) {
      const l = log;
      (r as Promise<unknown>).then(
        () => l.push({ sql: sqlText, ms: performance.now() - t }),
        () => l.push({ sql: 'FAILED ' + sqlText, ms: performance.now() - t }),
      );
    }
    return r;
  };
}

async function submit(env: TestEnv, body: { body: Buffer; headers: Record<string, string> }) {
  const r = await env.app.inject({ method: 'POST', url: '/api/dossiers', headers: body.headers, payload: body.body });
  if (r.statusCode !== 201) throw new Error(`${r.statusCode} ${r.body}`);
}

for (const engine of engines()) {
  const env = await createTestEnv(engine, { env: { REQUIRE_PHONE_VERIFICATION: 'off' } });
  try {
    const form = (await env.app.inject({ method: 'GET', url: `/api/procedures/${PROC}/form` })).json() as any;
    const components: string[] = form.cases.filter((c: any) => c.kind === 'general').flatMap((c: any) => c.components.filter((x: any) => x.required).map((x: any) => x.id));
    const dossier = JSON.stringify({ procedureCode: PROC, channel: 'online', applicant: APPLICANT, formData: fillForm(form.formData) });
    let n = 0;
    const make = () => {
      const pdf = Buffer.from(`%PDF-1.4\n% ${n++} ${Math.random()}\n` + 'x'.repeat(200 * 1024) + '\n%%EOF\n');
      return multipart([{ name: 'dossier', value: dossier }, ...components.map((c) => ({ name: c, value: pdf, filename: `${c}.pdf`, type: 'application/pdf' }))]);
    };
    for (let i = 0; i < WARM + FILL; i++) await submit(env, make());
    const timed = Number(process.env.TRACE_TIME ?? 0);
    if (timed) {
      const bodies = Array.from({ length: timed }, make);
      const t0 = performance.now();
      for (const b of bodies) await submit(env, b);
      console.log(`${engine}: ${timed} sequential submissions, ${((performance.now() - t0) / timed).toFixed(2)} ms each`);
    }
    for (const round of [1, 2, 3, 4]) {
      log = [];
      const t = performance.now();
      await submit(env, make());
      const total = performance.now() - t;
      await new Promise((r) => setTimeout(r, 50));
      const rows = log;
      log = undefined;
      if (round === 1) continue;
      if (round < 4) { console.log(`${engine} round ${round}: ${rows.length} statements, ${rows.reduce((s, r) => s + r.ms, 0).toFixed(2)} ms, request ${total.toFixed(1)} ms; slowest ${Math.max(...rows.map((r) => r.ms)).toFixed(2)} ms`); continue; }
      const sum = rows.reduce((s, r) => s + r.ms, 0);
      console.log(`\n=== ${engine}: ${rows.length} statements, ${sum.toFixed(2)} ms in the driver, request ${total.toFixed(1)} ms (after ${WARM + FILL + 1} submissions)`);
      rows.forEach((r, i) => console.log(`${String(i + 1).padStart(3)} ${r.ms.toFixed(3).padStart(8)} ms  ${r.sql.replace(/\s+/g, ' ').slice(0, 260)}`));
    }
  } finally {
    await env.close();
  }
}
