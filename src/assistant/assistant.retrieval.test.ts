import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { procedureSchema } from '../catalog/catalog.types';
import { demoProcedures } from '../demo/demo.seed';
import { confidence, decide } from './assistant.decide';
import type { IndexDoc } from './assistant.docs';
import type { Candidate, QueryPlan } from './assistant.retrieval';
import { agesAsked, agesOfName, gradeOfStoreys, gradesOfName } from './assistant.ranges';
import { procedureDoc, spellOut } from './assistant.docs';
import { copyKey, Retriever } from './assistant.retrieval';
import { matchSituations } from './assistant.situations';
import { BUILTIN_SYNONYMS, SynonymTable } from './assistant.synonyms';
import { fold, syllables } from '../shared/vietnamese';
import { situationExpansions } from './assistant.testing';
import type { CatalogService } from '../catalog';

/** Retrieval over the demo catalogue, without a database: the kinds of questions citizens ask. */
describe('retrieval over the demo catalogue', () => {
  let r: Retriever;
  beforeAll(() => {
    const procedures = demoProcedures({ parseProcedure: (x: unknown) => procedureSchema.parse(x) } as unknown as CatalogService);
    r = new Retriever(
      procedures.map((p) => procedureDoc(p, { commune: true })),
      new SynonymTable(BUILTIN_SYNONYMS),
    );
  });
  const top = (q: string) => r.search(q, { limit: 3 }).candidates[0]?.id;
  /** A tuning file of src/assistant/eval/tuning/, one question a line. */
  const tuningSet = (name: string) =>
    fs
      .readFileSync(new URL(`./eval/tuning/${name}`, import.meta.url), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { q: string; expect: string[]; only?: string });
  /** The assistant's decision on a question (declined when it has no word the catalogue knows). */
  const decided = (q: string) => {
    const s = r.search(q, { limit: 8 });
    return s.plan.contentCount ? decide(s.candidates, s.plan) : { decision: 'decline', picks: [] as { id: string }[] };
  };
  /** Answered, or offered as the first choice, with one of the expected procedures. */
  const firstRight = (q: { q: string; expect: string[] }) => {
    const d = decided(q.q);
    return (d.decision === 'answer' || d.decision === 'clarify') && q.expect.includes(d.picks[0]?.id ?? '');
  };

  it.each([
    // colloquial names
    ['muốn lấy vợ thì đăng ký ở đâu', '1.000894'],
    ['xin giấy độc thân', '1.004873'],
    ['làm sổ hồng lần đầu', '1.013978'],
    ['sao y sổ đỏ', '2.000815'],
    ['nhập khẩu cho con vào nhà ông bà', '1.004222'],
    ['ông mất rồi làm giấy báo tử', '1.000656'],
    // abbreviations
    ['đổi CCCD do sáp nhập tỉnh', '1.014063'],
    ['mất CMND làm lại', '1.014064'],
    ['làm GKS cho con', '1.001193'],
    ['cấp lại sổ QSDĐ lần đầu', '1.013978'],
    ['đăng ký ĐKKD hộ gia đình', '1.001612'],
    ['làm thẻ BHYT kèm khai sinh cho bé', '2.001023'],
    // no diacritics
    ['dang ky tam tru cho sinh vien thue tro', '1.004194'],
    ['chung thuc hop dong chuyen nhuong dat', '2.001035'],
    // typos on longer syllables, regional spellings
    ['khai sihn cho con', '1.001193'],
    ['dang ky thuongg tru', '1.004222'],
    ['dang ky tam chu', '1.004194'],
    // Telex and VNI leftovers
    ['ddawng kys khai tuwr', '1.000656'],
    ['chuwngs thwcj di chucs', '2.001019'],
    ['d9a8ng ky1 ke61t ho6n', '1.000894'],
  ])('%s → %s', (q, code) => {
    expect(top(q)).toBe(code);
  });

  it('reads syllables typed without marks as the words the catalogue has', () => {
    // "doi ho chieu" is "đổi | hộ chiếu", not "đổi họ | chiều" (a keyword of the civil-status change).
    expect(r.search('doi ho chieu moi thi lam o dau').plan.content).toEqual(['doi', 'ho+chieu']);
    // "thế chấp" is a word, not the "thế" of "thế còn…" nor "tranh chấp đất".
    expect(r.search('the chap dat lam o xa hay len huyen').plan.content).toEqual(['the+chap', 'dat']);
    expect(r.search('thế chấp quyền sử dụng đất').plan.content[0]).toBe('the+chap');
    expect(r.search('thế còn kết hôn').plan.content).toEqual(['ket+hon']);
  });

  it('finds the registration of a mortgage from the citizen’s word for it', () => {
    const procedures = demoProcedures({ parseProcedure: (x: unknown) => procedureSchema.parse(x) } as unknown as CatalogService);
    const security = { id: '1.011441', kind: 'procedure' as const, name: 'Đăng ký biện pháp bảo đảm bằng quyền sử dụng đất, tài sản gắn liền với đất', prior: 1, fields: [{ text: 'Đăng ký biện pháp bảo đảm bằng quyền sử dụng đất, tài sản gắn liền với đất', weight: 3, strong: true }] };
    const withIt = new Retriever([...procedures.map((p) => procedureDoc(p, { commune: true })), security], new SynonymTable(BUILTIN_SYNONYMS));
    for (const q of ['thế chấp quyền sử dụng đất vay vốn thì đăng ký ở đâu', 'the chap dat lam o xa hay len huyen']) {
      expect(withIt.search(q, { limit: 1 }).candidates[0]?.id, q).toBe('1.011441');
    }
    // Certifying the mortgage contract is still the certification.
    expect(withIt.search('chứng thực hợp đồng thế chấp nhà', { limit: 1 }).candidates[0]?.id).toBe('2.001035');
  });

  it('does not answer with a record whose leading act the question does not say', () => {
    const procedures = demoProcedures({ parseProcedure: (x: unknown) => procedureSchema.parse(x) } as unknown as CatalogService);
    const doc = (id: string, name: string, here: boolean) => ({ id, kind: 'procedure' as const, name, prior: 1, here, fields: [{ text: name, weight: 3, strong: true }] });
    const lost = doc('1.010386', 'Trình báo mất hộ chiếu phổ thông (thực hiện tại cấp xã)', true);
    const issue = doc('2.002118', 'Cấp hộ chiếu phổ thông ở trong nước (thực hiện tại cấp tỉnh)', false);
    const withThem = new Retriever([...procedures.map((p) => procedureDoc(p, { commune: true })), lost, issue], new SynonymTable(BUILTIN_SYNONYMS));
    const first = (q: string) => withThem.search(q, { limit: 3 }).candidates[0]!;
    // Renewing a passport is the province's issue, not the ward's report of a lost one …
    for (const q of ['doi ho chieu moi het bao nhieu tien', 'làm hộ chiếu ở đâu']) {
      expect(first(q).id, q).toBe('2.002118');
      const found = withThem.search(q, { limit: 5 });
      expect(decide(found.candidates, found.plan).decision, q).toBe('elsewhere');
    }
    // … and a citizen who lost one still gets the report, with or without marks.
    for (const q of ['mất hộ chiếu thì trình báo ở đâu', 'bi mat ho chieu lam sao']) expect(first(q).id, q).toBe('1.010386');
  });

  it('reads what happened to a card, a permit or a certificate as the procedure for it', () => {
    const procedures = demoProcedures({ parseProcedure: (x: unknown) => procedureSchema.parse(x) } as unknown as CatalogService);
    const doc = (id: string, name: string, here: boolean) => ({ id, kind: 'procedure' as const, name, prior: 1, here, fields: [{ text: spellOut(name), weight: 3, strong: true }] });
    const national = [
      doc('1.010386', 'Trình báo mất hộ chiếu phổ thông (thực hiện tại cấp xã)', true),
      doc('2.002118', 'Cấp hộ chiếu phổ thông ở trong nước (thực hiện tại cấp tỉnh)', false),
      doc('1.012796', 'Đính chính Giấy chứng nhận đã cấp lần đầu có sai sót', true),
      doc('1.002759', 'Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH, thẻ BHYT', true),
      doc('1.001939', 'Đăng ký đóng, cấp thẻ BHYT đối với người chỉ tham gia BHYT', true),
      doc('1.013227', 'Gia hạn giấy phép xây dựng đối với công trình cấp III, cấp IV và nhà ở riêng lẻ', true),
    ];
    const withThem = new Retriever([...procedures.map((p) => procedureDoc(p, { commune: true })), ...national], new SynonymTable(BUILTIN_SYNONYMS));
    const decidedOn = (q: string) => {
      const s = withThem.search(q, { limit: 8 });
      return decide(s.candidates, s.plan);
    };
    // A passport running out or torn is a new one from the province, not the residence extension.
    for (const q of ['hộ chiếu sắp hết hạn phải làm gì', 'ho chieu bi rach bia lam lai o dau']) {
      const d = decidedOn(q);
      expect([d.decision, d.picks[0]?.id], q).toEqual(['elsewhere', '2.002118']);
    }
    const first = (q: string) => decidedOn(q).picks[0]?.id;
    // A wrong land certificate is corrected as such; a wrong birth certificate is the civil-status change.
    expect(first('bìa đỏ ghi sai tên bố tôi, xin sửa lại')).toBe('1.012796');
    expect(first('so hong ghi sai dien tich xin dinh chinh')).toBe('1.012796');
    expect(first('đính chính sổ đỏ')).toBe('1.012796');
    // "mất mấy ngày" asks how long, not about a lost certificate.
    expect(first('đính chính sổ đỏ bị ghi sai diện tích mất mấy ngày')).toBe('1.012796');
    expect(first('sửa tên trong giấy khai sinh vì bị viết sai dấu')).toBe('1.004859');
    // A health-insurance card torn or lost is reissued; buying one is the enrolment.
    expect(first('the bhyt bi rach muon doi the moi')).toBe('1.002759');
    expect(first('mất thẻ bảo hiểm y tế của mẹ, xin cấp lại')).toBe('1.002759');
    expect(first('mua bảo hiểm y tế hộ gia đình')).toBe('1.001939');
    // A building permit run out before the house is finished is extended.
    expect(first('giấy phép xây dựng hết hạn mà nhà chưa xây xong')).toBe('1.013227');
    // The identity card: dropped is a reissue, expired an exchange, whatever words stand between.
    expect(first('đánh rơi thẻ căn cước ngoài chợ')).toBe('1.014064');
    expect(first('căn cước công dân gắn chip hết hạn khi đủ 40 tuổi')).toBe('1.014063');
    // Failed mediation of a land dispute goes to the chairman's decision.
    expect(first('tranh chấp ranh giới đất với nhà bên cạnh hòa giải không thành')).toBe('1.013967');
  });

  it('ranks the record with the same accents first when the question has them', () => {
    // "hộ" (household) and "hồ" (as in hồ sơ) fold alike; the accented question picks the household.
    const a = r.search('tách hộ', { limit: 3 }).candidates;
    expect(a[0]!.id).toBe('1.010038');
    const withMarks = r.search('gia hạn tạm trú', { limit: 1 }).candidates[0]!;
    const without = r.search('gia han tam tru', { limit: 1 }).candidates[0]!;
    expect(withMarks.id).toBe(without.id);
    expect(withMarks.score).toBeGreaterThan(without.score);
  });

  it('covers a question less when a syllable typed with marks only matches other marks', () => {
    const exact = r.search('đăng ký kết hôn', { limit: 1 }).candidates[0]!;
    const other = r.search('đăng kỳ kết hồn', { limit: 1 }).candidates[0]!;
    expect(other.id).toBe(exact.id);
    expect(other.coverage).toBeLessThan(exact.coverage);
  });

  it('does not correct short syllables on their own, nor real words it does not know', () => {
    const plan = r.read('con mèo bị ốm');
    expect(plan.content).toEqual(['meo', 'om']);
  });

  it('reads "bị" as the passive of the story, not as the first half of a word', () => {
    // "bị ghi" is in one rare national name; the question is about what was written wrong.
    expect(r.read('sổ đỏ bị ghi sai tên vợ').content).not.toContain('bi+ghi');
    expect(r.read('so do bi ghi sai ten vo').content).not.toContain('bi+ghi');
    expect(r.read('can cuoc bi gay lam doi').content).not.toContain('bi+gai');
  });

  it('counts a phrase of function words that says an act ("thôi không cần") as that act', () => {
    const s = r.search('cháu tôi đủ 18 tuổi rồi, thôi không cần người giám hộ nữa thì làm giấy gì', { limit: 8 });
    const d = decide(s.candidates, s.plan);
    expect(d.picks[0]?.id).toBe('1.004845');
  });

  it('weighs a family word of the story ("con gái", "bác ruột", "cháu nội") little', () => {
    for (const [q, code] of [
      ['đứa cháu bị thiểu năng, bố mẹ mất rồi, tôi là bác ruột muốn đứng ra giám hộ', '1.004837'],
      ['con gái tôi lấy chồng, giờ cần giấy xác nhận độc thân', '1.004873'],
    ]) {
      const s = r.search(q!, { limit: 8 });
      const d = decide(s.candidates, s.plan);
      expect(d.decision, q).toBe('answer');
      expect(d.picks[0]?.id, q).toBe(code);
    }
  });

  it('answers a clear question and offers choices for an ambiguous one', () => {
    const clear = r.search('đăng ký khai tử cho bố', { limit: 8 });
    expect(decide(clear.candidates, clear.plan).decision).toBe('answer');
    const vague = r.search('hộ nghèo', { limit: 8 });
    const d = decide(vague.candidates, vague.plan);
    expect(d.decision).toBe('clarify');
    expect(d.picks.map((c) => c.id).sort()).toEqual(['1.011607', '1.011608']);
  });

  it('declines what is not about procedures, with or without marks', () => {
    for (const q of ['dự báo thời tiết tuần này', 'gia vang hom nay', 'kết quả bóng đá tối qua', 'đặt vé máy bay đi Phú Quốc', 'con mèo bị ốm phải làm sao']) {
      const s = r.search(q, { limit: 8 });
      expect(['decline', 'handoff'], q).toContain(decide(s.candidates, s.plan).decision);
    }
  });

  it('does not answer a question about a topic no procedure here has with one that only shares its generic words', () => {
    // "lái xe", "trợ giúp pháp lý", "tàu cá", "doanh nghiệp": no name of the demo catalogue has
    // them; "đổi", "giấy phép", "yêu cầu", "chứng nhận" are in hundreds of national names.
    for (const q of ['đổi giấy phép lái xe', 'yêu cầu trợ giúp pháp lý', 'cấp giấy chứng nhận đăng ký tàu cá', 'đăng ký thành lập doanh nghiệp tư nhân']) {
      const s = r.search(q, { limit: 8 });
      expect(['decline', 'handoff'], q).toContain(decide(s.candidates, s.plan).decision);
    }
    // Such a word in the story does not hide the procedure the question names by its own topic.
    for (const [q, code] of [
      ['không buôn bán nữa, xin chấm dứt hộ kinh doanh', '1.001266'],
      ['chung thuc ban sao bang lai xe', '2.000815'],
    ]) {
      const s = r.search(q!, { limit: 8 });
      const d = decide(s.candidates, s.plan);
      expect(d.decision, q).toBe('answer');
      expect(d.picks[0]?.id, q).toBe(code);
    }
  });

  /** The procedure answered or offered first (none when handed over or declined). */
  const firstPick = (q: string) => {
    const d = decided(q);
    return d.decision === 'answer' || d.decision === 'clarify' ? d.picks[0]?.id : undefined;
  };

  it('reads the whole of a short name said with its words apart as the procedure asked', () => {
    // "tách … hộ": both words of "Tách hộ", not side by side; before, without a two-syllable word of
    // the question in the name, the confidence was lowered and the question declined.
    for (const q of ['ra ở riêng muốn có hộ riêng, tách khỏi hộ bố mẹ', 'con trai cả lấy vợ rồi, muốn tách khỏi hộ bố mẹ thành hộ riêng cùng địa chỉ']) {
      expect(firstPick(q), q).toBe('1.010038');
    }
  });

  it('reads chat shorthand for a business ("hộ kd") as its words', () => {
    expect(firstPick('nghỉ bán luôn rồi, xin chấm dứt hộ kd')).toBe('1.001266');
  });

  it('reads a paper the question names (căn cước) as an administrative question beside everyday words', () => {
    // "xe buýt", "du lịch" are everyday life; the card lost is what is asked.
    for (const q of ['bị móc túi mất căn cước trên xe buýt', 'đánh mất căn cước khi đi du lịch']) expect(firstPick(q), q).toBe('1.014064');
  });

  it('reads the paper named in a request for a copy as what is copied, not another agency’s topic', () => {
    // "lái xe" is no topic of the demo catalogue; before, the certified copy was kept back as missing it.
    for (const q of ['mang bằng lái xe đi sao y bản chính', 'sao y giấy phép lái xe để nộp hồ sơ xin việc']) expect(firstPick(q), q).toBe('2.000815');
    // Without a copy asked, the driving licence is still someone else's.
    expect(firstPick('đổi giấy phép lái xe')).toBeUndefined();
  });

  it('reads a reason said after the request ("vì …") as the story, not as what is asked', () => {
    // The card is exchanged because the birth record changed: the exchange first, not the change.
    for (const q of ['đổi căn cước vì đã sửa tên trong giấy khai sinh', 'đổi căn cước vì đã đổi tên trong giấy khai sinh']) expect(firstPick(q), q).toBe('1.014063');
    // "vì sao" asks why, and a change of the birth record asked plainly is still that.
    expect(firstPick('sửa tên trong giấy khai sinh')).toBe('1.004859');
  });

  it('keeps back a registration done again when the question says neither "lại" nor what befell the paper', () => {
    expect(firstPick('giấy khai sinh gốc của tôi bị ướt nát hết chữ, xin bản sao ở đâu')).toBe('2.000635');
    // Said with what befell the register, it is still the re-registration.
    expect(firstPick('giấy khai sinh bị cháy, sổ gốc ở xã cũng không còn')).toBe('1.004884');
  });

  it('reads a paper proving where one lives ("giấy chứng minh nơi ở") as the residence confirmation', () => {
    expect(firstPick('không còn sổ hộ khẩu, xin giấy chứng minh nơi ở hiện tại')).toBe('1.010041');
  });

  it('reads a certified contract now changed as the change of a certified transaction', () => {
    for (const q of ['muốn sửa lại hợp đồng mua bán đã chứng thực ở xã', 'hợp đồng mua bán đất đã chứng thực, nay hai bên muốn bổ sung thêm điều khoản']) expect(firstPick(q), q).toBe('2.000913');
    // A contract to certify is still the certification.
    expect(firstPick('chứng thực hợp đồng mua bán đất')).toBe('2.001035');
  });

  it('reads a grown person who never had a birth certificate but has other papers as that registration', () => {
    for (const q of ['bà tôi 70 tuổi chưa bao giờ có giấy khai sinh, chỉ có căn cước', 'người lớn tuổi có sổ hộ khẩu, bằng lái nhưng chưa bao giờ có khai sinh']) expect(firstPick(q), q).toBe('1.004772');
    // A newborn's registration is still the plain one.
    expect(firstPick('đăng ký khai sinh cho con mới sinh')).toBe('1.001193');
  });

  it('reads a newborn’s papers, or a baby not registered yet, as the plain birth registration', () => {
    for (const q of [
      'vợ e mới đẻ ở trạm y tế xã, giờ làm giấy tờ cho cháu thế nào',
      'con em 1 thang tuoi chua lam khai sinh',
      'con tôi sinh ở bệnh viện tỉnh, giờ về phường làm khai sinh được không',
    ])
      expect(firstPick(q), q).toBe('1.001193');
    // The baby's birth said not registered yet ranks first whatever else the question asks.
    expect(top('con gai em duoc 1 thang tuoi chua lam khai sinh co bi phat khong')).toBe('1.001193');
    // A grown person's, and a baby's with the father named, are still their own procedures.
    expect(firstPick('người lớn chưa làm khai sinh')).toBe('1.004772');
    expect(firstPick('chưa cưới mà có bầu, sinh xong muốn khai sinh có luôn tên bố cháu')).toBe('1.000689');
  });

  it('reaches the targets on our own question file (retrieval and decision, no database)', () => {
    const qs = tuningSet('procedures.jsonl').filter((q) => q.only !== 'full');
    let inScope = 0;
    let top1 = 0;
    let oos = 0;
    let declined = 0;
    for (const q of qs) {
      const d = decided(q.q);
      if (q.expect.length) {
        inScope++;
        const first = d.decision === 'answer' || d.decision === 'clarify' ? d.picks[0]?.id : undefined;
        if (first && q.expect.includes(first)) top1++;
      } else {
        oos++;
        if (d.decision !== 'answer' && d.decision !== 'clarify') declined++;
      }
    }
    // A floor under today's figures on the tuning set, which holds the kinds that fail (top-1 94.7 %).
    expect(top1 / inScope).toBeGreaterThanOrEqual(0.94);
    expect(declined / oos).toBeGreaterThanOrEqual(0.91);
  });

  it('finds the procedure of situations told in citizens’ words (tuning set 3, no database)', () => {
    const qs = tuningSet('procedures-3.jsonl').filter((q) => q.only !== 'full');
    expect(qs.length).toBeGreaterThanOrEqual(100);
    const first = qs.filter(firstRight);
    // A floor under today's 95 % (it was 93 % before the passive "bị" and the story's family words).
    expect(first.length / qs.length).toBeGreaterThanOrEqual(0.94);
  });

  it('finds the procedure however citizens spell and name it (tuning set 4, no database)', () => {
    // No or wrong marks, Telex leftovers, dialect words, long stories, a paper named for the act,
    // abbreviations, one-word questions.
    const qs = tuningSet('procedures-4.jsonl').filter((q) => q.only !== 'full' && q.expect.length);
    expect(qs.length).toBeGreaterThanOrEqual(140);
    const first = qs.filter(firstRight);
    // A floor under today's 91.5 % (it was 82 % before the story words and the rule for long stories).
    expect(first.length / qs.length).toBeGreaterThanOrEqual(0.9);
  });

  it('finds the procedure and declines other agencies’ look-alikes on tuning set 5 (no database)', () => {
    // The known misses of the fifth pass: a child's surname from the mother, a passport or driving
    // licence about to expire, a foreigner's residence card, divorce and its property, the yen, loans.
    const qs = tuningSet('procedures-5.jsonl').filter((q) => q.only !== 'full');
    const near = qs.filter((q) => q.expect.length);
    const out = qs.filter((q) => !q.expect.length);
    expect(near.length).toBeGreaterThanOrEqual(80);
    const answered = out.filter((q) => ['answer', 'clarify'].includes(decided(q.q).decision));
    // Floors under today's figures (demo catalogue, no database): first 85 %, declined 92 %.
    expect(near.filter(firstRight).length / near.length).toBeGreaterThanOrEqual(0.83);
    expect(1 - answered.length / out.length).toBeGreaterThanOrEqual(0.9);
    for (const q of ['đổi họ con theo mẹ sau khi ly hôn', 'chuyển họ của bé sang họ ông ngoại']) expect(decided(q).picks[0]?.id, q).toBe('1.004859');
    for (const q of ['hộ chiếu sắp hết hạn phải làm gì', 'đổi bằng lái xe máy sắp hết hạn', 'gia hạn thẻ tạm trú cho người nước ngoài làm việc ở công ty', 'ly hôn chia tài sản chung thế nào', 'đổi tiền yên sang tiền việt ở đâu', 'vay 100 triệu lãi bao nhiêu một tháng']) {
      expect(['answer', 'clarify'], q).not.toContain(decided(q).decision);
    }
    // What still is the ward's beside those words.
    expect(decided('gia hạn tạm trú').picks[0]?.id).toBe('1.002755');
    expect(decided('xin giấy phép xây nhà 4 tầng trong hẻm').picks[0]?.id).toBe('1.013225');
  });

  it('reads a building’s storeys as its grade, and a national name’s abbreviations as words', () => {
    expect([1, 2, 7, 8, 24, 25, 51].map(gradeOfStoreys)).toEqual(['iv', 'iii', 'iii', 'ii', 'ii', 'i', 'dac biet']);
    expect(gradesOfName('Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV (…) và nhà ở riêng lẻ')).toEqual(['iii', 'iv', 'house']);
    expect(gradesOfName('Cấp giấy phép xây dựng mới công trình cấp đặc biệt, cấp I, cấp II (…)')).toEqual(['dac biet', 'i', 'ii']);
    expect(gradesOfName('Đăng ký thường trú')).toEqual([]);
    // An office tower of 15 storeys is no house: the ward's permit (grades III, IV) is not it.
    expect(decided('tòa nhà văn phòng 15 tầng xin phép xây dựng').decision).not.toBe('answer');
    expect(spellOut('Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH, thẻ BHYT')).toBe('Cấp lại, đổi, điều chỉnh thông tin trên sổ bảo hiểm xã hội, thẻ bảo hiểm y tế');
    expect(spellOut('Đăng ký khai sinh')).toBe('Đăng ký khai sinh');
  });

  it('reads the age a question says against the ages a name covers (issue 15, procedures-12)', () => {
    expect(agesOfName('Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên')).toEqual({ min: 14, max: Infinity });
    expect(agesOfName('Liên thông … cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi')).toEqual({ min: 0, max: 5 });
    expect(agesOfName('Đăng ký khai sinh')).toBeUndefined();
    const asked = (q: string) => agesAsked(syllables(fold(q)));
    expect(asked('con vừa tròn 14 tuổi')).toEqual([14]);
    expect(asked('bé dưới 14 tuoi')).toEqual([13]);
    expect(asked('bé nhà em được 20 ngày tuổi')).toEqual([0]);
    expect(asked('nhà 3 tầng')).toEqual([]);
    // Fourteen is "từ đủ 14 tuổi", not "dưới 14 tuổi"; ten is under fourteen.
    expect(top('làm căn cước cho con 14 tuổi')).toBe('1.014061');
    expect(top('làm căn cước cho bé 10 tuổi')).toBe('1.014062');
  });

  it('reads "đổi" said with the identity card as the card’s exchange, whatever the story (issue 15, procedures-12)', () => {
    const exchange = (q: string) => matchSituations(syllables(fold(q))).some((m) => m.expansion.join(' ') === 'cap doi the can cuoc');
    expect(exchange('đổi tên theo quyết định của ủy ban rồi, giờ đổi căn cước theo tên mới')).toBe(true);
    expect(exchange('chuyển hộ khẩu về nơi mới thì căn cước có cần đổi không')).toBe(true);
    // A face changed ("mặt" folds like "mất") is no lost card.
    expect(exchange('ảnh trên căn cước là từ hồi 14 tuổi, giờ mặt khác quá, đổi được không')).toBe(true);
    expect(top('ảnh trên căn cước là từ hồi 14 tuổi, giờ mặt khác quá, đổi được không')).toBe('1.014063');
    // "Chờ đợi" folds like "đổi"; a lost card is reissued. (A card snapped in two, "gãy đôi", is
    // exchanged too, by its own reading of a broken card: Identity Law 2023 art. 24.)
    for (const q of ['chờ đợi căn cước lâu quá', 'bị mất căn cước muốn làm lại'] as const) expect(exchange(q), q).toBe(false);
  });

  it('reads a detail shown wrong in VNeID as the population database’s correction (issue 15)', () => {
    expect(top('ứng dụng VNeID ghi sai ngày sinh của tôi so với giấy khai sinh, làm sao sửa')).toBe('1.012564');
    // The birth certificate's own error is still the civil status correction.
    expect(top('giấy khai sinh của tôi ghi sai ngày sinh, muốn sửa lại')).toBe('1.004859');
  });

  it('declines everyday life and other agencies’ procedures on our own out-of-scope file (no database)', () => {
    // Weather, football, loans, illnesses, a neighbour's noise, wedding gifts, a child's name,
    // cheap rooms, apps' accounts; driving licences, passports, visas, companies, notaries.
    const qs = tuningSet('out-of-scope.jsonl');
    expect(qs.length).toBeGreaterThanOrEqual(60);
    const answered = qs.filter((q) => ['answer', 'clarify'].includes(decided(q.q).decision));
    // A floor under today's 93–94 % (the misses: a football match, a foreigner's residence card,
    // a foreign couple adopting, a land certificate's reissue, an auctioneer's certificate).
    expect(1 - answered.length / qs.length).toBeGreaterThanOrEqual(0.9);
  });

  it('declines on our second out-of-scope file and still answers its near-misses (no database)', () => {
    // Banks, courts, schools, hospitals, prices, neighbours, nonsense; other agencies' procedures;
    // and in-scope questions that share their words ("sao y giấy phép lái xe", "để nộp thuế").
    const qs = tuningSet('out-of-scope-2.jsonl');
    const out = qs.filter((q) => !q.expect.length);
    const near = qs.filter((q) => q.expect.length && q.only !== 'full');
    expect(out.length).toBeGreaterThanOrEqual(120);
    const answered = out.filter((q) => ['answer', 'clarify'].includes(decided(q.q).decision));
    const first = near.filter((q) => q.expect.includes(decided(q.q).picks[0]?.id ?? ''));
    // Floors under today's figures (demo catalogue): declined 90–91 %, near-misses 83 % first.
    expect(1 - answered.length / out.length).toBeGreaterThanOrEqual(0.88);
    expect(first.length / near.length).toBeGreaterThanOrEqual(0.8);
  });

  it('declines on our third out-of-scope file and still answers its near-misses (no database)', () => {
    // Greetings with a real question ("chào ad, cho hỏi giá vàng"), land prices, car repairs,
    // school fees, hospital queues, loans, lotteries, divorce and inheritance advice; driving
    // licences, passports, tax codes, companies, land registration; and the ward's own look-alikes.
    const qs = tuningSet('out-of-scope-3.jsonl');
    const out = qs.filter((q) => !q.expect.length);
    const near = qs.filter((q) => q.expect.length && q.only !== 'full');
    expect(out.length).toBeGreaterThanOrEqual(100);
    const answered = out.filter((q) => ['answer', 'clarify'].includes(decided(q.q).decision));
    const first = near.filter((q) => q.expect.includes(decided(q.q).picks[0]?.id ?? ''));
    // Floors under today's figures (demo catalogue): declined 93 %, near-misses 90 % first.
    expect(1 - answered.length / out.length).toBeGreaterThanOrEqual(0.92);
    expect(first.length / near.length).toBeGreaterThanOrEqual(0.87);
  });

  it('gives a confidence between 0 and 1', () => {
    for (const c of r.search('đăng ký thường trú', { limit: 5 }).candidates) {
      expect(confidence(c)).toBeGreaterThanOrEqual(0);
      expect(confidence(c)).toBeLessThanOrEqual(1);
    }
  });
  it.each([
    // the holiday, the instalments, the repair shop are why: the procedure is named plainly
    ['đi du lịch Đà Lạt bị mất thẻ căn cước, xin cấp lại', '1.014064'],
    ['giấy xác nhận tình trạng hôn nhân để vay mua nhà trả góp', '1.004873'],
    // words the catalogue does not know (a place) lower the confidence below a suggestion's, but
    // the procedure stands far ahead of every other
    ['nghỉ lễ đi du lịch Sa Pa làm mất căn cước, về xin cấp lại', '1.014064'],
  ])('answers a procedure named plainly beside words of everyday life: %s', (q, code) => {
    const d = decided(q);
    expect([d.decision, d.picks[0]?.id]).toEqual(['answer', code]);
  });

  it.each([
    // the catalogue's word is inside the everyday phrase itself ("chuyện cười", "bán xe … được giá")
    'kể chuyện cười đi',
    'bán xe cũ chỗ nào được giá',
  ])('still declines everyday life that only sounds like a procedure: %s', (q) => {
    expect(decided(q).decision).toBe('decline');
  });

  it.each([
    // the story in the first clause, the request with its procedure's word in the last
    ['tôi đi làm ở Bình Dương nửa năm, có phải khai báo tạm vắng với công an phường không', '1.003677'],
    ['chào cán bộ, cho em hỏi với ạ, em muốn đăng ký kết hôn thì mang gì ạ', '1.000894'],
  ])('weighs the clause that asks above the story around it: %s', (q, code) => {
    const d = decided(q);
    expect([d.decision, d.picks[0]?.id]).toEqual(['answer', code]);
  });
  it('reads a synonym’s catalogue phrase by its written words: a visa is no “chứng thực” (issue 15, procedures-11)', () => {
    // Folded, "thị" of "thị thực" is the function word "thì": the phrase was left as "thực", which
    // every "chứng thực" has, and a foreigner's visa was answered as a certified copy.
    expect(new SynonymTable(BUILTIN_SYNONYMS).match(['visa'])[0]?.content).toEqual(['thi', 'thuc']);
    for (const q of ['người nước ngoài xin gia hạn visa ở việt nam làm ở đâu', 'xin visa điện tử cho khách nước ngoài sang làm việc']) {
      const d = decided(q);
      expect(['answer', 'clarify'].includes(d.decision) && d.picks.some((p) => p.id === '2.000815'), q).toBe(false);
    }
  });
  it('reads a word no record here has, standing for another agency’s topic, as that topic: a visa is immigration’s (issue 15, out-of-scope-8)', () => {
    // "Visa" is unknown to a ward's own catalogue and "thị thực" names none of its records: the
    // question shares only "người nước ngoài" with the certified copy, which it answered (0.64).
    for (const q of ['người nước ngoài xin visa vào vn qua mạng', 'bạn tôi người nước ngoài muốn xin visa qua mạng']) {
      const s = r.search(q, { limit: 8 });
      expect(s.candidates.slice(0, 3).every((c) => c.missesTopic), q).toBe(true);
      expect(decided(q).decision, q).toMatch(/^(handoff|decline)$/);
    }
    // A word the catalogue has is no other agency's topic: the certified copy is still answered.
    expect(decided('chứng thực bản sao giấy tờ của người nước ngoài')).toMatchObject({ decision: 'answer', picks: [{ id: '2.000815' }] });
  });

  it('keeps a first registration back when the question says what comes after it (issue 15, out-of-scope-12)', () => {
    // The ward registers land and issues its certificate the first time; exchanging a worn one,
    // issuing a lost one again or putting it in a buyer's name is the land registration office's.
    for (const q of ['giấy chứng nhận quyền sử dụng đất bị rách nát muốn cấp đổi', 'đổi sổ đỏ loại cũ sang mẫu mới']) {
      const first = r.search(q, { limit: 8 }).candidates.find((c) => c.id === '1.013978');
      expect(first?.missesTopic, q).toBe(true);
      const d = decided(q);
      expect((d.decision === 'answer' || d.decision === 'clarify') && d.picks[0]?.id === '1.013978', q).toBe(false);
    }
    // Said the first time, or named alone, it is the ward's.
    expect(decided('đất của ông bà để lại chưa có sổ, làm sổ đỏ lần đầu')).toMatchObject({ decision: 'answer', picks: [{ id: '1.013978' }] });
    expect(r.search('cấp giấy chứng nhận quyền sử dụng đất', { limit: 3 }).candidates[0]?.missesTopic).toBe(false);
  });

  it('reads a spouse’s nationality as who, and a leading “thẻ” as the card: a foreigner’s residence card is not the ward’s (issue 15, out-of-scope-12)', () => {
    // "người Úc" was a topic of its own (rare in the national names), which kept "thẻ | tạm trú"
    // from reading as another agency's card; "Thẻ" first was taken for the "thế" of a follow-up.
    for (const q of ['xin gia hạn thẻ tạm trú cho vợ người Úc', 'Thẻ tạm trú của chồng người Hàn Quốc hết hạn rồi']) {
      const d = decided(q);
      expect(['answer', 'clarify'].includes(d.decision) && d.picks[0]?.id === '1.002755', q).toBe(false);
    }
    // The ward's extension of a stay, and its marriage registration with a foreigner, stay answered.
    expect(decided('xin gia hạn tạm trú thêm ba tháng').picks[0]?.id).toBe('1.002755');
    expect(decided('lấy vợ người Nhật thì đăng ký kết hôn ở đâu').picks[0]?.id).toBe('1.000894');
    expect(r.search('thế phí bao nhiêu', { limit: 3 }).plan.intents.followUp).toBe(true);
  });

  it('reads chat spellings with marks, "kiểu gì", a late birth and a visitor’s stay (issue 15, procedures-10)', () => {
    // "mún", "bít": "muốn", "biết" as chat writes them — not words no procedure has.
    expect(decided('e mún làm khai sinh cho bé mà k bít cần j')).toMatchObject({ decision: 'answer', picks: [{ id: '1.001193' }] });
    // "Kiểu gì" asks how, like "thế nào": the story is the lost certificate, re-registered.
    expect(decided('giấy chứng tử của bà ngoại bị cháy cùng nhà, xin cấp lại kiểu gì').picks[0]?.id).toBe('1.005461');
    // A baby's birth not registered yet and the fine feared for it: the plain registration.
    expect(decided('bé 1 tháng chưa làm khai sinh có bị phạt không')).toMatchObject({ decision: 'answer', picks: [{ id: '1.001193' }] });
    expect(decided('con em được 2 tháng mà chưa làm khai sinh, có bị phạt gì không').picks[0]?.id).toBe('1.001193');
    // A relative come to stay a few days and the police told: the notice of a stay.
    expect(decided('nhà có em họ ở quê lên chơi vài hôm, có phải báo công an không')).toMatchObject({ decision: 'answer', picks: [{ id: '2.001159' }] });
  });

  it('reads what the story says was done as behind the citizen (issue 15, pass 12)', () => {
    // Conciliation tried and failed: the chairman's settlement is asked, not the conciliation —
    // answered, not offered beside the conciliation as if either were meant.
    expect(decided('tranh chấp ranh giới đất với nhà bên cạnh hòa giải không thành')).toMatchObject({ decision: 'answer', picks: [{ id: '1.013967' }] });
    expect(decided('hòa giải ở thôn bất thành, giờ làm đơn đề nghị chủ tịch xã giải quyết tranh chấp đất')).toMatchObject({ decision: 'answer', picks: [{ id: '1.013967' }] });
    // Asked, not done: the conciliation itself.
    expect(decided('hàng xóm xây tường lấn sang vườn nhà tôi, muốn ủy ban hòa giải').picks[0]?.id).toBe('1.012812');
  });
});

