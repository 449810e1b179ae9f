import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry } from 'prom-client';
import { STOP_MESSAGE, type MetricsJson, type MetricsLink } from '../ops';

/**
 * WORKERS=N (issue 16): N server processes on one machine sharing one port (node's cluster: the
 * primary accepts connections and hands them to the workers in turn). The primary serves nothing
 * itself: it prepares the database once (migrations, demo data) before starting the workers,
 * starts a worker again when one dies (not while stopping), passes SIGTERM/SIGINT on as one
 * graceful stop per worker, and gathers /metrics: the worker that is scraped asks the primary,
 * which asks every worker for its figures and adds them up (prom-client's aggregation).
 */

const METRICS_ASK = 'motcua:metrics:ask';
const METRICS_TOTAL = 'motcua:metrics:total';
const METRICS_COLLECT = 'motcua:metrics:collect';
const METRICS_MINE = 'motcua:metrics:mine';

interface Msg {
  type?: string;
  id?: number;
  body?: string;
  json?: MetricsJson;
  error?: string;
}

export const isWorkerProcess = (): boolean => cluster.isWorker;

export interface WorkersOptions {
  workers: number;
  /** How long the workers get to stop gracefully before they are killed (their own timeout + a margin). */
  stopTimeoutMs: number;
  log: (msg: string) => void;
  /** Called once every worker listens. */
  onListening?: (address: { port: number; address: string }) => void;
}

/** The primary: starts the workers and looks after them. Resolves once they all listen. */
export function runWorkers(opts: WorkersOptions): Promise<void> {
  let stopping = false;
  let exitCode = 0;
  /** The workers a stop waits for. */
  const waiting = new Set<number>();
  /** The workers that listen (a worker still starting has not set its stop handler yet). */
  const serving = new Set<number>();
  let listening = 0;
  let restarts = 0;
  let ready: () => void;
  const allListening = new Promise<void>((r) => (ready = r));
  const fork = (index: number) => {
    const w = cluster.fork({ MOTCUA_WORKER_INDEX: String(index) });
    (w as unknown as { index: number }).index = index;
    w.once('listening', (address) => {
      serving.add(w.id);
      if (++listening === opts.workers) {
        ready();
        opts.onListening?.({ port: address.port, address: address.address ?? '' });
      }
    });
    w.on('message', (m: Msg) => void answer(w, m));
    return w;
  };
  cluster.on('exit', (w, code, signal) => {
    if (stopping) {
      if (code) exitCode = 1;
      waiting.delete(w.id);
      if (waiting.size === 0) {
        opts.log('Mọi tiến trình con đã dừng.');
        process.exit(exitCode);
      }
      return;
    }
    // A worker that dies on its own (a crash, an out-of-memory kill) is replaced, after a pause if it keeps dying.
    const index = (w as unknown as { index: number }).index;
    const wait = Math.min(30_000, 1_000 * 2 ** Math.min(restarts++, 5));
    opts.log(`Tiến trình con ${w.process.pid} dừng bất thường (${signal ?? `mã ${code}`}); khởi động lại sau ${wait / 1000} giây.`);
    setTimeout(() => {
      if (!stopping) fork(index).once('listening', () => (restarts = Math.max(0, restarts - 1)));
    }, wait).unref();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      opts.log(`Nhận ${signal} lần nữa: dừng ngay các tiến trình con.`);
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGKILL');
      process.exit(1);
    }
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    opts.log(`Nhận ${signal}: dừng ${workers.length} tiến trình con…`);
    if (!workers.length) process.exit(0);
    for (const w of workers) {
      if (!w) continue;
      waiting.add(w.id);
      // One still starting has nothing to finish (and no stop handler yet): the signal ends it.
      if (serving.has(w.id)) w.send(STOP_MESSAGE);
      else w.process.kill('SIGTERM');
    }
    setTimeout(() => {
      opts.log('Hết thời gian chờ: dừng ngay các tiến trình con còn lại.');
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGKILL');
      process.exit(1);
    }, opts.stopTimeoutMs).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  // /metrics: one worker asks, every worker answers, the primary adds up.
  let nextCollect = 0;
  const collecting = new Map<number, { left: number; parts: MetricsJson[]; done: (parts: MetricsJson[]) => void }>();
  const answer = async (from: Worker | undefined, m: Msg) => {
    if (!from) return;
    if (m?.type === METRICS_MINE && typeof m.id === 'number') {
      const c = collecting.get(m.id);
      if (!c) return;
      if (m.json) c.parts.push(m.json);
      if (--c.left === 0) {
        collecting.delete(m.id);
        c.done(c.parts);
      }
      return;
    }
    if (m?.type !== METRICS_ASK || typeof m.id !== 'number') return;
    const workers = Object.values(cluster.workers ?? {}).filter((w) => w?.isConnected());
    const id = nextCollect++;
    try {
      const parts = await new Promise<MetricsJson[]>((resolve) => {
        collecting.set(id, { left: workers.length, parts: [], done: resolve });
        for (const w of workers) w!.send({ type: METRICS_COLLECT, id });
        // A worker that does not answer in time (busy, dying) is left out of this scrape.
        setTimeout(() => {
          const c = collecting.get(id);
          if (!c) return;
          collecting.delete(id);
          resolve(c.parts);
        }, 5_000).unref();
      });
      const body = await AggregatorRegistry.aggregate(parts as Parameters<typeof AggregatorRegistry.aggregate>[0]).metrics();
      from.send({ type: METRICS_TOTAL, id: m.id, body });
    } catch (e) {
      from.send({ type: METRICS_TOTAL, id: m.id, error: (e as Error).message });
    }
  };

  for (let i = 0; i < opts.workers; i++) fork(i);
  return allListening;
}

/** A worker's side of /metrics (WORKERS=N): see runWorkers. Undefined in a process of its own. */
export function workerMetricsLink(): MetricsLink | undefined {
  if (!cluster.isWorker || !process.send) return undefined;
  let nextAsk = 0;
  const asked = new Map<number, { resolve: (body: string) => void; reject: (e: Error) => void }>();
  let collect: (() => Promise<MetricsJson>) | undefined;
  process.on('message', (m: Msg) => {
    if (m?.type === METRICS_TOTAL && typeof m.id === 'number') {
      const a = asked.get(m.id);
      asked.delete(m.id);
      if (m.error !== undefined) a?.reject(new Error(m.error));
      else a?.resolve(m.body ?? '');
    } else if (m?.type === METRICS_COLLECT && typeof m.id === 'number') {
      const id = m.id;
      void (collect?.() ?? Promise.resolve([] as MetricsJson)).then(
        (json) => process.send?.({ type: METRICS_MINE, id, json }),
        () => process.send?.({ type: METRICS_MINE, id, json: [] }),
      );
    }
  });
  return {
    aggregate: () =>
      new Promise<string>((resolve, reject) => {
        const id = nextAsk++;
        asked.set(id, { resolve, reject });
        process.send!({ type: METRICS_ASK, id });
        setTimeout(() => {
          if (asked.delete(id)) reject(new Error('the primary process did not answer'));
        }, 10_000).unref();
      }),
    answer: (fn) => {
      collect = fn;
    },
  };
}
