/**
 * The indicators of Decision 766/QĐ-TTg (2022): six groups, 100 points. Each group here holds the
 * sub-indicators motcua can measure from its own history; how each is counted, and what we chose
 * where the decision leaves room, is written beside its definition and in README ("Chỉ số").
 */
export const GROUP_KEYS = ['transparency', 'progress', 'online', 'payment', 'digitisation', 'satisfaction'] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];

// New keys go at the end: counts are kept in this order (indicator_period_counts, countStates).
export const INDICATOR_KEYS = ['appointment_published_rate', 'on_time_rate', 'online_rate', 'online_payment_rate', 'digitisation_rate', 'satisfaction_rate', 'catalogue_complete_rate', 'feedback_on_time_rate'] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

export const PARTS = ['numerator', 'denominator'] as const;
export type Part = (typeof PARTS)[number];

/** What an indicator counts: dossiers (judged from their history), procedures of the catalogue, citizens' feedback. */
export type Counted = 'dossiers' | 'procedures' | 'followups';

/** The word after a count, per what is counted ("12/15 thủ tục"). */
export const COUNTED_WORD: Record<Counted, string> = { dossiers: 'hồ sơ', procedures: 'thủ tục', followups: 'phản ánh' };

export interface IndicatorDef {
  key: IndicatorKey;
  name: string;
  /** Dossiers unless said otherwise. */
  counted?: Counted;
  /** What the numerator and the denominator count, in words (shown under the figure). */
  numeratorText: string;
  denominatorText: string;
  max: number;
  /** At or above this rate the indicator earns all its points; below, rate × max ÷ threshold. */
  threshold: number;
}

export interface GroupDef {
  key: GroupKey;
  name: string;
  max: number;
  indicators: IndicatorDef[];
}

export const GROUPS: GroupDef[] = [
  {
    key: 'transparency',
    name: 'Công khai, minh bạch',
    max: 18,
    // Decision 766: publishing the procedures, the progress of each dossier, and answering the
    // citizens' feedback — 6 points each (README, "Chỉ số": what motcua measures of each).
    indicators: [
      {
        key: 'catalogue_complete_rate',
        name: 'Thủ tục hành chính được công khai đầy đủ thông tin (thành phần hồ sơ, thời hạn, phí, lệ phí, mẫu đơn)',
        counted: 'procedures',
        numeratorText: 'Thủ tục trong danh mục của đơn vị có đủ thông tin (cuối kỳ)',
        denominatorText: 'Thủ tục trong danh mục của đơn vị (cuối kỳ)',
        max: 6,
        threshold: 1,
      },
      {
        key: 'appointment_published_rate',
        name: 'Hồ sơ được công khai mã tra cứu và ngày hẹn trả khi tiếp nhận',
        numeratorText: 'Hồ sơ tiếp nhận trong kỳ có ngày hẹn trả kết quả',
        denominatorText: 'Hồ sơ tiếp nhận trong kỳ',
        max: 6,
        threshold: 1,
      },
      {
        key: 'feedback_on_time_rate',
        name: 'Phản ánh, kiến nghị của người dân được trả lời đúng hạn',
        counted: 'followups',
        numeratorText: 'Phản ánh đã trả lời đúng hạn hoặc còn trong hạn trả lời',
        denominatorText: 'Phản ánh (đánh giá "Không hài lòng") nhận trong kỳ',
        max: 6,
        threshold: 1,
      },
    ],
  },
  {
    key: 'progress',
    name: 'Tiến độ giải quyết',
    max: 20,
    indicators: [
      {
        key: 'on_time_rate',
        name: 'Hồ sơ giải quyết trước và đúng hạn (kể cả đang giải quyết còn hạn)',
        numeratorText: 'Hồ sơ đã giải quyết đúng hạn hoặc đang giải quyết còn hạn',
        denominatorText: 'Hồ sơ phải giải quyết trong kỳ (tiếp nhận trong kỳ hoặc kỳ trước chuyển sang)',
        max: 20,
        threshold: 1,
      },
    ],
  },
  {
    key: 'online',
    name: 'Dịch vụ trực tuyến',
    max: 12,
    indicators: [
      {
        key: 'online_rate',
        name: 'Hồ sơ tiếp nhận trực tuyến',
        numeratorText: 'Hồ sơ nộp trực tuyến được tiếp nhận trong kỳ',
        denominatorText: 'Hồ sơ tiếp nhận trong kỳ (trực tuyến, trực tiếp, bưu chính)',
        max: 12,
        threshold: 0.5,
      },
    ],
  },
  {
    key: 'payment',
    name: 'Thanh toán trực tuyến',
    max: 10,
    indicators: [
      {
        key: 'online_payment_rate',
        name: 'Hồ sơ thanh toán phí, lệ phí trực tuyến',
        numeratorText: 'Hồ sơ có phí đã thanh toán trực tuyến',
        denominatorText: 'Hồ sơ tiếp nhận trong kỳ phải nộp phí, lệ phí (trừ hồ sơ miễn phí)',
        max: 10,
        threshold: 1,
      },
    ],
  },
  {
    key: 'digitisation',
    name: 'Số hóa hồ sơ',
    max: 22,
    indicators: [
      {
        key: 'digitisation_rate',
        name: 'Hồ sơ được số hóa thành phần và cấp kết quả điện tử',
        numeratorText: 'Hồ sơ có thành phần số hóa và kết quả điện tử (tệp kết quả đã ký)',
        denominatorText: 'Hồ sơ có kết quả giải quyết trong kỳ',
        max: 22,
        threshold: 0.8,
      },
    ],
  },
  {
    key: 'satisfaction',
    name: 'Mức độ hài lòng',
    max: 18,
    indicators: [
      {
        key: 'satisfaction_rate',
        name: 'Mức độ hài lòng (100% − tỷ lệ trễ hạn − tỷ lệ không hài lòng)',
        numeratorText: 'Hồ sơ không trễ hạn và không bị đánh giá "Không hài lòng"',
        denominatorText: 'Hồ sơ phải giải quyết trong kỳ',
        max: 18,
        threshold: 1,
      },
    ],
  },
];

