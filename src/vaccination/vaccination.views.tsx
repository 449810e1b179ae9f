import { Layout } from '../shared/layout';
import { ErrorSummary } from '../shared/messages';
import { formatPhone } from '../shared/phone';
import { dmy } from './vaccination.schedule';
import { ENROLMENT_STATUS_LABEL, type EnrolmentView, type Settings } from './vaccination.service';
import type { ScheduleDose } from './vaccination.tcmr';

type Problems = Array<{ field: string; message: string }>;
const FIELD_IDS = new Set(['childName', 'birthDate', 'phone', 'village', 'consent']);

function Errors({ errors, title }: { errors?: Problems; title: string }) {
  if (!errors?.length) return null;
  return <ErrorSummary title={title} errors={errors.map((e) => ({ message: e.message, href: FIELD_IDS.has(e.field) ? `#${e.field}` : undefined }))} />;
}

/** Shown wherever the schedule is, until the health station confirms it. */
export function ScheduleCheckNote({ settings }: { settings: Settings }) {
  if (settings.checkedAt) {
    return (
      <p class="hint">
        Lịch tiêm đã được {settings.checkedBy || 'trạm y tế'} xác nhận ngày {dmy(settings.checkedAt.slice(0, 10))}.
      </p>
    );
  }
  return (
    <p class="note" role="note">
      <strong>Lịch tiêm chưa được trạm y tế kiểm tra.</strong> Đây là cách hiểu của phần mềm về lịch tiêm chủng mở rộng; ngày tiêm chính xác do {settings.stationName} hướng dẫn.
    </p>
  );
}

const age = (d: ScheduleDose) => (d.months === 0 && d.days === 0 ? 'Sơ sinh' : `${d.months} tháng${d.days ? ` + ${d.days} ngày` : ''}`);

