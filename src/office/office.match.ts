import { stripDiacritics } from '../shared/vietnamese';
import type { Office, OfficeKind } from './office.types';

/**
 * From the catalogue's "cơ quan thực hiện" text to one of the unit's offices.
 *
 * The national records write the agency in many ways ("Công an cấp xã", "Uỷ ban Nhân dân xã,
 * phường, thị trấn.", "Ủy ban nhân dân cấp xã (phối hợp với cơ quan công an …)", "Chủ tịch UBND cấp
 * xã"), so texts are compared by a key without marks, case, spacing or final punctuation, and the
 * automatic choice reads the agency that leads the text — the part before any parenthesis, comma or
 * semicolon — because what follows names partners or the authority behind it, not where to go
 * ("Công an cấp xã (cơ quan có thẩm quyền: Cục Cảnh sát …)" is the ward police;
 * "Ủy ban nhân dân cấp xã (phối hợp với cơ quan công an)" is the one-stop office).
 */

/** The key an agency text is mapped by: no diacritics (Uỷ = Ủy), lower case, single spaces, no final dot. */
export function agencyKey(text: string): string {
  return stripDiacritics(text.normalize('NFC'))
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/[\s.;,:]+$/, '')
    .trim();
}

const POLICE = /\bcong an\b/;
const HEALTH = /\b(tram y te|y te|trung tam y te)\b/;
const COMMITTEE = /\b(uy ban nhan dan|ubnd|chu tich|bo phan mot cua|mot cua|tu phap|ho tich|dang ky kinh doanh)\b/;

/**
 * The kind of office an agency text points at, and whether the text said so (`sure`) or the
 * one-stop office is only the fallback (an agency the rules do not know: worth a look by the admin).
 */
export function defaultKindOf(agency: string): { kind: OfficeKind; sure: boolean } {
  const key = agencyKey(agency);
  const lead = key.replace(/\(.*$/, '').split(/[,;]| hoac /)[0]!.trim();
  if (POLICE.test(lead)) return { kind: 'police', sure: true };
  if (HEALTH.test(lead)) return { kind: 'health', sure: true };
  if (COMMITTEE.test(lead)) return { kind: 'one_stop', sure: true };
  // The lead names something else (a register office, "Cơ quan quản lý … (Sở Tư pháp, UBND cấp xã)"):
  // a known agency further on decides, the one-stop office otherwise (it receives for the commune).
  if (COMMITTEE.test(key)) return { kind: 'one_stop', sure: true };
  if (POLICE.test(key)) return { kind: 'police', sure: true };
  return { kind: 'one_stop', sure: false };
}

/** The unit's first office of a kind (offices come sorted), else its one-stop office, else its first office. */
export function firstOfKind(offices: readonly Office[], kind: OfficeKind): Office | undefined {
  return offices.find((o) => o.kind === kind) ?? offices.find((o) => o.kind === 'one_stop') ?? offices[0];
}

/** How a procedure's office was chosen: its own override, its agency's mapping, or the automatic default. */
export type MatchSource = 'procedure' | 'agency' | 'default';

export interface Mappings {
  /** agencyKey → office id. */
  agencies: ReadonlyMap<string, string>;
  /** procedure code → office id. */
  procedures: ReadonlyMap<string, string>;
}

/** The office a procedure of the unit is handed in at (undefined only when the unit has no office). */
export function resolveOffice(offices: readonly Office[], maps: Mappings, procedure: { code: string; agency: string }): { office: Office; source: MatchSource } | undefined {
  const byId = (id: string | undefined) => (id ? offices.find((o) => o.id === id) : undefined);
  const own = byId(maps.procedures.get(procedure.code));
  if (own) return { office: own, source: 'procedure' };
  const mapped = byId(maps.agencies.get(agencyKey(procedure.agency)));
  if (mapped) return { office: mapped, source: 'agency' };
  const office = firstOfKind(offices, defaultKindOf(procedure.agency).kind);
  return office ? { office, source: 'default' } : undefined;
}
