import { describe, expect, it } from 'vitest';
import { procedureSchema, type CatalogService, type ProcedureInput } from '../catalog';
import { demoProcedures } from '../demo/demo.seed';
import type { Unit } from '../unit';
import { agencyOf, officeInSteps } from './assistant.agency';
import { elsewhereAnswer } from './assistant.answer';
import { procedureDoc, Retriever } from './assistant.retrieval';
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
});
