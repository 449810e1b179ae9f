// The dashboards' public surface (issue 11): staff dashboards, exports, the public results page.
export { DashboardService, type DashboardDeps, type Overview } from './dashboard.service';
export { dashboardRoutes } from './dashboard.routes';
export { pct, num, periodText, type DataTable } from './dashboard.tables';
