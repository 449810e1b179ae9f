import type { ComponentChildren } from 'preact';
import { answerText, type EForm } from '../eform';
import { formatDate, formatDateTime, formatWorking } from '../shared/format';
import { formatPhone } from '../shared/phone';
import { StaffLayout, type StaffNavProps } from '../shared/staff-layout';
import type { Unit } from '../unit';
import { ACTION_LABEL, TIMELINESS_LABEL, type ActionType, type Process } from '../workflow';
import type { DossierView } from './dossier.service';
import { CHANNEL_NAME, STATUS_LABEL } from './dossier.types';
import { RESULT_COMPONENT, type StepRecord } from './dossier.workflow';
import { StaffTable } from '../shared/staff-table';
import { ErrorSummary, StatusMessage } from '../shared/messages';

export { StaffLayout, type StaffNavProps } from '../shared/staff-layout';
export { STAFF_ROLE_TEXT as ROLE_TEXT } from '../shared/staff-menu';


function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

// ---------------------------------------------------------------------------------------------
// The dossier page

export interface StaffDossierPageProps extends StaffNavProps {
  d: DossierView;
  /** Received at the citizen's home on this visit of the support team (date YYYY-MM-DD, visit page). */
  homeVisit?: { date: string; href: string };
  /** Submitted in the assistant's chat: "Trực tuyến (trợ lý ảo)" and the conversation. */
  chat?: { channelLabel: string; box: ComponentChildren };
  /** A part of a linked group: the group, its other parts (linked module's box). */
  linkedGroup?: ComponentChildren;
  dossierUnit: Unit;
  process?: Process;
  eform: EForm;
  steps: StepRecord[];
  allowed: ActionType[];
  /** People the forms offer: specialists to assign, staff of the next step to forward to. */
  specialists: Array<{ username: string; fullName: string }>;
  forwardTo: Array<{ username: string; fullName: string }>;
  apologyDraft?: { reason: string; newDueAt: string };
  forms: Array<{ href: string; label: string }>;
  late: boolean;
  message?: string;
  error?: string;
  /** One key per rendering: a double click submits the same key and is done once. */
  actionKey: string;
  assigneeName?: string | null;
  /** What the fee module says is still due (fills in the payment request). */
  feeDue?: number;
}

function ActionForm(p: { code: string; csrf: string; type: ActionType; actionKey: string; label?: string; multipart?: boolean; primary?: boolean; children?: ComponentChildren }) {
  return (
    <form method="post" action={`/can-bo/ho-so/${p.code}/thao-tac`} class="action-form" enctype={p.multipart ? 'multipart/form-data' : undefined}>
      <Csrf token={p.csrf} />
      <input type="hidden" name="type" value={p.type} />
      <input type="hidden" name="idempotencyKey" value={`${p.actionKey}:${p.type}`} />
      {p.children}
      <p>
        <button type="submit" class={p.primary ? 'primary' : undefined}>
          {p.label ?? ACTION_LABEL[p.type]}
        </button>
      </p>
    </form>
  );
}

function Reason(p: { id: string; label?: string; value?: string }) {
  return (
    <div class="field">
      <label for={p.id}>{p.label ?? 'Lý do'}</label>
      <textarea id={p.id} name="reason" rows={3} required minLength={5}>
        {p.value ?? ''}
      </textarea>
    </div>
  );
}

function Comment(p: { id: string }) {
  return (
    <div class="field">
      <label for={p.id}>Ghi chú (không bắt buộc)</label>
      <textarea id={p.id} name="comment" rows={2}></textarea>
    </div>
  );
}

