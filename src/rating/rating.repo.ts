/** All SQL of the rating module's tables (016-ratings); rows <-> domain objects. */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB, RatingFollowupTable, RatingVersionTable } from '../db/schema';
import { CHANGE_WINDOW_DAYS, type FollowUp, type Rating, type RatingFact, type RatingLevel, type RatingReason, type RatingSource } from './rating.types';

export type Exec = Kysely<DB> | Transaction<DB>;
type VersionRow = Selectable<RatingVersionTable>;
type FollowupRow = Selectable<RatingFollowupTable>;

const DAY = 86_400_000;

export function toRating(r: VersionRow): Rating {
  return {
    ratingId: r.rating_id,
    versionId: r.id,
    version: Number(r.version),
    dossierId: r.dossier_id,
    dossierCode: r.dossier_code,
    unitCode: r.unit_code,
    source: r.source as RatingSource,
    level: r.level as RatingLevel,
    reasons: parseReasons(r.reasons),
    comment: r.comment,
    ratedAt: r.created_at,
    firstRatedAt: r.first_rated_at,
    changeableUntil: new Date(new Date(r.first_rated_at).getTime() + CHANGE_WINDOW_DAYS * DAY).toISOString(),
  };
}

function parseReasons(text: string): RatingReason[] {
  try {
    const v = JSON.parse(text);
    return Array.isArray(v) ? v.filter((x): x is RatingReason => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function toFollowUp(r: FollowupRow, now: string): FollowUp {
  const answered = !!r.answered_at;
  return {
    id: r.id,
    ratingId: r.rating_id,
    dossierId: r.dossier_id,
    dossierCode: r.dossier_code,
    unitCode: r.unit_code,
    openedAt: r.opened_at,
    dueAt: r.due_at,
    answer: r.answer,
    answeredAt: r.answered_at,
    answeredBy: r.answered_by_name,
    state: answered ? 'answered' : now > r.due_at ? 'overdue' : 'open',
    late: answered ? r.answered_at! > r.due_at : now > r.due_at,
  };
}

export async function listVersions(db: Exec, ratingId: string): Promise<Rating[]> {
  const rows = await db.selectFrom('rating_versions').selectAll().where('rating_id', '=', ratingId).orderBy('version').execute();
  return rows.map(toRating);
}

export async function latestVersion(db: Exec, ratingId: string): Promise<Rating | undefined> {
  const r = await db.selectFrom('rating_versions').selectAll().where('rating_id', '=', ratingId).orderBy('version', 'desc').limit(1).executeTakeFirst();
  return r ? toRating(r) : undefined;
}

/** The level in force of each of these dossiers that has been rated (unrated ones are absent). */
export async function ratedLevels(db: Exec, dossierIds: string[]): Promise<Map<string, { level: string; at: string }>> {
  const out = new Map<string, { level: string; at: string }>();
  for (let i = 0; i < dossierIds.length; i += 500) {
    const rows = await db.selectFrom('rating_versions').select(['dossier_id', 'level', 'version', 'created_at']).where('dossier_id', 'in', dossierIds.slice(i, i + 500)).orderBy('version').execute();
    for (const r of rows) if (r.dossier_id) out.set(r.dossier_id, { level: r.level, at: r.created_at });
  }
  return out;
}

export async function insertVersion(db: Exec, row: VersionRow): Promise<void> {
  await db.insertInto('rating_versions').values(row).execute();
}

export async function findOpenFollowUp(db: Exec, ratingId: string): Promise<FollowupRow | undefined> {
  return db.selectFrom('rating_followups').selectAll().where('rating_id', '=', ratingId).where('answered_at', 'is', null).executeTakeFirst();
}

export async function latestFollowUp(db: Exec, ratingId: string): Promise<FollowupRow | undefined> {
  return db.selectFrom('rating_followups').selectAll().where('rating_id', '=', ratingId).orderBy('opened_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export async function insertFollowUp(db: Exec, row: FollowupRow): Promise<void> {
  await db.insertInto('rating_followups').values(row).execute();
}

export async function findFollowUp(db: Exec, id: string): Promise<FollowupRow | undefined> {
  return db.selectFrom('rating_followups').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Sets the answer once: false when someone answered first. */
export async function answerFollowUp(db: Exec, id: string, a: { answer: string; at: string; byId: string; byName: string }): Promise<boolean> {
  const r = await db
    .updateTable('rating_followups')
    .set({ answer: a.answer, answered_at: a.at, answered_by_id: a.byId, answered_by_name: a.byName })
    .where('id', '=', id)
    .where('answered_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function listFollowUps(db: Exec, unitCodes: string[], opts: { state?: 'open' | 'answered' | 'overdue' | 'all'; now: string; limit?: number }): Promise<FollowupRow[]> {
  if (!unitCodes.length) return [];
  let q = db.selectFrom('rating_followups').selectAll().where('unit_code', 'in', unitCodes);
  if (opts.state === 'answered') q = q.where('answered_at', 'is not', null);
  else if (opts.state === 'open') q = q.where('answered_at', 'is', null);
  else if (opts.state === 'overdue') q = q.where('answered_at', 'is', null).where('due_at', '<', opts.now);
  // Waiting first (soonest deadline first), then the answered ones, newest first.
  return q
    .orderBy((eb) => eb.case().when('answered_at', 'is', null).then(0).else(1).end())
    .orderBy('due_at')
    .orderBy('opened_at', 'desc')
    .limit(opts.limit ?? 500)
    .execute();
}

/** Follow-ups opened before `asOf`, as they stood at `asOf`. */
export async function followUpRows(db: Exec, unitCodes: string[], range: { from?: string; to?: string; asOf: string }): Promise<FollowupRow[]> {
  if (!unitCodes.length) return [];
  let q = db.selectFrom('rating_followups').selectAll().where('unit_code', 'in', unitCodes).where('opened_at', '<=', range.asOf);
  if (range.from) q = q.where('opened_at', '>=', range.from);
  if (range.to) q = q.where('opened_at', '<', range.to);
  return q.execute();
}

/**
 * The rating in force at `asOf` of every rating first given in [from, to): its newest version
 * written at or before `asOf`, so that a change made later does not rewrite a closed period.
 */
/**
 * As a query for another module's SQL (the indicators count in the database): the dossiers whose
 * rating first given in [from, to) is "Không hài lòng" in its version in force at `asOf` (the
 * latest written at or before it), that version written before `to`.
 */
export function dissatisfiedQuery(db: Exec, q: { unitCodes: string[]; from: string; to: string; asOf: string }) {
  return db
    .selectFrom('rating_versions as v')
    .select('v.dossier_id')
    .where('v.unit_code', 'in', q.unitCodes)
    .where('v.first_rated_at', '>=', q.from)
    .where('v.first_rated_at', '<', q.to)
    .where('v.first_rated_at', '<=', q.asOf)
    .where('v.level', '=', 'dissatisfied')
    .where('v.dossier_id', 'is not', null)
    .where('v.created_at', '<', q.to)
    .where('v.version', '=', (eb) =>
      eb.selectFrom('rating_versions as w').select((w) => w.fn.max('w.version').as('m')).whereRef('w.rating_id', '=', 'v.rating_id').where('w.created_at', '<=', q.asOf),
    );
}

export async function facts(db: Exec, q: { unitCodes: string[]; from: string; to: string; asOf: string }): Promise<RatingFact[]> {
  if (!q.unitCodes.length) return [];
  const rows = await db
    .selectFrom('rating_versions as v')
    .selectAll('v')
    .where('v.unit_code', 'in', q.unitCodes)
    .where('v.first_rated_at', '>=', q.from)
    .where('v.first_rated_at', '<', q.to)
    .where('v.first_rated_at', '<=', q.asOf)
    .where('v.version', '=', (eb) =>
      eb.selectFrom('rating_versions as w').select((w) => w.fn.max('w.version').as('m')).whereRef('w.rating_id', '=', 'v.rating_id').where('w.created_at', '<=', q.asOf),
    )
    .orderBy('v.first_rated_at')
    .orderBy('v.rating_id')
    .execute();
  return rows.map((r) => {
    const x = toRating(r);
    return { ratingId: x.ratingId, dossierId: x.dossierId, dossierCode: x.dossierCode, unitCode: x.unitCode, level: x.level, reasons: x.reasons, source: x.source, ratedAt: x.ratedAt, firstRatedAt: x.firstRatedAt };
  });
}
