import { NoResultError, PostgresAdapter, sql, type Insertable, type Kysely, type RawBuilder, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { AlongsideRead, AlongsideTake } from '../db/alongside';
import { CompiledShapes, idOf } from '../db/compiled';
import type { DB, DossierFileTable, DossierHistoryTable, DossierTable } from '../db/schema';
import type { Applicant, Dossier, DossierChannel, DossierFile, DossierStatus, HistoryEntry } from './dossier.types';

type Exec = Kysely<DB> | Transaction<DB>;
export type DossierRow = Selectable<DossierTable>;
export type NewDossierRow = Insertable<DossierTable>;
export type DossierUpdate = Updateable<DossierTable>;

export function toDossier(r: DossierRow | NewDossierRow): Dossier {
  return {
    id: r.id,
    code: r.code ?? null,
    unitCode: r.unit_code,
    procedureCode: r.procedure_code,
    channel: r.channel as DossierChannel,
    caseId: r.case_id ?? null,
    status: r.status as DossierStatus,
    applicant: JSON.parse(r.applicant) as Applicant,
    citizenId: r.citizen_id ?? null,
    formData: JSON.parse(r.form_data) as Record<string, unknown>,
    delivery: JSON.parse(r.delivery) as Dossier['delivery'],
    digitised: r.digitised === 1,
    submittedAt: r.submitted_at ?? null,
    receivedAt: r.received_at ?? null,
    dueAt: r.due_at ?? null,
    dueFixed: r.due_fixed === 1,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    processId: r.process_id ?? null,
    stepNo: Number(r.step_no ?? 0),
    currentRole: r.current_role ?? '',
    assigneeId: r.assignee_id ?? null,
    examinerId: r.examiner_id ?? null,
    stepStartedAt: r.step_started_at ?? null,
    stepDueAt: r.step_due_at ?? null,
    schedule: JSON.parse(r.schedule ?? '[]') as Dossier['schedule'],
    pausedAt: r.paused_at ?? null,
    pausedStatus: (r.paused_status ?? null) as DossierStatus | null,
    pausedMs: Number(r.paused_ms ?? 0),
    supplementCount: Number(r.supplement_count ?? 0),
    finishedAt: r.finished_at ?? null,
    returnedAt: r.returned_at ?? null,
    outcome: r.outcome ?? '',
    rescheduledDueAt: r.rescheduled_due_at ?? null,
    flag: (r.flag ?? '') as Dossier['flag'],
    version: Number(r.version ?? 0),
    expiresAt: r.expires_at ?? null,
    verifiedPhone: r.verified_phone ?? null,
    demo: Number(r.demo ?? 0) === 1,
  };
}

export async function insertDossier(db: Exec, row: NewDossierRow): Promise<void> {
  await db.insertInto('dossiers').values(row).execute();
}

export async function updateDossier(db: Exec, id: string, set: DossierUpdate): Promise<void> {
  await db.updateTable('dossiers').set(set).where('id', '=', id).execute();
}

/**
 * A workflow change: applied only if nobody changed the dossier since it was read (optimistic
 * lock on `version`; on PostgreSQL the row lock makes a concurrent writer re-check the version).
 * Returns false when the dossier moved on in the meantime.
 */
export async function updateDossierIfVersion(db: Exec, id: string, version: number, set: DossierUpdate): Promise<boolean> {
  const r = await db
    .updateTable('dossiers')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function findDossierById(db: Exec, id: string): Promise<Dossier | undefined> {
  const r = await db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toDossier(r) : undefined;
}

export async function findDossierByCode(db: Exec, code: string): Promise<Dossier | undefined> {
  const r = await db.selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirst();
  return r ? toDossier(r) : undefined;
}

export async function findDossierByIdempotencyKey(db: Exec, key: string): Promise<Dossier | undefined> {
  const r = await db.selectFrom('dossiers').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
  return r ? toDossier(r) : undefined;
}

export async function listDossiersOf(db: Exec, by: { citizenId?: string; phone?: string }, limit = 100): Promise<Dossier[]> {
  let q = db.selectFrom('dossiers').selectAll().where('status', '!=', 'draft');
  if (by.citizenId && by.phone) q = q.where((eb) => eb.or([eb('citizen_id', '=', by.citizenId!), eb('applicant_phone', '=', by.phone!)]));
  else if (by.citizenId) q = q.where('citizen_id', '=', by.citizenId);
  else if (by.phone) q = q.where('applicant_phone', '=', by.phone);
  const rows = await q.orderBy('created_at', 'desc').limit(limit).execute();
  return rows.map(toDossier);
}

export async function listUnitDossiers(db: Exec, unitCode: string, statuses: DossierStatus[], limit = 200): Promise<Dossier[]> {
  const rows = await db
    .selectFrom('dossiers')
    .selectAll()
    .where('unit_code', '=', unitCode)
    .where('status', 'in', statuses)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toDossier);
}

/** Next number of the day for a unit: one statement, safe under concurrency on both engines. */
export async function nextDaySequence(db: Exec, unitCode: string, day: string): Promise<number> {
  const r = await db
    .insertInto('dossier_counters')
    .values({ unit_code: unitCode, day, n: 1 })
    .onConflict((oc) => oc.columns(['unit_code', 'day']).doUpdateSet((eb) => ({ n: eb('dossier_counters.n', '+', 1) })))
    .returning('n')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertFile(db: Exec, row: DossierFileTable): Promise<void> {
  await db.insertInto('dossier_files').values(row).execute();
}

export async function insertFiles(db: Exec, rows: DossierFileTable[]): Promise<void> {
  if (rows.length) await db.insertInto('dossier_files').values(rows).execute();
}

/**
 * A dossier submitted in one request: its row, its files and its first history row. On PostgreSQL
 * one statement (data-modifying CTEs; the foreign keys are checked at its end), one round trip
 * instead of three; SQLite runs the three inserts (no round trips there).
 */
export async function insertSubmitted(db: Exec, row: NewDossierRow, files: DossierFileTable[], history: DossierHistoryTable): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const withDossier = db.with('d', (q) => q.insertInto('dossiers').values(row));
    if (files.length) await withDossier.with('f', (q) => q.insertInto('dossier_files').values(files)).insertInto('dossier_history').values(history).execute();
    else await withDossier.insertInto('dossier_history').values(history).execute();
    return;
  }
  await insertDossier(db, row);
  await insertFiles(db, files);
  await insertHistory(db, history);
}

