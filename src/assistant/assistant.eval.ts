/**
 * `npm run eval:assistant [FILE...] [--verbose] [--demo-only]`
 *
 * Runs question files against the assistant — the whole path a question takes, conversation kept
 * in the database — first with the demo catalogue, then with the national catalogue imported and
 * offered by the demo ward (2,642 procedures). Two kinds of lines:
 * - procedure questions `{"q","expect":[codes]}` (empty `expect`: out of scope): top-1/top-3 over
 *   in-scope questions (a procedure counts only if the assistant answered with it or offered it as
 *   a choice) and the share of out-of-scope questions not answered with a procedure;
 * - fact questions `{"q","code","facts":"fee"|"time"|"papers"|"place"}`: the answer must be about
 *   `code` and state the fact as the unit's catalogue has it (see `factStated`); `facts` may list
 *   two facts asked at once (both must be stated), and `before` the messages the citizen sent
 *   first in the same conversation (a follow-up: "thế lệ phí bao nhiêu?").
 * `"only":"demo"|"full"` keeps a line to one catalogue. Default files: the dev samples beside the
 * repository, then our tuning and held-out sets (src/assistant/eval/). Each set prints the four
 * targets of issue 15 (top-1 ≥ 95 %, top-3 ≥ 99 %, fact stated ≥ 95 %, out of scope declined ≥ 95 %)
 * and p50 < 5 ms, met or not. The training corpus (src/assistant/eval/training/) is not among the
 * sets: the learned model reads it (assistant.learned.ts), and what a model was trained on is no
 * score (scripts/cv-assistant-learned.ts measures it by leaving tuning sets out instead).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServices, type Services } from '../app';
import { importNationalFile } from '../catalog/catalog.import';
import { loadConfig } from '../config';
import { seedDemo } from '../demo';
import { factStated, type Fact } from './assistant.facts';
import type { AssistantReply } from './assistant.service';

export interface ProcedureQuestion {
  q: string;
  expect: string[];
  kind?: string;
  only?: 'demo' | 'full';
  /** For a procedure of another agency: words the reply must name on the full catalogue (`a|b`: either). */
  agency?: string;
  /** Messages sent first in the same conversation (the question is a follow-up, e.g. out of scope after an in-scope ask). */
  before?: string[];
}

export interface FactQuestion {
  q: string;
  code: string;
  facts: Fact | Fact[];
  /** Messages sent first in the same conversation (the question is a follow-up). */
  before?: string[];
  only?: 'demo' | 'full';
}

/** The kind of a fact question, for the report: "fee", "time+fee", "fee (tiếp)". */
export const factKind = (q: FactQuestion): string => `${[q.facts].flat().join('+')}${q.before?.length ? ' (tiếp)' : ''}`;

export type Question = ProcedureQuestion | FactQuestion;
export const isFact = (q: Question): q is FactQuestion => 'facts' in q;

export interface EvalReport {
  label: string;
  file: string;
  inScope: number;
  top1: number;
  top3: number;
  outOfScope: number;
  declined: number;
  facts: number;
  factsStated: number;
  /** Fact questions by kind: [asked, stated]. */
  factKinds: Record<string, [number, number]>;
  split: Record<string, number>;
  /**
   * The misses counted by what went wrong, the reply's decision and the line's kind ("MISS answer
   * situation": 3): what a sealed set may tell without printing its lines.
   */
  missTally: Record<string, number>;
  p50: number;
  p95: number;
  p99: number;
  /**
   * CPU time of this process per answer (user + system, ms), p50 and p95: what an answer costs
   * whatever else the machine runs, unlike the wall-clock latency a loaded machine stretches.
   */
  cpuP50: number;
  cpuP95: number;
  misses: string[];
}

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
/** `shared/` beside the repository (or beside the folder of worktrees it sits in). */
const sharedDir = [path.resolve(repoRoot, '../shared'), path.resolve(repoRoot, '../../shared')].find((d) => fs.existsSync(d)) ?? path.resolve(repoRoot, '../shared');
export const DEV_SET = path.join(sharedDir, 'eval/assistant-dev.jsonl');
export const DEV_FACTS = path.join(sharedDir, 'eval/assistant-facts-dev.jsonl');
/** The question files of one folder of eval/: procedures, out of scope, facts, each kind by its number. */
const setFiles = (folder: 'tuning' | 'heldout', order: 'kind' | 'number'): string[] => {
  const kind = (f: string) => ['procedures', 'out-of-scope', 'facts'].indexOf(f.replace(/(-\d+)?\.jsonl$/, ''));
  const num = (f: string) => Number(/-(\d+)\.jsonl$/.exec(f)?.[1] ?? 1);
  const byKind = (a: string, b: string) => kind(a) - kind(b) || num(a) - num(b);
  const byNumber = (a: string, b: string) => num(a) - num(b) || kind(a) - kind(b);
  return fs
    .readdirSync(path.join(here, 'eval', folder))
    .filter((f) => f.endsWith('.jsonl'))
    .sort(order === 'kind' ? byKind : byNumber)
    .map((f) => path.resolve(here, 'eval', folder, f));
};
/** Every tuning file, then the held-out sets by number (each set's procedures, then its facts). */
export const OWN_SETS = [...setFiles('tuning', 'kind'), ...setFiles('heldout', 'number')];
/**
 * A sealed set (`heldout/*-N.jsonl`: -2, -3 written on 6 December 2026 before the training corpus was read by the model, and
 * -4 and -5 written at the start of 6 December's last pass and of the next, -6, -7 and -8 at the start of 7 December's three passes, by engineers who saw
 * none of our sets) prints its figures
 * only, even with `--verbose`: reading its misses would make it one more tuning set.
 */
