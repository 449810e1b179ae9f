import { sql, type CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { AlongsideReadOf } from '../db/alongside';
import type { DB } from '../db/schema';
import { toDossier, type DossierRow } from './dossier.repo';
import type { Dossier, DossierFile, DossierStatus, HistoryEntry } from './dossier.types';

/**
 * The tracking lookup's read model on PostgreSQL (split from dossier.repo.ts): a dossier by code
 * with its files, its history and other modules' reads, in one statement.
 */
type Exec = Kysely<DB> | Transaction<DB>;

/**
 * PostgreSQL only (`carriesReads`): a dossier by code with its files and history, in one statement —
 * a tracking lookup of a dossier not in memory waits for one round trip and decodes one result
 * instead of three. The row comes as one JSON object, each list as a JSON array of arrays (no column
 * name repeated per row) in the order of `listFiles` and `listHistory`, and they become the same
 * objects as `findDossierByCode`, `listFiles` and `listHistory` return.
 */
export async function findDossierWithPartsByCode(
  db: Exec,
  code: string,
  along: ReadonlyArray<LookupRead> = [],
): Promise<{ dossier: Dossier; files: DossierFile[]; history: HistoryEntry[]; along: Array<{ value: unknown } | undefined> } | undefined> {
  // Built and compiled once per database and set of reads, then run with this code: Kysely made
  // the statement's tree and its text again for every lookup (issue 16: garbage per first lookup).
  let byAlong = compiledLookups.get(db);
  if (!byAlong) compiledLookups.set(db, (byAlong = new WeakMap()));
  let c = byAlong.get(along);
  if (!c) byAlong.set(along, (c = compileLookup(db, along)));
  const parameters = c.query.parameters.slice();
  parameters[c.codeAt] = code;
  const r = (await db.executeQuery<LookupRow>({ ...c.query, parameters })).rows[0];
  if (!r) return undefined;
  const { row, parts_files, parts_history } = r;
  const values = r as unknown as Record<string, unknown>;
  return {
    along: along.map((a, i) => (!a.statuses || a.statuses.includes(row.status) ? { value: c.reads[i]!.decode(values[`along_${i}`]) } : undefined)),
    dossier: toDossier(row),
    files: parts_files.map(([id, component, sha256, name, mime, size, createdAt]) => ({ id, component, sha256, name, mime, size, createdAt })),
    history: parts_history.map(([id, seq, action, fromStatus, toStatus, actorKind, actorName, comment, data, createdAt, actorId, idempotencyKey]) => ({
      id,
      seq,
      action,
      fromStatus: fromStatus as DossierStatus | null,
      toStatus: toStatus as DossierStatus,
      actorKind: actorKind as HistoryEntry['actorKind'],
      actorName,
      comment,
      data: JSON.parse(data) as Record<string, unknown>,
      createdAt,
      actorId,
      idempotencyKey,
    })),
  };
}
type FileTuple = [string, string, string, string, string, number, string];
interface LookupRow {
  row: DossierRow;
  parts_files: FileTuple[];
  parts_history: HistoryTuple[];
}
/** A lookup's statement compiled, where its code goes among the parameters, and the reads it carries. */
interface CompiledLookup {
  query: CompiledQuery<LookupRow>;
  codeAt: number;
  reads: Array<ReturnType<AlongsideReadOf<unknown>>>;
}
const compiledLookups = new WeakMap<Exec, WeakMap<ReadonlyArray<LookupRead>, CompiledLookup>>();
/** Stands for the code while compiling: its place among the parameters is where each lookup's code goes. */
const CODE_SLOT = Symbol('code');

function compileLookup(db: Exec, along: ReadonlyArray<LookupRead>): CompiledLookup {
  const id = sql.ref<string>('d.id');
  const reads = along.map((a) => a.read(id));
  const query = db
    .selectFrom('dossiers as d')
    // The row as one JSON value: one column to describe and decode rather than 45.
    .select(sql<DossierRow>`row_to_json(d)`.as('row'))
    .select(sql<FileTuple[]>`(select coalesce(json_agg(json_build_array(f.id, f.component, f.sha256, f.name, f.mime, f.size, f.created_at) order by f.created_at, f.id), '[]') from dossier_files f where f.dossier_id = d.id)`.as('parts_files'))
    .select(
      sql<HistoryTuple[]>`(select coalesce(json_agg(json_build_array(h.id, h.seq, h.action, h.from_status, h.to_status, h.actor_kind, h.actor_name, h.comment, h.data, h.created_at, h.actor_id, h.idempotency_key) order by h.seq), '[]') from dossier_history h where h.dossier_id = d.id)`.as('parts_history'),
    )
    // Other modules' reads (db/alongside.ts), each only for the statuses it is wanted in.
    .select(along.map((a, i) => (a.statuses ? sql`case when d.status in (${sql.join(a.statuses.map((st) => sql.lit(st)))}) then ${reads[i]!.expression} end` : reads[i]!.expression).as(`along_${i}`)))
    .where('d.code', '=', CODE_SLOT as unknown as string)
    .compile() as unknown as CompiledQuery<LookupRow>;
  const codeAt = query.parameters.indexOf(CODE_SLOT);
  if (codeAt < 0 || query.parameters.lastIndexOf(CODE_SLOT) !== codeAt) throw new Error('findDossierWithPartsByCode: the code is not one parameter of the statement');
  return { query, codeAt, reads };
}
/**
 * Another module's read a lookup's statement carries (db/alongside.ts), given the dossier's id
 * column; its decoded value is in `along` as `{ value }` (undefined where the dossier's status left
 * it unread).
 */
export interface LookupRead {
  read: AlongsideReadOf<unknown>;
  /** Read only for a dossier in one of these statuses (null for the others). */
  statuses?: readonly string[];
}
type HistoryTuple = [string, number, string, string | null, string, string, string, string, string, string, string | null, string | null];
