import type { Kysely } from 'kysely';

/**
 * Report consolidation (issue 12), DHIS2's aggregate model in our words: data sets (the report)
 * made of data elements, disaggregated by category option combos; values entered per unit, period
 * and (optionally) place; completions; a log of every change; and rolled-up totals per unit and
 * every unit above it, kept in the same transaction as each save. Frozen once landed; imports no
 * app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_data_sets')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    /** 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly' | 'event'. */
    .addColumn('period_type', 'text', (c) => c.notNull())
    /** For 'event': the event's day (YYYY-MM-DD) and its phases, JSON [{code, name, offsetDays, deadlineTime}]. */
    .addColumn('event_date', 'text')
    .addColumn('event_phases', 'text', (c) => c.notNull().defaultTo('[]'))
    /** JSON {daysAfter, time}: the deadline is `time` (Asia/Ho_Chi_Minh) `daysAfter` days after the period's last day. */
    .addColumn('deadline', 'text', (c) => c.notNull().defaultTo('{}'))
    /** JSON [{code, name, left, operator, right, message}]: validation rules over element codes. */
    .addColumn('rules', 'text', (c) => c.notNull().defaultTo('[]'))
    /** JSON section names in order. */
    .addColumn('sections', 'text', (c) => c.notNull().defaultTo('[]'))
    /** JSON {enter: roles, approve: roles}: who enters and approves at an assigned unit. */
    .addColumn('access', 'text', (c) => c.notNull().defaultTo('{}'))
    /** 1 when values are entered per place (report_places) rather than per unit. */
    .addColumn('uses_places', 'integer', (c) => c.notNull().defaultTo(0))
    /** JSON: the person-level register the aggregates are computed from ('' kind when none). */
    .addColumn('register', 'text', (c) => c.notNull().defaultTo('{}'))
    /** Where motcua pre-fills values from its own data ('' or 'indicators'). */
    .addColumn('prefill', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('approval_required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('closed', 'integer', (c) => c.notNull().defaultTo(0))
    /** The supervising unit that manages the data set and reads its summary. */
    .addColumn('owner_unit', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('report_category_combos')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('report_category_option_combos')
    .addColumn('combo', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('report_cocs_pk', ['combo', 'code'])
    .execute();

  await db.schema
    .createTable('report_data_elements')
    .addColumn('data_set', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    /** DHIS2 value types: INTEGER_ZERO_OR_POSITIVE, NUMBER, PERCENTAGE, TEXT, BOOLEAN, DATE. */
    .addColumn('value_type', 'text', (c) => c.notNull())
    .addColumn('section', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    /** '' when not disaggregated. */
    .addColumn('category_combo', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('report_data_elements_pk', ['data_set', 'code'])
    .execute();

  await db.schema
    .createTable('report_assignments')
    .addColumn('data_set', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_assignments_pk', ['data_set', 'unit_code'])
    .execute();
  await db.schema.createIndex('report_assignments_unit').on('report_assignments').column('unit_code').execute();

  await db.schema
    .createTable('report_places')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('data_set', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('report_places_code_uq', ['data_set', 'code'])
    .execute();
  await db.schema.createIndex('report_places_unit').on('report_places').columns(['data_set', 'unit_code']).execute();

  await db.schema
    .createTable('report_values')
    .addColumn('data_set', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    /** '' for the unit's own row; else report_places.id (NULL would not be unique on either engine). */
    .addColumn('place_id', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('data_element', 'text', (c) => c.notNull())
    /** Category option combo code, '' when not disaggregated. */
    .addColumn('coc', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_values_pk', ['data_set', 'period', 'unit_code', 'place_id', 'data_element', 'coc'])
    .execute();

  await db.schema
    .createTable('report_value_audit')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('data_set', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('place_id', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('data_element', 'text', (c) => c.notNull())
    .addColumn('coc', 'text', (c) => c.notNull().defaultTo(''))
    /** NULL: there was no value (created) / there is none now (deleted). */
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    /** 'form' | 'api' | 'excel' | 'register' | 'prefill'. */
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('form'))
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_value_audit_key').on('report_value_audit').columns(['data_set', 'period', 'unit_code', 'changed_at']).execute();

  await db.schema
    .createTable('report_completions')
    .addColumn('data_set', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addColumn('completed_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('reopened_at', 'text')
    .addColumn('reopened_by', 'text')
    .addColumn('reopen_reason', 'text')
    .addPrimaryKeyConstraint('report_completions_pk', ['data_set', 'period', 'unit_code'])
    .execute();

  await db.schema
    .createTable('report_rollups')
    .addColumn('data_set', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    /** The unit whose values (and places') are summed: the entering unit itself and every unit above it. */
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('data_element', 'text', (c) => c.notNull())
    .addColumn('coc', 'text', (c) => c.notNull().defaultTo(''))
    /** Sum of numeric values (yes/no: the number of "yes"); 0 for text and dates. */
    .addColumn('sum', 'double precision', (c) => c.notNull().defaultTo(0))
    /** How many values were summed. */
    .addColumn('count', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('report_rollups_pk', ['data_set', 'period', 'unit_code', 'data_element', 'coc'])
    .execute();

  await db.schema
    .createTable('report_register_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('data_set', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('place_id', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('birth_year', 'integer')
    /** Code of the home province (report_category_option_combos of combo PROVINCE). */
    .addColumn('home_province', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('arrived_on', 'text', (c) => c.notNull())
    .addColumn('left_on', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_register_unit').on('report_register_entries').columns(['data_set', 'unit_code']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'report_register_entries',
    'report_rollups',
    'report_completions',
    'report_value_audit',
    'report_values',
    'report_places',
    'report_assignments',
    'report_data_elements',
    'report_category_option_combos',
    'report_category_combos',
    'report_data_sets',
  ])
    await db.schema.dropTable(t).execute();
}