/**
 * A dossier submitted in one request, written whole with its code: its row, files, first history
 * row and the code from the unit's day counter. On PostgreSQL ONE statement (the counter's upsert,
 * then the dossier inserted with its code, its files and history, as data-modifying CTEs), one
 * round trip instead of two; the counter row stays locked until the commit either way (gap-free
 * codes). SQLite: `insertSubmitted` then `assignCode` (no round trips there). Returns the row as written.
 */
/** Whether a statement can carry another module's read (db/alongside.ts): PostgreSQL. */
export function carriesReads(db: Exec): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * The submitted dossier with its code, files and first history row: on PostgreSQL one statement,
 * which also selects `alsoRead` (another module's subquery, db/alongside.ts; `also` is its value)
 * and makes `alsoTake` (another module's UPDATE … RETURNING, after the counter's; `took` is what it
 * returned).
 */
export async function insertSubmittedWithCode(
  db: Exec,
  row: NewDossierRow,
  files: DossierFileTable[],
  history: DossierHistoryTable,
  unitCode: string,
  day: string,
  alsoRead?: AlongsideRead<unknown>,
  alsoTake?: AlongsideTake<unknown>,
): Promise<{ dossier: Dossier; also?: unknown; took?: unknown }> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    await insertSubmitted(db, row, files, history);
    return { dossier: await assignCode(db, row.id, unitCode, day, {}) };
  }
  // The code is the counter's (the statement writes it): not one of the row's values.
  const { code: _code, ...values } = row;
  const parts: SubmittedParts = { counter: { unit_code: unitCode, day, prefix: `${unitCode}-${day}-` }, row: values, history, also: alsoRead?.shaped?.values, took: alsoTake?.shaped?.values };
  for (let i = 0; i < files.length; i++) parts[`file${i}`] = files[i]!;
  const build = (v: SubmittedParts) => {
    const { counter } = v;
    const withDossier = db
      .with('c', (q) =>
        q
          .insertInto('dossier_counters')
          .values({ unit_code: counter.unit_code, day: counter.day, n: 1 })
          .onConflict((oc) => oc.columns(['unit_code', 'day']).doUpdateSet((eb) => ({ n: eb('dossier_counters.n', '+', 1) })))
          .returning('n'),
      )
      .with('d', (q) =>
        q
          .insertInto('dossiers')
          .values({ ...v.row, code: sql<string>`(select ${counter.prefix} || lpad(c.n::text, greatest(4, length(c.n::text)), '0') from c)` })
          .returningAll(),
      );
    const fileRows = files.map((_, i) => v[`file${i}`]!);
    const withRows = fileRows.length ? withDossier.with('f', (q) => q.insertInto('dossier_files').values(fileRows)) : withDossier;
    const withHistory = (withRows as typeof withDossier).with('h', (q) => q.insertInto('dossier_history').values(v.history));
    // Another module's take (db/alongside.ts) is read from the select list, after the counter's row.
    const withTake = alsoTake ? withHistory.with(alsoTake.name, alsoTake.take as never) : withHistory;
    const also = alsoRead ? (alsoRead.shaped ? alsoRead.shaped.of(v.also!) : alsoRead.expression) : sql<null>`null`;
    const took = alsoTake ? (alsoTake.shaped ? alsoTake.shaped.of(v.took!) : alsoTake.expression) : sql<null>`null`;
    return (withTake as typeof withHistory).selectFrom('d').selectAll().select(also.as('also')).select(took.as('took'));
  };
  // Compiled once per shape (db/compiled.ts) when the other modules' parts are written from stand-ins too.
  const readShape = alsoRead ? alsoRead.shaped && idOf(alsoRead.shaped.of) : 0;
  const takeShape = alsoTake ? alsoTake.shaped && `${alsoTake.name}/${idOf(alsoTake.take)}/${idOf(alsoTake.shaped.of)}` : 0;
  const query = readShape !== undefined && takeShape !== undefined ? submittedShapes.statement(`submitted:${readShape}:${takeShape}`, parts, build) : build(parts).compile();
  const r = (await db.executeQuery(query)).rows[0];
  if (!r) throw new NoResultError(query.query as never);
  const { also, took, ...dossier } = r as DossierRow & { also: unknown; took: unknown };
  return { dossier: toDossier(dossier), also, took };
}
/** The submission's statement, by shape (its columns with a value, its number of files, the reads it carries). */
const submittedShapes = new CompiledShapes();
type SubmittedParts = {
  counter: { unit_code: string; day: string; prefix: string };
  row: Omit<NewDossierRow, 'code'>;
  history: DossierHistoryTable;
  also?: Readonly<Record<string, unknown>>;
  took?: Readonly<Record<string, unknown>>;
} & { [file: `file${number}`]: DossierFileTable | undefined };

