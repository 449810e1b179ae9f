/**
 * The key a client's address is counted under by every per-address limit: the rate limits, the
 * dossier-proof budget, the staff sign-in delay (per account and source).
 *
 * An IPv6 client commonly holds a whole /64 — a home's router, a rented server — and may send
 * from any of its 2^64 addresses: counted per address it would escape every limit (issue 10,
 * item 1). So an IPv6 address counts as its /64. An IPv4 address seen through an IPv6 socket
 * (`::ffff:198.51.100.7`, a server listening on `::`) counts as the IPv4 address it carries.
 */
export function clientKey(ip: string): string {
  // The common case, first and cheap: IPv4 (or whatever is not an IPv6 address).
  if (!ip.includes(':')) return ip;
  const addr = ip.replace(/%.*$/, '').toLowerCase();
  const mapped = /^(?:0{0,4}:){0,5}:?ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(addr);
  if (mapped) return mapped[1]!;
  const groups = expand(addr);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : ip;
}

/** The eight 16-bit groups of an IPv6 address (without leading zeros), or undefined when it is not one. */
function expand(addr: string): string[] | undefined {
  let text = addr;
  // An IPv4 tail (64:ff9b::198.51.100.7) is two groups.
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const b = v4.slice(1).map(Number);
    if (b.some((x) => x > 255)) return undefined;
    text = text.slice(0, v4.index) + `${((b[0]! << 8) | b[1]!).toString(16)}:${((b[2]! << 8) | b[3]!).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return undefined;
  return all.map((g) => parseInt(g, 16).toString(16));
}
