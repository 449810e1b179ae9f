/**
 * Residence told rather than named (issue 15, pass 18): an absence told as a trip at sea,
 * a name left on the register after a death or a move, and the chat abbreviation "TT" read
 * by the stay it is said with. Phrases are folded ("y" written "i"), as in assistant.situations.ts.
 */
import type { Situation } from './assistant.situations';

/** Papers or events an absence only tells the story of ("chồng đi biển lâu ngày, giờ ly hôn"). */
const NOT_THE_ABSENCE = ['tam tru', 'xoa', 'ket hon', 'ly hon', 'ly di', 'khai tu', 'chet', 'qua doi', 'mat tich', 'bat tin', 'that nghiep', 'tro cap', 'ho tro', 'di chuc', 'can cuoc', 'con nuoi', 'giam ho', 'bao hiem'];
/** A boat's or a catch's own papers: the fisherman's boat, not his absence from home. */
const BOAT_PAPERS = ['giai phep', 'cap phep', 'dang ki tau', 'dang kiem', 'khai thac', 'chu tau', 'dong tau', 'mua tau', 'ban tau', 'xuat ben', 'nhat ki'];
/** The name still on a register, or to be taken off it. */
const NAME_OFF = ['bo ten', 'gach ten', 'xoa ten', 'cat ten', 'van con ten', 'con ten', 'van con ghi'];
/** Why a name should leave the permanent register: a death, a move registered elsewhere, a life abroad. */
const LEFT_FOR_GOOD = ['qua doi', 'chet', 'tu tran', 'da mat', 'mat roi', 'nhap khau', 'chuyen khau', 'dinh cu', 'chuyen di noi khac', 'he thong cu tru', 'ho khau', 'thuong tru'];
/** A rented room or a stay said to be temporary. */
const RENTED = ['tro', 'tam tru', 'nha thue', 'phong thue', 'ktx', 'ki tuc xa', 'o ghep', 'o nho'];
/** Whose registers a name is not the residence's: a welfare list, a shop, a plot. */
const OTHER_LISTS = ['ngheo', 'danh sach', 'kinh doanh', 'tiem', 'quan', 'dang vien', 'bao hiem', 'so do', 'so hong', 'dat', 'khai tu', 'khai sinh'];

export const RESIDENCE_TOLD: Situation[] = [
  // Gone to sea for months ("theo tàu cá ra khơi 6 tháng mới về"): the temporary absence's notice.
  {
    groups: [['ra khoi', 'di bien', 'bam bien', 'theo tau', 'di tau ca', 'theo ghe', 'di ghe', 'tau vien duong'], ['thang', 'nam', 'dai ngai', 'lau ngai', 'moi ve']],
    unless: [...NOT_THE_ABSENCE, ...BOAT_PAPERS],
    anchor: 0,
    expansion: 'khai báo tạm vắng',
  },
  // A name left on the household's register after a death, a move or a life abroad ("ông mất rồi,
  // tên ông trên hệ thống cư trú vẫn còn"): the permanent residence struck off.
  {
    groups: [NAME_OFF, LEFT_FOR_GOOD],
    unless: [...RENTED, ...OTHER_LISTS],
    expansion: 'xóa đăng ký thường trú',
  },
  // A name left at a rented room one has moved out of: the temporary residence struck off.
  {
    // pass 19: gone off or dead, the landlord asking ("bỏ đi biệt tăm", "người thuê phòng đã mất")
    groups: [NAME_OFF, RENTED, ['don di', 'don khoi', 'don ve', 'tra phong', 'chuyen di', 've que', 'khong o nua', 'chuyen cho khac', 'bo di', 'biet tam', 'bo tro', 'da mat', 'qua doi', 'doi qua', 'chuyen tro']],
    unless: [...OTHER_LISTS, 'khong tam tru', 'ten khoi nha'],
    expansion: 'xóa đăng ký tạm trú',
  },
  // "TT" in chat is also "thủ tục": a stay in a rented room or a dormitory makes it the temporary
  // residence, moving in to live with family for good the permanent one.
  {
    groups: [['tt'], [...RENTED, 'o chung tro', 'phong']],
    unless: ['het han', 'gia han', 'xoa', 'hui', 'thuong tru'],
    anchor: 0,
    expansion: 'tạm trú',
  },
  {
    groups: [['tt'], ['ve o voi', 've o chung', 've song', 've o han', 'o han', 've o nha', 'nhap ve']],
    unless: [...RENTED, 'het han', 'gia han', 'xoa', 'hui', 'tam tru'],
    anchor: 0,
    expansion: 'thường trú',
  },
];
