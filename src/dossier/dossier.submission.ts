// A dossier's submission: the draft checked (e-form and required papers), then written with its
// code, due date, first history row, the citizen's notice and the audit entry in one transaction;
// also the one-request submission and a linked group's members.
import { writeAlongside, type AlongsideWrite } from '../db/alongside';
import type { Procedure } from '../catalog';
import { eformToRead, validateFormData } from '../eform';
import type { ChainPlace } from '../audit';
import { DomainError, RuleViolationError, ValidationError } from '../shared/errors';
import { uuidv7 } from '../shared/ids';
import * as repo from './dossier.repo';
import type { DossierUpdate } from './dossier.repo';
import { applicableGroups } from './dossier.components';
import { draftRow, idemKey, racedTo, type NewDossierInput } from './dossier.intake';
import { storeAttachment } from './dossier.attachments';
import type { AttachmentUpload } from './dossier.papers';
import type { DossierDeps } from './dossier.service';
import { CHANNEL_NAME, type Actor, type Dossier, type DossierFile, type DossierStatus, type HistoryEntry } from './dossier.types';

/** The one-request submission: see `DossierService.createAndSubmit`. */
export async function createAndSubmit(
  deps: DossierDeps,
  input: NewDossierInput,
  uploads: Array<{ component: string; read: () => Promise<AttachmentUpload> }>,
  actor: Actor,
  idempotencyKey: string | undefined,
  beforeSubmit: (d: Dossier) => Promise<boolean>,
): Promise<{ dossier: Dossier; created: boolean }> {
  if (idempotencyKey) {
    const existing = await repo.findDossierByIdempotencyKey(deps.db, idemKey(actor, idempotencyKey));
    if (existing) return { dossier: existing, created: false };
  }
  const { row, procedure } = await draftRow(deps, input, actor, idempotencyKey);
  const d = repo.toDossier(row);
  const files: DossierFile[] = [];
  for (const u of uploads) files.push(await storeAttachment(deps, procedure, u.component, await u.read(), files));
  const phoneVerified = await beforeSubmit(d);
  try {
    const dossier = await commitSubmission(deps, d, await check(deps, d, undefined, files), actor, { phoneVerified }, { row, files });
    return { dossier, created: true };
  } catch (e) {
    if (!(e instanceof DomainError)) return { dossier: await racedTo(deps, row, e), created: false };
    throw e;
  }
}

