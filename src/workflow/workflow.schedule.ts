import { addWorkingMillis, workingMillisBetween, type UnitCalendar } from '../calendar';
import type { ProcessStep } from './workflow.types';

/**
 * The planned end of every step, fixed when the dossier is received: step i ends when the
 * cumulative share of the steps up to it has elapsed of the working time between the reception
 * and the appointment; the last step ends at the appointment itself. Working time is counted in
 * the unit's sessions, so a share of a 3-day procedure is a share of its 3 × 7.5 working hours.
 */
export function planSchedule(steps: ProcessStep[], start: Date, dueAt: Date, cal: UnitCalendar): Array<{ no: number; dueAt: string }> {
  const total = Math.max(0, workingMillisBetween(start, dueAt, cal));
  let cum = 0;
  return steps.map((s, i) => {
    cum += s.share;
    if (i === steps.length - 1 || total === 0) return { no: i, dueAt: dueAt.toISOString() };
    return { no: i, dueAt: addWorkingMillis(start, Math.round(Math.min(1, cum) * total), cal).toISOString() };
  });
}

/** Every planned end not yet reached moved later by the working time the clock was stopped. */
export function shiftSchedule(schedule: Array<{ no: number; dueAt: string }>, fromStep: number, pausedMs: number, cal: UnitCalendar): Array<{ no: number; dueAt: string }> {
  if (pausedMs <= 0) return schedule;
  return schedule.map((s) => (s.no >= fromStep ? { no: s.no, dueAt: addWorkingMillis(new Date(s.dueAt), pausedMs, cal).toISOString() } : s));
}

/**
 * How a hand-over compares with the plan (the control sheet's "trước hạn / đúng hạn / quá hạn"):
 * ahead when done before the planned end of the step's day, on time on that day, late after.
 */
export function timeliness(doneAt: Date, plannedEnd: Date): 'ahead' | 'on_time' | 'late' {
  if (doneAt.getTime() > plannedEnd.getTime()) return 'late';
  const day = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  return day(doneAt) < day(plannedEnd) ? 'ahead' : 'on_time';
}

export const TIMELINESS_LABEL = { ahead: 'Trước hạn', on_time: 'Đúng hạn', late: 'Quá hạn' } as const;
