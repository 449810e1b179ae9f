import { createHash } from 'node:crypto';
import type { ChatPhoto, ChatSubmitDesk, ChatSubmitTurn } from '../assistant';
import type { AuditService } from '../audit';
import type { CatalogService } from '../catalog';
import type { Db } from '../db/connection';
import type { Dossier, DossierDrafts, DossierService } from '../dossier';
import { allFields, answerText, DEMO_EFORMS, validateFormData, type EFormField, type FormValue } from '../eform';
import type { Clock } from '../shared/clock';
import { DomainError, ForbiddenError, NotFoundError } from '../shared/errors';
import { formatDateTime } from '../shared/format';
import { uuidv7 } from '../shared/ids';
import { formatPhone, normalizePhone } from '../shared/phone';
import { fold } from '../shared/vietnamese';
import { fieldQuestion, readAnswer } from './chatform.answers';
import * as repo from './chatform.repo';

/**
 * Submitting a dossier from the chat (issue 15, "Nộp ngay trong cuộc trò chuyện"), on the web
 * widget and on Zalo: the applicant's name and phone (the phone proven by the one-time code every
 * anonymous submission needs), each e-form field in turn with the e-form's own validation, the
 * required papers as photos, a summary to confirm — then the SAME draft-and-submit path as the web
 * form (DossierDrafts + DossierService.submit), so the dossier, its receipt and its notices are
 * those of a web submission (channel "online"). The conversation's state is kept in the database
 * (migration 041): it can be left and resumed; "hủy" cancels and removes the draft.
 */

export interface ChatFormDeps {
  db: Db;
  clock: Clock;
  catalog: CatalogService;
  dossiers: DossierService;
  drafts: DossierDrafts;
  /** The phone one-time code (account module), as the web form's draft pages use it. */
  otp: { request(phone: string, unitCode: string): Promise<{ demoCode?: string }>; verify(phone: string, code: string): Promise<string> };
  requirePhoneVerification: boolean;
  audit?: AuditService;
}

/** Offered in the chat unless the unit decides otherwise: the procedures with a written e-form (birth, death, marriage, marital status, residence, certification). */
export const DEFAULT_CHAT_PROCEDURES: ReadonlySet<string> = new Set(Object.keys(DEMO_EFORMS));
/** After this long without a message, a submission under way waits for "Tiếp tục". */
export const IDLE_MS = 30 * 60_000;

type Step = 'case' | 'name' | 'phone' | 'otp' | 'idNumber' | 'address' | 'field' | 'paper' | 'summary';

interface State {
  caseId?: string | null;
  applicant: { fullName?: string; phone?: string; idNumber?: string; address?: string };
  values: Record<string, FormValue>;
  field: number;
  paper: number;
  /** The photos sent for each paper (file names); an optional paper skipped has none. */
  papers: Record<string, string[] | string>;
  /** A paper revisited from the summary: the first new photo replaces those sent before. */
  redo?: boolean;
  verified?: boolean;
  /** Editing from the summary: back to it after the answer. */
  back?: boolean;
  /** Left for a while (or "để sau"): only "tiếp tục", "hủy" or the offer come back to it. */
  paused?: boolean;
}

interface Paper {
  id: string;
  name: string;
  required: boolean;
}

interface Line {
  role: 'user' | 'bot';
  text: string;
  at: string;
}

interface Ctx {
  s: repo.SessionRow;
  state: State;
  step: Step;
  name: string;
  fields: EFormField[];
  cases: Array<{ id: string; title: string }>;
  papers: Paper[];
  eformTitle: string;
}

const words = (s: string) => fold(s.normalize('NFC')).replace(/[^a-z0-9]+/g, ' ').trim();
// Folded: "hủy" is "hui", "nộp" is "nop", "tiếp tục" is "tiep tuc".
const START = /^(nop ngai( trong cuoc tro chuien)?|nop ho so ngai|nop qua (tro chuien|chat|zalo)|nop truc tuien ngai|nop o dai)$/;
const CANCEL = /^(hui|hui bo|hui ho so|thoi hui|cancel)$/;
const RESUME = /^(tiep tuc|lam tiep|nop tiep|tiep)$/;
const PAUSE = /^(de sau|tam dung|lat nua|luc khac)$/;
const CONFIRM = /^(xac nhan|dong i|nop|nop ho so|gui|ok|dung roi|dong i nop)$/;
/** Every photo of a paper sent ("xong"), or an optional paper the applicant does not have ("bỏ qua"). */
const PAPER_DONE = /^(xong|xong roi|da xong|gui xong|du roi|du anh roi|het roi|het anh|chi co vai|sang giai khac|giai tiep theo)$/;
const PAPER_SKIP = /^(bo qua|khong co|ko co|k co|khong|chua co|khong can)$/;
/** The photos sent for a paper (a session saved before several photos were taken holds one name). */
const photosOf = (state: State, id: string): string[] => [state.papers[id] ?? []].flat();
const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const ANON = { kind: 'anonymous' } as const;

