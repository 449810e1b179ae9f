import type { Kysely } from 'kysely';

/**
 * Linked procedure groups (liên thông, issue 14; Decree 63/2024/NĐ-CP): a catalogue entry of a unit
 * that is a group of procedures with one e-form, the partner agencies outside the unit that handle
 * some members, each group submission (one per citizen's form, under its group code) and its
 * members (one dossier each, kept by the dossier module; here only the link, the agency and the
 * partner's answer). Frozen once landed; imports no app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('linked_groups')
    .addColumn('unit_code', 'text', (c) => c.notNull())
    /** "LT-KS": what GET /api/procedures/:code and POST /api/dossiers take as the procedure code. */
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    /** JSON: summary, members (procedure, agency), e-form, papers (each mapped to members' components). */
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('linked_groups_pk', ['unit_code', 'code'])
    .execute();

  await db.schema
    .createTable('linked_partners')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    /** 'inbox' (an account in motcua) or 'email' (a signed link by e-mail, no account). */
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('username', 'text', (c) => c.unique())
    .addColumn('password_hash', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('linked_submissions')
    /** The group code the citizen tracks, e.g. "LT-00004-261204-0001". */
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('group_code', 'text', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('applicant_phone', 'text', (c) => c.notNull())
    .addColumn('citizen_id', 'text')
    .addColumn('idempotency_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('linked_submissions_phone').on('linked_submissions').columns(['applicant_phone']).execute();

  await db.schema
    .createTable('linked_members')
    .addColumn('dossier_code', 'text', (c) => c.primaryKey())
    .addColumn('submission_code', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    /** 'unit' (the unit's own officials) or 'partner'. */
    .addColumn('agency', 'text', (c) => c.notNull())
    .addColumn('partner_id', 'text')
    /** When the part was handed to the partner (at the unit's reception of the group). */
    .addColumn('sent_at', 'text')
    /** The partner's answer: '' while waiting, 'approved' or 'rejected'. */
    .addColumn('result', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('result_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('result_at', 'text')
    .addColumn('result_by', 'text')
    /** When the unit was told that the partner had not answered by the member's deadline. */
    .addColumn('escalated_at', 'text')
    .execute();
  await db.schema.createIndex('linked_members_submission').on('linked_members').columns(['submission_code', 'position']).execute();
  await db.schema.createIndex('linked_members_partner').on('linked_members').columns(['partner_id', 'result']).execute();

  await db.schema
    .createTable('linked_counters')
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('linked_counters_pk', ['unit_code', 'day'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['linked_counters', 'linked_members', 'linked_submissions', 'linked_partners', 'linked_groups']) await db.schema.dropTable(t).execute();
}