export function EnrolPage(p: { unit: { code: string; name: string }; csrf: string; values: Record<string, string>; errors?: Problems; consentText: string; settings: Settings; schedule: ScheduleDose[] }) {
  const v = p.values;
  return (
    <Layout title={`Nhắc lịch tiêm chủng cho trẻ — ${p.unit.name}`} unitName={p.unit.name} unitHref={`/dv/${p.unit.code}`}>
      <h1>Nhắc lịch tiêm chủng cho trẻ dưới 24 tháng tuổi</h1>
      <p>
        Cha mẹ nhận tin nhắn trước mỗi mũi tiêm {p.settings.reminderDays} ngày, kèm địa chỉ và giờ tiêm của {p.settings.stationName}. Dừng bất cứ lúc nào bằng liên kết trong tin nhắn hoặc nhắn <strong>HUY</strong>.
      </p>
      <Errors errors={p.errors} title="Thông tin chưa hợp lệ:" />
      <form method="post" action={`/dv/${p.unit.code}/nhac-lich-tiem`} class="card" novalidate>
        <input type="hidden" name="_csrf" value={p.csrf} />
        <div class="field">
          <label for="childName">Họ tên của cháu</label>
          <input id="childName" name="childName" value={v.childName ?? ''} required />
        </div>
        <div class="field">
          <label for="birthDate">Ngày sinh của cháu</label>
          <input id="birthDate" name="birthDate" type="date" value={v.birthDate ?? ''} required />
        </div>
        <div class="field">
          <label for="phone">Số điện thoại di động của cha hoặc mẹ</label>
          <input id="phone" name="phone" type="tel" inputmode="tel" autocomplete="tel" value={v.phone ?? ''} required />
        </div>
        <div class="field">
          <label for="village">Thôn, tổ dân phố</label>
          <input id="village" name="village" value={v.village ?? ''} />
        </div>
        <div class="choice">
          <input type="checkbox" id="zalo" name="zalo" value="on" checked={v.zalo === 'on'} />
          <label for="zalo">Nhắn thêm qua Zalo (khi số điện thoại này đã quan tâm Zalo của {p.unit.name})</label>
        </div>
        <div class="choice">
          <input type="checkbox" id="consent" name="consent" value="on" checked={v.consent === 'on'} required />
          <label for="consent">{p.consentText}</label>
        </div>
        <button type="submit">Đăng ký nhắc lịch</button>
      </form>
      <section aria-labelledby="lich">
        <h2 id="lich">Lịch tiêm chủng mở rộng (0–24 tháng)</h2>
        <ScheduleCheckNote settings={p.settings} />
        <table>
          <thead>
            <tr>
              <th scope="col">Tuổi</th>
              <th scope="col">Vắc xin</th>
              <th scope="col">Mũi</th>
            </tr>
          </thead>
          <tbody>
            {p.schedule.map((d) => (
              <tr>
                <td>{age(d)}</td>
                <td>{d.vaccine}</td>
                <td>{d.dose}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </Layout>
  );
}

export function VerifyPage(p: { unit: { code: string; name: string }; csrf: string; id: string; phone: string; demoCode?: string; error?: string }) {
  return (
    <Layout title={`Xác thực số điện thoại — ${p.unit.name}`} unitName={p.unit.name} unitHref={`/dv/${p.unit.code}`}>
      <h1>Nhập mã xác thực</h1>
      <p>Chúng tôi đã gửi mã gồm 6 chữ số tới số {formatPhone(p.phone)}. Nhập mã để bắt đầu nhận tin nhắc lịch tiêm.</p>
      {p.demoCode ? <p class="hint">Chế độ thử nghiệm: mã là {p.demoCode}</p> : null}
      {p.error ? (
        <p class="error-summary" role="alert">
          {p.error}
        </p>
      ) : null}
      <form method="post" action={`/dv/${p.unit.code}/nhac-lich-tiem/${p.id}`} class="card">
        <input type="hidden" name="_csrf" value={p.csrf} />
        <label for="code">Mã xác thực</label> <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required /> <button type="submit">Xác nhận</button>
      </form>
    </Layout>
  );
}

/** The parent's page (the signed link): the child's schedule, "đã tiêm", stop. */
export function ParentPage(p: { v: EnrolmentView; csrf: string; token: string; unitName: string; message?: string; error?: string }) {
  const e = p.v.enrolment;
  const s = p.v.settings;
  const active = e.status === 'active';
  return (
    <Layout title={`Nhắc lịch tiêm chủng — ${p.unitName}`} unitName={p.unitName} unitHref={`/dv/${e.unitCode}`}>
      <h1>Nhắc lịch tiêm chủng{e.childName ? ` cho cháu ${e.childName}` : ''}</h1>
      {p.message ? (
        <p class="card" role="status">
          {p.message}
        </p>
      ) : null}
      {p.error ? (
        <p class="error-summary" role="alert">
          {p.error}
        </p>
      ) : null}
      <dl class="kv">
        <dt>Tình trạng</dt>
        <dd>
          <strong>{ENROLMENT_STATUS_LABEL[e.status] ?? e.status}</strong>
        </dd>
        {e.birthDate ? (
          <>
            <dt>Ngày sinh</dt>
            <dd>{dmy(e.birthDate)}</dd>
            <dt>Nhắc lịch đến hết ngày</dt>
            <dd>{dmy(e.endDate)} (cháu đủ 24 tháng tuổi)</dd>
          </>
        ) : null}
        {e.phoneStatus === 'bounced' ? (
          <>
            <dt>Tin nhắn</dt>
            <dd>Không gửi được tin tới số điện thoại đã đăng ký nên phần mềm đã ngừng nhắn. Xin đăng ký lại với số đúng.</dd>
          </>
        ) : null}
        <dt>Nơi tiêm</dt>
        <dd>
          {s.stationName}
          {s.stationAddress ? `, ${s.stationAddress}` : ''}
          {s.stationHours ? ` — ${s.stationHours}` : ''}
        </dd>
      </dl>
      {!e.birthDate ? <p>Thông tin của cháu đã được xóa khi kết thúc nhắc lịch. Mã đăng ký: {e.id}.</p> : null}
      {p.v.doses.length ? (
        <section aria-labelledby="lich">
          <h2 id="lich">Lịch tiêm của cháu</h2>
          <ScheduleCheckNote settings={s} />
          <table>
            <thead>
              <tr>
                <th scope="col">Ngày</th>
                <th scope="col">Vắc xin</th>
                <th scope="col">Mũi</th>
                <th scope="col">Tình trạng</th>
              </tr>
            </thead>
            <tbody>
              {p.v.doses.map((d) => (
                <tr>
                  <td>{dmy(d.dueDate)}</td>
                  <td>{d.vaccine}</td>
                  <td>{d.dose}</td>
                  <td>
                    {d.givenOn ? (
                      `Đã tiêm ngày ${dmy(d.givenOn)}`
                    ) : active ? (
                      <form method="post" action={`/tiem-chung/${e.id}/da-tiem`} class="inline">
                        <input type="hidden" name="_csrf" value={p.csrf} />
                        <input type="hidden" name="t" value={p.token} />
                        <input type="hidden" name="dose" value={d.key} />
                        {d.overdue ? 'Đã qua ngày — ' : ''}
                        <button type="submit" aria-label={`Cháu đã tiêm mũi này: ${d.vaccine} ${d.dose}`}>
                          Cháu đã tiêm mũi này
                        </button>
                      </form>
                    ) : (
                      'Chưa tiêm'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {active || e.status === 'unverified' ? (
        <form method="post" action={`/tiem-chung/${e.id}/dung`} class="card">
          <h2>Dừng nhắc lịch</h2>
          <p>Phần mềm sẽ ngừng nhắn tin và xóa họ tên, ngày sinh của cháu, thôn và số điện thoại của quý vị. Cũng có thể nhắn HUY trả lời tin nhắc lịch.</p>
          <input type="hidden" name="_csrf" value={p.csrf} />
          <input type="hidden" name="t" value={p.token} />
          <button type="submit">Dừng nhắc lịch và xóa thông tin</button>
        </form>
      ) : null}
    </Layout>
  );
}
