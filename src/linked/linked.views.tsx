import { EFormView, type EForm } from '../eform';
import { Layout } from '../shared/layout';
import { ErrorSummary, StatusMessage } from '../shared/messages';
import { formatDate, formatDateTime, formatTime } from '../shared/format';
import { formatPhone } from '../shared/phone';
import type { ProcessingTime } from '../catalog';
import { FeesCard, type GroupPayWays } from './linked.fees-views';
import type { GroupFees, MemberState, Partner, ReminderState, SubmissionView } from './linked.types';

type FormError = { field: string; code: string; message: string };

export interface GroupPartVm {
  procedureCode: string;
  procedureName: string;
  agencyName: string;
  partner: boolean;
  processingTime: ProcessingTime | null;
}

/** The parts of a group, as a list (one card a part: readable on a 390 px phone). */
function PartsList(p: { parts: GroupPartVm[] }) {
  return (
    <ol class="linked-parts">
      {p.parts.map((x) => (
        <li class="card">
          <strong>{x.procedureName}</strong>
          <div class="note">
            Mã thủ tục {x.procedureCode} — giải quyết: {x.agencyName}
            {x.partner ? ' (cơ quan phối hợp)' : ''} — thời hạn: {x.processingTime ? formatTime(x.processingTime) : 'theo quy định'}
          </div>
        </li>
      ))}
    </ol>
  );
}

/** The one form of a linked group: the applicant, the group's e-form, each paper once. */
export function GroupFormPage(p: {
  unitCode: string;
  unitName: string;
  code: string;
  name: string;
  summary: string;
  legalBasis: string;
  parts: GroupPartVm[];
  eform: EForm;
  papers: Array<{ id: string; name: string; required: boolean }>;
  csrf: string;
  values: Record<string, unknown>;
  applicant: Record<string, string>;
  errors: FormError[];
  message?: string;
  signInHref?: string;
  /** The consent wording when the group offers vaccination reminders, and what the parent chose. */
  reminders?: { consentText: string; chosen: ReminderChoice };
}) {
  const err = (field: string) => p.errors.find((e) => e.field === field)?.message;
  const applicantField = (id: string, label: string, type: string, autocomplete: string, required: boolean) => {
    const e = err(`applicant.${id}`);
    return (
      <div class={`field${e ? ' invalid' : ''}`}>
        <label for={`a-${id}`}>
          {label}
          {required ? ' (bắt buộc)' : ''}
        </label>
        {e ? (
          <p class="error-message" id={`a-${id}-loi`}>
            {e}
          </p>
        ) : null}
        <input id={`a-${id}`} name={`applicant.${id}`} type={type} autocomplete={autocomplete} value={p.applicant[id] ?? ''} required={required} aria-invalid={e ? 'true' : undefined} aria-describedby={e ? `a-${id}-loi` : undefined} />
      </div>
    );
  };
  return (
    <Layout title={`${p.name} — ${p.unitName}`} unitName={p.unitName} unitHref={`/dv/${p.unitCode}`}>
      <h1>{p.name}</h1>
      {/* First under the title: a phone without JavaScript shows the top of the answered page. */}
      <ErrorSummary title={p.errors.length ? `Tờ khai có ${p.errors.length} chỗ cần sửa` : undefined} message={p.message} errors={p.errors} />
      <p class="lead">{p.summary}</p>
      <p class="note">Mã nhóm: {p.code}. Căn cứ: {p.legalBasis}.</p>
      <section aria-labelledby="cac-phan">
        <h2 id="cac-phan">Một lần nộp, {p.parts.length} việc được giải quyết</h2>
        <PartsList parts={p.parts} />
        <p class="note">Mỗi việc có mã hồ sơ và ngày hẹn riêng; bạn theo dõi cả nhóm trên một trang. Nhóm xong khi việc cuối cùng xong.</p>
      </section>
      {p.signInHref ? (
        <StatusMessage>
          Để nộp hồ sơ liên thông, xin <a href={p.signInHref}>đăng nhập bằng số điện thoại</a> (chúng tôi gửi mã xác thực tới số của bạn).
        </StatusMessage>
      ) : (
        <form method="post" action={`/dv/${p.unitCode}/lien-thong/${p.code}`} enctype="multipart/form-data" novalidate>
          <input type="hidden" name="_csrf" value={p.csrf} />
          <section class="card" aria-labelledby="nguoi-nop">
            <h2 id="nguoi-nop">Người nộp hồ sơ</h2>
            {applicantField('fullName', 'Họ và tên', 'text', 'name', true)}
            {applicantField('phone', 'Số điện thoại', 'tel', 'tel', true)}
            {applicantField('email', 'Thư điện tử', 'email', 'email', false)}
            {applicantField('address', 'Địa chỉ', 'text', 'street-address', false)}
          </section>
          <EFormView eform={p.eform} values={p.values} errors={p.errors.filter((e) => e.field.startsWith('formData.')).map((e) => ({ ...e, field: e.field.slice(9) }))} idPrefix="f-" summary={false} />
          <section class="card" aria-labelledby="giay-to">
            <h2 id="giay-to">Giấy tờ đính kèm (mỗi giấy một lần)</h2>
            {p.papers.map((x) => {
              const e = err(`attachments.${x.id}`);
              return (
                <div class={`field${e ? ' invalid' : ''}`}>
                  <label for={`p-${x.id}`}>
                    {x.name}
                    {x.required ? ' (bắt buộc)' : ' (nếu có)'}
                  </label>
                  {e ? (
                    <p class="error-message" id={`p-${x.id}-loi`}>
                      {e}
                    </p>
                  ) : null}
                  <input id={`p-${x.id}`} name={x.id} type="file" accept="application/pdf,image/jpeg,image/png,image/heic" aria-invalid={e ? 'true' : undefined} aria-describedby={e ? `p-${x.id}-loi` : undefined} />
                </div>
              );
            })}
            <p class="note">PDF hoặc ảnh chụp (JPEG, PNG, HEIC), tối đa 10 MB mỗi tệp. Nếu tờ khai bị trả lại để sửa, xin chọn lại tệp.</p>
          </section>
          {p.reminders ? <ReminderOptIn consentText={p.reminders.consentText} chosen={p.reminders.chosen} errors={p.errors.filter((e) => e.field.startsWith('vaccinationReminders'))} /> : null}
          <p>
            <button type="submit" class="primary">
              Nộp hồ sơ liên thông
            </button>
          </p>
        </form>
      )}
    </Layout>
  );
}

