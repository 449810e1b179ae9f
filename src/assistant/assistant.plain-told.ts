/**
 * Ward records told in plain words the record's name does not have (issue 15, pass 28, r13demo):
 * living somewhere for good ("ở hẳn"), an official coming "lên tận nơi", a household no longer
 * poor ("thôi hưởng hộ nghèo"), a father owning his child ("công nhận là cha"), a food cart or
 * stall asking for its paper, a civil-status detail confirmed from the register. Each covered
 * little of any record's name, so the demo ward handed the citizen over to staff or chose a
 * sibling. Spread into `SITUATIONS` (assistant.situations.ts); phrases are written folded ("giấy"
 * is "giai", "y" as "i").
 */
import type { Situation } from './assistant.situations';
import { ADULT_PAPERS, LATE, MOBILE_ACTS, NOT_PLAIN_BIRTH } from './assistant.situation-words';

/** Living somewhere for good, not for a while ("ở hẳn", "ở luôn", "ở lâu dài"); folded "o han" is also "ở Hàn (Quốc)". */
const FOR_GOOD = ['o han', 'o luon', 'o lau dai', 'song han', 'o dut han', 'o ca doi', 'sinh song lau dai'];
/** Put on the register there ("đăng ký", "cho cả nhà", "nhập vào"). */
const PUT_ON = ['dang ki', 'nhap', 'ho khau', 'khai bao', 'ghi ten', 'cho ca nha', 'cho vao', 'lam giai'];

/** Someone of the commune who comes ("cán bộ tư pháp", "nhờ xã", "ủy ban cử"). */
const OFFICIAL = ['can bo', 'tu phap', 'nho xa', 'xa len', 'xa xuong', 'xa cu', 'xa co cu', 'uy ban cu', 'uy ban len', 'uy ban xuong', 'nguoi cua xa'];
/** All the way to where the family is ("lên tận nơi", "xuống tận bản"). */
const ALL_THE_WAY = ['tan noi', 'len tan', 'xuong tan', 'vao tan', 'tan ban', 'tan thon', 'tan lang', 'tan xom'];
/** The citizen who must go there is no official coming ("có phải lên tận nơi không"). */
const CITIZEN_GOES = ['phai len tan noi', 'phai den tan noi', 'phai toi tan noi', 'phai ra tan noi', 'can den tan noi', 'can len tan noi', 'tu len', 'tu di'];

/** A household of the poor or near-poor. */
const POOR = ['ho ngheo', 'can ngheo', 'dien ngheo', 'so ngheo'];
/** No longer in need, said plainly ("xin thôi", "đủ ăn rồi", "khá lên"). Not "dự án" (folded "du an"). */
const NO_LONGER_POOR = ['thoi huong', 'xin thoi', 'thoi ngheo', 'thoi can ngheo', 'thoi dien', 'het ngheo', 'da du an', 'co du an', 'du an roi', 'kha len', 'kha hon', 'kha gia', 'khong can ho tro', 'khong nhan nua', 'da on dinh', 'on dinh roi'];
/** Still poor, or asking to be put on the list. */
const STILL_POOR = ['chua du an', 'khong du an', 'xin vao', 'vao dien', 'vao danh sach', 'duoc vao', 'xet vao'];

/** A child of one's own ("con riêng", "đứa con với người trước"). */
const OWN_CHILD = ['con rieng', 'dua con', 'con voi', 'co con', 'con ngoai gia thu', 'dua nho', 'chau be'];
/** Owned as its parent ("công nhận là cha", "nhận là con"): not "nhận làm con" (an adoption). */
const OWNED_AS = ['cong nhan la cha', 'cong nhan la bo', 'cong nhan la me', 'cong nhan cha', 'cong nhan bo', 'cong nhan me', 'nhan la cha', 'nhan la bo', 'nhan la me', 'la cha ruot', 'la bo ruot', 'la me ruot', 'nhan la con', 'cong nhan la con'];
/** An adoption, a stepchild, or a birth not yet registered (the combined registration). */
const NOT_OWNED = ['con nuoi', 'lam con', 'nuoi', 'cua vo', 'cua chong', 'giam ho', 'chua khai sinh', 'chua co khai sinh', 'chua lam khai sinh', 'moi sinh', 'vua sinh', 'sap sinh'];

