/**
 * Words that pull the right one of two near records up (issue 15, pass 28, r13top3), read unseen
 * on a fresh probe (tuning/procedures-52.jsonl): questions answered with a near record of the
 * same field and words while the right one fell out of the first three. Phrases are folded ("y"
 * written "i"), as in assistant.situations.ts and assistant.near-siblings.ts.
 */
import type { Situation } from './assistant.situations';

/** What a residence registration is, said by its kind. */
const TEMPORARY_STAY = ['tam tru', 'dang ki tam tru', 'so tam tru'];
/** Done away with, said plainly ("bỏ đi cho xong", "bỏ luôn", "cho bỏ"). */
const DONE_AWAY = ['bo di', 'bo luon', 'bo no di', 'bo cai', 'cho bo', 'bo han', 'bo ten'];
/** Still needed, or needed longer: the registration kept, not struck off. */
const KEPT_ON = ['gia han', 'o them', 'o tiep', 'them thoi gian', 'keo dai', 'dang ki tam tru moi', 'khong bo'];

/**
 * A registration said to have been made once, long ago ("trước đây tôi từng đăng ký khai sinh ở
 * phường này"): "từng" and "trước đây" say it was done, as "đã" does (assistant.civil-register.ts,
 * REGISTERED_ALREADY).
 */
const ONCE_REGISTERED = [
  'tung dang ki khai sinh', 'tung khai sinh', 'tung dang ki ket hon', 'tung ket hon', 'tung dang ki khai tu', 'tung khai tu',
  'truoc day dang ki khai sinh', 'truoc day dang ki ket hon', 'truoc day dang ki khai tu', 'hoi truoc dang ki khai sinh', 'hoi truoc dang ki ket hon',
];
/** Never done: the registration itself (late or for one with papers), not its confirmation. */
const NEVER_DONE = ['chua tung', 'chua he', 'chua bao gio', 'chua dang ki', 'chua co khai sinh', 'khong tung'];

/** Put right, said plainly. */
const FIXED = ['sua thong tin', 'sua lai', 'sua ten', 'sua ngay', 'sua ho', 'dieu chinh thong tin', 'cai chinh', 'thay doi thong tin', 'bo sung thong tin', 'doi ten', 'doi ho'];
/** The civil-status papers such a correction is made in. */
const CIVIL_PAPERS = ['khai sinh', 'ket hon', 'khai tu', 'trich luc', 'ho tich'];
/** A foreign element said in the record's own words. */
const FOREIGN_ELEMENT = ['yeu to nuoc ngoai', 'quoc tich nuoc ngoai'];
/** A translator said not to be on the commune's list of collaborators. */
const NOT_COLLABORATOR = ['khong phai cong tac vien', 'khong phai la cong tac vien', 'khong phai ctv', 'khong la cong tac vien', 'chua phai cong tac vien', 'khong lam cong tac vien', 'khong co trong danh sach cong tac vien'];

export const SIBLING_PULLS: Situation[] = [
  // A temporary stay told to be done away with ("cái tạm trú trên phường cũ muốn bỏ đi cho xong"):
  // its striking off (Luật Cư trú 2020, Điều 29), not the registration the words "tạm trú" name
  // whole — unless the stay is to go on.
  { groups: [TEMPORARY_STAY, DONE_AWAY], unless: KEPT_ON, expansion: 'xóa đăng ký tạm trú' },
  // A birth, marriage or death registered once, the ward asked to confirm it ("cần giấy xác nhận
  // trước đây tôi từng đăng ký khai sinh ở phường này"): the confirmation of the civil-status
  // record (Thông tư 04/2020/TT-BTP, Điều 12), not the birth registration of one with papers.
  {
    groups: [['xac nhan', 'chung nhan', 'xac minh'], ONCE_REGISTERED],
    unless: [...NEVER_DONE, 'tinh trang hon nhan', 'doc than', 'cu tru', 'ban sao', 'trich luc', 'dang ki lai', 'lam lai', 'that lac', 'bi mat', 'cai chinh', 'sai'],
    expansion: 'xác nhận thông tin hộ tịch',
  },
  // A civil-status paper with a foreign element said to be put right ("sửa thông tin trong giấy
  // khai sinh có yếu tố nước ngoài"): the change or correction with a foreign element (Luật Hộ tịch
  // 2014, Điều 47), not the registration the paper's words name whole.
  {
    groups: [FIXED, CIVIL_PAPERS, FOREIGN_ELEMENT],
    unless: ['dang ki lai', 'lam lai', 'that lac', 'bi mat', 'ghi chu', 'ghi vao so', 'ban sao', 'nhan cha', 'nhan con', 'nhan me', 'giam ho'],
    expansion: 'thay đổi cải chính bổ sung thông tin hộ tịch có yếu tố nước ngoài',
  },
  // A translator said not to be one of the commune's collaborators ("anh ấy không phải cộng tác
  // viên dịch thuật"): the certification of such a translator's signature — the two records' names
  // differ only by "không phải là", which the retrieval reads as the same words.
  { groups: [NOT_COLLABORATOR], expansion: 'chứng thực chữ ký người dịch không phải là cộng tác viên dịch thuật' },
];

/**
 * The leading act of "Tách hộ" said of a household ("hộ", "khẩu"): a plot of land split
 * ("tách thửa đất cho con ra sổ riêng") is the land office's parcel split, not the household's
 * (see MARKED_ACTS in assistant.ranking-rules.ts: the name kept back when the question says none
 * of the words and one of the others).
 */
export const SPLIT_ACTS: Array<[RegExp, string[], string[]]> = [
  [/^(?:thủ tục )?tách hộ(?!\p{L})/iu, ['ho', 'khau'], ['tach thua', 'thua dat', 'so do', 'so hong', 'bia do']],
];

/**
 * A registration said to be struck off in everyday words ("bỏ đi", "hủy", "cắt khẩu", "gỡ tên"):
 * the "xóa" of "Xóa đăng ký tạm trú" said, so that a choice between it and "Đăng ký tạm trú"
 * (assistant.qualifiers.ts) does not read the question as naming the registration alone.
 */
const STRUCK_OFF = /(?:^| )(?:bo di|bo luon|bo no di|cho bo|bo ten|hui|cat ten|cat khau|cat ho khau|cat tam tru|cat thuong tru|go ten|go bo|go ra)(?= |$)/;
export const struckOffSaid = (folded: readonly string[]): boolean => STRUCK_OFF.test(folded.join(' '));
