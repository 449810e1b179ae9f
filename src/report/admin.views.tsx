import { ErrorSummary, StatusMessage } from '../shared/messages';
import { formatDateTime } from '../shared/format';
import { StaffLayout, type StaffNavProps } from '../shared/staff-layout';
import { StaffTable } from '../shared/staff-table';
import type { DataSetJsonIn } from './admin.service';
import { PERIOD_TYPE_LABEL, PERIOD_TYPES, RULE_OPERATORS, VALUE_TYPE_LABEL, VALUE_TYPES, type CategoryCombo, type DataSet } from './report.types';

/**
 * The data set editor (issue 12): the supervisor's list of reports and one form for a report —
 * elements, sections, disaggregations, units, deadline, event phases, validation rules. Works
 * without JavaScript: rows are plain inputs, "Thêm dòng" sends the form back with more empty rows.
 */

export function DataSetListPage(p: StaffNavProps & { items: DataSet[]; saved?: string; year: number }) {
  return (
    <StaffLayout {...p} title="Biểu mẫu báo cáo" current="/can-bo/bao-cao/bieu-mau">
      <h1>Biểu mẫu báo cáo</h1>
      <StatusMessage>{p.saved}</StatusMessage>
      <p>
        <a class="btn" href="/can-bo/bao-cao/bieu-mau/moi">
          Tạo báo cáo mới
        </a>{' '}
        <span class="note">Định nghĩa dạng JSON (như DHIS2): GET/POST /api/reports/dataSets.</span>
      </p>
      <div class="table-scroll">
      <StaffTable head={['Mã', 'Tên báo cáo', 'Kỳ', 'Chỉ tiêu', 'Đơn vị', 'Tình trạng', 'Thao tác']}>
        {p.items.map((d) => (
          <tr>
            <td>{d.code}</td>
            <td>
              <a href={`/can-bo/bao-cao/bieu-mau/${d.code}`}>{d.name}</a>
            </td>
            <td>{PERIOD_TYPE_LABEL[d.periodType]}</td>
            <td>{d.dataElements.length}</td>
            <td>{d.units.length}</td>
            <td>{d.closed ? 'Đã đóng' : 'Đang mở'}</td>
            <td>
              <a href={`/can-bo/bao-cao/tong-hop?bo=${d.code}`}>Tổng hợp</a>
              <form method="post" action={`/can-bo/bao-cao/bieu-mau/${d.code}/${d.closed ? 'mo' : 'dong'}`} class="inline-form">
                <input type="hidden" name="_csrf" value={p.csrf} /> <button type="submit">{d.closed ? 'Mở lại' : 'Đóng'}</button>
              </form>
              <form method="post" action={`/can-bo/bao-cao/bieu-mau/${d.code}/sao-chep`} class="copy-form">
                <input type="hidden" name="_csrf" value={p.csrf} />
                <label for={`cp-${d.code}`}>Sao chép thành mã</label> <input id={`cp-${d.code}`} name="code" size={14} value={copyCode(d.code, p.year)} required />{' '}
                <label for={`cpn-${d.code}`}>tên</label> <input id={`cpn-${d.code}`} name="name" size={30} value={copyName(d.name, p.year)} required /> <button type="submit">Sao chép</button>
              </form>
            </td>
          </tr>
        ))}
      </StaffTable>
      </div>
      {!p.items.length ? <p>Đơn vị chưa có báo cáo nào.</p> : null}
    </StaffLayout>
  );
}

/** 'BAU_CU_2026' → 'BAU_CU_2027'; 'CACH_LY' → 'CACH_LY_2027'. */
export function copyCode(code: string, year: number): string {
  return /_\d{4}$/.test(code) ? code.replace(/_\d{4}$/, `_${year + 1}`) : `${code}_${year + 1}`;
}
function copyName(name: string, year: number): string {
  return /\d{4}/.test(name) ? name.replace(/\d{4}(?!.*\d{4})/, String(year + 1)) : `${name} (${year + 1})`;
}

export interface EditorForm extends Omit<DataSetJsonIn, 'dataElements' | 'units' | 'rules' | 'eventPhases'> {
  dataElements: Array<{ code: string; name: string; valueType: string; section: string; categoryCombo: string }>;
  units: string[];
  rules: Array<{ code: string; left: string; operator: string; right: string; message: string }>;
  eventPhases: Array<{ code: string; name: string; offsetDays: number | string; deadlineTime: string }>;
}

