import fs from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { buildApp, buildServices, seedIfEmpty, sweepFiles, type Services } from './app';
import { isWorkerProcess, runWorkers } from './cluster';
import { PeriodicJob, type PeriodicJobOptions } from './shared/periodic-job';
import { ArchiveOcrJob } from './docstore';
import { ConfigError, loadConfig, type Config } from './config';
import { publicUrlWarning, startupBanner } from './banner';
import { importNationalFile, formatImportReport } from './catalog/catalog.import';
import { exportUnitCatalog, importUnitCatalog } from './catalog/catalog.excel';
import { seedDemo } from './demo';
import { DEMO_QUEUE_UNIT } from './queue';
import { seedCalendarDemo } from './calendar';
import { migrateToLatest } from './db/migrate';
import { openDatabase } from './db/connection';
import { DomainError, ValidationError } from './shared/errors';
import { systemClock, travelClock } from './shared/clock';
import { DraftExpiryJob, EscalationJob } from './dossier/dossier.jobs';
import { LinkedPartnerJob } from './linked';
import { AppointmentReminderJob } from './appointment';
import { seedAppointmentDemo } from './appointment/appointment.demo';
import { AuditCheckpointJob } from './audit';
import { ReportReminderJob } from './report/summary.reminders';
import { loadCertificate, makeDemoCertificate } from './signing';
import { formatDate } from './shared/format';
import { markRunning, onStopSignals } from './ops';
import { backupCommand, copyToCommand, restoreCommand } from './ops/ops.commands';
import { VaccinationReminderJob } from './vaccination';
import { prepareLearned } from './assistant';

const USAGE = `motcua — phần mềm Bộ phận Một cửa

Cách dùng: npm run motcua -- <lệnh> [tham số]

  start                      chạy máy chủ, DEMO mặc định bật (dùng cho npm start)
  serve                      chạy máy chủ, DEMO mặc định tắt (dùng khi triển khai thật)
  migrate                    cập nhật cấu trúc cơ sở dữ liệu
  seed                       ghi dữ liệu mẫu (đơn vị, danh mục thủ tục)
  import-tthc FILE [--unit MÃ] [--force]
                             nhập danh mục quốc gia (JSONL); --unit thêm mọi thủ tục vào danh mục
                             của đơn vị; --force ghi đè cả bản đã biên tập tại chỗ
  calendar import FILE       nhập lịch nghỉ lễ, Tết, làm bù của một năm (JSON, xem README:
                             "Lịch làm việc"); thay toàn bộ lịch đã nhập của năm đó
  catalog-export MÃ FILE     xuất danh mục của đơn vị ra Excel
  catalog-import MÃ FILE     nhập danh mục của đơn vị từ Excel
  worker                     chỉ chạy tiến trình gửi tin nhắn (SMS, thư, Zalo) từ hàng đợi
                             và cảnh báo hồ sơ sắp/quá hạn
  audit verify               kiểm tra chuỗi mã băm của nhật ký và các mốc đã ký (phát hiện bản ghi
                             bị sửa, xóa, viết lại)
  audit checkpoint           ghi ngay một mốc đã ký của cuối chuỗi nhật ký (AUDIT_CHECKPOINT_FILE)
  report-rebuild [MÃ]        tính lại bảng "đơn vị nào đã gửi báo cáo" từ số liệu đã lưu (sau khi
                             khôi phục hay nạp số liệu bằng SQL); MÃ: chỉ một báo cáo
  cert demo [TỆP] [--password MẬT_KHẨU] [--unit "TÊN ĐƠN VỊ"]
                             tạo chứng thư số tự ký DÙNG THỬ (ghi rõ "BẢN DEMO" trong tên) để ký
                             kết quả điện tử; mặc định DATA_DIR/signing-demo.p12, mật khẩu "demo"
  cert check                 kiểm tra chứng thư số đang cấu hình (SIGNING_P12, SIGNING_P12_PASSWORD)
  backup FILE [--force]      sao lưu trực tuyến cơ sở dữ liệu SQLite vào FILE trong khi máy chủ vẫn
                             chạy (PostgreSQL: dùng pg_dump -Fc, xem README)
  restore FILE [--force]     khôi phục FILE vào cơ sở dữ liệu SQLite đã cấu hình (máy chủ phải dừng;
                             --force thay cơ sở dữ liệu đang có, bản cũ được giữ lại), rồi kiểm tra
                             chuỗi nhật ký
  copy-to DATABASE_URL       chuyển toàn bộ dữ liệu từ SQLite sang một cơ sở dữ liệu PostgreSQL trống
                             (đếm từng bảng, kiểm tra nhật ký ở đích; tệp đính kèm giữ nguyên)
`;

