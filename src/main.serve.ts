/**
 * The long-running processes: `serve`/`start` (one process, or WORKERS=N sharing the port) and
 * `motcua worker` (the outbox worker and its jobs alone); their jobs are built in main.jobs.ts.
 */
import { buildApp, buildServices, seedIfEmpty, sweepFiles, type Services } from './app';
import { publicUrlWarning, startupBanner } from './banner';
import { isWorkerProcess, runWorkers } from './cluster';
import type { Config } from './config';
import { DEMO_QUEUE_UNIT } from './queue';
import { seedAppointmentDemo } from './appointment/appointment.demo';
import { systemClock, travelClock } from './shared/clock';
import { formatDate } from './shared/format';
import { markRunning, onStopSignals } from './ops';
import { prepareLearned } from './assistant';
import { serverJobs, workerJobs } from './main.jobs';

/**
 * What is done once before serving: demo data in an empty database, files left by a crash,
 * the signing certificate's state. With WORKERS=N the primary does it before starting the workers.
 */
async function prepare(config: Config, services: Services, travel: ReturnType<typeof travelClock> | undefined): Promise<void> {
  if (travel && config.demoHistory && (await services.units.list()).length === 0) {
    process.stdout.write('Cơ sở dữ liệu trống: đang ghi dữ liệu mẫu và lịch sử hồ sơ mẫu 12 tháng (chỉ lần đầu)…\n');
  }
  const seeded = travel ? await seedIfEmpty(services, config.demoHistory ? { clock: travel, config } : undefined) : false;
  if (seeded) {
    process.stdout.write('Đã tạo dữ liệu mẫu (DEMO): Thành phố Hà Nội, Phường Ba Đình, Phường Cửa Nam.\n');
    const h = seeded.history;
    if (h) process.stdout.write(`Đã ghi lịch sử mẫu 12 tháng: ${h.dossiers} hồ sơ, ${h.actions} thao tác trong ${(h.ms / 1000).toFixed(1)} giây${h.failures ? ` (${h.failures} hồ sơ dừng giữa chừng)` : ''}.\n`);
  }
  // Demo: the demo ward's queue services, and its counters 1, 2, 3 open at every start.
  if (config.demo && (await services.units.list()).some((u) => u.code === DEMO_QUEUE_UNIT)) {
    await services.queue.seedDemo(DEMO_QUEUE_UNIT);
    // Appointment sessions (a Saturday one included) and a few bookings, once.
    const online = (await services.dossiers.listForUnit(DEMO_QUEUE_UNIT, ['new'])).find((d) => d.code && d.channel === 'online');
    await seedAppointmentDemo(services.appointments, DEMO_QUEUE_UNIT, { dossierCode: online?.code ?? undefined });
  }
  // Files left by uploads whose row never committed (a crash in between), before taking requests;
  // a bucket (FILE_STORE=s3://) is swept in the background instead (serverJobs, main.jobs.ts).
  const swept = await sweepFiles(services, config.sweepGraceSeconds * 1000, config, { blobs: config.files.kind === 'disk' });
  if (swept.orphansRemoved || swept.tmpRemoved) {
    process.stdout.write(`Đã dọn ${swept.orphansRemoved} tệp mồ côi và ${swept.tmpRemoved} tệp tạm (${swept.bytesFreed} byte).\n`);
  }
  const signing = services.signing.status();
  if (signing.state === 'ready') process.stdout.write(`Ký số kết quả điện tử: chứng thư số "${signing.cert.commonName}", hết hạn ${formatDate(signing.cert.notAfter)}${signing.cert.demo ? ' (BẢN DEMO, không có giá trị pháp lý)' : ''}.\n`);
  else if (signing.state === 'problem') process.stdout.write(`Cảnh báo: chưa ký số được kết quả điện tử: ${signing.message}\n`);
}

