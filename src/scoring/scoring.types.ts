/** Monthly scoring of units by their supervisor (issue 11, the Bắc Từ Liêm model). */

export const CRITERION_KINDS = ['auto', 'manual'] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];
export const KIND_TEXT: Record<CriterionKind, string> = { auto: 'Tự động (theo chỉ số)', manual: 'Chấm thủ công' };

export type TableStatus = 'open' | 'finalised' | 'superseded';
export const STATUS_TEXT: Record<TableStatus, string> = { open: 'Đang chấm', finalised: 'Đã chốt', superseded: 'Đã thay bằng bản đính chính' };

export interface Criterion {
  id: string;
  sort: number;
  name: string;
  maxPoints: number;
  kind: CriterionKind;
  /** For 'auto': the indicator it is bound to (src/indicator INDICATOR_KEYS). */
  indicatorKey: string | null;
  /** For 'auto': full points at or above this rate (0–1); below it, points × rate ÷ threshold. */
  threshold: number | null;
  guidance: string;
}

export interface ScoringTable {
  id: string;
  parentCode: string;
  month: string;
  version: number;
  status: TableStatus;
  title: string;
  reason: string;
  demo: boolean;
  createdBy: string;
  createdAt: string;
  finalisedBy: string | null;
  finalisedAt: string | null;
}

export interface Entry {
  criterionId: string;
  unitCode: string;
  selfPoints: number | null;
  selfNote: string;
  selfAt: string | null;
  adjustedPoints: number | null;
  adjustReason: string;
  adjustedAt: string | null;
  rate: number | null;
  points: number | null;
}

export interface Evidence {
  id: string;
  criterionId: string;
  unitCode: string;
  sha256: string;
  name: string;
  mime: string;
  size: number;
  createdAt: string;
}

/** One unit's line of a table: the points of each criterion and the total. */
export interface UnitScore {
  unitCode: string;
  unitName: string;
  cells: Array<{ criterionId: string; points: number; rate: number | null; self: number | null; adjusted: number | null; reason: string; note: string; evidence: Evidence[] }>;
  total: number;
  position: number;
}

export interface TableView {
  table: ScoringTable;
  criteria: Criterion[];
  units: UnitScore[];
  maxTotal: number;
  /** Earlier versions of the same month (history), newest first. */
  versions: ScoringTable[];
}

export interface RankingRow {
  unitCode: string;
  unitName: string;
  total: number;
  position: number;
  /** Months counted (year to date). */
  months?: number;
}
