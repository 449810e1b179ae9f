/**
 * Report consolidation (issue 12), the module's public surface. `rep` owns the model, entering and
 * the DHIS2 exchange; the supervisor's pages (summary, completeness, reminders, charts, Excel, the
 * data set editor) are built on `ReportService` alone.
 *
 * Tables (migration 026): report_data_sets, report_data_elements, report_category_combos,
 * report_category_option_combos, report_assignments, report_places, report_values (place_id ''
 * for the unit's own row, coc '' when not disaggregated), report_value_audit, report_completions,
 * report_rollups (unit_code = the entering unit itself AND every unit above it: the summary of a
 * unit is `rollups({unitCodes: [unit]})`, its children's rows `rollups({unitCodes: children})`),
 * report_register_entries.
 */
export { ReportService, type ReportDeps, type ReportKey, type ReportUnits } from './report.service';
export {
  addDays,
  currentPeriod,
  isoWeekOf,
  isoWeeksInYear,
  nextPeriod,
  parsePeriod,
  periodDeadline,
  periodLabel,
  periodOfDay,
  periodRange,
  previousPeriod,
  recentPeriods,
  vnDay,
  vnInstant,
  type EventContext,
  type Period,
} from './report.period';
export { parseExpression, parseRuleText, runRules, type RuleFailure } from './report.rules';
export { checkValue } from './report.values';
export { BUILTIN_COMBOS, PROVINCES, ageGroup } from './report.categories';
export * from './report.types';
export { DEMO_DATA_SETS, INDICATOR_PREFILL, seedReportDemo } from './report.demo';
