import { createHash } from 'node:crypto';
import type { Db } from '../db/connection';
import type { CatalogService, Procedure } from '../catalog';
import type { Clock } from '../shared/clock';
import { NotFoundError, ValidationError } from '../shared/errors';
import { formatDateTime } from '../shared/format';
import { uuidv7 } from '../shared/ids';
import { Signal } from '../shared/signal';
import { normalizePhone } from '../shared/phone';
import { RateLimitedError, waitText } from '../shared/rate-limit';
import { fold, syllables } from '../shared/vietnamese';
import type { Unit, UnitService } from '../unit';
import { notOfficeMatter, officeLine, otherOffice, type OtherOffice } from './assistant.other-offices';
import { choiceFacts, elsewhereAnswer, officeAnswer, procedureAnswer, procedurePath, type Composed, type OfficeInfo, type ReplyLink } from './assistant.answer';
import type { Aspect, Intent } from './assistant.intent';
import * as repo from './assistant.repo';
import { AssistantDesk, messageOf } from './assistant.desk';
import { faqDoc, procedureDoc } from './assistant.docs';
import { Retriever, type Candidate, type QueryPlan } from './assistant.retrieval';
import { CALIBRATION, confidence, decide, sureFactAnswer, type Decided } from './assistant.decide';
import { knownButStory, stillAboutSubject } from './assistant.follow-ups';
import { ageTwin } from './assistant.age-twins';
import { LEARNED, readLearned } from './assistant.learned';
import { BUILTIN_SYNONYMS, SynonymTable } from './assistant.synonyms';
import { findDossierCode, findPhone } from './assistant.text';
import { qualifierChoice } from './assistant.qualifiers';
import { counterTurn, type CounterDesk, type CounterMemory } from './assistant.counter';
import { withOffer, type ChatPhoto, type ChatSubmitDesk } from './assistant.chat-submit';
import type { Rephraser } from './llm';
import { ZaloError, type ZaloClient, type ZaloEvent } from './zalo';

/**
 * The virtual assistant's rules: read the question, find the procedure in the unit's catalogue
 * (or an FAQ entry), decide between answering, offering choices ("Ý bạn là…") and handing over
 * to staff, answer from the structured record, remember the last procedure for follow-ups, look
 * up a dossier's status by code and phone, and keep every conversation for the staff inbox and
 * the statistics.
 */

export const CHANNELS = ['web', 'zalo', 'api'] as const;
export type AssistantChannel = (typeof CHANNELS)[number];
/** Takes one try from the caller's code-and-phone proof budget; throws RateLimitedError when spent. */
export type TakeProof = () => Promise<void>;

export type Decision = 'answer' | 'clarify' | 'handoff' | 'decline' | 'elsewhere' | 'smalltalk' | 'status' | 'ask';

export interface ProcedureHit {
  code: string;
  name: string;
  /** Confidence 0..1: how much of the question the procedure covers. */
  score: number;
}

export interface AssistantReply {
  /** The whole answer as plain text, links written out (Zalo, API). */
  answer: string;
  intent: Intent;
  decision: Decision;
  procedures: ProcedureHit[];
  handoff: boolean;
  /** For the web chat: the text lines, the buttons and the quick replies. */
  lines: string[];
  links: ReplyLink[];
  quickReplies: string[];
  /** The reply asks for a photo (a chat submission's paper): the web chat shows its upload button. */
  upload?: boolean;
}

export interface ChatMessage {
  seq: number;
  role: 'user' | 'bot' | 'staff';
  text: string;
  lines: string[];
  links: ReplyLink[];
  quickReplies: string[];
  decision: string | null;
  createdAt: string;
  delivery: string;
  upload?: boolean;
}

/** A dossier lookup as the dossier module offers it (status by code, proven by phone). */
export interface DossierLookup {
  getForActor(ref: string, actor: { kind: 'anonymous' }, proof?: { phone?: string }): Promise<{ code: string | null; status: string; dueAt: string | null; procedureCode: string; unitCode: string }>;
  trackingUrl(code: string): string;
}

export interface AssistantDeps {
  db: Db;
  catalog: CatalogService;
  units: UnitService;
  dossiers: DossierLookup;
  clock: Clock;
  publicUrl: string;
  defaultUnit: () => Promise<string>;
  statusLabel: (status: string) => string;
  zalo?: ZaloClient;
  /** The unit a Zalo OA answers for (ZALO_UNIT), else the default unit. */
  zaloUnit?: string;
  rephraser?: Rephraser;
  /** The unit's concrete office for a procedure (name, address, hours), when the offices are known. */
  officeFor?: (unitCode: string, procedure: { code: string; agency: string }) => Promise<OfficeInfo | null | undefined>;
  /** "Lấy số" and "đặt lịch" (queue and appointment modules), when wired. */
  counter?: CounterDesk;
  /** "Nộp ngay trong cuộc trò chuyện": submitting a dossier from the chat (src/chatform), when wired. */
  chatForm?: ChatSubmitDesk;
  log?: (msg: string, err?: unknown) => void;
}

/** What the assistant remembers of a conversation, for a short while. */
interface Memory {
  procedure?: string;
  choices?: string[];
  aspects?: Aspect[];
  awaiting?: 'code' | 'phone';
  dossierCode?: string;
  tries?: number;
  at?: string;
  /** A ticket or booking conversation under way. */
  counter?: CounterMemory;
}

