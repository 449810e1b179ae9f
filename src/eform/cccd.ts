import { systemClock, type Clock } from '../shared/clock';
import type { FieldError } from './eform.types';

/**
 * Citizen ID cards (thẻ căn cước công dân / thẻ căn cước) and the personal ID number (số định danh
 * cá nhân), plus the calendar helpers both this file and the e-form validator need.
 *
 * Number structure: Decree 137/2015/NĐ-CP art. 13 and Circular 07/2016/TT-BCA (now Circular
 * 59/2021/TT-BCA): 3 digits province of birth registration, 1 digit century + sex, 2 digits year
 * of birth, 6 random digits.
 */

/**
 * Province codes of the place of birth registration (Circular 07/2016/TT-BCA, Appendix 1). These are
 * the 63 pre-2025 provinces; the 34 provinces of 2025 kept one of their members' codes, and numbers
 * already issued never change, so this list stays the complete set.
 */
export const PROVINCE_CODES: Readonly<Record<string, string>> = Object.freeze({
  '001': 'Hà Nội',
  '002': 'Hà Giang',
  '004': 'Cao Bằng',
  '006': 'Bắc Kạn',
  '008': 'Tuyên Quang',
  '010': 'Lào Cai',
  '011': 'Điện Biên',
  '012': 'Lai Châu',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '017': 'Hòa Bình',
  '019': 'Thái Nguyên',
  '020': 'Lạng Sơn',
  '022': 'Quảng Ninh',
  '024': 'Bắc Giang',
  '025': 'Phú Thọ',
  '026': 'Vĩnh Phúc',
  '027': 'Bắc Ninh',
  '030': 'Hải Dương',
  '031': 'Hải Phòng',
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '035': 'Hà Nam',
  '036': 'Nam Định',
  '037': 'Ninh Bình',
  '038': 'Thanh Hóa',
  '040': 'Nghệ An',
  '042': 'Hà Tĩnh',
  '044': 'Quảng Bình',
  '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế',
  '048': 'Đà Nẵng',
  '049': 'Quảng Nam',
  '051': 'Quảng Ngãi',
  '052': 'Bình Định',
  '054': 'Phú Yên',
  '056': 'Khánh Hòa',
  '058': 'Ninh Thuận',
  '060': 'Bình Thuận',
  '062': 'Kon Tum',
  '064': 'Gia Lai',
  '066': 'Đắk Lắk',
  '067': 'Đắk Nông',
  '068': 'Lâm Đồng',
  '070': 'Bình Phước',
  '072': 'Tây Ninh',
  '074': 'Bình Dương',
  '075': 'Đồng Nai',
  '077': 'Bà Rịa - Vũng Tàu',
  '079': 'Hồ Chí Minh',
  '080': 'Long An',
  '082': 'Tiền Giang',
  '083': 'Bến Tre',
  '084': 'Trà Vinh',
  '086': 'Vĩnh Long',
  '087': 'Đồng Tháp',
  '089': 'An Giang',
  '091': 'Kiên Giang',
  '092': 'Cần Thơ',
  '093': 'Hậu Giang',
  '094': 'Sóc Trăng',
  '095': 'Bạc Liêu',
  '096': 'Cà Mau',
});

/** Why an ID number is unacceptable, or null. 12 digits = căn cước; 9 digits = old CMND. */
export function idNumberProblem(id: string): 'format' | 'province' | null {
  if (/^\d{9}$/.test(id)) return null;
  if (!/^\d{12}$/.test(id)) return 'format';
  return Object.hasOwn(PROVINCE_CODES, id.slice(0, 3)) ? null : 'province';
}

/** 'YYYY-MM-DD' when y-m-d is a real calendar day, else undefined. */
export function calendarDay(y: number, m: number, d: number): string | undefined {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return undefined;
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return undefined;
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d); // unlike Date.UTC, does not map years 0-99 to 1900-1999
  if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Today's calendar day in Vietnam (UTC+7 all year, no daylight saving). */
export function vietnamToday(now: Date): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' shifted by whole days. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d + days);
  return t.toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' → 'dd/mm/yyyy' for messages. */
export function displayDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

export interface CccdData {
  idNumber: string;
  oldIdNumber?: string;
  fullName: string;
  birthDate: string;
  gender: 'Nam' | 'Nữ';
  address: string;
  issueDate: string;
}

export type CccdResult = { ok: true; value: CccdData } | { ok: false; errors: FieldError[] };

const FIELD_COUNT = 7;

/**
 * Reads the QR code printed on chip-based ID cards:
 * `ID|oldID|full name|ddmmyyyy birth|gender|address|ddmmyyyy issue`, oldID possibly empty; newer
 * cards append more fields, which are ignored. Reports every problem at once.
 */
