/**
 * Commune records of the national catalogue told in citizens' words (issue 15, pass 24): a
 * translation signed by its own translator, a land-use fee owed and paid off, a building permit
 * torn or lost, other papers put on the identity card, an addict going to quit, a foreigner
 * acknowledging his child. Spread into the commune's told situations (assistant.commune-told.ts);
 * phrases are written folded ("giấy" is "giai", "ký" is "ki", "y" as "i").
 */
import { FOREIGNER } from './assistant.situation-words';
import type { Situation } from './assistant.situations';

/** The citizen translated it himself ("tự ngồi dịch", "tôi biết tiếng Trung nên tự dịch"). */
const OWN_TRANSLATION = ['tu dich', 'tu ngoi dich', 'tu tai dich', 'tu minh dich', 'minh tu dich', 'toi tu dich', 'em tu dich', 'tu bien dich', 'ban tu dich', 'chinh toi dich', 'chinh minh dich'];
/** Its signature certified. */
const SIGNATURE = ['chu ki', 'ki ten', 'chung thuc', 'chung chu', 'xac nhan chu'];

/** A land-use fee recorded as owed ("sổ còn dòng ghi nợ tiền đất"). */
const LAND_FEE_OWED = ['ghi no', 'no tien dat', 'no tien su dung dat', 'no tien sd dat', 'no tien sdd'];
/** Paid off now. */
const PAID_OFF = ['tra het', 'tra no', 'tra not', 'dong het', 'dong not', 'nop het', 'nop not', 'sach no', 'xoa no', 'het no', 'thanh toan', 'tat toan', 'dem tien', 'co tien', 'du tien tra'];

/** A building permit named. */
const BUILDING_PERMIT = ['giai phep xai dung', 'phep xai dung', 'giai phep xai nha', 'phep xai nha', 'giai phep xdung', 'gpxd'];
/** Lost, torn or spoilt (not the bare "mất", folded like the "mặt" of a façade). */
const PERMIT_SPOILT = [
  'bi mat', 'lam mat', 'danh mat', 'mat roi', 'mat tieu', 'mat het', 'that lac', 'danh roi', 'rach', 'bi rach', 'rach nat', 'nat het', 'hu hong', 'bi hong', 'bi chai', 'chai het', 'chai rui',
  'bi uot', 'uot nhoe', 'nhoe het', 'moi an', 'chuot can', 'chuot gam', 'bi muc', 'lu cuon', 'cuon troi',
];

/** Another paper put onto the card or the app ("gắn bằng lái lên thẻ chip", "tích hợp BHYT vào VNeID"; not the bare "gắn", folded like "gần"). */
const PUT_ON = ['tich hop', 'gan them', 'gan vao', 'gan vo', 'gan len', 'gan duoc', 'gan ca', 'gan luon', 'dua len', 'dua vao', 'dua vo', 'nap vao', 'nap len', 'cap nhat', 'them vao', 'them vo', 'lien ket'];
const OTHER_PAPER = ['bang lai', 'giai phep lai xe', 'gplx', 'bao hiem i te', 'bhit', 'the bao hiem', 'so bao hiem', 'bao hiem xa hoi', 'bhxh', 'the dang vien', 'giai khai sinh', 'giai dang ki ket hon'];
const THE_CARD = ['the chip', 'can cuoc', 'cccd', 'vneid', 'app dinh danh', 'ung dung dinh danh', 'the cc'];

/** A drug addiction as families tell it ("dính vô hàng trắng", "hút chích", "chơi đá"). */
const ADDICTED = ['hang trang', 'ma tui', 'hut chich', 'chich choac', 'thuoc lac', 'choi da', 'hit da', 'nghien da', 'nghien hut', 'can sa', 'heroin', 'bach phien', 'con nghien', 'nghien ngap'];
/** To quit it. */
const TO_QUIT = ['di cai', 'cai nghien', 'chiu cai', 'cho cai', 'dua di cai', 'dang ki cai', 'cai tai nha', 'cai o nha', 'cai tu nguien', 'bo nghien', 'muon cai', 'xin cai'];

