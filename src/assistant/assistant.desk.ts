import type { CatalogService } from '../catalog';
import type { Db } from '../db/connection';
import type { Clock } from '../shared/clock';
import { ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import { uuidv7 } from '../shared/ids';
import { fold, syllables } from '../shared/vietnamese';
import type { ReplyLink } from './assistant.answer';
import * as repo from './assistant.repo';
import type { AssistantChannel, ChatMessage, ProcedureHit } from './assistant.service';
import { BUILTIN_SYNONYMS } from './assistant.synonyms';
import type { ZaloClient } from './zalo';

/**
 * The staff's side of the assistant: the questions handed over (inbox, reply on the question's
 * channel, resend to Zalo), the unit's FAQ and synonyms, and the weekly statistics. A change of
 * FAQ or synonyms calls `changed` (the assistant rebuilds its index).
 */

/** A stored message as the chat and the staff pages show it. */
export function messageOf(r: repo.MessageRow): ChatMessage {
  const data = JSON.parse(r.data || '{}') as { lines?: string[]; links?: ReplyLink[]; quickReplies?: string[]; upload?: boolean };
  return {
    seq: r.seq,
    role: r.role as ChatMessage['role'],
    text: r.text,
    lines: data.lines ?? r.text.split('\n'),
    links: data.links ?? [],
    quickReplies: data.quickReplies ?? [],
    decision: r.decision,
    createdAt: r.created_at,
    delivery: r.delivery,
    ...(data.upload ? { upload: true } : {}),
  };
}

export class AssistantDesk {
  constructor(
    private readonly deps: { db: Db; clock: Clock; catalog: CatalogService; zalo?: ZaloClient },
    private readonly changed: () => Promise<void>,
  ) {}

  private staffUnit(staff: { unitCode: string }): string {
    return staff.unitCode;
  }

  async inbox(staff: { unitCode: string }): Promise<{ open: repo.HandoffRow[]; answered: repo.HandoffRow[] }> {
    const unit = this.staffUnit(staff);
    return { open: await repo.listHandoffs(this.deps.db, unit, 'open'), answered: await repo.listHandoffs(this.deps.db, unit, 'answered', 30) };
  }

  private async handoffOf(staff: { unitCode: string }, id: string): Promise<repo.HandoffRow> {
    const h = await repo.findHandoff(this.deps.db, id);
    // Another unit's question is as good as absent.
    if (!h || h.unit_code !== this.staffUnit(staff)) throw new NotFoundError('Không tìm thấy câu hỏi này.', 'handoff_not_found');
    return h;
  }

  async handoffDetail(staff: { unitCode: string }, id: string): Promise<{ handoff: repo.HandoffRow; channel: AssistantChannel; messages: ChatMessage[]; candidates: ProcedureHit[] }> {
    const h = await this.handoffOf(staff, id);
    const conv = (await repo.findConversationById(this.deps.db, h.conversation_id))!;
    const messages = (await repo.listMessages(this.deps.db, conv.id, { limit: 200 })).map((r) => messageOf(r));
    return { handoff: h, channel: conv.channel as AssistantChannel, messages, candidates: JSON.parse(h.candidates) as ProcedureHit[] };
  }

  /** The official's answer, sent on the channel the question came from. */
  async replyToHandoff(staff: { id: string; unitCode: string; name: string }, id: string, text: string): Promise<{ delivered: boolean; error?: string }> {
    const body = text.normalize('NFC').trim();
    if (!body) throw new ValidationError('Xin nhập câu trả lời.', [{ field: 'reply', code: 'required', message: 'Xin nhập câu trả lời' }]);
    if (body.length > 2000) throw new ValidationError('Câu trả lời tối đa 2000 ký tự.', [{ field: 'reply', code: 'too_long', message: 'Câu trả lời tối đa 2000 ký tự' }]);
    const h = await this.handoffOf(staff, id);
    const conv = (await repo.findConversationById(this.deps.db, h.conversation_id))!;
    const now = this.deps.clock.now().toISOString();
    const messageId = uuidv7();
    await this.deps.db.transaction().execute(async (trx) => {
      if (!(await repo.answerHandoff(trx, id, { reply: body, staff_id: staff.id, staff_name: staff.name, answered_at: now }))) {
        throw new ValidationError('Câu hỏi này đã được trả lời.', [{ field: 'reply', code: 'already_answered', message: 'Câu hỏi này đã được trả lời' }], 'already_answered');
      }
      const seq = await repo.reserveSeq(trx, conv.id, 1);
      await repo.insertMessage(trx, {
        id: messageId,
        conversation_id: conv.id,
        seq,
        unit_code: conv.unit_code,
        role: 'staff',
        text: body,
        intent: null,
        decision: null,
        procedure_code: null,
        data: JSON.stringify({ lines: body.split(/\n/), links: [], quickReplies: [], staff: staff.name }),
        delivery: conv.channel === 'zalo' ? 'pending' : 'stored',
        delivery_error: null,
        created_at: now,
      });
    });
    if (conv.channel !== 'zalo') return { delivered: true };
    return this.deliverZalo(messageId, conv.external_id, `Cán bộ ${staff.name} trả lời:\n${body}`);
  }

  private async deliverZalo(messageId: string, userId: string, text: string): Promise<{ delivered: boolean; error?: string }> {
    if (!this.deps.zalo) {
      await repo.updateMessageDelivery(this.deps.db, messageId, 'failed', 'Zalo OA chưa được cấu hình');
      return { delivered: false, error: 'Zalo OA chưa được cấu hình (ZALO_APP_ID, ZALO_OA_SECRET_KEY).' };
    }
    try {
      await this.deps.zalo.sendText(userId, text);
      await repo.updateMessageDelivery(this.deps.db, messageId, 'sent', null);
      return { delivered: true };
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      await repo.updateMessageDelivery(this.deps.db, messageId, 'failed', error);
      return { delivered: false, error };
    }
  }

  /** Send again a staff reply that Zalo did not take. */
  async resend(staff: { unitCode: string }, handoffId: string): Promise<{ delivered: boolean; error?: string }> {
    const { handoff, channel } = await this.handoffDetail(staff, handoffId);
    const conv = (await repo.findConversationById(this.deps.db, handoff.conversation_id))!;
    const failed = (await repo.listMessages(this.deps.db, conv.id, { limit: 200 })).filter((m) => m.role === 'staff' && m.delivery === 'failed').at(-1);
    if (channel !== 'zalo' || !failed) return { delivered: true };
    const staffName = (JSON.parse(failed.data) as { staff?: string }).staff ?? handoff.staff_name ?? '';
    return this.deliverZalo(failed.id, conv.external_id, `Cán bộ ${staffName} trả lời:\n${failed.text}`);
  }

  /** Turn an answered question into an FAQ entry, in one click. */
  async faqFromHandoff(staff: { id: string; unitCode: string }, handoffId: string, input: { question?: string; answer?: string; procedureCode?: string } = {}): Promise<repo.FaqRow> {
    const h = await this.handoffOf(staff, handoffId);
    if (h.faq_id) throw new ValidationError('Câu hỏi này đã được đưa vào câu hỏi thường gặp.', [{ field: 'faq', code: 'exists', message: 'Đã có câu hỏi thường gặp' }], 'faq_exists');
    const answer = (input.answer ?? h.reply ?? '').normalize('NFC').trim();
    if (!answer) throw new ValidationError('Cần trả lời câu hỏi trước khi đưa vào câu hỏi thường gặp.', [{ field: 'answer', code: 'required', message: 'Chưa có câu trả lời' }], 'faq_needs_answer');
    return this.addFaq(staff, { question: input.question ?? h.question, answer, procedureCode: input.procedureCode, handoffId: h.id });
  }

  async addFaq(staff: { id: string; unitCode: string }, input: { question: string; answer: string; procedureCode?: string; handoffId?: string }): Promise<repo.FaqRow> {
    const question = input.question.normalize('NFC').trim();
    const answer = input.answer.normalize('NFC').trim();
    const problems: Array<{ field: string; code: string; message: string }> = [];
    if (question.length < 3 || question.length > 500) problems.push({ field: 'question', code: 'length', message: 'Câu hỏi từ 3 đến 500 ký tự' });
    if (!answer || answer.length > 2000) problems.push({ field: 'answer', code: 'length', message: 'Câu trả lời từ 1 đến 2000 ký tự' });
    let procedureCode: string | null = input.procedureCode?.trim() || null;
    if (procedureCode) {
      try {
        await this.deps.catalog.getUnitProcedure(staff.unitCode, procedureCode);
      } catch {
        problems.push({ field: 'procedureCode', code: 'not_offered', message: 'Đơn vị không tiếp nhận thủ tục này' });
        procedureCode = null;
      }
    }
    if (problems.length) throw new ValidationError('Câu hỏi thường gặp chưa hợp lệ.', problems);
    const row: repo.FaqRow = { id: uuidv7(), unit_code: staff.unitCode, question, answer, procedure_code: procedureCode, handoff_id: input.handoffId ?? null, created_by: staff.id, created_at: this.deps.clock.now().toISOString() };
    await this.deps.db.transaction().execute(async (trx) => {
      await repo.insertFaq(trx, row);
      if (input.handoffId) await repo.setHandoffFaq(trx, input.handoffId, row.id);
    });
    await this.changed();
    return row;
  }

  async faqs(staff: { unitCode: string }): Promise<repo.FaqRow[]> {
    return repo.listFaqs(this.deps.db, staff.unitCode);
  }

  async deleteFaq(staff: { unitCode: string; role: string }, id: string): Promise<void> {
    if (!(await repo.deleteFaq(this.deps.db, staff.unitCode, id))) throw new NotFoundError('Không tìm thấy câu hỏi thường gặp này.', 'faq_not_found');
    await this.changed();
  }

  async synonyms(staff: { unitCode: string }): Promise<{ unit: repo.SynonymRow[]; builtin: typeof BUILTIN_SYNONYMS }> {
    return { unit: await repo.listSynonyms(this.deps.db, staff.unitCode), builtin: BUILTIN_SYNONYMS };
  }

  private requireAdmin(staff: { role: string }): void {
    if (staff.role !== 'admin') throw new ForbiddenError('Chỉ quản trị đơn vị được sửa bảng từ đồng nghĩa.', 'admin_only');
  }

  /** Unit admins teach the assistant their citizens' words ("giấy chứng tử" = khai tử). */
  async addSynonym(staff: { id: string; unitCode: string; role: string }, input: { phrase: string; expansion: string }): Promise<void> {
    this.requireAdmin(staff);
    const phrase = input.phrase.normalize('NFC').trim();
    const expansion = input.expansion.normalize('NFC').trim();
    const key = syllables(fold(phrase)).join(' ');
    const problems: Array<{ field: string; code: string; message: string }> = [];
    const n = key ? key.split(' ').length : 0;
    if (n < 1 || n > 6 || phrase.length > 60) problems.push({ field: 'phrase', code: 'length', message: 'Cách nói của người dân: từ 1 đến 6 tiếng' });
    const m = syllables(fold(expansion)).length;
    if (m < 1 || m > 20 || expansion.length > 200) problems.push({ field: 'expansion', code: 'length', message: 'Tên gọi trong danh mục: từ 1 đến 20 tiếng' });
    if (problems.length) throw new ValidationError('Từ đồng nghĩa chưa hợp lệ.', problems);
    await repo.upsertSynonym(this.deps.db, { id: uuidv7(), unit_code: staff.unitCode, phrase, phrase_key: key, expansion, created_by: staff.id, created_at: this.deps.clock.now().toISOString() });
    await this.changed();
  }

  async deleteSynonym(staff: { unitCode: string; role: string }, id: string): Promise<void> {
    this.requireAdmin(staff);
    if (!(await repo.deleteSynonym(this.deps.db, staff.unitCode, id))) throw new NotFoundError('Không tìm thấy từ này.', 'synonym_not_found');
    await this.changed();
  }

  /** Questions per week (Monday to Sunday, Vietnam time): asked, answered, clarified, handed over, declined. */
  async stats(staff: { unitCode: string }, weeks = 8): Promise<AssistantStats> {
    const now = this.deps.clock.now();
    const vnNow = new Date(now.getTime() + 7 * 3600_000);
    const dow = (vnNow.getUTCDay() + 6) % 7;
    const thisMonday = Date.UTC(vnNow.getUTCFullYear(), vnNow.getUTCMonth(), vnNow.getUTCDate() - dow) - 7 * 3600_000;
    const start = thisMonday - (weeks - 1) * 7 * 86400_000;
    const rows = await repo.listUserMessagesSince(this.deps.db, staff.unitCode, new Date(start).toISOString());
    const byWeek: WeekStats[] = Array.from({ length: weeks }, (_, i) => ({
      weekStart: new Date(start + i * 7 * 86400_000 + 7 * 3600_000).toISOString().slice(0, 10),
      asked: 0,
      answered: 0,
      clarified: 0,
      handedOver: 0,
      declined: 0,
      other: 0,
    }));
    const procCount = new Map<string, number>();
    for (const r of rows) {
      const w = Math.floor((Date.parse(r.created_at) - start) / (7 * 86400_000));
      const s = byWeek[w];
      if (!s) continue;
      s.asked++;
      if (r.decision === 'answer' || r.decision === 'status') s.answered++;
      else if (r.decision === 'clarify') s.clarified++;
      else if (r.decision === 'handoff') s.handedOver++;
      else if (r.decision === 'decline') s.declined++;
      else s.other++;
      if (r.procedure_code) procCount.set(r.procedure_code, (procCount.get(r.procedure_code) ?? 0) + 1);
    }
    const topProcedures = await Promise.all(
      [...procCount]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 15)
        .map(async ([code, count]) => ({ code, name: (await this.deps.catalog.findProcedure(code))?.name ?? code, count })),
    );
    return {
      weeks: byWeek.reverse(),
      topProcedures,
      recent: rows.slice(0, 50).map((r) => ({ text: r.text, decision: r.decision ?? '', intent: r.intent ?? '', procedureCode: r.procedure_code, at: r.created_at })),
    };
  }
}

export interface WeekStats {
  /** Monday, YYYY-MM-DD (Vietnam time). */
  weekStart: string;
  asked: number;
  answered: number;
  clarified: number;
  handedOver: number;
  declined: number;
  /** Greetings, thanks, questions back ("which procedure?"). */
  other: number;
}

export interface AssistantStats {
  weeks: WeekStats[];
  topProcedures: Array<{ code: string; name: string; count: number }>;
  recent: Array<{ text: string; decision: string; intent: string; procedureCode: string | null; at: string }>;
}
