import type { VNode } from 'preact';
import type { Unit } from '../unit';
import { Layout } from '../shared/layout';
import { CHANNEL_LABEL, describeTime, formatFee, formatTime } from '../shared/format';
import { slugify } from '../shared/vietnamese';
import type { FieldInfo, ProcedureSummary } from './catalog.service';
import type { UnitProcedure } from './catalog.repo';
import type { Procedure } from './catalog.types';
import { assetUrl } from '../shared/assets';

/** Links of one unit's public pages; views only read these strings. */
export interface UnitLinks {
  home: string;
  search: string;
  field(slug: string): string;
  procedure(code: string): string;
  qrSvg(code: string): string;
  poster(code: string): string;
  listingPdf(slug: string): string;
  bulletin: string;
  villageHall: string;
  excel: string;
  form(code: string, formId: string): string;
  submit(code: string): string;
}

/** A linked procedure group (liên thông, issue 14) as the catalogue lists it: one form for several procedures. */
export interface GroupListing {
  code: string;
  name: string;
  summary: string;
  /** The member procedures' names, in the group's order. */
  memberNames: string[];
  /** The member procedures' fields (the group is listed under each). */
  fields: string[];
  /** The group's one form. */
  href: string;
}

/** Groups listed like procedures: a link to the one form, with the procedures it covers. */
function GroupList({ groups }: { groups: GroupListing[] }) {
  return (
    <ul class="plist">
      {groups.map((g) => (
        <li key={g.code}>
          <a href={g.href}>
            <span class="pname">{g.name}</span>
            <span class="pmeta">
              <span class="tag">Liên thông {g.memberNames.length} thủ tục</span>
              <span>Một tờ khai cho: {g.memberNames.join('; ')}</span>
              <span class="tag online">Nộp trực tuyến</span>
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}

const ONLINE_LABEL = { full: 'Dịch vụ công trực tuyến toàn trình', partial: 'Dịch vụ công trực tuyến một phần' } as const;

function TimeCell({ s }: { s: ProcedureSummary }) {
  return (
    <>
      {s.timeText}
      {s.commitment ? <span class="commit"> · phường cam kết {formatTime(s.commitment)}</span> : null}
    </>
  );
}

/** `lines`: where each procedure is handed in ("Nộp tại Công an phường …"), by code, when the unit recorded its offices. */
function ProcedureList({ items, links, showField, lines }: { items: ProcedureSummary[]; links: UnitLinks; showField?: boolean; lines?: Map<string, string> }) {
  return (
    <ul class="plist">
      {items.map((s) => (
        <li key={s.code}>
          <a href={links.procedure(s.code)}>
            <span class="pname">{s.name}</span>
            <span class="pmeta">
              {showField ? <span class="tag">{s.field}</span> : null}
              <span>
                Thời hạn: <TimeCell s={s} />
              </span>
              <span>
                Phí: {s.onlineFeeText ? <>{s.onlineFeeText} nếu nộp trực tuyến ({s.feeText} tại quầy)</> : s.feeText}
              </span>
              {s.onlineLevel ? <span class="tag online">Nộp trực tuyến</span> : null}
              {lines?.get(s.code) ? <span class="where">{lines.get(s.code)}</span> : null}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}

function SearchForm({ links, q, field, fields, id }: { links: UnitLinks; q?: string; field?: string; fields?: FieldInfo[]; id: string }) {
  return (
    <form class="bigsearch" role="search" action={links.search} method="get">
      <label for={id}>Bạn cần làm thủ tục gì?</label>
      <div class="row">
        <input id={id} name="q" type="search" value={q ?? ''} placeholder="Ví dụ: khai sinh, kết hôn, tạm trú, sao y" autocomplete="off" />
        <button type="submit">Tìm kiếm</button>
      </div>
      {fields ? (
        <div class="row">
          <label for={`${id}-f`}>Lĩnh vực</label>
          <select id={`${id}-f`} name="linhvuc">
            <option value="">Tất cả lĩnh vực</option>
            {fields.map((f) => (
              <option value={f.slug} selected={f.slug === field}>
                {f.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <p class="hint">Gõ có dấu hoặc không dấu đều được.</p>
    </form>
  );
}

/** The home page shows the first essential procedures; the village-hall page has them all. */
const HOME_ESSENTIAL = 8;

export function HomePage(p: { unit: Unit; parent?: Unit; links: UnitLinks; fields: FieldInfo[]; essential: ProcedureSummary[]; total: number; otherUnits: Unit[]; calendar?: string[]; groups?: GroupListing[]; lines?: Map<string, string> }) {
  return (
    <Layout title={`Thủ tục hành chính — ${p.unit.name}`} unitName={p.unit.name} unitHref={p.links.home} description={`Danh mục ${p.total} thủ tục hành chính tiếp nhận tại ${p.unit.name}`}>
      <section class="hero">
        <h1>Thủ tục hành chính tại {p.unit.name}</h1>
        {p.parent ? <p class="sub">{p.parent.name}</p> : null}
        <SearchForm links={p.links} id="q-home" />
      </section>
      {p.groups?.length ? (
        <section>
          <h2>Nộp một lần cho nhiều thủ tục (liên thông)</h2>
          <GroupList groups={p.groups} />
        </section>
      ) : null}
      {p.essential.length ? (
        <section>
          <h2>Thủ tục thường dùng</h2>
          <ProcedureList items={p.essential.slice(0, HOME_ESSENTIAL)} links={p.links} lines={p.lines} />
          {p.essential.length > HOME_ESSENTIAL ? (
            <p>
              <a href={p.links.villageHall}>Xem cả {p.essential.length} thủ tục thiết yếu</a>
            </p>
          ) : null}
        </section>
      ) : null}
      <section>
        <h2>Tra cứu theo lĩnh vực</h2>
        <ul class="fields">
          {p.fields.map((f) => (
            <li key={f.slug}>
              <a href={p.links.field(f.slug)}>
                {f.name} <span class="count">{f.count} thủ tục</span>
              </a>
            </li>
          ))}
        </ul>
      </section>
      <UnitInfo unit={p.unit} calendar={p.calendar} />
      <section class="card print-tools">
        <h2>Niêm yết và in ấn</h2>
        <ul>
          <li>
            <a href={p.links.villageHall}>Danh sách thủ tục thiết yếu kèm mã QR (cho nhà văn hóa tổ dân phố)</a>
          </li>
          <li>
            <a href={p.links.bulletin}>Bảng tin điện tử (màn hình tại bộ phận một cửa)</a>
          </li>
          <li>
            <a href={p.links.excel}>Tải danh mục thủ tục của đơn vị (Excel)</a>
          </li>
        </ul>
      </section>
      {p.otherUnits.length ? (
        <section>
          <h2>Đơn vị khác</h2>
          <ul class="inline">
            {p.otherUnits.map((u) => (
              <li key={u.code}>
                <a href={`/dv/${u.code}`}>{u.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}

/** `contact`: the procedure's own office is shown above ("Nộp ở đâu"), this is the unit's contact. */
function UnitInfo({ unit, calendar = [], contact }: { unit: Unit; calendar?: string[]; contact?: boolean }) {
  const hours = [...unit.openingHours, ...calendar];
  return (
    <section class="card" aria-labelledby="noi-nop">
      <h2 id="noi-nop">{contact ? `Liên hệ ${unit.name}` : 'Nơi nộp hồ sơ và giờ làm việc'}</h2>
      <p>{unit.address || unit.name}</p>
      {hours.length ? (
        <ul>
          {hours.map((h) => (
            <li>{h}</li>
          ))}
        </ul>
      ) : null}
      {unit.phone ? (
        <p>
          Điện thoại: <a href={`tel:${unit.phone.replace(/\s+/g, '')}`}>{unit.phone}</a>
        </p>
      ) : null}
      <p>
        <a href={`/dv/${unit.code}/ho-tro-tai-nha`}>Đề nghị cán bộ đến nhà tiếp nhận hồ sơ</a> (người cao tuổi, người khuyết tật)
      </p>
      <p>
        <a href={`/dv/${unit.code}/dat-lich`}>Đặt lịch hẹn đến quầy</a> (chọn giờ, không phải chờ lâu)
      </p>
      <p>
        <a href={`/dv/${unit.code}/nhac-lich-tiem`}>Nhắc lịch tiêm chủng cho trẻ dưới 24 tháng tuổi</a> (tin nhắn trước mỗi mũi tiêm)
      </p>
      <p>
        <a href={`/dv/${unit.code}/lay-so?kenh=web`}>Lấy số thứ tự</a> (theo dõi lượt trên điện thoại, không phải ngồi chờ)
      </p>
      <p>
        <a href={`/dv/${unit.code}/ket-qua-giai-quyet`}>Kết quả giải quyết thủ tục hành chính</a>
      </p>
    </section>
  );
}

export function FieldPage(p: { unit: Unit; links: UnitLinks; field: FieldInfo; items: ProcedureSummary[]; groups?: GroupListing[]; lines?: Map<string, string> }) {
  const groups = p.groups ?? [];
  return (
    <Layout title={`Lĩnh vực ${p.field.name} — ${p.unit.name}`} unitName={p.unit.name} unitHref={p.links.home} searchAction={p.links.search}>
      <nav aria-label="Đường dẫn" class="crumbs">
        <a href={p.links.home}>Trang chủ</a> › <span>{p.field.name}</span>
      </nav>
      <h1>Lĩnh vực {p.field.name}</h1>
      <p>
        {p.items.length} thủ tục{groups.length ? `, ${groups.length} nhóm thủ tục liên thông` : ''}. <a href={p.links.listingPdf(p.field.slug)}>Tải bản niêm yết A4 kèm mã QR (PDF)</a>
      </p>
      {groups.length ? <GroupList groups={groups} /> : null}
      <ProcedureList items={p.items} links={p.links} lines={p.lines} />
    </Layout>
  );
}

export function SearchPage(p: { unit: Unit; links: UnitLinks; q: string; field?: string; fields: FieldInfo[]; items: ProcedureSummary[]; total: number; groups?: GroupListing[]; lines?: Map<string, string> }) {
  const groups = p.groups ?? [];
  return (
    <Layout title={p.q ? `Tìm “${p.q}” — ${p.unit.name}` : `Tìm thủ tục — ${p.unit.name}`} unitName={p.unit.name} unitHref={p.links.home}>
      <h1>Tìm thủ tục</h1>
      <SearchForm links={p.links} q={p.q} field={p.field} fields={p.fields} id="q-page" />
      <section aria-live="polite">
        {groups.length ? (
          <>
            <p class="result-count">Nhóm thủ tục liên thông phù hợp (một tờ khai cho nhiều thủ tục):</p>
            <GroupList groups={groups} />
          </>
        ) : null}
        {p.q || p.field ? (
          p.items.length ? (
            <>
              <p class="result-count">
                Tìm thấy {p.total} thủ tục{p.q ? ` cho “${p.q}”` : ''}
                {p.total > p.items.length ? `, hiển thị ${p.items.length} thủ tục phù hợp nhất` : ''}.
              </p>
              <ProcedureList items={p.items} links={p.links} showField lines={p.lines} />
            </>
          ) : groups.length ? null : (
            <div class="card">
              <p>Không tìm thấy thủ tục nào phù hợp với “{p.q}”.</p>
              <p>Hãy thử từ khóa ngắn hơn (ví dụ “khai sinh”, “tạm trú”), hoặc xem theo lĩnh vực ở trang chủ.</p>
            </div>
          )
        ) : null}
      </section>
    </Layout>
  );
}

function Checklist({ procedure, links }: { procedure: Procedure; links: UnitLinks }) {
  const formIds = new Set(procedure.forms.map((f) => f.id));
  return (
    <>
      {procedure.componentGroups.map((g) => (
        <fieldset class="checklist" key={g.id}>
          <legend>{g.title || 'Giấy tờ phải nộp'}</legend>
          <ul>
            {g.components.map((c, i) => {
              const id = `c-${g.id}-${i}`;
              const qty = [c.originals ? `${c.originals} bản chính` : '', c.copies ? `${c.copies} bản sao` : ''].filter(Boolean).join(', ');
              const form = c.form ? procedure.forms.find((f) => f.id === c.form) : undefined;
              return (
                <li key={id}>
                  <input type="checkbox" id={id} />
                  <label for={id}>
                    {c.name}
                    {qty ? <span class="qty"> — {qty}</span> : null}
                    {!c.required ? <span class="qty"> (nếu có)</span> : null}
                    {c.note ? <span class="note"> {c.note}</span> : null}
                  </label>
                  {form ? (
                    <a class="dl" href={links.form(procedure.code, form.id)}>
                      Tải mẫu: {form.title} (PDF)
                    </a>
                  ) : c.form && !formIds.has(c.form) ? (
                    <span class="note"> Mẫu: {c.form}</span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
      <OtherForms procedure={procedure} links={links} />
    </>
  );
}

/** Forms no component points to, e.g. the unit's own forms (catalogue settings of the unit). */
function OtherForms({ procedure, links }: { procedure: Procedure; links: UnitLinks }) {
  const used = new Set(procedure.componentGroups.flatMap((g) => g.components.map((c) => c.form)));
  const other = procedure.forms.filter((f) => !used.has(f.id));
  if (!other.length) return null;
  return (
    <div class="checklist">
      <p>
        <strong>Biểu mẫu khác</strong>
      </p>
      <ul>
        {other.map((f) => (
          <li key={f.id}>
            <a class="dl" href={links.form(procedure.code, f.id)}>
              Tải mẫu: {f.title} (PDF)
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ProcedurePage(p: { unit: Unit; links: UnitLinks; procedure: Procedure; entry: UnitProcedure; shortUrl: string; qrSvg: string; calendar?: string[]; where?: { box: VNode; name: string } }) {
  const { procedure: pr, links } = p;
  const online = pr.channels.some((c) => c.kind === 'online');
  return (
    <Layout
      title={`${pr.name} — ${p.unit.name}`}
      unitName={p.unit.name}
      unitHref={links.home}
      searchAction={links.search}
      description={pr.summary || pr.name}
      canonical={p.shortUrl}
    >
      <nav aria-label="Đường dẫn" class="crumbs">
        <a href={links.home}>Trang chủ</a> › <a href={links.field(slugify(pr.field))}>{pr.field}</a>
      </nav>
      <article class="procedure">
        <h1>{pr.name}</h1>
        <p class="pmeta">
          <span class="tag">Mã {pr.code}</span>
          <span class="tag">{pr.field}</span>
          {pr.onlineLevel ? <span class="tag online">{ONLINE_LABEL[pr.onlineLevel]}</span> : null}
        </p>
        {pr.summary ? <p class="lead">{pr.summary}</p> : null}

        <div class="facts">
          <div>
            <h2 class="h3">Thời hạn giải quyết</h2>
            <ul>
              {pr.channels.map((c) => (
                <li>
                  {CHANNEL_LABEL[c.kind]}: <strong>{describeTime(c.time, c.timeText).main}</strong>
                  {describeTime(c.time, c.timeText).rest ? <span class="note"> ({describeTime(c.time, c.timeText).rest})</span> : null}
                </li>
              ))}
            </ul>
            {p.entry.commitment ? (
              <p class="commit">
                {p.unit.name} cam kết giải quyết trong <strong>{formatTime(p.entry.commitment)}</strong>.
              </p>
            ) : null}
          </div>
          <div>
            <h2 class="h3">Phí, lệ phí</h2>
            <FeeList procedure={pr} />
          </div>
        </div>

        {online ? (
          <p>
            <a class="btn primary" href={links.submit(pr.code)}>
              Nộp hồ sơ trực tuyến
            </a>
          </p>
        ) : (
          <p class="note">
            Thủ tục này nộp trực tiếp{pr.channels.some((c) => c.kind === 'post') ? ' hoặc qua bưu chính' : ''} tại {p.where?.name ?? 'bộ phận một cửa'}.
          </p>
        )}
        <p>
          <a class="btn" href={`/dv/${p.unit.code}/dat-lich?thu-tuc=${encodeURIComponent(pr.code)}`}>
            Đặt lịch hẹn đến quầy
          </a>{' '}
          <a class="btn" href={`/dv/${p.unit.code}/lay-so?thu-tuc=${encodeURIComponent(pr.code)}`}>
            Lấy số thứ tự
          </a>
        </p>

        {p.where?.box ?? null}

        <section>
          <h2>Hồ sơ cần chuẩn bị</h2>
          <p class="hint">Đánh dấu từng giấy tờ khi đã chuẩn bị xong.</p>
          {pr.componentGroups.length ? <Checklist procedure={pr} links={links} /> : <p>Không có thông tin.</p>}
        </section>

        {pr.steps.length ? (
          <section>
            <h2>Các bước thực hiện</h2>
            <ol class="steps">
              {pr.steps.map((s) => (
                <li>{s}</li>
              ))}
            </ol>
          </section>
        ) : null}

        <UnitInfo unit={p.unit} calendar={p.calendar} contact={!!p.where} />

        {pr.conditions ? (
          <section>
            <h2>Điều kiện thực hiện</h2>
            <p class="pre">{pr.conditions}</p>
          </section>
        ) : null}

        <section>
          <h2>Thông tin khác</h2>
          <dl class="kv">
            {pr.applicants ? (
              <>
                <dt>Đối tượng thực hiện</dt>
                <dd>{pr.applicants}</dd>
              </>
            ) : null}
            {pr.agency ? (
              <>
                <dt>Cơ quan thực hiện</dt>
                <dd>{pr.agency}</dd>
              </>
            ) : null}
            {pr.results.length ? (
              <>
                <dt>Kết quả</dt>
                <dd>
                  {pr.results.map((r) => (
                    <div>
                      {r.name}
                      {r.code ? <span class="note"> (mã {r.code})</span> : null}
                    </div>
                  ))}
                </dd>
              </>
            ) : null}
            {pr.levels.length ? (
              <>
                <dt>Cấp thực hiện</dt>
                <dd>{pr.levels.join(', ')}</dd>
              </>
            ) : null}
          </dl>
        </section>

        {pr.legalBasis.length ? (
          <section>
            <h2>Căn cứ pháp lý</h2>
            <ul class="legal">
              {pr.legalBasis.map((l) => (
                <li>
                  {l.number ? <strong>{l.number}</strong> : null} {l.name}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <section class="card qrbox">
          <h2>Mã QR của thủ tục</h2>
          <div class="qr" role="img" aria-label={`Mã QR dẫn tới ${p.shortUrl}`} dangerouslySetInnerHTML={{ __html: p.qrSvg }} />
          <p class="url">{p.shortUrl}</p>
          <p>
            <a href={links.poster(pr.code)}>In áp phích A4 (PDF)</a> · <a href={links.qrSvg(pr.code).replace(/\.svg$/, '.png')}>Tải ảnh mã QR (PNG)</a>
          </p>
        </section>
      </article>
    </Layout>
  );
}

function FeeList({ procedure }: { procedure: Procedure }) {
  const rows = procedure.channels.filter((c) => c.fees.length || c.feeText);
  if (!rows.length) return <p>Không có thông tin.</p>;
  const same = rows.every((c) => JSON.stringify(c.fees) === JSON.stringify(rows[0]!.fees) && c.feeText === rows[0]!.feeText);
  const list = same ? [rows[0]!] : rows;
  return (
    <>
      <ul>
        {list.map((c) => (
          <li>
            {!same ? <span>{CHANNEL_LABEL[c.kind]}: </span> : null}
            {c.fees.length ? c.fees.map((f) => <div>{formatFee(f)}{f.note ? <span class="note"> ({f.note})</span> : null}</div>) : null}
            {c.feeText ? <div>{c.feeText}</div> : null}
          </li>
        ))}
      </ul>
      {procedure.exemptions.length ? (
        <div class="exempt">
          <strong>Được miễn, giảm:</strong>
          <ul>
            {procedure.exemptions.map((e) => (
              <li>{e}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

export function BulletinPage(p: { unit: Unit; item: ProcedureSummary; index: number; total: number; next: string; qrSvg: string; shortUrl: string; seconds: number }) {
  return (
    <Layout
      title={`Bảng tin — ${p.unit.name}`}
      bare
      head={
        <>
          <noscript>
            <meta http-equiv="refresh" content={`${p.seconds};url=${p.next}`} />
          </noscript>
          <script src={assetUrl('bulletin.js')} defer />
        </>
      }
      bodyData={{ 'data-seconds': String(p.seconds) }}
    >
      <div class="bulletin">
        <header>
          <p class="b-unit">{p.unit.name} — Bộ phận Một cửa</p>
          <p class="b-count">
            Thủ tục {p.index + 1}/{p.total}{' '}
            <button type="button" id="b-pause" hidden>
              Tạm dừng
            </button>{' '}
            <a rel="next" href={p.next}>
              Thủ tục tiếp theo
            </a>
          </p>
        </header>
        <div class="b-body">
          <div>
            <p class="b-field">{p.item.field}</p>
            <h1>{p.item.name}</h1>
            <p>
              Thời hạn: <strong>{p.item.timeText}</strong>
              {p.item.commitment ? ` (cam kết ${formatTime(p.item.commitment)})` : ''}
            </p>
            <p>
              Phí, lệ phí: <strong>{p.item.feeText}</strong>
            </p>
            <p class="b-hint">Quét mã QR bằng điện thoại để xem giấy tờ cần chuẩn bị và nộp hồ sơ trực tuyến.</p>
          </div>
          <div class="b-qr" role="img" aria-label={`Mã QR dẫn tới ${p.shortUrl}`} dangerouslySetInnerHTML={{ __html: p.qrSvg }} />
        </div>
      </div>
    </Layout>
  );
}

export function VillageHallPage(p: { unit: Unit; links: UnitLinks; items: Array<{ s: ProcedureSummary; qrSvg: string; shortUrl: string }>; chosen: boolean }) {
  return (
    <Layout title={`Thủ tục thiết yếu — ${p.unit.name}`} unitName={p.unit.name} unitHref={p.links.home}>
      <h1>Thủ tục thiết yếu — {p.unit.name}</h1>
      <p class="noprint">
        Trang này để in và dán tại nhà văn hóa tổ dân phố, thôn. Người dân quét mã QR để xem hồ sơ cần chuẩn bị. <a href={p.links.home}>Xem toàn bộ danh mục</a>.
      </p>
      {!p.chosen ? (
        <p class="card" role="status">
          {p.unit.name} chưa chọn thủ tục thiết yếu để niêm yết; dưới đây là toàn bộ danh mục.
        </p>
      ) : null}
      <ul class="hall">
        {p.items.map(({ s, qrSvg, shortUrl }) => (
          <li key={s.code}>
            <div class="hall-qr" role="img" aria-label={`Mã QR dẫn tới ${shortUrl}`} dangerouslySetInnerHTML={{ __html: qrSvg }} />
            <div>
              <h2 class="h3">
                <a href={p.links.procedure(s.code)}>{s.name}</a>
              </h2>
              <p>Thời hạn: {s.timeText}</p>
              <p>Phí: {s.feeText}</p>
            </div>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
