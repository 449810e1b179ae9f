/** What the vaccination reminder API takes and answers, documented for /docs (see src/shared/openapi.ts). */
import { z } from 'zod';
import type { DueList, EnrolmentView, Settings } from './vaccination.service';

const day = z.string().describe('Ngày (YYYY-MM-DD)');

export const enrolBody = z
  .object({
    childName: z.string().describe('Họ tên của cháu'),
    birthDate: z.string().describe('Ngày sinh (YYYY-MM-DD); cháu dưới 24 tháng tuổi, không sau hôm nay'),
    phone: z.string().describe('Số điện thoại di động của cha/mẹ nhận tin nhắc'),
    unit: z.string().describe('Mã đơn vị hành chính (xã, phường) có trạm y tế nơi cháu tiêm, ví dụ 00004'),
    village: z.string().optional().describe('Thôn, tổ dân phố (trạm y tế lập danh sách theo thôn)'),
    zalo: z.boolean().optional().describe('Nhắn thêm qua Zalo khi số điện thoại đã quan tâm Zalo OA của đơn vị'),
    consent: z.boolean().optional().describe('Cha/mẹ đồng ý lưu thông tin để nhắc lịch (nội dung như trên trang /dv/{unit}/nhac-lich-tiem); false thì không đăng ký'),
    otp: z.string().optional().describe('Mã xác thực gửi tới số điện thoại (POST /api/otp, purpose verify_phone) khi người gọi chưa đăng nhập và REQUIRE_PHONE_VERIFICATION bật'),
  })
  .meta({ examples: [{ childName: 'Nguyễn Minh An', birthDate: '2026-10-31', phone: '0912345678', unit: '00004', village: 'Tổ dân phố 5', consent: true }] });

const scheduleItem = z.object({ key: z.string().describe('Mã mũi tiêm, dùng khi báo đã tiêm'), vaccine: z.string(), dose: z.string(), dueDate: day });

export const enrolJson = z.object({
  id: z.string().describe('Mã đăng ký (TC + 10 ký tự)'),
  status: z.enum(['active', 'unverified']),
  schedule: z.array(scheduleItem).describe('Các mũi tiêm trước 24 tháng tuổi, theo ngày'),
  stopUrl: z.string().describe('Liên kết có chữ ký của cha/mẹ: xem lịch, báo đã tiêm, dừng nhắc lịch'),
  consentVersion: z.string(),
});

export const viewJson = z.object({
  id: z.string(),
  unit: z.string(),
  status: z.enum(['unverified', 'active', 'stopped', 'ended']),
  childName: z.string().describe('Rỗng khi đã xóa thông tin (dừng hoặc đủ 24 tháng)'),
  birthDate: z.string(),
  endDate: day.describe('Ngày cháu đủ 24 tháng tuổi: hết nhắc lịch'),
  phoneBounced: z.boolean().describe('Cổng SMS báo không chuyển được tin tới số này: không nhắn nữa'),
  scheduleChecked: z.boolean().describe('Trạm y tế đã xác nhận lịch tiêm của đơn vị'),
  station: z.object({ name: z.string(), address: z.string(), hours: z.string() }),
  schedule: z.array(scheduleItem.extend({ givenOn: z.string().nullable(), overdue: z.boolean(), reminded: z.boolean() })),
});

export const stopJson = z.object({ id: z.string(), status: z.enum(['unverified', 'active', 'stopped', 'ended']) });

export const givenBody = z
  .object({ dose: z.string().describe('Mã mũi tiêm (key trong lịch)'), givenOn: z.string().optional().describe('Ngày tiêm (YYYY-MM-DD), mặc định hôm nay') })
  .meta({ examples: [{ dose: 'vgb-so-sinh' }] });

export const proofQuery = z.object({ t: z.string().max(40).optional().describe('Chữ ký trong liên kết của cha/mẹ (stopUrl)') });

export const dueQuery = z.object({
  week: z.string().optional().describe('Tuần ISO, ví dụ 2026-W49 (mặc định: tuần này)'),
  village: z.string().max(100).optional().describe('Chỉ một thôn, tổ dân phố'),
});

const doseJson = scheduleItem.extend({ reminded: z.boolean() });
export const dueJson = z.object({
  unit: z.string(),
  week: z.string(),
  from: day,
  to: day,
  villages: z.array(
    z.object({
      village: z.string(),
      children: z.array(z.object({ id: z.string(), childName: z.string(), birthDate: day, phone: z.string(), phoneBounced: z.boolean(), due: z.array(doseJson), overdue: z.array(doseJson) })),
    }),
  ),
});

export const scheduleQuery = z.object({ unit: z.string().max(5).optional().describe('Mã đơn vị (mặc định: đơn vị mặc định)') });
export const scheduleJson = z.object({
  unit: z.string(),
  reminderDays: z.number().int().describe('Số ngày nhắc trước mỗi mũi'),
  checked: z.object({ by: z.string(), at: z.string() }).nullable().describe('Trạm y tế đã xác nhận lịch (null: chưa, lịch là cách hiểu của phần mềm)'),
  station: z.object({ name: z.string(), address: z.string(), hours: z.string() }),
  doses: z.array(z.object({ key: z.string(), vaccine: z.string(), dose: z.string(), months: z.number().int(), days: z.number().int(), note: z.string() })),
});

export function viewToJson(v: EnrolmentView) {
  const e = v.enrolment;
  return {
    id: e.id,
    unit: e.unitCode,
    status: e.status as 'active',
    childName: e.childName,
    birthDate: e.birthDate,
    endDate: e.endDate,
    phoneBounced: e.phoneStatus === 'bounced',
    scheduleChecked: !!v.settings.checkedAt,
    station: stationJson(v.settings),
    schedule: v.doses.map((d) => ({ key: d.key, vaccine: d.vaccine, dose: d.dose, dueDate: d.dueDate, givenOn: d.givenOn, overdue: d.overdue, reminded: !!d.remindedAt })),
  };
}

export const stationJson = (s: Settings) => ({ name: s.stationName, address: s.stationAddress, hours: s.stationHours });

export function dueToJson(l: DueList) {
  const dose = (d: { key: string; vaccine: string; dose: string; dueDate: string; remindedAt: string | null }) => ({ key: d.key, vaccine: d.vaccine, dose: d.dose, dueDate: d.dueDate, reminded: !!d.remindedAt });
  return {
    unit: l.unitCode,
    week: l.week,
    from: l.from,
    to: l.to,
    villages: l.villages.map((v) => ({
      village: v.village,
      children: v.children.map((c) => ({ id: c.id, childName: c.childName, birthDate: c.birthDate, phone: c.phone, phoneBounced: c.phoneBounced, due: c.due.map(dose), overdue: c.overdue.map(dose) })),
    })),
  };
}
