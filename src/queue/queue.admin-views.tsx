/** The queue's settings page (Cài đặt hàng chờ): priority, services, counters — for the unit admin and the leader. */
import { ErrorSummary, StatusMessage } from '../shared/messages';
import { StaffLayout, type StaffNavProps } from '../shared/staff-layout';
import type { FieldProblem } from './queue.admin';
import type { Counter, PriorityCategory, QueueSettings } from './queue.types';

export interface AdminService {
  code: string;
  name: string;
  letter: string;
  fieldCodes: string[];
  defaultMinutes: number;
  active: boolean;
}

/** The form that was refused, with what was typed (shown again, with its problems). */
export interface AdminDraft {
  form: string;
  values: Record<string, unknown>;
  message: string;
  problems: FieldProblem[];
}

const CSS = `.qa-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:12px}.qa-grid form{margin:0}.qa-row label{display:block;margin-top:8px;font-weight:600}.qa-row .qa-checks label{display:inline-block;margin:2px 14px 2px 0;font-weight:400}.qa-cat td{padding:4px 8px}.qa-cat input[type=number]{width:4.5em}.qa-row input[type=text]{width:100%;max-width:28em}.qa-row .qa-cat input[type=text]{width:26em}.qa-row input.qa-short{width:5em}.qa-row input[type=time].qa-short{width:9em}.qa-off{opacity:.7}`;

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined || v === null || v === '' ? [] : [String(v)]);

