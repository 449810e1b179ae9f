import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/connection';
import type { CatalogService, Procedure, ProcessingTime } from '../catalog';
import { mainChannel } from '../catalog';
import { calendarsOf, computeDueAt, type UnitCalendar } from '../calendar';
import { eformFor, eformSchema, eformToRead, toJsonSchema, type EForm } from '../eform';
import type { Readable } from 'node:stream';
import type { BlobStore } from '../file';
import type { NotificationService } from '../notification';
import type { AuditService } from '../audit';
import type { UnitService } from '../unit';
import { planSchedule, type WorkflowService } from '../workflow';
import type { Clock } from '../shared/clock';
import { ConflictError, NotFoundError } from '../shared/errors';
import { uuidv7 } from '../shared/ids';
import { normalizePhone } from '../shared/phone';
import * as repo from './dossier.repo';
import type { DossierCache } from './dossier.cache';
import type { ClosedOverLimit } from './dossier.closed-count';
import type { DossierUpdate } from './dossier.repo';
import { resultFileOf } from './dossier.tracking';
import type { AttachmentUpload } from './dossier.papers';
import { componentsOf, hasAfternoonCutoff, type ProcedureForm } from './dossier.components';
import { ALONG, FILES_AND_HISTORY, findByRef, type LookupAlongside } from './dossier.lookup';
import { checkApplicant, draftRow, idemKey, racedTo, type NewDossierInput } from './dossier.intake';
import { fileOf, storeAttachment, type DossierLimits } from './dossier.attachments';
import { appendHistory, check, commitSubmission, createAndSubmit, submitMembers } from './dossier.submission';
import { STATUS_LABEL, type Actor, type Applicant, type Dossier, type DossierChannel, type DossierFile, type DossierStatus, type HistoryEntry } from './dossier.types';

// The service's parts live beside it: the draft's input (dossier.intake), its papers
// (dossier.attachments), the submission's transaction (dossier.submission), the cached lookup
// (dossier.lookup) and the procedure's papers (dossier.components).
/** The composition root imports the lookup's parts from here. */

/** The service's options, as the composition root gives them. */
export interface DossierOptions {
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
  /** The closed tab's filters known to be over its count's limit (the worklist skips counting them). */
  closedOver?: ClosedOverLimit;
  /** Demo mode (DEMO=on): only then may the demo history write dossiers marked demo. */
  demo?: boolean;
}

/** What the service's parts (dossier.intake, .attachments, .submission) work with. */
export interface DossierDeps {
  db: Db;
  catalog: CatalogService;
  notifications: NotificationService;
  files: BlobStore;
  clock: Clock;
  opts: DossierOptions;
  /** The service itself, for its public reads (due date, the process's start, tracking link, `memo`, e-form). */
  service: DossierService;
}

// Made only when thrown: an Error captures its stack (~20 µs, 7% of a tracking lookup). Functions
// of the module, not closures made per lookup.
const notFound = () => new NotFoundError('Không tìm thấy hồ sơ với mã và số điện thoại đã nhập.', 'dossier_not_found');
// An official is not asked for a phone: the same words whether the code is wrong or the dossier
// belongs to another unit, so nothing tells them another unit's dossier exists.
const notInUnit = () => new NotFoundError('Không tìm thấy hồ sơ này trong đơn vị của bạn: mã chưa đúng, hoặc hồ sơ thuộc đơn vị khác. Cán bộ chỉ xem được hồ sơ của đơn vị mình.', 'dossier_not_found');

export interface DossierView extends Dossier {
  procedureName: string;
  statusLabel: string;
  files: DossierFile[];
  history: HistoryEntry[];
}

/** Tracking tokens kept in memory (~100 bytes each). */
const TOKENS_KEPT = 10_000;

export class DossierService {
  private readonly deps: DossierDeps;

  constructor(
    private readonly db: Db,
    private readonly catalog: CatalogService,
    notifications: NotificationService,
    private readonly files: BlobStore,
    private readonly clock: Clock,
    private readonly opts: DossierOptions,
  ) {
    this.deps = { db, catalog, notifications, files, clock, opts, service: this };
  }

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

  /** The closed tab's filters known to be over its count's limit, when the composition root keeps them. */
  get closedOver(): ClosedOverLimit | undefined {
    return this.opts.closedOver;
  }

