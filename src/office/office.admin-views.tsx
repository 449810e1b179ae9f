import { ErrorSummary, StatusMessage } from '../shared/messages';
import { StaffLayout, type StaffNavProps } from '../shared/staff-layout';
import { StaffTable } from '../shared/staff-table';
import type { AgencyRow } from './office.service';
import { dayHoursText, displayPhone, hoursText, OFFICE_KIND_LABEL, OFFICE_KINDS, WEEK_ORDER, WEEKDAY_NAME, type Office, type Weekday } from './office.types';

export const OFFICES_PATH = '/can-bo/quan-tri/noi-tiep-nhan';

export type Problems = Array<{ field: string; message: string }>;

/** The form's field id of a problem's field ("hours.6" → "gio-6"). */
const fieldId = (field: string) => (field.startsWith('hours.') ? `gio-${field.slice(6)}` : `f-${field}`);

/** The unit's offices, which office each agency's procedures go to, and the procedures with an office of their own. */
export function OfficesPage(
  p: StaffNavProps & {
    offices: Office[];
    agencies: AgencyRow[];
    overrides: Array<{ code: string; name: string; officeId: string }>;
    procedures: Array<{ code: string; name: string }>;
    message?: string;
    errors?: Problems;
  },
) {
  const nameOf = (id: string | undefined) => p.offices.find((o) => o.id === id)?.name ?? '';
  return (
    <StaffLayout {...p} title="Nơi tiếp nhận hồ sơ" current={OFFICES_PATH}>
      <h1>Nơi tiếp nhận hồ sơ</h1>
      <p class="hint">
        Người dân thấy nơi nộp của từng thủ tục (tên, địa chỉ, điện thoại, giờ làm việc cả Thứ Bảy) trên trang thủ tục, trong danh sách thủ tục và trong câu trả lời của trợ lý ảo.
      </p>
      <StatusMessage>{p.message}</StatusMessage>
      <ErrorSummary title="Chưa lưu được:" errors={p.errors?.map((e) => e.message)} />

      <section aria-labelledby="ds-noi">
        <h2 id="ds-noi">Các nơi tiếp nhận của đơn vị</h2>
        <p>
          <a class="btn primary" href={`${OFFICES_PATH}/moi`}>
            Thêm nơi tiếp nhận
          </a>
        </p>
        {p.offices.length ? (
          <div class="table-scroll">
            <StaffTable head={['Tên', 'Loại', 'Địa chỉ, điện thoại', 'Giờ làm việc', 'Thao tác']}>
                {p.offices.map((o) => (
                  <tr>
                    <td>{o.name}</td>
                    <td>{OFFICE_KIND_LABEL[o.kind]}</td>
                    <td>
                      {o.address}
                      {o.phone ? <div>{displayPhone(o.phone)}</div> : null}
                    </td>
                    <td>{hoursText(o.week)}</td>
                    <td>
                      <a href={`${OFFICES_PATH}/${o.id}`} aria-label={`Sửa ${o.name}`}>
                        Sửa
                      </a>{' '}
                      <form method="post" action={`${OFFICES_PATH}/${o.id}/xoa`} class="inline-form">
                        <input type="hidden" name="_csrf" value={p.csrf} />
                        <button type="submit" aria-label={`Xóa ${o.name}`}>
                          Xóa
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
            </StaffTable>
          </div>
        ) : (
          <p class="card">Đơn vị chưa khai báo nơi tiếp nhận nào: trang thủ tục đang ghi địa chỉ chung của đơn vị.</p>
        )}
      </section>

      <section aria-labelledby="theo-co-quan">
        <h2 id="theo-co-quan">Nơi tiếp nhận theo cơ quan thực hiện</h2>
        <p class="hint">
          Mỗi thủ tục ghi "cơ quan thực hiện" theo cơ sở dữ liệu quốc gia. "Tự động" chọn theo tên cơ quan: có chữ Công an → công an; Ủy ban nhân dân → bộ phận một cửa; y tế → trạm y tế.
        </p>
        {p.agencies.length && p.offices.length ? (
          <form method="post" action={`${OFFICES_PATH}/co-quan`}>
            <input type="hidden" name="_csrf" value={p.csrf} />
            <div class="table-scroll">
              <StaffTable head={['Cơ quan thực hiện', 'Số thủ tục', 'Nộp tại']}>
                  {p.agencies.map((a, i) => (
                    <tr>
                      <td>
                        <label for={`cq-${i}`}>{a.label}</label>
                        {!a.sure && !a.mappedId ? <div class="note">Tên cơ quan chưa rõ: hãy chọn nơi tiếp nhận.</div> : null}
                      </td>
                      <td>
                        <span title={a.procedures.map((x) => x.name).join('; ')}>{a.procedures.length}</span>
                      </td>
                      <td>
                        <input type="hidden" name="key" value={a.key} />
                        <select id={`cq-${i}`} name="office">
                          <option value="">Tự động ({a.defaultOffice?.name ?? '—'})</option>
                          {p.offices.map((o) => (
                            <option value={o.id} selected={o.id === a.mappedId}>
                              {o.name}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
              </StaffTable>
            </div>
            <p>
              <button type="submit">Lưu nơi tiếp nhận theo cơ quan</button>
            </p>
          </form>
        ) : (
          <p>Thêm nơi tiếp nhận trước, rồi chọn nơi cho từng cơ quan thực hiện.</p>
        )}
      </section>

      <section aria-labelledby="rieng">
        <h2 id="rieng">Thủ tục có nơi tiếp nhận riêng</h2>
        <p class="hint">Khi một thủ tục nộp ở nơi khác với cơ quan thực hiện của nó. Nơi chọn ở đây được ưu tiên.</p>
        {p.overrides.length ? (
          <ul>
            {p.overrides.map((o) => (
              <li>
                {o.name} ({o.code}) → {nameOf(o.officeId)}{' '}
                <form method="post" action={`${OFFICES_PATH}/thu-tuc`} class="inline-form">
                  <input type="hidden" name="_csrf" value={p.csrf} />
                  <input type="hidden" name="procedure" value={o.code} />
                  <input type="hidden" name="office" value="" />
                  <button type="submit" aria-label={`Bỏ nơi riêng của ${o.name}`}>
                    Bỏ nơi riêng
                  </button>
                </form>
              </li>
            ))}
          </ul>
        ) : (
          <p>Chưa có thủ tục nào có nơi tiếp nhận riêng.</p>
        )}
        {p.offices.length ? (
          <form method="post" action={`${OFFICES_PATH}/thu-tuc`} class="card">
            <input type="hidden" name="_csrf" value={p.csrf} />
            <div class="field">
              <label for="f-procedure">Thủ tục</label>
              <select id="f-procedure" name="procedure">
                {p.procedures.map((x) => (
                  <option value={x.code}>
                    {x.name} ({x.code})
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="f-office">Nộp tại</label>
              <select id="f-office" name="office">
                {p.offices.map((o) => (
                  <option value={o.id}>{o.name}</option>
                ))}
              </select>
            </div>
            <button type="submit">Đặt nơi tiếp nhận riêng</button>
          </form>
        ) : null}
      </section>
    </StaffLayout>
  );
}

/** Add or edit one office: every field labelled, its problem beside it and in the summary. */
export function OfficeFormPage(p: StaffNavProps & { office?: Office; values?: Record<string, string>; errors?: Problems }) {
  const o = p.office;
  const v = (k: string, fallback: string) => p.values?.[k] ?? fallback;
  const errorOf = (id: string) => p.errors?.filter((e) => fieldId(e.field) === id).map((e) => e.message) ?? [];
  const title = o ? `Sửa: ${o.name}` : 'Thêm nơi tiếp nhận';
  const text = (id: string, name: string, label: string, value: string, opts: { type?: string; hint?: string; required?: boolean } = {}) => {
    const errs = errorOf(id);
    const described = [opts.hint ? `${id}-hint` : '', errs.length ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
    return (
      <div class={errs.length ? 'field has-error' : 'field'}>
        <label for={id}>
          {label}
          {opts.required ? <span class="req"> (bắt buộc)</span> : null}
        </label>
        {opts.hint ? (
          <p class="hint" id={`${id}-hint`}>
            {opts.hint}
          </p>
        ) : null}
        {errs.length ? (
          <p class="field-error" id={`${id}-err`}>
            {errs.join('; ')}
          </p>
        ) : null}
        <input id={id} name={name} type={opts.type ?? 'text'} value={value} aria-invalid={errs.length ? 'true' : undefined} aria-describedby={described} />
      </div>
    );
  };
  const hoursDefault = (d: Weekday) => (o ? dayHoursText(o.week[d]) : d === '0' || d === '6' ? 'nghỉ' : '07:30-11:30, 13:30-17:00');
  return (
    <StaffLayout {...p} title={title} current={OFFICES_PATH}>
      <p>
        <a href={OFFICES_PATH}>← Nơi tiếp nhận hồ sơ</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary title="Thông tin chưa hợp lệ:" errors={p.errors?.map((e) => ({ message: e.message, href: `#${fieldId(e.field)}` }))} />
      <form method="post" action={o ? `${OFFICES_PATH}/${o.id}` : OFFICES_PATH} class="card" novalidate>
        <input type="hidden" name="_csrf" value={p.csrf} />
        {text('f-name', 'name', 'Tên nơi tiếp nhận', v('name', o?.name ?? ''), { required: true, hint: 'Ví dụ: Công an phường Ba Đình, Bộ phận một cửa UBND phường, Trạm Y tế phường' })}
        <div class={errorOf('f-kind').length ? 'field has-error' : 'field'}>
          <label for="f-kind">Loại</label>
          {errorOf('f-kind').length ? (
            <p class="field-error" id="f-kind-err">
              {errorOf('f-kind').join('; ')}
            </p>
          ) : null}
          <select id="f-kind" name="kind" aria-describedby={errorOf('f-kind').length ? 'f-kind-err' : undefined}>
            {OFFICE_KINDS.map((k) => (
              <option value={k} selected={v('kind', o?.kind ?? 'one_stop') === k}>
                {OFFICE_KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </div>
        {text('f-address', 'address', 'Địa chỉ', v('address', o?.address ?? ''), { required: true, hint: 'Số nhà, đường phố, phường/xã' })}
        {text('f-phone', 'phone', 'Điện thoại', v('phone', o?.phone ? displayPhone(o.phone) : ''), { type: 'tel', hint: 'Ví dụ: 024 3823 1111 hoặc 0912345678' })}
        <fieldset>
          <legend>Giờ làm việc từng ngày</legend>
          <p class="hint">Mỗi buổi ghi như 07:30-11:30, các buổi cách nhau bằng dấu phẩy; ngày không làm việc ghi "nghỉ". Ngày lễ, Tết theo lịch làm việc của đơn vị.</p>
          {WEEK_ORDER.map((d) => text(`gio-${d}`, `hours.${d}`, WEEKDAY_NAME[d], v(`hours.${d}`, hoursDefault(d))))}
        </fieldset>
        {text('f-notes', 'notes', 'Ghi chú cho người dân', v('notes', o?.notes ?? ''), { hint: 'Ví dụ: Tầng 1, cửa bên trái; mang theo căn cước' })}
        {text('f-mapUrl', 'mapUrl', 'Đường dẫn bản đồ', v('mapUrl', o?.mapUrl ?? ''), { type: 'url', hint: 'Không bắt buộc; bắt đầu bằng https://' })}
        {text('f-sort', 'sort', 'Thứ tự hiển thị', v('sort', String(o?.sort ?? 0)), { hint: 'Số nhỏ đứng trước; nơi đứng trước được chọn khi có nhiều nơi cùng loại' })}
        <button type="submit" class="primary">
          {o ? 'Lưu thay đổi' : 'Thêm nơi tiếp nhận'}
        </button>
      </form>
    </StaffLayout>
  );
}
