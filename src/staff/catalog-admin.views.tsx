import type { CatalogChange, CatalogVersion } from '../catalog';
import { formatDateTime } from '../shared/format';
import { StaffTable } from '../shared/staff-table';
import { StaffLayout, type StaffNavProps } from '../shared/staff-layout';
import { HistoryTable, Messages } from './staff.views';

/** A catalogue save that would remove many procedures, waiting for the admin's confirmation. */
export interface RemovalConfirmation {
  message: string;
  removed: Array<{ code: string; name: string }>;
  /** The form as posted, sent again with `confirm=1`. */
  posted: Array<[string, string]>;
}

export function ConfirmRemoval(p: RemovalConfirmation & { csrf: string }) {
  return (
    <div class="card warn" role="alert">
      <p>
        <strong>{p.message}</strong>
      </p>
      <ul>
        {p.removed.map((r) => (
          <li>
            {r.code} — {r.name}
          </li>
        ))}
      </ul>
      <form method="post" action="/can-bo/quan-tri/danh-muc">
        {p.posted
          .filter(([k]) => k !== '_csrf' && k !== 'confirm')
          .map(([k, v]) => (
            <input type="hidden" name={k} value={v} />
          ))}
        <input type="hidden" name="_csrf" value={p.csrf} />
        <input type="hidden" name="confirm" value="1" />
        <button type="submit">Xác nhận bỏ {p.removed.length} thủ tục và lưu</button> <a href="/can-bo/quan-tri/danh-muc">Không lưu, giữ danh mục như cũ</a>
      </form>
    </div>
  );
}

/** The history of the unit's catalogue, and its earlier versions with a button to bring one back. */
export function CatalogHistoryPage(p: StaffNavProps & { list: CatalogChange[]; versions: CatalogVersion[]; message?: string }) {
  return (
    <StaffLayout {...p} title="Lịch sử thay đổi danh mục" current="/can-bo/quan-tri/danh-muc">
      <p class="crumbs">
        <a href="/can-bo/quan-tri/danh-muc">← Danh mục thủ tục của đơn vị</a>
      </p>
      <h1>Lịch sử thay đổi danh mục</h1>
      <Messages message={p.message} />
      <h2>Các phiên bản trước</h2>
      {p.versions.length ? (
        <StaffTable head={['Thay bằng phiên bản mới lúc', 'Người thay', 'Số thủ tục', 'Khôi phục']}>
          {p.versions.map((v) => (
            <tr>
              <td>{formatDateTime(v.at)}</td>
              <td>{v.actorName}</td>
              <td>{v.size}</td>
              <td>
                <form method="post" action={`/can-bo/quan-tri/danh-muc/phien-ban/${v.id}/khoi-phuc`} class="inline-form">
                  <input type="hidden" name="_csrf" value={p.csrf} />
                  <button type="submit">Khôi phục phiên bản này ({v.size} thủ tục)</button>
                </form>
              </td>
            </tr>
          ))}
        </StaffTable>
      ) : (
        <p>Chưa có phiên bản nào trước phiên bản hiện tại.</p>
      )}
      <h2>Từng thay đổi</h2>
      <HistoryTable list={p.list} />
    </StaffLayout>
  );
}
