import { describe, expect, it } from 'vitest';
import { uuidv7 } from './ids';

describe('uuidv7', () => {
  it('is a version-7 UUID whose first 48 bits are the time, unique across many pool refills', () => {
    const at = Date.UTC(2026, 11, 3, 9, 0, 0);
    const id = uuidv7(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) seen.add(uuidv7(at)); // ~20 refills of the 4 KB pool
    expect(seen.size).toBe(5000);
    // Ids of later instants sort after earlier ones (indexes stay ordered).
    expect(uuidv7(at + 1) > uuidv7(at)).toBe(true);
  });

  it('writes the whole 48-bit time, whatever the instant before it, and a fresh random part for each id', () => {
    // The time part is written once per millisecond into the id being built: each instant reads back exactly.
    for (const t of [0, 1, 0xffffffff, 2 ** 32 + 5, Date.UTC(2026, 11, 5), 2 ** 48 - 1, 42]) {
      const id = uuidv7(t);
      expect(id, String(t)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16), String(t)).toBe(t);
    }
    // Ids of one millisecond share the time part only; an id handed out is not changed by the next.
    const a = uuidv7(7);
    const copy = `${a}`;
    const b = uuidv7(7);
    expect(a).toBe(copy);
    expect(b.slice(0, 15)).toBe(a.slice(0, 15));
    expect(b.slice(15)).not.toBe(a.slice(15));
  });

  it('takes the whole millisecond of a time with a fraction, and refuses a time that is no 48-bit millisecond', () => {
    // Generated histories (bench/province-data.ts) give instants with fractions of a millisecond;
    // PostgreSQL refuses a text holding NUL, so an id must never carry one.
    const t = Date.UTC(2026, 11, 5, 12, 0, 0) + 0.73;
    const id = uuidv7(t);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Math.floor(t));
    expect(uuidv7(Math.floor(t)).slice(0, 15)).toBe(id.slice(0, 15));
    for (const bad of [-1, Number.NaN, Infinity, 2 ** 48]) expect(() => uuidv7(bad), String(bad)).toThrow(RangeError);
  });
});
