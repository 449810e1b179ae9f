/** Satisfaction ratings (issue 11): levels, reasons, and what the module hands to others. */

export const RATING_LEVELS = ['very_satisfied', 'satisfied', 'dissatisfied'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];
export const LEVEL_LABEL: Record<RatingLevel, string> = {
  very_satisfied: 'Rất hài lòng',
  satisfied: 'Hài lòng',
  dissatisfied: 'Không hài lòng',
};

/** Stable codes of the reasons a citizen may tick (the words may change, the codes do not). */
export const RATING_REASONS = ['staff_attitude', 'time', 'guidance', 'fees', 'other'] as const;
export type RatingReason = (typeof RATING_REASONS)[number];
export const REASON_LABEL: Record<RatingReason, string> = {
  staff_attitude: 'Thái độ cán bộ',
  time: 'Thời gian giải quyết',
  guidance: 'Hướng dẫn',
  fees: 'Phí, lệ phí',
  other: 'Khác',
};

/** Where a rating was given. */
export const RATING_SOURCES = ['link', 'tracking', 'api', 'counter'] as const;
export type RatingSource = (typeof RATING_SOURCES)[number];
export const SOURCE_LABEL: Record<RatingSource, string> = {
  link: 'Liên kết trong tin nhắn',
  tracking: 'Trang theo dõi hồ sơ',
  api: 'Ứng dụng (API)',
  counter: 'Máy tính bảng tại quầy',
};

/** A rating may be changed for this many days after it was first given; history is kept. */
export const CHANGE_WINDOW_DAYS = 30;
export const COMMENT_MAX = 1000;
export const ANSWER_MAX = 2000;
/** A "Không hài lòng" is answered by the unit's leader within this many working days. */
export const ANSWER_WORKING_DAYS = 3;

/** One version of a rating (the newest one is the rating in force). */
export interface Rating {
  /** The dossier's id for a dossier's rating; its own id for a counter visit without a dossier. */
  ratingId: string;
  versionId: string;
  version: number;
  dossierId: string | null;
  dossierCode: string | null;
  unitCode: string;
  source: RatingSource;
  level: RatingLevel;
  reasons: RatingReason[];
  comment: string;
  ratedAt: string;
  firstRatedAt: string;
  /** After this instant the rating can no longer be changed. */
  changeableUntil: string;
}

export type FollowUpState = 'open' | 'overdue' | 'answered';

/** A "Không hài lòng" waiting for the unit's answer, or answered. */
export interface FollowUp {
  id: string;
  ratingId: string;
  dossierId: string | null;
  dossierCode: string | null;
  unitCode: string;
  openedAt: string;
  dueAt: string;
  answer: string | null;
  answeredAt: string | null;
  answeredBy: string | null;
  state: FollowUpState;
  /** Answered after the deadline. */
  late: boolean;
  /** The rating as it is now (the citizen may have changed it since). */
  rating?: Rating;
}

/** What the indicators read: the rating in force at an instant. */
export interface RatingFact {
  ratingId: string;
  dossierId: string | null;
  dossierCode: string | null;
  unitCode: string;
  level: RatingLevel;
  reasons: RatingReason[];
  source: RatingSource;
  /** When the version in force was given. */
  ratedAt: string;
  /** When the rating was first given (the period it belongs to). */
  firstRatedAt: string;
}

export interface FollowUpCounts {
  open: number;
  overdue: number;
  answered: number;
  answeredLate: number;
  total: number;
}
