import { COUNTED_WORD, INDICATORS, type IndicatorReport, type Ranking } from '../indicator';
import { StaffLayout, type StaffNavProps } from '../shared/staff-layout';
import { formatDateTime } from '../shared/format';
import { ErrorSummary } from '../shared/messages';
import { StaffTable } from '../shared/staff-table';
import { fmt, monthLabel } from './dashboard.charts';
import type { Overview } from './dashboard.service';
import { drillHref, pct, periodText, rankedCount, type Cell, type DataTable } from './dashboard.tables';

/**
 * The officials' dashboards: the unit's month at a glance, the supervisor's ranking, the list of
 * dossiers behind a figure. Charts are SVG drawn on the server (they print and need no script);
 * every figure is a link to its dossiers; every table can be downloaded as Excel or PDF.
 */

export interface Charts {
  groups: string;
  trend: string;
  ratings?: string;
  ranking?: string;
}

/** An SVG chart with its caption; the SVG is ECharts' own markup (no user text but unit names). */
function Chart(p: { svg: string; caption: string }) {
  return (
    <figure class="chart">
      <div role="img" aria-label={p.caption} dangerouslySetInnerHTML={{ __html: p.svg }} />
      <figcaption>{p.caption}</figcaption>
    </figure>
  );
}

function CellView({ c }: { c: Cell }) {
  return c.href ? <a href={c.href}>{c.text}</a> : <>{c.text}</>;
}

/** A data table with its Excel and PDF downloads (the same rows). */
export function TableView(p: { t: DataTable; exportQuery: string }) {
  const href = (fmt: string) => `/can-bo/chi-so/xuat?bang=${p.t.id}&dinh-dang=${fmt}${p.exportQuery ? `&${p.exportQuery}` : ''}`;
  return (
    <section class="dash-table" aria-labelledby={`bang-${p.t.id}`}>
      <h2 id={`bang-${p.t.id}`}>{p.t.title}</h2>
      <p class="note">
        {p.t.subtitle}
        <span class="noprint">
          {' '}
          · Tải về: <a href={href('xlsx')}>Excel</a> · <a href={href('pdf')}>PDF</a>
        </span>
      </p>
      <div class="table-scroll">
        <StaffTable head={p.t.columns.map((c) => c.label)} numeric={p.t.columns.map((c) => !!c.numeric)} class="dash">
          {p.t.rows.map((r) => (
            <tr>
              {r.map((c, i) => (
                <td class={p.t.columns[i]?.numeric ? 'num' : undefined}>
                  <CellView c={c} />
                </td>
              ))}
            </tr>
          ))}
        </StaffTable>
      </div>
    </section>
  );
}

/** A period the official typed that could not be read: what they typed and why (the page shows the current month). */
export interface PeriodError {
  typed: string;
  message: string;
}

function PeriodForm(p: { action: string; unit?: string; period: string; error?: PeriodError }) {
  return (
    <>
      <ErrorSummary title={p.error ? `Không xem được kỳ "${p.error.typed}". Đang hiển thị ${periodText(p.period)}.` : undefined} message={p.error?.message} />
      <form method="get" action={p.action} class="inline-form noprint period-form">
        {p.unit ? <input type="hidden" name="don-vi" value={p.unit} /> : null}
        <label for="ky">Kỳ (tháng 2026-11, quý 2026-Q4, năm 2026)</label>{' '}
        <input id="ky" name="ky" value={p.error ? p.error.typed : p.period} size={10} aria-invalid={p.error ? 'true' : undefined} /> <button type="submit">Xem</button>
      </form>
    </>
  );
}

