import { describe, expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import { VISA_COUNTRIES } from './assistant.countries';
import { decide } from './assistant.decide';
import { decision } from './assistant.decision';
import { readLearned } from './assistant.learned';
import { officesAsked } from './assistant.other-offices';
import * as repo from './assistant.repo';
import { demoCatalogue, demoRetriever } from './assistant.testing';

/**
 * Stop 45 (mend45): mends that keep every answer — the reply's decision gathered in one module
 * (assistant.decision.ts), the visa countries read from the countries table, a new conversation's
 * row taken from its insert. What a citizen sees must stay what it was.
 */

const names = new Map(demoCatalogue().map((p) => [p.code, p.name]));
const retriever = demoRetriever();

/** The decision the rules and the model take alone (`decide`), and the reply's whole decision (`decision`), on the demo catalogue. */
async function decided(q: string): Promise<{ rules: string; whole: string }> {
  const { plan, candidates } = retriever.search(q, { limit: 8 });
  const learned = readLearned(q, candidates, undefined, 8, plan.intents.aspects.length > 0);
  const about = plan.tokens.filter((_, i) => !plan.intents.consumed.has(i)).map((t) => t.folded).join(' ');
  const show = (d: { decision: string; picks: Array<{ id: string }> }) => [d.decision, ...d.picks.map((x) => x.id)].join(' ');
  const rules = decide(learned.candidates, plan, learned.outOdds, learned.sure);
  const whole = await decision({ candidates: learned.candidates, plan, learned, aspects: plan.intents.aspects, about, online: plan.intents.aspects.includes('online'), offices: officesAsked(q), nameOf: async (c) => names.get(c) });
  return { rules: show(rules), whole: show(whole) };
}

describe('stop 45: the reply’s decision, its steps in one place', () => {
  it('answers the one choice a qualifier of the question names (a death, not its re-registration)', async () => {
    expect(await decided('xin giấy ra viện để làm khai tử')).toEqual({ rules: 'clarify 1.000656 1.000419', whole: 'answer 1.000656' });
  });

  it('offers the third card beside two close ones for a fee asked of "thẻ căn cước"', async () => {
    expect(await decided('thẻ căn cước lệ phí bao nhiêu')).toEqual({ rules: 'clarify 1.014063 1.014064', whole: 'clarify 1.014063 1.014064 1.014062' });
  });

  it('turns away the ward’s record for an electricity bill, the power company’s matter', async () => {
    expect(await decided('tiền điện nhà tôi đăng ký thường trú')).toEqual({ rules: 'answer 1.004222', whole: 'decline' });
  });

  it('keeps an answer no step changes', async () => {
    expect(await decided('tách hộ làm online được không')).toEqual({ rules: 'answer 1.010038', whole: 'answer 1.010038' });
  });
});

describe('stop 45: the visa countries from the countries table', () => {
  const visaAsked = (q: string) => officesAsked(q).asked.some((o) => o.topic.startsWith('thị thực (visa)'));

  it('reads a visa asked for each country the list named, and no other', () => {
    expect([...VISA_COUNTRIES].sort()).toEqual(['anh', 'canada', 'chau au', 'dai loan', 'duc', 'han', 'han quoc', 'hoa ky', 'my', 'new zealand', 'nga', 'nhat', 'nhat ban', 'phap', 'schengen', 'trung quoc', 'uc', 'y']);
    for (const c of ['Mỹ', 'Hoa Kỳ', 'Úc', 'Canada', 'Anh', 'Ý', 'Nhật Bản', 'Hàn Quốc', 'Đài Loan', 'New Zealand', 'Schengen', 'châu Âu']) {
      expect(visaAsked(`xin visa ${c} cần giấy tờ gì`), c).toBe(true);
    }
    // Never in the list: the Czech Republic, Singapore.
    expect(visaAsked('xin visa Séc cần giấy tờ gì')).toBe(false);
    expect(visaAsked('xin visa Singapore cần giấy tờ gì')).toBe(false);
  });
});

eachEngine('stop 45: a conversation kept from its first message', { at: '2026-12-07T02:00:00Z' }, (t) => {
  const ask = (question: string, sessionKey: string) => t.env.services.assistant.ask({ unitCode: '00004', question, channel: 'api', sessionKey });

  it('keeps one conversation for a first message and what follows it, with its memory', async () => {
    const first = await ask('đăng ký tạm trú cần giấy tờ gì', 'mend45-memory');
    expect(first.procedures[0]?.code).toBe('1.004194');
    const fee = await ask('thế phí bao nhiêu?', 'mend45-memory');
    expect([fee.decision, fee.procedures[0]?.code]).toEqual(['answer', '1.004194']);
    const rows = await t.env.services.database.db.selectFrom('assistant_conversations').selectAll().where('unit_code', '=', '00004').execute();
    expect(rows.filter((r) => r.memory.includes('1.004194'))).toHaveLength(1);
  });

  it('returns the row inserted, and nothing when another first message inserted it first', async () => {
    const db = t.env.services.database.db;
    const row = { id: 'conv-mend45', unit_code: '00004', channel: 'api', external_id: 'mend45-race', memory: '{}', message_count: 0, created_at: '2026-12-07T02:00:00.000Z', updated_at: '2026-12-07T02:00:00.000Z' };
    expect(await repo.insertConversation(db, row)).toEqual(row);
    expect(await repo.insertConversation(db, { ...row, id: 'conv-mend45-2' })).toBeUndefined();
    expect((await repo.findConversation(db, 'api', 'mend45-race'))?.id).toBe('conv-mend45');
  });
});
