import type { ProcessingTime } from '../catalog/catalog.types';
import type { StaffRole } from '../account';
import type { UnitInput } from '../unit';

/**
 * The demo: Hà Nội with two of its wards after the 2025 reform (official codes from Decision
 * 19/2025/QĐ-TTg's list). Addresses and phone numbers are illustrative.
 */
export const DEMO_UNITS: UnitInput[] = [
  { code: '01', name: 'Thành phố Hà Nội', kind: 'province', parentCode: null, sort: 1 },
  {
    code: '00004',
    name: 'Phường Ba Đình',
    kind: 'ward',
    parentCode: '01',
    address: 'Trung tâm Phục vụ hành chính công phường Ba Đình, Thành phố Hà Nội',
    phone: '024 3823 0000',
    email: 'motcua.badinh@example.vn',
    openingHours: ['Thứ Hai – Thứ Sáu: 7h30 – 11h30 và 13h30 – 17h00', 'Sáng thứ Bảy: 7h30 – 11h30 (chỉ tiếp nhận hồ sơ hộ tịch, chứng thực)'],
    sort: 1,
  },
  {
    code: '00082',
    name: 'Phường Cửa Nam',
    kind: 'ward',
    parentCode: '01',
    address: 'Trung tâm Phục vụ hành chính công phường Cửa Nam, Thành phố Hà Nội',
    phone: '024 3825 0000',
    email: 'motcua.cuanam@example.vn',
    openingHours: ['Thứ Hai – Thứ Sáu: 8h00 – 12h00 và 13h30 – 17h00'],
    sort: 2,
  },
];

/** The first ward offers the whole demo catalogue; the second only these fields. */
export const SECOND_UNIT_FIELDS = ['Hộ tịch', 'Chứng thực'];

/** Shorter local promises (cam kết) of the first ward, by procedure code. */
export const DEMO_COMMITMENTS: Record<string, ProcessingTime> = {
  '1.004873': { value: 2, unit: 'working_days' },
  '1.004884': { value: 3, unit: 'working_days' },
  '1.004222': { value: 5, unit: 'working_days' },
  '1.004194': { value: 2, unit: 'working_days' },
  '1.010038': { value: 3, unit: 'working_days' },
};

/** Printed for the village halls (nhà văn hóa tổ dân phố): what most families need. */
export const DEMO_ESSENTIAL = [
  // The commune-level part of the 25 essential public services of Đề án 06 (Quyết định
  // 06/QĐ-TTg, 2022) that the demo catalogue holds: civil status and its inter-linked services,
  // certification, residence, identity cards and electronic identity, household business.
  '1.001193',
  '1.000894',
  '1.000656',
  '1.004873',
  '2.000635',
  '1.004884',
  '1.001022',
  '1.004859',
  '2.000986',
  '2.001023',
  '2.000815',
  '2.000884',
  '2.001035',
  '1.004222',
  '1.004194',
  '1.002755',
  '1.003677',
  '1.010041',
  '1.003197',
  '1.010038',
  '1.014061',
  '1.014063',
  '1.014064',
  '3.000228',
  '1.001612',
];

/** Demo staff, all with password DEMO_PASSWORD; they exist only in demo mode (README lists them). */
export const DEMO_PASSWORD = 'demo';
export const DEMO_STAFF: Array<{ username: string; fullName: string; unitCode: string; role: StaffRole; fields: string[]; phone?: string; email?: string }> = [
  { username: 'tiepnhan', fullName: 'Nguyễn Thị Hòa', unitCode: '00004', role: 'receptionist', fields: [], phone: '0901000001' },
  { username: 'chuyenvien', fullName: 'Trần Văn Minh', unitCode: '00004', role: 'specialist', fields: ['Hộ tịch', 'Chứng thực'], phone: '0901000002', email: 'chuyenvien@badinh.example.vn' },
  { username: 'chuyenvien2', fullName: 'Vũ Thị Ngọc', unitCode: '00004', role: 'specialist', fields: ['Đất đai', 'Xây dựng'], phone: '0901000005' },
  { username: 'lanhdao', fullName: 'Lê Quang Huy', unitCode: '00004', role: 'leader', fields: [], phone: '0901000003', email: 'lanhdao@badinh.example.vn' },
  { username: 'quantri', fullName: 'Phạm Thu Trang', unitCode: '00004', role: 'admin', fields: [], phone: '0901000004' },
  { username: 'tiepnhan2', fullName: 'Đỗ Thị Lan', unitCode: '00082', role: 'receptionist', fields: [], phone: '0901000082' },
  { username: 'chuyenvien4', fullName: 'Ngô Thị Mai', unitCode: '00082', role: 'specialist', fields: ['Hộ tịch', 'Chứng thực'], phone: '0901000083' },
  { username: 'lanhdao2', fullName: 'Bùi Văn Thắng', unitCode: '00082', role: 'leader', fields: [], phone: '0901000084' },
  // The wards' health stations: vaccination reminders only (issue 14).
  { username: 'tramyte', fullName: 'Đinh Thị Thu', unitCode: '00004', role: 'health_station', fields: [] },
  { username: 'tramyte2', fullName: 'Lương Văn Khánh', unitCode: '00082', role: 'health_station', fields: [] },
  // The city's supervisor: reads both wards' dossiers, changes nothing.
  { username: 'giamsat', fullName: 'Hoàng Minh Đức', unitCode: '01', role: 'supervisor', fields: [] },
  // The city's report officer: manages the report forms and reads their summaries (issue 12).
  { username: 'tonghop', fullName: 'Nguyễn Thanh Tùng', unitCode: '01', role: 'supervisor', fields: [] },
];
