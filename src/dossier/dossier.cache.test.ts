import zlib from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeOf, ChangeFeed } from '../db/changes';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { DOSSIER_TABLES, DossierCache } from './dossier.cache';
import { PAYMENT_DOSSIER_TABLES } from '../payment';
import { APPLICANT, Desk, PDF, multipart } from './workflow.testing';

// Đăng ký lại kết hôn: online, two required papers.
const PROC = '1.004746';
// Đăng ký thường trú: a fee of 20,000 đồng at the counter.
const FEE_PROC = '1.004222';

for (const engine of engines()) {
  describe(`the tracking answer cache is never stale [${engine}]`, () => {
    let env: TestEnv;
    let desk: Desk;
    beforeAll(async () => {
      env = await createTestEnv(engine, { env: { REQUIRE_PHONE_VERIFICATION: 'off' } });
      desk = new Desk(env);
    });
    afterAll(async () => {
      await env?.close();
    });

    /** The citizen's lookup by code and phone, as a phone's browser asks for it (brotli). */
    async function track(code: string, query = `phone=${APPLICANT.phone}`) {
      const r = await env.app.inject({ method: 'GET', url: `/api/dossiers/${code}?${query}`, headers: { 'accept-encoding': 'gzip, deflate, br' } });
      const body = r.headers['content-encoding'] === 'br' ? zlib.brotliDecompressSync(r.rawPayload).toString() : r.body;
      return { status: r.statusCode, json: JSON.parse(body), encoding: r.headers['content-encoding'] };
    }
    /** Looks the dossier up twice and checks that the second answer came from memory. */
    async function warm(code: string) {
      await track(code);
      const before = env.services.dossiers.cacheStats();
      const again = await track(code);
      const after = env.services.dossiers.cacheStats();
      expect(after.hits).toBeGreaterThan(before.hits);
      expect(after.misses).toBe(before.misses);
      return again.json;
    }

    it('serves a repeated lookup from memory, compressed, and only with the proof', async () => {
      const d = await desk.submitOnline(PROC);
      const first = await warm(d.code);
      expect(first.status).toBe('new');
      expect((await track(d.code)).encoding).toBe('br');
      // The same answer never goes to someone without the proof.
      expect((await track(d.code, 'phone=0999999999')).status).toBe(404);
      expect((await track(d.code, '')).status).toBe(404);
      // The lookup by phone does not hand out the signed link (issue 10): it comes by SMS.
      expect(new URL(first.trackingUrl).searchParams.get('t')).toBeNull();
      const token = env.services.dossiers.token(d.code);
      expect((await track(d.code, `t=${token}`)).json.code).toBe(d.code);
      expect((await track(d.code, `t=${token.slice(0, -2)}xx`)).status).toBe(404);
    });

    it("another citizen's submission leaves a dossier's cached answer in place (it names only its own dossier)", async () => {
      const a = await desk.submitOnline(PROC);
      await warm(a.code);
      // PostgreSQL writes a submission with statements compiled once (db/compiled.ts), whose tree
      // holds stand-ins for the values: the change feed reads the dossier's id from the call's own.
      const seen: Array<string[] | undefined> = [];
      const off = env.services.database.changes.on((c) => void seen.push(c.keys));
      const b = await desk.submitOnline(PROC);
      off();
      expect(seen.length).toBeGreaterThan(0);
      for (const keys of seen) expect(keys?.every((k) => k === b.id || k === b.code), JSON.stringify(keys)).toBe(true);
      const before = env.services.dossiers.cacheStats();
      expect((await track(a.code)).json.code).toBe(a.code);
      const after = env.services.dossiers.cacheStats();
      expect(after.hits).toBeGreaterThan(before.hits);
      expect(after.misses).toBe(before.misses);
    });

    it("a one-request submission's answer, made without reading its files and history back, equals what the database holds", async () => {
      const answer = await desk.submitOnline(PROC);
      const db = env.services.database.db;
      const files = await db.selectFrom('dossier_files').innerJoin('dossiers', 'dossiers.id', 'dossier_files.dossier_id').select(['dossier_files.id', 'dossier_files.component']).where('dossiers.code', '=', answer.code).orderBy('dossier_files.created_at').orderBy('dossier_files.id').execute();
      expect(files).toHaveLength(2);
      expect(answer.attachments.map((f: any) => [f.id, f.component])).toEqual(files.map((f) => [f.id, f.component]));
      const history = await db.selectFrom('dossier_history').innerJoin('dossiers', 'dossiers.id', 'dossier_history.dossier_id').select(['dossier_history.seq', 'dossier_history.action', 'dossier_history.to_status']).where('dossiers.code', '=', answer.code).execute();
      expect(history).toEqual([{ seq: 1, action: 'submit', to_status: 'new' }]);
      expect(answer.history.map((h: any) => [h.seq, h.action, h.to])).toEqual([[1, 'submit', 'new']]);
      // The next lookup (from memory) says the same.
      expect((await track(answer.code)).json.attachments.map((f: any) => f.id)).toEqual(files.map((f) => f.id));
    });

    it('an action by an official shows at once (status and history)', async () => {
      const d = await desk.submitOnline(PROC);
      expect((await warm(d.code)).status).toBe('new');
      await desk.ok(d.code, 'tiepnhan', { type: 'accept' });
      const after = (await track(d.code)).json;
      expect(after.status).toBe('received');
      expect(after.history.map((h: any) => h.action)).toContain('accept');
    });

    it("a message to the citizen (a supplement request) and the citizen's file and answer show at once", async () => {
      const d = await desk.submitOnline(PROC);
      await desk.ok(d.code, 'tiepnhan', { type: 'accept' });
      await warm(d.code);
      await desk.ok(d.code, 'tiepnhan', { type: 'request_supplement', items: ['Ảnh chân dung 4x6'], message: 'Xin gửi ảnh rõ nét' });
      const asked = (await track(d.code)).json;
      expect(asked.status).toBe('supplement_requested');
      expect(asked.history.at(-1).action).toBe('request_supplement');

      // A file: the attachment list changes without any change to the dossier row.
      await warm(d.code);
      const n = asked.attachments.length;
      const mp = multipart([
        { name: 'component', value: 'khac' },
        { name: 'file', value: PDF, filename: 'anh-chan-dung.pdf', type: 'application/pdf' },
      ]);
      const up = await env.app.inject({ method: 'POST', url: `/api/dossiers/${d.code}/attachments?t=${env.services.dossiers.token(d.code)}`, payload: mp.body, headers: mp.headers });
      expect(up.statusCode, up.body).toBe(201);
      expect((await track(d.code)).json.attachments).toHaveLength(n + 1);

      await warm(d.code);
      const back = await desk.act(d.code, null, { type: 'supplement', comment: 'Đã bổ sung' }, {}, `?t=${env.services.dossiers.token(d.code)}`);
      expect(back.statusCode, back.body).toBe(200);
      expect((await track(d.code)).json.status).not.toBe('supplement_requested');
    });

    it('a fee assessed and a payment recorded by the payment module show at once', async () => {
      const d = await desk.receiveAtCounter(FEE_PROC);
      const dossier = (await env.services.dossiers.findByCode(d.code))!;
      const staff = { kind: 'staff' as const, id: 'x', unitCode: '00004', role: 'receptionist', name: 'Nguyễn Thị Hòa' };
      const before = (await warm(d.code)).payment;
      expect(before.status).toBe('unpaid');
      // Only the payment module's tables change here.
      await env.services.payments.assess(dossier, staff, { exemption: { reason: 'Hộ nghèo', percent: 50 } });
      const assessed = (await track(d.code)).json.payment;
      expect(assessed.amount).not.toBe(before.amount);
      await warm(d.code);
      await env.services.payments.recordCash(dossier, staff, assessed.amount);
      const paid = (await track(d.code)).json.payment;
      expect(paid.status).toBe('paid');
      expect(paid.outstanding).toBe(0);
    });

    it('a write by any other code (a raw statement, a new module) shows at once', async () => {
      const d = await desk.submitOnline(PROC);
      await warm(d.code);
      await sql`UPDATE dossiers SET applicant_name = applicant_name, due_at = ${'2030-01-01T00:00:00.000Z'} WHERE code = ${d.code}`.execute(env.services.database.db);
      expect((await track(d.code)).json.dueAt).toBe('2030-01-01T00:00:00.000Z');
      await warm(d.code);
      await env.services.database.db.transaction().execute(async (trx) => {
        await trx.updateTable('dossiers').set({ due_at: '2031-01-01T00:00:00.000Z' }).where('id', '=', d.id).execute();
        // PostgreSQL: another request reads while the transaction is open and sees the old row; its
        // answer must not outlive the commit. (SQLite has one connection: the read would wait.)
        if (engine === 'postgres') expect((await track(d.code)).json.dueAt).not.toBe('2031-01-01T00:00:00.000Z');
      });
      expect((await track(d.code)).json.dueAt).toBe('2031-01-01T00:00:00.000Z');
    });
  });
}

