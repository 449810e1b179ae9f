import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Desk } from '../dossier/workflow.testing';
import { fixedClock } from '../shared/clock';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { staffMenu } from '../shared/staff-menu';
import type { QueueOfficial } from './index';
import { csrfOf } from '../shared/suite.testing';


for (const engine of engines()) {
  describe(`Cài đặt hàng chờ: services, counters, priority categories and rule set by the unit [${engine}]`, () => {
    let env: TestEnv;
    let desk: Desk;
    // Monday 30/11/2026, 08:00 in Hà Nội.
    const clock = fixedClock('2026-11-30T01:00:00Z');
    const official: QueueOfficial = { id: 'o1', fullName: 'Nguyễn Thị Hòa', unitCode: '00004' };
    const post = (url: string, cookie: string, f: Record<string, string | string[]>) => {
      const b = new URLSearchParams();
      for (const [k, v] of Object.entries(f)) for (const x of [v].flat()) b.append(k, x);
      return env.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: b.toString() });
    };
    beforeAll(async () => {
      env = await createTestEnv(engine, { clock });
      await env.services.queue.seedDemo('00004');
      desk = new Desk(env);
    });
    afterAll(async () => {
      await env?.close();
    });

    it('reachable from the menu of the admin and the leader only; the receptionist is refused', async () => {
      for (const role of ['admin', 'leader']) expect(staffMenu({ role, fullName: 'x' }).flatMap((g) => g.items.map((i) => i.href))).toContain('/can-bo/hang-cho/cai-dat');
      for (const role of ['receptionist', 'specialist', 'supervisor']) expect(staffMenu({ role, fullName: 'x' }).flatMap((g) => g.items.map((i) => i.href))).not.toContain('/can-bo/hang-cho/cai-dat');
      const admin = await env.app.inject({ method: 'GET', url: '/can-bo/hang-cho/cai-dat', headers: { cookie: await desk.cookie('quantri') } });
      expect(admin.statusCode).toBe(200);
      expect(admin.body).toContain('href="/can-bo/hang-cho/cai-dat" aria-current="page"');
      expect(admin.body).toContain('Hộ tịch – chứng thực');
      const leader = await env.app.inject({ method: 'GET', url: '/can-bo/hang-cho/cai-dat', headers: { cookie: await desk.cookie('lanhdao') } });
      expect(leader.statusCode).toBe(200);
      const rec = await env.app.inject({ method: 'GET', url: '/can-bo/hang-cho/cai-dat', headers: { cookie: await desk.cookie('tiepnhan') } });
      expect(rec.statusCode).toBe(403);
      const recPost = await post('/can-bo/hang-cho/cai-dat/uu-tien', await desk.cookie('tiepnhan'), { _csrf: csrfOf(admin.body), priorityRule: 'every', priorityEvery: '1', closingTime: '17:00', cat_rows: '0' });
      expect(recPost.statusCode).toBe(403);
    });

    it('priority: categories reordered, one removed, one added; the rule "one per N"; bad input refused in Vietnamese with what was typed', async () => {
      const cookie = await desk.cookie('lanhdao');
      const page = await env.app.inject({ method: 'GET', url: '/can-bo/hang-cho/cai-dat', headers: { cookie } });
      const csrf = csrfOf(page.body);
      // A ticket of a category about to be removed keeps its label.
      const old = await env.services.queue.takeTicket({ unitCode: '00004', service: 'ho-tich', priority: 'merit', source: 'kiosk' });

      const bad = await post('/can-bo/hang-cho/cai-dat/uu-tien', cookie, { _csrf: csrf, priorityRule: 'every', priorityEvery: '0', closingTime: '25:00', cat_rows: '2', cat_code_0: 'elderly', cat_label_0: 'Người cao tuổi', cat_on_0: '1', cat_order_0: '1', cat_code_1: '', cat_label_1: 'người CAO tuổi', cat_on_1: '1', cat_order_1: '2' });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('Cài đặt ưu tiên chưa hợp lệ');
      expect(bad.body).toContain('N là số nguyên từ 1 đến 20.');
      expect(bad.body).toContain('Giờ ngừng cấp số có dạng giờ:phút');
      expect(bad.body).toContain('được khai hai lần');
      // What was typed is shown again.
      expect(bad.body).toContain('value="25:00"');
      expect(bad.body).toContain('value="người CAO tuổi"');
      expect((await env.services.queue.settings('00004')).priorityRule).toBe('strict');

      const ok = await post('/can-bo/hang-cho/cai-dat/uu-tien', cookie, {
        _csrf: csrf,
        priorityRule: 'every',
        priorityEvery: '2',
        closingTime: '16:30',
        cat_rows: '4',
        // Disabled first in the kiosk's list, elderly second, merit removed, a new one added last.
        cat_code_0: 'elderly', cat_label_0: 'Người cao tuổi', cat_on_0: '1', cat_order_0: '2',
        cat_code_1: 'disabled', cat_label_1: 'Người khuyết tật', cat_on_1: '1', cat_order_1: '1',
        cat_code_2: 'merit', cat_label_2: 'Người có công với cách mạng', cat_order_2: '3',
        cat_code_3: '', cat_label_3: 'Thương binh, bệnh binh', cat_on_3: '1', cat_order_3: '9',
      });
      expect(ok.statusCode, ok.body).toBe(303);
      const shown = await env.app.inject({ method: 'GET', url: ok.headers.location as string, headers: { cookie } });
      expect(shown.body).toContain('Đã lưu cài đặt ưu tiên');
      const s = await env.services.queue.settings('00004');
      expect(s).toMatchObject({ priorityRule: 'every', priorityEvery: 2, closingTime: '16:30' });
      expect(s.categories).toEqual([
        { code: 'disabled', label: 'Người khuyết tật' },
        { code: 'elderly', label: 'Người cao tuổi' },
        { code: 'thuong_binh_benh_binh', label: 'Thương binh, bệnh binh' },
      ]);
      // The kiosk lists them in that order; the removed category can no longer be chosen…
      const kiosk = (await env.app.inject({ method: 'GET', url: '/dv/00004/lay-so' })).body;
      expect(kiosk.indexOf('Người khuyết tật')).toBeLessThan(kiosk.indexOf('Người cao tuổi'));
      expect(kiosk).toContain('value="thuong_binh_benh_binh"');
      expect(kiosk).not.toContain('value="merit"');
      await expect(env.services.queue.takeTicket({ unitCode: '00004', service: 'ho-tich', priority: 'merit', source: 'kiosk' })).rejects.toMatchObject({ code: 'unknown_priority' });
      // …but the ticket taken before keeps it.
      expect((await env.services.queue.view(old.id)).priorityLabel).toBe('Người có công với cách mạng');

      // The rule applies to the next calls: under "one per 2", after a priority call two normal ones come first.
      await env.services.queue.saveSettings('00004', { closingTime: '23:59' });
      const counter = await env.services.queue.counterScreen('00004', '1');
      expect(counter.settings.priorityRule).toBe('every');
    });

    it('services: a new one with its letter and fields serves at once; a letter already used, no field or a bad code is refused; a changed letter applies to new tickets', async () => {
      const cookie = await desk.cookie('quantri');
      const page = await env.app.inject({ method: 'GET', url: '/can-bo/hang-cho/cai-dat', headers: { cookie } });
      const csrf = csrfOf(page.body);
      const bad = await post('/can-bo/hang-cho/cai-dat/dich-vu', cookie, { _csrf: csrf, new: '1', code: 'Tư pháp', name: 'Tư pháp', letter: 'A', defaultMinutes: '0' });
      expect(bad.statusCode).toBe(400);
      for (const m of ['Mã dịch vụ gồm chữ thường không dấu', 'Chữ A đã dùng cho dịch vụ &quot;Hộ tịch – chứng thực&quot;', 'Chọn ít nhất một lĩnh vực', 'Thời gian phục vụ ước tính là số phút từ 1 đến 240']) expect(bad.body).toContain(m);
      expect(bad.body).toContain('value="Tư pháp"');
      const taken = await post('/can-bo/hang-cho/cai-dat/dich-vu', cookie, { _csrf: csrf, new: '1', code: 'cu-tru', name: 'Trùng mã', letter: 'Q', fieldCodes: 'Hộ tịch' });
      expect(taken.statusCode).toBe(400);
      expect(taken.body).toContain('đã dùng cho một dịch vụ khác');
      expect((await env.services.queue.allServices('00004')).find((s) => s.code === 'cu-tru')!.name).toBe('Cư trú – căn cước');

      const added = await post('/can-bo/hang-cho/cai-dat/dich-vu', cookie, { _csrf: csrf, new: '1', code: 'tu-phap', name: 'Tư pháp – hòa giải', letter: 'e', defaultMinutes: '12', fieldCodes: ['Hòa giải ở cơ sở', 'Chứng thực'] });
      expect(added.statusCode, added.body).toBe(303);
      const api = (await env.app.inject({ method: 'GET', url: '/api/queue/services?unit=00004' })).json();
      expect(api.find((s: { code: string }) => s.code === 'tu-phap')).toMatchObject({ name: 'Tư pháp – hòa giải', letter: 'E', fieldCodes: ['Hòa giải ở cơ sở', 'Chứng thực'], counters: [] });
      expect((await env.app.inject({ method: 'GET', url: '/dv/00004/lay-so' })).body).toContain('Tư pháp – hòa giải');

      // A letter changed: the ticket taken before keeps its number, the next one has the new letter.
      const before = await env.services.queue.takeTicket({ unitCode: '00004', service: 'tu-phap', source: 'kiosk' });
      expect(before.number).toBe('E-001');
      expect((await post('/can-bo/hang-cho/cai-dat/dich-vu', cookie, { _csrf: csrf, code: 'tu-phap', name: 'Tư pháp – hòa giải', letter: 'T', defaultMinutes: '12', fieldCodes: 'Chứng thực', active: '1' })).statusCode).toBe(303);
      const after = await env.services.queue.takeTicket({ unitCode: '00004', service: 'tu-phap', source: 'kiosk' });
      expect(after.number).toBe('T-002');
      expect((await env.services.queue.view(before.id)).number).toBe('E-001');

      // Stopped: no longer offered, no new ticket.
      expect((await post('/can-bo/hang-cho/cai-dat/dich-vu', cookie, { _csrf: csrf, code: 'tu-phap', name: 'Tư pháp – hòa giải', letter: 'T', defaultMinutes: '12', fieldCodes: 'Chứng thực' })).statusCode).toBe(303);
      expect((await env.app.inject({ method: 'GET', url: '/dv/00004/lay-so' })).body).not.toContain('Tư pháp – hòa giải');
      await expect(env.services.queue.takeTicket({ unitCode: '00004', service: 'tu-phap', source: 'kiosk' })).rejects.toMatchObject({ code: 'unknown_service' });
      expect((await env.app.inject({ method: 'GET', url: '/can-bo/hang-cho/cai-dat', headers: { cookie } })).body).toContain('Tư pháp – hòa giải (ngừng dùng)');
    });

    it('counters: a new counter for chosen services, an open counter changed serves the new services at once; bad input refused', async () => {
      const cookie = await desk.cookie('quantri');
      const page = await env.app.inject({ method: 'GET', url: '/can-bo/hang-cho/cai-dat', headers: { cookie } });
      const csrf = csrfOf(page.body);
      const bad = await post('/can-bo/hang-cho/cai-dat/quay', cookie, { _csrf: csrf, new: '1', code: 'quầy 4!', name: '' });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('Mã quầy gồm chữ không dấu');
      expect(bad.body).toContain('Chọn ít nhất một dịch vụ quầy phục vụ.');
      const dup = await post('/can-bo/hang-cho/cai-dat/quay', cookie, { _csrf: csrf, new: '1', code: '2', name: 'Quầy hai', services: 'ho-tich' });
      expect(dup.statusCode).toBe(400);
      expect(dup.body).toContain('Đã có quầy mã &quot;2&quot;');
      const unknown = await post('/can-bo/hang-cho/cai-dat/quay', cookie, { _csrf: csrf, new: '1', code: '4', name: 'Quầy 4', services: ['ho-tich', 'khong-co'] });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.body).toContain('Dịch vụ không có hoặc đã ngừng: khong-co');

      const added = await post('/can-bo/hang-cho/cai-dat/quay', cookie, { _csrf: csrf, new: '1', code: '4', name: '', services: ['cu-tru'] });
      expect(added.statusCode, added.body).toBe(303);
      const c4 = (await env.services.queue.counters('00004')).find((c) => c.code === '4')!;
      expect(c4).toMatchObject({ name: 'Quầy 4', services: ['cu-tru'], open: false });

      // Counter 3 (open, land and others) now serves residence too: it calls a residence ticket.
      await env.services.queue.saveSettings('00004', { closingTime: '23:59' });
      clock.advance(60_000);
      const t = await env.services.queue.takeTicket({ unitCode: '00004', service: 'cu-tru', source: 'kiosk' });
      expect((await post('/can-bo/hang-cho/cai-dat/quay', cookie, { _csrf: csrf, code: '3', name: 'Quầy 3', services: ['dat-dai', 'khac', 'cu-tru'] })).statusCode).toBe(303);
      const three = (await env.services.queue.counters('00004')).find((c) => c.code === '3')!;
      expect(three).toMatchObject({ open: true, services: ['dat-dai', 'khac', 'cu-tru'] });
      expect((await env.services.queue.callNext(official, '3'))?.id).toBe(t.id);
    });
  });
}
