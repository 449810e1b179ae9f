import type { ComponentChildren } from 'preact';
import type { Unit } from '../unit';
import type { Procedure } from '../catalog';
import { EFormView, type EForm, type FieldError } from '../eform';
import { Layout } from '../shared/layout';
import { StaffLayout, type StaffNavProps } from '../shared/staff-layout';
import { formatDateTime } from '../shared/format';
import { formatPhone } from '../shared/phone';
import type { DossierView, ProcedureForm } from './dossier.service';
import type { CitizenTracking } from './dossier.tracking';
import { CitizenTimeline, NextStepBox, ResultBox } from './dossier.tracking-views';
import { CHANNEL_NAME, STATUS_LABEL, type Dossier, type DossierStatus } from './dossier.types';
import { assetUrl } from '../shared/assets';

export interface FormError {
  field: string;
  code: string;
  message: string;
}

function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

function Errors({ errors }: { errors: FormError[] }) {
  if (!errors.length) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      <h2>Cần sửa {errors.length} chỗ trước khi gửi</h2>
      <ul>
        {errors.map((e) => (
          <li>{e.message}</li>
        ))}
      </ul>
    </div>
  );
}

function Field(p: { id: string; name: string; label: string; value?: string; required?: boolean; type?: string; autocomplete?: string; inputmode?: string; hint?: string; error?: string }) {
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

const errOf = (errors: FormError[], field: string) => errors.find((e) => e.field === field)?.message;

export interface SubmitPageProps {
  unit: Unit;
  procedure: Procedure;
  form: ProcedureForm;
  eform: EForm;
  action: string;
  csrf: string;
  values: Record<string, unknown>;
  applicant: Record<string, string>;
  caseId: string;
  errors: FormError[];
  formErrors: FieldError[];
  /** Visitor must sign in first (phone verification required). */
  signInHref?: string;
  counter?: boolean;
  /** At the counter: the page is a workspace page (menu, sign-out). */
  staffNav?: StaffNavProps;
  channel?: 'in_person' | 'post';
  homeHref: string;
  /** The fee, shown before submission (payment module). */
  fee?: ComponentChildren;
}

export function SubmitPage(p: SubmitPageProps) {
  const title = p.counter ? `Tiếp nhận hồ sơ: ${p.procedure.name}` : `Nộp hồ sơ trực tuyến: ${p.procedure.name}`;
  const Frame = (f: { children: ComponentChildren }) =>
    p.staffNav ? (
      <StaffLayout {...p.staffNav} title={title} head={<script src={assetUrl('submit.js')} defer />}>
        {f.children}
      </StaffLayout>
    ) : (
      <Layout title={`${title} — ${p.unit.name}`} unitName={p.unit.name} unitHref={p.homeHref} head={<script src={assetUrl('submit.js')} defer />}>
        {f.children}
      </Layout>
    );
  return (
    <Frame>
      <h1>{title}</h1>
      {p.signInHref ? (
        <div class="card">
          <p>Để nộp hồ sơ, xin xác thực số điện thoại của bạn bằng mã OTP gửi qua tin nhắn (không cần mật khẩu).</p>
          <p>
            <a class="btn primary" href={p.signInHref}>
              Xác thực số điện thoại
            </a>
          </p>
        </div>
      ) : null}
      <Errors errors={p.errors} />
      <form method="post" action={p.action} enctype="multipart/form-data" novalidate class="dossier-form">
        <Csrf token={p.csrf} />
        {p.counter ? (
          <fieldset class="card">
            <legend>Hình thức nộp</legend>
            <label>
              <input type="radio" name="channel" value="in_person" checked={p.channel !== 'post'} /> Trực tiếp tại bộ phận một cửa
            </label>
            <label>
              <input type="radio" name="channel" value="post" checked={p.channel === 'post'} /> Qua dịch vụ bưu chính
            </label>
          </fieldset>
        ) : null}
        <section class="card" aria-labelledby="nguoi-nop">
          <h2 id="nguoi-nop">Người nộp hồ sơ</h2>
          <details class="cccd">
            <summary>Điền nhanh từ mã QR trên thẻ căn cước</summary>
            <p class="hint">Quét mã QR ở mặt trước thẻ căn cước bằng camera, hoặc dán nội dung mã vào ô dưới đây.</p>
            <div class="cccd-scan" hidden>
              <button type="button" id="cccd-camera">
                Mở camera để quét
              </button>
              <video id="cccd-video" playsInline muted hidden aria-label="Hình ảnh từ camera"></video>
            </div>
            <label for="cccd-text">Nội dung mã QR</label>
            <textarea id="cccd-text" name="cccd" rows={2}>
              {p.applicant.cccd ?? ''}
            </textarea>
            <button type="submit" name="action" value="cccd" formnovalidate>
              Điền thông tin từ mã
            </button>
          </details>
          <Field id="a-name" name="applicant.fullName" label="Họ và tên" required autocomplete="name" value={p.applicant.fullName} error={errOf(p.errors, 'applicant.fullName')} />
          <Field id="a-phone" name="applicant.phone" label="Số điện thoại" required type="tel" inputmode="tel" autocomplete="tel" value={p.applicant.phone} hint="Để nhận tin nhắn về hồ sơ và tra cứu." error={errOf(p.errors, 'applicant.phone')} />
          <Field id="a-id" name="applicant.idNumber" label="Số định danh cá nhân (12 số trên thẻ căn cước)" inputmode="numeric" value={p.applicant.idNumber} error={errOf(p.errors, 'applicant.idNumber')} />
          <Field id="a-email" name="applicant.email" label="Thư điện tử" type="email" autocomplete="email" value={p.applicant.email} error={errOf(p.errors, 'applicant.email')} />
          <Field id="a-addr" name="applicant.address" label="Địa chỉ" autocomplete="street-address" value={p.applicant.address} error={errOf(p.errors, 'applicant.address')} />
        </section>

        {p.form.cases.some((g) => g.kind === 'case') ? (
          <fieldset class="card">
            <legend>Trường hợp của bạn</legend>
            <label class="choice">
              <input type="radio" name="case" value="" checked={!p.caseId} /> Không thuộc các trường hợp riêng dưới đây
            </label>
            {p.form.cases
              .filter((g) => g.kind === 'case')
              .map((c) => (
                <label class="choice">
                  <input type="radio" name="case" value={c.id} checked={p.caseId === c.id} /> {c.title}
                </label>
              ))}
          </fieldset>
        ) : null}

        <EFormView eform={p.eform} values={p.values} errors={p.formErrors} idPrefix="f-" />

        <section class="card" aria-labelledby="giay-to">
          <h2 id="giay-to">Giấy tờ đính kèm</h2>
          <p class="hint">Ảnh chụp rõ nét hoặc tệp PDF; mỗi tệp tối đa 10 MB. Định dạng: PDF, JPEG, PNG, HEIC.</p>
          {p.form.cases.filter((g) => g.kind !== 'show').map((g) => (
            <fieldset class="uploads" data-case={g.kind === 'case' ? g.id : undefined}>
              <legend>{g.title}</legend>
              {g.components.map((c) => {
                const id = `up-${c.id.replace('.', '-')}`;
                const err = errOf(p.errors, `attachments.${c.id}`);
                return (
                  <div class={`field${err ? ' has-error' : ''}`}>
                    <label for={id}>
                      {c.name}
                      {c.required ? <span class="req"> (bắt buộc)</span> : <span class="hint"> (nếu có)</span>}
                    </label>
                    {err ? (
                      <p class="err" id={`${id}-err`}>
                        {err}
                      </p>
                    ) : null}
                    <input id={id} type="file" name={`file:${c.id}`} accept="application/pdf,image/jpeg,image/png,image/heic,.heic" multiple aria-describedby={err ? `${id}-err` : undefined} />
                  </div>
                );
              })}
            </fieldset>
          ))}
          {p.form.cases
            .filter((g) => g.kind === 'show')
            .map((g) => (
              <div class="note">
                <strong>{g.title}</strong> (mang theo khi đến nhận kết quả, không cần đính kèm):
                <ul>
                  {g.components.map((c) => (
                    <li>{c.name}</li>
                  ))}
                </ul>
              </div>
            ))}
        </section>

        {!p.counter ? (
          <fieldset class="card">
            <legend>Nhận kết quả</legend>
            <label class="choice">
              <input type="radio" name="delivery" value="counter" checked={p.applicant.delivery !== 'post'} /> Tại bộ phận một cửa
            </label>
            <label class="choice">
              <input type="radio" name="delivery" value="post" checked={p.applicant.delivery === 'post'} /> Qua bưu chính (nhập địa chỉ nhận)
            </label>
            <Field id="d-addr" name="deliveryAddress" label="Địa chỉ nhận kết quả qua bưu chính" value={p.applicant.deliveryAddress} error={errOf(p.errors, 'delivery.address')} />
          </fieldset>
        ) : null}

        {p.fee}

        <p class="actions">
          <button type="submit" name="action" value="submit" class="primary">
            {p.counter ? 'Tiếp nhận và in giấy hẹn' : 'Nộp hồ sơ'}
          </button>{' '}
          {!p.counter ? (
            <button type="submit" name="action" value="draft">
              Lưu nháp
            </button>
          ) : null}
        </p>
      </form>
    </Frame>
  );
}

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
  payment?: ComponentChildren;
  /** What the applicant can do here (supplement, withdraw): forms from the processing pages. */
  citizen?: ComponentChildren;
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
      <ResultBox result={p.tracking.result} href={p.resultHref} />
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
      {p.error ? (
        <div class="error-summary" role="alert">
          <p>{p.error}</p>
        </div>
      ) : null}
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
      {p.error ? (
        <div class="error-summary" role="alert">
          <p>{p.error}</p>
        </div>
      ) : null}
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
          <p>Đã gửi mã tới số {formatPhone(p.phone)}. Mã có hiệu lực 5 phút.</p>
          {p.demoCode ? (
            <p class="demo" role="note">
              Chế độ trình diễn: mã của bạn là <strong>{p.demoCode}</strong>
            </p>
          ) : null}
          <Field id="s-code" name="code" label="Mã xác thực" required inputmode="numeric" autocomplete="one-time-code" />
          <p>
            <button type="submit" name="step" value="verify" class="primary">
              Xác nhận
            </button>
          </p>
        </form>
      )}
    </Layout>
  );
}

export function MyDossiersPage(p: { csrf: string; name: string; phone: string; hasPassword: boolean; list: Array<Dossier & { procedureName: string }>; trackHref: (code: string) => string; homeHref: string; message?: string }) {
  return (
    <Layout title="Hồ sơ của tôi" unitHref={p.homeHref}>
      <h1>Hồ sơ của tôi</h1>
      <p>
        {p.name ? `${p.name} — ` : ''}
        {formatPhone(p.phone)} · <a href="/ca-nhan/thong-bao">Nhận thông báo qua SMS, thư điện tử, Zalo</a>
      </p>
      {p.message ? (
        <p class="card" role="status">
          {p.message}
        </p>
      ) : null}
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
      {p.error ? (
        <div class="error-summary" role="alert">
          <p>{p.error}</p>
        </div>
      ) : null}
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
      {p.error ? (
        <div class="error-summary" role="alert">
          <p>{p.error}</p>
        </div>
      ) : null}
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
