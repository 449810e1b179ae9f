import type { ComponentChildren } from 'preact';
import type { Procedure } from '../catalog';
import { EFormView, type EForm, type FieldError } from '../eform';
import { formatDate } from '../shared/format';
import { assetUrl } from '../shared/assets';
import { Layout } from '../shared/layout';
import { formatPhone } from '../shared/phone';
import { StaffLayout, type StaffNavProps } from '../shared/staff-layout';
import type { Unit } from '../unit';
import type { ProcedureForm } from './dossier.components';
import type { DossierFile } from './dossier.types';
import { Csrf, errOf, Field, OtpCodeSent, type FormError } from './dossier.views';
import type { StoredPaperOffer } from './dossier.papers';
import { CounterStoreBox, StoredChoice, type CounterStoreState } from './dossier.stored-views';

/**
 * The online form (and the counter's reception form): one error summary on top for every problem,
 * with a link to each field (GOV.UK pattern); the papers of the general list and of the chosen case
 * only; papers already uploaded shown by name, never asked again; the declaration that the e-form
 * replaces not asked for online.
 */

export interface SubmitPageProps {
  unit: Unit;
  procedure: Procedure;
  form: ProcedureForm;
  eform: EForm;
  action: string;
  csrf: string;
  values: Record<string, unknown>;
  applicant: Record<string, string>;
  /** '' = none of the special cases; undefined = not chosen yet (no case's papers shown). */
  caseId?: string;
  /**
   * The case is not chosen yet: without JavaScript the page is a first step that asks for it (a
   * GET form), and the whole form stays hidden; submit.js swaps them, and the form's own case
   * choice then shows each case's papers live.
   */
  caseStep?: { action: string; hidden: Record<string, string>; error?: string };
  /** Every problem: applicant.*, case, formData.*, attachments.*, delivery.*, '' (the whole form). */
  errors: FormError[];
  /** Days a draft is kept after its last change (DRAFT_TTL_DAYS). */
  draftDays: number;
  /** The draft that holds this form's answers and files. */
  draft?: { id: string; token: string; expiresAt?: string | null };
  /** Files already uploaded, by component id. */
  attached: Record<string, DossierFile[]>;
  /** Anonymous visitor while phone verification is on: a one-time code is asked before submission. */
  signInHref?: string;
  counter?: boolean;
  /** At the counter: the page is a workspace page (menu, sign-out). */
  staffNav?: StaffNavProps;
  channel?: 'in_person' | 'post' | 'home';
  /** Received at the citizen's home on a planned visit: who and where (the channel is then fixed, papers photographed on the phone). */
  homeVisit?: string;
  homeHref: string;
  /** The fee, shown before submission (payment module). */
  fee?: ComponentChildren;
  /** "Dùng giấy tờ đã có": stored papers of the citizen that fit each component (docstore module). */
  stored?: Record<string, StoredPaperOffer[]>;
  /** At the counter: the citizen's consent to use their store (absent: no store to offer). */
  counterStore?: CounterStoreState;
}

const FIELD_ID: Record<string, string> = {
  'applicant.fullName': 'a-name',
  'applicant.phone': 'a-phone',
  'applicant.idNumber': 'a-id',
  'applicant.email': 'a-email',
  'applicant.address': 'a-addr',
  'delivery.address': 'd-addr',
  cccd: 'cccd-text',
};

export const uploadId = (componentId: string) => `up-${componentId.replace(/\./g, '-')}`;

/** Where the summary's link for a problem goes; undefined when the problem has no field. */
function targetOf(field: string, p: SubmitPageProps): string | undefined {
  if (FIELD_ID[field]) return FIELD_ID[field];
  if (field.startsWith('formData.')) {
    const id = field.slice('formData.'.length);
    return p.eform.sections.some((s) => s.fields.some((f) => f.id === id)) ? `f-${id}` : undefined;
  }
  if (field.startsWith('attachments.')) return uploadId(field.slice('attachments.'.length));
  if (field === 'case') return 'case-none';
  return undefined;
}

function ErrorSummary({ p }: { p: SubmitPageProps }) {
  if (!p.errors.length) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="loi-tieu-de" tabIndex={-1}>
      <h2 id="loi-tieu-de">Cần sửa {p.errors.length} chỗ trước khi gửi</h2>
      <ul>
        {p.errors.map((e) => {
          const target = targetOf(e.field, p);
          return <li>{target ? <a href={`#${target}`}>{e.message}</a> : e.message}</li>;
        })}
      </ul>
    </div>
  );
}

