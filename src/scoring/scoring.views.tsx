import { formatDateTime } from '../shared/format';
import { StaffLayout, type StaffNavProps } from '../shared/staff-layout';
import { StaffTable } from '../shared/staff-table';
import { KIND_TEXT, STATUS_TEXT, type RankingRow, type ScoringTable, type TableView } from './scoring.types';
import { ErrorSummary, StatusMessage } from '../shared/messages';

const n = (x: number) => x.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
/** "2026-12" → "12/2026" (what a reader expects; the key stays in links and inputs). */
export const monthText = (m: string) => (/^\d{4}-\d{2}$/.test(m) ? `${Number(m.slice(5))}/${m.slice(0, 4)}` : m);

function Errors(p: { errors?: Array<{ message: string }>; message?: string }) {
  return (
    <>
      <StatusMessage>{p.message}</StatusMessage>
      <ErrorSummary errors={p.errors} />
    </>
  );
}

export function ScoringListPage(p: StaffNavProps & { tables: ScoringTable[]; canCreate: boolean; indicators: Record<string, string>; month: string; errors?: Array<{ message: string }>; form?: Record<string, string> }) {
  const f = p.form ?? {};
  return (
    <StaffLayout {...p} title="Chấm điểm đơn vị" current="/can-bo/cham-diem">
      <h1>Chấm điểm cải cách hành chính hằng tháng</h1>
      <Errors errors={p.errors} />
      <p>
        <a href="/can-bo/cham-diem/xep-hang">Xếp hạng tháng và lũy kế năm</a> · <a href={`/can-bo/cham-diem/xep-hang.xlsx?thang=${p.month}`}>Tải Excel xếp hạng tháng {monthText(p.month)}</a>
      </p>
      <StaffTable caption="Các bảng điểm (mọi phiên bản)" head={['Tháng', 'Bảng điểm', 'Phiên bản', 'Tình trạng', 'Lý do đính chính']}>
        {p.tables.length ? (
          p.tables.map((t) => (
            <tr>
              <td>{monthText(t.month)}</td>
              <td>
                <a href={`/can-bo/cham-diem/${t.id}`}>{t.title}</a>
                {t.demo ? <span class="tag"> dữ liệu mẫu</span> : null}
              </td>
              <td>{t.version}</td>
              <td>{STATUS_TEXT[t.status]}</td>
              <td>{t.reason || '—'}</td>
            </tr>
          ))
        ) : (
          <tr>
            <td colSpan={5}>Chưa có bảng điểm nào.</td>
          </tr>
        )}
      </StaffTable>
      {p.canCreate ? (
        <form method="post" action="/can-bo/cham-diem" class="card">
          <h2>Lập bảng điểm tháng</h2>
          <input type="hidden" name="_csrf" value={p.csrf} />
          <div class="field">
            <label for="s-month">Tháng (ví dụ 2026-12)</label>
            <input id="s-month" name="month" value={f.month ?? p.month} required />
          </div>
          <div class="field">
            <label for="s-title">Tên bảng điểm (không bắt buộc)</label>
            <input id="s-title" name="title" value={f.title ?? ''} />
          </div>
          <p class="hint">Mỗi dòng một tiêu chí; để trống tên thì bỏ qua dòng đó. Tiêu chí tự động chọn chỉ số và ngưỡng (%) đạt điểm tối đa.</p>
          <StaffTable head={['Tên tiêu chí', 'Điểm tối đa', 'Loại', 'Chỉ số (tự động)', 'Ngưỡng %']}>
            {[0, 1, 2, 3, 4, 5].map((i) => (
              <tr>
                <td>
                  <input name={`c${i}.name`} aria-label={`Tên tiêu chí ${i + 1}`} value={f[`c${i}.name`] ?? ''} />
                </td>
                <td>
                  <input name={`c${i}.max`} aria-label={`Điểm tối đa tiêu chí ${i + 1}`} size={4} value={f[`c${i}.max`] ?? ''} />
                </td>
                <td>
                  <select name={`c${i}.kind`} aria-label={`Loại tiêu chí ${i + 1}`}>
                    <option value="manual" selected={f[`c${i}.kind`] !== 'auto'}>
                      {KIND_TEXT.manual}
                    </option>
                    <option value="auto" selected={f[`c${i}.kind`] === 'auto'}>
                      {KIND_TEXT.auto}
                    </option>
                  </select>
                </td>
                <td>
                  <select name={`c${i}.indicator`} aria-label={`Chỉ số của tiêu chí ${i + 1}`}>
                    <option value="">—</option>
                    {Object.entries(p.indicators).map(([k, name]) => (
                      <option value={k} selected={f[`c${i}.indicator`] === k}>
                        {name}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input name={`c${i}.threshold`} aria-label={`Ngưỡng tiêu chí ${i + 1}`} size={4} value={f[`c${i}.threshold`] ?? ''} />
                </td>
              </tr>
            ))}
          </StaffTable>
          <button type="submit" class="btn">
            Lập bảng điểm
          </button>
        </form>
      ) : null}
    </StaffLayout>
  );
}

export function ScoringTablePage(p: StaffNavProps & { v: TableView; supervisor: boolean; errors?: Array<{ message: string }>; message?: string }) {
  const { table, criteria } = p.v;
  const open = table.status === 'open';
  const csrf = <input type="hidden" name="_csrf" value={p.csrf} />;
  return (
    <StaffLayout {...p} title={table.title} current="/can-bo/cham-diem">
      <h1>{table.title}</h1>
      <p>
        Tháng {monthText(table.month)} · phiên bản {table.version} · <strong>{STATUS_TEXT[table.status]}</strong>
        {table.finalisedAt ? ` lúc ${formatDateTime(table.finalisedAt)}` : ''}
        {table.reason ? ` · Lý do đính chính: ${table.reason}` : ''}
      </p>
      <Errors errors={p.errors} message={p.message} />
      <StaffTable caption={`Điểm của các đơn vị (tối đa ${n(p.v.maxTotal)})${open ? ' — tạm tính' : ''}`} head={['Hạng', 'Đơn vị', ...criteria.map((c) => `${c.name} (${n(c.maxPoints)}${c.kind === 'auto' ? ', tự động' : ''})`), 'Tổng']}>
        {p.v.units.map((u) => (
          <tr>
            <td>{u.position}</td>
            <td>{u.unitName}</td>
            {u.cells.map((c) => (
              <td>
                {n(c.points)}
                {c.rate !== null ? <span class="hint"> ({n(c.rate * 100)}%)</span> : null}
                {c.self !== null && c.adjusted !== null ? <span class="hint"> (tự chấm {n(c.self)}; điều chỉnh: {c.reason})</span> : null}
                {c.evidence.map((e) => (
                  <>
                    {' '}
                    <a href={`/can-bo/cham-diem/minh-chung/${e.id}`}>{e.name}</a>
                  </>
                ))}
              </td>
            ))}
            <td>
              <strong>{n(u.total)}</strong>
            </td>
          </tr>
        ))}
      </StaffTable>
      {open && !p.supervisor
        ? criteria
            .filter((c) => c.kind === 'manual')
            .map((c) => {
              const cell = p.v.units[0]?.cells.find((x) => x.criterionId === c.id);
              return (
                <section class="card">
                  <h2>
                    {c.name} (tối đa {n(c.maxPoints)} điểm)
                  </h2>
                  {c.guidance ? <p class="hint">{c.guidance}</p> : null}
                  <form method="post" action={`/can-bo/cham-diem/${table.id}/tu-cham`}>
                    {csrf}
                    <input type="hidden" name="criterion" value={c.id} />
                    <div class="field">
                      <label for={`p-${c.id}`}>Điểm tự chấm</label>
                      <input id={`p-${c.id}`} name="points" value={cell?.self === null || cell?.self === undefined ? '' : String(cell.self)} size={5} required />
                    </div>
                    <div class="field">
                      <label for={`n-${c.id}`}>Giải trình</label>
                      <input id={`n-${c.id}`} name="note" value={cell?.note ?? ''} />
                    </div>
                    <button type="submit">Lưu điểm tự chấm</button>
                  </form>
                  <form method="post" action={`/can-bo/cham-diem/${table.id}/minh-chung`} enctype="multipart/form-data">
                    {csrf}
                    <input type="hidden" name="criterion" value={c.id} />
                    <label for={`f-${c.id}`}>Tệp minh chứng (PDF, JPEG, PNG, HEIC; tối đa 10 MB)</label> <input id={`f-${c.id}`} type="file" name="file" required /> <button type="submit">Gửi minh chứng</button>
                  </form>
                </section>
              );
            })
        : null}
      {open && p.supervisor ? (
        <>
          <form method="post" action={`/can-bo/cham-diem/${table.id}/dieu-chinh`} class="card">
            <h2>Điều chỉnh điểm (tiêu chí chấm thủ công)</h2>
            {csrf}
            <div class="field">
              <label for="a-unit">Đơn vị</label>
              <select id="a-unit" name="unit">
                {p.v.units.map((u) => (
                  <option value={u.unitCode}>{u.unitName}</option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="a-crit">Tiêu chí</label>
              <select id="a-crit" name="criterion">
                {criteria
                  .filter((c) => c.kind === 'manual')
                  .map((c) => (
                    <option value={c.id}>{c.name}</option>
                  ))}
              </select>
            </div>
            <div class="field">
              <label for="a-points">Điểm</label>
              <input id="a-points" name="points" size={5} required />
            </div>
            <div class="field">
              <label for="a-reason">Lý do điều chỉnh (bắt buộc)</label>
              <input id="a-reason" name="reason" required />
            </div>
            <button type="submit">Điều chỉnh</button>
          </form>
          <form method="post" action={`/can-bo/cham-diem/${table.id}/chot`} class="card">
            {csrf}
            <p>Chốt bảng điểm: điểm tự động lấy theo chỉ số tại thời điểm chốt, mọi điểm được cố định và tháng bị khóa.</p>
            <button type="submit" class="btn">
              Chốt bảng điểm tháng {monthText(table.month)}
            </button>
          </form>
        </>
      ) : null}
      {table.status === 'finalised' && p.supervisor ? (
        <form method="post" action={`/can-bo/cham-diem/${table.id}/dinh-chinh`} class="card">
          {csrf}
          <div class="field">
            <label for="c-reason">Lý do đính chính (tạo phiên bản mới, giữ nguyên bản đã chốt)</label>
            <input id="c-reason" name="reason" required />
          </div>
          <button type="submit">Lập bản đính chính</button>
        </form>
      ) : null}
      {p.v.versions.length ? (
        <StaffTable caption="Các phiên bản khác của tháng này" head={['Phiên bản', 'Tình trạng', 'Lý do']}>
          {p.v.versions.map((t) => (
            <tr>
              <td>
                <a href={`/can-bo/cham-diem/${t.id}`}>{t.version}</a>
              </td>
              <td>{STATUS_TEXT[t.status]}</td>
              <td>{t.reason || '—'}</td>
            </tr>
          ))}
        </StaffTable>
      ) : null}
    </StaffLayout>
  );
}

export function RankingPage(p: StaffNavProps & { month: string; table: ScoringTable | null; rows: RankingRow[]; year: { months: string[]; rows: RankingRow[] } }) {
  return (
    <StaffLayout {...p} title="Xếp hạng đơn vị" current="/can-bo/cham-diem">
      <h1>Xếp hạng đơn vị — tháng {monthText(p.month)}</h1>
      <form method="get" action="/can-bo/cham-diem/xep-hang" class="card filters">
        <label for="thang">Tháng (ví dụ 2026-12)</label> <input id="thang" name="thang" value={p.month} size={8} /> <button type="submit">Xem</button> · <a href={`/can-bo/cham-diem/xep-hang.xlsx?thang=${p.month}`}>Tải Excel</a>
      </form>
      <StaffTable caption={p.table ? `${p.table.title} — ${STATUS_TEXT[p.table.status]}${p.table.status === 'open' ? ' (tạm tính)' : ''}` : `Chưa có bảng điểm tháng ${monthText(p.month)}`} head={['Hạng', 'Đơn vị', 'Tổng điểm']}>
        {p.rows.map((r) => (
          <tr>
            <td>
              {r.position}/{p.rows.length}
            </td>
            <td>{r.unitName}</td>
            <td>{n(r.total)}</td>
          </tr>
        ))}
      </StaffTable>
      <StaffTable caption={`Lũy kế năm ${p.month.slice(0, 4)} (các tháng đã chốt: ${p.year.months.map(monthText).join(', ') || 'chưa có'})`} head={['Hạng', 'Đơn vị', 'Tổng điểm lũy kế']}>
        {p.year.rows.map((r) => (
          <tr>
            <td>
              {r.position}/{p.year.rows.length}
            </td>
            <td>{r.unitName}</td>
            <td>{n(r.total)}</td>
          </tr>
        ))}
      </StaffTable>
    </StaffLayout>
  );
}
