import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, ReportCompletionTable, ReportDataElementTable, ReportDataSetTable, ReportPlaceTable, ReportRegisterEntryTable, ReportValueAuditTable, ReportValueTable } from '../db/schema';
import type { CategoryCombo, Completion, DataElement, DataSet, DataValue, Place, Rollup, ValueType } from './report.types';

export type Exec = Kysely<DB> | Transaction<DB>;
export type Engine = 'sqlite' | 'postgres';

// ------------------------------------------------------------------ mapping

const json = <T>(text: string, fallback: T): T => {
  try {
    return (JSON.parse(text) as T) ?? fallback;
  } catch {
    return fallback;
  }
};

export function toDataSet(r: ReportDataSetTable, elements: ReportDataElementTable[], units: string[]): DataSet {
  const access = json<Partial<DataSet['access']>>(r.access, {});
  const deadline = json<Partial<DataSet['deadline']>>(r.deadline, {});
  return {
    code: r.code,
    name: r.name,
    description: r.description,
    periodType: r.period_type as DataSet['periodType'],
    eventDate: r.event_date,
    eventPhases: json(r.event_phases, []),
    deadline: { daysAfter: deadline.daysAfter ?? 0, time: deadline.time ?? '23:59' },
    rules: json(r.rules, []),
    sections: json(r.sections, []),
    access: { enter: access.enter ?? [], approve: access.approve ?? [] },
    usesPlaces: Number(r.uses_places) === 1,
    register: json(r.register, { kind: '' }),
    prefill: r.prefill,
    approvalRequired: Number(r.approval_required) === 1,
    closed: Number(r.closed) === 1,
    ownerUnit: r.owner_unit,
    dataElements: elements
      .filter((e) => e.data_set === r.code)
      .sort((a, b) => Number(a.sort) - Number(b.sort))
      .map((e): DataElement => ({ code: e.code, name: e.name, description: e.description, valueType: e.value_type as ValueType, section: e.section, categoryCombo: e.category_combo })),
    units,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function fromDataSet(d: DataSet): ReportDataSetTable {
  return {
    code: d.code,
    name: d.name,
    description: d.description,
    period_type: d.periodType,
    event_date: d.eventDate,
    event_phases: JSON.stringify(d.eventPhases),
    deadline: JSON.stringify(d.deadline),
    rules: JSON.stringify(d.rules),
    sections: JSON.stringify(d.sections),
    access: JSON.stringify(d.access),
    uses_places: d.usesPlaces ? 1 : 0,
    register: JSON.stringify(d.register),
    prefill: d.prefill,
    approval_required: d.approvalRequired ? 1 : 0,
    closed: d.closed ? 1 : 0,
    owner_unit: d.ownerUnit,
    created_at: d.createdAt,
    updated_at: d.updatedAt,
  };
}

const toValue = (r: ReportValueTable): DataValue => ({
  dataSet: r.data_set,
  period: r.period,
  unitCode: r.unit_code,
  placeId: r.place_id,
  dataElement: r.data_element,
  coc: r.coc,
  value: r.value,
  comment: r.comment,
  updatedBy: r.updated_by,
  updatedAt: r.updated_at,
});

const toPlace = (r: ReportPlaceTable): Place => ({ id: r.id, dataSet: r.data_set, unitCode: r.unit_code, code: r.code, name: r.name, address: r.address, active: Number(r.active) === 1 });

export const toCompletion = (r: ReportCompletionTable): Completion => ({
  dataSet: r.data_set,
  period: r.period,
  unitCode: r.unit_code,
  completedAt: r.completed_at,
  completedBy: r.completed_by,
  approvedAt: r.approved_at,
  approvedBy: r.approved_by,
  reopenedAt: r.reopened_at,
  reopenedBy: r.reopened_by,
  reopenReason: r.reopen_reason,
});

// ------------------------------------------------------------------ category combos

export async function listCombos(db: Exec): Promise<CategoryCombo[]> {
  const [combos, options] = await Promise.all([
    db.selectFrom('report_category_combos').selectAll().orderBy('code').execute(),
    db.selectFrom('report_category_option_combos').selectAll().orderBy('combo').orderBy('sort').execute(),
  ]);
  return combos.map((c) => ({ code: c.code, name: c.name, options: options.filter((o) => o.combo === c.code).map((o) => ({ code: o.code, name: o.name })) }));
}

/** Writes combos that are not there yet (never changes one in use). */
export async function insertMissingCombos(db: Exec, combos: CategoryCombo[]): Promise<void> {
  for (const c of combos) {
    await db.insertInto('report_category_combos').values({ code: c.code, name: c.name }).onConflict((oc) => oc.column('code').doNothing()).execute();
    if (c.options.length)
      await db
        .insertInto('report_category_option_combos')
        .values(c.options.map((o, i) => ({ combo: c.code, code: o.code, name: o.name, sort: i })))
        .onConflict((oc) => oc.columns(['combo', 'code']).doNothing())
        .execute();
  }
}

// ------------------------------------------------------------------ data sets

export async function listDataSets(db: Exec, code?: string): Promise<DataSet[]> {
  let q = db.selectFrom('report_data_sets').selectAll().orderBy('name');
  let e = db.selectFrom('report_data_elements').selectAll();
  let a = db.selectFrom('report_assignments').selectAll().orderBy('unit_code');
  if (code) {
    q = q.where('code', '=', code);
    e = e.where('data_set', '=', code);
    a = a.where('data_set', '=', code);
  }
  const [sets, elements, assignments] = await Promise.all([q.execute(), e.execute(), a.execute()]);
  return sets.map((s) =>
    toDataSet(
      s,
      elements,
      assignments.filter((x) => x.data_set === s.code).map((x) => x.unit_code),
    ),
  );
}

export async function findDataSetRow(db: Exec, code: string): Promise<ReportDataSetTable | undefined> {
  return db.selectFrom('report_data_sets').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Replaces a data set's definition, elements and assigned units. */
export async function writeDataSet(db: Exec, d: DataSet, existed: boolean): Promise<void> {
  const row = fromDataSet(d);
  if (existed) {
    const { code, created_at, ...rest } = row;
    void created_at;
    await db.updateTable('report_data_sets').set(rest).where('code', '=', code).execute();
  } else await db.insertInto('report_data_sets').values(row).execute();
  await db.deleteFrom('report_data_elements').where('data_set', '=', d.code).execute();
  if (d.dataElements.length)
    await db
      .insertInto('report_data_elements')
      .values(d.dataElements.map((e, i) => ({ data_set: d.code, code: e.code, name: e.name, description: e.description, value_type: e.valueType, section: e.section, sort: i, category_combo: e.categoryCombo })))
      .execute();
  await db.deleteFrom('report_assignments').where('data_set', '=', d.code).execute();
  for (let i = 0; i < d.units.length; i += 500)
    await db
      .insertInto('report_assignments')
      .values(d.units.slice(i, i + 500).map((u) => ({ data_set: d.code, unit_code: u })))
      .execute();
}

export async function dataSetsOfUnits(db: Exec, units: string[]): Promise<string[]> {
  if (!units.length) return [];
  const rows = await db.selectFrom('report_assignments').select('data_set').distinct().where('unit_code', 'in', units).execute();
  return rows.map((r) => r.data_set);
}

// ------------------------------------------------------------------ places

export async function listPlaces(db: Exec, dataSet: string, unitCodes?: string[]): Promise<Place[]> {
  let q = db.selectFrom('report_places').selectAll().where('data_set', '=', dataSet);
  if (unitCodes) {
    if (!unitCodes.length) return [];
    q = q.where('unit_code', 'in', unitCodes);
  }
  return (await q.orderBy('unit_code').orderBy('sort').orderBy('code').execute()).map(toPlace);
}

export async function upsertPlace(db: Exec, p: Place, sort: number): Promise<void> {
  await db
    .insertInto('report_places')
    .values({ id: p.id, data_set: p.dataSet, unit_code: p.unitCode, code: p.code, name: p.name, address: p.address, active: p.active ? 1 : 0, sort })
    .onConflict((oc) => oc.column('id').doUpdateSet({ name: p.name, address: p.address, active: p.active ? 1 : 0, sort }))
    .execute();
}

// ------------------------------------------------------------------ values

export async function selectValues(db: Exec, q: { dataSet: string; periods: string[]; unitCodes?: string[] }): Promise<DataValue[]> {
  if (!q.periods.length) return [];
  let s = db.selectFrom('report_values').selectAll().where('data_set', '=', q.dataSet).where('period', 'in', q.periods);
  if (q.unitCodes) {
    if (!q.unitCodes.length) return [];
    // Past a few hundred units, one scan of the period is cheaper than a long IN list.
    if (q.unitCodes.length <= 500) s = s.where('unit_code', 'in', q.unitCodes);
  }
  const rows = (await s.execute()).map(toValue);
  if (q.unitCodes && q.unitCodes.length > 500) {
    const set = new Set(q.unitCodes);
    return rows.filter((r) => set.has(r.unitCode));
  }
  return rows;
}

/** What a save compares against: the stored values and comments of the given reports, nothing else. */
export async function selectCurrent(db: Exec, q: { dataSet: string; periods: string[]; unitCodes: string[] }): Promise<Array<{ period: string; unitCode: string; placeId: string; dataElement: string; coc: string; value: string; comment: string }>> {
  if (!q.periods.length || !q.unitCodes.length) return [];
  let s = db.selectFrom('report_values').select(['period', 'unit_code', 'place_id', 'data_element', 'coc', 'value', 'comment']).where('data_set', '=', q.dataSet).where('period', 'in', q.periods);
  if (q.unitCodes.length <= 500) s = s.where('unit_code', 'in', q.unitCodes);
  const set = q.unitCodes.length > 500 ? new Set(q.unitCodes) : undefined;
  const out = [];
  for (const r of await s.execute()) if (!set || set.has(r.unit_code)) out.push({ period: r.period, unitCode: r.unit_code, placeId: r.place_id, dataElement: r.data_element, coc: r.coc, value: r.value, comment: r.comment });
  return out;
}

/**
 * `unit_code` among many units as one parameter (an array on PostgreSQL, JSON on SQLite), so the
 * primary key's index answers however many units are asked for, and no statement grows with them.
 */
function unitIn(engine: Engine, codes: string[]) {
  return engine === 'postgres' ? sql<boolean>`unit_code = any(${codes}::text[])` : sql<boolean>`unit_code in (select value from json_each(${JSON.stringify(codes)}))`;
}

/** Units that entered anything for a period (kept in report_reported as values change: a lookup). */
export async function reportingUnits(db: Exec, dataSet: string, period: string): Promise<Set<string>> {
  const rows = await db.selectFrom('report_reported').select('unit_code').where('data_set', '=', dataSet).where('period', '=', period).where('value_count', '>', 0).execute();
  return new Set(rows.map((r) => r.unit_code));
}

/** Adds the change in each unit's number of values (created when missing; gone when it reaches 0). */
export async function addToReported(db: Exec, engine: Engine, dataSet: string, deltas: Array<{ period: string; unitCode: string; count: number; at: string }>): Promise<void> {
  if (!deltas.length) return;
  await bulk(
    db,
    engine,
    'report_reported',
    REPORTED_COLS,
    deltas.map((d) => [dataSet, d.period, d.unitCode, d.count, d.at]),
    'ON CONFLICT (data_set, period, unit_code) DO UPDATE SET value_count = report_reported.value_count + excluded.value_count, updated_at = excluded.updated_at',
  );
  if (deltas.some((d) => d.count < 0))
    await db.deleteFrom('report_reported').where('data_set', '=', dataSet).where('period', 'in', [...new Set(deltas.map((d) => d.period))]).where('value_count', '<=', 0).execute();
}

/** Recomputes report_reported from the values themselves (of one data set, or all). */
export async function rebuildReported(db: Exec, dataSet?: string): Promise<number> {
  let del = db.deleteFrom('report_reported');
  if (dataSet) del = del.where('data_set', '=', dataSet);
  await del.execute();
  let src = db
    .selectFrom('report_values')
    .select((eb) => ['data_set', 'period', 'unit_code', eb.fn.countAll<number>().as('value_count'), eb.fn.max('updated_at').as('updated_at')])
    .groupBy(['data_set', 'period', 'unit_code']);
  if (dataSet) src = src.where('data_set', '=', dataSet);
  const r = await db.insertInto('report_reported').columns(['data_set', 'period', 'unit_code', 'value_count', 'updated_at']).expression(src).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

/**
 * Bulk writes of one save (a form, an import): every row travels as one JSON parameter and is
 * expanded by the database (json_to_recordset / json_each), so 166,050 values are three
 * statements, not half a million.
 */
async function bulk(db: Exec, engine: Engine, table: string, cols: string[], rows: unknown[][], conflict: string): Promise<void> {
  const colList = cols.map((c) => `"${c}"`).join(', ');
  if (engine === 'postgres') {
    // One array per column, expanded by unnest: PostgreSQL reads array literals much faster than
    // it extracts fields from JSON.
    const CHUNK = 50_000;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const part = rows.slice(i, i + CHUNK);
      const arrays = cols.map((c, k) => sql`${part.map((r) => (r[k] === null || r[k] === undefined ? null : TYPES[c] ? r[k] : String(r[k])))}::${sql.raw(PG_ARRAY[c] ?? 'text[]')}`);
      await sql`${sql.raw(`INSERT INTO ${table} (${colList}) SELECT * FROM unnest(`)}${sql.join(arrays)}${sql.raw(`) ${conflict}`)}`.execute(db);
    }
  } else {
    const CHUNK = 20_000;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const payload = JSON.stringify(rows.slice(i, i + CHUNK));
      const sel = cols.map((_c, k) => `j.value->>${k}`).join(', ');
      await sql`${sql.raw(`INSERT INTO ${table} (${colList}) SELECT ${sel} FROM json_each(`)}${payload}${sql.raw(`) AS j WHERE true ${conflict}`)}`.execute(db);
    }
  }
}
const PG_ARRAY: Record<string, string> = { sum: 'double precision[]', count: 'integer[]', value_count: 'integer[]' };
const TYPES: Record<string, true> = { sum: true, count: true, value_count: true };

const VALUE_COLS = ['data_set', 'period', 'unit_code', 'place_id', 'data_element', 'coc', 'value', 'comment', 'updated_by', 'updated_at'];
const AUDIT_COLS = ['id', 'data_set', 'period', 'unit_code', 'place_id', 'data_element', 'coc', 'old_value', 'new_value', 'source', 'changed_by', 'changed_at'];
const ROLLUP_COLS = ['data_set', 'period', 'unit_code', 'data_element', 'coc', 'sum', 'count'];
const REPORTED_COLS = ['data_set', 'period', 'unit_code', 'value_count', 'updated_at'];

export async function upsertValues(db: Exec, engine: Engine, rows: ReportValueTable[]): Promise<void> {
  if (!rows.length) return;
  await bulk(
    db,
    engine,
    'report_values',
    VALUE_COLS,
    rows.map((r) => [r.data_set, r.period, r.unit_code, r.place_id, r.data_element, r.coc, r.value, r.comment, r.updated_by, r.updated_at]),
    'ON CONFLICT (data_set, period, unit_code, place_id, data_element, coc) DO UPDATE SET value = excluded.value, comment = excluded.comment, updated_by = excluded.updated_by, updated_at = excluded.updated_at',
  );
}

export async function deleteValues(db: Exec, keys: Array<Pick<ReportValueTable, 'data_set' | 'period' | 'unit_code' | 'place_id' | 'data_element' | 'coc'>>): Promise<void> {
  for (const k of keys)
    await db
      .deleteFrom('report_values')
      .where('data_set', '=', k.data_set)
      .where('period', '=', k.period)
      .where('unit_code', '=', k.unit_code)
      .where('place_id', '=', k.place_id)
      .where('data_element', '=', k.data_element)
      .where('coc', '=', k.coc)
      .execute();
}

export async function insertAudit(db: Exec, engine: Engine, rows: ReportValueAuditTable[]): Promise<void> {
  if (!rows.length) return;
  await bulk(
    db,
    engine,
    'report_value_audit',
    AUDIT_COLS,
    rows.map((r) => [r.id, r.data_set, r.period, r.unit_code, r.place_id, r.data_element, r.coc, r.old_value, r.new_value, r.source, r.changed_by, r.changed_at]),
    '',
  );
}

/** Adds deltas to the rolled-up totals (created when missing). */
export async function addToRollups(db: Exec, engine: Engine, deltas: Array<{ dataSet: string; period: string; unitCode: string; dataElement: string; coc: string; sum: number; count: number }>): Promise<void> {
  if (!deltas.length) return;
  await bulk(
    db,
    engine,
    'report_rollups',
    ROLLUP_COLS,
    deltas.map((d) => [d.dataSet, d.period, d.unitCode, d.dataElement, d.coc, d.sum, d.count]),
    'ON CONFLICT (data_set, period, unit_code, data_element, coc) DO UPDATE SET "sum" = report_rollups."sum" + excluded."sum", "count" = report_rollups."count" + excluded."count"',
  );
  // A total whose last value went away is no total at all.
  if (deltas.some((d) => d.count < 0))
    await db.deleteFrom('report_rollups').where('count', '<=', 0).where('data_set', '=', deltas[0]!.dataSet).where('period', 'in', [...new Set(deltas.map((d) => d.period))]).execute();
}

export async function selectRollups(db: Exec, engine: Engine, q: { dataSet: string; period: string; unitCodes: string[] }): Promise<Rollup[]> {
  if (!q.unitCodes.length) return [];
  const rows = await db.selectFrom('report_rollups').select(['unit_code', 'data_element', 'coc', 'sum', 'count']).where('data_set', '=', q.dataSet).where('period', '=', q.period).where(unitIn(engine, q.unitCodes)).execute();
  return rows.map((r) => ({ unitCode: r.unit_code, dataElement: r.data_element, coc: r.coc, sum: Number(r.sum), count: Number(r.count) }));
}

/**
 * Each unit's total per element, summed over its disaggregation by the database (coc ''), except
 * `detail`, whose options stay apart: what a row per unit and one cross table need, a few dozen
 * rows per unit instead of every option of every element.
 */
export async function selectRollupTotals(db: Exec, engine: Engine, q: { dataSet: string; period: string; unitCodes: string[]; detail?: string }): Promise<Rollup[]> {
  if (!q.unitCodes.length) return [];
  const coc = sql<string>`case when data_element = ${q.detail ?? ''} then coc else '' end`;
  const rows = await db
    .selectFrom('report_rollups')
    .select((eb) => ['unit_code', 'data_element', coc.as('coc'), eb.fn.sum<number>('sum').as('sum'), eb.fn.sum<number>('count').as('count')])
    .where('data_set', '=', q.dataSet)
    .where('period', '=', q.period)
    .where(unitIn(engine, q.unitCodes))
    // By position: the CASE's parameter would not be the same expression twice on PostgreSQL.
    .groupBy(sql`1, 2, 3`)
    .execute();
  return rows.map((r) => ({ unitCode: r.unit_code, dataElement: r.data_element, coc: r.coc, sum: Number(r.sum), count: Number(r.count) }));
}

export async function selectAudit(db: Exec, q: { dataSet: string; period: string; unitCode: string }): Promise<ReportValueAuditTable[]> {
  return db.selectFrom('report_value_audit').selectAll().where('data_set', '=', q.dataSet).where('period', '=', q.period).where('unit_code', '=', q.unitCode).orderBy('changed_at', 'desc').orderBy('id', 'desc').execute();
}

// ------------------------------------------------------------------ completions

export async function selectCompletions(db: Exec, dataSet: string, period: string, unitCodes?: string[]): Promise<Completion[]> {
  let q = db.selectFrom('report_completions').selectAll().where('data_set', '=', dataSet).where('period', '=', period);
  if (unitCodes && unitCodes.length <= 500) {
    if (!unitCodes.length) return [];
    q = q.where('unit_code', 'in', unitCodes);
  }
  return (await q.execute()).map(toCompletion);
}

export async function saveCompletion(db: Exec, c: Completion): Promise<void> {
  const row: ReportCompletionTable = {
    data_set: c.dataSet,
    period: c.period,
    unit_code: c.unitCode,
    completed_at: c.completedAt,
    completed_by: c.completedBy,
    approved_at: c.approvedAt,
    approved_by: c.approvedBy,
    reopened_at: c.reopenedAt,
    reopened_by: c.reopenedBy,
    reopen_reason: c.reopenReason,
  };
  const { data_set, period, unit_code, ...set } = row;
  void data_set;
  void period;
  void unit_code;
  await db.insertInto('report_completions').values(row).onConflict((oc) => oc.columns(['data_set', 'period', 'unit_code']).doUpdateSet(set)).execute();
}

// ------------------------------------------------------------------ registers

export async function listRegister(db: Exec, dataSet: string, unitCode: string): Promise<ReportRegisterEntryTable[]> {
  return db.selectFrom('report_register_entries').selectAll().where('data_set', '=', dataSet).where('unit_code', '=', unitCode).orderBy('arrived_on', 'desc').orderBy('full_name').execute();
}

export async function insertRegisterEntry(db: Exec, row: ReportRegisterEntryTable): Promise<void> {
  await db.insertInto('report_register_entries').values(row).execute();
}

export async function updateRegisterEntry(db: Exec, id: string, set: Partial<ReportRegisterEntryTable>): Promise<void> {
  await db.updateTable('report_register_entries').set(set).where('id', '=', id).execute();
}
