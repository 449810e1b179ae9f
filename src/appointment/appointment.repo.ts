/** All SQL of the appointment module's tables (migration 023). */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { AppointmentTable, AppointmentSessionTable, DB } from '../db/schema';
import type { Appointment, AppointmentSource, AppointmentStatus, Session } from './appointment.types';

export type Exec = Kysely<DB> | Transaction<DB>;

export function toSession(r: Selectable<AppointmentSessionTable>): Session {
  return {
    id: r.id,
    unitCode: r.unit_code,
    service: r.service,
    weekdays: JSON.parse(r.weekdays) as number[],
    onDate: r.on_date,
    start: r.start_time,
    end: r.end_time,
    slotMinutes: r.slot_minutes,
    counters: r.counters,
    perCounter: r.per_counter,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    active: r.active === 1,
  };
}

export function toAppointment(r: Selectable<AppointmentTable>): Appointment {
  return {
    id: r.id,
    code: r.code,
    unitCode: r.unit_code,
    service: r.service,
    sessionId: r.session_id,
    procedureCode: r.procedure_code,
    dossierCode: r.dossier_code,
    slotAt: r.slot_at,
    slotMinutes: r.slot_minutes,
    fullName: r.full_name,
    phone: r.phone,
    zaloUserId: r.zalo_user_id,
    source: r.source as AppointmentSource,
    status: r.status as AppointmentStatus,
    moves: r.moves,
    ticketId: r.ticket_id,
    ticketNumber: r.ticket_number,
    arrivedAt: r.arrived_at,
    cancelledAt: r.cancelled_at,
    remindedSlot: r.reminded_slot,
    createdAt: r.created_at,
  };
}

export async function listSessions(db: Exec, unitCode: string): Promise<Session[]> {
  const rows = await db.selectFrom('appointment_sessions').selectAll().where('unit_code', '=', unitCode).orderBy('created_at').orderBy('id').execute();
  return rows.map(toSession);
}

export async function findSession(db: Exec, id: string): Promise<Session | undefined> {
  const r = await db.selectFrom('appointment_sessions').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toSession(r) : undefined;
}

