import { Layout } from '../shared/layout';
import { ErrorSummary, StatusMessage } from '../shared/messages';
import { StaffLayout, type StaffNavProps } from '../shared/staff-layout';
import { formatDate, formatDateTime } from '../shared/format';
import { SOURCE_LABEL, type PaperSource, type StoredPaper } from './docstore.service';

const kb = (n: number) => `${Math.max(1, Math.ceil(n / 1024))} KB`;
const ORDER: PaperSource[] = ['result', 'checked', 'archive'];

/** "Kho giấy tờ của tôi": the citizen's papers by origin, each downloadable by its owner only. */
export function MyPapersPage(p: { name: string; papers: StoredPaper[]; uses: Array<{ paperTitle: string; dossier: string; usedBy: string; at: string }>; homeHref: string }) {
  return (
    <Layout title="Kho giấy tờ của tôi" unitHref={p.homeHref}>
      <p class="crumbs">
        <a href="/ca-nhan">← Hồ sơ của tôi</a>
      </p>
      <h1>Kho giấy tờ của tôi</h1>
      <p>
        Giấy tờ cơ quan nhà nước đã cấp cho {p.name || 'bạn'} và giấy tờ bạn đã nộp được cán bộ kiểm tra, số hóa. Khi nộp hồ sơ mới, chọn "Dùng giấy tờ đã có" thay vì tải lên lại (Nghị định 45/2020/NĐ-CP: cơ quan không yêu cầu
        nộp lại giấy tờ đã có).
      </p>
      {p.papers.length === 0 ? <p class="card">Kho chưa có giấy tờ nào. Kết quả giải quyết hồ sơ và giấy tờ được cán bộ kiểm tra sẽ xuất hiện ở đây.</p> : null}
      {ORDER.map((src) => {
        const list = p.papers.filter((x) => x.source === src);
        if (!list.length) return null;
        return (
          <section aria-labelledby={`kho-${src}`}>
            <h2 id={`kho-${src}`}>
              {SOURCE_LABEL[src]} ({list.length})
            </h2>
            <ul class="plist">
              {list.map((x) => (
                <li>
                  <a href={`/ca-nhan/kho-giay-to/${x.id}`} download={x.fileName}>
                    <span class="pname">{x.title}</span>
                    <span class="pmeta">
                      <span>{x.detail}</span>
                      <span>
                        {formatDate(x.at)} · {x.mime === 'application/pdf' ? 'PDF' : 'Ảnh'} {kb(x.size)} · Tải về
                      </span>
                    </span>
                  </a>
                  {x.verifyUrl ? (
                    <p class="note">
                      Có chữ ký số của đơn vị — <a href={x.verifyUrl}>xác thực văn bản</a>
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {p.uses.length ? (
        <section aria-labelledby="kho-dung">
          <h2 id="kho-dung">Những lần giấy tờ trong kho được dùng</h2>
          <ul>
            {p.uses.map((u) => (
              <li>
                {formatDateTime(u.at)}: {u.paperTitle} — hồ sơ {u.dossier} ({u.usedBy})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}

/** An official marks the dossier's attached papers as checked against the originals (digitised). */
export function CheckPage(
  p: StaffNavProps & {
    code: string;
    procedureName: string;
    applicant: string;
    files: Array<{ id: string; name: string; componentName: string; size: number; check?: { by: string; at: string } }>;
    canChange: boolean;
    message?: string;
    error?: string;
  },
) {
  return (
    <StaffLayout {...p} title={`Số hóa giấy tờ — hồ sơ ${p.code}`} current="/can-bo">
      <p class="crumbs">
        <a href={`/can-bo/ho-so/${p.code}`}>← Hồ sơ {p.code}</a>
      </p>
      <h1>Kiểm tra, số hóa giấy tờ — hồ sơ {p.code}</h1>
      <p class="lead">
        {p.procedureName} · {p.applicant}
      </p>
      <p class="note">Đánh dấu giấy tờ đã đối chiếu với bản chính. Giấy tờ đã kiểm tra vào kho giấy tờ của người dân để dùng lại cho hồ sơ sau; mỗi lần đánh dấu được ghi nhật ký.</p>
      <StatusMessage>{p.message}</StatusMessage>
      <ErrorSummary message={p.error} />
      {p.files.length === 0 ? <p>Hồ sơ không có giấy tờ đính kèm.</p> : null}
      <ul class="plist">
        {p.files.map((f) => (
          <li class="card">
            <p>
              <a href={`/can-bo/ho-so/${p.code}/tep/${f.id}`}>{f.name}</a> <span class="note">({f.componentName}, {kb(f.size)})</span>
            </p>
            <p>{f.check ? <strong>Đã kiểm tra, số hóa — {f.check.by}, {formatDateTime(f.check.at)}</strong> : <span>Chưa kiểm tra</span>}</p>
            {p.canChange ? (
              <form method="post" action={`/can-bo/ho-so/${p.code}/so-hoa`}>
                <input type="hidden" name="_csrf" value={p.csrf} />
                <input type="hidden" name="file" value={f.id} />
                <input type="hidden" name="checked" value={f.check ? '0' : '1'} />
                <button type="submit" class={f.check ? '' : 'primary'}>
                  {f.check ? 'Bỏ đánh dấu' : 'Đánh dấu đã kiểm tra, số hóa'}
                </button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
    </StaffLayout>
  );
}
