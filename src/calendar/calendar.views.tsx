import { StaffLayout, type StaffNavProps } from '../shared/staff-layout';
import type { DatedName } from './calendar.types';

export interface CalendarForm {
  saturday: string;
  services: string;
  daysOff: string;
  workingDays: string;
  morningFrom: string;
  morningTo: string;
  afternoonFrom: string;
  afternoonTo: string;
  week: string;
}

export interface MovedDossier {
  code: string;
  procedureCode: string;
  dueAt: string;
  newDueAt: string;
}

const fmt = (iso: string) =>
  new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });

function Errors(p: { title: string; errors?: Array<{ message: string; field?: string }> }) {
  if (!p.errors?.length) return null;
  return (
    <div class="error-summary" role="alert">
      <p>{p.title}</p>
      <ul>
        {p.errors.map((e) => (
          <li>{e.field && !e.field.startsWith('(') ? `${e.field}: ${e.message}` : e.message}</li>
        ))}
      </ul>
    </div>
  );
}

function DayList(p: { caption: string; days: DatedName[]; empty: string }) {
  return (
    <div>
      <h3>{p.caption}</h3>
      {p.days.length ? (
        <ul>
          {p.days.map((d) => (
            <li>
              <time datetime={d.date}>{d.date.split('-').reverse().join('/')}</time> — {d.name}
            </li>
          ))}
        </ul>
      ) : (
        <p class="hint">{p.empty}</p>
      )}
    </div>
  );
}

export function CalendarPage(
  p: StaffNavProps & {
    year: number;
    national: { declared: boolean; daysOff: DatedName[]; workingDays: DatedName[] };
    exceptions: { daysOff: DatedName[]; workingDays: DatedName[] };
    form: CalendarForm;
    canImport: boolean;
    importText?: string;
    message?: string;
    errors?: Array<{ field: string; message: string }>;
    importErrors?: Array<{ field: string; message: string }>;
  },
) {
  const sat = p.exceptions.workingDays.filter((d) => d.name.startsWith('Thứ Bảy làm việc')).length;
  return (
    <StaffLayout {...p} title="Lịch làm việc" current="/can-bo/lich-lam-viec">
      <h1>Lịch làm việc năm {p.year}</h1>
      <p class="hint">
        Hạn giải quyết hồ sơ tính theo ngày làm việc: Thứ Hai đến Thứ Sáu, trừ ngày nghỉ lễ, Tết, nghỉ bù, nghỉ hoán đổi; cộng ngày làm bù. Lịch quốc gia do Thủ tướng Chính phủ công bố hằng năm; đơn
        vị khai báo thêm Thứ Bảy tiếp nhận hồ sơ, ngày nghỉ riêng và giờ làm việc.
      </p>
      <form method="get" action="/can-bo/lich-lam-viec" class="inline">
        <label for="nam">Năm</label> <input id="nam" name="nam" type="number" min="2000" max="2199" value={String(p.year)} /> <button type="submit">Xem</button>
      </form>
      {p.message ? (
        <p class="card" role="status">
          {p.message}
        </p>
      ) : null}

      <section class="card" aria-labelledby="quoc-gia">
        <h2 id="quoc-gia">Lịch nghỉ quốc gia năm {p.year}</h2>
        {p.national.declared ? (
          <p>Đã nhập lịch chính thức của năm {p.year}.</p>
        ) : (
          <p role="note">Chưa nhập lịch chính thức của năm {p.year}: đang dùng lịch tính sẵn theo Bộ luật Lao động (ngày liền kề Quốc khánh, ngày Tết có thể khác lịch được công bố).</p>
        )}
        <DayList caption="Ngày nghỉ" days={p.national.daysOff} empty="Chưa có." />
        <DayList caption="Ngày làm bù" days={p.national.workingDays} empty="Không có." />
        {p.canImport ? (
          <form method="post" action="/can-bo/lich-lam-viec/quoc-gia">
            <input type="hidden" name="_csrf" value={p.csrf} />
            <Errors title="Tệp lịch nghỉ có lỗi, chưa nhập ngày nào:" errors={p.importErrors} />
            <div class="field">
              <label for="lich">Nhập lịch của một năm (JSON, như tệp src/calendar/data/2026.json)</label>
              <textarea id="lich" name="lich" rows={8} required>
                {p.importText ?? ''}
              </textarea>
            </div>
            <button type="submit">Nhập lịch quốc gia</button>
          </form>
        ) : null}
      </section>

      <section class="card" aria-labelledby="ngoai-le">
        <h2 id="ngoai-le">Lịch của đơn vị năm {p.year}</h2>
        <p class="hint">Các ngày khác với Thứ Hai – Thứ Sáu sau lịch quốc gia và khai báo của đơn vị{sat ? ` (${sat} ngày Thứ Bảy tiếp nhận hồ sơ)` : ''}.</p>
        <DayList caption="Ngày nghỉ (Thứ Hai – Thứ Sáu)" days={p.exceptions.daysOff} empty="Không có." />
        <DayList caption="Ngày làm việc (Thứ Bảy, Chủ nhật)" days={p.exceptions.workingDays.filter((d) => !d.name.startsWith('Thứ Bảy làm việc'))} empty="Không có ngày làm bù." />
      </section>

      <form method="post" action="/can-bo/lich-lam-viec" class="card" aria-labelledby="khai-bao">
        <h2 id="khai-bao">Khai báo của đơn vị</h2>
        <input type="hidden" name="_csrf" value={p.csrf} />
        <Errors title="Khai báo chưa hợp lệ:" errors={p.errors} />
        <div class="field">
          <label for="saturday">Thứ Bảy</label>
          <p class="hint" id="saturday-hint">
            Thứ Bảy là ngày tiếp nhận, không tính vào thời hạn: hồ sơ nhận Thứ Bảy được tính từ ngày làm việc tiếp theo. Thứ Bảy làm bù cả ngày thì ghi vào "Ngày làm việc riêng".
          </p>
          <select id="saturday" name="saturday" aria-describedby="saturday-hint">
            <option value="none" selected={p.form.saturday === 'none'}>
              Không làm việc
            </option>
            <option value="morning" selected={p.form.saturday === 'morning'}>
              Làm việc buổi sáng
            </option>
            <option value="all" selected={p.form.saturday === 'all'}>
              Làm việc cả ngày
            </option>
          </select>
        </div>
        <div class="field">
          <label for="services">Thứ Bảy tiếp nhận (lĩnh vực, cách nhau bằng dấu phẩy; để trống: mọi lĩnh vực)</label>
          <input id="services" name="services" value={p.form.services} placeholder="hộ tịch, chứng thực, cư trú" />
        </div>
        <div class="field">
          <label for="daysOff">Ngày nghỉ riêng của đơn vị (mỗi dòng: YYYY-MM-DD tên ngày)</label>
          <textarea id="daysOff" name="daysOff" rows={3}>
            {p.form.daysOff}
          </textarea>
        </div>
        <div class="field">
          <label for="workingDays">Ngày làm việc riêng vào cuối tuần (mỗi dòng: YYYY-MM-DD tên ngày)</label>
          <textarea id="workingDays" name="workingDays" rows={3}>
            {p.form.workingDays}
          </textarea>
        </div>
        <fieldset>
          <legend>Giờ làm việc Thứ Hai – Thứ Sáu</legend>
          <label for="morningFrom">Sáng từ</label> <input id="morningFrom" name="morningFrom" value={p.form.morningFrom} size={5} /> <label for="morningTo">đến</label>{' '}
          <input id="morningTo" name="morningTo" value={p.form.morningTo} size={5} /> <label for="afternoonFrom">Chiều từ</label>{' '}
          <input id="afternoonFrom" name="afternoonFrom" value={p.form.afternoonFrom} size={5} /> <label for="afternoonTo">đến</label>{' '}
          <input id="afternoonTo" name="afternoonTo" value={p.form.afternoonTo} size={5} />
        </fieldset>
        <div class="field">
          <label for="week">Ngày có giờ khác (mỗi dòng, ví dụ "Thứ Sáu: 07:30-11:30")</label>
          <p class="hint" id="week-hint">
            Giờ này dùng cả khi tính hạn: hồ sơ nhận sau giờ đóng cửa của ngày đó được tính từ ngày làm việc tiếp theo, hạn rơi vào ngày đó kết thúc lúc đóng cửa. Ghi "Thứ Tư: nghỉ" nếu đơn vị không làm việc ngày đó hằng tuần.
          </p>
          <textarea id="week" name="week" rows={2} aria-describedby="week-hint">
            {p.form.week}
          </textarea>
        </div>
        <button type="submit">Xem trước thay đổi</button>
      </form>
    </StaffLayout>
  );
}

