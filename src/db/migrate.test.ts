import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, engines, type TestEnv } from '../shared/testing';

for (const engine of engines()) {
  describe(`migrations [${engine}]`, () => {
    let env: TestEnv;
    beforeAll(async () => {
      env = await createTestEnv(engine);
    });
    afterAll(async () => env?.close());

    it('014 drops the staff columns nothing reads (the sign-in throttle lives in login_throttle); accounts still work', async () => {
      const tables = await env.services.database.db.introspection.getTables();
      const staff = tables.find((t) => t.name === 'staff')!.columns.map((c) => c.name);
      expect(staff).toEqual(expect.arrayContaining(['username', 'password_hash', 'active']));
      expect(staff).not.toContain('failed_logins');
      expect(staff).not.toContain('locked_until');
      expect(tables.find((t) => t.name === 'login_throttle')).toBeDefined();
      // The demo seed wrote its accounts, and an official still signs in.
      const r = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'tiepnhan', password: 'demo' } });
      expect(r.statusCode).toBe(200);
    });
  });
}
