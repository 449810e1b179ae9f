/**
 * The ward's certification, residence, land and welfare procedures told in everyday words (issue
 * 15, pass 19): a land quarrel to be settled gently or already failed at it, a paper that one
 * lives here, a copy with the commune's red seal, an absence reported at home before leaving, a
 * rented room's name left behind. Phrases are folded ("y" written "i"), as in assistant.situations.ts.
 */
import type { Situation } from './assistant.situations';
import { CARD_LOST, ID_CARD } from './assistant.situation-words';

/** What is quarrelled over when land is: a plot, its boundary, a path, a fence, a field. */
const LAND_THING = ['dat', 'ranh', 'loi di', 'duong di', 'hang rao', 'bo rao', 'ruong', 'vuon', 'tranh chap', 'lan chiem', 'lan sang', 'lan qua', 'moc ranh', 'coc ranh', 'bo mau',
  // pass 26: the boundary's markers ("cột mốc giữa hai thửa bị dời")
  'cot moc', 'moc gioi', 'hai thua', 'thua dat'];
/** Both sides brought together to talk it out, in everyday words. */
const TALK_IT_OUT = ['thuong luong', 'ngoi lai', 'ngoi voi nhau', 'moi hai ben', 'hai ben ngoi', 'em tham', 'giang hoa', 'dan xep', 'noi chuyen voi nhau'];
/** A mediation or a talk that did not end the quarrel. */
const FAILED = ['khong thanh', 'khong xong', 'bat thanh', 'that bai', 'khong dat', 'khong chiu', 'van khong chiu', 'khong nghe', 'van khong nghe'];
/** A paper asked that one lives somewhere (the confirmation of residence), said without its name. */
const LIVES_HERE = [
  'chung minh noi o', 'xac nhan noi o', 'chung nhan noi o', 'chung minh cho o', 'xac nhan cho o', 'chung nhan cho o',
  'chung minh dang o', 'chung nhan dang o', 'xac nhan dang o', 'chung minh toi thuong tru', 'chung minh minh thuong tru',
  'chung minh thuong tru', 'chung minh dang song', 'chung nhan dang song', 'dang o dia phuong',
  // pass 26: the place verified ("giấy xác minh nơi ở thực tế")
  'xac minh noi o', 'xac minh cho o', 'xac minh dang o', 'noi o thuc te', 'cho o thuc te',
];
/** A copy said as a photocopy or a picture of the paper. */
const PHOTO = ['photo', 'pho to', 'ban chup', 'copy', 'ban copy'];
/** The commune's seal on it, said as citizens say it. */
const SEALED = ['dau do', 'moc do', 'dong dau', 'dong moc', 'dau cua phuong', 'dau cua xa', 'dau xa', 'dau phuong', 'giong ban goc', 'giong ban chinh'];
/** The register a copy is issued from, or an original gone: the copy from the register. */
const FROM_REGISTER = ['so goc', 'so luu', 'ban luu', 'mat ban', 'that lac', 'bi chay', 'chay mat', 'hu hong', 'khong con ban'];
/**
 * A quarrel between neighbours, told as it goes on ("cãi nhau", "cự cãi mãi", "xích mích") or as
 * someone asked to settle it gently ("phân giải", "giảng giải cho hai bên"): with land named, the
 * conciliation the commune offers (pass 22).
 */
// Not "cãi cọ": folded, it is the "con cái có" of any question about one's children.
const QUARREL = ['cai nhau', 'cu cai', 'cai qua cai lai', 'xich mich', 'gai go', 'lien qua tieng lai', 'loi qua tieng lai', 'bat hoa', 'phan giai', 'giang giai'];
/** Reporting at home before going (the absence's notice), not registering where one goes. */
const REPORT_AT_HOME = ['truoc khi di', 'cong an o que', 'cong an que', 'ca o que', 'o que co can', 'cong an noi o', 'cong an dia phuong',
  // pass 28: asked of the place left ("vào Nam làm cả năm, ở quê có phải báo gì")
  'o que co phai', 'o que phai', 'o que bao', 'o nha co phai bao', 'o nha phai bao'];
