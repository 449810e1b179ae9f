import { renderChart } from '../dashboard';
import { elementTotal, type SummaryElement, type SummaryView } from './summary.service';
import { figure, valueKey } from './summary.text';

/**
 * The summary's charts, drawn on the server as SVG with the dashboards' ECharts helper: they show
 * without JavaScript and print. Every figure drawn is also in a table of the page.
 */

/** Most bars a chart draws (the tables hold every unit). */
const MAX_BARS = 30;

function bars(items: Array<{ name: string; value: number }>, width = 640): string {
  const shown = items.slice(0, MAX_BARS);
  const names = shown.map((i) => i.name).reverse();
  return renderChart(width, 40 + shown.length * 26, {
    grid: { left: 190, right: 70, top: 10, bottom: 24 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: names, axisLabel: { width: 180, overflow: 'truncate' } },
    series: [{ type: 'bar', barWidth: 14, data: shown.map((i) => ({ value: i.value, label: { show: true, position: 'right', formatter: figure(i.value) } })).reverse() }],
  });
}

/** The first figure of the report, unit by unit (largest first). */
export function unitsChart(v: SummaryView): string | undefined {
  const e = v.elements[0];
  if (!e || v.children.length < 2) return undefined;
  const items = v.children.map((c) => ({ name: c.name, value: elementTotal(c.values, e) ?? 0 })).sort((a, b) => b.value - a.value);
  return items.some((i) => i.value) ? bars(items) : undefined;
}

/** One element by its disaggregation over all the units (e.g. workers by home province). */
export function crossChart(v: SummaryView, e: SummaryElement): string | undefined {
  const items = e.combos.map((c) => ({ name: c.name, value: v.totals.get(valueKey(e.code, c.code)) ?? 0 })).filter((i) => i.value > 0).sort((a, b) => b.value - a.value);
  return items.length ? bars(items) : undefined;
}
