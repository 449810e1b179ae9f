import { StaffLayout, type StaffNavProps } from '../shared/staff-layout';
import { Layout } from '../shared/layout';
import { formatDateTime, formatVnd } from '../shared/format';
import type { FeeQuote } from './payment.fee';
import { VietQrPay, type VietQrPayProps } from './payment.vietqr-views';
import { METHOD_LABEL, PAYMENT_STATUS_LABEL, type PaymentSummary } from './payment.types';
import { StaffTable } from '../shared/staff-table';
import { ErrorSummary, StatusMessage } from '../shared/messages';

function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

function Lines({ lines }: { lines: PaymentSummary['lines'] }) {
  if (!lines.length) return null;
  return (
    <StaffTable head={['Khoản', 'Đơn giá', 'Số lượng', 'Thành tiền']}>
      {lines.map((l) => (
        <tr>
          <td>{l.label}</td>
          <td>{l.basis === 'cap' ? '' : formatVnd(l.unitAmount)}</td>
          <td>{l.basis === 'cap' ? '' : l.quantity}</td>
          <td>{formatVnd(l.amount)}</td>
        </tr>
      ))}
    </StaffTable>
  );
}

/** The fee as the submit form shows it, before anything is sent. */
/** How a fee can be paid, in the words of the submit form: only what the unit has configured. */
export function payWays(m: { vietqr: boolean; vnpay: boolean }): string {
  const ways = [m.vietqr ? 'chuyển khoản bằng mã VietQR' : '', m.vnpay ? 'qua VNPay' : '', 'tại bộ phận một cửa'].filter(Boolean);
  return ways.length > 1 ? `${ways.slice(0, -1).join(', ')} hoặc ${ways.at(-1)}` : ways[0]!;
}

export function FeeEstimate({ quote, methods }: { quote: FeeQuote; methods: { vietqr: boolean; vnpay: boolean } }) {
  return (
    <section class="card" aria-labelledby="le-phi">
      <h2 id="le-phi">Phí, lệ phí</h2>
      {!quote.structured ? (
        <p>{quote.feeText || 'Cán bộ một cửa sẽ thông báo mức phí, lệ phí (nếu có) khi tiếp nhận hồ sơ.'}</p>
      ) : quote.amount === 0 ? (
        <p>Thủ tục này không thu phí, lệ phí.</p>
      ) : (
        <>
          <p>
            Dự kiến: <strong>{formatVnd(quote.amount)}</strong>
            {quote.lines.some((l) => l.basis !== 'per_case') ? ' (cho 1 bản, 1 trang; cán bộ tính theo số trang, số bản thực tế)' : ''}. Nộp khi được thông báo: {payWays(methods)}.
          </p>
          <Lines lines={quote.lines} />
        </>
      )}
      {quote.onRequest.map((f) => (
        <p>
          {f.label}: <strong>{formatVnd(f.unitAmount)}/bản</strong>, tính theo số bản bạn ghi trong tờ khai (không đề nghị bản sao thì không mất khoản này).
        </p>
      ))}
      {quote.exemptions.length ? (
        <div class="note">
          Được miễn, giảm: {quote.exemptions.join('; ')}. Xin mang giấy tờ chứng minh khi nhận kết quả.
        </div>
      ) : null}
    </section>
  );
}

