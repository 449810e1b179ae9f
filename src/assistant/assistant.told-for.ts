/**
 * Papers of the ward told by what they prove or what they are for, by a relative or a neighbour
 * who asks for someone else (issue 15, pass 27, r12demo): "ngân hàng bảo nộp giấy xác nhận tui
 * đang ở đâu" is the confirmation of residence, "giấy xác nhận hai tên đó là một người" the
 * confirmation of civil-status details, "không nên nằm trong danh sách nghèo nữa" the household
 * leaving the list, "bà muốn viết di nguyện để lại mấy sào ruộng" the will, "đăng ký cho bà ở
 * hẳn với tôi" the permanent residence. Phrases are folded ("y" written "i"), as in
 * assistant.situations.ts; also here, the adverb "lại" of a story that is no "… lại" of a record
 * (`adverbialAgain`, read by assistant.qualifiers.ts).
 */
import type { Situation } from './assistant.situations';

/** Who the paper is about, said between "xác nhận" and where they live ("xác nhận tui đang ở đâu"). */
const WHO = ['', 'toi ', 'tui ', 'em ', 'con ', 'chau ', 'no ', 'minh ', 'anh ', 'chi ', 'ong ', 'ba ', 'me ', 'bo ', 'gia dinh ', 'nha toi ', 'nha minh '];
/** Where one lives asked as what is confirmed: the residence's confirmation (Mẫu CT07), not a registration. */
const WHERE_ONE_LIVES = WHO.flatMap((w) => [`xac nhan ${w}dang o dau`, `xac nhan ${w}dang song o dau`, `xac nhan ${w}o dau hien nai`, `xac nhan ${w}dang o dia chi`, `xac nhan ${w}dang cu ngu`]).concat([
  'xac nhan noi o', 'xac nhan noi dang o', 'xac nhan cho o', 'xac nhan cho dang o', 'xac nhan dia chi noi o', 'xac nhan dia chi dang o', 'xac nhan nha o dau', 'xac nhan song o dau',
]);

/** Two names or papers proved to be of one person ("hai tên đó là một người", "là cùng một người"). */
const ONE_PERSON = ['la mot nguoi', 'la cung mot nguoi', 'cung la mot nguoi', 'chi la mot nguoi', 'deu la mot nguoi', 'cung mot nguoi'];
/** The papers whose details the ward's civil-status register holds. */
const CIVIL_PAPERS = ['khai sinh', 'khai sanh', 'ket hon', 'hon thu', 'khai tu', 'chung tu', 'ho tich', 'cai chinh', 'ten cu', 'ten moi', 'hai ten'];

/** A household no longer to be listed as poor, said as where it should not stand. */
const NOT_LISTED = ['khong nen nam', 'khong con nam', 'khong muon nam', 'khong can nam', 'khong nen o trong', 'khong muon o trong', 'khong con o trong', 'khong nen de trong', 'dung de trong', 'gach ten', 'gach khoi'];

