import { Layout } from '../shared/layout';
import { StaffLayout, type StaffNavProps } from '../shared/staff-layout';
import { REQUESTER_LABEL, VISIT_STATUS_LABEL, type HomeVisit } from './homevisit.service';

type Problems = Array<{ field: string; message: string }>;
const dmy = (d: string) => d.split('-').reverse().join('/');

/** Fields whose input has the field's name as id: an error links to it. */
const FIELD_IDS = new Set(['procedureCode', 'applicantName', 'requesterName', 'phone', 'address', 'village', 'preferredDays', 'note']);

function Errors({ errors, title }: { errors?: Problems; title: string }) {
  if (!errors?.length) return null;
  return (
    <div class="error-summary" role="alert">
      <p>{title}</p>
      <ul>
        {errors.map((e) => (
          <li>{FIELD_IDS.has(e.field) ? <a href={`#${e.field}`}>{e.message}</a> : e.message}</li>
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
          <div class="choice">
            <input type="radio" id={`requester-${k}`} name="requester" value={k} checked={(v.requester ?? 'self') === k} />
            <label for={`requester-${k}`}>{label}</label>
          </div>
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
      <form method="post" action={`/dv/${p.unit.code}/ho-tro-tai-nha`} class="card" novalidate>
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
    done: HomeVisit[];
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
                  <a href={`/can-bo/ho-tro-tai-nha/${v.id}`}>
                    <strong>{v.village}</strong> — {v.address}: {v.applicant_name}
                  </a>
                  , {v.phone} — {name(v.procedure_code)}
                  {v.confirmed_at ? ' (đã nhắn tin xác nhận)' : ''}
                  <VisitActions v={v} csrf={p.csrf} isSupport={p.isSupport} />
                </li>
              ))}
            </ol>
          </div>
        ))}
      </section>
      <section class="card" aria-labelledby="da-den">
        <h2 id="da-den">Đã đến nhà gần đây</h2>
        {p.done.length ? null : <p>Chưa có chuyến nào đã đi.</p>}
        <ul>
          {p.done.map((v) => (
            <li>
              <a href={`/can-bo/ho-tro-tai-nha/${v.id}`}>
                Ngày {dmy(v.visit_date ?? '')}: {v.applicant_name}, {v.village}
              </a>{' '}
              — {VISIT_STATUS_LABEL[v.status]}
              {v.dossier_code ? (
                <>
                  {' '}
                  (hồ sơ <a href={`/can-bo/ho-so/${v.dossier_code}`}>{v.dossier_code}</a>)
                </>
              ) : v.reason ? (
                ` (${v.reason})`
              ) : null}
            </li>
          ))}
        </ul>
        <p>
          <a href="/can-bo/ho-tro-tai-nha/so-lieu">Số hồ sơ tiếp nhận tại nhà và ngày Thứ Bảy</a>
        </p>
      </section>
      <section class="card" aria-labelledby="cho-xep">
        <h2 id="cho-xep">Đề nghị chờ xếp lịch ({p.requests.length})</h2>
        {p.requests.length ? null : <p>Không có đề nghị nào đang chờ.</p>}
        {members.length ? null : (
          <p class="note">Tổ hỗ trợ chưa có ai: {p.canManage ? 'chọn thành viên ở mục "Thành viên tổ hỗ trợ" cuối trang' : 'lãnh đạo hoặc quản trị đơn vị chọn thành viên'} trước khi xếp lịch.</p>
        )}
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
      <form method="post" action="/can-bo/ho-tro-tai-nha" class="card" aria-labelledby="nhan-dien-thoai" novalidate>
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