/** A periodic job's options: its interval, the log, and on PostgreSQL the election of one process per tick (src/jobs). */
function jobOptions(s: Services, intervalMs: number): PeriodicJobOptions {
  return { intervalMs, log: (m) => process.stdout.write(m + '\n'), election: s.jobElection };
}

/** A bucket's sweep: a slice of at most this long (file.s3.ts goes on where the last one stopped)… */
const S3_SWEEP_BUDGET_MS = 20_000;
/** …every this long, in one process of all (the job election). */
const S3_SWEEP_EVERY_MS = 10 * 60_000;

/**
 * FILE_STORE=s3://: unreferenced objects of the bucket removed in slices, in the background — a
 * bucket of millions of papers is never listed whole, nor before the server answers. The local
 * disk is swept whole at start (prepare) and needs no job.
 */
function fileSweepJob(config: Config, s: Services): PeriodicJob<Awaited<ReturnType<typeof sweepFiles>>> {
  return new PeriodicJob(
    {
      name: 'file-sweep',
      doing: 'dọn tệp không còn dùng trong kho tệp',
      run: () => sweepFiles(s, config.sweepGraceSeconds * 1000, config, { budgetMs: S3_SWEEP_BUDGET_MS }),
      report: (r) => (r.orphansRemoved ? `Đã dọn ${r.orphansRemoved} tệp mồ côi trong kho tệp (${r.bytesFreed} byte; đã xem ${r.scanned} tệp).` : undefined),
      firstDelayMs: 30_000,
    },
    jobOptions(s, config.files.kind === 's3' ? S3_SWEEP_EVERY_MS : 0),
  );
}

function fail(message: string): never {
  process.stderr.write(`Lỗi: ${message}\n`);
  process.exit(1);
}

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
  // a bucket (FILE_STORE=s3://) is swept in the background instead (fileSweepJob).
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

