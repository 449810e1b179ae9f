import { Layout } from '../shared/layout';
import { ErrorSummary } from '../shared/messages';
import { formatDateTime } from '../shared/format';
import type { SignedDocument } from './signing.repo';
import type { VerifyOutcome } from './signing.service';
import { DEMO_MARK } from './signing.cert';

/**
 * The public verification page (/xac-thuc/:id), opened from the QR code printed on a signed
 * result: what was issued, to whom (initials), by which unit, when, the SHA-256 of the exact file,
 * and a plain form (no script needed) to check a file against it.
 */

export interface VerifyPageProps {
  d: SignedDocument;
  csrf: string;
  outcome?: VerifyOutcome;
  /** A refused upload (not a PDF, too large, broken form). */
  error?: string;
  fileName?: string;
}

const VERDICT_TITLE: Record<VerifyOutcome['verdict'], string> = {
  authentic: 'Đúng văn bản, chữ ký số hợp lệ',
  other_document: 'Không phải văn bản này',
  tampered: 'Văn bản đã bị sửa sau khi ký',
  truncated: 'Tệp bị cắt cụt',
  unsigned: 'Tệp không có chữ ký số',
  invalid: 'Chữ ký số không hợp lệ',
};

export function VerifyPage(p: VerifyPageProps) {
  const { d } = p;
  const demo = d.certSubject.includes(DEMO_MARK);
  return (
    <Layout title={`Xác thực văn bản: ${d.title}`} unitName={d.unitName} unitHref={`/dv/${d.unitCode}`} description="Xác thực văn bản điện tử đã ký số">
      <h1>Xác thực văn bản điện tử</h1>
      <p class="lead">Văn bản dưới đây do {d.unitName} cấp và ký số. Đối chiếu với tệp bạn nhận được.</p>
      {p.outcome ? <OutcomeBox outcome={p.outcome} fileName={p.fileName} /> : null}
      <ErrorSummary title="Chưa kiểm tra được tệp" message={p.error} />
      <dl class="kv card">
        <dt>Văn bản</dt>
        <dd>{d.title}</dd>
        <dt>Cấp cho</dt>
        <dd>{d.holderInitials} <span class="note">(chỉ hiện chữ cái đầu của họ tên)</span></dd>
        <dt>Đơn vị cấp</dt>
        <dd>{d.unitName}</dd>
        <dt>Người ký</dt>
        <dd>{d.signerName}</dd>
        <dt>Thời điểm ký</dt>
        <dd>{formatDateTime(d.signedAt)}</dd>
        <dt>Chứng thư số</dt>
        <dd>{d.certSubject}</dd>
        <dt>Mã băm SHA-256 của tệp</dt>
        <dd>
          <code>{d.fileSha256}</code>
        </dd>
        <dt>Tên tệp, dung lượng</dt>
        <dd>
          {d.fileName} ({Math.max(1, Math.round(d.size / 1024)).toLocaleString('vi-VN')} KB)
        </dd>
      </dl>
      {demo ? (
        <p class="card warn" role="note">
          Văn bản này được ký bằng chứng thư số dùng thử (bản demo) của phần mềm, không phải chứng thư số do tổ chức cung cấp dịch vụ chứng thực chữ ký số cấp: không có giá trị pháp lý.
        </p>
      ) : null}
      <form method="post" action={`/xac-thuc/${d.id}`} enctype="multipart/form-data" class="card" novalidate>
        <h2>Kiểm tra tệp bạn có</h2>
        <p>Chọn tệp PDF bạn nhận được (tối đa 10 MB). Trang sẽ cho biết tệp có đúng từng byte là văn bản trên hay không và chữ ký số của nó còn hợp lệ hay không.</p>
        <input type="hidden" name="_csrf" value={p.csrf} />
        <div class="field">
          <label for="tep">Tệp PDF cần kiểm tra</label>
          <input id="tep" name="file" type="file" accept="application/pdf,.pdf" required />
        </div>
        <button type="submit" class="btn primary">
          Kiểm tra
        </button>
      </form>
    </Layout>
  );
}

function OutcomeBox({ outcome, fileName }: { outcome: VerifyOutcome; fileName?: string }) {
  const ok = outcome.verdict === 'authentic';
  return (
    <section class={ok ? 'card' : 'error-summary'} role={ok ? 'status' : 'alert'} aria-labelledby="ket-qua-xac-thuc">
      <h2 id="ket-qua-xac-thuc">{ok ? '✓ ' : '✗ '}{VERDICT_TITLE[outcome.verdict]}</h2>
      <p>{outcome.message}</p>
      <dl class="kv">
        {fileName ? (
          <>
            <dt>Tệp đã kiểm tra</dt>
            <dd>{fileName}</dd>
          </>
        ) : null}
        <dt>Mã băm SHA-256 của tệp đã kiểm tra</dt>
        <dd>
          <code>{outcome.sha256}</code>
        </dd>
        <dt>Chữ ký số</dt>
        <dd>{outcome.signature.state === 'valid' ? 'Hợp lệ, bao phủ toàn bộ tệp' : (outcome.signature.problem ?? 'Không hợp lệ')}</dd>
      </dl>
    </section>
  );
}