/** WORKERS=N: this process prepares the database once, then starts N workers sharing the port (src/cluster). */
async function servePrimary(config: Config): Promise<void> {
  const travel = config.demo ? travelClock() : undefined;
  const services = await buildServices(config, { clock: travel ?? systemClock });
  await prepare(config, services, travel);
  await services.database.close();
  const n = config.ops.workers;
  process.stdout.write(`Khởi động ${n} tiến trình phục vụ dùng chung cổng ${config.port} (WORKERS=${n})…\n`);
  await runWorkers({
    workers: n,
    stopTimeoutMs: (config.ops.shutdownTimeoutSeconds + 15) * 1000,
    log: (m) => process.stdout.write(m + '\n'),
  });
  const warning = publicUrlWarning(config);
  if (warning) process.stderr.write(warning + '\n');
  process.stdout.write(startupBanner(config));
}

export async function serve(config: Config): Promise<void> {
  if (config.ops.workers > 1 && !isWorkerProcess()) return servePrimary(config);
  // Demo mode: the clock the demo history sets to the past while it writes, then lets run.
  const travel = config.demo ? travelClock() : undefined;
  const services = await buildServices(config, { clock: travel ?? systemClock });
  // A worker of WORKERS=N: the primary prepared everything already.
  if (!isWorkerProcess()) await prepare(config, services, travel);
  const app = await buildApp(config, services);
  // The outbox worker and its jobs run in this process unless WORKER=off (then `motcua worker` runs them).
  const withWorker = workerJobs(config, services);
  if (config.notifications.worker) {
    services.worker.start();
    for (const job of withWorker) job.start();
  }
  const serving = serverJobs(config, services);
  for (const job of serving) job.start();
  // SIGTERM/SIGINT: stop accepting, finish the requests in progress, stop the jobs and the
  // worker (its claimed messages go back), close the database (src/ops/ops.shutdown.ts).
  const unmark = config.database.kind === 'sqlite' && config.database.url !== ':memory:' ? markRunning(config.dataDir, config.database.url, 'serve') : undefined;
  onStopSignals(() => ({
    app,
    jobs: [...serving, ...withWorker, services.worker],
    database: services.database,
    finally: unmark,
    timeoutMs: config.ops.shutdownTimeoutSeconds * 1000,
    log: (m) => app.log.info(m),
  }));
  // The catalogue in memory (its search index built) before the first request: otherwise the
  // first visitor after a start waits for it, and the requests behind them too (issue 16: 0.1–0.5 s
  // at a province's first tracking lookup).
  await services.catalog.version();
  // The assistant's learned model too (trained from its tuning files), not at the first question.
  prepareLearned();
  await app.listen({ port: config.port, host: config.host });
  if (isWorkerProcess()) return;
  const warning = publicUrlWarning(config);
  if (warning) app.log.warn({ publicUrl: config.publicUrl }, warning);
  process.stdout.write(startupBanner(config));
}

/** `motcua worker`: the outbox worker and its jobs, without serving (WORKER=off in the servers). */
export async function workerCommand(config: Config): Promise<void> {
  const s = await buildServices(config);
  const jobs = workerJobs(config, s);
  const unmark = config.database.kind === 'sqlite' && config.database.url !== ':memory:' ? markRunning(config.dataDir, config.database.url, 'worker') : undefined;
  onStopSignals(() => ({
    jobs: [...jobs, s.worker],
    database: s.database,
    finally: unmark,
    timeoutMs: config.ops.shutdownTimeoutSeconds * 1000,
    log: (m) => process.stdout.write(m + '\n'),
  }));
  // Told by the serving processes when the catalogue or the calendar changes (src/cluster).
  await s.broadcast.listen();
  s.worker.start();
  for (const job of jobs) job.start();
  process.stdout.write(`motcua worker đang gửi tin nhắn (kênh: ${s.worker.channels.join(', ') || 'chưa cấu hình kênh nào'}; cơ sở dữ liệu: ${config.database.kind})\n`);
}
