import cluster from 'node:cluster';
import type { FastifyInstance } from 'fastify';

/** Something that runs in the background and stops cleanly (PeriodicJob, the outbox worker). */
export interface Stoppable {
  close(): Promise<void>;
}

export interface ShutdownParts {
  /** The HTTP server, when this process serves. */
  app?: FastifyInstance;
  /** Jobs and workers: stopped while requests finish (each finishes its run, the worker gives back its leases). */
  jobs: Stoppable[];
  /** Last: the database (after every request and job is done with it). */
  database: Stoppable;
  /** Anything else to undo at the very end (the running mark of `motcua restore`). */
  finally?: () => void;
  timeoutMs: number;
  log: (msg: string) => void;
}

const timeout = (ms: number) => new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms).unref());

/**
 * A graceful stop: stop accepting connections, let the requests in progress finish (up to
 * `timeoutMs`, then cut them), stop the jobs and the outbox worker (which hands back the messages
 * it claimed but did not start), close the database (which releases its connections and any lock
 * they held). Resolves with the exit code: 0, or 1 when requests or jobs had to be cut.
 */
export async function shutdown(parts: ShutdownParts, signal: string): Promise<number> {
  const { app, log } = parts;
  const started = Date.now();
  if (app) {
    app.lifecycle.closing = true;
    log(`Nhận ${signal}: ngừng nhận kết nối mới, chờ ${app.lifecycle.inFlight} yêu cầu đang xử lý (tối đa ${Math.round(parts.timeoutMs / 1000)} giây)…`);
  } else {
    log(`Nhận ${signal}: đang dừng các công việc nền…`);
  }
  let cut = false;
  const closing = [app?.close(), ...parts.jobs.map((j) => j.close())].filter(Boolean);
  const done = await Promise.race([Promise.allSettled(closing), timeout(parts.timeoutMs)]);
  if (done === 'timeout') {
    cut = true;
    const left = app?.lifecycle.inFlight ?? 0;
    log(`Hết ${Math.round(parts.timeoutMs / 1000)} giây chờ: ngắt ${left} yêu cầu còn dở và các công việc chưa xong.`);
    app?.server.closeAllConnections();
  }
  try {
    await Promise.race([parts.database.close(), timeout(5_000)]);
  } catch (e) {
    log(`Lỗi khi đóng cơ sở dữ liệu: ${(e as Error).message}`);
    cut = true;
  }
  parts.finally?.();
  log(`Đã dừng sau ${((Date.now() - started) / 1000).toFixed(1)} giây${cut ? ' (có việc bị ngắt)' : ''}.`);
  return cut ? 1 : 0;
}

/**
 * SIGTERM and SIGINT start one graceful stop; a second signal while it runs exits at once (an
 * operator pressing Ctrl-C twice).
 */
export function onStopSignals(parts: () => ShutdownParts): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) {
      process.stderr.write(`Nhận ${signal} lần nữa: dừng ngay.\n`);
      process.exit(1);
    }
    stopping = true;
    void shutdown(parts(), signal).then(
      (code) => process.exit(code),
      (e) => {
        process.stderr.write(`Lỗi khi dừng: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
  if (cluster.isWorker) {
    // A worker of WORKERS=N: the primary asks by message (a terminal's Ctrl-C reaches every process
    // of the group, and must not count as a second signal); a primary that is gone stops it too.
    process.on('message', (m) => {
      if (m === STOP_MESSAGE && !stopping) handler('SIGTERM');
    });
    process.on('disconnect', () => {
      if (!stopping) handler('SIGTERM');
    });
  }
}

/** What the primary of WORKERS=N sends a worker to stop it (src/cluster/cluster.workers.ts). */
export const STOP_MESSAGE = 'motcua:stop';
