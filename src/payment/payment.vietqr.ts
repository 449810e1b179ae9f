/**
 * VietQR: the EMVCo merchant-presented QR (EMV QRCPS) as NAPAS profiles it for account transfers.
 * Any Vietnamese banking app that scans it fills in the bank, the account, the exact amount and the
 * transfer note. DOMAIN.md "Payments" lists the tags:
 *
 *   00 "01"  payload format           01 "12"  dynamic (an amount is given; "11" static)
 *   38       merchant account: 00 GUID A000000727, 01 (00 bank BIN, 01 account), 02 QRIBFTTA
 *   53 "704" VND                      54       amount
 *   58 "VN"                           62       additional data: 08 purpose (the transfer note)
 *   63       CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection) over all that precedes
 *            it, "6304" included, as 4 upper-case hex digits.
 */

export const NAPAS_GUID = 'A000000727';
export const SERVICE_ACCOUNT = 'QRIBFTTA';

export function crc16ccitt(s: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(s, 'utf8')) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

function tlv(id: string, value: string): string {
  if (value.length > 99) throw new RangeError(`EMV field ${id} longer than 99 characters`);
  return id + String(value.length).padStart(2, '0') + value;
}

/** A transfer note banks keep intact: ASCII letters, digits, space and dash, at most 25 characters. */
export function transferNote(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9 -]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 25);
}

export interface VietQrInput {
  bankBin: string;
  account: string;
  /** VND; omitted for a static code. */
  amount?: number;
  /** The transfer note (tag 62-08), e.g. the dossier code. */
  purpose?: string;
}

export function buildVietQr(i: VietQrInput): string {
  if (!/^\d{6}$/.test(i.bankBin)) throw new RangeError('bank BIN must be 6 digits');
  if (i.amount !== undefined && (!Number.isInteger(i.amount) || i.amount <= 0 || i.amount > 9_999_999_999_999)) throw new RangeError('amount must be a positive whole number of VND');
  const merchant = tlv('00', NAPAS_GUID) + tlv('01', tlv('00', i.bankBin) + tlv('01', i.account)) + tlv('02', SERVICE_ACCOUNT);
  let s = tlv('00', '01') + tlv('01', i.amount !== undefined ? '12' : '11') + tlv('38', merchant) + tlv('53', '704');
  if (i.amount !== undefined) s += tlv('54', String(i.amount));
  s += tlv('58', 'VN');
  const note = i.purpose ? transferNote(i.purpose) : '';
  if (note) s += tlv('62', tlv('08', note));
  s += '6304';
  return s + crc16ccitt(s);
}

export type EmvFields = Map<string, string>;

/** Splits an EMV TLV string into its fields (one level). Throws on a malformed string. */
export function parseTlv(s: string): EmvFields {
  const out: EmvFields = new Map();
  let i = 0;
  while (i < s.length) {
    const id = s.slice(i, i + 2);
    const len = Number(s.slice(i + 2, i + 4));
    if (!/^\d{2}$/.test(id) || !Number.isInteger(len) || i + 4 + len > s.length) throw new Error(`malformed EMV field at ${i}`);
    out.set(id, s.slice(i + 4, i + 4 + len));
    i += 4 + len;
  }
  return out;
}

export interface DecodedVietQr {
  bankBin: string;
  account: string;
  service: string;
  amount: number | undefined;
  currency: string;
  country: string;
  purpose: string | undefined;
  dynamic: boolean;
  crcOk: boolean;
}

/** Reads a VietQR payload back (what a banking app does), checking the CRC. */
export function decodeVietQr(payload: string): DecodedVietQr {
  const top = parseTlv(payload);
  const crc = top.get('63');
  const crcOk = !!crc && payload.endsWith(crc) && crc16ccitt(payload.slice(0, -4)) === crc;
  const m = parseTlv(top.get('38') ?? '');
  if (m.get('00') !== NAPAS_GUID) throw new Error('not a VietQR (NAPAS) code');
  const acct = parseTlv(m.get('01') ?? '');
  const extra = top.get('62') ? parseTlv(top.get('62')!) : new Map<string, string>();
  return {
    bankBin: acct.get('00') ?? '',
    account: acct.get('01') ?? '',
    service: m.get('02') ?? '',
    amount: top.has('54') ? Number(top.get('54')) : undefined,
    currency: top.get('53') ?? '',
    country: top.get('58') ?? '',
    purpose: extra.get('08'),
    dynamic: top.get('01') === '12',
    crcOk,
  };
}
