/** The queue's public pages: the kiosk, the ticket slip, the citizen's live page, the TV display. */
import { Layout } from '../shared/layout';
import { assetUrl } from '../shared/assets';
import type { Board, PriorityCategory, QueueServiceInfo, TicketView } from './queue.types';

const KIOSK_CSS = `
body.bare{background:#f4f6fb;margin:0}
.kiosk{max-width:1100px;margin:0 auto;padding:16px;font-size:1.4rem}
.kiosk h1{font-size:2rem;margin:.3em 0}
.kiosk .services{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:16px}
.kiosk button.big{display:block;width:100%;min-height:110px;font-size:1.6rem;font-weight:700;border-radius:14px;border:0;background:#0b5cad;color:#fff;padding:16px;cursor:pointer}
.kiosk button.big small{display:block;font-size:1rem;font-weight:400;opacity:.9}
.kiosk button.big.pref{background:#0a7d2c;outline:4px solid #ffd166}
.kiosk fieldset{border:2px solid #c9d3e6;border-radius:12px;margin:16px 0;padding:12px}
.kiosk .prio label{display:inline-block;margin:6px 10px 6px 0;padding:12px 16px;border:2px solid #c9d3e6;border-radius:10px;background:#fff;font-size:1.2rem}
.kiosk .prio input{width:1.4em;height:1.4em;vertical-align:middle}
.kiosk input[type=tel]{font-size:1.5rem;padding:10px;width:min(100%,360px)}
.net{display:none;background:#b00020;color:#fff;padding:14px;font-size:1.4rem;text-align:center;font-weight:700}
.net.off{display:block}
.slip{max-width:420px;margin:0 auto;background:#fff;padding:16px;text-align:center}
.slip .no{font-size:4.5rem;font-weight:800;margin:.1em 0;letter-spacing:.03em}
.slip .qr svg{width:220px;height:220px}
@media print{.noprint{display:none!important}body{background:#fff}.slip{max-width:none;padding:0}}
`;

export function KioskPage(p: {
  unitCode: string;
  unitName: string;
  services: QueueServiceInfo[];
  categories: PriorityCategory[];
  error?: string;
  /** The service chosen for the citizen (the procedure's field): listed first and marked. */
  preferred?: string;
  procedure?: { code: string; name: string };
  /** On a citizen's phone (from the procedure page): the ticket opens on its live page. */
  web?: boolean;
}) {
  const services = p.preferred ? [...p.services.filter((s) => s.code === p.preferred), ...p.services.filter((s) => s.code !== p.preferred)] : p.services;
  return (
    <Layout title={`Lấy số thứ tự — ${p.unitName}`} bare head={<><style>{KIOSK_CSS}</style><script src={assetUrl('queue.js')} defer /></>} bodyData={{ 'data-queue': 'kiosk' }}>
      <div class="net" id="q-net" role="alert">Mất kết nối mạng — đang thử lại… Xin chờ giây lát.</div>
      <div class="kiosk">
        <h1>Lấy số thứ tự — Bộ phận Một cửa {p.unitName}</h1>
        {p.error ? (
          <p class="error" role="alert">
            {p.error}
          </p>
        ) : null}
        {p.web && !p.procedure ? (
          <p>
            <a href={`/dv/${p.unitCode}`}>Về trang của {p.unitName}</a>
          </p>
        ) : null}
        {p.procedure ? (
          <p>
            Thủ tục: <a href={`/p/${p.unitCode}/${p.procedure.code}`}>{p.procedure.name}</a>
            {p.preferred ? ' — dịch vụ tiếp nhận thủ tục này được đặt lên đầu.' : ''}
          </p>
        ) : null}
        <form method="post" action={`/dv/${p.unitCode}/lay-so`}>
          {p.web ? <input type="hidden" name="kenh" value="web" /> : null}
          {p.preferred ? <input type="hidden" name="pref" value={p.preferred} /> : null}
          <fieldset class="prio">
            <legend>Nếu bạn thuộc đối tượng ưu tiên, chọn trước khi bấm dịch vụ:</legend>
            <label>
              <input type="radio" name="priority" value="" checked /> Không ưu tiên
            </label>
            {p.categories.map((c) => (
              <label>
                <input type="radio" name="priority" value={c.code} /> {c.label}
              </label>
            ))}
          </fieldset>
          <p>
            <label for="q-phone">Số điện thoại (không bắt buộc, để nhận tin nhắn khi sắp đến lượt):</label>
            <br />
            <input id="q-phone" name="phone" type="tel" inputMode="numeric" autoComplete="tel" placeholder="0912345678" />
          </p>
          <div class="services">
            {services.map((s) => (
              <button class={s.code === p.preferred ? 'big pref' : 'big'} type="submit" name="service" value={s.code} aria-describedby={s.code === p.preferred ? 'q-pref' : undefined}>
                {s.name}
                <small>{s.counters.length ? `Quầy ${s.counters.join(', ')}` : 'Chưa có quầy mở'}</small>
                {s.code === p.preferred ? (
                  <small id="q-pref">Dịch vụ của thủ tục bạn chọn</small>
                ) : null}
              </button>
            ))}
          </div>
          {p.services.length === 0 ? <p>Đơn vị chưa khai báo dịch vụ xếp hàng.</p> : null}
        </form>
      </div>
    </Layout>
  );
}

