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

export interface CitizenTable {
  id: string;
  phone: string;
  full_name: string;
  email: string;
  id_number: string;
  address: string;
  password_hash: string | null;
  created_at: string;
  updated_at: string;
}

export interface StaffTable {
  id: string;
  username: string;
  full_name: string;
  unit_code: string;
  role: string;
  fields: string;
  password_hash: string;
  active: number;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  id: string;
  kind: string;
  subject_id: string;
  csrf: string;
  created_at: string;
  expires_at: string;
}

export interface OtpTable {
  id: string;
  phone: string;
  purpose: string;
  code_hash: string;
  attempts: number;
  created_at: string;
  expires_at: string;
  consumed_at: string | null;
}

export interface OutboxTable {
  id: string;
  channel: string;
  recipient: string;
  event: string;
  subject: string;
  body: string;
  dossier_code: string | null;
  unit_code: string | null;
  dedup_key: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface UnitCalendarTable {
  unit_code: string;
  data: string;
  updated_at: string;
}

export interface DossierCounterTable {
  unit_code: string;
  day: string;
  n: number;
}

export interface DossierTable {
  id: string;
  code: string | null;
  unit_code: string;
  procedure_code: string;
  channel: string;
  case_id: string | null;
  status: string;
  applicant: string;
  applicant_phone: string;
  applicant_name: string;
  citizen_id: string | null;
  form_data: string;
  delivery: string;
  digitised: number;
  submitted_at: string | null;
  received_at: string | null;
  due_at: string | null;
  due_fixed: number;
  idempotency_key: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface DossierFileTable {
  id: string;
  dossier_id: string;
  component: string;
  sha256: string;
  name: string;
  mime: string;
  size: number;
  created_at: string;
}

export interface DossierHistoryTable {
  id: string;
  dossier_id: string;
  seq: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string;
  comment: string;
  data: string;
  idempotency_key: string | null;
  created_at: string;
}

export interface DB {
  units: UnitTable;
  procedures: ProcedureTable;
  unit_procedures: UnitProcedureTable;
  meta: MetaTable;
  import_runs: ImportRunTable;
  citizens: CitizenTable;
  staff: StaffTable;
  sessions: SessionTable;
  otp_codes: OtpTable;
  outbox: OutboxTable;
  dossier_counters: DossierCounterTable;
  unit_calendars: UnitCalendarTable;
  dossiers: DossierTable;
  dossier_files: DossierFileTable;
  dossier_history: DossierHistoryTable;
}