function Paper({ c, p, attachedTo }: { c: ProcedureForm['cases'][number]['components'][number]; p: SubmitPageProps; attachedTo: DossierFile[] }) {
  const id = uploadId(c.id);
  const err = errOf(p.errors, `attachments.${c.id}`);
  const described = [attachedTo.length ? `${id}-have` : '', err ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${err ? ' has-error' : ''}`}>
      <label for={id}>
        {c.name}
        {c.required ? <span class="req"> (bắt buộc)</span> : <span class="hint"> (nếu có)</span>}
      </label>
      {attachedTo.length ? (
        <p class="attached" id={`${id}-have`}>
          Đã đính kèm: <strong>{attachedTo.map((f) => f.name).join(', ')}</strong> — thay tệp khác nếu cần:
        </p>
      ) : null}
      {err ? (
        <p class="err" id={`${id}-err`}>
          {err}
        </p>
      ) : null}
      <StoredChoice componentId={c.id} offers={p.stored?.[c.id] ?? []} inputId={id} />
      <input id={id} type="file" name={`file:${c.id}`} accept="application/pdf,image/jpeg,image/png,image/heic,.heic" multiple aria-describedby={described} />
      {p.homeVisit ? (
        // At the citizen's home: the phone's camera opens at once (capture), the photo goes with the files chosen above.
        <label class="camera" for={`${id}-cam`}>
          Chụp ảnh giấy tờ bằng camera của điện thoại
          <input id={`${id}-cam`} type="file" name={`file:${c.id}`} accept="image/jpeg,image/png,image/heic,.heic" capture="environment" multiple />
        </label>
      ) : null}
    </div>
  );
}

/** The public layout, or the workspace's at the counter. */
function Frame(p: { title: string; unit: Unit; homeHref: string; staffNav?: StaffNavProps; script?: boolean; children: ComponentChildren }) {
  const head = p.script ? <script src={assetUrl('submit.js')} defer /> : undefined;
  return p.staffNav ? (
    <StaffLayout {...p.staffNav} title={p.title} head={head}>
      {p.children}
    </StaffLayout>
  ) : (
    <Layout title={`${p.title} — ${p.unit.name}`} unitName={p.unit.name} unitHref={p.homeHref} head={head}>
      {p.children}
    </Layout>
  );
}

export function SubmitPage(p: SubmitPageProps) {
  const title = p.counter ? `Tiếp nhận hồ sơ: ${p.procedure.name}` : `Nộp hồ sơ trực tuyến: ${p.procedure.name}`;
  const cases = p.form.cases.filter((g) => g.kind === 'case');
  const formErrors: FieldError[] = p.errors.filter((e) => e.field.startsWith('formData.')).map((e) => ({ ...e, field: e.field.slice('formData.'.length) }));
  // Online, the e-form is the declaration: the paper it replaces is no upload slot.
  const replaced = p.counter ? [] : p.form.cases.flatMap((g) => (g.kind === 'general' || g.id === p.caseId ? g.components.filter((c) => c.replacedByEForm) : []));
  const slots = (g: ProcedureForm['cases'][number]) => g.components.filter((c) => p.counter || !c.replacedByEForm);
  return (
    <Frame title={title} unit={p.unit} homeHref={p.homeHref} staffNav={p.staffNav} script>
      <h1>{title}</h1>
      {p.caseStep ? (
        <>
          <div data-case-step>
            <CaseStep form={p.form} counter={p.counter} {...p.caseStep} />
          </div>
          {p.fee}
        </>
      ) : null}
      <div data-js-form hidden={!!p.caseStep}>
        <ErrorSummary p={p} />
        {p.signInHref ? (
          <div class="card">
            <p>
              Khi bấm "Nộp hồ sơ" hoặc "Lưu nháp", bạn nhận mã xác thực qua tin nhắn tới số điện thoại đã khai (không cần mật khẩu). Hoặc <a href={p.signInHref}>đăng nhập bằng số điện thoại</a> để xem hồ sơ và bản nháp của mình.
            </p>
          </div>
        ) : null}
        {p.draft?.expiresAt && !p.errors.length ? (
          <p class="card" role="status">
            Đang tiếp tục bản nháp (lưu đến ngày {formatDate(p.draft.expiresAt)}).
          </p>
        ) : null}
        <form method="post" action={p.action} enctype="multipart/form-data" novalidate class="dossier-form">
          <Csrf token={p.csrf} />
          {p.draft ? (
            <>
              <input type="hidden" name="draft" value={p.draft.id} />
              <input type="hidden" name="draftToken" value={p.draft.token} />
            </>
          ) : null}
          {p.counter && p.homeVisit ? (
            <p class="card" role="status">
              Tiếp nhận tại nhà người dân (tổ hỗ trợ): {p.homeVisit}. Hồ sơ được ghi vào chuyến đến nhà này.
            </p>
          ) : p.counter ? (
            <fieldset class="card">
              <legend>Hình thức nộp</legend>
              <label>
                <input type="radio" name="channel" value="in_person" checked={p.channel !== 'post' && p.channel !== 'home'} /> Trực tiếp tại bộ phận một cửa
              </label>
              <label>
                <input type="radio" name="channel" value="post" checked={p.channel === 'post'} /> Qua dịch vụ bưu chính
              </label>
              <label>
                <input type="radio" name="channel" value="home" checked={p.channel === 'home'} /> Tại nhà người dân (tổ hỗ trợ)
              </label>
            </fieldset>
          ) : null}
          <section class="card" aria-labelledby="nguoi-nop">
            <h2 id="nguoi-nop">Người nộp hồ sơ</h2>
            <details class="cccd" open={!!errOf(p.errors, 'cccd')}>
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

          {cases.length ? (
            <fieldset class={`card${errOf(p.errors, 'case') ? ' has-error' : ''}`} id="truong-hop">
              <legend>Trường hợp của bạn</legend>
              <p class="hint">Giấy tờ cần đính kèm phụ thuộc trường hợp bạn chọn.</p>
              <div class="choice">
                <input type="radio" id="case-none" name="case" value="" checked={p.caseId === ''} />
                <label for="case-none">Không thuộc các trường hợp riêng dưới đây</label>
              </div>
              {cases.map((c) => (
                <div class="choice">
                  <input type="radio" id={`case-${c.id}`} name="case" value={c.id} checked={p.caseId === c.id} />
                  <label for={`case-${c.id}`}>{c.title}</label>
                </div>
              ))}
            </fieldset>
          ) : null}

          <EFormView eform={p.eform} values={p.values} errors={formErrors} idPrefix="f-" summary={false} />

          <section class="card" aria-labelledby="giay-to">
            <h2 id="giay-to">Giấy tờ đính kèm</h2>
            <p class="hint">Ảnh chụp rõ nét hoặc tệp PDF; mỗi tệp tối đa 10 MB. Định dạng: PDF, JPEG, PNG, HEIC.</p>
            {p.counter && p.counterStore ? <CounterStoreBox s={p.counterStore} /> : null}
            {replaced.map((c) => (
              <p class="note replaced">
                <strong>{c.name}</strong>: không cần đính kèm — bạn khai ở biểu mẫu điện tử trên trang này.
              </p>
            ))}
            {p.form.cases
              .filter((g) => g.kind !== 'show' && slots(g).length > 0)
              .map((g) => {
                const off = g.kind === 'case' && g.id !== p.caseId;
                return (
                  <fieldset class="uploads" data-case={g.kind === 'case' ? g.id : undefined} hidden={off} disabled={off}>
                    <legend>{g.kind === 'case' ? `Trường hợp: ${g.title}` : g.title}</legend>
                    {slots(g).map((c) => (
                      <Paper c={c} p={p} attachedTo={p.attached[c.id] ?? []} />
                    ))}
                  </fieldset>
                );
              })}
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

          {p.caseStep ? null : p.fee}

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
          {!p.counter ? <p class="hint">"Lưu nháp" giữ các câu trả lời và giấy tờ đã đính kèm để bạn nộp sau (bản nháp được giữ {p.draftDays} ngày kể từ lần sửa cuối).</p> : null}
        </form>
      </div>
    </Frame>
  );
}

/** Without JavaScript, the case comes first: then the form asks only for that case's papers. */
function CaseStep(p: { form: ProcedureForm; action: string; hidden: Record<string, string>; counter?: boolean; error?: string }) {
  const general = p.form.cases.filter((g) => g.kind === 'general');
  return (
    <>
      {p.error ? (
        <div class="error-summary" role="alert" aria-labelledby="loi-tieu-de" tabIndex={-1}>
          <h2 id="loi-tieu-de">Cần sửa 1 chỗ trước khi tiếp tục</h2>
          <ul>
            <li>
              <a href="#th-khong">{p.error}</a>
            </li>
          </ul>
        </div>
      ) : null}
      <p class="lead">Bước 1 trên 2: chọn trường hợp của bạn, để biểu mẫu chỉ hỏi những giấy tờ bạn cần.</p>
      <form method="get" action={p.action} class="card" novalidate>
        {Object.entries(p.hidden).map(([k, v]) => (
          <input type="hidden" name={k} value={v} />
        ))}
        {/* Marks the step as sent: "Tiếp tục" with no case chosen gets the summary, not the same page again. */}
        <input type="hidden" name="chon" value="1" />
        <fieldset class={p.error ? 'has-error' : undefined}>
          <legend>Bạn thuộc trường hợp nào?</legend>
          {general.length ? (
            <p class="hint">
              Mọi trường hợp đều nộp: {general.flatMap((g) => g.components.filter((c) => c.required && !(c.replacedByEForm && !p.counter)).map((c) => c.name)).join('; ') || 'không có giấy tờ chung bắt buộc'}.
            </p>
          ) : null}
          <div class="choice">
            <input type="radio" id="th-khong" name="truong-hop" value="khong" />
            <label for="th-khong">Không thuộc trường hợp riêng nào</label>
          </div>
          {p.form.cases
            .filter((g) => g.kind === 'case')
            .map((g) => (
              <div class="choice">
                <input type="radio" id={`th-${g.id}`} name="truong-hop" value={g.id} aria-describedby={`th-${g.id}-giay-to`} />
                <label for={`th-${g.id}`}>{g.title}</label>
                <p class="hint" id={`th-${g.id}-giay-to`}>
                  Nộp thêm: {g.components.map((c) => c.name).join('; ')}
                </p>
              </div>
            ))}
        </fieldset>
        <p>
          <button type="submit" class="primary">
            Tiếp tục
          </button>
        </p>
      </form>
    </>
  );
}

/** An anonymous draft: the phone gets a one-time code, then the resume link (or the dossier goes in). */
export function DraftPhonePage(p: { csrf: string; action: string; token: string; purpose: 'luu' | 'nop'; phone: string; step: 'send' | 'code'; demoCode?: string; error?: string; backHref: string }) {
  const title = p.purpose === 'luu' ? 'Lưu bản nháp: xác thực số điện thoại' : 'Nộp hồ sơ: xác thực số điện thoại';
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      {p.error ? (
        <div class="error-summary" role="alert" aria-labelledby="loi-tieu-de" tabIndex={-1}>
          <h2 id="loi-tieu-de">Chưa xác thực được</h2>
          <ul>
            <li>{p.step === 'code' ? <a href="#x-code">{p.error}</a> : p.error}</li>
          </ul>
        </div>
      ) : null}
      <p>
        {p.purpose === 'luu'
          ? 'Bản nháp và các giấy tờ đã đính kèm được giữ lại. Xác thực số điện thoại để nhận đường dẫn tiếp tục qua tin nhắn.'
          : 'Hồ sơ đã đủ. Xác thực số điện thoại để nộp (mã gửi qua tin nhắn, không cần mật khẩu).'}
      </p>
      <form method="post" action={p.action} class="card" novalidate>
        <Csrf token={p.csrf} />
        <input type="hidden" name="t" value={p.token} />
        <p>
          Số điện thoại: <strong>{formatPhone(p.phone)}</strong> (<a href={p.backHref}>quay lại biểu mẫu để sửa</a>)
        </p>
        {p.step === 'send' ? (
          <p>
            <button type="submit" name="step" value="send" class="primary">
              Gửi mã xác thực
            </button>
          </p>
        ) : (
          <>
            <OtpCodeSent id="x-code" phone={p.phone} demoCode={p.demoCode} error={p.error} />
            <p>
              <button type="submit" name="step" value="verify" class="primary">
                {p.purpose === 'luu' ? 'Xác nhận và lưu bản nháp' : 'Xác nhận và nộp hồ sơ'}
              </button>{' '}
              <button type="submit" name="step" value="send">
                Gửi lại mã
              </button>
            </p>
          </>
        )}
      </form>
    </Layout>
  );
}

export function DraftSavedPage(p: { phone: string; resumeUrl: string; expiresAt: string; homeHref: string }) {
  return (
    <Layout title="Đã lưu bản nháp" unitHref={p.homeHref}>
      <h1>Đã lưu bản nháp</h1>
      <div class="card" role="status">
        <p>
          Đã gửi đường dẫn tiếp tục tới số <strong>{formatPhone(p.phone)}</strong>. Bản nháp cùng giấy tờ đã đính kèm được giữ đến ngày {formatDate(p.expiresAt)}.
        </p>
        <p>
          <a class="btn primary" href={p.resumeUrl}>
            Tiếp tục điền hồ sơ
          </a>
        </p>
        <p class="note">Đường dẫn này là chìa khóa của bản nháp: đừng chia sẻ cho người khác.</p>
      </div>
    </Layout>
  );
}
