import type { Generated } from 'kysely';

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
  /** 003-workflow: the unit's own fees, forms and e-form for the procedure (JSON). */
  local?: string;
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
  /* failed_logins, locked_until: dropped by 014 (the throttle is login_throttle, 011). */
  created_at: string;
  updated_at: string;
  /** 003-workflow: subject of the OpenID Connect identity linked to this account. */
  oidc_subject?: string | null;
  /** 003-workflow: 1 after an admin reset the password, until the official sets a new one. */
  must_change_password?: number;
  /** 003-workflow: where escalations reach the official ('' when none). */
  phone?: string;
  email?: string;
  /** 025: 1 for an official of the unit's support team (home visits). */
  support_team?: number;
}

/** 039: the last run of each periodic job, for the election across processes (src/jobs). */
export interface JobRunTable {
  name: string;
  owner: string;
  started_at: string;
  finished_at: string | null;
  runs: number;
  last_error: string | null;
}

/** 011: failed staff sign-ins per account and source address (the growing delay). */
/** 038-rate-limits: request budgets shared by the processes on one database (src/cluster). */
export interface RateLimitTable {
  key: string;
  count: number;
  /** UTC ISO: when the current window ends. */
  reset_at: string;
}

export interface LoginThrottleTable {
  username: string;
  source: string;
  failures: number;
  blocked_until: string | null;
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
  // 004-notifications-payments
  lease_owner: string | null;
  lease_until: string | null;
  delivered_via: string | null;
  provider_ref: string | null;
  updated_at: string | null;
  // 036-request-ids: the HTTP request that queued it (null for jobs)
  request_id?: string | null;
}

export interface UnitCalendarTable {
  unit_code: string;
  data: string;
  updated_at: string;
}