export function QueueAdminPage(
  p: StaffNavProps & {
    unitCode: string;
    settings: QueueSettings;
    /** The unit's categories, then the default ones it does not use (unticked). */
    categoryRows: Array<PriorityCategory & { on: boolean }>;
    services: AdminService[];
    counters: Counter[];
    /** The catalogue's fields (lĩnh vực) of the unit, and those services already list. */
    fields: string[];
    message?: string;
    draft?: AdminDraft;
  },
) {
  const d = p.draft;
  /** A value of a form: what was typed if this form was refused, else the stored one. */
  const val = (form: string, name: string, stored: unknown): unknown => (d && d.form === form ? d.values[name] : stored);
  const str = (form: string, name: string, stored: unknown) => {
    const v = val(form, name, stored);
    return v === undefined || v === null ? '' : String(v);
  };
  const problems = (form: string) =>
    d && d.form === form ? (
      <ErrorSummary title={d.message} errors={d.problems} />
    ) : null;
  const invalid = (form: string, field: string) => (d && d.form === form && d.problems.some((x) => x.field === field || x.field.startsWith(`${field}.`)) ? 'true' : undefined);
  const csrf = <input type="hidden" name="_csrf" value={p.csrf} />;
  const activeServices = p.services.filter((s) => s.active);

  const fieldChecks = (form: string, id: string, stored: string[]) => {
    const chosen = new Set(d && d.form === form ? list(d.values.fieldCodes) : stored);
    const all = [...new Set([...p.fields, ...stored])];
    return (
      <fieldset class="qa-checks" aria-invalid={invalid(form, 'fieldCodes')}>
        <legend>Lĩnh vực tiếp nhận</legend>
        {all.map((f, i) => (
          <label for={`${id}-f${i}`}>
            <input id={`${id}-f${i}`} type="checkbox" name="fieldCodes" value={f} checked={chosen.has(f)} /> {f}
          </label>
        ))}
      </fieldset>
    );
  };
  const serviceChecks = (form: string, id: string, stored: string[]) => {
    const chosen = new Set(d && d.form === form ? list(d.values.services) : stored);
    return (
      <fieldset class="qa-checks" aria-invalid={invalid(form, 'services')}>
        <legend>Dịch vụ quầy phục vụ</legend>
        {activeServices.map((s) => (
          <label for={`${id}-${s.code}`}>
            <input id={`${id}-${s.code}`} type="checkbox" name="services" value={s.code} checked={chosen.has(s.code)} /> {s.letter} — {s.name}
          </label>
        ))}
      </fieldset>
    );
  };

  const serviceForm = (s: AdminService | undefined) => {
    const form = s ? `service:${s.code}` : 'service:new';
    const id = s ? `s-${s.code}` : 's-new';
    return (
      <form method="post" action="/can-bo/hang-cho/cai-dat/dich-vu" class={`card qa-row${s && !s.active ? ' qa-off' : ''}`} id={id}>
        {csrf}
        <h3>{s ? `${s.letter} — ${s.name}${s.active ? '' : ' (ngừng dùng)'}` : 'Thêm dịch vụ'}</h3>
        {problems(form)}
        {s ? (
          <input type="hidden" name="code" value={s.code} />
        ) : (
          <>
            <input type="hidden" name="new" value="1" />
            <label for={`${id}-code`}>Mã dịch vụ (chữ thường không dấu, ví dụ tu-phap)</label>
            <input id={`${id}-code`} type="text" name="code" value={str(form, 'code', '')} aria-invalid={invalid(form, 'code')} required />
          </>
        )}
        <label for={`${id}-name`}>Tên dịch vụ</label>
        <input id={`${id}-name`} type="text" name="name" value={str(form, 'name', s?.name ?? '')} aria-invalid={invalid(form, 'name')} required />
        <label for={`${id}-letter`}>Chữ đầu số (A–Z)</label>
        <input id={`${id}-letter`} class="qa-short" type="text" name="letter" maxLength={1} value={str(form, 'letter', s?.letter ?? '')} aria-invalid={invalid(form, 'letter')} required />
        <label for={`${id}-min`}>Thời gian phục vụ ước tính một người (phút)</label>
        <input id={`${id}-min`} class="qa-short" type="number" min={1} max={240} name="defaultMinutes" value={str(form, 'defaultMinutes', s?.defaultMinutes ?? 10)} aria-invalid={invalid(form, 'defaultMinutes')} />
        {fieldChecks(form, id, s?.fieldCodes ?? [])}
        {s ? (
          <label for={`${id}-active`} style="font-weight:400">
            <input id={`${id}-active`} type="checkbox" name="active" value="1" checked={d && d.form === form ? d.values.active === '1' : s.active} /> Đang dùng (bỏ chọn để ngừng cấp số dịch vụ này)
          </label>
        ) : null}
        <p>
          <button type="submit" class={s ? '' : 'primary'}>
            {s ? 'Lưu dịch vụ' : 'Thêm dịch vụ'}
          </button>
        </p>
      </form>
    );
  };

  const counterForm = (c: Counter | undefined) => {
    const form = c ? `counter:${c.code}` : 'counter:new';
    const id = c ? `c-${c.code}` : 'c-new';
    return (
      <form method="post" action="/can-bo/hang-cho/cai-dat/quay" class="card qa-row" id={id}>
        {csrf}
        <h3>{c ? `${c.name}${c.open ? ' (đang mở)' : ''}` : 'Thêm quầy'}</h3>
        {problems(form)}
        {c ? (
          <input type="hidden" name="code" value={c.code} />
        ) : (
          <>
            <input type="hidden" name="new" value="1" />
            <label for={`${id}-code`}>Mã quầy (ví dụ 4)</label>
            <input id={`${id}-code`} class="qa-short" type="text" name="code" value={str(form, 'code', '')} aria-invalid={invalid(form, 'code')} required />
          </>
        )}
        <label for={`${id}-name`}>Tên quầy</label>
        <input id={`${id}-name`} type="text" name="name" value={str(form, 'name', c?.name ?? '')} aria-invalid={invalid(form, 'name')} placeholder="Quầy 4" />
        {serviceChecks(form, id, c?.services ?? [])}
        <p>
          <button type="submit" class={c ? '' : 'primary'}>
            {c ? 'Lưu quầy' : 'Thêm quầy'}
          </button>
        </p>
      </form>
    );
  };

  const rule = str('settings', 'priorityRule', p.settings.priorityRule);
  const rows = d && d.form === 'settings' ? categoryRowsOf(d.values) : [...p.categoryRows, { code: '', label: '', on: true }, { code: '', label: '', on: true }].map((c, i) => ({ ...c, order: String(i + 1) }));
  return (
    <StaffLayout {...p} title="Cài đặt hàng chờ" head={<style>{CSS}</style>}>
      <h1>Cài đặt hàng chờ</h1>
      <p>
        Dịch vụ (nhóm lĩnh vực) người dân chọn khi lấy số, các quầy phục vụ chúng, đối tượng ưu tiên và quy tắc gọi số ưu tiên. Thay đổi áp dụng cho các số lấy sau khi lưu: số
        đã lấy giữ nguyên chữ cái, dịch vụ và đối tượng ưu tiên.
      </p>
      <p>
        <a href="/can-bo/hang-cho">Gọi số tại quầy</a> · <a href={`/dv/${p.unitCode}/lay-so`}>Máy lấy số</a> · <a href={`/dv/${p.unitCode}/hang-cho/man-hinh`}>Màn hình gọi số</a> ·{' '}
        <a href="/can-bo/lich-hen/buoi">Buổi nhận lịch hẹn</a>
      </p>
      <StatusMessage>{p.message}</StatusMessage>
      {d ? <ErrorSummary message={d.message} /> : null}

      <section class="card" id="uu-tien" aria-labelledby="uu-tien-h">
        <h2 id="uu-tien-h">Ưu tiên và giờ cấp số</h2>
        <form method="post" action="/can-bo/hang-cho/cai-dat/uu-tien" class="qa-row">
          {csrf}
          {problems('settings')}
          <fieldset aria-invalid={invalid('settings', 'priorityRule')}>
            <legend>Quy tắc gọi số ưu tiên (Điều 22 Nghị định 61/2018/NĐ-CP)</legend>
            <label for="qa-strict" style="font-weight:400">
              <input id="qa-strict" type="radio" name="priorityRule" value="strict" checked={rule === 'strict'} /> Số ưu tiên luôn được gọi trước số thường
            </label>
            <label for="qa-every" style="font-weight:400">
              <input id="qa-every" type="radio" name="priorityRule" value="every" checked={rule === 'every'} /> Một số ưu tiên sau mỗi N số thường (tránh để người đến trước chờ quá lâu)
            </label>
            <label for="qa-n">N (số thường giữa hai số ưu tiên, từ 1 đến 20)</label>
            <input id="qa-n" class="qa-short" type="number" min={1} max={20} name="priorityEvery" value={str('settings', 'priorityEvery', p.settings.priorityEvery)} aria-invalid={invalid('settings', 'priorityEvery')} />
          </fieldset>
          <label for="qa-closing">Giờ ngừng cấp số (các số còn chờ hết hiệu lực lúc này)</label>
          <input id="qa-closing" class="qa-short" type="time" name="closingTime" value={str('settings', 'closingTime', p.settings.closingTime)} aria-invalid={invalid('settings', 'closingTime')} />
          <h3>Đối tượng ưu tiên</h3>
          <p>Máy lấy số liệt kê theo thứ tự dưới đây. Bỏ chọn "Dùng" để ẩn một đối tượng; thêm đối tượng mới ở các dòng trống.</p>
          <table class="qa-cat">
            <thead>
              <tr>
                <th scope="col">Thứ tự</th>
                <th scope="col">Đối tượng ưu tiên</th>
                <th scope="col">Dùng</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c, i) => (
                <tr>
                  <td>
                    <input type="number" min={1} max={99} name={`cat_order_${i}`} value={c.order} aria-label={`Thứ tự dòng ${i + 1}`} />
                  </td>
                  <td>
                    <input type="hidden" name={`cat_code_${i}`} value={c.code} />
                    <input type="text" name={`cat_label_${i}`} value={c.label} aria-label={c.label ? `Tên đối tượng: ${c.label}` : `Đối tượng mới (dòng ${i + 1})`} aria-invalid={invalid('settings', `categories.${i}`)} />
                  </td>
                  <td>
                    <input type="checkbox" name={`cat_on_${i}`} value="1" checked={c.on} aria-label={`Dùng ${c.label || `dòng ${i + 1}`}`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <input type="hidden" name="cat_rows" value={String(rows.length)} />
          <p>
            <button type="submit" class="primary">
              Lưu cài đặt ưu tiên
            </button>
          </p>
        </form>
      </section>

      <section id="dich-vu" aria-labelledby="dich-vu-h">
        <h2 id="dich-vu-h">Dịch vụ</h2>
        <div class="qa-grid">
          {p.services.map((s) => serviceForm(s))}
          {serviceForm(undefined)}
        </div>
      </section>

      <section id="quay" aria-labelledby="quay-h">
        <h2 id="quay-h">Quầy</h2>
        <p>Quầy đang mở phục vụ ngay các dịch vụ mới chọn; cán bộ tại quầy vẫn có thể đổi khi mở quầy.</p>
        <div class="qa-grid">
          {p.counters.map((c) => counterForm(c))}
          {counterForm(undefined)}
        </div>
      </section>
    </StaffLayout>
  );
}

/** The category rows as they were posted (a refused form shows them again). */
export function categoryRowsOf(form: Record<string, unknown>): Array<{ code: string; label: string; on: boolean; order: string }> {
  const n = Math.min(30, Math.max(0, Number(form.cat_rows) || 0));
  const rows: Array<{ code: string; label: string; on: boolean; order: string }> = [];
  for (let i = 0; i < n; i++) {
    const s = (k: string) => (typeof form[`${k}_${i}`] === 'string' ? (form[`${k}_${i}`] as string) : '');
    rows.push({ code: s('cat_code'), label: s('cat_label'), on: s('cat_on') === '1', order: s('cat_order') || String(i + 1) });
  }
  return rows;
}
