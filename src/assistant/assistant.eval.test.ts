import { describe, expect, it } from 'vitest';
import { declined, formatReport, type EvalReport } from './assistant.eval';

/** A reply as the eval reads it: the decision, the records named, the text. */
const reply = (decision: string, codes: string[] = [], answer = '') => ({
  decision: decision as 'decline',
  procedures: codes.map((code) => ({ code, name: code, score: 0.5 })),
  answer,
});

describe('the eval: an out-of-scope line declined', () => {
  const pho = { q: 'quán phở đầu ngõ mở cửa mấy giờ', expect: [], kind: 'everyday' };

  it('counts an everyday question sent to another level’s record as not declined: the citizen was sent to an office for nothing', () => {
    expect(declined(pho, reply('elsewhere', ['1.001611'], 'Thủ tục này do UBND tỉnh giải quyết'), 'full')).toBe(false);
    expect(declined(pho, reply('handoff', ['1.001611']), 'full')).toBe(false);
    // The record named in the text only ("Thủ tục “…” (mã …) thực hiện ở cấp tỉnh"), none listed.
    expect(declined(pho, reply('elsewhere', [], 'Việc này không giải quyết tại Phường Hoàn Kiếm. Thủ tục “Cấp giấy phép…” (mã 1.001611) thực hiện ở cấp tỉnh.'), 'full')).toBe(false);
    expect(declined(pho, reply('handoff', [], 'Có thể bạn hỏi thủ tục (mã 1.001611); xin chuyển cán bộ.'), 'full')).toBe(false);
  });

  it('counts an everyday question declined by a decline, or a hand-over to staff naming no record', () => {
    expect(declined(pho, reply('decline'), 'full')).toBe(true);
    expect(declined(pho, reply('handoff'), 'demo')).toBe(true);
    expect(declined(pho, reply('answer', ['1.001193']), 'demo')).toBe(false);
  });

  it('counts an everyday question written as another kind (no marks, a typo) by the same rule: no agency, an everyday matter', () => {
    const plain = { q: 'quan pho dau ngo mo cua may gio', expect: [], kind: 'no-diacritics' };
    const typo = { q: 'quán phở đầu ngõ mở của mấy giờ', expect: [], kind: 'typo' };
    for (const q of [plain, typo]) {
      expect(declined(q, reply('elsewhere', ['1.001611'], 'Thủ tục này do UBND tỉnh giải quyết'), 'full')).toBe(false);
      expect(declined(q, reply('elsewhere', [], 'Thủ tục “Cấp giấy phép…” (mã 1.001611) thực hiện ở cấp tỉnh.'), 'demo')).toBe(false);
      expect(declined(q, reply('decline'), 'full')).toBe(true);
    }
    // Another agency's matter with the agency left unsaid keeps its rule: sent on, not answered here.
    const pension = { q: 'rút bảo hiểm xã hội một lần sau khi nghỉ việc', expect: [], kind: 'elsewhere' };
    expect(declined(pension, reply('elsewhere', ['1.000123'], 'Việc này do cơ quan Bảo hiểm xã hội giải quyết'), 'full')).toBe(true);
  });

  it('keeps the rule of another agency’s matter: not answered here, and the agency named on the full catalogue', () => {
    const divorce = { q: 'ly hôn thuận tình nộp ở đâu', expect: [], kind: 'elsewhere', agency: 'Tòa án' };
    expect(declined(divorce, reply('elsewhere', ['2.000123'], 'Việc này Tòa án nhân dân cấp huyện giải quyết'), 'full')).toBe(true);
    expect(declined(divorce, reply('elsewhere', ['2.000123'], 'Việc này do cơ quan khác giải quyết'), 'full')).toBe(false);
    expect(declined(divorce, reply('answer', ['1.000656']), 'demo')).toBe(false);
  });
});

describe('the eval: a sealed set’s misses', () => {
  const report = (file: string): EvalReport => ({
    label: 'danh mục mẫu', file, inScope: 2, top1: 0, top3: 1, outOfScope: 1, declined: 0, facts: 0, factsStated: 0,
    factKinds: {}, split: { answer: 2, elsewhere: 1 }, p50: 1, p95: 2, p99: 3, cpuP50: 1, cpuP95: 2,
    misses: ['top3 [answer] con tôi sinh ở nhà → 1.000689 (mong đợi 1.001193)', 'MISS [answer] đổi tên cho bé → 1.000689 (mong đợi 1.004859)', 'OOS  [elsewhere] quán phở mấy giờ → 1.001611'],
    missTally: { 'top3 answer story': 1, 'MISS answer name': 1, 'OOS elsewhere everyday': 1 },
  });

  it('tells how a sealed set was missed, by kind and decision, but never its questions', () => {
    const out = formatReport(report('/x/eval/heldout/procedures-7.jsonl'), true);
    expect(out).toContain('3 câu sai, không in từng câu');
    expect(out).toContain('MISS answer name 1 · OOS elsewhere everyday 1 · top3 answer story 1');
    expect(out).not.toContain('con tôi sinh ở nhà');
    expect(out).not.toContain('quán phở');
  });

  it('prints a tuning set’s miss lines themselves', () => {
    const out = formatReport(report('/x/eval/tuning/procedures-7.jsonl'), true);
    expect(out).toContain('quán phở mấy giờ');
    expect(out).not.toContain('OOS elsewhere everyday 1');
  });
});