const say = (lines: string[], o: { quick?: string[]; decision?: 'answer' | 'ask'; upload?: boolean; links?: ChatSubmitTurn['composed']['links'] } = {}): ChatSubmitTurn => ({
  composed: { lines, links: o.links ?? [], quickReplies: o.quick ?? [] },
  decision: o.decision ?? 'ask',
  ...(o.upload ? { upload: true } : {}),
});

export class ChatFormService implements ChatSubmitDesk {
  constructor(private readonly deps: ChatFormDeps) {}

  private externalId(channel: string, key: string): string {
    return channel === 'zalo' ? key : sha(`${channel}:${key}`);
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }

  // -------------------------------------------------------------------------- the unit's choice

  /** Whether the unit offers this procedure in the chat: its admin's choice, else the default list; always an online procedure of the unit. */
  async offered(unitCode: string, procedureCode: string): Promise<boolean> {
    const p = await this.deps.catalog.getUnitProcedure(unitCode, procedureCode).catch((e) => {
      if (e instanceof NotFoundError) return undefined;
      throw e;
    });
    if (!p || !p.procedure.channels.some((c) => c.kind === 'online')) return false;
    const row = await repo.findSetting(this.deps.db, unitCode, procedureCode);
    return row ? row.enabled === 1 : DEFAULT_CHAT_PROCEDURES.has(procedureCode);
  }

  /** The unit's online procedures, each with its e-form's length and whether the chat offers it. */
  async settings(unitCode: string): Promise<Array<{ code: string; name: string; fields: number; enabled: boolean }>> {
    const rows = new Map((await repo.listSettings(this.deps.db, unitCode)).map((r) => [r.procedure_code, r.enabled === 1]));
    return (await this.onlineForms(unitCode)).map((p) => ({ ...p, enabled: rows.get(p.code) ?? DEFAULT_CHAT_PROCEDURES.has(p.code) }));
  }

  /** Per unit, for one version of the catalogue: its online procedures and their e-forms' lengths. */
  private readonly forms = new Map<string, { version: string; list: Promise<Array<{ code: string; name: string; fields: number }>> }>();

  /**
   * The unit's online procedures with their e-forms' lengths, by name: every e-form is read (and a
   * unit's own parsed) once per version of the catalogue — the unit's own e-forms are catalogue
   * settings, so any change to them moves the version — not at each load of the admin's page.
   */
  private async onlineForms(unitCode: string): Promise<Array<{ code: string; name: string; fields: number }>> {
    const version = await this.deps.catalog.version();
    const have = this.forms.get(unitCode);
    if (have?.version === version) return have.list;
    const list = (async () => {
      const out = [];
      for (const p of await this.deps.catalog.unitProcedures(unitCode)) {
        if (!p.channels.some((c) => c.kind === 'online')) continue;
        out.push({ code: p.code, name: p.name, fields: allFields(await this.deps.dossiers.eformOf(unitCode, p.code)).length });
      }
      return out.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    })();
    list.catch(() => this.forms.get(unitCode)?.list === list && this.forms.delete(unitCode));
    this.forms.set(unitCode, { version, list });
    return list;
  }

  /** The unit admin's choice (the whole list at once), audited. */
  async saveSettings(staff: { id: string; name: string; unitCode: string; role: string }, enabled: string[]): Promise<void> {
    if (staff.role !== 'admin') throw new ForbiddenError('Chỉ quản trị đơn vị được chọn thủ tục nộp qua trò chuyện.', 'admin_only');
    const on = new Set(enabled);
    const now = this.now();
    const current = await this.settings(staff.unitCode);
    const changed: string[] = [];
    for (const p of current) {
      const want = on.has(p.code);
      if (want !== p.enabled) changed.push(`${p.code}:${want ? 'bật' : 'tắt'}`);
      await repo.saveSetting(this.deps.db, { unit_code: staff.unitCode, procedure_code: p.code, enabled: want ? 1 : 0, updated_by: staff.id, updated_at: now });
    }
    if (changed.length) {
      await this.deps.audit?.record({
        actor: { kind: 'staff', id: staff.id, name: staff.name },
        unitCode: staff.unitCode,
        action: 'chatform.settings',
        targetKind: 'unit',
        targetId: staff.unitCode,
        data: { changed },
      });
    }
  }