/** A parent acknowledged in words other than "nhận cha/con" ("được công nhận là cha của đứa nhỏ"). */
const OWN_CHILD_SAID = [
  'cong nhan la cha', 'cong nhan la bo', 'cong nhan la me', 'cong nhan cha', 'cong nhan con', 'nhan la con', 'nhan dua nho la con', 'nhan be la con',
  'la cha ruot', 'la bo ruot', 'la cha de', 'la bo de', 'cha de cua', 'bo de cua', 'cha ruot cua', 'bo ruot cua', 'dung ten cha', 'dung ten bo', 'ghi ten cha', 'ghi ten bo',
];

export const FIELDS_TOLD: Situation[] = [
  {
    // "tôi biết tiếng Trung nên tự ngồi dịch, nhờ xã chứng chữ ký": the translator is no
    // collaborator of the commune — the certification of his signature as such
    // (Nghị định 23/2015/NĐ-CP, Điều 31), not the collaborators' record.
    groups: [OWN_TRANSLATION, SIGNATURE],
    unless: ['cong tac vien', 'ctv', 'van phong dich', 'cong ti dich', 'trung tam dich', 'thue dich', 'nho dich', 'nho nguoi dich', 'dich thuat cong chung'],
    expansion: 'chứng thực chữ ký người dịch mà người dịch không phải là cộng tác viên dịch thuật',
  },
  {
    // "sổ hồng còn dòng ghi nợ tiền đất, năm nay có tiền muốn đóng cho sạch nợ": the payment and
    // striking off of a land-use fee owed — not asking to owe it (its own record).
    groups: [LAND_FEE_OWED, PAID_OFF],
    unless: ['xin ghi no', 'cho ghi no', 'duoc ghi no khong', 'ghi no duoc', 'ghi no cho', 'no lai', 'tai dinh cu ma chua', 'chua du tien'],
    expansion: 'thanh toán xóa nợ tiền sử dụng đất đối với hộ gia đình cá nhân được ghi nợ',
  },
  {
    // A building permit lost, torn or spoilt ("giấy phép xây dựng bị chuột cắn rách nát"): its
    // reissue — not a cooperative's certificate, whose record names "mất, cháy, rách, nát" too.
    groups: [BUILDING_PERMIT, PERMIT_SPOILT],
    unless: ['het han', 'gia han', 'qua han', 'sua chua', 'cai tao', 'dieu chinh', 'doi thiet ke', 'nang tang', 'them tang'],
    expansion: 'cấp lại giấy phép xây dựng',
  },
  {
    // A driving licence or a health-insurance card put onto the chip card ("gắn được cả giấy phép
    // lái xe lên cái thẻ chip"): the integration of information on the identity card, not the card
    // issued or exchanged.
    groups: [PUT_ON, OTHER_PAPER, THE_CARD],
    unless: ['bi mat', 'lam mat', 'het han', 'doi bang', 'thi bang', 'hoc bang', 'cap lai bang', 'doi giai phep lai'],
    expansion: 'tích hợp cập nhật điều chỉnh thông tin trên thẻ căn cước',
  },
  {
    // "thằng em dính vô hàng trắng, nó chịu đi cai rồi": the voluntary registration for drug
    // rehabilitation with the commune (Luật Phòng, chống ma túy 2021, Điều 30) — not alcohol or
    // tobacco, nor a private centre founded.
    groups: [ADDICTED, TO_QUIT],
    unless: ['ruou', 'thuoc la', 'game', 'co bac', 'bat buoc', 'thanh lap', 'mo co so', 'mo trung tam', 'giai phep'],
    expansion: 'đăng ký cai nghiện ma túy tự nguyện',
  },
  {
    // "tôi là người Pháp, muốn được công nhận là cha của đứa nhỏ": a foreign parent acknowledging
    // a child — the acknowledgement with a foreign element, not an adoption.
    groups: [FOREIGNER, OWN_CHILD_SAID],
    unless: ['con nuoi', 'nhan nuoi', 'cha nuoi', 'me nuoi', 'bo nuoi'],
    expansion: 'đăng ký nhận cha mẹ con có yếu tố nước ngoài',
  },
];
