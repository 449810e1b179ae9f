/**
 * Leave-one-set-out cross-validation of the learned signal (assistant.learned.ts) on our tuning
 * sets only: for each tuning file, the assistant without the model, then with a model trained on
 * every other tuning file, on the demo and the full catalogue. Never reads the held-out sets.
 * --scope: before is the re-ordering alone, after adds the learned scope signal's declines (the sure
 * code's offers off in both). --sure: before is the re-ordering and the scope signal, after adds the
 * sure code's offers of what the rules hand over or decline (assistant.decide.ts).
 * --before=NAME=VALUE: before is the model with that setting (e.g. --before=sureAnswer=0; with --sure,
 *   before has no sure code at all unless --before=sureLift=1 is given too).
 *   npx tsx scripts/cv-assistant-learned.ts [--demo-only] [--scope | --sure | --before=NAME=VALUE] [--scopeOdds=4] [--sureLift=1] [FILE…]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importNationalFile } from '../src/catalog/catalog.import';
import { evalServices, evaluate, type EvalReport } from '../src/assistant/assistant.eval';
import { LEARNED, readLabelled, train, useLearnedModel } from '../src/assistant/assistant.learned';

const here = path.dirname(fileURLToPath(import.meta.url));
const TUNING = path.resolve(here, '../src/assistant/eval/tuning');
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
  const all = fs.readdirSync(TUNING).filter((f) => f.endsWith('.jsonl')).sort().map((f) => path.join(TUNING, f));
  const scope = args.includes('--scope');
  const sure = args.includes('--sure');
  const only = args.filter((a) => !a.startsWith('-'));
  const folds = only.length ? all.filter((f) => only.some((o) => f.endsWith(o))) : all;
  const env = await evalServices();
  try {
    const run = async (cat: 'demo' | 'full') => {
      const sum: Record<string, number> = {};
      for (const f of folds) {
        const model = train(all.filter((g) => g !== f).flatMap(readLabelled));
        // --scope: before is the re-ordering alone, after adds the scope signal (the decline).
        // --sure: before is the re-ordering and the scope signal, after adds the sure code's offers.
        const { scopeOdds: odds, sureLift } = LEARNED;
        if (scope) LEARNED.scopeOdds = Infinity;
        if (scope || sure) LEARNED.sureLift = Infinity;
        useLearnedModel(scope || sure ? model : null);
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
        for (const [k, r] of [['before', before], ['after', after]] as const) for (const x of ['top1', 'top3', 'inScope', 'declined', 'outOfScope'] as const) sum[`${k}.${x}`] = (sum[`${k}.${x}`] ?? 0) + r[x];
        console.log(`${cat} ${path.basename(f)}\n  before ${line(before)}\n  after  ${line(after)}`);
        if (args.includes('--verbose')) {
          const b = new Set(before.misses);
          const a = new Set(after.misses);
          for (const m of after.misses) if (!b.has(m)) console.log(`    + ${m}`);
          for (const m of before.misses) if (!a.has(m)) console.log(`    - ${m}`);
        }
      }
      const t = (k: string) => `top1 ${sum[`${k}.top1`]}/${sum[`${k}.inScope`]} top3 ${sum[`${k}.top3`]} declined ${sum[`${k}.declined`]}/${sum[`${k}.outOfScope`]}`;
      console.log(`${cat} all folds: before ${t('before')} → after ${t('after')}`);
    };
    await run('demo');
    if (!args.includes('--demo-only') && nationalFile) {
      await importNationalFile(env.services.catalog, nationalFile, { attachTo: '00004' });
      await run('full');
    }
  } finally {
    await env.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