  /** How a dossier came from the chat, for its staff page: the channel and the conversation. */
  async submissionOf(dossierCode: string): Promise<{ channel: string; transcript: Line[] } | undefined> {
    const s = await repo.findByDossier(this.deps.db, dossierCode);
    return s ? { channel: s.channel, transcript: JSON.parse(s.transcript) as Line[] } : undefined;
  }

  // -------------------------------------------------------------------------- the conversation

  async active(channel: string, sessionKey: string): Promise<boolean> {
    return !!(await repo.findOpenSession(this.deps.db, channel, this.externalId(channel, sessionKey)));
  }

  async turn(input: { unitCode: string; channel: string; sessionKey: string; text: string; procedure?: string; photo?: ChatPhoto }): Promise<ChatSubmitTurn | undefined> {
    const ext = this.externalId(input.channel, input.sessionKey);
    const text = input.text.normalize('NFC').trim();
    const w = words(text);
    const s = await repo.findOpenSession(this.deps.db, input.channel, ext);
    if (!s) {
      if (input.photo) return say(['Mình chỉ nhận ảnh giấy tờ khi bạn đang nộp hồ sơ trong cuộc trò chuyện.', 'Hãy hỏi về thủ tục cần làm (ví dụ “đăng ký khai sinh”), rồi chọn “Nộp ngay trong cuộc trò chuyện”.'], { decision: 'answer' });
      if (!START.test(w)) return undefined;
      if (!input.procedure) return say(['Bạn muốn nộp hồ sơ thủ tục nào? Hãy hỏi về thủ tục đó trước (ví dụ “đăng ký khai sinh cần gì”), rồi chọn “Nộp ngay trong cuộc trò chuyện”.']);
      if (!(await this.offered(input.unitCode, input.procedure))) {
        return say(['Thủ tục này chưa nộp được trong cuộc trò chuyện. Bạn có thể nộp trực tuyến trên trang của thủ tục.'], {
          decision: 'answer',
          links: [{ kind: 'submit', label: 'Nộp trực tuyến', href: `/p/${input.unitCode}/${input.procedure}/nop-truc-tuyen` }],
        });
      }
      return this.start(input.unitCode, input.channel, ext, input.procedure, text);
    }
    const ctx = await this.context(s);
    const userText = input.photo ? `[Ảnh] ${input.photo.filename}` : ctx.step === 'otp' ? text.replace(/\d/g, '•') : text;
    const reply = await this.dispatch(ctx, text, w, input.photo);
    await this.persist(ctx, userText, reply);
    return reply;
  }

  private async start(unitCode: string, channel: string, ext: string, procedureCode: string, text: string): Promise<ChatSubmitTurn> {
    const now = this.now();
    const s: repo.SessionRow = {
      id: uuidv7(),
      channel,
      external_id: ext,
      unit_code: unitCode,
      procedure_code: procedureCode,
      status: 'active',
      step: 'name',
      state: JSON.stringify({ applicant: {}, values: {}, field: 0, paper: 0, papers: {} } satisfies State),
      draft_id: null,
      dossier_code: null,
      transcript: '[]',
      created_at: now,
      updated_at: now,
    };
    const ctx = await this.context(s);
    if (ctx.cases.length) ctx.step = 'case';
    const first = this.question(ctx);
    const optional = ctx.papers.filter((p) => !p.required).length;
    const papers = `${ctx.papers.length - optional} giấy tờ${optional ? ` (và ${optional} giấy tờ không bắt buộc, nếu bạn có)` : ''}`;
    const intro = [
      `Mình sẽ giúp bạn nộp hồ sơ “${ctx.name}” ngay tại đây: hỏi thông tin người nộp và lần lượt ${ctx.fields.length} mục của tờ khai, nhận ảnh chụp ${papers}, rồi cho bạn xem lại trước khi nộp.`,
      'Nhắn “Hủy” để dừng bất cứ lúc nào; bạn cũng có thể bỏ dở và quay lại sau, mình giữ những gì đã khai.',
    ];
    const reply = { ...first, composed: { ...first.composed, lines: [...intro, ...first.composed.lines] } };
    await repo.insertSession(this.deps.db, s);
    await this.persist(ctx, text, reply);
    return reply;
  }

  private async context(s: repo.SessionRow): Promise<Ctx> {
    const state = JSON.parse(s.state) as State;
    const form = await this.deps.dossiers.formFor(s.unit_code, s.procedure_code);
    const { procedure } = await this.deps.catalog.getUnitProcedure(s.unit_code, s.procedure_code);
    const caseId = state.caseId ?? null;
    return {
      s,
      state,
      step: s.step as Step,
      name: procedure.name,
      fields: allFields(form.eform),
      cases: form.cases.filter((g) => g.kind === 'case').map((g) => ({ id: g.id, title: g.title })),
      // Online, the papers of the general list and the chosen case, but the one the e-form replaces
      // (as DossierService.check): the required ones first, then those given only when one has them.
      papers: form.cases
        .filter((g) => g.kind === 'general' || (g.kind === 'case' && g.id === caseId))
        .flatMap((g) => g.components.filter((c) => !c.replacedByEForm).map((c) => ({ id: c.id, name: c.name, required: c.required })))
        .sort((a, b) => Number(b.required) - Number(a.required)),
      eformTitle: form.eform.title,
    };
  }

