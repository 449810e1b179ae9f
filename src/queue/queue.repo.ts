/** All SQL of the queue's tables (022-queue); rows <-> domain. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, QueueCounterTable, QueueServiceTable, QueueTicketTable } from '../db/schema';
import type { Counter, PriorityCategory, PriorityRule, QueueSettings, Ticket, TicketSource, TicketStatus } from './queue.types';

export type Exec = Kysely<DB> | Transaction<DB>;

export interface ServiceRow {
  code: string;
  name: string;
  letter: string;
  fieldCodes: string[];
  defaultMinutes: number;
  sort: number;
  active: boolean;
}

const toService = (r: QueueServiceTable): ServiceRow => ({
  code: r.code,
  name: r.name,
  letter: r.letter,
  fieldCodes: JSON.parse(r.field_codes) as string[],
  defaultMinutes: r.default_minutes,
  sort: r.sort,
  active: r.active === 1,
});

const toCounter = (r: QueueCounterTable): Counter => ({
  unitCode: r.unit_code,
  code: r.code,
  name: r.name,
  services: JSON.parse(r.services) as string[],
  open: r.is_open === 1,
  officialId: r.official_id,
  officialName: r.official_name,
  openedAt: r.opened_at,
});

export const toTicket = (r: QueueTicketTable): Ticket => ({
  id: r.id,
  unitCode: r.unit_code,
  day: r.day,
  service: r.service,
  number: r.number,
  priority: r.priority,
  phone: r.phone,
  source: r.source as TicketSource,
  appointmentId: r.appointment_id,
  slotAt: r.slot_at,
  status: r.status as TicketStatus,
  cancelReason: r.cancel_reason,
  counter: r.counter,
  officialId: r.official_id,
  officialName: r.official_name,
  takenAt: r.taken_at,
  orderAt: r.order_at,
  calledAt: r.called_at,
  servedAt: r.served_at,
  doneAt: r.done_at,
  expiresAt: r.expires_at,
  recalls: r.recalls,
  nearNotified: r.near_notified === 1,
  transferredFrom: r.transferred_from,
  dossierId: r.dossier_id,
  dossierCode: r.dossier_code,
});

export async function findSettings(db: Exec, unitCode: string): Promise<QueueSettings | undefined> {
  const r = await db.selectFrom('queue_settings').selectAll().where('unit_code', '=', unitCode).executeTakeFirst();
  if (!r) return undefined;
  return {
    unitCode,
    priorityRule: r.priority_rule as PriorityRule,
    priorityEvery: r.priority_every,
    categories: JSON.parse(r.categories) as PriorityCategory[],
    closingTime: r.closing_time,
  };
}

export async function saveSettings(db: Exec, s: QueueSettings, now: string): Promise<void> {
  const row = { priority_rule: s.priorityRule, priority_every: s.priorityEvery, categories: JSON.stringify(s.categories), closing_time: s.closingTime, updated_at: now };
  await db
    .insertInto('queue_settings')
    .values({ unit_code: s.unitCode, ...row })
    .onConflict((oc) => oc.column('unit_code').doUpdateSet(row))
    .execute();
}

export async function listServices(db: Exec, unitCode: string): Promise<ServiceRow[]> {
  const rows = await db.selectFrom('queue_services').selectAll().where('unit_code', '=', unitCode).orderBy('sort').orderBy('code').execute();
  return rows.map(toService);
}

export async function saveService(db: Exec, unitCode: string, s: ServiceRow): Promise<void> {
  const row = { name: s.name, letter: s.letter, field_codes: JSON.stringify(s.fieldCodes), default_minutes: s.defaultMinutes, sort: s.sort, active: s.active ? 1 : 0 };
  await db
    .insertInto('queue_services')
    .values({ unit_code: unitCode, code: s.code, ...row })
    .onConflict((oc) => oc.columns(['unit_code', 'code']).doUpdateSet(row))
    .execute();
}

export async function listCounters(db: Exec, unitCode: string): Promise<Counter[]> {
  const rows = await db.selectFrom('queue_counters').selectAll().where('unit_code', '=', unitCode).execute();
  return rows.map(toCounter).sort((a, b) => a.code.localeCompare(b.code, 'vi', { numeric: true }));
}

export async function saveCounter(db: Exec, c: Counter, now: string): Promise<void> {
  const row = {
    name: c.name,
    services: JSON.stringify(c.services),
    is_open: c.open ? 1 : 0,
    official_id: c.officialId,
    official_name: c.officialName,
    opened_at: c.openedAt,
    updated_at: now,
  };
  await db
    .insertInto('queue_counters')
    .values({ unit_code: c.unitCode, code: c.code, ...row })
    .onConflict((oc) => oc.columns(['unit_code', 'code']).doUpdateSet(row))
    .execute();
}

/** The day's next number of a service (atomic on both engines: upsert … n = n + 1 RETURNING n). */
export async function nextNumber(db: Exec, unitCode: string, service: string, day: string): Promise<number> {
  const r = await db
    .insertInto('queue_numbers')
    .values({ unit_code: unitCode, service, day, n: 1 })
    .onConflict((oc) => oc.columns(['unit_code', 'service', 'day']).doUpdateSet({ n: sql`queue_numbers.n + 1` }))
    .returning('n')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertTicket(db: Exec, row: QueueTicketTable): Promise<void> {
  await db.insertInto('queue_tickets').values(row).execute();
}

export async function findTicket(db: Exec, id: string): Promise<Ticket | undefined> {
  const r = await db.selectFrom('queue_tickets').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toTicket(r) : undefined;
}

export async function dayTickets(db: Exec, unitCode: string, day: string): Promise<Ticket[]> {
  const rows = await db.selectFrom('queue_tickets').selectAll().where('unit_code', '=', unitCode).where('day', '=', day).execute();
  return rows.map(toTicket);
}

export async function waitingTickets(db: Exec, unitCode: string, day: string, now: string): Promise<Ticket[]> {
  const rows = await db
    .selectFrom('queue_tickets')
    .selectAll()
    .where('unit_code', '=', unitCode)
    .where('day', '=', day)
    .where('status', '=', 'waiting')
    .where('expires_at', '>', now)
    .execute();
  return rows.map(toTicket);
}

/** The waiting ticket of a phone for a service (expired ones excluded). */
export async function findWaitingByPhone(db: Exec, unitCode: string, service: string, phone: string, now: string): Promise<Ticket | undefined> {
  const r = await db
    .selectFrom('queue_tickets')
    .selectAll()
    .where('unit_code', '=', unitCode)
    .where('service', '=', service)
    .where('phone', '=', phone)
    .where('status', '=', 'waiting')
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return r ? toTicket(r) : undefined;
}

/** Waiting tickets past their closing time become cancelled ('expired'). */
export async function expireDue(db: Exec, unitCode: string, now: string): Promise<number> {
  const r = await db
    .updateTable('queue_tickets')
    .set({ status: 'cancelled', cancel_reason: 'expired', updated_at: now })
    .where('unit_code', '=', unitCode)
    .where('status', '=', 'waiting')
    .where('expires_at', '<=', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Changes a ticket only if it is still in one of the expected states; false when another got there first. */
export async function updateTicketIf(db: Exec, id: string, from: TicketStatus[], set: Partial<QueueTicketTable>): Promise<boolean> {
  const r = await db.updateTable('queue_tickets').set(set).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function ticketsBetween(db: Exec, unitCode: string, from: string, to: string): Promise<Ticket[]> {
  const rows = await db
    .selectFrom('queue_tickets')
    .selectAll()
    .where('unit_code', '=', unitCode)
    .where('taken_at', '>=', from)
    .where('taken_at', '<', to)
    .orderBy('taken_at')
    .execute();
  return rows.map(toTicket);
}

/** Tickets waiting today (not expired), per unit and service, across every unit (for /metrics). */
export async function waitingCounts(db: Exec, day: string, now: string): Promise<Array<{ unitCode: string; service: string; waiting: number }>> {
  const rows = await db
    .selectFrom('queue_tickets')
    .select(['unit_code', 'service', (eb) => eb.fn.countAll<number>().as('n')])
    .where('day', '=', day)
    .where('status', '=', 'waiting')
    .where('expires_at', '>', now)
    .groupBy(['unit_code', 'service'])
    .execute();
  return rows.map((r) => ({ unitCode: r.unit_code, service: r.service, waiting: Number(r.n) }));
}
