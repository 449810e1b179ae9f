import { CHANNEL_NAME, type DossierChannel } from '../dossier/dossier.types';
import type { DossierList, IndicatorReport, Period, Ranking, RecordList } from '../indicator';
import { GAP_LABEL, type GapKind } from '../catalog';
import { formatDateTime } from '../shared/format';
import { monthLabel } from './dashboard.charts';
import type { BreakdownRow, Overview, TrendPoint } from './dashboard.service';
import { TREND_KEYS } from './dashboard.service';
import { INDICATORS } from '../indicator';

/**
 * Every table of the dashboards as data: the page renders it (StaffTable), and the same object is
 * written to Excel and to PDF. So what is shown and what is exported cannot differ.
 */

export interface Cell {
  text: string;
  /** The number behind the text (Excel keeps it as a number; a rate as a fraction). */
  value?: number | null;
  kind?: 'int' | 'pct' | 'num';
  href?: string;
}

export interface DataTable {
  /** Also the export's file name (nhom, xu-huong, thu-tuc, linh-vuc, xep-hang, ho-so, danh-gia). */
  id: string;
  title: string;
  subtitle: string;
  columns: Array<{ label: string; numeric?: boolean }>;
  rows: Cell[][];
}

export function pct(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  return `${(Math.round(rate * 10_000) / 100).toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%`;
}

export function num(n: number): string {
  return n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
}

const int = (n: number, href?: string): Cell => ({ text: num(n), value: n, kind: 'int', href });
const rate = (r: number | null): Cell => ({ text: pct(r), value: r, kind: 'pct' });
const score = (n: number): Cell => ({ text: num(n), value: n, kind: 'num' });
const text = (t: string, href?: string): Cell => ({ text: t, href });

/** "tháng 11/2026", "quý 4/2026", "năm 2026", or the days. */
export function periodText(key: string): string {
  let m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) return `tháng ${Number(m[2])}/${m[1]}`;
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) return `quý ${m[2]}/${m[1]}`;
  if (/^\d{4}$/.test(key)) return `năm ${key}`;
  return key.replace('..', ' – ');
}

/** Where the dossiers behind a figure are listed (a staff page). */
export function drillHref(unit: string, period: string, indicator: string, part: 'numerator' | 'denominator', filter: { procedure?: string; field?: string } = {}): string {
  const q = new URLSearchParams({ 'don-vi': unit, ky: period, 'chi-so': indicator, phan: part });
  if (filter.procedure) q.set('thu-tuc', filter.procedure);
  if (filter.field) q.set('linh-vuc', filter.field);
  return `/can-bo/chi-so/ho-so?${q.toString()}`;
}

export function groupsTable(r: IndicatorReport, unitName: string): DataTable {
  const rows: Cell[][] = [];
  for (const g of r.groups) {
    for (const i of g.indicators) {
      rows.push([
        text(g.name),
        text(i.name),
        int(i.numerator, drillHref(r.unit, r.period, i.key, 'numerator')),
        int(i.denominator, drillHref(r.unit, r.period, i.key, 'denominator')),
        rate(i.rate),
        rate(i.threshold),
        score(i.score),
        score(i.max),
      ]);
    }
  }
  rows.push([text('Tổng điểm'), text(''), text(''), text(''), text(''), text(''), score(r.total), score(r.max)]);
  return {
    id: 'nhom',
    title: `Chỉ số phục vụ người dân, doanh nghiệp — ${unitName}`,
    subtitle: `Kỳ ${periodText(r.period)} (số liệu đến ${formatDateTime(r.asOf)})`,
    columns: [{ label: 'Nhóm' }, { label: 'Chỉ số' }, { label: 'Tử số', numeric: true }, { label: 'Mẫu số', numeric: true }, { label: 'Tỷ lệ', numeric: true }, { label: 'Ngưỡng', numeric: true }, { label: 'Điểm', numeric: true }, { label: 'Tối đa', numeric: true }],
    rows,
  };
}

export const TREND_LABEL: Record<string, string> = {
  on_time_rate: 'Đúng hạn',
  online_rate: 'Trực tuyến',
  online_payment_rate: 'Thanh toán trực tuyến',
  digitisation_rate: 'Số hóa',
};

