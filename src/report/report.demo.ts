import { addDays, recentPeriods, vnDay } from './report.period';
import type { ReportService } from './report.service';
import type { DataSetInput, ReportActor } from './report.types';

/**
 * The demo's reports (issue 12), in our own words: the sources' three — quarantine areas, returning
 * workers by home province, election day — and the monthly administrative-procedures report that
 * motcua fills from its own indicators. All managed by the city (01), entered by its two wards.
 */
const WARDS = ['00004', '00082'];

export const DEMO_DATA_SETS: DataSetInput[] = [
  {
    code: 'CACH_LY',
    name: 'Tình hình khu cách ly tập trung',
    description: 'Mỗi ngày, mỗi khu cách ly do phường quản lý báo số phòng, số phòng đang dùng, phòng trống và số người đang cách ly. Số người tính từ danh sách người cách ly của phường.',
    periodType: 'daily',
    ownerUnit: '01',
    units: WARDS,
    usesPlaces: true,
    deadline: { daysAfter: 0, time: '17:00' },
    sections: ['Cơ sở vật chất', 'Người cách ly'],
    dataElements: [
      { code: 'ROOMS', name: 'Tổng số phòng', valueType: 'INTEGER_ZERO_OR_POSITIVE', section: 'Cơ sở vật chất' },
      { code: 'CAPACITY', name: 'Số người tối đa mỗi phòng', valueType: 'INTEGER_ZERO_OR_POSITIVE', section: 'Cơ sở vật chất' },
      { code: 'USED', name: 'Số phòng đang sử dụng', valueType: 'INTEGER_ZERO_OR_POSITIVE', section: 'Cơ sở vật chất' },
      { code: 'FREE', name: 'Số phòng còn trống', valueType: 'INTEGER_ZERO_OR_POSITIVE', section: 'Cơ sở vật chất' },
      { code: 'OCCUPANTS', name: 'Số người đang cách ly', valueType: 'INTEGER_ZERO_OR_POSITIVE', section: 'Người cách ly', categoryCombo: 'SEX' },
      { code: 'LONG_STAY', name: 'Số người đã cách ly từ 14 ngày trở lên', valueType: 'INTEGER_ZERO_OR_POSITIVE', section: 'Người cách ly' },
      { code: 'NOTE', name: 'Khó khăn, kiến nghị', valueType: 'TEXT', section: 'Người cách ly' },
    ],
    rules: [
      { code: 'SUC_CHUA', left: 'OCCUPANTS', operator: '<=', right: 'ROOMS * CAPACITY', message: 'Số người đang cách ly vượt sức chứa của khu (số phòng × số người mỗi phòng)' },
      { code: 'PHONG_TRONG', left: 'FREE', operator: '==', right: 'ROOMS - USED', message: 'Số phòng còn trống phải bằng tổng số phòng trừ số phòng đang sử dụng' },
      { code: 'DUNG_PHONG', left: 'USED', operator: '<=', right: 'ROOMS', message: 'Số phòng đang sử dụng không thể nhiều hơn tổng số phòng' },
    ],
    register: { kind: 'quarantine', countElement: 'OCCUPANTS', longStayElement: 'LONG_STAY', longStayDays: 14 },
  },
  {
    code: 'LAO_DONG_VE',
    name: 'Lao động từ tỉnh, thành phố khác trở về địa phương',
    description: 'Số hộ và số lao động trở về địa phương, theo tỉnh, thành phố quê quán (34 tỉnh, thành phố từ 01/7/2025). Số lao động tính từ danh sách của phường.',
    periodType: 'daily',
    ownerUnit: '01',
    units: WARDS,
    deadline: { daysAfter: 1, time: '10:00' },
    dataElements: [
      { code: 'HOUSEHOLDS', name: 'Số hộ có lao động trở về', valueType: 'INTEGER_ZERO_OR_POSITIVE' },
      { code: 'WORKERS', name: 'Số lao động trở về', valueType: 'INTEGER_ZERO_OR_POSITIVE', categoryCombo: 'PROVINCE' },
      { code: 'NEED_JOB', name: 'Số lao động cần hỗ trợ tìm việc làm', valueType: 'INTEGER_ZERO_OR_POSITIVE' },
    ],
    rules: [{ code: 'CAN_VIEC', left: 'NEED_JOB', operator: '<=', right: 'WORKERS', message: 'Số lao động cần hỗ trợ việc làm không thể nhiều hơn số lao động trở về' }],
    register: { kind: 'workers', countElement: 'WORKERS' },
  },
  {
    code: 'BAU_CU',
    name: 'Báo cáo nhanh ngày bầu cử',
    description: 'Báo cáo trước, trong và sau ngày bầu cử đại biểu Quốc hội và Hội đồng nhân dân các cấp (15/3/2026). Lãnh đạo phường phê duyệt trước khi gửi.',
    periodType: 'event',
    eventDate: '2026-03-15',
    eventPhases: [
      { code: 'TRUOC', name: 'Trước ngày bầu cử', offsetDays: -1, deadlineTime: '17:00' },
      { code: 'TRONG', name: 'Trong ngày bầu cử', offsetDays: 0, deadlineTime: '20:00' },
      { code: 'SAU', name: 'Sau ngày bầu cử', offsetDays: 1, deadlineTime: '11:00' },
    ],
    ownerUnit: '01',
    units: WARDS,
    approvalRequired: true,
    sections: ['Chuẩn bị', 'Kết quả'],
    dataElements: [
      { code: 'STATIONS', name: 'Số khu vực bỏ phiếu', valueType: 'INTEGER_ZERO_OR_POSITIVE', section: 'Chuẩn bị' },
      { code: 'VOTERS', name: 'Tổng số cử tri', valueType: 'INTEGER_ZERO_OR_POSITIVE', section: 'Chuẩn bị' },
      { code: 'READY', name: 'Các khu vực bỏ phiếu đã sẵn sàng', valueType: 'BOOLEAN', section: 'Chuẩn bị' },
      { code: 'VOTED', name: 'Số cử tri đã đi bầu', valueType: 'INTEGER_ZERO_OR_POSITIVE', section: 'Kết quả' },
      { code: 'TURNOUT', name: 'Tỷ lệ cử tri đi bầu', valueType: 'PERCENTAGE', section: 'Kết quả' },
      { code: 'INCIDENTS', name: 'Tình hình an ninh, trật tự, sự cố', valueType: 'TEXT', section: 'Kết quả' },
    ],
    rules: [{ code: 'DI_BAU', left: 'VOTED', operator: '<=', right: 'VOTERS', message: 'Số cử tri đã đi bầu không thể nhiều hơn tổng số cử tri' }],
  },
  {
    code: 'KQ_TTHC',
    name: 'Kết quả giải quyết thủ tục hành chính hằng tháng',
    description: 'Số liệu lấy sẵn từ hồ sơ trên motcua (các chỉ số theo Quyết định 766/QĐ-TTg); phường kiểm tra, sửa nếu cần rồi đánh dấu hoàn thành.',
    periodType: 'monthly',
    ownerUnit: '01',
    units: WARDS,
    prefill: 'indicators',
    deadline: { daysAfter: 5, time: '17:00' },
    sections: ['Tiếp nhận', 'Giải quyết'],
    dataElements: [
      { code: 'RECEIVED', name: 'Số hồ sơ tiếp nhận trong kỳ', valueType: 'INTEGER_ZERO_OR_POSITIVE', section: 'Tiếp nhận' },
      { code: 'RECEIVED_ONLINE', name: 'Trong đó: nộp trực tuyến', valueType: 'INTEGER_ZERO_OR_POSITIVE', section: 'Tiếp nhận' },
      { code: 'FEE_DOSSIERS', name: 'Số hồ sơ phải nộp phí, lệ phí', valueType: 'INTEGER_ZERO_OR_POSITIVE', section: 'Tiếp nhận' },
      { code: 'PAID_ONLINE', name: 'Trong đó: thanh toán trực tuyến', valueType: 'INTEGER_ZERO_OR_POSITIVE', section: 'Tiếp nhận' },
      { code: 'DUE', name: 'Số hồ sơ phải giải quyết trong kỳ', valueType: 'INTEGER_ZERO_OR_POSITIVE', section: 'Giải quyết' },
      { code: 'ON_TIME', name: 'Trong đó: đúng hạn hoặc còn hạn', valueType: 'INTEGER_ZERO_OR_POSITIVE', section: 'Giải quyết' },
      { code: 'ON_TIME_RATE', name: 'Tỷ lệ đúng hạn (%)', valueType: 'PERCENTAGE', section: 'Giải quyết' },
    ],
    rules: [
      { code: 'TRUC_TUYEN', left: 'RECEIVED_ONLINE', operator: '<=', right: 'RECEIVED', message: 'Số hồ sơ nộp trực tuyến không thể nhiều hơn số hồ sơ tiếp nhận' },
      { code: 'THANH_TOAN', left: 'PAID_ONLINE', operator: '<=', right: 'FEE_DOSSIERS', message: 'Số hồ sơ thanh toán trực tuyến không thể nhiều hơn số hồ sơ phải nộp phí' },
      { code: 'DUNG_HAN', left: 'ON_TIME', operator: '<=', right: 'DUE', message: 'Số hồ sơ đúng hạn không thể nhiều hơn số hồ sơ phải giải quyết' },
    ],
  },
];

