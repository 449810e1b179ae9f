/**
 * Commune records told by what befell someone or something (issue 15, pass 23): a planted forest
 * felled by a storm or burnt, a death while paying into social insurance, a new vehicle without
 * its plates driven home, a vehicle scrapped or sold on. Spread into the commune's told
 * situations (assistant.commune-told.ts); phrases are written folded ("cháy" and "chạy" are both
 * "chai", "y" as "i").
 */
import type { Situation } from './assistant.situations';

/**
 * A planted forest as growers name its trees ("mấy héc keo lá tràm", "đồi bạch đàn", "rừng thông").
 * Not the bare "keo" ("kéo"), "tràm" ("trạm"), "thông" (news).
 */
const PLANTED_TREES = [
  'rung keo', 'keo lai', 'doi keo', 'keo la tram', 'keo non', 'keo nha', 'ha keo', 'hec keo', 'ta keo', 'sao keo', 'trong keo',
  'bach dan', 'rung tram', 'cay tram', 'rung thong', 'doi thong', 'cay thong', 'rung trong', 'rung nha', 'rung cua', 'rung san xuat', 'lat hoa', 'cay rung',
  // (not "cây keo": "đổ cây, kéo dây" reads so once the comma is gone)
];
/** Felled, burnt or eaten bare. */
const FOREST_LOST = [
  'quat nga', 'quat gai', 'quat do', 'nga rap', 'do rap', 'gai do', 'gai trang', 'gai het', 'do het', 'bat goc', 'lu cuon', 'lu quet', 'troi het',
  'bi chai', 'chai het', 'chai lan', 'chai trui', 'chai rui', 'thieu rui', 'sau an', 'an trui', 'mat trang', 'chet kho', 'thiet hai', 'hu hai', 'mat mat',
];

/** Someone who died. */
const DIED = ['mat', 'qua doi', 'chet', 'tu vong', 'tu tran', 'ra di', 'hi sinh', 'khuat', 'dot quy'];
/** Paying into social insurance when it happened. */
const INSURED = [
  'dang dong bao hiem', 'co dong bao hiem', 'dong bao hiem duoc', 'dong bao hiem xa hoi', 'dong bao hiem o', 'dang dong bhxh', 'co dong bhxh', 'dong bhxh',
  'dang tham gia bao hiem', 'co tham gia bao hiem', 'tham gia bhxh', 'dang tham gia bhxh', 'co so bao hiem', 'co so bhxh',
];
/** Not insured, or something else lost ("mất sổ", "mất việc"). */
const NOT_INSURED_DEATH = [
  'chua dong', 'khong dong', 'ko dong', 'k dong', 'chua tham gia', 'khong tham gia', 'ko tham gia', 'chua co bao hiem', 'khong co bao hiem',
  'mat so', 'mat the', 'mat giai', 'lam mat', 'bi mat', 'mat viec', 'mat suc', 'mat kha nang', 'thai san', 'mot lan',
];

/** A vehicle of the road. */
const VEHICLE = ['xe mai', 'xe o to', 'o to', 'oto', 'xe tai', 'xe con', 'xe ga', 'xe so', 'xe khach', 'chiec xe', 'con xe', 'xe moi', 'xe dream', 'xe cub', 'xe wave', 'xe nhap', 'xe chai'];
/** Without plates yet, driven or taken somewhere meanwhile. */
const NO_PLATES_YET = ['chua co bien', 'chua bam bien', 'chua gan bien', 'chua dang ki', 'bien tam', 'bien so tam', 'chua co giai to'];
const DRIVEN_MEANWHILE = ['chai ve', 'lai ve', 'cho ve', 'dua ve', 'chai tam', 'chai thu', 'lai thu', 'tu kho', 'tu cang', 'tu dai li', 've que', 've tinh', 've nha', 'bien tam', 'bien so tam'];
/** Scrapped, burnt out, or sold on and its registration handed back. */
const VEHICLE_GONE = [
  'ban dong nat', 'ban ve chai', 'ban phe lieu', 'het nien han', 'thai bo', 'chai trui', 'chai rui', 'chai het', 'nop tra bien', 'nop lai bien', 'tra bien',
  'nop lai dang ki', 'nop lai giai dang ki', 'huy dang ki', 'bao thu hoi', 'thu hoi dang ki', 'thu hoi bien', 'khai huy',
];

