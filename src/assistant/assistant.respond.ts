/** Answering one message: the unit's retrieval index and `respond` (read, decide, reply; the subject a follow-up keeps: assistant.subject.ts). */
import { uuidv7 } from '../shared/ids';
import { Signal } from '../shared/signal';
import { fold, syllables } from '../shared/vietnamese';
import type { Unit } from '../unit';
import { besideLine, officeSaidSurely, officesAsked, otherOffice } from './assistant.other-offices';
import { elsewhereAnswer, officeAnswer, procedurePath, type ReplyLink } from './assistant.answer';
import type { Intent } from './assistant.intent';
import * as repo from './assistant.repo';
import { faqDoc, procedureDoc } from './assistant.docs';
import { Retriever, type Candidate, type QueryPlan } from './assistant.retrieval';
import { CALIBRATION, confidence } from './assistant.decide';
import { decision } from './assistant.decision';
import { knownButStory, stillAboutSubject } from './assistant.follow-ups';
import { onlyTheActNamed } from './assistant.act-named';
import { inSubjectField, namedSibling, nearSubject } from './assistant.subject';
import { ageTwin } from './assistant.age-twins';
import { LEARNED, readLearned } from './assistant.learned';
import { BUILTIN_SYNONYMS, SynonymTable } from './assistant.synonyms';
import { findDossierCode, findPhone } from './assistant.text';
import { counterTurn } from './assistant.counter';
import { AssistantReplies, round } from './assistant.replies';
import type { AssistantChannel, AssistantDeps, AssistantReply, Memory, TakeProof } from './assistant.service';

// ---------------------------------------------------------------------------- calibration
/** How long the assistant remembers the last procedure of a conversation. */
export const MEMORY_MS = 30 * 60_000;
const VERSION_CHECK_MS = 2000;
export const MAX_QUESTION = 1000;
/**
 * A short correction ending its clause with "thôi" ("bản sao thôi, mất mấy ngày", "không, chỉ
 * đổi thẻ thôi"): the procedure meant among those being discussed, not a new subject (pass 24) —
 * never "xin thôi quốc tịch", where "thôi" begins the record's name.
 */
const ONLY_THAT = /^(?:(?:không|dạ|à|ừ|vâng)[,\s]+)?(?:chỉ\s+(?:cần\s+|xin\s+|làm\s+)?)?(?:[\p{L}\d]+\s+){1,3}thôi(?:\s*[,.!?;]|$)/iu;

/** "1", "số 2", "cái thứ ba", or the name of one of the choices offered. */
export function pickChoice(text: string, choices: Array<{ code: string; name: string }>): string | undefined {
  const f = syllables(fold(text)).join(' ');
  const ordinals: Record<string, number> = { '1': 0, '2': 1, '3': 2, mot: 0, hai: 1, ba: 2, nhat: 0, 'dau tien': 0 };
  // "cái số 1 ấy", "thủ tục thứ hai nhé", "cái đầu tiên" (pass 24).
  const m = /^(?:(?:so|cai|thu tuc|chon|y|toi chon|em chon)\s+)*(?:thu\s+)?(1|2|3|mot|hai|ba|nhat|dau tien)(?:\s+(?:a|ai|do|nhe|nha))*$/.exec(f);
  if (m) return choices[ordinals[m[1]!]!]?.code;
  const byName = choices.find((c) => syllables(fold(c.name)).join(' ') === f);
  return byName?.code ?? choices.find((c) => f === c.code)?.code;
}

interface UnitIndex {
  key: string;
  unit: Unit;
  retriever: Retriever;
  faqs: Map<string, repo.FaqRow>;
}

/** Answering one message: a part the service holds (assistant.service.ts), building its replies with `replies`. */
export class AssistantResponder {
  constructor(
    private readonly deps: AssistantDeps,
    private readonly replies: AssistantReplies,
  ) {}

  private readonly indexes = new Map<string, UnitIndex>();
  private readonly building = new Map<string, Promise<UnitIndex>>();
  private settings = { value: '', checkedAt: 0 };
  /** Every change of FAQ or synonyms made by this process (the other processes are told: src/cluster). */
  readonly updates = new Signal();

  // -------------------------------------------------------------------------- index

  private async settingsVersion(): Promise<string> {
    const now = Date.now();
    if (now - this.settings.checkedAt >= VERSION_CHECK_MS) {
      this.settings = { value: (await repo.getMeta(this.deps.db, 'version')) ?? '0', checkedAt: now };
    }
    return this.settings.value;
  }

