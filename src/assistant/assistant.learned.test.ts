import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedureSchema } from '../catalog/catalog.types';
import type { CatalogService } from '../catalog';
import { demoProcedures } from '../demo/demo.seed';
import { decide } from './assistant.decide';
import { features, LEARNED, lift, outOfScopeOdds, readLearned, reorderWeight, rerankLearned, train, TRAINING_DIR, tuningModel, TUNING_DIR, type LearnedModel } from './assistant.learned';
import { procedureDoc } from './assistant.docs';
import { Retriever, type Candidate } from './assistant.retrieval';
import { BUILTIN_SYNONYMS, SynonymTable } from './assistant.synonyms';

/** The learned signal over the demo catalogue, without a database. */
describe('the signal learned from our labelled questions', () => {
  let r: Retriever;
  let model: LearnedModel;
  beforeAll(() => {
    const procedures = demoProcedures({ parseProcedure: (x: unknown) => procedureSchema.parse(x) } as unknown as CatalogService);
    r = new Retriever(
      procedures.map((p) => procedureDoc(p, { commune: true })),
      new SynonymTable(BUILTIN_SYNONYMS),
    );
    model = tuningModel();
  });
  const first = (q: string, m: LearnedModel | null, scope = false) => {
    const s = r.search(q, { limit: 8 });
    const d = decide(rerankLearned(q, s.candidates, m), s.plan, scope ? outOfScopeOdds(q, m) : undefined);
    return { decision: d.decision, picks: d.picks.map((p) => p.id) };
  };

  it('learns from the tuning sets only, one class per procedure code', () => {
    expect(TUNING_DIR).toMatch(/[\\/]eval[\\/]tuning$/);
    expect(model.classes.size).toBeGreaterThan(100);
    expect(model.classes.has('1.001193')).toBe(true);
    expect(features('Khai sinh cho bé')).toEqual(['khai', 'sinh', 'cho', 'be', 'khai sinh', 'sinh cho', 'cho be']);
  });

  describe('with a training corpus beside the tuning sets', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-learned-'));
    const tuning = path.join(dir, 'tuning');
    const training = path.join(dir, 'training');
    const write = (file: string, lines: object[]) => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    };
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
    write(path.join(tuning, 'procedures.jsonl'), [
      { q: 'làm khai sinh cho con mới sinh', expect: ['1.001193'] },
      { q: 'đăng ký kết hôn cần giấy gì', expect: ['1.000894'] },
      { q: 'hôm nay trời có mưa không', expect: [] },
    ]);
    // (The copy of a lost marriage paper was the example until the rules read it themselves, pass
    // 16; so was "xã tra sổ không thấy", pass 19.)
    const q = 'ket hon tu lau, giay mat, xa bao khong tim ra';
    const order = (m: LearnedModel) => rerankLearned(q, r.search(q, { limit: 8 }).candidates, m).map((c) => c.id).slice(0, 2);

    it('lifts the code of a training line the question is worded like, which no tuning line is', () => {
      // The tuning sets alone know nothing of a marriage re-registered: the rules' order stays.
      expect(order(tuningModel(tuning, null))).toEqual(['1.000894', '1.004746']);
      write(path.join(training, 'corpus.jsonl'), [{ q: 'kết hôn lâu rồi, giấy mất, xã báo không tìm ra', expect: ['1.004746'], kind: 'situation' }]);
      const both = tuningModel(tuning, training);
      expect(both.classes.has('1.004746')).toBe(true);
      expect(order(both)).toEqual(['1.004746', '1.000894']);
      expect(TRAINING_DIR).toMatch(/[\\/]eval[\\/]training$/);
    });

    it('trains on the tuning sets alone when the corpus folder is missing or empty', () => {
      const alone = tuningModel(tuning, null);
      for (const none of [path.join(dir, 'missing'), path.join(dir, 'empty')]) {
        if (none.endsWith('empty')) fs.mkdirSync(none, { recursive: true });
        const m = tuningModel(tuning, none);
        expect([...m.classes.keys()]).toEqual([...alone.classes.keys()]);
        expect(m.background.total).toBe(alone.background.total);
        expect(order(m)).toEqual(['1.000894', '1.004746']);
      }
    });
  });

  it('puts first the procedure our labelled questions were worded like, where the rules alone did not', () => {
    // A death at home, reported: the rules offer the mobile registration first ("tại nhà"); the
    // questions labelled with the ordinary death registration say it. (A lost marriage paper's copy
    // was the example until the rules read it themselves, pass 16; "… đi báo tử" until pass 20.)
    const q = 'ba mat tai nha dem qua, sang nay di khai tu';
    expect(first(q, null).picks[0]).toBe('1.000419');
    expect(first(q, model).picks[0]).toBe('1.000656');
  });

  it('gives the same ranking every time and from every training on the same questions', () => {
    const again = train([
      { q: 'làm khai sinh cho con', codes: ['1.001193'] },
      { q: 'đăng ký kết hôn', codes: ['1.000894'] },
    ]);
    const q = 'vợ tôi vừa sinh bé ở trạm y tế, giờ làm khai sinh cần giấy gì';
    const s = r.search(q, { limit: 8 });
    expect(rerankLearned(q, s.candidates, model)).toEqual(rerankLearned(q, s.candidates, tuningModel()));
    expect(rerankLearned(q, s.candidates, again)).toEqual(rerankLearned(q, s.candidates, again));
    // A question with no word any labelled question used keeps the retrieval's order.
    const other = r.search('chứng thực chữ ký', { limit: 8 }).candidates;
    expect(rerankLearned('xyzw', other, model).map((c) => c.id)).toEqual(other.map((c) => c.id));
  });

  it('declines what the rules half-answered when it is worded like our out-of-scope questions', () => {
    // A translation: the rules offer a procedure they are not sure of; the scope model has seen
    // questions like it declined. (A friend's visa to Việt Nam was the second example until the
    // rules stopped reading "visa" as "thực" — assistant.retrieval.test.ts: they hand it over now;
    // "dịch giúp tôi câu …" the first until pass 18 made a sentence to translate everyday life.)
    for (const q of ['tôi cần dịch sang tiếng anh bài luận']) {
      expect(first(q, model).decision).toMatch(/^(answer|clarify)$/);
      expect(outOfScopeOdds(q, model)).toBeGreaterThan(0);
      expect(first(q, model, true)).toEqual({ decision: 'decline', picks: [] });
    }
    // The procedures asked about are still answered.
    expect(first('làm khai sinh cho con', model, true).decision).toBe('answer');
    expect(first('mat giay ket hon xin ban sao', model, true).picks[0]).toBe('2.000635');
    expect(outOfScopeOdds('làm khai sinh cho con', null)).toBe(-Infinity);
  });

  it('declines even a confident answer when the question is worded far more like our out-of-scope ones', () => {
    // An auction practitioner's licence (the Ministry of Justice's, not the ward's), typed without
    // marks: its odds stood near `scopeAlways` (5.9 before pass 16, 4.9 after) while the rules
    // answered the land registration, "chung chi" read as "chung" and a central "gì". Since pass 17
    // it is "chứng chỉ", a topic none of the ward's records has: the rules answer nothing of theirs.
    const q = 'xin chung chi hanh nghe dau gia tai san';
    const s = r.search(q, { limit: 8 });
    const l = readLearned(q, s.candidates, model);
    // Odds of 2 are e² ≈ 7 times more like our out-of-scope questions than our in-scope ones. (3.2
    // before pass 18's out-of-scope-16, 3.0 after; 2.4 with procedures-22, whose "nghe đâu" folded is
    // "nghề đấu", 3.0 again once pass 19 left the hearsay's "nghe" typed with its marks out of the
    // features; 2.5 with all of pass 19's sets: each new tuning file moves it a little. 1.1 with pass
    // 22's procedures-32, whose in-scope lines say "xin … giấy chứng nhận", "tài sản công", "không
    // qua đấu giá" — 2 without it: the bar is e ≈ 2.7 times, and the rules still do not answer.)
    expect(l.outOdds).toBeGreaterThan(1);
    expect(decide(l.candidates, s.plan).decision).not.toBe('answer');
    // The threshold itself, on a confident answer below a name said whole (0.79): declined at the
    // extreme odds, answered just below them.
    const single = 'xin giấy xác nhận độc thân để vay ngân hàng';
    const t = r.search(single, { limit: 8 });
    const m = readLearned(single, t.candidates, model);
    expect(decide(m.candidates, t.plan)).toMatchObject({ decision: 'answer', picks: [{ id: '1.004873' }] });
    expect(decide(m.candidates, t.plan).confidence).toBeGreaterThanOrEqual(LEARNED.scopeBelow);
    expect(decide(m.candidates, t.plan, LEARNED.scopeAlways)).toMatchObject({ decision: 'decline', picks: [] });
    expect(decide(m.candidates, t.plan, LEARNED.scopeAlways - 0.5).decision).toBe('answer');
    // A question of ours, however confidently answered, keeps its answer.
    const birth = r.search('làm khai sinh cho con', { limit: 8 });
    expect(decide(birth.candidates, birth.plan, readLearned('làm khai sinh cho con', birth.candidates, model).outOdds).decision).toBe('answer');
  });

  it('offers the procedure it is sure of where the rules would hand over or decline', () => {
    const read = (q: string, m: LearnedModel | null, sure = true) => {
      const s = r.search(q, { limit: 8 });
      const l = readLearned(q, s.candidates, m);
      const d = decide(l.candidates, s.plan, l.outOdds, sure ? l.sure : undefined);
      return { decision: d.decision, picks: d.picks.map((p) => p.id) };
    };
    // A grandfather's death asked with "giấy tử", a shop closed for good: the rules handed over
    // and declined; the questions labelled with the death registration and the household
    // business's end were worded like them, and the retrieval puts the same procedure first.
    expect(read('ông ngoại mất, làm giấy tử ở đâu', model, false).decision).toBe('handoff');
    expect(read('ông ngoại mất, làm giấy tử ở đâu', model)).toEqual({ decision: 'clarify', picks: ['1.000656'] });
    // (Pass 19: the rules read "không bán nữa" as the shop's end themselves, the model agreeing.)
    expect(read('đóng cửa tiệm tạp hóa không bán nữa', model, false).picks[0]).toBe('1.001266');
    expect(read('đóng cửa tiệm tạp hóa không bán nữa', model).picks[0]).toBe('1.001266');
    // Out of scope, or without a model, nothing is offered.
    expect(read('hôm nay trời mưa không', model).decision).toBe('decline');
    expect(read('ông ngoại mất, làm giấy tử ở đâu', null).decision).toBe('handoff');
    // Choices the rules offered, led by the procedure it is sure of: that one answered ("không làm
    // giám hộ nữa" is the guardianship's end, not a new one) — but not choices the question cannot
    // tell apart: a card's fee is the change's or the re-issue's, the citizen says which.
    expect(read('cháu đã lớn, tôi không làm giám hộ nữa', model, false)).toEqual({ decision: 'clarify', picks: ['1.004845', '1.004837'] });
    expect(read('cháu đã lớn, tôi không làm giám hộ nữa', model)).toEqual({ decision: 'answer', picks: ['1.004845'] });
    expect(readLearned('thẻ căn cước lệ phí bao nhiêu', r.search('thẻ căn cước lệ phí bao nhiêu', { limit: 8 }).candidates, model).sure).toBe('1.014063');
    expect(read('thẻ căn cước lệ phí bao nhiêu', model)).toEqual({ decision: 'clarify', picks: ['1.014063', '1.014064'] });
    // Choices without the code it is sure of while the retrieval puts that one first: it is
    // offered first. A photo taken at 14 and a face changed since: the card's exchange, far ahead
    // in score, though the long story covers more of the 14+ card's name (issue 15, procedures-12).
    const photo = 'ảnh trên căn cước là từ hồi 14 tuổi, giờ mặt khác quá, đổi được không';
    // Since pass 23 the rules offer the first of the list before their one choice themselves
    // (firstBeside): the sure code's step is read with that off.
    expect(read(photo, model, false)).toEqual({ decision: 'clarify', picks: ['1.014063', '1.014061'] });
    LEARNED.firstBeside = 0;
    try {
      expect(read(photo, model, false)).toEqual({ decision: 'clarify', picks: ['1.014061'] });
      expect(read(photo, model)).toMatchObject({ decision: 'clarify', picks: ['1.014063', '1.014061'] });
    } finally {
      LEARNED.firstBeside = 1;
    }
    // A card asked for again after a name's correction: the retrieval finds the card's exchange
    // only far down (the correction's own words lead it); the model, sure of it, puts it first.
    // (A card said to show the old name, "vẫn in tên cũ", is read by the situations since pass 16:
    // the card's exchange leads the retrieval there.)
    const book = 'mới cải chính tên xong, thẻ căn cước làm lại được không';
    const wide = r.search(book, { limit: 60 });
    const at = wide.candidates.findIndex((c) => c.id === '1.014063');
    expect(at).toBeGreaterThanOrEqual(LEARNED.candidates);
    const proposed = readLearned(book, wide.candidates, model, 8);
    expect(decide(proposed.candidates, wide.plan, proposed.outOdds, proposed.sure)).toMatchObject({ decision: 'answer', picks: [{ id: '1.014063' }] });
    expect(proposed.candidates).toHaveLength(8);
    const depth = LEARNED.proposeDepth;
    LEARNED.proposeDepth = 0;
    try {
      const kept = readLearned(book, wide.candidates, model, 8);
      expect(decide(kept.candidates, wide.plan, kept.outOdds, kept.sure).picks[0]?.id).not.toBe('1.014063');
    } finally {
      LEARNED.proposeDepth = depth;
    }
    // One reading gives what the re-ordering and the scope odds give apart.
    const q = 'mat giay ket hon xin ban sao';
    const c = r.search(q, { limit: 8 }).candidates;
    expect(readLearned(q, c, model).candidates).toEqual(rerankLearned(q, c, model));
    expect(readLearned(q, c, model).outOdds).toBe(outOfScopeOdds(q, model));
  });

  it('offers the procedure it is sure of even when a long story leaves it little of the question', () => {
    // A father acknowledging his child, told with the family's story: the acknowledgement is first
    // of the retrieval's list and the model is sure of it, but the story covers most of the
    // question (confidence under 0.2). Handed over before; offered now ("Ý bạn là…?"). (A death
    // told with who and where is read by the rules since pass 16: TOLD_EVENTS.)
    const q = 'hai mẹ con tôi sống riêng, giờ bố cháu đã ly hôn vợ trước, muốn lên phường làm giấy công nhận cháu là con';
    const s = r.search(q, { limit: 8 });
    const l = readLearned(q, s.candidates, model);
    expect(l.sure).toBe('1.001022');
    expect(decide(l.candidates, s.plan, l.outOdds, l.sure)).toMatchObject({ decision: 'clarify', picks: [{ id: '1.001022' }] });
    // Without the sure code it is handed over, at odds short of those (≤ STORY_ODDS) from which a
    // long story worded in scope is offered anyway (storyInScope, pass 16).
    expect(decide(l.candidates, s.plan, -3).decision).toBe('handoff');
    // Worded less plainly in scope (log-odds −3, nearer the out-of-scope questions than −5) it is
    // still offered; as likely out of scope as in (0), it is not.
    expect(decide(l.candidates, s.plan, -3, l.sure)).toMatchObject({ decision: 'clarify', picks: [{ id: '1.001022' }] });
    expect(decide(l.candidates, s.plan, 0, l.sure).decision).toBe('handoff');
  });

  it('re-orders a question asking which procedure more heavily than one asking a fact of it', () => {
    // Pass 22 (r7weight): on the folds a heavier re-ordering found more procedures and, for all
    // questions, lost fact ones (short fee and time questions); each kind now has its weight.
    expect(reorderWeight(false)).toBe(LEARNED.weight);
    expect(reorderWeight(true)).toBe(LEARNED.factWeight);
    expect(LEARNED.weight).toBeGreaterThan(LEARNED.factWeight);
    // A code whose labelled questions are worded like this one, second by a score that the
    // heavier weight makes up and the lighter one does not; the first is a code nobody labelled.
    const m = train([
      { q: 'bé nhà em vừa đầy tháng chưa có giấy tờ gì', codes: ['B'], weight: 100 },
      { q: 'xin xác nhận tình trạng hôn nhân để đi làm hồ sơ vay vốn ngân hàng', codes: ['Z'], weight: 400 },
    ]);
    const q = 'bé vừa đầy tháng chưa có giấy tờ';
    const lb = lift(m, 'B', features(q));
    expect(lb).toBeGreaterThan(0);
    const between = 1 / (1 + (lb * (LEARNED.weight + LEARNED.factWeight)) / 2);
    const c = (id: string, score: number): Candidate => ({ id, kind: 'procedure', score, coverage: 0.5, pairSupport: false, here: true });
    const candidates = [c('X', 1), c('B', between)];
    const ids = (factAsked: boolean) => readLearned(q, candidates, m, 2, factAsked).candidates.map((x) => x.id);
    expect(ids(false)).toEqual(['B', 'X']);
    expect(ids(true)).toEqual(['X', 'B']);
    expect(rerankLearned(q, candidates, m, true).map((x) => x.id)).toEqual(['X', 'B']);
  });
});
