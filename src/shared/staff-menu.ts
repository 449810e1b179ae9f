/**
 * What an official may do, and the workspace menu that follows from it — in one place. Every staff
 * page renders its menu with `staffMenu` (through `StaffLayout`), so a page is reachable by
 * clicking as soon as it has a line here; the read-only rule of supervisors is `canChange`.
 */

/** The parts of a staff account the menu and the permissions read. */
export interface StaffMember {
  role: string;
  fullName: string;
  fields?: string[];
}

export type Permission =
  /** make any change at all (the supervisor reads only) */
  | 'change'
  /** counter work: reception at the counter, the citizen's service card */
  | 'counter'
  /** bank statement reconciliation */
  | 'reconcile'
  /** read the audit log */
  | 'audit'
  /** unit administration: officials, catalogue, processes, message templates, FAQ and synonyms */
  | 'admin'
  /** define, review and finalise the monthly scoring of the units below (the supervisor's one write) */
  | 'score'
  /** manage report data sets, import for the units below, reopen their reports (issue 12) */
  | 'report';

const ROLE_PERMISSIONS: Record<string, Permission[]> = {
  receptionist: ['change', 'counter', 'reconcile'],
  specialist: ['change'],
  leader: ['change', 'counter', 'reconcile', 'audit'],
  admin: ['change', 'reconcile', 'audit', 'admin'],
  supervisor: ['audit', 'score', 'report'],
  // The commune health station: vaccination reminders only (its pages and API; see staff.guard's scope).
  health_station: ['change'],
};

export function can(staff: { role: string }, permission: Permission): boolean {
  return (ROLE_PERMISSIONS[staff.role] ?? []).includes(permission);
}

/** Roles holding a permission (for guards written as role lists). */
export function rolesWith(permission: Permission): string[] {
  return Object.keys(ROLE_PERMISSIONS).filter((r) => ROLE_PERMISSIONS[r]!.includes(permission));
}

export const STAFF_ROLE_TEXT: Record<string, string> = {
  receptionist: 'Công chức một cửa',
  specialist: 'Chuyên viên',
  leader: 'Lãnh đạo',
  admin: 'Quản trị đơn vị',
  supervisor: 'Giám sát cấp trên',
  health_station: 'Trạm y tế',
};

export interface MenuItem {
  href: string;
  label: string;
}
export interface MenuGroup {
  label: string;
  items: MenuItem[];
}

/**
 * The workspace menu of an official: groups of links, only those the official may open.
 * To add a page: one line in the right group, with the permission that opens it.
 */
