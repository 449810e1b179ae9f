import { describe, expect, it } from 'vitest';
import { monthOf, parsePeriod } from './indicator.period';
import { score } from './indicator.compute';

describe('parsePeriod: months, quarters, years and ranges at Hà Nội midnight', () => {
  it('reads a month, a quarter, a year and a range of days', () => {
    expect(parsePeriod('2026-11')).toEqual({ key: '2026-11', kind: 'month', from: '2026-10-31T17:00:00.000Z', to: '2026-11-30T17:00:00.000Z' });
    expect(parsePeriod('2026-12')).toMatchObject({ from: '2026-11-30T17:00:00.000Z', to: '2026-12-31T17:00:00.000Z' });
    expect(parsePeriod('2026-q4')).toEqual({ key: '2026-Q4', kind: 'quarter', from: '2026-09-30T17:00:00.000Z', to: '2026-12-31T17:00:00.000Z' });
    expect(parsePeriod('2026-Q1')).toMatchObject({ from: '2025-12-31T17:00:00.000Z', to: '2026-03-31T17:00:00.000Z' });
    expect(parsePeriod(' 2026 ')).toEqual({ key: '2026', kind: 'year', from: '2025-12-31T17:00:00.000Z', to: '2026-12-31T17:00:00.000Z' });
    expect(parsePeriod({ from: '2026-11-01', to: '2026-11-15' })).toEqual({ key: '2026-11-01..2026-11-15', kind: 'range', from: '2026-10-31T17:00:00.000Z', to: '2026-11-15T17:00:00.000Z' });
    expect(parsePeriod({ from: '2026-02-28', to: '2026-02-28' })).toMatchObject({ from: '2026-02-27T17:00:00.000Z', to: '2026-02-28T17:00:00.000Z' });
  });

  it('answers bad periods with a Vietnamese message and the code invalid_period', () => {
    for (const bad of ['2026-13', '2026-00', '2026-Q5', '26-11', 'tháng 11', '', '1999', '2026-11-31', '<script>']) {
      let err: any;
      try {
        parsePeriod(bad);
      } catch (e) {
        err = e;
      }
      expect(err?.code, bad).toBe('invalid_period');
      expect(err.message, bad).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
    }
    expect(() => parsePeriod({ from: '2026-11-30', to: '2026-11-01' })).toThrow(/sau từ ngày/);
    expect(() => parsePeriod({ from: '2026-02-30', to: '2026-03-01' })).toThrow(/không có trên lịch/);
    expect(() => parsePeriod({ from: '2026-11-01', to: '' })).toThrow(/Cần cả từ ngày và đến ngày/);
  });

  it('knows the current month in Vietnam time (17:00 UTC on the last day is already next month)', () => {
    expect(monthOf(new Date('2026-11-30T16:59:59Z')).key).toBe('2026-11');
    expect(monthOf(new Date('2026-11-30T17:00:00Z')).key).toBe('2026-12');
  });

  it('scores rate × max ÷ threshold below the threshold, all the points at or above it', () => {
    expect(score(0.25, 12, 0.5)).toBe(6);
    expect(score(0.5, 12, 0.5)).toBe(12);
    expect(score(0.9, 12, 0.5)).toBe(12);
    expect(score(0.6, 22, 0.8)).toBe(16.5);
    expect(score(0.75, 20, 1)).toBe(15);
    expect(score(null, 10, 1)).toBe(10);
  });
});
