/**
 * The CLI's entry (`npm run motcua -- <lệnh>`): reads the configuration once and hands over to the
 * server or the worker (main.serve.ts, their jobs in main.jobs.ts) or a one-shot command (main.commands.ts).
 */
import { ConfigError, loadConfig, type Config } from './config';
import { DomainError, ValidationError } from './shared/errors';
import { fail, runCommand } from './main.commands';
import { serve, workerCommand } from './main.serve';

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

  if (cmd === 'start' || cmd === 'serve') return serve(config);
  if (cmd === 'worker') return workerCommand(config);
  if (await runCommand(cmd, args, config)) return;
  process.stderr.write(USAGE);
  fail(`không có lệnh "${cmd}"`);
}

main(process.argv.slice(2)).catch((e) => {
  if (e instanceof ValidationError) {
    fail(`${e.message}\n${e.fields.map((f) => `  - ${f.field}: ${f.message}`).join('\n')}`);
  }
  if (e instanceof DomainError) fail(e.message);
  process.stderr.write(`Lỗi không mong đợi: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
