import type { Procedure } from '../catalog';

/**
 * Which agency does a procedure, for telling a citizen where to go when it is not done at the
 * unit. The national record's executing agency (`co_quan_thuc_hien`) comes first; the importer
 * falls back to the deciding agency (`co_quan_co_tham_quyen`) when it says "Không có thông tin".
 * About 230 of the 2,642 national records have neither: their steps still say where the papers go
 * ("gửi … đến Sở Tư pháp nơi …", "nộp … cho cơ quan được Chủ tịch Ủy ban nhân dân cấp tỉnh giao"),
 * and that office is named instead of only the level.
 */
export function agencyOf(p: Pick<Procedure, 'agency' | 'steps'> & { field?: string }): { name: string; fromSteps: boolean } | undefined {
  const own = p.agency.trim();
  if (own && !/^không có thông tin\.?$/iu.test(own)) return { name: withField(own, p.field), fromSteps: false };
  const fromSteps = officeInSteps(p.steps.join('\n'));
  if (fromSteps) return { name: withField(fromSteps, p.field), fromSteps: true };
  const byField = FIELD_OFFICES.find(([field]) => field.test(p.field ?? ''));
  return byField ? { name: byField[1], fromSteps: false } : undefined;
}

/**
 * An agency that names no office. The steps of a record without an agency may name none either
 * ("hồ sơ gửi đến cơ quan được Chủ tịch Ủy ban nhân dân cấp tỉnh giao": a fertiliser import
 * licence, a plant-variety record), and get the field the same way.
 */
const VAGUE_AGENCY = /^(?:các )?cơ quan (?:chức năng|có thẩm quyền|được giao|nhà nước có thẩm quyền|được (?:chủ tịch )?(?:ủy|uỷ) ban nhân dân[^,.;]*giao$)/iu;

/**
 * An agency that names no office ("Cơ quan chức năng do Ủy ban nhân dân cấp tỉnh chỉ định", 39
 * national records: packing codes, growing areas, farm-produce quality) says whose matter it is by
 * the record's field: "(lĩnh vực trồng trọt và bảo vệ thực vật)", so the citizen knows which
 * department of the province to ask.
 */
function withField(agency: string, field?: string): string {
  if (!field || !VAGUE_AGENCY.test(agency)) return agency;
  return `${agency} (lĩnh vực ${field.toLocaleLowerCase('vi-VN')})`;
}

/**
 * The office of a branch whose records name none (29 tax records: "Khai tiền thuê đất", "Quyết
 * toán thuế thu nhập cá nhân…"): the field says whose they are (assistant.scope.ts, OTHER_FIELD).
 */
const FIELD_OFFICES: Array<[RegExp, string]> = [
  [/^Thuế/iu, 'cơ quan thuế (Thuế tỉnh, thành phố hoặc Thuế cơ sở)'],
  [/^Hải quan/iu, 'cơ quan hải quan'],
  [/^Kho bạc/iu, 'Kho bạc Nhà nước'],
];

/** Words an office's name starts with (with their capital, as the records write them). */
const HEAD = '(?:Sở|Cục|Tổng cục|Bộ(?! phận)|Ủy ban|Uỷ ban|UBND|Chủ tịch|Công an|Phòng|Chi cục|Văn phòng|Trung tâm|Thuế|Bảo hiểm xã hội|Tòa án|Toà án|Ngân hàng|Thi hành án|Ban quản lý|Cảng vụ|[Cc]ơ quan)';
/** Words that end an office's name in a sentence: what follows says where, when or how, not who. */
const END = '(?:nơi|để|theo|hoặc|trong|kể từ|bằng|qua|trên|kèm|nhận|trước|sau|thẩm định|xem xét|tiếp nhận|thực hiện|giải quyết|có thẩm quyền|đề nghị|trình|thông báo|phê duyệt|khi)';
const OFFICE = new RegExp(`(?:^|\\s)(?:đến|tới|tại|gửi|cho|về)\\s+(${HEAD}[^,.;:()\\n]{0,80}?)(?=\\s+${END}(?=\\s|$)|\\s*[,.;:()\\n]|$)`, 'gu');

/** The first office the steps send the papers to, if one is named (more than "cơ quan" alone). */
export function officeInSteps(steps: string): string | undefined {
  OFFICE.lastIndex = 0;
  for (let m = OFFICE.exec(steps); m; m = OFFICE.exec(steps)) {
    const name = m[1]!.trim().replace(/\s+/g, ' ');
    if (name.split(' ').length >= 2 && !/^cơ quan$/iu.test(name)) return name;
  }
  return undefined;
}