export function trendTable(trend: TrendPoint[], unit: string, unitName: string): DataTable {
  return {
    id: 'xu-huong',
    title: `Diễn biến 12 tháng — ${unitName}`,
    subtitle: `Từ ${periodText(trend[0]?.period ?? '')} đến ${periodText(trend.at(-1)?.period ?? '')}`,
    columns: [{ label: 'Tháng' }, { label: 'Tổng điểm', numeric: true }, ...TREND_KEYS.map((k) => ({ label: TREND_LABEL[k] ?? INDICATORS[k].name, numeric: true }))],
    rows: trend.map((t) => [text(monthLabel(t.period), `/can-bo/chi-so?${new URLSearchParams({ 'don-vi': unit, ky: t.period })}`), score(t.total), ...TREND_KEYS.map((k) => rate(t.rates[k] ?? null))]),
  };
}

export function breakdownTable(kind: 'thu-tuc' | 'linh-vuc', rows: BreakdownRow[], unit: string, period: string, unitName: string): DataTable {
  const filter = (r: BreakdownRow) => (kind === 'thu-tuc' ? { procedure: r.key } : { field: r.key });
  return {
    id: kind,
    title: `${kind === 'thu-tuc' ? 'Theo thủ tục' : 'Theo lĩnh vực'}: hồ sơ phải giải quyết, đúng hạn, trễ hạn — ${unitName}`,
    subtitle: `Kỳ ${periodText(period)}`,
    columns: [
      { label: kind === 'thu-tuc' ? 'Thủ tục' : 'Lĩnh vực' },
      ...(kind === 'thu-tuc' ? [{ label: 'Lĩnh vực' }] : []),
      { label: 'Phải giải quyết', numeric: true },
      { label: 'Đúng hạn', numeric: true },
      { label: 'Trễ hạn', numeric: true },
      { label: 'Tỷ lệ đúng hạn', numeric: true },
    ],
    rows: rows.map((r) => [
      text(r.label),
      ...(kind === 'thu-tuc' ? [text(r.field)] : []),
      int(r.due, drillHref(unit, period, 'on_time_rate', 'denominator', filter(r))),
      int(r.onTime, drillHref(unit, period, 'on_time_rate', 'numerator', filter(r))),
      int(r.late),
      rate(r.rate),
    ]),
  };
}

export function ratingsTable(o: Overview, unitName: string): DataTable {
  const total = o.ratings.levels.reduce((n, l) => n + l.count, 0);
  return {
    id: 'danh-gia',
    title: `Đánh giá của người dân — ${unitName}`,
    subtitle: `Kỳ ${periodText(o.report.period)}`,
    columns: [{ label: 'Mức' }, { label: 'Số đánh giá', numeric: true }, { label: 'Tỷ lệ', numeric: true }],
    rows: [
      ...o.ratings.levels.map((l) => [text(l.name), int(l.count), rate(total ? Math.round((l.count / total) * 10_000) / 10_000 : null)]),
      [text('Phản ánh đang chờ trả lời'), int(o.ratings.followUps.open), text('')],
      [text('Phản ánh quá hạn trả lời'), int(o.ratings.followUps.overdue), text('')],
      [text('Phản ánh đã trả lời'), int(o.ratings.followUps.answered), text('')],
    ],
  };
}

/** Units ranked in a ranking: those with dossiers in the period ("xếp 1/2"). */
export function rankedCount(r: Ranking): number {
  return r.items.filter((i) => i.position !== null).length;
}

export function rankingTable(r: Ranking): DataTable {
  const groups = r.items[0] ? (Object.keys(r.items[0].groups) as Array<keyof (typeof r.items)[number]['groups']>) : [];
  const GROUP_LABEL: Record<string, string> = { transparency: 'Công khai', progress: 'Tiến độ', online: 'Trực tuyến', payment: 'Thanh toán', digitisation: 'Số hóa', satisfaction: 'Hài lòng' };
  return {
    id: 'xep-hang',
    title: `Xếp hạng các đơn vị thuộc ${r.parentName}`,
    subtitle: `Kỳ ${periodText(r.period)} (số liệu đến ${formatDateTime(r.asOf)})`,
    columns: [{ label: 'Hạng', numeric: true }, { label: 'Đơn vị' }, { label: 'Tổng điểm', numeric: true }, ...groups.map((g) => ({ label: GROUP_LABEL[g] ?? g, numeric: true }))],
    rows: r.items.map((i) => [
      i.position === null ? { text: 'Chưa xếp hạng' } : { text: `${i.position}/${rankedCount(r)}`, value: i.position, kind: 'int' as const },
      text(i.name, `/can-bo/chi-so?${new URLSearchParams({ 'don-vi': i.unit, ky: r.period })}`),
      i.hasDossiers ? score(i.total) : { text: 'Chưa có hồ sơ' },
      ...groups.map((g) => (i.hasDossiers ? score(i.groups[g]) : { text: '—' })),
    ]),
  };
}