export function SlipPage(p: { unitCode: string; unitName: string; t: TicketView; trackUrl: string; qr: string; print: boolean }) {
  return (
    <Layout
      title={`Số ${p.t.number} — ${p.unitName}`}
      bare
      head={
        <>
          <style>{KIOSK_CSS}</style>
          <meta http-equiv="refresh" content={`45;url=/dv/${p.unitCode}/lay-so`} />
          <script src={assetUrl('queue.js')} defer />
        </>
      }
      bodyData={{ 'data-queue': 'slip', ...(p.print ? { 'data-print': '1' } : {}) }}
    >
      <div class="slip">
        <p>Bộ phận Một cửa {p.unitName}</p>
        <p>{p.t.serviceName}</p>
        <h1 class="no" id="q-number">
          {p.t.number}
        </h1>
        {p.t.priorityLabel ? <p>Ưu tiên: {p.t.priorityLabel}</p> : null}
        {p.t.position ? (
          <p>
            Trước bạn: <strong>{p.t.position}</strong> người — dự kiến chờ khoảng <strong>{p.t.estimatedWaitMinutes ?? 0} phút</strong>
          </p>
        ) : (
          <p>
            <strong>Bạn là người tiếp theo</strong>: xin có mặt gần quầy.
          </p>
        )}
        <div class="qr" dangerouslySetInnerHTML={{ __html: p.qr }} />
        <p>Quét mã để theo dõi lượt của bạn trên điện thoại; không cần ngồi chờ tại phòng.</p>
        <p class="noprint">
          <small>{p.trackUrl}</small>
        </p>
        <p class="noprint">
          <button type="button" class="primary" id="q-print">
            In phiếu
          </button>{' '}
          <a href={`/dv/${p.unitCode}/lay-so`}>Xong — về màn hình lấy số</a>
        </p>
      </div>
    </Layout>
  );
}

/** The wait in words; none left means "be near the counter". */
function waitText(minutes: number | null): string {
  return minutes && minutes > 0 ? `Dự kiến chờ khoảng ${minutes} phút.` : 'Sắp đến lượt: xin có mặt gần quầy.';
}

function statusLine(t: TicketView): string {
  switch (t.status) {
    case 'waiting':
      return t.position === 0 ? 'Bạn là người tiếp theo' : `Còn ${t.position} người trước bạn`;
    case 'called':
    case 'serving':
      return `Đến lượt bạn — ${(t.counterName ?? '').toLowerCase().startsWith('quầy') ? (t.counterName ?? '').toLowerCase() : `quầy ${t.counter}`}`;
    case 'done':
      return 'Đã phục vụ xong. Cảm ơn bạn.';
    case 'no_show':
      return 'Số đã bị bỏ qua vì vắng mặt khi được gọi. Mời lấy số mới.';
    default:
      return 'Số đã hết hiệu lực (hết giờ làm việc hoặc đã hủy).';
  }
}