const blank = <T,>(list: T[], extra: number, make: () => T): T[] => [...list, ...Array.from({ length: extra }, make)];

export function DataSetEditPage(
  p: StaffNavProps & {
    form: EditorForm;
    isNew: boolean;
    combos: CategoryCombo[];
    units: Array<{ code: string; name: string; depth: number }>;
    extraRows: number;
    errors?: Array<{ field: string; message: string }>;
    message?: string;
    updatedAt?: string;
  },
) {
  const f = p.form;
  const title = p.isNew ? 'Tạo báo cáo mới' : `Sửa báo cáo ${f.code}`;
  const els = blank(f.dataElements, p.extraRows, () => ({ code: '', name: '', valueType: 'INTEGER_ZERO_OR_POSITIVE', section: '', categoryCombo: '' }));
  const rules = blank(f.rules, Math.max(1, Math.floor(p.extraRows / 2)), () => ({ code: '', left: '', operator: '<=', right: '', message: '' }));
  const phases = blank(f.eventPhases, f.periodType === 'event' ? 1 : 0, () => ({ code: '', name: '', offsetDays: 0, deadlineTime: '17:00' }));
  const chosen = new Set(f.units);
  return (
    <StaffLayout {...p} title={title} current="/can-bo/bao-cao/bieu-mau">
      <p class="crumbs">
        <a href="/can-bo/bao-cao/bieu-mau">← Biểu mẫu báo cáo</a>
      </p>
      <h1>{title}</h1>
      {p.updatedAt ? <p class="note">Sửa lần cuối {formatDateTime(p.updatedAt)}</p> : null}
      <ErrorSummary title={p.message ?? (p.errors?.length ? 'Chưa lưu được báo cáo:' : undefined)} errors={p.errors?.map((e) => e.message)} />
      <form method="post" action="/can-bo/bao-cao/bieu-mau" class="report-editor">
        <input type="hidden" name="_csrf" value={p.csrf} />
        <input type="hidden" name="isNew" value={p.isNew ? '1' : '0'} />
        <fieldset>
          <legend>Thông tin chung</legend>
          <div class="field">
            <label for="code">Mã báo cáo (chữ in hoa không dấu, số, dấu gạch dưới)</label>
            <input id="code" name="code" value={f.code} required readOnly={!p.isNew} />
          </div>
          <div class="field">
            <label for="name">Tên báo cáo</label>
            <input id="name" name="name" value={f.name} required size={60} />
          </div>
          <div class="field">
            <label for="description">Mô tả, hướng dẫn nhập</label>
            <textarea id="description" name="description" rows={2} cols={60}>
              {f.description ?? ''}
            </textarea>
          </div>
          <div class="field">
            <label for="periodType">Kỳ báo cáo</label>
            <select id="periodType" name="periodType">
              {PERIOD_TYPES.map((t) => (
                <option value={t} selected={t === f.periodType}>
                  {PERIOD_TYPE_LABEL[t]}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="deadlineDays">Hạn gửi: số ngày sau khi hết kỳ (0: ngay trong ngày cuối kỳ)</label>
            <input id="deadlineDays" name="deadlineDays" type="number" min={0} max={366} value={String(f.deadline?.daysAfter ?? 0)} />{' '}
            <label for="deadlineTime">lúc (giờ:phút)</label> <input id="deadlineTime" name="deadlineTime" value={f.deadline?.time ?? '17:00'} size={6} />
          </div>
          <div class="field">
            <label>
              <input type="checkbox" name="approvalRequired" value="1" checked={!!f.approvalRequired} /> Lãnh đạo đơn vị phải duyệt trước khi gửi
            </label>
            <label>
              <input type="checkbox" name="usesPlaces" value="1" checked={!!f.usesPlaces} /> Nhập theo từng địa điểm của đơn vị (khu cách ly…)
            </label>
          </div>
        </fieldset>

        <fieldset>
          <legend>Sự kiện (chỉ với kỳ "Theo sự kiện")</legend>
          <div class="field">
            <label for="eventDate">Ngày sự kiện</label> <input id="eventDate" name="eventDate" type="date" value={f.eventDate ?? ''} />
          </div>
          <StaffTable head={['Mã giai đoạn', 'Tên giai đoạn', 'Ngày so với sự kiện', 'Hạn (giờ:phút)']} caption="Các giai đoạn" captionClass="vh">
            {phases.map((ph, i) => (
              <tr>
                <td>
                  <input name="ph_code" value={ph.code} size={10} aria-label={`Mã giai đoạn ${i + 1}`} />
                </td>
                <td>
                  <input name="ph_name" value={ph.name} size={28} aria-label={`Tên giai đoạn ${i + 1}`} />
                </td>
                <td>
                  <input name="ph_offset" type="number" min={-60} max={60} value={String(ph.offsetDays)} aria-label={`Ngày so với sự kiện, giai đoạn ${i + 1}`} />
                </td>
                <td>
                  <input name="ph_time" value={ph.deadlineTime} size={6} aria-label={`Hạn giai đoạn ${i + 1}`} />
                </td>
              </tr>
            ))}
          </StaffTable>
        </fieldset>

        <fieldset>
          <legend>Chỉ tiêu</legend>
          <p class="note">Để trống mã để bỏ một dòng. Phân tổ: cách chia số liệu (theo tỉnh quê quán, giới tính…).</p>
          <div class="table-scroll">
            <StaffTable head={['Mã', 'Tên chỉ tiêu', 'Kiểu giá trị', 'Phần', 'Phân tổ']} caption="Chỉ tiêu" captionClass="vh">
              {els.map((e, i) => (
                <tr>
                  <td>
                    <input name="de_code" value={e.code} size={12} aria-label={`Mã chỉ tiêu ${i + 1}`} />
                  </td>
                  <td>
                    <input name="de_name" value={e.name} size={36} aria-label={`Tên chỉ tiêu ${i + 1}`} />
                  </td>
                  <td>
                    <select name="de_type" aria-label={`Kiểu giá trị, chỉ tiêu ${i + 1}`}>
                      {VALUE_TYPES.map((t) => (
                        <option value={t} selected={t === e.valueType}>
                          {VALUE_TYPE_LABEL[t]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input name="de_section" value={e.section} size={16} aria-label={`Phần, chỉ tiêu ${i + 1}`} />
                  </td>
                  <td>
                    <select name="de_combo" aria-label={`Phân tổ, chỉ tiêu ${i + 1}`}>
                      <option value="">Không phân tổ</option>
                      {p.combos.map((c) => (
                        <option value={c.code} selected={c.code === e.categoryCombo}>
                          {c.name} ({c.options.length})
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </StaffTable>
          </div>
        </fieldset>

        <fieldset>
          <legend>Quy tắc kiểm tra</legend>
          <p class="note">Biểu thức theo mã chỉ tiêu, ví dụ: DANG_CACH_LY &lt;= SO_PHONG * 4; PHONG_TRONG == SO_PHONG - PHONG_DA_DUNG.</p>
          <div class="table-scroll">
            <StaffTable head={['Mã', 'Vế trái', 'Phép so sánh', 'Vế phải', 'Thông báo khi sai']} caption="Quy tắc" captionClass="vh">
              {rules.map((r, i) => (
                <tr>
                  <td>
                    <input name="rule_code" value={r.code} size={10} aria-label={`Mã quy tắc ${i + 1}`} />
                  </td>
                  <td>
                    <input name="rule_left" value={r.left} size={22} aria-label={`Vế trái, quy tắc ${i + 1}`} />
                  </td>
                  <td>
                    <select name="rule_op" aria-label={`Phép so sánh, quy tắc ${i + 1}`}>
                      {RULE_OPERATORS.map((o) => (
                        <option value={o} selected={o === r.operator}>
                          {o}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input name="rule_right" value={r.right} size={22} aria-label={`Vế phải, quy tắc ${i + 1}`} />
                  </td>
                  <td>
                    <input name="rule_message" value={r.message} size={36} aria-label={`Thông báo, quy tắc ${i + 1}`} />
                  </td>
                </tr>
              ))}
            </StaffTable>
          </div>
        </fieldset>

        <fieldset>
          <legend>Đơn vị được giao báo cáo</legend>
          <ul class="unit-picks">
            {p.units.map((u) => (
              <li style={`margin-left:${u.depth * 1.2}rem`}>
                <label>
                  <input type="checkbox" name="units" value={u.code} checked={chosen.has(u.code)} /> {u.name} ({u.code})
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <input type="hidden" name="extraRows" value={String(p.extraRows)} />
        <p>
          <button type="submit" name="action" value="save" class="btn primary">
            Lưu báo cáo
          </button>{' '}
          <button type="submit" name="action" value="more">
            Thêm dòng
          </button>
        </p>
      </form>
    </StaffLayout>
  );
}