  /** FAQ or synonyms changed: this node rebuilds at once, others within VERSION_CHECK_MS. */
  async changed(): Promise<void> {
    const v = uuidv7();
    await repo.setMeta(this.deps.db, 'version', v);
    this.settings = { value: v, checkedAt: Date.now() };
    this.updates.emit();
  }

  /** Another process changed FAQ or synonyms: the next question checks the version (and rebuilds). */
  recheck(): void {
    this.settings = { ...this.settings, checkedAt: 0 };
  }

  /** The unit's retrieval index, rebuilt when the catalogue, its FAQ or its synonyms change. */
  async indexFor(unitCode: string): Promise<UnitIndex> {
    const key = `${await this.deps.catalog.version()}|${await this.settingsVersion()}`;
    const have = this.indexes.get(unitCode);
    if (have?.key === key) return have;
    const pending = this.building.get(`${unitCode}|${key}`);
    if (pending) return pending;
    const p = (async () => {
      const uc = await this.deps.catalog.unitCatalog(unitCode);
      const unit = uc.unit;
      const commune = unit.kind !== 'province';
      const docs = [];
      for (const code of uc.entries.keys()) {
        const proc = await this.deps.catalog.findProcedure(code);
        if (proc) docs.push(procedureDoc(proc, { commune }));
      }
      const faqs = await repo.listFaqs(this.deps.db, unitCode);
      for (const f of faqs) docs.push(faqDoc(f));
      const synonyms = new SynonymTable(BUILTIN_SYNONYMS);
      for (const s of await repo.listSynonyms(this.deps.db, unitCode)) synonyms.add(s);
      const built: UnitIndex = { key, unit, retriever: new Retriever(docs, synonyms), faqs: new Map(faqs.map((f) => [`faq:${f.id}`, f])) };
      this.indexes.set(unitCode, built);
      return built;
    })();
    this.building.set(`${unitCode}|${key}`, p);
    try {
      return await p;
    } finally {
      this.building.delete(`${unitCode}|${key}`);
    }
  }

  async resolveUnit(unitCode?: string): Promise<string> {
    const code = unitCode ?? (await this.deps.defaultUnit());
    await this.deps.units.get(code);
    return code;
  }

  // -------------------------------------------------------------------------- answering

