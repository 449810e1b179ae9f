/**
 * Report consolidation (issue 12): DHIS2's aggregate data model in our words. A data set (the
 * report) lists data elements in sections; an element may be disaggregated by a category
 * combination whose option combos carry codes; units assigned to the data set enter values per
 * period (and per place when the report's rows are places).
 */

export const PERIOD_TYPES = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'event'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];
export const PERIOD_TYPE_LABEL: Record<PeriodType, string> = {
  daily: 'Hằng ngày',
  weekly: 'Hằng tuần',
  monthly: 'Hằng tháng',
  quarterly: 'Hằng quý',
  yearly: 'Hằng năm',
  event: 'Theo sự kiện (các giai đoạn)',
};

/** DHIS2's value types, the ones our reports use. */
export const VALUE_TYPES = ['INTEGER_ZERO_OR_POSITIVE', 'NUMBER', 'PERCENTAGE', 'TEXT', 'BOOLEAN', 'DATE'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];
export const VALUE_TYPE_LABEL: Record<ValueType, string> = {
  INTEGER_ZERO_OR_POSITIVE: 'Số nguyên không âm',
  NUMBER: 'Số',
  PERCENTAGE: 'Tỷ lệ phần trăm',
  TEXT: 'Văn bản',
  BOOLEAN: 'Có/Không',
  DATE: 'Ngày',
};
/** Types whose values are summed in the rollups (yes/no counts the "yes"). */
export const NUMERIC_TYPES: ReadonlySet<string> = new Set(['INTEGER_ZERO_OR_POSITIVE', 'NUMBER', 'PERCENTAGE', 'BOOLEAN']);

export interface CategoryOptionCombo {
  code: string;
  name: string;
}
export interface CategoryCombo {
  code: string;
  name: string;
  options: CategoryOptionCombo[];
}

export interface DataElement {
  code: string;
  name: string;
  description: string;
  valueType: ValueType;
  section: string;
  /** '' when not disaggregated. */
  categoryCombo: string;
}

/** One phase of an event data set: a day relative to the event and the time its report is due. */
export interface EventPhase {
  code: string;
  name: string;
  /** Days from the event day (−1 the day before, 0 the day itself, 1 the day after). */
  offsetDays: number;
  /** HH:MM (Asia/Ho_Chi_Minh) on the phase's day. */
  deadlineTime: string;
}

export interface DeadlineRule {
  /** Days after the period's last day (0: the same day). Not used by event data sets. */
  daysAfter: number;
  /** HH:MM (Asia/Ho_Chi_Minh). */
  time: string;
}

export const RULE_OPERATORS = ['<=', '<', '>=', '>', '==', '!='] as const;
export type RuleOperator = (typeof RULE_OPERATORS)[number];

/** A validation rule `left operator right`, both sides expressions over element codes. */
export interface ValidationRule {
  code: string;
  left: string;
  operator: RuleOperator;
  right: string;
  /** Shown when the rule fails (Vietnamese). */
  message: string;
}

export interface ReportAccess {
  /** Roles of an assigned unit's officials who enter values. */
  enter: string[];
  /** Roles who approve when the data set requires approval (the unit's leader). */
  approve: string[];
}

/**
 * A person-level register kept by the unit (names stay at the commune): the aggregates of the
 * data set are computed from it. `countElement` receives the number of people present on the
 * period's last day (disaggregated by home province, sex or nothing, following the element's
 * category combo); `longStayElement`, when set, the number of them present for at least
 * `longStayDays` days.
 */
export interface RegisterDef {
  kind: '' | 'quarantine' | 'workers';
  countElement?: string;
  longStayElement?: string;
  longStayDays?: number;
}

export interface DataSet {
  code: string;
  name: string;
  description: string;
  periodType: PeriodType;
  /** YYYY-MM-DD, for event data sets. */
  eventDate: string | null;
  eventPhases: EventPhase[];
  deadline: DeadlineRule;
  rules: ValidationRule[];
  sections: string[];
  access: ReportAccess;
  usesPlaces: boolean;
  register: RegisterDef;
  /** '' or 'indicators' (the monthly administrative-procedures report). */
  prefill: string;
  approvalRequired: boolean;
  closed: boolean;
  ownerUnit: string;
  dataElements: DataElement[];
  /** Unit codes assigned (any level). */
  units: string[];
  createdAt: string;
  updatedAt: string;
}