export function CalendarPreviewPage(p: StaffNavProps & { settings: string; moved: MovedDossier[]; canRecompute: boolean; lines: string[]; errors?: Array<{ field: string; message: string }>; reason?: string }) {
  return (
    <StaffLayout {...p} title="Xem trước thay đổi lịch" current="/can-bo/lich-lam-viec">
      <h1>Xem trước thay đổi lịch làm việc</h1>
      {p.lines.length ? (
        <ul>
          {p.lines.map((l) => (
            <li>{l}</li>
          ))}
        </ul>
      ) : null}
      <Errors title="Chưa áp dụng:" errors={p.errors} />
      <h2>Hồ sơ đang giải quyết có hạn bị dời ({p.moved.length})</h2>
      {p.moved.length ? (
        <table>
          <caption>Hạn hiện tại và hạn nếu tính lại theo lịch mới</caption>
          <thead>
            <tr>
              <th scope="col">Mã hồ sơ</th>
              <th scope="col">Thủ tục</th>
              <th scope="col">Hạn hiện tại</th>
              <th scope="col">Hạn theo lịch mới</th>
            </tr>
          </thead>
          <tbody>
            {p.moved.map((m) => (
              <tr>
                <td>{m.code}</td>
                <td>{m.procedureCode}</td>
                <td>{fmt(m.dueAt)}</td>
                <td>{fmt(m.newDueAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>Thay đổi này không dời hạn của hồ sơ nào đang giải quyết.</p>
      )}
      <form method="post" action="/can-bo/lich-lam-viec/ap-dung" class="card">
        <input type="hidden" name="_csrf" value={p.csrf} />
        <input type="hidden" name="settings" value={p.settings} />
        <fieldset>
          <legend>Áp dụng</legend>
          <p>
            <input type="radio" id="moi" name="recompute" value="0" checked /> <label for="moi">Chỉ áp dụng cho hồ sơ tiếp nhận từ nay (hạn của hồ sơ đã nhận giữ nguyên)</label>
          </p>
          {p.canRecompute && p.moved.length ? (
            <>
              <p>
                <input type="radio" id="tinh-lai" name="recompute" value="1" /> <label for="tinh-lai">Tính lại hạn của {p.moved.length} hồ sơ trên (ghi nhật ký)</label>
              </p>
              <div class="field">
                <label for="reason">Lý do tính lại hạn</label>
                <input id="reason" name="reason" value={p.reason ?? ''} maxLength={500} />
              </div>
            </>
          ) : null}
        </fieldset>
        <button type="submit">Áp dụng</button> <a href="/can-bo/lich-lam-viec">Hủy</a>
      </form>
    </StaffLayout>
  );
}
