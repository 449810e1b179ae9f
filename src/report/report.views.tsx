import { assetUrl } from '../shared/assets';
import { StaffLayout, type StaffNavProps } from '../shared/staff-layout';
import { PERIOD_TYPE_LABEL, VALUE_TYPE_LABEL, type CategoryCombo, type Completion, type DataElement, type DataSet, type Place, type ValueAudit } from './report.types';
import type { RegisterEntry } from './report.register';
import { ErrorSummary, StatusMessage } from '../shared/messages';

type Problems = Array<{ field: string; message: string }>;
const dmy = (d: string) => d.slice(0, 10).split('-').reverse().join('/');
/** An instant in Hà Nội, "17:00 ngày 03/12/2026". */
export function vnTime(iso: string): string {
  const t = new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString();
  return `${t.slice(11, 16)} ngày ${dmy(t)}`;
}

export function statusText(ds: DataSet, c: Completion | undefined, reported: boolean): string {
  if (c?.approvedAt) return 'Đã phê duyệt';
  if (c?.completedAt) return ds.approvalRequired ? 'Đã hoàn thành, chờ lãnh đạo phê duyệt' : 'Đã hoàn thành';
  if (c?.reopenedAt) return 'Cấp trên đã mở lại để sửa';
  return reported ? 'Đang nhập' : 'Chưa nhập';
}

function Errors({ errors, title }: { errors?: Problems; title: string }) {
  return <ErrorSummary title={title} errors={errors} />;
}

export interface ReportListItem {
  ds: DataSet;
  period: string;
  periodLabel: string;
  deadline: string;
  status: string;
}

