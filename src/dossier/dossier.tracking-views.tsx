import { formatDateTime } from '../shared/format';
import type { CitizenNextStep, CitizenStep, CitizenTracking } from './dossier.tracking';

/** "Bạn cần làm" / "Bước tiếp theo": what the citizen must do now, above everything else. */
export function NextStepBox({ next }: { next?: CitizenNextStep }) {
  if (!next) return null;
  return (
    <section class={`card next-step${next.actionNeeded ? ' needed' : ''}`} aria-labelledby="buoc-tiep">
      <h2 id="buoc-tiep">{next.actionNeeded ? 'Bạn cần làm' : 'Bước tiếp theo'}</h2>
      <p>{next.text}</p>
    </section>
  );
}

/** The electronic result (a signed file), downloadable with the same proof as the page. */
export function ResultBox({ result, href, verifyHref }: { result?: CitizenTracking['result']; href: string; verifyHref?: string | null }) {
  if (!result) return null;
  const kb = Math.max(1, Math.round(result.size / 1024));
  return (
    <section class="card result-box" aria-labelledby="ket-qua">
      <h2 id="ket-qua">Kết quả điện tử</h2>
      <p>
        <a class="btn primary" href={href} download={result.name}>
          Tải kết quả
        </a>
      </p>
      <p class="note">
        {result.name} ({kb.toLocaleString('vi-VN')} KB).{' '}
        {verifyHref ? 'Văn bản đã được ký số; mã QR in trên văn bản dẫn tới trang xác thực.' : 'Bản điện tử có giá trị như bản giấy khi được ký số.'}
      </p>
      {verifyHref ? (
        <p>
          <a href={verifyHref}>Xác thực văn bản, kiểm tra chữ ký số</a>
          <br />
          <span class="note">
            Mã băm SHA-256: <code>{result.sha256}</code>
          </span>
        </p>
      ) : null}
      <p class="note">Cần bản giấy? Nhận tại bộ phận một cửa (mang theo giấy hẹn) hoặc đề nghị gửi qua bưu chính.</p>
    </section>
  );
}

/** The steps that concern the citizen, newest last. */
export function CitizenTimeline({ steps }: { steps: CitizenStep[] }) {
  return (
    <section aria-labelledby="qua-trinh">
      <h2 id="qua-trinh">Quá trình xử lý</h2>
      <ol class="timeline">
        {steps.map((s) => (
          <li>
            <strong>{s.label}</strong>
            <span class="note"> — {formatDateTime(s.at)}</span>
            {s.detail ? <div>{s.detail}</div> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