// ---------------------------------------------------------------------------- calibration
/** How long the assistant remembers the last procedure of a conversation. */
export const MEMORY_MS = 30 * 60_000;
const VERSION_CHECK_MS = 2000;
const MAX_QUESTION = 1000;

const round = (n: number) => Math.round(n * 1000) / 1000;
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** "1", "số 2", "cái thứ ba", or the name of one of the choices offered. */
export function pickChoice(text: string, choices: Array<{ code: string; name: string }>): string | undefined {
  const f = syllables(fold(text)).join(' ');
  const ordinals: Record<string, number> = { '1': 0, '2': 1, '3': 2, mot: 0, hai: 1, ba: 2, nhat: 0 };
  const m = /^(?:(?:so|cai|thu tuc|chon|y)\s+)?(?:thu\s+)?(1|2|3|mot|hai|ba|nhat)(?:\s+a)?$/.exec(f);
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

export class AssistantService {
  private readonly indexes = new Map<string, UnitIndex>();
  private readonly building = new Map<string, Promise<UnitIndex>>();
  private settings = { value: '', checkedAt: 0 };
  private readonly background = new Set<Promise<void>>();
  /** Every change of FAQ or synonyms made by this process (the other processes are told: src/cluster). */
  readonly updates = new Signal();

  /** The staff's side: handed-over questions, FAQ, synonyms, statistics (assistant.desk.ts). */
  readonly desk: AssistantDesk;

  constructor(private readonly deps: AssistantDeps) {
    this.desk = new AssistantDesk(deps, () => this.changed());
  }

  private readonly zaloTextHandlers: Array<(followerId: string, text: string) => Promise<boolean>> = [];

  /** A module that acts on a follower's text on Zalo (true: it did, the assistant does not answer). */
  onZaloText(handler: (followerId: string, text: string) => Promise<boolean>): void {
    this.zaloTextHandlers.push(handler);
  }

  // -------------------------------------------------------------------------- index

  private async settingsVersion(): Promise<string> {
    const now = Date.now();
    if (now - this.settings.checkedAt >= VERSION_CHECK_MS) {
      this.settings = { value: (await repo.getMeta(this.deps.db, 'version')) ?? '0', checkedAt: now };
    }
    return this.settings.value;
  }

  /** FAQ or synonyms changed: this node rebuilds at once, others within VERSION_CHECK_MS. */
  private async changed(): Promise<void> {
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

  private absolute(href: string): string {
    return href.startsWith('http') ? href : `${this.deps.publicUrl}${href}`;
  }

  private reply(intent: Intent, decision: Decision, c: Composed, procedures: ProcedureHit[] = [], handoff = false): AssistantReply {
    const linkText = c.links.map((l) => `${l.label}: ${this.absolute(l.href)}`);
    return { answer: [...c.lines, ...linkText].join('\n'), intent, decision, procedures, handoff, lines: c.lines, links: c.links, quickReplies: c.quickReplies };
  }

  private hit(c: Candidate, p?: Procedure): ProcedureHit {
    return { code: c.id, name: p?.name ?? c.id, score: round(confidence(c)) };
  }

  private examples(): string[] {
    return ['Làm giấy khai sinh cần gì?', 'Đăng ký tạm trú mất bao lâu?', 'Tra cứu hồ sơ'];
  }

  /**
   * A follow-up's words fit several procedures as well: the one being discussed is meant ("mấy hôm
   * thì có thẻ?" after the first ID card), else the one of its field ("thế còn chấm dứt?" after a
   * household business is not the ending of a guardianship) — the others as good drop out instead
   * of winning or making it a choice.
   */
  private async nearSubject(candidates: Candidate[], previous: string): Promise<{ candidates: Candidate[]; current: boolean }> {
    const field = (await this.deps.catalog.findProcedure(previous))?.field;
    const top = candidates.find((c) => c.kind === 'procedure');
    if (!field || !top) return { candidates, current: false };
    const close = candidates.filter((c) => c.kind === 'procedure' && c.coverage >= top.coverage - 0.02 && c.score >= top.score / 2);
    const current = close.find((c) => c.id === previous);
    if (current) return { candidates: [current, ...candidates.filter((c) => !close.includes(c))], current: close.length > 1 };
    if (close.length < 2) return { candidates, current: false };
    const same: Candidate[] = [];
    for (const c of close) if ((await this.deps.catalog.findProcedure(c.id))?.field === field) same.push(c);
    if (!same.length || same.length === close.length) return { candidates, current: false };
    return { candidates: [same[0]!, ...candidates.filter((c) => !close.includes(c))], current: false };
  }

  /**
   * "Thế còn gia hạn?" after a building permit's reissue: the words fit dozens of procedures of
   * other fields ("gia hạn tạm trú", "gia hạn nộp thuế"), so the one of the subject's field named
   * with every word of the follow-up is looked up with the subject's name beside it. Only when no
   * procedure of that field is already among the best (then `nearSubject` decides).
   */
  private async inSubjectField(retriever: Retriever, plan: QueryPlan, about: string, previous: string, candidates: Candidate[]): Promise<string | undefined> {
    const prev = await this.deps.catalog.findProcedure(previous);
    const words = plan.content.flatMap((c) => c.split('+'));
    if (!prev?.field || !words.length) return undefined;
    const top = candidates.find((c) => c.kind === 'procedure');
    if (top && (await this.deps.catalog.findProcedure(top.id))?.field === prev.field) return undefined;
    for (const c of retriever.search(`${about} ${prev.name}`, { limit: 8 }).candidates) {
      if (c.kind !== 'procedure' || !c.here || c.id === previous) continue;
      const p = await this.deps.catalog.findProcedure(c.id);
      if (p?.field !== prev.field) continue;
      const name = new Set(syllables(fold(p.name)));
      if (words.every((w) => name.has(w))) return c.id;
    }
    return undefined;
  }

  /**
   * "Đổi thì sao?" after a lost card's re-issue: the follow-up's few words are not in the name of
   * the procedure being discussed but all are in a sibling's of the same field among the first
   * found ("Cấp đổi thẻ căn cước"): that sibling, not the one discussed.
   */
  private async namedSibling(plan: QueryPlan, previous: string, candidates: Candidate[]): Promise<string | undefined> {
    const words = plan.content.flatMap((c) => c.split('+'));
    const prev = await this.deps.catalog.findProcedure(previous);
    if (!prev?.field || !words.length || words.length > 3) return undefined;
    const named = (name: string) => {
      const own = new Set(syllables(fold(name)));
      return words.every((w) => own.has(w));
    };
    if (named(prev.name)) return undefined;
    for (const c of candidates.slice(0, 5)) {
      if (c.kind !== 'procedure' || !c.here || c.id === previous) continue;
      const p = await this.deps.catalog.findProcedure(c.id);
      if (p?.field === prev.field && named(p.name)) return c.id;
    }
    return undefined;
  }

  /** Choices that differ only by a qualifier the question names or leaves out: the one meant is answered (see qualifierChoice). */
  private async byQualifier(d: Decided, question: string, online: boolean): Promise<Decided> {
    if (d.decision !== 'clarify') return d;
    const named = await Promise.all(d.picks.map(async (c) => ({ code: c.id, name: (await this.deps.catalog.findProcedure(c.id))?.name ?? '' })));
    const meant = d.picks.find((c) => c.id === qualifierChoice(question, named, { online }));
    return meant ? { decision: 'answer', picks: [meant], confidence: confidence(meant) } : d;
  }

  private async procedureReply(unit: Unit, code: string, aspects: Aspect[], question: string, procedures: ProcedureHit[], intent: Intent): Promise<AssistantReply> {
    const { procedure, entry } = await this.deps.catalog.getUnitProcedure(unit.code, code);
    const office = (aspects.includes('place') && (await this.deps.officeFor?.(unit.code, procedure))) || undefined;
    const composed = procedureAnswer(procedure, unit, entry, aspects, office);
    if (this.deps.rephraser) {
      const text = await this.deps.rephraser.rephrase({ question, facts: composed.lines });
      // The procedure is always named by us, whatever the wording.
      if (text) composed.lines = [composed.lines[0]!, ...text.split(/\n+/).filter(Boolean)];
    }
    // One decision: the procedure the text is about comes first in the list, the others after it.
    const self = procedures.find((h) => h.code === procedure.code) ?? { code: procedure.code, name: procedure.name, score: 1 };
    return this.reply(intent, 'answer', composed, [self, ...procedures.filter((h) => h.code !== procedure.code)]);
  }

  /**
   * The numbered choices, each with the fact the citizen asked (fee, time, papers, place) when
   * the question asked one: "2. Cấp đổi thẻ căn cước — Phí, lệ phí: …".
   */
  private async choiceLines(unit: Unit, hits: ProcedureHit[], aspects: Aspect[]): Promise<string[]> {
    const asked = aspects.filter((a) => a === 'fee' || a === 'time' || a === 'papers' || a === 'place');
    return Promise.all(
      hits.map(async (h, i) => {
        if (!asked.length) return `${i + 1}. ${h.name}`;
        const found = await this.deps.catalog.getUnitProcedure(unit.code, h.code).catch(() => undefined);
        if (!found) return `${i + 1}. ${h.name}`;
        const office = (asked.includes('place') && (await this.deps.officeFor?.(unit.code, found.procedure))) || undefined;
        const fact = choiceFacts(found.procedure, unit, found.entry, asked, office);
        return `${i + 1}. ${h.name}${fact ? ` — ${fact}` : ''}`;
      }),
    );
  }

  private handoffReply(unit: Unit, channel: AssistantChannel, procedures: ProcedureHit[], asked: boolean, office?: OtherOffice): AssistantReply {
    const where = channel === 'zalo' ? 'qua Zalo này' : 'ngay trong khung trò chuyện này';
    const lines = [
      ...(office ? [officeLine(office, unit.name, true)] : []),
      asked
        ? `Mình đã chuyển yêu cầu của bạn tới cán bộ ${unit.name}.`
        : `Câu hỏi này mình chưa trả lời chắc chắn được, nên đã chuyển cho cán bộ ${unit.name} để tránh trả lời sai.`,
      `Cán bộ sẽ trả lời bạn ${where} trong giờ làm việc.${unit.phone ? ` Nếu cần gấp, xin gọi ${unit.phone}.` : ''}`,
    ];
    return this.reply(asked ? 'human' : 'procedure', 'handoff', { lines, links: [], quickReplies: [] }, procedures, true);
  }

  private declineReply(unit: Unit, office?: OtherOffice): AssistantReply {
    return this.reply('out_of_scope', 'decline', {
      lines: [
        office ? officeLine(office, unit.name) : 'Xin lỗi, câu hỏi này nằm ngoài phạm vi mình hỗ trợ.',
        `Mình là trợ lý về thủ tục hành chính tại ${unit.name}: giấy tờ cần chuẩn bị, thời hạn, lệ phí, nơi nộp, cách nộp trực tuyến và tình trạng hồ sơ.`,
        'Bạn có thể hỏi, ví dụ: “Làm giấy khai sinh cho bé cần những gì?”',
      ],
      links: [],
      quickReplies: [...this.examples(), 'Gặp cán bộ'],
    });
  }

  private async statusReply(unit: Unit, memory: Memory, code: string, phoneRaw: string, takeProof?: TakeProof): Promise<{ reply: AssistantReply; memory: Memory }> {
    const phone = normalizePhone(phoneRaw);
    if (!phone) {
      return {
        reply: this.reply('status', 'ask', { lines: ['Số điện thoại chưa đúng. Xin nhập số điện thoại đã dùng khi nộp hồ sơ, ví dụ 0912345678.'], links: [], quickReplies: [] }),
        memory,
      };
    }
    // Each code-and-phone check draws on the same budget as /tra-cuu and every other proof route.
    try {
      await takeProof?.();
    } catch (e) {
      if (!(e instanceof RateLimitedError)) throw e;
      return {
        reply: this.reply('status', 'ask', {
          lines: [`Bạn đã tra cứu quá nhiều lần. Xin chờ ${waitText(e.retryAfterSeconds)} rồi thử lại, hoặc liên hệ ${unit.name}${unit.phone ? ` (${unit.phone})` : ''}.`],
          links: [],
          quickReplies: [],
        }),
        memory,
      };
    }
    try {
      const d = await this.deps.dossiers.getForActor(code, { kind: 'anonymous' }, { phone });
      const procedure = await this.deps.catalog.findProcedure(d.procedureCode);
      const lines = [`Hồ sơ ${d.code ?? code}${procedure ? ` — ${procedure.name}` : ''}`, `Tình trạng: ${this.deps.statusLabel(d.status)}.`];
      if (d.dueAt) lines.push(`Ngày hẹn trả kết quả: ${formatDateTime(d.dueAt)}.`);
      const links: ReplyLink[] = [];
      if (d.code) links.push({ kind: 'track', label: 'Theo dõi hồ sơ', href: this.deps.dossiers.trackingUrl(d.code) });
      if (procedure) links.push({ kind: 'page', label: 'Xem thủ tục', href: procedurePath(d.unitCode, procedure.code) });
      return { reply: this.reply('status', 'status', { lines, links, quickReplies: [] }), memory: { at: memory.at, procedure: procedure?.code } };
    } catch (e) {
      if (!(e instanceof NotFoundError)) throw e;
      const tries = (memory.tries ?? 0) + 1;
      if (tries >= 3) {
        return {
          reply: this.reply('status', 'ask', {
            lines: [`Vẫn không tìm thấy hồ sơ với mã và số điện thoại này. Xin kiểm tra giấy hẹn, hoặc liên hệ ${unit.name}${unit.phone ? ` (${unit.phone})` : ''}.`],
            links: [{ kind: 'track', label: 'Tra cứu hồ sơ', href: '/tra-cuu' }],
            quickReplies: ['Gặp cán bộ'],
          }),
          memory: { at: memory.at },
        };
      }
      return {
        reply: this.reply('status', 'ask', { lines: ['Không tìm thấy hồ sơ với mã và số điện thoại đã nhập. Xin kiểm tra lại mã hồ sơ trên giấy hẹn và số điện thoại đã dùng khi nộp.'], links: [], quickReplies: [] }),
        memory: { ...memory, tries },
      };
    }
  }

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
    mem.procedure = await ageTwin(this.deps.catalog, idx.retriever, mem.procedure, text, mem.choices); // another person's age: the twin for it (assistant.age-twins.ts)

    // "Lấy số", "đặt lịch": the counter's short conversation (assistant.counter.ts).
    if (this.deps.counter) {
      const turn = await counterTurn(this.deps.counter, unit.code, text, mem.counter, channel, sessionKey);
      if (turn) return { reply: this.reply(turn.intent, turn.decision, turn.composed), memory: { at: now, ...(turn.memory ? { counter: turn.memory } : {}) } };
      delete mem.counter;
    }

    // Dossier status: a code in the message, then the phone number that proves it is theirs.
    const code = findDossierCode(text);
    const phone = findPhone(text);
    if (code) {
      if (phone) return this.statusReply(unit, { at: now, awaiting: 'phone', dossierCode: code }, code, phone, takeProof);
      return {
        reply: this.reply('status', 'ask', { lines: [`Để bảo vệ thông tin cá nhân, xin cho biết số điện thoại đã dùng khi nộp hồ sơ ${code}.`], links: [], quickReplies: [] }),
        memory: { at: now, awaiting: 'phone', dossierCode: code, tries: 0 },
      };
    }
    if (mem.awaiting === 'phone' && mem.dossierCode && (phone || /^[\s\d.+()-]{8,}$/.test(text))) return this.statusReply(unit, mem, mem.dossierCode, phone ?? text, takeProof);

    // One of the choices offered last time.
    if (mem.choices?.length) {
      const choices = await Promise.all(mem.choices.map(async (c) => ({ code: c, name: (await this.deps.catalog.findProcedure(c))?.name ?? c })));
      const picked = pickChoice(text, choices);
      if (picked) {
        const aspects = mem.aspects ?? [];
        const r = await this.procedureReply(unit, picked, aspects, text, [], aspects[0] ?? 'procedure');
        return { reply: r, memory: { at: now, procedure: picked, aspects } };
      }
    }

    const { plan, candidates: retrieved } = idx.retriever.search(text, { limit: Math.max(8, LEARNED.proposeDepth) });
    // The learned model's reading (assistant.learned.ts): the first few re-ordered (or its own code
    // from further down put first; lighter when a fact is asked), the scope odds, its sure code; the first 8 kept.
    const learned = readLearned(text, retrieved, undefined, 8, plan.intents.aspects.length > 0);
    const found = learned.candidates;
    const it = plan.intents;
    // "Thế còn kết hôn?": another procedure, the same question as before.
    const continues = it.followUp || /^(?:còn|thế còn|vậy còn|thế thì|vậy thì)\s/iu.test(text);
    const near = (continues || it.aspects.length) && fresh && mem.procedure ? await this.nearSubject(found, mem.procedure) : { candidates: found, current: false };
    const candidates = near.candidates;
    const aspects = it.aspects.length ? it.aspects : continues && fresh && mem.aspects?.length && plan.contentCount > 0 ? mem.aspects : [];
    const intent: Intent = aspects[0] ?? 'procedure';
    const names = async (cs: Candidate[]) => Promise.all(cs.map(async (c) => this.hit(c, await this.deps.catalog.findProcedure(c.id))));
    const greet = (r: AssistantReply): AssistantReply =>
      it.greeting ? { ...r, lines: ['Chào bạn!', ...r.lines], answer: `Chào bạn!\n${r.answer}` } : r;

    if (it.human) return { reply: this.handoffReply(unit, channel, [], true), memory: mem, plan };
    if (it.status && plan.contentCount === 0) {
      return {
        reply: this.reply('status', 'ask', { lines: ['Xin cho biết mã hồ sơ (in trên giấy hẹn, ví dụ 00004-261129-0001), mình sẽ tra cứu tình trạng giúp bạn.'], links: [{ kind: 'track', label: 'Tra cứu hồ sơ', href: '/tra-cuu' }], quickReplies: [] }),
        memory: { at: now, awaiting: 'code' },
        plan,
      };
    }

    if (plan.contentCount === 0) {
      if (aspects.length && fresh && mem.procedure) {
        return { reply: greet(await this.procedureReply(unit, mem.procedure, aspects, text, [], intent)), memory: { at: now, procedure: mem.procedure, aspects }, plan };
      }
      if ((aspects.length && aspects.every((a) => a === 'place')) || (it.office && !aspects.length)) {
        return { reply: greet(this.reply('place', 'answer', officeAnswer(unit))), memory: mem, plan };
      }
      if (aspects.length && mem.choices?.length) {
        // Choices were offered and not answered: offer them again, for this question.
        const hits = await Promise.all(mem.choices.map(async (code) => ({ code, name: (await this.deps.catalog.findProcedure(code))?.name ?? code, score: 0 })));
        const lines = ['Bạn hỏi về thủ tục nào?', ...(await this.choiceLines(unit, hits, aspects)), 'Xin trả lời bằng số hoặc chọn bên dưới.'];
        return { reply: this.reply(intent, 'clarify', { lines, links: [], quickReplies: [...hits.map((h) => h.name), 'Gặp cán bộ'] }, hits), memory: { ...mem, aspects }, plan };
      }
      if (aspects.length) {
        return {
          reply: greet(this.reply(intent, 'ask', { lines: ['Bạn muốn hỏi về thủ tục nào? Ví dụ: khai sinh, kết hôn, tạm trú, chứng thực bản sao.'], links: [], quickReplies: this.examples() })),
          memory: { ...mem, aspects },
          plan,
        };
      }
      if (it.greeting) {
        return {
          reply: this.reply('greeting', 'smalltalk', {
            lines: [`Chào bạn! Mình là trợ lý ảo của Bộ phận Một cửa ${unit.name}.`, 'Mình trả lời về giấy tờ cần chuẩn bị, thời hạn, lệ phí, nơi nộp, cách nộp trực tuyến và tình trạng hồ sơ. Bạn cần làm thủ tục gì?'],
            links: [],
            quickReplies: this.examples(),
          }),
          memory: mem,
          plan,
        };
      }
      if (it.thanks) {
        return { reply: this.reply('thanks', 'smalltalk', { lines: ['Không có gì ạ. Bạn cần hỏi thêm về thủ tục nào cứ nhắn cho mình nhé.'], links: [], quickReplies: [] }), memory: mem, plan };
      }
      return { reply: this.declineReply(unit, otherOffice(text)), memory: mem, plan };
    }

    // An FAQ entry written by staff that covers the question.
    const top = candidates[0];
    if (top?.kind === 'faq' && top.coverage >= CALIBRATION.faq) {
      const f = idx.faqs.get(top.id)!;
      const p = f.procedure_code ? await this.deps.catalog.findProcedure(f.procedure_code) : undefined;
      const lines = p ? [`${p.name} (mã ${p.code})`, f.answer] : [f.answer];
      const links: ReplyLink[] = p ? [{ kind: 'page', label: 'Xem chi tiết thủ tục', href: procedurePath(unit.code, p.code) }] : [];
      return {
        reply: greet(this.reply(intent, 'answer', { lines, links, quickReplies: [] }, p ? [{ code: p.code, name: p.name, score: round(top.coverage) }] : [])),
        memory: { at: now, procedure: p?.code },
        plan,
      };
    }

    // What the question is about, without the words asking the fact ("hết bao nhiêu tiền").
    const about = plan.tokens.filter((_, i) => !it.consumed.has(i)).map((t) => t.folded).join(' ');
    const inField =
      continues && fresh && mem.procedure && !it.offTopic
        ? ((near.current ? undefined : await this.inSubjectField(idx.retriever, plan, about, mem.procedure, candidates)) ?? (await this.namedSibling(plan, mem.procedure, candidates)))
        : undefined;
    if (inField) {
      return { reply: greet(await this.procedureReply(unit, inField, aspects, text, [], intent)), memory: { at: now, procedure: inField, aspects }, plan };
    }
    // A fact asked with words that fit the procedure being discussed as well as any other ("mấy hôm
    // thì có thẻ?"): it is still about that one.
    if (near.current && aspects.length && !it.offTopic && knownButStory(plan)) {
      return { reply: greet(await this.procedureReply(unit, mem.procedure!, aspects, text, [], intent)), memory: { at: now, procedure: mem.procedure, aspects }, plan };
    }
    // The qualifiers are judged on what the question is about ("hết bao nhiêu tiền" says no "thông báo").
    // Asked online ("làm online", "qua mạng": words taken out of `about`): the record done online.
    // A matter of an office the ward is not (assistant.other-offices.ts): a refusal or hand-over
    // names that office, and said in its sure words, no procedure found that is not about it is
    // answered, offered or pointed to. A fact asked of the one sure offer is answered first.
    const office = otherOffice(text);
    const decided = sureFactAnswer(await this.byQualifier(decide(candidates, plan, learned.outOdds, learned.sure), about, it.aspects.includes('online')), aspects, learned.sure);
    const d = await notOfficeMatter(text, async (id) => (await this.deps.catalog.findProcedure(id))?.name, decided, CALIBRATION.answer);
    // A follow-up whose words do not name another procedure ("thủ tục đó nộp online thì sao?"):
    // only when the question points back, or its words match no procedure well.
    const pointsBack = (it.followUp && d.confidence < CALIBRATION.clarify) || (aspects.length > 0 && d.confidence < CALIBRATION.handoff);
    if (d.decision !== 'answer' && d.decision !== 'clarify' && fresh && mem.procedure && !it.offTopic && !office && (pointsBack ? knownButStory(plan) : stillAboutSubject(plan, aspects, candidates, mem.procedure))) {
      return { reply: greet(await this.procedureReply(unit, mem.procedure, aspects, text, [], intent)), memory: { at: now, procedure: mem.procedure, aspects }, plan };
    }
    const ranked = candidates.filter((c) => c.kind === 'procedure' && confidence(c) >= CALIBRATION.handoff).slice(0, 3);
    if (d.decision === 'answer') {
      // The procedure answered, then the others worth a look (the unit's own only).
      const pick = d.picks[0]!;
      const hits = await names([pick, ...ranked.filter((c) => c.id !== pick.id && c.here)].slice(0, 3));
      return { reply: greet(await this.procedureReply(unit, pick.id, aspects, text, hits, intent)), memory: { at: now, procedure: pick.id, aspects }, plan };
    }
    if (d.decision === 'elsewhere') {
      const [p, ...near] = await Promise.all(d.picks.map((x) => this.deps.catalog.findProcedure(x.id)));
      if (p) return { reply: greet(this.reply(intent, 'elsewhere', elsewhereAnswer(p, unit, near.filter((x) => x !== undefined)))), memory: { at: now }, plan };
    }
    if (d.decision === 'clarify') {
      const hits = await names(d.picks);
      // One procedure offered for a fact asked ("bà mất tuần trước, giấy tờ đó mất bao lâu?"): the
      // fact beside it, as with several choices — the citizen may not need to answer at all.
      const [only] = hits.length === 1 ? await this.choiceLines(unit, hits, aspects) : [];
      const fact = only?.split(' — ').slice(1).join(' — ');
      const lines =
        hits.length === 1
          ? [`Ý bạn là thủ tục “${hits[0]!.name}”?`, ...(fact ? [fact.endsWith("…") ? fact : `${fact}.`] : []), 'Nếu đúng, xin trả lời “1” hoặc chọn bên dưới; nếu không, chọn “Gặp cán bộ” để cán bộ trả lời.']
          : ['Ý bạn là thủ tục nào?', ...(await this.choiceLines(unit, hits, aspects)), `Xin trả lời bằng số (1${hits.length > 2 ? ', 2 hoặc 3' : ' hoặc 2'}) hoặc chọn bên dưới.`];
      return {
        reply: greet(this.reply(intent, 'clarify', { lines, links: [], quickReplies: [...hits.map((h) => h.name), 'Gặp cán bộ'] }, hits)),
        memory: { at: now, choices: hits.map((h) => h.code), aspects, procedure: mem.procedure },
        plan,
      };
    }
    if (d.decision === 'handoff') return { reply: this.handoffReply(unit, channel, await names(ranked), false, office), memory: mem, plan };
    return { reply: this.declineReply(unit, office), memory: mem, plan };
  }

  /**
   * A chat submission's turn (src/chatform) when the message belongs to one; else, once the usual
   * answer is made, the offer to submit in the chat when it answers about an offered procedure.
   */
  private async chatSubmitTurn(unitCode: string, question: string, memory: Memory, input: { channel: AssistantChannel; sessionKey: string; takeProof?: TakeProof; photo?: ChatPhoto }): Promise<{ reply: AssistantReply; memory: Memory } | undefined> {
    const desk = this.deps.chatForm;
    if (!desk) return undefined;
    const fresh = memory.at && Date.parse(this.deps.clock.now().toISOString()) - Date.parse(memory.at) < MEMORY_MS;
    const turn = await desk.turn({ unitCode, channel: input.channel, sessionKey: input.sessionKey, text: question, procedure: fresh ? memory.procedure : undefined, photo: input.photo });
    if (turn) return { reply: { ...this.reply('online', turn.decision, turn.composed), ...(turn.upload ? { upload: true } : {}) }, memory };
    const r = await this.respond(unitCode, question, memory, input.channel, input.takeProof, input.sessionKey);
    const code = r.reply.decision === 'answer' ? r.memory.procedure : undefined;
    if (!code || r.reply.procedures[0]?.code !== code || !(await desk.offered(unitCode, code))) return r;
    return { reply: this.reply(r.reply.intent, r.reply.decision, withOffer(r.reply), r.reply.procedures, r.reply.handoff), memory: r.memory };
  }

  // -------------------------------------------------------------------------- conversations

  private externalId(channel: AssistantChannel, key: string): string {
    return channel === 'zalo' ? key : sha(`${channel}:${key}`);
  }

  private async conversation(channel: AssistantChannel, key: string, unitCode: string): Promise<repo.ConversationRow> {
    const ext = this.externalId(channel, key);
    const found = await repo.findConversation(this.deps.db, channel, ext);
    if (found) return found;
    const now = this.deps.clock.now().toISOString();
    await repo.insertConversation(this.deps.db, { id: uuidv7(), unit_code: unitCode, channel, external_id: ext, memory: '{}', message_count: 0, created_at: now, updated_at: now });
    return (await repo.findConversation(this.deps.db, channel, ext))!;
  }

  /** Ask the assistant; the question, the reply and the memory are kept with the conversation. */
  async ask(input: { unitCode?: string; question: string; channel: AssistantChannel; sessionKey: string; context?: string; takeProof?: TakeProof; photo?: ChatPhoto }): Promise<AssistantReply> {
    const question = input.question.normalize('NFC').trim();
    if (!question) throw new ValidationError('Xin nhập câu hỏi.', [{ field: 'question', code: 'required', message: 'Xin nhập câu hỏi' }]);
    if (question.length > MAX_QUESTION) {
      throw new ValidationError(`Câu hỏi tối đa ${MAX_QUESTION} ký tự.`, [{ field: 'question', code: 'too_long', message: `Câu hỏi tối đa ${MAX_QUESTION} ký tự` }]);
    }
    const unitCode = await this.resolveUnit(input.unitCode);
    const conv = await this.conversation(input.channel, input.sessionKey, unitCode);
    // A conversation moved to another unit's page starts its memory afresh.
    let memory = conv.unit_code === unitCode ? (JSON.parse(conv.memory) as Memory) : {};
    // Asked from a procedure's page: "phí bao nhiêu?" is about that procedure.
    if (input.context && !(memory.procedure && memory.at && Date.parse(this.deps.clock.now().toISOString()) - Date.parse(memory.at) < MEMORY_MS)) {
      const offered = (await this.deps.catalog.unitCatalog(unitCode)).entries.has(input.context);
      if (offered) memory = { ...memory, procedure: input.context, at: this.deps.clock.now().toISOString() };
    }
    const { reply, memory: next } = (await this.chatSubmitTurn(unitCode, question, memory, input)) ?? (await this.respond(unitCode, question, memory, input.channel, input.takeProof, input.sessionKey));
    const now = this.deps.clock.now().toISOString();
    await this.deps.db.transaction().execute(async (trx) => {
      const seq = await repo.reserveSeq(trx, conv.id, 2);
      const userId = uuidv7();
      await repo.insertMessage(trx, {
        id: userId,
        conversation_id: conv.id,
        seq,
        unit_code: unitCode,
        role: 'user',
        text: question,
        intent: reply.intent,
        decision: reply.decision,
        procedure_code: reply.decision === 'answer' ? (reply.procedures[0]?.code ?? null) : null,
        data: '{}',
        delivery: '',
        delivery_error: null,
        created_at: now,
      });
      await repo.insertMessage(trx, {
        id: uuidv7(),
        conversation_id: conv.id,
        seq: seq + 1,
        unit_code: unitCode,
        role: 'bot',
        text: reply.answer,
        intent: reply.intent,
        decision: reply.decision,
        procedure_code: reply.procedures[0]?.code ?? null,
        data: JSON.stringify({ lines: reply.lines, links: reply.links, quickReplies: reply.quickReplies, ...(reply.upload ? { upload: true } : {}) }),
        delivery: '',
        delivery_error: null,
        created_at: now,
      });
      if (reply.handoff) {
        const open = await repo.listHandoffs(trx, unitCode, 'open', 1000);
        if (!open.some((h) => h.conversation_id === conv.id)) {
          await repo.insertHandoff(trx, {
            id: uuidv7(),
            unit_code: unitCode,
            conversation_id: conv.id,
            message_id: userId,
            question,
            candidates: JSON.stringify(reply.procedures),
            status: 'open',
            reply: null,
            staff_id: null,
            staff_name: null,
            answered_at: null,
            faq_id: null,
            created_at: now,
          });
        }
      }
      await repo.updateConversation(trx, conv.id, { memory: JSON.stringify(next), unit_code: unitCode, updated_at: now });
    });
    return reply;
  }

  /** A conversation's messages (after a message number, for polling). */
  async history(channel: AssistantChannel, sessionKey: string, afterSeq?: number): Promise<ChatMessage[]> {
    const conv = await repo.findConversation(this.deps.db, channel, this.externalId(channel, sessionKey));
    if (!conv) return [];
    return (await repo.listMessages(this.deps.db, conv.id, { afterSeq, limit: 100 })).map((r) => messageOf(r));
  }

  // -------------------------------------------------------------------------- Zalo

  get zaloEnabled(): boolean {
    return !!this.deps.zalo;
  }

  /** Run after the webhook answered 200: tests wait on idle(). */
  inBackground(work: () => Promise<void>): void {
    const p = work()
      .catch((e) => this.deps.log?.('assistant: background task failed', e))
      .finally(() => this.background.delete(p));
    this.background.add(p);
  }

  async idle(): Promise<void> {
    while (this.background.size) await Promise.all([...this.background]);
  }

  /**
   * One verified webhook event: a follower's text is answered through the OA; echoes of our own
   * messages (oa_send_*) and events seen before (Zalo retries) are ignored.
   */
  async handleZaloEvent(event: ZaloEvent, opts: { takeProof?: (followerId: string) => Promise<void> } = {}): Promise<'answered' | 'ignored' | 'duplicate'> {
    const zalo = this.deps.zalo;
    const name = event.event_name ?? '';
    if (!zalo || name.startsWith('oa_send_') || (name !== 'user_send_text' && name !== 'user_send_image')) return 'ignored';
    const userId = event.sender?.id;
    const text = event.message?.text;
    const msgId = event.message?.msg_id;
    // Photos (the papers of a chat submission; several in one message when the follower picks
    // several): each image is fetched from Zalo's server and taken in turn.
    const images = name === 'user_send_image' ? (event.message?.attachments ?? []).filter((a) => a.type === 'image' && a.payload?.url).map((a) => a.payload!.url!) : [];
    const image = images[0];
    if (!userId || !msgId || (name === 'user_send_text' ? !text?.trim() : !image)) return 'ignored';
    const now = this.deps.clock.now().toISOString();
    if (!(await repo.claimZaloEvent(this.deps.db, msgId, name, now))) return 'duplicate';
    // A command another module answers (a parent's "HUY" stops the vaccination reminders): not a question.
    // …unless the follower is submitting a dossier in the chat: there "hủy" cancels the submission.
    const submitting = !!(await this.deps.chatForm?.active('zalo', userId));
    if (text && !image && !submitting) for (const h of this.zaloTextHandlers) if (await h(userId, text)) return 'answered';
    const takeProof = opts.takeProof;
    const proof = takeProof ? () => takeProof(userId) : undefined;
    if (!images.length) {
      const reply = await this.ask({ unitCode: this.deps.zaloUnit, question: text!.slice(0, MAX_QUESTION), channel: 'zalo', sessionKey: userId, takeProof: proof });
      await zalo.sendText(userId, reply.answer);
      return 'answered';
    }
    // One reply for the message: the answer to its last photo (which counts the ones before).
    let last: AssistantReply | undefined;
    for (const url of images) {
      let photo: ChatPhoto;
      try {
        photo = await zalo.fetchImage(url);
      } catch (e) {
        await zalo.sendText(userId, `Mình chưa tải được ảnh bạn vừa gửi${e instanceof ZaloError ? ` (${e.message})` : ''}. Xin gửi lại ảnh.`);
        return 'answered';
      }
      last = await this.ask({ unitCode: this.deps.zaloUnit, question: `[Ảnh] ${photo.filename}`, channel: 'zalo', sessionKey: userId, photo, takeProof: proof });
    }
    await zalo.sendText(userId, last!.answer);
    return 'answered';
  }
}
