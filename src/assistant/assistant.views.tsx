import { StaffLayout as SharedStaffLayout, type StaffNavProps } from '../shared/staff-layout';
import { StatusMessage } from '../shared/messages';
import { Layout } from '../shared/layout';
import { formatDateTime } from '../shared/format';
import type { Unit } from '../unit';
import type { AssistantStats } from './assistant.desk';
import type { ChatMessage, ProcedureHit } from './assistant.service';
import type { FaqRow, HandoffRow, SynonymRow } from './assistant.repo';
import type { SynonymEntry } from './assistant.synonyms';
import { assetUrl } from '../shared/assets';
import { StaffTable } from '../shared/staff-table';

/** Views of the assistant: the citizen's chat (full page and widget panel) and the staff pages. */

function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export interface ChatFormProps {
  csrf: string;
  unit: string;
}

const DECISION_LABEL: Record<string, string> = {
  answer: 'Đã trả lời',
  status: 'Tra cứu hồ sơ',
  clarify: 'Hỏi lại (Ý bạn là…)',
  handoff: 'Chuyển cán bộ',
  decline: 'Ngoài phạm vi',
  elsewhere: 'Chỉ cơ quan khác',
  smalltalk: 'Chào hỏi, cảm ơn',
  ask: 'Hỏi thêm thông tin',
};

function QuickReplies({ items, form }: { items: string[]; form: ChatFormProps }) {
  if (!items.length) return null;
  return (
    <form class="as-form as-quick" method="post" action="/tro-ly">
      <Csrf token={form.csrf} />
      <input type="hidden" name="dv" value={form.unit} />
      {items.map((q) => (
        <button type="submit" name="q" value={q} class="as-chip">
          {q.length > 90 ? q.slice(0, 88) + '…' : q}
        </button>
      ))}
    </form>
  );
}

/** A chat submission asks for a paper: the photo (the phone's camera) or a PDF, sent in the chat. */
function PhotoForm({ form, seq }: { form: ChatFormProps; seq: number }) {
  const id = `as-photo-${seq}`;
  return (
    <form class="as-form as-upload" method="post" action="/tro-ly/anh" enctype="multipart/form-data">
      <Csrf token={form.csrf} />
      <input type="hidden" name="dv" value={form.unit} />
      <label for={id}>Ảnh chụp giấy tờ (chọn được nhiều ảnh: mặt trước, mặt sau, các trang)</label>
      <input id={id} name="anh" type="file" accept="image/*,application/pdf" multiple required />
      <button type="submit" class="btn primary">
        Gửi ảnh
      </button>
    </form>
  );
}

