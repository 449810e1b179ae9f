import { describe, expect, it } from 'vitest';
import type { CatalogService } from '../catalog';
import { procedureSchema } from '../catalog/catalog.types';
import { demoProcedures } from '../demo/demo.seed';
import { decide } from './assistant.decide';
import { procedureDoc, spellOut } from './assistant.docs';
import { Retriever } from './assistant.retrieval';
import { BUILTIN_SYNONYMS, SynonymTable } from './assistant.synonyms';

/** The decision over the demo ward's catalogue with a few national records beside it, as on the full catalogue. */
describe('saying where another level does it', () => {
  const doc = (id: string, name: string, here: boolean, prior = 1) => ({ id, kind: 'procedure' as const, name, prior, here, fields: [{ text: spellOut(name), weight: 3, strong: true }] });
  const national = [
    // A ward's record sharing only "sang tỉnh" with the question, first of all as on the full
    // catalogue (where "kiểm dịch" is in many more names and weighs less).
    doc('1.006391', 'Đăng ký lại phương tiện trong trường hợp chủ phương tiện thay đổi trụ sở hoặc nơi đăng ký hộ khẩu thường trú của chủ phương tiện sang tỉnh, thành phố khác', true, 1.5),
    doc('1.008910', 'Thay đổi tên gọi, địa chỉ trụ sở Trung tâm hòa giải thương mại sang tỉnh, thành phố trực thuộc trung ương khác', false),
    doc('1.002338', 'Cấp giấy chứng nhận kiểm dịch động vật, sản phẩm động vật trên cạn vận chuyển ra khỏi địa bàn cấp tỉnh', false),
    doc('2.000873', 'Cấp giấy chứng nhận kiểm dịch động vật, sản phẩm động vật thủy sản vận chuyển ra khỏi địa bàn cấp tỉnh', false),
    doc('1.003407', 'Cấp Giấy chứng nhận kiểm dịch động vật, sản phẩm động vật trên cạn xuất khẩu', false),
  ];
  const procedures = demoProcedures({ parseProcedure: (x: unknown) => procedureSchema.parse(x) } as unknown as CatalogService);
  const r = new Retriever([...procedures.map((p) => procedureDoc(p, { commune: true })), ...national], new SynonymTable(BUILTIN_SYNONYMS));
  const decided = (q: string) => {
    const s = r.search(q, { limit: 8 });
    const d = decide(s.candidates, s.plan);
    return [d.decision, d.picks[0]?.id];
  };

  it('names the record of a word the ward’s records never have rather than handing over', () => {
    // "kiểm dịch" is in no record done at the ward: the province's veterinary quarantine, the one
    // covering most of the question (not the mediation centre moved "sang tỉnh" khác).
    expect(decided('chở lợn sang tỉnh khác bán thì xin giấy kiểm dịch ở đâu')).toEqual(['elsewhere', '1.002338']);
  });

  it('still answers the ward’s own and declines everyday life', () => {
    expect(decided('đăng ký khai sinh cho con')).toEqual(['answer', '1.001193']);
    expect(decided('giá lợn hơi hôm nay bao nhiêu một cân')[0]).toBe('decline');
  });
});