  private async persist(ctx: Ctx, userText: string, reply: ChatSubmitTurn): Promise<void> {
    const now = this.now();
    const transcript = JSON.parse(ctx.s.transcript) as Line[];
    transcript.push({ role: 'user', text: userText, at: now }, { role: 'bot', text: reply.composed.lines.join('\n'), at: now });
    const set = { step: ctx.step, state: JSON.stringify(ctx.state), transcript: JSON.stringify(transcript), updated_at: now, status: ctx.s.status, draft_id: ctx.s.draft_id, dossier_code: ctx.s.dossier_code };
    await repo.updateSession(this.deps.db, ctx.s.id, set);
  }

  // -------------------------------------------------------------------------- one answer

  private async dispatch(ctx: Ctx, text: string, w: string, photo?: ChatPhoto): Promise<ChatSubmitTurn> {
    const { state } = ctx;
    if (!photo && CANCEL.test(w)) return this.cancel(ctx);
    const idle = Date.parse(this.now()) - Date.parse(ctx.s.updated_at) > IDLE_MS;
    if (!photo && (RESUME.test(w) || START.test(w))) {
      state.paused = false;
      return this.reask(ctx, 'Mình làm tiếp nhé.');
    }
    if (!photo && PAUSE.test(w)) {
      state.paused = true;
      return say([`Vâng. Mình giữ hồ sơ “${ctx.name}” đang khai; khi sẵn sàng, nhắn “Tiếp tục” để làm tiếp hoặc “Hủy” để bỏ.`], { decision: 'answer' });
    }
    if (state.paused || idle) {
      state.paused = true;
      return say([`Chào bạn trở lại! Bạn đang nộp dở hồ sơ “${ctx.name}”.`, 'Nhắn “Tiếp tục” để làm tiếp (mình hỏi lại mục đang dở) hoặc “Hủy” để bỏ hồ sơ này.'], { quick: ['Tiếp tục', 'Hủy'] });
    }
    if (photo && ctx.step !== 'paper') return this.reask(ctx, 'Mình chưa cần ảnh lúc này.');
    switch (ctx.step) {
      case 'case':
        return this.answerCase(ctx, w);
      case 'name':
      case 'phone':
      case 'idNumber':
      case 'address':
        return this.answerApplicant(ctx, text, w);
      case 'otp':
        return this.answerOtp(ctx, text, w);
      case 'field':
        return this.answerField(ctx, text);
      case 'paper':
        return this.answerPaper(ctx, w, photo);
      case 'summary':
        return this.answerSummary(ctx, w);
    }
  }

  private async cancel(ctx: Ctx): Promise<ChatSubmitTurn> {
    const d = await this.draftOf(ctx);
    if (d) await this.deps.drafts.discard(d);
    ctx.s.status = 'cancelled';
    ctx.s.draft_id = null;
    return say([`Đã hủy hồ sơ “${ctx.name}” đang khai; những gì bạn đã khai và ảnh đã gửi đều được xóa.`, 'Bạn cần hỏi gì thêm cứ nhắn cho mình nhé.'], { decision: 'answer' });
  }

  private reask(ctx: Ctx, before: string): ChatSubmitTurn {
    const q = this.question(ctx);
    return { ...q, composed: { ...q.composed, lines: [before, ...q.composed.lines] } };
  }