export const isSealed = (file: string): boolean => /[\\/]heldout[\\/][^\\/]*-\d+\.jsonl$/.test(file);
const NATIONAL = process.env.BENCH_NATIONAL_FILE || path.join(sharedDir, 'data/tthc-national.jsonl');
const UNIT = '00004';

export const TARGETS = { top1: 0.95, top3: 0.99, facts: 0.95, declined: 0.95, p50Ms: 5 };

export function readQuestions(file: string): Question[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Question);
}

/** Whether a reply names the agency (any of `a|b`), letter case aside. */
export function namesAgency(answer: string, agency: string): boolean {
  const text = answer.toLocaleLowerCase('vi-VN');
  return agency.split('|').some((a) => a.trim() && text.includes(a.trim().toLocaleLowerCase('vi-VN')));
}

const answered = (r: Pick<AssistantReply, 'decision'>) => r.decision === 'answer' || r.decision === 'clarify';

/** The records a reply names: those it lists, and those its text gives by code ("(mã 1.001611)": another level's). */
export function recordsNamed(r: Pick<AssistantReply, 'procedures' | 'answer'>): string[] {
  return [...new Set([...r.procedures.map((p) => p.code), ...[...r.answer.matchAll(/mã (\d+\.\d{6})/g)].map((m) => m[1]!)])];
}

/**
 * Whether an out-of-scope line is an everyday matter: one so labelled, and any line with no agency
 * to name, whatever the kind it was written as (`"no-diacritics"`, `"typo"`, `"story"`…), but
 * another agency's (`"kind":"elsewhere"`, the agency left unsaid) and the office's own hours
 * (`"office-hours"`, answered). Pass 27, r12every: the kind alone let an everyday line typed
 * without marks be counted declined when sent to some other level's record.
 */
export const isEveryday = (q: ProcedureQuestion): boolean =>
  !q.expect.length && (q.kind === 'everyday' || (!q.agency && q.kind !== 'elsewhere' && q.kind !== 'office-hours'));

/**
 * Whether an out-of-scope line was declined. An everyday question (the weather, a shop's hours, a
 * recipe: `isEveryday`) is declined only by a decline, a word about the assistant itself or
 * a hand-over to staff that names no record: a reply sending the citizen to another level's office
 * with one of its records ("quán phở mở cửa mấy giờ" → a provincial licence) sent them to an office
 * for nothing (pass 26, r11every: 29 of out-of-scope-22's 106 everyday lines were counted declined
 * so). Other lines: not answered with a procedure, and on the full catalogue the agency named.
 */
export function declined(q: ProcedureQuestion, r: Pick<AssistantReply, 'decision' | 'procedures' | 'answer'>, catalogue: 'demo' | 'full', agencyOk = agencyNamed(q, r, catalogue)): boolean {
  if (isEveryday(q)) return ['decline', 'handoff', 'smalltalk'].includes(r.decision) && !recordsNamed(r).length;
  return (!answered(r) || !r.procedures.length) && agencyOk;
}

/** Whether the reply names the agency an out-of-scope line expects (only asked on the full catalogue, where its records are). */
function agencyNamed(q: ProcedureQuestion, r: Pick<AssistantReply, 'answer'>, catalogue: 'demo' | 'full'): boolean {
  return !(q.agency && catalogue === 'full') || namesAgency(r.answer, q.agency);
}

