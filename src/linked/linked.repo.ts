import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { definitionSchema, type LinkedGroup, type Partner, type PartnerAnswer } from './linked.types';

export type Exec = Kysely<DB> | Transaction<DB>;

export interface MemberRow extends PartnerAnswer {
  dossierCode: string;
  submissionCode: string;
  position: number;
  procedureCode: string;
  agency: 'unit' | 'partner';
  partnerId: string | null;
}

export interface SubmissionRow {
  code: string;
  unitCode: string;
  groupCode: string;
  applicantName: string;
  applicantPhone: string;
  citizenId: string | null;
  idempotencyKey: string | null;
  createdAt: string;
}

export async function upsertGroup(db: Exec, g: { unitCode: string; code: string; name: string; definition: unknown }, now: string): Promise<void> {
  await db
    .insertInto('linked_groups')
    .values({ unit_code: g.unitCode, code: g.code, name: g.name, definition: JSON.stringify(g.definition), created_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(['unit_code', 'code']).doUpdateSet({ name: g.name, definition: JSON.stringify(g.definition), updated_at: now }))
    .execute();
}

export async function findGroup(db: Exec, unitCode: string, code: string): Promise<LinkedGroup | undefined> {
  const r = await db.selectFrom('linked_groups').selectAll().where('unit_code', '=', unitCode).where('code', '=', code).executeTakeFirst();
  if (!r) return undefined;
  const def = definitionSchema.parse(JSON.parse(r.definition));
  return { ...def, unitCode: r.unit_code, code: r.code, name: r.name, enabled: Number(r.enabled) === 1, updatedAt: r.updated_at };
}

/** A unit's groups by code; `all`: the switched-off ones too (the admin's list), else only those offered. */
export async function listGroups(db: Exec, unitCode: string, o: { all?: boolean } = {}): Promise<Array<{ code: string; name: string; enabled: boolean }>> {
  let q = db.selectFrom('linked_groups').select(['code', 'name', 'enabled']).where('unit_code', '=', unitCode);
  if (!o.all) q = q.where('enabled', '=', 1);
  return (await q.orderBy('code').execute()).map((r) => ({ code: r.code, name: r.name, enabled: Number(r.enabled) === 1 }));
}

/** A new group; false when the unit already has one under that code (nothing written). */
export async function insertGroup(db: Exec, g: { unitCode: string; code: string; name: string; definition: unknown }, now: string): Promise<boolean> {
  const r = await db
    .insertInto('linked_groups')
    .values({ unit_code: g.unitCode, code: g.code, name: g.name, definition: JSON.stringify(g.definition), created_at: now, updated_at: now, enabled: 1 })
    .onConflict((oc) => oc.columns(['unit_code', 'code']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function updateGroup(db: Exec, g: { unitCode: string; code: string; name: string; definition: unknown }, now: string): Promise<boolean> {
  const r = await db.updateTable('linked_groups').set({ name: g.name, definition: JSON.stringify(g.definition), updated_at: now }).where('unit_code', '=', g.unitCode).where('code', '=', g.code).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function setGroupEnabled(db: Exec, unitCode: string, code: string, enabled: boolean, now: string): Promise<boolean> {
  const r = await db.updateTable('linked_groups').set({ enabled: enabled ? 1 : 0, updated_at: now }).where('unit_code', '=', unitCode).where('code', '=', code).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

const toPartner = (r: { id: string; unit_code: string; name: string; mode: string; email: string; username: string | null; active: number }): Partner => ({
  id: r.id,
  unitCode: r.unit_code,
  name: r.name,
  mode: r.mode === 'email' ? 'email' : 'inbox',
  email: r.email,
  username: r.username,
  active: r.active === 1,
});

export async function upsertPartner(db: Exec, p: { id: string; unitCode: string; name: string; mode: string; email: string; username: string | null; passwordHash: string | null }, now: string): Promise<void> {
  await db
    .insertInto('linked_partners')
    .values({ id: p.id, unit_code: p.unitCode, name: p.name, mode: p.mode, email: p.email, username: p.username, password_hash: p.passwordHash, active: 1, created_at: now })
    .onConflict((oc) => oc.column('id').doUpdateSet({ name: p.name, mode: p.mode, email: p.email, username: p.username, password_hash: p.passwordHash }))
    .execute();
}

export async function findPartner(db: Exec, id: string): Promise<Partner | undefined> {
  const r = await db.selectFrom('linked_partners').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toPartner(r) : undefined;
}

/** The partners of a unit, by name. */
export async function listPartners(db: Exec, unitCode: string): Promise<Partner[]> {
  return (await db.selectFrom('linked_partners').selectAll().where('unit_code', '=', unitCode).orderBy('name').execute()).map(toPartner);
}

/** A new partner that receives its parts by e-mail with a signed link (no account). */
export async function insertPartner(db: Exec, p: { id: string; unitCode: string; name: string; email: string }, now: string): Promise<void> {
  await db.insertInto('linked_partners').values({ id: p.id, unit_code: p.unitCode, name: p.name, mode: 'email', email: p.email, username: null, password_hash: null, active: 1, created_at: now }).execute();
}

export async function findPartnerLogin(db: Exec, username: string): Promise<(Partner & { passwordHash: string | null }) | undefined> {
  const r = await db.selectFrom('linked_partners').selectAll().where('username', '=', username).executeTakeFirst();
  return r ? { ...toPartner(r), passwordHash: r.password_hash } : undefined;
}

export async function nextSequence(db: Exec, unitCode: string, day: string): Promise<number> {
  const r = await db
    .insertInto('linked_counters')
    .values({ unit_code: unitCode, day, n: 1 })
    .onConflict((oc) => oc.columns(['unit_code', 'day']).doUpdateSet((eb) => ({ n: eb('linked_counters.n', '+', 1) })))
    .returning('n')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertSubmission(db: Exec, s: SubmissionRow, members: Array<Pick<MemberRow, 'dossierCode' | 'position' | 'procedureCode' | 'agency' | 'partnerId'>>): Promise<void> {
  await db
    .insertInto('linked_submissions')
    .values({ code: s.code, unit_code: s.unitCode, group_code: s.groupCode, applicant_name: s.applicantName, applicant_phone: s.applicantPhone, citizen_id: s.citizenId, idempotency_key: s.idempotencyKey, created_at: s.createdAt })
    .execute();
  await db
    .insertInto('linked_members')
    .values(members.map((m) => ({ dossier_code: m.dossierCode, submission_code: s.code, position: m.position, procedure_code: m.procedureCode, agency: m.agency, partner_id: m.partnerId })))
    .execute();
}

const toSubmission = (r: { code: string; unit_code: string; group_code: string; applicant_name: string; applicant_phone: string; citizen_id: string | null; idempotency_key: string | null; created_at: string }): SubmissionRow => ({
  code: r.code,
  unitCode: r.unit_code,
  groupCode: r.group_code,
  applicantName: r.applicant_name,
  applicantPhone: r.applicant_phone,
  citizenId: r.citizen_id,
  idempotencyKey: r.idempotency_key,
  createdAt: r.created_at,
});

export async function findSubmission(db: Exec, code: string): Promise<SubmissionRow | undefined> {
  const r = await db.selectFrom('linked_submissions').selectAll().where('code', '=', code).executeTakeFirst();
  return r ? toSubmission(r) : undefined;
}

export async function findSubmissionByKey(db: Exec, key: string): Promise<SubmissionRow | undefined> {
  const r = await db.selectFrom('linked_submissions').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
  return r ? toSubmission(r) : undefined;
}

type MemberDb = { dossier_code: string; submission_code: string; position: number; procedure_code: string; agency: string; partner_id: string | null; sent_at: string | null; result: string; result_note: string; result_at: string | null; result_by: string | null; escalated_at: string | null };
const toMember = (r: MemberDb): MemberRow => ({
  dossierCode: r.dossier_code,
  submissionCode: r.submission_code,
  position: Number(r.position),
  procedureCode: r.procedure_code,
  agency: r.agency === 'partner' ? 'partner' : 'unit',
  partnerId: r.partner_id,
  sentAt: r.sent_at,
  result: r.result === 'approved' || r.result === 'rejected' ? r.result : '',
  resultNote: r.result_note,
  resultAt: r.result_at,
  resultBy: r.result_by,
  escalatedAt: r.escalated_at,
});

export async function listMembers(db: Exec, submissionCode: string): Promise<MemberRow[]> {
  return (await db.selectFrom('linked_members').selectAll().where('submission_code', '=', submissionCode).orderBy('position').execute()).map(toMember);
}

export async function findMember(db: Exec, dossierCode: string): Promise<MemberRow | undefined> {
  const r = await db.selectFrom('linked_members').selectAll().where('dossier_code', '=', dossierCode).executeTakeFirst();
  return r ? toMember(r) : undefined;
}

/** A partner's parts that were handed to it, newest first. */
export async function listPartnerMembers(db: Exec, partnerId: string, limit = 200): Promise<MemberRow[]> {
  return (await db.selectFrom('linked_members').selectAll().where('partner_id', '=', partnerId).where('sent_at', 'is not', null).orderBy('sent_at', 'desc').limit(limit).execute()).map(toMember);
}

/** Parts handed to a partner that has not answered and whose unit was not yet told. */
export async function listUnansweredSent(db: Exec): Promise<MemberRow[]> {
  return (await db.selectFrom('linked_members').selectAll().where('agency', '=', 'partner').where('sent_at', 'is not', null).where('result', '=', '').where('escalated_at', 'is', null).execute()).map(toMember);
}

/** Partner parts not yet handed over (the job hands over those the unit accepted one by one). */
export async function listUnsent(db: Exec): Promise<MemberRow[]> {
  return (await db.selectFrom('linked_members').selectAll().where('agency', '=', 'partner').where('sent_at', 'is', null).where('result', '=', '').limit(500).execute()).map(toMember);
}

export async function markSent(db: Exec, dossierCode: string, at: string): Promise<boolean> {
  const r = await db.updateTable('linked_members').set({ sent_at: at }).where('dossier_code', '=', dossierCode).where('sent_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function setResult(db: Exec, dossierCode: string, r: { result: 'approved' | 'rejected'; note: string; at: string; by: string }): Promise<void> {
  await db.updateTable('linked_members').set({ result: r.result, result_note: r.note, result_at: r.at, result_by: r.by }).where('dossier_code', '=', dossierCode).execute();
}

export async function markEscalated(db: Exec, dossierCode: string, at: string): Promise<boolean> {
  const r = await db.updateTable('linked_members').set({ escalated_at: at }).where('dossier_code', '=', dossierCode).where('escalated_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** A unit's group submissions, newest first. */
export async function listSubmissionsOfUnit(db: Exec, unitCode: string, limit = 100): Promise<SubmissionRow[]> {
  return (await db.selectFrom('linked_submissions').selectAll().where('unit_code', '=', unitCode).orderBy('created_at', 'desc').limit(limit).execute()).map(toSubmission);
}
