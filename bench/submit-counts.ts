/**
 * `npx tsx bench/submit-counts.ts [postgres|sqlite]`: load-independent counts of one online
 * submission made in process with `app.inject` (as bench/dossiers.ts sends it: multipart, a
 * ~200 KB PDF): promises created and bytes allocated on V8's heap — and the CPU
 * time, which a busy machine inflates (printed with the load average). BENCH_AMOUNT (300)
 * submissions after 100 to warm up. `BENCH_PROFILE=file.cpuprofile` also writes a CPU profile
 * of the measured submissions (read it with bench/cpuprofile.ts).
 */
import { createHook } from 'node:async_hooks';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createTestEnv, type Engine } from '../src/shared/testing';
import { allocationMeter } from './alloc-meter.mjs';
import { injectedSubmission } from './inject-submission';
import { loadAverage } from './lib';

const ENGINE = (process.argv[2] ?? 'postgres') as Engine;
const AMOUNT = Number(process.env.BENCH_AMOUNT ?? 300);
const PROCEDURE = process.env.BENCH_PROCEDURE ?? '1.012564';
const PHONE = '0912345678';

async function main() {
  const env = await createTestEnv(ENGINE, { env: { REQUIRE_PHONE_VERIFICATION: 'off', RATE_LIMIT: 'off', DEMO: 'on' } });
  try {
    const { app } = env;
    const { body, submit } = await injectedSubmission(app, PROCEDURE, PHONE);
    const bodies = () => Array.from({ length: AMOUNT }, body);
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
    const r0 = process.resourceUsage();
    const c0 = process.cpuUsage();
    for (const b of payloads) await submit(b);
    const cpu = process.cpuUsage(c0);
    const r1 = process.resourceUsage();
    const alloc = meter();
    if (session) {
      const { profile } = await session.post('Profiler.stop');
      fs.writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify(profile));
    }
    console.log(`${ENGINE}, ${AMOUNT} submissions in process (load average ${loadAverage()}):`);
    console.log(`  CPU ${(((cpu.user + cpu.system) / AMOUNT) / 1000).toFixed(3)} ms per submission (user ${(cpu.user / AMOUNT / 1000).toFixed(3)})`);
    const perSubmission = (n: number) => (n / AMOUNT).toFixed(1);
    console.log(
      `  context switches ${perSubmission(r1.voluntaryContextSwitches - r0.voluntaryContextSwitches)} voluntary + ${perSubmission(r1.involuntaryContextSwitches - r0.involuntaryContextSwitches)} involuntary per submission (every thread of the process)`,
    );
    console.log(`  promises ${(promises / AMOUNT).toFixed(1)}, heap allocated ${(alloc.bytes / AMOUNT / 1024).toFixed(1)} KB per submission (statements: bench/sql-trace.ts)`);
  } finally {
    await env.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
