/** Table types for Kysely. Portable: text, integer, real; JSON as text; times as UTC ISO text. */
export interface UnitTable {
  code: string;
  name: string;
  kind: string;
  parent_code: string | null;
  address: string;
  phone: string;
  email: string;
  opening_hours: string;
  sort: number;
  created_at: string;
  updated_at: string;
}

export interface ProcedureTable {
  code: string;
  name: string;
  field: string;
  source: string;
  data: string;
  content_hash: string;
  created_at: string;
  updated_at: string;
}

export interface UnitProcedureTable {
  unit_code: string;
  procedure_code: string;
  committed_value: number | null;
  committed_unit: string | null;
  note: string;
  essential: number;
  sort: number;
  updated_at: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface ImportRunTable {
  id: string;
  source: string;
  started_at: string;
  finished_at: string;
  total: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  problems: number;
  report: string;
}

export interface DB {
  units: UnitTable;
  procedures: ProcedureTable;
  unit_procedures: UnitProcedureTable;
  meta: MetaTable;
  import_runs: ImportRunTable;
}