  /** The question of the current step. */
  private question(ctx: Ctx): ChatSubmitTurn {
    const { state } = ctx;
    switch (ctx.step) {
      case 'case':
        return say(['Hồ sơ của bạn thuộc trường hợp nào?', ...ctx.cases.map((c, i) => `${i + 1}. ${c.title}`), `${ctx.cases.length + 1}. Không thuộc trường hợp riêng nào`, 'Xin trả lời bằng số.'], {
          quick: [...ctx.cases.map((_, i) => String(i + 1)), String(ctx.cases.length + 1)],
        });
      case 'name':
        return say(['Họ và tên người nộp hồ sơ (người đi đăng ký)?', 'Ví dụ: Nguyễn Văn An.']);
      case 'phone':
        return say(['Số điện thoại di động của người nộp? Kết quả và thông báo về hồ sơ sẽ gửi tới số này.', 'Ví dụ: 0912345678.']);
      case 'otp':
        return say([`Nhắn mã xác thực 6 chữ số vừa gửi qua tin nhắn SMS tới số ${formatPhone(state.applicant.phone ?? '')} (mã có hiệu lực 5 phút).`, 'Chưa nhận được? Nhắn “Gửi lại mã”.'], { quick: ['Gửi lại mã'] });
      case 'idNumber':
        return say(['Số định danh cá nhân (12 chữ số trên thẻ căn cước) của người nộp?', 'Không bắt buộc: nhắn “Bỏ qua” nếu không muốn khai.'], { quick: ['Bỏ qua'] });
      case 'address':
        return say(['Địa chỉ liên hệ của người nộp?', 'Không bắt buộc: nhắn “Bỏ qua” nếu không muốn khai.'], { quick: ['Bỏ qua'] });
      case 'field': {
        const f = ctx.fields[state.field]!;
        const q = fieldQuestion(f, state.field + 1, ctx.fields.length);
        return say(q.lines, { quick: q.quickReplies });
      }
      case 'paper':
        return this.paperQuestion(ctx);
      case 'summary':
        return this.summary(ctx);
    }
  }

  /** Move to the step after `from` (or back to the summary when editing). */
  private advance(ctx: Ctx, from: Step, prefix?: string): ChatSubmitTurn {
    const { state } = ctx;
    const needOtp = this.deps.requirePhoneVerification && !state.verified;
    const order = (): Step => {
      if (from === 'phone' && needOtp) return 'otp';
      if (state.back) return 'summary';
      switch (from) {
        case 'case':
          return 'name';
        case 'name':
          return 'phone';
        case 'phone':
        case 'otp':
          return 'idNumber';
        case 'idNumber':
          return 'address';
        case 'address':
          state.field = 0;
          return ctx.fields.length ? 'field' : ctx.papers.length ? 'paper' : 'summary';
        case 'field':
          if (state.field + 1 < ctx.fields.length) {
            state.field++;
            return 'field';
          }
          state.paper = 0;
          return ctx.papers.length ? 'paper' : 'summary';
        case 'paper':
          state.redo = false;
          if (state.paper + 1 < ctx.papers.length) {
            state.paper++;
            return 'paper';
          }
          return 'summary';
        default:
          return 'summary';
      }
    };
    ctx.step = order();
    if (ctx.step === 'summary') state.back = false;
    const q = this.question(ctx);
    return prefix ? { ...q, composed: { ...q.composed, lines: [prefix, ...q.composed.lines] } } : q;
  }

  private problem(ctx: Ctx, message: string, hint?: string): ChatSubmitTurn {
    const q = this.question(ctx);
    return { ...q, composed: { ...q.composed, lines: [message, ...(hint ? [hint] : q.composed.lines)] } };
  }

  private async answerCase(ctx: Ctx, w: string): Promise<ChatSubmitTurn> {
    const n = /^(?:so |chon )?(\d{1,2})$/.exec(w);
    const i = n ? Number(n[1]) - 1 : -1;
    if (i < 0 || i > ctx.cases.length) return this.problem(ctx, 'Xin trả lời bằng số của trường hợp trong danh sách.');
    ctx.state.caseId = i === ctx.cases.length ? null : ctx.cases[i]!.id;
    const fresh = await this.context({ ...ctx.s, state: JSON.stringify(ctx.state) });
    ctx.papers = fresh.papers;
    if (ctx.s.draft_id) await this.saveDraft(ctx);
    return this.advance(ctx, 'case');
  }

  private async answerApplicant(ctx: Ctx, text: string, w: string): Promise<ChatSubmitTurn> {
    const a = ctx.state.applicant;
    const step = ctx.step as 'name' | 'phone' | 'idNumber' | 'address';
    const key = step === 'name' ? 'fullName' : step;
    const optional = step === 'idNumber' || step === 'address';
    const skip = optional && /^(bo qua|khong|khong co|ko|k|bo trong)$/.test(w);
    const value = skip ? '' : step === 'idNumber' ? text.replace(/[\s.-]/g, '') : text;
    // The applicant block's own rules (the web form's), field by field.
    const trial = { fullName: a.fullName ?? 'Người nộp', phone: a.phone ?? '0912345678', idNumber: a.idNumber ?? '', email: '', address: a.address ?? '', [key]: value };
    const problem = this.deps.dossiers.checkApplicant(trial).problems.find((p) => p.field === `applicant.${key}`);
    if (problem) return this.problem(ctx, problem.message, step === 'phone' ? 'Xin nhắn lại số điện thoại di động, ví dụ 0912345678.' : undefined);
    if (step === 'phone') {
      const phone = normalizePhone(value)!;
      if (phone !== a.phone) ctx.state.verified = false;
      a.phone = phone;
    } else a[key] = value.normalize('NFC').trim();
    await this.saveDraft(ctx);
    if (step === 'phone' && this.deps.requirePhoneVerification && !ctx.state.verified) {
      const sent = await this.sendCode(ctx);
      if (sent) return sent;
    }
    return this.advance(ctx, step);
  }

