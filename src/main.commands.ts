/**
 * The one-shot commands of the CLI (`motcua <lệnh>`): each builds what it needs, does its work,
 * closes the database and prints its result in Vietnamese. The long-running ones are in main.serve.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { buildServices } from './app';
import type { Config } from './config';
import { importNationalFile, formatImportReport } from './catalog/catalog.import';
import { exportUnitCatalog, importUnitCatalog } from './catalog/catalog.excel';
import { seedDemo } from './demo';
import { seedCalendarDemo } from './calendar';
import { migrateToLatest } from './db/migrate';
import { openDatabase } from './db/connection';
import { loadCertificate, makeDemoCertificate } from './signing';
import { formatDate } from './shared/format';
import { backupCommand, copyToCommand, restoreCommand } from './ops/ops.commands';

export function fail(message: string): never {
  process.stderr.write(`Lỗi: ${message}\n`);
  process.exit(1);
}

/** Runs the command `cmd`; false when there is no such command. */
export async function runCommand(cmd: string, args: string[], config: Config): Promise<boolean> {
  switch (cmd) {
    case 'audit': {
      if (args[0] !== 'verify' && args[0] !== 'checkpoint') fail('cách dùng: audit verify | audit checkpoint');
      const s = await buildServices(config);
      if (args[0] === 'checkpoint') {
        const c = await s.audit.checkpoint();
        await s.database.close();
        process.stdout.write(c ? `Đã ghi mốc nhật ký vào ${config.audit.checkpointFile}: bản ghi ${c.seq}, mã băm ${c.hash}, chữ ký ${c.mac}\n` : 'Không có gì mới để ghi mốc.\n');
        return true;
      }
      const v = await s.audit.verify();
      await s.database.close();
      if (v.ok) {
        process.stdout.write(
          `Nhật ký toàn vẹn: ${v.checked} bản ghi, chuỗi mã băm khớp đến bản ghi ${v.headSeq}; ${v.checkpoints} mốc đã ký (${config.audit.checkpointFile}) khớp.\n`,
        );
        if (!v.checkpoints && v.checked) process.stdout.write('Chưa có mốc đã ký nào: các bản ghi cuối có thể bị xóa mà không phát hiện được. Chạy máy chủ với WORKER=on, hoặc `motcua worker`.\n');
        return true;
      }
      process.stderr.write(`Nhật ký KHÔNG toàn vẹn: ${v.problems.length} vấn đề trong ${v.checked} bản ghi:\n${v.problems.map((p) => `  - ${p.message}`).join('\n')}\n`);
      process.exit(2);
    }
    case 'report-rebuild': {
      const s = await buildServices(config);
      const rows = await s.reports.rebuildReported(args[0]);
      await s.database.close();
      process.stdout.write(`Đã tính lại ${rows} dòng "đơn vị đã gửi" (report_reported)${args[0] ? ` của báo cáo ${args[0]}` : ''} từ số liệu đã lưu.\n`);
      return true;
    }
    case 'cert': {
      if (args[0] === 'check') {
        if (!config.signing.p12Path) fail('chưa cấu hình SIGNING_P12 (đường dẫn tệp .p12/.pfx của chứng thư số).');
        if (!fs.existsSync(config.signing.p12Path)) fail(`không tìm thấy tệp ${config.signing.p12Path}`);
        const c = loadCertificate(fs.readFileSync(config.signing.p12Path), config.signing.password, new Date());
        process.stdout.write(`Chứng thư số dùng được: ${c.subject}\nCấp bởi: ${c.issuer}\nHiệu lực: ${formatDate(c.notBefore)} – ${formatDate(c.notAfter)}; số hiệu ${c.serial}; SHA-256 ${c.sha256}${c.demo ? '\nĐây là chứng thư số DÙNG THỬ (bản demo), không có giá trị pháp lý.' : ''}\n`);
        return true;
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
      return true;
    }
    case 'backup':
    case 'restore':
    case 'copy-to': {
      const r =
        cmd === 'backup' ? await backupCommand(config, args) : cmd === 'restore' ? await restoreCommand(config, args) : await copyToCommand(config, args, (m) => process.stdout.write(m + '\n'));
      (r.code === 0 ? process.stdout : process.stderr).write(r.out);
      if (r.code) process.exit(r.code);
      return true;
    }
    case 'migrate': {
      const database = openDatabase(config.database);
      const done = await migrateToLatest(database.db);
      await database.close();
      process.stdout.write(done.length ? `Đã áp dụng: ${done.join(', ')}\n` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.\n');
      return true;
    }
    case 'seed': {
      const s = await buildServices(config);
      const r = await seedDemo(s.units, s.catalog, s.accounts);
      await seedCalendarDemo(s.calendars);
      await s.database.close();
      process.stdout.write(`Đã ghi ${r.units} đơn vị, ${r.procedures} thủ tục mẫu và ${r.staff} tài khoản cán bộ mẫu (mật khẩu "demo").\n`);
      return true;
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
      return true;
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
      return true;
    }
    case 'catalog-export': {
      const [unit, file] = args;
      if (!unit || !file) fail('cần mã đơn vị và tên tệp, ví dụ: catalog-export 00004 danh-muc.xlsx');
      const s = await buildServices(config);
      fs.writeFileSync(file, await exportUnitCatalog(s.catalog, unit));
      await s.database.close();
      process.stdout.write(`Đã xuất danh mục của đơn vị ${unit} ra ${file}\n`);
      return true;
    }
    case 'catalog-import': {
      const [unit, file] = args;
      if (!unit || !file) fail('cần mã đơn vị và tên tệp, ví dụ: catalog-import 00004 danh-muc.xlsx');
      if (!fs.existsSync(file)) fail(`không tìm thấy tệp ${file}`);
      const s = await buildServices(config);
      const r = await importUnitCatalog(s.catalog, unit, fs.readFileSync(file));
      await s.database.close();
      process.stdout.write(`Đã cập nhật danh mục: thêm ${r.added}, cập nhật ${r.updated}, bỏ ${r.removed} thủ tục.\n`);
      return true;
    }
    default:
      return false;
  }
}