/** 040: a unit's office (one-stop office, ward police, health station…) with its weekly hours. */
export interface OfficeTable {
  id: string;
  unit_code: string;
  name: string;
  kind: string;
  address: string;
  phone: Generated<string>;
  /** JSON {"0".."6": [{from, to}]}, 0 = Sunday. */
  week: string;
  notes: Generated<string>;
  map_url: Generated<string>;
  sort: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** 040: which office receives an agency's (scope 'agency') or one procedure's (scope 'procedure') dossiers. */
export interface OfficeMappingTable {
  unit_code: string;
  scope: 'agency' | 'procedure';
  key: string;
  label: string;
  office_id: string;
  updated_by: Generated<string>;
  updated_at: string;
}

export interface OfficeVersionTable {
  unit_code: string;
  version: number;
}

/** 025: a home visit asked for by (or for) an elderly or disabled citizen. */
export interface HomeVisitTable {
  id: string;
  unit_code: string;
  procedure_code: string;
  applicant_name: string;
  requester: string;
  requester_name: string;
  phone: string;
  address: string;
  village: string;
  preferred_days: string;
  note: string;
  source: string;
  status: string;
  visit_date: string | null;
  assignee_id: string | null;
  confirmed_at: string | null;
  dossier_code: string | null;
  reason: string;
  created_at: string;
  updated_at: string;
}

/** 024: the national declarations of a year (days off, weekend days worked in exchange). */
export interface CalendarNationalDayTable {
  date: string;
  year: number;
  kind: 'off' | 'work';
  name: string;
  updated_by: string;
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
  // 003-workflow: the dossier's place in its process, a projection of its history.
  process_id: string | null;
  step_no: Generated<number>;
  /** Role that must act now ('' when nobody: closed, or waiting for the citizen). */
  current_role: Generated<string>;
  /** The official who must act now, when one is named. */
  assignee_id: string | null;
  /** The specialist in charge of examining the dossier. */
  examiner_id: string | null;
  step_started_at: string | null;
  step_due_at: string | null;
  /** JSON: planned end of each step, [{no, dueAt}]. */
  schedule: Generated<string>;
  paused_at: string | null;
  paused_status: string | null;
  paused_ms: Generated<number>;
  supplement_count: Generated<number>;
  finished_at: string | null;
  returned_at: string | null;
  outcome: Generated<string>;
  rescheduled_due_at: string | null;
  flag: Generated<string>;
  search_name: Generated<string>;
  version: Generated<number>;
  // 006: a draft made by a one-request submission, removed at start-up if it never committed.
  transient: Generated<number>;
  // 008: when a draft is removed with its files; the phone an anonymous draft proved by OTP.
  expires_at?: string | null;
  verified_phone?: string | null;
  // 018: written by the demo history (DEMO=on), never a real dossier.
  demo: Generated<number>;
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

// 004-notifications-payments
export interface NotificationTemplateTable {
  unit_code: string;
  event: string;
  channel: string;
  language: string;
  subject: string;
  body: string;
  updated_by: string;
  updated_at: string;
}

export interface NotificationPrefsTable {
  phone: string;
  channels: string;
  email: string;
  zalo_user_id: string;
  language: string;
  essential_only: number;
  updated_at: string;
}

export interface OauthTokenTable {
  provider: string;
  access_token: string;
  refresh_token: string;
  expires_at: string;
  version: number;
  updated_at: string;
}

export interface DossierFeeTable {
  dossier_id: string;
  dossier_code: string;
  unit_code: string;
  amount: number;
  gross: number;
  lines: string;
  exemption_reason: string | null;
  exemption_percent: number;
  assessed_by: string;
  assessed_at: string;
}

export interface PaymentTable {
  id: string;
  dossier_id: string;
  dossier_code: string;
  unit_code: string;
  method: string;
  amount: number;
  status: string;
  online: number;
  order_ref: string;
  provider_ref: string | null;
  receipt_no: string | null;
  data: string;
  created_by: string;
  created_at: string;
  confirmed_at: string | null;
}

export interface ReceiptCounterTable {
  unit_code: string;
  year: number;
  n: number;
}

export interface BankImportTable {
  id: string;
  unit_code: string;
  file_name: string;
  imported_by: string;
  summary: string;
  created_at: string;
}

export interface BankLineTable {
  id: string;
  import_id: string;
  unit_code: string;
  line_no: number;
  tx_date: string;
  amount: number;
  description: string;
  reference: string;
  dossier_code: string | null;
  status: string;
  payment_id: string | null;
  note: string;
  resolved_by: string | null;
  resolved_at: string | null;
}

// 003-workflow
export interface ProcessTable {
  id: string;
  unit_code: string;
  procedure_code: string;
  version: number;
  steps: string;
  note: string;
  created_by: string;
  created_at: string;
}

export interface DossierApologyTable {
  id: string;
  dossier_id: string;
  status: string;
  reason: string;
  new_due_at: string;
  prepared_by: string;
  prepared_at: string;
  signed_by: string | null;
  signed_at: string | null;
}

export interface AuditLogTable {
  seq: number;
  id: string;
  at: string;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string;
  unit_code: string | null;
  action: string;
  target_kind: string;
  target_id: string;
  data: string;
  prev_hash: string;
  hash: string;
  // 036-request-ids: the HTTP request that wrote it (null for jobs and older rows); in the hash when set
  request_id?: string | null;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface CatalogChangeTable {
  id: string;
  unit_code: string;
  procedure_code: string;
  kind: string;
  before: string;
  after: string;
  actor_id: string | null;
  actor_name: string;
  at: string;
}

/** The whole catalogue of a unit before a change (migration 010); `entries` is JSON. */
export interface CatalogVersionTable {
  id: string;
  unit_code: string;
  created_at: string;
  actor_id: string | null;
  actor_name: string;
  size: number;
  entries: string;
}

/** 030: what a unit published of each procedure, from `at` on (never updated). */
export interface CatalogPublicationTable {
  id: string;
  unit_code: string;
  procedure_code: string;
  at: string;
  listed: number;
  gaps: string;
}

export interface OidcLoginTable {
  state: string;
  verifier: string;
  nonce: string;
  next: string;
  created_at: string;
  expires_at: string;
}

// ---- assistant (migration 005)
export interface AssistantConversationTable {
  id: string;
  unit_code: string;
  channel: string;
  external_id: string;
  memory: string;
  message_count: number;
  created_at: string;
  updated_at: string;
}

export interface AssistantMessageTable {
  id: string;
  conversation_id: string;
  seq: number;
  unit_code: string;
  role: string;
  text: string;
  intent: string | null;
  decision: string | null;
  procedure_code: string | null;
  data: string;
  delivery: string;
  delivery_error: string | null;
  created_at: string;
}

export interface AssistantHandoffTable {
  id: string;
  unit_code: string;
  conversation_id: string;
  message_id: string;
  question: string;
  candidates: string;
  status: string;
  reply: string | null;
  staff_id: string | null;
  staff_name: string | null;
  answered_at: string | null;
  faq_id: string | null;
  created_at: string;
}

export interface AssistantFaqTable {
  id: string;
  unit_code: string;
  question: string;
  answer: string;
  procedure_code: string | null;
  handoff_id: string | null;
  created_by: string;
  created_at: string;
}

export interface AssistantSynonymTable {
  id: string;
  unit_code: string;
  phrase: string;
  phrase_key: string;
  expansion: string;
  created_by: string;
  created_at: string;
}

export interface AssistantZaloEventTable {
  msg_id: string;
  event_name: string;
  received_at: string;
}

export interface AssistantZaloTokenTable {
  app_id: string;
  access_token: string;
  refresh_token: string;
  expires_at: string | null;
  updated_at: string;
}

export interface AssistantMetaTable {
  key: string;
  value: string;
}

/** 016-ratings: every version of a satisfaction rating (never updated). */
export interface RatingVersionTable {
  id: string;
  rating_id: string;
  version: number;
  dossier_id: string | null;
  dossier_code: string | null;
  unit_code: string;
  source: string;
  level: string;
  /** JSON array of reason codes. */
  reasons: string;
  comment: string;
  actor_kind: string;
  actor_id: string | null;
  first_rated_at: string;
  created_at: string;
}

/** 016-ratings: a "Không hài lòng" waiting for (or given) the unit's answer. */
export interface RatingFollowupTable {
  id: string;
  rating_id: string;
  version_id: string;
  dossier_id: string | null;
  dossier_code: string | null;
  unit_code: string;
  opened_at: string;
  due_at: string;
  answer: string | null;
  answered_at: string | null;
  answered_by_id: string | null;
  answered_by_name: string | null;
}

// 019: targets of officials (src/performance)
export interface StaffTargetTable {
  id: string;
  unit_code: string;
  staff_id: string | null;
  field: string;
  metric: string;
  op: string;
  value: number;
  period_key: string;
  period_from: string;
  period_to: string;
  note: string;
  created_by: string;
  created_at: string;
  removed_at: string | null;
  removed_by: string | null;
}

// 020: monthly scoring of units (src/scoring)
export interface ScoringTableTable {
  id: string;
  parent_code: string;
  month: string;
  version: number;
  status: string;
  title: string;
  reason: string;
  demo: number;
  created_by: string;
  created_at: string;
  finalised_by: string | null;
  finalised_at: string | null;
}

export interface ScoringCriterionTable {
  id: string;
  table_id: string;
  sort: number;
  name: string;
  max_points: number;
  kind: string;
  indicator_key: string | null;
  threshold: number | null;
  guidance: string;
}

export interface ScoringEntryTable {
  table_id: string;
  criterion_id: string;
  unit_code: string;
  self_points: number | null;
  self_note: string;
  self_by: string | null;
  self_at: string | null;
  adjusted_points: number | null;
  adjust_reason: string;
  adjusted_by: string | null;
  adjusted_at: string | null;
  rate: number | null;
  points: number | null;
}

export interface ScoringEvidenceTable {
  id: string;
  table_id: string;
  criterion_id: string;
  unit_code: string;
  sha256: string;
  name: string;
  mime: string;
  size: number;
  created_by: string;
  created_at: string;
}

/** The indicators' copy of the dossiers' timelines (migration 017, src/indicator). */
export interface IndicatorDossierFactTable {
  dossier_id: string;
  unit_code: string;
  code: string;
  procedure_code: string;
  channel: string;
  received_at: string | null;
  ended_at: string | null;
  first_file_at: string | null;
  /** JSON: the timeline events (src/dossier/dossier.timelines.ts TimelineEvent[]). */
  events: string;
  seq: number;
}

/** The judged state of each dossier (migration 021, src/indicator/indicator.state.ts). */
export interface IndicatorDossierStateTable {
  dossier_id: string;
  unit_code: string;
  online: number;
  received_at: string | null;
  published: number;
  ended_at: string | null;
  finished_at: string | null;
  finished_late: number;
  result_at: string | null;
  digitised: number;
  withdrawn_at: string | null;
  late_supplement_at: string | null;
  payment_asked_at: string | null;
  clock_at: string | null;
  due_at: string | null;
  paused_since: string | null;
  irregular: number;
}

/** A dossier's appointment and pause from its receipt, one row per timeline row that moved either (migration 021). */
export interface IndicatorDossierClockTable {
  dossier_id: string;
  seq: number;
  at: string;
  due_at: string | null;
  paused_since: string | null;
}

/** Counts of a unit for a period that is over (migration 017): [numerator, denominator] per indicator, JSON. */
export interface IndicatorPeriodCountTable {
  unit_code: string;
  from_at: string;
  to_at: string;
  counts: string;
  computed_at: string;
}

export interface IndicatorSyncTable {
  name: string;
  cursor: string;
  updated_at: string;
}

export interface AppointmentSessionTable {
  id: string;
  unit_code: string;
  service: string;
  weekdays: string;
  on_date: string | null;
  start_time: string;
  end_time: string;
  slot_minutes: number;
  counters: number;
  per_counter: number;
  valid_from: string | null;
  valid_to: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface AppointmentSlotTable {
  unit_code: string;
  service: string;
  slot_at: string;
  booked: number;
}

export interface AppointmentTable {
  id: string;
  code: string;
  unit_code: string;
  service: string;
  session_id: string;
  procedure_code: string | null;
  dossier_code: string | null;
  slot_at: string;
  slot_minutes: number;
  full_name: string;
  phone: string;
  zalo_user_id: string | null;
  source: string;
  status: string;
  moves: number;
  ticket_id: string | null;
  ticket_number: string | null;
  arrived_at: string | null;
  cancelled_at: string | null;
  reminded_slot: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** 022-queue: a unit's queue rules. */
export interface QueueSettingsTable {
  unit_code: string;
  priority_rule: string;
  priority_every: number;
  categories: string;
  closing_time: string;
  updated_at: string;
}
/** 022-queue: a service of the counter queue (a group of fields). */
export interface QueueServiceTable {
  unit_code: string;
  code: string;
  name: string;
  letter: string;
  field_codes: string;
  default_minutes: number;
  sort: number;
  active: number;
}
/** 022-queue: a counter and the services it serves while open. */
export interface QueueCounterTable {
  unit_code: string;
  code: string;
  name: string;
  services: string;
  is_open: number;
  official_id: string | null;
  official_name: string | null;
  opened_at: string | null;
  updated_at: string;
}
/** 022-queue: the day's last ticket number per service. */
export interface QueueNumberTable {
  unit_code: string;
  service: string;
  day: string;
  n: number;
}
/** 022-queue: a ticket (số thứ tự). */
export interface QueueTicketTable {
  id: string;
  unit_code: string;
  day: string;
  service: string;
  number: string;
  priority: string | null;
  phone: string | null;
  source: string;
  appointment_id: string | null;
  slot_at: string | null;
  status: string;
  cancel_reason: string | null;
  counter: string | null;
  official_id: string | null;
  official_name: string | null;
  taken_at: string;
  order_at: string;
  called_at: string | null;
  served_at: string | null;
  done_at: string | null;
  expires_at: string;
  recalls: number;
  near_notified: number;
  transferred_from: string | null;
  dossier_id: string | null;
  dossier_code: string | null;
  device: string | null;
  updated_at: string;
}

/** 026-reports (issue 12): report consolidation, DHIS2's aggregate model. */
export interface ReportDataSetTable {
  code: string;
  name: string;
  description: string;
  period_type: string;
  event_date: string | null;
  event_phases: string;
  deadline: string;
  rules: string;
  sections: string;
  access: string;
  uses_places: number;
  register: string;
  prefill: string;
  approval_required: number;
  closed: number;
  owner_unit: string;
  created_at: string;
  updated_at: string;
}
export interface ReportCategoryComboTable {
  code: string;
  name: string;
}
export interface ReportCategoryOptionComboTable {
  combo: string;
  code: string;
  name: string;
  sort: number;
}
export interface ReportDataElementTable {
  data_set: string;
  code: string;
  name: string;
  description: string;
  value_type: string;
  section: string;
  sort: number;
  category_combo: string;
}
export interface ReportAssignmentTable {
  data_set: string;
  unit_code: string;
}
export interface ReportPlaceTable {
  id: string;
  data_set: string;
  unit_code: string;
  code: string;
  name: string;
  address: string;
  active: number;
  sort: number;
}
export interface ReportValueTable {
  data_set: string;
  period: string;
  unit_code: string;
  place_id: string;
  data_element: string;
  coc: string;
  value: string;
  comment: string;
  updated_by: string;
  updated_at: string;
}
export interface ReportValueAuditTable {
  id: string;
  data_set: string;
  period: string;
  unit_code: string;
  place_id: string;
  data_element: string;
  coc: string;
  old_value: string | null;
  new_value: string | null;
  source: string;
  changed_by: string;
  changed_at: string;
}
export interface ReportCompletionTable {
  data_set: string;
  period: string;
  unit_code: string;
  completed_at: string | null;
  completed_by: string | null;
  approved_at: string | null;
  approved_by: string | null;
  reopened_at: string | null;
  reopened_by: string | null;
  reopen_reason: string | null;
}
export interface ReportRollupTable {
  data_set: string;
  period: string;
  unit_code: string;
  data_element: string;
  coc: string;
  sum: number;
  count: number;
}
/** 037: which units entered values for a period (derived from report_values, kept as they change). */
export interface ReportReportedTable {
  data_set: string;
  period: string;
  unit_code: string;
  value_count: number;
  updated_at: string;
}
export interface ReportRegisterEntryTable {
  id: string;
  data_set: string;
  unit_code: string;
  place_id: string;
  full_name: string;
  sex: string;
  birth_year: number | null;
  home_province: string;
  arrived_on: string;
  left_on: string | null;
  note: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** 028: reminders the report job has sent (issue 12), once per data set, period, kind and unit. */
/** Linked procedure groups (migration 032, src/linked). */
export interface LinkedGroupTable {
  unit_code: string;
  code: string;
  name: string;
  definition: string;
  created_at: string;
  updated_at: string;
  /** 043: 1 offered in the catalogue, 0 switched off by the unit admin. */
  enabled: Generated<number>;
}
export interface LinkedPartnerTable {
  id: string;
  unit_code: string;
  name: string;
  mode: string;
  email: Generated<string>;
  username: string | null;
  password_hash: string | null;
  active: Generated<number>;
  created_at: string;
}
export interface LinkedSubmissionTable {
  code: string;
  unit_code: string;
  group_code: string;
  applicant_name: string;
  applicant_phone: string;
  citizen_id: string | null;
  idempotency_key: string | null;
  created_at: string;
}
export interface LinkedMemberTable {
  dossier_code: string;
  submission_code: string;
  position: number;
  procedure_code: string;
  agency: string;
  partner_id: string | null;
  sent_at: string | null;
  result: Generated<string>;
  result_note: Generated<string>;
  result_at: string | null;
  result_by: string | null;
  escalated_at: string | null;
}
export interface LinkedCounterTable {
  unit_code: string;
  day: string;
  n: number;
}

export interface ReportReminderTable {
  data_set: string;
  period: string;
  kind: string;
  unit_code: string;
  messages: number;
  sent_at: string;
}

/** 035-docstore: an official's mark that an attached paper was checked (digitised). */
export interface DocstoreCheckTable {
  file_id: string;
  dossier_id: string;
  unit_code: string;
  checked_by: string;
  checked_by_name: string;
  checked_at: string;
}

/** 035-docstore: a citizen's consent (one-time code) to the counter using their stored papers. */
export interface DocstoreConsentTable {
  id: string;
  citizen_id: string;
  citizen_phone: string;
  unit_code: string;
  staff_id: string;
  staff_name: string;
  dossier_id: string;
  method: string;
  granted_at: string;
  expires_at: string;
}

/** 035-docstore: a stored paper reused in a new dossier. */
export interface DocstoreUseTable {
  id: string;
  paper_id: string;
  citizen_id: string;
  dossier_id: string;
  component: string;
  consent_id: string | null;
  used_by: string;
  used_at: string;
}

/** 035-docstore: a back-scanned register entry. */
export interface ArchiveRecordTable {
  id: string;
  unit_code: string;
  batch_id: string;
  register: string;
  number: string;
  record_date: string;
  names: string;
  note: string;
  search_text: string;
  citizen_id: string | null;
  status: string;
  ocr_status: string;
  ocr_started_at: string | null;
  ocr_error: string;
  ocr_text: string;
  ocr_fields: string;
  created_by: string;
  created_at: string;
  confirmed_by: string | null;
  confirmed_at: string | null;
  updated_at: string;
}

export interface ArchivePageTable {
  id: string;
  record_id: string;
  seq: number;
  sha256: string;
  name: string;
  mime: string;
  size: number;
  created_at: string;
  /** 044: the page of a multi-page PDF (a register book) this record is, and the book's page count; null for an image. */
  pdf_page: number | null;
  pdf_pages: number | null;
  /** 044: the page's picture (JPEG) made when it was rasterised for OCR. */
  preview_sha256: string | null;
  preview_size: number | null;
}

/** 034: PDFs the unit signed (issue 14), what the public verification page shows. */
export interface SignedDocumentTable {
  id: string;
  unit_code: string;
  unit_name: string;
  title: string;
  holder_initials: string;
  citizen_id: string | null;
  holder_phone: string | null;
  dossier_id: string | null;
  dossier_code: string | null;
  signer_name: string;
  cert_subject: string;
  cert_serial: string;
  cert_sha256: string;
  file_sha256: string;
  file_name: string;
  size: number;
  signed_at: string;
}

/** 033: a dose of the unit's reading of the expanded immunisation schedule (TCMR). */
export interface VaccinationScheduleTable {
  unit_code: string;
  dose_key: string;
  vaccine: string;
  dose: string;
  months: number;
  days: number;
  note: string;
  sort: number;
  updated_by: string;
  updated_at: string;
}

/** 033: the health station of a unit and its reminder lead time. */
export interface VaccinationSettingsTable {
  unit_code: string;
  reminder_days: number;
  station_name: string;
  station_address: string;
  station_hours: string;
  checked_by: string | null;
  checked_at: string | null;
  updated_at: string;
}

/** 033: a child enrolled for vaccination reminders (personal data blanked when they end). */
export interface VaccinationEnrolmentTable {
  id: string;
  unit_code: string;
  child_name: string;
  birth_date: string;
  phone: string;
  village: string;
  zalo: number;
  status: string;
  phone_status: string;
  source: string;
  dossier_code: string | null;
  end_date: string;
  consent_at: string;
  consent_version: string;
  end_reason: string | null;
  ended_at: string | null;
  created_at: string;
  updated_at: string;
}

/** 033: a dose marked as given. */
export interface VaccinationDoseTable {
  enrolment_id: string;
  dose_key: string;
  given_on: string;
  marked_by: string;
  marked_at: string;
}

/** 033: a reminder queued for a child's doses of one day. */
export interface VaccinationReminderTable {
  enrolment_id: string;
  due_date: string;
  dose_keys: string;
  outbox_key: string;
  status: string;
  created_at: string;
}

/** 041: chat submissions under way or done (web widget, Zalo), and the procedures offered in the chat. */
export interface ChatformSessionTable {
  id: string;
  channel: string;
  external_id: string;
  unit_code: string;
  procedure_code: string;
  status: string;
  step: string;
  state: string;
  draft_id: string | null;
  dossier_code: string | null;
  transcript: string;
  created_at: string;
  updated_at: string;
}

export interface ChatformProcedureTable {
  unit_code: string;
  procedure_code: string;
  enabled: number;
  updated_by: string;
  updated_at: string;
}

export interface DB {
  job_runs: JobRunTable;
  signed_documents: SignedDocumentTable;
  units: UnitTable;
  procedures: ProcedureTable;
  unit_procedures: UnitProcedureTable;
  meta: MetaTable;
  import_runs: ImportRunTable;
  citizens: CitizenTable;
  staff: StaffTable;
  sessions: SessionTable;
  login_throttle: LoginThrottleTable;
  rate_limits: RateLimitTable;
  otp_codes: OtpTable;
  outbox: OutboxTable;
  notification_templates: NotificationTemplateTable;
  notification_prefs: NotificationPrefsTable;
  oauth_tokens: OauthTokenTable;
  dossier_fees: DossierFeeTable;
  payments: PaymentTable;
  receipt_counters: ReceiptCounterTable;
  bank_imports: BankImportTable;
  bank_lines: BankLineTable;
  dossier_counters: DossierCounterTable;
  unit_calendars: UnitCalendarTable;
  offices: OfficeTable;
  office_mappings: OfficeMappingTable;
  office_versions: OfficeVersionTable;
  calendar_national_days: CalendarNationalDayTable;
  home_visits: HomeVisitTable;
  dossiers: DossierTable;
  dossier_files: DossierFileTable;
  dossier_history: DossierHistoryTable;
  processes: ProcessTable;
  dossier_apologies: DossierApologyTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  catalog_changes: CatalogChangeTable;
  catalog_versions: CatalogVersionTable;
  catalog_publications: CatalogPublicationTable;
  oidc_logins: OidcLoginTable;
  assistant_conversations: AssistantConversationTable;
  assistant_messages: AssistantMessageTable;
  assistant_handoffs: AssistantHandoffTable;
  assistant_faqs: AssistantFaqTable;
  assistant_synonyms: AssistantSynonymTable;
  assistant_zalo_events: AssistantZaloEventTable;
  assistant_zalo_tokens: AssistantZaloTokenTable;
  assistant_meta: AssistantMetaTable;
  rating_versions: RatingVersionTable;
  appointment_sessions: AppointmentSessionTable;
  appointment_slots: AppointmentSlotTable;
  appointments: AppointmentTable;
  indicator_dossier_facts: IndicatorDossierFactTable;
  indicator_sync: IndicatorSyncTable;
  indicator_period_counts: IndicatorPeriodCountTable;
  indicator_dossier_states: IndicatorDossierStateTable;
  indicator_dossier_clock: IndicatorDossierClockTable;
  rating_followups: RatingFollowupTable;
  staff_targets: StaffTargetTable;
  scoring_tables: ScoringTableTable;
  scoring_criteria: ScoringCriterionTable;
  scoring_entries: ScoringEntryTable;
  scoring_evidence: ScoringEvidenceTable;
  queue_settings: QueueSettingsTable;
  queue_services: QueueServiceTable;
  queue_counters: QueueCounterTable;
  queue_numbers: QueueNumberTable;
  queue_tickets: QueueTicketTable;
  linked_groups: LinkedGroupTable;
  linked_partners: LinkedPartnerTable;
  linked_submissions: LinkedSubmissionTable;
  linked_members: LinkedMemberTable;
  linked_counters: LinkedCounterTable;
  report_data_sets: ReportDataSetTable;
  report_category_combos: ReportCategoryComboTable;
  report_category_option_combos: ReportCategoryOptionComboTable;
  report_data_elements: ReportDataElementTable;
  report_assignments: ReportAssignmentTable;
  report_places: ReportPlaceTable;
  report_values: ReportValueTable;
  report_value_audit: ReportValueAuditTable;
  report_completions: ReportCompletionTable;
  report_rollups: ReportRollupTable;
  report_register_entries: ReportRegisterEntryTable;
  report_reminders: ReportReminderTable;
  docstore_checks: DocstoreCheckTable;
  docstore_consents: DocstoreConsentTable;
  docstore_uses: DocstoreUseTable;
  archive_records: ArchiveRecordTable;
  archive_pages: ArchivePageTable;
  report_reported: ReportReportedTable;
  vaccination_schedule: VaccinationScheduleTable;
  vaccination_settings: VaccinationSettingsTable;
  vaccination_enrolments: VaccinationEnrolmentTable;
  vaccination_doses: VaccinationDoseTable;
  vaccination_reminders: VaccinationReminderTable;
  chatform_sessions: ChatformSessionTable;
  chatform_procedures: ChatformProcedureTable;
}
