import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/connection';
import type { BlobStore } from '../file';
import type { NotificationService } from '../notification';
import type { Clock } from '../shared/clock';
import { DomainError, NotFoundError, RuleViolationError } from '../shared/errors';
import { formatDate } from '../shared/format';
import { uuidv7 } from '../shared/ids';
import { normalizePhone } from '../shared/phone';
import { fold } from '../shared/vietnamese';
import * as repo from './dossier.repo';
import type { DossierService } from './dossier.service';
import type { Actor, Dossier, DossierChannel, DossierFile } from './dossier.types';
import type { AttachmentUpload } from './dossier.papers';
import { cleanFormData } from './dossier.intake';

/**
 * Drafts a citizen comes back to. A draft holds what was typed and the papers already uploaded, so
 * that nothing is asked twice: after a validation error, after "Lưu nháp", on another day.
 *
 * - A signed-in citizen's draft is listed on "Hồ sơ của tôi".
 * - An anonymous citizen proves their phone with a one-time code and gets a resume link by SMS
 *   (through the outbox); the link carries a signed token, the only key to the draft.
 * - Every draft expires DRAFT_TTL_DAYS after its last change; an anonymous draft whose phone is not
 *   proven yet (while REQUIRE_PHONE_VERIFICATION is on) after UNVERIFIED_DRAFT_HOURS, so uploads
 *   by strangers cannot fill the disk. The worker removes expired drafts with their files.
 */
export const UNVERIFIED_DRAFT_HOURS = 2;

/** One person's open drafts at most (DRAFT_MAX_OPEN) and their files' total bytes (DRAFT_MAX_MB). */
export interface DraftQuota {
  maxOpen: number;
  maxBytes: number;
}
export const DEFAULT_DRAFT_QUOTA: DraftQuota = { maxOpen: 3, maxBytes: 150 * 1024 * 1024 };

/** Whose drafts count together: a citizen account, a proven phone, or both (listFor's rule). */
export interface DraftOwner {
  citizenId: string | null;
  phone: string | null;
}
const ownerOf = (d: Dossier): DraftOwner => ({ citizenId: d.citizenId, phone: d.verifiedPhone ?? null });
const mb = (bytes: number) => Math.ceil(bytes / 1024 / 1024);

export interface DraftInput {
  unitCode: string;
  procedureCode: string;
  channel: DossierChannel;
  caseId: string | null;
  /** As typed: checked only when submitting. */
  applicant: Record<string, string>;
  formData: Record<string, unknown>;
  delivery: { method?: 'counter' | 'post'; address?: string };
}

/** A file to attach: an upload, or a paper of the citizen's document store (that same file). */
export type Upload = AttachmentUpload;

export class DossierDrafts {
  constructor(
    private readonly db: Db,
    private readonly dossiers: DossierService,
    private readonly notifications: NotificationService,
    private readonly files: BlobStore,
    private readonly clock: Clock,
    private readonly opts: { secret: string; publicUrl: string; ttlDays: number; requirePhoneVerification: boolean; quota?: DraftQuota },
  ) {}