/** The demo catalogue with two national vehicle records, as a ward offering the national catalogue has them. */
describe('retrieval of the commune police’s vehicle records', () => {
  let r: Retriever;
  let demo: ReturnType<typeof demoProcedures>;
  const national = (code: string, name: string) => ({ ...demo[0]!, code, name, keywords: [], summary: '', field: 'Đăng ký, quản lý phương tiện giao thông', levels: ['Cấp bộ', 'Cấp tỉnh', 'Cấp xã'], results: [], componentGroups: [] });
  beforeAll(() => {
    demo = demoProcedures({ parseProcedure: (x: unknown) => procedureSchema.parse(x) } as unknown as CatalogService);
    const vehicles = [
      national('1.013076', 'Cấp chứng nhận đăng ký xe, biển số xe trong trường hợp thay đổi chủ xe (đăng ký sang tên xe) bằng dịch vụ công trực tuyến một phần hoặc trực tiếp thực hiện tại cấp trung ương, cấp tỉnh, cấp xã'),
      national('1.013082', 'Cấp lại chứng nhận đăng ký xe, biển số xe thực hiện bằng dịch vụ công trực tuyến một phần hoặc trực tiếp'),
    ];
    r = new Retriever(
      [...demo, ...vehicles].map((p) => procedureDoc(p, { commune: true })),
      new SynonymTable(BUILTIN_SYNONYMS),
    );
  });

  it('counts a record whose name lists the commune among its levels as the ward’s own', () => {
    const listed = national('1.013076', 'Đăng ký xe thực hiện tại cấp trung ương, cấp tỉnh, cấp xã');
    expect(procedureDoc(listed, { commune: true }).here).toBe(true);
    const other = national('1.010385', 'Trình báo mất hộ chiếu phổ thông (thực hiện tại cấp huyện)');
    expect(procedureDoc(other, { commune: true }).here).toBe(false);
  });

  it.each([
    // "sang tên xe", "đổi chủ": the change of owner, not a notarised sale
    ['mua xe cũ của người quen, sang tên xe máy', '1.013076'],
    // "cà vẹt" is the vehicle's registration certificate
    ['mất cà vẹt xe máy thì làm lại ở đâu', '1.013082'],
  ])('%s → %s', (q, code) => {
    const s = r.search(q, { limit: 8 });
    const d = decide(s.candidates, s.plan);
    expect(['answer', 'clarify']).toContain(d.decision);
    expect(d.picks[0]?.id).toBe(code);
  });
});