/** A long time away. */
const LONG_AWAY = ['thang', 'nam', 'lau ngai', 'dai ngai', 'lau dai'];

/** The identity card called only "thẻ", as the card one holds ("thẻ bị …", "cái thẻ của em"). */
const BARE_CARD = ['the bi', 'the cua', 'cai the', 'tam the', 'the em', 'the toi', 'the tui', 'the minh', 'the da'];
/** A card snapped, its chip unread, soaked or torn (pass 23). */
const CARD_SNAPPED = ['gay doi', 'bi gay', 'gay mot', 'gay ngang', 'gay lam', 'khong doc duoc chip', 'khong nhan chip', 'chip bi loi', 'loi chip', 'bi uot', 'ngam nuoc', 'bi rach', 'rach mot'];
/** A card worn out so that it no longer serves: bent, cracked, peeling, its chip or print gone. */
const CARD_WORN = ['cong venh', 'bi cong', 'hong chip', 'chip hong', 'chip khong doc', 'nut', 'bong troc', 'tray xuoc', 'gai goc', 'gai mot goc', 'anh mo', 'mo chu', 'mo so', 'mo het',
  ...CARD_SNAPPED];
/** Other cards a citizen holds: a bank's, insurance, a bus pass, a phone's. */
const OTHER_CARDS = ['bao hiem', 'bhit', 'atm', 'the ngan hang', 'the tin dung', 'the xe', 'thu vien', 'sinh vien', 'bang lai', 'giai phep lai xe', 'ho chieu', 'tam tru', 'sim', 'the nho', 'dien thoai', 'the cao', 'the dang vien'];

/**
 * A card to be made for a child, said with "thẻ" alone (pass 23). Not "làm thẻ" alone: folded, it
 * is the "làm thế" of "làm thế nào" (pass 24, r9plain: "con em 2 tuổi chưa có giấy khai sinh thì
 * làm thế nào" was a child's card) — "làm thẻ" with what comes before or after it.
 */
const CARD_TO_MAKE = ['chua co the', 'chua co cai the', 'chua lam the', 'di lam the', 'can co the', 'lam the cho', 'bat lam the', 'cap the',
  ...['can', 'phai', 'muon', 'nen', 'duoc', 'dinh', 'se', 'dan'].map((w) => `${w} lam the`),
  ...['o', 'can', 'duoc', 'chua', 'roi', 'gi', 'luon', 'khong', 'moi', 'lan', 'the', 'mat', 'het', 'bao', 'nhu', 'o dau', 'can cuoc'].map((w) => `lam the ${w}`)];
/** A child's age said as a bare number after the child ("con gái 15 chưa có thẻ", "thằng bé 15t"). */
const CHILD = ['con gai', 'con trai', 'chau', 'be', 'thang be', 'con be', 'chau gai', 'chau trai', 'thang nho', 'dua nho', 'em'];
const childAged = (from: number, to: number): string[] =>
  CHILD.flatMap((c) => Array.from({ length: to - from + 1 }, (_, k) => from + k).flatMap((n) => [`${c} ${n}`, `${c} ${n}t`]));
/** A baby's age in months, weeks or days ("con em 2 tháng", chat's "6th"): no age in years (pass 24). */
const BABY_AGE = Array.from({ length: 24 }, (_, k) => k + 1).flatMap((n) => [`${n} thang`, `${n} tuan`, `${n} ngai`]);
/** Fingerprints and a photo taken for a card ("lấy vân tay", "in dấu tay"; folded, "tay" is "tai"). */
const FINGERPRINTS = ['van tay', 'dau tay', 'lan tay', 'in dau tay', 'lay dau tay', 'chup anh', 'chup hinh'];
/** Not a card: a signature's or a fingerprint's certification, a deed, another card. */
const NOT_CARD = ['chung thuc', 'diem chi', 'uy quyen', 'hop dong', 'di chuc', 'chu ky', 'ky ten', 'khong ky', ...OTHER_CARDS];