function Actions(p: StaffDossierPageProps) {
  const d = p.d;
  const code = d.code!;
  const base = { code, csrf: p.csrf, actionKey: p.actionKey };
  const has = (t: ActionType) => p.allowed.includes(t);
  const forms: ComponentChildren[] = [];
  const card = (t: ActionType, body: ComponentChildren, open = false) => (
    <details class="card action" open={open}>
      <summary>{ACTION_LABEL[t]}</summary>
      {body}
    </details>
  );
  if (has('accept')) forms.push(<ActionForm {...base} type="accept" primary label="Tiếp nhận hồ sơ (ấn định ngày hẹn)" />);
  if (has('assign'))
    forms.push(
      card(
        'assign',
        <ActionForm {...base} type="assign" primary label={d.status === 'in_progress' ? 'Phân công lại' : 'Phân công'}>
          <div class="field">
            <label for="a-assignee">Chuyên viên xử lý</label>
            <select id="a-assignee" name="assignee" required>
              {p.specialists.map((s) => (
                <option value={s.username}>{s.fullName}</option>
              ))}
            </select>
          </div>
          <Comment id="a-comment" />
        </ActionForm>,
        true,
      ),
    );
  if (has('forward'))
    forms.push(
      card(
        'forward',
        <ActionForm {...base} type="forward" label="Chuyển hồ sơ">
          <div class="field">
            <label for="f-to">Người nhận (để trống: bất kỳ ai của bước sau)</label>
            <select id="f-to" name="to">
              <option value="">— Không chỉ định —</option>
              {p.forwardTo.map((s) => (
                <option value={s.username}>{s.fullName}</option>
              ))}
            </select>
          </div>
          <Comment id="f-comment" />
        </ActionForm>,
      ),
    );
  if (has('propose_result'))
    forms.push(
      card(
        'propose_result',
        <ActionForm {...base} type="propose_result" primary>
          <fieldset>
            <legend>Đề xuất</legend>
            <label class="choice">
              <input type="radio" name="proposal" value="approve" checked /> Giải quyết (đủ điều kiện)
            </label>
            <label class="choice">
              <input type="radio" name="proposal" value="reject" /> Từ chối giải quyết (nêu lý do trong ghi chú)
            </label>
          </fieldset>
          <Comment id="p-comment" />
        </ActionForm>,
        true,
      ),
    );
  if (has('approve'))
    forms.push(
      card(
        'approve',
        <ActionForm {...base} type="approve" primary>
          <Comment id="ap-comment" />
        </ActionForm>,
        true,
      ),
    );
  if (has('mark_result_ready'))
    forms.push(
      card(
        'mark_result_ready',
        <ActionForm {...base} type="mark_result_ready" primary multipart label="Ghi nhận có kết quả">
          <div class="field">
            <label for="r-file">Tệp kết quả đã ký (PDF, ảnh)</label>
            <input id="r-file" name="file" type="file" accept="application/pdf,image/jpeg,image/png" />
          </div>
          <div class="field">
            <label for="r-note">Hoặc ghi chú kết quả bản giấy</label>
            <textarea id="r-note" name="note" rows={2}></textarea>
          </div>
        </ActionForm>,
        true,
      ),
    );
  if (has('return_result'))
    forms.push(
      card(
        'return_result',
        <ActionForm {...base} type="return_result" primary>
          <fieldset>
            <legend>Hình thức trả</legend>
            <label class="choice">
              <input type="radio" name="method" value="in_person" checked={d.delivery.method !== 'post'} /> Trực tiếp tại bộ phận một cửa
            </label>
            <label class="choice">
              <input type="radio" name="method" value="post" checked={d.delivery.method === 'post'} /> Qua bưu chính
            </label>
          </fieldset>
          <div class="field">
            <label for="rt-track">Số hiệu bưu gửi (khi gửi qua bưu chính)</label>
            <input id="rt-track" name="trackingNumber" type="text" />
          </div>
          <div class="field">
            <label for="rt-recv">Người nhận kết quả</label>
            <input id="rt-recv" name="receiverName" type="text" value={d.applicant.fullName} />
          </div>
        </ActionForm>,
        true,
      ),
    );
  if (has('request_supplement'))
    forms.push(
      card(
        'request_supplement',
        <ActionForm {...base} type="request_supplement">
          <p class="hint">Liệt kê một lần đủ tất cả giấy tờ cần bổ sung, mỗi dòng một mục. Thời hạn giải quyết tạm dừng cho tới khi người dân bổ sung.</p>
          <div class="field">
            <label for="s-items">Giấy tờ cần bổ sung (mỗi dòng một mục)</label>
            <textarea id="s-items" name="items" rows={4} required></textarea>
          </div>
          <div class="field">
            <label for="s-msg">Lời nhắn, hướng dẫn</label>
            <textarea id="s-msg" name="message" rows={2}></textarea>
          </div>
        </ActionForm>,
      ),
    );
  if (has('supplement'))
    forms.push(
      card(
        'supplement',
        <ActionForm {...base} type="supplement" multipart label="Ghi nhận người dân đã bổ sung">
          <div class="field">
            <label for="su-file">Bản chụp giấy tờ bổ sung (không bắt buộc)</label>
            <input id="su-file" name="file" type="file" accept="application/pdf,image/jpeg,image/png,image/heic" multiple />
          </div>
          <Comment id="su-comment" />
        </ActionForm>,
      ),
    );
  if (has('request_payment'))
    forms.push(
      card(
        'request_payment',
        <ActionForm {...base} type="request_payment">
          <div class="field">
            <label for="pay-amount">Số tiền (đồng)</label>
            <input id="pay-amount" name="amount" type="number" min="0" step="1000" required inputMode="numeric" value={p.feeDue !== undefined ? String(p.feeDue) : undefined} />
          </div>
          <div class="field">
            <label for="pay-note">Nội dung</label>
            <input id="pay-note" name="note" type="text" />
          </div>
        </ActionForm>,
      ),
    );
  if (has('confirm_payment'))
    forms.push(
      card(
        'confirm_payment',
        <ActionForm {...base} type="confirm_payment" primary>
          <div class="field">
            <label for="cp-method">Hình thức</label>
            <select id="cp-method" name="method">
              <option value="cash">Tiền mặt tại quầy</option>
              <option value="transfer">Chuyển khoản</option>
              <option value="online">Thanh toán trực tuyến</option>
            </select>
          </div>
          <div class="field">
            <label for="cp-receipt">Số biên lai</label>
            <input id="cp-receipt" name="receiptNo" type="text" />
          </div>
        </ActionForm>,
        true,
      ),
    );
  if (has('apologize'))
    forms.push(
      card(
        'apologize',
        <ActionForm {...base} type="apologize" label="Ký và gửi phiếu xin lỗi">
          <Reason id="ap-reason" label="Lý do chậm trả kết quả" value={p.apologyDraft?.reason} />
          <div class="field">
            <label for="ap-date">Ngày hẹn trả kết quả mới</label>
            <input id="ap-date" name="newDueAt" type="date" required value={p.apologyDraft ? vnDate(p.apologyDraft.newDueAt) : ''} />
          </div>
        </ActionForm>,
        !!p.apologyDraft,
      ),
    );
  if (has('send_back'))
    forms.push(
      card(
        'send_back',
        <ActionForm {...base} type="send_back">
          <Reason id="sb-reason" />
        </ActionForm>,
      ),
    );
  for (const t of ['refuse', 'reject', 'withdraw', 'stop'] as const) {
    if (has(t))
      forms.push(
        card(
          t,
          <ActionForm {...base} type={t}>
            <Reason id={`${t}-reason`} label={t === 'withdraw' ? 'Lý do (theo đơn đề nghị rút hồ sơ của người dân)' : 'Lý do'} />
          </ActionForm>,
        ),
      );
  }
  if (!forms.length) return <p class="note">Bạn không có thao tác nào với hồ sơ này lúc này.</p>;
  return <>{forms}</>;
}