/**
 * The dossier's code from the unit's day counter (`<unit>-<yymmdd>-<nnnn>`), written with `set`.
 * The counter row stays locked until the commit (codes are gap-free); on PostgreSQL the counter
 * and the dossier's update are one statement, so the lock costs one round trip fewer.
 */
export async function assignCode(db: Exec, id: string, unitCode: string, day: string, set: DossierUpdate): Promise<Dossier> {
  // The row as written (RETURNING): the submission answers from it without reading it back.
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const r = await db
      .with('c', (q) =>
        q
          .insertInto('dossier_counters')
          .values({ unit_code: unitCode, day, n: 1 })
          .onConflict((oc) => oc.columns(['unit_code', 'day']).doUpdateSet((eb) => ({ n: eb('dossier_counters.n', '+', 1) })))
          .returning('n'),
      )
      .updateTable('dossiers')
      .from('c')
      .set({ ...set, code: sql<string>`${`${unitCode}-${day}-`} || lpad(c.n::text, greatest(4, length(c.n::text)), '0')` })
      .where('dossiers.id', '=', id)
      .returningAll('dossiers')
      .executeTakeFirstOrThrow();
    return toDossier(r);
  }
  const n = await nextDaySequence(db, unitCode, day);
  const code = `${unitCode}-${day}-${String(n).padStart(4, '0')}`;
  const r = await db.updateTable('dossiers').set({ ...set, code }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  return toDossier(r);
}

export async function listFiles(db: Exec, dossierId: string): Promise<DossierFile[]> {
  const rows = await db.selectFrom('dossier_files').selectAll().where('dossier_id', '=', dossierId).orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, component: r.component, sha256: r.sha256, name: r.name, mime: r.mime, size: r.size, createdAt: r.created_at }));
}

export async function isFileReferenced(db: Exec, sha256: string): Promise<boolean> {
  const r = await db.selectFrom('dossier_files').select('id').where('sha256', '=', sha256).limit(1).executeTakeFirst();
  return !!r;
}

export async function insertHistory(db: Exec, row: DossierHistoryTable): Promise<void> {
  await db.insertInto('dossier_history').values(row).execute();
}

/** A history row numbered after the dossier's last one, in the same statement (one round trip). */
export async function appendHistoryRow(db: Exec, row: Omit<DossierHistoryTable, 'seq'>): Promise<void> {
  const seq = db.selectFrom('dossier_history').select(sql<number>`coalesce(max(seq), 0) + 1`.as('n')).where('dossier_id', '=', row.dossier_id);
  await db.insertInto('dossier_history').values({ ...row, seq: seq as unknown as number }).execute();
}

export async function lastSeq(db: Exec, dossierId: string): Promise<number> {
  const r = await db.selectFrom('dossier_history').select((eb) => eb.fn.max('seq').as('m')).where('dossier_id', '=', dossierId).executeTakeFirst();
  return Number(r?.m ?? 0);
}

export async function listHistory(db: Exec, dossierId: string): Promise<HistoryEntry[]> {
  const rows = await db.selectFrom('dossier_history').selectAll().where('dossier_id', '=', dossierId).orderBy('seq').execute();
  return rows.map((r) => ({
    id: r.id,
    seq: r.seq,
    action: r.action,
    fromStatus: r.from_status as DossierStatus | null,
    toStatus: r.to_status as DossierStatus,
    actorKind: r.actor_kind as HistoryEntry['actorKind'],
    actorName: r.actor_name,
    comment: r.comment,
    data: JSON.parse(r.data) as Record<string, unknown>,
    createdAt: r.created_at,
    actorId: r.actor_id,
    idempotencyKey: r.idempotency_key,
  }));
}

