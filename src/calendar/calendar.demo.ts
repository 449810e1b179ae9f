import fs from 'node:fs';
import path from 'node:path';
import type { CalendarService } from './calendar.service';

/** The national schedules shipped with motcua (one JSON file per year, `data/<year>.json`). */
export const CALENDAR_DATA_DIR = path.join(import.meta.dirname, 'data');

export function shippedScheduleFiles(): string[] {
  return fs
    .readdirSync(CALENDAR_DATA_DIR)
    .filter((f) => /^\d{4}\.json$/.test(f))
    .sort()
    .map((f) => path.join(CALENDAR_DATA_DIR, f));
}

/** The demo ward's Saturday desk (issue 13: "a commune opened all day on Saturday"). */
export const DEMO_SATURDAY = { unitCode: '00004', session: 'all' as const, services: ['hộ tịch', 'chứng thực', 'cư trú'] };

/** Demo: the shipped national schedules, and an all-day Saturday desk at the demo ward. */
export async function seedCalendarDemo(calendars: CalendarService): Promise<void> {
  for (const file of shippedScheduleFiles()) await calendars.importNational(fs.readFileSync(file, 'utf8'), 'demo');
  const own = await calendars.unitSettings(DEMO_SATURDAY.unitCode);
  await calendars.setUnitSettings(DEMO_SATURDAY.unitCode, { ...own, saturday: { session: DEMO_SATURDAY.session, services: DEMO_SATURDAY.services } });
}
