import { seedCalendarDemo } from './calendar';
import type { Config } from './config';
import { DEMO_PASSWORD, seedDemo, writeDemoHistory, type DemoHistoryResult } from './demo';
import { seedOfficeDemo } from './office';
import { seedReportDemo } from './report/report.demo';
import { seedScoringDemo } from './scoring';
import type { travelClock } from './shared/clock';
import { seedVaccinationDemo } from './vaccination/vaccination.demo';
import type { Services } from './app.types';

/**
 * In demo mode an empty database gets the demo units, catalogue and accounts, and (with
 * `history`) a year of demo dossiers written through the services with the clock set to the past
 * (demo/demo.history.ts); the clock runs again before this returns.
 */
export async function seedIfEmpty(s: Services, history?: { clock: ReturnType<typeof travelClock>; config: Config }): Promise<false | { history?: DemoHistoryResult }> {
  if ((await s.units.list()).length > 0) return false;
  await seedDemo(s.units, s.catalog, s.accounts);
  await seedCalendarDemo(s.calendars);
  // The linked groups LT-KS and LT-KT of the demo ward, with their partners (the police's inbox: congan / demo).
  await s.linked.seedDemo(DEMO_PASSWORD);
  await seedVaccinationDemo(s.vaccination);
  await seedOfficeDemo(s.offices, async (code) => !!(await s.units.find(code)));
  if (!history || !history.config.demo) {
    await seedReportDemo(s.reports, s.clock.now());
    return {};
  }
  const vnpay = history.config.payments.vnpay;
  const until = history.clock.now();
  try {
    const written = await writeDemoHistory({ ...s, vnpay: vnpay?.fake ? vnpay : undefined }, history.clock, { until });
    // The city's monthly scoring of its wards over the last months of that history.
    await seedScoringDemo(s, until);
    history.clock.resume();
    // The reports' week of data, and last month's report pre-filled from that history.
    await seedReportDemo(s.reports, s.clock.now());
    return { history: written };
  } finally {
    history.clock.resume();
  }
}
