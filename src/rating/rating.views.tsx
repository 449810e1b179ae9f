/**
 * Pages and fragments of satisfaction ratings: the box on the tracking page, the page of the
 * signed link, the counter tablet. They take a view model and touch no data; they work without
 * JavaScript (plain forms, meta refresh on the tablet). Staff pages: rating.staff-views.tsx.
 */
import { Layout } from '../shared/layout';
import { formatDate, formatDateTime } from '../shared/format';
import { LEVEL_LABEL, RATING_LEVELS, RATING_REASONS, REASON_LABEL, type FollowUp, type Rating, type RatingLevel } from './rating.types';
import { ErrorSummary } from '../shared/messages';

/** The module's few styles (big touch targets on phones and the tablet), inline in the page's head. */
export const RATING_CSS = `
.rating-levels{display:grid;gap:10px;margin:8px 0;border:0;padding:0}
.rating-levels legend{font-weight:600;margin-bottom:6px}
.rating-levels label{display:flex;align-items:center;gap:10px;min-height:48px;padding:8px 12px;border:2px solid var(--line,#ccc);border-radius:10px;font-size:1.1rem;cursor:pointer}
.rating-levels input{width:24px;height:24px;margin:0}
.rating-levels label:has(input:checked){border-color:var(--red,#c8102e);background:#fff5f5}
.rating-reasons{border:0;padding:0;margin:8px 0}
.rating-reasons legend{font-weight:600}
.rating-reasons label{display:inline-flex;align-items:center;gap:6px;min-height:44px;margin:0 12px 0 0}
.rating-reasons input{width:20px;height:20px}
.rating-given{font-size:1.15rem}
.rating-answer{border-left:4px solid #2e7d32;padding:4px 12px;background:#f1f8f1}
.rating-comment{width:100%;max-width:100%;box-sizing:border-box;min-height:5em;font:inherit}
.tablet{max-width:none;text-align:center;padding:16px}
.tablet h1{font-size:2rem;margin:8px 0 4px}
.tablet .sub{font-size:1.2rem;margin:0 0 16px}
.tablet-levels{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:16px;margin:16px 0}
.tablet-levels button{font-size:1.8rem;min-height:160px;border-radius:20px;border-width:3px;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:8px;width:100%}
.tablet-levels .face{font-size:3.2rem;line-height:1}
.tablet-levels .very_satisfied{background:#e8f5e9;border-color:#2e7d32;color:#1b5e20}
.tablet-levels .satisfied{background:#e3f2fd;border-color:#1565c0;color:#0d47a1}
.tablet-levels .dissatisfied{background:#fff3e0;border-color:#b23c17;color:#8a2c0d}
.tablet-reasons{display:flex;flex-wrap:wrap;justify-content:center;gap:12px;margin:12px 0}
.tablet-reasons label{font-size:1.3rem;min-height:56px;padding:8px 16px;border:2px solid #999;border-radius:12px;display:inline-flex;align-items:center;gap:8px}
.tablet-reasons input{width:26px;height:26px}
.tablet .btn,.tablet button.primary{font-size:1.4rem;padding:14px 28px}
`;

/**
 * The faces beside the levels, drawn (not emoji: a cheap tablet or phone without an emoji font
 * showed "🙂" and "🙁" as empty boxes). They take the text's size and colour.
 */
const MOUTH: Record<RatingLevel, string> = { very_satisfied: 'M7 13.5 Q12 19.5 17 13.5 Z', satisfied: 'M7.5 14 Q12 18 16.5 14', dissatisfied: 'M7.5 17 Q12 13 16.5 17' };
function Face(p: { level: RatingLevel }) {
  return (
    <svg class="face-svg" viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="1.8" />
      <circle cx="8.5" cy="9.5" r="1.3" fill="currentColor" />
      <circle cx="15.5" cy="9.5" r="1.3" fill="currentColor" />
      <path d={MOUTH[p.level]} fill={p.level === 'very_satisfied' ? 'currentColor' : 'none'} stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
    </svg>
  );
}

