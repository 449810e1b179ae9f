import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, buildServices, type Services } from '../app';
import { loadConfig } from '../config';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { windowBits } from '../shared/compress';
import { createDoc, draw, toBuffer } from '../shared/pdf';
import { makeDemoCertificate } from '../signing/signing.cert';
import { APPLICANT, Desk, PDF, multipart } from './workflow.testing';

// Đăng ký lại kết hôn: online, two required papers (the result is signed).
const PROC = '1.004746';
// Đăng ký thường trú: a fee of 20,000 đồng at the counter.
const FEE_PROC = '1.004222';

/**
 * A first tracking lookup reads the dossier, its files and history, its fee and payments and its
 * signed result. On PostgreSQL the dossier module reads the first three in one statement and the
 * payment module the next two (dossier.lookup-repo `findDossierWithPartsByCode`, payment.repo
 * `findFeeAndPayments`); a server with its dossier cache off reads each on its own. Both must give
 * the citizen the same bytes.
 */
for (const engine of engines()) {
  describe(`the first lookup's answer does not depend on how its rows were read [${engine}]`, () => {
    let env: TestEnv;
    let desk: Desk;
    // The same database served with the dossier cache off: every part read by its own statement.
    let plain: { app: FastifyInstance; services: Services };
    const signingEnv: Record<string, string> = {};
    beforeAll(async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-lookup-read-'));
      signingEnv.SIGNING_P12 = path.join(dir, 'phuong-ba-dinh.p12');
      signingEnv.SIGNING_P12_PASSWORD = 'mật-khẩu';
      fs.writeFileSync(signingEnv.SIGNING_P12, makeDemoCertificate({ unitName: 'Phường Ba Đình', password: 'mật-khẩu', now: new Date() }));
      env = await createTestEnv(engine, { env: { REQUIRE_PHONE_VERIFICATION: 'off', ...signingEnv } });
      desk = new Desk(env);
      const db = env.config.database;
      const config = loadConfig({
        DATA_DIR: env.dataDir,
        DATABASE_URL: db.kind === 'postgres' ? db.url : `sqlite:${db.url}`,
        PUBLIC_URL: 'http://motcua.test',
        RATE_LIMIT: 'off',
        LOG_LEVEL: 'silent',
        REQUIRE_PHONE_VERIFICATION: 'off',
        DOSSIER_CACHE_SECONDS: '0',
        ...signingEnv,
      });
      const services = await buildServices(config);
      plain = { services, app: await buildApp(config, services) };
      await plain.app.ready();
    });
    afterAll(async () => {
      await plain?.app.close();
      await plain?.services.database.close();
      await env?.close();
      if (signingEnv.SIGNING_P12) fs.rmSync(path.dirname(signingEnv.SIGNING_P12), { recursive: true, force: true });
    });

    /** The citizen's lookup by code and phone, the body as sent before compression. */
    async function track(app: FastifyInstance, code: string): Promise<string> {
      const r = await app.inject({ method: 'GET', url: `/api/dossiers/${code}?phone=${APPLICANT.phone}`, headers: { 'accept-encoding': 'br' } });
      expect(r.statusCode, r.body).toBe(200);
      if (r.headers['content-encoding'] !== 'br') return r.body;
      const body = zlib.brotliDecompressSync(r.rawPayload);
      // Made per dossier, not kept for many visitors: brotli's quick quality (shared/compress.ts).
      const quick = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length, [zlib.constants.BROTLI_PARAM_LGWIN]: windowBits(body.length) } });
      expect(r.rawPayload.equals(quick)).toBe(true);
      return body.toString();
    }

    /** What `run` gives, with the values of each statement sent to PostgreSQL meanwhile (pg binds each). */
    async function counted<T>(run: () => Promise<T>): Promise<{ value: T; sent: unknown[][] }> {
      const proto = pg.Connection.prototype as unknown as { bind(config: { values?: unknown[] }): unknown };
      const { bind } = proto;
      const sent: unknown[][] = [];
      proto.bind = function (this: unknown, config) {
        sent.push(config?.values ?? []);
        return bind.call(this, config);
      };
      try {
        return { value: await run(), sent };
      } finally {
        proto.bind = bind;
      }
    }

    /**
     * The first lookup on the caching server (the parts read together) against the plain server's.
     * On PostgreSQL that first lookup is one statement: the dossier's, carrying the other modules'
     * reads (db/alongside.ts).
     */
    async function sameAnswer(code: string): Promise<any> {
      const separately = await track(plain.app, code);
      const misses = env.services.dossiers.cacheStats().misses;
      const together = await counted(() => track(env.app, code));
      // It was a first lookup there: read from the database, not from memory.
      expect(env.services.dossiers.cacheStats().misses).toBeGreaterThan(misses);
      expect(together.value).toBe(separately);
      if (engine === 'postgres') {
        // The statements about this dossier (by its code or its id; others, such as the catalogue
        // checking its version now and then, may run meanwhile): the dossier's only.
        const id = (await env.services.dossiers.findByCode(code))!.id;
        expect(together.sent.filter((values) => values.includes(code) || values.includes(id))).toHaveLength(1);
      }
      return JSON.parse(together.value);
    }

    it('a dossier with files, several steps of history, a fee with an exemption and a payment', async () => {
      const d = await desk.receiveAtCounter(FEE_PROC);
      const dossier = (await env.services.dossiers.findByCode(d.code))!;
      const staff = { kind: 'staff' as const, id: 'x', unitCode: '00004', role: 'receptionist', name: 'Nguyễn Thị Hòa' };
      const assessed = await env.services.payments.assess(dossier, staff, { exemption: { reason: 'Hộ nghèo', percent: 50 } });
      await env.services.payments.recordCash(dossier, staff, Math.floor(assessed.amount / 2));
      await env.services.payments.recordCash(dossier, staff, assessed.amount - Math.floor(assessed.amount / 2));
      const answer = await sameAnswer(d.code);
      expect(answer.payment).toMatchObject({ status: 'paid', outstanding: 0, exemption: { reason: 'Hộ nghèo', percent: 50 } });
      expect(answer.history.length).toBeGreaterThan(0);
    });

    it('a dossier sent back for a supplement, with a file added, and one with a signed result', async () => {
      const asked = await desk.submitOnline(PROC);
      await desk.ok(asked.code, 'tiepnhan', { type: 'accept' });
      await desk.ok(asked.code, 'tiepnhan', { type: 'request_supplement', items: ['Ảnh chân dung 4x6'], message: 'Xin gửi ảnh rõ nét' });
      const mp = multipart([
        { name: 'component', value: 'khac' },
        { name: 'file', value: PDF, filename: 'anh-chan-dung.pdf', type: 'application/pdf' },
      ]);
      const up = await env.app.inject({ method: 'POST', url: `/api/dossiers/${asked.code}/attachments?t=${env.services.dossiers.token(asked.code)}`, payload: mp.body, headers: mp.headers });
      expect(up.statusCode, up.body).toBe(201);
      expect((await sameAnswer(asked.code)).attachments).toHaveLength(3);

      const code = await desk.approvedOnline(PROC);
      const doc = createDoc({ title: 'GIẤY CHỨNG NHẬN KẾT HÔN', margins: { top: 56, left: 85, right: 56 } }, {});
      draw(doc, 'GIẤY CHỨNG NHẬN KẾT HÔN', 85, 80, { font: 'serifBold', size: 16 }, 420, 'center');
      const result = multipart([
        { name: 'type', value: 'mark_result_ready' },
        { name: 'file', value: await toBuffer(doc), filename: 'giay-chung-nhan.pdf', type: 'application/pdf' },
      ]);
      const login = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lanhdao', password: 'demo' } });
      const ready = await env.app.inject({ method: 'POST', url: `/api/dossiers/${code}/actions`, payload: result.body, headers: { ...result.headers, authorization: `Bearer ${login.json().token}` } });
      expect(ready.statusCode, ready.body).toBe(200);
      const answer = await sameAnswer(code);
      expect(answer.status).toBe('processed');
      expect(answer.result).toMatchObject({ verifyUrl: expect.stringMatching(/\/xac-thuc\/[0-9a-f-]{36}$/) });
    });

    it('a wrong phone is refused the same way on both paths', async () => {
      const d = await desk.submitOnline(PROC);
      for (const app of [env.app, plain.app]) {
        const r = await app.inject({ method: 'GET', url: `/api/dossiers/${d.code}?phone=0999999999` });
        expect(r.statusCode).toBe(404);
        expect(r.json().error.code).toBe('dossier_not_found');
      }
    });
  });
}