export const WARD_STORIES: Situation[] = [
  // pass 23: a child's card asked with the age as a bare number ("con gái 15 chưa có thẻ"): the
  // first card, over or under 14 as the number says.
  { groups: [CARD_TO_MAKE, childAged(14, 20)], unless: [...NOT_CARD, ...BABY_AGE], expansion: 'cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên' },
  { groups: [CARD_TO_MAKE, childAged(1, 13)], unless: [...NOT_CARD, ...BABY_AGE], expansion: 'cấp thẻ căn cước cho người dưới 14 tuổi' },
  // pass 23: fingerprints or a photo taken for a card made ("trường bắt làm thẻ, nó tự đi lấy vân
  // tay được không"): the card — the fingerprints are the story, not a fingerprint certified.
  { groups: [FINGERPRINTS, [...CARD_TO_MAKE, 'can cuoc', 'cccd', 'the can cuoc']], unless: NOT_CARD, story: FINGERPRINTS, anchor: 1, expansion: 'cấp thẻ căn cước' },
  // pass 22: the identity card called only "thẻ", worn out ("thẻ bị cong vênh, máy đọc không ra",
  // "cái thẻ nứt một góc"): its exchange — not when it is lost, nor another card.
  {
    groups: [BARE_CARD, CARD_WORN],
    unless: [...CARD_LOST, ...OTHER_CARDS],
    expansion: 'cấp đổi thẻ căn cước',
  },
  // pass 23: the card named and snapped, its chip unread, soaked or torn ("căn cước bị gãy đôi,
  // không đọc được chip"): its exchange, not a card lost.
  {
    groups: [ID_CARD, CARD_SNAPPED],
    unless: [...CARD_LOST, ...OTHER_CARDS, 'cai the', 'the bi', 'the cua'],
    expansion: 'cấp đổi thẻ căn cước',
  },
  // A land quarrel the commune is asked to talk out ("xã mời hai bên ngồi lại thương lượng",
  // "giải quyết cho êm thấm"): the conciliation — not once it failed, nor the chairman asked.
  {
    groups: [TALK_IT_OUT, LAND_THING],
    // Not heirs sitting down to agree how to share ("ngồi lại thống nhất mỗi người một phần").
    unless: [...FAILED, 'chu tich', 'toa an', 'khoi kien', 'thong nhat', 'chia', 'phan chia'],
    expansion: 'hòa giải tranh chấp đất đai',
  },
  // A land quarrel told as a quarrel between the two houses, no conciliation named yet ("hai nhà
  // cãi nhau về lối đi chung", "bên kia rào lại, cự cãi mãi"): the conciliation — not heirs
  // quarrelling over a share, nor a quarrel already before the chairman or a court.
  {
    groups: [QUARREL, LAND_THING],
    unless: [...FAILED, 'hoa giai', 'chu tich', 'toa an', 'khoi kien', 'kien ra toa', 'chia', 'phan chia', 'di chuc', 'di san', 'thua ke', 'ly hon', 'ly di'],
    expansion: 'hòa giải tranh chấp đất đai',
  },
  // A land quarrel whose conciliation failed, said apart ("hòa giải ở thôn mấy lần không xong",
  // "ngồi lại rồi mà bên kia không chịu"): the chairman's settlement.
  {
    groups: [['hoa giai', ...TALK_IT_OUT], FAILED, LAND_THING],
    unless: ['toa an', 'khoi kien', 'kien ra toa'],
    expansion: 'giải quyết tranh chấp đất đai thuộc thẩm quyền của chủ tịch',
  },
  // The chairman asked to settle a land quarrel ("chủ tịch xã giải quyết trong bao lâu").
  {
    groups: [['chu tich'], ['giai quyet', 'phan xu', 'ra quyet dinh', 'xu li'], LAND_THING],
    unless: ['hoa giai', 'khieu nai', 'to cao', 'boi thuong', 'thu hoi'],
    expansion: 'giải quyết tranh chấp đất đai thuộc thẩm quyền của chủ tịch',
  },
  // A paper that one lives here, asked by a bank, a school, the army ("tờ chứng minh nơi ở của bé",
  // "giấy chứng nhận đang ở địa phương"): the confirmation of residence.
  {
    groups: [['giai', 'to', 'chung minh', 'chung nhan', 'xac nhan', 'xac minh'], LIVES_HERE],
    unless: ['tam tru', 'ket hon', 'hon nhan', 'doc than', 'khai sinh', 'can cuoc', 'ngheo', 'thu nhap', 'nhap khau', 'chuyen khau', 'dang ki thuong tru', 'tam vang', 'luu tru', 'xin viec', 'di lam'],
    anchor: 1,
    expansion: 'xác nhận thông tin về cư trú',
  },
  // A photocopy with the commune's red seal ("bản photo có mộc đỏ của phường"): the certified copy.
  {
    groups: [PHOTO, SEALED],
    unless: [...FROM_REGISTER, 'chu ki', 'hop dong', 'di chuc', 'ban dich'],
    expansion: 'chứng thực bản sao từ bản chính',
  },
  // Copies asked with the original brought ("mấy bản sao huân chương, mang bản gốc ra"): certified
  // from the original, not issued from the commune's register.
  {
    groups: [['ban sao', 'sao i', ...PHOTO], ['mang ban goc', 'mang ban chinh', 'dem ban goc', 'dem ban chinh', 'dem ban chanh', 'cam ban goc', 'giu ban goc', 'con ban goc', 'co ban goc', 'ban goc ra', 'ban chinh ra']],
    unless: [...FROM_REGISTER, 'chu ki', 'hop dong', 'di chuc', 'ban dich', 'trich luc'],
    expansion: 'chứng thực bản sao từ bản chính',
  },
  // Going away for months, reported at home first ("vào Đồng Nai làm 14 tháng, trước khi đi báo
  // công an xã", "đi học nghề 2 năm, có phải khai với công an ở quê"): the absence's notice, not a
  // temporary residence where one goes.
  {
    groups: [REPORT_AT_HOME, LONG_AWAY],
    unless: ['tam tru', 'o tam', 'can cuoc', 'ho chieu', 'xoa', 'ket hon', 'khai tu', 'di chuc', 'luu tru', 'tro cap', 'mat tich', 'tuyen bo', 'ra tu', 'di tu', 'o tu', 'luong huu', 'tam vang', 'vang mat'],
    anchor: 0,
    expansion: 'khai báo tạm vắng',
  },
  // A rented room's name said left behind ("chỗ trọ cũ vẫn còn tạm trú tên mình", "bỏ tên tạm trú
  // chỗ cũ"): the temporary residence struck off, not one registered where one moved.
  {
    groups: [['bo ten', 'gach ten', 'xoa ten', 'cat ten', 'xoa', 'van con', 'con ten'], ['cho cu', 'tro cu', 'phong cu', 'noi cu', 'tro truoc', 'cho truoc', 'phong truoc', 'nha tro cu'], ['tam tru', 'tro', 'phong thue', 'nha thue']],
    // A move told with the name to strike is RESIDENCE_TOLD's already ("dọn đi khỏi nhà trọ, bỏ tên ở chỗ trọ cũ").
    unless: ['cho moi', 'noi moi', 'dang ki tam tru', 'dang ki moi', 'thuong tru', 'ho khau', 'kinh doanh', 'tiem', 'don di', 'don khoi', 'tra phong', 'bo di'],
    expansion: 'xóa đăng ký tạm trú',
  },
];
