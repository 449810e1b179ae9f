import { spawn } from 'node:child_process';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { Desk } from '../dossier/workflow.testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection';
import { fixedClock } from '../shared/clock';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { uuidv7 } from '../shared/ids';
import type { DossierNotice } from './notification.types';
import { buildTransports } from './notification.setup';
import { startFakeSmsGateway, startFakeZalo, type FakeSmsGateway, type FakeZalo } from './notification.testing';
import { NotificationWorker } from './notification.worker';

const notice = (over: Partial<DossierNotice> = {}): DossierNotice => ({
  event: 'received',
  dossierId: uuidv7(),
  code: '00004-261130-0001',
  unitCode: '00004',
  procedureName: 'Đăng ký khai sinh',
  applicant: { fullName: 'Nguyễn Văn An', phone: '0912345678' },
  trackingUrl: 'http://motcua.test/ho-so/00004-261130-0001?t=abc',
  dueAt: '2026-12-02T10:00:00.000Z',
  ...over,
});

async function until(cond: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

for (const engine of engines()) {
  describe(`notifications: outbox delivery [${engine}]`, () => {
    let env: TestEnv;
    let sms: FakeSmsGateway;
    let zalo: FakeZalo;
    let smtp: SMTPServer;
    const mails: Buffer[] = [];
    const clock = fixedClock('2026-11-30T02:00:00Z');

    beforeAll(async () => {
      sms = await startFakeSmsGateway();
      zalo = await startFakeZalo({ appId: 'app-1', appSecret: 'secret-of-the-oa', refreshToken: 'ref-0' });
      smtp = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS', 'AUTH'],
        logger: false,
        onData(stream, _session, cb) {
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            mails.push(Buffer.concat(chunks));
            cb();
          });
        },
      });
      await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
      const smtpPort = (smtp.server.address() as AddressInfo).port;
      env = await createTestEnv(engine, {
        clock,
        env: {
          REQUIRE_PHONE_VERIFICATION: 'off',
          SMS_HTTP_URL: sms.url,
          SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
          SMTP_FROM: 'Phường Ba Đình <motcua@badinh.example.vn>',
          ZALO_API_BASE: zalo.apiBase,
          ZALO_OAUTH_URL: zalo.oauthUrl,
          ZALO_APP_ID: 'app-1',
          ZALO_APP_SECRET: 'secret-of-the-oa',
          ZALO_REFRESH_TOKEN: 'ref-0',
          NOTIFY_MAX_ATTEMPTS: '3',
        },
      });
    });
    afterAll(async () => {
      await env?.close();
      await sms?.close();
      await zalo?.close();
      await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
    });

    const n = () => env.services.notifications;
    const queue = (x: DossierNotice) => env.services.database.db.transaction().execute((trx) => n().notifyDossier(trx, x));
    const worker = (opts: ConstructorParameters<typeof NotificationWorker>[3] = {}, db = env.services.database.db) =>
      new NotificationWorker(db, clock, buildTransports(env.config.notifications, { db, clock, demo: false }), { maxAttempts: 3, backoffBaseMs: 30_000, ...opts });
    const row = async (id: string) => env.services.database.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    /** The outbox rows of one dossier's events (all channels). */
    const smsOf = (dossierId: string) => env.services.database.db.selectFrom('outbox').selectAll().where('dedup_key', 'like', `dossier:${dossierId}:%`).orderBy('channel', 'desc').execute();
    async function staff(username: string) {
      const r = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'demo' } });
      expect(r.statusCode).toBe(200);
      return { cookie: `motcua_sid=${r.cookies.find((c) => c.name === 'motcua_sid')!.value}`, csrf: r.json().csrfToken as string };
    }

    it('queues each event once per channel, and delivers the SMS to the gateway as {to:"+84…", text, id}', async () => {
      const x = notice();
      expect(await queue(x)).toBe(1);
      expect(await queue(x)).toBe(0); // the same event again: de-duplicated
      const [m] = await smsOf(x.dossierId);
      expect(m!.status).toBe('pending');
      const r = await worker().runOnce();
      expect(r.sent).toBeGreaterThanOrEqual(1);
      const got = sms.requests.find((q) => q.id === m!.id)!;
      expect(got.to).toBe('+84912345678');
      expect(got.text).toContain('00004-261130-0001');
      expect(got.text).toMatch(/^Phuong Ba Dinh: Ho so 00004-261130-0001 \(Dang ky khai sinh\) da duoc tiep nhan ngay 30\/11\/2026\. Hen tra ket qua: 17:00 02\/12\/2026/);
      const after = await row(m!.id);
      expect(after.status).toBe('sent');
      expect(after.delivered_via).toBe('sms_http');
      expect(after.provider_ref).toMatch(/^gw-/);
    });

    it('loses nothing while the provider is down: retries with growing delays, delivers when it is back', async () => {
      const x = notice({ event: 'supplement_requested', reason: 'bản sao giấy chứng sinh' });
      await queue(x);
      const [m] = await smsOf(x.dossierId);
      sms.setStatus(503);
      const w = worker();
      const delays: number[] = [];
      for (let i = 0; i < 2; i++) {
        const r = await w.runOnce();
        expect(r.retried).toBe(1);
        const after = await row(m!.id);
        expect(after.status).toBe('pending');
        expect(after.last_error).toContain('503');
        delays.push(new Date(after.next_attempt_at).getTime() - clock.now().getTime());
        expect((await w.runOnce()).claimed).toBe(0); // not due yet
        clock.advance(delays.at(-1)! + 1);
      }
      expect(delays[0]).toBeGreaterThanOrEqual(24_000);
      expect(delays[0]).toBeLessThanOrEqual(36_000);
      expect(delays[1]).toBeGreaterThanOrEqual(48_000);
      expect(delays[1]).toBeLessThanOrEqual(72_000);
      sms.setStatus('ok');
      await w.runOnce();
      expect((await row(m!.id)).status).toBe('sent');
      expect(sms.delivered.get(m!.id)!.text).toContain('ban sao giay chung sinh');
    });

    it('dead-letters after N attempts; staff see it with the error and resend it', async () => {
      const x = notice({ event: 'result_ready' });
      await queue(x);
      const [m] = await smsOf(x.dossierId);
      sms.setStatus(500);
      const w = worker();
      for (let i = 0; i < 3; i++) {
        await w.runOnce();
        clock.advance(10 * 60_000);
      }
      const dead = await row(m!.id);
      expect(dead.status).toBe('dead');
      expect(dead.attempts).toBe(3);
      sms.setStatus('ok');
      expect((await w.runOnce()).claimed).toBe(0); // dead stays dead

      const s = await staff('tiepnhan');
      const page = await env.app.inject({ method: 'GET', url: '/can-bo/thong-bao?trang_thai=dead', headers: { cookie: s.cookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Gửi không được');
      expect(page.body).toContain('Cổng SMS trả lời 500');
      expect(page.body).toContain(`/can-bo/thong-bao/${m!.id}/gui-lai`);
      const resend = await env.app.inject({
        method: 'POST',
        url: `/can-bo/thong-bao/${m!.id}/gui-lai`,
        headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: `_csrf=${encodeURIComponent(s.csrf)}`,
      });
      expect(resend.statusCode).toBe(303);
      expect((await row(m!.id)).status).toBe('pending');
      await w.runOnce();
      expect((await row(m!.id)).status).toBe('sent');
      // The API shows the same, for the unit only.
      const api = await env.app.inject({ method: 'GET', url: `/api/notifications?dossier=${x.code}`, headers: { cookie: s.cookie } });
      expect(api.json().messages.some((q: { id: string; status: string }) => q.id === m!.id && q.status === 'sent')).toBe(true);
      const other = await staff('tiepnhan2');
      const foreign = await env.app.inject({ method: 'POST', url: `/api/notifications/${m!.id}/resend`, headers: { cookie: other.cookie, 'content-type': 'application/json' }, payload: {} });
      expect(foreign.statusCode).toBe(404);
    });

    it('two workers on the same outbox never send a message twice', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 60; i++) {
        const x = notice({ event: 'in_progress', code: `00004-261130-${String(1000 + i)}` });
        await queue(x);
        ids.push((await smsOf(x.dossierId))[0]!.id);
      }
      // Each worker with its own connection (pool), as two processes would have.
      const dbA = openDatabase(env.config.database);
      const dbB = openDatabase(env.config.database);
      try {
        const a = worker({ batchSize: 7, concurrency: 4, owner: 'A' }, dbA.db);
        const b = worker({ batchSize: 7, concurrency: 4, owner: 'B' }, dbB.db);
        for (let round = 0; round < 30; round++) {
          const [ra, rb] = await Promise.all([a.runOnce(), b.runOnce()]);
          if (ra.claimed + rb.claimed === 0) break;
        }
      } finally {
        await dbA.close();
        await dbB.close();
      }
      for (const id of ids) {
        expect(sms.countOf(id), id).toBe(1);
        expect((await row(id)).status).toBe('sent');
      }
    });

    it('messages sent by parallel lanes are marked sent together (fewer statements), each with its own gateway reference', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 24; i++) {
        const x = notice({ event: 'in_progress', code: `00004-261130-${String(2000 + i)}` });
        await queue(x);
        ids.push((await smsOf(x.dossierId))[0]!.id);
      }
      // The worker's statements counted on their way to the database, each UPDATE's answer held
      // 30 ms (a round trip to a busy database): the marks of the lanes that finish meanwhile must
      // wait for it and go together — on a quiet machine a loopback round trip is too short to see it.
      let updates = 0;
      const held = new Set<unknown>();
      const counted = env.services.database.db.withPlugin({
        transformQuery: (a) => {
          if (a.node.kind === 'UpdateQueryNode') {
            updates++;
            held.add(a.queryId);
          }
          return a.node;
        },
        transformResult: async (a) => {
          if (held.delete(a.queryId)) await new Promise((r) => setTimeout(r, 30));
          return a.result;
        },
      });
      const w = worker({ batchSize: 50, concurrency: 8 }, counted);
      let sent = 0;
      for (let round = 0; round < 5; round++) {
        const r = await w.runOnce();
        sent += r.sent;
        if (!r.claimed) break;
      }
      expect(sent).toBeGreaterThanOrEqual(ids.length);
      const rows = await Promise.all(ids.map(row));
      for (const r of rows) {
        expect(r.status, r.id).toBe('sent');
        expect(r.delivered_via).toBe('sms_http');
        expect(r.lease_owner).toBeNull();
        expect(sms.countOf(r.id)).toBe(1);
      }
      // Each row keeps the reference the gateway gave for it (none mixed up by the shared statement).
      expect(new Set(rows.map((r) => r.provider_ref)).size).toBe(ids.length);
      expect(rows.every((r) => /^gw-/.test(r.provider_ref ?? ''))).toBe(true);
      // One claim per round, and far fewer marks than messages where a statement is a round trip (marks
      // made during one are gathered); SQLite answers in process, each mark written as it comes.
      if (engine === 'postgres') expect(updates).toBeLessThan(ids.length / 2);
      else expect(updates).toBeLessThanOrEqual(ids.length + 2);
    });

    it('a worker stopped in the middle finishes what it holds; the next one sends only the rest', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 20; i++) {
        const x = notice({ event: 'in_progress', code: `00004-261130-${String(2000 + i)}` });
        await queue(x);
        ids.push((await smsOf(x.dossierId))[0]!.id);
      }
      let sent = 0;
      const first = worker({ batchSize: 5, concurrency: 1, pollMs: 5, hooks: { afterSend: () => void sent++ } });
      first.start();
      await until(() => sent >= 7);
      await first.stop(); // SIGTERM: the round in progress completes
      const second = worker({ batchSize: 50 });
      await second.runOnce();
      for (const id of ids) {
        expect(sms.countOf(id), id).toBe(1);
        expect((await row(id)).status).toBe('sent');
      }
    });

    it('a worker killed between the send and the mark: the message is sent again with the same id, delivered once', async () => {
      const x = notice({ event: 'apology', reason: 'cần xác minh thêm', newDueAt: '2026-12-04T10:00:00.000Z' });
      await queue(x);
      const [m] = await smsOf(x.dossierId);
      // Worker A reaches the gateway, then dies before it can mark the message sent.
      const a = worker({ owner: 'A', hooks: { afterSend: () => new Promise<void>(() => {}) } });
      void a.runOnce();
      await until(() => sms.countOf(m!.id) === 1);
      expect((await row(m!.id)).status).toBe('sending');
      // A restarted worker cannot take it while A's lease runs…
      const b = worker({ owner: 'B' });
      expect((await b.runOnce()).claimed).toBe(0);
      // …and takes it when the lease has run out.
      clock.advance(121_000);
      expect((await b.runOnce()).sent).toBe(1);
      const after = await row(m!.id);
      expect(after.status).toBe('sent');
      expect(after.lease_owner).toBeNull();
      expect(sms.countOf(m!.id)).toBe(2); // the gateway saw it twice, with one id…
      expect([...sms.delivered.keys()].filter((k) => k === m!.id)).toHaveLength(1); // …the citizen got one SMS
    });

    it('a worker killed after claiming but before sending loses nothing', async () => {
      const x = notice({ event: 'stopped', reason: 'người nộp đề nghị' });
      await queue(x);
      const [m] = await smsOf(x.dossierId);
      const a = worker({ owner: 'A2', hooks: { beforeSend: () => new Promise<void>(() => {}) } });
      void a.runOnce();
      await until(() => false, 200).catch(() => undefined);
      expect((await row(m!.id)).status).toBe('sending');
      expect(sms.countOf(m!.id)).toBe(0);
      clock.advance(121_000);
      await worker({ owner: 'B2' }).runOnce();
      expect((await row(m!.id)).status).toBe('sent');
      expect(sms.countOf(m!.id)).toBe(1);
    });

    it('a `motcua worker` process killed with SIGKILL mid-delivery: a restarted worker delivers the rest, re-sending only what was in flight', async () => {
      const slow = await startFakeSmsGateway({ latencyMs: 15 });
      const ids: string[] = [];
      for (let i = 0; i < 150; i++) {
        const x = notice({ event: 'in_progress', code: `00004-261130-${String(3000 + i)}` });
        await queue(x);
        ids.push((await smsOf(x.dossierId))[0]!.id);
      }
      // The child runs on the real clock: make these due now for it.
      await env.services.database.db.updateTable('outbox').set({ next_attempt_at: '2000-01-01T00:00:00.000Z' }).where('id', 'in', ids).execute();
      const db = env.config.database;
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'worker'], {
        cwd: new URL('../..', import.meta.url).pathname,
        env: { ...process.env, DATABASE_URL: db.kind === 'sqlite' ? `sqlite:${db.url}` : db.url, DATA_DIR: env.dataDir, SMS_HTTP_URL: slow.url, LOG_LEVEL: 'silent', DEMO: 'off' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
      try {
        await until(() => slow.delivered.size >= 40 || child.exitCode !== null, 45_000).catch(() => undefined);
        expect(slow.delivered.size, stderr).toBeGreaterThanOrEqual(40);
        child.kill('SIGKILL');
        await new Promise((r) => child.once('exit', r));
        const before = new Set(slow.delivered.keys());
        expect(before.size).toBeLessThan(ids.length);
        // The real clock ran in the dead process: its leases end 2 minutes after they were taken.
        const later = fixedClock(new Date(Date.now() + 121_000));
        const restarted = new NotificationWorker(env.services.database.db, later, { sms: buildTransports({ ...env.config.notifications, sms: { url: slow.url } }, { db: env.services.database.db, clock: later, demo: false }).sms! }, { batchSize: 200 });
        for (let i = 0; i < 5 && (await restarted.runOnce()).claimed > 0; i++);
        for (const id of ids) {
          expect((await row(id)).status, id).toBe('sent');
          expect(slow.delivered.has(id), id).toBe(true);
        }
        // Only messages the dead worker had in flight (8 at a time) reached the gateway twice.
        const twice = ids.filter((id) => slow.countOf(id) > 1);
        expect(twice.length).toBeLessThanOrEqual(8);
        for (const id of twice) expect(before.has(id)).toBe(true);
        expect(ids.every((id) => slow.countOf(id) <= 2)).toBe(true);
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        await slow.close();
      }
    });

    it('sends e-mail through SMTP when the citizen gave an address, with a stable Message-ID', async () => {
      const x = notice({ event: 'result_posted', applicant: { fullName: 'Trần Thị Bình', phone: '0987654321', email: 'binh@example.vn' }, postal: { trackingNumber: 'EB123456789VN' } });
      expect(await queue(x)).toBe(2); // SMS and e-mail by default
      const rows = await smsOf(x.dossierId);
      const mail = rows.find((r) => r.channel === 'email')!;
      expect(mail.subject).toBe('Kết quả hồ sơ 00004-261130-0001 đã gửi qua bưu chính');
      await worker().runOnce();
      expect((await row(mail.id)).status).toBe('sent');
      await until(() => mails.length > 0);
      const parsed = await simpleParser(mails.at(-1)!);
      expect(parsed.subject).toBe('Kết quả hồ sơ 00004-261130-0001 đã gửi qua bưu chính');
      expect(parsed.text).toContain('số hiệu bưu gửi EB123456789VN');
      expect(parsed.messageId).toBe(`<${mail.id}@motcua>`);
      expect(parsed.from?.text).toContain('motcua@badinh.example.vn');
      expect((parsed.to as { text: string }).text).toBe('binh@example.vn');
    });

    it('sends Zalo OA messages, refreshing an expired token and keeping the new refresh token', async () => {
      await n().linkZalo('0911222333', 'zalo-user-42');
      const x = notice({ event: 'payment_requested', amount: 20000, applicant: { fullName: 'Lê Văn Cường', phone: '0911222333' } });
      expect(await queue(x)).toBe(2); // SMS and Zalo
      const z = (await smsOf(x.dossierId)).find((r) => r.channel === 'zalo')!;
      expect(z.recipient).toBe('zalo-user-42');
      await worker().runOnce();
      expect((await row(z.id)).status).toBe('sent');
      expect(zalo.messages.at(-1)!.text).toContain('20.000 đồng');
      const tok1 = await env.services.database.db.selectFrom('oauth_tokens').selectAll().where('provider', '=', 'zalo_oa').executeTakeFirstOrThrow();
      expect(tok1.refresh_token).toBe('ref-1');
      expect(tok1.access_token).toBe('acc-1');
      // The token is revoked early: the next send refreshes with the stored refresh token.
      zalo.expireAccess();
      const y = notice({ event: 'payment_received', amount: 20000, applicant: { fullName: 'Lê Văn Cường', phone: '0911222333' } });
      await queue(y);
      await worker().runOnce();
      const z2 = (await smsOf(y.dossierId)).find((r) => r.channel === 'zalo')!;
      expect((await row(z2.id)).status).toBe('sent');
      const tok2 = await env.services.database.db.selectFrom('oauth_tokens').selectAll().where('provider', '=', 'zalo_oa').executeTakeFirstOrThrow();
      expect(tok2.refresh_token).toBe('ref-2');
      expect(zalo.messages.at(-1)!.accessToken).toBe('acc-2');
      expect(zalo.refreshCalls).toBe(2);
    });

    it('honours the citizen’s choices: opting out of non-essential messages, English', async () => {
      await n().savePrefs('0933444555', { channels: ['sms'], language: 'en', essentialOnly: true });
      const base = { applicant: { fullName: 'Phạm Dũng', phone: '0933444555' } };
      expect(await queue(notice({ ...base, event: 'submitted' }))).toBe(0);
      expect(await queue(notice({ ...base, event: 'in_progress' }))).toBe(0);
      const r = notice({ ...base, event: 'received' });
      expect(await queue(r)).toBe(1);
      const [m] = await smsOf(r.dossierId);
      expect(m!.body).toContain('Dossier 00004-261130-0001 (Dang ky khai sinh) was received on 30/11/2026');
      // Essential messages still go somewhere even if every channel is unticked.
      const p = await n().savePrefs('0933444555', { channels: [], language: 'vi' });
      expect(p.channels).toEqual(['sms']);
    });

    it('uses the unit admin’s template; others may not edit it', async () => {
      const admin = await staff('quantri');
      const url = '/can-bo/thong-bao/mau/received/sms/vi';
      const form = (body: string) => `_csrf=${encodeURIComponent(admin.csrf)}&action=save&body=${encodeURIComponent(body)}`;
      const bad = await env.app.inject({ method: 'POST', url, headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: form('Ho so {ma_ho_so}') });
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain('Không có trường {ma_ho_so}');
      const ok = await env.app.inject({ method: 'POST', url, headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: form('UBND {unit} thông báo: hồ sơ {code} đã tiếp nhận, hẹn {dueDate}. {link}') });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toContain('Đã lưu mẫu');
      const x = notice({ applicant: { fullName: 'Vũ Hà', phone: '0944555666' } });
      await queue(x);
      const [m] = await smsOf(x.dossierId);
      expect(m!.body).toBe('UBND Phuong Ba Dinh thong bao: ho so 00004-261130-0001 da tiep nhan, hen 17:00 02/12/2026. http://motcua.test/ho-so/00004-261130-0001?t=abc');
      const clerk = await staff('tiepnhan');
      const denied = await env.app.inject({ method: 'GET', url, headers: { cookie: clerk.cookie } });
      expect(denied.statusCode).toBe(403);
    });
  });
}

describe('notifications in demo mode', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv('sqlite', { env: { DEMO: 'on', REQUIRE_PHONE_VERIFICATION: 'off' } });
  });
  afterAll(async () => {
    await env?.close();
  });

  it('delivers to the "sent messages" page instead of a provider', async () => {
    const x = notice({ applicant: { fullName: 'Đỗ Minh', phone: '0977888999', email: 'minh@example.vn' } });
    await env.services.database.db.transaction().execute((trx) => env.services.notifications.notifyDossier(trx, x));
    const r = await env.services.worker.runOnce();
    expect(r.sent).toBe(2);
    // Citizens' phones, addresses and codes: not for anyone who finds the address.
    const anonymous = await env.app.inject({ method: 'GET', url: '/demo/tin-nhan' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/can-bo/dang-nhap?next=%2Fdemo%2Ftin-nhan');
    expect(anonymous.body).not.toContain('0977 888 999');
    const cookie = await new Desk(env).cookie('tiepnhan2');
    const page = await env.app.inject({ method: 'GET', url: '/demo/tin-nhan', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('0977 888 999');
    expect(page.body).toContain('minh@example.vn');
    expect(page.body).toContain('Hồ sơ 00004-261130-0001 đã được tiếp nhận');
  });
});
