import { ErrorSummary, StatusMessage } from '../shared/messages';
import { StaffLayout, type StaffNavProps } from '../shared/staff-layout';
import type { DataSet, ImportSummary } from './report.types';

/**
 * Excel entry (issue 12): download the form (a unit, or every unit below, a sheet each), upload it
 * filled. Works without JavaScript; a refused file lists each problem with its sheet and row.
 */
export function ExcelPage(
  p: StaffNavProps & {
    dataSets: DataSet[];
    dataSet?: string;
    period: string;
    unitCode: string;
    units: Array<{ code: string; name: string }>;
    result?: ImportSummary;
    errors?: string[];
  },
) {
  const sum = p.result?.importCount;
  return (
    <StaffLayout {...p} title="Nhập báo cáo bằng Excel" current="/can-bo/bao-cao/excel">
      <h1>Nhập báo cáo bằng Excel</h1>
      <StatusMessage>
        {sum ? `Đã nhập: ${sum.imported} giá trị mới, ${sum.updated} giá trị sửa, ${sum.deleted} giá trị xóa.${p.result!.status === 'WARNING' ? ' Lưu ý: ' + p.result!.conflicts.map((c) => c.value).join('; ') : ''}` : undefined}
      </StatusMessage>
      <ErrorSummary title="Chưa nhập được tệp (chưa giá trị nào được ghi):" errors={p.errors} />
      <section class="card">
        <h2>1. Tải biểu mẫu</h2>
        <form method="get" action="/can-bo/bao-cao/excel/tai-ve">
          <div class="field">
            <label for="bo">Báo cáo</label>
            <select id="bo" name="bo">
              {p.dataSets.map((d) => (
                <option value={d.code} selected={d.code === p.dataSet}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="ky">Kỳ (mã DHIS2: 20261203, 2026W49, 202612, 2026Q4, 2026)</label>
            <input id="ky" name="ky" value={p.period} />
          </div>
          <div class="field">
            <label for="don-vi">Đơn vị (chọn đơn vị cấp trên để có mỗi đơn vị cấp dưới một trang)</label>
            <select id="don-vi" name="don-vi">
              {p.units.map((u) => (
                <option value={u.code} selected={u.code === p.unitCode}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">Tải biểu mẫu Excel</button>
        </form>
        {p.dataSet ? (
          <p>
            Hoặc tải ngay: <a href={`/can-bo/bao-cao/excel/tai-ve?${new URLSearchParams({ bo: p.dataSet, ky: p.period, 'don-vi': p.unitCode })}`}>biểu mẫu của kỳ này</a>
          </p>
        ) : (
          <p class="note">
            Chưa có báo cáo nào được giao cho đơn vị (<a href="/can-bo/bao-cao/excel/tai-ve">tải biểu mẫu</a> cần chọn báo cáo).
          </p>
        )}
      </section>
      <section class="card">
        <h2>2. Gửi lại tệp đã điền</h2>
        <p class="note">Mọi giá trị được kiểm tra trước; có lỗi thì không giá trị nào được ghi, và từng lỗi được nêu kèm trang, dòng.</p>
        <form method="post" action="/can-bo/bao-cao/excel" enctype="multipart/form-data">
          <input type="hidden" name="_csrf" value={p.csrf} />
          <div class="field">
            <label for="bo2">Báo cáo</label>
            <select id="bo2" name="bo">
              {p.dataSets.map((d) => (
                <option value={d.code} selected={d.code === p.dataSet}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="tep">Tệp Excel (.xlsx)</label>
            <input id="tep" name="tep" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
          </div>
          <button type="submit" class="btn primary">
            Nhập số liệu
          </button>
        </form>
      </section>
    </StaffLayout>
  );
}
