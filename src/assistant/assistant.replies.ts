/** The assistant's replies as it builds them: the plain reply, a procedure's answer, numbered choices, hand-over, decline, a dossier's status. */
import type { Procedure } from '../catalog';
import { NotFoundError } from '../shared/errors';
import { formatDateTime } from '../shared/format';
import { normalizePhone } from '../shared/phone';
import { RateLimitedError, waitText } from '../shared/rate-limit';
import type { Unit } from '../unit';
import { officeLine, type OtherOffice } from './assistant.other-offices';
import { choiceFacts, procedureAnswer, procedurePath, type Composed, type ReplyLink } from './assistant.answer';
import type { Aspect, Intent } from './assistant.intent';
import type { Candidate } from './assistant.retrieval';
import { confidence } from './assistant.decide';
import type { AssistantChannel, AssistantDeps, AssistantReply, Decision, Memory, ProcedureHit, TakeProof } from './assistant.service';

export const round = (n: number) => Math.round(n * 1000) / 1000;

/** The replies built, a part the service holds (assistant.service.ts) and the answering uses (assistant.respond.ts). */
export class AssistantReplies {
  constructor(private readonly deps: AssistantDeps) {}

  private absolute(href: string): string {
    return href.startsWith('http') ? href : `${this.deps.publicUrl}${href}`;
  }

  reply(intent: Intent, decision: Decision, c: Composed, procedures: ProcedureHit[] = [], handoff = false): AssistantReply {
    const linkText = c.links.map((l) => `${l.label}: ${this.absolute(l.href)}`);
    return { answer: [...c.lines, ...linkText].join('\n'), intent, decision, procedures, handoff, lines: c.lines, links: c.links, quickReplies: c.quickReplies };
  }

  hit(c: Candidate, p?: Procedure): ProcedureHit {
    return { code: c.id, name: p?.name ?? c.id, score: round(confidence(c)) };
  }

  examples(): string[] {
    return ['Làm giấy khai sinh cần gì?', 'Đăng ký tạm trú mất bao lâu?', 'Tra cứu hồ sơ'];
  }

  async procedureReply(unit: Unit, code: string, aspects: Aspect[], question: string, procedures: ProcedureHit[], intent: Intent): Promise<AssistantReply> {
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
  async choiceLines(unit: Unit, hits: ProcedureHit[], aspects: Aspect[]): Promise<string[]> {
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

  handoffReply(unit: Unit, channel: AssistantChannel, procedures: ProcedureHit[], asked: boolean, office?: OtherOffice): AssistantReply {
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

  declineReply(unit: Unit, office?: OtherOffice): AssistantReply {
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

  async statusReply(unit: Unit, memory: Memory, code: string, phoneRaw: string, takeProof?: TakeProof): Promise<{ reply: AssistantReply; memory: Memory }> {
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
}
