import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { DossierTimeline, FullTimeline, TimelineEvent } from '../dossier';

type Exec = Kysely<DB> | Transaction<DB>;

/**
 * The indicators' copy of the dossiers' timelines (migration 017): what a period reads instead of
 * walking the whole history of every dossier each time. Kept by IndicatorService.sync from the
 * dossier module's history feed.
 */

/** The dossiers that may count in [from, to): received in it, or received before and not ended before it. */
export async function candidates(db: Exec, q: { unitCodes: string[]; from: string; to: string }): Promise<DossierTimeline[]> {
  if (!q.unitCodes.length) return [];
  const base = () =>
    db.selectFrom('indicator_dossier_facts').select(['dossier_id', 'code', 'unit_code', 'procedure_code', 'channel', 'events', 'first_file_at']).where('unit_code', 'in', q.unitCodes);
  const rows = await base()
    .where('received_at', '>=', q.from)
    .where('received_at', '<', q.to)
    .unionAll(base().where('ended_at', 'is', null).where('received_at', '<', q.from))
    .unionAll(base().where('ended_at', '>=', q.from).where('received_at', '<', q.from))
    .execute();
  return rows.map((r) => ({
    id: r.dossier_id,
    code: r.code,
    unitCode: r.unit_code,
    procedureCode: r.procedure_code,
    channel: r.channel as DossierTimeline['channel'],
    events: JSON.parse(r.events) as TimelineEvent[],
    firstFileAt: r.first_file_at,
  }));
}

export async function factsOf(db: Exec, ids: string[]): Promise<Map<string, { seq: number; events: string; firstFileAt: string | null }>> {
  const out = new Map<string, { seq: number; events: string; firstFileAt: string | null }>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('indicator_dossier_facts').select(['dossier_id', 'seq', 'events', 'first_file_at']).where('dossier_id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.dossier_id, { seq: Number(r.seq), events: r.events, firstFileAt: r.first_file_at });
  }
  return out;
}

export async function upsertFacts(db: Exec, list: FullTimeline[]): Promise<void> {
  for (let i = 0; i < list.length; i += 200) {
    const rows = list.slice(i, i + 200).map((t) => ({
      dossier_id: t.id,
      unit_code: t.unitCode,
      code: t.code,
      procedure_code: t.procedureCode,
      channel: t.channel,
      received_at: t.receivedAt,
      ended_at: t.endedAt,
      first_file_at: t.firstFileAt,
      events: JSON.stringify(t.events),
      seq: t.seq,
    }));
    await db
      .insertInto('indicator_dossier_facts')
      .values(rows)
      .onConflict((oc) =>
        oc.column('dossier_id').doUpdateSet((eb) => ({
          unit_code: eb.ref('excluded.unit_code'),
          code: eb.ref('excluded.code'),
          procedure_code: eb.ref('excluded.procedure_code'),
          channel: eb.ref('excluded.channel'),
          received_at: eb.ref('excluded.received_at'),
          ended_at: eb.ref('excluded.ended_at'),
          first_file_at: eb.ref('excluded.first_file_at'),
          events: eb.ref('excluded.events'),
          seq: eb.ref('excluded.seq'),
        })),
      )
      .execute();
  }
}

export async function clearFacts(db: Exec): Promise<void> {
  await db.deleteFrom('indicator_period_counts').execute();
  await db.deleteFrom('indicator_dossier_facts').execute();
  await db.deleteFrom('indicator_sync').execute();
}

export async function findCursor(db: Exec, name: string): Promise<string | undefined> {
  return (await db.selectFrom('indicator_sync').select('cursor').where('name', '=', name).executeTakeFirst())?.cursor;
}

export async function saveCursor(db: Exec, name: string, cursor: string, now: string): Promise<void> {
  await db
    .insertInto('indicator_sync')
    .values({ name, cursor, updated_at: now })
    .onConflict((oc) => oc.column('name').doUpdateSet({ cursor, updated_at: now }))
    .execute();
}

/** Kept counts of units for a period that is over: [numerator, denominator] per indicator. */
export async function periodCounts(db: Exec, unitCodes: string[], from: string, to: string): Promise<Map<string, Array<[number, number]>>> {
  if (!unitCodes.length) return new Map();
  const rows = await db.selectFrom('indicator_period_counts').select(['unit_code', 'counts']).where('unit_code', 'in', unitCodes).where('from_at', '=', from).where('to_at', '=', to).execute();
  return new Map(rows.map((r) => [r.unit_code, JSON.parse(r.counts) as Array<[number, number]>]));
}

export async function savePeriodCounts(db: Exec, rows: Array<{ unitCode: string; counts: Array<[number, number]> }>, from: string, to: string, now: string): Promise<void> {
  if (!rows.length) return;
  await db
    .insertInto('indicator_period_counts')
    .values(rows.map((r) => ({ unit_code: r.unitCode, from_at: from, to_at: to, counts: JSON.stringify(r.counts), computed_at: now })))
    .onConflict((oc) => oc.columns(['unit_code', 'from_at', 'to_at']).doNothing())
    .execute();
}
