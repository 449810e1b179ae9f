import { Layout } from '../shared/layout';
import { StaffLayout, type StaffNavProps } from '../shared/staff-layout';
import { formatDateTime } from '../shared/format';
import { formatPhone } from '../shared/phone';
import { StaffTable } from '../shared/staff-table';
import type { NotificationPrefs, OutboxMessage, TemplateRow } from './notification.service';
import { smsInfo } from './notification.sms';
import {
  CHANNEL_LABEL,
  CHANNELS,
  eventLabel,
  isEssential,
  LANGUAGE_LABEL,
  OUTBOX_STATUSES,
  PLACEHOLDERS,
  STATUS_LABEL,
  type Channel,
  type Language,
  type OutboxStatus,
} from './notification.types';
import { ErrorSummary, StatusMessage } from '../shared/messages';

function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export interface DeliveryPageProps {
  csrf: string;
  nav: StaffNavProps;
  messages: OutboxMessage[];
  counts: Record<OutboxStatus, number>;
  filter: { status?: string; channel?: string; dossier?: string };
  /** Channels with no provider configured: their messages wait. */
  waitingChannels: Channel[];
  isAdmin: boolean;
  message?: string;
}

/** Staff: what was sent to whom, what failed and why, with a resend button. */
export function DeliveryPage(p: DeliveryPageProps) {
  return (
    <StaffLayout {...p.nav} title="Tin nhắn gửi người dân">
      <h1>Tin nhắn gửi người dân</h1>
      <StatusMessage>{p.message}</StatusMessage>
      <p>
        {OUTBOX_STATUSES.map((s) => (
          <>
            <a href={`/can-bo/thong-bao?trang_thai=${s}`}>
              {STATUS_LABEL[s]}: <strong>{p.counts[s]}</strong>
            </a>
            {' · '}
          </>
        ))}
        <a href="/can-bo/thong-bao">Tất cả</a>
        {p.isAdmin ? (
          <>
            {' · '}
            <a href="/can-bo/thong-bao/mau">Mẫu tin nhắn</a>
          </>
        ) : null}
      </p>
      {p.waitingChannels.length ? (
        <p class="card" role="note">
          Chưa cấu hình nhà cung cấp cho: {p.waitingChannels.map((c) => CHANNEL_LABEL[c]).join(', ')}. Tin nhắn của các kênh này được giữ lại trong hàng đợi và sẽ gửi khi cấu hình xong.
        </p>
      ) : null}
      <form method="get" action="/can-bo/thong-bao" class="inline">
        <label for="f-status">Trạng thái</label>{' '}
        <select id="f-status" name="trang_thai">
          <option value="">Tất cả</option>
          {OUTBOX_STATUSES.map((s) => (
            <option value={s} selected={p.filter.status === s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </select>{' '}
        <label for="f-channel">Kênh</label>{' '}
        <select id="f-channel" name="kenh">
          <option value="">Tất cả</option>
          {CHANNELS.map((c) => (
            <option value={c} selected={p.filter.channel === c}>
              {CHANNEL_LABEL[c]}
            </option>
          ))}
        </select>{' '}
        <label for="f-dossier">Mã hồ sơ</label> <input id="f-dossier" name="ho_so" value={p.filter.dossier ?? ''} size={20} /> <button type="submit">Lọc</button>
      </form>
      <StaffTable caption={<>Tin nhắn mới nhất ({p.messages.length})</>} head={['Thời điểm', 'Hồ sơ', 'Sự việc', 'Kênh, người nhận', 'Nội dung', 'Trạng thái', 'Gửi lại']}>
        {p.messages.map((m) => (
          <tr>
            <td>{formatDateTime(m.createdAt)}</td>
            <td>{m.dossierCode ? <a href={`/can-bo/ho-so/${m.dossierCode}`}>{m.dossierCode}</a> : '—'}</td>
            <td>{eventLabel(m.event)}</td>
            <td>
              {CHANNEL_LABEL[m.channel]}
              <br />
              {m.channel === 'sms' ? formatPhone(m.recipient) : m.recipient}
            </td>
            <td>
              {m.subject ? <strong>{m.subject}</strong> : null}
              {m.subject ? <br /> : null}
              {m.body.length > 200 ? m.body.slice(0, 200) + '…' : m.body}
            </td>
            <td>
              {STATUS_LABEL[m.status]}
              {m.status === 'sent' && m.sentAt ? <div class="note">{formatDateTime(m.sentAt)}{m.deliveredVia === 'demo' ? ' (mô phỏng)' : ''}</div> : null}
              {m.status !== 'sent' && m.attempts > 0 ? <div class="note">Đã thử {m.attempts} lần{m.status === 'pending' ? `; lần tới ${formatDateTime(m.nextAttemptAt)}` : ''}</div> : null}
              {m.lastError && m.status !== 'sent' ? <div class="err">{m.lastError}</div> : null}
            </td>
            <td>
              {m.status !== 'sending' ? (
                <form method="post" action={`/can-bo/thong-bao/${m.id}/gui-lai`}>
                  <Csrf token={p.csrf} />
                  <button type="submit">{m.status === 'sent' ? 'Gửi lại' : 'Gửi ngay'}</button>
                </form>
              ) : null}
            </td>
          </tr>
        ))}
      </StaffTable>
    </StaffLayout>
  );
}

export function TemplatesPage(p: { nav: StaffNavProps; templates: TemplateRow[]; message?: string }) {
  const byEvent = new Map<string, TemplateRow[]>();
  for (const t of p.templates) byEvent.set(t.event, [...(byEvent.get(t.event) ?? []), t]);
  return (
    <StaffLayout {...p.nav} title="Mẫu tin nhắn">
      <h1>Mẫu tin nhắn gửi người dân</h1>
      <p>
        <a href="/can-bo/thong-bao">← Tin nhắn đã gửi</a>
      </p>
      <StatusMessage>{p.message}</StatusMessage>
      <p class="hint">
        Mỗi sự việc có mẫu riêng cho SMS, thư điện tử và Zalo, bằng tiếng Việt và tiếng Anh. SMS được tự động bỏ dấu (khi nhà mạng yêu cầu) và rút gọn tên thủ tục để vừa 2 tin.
      </p>
      {[...byEvent.entries()].map(([event, rows]) => (
        <section class="card">
          <h2>
            {eventLabel(event)} {isEssential(event) ? null : <span class="tag">không bắt buộc</span>}
          </h2>
          <ul>
            {rows.map((t) => (
              <li>
                <a href={`/can-bo/thong-bao/mau/${t.event}/${t.channel}/${t.language}`}>
                  {CHANNEL_LABEL[t.channel]} — {LANGUAGE_LABEL[t.language]}
                </a>
                {t.custom ? <span class="note"> (đã sửa bởi {t.updatedBy})</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </StaffLayout>
  );
}

export function TemplateEditPage(p: {
  nav: StaffNavProps;
  csrf: string;
  t: TemplateRow;
  preview: { subject: string; body: string };
  errors?: Array<{ field: string; message: string }>;
  message?: string;
}) {
  const info = p.t.channel === 'sms' ? smsInfo(p.preview.body) : undefined;
  const action = `/can-bo/thong-bao/mau/${p.t.event}/${p.t.channel}/${p.t.language}`;
  return (
    <StaffLayout {...p.nav} title={`Sửa mẫu: ${eventLabel(p.t.event)}`}>
      <h1>
        {eventLabel(p.t.event)} — {CHANNEL_LABEL[p.t.channel as Channel]} — {LANGUAGE_LABEL[p.t.language as Language]}
      </h1>
      <p>
        <a href="/can-bo/thong-bao/mau">← Danh sách mẫu</a>
      </p>
      <StatusMessage>{p.message}</StatusMessage>
      <ErrorSummary title="Chưa lưu được" errors={p.errors} />
      <form method="post" action={action} class="card">
        <Csrf token={p.csrf} />
        {p.t.channel === 'email' ? (
          <div class="field">
            <label for="t-subject">Tiêu đề</label>
            <input id="t-subject" name="subject" value={p.t.subject} size={80} />
          </div>
        ) : null}
        <div class="field">
          <label for="t-body">Nội dung</label>
          <textarea id="t-body" name="body" rows={p.t.channel === 'sms' ? 4 : 10} cols={80}>
            {p.t.body}
          </textarea>
        </div>
        <p class="actions">
          <button type="submit" class="primary" name="action" value="save">
            Lưu mẫu
          </button>{' '}
          {p.t.custom ? (
            <button type="submit" name="action" value="reset">
              Dùng lại mẫu mặc định
            </button>
          ) : null}
        </p>
      </form>
      <section class="card">
        <h2>Các trường dùng được</h2>
        <dl class="kv">
          {Object.entries(PLACEHOLDERS).map(([k, v]) => (
            <>
              <dt>
                <code>{`{${k}}`}</code>
              </dt>
              <dd>{v}</dd>
            </>
          ))}
        </dl>
      </section>
      <section class="card">
        <h2>Xem trước với một hồ sơ mẫu</h2>
        {p.preview.subject ? <p><strong>{p.preview.subject}</strong></p> : null}
        <p class="pre">{p.preview.body}</p>
        {info ? (
          <p class="note">
            {info.units} ký tự, {info.encoding === 'gsm7' ? 'không dấu (GSM 7-bit)' : 'có dấu (UCS-2)'}, {info.segments} tin nhắn.
          </p>
        ) : null}
      </section>
    </StaffLayout>
  );
}

export function PrefsPage(p: { csrf: string; prefs: NotificationPrefs; available: Channel[]; homeHref: string; message?: string; error?: string }) {
  return (
    <Layout title="Nhận thông báo về hồ sơ" unitHref={p.homeHref}>
      <h1>Nhận thông báo về hồ sơ</h1>
      <p>
        <a href="/ca-nhan">← Hồ sơ của tôi</a>
      </p>
      <StatusMessage>{p.message}</StatusMessage>
      <ErrorSummary message={p.error} />
      <form method="post" action="/ca-nhan/thong-bao" class="card">
        <Csrf token={p.csrf} />
        <fieldset>
          <legend>Nhận tin qua</legend>
          {CHANNELS.filter((c) => c === 'sms' || p.available.includes(c) || p.prefs.channels.includes(c)).map((c) => (
            <label class="choice">
              <input type="checkbox" name="channels" value={c} checked={p.prefs.channels.includes(c)} disabled={c === 'zalo' && !p.prefs.zaloUserId} /> {CHANNEL_LABEL[c]}
              {c === 'sms' ? ` (${formatPhone(p.prefs.phone)})` : ''}
              {c === 'zalo' && !p.prefs.zaloUserId ? ' — quan tâm Zalo OA của đơn vị và nhắn tin để liên kết' : ''}
            </label>
          ))}
        </fieldset>
        <div class="field">
          <label for="p-email">Thư điện tử</label>
          <input id="p-email" name="email" type="email" autocomplete="email" value={p.prefs.email} />
        </div>
        <fieldset>
          <legend>Ngôn ngữ / Language</legend>
          <label class="choice">
            <input type="radio" name="language" value="vi" checked={p.prefs.language === 'vi'} /> Tiếng Việt
          </label>
          <label class="choice">
            <input type="radio" name="language" value="en" checked={p.prefs.language === 'en'} /> English
          </label>
        </fieldset>
        <label class="choice">
          <input type="checkbox" name="essentialOnly" value="1" checked={p.prefs.essentialOnly} /> Chỉ nhận tin cần thiết (tiếp nhận, yêu cầu bổ sung, nộp phí, có kết quả, xin lỗi hẹn lại); không nhận tin xác nhận đã nộp và tin đang giải quyết
        </label>
        <p class="hint">Tin cần thiết luôn được gửi, ít nhất qua SMS.</p>
        <p>
          <button type="submit" class="primary">
            Lưu lựa chọn
          </button>
        </p>
      </form>
    </Layout>
  );
}

/** Demo mode: the messages that would have gone out, as a phone would show them. */
export function DemoInboxPage(p: { messages: OutboxMessage[] }) {
  return (
    <Layout title="Tin nhắn đã gửi (chế độ trình diễn)">
      <h1>Tin nhắn đã gửi (chế độ trình diễn)</h1>
      <p class="demo">Đang chạy chế độ trình diễn (DEMO): tin nhắn SMS, thư điện tử và Zalo không gửi ra ngoài mà hiện ở đây.</p>
      <ol class="timeline">
        {p.messages.map((m) => (
          <li>
            <strong>
              {CHANNEL_LABEL[m.channel]} → {m.channel === 'sms' ? formatPhone(m.recipient) : m.recipient}
            </strong>
            <span class="note">
              {' '}
              — {m.sentAt ? formatDateTime(m.sentAt) : STATUS_LABEL[m.status]} — {eventLabel(m.event)}
            </span>
            {m.subject ? <div><strong>{m.subject}</strong></div> : null}
            <div class="pre">{m.body}</div>
          </li>
        ))}
      </ol>
      {!p.messages.length ? <p>Chưa có tin nhắn nào.</p> : null}
    </Layout>
  );
}