async function serve(config: Config): Promise<void> {
  if (config.ops.workers > 1 && !isWorkerProcess()) return servePrimary(config);
  // Demo mode: the clock the demo history sets to the past while it writes, then lets run.
  const travel = config.demo ? travelClock() : undefined;
  const services = await buildServices(config, { clock: travel ?? systemClock });
  // A worker of WORKERS=N: the primary prepared everything already.
  if (!isWorkerProcess()) await prepare(config, services, travel);
  const app = await buildApp(config, services);
  // The outbox worker runs in this process unless WORKER=off (then `motcua worker` runs it).
  if (config.notifications.worker) services.worker.start();
  const escalation = new EscalationJob(services.dossierWorkflow, jobOptions(services, config.notifications.worker ? config.escalationMinutes * 60_000 : 0));
  escalation.start();
  // Linked groups: partner parts handed over, and a partner past a part's deadline escalated to the unit.
  const linkedJob = new LinkedPartnerJob(services.linked, jobOptions(services, config.notifications.worker ? config.escalationMinutes * 60_000 : 0));
  linkedJob.start();
  const draftExpiry = new DraftExpiryJob(services.drafts, jobOptions(services, config.notifications.worker ? 3600_000 : 0));
  draftExpiry.start();
  // Appointment reminders the day before, every 10 minutes (with the worker).
  const reminders = new AppointmentReminderJob(services.appointments, jobOptions(services, config.notifications.worker ? 600_000 : 0));
  reminders.start();
  // Report reminders as deadlines near and pass, once per period (with the worker).
  const reportReminders = new ReportReminderJob(services.reportReminders, jobOptions(services, config.notifications.worker ? 600_000 : 0));
  reportReminders.start();
  // Vaccination reminders N days before each dose, the 24-month end and its erasure (with the worker).
  const vaccinationReminders = new VaccinationReminderJob(services.vaccination, jobOptions(services, config.notifications.worker ? 600_000 : 0));
  vaccinationReminders.start();
  // Signed checkpoints of the audit chain's head, outside the database (with the worker).
  const checkpoints = new AuditCheckpointJob(services.audit, jobOptions(services, config.audit.checkpointMinutes * 60_000));
  if (config.notifications.worker) checkpoints.start();
  // Scanned archive pages left waiting by a restart are recognised (OCR) in this process.
  const archiveOcr = new ArchiveOcrJob(services.archive, jobOptions(services, 60_000));
  archiveOcr.start();
  const fileSweep = fileSweepJob(config, services);
  fileSweep.start();
  // SIGTERM/SIGINT: stop accepting, finish the requests in progress, stop the jobs and the
  // worker (its claimed messages go back), close the database (src/ops/ops.shutdown.ts).
  const unmark = config.database.kind === 'sqlite' && config.database.url !== ':memory:' ? markRunning(config.dataDir, config.database.url, 'serve') : undefined;
  const archive = { close: async () => { await archiveOcr.close(); await services.archive.stop(); } };
  onStopSignals(() => ({
    app,
    jobs: [archive, fileSweep, escalation, linkedJob, draftExpiry, reminders, reportReminders, vaccinationReminders, checkpoints, services.worker],
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

async function main(argv: string[]): Promise<void> {
  const [cmd, ...args] = argv;
  if (!cmd || cmd === 'help' || cmd === '--help' || cmd === '-h') {
    process.stdout.write(USAGE);
    return;
  }
  let config: Config;
  try {
    config = loadConfig(process.env, { demo: cmd === 'start', tty: !!process.stdout.isTTY });
  } catch (e) {
    if (e instanceof ConfigError) fail(`cấu hình không hợp lệ:\n${e.message}`);
    throw e;
  }

  switch (cmd) {
    case 'start':
    case 'serve':
      return serve(config);
    case 'worker': {
      const s = await buildServices(config);
      const escalation = new EscalationJob(s.dossierWorkflow, jobOptions(s, config.escalationMinutes * 60_000));
      const draftExpiry = new DraftExpiryJob(s.drafts, jobOptions(s, 3600_000));
      const linkedJob = new LinkedPartnerJob(s.linked, jobOptions(s, config.escalationMinutes * 60_000));
      const checkpoints = new AuditCheckpointJob(s.audit, jobOptions(s, config.audit.checkpointMinutes * 60_000));
      const reminders = new AppointmentReminderJob(s.appointments, jobOptions(s, 600_000));
      const reportReminders = new ReportReminderJob(s.reportReminders, jobOptions(s, 600_000));
      const vaccinationReminders = new VaccinationReminderJob(s.vaccination, jobOptions(s, 600_000));
      const unmark = config.database.kind === 'sqlite' && config.database.url !== ':memory:' ? markRunning(config.dataDir, config.database.url, 'worker') : undefined;
      onStopSignals(() => ({
        jobs: [escalation, linkedJob, draftExpiry, reminders, reportReminders, vaccinationReminders, checkpoints, s.worker],
        database: s.database,
        finally: unmark,
        timeoutMs: config.ops.shutdownTimeoutSeconds * 1000,
        log: (m) => process.stdout.write(m + '\n'),
      }));
      // Told by the serving processes when the catalogue or the calendar changes (src/cluster).
      await s.broadcast.listen();
      s.worker.start();
      escalation.start();
      linkedJob.start();
      draftExpiry.start();
      reminders.start();
      reportReminders.start();
      vaccinationReminders.start();
      checkpoints.start();
      process.stdout.write(`motcua worker đang gửi tin nhắn (kênh: ${s.worker.channels.join(', ') || 'chưa cấu hình kênh nào'}; cơ sở dữ liệu: ${config.database.kind})\n`);
      return;
    }
    case 'audit': {
      if (args[0] !== 'verify' && args[0] !== 'checkpoint') fail('cách dùng: audit verify | audit checkpoint');
      const s = await buildServices(config);
      if (args[0] === 'checkpoint') {
        const c = await s.audit.checkpoint();
        await s.database.close();
        process.stdout.write(c ? `Đã ghi mốc nhật ký vào ${config.audit.checkpointFile}: bản ghi ${c.seq}, mã băm ${c.hash}, chữ ký ${c.mac}\n` : 'Không có gì mới để ghi mốc.\n');
        return;
      }
      const v = await s.audit.verify();
      await s.database.close();
      if (v.ok) {
        process.stdout.write(
          `Nhật ký toàn vẹn: ${v.checked} bản ghi, chuỗi mã băm khớp đến bản ghi ${v.headSeq}; ${v.checkpoints} mốc đã ký (${config.audit.checkpointFile}) khớp.\n`,
        );
        if (!v.checkpoints && v.checked) process.stdout.write('Chưa có mốc đã ký nào: các bản ghi cuối có thể bị xóa mà không phát hiện được. Chạy máy chủ với WORKER=on, hoặc `motcua worker`.\n');
        return;
      }
      process.stderr.write(`Nhật ký KHÔNG toàn vẹn: ${v.problems.length} vấn đề trong ${v.checked} bản ghi:\n${v.problems.map((p) => `  - ${p.message}`).join('\n')}\n`);
      process.exit(2);
    }
    case 'report-rebuild': {
      const s = await buildServices(config);
      const rows = await s.reports.rebuildReported(args[0]);
      await s.database.close();
      process.stdout.write(`Đã tính lại ${rows} dòng "đơn vị đã gửi" (report_reported)${args[0] ? ` của báo cáo ${args[0]}` : ''} từ số liệu đã lưu.\n`);
      return;
    }
    case 'cert': {
      if (args[0] === 'check') {
        if (!config.signing.p12Path) fail('chưa cấu hình SIGNING_P12 (đường dẫn tệp .p12/.pfx của chứng thư số).');
        if (!fs.existsSync(config.signing.p12Path)) fail(`không tìm thấy tệp ${config.signing.p12Path}`);
        const c = loadCertificate(fs.readFileSync(config.signing.p12Path), config.signing.password, new Date());
        process.stdout.write(`Chứng thư số dùng được: ${c.subject}\nCấp bởi: ${c.issuer}\nHiệu lực: ${formatDate(c.notBefore)} – ${formatDate(c.notAfter)}; số hiệu ${c.serial}; SHA-256 ${c.sha256}${c.demo ? '\nĐây là chứng thư số DÙNG THỬ (bản demo), không có giá trị pháp lý.' : ''}\n`);
        return;
      }
      if (args[0] !== 'demo') fail('cách dùng: cert demo [TỆP] [--password MẬT_KHẨU] [--unit "TÊN ĐƠN VỊ"] | cert check');
      const opt = (name: string) => {
        const i = args.indexOf(name);
        return i > 0 ? args[i + 1] : undefined;
      };
      const positional = args.slice(1).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
      const file = path.resolve(positional[0] ?? path.join(config.dataDir, 'signing-demo.p12'));
      const password = opt('--password') ?? 'demo';
      if (fs.existsSync(file)) fail(`tệp ${file} đã có; xóa tệp cũ hoặc chọn tên khác.`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, makeDemoCertificate({ unitName: opt('--unit') ?? 'Đơn vị dùng thử motcua', password, now: new Date() }), { mode: 0o600 });
      const c = loadCertificate(fs.readFileSync(file), password, new Date());
      process.stdout.write(`Đã tạo chứng thư số DÙNG THỬ: ${file}\nTên: ${c.commonName}\nHiệu lực đến ${formatDate(c.notAfter)}. Dùng với:\n  SIGNING_P12=${file} SIGNING_P12_PASSWORD=${password}\nChỉ để thử: văn bản ký bằng chứng thư này không có giá trị pháp lý.\n`);
      return;
    }
    case 'backup':
    case 'restore':
    case 'copy-to': {
      const r =
        cmd === 'backup' ? await backupCommand(config, args) : cmd === 'restore' ? await restoreCommand(config, args) : await copyToCommand(config, args, (m) => process.stdout.write(m + '\n'));
      (r.code === 0 ? process.stdout : process.stderr).write(r.out);
      if (r.code) process.exit(r.code);
      return;
    }
    case 'migrate': {
      const database = openDatabase(config.database);
      const done = await migrateToLatest(database.db);
      await database.close();
      process.stdout.write(done.length ? `Đã áp dụng: ${done.join(', ')}\n` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.\n');
      return;
    }
    case 'seed': {
      const s = await buildServices(config);
      const r = await seedDemo(s.units, s.catalog, s.accounts);
      await seedCalendarDemo(s.calendars);
      await s.database.close();
      process.stdout.write(`Đã ghi ${r.units} đơn vị, ${r.procedures} thủ tục mẫu và ${r.staff} tài khoản cán bộ mẫu (mật khẩu "demo").\n`);
      return;
    }
    case 'import-tthc': {
      let file: string | undefined;
      let attachTo: string | undefined;
      let force = false;
      for (let i = 0; i < args.length; i++) {
        const a = args[i]!;
        if (a === '--unit') {
          attachTo = args[++i];
          if (!attachTo) fail('--unit cần mã đơn vị, ví dụ --unit 00004');
        } else if (a === '--force') force = true;
        else if (a.startsWith('--')) fail(`không hiểu tùy chọn ${a}`);
        else file = a;
      }
      if (!file) fail('thiếu đường dẫn tệp. Ví dụ: npm run import-tthc -- ../shared/data/tthc-national.jsonl');
      if (!fs.existsSync(file)) fail(`không tìm thấy tệp ${file}`);
      const s = await buildServices(config);
      const tty = process.stdout.isTTY;
      const bar = tty ? new cliProgress.SingleBar({ format: ' {phase} [{bar}] {percentage}% | {value}/{total}', hideCursor: true }, cliProgress.Presets.shades_classic) : undefined;
      let phase = '';
      const started = new Date();
      const report = await importNationalFile(s.catalog, file, {
        attachTo,
        force,
        onProgress: (p) => {
          if (!bar) return;
          const label = p.phase === 'parse' ? 'Đọc tệp ' : 'Ghi CSDL';
          if (phase !== p.phase) {
            if (phase) bar.stop();
            phase = p.phase;
            bar.start(p.total, 0, { phase: label });
          }
          bar.update(p.done, { phase: label });
        },
      });
      bar?.stop();
      const text = formatImportReport(report);
      await s.catalog.recordImportRun({
        source: path.resolve(file),
        startedAt: started.toISOString(),
        finishedAt: new Date().toISOString(),
        total: report.total,
        inserted: report.inserted,
        updated: report.updated,
        unchanged: report.unchanged,
        rejected: report.rejected,
        problems: report.problems.length,
        report: formatImportReport(report, 1000),
      });
      await s.database.close();
      process.stdout.write(text + '\n');
      return;
    }
    case 'calendar': {
      const [sub, file] = args;
      if (sub !== 'import' || !file) fail('cách dùng: calendar import FILE (tệp JSON lịch nghỉ của năm, ví dụ src/calendar/data/2026.json)');
      if (!fs.existsSync(file)) fail(`không tìm thấy tệp ${file}`);
      const s = await buildServices(config);
      try {
        const done = await s.calendars.importNational(fs.readFileSync(file, 'utf8'), 'cli');
        for (const y of done) process.stdout.write(`Đã nhập lịch năm ${y.year}: ${y.daysOff} ngày nghỉ, ${y.workingDays} ngày làm bù. Hạn giải quyết của hồ sơ tiếp nhận từ nay tính theo lịch này.\n`);
      } finally {
        await s.database.close();
      }
      return;
    }
    case 'catalog-export': {
      const [unit, file] = args;
      if (!unit || !file) fail('cần mã đơn vị và tên tệp, ví dụ: catalog-export 00004 danh-muc.xlsx');
      const s = await buildServices(config);
      fs.writeFileSync(file, await exportUnitCatalog(s.catalog, unit));
      await s.database.close();
      process.stdout.write(`Đã xuất danh mục của đơn vị ${unit} ra ${file}\n`);
      return;
    }
    case 'catalog-import': {
      const [unit, file] = args;
      if (!unit || !file) fail('cần mã đơn vị và tên tệp, ví dụ: catalog-import 00004 danh-muc.xlsx');
      if (!fs.existsSync(file)) fail(`không tìm thấy tệp ${file}`);
      const s = await buildServices(config);
      const r = await importUnitCatalog(s.catalog, unit, fs.readFileSync(file));
      await s.database.close();
      process.stdout.write(`Đã cập nhật danh mục: thêm ${r.added}, cập nhật ${r.updated}, bỏ ${r.removed} thủ tục.\n`);
      return;
    }
    default:
      process.stderr.write(USAGE);
      fail(`không có lệnh "${cmd}"`);
  }
}

main(process.argv.slice(2)).catch((e) => {
  if (e instanceof ValidationError) {
    fail(`${e.message}\n${e.fields.map((f) => `  - ${f.field}: ${f.message}`).join('\n')}`);
  }
  if (e instanceof DomainError) fail(e.message);
  process.stderr.write(`Lỗi không mong đợi: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
