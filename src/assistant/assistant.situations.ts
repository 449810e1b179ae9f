/**
 * Situations a citizen tells instead of naming the procedure (`SITUATIONS`, matched on the folded
 * question by `matchSituations`), apart from the word-for-word synonyms of assistant.synonyms.ts.
 * The families are listed beside it (assistant.civil-situations.ts, assistant.ward-situations.ts,
 * assistant.told-events.ts, residence-told, ward-stories, commune-told, civil-register) and put
 * together here in a fixed order: a question's expansions are added in that order.
 */
import { fold, syllables } from '../shared/vietnamese';
import { contentSyllables, type SynonymMatch } from './assistant.synonyms';
import { RESIDENCE_TOLD } from './assistant.residence-told';
import { WARD_STORIES } from './assistant.ward-stories';
import { CIVIL_REGISTER_TOLD } from './assistant.civil-register';
import {
  LOST,
  EXPIRED,
  WRONG,
  LAND_PAPER,
  SHOP,
  ALTER,
  BUILDING_PART,
  CERTIFIED,
  CONTRACT,
  CERTIFIED_SAID,
  SLIP,
  NEVER_BORN_REGISTERED,
  NEVER_REGISTERED_TOLD,
  ADULT_PAPERS,
  BABY,
  NEWBORN,
  NOT_YET_REGISTERED,
  VISITING,
  LATE,
  FOREIGNER,
  NOT_PLAIN_BIRTH,
} from './assistant.situation-words';
import { COMMUNE_TOLD } from './assistant.commune-told';
import { CIVIL_SITUATIONS } from './assistant.civil-situations';
import { FOREIGN_SITUATIONS, PENSION_SITUATIONS, WARD_SITUATIONS } from './assistant.ward-situations';
import { TOLD_EVENTS } from './assistant.told-events';
import { PURPOSE_TOLD } from './assistant.purpose-told';
import { LEVEL_TOLD } from './assistant.level-told';
import { NEAR_SIBLINGS } from './assistant.near-siblings';
import { SIBLING_PULLS } from './assistant.sibling-pulls';
import { TOLD_FOR } from './assistant.told-for';
import { PLAIN_TOLD } from './assistant.plain-told';


/**
 * Situations told rather than named: every group must have a phrase in the question (and no
 * `unless` phrase may be there); the question then also means the catalogue's words. "Giấy khai
 * sinh bị cháy, sổ hộ tịch cũng không còn" is a re-registration; "vừa khai sinh vừa nhận cha" the
 * combined procedure; "cán bộ có đến nhà…" a mobile registration (lưu động); a child born abroad
 * a birth registration with a foreign element.
 */
export interface Situation {
  groups: string[][];
  /** Phrases whose words the expansion also stands for, when present (the story around it). */
  also?: string[];
  unless?: string[];
  /** Phrases that only tell the story when the situation holds: they weigh little. */
  story?: string[];
  /**
   * The group whose phrases the expansion stands for (default: every group's). The others only
   * make the situation: "khai sinh" of "bị liệt, làm khai sinh" stays the birth's word.
   */
  anchor?: number;
  expansion: string;
}

/** The kind of deal a certified contract is ("tặng cho", "mua bán", "thế chấp"): the words of the one changed or undone. */
const DEAL_NAMED = [...CONTRACT, 'tang', 'tang cho', 'mua ban', 'cho thue', 'the chap', 'chuien nhuong'];