export async function evaluate(s: Services, label: string, file: string, catalogue: 'demo' | 'full' = 'demo'): Promise<EvalReport> {
  const qs = readQuestions(file).filter((q) => !q.only || q.only === catalogue);
  // Warm the index once, outside the timings (it is built when the catalogue changes).
  await s.assistant.ask({ unitCode: UNIT, question: 'khai sinh', channel: 'api', sessionKey: `warm-${label}` });
  const times: number[] = [];
  const cpu: number[] = [];
  const split: Record<string, number> = {};
  const misses: string[] = [];
  const missTally: Record<string, number> = {};
  const miss = (what: string, q: Question, decision: string, line: string) => {
    misses.push(line);
    const key = `${what} ${decision} ${isFact(q) ? factKind(q) : (q.kind ?? '—')}`;
    missTally[key] = (missTally[key] ?? 0) + 1;
  };
  const r0 = { inScope: 0, top1: 0, top3: 0, outOfScope: 0, declined: 0, facts: 0, factsStated: 0 };
  const factKinds: Record<string, [number, number]> = {};
  let n = 0;
  for (const q of qs) {
    // A fresh conversation per question: no memory carried from the one before, but what the
    // citizen said first in this one.
    const sessionKey = `eval-${label}-${path.relative(repoRoot, file)}-${n++}`;
    for (const b of q.before ?? []) await s.assistant.ask({ unitCode: UNIT, question: b, channel: 'api', sessionKey });
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const r = await s.assistant.ask({ unitCode: UNIT, question: q.q, channel: 'api', sessionKey });
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    split[r.decision] = (split[r.decision] ?? 0) + 1;
    const codes = answered(r) ? r.procedures.map((p) => p.code) : [];
    const expect = isFact(q) ? [q.code] : q.expect;
    if (expect.length) {
      r0.inScope++;
      const hit1 = codes[0] !== undefined && expect.includes(codes[0]);
      const hit3 = codes.slice(0, 3).some((c) => expect.includes(c));
      if (hit1) r0.top1++;
      if (hit3) r0.top3++;
      if (!hit1) miss(hit3 ? 'top3' : 'MISS', q, r.decision, `${hit3 ? 'top3' : 'MISS'} [${r.decision}] ${q.q} → ${codes.slice(0, 3).join(', ') || '—'} (mong đợi ${expect.join('/')})`);
    } else {
      r0.outOfScope++;
      const p = q as ProcedureQuestion;
      const agencyOk = agencyNamed(p, r, catalogue);
      // What an everyday line was sent to (another level's record), not among `codes` (answers only).
      const sent = isEveryday(p) && !answered(r) && recordsNamed(r).length ? `${recordsNamed(r).slice(0, 3).join(', ')} (việc thường ngày chỉ tới thủ tục)` : '';
      if (declined(p, r, catalogue, agencyOk)) r0.declined++;
      else miss('OOS', q, r.decision, `OOS  [${r.decision}] ${q.q} → ${codes.slice(0, 3).join(', ') || sent || (agencyOk ? '' : `không nêu “${p.agency}”`)}`);
    }
    if (isFact(q)) {
      r0.facts++;
      const kind = (factKinds[factKind(q)] ??= [0, 0]);
      kind[0]++;
      let ok = r.decision === 'answer' && codes[0] === q.code;
      for (const fact of [q.facts].flat()) ok = ok && (await factStated(s, UNIT, q.code, fact, r.answer));
      if (ok) {
        r0.factsStated++;
        kind[1]++;
      } else miss('FACT', q, r.decision, `FACT [${r.decision}] ${q.q} → ${codes[0] ?? '—'} (${factKind(q)} của ${q.code})`);
    }
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const pct = (p: number, xs = times) => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;
  return { label, file, ...r0, factKinds, split, missTally, p50: pct(0.5), p95: pct(0.95), p99: pct(0.99), cpuP50: pct(0.5, cpu), cpuP95: pct(0.95, cpu), misses };
}

const share = (a: number, b: number) => (b ? a / b : NaN);

/** The targets a report can be judged on: [name, value, target met]. */
export function targets(r: EvalReport): Array<[string, string, boolean]> {
  const out: Array<[string, string, boolean]> = [];
  const pc = (x: number) => `${(100 * x).toFixed(1)}%`;
  if (r.inScope) {
    out.push(['top-1', pc(share(r.top1, r.inScope)), share(r.top1, r.inScope) >= TARGETS.top1]);
    out.push(['top-3', pc(share(r.top3, r.inScope)), share(r.top3, r.inScope) >= TARGETS.top3]);
  }
  if (r.facts) out.push(['nêu đúng dữ kiện', pc(share(r.factsStated, r.facts)), share(r.factsStated, r.facts) >= TARGETS.facts]);
  if (r.outOfScope) out.push(['từ chối ngoài phạm vi', pc(share(r.declined, r.outOfScope)), share(r.declined, r.outOfScope) >= TARGETS.declined]);
  out.push(['p50', `${r.p50.toFixed(2)} ms`, r.p50 < TARGETS.p50Ms]);
  return out;
}

export function formatReport(r: EvalReport, verbose: boolean): string {
  const pc = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
  const total = Object.values(r.split).reduce((a, b) => a + b, 0);
  const known = ['answer', 'clarify', 'handoff', 'decline', 'elsewhere'];
  const other = total - known.reduce((a, k) => a + (r.split[k] ?? 0), 0);
  const out = [
    `== ${r.label} — ${path.relative(repoRoot, r.file)}`,
    `  trong phạm vi: ${r.inScope} câu · top-1 ${pc(r.top1, r.inScope)} (${r.top1}) · top-3 ${pc(r.top3, r.inScope)} (${r.top3})`,
    ...(r.facts ? [`  dữ kiện: ${r.facts} câu · nêu đúng ${pc(r.factsStated, r.facts)} (${r.factsStated})`] : []),
    ...(Object.keys(r.factKinds).length > 1
      ? [
          `  theo loại: ${Object.entries(r.factKinds)
            .sort((a, b) => b[1][0] - a[1][0])
            .map(([k, [asked, stated]]) => `${k} ${stated}/${asked}`)
            .join(' · ')}`,
        ]
      : []),
    `  ngoài phạm vi: ${r.outOfScope} câu · từ chối/chuyển cán bộ/chỉ nơi khác đúng ${pc(r.declined, r.outOfScope)} (${r.declined})`,
    `  trả lời ${pc(r.split.answer ?? 0, total)} · hỏi lại ${pc(r.split.clarify ?? 0, total)} · chuyển cán bộ ${pc(r.split.handoff ?? 0, total)} · nơi khác ${pc(r.split.elsewhere ?? 0, total)} · ngoài phạm vi ${pc(r.split.decline ?? 0, total)} · khác ${pc(other, total)}`,
    `  độ trễ p50 ${r.p50.toFixed(2)} ms · p95 ${r.p95.toFixed(2)} ms · p99 ${r.p99.toFixed(2)} ms · CPU mỗi câu p50 ${r.cpuP50.toFixed(2)} ms · p95 ${r.cpuP95.toFixed(2)} ms · tải máy ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (${os.cpus().length} lõi)`,
    `  chỉ tiêu: ${targets(r)
      .map(([name, value, met]) => `${name} ${value} ${met ? 'ĐẠT' : 'CHƯA ĐẠT'}`)
      .join(' · ')}`,
  ];
  if (verbose && !isSealed(r.file)) for (const m of r.misses) out.push(`    ${m}`);
  if (verbose && isSealed(r.file) && r.misses.length) {
    out.push(`    (tập niêm phong: ${r.misses.length} câu sai, không in từng câu; theo cách sai, quyết định và loại câu:)`);
    const tally = Object.entries(r.missTally).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    out.push(`    ${tally.map(([k, n]) => `${k} ${n}`).join(' · ')}`);
  }
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
  if (!files.length) files.push(...[DEV_SET, DEV_FACTS].filter((f) => fs.existsSync(f)), ...OWN_SETS);
  for (const f of files) if (!fs.existsSync(f)) throw new Error(`Không có tệp câu hỏi ${f}`);
  const env = await evalServices();
  try {
    const demoCount = (await env.services.catalog.search(UNIT, { limit: 1 })).total;
    for (const f of files) console.log(formatReport(await evaluate(env.services, `danh mục mẫu (${demoCount} thủ tục)`, f, 'demo'), verbose));
    if (!demoOnly) {
      if (!fs.existsSync(NATIONAL)) {
        console.log(`(bỏ qua danh mục quốc gia: không có ${NATIONAL})`);
        return;
      }
      const r = await importNationalFile(env.services.catalog, NATIONAL, { attachTo: UNIT });
      const count = (await env.services.catalog.search(UNIT, { limit: 1 })).total;
      console.log(`(đã nhập danh mục quốc gia: ${r.total} thủ tục; phường ${UNIT} tiếp nhận ${count})`);
      for (const f of files) console.log(formatReport(await evaluate(env.services, `danh mục đầy đủ (${count} thủ tục)`, f, 'full'), verbose));
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
