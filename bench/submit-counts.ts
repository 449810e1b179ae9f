/**
 * `npx tsx bench/submit-counts.ts [postgres|sqlite]`: load-independent counts of one online
 * submission made in process with `app.inject` (as bench/dossiers.ts sends it: multipart, a
 * ~200 KB PDF): promises created and bytes allocated on V8's heap — and the CPU
 * time, which a busy machine inflates (printed with the load average). BENCH_AMOUNT (300)
 * submissions after 100 to warm up. `BENCH_PROFILE=file.cpuprofile` also writes a CPU profile
 * of the measured submissions (read it with bench/cpuprofile.ts).
 */
import { createHook } from 'node:async_hooks';
import { randomBytes, randomFillSync } from 'node:crypto';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createTestEnv, type Engine } from '../src/shared/testing';
import { allocationMeter } from './alloc-meter.mjs';
import { loadAverage } from './lib';

const ENGINE = (process.argv[2] ?? 'postgres') as Engine;
const AMOUNT = Number(process.env.BENCH_AMOUNT ?? 300);
const PROCEDURE = process.env.BENCH_PROCEDURE ?? '1.012564';
const PHONE = '0912345678';

async function main() {
  const env = await createTestEnv(ENGINE, { env: { REQUIRE_PHONE_VERIFICATION: 'off', RATE_LIMIT: 'off', DEMO: 'on' } });
  try {
    const { app } = env;
    const form = (await app.inject({ method: 'GET', url: `/api/procedures/${PROCEDURE}/form` })).json() as {
      formData: { required?: string[]; properties: Record<string, any> };
      cases: Array<{ kind: string; components: Array<{ id: string; required: boolean }> }>;
    };
    const formData: Record<string, unknown> = {};
    for (const k of form.formData.required ?? []) {
      const p = form.formData.properties[k];
      formData[k] = p.enum ? p.enum[0] : p.type === 'boolean' ? true : p.type === 'integer' || p.type === 'number' ? Math.max(1, p.minimum ?? 1) : p.format === 'date' ? '2026-11-20' : p.format === 'email' ? 'an@example.vn' : String(p.pattern ?? '').includes('84') ? PHONE : String(p.pattern ?? '').includes('12') ? '001090012345' : 'Nguyễn Minh Khang';
    }
    const components = form.cases.filter((c) => c.kind === 'general').flatMap((c) => c.components.filter((x) => x.required).map((x) => x.id));
    const dossier = JSON.stringify({ procedureCode: PROCEDURE, channel: 'online', applicant: { fullName: 'Nguyễn Văn An', phone: PHONE, idNumber: '001090012345', address: 'Số 1 phố Đội Cấn, Ba Đình' }, formData });
    const boundary = '----motcuacounts' + randomBytes(8).toString('hex');
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(200 * 1024), Buffer.from('\n%%EOF\n')]);
    const body = () => {
      randomFillSync(pdf, 20, 32);
      return Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="dossier"\r\n\r\n${dossier}\r\n`),
        ...components.flatMap((c) => [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${c}"; filename="${c}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`), pdf, Buffer.from('\r\n')]),
        Buffer.from(`--${boundary}--\r\n`),
      ]);
    };
    const bodies = () => Array.from({ length: AMOUNT }, body);
    const submit = async (payload: Buffer) => {
      const r = await app.inject({ method: 'POST', url: '/api/dossiers', headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, accept: 'application/json' }, payload });
      if (r.statusCode !== 201) throw new Error(`submission refused: ${r.statusCode} ${r.body.slice(0, 300)}`);
    };
    for (const b of Array.from({ length: 100 }, body)) await submit(b);

    let promises = 0;
    const hook = createHook({ init: (_id, type) => void (type === 'PROMISE' && promises++) });

    // Promises (the hook slows everything: counted apart from the time).
    let payloads = bodies();
    hook.enable();
    for (const b of payloads) await submit(b);
    hook.disable();

    payloads = bodies();
    const session = process.env.BENCH_PROFILE ? new Session() : undefined;
    if (session) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    }
    const meter = allocationMeter();
    const c0 = process.cpuUsage();
    for (const b of payloads) await submit(b);
    const cpu = process.cpuUsage(c0);
    const alloc = meter();
    if (session) {
      const { profile } = await session.post('Profiler.stop');
      fs.writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify(profile));
    }
    console.log(`${ENGINE}, ${AMOUNT} submissions in process (load average ${loadAverage()}):`);
    console.log(`  CPU ${(((cpu.user + cpu.system) / AMOUNT) / 1000).toFixed(3)} ms per submission (user ${(cpu.user / AMOUNT / 1000).toFixed(3)})`);
    console.log(`  promises ${(promises / AMOUNT).toFixed(1)}, heap allocated ${(alloc.bytes / AMOUNT / 1024).toFixed(1)} KB per submission (statements: bench/sql-trace.ts)`);
  } finally {
    await env.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
