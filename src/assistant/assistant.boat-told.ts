/**
 * A river boat's registration told in boatmen's words (issue 15, pass 23): the boat named as the
 * river names it ("chiếc ghe", "đò máy", "xà lan", "vỏ lãi", "ca nô") and what happened to it —
 * bought from someone, its paper lost, rebuilt or renamed, its owner moved to another province, or
 * scrapped. Each is one of the inland-waterway records the commune keeps; the boat alone ("ghe")
 * otherwise reads as the boat lived on (the residence's record). Spread into the commune's told
 * situations (assistant.commune-told.ts); phrases are written folded ("máy" as "mai", "y" as "i").
 */
import type { Situation } from './assistant.situations';

/**
 * A boat of the river, with a word that makes it one ("chiếc ghe", "ghe máy"; not the bare "ghe",
 * which is also "ghé" — "ghé nhà", "ghé cho"). Not "xuồng máy" ("xưởng may").
 */
export const BOAT = [
  'chiec ghe', 'ghe mai', 'ghe chai', 'ghe hang', 'ghe tui', 'ghe toi', 'ghe cua',
  'chiec do', 'do mai', 'do ngang', 'xa lan', 'sa lan', 'chiec vo', 'vo lai', 'chiec xuong', 'xuong ba la', 'ca no', 'chiec thuien', 'thuien mai', 'thuien go', 'thuien cho',
  'phuong tien thui', 'tau cho hang', 'tau cho cat', 'tau song',
  // pass 26: the boat named by its load or its name ('ghe chở' alone is also 'ghé chợ')
  'ghe cho cat', 'ghe cho hang', 'ghe cho lua', 'ghe cho gao', 'ghe cho khach', 'ghe cho da', 'ten ghe',
];
/** Fishing at sea (the fisheries office's boat), or the boat lived on (the residence's record). */
export const NOT_RIVER_REGISTER = [
  'mo to nuoc', 'xe dap nuoc', 'kayak', 'thuien dap', 'dap vit', 'keo du', 'du bai',
  'tau ca', 'danh ca', 'ghe ca', 'ghe luoi', 'danh bat', 'ra khoi', 'di bien', 'dang kiem', 'bang thuien truong', 'thuien truong', 'thuien vien',
  'song tren', 'o tren', 'nha o', 'de o', 'cu tru', 'thuong tru', 'tam tru', 'nhap khau', 'nhap ho khau', 'cho dau', 'noi dau', 'neo dau', 'dau do',
  'hanh lang', 'thui loi', 'kenh tuoi', 'ho chua',
];
/** Bought or given from its owner to another ("mua lại chiếc đò", "sang tên ghe"). */
const CHANGED_HANDS = ['mua lai', 'mua chiec', 'mua duoc', 'sang ten', 'dung ten', 'ban lai', 'nhuong lai', 'sang tay', 'cho lai', 'tang lai', 'de lai cho', 'chu moi', 'doi chu'];
/** The seller's registration elsewhere: the registering office changes too. */
const ELSEWHERE = ['tinh khac', 'ben tinh', 'tinh ben', 'thanh pho khac', 'noi khac', 'cap o', 'do ben do cap', 'ben do cap', 'dang ki o ben'];
/** Its paper lost or spoilt (the boat kept). */
const PAPER_GONE = ['troi mat', 'mat tieu', 'mat giai', 'mat to', 'lam mat', 'bi mat', 'that lac', 'rach', 'nat', 'uot het', 'chai het', 'lam lai', 'xin lai', 'cap lai'];
/** The paper named. */
const PAPER = ['giai dang ki', 'to giai', 'giai to', 'dang ki', 'giai chung nhan'];
/** Rebuilt, re-engined or renamed. */
const ALTERED = ['hoan cai', 'thay mai', 'doi mai', 'lap mai', 'nang cap', 'noi dai', 'keo dai', 'doi ten', 'dat ten khac', 'ten khac', 'ten moi'];
/** Its owner moved his residence to another province. */
const OWNER_MOVED = ['chuien ho khau', 'doi ho khau', 'chuien khau', 'cat khau', 'chuien thuong tru', 'doi thuong tru', 'chuien nha', 'don nha', 'don di'];
/** Scrapped, sunk for good, or struck off. */
const STRUCK_OFF = ['xoa ten', 'gach ten', 'xoa dang ki', 'xoa so', 'khoi so', 'ban ve chai', 'ban phe lieu', 'pha ra', 'pha bo', 'lam cui', 'hu han', 'chim mat', 'khong dung nua'];

