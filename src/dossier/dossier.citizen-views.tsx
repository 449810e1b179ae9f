import type { ActionType } from '../workflow';
import type { Dossier } from './dossier.types';
import { ErrorSummary } from '../shared/messages';

/**
 * What the applicant can do on the tracking page: send what was asked for (the clock is stopped
 * until then), or withdraw the dossier. Plain forms, no JavaScript needed.
 */
export function CitizenActions(p: { d: Dossier; allowed: ActionType[]; csrf: string; token: string; items: string[]; components: Array<{ id: string; name: string }>; actionKey: string; error?: string }) {
  const code = p.d.code!;
  const q = `?t=${encodeURIComponent(p.token)}`;
  return (
    <>
      <ErrorSummary message={p.error} />
      {p.allowed.includes('supplement') ? (
        <section class="card" aria-labelledby="bo-sung">
          <h2 id="bo-sung">Bổ sung hồ sơ</h2>
          {p.items.length ? (
            <>
              <p>Cán bộ đề nghị bổ sung:</p>
              <ol>
                {p.items.map((x) => (
                  <li>{x}</li>
                ))}
              </ol>
            </>
          ) : null}
          <form method="post" action={`/ho-so/${code}/bo-sung${q}`} enctype="multipart/form-data">
            <input type="hidden" name="_csrf" value={p.csrf} />
            <input type="hidden" name="idempotencyKey" value={`${p.actionKey}:supplement`} />
            <div class="field">
              <label for="bs-comp">Giấy tờ gửi bổ sung</label>
              <select id="bs-comp" name="component">
                {p.components.map((c) => (
                  <option value={c.id}>{c.name}</option>
                ))}
                <option value="khac">Giấy tờ khác</option>
              </select>
            </div>
            <div class="field">
              <label for="bs-file">Ảnh chụp hoặc tệp PDF (có thể chọn nhiều tệp)</label>
              <input id="bs-file" name="file" type="file" multiple accept="application/pdf,image/jpeg,image/png,image/heic" />
            </div>
            <div class="field">
              <label for="bs-note">Lời nhắn cho cán bộ (không bắt buộc)</label>
              <textarea id="bs-note" name="comment" rows={2}></textarea>
            </div>
            <p>
              <button type="submit" class="primary">
                Gửi bổ sung
              </button>
            </p>
          </form>
        </section>
      ) : null}
      {p.allowed.includes('withdraw') ? (
        <details class="card">
          <summary>Rút hồ sơ</summary>
          <form method="post" action={`/ho-so/${code}/rut${q}`}>
            <input type="hidden" name="_csrf" value={p.csrf} />
            <input type="hidden" name="idempotencyKey" value={`${p.actionKey}:withdraw`} />
            <div class="field">
              <label for="w-reason">Lý do rút hồ sơ</label>
              <textarea id="w-reason" name="reason" rows={2} required minLength={5}></textarea>
            </div>
            <p>
              <button type="submit">Rút hồ sơ</button>
            </p>
          </form>
        </details>
      ) : null}
    </>
  );
}
