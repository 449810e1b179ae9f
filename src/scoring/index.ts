export { ScoringService, autoPoints, rankByTotal, type ScoringDeps, type TableInput } from './scoring.service';
export * from './scoring.types';
export { seedScoringDemo } from './scoring.demo';
