/**
 * `npx tsx bench/sql-trace.ts`: every SQL statement one multipart POST /api/dossiers runs (the
 * bench's request: procedure BENCH_PROCEDURE, one PDF per required paper), with its duration, on
 * SQLite and (TEST_DATABASE_URL set) PostgreSQL. TRACE_WARM (20) submissions are made before the
 * traced one, TRACE_FILL (0) more to see which statements grow with the number of dossiers.
 * Statements are timed at the driver (better-sqlite3's Statement, pg's Client.query).
 *
 * PostgreSQL: what goes on the wire besides the statements — socket writes to the server (several
 * statements corked together leave as one) and round trips (a statement sent while its connection
 * awaited no answer: one more wait; one sent behind others still unanswered rides in their wait),
 * on every connection of the process (pool, cluster bus, advisory locks). Then the same figures for
 * each action a dossier takes to "approved" (accept, forward, assign, propose, approve).
 */
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { countSocketWrites } from '../src/db/wire.testing';
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

// The wire: socket writes to the server's port, and round trips counted from the protocol — a
// Sync (extended query) or Query (simple) message is one answer awaited, a ReadyForQuery one given.
const PG_PORT = Number(new URL(process.env.TEST_DATABASE_URL ?? 'postgres://x@127.0.0.1:5432/x').port || 5432);
const writes = countSocketWrites((socket) => socket.remotePort === PG_PORT);
const wire = { waits: 0 };
{
  const pending = new WeakMap<object, number>();
  const Connection = (pg as unknown as { Connection: { prototype: Record<string, (...a: unknown[]) => unknown> } }).Connection.prototype;
  for (const m of ['sync', 'query']) {
    const orig = Connection[m]!;
    Connection[m] = function (this: object, ...a: unknown[]) {
      const n = pending.get(this) ?? 0;
      if (n === 0) wire.waits++;
      pending.set(this, n + 1);
      return orig.apply(this, a);
    };
  }
  const ready = (pg.Client.prototype as any)._handleReadyForQuery as (...a: unknown[]) => unknown;
  (pg.Client.prototype as any)._handleReadyForQuery = function (this: { connection: object }, ...a: unknown[]) {
    pending.set(this.connection, Math.max(0, (pending.get(this.connection) ?? 1) - 1));
    return ready.apply(this, a);
  };
}
const wireOf = (engine: string, w: { writes: number; waits: number }) => (engine === 'postgres' ? `, ${w.writes} socket writes, ${w.waits} round trips` : '');

/** Runs `f` and counts what it did: statements, and on PostgreSQL socket writes and round trips (50 ms of what follows included). */
async function counted(f: () => Promise<unknown>): Promise<{ rows: Row[]; writes: number; waits: number; ms: number }> {
  log = [];
  writes.count = 0;
  wire.waits = 0;
  const t = performance.now();
  await f();
  const ms = performance.now() - t;
  await new Promise((r) => setTimeout(r, 50));
  const rows = log;
  log = undefined;
  return { rows, writes: writes.count, waits: wire.waits, ms };
}

async function submit(env: TestEnv, body: { body: Buffer; headers: Record<string, string> }) {
  const r = await env.app.inject({ method: 'POST', url: '/api/dossiers', headers: body.headers, payload: body.body });
  if (r.statusCode !== 201) throw new Error(`${r.statusCode} ${r.body}`);
  return (r.json() as { code: string }).code;
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
      const { rows, ms: total, ...w } = await counted(() => submit(env, make()));
      if (round === 1) continue;
      if (round < 4) { console.log(`${engine} round ${round}: ${rows.length} statements${wireOf(engine, w)}, ${rows.reduce((s, r) => s + r.ms, 0).toFixed(2)} ms, request ${total.toFixed(1)} ms; slowest ${Math.max(...rows.map((r) => r.ms)).toFixed(2)} ms`); continue; }
      const sum = rows.reduce((s, r) => s + r.ms, 0);
      console.log(`\n=== ${engine}: ${rows.length} statements${wireOf(engine, w)}, ${sum.toFixed(2)} ms in the driver, request ${total.toFixed(1)} ms (after ${WARM + FILL + 1} submissions)`);
      rows.forEach((r, i) => console.log(`${String(i + 1).padStart(3)} ${r.ms.toFixed(3).padStart(8)} ms  ${r.sql.replace(/\s+/g, ' ').slice(0, 260)}`));
    }
    // Workflow actions: submitted dossiers taken to "approved" by the demo officials, each action
    // counted; the first dossier warms the officials' sessions and the process's caches, then the
    // fewest of 3 dossiers is shown: what the action itself needs (a periodic job's
    // statement may fall into one pass).
    const cookies = new Map<string, string>();
    const cookie = async (username: string) => {
      if (!cookies.has(username)) {
        const r = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'demo' } });
        if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body}`);
        cookies.set(username, `motcua_sid=${r.cookies.find((x) => x.name === 'motcua_sid')!.value}`);
      }
      return cookies.get(username)!;
    };
    const steps: Array<[string, Record<string, unknown>]> = [
      ['tiepnhan', { type: 'accept' }],
      ['tiepnhan', { type: 'forward' }],
      ['lanhdao', { type: 'assign', assignee: 'chuyenvien' }],
      ['chuyenvien', { type: 'propose_result', proposal: 'approve' }],
      ['lanhdao', { type: 'approve' }],
    ];
    for (const who of new Set(steps.map(([w]) => w))) await cookie(who);
    const passes = 3;
    const fewest = new Map<string, { statements: number; writes: number; waits: number; ms: number[] }>();
    for (let pass = 0; pass <= passes; pass++) {
      const code = await submit(env, make());
      for (const [who, body] of steps) {
        const headers = { cookie: await cookie(who) };
        const { rows, ms, ...w } = await counted(async () => {
          const r = await env.app.inject({ method: 'POST', url: `/api/dossiers/${code}/actions`, headers, payload: body });
          if (r.statusCode !== 200) throw new Error(`${body.type}: ${r.statusCode} ${r.body}`);
        });
        if (pass === 0) continue;
        const f = fewest.get(String(body.type)) ?? { statements: Infinity, writes: Infinity, waits: Infinity, ms: [] };
        fewest.set(String(body.type), { statements: Math.min(f.statements, rows.length), writes: Math.min(f.writes, w.writes), waits: Math.min(f.waits, w.waits), ms: [...f.ms, ms] });
      }
    }
    for (const [type, f] of fewest) console.log(`${engine} action ${type.padEnd(14)}: ${f.statements} statements${wireOf(engine, f)}, request ${f.ms.map((m) => m.toFixed(1)).join(' / ')} ms (fewest of ${passes})`);
  } finally {
    await env.close();
  }
}
