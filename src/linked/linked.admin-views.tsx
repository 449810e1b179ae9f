import { ErrorSummary, StatusMessage } from '../shared/messages';
import { StaffLayout, type StaffNavProps } from '../shared/staff-layout';
import { StaffTable } from '../shared/staff-table';
import { PROCESS_ROLE_LABEL, PROCESS_ROLES } from '../workflow';
import type { GroupInput, GroupRow, MemberInput } from './linked.admin';

export const GROUPS_PATH = '/can-bo/quan-tri/lien-thong';

export type Problems = Array<{ field: string; message: string }>;

/** The form's element id of a problem's field ("members.1.email" → "m1-email"). */
function fieldId(field: string): string {
  const m = /^members\.(\d+)\.(\w+)$/.exec(field);
  if (m) return `m${m[1]}-${m[2] === 'procedureCode' ? 'procedure' : m[2]}`;
  return field === 'members' ? 'm0-procedure' : `g-${field}`;
}

/** The unit's linked groups, switched-off ones too, each with its members and agencies. */
export function GroupsAdminPage(p: StaffNavProps & { groups: GroupRow[]; message?: string }) {
  return (
    <StaffLayout {...p} title="Nhóm thủ tục liên thông" current={GROUPS_PATH}>
      <h1>Nhóm thủ tục liên thông</h1>
      <p class="hint">
        Một nhóm liên thông là một mục của danh mục: người dân điền một tờ khai, đính kèm giấy tờ một lần; mỗi thủ tục trong nhóm thành một hồ sơ do cán bộ của đơn vị hoặc cơ quan phối hợp
        (công an, bảo hiểm xã hội…) giải quyết. Cơ quan phối hợp chỉ nhận những thông tin của phần mình.
      </p>
      <StatusMessage>{p.message}</StatusMessage>
      <p>
        <a class="btn primary" href={`${GROUPS_PATH}/moi`}>
          Thêm nhóm liên thông
        </a>
      </p>
      {p.groups.length ? (
        <div class="table-scroll">
          <StaffTable class="wide" caption={`${p.groups.length} nhóm của đơn vị`} head={['Mã', 'Tên nhóm', 'Các thủ tục và nơi giải quyết', 'Trạng thái', 'Thao tác']}>
            {p.groups.map((g) => (
              <tr>
                <td>{g.code}</td>
                <td>{g.name}</td>
                <td>
                  <ol>
                    {g.members.map((m) => (
                      <li>
                        {m.procedureName} ({m.procedureCode}) — {m.agencyName}
                        {m.partner ? ` (cơ quan phối hợp${m.email ? `, ${m.email}` : ''})` : m.role ? ` (${PROCESS_ROLE_LABEL[m.role]})` : ''}
                      </li>
                    ))}
                  </ol>
                </td>
                <td>{g.enabled ? 'Đang nhận hồ sơ' : 'Đã tắt'}</td>
                <td>
                  <a href={`${GROUPS_PATH}/${g.code}`} aria-label={`Sửa nhóm ${g.code}`}>
                    Sửa
                  </a>{' '}
                  <form method="post" action={`${GROUPS_PATH}/${g.code}/trang-thai`} class="inline-form">
                    <input type="hidden" name="_csrf" value={p.csrf} />
                    <input type="hidden" name="enabled" value={g.enabled ? '0' : '1'} />
                    <button type="submit" aria-label={`${g.enabled ? 'Tắt' : 'Bật'} nhóm ${g.code}`}>
                      {g.enabled ? 'Tắt' : 'Bật'}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </StaffTable>
        </div>
      ) : (
        <p class="card">Đơn vị chưa có nhóm thủ tục liên thông nào.</p>
      )}
    </StaffLayout>
  );
}

const EMPTY_MEMBER: MemberInput = { procedureCode: '', agency: 'unit', role: 'specialist', agencyName: '', email: '' };

/** Create or edit one group: its code (on creation), name, texts and members, every problem beside its field. */
export function GroupFormPage(
  p: StaffNavProps & {
    /** Editing: the group's code and state; creating: undefined. */
    editing?: { code: string; enabled: boolean };
    values: GroupInput;
    procedures: Array<{ code: string; name: string }>;
    errors?: Problems;
  },
) {
  const v = p.values;
  const errorsOf = (id: string) => p.errors?.filter((e) => fieldId(e.field) === id).map((e) => e.message) ?? [];
  // Room for two more members than posted or saved (without JavaScript, a blank row is left out).
  const rows = [...v.members, ...Array.from({ length: Math.max(2, 4 - v.members.length) }, () => EMPTY_MEMBER)].slice(0, 10);
  const title = p.editing ? `Sửa nhóm ${p.editing.code}` : 'Thêm nhóm liên thông';
  /** A field's hint and its problems, above the control that names them in aria-describedby. */
  const Notes = (n: { id: string; hint?: string; errs: string[] }) => (
    <>
      {n.hint ? (
        <p class="hint" id={`${n.id}-hint`}>
          {n.hint}
        </p>
      ) : null}
      {n.errs.length ? (
        <p class="field-error" id={`${n.id}-err`}>
          {n.errs.join('; ')}
        </p>
      ) : null}
    </>
  );
  const describedBy = (id: string, hint: string | undefined, errs: string[]) => [hint ? `${id}-hint` : '', errs.length ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  const Field = (f: { id: string; name: string; label: string; value: string; hint?: string; type?: string; required?: boolean; list?: string; textarea?: boolean }) => {
    const errs = errorsOf(f.id);
    const described = describedBy(f.id, f.hint, errs);
    return (
      <div class={errs.length ? 'field has-error' : 'field'}>
        <label for={f.id}>
          {f.label}
          {f.required ? <span class="req"> (bắt buộc)</span> : null}
        </label>
        <Notes id={f.id} hint={f.hint} errs={errs} />
        {f.textarea ? (
          <textarea id={f.id} name={f.name} rows={3} aria-invalid={errs.length ? 'true' : undefined} aria-describedby={described}>
            {f.value}
          </textarea>
        ) : (
          <input id={f.id} name={f.name} type={f.type ?? 'text'} value={f.value} list={f.list} autocomplete="off" aria-invalid={errs.length ? 'true' : undefined} aria-describedby={described} />
        )}
      </div>
    );
  };
  const Select = (f: { id: string; name: string; label: string; value: string; options: Array<[string, string]>; hint?: string }) => {
    const errs = errorsOf(f.id);
    const described = describedBy(f.id, f.hint, errs);
    return (
      <div class={errs.length ? 'field has-error' : 'field'}>
        <label for={f.id}>{f.label}</label>
        <Notes id={f.id} hint={f.hint} errs={errs} />
        <select id={f.id} name={f.name} aria-describedby={described}>
          {f.options.map(([value, label]) => (
            <option value={value} selected={value === f.value}>
              {label}
            </option>
          ))}
        </select>
      </div>
    );
  };
  return (
    <StaffLayout {...p} title={title} current={GROUPS_PATH}>
      <p>
        <a href={GROUPS_PATH}>← Nhóm thủ tục liên thông</a>
      </p>
      <h1>{title}</h1>
      {p.editing && !p.editing.enabled ? <p class="card">Nhóm này đang tắt: người dân không thấy và không nộp được. Bật lại ở danh sách nhóm.</p> : null}
      <ErrorSummary title="Nhóm chưa lưu được:" errors={p.errors?.map((e) => ({ message: e.message, href: `#${fieldId(e.field)}` }))} />
      <form method="post" action={p.editing ? `${GROUPS_PATH}/${p.editing.code}` : GROUPS_PATH} class="card" novalidate>
        <input type="hidden" name="_csrf" value={p.csrf} />
        {p.editing ? <p>Mã nhóm: <strong>{p.editing.code}</strong></p> : <Field id="g-code" name="code" label="Mã nhóm" value={v.code} required hint="LT- rồi tối đa 12 chữ hoa hoặc chữ số, ví dụ LT-KS. Không đổi được sau khi tạo." />}
        <Field id="g-name" name="name" label="Tên nhóm" value={v.name} required hint="Ví dụ: Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi" />
        <Field id="g-summary" name="summary" label="Giới thiệu cho người dân" value={v.summary} textarea hint="Không bắt buộc; vài câu nói nhóm giúp người dân làm gì." />
        <Field id="g-legalBasis" name="legalBasis" label="Căn cứ pháp lý" value={v.legalBasis} hint="Không bắt buộc, ví dụ: Nghị định 63/2024/NĐ-CP" />
        <datalist id="tt-truc-tuyen">
          {p.procedures.map((x) => (
            <option value={x.code}>{x.name}</option>
          ))}
        </datalist>
        <p class="hint">
          Ít nhất hai thủ tục, chọn trong danh mục của đơn vị (thủ tục đã nhận hồ sơ trực tuyến). Bỏ trống mã thủ tục ở những dòng không dùng. Khi đổi thủ tục của nhóm, tờ khai chung và danh sách giấy
          tờ được lập lại từ biểu mẫu của từng thủ tục.
        </p>
        {rows.map((m, i) => (
          <fieldset class="linked-member-input">
            <legend>Thủ tục thứ {i + 1}</legend>
            <Field id={`m${i}-procedure`} name={`m${i}.procedure`} label="Mã thủ tục" value={m.procedureCode} list="tt-truc-tuyen" hint="Gõ mã hoặc chọn trong danh sách, ví dụ 1.001193" />
            <Select
              id={`m${i}-agency`}
              name={`m${i}.agency`}
              label="Nơi giải quyết"
              value={m.agency}
              options={[
                ['unit', 'Cán bộ của đơn vị'],
                ['partner', 'Cơ quan phối hợp ngoài đơn vị (nhận qua thư điện tử hoặc hộp thư)'],
              ]}
            />
            <Select id={`m${i}-role`} name={`m${i}.role`} label="Cán bộ của đơn vị giải quyết (khi do đơn vị giải quyết)" value={m.role || 'specialist'} options={PROCESS_ROLES.map((r) => [r, PROCESS_ROLE_LABEL[r]])} hint="Để người dân biết ai giải quyết (khi ô tên nơi giải quyết để trống). Hồ sơ của phần này đi theo quy trình nội bộ của thủ tục (Quản trị → Quy trình nội bộ)." />
            <Field id={`m${i}-agencyName`} name={`m${i}.agencyName`} label="Tên nơi giải quyết người dân thấy" value={m.agencyName} hint="Bắt buộc với cơ quan phối hợp, ví dụ: Bảo hiểm xã hội khu vực Ba Đình" />
            <Field id={`m${i}-email`} name={`m${i}.email`} label="Thư điện tử của cơ quan phối hợp" type="email" value={m.email} hint="Cơ quan phối hợp nhận phần hồ sơ của mình qua địa chỉ này" />
          </fieldset>
        ))}
        <button type="submit" class="primary">
          {p.editing ? 'Lưu nhóm' : 'Thêm nhóm'}
        </button>
      </form>
    </StaffLayout>
  );
}
