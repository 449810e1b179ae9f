/** Life events told instead of the registration's name (`TOLD_EVENTS`): a death in the family, a wedding, a rented room running out, a married child moving out. */
import type { Situation } from './assistant.situations';
import {
  REGISTER,
  CANNOT_COME,
  FOREIGNER,
  CARD_LOST,
} from './assistant.situation-words';

/**
 * Someone of the family (folded): whose death the citizen tells. Not the folded "con", "có", "chi",
 * "đi", "câu" ("còn", "có", "chỉ"…): a son, an aunt, a sister are named with a second word.
 */
const KIN = [
  'bo', 'me', 'cha', 'ba', 'ong', 'ma', 'tia', 'noi', 'ngoai', 'chong', 'vo', 'chau', 'chu', 'bac', 'thim', 'ba xa', 'ong xa', 'ong cu', 'ba cu', 'ong gia', 'ba gia',
  'nguoi nha', 'nguoi than', 'ong ba', 'bo me', 'cha me', 'ba ma', 'con trai', 'con gai', 'anh trai', 'chi gai', 'em trai', 'em gai', 'co ut', 'di ut', 'cau ut',
];
/** Died, said of a person: "vừa mất", "mất hôm qua", "mất ở bệnh viện", "qua đời" (not "mất bao lâu", "làm mất"). */
const DIED = [
  'vua mat', 'moi mat', 'da mat', 'mat roi', 'mat hom', 'mat tuan', 'mat thang', 'mat sang', 'mat chieu', 'mat toi', 'mat dem', 'mat o', 'mat tai', 'mat luc', 'mat ngai',
  'qua doi', 'vua qua doi', 'moi qua doi', 'tu tran', 'ta the', 'chet', 'khuat nui', 'di rui', 'mat vi', 'mat do',
];
/** A paper or an office asked about, with the life event told (the papers "làm cho bà", "báo ở đâu"). */
const EVENT_ASK = ['giai to', 'lam giai', 'giai', 'thu tuc', 'dang ki', 'bao', 'khai bao', 'trinh bao', 'bao tu', 'lam gi', 'nop',
  // pass 28: declared to the office ("con cháu phải khai với ủy ban làm sao")
  'khai voi', 'khai o'];
/** A wedding told rather than named: two people becoming husband and wife ("về chung một nhà", "rước dâu"). */
const WEDDING = [
  'thanh vo chong', 'lam vo chong', 've chung mot nha', 've chung nha', 've mot nha', 'ruoc dau', 'dam hoi', 'an hoi', 'dam ngo', 'to chuc cuoi', 'sap cuoi', 'chuan bi cuoi',
  'tinh cuoi', 'cuoi nhau', 'lai nhau', 'ket doi', 'nen duien', 'thanh duien',
  // pass 28: two about to live as one household ("hai đứa tính về sống chung, ra xã đăng ký")
  've song chung', 'song chung voi nhau',
];

/** Life events told instead of the registration's name: a death in the family, a wedding (pass 16). */
export const TOLD_EVENTS: Situation[] = [
  {
    // A relative who died, and a paper or the office asked ("mẹ chồng em vừa mất ở bệnh viện, đi
    // đăng ký cho bà nộp chỗ nào", "cha tui mất ở quê, giấy tờ làm cho ổng"): the death's
    // registration — not what follows from it (an estate, the household record, a guardianship, a
    // benefit, a lost register), nor a thing lost ("vừa mất căn cước").
    groups: [DIED, KIN, EVENT_ASK],
    story: KIN,
    unless: [
      ...REGISTER, ...CARD_LOST, ...FOREIGNER, ...CANNOT_COME, 'da khai tu', 'co khai tu', 'khai tu roi', 'lam khai tu roi', 'chia', 'di san', 'thua ke', 'de lai', 'di chuc', 'tu choi', 'nhuong',
      'ho khau', 'thuong tru', 'tam tru', 'chu ho', 'xoa', 'giam ho', 'mo coi', 'nuoi', 'ket hon', 'doc than', 'tinh trang hon nhan', 'lai vo', 'lai chong', 'tai hon', 'dat', 'so do', 'so hong',
      'sang ten', 'tai san', 'can cuoc', 'cccd', 'cmnd', 'mai tang', 'tuat', 'bao hiem', 'tro cap', 'huong', 'che do', 'luu dong', 'khai sinh', 'trich luc', 'ban sao', 'sao i', 'chung thuc',
      'cai chinh', 'ngheo', 'kinh doanh', 'nhan cha', 'nhan con', 'luong huu', 'tien luong', 'lanh', 'linh', 'rut tien', 'so tiet kiem', 'mat giai', 'mat vi', 'mat the', 'mat so', 'mat tien', 'mat xe',
    ],
    expansion: 'đăng ký khai tử',
  },
  {
    // Two people about to wed, a paper or the office asked ("ra phường đăng ký để thành vợ chồng
    // hợp pháp", "chuẩn bị rước dâu, giấy tờ đăng ký"): the marriage's registration — not the
    // single-status paper asked for it, nor the residence or household that follows it.
    groups: [WEDDING, EVENT_ASK],
    unless: [
      ...FOREIGNER, ...CANNOT_COME, ...REGISTER, 'doc than', 'tinh trang hon nhan', 'chua lap gia dinh', 'chua co gia dinh', 'xac nhan', 'ly hon', 'ly di', 'tach ho', 'nhap ho khau', 'nhap khau', 'ho khau',
      'thuong tru', 'tam tru', 'luu dong', 'dang ki lai', 'ban sao', 'trich luc', 'nhan con', 'nhan cha', 'khai sinh', 'cai chinh', 'chung thuc', 'hop dong',
    ],
    expansion: 'đăng ký kết hôn',
  },
  {
    // A rented room or a temporary stay near its end, or to go on ("ở trọ đăng ký với công an gần
    // hết rồi, muốn ở thêm", "xin ở tạm thêm một năm"): the extension of the temporary residence —
    // not a foreign guest's visa (the immigration office's), nor leaving the room.
    groups: [['tam tru', 'o tro', 'thue tro', 'phong tro', 'o tam', 'thue nha', 'thue phong'], ['o them', 'o tiep', 'o lai them', 'gan het', 'sap het', 'het han', 'het thoi han', 'keo dai', 'tam them']],
    unless: [...FOREIGNER, 'visa', 'thi thuc', 'khach', 'homestay', 'luu tru', 'ho chieu', 'giai phep', 'xoa', 'tra phong', 've que', 'chuien di', 'thuong tru', 'can cuoc', 'cccd'],
    expansion: 'gia hạn tạm trú',
  },
  {
    // A son or daughter married and moving out to a household of their own ("con trai lấy vợ muốn
    // ra ở riêng một sổ"): the household's split — not the advice "nên ở riêng hay ở chung".
    groups: [['ra rieng', 'o rieng', 'ra o rieng', 'so rieng', 'mot so', 'mot ho', 'ra mot ho'], ['lai vo', 'cuoi vo', 'co vo', 'lai chong', 'co chong', 'co gia dinh', 'lap gia dinh', 'ly hon', 'ly di'], ['lam', 'ho so', 'giai to', 'thu tuc', 'dang ki', 'nop', 'xin']],
    unless: ['nen o rieng', 'giai phep', 'xai', 'con nuoi', 'nhan nuoi', 'nhan con', 'nhan cha', 'nhan me', 'cong nhan', 'la con', 'khai sinh', 'giam ho', 'ket hon'],
    expansion: 'tách hộ',
  },
];
