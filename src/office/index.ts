/**
 * A unit's offices (issue 15): where a citizen goes for a procedure — name, address, phone, hours
 * per weekday including Saturday — and which office receives which procedure (by implementing
 * agency, automatic by default, or per procedure).
 */
export { OfficeService, factOf, openingOn, type AgencyRow, type DayOpening, type OfficeActor, type OfficeDeps, type OfficeFact, type OfficePlace } from './office.service';
export { agencyKey, defaultKindOf, resolveOffice, type MatchSource } from './office.match';
export { hoursText, OFFICE_KIND_LABEL, OFFICE_KINDS, parseOfficeInput, type Office, type OfficeInput, type OfficeKind, type WeekHours } from './office.types';
export { DEMO_OFFICES, seedOfficeDemo } from './office.demo';
export { officeRoutes } from './office.routes';
export { officeAdminRoutes } from './office.admin-routes';
export { officePageParts } from './office.views';