export const INDICATORS: Record<IndicatorKey, IndicatorDef & { group: GroupKey }> = Object.fromEntries(
  GROUPS.flatMap((g) => g.indicators.map((i) => [i.key, { ...i, group: g.key }])),
) as Record<IndicatorKey, IndicatorDef & { group: GroupKey }>;

export interface IndicatorFigure {
  key: IndicatorKey;
  name: string;
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator (4 decimals); null when there is nothing to count. */
  rate: number | null;
  threshold: number;
  score: number;
  max: number;
}

export interface GroupFigure {
  key: GroupKey;
  name: string;
  max: number;
  score: number;
  indicators: IndicatorFigure[];
}

export interface Rank {
  /** 1 = best; units with the same total share a position; null: no dossier in the period, not ranked. */
  position: number | null;
  /** How many units are ranked together (the children of `parent` that had dossiers in the period). */
  of: number;
  /** The unit whose children are ranked; null for a unit without a parent (ranked alone). */
  parent: string | null;
}

export interface IndicatorReport {
  unit: string;
  unitName: string;
  period: string;
  from: string;
  to: string;
  /** The instant the history was read up to: the period's end, or now for the current period. */
  asOf: string;
  total: number;
  max: 100;
  /** False when the unit had no dossier at all in the period: its points say nothing ("chưa có hồ sơ"). */
  hasDossiers: boolean;
  groups: GroupFigure[];
  rank: Rank;
}

export interface RankingItem {
  unit: string;
  name: string;
  total: number;
  /** Null for a unit with no dossier in the period (listed last, not ranked). */
  position: number | null;
  hasDossiers: boolean;
  groups: Record<GroupKey, number>;
}

export interface Ranking {
  parent: string;
  parentName: string;
  period: string;
  from: string;
  to: string;
  asOf: string;
  items: RankingItem[];
}

/** One row of a drill-down list: a dossier behind a number. No personal data. */
export interface IndicatorDossier {
  code: string;
  unit: string;
  procedureCode: string;
  channel: string;
  receivedAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  /** late | on_time | null (not judged by this indicator). */
  timeliness: 'on_time' | 'late' | null;
  supplementRequests: number;
}

export interface DossierList {
  unit: string;
  period: string;
  indicator: IndicatorKey;
  part: Part;
  items: IndicatorDossier[];
  total: number;
  page: number;
  pageSize: number;
}


/** One row of the list behind a number that does not count dossiers: a procedure of the catalogue, or a citizen's feedback. */
export interface IndicatorRecord {
  kind: 'procedure' | 'followup';
  unit: string;
  procedureCode: string | null;
  dossierCode: string | null;
  /** A procedure: when its published state began; a feedback: when it was received. */
  at: string;
  /** A feedback's deadline for an answer, and when it was answered (null: not by the period's end). */
  dueAt: string | null;
  answeredAt: string | null;
  /** A procedure's missing information ('time' | 'fee' | 'papers' | 'forms'); empty when complete. */
  gaps: string[];
  timeliness: 'on_time' | 'late' | null;
}

export interface RecordList {
  unit: string;
  period: string;
  indicator: IndicatorKey;
  part: Part;
  items: IndicatorRecord[];
  total: number;
  page: number;
  pageSize: number;
}
