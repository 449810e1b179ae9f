import * as echarts from 'echarts';

/**
 * Charts drawn on the server as SVG (Apache ECharts' server-side renderer): they show without
 * JavaScript, print, and cost the phone nothing. Each chart is a plain function of its numbers;
 * the same numbers are in the table beside it (and its links), so a chart never holds a figure
 * the page does not.
 */

const FONT = 'Be Vietnam Pro, Noto Sans, Arial, sans-serif';
const COLORS = ['#0b5394', '#38761d', '#b45f06', '#741b47', '#134f5c', '#990000'];

/** Any ECharts option as server-rendered SVG in the dashboards' fonts and colours (also used by the report summary). */
export function render(width: number, height: number, option: echarts.EChartsCoreOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, color: COLORS, textStyle: { fontFamily: FONT, fontSize: 12 }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Horizontal bars: each group's score out of its maximum. */
export function groupsChart(groups: Array<{ name: string; score: number; max: number }>, width = 640): string {
  const names = groups.map((g) => g.name).reverse();
  return render(width, 40 + groups.length * 34, {
    grid: { left: 170, right: 60, top: 10, bottom: 24 },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: names, axisLabel: { width: 160, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        barWidth: 18,
        data: groups
          .map((g) => ({ value: g.max ? Math.round((1000 * g.score) / g.max) / 10 : 0, label: `${fmt(g.score)}/${g.max}` }))
          .reverse()
          .map((d) => ({ value: d.value, label: { show: true, position: 'right', formatter: d.label } })),
      },
    ],
  });
}

/** Lines over the months: the total score and some rates (percent). */
export function trendChart(months: string[], series: Array<{ name: string; values: Array<number | null> }>, width = 640): string {
  return render(width, 280, {
    grid: { left: 44, right: 16, top: 40, bottom: 40 },
    legend: { top: 0, textStyle: { fontSize: 11 } },
    xAxis: { type: 'category', data: months.map(monthLabel), axisLabel: { fontSize: 10 } },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: series.map((s) => ({ type: 'line', name: s.name, data: s.values, symbolSize: 5, connectNulls: false })),
  });
}

/** The children of a supervisor, best first: total score bars. */
export function rankingChart(items: Array<{ name: string; total: number }>, width = 640): string {
  const names = items.map((i) => i.name).reverse();
  return render(width, 40 + items.length * 30, {
    grid: { left: 170, right: 60, top: 10, bottom: 24 },
    xAxis: { type: 'value', max: 100 },
    yAxis: { type: 'category', data: names, axisLabel: { width: 160, overflow: 'truncate' } },
    series: [{ type: 'bar', barWidth: 16, data: items.map((i) => ({ value: i.total, label: { show: true, position: 'right', formatter: fmt(i.total) } })).reverse() }],
  });
}

/** Ratings by level, as horizontal stacked bar. */
export function ratingsChart(levels: Array<{ name: string; count: number }>, width = 640): string {
  return render(width, 90, {
    grid: { left: 10, right: 10, top: 30, bottom: 10 },
    legend: { top: 0, textStyle: { fontSize: 11 } },
    xAxis: { type: 'value', show: false },
    yAxis: { type: 'category', data: [''], show: false },
    series: levels.map((l) => ({ type: 'bar', name: l.name, stack: 'all', data: [l.count], label: { show: l.count > 0, formatter: String(l.count) } })),
  });
}

export function fmt(n: number): string {
  return (Math.round(n * 100) / 100).toLocaleString('vi-VN');
}

/** '2026-11' → 'T11/2026'. */
export function monthLabel(key: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  return m ? `T${Number(m[2])}/${m[1]}` : key;
}
