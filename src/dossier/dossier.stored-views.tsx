import type { StoredPaperOffer } from './dossier.papers';

/**
 * "Dùng giấy tờ đã có": the stored papers (the citizen's document store) that fit one component,
 * as radio buttons beside its upload; plain form fields, no JavaScript needed. A file chosen in
 * the upload as well wins over the stored paper.
 */
export function StoredChoice({ componentId, offers, inputId }: { componentId: string; offers: StoredPaperOffer[]; inputId: string }) {
  if (!offers.length) return null;
  return (
    <fieldset class="stored-papers">
      <legend>Dùng giấy tờ đã có trong kho (không cần tải lên lại)</legend>
      <div class="choice">
        <input type="radio" id={`${inputId}-kho-none`} name={`kho:${componentId}`} value="" checked />
        <label for={`${inputId}-kho-none`}>Không dùng, tôi tải tệp lên</label>
      </div>
      {offers.map((o, i) => (
        <div class="choice">
          <input type="radio" id={`${inputId}-kho-${i}`} name={`kho:${componentId}`} value={o.id} />
          <label for={`${inputId}-kho-${i}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

export interface CounterStoreState {
  consentId?: string;
  citizenName?: string;
  codeSent?: boolean;
  /** Demo mode only: the code, since no SMS leaves the machine. */
  demoCode?: string;
  error?: string;
}

/**
 * At the counter: the citizen's document store, opened only with their consent — a one-time code
 * sent to the phone of their account, which they read out to the official. The consent is recorded
 * (who, when, for which dossier), and so is every paper then used.
 */
export function CounterStoreBox({ s }: { s: CounterStoreState }) {
  if (s.consentId) {
    return (
      <div class="card" role="status">
        <input type="hidden" name="kho_consent" value={s.consentId} />
        <p>
          <strong>{s.citizenName}</strong> đã đồng ý (bằng mã xác nhận gửi tới điện thoại) cho dùng giấy tờ trong kho của mình cho hồ sơ này. Chọn giấy tờ ở từng mục dưới đây.
        </p>
      </div>
    );
  }
  return (
    <div class={`card${s.error ? ' has-error' : ''}`} id="kho-dong-y">
      <p>
        <strong>Kho giấy tờ của người dân.</strong> Nếu người dân có tài khoản, có thể dùng kết quả đã cấp và giấy tờ đã số hóa của họ thay vì scan lại — khi họ đồng ý bằng mã gửi tới điện thoại của họ.
      </p>
      {s.error ? <p class="err">{s.error}</p> : null}
      {s.codeSent ? (
        <>
          {s.demoCode ? <p class="note">Chế độ trình diễn: mã là {s.demoCode}</p> : null}
          <label for="kho-ma">Mã xác nhận người dân đọc lại</label>
          <input id="kho-ma" name="kho_ma" inputMode="numeric" autocomplete="one-time-code" maxLength={10} />{' '}
          <button type="submit" name="action" value="kho-xac-nhan" formnovalidate>
            Xác nhận người dân đồng ý
          </button>
        </>
      ) : (
        <button type="submit" name="action" value="kho-gui-ma" formnovalidate>
          Gửi mã xác nhận tới số điện thoại của người dân
        </button>
      )}
    </div>
  );
}
