import type { ComponentChildren } from 'preact';
import { assetUrl } from './assets';
import { STAFF_ROLE_TEXT, currentMenuHref, staffMenu, type StaffMember } from './staff-menu';

/** What every workspace page needs for its frame: who is signed in, where, and the CSRF token. */
export interface StaffNavProps {
  csrf: string;
  staff: StaffMember;
  unit: { name: string };
  /** The page's path, to mark its menu entry (defaults to none). */
  current?: string;
}

/** The frame of a workspace page for a request: the official, the unit's name, the CSRF token, the path (for the menu). */
export function staffNav(req: { csrfToken: string; url: string }, staff: StaffMember, unitName: string): StaffNavProps {
  return { csrf: req.csrfToken, staff, unit: { name: unitName }, current: req.url };
}

/** The workspace menu (from `staffMenu`): a column of grouped links beside the page. */
export function StaffMenu(p: { staff: StaffMember; current?: string }) {
  const menu = staffMenu(p.staff);
  const here = p.current ? currentMenuHref(menu, p.current) : undefined;
  return (
    <nav id="menu-can-bo" class="staff-menu noprint" aria-label="Khu làm việc của cán bộ">
      {menu.map((g) => (
        <div class="staff-menu-group">
          <p class="staff-menu-title">{g.label}</p>
          <ul>
            {g.items.map((i) => (
              <li>
                <a href={i.href} aria-current={i.href === here ? 'page' : undefined}>
                  {i.label}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}

/**
/** An error met on a workspace page, in the workspace's frame (the official's unit and menu). */
export function StaffErrorPage(p: StaffNavProps & { status: number; message: string }) {
  const title = p.status === 404 ? 'Không tìm thấy' : p.status >= 500 ? 'Có lỗi xảy ra' : p.status === 403 ? 'Không có quyền' : p.status === 429 ? 'Quá nhiều yêu cầu' : 'Yêu cầu chưa hợp lệ';
  return (
    <StaffLayout {...p} title={title}>
      <section class="card">
        <h1>{title}</h1>
        <p>{p.message}</p>
        <p>
          <a class="btn" href="/can-bo">
            Về trang cán bộ
          </a>
        </p>
      </section>
    </StaffLayout>
  );
}

/**
 * The frame of every staff page: the unit and the official's name, "Đổi mật khẩu" and "Đăng xuất"
 * on the header line, the menu in a column beside the page on a desk screen. The page comes before
 * the menu in the document: on a phone the menu (up to 30 links) goes below the page, reached by
 * the header's "☰ Menu", instead of filling the first screens above it.
 */
export function StaffLayout(p: StaffNavProps & { title: string; head?: ComponentChildren; children: ComponentChildren }) {
  return (
    <html lang="vi">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${p.title} — ${p.unit.name}`}</title>
        <link rel="stylesheet" href={assetUrl('app.css')} />
        {p.head}
      </head>
      <body class="staff">
        <a class="skip" href="#noi-dung">
          Bỏ qua, đến nội dung chính
        </a>
        <header class="site staff-head">
          <div class="wrap">
            <a class="brand" href="/can-bo">
              <span class="brand-mark" aria-hidden="true">
                ★
              </span>
              <span>
                <span class="brand-sub">Bộ phận Một cửa</span>
                <span class="brand-name">{p.unit.name}</span>
              </span>
            </a>
            <div class="staff-who noprint">
              <a class="staff-menu-jump" href="#menu-can-bo">
                ☰ Menu
              </a>
              <span>
                {p.staff.fullName} — {STAFF_ROLE_TEXT[p.staff.role] ?? p.staff.role}
              </span>
              <a href="/can-bo/mat-khau" aria-current={p.current?.startsWith('/can-bo/mat-khau') ? 'page' : undefined}>
                Đổi mật khẩu
              </a>
              <form method="post" action="/dang-xuat" class="inline-form">
                <input type="hidden" name="_csrf" value={p.csrf} />
                <button type="submit">Đăng xuất</button>
              </form>
            </div>
          </div>
        </header>
        <div class="wrap staff-body">
          <main id="noi-dung">{p.children}</main>
          <StaffMenu staff={p.staff} current={p.current} />
        </div>
      </body>
    </html>
  );
}
