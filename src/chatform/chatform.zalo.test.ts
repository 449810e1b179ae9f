import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, expect, it } from 'vitest';
import { zaloSignature } from '../assistant';
import { Desk } from '../dossier/workflow.testing';
import { allFields } from '../eform';
import { eachEngine } from '../shared/suite.testing';
import { CHAT_APPLICANT, chatAnswer, lastOtp, photo } from './chatform.testing';

const APP_ID = '3456789012';
const OA_SECRET = 'oa-secret-chat';
const BIRTH = '1.001193';

/**
 * Zalo on loopback: the OA's message API (replies captured, the access token checked), its token
 * refresh, and the content server the photos of `user_send_image` events are fetched from.
 */
class FakeZaloOa {
  server = http.createServer((req, res) => this.handle(req, res));
  sent: Array<{ userId: string; text: string }> = [];
  images = new Map<string, { body: Buffer; type: string }>();
  base = '';
  refreshes = 1;

  async start(): Promise<string> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.base;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const img = req.method === 'GET' ? this.images.get(req.url ?? '') : undefined;
      if (img) {
        res.writeHead(200, { 'content-type': img.type, 'content-length': img.body.length });
        return res.end(img.body);
      }
      if (req.method === 'POST' && req.url === '/oauth/access_token') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ access_token: 'access-ok', refresh_token: `refresh-${++this.refreshes}`, expires_in: '90000' }));
      }
      if (req.method === 'POST' && req.url === '/v3.0/oa/message/cs' && req.headers.access_token === 'access-ok') {
        const m = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { recipient: { user_id: string }; message: { text: string } };
        this.sent.push({ userId: m.recipient.user_id, text: m.message.text });
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ error: 0, message: 'Success', data: { message_id: `m${this.sent.length}` } }));
      }
      res.writeHead(404);
      res.end();
    });
  }
}

// The OA's settings are read when the app starts: the fake is up before the suites are declared.
const zalo = new FakeZaloOa();
const base = await zalo.start();
afterAll(() => {
  zalo.server.close();
});
const env = { REQUIRE_PHONE_VERIFICATION: 'on', ZALO_APP_ID: APP_ID, ZALO_APP_SECRET: 'app-secret', ZALO_OA_SECRET_KEY: OA_SECRET, ZALO_API_BASE: base, ZALO_OAUTH_URL: `${base}/oauth/access_token`, ZALO_ACCESS_TOKEN: 'access-ok', ZALO_REFRESH_TOKEN: 'refresh-1' };