/**
 * The demo catalogue with a few national records a ward offering the whole catalogue has: the
 * building permits of both levels, a social-housing loan, the province's passport, a vehicle's
 * change of owner (issue 15, eighth pass).
 */
describe('what a question names decides the record (national look-alikes)', () => {
  let r: Retriever;
  let demo: ReturnType<typeof demoProcedures>;
  const WORKS = '(công trình Không theo tuyến/Theo tuyến trong đô thị/Tín ngưỡng, tôn giáo/Tượng đài, tranh hoành tráng/Sửa chữa, cải tạo/Dự án) và nhà ở riêng lẻ';
  const record = (code: string, name: string, levels: string[], field = 'Hoạt động xây dựng') => ({ ...demo[0]!, code, name, keywords: [], summary: '', field, levels, results: [], componentGroups: [] });
  beforeAll(() => {
    demo = demoProcedures({ parseProcedure: (x: unknown) => procedureSchema.parse(x) } as unknown as CatalogService);
    const national = [
      record('1.013226', `Cấp điều chỉnh giấy phép xây dựng đối với công trình cấp III, cấp IV ${WORKS}`, ['Cấp xã']),
      record('1.013227', `Gia hạn giấy phép xây dựng đối với công trình cấp III, cấp IV ${WORKS}`, ['Cấp xã']),
      record('1.013228', `Cấp lại giấy phép xây dựng đối với công trình cấp III, cấp IV ${WORKS}`, ['Cấp xã']),
      record('1.013229', 'Cấp giấy phép xây dựng sửa chữa, cải tạo đối với công trình cấp III, cấp IV (công trình Không theo tuyến/Theo tuyến trong đô thị/Dự án) và nhà ở riêng lẻ', ['Cấp xã']),
      record('1.013236', 'Cấp giấy phép xây dựng mới công trình cấp đặc biệt, cấp I, cấp II (Công trình không theo tuyến/Theo tuyến trong đô thị/Dự án)', ['Cấp tỉnh']),
      record('1.014632', 'Đăng ký mua, thuê mua, thuê nhà ở xã hội, vay vốn để hộ gia đình, cá nhân tự xây dựng hoặc cải tạo, sửa chữa nhà ở', ['Cấp xã'], 'Nhà ở và công sở'),
      record('1.001456', 'Cấp hộ chiếu phổ thông ở trong nước (thực hiện tại cấp tỉnh)', ['Cấp tỉnh'], 'Quản lý xuất nhập cảnh'),
      record('1.013076', 'Cấp chứng nhận đăng ký xe, biển số xe trong trường hợp thay đổi chủ xe (đăng ký sang tên xe)', ['Cấp bộ', 'Cấp tỉnh', 'Cấp xã'], 'Đăng ký, quản lý phương tiện giao thông'),
    ];
    r = new Retriever(
      [...demo, ...national].map((p) => procedureDoc(p, { commune: true })),
      new SynonymTable(BUILTIN_SYNONYMS),
    );
  });
  const decided = (q: string) => {
    const s = r.search(q, { limit: 8 });
    return decide(s.candidates, s.plan);
  };

  it.each([
    // a shop changing hands is the household business's change, a motorbike's the vehicle's
    ['tiệm tạp hóa đổi chủ, em gái đứng tên thay', '2.000720'],
    ['mua xe cũ của người quen, đổi chủ xe máy', '1.013076'],
    // raising a storey is the repair permit, not the reissue whose list of works says "sửa chữa, cải tạo"
    ['sửa nhà cũ nâng thêm một tầng có cần giấy phép', '1.013229'],
    // the permit named as a thing with its own act: the adjustment, not a new permit
    ['điều chỉnh giấy phép xây dựng nhà ở riêng lẻ', '1.013226'],
    // "về tận thôn": officials come to the village, a mobile registration
    ['bà con vùng sâu, cán bộ về tận thôn đăng ký khai sinh cho trẻ', '1.003583'],
  ])('%s → %s', (q, code) => {
    const d = decided(q);
    expect(['answer', 'clarify']).toContain(d.decision);
    expect(d.picks[0]?.id).toBe(code);
  });

  it('keeps back a reissue or an extension the question does not ask for, whatever its list of works names', () => {
    const repair = r.search('giấy phép xây dựng sửa chữa cải tạo nhà ở riêng lẻ', { limit: 8 }).candidates;
    expect(repair[0]?.id).toBe('1.013229');
    expect([repair.find((c) => c.id === '1.013228')?.missesTopic, repair.find((c) => c.id === '1.013227')?.missesTopic]).toEqual([true, true]);
    expect(r.search('giấy phép xây dựng bị mất, xin cấp lại', { limit: 8 }).candidates[0]?.id).toBe('1.013228');
    expect(r.search('giấy phép xây dựng hết hạn mà nhà chưa xây xong', { limit: 8 }).candidates[0]?.id).toBe('1.013227');
  });

  it('answers the repair permit asked in full, without offering a loan that covers far less of the question', () => {
    const d = decided('xin cấp giấy phép xây dựng sửa chữa nhà cần giấy tờ gì');
    expect([d.decision, d.picks.map((p) => p.id)]).toEqual(['answer', ['1.013229']]);
  });

  it.each([
    // building something of 20 storeys with a permit: the province's grade I–II permit
    ['xây tòa văn phòng cho thuê 20 tầng xin phép ở đâu', '1.013236'],
    // a passport in a long story: less sure than any answer, but plainly the province's
    ['làm hộ chiếu cho bé 2 tuổi đi thăm ông bà bên mỹ', '1.001456'],
  ])('says where another level does it rather than refusing: %s', (q, code) => {
    const d = decided(q);
    expect([d.decision, d.picks[0]?.id]).toEqual(['elsewhere', code]);
  });

});

