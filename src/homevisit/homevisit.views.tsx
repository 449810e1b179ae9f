import { Layout } from '../shared/layout';
import { StaffLayout, type StaffNavProps } from '../shared/staff-layout';
import { REQUESTER_LABEL, VISIT_STATUS_LABEL, type HomeVisit } from './homevisit.service';

type Problems = Array<{ field: string; message: string }>;
const dmy = (d: string) => d.split('-').reverse().join('/');

function Errors({ errors, title }: { errors?: Problems; title: string }) {
  if (!errors?.length) return null;
  return (
    <div class="error-summary" role="alert">
      <p>{title}</p>
      <ul>
        {errors.map((e) => (
          <li>{e.message}</li>
        ))}
      </ul>
    </div>
  );
}

/** The request fields, shared by the public page and the counter's phone form. */
function RequestFields(p: { procedures: Array<{ code: string; name: string }>; values: Record<string, string> }) {
  const v = p.values;
  return (
    <>
      <div class="field">
        <label for="procedureCode">Thủ tục cần làm</label>
        <select id="procedureCode" name="procedureCode" required>
          <option value="">— Chọn thủ tục —</option>
          {p.procedures.map((x) => (
            <option value={x.code} selected={v.procedureCode === x.code}>
              {x.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="applicantName">Họ tên người cần hỗ trợ (người cao tuổi, người khuyết tật)</label>
        <input id="applicantName" name="applicantName" value={v.applicantName ?? ''} required autocomplete="name" />
      </div>
      <fieldset>
        <legend>Người đề nghị</legend>
        {Object.entries(REQUESTER_LABEL).map(([k, label]) => (
          <label>
            <input type="radio" name="requester" value={k} checked={(v.requester ?? 'self') === k} /> {label}
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for="requesterName">Họ tên người đề nghị (nếu không phải người cần hỗ trợ)</label>
        <input id="requesterName" name="requesterName" value={v.requesterName ?? ''} />
      </div>
      <div class="field">
        <label for="phone">Số điện thoại liên hệ</label>
        <input id="phone" name="phone" type="tel" inputmode="tel" value={v.phone ?? ''} required autocomplete="tel" />
      </div>
      <div class="field">
        <label for="village">Thôn, tổ dân phố</label>
        <input id="village" name="village" value={v.village ?? ''} required />
      </div>
      <div class="field">
        <label for="address">Địa chỉ nhà</label>
        <input id="address" name="address" value={v.address ?? ''} required autocomplete="street-address" />
      </div>
      <div class="field">
        <label for="preferredDays">Ngày thuận tiện (ví dụ: sáng Thứ Bảy)</label>
        <input id="preferredDays" name="preferredDays" value={v.preferredDays ?? ''} />
      </div>
      <div class="field">
        <label for="note">Ghi chú</label>
        <textarea id="note" name="note" rows={2}>
          {v.note ?? ''}
        </textarea>
      </div>
    </>
  );
}

export function RequestPage(p: { unit: { code: string; name: string }; csrf: string; procedures: Array<{ code: string; name: string }>; values: Record<string, string>; errors?: Problems }) {
  return (
    <Layout title={`Đề nghị hỗ trợ tại nhà — ${p.unit.name}`} unitName={p.unit.name} unitHref={`/dv/${p.unit.code}`}>
      <h1>Đề nghị cán bộ đến nhà tiếp nhận hồ sơ</h1>
      <p>Dành cho người cao tuổi, người khuyết tật không tự đến được bộ phận một cửa. Người thân hoặc trưởng thôn có thể đề nghị thay. Tổ hỗ trợ của {p.unit.name} sẽ nhắn tin hẹn ngày đến nhà.</p>
      <Errors errors={p.errors} title="Đề nghị chưa hợp lệ:" />
      <form method="post" action={`/dv/${p.unit.code}/ho-tro-tai-nha`} class="card">
        <input type="hidden" name="_csrf" value={p.csrf} />
        <RequestFields procedures={p.procedures} values={p.values} />
        <button type="submit">Gửi đề nghị</button>
      </form>
    </Layout>
  );
}

export function VerifyPage(p: { unit: { code: string; name: string }; csrf: string; id: string; phone: string; demoCode?: string; error?: string; done?: boolean }) {
  return (
    <Layout title={`Xác thực số điện thoại — ${p.unit.name}`} unitName={p.unit.name} unitHref={`/dv/${p.unit.code}`}>
      {p.done ? (
        <>
          <h1>Đã nhận đề nghị hỗ trợ tại nhà</h1>
          <p role="status">Tổ hỗ trợ sẽ nhắn tin tới số {p.phone} để hẹn ngày đến nhà.</p>
        </>
      ) : (
        <>
          <h1>Nhập mã xác thực</h1>
          <p>Chúng tôi đã gửi mã gồm 6 chữ số tới số {p.phone}.</p>
          {p.demoCode ? <p class="hint">Chế độ thử nghiệm: mã là {p.demoCode}</p> : null}
          {p.error ? (
            <p class="error-summary" role="alert">
              {p.error}
            </p>
          ) : null}
          <form method="post" action={`/dv/${p.unit.code}/ho-tro-tai-nha/${p.id}`} class="card">
            <input type="hidden" name="_csrf" value={p.csrf} />
            <label for="code">Mã xác thực</label> <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required /> <button type="submit">Xác nhận</button>
          </form>
        </>
      )}
    </Layout>
  );
}

export function TeamPage(
  p: StaffNavProps & {
    requests: HomeVisit[];
    routes: Array<{ date: string; visits: HomeVisit[] }>;
    team: Array<{ id: string; fullName: string; support: boolean }>;
    procedures: Array<{ code: string; name: string }>;
    canManage: boolean;
    isSupport: boolean;
    values?: Record<string, string>;
    errors?: Problems;
    message?: string;
  },
) {
  const name = (code: string) => p.procedures.find((x) => x.code === code)?.name ?? code;
  const members = p.team.filter((t) => t.support);
  return (
    <StaffLayout {...p} title="Hỗ trợ tại nhà" current="/can-bo/ho-tro-tai-nha">
      <h1>Hỗ trợ tại nhà (tổ hỗ trợ)</h1>
      {p.message ? (
        <p class="card" role="status">
          {p.message}
        </p>
      ) : null}
      <Errors errors={p.errors} title="Chưa thực hiện được:" />
      <section class="card" aria-labelledby="lich-di">
        <h2 id="lich-di">Lịch đến nhà</h2>
        {p.routes.length ? null : <p>Chưa có chuyến nào được xếp lịch.</p>}
        {p.routes.map((day) => (
          <div>
            <h3>Ngày {dmy(day.date)} — lộ trình theo thôn</h3>
            <ol>
              {day.visits.map((v) => (
                <li id={`v-${v.id}`}>
                  <strong>{v.village}</strong> — {v.address}: {v.applicant_name}, {v.phone} — {name(v.procedure_code)}
                  {v.confirmed_at ? ' (đã nhắn tin xác nhận)' : ''}
                  <form method="post" action={`/can-bo/ho-tro-tai-nha/${v.id}/xac-nhan`} class="inline">
                    <input type="hidden" name="_csrf" value={p.csrf} />
                    <button type="submit">Nhắn tin xác nhận</button>
                  </form>{' '}
                  <a href={`/can-bo/tiep-nhan?thu_tuc=${v.procedure_code}&kenh=home`}>Tiếp nhận hồ sơ tại nhà</a>
                  {p.isSupport ? (
                    <form method="post" action={`/can-bo/ho-tro-tai-nha/${v.id}/ket-qua`}>
                      <input type="hidden" name="_csrf" value={p.csrf} />
                      <label for={`dc-${v.id}`}>Mã hồ sơ đã tiếp nhận tại nhà</label> <input id={`dc-${v.id}`} name="dossierCode" />{' '}
                      <label for={`r-${v.id}`}>hoặc lý do không tiếp nhận được</label> <input id={`r-${v.id}`} name="reason" /> <button type="submit">Ghi kết quả</button>
                    </form>
                  ) : null}
                </li>
              ))}
            </ol>
          </div>
        ))}
      </section>
      <section class="card" aria-labelledby="cho-xep">
        <h2 id="cho-xep">Đề nghị chờ xếp lịch ({p.requests.length})</h2>
        <ul>
          {p.requests.map((v) => (
            <li>
              {v.applicant_name} ({REQUESTER_LABEL[v.requester]}
              {v.requester_name ? `: ${v.requester_name}` : ''}), {v.village}, {v.address}, {v.phone} — {name(v.procedure_code)}. Ngày thuận tiện: {v.preferred_days || 'không nêu'}. {VISIT_STATUS_LABEL[v.status]}
              <form method="post" action={`/can-bo/ho-tro-tai-nha/${v.id}/xep-lich`} class="inline">
                <input type="hidden" name="_csrf" value={p.csrf} />
                <label for={`d-${v.id}`}>Ngày</label> <input id={`d-${v.id}`} name="date" type="date" required />{' '}
                <label for={`a-${v.id}`}>Cán bộ</label>{' '}
                <select id={`a-${v.id}`} name="assigneeId">
                  {members.map((m) => (
                    <option value={m.id}>{m.fullName}</option>
                  ))}
                </select>{' '}
                <button type="submit">Xếp lịch</button>
              </form>
            </li>
          ))}
        </ul>
      </section>
      <form method="post" action="/can-bo/ho-tro-tai-nha" class="card" aria-labelledby="nhan-dien-thoai">
        <h2 id="nhan-dien-thoai">Nhận đề nghị qua điện thoại</h2>
        <input type="hidden" name="_csrf" value={p.csrf} />
        <RequestFields procedures={p.procedures} values={p.values ?? {}} />
        <button type="submit">Ghi đề nghị</button>
      </form>
      {p.canManage ? (
        <form method="post" action="/can-bo/ho-tro-tai-nha/to" class="card">
          <h2>Thành viên tổ hỗ trợ</h2>
          <input type="hidden" name="_csrf" value={p.csrf} />
          {p.team.map((t) => (
            <label>
              <input type="checkbox" name="member" value={t.id} checked={t.support} /> {t.fullName}
            </label>
          ))}
          <button type="submit">Lưu tổ hỗ trợ</button>
        </form>
      ) : null}
    </StaffLayout>
  );
}
