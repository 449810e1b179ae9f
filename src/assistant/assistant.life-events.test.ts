import { describe, expect, it } from 'vitest';
import { fold, syllables } from '../shared/vietnamese';
import { eachEngine } from '../shared/suite.testing';
import { readIntents } from './assistant.intent';
import { askingWard } from './assistant.testing';

/**
 * Pass 16 (facts): the fact asked in more of citizens' words, and the civil-status and residence
 * procedures told as what happened in the family — a death, a baby, a wedding, a rented room
 * about to run out — or in chat abbreviations.
 */
describe('the fact asked in more citizens’ words (pass 16)', () => {
  const read = (q: string) => readIntents(syllables(fold(q)));
  const left = (q: string) => {
    const r = read(q);
    return syllables(fold(q))
      .filter((_, i) => !r.consumed.has(i))
      .join(' ');
  };

  it('reads the place asked with "ghé", and a choice of two offices with "bên", "phải lên tới" between', () => {
    expect(read('công chứng bản photo hộ khẩu thì ghé đâu').aspects).toEqual(['place']);
    expect(read('xin trích lục kết hôn ở phường hay phải lên tới huyện').aspects).toEqual(['place']);
    expect(read('tách hộ làm bên ủy ban hay bên công an').aspects).toEqual(['place']);
    // "đầu" folds as "đâu": "vào đầu năm" asks no place.
    expect(read('cưới vào đầu năm sau').aspects).toEqual([]);
  });

  it('reads the fee asked as a price per page or per copy, and "còn tiền thì sao" after another fact', () => {
    expect(read('sao y học bạ mỗi trang giá mấy').aspects).toEqual(['fee']);
    expect(read('photo công chứng một bản nhiêu tiền').aspects).toEqual(['fee']);
    expect(read('vậy còn tiền thì sao em').aspects).toEqual(['fee']);
    expect(left('vậy còn tiền thì sao em')).not.toContain('tien');
  });

  it('reads the papers asked with the central "chi", the papers named first, and "mang gì theo"', () => {
    expect(read('làm tạm vắng thì đem theo chi').aspects).toEqual(['papers']);
    expect(read('xin xác nhận cư trú cần giấy chi').aspects).toEqual(['papers']);
    expect(read('hồ sơ phải chuẩn bị sẵn cho việc nhận con nuôi').aspects).toEqual(['papers']);
    expect(read('ủa thế phải mang gì theo').aspects).toEqual(['papers']);
    // "chi" is also "chi phí" and "chị": not the papers there.
    expect(read('chi phí làm căn cước').aspects).toEqual(['fee']);
    expect(read('nhờ chị tư vấn giùm').aspects).toEqual([]);
  });

  it('reads "khai xong bao lâu có" as the time asked, not "khai" as a procedure’s word', () => {
    expect(read('gửi xong mấy ngày thì có').aspects).toEqual(['time']);
    expect(left('ờ mà khai xong bao lâu thì có kết quả')).not.toContain('khai');
  });
});

