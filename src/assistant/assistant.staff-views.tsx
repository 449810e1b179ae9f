import { StaffLayout as SharedStaffLayout, type StaffNavProps } from '../shared/staff-layout';
import { ErrorSummary, StatusMessage } from '../shared/messages';
import { formatDateTime } from '../shared/format';
import type { Unit } from '../unit';
import type { AssistantStats } from './assistant.desk';
import type { ChatMessage, ProcedureHit } from './assistant.service';
import type { FaqRow, HandoffRow, SynonymRow } from './assistant.repo';
import type { SynonymEntry } from './assistant.synonyms';
import { StaffTable } from '../shared/staff-table';

/** Views of the assistant for staff: the hand-over inbox and answer, the statistics, the FAQ and the synonyms. Split from assistant.views.tsx (stop 46), where the names stay importable. */

function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
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
      <ErrorSummary message={p.error} />
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
      <ErrorSummary message={p.error} />
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
      <ErrorSummary message={p.error} />
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
