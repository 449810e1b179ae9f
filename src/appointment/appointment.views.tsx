/**
 * The citizen's appointment pages: book a slot (/dv/:unit/dat-lich), the booking (/lich-hen/:code,
 * reached from the SMS link), move it, cancel it, say "I have arrived". Plain forms: they work on a
 * cheap phone without JavaScript. They take a view model and touch no data.
 */
import { Layout } from '../shared/layout';
import { formatPhone } from '../shared/phone';
import { formatVnDate, slotText } from './appointment.service';
import { STATUS_TEXT, WEEKDAY_TEXT, type Appointment, type BookableService, type Slot } from './appointment.types';
import { isoWeekday } from './appointment.slots';

export const APPOINTMENT_CSS = `
.slot-day{border:0;padding:0;margin:12px 0}
.slot-day legend{font-weight:700;margin-bottom:6px}
.slots{display:grid;grid-template-columns:repeat(auto-fill,minmax(96px,1fr));gap:8px}
.slots label{display:flex;align-items:center;justify-content:center;gap:6px;min-height:48px;border:2px solid var(--line,#ccc);border-radius:10px;font-size:1.05rem;cursor:pointer;padding:4px}
.slots label:has(input:checked){border-color:var(--red,#c8102e);background:#fff5f5}
.slots label.full{color:#777;border-style:dashed;cursor:not-allowed}
.slots input{width:20px;height:20px;margin:0}
.services{display:grid;gap:8px;border:0;padding:0;margin:8px 0}
.services label{display:flex;align-items:center;gap:10px;min-height:48px;padding:8px 12px;border:2px solid var(--line,#ccc);border-radius:10px;font-size:1.05rem}
.services input{width:22px;height:22px;margin:0}
.appt-field{margin:12px 0}
.appt-field label{display:block;font-weight:600;margin-bottom:4px}
.appt-field input{width:100%;max-width:420px;box-sizing:border-box;font:inherit;padding:10px;min-height:44px}
.appt-code{font-size:1.6rem;font-weight:700;letter-spacing:.06em}
.appt-actions{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}
.appt-actions form{margin:0}
`;

export interface FieldErrors {
  [field: string]: string | undefined;
}

