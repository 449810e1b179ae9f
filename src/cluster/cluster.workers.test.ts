/**
 * WORKERS=N is checked at start-up (the workers themselves are tested with real processes in
 * src/ops/cluster.test.ts): more than one process on one SQLite file is refused with a message
 * that says why and what to do.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';

describe('WORKERS', () => {
  it('is 1 unless set; 2 or more need PostgreSQL; 1–64', () => {
    expect(loadConfig({ DATABASE_URL: 'sqlite::memory:' }).ops.workers).toBe(1);
    expect(loadConfig({ DATABASE_URL: 'postgres://motcua@127.0.0.1/motcua', WORKERS: '4' }).ops.workers).toBe(4);
    expect(() => loadConfig({ DATABASE_URL: 'sqlite::memory:', WORKERS: '2' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'sqlite::memory:', WORKERS: '2' })).toThrow(/^WORKERS lớn hơn 1 cần PostgreSQL/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://motcua@127.0.0.1/motcua', WORKERS: '0' })).toThrow('WORKERS phải là số nguyên từ 1 đến 64 (nhận được "0")');
  });
});
