import { createHash } from 'node:crypto';
import type { Db } from '../db/connection';
import type { CatalogService } from '../catalog';
import type { Clock } from '../shared/clock';
import { ValidationError } from '../shared/errors';
import { uuidv7 } from '../shared/ids';
import type { UnitService } from '../unit';
import type { OfficeInfo, ReplyLink } from './assistant.answer';
import type { Aspect, Intent } from './assistant.intent';
import * as repo from './assistant.repo';
import { AssistantDesk, messageOf } from './assistant.desk';
import type { CounterDesk, CounterMemory } from './assistant.counter';
import { withOffer, type ChatPhoto, type ChatSubmitDesk } from './assistant.chat-submit';
import { AssistantReplies } from './assistant.replies';
import { AssistantResponder, MAX_QUESTION, MEMORY_MS } from './assistant.respond';
import type { Signal } from '../shared/signal';
import type { Rephraser } from './llm';
import { ZaloError, type ZaloClient, type ZaloEvent } from './zalo';

export { MEMORY_MS, pickChoice } from './assistant.respond';

/**
 * The virtual assistant's rules: read the question, find the procedure in the unit's catalogue
 * (or an FAQ entry), decide between answering, offering choices ("Ý bạn là…") and handing over
 * to staff, answer from the structured record, remember the last procedure for follow-ups, look
 * up a dossier's status by code and phone, and keep every conversation for the staff inbox and
 * the statistics. Three layers: assistant.replies.ts builds the replies, assistant.respond.ts
 * answers one message (the unit's index, a follow-up's subject), this file keeps the conversations
 * and serves Zalo.
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
export interface Memory {
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

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * The assistant: conversations kept, chat submission's turn, Zalo — holding its parts: the replies
 * built (assistant.replies.ts), the answering of one message (assistant.respond.ts) and the staff's
 * desk (assistant.desk.ts).
 */
export class AssistantService {
  private readonly background = new Set<Promise<void>>();
  private readonly replies: AssistantReplies;
  private readonly responder: AssistantResponder;

  /** The staff's side: handed-over questions, FAQ, synonyms, statistics (assistant.desk.ts). */
  readonly desk: AssistantDesk;

  constructor(private readonly deps: AssistantDeps) {
    this.replies = new AssistantReplies(deps);
    this.responder = new AssistantResponder(deps, this.replies);
    this.desk = new AssistantDesk(deps, () => this.responder.changed());
  }

  /** Every change of FAQ or synonyms made by this process (the other processes are told: src/cluster). */
  get updates(): Signal {
    return this.responder.updates;
  }

  /** Another process changed FAQ or synonyms: the next question checks the version (and rebuilds). */
  recheck(): void {
    this.responder.recheck();
  }

  /** The unit asked about, or the default one; throws when there is none. */
  resolveUnit(unitCode?: string): Promise<string> {
    return this.responder.resolveUnit(unitCode);
  }

  private readonly zaloTextHandlers: Array<(followerId: string, text: string) => Promise<boolean>> = [];

  /** A module that acts on a follower's text on Zalo (true: it did, the assistant does not answer). */
  onZaloText(handler: (followerId: string, text: string) => Promise<boolean>): void {
    this.zaloTextHandlers.push(handler);
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
    if (turn) return { reply: { ...this.replies.reply('online', turn.decision, turn.composed), ...(turn.upload ? { upload: true } : {}) }, memory };
    const r = await this.responder.respond(unitCode, question, memory, input.channel, input.takeProof, input.sessionKey);
    const code = r.reply.decision === 'answer' ? r.memory.procedure : undefined;
    if (!code || r.reply.procedures[0]?.code !== code || !(await desk.offered(unitCode, code))) return r;
    return { reply: this.replies.reply(r.reply.intent, r.reply.decision, withOffer(r.reply), r.reply.procedures, r.reply.handoff), memory: r.memory };
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
    // Another first message of the same conversation inserted it first: that one is read.
    const inserted = await repo.insertConversation(this.deps.db, { id: uuidv7(), unit_code: unitCode, channel, external_id: ext, memory: '{}', message_count: 0, created_at: now, updated_at: now });
    return inserted ?? (await repo.findConversation(this.deps.db, channel, ext))!;
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
    const { reply, memory: next } = (await this.chatSubmitTurn(unitCode, question, memory, input)) ?? (await this.responder.respond(unitCode, question, memory, input.channel, input.takeProof, input.sessionKey));
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
