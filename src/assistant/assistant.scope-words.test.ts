import { beforeAll, describe, expect, it } from 'vitest';
import type { Retriever } from './assistant.retrieval';
import { decisionOf, demoRetriever } from './assistant.testing';

/**
 * Another agency's topic kept apart from the ward's records that share only its generic words
 * (issue 15, pass 17): a topic word typed without marks whose half is a function word ("chung chi":
 * chứng chỉ, "moi gioi": môi giới), and acts that say nothing of which thing is asked ("xin phép",
 * "lần đầu") — the ward's building permit, identity card or land registration are not
 * answered for a licence, a passport or a mine the question names.
 */
describe('another agency’s topic beside the ward’s generic words (issue 15, pass 17)', () => {
  let r: Retriever;
  beforeAll(() => {
    r = demoRetriever();
  });
  const decided = decisionOf(() => r);

  it('reads an unmarked topic word whose half is a function word as that word', () => {
    // "chi" alone is a central "gì", "moi" a "mới": here they are halves of a practising licence
    // and a broker, topics none of the ward's records has — nothing of the ward's is answered.
    expect(decided('chung chi hanh nghe duoc').decision).not.toBe('answer');
    expect(decided('toi can chung chi moi gioi de ban nha dat').decision).not.toBe('answer');
    // The ward's own words typed the same way keep their answer.
    expect(decided('chung thuc ban sao bang tot nghiep dai hoc')).toMatchObject({ decision: expect.stringMatching(/^(answer|clarify)$/), first: '2.000815' });
    expect(decided('bi mat can cuoc xin lam lai')).toMatchObject({ decision: expect.stringMatching(/^(answer|clarify)$/), first: '1.014064' });
  });

  it('does not answer the building permit for another licence the question names', () => {
    for (const q of ['hợp tác xã muốn xin phép thăm dò quặng sắt trên núi', 'công ty bọn mình định xin phép mở trung tâm trọng tài']) {
      const d = decided(q);
      expect(['answer', 'clarify'].includes(d.decision) && d.first === '1.013225').toBe(false);
    }
    // Building is still the building permit.
    expect(decided('xin phép xây nhà hai tầng trên đất ở của mình')).toMatchObject({ decision: 'answer', first: '1.013225' });
  });

  it('does not answer the identity card or the land registration for a passport asked the first time', () => {
    for (const q of ['làm hộ chiếu lần đầu cho vợ đi Hàn thăm thân', 'lam ho chieu lan dau cho ba me di Han', 'cần làm hộ chiếu lần đầu cho bé gái 6 tuổi']) {
      const d = decided(q);
      expect(['answer', 'clarify'].includes(d.decision) && ['1.014061', '1.014062', '1.013978'].includes(d.first ?? '')).toBe(false);
    }
    expect(decided('làm căn cước lần đầu cho con gái tròn 14 tuổi')).toMatchObject({ decision: 'answer', first: '1.014061' });
  });
});