  /**
   * Room for one person's drafts (DRAFT_MAX_OPEN, DRAFT_MAX_MB): a proven phone gets 5 codes an
   * hour and each draft may hold 50 MB for DRAFT_TTL_DAYS, so without a cap one person could keep
   * gigabytes. `self`: the draft being changed (its own files count, it is not counted as another
   * draft); `addBytes`: what the change adds; `counting`: the change keeps a draft for the person.
   */
  private async ensureRoom(owner: DraftOwner, self: Dossier | null, addBytes: number, counting: boolean): Promise<void> {
    const q = this.opts.quota ?? DEFAULT_DRAFT_QUOTA;
    if (!owner.citizenId && !owner.phone) return;
    const others = await repo.draftUsageOf(this.db, owner, this.clock.now().toISOString(), self?.id ?? null);
    if (counting && others.drafts >= q.maxOpen) {
      throw new RuleViolationError(
        'draft_quota_exceeded',
        `Bạn đang có ${others.drafts} bản nháp chưa nộp, đã đến mức tối đa ${q.maxOpen} bản nháp. Xin nộp hoặc xóa bớt bản nháp cũ (trang "Hồ sơ của tôi" hoặc đường dẫn trong tin nhắn) rồi lưu lại.`,
      );
    }
    if (addBytes <= 0 && !counting) return;
    const own = self ? (await repo.listFiles(this.db, self.id)).reduce((s, f) => s + f.size, 0) : 0;
    const total = others.bytes + own + Math.max(0, addBytes);
    if (total > q.maxBytes) {
      throw new RuleViolationError(
        'draft_storage_exceeded',
        `Tệp đính kèm trong các bản nháp chưa nộp của bạn sẽ lên tới ${mb(total)} MB, vượt mức ${mb(q.maxBytes)} MB cho phép. Xin nộp hoặc xóa bớt bản nháp cũ, hoặc đính kèm tệp nhỏ hơn.`,
      );
    }
  }

  /** Before a new draft is kept for `owner` (the API's drafts): their cap of open drafts. */
  async checkNewDraft(owner: DraftOwner): Promise<void> {
    await this.ensureRoom(owner, null, 0, true);
  }

  /** Before `bytes` more are attached to draft `d` (the API's uploads): its owner's storage cap. */
  async checkAttach(d: Dossier, bytes: number): Promise<void> {
    if (d.status === 'draft') await this.ensureRoom(ownerOf(d), d, bytes, false);
  }

  /** How many days a draft is kept after its last change (DRAFT_TTL_DAYS). */
  get ttlDays(): number {
    return this.opts.ttlDays;
  }

  /** The signed part of a draft's resume link. */
  token(id: string): string {
    return createHmac('sha256', this.opts.secret).update(`draft:${id}`).digest('base64url').slice(0, 22);
  }

