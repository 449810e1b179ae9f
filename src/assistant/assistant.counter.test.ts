import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { counterIntent } from './assistant.counter';

const vn = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`).toISOString();

describe('assistant: what asks for a ticket or a booking', () => {
  it('reads "lấy số" and "đặt lịch" with or without marks, and nothing else', () => {
    expect(counterIntent('Cho tôi lấy số')).toBe('ticket');
    expect(counterIntent('lay so ho tich')).toBe('ticket');
    expect(counterIntent('tôi muốn lấy số thứ tự')).toBe('ticket');
    expect(counterIntent('Đặt lịch hẹn làm căn cước')).toBe('book');
    expect(counterIntent('dat lich')).toBe('book');
    expect(counterIntent('làm giấy khai sinh cần gì')).toBeUndefined();
    expect(counterIntent('số điện thoại của phường')).toBeUndefined();
    // Folded, "sổ" (a book) and "số" (a number), "đất"/"đặt", "cho"/"chỗ" are the same letters.
    for (const q of ['cap so do lan dau', 'cấp sổ đỏ lần đầu', 'xac dinh lai dien tich dat da cap so truoc nam 2004', 'dat duoc cap so roi muon tach thua', 'làm hợp đồng tặng cho nhà đất cho con', 'cán bộ có đến nhà đăng ký cho người khuyết tật không', 'dang ky cho nguoi khuyet tat']) {
      expect(counterIntent(q), q).toBeUndefined();
    }
    expect(counterIntent('đặt chỗ làm căn cước')).toBe('book');
  });

  it('reads neither across a clause nor in "chỗ nào", "chỗ ở", "số định danh" (pass 19)', () => {
    for (const q of ['bố mẹ tôi có đăng ký, giờ giấy kết hôn mất rồi', 'xin giấy độc thân cho chồng, xin chỗ nào', 'đăng ký chỗ ở tạm cho con đi học', 'cho bé xin số định danh ở đâu', 'không có giấy đăng ký. Giờ làm lại sao']) {
      expect(counterIntent(q), q).toBeUndefined();
    }
    expect(counterIntent('đặt lịch hẹn làm căn cước ở chỗ nào')).toBe('book');
    expect(counterIntent('đăng ký giờ hẹn')).toBe('book');
  });
});

for (const engine of engines()) {
  describe(`assistant: "lấy số" and "đặt lịch" on the web and on Zalo [${engine}]`, () => {
    let env: TestEnv;
    const clock = fixedClock(vn('2026-12-03', '09:00'));
    beforeAll(async () => {
      env = await createTestEnv(engine, { clock });
      await env.services.queue.seedDemo('00004');
      await env.services.appointments.createSession('00004', { service: 'cu-tru', weekdays: [1, 2, 3, 4, 5], start: '13:30', end: '15:30', slotMinutes: 30, counters: 1, perCounter: 1 });
    });
    afterAll(async () => {
      await env?.close();
    });
    const ask = async (question: string, sessionId = 'chat-counter-1') => {
      const r = await env.app.inject({ method: 'POST', url: '/api/assistant/ask', payload: { question, sessionId, unit: '00004' } });
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as { answer: string; intent: string };
    };

    it('web/API: "lấy số" asks the service, then gives a ticket with its live page', async () => {
      const q = await ask('Cho tôi lấy số');
      expect(q.intent).toBe('ticket');
      expect(q.answer).toContain('Bạn muốn lấy số thứ tự cho lĩnh vực nào?');
      expect(q.answer).toContain('1. Hộ tịch – chứng thực');
      const t = await ask('1');
      expect(t.answer).toMatch(/Số thứ tự của bạn: A-\d{3} \(Hộ tịch – chứng thực\)/);
      expect(t.answer).toMatch(/http:\/\/motcua\.test\/hang-cho\/\S+/);
      const rows = await env.services.database.db.selectFrom('queue_tickets').select(['source', 'service']).execute();
      expect(rows).toContainEqual({ source: 'assistant', service: 'ho-tich' });
      // In one message, with the service named.
      expect((await ask('lấy số cư trú', 'chat-counter-2')).answer).toMatch(/Số thứ tự của bạn: C-\d{3}/);
    });

    it('web/API: "đặt lịch" offers free slots, asks name and phone, books with a code and the signed link', async () => {
      const s = await ask('đặt lịch hẹn', 'chat-book-1');
      // Only the service with sessions is offered: asked straight for a slot.
      expect(s.intent).toBe('booking');
      expect(s.answer).toContain('Các giờ hẹn còn trống (Cư trú – căn cước):');
      expect(s.answer).toContain('1. 13:30 Thứ Năm 03/12/2026');
      const who = await ask('2', 'chat-book-1');
      expect(who.answer).toContain('Bạn chọn 14:00 Thứ Năm 03/12/2026');
      expect((await ask('0912345678', 'chat-book-1')).answer).toContain('Xin nhắn cả họ tên và số điện thoại');
      const done = await ask('Nguyễn Văn An, 0912 345 678', 'chat-book-1');
      const code = /Đã đặt lịch hẹn (LH[0-9A-Z]{8}): 14:00 Thứ Năm 03\/12\/2026/.exec(done.answer)?.[1];
      expect(code, done.answer).toBeDefined();
      expect(done.answer).toMatch(new RegExp(`http://motcua\\.test/lich-hen/${code}\\?t=`));
      const a = await env.services.appointments.get(code!, { kind: 'anonymous' }, { phone: '0912345678' });
      expect(a).toMatchObject({ source: 'assistant', fullName: 'Nguyễn Văn An', slotAt: vn('2026-12-03', '14:00'), service: 'cu-tru' });
      // "thôi" ends a conversation under way; then questions are answered as usual.
      await ask('đặt lịch', 'chat-book-2');
      expect((await ask('thôi', 'chat-book-2')).answer).toContain('mình đã dừng lại');
      expect((await ask('làm giấy khai sinh cần gì', 'chat-book-2')).answer).toContain('Thủ tục đăng ký khai sinh');
    });

    it('Zalo: the booking is marked as from Zalo and its reminder goes to the follower on Zalo too', async () => {
      const zalo = (question: string) => env.services.assistant.ask({ unitCode: '00004', question, channel: 'zalo', sessionKey: 'zalo-follower-7' });
      expect((await zalo('dat lich')).answer).toContain('Các giờ hẹn còn trống');
      await zalo('1');
      const done = await zalo('Trần Thị Bình 0987654321');
      const code = /LH[0-9A-Z]{8}/.exec(done.answer)![0];
      const a = await env.services.appointments.get(code, { kind: 'anonymous' }, { phone: '0987654321' });
      expect(a).toMatchObject({ source: 'zalo', zaloUserId: 'zalo-follower-7' });
      const msgs = await env.services.database.db.selectFrom('outbox').select(['channel', 'recipient']).where('event', '=', 'appointment_booked').where('body', 'like', `%${code}%`).execute();
      expect(msgs.map((m) => `${m.channel}:${m.recipient}`).sort()).toEqual(['sms:0987654321', 'zalo:zalo-follower-7']);
      const t = await env.services.assistant.ask({ unitCode: '00004', question: 'lấy số hộ tịch', channel: 'zalo', sessionKey: 'zalo-follower-7' });
      expect(t.answer).toMatch(/Số thứ tự của bạn: A-\d{3}/);
      expect(await env.services.database.db.selectFrom('queue_tickets').select('source').where('source', '=', 'zalo').execute()).toHaveLength(1);
    });
  });
}
