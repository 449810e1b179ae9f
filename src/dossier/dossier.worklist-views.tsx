import type { ComponentChildren } from 'preact';
import type { Unit } from '../unit';
import { formatDateTime, formatWorking } from '../shared/format';
import { formatPhone } from '../shared/phone';
import { StaffLayout, type StaffNavProps } from '../shared/staff-layout';
import { CHANNEL_NAME, DOSSIER_CHANNELS, STATUS_LABEL, type DossierStatus } from './dossier.types';
import { WORKLIST_TAB_LABEL, WORKLIST_TABS, type WorkItem, type WorklistTab } from './dossier.workflow';
import { StaffTable } from '../shared/staff-table';
import { StatusMessage } from '../shared/messages';

/** The workspace's lists: the worklist, reception at the counter and the tracking book (form 06). */

function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

// ---------------------------------------------------------------------------------------------
// Worklist

export interface WorklistPageProps extends StaffNavProps {
  tab: WorklistTab;
  counts: Record<WorklistTab, number>;
  /** Tabs whose count stopped counting: they hold more than it says. */
  countsOver: WorklistTab[];
  items: WorkItem[];
  total: number;
  /** The total is a floor ("hơn 10.000"). */
  totalOver: boolean;
  query: Record<string, string>;
  fields: string[];
  procedures: Array<{ code: string; name: string }>;
  specialists: Array<{ username: string; fullName: string }>;
  units: Unit[];
  canBulkAssign: boolean;
  page: number;
  pageSize: number;
  message?: string;
  bulkKey: string;
  /** Shown under the title (the official's targets); kept small so the list stays above the fold. */
  aside?: ComponentChildren;
}

/** 28048 → "28.048"; a count that stopped counting → "hơn 10.000". */
const countText = (n: number, over: boolean) => `${over ? 'hơn ' : ''}${n.toLocaleString('vi-VN')}`;