  /** Demo mode (DEMO=on): the only mode in which dossiers marked demo may be written. */
  get demoMode(): boolean {
    return !!this.opts.demo;
  }

  /** How often cached parts were used / read again (tests, benchmark). */
  cacheStats(): { hits: number; misses: number } {
    return { ...(this.opts.cache?.stats ?? { hits: 0, misses: 0 }) };
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

  async formFor(unitCode: string, procedureCode: string): Promise<ProcedureForm> {
    const { procedure } = await this.catalog.getUnitProcedure(unitCode, procedureCode);
    const eform = await this.eformOf(unitCode, procedureCode);
    return { procedureCode, eform, jsonSchema: toJsonSchema(eform), cases: componentsOf(procedure) };
  }

  /** The unit's own e-form when its admin made one (catalogue settings), else the procedure's. */
  async eformOf(unitCode: string, procedureCode: string): Promise<EForm> {
    return this.unitEform(unitCode, procedureCode, eformFor);
  }

  /** `eformOf` for a caller that only reads the form: the procedure's is shared and frozen, not copied. */
  async eformToCheck(unitCode: string, procedureCode: string): Promise<EForm> {
    return this.unitEform(unitCode, procedureCode, eformToRead);
  }

  private async unitEform(unitCode: string, procedureCode: string, national: (p: Procedure) => EForm): Promise<EForm> {
    const { procedure, entry } = await this.catalog.getUnitProcedure(unitCode, procedureCode);
    if (entry.local?.eform !== undefined) {
      const r = eformSchema.safeParse(entry.local.eform);
      if (r.success) return r.data;
    }
    return national(procedure);
  }

  /** The unit's calendar (its declarations over the national ones), read once and cached by the calendar module. */
  calendarOf(unitCode: string): Promise<UnitCalendar> {
    return calendarsOf(this.db, this.clock).calendarOf(unitCode);
  }

  /** The calendars of these units read in one statement where not cached yet (calendarOf then answers from memory). */
  preloadCalendars(unitCodes: string[]): Promise<void> {
    return calendarsOf(this.db, this.clock).preload(unitCodes);
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
      await appendHistory(this.deps, trx, d.id, { action: 'recompute_due', from: d.status, to: d.status, actor, comment: reason, data: { from: d.dueAt, to: dueAt }, key: `recompute_due:${uuidv7()}` });
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
    return checkApplicant(raw);
  }

  /**
   * A new dossier, saved as a draft. An Idempotency-Key makes a retried request return the
   * dossier it created the first time.
   */
  async createDraft(input: NewDossierInput, actor: Actor, idempotencyKey?: string): Promise<{ dossier: Dossier; created: boolean }> {
    if (idempotencyKey) {
      const existing = await repo.findDossierByIdempotencyKey(this.db, idemKey(actor, idempotencyKey));
      if (existing) return { dossier: existing, created: false };
    }
    const { row } = await draftRow(this.deps, input, actor, idempotencyKey);
    try {
      await repo.insertDossier(this.db, row);
    } catch (e) {
      // Two retries racing with the same key: the other one won.
      const existing = await racedTo(this.deps, row, e);
      return { dossier: existing, created: false };
    }
    return { dossier: repo.toDossier(row), created: true };
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
    return createAndSubmit(this.deps, input, uploads, actor, idempotencyKey, beforeSubmit);
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
    return submitMembers(this.deps, parts, actor, opts, within);
  }

  /** The dossier a request with this Idempotency-Key already made, if any. */
  async findByIdempotencyKey(actor: Actor, key: string): Promise<Dossier | undefined> {
    return repo.findDossierByIdempotencyKey(this.db, idemKey(actor, key));
  }

  /** Find a dossier by code or draft id, checking that the actor may see it. */
  async getForActor(ref: string, actor: Actor, proof?: { phone?: string; token?: string }): Promise<Dossier> {
    const d = await findByRef(this.db, this.opts.cache, this.lookupAlongside, ref);
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
    const { procedureName, statusLabel, files, history } = await this.viewParts(d);
    return { ...d, procedureName, statusLabel, files, history };
  }

  /**
   * What `view` adds to the dossier, without the copy of its ~40 fields (the JSON answer of a first
   * tracking lookup reads them from the dossier itself: the copy was ~4–6 KB of garbage per lookup,
   * a dictionary-mode object).
   */
  async viewParts(d: Dossier): Promise<Pick<DossierView, 'procedureName' | 'statusLabel' | 'files' | 'history'>> {
    const procedure = await this.catalog.findProcedure(d.procedureCode);
    // Files and history read side by side: on a dossier read for the first time each is a disk read.
    // Already kept by a first lookup's statement (PostgreSQL): no closure, no promise to make.
    const { files, history } = this.cached<{ files: DossierFile[]; history: HistoryEntry[] }>(d, FILES_AND_HISTORY) ?? await this.memo(d, FILES_AND_HISTORY, async () => {
      const [files, history] = await Promise.all([repo.listFiles(this.db, d.id), repo.listHistory(this.db, d.id)]);
      return { files: Object.freeze(files) as DossierFile[], history: Object.freeze(history) as HistoryEntry[] };
    });
    return { procedureName: procedure?.name ?? d.procedureCode, statusLabel: STATUS_LABEL[d.status], files, history };
  }

  /** Attach a scan or photo of a paper: while a draft, or when a supplement is asked. */
  async addAttachment(d: Dossier, component: string, upload: AttachmentUpload): Promise<DossierFile> {
    if (d.status !== 'draft' && d.status !== 'supplement_requested') {
      throw new ConflictError('dossier_not_editable', 'Hồ sơ đã nộp nên không thể thêm tệp, trừ khi cán bộ yêu cầu bổ sung.');
    }
    const procedure = await this.catalog.getProcedure(d.procedureCode);
    const f = await storeAttachment(this.deps, procedure, component, upload, await repo.listFiles(this.db, d.id));
    await repo.insertFile(this.db, { id: f.id, dossier_id: d.id, component, sha256: f.sha256, name: f.name, mime: f.mime, size: f.size, created_at: f.createdAt });
    return f;
  }

  async fileContent(d: Dossier, fileId: string): Promise<{ file: DossierFile; data: Buffer }> {
    const f = await fileOf(this.deps, d, fileId);
    return { file: f, data: await this.files.get(f.sha256) };
  }

  /**
   * A paper of the dossier as it comes from the store (disk or bucket), never whole in memory: a
   * 10 MB scan costs its reader a few chunks, not 10 MB. Opened before returning, so a paper gone
   * from the store is a NotFoundError here, before any byte of the answer is sent.
   */
  async fileStream(d: Dossier, fileId: string): Promise<{ file: DossierFile; stream: Readable }> {
    const f = await fileOf(this.deps, d, fileId);
    return { file: f, stream: await this.files.stream(f.sha256) };
  }

  /** The signed result file as a stream (see fileStream), once the dossier has its result; "not ready" otherwise. */
  async resultStream(d: Dossier): Promise<{ file: DossierFile; stream: Readable }> {
    const f = resultFileOf(d.status, await repo.listFiles(this.db, d.id));
    if (!f) throw new NotFoundError('Hồ sơ chưa có kết quả điện tử. Chúng tôi sẽ nhắn tin khi có kết quả.', 'result_not_ready');
    return { file: f, stream: await this.files.stream(f.sha256) };
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
    return commitSubmission(this.deps, d, await check(this.deps, d, opts.formData), actor, opts);
  }

  /**
   * What stops a draft from being submitted: the e-form's problems ("formData.*") and the required
   * papers not attached ("attachments.*"), all at once, without submitting.
   */
  async problemsOf(d: Dossier, formData?: unknown): Promise<Array<{ field: string; code: string; message: string }>> {
    return (await check(this.deps, d, formData)).problems;
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
    // A submission signs its code three times (the SMS's link, the answer's receipt and tracking
    // links), a first lookup twice: each HMAC is made once and kept (a fixed function of the code
    // under a secret this process holds anyway), the memory bounded by clearing when full.
    let t = this.tokens.get(code);
    if (t === undefined) {
      t = createHmac('sha256', this.opts.secret).update(`track:${code}`).digest('base64url').slice(0, 22);
      if (this.tokens.size >= TOKENS_KEPT) this.tokens.clear();
      this.tokens.set(code, t);
    }
    return t;
  }
  private readonly tokens = new Map<string, string>();

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