  /**
   * The reply to one message, given what the conversation remembers. Writes nothing: `ask`
   * keeps the conversation, the evaluation calls this directly.
   */
  async respond(unitCode: string, question: string, memory: Memory = {}, channel: AssistantChannel = 'api', takeProof?: TakeProof, sessionKey = ''): Promise<{ reply: AssistantReply; memory: Memory; plan?: QueryPlan }> {
    const text = question.normalize('NFC').trim().slice(0, MAX_QUESTION);
    const idx = await this.indexFor(unitCode);
    const unit = idx.unit;
    const now = this.deps.clock.now().toISOString();
    const fresh = memory.at && Date.parse(now) - Date.parse(memory.at) < MEMORY_MS;
    const mem: Memory = fresh ? { ...memory, at: now } : { at: now };
    // One procedure offered ("Ý bạn là …?") and not refused: what follows is about it ("vậy mang theo gì").
    if (!mem.procedure && mem.choices?.length === 1) mem.procedure = mem.choices[0];

    // "Lấy số", "đặt lịch": the counter's short conversation (assistant.counter.ts).
    if (this.deps.counter) {
      const turn = await counterTurn(this.deps.counter, unit.code, text, mem.counter, channel, sessionKey);
      if (turn) return { reply: this.replies.reply(turn.intent, turn.decision, turn.composed), memory: { at: now, ...(turn.memory ? { counter: turn.memory } : {}) } };
      delete mem.counter;
    }

    // Dossier status: a code in the message, then the phone number that proves it is theirs.
    const code = findDossierCode(text);
    const phone = findPhone(text);
    if (code) {
      if (phone) return this.replies.statusReply(unit, { at: now, awaiting: 'phone', dossierCode: code }, code, phone, takeProof);
      return {
        reply: this.replies.reply('status', 'ask', { lines: [`Để bảo vệ thông tin cá nhân, xin cho biết số điện thoại đã dùng khi nộp hồ sơ ${code}.`], links: [], quickReplies: [] }),
        memory: { at: now, awaiting: 'phone', dossierCode: code, tries: 0 },
      };
    }
    if (mem.awaiting === 'phone' && mem.dossierCode && (phone || /^[\s\d.+()-]{8,}$/.test(text))) return this.replies.statusReply(unit, mem, mem.dossierCode, phone ?? text, takeProof);

    // One of the choices offered last time.
    if (mem.choices?.length) {
      const choices = await Promise.all(mem.choices.map(async (c) => ({ code: c, name: (await this.deps.catalog.findProcedure(c))?.name ?? c })));
      // The choice alone, or said first with the fact asked after it ("cái số 1 ấy, nộp ở đâu"):
      // then the fact asked now (pass 24), read from what follows the choice without searching it.
      // Not the whole message's reading: a choice's words run into the fact's ("cái số 1 ấy, cấp
      // đổi căn cước bao lâu" reads a place asked with the time).
      const [clause, ...rest] = text.split(/[,.;:!?]/);
      const after = rest.join(' ').trim();
      const whole = pickChoice(text, choices);
      const first = !whole && after ? pickChoice(clause!, choices) : undefined;
      const picked = whole ?? first;
      if (picked) {
        const asked = first ? idx.retriever.read(after).intents.aspects : [];
        const aspects = asked.length ? asked : (mem.aspects ?? []);
        const r = await this.replies.procedureReply(unit, picked, aspects, text, [], aspects[0] ?? 'procedure');
        return { reply: r, memory: { at: now, procedure: picked, aspects } };
      }
    }

    const { plan, candidates: retrieved } = idx.retriever.search(text, { limit: Math.max(8, LEARNED.proposeDepth) });
    // Another person's age: the twin for it (assistant.age-twins.ts), the ages read from the reading's syllables.
    mem.procedure = await ageTwin(this.deps.catalog, idx.retriever, mem.procedure, plan.tokens.map((t) => t.folded), mem.choices);
    // The learned model's reading (assistant.learned.ts): the first few re-ordered (or its own code
    // from further down put first; lighter when a fact is asked), the scope odds, its sure code; the first 8 kept.
    const learned = readLearned(text, retrieved, undefined, 8, plan.intents.aspects.length > 0);
    const found = learned.candidates;
    const it = plan.intents;
    // "Thế còn kết hôn?": another procedure, the same question as before; "bản sao thôi, …": the
    // one meant, said again (pass 24).
    const continues = it.followUp || /^(?:còn|thế còn|vậy còn|thế thì|vậy thì)\s/iu.test(text) || ONLY_THAT.test(text);
    const near = (continues || it.aspects.length) && fresh && mem.procedure ? await nearSubject(this.deps.catalog, found, mem.procedure) : { candidates: found, current: false };
    const candidates = near.candidates;
    const aspects = it.aspects.length ? it.aspects : continues && fresh && mem.aspects?.length && plan.contentCount > 0 ? mem.aspects : [];
    const intent: Intent = aspects[0] ?? 'procedure';
    const names = async (cs: Candidate[]) => Promise.all(cs.map(async (c) => this.replies.hit(c, await this.deps.catalog.findProcedure(c.id))));
    const greet = (r: AssistantReply): AssistantReply =>
      it.greeting ? { ...r, lines: ['Chào bạn!', ...r.lines], answer: `Chào bạn!\n${r.answer}` } : r;

    if (it.human) return { reply: this.replies.handoffReply(unit, channel, [], true), memory: mem, plan };
    if (it.status && plan.contentCount === 0) {
      return {
        reply: this.replies.reply('status', 'ask', { lines: ['Xin cho biết mã hồ sơ (in trên giấy hẹn, ví dụ 00004-261129-0001), mình sẽ tra cứu tình trạng giúp bạn.'], links: [{ kind: 'track', label: 'Tra cứu hồ sơ', href: '/tra-cuu' }], quickReplies: [] }),
        memory: { at: now, awaiting: 'code' },
        plan,
      };
    }

    if (plan.contentCount === 0) {
      if (aspects.length && fresh && mem.procedure) {
        return { reply: greet(await this.replies.procedureReply(unit, mem.procedure, aspects, text, [], intent)), memory: { at: now, procedure: mem.procedure, aspects }, plan };
      }
      if ((aspects.length && aspects.every((a) => a === 'place')) || (it.office && !aspects.length)) {
        return { reply: greet(this.replies.reply('place', 'answer', officeAnswer(unit))), memory: mem, plan };
      }
      if (aspects.length && mem.choices?.length) {
        // Choices were offered and not answered: offer them again, for this question.
        const hits = await Promise.all(mem.choices.map(async (code) => ({ code, name: (await this.deps.catalog.findProcedure(code))?.name ?? code, score: 0 })));
        const lines = ['Bạn hỏi về thủ tục nào?', ...(await this.replies.choiceLines(unit, hits, aspects)), 'Xin trả lời bằng số hoặc chọn bên dưới.'];
        return { reply: this.replies.reply(intent, 'clarify', { lines, links: [], quickReplies: [...hits.map((h) => h.name), 'Gặp cán bộ'] }, hits), memory: { ...mem, aspects }, plan };
      }
      if (aspects.length) {
        return {
          reply: greet(this.replies.reply(intent, 'ask', { lines: ['Bạn muốn hỏi về thủ tục nào? Ví dụ: khai sinh, kết hôn, tạm trú, chứng thực bản sao.'], links: [], quickReplies: this.replies.examples() })),
          memory: { ...mem, aspects },
          plan,
        };
      }
      if (it.greeting) {
        return {
          reply: this.replies.reply('greeting', 'smalltalk', {
            lines: [`Chào bạn! Mình là trợ lý ảo của Bộ phận Một cửa ${unit.name}.`, 'Mình trả lời về giấy tờ cần chuẩn bị, thời hạn, lệ phí, nơi nộp, cách nộp trực tuyến và tình trạng hồ sơ. Bạn cần làm thủ tục gì?'],
            links: [],
            quickReplies: this.replies.examples(),
          }),
          memory: mem,
          plan,
        };
      }
      if (it.thanks) {
        return { reply: this.replies.reply('thanks', 'smalltalk', { lines: ['Không có gì ạ. Bạn cần hỏi thêm về thủ tục nào cứ nhắn cho mình nhé.'], links: [], quickReplies: [] }), memory: mem, plan };
      }
      return { reply: this.replies.declineReply(unit, otherOffice(text)), memory: mem, plan };
    }

    // An FAQ entry written by staff that covers the question.
    const top = candidates[0];
    if (top?.kind === 'faq' && top.coverage >= CALIBRATION.faq) {
      const f = idx.faqs.get(top.id)!;
      const p = f.procedure_code ? await this.deps.catalog.findProcedure(f.procedure_code) : undefined;
      const lines = p ? [`${p.name} (mã ${p.code})`, f.answer] : [f.answer];
      const links: ReplyLink[] = p ? [{ kind: 'page', label: 'Xem chi tiết thủ tục', href: procedurePath(unit.code, p.code) }] : [];
      return {
        reply: greet(this.replies.reply(intent, 'answer', { lines, links, quickReplies: [] }, p ? [{ code: p.code, name: p.name, score: round(top.coverage) }] : [])),
        memory: { at: now, procedure: p?.code },
        plan,
      };
    }

    // What the question is about, without the words asking the fact ("hết bao nhiêu tiền").
    const about = plan.tokens.filter((_, i) => !it.consumed.has(i)).map((t) => t.folded).join(' ');
    // A fact asked again naming only the act ("thế đăng ký ở đâu"): the procedure discussed (assistant.act-named.ts),
    // before a sibling is looked for by those words ("Đăng ký thay đổi nội dung đăng ký …" says "đăng ký" twice).
    if (continues && fresh && mem.procedure && aspects.length && !it.offTopic && onlyTheActNamed(plan)) {
      return { reply: greet(await this.replies.procedureReply(unit, mem.procedure, aspects, text, [], intent)), memory: { at: now, procedure: mem.procedure, aspects }, plan };
    }
    // A fact asked of a sibling named in a word or two ("bản sao, hết bao nhiêu" after the birth's
    // re-registration) is that sibling too, with or without "còn" (pass 24).
    const inField =
      continues && fresh && mem.procedure && !it.offTopic
        ? ((near.current ? undefined : await inSubjectField(this.deps.catalog, idx.retriever, plan, about, mem.procedure, candidates)) ?? (await namedSibling(this.deps.catalog, plan, mem.procedure, candidates)))
        : it.aspects.length && fresh && mem.procedure && !it.offTopic && !near.current
          ? await namedSibling(this.deps.catalog, plan, mem.procedure, candidates, true)
          : undefined;
    if (inField) {
      return { reply: greet(await this.replies.procedureReply(unit, inField, aspects, text, [], intent)), memory: { at: now, procedure: inField, aspects }, plan };
    }
    // A fact asked with words that fit the procedure being discussed as well as any other ("mấy hôm
    // thì có thẻ?"): it is still about that one.
    if (near.current && aspects.length && !it.offTopic && knownButStory(plan)) {
      return { reply: greet(await this.replies.procedureReply(unit, mem.procedure!, aspects, text, [], intent)), memory: { at: now, procedure: mem.procedure, aspects }, plan };
    }
    // A matter of an office the ward is not (assistant.other-offices.ts): a refusal or hand-over
    // names that office, and the decision turns away a procedure found that is not about it.
    const offices = officesAsked(text);
    const office = offices.asked[0];
    // The decision, in named steps (assistant.decision.ts). The qualifiers are judged on what the
    // question is about ("hết bao nhiêu tiền" says no "thông báo"); asked online ("làm online", "qua
    // mạng": words taken out of `about`), the record done online.
    const d = await decision({ candidates, plan, learned, aspects, about, online: it.aspects.includes('online'), offices, nameOf: async (id) => (await this.deps.catalog.findProcedure(id))?.name, before: { choices: mem.choices, procedure: mem.procedure } });
    // A follow-up whose words do not name another procedure ("thủ tục đó nộp online thì sao?"):
    // only when the question points back, or its words match no procedure well.
    const pointsBack = (it.followUp && d.confidence < CALIBRATION.clarify) || (aspects.length > 0 && d.confidence < CALIBRATION.handoff);
    if (d.decision !== 'answer' && d.decision !== 'clarify' && fresh && mem.procedure && !it.offTopic && !office && (pointsBack ? knownButStory(plan) : stillAboutSubject(plan, aspects, candidates, mem.procedure))) {
      return { reply: greet(await this.replies.procedureReply(unit, mem.procedure, aspects, text, [], intent)), memory: { at: now, procedure: mem.procedure, aspects }, plan };
    }
    const ranked = candidates.filter((c) => c.kind === 'procedure' && confidence(c) >= CALIBRATION.handoff).slice(0, 3);
    if (d.decision === 'answer') {
      // The procedure answered, then the others worth a look (the unit's own only).
      const pick = d.picks[0]!;
      const hits = await names([pick, ...ranked.filter((c) => c.id !== pick.id && c.here)].slice(0, 3));
      return { reply: greet(await this.replies.procedureReply(unit, pick.id, aspects, text, hits, intent)), memory: { at: now, procedure: pick.id, aspects }, plan };
    }
    if (d.decision === 'elsewhere') {
      const [p, ...near] = await Promise.all(d.picks.map((x) => this.deps.catalog.findProcedure(x.id)));
      const told = officeSaidSurely(offices);
      if (p) return { reply: greet(this.replies.reply(intent, 'elsewhere', elsewhereAnswer(p, unit, near.filter((x) => x !== undefined), told && besideLine(told)))), memory: { at: now }, plan };
    }
    if (d.decision === 'clarify') {
      const hits = await names(d.picks);
      // One procedure offered for a fact asked ("bà mất tuần trước, giấy tờ đó mất bao lâu?"): the
      // fact beside it, as with several choices — the citizen may not need to answer at all.
      const [only] = hits.length === 1 ? await this.replies.choiceLines(unit, hits, aspects) : [];
      const fact = only?.split(' — ').slice(1).join(' — ');
      const lines =
        hits.length === 1
          ? [`Ý bạn là thủ tục “${hits[0]!.name}”?`, ...(fact ? [fact.endsWith("…") ? fact : `${fact}.`] : []), 'Nếu đúng, xin trả lời “1” hoặc chọn bên dưới; nếu không, chọn “Gặp cán bộ” để cán bộ trả lời.']
          : ['Ý bạn là thủ tục nào?', ...(await this.replies.choiceLines(unit, hits, aspects)), `Xin trả lời bằng số (1${hits.length > 2 ? ', 2 hoặc 3' : ' hoặc 2'}) hoặc chọn bên dưới.`];
      return {
        reply: greet(this.replies.reply(intent, 'clarify', { lines, links: [], quickReplies: [...hits.map((h) => h.name), 'Gặp cán bộ'] }, hits)),
        memory: { at: now, choices: hits.map((h) => h.code), aspects, procedure: mem.procedure },
        plan,
      };
    }
    if (d.decision === 'handoff') return { reply: this.replies.handoffReply(unit, channel, await names(ranked), false, office), memory: mem, plan };
    return { reply: this.replies.declineReply(unit, office), memory: mem, plan };
  }
}