export function WorklistPage(p: WorklistPageProps) {
  const qs = (over: Record<string, string | undefined>) => {
    const u = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...p.query, ...over })) if (v) u.set(k, v);
    const s = u.toString();
    return s ? `/can-bo?${s}` : '/can-bo';
  };
  const searching = !!p.query.q;
  return (
    <StaffLayout {...p} title="Danh sách hồ sơ" current="/can-bo">
      <h1>Danh sách hồ sơ</h1>
      {p.aside ?? null}
      <StatusMessage>{p.message}</StatusMessage>
      <nav aria-label="Nhóm hồ sơ" class="tabs">
        <ul>
          {WORKLIST_TABS.map((t) => (
            <li>
              <a href={qs({ tab: t, page: undefined, q: undefined })} aria-current={!searching && t === p.tab ? 'page' : undefined} class={t === 'overdue' && p.counts.overdue > 0 ? 'warn' : undefined}>
                {WORKLIST_TAB_LABEL[t]} <span class="count">({countText(p.counts[t], p.countsOver.includes(t))})</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action="/can-bo" class="card filters" role="search">
        <input type="hidden" name="tab" value={p.tab} />
        <div class="row">
          <span>
            <label for="f-q">Tìm theo mã hồ sơ, tên hoặc số điện thoại</label>
            <input id="f-q" name="q" type="search" value={p.query.q ?? ''} />
          </span>
          {p.units.length > 1 ? (
            <span>
              <label for="f-unit">Đơn vị</label>
              <select id="f-unit" name="unit">
                <option value="">Tất cả đơn vị cấp dưới</option>
                {p.units.map((u) => (
                  <option value={u.code} selected={p.query.unit === u.code}>
                    {u.name}
                  </option>
                ))}
              </select>
            </span>
          ) : null}
          <span>
            <label for="f-field">Lĩnh vực</label>
            <select id="f-field" name="field">
              <option value="">Tất cả</option>
              {p.fields.map((f) => (
                <option value={f} selected={p.query.field === f}>
                  {f}
                </option>
              ))}
            </select>
          </span>
          <span>
            <label for="f-proc">Thủ tục</label>
            <select id="f-proc" name="procedure">
              <option value="">Tất cả</option>
              {p.procedures.map((x) => (
                <option value={x.code} selected={p.query.procedure === x.code}>
                  {x.name}
                </option>
              ))}
            </select>
          </span>
          <span>
            <label for="f-status">Tình trạng</label>
            <select id="f-status" name="status">
              <option value="">Tất cả</option>
              {(Object.keys(STATUS_LABEL) as DossierStatus[])
                .filter((s) => s !== 'draft')
                .map((s) => (
                  <option value={s} selected={p.query.status === s}>
                    {STATUS_LABEL[s]}
                  </option>
                ))}
            </select>
          </span>
          <span>
            <label for="f-channel">Kênh nộp</label>
            <select id="f-channel" name="channel">
              <option value="">Tất cả</option>
              {DOSSIER_CHANNELS.map((c) => (
                <option value={c} selected={p.query.channel === c}>
                  {CHANNEL_NAME[c]}
                </option>
              ))}
            </select>
          </span>
          <span class="filter-go">
            <button type="submit" class="primary">
              Lọc
            </button>{' '}
            <a href={`/can-bo?tab=${p.tab}`}>Bỏ lọc</a>
          </span>
        </div>
      </form>
      <form method="post" action="/can-bo/phan-cong">
        <Csrf token={p.csrf} />
        <input type="hidden" name="idempotencyKey" value={p.bulkKey} />
        <StaffTable class="worklist" caption={<>{searching ? `Kết quả tìm "${p.query.q}"` : WORKLIST_TAB_LABEL[p.tab]}: {countText(p.total, p.totalOver)} hồ sơ</>} head={[p.canBulkAssign ? <span class="vh">Chọn</span> : null, 'Mã hồ sơ', 'Thủ tục', 'Người nộp', 'Tình trạng', 'Bước, người xử lý', 'Hẹn trả', 'Còn lại']}>
          {p.items.map((d) => (
            <tr class={d.flag ? `flag-${d.flag}` : undefined}>
              {p.canBulkAssign ? (
                <td>
                  <input type="checkbox" name="codes" value={d.code ?? ''} id={`c-${d.code}`} aria-label={`Chọn hồ sơ ${d.code}`} />
                </td>
              ) : null}
              <td>
                <a href={`/can-bo/ho-so/${d.code}`}>{d.code}</a>
                <span class="note"> {CHANNEL_NAME[d.channel]}</span>
                {d.demo ? <span class="badge demo"> Dữ liệu mẫu</span> : null}
              </td>
              <td>{d.procedureName}</td>
              <td>
                {d.applicant.fullName}
                <br />
                <span class="note">{formatPhone(d.applicant.phone)}</span>
              </td>
              <td>{STATUS_LABEL[d.status]}</td>
              <td>
                {d.stepName ?? '—'}
                {d.assigneeName ? <span class="note"> — {d.assigneeName}</span> : null}
                {d.flag === 'overdue' ? <strong class="badge late"> Bước quá hạn</strong> : d.flag === 'near' ? <strong class="badge near"> Bước sắp đến hạn</strong> : null}
              </td>
              <td>{d.dueAt ? formatDateTime(d.dueAt) : '—'}</td>
              <td class={d.leftMs !== null && d.leftMs < 0 ? 'late' : undefined}>{formatWorking(d.leftMs)}</td>
            </tr>
          ))}
        </StaffTable>
        {p.items.length === 0 ? <p>Không có hồ sơ nào.</p> : null}
        {p.canBulkAssign && p.items.length > 0 ? (
          <fieldset class="card">
            <legend>Phân công các hồ sơ đã chọn</legend>
            <label for="bulk-assignee">Chuyên viên</label>
            <select id="bulk-assignee" name="assignee" required>
              {p.specialists.map((s) => (
                <option value={s.username}>{s.fullName}</option>
              ))}
            </select>{' '}
            <button type="submit" class="primary">
              Phân công
            </button>
          </fieldset>
        ) : null}
      </form>
      {p.total > p.pageSize ? (
        <nav aria-label="Trang" class="pager">
          {p.page > 1 ? <a href={qs({ page: String(p.page - 1) })}>← Trang trước</a> : null} <span>Trang {p.page}</span>{' '}
          {p.page * p.pageSize < p.total || p.totalOver ? <a href={qs({ page: String(p.page + 1) })}>Trang sau →</a> : null}
        </nav>
      ) : null}
    </StaffLayout>
  );
}

// ---------------------------------------------------------------------------------------------
// Counter reception (choose the procedure)

export function ReceptionPage(p: StaffNavProps & { procedures: Array<{ code: string; name: string }> }) {
  return (
    <StaffLayout {...p} title="Tiếp nhận tại quầy" current="/can-bo/tiep-nhan-tai-quay">
      <h1>Tiếp nhận hồ sơ tại quầy</h1>
      <section class="card">
        <form method="get" action="/can-bo/tiep-nhan">
          <label for="k-proc">Thủ tục</label>
          <select id="k-proc" name="thu_tuc">
            {p.procedures.map((x) => (
              <option value={x.code}>
                {x.name} ({x.code})
              </option>
            ))}
          </select>{' '}
          <button type="submit" class="primary">
            Mở biểu mẫu tiếp nhận
          </button>
        </form>
        <p>
          <a href="/can-bo/phieu-dich-vu-cong">In Phiếu dịch vụ công cho người dân</a>
        </p>
      </section>
    </StaffLayout>
  );
}

// ---------------------------------------------------------------------------------------------
// Tracking book

export function TrackingBookPage(p: StaffNavProps & { from: string; to: string; units: Unit[]; selectedUnit?: string }) {
  const q = (fmt: string) => `/can-bo/so-theo-doi.${fmt}?tu=${p.from}&den=${p.to}${p.selectedUnit ? `&unit=${p.selectedUnit}` : ''}`;
  return (
    <StaffLayout {...p} title="Sổ theo dõi hồ sơ" current="/can-bo/so-theo-doi">
      <h1>Sổ theo dõi hồ sơ</h1>
      <form method="get" action="/can-bo/so-theo-doi" class="card">
        <div class="field">
          <label for="b-from">Từ ngày</label>
          <input id="b-from" name="tu" type="date" value={p.from} required />
        </div>
        <div class="field">
          <label for="b-to">Đến ngày</label>
          <input id="b-to" name="den" type="date" value={p.to} required />
        </div>
        {p.units.length > 1 ? (
          <div class="field">
            <label for="b-unit">Đơn vị</label>
            <select id="b-unit" name="unit">
              {p.units.map((u) => (
                <option value={u.code} selected={p.selectedUnit === u.code}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <p>
          <button type="submit">Chọn kỳ</button>
        </p>
      </form>
      <p>
        <a class="btn primary" href={q('pdf')}>
          Tải sổ (PDF)
        </a>{' '}
        <a class="btn" href={q('xlsx')}>
          Tải sổ (Excel)
        </a>
      </p>
    </StaffLayout>
  );
}

