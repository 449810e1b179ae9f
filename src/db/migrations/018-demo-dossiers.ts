import type { Kysely } from 'kysely';

// Dossiers written by the demo history (`npm start`, DEMO=on) carry demo = 1: staff pages show
// "Dữ liệu mẫu" on them and they can be told apart from real dossiers forever. Nothing but the
// demo history sets it, and the dossier service refuses it when demo mode is off.
// Frozen once landed; imports no app code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('dossiers').addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('dossiers').dropColumn('demo').execute();
}
