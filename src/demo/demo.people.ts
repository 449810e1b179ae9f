import type { Random } from './demo.sim';

/**
 * Made-up applicants of the demo history: common Vietnamese names, phone numbers of the 0900
 * range, streets of the two demo wards. No real person.
 */
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Phan'];
const MIDDLE_M = ['Văn', 'Minh', 'Đức', 'Quang', 'Hữu', 'Thành', 'Công'];
const MIDDLE_F = ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Minh', 'Phương', 'Hải'];
const GIVEN_M = ['An', 'Bình', 'Dũng', 'Hiếu', 'Hùng', 'Khánh', 'Long', 'Nam', 'Phong', 'Quân', 'Sơn', 'Tuấn', 'Việt', 'Thắng', 'Trung'];
const GIVEN_F = ['Anh', 'Châu', 'Giang', 'Hà', 'Hạnh', 'Hương', 'Lan', 'Linh', 'Mai', 'Nga', 'Phương', 'Tâm', 'Thảo', 'Trang', 'Yến'];
const STREETS = ['phố Đội Cấn', 'phố Kim Mã', 'phố Liễu Giai', 'phố Quán Thánh', 'phố Phan Đình Phùng', 'phố Hàng Bông', 'phố Lý Thường Kiệt', 'phố Trần Hưng Đạo', 'phố Hai Bà Trưng'];

const WARDS = ['phường Ba Đình', 'phường Cửa Nam'];

export function fakeApplicant(r: Random) {
  const female = r.chance(0.5);
  const fullName = `${r.pick(FAMILY)} ${r.pick(female ? MIDDLE_F : MIDDLE_M)} ${r.pick(female ? GIVEN_F : GIVEN_M)}`;
  return {
    fullName,
    phone: `0900${String(r.int(0, 999_999)).padStart(6, '0')}`,
    idNumber: `0010${r.int(70, 99)}${String(r.int(0, 999_999)).padStart(6, '0')}`,
    address: `Số ${r.int(1, 120)} ${r.pick(STREETS)}, ${r.pick(WARDS)}, Hà Nội`,
  };
}

/** Fills an e-form's required fields with plausible values, read from its published JSON Schema. */
export function fillEForm(schema: any): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of schema.required ?? []) {
    const p = schema.properties?.[k] ?? {};
    if (p.enum) out[k] = p.enum[0];
    else if (p.type === 'boolean') out[k] = true;
    else if (p.type === 'integer' || p.type === 'number') out[k] = Math.max(1, p.minimum ?? 1);
    else if (p.format === 'date') out[k] = '2020-11-20';
    else if (p.format === 'email') out[k] = 'congdan@example.vn';
    else if (String(p.pattern ?? '').includes('84')) out[k] = '0900000000';
    else if (String(p.pattern ?? '').includes('12')) out[k] = '001090012345';
    else out[k] = 'Nguyễn Minh Khang';
  }
  return out;
}