/** A linked group's members in one transaction: see `DossierService.submitMembers`. */
export async function submitMembers(
  deps: DossierDeps,
  parts: Array<{ input: NewDossierInput; files: Array<{ component: string; upload: AttachmentUpload }> }>,
  actor: Actor,
  opts: { phoneVerified: boolean },
  within: (trx: Parameters<typeof repo.insertHistory>[0], members: Dossier[]) => Promise<void>,
): Promise<Dossier[]> {
  if (actor.kind !== 'staff' && actor.kind !== 'citizen' && deps.opts.requirePhoneVerification && !opts.phoneVerified) {
    throw new RuleViolationError('phone_not_verified', 'Cần xác thực số điện thoại bằng mã OTP trước khi nộp hồ sơ.');
  }
  const now = deps.clock.now();
  const prepared: Array<{ row: repo.NewDossierRow & { id: string }; files: DossierFile[]; set: DossierUpdate; procedure: Procedure }> = [];
  for (const part of parts) {
    if (part.input.channel !== 'online') throw new RuleViolationError('channel_not_offered', 'Nhóm thủ tục liên thông chỉ nhận hồ sơ trực tuyến qua trang này.');
    const { row, procedure } = await draftRow(deps, { ...part.input, formData: undefined }, actor);
    const files: DossierFile[] = [];
    for (const f of part.files) files.push(await storeAttachment(deps, procedure, f.component, f.upload, files));
    const dueAt = await deps.service.dueFrom(row.unit_code, procedure, 'online', now);
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
  await deps.db.transaction().execute(async (trx) => {
    for (const p of prepared) {
      const h = historyRow(deps, p.row.id, { action: 'submit', from: 'draft', to: 'new', actor, comment: 'Nộp hồ sơ trực tuyến (nhóm thủ tục liên thông)', data: { dueAt: p.set.due_at }, key: `submit:${p.row.id}` });
      await repo.insertSubmitted(
        trx,
        { ...p.row, ...p.set, transient: 0 } as repo.NewDossierRow,
        p.files.map((f) => ({ id: f.id, dossier_id: p.row.id, component: f.component, sha256: f.sha256, name: f.name, mime: f.mime, size: f.size, created_at: f.createdAt })),
        { ...h.row, seq: 1 },
      );
      const d = await repo.assignCode(trx, p.row.id, p.row.unit_code, day, {});
      done.push(d);
      await deps.opts.audit?.record(
        { actor: auditActor(actor), unitCode: d.unitCode, action: 'dossier.submit', targetKind: 'dossier', targetId: d.code!, data: { status: 'new', channel: 'online', procedure: d.procedureCode, dueAt: d.dueAt, linked: true } },
        trx,
      );
    }
    await within(trx, done);
  });
  return done;
}

/**
 * The submission's transaction. `fresh`: the dossier and its files are not written yet (the
 * one-request submission): they are inserted in the same transaction.
 */
export async function commitSubmission(
  deps: DossierDeps,
  d: Dossier,
  { procedure, checked, files, missing, problems }: Awaited<ReturnType<typeof check>>,
  actor: Actor,
  opts: { phoneVerified?: boolean },
  fresh?: { row: repo.NewDossierRow & { id: string }; files: DossierFile[] },
): Promise<Dossier> {
  if (problems.length) throw new ValidationError('Hồ sơ chưa đủ để nộp. Xin bổ sung những mục dưới đây.', problems, 'invalid_dossier');

  if (actor.kind !== 'staff' && actor.kind !== 'citizen' && deps.opts.requirePhoneVerification && !opts.phoneVerified) {
    throw new RuleViolationError('phone_not_verified', 'Cần xác thực số điện thoại bằng mã OTP trước khi nộp hồ sơ.');
  }

  const now = deps.clock.now();
  const counter = d.channel !== 'online';
  const dueAt = await deps.service.dueFrom(d.unitCode, procedure, d.channel, now);
  const day = vnDay(now);
  const status: DossierStatus = counter ? 'received' : 'new';
  const formData = checked.ok ? checked.value : d.formData;
  const digitised = missing.length === 0 && files.length > 0;
  // Received at the counter: the dossier enters its process now; online, when accepted.
  const start = counter ? await deps.service.startFields(d.unitCode, d.procedureCode, now, dueAt) : { current_role: 'receptionist' };
  let code = '';
  let entry: HistoryEntry | undefined;
  let done: Dossier | undefined;
  // Row locks are held until the commit: the unit's day counter (every submission of the unit
  // waits for it) is taken after the history row, and the audit chain's head (every audited
  // change of any unit waits for it) last, so each is held for as few round trips as possible.
  // The citizen's channels: on PostgreSQL read by the submission's first statement (no round trip
  // of their own, db/alongside.ts); otherwise before the transaction (no lock is held meanwhile).
  const prefsAlong = fresh && repo.carriesReads(deps.db) ? deps.notifications.prefsAlong(d.applicant.phone, d.applicant.email) : undefined;
  // The audit chain's next place, on PostgreSQL taken by that same statement after the counter
  // (one round trip fewer; the head stays locked until the commit, as when taken on its own).
  const auditAlong = prefsAlong ? deps.opts.audit?.claimAlongside() : undefined;
  let claimed: ChainPlace | undefined;
  let prefs = prefsAlong ? undefined : await deps.notifications.prefsFor(d.applicant.phone, d.applicant.email);
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
  await deps.db.transaction().execute(async (trx) => {
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
      const h = historyRow(deps, d.id, history);
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
      entry = await appendHistory(deps, trx, d.id, history);
      done = await repo.assignCode(trx, d.id, d.unitCode, day, set);
    }
    code = done.code!;
    // Told on the channels the citizen chose, with the unit's template (notification module):
    // the messages are written by the audit entry's statement (one round trip fewer on PostgreSQL).
    const alongside: AlongsideWrite[] = [];
    await deps.notifications.notifyDossier(trx, {
      event: counter ? 'received' : 'submitted',
      dossierId: d.id,
      code,
      unitCode: d.unitCode,
      procedureName: procedure.name,
      applicant: { fullName: d.applicant.fullName, phone: d.applicant.phone, email: d.applicant.email },
      trackingUrl: deps.service.trackingUrl(code),
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
    if (deps.opts.audit) await deps.opts.audit.record(audited, trx, { alongside, claimed, endsTransaction: true });
    else await writeAlongside(trx, alongside);
  });
  // The row as the transaction left it (the code's statement returns it): not read back.
  // A dossier made by this very transaction: its files and its one history row are known, so its
  // answer is made without reading them back.
  if (fresh && entry) {
    const files = [...fresh.files].sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1)); // as listFiles orders them
    const known = { files: Object.freeze(files) as DossierFile[], history: Object.freeze([entry]) as HistoryEntry[] };
    await deps.service.memo(done!, 'files+history', async () => known);
  }
  return done!;
}

/** `attached`: the files about to be written with the dossier (else those of its draft). */
export async function check(deps: DossierDeps, d: Dossier, formData?: unknown, attached?: DossierFile[]) {
  const procedure = await deps.catalog.getProcedure(d.procedureCode);
  // Only read here: the shared form, not a copy.
  const eform = await deps.service.eformToCheck(d.unitCode, d.procedureCode).catch(() => eformToRead(procedure));
  const checked = validateFormData(eform, formData ?? d.formData, { clock: deps.clock });
  const problems: Array<{ field: string; code: string; message: string }> = [];
  if (!checked.ok) problems.push(...checked.errors.map((e) => ({ ...e, field: `formData.${e.field}` })));
  const files = attached ?? (await repo.listFiles(deps.db, d.id));
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

export async function appendHistory(
  deps: DossierDeps,
  trx: Parameters<typeof repo.insertHistory>[0],
  dossierId: string,
  h: { action: string; from: DossierStatus | null; to: DossierStatus; actor: Actor; comment: string; data: Record<string, unknown>; key: string },
): Promise<HistoryEntry> {
  const { row, entry } = historyRow(deps, dossierId, h);
  await repo.appendHistoryRow(trx, row);
  return entry(0);
}

/** A history row to write, and the entry it makes once numbered (`seq`; 0: numbered by the database). */
export function historyRow(
  deps: DossierDeps,
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
    created_at: deps.clock.now().toISOString(),
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
