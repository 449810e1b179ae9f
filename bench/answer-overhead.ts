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
import Fastify, { type FastifyInstance } from 'fastify';
import { createTestEnv } from '../src/shared/testing';
import { APPLICANT, Desk } from '../src/dossier/workflow.testing';
import { BROWSER_HEADERS, loadAverage } from './lib';

const AMOUNT = Number(process.env.BENCH_AMOUNT ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ONLY = process.env.BENCH_ONLY_ANSWER;
const TRANSIENT = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const env = await createTestEnv('sqlite', { env: { REQUIRE_PHONE_VERIFICATION: 'off', RATE_LIMIT: process.env.BENCH_RATE_LIMIT ?? 'off', DEMO: 'on' } });
  try {
    const { app } = env;
    const desk = new Desk(env);
    const d = await desk.submitOnline('1.004746');
    const unit = (await env.services.units.serviceUnits())[0]!.code;
    const page = await app.inject({ method: 'GET', url: `/p/${unit}/1.004746`, headers: { 'accept-encoding': 'identity' } });
    const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(page.body)?.[1];
    const urls: Record<string, string> = {
      'API search': `/api/procedures?q=${encodeURIComponent('dang ky khai sinh')}`,
      'tracking lookup': `/api/dossiers/${d.code}?phone=${APPLICANT.phone}`,
      'procedure page': `/p/${unit}/1.004746`,
      ...(stylesheet ? { stylesheet } : {}),
    };
    const bare = Fastify({ logger: false });
    for (const url of Object.values(urls)) {
      const r = await app.inject({ method: 'GET', url, headers: BROWSER_HEADERS });
      if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body.slice(0, 200)}`);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(r.headers)) if (!TRANSIENT.has(k) && v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : String(v);
      const body = r.rawPayload;
      bare.get(url.split('?')[0]!, (_req, reply) => {
        reply.code(200).headers(headers).send(body);
      });
    }
    await bare.ready();

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
      await cpuOf(app, url);
      await cpuOf(bare, url);
      const m: number[] = [];
      const b: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        m.push(await cpuOf(app, url));
        b.push(await cpuOf(bare, url));
      }
      const diffs = m.map((x, i) => x - b[i]!);
      console.log(`  ${label.padEnd(16)} motcua ${median(m).toFixed(1)} µs, bare ${median(b).toFixed(1)} µs, motcua's own ${median(diffs).toFixed(1)} µs per request (rounds: ${diffs.map((x) => x.toFixed(1)).join(' / ')})`);
    }
    await bare.close();
  } finally {
    await env.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
