import type { ComponentChildren } from 'preact';
import type { Unit } from '../unit';
import { Layout } from '../shared/layout';
import { StaffLayout, type StaffNavProps } from '../shared/staff-layout';
import { formatDate, formatDateTime } from '../shared/format';
import { formatPhone } from '../shared/phone';
import type { DossierView } from './dossier.service';
import type { CitizenTracking } from './dossier.tracking';
import { CitizenTimeline, NextStepBox, ResultBox } from './dossier.tracking-views';
import { CHANNEL_NAME, STATUS_LABEL, type Dossier } from './dossier.types';
import { ErrorSummary, StatusMessage } from '../shared/messages';

export interface FormError {
  field: string;
  code: string;
  message: string;
}

export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** "The code was sent to …", the demo's code when there is one, and the field to type it. */
export function OtpCodeSent(p: { id: string; phone: string; demoCode?: string; error?: string }) {
  return (
    <>
      <p>Đã gửi mã tới số {formatPhone(p.phone)}. Mã có hiệu lực 5 phút.</p>
      {p.demoCode ? (
        <p class="demo" role="note">
          Chế độ trình diễn: mã của bạn là <strong>{p.demoCode}</strong>
        </p>
      ) : null}
      <Field id={p.id} name="code" label="Mã xác thực" required inputmode="numeric" autocomplete="one-time-code" error={p.error} />
    </>
  );
}

