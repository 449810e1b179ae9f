import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Desk } from '../dossier/workflow.testing';
import { fixedClock } from '../shared/clock';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { csrfOf } from '../shared/suite.testing';

const vn = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`).toISOString();

/** Cookies of a response, as a Cookie header. */
function cookiesOf(r: { cookies: Array<{ name: string; value: string }> }, prev = ''): string {
  const jar = new Map(prev ? prev.split('; ').map((c) => c.split('=') as [string, string]) : []);
  for (const c of r.cookies) jar.set(c.name, c.value);
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

for (const engine of engines()) {
  describe(`appointments over HTTP: API and pages without JavaScript [${engine}]`, () => {
    let env: TestEnv;
    // Thursday 03/12/2026, 09:00 in Hà Nội.
    const clock = fixedClock(vn('2026-12-03', '09:00'));
    let service: string;
    beforeAll(async () => {
      env = await createTestEnv(engine, { clock });
      await env.services.dossiers.setCalendar('00004', { workingDays: [{ date: '2026-12-05', name: 'Thứ Bảy làm việc' }] });
      service = (await env.services.appointments.queueServices('00004'))[0]?.code ?? 'ho-tich';
      // Saturday only, one place per slot.
      await env.services.appointments.createSession('00004', { service, weekdays: [6], start: '07:30', end: '09:30', slotMinutes: 60, counters: 1, perCounter: 1 });
    });
    afterAll(async () => {
      await env?.close();
    });

    it('API: free slots of the working Saturday, book, read with the phone, move and cancel with the signed link', async () => {
      const slots = await env.app.inject({ method: 'GET', url: `/api/appointments/slots?unit=00004&service=${service}&days=7` });
      expect(slots.statusCode).toBe(200);
      expect(slots.json().items.map((s: { date: string; time: string }) => `${s.date} ${s.time}`)).toEqual(['2026-12-05 07:30', '2026-12-05 08:30']);
      const bad = await env.app.inject({ method: 'GET', url: '/api/appointments/slots?unit=abc&days=99' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['days', 'unit']);

      const booked = await env.app.inject({ method: 'POST', url: '/api/appointments', payload: { unit: '00004', service, slotAt: vn('2026-12-05', '07:30'), fullName: 'Nguyễn Văn An', phone: '0912345678', dossierCode: '00004-261201-0007' } });
      expect(booked.statusCode, booked.body).toBe(201);
      const a = booked.json();
      expect(a).toMatchObject({ status: 'booked', unit: '00004', slotAt: vn('2026-12-05', '07:30'), dossierCode: '00004-261201-0007', source: 'api' });
      const t = new URL(a.manageUrl).searchParams.get('t')!;
      // The last place: a second citizen is refused with 409 slot_full.
      const full = await env.app.inject({ method: 'POST', url: '/api/appointments', payload: { unit: '00004', service, slotAt: vn('2026-12-05', '07:30'), fullName: 'Trần Bình', phone: '0912345679' } });
      expect(full.statusCode).toBe(409);
      expect(full.json().error.code).toBe('slot_full');
      const invalid = await env.app.inject({ method: 'POST', url: '/api/appointments', payload: { unit: '00004', service, slotAt: 'mai', fullName: '', phone: '123' } });
      expect(invalid.statusCode).toBe(422);
      expect(invalid.json().error.fields.map((f: { field: string; code: string }) => `${f.field}:${f.code}`).sort()).toEqual(['fullName:too_small', 'phone:invalid_phone']);

      expect((await env.app.inject({ method: 'GET', url: `/api/appointments/${a.code}?phone=0912345678` })).json().code).toBe(a.code);
      expect((await env.app.inject({ method: 'GET', url: `/api/appointments/${a.code}?phone=0999999999` })).statusCode).toBe(404);
      const weak = await env.app.inject({ method: 'POST', url: `/api/appointments/${a.code}/cancel?phone=0912345678`, payload: {} });
      expect(weak.statusCode).toBe(403);
      expect(weak.json().error.code).toBe('stronger_proof_required');
      const moved = await env.app.inject({ method: 'POST', url: `/api/appointments/${a.code}/move?t=${t}`, payload: { slotAt: vn('2026-12-05', '08:30') } });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json()).toMatchObject({ slotAt: vn('2026-12-05', '08:30'), moves: 1 });
      // The first slot is free again.
      const after = (await env.app.inject({ method: 'GET', url: `/api/appointments/slots?unit=00004&service=${service}&onlyFree=true` })).json().items;
      expect(after.map((s: { time: string }) => s.time)).toEqual(['07:30']);
      const cancelled = await env.app.inject({ method: 'POST', url: `/api/appointments/${a.code}/cancel?t=${t}`, payload: {} });
      expect(cancelled.json().status).toBe('cancelled');
      expect((await env.app.inject({ method: 'POST', url: `/api/appointments/${a.code}/cancel?t=${t}`, payload: {} })).json().error.code).toBe('appointment_cancelled');
    });

    it('pages: booking from the unit page without JavaScript, errors in Vietnamese, the SMS link cancels', async () => {
      const home = await env.app.inject({ method: 'GET', url: '/dv/00004' });
      expect(home.body).toContain('href="/dv/00004/dat-lich"');
      const proc = await env.app.inject({ method: 'GET', url: '/p/00004/1.001193' });
      expect(proc.body).toContain('/dv/00004/dat-lich?thu-tuc=1.001193');

      const page = await env.app.inject({ method: 'GET', url: `/dv/00004/dat-lich?dich-vu=${service}&thu-tuc=1.001193` });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Thứ Bảy, 05/12/2026');
      expect(page.body).toContain('Thủ tục đăng ký khai sinh');
      let cookie = cookiesOf(page);
      const csrf = csrfOf(page.body);
      const post = (payload: Record<string, string>) =>
        env.app.inject({ method: 'POST', url: `/dv/00004/dat-lich?dich-vu=${service}&thu-tuc=1.001193`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: csrf, service, procedureCode: '1.001193', ...payload }).toString() });
      const wrong = await post({ slotAt: vn('2026-12-05', '07:30'), fullName: '', phone: '09' });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.body).toContain('Nhập họ tên');
      expect(wrong.body).toContain('Số điện thoại không hợp lệ');
      const ok = await post({ slotAt: vn('2026-12-05', '07:30'), fullName: 'Lê Thị Cúc', phone: '0987654321' });
      expect(ok.statusCode).toBe(303);
      const loc = ok.headers.location as string;
      expect(loc).toMatch(/^\/lich-hen\/LH[0-9A-Z]{8}\?t=[\w-]+&moi=1$/);
      const code = /LH[0-9A-Z]{8}/.exec(loc)![0];
      const sms = await env.services.database.db.selectFrom('outbox').select('body').where('recipient', '=', '0987654321').where('event', '=', 'appointment_booked').executeTakeFirstOrThrow();
      const link = /http:\/\/motcua\.test(\/lich-hen\/\S+)/.exec(sms.body)![1]!;
      const shown = await env.app.inject({ method: 'GET', url: link, headers: { cookie } });
      expect(shown.body).toContain(code);
      expect(shown.body).toContain('07:30 Thứ Bảy 05/12/2026');
      expect(shown.body).toContain('Hủy lịch hẹn');
      cookie = cookiesOf(shown, cookie);
      // The code and the phone show the booking, but cancelling asks for a one-time code.
      const looked = await env.app.inject({ method: 'GET', url: `/lich-hen/${code}?phone=0987654321`, headers: { cookie } });
      expect(looked.body).toContain('Gửi mã xác thực');
      const noProof = await env.app.inject({ method: 'POST', url: `/lich-hen/${code}/huy?phone=0987654321`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${csrfOf(looked.body)}` });
      expect(noProof.statusCode).toBe(403);
      const cancel = await env.app.inject({ method: 'POST', url: link.replace(`/lich-hen/${code}`, `/lich-hen/${code}/huy`), headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${csrfOf(shown.body)}` });
      expect(cancel.statusCode, cancel.body).toBe(303);
      const done = await env.app.inject({ method: 'GET', url: cancel.headers.location as string, headers: { cookie } });
      expect(done.body).toContain('Đã hủy lịch hẹn');
      expect(done.body).not.toContain('Đổi giờ hẹn');
    });

    it('staff: sessions refuse a closed day, the counter books for a caller, the day list gives the arrival a ticket', async () => {
      const desk = new Desk(env);
      await env.services.queue.seedDemo('00004');
      const admin = await desk.cookie('quantri');
      const page = await env.app.inject({ method: 'GET', url: '/can-bo/lich-hen/buoi', headers: { cookie: admin } });
      expect(page.statusCode).toBe(200);
      const csrf = csrfOf(page.body);
      const post = (url: string, cookie: string, f: Record<string, string | string[]>) => {
        const b = new URLSearchParams();
        for (const [k, v] of Object.entries(f)) for (const x of [v].flat()) b.append(k, x);
        return env.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: b.toString() });
      };
      // Sunday 06/12 is closed: refused with the reason.
      const closed = await post('/can-bo/lich-hen/buoi', admin, { _csrf: csrf, service: 'cu-tru', onDate: '2026-12-06', start: '07:30', end: '09:30', slotMinutes: '30', counters: '1', perCounter: '1' });
      expect(closed.statusCode).toBe(422);
      expect(closed.body).toContain('Ngày 06/12/2026 đơn vị không làm việc');
      const ok = await post('/can-bo/lich-hen/buoi', admin, { _csrf: csrf, service: 'cu-tru', weekdays: ['4', '5'], start: '13:30', end: '15:30', slotMinutes: '30', counters: '1', perCounter: '1' });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toContain('Đã thêm buổi nhận lịch hẹn');

      // The receptionist books Thursday 13:30 for a caller, then the citizen arrives at 13:10.
      const rec = await desk.cookie('tiepnhan');
      const form = await env.app.inject({ method: 'GET', url: '/can-bo/lich-hen/dat?dich-vu=cu-tru', headers: { cookie: rec } });
      expect(form.body).toContain('13:30');
      const booked = await post('/can-bo/lich-hen/dat?dich-vu=cu-tru', rec, { _csrf: csrfOf(form.body), service: 'cu-tru', slotAt: vn('2026-12-03', '13:30'), fullName: 'Bùi Văn Hải', phone: '0977000111' });
      expect(booked.statusCode).toBe(200);
      const code = /Đã đặt lịch (LH[0-9A-Z]{8})/.exec(booked.body)![1]!;
      expect(booked.body).toContain('Bùi Văn Hải');
      clock.set(vn('2026-12-03', '13:10'));
      const day = await env.app.inject({ method: 'GET', url: '/can-bo/lich-hen?ngay=2026-12-03', headers: { cookie: rec } });
      const arrived = await post(`/can-bo/lich-hen/${code}/den?ngay=2026-12-03`, rec, { _csrf: csrfOf(day.body) });
      expect(arrived.statusCode).toBe(200);
      expect(arrived.body).toMatch(/Đã cấp số C-\d{3} cho Bùi Văn Hải/);
      const a = await env.services.appointments.get(code, { kind: 'staff', id: 'x', unitCode: '00004', role: 'receptionist' });
      expect((await env.services.queue.ticket(a.ticketId!))!).toMatchObject({ source: 'appointment', slotAt: vn('2026-12-03', '13:30'), phone: '0977000111' });
      clock.set(vn('2026-12-03', '09:00'));
    });

    it('from a procedure page, "Đặt lịch" preselects the service receiving its field', async () => {
      // Two services take bookings now (the Saturday one and residence): birth registration is civil status.
      expect((await env.services.appointments.services('00004')).length).toBeGreaterThan(1);
      const page = await env.app.inject({ method: 'GET', url: '/dv/00004/dat-lich?thu-tuc=1.001193' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`<input type="hidden" name="service" value="${service}"/>`);
      expect(page.body).toContain('Thứ Bảy, 05/12/2026');
      // Without a procedure the citizen chooses.
      expect((await env.app.inject({ method: 'GET', url: '/dv/00004/dat-lich' })).body).not.toContain('name="service"');
    });

    it('API: the arrival of a booking (code → ticket), with its place and live page; too early, no proof and twice answered', async () => {
      const booked = await env.app.inject({ method: 'POST', url: '/api/appointments', payload: { unit: '00004', service: 'cu-tru', slotAt: vn('2026-12-03', '14:00'), fullName: 'Đinh Văn Tú', phone: '0966000222' } });
      expect(booked.statusCode, booked.body).toBe(201);
      const a = booked.json();
      const t = new URL(a.manageUrl).searchParams.get('t')!;
      const early = await env.app.inject({ method: 'POST', url: `/api/appointments/${a.code}/arrive?t=${t}`, payload: {} });
      expect(early.statusCode).toBe(422);
      expect(early.json().error).toMatchObject({ code: 'too_early' });
      expect(early.json().error.message).toContain('13:30');
      clock.set(vn('2026-12-03', '13:45'));
      try {
        const weak = await env.app.inject({ method: 'POST', url: `/api/appointments/${a.code}/arrive?phone=0966000222`, payload: {} });
        expect(weak.statusCode).toBe(403);
        expect(weak.json().error.code).toBe('stronger_proof_required');
        expect((await env.app.inject({ method: 'POST', url: '/api/appointments/LH22222222/arrive', payload: {} })).statusCode).toBe(404);
        const arrived = await env.app.inject({ method: 'POST', url: `/api/appointments/${a.code}/arrive?t=${t}`, payload: {} });
        expect(arrived.statusCode, arrived.body).toBe(200);
        const body = arrived.json();
        expect(body).toMatchObject({ code: a.code, status: 'arrived', ticket: { status: 'waiting' } });
        expect(body.ticket.number).toMatch(/^C-\d{3}$/);
        expect(body.ticketNumber).toBe(body.ticket.number);
        expect(body.ticket.position).toBeGreaterThanOrEqual(0);
        expect(body.ticket.trackUrl).toBe(`http://motcua.test/hang-cho/${body.ticket.id}`);
        const ticket = await env.app.inject({ method: 'GET', url: `/api/queue/tickets/${body.ticket.id}` });
        expect(ticket.json()).toMatchObject({ number: body.ticket.number, status: 'waiting' });
        // Twice: the same ticket.
        const again = await env.app.inject({ method: 'POST', url: `/api/appointments/${a.code}/arrive?t=${t}`, payload: {} });
        expect(again.json().ticket.id).toBe(body.ticket.id);
        // The booking page links to the ticket's live page.
        const page = await env.app.inject({ method: 'GET', url: `/lich-hen/${a.code}?t=${t}` });
        expect(page.body).toContain(`/hang-cho/${body.ticket.id}`);
      } finally {
        clock.set(vn('2026-12-03', '09:00'));
      }
    });
  });
}