/** A boat hired out for fun on the water (its own records: "phương tiện hoạt động vui chơi, giải trí dưới nước"). */
const FOR_FUN = ['mo to nuoc', 'xe dap nuoc', 'kayak', 'thuien dap', 'dap vit', 'keo du', 'du bai', 'luot van', 'cho khach thue', 'cho khach choi', 'khach choi', 'khu vui choi', 'vui choi', 'giai tri'];
/** Any boat, the bare "ghe" too, where living on it is told. */
const ANY_BOAT = ['ghe', 'thuien', 'xa lan', 'sa lan', 'chiec do', 'do mai', 'chiec vo', 'chiec xuong', 'nha thuien', 'nha ghe'];
/** Living on it. */
const LIVED_ON = ['song tren', 'o tren', 'song duoi', 'o duoi', 'song dinh', 'nha la', 'nha toi la', 'nha tui la', 'lam nha', 'nha o la', 'nha o', 'de o', 'an o', 'sinh song', 'song bang'];
/** Where it moors, or the residence registered there. */
const MOORED_OR_REGISTERED = ['neo', 'cho dau', 'noi dau', 'dau thuong xuien', 'dau hoai', 'dau lau', 'chua dau', 'nhap khau', 'nhap ho khau', 'ho khau', 'thuong tru', 'cu tru'];

export const BOAT_TOLD: Situation[] = [
  {
    // A boat lived on and moored, the residence registered there ("cả nhà sống trên chiếc thuyền
    // neo ở rạch, muốn nhập hộ khẩu"): the confirmation of where it moors and is lived on — the
    // boat alone ("ghe") is not a home (a boat bought, lost, rebuilt: below).
    groups: [ANY_BOAT, LIVED_ON, MOORED_OR_REGISTERED],
    unless: ['tau ca', 'danh ca', 'danh bat', 'quoc tich'],
    expansion: 'phương tiện để ở nơi thường xuyên đậu đỗ',
  },
  {
    // A boat hired out for fun bought, its paper lost, or scrapped: its own records.
    groups: [FOR_FUN, CHANGED_HANDS],
    unless: ['hanh lang', 'thui loi', 'ho chua', 'giai phep'],
    expansion: 'đăng ký lại phương tiện hoạt động vui chơi giải trí dưới nước',
  },
  {
    groups: [FOR_FUN, PAPER_GONE, PAPER],
    unless: ['hanh lang', 'thui loi', 'ho chua', 'giai phep', ...CHANGED_HANDS, ...STRUCK_OFF],
    expansion: 'cấp lại giấy chứng nhận đăng ký phương tiện hoạt động vui chơi giải trí dưới nước',
  },
  {
    groups: [FOR_FUN, STRUCK_OFF],
    unless: ['hanh lang', 'thui loi', 'ho chua', 'giai phep'],
    expansion: 'xóa đăng ký phương tiện hoạt động vui chơi giải trí dưới nước',
  },
  {
    // "mua lại chiếc đò máy của ông chú cùng xã, sang tên": the re-registration of a boat that
    // changed hands; with the seller's registration elsewhere ("xà lan của người tận tỉnh khác")
    // the office changes too (below).
    groups: [BOAT, CHANGED_HANDS],
    unless: [...NOT_RIVER_REGISTER, ...ELSEWHERE, ...STRUCK_OFF],
    expansion: 'đăng ký lại phương tiện chuyển quyền sở hữu phương tiện nhưng không thay đổi cơ quan đăng ký',
  },
  {
    groups: [BOAT, CHANGED_HANDS, ELSEWHERE],
    unless: [...NOT_RIVER_REGISTER, ...STRUCK_OFF],
    expansion: 'đăng ký lại phương tiện chuyển quyền sở hữu phương tiện đồng thời thay đổi cơ quan đăng ký',
  },
  {
    // "tờ giấy đăng ký trôi mất theo nước": the boat's registration certificate issued again.
    groups: [BOAT, PAPER_GONE, PAPER],
    unless: [...NOT_RIVER_REGISTER, ...CHANGED_HANDS, ...STRUCK_OFF, ...ALTERED],
    expansion: 'cấp lại giấy chứng nhận đăng ký phương tiện',
  },
  {
    // "mới hoán cải, thay máy mạnh hơn, đặt tên khác": re-registered for its new name or features.
    groups: [BOAT, ALTERED],
    unless: [...NOT_RIVER_REGISTER, ...CHANGED_HANDS, ...STRUCK_OFF],
    expansion: 'đăng ký lại phương tiện thay đổi tên tính năng kỹ thuật',
  },
  {
    // "chuyển hộ khẩu từ Cà Mau lên Bình Dương, chiếc vỏ lãi đăng ký dưới quê": the owner's
    // residence moved to another province.
    groups: [BOAT, OWNER_MOVED],
    unless: [...NOT_RIVER_REGISTER.filter((p) => p !== 'thuong tru'), ...CHANGED_HANDS, ...STRUCK_OFF],
    expansion: 'đăng ký lại phương tiện chủ phương tiện thay đổi nơi đăng ký hộ khẩu thường trú sang tỉnh khác',
  },
  {
    // "đã phá ra làm củi, muốn gạch tên khỏi sổ": the registration struck off.
    groups: [BOAT, STRUCK_OFF],
    unless: NOT_RIVER_REGISTER,
    expansion: 'xóa đăng ký phương tiện',
  },
];
