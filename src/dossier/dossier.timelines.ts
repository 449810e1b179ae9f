import { PostgresAdapter, sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { DossierChannel } from './dossier.types';
import { RESULT_COMPONENT } from './dossier.types';

type Exec = Kysely<DB> | Transaction<DB>;

/**
 * The dossier module's history, read for the modules that learn from it (indicators, DESIGN.md
 * "Direction of dependencies"): for the dossiers of some units that could matter to a period, the
 * history rows that change what an indicator sees, written before the period's end. Only what the
 * indicators need is taken out of each row's data (the appointment it carried, whether a result
 * file was attached, the amount asked), in SQL, so that a ranking of twenty communes reads a few
 * narrow rows per dossier.
 */
export interface TimelineEvent {
  action: string;
  at: string;
  /** The appointment the row carried (submit, receive, accept, supplement, confirm_payment); null = no deadline. */
  dueAt?: string | null;
  /** mark_result_ready: a signed result file was attached (an electronic result). */
  resultFile?: boolean;
  /** request_payment: the amount asked (VND). */
  amount?: number;
}

export interface DossierTimeline {
  id: string;
  code: string;
  unitCode: string;
  procedureCode: string;
  channel: DossierChannel;
  /** History rows before `to`, in order. */
  events: TimelineEvent[];
  /** When the first paper (not the result) was attached as a file: the dossier's digitised components. */
  firstFileAt: string | null;
}

/** The actions an indicator reads. Hand-overs between officials (forward, assign, …) change none. */
export const TIMELINE_ACTIONS = [
  'submit',
  'receive',
  'accept',
  'refuse',
  'request_supplement',
  'supplement',
  'request_payment',
  'confirm_payment',
  'mark_result_ready',
  'reject',
  'withdraw',
  'stop',
] as const;

const CARRIES_DUE = new Set(['submit', 'receive', 'accept', 'supplement', 'confirm_payment']);

/**
 * Dossiers of `unitCodes` received before `to` and not finished before `from` (the projection's
 * received_at and finished_at are set once, from the same actions, so they only narrow the search;
 * what counts is decided from the history rows), with their history rows written before `to`.
 * Read in three parts: received in [from, to); received before `from` and still open; received
 * before `from` and finished from `from` on. (The indicators read their own copy, kept by
 * `timelinesOf` and `changedDossiers`; this is the from-scratch computation it is tested against.)
 */
export async function dossierTimelines(db: Exec, q: { unitCodes: string[]; from: string; to: string }): Promise<DossierTimeline[]> {
  if (!q.unitCodes.length) return [];
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const due = pg ? sql<string | null>`(h.data::json ->> 'dueAt')` : sql<string | null>`json_extract(h.data, '$.dueAt')`;
  const fileId = pg ? sql<string | null>`(h.data::json -> 'file' ->> 'id')` : sql<string | null>`json_extract(h.data, '$.file.id')`;
  const amount = pg ? sql<string | null>`(h.data::json ->> 'amount')` : sql<string | null>`json_extract(h.data, '$.amount')`;
  const extra = sql<string | null>`CASE h.action WHEN 'mark_result_ready' THEN ${fileId} WHEN 'request_payment' THEN ${amount} ELSE ${due} END`;
  type Branch = 'received' | 'open' | 'finished';
  const narrow = <Q extends { where: (...a: any[]) => Q }>(qb: Q, b: Branch): Q => {
    if (b === 'received') return qb.where('d.received_at', '>=', q.from).where('d.received_at', '<', q.to);
    if (b === 'open') return qb.where('d.finished_at', 'is', null).where('d.received_at', '<', q.from);
    return qb.where('d.finished_at', '>=', q.from).where('d.received_at', '<', q.from);
  };
  const history = (b: Branch) =>
    narrow(
      db
        .selectFrom('dossiers as d')
        .innerJoin('dossier_history as h', 'h.dossier_id', 'd.id')
        .select(['d.id', 'd.code', 'd.unit_code', 'd.procedure_code', 'd.channel', 'h.seq', 'h.action', 'h.created_at'])
        .select(extra.as('x'))
        .where('d.unit_code', 'in', q.unitCodes)
        .where('h.created_at', '<', q.to)
        .where('h.action', 'in', TIMELINE_ACTIONS as unknown as string[]),
      b,
    );
  const files = (b: Branch) =>
    narrow(
      db
        .selectFrom('dossiers as d')
        .innerJoin('dossier_files as f', 'f.dossier_id', 'd.id')
        .select(['d.id'])
        .select((eb) => eb.fn.min('f.created_at').as('first'))
        .where('d.unit_code', 'in', q.unitCodes)
        .where('f.component', '<>', RESULT_COMPONENT)
        .where('f.created_at', '<', q.to)
        .groupBy('d.id'),
      b,
    );
  const rows = await history('received').unionAll(history('open')).unionAll(history('finished')).execute();
  const firstFile = new Map<string, string>();
  for (const f of await files('received').unionAll(files('open')).unionAll(files('finished')).execute()) firstFile.set(f.id, f.first as string);
  const byId = new Map<string, DossierTimeline & { seqs: number[] }>();
  for (const r of rows) {
    let cur = byId.get(r.id);
    if (!cur) {
      cur = { id: r.id, code: r.code ?? '', unitCode: r.unit_code, procedureCode: r.procedure_code, channel: r.channel as DossierChannel, events: [], firstFileAt: firstFile.get(r.id) ?? null, seqs: [] };
      byId.set(r.id, cur);
    }
    const e: TimelineEvent = { action: r.action, at: r.created_at };
    if (CARRIES_DUE.has(r.action)) e.dueAt = r.x ?? null;
    else if (r.action === 'mark_result_ready') e.resultFile = r.x != null;
    else if (r.action === 'request_payment') e.amount = Number(r.x ?? 0);
    cur.events.push(e);
    cur.seqs.push(Number(r.seq));
  }
  const out: DossierTimeline[] = [];
  for (const t of byId.values()) {
    // Rows come in no particular order from the union: put each dossier's in history order.
    if (t.seqs.some((s, i) => i > 0 && s < t.seqs[i - 1]!)) {
      const order = t.seqs.map((s, i) => [s, i] as const).sort((a, b) => a[0] - b[0]);
      t.events = order.map(([, i]) => t.events[i]!);
    }
    out.push({ id: t.id, code: t.code, unitCode: t.unitCode, procedureCode: t.procedureCode, channel: t.channel, events: t.events, firstFileAt: t.firstFileAt });
  }
  return out;
}

/** A dossier's whole timeline (every row, no period), for a reader that keeps its own copy. */
export interface FullTimeline extends DossierTimeline {
  /** The first `receive` / `accept`: null while never received. */
  receivedAt: string | null;
  /** The first `mark_result_ready`, `reject`, `stop` or `withdraw`: null while open. */
  endedAt: string | null;
  /** The last history row's number: the copy is current when it holds this one. */
  seq: number;
}

const ENDS = new Set(['mark_result_ready', 'reject', 'stop', 'withdraw']);

/** Whole timelines of the given dossiers (submitted ones; drafts have no history to count). */
export async function timelinesOf(db: Exec, dossierIds: string[]): Promise<FullTimeline[]> {
  const out: FullTimeline[] = [];
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const due = pg ? sql<string | null>`(h.data::json ->> 'dueAt')` : sql<string | null>`json_extract(h.data, '$.dueAt')`;
  const fileId = pg ? sql<string | null>`(h.data::json -> 'file' ->> 'id')` : sql<string | null>`json_extract(h.data, '$.file.id')`;
  const amount = pg ? sql<string | null>`(h.data::json ->> 'amount')` : sql<string | null>`json_extract(h.data, '$.amount')`;
  const extra = sql<string | null>`CASE h.action WHEN 'mark_result_ready' THEN ${fileId} WHEN 'request_payment' THEN ${amount} ELSE ${due} END`;
  for (let i = 0; i < dossierIds.length; i += 500) {
    const ids = dossierIds.slice(i, i + 500);
    const rows = await db
      .selectFrom('dossiers as d')
      .innerJoin('dossier_history as h', 'h.dossier_id', 'd.id')
      .select(['d.id', 'd.code', 'd.unit_code', 'd.procedure_code', 'd.channel', 'h.seq', 'h.action', 'h.created_at'])
      .select(extra.as('x'))
      .where('d.id', 'in', ids)
      .where('d.code', 'is not', null)
      .orderBy('d.id')
      .orderBy('h.seq')
      .execute();
    const files = await db
      .selectFrom('dossier_files')
      .select(['dossier_id'])
      .select((eb) => eb.fn.min('created_at').as('first'))
      .where('dossier_id', 'in', ids)
      .where('component', '<>', RESULT_COMPONENT)
      .groupBy('dossier_id')
      .execute();
    const firstFile = new Map(files.map((f) => [f.dossier_id, f.first as string]));
    let cur: FullTimeline | undefined;
    for (const r of rows) {
      if (cur?.id !== r.id) {
        cur = { id: r.id, code: r.code ?? '', unitCode: r.unit_code, procedureCode: r.procedure_code, channel: r.channel as DossierChannel, events: [], firstFileAt: firstFile.get(r.id) ?? null, receivedAt: null, endedAt: null, seq: 0 };
        out.push(cur);
      }
      cur.seq = Number(r.seq);
      if (!(TIMELINE_ACTIONS as readonly string[]).includes(r.action)) continue;
      const e: TimelineEvent = { action: r.action, at: r.created_at };
      if (CARRIES_DUE.has(r.action)) e.dueAt = r.x ?? null;
      else if (r.action === 'mark_result_ready') e.resultFile = r.x != null;
      else if (r.action === 'request_payment') e.amount = Number(r.x ?? 0);
      cur.events.push(e);
      if ((r.action === 'receive' || r.action === 'accept') && !cur.receivedAt) cur.receivedAt = r.created_at;
      if (ENDS.has(r.action) && !cur.endedAt) cur.endedAt = r.created_at;
    }
  }
  return out;
}

/**
 * The dossiers whose history or files changed after `after` (an id of those tables: ids are UUIDv7,
 * ordered by the time they were made), up to `limit` rows, and the last id read. A reader keeping
 * its own copy reads from a little before its last id, so that a transaction committed late is not
 * missed.
 */
export async function changedDossiers(db: Exec, after: string, limit = 5000): Promise<{ dossierIds: string[]; last: string; more: boolean }> {
  const h = await db.selectFrom('dossier_history').select(['id', 'dossier_id', 'seq']).where('id', '>', after).orderBy('id').limit(limit).execute();
  const f = await db.selectFrom('dossier_files').select(['id', 'dossier_id']).where('id', '>', after).orderBy('id').limit(limit).execute();
  // A full page stops the reading at its last id (the rest comes next time); else all was read.
  const full = [h.length === limit ? h.at(-1)!.id : null, f.length === limit ? f.at(-1)!.id : null].filter((x): x is string => x !== null);
  const last = full.length ? full.sort()[0]! : [h.at(-1)?.id ?? after, f.at(-1)?.id ?? after].sort().at(-1)!;
  const upTo = (rows: Array<{ id: string; dossier_id: string }>) => rows.filter((r) => r.id <= last).map((r) => r.dossier_id);
  return { dossierIds: [...new Set([...upTo(h), ...upTo(f)])], last, more: full.length > 0 };
}

/** Every submitted dossier's id after `after`, in id order (a full rebuild pages through them). */
export async function dossierIdsAfter(db: Exec, after: string, limit: number): Promise<string[]> {
  return (await db.selectFrom('dossiers').select('id').where('id', '>', after).where('code', 'is not', null).orderBy('id').limit(limit).execute()).map((r) => r.id);
}

/** The newest id of the history and file rows ('' when there are none): where a full rebuild starts following. */
export async function lastChangeId(db: Exec): Promise<string> {
  const h = await db.selectFrom('dossier_history').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const f = await db.selectFrom('dossier_files').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return [h?.id ?? '', f?.id ?? ''].sort().at(-1)!;
}
