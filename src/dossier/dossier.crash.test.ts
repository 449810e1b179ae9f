import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepFiles } from '../app';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';

const PDF = (n: number) => Buffer.from(`%PDF-1.4\n% ${n}\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`);
const applicant = { fullName: 'Phạm Thị Mai', phone: '0933444555' };

/** Stored files (not the store's tmp folder). */
const stored = (root: string) => filesUnder(root).filter((f) => !path.relative(root, f).startsWith(`tmp${path.sep}`));

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

for (const engine of engines()) {
  describe(`a crash in the middle of a one-request submission leaves nothing half-written [${engine}]`, () => {
    let env: TestEnv;
    beforeAll(async () => {
      env = await createTestEnv(engine, { env: { REQUIRE_PHONE_VERIFICATION: 'off' } });
    });
    afterAll(async () => {
      await env?.close();
    });

    it('start-up removes the cut-short draft and its file, and keeps a draft the citizen saved', async () => {
      const { dossiers } = env.services;
      const anon = { kind: 'anonymous' as const };
      // What the multipart route had done when the process died: draft and file row, no submit.
      const cut = (await dossiers.createDraft({ unitCode: '00004', procedureCode: '1.001193', channel: 'online', applicant, transient: true }, anon)).dossier;
      await dossiers.addAttachment(cut, 'chung.0', { data: PDF(1), filename: 'a.pdf' });
      // A draft saved on purpose ("Lưu nháp") stays.
      const saved = (await dossiers.createDraft({ unitCode: '00004', procedureCode: '1.001193', channel: 'online', applicant }, anon)).dossier;
      await dossiers.addAttachment(saved, 'chung.0', { data: PDF(2), filename: 'b.pdf' });
      expect(stored(path.join(env.dataDir, 'files'))).toHaveLength(2);

      await sweepFiles(env.services, 0);

      await expect(dossiers.getForActor(cut.id, anon)).rejects.toMatchObject({ code: 'dossier_not_found' });
      expect((await dossiers.getForActor(saved.id, anon)).status).toBe('draft');
      const left = stored(path.join(env.dataDir, 'files'));
      expect(left).toHaveLength(1);
      expect(await dossiers.isFileReferenced(path.basename(left[0]!))).toBe(true);
    });
  });
}
