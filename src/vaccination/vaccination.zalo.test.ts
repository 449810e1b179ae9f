import { expect, it } from 'vitest';
import { zaloSignature } from '../assistant/zalo';
import { normalizePhone } from '../shared/phone';
import { eachEngine } from '../shared/suite.testing';
import type { TestEnv } from '../shared/testing';

/**
 * Vaccination reminders on Zalo (issue 14), on both engines: a parent who asked for Zalo and
 * follows the unit's OA gets the reminder there, in full Vietnamese, with the link and "nhắn HUY";
 * "Huỷ" sent to the OA (the signed webhook) stops the reminders of the phone linked to that
 * follower, erases the child's data and confirms on Zalo — and the assistant does not answer it as
 * a question. Nothing is sent to Zalo here: messages wait in the outbox.
 */
const APP_ID = 'app-1';
const OA_SECRET = 'oa-secret';
const PHONE = normalizePhone('0987654321')!;
const FOLLOWER = 'zalo-user-7';
let seq = 0;

function zaloEvent(text: string, userId = FOLLOWER) {
  const timestamp = String(1764432000000 + seq++);
  const body = JSON.stringify({ app_id: APP_ID, event_name: 'user_send_text', timestamp, sender: { id: userId }, recipient: { id: 'oa-1' }, message: { text, msg_id: `vac-${seq}` } });
  return { method: 'POST' as const, url: '/webhooks/zalo', payload: body, headers: { 'content-type': 'application/json', 'x-zevent-signature': zaloSignature(APP_ID, body, timestamp, OA_SECRET) } };
}

const outboxTo = (env: TestEnv, recipient: string) => env.services.notifications.list({ recipient, limit: 50 });

eachEngine(
  'vaccination reminders on Zalo: the wording, and "HUY" sent to the OA',
  {
    // Tuesday 01/12/2026, 09:00 in Hà Nội.
    at: '2026-12-01T02:00:00.000Z',
    env: {
      REQUIRE_PHONE_VERIFICATION: 'off',
      ZALO_APP_ID: APP_ID,
      ZALO_APP_SECRET: 'app-secret',
      ZALO_OA_SECRET_KEY: OA_SECRET,
      // No Zalo answers here: nothing may be sent during the test.
      ZALO_API_BASE: 'http://127.0.0.1:9',
      ZALO_OAUTH_URL: 'http://127.0.0.1:9/oauth/access_token',
      ZALO_ACCESS_TOKEN: 'access-1',
      ZALO_REFRESH_TOKEN: 'refresh-1',
    },
  },
  (t) => {
    let id = '';

    it('queues the reminder on Zalo as well as by SMS, in full Vietnamese, with the link and "nhắn HUY"', async () => {
      await t.env.services.notifications.linkZalo(PHONE, FOLLOWER);
      // Born 03/10/2026: the 2-month doses fall on 03/12/2026, two days from now.
      const r = await t.env.services.vaccination.enrol({ unit: '00004', childName: 'Lê Minh Khang', birthDate: '2026-10-03', phone: '0987654321', village: 'Tổ 5', zalo: true, consent: true }, { source: 'api', verified: true });
      id = r.enrolment.id;
      expect((await t.env.services.vaccination.runReminders()).reminded).toBe(1);
      const zalo = (await outboxTo(t.env, FOLLOWER)).filter((m) => m.event === 'vaccination_reminder');
      expect(zalo).toHaveLength(1);
      expect(zalo[0]!.channel).toBe('zalo');
      const text = zalo[0]!.body;
      expect(text).toMatch(/^Phường Ba Đình: Ngày 03\/12\/2026 cháu Lê Minh Khang đến lịch tiêm .*mũi 1/);
      expect(text).toBe(text.normalize('NFC'));
      expect(text).toContain(`/tiem-chung/${id}?t=`);
      expect(text).toMatch(/nhắn HUY tại đây\.$/);
      // The SMS goes too (unaccented when the gateway takes no Unicode).
      expect((await outboxTo(t.env, PHONE)).some((m) => m.event === 'vaccination_reminder' && m.channel === 'sms')).toBe(true);
    });

    it('"Huỷ" from another follower stops nothing; from the parent\'s follower it stops and erases, confirmed on Zalo', async () => {
      const stranger = await t.env.app.inject(zaloEvent('HUY', 'zalo-user-other'));
      expect(stranger.statusCode).toBe(200);
      await t.env.services.assistant.idle();
      expect((await t.env.services.vaccination.get(id)).status).toBe('active');

      const before = (await t.env.services.database.db.selectFrom('assistant_conversations').select('id').where('channel', '=', 'zalo').execute()).length;
      const r = await t.env.app.inject(zaloEvent('Huỷ'));
      expect(r.statusCode).toBe(200);
      await t.env.services.assistant.idle();
      const e = await t.env.services.vaccination.get(id);
      expect(e).toMatchObject({ status: 'stopped', endReason: 'zalo', childName: '', phone: '', birthDate: '' });
      const confirm = (await outboxTo(t.env, FOLLOWER)).filter((m) => m.event === 'vaccination_stopped');
      expect(confirm).toHaveLength(1);
      expect(confirm[0]!.body).toContain('Đã dừng nhắc lịch tiêm chủng theo tin nhắn HUY');
      // The earlier reminder's text was erased with the child's data.
      expect((await outboxTo(t.env, FOLLOWER)).some((m) => m.event === 'vaccination_reminder')).toBe(false);
      // The assistant did not take "Huỷ" for a question.
      expect((await t.env.services.database.db.selectFrom('assistant_conversations').select('id').where('channel', '=', 'zalo').execute()).length).toBe(before);
      // Nothing more is reminded.
      expect((await t.env.services.vaccination.runReminders()).reminded).toBe(0);
    });
  },
);
