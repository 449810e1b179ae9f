/** The leaders' follow-up list of "Không hài lòng" ratings, and one follow-up with its answer form. */
import { formatDateTime } from '../shared/format';
import { StaffLayout, type StaffNavProps } from '../shared/staff-layout';
import { StaffTable } from '../shared/staff-table';
import { LEVEL_LABEL, REASON_LABEL, SOURCE_LABEL, type FollowUp, type FollowUpCounts, type FollowUpState, type RatingLevel } from './rating.types';
import { ErrorSummary, StatusMessage } from '../shared/messages';

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
      <StatusMessage>{p.saved ? 'Đã gửi câu trả lời. Người dân xem được trên trang theo dõi hồ sơ.' : null}</StatusMessage>
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
          <ErrorSummary message={p.error} />
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

/** The counter official asks the citizen in front of them to rate the dossier just handed back, on the unit's tablet. */
export function TabletPickPage(p: {
  nav: StaffNavProps;
  unitCode: string;
  recent: Array<{ code: string; applicant: string; procedureName: string; returnedAt: string | null; rated?: RatingLevel }>;
  pick?: { code: string; at: string; by: string };
  message?: string;
  error?: string;
}) {
  return (
    <StaffLayout {...p.nav} title="Đánh giá tại quầy">
      <h1>Đánh giá tại quầy</h1>
      <p>
        Máy tính bảng tại quầy mở trang <a href={`/dv/${p.unitCode}/danh-gia`}>/dv/{p.unitCode}/danh-gia</a>. Khi trả kết quả cho người dân, chọn hồ sơ dưới đây: lần chạm tiếp theo trên máy tính bảng (trong 10 phút) được ghi là
        đánh giá của hồ sơ đó; các lần sau là đánh giá lượt giao dịch tại quầy.
      </p>
      <StatusMessage>{p.message}</StatusMessage>
      <ErrorSummary message={p.error} />
      {p.pick ? (
        <p class="card">
          Đang chờ người dân đánh giá: hồ sơ <strong>{p.pick.code}</strong> (do {p.pick.by} chọn lúc {formatDateTime(p.pick.at)}).
        </p>
      ) : null}
      <form method="post" action="/can-bo/danh-gia/tai-quay" class="card">
        <input type="hidden" name="_csrf" value={p.nav.csrf} />
        <div class="field">
          <label for="pick-code">Mã hồ sơ đã trả kết quả</label>
          <input id="pick-code" name="code" type="text" inputmode="numeric" placeholder="00004-261203-0001" maxLength={20} />
        </div>
        <p>
          <button type="submit" class="primary">
            Mời đánh giá trên máy tính bảng
          </button>
        </p>
      </form>
      {p.recent.length ? (
        <form method="post" action="/can-bo/danh-gia/tai-quay">
          <input type="hidden" name="_csrf" value={p.nav.csrf} />
          <StaffTable head={['Hồ sơ', 'Người nộp', 'Thủ tục', 'Trả kết quả lúc', '']} caption="Hồ sơ trả kết quả trong 24 giờ qua">
            {p.recent.map((d) => (
              <tr>
                <td>{d.code}</td>
                <td>{d.applicant}</td>
                <td>{d.procedureName}</td>
                <td>{d.returnedAt ? formatDateTime(d.returnedAt) : ''}</td>
                <td>
                  {d.rated ? (
                    <span data-rated={d.code}>Đã đánh giá: {LEVEL_LABEL[d.rated]}</span>
                  ) : (
                    <button type="submit" name="code" value={d.code} aria-label={`Mời đánh giá hồ sơ ${d.code} trên máy tính bảng`}>
                      Mời đánh giá
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </StaffTable>
        </form>
      ) : null}
    </StaffLayout>
  );
}
