import { formatDateTime } from '../shared/format';
import { ErrorSummary, StatusMessage } from '../shared/messages';
import { StaffLayout, type StaffNavProps } from '../shared/staff-layout';
import { StaffTable } from '../shared/staff-table';

/** Views of the chat submissions: the unit admin's choice of procedures, and a dossier's conversation for staff. */

export const CHAT_CHANNEL_LABEL = 'Trực tuyến (trợ lý ảo)';
const VIA: Record<string, string> = { web: 'khung trò chuyện trên trang web', zalo: 'Zalo', api: 'API' };

export function ChatFormSettingsPage(p: StaffNavProps & { rows: Array<{ code: string; name: string; fields: number; enabled: boolean }>; canEdit: boolean; notice?: string; error?: string }) {
  return (
    <StaffLayout {...p} title="Nộp hồ sơ qua trò chuyện">
      <h1>Nộp hồ sơ qua trò chuyện</h1>
      <p>
        Với các thủ tục được chọn dưới đây, trợ lý ảo (trên trang web và Zalo) mời người dân “Nộp ngay trong cuộc trò chuyện”: hỏi lần lượt từng mục của tờ khai điện tử, nhận ảnh
        chụp giấy tờ, cho xem lại rồi nộp như hồ sơ trực tuyến. Nên chọn thủ tục có tờ khai ngắn.
      </p>
      <StatusMessage>{p.notice}</StatusMessage>
      <ErrorSummary message={p.error} />
      <form method="post" action="/can-bo/tro-ly/nop-qua-tro-chuyen">
        <input type="hidden" name="_csrf" value={p.csrf} />
        <StaffTable caption={`Thủ tục nộp trực tuyến của đơn vị (${p.rows.length})`} head={['Nộp qua trò chuyện', 'Thủ tục', 'Số mục tờ khai']} numeric={[false, false, true]}>
          {p.rows.map((r) => (
            <tr>
              <td>
                <input type="checkbox" id={`cf-${r.code}`} name="thu_tuc" value={r.code} checked={r.enabled} disabled={!p.canEdit} />
              </td>
              <td>
                <label for={`cf-${r.code}`}>
                  {r.name} <span class="note">({r.code})</span>
                </label>
              </td>
              <td class="num">{r.fields}</td>
            </tr>
          ))}
        </StaffTable>
        {p.canEdit ? (
          <button type="submit" class="btn primary">
            Lưu lựa chọn
          </button>
        ) : (
          <p class="note">Chỉ quản trị đơn vị được thay đổi lựa chọn này.</p>
        )}
      </form>
    </StaffLayout>
  );
}

/** On the dossier's staff page: how it came, and the conversation from the offer to the receipt. */
export function ChatTranscriptBox(p: { channel: string; transcript: Array<{ role: string; text: string; at: string }> }) {
  return (
    <section class="card" aria-labelledby="chat-transcript">
      <h2 id="chat-transcript">Nộp qua trợ lý ảo ({VIA[p.channel] ?? p.channel})</h2>
      <p class="note">Người dân khai và gửi ảnh giấy tờ trong cuộc trò chuyện; mã xác thực số điện thoại được che.</p>
      <details>
        <summary>Xem cuộc trò chuyện ({p.transcript.length} tin nhắn)</summary>
        <ol class="transcript">
          {p.transcript.map((m) => (
            <li class={`as-msg as-${m.role === 'user' ? 'user' : 'bot'}`}>
              <strong>{m.role === 'user' ? 'Người dân' : 'Trợ lý'}</strong> <span class="note">{formatDateTime(m.at)}</span>
              {m.text.split('\n').map((l) => (
                <p>{l}</p>
              ))}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