/** A food cart, a stall or a small trade ("xe bán bánh mì", "sạp rau"). Not "quán", "tiệm" (the shop rule of ward-situations). */
const SMALL_TRADE = ['xe ban', 'xe banh mi', 'ban banh mi', 'ban tra da', 'ban nuoc mia', 'ban xoi', 'ban che', 'ban com', 'ban do an', 'ban hang rong', 'ban rau', 'ban quan ao', 'gian hang', 'sap hang', 'sap rau', 'ki ot', 'kiot', 'buon ban nho'];
/** Its paper asked ("cần giấy đăng ký không", "có phải xin phép"). */
const TRADE_PAPER = ['giai dang ki', 'dang ki kinh doanh', 'giai phep', 'xin phep', 'can giai', 'co can dang ki', 'phai dang ki', 'can dang ki', 'dang ki khong', 'dang ki gi'];
/** A vehicle's, a pavement's or a closed business's paper: other records. */
const NOT_TRADE = ['xe mai', 'bien so', 'o to', 'dang kiem', 'via he', 'le duong', 'long duong', 'dep', 'cham dut', 'ngung', 'thai doi', 'doanh nghiep', 'cong ti', 'ruou', 'thuoc la', 'an toan thuc pham'];

/** The civil-status register where the detail is kept. */
const REGISTER = ['so ho tich', 'so goc', 'so luu', 'so dang ki ho tich', 'du lieu ho tich'];
/** A detail of it confirmed ("xác nhận ngày tháng năm sinh", "xác nhận tên"). */
const DETAIL_CONFIRMED = ['xac nhan ngai', 'xac nhan ten', 'xac nhan que', 'xac nhan thong tin', 'xac nhan noi dung', 'xac nhan nam sinh'];
/** A copy, a lost paper made again, a residence or marital status: other records. */
const NOT_DETAIL = ['cu tru', 'doc than', 'hon nhan', 'ban sao', 'trich luc', 'dang ki lai', 'that lac', 'chung thuc', 'cai chinh', 'sai'];

/** A gift's paper as the family names it ("giấy cho tặng", "giấy cho đất"). */
const GIFT_PAPER = ['giai cho tang', 'giai tang cho', 'giai cho dat', 'giai cho nha', 'van ban cho tang', 'to cho tang', 'hop dong cho tang'];
/** Signed or sealed at the commune ("đem lên ủy ban ký", "xã đóng dấu"). */
const SIGNED_AT_COMMUNE = ['uy ban ki', 'len uy ban', 'ra uy ban', 'len xa', 'ra xa', 'xa ki', 'phuong ki', 'ki xac nhan', 'dong dau', 'chung o xa', 'xa chung'];
/** The gift registered, taxed or undone: other records. */
const NOT_GIFT_SIGNED = ['sang ten', 'bien dong', 'thue', 'truoc ba', 'hui', 'sua', 'rut lai', 'doi i'];

/** A name struck off a list ("gạch tên", "bỏ tên"). */
const STRUCK_OFF = ['gach ten', 'gach khoi', 'bo ten', 'rut ten', 'xoa ten', 'cat ten'];
/** The residence register it is on ("dữ liệu cư trú", "hộ khẩu"). */
const RESIDENCE_LIST = ['cu tru', 'ho khau', 'so ho', 'nhan khau', 'thuong tru'];
/** A temporary stay, the poor's list or a business: other records. */
const NOT_RESIDENCE_STRUCK = ['tam tru', 'ngheo', 'kinh doanh', 'dang vien', 'cu tri', 'danh sach cu tri'];