/** The six groups as cards: each score, and the main figure's numerator/denominator as links. */
function GroupCards(p: { r: IndicatorReport }) {
  return (
    <ul class="dash-cards">
      {p.r.groups.map((g) => (
        <li class="card">
          <p class="dash-group">{g.name}</p>
          <p class="dash-score">
            <strong>{fmt(g.score)}</strong>/{g.max} điểm
          </p>
          {g.indicators.map((i) => (
            <p class="dash-figure">
              <span>{i.name}: </span>
              <strong>{pct(i.rate)}</strong>{' '}
              <span class="note">
                (
                <a href={drillHref(p.r.unit, p.r.period, i.key, 'numerator')} data-figure={`${i.key}:numerator`}>
                  {i.numerator.toLocaleString('vi-VN')}
                </a>
                /
                <a href={drillHref(p.r.unit, p.r.period, i.key, 'denominator')} data-figure={`${i.key}:denominator`}>
                  {i.denominator.toLocaleString('vi-VN')}
                </a>{' '}
                {COUNTED_WORD[INDICATORS[i.key].counted ?? 'dossiers']})
              </span>
            </p>
          ))}
        </li>
      ))}
    </ul>
  );
}

export function OverviewPage(
  p: StaffNavProps & {
    o: Overview;
    charts: Charts;
    tables: DataTable[];
    exportQuery: string;
    demo: boolean;
    isSupervisor: boolean;
    worklistHref: string;
    queue?: import('./dashboard.routes').QueueSummary;
    reception?: import('./dashboard.routes').ReceptionSummary;
    periodError?: PeriodError;
  },
) {
  const r = p.o.report;
  const title = `Chỉ số ${periodText(r.period)} — ${r.unitName}`;
  return (
    <StaffLayout {...p} title={title} current="/can-bo/chi-so">
      {p.isSupervisor ? (
        <p class="crumbs noprint">
          <a href={`/can-bo/chi-so/xep-hang?ky=${encodeURIComponent(r.period)}`}>← Xếp hạng các đơn vị</a>
        </p>
      ) : null}
      <h1>{title}</h1>
      {p.demo ? (
        <p class="note">
          <span class="badge demo">Dữ liệu mẫu</span> Số liệu tính cả hồ sơ mẫu do bản trình diễn (DEMO) tạo.
        </p>
      ) : null}
      <PeriodForm action="/can-bo/chi-so" unit={r.unit} period={r.period} error={p.periodError} />
      <div class="dash-head card">
        {r.hasDossiers ? (
          <p class="dash-total">
            Tổng điểm: <strong data-figure="total">{fmt(r.total)}</strong>/{r.max}
          </p>
        ) : (
          <p class="dash-total">
            Tổng điểm: <strong data-figure="total">chưa có hồ sơ</strong> — không có hồ sơ nào trong kỳ để tính điểm
          </p>
        )}
        {r.rank.parent ? (
          <p data-figure="rank">
            {r.rank.position === null ? (
              <>
                {r.unitName} <strong>chưa xếp hạng</strong> trong {p.o.parentName ?? r.rank.parent} (chưa có hồ sơ)
              </>
            ) : (
              <>
                {r.unitName} xếp <strong>{r.rank.position}/{r.rank.of}</strong> trong {p.o.parentName ?? r.rank.parent}
              </>
            )}
          </p>
        ) : null}
        <p>
          Hồ sơ quá hạn đang giải quyết: <a href={p.worklistHref} data-figure="overdue"><strong>{p.o.overdue.toLocaleString('vi-VN')}</strong></a>
        </p>
        {p.queue ? (
          <p data-figure="queue">
            Hàng chờ tại quầy: <a href={p.queue.href}>{p.queue.tickets.toLocaleString('vi-VN')} lượt lấy số</a>, chờ trung bình {p.queue.avgWait === null ? '—' : `${p.queue.avgWait.toLocaleString('vi-VN')} phút`}, phục vụ trung bình{' '}
            {p.queue.avgService === null ? '—' : `${p.queue.avgService.toLocaleString('vi-VN')} phút`}, vắng mặt {p.queue.noShowRate === null ? '—' : `${(Math.round(p.queue.noShowRate * 1000) / 10).toLocaleString('vi-VN')}%`}
          </p>
        ) : null}
        {p.reception ? (
          <p data-figure="reception">
            Hồ sơ tiếp nhận tại nhà (tổ hỗ trợ): <a href={p.reception.homeHref}>{p.reception.homeDossiers.toLocaleString('vi-VN')}</a>; tiếp nhận ngày Thứ Bảy:{' '}
            <a href={p.reception.saturdayHref}>{p.reception.saturdayDossiers.toLocaleString('vi-VN')}</a>; chuyến đến nhà không tiếp nhận được: {p.reception.visitsNotReceived.toLocaleString('vi-VN')}
          </p>
        ) : null}
        <p class="note">Số liệu tính từ lịch sử xử lý hồ sơ, đến {formatDateTime(r.asOf)}. Bấm vào một con số để xem các hồ sơ tạo nên nó.</p>
      </div>
      <GroupCards r={r} />
      <Chart svg={p.charts.groups} caption={`Điểm từng nhóm chỉ số (phần trăm điểm tối đa), ${periodText(r.period)}`} />
      {p.tables.filter((t) => t.id === 'nhom').map((t) => <TableView t={t} exportQuery={p.exportQuery} />)}
      <Chart svg={p.charts.trend} caption={`Diễn biến 12 tháng đến ${monthLabel(p.o.trend.at(-1)?.period ?? r.period)}: tổng điểm và các tỷ lệ (%)`} />
      {p.tables.filter((t) => t.id !== 'nhom').map((t) => (
        <>
          {t.id === 'danh-gia' && p.charts.ratings ? <Chart svg={p.charts.ratings} caption="Đánh giá của người dân theo mức" /> : null}
          <TableView t={t} exportQuery={p.exportQuery} />
        </>
      ))}
    </StaffLayout>
  );
}