/** What the citizen gave, and the unit's answer to a "Không hài lòng". */
function GivenRating(p: { current: Rating; followUp?: FollowUp }) {
  const r = p.current;
  const f = p.followUp;
  return (
    <>
      <p class="rating-given">
        Ông/Bà đã đánh giá: <strong>{LEVEL_LABEL[r.level]}</strong> <span class="note">({formatDateTime(r.ratedAt)}{r.version > 1 ? `, đã thay đổi ${r.version - 1} lần` : ''})</span>
      </p>
      {r.reasons.length ? <p>Lý do: {r.reasons.map((k) => REASON_LABEL[k]).join(', ')}</p> : null}
      {r.comment ? <p>Ý kiến: “{r.comment}”</p> : null}
      {f?.answer ? (
        <div class="rating-answer" role="note">
          <p>
            <strong>Trả lời của đơn vị</strong> <span class="note">({f.answeredBy ? `${f.answeredBy}, ` : ''}{formatDateTime(f.answeredAt!)})</span>
          </p>
          <p style="white-space:pre-line">{f.answer}</p>
        </div>
      ) : f ? (
        <p class="note">Lãnh đạo đơn vị đã nhận phản ánh của Ông/Bà và sẽ trả lời trước {formatDateTime(f.dueAt)}. Câu trả lời sẽ hiện ở đây.</p>
      ) : null}
    </>
  );
}

export interface RatingBoxProps {
  code: string;
  current?: Rating;
  followUp?: FollowUp;
  /** The citizen may rate or change now (a proof that may change the dossier, within 30 days). */
  canRate: boolean;
  /** Within 30 days of the first rating (false: the rating is final). */
  changeable: boolean;
  /** Where the form posts (with the signed token when there is one). */
  action: string;
  csrf: string;
  error?: string;
  fieldErrors?: Record<string, string>;
  saved?: boolean;
  /** The values to show in the form (after an error, what was sent). */
  values?: { level?: string; reasons?: string[]; comment?: string };
  /** 'tracking' when the form is on the tracking page (the answer leads back there). */
  from?: string;
}

/** The rating section of a returned dossier's tracking page (and of the rating page). */
export function RatingBox(p: RatingBoxProps) {
  const v = p.values ?? (p.current ? { level: p.current.level, reasons: p.current.reasons, comment: p.current.comment } : {});
  return (
    <section class="card" id="danh-gia" aria-labelledby="danh-gia-h">
      <h2 id="danh-gia-h">Đánh giá mức độ hài lòng</h2>
      {p.saved ? (
        <p role="status" class="rating-given">
          <strong>Cảm ơn Ông/Bà đã đánh giá!</strong>
        </p>
      ) : null}
      {p.current ? <GivenRating current={p.current} followUp={p.followUp} /> : null}
      <ErrorSummary message={p.error} />
      {!p.changeable && p.current ? (
        <p class="note">Đánh giá chỉ được thay đổi trong 30 ngày kể từ lần đánh giá đầu tiên ({formatDate(p.current.firstRatedAt)}).</p>
      ) : p.canRate ? (
        <form method="post" action={p.action} novalidate>
          <input type="hidden" name="_csrf" value={p.csrf} />
          {p.from ? <input type="hidden" name="from" value={p.from} /> : null}
          {p.current ? <p class="note">Ông/Bà có thể thay đổi đánh giá đến hết ngày {formatDate(p.current.changeableUntil)}.</p> : <p>Ông/Bà hài lòng thế nào với việc giải quyết hồ sơ {p.code}?</p>}
          <fieldset class="rating-levels" aria-describedby={p.fieldErrors?.level ? 'rating-level-err' : undefined}>
            <legend>Mức độ hài lòng (bắt buộc)</legend>
            {p.fieldErrors?.level ? (
              <p id="rating-level-err" class="field-error">
                {p.fieldErrors.level}
              </p>
            ) : null}
            {RATING_LEVELS.map((l) => (
              <label>
                <input type="radio" name="level" value={l} checked={v.level === l} required /> <Face level={l} /> {LEVEL_LABEL[l]}
              </label>
            ))}
          </fieldset>
          <fieldset class="rating-reasons">
            <legend>Lý do (không bắt buộc, chọn nhiều)</legend>
            {RATING_REASONS.map((k) => (
              <label>
                <input type="checkbox" name="reasons" value={k} checked={(v.reasons ?? []).includes(k)} /> {REASON_LABEL[k]}
              </label>
            ))}
          </fieldset>
          <div class="field">
            <label for="rating-comment">Ý kiến khác (không bắt buộc, tối đa 1.000 ký tự)</label>
            {p.fieldErrors?.comment ? <p class="field-error">{p.fieldErrors.comment}</p> : null}
            <textarea id="rating-comment" class="rating-comment" name="comment" maxLength={1000} rows={4}>
              {v.comment ?? ''}
            </textarea>
          </div>
          <p>
            <button type="submit" class="primary">
              {p.current ? 'Cập nhật đánh giá' : 'Gửi đánh giá'}
            </button>
          </p>
        </form>
      ) : !p.current ? (
        <p>Để đánh giá, xin mở đường dẫn trong tin nhắn báo đã trả kết quả, quét mã QR trên giấy hẹn, đăng nhập, hoặc xác thực bằng mã gửi tới số điện thoại của người nộp (ở trên).</p>
      ) : null}
    </section>
  );
}

