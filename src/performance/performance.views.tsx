import { formatDate, formatDateTime, formatWorking } from '../shared/format';
import { StaffLayout, type StaffNavProps } from '../shared/staff-layout';
import { StaffTable } from '../shared/staff-table';
import { STAFF_ROLE_TEXT } from '../shared/staff-menu';
import { pct, periodKeyText, targetText } from './performance.format';
import type { WorkPeriod } from './performance.period';
import type { WeeklyReview } from './performance.service';
import { METRIC_INFO, TARGET_METRICS, type OfficialPerformance, type TargetProgress } from './performance.types';
import { ErrorSummary, StatusMessage } from '../shared/messages';

function actualText(p: TargetProgress): string {
  if (p.actual === null) return '—';
  return `${p.actual.toLocaleString('vi-VN')}${METRIC_INFO[p.target.metric].unit === 'percent' ? '%' : ''}`;
}

function PeriodPicker(p: { action: string; name: string; period: WorkPeriod; prev: string; next: string; extra?: Record<string, string>; label: string }) {
  const q = (k: string) => `${p.action}?${new URLSearchParams({ ...(p.extra ?? {}), [p.name]: k }).toString()}`;
  return (
    <form method="get" action={p.action} class="card filters">
      {Object.entries(p.extra ?? {}).map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      <label for="ky">{p.label}</label> <input id="ky" name={p.name} value={p.period.key} size={10} /> <button type="submit">Xem</button>{' '}
      <a href={q(p.prev)}>← Kỳ trước</a> · <a href={q(p.next)}>Kỳ sau →</a>
    </form>
  );
}

function Ratings(p: { r: OfficialPerformance['ratings'] }) {
  return (
    <>
      {p.r.very_satisfied} / {p.r.satisfied} / {p.r.dissatisfied}
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// The unit's officials

export function UnitPerformancePage(p: StaffNavProps & { unitName: string; period: WorkPeriod; prev: string; next: string; items: OfficialPerformance[]; unitParam?: string }) {
  const extra = p.unitParam ? { unit: p.unitParam } : undefined;
  return (
    <StaffLayout {...p} title="Hiệu quả công việc" current="/can-bo/hieu-qua">
      <h1>Hiệu quả công việc — {p.period.label}</h1>
      <p class="hint">
        {p.unitName}. Tính từ lịch sử hồ sơ: mỗi bước cán bộ đã chuyển đi trong kỳ, so với hạn của bước đó; thời gian tính theo giờ làm việc. Đánh giá: rất hài lòng / hài lòng / không hài lòng.
      </p>
      <PeriodPicker action="/can-bo/hieu-qua" name="ky" period={p.period} prev={p.prev} next={p.next} extra={extra} label="Tháng (2026-12) hoặc tuần (2026-W49)" />
      <StaffTable
        caption={`Cán bộ của đơn vị (${p.items.length})`}
        head={['Cán bộ', 'Hồ sơ đã xử lý', 'Bước đúng hạn', 'Bước quá hạn', 'Tỷ lệ đúng hạn', 'Yêu cầu bổ sung', 'Đánh giá', 'Đang giữ quá hạn']}
      >
        {p.items.map((o) => (
          <tr>
            <td>
              <a href={`/can-bo/hieu-qua/${o.staff.username}?ky=${p.period.key}`}>{o.staff.fullName}</a>
              <br />
              <span class="hint">{STAFF_ROLE_TEXT[o.staff.role] ?? o.staff.role}</span>
            </td>
            <td>{o.dossiers}</td>
            <td>{o.onTime}</td>
            <td>{o.late}</td>
            <td>{pct(o.onTimeRate)}</td>
            <td>{o.supplementRequests}</td>
            <td>
              <Ratings r={o.ratings} />
            </td>
            <td>{o.overdueNow}</td>
          </tr>
        ))}
      </StaffTable>
      <p>
        <a href="/can-bo/chi-tieu">Chỉ tiêu</a> · <a href="/can-bo/giao-ban-tuan">Giao ban tuần</a>
      </p>
    </StaffLayout>
  );
}

// ---------------------------------------------------------------------------------------------
// One official

export function OfficialPerformancePage(p: StaffNavProps & { perf: OfficialPerformance; period: WorkPeriod; prev: string; next: string; targets: TargetProgress[]; own: boolean }) {
  const o = p.perf;
  return (
    <StaffLayout {...p} title={`Hiệu quả công việc: ${o.staff.fullName}`} current="/can-bo/hieu-qua">
      <h1>
        {p.own ? 'Kết quả công việc của tôi' : o.staff.fullName} — {p.period.label}
      </h1>
      <PeriodPicker action={`/can-bo/hieu-qua/${o.staff.username}`} name="ky" period={p.period} prev={p.prev} next={p.next} label="Tháng (2026-12) hoặc tuần (2026-W49)" />
      <dl class="kv card">
        <dt>Hồ sơ đã xử lý (ít nhất một bước)</dt>
        <dd>{o.dossiers}</dd>
        <dt>Bước đúng hạn / quá hạn</dt>
        <dd>
          {o.onTime} / {o.late} ({pct(o.onTimeRate)} đúng hạn)
        </dd>
        <dt>Yêu cầu bổ sung đã gửi</dt>
        <dd>{o.supplementRequests}</dd>
        <dt>Đánh giá của người dân về hồ sơ đã xử lý</dt>
        <dd>
          Rất hài lòng {o.ratings.very_satisfied}, hài lòng {o.ratings.satisfied}, không hài lòng {o.ratings.dissatisfied}
        </dd>
        <dt>Hồ sơ đang giữ đã quá hạn bước</dt>
        <dd>{o.overdueNow}</dd>
      </dl>
      <StaffTable caption="Theo bước của quy trình" head={['Bước', 'Số lần xử lý', 'Đúng hạn', 'Quá hạn', 'Thời gian xử lý (trung vị)']}>
        {o.steps.length ? (
          o.steps.map((s) => (
            <tr>
              <td>{s.label}</td>
              <td>{s.done}</td>
              <td>{s.onTime}</td>
              <td>{s.late}</td>
              <td>{formatWorking(s.medianMs)}</td>
            </tr>
          ))
        ) : (
          <tr>
            <td colSpan={5}>Chưa xử lý bước nào trong kỳ.</td>
          </tr>
        )}
      </StaffTable>
      {o.dissatisfied.length ? (
        <StaffTable caption="Đánh giá không hài lòng" head={['Hồ sơ', 'Thời điểm', 'Lý do']}>
          {o.dissatisfied.map((d) => (
            <tr>
              <td>{d.code}</td>
              <td>{formatDateTime(d.ratedAt)}</td>
              <td>{d.reasons.join(', ') || '—'}</td>
            </tr>
          ))}
        </StaffTable>
      ) : null}
      <TargetTable items={p.targets} caption="Chỉ tiêu" />
    </StaffLayout>
  );
}

export function TargetTable(p: { items: TargetProgress[]; caption: string; remove?: { csrf: string } }) {
  return (
    <StaffTable caption={p.caption} head={['Áp dụng cho', 'Chỉ tiêu', 'Kỳ', 'Hiện đạt', 'Kết quả', ...(p.remove ? [''] : [])]}>
      {p.items.length ? (
        p.items.map((t) => (
          <tr>
            <td>{t.subject}</td>
            <td>
              {targetText(t.target)}
              {t.target.note ? <span class="hint"> — {t.target.note}</span> : null}
            </td>
            <td>{periodKeyText(t.target.periodKey)}</td>
            <td>{actualText(t)}</td>
            <td>
              <strong class={t.met === false ? 'err' : undefined}>{t.text}</strong>
            </td>
            {p.remove ? (
              <td>
                <form method="post" action={`/can-bo/chi-tieu/${t.target.id}/xoa`} class="inline-form">
                  <input type="hidden" name="_csrf" value={p.remove.csrf} />
                  <button type="submit">Bỏ chỉ tiêu</button>
                </form>
              </td>
            ) : null}
          </tr>
        ))
      ) : (
        <tr>
          <td colSpan={p.remove ? 6 : 5}>Chưa có chỉ tiêu nào trong kỳ.</td>
        </tr>
      )}
    </StaffTable>
  );
}

// ---------------------------------------------------------------------------------------------
// Targets

export function TargetsPage(
  p: StaffNavProps & {
    period: WorkPeriod;
    prev: string;
    next: string;
    items: TargetProgress[];
    canSet: boolean;
    officials: Array<{ username: string; fullName: string }>;
    fields: string[];
    errors?: Array<{ field: string; message: string }>;
    form?: Record<string, string>;
    message?: string;
  },
) {
  const f = p.form ?? {};
  return (
    <StaffLayout {...p} title="Chỉ tiêu" current="/can-bo/chi-tieu">
      <h1>Chỉ tiêu — {p.period.label}</h1>
      <StatusMessage>{p.message}</StatusMessage>
      <ErrorSummary title="Chỉ tiêu chưa hợp lệ:" errors={p.errors} />
      <PeriodPicker action="/can-bo/chi-tieu" name="ky" period={p.period} prev={p.prev} next={p.next} label="Tháng (2026-12) hoặc tuần (2026-W49)" />
      <TargetTable items={p.items} caption="Chỉ tiêu và tiến độ" remove={p.canSet ? { csrf: p.csrf } : undefined} />
      {p.canSet ? (
        <form method="post" action="/can-bo/chi-tieu" class="card">
          <h2>Giao chỉ tiêu</h2>
          <input type="hidden" name="_csrf" value={p.csrf} />
          <div class="field">
            <label for="t-subject">Áp dụng cho</label>
            <select id="t-subject" name="subject">
              <option value="unit" selected={f.subject === 'unit'}>
                Toàn đơn vị
              </option>
              <optgroup label="Cán bộ">
                {p.officials.map((o) => (
                  <option value={`staff:${o.username}`} selected={f.subject === `staff:${o.username}`}>
                    {o.fullName}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Lĩnh vực">
                {p.fields.map((x) => (
                  <option value={`field:${x}`} selected={f.subject === `field:${x}`}>
                    {x}
                  </option>
                ))}
              </optgroup>
            </select>
          </div>
          <div class="field">
            <label for="t-metric">Chỉ tiêu</label>
            <select id="t-metric" name="metric">
              {TARGET_METRICS.map((m) => (
                <option value={m} selected={f.metric === m}>
                  {METRIC_INFO[m].label} ({METRIC_INFO[m].op === '<=' ? 'không quá' : 'ít nhất'}
                  {METRIC_INFO[m].unit === 'percent' ? ', %' : ''}
                  {METRIC_INFO[m].unitLevel ? ', toàn đơn vị' : ''})
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="t-value">Mức (số lượng, hoặc phần trăm cho tỷ lệ)</label>
            <input id="t-value" name="value" inputMode="decimal" value={f.value ?? ''} required />
          </div>
          <div class="field">
            <label for="t-period">Kỳ (tháng 2026-12 hoặc tuần 2026-W49)</label>
            <input id="t-period" name="period" value={f.period ?? p.period.key} required />
          </div>
          <div class="field">
            <label for="t-note">Ghi chú</label>
            <input id="t-note" name="note" value={f.note ?? ''} />
          </div>
          <button type="submit" class="btn">
            Giao chỉ tiêu
          </button>
        </form>
      ) : null}
    </StaffLayout>
  );
}

/** The worklist's box: the official's targets running now, one line each. */
export function MyTargetsBox(p: { items: TargetProgress[] }) {
  if (!p.items.length) return null;
  const met = p.items.filter((t) => t.met === true).length;
  return (
    <details class="card targets-box">
      <summary>
        Chỉ tiêu của tôi: đạt {met}/{p.items.length} — <a href="/can-bo/chi-tieu">xem chi tiết</a>
      </summary>
      <ul>
        {p.items.map((t) => (
          <li>
            {targetText(t.target)} ({periodKeyText(t.target.periodKey)}, {t.subject}): hiện đạt {actualText(t)} — <strong class={t.met === false ? 'err' : undefined}>{t.text}</strong>
          </li>
        ))}
      </ul>
    </details>
  );
}

// ---------------------------------------------------------------------------------------------
// Weekly review

export function WeeklyReviewPage(p: StaffNavProps & { review: WeeklyReview; prev: string; next: string; unitParam?: string }) {
  const r = p.review;
  const extra = p.unitParam ? { unit: p.unitParam } : undefined;
  const qs = new URLSearchParams({ tuan: r.week.key, ...(extra ?? {}) }).toString();
  return (
    <StaffLayout {...p} title="Giao ban tuần" current="/can-bo/giao-ban-tuan">
      <h1>Giao ban tuần — {r.week.label}</h1>
      <p>
        {r.unit.name}. <a href={`/can-bo/giao-ban-tuan.pdf?${qs}`}>Tải bản PDF để in</a>
      </p>
      <PeriodPicker action="/can-bo/giao-ban-tuan" name="tuan" period={r.week} prev={p.prev} next={p.next} extra={extra} label="Tuần (2026-W49)" />
      <StaffTable caption="Công việc của từng cán bộ trong tuần" head={['Cán bộ', 'Hồ sơ đã xử lý', 'Bước đúng hạn', 'Bước quá hạn', 'Tỷ lệ đúng hạn', 'Yêu cầu bổ sung', 'Không hài lòng']}>
        {r.officials.map((o) => (
          <tr>
            <td>{o.staff.fullName}</td>
            <td>{o.dossiers}</td>
            <td>{o.onTime}</td>
            <td>{o.late}</td>
            <td>{pct(o.onTimeRate)}</td>
            <td>{o.supplementRequests}</td>
            <td>{o.ratings.dissatisfied}</td>
          </tr>
        ))}
      </StaffTable>
      <TargetTable items={r.targets} caption="Chỉ tiêu: đạt hay chưa đạt" />
      <ReviewDossiers caption={`Hồ sơ quá hạn (${r.overdue.length})`} items={r.overdue} />
      <ReviewDossiers caption={`Hồ sơ sắp đến hạn (${r.atRisk.length})`} items={r.atRisk} />
      <StaffTable caption={`Đánh giá không hài lòng trong tuần (${r.dissatisfied.length})`} head={['Hồ sơ', 'Thời điểm', 'Lý do']}>
        {r.dissatisfied.length ? (
          r.dissatisfied.map((d) => (
            <tr>
              <td>{d.code ? <a href={`/can-bo/ho-so/${d.code}`}>{d.code}</a> : '—'}</td>
              <td>{formatDateTime(d.ratedAt)}</td>
              <td>{d.reasons.join(', ') || '—'}</td>
            </tr>
          ))
        ) : (
          <tr>
            <td colSpan={3}>Không có.</td>
          </tr>
        )}
      </StaffTable>
    </StaffLayout>
  );
}

function ReviewDossiers(p: { caption: string; items: WeeklyReview['overdue'] }) {
  return (
    <StaffTable caption={p.caption} head={['Hồ sơ', 'Thủ tục', 'Người nộp', 'Đang xử lý', 'Hẹn trả', 'Còn lại']}>
      {p.items.length ? (
        p.items.map((d) => (
          <tr>
            <td>
              <a href={`/can-bo/ho-so/${d.code}`}>{d.code}</a>
            </td>
            <td>{d.procedureName}</td>
            <td>{d.applicantName}</td>
            <td>{d.handler || '—'}</td>
            <td>{d.dueAt ? formatDate(d.dueAt) : '—'}</td>
            <td>{formatWorking(d.leftMs)}</td>
          </tr>
        ))
      ) : (
        <tr>
          <td colSpan={6}>Không có.</td>
        </tr>
      )}
    </StaffTable>
  );
}