/** The payment part of the tracking page: amount, status, VietQR code, VNPay button, receipts. */
export function PaymentBox(p: {
  s: PaymentSummary;
  code: string;
  qrSvg?: string;
  account?: VietQrPayProps['account'];
  qrPngHref?: string;
  vnpayAction?: string;
  /** VNPay is motcua's own demo page, not the real gateway. */
  vnpayFake?: boolean;
  noticeHref?: string;
  receiptHref: (id: string) => string;
}) {
  const s = p.s;
  if (s.status === 'none' && !s.payments.length) return null;
  const pending = s.payments.some((x) => x.status === 'pending' && x.method === 'vnpay');
  return (
    <section class="card" aria-labelledby="thanh-toan">
      <h2 id="thanh-toan">Phí, lệ phí</h2>
      <p>
        <strong>{PAYMENT_STATUS_LABEL[s.status]}</strong>
        {s.amount > 0 ? (
          <>
            {' '}
            — phải nộp {formatVnd(s.amount)}
            {s.paid > 0 ? `, đã nộp ${formatVnd(s.paid)}` : ''}
            {s.outstanding > 0 && s.paid > 0 ? `, còn ${formatVnd(s.outstanding)}` : ''}
          </>
        ) : null}
        {s.exemption ? <span class="note"> (miễn, giảm {s.exemption.percent}%: {s.exemption.reason})</span> : null}
      </p>
      {s.outstanding > 0 && p.qrSvg && p.account && p.qrPngHref ? <VietQrPay code={p.code} amount={s.outstanding} qrSvg={p.qrSvg} account={p.account} pngHref={p.qrPngHref} /> : null}
      {s.outstanding > 0 && p.vnpayAction ? (
        <form method="post" action={p.vnpayAction}>
          {pending ? <p class="note">Một giao dịch VNPay trước đó chưa có kết quả; nếu tài khoản đã bị trừ tiền, xin chờ vài phút rồi tải lại trang.</p> : null}
          <button type="submit" class="primary">
            Thanh toán qua VNPay
          </button>
          {p.vnpayFake ? <span class="note"> (chế độ DEMO: cổng VNPay giả lập, không trừ tiền thật)</span> : null}
        </form>
      ) : null}
      {s.outstanding > 0 && p.noticeHref ? (
        <p>
          <a href={p.noticeHref}>Tải thông báo nộp phí, lệ phí (PDF{p.qrSvg ? ', có mã VietQR' : ''})</a>
        </p>
      ) : null}
      {s.outstanding > 0 ? <p class="note">Có thể nộp tiền mặt tại bộ phận một cửa.</p> : null}
      {s.payments.filter((x) => x.status === 'paid').length ? (
        <ul>
          {s.payments
            .filter((x) => x.status === 'paid')
            .map((x) => (
              <li>
                {formatVnd(x.amount)} — {METHOD_LABEL[x.method]} — {x.confirmedAt ? formatDateTime(x.confirmedAt) : ''} — <a href={p.receiptHref(x.id)}>Biên lai {x.receiptNo}</a>
              </li>
            ))}
        </ul>
      ) : null}
    </section>
  );
}

