import type { Procedure } from '../catalog';

/**
 * Whether a commune (ward) does a procedure itself, as the national record says.
 *
 * - The levels list "Cấp xã" (or none: the unit's own catalogue);
 * - the name does not say the record is the one "thực hiện tại cấp huyện/tỉnh/trung ương"
 *   (the same procedure at the commune is another record) unless it lists the commune too;
 * - the executing agency is not only a body of another branch of the State. About 270 national
 *   records list "Cấp xã" among their levels because the tax office, the customs office, the
 *   treasury or a court has a local branch there ("Thuế cơ sở", "Chi cục Hải quan khu vực",
 *   "Kho bạc nhà nước các cấp"): the citizen goes to
 *   that office, not to the ward's one-stop counter, which receives the procedures of the
 *   commune's own bodies (one-stop mechanism, Decree 118/2025/NĐ-CP). A record that also names a
 *   commune body (Ủy ban nhân dân / Công an cấp xã…) stays the commune's.
 */
export function doneAtCommune(p: Pick<Procedure, 'name' | 'levels' | 'agency' | 'field'>): boolean {
  const communeLevel = p.levels.length === 0 || p.levels.some((l) => /xã/iu.test(l));
  // The name may list the levels, the commune among them ("… thực hiện tại cấp trung ương, cấp
  // tỉnh, cấp xã": the commune police register motorbikes) — then it is the commune's record too.
  const levelsNamed = /thực hiện (?:tại|ở) (cấp (?:huyện|tỉnh|trung ương|bộ)[^()]*)/iu.exec(p.name)?.[1];
  if (!communeLevel || (levelsNamed && !/cấp\s+xã/iu.test(levelsNamed))) return false;
  return !otherBranchOnly(p.agency) && !(OTHER_FIELD.test(p.field) && !COMMUNE_BODY_NAMED.test(p.agency));
}

/**
 * The fields of those branches: the national catalogue's tax, customs and treasury records (244 at
 * commune level) never name a commune body; 29 tax records name no agency at all ("Quyết toán thuế
 * thu nhập cá nhân đối với hộ kinh doanh") and are still the tax office's.
 */
const OTHER_FIELD = /^(?:Thuế|Hải quan|Kho bạc)/iu;
/** A body of the commune named by its level ("Ủy ban nhân dân cấp xã", "Công an phường"); not "xã hội". */
const COMMUNE_BODY_NAMED = /(?<!\p{L})(?:xã(?! hội)|phường|thị trấn)(?!\p{L})/iu;

/** Bodies of other branches with offices near the citizen, which a ward's counter does not stand for. */
// Social insurance is left out: its allowances (one-off payment, survivors', maternity) are
// asked at the ward and the commune passes the papers on — the tuning sets expect them answered.
const OTHER_BRANCH = /^(?:(?:Chi cục |Cục |Đội )?Thuế|Cơ quan thuế|(?:Chi cục |Cục )?Hải quan|Kho bạc|Tòa án|Toà án|(?:Chi nhánh )?Ngân hàng)/iu;
/**
 * A body of the commune, or no agency named ("Không có thông tin": the record's level is then the
 * commune's) — the words of COMMUNE_BODY_NAMED, one source for both.
 */
const COMMUNE_BODY = new RegExp(`${COMMUNE_BODY_NAMED.source}|không có thông tin`, COMMUNE_BODY_NAMED.flags);

/** The agency names only bodies of other branches (see OTHER_BRANCH), none of the commune. */
export function otherBranchOnly(agency: string): boolean {
  const a = agency.trim();
  if (!a || COMMUNE_BODY.test(a)) return false;
  return OTHER_BRANCH.test(a);
}