export function Field(p: { id: string; name: string; label: string; value?: string; required?: boolean; type?: string; autocomplete?: string; inputmode?: string; hint?: string; error?: string }) {
  const described = [p.hint ? `${p.id}-hint` : '', p.error ? `${p.id}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${p.error ? ' has-error' : ''}`}>
      <label for={p.id}>
        {p.label}
        {p.required ? <span class="req"> (bắt buộc)</span> : null}
      </label>
      {p.hint ? (
        <p class="hint" id={`${p.id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      {p.error ? (
        <p class="err" id={`${p.id}-err`}>
          {p.error}
        </p>
      ) : null}
      <input
        id={p.id}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.value ?? ''}
        autocomplete={p.autocomplete}
        inputMode={p.inputmode as 'text' | 'tel' | 'numeric' | undefined}
        aria-describedby={described}
        aria-invalid={p.error ? 'true' : undefined}
      />
    </div>
  );
}

export const errOf = (errors: FormError[], field: string) => errors.find((e) => e.field === field)?.message;

export function TrackingPage(p: {
  d: DossierView;
  unit: Unit;
  trackingUrl: string;
  qrSvg: string;
  receiptHref: string;
  homeHref: string;
  /** Steps, next step and electronic result, as the citizen reads them (dossier.tracking.ts). */
  tracking: CitizenTracking;
  resultHref: string;
  /** The public verification page of a signed result. */
  resultVerifyHref?: string | null;
  payment?: ComponentChildren;
  /** What the applicant can do here (supplement, withdraw): forms from the processing pages. */
  citizen?: ComponentChildren;
  /** The satisfaction rating of a returned dossier (rating module). */
  rating?: ComponentChildren;
}) {
  const d = p.d;
  const current = d.history.at(-1);
  return (
    <Layout title={`Hồ sơ ${d.code} — ${p.unit.name}`} unitName={p.unit.name} unitHref={p.homeHref}>
      <h1>Hồ sơ {d.code}</h1>
      <p class="lead">{d.procedureName}</p>
      <div class={`status status-${d.status}`} role="status">
        <strong>Tình trạng: {STATUS_LABEL[d.status]}</strong>
        {current ? <span class="note"> — cập nhật {formatDateTime(current.createdAt)}</span> : null}
      </div>
      <dl class="kv">
        <dt>{d.dueFixed ? 'Ngày hẹn trả kết quả' : 'Ngày dự kiến trả kết quả'}</dt>
        <dd>
          {d.dueAt ? formatDateTime(d.dueAt) : 'Cán bộ sẽ báo khi tiếp nhận'}
          {!d.dueFixed && d.dueAt ? <span class="note"> (tính từ lúc nộp; ngày hẹn chính thức được ấn định khi cán bộ tiếp nhận)</span> : null}
        </dd>
        {d.rescheduledDueAt ? (
          <>
            <dt>Ngày hẹn mới (theo phiếu xin lỗi)</dt>
            <dd>{formatDateTime(d.rescheduledDueAt)}</dd>
          </>
        ) : null}
        <dt>Người nộp</dt>
        <dd>
          {d.applicant.fullName} — {formatPhone(d.applicant.phone)}
        </dd>
        <dt>Hình thức nộp</dt>
        <dd>{CHANNEL_NAME[d.channel]}</dd>
        {d.submittedAt ? (
          <>
            <dt>Thời điểm nộp</dt>
            <dd>{formatDateTime(d.submittedAt)}</dd>
          </>
        ) : null}
      </dl>
      <NextStepBox next={p.tracking.next} />
      <ResultBox result={p.tracking.result} href={p.resultHref} verifyHref={p.resultVerifyHref} />
      {p.rating}
      {p.payment}
      {p.citizen}
      <p>
        <a class="btn" href={p.receiptHref}>
          Tải giấy tiếp nhận và hẹn trả kết quả (PDF)
        </a>
      </p>
      <CitizenTimeline steps={p.tracking.steps} />
      <section class="card qrbox">
        <h2>Mã QR theo dõi hồ sơ</h2>
        <div class="qr" role="img" aria-label="Mã QR mở trang theo dõi hồ sơ này" dangerouslySetInnerHTML={{ __html: p.qrSvg }} />
        <p class="note">Giữ mã này để xem tình trạng hồ sơ bất cứ lúc nào.</p>
      </section>
    </Layout>
  );
}

export function LookupPage(p: { csrf: string; code: string; phone: string; error?: string; homeHref: string; unitName?: string }) {
  return (
    <Layout title="Tra cứu hồ sơ" unitName={p.unitName} unitHref={p.homeHref}>
      <h1>Tra cứu hồ sơ</h1>
      <ErrorSummary message={p.error} />
      <form method="post" action="/tra-cuu" class="card" novalidate>
        <Csrf token={p.csrf} />
        <Field id="t-code" name="code" label="Mã hồ sơ" required value={p.code} hint="Ví dụ: 00004-261129-0001 (in trên giấy hẹn)" />
        <Field id="t-phone" name="phone" label="Số điện thoại đã dùng khi nộp" required type="tel" inputmode="tel" value={p.phone} />
        <p>
          <button type="submit" class="primary">
            Tra cứu
          </button>
        </p>
      </form>
    </Layout>
  );
}

export function SignInPage(p: { csrf: string; phone: string; step: 'phone' | 'code'; next: string; error?: string; demoCode?: string; homeHref: string }) {
  return (
    <Layout title="Đăng nhập bằng số điện thoại" unitHref={p.homeHref}>
      <h1>Đăng nhập bằng số điện thoại</h1>
      <ErrorSummary message={p.error} />
      {p.step === 'phone' ? (
        <form method="post" action="/dang-nhap" class="card" novalidate>
          <Csrf token={p.csrf} />
          <input type="hidden" name="next" value={p.next} />
          <Field id="s-phone" name="phone" label="Số điện thoại" required type="tel" inputmode="tel" autocomplete="tel" value={p.phone} hint="Chúng tôi gửi mã xác thực gồm 6 chữ số qua tin nhắn." />
          <p>
            <button type="submit" name="step" value="send" class="primary">
              Gửi mã xác thực
            </button>
          </p>
          <p class="note">Đã đặt mật khẩu? Nhập số điện thoại và mật khẩu:</p>
          <Field id="s-pass" name="password" label="Mật khẩu (nếu có)" type="password" autocomplete="current-password" />
          <p>
            <button type="submit" name="step" value="password">
              Đăng nhập bằng mật khẩu
            </button>
          </p>
        </form>
      ) : (
        <form method="post" action="/dang-nhap" class="card" novalidate>
          <Csrf token={p.csrf} />
          <input type="hidden" name="next" value={p.next} />
          <input type="hidden" name="phone" value={p.phone} />
          <OtpCodeSent id="s-code" phone={p.phone} demoCode={p.demoCode} />
          <p>
            <button type="submit" name="step" value="verify" class="primary">
              Xác nhận
            </button>
          </p>
        </form>
      )}
      <p class="note">
        Cán bộ, công chức: <a href="/can-bo/dang-nhap">đăng nhập bằng tài khoản cán bộ</a>.
      </p>
    </Layout>
  );
}

export interface SignedResultLink {
  title: string;
  dossierCode: string | null;
  signedAt: string;
  downloadHref: string | null;
  verifyHref: string;
}

/** "Kết quả điện tử đã ký số": each signed result, to download and to verify. */
function SignedResults({ list }: { list?: SignedResultLink[] }) {
  if (!list?.length) return null;
  return (
    <section aria-labelledby="ket-qua-ky-so">
      <h2 id="ket-qua-ky-so">Kết quả điện tử đã ký số</h2>
      <ul class="plist">
        {list.map((r) => (
          <li class="card">
            <p>
              <strong>{r.title}</strong>
              <br />
              <span class="note">
                {r.dossierCode ? `Hồ sơ ${r.dossierCode} · ` : ''}ký số ngày {formatDate(r.signedAt)}
              </span>
            </p>
            <p>
              {r.downloadHref ? (
                <>
                  <a class="btn" href={r.downloadHref}>
                    Tải kết quả (PDF)
                  </a>{' '}
                </>
              ) : null}
              <a href={r.verifyHref}>Xác thực văn bản</a>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function MyDossiersPage(p: {
  csrf: string;
  name: string;
  phone: string;
  hasPassword: boolean;
  list: Array<Dossier & { procedureName: string }>;
  /** Drafts not submitted yet, with the link that reopens each with its answers and files. */
  drafts?: Array<Dossier & { procedureName: string; resumeHref: string }>;
  trackHref: (code: string) => string;
  homeHref: string;
  message?: string;
  /** Results signed by the unit, to download and verify (issue 14). */
  signed?: SignedResultLink[];
}) {
  return (
    <Layout title="Hồ sơ của tôi" unitHref={p.homeHref}>
      <h1>Hồ sơ của tôi</h1>
      <p>
        {p.name ? `${p.name} — ` : ''}
        {formatPhone(p.phone)} · <a href="/ca-nhan/kho-giay-to">Kho giấy tờ của tôi</a> · <a href="/ca-nhan/thong-bao">Nhận thông báo qua SMS, thư điện tử, Zalo</a>
      </p>
      <StatusMessage>{p.message}</StatusMessage>
      {p.drafts?.length ? (
        <section aria-labelledby="ban-nhap">
          <h2 id="ban-nhap">Bản nháp chưa nộp</h2>
          <ul class="plist">
            {p.drafts.map((d) => (
              <li>
                <a href={d.resumeHref}>
                  <span class="pname">{d.procedureName}</span>
                  <span class="pmeta">
                    <span>Sửa lần cuối: {formatDateTime(d.updatedAt)}</span>
                    {d.expiresAt ? <span>Tự xóa sau ngày {formatDate(d.expiresAt)}</span> : null}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <SignedResults list={p.signed} />
      {p.drafts?.length || p.signed?.length ? <h2>Hồ sơ đã nộp</h2> : null}
      {p.list.length ? (
        <ul class="plist">
          {p.list.map((d) => (
            <li>
              <a href={p.trackHref(d.code!)}>
                <span class="pname">
                  {d.code} — {d.procedureName}
                </span>
                <span class="pmeta">
                  <span>{STATUS_LABEL[d.status]}</span>
                  {d.dueAt ? <span>Hẹn trả: {formatDateTime(d.dueAt)}</span> : null}
                </span>
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p>Bạn chưa có hồ sơ nào.</p>
      )}
      <form method="post" action="/ca-nhan/mat-khau" class="card" novalidate>
        <h2>{p.hasPassword ? 'Đổi mật khẩu' : 'Đặt mật khẩu (không bắt buộc)'}</h2>
        <Csrf token={p.csrf} />
        <Field id="m-pass" name="password" label="Mật khẩu mới (ít nhất 8 ký tự)" type="password" autocomplete="new-password" />
        <p>
          <button type="submit">Lưu mật khẩu</button>
        </p>
      </form>
      <form method="post" action="/dang-xuat">
        <Csrf token={p.csrf} />
        <button type="submit">Đăng xuất</button>
      </form>
    </Layout>
  );
}

export function StaffSignInPage(p: { csrf: string; username: string; error?: string; next: string; oidc?: { href: string; label: string } }) {
  return (
    <Layout title="Cán bộ đăng nhập">
      <h1>Cán bộ đăng nhập</h1>
      <ErrorSummary message={p.error} />
      <form method="post" action="/can-bo/dang-nhap" class="card" novalidate>
        <Csrf token={p.csrf} />
        <input type="hidden" name="next" value={p.next} />
        <Field id="u-name" name="username" label="Tên đăng nhập" required autocomplete="username" value={p.username} />
        <Field id="u-pass" name="password" label="Mật khẩu" required type="password" autocomplete="current-password" />
        <p>
          <button type="submit" class="primary">
            Đăng nhập
          </button>
        </p>
      </form>
      {p.oidc ? (
        <p>
          <a class="btn" href={p.oidc.href}>
            {p.oidc.label}
          </a>
        </p>
      ) : null}
    </Layout>
  );
}

export function ServiceCardFormPage(p: { nav: StaffNavProps; csrf: string; phone: string; name: string; error?: string }) {
  return (
    <StaffLayout {...p.nav} title="Phiếu dịch vụ công">
      <h1>In Phiếu dịch vụ công</h1>
      <ErrorSummary message={p.error} />
      <form method="post" action="/can-bo/phieu-dich-vu-cong" class="card" novalidate>
        <Csrf token={p.csrf} />
        <Field id="c-phone" name="phone" label="Số điện thoại của người dân" required type="tel" inputmode="tel" value={p.phone} />
        <Field id="c-name" name="fullName" label="Họ và tên" required value={p.name} />
        <p>
          <button type="submit" class="primary">
            Tạo phiếu (PDF)
          </button>
        </p>
      </form>
    </StaffLayout>
  );
}