export function RankingPage(p: StaffNavProps & { ranking: Ranking; chart: string; table: DataTable; exportQuery: string; periodError?: PeriodError }) {
  const r = p.ranking;
  const title = `Xếp hạng các đơn vị, ${periodText(r.period)}`;
  return (
    <StaffLayout {...p} title={title} current="/can-bo/chi-so/xep-hang">
      <h1>{title}</h1>
      <PeriodForm action="/can-bo/chi-so/xep-hang" period={r.period} error={p.periodError} />
      <ul class="dash-ranks">
        {r.items.map((i) => (
          <li data-figure={`rank:${i.unit}`}>
            <a href={`/can-bo/chi-so?don-vi=${i.unit}&ky=${encodeURIComponent(r.period)}`}>{i.name}</a>{' '}
            {i.position === null ? (
              <>
                <strong>chưa xếp hạng</strong> (chưa có hồ sơ trong kỳ)
              </>
            ) : (
              <>
                xếp <strong>{i.position}/{rankedCount(r)}</strong> ({fmt(i.total)} điểm)
              </>
            )}
          </li>
        ))}
      </ul>
      <Chart svg={p.chart} caption={`Tổng điểm của các đơn vị thuộc ${r.parentName}, ${periodText(r.period)}`} />
      <TableView t={p.table} exportQuery={p.exportQuery} />
    </StaffLayout>
  );
}

export function DrillPage(p: StaffNavProps & { table: DataTable; exportQuery: string; back: string; page: number; pages: number; pageHref: (n: number) => string; total: number; word: string }) {
  return (
    <StaffLayout {...p} title={p.table.title} current="/can-bo/chi-so">
      <p class="crumbs noprint">
        <a href={p.back}>← Chỉ số của đơn vị</a>
      </p>
      <h1>{p.word === 'hồ sơ' ? 'Hồ sơ' : p.word === 'thủ tục' ? 'Thủ tục' : 'Phản ánh'} tạo nên con số</h1>
      <p class="lead" data-figure="drill-total">
        {p.total.toLocaleString('vi-VN')} {p.word}
      </p>
      <TableView t={p.table} exportQuery={p.exportQuery} />
      {p.pages > 1 ? (
        <nav class="pager noprint" aria-label="Trang">
          {p.page > 1 ? <a href={p.pageHref(p.page - 1)}>← Trang trước</a> : null} <span>
            Trang {p.page}/{p.pages}
          </span>{' '}
          {p.page < p.pages ? <a href={p.pageHref(p.page + 1)}>Trang sau →</a> : null}
        </nav>
      ) : null}
    </StaffLayout>
  );
}
