import { describe, expect, it } from 'vitest';
import { ValidationError } from '../shared/errors';
import { evaluate, parseExpression, parseRuleText, runRules } from './report.rules';
import { checkValue } from './report.values';

const known = new Set(['ROOMS', 'CAPACITY', 'OCCUPANTS', 'FREE', 'USED', 'WORKERS']);

describe('validation rules: a small parser, no eval', () => {
  it('reads arithmetic over element codes with precedence, parentheses, minus and combos', () => {
    const values: Record<string, number> = { ROOMS: 10, CAPACITY: 2, USED: 4, 'WORKERS.P01': 7, WORKERS: 12 };
    const look = (e: string, c?: string) => values[c ? `${e}.${c}` : e];
    expect(evaluate(parseExpression('ROOMS * CAPACITY', known), look)).toBe(20);
    expect(evaluate(parseExpression('ROOMS - USED * 2', known), look)).toBe(2);
    expect(evaluate(parseExpression('(ROOMS - USED) * 2', known), look)).toBe(12);
    expect(evaluate(parseExpression('-USED + 1.5', known), look)).toBe(-2.5);
    expect(evaluate(parseExpression('WORKERS.P01 / 2', known), look)).toBe(3.5);
    expect(Number.isNaN(evaluate(parseExpression('ROOMS / (USED - 4)', known), look))).toBe(true);
    expect(parseRuleText('FREE == ROOMS - USED')).toEqual({ left: 'FREE', operator: '==', right: 'ROOMS - USED' });
    expect(parseRuleText('OCCUPANTS<=ROOMS*CAPACITY')).toEqual({ left: 'OCCUPANTS', operator: '<=', right: 'ROOMS*CAPACITY' });
  });

  it('refuses anything that is not the language, with a Vietnamese message', () => {
    for (const [text, why] of [
      ['ROOMS; process.exit()', 'ký tự ";"'],
      ['constructor', 'không có chỉ tiêu mã constructor'],
      ['ROOMS +', 'kết thúc đột ngột'],
      ['(ROOMS', 'thiếu dấu ")"'],
      ['ROOMS ROOMS', 'thừa "ROOMS"'],
      ['UNKNOWN * 2', 'không có chỉ tiêu mã UNKNOWN'],
      ['', 'biểu thức trống'],
    ] as const) {
      const e = (() => {
        try {
          parseExpression(text, known);
        } catch (x) {
          return x;
        }
      })();
      expect(e, text).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).code).toBe('invalid_rule');
      expect((e as Error).message).toContain(why);
    }
    expect(() => parseRuleText('A < B < C')).toThrow(/đúng một phép so sánh/);
    expect(() => parseRuleText('A + B')).toThrow(/đúng một phép so sánh/);
  });

  it('runs rules on a row: failures with the figures, rules without any value skipped, missing values as 0', () => {
    const rules = [
      { code: 'R1', left: 'OCCUPANTS', operator: '<=' as const, right: 'ROOMS * CAPACITY', message: 'Số người cách ly vượt sức chứa' },
      { code: 'R2', left: 'FREE', operator: '==' as const, right: 'ROOMS - USED', message: 'Số phòng trống phải bằng số phòng trừ số phòng đang dùng' },
    ];
    const row = (v: Record<string, number>) => (e: string) => v[e];
    expect(runRules(rules, row({ OCCUPANTS: 19, ROOMS: 10, CAPACITY: 2, FREE: 3, USED: 7 }))).toEqual([]);
    const f = runRules(rules, row({ OCCUPANTS: 25, ROOMS: 10, CAPACITY: 2, FREE: 4, USED: 7 }));
    expect(f.map((x) => x.rule)).toEqual(['R1', 'R2']);
    expect(f[0]!.message).toBe('Số người cách ly vượt sức chứa (25 <= 20 không đúng).');
    expect(runRules(rules, row({}))).toEqual([]);
    // FREE missing counts as 0 once any value of the rule is there.
    expect(runRules([rules[1]!], row({ ROOMS: 10, USED: 7 }))).toHaveLength(1);
  });

  it('checks values by type and stores one canonical form', () => {
    expect(checkValue('INTEGER_ZERO_OR_POSITIVE', ' 012 ')).toEqual({ ok: true, value: '12' });
    expect(checkValue('INTEGER_ZERO_OR_POSITIVE', '65.000')).toEqual({ ok: true, value: '65000' });
    expect(checkValue('INTEGER_ZERO_OR_POSITIVE', '-1')).toMatchObject({ ok: false, message: expect.stringContaining('số nguyên không âm') });
    expect(checkValue('INTEGER_ZERO_OR_POSITIVE', '1,5')).toMatchObject({ ok: false });
    expect(checkValue('NUMBER', '12,5')).toEqual({ ok: true, value: '12.5' });
    expect(checkValue('NUMBER', '-3')).toEqual({ ok: true, value: '-3' });
    expect(checkValue('NUMBER', 'mười')).toMatchObject({ ok: false });
    expect(checkValue('PERCENTAGE', '101')).toMatchObject({ ok: false, message: 'tỷ lệ phần trăm phải từ 0 đến 100' });
    expect(checkValue('BOOLEAN', 'Có')).toEqual({ ok: true, value: 'true' });
    expect(checkValue('BOOLEAN', 'không')).toEqual({ ok: true, value: 'false' });
    expect(checkValue('BOOLEAN', 'maybe')).toMatchObject({ ok: false });
    expect(checkValue('DATE', '3/12/2026')).toEqual({ ok: true, value: '2026-12-03' });
    expect(checkValue('DATE', '2026-02-30')).toMatchObject({ ok: false, message: 'ngày không có thật' });
    expect(checkValue('TEXT', 'Ghi chú')).toEqual({ ok: true, value: 'Ghi chú' });
  });
});
