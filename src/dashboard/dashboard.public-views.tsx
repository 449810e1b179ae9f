import type { IndicatorReport } from '../indicator';
import { ErrorSummary } from '../shared/messages';
import type { PeriodError } from './dashboard.views';
import { Layout } from '../shared/layout';
import { formatDateTime } from '../shared/format';
import { fmt } from './dashboard.charts';
import { pct, periodText } from './dashboard.tables';

/**
 * "Kết quả giải quyết thủ tục hành chính": what a commune publishes each month on its portal and
 * notice board — dossiers received (online), settled on time, results digitised, satisfaction,
 * the score — for the month and the year so far. Counts only: no dossier, no person.
 */

function figure(r: IndicatorReport, key: string) {
  for (const g of r.groups) for (const i of g.indicators) if (i.key === key) return i;
  return undefined;
}

function Figures(p: { r: IndicatorReport; id: string }) {
  const received = figure(p.r, 'online_rate');
  const onTime = figure(p.r, 'on_time_rate');
  const payment = figure(p.r, 'online_payment_rate');
  const digit = figure(p.r, 'digitisation_rate');
  const sat = figure(p.r, 'satisfaction_rate');
  const n = (x: number | undefined) => (x ?? 0).toLocaleString('vi-VN');
  return (
    <section class="card results" aria-labelledby={p.id}>
      <h2 id={p.id}>{periodText(p.r.period).replace(/^./, (c) => c.toUpperCase())}</h2>
      <dl class="results-list">
        <div>
          <dt>Hồ sơ tiếp nhận</dt>
          <dd data-figure="received">{n(received?.denominator)}</dd>
        </div>
        <div>
          <dt>Trong đó nộp trực tuyến</dt>
          <dd data-figure="online">
            {n(received?.numerator)} ({pct(received?.rate)})
          </dd>
        </div>
        <div>
          <dt>Hồ sơ phải giải quyết</dt>
          <dd data-figure="due">{n(onTime?.denominator)}</dd>
        </div>
        <div>
          <dt>Giải quyết trước và đúng hạn (kể cả đang giải quyết còn hạn)</dt>
          <dd data-figure="on-time">
            {n(onTime?.numerator)} ({pct(onTime?.rate)})
          </dd>
        </div>
        <div>
          <dt>Trễ hạn</dt>
          <dd data-figure="late">{n((onTime?.denominator ?? 0) - (onTime?.numerator ?? 0))}</dd>
        </div>
        <div>
          <dt>Thanh toán phí, lệ phí trực tuyến</dt>
          <dd>
            {n(payment?.numerator)}/{n(payment?.denominator)} hồ sơ có phí ({pct(payment?.rate)})
          </dd>
        </div>
        <div>
          <dt>Số hóa hồ sơ, kết quả điện tử</dt>
          <dd>{pct(digit?.rate)}</dd>
        </div>
        <div>
          <dt>Mức độ hài lòng</dt>
          <dd>{pct(sat?.rate)}</dd>
        </div>
        <div>
          <dt>Điểm chỉ số phục vụ người dân, doanh nghiệp</dt>
          <dd data-figure="total">{p.r.hasDossiers ? `${fmt(p.r.total)}/${p.r.max}` : 'Chưa có hồ sơ trong kỳ'}</dd>
        </div>
      </dl>
    </section>
  );
}

export function PublicResultsPage(p: { unitName: string; unitHref: string; month: IndicatorReport; year: IndicatorReport; months: string[]; periodError?: PeriodError }) {
  const title = `Kết quả giải quyết thủ tục hành chính — ${p.unitName}`;
  return (
    <Layout title={title} unitName={p.unitName} unitHref={p.unitHref} description={`Số liệu giải quyết thủ tục hành chính ${periodText(p.month.period)} và ${periodText(p.year.period)} của ${p.unitName}.`}>
      <nav aria-label="Đường dẫn" class="crumbs">
        <a href={p.unitHref}>Trang chủ</a> › <span>Kết quả giải quyết thủ tục hành chính</span>
      </nav>
      <h1>Kết quả giải quyết thủ tục hành chính</h1>
      <ErrorSummary title={p.periodError ? `Không xem được kỳ "${p.periodError.typed}". Đang hiển thị ${periodText(p.month.period)}.` : undefined} message={p.periodError?.message} />
      <p>
        {p.unitName} công khai số liệu tiếp nhận và giải quyết hồ sơ thủ tục hành chính theo Quyết định 766/QĐ-TTg. Số liệu tính tự động từ quá trình xử lý hồ sơ, cập nhật đến{' '}
        {formatDateTime(p.month.asOf)}.
      </p>
      <Figures r={p.month} id="thang" />
      <Figures r={p.year} id="nam" />
      <nav aria-label="Các tháng trước" class="card">
        <h2>Các tháng trước</h2>
        <ul class="inline">
          {p.months.map((m) => (
            <li>
              <a href={`${p.unitHref}/ket-qua-giai-quyet?ky=${m}`}>{periodText(m)}</a>
            </li>
          ))}
        </ul>
      </nav>
    </Layout>
  );
}
