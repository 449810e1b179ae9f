import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../shared/ids';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { toGsm7 } from './notification.sms';
import { EVENTS, LANGUAGES, type DossierNotice } from './notification.types';

/**
 * Issue 9 (message wording): every SMS starts with the sending unit's name, whoever wrote its
 * text (the default templates, a unit admin's own, a one-time code, a message to officials);
 * every e-mail to a citizen addresses them one way: "Kính gửi Ông/Bà …", never "bạn".
 */
for (const engine of engines()) {
  describe(`message wording [${engine}]`, () => {
    let env: TestEnv;
    const outbox = () => env.services.database.db.selectFrom('outbox').selectAll().orderBy('id').execute();
    const notice = (over: Partial<DossierNotice>): DossierNotice => ({
      event: 'received',
      dossierId: uuidv7(),
      code: '00004-261130-0001',
      unitCode: '00004',
      procedureName: 'Đăng ký khai sinh',
      applicant: { fullName: 'Nguyễn Văn An', phone: '0912345678', email: 'an@example.vn' },
      trackingUrl: 'http://motcua.test/ho-so/00004-261130-0001?t=abc',
      dueAt: '2026-12-02T10:00:00.000Z',
      amount: 8000,
      reason: 'bản sao giấy chứng sinh',
      postal: { trackingNumber: 'EB123456789VN' },
      ...over,
    });

    beforeAll(async () => {
      env = await createTestEnv(engine, { env: { SMTP_URL: 'smtp://127.0.0.1:9', WORKER: 'off' } });
    });
    afterAll(async () => env?.close());

    it('every template, in both languages: SMS open with the unit, e-mails say "Ông/Bà"', async () => {
      const { notifications, database } = env.services;
      for (const language of LANGUAGES) {
        const phone = language === 'vi' ? '0912345678' : '0912345679';
        await notifications.savePrefs(phone, { channels: ['sms', 'email'], email: `${language}@example.vn`, language });
        for (const event of EVENTS) {
          const n = notice({ event, applicant: { fullName: 'Nguyễn Văn An', phone, email: `${language}@example.vn` } });
          await database.db.transaction().execute((trx) => notifications.notifyDossier(trx, n));
        }
      }
      const rows = await outbox();
      expect(rows.filter((r) => r.channel === 'sms')).toHaveLength(EVENTS.length * 2);
      expect(rows.filter((r) => r.channel === 'email')).toHaveLength(EVENTS.length * 2);
      for (const r of rows) {
        if (r.channel === 'sms') expect(r.body, r.event).toMatch(/^Phuong Ba Dinh[: ]/);
        if (r.channel === 'email' && r.recipient.startsWith('vi@')) {
          expect(r.body, r.event).toMatch(/^Kính gửi Ông\/Bà Nguyễn Văn An,\n/);
          // One form of address: no "bạn" anywhere, and "Ông/Bà" always written the same way.
          expect(r.body, r.event).not.toMatch(/(^|[^\p{L}])bạn([^\p{L}]|$)/iu);
          expect(r.body.replace(/Ông\/Bà/g, ''), r.event).not.toMatch(/ông\s*\/\s*bà|quý khách|anh\/chị/i);
        }
        if (r.channel === 'email' && r.recipient.startsWith('en@')) expect(r.body, r.event).toMatch(/^Dear Nguyễn Văn An,\n/);
      }
    });

    it("a unit admin's SMS template without the unit still goes out with the unit's name first", async () => {
      const { notifications, database } = env.services;
      await notifications.saveTemplate({ role: 'admin', unitCode: '00082', name: 'Quản trị' }, '00082', { event: 'received', channel: 'sms', language: 'vi' }, { subject: '', body: 'Ho so {code} da duoc tiep nhan, hen tra {dueDate}.' });
      const n = notice({ unitCode: '00082', code: '00082-261130-0001', applicant: { fullName: 'Trần Thị Bình', phone: '0987654321' } });
      await database.db.transaction().execute((trx) => notifications.notifyDossier(trx, n));
      const sms = (await outbox()).find((r) => r.dossier_code === '00082-261130-0001' && r.channel === 'sms')!;
      expect(sms.body).toMatch(/^Phuong Cua Nam: Ho so 00082-261130-0001 da duoc tiep nhan/);
      // The editor's preview shows it the same way.
      expect(notifications.preview('sms', { subject: '', body: 'Ho so {code} da duoc tiep nhan.' }).body).toMatch(/^Phuong Ba Dinh: Ho so/);
    });

    it('one-time codes and messages to officials open with the unit too; a code stays off the unit’s outbox page', async () => {
      const { accounts, notifications, database } = env.services;
      await accounts.requestOtp('0911111111', 'sign_in');
      await accounts.requestOtp('0922222222', 'verify_phone', '00082');
      const rows = await outbox();
      const signIn = rows.find((r) => r.recipient.endsWith('911111111'))!;
      const verify = rows.find((r) => r.recipient.endsWith('922222222'))!;
      // No unit given: the site's default unit (the first ward) signs it.
      expect(signIn.body).toMatch(/^Phuong Ba Dinh: Ma xac thuc cua Ong\/Ba la \d{6}\./);
      expect(verify.body).toMatch(/^Phuong Cua Nam: Ma xac thuc cua Ong\/Ba la \d{6}\./);
      expect(verify.unit_code).toBeNull();
      expect((await notifications.list({ unitCode: '00082' })).some((m) => m.event === 'otp')).toBe(false);
      // Any other text (an escalation to an official) gets the prefix once, not twice.
      await database.db.transaction().execute(async (trx) => {
        await notifications.enqueue(trx, { channel: 'sms', recipient: '0901000001', event: 'escalation_near', body: 'Ho so 00004-261130-0002 SAP DEN HAN', unitCode: '00004', dedupKey: 'x1' });
        await notifications.enqueue(trx, { channel: 'sms', recipient: '0901000001', event: 'escalation_near', body: `${toGsm7('Phường Ba Đình')}: đã có tên`, unitCode: '00004', dedupKey: 'x2' });
      });
      const after = await outbox();
      expect(after.find((r) => r.dedup_key === 'x1')!.body).toBe('Phuong Ba Dinh: Ho so 00004-261130-0002 SAP DEN HAN');
      expect(after.find((r) => r.dedup_key === 'x2')!.body).toBe('Phuong Ba Dinh: đã có tên');
      // "UBND <unit>" names it as well.
      await database.db.transaction().execute((trx) => notifications.enqueue(trx, { channel: 'sms', recipient: '0901000001', event: 'escalation_near', body: 'UBND Phuong Ba Dinh: ho so', unitCode: '00004', dedupKey: 'x3' }));
      expect((await outbox()).find((r) => r.dedup_key === 'x3')!.body).toBe('UBND Phuong Ba Dinh: ho so');
    });
  });
}
