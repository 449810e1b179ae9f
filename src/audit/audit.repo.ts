import { PostgresAdapter, sql, type Kysely, type QueryCreator, type Transaction } from 'kysely';
import { writeAlongside, type AlongsideWrite } from '../db/alongside';
import { CompiledShapes, idOf } from '../db/compiled';
import { lastInTransaction } from '../db/postgres';
import type { AuditLogTable, DB } from '../db/schema';

type Exec = Kysely<DB> | Transaction<DB>;

/**
 * Takes the next place in the chain: one UPDATE on the head row, which also locks it until the
 * caller's transaction ends, so two writers on PostgreSQL never chain onto the same row (SQLite
 * serialises write transactions anyway). Returns the new seq and the hash it must chain to.
 */
export async function claimNext(db: Exec): Promise<{ seq: number; prevHash: string }> {
  const r = await db
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  return { seq: Number(r.seq), prevHash: r.hash };
}

/**
 * `claimNext` carried by another module's statement (PostgreSQL, db/alongside.ts): the same UPDATE
 * as a data-modifying WITH named `name`, and the subquery that reads what it returned.
 */
export function claimWith(q: QueryCreator<DB>) {
  return q.updateTable('audit_head').set((eb) => ({ seq: eb('seq', '+', 1) })).where('id', '=', 1).returning(['seq', 'hash']);
}

export function claimedJsonOf(name: string) {
  return sql<string | null>`(select json_build_array(${sql.ref(`${name}.seq`)}, ${sql.ref(`${name}.hash`)})::text from ${sql.table(name)})`;
}

/**
 * `alongside`: rows other modules prepared, written by the same statement on PostgreSQL
 * (db/alongside.ts). `last`: the caller's transaction runs nothing after it, so on PostgreSQL its
 * COMMIT is written with it (db/postgres.ts `lastInTransaction`).
 */
/** The entry's statement, by shape (the rows other modules prepared for it). */
const entryShapes = new CompiledShapes();
type EntryParts = { entry: AuditLogTable } & { [write: `alongside${number}`]: object | undefined };

export async function insertEntry(db: Exec, row: AuditLogTable, alongside: AlongsideWrite[] = [], last = false): Promise<void> {
  // PostgreSQL: the row and the head's new hash in one statement — one round trip fewer while the
  // head is locked (every audited change of every unit waits for it). SQLite has no INSERT in WITH.
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // Compiled once per shape (db/compiled.ts): the same entry with the same rows alongside is the same SQL.
    const parts: EntryParts = { entry: row };
    let kind = 'entry';
    for (let i = 0; i < alongside.length; i++) {
      parts[`alongside${i}`] = alongside[i]!.row as object;
      kind += `:${idOf(alongside[i]!.of)}`;
    }
    const statement = entryShapes.statement(kind, parts, (v) => {
      let q = db.with('entry', (w) => w.insertInto('audit_log').values(v.entry));
      for (let i = 0; i < alongside.length; i++) q = q.with(`alongside${i}`, () => alongside[i]!.of(db, v[`alongside${i}`])) as unknown as typeof q;
      return q.updateTable('audit_head').set({ hash: v.entry.hash }).where('id', '=', 1);
    });
    await db.executeQuery(last ? lastInTransaction({ compile: () => statement }) : statement);
    return;
  }
  await writeAlongside(db, alongside);
  await db.insertInto('audit_log').values(row).execute();
  await db.updateTable('audit_head').set({ hash: row.hash }).where('id', '=', 1).execute();
}

export async function head(db: Exec): Promise<{ seq: number; hash: string }> {
  const r = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  return { seq: Number(r.seq), hash: r.hash };
}

/** Rows in chain order, a page at a time (verification streams through the whole log). */
export async function page(db: Exec, afterSeq: number, limit: number): Promise<AuditLogTable[]> {
  const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

export async function list(
  db: Exec,
  f: { unitCodes?: string[]; targetKind?: string; targetId?: string; action?: string; limit: number; beforeSeq?: number },
): Promise<AuditLogTable[]> {
  let q = db.selectFrom('audit_log').selectAll();
  if (f.unitCodes) q = q.where('unit_code', 'in', f.unitCodes.length ? f.unitCodes : ['']);
  if (f.targetKind) q = q.where('target_kind', '=', f.targetKind);
  if (f.targetId) q = q.where('target_id', '=', f.targetId);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.beforeSeq) q = q.where('seq', '<', f.beforeSeq);
  const rows = await q.orderBy('seq', 'desc').limit(f.limit).execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

/** Whether an actor has an entry after a given place in the chain (the change guard's check). */
export async function hasEntryAfter(db: Exec, afterSeq: number, actorId: string): Promise<boolean> {
  const r = await db.selectFrom('audit_log').select('seq').where('seq', '>', afterSeq).where('actor_id', '=', actorId).limit(1).executeTakeFirst();
  return !!r;
}

export async function findMeta(db: Exec, key: string): Promise<string | undefined> {
  return (await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

export async function insertMetaIfAbsent(db: Exec, key: string, value: string): Promise<void> {
  await db.insertInto('meta').values({ key, value }).onConflict((oc) => oc.column('key').doNothing()).execute();
}

/** The head's number, with the head row locked until the transaction ends (as claimNext does). */
export async function lockHead(db: Exec): Promise<number> {
  const r = await db.updateTable('audit_head').set((eb) => ({ seq: eb.ref('seq') })).where('id', '=', 1).returning('seq').executeTakeFirstOrThrow();
  return Number(r.seq);
}