/** The box on the tracking page, with its styles. */
export function TrackingRatingBox(p: RatingBoxProps) {
  return (
    <>
      <style>{RATING_CSS}</style>
      <RatingBox {...p} />
    </>
  );
}

/** The page of the signed link in the "result returned" message. */
export function RatingPage(p: RatingBoxProps & { procedureName: string; unitName: string; homeHref: string; trackingHref: string }) {
  return (
    <Layout title={`Đánh giá hồ sơ ${p.code} — ${p.unitName}`} unitName={p.unitName} unitHref={p.homeHref} head={<style>{RATING_CSS}</style>}>
      <h1>Đánh giá việc giải quyết hồ sơ {p.code}</h1>
      <p class="lead">{p.procedureName}</p>
      <RatingBox {...p} />
      <p>
        <a href={p.trackingHref}>Xem trang theo dõi hồ sơ</a>
      </p>
    </Layout>
  );
}

/**
 * The counter tablet: three big buttons; one tap rates. Reloads itself every 24 hours (a fresh form
 * token for the next day; a shorter delay would be a timed refresh that WCAG 2.2.1 forbids).
 */
export function TabletPage(p: { unitCode: string; unitName: string; action: string; token: string; dossierCode?: string; error?: string }) {
  return (
    <Layout title={`Đánh giá mức độ hài lòng — ${p.unitName}`} bare head={[<style>{RATING_CSS}</style>, <meta http-equiv="refresh" content={`86400;url=/dv/${p.unitCode}/danh-gia`} />]}>
      <div class="tablet">
        <h1>Ông/Bà có hài lòng với việc giải quyết thủ tục hôm nay?</h1>
        <p class="sub">
          {p.unitName}
          {p.dossierCode ? ` — hồ sơ ${p.dossierCode}` : ''}
        </p>
        <ErrorSummary message={p.error} />
        <form method="post" action={p.action}>
          <input type="hidden" name="token" value={p.token} />
          <div class="tablet-levels">
            {RATING_LEVELS.map((l) => (
              <button type="submit" name="level" value={l} class={l}>
                <span class="face" aria-hidden="true">
                  <Face level={l} />
                </span>
                {LEVEL_LABEL[l]}
              </button>
            ))}
          </div>
        </form>
        <p class="note">Chạm một nút để đánh giá. Không cần đăng nhập, không ghi thông tin cá nhân.</p>
      </div>
    </Layout>
  );
}

/** After a tap: thanks, optional reasons, and back to the buttons for the next citizen. */
export function TabletThanksPage(p: { unitCode: string; level: RatingLevel; reasonsAction?: string; token: string; seconds: number; reasonsSaved?: boolean; dossierCode?: string | null }) {
  const back = `/dv/${p.unitCode}/danh-gia`;
  return (
    <Layout title="Cảm ơn Ông/Bà đã đánh giá" bare head={[<style>{RATING_CSS}</style>, <meta http-equiv="refresh" content={`${p.seconds};url=${back}`} />]}>
      <div class="tablet" role="status">
        <h1>Cảm ơn Ông/Bà đã đánh giá!</h1>
        <p class="sub">
          Đánh giá: <strong>{LEVEL_LABEL[p.level]}</strong>
          {p.dossierCode ? ` — hồ sơ ${p.dossierCode}` : ''}
          {p.reasonsSaved ? ' — đã ghi nhận lý do.' : ''}
        </p>
        {p.reasonsAction ? (
          <form method="post" action={p.reasonsAction}>
            <input type="hidden" name="token" value={p.token} />
            <p class="sub">{p.level === 'dissatisfied' ? 'Xin cho biết Ông/Bà chưa hài lòng về điều gì (không bắt buộc):' : 'Ông/Bà hài lòng nhất về điều gì (không bắt buộc)?'}</p>
            <div class="tablet-reasons">
              {RATING_REASONS.map((k) => (
                <label>
                  <input type="checkbox" name="reasons" value={k} /> {REASON_LABEL[k]}
                </label>
              ))}
            </div>
            <p>
              <button type="submit" class="primary">
                Gửi lý do
              </button>
            </p>
          </form>
        ) : null}
        <p>
          <a class="btn" href={back}>
            Xong
          </a>
        </p>
        <p class="note">Màn hình tự trở lại sau {p.seconds} giây cho người tiếp theo.</p>
      </div>
    </Layout>
  );
}
