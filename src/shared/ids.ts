import { randomFillSync } from 'node:crypto';

/** Random bytes for ids, drawn from the CSPRNG 4 KB at a time (one call per 256 ids, not one per id). */
const pool = Buffer.allocUnsafe(4096);
let used = pool.length;

/** UUIDv7: time-ordered, so ids sort by creation and index well on both engines. */
export function uuidv7(now = Date.now()): string {
  if (used + 16 > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const b = Buffer.from(pool.subarray(used, used + 16));
  pool.fill(0, used, used + 16); // bytes handed out are not kept around
  used += 16;
  b.writeUIntBE(now, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