/** Which indicator fills which element of KQ_TTHC: [element, indicator key, numerator | denominator | rate]. */
export const INDICATOR_PREFILL: Array<[string, string, 'numerator' | 'denominator' | 'rate']> = [
  ['RECEIVED', 'online_rate', 'denominator'],
  ['RECEIVED_ONLINE', 'online_rate', 'numerator'],
  ['FEE_DOSSIERS', 'online_payment_rate', 'denominator'],
  ['PAID_ONLINE', 'online_payment_rate', 'numerator'],
  ['DUE', 'on_time_rate', 'denominator'],
  ['ON_TIME', 'on_time_rate', 'numerator'],
  ['ON_TIME_RATE', 'on_time_rate', 'rate'],
];

/** Places (quarantine areas) of the demo wards. */
export const DEMO_PLACES: Array<{ unitCode: string; code: string; name: string; address: string; rooms: number; capacity: number }> = [
  { unitCode: '00004', code: 'BD_KCL1', name: 'Khu cách ly số 1 – Nhà khách tổ dân phố 7', address: 'Ngõ 12 phố Đội Cấn', rooms: 24, capacity: 2 },
  { unitCode: '00004', code: 'BD_KCL2', name: 'Khu cách ly số 2 – Trường tiểu học (cơ sở cũ)', address: 'Phố Liễu Giai', rooms: 40, capacity: 3 },
  { unitCode: '00004', code: 'BD_KCL3', name: 'Khu cách ly số 3 – Ký túc xá trường nghề', address: 'Phố Văn Cao', rooms: 60, capacity: 4 },
  { unitCode: '00082', code: 'CN_KCL1', name: 'Khu cách ly số 1 – Nhà văn hóa phường', address: 'Phố Hàng Bông', rooms: 18, capacity: 2 },
  { unitCode: '00082', code: 'CN_KCL2', name: 'Khu cách ly số 2 – Khách sạn trưng dụng', address: 'Phố Trần Hưng Đạo', rooms: 30, capacity: 2 },
];