export async function findHistoryByKey(db: Exec, key: string): Promise<{ dossierId: string; seq: number } | undefined> {
  const r = await db.selectFrom('dossier_history').select(['dossier_id', 'seq']).where('idempotency_key', '=', key).executeTakeFirst();
  return r ? { dossierId: r.dossier_id, seq: r.seq } : undefined;
}

/** Removes a draft that never became a dossier (a failed all-or-nothing submission). */
export async function listStaleTransientDrafts(db: Exec, before: string): Promise<string[]> {
  const rows = await db.selectFrom('dossiers').select('id').where('transient', '=', 1).where('status', '=', 'draft').where('created_at', '<=', before).execute();
  return rows.map((r) => r.id);
}

/**
 * Drafts whose time ran out: past their expiry, or (saved before drafts had one) last changed
 * before `oldest`. At most `limit`, oldest first.
 */
export async function listExpiredDrafts(db: Exec, now: string, oldest: string, limit = 500): Promise<string[]> {
  const rows = await db
    .selectFrom('dossiers')
    .select('id')
    .where('status', '=', 'draft')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb.and([eb('expires_at', 'is', null), eb('updated_at', '<=', oldest)])]))
    .orderBy('updated_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** The drafts a signed-in citizen may continue: theirs, or saved with their proven phone. Newest first. */
export async function listDraftsOf(db: Exec, citizenId: string, phone: string, now: string, limit = 50): Promise<Dossier[]> {
  const rows = await db
    .selectFrom('dossiers')
    .selectAll()
    .where('status', '=', 'draft')
    .where('transient', '=', 0)
    .where((eb) => eb.or([eb('citizen_id', '=', citizenId), eb('verified_phone', '=', phone)]))
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .orderBy('updated_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toDossier);
}

/**
 * One person's open drafts (not expired; theirs by account or by proven phone), but `exceptId`:
 * how many, and the bytes of their files.
 */
export async function draftUsageOf(db: Exec, owner: { citizenId: string | null; phone: string | null }, now: string, exceptId: string | null): Promise<{ drafts: number; bytes: number }> {
  if (!owner.citizenId && !owner.phone) return { drafts: 0, bytes: 0 };
  const open = db
    .selectFrom('dossiers')
    .select('id')
    .where('status', '=', 'draft')
    .where('transient', '=', 0)
    .where((eb) => eb.or([...(owner.citizenId ? [eb('citizen_id', '=', owner.citizenId)] : []), ...(owner.phone ? [eb('verified_phone', '=', owner.phone)] : [])]))
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .where('id', '!=', exceptId ?? '');
  const [n, b] = await Promise.all([
    db.selectFrom(open.as('o')).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst(),
    db.selectFrom('dossier_files').select((eb) => eb.fn.sum<number | string | null>('size').as('b')).where('dossier_id', 'in', open).executeTakeFirst(),
  ]);
  return { drafts: Number(n?.n ?? 0), bytes: Number(b?.b ?? 0) };
}

export async function deleteFile(db: Exec, dossierId: string, fileId: string): Promise<void> {
  await db.deleteFrom('dossier_files').where('dossier_id', '=', dossierId).where('id', '=', fileId).execute();
}

export async function deleteDraft(db: Exec, id: string): Promise<void> {
  await db.deleteFrom('dossier_files').where('dossier_id', '=', id).execute();
  await db.deleteFrom('dossier_history').where('dossier_id', '=', id).execute();
  await db.deleteFrom('dossiers').where('id', '=', id).where('status', '=', 'draft').execute();
}

// ------------------------------------------------------------------ worklist (issue 4)

/** Who must act now, as indexed by dossiers_handler_idx: the named official, else "role:<role>". */
const HANDLER = sql<string>`coalesce(assignee_id, CAST('role:' AS TEXT) || "current_role")`;
/**
 * The open statuses as a literal term: SQLite uses a partial index only when the query carries
 * its WHERE term itself, not bound parameters (https://sqlite.org/partialindex.html, 2.2).
 */
const OPEN_TERM = sql<boolean>`status IN ('new', 'received', 'in_progress', 'supplement_requested', 'payment_requested', 'processed')`;
const RUNNING = ['received', 'in_progress'];
const WAITING = ['supplement_requested', 'payment_requested'];
const CLOSED = ['returned', 'withdrawn', 'stopped', 'not_received'];
/**
 * The tabs' statuses written into the SQL, not bound: PostgreSQL can then plan the counts once per
 * connection (a generic plan) instead of again at every call — seen for the closed count, the
 * longest of the page's statements (most of a unit's dossiers), planned anew each time over bound
 * statuses.
 */
const statusTerm = (statuses: string[]) => sql<boolean>`status IN (${sql.join(statuses.map((c) => sql.lit(c)))})`;
const CLOSED_TERM = statusTerm(CLOSED);
const RUNNING_TERM = statusTerm(RUNNING);
const WAITING_TERM = statusTerm(WAITING);
const MINE_TERM = statusTerm(['new', 'received', 'in_progress', 'processed']);
const NEW_TERM = statusTerm(['new']);

export interface WorklistFilter {
  unitCodes: string[];
  tab: 'mine' | 'new' | 'due_today' | 'due_soon' | 'overdue' | 'waiting' | 'all' | 'closed';
  me: { id: string; role: string };
  now: string;
  todayEnd: string;
  soonEnd: string;
  procedureCodes?: string[];
  status?: string;
  channel?: string;
  /** Searching looks at every submitted dossier of the units, whatever the tab. */
  search?: { code?: string; phone?: string; phoneFragment?: string; name?: string };
  /**
   * Counted up to this many and one more, then no further: a count above `countUpTo` means "more
   * than countUpTo". For the tabs whose rows grow with the years kept (the closed one).
   */
  countUpTo?: number;
}

/**
 * The trigrams every name containing `fragment` must have, in pg_trgm's sense: the 3-letter pieces
 * of each run of letters and digits in it (a run lies inside one word of the name, and show_trgm
 * gives every 3-letter piece of a word). None when no run is 3 long.
 */
export function requiredTrigrams(fragment: string): string[] {
  const out = new Set<string>();
  for (const run of fragment.toLowerCase().split(/[^a-z0-9]+/)) for (let i = 0; i + 3 <= run.length; i++) out.add(run.slice(i, i + 3));
  return [...out];
}

/** Whether migration 015 made the unit-trigram index here (PostgreSQL with pg_trgm); asked once per database. */
const unitTrigramIndex = new WeakMap<object, Promise<boolean>>();
function hasUnitTrigrams(db: Exec): Promise<boolean> {
  const adapter = db.getExecutor().adapter;
  if (!(adapter instanceof PostgresAdapter)) return Promise.resolve(false);
  let known = unitTrigramIndex.get(adapter);
  if (!known) {
    known = sql<{ ok: boolean }>`SELECT to_regprocedure('motcua_unit_trigrams(text,text)') IS NOT NULL AS ok`.execute(db).then((r) => !!r.rows[0]?.ok);
    unitTrigramIndex.set(adapter, known);
    known.catch(() => unitTrigramIndex.delete(adapter));
  }
  return known;
}

/** What puts a dossier on a tab (the search aside): its status, and for some its handler or appointment. */
function tabTerm(f: WorklistFilter, tab: WorklistFilter['tab']): RawBuilder<boolean> {
  switch (tab) {
    case 'mine':
      return sql<boolean>`${HANDLER} IN (${f.me.id}, ${`role:${f.me.role}`}) AND ${MINE_TERM}`;
    case 'new':
      return NEW_TERM;
    case 'due_today':
      return sql<boolean>`${RUNNING_TERM} AND due_at >= ${f.now} AND due_at <= ${f.todayEnd}`;
    case 'due_soon':
      return sql<boolean>`${RUNNING_TERM} AND due_at >= ${f.now} AND due_at <= ${f.soonEnd}`;
    case 'overdue':
      return sql<boolean>`${RUNNING_TERM} AND due_at < ${f.now}`;
    case 'waiting':
      return WAITING_TERM;
    case 'all':
      return OPEN_TERM;
    case 'closed':
      return CLOSED_TERM;
  }
}

function worklistWhere(db: Exec, f: WorklistFilter, unitTrigrams = false) {
  let q = db.selectFrom('dossiers').where('unit_code', 'in', f.unitCodes.length ? f.unitCodes : ['']);
  if (f.search) {
    q = q.where('status', '!=', 'draft');
    // A code prefix as a range (uses the unique index on code; LIKE would not, case rules aside).
    if (f.search.code && /^\d{2,5}-\d{6}-\d{4,}$/.test(f.search.code)) q = q.where('code', '=', f.search.code);
    else if (f.search.code) {
      const prefix = f.search.code;
      q = q.where('code', 'in', db.selectFrom('dossiers as c').select('c.code').where('c.code', '>=', prefix).where('c.code', '<', `${prefix}\uffff`));
    }
    else if (f.search.phone) q = q.where('applicant_phone', '=', f.search.phone);
    else if (db.getExecutor().adapter instanceof PostgresAdapter) {
      // PostgreSQL: the unit's trigram index (migration 013) finds the matching rows directly.
      const pattern = `%${f.search.phoneFragment ?? f.search.name ?? ''}%`;
      q = q.where(f.search.phoneFragment ? sql<boolean>`applicant_phone LIKE ${pattern}` : sql<boolean>`search_name LIKE ${pattern}`);
      // A name: the unit's rows holding every trigram of the fragment, from one index (migration 015).
      const grams = !f.search.phoneFragment && unitTrigrams ? requiredTrigrams(f.search.name ?? '') : [];
      if (grams.length) {
        const units = f.unitCodes.length ? f.unitCodes : [''];
        const has = units.map((u) => sql<boolean>`motcua_unit_trigrams(unit_code, search_name) @> ${grams.map((g) => `${u}:${g}`)}::text[]`);
        q = q.where(sql<boolean>`(${sql.join(has, sql` OR `)})`);
      }
    } else {
      // SQLite: fragments matched in the narrow covering index dossiers_unit_search_idx, then the rows fetched.
      const units = f.unitCodes.length ? f.unitCodes : [''];
      const ids = db
        .selectFrom('dossiers as s')
        .select('s.id')
        .where('s.unit_code', 'in', units)
        .where(f.search.phoneFragment ? sql<boolean>`s.applicant_phone LIKE ${`%${f.search.phoneFragment}%`}` : sql<boolean>`s.search_name LIKE ${`%${f.search.name ?? ''}%`}`);
      q = q.where('id', 'in', ids);
    }
  } else q = q.where(tabTerm(f, f.tab));
  if (f.procedureCodes) q = q.where('procedure_code', 'in', f.procedureCodes.length ? f.procedureCodes : ['']);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.channel) q = q.where('channel', '=', f.channel);
  return q;
}

/** The rows of a worklist alone (bench:worklist measures them so). */
export async function worklist(db: Exec, f: WorklistFilter, limit: number, offset: number): Promise<Dossier[]> {
  const rows = await worklistQuery(db, f, !!f.search?.name && (await hasUnitTrigrams(db))).limit(limit).offset(offset).execute();
  return rows.map(toDossier);
}

/** The worklist's statement, in its order (exported for the tests that read its plan). */
export function worklistQuery(db: Exec, f: WorklistFilter, unitTrigrams: boolean) {
  const [col, dir] = orderOf(f);
  return worklistWhere(db, f, unitTrigrams).selectAll().orderBy(col, dir).orderBy('id');
}

/** The rows' order: a search and the closed tab by last change, "new" by submission, the others by appointment; then id. */
function orderOf(f: WorklistFilter): ['updated_at' | 'submitted_at' | 'due_at', 'asc' | 'desc'] {
  if (f.tab === 'closed' || f.search) return ['updated_at', 'desc'];
  return f.tab === 'new' ? ['submitted_at', 'asc'] : ['due_at', 'asc'];
}

export async function countWorklist(db: Exec, f: WorklistFilter): Promise<number> {
  const r = await countOf(db, f, !!f.search?.name && (await hasUnitTrigrams(db))).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/**
 * A filter's count; with `countUpTo`, of its first countUpTo + 1 rows only, taken in the tab's
 * own order: an index range read that stops there (for the closed tab its own index, migration
 * 046: at 5,000,000 dossiers PostgreSQL otherwise filtered the handler index, ~30% slower).
 */
function countOf(db: Exec, f: WorklistFilter, unitTrigrams: boolean) {
  const where = worklistWhere(db, f, unitTrigrams);
  if (f.countUpTo === undefined) return where.select((eb) => eb.fn.countAll<number>().as('n'));
  const [col, dir] = orderOf(f);
  const first = where.select(sql<number>`1`.as('x')).orderBy(col, dir).orderBy('id').limit(f.countUpTo + 1);
  return db.selectFrom(first.as('t')).select((eb) => eb.fn.countAll<number>().as('n'));
}

/** The tabs of open dossiers: each a part of the "all" tab's rows. */
const OPEN_TABS = ['mine', 'new', 'due_today', 'due_soon', 'overdue', 'waiting'] as const;
export type OpenTab = (typeof OPEN_TABS)[number] | 'all';

export interface WorklistPage {
  rows: Dossier[];
  /** The count of every tab of open dossiers (filters apply, the search does not). */
  counts: Record<OpenTab, number>;
  /** With a search: how many dossiers it finds. */
  total?: number;
}

/**
 * A page of the worklist — its rows, the search's total and the open tabs' counts — in ONE
 * statement (issue 16: at 5,000,000 dossiers the round trips and the planning of many small
 * statements were most of a name search's time):
 * - the open tabs counted in one pass over the units' open dossiers (the "all" tab's rows, from the
 *   open-dossier index), each tab a FILTER of that pass rather than a subquery of its own (one
 *   relation to plan instead of seven: ~0.1 ms of planning instead of ~0.6);
 * - the rows joined to that one-row count (LEFT JOIN: the counts come even when no row does). A
 *   search's total is counted over its matches by a window on their ids and dates only (the whole
 *   rows of a broad search are not held for it), then the page's rows are read by id.
 * The closed tab is not counted here: its bounded count (countWorklist with countUpTo) is the
 * longest part of the page, sent beside this statement so that the two run at once.
 * `counts` is the filter of the tabs: the page's filters without the search (its tab is ignored).
 */
export async function worklistPage(db: Exec, f: WorklistFilter, limit: number, offset: number, counts: WorklistFilter): Promise<WorklistPage> {
  const out = await worklistPageQuery(db, f, limit, offset, counts, !!f.search?.name && (await hasUnitTrigrams(db))).execute();
  const first = out[0] as Record<string, unknown> | undefined;
  const tabCounts = Object.fromEntries([...OPEN_TABS, 'all'].map((t) => [t, Number(first?.[`wl_${t}`] ?? 0)])) as Record<OpenTab, number>;
  const found = (out as unknown as Array<DossierRow & { wl_total?: number }>).filter((r) => r.id !== null);
  if (!f.search) return { rows: found.map(toDossier), counts: tabCounts };
  // A page past the search's last match has no row to carry the total: counted apart (rare).
  const total = found.length ? Number(found[0]!.wl_total) : offset > 0 ? await countWorklist(db, f) : 0;
  return { rows: found.map(toDossier), counts: tabCounts, total };
}

/** worklistPage's statement (exported for the test that reads its plan). */
export function worklistPageQuery(db: Exec, f: WorklistFilter, limit: number, offset: number, counts: WorklistFilter, tri: boolean) {
  const base = { ...counts, search: undefined, countUpTo: undefined };
  const tabs = worklistWhere(db, { ...base, tab: 'all' }).select([
    ...OPEN_TABS.map((t) => sql<number>`count(*) FILTER (WHERE ${tabTerm(base, t)})`.as(`wl_${t}`)),
    sql<number>`count(*)`.as('wl_all'),
  ]);
  const [col, dir] = orderOf(f);
  // A search's page rows are read back by where its matches lie (PostgreSQL: ctid, one heap page
  // each, a TID scan) rather than by id (the primary key's four index levels, then the heap page):
  // "thi lan" at 5,000,000 dossiers, 250 -> 50 buffers for the 50 rows. The statement's one
  // snapshot keeps each version it saw where the ctid says.
  const byPlace = db.getExecutor().adapter instanceof PostgresAdapter;
  const rows = f.search
    ? db
        .selectFrom(
          worklistWhere(db, f, tri)
            .select(['id', 'updated_at', sql<number>`count(*) OVER ()`.as('wl_total')])
            .$if(byPlace, (q) => q.select(sql<string>`ctid`.as('wl_ctid')))
            .orderBy(col, dir)
            .orderBy('id')
            .limit(limit)
            .offset(offset)
            .as('k'),
        )
        .innerJoin('dossiers', (j) => (byPlace ? j.on(sql<boolean>`dossiers.ctid = k.wl_ctid`) : j.onRef('dossiers.id', '=', 'k.id')))
        .selectAll('dossiers')
        .select('k.wl_total')
    : worklistWhere(db, f, tri).selectAll().orderBy(col, dir).orderBy('id').limit(limit).offset(offset);
  return db
    .selectFrom(tabs.as('c'))
    .leftJoin(rows.as('r'), (j) => j.onTrue())
    .selectAll()
    .orderBy(sql.ref(`r.${col}`), dir)
    .orderBy(sql.ref('r.id'));
}

export async function countOverdue(db: Exec, unitCode: string, now: string): Promise<number> {
  const r = await db
    .selectFrom('dossiers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('unit_code', '=', unitCode)
    .where('status', 'in', RUNNING)
    .where('due_at', '<', now)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** What the escalation job reads of a dossier it may flag or write an apology for. */
export type EscalationCandidate = Pick<Dossier, 'id' | 'code' | 'unitCode' | 'processId' | 'stepNo' | 'currentRole' | 'assigneeId' | 'receivedAt' | 'dueAt' | 'dueFixed' | 'stepDueAt' | 'flag'> & {
  /** An apology (draft or signed) exists for it. */
  hasApology: boolean;
};

/**
 * The running dossiers whose step or appointment falls before `horizon`, most urgent first, and
 * only those the job can still act on: not yet flagged overdue, or with a fixed appointment and no
 * apology yet. At province scale (issue 16: 8,000 such dossiers among 5 million) the others —
 * flagged overdue, apology written — were most of the list: read in full (every column, the form
 * data parsed), each asked for its apology by one more query, and, being the oldest, they filled
 * the 5,000 read per run, so that the dossiers after them were never flagged. Only the columns the
 * job uses are read, with the apology's existence.
 *
 * Left out as well, being sure to be skipped: a dossier flagged "near" whose step is not yet due
 * (`now`) — it can only become overdue, and working time left is negative only past the instant —
 * unless it may still need an apology. The apology's existence is a join to the dossiers that have
 * one, not a subquery per row: PostgreSQL costed that subquery for every running dossier, which
 * passed its JIT threshold, and compiling the statement took 100 of its 260–320 ms on the 5M
 * province (issue 16, EXPLAIN ANALYZE, load 14), the read itself 40 ms.
 */
export async function escalationCandidates(db: Exec, now: string, horizon: string, limit = 20_000): Promise<EscalationCandidate[]> {
  const rows = await db
    .selectFrom('dossiers')
    .leftJoin((eb) => eb.selectFrom('dossier_apologies').select('dossier_apologies.dossier_id').distinct().as('a'), (j) => j.onRef('a.dossier_id', '=', 'dossiers.id'))
    .select(['dossiers.id', 'code', 'unit_code', 'process_id', 'step_no', 'current_role', 'assignee_id', 'received_at', 'due_at', 'due_fixed', 'step_due_at', 'flag'])
    .select((eb) => eb('a.dossier_id', 'is not', null).as('has_apology'))
    .where('status', 'in', RUNNING)
    .where((eb) => eb.or([eb('step_due_at', '<=', horizon), eb('due_at', '<=', horizon)]))
    .where((eb) =>
      eb.or([
        eb.and([eb('flag', '<>', 'overdue'), eb.or([eb('flag', '<>', 'near'), eb('step_due_at', '<', now)])]),
        eb.and([eb('due_fixed', '=', 1), eb('a.dossier_id', 'is', null)]),
      ]),
    )
    .orderBy('step_due_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code ?? null,
    unitCode: r.unit_code,
    processId: r.process_id ?? null,
    stepNo: Number(r.step_no ?? 0),
    currentRole: r.current_role ?? '',
    assigneeId: r.assignee_id ?? null,
    receivedAt: r.received_at ?? null,
    dueAt: r.due_at ?? null,
    dueFixed: r.due_fixed === 1,
    stepDueAt: r.step_due_at ?? null,
    flag: (r.flag ?? '') as Dossier['flag'],
    // PostgreSQL answers a boolean, SQLite 0 or 1.
    hasApology: Number(r.has_apology) === 1,
  }));
}

/** The escalation flag is not a workflow change: no version bump, no history row of its own. */
export async function setFlag(db: Exec, id: string, flag: string): Promise<void> {
  await db.updateTable('dossiers').set({ flag }).where('id', '=', id).execute();
}

export async function hasApology(db: Exec, dossierId: string): Promise<boolean> {
  const r = await db.selectFrom('dossier_apologies').select('id').where('dossier_id', '=', dossierId).limit(1).executeTakeFirst();
  return !!r;
}

export async function insertApologyDraft(db: Exec, row: DB['dossier_apologies']): Promise<void> {
  await db.insertInto('dossier_apologies').values(row).execute();
}

export async function findApologyDraft(db: Exec, dossierId: string): Promise<{ reason: string; newDueAt: string; preparedAt: string } | undefined> {
  const r = await db.selectFrom('dossier_apologies').selectAll().where('dossier_id', '=', dossierId).where('status', '=', 'draft').orderBy('prepared_at', 'desc').limit(1).executeTakeFirst();
  return r ? { reason: r.reason, newDueAt: r.new_due_at, preparedAt: r.prepared_at } : undefined;
}

/** The leader signed: the draft (if the job prepared one) becomes the sent apology. */
export async function signApology(db: Exec, dossierId: string, a: { id: string; reason: string; newDueAt: string; signedBy: string; at: string }): Promise<void> {
  const r = await db
    .updateTable('dossier_apologies')
    .set({ status: 'sent', reason: a.reason, new_due_at: a.newDueAt, signed_by: a.signedBy, signed_at: a.at })
    .where('dossier_id', '=', dossierId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) {
    await db
      .insertInto('dossier_apologies')
      .values({ id: a.id, dossier_id: dossierId, status: 'sent', reason: a.reason, new_due_at: a.newDueAt, prepared_by: a.signedBy, prepared_at: a.at, signed_by: a.signedBy, signed_at: a.at })
      .execute();
  }
}

/** Dossiers received in a period (the tracking book), with the hand-over dates from the history. */
export async function listReceivedBetween(db: Exec, unitCodes: string[], from: string, to: string, limit = 10_000): Promise<Dossier[]> {
  const rows = await db
    .selectFrom('dossiers')
    .selectAll()
    .where('unit_code', 'in', unitCodes.length ? unitCodes : [''])
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .orderBy('received_at')
    .orderBy('code')
    .limit(limit)
    .execute();
  return rows.map(toDossier);
}

export async function historyOf(db: Exec, dossierIds: string[], actions: string[]): Promise<Array<{ dossierId: string; action: string; at: string; actorName: string; data: Record<string, unknown> }>> {
  const out: Array<{ dossierId: string; action: string; at: string; actorName: string; data: Record<string, unknown> }> = [];
  for (let i = 0; i < dossierIds.length; i += 500) {
    const rows = await db
      .selectFrom('dossier_history')
      .select(['dossier_id', 'action', 'created_at', 'actor_name', 'data'])
      .where('dossier_id', 'in', dossierIds.slice(i, i + 500))
      .where('action', 'in', actions)
      .orderBy('dossier_id')
      .orderBy('seq')
      .execute();
    for (const r of rows) out.push({ dossierId: r.dossier_id, action: r.action, at: r.created_at, actorName: r.actor_name, data: JSON.parse(r.data) as Record<string, unknown> });
  }
  return out;
}
