/**
 * Test support for chat submissions (never used by production code): a citizen on the web chat
 * (cookies, the chat's form token, questions and photos over real HTTP), the answers a citizen
 * gives for the birth registration's e-form, and photos of papers.
 */
import sharp from 'sharp';
import { expect } from 'vitest';
import type { EFormField } from '../eform';
import { csrfOf } from '../shared/suite.testing';
import type { TestEnv } from '../shared/testing';

/** What the citizen types for each field of the birth registration (1.001193), and what the web form posts for it. */
export const BIRTH_ANSWERS: Record<string, { chat: string; web: string }> = {
  hoTenTre: { chat: 'Nguyễn Minh An', web: 'Nguyễn Minh An' },
  ngaySinh: { chat: 'ngày 5 tháng 11 năm 2026', web: '05/11/2026' },
  gioiTinh: { chat: 'Nam', web: 'nam' },
  noiSinh: { chat: 'Bệnh viện Phụ sản Hà Nội, phường Ba Đình, Hà Nội', web: 'Bệnh viện Phụ sản Hà Nội, phường Ba Đình, Hà Nội' },
  queQuan: { chat: 'Xã Yên Phong, tỉnh Bắc Ninh', web: 'Xã Yên Phong, tỉnh Bắc Ninh' },
  danToc: { chat: 'Đúng', web: 'Kinh' },
  quocTich: { chat: 'đúng', web: 'Việt Nam' },
  hoTenMe: { chat: 'Trần Thị Bình', web: 'Trần Thị Bình' },
  soDinhDanhMe: { chat: '001 190 012 345', web: '001190012345' },
  hoTenCha: { chat: 'Bỏ qua', web: '' },
  soDinhDanhCha: { chat: 'bỏ qua', web: '' },
  quanHe: { chat: '2', web: 'me' },
  soBanSao: { chat: '1', web: '1' },
  camDoan: { chat: 'Đồng ý', web: 'true' },
  ghiChu: { chat: 'Bỏ qua', web: '' },
};

export const CHAT_APPLICANT = { fullName: 'Trần Thị Bình', phone: '0987654321', idNumber: '001190012345', address: 'Số 5 phố Kim Mã, Ba Đình, Hà Nội' };

/** A photo of a paper (a JPEG, different for each `n`: the store is content-addressed). */
export function photo(n: number): Promise<Buffer> {
  return sharp({ create: { width: 40 + n, height: 30, channels: 3, background: { r: 200, g: 20 * n, b: 90 } } })
    .jpeg()
    .toBuffer();
}

/** The last one-time code sent to a phone (read from the outbox, as the SMS gateway would get it). */
export async function lastOtp(env: TestEnv, phone: string): Promise<string> {
  const rows = await env.services.database.db.selectFrom('outbox').select(['body', 'created_at', 'id']).where('recipient', '=', phone).where('event', '=', 'otp').orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  return /(\d{6})/.exec(rows[0]!.body)![1]!;
}

/** Plain text of a chat fragment (the bubbles' paragraphs and links). */
export function textOf(html: string): string {
  return html
    .replace(/<(p|li|a|button)[^>]*>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;/g, "'")
    .replace(/\n\s*\n/g, '\n')
    .trim();
}

/** A browser on the web chat: its cookies, and each question or photo sent as the widget sends it. */
export class WebChatter {
  cookies = new Map<string, string>();
  constructor(
    readonly env: TestEnv,
    readonly unit = '00004',
  ) {}

  get cookie(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  keep(r: { cookies: Array<{ name: string; value: string }> }): void {
    for (const c of r.cookies) this.cookies.set(c.name, c.value);
  }

  async csrf(): Promise<string> {
    const r = await this.env.app.inject({ method: 'GET', url: `/tro-ly/khung?dv=${this.unit}`, headers: { cookie: this.cookie } });
    expect(r.statusCode).toBe(200);
    this.keep(r);
    return csrfOf(r.body);
  }

  /** The reply to one message, as text, and its HTML (to see the photo button). */
  async say(q: string): Promise<{ text: string; html: string }> {
    const csrf = await this.csrf();
    const r = await this.env.app.inject({
      method: 'POST',
      url: '/tro-ly?fragment=1',
      headers: { cookie: this.cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      payload: new URLSearchParams({ _csrf: csrf, dv: this.unit, q }).toString(),
    });
    expect(r.statusCode, r.body).toBe(200);
    const html = r.json().html as string;
    const bot = html.slice(html.lastIndexOf('as-msg as-bot'));
    return { text: textOf(`<li class="${bot}`), html: bot };
  }

  /** A photo through the chat's upload form. */
  async photo(data: Buffer, filename: string, type = 'image/jpeg'): Promise<{ status: number; text: string; html: string }> {
    return this.photos([{ data, filename, type }]);
  }

  /** Several photos chosen at once in the chat's upload form (front and back, the pages of a paper). */
  async photos(files: Array<{ data: Buffer; filename: string; type?: string }>): Promise<{ status: number; text: string; html: string }> {
    const csrf = await this.csrf();
    const boundary = '----chatphoto' + Math.random().toString(16).slice(2);
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--${boundary}\r\nContent-Disposition: form-data; name="dv"\r\n\r\n${this.unit}\r\n`),
      ...files.flatMap((f) => [
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="anh"; filename="${f.filename}"\r\nContent-Type: ${f.type ?? 'image/jpeg'}\r\n\r\n`),
        f.data,
        Buffer.from('\r\n'),
      ]),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
    const r = await this.env.app.inject({ method: 'POST', url: '/tro-ly/anh?fragment=1', headers: { cookie: this.cookie, 'content-type': `multipart/form-data; boundary=${boundary}`, accept: 'application/json' }, payload: body });
    const html = r.statusCode === 200 ? (r.json().html as string) : r.body;
    const bot = html.slice(html.lastIndexOf('as-msg as-bot'));
    return { status: r.statusCode, text: textOf(`<li class="${bot}`), html: bot };
  }
}

/** The chat's answer for a field: the birth registration's, else something valid of its type. */
export function chatAnswer(f: EFormField): string {
  return BIRTH_ANSWERS[f.id]?.chat ?? (f.required ? (f.type === 'date' ? '01/01/2020' : f.type === 'checkbox' ? 'Đồng ý' : f.type === 'select' || f.type === 'radio' ? '1' : f.type === 'number' ? '1' : f.type === 'idNumber' ? '001190012345' : 'Nội dung') : 'Bỏ qua');
}