/** People in the demo registers (names made up). */
export const DEMO_PEOPLE = ['Nguyễn Văn An', 'Trần Thị Bích', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Vũ Thị Giang', 'Đặng Văn Hải', 'Bùi Thị Hạnh', 'Đỗ Văn Khoa', 'Ngô Thị Lan', 'Dương Văn Long', 'Lý Thị Mai', 'Phan Văn Nam', 'Trịnh Thị Oanh', 'Mai Văn Phúc', 'Cao Thị Quyên', 'Tạ Văn Sơn', 'Hà Thị Thu', 'Lương Văn Tuấn', 'Kiều Thị Vân'];


const QUANTRI: ReportActor = { id: 'demo-quantri', name: 'Phạm Thu Trang', unitCode: '00004', role: 'admin' };
const LANHDAO: ReportActor = { id: 'demo-lanhdao', name: 'Lê Quang Huy', unitCode: '00004', role: 'leader' };
const TIEPNHAN2: ReportActor = { id: 'demo-tiepnhan2', name: 'Đỗ Thị Lan', unitCode: '00082', role: 'receptionist' };
const LANHDAO2: ReportActor = { id: 'demo-lanhdao2', name: 'Bùi Văn Thắng', unitCode: '00082', role: 'leader' };

/** A small deterministic sequence, so the demo is the same every time. */
function sequence(seed: number) {
  let x = seed;
  return (n: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
}

/**
 * The demo reports with a week of data from both wards: registers of people in quarantine and of
 * returning workers (the counts computed from them), the areas' rooms, election day's three
 * phases, and last month's administrative-procedures report pre-filled from the dossiers. Today's
 * reports are left for the wards to finish (Cửa Nam has not reported: the reminder's case).
 */
export async function seedReportDemo(reports: ReportService, now: Date, indicators = true): Promise<void> {
  for (const d of DEMO_DATA_SETS) await reports.saveDataSet(undefined, d);
  const today = vnDay(now);
  const places = new Map<string, string>();
  for (const p of DEMO_PLACES) places.set(p.code, (await reports.savePlace(undefined, { dataSet: 'CACH_LY', unitCode: p.unitCode, code: p.code, name: p.name, address: p.address })).id);

  for (const [actor, leader, seed] of [
    [QUANTRI, LANHDAO, 4],
    [TIEPNHAN2, LANHDAO2, 82],
  ] as const) {
    const rnd = sequence(seed);
    const unitPlaces = DEMO_PLACES.filter((p) => p.unitCode === actor.unitCode);
    // People in quarantine: arrived over the last three weeks, some already home.
    for (let i = 0; i < 14; i++) {
      const arrived = addDays(today, -(1 + rnd(20)));
      const place = unitPlaces[rnd(unitPlaces.length)]!;
      const e = await reports.addToRegister(actor, 'CACH_LY', actor.unitCode, { fullName: DEMO_PEOPLE[(i + seed) % DEMO_PEOPLE.length], sex: i % 2 ? 'NU' : 'NAM', birthYear: 1960 + rnd(45), arrivedOn: arrived, placeId: places.get(place.code), note: '' });
      if (rnd(4) === 0) await reports.leaveRegister(actor, 'CACH_LY', actor.unitCode, e.id, addDays(arrived, 14 + rnd(3)) < today ? addDays(arrived, 14 + rnd(3)) : today);
    }
    // Returning workers, by home province.
    const homes = ['38', '40', '42', '37', '25', '19', '33', '15', '14', '52'];
    for (let i = 0; i < 30; i++) {
      await reports.addToRegister(actor, 'LAO_DONG_VE', actor.unitCode, { fullName: DEMO_PEOPLE[(i * 7 + seed) % DEMO_PEOPLE.length], sex: rnd(2) ? 'NU' : 'NAM', birthYear: 1975 + rnd(30), homeProvince: `P${homes[rnd(homes.length)]}`, arrivedOn: addDays(today, -(rnd(10))), note: '' });
    }

    // A week of daily reports; today only Ba Đình has started.
    for (const period of recentPeriods('daily', now, 7)) {
      const isToday = period === recentPeriods('daily', now, 1)[0];
      if (isToday && actor.unitCode === '00082') continue;
      const key = { period, unitCode: actor.unitCode };
      await reports.computeFromRegister(actor, { dataSet: 'CACH_LY', ...key });
      const occupants = await reports.values({ dataSet: 'CACH_LY', period, unitCode: actor.unitCode });
      const inputs = unitPlaces.flatMap((p) => {
        const id = places.get(p.code)!;
        const people = occupants.filter((v) => v.placeId === id && v.dataElement === 'OCCUPANTS').reduce((s, v) => s + Number(v.value), 0);
        const used = Math.min(p.rooms, Math.ceil(people / p.capacity));
        return [
          { placeId: id, dataElement: 'ROOMS', value: String(p.rooms) },
          { placeId: id, dataElement: 'CAPACITY', value: String(p.capacity) },
          { placeId: id, dataElement: 'USED', value: String(used) },
          { placeId: id, dataElement: 'FREE', value: String(p.rooms - used) },
        ];
      });
      await reports.saveValues(actor, { dataSet: 'CACH_LY', ...key }, inputs);
      await reports.computeFromRegister(actor, { dataSet: 'LAO_DONG_VE', ...key });
      const workers = (await reports.values({ dataSet: 'LAO_DONG_VE', period, unitCode: actor.unitCode })).filter((v) => v.dataElement === 'WORKERS').reduce((s, v) => s + Number(v.value), 0);
      await reports.saveValues(actor, { dataSet: 'LAO_DONG_VE', ...key }, [
        { dataElement: 'HOUSEHOLDS', value: String(Math.ceil(workers / 2.5)) },
        { dataElement: 'NEED_JOB', value: String(Math.floor(workers / 3)) },
      ]);
      if (!isToday) {
        await reports.complete(actor, { dataSet: 'CACH_LY', ...key });
        await reports.complete(actor, { dataSet: 'LAO_DONG_VE', ...key });
      }
    }

    // Election day: before, during and after; Ba Đình's leader approved all three.
    const stations = actor.unitCode === '00004' ? 12 : 9;
    const voters = actor.unitCode === '00004' ? 41_250 : 28_730;
    const voted = Math.round(voters * (0.985 + rnd(10) / 1000));
    const phases: Array<[string, Array<{ dataElement: string; value: string }>]> = [
      ['20260314', [{ dataElement: 'STATIONS', value: String(stations) }, { dataElement: 'VOTERS', value: String(voters) }, { dataElement: 'READY', value: 'true' }]],
      ['20260315', [{ dataElement: 'STATIONS', value: String(stations) }, { dataElement: 'VOTERS', value: String(voters) }, { dataElement: 'VOTED', value: String(voted) }, { dataElement: 'TURNOUT', value: String(Math.round((voted / voters) * 10000) / 100) }, { dataElement: 'INCIDENTS', value: 'An ninh, trật tự bảo đảm; không có sự cố.' }]],
      ['20260316', [{ dataElement: 'VOTERS', value: String(voters) }, { dataElement: 'VOTED', value: String(voted) }, { dataElement: 'TURNOUT', value: String(Math.round((voted / voters) * 10000) / 100) }, { dataElement: 'INCIDENTS', value: 'Đã bàn giao hòm phiếu và biên bản kiểm phiếu.' }]],
    ];
    for (const [period, values] of phases) {
      if (period > today.replaceAll('-', '')) continue;
      const key = { dataSet: 'BAU_CU', period, unitCode: actor.unitCode };
      await reports.saveValues(actor, key, values);
      await reports.complete(actor, key);
      if (actor.unitCode === '00004' || period !== '20260316') await reports.approve(leader, key);
    }

    // Last month's administrative-procedures report, from the dossiers' indicators.
    if (indicators) {
      const lastMonth = recentPeriods('monthly', now, 2)[1]!;
      await reports.prefill(actor, { dataSet: 'KQ_TTHC', period: lastMonth, unitCode: actor.unitCode }, INDICATOR_PREFILL);
      if (actor.unitCode === '00004') await reports.complete(actor, { dataSet: 'KQ_TTHC', period: lastMonth, unitCode: actor.unitCode });
    }
  }
}
