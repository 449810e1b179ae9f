import { StaffLayout, type StaffNavProps } from '../shared/staff-layout';
import { StatusMessage } from '../shared/messages';
import { StaffTable } from '../shared/staff-table';
import { GAP_LABEL, type Gap, type GapKind } from './catalog.completeness';

export interface CompletenessRow {
  code: string;
  name: string;
  field: string;
  gaps: Gap[];
}

/** Data completeness: procedures whose time, fee, papers or forms citizens cannot read. */
export function CompletenessPage(p: StaffNavProps & { rows: CompletenessRow[]; total: number; unitCode: string }) {
  const kinds = Object.keys(GAP_LABEL) as GapKind[];
  const count = (k: GapKind) => p.rows.filter((r) => r.gaps.some((g) => g.kind === k)).length;
  return (
    <StaffLayout {...p} title="Độ đầy đủ dữ liệu thủ tục">
      <h1>Độ đầy đủ dữ liệu thủ tục</h1>
      <p>
        Thủ tục thiếu thông tin hiện cho người dân là “Không có thông tin” trên trang web, bản niêm yết, màn hình bảng tin và trợ lý ảo. Bổ sung phí,
        biểu mẫu riêng của đơn vị ở trang thiết lập riêng của từng thủ tục; thời hạn và thành phần hồ sơ theo Cơ sở dữ liệu quốc gia (nhập lại danh mục).
      </p>
      <StaffTable caption={`${p.rows.length} / ${p.total} thủ tục còn thiếu thông tin`} head={kinds.map((k) => GAP_LABEL[k])}>
        <tr>
          {kinds.map((k) => (
            <td>{count(k)} thủ tục</td>
          ))}
        </tr>
      </StaffTable>
      {p.rows.length ? (
        <StaffTable class="completeness" caption={<>Thủ tục còn thiếu</>} head={['Thủ tục', 'Còn thiếu']}>
            {p.rows.map((r) => (
              <tr>
                <td>
                  <a href={`/can-bo/quan-tri/danh-muc/${r.code}`}>{r.name}</a>
                  <div class="note">
                    {r.code} · {r.field} · <a href={`/p/${p.unitCode}/${r.code}`}>trang công khai</a>
                  </div>
                </td>
                <td>
                  <ul>
                    {r.gaps.map((g) => (
                      <li>
                        <strong>{GAP_LABEL[g.kind]}:</strong> {g.text}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </StaffTable>
      ) : (
        <StatusMessage>Mọi thủ tục của đơn vị đã có đủ thời hạn, phí, thành phần hồ sơ và mẫu đơn.</StatusMessage>
      )}
    </StaffLayout>
  );
}

export interface EssentialRow {
  code: string;
  name: string;
  field: string;
  essential: boolean;
}

/**
 * The essential procedures a commune posts in village halls (Đề án 06 speaks of 25 essential
 * public services): ticked by the unit admin, printed at /dv/:unit/nha-van-hoa.
 */
export function EssentialPage(p: StaffNavProps & { rows: EssentialRow[]; unitCode: string; saved?: number }) {
  const fields = [...new Set(p.rows.map((r) => r.field))];
  const chosen = p.rows.filter((r) => r.essential).length;
  return (
    <StaffLayout {...p} title="Thủ tục thiết yếu (nhà văn hóa)">
      <h1>Thủ tục thiết yếu niêm yết tại nhà văn hóa</h1>
      <p>
        Chọn các thủ tục người dân hay cần nhất (Đề án 06 nêu 25 dịch vụ công thiết yếu). Chúng được in kèm mã QR ở{' '}
        <a href={`/dv/${p.unitCode}/nha-van-hoa`}>trang niêm yết nhà văn hóa</a> và hiện đầu trang chủ của đơn vị.
      </p>
      <StatusMessage>{p.saved !== undefined ? <>Đã lưu: {p.saved} thủ tục thiết yếu.</> : null}</StatusMessage>
      <form method="post" action="/can-bo/quan-tri/thiet-yeu">
        <input type="hidden" name="_csrf" value={p.csrf} />
        <p class="result-count">Đang chọn {chosen} thủ tục.</p>
        {fields.map((f) => (
          <fieldset class="checklist">
            <legend>{f}</legend>
            <ul>
              {p.rows
                .filter((r) => r.field === f)
                .map((r) => (
                  <li>
                    <input type="checkbox" id={`e-${r.code}`} name="chon" value={r.code} checked={r.essential} />
                    <label for={`e-${r.code}`}>
                      {r.name} <span class="note">({r.code})</span>
                    </label>
                  </li>
                ))}
            </ul>
          </fieldset>
        ))}
        <p>
          <button type="submit" class="primary">
            Lưu danh sách thiết yếu
          </button>
        </p>
      </form>
    </StaffLayout>
  );
}
