import { ErrorSummary, StatusMessage } from '../shared/messages';
import { StaffLayout, type StaffNavProps } from '../shared/staff-layout';
import { formatDateTime } from '../shared/format';
import { OCR_STATUS_LABEL, type ArchivePage, type ArchiveRecord } from './archive.service';

type Problems = Array<{ field: string; message: string }>;
const dmy = (d: string) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? d.split('-').reverse().join('/') : d);
const FIELD_IDS = new Set(['register', 'number', 'date', 'names', 'citizenPhone', 'trang']);

/** Every problem, each linked to its field when it has one on the page. */
const Errors = ({ errors, title }: { errors?: Problems; title: string }) => <ErrorSummary title={title} errors={(errors ?? []).map((e) => ({ message: e.message, href: FIELD_IDS.has(e.field) ? `#${e.field}` : undefined }))} />;

/** Back-scanning: the bulk upload form, the search (without diacritics) and the entries found. */
/** "Trang 2/200 của so-1998.pdf", or the image's name. */
const sourceOf = (r: ArchiveRecord) => (r.source ? (r.source.page ? `Trang ${r.source.page}/${r.source.pages} của ${r.source.file}` : r.source.file) : '');

export function ArchiveListPage(p: StaffNavProps & { q: string; status: string; records: ArchiveRecord[]; canChange: boolean; message?: string; errors?: Problems; register?: string; maxPages: number; maxMb: number; maxPdfMb: number; maxPdfPages: number }) {
  return (
    <StaffLayout {...p} title="Số hóa sổ lưu trữ" current="/can-bo/luu-tru">
      <h1>Số hóa sổ lưu trữ</h1>
      <StatusMessage>{p.message}</StatusMessage>
      <Errors errors={p.errors} title="Chưa tải lên được:" />
      {p.canChange ? (
        <form method="post" action="/can-bo/luu-tru" enctype="multipart/form-data" class="card">
          <h2>Tải lên trang quét</h2>
          <p class="note">
            Mỗi ảnh (JPEG, PNG, tối đa {p.maxMb} MB) là một trang; một tệp PDF nhiều trang — cả quyển sổ, tối đa {p.maxPdfPages} trang và {p.maxPdfMb} MB — được tách thành từng trang. Mỗi trang là một bản ghi, tìm được
            theo họ tên, số, năm. Tối đa {p.maxPages} tệp một lần. Máy chủ nhận dạng chữ tiếng Việt từng trang (chạy nền, không cần chờ) để điền sẵn số, ngày, họ tên; cán bộ kiểm tra và xác nhận từng bản ghi.
          </p>
          <input type="hidden" name="_csrf" value={p.csrf} />
          <div class="field">
            <label for="register">Tên sổ (ví dụ: Sổ đăng ký khai sinh, quyển số 01/1998, phường cũ)</label>
            <input id="register" name="register" value={p.register ?? ''} maxLength={200} />
          </div>
          <div class="field">
            <label for="trang">Trang quét</label>
            <input id="trang" name="trang" type="file" multiple accept="application/pdf,image/jpeg,image/png" />
          </div>
          <p>
            <button type="submit" class="primary">
              Tải lên và nhận dạng chữ
            </button>
          </p>
        </form>
      ) : null}
      <form method="get" action="/can-bo/luu-tru" role="search">
        <div class="field">
          <label for="q">Tìm theo tên sổ, số, họ tên (gõ có dấu hoặc không dấu)</label>
          <input id="q" name="q" type="search" value={p.q} />
        </div>
        <div class="field">
          <label for="status">Trạng thái</label>
          <select id="status" name="status">
            <option value="">Tất cả</option>
            <option value="draft" selected={p.status === 'draft'}>
              Chờ xác nhận
            </option>
            <option value="confirmed" selected={p.status === 'confirmed'}>
              Đã xác nhận
            </option>
          </select>
        </div>
        <p>
          <button type="submit">Tìm</button>
        </p>
      </form>
      <h2>Bản ghi ({p.records.length})</h2>
      {p.records.length === 0 ? <p>Không có bản ghi nào.</p> : null}
      <ul class="plist">
        {p.records.map((r) => (
          <li>
            <a href={`/can-bo/luu-tru/${r.id}`}>
              <span class="pname">
                {r.register || 'Chưa có tên sổ'}
                {r.number ? `, số ${r.number}` : ''}
              </span>
              <span class="pmeta">
                <span>{r.names || 'Chưa có họ tên'}</span>
                {r.date ? <span>Ngày {dmy(r.date)}</span> : null}
                {r.source ? <span>{sourceOf(r)}</span> : null}
                <span>{r.status === 'confirmed' ? 'Đã xác nhận' : 'Chờ xác nhận'}</span>
                <span>{OCR_STATUS_LABEL[r.ocrStatus]}</span>
              </span>
            </a>
          </li>
        ))}
      </ul>
    </StaffLayout>
  );
}