describe('which writes change a dossier', () => {
  it('names the dossier when the query does, and says "any" when it cannot tell', async () => {
    const { Kysely, SqliteDialect } = await import('kysely');
    const SQLite = (await import('better-sqlite3')).default;
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
    // What the modules register at start-up: the dossier module its tables, the payment module its own.
    const tables = new ChangeFeed();
    tables.watch(DOSSIER_TABLES);
    tables.watch(PAYMENT_DOSSIER_TABLES);
    const node = (q: { toOperationNode(): any }) => changeOf(q.toOperationNode(), tables);
    expect(node(db.updateTable('dossiers').set({ status: 'x' }).where('id', '=', 'D1'))).toEqual({ keys: ['D1'] });
    expect(node(db.insertInto('dossier_files').values({ id: 'F', dossier_id: 'D2' }))).toEqual({ keys: ['D2'] });
    expect(node(db.insertInto('payments').values({ id: 'P', dossier_id: 'D3', amount: 1 }))).toEqual({ keys: ['D3'] });
    // A new module's table: a dossier_* name, or rows that carry dossier_id.
    expect(node(db.insertInto('dossier_messages').values({ id: 'M', dossier_id: 'D4' }))).toEqual({ keys: ['D4'] });
    expect(node(db.insertInto('citizen_notes').values({ id: 'N', dossier_id: 'D5' }))).toEqual({ keys: ['D5'] });
    expect(node(db.updateTable('dossier_messages').set({ read: 1 }).where('id', '=', 'M'))).toEqual({ keys: undefined });
    // A payment settled by its order reference: any dossier.
    expect(node(db.updateTable('payments').set({ status: 'paid' }).where('order_ref', '=', 'O1'))).toEqual({ keys: undefined });
    // A row of the dossiers table itself deleted: said apart (what only grows must be learnt again).
    expect(node(db.deleteFrom('dossiers').where('status', '=', 'returned'))).toEqual({ keys: undefined, removed: true });
    expect(node(db.deleteFrom('dossiers').where('id', '=', 'D1'))).toEqual({ keys: ['D1'], removed: true });
    // Drafts only (a draft discarded, or expired): nothing finished goes.
    expect(node(db.deleteFrom('dossiers').where('id', '=', 'D1').where('status', '=', 'draft'))).toEqual({ keys: ['D1'] });
    expect(node(db.deleteFrom('dossiers').where('status', '=', 'draft'))).toEqual({ keys: undefined });
    expect(node(db.deleteFrom('dossier_files').where('dossier_id', '=', 'D1'))).toEqual({ keys: ['D1'] });
    // Not a dossier's: reads, the day counter, other tables.
    expect(node(db.selectFrom('dossiers').selectAll())).toBeNull();
    expect(node(db.insertInto('dossier_counters').values({ unit_code: '00004', day: '261203', n: 1 }))).toBeNull();
    expect(node(db.updateTable('outbox').set({ status: 'sent' }).where('id', '=', 'O'))).toBeNull();
    expect(node(db.updateTable('payments').set({ status: 'paid' }).where('dossier_id', '=', 'D6'))).toEqual({ keys: ['D6'] });
    // Writes inside WITH (PostgreSQL's data-modifying CTEs) count: their dossiers, or "any".
    expect(node(db.with('o', (q) => q.updateTable('dossiers').set({ status: 'x' }).where('id', '=', 'D8')).insertInto('outbox').values({ id: 'O' }))).toEqual({ keys: ['D8'] });
    expect(node(db.with('d', (q) => q.insertInto('dossiers').values({ id: 'D9' })).insertInto('dossier_history').values({ id: 'H', dossier_id: 'D9' }))).toEqual({ keys: ['D9'] });
    expect(node(db.with('d', (q) => q.insertInto('dossier_files').values({ id: 'F', dossier_id: 'D10' })).insertInto('dossier_history').values({ id: 'H', dossier_id: 'D11' }))).toEqual({ keys: ['D11', 'D10'] });
    expect(node(db.with('p', (q) => q.updateTable('payments').set({ status: 'paid' }).where('order_ref', '=', 'O1')).selectFrom('p').selectAll())).toEqual({});
    expect(node(db.with('c', (q) => q.insertInto('dossier_counters').values({ unit_code: '00004', day: '261203', n: 1 })).insertInto('outbox').values({ id: 'O' }))).toBeNull();
    // Only registered tables are watched: the feed knows no table names of its own.
    const bare = new ChangeFeed();
    expect(changeOf(db.updateTable('payments').set({ status: 'paid' }).where('dossier_id', '=', 'D6').toOperationNode(), bare)).toBeNull();
    expect(changeOf(db.updateTable('dossiers').set({ status: 'x' }).where('id', '=', 'D1').toOperationNode(), bare)).toBeNull();
    bare.watch({ names: ['dossier_fees'] });
    expect(changeOf(db.deleteFrom('dossier_fees').where('dossier_id', '=', 'D7').toOperationNode(), bare)).toEqual({ keys: ['D7'] });
    // Raw SQL: any write that mentions a registered table is "some dossier".
    expect(changeOf(sql`UPDATE payments SET status = 'paid'`.toOperationNode(), tables)).toEqual({ removed: true });
    expect(changeOf(sql`UPDATE outbox SET status = 'sent'`.toOperationNode(), tables)).toBeNull();
    await db.destroy();
  });

  it('does not keep a part read while a write happened', async () => {
    const feed = new ChangeFeed();
    const cache = new DossierCache(feed, { ttlMs: 60_000 });
    const ids = () => ({ id: 'D1', code: 'C1' });
    let n = 0;
    // A write lands while the part is being read: the (possibly old) value is served once, not kept.
    await cache.part('C1', 'row', async () => {
      feed.emit({ keys: ['D9'] });
      return ++n;
    }, ids);
    expect(await cache.part('C1', 'row', async () => ++n, ids)).toBe(2);
    expect(await cache.part('C1', 'row', async () => ++n, ids)).toBe(2);
    // A change named by id drops the entry found by code.
    feed.emit({ keys: ['D1'] });
    expect(await cache.part('C1', 'row', async () => ++n, ids)).toBe(3);
    feed.emit({});
    expect(await cache.part('C1', 'row', async () => ++n, ids)).toBe(4);
  });
});