describe('choices and building works (decision and situations alone)', () => {
  const plan = { tokens: [], intents: { aspects: [], offTopic: false, inDomain: true, consumed: new Set(), everyday: new Set() }, contentCount: 5, unknownCount: 0, content: [] } as unknown as QueryPlan;
  const cand = (id: string, score: number, coverage: number): Candidate => ({ id, kind: 'procedure', score, coverage, pairSupport: true, here: true, topicHit: true });

  it('offers as a choice only a procedure nearly as sure as the first, not one near in score that covers far less', () => {
    // Near in score (0.91 of the first) but a third less sure: answered, not "Ý bạn là…".
    expect(decide([cand('a', 74, 0.99), cand('b', 67.5, 0.7)], plan)).toMatchObject({ decision: 'answer', picks: [{ id: 'a' }] });
    expect(decide([cand('a', 74, 0.99), cand('b', 67.5, 0.9)], plan)).toMatchObject({ decision: 'clarify', picks: [{ id: 'a' }, { id: 'b' }] });
  });

  const expansions = situationExpansions;
  it('reads building something with a permit as the new permit, but not the permit named with its own act', () => {
    expect(expansions('xây tòa văn phòng cho thuê 20 tầng xin phép ở đâu')).toContain('cap giai phep xai dung moi');
    expect(expansions('điều chỉnh giấy phép xây dựng nhà ở riêng lẻ')).not.toContain('cap giai phep xai dung moi');
    expect(expansions('sửa nhà cũ nâng thêm một tầng')).toEqual(['cap giai phep xai dung sua chua cai tao']);
  });

  it('reads a husband or wife of another country named without "người" as the marriage with a foreign element', () => {
    expect(expansions('lấy chồng Hàn Quốc, đăng ký kết hôn ở xã được không')).toContain('co ieu to nuoc ngoai');
    // "Chồng Đức", "vợ Nga": a person's name, not a country.
    expect(expansions('chồng Đức đi làm xa, vợ Nga đăng ký kết hôn lại')).not.toContain('co ieu to nuoc ngoai');
  });

  it('reads a child born abroad and not registered yet as the registration with a foreign element only', () => {
    expect(expansions('bé sinh bên Hàn Quốc chưa khai sinh, giờ về Việt Nam ở')).toEqual(['dang ki khai sinh co ieu to nuoc ngoai']);
    expect(expansions('bé nhà em 3 tháng rồi chưa khai sinh')).toEqual(['dang ki khai sinh']);
  });
});