export function StaffFeePage(p: {
  nav: StaffNavProps;
  csrf: string;
  code: string;
  procedureName: string;
  applicant: string;
  s: PaymentSummary;
  exemptions: string[];
  pages: number;
  copies: number;
  receiptHref: (id: string) => string;
  noticeHref: string;
  /** VietQR is configured: the printed notice carries the code. */
  vietqr: boolean;
  message?: string;
  error?: string;
}) {
  const s = p.s;
  return (
    <StaffLayout {...p.nav} title={`Phí, lệ phí hồ sơ ${p.code}`}>
      <h1>Phí, lệ phí hồ sơ {p.code}</h1>
      <p>
        <a href={`/can-bo/ho-so/${p.code}`}>← Hồ sơ</a>
      </p>
      <p class="lead">
        {p.procedureName} — {p.applicant}
      </p>
      <StatusMessage>{p.message}</StatusMessage>
      <ErrorSummary message={p.error} />
      <section class="card">
        <h2>
          {PAYMENT_STATUS_LABEL[s.status]}: phải nộp {formatVnd(s.amount)}, đã nộp {formatVnd(s.paid)}
        </h2>
        {!s.structured ? <p class="note">Danh mục chỉ ghi: {s.feeText || 'không có thông tin'}. Xin xác định mức phí theo quy định.</p> : null}
        <Lines lines={s.lines} />
        {s.exemption ? (
          <p>
            Miễn, giảm {s.exemption.percent}%: {s.exemption.reason}
          </p>
        ) : null}
        <p class="note">{s.assessed ? 'Mức phí do cán bộ xác định.' : 'Mức phí tính theo danh mục (1 bản, 1 trang) — xác định lại nếu khác.'}</p>
      </section>
      <form method="post" action={`/can-bo/ho-so/${p.code}/le-phi`} class="card">
        <Csrf token={p.csrf} />
        <h2>Xác định mức phí</h2>
        <div class="field">
          <label for="f-pages">Số trang</label>
          <input id="f-pages" name="pages" type="number" min={1} value={String(p.pages)} inputMode="numeric" />
        </div>
        <div class="field">
          <label for="f-copies">Số bản</label>
          <input id="f-copies" name="copies" type="number" min={1} value={String(p.copies)} inputMode="numeric" />
        </div>
        <div class="field">
          <label for="f-reason">Lý do miễn, giảm (nếu có)</label>
          {p.exemptions.length ? (
            <p class="hint" id="f-reason-hint">
              Theo danh mục: {p.exemptions.join('; ')}
            </p>
          ) : null}
          <input id="f-reason" name="exemptionReason" value={s.exemption?.reason ?? ''} size={60} aria-describedby={p.exemptions.length ? 'f-reason-hint' : undefined} />
        </div>
        <div class="field">
          <label for="f-percent">Mức miễn, giảm (%)</label>
          <input id="f-percent" name="exemptionPercent" type="number" min={1} max={100} value={String(s.exemption?.percent ?? 100)} inputMode="numeric" />
        </div>
        <button type="submit" name="action" value="assess">
          Lưu mức phí
        </button>
      </form>
      {s.outstanding > 0 ? (
        <section class="card">
          <h2>Thu phí</h2>
          <form method="post" action={`/can-bo/ho-so/${p.code}/le-phi`} class="inline">
            <Csrf token={p.csrf} />
            <button type="submit" name="action" value="cash" class="primary">
              Đã thu tiền mặt {formatVnd(s.outstanding)}, in biên lai
            </button>
          </form>{' '}
          <form method="post" action={`/can-bo/ho-so/${p.code}/le-phi`} class="inline">
            <Csrf token={p.csrf} />
            <button type="submit" name="action" value="notice">
              Gửi thông báo nộp phí cho người dân (SMS/thư/Zalo)
            </button>
          </form>{' '}
          <a href={p.noticeHref}>In thông báo nộp phí{p.vietqr ? ' (có mã VietQR)' : ''}</a>
        </section>
      ) : null}
      {s.payments.length ? (
        <StaffTable caption="Các lần nộp" head={['Thời điểm', 'Hình thức', 'Số tiền', 'Trạng thái', 'Biên lai']}>
          {s.payments.map((x) => (
            <tr>
              <td>{formatDateTime(x.confirmedAt ?? x.createdAt)}</td>
              <td>
                {METHOD_LABEL[x.method]}
                {x.providerRef ? <div class="note">Mã giao dịch {x.providerRef}</div> : null}
              </td>
              <td>{formatVnd(x.amount)}</td>
              <td>{x.status === 'paid' ? 'Đã nhận' : x.status === 'pending' ? 'Đang chờ cổng thanh toán' : 'Không thành công'}</td>
              <td>{x.status === 'paid' ? <a href={p.receiptHref(x.id)}>{x.receiptNo}</a> : '—'}</td>
            </tr>
          ))}
        </StaffTable>
      ) : null}
    </StaffLayout>
  );
}

export interface ReconLine {
  id: string;
  row: number;
  date: string;
  amount: number;
  description: string;
  reference: string;
  dossierCode: string | null;
  /** A linked group's code: the line paid (or was meant for) all its parts. */
  groupCode?: string | null;
  status: string;
  note: string;
}

const LINE_STATUS: Record<string, string> = {
  matched: 'Khớp',
  partial: 'Nộp thiếu',
  overpaid: 'Nộp thừa',
  unmatched: 'Không rõ hồ sơ',
  duplicate: 'Đã ghi nhận trước đó',
  resolved: 'Đã xử lý',
};

