/**
 * Issue 10, item 8 follow-up: one person cannot keep the disk — a proven phone (5 codes an hour)
 * or a signed-in citizen keeps at most DRAFT_MAX_OPEN open drafts whose files add up to at most
 * DRAFT_MAX_MB, with a Vietnamese 422 and a machine code when a change would go past it.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { APPLICANT, multipart } from './dossier.testing';

const MB = 1024 * 1024;

function pdf(size: number): Buffer {
  const head = Buffer.from('%PDF-1.4\n%');
  const tail = Buffer.from('\n%%EOF\n');
  return Buffer.concat([head, randomBytes(size - head.length - tail.length), tail]);
}

for (const engine of engines()) {
  describe(`one person's drafts have a quota [${engine}]`, () => {
    let env: TestEnv;
    const clock = fixedClock('2026-11-30T02:00:00Z');
    beforeAll(async () => {
      env = await createTestEnv(engine, { clock, env: { REQUIRE_PHONE_VERIFICATION: 'on', DRAFT_MAX_OPEN: '3', DRAFT_MAX_MB: '20' } });
    });
    afterAll(async () => {
      await env?.close();
    });

    async function lastOtp(phone: string): Promise<string> {
      const rows = await env.services.database.db.selectFrom('outbox').select(['body', 'created_at']).where('recipient', '=', phone).where('event', '=', 'otp').orderBy('created_at', 'desc').execute();
      return /(\d{6})/.exec(rows[0]!.body)![1]!;
    }
    /** A JSON draft proven with a fresh one-time code of `phone`. */
    async function draftFor(phone: string) {
      clock.advance(1_000); // the newest code is the one the test reads
      expect((await env.app.inject({ method: 'POST', url: '/api/otp', payload: { phone } })).statusCode).toBe(200);
      return env.app.inject({ method: 'POST', url: '/api/dossiers', payload: { procedureCode: '1.001193', applicant: { fullName: APPLICANT.fullName, phone }, otp: await lastOtp(phone) } });
    }
    const attach = (id: string, size: number) => {
      const mp = multipart([
        { name: 'component', value: 'chung.1' },
        { name: 'file', value: pdf(size), filename: 'ban-quet.pdf', type: 'application/pdf' },
      ]);
      return env.app.inject({ method: 'POST', url: `/api/dossiers/${id}/attachments`, payload: mp.body, headers: mp.headers });
    };
    const storedBytes = async () => Number((await env.services.database.db.selectFrom('dossier_files').select((eb) => eb.fn.sum<number | string | null>('size').as('b')).executeTakeFirst())?.b ?? 0);

    it('a proven phone keeps at most DRAFT_MAX_OPEN drafts; another phone has its own', async () => {
      const phone = '0912000001';
      for (let i = 0; i < 3; i++) {
        const r = await draftFor(phone);
        expect(r.statusCode, r.body).toBe(201);
      }
      const fourth = await draftFor(phone);
      expect(fourth.statusCode).toBe(422);
      expect(fourth.json().error.code).toBe('draft_quota_exceeded');
      expect(fourth.json().error.message).toBe('Bạn đang có 3 bản nháp chưa nộp, đã đến mức tối đa 3 bản nháp. Xin nộp hoặc xóa bớt bản nháp cũ (trang "Hồ sơ của tôi" hoặc đường dẫn trong tin nhắn) rồi lưu lại.');
      const kept = await env.services.database.db.selectFrom('dossiers').select('id').where('verified_phone', '=', phone).where('status', '=', 'draft').execute();
      expect(kept).toHaveLength(3);
      expect((await draftFor('0912000002')).statusCode).toBe(201);
    });

    it('the files of one phone\'s open drafts add up to at most DRAFT_MAX_MB; nothing is stored past it', async () => {
      const phone = '0912000003';
      const a = (await draftFor(phone)).json().id as string;
      const b = (await draftFor(phone)).json().id as string;
      expect((await attach(a, 9 * MB)).statusCode).toBe(201);
      expect((await attach(b, 9 * MB)).statusCode).toBe(201);
      const before = await storedBytes();
      const over = await attach(b, 3 * MB);
      expect(over.statusCode).toBe(422);
      expect(over.json().error.code).toBe('draft_storage_exceeded');
      expect(over.json().error.message).toBe('Tệp đính kèm trong các bản nháp chưa nộp của bạn sẽ lên tới 21 MB, vượt mức 20 MB cho phép. Xin nộp hoặc xóa bớt bản nháp cũ, hoặc đính kèm tệp nhỏ hơn.');
      expect(await storedBytes()).toBe(before);
      // A small one still fits.
      expect((await attach(b, 1 * MB)).statusCode).toBe(201);
    });

    it('a signed-in citizen\'s "Lưu nháp" counts their drafts by account and by their phone', async () => {
      const phone = '0912000004';
      clock.advance(1_000);
      await env.services.accounts.requestOtp(phone, 'sign_in');
      const { citizen } = await env.services.accounts.signInCitizenWithOtp(phone, await lastOtp(phone));
      const actor = { kind: 'citizen' as const, id: citizen.id, phone: citizen.phone, name: citizen.phone };
      const input = { unitCode: '00004', procedureCode: '1.001193', channel: 'online' as const, caseId: null, applicant: { fullName: APPLICANT.fullName, phone }, formData: {}, delivery: {} };
      // One draft saved earlier with the phone's code, before signing in: it counts too.
      expect((await draftFor(phone)).statusCode).toBe(201);
      for (let i = 0; i < 2; i++) await env.services.drafts.keep(await env.services.drafts.save(undefined, input, actor), actor);
      const fourth = await env.services.drafts.save(undefined, input, actor);
      await expect(env.services.drafts.keep(fourth, actor)).rejects.toMatchObject({ code: 'draft_quota_exceeded' });
      // An expired draft no longer counts.
      clock.advance(31 * 86_400_000);
      const later = await env.services.drafts.save(undefined, input, actor);
      await expect(env.services.drafts.keep(later, actor)).resolves.toMatchObject({ status: 'draft' });
    });
  });
}
