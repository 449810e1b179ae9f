import type { AuditEntry } from '../audit';
import { WORKLIST_TAB_LABEL } from '../dossier';
import { formatDateTime } from '../shared/format';
import { StaffLayout, type StaffNavProps } from '../shared/staff-layout';
import { ACTION_LABEL } from '../workflow';
import { StaffTable } from '../shared/staff-table';

/** The audit log in words (issue 9): what the codes stored in the log mean to a person. */
const ACTION_TEXT: Record<string, string> = {
  'auth.sign_in': 'Đăng nhập',
  'dossier.view': 'Xem hồ sơ',
  'worklist.view': 'Xem danh sách hồ sơ',
  'dossier.apology_prepared': 'Chuẩn bị phiếu xin lỗi và hẹn lại ngày trả',
  'dossier.flag_near': 'Cảnh báo hồ sơ sắp đến hạn',
  'dossier.flag_overdue': 'Cảnh báo hồ sơ quá hạn',
  'catalog.update': 'Lưu danh mục thủ tục',
  'catalog.update_local': 'Sửa thiết lập riêng của thủ tục',
  'catalog.restore': 'Khôi phục phiên bản trước của danh mục',
  'staff.create': 'Tạo tài khoản cán bộ',
  'staff.update': 'Sửa tài khoản cán bộ',
  'staff.reset_password': 'Đặt lại mật khẩu cán bộ',
  'staff.change_password': 'Đổi mật khẩu',
  'staff.change': 'Thay đổi dữ liệu',
  'process.save': 'Lưu quy trình nội bộ',
  'report.tracking_book': 'Xuất sổ theo dõi hồ sơ',
  'docstore.check': 'Đánh dấu giấy tờ đã kiểm tra, số hóa',
  'docstore.uncheck': 'Bỏ đánh dấu giấy tờ đã kiểm tra, số hóa',
  'docstore.consent': 'Ghi nhận người dân đồng ý dùng kho giấy tờ',
  'docstore.use': 'Dùng giấy tờ trong kho của người dân',
  'archive.upload': 'Tải lên trang quét sổ lưu trữ',
  'archive.update': 'Sửa bản ghi lưu trữ',
  'archive.confirm': 'Xác nhận bản ghi lưu trữ',
};

/** What a page or file view was about (the `what` of dossier.view). */
function viewedPart(what: unknown): string {
  const w = String(what ?? '');
  if (w === 'page') return 'trang hồ sơ';
  if (w === 'api') return 'qua API';
  if (w === 'receipt') return 'giấy tiếp nhận và hẹn trả';
  if (w.startsWith('file:')) return 'tệp đính kèm';
  if (w.startsWith('form:')) return 'phiếu in';
  return '';
}

export function auditActionText(e: Pick<AuditEntry, 'action' | 'data'>): string {
  const known = ACTION_TEXT[e.action];
  if (e.action === 'dossier.view') {
    const part = viewedPart(e.data.what);
    return part ? `${known} (${part})` : known!;
  }
  if (known) return known;
  const [scope, type] = e.action.split('.');
  if (scope === 'dossier' && type && ACTION_LABEL[type]) return `Hồ sơ: ${ACTION_LABEL[type]!.toLocaleLowerCase('vi')}`;
  return 'Thao tác khác';
}

const TARGET_TEXT: Record<string, string> = {
  dossier: 'Hồ sơ',
  worklist: 'Danh sách',
  staff: 'Cán bộ',
  catalog: 'Danh mục của đơn vị',
  procedure: 'Thủ tục',
  process: 'Quy trình',
  report: 'Sổ theo dõi',
  route: 'Trang',
  citizen: 'Người dân',
  archive_batch: 'Lượt tải trang quét',
  archive_record: 'Bản ghi lưu trữ',
};