function ErrorSummary(p: { error?: string; fieldErrors?: FieldErrors }) {
  if (!p.error) return null;
  const fields = Object.entries(p.fieldErrors ?? {}).filter((e): e is [string, string] => !!e[1]);
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      <h2>Chưa đặt được lịch</h2>
      <p>{p.error}</p>
      {fields.length ? (
        <ul>
          {fields.map(([f, m]) => (
            <li>
              <a href={`#f-${f}`}>{m}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Slots grouped by day, as radio buttons; full slots are shown but cannot be chosen. */
export function SlotPicker(p: { slots: Slot[]; chosen?: string; name?: string }) {
  const days = new Map<string, Slot[]>();
  for (const s of p.slots) days.set(s.date, [...(days.get(s.date) ?? []), s]);
  if (!days.size) return <p class="note">Không còn giờ hẹn nào trong những ngày này. Xin xem các ngày sau.</p>;
  return (
    <div id="f-slotAt">
      {[...days.entries()].map(([date, slots]) => (
        <fieldset class="slot-day">
          <legend>
            {WEEKDAY_TEXT[isoWeekday(date)]}, {formatVnDate(date)}
            {isoWeekday(date) === 6 ? ' (Thứ Bảy làm việc)' : ''}
          </legend>
          <div class="slots">
            {slots.map((s) => (
              <label class={s.free ? undefined : 'full'}>
                <input type="radio" name={p.name ?? 'slotAt'} value={s.at} checked={p.chosen === s.at} disabled={!s.free} required />
                <span>
                  {s.time}
                  {s.free ? null : <span class="vh"> (hết chỗ)</span>}
                </span>
              </label>
            ))}
          </div>
          <p class="note">{slots.some((s) => s.free) ? `Còn ${slots.reduce((n, s) => n + s.free, 0)} chỗ trong ngày.` : 'Hết chỗ trong ngày.'}</p>
        </fieldset>
      ))}
    </div>
  );
}

export interface BookingPageProps {
  unitCode: string;
  unitName: string;
  services: BookableService[];
  service?: BookableService;
  procedure?: { code: string; name: string };
  slots: Slot[];
  from: string;
  next?: string;
  prev?: string;
  csrf: string;
  action: string;
  values: { slotAt?: string; fullName?: string; phone?: string; dossierCode?: string };
  error?: string;
  fieldErrors?: FieldErrors;
  /** The counter's form (staff page): no header of the public site. */
  staff?: boolean;
  saturdayNote?: string;
}

/** Booking form body (shared by the public page and the counter's page). */
export function BookingForm(p: BookingPageProps) {
  const base = `${p.action}?${new URLSearchParams({ ...(p.service ? { 'dich-vu': p.service.code } : {}), ...(p.procedure ? { 'thu-tuc': p.procedure.code } : {}) })}`;
  if (!p.service) {
    return (
      <form method="get" action={p.action}>
        {p.procedure ? <input type="hidden" name="thu-tuc" value={p.procedure.code} /> : null}
        <fieldset class="services">
          <legend>Bước 1: chọn lĩnh vực cần làm</legend>
          {p.services.map((s, i) => (
            <label>
              <input type="radio" name="dich-vu" value={s.code} required checked={i === 0 && p.services.length === 1} /> {s.name}
            </label>
          ))}
        </fieldset>
        <button type="submit" class="btn primary">
          Xem giờ còn trống
        </button>
      </form>
    );
  }
  return (
    <form method="post" action={base} novalidate>
      <input type="hidden" name="_csrf" value={p.csrf} />
      <input type="hidden" name="service" value={p.service.code} />
      {p.procedure ? <input type="hidden" name="procedureCode" value={p.procedure.code} /> : null}
      <p>
        Lĩnh vực: <strong>{p.service.name}</strong>
        {p.services.length > 1 ? (
          <>
            {' '}
            — <a href={`${p.action}${p.procedure ? `?thu-tuc=${p.procedure.code}` : ''}`}>chọn lĩnh vực khác</a>
          </>
        ) : null}
      </p>
      {p.procedure ? (
        <p>
          Thủ tục: <strong>{p.procedure.name}</strong>
        </p>
      ) : null}
      <h2>Bước 2: chọn giờ hẹn</h2>
      {p.fieldErrors?.slotAt ? <p class="field-error">{p.fieldErrors.slotAt}</p> : null}
      <SlotPicker slots={p.slots} chosen={p.values.slotAt} />
      <p>
        {p.prev ? (
          <a href={`${base}&ngay=${p.prev}`} rel="nofollow">
            ← Những ngày trước
          </a>
        ) : null}
        {p.prev && p.next ? ' · ' : null}
        {p.next ? (
          <a href={`${base}&ngay=${p.next}`} rel="nofollow">
            Những ngày sau →
          </a>
        ) : null}
      </p>
      <h2>Bước 3: thông tin người đến</h2>
      <div class="appt-field" id="f-fullName">
        <label for="fullName">Họ và tên (bắt buộc)</label>
        {p.fieldErrors?.fullName ? <p class="field-error">{p.fieldErrors.fullName}</p> : null}
        <input id="fullName" name="fullName" autocomplete="name" value={p.values.fullName ?? ''} required aria-invalid={p.fieldErrors?.fullName ? 'true' : undefined} />
      </div>
      <div class="appt-field" id="f-phone">
        <label for="phone">Số điện thoại di động (bắt buộc, để nhận mã lịch hẹn và tin nhắc)</label>
        {p.fieldErrors?.phone ? <p class="field-error">{p.fieldErrors.phone}</p> : null}
        <input id="phone" name="phone" type="tel" inputMode="tel" autocomplete="tel" value={p.values.phone ?? ''} required aria-invalid={p.fieldErrors?.phone ? 'true' : undefined} />
      </div>
      <div class="appt-field" id="f-dossierCode">
        <label for="dossierCode">Mã hồ sơ đã nộp trực tuyến (nếu đến để ký hoặc xuất trình bản chính)</label>
        {p.fieldErrors?.dossierCode ? <p class="field-error">{p.fieldErrors.dossierCode}</p> : null}
        <input id="dossierCode" name="dossierCode" value={p.values.dossierCode ?? ''} placeholder="Ví dụ: 00004-261129-0001" aria-invalid={p.fieldErrors?.dossierCode ? 'true' : undefined} />
      </div>
      <button type="submit" class="btn primary">
        Đặt lịch hẹn
      </button>
    </form>
  );
}

export function BookingPage(p: BookingPageProps) {
  return (
    <Layout title={`Đặt lịch hẹn đến Bộ phận Một cửa — ${p.unitName}`} unitName={p.unitName} unitHref={`/dv/${p.unitCode}`} head={<style>{APPOINTMENT_CSS}</style>}>
      <nav aria-label="Đường dẫn" class="crumbs">
        <a href={`/dv/${p.unitCode}`}>Trang chủ</a> › <span>Đặt lịch hẹn</span>
      </nav>
      <h1>Đặt lịch hẹn đến quầy</h1>
      <p>Chọn giờ đến Bộ phận Một cửa: đến đúng giờ, Ông/Bà nhận số thứ tự và được gọi vào giờ đã hẹn, không phải chờ lâu. Mã lịch hẹn và tin nhắc trước một ngày được gửi qua tin nhắn.</p>
      {p.saturdayNote ? <p class="note">{p.saturdayNote}</p> : null}
      <ErrorSummary error={p.error} fieldErrors={p.fieldErrors} />
      {p.services.length ? <BookingForm {...p} /> : <p class="card">Đơn vị chưa mở nhận lịch hẹn trực tuyến. Ông/Bà vui lòng đến trực tiếp trong giờ làm việc.</p>}
      <p>
        Đã đặt lịch? <a href="/lich-hen">Xem, đổi hoặc hủy lịch hẹn</a>
      </p>
    </Layout>
  );
}

export interface AppointmentPageProps {
  a: Appointment;
  unitName: string;
  serviceName: string;
  procedureName?: string;
  /** The query string carrying the proof (?t=…), kept on links and forms. */
  proofQuery: string;
  /** The visitor may change it (signed link, own session, official). */
  canChange: boolean;
  /** The visitor may say "I have arrived" now (in the window, with the proof). */
  canArrive: boolean;
  csrf: string;
  message?: string;
  error?: string;
  /** Reached with code + phone only: a one-time code is needed to change. */
  needsOtp?: boolean;
  otpSent?: string;
  trackUrl?: string;
}

export function AppointmentPage(p: AppointmentPageProps) {
  const a = p.a;
  const q = p.proofQuery;
  return (
    <Layout title={`Lịch hẹn ${a.code} — ${p.unitName}`} unitName={p.unitName} unitHref={`/dv/${a.unitCode}`} head={<style>{APPOINTMENT_CSS}</style>}>
      <h1>Lịch hẹn đến quầy</h1>
      {p.message ? (
        <p role="status" class="card">
          <strong>{p.message}</strong>
        </p>
      ) : null}
      {p.error ? (
        <div class="error-summary" role="alert">
          <p>{p.error}</p>
        </div>
      ) : null}
      <section class="card" aria-labelledby="lh-h">
        <h2 id="lh-h">
          Mã lịch hẹn: <span class="appt-code">{a.code}</span>
        </h2>
        <dl>
          <dt>Trạng thái</dt>
          <dd>
            <strong>{STATUS_TEXT[a.status]}</strong>
            {a.ticketNumber ? ` — số thứ tự ${a.ticketNumber}` : ''}
          </dd>
          <dt>Giờ hẹn</dt>
          <dd>
            <strong>{slotText(a.slotAt)}</strong> ({a.slotMinutes} phút)
          </dd>
          <dt>Nơi đến</dt>
          <dd>Bộ phận Một cửa {p.unitName}</dd>
          <dt>Lĩnh vực</dt>
          <dd>{p.serviceName}</dd>
          {p.procedureName ? (
            <>
              <dt>Thủ tục</dt>
              <dd>{p.procedureName}</dd>
            </>
          ) : null}
          {a.dossierCode ? (
            <>
              <dt>Hồ sơ đã nộp trực tuyến</dt>
              <dd>
                {a.dossierCode} — mang theo bản chính giấy tờ để đối chiếu và ký
              </dd>
            </>
          ) : null}
          <dt>Người đến</dt>
          <dd>
            {a.fullName}, {formatPhone(a.phone)}
          </dd>
        </dl>
        {a.status === 'booked' ? <p class="note">Xin đến trước giờ hẹn (từ 30 phút trước đến 15 phút sau giờ hẹn) để nhận số thứ tự ưu tiên theo lịch hẹn. Đến muộn hơn, Ông/Bà lấy số như thông thường.</p> : null}
        {p.trackUrl ? (
          <p>
            <a class="btn primary" href={p.trackUrl}>
              Theo dõi số thứ tự {a.ticketNumber}
            </a>
          </p>
        ) : null}
      </section>
      {a.status === 'booked' && p.canArrive ? (
        <form method="post" action={`/lich-hen/${a.code}/den${q}`}>
          <input type="hidden" name="_csrf" value={p.csrf} />
          <button type="submit" class="btn primary">
            Tôi đã đến — lấy số thứ tự
          </button>
        </form>
      ) : null}
      {a.status === 'booked' && p.canChange ? (
        <div class="appt-actions">
          <a class="btn" href={`/lich-hen/${a.code}/doi${q}`}>
            Đổi giờ hẹn
          </a>
          <form method="post" action={`/lich-hen/${a.code}/huy${q}`}>
            <input type="hidden" name="_csrf" value={p.csrf} />
            <button type="submit">Hủy lịch hẹn</button>
          </form>
        </div>
      ) : null}
      {a.status === 'booked' && !p.canChange && p.needsOtp ? (
        <section class="card" aria-labelledby="otp-h">
          <h2 id="otp-h">Đổi hoặc hủy lịch hẹn</h2>
          <p>Để đổi hoặc hủy, xin mở đường dẫn trong tin nhắn xác nhận, hoặc nhận mã xác thực gửi tới số {formatPhone(a.phone)}.</p>
          {p.otpSent ? (
            <form method="post" action={`/lich-hen/${a.code}/huy${q}`}>
              <input type="hidden" name="_csrf" value={p.csrf} />
              <p class="note">{p.otpSent}</p>
              <div class="appt-field">
                <label for="otp">Mã xác thực (6 chữ số)</label>
                <input id="otp" name="otp" inputMode="numeric" autocomplete="one-time-code" maxLength={6} required />
              </div>
              <button type="submit">Hủy lịch hẹn</button>
            </form>
          ) : (
            <form method="post" action={`/lich-hen/${a.code}/ma${q}`}>
              <input type="hidden" name="_csrf" value={p.csrf} />
              <button type="submit">Gửi mã xác thực</button>
            </form>
          )}
        </section>
      ) : null}
      <p>
        <a href={`/dv/${a.unitCode}/dat-lich`}>Đặt một lịch hẹn khác</a>
      </p>
    </Layout>
  );
}

export function MovePage(p: { a: Appointment; unitName: string; serviceName: string; slots: Slot[]; proofQuery: string; csrf: string; next?: string; prev?: string; error?: string }) {
  const q = p.proofQuery;
  const base = `/lich-hen/${p.a.code}/doi${q}`;
  const join = q ? '&' : '?';
  return (
    <Layout title={`Đổi giờ hẹn ${p.a.code} — ${p.unitName}`} unitName={p.unitName} unitHref={`/dv/${p.a.unitCode}`} head={<style>{APPOINTMENT_CSS}</style>}>
      <h1>Đổi giờ hẹn</h1>
      <p>
        Lịch hẹn {p.a.code} ({p.serviceName}) đang vào <strong>{slotText(p.a.slotAt)}</strong>. Chọn giờ mới:
      </p>
      {p.error ? (
        <div class="error-summary" role="alert">
          <p>{p.error}</p>
        </div>
      ) : null}
      <form method="post" action={base}>
        <input type="hidden" name="_csrf" value={p.csrf} />
        <SlotPicker slots={p.slots.filter((s) => s.at !== p.a.slotAt)} />
        <p>
          {p.prev ? <a href={`${base}${join}ngay=${p.prev}`}>← Những ngày trước</a> : null}
          {p.prev && p.next ? ' · ' : null}
          {p.next ? <a href={`${base}${join}ngay=${p.next}`}>Những ngày sau →</a> : null}
        </p>
        <button type="submit" class="btn primary">
          Đổi sang giờ đã chọn
        </button>
      </form>
      <p>
        <a href={`/lich-hen/${p.a.code}${q}`}>Quay lại lịch hẹn</a>
      </p>
    </Layout>
  );
}

export function LookupPage(p: { csrf: string; code?: string; phone?: string; error?: string; homeHref: string; unitName?: string }) {
  return (
    <Layout title="Tra cứu lịch hẹn" unitName={p.unitName} unitHref={p.homeHref} head={<style>{APPOINTMENT_CSS}</style>}>
      <h1>Tra cứu lịch hẹn</h1>
      {p.error ? (
        <div class="error-summary" role="alert">
          <p>{p.error}</p>
        </div>
      ) : null}
      <form method="post" action="/lich-hen">
        <input type="hidden" name="_csrf" value={p.csrf} />
        <div class="appt-field">
          <label for="code">Mã lịch hẹn (trong tin nhắn, ví dụ LH7K2M9QXA)</label>
          <input id="code" name="code" value={p.code ?? ''} required autocapitalize="characters" />
        </div>
        <div class="appt-field">
          <label for="phone">Số điện thoại đã đặt</label>
          <input id="phone" name="phone" type="tel" inputMode="tel" value={p.phone ?? ''} required />
        </div>
        <button type="submit" class="btn primary">
          Xem lịch hẹn
        </button>
      </form>
      <p>
        <a href={`${p.homeHref}/dat-lich`}>Đặt lịch hẹn mới</a>
      </p>
    </Layout>
  );
}