export const TOLD_FOR: Situation[] = [
  // A bank, a school, an employer asking for a paper of where one lives ("ngân hàng bảo nộp giấy
  // xác nhận tui đang ở đâu", "trường đòi giấy xác nhận nơi ở của đứa nhỏ"): the confirmation of
  // residence, not its registration nor the marital status another "xác nhận" names.
  { groups: [WHERE_ONE_LIVES], unless: ['tam tru moi', 'dang ki tam tru', 'dang ki thuong tru', 'nhap khau', 'nhap ho khau'], expansion: 'xác nhận thông tin về cư trú' },
  // Names or papers of one person shown to be one ("giấy khai sinh ghi tên cũ…, ngân hàng đòi giấy
  // xác nhận hai tên đó là một người"): the confirmation of civil-status details
  // (Luật Hộ tịch 2014 and Thông tư 04/2020/TT-BTP, Điều 12: văn bản xác nhận thông tin hộ tịch).
  { groups: [['xac nhan', 'chung nhan', 'chung minh'], ONE_PERSON, CIVIL_PAPERS], story: CIVIL_PAPERS, anchor: 1, also: ['xac nhan'], expansion: 'xác nhận thông tin hộ tịch' },
  // A household that should not stand on the list of the poor any longer ("nhà mình không nên nằm
  // trong danh sách nghèo của thôn nữa"): its recognition as having left poverty.
  { groups: [['ngheo', 'can ngheo'], NOT_LISTED], expansion: 'công nhận hộ thoát nghèo thoát cận nghèo' },
  // A last wish written for what is left to whom ("bà muốn viết di nguyện để lại mấy sào ruộng"):
  // the will, certified at the ward; not a wish about the funeral.
  {
    groups: [['di nguien', 'loi tran troi', 'tran troi'], ['de lai', 'chia', 'viet', 'lap', 'lam giai', 'ghi', 'cho con', 'cho chau']],
    // Nor a wish left unsaid ("mất không để lại lời trăn trối gì, mấy anh em thống nhất chia": the estate's division).
    unless: ['mai tang', 'tang le', 'an tang', 'hoa tang', 'hien xac', 'hien tang', 'chon cat', 'cai tang', 'khong de lai', 'chua de lai', 'chang de lai', 'khong kip', 'khong co loi', 'thoa thuan', 'thong nhat'],
    expansion: 'chứng thực di chúc',
  },
  // A parent or relative to live for good with the one who asks ("đăng ký cho bà ở hẳn với tôi"):
  // the permanent residence, not a stay nor a temporary one. Not a bare "ở hẳn": folded, "ở Hàn
  // Quốc" says it.
  {
    groups: [['o han voi', 'o han o', 'o han nha', 'o han luon', 'o han tren', 'o han duoi', 'o han trong', 'song han', 'o luon voi', 'song luon voi', 'o lau dai voi', 'song lau dai voi', 've o han'], ['dang ki', 'lam thu tuc', 'lam giai', 'khai bao', 'nhap']],
    unless: ['tam tru', 'tam vang', 'luu tru', 'xoa', 'gia han', 'nuoc ngoai', 'dinh cu', 'han quoc'],
    expansion: 'đăng ký thường trú',
  },
  // Land to be mortgaged, sold or split that has no certificate yet ("muốn thế chấp đất để vay
  // ngân hàng mà mảnh đó chưa có giấy chứng nhận"): its first registration comes first, not the
  // mortgage's registration nor a certified contract (Luật Đất đai 2024, Điều 45: the certificate
  // is a condition of every such transfer).
  {
    groups: [['the chap', 'ban dat', 'ban manh', 'chuien nhuong', 'tach thua', 'sang ten'], ['chua co giai chung nhan', 'chua co so do', 'chua co so hong', 'chua co bia do', 'chua co giai to dat', 'chua duoc cap so', 'chua lam so'], ['dat', 'manh', 'thua', 'vuon', 'ruong']],
    unless: ['tranh chap', 'hoa giai', 'lan dat', 'xe', 'nha o xa hoi'],
    story: ['the chap', 'ban dat', 'ban manh', 'chuien nhuong', 'tach thua', 'sang ten'],
    anchor: 1,
    expansion: 'đăng ký đất đai cấp giấy chứng nhận lần đầu',
  },
];

/** Syllables before "lại" that make it a record's "… lại" ("đăng ký lại", "cấp lại", "khai sinh lại", "kết hôn lại"). */
const REDO_BEFORE: ReadonlySet<string> = new Set(['ki', 'lam', 'cap', 'xin', 'khai', 'sinh', 'sanh', 'hon', 'tu', 'doi', 'in', 'viet', 'lap', 'chung', 'thuc', 'sao', 'cuoi', 'giai', 'thu', 'dang']);
/** Syllables before "lại" that make it an adverb of the story ("bay lại", "quay lại", "mà lại", "trở lại"). */
const ADVERB_BEFORE: ReadonlySet<string> = new Set(['bai', 'quai', 'ma', 'nai', 'thi', 'nhung', 'tro', 'chai', 'qua', 'roi', 'con']);
/** Syllables after "lại" that make it an adverb ("lại có việc làm", "lại không có", "lại xa"), unless a record's act is before it. */
const ADVERB_AFTER: ReadonlySet<string> = new Set(['co', 'con', 'khong', 'chang', 'chua', 'phai', 'la', 'hai', 'them', 'dung', 'xa', 'ngheo', 'gia', 'ieu']);
/**
 * Syllables after "lại" that make it an adverb even after "lam" — which, unmarked, is "lắm" as well
 * as "làm" ("xa lắm lại đang mùa lũ", "nghèo lắm lại bị bệnh"): no record is "làm lại đang".
 */
const ADVERB_ALWAYS_AFTER: ReadonlySet<string> = new Set(['dang', 'bi', 'vua', 'gap', 'om', 'dau', 'mua']);

/**
 * Every "lại" of the folded question is an adverb of the story ("đường xa lắm lại đang mùa lũ",
 * "trước khi nó bay lại"), none the "… lại" of a record: a choice between a record and its
 * "… lại" twin is not decided by it (assistant.qualifiers.ts).
 */
export function adverbialAgain(folded: readonly string[]): boolean {
  const at = folded.flatMap((x, i) => (x === 'lai' ? [i] : []));
  return (
    at.length > 0 &&
    at.every((i) => {
      const before = folded[i - 1] ?? '';
      const after = folded[i + 1] ?? '';
      return (before === 'lam' && ADVERB_ALWAYS_AFTER.has(after)) || (!REDO_BEFORE.has(before) && (ADVERB_BEFORE.has(before) || ADVERB_AFTER.has(after) || ADVERB_ALWAYS_AFTER.has(after)));
    })
  );
}