  private checkToken(id: string, token: string): boolean {
    const a = Buffer.from(this.token(id));
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /** Path of the online form with the draft loaded. */
  resumePath(d: Pick<Dossier, 'id' | 'unitCode' | 'procedureCode'>): string {
    return `/p/${d.unitCode}/${d.procedureCode}/nop-truc-tuyen?ban-nhap=${d.id}&t=${this.token(d.id)}`;
  }

  resumeUrl(d: Pick<Dossier, 'id' | 'unitCode' | 'procedureCode'>): string {
    return `${this.opts.publicUrl}${this.resumePath(d)}`;
  }

  /** When a draft saved now expires: the full time, or a short one for an unproven stranger. */
  expiryFor(actor: Actor, verified: boolean): string {
    const now = this.clock.now().getTime();
    const short = actor.kind === 'anonymous' && !verified && this.opts.requirePhoneVerification;
    return new Date(now + (short ? UNVERIFIED_DRAFT_HOURS * 3600_000 : this.opts.ttlDays * 86_400_000)).toISOString();
  }

  /**
   * A draft the actor may continue: its owner signed in, or whoever holds its signed link. A
   * submitted, expired or unknown draft is "not found" alike.
   */
  async open(id: string, actor: Actor, token: string | undefined): Promise<Dossier> {
    const gone = () => new NotFoundError('Bản nháp không còn (đã nộp, đã hết hạn hoặc đường dẫn không đúng). Xin điền lại biểu mẫu.', 'draft_not_found');
    if (!/^[0-9a-f-]{36}$/.test(id)) throw gone();
    const d = await repo.findDossierById(this.db, id);
    if (!d || d.status !== 'draft' || d.code) throw gone();
    if (d.expiresAt && d.expiresAt <= this.clock.now().toISOString()) throw gone();
    const owner =
      (token !== undefined && this.checkToken(d.id, token)) ||
      (actor.kind === 'citizen' && (d.citizenId === actor.id || (!!d.verifiedPhone && d.verifiedPhone === actor.phone))) ||
      (actor.kind === 'staff' && d.createdBy === `staff:${actor.id}`);
    if (!owner) throw gone();
    return d;
  }

  /**
   * Save what the form holds, valid or not (the check is at submission): a new draft, or the
   * given one updated. The applicant is stored as typed when it does not pass yet.
   */
  async save(existing: Dossier | undefined, input: DraftInput, actor: Actor): Promise<Dossier> {
    const now = this.clock.now().toISOString();
    const strict = this.dossiers.checkApplicant(input.applicant);
    const applicant = strict.applicant ?? looseApplicant(input.applicant);
    const verified = !!existing?.verifiedPhone && existing.verifiedPhone === applicant.phone;
    const formData = cleanFormData(input.formData);
    const fields = {
      case_id: input.caseId,
      applicant: JSON.stringify(applicant),
      applicant_phone: applicant.phone,
      applicant_name: applicant.fullName,
      search_name: fold(applicant.fullName),
      form_data: JSON.stringify(formData),
      delivery: JSON.stringify(input.delivery),
      expires_at: this.expiryFor(actor, verified),
      updated_at: now,
    };
    if (existing) {
      await repo.updateDossier(this.db, existing.id, { ...fields, citizen_id: existing.citizenId ?? (actor.kind === 'citizen' ? actor.id : null) });
      return (await repo.findDossierById(this.db, existing.id))!;
    }
    const id = uuidv7();
    await repo.insertDossier(this.db, {
      id,
      code: null,
      unit_code: input.unitCode,
      procedure_code: input.procedureCode,
      channel: input.channel,
      status: 'draft',
      citizen_id: actor.kind === 'citizen' ? actor.id : null,
      digitised: 0,
      submitted_at: null,
      received_at: null,
      due_at: null,
      due_fixed: 0,
      idempotency_key: null,
      transient: 0,
      verified_phone: null,
      created_by: actor.kind === 'anonymous' ? 'anonymous' : `${actor.kind}:${actor.id}`,
      created_at: now,
      ...fields,
    });
    return (await repo.findDossierById(this.db, id))!;
  }

  /**
   * Attach the uploads for one paper; they replace what the draft held for it ("thay tệp khác").
   * The old files go only once every new one is stored, so a refused upload loses nothing.
   */
  async replaceFiles(d: Dossier, component: string, uploads: Upload[]): Promise<DossierFile[]> {
    const before = (await repo.listFiles(this.db, d.id)).filter((f) => f.component === component);
    await this.ensureRoom(ownerOf(d), d, uploads.reduce((s, u) => s + u.data.length, 0) - before.reduce((s, f) => s + f.size, 0), false);
    const added: DossierFile[] = [];
    try {
      for (const u of uploads) added.push(await this.dossiers.addAttachment(d, component, u));
    } catch (e) {
      for (const f of added) await repo.deleteFile(this.db, d.id, f.id);
      throw e;
    }
    for (const f of before) await repo.deleteFile(this.db, d.id, f.id);
    await this.removeBlobs(before.map((f) => f.sha256));
    return added;
  }

  async filesOf(d: Dossier): Promise<DossierFile[]> {
    return repo.listFiles(this.db, d.id);
  }

  /** The phone is proven by a one-time code: the draft is kept the full time and (sms) its link sent there. */
  async keepForPhone(d: Dossier, phone: string, opts: { sms: boolean }): Promise<Dossier> {
    const normal = normalizePhone(phone);
    if (!normal || normal !== d.applicant.phone) throw new RuleViolationError('phone_mismatch', 'Số điện thoại đã xác thực khác số trong hồ sơ.');
    // Kept to come back to (the SMS link): within the phone's cap. A proof for submitting at once keeps no draft.
    if (opts.sms) await this.ensureRoom({ citizenId: d.citizenId, phone: normal }, d, 0, true);
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.opts.ttlDays * 86_400_000).toISOString();
    await this.db.transaction().execute(async (trx) => {
      await repo.updateDossier(trx, d.id, { verified_phone: normal, expires_at: expiresAt, transient: 0, updated_at: now.toISOString() });
      if (!opts.sms) return;
      await this.notifications.enqueue(trx, {
        channel: 'sms',
        recipient: normal,
        event: 'draft_saved',
        body: `Bản nháp hồ sơ của Ông/Bà được giữ đến ngày ${formatDate(expiresAt)}. Tiếp tục nộp tại: ${this.resumeUrl(d)}`,
        dedupKey: `draft:${d.id}:${now.toISOString()}`,
        unitCode: d.unitCode,
      });
    });
    return (await repo.findDossierById(this.db, d.id))!;
  }