export function staffMenu(staff: StaffMember): MenuGroup[] {
  const item = (href: string, label: string, allowed = true): MenuItem[] => (allowed ? [{ href, label }] : []);
  // The health station works on vaccination only: its menu is that.
  if (staff.role === 'health_station') {
    return [{ label: 'Tiêm chủng', items: [...item('/can-bo/tiem-chung', 'Trẻ đến lịch tiêm'), ...item('/can-bo/tiem-chung/lich', 'Lịch tiêm và cài đặt')] }];
  }
  const groups: MenuGroup[] = [
    {
      label: 'Hồ sơ',
      items: [
        ...item('/can-bo', 'Danh sách hồ sơ'),
        ...item('/can-bo/hang-cho', 'Gọi số tại quầy', can(staff, 'counter')),
        ...item('/can-bo/hang-cho/cai-dat', 'Cài đặt hàng chờ', staff.role === 'leader'),
        ...item('/can-bo/tiep-nhan-tai-quay', 'Tiếp nhận tại quầy', can(staff, 'counter')),
        ...item('/can-bo/phieu-dich-vu-cong', 'Phiếu dịch vụ công', can(staff, 'counter')),
        ...item('/can-bo/danh-gia/tai-quay', 'Đánh giá tại quầy', can(staff, 'counter')),
        ...item('/can-bo/so-theo-doi', 'Sổ theo dõi hồ sơ'),
        ...item('/can-bo/ho-tro-tai-nha', 'Hỗ trợ tại nhà', staff.role !== 'supervisor'),
        ...item('/can-bo/lich-hen', 'Lịch hẹn'),
        ...item('/can-bo/lien-thong', 'Hồ sơ liên thông', staff.role !== 'supervisor'),
        ...item('/can-bo/luu-tru', 'Số hóa sổ lưu trữ', staff.role !== 'supervisor'),
      ],
    },
    {
      label: 'Kết quả công việc',
      items: [
        ...item('/can-bo/hieu-qua', 'Hiệu quả công việc', staff.role !== 'admin'),
        ...item('/can-bo/chi-tieu', 'Chỉ tiêu', staff.role !== 'admin' && staff.role !== 'supervisor'),
        ...item('/can-bo/giao-ban-tuan', 'Giao ban tuần', staff.role === 'leader' || staff.role === 'supervisor'),
        ...item('/can-bo/lich-lam-viec', 'Lịch làm việc', staff.role === 'leader'),
        ...item('/can-bo/cham-diem', 'Chấm điểm đơn vị', ['supervisor', 'leader', 'admin'].includes(staff.role)),
      ],
    },
    {
      label: 'Chỉ số',
      items: [
        ...item('/can-bo/chi-so', 'Chỉ số của đơn vị', staff.role !== 'supervisor'),
        ...item('/can-bo/chi-so/xep-hang', 'Xếp hạng đơn vị', staff.role === 'supervisor'),
        ...item('/can-bo/hang-cho/thong-ke', 'Thống kê hàng chờ', staff.role !== 'supervisor'),
      ],
    },
    {
      label: 'Báo cáo',
      items: [
        ...item('/can-bo/bao-cao', 'Báo cáo định kỳ'),
        ...item('/can-bo/bao-cao/tong-hop', 'Tổng hợp báo cáo'),
        ...item('/can-bo/bao-cao/excel', 'Nhập báo cáo bằng Excel'),
        ...item('/can-bo/bao-cao/bieu-mau', 'Biểu mẫu báo cáo', staff.role === 'supervisor' || staff.role === 'admin'),
      ],
    },
    {
      label: 'Người dân',
      items: [
        ...item('/can-bo/tro-ly', 'Câu hỏi chuyển cán bộ'),
        ...item('/can-bo/thong-bao', 'Tin nhắn gửi người dân'),
        ...item('/can-bo/danh-gia', 'Phản ánh không hài lòng', ['leader', 'admin', 'supervisor'].includes(staff.role)),
        ...item('/can-bo/tro-ly/cau-hoi-thuong-gap', 'Câu hỏi thường gặp'),
        ...item('/can-bo/tro-ly/thong-ke', 'Thống kê trợ lý ảo'),
        ...item('/can-bo/tro-ly/tu-dong-nghia', 'Từ đồng nghĩa'),
        ...item('/can-bo/tro-ly/nop-qua-tro-chuyen', 'Nộp hồ sơ qua trò chuyện'),
      ],
    },
    {
      label: 'Thu phí',
      items: [...item('/can-bo/doi-soat', 'Đối soát sao kê', can(staff, 'reconcile'))],
    },
    {
      label: 'Quản trị đơn vị',
      items: can(staff, 'admin')
        ? [
            ...item('/can-bo/quan-tri', 'Tổng quan quản trị'),
            ...item('/can-bo/quan-tri/can-bo', 'Cán bộ'),
            ...item('/can-bo/quan-tri/danh-muc', 'Danh mục thủ tục'),
            ...item('/can-bo/quan-tri/do-day-du', 'Độ đầy đủ dữ liệu'),
            ...item('/can-bo/quan-tri/thiet-yeu', 'Thủ tục thiết yếu (nhà văn hóa)'),
            ...item('/can-bo/quan-tri/quy-trinh', 'Quy trình nội bộ'),
            ...item('/can-bo/hang-cho/cai-dat', 'Cài đặt hàng chờ'),
            ...item('/can-bo/lich-lam-viec', 'Lịch làm việc'),
            ...item('/can-bo/quan-tri/noi-tiep-nhan', 'Nơi tiếp nhận hồ sơ'),
            ...item('/can-bo/quan-tri/lien-thong', 'Nhóm thủ tục liên thông'),
            ...item('/can-bo/thong-bao/mau', 'Mẫu tin nhắn'),
            ...item('/can-bo/tiem-chung/lich', 'Lịch tiêm chủng (TCMR)'),
          ]
        : [],
    },
    {
      label: 'Kiểm soát',
      items: [...item('/can-bo/nhat-ky', 'Nhật ký', can(staff, 'audit'))],
    },
  ];
  return groups.filter((g) => g.items.length > 0);
}

/** The menu entry a path belongs to (the longest matching href), for aria-current. */
export function currentMenuHref(menu: MenuGroup[], path: string): string | undefined {
  const clean = path.split('?')[0]!;
  let best: string | undefined;
  for (const g of menu)
    for (const i of g.items)
      if ((clean === i.href || clean.startsWith(i.href === '/can-bo' ? '/can-bo/ho-so/' : `${i.href}/`)) && (!best || i.href.length > best.length)) best = i.href;
  return best;
}
