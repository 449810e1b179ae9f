import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Processing of dossiers by officials (issue 4): the workflow columns of a dossier, processes per
 * procedure and unit (versioned), apologies for late dossiers, the hash-chained audit log, the
 * unit catalogue's local settings and their change history, OpenID Connect sign-in. Frozen once
 * landed; imports no app code.
 */

/** Diacritics folding for the search column, as src/shared/vietnamese.ts does it (kept here: no app imports). */
function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/y/g, 'i');
}

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;

  // --- the dossier's place in its process (a projection of its history, kept in step with it)
  const columns: Array<[string, 'text' | 'integer', (string | number)?]> = [
    ['process_id', 'text'],
    ['step_no', 'integer', 0],
    ['current_role', 'text', ''],
    ['assignee_id', 'text'],
    ['examiner_id', 'text'],
    ['step_started_at', 'text'],
    ['step_due_at', 'text'],
    ['schedule', 'text', '[]'],
    ['paused_at', 'text'],
    ['paused_status', 'text'],
    ['paused_ms', 'integer', 0],
    ['supplement_count', 'integer', 0],
    ['finished_at', 'text'],
    ['returned_at', 'text'],
    ['outcome', 'text', ''],
    ['rescheduled_due_at', 'text'],
    ['flag', 'text', ''],
    ['search_name', 'text', ''],
    ['version', 'integer', 0],
  ];
  for (const [name, type, dflt] of columns) {
    await db.schema
      .alterTable('dossiers')
      .addColumn(name, type, (c) => (dflt === undefined ? c : c.notNull().defaultTo(dflt)))
      .execute();
  }
  const rows = await db.selectFrom('dossiers').select(['id', 'applicant_name']).execute();
  for (const r of rows as Array<{ id: string; applicant_name: string }>) {
    await db.updateTable('dossiers').set({ search_name: fold(r.applicant_name) }).where('id', '=', r.id).execute();
  }
  // The worklist (bench/worklist.ts): the open dossiers of a unit in due order, read straight off
  // a partial index (the query repeats its WHERE term exactly, as SQLite needs to use it)…
  await sql`CREATE INDEX dossiers_open_due_idx ON dossiers (unit_code, due_at, id) WHERE status IN ('new', 'received', 'in_progress', 'supplement_requested', 'payment_requested', 'processed')`.execute(db);
  // …and "what waits for me": the named official, else anyone of the step's role. (current_role is
  // quoted: unquoted it is PostgreSQL's CURRENT_ROLE function.)
  await sql`CREATE INDEX dossiers_handler_idx ON dossiers (unit_code, (coalesce(assignee_id, CAST('role:' AS TEXT) || "current_role")), due_at)`.execute(db);
  // Search by name (folded) or part of a phone number: the LIKE runs over this narrow covering
  // index, not over the table's rows.
  await db.schema.createIndex('dossiers_unit_search_idx').on('dossiers').columns(['unit_code', 'search_name', 'applicant_phone', 'id']).execute();
  await db.schema.createIndex('dossiers_step_due_idx').on('dossiers').columns(['step_due_at']).execute();
  await db.schema.createIndex('dossiers_unit_received_idx').on('dossiers').columns(['unit_code', 'received_at']).execute();

  // --- processes: ordered steps with a role and a share of the time, one row per version
  await db.schema
    .createTable('processes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_code', 'text', (c) => c.notNull().references('units.code'))
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('processes_version_uq', ['unit_code', 'procedure_code', 'version'])
    .execute();

  // --- apologies for late dossiers (Phiếu xin lỗi và hẹn lại ngày trả kết quả)
  await db.schema
    .createTable('dossier_apologies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('new_due_at', 'text', (c) => c.notNull())
    .addColumn('prepared_by', 'text', (c) => c.notNull())
    .addColumn('prepared_at', 'text', (c) => c.notNull())
    .addColumn('signed_by', 'text')
    .addColumn('signed_at', 'text')
    .execute();
  await db.schema.createIndex('dossier_apologies_dossier_idx').on('dossier_apologies').columns(['dossier_id', 'status']).execute();

  // --- audit log: append-only, hash-chained; the head row anchors the chain's end
  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_unit_idx').on('audit_log').columns(['unit_code', 'at']).execute();
  await db.schema.createIndex('audit_log_target_idx').on('audit_log').columns(['target_kind', 'target_id']).execute();
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('audit_head').values({ id: 1, seq: 0, hash: '0'.repeat(64) }).execute();
  // Append-only in the database too: a change needs someone who can drop the trigger first, and
  // then the hash chain tells (`motcua audit verify`).
  if (postgres) {
    await sql`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
  } else {
    await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
  }

  // --- a unit's own settings of a procedure (fees, forms, e-form) and the history of changes
  await db.schema.alterTable('unit_procedures').addColumn('local', 'text', (c) => c.notNull().defaultTo('{}')).execute();
  await db.schema
    .createTable('catalog_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('before', 'text', (c) => c.notNull())
    .addColumn('after', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('catalog_changes_unit_idx').on('catalog_changes').columns(['unit_code', 'at']).execute();

  // --- staff: OpenID Connect subject, forced password change after a reset, contact
  await db.schema.alterTable('staff').addColumn('oidc_subject', 'text').execute();
  await db.schema.alterTable('staff').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  // Where escalations reach an official (through the outbox).
  await db.schema.alterTable('staff').addColumn('phone', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('staff').addColumn('email', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.createIndex('staff_oidc_subject_uq').on('staff').column('oidc_subject').unique().execute();
  await db.schema.createIndex('staff_unit_idx').on('staff').columns(['unit_code', 'role']).execute();
  await db.schema
    .createTable('oidc_logins')
    .addColumn('state', 'text', (c) => c.primaryKey())
    .addColumn('verifier', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('next', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['oidc_logins', 'catalog_changes', 'audit_head', 'audit_log', 'dossier_apologies', 'processes']) {
    await db.schema.dropTable(t).execute();
  }
}
