import type { DataTable } from '../dashboard';
import { assetUrl } from '../shared/assets';
import { formatDateTime } from '../shared/format';
import { StaffLayout, type StaffNavProps } from '../shared/staff-layout';
import { StaffTable } from '../shared/staff-table';
import type { DataSet } from './report.types';
import type { SummaryView } from './summary.service';
import { summaryHref } from './summary.tables';

/**
 * The supervisor's live summary (issue 12): completeness, charts, the totals, a row per unit to
 * drill into, the disaggregation across units. Without JavaScript it is a plain page with a
 * "Làm mới" link; with it, htmx asks for the live part every few seconds and swaps it only when a
 * figure or a status changed (the server answers 204 otherwise).
 */

export interface SummaryParts {
  v: SummaryView;
  tables: { totals: DataTable; units: DataTable; cross?: DataTable; places?: DataTable };
  charts: { units?: string; cross?: string };
  /** The query of this summary (bo, ky, don-vi, chi-tieu), for the exports and the live part. */
  query: string;
}

/** Polling interval of the live part (ms): "updated as soon as a commune saves". */
export const LIVE_INTERVAL_S = 3;

function Chart(p: { svg: string; caption: string }) {
  return (
    <figure class="chart">
      <div role="img" aria-label={p.caption} dangerouslySetInnerHTML={{ __html: p.svg }} />
      <figcaption>{p.caption}</figcaption>
    </figure>
  );
}

export function TableBlock(p: { t: DataTable; id?: string }) {
  return (
    <section class="dash-table" aria-labelledby={`bang-${p.t.id}`}>
      <h2 id={`bang-${p.t.id}`}>{p.t.title}</h2>
      <div class="table-scroll">
        <StaffTable head={p.t.columns.map((c) => c.label)} numeric={p.t.columns.map((c) => !!c.numeric)} class="dash">
          {p.t.rows.map((r) => (
            <tr>
              {r.map((c, i) => (
                <td class={p.t.columns[i]?.numeric ? 'num' : undefined}>
                  {c.href ? <a href={c.href}>{c.text}</a> : c.text}
                </td>
              ))}
            </tr>
          ))}
        </StaffTable>
      </div>
    </section>
  );
}

function Completeness(p: { v: SummaryView }) {
  const { counts: c, deadline } = p.v;
  return (
    <ul class="dash-cards" aria-label="Tình hình gửi báo cáo">
      <li class="card">
        <p class="dash-group">Đã gửi</p>
        <p class="dash-score">
          <strong data-figure="reported">{c.reported}</strong>/{c.units} đơn vị
        </p>
      </li>
      <li class="card">
        <p class="dash-group">Hoàn thành</p>
        <p class="dash-score">
          <strong data-figure="complete">{c.complete}</strong>/{c.units} đơn vị
        </p>
      </li>
      <li class="card">
        <p class="dash-group">Đúng hạn</p>
        <p class="dash-score">
          <strong data-figure="on-time">{c.onTime}</strong>/{c.units} đơn vị
        </p>
        {deadline ? <p class="note">Hạn: {formatDateTime(deadline)}</p> : null}
        {p.v.supervisorToldAt ? <p class="note">Đã báo quá hạn lúc {formatDateTime(p.v.supervisorToldAt)}</p> : null}
      </li>
    </ul>
  );
}

/** The part that updates itself. */
export function LivePart(p: SummaryParts) {
  const { v } = p;
  return (
    <div id="tong-hop-song" hx-get={`/can-bo/bao-cao/tong-hop?${p.query}&song=1&v=${v.version}`} hx-trigger={`every ${LIVE_INTERVAL_S}s`} hx-swap="outerHTML" data-version={v.version}>
      <p class="note" aria-live="polite">
        Số liệu lúc <strong>{formatDateTime(v.at)}</strong>
      </p>
      <Completeness v={v} />
      {p.charts.units ? <Chart svg={p.charts.units} caption={`${v.elements[0]?.name ?? ''} theo đơn vị`} /> : null}
      <TableBlock t={p.tables.totals} />
      {v.children.length ? <TableBlock t={p.tables.units} /> : <p class="note">{v.unit.name} không có đơn vị cấp dưới: bảng trên là số liệu của đơn vị.</p>}
      {p.tables.places ? <TableBlock t={p.tables.places} /> : null}
      {p.tables.cross ? (
        <>
          {p.charts.cross ? <Chart svg={p.charts.cross} caption={p.tables.cross.title} /> : null}
          <TableBlock t={p.tables.cross} />
        </>
      ) : null}
    </div>
  );
}

function Picker(p: { v: SummaryView; dataSets: DataSet[] }) {
  return (
    <form method="get" action="/can-bo/bao-cao/tong-hop" class="inline-form noprint period-form">
      <input type="hidden" name="don-vi" value={p.v.unit.code} />
      <label for="bo">Báo cáo</label>{' '}
      <select id="bo" name="bo">
        {p.dataSets.map((d) => (
          <option value={d.code} selected={d.code === p.v.ds.code}>
            {d.name}
            {d.closed ? ' (đã đóng)' : ''}
          </option>
        ))}
      </select>{' '}
      <label for="ky">Kỳ</label>{' '}
      <select id="ky" name="ky">
        {p.v.periods.map((x) => (
          <option value={x.code} selected={x.code === p.v.period}>
            {x.label}
          </option>
        ))}
      </select>{' '}
      <button type="submit">Xem</button>
    </form>
  );
}