  /** A code to the applicant's phone; a reply when it could not be sent (too many codes). */
  private async sendCode(ctx: Ctx): Promise<ChatSubmitTurn | undefined> {
    try {
      const r = await this.deps.otp.request(ctx.state.applicant.phone!, ctx.s.unit_code);
      if (r.demoCode) {
        ctx.step = 'otp';
        const q = this.question(ctx);
        return { ...q, composed: { ...q.composed, lines: [...q.composed.lines, `(Bản trình diễn: mã là ${r.demoCode}.)`] } };
      }
      return undefined;
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      ctx.step = 'otp';
      return say([e.message, 'Nhắn “Gửi lại mã” sau ít phút.'], { quick: ['Gửi lại mã'] });
    }
  }

  private async answerOtp(ctx: Ctx, text: string, w: string): Promise<ChatSubmitTurn> {
    if (/^(gui lai|gui lai ma|gui ma|ma moi|chua nhan duoc)$/.test(w)) {
      const failed = await this.sendCode(ctx);
      return failed ?? this.reask(ctx, 'Mình đã gửi mã mới.');
    }
    const code = /(?:^|\D)(\d{6})(?:\D|$)/.exec(text)?.[1];
    if (!code) return this.problem(ctx, 'Mã xác thực gồm 6 chữ số.');
    try {
      const phone = await this.deps.otp.verify(ctx.state.applicant.phone!, code);
      await this.deps.drafts.keepForPhone(await this.draft(ctx), phone, { sms: false });
      ctx.state.verified = true;
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      return this.problem(ctx, e.message);
    }
    return this.advance(ctx, 'otp', 'Đã xác thực số điện thoại.');
  }

  private async answerField(ctx: Ctx, text: string): Promise<ChatSubmitTurn> {
    const f = ctx.fields[ctx.state.field]!;
    const reading = readAnswer(f, text);
    if ('skip' in reading) delete ctx.state.values[f.id];
    else {
      // The field's own rule and message, exactly as the web form checks it.
      const r = validateFormData({ title: ctx.eformTitle, sections: [{ title: '', fields: [f] }] }, { [f.id]: reading.raw }, { clock: this.deps.clock });
      if (!r.ok) return this.problem(ctx, r.errors[0]!.message, f.type === 'date' ? 'Xin nhắn lại ngày, ví dụ 05/03/2024 hoặc 5 tháng 3 năm 2024.' : undefined);
      const v = r.value[f.id];
      if (v === undefined) delete ctx.state.values[f.id];
      else ctx.state.values[f.id] = v;
    }
    await this.saveDraft(ctx);
    return this.advance(ctx, 'field');
  }

  /** The current paper: its first photo asked for, or more photos (back, next pages) until "xong". */
  private paperQuestion(ctx: Ctx): ChatSubmitTurn {
    const { state } = ctx;
    const p = ctx.papers[state.paper]!;
    const sent = photosOf(state, p.id).length;
    const head = `Giấy tờ ${state.paper + 1}/${ctx.papers.length}: “${p.name}”${p.required ? '' : ' (không bắt buộc)'}.`;
    if (state.redo && sent) {
      return say([head, `Bạn đã gửi ${sent} ảnh. Gửi ảnh mới để thay các ảnh đó, hoặc nhắn “Xong” để giữ nguyên.`], { quick: ['Xong'], upload: true });
    }
    if (sent) {
      return say([head, `Đã có ${sent} ảnh. Giấy tờ có mặt sau hoặc nhiều trang thì gửi tiếp ảnh; đủ rồi thì nhắn “Xong”.`], { quick: ['Xong'], upload: true });
    }
    return say(
      [
        head,
        `Xin gửi ảnh chụp giấy tờ này. Chụp rõ, đủ bốn góc, không lóa; ảnh hoặc tệp PDF đều được; mặt sau hoặc trang tiếp theo gửi thêm ảnh.`,
        ...(p.required ? [] : ['Không có giấy tờ này thì nhắn “Bỏ qua”.']),
      ],
      { quick: p.required ? [] : ['Bỏ qua'], upload: true },
    );
  }

