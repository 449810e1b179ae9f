import type { StepKind } from '../workflow';

/** Rating levels as the ratings module stores them (src/rating, contract in COMMON.md). */
export type RatingLevel = 'very_satisfied' | 'satisfied' | 'dissatisfied';
export const RATING_TEXT: Record<RatingLevel, string> = { very_satisfied: 'Rất hài lòng', satisfied: 'Hài lòng', dissatisfied: 'Không hài lòng' };

/** A rating in force, as the ratings module gives it. */
export interface RatingFact {
  dossierId: string;
  unitCode: string;
  level: RatingLevel;
  reasons: string[];
  ratedAt: string;
  code?: string;
}

/** Reads ratings given in [from, to) to the units' dossiers (the ratings module, wired in app.ts). */
export type RatingReader = (q: { unitCodes: string[]; from: string; to: string }) => Promise<RatingFact[]>;

/** The rate (0–1) of one indicator of a unit over a period, or null when there is nothing to count (the indicators module, wired in app.ts). */
export type IndicatorRateReader = (unitCode: string, period: { key: string; from: string; to: string }, indicatorKey: string) => Promise<number | null>;

export interface StepPerformance {
  kind: StepKind;
  label: string;
  /** Steps the official finished (one dossier may pass a step twice after a send-back). */
  done: number;
  onTime: number;
  late: number;
  /** Median working time used (ms), null when none done. */
  medianMs: number | null;
}

export interface OfficialPerformance {
  staff: { id: string; username: string; fullName: string; role: string; unitCode: string; fields: string[] };
  period: { key: string; from: string; to: string; label: string };
  steps: StepPerformance[];
  /** Distinct dossiers on which the official finished at least one step. */
  dossiers: number;
  stepsDone: number;
  onTime: number;
  late: number;
  /** onTime ÷ stepsDone, null when no step was done. */
  onTimeRate: number | null;
  supplementRequests: number;
  ratings: Record<RatingLevel, number> & { total: number };
  /** Dissatisfied ratings of dossiers the official handled (code, when, reasons). */
  dissatisfied: Array<{ code: string; ratedAt: string; reasons: string[] }>;
  /** Open dossiers waiting for this official whose step is past its planned end. */
  overdueNow: number;
  /** Distinct dossiers the official finished a step of late. */
  lateDossiers: number;
}

export const TARGET_METRICS = ['overdue', 'on_time_rate', 'handled', 'dissatisfied', 'supplement_requests', 'online_rate', 'digitisation_rate'] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

export const METRIC_INFO: Record<TargetMetric, { label: string; unit: 'count' | 'percent'; op: '<=' | '>='; unitLevel: boolean }> = {
  overdue: { label: 'Số hồ sơ quá hạn', unit: 'count', op: '<=', unitLevel: false },
  on_time_rate: { label: 'Tỷ lệ bước xử lý đúng hạn', unit: 'percent', op: '>=', unitLevel: false },
  handled: { label: 'Số hồ sơ đã xử lý', unit: 'count', op: '>=', unitLevel: false },
  dissatisfied: { label: 'Số đánh giá không hài lòng', unit: 'count', op: '<=', unitLevel: false },
  supplement_requests: { label: 'Số lần yêu cầu bổ sung', unit: 'count', op: '<=', unitLevel: false },
  online_rate: { label: 'Tỷ lệ hồ sơ trực tuyến', unit: 'percent', op: '>=', unitLevel: true },
  digitisation_rate: { label: 'Tỷ lệ số hóa hồ sơ', unit: 'percent', op: '>=', unitLevel: true },
};

export interface Target {
  id: string;
  unitCode: string;
  staffId: string | null;
  field: string;
  metric: TargetMetric;
  op: '<=' | '>=';
  /** Counts as such; rates in percent (80 = 80%). */
  value: number;
  periodKey: string;
  periodFrom: string;
  periodTo: string;
  note: string;
  createdBy: string;
  createdAt: string;
}

export interface TargetProgress {
  target: Target;
  /** Who or what it is for, in words ("Trần Văn Minh", "Lĩnh vực Hộ tịch", "Toàn đơn vị"). */
  subject: string;
  /** The figure so far (percent for rates), null when it cannot be computed yet. */
  actual: number | null;
  met: boolean | null;
  /** "Đạt", "Chưa đạt", "Chưa có số liệu". */
  text: string;
}
