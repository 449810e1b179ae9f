import { Layout } from '../shared/layout';
import { ErrorSummary } from '../shared/messages';
import type { Unit } from '../unit';
import type { ChatMessage } from './assistant.service';
import { assetUrl } from '../shared/assets';

// Stop 46: the staff pages live in assistant.staff-views.tsx; their names stay importable from here.
export { FaqPage, HandoffPage, InboxPage, StatsPage, SynonymsPage } from './assistant.staff-views';

/** Views of the assistant: the citizen's chat (full page and widget panel). */

function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export interface ChatFormProps {
  csrf: string;
  unit: string;
}

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
      <ErrorSummary message={p.error} />
      <section class="card as-page" aria-label="Trò chuyện với trợ lý" id="cuoi">
        <ChatBox unit={p.unit} messages={p.messages} form={p.form} waiting={p.waiting} idPrefix="as-page" />
      </section>
      {p.waiting ? <p class="note">Câu hỏi của bạn đang chờ cán bộ trả lời. Tải lại trang này để xem câu trả lời.</p> : null}
    </Layout>
  );
}
