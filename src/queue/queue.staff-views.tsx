/** The counter official's screen (Gọi số tại quầy). */
import { StaffLayout, type StaffNavProps } from '../shared/staff-layout';
import { assetUrl } from '../shared/assets';
import type { Counter, PriorityCategory, Ticket } from './queue.types';

type Row = Ticket & { serviceName: string; priorityLabel: string | null; waitedMinutes: number };

const hhmm = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(11, 16);

const CSS = `.q-now{font-size:3rem;font-weight:800;margin:.1em 0}.q-prio{background:#ffd166;color:#000;padding:2px 8px;border-radius:6px;font-weight:700}.q-actions form{display:inline-block;margin:4px 6px 4px 0}.q-next{font-size:1.4rem;padding:14px 28px}.q-counters a{margin-right:12px}`;

export function CounterPage(
  p: StaffNavProps & {
    unitCode: string;
    counter?: Counter;
    counters: Counter[];
    services: Array<{ code: string; name: string }>;
    categories: PriorityCategory[];
    atCounter?: Row;
    waiting: Row[];
    message?: string;
    error?: string;
  },
) {
  const c = p.counter;
  const action = (name: string) => `/can-bo/hang-cho/${c?.code}/${name}`;
  const button = (name: string, label: string, cls = '') => (
    <form method="post" action={action(name)}>
      <input type="hidden" name="_csrf" value={p.csrf} />
      <button type="submit" class={cls}>
        {label}
      </button>
    </form>
  );
  return (
    <StaffLayout {...p} title="Gọi số tại quầy" current="/can-bo/hang-cho" head={[<style>{CSS}</style>, <script src={assetUrl('queue.js')} defer />]}>
      <div id="q-live" data-stream={`/dv/${p.unitCode}/hang-cho/su-kien`} />
      <h1>Gọi số tại quầy</h1>
      <p class="q-counters">
        {p.counters.map((x) => (
          <a href={`/can-bo/hang-cho?quay=${x.code}`} aria-current={x.code === c?.code ? 'page' : undefined}>
            {x.name} {x.open ? '(đang mở)' : '(đóng)'}
          </a>
        ))}
        <a href={`/dv/${p.unitCode}/hang-cho/man-hinh`}>Màn hình gọi số</a>
        <a href={`/dv/${p.unitCode}/lay-so`}>Máy lấy số</a>
      </p>
      {p.message ? (
        <p class="notice" role="status">
          {p.message}
        </p>
      ) : null}
      {p.error ? (
        <p class="error" role="alert">
          {p.error}
        </p>
      ) : null}
      {!c ? (
        <p>
          Đơn vị chưa khai báo quầy: quản trị đơn vị hoặc lãnh đạo khai báo dịch vụ và quầy ở <a href="/can-bo/hang-cho/cai-dat">Cài đặt hàng chờ</a>.
        </p>
      ) : (
        <>
          <section class="card">
            <h2>
              {c.name} — {c.open ? `đang mở${c.officialName ? ` (${c.officialName})` : ''}` : 'đang đóng'}
            </h2>
            <form method="post" action={action('mo')}>
              <input type="hidden" name="_csrf" value={p.csrf} />
              <fieldset>
                <legend>Dịch vụ quầy phục vụ</legend>
                {p.services.map((s) => (
                  <label style="margin-right:12px">
                    <input type="checkbox" name="services" value={s.code} checked={c.services.includes(s.code)} /> {s.name}
                  </label>
                ))}
              </fieldset>
              <button type="submit">{c.open ? 'Cập nhật dịch vụ' : 'Mở quầy'}</button>
            </form>
            {c.open ? button('dong', 'Đóng quầy') : null}
          </section>
          <section class="card" id="q-current" aria-live="polite">
            <h2>Số đang ở quầy</h2>
            {p.atCounter ? (
              <>
                <p class="q-now" id="q-current-number">
                  {p.atCounter.number}
                </p>
                <p>
                  {p.atCounter.serviceName}
                  {p.atCounter.priorityLabel ? (
                    <>
                      {' '}
                      — <span class="q-prio">Ưu tiên: {p.atCounter.priorityLabel}</span> (kiểm tra giấy tờ)
                    </>
                  ) : null}
                  {p.atCounter.slotAt ? ` — hẹn lúc ${hhmm(p.atCounter.slotAt)}` : ''}
                </p>
                <p>
                  Lấy số lúc {hhmm(p.atCounter.takenAt)}, đã chờ {p.atCounter.waitedMinutes} phút; {p.atCounter.status === 'serving' ? 'đang phục vụ' : 'đã gọi'}
                  {p.atCounter.recalls ? `, gọi lại ${p.atCounter.recalls} lần` : ''}.
                  {p.atCounter.dossierCode ? ` Hồ sơ: ${p.atCounter.dossierCode}.` : ''}
                </p>
                <div class="q-actions">
                  {button('goi-lai', 'Gọi lại')}
                  {p.atCounter.status === 'called' ? button('phuc-vu', 'Người dân đã đến') : null}
                  {button('xong', 'Xong')}
                  {p.atCounter.status === 'called' ? button('vang-mat', 'Vắng mặt') : null}
                  <form method="get" action={`/can-bo/hang-cho/ve/${p.atCounter.id}/tiep-nhan`}>
                    <button type="submit">Tiếp nhận hồ sơ từ số này</button>
                  </form>
                  <form method="post" action={action('chuyen')}>
                    <input type="hidden" name="_csrf" value={p.csrf} />
                    <label for="q-to">Chuyển sang</label>{' '}
                    <select id="q-to" name="service">
                      {p.services
                        .filter((s) => s.code !== p.atCounter!.service)
                        .map((s) => (
                          <option value={s.code}>{s.name}</option>
                        ))}
                    </select>{' '}
                    <button type="submit">Chuyển (giữ vị trí)</button>
                  </form>
                </div>
              </>
            ) : (
              <p>Chưa gọi số nào.</p>
            )}
            {c.open ? button('goi', 'Gọi số tiếp theo', 'primary q-next') : null}
          </section>
          <section class="card" id="q-waiting">
            <h2>Đang chờ ({p.waiting.length})</h2>
            {p.waiting.length ? (
              <table>
                <thead>
                  <tr>
                    <th scope="col">Số</th>
                    <th scope="col">Dịch vụ</th>
                    <th scope="col">Ưu tiên</th>
                    <th scope="col">Lấy số lúc</th>
                  </tr>
                </thead>
                <tbody>
                  {p.waiting.map((t) => (
                    <tr>
                      <td>{t.number}</td>
                      <td>{t.serviceName}</td>
                      <td>{t.priorityLabel ? <span class="q-prio">{t.priorityLabel}</span> : t.slotAt ? `Hẹn ${hhmm(t.slotAt)}` : ''}</td>
                      <td>{hhmm(t.takenAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p>Không có ai chờ các dịch vụ của quầy.</p>
            )}
          </section>
        </>
      )}
    </StaffLayout>
  );
}

/** From a ticket to the counter reception: the procedures of the ticket's service first. */
export function ReceiveFromTicketPage(p: StaffNavProps & { number: string; serviceName: string; procedures: Array<{ code: string; name: string; own: boolean }> }) {
  return (
    <StaffLayout {...p} title="Tiếp nhận hồ sơ từ số thứ tự" current="/can-bo/hang-cho">
      <h1>Tiếp nhận hồ sơ cho số {p.number}</h1>
      <p>
        Dịch vụ: {p.serviceName}. Hồ sơ tiếp nhận sẽ được gắn với số thứ tự này (giờ lấy số, thời gian chờ lưu cùng hồ sơ).
      </p>
      <form method="get" action="/can-bo/tiep-nhan" class="card">
        <label for="k-proc">Thủ tục</label>
        <select id="k-proc" name="thu_tuc">
          {p.procedures.map((x) => (
            <option value={x.code}>
              {x.own ? '' : '(khác) '}
              {x.name} ({x.code})
            </option>
          ))}
        </select>{' '}
        <button type="submit" class="primary">
          Mở biểu mẫu tiếp nhận
        </button>
      </form>
      <p>
        <a href="/can-bo/hang-cho">Quay lại quầy</a>
      </p>
    </StaffLayout>
  );
}