  private async answerPaper(ctx: Ctx, w: string, photo?: ChatPhoto): Promise<ChatSubmitTurn> {
    const { state } = ctx;
    const p = ctx.papers[state.paper]!;
    const sent = photosOf(state, p.id);
    if (!photo) {
      if (PAPER_SKIP.test(w) && !p.required) {
        // Not given after all: the photos sent for it go with it.
        const d = sent.length ? await this.draftOf(ctx) : undefined;
        if (d) await this.deps.drafts.replaceFiles(d, p.id, []);
        delete state.papers[p.id];
        return this.advance(ctx, 'paper', `Đã bỏ qua “${p.name}”.`);
      }
      if (PAPER_DONE.test(w) && (sent.length || !p.required)) return this.advance(ctx, 'paper', sent.length ? `Đã nhận ${sent.length} ảnh “${p.name}”.` : `Đã bỏ qua “${p.name}”.`);
      if (PAPER_SKIP.test(w) || PAPER_DONE.test(w)) return this.problem(ctx, `“${p.name}” là giấy tờ bắt buộc: xin gửi ít nhất một ảnh chụp giấy tờ này.`);
      return this.problem(ctx, `Xin gửi ảnh chụp “${p.name}” (bấm nút gửi ảnh, hoặc gửi ảnh trong Zalo)${sent.length ? ', hoặc nhắn “Xong” nếu đã đủ ảnh' : ''}.`);
    }
    const d = await this.draft(ctx);
    // The draft may have been made again meanwhile (its photos asked again): read what it holds now.
    const first = state.redo || !photosOf(state, p.id).length;
    try {
      // Checked by content like every upload (file module): a file that is not an image or a PDF is
      // refused. The first photo replaces whatever the paper held; the next ones are added to it.
      if (first) await this.deps.drafts.replaceFiles(d, p.id, [photo]);
      else await this.deps.dossiers.addAttachment(d, p.id, photo);
    } catch (e) {
      if (!(e instanceof DomainError) || e instanceof NotFoundError) throw e;
      return this.problem(ctx, `Chưa nhận được ảnh: ${e.message}`, `Xin gửi lại ảnh chụp “${p.name}”.`);
    }
    state.redo = false;
    state.papers[p.id] = [...(first ? [] : photosOf(state, p.id)), photo.filename];
    const q = this.paperQuestion(ctx);
    return { ...q, composed: { ...q.composed, lines: [`Đã nhận ảnh ${photosOf(state, p.id).length} của “${p.name}”.`, ...q.composed.lines.slice(1)] } };
  }

  /** Items of the summary, numbered for "sửa N": the applicant's four, then the e-form's fields. */
  private items(ctx: Ctx): Array<{ label: string; value: string; step: Step; field?: number; paper?: number }> {
    const a = ctx.state.applicant;
    return [
      { label: 'Người nộp', value: a.fullName ?? '', step: 'name' as Step },
      { label: 'Số điện thoại', value: a.phone ? formatPhone(a.phone) : '', step: 'phone' as Step },
      { label: 'Số định danh cá nhân', value: a.idNumber || '(không khai)', step: 'idNumber' as Step },
      { label: 'Địa chỉ', value: a.address || '(không khai)', step: 'address' as Step },
      ...ctx.fields.map((f, i) => ({ label: f.label, value: ctx.state.values[f.id] === undefined ? '(bỏ trống)' : answerText(f, ctx.state.values[f.id]), step: 'field' as Step, field: i })),
      ...ctx.papers.map((p, i) => {
        const n = photosOf(ctx.state, p.id).length;
        return { label: `Ảnh “${p.name}”`, value: n ? `${n} ảnh` : p.required ? 'chưa có' : '(không gửi)', step: 'paper' as Step, paper: i };
      }),
    ];
  }

  private summary(ctx: Ctx): ChatSubmitTurn {
    const caseLine = ctx.cases.length ? [`Trường hợp: ${ctx.cases.find((c) => c.id === ctx.state.caseId)?.title ?? 'Không thuộc trường hợp riêng nào'}`] : [];
    return say(
      [
        `Xin kiểm tra lại hồ sơ “${ctx.name}” trước khi nộp:`,
        ...caseLine,
        ...this.items(ctx).map((it, i) => `${i + 1}. ${it.label}: ${it.value}`),
        ...(ctx.papers.length ? [] : ['Giấy tờ: không cần gửi ảnh.']),
        'Nhận kết quả: tại Bộ phận Một cửa.',
        'Nhắn “Xác nhận” để nộp, “Sửa 5” để sửa mục số 5, hoặc “Hủy” để bỏ.',
      ],
      { quick: ['Xác nhận', 'Hủy'] },
    );
  }

