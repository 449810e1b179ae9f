import { PostgresAdapter, sql, type Expression, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { DossierTimeline, FullTimeline, TimelineEvent } from '../dossier';
import { stateOf } from './indicator.state';

type Exec = Kysely<DB> | Transaction<DB>;

/**
 * The indicators' copy of the dossiers' timelines (migration 017): what a period reads instead of
 * walking the whole history of every dossier each time. Kept by IndicatorService.sync from the
 * dossier module's history feed.
 */

/** A row of the copy (migration 017) as the timeline `judge` reads. */
function toTimeline(r: { dossier_id: string; code: string; unit_code: string; procedure_code: string; channel: string; events: string; first_file_at: string | null }): DossierTimeline {
  return {
    id: r.dossier_id,
    code: r.code,
    unitCode: r.unit_code,
    procedureCode: r.procedure_code,
    channel: r.channel as DossierTimeline['channel'],
    events: JSON.parse(r.events) as TimelineEvent[],
    firstFileAt: r.first_file_at,
  };
}

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
  return rows.map(toTimeline);
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
  await upsertStates(db, list);
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

/** The judged state of each dossier and its clock rows (migration 021), written with its copied timeline. */
async function upsertStates(db: Exec, list: FullTimeline[]): Promise<void> {
  const judged = list.map(stateOf);
  for (let i = 0; i < judged.length; i += 500) {
    const ids = judged.slice(i, i + 500).map((j) => j.state.dossier_id);
    await db.deleteFrom('indicator_dossier_clock').where('dossier_id', 'in', ids).execute();
  }
  for (let i = 0; i < judged.length; i += 150) {
    const rows = judged.slice(i, i + 150).map((j) => j.state);
    await db
      .insertInto('indicator_dossier_states')
      .values(rows)
      .onConflict((oc) =>
        oc.column('dossier_id').doUpdateSet((eb) => {
          const set: Record<string, unknown> = {};
          for (const k of Object.keys(rows[0]!)) if (k !== 'dossier_id') set[k] = eb.ref(`excluded.${k}` as 'excluded.unit_code');
          return set as never;
        }),
      )
      .execute();
  }
  const clock = judged.flatMap((j) => j.clock);
  for (let i = 0; i < clock.length; i += 500) await db.insertInto('indicator_dossier_clock').values(clock.slice(i, i + 500)).execute();
}

/** Per unit, [numerator, denominator] of each indicator in the order of INDICATOR_KEYS, flattened (12 numbers). */
export interface StateCounts {
  unit: string;
  n: number[];
}

/**
 * The counts of a period [from, until) for each of `unitCodes`, from the dossiers' judged states
 * (migration 021), by the rules of `judge` (indicator.compute.ts) read as of `until`: the dossiers
 * received in the period (appointment published, online, owing a fee and paid online), those of
 * the period (received before `until` and not finished before `from`, not withdrawn: on time, and
 * not disliked either), those with a result in the period (digitised). Who owes a fee and who paid
 * online are queries of the payment module, the dislikes one of the rating module. Irregular
 * timelines are left out (the caller judges them from the copy). Each dossier's flags are
 * computed once (one bit each) and counted per unit and combination, then added up here.
 */
/** The bits of a dossier's flags in countStates, in order. */
const FLAGS = ['received', 'published', 'online', 'owes_fee', 'paid_online', 'of_period', 'late', 'disliked', 'result', 'digitised'] as const;

export async function countStates(
  db: Exec,
  q: { unitCodes: string[]; from: string; until: string; feeOwed: Expression<unknown>; paidOnline: Expression<unknown>; dissatisfied: Expression<unknown> },
): Promise<StateCounts[]> {
  if (!q.unitCodes.length) return [];
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const F = q.from;
  const A = q.until;
  const units = sql.join(q.unitCodes);
  const cols = sql.raw(
    's.unit_code, s.dossier_id, s.online, s.received_at, s.published, s.finished_at, s.finished_late, s.result_at, s.digitised, s.withdrawn_at, s.late_supplement_at, s.payment_asked_at, s.clock_at, s.due_at, s.paused_since',
  );
  const from = sql`FROM indicator_dossier_states s WHERE s.unit_code IN (${units}) AND s.irregular = 0`;
  // The instants are ISO strings of one form, in time order byte by byte: on PostgreSQL they are
  // compared as bytes (COLLATE "C"), not by the database's collation (strcoll: ~10% of this count's CPU at 5M).
  const t = (col: string) => (pg ? sql.raw(`${col} COLLATE "C"`) : sql.raw(col));
  const lateAt = (a: string) => sql`CASE WHEN ${sql.raw(a)}.due_at IS NULL THEN 0 WHEN COALESCE(${sql.raw(a)}.paused_since, ${A}) > ${t(`${a}.due_at`)} THEN 1 ELSE 0 END`;
  // Late at A: a second supplement request; finished after its appointment; open and past it (its
  // clock stopped: at the moment it stopped) — the appointment and pause after the last row that
  // moved them, or, when one moved at A or later, those of the clock row in force at A.
  const late = sql`CASE WHEN ${t('c.late_supplement_at')} < ${A} THEN 1
      WHEN ${t('c.finished_at')} < ${A} THEN c.finished_late
      WHEN ${t('c.clock_at')} < ${A} THEN ${lateAt('c')}
      ELSE COALESCE((SELECT ${lateAt('k')} FROM indicator_dossier_clock k
        WHERE k.dossier_id = c.dossier_id AND k.at < ${A} ORDER BY k.seq DESC LIMIT 1), 0) END`;
  const received = sql`${t('c.received_at')} >= ${F}`;
  // Each dossier's flags, one bit each (FLAGS), computed once; counted per unit and combination.
  // The payment and rating sets: on PostgreSQL one hash join with the three sets merged (each
  // dossier once, a bit per set: one probe per dossier instead of three; an `IN (subquery)` in a
  // select list is scanned row by row there), on SQLite `IN (subquery)` (one lookup table, cheaper there).
  const sets: Array<[Expression<unknown>, number]> = [
    [q.feeOwed, 1],
    [q.paidOnline, 2],
    [q.dissatisfied, 4],
  ];
  const member = (i: number) => (pg ? sql`(m.b & ${sql.lit(sets[i]![1])}) <> 0` : sql`c.dossier_id IN (${sets[i]![0]})`);
  const joins = pg
    ? sql`LEFT JOIN (SELECT x.dossier_id AS id, bit_or(x.b) AS b FROM (${sql.join(
        sets.map(([set, bit]) => sql`SELECT y.dossier_id, ${sql.lit(bit)} AS b FROM (${set}) y`),
        sql` UNION ALL `,
      )}) x GROUP BY x.dossier_id) m ON m.id = c.dossier_id`
    : sql``;
  // The code: the sum of each flag's bit. A dossier received in the period (it alone can own a fee
  // or have paid one online) and one with a result in it are each tested once, not once per flag.
  const bit = (f: (typeof FLAGS)[number]) => sql.lit(1 << FLAGS.indexOf(f));
  const inPeriod = sql`(c.withdrawn_at IS NULL OR ${t('c.withdrawn_at')} >= ${A}) AND (c.finished_at IS NULL OR ${t('c.finished_at')} >= ${F})`;
  const result = sql`${t('c.result_at')} >= ${F} AND ${t('c.result_at')} < ${A}`;
  const code = sql`CASE WHEN ${received} THEN ${bit('received')} + c.published * ${bit('published')} + c.online * ${bit('online')}
        + CASE WHEN ${t('c.payment_asked_at')} < ${A} OR ${member(0)} THEN ${bit('owes_fee')} ELSE 0 END
        + CASE WHEN ${member(1)} THEN ${bit('paid_online')} ELSE 0 END ELSE 0 END
      + CASE WHEN ${inPeriod} THEN ${bit('of_period')} ELSE 0 END
      + (${late}) * ${bit('late')}
      + CASE WHEN ${member(2)} THEN ${bit('disliked')} ELSE 0 END
      + CASE WHEN ${result} THEN ${bit('result')} + c.digitised * ${bit('digitised')} ELSE 0 END`;
  // The period's dossiers (disjoint: received in it; received before and open; received before and
  // ended in it): on PostgreSQL one scan of the states under an OR of the three (a BitmapOr of the
  // two indexes), on SQLite three index reads.
  const period = pg
    ? sql`SELECT ${cols} ${from} AND ((s.received_at >= ${F} AND s.received_at < ${A}) OR (s.ended_at IS NULL AND s.received_at < ${F}) OR (s.ended_at >= ${F} AND s.received_at < ${F}))`
    : sql`SELECT ${cols} ${from} AND s.received_at >= ${F} AND s.received_at < ${A}
      UNION ALL SELECT ${cols} ${from} AND s.ended_at IS NULL AND s.received_at < ${F}
      UNION ALL SELECT ${cols} ${from} AND s.ended_at >= ${F} AND s.received_at < ${F}`;
  const query = sql<{ u: string; code: string | number; n: string | number }>`
    SELECT c.unit_code AS u, ${code} AS code, COUNT(*) AS n
    FROM (${period}) c
    ${joins}
    GROUP BY 1, 2`;
  const rows = pg ? await planned(db, (x) => query.execute(x)) : await query.execute(db);
  const byUnit = new Map<string, number[]>();
  for (const r of rows.rows) {
    const u = String(r.u);
    const x = byUnit.get(u) ?? (byUnit.set(u, new Array<number>(12).fill(0)), byUnit.get(u)!);
    const bits = Number(r.code);
    const [rp, pub, onl, owes, paid, inp, late, dis, res, dig] = FLAGS.map((_, i) => (bits >> i) & 1);
    const onTime = inp! * (1 - late!);
    // appointment_published_rate, on_time_rate, online_rate, online_payment_rate, digitisation_rate, satisfaction_rate
    const add = [pub!, rp!, onTime, inp!, onl!, rp!, owes! * paid!, owes!, dig!, res!, onTime * (1 - dis!), inp!];
    const n = Number(r.n);
    for (let i = 0; i < 12; i++) x[i]! += add[i]! * n;
  }
  return [...byUnit].map(([unit, n]) => ({ unit, n }));
}

/**
 * Runs the period count on PostgreSQL planned for its own parameters and without JIT compilation.
 * - JIT: the count is one statement of many CASE expressions over ~20,000 rows; its estimated cost
 *   passes PostgreSQL's JIT threshold, and compiling it took ~430 ms of a ~1 s answer at 200,000
 *   dossiers (EXPLAIN ANALYZE: "JIT … Emission 361 ms"), more than the query's own work.
 * - Plan: statements are prepared by name (src/db/connection.ts); after five runs PostgreSQL may
 *   switch to a generic plan, blind to how many dossiers a period's dates and units select — the
 *   same count then cost 3–4 times the CPU, and a year 26 s instead of 0.9 s.
 * - Memory: the count of a month sorts the states of every unit it ranks (126 units of a province:
 *   ~90,000 rows at 5M dossiers); with the default 4 MB of `work_mem` the sort spilled to disk
 *   (bench:province, EXPLAIN ANALYZE "external merge"), so this one statement gets 64 MB.
 * `set_config(…, true)` keeps these settings to this transaction.
 */
async function planned<T>(db: Exec, run: (x: Exec) => Promise<T>): Promise<T> {
  const go = async (x: Exec) => {
    await sql`SELECT set_config('jit', 'off', true), set_config('plan_cache_mode', 'force_custom_plan', true), set_config('work_mem', '64MB', true)`.execute(x);
    return run(x);
  };
  return db.isTransaction ? go(db) : db.transaction().execute(go);
}

/** The copied timelines of the units' dossiers whose rows are not in time order (judged one by one). */
export async function irregularTimelines(db: Exec, unitCodes: string[]): Promise<DossierTimeline[]> {
  if (!unitCodes.length) return [];
  const rows = await db
    .selectFrom('indicator_dossier_states as s')
    .innerJoin('indicator_dossier_facts as f', 'f.dossier_id', 's.dossier_id')
    .select(['f.dossier_id', 'f.code', 'f.unit_code', 'f.procedure_code', 'f.channel', 'f.events', 'f.first_file_at'])
    .where('s.irregular', '=', 1)
    .where('s.unit_code', 'in', unitCodes)
    .execute();
  return rows.map(toTimeline);
}

export async function clearFacts(db: Exec): Promise<void> {
  await db.deleteFrom('indicator_dossier_clock').execute();
  await db.deleteFrom('indicator_dossier_states').execute();
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
export async function periodCounts(db: Exec, unitCodes: string[], from: string, to: string, size: number): Promise<Map<string, Array<[number, number]>>> {
  if (!unitCodes.length) return new Map();
  const rows = await db.selectFrom('indicator_period_counts').select(['unit_code', 'counts']).where('unit_code', 'in', unitCodes).where('from_at', '=', from).where('to_at', '=', to).execute();
  // Counts kept before an indicator was added (another length) are counted again.
  return new Map(rows.map((r) => [r.unit_code, JSON.parse(r.counts) as Array<[number, number]>] as const).filter(([, c]) => c.length === size));
}

export async function savePeriodCounts(db: Exec, rows: Array<{ unitCode: string; counts: Array<[number, number]> }>, from: string, to: string, now: string): Promise<void> {
  if (!rows.length) return;
  await db
    .insertInto('indicator_period_counts')
    .values(rows.map((r) => ({ unit_code: r.unitCode, from_at: from, to_at: to, counts: JSON.stringify(r.counts), computed_at: now })))
    .onConflict((oc) => oc.columns(['unit_code', 'from_at', 'to_at']).doUpdateSet((eb) => ({ counts: eb.ref('excluded.counts'), computed_at: eb.ref('excluded.computed_at') })))
    .execute();
}
