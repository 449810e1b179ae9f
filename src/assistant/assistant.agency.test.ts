import { describe, expect, it } from 'vitest';
import { procedureSchema, type CatalogService, type ProcedureInput } from '../catalog';
import { demoProcedures } from '../demo/demo.seed';
import type { Unit } from '../unit';
import { agencyOf, officeInSteps } from './assistant.agency';
import { elsewhereAnswer } from './assistant.answer';
import { procedureDoc } from './assistant.docs';
import { Retriever, type Candidate } from './assistant.retrieval';
import { decide } from './assistant.decide';
import { BUILTIN_SYNONYMS, SynonymTable } from './assistant.synonyms';

describe('where another agency’s procedure is done (national records)', () => {
  it('names the record’s own agency first', () => {
    expect(agencyOf({ agency: 'Cục Cảnh sát giao thông', steps: ['Nộp hồ sơ tại Công an tỉnh.'] })).toEqual({ name: 'Cục Cảnh sát giao thông', fromSteps: false });
  });

  it('with no agency in the record ("Không có thông tin"), names the office its steps send the papers to', () => {
    const steps = ['Người đủ tiêu chuẩn nộp 01 bộ hồ sơ gửi trực tiếp hoặc qua dịch vụ bưu chính đến Sở Tư pháp nơi đã đăng ký tập sự. Trong thời hạn 05 ngày làm việc, Sở Tư pháp thẩm định.'];
    expect(agencyOf({ agency: 'Không có thông tin', steps })).toEqual({ name: 'Sở Tư pháp', fromSteps: true });
    expect(agencyOf({ agency: '', steps })).toEqual({ name: 'Sở Tư pháp', fromSteps: true });
    expect(officeInSteps('Bước 1: Tổ chức nộp hồ sơ đến cơ quan được Chủ tịch Ủy ban nhân dân cấp tỉnh giao tiếp nhận hồ sơ bằng hình thức trực tiếp.')).toBe(
      'cơ quan được Chủ tịch Ủy ban nhân dân cấp tỉnh giao',
    );
    expect(officeInSteps('Nhà đầu tư nộp văn bản đề nghị cho Cơ quan đăng ký đầu tư.')).toBe('Cơ quan đăng ký đầu tư');
    expect(officeInSteps('Hồ sơ gửi Sở Nông nghiệp và Môi trường; trong 10 ngày …')).toBe('Sở Nông nghiệp và Môi trường');
  });

  it('says nothing rather than a word that is not an office', () => {
    expect(agencyOf({ agency: '', steps: ['Nộp hồ sơ đến Bộ phận Một cửa.', 'Gửi đến cơ quan, thời hạn 5 ngày.'] })).toBeUndefined();
    expect(agencyOf({ agency: '', steps: [] })).toBeUndefined();
  });
});

