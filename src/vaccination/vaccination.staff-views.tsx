import { formatPhone } from '../shared/phone';
import { StaffLayout, type StaffNavProps } from '../shared/staff-layout';
import { StaffTable } from '../shared/staff-table';
import type { ScheduleRow } from './vaccination.repo';
import { dmy } from './vaccination.schedule';
import type { DueList, Settings } from './vaccination.service';
import { ScheduleCheckNote } from './vaccination.views';

type Problems = Array<{ field: string; message: string }>;

function Messages({ message, errors }: { message?: string; errors?: Problems }) {
  return (
    <>
      {message ? (
        <p class="card" role="status">
          {message}
        </p>
      ) : null}
      {errors?.length ? (
        <div class="error-summary" role="alert">
          <p>Chưa thực hiện được:</p>
          <ul>
            {errors.map((e) => (
              <li>{e.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

/** The health station's week: children due by village, with "đã tiêm" per dose. */
export function DuePage(p: StaffNavProps & { list: DueList; villages: string[]; village?: string; settings: Settings; message?: string; errors?: Problems }) {
  const l = p.list;
  const q = new URLSearchParams({ tuan: l.week, ...(p.village ? { thon: p.village } : {}) });
  const count = l.villages.reduce((n, v) => n + v.children.length, 0);
  return (
    <StaffLayout {...p} title="Tiêm chủng: trẻ đến lịch" current="/can-bo/tiem-chung">
      <h1>Trẻ đến lịch tiêm</h1>
      <Messages message={p.message} errors={p.errors} />
      <ScheduleCheckNote settings={p.settings} />
      <form method="get" action="/can-bo/tiem-chung" class="card inline">
        <label for="tuan">Tuần</label> <input id="tuan" name="tuan" type="week" value={l.week} /> <label for="thon">Thôn, tổ dân phố</label>{' '}
        <select id="thon" name="thon">
          <option value="">Tất cả</option>
          {p.villages.map((v) => (
            <option value={v} selected={v === p.village}>
              {v}
            </option>
          ))}
        </select>{' '}
        <button type="submit">Xem</button>
      </form>
      <p>
        Tuần {l.week}: từ {dmy(l.from)} đến {dmy(l.to)} — {count} cháu. <a href={`/can-bo/tiem-chung/danh-sach.xlsx?${q}`}>Tải danh sách (Excel)</a> · <a href="/can-bo/tiem-chung/lich">Lịch tiêm và cài đặt nhắc lịch</a>
      </p>
      {count ? null : <p>Không có cháu nào đến lịch tiêm trong tuần này.</p>}
      {l.villages.map((v) => (
        <section class="card" aria-label={v.village}>
          <h2>
            {v.village} ({v.children.length})
          </h2>
          <StaffTable head={['Cháu', 'Ngày sinh', 'Điện thoại', 'Mũi đến lịch', 'Mũi trước chưa tiêm']}>
          {v.children.map((c) => (
            <tr id={`c-${c.id}`}>
              <td>{c.childName}</td>
              <td>{dmy(c.birthDate)}</td>
              <td>
                {formatPhone(c.phone)}
                {c.phoneBounced ? <span class="tag"> không nhận được tin nhắn</span> : null}
              </td>
              <td>
                <ul>
                  {c.due.map((d) => (
                    <li>
                      {d.vaccine} — {d.dose}, ngày {dmy(d.dueDate)}
                      {d.remindedAt ? ' (đã nhắn nhắc)' : ''}{' '}
                      <form method="post" action={`/can-bo/tiem-chung/${c.id}/da-tiem`} class="inline">
                        <input type="hidden" name="_csrf" value={p.csrf} />
                        <input type="hidden" name="dose" value={d.key} />
                        <input type="hidden" name="tuan" value={l.week} />
                        {p.village ? <input type="hidden" name="thon" value={p.village} /> : null}
                        <button type="submit" aria-label={`Đã tiêm ${d.vaccine} ${d.dose} cho ${c.childName}`}>
                          Đã tiêm
                        </button>
                      </form>
                    </li>
                  ))}
                </ul>
              </td>
              <td>{c.overdue.length ? c.overdue.map((o) => `${o.vaccine} ${o.dose.toLowerCase()} (${dmy(o.dueDate)})`).join('; ') : '—'}</td>
            </tr>
          ))}
          </StaffTable>
        </section>
      ))}
    </StaffLayout>
  );
}

/** The unit's schedule (admin and health station edit, the station confirms) and the reminder settings. */
export function SchedulePage(p: StaffNavProps & { rows: ScheduleRow[]; settings: Settings; canConfirm: boolean; message?: string; errors?: Problems; values?: Record<string, string> }) {
  const s = p.settings;
  const v = p.values ?? {};
  return (
    <StaffLayout {...p} title="Lịch tiêm chủng mở rộng" current="/can-bo/tiem-chung/lich">
      <h1>Lịch tiêm chủng mở rộng (0–24 tháng) của đơn vị</h1>
      <Messages message={p.message} errors={p.errors} />
      <ScheduleCheckNote settings={s} />
      {p.canConfirm && !s.checkedAt ? (
        <form method="post" action="/can-bo/tiem-chung/lich/xac-nhan" class="card">
          <input type="hidden" name="_csrf" value={p.csrf} />
          <p>Trạm y tế đã đối chiếu từng mũi dưới đây với lịch tiêm chủng mở rộng hiện hành.</p>
          <button type="submit">Xác nhận lịch tiêm đúng</button>
        </form>
      ) : null}
      <StaffTable
        caption="Ngày tiêm = ngày sinh + số tháng (cùng ngày trong tháng; tháng ngắn hơn thì ngày cuối tháng) + số ngày."
        head={['Mã', 'Vắc xin', 'Mũi', 'Tháng tuổi', 'Thêm ngày', 'Ghi chú', 'Xóa']}
      >
        {p.rows.map((r) => (
          <tr>
            <td>{r.dose_key}</td>
            <td>{r.vaccine}</td>
            <td>{r.dose}</td>
            <td>{r.months}</td>
            <td>{r.days}</td>
            <td>{r.note}</td>
            <td>
              <form method="post" action={`/can-bo/tiem-chung/lich/${r.dose_key}/xoa`} class="inline">
                <input type="hidden" name="_csrf" value={p.csrf} />
                <button type="submit" aria-label={`Xóa ${r.vaccine} ${r.dose}`}>
                  Xóa
                </button>
              </form>
            </td>
          </tr>
        ))}
      </StaffTable>
      <form method="post" action="/can-bo/tiem-chung/lich" class="card" novalidate>
        <h2>Thêm hoặc sửa một mũi</h2>
        <p class="hint">Nhập đúng mã của một mũi đã có để sửa mũi đó.</p>
        <input type="hidden" name="_csrf" value={p.csrf} />
        <div class="field">
          <label for="key">Mã mũi (chữ thường, số, dấu gạch ngang)</label>
          <input id="key" name="key" value={v.key ?? ''} required />
        </div>
        <div class="field">
          <label for="vaccine">Vắc xin</label>
          <input id="vaccine" name="vaccine" value={v.vaccine ?? ''} required />
        </div>
        <div class="field">
          <label for="dose">Mũi</label>
          <input id="dose" name="dose" value={v.dose ?? ''} required />
        </div>
        <div class="field">
          <label for="months">Tháng tuổi (0–23)</label>
          <input id="months" name="months" type="number" min="0" max="23" value={v.months ?? ''} required />
        </div>
        <div class="field">
          <label for="days">Thêm số ngày (0–60)</label>
          <input id="days" name="days" type="number" min="0" max="60" value={v.days ?? '0'} />
        </div>
        <div class="field">
          <label for="note">Ghi chú</label>
          <input id="note" name="note" value={v.note ?? ''} />
        </div>
        <button type="submit">Lưu mũi tiêm</button>
      </form>
      <form method="post" action="/can-bo/tiem-chung/cai-dat" class="card" novalidate>
        <h2>Trạm y tế và nhắc lịch</h2>
        <input type="hidden" name="_csrf" value={p.csrf} />
        <div class="field">
          <label for="reminderDays">Nhắn tin trước mỗi mũi (số ngày, 1–14)</label>
          <input id="reminderDays" name="reminderDays" type="number" min="1" max="14" value={v.reminderDays ?? String(s.reminderDays)} required />
        </div>
        <div class="field">
          <label for="stationName">Tên trạm y tế</label>
          <input id="stationName" name="stationName" value={v.stationName ?? s.stationName} required />
        </div>
        <div class="field">
          <label for="stationAddress">Địa chỉ</label>
          <input id="stationAddress" name="stationAddress" value={v.stationAddress ?? s.stationAddress} />
        </div>
        <div class="field">
          <label for="stationHours">Ngày, giờ tiêm (ví dụ: ngày 15 hằng tháng, 7h30–11h)</label>
          <input id="stationHours" name="stationHours" value={v.stationHours ?? s.stationHours} />
        </div>
        <button type="submit">Lưu cài đặt</button>
      </form>
    </StaffLayout>
  );
}