export function ReportListPage(p: StaffNavProps & { enter: ReportListItem[]; supervise: Array<{ ds: DataSet; manage: boolean }> }) {
  return (
    <StaffLayout {...p} title="Báo cáo định kỳ">
      <h1>Báo cáo định kỳ</h1>
      {p.enter.length ? (
        <>
          <h2>Báo cáo đơn vị phải nhập</h2>
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Báo cáo</th>
                  <th scope="col">Kỳ hiện tại</th>
                  <th scope="col">Hạn nộp</th>
                  <th scope="col">Tình trạng</th>
                </tr>
              </thead>
              <tbody>
                {p.enter.map((i) => (
                  <tr>
                    <td>
                      <a href={`/can-bo/bao-cao/${i.ds.code}?ky=${i.period}`}>{i.ds.name}</a>
                      <br />
                      <small>{PERIOD_TYPE_LABEL[i.ds.periodType]}</small>
                    </td>
                    <td>{i.periodLabel}</td>
                    <td>{i.deadline}</td>
                    <td>{i.status}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p>Đơn vị chưa được giao báo cáo nào.</p>
      )}
      {p.supervise.length ? (
        <>
          <h2>Báo cáo của các đơn vị cấp dưới</h2>
          <ul>
            {p.supervise.map((s) => (
              <li>
                {s.ds.name} ({s.ds.code}, {PERIOD_TYPE_LABEL[s.ds.periodType].toLowerCase()}) — {s.ds.units.length} đơn vị{s.ds.closed ? ' — đã đóng' : ''}
                {s.ds.units.map((u) => (
                  <>
                    {' '}
                    · <a href={`/can-bo/bao-cao/${s.ds.code}?don-vi=${u}`}>{u}</a>
                  </>
                ))}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </StaffLayout>
  );
}

export interface EntryModel {
  ds: DataSet;
  unit: { code: string; name: string };
  period: string;
  periodLabel: string;
  periods: Array<{ code: string; label: string }>;
  previousLabel?: string;
  deadline: string;
  completion?: Completion;
  status: string;
  combos: Map<string, CategoryCombo>;
  places: Place[];
  /** By `placeId:element:coc`. */
  values: Map<string, string>;
  previous: Map<string, string>;
  history: ValueAudit[];
  /** The form's values as posted, when it came back with errors. */
  posted?: Record<string, string>;
  errors?: Problems;
  warnings?: string[];
  message?: string;
  canEnter: boolean;
  /** Why the form is read only for this official (a unit below, a period not open yet, a role that does not enter). */
  readOnly?: { text: string; excelHref?: string };
  canApprove: boolean;
  canReopen: boolean;
}

function ValueInput(p: { el: DataElement; name: string; id: string; value: string; disabled: boolean; invalid: boolean; label: string }) {
  const common = { id: p.id, name: p.name, disabled: p.disabled, 'aria-invalid': p.invalid ? ('true' as const) : undefined, 'data-save': '' };
  switch (p.el.valueType) {
    case 'BOOLEAN':
      return (
        <select {...common}>
          <option value="">—</option>
          <option value="true" selected={p.value === 'true'}>
            Có
          </option>
          <option value="false" selected={p.value === 'false'}>
            Không
          </option>
        </select>
      );
    case 'DATE':
      return <input type="date" value={p.value} {...common} />;
    case 'TEXT':
      return (
        <textarea rows={2} {...common}>
          {p.value}
        </textarea>
      );
    case 'INTEGER_ZERO_OR_POSITIVE':
      return <input type="text" inputmode="numeric" pattern="[0-9 .]*" size={8} value={p.value} {...common} />;
    default:
      return <input type="text" inputmode="decimal" size={8} value={p.value} {...common} />;
  }
}

function Cell(p: { m: EntryModel; el: DataElement; placeId: string; coc: string; label: string; locked: boolean }) {
  const key = `${p.placeId}:${p.el.code}:${p.coc}`;
  const name = `v:${key}`;
  const id = `v-${p.placeId || 'dv'}-${p.el.code}-${p.coc || 'x'}`.replace(/[^A-Za-z0-9_-]/g, '');
  const err = p.m.errors?.find((e) => e.field === key);
  const value = p.m.posted?.[name] ?? p.m.values.get(key) ?? '';
  const prev = p.m.previous.get(key);
  return (
    <div class={`field${err ? ' has-error' : ''}`}>
      <label for={id}>{p.label}</label>
      {err ? <p class="err">{err.message}</p> : null}
      <ValueInput el={p.el} name={name} id={id} value={value} disabled={p.locked} invalid={Boolean(err)} label={p.label} />
      <span class="hint">
        {prev !== undefined ? `Kỳ trước: ${p.el.valueType === 'BOOLEAN' ? (prev === 'true' ? 'Có' : 'Không') : prev}` : p.m.previousLabel ? 'Kỳ trước: chưa có' : ''}
      </span>{' '}
      <span class="hint" data-status aria-live="polite"></span>
    </div>
  );
}

function Row(p: { m: EntryModel; placeId: string; locked: boolean }) {
  const { ds } = p.m;
  const sections = ds.sections.length ? ds.sections : [''];
  const orphan = ds.dataElements.filter((e) => !sections.includes(e.section));
  return (
    <>
      {sections.map((s, si) => {
        const els = [...ds.dataElements.filter((e) => e.section === s), ...(si === sections.length - 1 ? orphan : [])];
        if (!els.length) return null;
        return (
          <>
            {s ? <h3>{s}</h3> : null}
            {els.map((el) => {
              const combo = el.categoryCombo ? p.m.combos.get(el.categoryCombo) : undefined;
              if (!combo) return <Cell m={p.m} el={el} placeId={p.placeId} coc="" label={el.name} locked={p.locked} />;
              const filled = combo.options.filter((o) => p.m.values.has(`${p.placeId}:${el.code}:${o.code}`) || p.m.previous.has(`${p.placeId}:${el.code}:${o.code}`)).length;
              const many = combo.options.length > 6;
              const cells = combo.options.map((o) => <Cell m={p.m} el={el} placeId={p.placeId} coc={o.code} label={`${el.name} — ${o.name}`} locked={p.locked} />);
              return (
                <fieldset>
                  <legend>
                    {el.name} ({combo.name.toLowerCase()})
                  </legend>
                  {many ? (
                    <details open={filled > 0 || Boolean(p.m.errors?.length)}>
                      <summary>{`${combo.options.length} mục${filled ? `, ${filled} mục đã có số` : ''}`}</summary>
                      {cells}
                    </details>
                  ) : (
                    cells
                  )}
                </fieldset>
              );
            })}
          </>
        );
      })}
    </>
  );
}

/** How a value came in (report_value_audit.source). */
const SOURCE_LABEL: Record<string, string> = { form: 'Biểu nhập', api: 'Tệp Excel / API', register: 'Tính từ danh sách', prefill: 'Lấy từ hồ sơ', behalf: 'Cấp trên nhập thay' };

export function EntryPage(p: StaffNavProps & { m: EntryModel }) {
  const m = p.m;
  const q = `ky=${m.period}&don-vi=${m.unit.code}`;
  const base = `/can-bo/bao-cao/${m.ds.code}`;
  const locked = !m.canEnter || Boolean(m.completion?.completedAt) || m.ds.closed;
  const rows = m.ds.usesPlaces ? m.places.filter((x) => x.unitCode === m.unit.code && x.active) : undefined;
  return (
    <StaffLayout {...p} title={m.ds.name} head={<script src={assetUrl('report-entry.js')} defer></script>}>
      <p class="crumbs">
        <a href="/can-bo/bao-cao">Báo cáo định kỳ</a>
      </p>
      <h1>{m.ds.name}</h1>
      <p>
        {m.unit.name} — <strong>{m.periodLabel}</strong> — hạn nộp {m.deadline}. Tình trạng: <strong>{m.status}</strong>
        {m.completion?.reopenedAt && !m.completion.completedAt ? ` (mở lại lúc ${vnTime(m.completion.reopenedAt)} bởi ${m.completion.reopenedBy}: ${m.completion.reopenReason})` : ''}
      </p>
      <form method="get" action={base} class="period-form">
        <input type="hidden" name="don-vi" value={m.unit.code} />
        <label for="ky">Kỳ báo cáo</label>{' '}
        <select id="ky" name="ky">
          {m.periods.map((x) => (
            <option value={x.code} selected={x.code === m.period}>
              {x.label}
            </option>
          ))}
        </select>{' '}
        <button type="submit" class="btn">
          Xem
        </button>
      </form>
      <StatusMessage>{m.message}</StatusMessage>
      {m.readOnly ? (
        <p class="note">
          {m.readOnly.text}
          {m.readOnly.excelHref ? (
            <>
              {' '}
              <a href={m.readOnly.excelHref}>Nhập thay bằng Excel</a>
            </>
          ) : null}
        </p>
      ) : null}
      <Errors errors={m.errors} title="Chưa lưu được — hãy sửa các ô sau:" />
      <ErrorSummary title="Số liệu chưa thỏa quy tắc kiểm tra (đã lưu, nhưng chưa thể đánh dấu hoàn thành):" errors={m.warnings} />
      {m.ds.register.kind && m.canEnter ? (
        <div>
          <a href={`${base}/danh-sach`}>{m.ds.register.kind === 'quarantine' ? 'Danh sách người cách ly' : 'Danh sách lao động trở về'}</a>
          {!locked ? (
            <form method="post" action={`${base}/tinh-tu-danh-sach?${q}`} class="inline-form">
              <input type="hidden" name="_csrf" value={p.csrf} />{' '}
              <button type="submit" class="btn">
                Tính số người từ danh sách
              </button>
            </form>
          ) : null}
        </div>
      ) : null}
      {m.ds.prefill === 'indicators' && !locked ? (
        <form method="post" action={`${base}/lay-so-lieu?${q}`}>
          <input type="hidden" name="_csrf" value={p.csrf} />
          <button type="submit" class="btn">
            Lấy số liệu từ hồ sơ trên hệ thống
          </button>
        </form>
      ) : null}
      <form method="post" action={`${base}?${q}`} data-autosave={`${base}/o?${q}`} novalidate>
        <input type="hidden" name="_csrf" value={p.csrf} />
        {rows ? (
          rows.length ? (
            rows.map((r) => (
              <fieldset>
                <legend>
                  <h2>{r.name}</h2>
                </legend>
                {r.address ? <p class="hint">{r.address}</p> : null}
                <Row m={m} placeId={r.id} locked={locked} />
              </fieldset>
            ))
          ) : (
            <p>Đơn vị chưa có địa điểm nào: thêm địa điểm ở cuối trang.</p>
          )
        ) : (
          <Row m={m} placeId="" locked={locked} />
        )}
        {!locked ? (
          <p class="actions">
            <button type="submit" class="btn">
              Lưu số liệu
            </button>
          </p>
        ) : null}
      </form>
      {m.canEnter && !m.completion?.completedAt && !m.ds.closed ? (
        <form method="post" action={`${base}/hoan-thanh?${q}`}>
          <input type="hidden" name="_csrf" value={p.csrf} />
          <button type="submit" class="btn">
            Đánh dấu hoàn thành
          </button>
        </form>
      ) : null}
      {m.canApprove ? (
        <form method="post" action={`${base}/phe-duyet?${q}`}>
          <input type="hidden" name="_csrf" value={p.csrf} />
          <button type="submit" class="btn">
            Phê duyệt báo cáo
          </button>
        </form>
      ) : null}
      {m.canReopen ? (
        <form method="post" action={`${base}/mo-lai?${q}`}>
          <input type="hidden" name="_csrf" value={p.csrf} />
          <div class="field">
            <label for="reason">Lý do mở lại để đơn vị sửa</label>
            <textarea id="reason" name="reason" rows={2} required minlength={5}></textarea>
          </div>
          <button type="submit" class="btn">
            Mở lại báo cáo
          </button>
        </form>
      ) : null}
      {m.ds.usesPlaces && m.canEnter ? (
        <details>
          <summary>Thêm địa điểm</summary>
          <form method="post" action={`${base}/dia-diem?${q}`}>
            <input type="hidden" name="_csrf" value={p.csrf} />
            <div class="field">
              <label for="place-code">Mã địa điểm (chữ in hoa, số, gạch dưới)</label>
              <input id="place-code" name="code" required pattern="[A-Z][A-Z0-9_]*" />
            </div>
            <div class="field">
              <label for="place-name">Tên địa điểm</label>
              <input id="place-name" name="name" required />
            </div>
            <div class="field">
              <label for="place-address">Địa chỉ</label>
              <input id="place-address" name="address" />
            </div>
            <button type="submit" class="btn">
              Thêm
            </button>
          </form>
        </details>
      ) : null}
      {m.history.length ? (
        <>
          <h2>Lịch sử thay đổi</h2>
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Thời điểm</th>
                  <th scope="col">Người sửa</th>
                  <th scope="col">Chỉ tiêu</th>
                  <th scope="col">Cũ → mới</th>
                  <th scope="col">Cách nhập</th>
                </tr>
              </thead>
              <tbody>
                {m.history.slice(0, 50).map((h) => (
                  <tr>
                    <td>{vnTime(h.at)}</td>
                    <td>{h.by}</td>
                    <td>
                      {m.ds.dataElements.find((e) => e.code === h.dataElement)?.name ?? h.dataElement}
                      {h.coc ? ` — ${h.coc}` : ''}
                      {h.placeId ? ` (${m.places.find((x) => x.id === h.placeId)?.name ?? ''})` : ''}
                    </td>
                    <td>
                      {h.oldValue ?? '(trống)'} → {h.newValue ?? '(xóa)'}
                    </td>
                    <td>{SOURCE_LABEL[h.source] ?? h.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      <p class="hint">Kiểu giá trị: {[...new Set(m.ds.dataElements.map((e) => VALUE_TYPE_LABEL[e.valueType]))].join(', ')}.</p>
    </StaffLayout>
  );
}

export function RegisterPage(
  p: StaffNavProps & { ds: DataSet; unitName: string; entries: RegisterEntry[]; places: Place[]; provinces: Array<{ code: string; name: string }>; today: string; values?: Record<string, string>; errors?: Problems; message?: string },
) {
  const base = `/can-bo/bao-cao/${p.ds.code}/danh-sach`;
  const v = p.values ?? {};
  const title = p.ds.register.kind === 'quarantine' ? 'Danh sách người cách ly' : 'Danh sách lao động trở về';
  const present = p.entries.filter((e) => !e.leftOn);
  const days = (e: RegisterEntry) => Math.round((Date.parse(p.today) - Date.parse(e.arrivedOn)) / 86_400_000) + 1;
  return (
    <StaffLayout {...p} title={title}>
      <p class="crumbs">
        <a href="/can-bo/bao-cao">Báo cáo định kỳ</a> › <a href={`/can-bo/bao-cao/${p.ds.code}`}>{p.ds.name}</a>
      </p>
      <h1>{title}</h1>
      <p>
        {p.unitName}: {present.length} người đang có mặt. Danh sách chỉ cán bộ của đơn vị xem được; cấp trên chỉ nhận số liệu tổng hợp.
      </p>
      <StatusMessage>{p.message}</StatusMessage>
      <Errors errors={p.errors} title="Chưa thêm được:" />
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Họ tên</th>
              <th scope="col">Giới tính</th>
              {p.ds.register.kind === 'workers' ? <th scope="col">Quê quán</th> : <th scope="col">Khu</th>}
              <th scope="col">Ngày đến</th>
              <th scope="col">Số ngày</th>
              <th scope="col">Rời đi</th>
            </tr>
          </thead>
          <tbody>
            {p.entries.map((e) => (
              <tr>
                <td>{e.fullName}</td>
                <td>{e.sex === 'NU' ? 'Nữ' : 'Nam'}</td>
                {p.ds.register.kind === 'workers' ? <td>{p.provinces.find((x) => x.code === e.homeProvince)?.name ?? ''}</td> : <td>{p.places.find((x) => x.id === e.placeId)?.name ?? ''}</td>}
                <td>{dmy(e.arrivedOn)}</td>
                <td>{e.leftOn ? '' : days(e)}</td>
                <td>
                  {e.leftOn ? (
                    dmy(e.leftOn)
                  ) : (
                    <form method="post" action={`${base}/${e.id}/roi-di`} class="inline-form">
                      <input type="hidden" name="_csrf" value={p.csrf} />
                      <label class="vh" for={`left-${e.id}`}>
                        Ngày rời đi của {e.fullName}
                      </label>
                      <input type="date" id={`left-${e.id}`} name="leftOn" value={p.today} required />{' '}
                      <button type="submit" class="btn">
                        Ghi rời đi
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Thêm người</h2>
      <form method="post" action={base}>
        <input type="hidden" name="_csrf" value={p.csrf} />
        <div class="field">
          <label for="fullName">Họ tên</label>
          <input id="fullName" name="fullName" value={v.fullName ?? ''} required />
        </div>
        <fieldset>
          <legend>Giới tính</legend>
          <label>
            <input type="radio" name="sex" value="NAM" checked={v.sex !== 'NU'} /> Nam
          </label>{' '}
          <label>
            <input type="radio" name="sex" value="NU" checked={v.sex === 'NU'} /> Nữ
          </label>
        </fieldset>
        <div class="field">
          <label for="birthYear">Năm sinh</label>
          <input id="birthYear" name="birthYear" inputmode="numeric" size={6} value={v.birthYear ?? ''} />
        </div>
        <div class="field">
          <label for="homeProvince">Tỉnh, thành phố quê quán</label>
          <select id="homeProvince" name="homeProvince">
            <option value="">—</option>
            {p.provinces.map((x) => (
              <option value={x.code} selected={v.homeProvince === x.code}>
                {x.name}
              </option>
            ))}
          </select>
        </div>
        {p.ds.usesPlaces ? (
          <div class="field">
            <label for="placeId">Khu</label>
            <select id="placeId" name="placeId">
              <option value="">—</option>
              {p.places.map((x) => (
                <option value={x.id} selected={v.placeId === x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div class="field">
          <label for="arrivedOn">Ngày đến</label>
          <input id="arrivedOn" name="arrivedOn" type="date" value={v.arrivedOn ?? p.today} required />
        </div>
        <div class="field">
          <label for="note">Ghi chú</label>
          <input id="note" name="note" value={v.note ?? ''} />
        </div>
        <button type="submit" class="btn">
          Thêm vào danh sách
        </button>
      </form>
    </StaffLayout>
  );
}
