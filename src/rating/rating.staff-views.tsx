/** The leaders' follow-up list of "Không hài lòng" ratings, and one follow-up with its answer form. */
import { formatDateTime } from '../shared/format';
import { StaffLayout, type StaffNavProps } from '../shared/staff-layout';
import { StaffTable } from '../shared/staff-table';
import { LEVEL_LABEL, REASON_LABEL, SOURCE_LABEL, type FollowUp, type FollowUpCounts, type FollowUpState } from './rating.types';

export const STATE_LABEL: Record<FollowUpState, string> = { open: 'Chờ trả lời', overdue: 'Quá hạn trả lời', answered: 'Đã trả lời' };
const TABS: Array<{ key: 'open' | 'overdue' | 'answered' | 'all'; label: string }> = [
  { key: 'all', label: 'Tất cả' },
  { key: 'open', label: 'Chờ trả lời' },
  { key: 'overdue', label: 'Quá hạn' },
  { key: 'answered', label: 'Đã trả lời' },
];

function StateText(p: { f: FollowUp }) {
  const f = p.f;
  if (f.state === 'answered') return <span>{f.late ? 'Đã trả lời (trễ hạn)' : 'Đã trả lời'}</span>;
  if (f.state === 'overdue') return <strong class="overdue">Quá hạn trả lời</strong>;
  return <span>Chờ trả lời</span>;
}

export function FollowUpListPage(p: { nav: StaffNavProps; items: FollowUp[]; state: string; counts: FollowUpCounts; unitNames: Record<string, string> }) {
  return (
    <StaffLayout {...p.nav} title="Phản ánh không hài lòng">
      <h1>Phản ánh không hài lòng</h1>
      <p>
        Người dân đánh giá “Không hài lòng” được lãnh đạo đơn vị trả lời trong 3 ngày làm việc; câu trả lời hiện trên trang theo dõi hồ sơ của người dân. Đang chờ: <strong>{p.counts.open}</strong>, quá hạn:{' '}
        <strong>{p.counts.overdue}</strong>, đã trả lời: <strong>{p.counts.answered}</strong>
        {p.counts.answeredLate ? ` (trễ hạn ${p.counts.answeredLate})` : ''}.
      </p>
      <nav aria-label="Lọc theo tình trạng" class="filters">
        {TABS.map((t) => (
          <>
            <a href={`/can-bo/danh-gia?trang-thai=${t.key}`} aria-current={p.state === t.key ? 'page' : undefined}>
              {t.label}
            </a>{' '}
          </>
        ))}
      </nav>
      {p.items.length === 0 ? (
        <p>Không có phản ánh nào.</p>
      ) : (
        <StaffTable head={['Hồ sơ / lượt', 'Đơn vị', 'Đánh giá hiện tại', 'Lý do, ý kiến', 'Ngày đánh giá', 'Hạn trả lời', 'Tình trạng']} caption={`${p.items.length} phản ánh`}>
          {p.items.map((f) => (
            <tr class={f.state === 'overdue' ? 'overdue' : undefined}>
              <td>
                <a href={`/can-bo/danh-gia/${f.id}`}>{f.dossierCode ?? 'Giao dịch tại quầy'}</a>
              </td>
              <td>{p.unitNames[f.unitCode] ?? f.unitCode}</td>
              <td>{f.rating ? LEVEL_LABEL[f.rating.level] : ''}</td>
              <td>
                {f.rating?.reasons.map((k) => REASON_LABEL[k]).join(', ')}
                {f.rating?.comment ? <div class="note">“{f.rating.comment}”</div> : null}
              </td>
              <td>{formatDateTime(f.openedAt)}</td>
              <td>{formatDateTime(f.dueAt)}</td>
              <td>
                <StateText f={f} />
              </td>
            </tr>
          ))}
        </StaffTable>
      )}
    </StaffLayout>
  );
}

export function FollowUpPage(p: { nav: StaffNavProps; f: FollowUp; canAnswer: boolean; error?: string; answer?: string; saved?: boolean }) {
  const f = p.f;
  const r = f.rating;
  return (
    <StaffLayout {...p.nav} title={`Phản ánh ${f.dossierCode ?? 'tại quầy'}`}>
      <p>
        <a href="/can-bo/danh-gia">← Danh sách phản ánh</a>
      </p>
      <h1>Phản ánh không hài lòng {f.dossierCode ? `— hồ sơ ${f.dossierCode}` : '— giao dịch tại quầy'}</h1>
      {p.saved ? (
        <p role="status" class="card">
          Đã gửi câu trả lời. Người dân xem được trên trang theo dõi hồ sơ.
        </p>
      ) : null}
      <dl class="kv">
        <dt>Tình trạng</dt>
        <dd>
          <StateText f={f} /> — hạn trả lời {formatDateTime(f.dueAt)}
        </dd>
        <dt>Đánh giá hiện tại</dt>
        <dd>{r ? `${LEVEL_LABEL[r.level]} (${formatDateTime(r.ratedAt)}, ${SOURCE_LABEL[r.source]})` : ''}</dd>
        <dt>Lý do</dt>
        <dd>{r?.reasons.length ? r.reasons.map((k) => REASON_LABEL[k]).join(', ') : 'Không nêu'}</dd>
        <dt>Ý kiến của người dân</dt>
        <dd>{r?.comment || 'Không có'}</dd>
        {f.dossierCode ? (
          <>
            <dt>Hồ sơ</dt>
            <dd>
              <a href={`/can-bo/ho-so/${f.dossierCode}`}>{f.dossierCode}</a>
            </dd>
          </>
        ) : null}
      </dl>
      {f.answer ? (
        <section class="card">
          <h2>Câu trả lời đã gửi</h2>
          <p style="white-space:pre-line">{f.answer}</p>
          <p class="note">
            {f.answeredBy}, {formatDateTime(f.answeredAt!)}
            {f.late ? ' (trễ hạn)' : ''}
          </p>
        </section>
      ) : p.canAnswer ? (
        <form method="post" action={`/can-bo/danh-gia/${f.id}`} class="card">
          <input type="hidden" name="_csrf" value={p.nav.csrf} />
          <h2>Trả lời người dân</h2>
          {p.error ? (
            <div class="error-summary" role="alert">
              <p>{p.error}</p>
            </div>
          ) : null}
          <div class="field">
            <label for="fu-answer">Câu trả lời (người dân đọc trên trang theo dõi hồ sơ)</label>
            <textarea id="fu-answer" name="answer" rows={6} maxLength={2000} required style="width:100%">
              {p.answer ?? ''}
            </textarea>
          </div>
          <p>
            <button type="submit" class="primary">
              Gửi câu trả lời
            </button>
          </p>
        </form>
      ) : (
        <p class="note">Lãnh đạo hoặc quản trị của đơn vị trả lời phản ánh này.</p>
      )}
    </StaffLayout>
  );
}