  /** A signed-in citizen's draft: kept the full time from now, listed on "Hồ sơ của tôi". */
  async keep(d: Dossier, actor: Actor): Promise<Dossier> {
    if (actor.kind === 'citizen') await this.ensureRoom({ citizenId: actor.id, phone: actor.phone }, d, 0, true);
    await repo.updateDossier(this.db, d.id, { expires_at: this.expiryFor(actor, true), transient: 0, updated_at: this.clock.now().toISOString() });
    return (await repo.findDossierById(this.db, d.id))!;
  }

  /** The drafts a signed-in citizen may continue (theirs, or saved with their proven phone). */
  async listFor(citizenId: string, phone: string): Promise<Array<Dossier & { procedureName: string; resumeHref: string }>> {
    const list = await repo.listDraftsOf(this.db, citizenId, phone, this.clock.now().toISOString());
    const named = await this.dossiers.named(list);
    return named.map((d) => ({ ...d, resumeHref: this.resumePath(d) }));
  }

  /** Remove a draft the citizen gave up, with its files. */
  async discard(d: Dossier): Promise<void> {
    const shas = (await repo.listFiles(this.db, d.id)).map((f) => f.sha256);
    await this.db.transaction().execute((trx) => repo.deleteDraft(trx, d.id));
    await this.removeBlobs(shas);
  }

  /**
   * The worker's job: drafts past their expiry (and, for drafts saved before expiries existed,
   * older than DRAFT_TTL_DAYS) are removed with their rows and the files nothing else uses.
   */
  async removeExpired(): Promise<{ drafts: number; files: number }> {
    const now = this.clock.now();
    const oldest = new Date(now.getTime() - this.opts.ttlDays * 86_400_000).toISOString();
    let drafts = 0;
    let files = 0;
    for (;;) {
      const ids = await repo.listExpiredDrafts(this.db, now.toISOString(), oldest);
      if (!ids.length) break;
      for (const id of ids) {
        const shas = (await repo.listFiles(this.db, id)).map((f) => f.sha256);
        await this.db.transaction().execute((trx) => repo.deleteDraft(trx, id));
        files += await this.removeBlobs(shas);
        drafts++;
      }
      if (ids.length < 500) break;
    }
    return { drafts, files };
  }

  /** Content-addressed files are shared: one goes only when no row refers to it any more. */
  private async removeBlobs(shas: string[]): Promise<number> {
    let n = 0;
    for (const sha of new Set(shas)) {
      if (await repo.isFileReferenced(this.db, sha)) continue;
      if (await this.files.remove(sha)) n++;
    }
    return n;
  }
}

/** The applicant as typed, for a draft: trimmed text, the phone in its normal form when it is one. */
function looseApplicant(a: Record<string, string>) {
  const t = (v: string | undefined) => String(v ?? '').trim().normalize('NFC').slice(0, 300);
  const phone = t(a.phone);
  return { fullName: t(a.fullName), phone: normalizePhone(phone) ?? phone.slice(0, 20), idNumber: t(a.idNumber), email: t(a.email), address: t(a.address) };
}

/** A domain error shown beside a field of the form. */
export function problemOf(e: unknown, field: string): { field: string; code: string; message: string } | undefined {
  if (e instanceof DomainError && !(e instanceof NotFoundError)) return { field, code: e.code, message: e.message };
  return undefined;
}