export function parseCccdQr(text: string, opts: { clock?: Clock } = {}): CccdResult {
  const today = vietnamToday((opts.clock ?? systemClock).now());
  const raw = String(text).normalize('NFC').replace(/^\uFEFF/, '').trim();
  if (raw === '') return fail('', 'empty', 'Mã QR không có nội dung.');
  if (!raw.includes('|')) {
    return fail('', 'bad_format', 'Mã QR không phải mã trên thẻ căn cước: các thông tin phải cách nhau bằng dấu “|”.');
  }
  const parts = raw.split('|').map((p) => p.trim());
  if (parts.length < FIELD_COUNT) {
    return fail(
      '',
      'too_few_fields',
      `Mã QR thiếu thông tin: cần ít nhất ${FIELD_COUNT} mục cách nhau bằng dấu “|”, mới đọc được ${parts.length}.`,
    );
  }
  const [idNumber, oldId, nameRaw, birthRaw, genderRaw, addressRaw, issueRaw] = parts as [
    string, string, string, string, string, string, string,
  ];
  const errors: FieldError[] = [];
  const add = (field: string, code: string, message: string) => errors.push({ field, code, message });

  const idProblem = /^\d{12}$/.test(idNumber) ? idNumberProblem(idNumber) : 'format';
  if (idProblem === 'format') add('idNumber', 'invalid_id', 'Số căn cước phải gồm đúng 12 chữ số.');
  else if (idProblem === 'province') {
    add('idNumber', 'invalid_province', `3 chữ số đầu của số căn cước (${idNumber.slice(0, 3)}) không phải mã tỉnh, thành phố hợp lệ.`);
  }

  if (oldId !== '' && !/^\d{9}$/.test(oldId)) {
    add('oldIdNumber', 'invalid_old_id', 'Số chứng minh nhân dân cũ phải gồm 9 chữ số.');
  }

  const fullName = nameRaw.replace(/\s+/g, ' ');
  if (fullName === '') add('fullName', 'required', 'Họ và tên trên mã QR bị trống.');
  else if (!/^[\p{L}\p{M}][\p{L}\p{M} '.-]*$/u.test(fullName)) {
    add('fullName', 'invalid_name', 'Họ và tên chỉ được gồm chữ cái và khoảng trắng.');
  }

  const birthDate = ddmmyyyy(birthRaw, 'birthDate', 'Ngày sinh', add);
  if (birthDate && birthDate > today) add('birthDate', 'future_date', 'Ngày sinh không được sau hôm nay.');

  const g = genderRaw.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const gender = g === 'nam' ? 'Nam' : g === 'nu' ? 'Nữ' : undefined;
  if (!gender) add('gender', 'invalid_gender', 'Giới tính phải là “Nam” hoặc “Nữ”.');

  const address = addressRaw.replace(/\s+/g, ' ');
  if (address === '') add('address', 'required', 'Nơi thường trú trên mã QR bị trống.');

  const issueDate = ddmmyyyy(issueRaw, 'issueDate', 'Ngày cấp', add);
  if (issueDate && issueDate > today) add('issueDate', 'future_date', 'Ngày cấp không được sau hôm nay.');
  if (issueDate && birthDate && issueDate <= birthDate) add('issueDate', 'issue_before_birth', 'Ngày cấp phải sau ngày sinh.');

  // The 4th digit codes century and sex, the 5th-6th the year of birth: a mismatch means a misread
  // or tampered code (Decree 137/2015/NĐ-CP art. 13).
  if (!idProblem) {
    const c = Number(idNumber[3]);
    const year = 1900 + Math.floor(c / 2) * 100 + Number(idNumber.slice(4, 6));
    if (birthDate && Number(birthDate.slice(0, 4)) !== year) {
      add('idNumber', 'id_birth_mismatch', 'Số căn cước không khớp với năm sinh (chữ số thứ 4 đến 6 mã hóa thế kỷ và năm sinh).');
    }
    if (gender && (c % 2 === 0 ? 'Nam' : 'Nữ') !== gender) {
      add('idNumber', 'id_gender_mismatch', 'Số căn cước không khớp với giới tính (chữ số thứ 4 mã hóa giới tính).');
    }
  }

  if (errors.length > 0 || !birthDate || !issueDate || !gender) return { ok: false, errors };
  const value: CccdData = { idNumber, fullName, birthDate, gender, address, issueDate };
  if (oldId !== '') value.oldIdNumber = oldId;
  return { ok: true, value };
}

function ddmmyyyy(
  s: string,
  field: string,
  label: string,
  add: (field: string, code: string, message: string) => void,
): string | undefined {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (!m) {
    add(field, 'invalid_format', `${label} trên mã QR phải gồm 8 chữ số ddmmyyyy.`);
    return undefined;
  }
  const day = calendarDay(Number(m[3]), Number(m[2]), Number(m[1]));
  if (!day || day < '1900-01-01') {
    add(field, 'invalid_date', `${label} trên mã QR (${m[1]}/${m[2]}/${m[3]}) không phải ngày có thật.`);
    return undefined;
  }
  return day;
}

function fail(field: string, code: string, message: string): CccdResult {
  return { ok: false, errors: [{ field, code, message }] };
}