/** The demo catalogue with national records of social insurance benefits and street trees, asked in citizens’ words. */
describe('social insurance benefits and street trees on the full catalogue (issue 15, procedures-10)', () => {
  let r: Retriever;
  beforeAll(() => {
    const demo = demoProcedures({ parseProcedure: (x: unknown) => procedureSchema.parse(x) } as unknown as CatalogService);
    const record = (code: string, name: string, field: string) => ({ ...demo[0]!, code, name, keywords: [], summary: '', field, levels: ['Cấp tỉnh', 'Cấp xã'], results: [], componentGroups: [] });
    const national = [
      record('2.000693', 'Giải quyết hưởng chế độ thai sản', 'Bảo hiểm xã hội'),
      record('2.000821', 'Giải quyết hưởng chế độ tử tuất', 'Bảo hiểm xã hội'),
      record('1.012538', 'Giải quyết chế độ, chính sách cho người tham gia lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở chưa tham gia bảo hiểm xã hội mà bị tai nạn, chết khi thực hiện nhiệm vụ', 'Chính sách'),
      record('1.002693', 'Cấp giấy phép chặt hạ, dịch chuyển cây xanh', 'Hạ tầng kỹ thuật'),
      record('1.013274', 'Cấp phép sử dụng tạm thời lòng đường, vỉa hè vào mục đích khác', 'Đường bộ'),
      record('6.006594', 'Thủ tục giao quản lý tài sản kết cấu hạ tầng công viên, cây xanh do Nhà nước đầu tư, quản lý', 'Hạ tầng kỹ thuật'),
    ];
    r = new Retriever([...demo, ...national].map((p) => procedureDoc(p, { commune: true })), new SynonymTable(BUILTIN_SYNONYMS));
  });
  const decided = (q: string) => {
    const s = r.search(q, { limit: 8 });
    return decide(s.candidates, s.plan);
  };

  it('reads a birth leave as maternity benefit, a funeral allowance of social insurance as the survivors’ benefit, a street tree moved as its permit', () => {
    const first = (q: string) => {
      const d = decided(q);
      return ['answer', 'clarify'].includes(d.decision) ? d.picks[0]?.id : undefined;
    };
    expect(first('nghỉ đẻ được bảo hiểm trả bao nhiêu tháng, hồ sơ thế nào')).toBe('2.000693');
    // Answered or offered, though the local security force's allowance also names social insurance and death.
    const funeral = decided('bên bảo hiểm xã hội trả tiền mai táng cho bố tôi, làm hồ sơ ở đâu');
    expect(['answer', 'clarify']).toContain(funeral.decision);
    expect(funeral.picks.map((p) => p.id)).toContain('2.000821');
    expect(first('xin dời cây xanh trước nhà để mở cổng')).toBe('1.002693');
  });
});