/** The citizen's live page: works with refresh and no JavaScript; queue.js listens to its stream. */
export function LivePage(p: { t: TicketView; unitName: string }) {
  const t = p.t;
  const live = t.status === 'waiting' || t.status === 'called' || t.status === 'serving';
  const called = t.status === 'called' || t.status === 'serving';
  return (
    <Layout
      title={`Số ${t.number} — theo dõi lượt`}
      unitName={p.unitName}
      unitHref={`/dv/${t.unitCode}`}
      head={
        <>
          {live ? (
            <noscript>
              <meta http-equiv="refresh" content="15" />
            </noscript>
          ) : null}
          <script src={assetUrl('queue.js')} defer />
          <style>{`.turn{border-radius:14px;padding:18px;text-align:center;margin:12px 0}.turn .no{font-size:3.4rem;font-weight:800;margin:0}.turn.now{background:#0a7d2c;color:#fff}.turn.now .msg{font-size:1.9rem;font-weight:800}.turn .msg{font-size:1.4rem}.net{display:none;background:#b00020;color:#fff;padding:10px;text-align:center}.net.off{display:block}`}</style>
        </>
      }
      bodyData={{ 'data-queue': 'ticket', 'data-stream': `/hang-cho/${t.id}/su-kien` }}
    >
      <div class="net" id="q-net" role="alert">
        Mất kết nối — đang kết nối lại…
      </div>
      <h1>Số thứ tự của bạn</h1>
      <div class={`turn card${called ? ' now' : ''}`} id="q-turn" aria-live="assertive">
        <p class="no" id="q-number">
          {t.number}
        </p>
        <p class="msg" id="q-msg">
          {statusLine(t)}
        </p>
        <p id="q-wait">{t.status === 'waiting' ? waitText(t.estimatedWaitMinutes) : ''}</p>
      </div>
      <dl class="card">
        <dt>Dịch vụ</dt>
        <dd>{t.serviceName}</dd>
        {t.priorityLabel ? (
          <>
            <dt>Ưu tiên</dt>
            <dd>{t.priorityLabel}</dd>
          </>
        ) : null}
      </dl>
      <p>Trang này tự cập nhật. Bạn có thể đi làm việc khác và quay lại khi gần đến lượt; nếu để lại số điện thoại, bạn sẽ nhận tin nhắn khi còn 3 lượt và khi được gọi.</p>
      <p>Giữ trang này (hoặc lưu đường dẫn) để theo dõi số {t.number}: số chỉ xem được qua đường dẫn này.</p>
      <p>
        <a href={`/hang-cho/${t.id}`}>Tải lại trang</a>
      </p>
    </Layout>
  );
}

const DISPLAY_CSS = `
html,body{height:100%}
body.bare{background:#0d1b2a;color:#fff;margin:0;font-family:system-ui,sans-serif}
.tv{padding:2vh 3vw}
.tv h1{font-size:4vh;margin:0 0 2vh;color:#ffd166}
.tv table{width:100%;border-collapse:collapse;font-size:7vh}
.tv th{font-size:3vh;text-align:left;color:#9fb3c8;font-weight:600}
.tv td{padding:1vh 1vw;border-bottom:2px solid #24364d}
.tv td.no{font-weight:800;font-size:9vh;color:#fff;letter-spacing:.03em}
.tv tr.flash td{background:#0a7d2c}
.tv .prio{font-size:3vh;color:#ffd166;display:block}
.tv .last{margin-top:3vh;font-size:4vh;color:#c9d6e3}
.tv .last span{display:inline-block;margin-right:3vw}
.tv .wait{font-size:2.6vh;color:#9fb3c8;margin-top:2vh}
.tv .controls{position:fixed;right:1vw;bottom:1vh;font-size:1.8vh}
.tv .controls button{font-size:1.8vh}
.net{display:none;background:#b00020;color:#fff;padding:1.5vh;font-size:3.5vh;text-align:center;font-weight:700}
.net.off{display:block}
`;

/** The TV display (readable from 5 m: the numbers are 9% of the screen's height). */
export function DisplayPage(p: { board: Board; chime: boolean; speak: boolean; speechAvailable: boolean }) {
  const b = p.board;
  return (
    <Layout
      title={`Màn hình gọi số — ${b.unitName}`}
      bare
      head={
        <>
          <style>{DISPLAY_CSS}</style>
          <noscript>
            <meta http-equiv="refresh" content="5" />
          </noscript>
          <script src={assetUrl('queue.js')} defer />
        </>
      }
      bodyData={{
        'data-queue': 'display',
        'data-stream': `/dv/${b.unitCode}/hang-cho/su-kien`,
        'data-unit': b.unitCode,
        'data-chime': p.chime ? '1' : '0',
        'data-speak': p.speak && p.speechAvailable ? '1' : '0',
      }}
    >
      <div class="net" id="q-net" role="alert">
        Mất kết nối mạng — đang kết nối lại…
      </div>
      <div class="tv">
        <h1>Bộ phận Một cửa {b.unitName} — mời công dân đến quầy</h1>
        <table>
          <thead>
            <tr>
              <th scope="col">Quầy</th>
              <th scope="col">Số đang phục vụ</th>
            </tr>
          </thead>
          <tbody id="q-counters">
            {b.counters.map((c) => (
              <tr data-counter={c.code}>
                <td>{c.name}</td>
                <td class="no">
                  {c.number ?? '—'}
                  {c.priority ? <span class="prio">Ưu tiên</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="last" id="q-last">
          Vừa gọi:{' '}
          {b.lastCalls.map((l) => (
            <span>
              {l.number} → {l.counterName}
            </span>
          ))}
        </p>
        <p class="wait" id="q-wait">
          Đang chờ: {b.waiting.map((w) => `${w.name}: ${w.count}`).join(' · ')}
        </p>
        <p class="controls noprint">
          <button type="button" id="q-sound">
            {p.chime || p.speak ? 'Bật âm thanh' : 'Chế độ yên lặng'}
          </button>
        </p>
      </div>
    </Layout>
  );
}