/** One message bubble; only the latest bot message keeps its quick replies. */
export function Message({ m, form, last }: { m: ChatMessage; form: ChatFormProps; last: boolean }) {
  const who = m.role === 'user' ? 'Bạn' : m.role === 'staff' ? 'Cán bộ một cửa' : 'Trợ lý';
  return (
    <li class={`as-msg as-${m.role}`} data-seq={String(m.seq)} data-decision={m.decision ?? ''}>
      <span class="vh">{who}: </span>
      {m.role === 'staff' ? <span class="as-who">{who}</span> : null}
      <div class="as-text">
        {m.lines.map((l) => (
          <p>{l}</p>
        ))}
      </div>
      {m.links.length ? (
        <ul class="as-links">
          {m.links.map((l) => (
            <li>
              <a href={l.href} class={l.kind === 'submit' ? 'btn primary' : l.kind === 'form' ? 'as-dl' : 'btn'}>
                {l.label}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {last && m.role === 'bot' ? <QuickReplies items={m.quickReplies} form={form} /> : null}
      {last && m.role === 'bot' && m.upload ? <PhotoForm form={form} seq={m.seq} /> : null}
    </li>
  );
}

export function MessageList({ messages, form }: { messages: ChatMessage[]; form: ChatFormProps }) {
  const lastBot = messages.findLast((m) => m.role === 'bot')?.seq;
  return (
    <>
      {messages.map((m) => (
        <Message m={m} form={form} last={m.seq === lastBot} />
      ))}
    </>
  );
}

const WELCOME = (unitName: string): ChatMessage => ({
  seq: 0,
  role: 'bot',
  text: '',
  lines: [`Chào bạn! Mình là trợ lý ảo của Bộ phận Một cửa ${unitName}.`, 'Hỏi mình về giấy tờ cần chuẩn bị, thời hạn, lệ phí, nơi nộp, nộp trực tuyến hoặc tình trạng hồ sơ của bạn.'],
  links: [],
  quickReplies: ['Làm giấy khai sinh cần gì?', 'Đăng ký tạm trú mất bao lâu?', 'Tra cứu hồ sơ'],
  decision: 'smalltalk',
  createdAt: '',
  delivery: '',
});

/** The conversation and the question box: the body of the full page and of the widget. */
export function ChatBox(p: { unit: Unit; messages: ChatMessage[]; form: ChatFormProps; waiting: boolean; idPrefix: string }) {
  const shown = p.messages.length ? p.messages : [WELCOME(p.unit.name)];
  return (
    <div class="as-box" data-unit={p.unit.code} data-waiting={p.waiting ? '1' : '0'} data-last={String(p.messages.at(-1)?.seq ?? 0)}>
      <ol class="as-log" aria-live="polite" aria-label="Cuộc trò chuyện với trợ lý">
        <MessageList messages={shown} form={p.form} />
      </ol>
      <form class="as-form as-ask" method="post" action="/tro-ly">
        <Csrf token={p.form.csrf} />
        <input type="hidden" name="dv" value={p.unit.code} />
        <label for={`${p.idPrefix}-q`} class="vh">
          Câu hỏi của bạn
        </label>
        <input id={`${p.idPrefix}-q`} name="q" type="text" maxLength={1000} required autocomplete="off" placeholder="Nhập câu hỏi, ví dụ: làm khai sinh cần gì" />
        <button type="submit" class="btn primary">
          Gửi
        </button>
      </form>
      <p class="hint as-note">Trợ lý trả lời theo danh mục thủ tục của {p.unit.name}. Câu hỏi chưa trả lời được sẽ được chuyển cho cán bộ.</p>
    </div>
  );
}

export function ChatPage(p: { unit: Unit; messages: ChatMessage[]; form: ChatFormProps; waiting: boolean; error?: string }) {
  return (
    <Layout title={`Trợ lý ảo — ${p.unit.name}`} unitName={p.unit.name} unitHref={`/dv/${p.unit.code}`} noAssistant head={<script src={assetUrl('assistant.js')} defer />}>
      <h1>Hỏi trợ lý ảo</h1>
      <p>Trợ lý trả lời ngày đêm về thủ tục hành chính tại {p.unit.name}: giấy tờ, thời hạn, lệ phí, nơi nộp, nộp trực tuyến, tình trạng hồ sơ.</p>
      {p.error ? (
        <p class="err" role="alert">
          {p.error}
        </p>
      ) : null}
      <section class="card as-page" aria-label="Trò chuyện với trợ lý" id="cuoi">
        <ChatBox unit={p.unit} messages={p.messages} form={p.form} waiting={p.waiting} idPrefix="as-page" />
      </section>
      {p.waiting ? <p class="note">Câu hỏi của bạn đang chờ cán bộ trả lời. Tải lại trang này để xem câu trả lời.</p> : null}
    </Layout>
  );
}

// ------------------------------------------------------------------------------ staff

/** Every assistant page for staff is a workspace page: the shared frame and its menu. */
function StaffLayout(p: { title: string; nav: StaffNavProps; children: preact.ComponentChildren }) {
  return (
    <SharedStaffLayout {...p.nav} title={p.title}>
      {p.children}
    </SharedStaffLayout>
  );
}

const CHANNEL_LABEL: Record<string, string> = { web: 'Trang web', zalo: 'Zalo', api: 'API' };

export function InboxPage(p: { nav: StaffNavProps; unit: Unit; open: HandoffRow[]; answered: HandoffRow[] }) {
  const table = (rows: HandoffRow[], caption: string, answered: boolean) => (
    <StaffTable caption={caption} head={['Câu hỏi', 'Lúc', answered ? 'Người trả lời' : 'Tình trạng']}>
      {rows.map((h) => (
        <tr>
          <td>
            <a href={`/can-bo/tro-ly/${h.id}`}>{h.question.length > 120 ? h.question.slice(0, 118) + '…' : h.question}</a>
          </td>
          <td>{formatDateTime(h.created_at)}</td>
          <td>{answered ? `${h.staff_name ?? ''}${h.faq_id ? ' · đã thành câu hỏi thường gặp' : ''}` : 'Chờ trả lời'}</td>
        </tr>
      ))}
    </StaffTable>
  );
  return (
    <StaffLayout title="Câu hỏi chuyển cán bộ" nav={p.nav}>
      <h1>Câu hỏi trợ lý ảo chuyển cán bộ</h1>
      <p>Câu hỏi trợ lý chưa trả lời chắc chắn được. Câu trả lời của cán bộ được gửi lại đúng kênh người dân đã hỏi (trang web hoặc Zalo).</p>
      {p.open.length ? table(p.open, `Đang chờ trả lời (${p.open.length})`, false) : <p class="card">Không có câu hỏi nào đang chờ.</p>}
      {p.answered.length ? table(p.answered, 'Đã trả lời gần đây', true) : null}
    </StaffLayout>
  );
}

export function HandoffPage(p: {
  nav: StaffNavProps;
  unit: Unit;
  csrf: string;
  handoff: HandoffRow;
  channel: string;
  messages: ChatMessage[];
  candidates: ProcedureHit[];
  procedures: Array<{ code: string; name: string }>;
  notice?: string;
  error?: string;
}) {
  const h = p.handoff;
  const failed = p.messages.some((m) => m.role === 'staff' && m.delivery === 'failed');
  return (
    <StaffLayout title="Trả lời câu hỏi" nav={p.nav}>
      <h1>Câu hỏi của người dân</h1>
      <StatusMessage class="commit">{p.notice}</StatusMessage>
      {p.error ? (
        <p class="err" role="alert">
          {p.error}
        </p>
      ) : null}
      <p>
        Kênh: <strong>{CHANNEL_LABEL[p.channel] ?? p.channel}</strong> · lúc {formatDateTime(h.created_at)}
      </p>
      <blockquote class="card">{h.question}</blockquote>
      <h2>Cuộc trò chuyện</h2>
      <ol class="as-log as-staff-log">
        {p.messages.map((m) => (
          <li class={`as-msg as-${m.role}`}>
            <span class="as-who">{m.role === 'user' ? 'Người dân' : m.role === 'staff' ? 'Cán bộ' : 'Trợ lý'}</span>
            <div class="as-text">
              {m.lines.map((l) => (
                <p>{l}</p>
              ))}
            </div>
            {m.role === 'staff' && m.delivery === 'failed' ? <p class="err">Chưa gửi được qua Zalo.</p> : null}
          </li>
        ))}
      </ol>
      {h.status === 'open' ? (
        <form method="post" action={`/can-bo/tro-ly/${h.id}/tra-loi`} class="card">
          <Csrf token={p.csrf} />
          <h2>
            <label for="as-reply">Trả lời người dân</label>
          </h2>
          <textarea id="as-reply" name="reply" rows={6} maxLength={2000} required class="as-textarea" />
          <p>
            <button type="submit" class="btn primary">
              Gửi câu trả lời
            </button>
          </p>
        </form>
      ) : (
        <section class="card">
          <h2>Đã trả lời</h2>
          <p>
            {h.staff_name} lúc {h.answered_at ? formatDateTime(h.answered_at) : ''}
          </p>
          {failed ? (
            <form method="post" action={`/can-bo/tro-ly/${h.id}/gui-lai`}>
              <Csrf token={p.csrf} />
              <button type="submit">Gửi lại qua Zalo</button>
            </form>
          ) : null}
          {h.faq_id ? (
            <p>Câu hỏi này đã được đưa vào câu hỏi thường gặp.</p>
          ) : (
            <form method="post" action={`/can-bo/tro-ly/${h.id}/faq`}>
              <Csrf token={p.csrf} />
              <label for="as-faq-proc">Thủ tục liên quan (không bắt buộc)</label>{' '}
              <select id="as-faq-proc" name="procedureCode">
                <option value="">— Không gắn thủ tục —</option>
                {[...p.candidates, ...p.procedures.filter((x) => !p.candidates.some((c) => c.code === x.code))].map((x, i) => (
                  <option value={x.code} selected={i === 0 && p.candidates.length > 0}>
                    {x.name.length > 100 ? x.name.slice(0, 98) + '…' : x.name}
                  </option>
                ))}
              </select>{' '}
              <button type="submit" class="btn primary">
                Đưa vào câu hỏi thường gặp
              </button>
            </form>
          )}
        </section>
      )}
    </StaffLayout>
  );
}

export function StatsPage(p: { nav: StaffNavProps; unit: Unit; stats: AssistantStats }) {
  const s = p.stats;
  const total = s.weeks.reduce((a, w) => a + w.asked, 0);
  return (
    <StaffLayout title="Thống kê trợ lý ảo" nav={p.nav}>
      <h1>Thống kê trợ lý ảo</h1>
      <p>{total} câu hỏi trong {s.weeks.length} tuần gần nhất.</p>
      <StaffTable caption="Số câu hỏi theo tuần" head={['Tuần bắt đầu', 'Câu hỏi', 'Đã trả lời', 'Hỏi lại', 'Chuyển cán bộ', 'Ngoài phạm vi', 'Khác']}>
        {s.weeks.map((w) => (
          <tr>
            <td>{w.weekStart.split('-').reverse().join('/')}</td>
            <td>{w.asked}</td>
            <td>{w.answered}</td>
            <td>{w.clarified}</td>
            <td>{w.handedOver}</td>
            <td>{w.declined}</td>
            <td>{w.other}</td>
          </tr>
        ))}
      </StaffTable>
      <h2>Thủ tục được hỏi nhiều nhất</h2>
      {s.topProcedures.length ? (
        <ol>
          {s.topProcedures.map((t) => (
            <li>
              <a href={`/p/${p.unit.code}/${t.code}`}>{t.name}</a> — {t.count} lượt
            </li>
          ))}
        </ol>
      ) : (
        <p>Chưa có.</p>
      )}
      <h2>Câu hỏi gần đây</h2>
      <StaffTable caption="Câu hỏi gần đây và cách trợ lý xử lý" captionClass="vh" head={['Câu hỏi', 'Xử lý', 'Lúc']}>
        {s.recent.map((r) => (
          <tr>
            <td>{r.text.length > 140 ? r.text.slice(0, 138) + '…' : r.text}</td>
            <td>{DECISION_LABEL[r.decision] ?? r.decision}</td>
            <td>{formatDateTime(r.at)}</td>
          </tr>
        ))}
      </StaffTable>
    </StaffLayout>
  );
}

export function FaqPage(p: { nav: StaffNavProps; unit: Unit; csrf: string; faqs: FaqRow[]; procedures: Array<{ code: string; name: string }>; error?: string; notice?: string }) {
  return (
    <StaffLayout title="Câu hỏi thường gặp" nav={p.nav}>
      <h1>Câu hỏi thường gặp của trợ lý</h1>
      <p>Trợ lý dùng các câu trả lời này khi người dân hỏi câu tương tự.</p>
      <StatusMessage class="commit">{p.notice}</StatusMessage>
      {p.error ? (
        <p class="err" role="alert">
          {p.error}
        </p>
      ) : null}
      {p.faqs.length ? (
        <ul class="as-faqs">
          {p.faqs.map((f) => (
            <li class="card">
              <p>
                <strong>{f.question}</strong>
              </p>
              <p class="pre">{f.answer}</p>
              {f.procedure_code ? <p class="note">Thủ tục: {p.procedures.find((x) => x.code === f.procedure_code)?.name ?? f.procedure_code}</p> : null}
              <form method="post" action={`/can-bo/tro-ly/cau-hoi-thuong-gap/${f.id}/xoa`}>
                <Csrf token={p.csrf} />
                <button type="submit">Xóa</button>
              </form>
            </li>
          ))}
        </ul>
      ) : (
        <p>Chưa có câu hỏi thường gặp.</p>
      )}
      <form method="post" action="/can-bo/tro-ly/cau-hoi-thuong-gap" class="card">
        <Csrf token={p.csrf} />
        <h2>Thêm câu hỏi thường gặp</h2>
        <p>
          <label for="faq-q">Câu hỏi</label>
          <br />
          <input id="faq-q" name="question" type="text" maxLength={500} required class="as-wide" />
        </p>
        <p>
          <label for="faq-a">Câu trả lời</label>
          <br />
          <textarea id="faq-a" name="answer" rows={4} maxLength={2000} required class="as-textarea" />
        </p>
        <p>
          <label for="faq-p">Thủ tục liên quan (không bắt buộc)</label>
          <br />
          <select id="faq-p" name="procedureCode">
            <option value="">— Không gắn thủ tục —</option>
            {p.procedures.map((x) => (
              <option value={x.code}>{x.name.length > 100 ? x.name.slice(0, 98) + '…' : x.name}</option>
            ))}
          </select>
        </p>
        <button type="submit" class="btn primary">
          Thêm
        </button>
      </form>
    </StaffLayout>
  );
}

export function SynonymsPage(p: { nav: StaffNavProps; unit: Unit; csrf: string; rows: SynonymRow[]; builtin: SynonymEntry[]; canEdit: boolean; error?: string; notice?: string }) {
  return (
    <StaffLayout title="Từ đồng nghĩa" nav={p.nav}>
      <h1>Cách nói của người dân</h1>
      <p>Trợ lý hiểu các cách nói này như tên gọi trong danh mục thủ tục. Quản trị đơn vị thêm được cách nói của địa phương.</p>
      <StatusMessage class="commit">{p.notice}</StatusMessage>
      {p.error ? (
        <p class="err" role="alert">
          {p.error}
        </p>
      ) : null}
      <StaffTable caption={<>Của {p.unit.name}</>} head={['Người dân nói', 'Trong danh mục gọi là', p.canEdit ? 'Xóa' : null]}>
        {p.rows.map((r) => (
          <tr>
            <td>{r.phrase}</td>
            <td>{r.expansion}</td>
            {p.canEdit ? (
              <td>
                <form method="post" action={`/can-bo/tro-ly/tu-dong-nghia/${r.id}/xoa`}>
                  <Csrf token={p.csrf} />
                  <button type="submit" aria-label={`Xóa “${r.phrase}”`}>
                    Xóa
                  </button>
                </form>
              </td>
            ) : null}
          </tr>
        ))}
      </StaffTable>
      {p.canEdit ? (
        <form method="post" action="/can-bo/tro-ly/tu-dong-nghia" class="card">
          <Csrf token={p.csrf} />
          <h2>Thêm cách nói</h2>
          <p>
            <label for="syn-p">Người dân nói (ví dụ: giấy chứng tử)</label>
            <br />
            <input id="syn-p" name="phrase" type="text" maxLength={60} required />
          </p>
          <p>
            <label for="syn-e">Trong danh mục gọi là (ví dụ: đăng ký khai tử)</label>
            <br />
            <input id="syn-e" name="expansion" type="text" maxLength={200} required class="as-wide" />
          </p>
          <button type="submit" class="btn primary">
            Thêm
          </button>
        </form>
      ) : (
        <p class="note">Chỉ quản trị đơn vị được thêm hoặc xóa.</p>
      )}
      <details>
        <summary>Bảng có sẵn ({p.builtin.length} cách nói)</summary>
        <ul>
          {p.builtin.map((b) => (
            <li>
              {b.phrase} → {b.expansion}
            </li>
          ))}
        </ul>
      </details>
    </StaffLayout>
  );
}
