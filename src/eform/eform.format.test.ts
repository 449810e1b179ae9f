import { describe, expect, it } from 'vitest';
import { answerText } from './eform.format';

describe('e-form answers as people read them', () => {
  it('dates dd/mm/yyyy, yes/no in words, choices by their label, the rest as typed', () => {
    expect(answerText({ type: 'date' }, '2026-11-20')).toBe('20/11/2026');
    expect(answerText(undefined, '2026-11-20')).toBe('20/11/2026');
    expect(answerText({ type: 'checkbox' }, true)).toBe('Có');
    expect(answerText({ type: 'checkbox' }, false)).toBe('Không');
    expect(answerText({ type: 'select', options: [{ value: 'nam', label: 'Nam' }] }, 'nam')).toBe('Nam');
    expect(answerText({ type: 'idNumber' }, '001090012345')).toBe('001090012345');
    expect(answerText({ type: 'number' }, 2)).toBe('2');
  });
});
