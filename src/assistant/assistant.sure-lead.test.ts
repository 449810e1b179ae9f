import { describe, expect, it } from 'vitest';
import { decide } from './assistant.decide';
import type { Candidate } from './assistant.retrieval';
import { Retriever } from './assistant.retrieval';
import { BUILTIN_SYNONYMS, SynonymTable } from './assistant.synonyms';

/**
 * The learned model's sure code (sureCode) agreeing with the rules: the first of the retrieval's
 * list, the ward's own. The question's plan comes from a real reading; the candidates are set
 * out as the full catalogue ranks them for such questions.
 */
describe('the model’s sure code agreeing with the rules’ first', () => {
  const r = new Retriever([], new SynonymTable(BUILTIN_SYNONYMS));
  const plan = (q: string) => r.search(q, { limit: 8 }).plan;
  const cand = (id: string, here: boolean, score: number, coverage: number, more: Partial<Candidate> = {}): Candidate => ({ id, kind: 'procedure', score, coverage, pairSupport: true, here, ...more });

  it('is not declined by the scope odds when the rules pick it first with the question’s topic word', () => {
    const q = plan('tôi mở tiệm sửa điện thoại nhỏ, muốn bán thêm phụ kiện thì báo thay đổi ngành nghề ra sao');
    const own = cand('2.000720', true, 48, 0.45, { topicHit: true });
    const next = cand('1.001612', true, 30, 0.3, { topicHit: true });
    // Odds of 2 read it as out of scope: without the sure code, declined.
    expect(decide([own, next], q, 2).decision).toBe('decline');
    const d = decide([own, next], q, 2, '2.000720');
    expect(d.decision).not.toBe('decline');
    expect(d.picks[0]?.id).toBe('2.000720');
    // The sure code second in the rules' picks, or without the topic word: still declined.
    expect(decide([own, next], q, 2, '1.001612').decision).toBe('decline');
    expect(decide([{ ...own, topicHit: false }, next], q, 2, '2.000720').decision).toBe('decline');
  });

  it('keeps the ward’s own record rather than naming another level’s that covers about as much', () => {
    const q = plan('hội viên mới bầu chủ nhiệm khác, cần đăng ký thay đổi người đại diện theo pháp luật');
    const own = cand('1.005277', true, 61, 0.44);
    const other = cand('2.000555', false, 50, 0.46, { topicHit: true, elsewhereWords: 1, plainTopic: true });
    expect(decide([own, other], q, -24).decision).toBe('elsewhere');
    const d = decide([own, other], q, -24, '1.005277');
    expect(d.decision).not.toBe('elsewhere');
    expect(d.picks[0]?.id).toBe('1.005277');
    // Another level's record covering clearly more of the question is still named.
    const wider = { ...other, coverage: 0.7 };
    expect(decide([own, wider], q, -24, '1.005277').decision).toBe('elsewhere');
    // Worded as out of scope (odds above sureOdds): the rules' reading stands.
    expect(decide([own, other], q, 0, '1.005277').decision).not.toBe('answer');
  });
});