eachEngine('submitting from a Zalo chat (signed webhook events, photos from Zalo’s server)', { at: '2026-11-30T02:00:00Z', env }, (t) => {
  let seq = 0;

  async function event(userId: string, body: Record<string, unknown>): Promise<string> {
    const timestamp = String(1764468000000 + seq++);
    const raw = JSON.stringify({ app_id: APP_ID, timestamp, sender: { id: userId }, recipient: { id: 'oa-1' }, ...body });
    const r = await t.env.app.inject({ method: 'POST', url: '/webhooks/zalo', payload: raw, headers: { 'content-type': 'application/json', 'x-zevent-signature': zaloSignature(APP_ID, raw, timestamp, OA_SECRET) } });
    expect(r.statusCode).toBe(200);
    await t.env.services.assistant.idle();
    return zalo.sent.filter((m) => m.userId === userId).at(-1)?.text ?? '';
  }
  const text = (userId: string, s: string) => event(userId, { event_name: 'user_send_text', message: { text: s, msg_id: `t-${seq}` } });
  async function image(userId: string, name: string, body: Buffer, type = 'image/jpeg'): Promise<string> {
    return images(userId, [{ name, body, type }]);
  }
  /** One message with several photos (the follower picked several at once). */
  async function images(userId: string, photos: Array<{ name: string; body: Buffer; type?: string }>): Promise<string> {
    const attachments = photos.map((p) => {
      zalo.images.set(`/photos/${p.name}`, { body: p.body, type: p.type ?? 'image/jpeg' });
      const url = `${zalo.base}/photos/${p.name}`;
      return { type: 'image', payload: { url, thumbnail: url } };
    });
    return event(userId, { event_name: 'user_send_image', message: { msg_id: `i-${seq}`, text: '', attachments } });
  }

  it('takes a whole birth registration from a follower: fields, code by SMS, photos; the dossier is online, with its transcript', async () => {
    const user = 'zalo-follower-7';
    expect(await text(user, 'làm giấy khai sinh cho con cần gì')).toContain('Nộp ngay trong cuộc trò chuyện');
    let r = await text(user, 'Nộp ngay trong cuộc trò chuyện');
    expect(r).toContain('Mình sẽ giúp bạn nộp hồ sơ');
    const form = await t.env.services.dossiers.formFor('00004', BIRTH);
    const cases = form.cases.filter((g) => g.kind === 'case').length;
    if (cases) r = await text(user, String(cases + 1));
    expect(r).toContain('Họ và tên người nộp');
    await text(user, CHAT_APPLICANT.fullName);
    expect(await text(user, '0978 111 222')).toContain('mã xác thực');
    expect(await text(user, await lastOtp(t.env, '0978111222'))).toContain('Đã xác thực');
    await text(user, 'bỏ qua');
    r = await text(user, 'bỏ qua');
    for (const f of allFields(form.eform)) {
      expect(r).toContain(f.label);
      r = await text(user, chatAnswer(f));
    }
    const papers = form.cases.filter((g) => g.kind === 'general').flatMap((g) => g.components.filter((c) => c.required && !c.replacedByEForm));
    expect(papers.length).toBeGreaterThan(0);
    // A text file sent as a photo is refused by its content; the paper is asked again.
    const refused = await image(user, 'giay.jpg', Buffer.from('không phải ảnh'), 'image/jpeg');
    expect(refused).toContain('không thuộc định dạng được chấp nhận');
    expect(refused).toContain(papers[0]!.name);
    // The first paper's front and back in one message, the others one photo each; "Xong" after each.
    r = await images(user, [
      { name: 'anh-0.jpg', body: await photo(0) },
      { name: 'anh-0-sau.jpg', body: await photo(10) },
    ]);
    expect(r).toContain(`Đã nhận ảnh 2 của “${papers[0]!.name}”`);
    r = await text(user, 'Xong');
    for (let i = 1; i < papers.length; i++) {
      expect(await image(user, `anh-${i}.jpg`, await photo(i))).toContain('Đã nhận ảnh 1 của');
      r = await text(user, 'xong');
    }
    expect(r).toContain('Xin kiểm tra lại hồ sơ');
    expect(r).toContain(`Ảnh “${papers[0]!.name}”: 2 ảnh`);
    expect(r).toContain('Số điện thoại: 0978 111 222');
    // Fixing an answer from the summary, then confirming.
    const item = r.split('\n').find((l) => /^\d+\. Nơi sinh:/.test(l))!;
    expect(await text(user, `Sửa ${item.split('.')[0]}`)).toContain('Nơi sinh');
    expect(await text(user, 'Trạm y tế phường Ba Đình, Hà Nội')).toContain('Nơi sinh: Trạm y tế phường Ba Đình, Hà Nội');
    const done = await text(user, 'Xác nhận');
    const code = /Mã hồ sơ của bạn: ([\d-]+)\./.exec(done)![1]!;
    expect(done).toContain(`Theo dõi hồ sơ ${code}: ${t.env.services.dossiers.trackingUrl(code)}`);
    expect(done).toMatch(/Ngày hẹn trả kết quả \(dự kiến\): \d{2}:\d{2} \d{2}\/\d{2}\/2026/);

    const d = await t.env.services.dossiers.findByCode(code);
    expect(d?.channel).toBe('online');
    expect(d?.status).toBe('new');
    expect(d?.formData.noiSinh).toBe('Trạm y tế phường Ba Đình, Hà Nội');
    // The same notice as a web submission: "đã nộp" by SMS to the applicant.
    const notices = await new Desk(t.env).outbox(code);
    expect(notices.some((m: any) => m.event === 'submitted' && m.recipient === '0978111222')).toBe(true);
    const staff = await new Desk(t.env).cookie('tiepnhan');
    const page = await t.env.app.inject({ method: 'GET', url: `/can-bo/ho-so/${code}`, headers: { cookie: staff } });
    expect(page.body).toContain('Trực tuyến (trợ lý ảo)');
    expect(page.body).toContain('Nộp qua trợ lý ảo (Zalo)');
    expect(page.body).toContain('[Ảnh] anh-0.jpg');
    expect(page.body).toContain('[Ảnh] anh-0-sau.jpg');
    const files = await t.env.services.database.db.selectFrom('dossier_files').select(['component', 'name']).where('dossier_id', '=', d!.id).orderBy('name').execute();
    expect(files.filter((f) => f.component === papers[0]!.id).map((f) => f.name)).toEqual(['anh-0-sau.jpg', 'anh-0.jpg']);
  });

  it('asks an optional paper, which a follower may skip', async () => {
    const user = 'zalo-follower-9';
    expect(await text(user, 'đăng ký thường trú cần giấy tờ gì')).toContain('Nộp ngay trong cuộc trò chuyện');
    await text(user, 'Nộp ngay trong cuộc trò chuyện');
    const cases = (await t.env.services.dossiers.formFor('00004', '1.004222')).cases.filter((g) => g.kind === 'case').length;
    if (cases) await text(user, String(cases + 1));
    await text(user, 'Hoàng Văn Sơn');
    await text(user, '0977000111');
    await text(user, await lastOtp(t.env, '0977000111'));
    await text(user, 'bỏ qua');
    let r = await text(user, 'bỏ qua');
    for (const f of allFields(await t.env.services.dossiers.eformOf('00004', '1.004222'))) r = await text(user, chatAnswer(f));
    expect(r).toContain('(không bắt buộc)');
    expect(r).toContain('nhắn “Bỏ qua”');
    r = await text(user, 'Bỏ qua');
    expect(r).toMatch(/Ảnh “[^”]+”: \(không gửi\)/);
    const done = await text(user, 'Xác nhận');
    const code = /Mã hồ sơ của bạn: ([\d-]+)\./.exec(done)![1]!;
    const d = await t.env.services.dossiers.findByCode(code);
    expect(d?.status).toBe('new');
    expect(await t.env.services.database.db.selectFrom('dossier_files').select('id').where('dossier_id', '=', d!.id).execute()).toEqual([]);
  });

  it('answers a photo sent outside a submission, and "hủy" stops one', async () => {
    const user = 'zalo-follower-8';
    expect(await image(user, 'le.jpg', await photo(9))).toContain('Mình chỉ nhận ảnh giấy tờ khi bạn đang nộp hồ sơ');
    await text(user, 'đăng ký khai sinh cần gì');
    expect(await text(user, 'nộp ngay')).toContain('Mình sẽ giúp bạn');
    expect(await text(user, 'Hủy')).toContain('Đã hủy hồ sơ');
    expect(await text(user, 'khai tử cần giấy tờ gì')).toContain('khai tử');
  });
});