/** What `saveDataSet` takes (create or edit). */
export type DataSetInput = Omit<DataSet, 'createdAt' | 'updatedAt' | 'description' | 'eventDate' | 'eventPhases' | 'deadline' | 'rules' | 'sections' | 'access' | 'usesPlaces' | 'register' | 'prefill' | 'approvalRequired' | 'closed' | 'dataElements'> & {
  description?: string;
  eventDate?: string | null;
  eventPhases?: EventPhase[];
  deadline?: Partial<DeadlineRule>;
  rules?: ValidationRule[];
  sections?: string[];
  access?: Partial<ReportAccess>;
  usesPlaces?: boolean;
  register?: RegisterDef;
  prefill?: string;
  approvalRequired?: boolean;
  closed?: boolean;
  dataElements: Array<Omit<DataElement, 'description' | 'section' | 'categoryCombo'> & { description?: string; section?: string; categoryCombo?: string }>;
};

export interface Place {
  id: string;
  dataSet: string;
  unitCode: string;
  code: string;
  name: string;
  address: string;
  active: boolean;
}

/** One stored value. `placeId` '' for the unit's own row; `coc` '' when not disaggregated. */
export interface DataValue {
  dataSet: string;
  period: string;
  unitCode: string;
  placeId: string;
  dataElement: string;
  coc: string;
  value: string;
  comment: string;
  updatedBy: string;
  updatedAt: string;
}

/** A value to save: `value` '' (or null) deletes it. */
export interface ValueInput {
  placeId?: string;
  dataElement: string;
  coc?: string;
  value: string | null;
  comment?: string;
}

export interface Completion {
  dataSet: string;
  period: string;
  unitCode: string;
  completedAt: string | null;
  completedBy: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  reopenedAt: string | null;
  reopenedBy: string | null;
  reopenReason: string | null;
}

export interface ValueAudit {
  placeId: string;
  dataElement: string;
  coc: string;
  oldValue: string | null;
  newValue: string | null;
  source: string;
  by: string;
  at: string;
}

/** A rolled-up total: the unit's own values and its places', and those of every unit below it. */
export interface Rollup {
  dataElement: string;
  coc: string;
  unitCode: string;
  sum: number;
  count: number;
}

/** DHIS2's data value set (JSON), as exchanged by `/api/reports/dataValueSets`. */
export interface DataValueSetJson {
  dataSet: string;
  period: string;
  orgUnit: string;
  completeDate?: string;
  dataValues: Array<{ dataElement: string; categoryOptionCombo?: string; value: string; comment?: string; orgUnit?: string; period?: string; attributeOptionCombo?: string }>;
}

/** DHIS2's import summary. */
export interface ImportSummary {
  status: 'SUCCESS' | 'WARNING' | 'ERROR';
  description?: string;
  importCount: { imported: number; updated: number; ignored: number; deleted: number };
  conflicts: Array<{ object: string; value: string }>;
}

/** Who does something to a report: an official of a unit. */
export interface ReportActor {
  id: string;
  name: string;
  unitCode: string;
  role: string;
}

export interface CompletenessRow {
  unitCode: string;
  name: string;
  /** Any value entered. */
  reported: boolean;
  /** Marked complete (and approved when the data set requires it). */
  complete: boolean;
  completedAt: string | null;
  /** Complete by the deadline. */
  onTime: boolean;
}

/** `GET /api/reports/summary`'s answer (issue 12). */
export interface Summary {
  dataSet: string;
  period: string;
  orgUnit: string;
  values: Array<{ dataElement: string; categoryOptionCombo?: string; value: number }>;
  children: Array<{ orgUnit: string; name: string; complete: boolean; values: Array<{ dataElement: string; categoryOptionCombo?: string; value: number }> }>;
}
