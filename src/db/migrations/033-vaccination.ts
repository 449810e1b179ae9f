import type { Kysely } from 'kysely';

/**
 * Vaccination reminders for children from 0 to 24 months (issue 14): the unit's reading of the
 * national expanded immunisation schedule (TCMR), the health station's settings, the children a
 * parent enrolled (with the consent), the doses marked as given and the reminders sent. A child's
 * personal data (name, birth date, phone, village) is blanked when the reminders end; the doses
 * and reminders of the child are deleted then. Frozen once landed; imports no app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('vaccination_schedule')
    .addColumn('unit_code', 'text', (c) => c.notNull())
    /** Stable key of a dose, e.g. 'dpt-vgb-hib-1': doses marked as given refer to it. */
    .addColumn('dose_key', 'text', (c) => c.notNull())
    .addColumn('vaccine', 'text', (c) => c.notNull())
    .addColumn('dose', 'text', (c) => c.notNull())
    /** Age of the dose: whole months after birth, then days (see vaccination.schedule.ts). */
    .addColumn('months', 'integer', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_by', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('vaccination_schedule_pk', ['unit_code', 'dose_key'])
    .execute();
  await db.schema
    .createTable('vaccination_settings')
    .addColumn('unit_code', 'text', (c) => c.primaryKey())
    /** N: a reminder goes this many days before each dose. */
    .addColumn('reminder_days', 'integer', (c) => c.notNull())
    .addColumn('station_name', 'text', (c) => c.notNull())
    .addColumn('station_address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('station_hours', 'text', (c) => c.notNull().defaultTo(''))
    /** Who at the health station confirmed the schedule, and when; cleared by any later change of it. */
    .addColumn('checked_by', 'text')
    .addColumn('checked_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('vaccination_enrolments')
    /** 'TC' + 10 letters/digits: short enough for the link in an SMS. */
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('child_name', 'text', (c) => c.notNull())
    /** YYYY-MM-DD; '' once the personal data is deleted. */
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('village', 'text', (c) => c.notNull().defaultTo(''))
    /** 1: also by Zalo, when the phone follows the unit's OA. */
    .addColumn('zalo', 'integer', (c) => c.notNull().defaultTo(0))
    /** 'unverified' (phone not proven yet), 'active', 'stopped' (by the parent), 'ended' (24 months). */
    .addColumn('status', 'text', (c) => c.notNull())
    /** 'ok' or 'bounced' (the SMS gateway could not deliver to the number: no more SMS). */
    .addColumn('phone_status', 'text', (c) => c.notNull().defaultTo('ok'))
    /** 'web', 'api', 'birth_registration'. */
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('dossier_code', 'text')
    /** The day the child is 24 months old: reminders end then. */
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('consent_at', 'text', (c) => c.notNull())
    .addColumn('consent_version', 'text', (c) => c.notNull())
    .addColumn('end_reason', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('vaccination_enrolments_unit_idx').on('vaccination_enrolments').columns(['unit_code', 'status']).execute();
  await db.schema.createIndex('vaccination_enrolments_phone_idx').on('vaccination_enrolments').columns(['phone', 'status']).execute();
  await db.schema
    .createTable('vaccination_doses')
    .addColumn('enrolment_id', 'text', (c) => c.notNull())
    .addColumn('dose_key', 'text', (c) => c.notNull())
    .addColumn('given_on', 'text', (c) => c.notNull())
    /** 'parent' (on the signed link) or 'health_station'. */
    .addColumn('marked_by', 'text', (c) => c.notNull())
    .addColumn('marked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('vaccination_doses_pk', ['enrolment_id', 'dose_key'])
    .execute();
  await db.schema
    .createTable('vaccination_reminders')
    .addColumn('enrolment_id', 'text', (c) => c.notNull())
    /** The day the doses are due ('welcome' for the confirmation of the enrolment). */
    .addColumn('due_date', 'text', (c) => c.notNull())
    /** JSON array of the dose keys reminded. */
    .addColumn('dose_keys', 'text', (c) => c.notNull())
    /** The outbox de-duplication key of the SMS. */
    .addColumn('outbox_key', 'text', (c) => c.notNull())
    /** 'queued', 'delivered' (no failure reported within the watch period), 'failed'. */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('vaccination_reminders_pk', ['enrolment_id', 'due_date'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['vaccination_reminders', 'vaccination_doses', 'vaccination_enrolments', 'vaccination_settings', 'vaccination_schedule']) await db.schema.dropTable(t).execute();
}
