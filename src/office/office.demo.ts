import type { OfficeService } from './office.service';
import type { OfficeInput } from './office.types';

const WEEKDAY_HOURS = '07:30-11:30, 13:30-17:00';
const weekdays = (text: string) => ({ '1': text, '2': text, '3': text, '4': text, '5': text });

/**
 * The demo wards' offices (issue 15), so that `npm start` shows concrete places to go. Names follow
 * what wards call them; street addresses and phone numbers are illustrative, not the real ones.
 */
export const DEMO_OFFICES: Record<string, OfficeInput[]> = {
  '00004': [
    {
      name: 'Bộ phận Một cửa – UBND phường Ba Đình',
      kind: 'one_stop',
      address: 'Tầng 1, trụ sở UBND phường Ba Đình, số 25 phố Liễu Giai, Hà Nội',
      phone: '024 3823 0000',
      hours: { ...weekdays(WEEKDAY_HOURS), '6': '07:30-11:30', '0': 'nghỉ' },
      notes: 'Sáng Thứ Bảy có bàn tiếp nhận hộ tịch, chứng thực, cư trú. Lấy số thứ tự ở cửa ra vào hoặc trên điện thoại.',
      sort: 1,
    },
    {
      name: 'Công an phường Ba Đình',
      kind: 'police',
      address: 'Số 8 phố Đội Cấn, phường Ba Đình, Hà Nội',
      phone: '024 3823 4113',
      hours: { ...weekdays(WEEKDAY_HOURS), '6': '07:30-11:30', '0': 'nghỉ' },
      notes: 'Tiếp nhận cư trú, căn cước ở phòng tiếp dân tầng 1. Việc khẩn cấp gọi 113.',
      sort: 2,
    },
    {
      name: 'Trạm Y tế phường Ba Đình',
      kind: 'health',
      address: 'Số 14 ngõ 32 phố Ngọc Hà, phường Ba Đình, Hà Nội',
      phone: '024 3845 1515',
      hours: { ...weekdays('07:00-11:30, 13:30-16:30'), '6': '07:30-11:00', '0': 'nghỉ' },
      notes: 'Tiêm chủng mở rộng ngày 15 hằng tháng.',
      sort: 3,
    },
  ],
  '00082': [
    {
      name: 'Bộ phận Một cửa – UBND phường Cửa Nam',
      kind: 'one_stop',
      address: 'Trụ sở UBND phường Cửa Nam, số 4 phố Hai Bà Trưng, Hà Nội',
      phone: '024 3825 0000',
      hours: { ...weekdays('08:00-12:00, 13:30-17:00'), '6': 'nghỉ', '0': 'nghỉ' },
      sort: 1,
    },
    {
      name: 'Công an phường Cửa Nam',
      kind: 'police',
      address: 'Số 21 phố Hàng Bông, phường Cửa Nam, Hà Nội',
      phone: '024 3825 4113',
      hours: { ...weekdays(WEEKDAY_HOURS), '6': '07:30-11:30', '0': 'nghỉ' },
      sort: 2,
    },
  ],
};

/** Demo mode: the offices above, for the demo units that exist and have none yet. */
export async function seedOfficeDemo(offices: OfficeService, unitExists: (code: string) => Promise<boolean>): Promise<void> {
  for (const [unit, list] of Object.entries(DEMO_OFFICES)) {
    if ((await unitExists(unit)) && !(await offices.list(unit)).length) await offices.seed(unit, list);
  }
}
