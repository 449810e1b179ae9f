/**
 * What bench/answer-overhead.ts and bench/answer-js.ts measure: motcua's cached answers (the API
 * search, the tracking lookup, the procedure page, the stylesheet) in a test environment on
 * SQLite, and a bare Fastify instance with a route per answer sending exactly the bytes and
 * headers motcua sent for it (recorded once).
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { createTestEnv, type TestEnv } from '../src/shared/testing';
import { APPLICANT, Desk } from '../src/dossier/workflow.testing';
import { BROWSER_HEADERS } from './lib';

const TRANSIENT = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);

/** Runs `measure` with the answers' URLs (by label) and both servers; closes them after. */
export async function withAnswersAndBareRoutes(measure: (a: { env: TestEnv; urls: Record<string, string>; bare: FastifyInstance }) => Promise<void>): Promise<void> {
  const a = await answersAndBareRoutes();
  try {
    await measure(a);
  } finally {
    await a.bare.close();
    await a.env.close();
  }
}

async function answersAndBareRoutes(): Promise<{ env: TestEnv; urls: Record<string, string>; bare: FastifyInstance }> {
  const env = await createTestEnv('sqlite', { env: { REQUIRE_PHONE_VERIFICATION: 'off', RATE_LIMIT: process.env.BENCH_RATE_LIMIT ?? 'off', DEMO: 'on' } });
  const { app } = env;
  const d = await new Desk(env).submitOnline('1.004746');
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
  return { env, urls, bare };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * A warm-up, then `rounds` interleaved measurements of motcua and the bare route (µs per request each), printed
 * with motcua's own share: the median of the per-round differences.
 */
export async function compareInRounds(label: string, rounds: number, digits: number, motcua: () => Promise<number>, bare: () => Promise<number>): Promise<void> {
  await motcua(); // a warm-up round each
  await bare();
  const m: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < rounds; i++) {
    m.push(await motcua());
    b.push(await bare());
  }
  const diffs = m.map((x, i) => x - b[i]!);
  console.log(`  ${label.padEnd(16)} motcua ${median(m).toFixed(digits)} µs, bare ${median(b).toFixed(digits)} µs, motcua's own ${median(diffs).toFixed(digits)} µs per request (rounds: ${diffs.map((x) => x.toFixed(digits)).join(' / ')})`);
}
