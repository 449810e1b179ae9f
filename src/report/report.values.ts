import type { ValueType } from './report.types';

/**
 * One entered value checked against its element's type and written in one canonical form
 * ("1.5" for 1,5; "true"/"false" for Có/Không; YYYY-MM-DD for 03/12/2026), so a round trip
 * through DHIS2 JSON or Excel gives back exactly what was stored.
 */
export function checkValue(type: ValueType, raw: string): { ok: true; value: string } | { ok: false; message: string } {
  const v = raw.trim().normalize('NFC');
  switch (type) {
    case 'INTEGER_ZERO_OR_POSITIVE': {
      const s = v.replace(/[\s.]/g, '');
      if (!/^\d{1,12}$/.test(s)) return { ok: false, message: 'phải là số nguyên không âm (0, 1, 2…)' };
      return { ok: true, value: String(Number(s)) };
    }
    case 'NUMBER':
    case 'PERCENTAGE': {
      const s = v.replace(/\s/g, '').replace(',', '.');
      if (!/^-?\d{1,12}(\.\d{1,6})?$/.test(s)) return { ok: false, message: 'phải là một số (dùng dấu phẩy cho phần thập phân, ví dụ 12,5)' };
      const n = Number(s);
      if (type === 'PERCENTAGE' && (n < 0 || n > 100)) return { ok: false, message: 'tỷ lệ phần trăm phải từ 0 đến 100' };
      return { ok: true, value: String(n) };
    }
    case 'BOOLEAN': {
      const s = v.toLowerCase();
      if (['true', 'có', 'co', '1', 'x'].includes(s)) return { ok: true, value: 'true' };
      if (['false', 'không', 'khong', '0'].includes(s)) return { ok: true, value: 'false' };
      return { ok: false, message: 'phải là Có hoặc Không' };
    }
    case 'DATE': {
      let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      let ymd = m ? [m[1]!, m[2]!, m[3]!] : undefined;
      if (!ymd) {
        m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
        if (m) ymd = [m[3]!, m[2]!.padStart(2, '0'), m[1]!.padStart(2, '0')];
      }
      if (!ymd) return { ok: false, message: 'phải là một ngày (ngày/tháng/năm, ví dụ 03/12/2026)' };
      const d = new Date(`${ymd.join('-')}T00:00:00Z`);
      if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== ymd.join('-')) return { ok: false, message: 'ngày không có thật' };
      return { ok: true, value: ymd.join('-') };
    }
    case 'TEXT':
      if (v.length > 2000) return { ok: false, message: 'tối đa 2.000 ký tự' };
      return { ok: true, value: v };
  }
}

/** What a value adds to a rolled-up sum. */
export function numericOf(type: string, value: string): number {
  if (type === 'BOOLEAN') return value === 'true' ? 1 : 0;
  if (type === 'TEXT' || type === 'DATE') return 0;
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
}