/** Another level's copy of one of the ward's procedures, found beside it. */
describe('copies of one procedure at several levels', () => {
  const doc = (id: string, name: string, here: boolean): IndexDoc => ({ id, kind: 'procedure', name, fields: [{ text: name, weight: 3, strong: true }], prior: here ? 1 : 0.85, here });
  it('ranks the copy at the ward’s own level clearly first (issue 15)', () => {
    const r = new Retriever(
      [
        doc('1.014061', 'Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên', true),
        doc('2.000200', 'Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên (thực hiện tại cấp tỉnh)', false),
        doc('1.001247', 'Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên (thực hiện tại cấp trung ương)', false),
        doc('1.014064', 'Cấp lại thẻ căn cước', true),
        doc('1.003005', 'Cấp giấy phép lái xe (thực hiện tại cấp tỉnh)', false),
      ],
      new SynonymTable(BUILTIN_SYNONYMS),
    );
    const c = r.search('con vừa tròn 14 tuổi làm căn cước', { limit: 5 }).candidates;
    const score = (id: string) => c.find((x) => x.id === id)?.score ?? 0;
    expect(c[0]?.id).toBe('1.014061');
    // The province's and the ministry's copies are no rival choices: under half the ward's score.
    expect(score('2.000200')).toBeLessThan(score('1.014061') / 2);
    expect(score('1.001247')).toBeLessThan(score('1.014061') / 2);
    // A record of another level with no copy here keeps its score (it may be where it is done).
    expect(copyKey('Cấp giấy phép lái xe (thực hiện tại cấp tỉnh)')).toBe('cap giai phep lai xe');
  });
});
