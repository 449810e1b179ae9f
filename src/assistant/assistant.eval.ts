/**
 * `npm run eval:assistant [FILE...] [--verbose] [--demo-only]`
 *
 * Runs question files (default: the dev set beside the repository, ../shared/eval/assistant-dev.jsonl)
 * against the assistant — the whole path a question takes, conversation kept in the database —
 * first with the demo catalogue, then with the national catalogue imported and offered by the
 * demo ward (2,642 procedures). Prints top-1/top-3 over in-scope questions (a procedure counts
 * only if the assistant answered with it or offered it as a choice), the share of out-of-scope
 * questions not answered with a procedure, the answer/clarify/hand-over split and latency.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServices, type Services } from '../app';
import { importNationalFile } from '../catalog/catalog.import';
import { loadConfig } from '../config';
import { seedDemo } from '../demo';
import type { AssistantReply } from './assistant.service';

interface Question {
  q: string;
  expect: string[];
  kind?: string;
}

export interface EvalReport {
  label: string;
  file: string;
  inScope: number;
  top1: number;
  top3: number;
  outOfScope: number;
  declined: number;
  split: Record<string, number>;
  p50: number;
  p99: number;
  misses: string[];
}

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
export const DEV_SET = path.resolve(repoRoot, '../shared/eval/assistant-dev.jsonl');
const NATIONAL = path.resolve(repoRoot, '../shared/data/tthc-national.jsonl');
const UNIT = '00004';

export function readQuestions(file: string): Question[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Question);
}

const answered = (r: AssistantReply) => r.decision === 'answer' || r.decision === 'clarify';

export async function evaluate(s: Services, label: string, file: string): Promise<EvalReport> {
  const qs = readQuestions(file);
  // Warm the index once, outside the timings (it is built when the catalogue changes).
  await s.assistant.ask({ unitCode: UNIT, question: 'khai sinh', channel: 'api', sessionKey: `warm-${label}` });
  const times: number[] = [];
  const split: Record<string, number> = {};
  const misses: string[] = [];
  let inScope = 0;
  let top1 = 0;
  let top3 = 0;
  let oos = 0;
  let declined = 0;
  let n = 0;
  for (const q of qs) {
    const t0 = performance.now();
    // A fresh conversation per question: no memory carried from the one before.
    const r = await s.assistant.ask({ unitCode: UNIT, question: q.q, channel: 'api', sessionKey: `eval-${label}-${path.basename(file)}-${n++}` });
    times.push(performance.now() - t0);
    split[r.decision] = (split[r.decision] ?? 0) + 1;
    const codes = answered(r) ? r.procedures.map((p) => p.code) : [];
    if (q.expect.length) {
      inScope++;
      const hit1 = codes[0] !== undefined && q.expect.includes(codes[0]);
      const hit3 = codes.slice(0, 3).some((c) => q.expect.includes(c));
      if (hit1) top1++;
      if (hit3) top3++;
      if (!hit1) misses.push(`${hit3 ? 'top3' : 'MISS'} [${r.decision}] ${q.q} → ${codes.slice(0, 3).join(', ') || '—'} (mong đợi ${q.expect.join('/')})`);
    } else {
      oos++;
      if (!answered(r) || !r.procedures.length) declined++;
      else misses.push(`OOS  [${r.decision}] ${q.q} → ${codes.slice(0, 3).join(', ')}`);
    }
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))] ?? 0;
  return { label, file, inScope, top1, top3, outOfScope: oos, declined, split, p50: pct(0.5), p99: pct(0.99), misses };
}

export function formatReport(r: EvalReport, verbose: boolean): string {
  const pc = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
  const total = Object.values(r.split).reduce((a, b) => a + b, 0);
  const out = [
    `== ${r.label} — ${path.basename(r.file)}`,
    `  trong phạm vi: ${r.inScope} câu · top-1 ${pc(r.top1, r.inScope)} (${r.top1}) · top-3 ${pc(r.top3, r.inScope)} (${r.top3})`,
    `  ngoài phạm vi: ${r.outOfScope} câu · từ chối/chuyển cán bộ đúng ${pc(r.declined, r.outOfScope)} (${r.declined})`,
    `  trả lời ${pc(r.split.answer ?? 0, total)} · hỏi lại ${pc(r.split.clarify ?? 0, total)} · chuyển cán bộ ${pc(r.split.handoff ?? 0, total)} · ngoài phạm vi ${pc(r.split.decline ?? 0, total)} · khác ${pc(total - (r.split.answer ?? 0) - (r.split.clarify ?? 0) - (r.split.handoff ?? 0) - (r.split.decline ?? 0), total)}`,
    `  độ trễ p50 ${r.p50.toFixed(2)} ms · p99 ${r.p99.toFixed(2)} ms`,
  ];
  if (verbose) for (const m of r.misses) out.push(`    ${m}`);
  return out.join('\n');
}

/** A throwaway SQLite database with the demo seeded. */
export async function evalServices(): Promise<{ services: Services; close(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-eval-'));
  const config = loadConfig({ DATA_DIR: dir, DATABASE_URL: `sqlite:${path.join(dir, 'eval.db')}`, LOG_LEVEL: 'silent', RATE_LIMIT: 'off', DEMO: 'on' });
  const services = await buildServices(config);
  await seedDemo(services.units, services.catalog, services.accounts);
  return {
    services,
    close: async () => {
      await services.database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose') || args.includes('-v');
  const demoOnly = args.includes('--demo-only');
  const files = args.filter((a) => !a.startsWith('-'));
  if (!files.length) files.push(DEV_SET);
  for (const f of files) if (!fs.existsSync(f)) throw new Error(`Không có tệp câu hỏi ${f}`);
  const env = await evalServices();
  try {
    for (const f of files) console.log(formatReport(await evaluate(env.services, 'danh mục mẫu (54 thủ tục)', f), verbose));
    if (!demoOnly) {
      if (!fs.existsSync(NATIONAL)) {
        console.log(`(bỏ qua danh mục quốc gia: không có ${NATIONAL})`);
        return;
      }
      const r = await importNationalFile(env.services.catalog, NATIONAL, { attachTo: UNIT });
      const count = (await env.services.catalog.search(UNIT, { limit: 1 })).total;
      console.log(`(đã nhập danh mục quốc gia: ${r.total} thủ tục; phường ${UNIT} tiếp nhận ${count})`);
      for (const f of files) console.log(formatReport(await evaluate(env.services, `danh mục đầy đủ (${count} thủ tục)`, f), verbose));
    }
  } finally {
    await env.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
