import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { OPEN_STATUSES } from './dossier.rules';

type Exec = Kysely<DB> | Transaction<DB>;

/**
 * What officials did, read from the append-only history (for modules that learn from it:
 * performance of officials, the weekly review). Other modules read this, never the tables.
 */
export interface StaffActivity {
  dossierId: string;
  code: string;
  unitCode: string;
  procedureCode: string;
  seq: number;
  action: string;
  actorId: string;
  actorName: string;
  createdAt: string;
  /** The history row's data: `step` ({no, name, kind, startedAt, plannedEnd, …}) when it closed a step. */
  data: Record<string, unknown>;
}

/** Every action officials took on the units' dossiers in [from, to) (UTC ISO instants), oldest first. */
export async function staffActivity(db: Exec, q: { unitCodes: string[]; from: string; to: string; actorIds?: string[] }): Promise<StaffActivity[]> {
  if (!q.unitCodes.length || (q.actorIds && !q.actorIds.length)) return [];
  let s = db
    .selectFrom('dossier_history as h')
    .innerJoin('dossiers as d', 'd.id', 'h.dossier_id')
    .select(['h.dossier_id', 'd.code', 'd.unit_code', 'd.procedure_code', 'h.seq', 'h.action', 'h.actor_id', 'h.actor_name', 'h.created_at', 'h.data'])
    .where('d.unit_code', 'in', q.unitCodes)
    .where('h.actor_kind', '=', 'staff')
    .where('h.created_at', '>=', q.from)
    .where('h.created_at', '<', q.to);
  if (q.actorIds) s = s.where('h.actor_id', 'in', q.actorIds);
  const rows = await s.orderBy('h.created_at').orderBy('h.seq').execute();
  return rows.map((r) => ({
    dossierId: r.dossier_id,
    code: r.code ?? '',
    unitCode: r.unit_code,
    procedureCode: r.procedure_code,
    seq: Number(r.seq),
    action: r.action,
    actorId: r.actor_id ?? '',
    actorName: r.actor_name,
    createdAt: r.created_at,
    data: parseData(r.data),
  }));
}

/** A dossier still being processed, as the weekly review and targets need it. */
export interface OpenDossier {
  id: string;
  code: string;
  unitCode: string;
  procedureCode: string;
  applicantName: string;
  status: string;
  assigneeId: string | null;
  examinerId: string | null;
  currentRole: string;
  stepDueAt: string | null;
  dueAt: string | null;
  flag: string;
}

const OPEN = ['received', 'in_progress', 'processed'] as const;

/** The units' dossiers whose clock runs (received, in progress, result waiting), by due date. */
export async function openDossiers(db: Exec, unitCodes: string[]): Promise<OpenDossier[]> {
  if (!unitCodes.length) return [];
  const rows = await db
    .selectFrom('dossiers')
    .select(['id', 'code', 'unit_code', 'procedure_code', 'applicant_name', 'status', 'assignee_id', 'examiner_id', 'current_role', 'step_due_at', 'due_at', 'flag'])
    .where('unit_code', 'in', unitCodes)
    .where('status', 'in', [...OPEN])
    .orderBy('due_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code ?? '',
    unitCode: r.unit_code,
    procedureCode: r.procedure_code,
    applicantName: r.applicant_name,
    status: r.status,
    assigneeId: r.assignee_id ?? null,
    examinerId: r.examiner_id ?? null,
    currentRole: r.current_role ?? '',
    stepDueAt: r.step_due_at ?? null,
    dueAt: r.due_at ?? null,
    flag: r.flag ?? '',
  }));
}

function parseData(s: string): Record<string, unknown> {
  try {
    const v = JSON.parse(s) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The codes of dossiers by id (for lists built from other modules' facts). */
export async function dossierCodes(db: Exec, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('dossiers').select(['id', 'code']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.code ?? '']));
}

/** A dossier received in a period, as reports count it (home visits, Saturday desks). */
export interface ReceivedDossier {
  code: string;
  procedureCode: string;
  channel: string;
  applicantName: string;
  status: string;
  receivedAt: string;
}

/** The units' dossiers received in [from, to) (instants), oldest first. */
export async function receivedDossiers(db: Exec, q: { unitCodes: string[]; from: string; to: string }): Promise<ReceivedDossier[]> {
  if (!q.unitCodes.length) return [];
  const rows = await db
    .selectFrom('dossiers')
    .select(['code', 'procedure_code', 'channel', 'applicant_name', 'status', 'received_at'])
    .where('unit_code', 'in', q.unitCodes)
    .where('received_at', '>=', q.from)
    .where('received_at', '<', q.to)
    .orderBy('received_at')
    .orderBy('code')
    .execute();
  return rows.map((r) => ({ code: r.code ?? '', procedureCode: r.procedure_code, channel: r.channel, applicantName: r.applicant_name, status: r.status, receivedAt: r.received_at! }));
}

/**
 * Dossiers not yet finished, by status, across every unit (for /metrics). One grouped count over
 * the status index; one-request submissions still being written (transient drafts) are left out.
 */
export async function openDossierCounts(db: Exec): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('dossiers')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', 'in', OPEN_STATUSES)
    .where('transient', '=', 0)
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
