import { createHmac, timingSafeEqual } from 'node:crypto';
import { writeAlongside, type AlongsideWrite } from '../db/alongside';
import type { Db } from '../db/connection';
import type { CatalogService, Procedure, ProcessingTime } from '../catalog';
import { mainChannel } from '../catalog';
import { calendarsOf, computeDueAt, type UnitCalendar } from '../calendar';
import { eformFor, eformSchema, toJsonSchema, validateFormData, type EForm } from '../eform';
import type { Readable } from 'node:stream';
import { prepareUpload, type BlobStore } from '../file';
import type { NotificationService } from '../notification';
import type { AuditService, ChainPlace } from '../audit';
import type { UnitService } from '../unit';
import { planSchedule, type WorkflowService } from '../workflow';
import type { Clock } from '../shared/clock';
import { ConflictError, DomainError, ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '../shared/errors';
import { formatDateTime } from '../shared/format';
import { uuidv7 } from '../shared/ids';
import { normalizePhone, PHONE_MESSAGE } from '../shared/phone';
import { postalAddressProblem } from '../shared/address';
import { fold } from '../shared/vietnamese';
import * as repo from './dossier.repo';
import type { DossierCache } from './dossier.cache';
import type { DossierUpdate } from './dossier.repo';
import { resultFileOf } from './dossier.tracking';
import { storedAttachment, type AttachmentUpload } from './dossier.papers';
import {
  applicantSchema,
  CHANNEL_NAME,
  STATUS_LABEL,
  type Actor,
  type Applicant,
  type Dossier,
  type DossierChannel,
  type DossierFile,
  type DossierStatus,
  type HistoryEntry,
} from './dossier.types';

export interface DossierLimits {
  maxFileBytes: number;
  maxDossierBytes: number;
  maxFilesPerDossier: number;
}

/** A draft's id (the API's handle before the dossier has a code). */
const UUID_RE = /^[0-9a-f-]{36}$/;
/** The cached part holding a dossier's files and history (`view`). */
const FILES_AND_HISTORY = 'files+history';
/** The cached parts holding what other modules' reads gave (`lookupAlongside`). */
const ALONG = 'along:';

/** The parts the tracking answer takes from `lookupAlongside` (dossier.routes), and when each is read. */
export const LOOKUP_ALONG = {
  payments: { part: 'payments' },
  /** The newest signed result, looked for once the dossier has one to show. */
  signed: { part: 'signed', statuses: ['processed', 'returned'] as readonly DossierStatus[] },
} as const;

/**
 * Another module's read carried by a first lookup's statement (PostgreSQL): `part` names what it
 * gives (`alongside`); `statuses` limits it to dossiers in those statuses (e.g. a signed result).
 */
export interface LookupAlongside extends repo.LookupRead {
  part: string;
  statuses?: readonly DossierStatus[];
}

export const DEFAULT_LIMITS: DossierLimits = { maxFileBytes: 10 * 1024 * 1024, maxDossierBytes: 50 * 1024 * 1024, maxFilesPerDossier: 40 };

export interface NewDossierInput {
  unitCode: string;
  procedureCode: string;
  channel: DossierChannel;
  caseId?: string;
  applicant: unknown;
  formData?: unknown;
  delivery?: { method?: 'counter' | 'post'; address?: string };
  /** Made for a one-request submission: removed at start-up if the submission never committed. */
  transient?: boolean;
  /** When the draft is removed with its files unless submitted (drafts expire). */
  expiresAt?: string;
  /** The applicant's phone, proven by a one-time code (anonymous drafts). */
  verifiedPhone?: string;
  /** A dossier of the demo history (migration 018); refused unless the service runs in demo mode. */
  demo?: boolean;
}

export interface ProcedureForm {
  procedureCode: string;
  eform: EForm;
  jsonSchema: Record<string, unknown>;
  cases: Array<{ id: string; title: string; kind: GroupKind; components: Array<{ id: string; name: string; required: boolean; originals: number; copies: number; replacedByEForm: boolean }> }>;
}

export interface DossierView extends Dossier {
  procedureName: string;
  statusLabel: string;
  files: DossierFile[];
  history: HistoryEntry[];
}

/**
 * Component ids are "<group id>.<index>", stable for a procedure's record. The first group is the
 * general list; a group of papers only shown at the counter ("xuất trình") is never attached; every
 * other group is a case (trường hợp) that applies only when the applicant chooses it.
 */
export function componentsOf(p: Procedure): ProcedureForm['cases'] {
  return p.componentGroups.map((g, gi) => {
    const kind: GroupKind = /xuất trình/i.test(g.title) ? 'show' : gi === 0 ? 'general' : 'case';
    return {
      id: g.id,
      title: g.title || 'Giấy tờ phải nộp',
      kind,
      components: g.components.map((c, i) => ({
        id: `${g.id}.${i}`,
        name: c.name,
        required: kind !== 'show' && c.required && !/xuất trình/i.test(c.note ?? ''),
        originals: c.originals,
        copies: c.copies,
        replacedByEForm: !!c.replacedByEForm,
      })),
    };
  });
}

export type GroupKind = 'general' | 'case' | 'show';

/** The groups whose papers must be attached: the general list plus the chosen case. */
export function applicableGroups(p: Procedure, caseId: string | null): ProcedureForm['cases'] {
  return componentsOf(p).filter((g) => g.kind === 'general' || (g.kind === 'case' && g.id === caseId));
}

/**
 * The 15:00 rule of civil status ("hồ sơ nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp
 * theo", Decree 123/2015 art. 37 as amended) and of certification (Decree 23/2015 art. 7: copies
 * and signatures "trong ngày", the next working day after 15:00): applied where the record states it.
 */
export function hasAfternoonCutoff(p: Procedure): boolean {
  const field = fold(p.field);
  return (field === 'ho tich' || field === 'chung thuc') && p.channels.some((c) => /15\s*(giờ|h)/i.test(`${c.timeText} ${c.description}`));
}

export class DossierService {
  constructor(
    private readonly db: Db,
    private readonly catalog: CatalogService,
    private readonly notifications: NotificationService,
    private readonly files: BlobStore,
    private readonly clock: Clock,
    private readonly opts: {
      secret: string;
      publicUrl: string;
      requirePhoneVerification: boolean;
      limits?: DossierLimits;
      /** Processing (issue 4): processes, the audit log, and the unit tree for supervisors. */
      workflow?: WorkflowService;
      audit?: AuditService;
      units?: UnitService;
      /** Rows, files, history and finished answers kept until the dossier changes. */
      cache?: DossierCache;
      /** Demo mode (DEMO=on): only then may the demo history write dossiers marked demo. */
      demo?: boolean;
    },
  ) {}

  /**
   * A value derived from a dossier, kept until any change to the dossier (see dossier.cache.ts).
   * Only for callers that have already checked who may see the dossier (getForActor).
   */
  memo<T>(d: Dossier, name: string, load: () => Promise<T>): Promise<T> {
    const cache = this.opts.cache;
    if (!cache) return load();
    return cache.part(d.id, name, load, () => ({ id: d.id, code: d.code }));
  }

  /**
   * Reads of other modules that a first tracking lookup's statement carries on PostgreSQL
   * (db/alongside.ts), set by the composition root: their values are then `alongside(d, part)`.
   */
  lookupAlongside: ReadonlyArray<LookupAlongside> = [];

  /**
   * What another module's read (`lookupAlongside`) gave, read with the dossier's row and kept
   * with it; undefined when the row came without it (read otherwise, or the cache is off). Only for
   * callers that have already checked who may see the dossier.
   */
  alongside<T>(d: Dossier, part: string): { value: T } | undefined {
    return this.opts.cache?.peek<{ value: T }>(d.id, ALONG + part);
  }

  /** A part `memo` kept for this dossier, if any (no closure to make on the hot path). */
  cached<T>(d: Dossier, name: string): T | undefined {
    return this.opts.cache?.peek<T>(d.id, name);
  }

  /** How often cached parts were used / read again (tests, benchmark). */
  /** Demo mode (DEMO=on): the only mode in which dossiers marked demo may be written. */
  get demoMode(): boolean {
    return !!this.opts.demo;
  }

  cacheStats(): { hits: number; misses: number } {
    return { ...(this.opts.cache?.stats ?? { hits: 0, misses: 0 }) };
  }

  private async findByRef(ref: string): Promise<Dossier | undefined> {
    const cache = this.opts.cache;
    const hit = cache?.peek<Dossier>(ref, 'row');
    if (hit) return hit;
    const load = async () => {
      const d = UUID_RE.test(ref) ? await repo.findDossierById(this.db, ref) : await repo.findDossierByCode(this.db, ref);
      // Shared by every request while cached: nobody may change it in place.
      return d && Object.freeze(d);
    };
    if (!cache) return load();
    if (cache.enabled && !UUID_RE.test(ref) && repo.carriesReads(this.db)) {
      // PostgreSQL: the row with its files and history in one statement (a tracking lookup's
      // first reads); both kept, as `view` would keep the second.
      // Other modules' parts of the first answer (its fee and payments, its signed result) come
      // with them where the composition root gave their reads (`lookupAlongside`): one round trip.
      let parts: Array<[string, unknown]> = [];
      const along = this.lookupAlongside;
      const loadWithParts = async () => {
        const r = await repo.findDossierWithPartsByCode(this.db, ref, along);
        if (!r) return undefined;
        parts = [[FILES_AND_HISTORY, { files: Object.freeze(r.files), history: Object.freeze(r.history) }]];
        along.forEach((a, i) => {
          const read = r.along[i];
          if (read) parts.push([ALONG + a.part, read]);
        });
        return Object.freeze(r.dossier);
      };
      return cache.part(ref, 'row', loadWithParts, (d) => d && { id: d.id, code: d.code }, () => parts);
    }
    return cache.part(ref, 'row', load, (d) => d && { id: d.id, code: d.code });
  }

  /**
   * The visitor's usual lookup, from memory and with no promise: the dossier's row when it is cached
   * and the proof (signed link or the applicant's phone) matches, exactly as `getForActor` decides
   * for an anonymous actor; undefined otherwise (then the caller takes the full path, which also
   * words every refusal).
   */
  peekForVisitor(code: string, proof: { phone?: string; token?: string }): Dossier | undefined {
    const d = this.opts.cache?.peek<Dossier>(code, 'row');
    if (!d || d.code !== code) return undefined;
    if (proof.token && this.checkToken(code, proof.token)) return d;
    if (proof.phone && (proof.phone === d.applicant.phone || normalizePhone(proof.phone) === d.applicant.phone)) return d;
    return undefined;
  }

  /**
   * Units whose dossiers an official may see: their own; a supervisor also every unit below
   * theirs (read-only: the action rules refuse them any change).
   */
  async visibleUnits(actor: Extract<Actor, { kind: 'staff' }>): Promise<string[]> {
    if (actor.role !== 'supervisor' || !this.opts.units) return [actor.unitCode];
    return [actor.unitCode, ...(await this.opts.units.descendants(actor.unitCode)).map((u) => u.code)];
  }

  /**
   * The dossier's entry into its process, at receipt: the unit's current process version (kept
   * for the dossier's whole life), the planned end of every step, and the first step (reception
   * and transfer, at the counter). Call outside a transaction (the default process may be written).
   */
  async startFields(unitCode: string, procedureCode: string, receivedAt: Date, dueAt: string | null): Promise<DossierUpdate> {
    if (!this.opts.workflow) return {};
    const p = await this.opts.workflow.current(unitCode, procedureCode);
    const cal = await this.calendarOf(unitCode);
    const schedule = dueAt ? planSchedule(p.steps, receivedAt, new Date(dueAt), cal) : [];
    return {
      process_id: p.id,
      step_no: 0,
      current_role: p.steps[0]!.role,
      assignee_id: null,
      step_started_at: receivedAt.toISOString(),
      step_due_at: schedule[0]?.dueAt ?? null,
      schedule: JSON.stringify(schedule),
      flag: '',
    };
  }

  private get limits(): DossierLimits {
    return this.opts.limits ?? DEFAULT_LIMITS;
  }

  async formFor(unitCode: string, procedureCode: string): Promise<ProcedureForm> {
    const { procedure } = await this.catalog.getUnitProcedure(unitCode, procedureCode);
    const eform = await this.eformOf(unitCode, procedureCode);
    return { procedureCode, eform, jsonSchema: toJsonSchema(eform), cases: componentsOf(procedure) };
  }

  /** The unit's own e-form when its admin made one (catalogue settings), else the procedure's. */
  async eformOf(unitCode: string, procedureCode: string): Promise<EForm> {
    const { procedure, entry } = await this.catalog.getUnitProcedure(unitCode, procedureCode);
    if (entry.local?.eform !== undefined) {
      const r = eformSchema.safeParse(entry.local.eform);
      if (r.success) return r.data;
    }
    return eformFor(procedure);
  }

  /** The unit's calendar (its declarations over the national ones), read once and cached by the calendar module. */
  calendarOf(unitCode: string): Promise<UnitCalendar> {
    return calendarsOf(this.db, this.clock).calendarOf(unitCode);
  }

  /** A unit's dossiers still running against a due date (what a calendar change may move). */
  async openDueDates(unitCode: string): Promise<Dossier[]> {
    const open = await repo.listUnitDossiers(this.db, unitCode, ['received', 'in_progress', 'supplement_requested', 'payment_requested'], 5000);
    return open.filter((d) => d.dueAt && d.receivedAt);
  }

  /**
   * A due date recomputed after a change of the unit's calendar, chosen by the leader with a reason
   * (history action 'recompute_due', its old and new date in the data).
   */
  async moveDueDate(id: string, dueAt: string, reason: string, actor: Actor): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const d = await repo.findDossierById(trx, id);
      if (!d) throw new NotFoundError('Không tìm thấy hồ sơ.', 'dossier_not_found');
      await repo.updateDossier(trx, d.id, { due_at: dueAt });
      await this.appendHistory(trx, d.id, { action: 'recompute_due', from: d.status, to: d.status, actor, comment: reason, data: { from: d.dueAt, to: dueAt }, key: `recompute_due:${uuidv7()}` });
    });
  }

  async setCalendar(unitCode: string, input: unknown): Promise<UnitCalendar> {
    return calendarsOf(this.db, this.clock).setUnitSettings(unitCode, input);
  }

  /** The time that applies: the unit's shorter promise, else the legal time of the channel. */
  private async timeFor(unitCode: string, procedure: Procedure, channel: DossierChannel): Promise<ProcessingTime | null> {
    const { entry } = await this.catalog.getUnitProcedure(unitCode, procedure.code);
    if (entry.commitment) return entry.commitment;
    const ch = procedure.channels.find((c) => c.kind === channel) ?? mainChannel(procedure);
    return ch?.time ?? null;
  }

  async dueFrom(unitCode: string, procedure: Procedure, channel: DossierChannel, from: Date): Promise<string | null> {
    const time = await this.timeFor(unitCode, procedure, channel);
    if (!time) return null;
    const cal = await this.calendarOf(unitCode);
    return computeDueAt(from, time, cal, { civilStatus: hasAfternoonCutoff(procedure), field: procedure.field }).toISOString();
  }

  /** The applicant checked as for submission; the problems name fields "applicant.*". */
  checkApplicant(raw: unknown): { applicant: Applicant; problems: [] } | { applicant?: undefined; problems: Array<{ field: string; code: string; message: string }> } {
    try {
      return { applicant: this.parseApplicant(raw), problems: [] };
    } catch (e) {
      if (e instanceof ValidationError) return { problems: e.fields };
      throw e;
    }
  }

  private parseApplicant(raw: unknown): Applicant {
    const r = applicantSchema.safeParse(raw ?? {});
    if (!r.success) {
      throw new ValidationError(
        'Thông tin người nộp chưa hợp lệ.',
        r.error.issues.map((i) => ({ field: `applicant.${i.path.join('.')}`, code: i.code === 'invalid_type' ? 'required' : i.code, message: i.message })),
        'invalid_dossier',
      );
    }
    const phone = normalizePhone(r.data.phone);
    if (!phone) throw new ValidationError(PHONE_MESSAGE, [{ field: 'applicant.phone', code: 'invalid_phone', message: PHONE_MESSAGE }], 'invalid_dossier');
    return { ...r.data, phone };
  }

  private checkChannel(procedure: Procedure, channel: DossierChannel, actor: Actor): void {
    if (channel === 'online') {
      if (!procedure.channels.some((c) => c.kind === 'online')) {
        throw new RuleViolationError('channel_not_offered', 'Thủ tục này chưa nhận hồ sơ trực tuyến. Xin nộp trực tiếp tại bộ phận một cửa.');
      }
      return;
    }
    if (actor.kind !== 'staff') {
      throw new ForbiddenError('Hồ sơ nộp trực tiếp hoặc qua bưu chính do cán bộ một cửa tiếp nhận.', 'channel_staff_only');
    }
  }

  /**
   * A new dossier, saved as a draft. An Idempotency-Key makes a retried request return the
   * dossier it created the first time.
   */
  async createDraft(input: NewDossierInput, actor: Actor, idempotencyKey?: string): Promise<{ dossier: Dossier; created: boolean }> {
    if (idempotencyKey) {
      const existing = await repo.findDossierByIdempotencyKey(this.db, this.idemKey(actor, idempotencyKey));
      if (existing) return { dossier: existing, created: false };
    }
    const { row } = await this.draftRow(input, actor, idempotencyKey);
    try {
      await repo.insertDossier(this.db, row);
    } catch (e) {
      // Two retries racing with the same key: the other one won.
      const existing = await this.racedTo(row, e);
      return { dossier: existing, created: false };
    }
    return { dossier: repo.toDossier(row), created: true };
  }

  /** After a failed insert: the dossier a concurrent request with the same Idempotency-Key made, or the error again. */
  private async racedTo(row: repo.NewDossierRow, e: unknown): Promise<Dossier> {
    const existing = row.idempotency_key ? await repo.findDossierByIdempotencyKey(this.db, row.idempotency_key) : undefined;
    if (!existing) throw e;
    return existing;
  }

  /** A new draft's row, its input checked (procedure offered, channel, applicant, case, delivery); not written. */
  private async draftRow(input: NewDossierInput, actor: Actor, idempotencyKey?: string): Promise<{ row: repo.NewDossierRow & { id: string; created_at: string }; procedure: Procedure }> {
    if (input.demo && !this.opts.demo) throw new ForbiddenError('Chỉ ghi được hồ sơ mẫu khi chạy ở chế độ trình diễn (DEMO=on).', 'demo_off');
    if (actor.kind === 'staff' && actor.unitCode !== input.unitCode) throw new ForbiddenError('Cán bộ chỉ tiếp nhận hồ sơ của đơn vị mình.');
    const { procedure } = await this.catalog.getUnitProcedure(input.unitCode, input.procedureCode);
    this.checkChannel(procedure, input.channel, actor);
    const applicant = this.parseApplicant(input.applicant);
    const caseId = input.caseId ?? null;
    if (caseId && !componentsOf(procedure).some((g) => g.id === caseId && g.kind === 'case')) {
      throw new ValidationError('Trường hợp đã chọn không có trong thủ tục.', [{ field: 'case', code: 'invalid_case', message: 'Trường hợp không hợp lệ' }], 'invalid_dossier');
    }
    const formData = this.draftFormData(input.formData);
    const postalProblem = input.delivery?.method === 'post' ? postalAddressProblem(input.delivery.address) : null;
    if (postalProblem) {
      throw new ValidationError('Cần địa chỉ nhận kết quả qua bưu chính đầy đủ.', [{ field: 'delivery.address', code: input.delivery?.address?.trim() ? 'invalid_address' : 'required', message: postalProblem }], 'invalid_dossier');
    }
    const now = this.clock.now().toISOString();
    const id = uuidv7();
    const row = {
      id,
      code: null,
      unit_code: input.unitCode,
      procedure_code: procedure.code,
      channel: input.channel,
      case_id: caseId,
      status: 'draft',
      applicant: JSON.stringify(applicant),
      applicant_phone: applicant.phone,
      applicant_name: applicant.fullName,
      search_name: fold(applicant.fullName),
      citizen_id: actor.kind === 'citizen' ? actor.id : null,
      form_data: JSON.stringify(formData),
      delivery: JSON.stringify(input.delivery ?? { method: 'counter' }),
      digitised: 0,
      submitted_at: null,
      received_at: null,
      due_at: null,
      due_fixed: 0,
      idempotency_key: idempotencyKey ? this.idemKey(actor, idempotencyKey) : null,
      transient: input.transient ? 1 : 0,
      expires_at: input.expiresAt ?? null,
      verified_phone: input.verifiedPhone ?? null,
      demo: input.demo ? 1 : 0,
      created_by: actor.kind === 'anonymous' ? 'anonymous' : `${actor.kind}:${actor.id}`,
      created_at: now,
      updated_at: now,
    };
    return { row, procedure };
  }

  /**
   * The one-request submission (multipart, or JSON with "submit": true): checks the dossier and
   * its papers, stores the files, then writes the dossier, its files, its history, its code, the
   * citizen's notice and the audit entry in ONE transaction — all or nothing, no draft in
   * between. A crash before the commit leaves only unreferenced files, which the start-up sweep
   * removes. `beforeSubmit` runs once the papers are checked (the phone's one-time code).
   */
  async createAndSubmit(
    input: NewDossierInput,
    /** Each file is read when its turn comes and let go once stored: one in memory at a time. */
    uploads: Array<{ component: string; read: () => Promise<AttachmentUpload> }>,
    actor: Actor,
    idempotencyKey: string | undefined,
    beforeSubmit: (d: Dossier) => Promise<boolean>,
  ): Promise<{ dossier: Dossier; created: boolean }> {
    if (idempotencyKey) {
      const existing = await repo.findDossierByIdempotencyKey(this.db, this.idemKey(actor, idempotencyKey));
      if (existing) return { dossier: existing, created: false };
    }
    const { row, procedure } = await this.draftRow(input, actor, idempotencyKey);
    const d = repo.toDossier(row);
    const files: DossierFile[] = [];
    for (const u of uploads) files.push(await this.storeAttachment(procedure, u.component, await u.read(), files));
    const phoneVerified = await beforeSubmit(d);
    try {
      const dossier = await this.commitSubmission(d, await this.check(d, undefined, files), actor, { phoneVerified }, { row, files });
      return { dossier, created: true };
    } catch (e) {
      if (!(e instanceof DomainError)) return { dossier: await this.racedTo(row, e), created: false };
      throw e;
    }
  }

  /**
   * A linked group's members (issue 14): one dossier per member procedure, submitted online in ONE
   * transaction with `within` (the group's own rows) — all or nothing. The group's form and papers
   * were checked by the caller (one e-form for all members), so each member's own e-form and papers
   * are not asked again; each member gets its own code and due date. The citizen is told once, by
   * the caller, for the whole group.
   */
  async submitMembers(
    parts: Array<{ input: NewDossierInput; files: Array<{ component: string; upload: AttachmentUpload }> }>,
    actor: Actor,
    opts: { phoneVerified: boolean },
    within: (trx: Parameters<typeof repo.insertHistory>[0], members: Dossier[]) => Promise<void>,
  ): Promise<Dossier[]> {
    if (actor.kind !== 'staff' && actor.kind !== 'citizen' && this.opts.requirePhoneVerification && !opts.phoneVerified) {
      throw new RuleViolationError('phone_not_verified', 'Cần xác thực số điện thoại bằng mã OTP trước khi nộp hồ sơ.');
    }
    const now = this.clock.now();
    const prepared: Array<{ row: repo.NewDossierRow & { id: string }; files: DossierFile[]; set: DossierUpdate; procedure: Procedure }> = [];
    for (const part of parts) {
      if (part.input.channel !== 'online') throw new RuleViolationError('channel_not_offered', 'Nhóm thủ tục liên thông chỉ nhận hồ sơ trực tuyến qua trang này.');
      const { row, procedure } = await this.draftRow({ ...part.input, formData: undefined }, actor);
      const files: DossierFile[] = [];
      for (const f of part.files) files.push(await this.storeAttachment(procedure, f.component, f.upload, files));
      const dueAt = await this.dueFrom(row.unit_code, procedure, 'online', now);
      const set: DossierUpdate = {
        status: 'new',
        form_data: JSON.stringify(part.input.formData ?? {}),
        digitised: files.length > 0 ? 1 : 0,
        submitted_at: now.toISOString(),
        received_at: null,
        due_at: dueAt,
        due_fixed: 0,
        updated_at: now.toISOString(),
        expires_at: null,
        current_role: 'receptionist',
      };
      prepared.push({ row, files, set, procedure });
    }
    const day = vnDay(now);
    const done: Dossier[] = [];
    await this.db.transaction().execute(async (trx) => {
      for (const p of prepared) {
        const h = this.historyRow(p.row.id, { action: 'submit', from: 'draft', to: 'new', actor, comment: 'Nộp hồ sơ trực tuyến (nhóm thủ tục liên thông)', data: { dueAt: p.set.due_at }, key: `submit:${p.row.id}` });
        await repo.insertSubmitted(
          trx,
          { ...p.row, ...p.set, transient: 0 } as repo.NewDossierRow,
          p.files.map((f) => ({ id: f.id, dossier_id: p.row.id, component: f.component, sha256: f.sha256, name: f.name, mime: f.mime, size: f.size, created_at: f.createdAt })),
          { ...h.row, seq: 1 },
        );
        const d = await repo.assignCode(trx, p.row.id, p.row.unit_code, day, {});
        done.push(d);
        await this.opts.audit?.record(
          { actor: auditActor(actor), unitCode: d.unitCode, action: 'dossier.submit', targetKind: 'dossier', targetId: d.code!, data: { status: 'new', channel: 'online', procedure: d.procedureCode, dueAt: d.dueAt, linked: true } },
          trx,
        );
      }
      await within(trx, done);
    });
    return done;
  }

  /** The dossier a request with this Idempotency-Key already made, if any. */
  async findByIdempotencyKey(actor: Actor, key: string): Promise<Dossier | undefined> {
    return repo.findDossierByIdempotencyKey(this.db, this.idemKey(actor, key));
  }

  private idemKey(actor: Actor, key: string): string {
    const who = actor.kind === 'anonymous' ? 'anon' : `${actor.kind}:${actor.id}`;
    if (key.length > 200) throw new ValidationError('Idempotency-Key quá dài (tối đa 200 ký tự).', [{ field: 'Idempotency-Key', code: 'too_long', message: 'Tối đa 200 ký tự' }]);
    return `${who}:${key}`;
  }

  private draftFormData(raw: unknown): Record<string, unknown> {
    if (raw === undefined || raw === null) return {};
    if (typeof raw !== 'object' || Array.isArray(raw)) {
      throw new ValidationError('Dữ liệu biểu mẫu phải là một đối tượng.', [{ field: 'formData', code: 'invalid_type', message: 'formData phải là đối tượng JSON' }]);
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(raw)) {
      if (!/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(k)) continue;
      if (typeof v === 'string') out[k] = v.normalize('NFC').slice(0, 5000);
      else if (typeof v === 'number' || typeof v === 'boolean') out[k] = v;
    }
    return out;
  }

  /** Find a dossier by code or draft id, checking that the actor may see it. */
  async getForActor(ref: string, actor: Actor, proof?: { phone?: string; token?: string }): Promise<Dossier> {
    const d = await this.findByRef(ref);
    // Made only when thrown: an Error captures its stack (~20 µs, 7% of a tracking lookup).
    const notFound = () => new NotFoundError('Không tìm thấy hồ sơ với mã và số điện thoại đã nhập.', 'dossier_not_found');
    // An official is not asked for a phone: the same words whether the code is wrong or the dossier
    // belongs to another unit, so nothing tells them another unit's dossier exists.
    const notInUnit = () => new NotFoundError('Không tìm thấy hồ sơ này trong đơn vị của bạn: mã chưa đúng, hoặc hồ sơ thuộc đơn vị khác. Cán bộ chỉ xem được hồ sơ của đơn vị mình.', 'dossier_not_found');
    if (!d) throw actor.kind === 'staff' ? notInUnit() : notFound();
    if (actor.kind === 'staff') {
      if (actor.unitCode === d.unitCode) return d;
      if (actor.role === 'supervisor' && (await this.visibleUnits(actor)).includes(d.unitCode)) return d;
      throw notInUnit();
    }
    if (actor.kind === 'citizen' && (d.citizenId === actor.id || d.applicant.phone === actor.phone)) return d;
    if (proof?.token && d.code && this.checkToken(d.code, proof.token)) return d;
    if (proof?.phone && (proof.phone === d.applicant.phone || normalizePhone(proof.phone) === d.applicant.phone)) return d;
    // A dossier is reachable by its unguessable id by whoever created it (the API's handle).
    if (d.id === ref && (actor.kind === 'anonymous' ? d.createdBy === 'anonymous' : d.createdBy === `${actor.kind}:${actor.id}`)) return d;
    throw notFound();
  }

  /**
   * Drafts of one-request submissions that never committed (the process died between the draft
   * and the submit transaction), older than the grace period: removed with their file rows, so a
   * crash leaves no half-written dossier. Their files then become orphans for the file sweep.
   */
  async removeStaleTransientDrafts(olderThanMs: number): Promise<number> {
    const before = new Date(this.clock.now().getTime() - olderThanMs).toISOString();
    const ids = await repo.listStaleTransientDrafts(this.db, before);
    for (const id of ids) await this.db.transaction().execute((trx) => repo.deleteDraft(trx, id));
    return ids.length;
  }

  /** For system jobs (payments, escalation): a dossier by code, with no access check. */
  async findByCode(code: string): Promise<Dossier | undefined> {
    return repo.findDossierByCode(this.db, code);
  }

  async view(d: Dossier): Promise<DossierView> {
    const procedure = await this.catalog.findProcedure(d.procedureCode);
    // Files and history read side by side: on a dossier read for the first time each is a disk read.
    const { files, history } = await this.memo(d, FILES_AND_HISTORY, async () => {
      const [files, history] = await Promise.all([repo.listFiles(this.db, d.id), repo.listHistory(this.db, d.id)]);
      return { files: Object.freeze(files) as DossierFile[], history: Object.freeze(history) as HistoryEntry[] };
    });
    return {
      ...d,
      procedureName: procedure?.name ?? d.procedureCode,
      statusLabel: STATUS_LABEL[d.status],
      files,
      history,
    };
  }

  /** Attach a scan or photo of a paper: while a draft, or when a supplement is asked. */
  async addAttachment(d: Dossier, component: string, upload: AttachmentUpload): Promise<DossierFile> {
    if (d.status !== 'draft' && d.status !== 'supplement_requested') {
      throw new ConflictError('dossier_not_editable', 'Hồ sơ đã nộp nên không thể thêm tệp, trừ khi cán bộ yêu cầu bổ sung.');
    }
    const procedure = await this.catalog.getProcedure(d.procedureCode);
    const f = await this.storeAttachment(procedure, component, upload, await repo.listFiles(this.db, d.id));
    await repo.insertFile(this.db, { id: f.id, dossier_id: d.id, component, sha256: f.sha256, name: f.name, mime: f.mime, size: f.size, created_at: f.createdAt });
    return f;
  }

  /**
   * A paper's file checked (component of the procedure, file count and size limits, content) and
   * stored, before the row that will reference it: a crash in between leaves a file that the
   * start-up sweep removes.
   */
  private async storeAttachment(procedure: Procedure, component: string, upload: AttachmentUpload, existing: DossierFile[]): Promise<DossierFile> {
    const known = new Set(componentsOf(procedure).flatMap((g) => g.components.map((c) => c.id)));
    if (component !== 'khac' && !known.has(component)) {
      throw new ValidationError('Thành phần hồ sơ không có trong thủ tục.', [{ field: 'component', code: 'invalid_component', message: `Không có thành phần "${component}"` }]);
    }
    if (existing.length >= this.limits.maxFilesPerDossier) {
      throw new RuleViolationError('too_many_files', `Mỗi hồ sơ đính kèm tối đa ${this.limits.maxFilesPerDossier} tệp.`);
    }
    // A paper of the citizen's document store is that same file: checked when first stored, never re-encoded.
    const prepared = upload.stored ? storedAttachment({ ...upload, stored: upload.stored }, this.limits.maxFileBytes) : await prepareUpload(upload, { maxFileBytes: this.limits.maxFileBytes });
    const total = existing.reduce((n, f) => n + f.size, 0) + prepared.size;
    if (total > this.limits.maxDossierBytes) {
      throw new RuleViolationError('dossier_too_large', `Tổng dung lượng tệp của hồ sơ vượt quá ${Math.round(this.limits.maxDossierBytes / 1024 / 1024)} MB.`);
    }
    if (prepared.data) await this.files.put({ data: prepared.data, sha256: prepared.sha256 });
    return { id: uuidv7(), component, sha256: prepared.sha256, name: prepared.originalName, mime: prepared.mime, size: prepared.size, createdAt: this.clock.now().toISOString() };
  }

  async fileContent(d: Dossier, fileId: string): Promise<{ file: DossierFile; data: Buffer }> {
    const f = await this.fileOf(d, fileId);
    return { file: f, data: await this.files.get(f.sha256) };
  }

  /**
   * A paper of the dossier as it comes from the store (disk or bucket), never whole in memory: a
   * 10 MB scan costs its reader a few chunks, not 10 MB. Opened before returning, so a paper gone
   * from the store is a NotFoundError here, before any byte of the answer is sent.
   */
  async fileStream(d: Dossier, fileId: string): Promise<{ file: DossierFile; stream: Readable }> {
    const f = await this.fileOf(d, fileId);
    return { file: f, stream: await this.files.stream(f.sha256) };
  }

  /** The signed result file as a stream (see fileStream), once the dossier has its result; "not ready" otherwise. */
  async resultStream(d: Dossier): Promise<{ file: DossierFile; stream: Readable }> {
    const f = resultFileOf(d.status, await repo.listFiles(this.db, d.id));
    if (!f) throw new NotFoundError('Hồ sơ chưa có kết quả điện tử. Chúng tôi sẽ nhắn tin khi có kết quả.', 'result_not_ready');
    return { file: f, stream: await this.files.stream(f.sha256) };
  }

  private async fileOf(d: Dossier, fileId: string): Promise<DossierFile> {
    const f = (await repo.listFiles(this.db, d.id)).find((x) => x.id === fileId);
    if (!f) throw new NotFoundError('Không có tệp này.', 'file_not_found');
    return f;
  }

  /**
   * Submit a draft: all or nothing. Checks the form and the required papers, gives the dossier
   * its code, computes the appointment date and tells the citizen, in one transaction.
   */
  async submit(d: Dossier, actor: Actor, opts: { formData?: unknown; phoneVerified?: boolean } = {}): Promise<Dossier> {
    if (d.status !== 'draft') {
      if (d.code) return d; // a retried submit: the dossier is already in
      throw new ConflictError('dossier_not_draft', 'Hồ sơ không ở trạng thái nháp.');
    }
    return this.commitSubmission(d, await this.check(d, opts.formData), actor, opts);
  }

  /**
   * The submission's transaction. `fresh`: the dossier and its files are not written yet (the
   * one-request submission): they are inserted in the same transaction.
   */
  private async commitSubmission(
    d: Dossier,
    { procedure, checked, files, missing, problems }: Awaited<ReturnType<DossierService['check']>>,
    actor: Actor,
    opts: { phoneVerified?: boolean },
    fresh?: { row: repo.NewDossierRow & { id: string }; files: DossierFile[] },
  ): Promise<Dossier> {
    if (problems.length) throw new ValidationError('Hồ sơ chưa đủ để nộp. Xin bổ sung những mục dưới đây.', problems, 'invalid_dossier');

    if (actor.kind !== 'staff' && actor.kind !== 'citizen' && this.opts.requirePhoneVerification && !opts.phoneVerified) {
      throw new RuleViolationError('phone_not_verified', 'Cần xác thực số điện thoại bằng mã OTP trước khi nộp hồ sơ.');
    }

    const now = this.clock.now();
    const counter = d.channel !== 'online';
    const dueAt = await this.dueFrom(d.unitCode, procedure, d.channel, now);
    const day = vnDay(now);
    const status: DossierStatus = counter ? 'received' : 'new';
    const formData = checked.ok ? checked.value : d.formData;
    const digitised = missing.length === 0 && files.length > 0;
    // Received at the counter: the dossier enters its process now; online, when accepted.
    const start = counter ? await this.startFields(d.unitCode, d.procedureCode, now, dueAt) : { current_role: 'receptionist' };
    let code = '';
    let entry: HistoryEntry | undefined;
    let done: Dossier | undefined;
    // Row locks are held until the commit: the unit's day counter (every submission of the unit
    // waits for it) is taken after the history row, and the audit chain's head (every audited
    // change of any unit waits for it) last, so each is held for as few round trips as possible.
    // The citizen's channels: on PostgreSQL read by the submission's first statement (no round trip
    // of their own, db/alongside.ts); otherwise before the transaction (no lock is held meanwhile).
    const prefsAlong = fresh && repo.carriesReads(this.db) ? this.notifications.prefsAlong(d.applicant.phone, d.applicant.email) : undefined;
    // The audit chain's next place, on PostgreSQL taken by that same statement after the counter
    // (one round trip fewer; the head stays locked until the commit, as when taken on its own).
    const auditAlong = prefsAlong ? this.opts.audit?.claimAlongside() : undefined;
    let claimed: ChainPlace | undefined;
    let prefs = prefsAlong ? undefined : await this.notifications.prefsFor(d.applicant.phone, d.applicant.email);
    const set: repo.DossierUpdate = {
      status,
      form_data: JSON.stringify(formData),
      digitised: digitised ? 1 : 0,
      submitted_at: now.toISOString(),
      received_at: counter ? now.toISOString() : null,
      due_at: dueAt,
      due_fixed: counter ? 1 : 0,
      updated_at: now.toISOString(),
      expires_at: null,
      ...start,
    };
    await this.db.transaction().execute(async (trx) => {
      const history = {
        action: counter ? 'receive' : 'submit',
        from: 'draft' as const,
        to: status,
        actor,
        comment: counter ? `Tiếp nhận ${CHANNEL_NAME[d.channel].toLowerCase()}` : 'Nộp hồ sơ trực tuyến',
        data: { dueAt },
        key: `submit:${d.id}`,
      };
      if (fresh) {
        // The dossier with its code, its files and its first history row (number 1: no lookup of
        // the last one); on PostgreSQL one statement.
        const h = this.historyRow(d.id, history);
        const written = await repo.insertSubmittedWithCode(
          trx,
          { ...fresh.row, ...set, transient: 0 },
          fresh.files.map((f) => ({ id: f.id, dossier_id: d.id, component: f.component, sha256: f.sha256, name: f.name, mime: f.mime, size: f.size, created_at: f.createdAt })),
          { ...h.row, seq: 1 },
          d.unitCode,
          day,
          prefsAlong,
          auditAlong,
        );
        done = written.dossier;
        if (prefsAlong) prefs = prefsAlong.decode(written.also);
        if (auditAlong) claimed = auditAlong.decode(written.took);
        entry = h.entry(1);
      } else {
        entry = await this.appendHistory(trx, d.id, history);
        done = await repo.assignCode(trx, d.id, d.unitCode, day, set);
      }
      code = done.code!;
      // Told on the channels the citizen chose, with the unit's template (notification module):
      // the messages are written by the audit entry's statement (one round trip fewer on PostgreSQL).
      const alongside: AlongsideWrite[] = [];
      await this.notifications.notifyDossier(trx, {
        event: counter ? 'received' : 'submitted',
        dossierId: d.id,
        code,
        unitCode: d.unitCode,
        procedureName: procedure.name,
        applicant: { fullName: d.applicant.fullName, phone: d.applicant.phone, email: d.applicant.email },
        trackingUrl: this.trackingUrl(code),
        dueAt,
      }, prefs, { alongside });
      const audited = {
        actor: auditActor(actor),
        unitCode: d.unitCode,
        action: counter ? 'dossier.receive' : 'dossier.submit',
        targetKind: 'dossier',
        targetId: code,
        data: { status, channel: d.channel, procedure: d.procedureCode, dueAt },
      };
      // The transaction's last statement: its COMMIT goes with it (PostgreSQL). Nothing may follow.
      if (this.opts.audit) await this.opts.audit.record(audited, trx, { alongside, claimed, endsTransaction: true });
      else await writeAlongside(trx, alongside);
    });
    // The row as the transaction left it (the code's statement returns it): not read back.
    // A dossier made by this very transaction: its files and its one history row are known, so its
    // answer is made without reading them back.
    if (fresh && entry) {
      const files = [...fresh.files].sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1)); // as listFiles orders them
      const known = { files: Object.freeze(files) as DossierFile[], history: Object.freeze([entry]) as HistoryEntry[] };
      await this.memo(done!, 'files+history', async () => known);
    }
    return done!;
  }

  /**
   * What stops a draft from being submitted: the e-form's problems ("formData.*") and the required
   * papers not attached ("attachments.*"), all at once, without submitting.
   */
  async problemsOf(d: Dossier, formData?: unknown): Promise<Array<{ field: string; code: string; message: string }>> {
    return (await this.check(d, formData)).problems;
  }

  /** `attached`: the files about to be written with the dossier (else those of its draft). */
  private async check(d: Dossier, formData?: unknown, attached?: DossierFile[]) {
    const procedure = await this.catalog.getProcedure(d.procedureCode);
    const eform = await this.eformOf(d.unitCode, d.procedureCode).catch(() => eformFor(procedure));
    const checked = validateFormData(eform, formData ?? d.formData, { clock: this.clock });
    const problems: Array<{ field: string; code: string; message: string }> = [];
    if (!checked.ok) problems.push(...checked.errors.map((e) => ({ ...e, field: `formData.${e.field}` })));
    const files = attached ?? (await repo.listFiles(this.db, d.id));
    const have = new Set(files.map((f) => f.component));
    // Online, the e-form is the declaration: the paper it replaces is not asked for.
    const required = applicableGroups(procedure, d.caseId).flatMap((g) => g.components.filter((c) => c.required && !(d.channel === 'online' && c.replacedByEForm)));
    const missing = required.filter((c) => !have.has(c.id));
    // Online, every required paper must be attached; at the counter the official sees the paper.
    if (d.channel === 'online') {
      for (const c of missing) problems.push({ field: `attachments.${c.id}`, code: 'attachment_required', message: `Chưa đính kèm: ${c.name}` });
    }
    return { procedure, checked, files, missing, problems };
  }

  private async appendHistory(
    trx: Parameters<typeof repo.insertHistory>[0],
    dossierId: string,
    h: { action: string; from: DossierStatus | null; to: DossierStatus; actor: Actor; comment: string; data: Record<string, unknown>; key: string },
  ): Promise<HistoryEntry> {
    const { row, entry } = this.historyRow(dossierId, h);
    await repo.appendHistoryRow(trx, row);
    return entry(0);
  }

  /** A history row to write, and the entry it makes once numbered (`seq`; 0: numbered by the database). */
  private historyRow(
    dossierId: string,
    h: { action: string; from: DossierStatus | null; to: DossierStatus; actor: Actor; comment: string; data: Record<string, unknown>; key: string },
  ) {
    const row = {
      id: uuidv7(),
      dossier_id: dossierId,
      action: h.action,
      from_status: h.from,
      to_status: h.to,
      actor_kind: h.actor.kind,
      actor_id: h.actor.kind === 'anonymous' ? null : h.actor.id,
      actor_name: h.actor.kind === 'anonymous' ? 'Người nộp hồ sơ' : h.actor.name,
      comment: h.comment,
      data: JSON.stringify(h.data),
      idempotency_key: h.key,
      created_at: this.clock.now().toISOString(),
    };
    const entry = (seq: number): HistoryEntry => ({
      id: row.id,
      seq,
      action: row.action,
      fromStatus: row.from_status,
      toStatus: row.to_status,
      actorKind: row.actor_kind,
      actorName: row.actor_name,
      comment: row.comment,
      data: h.data,
      createdAt: row.created_at,
      actorId: row.actor_id,
      idempotencyKey: row.idempotency_key,
    });
    return { row, entry };
  }

  async listForCitizen(citizenId: string, phone: string): Promise<Array<Dossier & { procedureName: string }>> {
    const list = await repo.listDossiersOf(this.db, { citizenId, phone });
    return Promise.all(list.map(async (d) => ({ ...d, procedureName: (await this.catalog.findProcedure(d.procedureCode))?.name ?? d.procedureCode })));
  }

  /** Dossiers with the name of their procedure, for lists. */
  async named<T extends Dossier>(list: T[]): Promise<Array<T & { procedureName: string }>> {
    return Promise.all(list.map(async (d) => ({ ...d, procedureName: (await this.catalog.findProcedure(d.procedureCode))?.name ?? d.procedureCode })));
  }

  async listForUnit(unitCode: string, statuses: DossierStatus[]): Promise<Array<Dossier & { procedureName: string }>> {
    const list = await repo.listUnitDossiers(this.db, unitCode, statuses);
    return Promise.all(list.map(async (d) => ({ ...d, procedureName: (await this.catalog.findProcedure(d.procedureCode))?.name ?? d.procedureCode })));
  }

  /** Signed part of the tracking link printed in the QR code: the code alone is not enough. */
  token(code: string): string {
    return createHmac('sha256', this.opts.secret).update(`track:${code}`).digest('base64url').slice(0, 22);
  }

  /**
   * Whether what let the actor see `d` is also enough to change it (withdraw, supplement, pay,
   * rate): the unit's official, the signed-in applicant, the signed link, or a draft reached by
   * its unguessable id. The code and the phone alone are not: codes are sequential and phones are
   * known to many; the applicant then confirms with a one-time code sent to the phone.
   */
  hasChangeProof(d: Dossier, actor: Actor, proof?: { token?: string }): boolean {
    if (actor.kind === 'staff') return true;
    if (actor.kind === 'citizen' && (d.citizenId === actor.id || d.applicant.phone === actor.phone)) return true;
    if (!d.code) return true;
    return !!proof?.token && this.checkToken(d.code, proof.token);
  }

  checkToken(code: string, token: string): boolean {
    const a = Buffer.from(this.token(code));
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  trackingUrl(code: string): string {
    return `${this.opts.publicUrl}/ho-so/${code}?t=${this.token(code)}`;
  }

  isFileReferenced(sha256: string): Promise<boolean> {
    return repo.isFileReferenced(this.db, sha256);
  }
}

/** YYMMDD of an instant in Vietnam's time zone (UTC+7, no daylight saving). */
export function vnDay(d: Date): string {
  const t = new Date(d.getTime() + 7 * 3600_000);
  return `${String(t.getUTCFullYear()).slice(2)}${String(t.getUTCMonth() + 1).padStart(2, '0')}${String(t.getUTCDate()).padStart(2, '0')}`;
}

/** The audit log's view of an actor. */
export function auditActor(actor: Actor): { kind: 'staff' | 'citizen' | 'anonymous'; id: string | null; name: string } {
  if (actor.kind === 'anonymous') return { kind: 'anonymous', id: null, name: 'Người nộp hồ sơ (chưa đăng nhập)' };
  return { kind: actor.kind, id: actor.id, name: actor.name };
}
