import { assetUrl } from './assets';
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';

/**
 * What every page's header and footer need besides the page's own props: who is signed in (for
 * "Đăng nhập" / "Hồ sơ của tôi") and the default unit's name (pages that are not about one unit,
 * like /tra-cuu, still show the office's name, never the software's). Set by `renderPage`.
 */
export interface Chrome {
  account?: 'citizen' | 'staff';
  unitName?: string;
  homeHref?: string;
}
export const ChromeContext = createContext<Chrome>({});

export interface LayoutProps {
  title: string;
  /** Unit name shown in the header, e.g. "Phường Ba Đình". */
  unitName?: string;
  unitHref?: string;
  searchAction?: string;
  searchValue?: string;
  description?: string;
  canonical?: string;
  /** Pages for print or TV use a lean chrome. */
  bare?: boolean;
  head?: ComponentChildren;
  /** data-* attributes on <body> for small page scripts. */
  bodyData?: Record<string, string>;
  /** Leave out the assistant's chat button (the chat page itself, staff pages). */
  noAssistant?: boolean;
  children: ComponentChildren;
}

/** The virtual assistant's button on public pages: a link to the full-page chat, opened as a panel by assistant.js. */
function assistantButton(p: LayoutProps): boolean {
  return !p.bare && !p.noAssistant && !(p.unitHref ?? '').startsWith('/can-bo');
}

/**
 * In the header's navigation on phones and tablets (a floating button there covers buttons, fees
 * and the VietQR code); it floats at the bottom right only on screens wide enough to have a margin
 * beside the content column (assistant.css).
 */
function AssistantButton({ unitHref }: { unitHref?: string }) {
  const unit = /^\/dv\/(\d{2,5})$/.exec(unitHref ?? '')?.[1];
  return (
    <a class="as-fab" href={unit ? `/tro-ly?dv=${unit}` : '/tro-ly'} data-assistant={unit ?? ''}>
      Hỏi trợ lý ảo
    </a>
  );
}

/** The citizen's ways in, as DVCQG puts them in its header and footer. */
function CitizenNav(p: { account?: Chrome['account']; label: string; assistant?: ComponentChildren }) {
  return (
    <nav class="site-nav" aria-label={p.label}>
      <ul>
        <li>
          <a href="/tra-cuu">Tra cứu hồ sơ</a>
        </li>
        {p.account === 'citizen' ? (
          <li>
            <a href="/ca-nhan">Hồ sơ của tôi</a>
          </li>
        ) : p.account === 'staff' ? (
          <li>
            <a href="/can-bo">Trang cán bộ</a>
          </li>
        ) : (
          <li>
            <a href="/dang-nhap">Đăng nhập</a>
          </li>
        )}
        {p.assistant ? <li>{p.assistant}</li> : null}
      </ul>
    </nav>
  );
}

export function Layout(props: LayoutProps) {
  const chrome = useContext(ChromeContext);
  const p = { ...props, unitName: props.unitName ?? chrome.unitName, unitHref: props.unitHref ?? chrome.homeHref };
  const staffPage = (p.unitHref ?? '').startsWith('/can-bo');
  return (
    <html lang="vi">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{p.title}</title>
        {p.description ? <meta name="description" content={p.description} /> : null}
        {p.canonical ? <link rel="canonical" href={p.canonical} /> : null}
        <link rel="icon" href="/favicon.ico" sizes="any" />
        {/* One stylesheet (the assistant's styles included), fingerprinted and cached for a year. */}
        <link rel="stylesheet" href={assetUrl('app.css')} />
        {assistantButton(p) ? <script src={assetUrl('assistant.js')} defer /> : null}
        {p.head}
      </head>
      <body class={p.bare ? 'bare' : undefined} {...(p.bodyData ?? {})}>
        {p.bare ? (
          <main id="noi-dung">{p.children}</main>
        ) : (
          <>
            <a class="skip" href="#noi-dung">
              Bỏ qua, đến nội dung chính
            </a>
            <header class="site">
              <div class="wrap">
                <a class="brand" href={p.unitHref ?? '/'}>
                  <span class="brand-mark" aria-hidden="true">
                    ★
                  </span>
                  <span>
                    <span class="brand-sub">Bộ phận Một cửa</span>
                    <span class="brand-name">{p.unitName ?? 'Bộ phận Một cửa'}</span>
                  </span>
                </a>
                {!staffPage ? <CitizenNav account={chrome.account} label="Dịch vụ cho người dân" assistant={assistantButton(p) ? <AssistantButton unitHref={p.unitHref} /> : null} /> : null}
                {p.searchAction ? (
                  <form class="search" role="search" action={p.searchAction} method="get">
                    <label for="q-top" class="vh">
                      Tìm thủ tục
                    </label>
                    <input id="q-top" name="q" type="search" value={p.searchValue ?? ''} placeholder="Tìm thủ tục, ví dụ: khai sinh" />
                    <button type="submit">Tìm</button>
                  </form>
                ) : null}
              </div>
            </header>
            <main id="noi-dung" class="wrap">
              {p.children}
            </main>
            <footer class="site">
              <div class="wrap">
                {!staffPage ? <CitizenNav account={chrome.account} label="Liên kết cuối trang" /> : null}
                <p>
                  {p.unitName ? `Bộ phận Một cửa ${p.unitName}. ` : ''}Thông tin thủ tục theo Cơ sở dữ liệu quốc gia về thủ tục hành chính. Giờ Việt Nam (GMT+7).
                </p>
              </div>
            </footer>
          </>
        )}
      </body>
    </html>
  );
}

export function ErrorPage(p: { status: number; message: string; homeHref?: string; homeLabel?: string }) {
  const title = p.status === 404 ? 'Không tìm thấy' : p.status >= 500 ? 'Có lỗi xảy ra' : p.status === 429 ? 'Quá nhiều yêu cầu' : 'Yêu cầu chưa hợp lệ';
  return (
    <Layout title={`${title} — Bộ phận Một cửa`}>
      <section class="card">
        <h1>{title}</h1>
        <p>{p.message}</p>
        <p>
          <a class="btn" href={p.homeHref ?? '/'}>
            {p.homeLabel ?? 'Về trang chủ'}
          </a>
        </p>
      </section>
    </Layout>
  );
}
