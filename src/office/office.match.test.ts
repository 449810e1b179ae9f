import { describe, expect, it } from 'vitest';
import { ValidationError } from '../shared/errors';
import { agencyKey, defaultKindOf, resolveOffice } from './office.match';
import { hoursText, parseDayHours, parseOfficeInput, type Office } from './office.types';

describe('the automatic office of an implementing agency', () => {
  it.each([
    ['Công an cấp xã', 'police', true],
    ['Công an cấp Xã', 'police', true],
    ['Công an cấp xã (cơ quan có thẩm quyền: Cục Cảnh sát quản lý hành chính về trật tự xã hội, Bộ Công an)', 'police', true],
    ['Công an tỉnh, Cục cảnh sát giao thông, Công an cấp Xã', 'police', true],
    ['Ủy ban nhân dân cấp xã', 'one_stop', true],
    ['Uỷ ban Nhân dân cấp xã, phường, thị trấn', 'one_stop', true],
    ['Ủy ban Nhân dân\u00a0xã,\u00a0phường,\u00a0thị trấn.', 'one_stop', true],
    ['Chủ tịch UBND cấp xã', 'one_stop', true],
    // The partner named in brackets is not where the citizen goes.
    ['Ủy ban nhân dân cấp xã (phối hợp với cơ quan công an và cơ quan bảo hiểm xã hội)', 'one_stop', true],
    ['Cơ quan quản lý Cơ sở dữ liệu hộ tịch điện tử (Sở Tư pháp, Ủy ban nhân dân cấp xã)', 'one_stop', true],
    ['Trạm Y tế xã', 'health', true],
    ['Cơ quan đăng ký kinh doanh cấp xã', 'one_stop', true],
    ['Bảo hiểm xã hội cấp huyện', 'one_stop', false],
    ['', 'one_stop', false],
  ])('%s → %s', (agency, kind, sure) => {
    expect(defaultKindOf(agency)).toEqual({ kind, sure });
  });

  it('compares agency texts without marks, case, tone placement, spacing or a final dot', () => {
    expect(agencyKey('Uỷ ban Nhân dân cấp xã.')).toBe(agencyKey('Ủy ban nhân dân  cấp xã'));
    expect(agencyKey('Ủy ban nhân dân cấp xã')).not.toBe(agencyKey('Công an cấp xã'));
  });

  const office = (id: string, kind: Office['kind'], sort: number): Office => ({ id, unitCode: '00004', name: id, kind, address: 'Số 1 phố A', phone: '', week: { '0': [], '1': [], '2': [], '3': [], '4': [], '5': [], '6': [] }, notes: '', mapUrl: '', sort, updatedAt: '' });
  const offices = [office('motcua', 'one_stop', 1), office('congan', 'police', 2)];
  const none = { agencies: new Map<string, string>(), procedures: new Map<string, string>() };

  it('chooses: the procedure’s own office, else its agency’s, else the automatic one (one-stop when the kind is missing)', () => {
    const cuTru = { code: '1.004222', agency: 'Công an cấp xã' };
    const yTe = { code: '1.000001', agency: 'Trạm y tế cấp xã' };
    expect(resolveOffice(offices, none, cuTru)).toMatchObject({ office: { id: 'congan' }, source: 'default' });
    // No health station recorded: the one-stop office receives.
    expect(resolveOffice(offices, none, yTe)).toMatchObject({ office: { id: 'motcua' }, source: 'default' });
    const byAgency = { agencies: new Map([[agencyKey('Công an cấp xã'), 'motcua']]), procedures: new Map<string, string>() };
    expect(resolveOffice(offices, byAgency, cuTru)).toMatchObject({ office: { id: 'motcua' }, source: 'agency' });
    const own = { agencies: byAgency.agencies, procedures: new Map([['1.004222', 'congan']]) };
    expect(resolveOffice(offices, own, cuTru)).toMatchObject({ office: { id: 'congan' }, source: 'procedure' });
    // A mapping to an office that no longer exists is ignored.
    expect(resolveOffice(offices, { agencies: new Map(), procedures: new Map([['1.004222', 'gone']]) }, cuTru)).toMatchObject({ office: { id: 'congan' }, source: 'default' });
    expect(resolveOffice([], none, cuTru)).toBeUndefined();
  });
});

describe('office hours as officials type them', () => {
  it('reads the usual ways of writing sessions', () => {
    expect(parseDayHours('7h30 – 11h30 và 13h30 – 17h', 'Thứ Hai')).toEqual({ sessions: [{ from: '07:30', to: '11:30' }, { from: '13:30', to: '17:00' }], problems: [] });
    expect(parseDayHours('13:30-17:00; 07:30-11:30', 'Thứ Hai').sessions).toEqual([{ from: '07:30', to: '11:30' }, { from: '13:30', to: '17:00' }]);
    expect(parseDayHours('nghỉ', 'Chủ nhật')).toEqual({ sessions: [], problems: [] });
    expect(parseDayHours('', 'Chủ nhật')).toEqual({ sessions: [], problems: [] });
  });

  it('names each problem in Vietnamese', () => {
    expect(parseDayHours('25:00-11:00', 'Thứ Hai').problems[0]).toMatch(/^Thứ Hai: "25:00-11:00" chưa đúng dạng giờ/);
    expect(parseDayHours('11:30-07:30', 'Thứ Ba').problems).toEqual(['Thứ Ba: buổi 11:30-07:30 phải kết thúc sau khi bắt đầu']);
    expect(parseDayHours('07:30-12:00, 11:00-17:00', 'Thứ Tư').problems).toEqual(['Thứ Tư: các buổi 07:30-12:00 và 11:00-17:00 chồng lên nhau']);
  });

  it('groups the week for citizens, Saturday on its own line', () => {
    const d = parseOfficeInput({ name: 'Công an phường Ba Đình', kind: 'police', address: 'Số 8 phố Đội Cấn', phone: '024 3823 4113', hours: { '1': '07:30-11:30, 13:30-17:00', '2': '07:30-11:30, 13:30-17:00', '3': '07:30-11:30, 13:30-17:00', '4': '07:30-11:30, 13:30-17:00', '5': '07:30-11:30, 13:30-17:00', '6': '7h30-11h30' } });
    expect(d.phone).toBe('02438234113');
    expect(hoursText(d.week)).toBe('Thứ Hai – Thứ Sáu: 07:30–11:30, 13:30–17:00; Thứ Bảy: 07:30–11:30; Chủ nhật: nghỉ');
  });

  it('refuses a bad office with every problem listed, in Vietnamese', () => {
    let err: ValidationError | undefined;
    try {
      parseOfficeInput({ name: ' ', kind: 'xyz', address: 'x', phone: '123', hours: { '1': '7-', '0': 'nghỉ' }, mapUrl: 'javascript:alert(1)' });
    } catch (e) {
      err = e as ValidationError;
    }
    expect(err?.code).toBe('invalid_office');
    expect(err?.fields.map((f) => f.field)).toEqual(['name', 'kind', 'address', 'phone', 'hours.1', 'mapUrl']);
    expect(err?.fields.map((f) => f.message).join('\n')).toMatch(/Cần ghi tên nơi tiếp nhận[\s\S]*Số điện thoại không hợp lệ[\s\S]*Thứ Hai: "7-" chưa đúng dạng giờ[\s\S]*https:\/\//);
  });
});
