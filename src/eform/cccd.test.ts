import { describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock';
import { parseCccdQr } from './cccd';

// Fabricated cards: numbers follow the structure (province, century/sex digit, year of birth) but
// the people and addresses are made up.
const clock = fixedClock('2025-06-01T03:00:00Z');
const parse = (text: string) => parseCccdQr(text, { clock });

const HA = [
  '001199012345',
  '123456789',
  'Nguyễn Thị Thu Hà',
  '15081999',
  'Nữ',
  'Số 12 ngõ 34 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội',
  '20042021',
];
const KHOA = [
  '079203004567',
  '',
  'Trần Minh Khoa',
  '02012003',
  'Nam',
  'Tổ 5, Khu phố 3, Phường Bến Thành, Thành phố Hồ Chí Minh',
  '10072024',
];

const qr = (parts: string[]) => parts.join('|');
const withField = (parts: string[], i: number, v: string) => parts.map((p, j) => (j === i ? v : p));
const codes = (r: ReturnType<typeof parse>) => (r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`));

describe('parseCccdQr', () => {
  it('reads a card with an old CMND number', () => {
    expect(parse(qr(HA))).toEqual({
      ok: true,
      value: {
        idNumber: '001199012345',
        oldIdNumber: '123456789',
        fullName: 'Nguyễn Thị Thu Hà',
        birthDate: '1999-08-15',
        gender: 'Nữ',
        address: 'Số 12 ngõ 34 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội',
        issueDate: '2021-04-20',
      },
    });
  });

  it('reads a card without old number and ignores the extra fields newer cards append', () => {
    const r = parse(`${qr(KHOA)}|Trần Văn Bình|Lê Thị Lan|\r\n`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual({
      idNumber: '079203004567',
      fullName: 'Trần Minh Khoa',
      birthDate: '2003-01-02',
      gender: 'Nam',
      address: 'Tổ 5, Khu phố 3, Phường Bến Thành, Thành phố Hồ Chí Minh',
      issueDate: '2024-07-10',
    });
    expect('oldIdNumber' in r.value).toBe(false);
  });

  it('turns NFD text (some scanner apps) into NFC, keeping the case of the name', () => {
    const nfd = qr(HA).normalize('NFD');
    expect(nfd).not.toBe(qr(HA));
    const r = parse(`\uFEFF${nfd}`);
    expect(r.ok && r.value.fullName).toBe('Nguyễn Thị Thu Hà');
    expect(r.ok && r.value.fullName.normalize('NFC')).toBe(r.ok && r.value.fullName);
    expect(r.ok && r.value.gender).toBe('Nữ');
    expect(r.ok && r.value.address).toBe(HA[5]);
  });

  it.each([
    ['commas', qr(HA).replaceAll('|', ',')],
    ['semicolons', qr(HA).replaceAll('|', ';')],
    ['tabs', qr(HA).replaceAll('|', '\t')],
  ])('rejects a code separated by %s', (_name, text) => {
    const r = parse(text);
    expect(codes(r)).toEqual([':bad_format']);
    expect(!r.ok && r.errors[0]!.message).toContain('“|”');
  });

  it('rejects empty text and a code with too few fields', () => {
    expect(codes(parse('  '))).toEqual([':empty']);
    const r = parse(qr(HA.slice(0, 5)));
    expect(codes(r)).toEqual([':too_few_fields']);
    expect(!r.ok && r.errors[0]!.message).toBe('Mã QR thiếu thông tin: cần ít nhất 7 mục cách nhau bằng dấu “|”, mới đọc được 5.');
  });

  it('checks the ID number: 12 digits and a province code used on cards', () => {
    expect(codes(parse(qr(withField(HA, 0, '00119901234'))))).toEqual(['idNumber:invalid_id']);
    expect(codes(parse(qr(withField(HA, 0, '00119901234A'))))).toEqual(['idNumber:invalid_id']);
    // 003 was never a province code; 097 is past the last one (Cà Mau, 096).
    for (const province of ['000', '003', '097']) {
      const r = parse(qr(withField(HA, 0, `${province}199012345`)));
      expect(codes(r)).toEqual(['idNumber:invalid_province']);
      expect(!r.ok && r.errors[0]!.message).toContain(`(${province})`);
    }
    expect(parse(qr(withField(HA, 0, '096199012345'))).ok).toBe(true);
  });

  it('checks the century/sex and year digits of the number against the card', () => {
    expect(codes(parse(qr(withField(HA, 3, '15081998'))))).toEqual(['idNumber:id_birth_mismatch']);
    expect(codes(parse(qr(withField(HA, 4, 'Nam'))))).toEqual(['idNumber:id_gender_mismatch']);
    // Same two year digits, wrong century: 2099 is not 1999.
    expect(codes(parse(qr(withField(HA, 0, '001399012345'))))).toEqual(['idNumber:id_birth_mismatch']);
  });

  it('accepts a 9-digit old number or none, and nothing else', () => {
    const r = parse(qr(withField(HA, 1, '12345678')));
    expect(codes(r)).toEqual(['oldIdNumber:invalid_old_id']);
    expect(!r.ok && r.errors[0]!.message).toBe('Số chứng minh nhân dân cũ phải gồm 9 chữ số.');
  });

  it('rejects dates that are not real calendar days or not ddmmyyyy', () => {
    const feb30 = parse(qr(withField(HA, 3, '30021999')));
    expect(codes(feb30)).toEqual(['birthDate:invalid_date']);
    expect(!feb30.ok && feb30.errors[0]!.message).toBe('Ngày sinh trên mã QR (30/02/1999) không phải ngày có thật.');
    expect(codes(parse(qr(withField(HA, 3, '1508199'))))).toEqual(['birthDate:invalid_format']);
    expect(codes(parse(qr(withField(HA, 3, '15/08/1999'))))).toEqual(['birthDate:invalid_format']);
    expect(codes(parse(qr(withField(HA, 6, '31042021'))))).toEqual(['issueDate:invalid_date']);
    // 2000 is a leap year (divisible by 400), 1900 is not.
    expect(parse(qr(withField(withField(HA, 0, '001300012345'), 3, '29022000'))).ok).toBe(true);
    expect(codes(parse(qr(withField(withField(HA, 0, '001100012345'), 3, '29021900'))))).toEqual(['birthDate:invalid_date']);
  });

  it('rejects a birth date after today and an issue date not after the birth', () => {
    // Today is 01/06/2025 in Vietnam; the number says a woman born in 2025.
    const future = parse(qr(withField(withField(HA, 0, '001325012345'), 3, '02062025')));
    expect(codes(future)).toContain('birthDate:future_date');
    expect(!future.ok && future.errors.find((e) => e.code === 'future_date')!.message).toBe('Ngày sinh không được sau hôm nay.');
    expect(codes(parse(qr(withField(HA, 6, '15081999'))))).toEqual(['issueDate:issue_before_birth']);
    expect(codes(parse(qr(withField(HA, 6, '01011990'))))).toEqual(['issueDate:issue_before_birth']);
    expect(codes(parse(qr(withField(HA, 6, '02062025'))))).toEqual(['issueDate:future_date']);
    expect(parse(qr(withField(HA, 6, '01062025'))).ok).toBe(true);
  });

  it('accepts gender Nam/Nữ in any case, nothing else', () => {
    expect(parse(qr(withField(HA, 4, 'NỮ'))).ok).toBe(true);
    const r = parse(qr(withField(HA, 4, 'Khác')));
    expect(codes(r)).toEqual(['gender:invalid_gender']);
    expect(!r.ok && r.errors[0]!.message).toBe('Giới tính phải là “Nam” hoặc “Nữ”.');
  });

  it('reports every problem at once', () => {
    const r = parse(qr(['12345', '12', 'Nguyễn 2 Hà', '31131999', 'X', '  ', '00002020']));
    expect(codes(r)).toEqual([
      'idNumber:invalid_id',
      'oldIdNumber:invalid_old_id',
      'fullName:invalid_name',
      'birthDate:invalid_date',
      'gender:invalid_gender',
      'address:required',
      'issueDate:invalid_date',
    ]);
  });
});