export function SummaryPage(p: StaffNavProps & SummaryParts & { dataSets: DataSet[]; up?: { href: string; name: string } }) {
  const { v } = p;
  const title = `Tổng hợp ${v.ds.name} — ${v.periodText}`;
  const x = (fmt: string) => `/can-bo/bao-cao/tong-hop?${p.query}&dinh-dang=${fmt}`;
  return (
    <StaffLayout {...p} title={title} current="/can-bo/bao-cao/tong-hop" head={<script src={assetUrl('htmx.min.js')} defer />}>
      {p.up ? (
        <p class="crumbs noprint">
          <a href={p.up.href}>← {p.up.name}</a>
        </p>
      ) : null}
      <h1>{title}</h1>
      <p class="lead">{v.unit.name}</p>
      <Picker v={v} dataSets={p.dataSets} />
      <p class="noprint">
        <a class="btn" href={summaryHref({ dataSet: v.ds.code, period: v.period, orgUnit: v.unit.code })}>
          Làm mới
        </a>{' '}
        Tải về: <a href={x('xlsx')}>Excel</a> · <a href={x('pdf')}>PDF</a> · <a href={x('in')}>Bản in A4</a> ·{' '}
        <a href={`/can-bo/bao-cao/excel?${new URLSearchParams({ bo: v.ds.code, ky: v.period, 'don-vi': v.unit.code })}`}>Biểu nhập Excel</a>
      </p>
      <LivePart {...p} />
    </StaffLayout>
  );
}

/** A4 portrait, no menu, no script: what is printed for the meeting. */
export function PrintPage(p: SummaryParts & { unitName: string }) {
  const { v } = p;
  const title = `Tổng hợp ${v.ds.name} — ${v.periodText}`;
  return (
    <html lang="vi">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <link rel="stylesheet" href={assetUrl('app.css')} />
        <style>{PRINT_CSS}</style>
      </head>
      <body class="a4">
        <main id="noi-dung">
          <p class="a4-head">
            <strong>{p.unitName}</strong>
            <span>Cộng hòa xã hội chủ nghĩa Việt Nam — Độc lập – Tự do – Hạnh phúc</span>
          </p>
          <h1>{title}</h1>
          <p>
            {v.unit.name}. Đã gửi {v.counts.reported}/{v.counts.units}, hoàn thành {v.counts.complete}/{v.counts.units}, đúng hạn {v.counts.onTime}/{v.counts.units} đơn vị. Số liệu lúc {formatDateTime(v.at)}.
          </p>
          {p.charts.units ? <Chart svg={p.charts.units} caption={`${v.elements[0]?.name ?? ''} theo đơn vị`} /> : null}
          <TableBlock t={p.tables.totals} />
          {v.children.length ? <TableBlock t={p.tables.units} /> : null}
          {p.tables.places ? <TableBlock t={p.tables.places} /> : null}
          {p.tables.cross ? <TableBlock t={p.tables.cross} /> : null}
          <p class="noprint">
            <a href={summaryHref({ dataSet: v.ds.code, period: v.period, orgUnit: v.unit.code })}>← Về trang tổng hợp</a> (in bằng Ctrl+P: khổ A4 dọc)
          </p>
        </main>
      </body>
    </html>
  );
}

/** A4 portrait with 12 mm margins: 186 mm of width for the tables. */
export const PRINT_CSS = `
@page { size: A4 portrait; margin: 12mm; }
body.a4 { max-width: 186mm; margin: 0 auto; padding: 8px; font-size: 10.5pt; background: #fff; }
body.a4 h1 { font-size: 14pt; margin: 6px 0; }
body.a4 h2 { font-size: 11.5pt; margin: 10px 0 4px; }
body.a4 .a4-head { display: flex; justify-content: space-between; gap: 8px; font-size: 9pt; }
body.a4 table.grid { font-size: 8.5pt; margin: 4px 0; table-layout: auto; width: 100%; }
body.a4 table.grid th, body.a4 table.grid td { padding: 2px 4px; }
body.a4 table.dash td.num { text-align: right; }
body.a4 figure.chart svg { max-width: 100%; height: auto; }
body.a4 .table-scroll { overflow: visible; }
body.a4 tr { break-inside: avoid; }
@media print { body.a4 { padding: 0; } }
`;

/** The summary page before any report exists. */
export function NoReportPage(p: StaffNavProps) {
  return (
    <StaffLayout {...p} title="Tổng hợp báo cáo" current="/can-bo/bao-cao/tong-hop">
      <h1>Tổng hợp báo cáo</h1>
      <p>Chưa có báo cáo nào. Cán bộ giám sát của cấp trên tạo báo cáo tại "Biểu mẫu báo cáo".</p>
    </StaffLayout>
  );
}