/** "2026-12-20" of an instant in Vietnam. */
function vnDate(iso: string): string {
  return new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

export function StaffDossierPage(p: StaffDossierPageProps) {
  const d = p.d;
  const fields = new Map(p.eform.sections.flatMap((s) => s.fields.map((f) => [f.id, f] as const)));
  const papers = d.files.filter((f) => f.component !== RESULT_COMPONENT);
  const results = d.files.filter((f) => f.component === RESULT_COMPONENT);
  const fileHref = (id: string) => `/can-bo/ho-so/${d.code}/tep/${id}`;
  const viewer = (f: DossierView['files'][number]) =>
    f.mime.startsWith('image/') ? (
      <img src={fileHref(f.id)} alt={`Ảnh giấy tờ: ${f.name}`} loading="lazy" class="inline-file" />
    ) : f.mime === 'application/pdf' ? (
      <iframe src={fileHref(f.id)} title={`Tệp PDF: ${f.name}`} class="inline-file" loading="lazy"></iframe>
    ) : null;
  return (
    <StaffLayout {...p} title={`Hồ sơ ${d.code}`} current="/can-bo">
      <p class="crumbs">
        <a href="/can-bo">← Danh sách hồ sơ</a>
      </p>
      <h1>
        Hồ sơ {d.code}
        {d.demo ? <span class="badge demo"> Dữ liệu mẫu</span> : null}
      </h1>
      {d.demo ? <p class="note">Hồ sơ này do bản trình diễn (DEMO) tự tạo để minh họa, không phải hồ sơ thật của người dân.</p> : null}
      <StatusMessage>{p.message}</StatusMessage>
      <ErrorSummary message={p.error} />
      <p class="lead">{d.procedureName}</p>
      <div class={`status status-${d.status}`}>
        <strong>{STATUS_LABEL[d.status]}</strong> · {p.chat?.channelLabel ?? CHANNEL_NAME[d.channel]} · {d.dueFixed ? 'Hẹn trả' : 'Dự kiến'}: {d.dueAt ? formatDateTime(d.dueAt) : '—'}
        {d.rescheduledDueAt ? <span> · Hẹn lại (đã xin lỗi): {formatDateTime(d.rescheduledDueAt)}</span> : null}
        {p.late ? <strong class="badge late"> Trễ hạn hoặc có nguy cơ trễ hạn</strong> : null}
      </div>
      {p.chat?.box ?? null}
      {p.linkedGroup ?? null}
      {p.homeVisit ? (
        <p class="note">
          Tiếp nhận tại nhà người dân ngày {formatDate(p.homeVisit.date)}, trong <a href={p.homeVisit.href}>chuyến đến nhà của tổ hỗ trợ</a>.
        </p>
      ) : null}
      <p>
        <a href={`/can-bo/ho-so/${d.code}/le-phi`}>Phí, lệ phí và thanh toán</a> · <a href={`/can-bo/thong-bao?ho_so=${d.code}`}>Tin nhắn đã gửi</a> ·{' '}
        <a href={`/can-bo/ho-so/${d.code}/so-hoa`}>Kiểm tra, số hóa giấy tờ</a>
      </p>
      {p.apologyDraft && p.allowed.includes('apologize') ? (
        <div class="card warn" role="status">
          <p>
            Hồ sơ sẽ trễ hẹn. Phiếu xin lỗi và hẹn lại ngày trả kết quả đã được chuẩn bị (hẹn lại {formatDateTime(p.apologyDraft.newDueAt)}): xem, sửa nếu cần, rồi ký và gửi ở mục "Xin lỗi và hẹn lại ngày trả kết quả" dưới đây.
          </p>
        </div>
      ) : null}
      <div class="two-col">
        <section>
          <h2>Người nộp</h2>
          <dl class="kv">
            <dt>Họ và tên</dt>
            <dd>{d.applicant.fullName}</dd>
            <dt>Số điện thoại</dt>
            <dd>{formatPhone(d.applicant.phone)}</dd>
            {d.applicant.idNumber ? (
              <>
                <dt>Số định danh cá nhân</dt>
                <dd>{d.applicant.idNumber}</dd>
              </>
            ) : null}
            {d.applicant.email ? (
              <>
                <dt>Thư điện tử</dt>
                <dd>{d.applicant.email}</dd>
              </>
            ) : null}
            {d.applicant.address ? (
              <>
                <dt>Địa chỉ</dt>
                <dd>{d.applicant.address}</dd>
              </>
            ) : null}
            <dt>Nhận kết quả</dt>
            <dd>{d.delivery.method === 'post' ? `Qua bưu chính: ${d.delivery.address ?? ''}` : 'Tại bộ phận một cửa'}</dd>
          </dl>
          <h2>Nội dung tờ khai</h2>
          <dl class="kv">
            {Object.entries(d.formData).map(([k, v]) => (
              <>
                <dt>{fields.get(k)?.label ?? k}</dt>
                <dd>{answerText(fields.get(k), v)}</dd>
              </>
            ))}
          </dl>
        </section>
        <section>
          <h2>Thao tác</h2>
          <Actions {...p} />
          <h2>Giấy tờ in</h2>
          <ul>
            {p.forms.map((f) => (
              <li>
                <a href={f.href}>{f.label}</a>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <h2>Giấy tờ đính kèm ({papers.length})</h2>
      {papers.length === 0 ? <p>Không có tệp đính kèm.</p> : null}
      {papers.map((f) => (
        <figure class="attachment">
          <figcaption>
            <a href={fileHref(f.id)}>{f.name}</a> <span class="note">({f.component}, {Math.ceil(f.size / 1024)} KB)</span>
          </figcaption>
          {viewer(f)}
        </figure>
      ))}
      {results.length ? (
        <>
          <h2>Kết quả giải quyết</h2>
          {results.map((f) => (
            <figure class="attachment">
              <figcaption>
                <a href={fileHref(f.id)}>{f.name}</a>
              </figcaption>
              {viewer(f)}
            </figure>
          ))}
        </>
      ) : null}
      <h2>Các bước xử lý</h2>
      {p.process ? (
        <p class="note">
          Quy trình phiên bản {p.process.version}
          {p.assigneeName ? ` — đang giao cho ${p.assigneeName}` : ''}
        </p>
      ) : null}
      <StaffTable head={['Bước', 'Bắt đầu', 'Hạn của bước', 'Kết thúc', 'Thời gian đã dùng', 'Thời gian còn lại', 'Kết quả']}>
        {p.steps.map((s) => (
          <tr class={s.endedAt ? undefined : 'current'}>
            <td>
              {s.name}
              {s.actorName ? <span class="note"> — {s.actorName}</span> : null}
            </td>
            <td>{formatDateTime(s.startedAt)}</td>
            <td>{s.plannedEnd ? formatDateTime(s.plannedEnd) : '—'}</td>
            <td>{s.endedAt ? formatDateTime(s.endedAt) : 'Đang thực hiện'}</td>
            <td>{formatWorking(s.usedMs)}</td>
            <td class={s.leftMs !== null && s.leftMs < 0 ? 'late' : undefined}>{formatWorking(s.leftMs)}</td>
            <td>{s.timeliness ? TIMELINESS_LABEL[s.timeliness] : '—'}</td>
          </tr>
        ))}
      </StaffTable>
      <h2>Lịch sử</h2>
      <ol class="timeline">
        {d.history.map((h) => (
          <li>
            <strong>{ACTION_LABEL[h.action] ?? h.action}</strong> — {h.actorName} — {formatDateTime(h.createdAt)}
            {h.fromStatus !== h.toStatus ? <span class="note"> ({STATUS_LABEL[h.toStatus]})</span> : null}
            {h.comment ? <div class="pre">{h.comment}</div> : null}
            {Array.isArray(h.data.items) ? (
              <ul>
                {(h.data.items as string[]).map((x) => (
                  <li>{x}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </StaffLayout>
  );
}