/** Routes whose changes are recorded by the change guard, in words. */
const ROUTE_TEXT: Array<[RegExp, string]> = [
  [/^POST \/can-bo\/tro-ly\/cau-hoi-thuong-gap\/:id\/xoa$/, 'Xóa câu hỏi thường gặp'],
  [/^POST \/can-bo\/tro-ly\/cau-hoi-thuong-gap$/, 'Thêm câu hỏi thường gặp'],
  [/^POST \/can-bo\/tro-ly\/tu-dong-nghia/, 'Sửa bảng từ đồng nghĩa'],
  [/^POST \/can-bo\/tro-ly\/:id/, 'Trả lời câu hỏi chuyển cán bộ'],
  [/^POST \/can-bo\/phieu-dich-vu-cong$/, 'In Phiếu dịch vụ công (tài khoản người dân)'],
  [/^POST \/can-bo\/thong-bao\/mau/, 'Sửa mẫu tin nhắn'],
  [/^POST \/(can-bo\/thong-bao|api\/notifications)\/:id/, 'Gửi lại tin nhắn'],
  [/doi-soat|reconciliation/, 'Đối soát sao kê'],
  [/le-phi|\/fee$|payments/, 'Phí, lệ phí'],
  [/^POST \/dang-xuat$/, 'Đăng xuất'],
];

export function auditTargetText(e: Pick<AuditEntry, 'targetKind' | 'targetId' | 'data'>): string {
  if (e.targetKind === 'worklist') return `Danh sách: ${WORKLIST_TAB_LABEL[e.targetId as keyof typeof WORKLIST_TAB_LABEL] ?? e.targetId}`;
  if (e.targetKind === 'route') {
    const text = ROUTE_TEXT.find(([re]) => re.test(e.targetId))?.[1];
    const path = String(e.data.path ?? e.targetId);
    return text ? `${text} (${path})` : `Trang ${path}`;
  }
  return `${TARGET_TEXT[e.targetKind] ?? 'Đối tượng'}: ${e.targetId}`;
}

export function AuditPage(p: StaffNavProps & { entries: AuditEntry[]; verification?: { ok: boolean; checked: number; problems: string[] }; canVerify: boolean; target?: string }) {
  return (
    <StaffLayout {...p} title="Nhật ký" current="/can-bo/nhat-ky">
      <h1>Nhật ký thay đổi và truy cập dữ liệu</h1>
      <form method="get" action="/can-bo/nhat-ky" class="card" role="search">
        <label for="au-t">Mã hồ sơ hoặc đối tượng</label>
        <input id="au-t" name="doi_tuong" type="search" value={p.target ?? ''} /> <button type="submit">Lọc</button>
      </form>
      {p.canVerify ? (
        <form method="get" action="/can-bo/nhat-ky">
          <input type="hidden" name="kiem_tra" value="1" />
          <button type="submit">Kiểm tra tính toàn vẹn của nhật ký</button>
        </form>
      ) : null}
      {p.verification ? (
        <div class={p.verification.ok ? 'card' : 'error-summary'} role="status">
          <p>
            {p.verification.ok ? `Nhật ký toàn vẹn: đã kiểm tra ${p.verification.checked} bản ghi, chuỗi mã băm khớp.` : `Phát hiện ${p.verification.problems.length} vấn đề trong ${p.verification.checked} bản ghi:`}
          </p>
          {p.verification.problems.length ? (
            <ul>
              {p.verification.problems.map((x) => (
                <li>{x}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <StaffTable head={['#', 'Thời điểm', 'Người thực hiện', 'Việc', 'Đối tượng', 'Đơn vị']}>
        {p.entries.map((e) => (
          <tr>
            <td>{e.seq}</td>
            <td>{formatDateTime(e.at)}</td>
            <td>{e.actorName}</td>
            <td>{auditActionText(e)}</td>
            <td>{auditTargetText(e)}</td>
            <td>{e.unitCode ?? ''}</td>
          </tr>
        ))}
      </StaffTable>
    </StaffLayout>
  );
}
