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
 */
export async function dossierTimelines(db: Exec, q: { unitCodes: string[]; from: string; to: string }): Promise<DossierTimeline[]> {
  if (!q.unitCodes.length) return [];
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const due = pg ? sql<string | null>`(h.data::json ->> 'dueAt')` : sql<string | null>`json_extract(h.data, '$.dueAt')`;
  const fileId = pg ? sql<string | null>`(h.data::json -> 'file' ->> 'id')` : sql<string | null>`json_extract(h.data, '$.file.id')`;
  const amount = pg ? sql<string | null>`(h.data::json ->> 'amount')` : sql<string | null>`json_extract(h.data, '$.amount')`;
  const extra = sql<string | null>`CASE h.action WHEN 'mark_result_ready' THEN ${fileId} WHEN 'request_payment' THEN ${amount} ELSE ${due} END`;
  const rows = await db
    .selectFrom('dossiers as d')
    .innerJoin('dossier_history as h', 'h.dossier_id', 'd.id')
    .select(['d.id', 'd.code', 'd.unit_code', 'd.procedure_code', 'd.channel', 'h.action', 'h.created_at'])
    .select(extra.as('x'))
    .where('d.unit_code', 'in', q.unitCodes)
    .where('d.received_at', '<', q.to)
    .where((eb) => eb.or([eb('d.finished_at', 'is', null), eb('d.finished_at', '>=', q.from)]))
    .where('h.created_at', '<', q.to)
    .where('h.action', 'in', TIMELINE_ACTIONS as unknown as string[])
    .orderBy('d.id')
    .orderBy('h.seq')
    .execute();
  const files = await db
    .selectFrom('dossiers as d')
    .innerJoin('dossier_files as f', 'f.dossier_id', 'd.id')
    .select(['d.id'])
    .select((eb) => eb.fn.min('f.created_at').as('first'))
    .where('d.unit_code', 'in', q.unitCodes)
    .where('d.received_at', '<', q.to)
    .where((eb) => eb.or([eb('d.finished_at', 'is', null), eb('d.finished_at', '>=', q.from)]))
    .where('f.component', '<>', RESULT_COMPONENT)
    .where('f.created_at', '<', q.to)
    .groupBy('d.id')
    .execute();
  const firstFile = new Map(files.map((f) => [f.id, f.first as string]));
  const out: DossierTimeline[] = [];
  let cur: DossierTimeline | undefined;
  for (const r of rows) {
    if (cur?.id !== r.id) {
      cur = { id: r.id, code: r.code ?? '', unitCode: r.unit_code, procedureCode: r.procedure_code, channel: r.channel as DossierChannel, events: [], firstFileAt: firstFile.get(r.id) ?? null };
      out.push(cur);
    }
    const e: TimelineEvent = { action: r.action, at: r.created_at };
    if (CARRIES_DUE.has(r.action)) e.dueAt = r.x ?? null;
    else if (r.action === 'mark_result_ready') e.resultFile = r.x != null;
    else if (r.action === 'request_payment') e.amount = Number(r.x ?? 0);
    cur.events.push(e);
  }
  return out;
}
