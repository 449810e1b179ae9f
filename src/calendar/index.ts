/**
 * The working-day calendar: which days a one-stop office works, and when a dossier is due.
 * Pure functions over a `UnitCalendar`; all calendar reasoning is in Vietnam time (UTC+7).
 */
export {
  DEFAULT_CIVIL_STATUS_CUTOFF,
  DEFAULT_HOURS,
  DEFAULT_UNIT_CALENDAR,
  datedNameSchema,
  holidayCalendarSchema,
  holidayYearSchema,
  parseHolidayCalendar,
  parseUnitCalendar,
  unitCalendarSchema,
  type CalendarDays,
  type DatedName,
  type DueOptions,
  type Holiday,
  type HolidayCalendar,
  type HolidayKind,
  type HolidayYear,
  type IsoDate,
  type UnitCalendar,
  type UnitCalendarInput,
} from './calendar.types';
export { holidaysOf, lunarNewYear, lunarToSolar } from './holidays';
export {
  WORKING_DAY_MS,
  addWorkingDays,
  addWorkingMillis,
  computeDueAt,
  extendDueAt,
  isWorkingDay,
  moveDueAt,
  nextWorkingDay,
  receptionOf,
  saturdaySessions,
  workingDayLength,
  workingMillisBetween,
  workingMillisFrom,
  workingSessions,
  type Reception,
} from './working-days';
export { vnDateOf } from './vn-time';
export {
  CalendarService,
  calendarsOf,
  exceptionsIn,
  openingHours,
  openingHoursIn,
  parseNationalFile,
  saturdayLine,
  unitCalendar,
  type CalendarExceptions,
  type NationalYearFile,
  type OpeningSession,
} from './calendar.service';
export { seedCalendarDemo, shippedScheduleFiles, CALENDAR_DATA_DIR, DEMO_SATURDAY } from './calendar.demo';
export { calendarRoutes } from './calendar.routes';
export { calendarPages, movedDossiers, settingsOfForm, type CalendarDossiers } from './calendar.pages';