const TIMELINESS: Record<string, string> = { on_time: 'Đúng hạn', late: 'Trễ hạn' };

export function dossiersTable(list: DossierList, names: Map<string, string>, unitName: string, period: Period, part: string): DataTable {
  const def = INDICATORS[list.indicator];
  return {
    id: 'ho-so',
    title: `${part === 'numerator' ? def.numeratorText : def.denominatorText} — ${unitName}`,
    subtitle: `${def.name}; kỳ ${periodText(period.key)}; ${num(list.total)} hồ sơ`,
    columns: [{ label: 'Mã hồ sơ' }, { label: 'Thủ tục' }, { label: 'Kênh' }, { label: 'Tiếp nhận' }, { label: 'Hẹn trả' }, { label: 'Có kết quả' }, { label: 'Đúng/trễ hạn' }, { label: 'Lần yêu cầu bổ sung', numeric: true }],
    rows: list.items.map((i) => [
      text(i.code, `/can-bo/ho-so/${i.code}`),
      text(names.get(i.procedureCode) ?? i.procedureCode),
      text(CHANNEL_NAME[i.channel as DossierChannel] ?? i.channel),
      text(i.receivedAt ? formatDateTime(i.receivedAt) : '—'),
      text(i.dueAt ? formatDateTime(i.dueAt) : '—'),
      text(i.finishedAt ? formatDateTime(i.finishedAt) : '—'),
      text(i.timeliness ? TIMELINESS[i.timeliness]! : '—'),
      int(i.supplementRequests),
    ]),
  };
}

/** The procedures (catalogue_complete_rate) or the citizens' feedback (feedback_on_time_rate) behind a figure. */
export function recordsTable(list: RecordList, names: Map<string, string>, unitName: string, period: Period, part: string): DataTable {
  const def = INDICATORS[list.indicator];
  const base = { id: 'ho-so', title: `${part === 'numerator' ? def.numeratorText : def.denominatorText} — ${unitName}` };
  if (def.counted === 'procedures') {
    return {
      ...base,
      subtitle: `${def.name}; danh mục cuối ${periodText(period.key)}; ${num(list.total)} thủ tục`,
      columns: [{ label: 'Mã thủ tục' }, { label: 'Thủ tục' }, { label: 'Đơn vị' }, { label: 'Công khai từ' }, { label: 'Thông tin còn thiếu' }],
      rows: list.items.map((i) => [
        text(i.procedureCode ?? '—'),
        text(names.get(i.procedureCode ?? '') ?? i.procedureCode ?? '—'),
        text(i.unit),
        text(formatDateTime(i.at)),
        text(i.gaps.length ? i.gaps.map((g) => GAP_LABEL[g as GapKind] ?? g).join(', ') : 'Đủ thông tin'),
      ]),
    };
  }
  return {
    ...base,
    subtitle: `${def.name}; kỳ ${periodText(period.key)}; ${num(list.total)} phản ánh`,
    columns: [{ label: 'Nhận lúc' }, { label: 'Hồ sơ' }, { label: 'Đơn vị' }, { label: 'Hạn trả lời' }, { label: 'Trả lời lúc' }, { label: 'Đúng/trễ hạn' }],
    rows: list.items.map((i) => [
      text(formatDateTime(i.at)),
      i.dossierCode ? text(i.dossierCode, `/can-bo/ho-so/${i.dossierCode}`) : text('Tại quầy (không gắn hồ sơ)'),
      text(i.unit),
      text(i.dueAt ? formatDateTime(i.dueAt) : '—'),
      text(i.answeredAt ? formatDateTime(i.answeredAt) : 'Chưa trả lời'),
      text(i.timeliness ? TIMELINESS[i.timeliness]! : '—'),
    ]),
  };
}
