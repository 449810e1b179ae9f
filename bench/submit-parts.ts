/**
 * `npx tsx bench/submit-parts.ts [sqlite|postgres]`: the CPU time of one online submission
 * (multipart POST /api/dossiers with a ~200 KB PDF, as bench/dossiers.ts sends it) made in
 * process with `app.inject` — no network, one at a time — and what each part of it costs: the
 * same submissions again with one part left out (the file store's write, the audit entry, the
 * citizen's notice), interleaved over BENCH_ROUNDS (2) rounds of BENCH_AMOUNT (200) submissions.
 * CPU time is the whole process's (process.cpuUsage: every thread, the file system's included;
 * PostgreSQL's own work is not in it). A shared, busy machine distorts CPU time far less than a
 * rate, but it does inflate it: compare figures of one run only.
 */
import { createTestEnv, type Engine } from '../src/shared/testing';
import { injectedSubmission } from './inject-submission';
import { loadAverage } from './lib';

const ENGINE = (process.argv[2] ?? 'postgres') as Engine;
const AMOUNT = Number(process.env.BENCH_AMOUNT ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const PROCEDURE = process.env.BENCH_PROCEDURE ?? '1.012564';
const PHONE = '0912345678';

async function main() {
  const env = await createTestEnv(ENGINE, { env: { REQUIRE_PHONE_VERIFICATION: 'off', RATE_LIMIT: 'off', DEMO: 'on' } });
  try {
    const { app, services } = env;
    const { submit } = await injectedSubmission(app, PROCEDURE, PHONE);
    const files = services.files as { put: (...a: unknown[]) => Promise<unknown> };
    const audit = services.audit as unknown as { record: (...a: unknown[]) => Promise<void> };
    const notifications = services.notifications as unknown as { notifyDossier: (...a: unknown[]) => Promise<unknown> };
    const put = files.put.bind(files);
    const record = audit.record.bind(audit);
    const notify = notifications.notifyDossier.bind(notifications);
    const variants: Record<string, () => void> = {
      'whole submission': () => {},
      'without the file store write': () => void (files.put = async (b: any) => ({ sha256: b.sha256, existed: false })),
      'without the audit entry': () => void (audit.record = async () => {}),
      "without the citizen's notice (outbox)": () => void (notifications.notifyDossier = async () => undefined),
    };
    const restore = () => {
      files.put = put;
      audit.record = record;
      notifications.notifyDossier = notify;
    };
    for (let i = 0; i < 50; i++) await submit(); // warm-up
    const cpu: Record<string, number[]> = {};
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, apply] of Object.entries(variants)) {
        apply();
        const c0 = process.cpuUsage();
        for (let i = 0; i < AMOUNT; i++) await submit();
        const d = process.cpuUsage(c0);
        restore();
        (cpu[name] ??= []).push((d.user + d.system) / 1000 / AMOUNT);
      }
    }
    console.log(`${ENGINE}: CPU ms per submission in process (${AMOUNT} per run, ${ROUNDS} rounds interleaved; load average ${loadAverage()})`);
    const whole = cpu['whole submission']!;
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    for (const [name, xs] of Object.entries(cpu)) {
      const part = name === 'whole submission' ? '' : `  → that part ≈ ${(mean(whole) - mean(xs)).toFixed(2)} ms`;
      console.log(`  ${name.padEnd(40)} ${xs.map((x) => x.toFixed(2)).join(' / ')} ms${part}`);
    }
  } finally {
    await env.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
