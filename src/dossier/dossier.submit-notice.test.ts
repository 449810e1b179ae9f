import { expect, it } from 'vitest';
import { eachEngine } from '../shared/suite.testing';
import { APPLICANT, Desk } from './workflow.testing';

/**
 * A one-request submission tells the citizen on the channels they chose — read, on PostgreSQL, by
 * the submission's first statement, and the messages written by its audit entry's statement
 * (src/db/alongside.ts) — exactly as on SQLite, where both are statements of their own.
 */
eachEngine('the submission tells the citizen as they chose', { at: '2026-11-30T01:00:00Z', env: { REQUIRE_PHONE_VERIFICATION: 'off', SMTP_URL: 'smtp://127.0.0.1:9', WORKER: 'off' } }, (t) => {
  const outboxOf = (code: string) => t.env.services.database.db.selectFrom('outbox').selectAll().where('dossier_code', '=', code).orderBy('channel').execute();

  it('no choice saved: an SMS in Vietnamese and an e-mail to the address given, with the audit entry', async () => {
    const d = await new Desk(t.env).submitOnline('1.004746', { ...APPLICANT, phone: '0912000001', email: 'binh@example.vn' });
    const rows = await outboxOf(d.code);
    expect(rows.map((r) => [r.channel, r.recipient])).toEqual([
      ['email', 'binh@example.vn'],
      ['sms', '0912000001'],
    ]);
    const sms = rows.find((r) => r.channel === 'sms')!;
    expect(sms.body).toContain(d.code);
    expect(sms.event).toBe('submitted');
    expect(rows.find((r) => r.channel === 'email')!.body).toMatch(/^Kính gửi Ông\/Bà /);
    const audit = await t.env.services.audit.list({ targetId: d.code });
    expect(audit.map((a) => a.action)).toEqual(['dossier.submit']);
    expect((await t.env.services.audit.verify()).ok).toBe(true);
  });

  it('SMS and e-mail in English, to the address the citizen chose, when they chose them', async () => {
    await t.env.services.notifications.savePrefs('0912000002', { channels: ['sms', 'email'], email: 'an@example.vn', language: 'en' });
    const d = await new Desk(t.env).submitOnline('1.004746', { ...APPLICANT, phone: '0912000002', email: 'khac@example.vn' });
    const rows = await outboxOf(d.code);
    expect(rows.map((r) => [r.channel, r.recipient])).toEqual([
      ['email', 'an@example.vn'],
      ['sms', '0912000002'],
    ]);
    expect(rows.find((r) => r.channel === 'email')!.body).toMatch(/^Dear /);
    expect(rows.find((r) => r.channel === 'sms')!.body).toMatch(/received|submitted/i);
  });

  it('a citizen who asked for essential messages only is not told of the submission itself', async () => {
    await t.env.services.notifications.savePrefs('0912000003', { channels: ['sms'], language: 'vi', essentialOnly: true });
    const d = await new Desk(t.env).submitOnline('1.004746', { ...APPLICANT, phone: '0912000003' });
    expect(d.code).toMatch(/^00004-/);
    expect(await outboxOf(d.code)).toEqual([]);
    // Only SMS chosen: no e-mail although the form gave an address.
    await t.env.services.notifications.savePrefs('0912000004', { channels: ['sms'], language: 'vi' });
    const e = await new Desk(t.env).submitOnline('1.004746', { ...APPLICANT, phone: '0912000004' });
    expect((await outboxOf(e.code)).map((r) => r.channel)).toEqual(['sms']);
  });
});
