import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';
import { DraftExpiryJob } from './dossier.jobs';
import { APPLICANT, multipart } from './dossier.testing';

const applicant = { fullName: APPLICANT.fullName, phone: APPLICANT.phone };
const MB = 1024 * 1024;

/** A "PDF" of `size` bytes, different every time (the store is content-addressed). */
function bigPdf(size: number): Buffer {
  const head = Buffer.from('%PDF-1.4\n%');
  const tail = Buffer.from('\n%%EOF\n');
  return Buffer.concat([head, randomBytes(size - head.length - tail.length), tail]);
}

/** Every stored blob under DATA_DIR/files (what fills the disk). */
function blobBytes(dataDir: string): number {
  const root = path.join(dataDir, 'files');
  if (!fs.existsSync(root)) return 0;
  let n = 0;
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else n += fs.statSync(p).size;
    }
  };
  walk(root);
  return n;
}

for (const engine of engines()) {
  describe(`anonymous drafts need the phone's code and expire with their files [${engine}]`, () => {
    let env: TestEnv;
    const clock = fixedClock('2026-11-30T02:00:00Z');
    beforeAll(async () => {
      env = await createTestEnv(engine, { clock, env: { REQUIRE_PHONE_VERIFICATION: 'on' } });
    });
    afterAll(async () => {
      await env?.close();
    });
    const inject = (o: InjectOptions) => env.app.inject(o);
    async function lastOtp(phone: string): Promise<string> {
      const rows = await env.services.database.db.selectFrom('outbox').select(['body', 'created_at']).where('recipient', '=', phone).where('event', '=', 'otp').orderBy('created_at', 'desc').execute();
      return /(\d{6})/.exec(rows[0]!.body)![1]!;
    }

    it('refuses the attack: an anonymous JSON draft, then 5 × 9.9 MB attachments, stores nothing', async () => {
      const before = blobBytes(env.dataDir);
      const made = await inject({ method: 'POST', url: '/api/dossiers', payload: { procedureCode: '1.001193', applicant } });
      expect(made.statusCode).toBe(422);
      expect(made.json().error.code).toBe('phone_not_verified');
      // What an attacker does with the draft's id if one was made: five files of 9.9 MB.
      const id = made.statusCode === 201 ? (made.json().id as string) : '00000000-0000-7000-8000-000000000000';
      for (let i = 0; i < 5; i++) {
        const mp = multipart([
          { name: 'component', value: 'chung.1' },
          { name: 'file', value: bigPdf(Math.floor(9.9 * MB)), filename: `scan-${i}.pdf`, type: 'application/pdf' },
        ]);
        const r = await inject({ method: 'POST', url: `/api/dossiers/${id}/attachments`, payload: mp.body, headers: mp.headers });
        expect(r.statusCode).not.toBe(201);
      }
      expect(blobBytes(env.dataDir) - before).toBe(0);
      const drafts = await env.services.database.db.selectFrom('dossiers').select('id').where('status', '=', 'draft').execute();
      expect(drafts).toEqual([]);
    });

    it('keeps a draft made with the code for DRAFT_TTL_DAYS, then the worker job removes it and its files', async () => {
      await inject({ method: 'POST', url: '/api/otp', payload: { phone: applicant.phone } });
      const made = await inject({ method: 'POST', url: '/api/dossiers', payload: { procedureCode: '1.001193', applicant, otp: await lastOtp(applicant.phone) } });
      expect(made.statusCode).toBe(201);
      const id = made.json().id as string;
      const mp = multipart([
        { name: 'component', value: 'chung.1' },
        { name: 'file', value: bigPdf(2 * MB), filename: 'giay-chung-sinh.pdf', type: 'application/pdf' },
      ]);
      const att = await inject({ method: 'POST', url: `/api/dossiers/${id}/attachments`, payload: mp.body, headers: mp.headers });
      expect(att.statusCode).toBe(201);
      expect(blobBytes(env.dataDir)).toBeGreaterThanOrEqual(2 * MB);

      const job = new DraftExpiryJob(env.services.drafts, { intervalMs: 0 });
      clock.advance(29 * 86_400_000);
      expect((await job.runOnce()).drafts).toBe(0);
      expect((await inject({ method: 'GET', url: `/api/dossiers/${id}` })).statusCode).toBe(200);

      clock.advance(2 * 86_400_000);
      expect(await job.runOnce()).toEqual({ drafts: 1, files: 1 });
      expect((await inject({ method: 'GET', url: `/api/dossiers/${id}` })).statusCode).toBe(404);
      expect(blobBytes(env.dataDir)).toBe(0);
    });
  });
}
