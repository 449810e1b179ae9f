import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { Desk } from '../dossier/workflow.testing';
import { csrfOf } from '../shared/suite.testing';

/** Issue 10, item 12: the admin's catalogue form can no longer wipe the catalogue by accident or by a forged post. */
for (const engine of engines()) {
  describe(`the unit's catalogue is never emptied by one post, and earlier versions come back [${engine}]`, () => {
    let env: TestEnv;
    let desk: Desk;
    let cookie = '';
    let csrf = '';
    let all: string[] = [];

    const size = async () => (await env.services.catalog.unitCatalog('00004')).entries.size;
    const form = (codes: string[], keep: (c: string) => boolean, extra: Record<string, string> = {}) => {
      const body = new URLSearchParams({ _csrf: csrf, count: String(codes.length), ...extra });
      codes.forEach((c, i) => {
        body.set(`code.${i}`, c);
        if (keep(c)) body.set(`keep.${i}`, '1');
      });
      return desk.inject({ method: 'POST', url: '/can-bo/quan-tri/danh-muc', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() });
    };

    beforeAll(async () => {
      env = await createTestEnv(engine);
      desk = new Desk(env);
      cookie = await desk.cookie('quantri');
      const page = await desk.inject({ method: 'GET', url: '/can-bo/quan-tri/danh-muc', headers: { cookie } });
      csrf = csrfOf(page.body);
      all = (await desk.inject({ method: 'GET', url: '/api/admin/catalog', headers: { cookie } })).json().items.map((i: any) => i.procedureCode);
    });
    afterAll(async () => {
      await env?.close();
    });

    it('answers 400 to a post with only the CSRF token, and changes nothing', async () => {
      expect(all.length).toBe(54);
      const r = await desk.inject({ method: 'POST', url: '/can-bo/quan-tri/danh-muc', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(csrf)}` });
      expect(r.statusCode).toBe(400);
      expect(r.body).toContain('không đầy đủ');
      // Rows announced but missing are refused the same way.
      expect((await desk.inject({ method: 'POST', url: '/can-bo/quan-tri/danh-muc', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(csrf)}&count=54` })).statusCode).toBe(400);
      expect(await size()).toBe(54);
    });

    it('asks for confirmation before removing more than a few procedures, then keeps the previous version', async () => {
      const keep = new Set(all.slice(0, 2));
      const ask = await form(all, (c) => keep.has(c));
      expect(ask.statusCode).toBe(409);
      expect(ask.body).toContain('sẽ bỏ 52 thủ tục');
      expect(ask.body).toContain('Xác nhận bỏ 52 thủ tục và lưu');
      expect(await size()).toBe(54);
      // Removing a few needs no confirmation.
      expect((await form(all, (c) => c !== all[53])).statusCode).toBe(200);
      expect(await size()).toBe(53);
      const done = await form(all.slice(0, 53), (c) => keep.has(c), { confirm: '1' });
      expect(done.statusCode).toBe(200);
      expect(await size()).toBe(2);

      // The version before the save is listed and restored from the page.
      const history = await desk.inject({ method: 'GET', url: '/can-bo/quan-tri/danh-muc/lich-su', headers: { cookie } });
      expect(history.body).toContain('Khôi phục phiên bản này (53 thủ tục)');
      const id = /danh-muc\/phien-ban\/([0-9a-f-]+)\/khoi-phuc/.exec(history.body)![1]!;
      const back = await desk.inject({ method: 'POST', url: `/can-bo/quan-tri/danh-muc/phien-ban/${id}/khoi-phuc`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(csrf)}` });
      expect(back.statusCode).toBe(303);
      expect(await size()).toBe(53);
      expect((await env.services.audit.list({ action: 'catalog.restore' })).length).toBe(1);
    });

    it('does the same through the API: 409 confirm_removal, versions, restore', async () => {
      const json = { cookie, 'content-type': 'application/json' };
      const put = await desk.inject({ method: 'PUT', url: '/api/admin/catalog', headers: json, payload: { rows: [{ procedureCode: all[0] }] } });
      expect(put.statusCode).toBe(409);
      expect(put.json().error.code).toBe('confirm_removal');
      expect(await size()).toBe(53);
      const ok = await desk.inject({ method: 'PUT', url: '/api/admin/catalog', headers: json, payload: { rows: [{ procedureCode: all[0] }], confirmRemoval: true } });
      expect(ok.statusCode).toBe(200);
      expect(await size()).toBe(1);
      const versions = (await desk.inject({ method: 'GET', url: '/api/admin/catalog/versions', headers: { cookie } })).json().items;
      expect(versions[0].size).toBe(53);
      const r = await desk.inject({ method: 'POST', url: `/api/admin/catalog/versions/${versions[0].id}/restore`, headers: json, payload: {} });
      expect(r.statusCode).toBe(200);
      expect(await size()).toBe(53);
    });

    it('the essential-procedures save is a catalogue version like any other, and restoring it brings the old choice back', async () => {
      const essentials = async () => [...(await env.services.catalog.unitCatalog('00004')).entries.values()].filter((e) => e.essential).map((e) => e.procedureCode).sort();
      const was = await essentials();
      const versionsBefore = await env.services.catalog.versions('00004');
      // Two procedures not essential yet: each change shows both ways in the history.
      const chosen = [...(await env.services.catalog.unitCatalog('00004')).entries.values()].filter((e) => !e.essential).slice(0, 2).map((e) => e.procedureCode);
      expect(chosen).toHaveLength(2);
      const save = async (codes: string[]) => {
        const body = new URLSearchParams({ _csrf: csrf });
        for (const c of codes) body.append('chon', c);
        const r = await desk.inject({ method: 'POST', url: '/can-bo/quan-tri/thiet-yeu', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() });
        expect(r.statusCode).toBe(200);
        expect(await essentials()).toEqual([...codes].sort());
      };
      await save(chosen);
      await save(chosen.slice(0, 1));
      const versions = await env.services.catalog.versions('00004');
      expect(versions).toHaveLength(versionsBefore.length + 2);
      expect(versions[0]!.actorName).toBe('Phạm Thu Trang');
      // Listed on the history page and restorable there.
      const history = await desk.inject({ method: 'GET', url: '/can-bo/quan-tri/danh-muc/lich-su', headers: { cookie } });
      expect(history.body).toContain(`/can-bo/quan-tri/danh-muc/phien-ban/${versions[1]!.id}/khoi-phuc`);
      // Each change in words, not the JSON the history keeps.
      expect(history.body).toContain('Thiết yếu: có → không');
      expect(history.body).toContain('Thiết yếu: không → có');
      expect(history.body).not.toMatch(/\{&quot;|\{"commitment/);
      // The version kept by the first save is the catalogue before it.
      const back = await desk.inject({ method: 'POST', url: `/can-bo/quan-tri/danh-muc/phien-ban/${versions[1]!.id}/khoi-phuc`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(csrf)}` });
      expect(back.statusCode).toBe(303);
      expect(await essentials()).toEqual(was);
    });
  });
}
