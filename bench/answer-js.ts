/**
 * `npx tsx bench/answer-js.ts`: the JavaScript time motcua spends per cached answer beyond a bare
 * Fastify route sending the same bytes and headers, with no network and no client: each request is
 * handed to the server's `request` listener on a socket that swallows what is written, so a cached
 * answer (sent synchronously) is made and written in one call. What a socket costs (the kernel's
 * share) is the same for both and left out; what is left is motcua's own work per request, the
 * figure a busy shared machine blurs least (both are timed interleaved, in one process).
 *
 * BENCH_AMOUNT (50,000) requests per round, BENCH_ROUNDS (9) rounds; BENCH_ONLY_ANSWER: one answer.
 */
import http from 'node:http';
import { Duplex } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { createTestEnv } from '../src/shared/testing';
import { APPLICANT, Desk } from '../src/dossier/workflow.testing';
import { BROWSER_HEADERS, loadAverage } from './lib';

const AMOUNT = Number(process.env.BENCH_AMOUNT ?? 50_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const ONLY = process.env.BENCH_ONLY_ANSWER;
const TRANSIENT = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A socket that takes every write at once and keeps nothing. */
class Sink extends Duplex {
  written = 0;
  remoteAddress = '127.0.0.1';
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void): void {
    this.written += chunk.length;
    cb();
  }
  override _writev(chunks: Array<{ chunk: Buffer }>, cb: () => void): void {
    for (const c of chunks) this.written += c.chunk.length;
    cb();
  }
  override _read(): void {}
}

/**
 * Asks `server` for `url` once: undefined when the whole answer was written synchronously (a cached
 * answer), else a promise of its end (e.g. the catalogue version's periodic re-check, a query).
 */
function ask(server: http.Server, sink: Sink, url: string, headers: Record<string, string>): Promise<void> | undefined {
  const req = new http.IncomingMessage(sink as never);
  req.method = 'GET';
  req.url = url;
  req.httpVersion = '1.1';
  req.httpVersionMajor = 1;
  req.httpVersionMinor = 1;
  req.headers = { host: '127.0.0.1', ...headers };
  req.complete = true;
  req.push(null);
  const res = new http.ServerResponse(req);
  res.shouldKeepAlive = true;
  res.assignSocket(sink as never);
  server.emit('request', req, res);
  if (res.writableEnded) {
    res.detachSocket(sink as never);
    return undefined;
  }
  return new Promise((resolve) =>
    res.once('finish', () => {
      res.detachSocket(sink as never);
      resolve();
    }),
  );
}

const gc = (globalThis as { gc?: () => void }).gc;

async function timeOf(server: http.Server, sink: Sink, url: string): Promise<number> {
  gc?.(); // a full collection between rounds, not inside one (run with node --expose-gc)
  const c0 = process.cpuUsage();
  for (let i = 0; i < AMOUNT; i++) {
    const waiting = ask(server, sink, url, BROWSER_HEADERS);
    if (waiting) await waiting;
  }
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / AMOUNT;
}

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
    const bare: FastifyInstance = Fastify({ logger: false });
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
    const sink = new Sink();
    console.log(`motcua vs a bare Fastify route sending the same bytes, JavaScript only (no socket, no client), ${AMOUNT} requests × ${ROUNDS} rounds each; load average ${loadAverage()}`);
    for (const [label, url] of Object.entries(urls).filter(([l]) => !ONLY || l === ONLY)) {
      // The same bytes from both (the request id and the date aside).
      const w0 = sink.written;
      await ask(app.server, sink, url, BROWSER_HEADERS);
      const mine = sink.written - w0;
      await ask(bare.server, sink, url, BROWSER_HEADERS);
      const theirs = sink.written - w0 - mine;
      if (Math.abs(mine - theirs) > 64) throw new Error(`${url}: motcua wrote ${mine} bytes, the bare route ${theirs}`);
      await timeOf(app.server, sink, url);
      await timeOf(bare.server, sink, url);
      const m: number[] = [];
      const b: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        m.push(await timeOf(app.server, sink, url));
        b.push(await timeOf(bare.server, sink, url));
      }
      const diffs = m.map((x, i) => x - b[i]!);
      console.log(`  ${label.padEnd(16)} motcua ${median(m).toFixed(2)} µs, bare ${median(b).toFixed(2)} µs, motcua's own ${median(diffs).toFixed(2)} µs per request (rounds: ${diffs.map((x) => x.toFixed(2)).join(' / ')})`);
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
