export { PerformanceService, median, AT_RISK_MS, type PerformanceDeps, type WeeklyReview, type ReviewDossier } from './performance.service';
export { parseWorkPeriod, weekOfDay, monthOfDay, type WorkPeriod } from './performance.period';
export * from './performance.types';