export function ReconciliationPage(p: {
  nav: StaffNavProps;
  csrf: string;
  lines: ReconLine[];
  imports: Array<{ id: string; fileName: string; importedBy: string; createdAt: string; summary: Record<string, number> }>;
  report?: { lines: number; matched: number; partial: number; overpaid: number; unmatched: number; duplicate: number };
  message?: string;
  error?: string;
}) {
  return (
    <StaffLayout {...p.nav} title="Đối soát sao kê">
      <h1>Đối soát sao kê ngân hàng</h1>
      <StatusMessage>{p.message}</StatusMessage>
      <ErrorSummary message={p.error} />
      {p.report ? (
        <StatusMessage>
          Đã đọc {p.report.lines} khoản ghi có: {p.report.matched} khớp, {p.report.partial} nộp thiếu, {p.report.overpaid} nộp thừa, {p.report.unmatched} không rõ hồ sơ, {p.report.duplicate} đã ghi nhận trước đó.
        </StatusMessage>
      ) : null}
      <form method="post" action="/can-bo/doi-soat" enctype="multipart/form-data" class="card">
        <Csrf token={p.csrf} />
        <div class="field">
          <label for="f-file">Tệp sao kê (CSV hoặc Excel .xlsx, tải từ ngân hàng điện tử)</label>
          <p class="hint" id="f-file-hint">
            Cần các cột số tiền ghi có và nội dung chuyển khoản; khoản nào có mã hồ sơ (hoặc mã hồ sơ liên thông LT-…, cho mọi phần của nhóm) trong nội dung được ghi nhận tự động.
          </p>
          <input id="f-file" name="file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby="f-file-hint" />
        </div>
        <button type="submit" class="primary">
          Nhập và đối soát
        </button>
      </form>
      <StaffTable caption={<>Cần người xử lý ({p.lines.length})</>} head={['Ngày', 'Số tiền', 'Nội dung', 'Hồ sơ', 'Tình trạng', 'Xử lý']}>
        {p.lines.map((l) => (
          <tr>
            <td>{l.date}</td>
            <td>{formatVnd(l.amount)}</td>
            <td>
              {l.description}
              {l.reference ? <div class="note">Số tham chiếu {l.reference}</div> : null}
            </td>
            <td>
              {l.dossierCode ? <a href={`/can-bo/ho-so/${l.dossierCode}/le-phi`}>{l.dossierCode}</a> : l.groupCode ? <a href={`/can-bo/lien-thong/${l.groupCode}`}>{l.groupCode} (cả nhóm)</a> : '—'}
            </td>
            <td>{LINE_STATUS[l.status] ?? l.status}</td>
            <td>
              <form method="post" action={`/can-bo/doi-soat/${l.id}`}>
                <Csrf token={p.csrf} />
                {l.status === 'unmatched' ? (
                  <>
                    <label for={`c-${l.id}`}>Mã hồ sơ (hoặc mã nhóm LT-…)</label> <input id={`c-${l.id}`} name="dossierCode" size={22} />{' '}
                  </>
                ) : null}
                <label for={`n-${l.id}`}>Ghi chú</label> <input id={`n-${l.id}`} name="note" size={24} /> <button type="submit">Xong</button>
              </form>
            </td>
          </tr>
        ))}
      </StaffTable>
      {p.imports.length ? (
        <section>
          <h2>Các lần nhập</h2>
          <ul>
            {p.imports.map((i) => (
              <li>
                {formatDateTime(i.createdAt)} — {i.fileName} — {i.importedBy}: {i.summary.lines ?? 0} khoản, {i.summary.matched ?? 0} khớp
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </StaffLayout>
  );
}

export function VnpayReturnPage(p: { ok: boolean; message: string; trackHref?: string; homeHref: string }) {
  return (
    <Layout title="Kết quả thanh toán" unitHref={p.homeHref}>
      <h1>{p.ok ? 'Thanh toán thành công' : 'Thanh toán chưa thành công'}</h1>
      <StatusMessage>{p.message}</StatusMessage>
      {p.trackHref ? (
        <p>
          <a class="btn primary" href={p.trackHref}>
            Xem hồ sơ
          </a>
        </p>
      ) : null}
    </Layout>
  );
}