describe('another level’s records close to the question', () => {
  // Two national records a question about a new fishing boat is near (written in our words).
  const ships: ProcedureInput[] = [
    { code: '1.002578', name: 'Đăng ký tàu biển đang đóng', field: 'Hàng hải', levels: ['Cấp bộ'], agency: 'Chi cục Hàng hải và Đường thủy' },
    { code: '1.003650', name: 'Cấp giấy chứng nhận đăng ký tàu cá, tàu phục vụ nuôi trồng thủy sản', field: 'Thủy sản', levels: ['Cấp tỉnh'], agency: 'Cơ quan quản lý nhà nước về thủy sản cấp tỉnh' },
  ];
  const parse = (x: unknown) => procedureSchema.parse(x);
  const all = [...demoProcedures({ parseProcedure: parse } as unknown as CatalogService), ...ships.map(parse)];
  const r = new Retriever(
    all.map((p) => procedureDoc(p, { commune: true })),
    new SynonymTable(BUILTIN_SYNONYMS),
  );

  it('are all told, each with its agency, when none is clearly the one asked about', () => {
    const s = r.search('đăng ký tàu cá mới đóng để đi biển', { limit: 8 });
    const d = decide(s.candidates, s.plan);
    expect(d.decision).toBe('elsewhere');
    expect(d.picks.map((p) => p.id).sort()).toEqual(['1.002578', '1.003650']);
    const [first, ...near] = d.picks.map((p) => all.find((x) => x.code === p.id)!);
    const text = elsewhereAnswer(first!, { name: 'Phường Ba Đình' } as Unit, near).lines.join('\n');
    expect(text).toContain('không giải quyết tại Phường Ba Đình');
    expect(text).toContain('Chi cục Hàng hải và Đường thủy');
    expect(text).toContain('Cơ quan quản lý nhà nước về thủy sản cấp tỉnh');
    expect(text).toContain('cơ quan làm đúng thủ tục của bạn');
  });

  it('are not listed when one is far ahead, nor when they have the same agency', () => {
    const s = r.search('cấp giấy chứng nhận đăng ký tàu cá', { limit: 8 });
    expect(decide(s.candidates, s.plan).picks.map((p) => p.id)).toEqual(['1.003650']);
    const same = elsewhereAnswer(parse(ships[1]), { name: 'Phường Ba Đình' } as Unit, [parse({ ...ships[1], code: '1.003634', name: 'Cấp lại giấy chứng nhận đăng ký tàu cá' })]);
    expect(same.lines.join('\n')).not.toContain('Nếu bạn hỏi');
  });

  it('name another level’s record that covers much more of the question than the ward’s half-sure answer', () => {
    // The ranking the full national catalogue gives (scores and coverage as measured on it, 2,642
    // records): the ward's procedures share the generic part, another level's covers the question.
    const plan = r.search('the tam tru cho chong nguoi uc het han', { limit: 8 }).plan;
    const cand = (id: string, score: number, coverage: number, here: boolean): Candidate => ({ id, kind: 'procedure', score, coverage, pairSupport: true, here, topicHit: true, plainTopic: true });
    // A foreigner's residence card is the immigration office's, not the ward's extension of a stay.
    const card = [cand('1.002755', 57.18, 0.47, true), cand('1.004194', 56.64, 0.48, true), cand('1.003460', 45.3, 0.69, false), cand('1.003358', 43.54, 0.69, false), cand('1.000253', 27.36, 0.48, true)];
    const d = decide(card, plan);
    expect([d.decision, d.picks[0]?.id]).toEqual(['elsewhere', '1.003460']);
    // Not when the other level's covers only a little more ("mua xe máy cũ của bạn, giờ sang tên":
    // the ward's registration of the new owner, not a duty-free import's transfer) …
    const bike = [cand('1.013076', 44.4, 0.57, true), cand('1.001342', 33.76, 0.68, false), cand('2.001035', 28.31, 0.38, true)];
    expect(decide(bike, plan).picks[0]?.id).toBe('1.013076');
    // … nor when one of the ward's own near the top covers as much ("photo công chứng sổ hộ khẩu cũ").
    const copy = [cand('2.000815', 79.22, 0.58, true), cand('1.004222', 75.42, 0.55, true), cand('1.012680', 50.4, 0.82, true), cand('1.001280', 42.84, 0.82, false)];
    expect(decide(copy, plan).decision).not.toBe('elsewhere');
    // … nor when it is far behind in score (the ward's is what the question names).
    const far = [cand('1.010041', 100, 0.5, true), cand('1.003198', 45, 0.75, false)];
    expect([decide(far, plan).decision, decide(far, plan).picks[0]?.id]).toEqual(['answer', '1.010041']);
  });

  it('name another level’s record named with a word the ward’s records hardly have when the ward’s answer has none of the question’s topic words', () => {
    // As measured on the full catalogue for "sinh con ở Việt Nam nhưng bố mẹ đều là người Lào,
    // muốn cho con vào quốc tịch Việt" (rounded): the ward's birth registrations share "sinh con … người",
    // the naturalisation records are named with "quốc tịch".
    const plan = r.search('sinh con ở Việt Nam nhưng bố mẹ đều là người Lào, muốn cho con vào quốc tịch Việt', { limit: 8 }).plan;
    const cand = (id: string, score: number, coverage: number, here: boolean, topic: boolean): Candidate => ({ id, kind: 'procedure', score, coverage, pairSupport: true, here, topicHit: topic, plainTopic: topic, elsewhereWords: here ? 0 : 1 });
    const nationality = [cand('2.000528', 126.9, 0.5, true, false), cand('1.005141', 99.7, 0.68, false, true), cand('2.002797', 97.5, 0.69, false, true), cand('2.002039', 82, 0.66, false, true), cand('1.001695', 75.2, 0.5, true, false)];
    expect([decide(nationality, plan).decision, decide(nationality, plan).picks[0]?.id]).toEqual(['elsewhere', '2.002797']);
    // Not when the ward's answer has a topic word of the question: the coverage gap decides then.
    const topical = nationality.map((x) => (x.here ? { ...x, topicHit: true, plainTopic: true } : x));
    expect(decide(topical, plan).decision).not.toBe('elsewhere');
    // Nor when the other level's records are not named with a word the ward's records hardly have.
    const common = nationality.map((x) => ({ ...x, elsewhereWords: 0 }));
    expect(decide(common, plan).decision).not.toBe('elsewhere');
  });
});