/** What a support-team official does on a planned visit: receive the dossier at home (the counter form, phone camera) or say why not. */
function VisitActions({ v, csrf, isSupport }: { v: HomeVisit; csrf: string; isSupport: boolean }) {
  if (v.status !== 'planned') return null;
  return (
    <div class="visit-actions">
      <form method="post" action={`/can-bo/ho-tro-tai-nha/${v.id}/xac-nhan`} class="inline">
        <input type="hidden" name="_csrf" value={csrf} />
        <button type="submit">Nhắn tin xác nhận</button>
      </form>
      {isSupport ? (
        <>
          <p>
            <a class="btn primary" href={`/can-bo/tiep-nhan?thu_tuc=${v.procedure_code}&kenh=home&chuyen=${v.id}`}>
              Tiếp nhận hồ sơ tại nhà
            </a>
          </p>
          <form method="post" action={`/can-bo/ho-tro-tai-nha/${v.id}/ket-qua`}>
            <input type="hidden" name="_csrf" value={csrf} />
            <label for={`r-${v.id}`}>Không tiếp nhận được — lý do</label> <input id={`r-${v.id}`} name="reason" /> <button type="submit">Ghi lý do</button>
          </form>
        </>
      ) : (
        <p class="hint">Chỉ cán bộ tổ hỗ trợ tiếp nhận hồ sơ và ghi kết quả đến nhà.</p>
      )}
    </div>
  );
}

/** One visit: who asked, where, when, and what came of it (the dossier received at home). */
export function VisitPage(p: StaffNavProps & { v: HomeVisit; procedureName: string; assignee?: string; isSupport: boolean; message?: string }) {
  const v = p.v;
  return (
    <StaffLayout {...p} title={`Hỗ trợ tại nhà: ${v.applicant_name}`} current="/can-bo/ho-tro-tai-nha">
      <p class="crumbs">
        <a href="/can-bo/ho-tro-tai-nha">← Hỗ trợ tại nhà</a>
      </p>
      <h1>Hỗ trợ tại nhà: {v.applicant_name}</h1>
      {p.message ? (
        <p class="card" role="status">
          {p.message}
        </p>
      ) : null}
      <dl class="kv">
        <dt>Tình trạng</dt>
        <dd>
          <strong>{VISIT_STATUS_LABEL[v.status]}</strong>
        </dd>
        {v.dossier_code ? (
          <>
            <dt>Hồ sơ tiếp nhận tại nhà</dt>
            <dd>
              <a href={`/can-bo/ho-so/${v.dossier_code}`}>{v.dossier_code}</a>
            </dd>
          </>
        ) : null}
        {v.status === 'not_received' ? (
          <>
            <dt>Lý do không tiếp nhận được</dt>
            <dd>{v.reason}</dd>
          </>
        ) : null}
        <dt>Thủ tục</dt>
        <dd>{p.procedureName}</dd>
        <dt>Ngày đến nhà</dt>
        <dd>{v.visit_date ? dmy(v.visit_date) : 'Chưa xếp lịch'}</dd>
        <dt>Cán bộ đến nhà</dt>
        <dd>{p.assignee ?? '—'}</dd>
        <dt>Địa chỉ</dt>
        <dd>
          {v.address}, {v.village}
        </dd>
        <dt>Số điện thoại</dt>
        <dd>{v.phone}</dd>
        <dt>Người đề nghị</dt>
        <dd>
          {REQUESTER_LABEL[v.requester]}
          {v.requester_name ? `: ${v.requester_name}` : ''} ({v.source === 'web' ? 'qua trang web' : 'qua điện thoại'})
        </dd>
        <dt>Ngày thuận tiện</dt>
        <dd>{v.preferred_days || 'không nêu'}</dd>
        {v.note ? (
          <>
            <dt>Ghi chú</dt>
            <dd>{v.note}</dd>
          </>
        ) : null}
        <dt>Nhắn tin xác nhận</dt>
        <dd>{v.confirmed_at ? 'Đã gửi' : 'Chưa gửi'}</dd>
      </dl>
      <VisitActions v={v} csrf={p.csrf} isSupport={p.isSupport} />
    </StaffLayout>
  );
}