/** The parent's choices in the reminders' opt-in (kept when the form is refused). */
export interface ReminderChoice {
  optIn: boolean;
  village: string;
  zalo: boolean;
  consent: boolean;
}

/**
 * The opt-in to the child's vaccination reminders, in the group's own form (works without
 * JavaScript: the boxes are always shown; unticked "nhắc lịch" ignores the rest).
 */
function ReminderOptIn(p: { consentText: string; chosen: ReminderChoice; errors: FormError[] }) {
  const err = (f: string) => p.errors.find((e) => e.field === f || (f === 'vaccinationReminders' && !['vaccinationReminders.consent', 'vaccinationReminders.village'].includes(e.field)))?.message;
  const box = (id: string, name: string, checked: boolean, label: string, error?: string) => (
    <div class={`field checkbox${error ? ' invalid' : ''}`}>
      {error ? (
        <p class="error-message" id={`${id}-loi`}>
          {error}
        </p>
      ) : null}
      <input id={id} name={name} type="checkbox" value="1" checked={checked} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-loi` : undefined} />
      <label for={id}>{label}</label>
    </div>
  );
  const villageError = err('vaccinationReminders.village');
  return (
    <section class="card" aria-labelledby="nhac-lich-tiem">
      <h2 id="nhac-lich-tiem">Nhắc lịch tiêm chủng cho cháu (không bắt buộc)</h2>
      <p class="note">Trạm y tế nhắn tin nhắc trước mỗi mũi tiêm chủng mở rộng, từ khi sinh đến khi cháu đủ 24 tháng tuổi, tới số điện thoại người nộp. Dừng bất cứ lúc nào bằng đường dẫn trong tin nhắn hoặc nhắn HUY.</p>
      {box('nl-dang-ky', 'nhacLich', p.chosen.optIn, 'Đăng ký nhắn tin nhắc lịch tiêm cho cháu', err('vaccinationReminders'))}
      <div class={`field${villageError ? ' invalid' : ''}`}>
        <label for="nl-thon">Thôn, tổ dân phố (để trạm y tế xếp danh sách tiêm)</label>
        {villageError ? (
          <p class="error-message" id="nl-thon-loi">
            {villageError}
          </p>
        ) : null}
        <input id="nl-thon" name="nhacLich.thon" type="text" maxLength={100} value={p.chosen.village} autocomplete="off" aria-invalid={villageError ? 'true' : undefined} aria-describedby={villageError ? 'nl-thon-loi' : undefined} />
      </div>
      {box('nl-zalo', 'nhacLich.zalo', p.chosen.zalo, 'Nhắn cả qua Zalo (nếu số này đã quan tâm Zalo OA của đơn vị)')}
      {box('nl-dong-y', 'nhacLich.dongY', p.chosen.consent, p.consentText, err('vaccinationReminders.consent'))}
    </section>
  );
}

/** The reminders asked with the registration, on the group's page. */
function RemindersCard({ r }: { r: ReminderState }) {
  return (
    <section class="card" aria-labelledby="nhac-tiem">
      <h2 id="nhac-tiem">Nhắc lịch tiêm chủng</h2>
      <p>
        Cháu {r.childName}: <strong>{r.statusLabel}</strong>.
        {r.next ? ` Mũi tiếp theo: ${r.next.vaccine} ${r.next.dose.toLowerCase()}, ngày ${formatDate(r.next.dueDate)}.` : ''}
      </p>
      <p>
        <a href={r.link}>Xem lịch tiêm, báo đã tiêm hoặc dừng nhắc lịch</a>
      </p>
    </section>
  );
}

/** One part's state on the group page: its code (its own tracking page), agency, state, due date. */
function MemberCard(p: { m: MemberState; href: string }) {
  const m = p.m;
  return (
    <li class={`card linked-member status-${m.status}`}>
      <strong>{m.procedureName}</strong>
      <dl class="kv">
        <dt>Mã hồ sơ</dt>
        <dd>
          <a href={p.href}>{m.code}</a>
        </dd>
        <dt>Cơ quan giải quyết</dt>
        <dd>{m.agencyName}</dd>
        <dt>Tình trạng</dt>
        <dd>
          <strong>{m.statusLabel}</strong>
          {m.result === 'rejected' && m.resultNote ? <div>Lý do: {m.resultNote}</div> : null}
        </dd>
        <dt>Hẹn trả</dt>
        <dd>{m.dueAt ? formatDate(m.dueAt) : 'Cán bộ sẽ báo khi tiếp nhận'}</dd>
      </dl>
    </li>
  );
}

/** The citizen's one page for the whole group; works without JavaScript. */
export function GroupTrackingPage(p: {
  v: SubmissionView;
  unitName: string;
  memberHref: (code: string) => string;
  receiptHref: string;
  trackingUrl?: string;
  qrSvg?: string;
  reminders?: ReminderState;
  fees?: GroupFees;
  /** The ways to pay the group's sum once (VNPay with a proof that may change the group, VietQR). */
  pay?: GroupPayWays;
  /** Shown right after the submission (the form's redirect): what was made and how to come back. */
  justSubmitted?: boolean;
}) {
  const v = p.v;
  const waiting = v.members.filter((m) => m.status === 'supplement_requested');
  return (
    <Layout title={`Hồ sơ liên thông ${v.code} — ${p.unitName}`} unitName={p.unitName} unitHref={`/dv/${v.unitCode}`}>
      <h1>Hồ sơ liên thông {v.code}</h1>
      <p class="lead">{v.groupName}</p>
      <div class="status" role="status">
        <strong>
          {v.members.filter((m) => m.status === 'processed' || m.status === 'returned').length}/{v.members.length} phần đã có kết quả
        </strong>
        {waiting.length ? <span> — {waiting.length} phần cần bạn bổ sung giấy tờ</span> : null}
      </div>
      {p.justSubmitted ? (
        <StatusMessage>
          Đã nộp hồ sơ liên thông: {v.members.length} phần, mỗi phần một mã hồ sơ và ngày hẹn riêng. Để theo dõi, giữ lại đường liên kết của trang này, hoặc mã {v.code} và số điện thoại người nộp.
        </StatusMessage>
      ) : null}
      <dl class="kv">
        <dt>Người nộp</dt>
        <dd>
          {v.applicantName} — {formatPhone(v.applicantPhone)}
        </dd>
        <dt>Nộp lúc</dt>
        <dd>{formatDateTime(v.createdAt)}</dd>
        <dt>Dự kiến xong cả nhóm</dt>
        <dd>{v.dueAt ? formatDate(v.dueAt) : 'Khi mọi phần được tiếp nhận'}</dd>
      </dl>
      {waiting.length ? (
        <section class="card next-step needed" aria-labelledby="can-lam">
          <h2 id="can-lam">Bạn cần làm</h2>
          <p>
            Bổ sung giấy tờ cho {waiting.map((m) => `${m.procedureName} (${m.code})`).join(', ')}: mở mã hồ sơ đó để xem danh sách và gửi bổ sung. Các phần khác vẫn được giải quyết bình
            thường.
          </p>
        </section>
      ) : null}
      <section aria-labelledby="cac-phan">
        <h2 id="cac-phan">Các phần của hồ sơ</h2>
        <ol class="linked-parts">
          {v.members.map((m) => (
            <MemberCard m={m} href={p.memberHref(m.code)} />
          ))}
        </ol>
      </section>
      {p.fees && p.fees.amount > 0 ? <FeesCard code={v.code} fees={p.fees} members={v.members} pay={{ ...p.pay, vnpayHref: p.fees.vnpay ? p.pay?.vnpayHref : undefined }} /> : null}
      {p.reminders ? <RemindersCard r={p.reminders} /> : null}
      <p>
        <a class="btn" href={p.receiptHref}>
          Giấy tiếp nhận (mọi phần, PDF)
        </a>
      </p>
      {p.qrSvg ? (
        <section class="card" aria-labelledby="ma-qr">
          <h2 id="ma-qr">Mã QR theo dõi cả nhóm</h2>
          <div class="qr" role="img" aria-label="Mã QR của trang này" dangerouslySetInnerHTML={{ __html: p.qrSvg }} />
          {p.trackingUrl ? <p class="note">{p.trackingUrl}</p> : null}
        </section>
      ) : null}
    </Layout>
  );
}

/** Lookup of a group by its code and the applicant's phone. */
export function GroupLookupPage(p: { code: string; phone: string; error?: string }) {
  return (
    <Layout title="Tra cứu hồ sơ liên thông">
      <h1>Tra cứu hồ sơ liên thông</h1>
      <ErrorSummary message={p.error} />
      <form method="get" action="/lien-thong/tra-cuu" class="card" novalidate>
        <div class="field">
          <label for="l-code">Mã hồ sơ liên thông (ví dụ LT-00004-261204-0001)</label>
          <input id="l-code" name="ma" type="text" value={p.code} required autocomplete="off" />
        </div>
        <div class="field">
          <label for="l-phone">Số điện thoại người nộp</label>
          <input id="l-phone" name="phone" type="tel" value={p.phone} required autocomplete="tel" />
        </div>
        <p>
          <button type="submit" class="primary">
            Tra cứu
          </button>
        </p>
      </form>
    </Layout>
  );
}

// ------------------------------------------------------------------ partner agencies

export function PartnerSignInPage(p: { csrf: string; error?: string; username?: string }) {
  return (
    <Layout title="Đăng nhập cơ quan phối hợp" noAssistant>
      <h1>Hộp thư cơ quan phối hợp</h1>
      <p>Dành cho cơ quan giải quyết một phần của hồ sơ liên thông (công an, bảo hiểm xã hội…).</p>
      <ErrorSummary message={p.error} />
      <form method="post" action="/doi-tac/dang-nhap" class="card" novalidate>
        <input type="hidden" name="_csrf" value={p.csrf} />
        <div class="field">
          <label for="pt-user">Tên đăng nhập</label>
          <input id="pt-user" name="username" type="text" autocomplete="username" value={p.username ?? ''} required />
        </div>
        <div class="field">
          <label for="pt-pass">Mật khẩu</label>
          <input id="pt-pass" name="password" type="password" autocomplete="current-password" required />
        </div>
        <p>
          <button type="submit" class="primary">
            Đăng nhập
          </button>
        </p>
      </form>
    </Layout>
  );
}

export function PartnerInboxPage(p: { partner: Partner; parts: Array<MemberState & { groupCode: string; applicantName: string }>; csrf: string; message?: string }) {
  const open = p.parts.filter((x) => !x.result);
  const done = p.parts.filter((x) => x.result);
  const row = (x: (typeof p.parts)[number]) => (
    <li class="card">
      <a href={`/doi-tac/ho-so/${x.code}`}>
        <strong>{x.code}</strong>
      </a>{' '}
      — {x.procedureName}
      <div class="note">
        Người nộp: {x.applicantName}; nhóm {x.groupCode}; hạn {x.dueAt ? formatDate(x.dueAt) : '-'}
        {x.escalatedAt ? '; đã quá hạn' : ''}; {x.result ? (x.result === 'approved' ? 'đã giải quyết' : 'đã từ chối') : 'chờ kết quả'}
      </div>
    </li>
  );
  return (
    <Layout title={`Hộp thư — ${p.partner.name}`} noAssistant>
      <h1>Hộp thư: {p.partner.name}</h1>
      <StatusMessage>{p.message}</StatusMessage>
      <form method="post" action="/doi-tac/dang-xuat">
        <input type="hidden" name="_csrf" value={p.csrf} />
        <button type="submit">Đăng xuất</button>
      </form>
      <h2>Chờ kết quả ({open.length})</h2>
      {open.length ? <ol class="linked-parts">{open.map(row)}</ol> : <p>Không có hồ sơ nào đang chờ.</p>}
      <h2>Đã ghi kết quả ({done.length})</h2>
      {done.length ? <ol class="linked-parts">{done.map(row)}</ol> : <p>Chưa có.</p>}
    </Layout>
  );
}

/** One part for its partner, with the form answers, the papers and the result form. */
export function PartnerPartPage(p: {
  partner: Partner;
  m: MemberState;
  groupCode: string;
  applicant: { fullName: string; phone: string; address?: string };
  answers: Array<{ label: string; value: string }>;
  files: Array<{ name: string; href: string }>;
  action: string;
  csrf?: string;
  token?: string;
  error?: string;
  message?: string;
  backHref?: string;
}) {
  const m = p.m;
  return (
    <Layout title={`Hồ sơ ${m.code} — ${p.partner.name}`} noAssistant>
      <h1>Hồ sơ {m.code}</h1>
      <p class="lead">{m.procedureName}</p>
      <StatusMessage>{p.message}</StatusMessage>
      <ErrorSummary message={p.error} />
      <dl class="kv">
        <dt>Cơ quan</dt>
        <dd>{p.partner.name}</dd>
        <dt>Nhóm liên thông</dt>
        <dd>{p.groupCode}</dd>
        <dt>Người nộp</dt>
        <dd>
          {p.applicant.fullName} — {formatPhone(p.applicant.phone)}
          {p.applicant.address ? `, ${p.applicant.address}` : ''}
        </dd>
        <dt>Hạn giải quyết</dt>
        <dd>{m.dueAt ? formatDate(m.dueAt) : '-'}</dd>
        <dt>Tình trạng</dt>
        <dd>{m.statusLabel}</dd>
      </dl>
      <h2>Thông tin người dân đã khai</h2>
      <AnswerList answers={p.answers} />
      <h2>Giấy tờ</h2>
      {p.files.length ? (
        <ul>
          {p.files.map((f) => (
            <li>
              <a href={f.href}>{f.name}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>Không có giấy tờ đính kèm cho phần này.</p>
      )}
      {m.result ? (
        <p class="card" role="status">
          Đã ghi kết quả: {m.result === 'approved' ? 'giải quyết xong' : 'từ chối'} lúc {m.resultAt ? formatDateTime(m.resultAt) : ''}
          {m.resultNote ? ` — ${m.resultNote}` : ''}.
        </p>
      ) : (
        <form method="post" action={p.action} class="card" novalidate>
          {p.csrf ? <input type="hidden" name="_csrf" value={p.csrf} /> : null}
          {p.token ? <input type="hidden" name="t" value={p.token} /> : null}
          <fieldset>
            <legend>Kết quả giải quyết</legend>
            <div class="field">
              <input id="kq-xong" type="radio" name="outcome" value="approved" checked />
              <label for="kq-xong">Đã giải quyết xong (kết quả gửi về bộ phận một cửa)</label>
            </div>
            <div class="field">
              <input id="kq-tu-choi" type="radio" name="outcome" value="rejected" />
              <label for="kq-tu-choi">Từ chối giải quyết</label>
            </div>
          </fieldset>
          <div class="field">
            <label for="kq-ghi-chu">Ghi chú (bắt buộc khi từ chối: lý do)</label>
            <textarea id="kq-ghi-chu" name="note" rows={3} maxLength={1000}></textarea>
          </div>
          <p>
            <button type="submit" class="primary">
              Ghi kết quả
            </button>
          </p>
        </form>
      )}
      {p.backHref ? (
        <p>
          <a href={p.backHref}>Về hộp thư</a>
        </p>
      ) : null}
    </Layout>
  );
}

/** The citizen's answers as label and value (a part's share of the group's form). */
export function AnswerList({ answers }: { answers: Array<{ label: string; value: string }> }) {
  return (
    <dl class="kv">
      {answers.map((a) => (
        <>
          <dt>{a.label}</dt>
          <dd>{a.value}</dd>
        </>
      ))}
    </dl>
  );
}
