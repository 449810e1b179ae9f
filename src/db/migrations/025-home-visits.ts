import type { Kysely } from 'kysely';

/**
 * Home visits by the unit's support team (issue 13): an elderly or disabled citizen, a relative or
 * the village head asks for a visit; the team plans it on a day, confirms by SMS, and records the
 * dossier received at home (channel `home`) or why not. Officials of the team are flagged on
 * `staff.support_team`. Frozen once landed; imports no app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('home_visits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    /** The person the visit is for. */
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    /** 'self', 'relative' or 'village_head': who asked. */
    .addColumn('requester', 'text', (c) => c.notNull())
    .addColumn('requester_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    /** Village / residential group (thôn, tổ dân phố): the day's route is ordered by it. */
    .addColumn('village', 'text', (c) => c.notNull())
    .addColumn('preferred_days', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    /** 'web' or 'phone' (taken by the counter). */
    .addColumn('source', 'text', (c) => c.notNull())
    /** 'unverified' (web, phone not proven yet), 'requested', 'planned', 'received', 'not_received', 'cancelled'. */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('visit_date', 'text')
    .addColumn('assignee_id', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('dossier_code', 'text')
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('home_visits_unit_day').on('home_visits').columns(['unit_code', 'visit_date']).execute();
  await db.schema.alterTable('staff').addColumn('support_team', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('home_visits').execute();
  await db.schema.alterTable('staff').dropColumn('support_team').execute();
}