export const SITUATIONS: Situation[] = [
  ...CIVIL_SITUATIONS,
  {
    // An identity card past its date (or at the ages 25, 40, 60 it must be changed) is exchanged,
    // whatever stands between the card and "hết hạn" ("căn cước gắn chip hết hạn").
    groups: [['can cuoc', 'chung minh'], EXPIRED],
    unless: ['ho chieu', 'tam tru', 'giai phep'],
    expansion: 'cấp đổi thẻ căn cước',
  },
  {
    // A detail shown wrong in the VNeID application ("VNeID ghi sai ngày sinh so với giấy khai
    // sinh") is the population database's: its correction at the citizen's request, not the civil
    // status record the birth certificate names (every such labelled line of the tuning files).
    groups: [['vneid', 'app dinh danh', 'ung dung dinh danh'], WRONG],
    unless: ['the can cuoc', 'cap doi', 'doi the'],
    expansion: 'điều chỉnh thông tin trong cơ sở dữ liệu quốc gia về dân cư',
  },
  {
    // An identity card asked to be changed ("đổi"), whatever made it so: a new name, a face that
    // changed, a move, a worn card ("đổi tên rồi, giờ đổi căn cước theo tên mới", "ảnh trên căn
    // cước từ hồi 14 tuổi … đổi được không"): the exchange of the card, not the civil-status
    // correction the story names. Only "đổi" said with the card or with its modal words ("cần
    // đổi", "đổi được không"): unmarked "doi" is also "đôi" ("gãy đôi") or "đợi" ("chờ đợi").
    groups: [['can cuoc', 'cccd', 'cmnd'], ['doi can cuoc', 'doi the', 'doi cccd', 'doi cmnd', 'doi sang', 'doi moi', 'doi lai', 'doi duoc', 'can doi', 'phai doi', 'xin doi', 'muon doi', 'doi khong', 'doi nua']],
    unless: ['gai doi', 'gay doi', 'lam doi', 'cho doi', 'doi lau', 'bi mat', 'mat the', 'mat can cuoc', 'mat cccd', 'lam mat', 'danh mat', 'that lac', 'danh roi', 'bi chai', 'tich hop', 'cap nhat', 'nhom mau', 'ho chieu', 'bang lai', 'bao hiem', 'muc 2', 'dinh danh'],
    expansion: 'cấp đổi thẻ căn cước',
  },
  {
    // A contract certified already, now changed or undone ("hợp đồng mua bán xe đã chứng thực ở
    // xã, giờ hai bên muốn hủy"): the change of a certified transaction, not a new certification.
    groups: [CERTIFIED, ['huy', 'huy bo', 'sua', 'sua lai', 'sua doi', 'bo sung', 'them dieu khoan']],
    // An error in it is corrected by its own procedure (national: "sửa lỗi sai sót trong hợp đồng").
    unless: [...WRONG, 'loi'],
    story: CERTIFIED,
    // pass 24: the deal named beside it is the one changed ("hợp đồng tặng cho … muốn hủy không tặng nữa")
    also: DEAL_NAMED,
    expansion: 'chứng thực việc sửa đổi bổ sung hủy bỏ giao dịch',
  },
  {
    // The same told with the contract named and where it was certified or signed ("hợp đồng … có
    // chứng thực ở xã rồi, giờ muốn hủy", "ký ở xã rồi mà bên mua không mua nữa, hủy sao").
    groups: [CONTRACT, [...CERTIFIED_SAID, 'ki o xa', 'ki o phuong', 'ki tai xa', 'ki tai phuong', 'ra xa chung thuc', 'ra phuong chung thuc'], ['huy', 'huy bo', 'bo hop dong', 'sua doi', 'bo sung hop dong']],
    unless: [...SLIP, 'loi', ...CERTIFIED],
    story: [...CERTIFIED_SAID, 'ki o xa', 'ki o phuong', 'ki tai xa', 'ki tai phuong', 'ra xa chung thuc', 'ra phuong chung thuc'],
    also: DEAL_NAMED,
    expansion: 'chứng thực việc sửa đổi bổ sung hủy bỏ giao dịch',
  },
  {
    // The undoing itself to be certified (pass 25): "chứng thực văn bản hủy hợp đồng mua bán xe",
    // "chứng thực việc hủy hợp đồng" — the deal named is the one undone, not a new certification.
    groups: [['chung thuc'], ['van ban huy', 'viec huy', 'huy hop dong', 'huy bo hop dong', 'huy giao dich', 'huy bo giao dich', 'thoa thuan huy']],
    unless: [...SLIP, 'loi'],
    also: DEAL_NAMED,
    expansion: 'chứng thực việc sửa đổi bổ sung hủy bỏ giao dịch',
  },
  {
    // A slip in a contract certified at the commune ("hợp đồng chứng thực ở xã ghi sai năm sinh",
    // "số thửa bị gõ nhầm"): corrected by its own procedure, not a new certification or a change
    // the parties agree (Nghị định 23/2015/NĐ-CP, Điều 39).
    groups: [CONTRACT, CERTIFIED_SAID, SLIP],
    story: CERTIFIED_SAID,
    expansion: 'sửa lỗi sai sót trong giao dịch',
  },
  {
    // A copy of a contract certified at the commune, asked from the copy the commune keeps
    // ("hợp đồng chứng thực ở xã bị mất, xin bản sao"): not a copy certified from an original in hand.
    groups: [CONTRACT, CERTIFIED_SAID, ['ban sao', 'sao i', 'ban luu', 'sao lai']],
    unless: [...SLIP, 'huy', 'huy bo', 'sua doi', 'bo sung'],
    story: CERTIFIED_SAID,
    expansion: 'cấp bản sao có chứng thực từ sổ gốc bản chính giao dịch đã được chứng thực',
  },
  {
    // The residence record still showing an old name, date or address ("đổi tên rồi mà thông tin cư
    // trú vẫn ghi tên cũ"): its details adjusted, not a new registration nor a confirmation.
    groups: [['thong tin cu tru', 'du lieu cu tru', 'thong tin thuong tru', 'thong tin tam tru'], [...SLIP, 'van ghi', 'con ghi', 'van la', 'chua cap nhat', 'chua doi', 'cap nhat lai', 'sua', 'dieu chinh']],
    unless: ['xac nhan', 'khai thac', 'trich xuat'],
    expansion: 'điều chỉnh thông tin về cư trú trong cơ sở dữ liệu về cư trú',
  },
  {
    // Insurance bought for a herd, a pond or a crop, with the State's help: the farm insurance
    // premium support (not social or health insurance).
    groups: [['bao hiem'], ['dan bo', 'con bo', 'nuoi bo', 'dan heo', 'nuoi heo', 'dan lon', 'nuoi lon', 'dan ga', 'nuoi ga', 'vat nuoi', 'nuoi tom', 'ao tom', 'cay lua', 'lua nha', 'vu lua', 'cay trong']],
    unless: ['bao hiem xa hoi', 'bao hiem i te', 'bao hiem that nghiep'],
    expansion: 'hỗ trợ phí bảo hiểm nông nghiệp',
  },
  {
    // A shop or workshop suspended by the fire police and put right, to open again: the
    // restoration of its activity, not a household business's resumption.
    groups: [['dinh chi', 'bi dinh chi', 'tam dinh chi', 'bat ngung', 'bi bat ngung', 'bi niem phong'], ['mo lai', 'hoat dong lai', 'hoat dong tro lai', 'cho hoat dong']],
    expansion: 'phục hồi hoạt động của cơ sở',
  },
  {
    // An adult who never had a birth certificate but has other papers of their own ("bà tôi 70
    // tuổi chưa bao giờ có giấy khai sinh, chỉ có căn cước"): the registration for such a person.
    groups: [NEVER_BORN_REGISTERED, ['can cuoc', 'chung minh', 'ho khau', 'bang lai', 'ho chieu', 'hoc ba', 'bang tot nghiep']],
    expansion: 'đăng ký khai sinh cho người đã có hồ sơ giấy tờ cá nhân',
  },
  {
    // The same with a foreign parent ("cha là người Mỹ, hồi đó không đi khai sinh, có căn cước"):
    // its own registration with a foreign element on the full catalogue.
    groups: [[...NEVER_BORN_REGISTERED, ...NEVER_REGISTERED_TOLD, ...NOT_YET_REGISTERED], ADULT_PAPERS, FOREIGNER],
    unless: BABY,
    story: ['chua'],
    expansion: 'đăng ký khai sinh có yếu tố nước ngoài cho người đã có hồ sơ giấy tờ cá nhân',
  },
  {
    // The same told as what the parents did not do, or as not registered yet, with the person's
    // own papers ("hồi nhỏ ba má không làm khai sinh, có căn cước", "35 tuổi, có bằng lái … chưa
    // có khai sinh"), not a baby's.
    groups: [[...NEVER_REGISTERED_TOLD, ...NOT_YET_REGISTERED], ADULT_PAPERS],
    unless: [...BABY, ...FOREIGNER],
    story: ['chua'],
    expansion: 'đăng ký khai sinh cho người đã có hồ sơ giấy tờ cá nhân',
  },
  {
    // A newborn's papers asked for ("vợ mới đẻ, giờ làm giấy tờ cho cháu thế nào"), or a baby's
    // birth not registered yet ("con được 1 tháng tuổi chưa làm khai sinh"): the plain birth
    // registration, not the one for a grown person with papers (whose name says "chưa … đăng ký").
    // pass 24: the birth told "báo" like a death ("chưa đi báo sinh"), the hospital's paper asked of
    groups: [NEWBORN, ['khai sinh', 'khai sanh', 'giai to', 'lam giai', 'thu tuc', 'bao sinh', 'giai sinh', 'giai vien']],
    unless: NOT_PLAIN_BIRTH,
    expansion: 'đăng ký khai sinh',
  },
  // A funeral allowance asked of social insurance is its survivors' benefit (chế độ tử tuất).
  { groups: [['mai tang', 'mai tang phi', 'tien mai tang', 'tro cap mai tang'], ['bao hiem xa hoi', 'bao hiem']], expansion: 'chế độ tử tuất' },
  {
    // A relative or guest come to stay a few days, and the police to be told: the notice of a
    // stay (thông báo lưu trú), not a registration of residence.
    groups: [VISITING, ['bao cong an', 'bao voi cong an', 'bao cho cong an', 'khai bao', 'trinh bao', 'thong bao', 'bao ai', 'khai voi phuong', 'khai voi xa', 'bao phuong', 'bao xa', 'bao voi phuong', 'bao voi xa', 'khai voi cong an']],
    story: ['vai hom', 'may hom', 'vai ngai', 'may ngai', 'em ho', 'anh ho', 'chi ho', 'ho hang', 'o que'],
    expansion: 'thông báo lưu trú',
  },
  // "Chưa" only tells the story: the grown person's record says it ("chưa được đăng ký khai sinh").
  // How late it is and the fine feared ("con được 2 tháng chưa làm khai sinh có bị phạt không")
  // are the registration's own words: registering late is the same registration.
  { groups: [NOT_YET_REGISTERED], unless: [...NOT_PLAIN_BIRTH, ...ADULT_PAPERS], story: ['chua'], also: LATE, expansion: 'đăng ký khai sinh' },
  // A baby with no papers made yet ("bé được hơn 2 tháng mà chưa làm giấy tờ gì"): its birth.
  {
    groups: [['chua lam giai to', 'chua di lam giai to', 'chua lam giai gi', 'chua di lam giai gi'], ['be', 'em be', 'chau be', 'be nha', 'con moi', 'dua nho', 'tre so sinh']],
    unless: [...NOT_PLAIN_BIRTH, ...ADULT_PAPERS],
    story: ['chua'],
    also: LATE,
    expansion: 'đăng ký khai sinh',
  },
  {
    // A building permit past its date before the house is finished is extended.
    groups: [['giai phep xai dung', 'phep xai dung', 'giai phep xai nha', 'phep xai nha'], EXPIRED],
    expansion: 'gia hạn giấy phép xây dựng',
  },
  {
    // A land certificate with a wrong name, date or area is corrected (đính chính), not the civil
    // status record: the error is the certificate's.
    groups: [LAND_PAPER, [...WRONG, 'dinh chinh']],
    unless: ['tranh chap', 'lan dat', 'bi mat', 'lam mat', 'danh mat', 'mat so', 'mat bia', 'that lac', 'chai'],
    also: ['sua', 'sua lai', 'chinh lai'],
    expansion: 'đính chính giấy chứng nhận đã cấp lần đầu có sai sót',
  },
  {
    // A health-insurance card lost, torn or wrong is reissued, exchanged or corrected by social
    // insurance (the ward receives it); the child's first card is the birth's linked procedure.
    groups: [['bao hiem i te', 'so bao hiem xa hoi', 'so bao hiem'], [...LOST, 'danh roi', 'doi the', 'doi lai', 'cap lai', 'lam lai', ...WRONG]],
    unless: ['khai sinh', 'duoi 6 tuoi', 'mua', 'tham gia', 'dong'],
    expansion: 'cấp lại đổi điều chỉnh thông tin trên sổ bảo hiểm xã hội thẻ bảo hiểm y tế',
  },
  {
    // The thing that changes hands decides whose "đổi chủ / sang tên" it is: a shop's is the household
    // business's change of registration, not a vehicle's new owner (CITIZEN_WORDS reads a bare
    // "đổi chủ" as the vehicle's).
    groups: [SHOP, ['doi chu', 'sang ten', 'dung ten', 'chuyen ten', 'sang nhuong', 'nhuong lai', 'sang lai', 'chu moi']],
    // pass 19: nor a shop closed for good, whose name it is registered in only tells the story
    unless: ['xe', 'xe mai', 'o to', 'dat', 'so do', 'so hong', 'nha dat', 'dep', 'nghi luon', 'khong lam nua', 'khong ban nua', 'khong ai ban', 'dong giai phep', 'khoa giai', 'tra giai phep', 'tra lai giai phep', 'cham dut', 'dong han'],
    expansion: 'thay đổi nội dung đăng ký hộ kinh doanh',
  },
  {
    // Works on a building that stands (raised a storey, enlarged, repaired) need the repair and
    // renovation permit, not a new one nor its reissue (Luật Xây dựng, Điều 89, 95–96).
    groups: [ALTER, BUILDING_PART],
    unless: ['xa hoi', 'vai', 'ho tro', 'hop dong'],
    also: ['giai phep', 'xin phep', 'phep'],
    expansion: 'cấp giấy phép xây dựng sửa chữa cải tạo',
  },
  {
    // Building something asked with a permit ("xây tòa văn phòng 20 tầng xin phép ở đâu"): the
    // building permit, whatever is built (the storeys then pick the level, see gradesOfName).
    groups: [['xai', 'xai dung', 'xai moi'], ['xin phep', 'giai phep', 'cap phep', 'phep']],
    // The permit named as a thing ("điều chỉnh giấy phép xây dựng") is asked about by its own act.
    unless: [...ALTER, 'giai phep xai dung', 'phep xai dung', 'giai phep xai nha', 'phep xai nha'],
    expansion: 'cấp giấy phép xây dựng mới',
  },
  {
    // A passport expiring or torn is a new passport (the province’s
    // police); a lost one is reported, a found one restored — their own procedures.
    groups: [['ho chieu', 'passport'], [...EXPIRED, 'rach', 'bi rach', 'hong', 'bi hong']],
    unless: ['mat', 'bi mat', 'that lac', 'khoi phuc', 'tim thai', 'tim lai', 'danh roi', 'khai sinh'],
    expansion: 'cấp hộ chiếu phổ thông ở trong nước',
  },
  ...FOREIGN_SITUATIONS,
  ...PENSION_SITUATIONS,
  ...WARD_SITUATIONS,
  ...TOLD_EVENTS,
  ...RESIDENCE_TOLD,
  ...WARD_STORIES,
  ...COMMUNE_TOLD,
  ...CIVIL_REGISTER_TOLD,
  ...PURPOSE_TOLD,
  ...LEVEL_TOLD,
  ...NEAR_SIBLINGS,
  ...SIBLING_PULLS,
  ...TOLD_FOR,
  ...PLAIN_TOLD,
];

