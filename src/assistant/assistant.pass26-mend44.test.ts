import { describe, expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import { fold, syllables } from '../shared/vietnamese';
import { WORK_COUNTRIES } from './assistant.countries';
import { readIntents } from './assistant.intent';
import { officesAsked } from './assistant.other-offices';

/**
 * Stop 44 (mend44): the mends that kept every answer — work abroad's countries read from the
 * countries table, the two health-insurance rate patterns made one, the administrative words moved
 * out of intent.ts. What a citizen asking them sees must stay what it was.
 */

const intents = (q: string) => readIntents(syllables(fold(q)));
const ABROAD = 'đi làm việc ở nước ngoài theo hợp đồng';
const abroadAsked = (q: string) => officesAsked(q).asked.some((o) => o.topic.startsWith(ABROAD));

describe('stop 44: the words moved keep their readings', () => {
  it('reads going to work in each country the work-abroad list named, from the table', () => {
    expect(WORK_COUNTRIES).toEqual(['nuoc ngoai', 'nhat', 'nhat ban', 'han', 'han quoc', 'dai loan', 'uc', 'duc']);
    for (const c of ['Nhật', 'Nhật Bản', 'Hàn', 'Hàn Quốc', 'Đài Loan', 'Úc', 'Đức', 'nước ngoài']) {
      expect(abroadAsked(`đi lao động ${c} thì đăng ký ở đâu`), c).toBe(true);
      expect(abroadAsked(`con tôi đi lao động ở ${c}, nộp hồ sơ chỗ nào`), c).toBe(true);
    }
    // The list never had the other countries told (assistant.countries.ts, `work`).
    expect(abroadAsked('đi lao động Trung Quốc')).toBe(false);
  });

  it('reads what health insurance pays at another hospital as everyday life, both ways it is asked, and not the refund', () => {
    expect(intents('bhyt trái tuyến được hưởng bao nhiêu phần trăm').offTopic).toBe(true);
    expect(intents('bảo hiểm y tế đi khám ở tỉnh hưởng đủ không').offTopic).toBe(true);
    // The level named, then "được hưởng" and an amount (the second pattern's own way).
    expect(intents('khám đúng tuyến được hưởng mấy phần').offTopic).toBe(true);
    expect(intents('khám ở bệnh viện tuyến trên có được hưởng hết không').offTopic).toBe(true);
    expect(intents('đi khám ở bệnh viện tư không đúng tuyến phải tự trả tiền, giờ muốn bảo hiểm y tế thanh toán lại').offTopic).toBe(false);
  });

  it('keeps a story’s doctor and a loan’s purpose with a paper of the ward’s, and the ward’s papers named alone administrative', () => {
    expect(intents('bác sĩ đã ký giấy báo tử cho ông').offTopic).toBe(false);
    expect(intents('ngân hàng bắt nộp giấy xác nhận độc thân mới duyệt vay trả góp').offTopic).toBe(false);
    expect(intents('mua iphone trả góp cần giấy tờ gì').offTopic).toBe(true);
    const card = intents('mất căn cước trên xe buýt');
    expect([card.offTopic, card.inDomain]).toEqual([true, true]);
  });
});

eachEngine('stop 44: answers unchanged by the mends', { at: '2026-11-30T02:00:00Z' }, (t) => {
  let n = 0;
  const ask = (question: string) => t.env.services.assistant.ask({ unitCode: '00004', question, channel: 'api', sessionKey: `mend44-${n++}` });

  it('declines what health insurance pays at another hospital, and hands over going to work in Germany or Taiwan to who does it', async () => {
    for (const q of ['bhyt trái tuyến được hưởng bao nhiêu phần trăm', 'khám ở bệnh viện đúng tuyến thì được hưởng mấy phần']) {
      const r = await ask(q);
      expect([r.decision, r.procedures], q).toEqual(['decline', []]);
    }
    for (const q of ['đi lao động Đài Loan thì đăng ký ở đâu', 'con tôi muốn đi lao động ở Đức, đăng ký chỗ nào']) {
      const r = await ask(q);
      expect(r.procedures, q).toEqual([]);
      expect(r.lines.join('\n'), q).toContain('Trung tâm Lao động ngoài nước');
    }
  });
});
