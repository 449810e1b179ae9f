import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';

type Exec = Kysely<DB> | Transaction<DB>;

/** All SQL of the supervisor's side that is not the report model's own (migration 028). */

export interface ReminderRow {
  dataSet: string;
  period: string;
  kind: 'near' | 'passed';
  unitCode: string;
  messages: number;
  sentAt: string;
}

/** Records a reminder; false when it was already recorded (another run, another process). */
export async function insertReminder(db: Exec, r: ReminderRow): Promise<boolean> {
  const res = await db
    .insertInto('report_reminders')
    .values({ data_set: r.dataSet, period: r.period, kind: r.kind, unit_code: r.unitCode, messages: r.messages, sent_at: r.sentAt })
    .onConflict((oc) => oc.columns(['data_set', 'period', 'kind', 'unit_code']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function updateReminderCount(db: Exec, r: Pick<ReminderRow, 'dataSet' | 'period' | 'kind' | 'unitCode' | 'messages'>): Promise<void> {
  await db
    .updateTable('report_reminders')
    .set({ messages: r.messages })
    .where('data_set', '=', r.dataSet)
    .where('period', '=', r.period)
    .where('kind', '=', r.kind)
    .where('unit_code', '=', r.unitCode)
    .execute();
}

export async function listReminders(db: Exec, dataSet: string, period: string): Promise<ReminderRow[]> {
  const rows = await db.selectFrom('report_reminders').selectAll().where('data_set', '=', dataSet).where('period', '=', period).orderBy('sent_at').execute();
  return rows.map((r) => ({ dataSet: r.data_set, period: r.period, kind: r.kind as ReminderRow['kind'], unitCode: r.unit_code, messages: Number(r.messages), sentAt: r.sent_at }));
}