  private async answerSummary(ctx: Ctx, w: string): Promise<ChatSubmitTurn> {
    const edit = /^sua (?:muc )?(\d{1,3})$/.exec(w);
    if (edit) {
      const it = this.items(ctx)[Number(edit[1]) - 1];
      if (!it) return this.problem(ctx, 'Không có mục số này.', 'Nhắn “Sửa” và số của mục trong danh sách trên, ví dụ “Sửa 5”.');
      ctx.state.back = true;
      ctx.step = it.step;
      if (it.field !== undefined) ctx.state.field = it.field;
      if (it.paper !== undefined) {
        ctx.state.paper = it.paper;
        ctx.state.redo = true;
      }
      return this.question(ctx);
    }
    if (!CONFIRM.test(w)) return this.problem(ctx, 'Mình chưa hiểu. Xin xem lại hồ sơ dưới đây.');
    return this.submit(ctx);
  }

  private async submit(ctx: Ctx): Promise<ChatSubmitTurn> {
    const d = await this.draft(ctx);
    // The web form's path: the same checks, then the same submission (code, due date, notices, audit).
    const problems = await this.deps.dossiers.problemsOf(d);
    if (problems.length) {
      const first = problems[0]!;
      const field = first.field.startsWith('formData.') ? ctx.fields.findIndex((f) => `formData.${f.id}` === first.field) : -1;
      const paper = first.field.startsWith('attachments.') ? ctx.papers.findIndex((p) => `attachments.${p.id}` === first.field) : -1;
      if (field >= 0) {
        ctx.step = 'field';
        ctx.state.field = field;
      } else if (paper >= 0) {
        ctx.step = 'paper';
        ctx.state.paper = paper;
      }
      ctx.state.back = true;
      const q = this.question(ctx);
      return { ...q, composed: { ...q.composed, lines: ['Hồ sơ chưa nộp được:', ...problems.map((p) => `- ${p.message}`), ...q.composed.lines] } };
    }
    let done: Dossier;
    try {
      done = await this.deps.dossiers.submit(d, ANON, { phoneVerified: !!ctx.state.verified || !this.deps.requirePhoneVerification });
    } catch (e) {
      if (!(e instanceof DomainError) || e instanceof NotFoundError) throw e;
      return this.problem(ctx, e.message);
    }
    ctx.s.status = 'submitted';
    ctx.s.dossier_code = done.code;
    const code = done.code!;
    return say(
      [
        `Đã nộp hồ sơ “${ctx.name}”. Mã hồ sơ của bạn: ${code}.`,
        done.dueAt ? `Ngày hẹn trả kết quả (dự kiến): ${formatDateTime(done.dueAt)}; ngày chính thức ghi trên giấy tiếp nhận khi cán bộ tiếp nhận hồ sơ.` : 'Cán bộ sẽ báo ngày hẹn trả kết quả khi tiếp nhận hồ sơ.',
        'Bạn sẽ nhận tin nhắn khi hồ sơ được tiếp nhận và khi có kết quả. Giữ mã hồ sơ để tra cứu.',
      ],
      { decision: 'answer', links: [{ kind: 'track', label: `Theo dõi hồ sơ ${code}`, href: this.deps.dossiers.trackingUrl(code) }] },
    );
  }

  // -------------------------------------------------------------------------- the draft

  private async draftOf(ctx: Ctx): Promise<Dossier | undefined> {
    if (!ctx.s.draft_id) return undefined;
    try {
      return await this.deps.drafts.open(ctx.s.draft_id, ANON, this.deps.drafts.token(ctx.s.draft_id));
    } catch (e) {
      if (e instanceof NotFoundError) return undefined;
      throw e;
    }
  }

  /**
   * The draft, made again from the chat's answers when it expired meanwhile (an unproven phone's
   * draft lives two hours): the answers are kept here; photos sent before are asked again.
   */
  private async draft(ctx: Ctx): Promise<Dossier> {
    const d = await this.draftOf(ctx);
    if (d) return d;
    ctx.s.draft_id = null;
    ctx.state.papers = {};
    await this.saveDraft(ctx);
    return (await this.draftOf(ctx))!;
  }

  /** What the chat has gathered, saved in the dossier draft as the web form saves it. */
  private async saveDraft(ctx: Ctx): Promise<void> {
    const a = ctx.state.applicant;
    if (!a.phone) return;
    const existing = await this.draftOf(ctx);
    const d = await this.deps.drafts.save(
      existing,
      {
        unitCode: ctx.s.unit_code,
        procedureCode: ctx.s.procedure_code,
        channel: 'online',
        caseId: ctx.state.caseId ?? null,
        applicant: { fullName: a.fullName ?? '', phone: a.phone, idNumber: a.idNumber ?? '', email: '', address: a.address ?? '' },
        formData: { ...ctx.state.values },
        delivery: { method: 'counter' },
      },
      ANON,
    );
    ctx.s.draft_id = d.id;
  }
}
