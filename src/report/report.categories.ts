import type { CategoryCombo } from './report.types';

/**
 * The disaggregations shipped with motcua (seeded on first use, editable as data). The 34
 * provinces and centrally-run cities since 1 July 2025 (Resolution 202/2025/QH15), with their
 * official codes; an option's code is `P` + that code (an identifier, usable in validation rules).
 */
export const PROVINCES: Array<[string, string]> = [
  ['01', 'Thành phố Hà Nội'],
  ['04', 'Tỉnh Cao Bằng'],
  ['08', 'Tỉnh Tuyên Quang'],
  ['11', 'Tỉnh Điện Biên'],
  ['12', 'Tỉnh Lai Châu'],
  ['14', 'Tỉnh Sơn La'],
  ['15', 'Tỉnh Lào Cai'],
  ['19', 'Tỉnh Thái Nguyên'],
  ['20', 'Tỉnh Lạng Sơn'],
  ['22', 'Tỉnh Quảng Ninh'],
  ['24', 'Tỉnh Bắc Ninh'],
  ['25', 'Tỉnh Phú Thọ'],
  ['31', 'Thành phố Hải Phòng'],
  ['33', 'Tỉnh Hưng Yên'],
  ['37', 'Tỉnh Ninh Bình'],
  ['38', 'Tỉnh Thanh Hóa'],
  ['40', 'Tỉnh Nghệ An'],
  ['42', 'Tỉnh Hà Tĩnh'],
  ['44', 'Tỉnh Quảng Trị'],
  ['46', 'Thành phố Huế'],
  ['48', 'Thành phố Đà Nẵng'],
  ['51', 'Tỉnh Quảng Ngãi'],
  ['52', 'Tỉnh Gia Lai'],
  ['56', 'Tỉnh Khánh Hòa'],
  ['66', 'Tỉnh Đắk Lắk'],
  ['68', 'Tỉnh Lâm Đồng'],
  ['75', 'Tỉnh Đồng Nai'],
  ['79', 'Thành phố Hồ Chí Minh'],
  ['80', 'Tỉnh Tây Ninh'],
  ['82', 'Tỉnh Đồng Tháp'],
  ['86', 'Tỉnh Vĩnh Long'],
  ['91', 'Tỉnh An Giang'],
  ['92', 'Thành phố Cần Thơ'],
  ['96', 'Tỉnh Cà Mau'],
];

export const BUILTIN_COMBOS: CategoryCombo[] = [
  { code: 'PROVINCE', name: 'Theo tỉnh, thành phố quê quán', options: PROVINCES.map(([code, name]) => ({ code: `P${code}`, name })) },
  {
    code: 'SEX',
    name: 'Theo giới tính',
    options: [
      { code: 'NAM', name: 'Nam' },
      { code: 'NU', name: 'Nữ' },
    ],
  },
  {
    code: 'AGE',
    name: 'Theo nhóm tuổi',
    options: [
      { code: 'T00_17', name: 'Dưới 18 tuổi' },
      { code: 'T18_35', name: 'Từ 18 đến 35 tuổi' },
      { code: 'T36_59', name: 'Từ 36 đến 59 tuổi' },
      { code: 'T60', name: 'Từ 60 tuổi trở lên' },
    ],
  },
  {
    code: 'ELECTION_PHASE',
    name: 'Theo giai đoạn bầu cử',
    options: [
      { code: 'TRUOC', name: 'Trước ngày bầu cử' },
      { code: 'TRONG', name: 'Trong ngày bầu cử' },
      { code: 'SAU', name: 'Sau ngày bầu cử' },
    ],
  },
];

/** The option of the AGE combo for an age in years. */
export function ageGroup(age: number): string {
  return age < 18 ? 'T00_17' : age <= 35 ? 'T18_35' : age <= 59 ? 'T36_59' : 'T60';
}
