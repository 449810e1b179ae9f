// The dashboards' public surface (issue 11): staff dashboards, exports, the public results page.
export { DashboardService, type DashboardDeps, type Overview } from './dashboard.service';
export { dashboardRoutes } from './dashboard.routes';
export { pct, num, periodText, type DataTable } from './dashboard.tables';
// Shared with the report summary (issue 12): the SVG chart renderer and the Excel/PDF table writers.
export { render as renderChart, fmt } from './dashboard.charts';
export { tablePdf, tableXlsx } from './dashboard.export';
export type { Cell } from './dashboard.tables';
