import type { Kysely } from 'kysely';

/**
 * The request that caused a row (issue 16, operations): the id Fastify gave the HTTP request (or
 * the well-formed X-Request-Id a proxy sent), kept on the audit entry and on the outbox message it
 * wrote, so that one line of the log leads to both. Null for rows written by jobs and for rows
 * written before this migration. Frozen once landed; imports no app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('request_id', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('request_id', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('request_id').execute();
  await db.schema.alterTable('audit_log').dropColumn('request_id').execute();
}
