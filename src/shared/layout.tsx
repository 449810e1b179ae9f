import { assetUrl } from './assets';
import type { ComponentChildren } from 'preact';

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

function AssistantButton({ unitHref }: { unitHref?: string }) {
  const unit = /^\/dv\/(\d{2,5})$/.exec(unitHref ?? '')?.[1];
  return (
    <a class="as-fab" href={unit ? `/tro-ly?dv=${unit}` : '/tro-ly'} data-assistant={unit ?? ''}>
      Hỏi trợ lý ảo
    </a>
  );
}

export function Layout(p: LayoutProps) {
  return (
    <html lang="vi">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{p.title}</title>
        {p.description ? <meta name="description" content={p.description} /> : null}
        {p.canonical ? <link rel="canonical" href={p.canonical} /> : null}
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
                    <span class="brand-name">{p.unitName ?? 'motcua'}</span>
                  </span>
                </a>
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
                <p>Thông tin thủ tục theo Cơ sở dữ liệu quốc gia về thủ tục hành chính. Giờ Việt Nam (GMT+7).</p>
              </div>
            </footer>
            {assistantButton(p) ? <AssistantButton unitHref={p.unitHref} /> : null}
          </>
        )}
      </body>
    </html>
  );
}

export function ErrorPage(p: { status: number; message: string; homeHref: string }) {
  const title = p.status === 404 ? 'Không tìm thấy' : p.status >= 500 ? 'Có lỗi xảy ra' : 'Yêu cầu chưa hợp lệ';
  return (
    <Layout title={`${title} — Bộ phận Một cửa`}>
      <section class="card">
        <h1>{title}</h1>
        <p>{p.message}</p>
        <p>
          <a class="btn" href={p.homeHref}>
            Về trang chủ
          </a>
        </p>
      </section>
    </Layout>
  );
}