eachEngine('assistant: life events told instead of a procedure’s name, and the fact stated (pass 16)', { at: '2026-12-06T21:00:00Z' }, (t) => {
  const { ask, expectAnswer } = askingWard(t, 'le');
  /** A message in the conversation `key`. */
  const say = (question: string, key: string) => t.env.services.assistant.ask({ unitCode: '00004', question, channel: 'api', sessionKey: key });

  it('reads a relative who just died, and a paper or office asked, as the death’s registration', async () => {
    await expectAnswer([
      ['ông nội tụi em vừa mất đêm qua, làm giấy tờ cho ông thì cần những gì', '1.000656'],
      ['bố vợ tôi qua đời hôm thứ hai, gia đình đi đăng ký ở đâu', '1.000656'],
    ]);
    // What follows a death is its own procedure: the estate shared, a lost card.
    await expectAnswer([['bố mẹ mất rồi để lại mảnh đất, ba anh em muốn chia nhau làm giấy tờ ở phường', '2.001406']]);
    const card = await ask('em mới mất căn cước hôm qua, làm giấy tờ xin lại ở đâu');
    expect(card.procedures[0]?.code).toBe('1.014064');
  });

  it('reads a baby just come into the family as the birth’s registration', async () => {
    await expectAnswer([
      ['nhà tôi vừa có thêm em bé gái, giờ đi làm giấy tờ cho cháu thế nào', '1.001193'],
      ['bé sinh được mười ngày, làm giấy cho bé cần mang gì', '1.001193'],
    ]);
  });

  it('reads a couple about to wed as the marriage’s registration, unless a single-status paper is asked', async () => {
    await expectAnswer([
      ['hai đứa muốn thành vợ chồng thì ra xã đăng ký cần mang gì', '1.000894'],
      ['sắp rước dâu rồi, đăng ký ở phường cần mang gì', '1.000894'],
      ['sắp rước dâu nên cần giấy xác nhận tình trạng hôn nhân, xin ở đâu', '1.004873'],
    ]);
  });

  it('reads a rented room about to run out, to be stayed in longer, as the extension of the temporary residence', async () => {
    await expectAnswer([['phòng trọ của em khai với công an sắp hết hạn, muốn ở thêm nửa năm thì làm sao', '1.002755']]);
  });

  it('expands the chat abbreviations of civil-status papers (KS, TTHN) and reads "báo vắng", "hủy tạm trú", "rớt thẻ"', async () => {
    await expectAnswer([
      ['làm KS cho bé cần giấy gì', '1.001193'],
      ['giấy xác nhận TTHN mất mấy ngày', '1.004873'],
      ['đi xa nửa năm phải báo vắng ở công an không', '1.003677'],
      ['chuyển nhà rồi muốn hủy tạm trú ở chỗ cũ', '1.010028'],
      ['làm rớt thẻ trên xe buýt, xin lại thế nào', '1.014064'],
    ]);
  });

  it('states the place when asked which of two offices, and the fee asked per copy or after another fact', async () => {
    const death = await ask('bà ngoại mất, báo tử thì ở phường hay phải lên tới quận');
    expect([death.decision, death.procedures[0]?.code]).toEqual(['answer', '1.000656']);
    expect(death.answer).toMatch(/^Nơi nộp: .*phường Ba Đình/m);
    const copy = await ask('sao y bằng cấp ở đâu, mỗi bản giá mấy');
    expect(copy.answer).toMatch(/^Nơi nộp: /m);
    expect(copy.answer).toMatch(/^Phí, lệ phí: .*2\.000 đồng/m);
    await say('mẹ tôi muốn lập di chúc', 'le-will');
    await say('chứng thực di chúc mất mấy ngày', 'le-will');
    const fee = await say('dạ cảm ơn, còn tiền thì sao', 'le-will');
    expect([fee.decision, fee.procedures[0]?.code]).toEqual(['answer', '2.001019']);
    expect(fee.answer).toMatch(/^Phí, lệ phí: /m);
  });

  it('keeps a follow-up on the conversation’s procedure when it only says the act done ("khai xong") or who asks ("tụi em")', async () => {
    await say('tạm trú cho người thuê trọ cần giấy gì', 'le-stay');
    const time = await say('ok vậy khai xong mấy ngày có kết quả', 'le-stay');
    expect([time.decision, time.procedures[0]?.code]).toEqual(['answer', '1.004194']);
    expect(time.answer).toMatch(/^Thời hạn giải quyết: /m);
    await say('kết hôn cần giấy tờ gì', 'le-wed');
    const place = await say('dạ rồi tụi em nộp ở chỗ nào ạ', 'le-wed');
    expect([place.decision, place.procedures[0]?.code]).toEqual(['answer', '1.000894']);
    expect(place.answer).toMatch(/^Nơi nộp: /m);
  });

  it('answers a fact asked right after one procedure was offered ("Ý bạn là …?") and not refused', async () => {
    const offer = await say('em đi làm xa nửa năm có phải khai báo gì không', 'le-offer');
    expect([offer.decision, offer.procedures.map((p) => p.code)]).toEqual(['clarify', ['1.003677']]);
    const papers = await say('vậy mang theo những gì', 'le-offer');
    expect([papers.decision, papers.procedures[0]?.code]).toEqual(['answer', '1.003677']);
    expect(papers.answer).toMatch(/^Hồ sơ cần chuẩn bị:/m);
  });

  it('reads a married child moving out to a household of their own as the split, and a birth forgotten by the parents of a grown person with papers', async () => {
    await expectAnswer([
      ['con gái tôi lấy chồng, hai vợ chồng nó muốn ra riêng, làm giấy tờ gì', '1.010038'],
      ['tôi 35 tuổi có căn cước, hồi đó ba mẹ quên làm khai sanh cho tôi, giờ làm ở đâu', '1.004772'],
    ]);
  });
});
