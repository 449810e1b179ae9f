import { Layout } from '../shared/layout';
import { ErrorSummary } from '../shared/messages';

/** The last digits of the applicant's phone, enough to recognise it, not to learn it. */
export const maskedPhone = (phone: string) => `…${phone.slice(-3)}`;

/**
 * On the tracking page reached with the code and the phone: reading is allowed, changing is not
 * yet. The applicant is offered a one-time code sent to the phone first.
 */
export function VerifyOffer(p: { code: string; phone: string; csrf: string }) {
  return (
    <section class="card" aria-labelledby="xac-thuc">
      <h2 id="xac-thuc">Bổ sung, rút hồ sơ hoặc nộp phí trực tuyến</h2>
      <p>
        Để thay đổi hồ sơ, xin xác thực: chúng tôi gửi mã gồm 6 chữ số tới số điện thoại của người nộp ({maskedPhone(p.phone)}). Bạn cũng có thể mở đường dẫn trong tin nhắn đã nhận
        hoặc quét mã QR trên giấy hẹn.
      </p>
      <form method="post" action={`/ho-so/${p.code}/xac-thuc?phone=${encodeURIComponent(p.phone)}`}>
        <input type="hidden" name="_csrf" value={p.csrf} />
        <p>
          <button type="submit" name="step" value="send" class="primary">
            Gửi mã xác thực
          </button>
        </p>
      </form>
    </section>
  );
}

/** Enter the one-time code; a good code opens the dossier's signed page, where changes are allowed. */
export function VerifyCodePage(p: { code: string; phone: string; csrf: string; error?: string; demoCode?: string; homeHref: string }) {
  return (
    <Layout title="Xác thực số điện thoại" unitHref={p.homeHref}>
      <h1>Xác thực số điện thoại</h1>
      <ErrorSummary message={p.error} />
      <form method="post" action={`/ho-so/${p.code}/xac-thuc?phone=${encodeURIComponent(p.phone)}`} class="card" novalidate>
        <input type="hidden" name="_csrf" value={p.csrf} />
        <p>
          Mã xác thực đã được gửi tới số điện thoại của người nộp hồ sơ {p.code} ({maskedPhone(p.phone)}). Mã có hiệu lực 5 phút.
        </p>
        {p.demoCode ? <p class="note">Chế độ trình diễn: mã là {p.demoCode}.</p> : null}
        <div class="field">
          <label for="v-code">Mã xác thực (6 chữ số)</label>
          <input id="v-code" name="otp" type="text" inputmode="numeric" autocomplete="one-time-code" required maxLength={6} />
        </div>
        <p>
          <button type="submit" name="step" value="verify" class="primary">
            Xác nhận
          </button>{' '}
          <button type="submit" name="step" value="send">
            Gửi lại mã
          </button>
        </p>
      </form>
      <p>
        <a href={`/ho-so/${p.code}?phone=${encodeURIComponent(p.phone)}`}>Quay lại trang hồ sơ</a>
      </p>
    </Layout>
  );
}
