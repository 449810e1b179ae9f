import type { Staff } from '../account';
import type { CatalogChange, ChannelKind, Fee, FormTemplate, ProcessingTime } from '../catalog';
import { StaffTable } from '../shared/staff-table';
import { ErrorSummary, StatusMessage } from '../shared/messages';
import { changeLines } from './catalog-change.text';
import { StaffLayout, type StaffNavProps } from '../shared/staff-layout';
import { ConfirmRemoval, type RemovalConfirmation } from './catalog-admin.views';
import { STAFF_ROLE_TEXT as ROLE_TEXT } from '../shared/staff-menu';
import type { EForm } from '../eform';
import { formatDateTime, formatTime } from '../shared/format';
import { formatPhone } from '../shared/phone';
import { PROCESS_ROLE_LABEL, PROCESS_ROLES, STEP_KIND_LABEL, STEP_KINDS, type Process, type ProcessStep } from '../workflow';

function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export function Messages(p: { message?: string; error?: string; errors?: Array<{ field: string; message: string }> }) {
  return (
    <>
      <StatusMessage>{p.message}</StatusMessage>
      <ErrorSummary message={p.error} errors={p.errors} />
    </>
  );
}

function Input(p: { id: string; name: string; label: string; value?: string | number; type?: string; required?: boolean; hint?: string; autocomplete?: string }) {
  return (
    <div class="field">
      <label for={p.id}>
        {p.label}
        {p.required ? <span class="req"> (bắt buộc)</span> : null}
      </label>
      {p.hint ? (
        <p class="hint" id={`${p.id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      <input id={p.id} name={p.name} type={p.type ?? 'text'} value={p.value === undefined ? '' : String(p.value)} required={p.required} autocomplete={p.autocomplete} aria-describedby={p.hint ? `${p.id}-hint` : undefined} />
    </div>
  );
}

type Nav = StaffNavProps;

export function AdminHomePage(p: Nav) {
  return (
    <StaffLayout {...p} title="Quản trị đơn vị" current="/can-bo/quan-tri">
      <h1>Quản trị đơn vị</h1>
      <ul class="plist">
        <li>
          <a href="/can-bo/quan-tri/can-bo">
            <span class="pname">Cán bộ</span> Tạo tài khoản, phân vai trò, đặt lại mật khẩu, gắn định danh điện tử
          </a>
        </li>
        <li>
          <a href="/can-bo/quan-tri/danh-muc">
            <span class="pname">Danh mục thủ tục của đơn vị</span> Thủ tục tiếp nhận, thời hạn cam kết, phí, biểu mẫu, biểu mẫu điện tử
          </a>
        </li>
        <li>
          <a href="/can-bo/quan-tri/quy-trinh">
            <span class="pname">Quy trình nội bộ</span> Các bước, vai trò và thời gian của từng thủ tục
          </a>
        </li>
        <li>
          <a href="/can-bo/nhat-ky">
            <span class="pname">Nhật ký</span> Mọi thay đổi và mọi lần xem dữ liệu cá nhân
          </a>
        </li>
      </ul>
    </StaffLayout>
  );
}

// ---------------------------------------------------------------------------------------------
// Staff

const ADMIN_ROLES = ['receptionist', 'specialist', 'leader', 'admin', 'supervisor', 'health_station'] as const;

function RoleSelect(p: { id: string; value?: string; allowSupervisor: boolean }) {
  return (
    <div class="field">
      <label for={p.id}>Vai trò</label>
      <select id={p.id} name="role">
        {ADMIN_ROLES.filter((r) => r !== 'supervisor' || p.allowSupervisor).map((r) => (
          <option value={r} selected={p.value === r}>
            {ROLE_TEXT[r]}
          </option>
        ))}
      </select>
    </div>
  );
}

export function StaffListPage(p: Nav & { list: Staff[]; allowSupervisor: boolean; values?: Record<string, string>; created?: { username: string; password: string }; message?: string; errors?: Array<{ field: string; message: string }> }) {
  const v = p.values ?? {};
  return (
    <StaffLayout {...p} title="Cán bộ của đơn vị" current="/can-bo/quan-tri/can-bo">
      <p class="crumbs">
        <a href="/can-bo/quan-tri">← Quản trị đơn vị</a>
      </p>
      <h1>Cán bộ của đơn vị</h1>
      <Messages message={p.message} errors={p.errors} />
      {p.created ? (
        <div class="card" role="status">
          <p>
            Đã tạo tài khoản <strong>{p.created.username}</strong>. Mật khẩu tạm thời (chỉ hiện một lần, người dùng phải đổi khi đăng nhập lần đầu): <code class="secret">{p.created.password}</code>
          </p>
        </div>
      ) : null}
      <StaffTable head={['Tên đăng nhập', 'Họ và tên', 'Vai trò', 'Lĩnh vực', 'Liên hệ', 'Trạng thái']}>
          {p.list.map((s) => (
            <tr>
              <td>
                <a href={`/can-bo/quan-tri/can-bo/${s.username}`}>{s.username}</a>
              </td>
              <td>{s.fullName}</td>
              <td>{ROLE_TEXT[s.role] ?? s.role}</td>
              <td>{s.fields.join(', ')}</td>
              <td>{[s.phone ? formatPhone(s.phone) : '', s.email ?? ''].filter(Boolean).join(' · ')}</td>
              <td>{s.active === false ? 'Đã khóa' : s.mustChangePassword ? 'Chờ đổi mật khẩu' : 'Đang hoạt động'}</td>
            </tr>
          ))}
        </StaffTable>
      <form method="post" action="/can-bo/quan-tri/can-bo" class="card" novalidate>
        <h2>Thêm cán bộ</h2>
        <Csrf token={p.csrf} />
        <Input id="s-user" name="username" label="Tên đăng nhập" required value={v.username} hint="Chữ thường không dấu, ví dụ: nguyenvana" autocomplete="off" />
        <Input id="s-name" name="fullName" label="Họ và tên" required value={v.fullName} />
        <RoleSelect id="s-role" value={v.role} allowSupervisor={p.allowSupervisor} />
        <Input id="s-fields" name="fields" label="Lĩnh vực phụ trách (cách nhau bởi dấu phẩy)" value={v.fields} />
        <Input id="s-phone" name="phone" label="Số điện thoại (nhận cảnh báo hồ sơ sắp quá hạn)" type="tel" value={v.phone} />
        <Input id="s-email" name="email" label="Thư điện tử" type="email" value={v.email} />
        <Input id="s-oidc" name="oidcSubject" label="Mã định danh điện tử (đăng nhập OpenID Connect)" value={v.oidcSubject} hint="Ví dụ: số định danh cá nhân của cán bộ trên hệ thống định danh" />
        <p>
          <button type="submit" class="primary">
            Tạo tài khoản
          </button>
        </p>
      </form>
    </StaffLayout>
  );
}

export function StaffEditPage(p: Nav & { target: Staff; allowSupervisor: boolean; message?: string; errors?: Array<{ field: string; message: string }>; password?: string }) {
  const t = p.target;
  return (
    <StaffLayout {...p} title={`Cán bộ ${t.username}`} current="/can-bo/quan-tri/can-bo">
      <p class="crumbs">
        <a href="/can-bo/quan-tri/can-bo">← Cán bộ của đơn vị</a>
      </p>
      <h1>
        {t.fullName} ({t.username})
      </h1>
      <Messages message={p.message} errors={p.errors} />
      {p.password ? (
        <div class="card" role="status">
          <p>
            Mật khẩu tạm thời mới (chỉ hiện một lần): <code class="secret">{p.password}</code>. Mọi phiên đăng nhập cũ của tài khoản đã kết thúc.
          </p>
        </div>
      ) : null}
      <form method="post" action={`/can-bo/quan-tri/can-bo/${t.username}`} class="card" novalidate>
        <Csrf token={p.csrf} />
        <Input id="e-name" name="fullName" label="Họ và tên" required value={t.fullName} />
        <RoleSelect id="e-role" value={t.role} allowSupervisor={p.allowSupervisor} />
        <Input id="e-fields" name="fields" label="Lĩnh vực phụ trách (cách nhau bởi dấu phẩy)" value={t.fields.join(', ')} />
        <Input id="e-phone" name="phone" label="Số điện thoại" type="tel" value={t.phone ?? ''} />
        <Input id="e-email" name="email" label="Thư điện tử" type="email" value={t.email ?? ''} />
        <Input id="e-oidc" name="oidcSubject" label="Mã định danh điện tử (OpenID Connect)" value={t.oidcSubject ?? ''} />
        <div class="field">
          <label>
            <input type="checkbox" name="active" value="1" checked={t.active !== false} /> Đang hoạt động (bỏ chọn để khóa tài khoản)
          </label>
        </div>
        <p>
          <button type="submit" class="primary">
            Lưu
          </button>
        </p>
      </form>
      <form method="post" action={`/can-bo/quan-tri/can-bo/${t.username}/dat-lai-mat-khau`} class="card">
        <Csrf token={p.csrf} />
        <p>Đặt lại mật khẩu: hệ thống tạo một mật khẩu tạm thời, mở khóa tài khoản và kết thúc mọi phiên đăng nhập của người này.</p>
        <p>
          <button type="submit">Đặt lại mật khẩu</button>
        </p>
      </form>
    </StaffLayout>
  );
}

export function PasswordPage(p: Nav & { forced: boolean; message?: string; errors?: Array<{ field: string; message: string }> }) {
  return (
    <StaffLayout {...p} title="Đổi mật khẩu" current="/can-bo/mat-khau">
      <h1>Đổi mật khẩu</h1>
      {p.forced ? <p class="card">Mật khẩu của bạn vừa được đặt lại hoặc là mật khẩu tạm thời. Xin đặt mật khẩu mới để tiếp tục.</p> : null}
      <Messages message={p.message} errors={p.errors} />
      <form method="post" action="/can-bo/mat-khau" class="card" novalidate>
        <Csrf token={p.csrf} />
        <Input id="pw-cur" name="current" label="Mật khẩu hiện tại" type="password" required autocomplete="current-password" />
        <Input id="pw-new" name="password" label="Mật khẩu mới" type="password" required autocomplete="new-password" hint="Ít nhất 10 ký tự, có cả chữ và số" />
        <p>
          <button type="submit" class="primary">
            Đổi mật khẩu
          </button>
        </p>
      </form>
    </StaffLayout>
  );
}

// ---------------------------------------------------------------------------------------------
// Catalogue

export interface CatalogRow {
  code: string;
  name: string;
  field: string;
  legal: ProcessingTime | null;
  commitment: ProcessingTime | null;
  essential: boolean;
  note: string;
  local: boolean;
}

const TIME_UNIT_LABEL = { working_days: 'ngày làm việc', days: 'ngày', hours: 'giờ' } as const;

export function CatalogAdminPage(p: Nav & { rows: CatalogRow[]; message?: string; errors?: Array<{ field: string; message: string }>; found?: Array<{ code: string; name: string }>; q?: string; confirm?: RemovalConfirmation }) {
  return (
    <StaffLayout {...p} title="Danh mục thủ tục của đơn vị" current="/can-bo/quan-tri/danh-muc">
      <p class="crumbs">
        <a href="/can-bo/quan-tri">← Quản trị đơn vị</a> · <a href="/can-bo/quan-tri/danh-muc/lich-su">Lịch sử thay đổi</a>
      </p>
      <h1>Danh mục thủ tục của đơn vị</h1>
      <Messages message={p.message} errors={p.errors} />
      {p.confirm ? <ConfirmRemoval {...p.confirm} csrf={p.csrf} /> : null}
      <form method="get" action="/can-bo/quan-tri/danh-muc" class="card" role="search">
        <label for="c-q">Tìm thủ tục trong danh mục quốc gia để thêm</label>
        <input id="c-q" name="q" type="search" value={p.q ?? ''} /> <button type="submit">Tìm</button>
      </form>
      <form method="post" action="/can-bo/quan-tri/danh-muc" novalidate>
        <Csrf token={p.csrf} />
        {p.found?.length ? (
          <fieldset class="card">
            <legend>Thêm vào danh mục của đơn vị</legend>
            {p.found.map((f) => (
              <label class="choice">
                <input type="checkbox" name="add" value={f.code} /> {f.name} ({f.code})
              </label>
            ))}
          </fieldset>
        ) : null}
        <StaffTable caption={<>{p.rows.length} thủ tục đơn vị đang tiếp nhận</>} head={['Tiếp nhận', 'Thủ tục', 'Thời hạn luật định', 'Cam kết của đơn vị', 'Thiết yếu', 'Ghi chú']}>
            {p.rows.map((r, i) => (
              <tr>
                <td>
                  <input type="hidden" name={`code.${i}`} value={r.code} />
                  <input type="checkbox" name={`keep.${i}`} value="1" checked aria-label={`Tiếp nhận ${r.name}`} />
                </td>
                <td>
                  <a href={`/can-bo/quan-tri/danh-muc/${r.code}`}>{r.name}</a> <span class="note">({r.code}, {r.field})</span>
                  {r.local ? <span class="tag"> Có phí/biểu mẫu riêng</span> : null}
                </td>
                <td>{formatTime(r.legal)}</td>
                <td>
                  <label class="vh" for={`cv-${i}`}>
                    Số cam kết
                  </label>
                  <input id={`cv-${i}`} name={`commitValue.${i}`} type="number" min="0" step="0.5" value={r.commitment?.value ?? ''} class="short" />
                  <label class="vh" for={`cu-${i}`}>
                    Đơn vị cam kết
                  </label>
                  <select id={`cu-${i}`} name={`commitUnit.${i}`}>
                    {(Object.keys(TIME_UNIT_LABEL) as Array<keyof typeof TIME_UNIT_LABEL>).map((u) => (
                      <option value={u} selected={(r.commitment?.unit ?? 'working_days') === u}>
                        {TIME_UNIT_LABEL[u]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input type="checkbox" name={`essential.${i}`} value="1" checked={r.essential} aria-label={`Thiết yếu: ${r.name}`} />
                </td>
                <td>
                  <label class="vh" for={`n-${i}`}>
                    Ghi chú
                  </label>
                  <input id={`n-${i}`} name={`note.${i}`} type="text" value={r.note} />
                </td>
              </tr>
            ))}
          </StaffTable>
        <input type="hidden" name="count" value={String(p.rows.length)} />
        <p>
          <button type="submit" class="primary">
            Lưu danh mục
          </button>
        </p>
      </form>
    </StaffLayout>
  );
}

const CHANNEL_TEXT: Record<ChannelKind, string> = { in_person: 'Nộp trực tiếp', online: 'Nộp trực tuyến', post: 'Qua bưu chính' };
const BASIS_TEXT = { per_case: 'mỗi hồ sơ', per_page: 'mỗi trang', per_copy: 'mỗi bản' } as const;
const FIELD_TYPES_TEXT: Record<string, string> = {
  text: 'Chữ (một dòng)',
  textarea: 'Đoạn văn',
  date: 'Ngày',
  number: 'Số',
  select: 'Chọn trong danh sách',
  radio: 'Chọn một',
  checkbox: 'Ô đánh dấu',
  phone: 'Số điện thoại',
  email: 'Thư điện tử',
  idNumber: 'Số định danh',
};

export function CatalogLocalPage(
  p: Nav & {
    code: string;
    name: string;
    channels: Array<{ kind: ChannelKind; nationalFees: Fee[]; fees: Fee[] | undefined }>;
    feeNote: string;
    forms: FormTemplate[];
    eform: EForm;
    eformIsLocal: boolean;
    history: CatalogChange[];
    message?: string;
    errors?: Array<{ field: string; message: string }>;
  },
) {
  const fields = p.eform.sections.flatMap((s) => s.fields.map((f) => ({ ...f, section: s.title })));
  const blanks = (n: number) => Array.from({ length: n }, () => undefined);
  return (
    <StaffLayout {...p} title={`Thiết lập riêng: ${p.name}`} current="/can-bo/quan-tri/danh-muc">
      <p class="crumbs">
        <a href="/can-bo/quan-tri/danh-muc">← Danh mục thủ tục của đơn vị</a>
      </p>
      <h1>{p.name}</h1>
      <p class="note">Mã {p.code}. Thiết lập dưới đây chỉ áp dụng trong đơn vị; thông tin quốc gia không thay đổi.</p>
      <Messages message={p.message} errors={p.errors} />
      <form method="post" action={`/can-bo/quan-tri/danh-muc/${p.code}`} novalidate>
        <Csrf token={p.csrf} />
        <h2>Phí, lệ phí</h2>
        {p.channels.map((c) => (
          <fieldset class="card">
            <legend>{CHANNEL_TEXT[c.kind]}</legend>
            <p class="note">Theo danh mục quốc gia: {c.nationalFees.length ? c.nationalFees.map((f) => `${f.label}: ${f.amount.toLocaleString('vi-VN')} đồng`).join('; ') : 'không có mức phí cụ thể'}</p>
            <label>
              <input type="checkbox" name={`own.${c.kind}`} value="1" checked={!!c.fees} /> Đơn vị áp dụng mức phí riêng (ví dụ theo Nghị quyết của HĐND tỉnh)
            </label>
            <StaffTable head={['Tên khoản phí', 'Số tiền (đồng)', 'Tính theo']}>
                {[...(c.fees ?? c.nationalFees), ...blanks(2)].map((f, i) => (
                  <tr>
                    <td>
                      <label class="vh" for={`fl-${c.kind}-${i}`}>
                        Tên khoản phí
                      </label>
                      <input id={`fl-${c.kind}-${i}`} name={`fee.${c.kind}.${i}.label`} type="text" value={f?.label ?? ''} />
                    </td>
                    <td>
                      <label class="vh" for={`fa-${c.kind}-${i}`}>
                        Số tiền
                      </label>
                      <input id={`fa-${c.kind}-${i}`} name={`fee.${c.kind}.${i}.amount`} type="number" min="0" step="1000" value={f?.amount ?? ''} />
                    </td>
                    <td>
                      <label class="vh" for={`fb-${c.kind}-${i}`}>
                        Tính theo
                      </label>
                      <select id={`fb-${c.kind}-${i}`} name={`fee.${c.kind}.${i}.basis`}>
                        {(Object.keys(BASIS_TEXT) as Array<keyof typeof BASIS_TEXT>).map((b) => (
                          <option value={b} selected={(f?.basis ?? 'per_case') === b}>
                            {BASIS_TEXT[b]}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </StaffTable>
          </fieldset>
        ))}
        <Input id="fee-note" name="feeNote" label="Ghi chú về phí (miễn, giảm...)" value={p.feeNote} />
        <h2>Biểu mẫu riêng của đơn vị</h2>
        {[...p.forms, ...blanks(1)].map((f, i) => (
          <fieldset class="card">
            <legend>Biểu mẫu {i + 1}</legend>
            <Input id={`fm-t-${i}`} name={`form.${i}.title`} label="Tên biểu mẫu" value={f?.title} />
            <Input id={`fm-s-${i}`} name={`form.${i}.source`} label="Nguồn (văn bản ban hành)" value={f?.source} />
            <div class="field">
              <label for={`fm-f-${i}`}>Các dòng cần điền (mỗi dòng một mục)</label>
              <textarea id={`fm-f-${i}`} name={`form.${i}.fields`} rows={3}>
                {f?.fields.join('\n') ?? ''}
              </textarea>
            </div>
          </fieldset>
        ))}
        <h2>Biểu mẫu điện tử (tờ khai trực tuyến)</h2>
        <p class="note">{p.eformIsLocal ? 'Đơn vị đang dùng biểu mẫu điện tử riêng.' : 'Đang dùng biểu mẫu điện tử chung; sửa và lưu để tạo bản riêng của đơn vị.'}</p>
        <label>
          <input type="checkbox" name="eformOwn" value="1" checked={p.eformIsLocal} /> Dùng biểu mẫu điện tử riêng của đơn vị (bỏ chọn để dùng lại bản chung)
        </label>
        <Input id="ef-title" name="eformTitle" label="Tên tờ khai" value={p.eform.title} />
        <StaffTable head={['Nhóm', 'Mã trường', 'Nhãn', 'Kiểu', 'Bắt buộc', 'Lựa chọn (giá_trị=Nhãn; ...)', 'Hướng dẫn']}>
            {[...fields, ...blanks(3)].map((f, i) => (
              <tr>
                <td>
                  <input name={`ef.${i}.section`} type="text" value={f?.section ?? fields.at(-1)?.section ?? 'Nội dung tờ khai'} aria-label={`Nhóm của trường ${i + 1}`} />
                </td>
                <td>
                  <input name={`ef.${i}.id`} type="text" value={f?.id ?? ''} aria-label={`Mã trường ${i + 1}`} class="short" />
                </td>
                <td>
                  <input name={`ef.${i}.label`} type="text" value={f?.label ?? ''} aria-label={`Nhãn trường ${i + 1}`} />
                </td>
                <td>
                  <select name={`ef.${i}.type`} aria-label={`Kiểu trường ${i + 1}`}>
                    {Object.entries(FIELD_TYPES_TEXT).map(([k, v]) => (
                      <option value={k} selected={(f?.type ?? 'text') === k}>
                        {v}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input name={`ef.${i}.required`} type="checkbox" value="1" checked={f?.required ?? false} aria-label={`Trường ${i + 1} bắt buộc`} />
                </td>
                <td>
                  <input name={`ef.${i}.options`} type="text" value={(f?.options ?? []).map((o) => `${o.value}=${o.label}`).join('; ')} aria-label={`Lựa chọn của trường ${i + 1}`} />
                </td>
                <td>
                  <input name={`ef.${i}.help`} type="text" value={f?.help ?? ''} aria-label={`Hướng dẫn của trường ${i + 1}`} />
                </td>
              </tr>
            ))}
          </StaffTable>
        <input type="hidden" name="efCount" value={String(fields.length + 3)} />
        <p>
          <button type="submit" class="primary">
            Lưu thiết lập riêng
          </button>
        </p>
      </form>
      <h2>Lịch sử thay đổi của thủ tục</h2>
      <HistoryTable list={p.history} />
    </StaffLayout>
  );
}

export function HistoryTable(p: { list: CatalogChange[] }) {
  const KIND = { added: 'Thêm vào danh mục', removed: 'Bỏ khỏi danh mục', updated: 'Cập nhật' } as const;
  if (!p.list.length) return <p>Chưa có thay đổi nào.</p>;
  return (
    <StaffTable head={['Thời điểm', 'Người thay đổi', 'Thủ tục', 'Thay đổi', 'Chi tiết']}>
        {p.list.map((c) => (
          <tr>
            <td>{formatDateTime(c.at)}</td>
            <td>{c.actorName}</td>
            <td>{c.procedureCode}</td>
            <td>{KIND[c.kind]}</td>
            <td>
              <ul>
                {changeLines(c.kind, c.before, c.after).map((line) => (
                  <li>{line}</li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </StaffTable>
  );
}

// ---------------------------------------------------------------------------------------------
// Processes

export function ProcessListPage(p: Nav & { rows: Array<{ code: string; name: string; version: number | null }> }) {
  return (
    <StaffLayout {...p} title="Quy trình nội bộ" current="/can-bo/quan-tri/quy-trinh">
      <p class="crumbs">
        <a href="/can-bo/quan-tri">← Quản trị đơn vị</a>
      </p>
      <h1>Quy trình nội bộ giải quyết thủ tục</h1>
      <p>Mỗi thủ tục có một quy trình: các bước, vai trò thực hiện và phần thời gian của mỗi bước. Khi chưa thiết lập, hồ sơ dùng quy trình mặc định. Mỗi lần lưu tạo một phiên bản mới; hồ sơ đang giải quyết giữ phiên bản đã áp dụng khi tiếp nhận.</p>
      <StaffTable head={['Thủ tục', 'Quy trình']}>
          {p.rows.map((r) => (
            <tr>
              <td>
                <a href={`/can-bo/quan-tri/quy-trinh/${r.code}`}>{r.name}</a> <span class="note">({r.code})</span>
              </td>
              <td>{r.version ? `Phiên bản ${r.version}` : 'Mặc định'}</td>
            </tr>
          ))}
        </StaffTable>
    </StaffLayout>
  );
}

export function ProcessEditPage(p: Nav & { code: string; name: string; timeText: string; steps: ProcessStep[]; versions: Process[]; message?: string; errors?: Array<{ field: string; message: string }> }) {
  const rows = [...p.steps, ...Array.from({ length: Math.max(0, 8 - p.steps.length) }, () => undefined)];
  return (
    <StaffLayout {...p} title={`Quy trình: ${p.name}`} current="/can-bo/quan-tri/quy-trinh">
      <p class="crumbs">
        <a href="/can-bo/quan-tri/quy-trinh">← Quy trình nội bộ</a>
      </p>
      <h1>Quy trình: {p.name}</h1>
      <p class="note">Thời hạn giải quyết áp dụng: {p.timeText}. Tỷ lệ thời gian các bước cộng lại phải bằng 100%.</p>
      <Messages message={p.message} errors={p.errors} />
      <form method="post" action={`/can-bo/quan-tri/quy-trinh/${p.code}`} novalidate>
        <Csrf token={p.csrf} />
        <StaffTable head={['Bước', 'Loại bước', 'Tên bước', 'Vai trò thực hiện', 'Thời gian (%)']}>
            {rows.map((s, i) => (
              <tr>
                <td>{i + 1}</td>
                <td>
                  <select name={`step.${i}.kind`} aria-label={`Loại bước ${i + 1}`}>
                    <option value="">— Không dùng —</option>
                    {STEP_KINDS.map((k) => (
                      <option value={k} selected={s?.kind === k}>
                        {STEP_KIND_LABEL[k]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input name={`step.${i}.name`} type="text" value={s?.name ?? ''} aria-label={`Tên bước ${i + 1}`} />
                </td>
                <td>
                  <select name={`step.${i}.role`} aria-label={`Vai trò bước ${i + 1}`}>
                    {PROCESS_ROLES.map((r) => (
                      <option value={r} selected={s?.role === r}>
                        {PROCESS_ROLE_LABEL[r]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input name={`step.${i}.percent`} type="number" min="0" max="100" step="0.5" value={s ? Math.round(s.share * 1000) / 10 : ''} aria-label={`Phần trăm thời gian bước ${i + 1}`} class="short" />
                </td>
              </tr>
            ))}
          </StaffTable>
        <input type="hidden" name="count" value={String(rows.length)} />
        <Input id="pr-note" name="note" label="Ghi chú thay đổi" />
        <p>
          <button type="submit" class="primary">
            Lưu phiên bản mới
          </button>
        </p>
      </form>
      <h2>Các phiên bản</h2>
      {p.versions.length ? (
        <ol>
          {p.versions.map((v) => (
            <li>
              Phiên bản {v.version} — {formatDateTime(v.createdAt)} — {v.createdBy}
              {v.note ? `: ${v.note}` : ''} — {v.steps.map((s) => `${s.name} (${Math.round(s.share * 100)}%)`).join(' → ')}
            </li>
          ))}
        </ol>
      ) : (
        <p>Chưa có phiên bản nào: đang dùng quy trình mặc định.</p>
      )}
    </StaffLayout>
  );
}

