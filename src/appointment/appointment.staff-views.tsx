/** The workspace's appointment pages: the day's bookings (arrivals), booking at the counter, the sessions. */
import { formatPhone } from '../shared/phone';
import { StaffLayout, type StaffNavProps } from '../shared/staff-layout';
import { StaffTable } from '../shared/staff-table';
import { formatVnDate } from './appointment.service';
import { vnParts } from './appointment.slots';
import { SOURCE_TEXT, STATUS_TEXT, WEEKDAY_TEXT, type Appointment, type BookableService, type Session } from './appointment.types';
import { APPOINTMENT_CSS, BookingForm, type BookingPageProps } from './appointment.views';
import { STAT_COLUMNS, STAT_SECTIONS, type QueueStats } from './appointment.stats';

export function DayListPage(p: {
  nav: StaffNavProps;
  date: string;
  prev: string;
  next: string;
  items: Appointment[];
  serviceNames: Record<string, string>;
  csrf: string;
  canChange: boolean;
  canAdmin: boolean;
  message?: string;
  error?: string;
}) {
  return (
    <StaffLayout {...p.nav} title="Lịch hẹn" head={<style>{APPOINTMENT_CSS}</style>}>
      <h1>Lịch hẹn ngày {formatVnDate(p.date)}</h1>
      {p.message ? <p role="status" class="card">{p.message}</p> : null}
      {p.error ? (
        <div class="error-summary" role="alert">
          <p>{p.error}</p>
        </div>
      ) : null}
      <p>
        <a href={`/can-bo/lich-hen?ngay=${p.prev}`}>← Ngày trước</a> · <a href={`/can-bo/lich-hen?ngay=${p.next}`}>Ngày sau →</a>
        {p.canChange ? (
          <>
            {' '}
            · <a href="/can-bo/lich-hen/dat">Đặt lịch cho người dân</a>
          </>
        ) : null}
        {p.canAdmin ? (
          <>
            {' '}
            · <a href="/can-bo/lich-hen/buoi">Buổi nhận lịch hẹn</a>
          </>
        ) : null}
        {' '}
        · <a href="/can-bo/hang-cho/thong-ke">Thống kê hàng chờ</a>
      </p>
      <form method="get" action="/can-bo/lich-hen">
        <label for="ngay">Xem ngày</label> <input id="ngay" name="ngay" type="date" value={p.date} /> <button type="submit">Xem</button>
      </form>
      {p.items.length === 0 ? (
        <p>Không có lịch hẹn nào trong ngày.</p>
      ) : (
        <StaffTable head={['Giờ', 'Mã', 'Người đến', 'Lĩnh vực', 'Hồ sơ trực tuyến', 'Đặt qua', 'Trạng thái', p.canChange ? 'Đến quầy' : null]} caption={`${p.items.length} lịch hẹn`}>
          {p.items.map((a) => (
            <tr>
              <td>{vnParts(a.slotAt).time}</td>
              <td>{a.code}</td>
              <td>
                {a.fullName}
                <div class="note">{formatPhone(a.phone)}</div>
              </td>
              <td>{p.serviceNames[a.service] ?? a.service}</td>
              <td>{a.dossierCode ? <a href={`/can-bo/ho-so/${a.dossierCode}`}>{a.dossierCode}</a> : '—'}</td>
              <td>{SOURCE_TEXT[a.source]}</td>
              <td>
                {STATUS_TEXT[a.status]}
                {a.ticketNumber ? ` (số ${a.ticketNumber})` : ''}
              </td>
              {p.canChange ? (
                <td>
                  {a.status === 'booked' ? (
                    <form method="post" action={`/can-bo/lich-hen/${a.code}/den?ngay=${p.date}`}>
                      <input type="hidden" name="_csrf" value={p.csrf} />
                      <button type="submit">Đã đến — cấp số</button>
                    </form>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </StaffTable>
      )}
    </StaffLayout>
  );
}

export function CounterBookingPage(p: { nav: StaffNavProps } & BookingPageProps & { message?: string }) {
  return (
    <StaffLayout {...p.nav} title="Đặt lịch cho người dân" head={<style>{APPOINTMENT_CSS}</style>}>
      <h1>Đặt lịch hẹn cho người dân</h1>
      <p>Người dân gọi điện hoặc đến quầy xin hẹn giờ: chọn giờ, nhập họ tên và số điện thoại; mã lịch hẹn được gửi qua tin nhắn.</p>
      {p.message ? <p role="status" class="card">{p.message}</p> : null}
      {p.error ? (
        <div class="error-summary" role="alert">
          <p>{p.error}</p>
        </div>
      ) : null}
      {p.services.length ? <BookingForm {...p} /> : <p>Đơn vị chưa có buổi nhận lịch hẹn. <a href="/can-bo/lich-hen/buoi">Mở buổi nhận lịch hẹn</a></p>}
    </StaffLayout>
  );
}

export function SessionsPage(p: { nav: StaffNavProps; sessions: Session[]; services: BookableService[]; csrf: string; error?: string; fieldErrors?: Record<string, string>; values?: Record<string, string | string[] | undefined>; message?: string }) {
  const name = (c: string) => p.services.find((s) => s.code === c)?.name ?? c;
  const v = p.values ?? {};
  const wd = Array.isArray(v.weekdays) ? v.weekdays : v.weekdays ? [v.weekdays] : ['1', '2', '3', '4', '5'];
  const fe = p.fieldErrors ?? {};
  return (
    <StaffLayout {...p.nav} title="Buổi nhận lịch hẹn" head={<style>{APPOINTMENT_CSS}</style>}>
      <h1>Buổi nhận lịch hẹn</h1>
      <p>
        Mỗi buổi: lĩnh vực, các thứ trong tuần (hoặc một ngày), giờ, độ dài một lượt, số quầy và số người mỗi quầy mỗi lượt. Lịch hẹn chỉ mở vào ngày đơn vị làm việc theo lịch làm việc của đơn vị: buổi Thứ Bảy mở vào
        các Thứ Bảy làm việc; một ngày nghỉ không mở được buổi.
      </p>
      {p.message ? <p role="status" class="card">{p.message}</p> : null}
      {p.sessions.length ? (
        <StaffTable head={['Lĩnh vực', 'Ngày', 'Giờ', 'Lượt', 'Quầy × người', 'Trạng thái', '']} caption={`${p.sessions.length} buổi`}>
          {p.sessions.map((s) => (
            <tr>
              <td>{name(s.service)}</td>
              <td>{s.onDate ? formatVnDate(s.onDate) : s.weekdays.map((d) => WEEKDAY_TEXT[d]).join(', ')}</td>
              <td>
                {s.start}–{s.end}
              </td>
              <td>{s.slotMinutes} phút</td>
              <td>
                {s.counters} × {s.perCounter}
              </td>
              <td>{s.active ? 'Đang mở' : 'Đã tắt'}</td>
              <td>
                <form method="post" action={`/can-bo/lich-hen/buoi/${s.id}`}>
                  <input type="hidden" name="_csrf" value={p.csrf} />
                  <input type="hidden" name="active" value={s.active ? '0' : '1'} />
                  <button type="submit">{s.active ? 'Tắt' : 'Bật lại'}</button>
                </form>
              </td>
            </tr>
          ))}
        </StaffTable>
      ) : (
        <p>Chưa có buổi nào.</p>
      )}
      <h2>Thêm buổi</h2>
      {p.error ? (
        <div class="error-summary" role="alert">
          <p>{p.error}</p>
          <ul>
            {Object.entries(fe).map(([k, m]) => (
              <li>
                <a href={`#s-${k}`}>{m}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="post" action="/can-bo/lich-hen/buoi">
        <input type="hidden" name="_csrf" value={p.csrf} />
        <div class="appt-field">
          <label for="s-service">Lĩnh vực</label>
          <select id="s-service" name="service">
            {p.services.map((s) => (
              <option value={s.code} selected={v.service === s.code}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <fieldset id="s-weekdays">
          <legend>Các thứ trong tuần</legend>
          {[1, 2, 3, 4, 5, 6, 7].map((d) => (
            <label style="margin-right:12px">
              <input type="checkbox" name="weekdays" value={String(d)} checked={wd.includes(String(d))} /> {WEEKDAY_TEXT[d]}
            </label>
          ))}
        </fieldset>
        <div class="appt-field">
          <label for="s-onDate">Hoặc chỉ một ngày (ví dụ một Thứ Bảy làm việc)</label>
          <input id="s-onDate" name="onDate" type="date" value={(v.onDate as string) ?? ''} />
        </div>
        <div class="appt-field">
          <label for="s-start">Từ giờ</label>
          <input id="s-start" name="start" type="time" value={(v.start as string) ?? '07:30'} required />
        </div>
        <div class="appt-field">
          <label for="s-end">Đến giờ</label>
          <input id="s-end" name="end" type="time" value={(v.end as string) ?? '11:30'} required />
        </div>
        <div class="appt-field">
          <label for="s-slotMinutes">Độ dài một lượt (phút)</label>
          <input id="s-slotMinutes" name="slotMinutes" type="number" min="5" max="240" value={(v.slotMinutes as string) ?? '30'} required />
        </div>
        <div class="appt-field">
          <label for="s-counters">Số quầy nhận lịch hẹn</label>
          <input id="s-counters" name="counters" type="number" min="1" max="50" value={(v.counters as string) ?? '1'} required />
        </div>
        <div class="appt-field">
          <label for="s-perCounter">Số người mỗi quầy mỗi lượt</label>
          <input id="s-perCounter" name="perCounter" type="number" min="1" max="20" value={(v.perCounter as string) ?? '1'} required />
        </div>
        <button type="submit" class="btn primary">
          Thêm buổi
        </button>
      </form>
    </StaffLayout>
  );
}

function pctText(r: number | null): string {
  return r === null ? '—' : `${(Math.round(r * 1000) / 10).toLocaleString('vi-VN')}%`;
}
function minText(m: number | null): string {
  return m === null ? '—' : m.toLocaleString('vi-VN');
}

export function StatsPage(p: { nav: StaffNavProps; stats: QueueStats; chart: string; from: string; to: string; unitName: string; exportHref: string }) {
  const s = p.stats;
  return (
    <StaffLayout {...p.nav} title="Thống kê hàng chờ">
      <h1>Thống kê hàng chờ — {p.unitName}</h1>
      <form method="get" action="/can-bo/hang-cho/thong-ke">
        <label for="tu">Từ ngày</label> <input id="tu" name="tu" type="date" value={p.from} /> <label for="den">đến ngày</label> <input id="den" name="den" type="date" value={p.to} />{' '}
        <button type="submit">Xem</button>
      </form>
      <p>
        {s.total.tickets.toLocaleString('vi-VN')} lượt lấy số; chờ trung bình <strong>{minText(s.total.avgWait)} phút</strong>, phục vụ trung bình <strong>{minText(s.total.avgService)} phút</strong>, tỷ lệ vắng mặt{' '}
        <strong>{pctText(s.total.noShowRate)}</strong>. <a href={p.exportHref}>Tải Excel</a> · <a href="/can-bo/lich-hen">Lịch hẹn</a>
      </p>
      <p class="note">Thời gian chờ: từ lúc lấy số đến lúc được gọi. Thời gian phục vụ: từ lúc bắt đầu phục vụ (hoặc được gọi) đến lúc xong. Tỷ lệ vắng mặt: số vắng mặt trên số đã gọi (đã phục vụ và vắng mặt). Giờ, thứ: theo lúc lấy số.</p>
      <section>
        <h2>Giờ đông nhất</h2>
        <figure>
          <div dangerouslySetInnerHTML={{ __html: p.chart }} />
          <figcaption class="note">Số lượt lấy số theo giờ trong ngày (cùng số liệu với bảng "Theo giờ lấy số").</figcaption>
        </figure>
      </section>
      {STAT_SECTIONS.map((sec) => (
        <section>
          <h2>{sec.title}</h2>
          {s[sec.id].length === 0 ? (
            <p>Không có số liệu.</p>
          ) : (
            <StaffTable head={[sec.head, ...STAT_COLUMNS]} numeric={[false, true, true, true, true, true, true, true, true]} caption={`${sec.title}, từ ${formatVnDate(p.from)} đến ${formatVnDate(p.to)}`} captionClass="vh">
              {s[sec.id].map((r) => (
                <tr>
                  <td>{r.label}</td>
                  <td class="num">{r.tickets}</td>
                  <td class="num">{r.called}</td>
                  <td class="num">{r.done}</td>
                  <td class="num">{r.noShow}</td>
                  <td class="num">{pctText(r.noShowRate)}</td>
                  <td class="num">{minText(r.avgWait)}</td>
                  <td class="num">{minText(r.maxWait)}</td>
                  <td class="num">{minText(r.avgService)}</td>
                </tr>
              ))}
            </StaffTable>
          )}
        </section>
      ))}
    </StaffLayout>
  );
}
