/**
 * `npx tsx bench/answer-js.ts`: the JavaScript time motcua spends per cached answer beyond a bare
 * Fastify route sending the same bytes and headers, with no network and no client: each request is
 * handed to the server's `request` listener on a socket that swallows what is written, so a cached
 * answer (sent synchronously) is made and written in one call. What a socket costs (the kernel's
 * share) is the same for both and left out; what is left is motcua's own work per request, the
 * figure a busy shared machine blurs least (both are timed interleaved, in one process).
 *
 * BENCH_AMOUNT (50,000) requests per round, BENCH_ROUNDS (9) rounds; BENCH_ONLY_ANSWER: one answer. Then the
 * bytes each allocates per request (V8's heap, garbage included; 20,000 requests each): a count, unlike the times.
 */
import http from 'node:http';
import { Duplex } from 'node:stream';
import { allocationMeter } from './alloc-meter.mjs';
import { compareInRounds, withAnswersAndBareRoutes } from './answers-lib';
import { BROWSER_HEADERS, loadAverage } from './lib';

const AMOUNT = Number(process.env.BENCH_AMOUNT ?? 50_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const ONLY = process.env.BENCH_ONLY_ANSWER;

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

/** Bytes allocated on V8's heap per request (garbage included): a count a busy machine does not blur. */
async function bytesOf(server: http.Server, sink: Sink, url: string): Promise<number> {
  const n = 20_000;
  for (let i = 0; i < 1000; i++) await ask(server, sink, url, BROWSER_HEADERS);
  gc?.();
  const meter = allocationMeter();
  for (let i = 0; i < n; i++) {
    const waiting = ask(server, sink, url, BROWSER_HEADERS);
    if (waiting) await waiting;
  }
  return meter().bytes / n;
}

async function main() {
  await withAnswersAndBareRoutes(async ({ env: { app }, urls, bare }) => {
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
      await compareInRounds(label, ROUNDS, 2, () => timeOf(app.server, sink, url), () => timeOf(bare.server, sink, url));
      const [m, b] = [await bytesOf(app.server, sink, url), await bytesOf(bare.server, sink, url)];
      console.log(`  ${label.padEnd(16)} allocated per request: motcua ${m.toFixed(0)} B, bare ${b.toFixed(0)} B, motcua's own ${(m - b).toFixed(0)} B`);
    }
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
