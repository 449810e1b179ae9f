/** The rating module's public surface (issue 11: satisfaction ratings). */
export { RatingService, ratingFacts, dissatisfiedQuery, followUpCounts, followUpFacts, type FollowUpFact, parseRatingInput, type RatedDossier, type RatingDeps, type RatingInput, type RatingStaff } from './rating.service';
export {
  RATING_LEVELS,
  RATING_REASONS,
  RATING_SOURCES,
  LEVEL_LABEL,
  REASON_LABEL,
  SOURCE_LABEL,
  CHANGE_WINDOW_DAYS,
  ANSWER_WORKING_DAYS,
  type FollowUp,
  type FollowUpCounts,
  type FollowUpState,
  type Rating,
  type RatingFact,
  type RatingLevel,
  type RatingReason,
  type RatingSource,
} from './rating.types';
