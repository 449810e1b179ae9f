import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { CompiledShapes } from './compiled';
import type { DB, OutboxTable } from './schema';

// Only the compiler is needed: what would be sent to PostgreSQL, with no server.
const db = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createQueryCompiler: () => new PostgresQueryCompiler(),
    createIntrospector: (k) => new PostgresIntrospector(k),
  },
});

const message = (n: number, over: Partial<OutboxTable> = {}) => ({ id: `m${n}`, channel: 'sms', recipient: `09123456${n}${n}`, body: `Hồ sơ số ${n} đã được tiếp nhận`, dossier_code: null, ...over });

describe('statements compiled once per shape', () => {
  it("binds each call's own values to the text compiled for the first", () => {
    const shapes = new CompiledShapes();
    const build = (v: { row: ReturnType<typeof message>; counter: { unit: string } }) =>
      db.insertInto('outbox').values({ ...(v.row as object), unit_code: sql<string>`(select ${v.counter.unit}::text)` } as never);
    const first = shapes.statement('outbox', { row: message(1), counter: { unit: 'X1' } }, build);
    const second = shapes.statement('outbox', { row: message(2), counter: { unit: 'X2' } }, build);
    expect(shapes.size).toBe(1);
    expect(second.sql).toBe(first.sql);
    // What the statement built afresh would send, value for value.
    expect(second.parameters).toEqual(build({ row: message(2), counter: { unit: 'X2' } }).compile().parameters);
    expect(second.parameters).toContain('Hồ sơ số 2 đã được tiếp nhận');
    expect(second.parameters).not.toContain('m1');
    expect(first.parameters).toContain('0912345611'); // the first call's values are left as they were
  });

  it('a key without a value is another shape: the column is left out, as Kysely leaves it', () => {
    const shapes = new CompiledShapes();
    const build = (v: { row: object }) => db.insertInto('outbox').values(v.row as never);
    const full = shapes.statement('outbox', { row: message(1, { subject: 'Thông báo' }) }, build);
    const partial = shapes.statement('outbox', { row: message(1, { subject: undefined }) }, build);
    expect(shapes.size).toBe(2);
    expect(full.sql).toContain('"subject"');
    expect(partial.sql).not.toContain('"subject"');
    expect(partial.parameters).toEqual(build({ row: message(1, { subject: undefined }) }).compile().parameters);
  });

  it('refuses an SQL expression where a value was compiled (it would be sent as an object)', () => {
    const shapes = new CompiledShapes();
    const build = (v: { row: object }) => db.insertInto('outbox').values(v.row as never);
    shapes.statement('outbox', { row: message(1) }, build);
    expect(() => shapes.statement('outbox', { row: message(2, { body: sql<string>`upper('x')` as never }) }, build)).toThrow(/row\.body is an SQL expression/);
  });

  it('refuses a statement that leaves a value out (it would be lost at every later call)', () => {
    const shapes = new CompiledShapes();
    expect(() => shapes.statement('lost', { row: { id: 'a', body: 'b' } }, (v) => db.insertInto('outbox').values({ id: v.row.id } as never))).toThrow(/row\.body/);
  });
});