export async function insertSession(db: Exec, s: Session, now: string): Promise<void> {
  await db
    .insertInto('appointment_sessions')
    .values({
      id: s.id,
      unit_code: s.unitCode,
      service: s.service,
      weekdays: JSON.stringify(s.weekdays),
      on_date: s.onDate,
      start_time: s.start,
      end_time: s.end,
      slot_minutes: s.slotMinutes,
      counters: s.counters,
      per_counter: s.perCounter,
      valid_from: s.validFrom,
      valid_to: s.validTo,
      active: s.active ? 1 : 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function setSessionActive(db: Exec, id: string, active: boolean, now: string): Promise<void> {
  await db.updateTable('appointment_sessions').set({ active: active ? 1 : 0, updated_at: now }).where('id', '=', id).execute();
}

/** Places taken per `${service}|${slot_at}` between two instants. */
export async function bookedBetween(db: Exec, unitCode: string, from: string, to: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('appointment_slots').select(['service', 'slot_at', 'booked']).where('unit_code', '=', unitCode).where('slot_at', '>=', from).where('slot_at', '<', to).execute();
  return new Map(rows.map((r) => [`${r.service}|${r.slot_at}`, Number(r.booked)]));
}

/**
 * Takes one place of a slot if fewer than `capacity` are taken: one atomic UPDATE, so of two
 * transactions racing for the last place exactly one sees its row updated (both engines).
 */
export async function takePlace(db: Exec, unitCode: string, service: string, slotAt: string, capacity: number): Promise<boolean> {
  await db
    .insertInto('appointment_slots')
    .values({ unit_code: unitCode, service, slot_at: slotAt, booked: 0 })
    .onConflict((oc) => oc.columns(['unit_code', 'service', 'slot_at']).doNothing())
    .execute();
  const r = await db
    .updateTable('appointment_slots')
    .set({ booked: sql<number>`booked + 1` })
    .where('unit_code', '=', unitCode)
    .where('service', '=', service)
    .where('slot_at', '=', slotAt)
    .where('booked', '<', capacity)
    .returning('booked')
    .executeTakeFirst();
  return !!r;
}

export async function releasePlace(db: Exec, unitCode: string, service: string, slotAt: string): Promise<void> {
  await db
    .updateTable('appointment_slots')
    .set({ booked: sql<number>`booked - 1` })
    .where('unit_code', '=', unitCode)
    .where('service', '=', service)
    .where('slot_at', '=', slotAt)
    .where('booked', '>', 0)
    .execute();
}

export async function insertAppointment(db: Exec, row: AppointmentTable): Promise<void> {
  await db.insertInto('appointments').values(row).execute();
}

export async function findByCode(db: Exec, code: string): Promise<Appointment | undefined> {
  const r = await db.selectFrom('appointments').selectAll().where('code', '=', code).executeTakeFirst();
  return r ? toAppointment(r) : undefined;
}

export async function findById(db: Exec, id: string): Promise<Appointment | undefined> {
  const r = await db.selectFrom('appointments').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toAppointment(r) : undefined;
}

/** Active bookings of a phone for a service of a unit on a Vietnam day (between two instants). */
export async function countActiveForPhone(db: Exec, unitCode: string, service: string, phone: string, from: string, to: string): Promise<number> {
  const r = await db
    .selectFrom('appointments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('unit_code', '=', unitCode)
    .where('service', '=', service)
    .where('phone', '=', phone)
    .where('status', '=', 'booked')
    .where('slot_at', '>=', from)
    .where('slot_at', '<', to)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Moves a booked appointment, if it is still on `fromSlot` (a concurrent move loses). */
export async function moveAppointment(db: Exec, id: string, fromSlot: string, to: { slotAt: string; sessionId: string; slotMinutes: number }, now: string): Promise<boolean> {
  const r = await db
    .updateTable('appointments')
    .set({ slot_at: to.slotAt, session_id: to.sessionId, slot_minutes: to.slotMinutes, moves: sql<number>`moves + 1`, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'booked')
    .where('slot_at', '=', fromSlot)
    .returning('id')
    .executeTakeFirst();
  return !!r;
}

export async function cancelAppointment(db: Exec, id: string, now: string): Promise<boolean> {
  const r = await db.updateTable('appointments').set({ status: 'cancelled', cancelled_at: now, updated_at: now }).where('id', '=', id).where('status', '=', 'booked').returning('id').executeTakeFirst();
  return !!r;
}

export async function markArrived(db: Exec, id: string, ticket: { id: string; number: string }, now: string): Promise<boolean> {
  const r = await db
    .updateTable('appointments')
    .set({ status: 'arrived', arrived_at: now, ticket_id: ticket.id, ticket_number: ticket.number, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'booked')
    .returning('id')
    .executeTakeFirst();
  return !!r;
}

/** Booked appointments whose slot lies in [from, to) and that were not yet reminded for that slot. */
export async function dueForReminder(db: Exec, from: string, to: string): Promise<Appointment[]> {
  const rows = await db
    .selectFrom('appointments')
    .selectAll()
    .where('status', '=', 'booked')
    .where('slot_at', '>=', from)
    .where('slot_at', '<', to)
    .where((eb) => eb.or([eb('reminded_slot', 'is', null), eb('reminded_slot', '!=', eb.ref('slot_at'))]))
    .orderBy('slot_at')
    .limit(500)
    .execute();
  return rows.map(toAppointment);
}

export async function setReminded(db: Exec, id: string, slotAt: string): Promise<void> {
  await db.updateTable('appointments').set({ reminded_slot: slotAt }).where('id', '=', id).execute();
}

/** A unit's appointments in [from, to), earliest first. */
export async function listForUnit(db: Exec, unitCode: string, from: string, to: string): Promise<Appointment[]> {
  const rows = await db.selectFrom('appointments').selectAll().where('unit_code', '=', unitCode).where('slot_at', '>=', from).where('slot_at', '<', to).orderBy('slot_at').orderBy('created_at').execute();
  return rows.map(toAppointment);
}

export async function countForUnit(db: Exec, unitCode: string): Promise<number> {
  const r = await db.selectFrom('appointments').select((eb) => eb.fn.countAll<number>().as('n')).where('unit_code', '=', unitCode).executeTakeFirst();
  return Number(r?.n ?? 0);
}
