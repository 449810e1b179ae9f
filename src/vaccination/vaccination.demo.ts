import { addMonthsClamped, vnToday } from './vaccination.schedule';
import type { VaccinationService } from './vaccination.service';

/**
 * Demo mode: the demo wards' health stations (made-up addresses, marked as such) and a few
 * made-up children enrolled, so that `tramyte` finds children due this week.
 */
export async function seedVaccinationDemo(vaccination: VaccinationService, now = new Date()): Promise<void> {
  const today = vnToday(now);
  await vaccination.seedSettings('00004', { stationName: 'Trạm Y tế phường Ba Đình', stationAddress: 'số 1 phố Mẫu (địa chỉ mẫu)', stationHours: 'tiêm chủng ngày 15 hằng tháng, 7h30–11h00' });
  await vaccination.seedSettings('00082', { stationName: 'Trạm Y tế phường Cửa Nam', stationAddress: 'số 2 phố Mẫu (địa chỉ mẫu)', stationHours: 'tiêm chủng ngày 20 hằng tháng, 7h30–11h00' });
  const children = [
    { unit: '00004', childName: 'Nguyễn Minh Khôi', months: 2, phone: '0987000001', village: 'Tổ dân phố 3' },
    { unit: '00004', childName: 'Trần Bảo Ngọc', months: 9, phone: '0987000002', village: 'Tổ dân phố 5' },
    { unit: '00004', childName: 'Lê Gia Hân', months: 18, phone: '0987000003', village: 'Tổ dân phố 3' },
    { unit: '00082', childName: 'Phạm Anh Tuấn', months: 4, phone: '0987000004', village: 'Tổ dân phố 1' },
  ];
  for (const c of children) {
    // Born so that the dose of that age falls two days from now.
    const birthDate = shift(addMonthsClamped(today, -c.months), 2);
    // No welcome SMS: nobody enrolled them (the reminders go to the demo inbox later).
    await vaccination.enrol({ unit: c.unit, childName: c.childName, birthDate, phone: c.phone, village: c.village, consent: true }, { source: 'web', verified: true, welcome: false });
  }
}

const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