/** A pension or monthly benefit, as families name it, and its day of payment. */
const PENSION_SAID = ['luong huu', 'tien huu', 'huu tri', 'tro cap hang thang', 'tro cap mat suc', 'tro cap bao hiem', 'tien tro cap', 'ki linh', 'ki lanh', 'ki chi', 'ki luong'];
/** Left unpaid at the death ("còn tiền tháng này chưa lãnh", "bưu cục giữ lại", "mất trước kỳ lĩnh"). */
const UNPAID = ['chua lanh', 'chua linh', 'chua nhan', 'chua kip', 'con tien', 'van con', 'de do', 'giu lai', 'khong thai tien', 'chua chuien', 'truoc ki', 'nhan not', 'lanh not', 'linh not', 'con thang', 'chua tra'];
/** Collected by someone else for the pensioner ("lãnh lương hưu thay cho mẹ", "nhờ thằng con lấy hộ", "ký giấy cho con đi nhận"). */
const ON_BEHALF = ['thai cho', 'lanh thai', 'linh thai', 'nhan thai', 'lai ho', 'lai giup', 'lai dum', 'lai gium', 'nhan ho', 'ki giai cho', 'giai ui quien', 'ui quien', 'nho con', 'nho thang', 'cho con di', 'cho thang'];

export const LOSSES_TOLD: Situation[] = [
  {
    // "ông mất rồi mà còn tiền hưu tháng này chưa lãnh", "cụ vừa khuất, kỳ lương bưu cục giữ lại":
    // the arrears of a dead pensioner, collected by the heirs.
    groups: [PENSION_SAID, DIED, UNPAID],
    unless: ['mat so', 'mat the', 'chuien sang', 'noi khac', 'tinh khac'],
    expansion: 'truy lĩnh lương hưu trợ cấp bảo hiểm xã hội của người hưởng đã chết nhưng còn chế độ chưa nhận',
  },
  {
    // Collected by a son or daughter for a pensioner alive, told with words between ("lãnh lương
    // hưu thay cho mẹ", "ký giấy cho thằng con đi nhận"): the authorisation to collect it.
    groups: [PENSION_SAID, ON_BEHALF],
    // (the authorisation's signature certified is the certification's: "chứng thực chữ ký giấy ủy quyền")
    unless: [...DIED.filter((w) => w !== 'mat'), 'da mat', 'vua mat', 'mat roi', 'chuien sang', 'tai khoan', 'atm', 'chung thuc', 'chu ki', 'ki truoc mat', 'chung khong', 'chung chu'],
    expansion: 'ủy quyền lĩnh thay các chế độ bảo hiểm xã hội',
  },
  {
    // "bão số 3 quật ngã mấy héc keo nhà tôi", "lửa lan thiêu rụi rừng thông": the check on the spot
    // of a planted forest damaged — not insurance, a loan, nor the forest's other use.
    groups: [PLANTED_TREES, FOREST_LOST],
    unless: ['bao hiem', 'vai von', 'cho vai', 'vai ngan hang', 'chuien muc dich', 'chuien sang', 'khai thac', 'chat ban'],
    expansion: 'kiểm tra hiện trường rừng trồng bị thiệt hại',
  },
  {
    // "chồng mất khi đang đóng BHXH, vợ con được tiền tuất không": the survivors' allowance of
    // social insurance — not the allowances of the commune's forces for those not insured, whose
    // names say "chưa tham gia bảo hiểm xã hội" (the insurance told only tells the story).
    groups: [DIED, INSURED],
    unless: NOT_INSURED_DEATH,
    story: INSURED,
    expansion: 'giải quyết hưởng chế độ tử tuất',
  },
  {
    // "xe mới mua chưa có biển, cần chạy về quê", "xin biển tạm": the temporary registration.
    groups: [VEHICLE, NO_PLATES_YET, DRIVEN_MEANWHILE],
    unless: ['tam giu', 'bi giu', 'phat', 'mat bien', 'mat giai'],
    expansion: 'đăng ký xe tạm thời',
  },
  {
    // "chiếc Dream đời 96 đã bán đồng nát", "xe cháy trụi, nộp trả biển": the registration and
    // plates withdrawn.
    groups: [VEHICLE, VEHICLE_GONE],
    unless: ['mua lai', 'sang ten cho toi', 'dang ki lan dau'],
    expansion: 'thu hồi chứng nhận đăng ký xe biển số xe',
  },
];