interface CompiledSituation {
  anchor?: number;
  story: string[][];
  groups: string[][][];
  also: string[][];
  unless: string[][];
  expansion: string[];
  content: string[];
}

// Phrases are written folded but may keep a "y" ("người mỹ", "hủy"): folded as the question is
// ("mi", "hui"), or they would never match.
const phrase = (p: string): string[] => fold(p).split(' ');
const compiled: CompiledSituation[] = SITUATIONS.map((s) => ({
  groups: s.groups.map((g) => g.map(phrase)),
  also: (s.also ?? []).map(phrase),
  unless: (s.unless ?? []).map(phrase),
  story: (s.story ?? []).map(phrase),
  anchor: s.anchor,
  expansion: syllables(fold(s.expansion)),
  content: contentSyllables(s.expansion),
}));

const NONE: Array<[number, number]> = [];
/**
 * Where a phrase stands in the folded question. `present` (the question's syllables) lets the
 * ~2,000 phrases whose first syllable the question lacks be passed over without a scan: the
 * situations are checked on every question, and their lists only grow.
 */
function occurrences(folded: string[], phrase: string[], present?: Set<string>): Array<[number, number]> {
  if (present && !present.has(phrase[0]!)) return NONE;
  let out: Array<[number, number]> | undefined;
  for (let i = 0; i + phrase.length <= folded.length; i++) {
    let k = 0;
    while (k < phrase.length && folded[i + k] === phrase[k]) k++;
    if (k === phrase.length) (out ??= []).push([i, i + phrase.length - 1]);
  }
  return out ?? NONE;
}

