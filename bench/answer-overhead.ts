/**
 * `npx tsx bench/answer-overhead.ts`: what motcua spends per request on its cached answers beyond a
 * bare Fastify route sending the same bytes and headers — measured in ONE process as CPU time, so
 * a busy shared machine moves it far less than it moves a rate.
 *
 * For each answer (the API search, the tracking lookup, the procedure page, the stylesheet) the
 * answer is recorded once from motcua, a bare Fastify instance is given a route that sends exactly
 * those bytes and headers; both listen on loopback and are asked BENCH_AMOUNT (20,000) times over 4
 * keep-alive connections by autocannon in this same process, in BENCH_ROUNDS (5) interleaved
 * rounds (BENCH_ONLY_ANSWER: one answer only, by its label, e.g. 'API search'). The CPU time of the process (user + system, every thread) per request is printed for
 * each, and the difference (median of the rounds): the client's and the network's share is the
 * same for both (same bytes), so the difference is motcua's own per-request work — hooks, routing
 * with a schema, its cache look-up, the headers it sets. (`app.inject` is not used: it keeps
 * ~14 KB per request in this Fastify version, and the growing heap blurs the figures.)
 */
import autocannon from 'autocannon';
import type { FastifyInstance } from 'fastify';
import { compareInRounds, withAnswersAndBareRoutes } from './answers-lib';
import { BROWSER_HEADERS, loadAverage } from './lib';

const AMOUNT = Number(process.env.BENCH_AMOUNT ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ONLY = process.env.BENCH_ONLY_ANSWER;

async function main() {
  await withAnswersAndBareRoutes(async ({ env: { app }, urls, bare }) => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    await bare.listen({ port: 0, host: '127.0.0.1' });
    const base = (f: FastifyInstance) => `http://127.0.0.1:${(f.server.address() as { port: number }).port}`;
    const cpuOf = async (server: FastifyInstance, url: string): Promise<number> => {
      const c0 = process.cpuUsage();
      const r = await autocannon({ url: base(server) + url, amount: AMOUNT, connections: 4, pipelining: 1, headers: BROWSER_HEADERS });
      const c = process.cpuUsage(c0);
      if (r.non2xx || r.errors) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
      return (c.user + c.system) / AMOUNT;
    };
    console.log(`motcua vs a bare Fastify route sending the same bytes, in process over loopback (CPU of server + client), ${AMOUNT} requests × ${ROUNDS} rounds each; load average ${loadAverage()}`);
    for (const [label, url] of Object.entries(urls).filter(([l]) => !ONLY || l === ONLY)) {
      await compareInRounds(label, ROUNDS, 1, () => cpuOf(app, url), () => cpuOf(bare, url));
    }
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