/** Past its time, a fine feared ("quá hạn 2 năm", "có bị phạt không"). */
const PAST_TIME = ['qua han', 'tre han', 'bi phat', 'nop phat', 'phat khong', 'tre vai', 'tre may', 'tre vay', 'tre roi'];
/** Made again, copied or corrected: other records than the registration done late. */
const NOT_LATE_ACT = ['dang ki lai', 'lam lai', 'cap lai', 'ban sao', 'trich luc', 'cai chinh', 'sai'];
/** A death, as the family names its registration. */
const DEATH_ACT = ['khai tu', 'bao tu', 'chung tu', 'giai bao tu', 'bao len uy ban', 'bao len xa'];

export const PLAIN_TOLD: Situation[] = [
  // "cho cả nhà đăng ký ở hẳn đây": the permanent residence, not a temporary one nor its deletion.
  { groups: [FOR_GOOD, PUT_ON], anchor: 0, unless: ['tam tru', 'tam vang', 'xoa', 'hui', 'cat', 'nuoc ngoai', 'dinh cu', 'han quoc', 'xu han', 'ben han'], expansion: 'đăng ký thường trú' },
  // "giấy cho tặng đem lên ủy ban ký được hông": the certification of the gift (Nghị định 23/2015/NĐ-CP, Điều 5).
  { groups: [GIFT_PAPER, SIGNED_AT_COMMUNE], unless: NOT_GIFT_SIGNED, expansion: 'chứng thực giao dịch quyền sử dụng đất nhà ở' },
  // "cán bộ tư pháp có lên tận nơi làm khai sinh", "nhờ xã lên tận nơi làm giấy báo tử": the mobile registration.
  { groups: [OFFICIAL, ALL_THE_WAY, MOBILE_ACTS], anchor: 1, unless: CITIZEN_GOES, expansion: 'lưu động' },
  // "nhà mình có đủ ăn rồi, làm đơn xin thôi hưởng hộ nghèo": the household leaving the list.
  { groups: [POOR, NO_LONGER_POOR], unless: STILL_POOR, expansion: 'công nhận hộ thoát nghèo thoát cận nghèo' },
  // "đứa con riêng với người trước, giờ làm giấy công nhận là cha": the acknowledgement (Luật Hộ tịch 2014, Điều 24).
  { groups: [OWN_CHILD, OWNED_AS], anchor: 1, unless: NOT_OWNED, expansion: 'đăng ký nhận cha mẹ con' },
  // "mở xe bán bánh mì cố định trước chợ cần giấy đăng ký không": the household business.
  { groups: [SMALL_TRADE, TRADE_PAPER], unless: NOT_TRADE, expansion: 'đăng ký thành lập hộ kinh doanh' },
  // "bảo hiểm xã hội đòi giấy xác nhận ngày tháng năm sinh từ sổ hộ tịch": the confirmation of civil-status details.
  { groups: [REGISTER, DETAIL_CONFIRMED], unless: NOT_DETAIL, expansion: 'xác nhận thông tin hộ tịch' },
  // "trong dữ liệu cư trú vẫn còn tên, giờ gạch tên bà ra": the permanent residence struck off (Luật Cư trú 2020, Điều 24).
  { groups: [STRUCK_OFF, RESIDENCE_LIST], unless: NOT_RESIDENCE_STRUCK, expansion: 'xóa đăng ký thường trú' },
  // "khai sinh quá hạn 2 năm có bị phạt không": registering late is the same registration (Luật Hộ tịch 2014, Điều 15, 33).
  { groups: [['khai sinh', 'khai sanh'], PAST_TIME], unless: [...NOT_PLAIN_BIRTH, ...ADULT_PAPERS, ...NOT_LATE_ACT], also: LATE, expansion: 'đăng ký khai sinh' },
  { groups: [DEATH_ACT, PAST_TIME], unless: [...NOT_LATE_ACT, 'luu dong'], also: LATE, expansion: 'đăng ký khai tử' },
];