const FOREIGN_ELEMENT = syllables(fold('có yếu tố nước ngoài')).join(' ');
/** The question tells a foreign element in the family (a situation read as "… có yếu tố nước ngoài"). */
export function tellsForeignElement(folded: string[]): boolean {
  return foreignElementTold(matchSituations(folded));
}
/** The same, of the situations a question was found to tell (`matchSituations`, read once per question). */
export function foreignElementTold(situations: SynonymMatch[]): boolean {
  return situations.some((m) => m.expansion.join(' ').endsWith(FOREIGN_ELEMENT));
}

/**
 * The question names a person of another country ("vợ tôi quốc tịch Nhật", "bạn tôi người Hàn",
 * "người nước ngoài"), whatever it asks about: a residence card, a stay, an adoption are then the
 * foreigner's records, not the citizen's of the same name.
 */
export function tellsForeigner(folded: string[]): boolean {
  return FOREIGNER_WORDS.some((w) => occurrences(folded, w).some(([, end]) => !COUNTRY_WORD_ON.has(`${folded[end]} ${folded[end + 1]}`)));
}
const FOREIGNER_WORDS = FOREIGNER.map((w) => w.split(' '));
/** A country's name that is the first syllable of another word ("người lao động" is a worker, not a Lao). */
const COUNTRY_WORD_ON = new Set(['lao dong', 'lao cong', 'han xi', 'nga xuong', 'nga benh']);

/** The situations a question tells, with the phrases they stand for. */
export function matchSituations(folded: string[]): SynonymMatch[] {
  const out: SynonymMatch[] = [];
  const present = new Set(folded);
  const at = (p: string[]) => occurrences(folded, p, present);
  situations: for (const s of compiled) {
    // Each group must be told (checked first: most situations end at their first group), and no
    // `unless` phrase.
    const found: Array<Array<[number, number]>> = [];
    for (const g of s.groups) {
      const f = g.flatMap(at);
      if (!f.length) continue situations;
      found.push(f);
    }
    if (s.unless.some((p) => at(p).length)) continue;
    const spans = [...(s.anchor === undefined ? found.flat() : found[s.anchor]!), ...s.also.flatMap(at)];
    const story = s.story.flatMap(at);
    out.push({ start: spans[0]![0], end: spans[0]![1], expansion: s.expansion, content: s.content, spans: spans.filter(([a]) => !story.some(([x, y]) => a >= x && a <= y)), story });
  }
  return out;
}