export interface FiguresView {
  from: string;
  to: string;
  homeDossiers: number;
  saturdayDossiers: number;
  visits: { planned: number; received: number; notReceived: number };
  kind?: 'home' | 'saturday';
  items?: Array<{ code: string; procedureName: string; applicantName: string; receivedAt: string; channel: string; status: string }>;
}

const KIND_TITLE = { home: 'Hồ sơ tiếp nhận tại nhà', saturday: 'Hồ sơ tiếp nhận ngày Thứ Bảy' } as const;

/** The counts the sources report (home-visit and Saturday dossiers) for a period, and the dossiers behind each. */
export function FiguresPage(p: StaffNavProps & { f: FiguresView; errors?: Problems }) {
  const q = (kind?: string) => `/can-bo/ho-tro-tai-nha/so-lieu?tu=${p.f.from}&den=${p.f.to}${kind ? `&loai=${kind}` : ''}`;
  return (
    <StaffLayout {...p} title="Hồ sơ tại nhà và ngày Thứ Bảy" current="/can-bo/ho-tro-tai-nha">
      <p class="crumbs">
        <a href="/can-bo/ho-tro-tai-nha">← Hỗ trợ tại nhà</a>
      </p>
      <h1>Hồ sơ tiếp nhận tại nhà và ngày Thứ Bảy</h1>
      <Errors errors={p.errors} title="Kỳ báo cáo chưa đúng:" />
      <form method="get" action="/can-bo/ho-tro-tai-nha/so-lieu" class="card inline">
        <label for="tu">Từ ngày</label> <input id="tu" name="tu" type="date" value={p.f.from} /> <label for="den">đến ngày</label> <input id="den" name="den" type="date" value={p.f.to} />{' '}
        <button type="submit">Xem</button>
      </form>
      <table>
        <caption>
          Từ {dmy(p.f.from)} đến {dmy(p.f.to)}
        </caption>
        <tbody>
          <tr>
            <th scope="row">{KIND_TITLE.home}</th>
            <td>
              <a href={q('home')}>{p.f.homeDossiers}</a>
            </td>
          </tr>
          <tr>
            <th scope="row">{KIND_TITLE.saturday}</th>
            <td>
              <a href={q('saturday')}>{p.f.saturdayDossiers}</a>
            </td>
          </tr>
          <tr>
            <th scope="row">Chuyến đến nhà đã tiếp nhận được hồ sơ</th>
            <td>{p.f.visits.received}</td>
          </tr>
          <tr>
            <th scope="row">Chuyến đến nhà không tiếp nhận được</th>
            <td>{p.f.visits.notReceived}</td>
          </tr>
          <tr>
            <th scope="row">Chuyến đã xếp lịch, chưa đi</th>
            <td>{p.f.visits.planned}</td>
          </tr>
        </tbody>
      </table>
      <p class="hint">Hồ sơ ngày Thứ Bảy: tiếp nhận vào ngày Thứ Bảy (bàn tiếp nhận Thứ Bảy hoặc ngày làm bù), theo giờ Việt Nam. Số liệu dạng JSON: GET /api/home-visits/figures.</p>
      {p.f.kind && p.f.items ? (
        <section aria-labelledby="ds">
          <h2 id="ds">
            {KIND_TITLE[p.f.kind]} ({p.f.items.length})
          </h2>
          {p.f.items.length ? (
            <table>
              <thead>
                <tr>
                  <th scope="col">Mã hồ sơ</th>
                  <th scope="col">Thủ tục</th>
                  <th scope="col">Người nộp</th>
                  <th scope="col">Tiếp nhận lúc</th>
                </tr>
              </thead>
              <tbody>
                {p.f.items.map((i) => (
                  <tr>
                    <td>
                      <a href={`/can-bo/ho-so/${i.code}`}>{i.code}</a>
                    </td>
                    <td>{i.procedureName}</td>
                    <td>{i.applicantName}</td>
                    <td>{i.receivedAt}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>Không có hồ sơ nào.</p>
          )}
        </section>
      ) : null}
    </StaffLayout>
  );
}
