/**
 * Leave-one-set-out cross-validation of the learned signal (assistant.learned.ts): for each tuning
 * file, the assistant with a model trained on every other tuning file (before) and on those and the
 * whole training corpus (after, src/assistant/eval/training/: the corpus is never a fold, it is
 * always learned from), on the demo and the full catalogue. Never reads the held-out sets.
 * Prints each fold and the sums (top-1, top-3, declined, facts stated), then a table of them.
 * --corpus-both: the corpus in both (to compare settings with --before=NAME=VALUE); --no-corpus: in
 *   neither. --training=DIR: another corpus folder. --apart=0.7: a corpus line sharing this share of
 *   its folded syllables with a line of the left-out file is left out of that fold's training.
 * --no-model-before: before is the assistant without any learned model.
 * --scope: before is the re-ordering alone, after adds the learned scope signal's declines (the sure
 *   code's offers off in both). --sure: before is the re-ordering and the scope signal, after adds the
 *   sure code's offers of what the rules hand over or decline (assistant.decide.ts).
 * --before=NAME=VALUE: before is the model with that setting (e.g. --before=sureAnswer=0; with --sure,
 *   before has no sure code at all unless --before=sureLift=1 is given too). --NAME=VALUE: both.
 * --demo-only, --full-only: one catalogue (to run both at once, in two processes).
 *   npx tsx scripts/cv-assistant-learned.ts [--demo-only | --full-only] [--corpus-both | --no-corpus] [--scope | --sure | --before=NAME=VALUE] [--scopeOdds=4] [FILE…]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importNationalFile } from '../src/catalog/catalog.import';
import { fold } from '../src/shared/vietnamese';
import { evalServices, evaluate, type EvalReport } from '../src/assistant/assistant.eval';
import { corpusOf, LEARNED, labelledFiles, readLabelled, train, tuningQuestions, useLearnedModel, TRAINING_DIR, TUNING_DIR } from '../src/assistant/assistant.learned';

const here = path.dirname(fileURLToPath(import.meta.url));
const NATIONAL = process.env.BENCH_NATIONAL_FILE || path.resolve(here, '../../../shared/data/tthc-national.jsonl');
const nationalFile = [NATIONAL, path.resolve(here, '../../shared/data/tthc-national.jsonl')].find((f) => fs.existsSync(f));

const pc = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '–');
const line = (r: EvalReport) => `top1 ${pc(r.top1, r.inScope)} (${r.top1}/${r.inScope}) top3 ${pc(r.top3, r.inScope)} (${r.top3}) declined ${pc(r.declined, r.outOfScope)} (${r.declined}/${r.outOfScope}) facts ${pc(r.factsStated, r.facts)} (${r.factsStated}/${r.facts}) cpuP50 ${r.cpuP50.toFixed(2)}`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  // --weight=0.5 --candidates=5 --maxLift=1 --minLift=-0.5 --mu=30 --keepScores=1: the fusion's settings, to compare them.
  for (const a of args) {
    const m = /^--(\w+)=(-?[\d.]+|Infinity)$/.exec(a);
    if (m && m[1]! in LEARNED) LEARNED[m[1] as keyof typeof LEARNED] = Number(m[2]);
  }
  console.log(`settings ${JSON.stringify(LEARNED)}`);
  const all = labelledFiles(TUNING_DIR);
  const trainingDir = args.find((a) => a.startsWith('--training='))?.slice('--training='.length) ?? TRAINING_DIR;
  const corpus = corpusOf(labelledFiles(trainingDir).flatMap(readLabelled));
  const corpusBefore = args.includes('--corpus-both');
  const corpusAfter = !args.includes('--no-corpus');
  console.log(`corpus ${trainingDir}: ${corpus.length} questions (before ${corpusBefore ? 'with' : 'without'}, after ${corpusAfter ? 'with' : 'without'})`);
  // A corpus line this close to a line of the left-out file (shared folded syllables over the longer
  // line's, as the lead's check against the held-out sets) is left out of that fold's training too:
  // otherwise the fold would be scored on questions the model has nearly seen. --apart=1: only equal ones.
  const apart = Number(args.find((a) => a.startsWith('--apart='))?.slice('--apart='.length) ?? 0.7);
  const words = (q: string) => new Set(fold(q.normalize('NFC')).match(/[a-z0-9]+/g) ?? []);
  const corpusWords = corpus.map((x) => words(x.q));
  const corpusFor = new Map<string, typeof corpus>();
  const foldCorpus = (f: string) => {
    let c = corpusFor.get(f);
    if (c) return c;
    const held = readLabelled(f).map((x) => words(x.q));
    c = corpus.filter((_, i) => {
      const w = corpusWords[i]!;
      return !held.some((h) => {
        let n = 0;
        for (const x of w) if (h.has(x)) n++;
        return n / Math.max(w.size, h.size) >= apart;
      });
    });
    corpusFor.set(f, c);
    return c;
  };
  const noModelBefore = args.includes('--no-model-before');
  const table: string[] = [];
  const scope = args.includes('--scope');
  const sure = args.includes('--sure');
  const only = args.filter((a) => !a.startsWith('-'));
  const folds = only.length ? all.filter((f) => only.some((o) => f.endsWith(o))) : all;
  const env = await evalServices();
  try {
    const run = async (cat: 'demo' | 'full') => {
      const sum: Record<string, number> = {};
      for (const f of folds) {
        const own = tuningQuestions(all.filter((g) => g !== f));
        const fc = foldCorpus(f);
        const t0 = performance.now();
        const model = corpusAfter ? train([...own, ...fc]) : train(own);
        const trainMs = performance.now() - t0;
        const modelBefore = noModelBefore ? null : corpusBefore === corpusAfter ? model : corpusBefore ? train([...own, ...fc]) : train(own);
        // --scope: before is the re-ordering alone, after adds the scope signal (the decline).
        // --sure: before is the re-ordering and the scope signal, after adds the sure code's offers.
        const { scopeOdds: odds, sureLift } = LEARNED;
        if (scope) LEARNED.scopeOdds = Infinity;
        if (scope || sure) LEARNED.sureLift = Infinity;
        useLearnedModel(scope || sure ? model : modelBefore);
        // --before=sureAnswer=0: before is these settings, after the ones given.
        const kept = { ...LEARNED };
        for (const a of args) {
          const m = /^--before=(\w+)=(-?[\d.]+|Infinity)$/.exec(a);
          if (m && m[1]! in LEARNED) LEARNED[m[1] as keyof typeof LEARNED] = Number(m[2]);
        }
        const before = await evaluate(env.services, `cv-${cat}-before`, f, cat);
        Object.assign(LEARNED, kept);
        LEARNED.scopeOdds = odds;
        if (sure) LEARNED.sureLift = sureLift;
        useLearnedModel(model);
        const after = await evaluate(env.services, `cv-${cat}-after`, f, cat);
        useLearnedModel(null);
        for (const [k, r] of [['before', before], ['after', after]] as const) for (const x of ['top1', 'top3', 'inScope', 'declined', 'outOfScope', 'facts', 'factsStated'] as const) sum[`${k}.${x}`] = (sum[`${k}.${x}`] ?? 0) + r[x];
        console.log(`${cat} ${path.basename(f)} (corpus ${fc.length}, ${corpus.length - fc.length} too close to it left out; after's model trained in ${trainMs.toFixed(0)} ms)\n  before ${line(before)}\n  after  ${line(after)}`);
        const cell = (k: 'top1' | 'top3', r: EvalReport) => (r.inScope ? `${r[k]}` : '–');
        const arrow = (a: string, b: string) => (a === b ? a : `${a} → ${b}`);
        table.push(`| ${cat} | ${path.basename(f, '.jsonl')} | ${arrow(cell('top1', before), cell('top1', after))}/${before.inScope || '–'} | ${arrow(cell('top3', before), cell('top3', after))} | ${before.outOfScope ? `${arrow(`${before.declined}`, `${after.declined}`)}/${before.outOfScope}` : '–'} | ${before.facts ? `${arrow(`${before.factsStated}`, `${after.factsStated}`)}/${before.facts}` : '–'} |`);
        if (args.includes('--verbose')) {
          const b = new Set(before.misses);
          const a = new Set(after.misses);
          for (const m of after.misses) if (!b.has(m)) console.log(`    + ${m}`);
          for (const m of before.misses) if (!a.has(m)) console.log(`    - ${m}`);
        }
      }
      const g = (k: string, x: string) => sum[`${k}.${x}`] ?? 0;
      const t = (k: string) => `top1 ${g(k, 'top1')}/${g(k, 'inScope')} (${pc(g(k, 'top1'), g(k, 'inScope'))} %) top3 ${g(k, 'top3')} (${pc(g(k, 'top3'), g(k, 'inScope'))} %) declined ${g(k, 'declined')}/${g(k, 'outOfScope')} (${pc(g(k, 'declined'), g(k, 'outOfScope'))} %) facts ${g(k, 'factsStated')}/${g(k, 'facts')}`;
      console.log(`${cat} all folds: before ${t('before')} → after ${t('after')}`);
      table.push(`| ${cat} | **all** | ${g('before', 'top1')} → ${g('after', 'top1')}/${g('before', 'inScope')} | ${g('before', 'top3')} → ${g('after', 'top3')} | ${g('before', 'declined')} → ${g('after', 'declined')}/${g('before', 'outOfScope')} | ${g('before', 'factsStated')} → ${g('after', 'factsStated')}/${g('before', 'facts')} |`);
    };
    if (!args.includes('--full-only')) await run('demo');
    if (!args.includes('--demo-only') && nationalFile) {
      await importNationalFile(env.services.catalog, nationalFile, { attachTo: '00004' });
      await run('full');
    }
    console.log(`\n| catalogue | left out | top-1 | top-3 | declined | facts stated |\n| --- | --- | --- | --- | --- | --- |\n${table.join('\n')}`);
  } finally {
    await env.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
