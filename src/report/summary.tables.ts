import type { Cell, DataTable } from '../dashboard';
import { formatDateTime } from '../shared/format';
import { crossElementOf, elementTotal, type SummaryElement, type SummaryView } from './summary.service';
import { figure, valueKey } from './summary.text';

/**
 * The summary's tables as data: the page renders them, and the same objects go to Excel and PDF
 * (the dashboards' writers), so what is shown and what is exported cannot differ.
 */

const num = (v: number | null | undefined): Cell => ({ text: figure(v), value: v ?? null, kind: 'num' });
const text = (t: string, href?: string): Cell => ({ text: t, href });

export function summaryHref(q: { dataSet: string; period: string; orgUnit: string; element?: string }, path = '/can-bo/bao-cao/tong-hop'): string {
  const p = new URLSearchParams({ bo: q.dataSet, ky: q.period, 'don-vi': q.orgUnit });
  if (q.element) p.set('chi-tieu', q.element);
  return `${path}?${p.toString()}`;
}

const lower = (t: string) => t.charAt(0).toLowerCase() + t.slice(1);

function subtitle(v: SummaryView): string {
  return `${v.ds.name} — ${v.periodText} — ${v.unit.name}; số liệu lúc ${formatDateTime(v.at)}`;
}

/** Every data element (and each of its disaggregations) summed over the unit and the units below. */
export function totalsTable(v: SummaryView, all = false): DataTable {
  const rows: Cell[][] = [];
  for (const e of v.elements) {
    rows.push([text(e.name), text(e.combos.length ? 'Tổng' : ''), num(elementTotal(v.totals, e))]);
    for (const c of e.combos) {
      const n = v.totals.get(valueKey(e.code, c.code));
      // A long disaggregation (34 provinces) shows the options that have figures; Excel has them all.
      if (n === undefined && !all && e.combos.length > 10) continue;
      rows.push([text(''), text(c.name), num(n ?? null)]);
    }
  }
  return { id: 'tong-hop', title: `Tổng hợp ${lower(v.periodText)}`, subtitle: subtitle(v), columns: [{ label: 'Chỉ tiêu' }, { label: 'Phân tổ' }, { label: 'Tổng', numeric: true }], rows };
}

/** The columns of the units' table: at most this many elements (the rest are in the totals and Excel). */
export const UNIT_COLUMNS = 6;

/** A row per unit below: whether it reported, completely, on time, and its main figures. */
export function unitsTable(v: SummaryView, all = false): DataTable {
  const els = v.elements.slice(0, all ? undefined : UNIT_COLUMNS);
  const rows: Cell[][] = v.children.map((c) => [
    text(c.name, summaryHref({ dataSet: v.ds.code, period: v.period, orgUnit: c.unitCode })),
    text(c.below ? `${c.below.reported}/${c.below.units} đã gửi, ${c.below.complete} hoàn thành` : c.complete ? 'Hoàn thành' : c.reported ? 'Đang nhập' : 'Chưa gửi'),
    text(c.onTime === true ? 'Đúng hạn' : c.complete && c.onTime === false ? 'Trễ hạn' : '—'),
    text(c.completedAt ? formatDateTime(c.completedAt) : ''),
    text(c.remindedAt ? formatDateTime(c.remindedAt) : ''),
    ...els.map((e) => num(elementTotal(c.values, e))),
  ]);
  return {
    id: 'don-vi',
    title: 'Các đơn vị',
    subtitle: subtitle(v),
    columns: [{ label: 'Đơn vị' }, { label: 'Tình trạng' }, { label: 'Đúng hạn' }, { label: 'Hoàn thành lúc' }, { label: 'Đã nhắc lúc' }, ...els.map((e) => ({ label: e.name, numeric: true }))],
    rows,
  };
}

/** The element shown across units by its disaggregation (workers by home province × communes). */
export function crossElement(v: SummaryView, code?: string): SummaryElement | undefined {
  return crossElementOf(v.elements, code);
}

/** Most units a cross table shows as columns (more: Excel only). */
export const CROSS_COLUMNS = 40;

/** One element: a row per option (e.g. home province), a column per unit below, and the total. */
export function crossTable(v: SummaryView, e: SummaryElement, all = false): DataTable {
  const units = all ? v.children : v.children.slice(0, CROSS_COLUMNS);
  const rows: Cell[][] = e.combos
    .map((c) => [text(c.name), num(v.totals.get(valueKey(e.code, c.code)) ?? null), ...units.map((u) => num(u.values.get(valueKey(e.code, c.code)) ?? null))])
    .filter((r) => all || r.slice(1).some((c) => c.value));
  rows.push([text('Tổng'), num(elementTotal(v.totals, e)), ...units.map((u) => num(elementTotal(u.values, e)))]);
  return {
    id: 'phan-to',
    title: `${e.name} theo ${e.combos.length > 10 ? 'từng nhóm' : 'phân tổ'} và đơn vị`,
    subtitle: subtitle(v),
    columns: [{ label: 'Phân tổ' }, { label: 'Tổng', numeric: true }, ...units.map((u) => ({ label: u.name, numeric: true }))],
    rows,
  };
}

/** Reports whose rows are places: a row per place (quarantine area) with each figure (free rooms…). */
export function placesTable(v: SummaryView): DataTable {
  return {
    id: 'dia-diem',
    title: 'Từng địa điểm',
    subtitle: subtitle(v),
    columns: [{ label: 'Đơn vị' }, { label: 'Địa điểm' }, ...v.elements.map((e) => ({ label: e.name, numeric: true }))],
    rows: v.places.map((p) => [text(p.unitName), text(p.name), ...v.elements.map((e) => num(elementTotal(p.values, e)))]),
  };
}