/** One entry: its scanned page(s), the fields (pre-filled by OCR) to correct and confirm, the citizen it belongs to. */
export function ArchiveRecordPage(p: StaffNavProps & { record: ArchiveRecord; pages: ArchivePage[]; citizenPhone: string; values?: Record<string, string>; canChange: boolean; message?: string; errors?: Problems }) {
  const r = p.record;
  const v = p.values ?? { register: r.register, number: r.number, date: dmy(r.date), names: r.names, note: r.note, citizenPhone: p.citizenPhone };
  const page = (x: ArchivePage) => `/can-bo/luu-tru/${r.id}/trang/${x.id}`;
  return (
    <StaffLayout {...p} title="Bản ghi lưu trữ" current="/can-bo/luu-tru">
      <p class="crumbs">
        <a href="/can-bo/luu-tru">← Số hóa sổ lưu trữ</a>
      </p>
      <h1>
        {r.register || 'Bản ghi lưu trữ'}
        {r.number ? `, số ${r.number}` : ''}
      </h1>
      <StatusMessage>{p.message}</StatusMessage>
      <Errors errors={p.errors} title="Chưa lưu được:" />
      {r.source ? <p class="note">{sourceOf(r)}</p> : null}
      <p>
        <strong>{r.status === 'confirmed' ? `Đã xác nhận${r.confirmedAt ? ` lúc ${formatDateTime(r.confirmedAt)}` : ''}` : 'Chờ cán bộ xác nhận'}</strong> · {OCR_STATUS_LABEL[r.ocrStatus]}
      </p>
      {r.ocrStatus === 'failed' ? <p class="card warn">{r.ocrError}</p> : null}
      {r.ocrStatus === 'pending' || r.ocrStatus === 'running' ? <p class="note">Máy chủ đang nhận dạng chữ trang này; tải lại trang sau ít giây để thấy các trường được điền sẵn.</p> : null}
      {r.ocrStatus === 'done' && r.status === 'draft' ? <p class="note">Các trường dưới đây được điền sẵn từ chữ nhận dạng được: đối chiếu với trang quét, sửa nếu sai rồi bấm "Xác nhận".</p> : null}
      <div class="two-col">
        <section>
          {p.pages.map((x) =>
            x.mime === 'application/pdf' ? (
              <>
                {x.picture ? (
                  <a href={page(x)}>
                    <img src={page(x)} alt={`Trang ${x.pdfPage ?? 1} của ${x.name}`} class="inline-file" loading="lazy" />
                  </a>
                ) : (
                  <p class="note">Ảnh của trang hiện ra khi máy chủ nhận dạng chữ xong.</p>
                )}
                <p>
                  <a href={`${page(x)}?goc=1#page=${x.pdfPage ?? 1}`}>
                    Mở tệp PDF gốc{x.pdfPages ? ` (trang ${x.pdfPage}/${x.pdfPages})` : ''}: {x.name}
                  </a>
                </p>
              </>
            ) : (
              <a href={page(x)}>
                <img src={page(x)} alt={`Trang quét: ${x.name}`} class="inline-file" loading="lazy" />
              </a>
            ),
          )}
          {r.ocrText ? (
            <details>
              <summary>Chữ nhận dạng được</summary>
              <pre class="ocr-text">{r.ocrText}</pre>
            </details>
          ) : null}
        </section>
        <section>
          <form method="post" action={`/can-bo/luu-tru/${r.id}`}>
            <input type="hidden" name="_csrf" value={p.csrf} />
            <div class="field">
              <label for="register">Sổ (tên sổ, quyển số)</label>
              <input id="register" name="register" value={v.register ?? ''} maxLength={200} disabled={!p.canChange} />
            </div>
            <div class="field">
              <label for="number">Số</label>
              <input id="number" name="number" value={v.number ?? ''} maxLength={50} inputMode="text" disabled={!p.canChange} />
            </div>
            <div class="field">
              <label for="date">Ngày (ngày/tháng/năm)</label>
              <input id="date" name="date" value={v.date ?? ''} placeholder="12/03/1998" inputMode="numeric" disabled={!p.canChange} />
            </div>
            <div class="field">
              <label for="names">Họ tên (nhiều người cách nhau bằng dấu ;)</label>
              <input id="names" name="names" value={v.names ?? ''} maxLength={500} disabled={!p.canChange} />
            </div>
            <div class="field">
              <label for="note">Ghi chú</label>
              <textarea id="note" name="note" rows={2} disabled={!p.canChange}>
                {v.note ?? ''}
              </textarea>
            </div>
            <div class="field">
              <label for="citizenPhone">Gắn với tài khoản công dân (số điện thoại; để trống nếu không gắn)</label>
              <input id="citizenPhone" name="citizenPhone" value={v.citizenPhone ?? ''} inputMode="tel" autocomplete="off" disabled={!p.canChange} />
            </div>
            {p.canChange ? (
              <p>
                <button type="submit" name="action" value="confirm" class="primary">
                  Xác nhận
                </button>{' '}
                <button type="submit" name="action" value="save">
                  Lưu, chưa xác nhận
                </button>
              </p>
            ) : null}
          </form>
        </section>
      </div>
    </StaffLayout>
  );
}
