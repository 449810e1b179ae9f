/**
 * The demo ward's near siblings told as a citizen tells them (issue 15, pass 26, r11demo), read
 * unseen on a fresh probe (tuning/procedures-43.jsonl): what kept the right procedure out of the
 * answer or out of the first three. Phrases are folded ("y" written "i"), as in
 * assistant.situations.ts and assistant.intent.ts.
 */
import { ACKNOWLEDGE, CHANGED_ALREADY, ID_CARD, LAND_PAPER } from './assistant.situation-words';
import type { Situation } from './assistant.situations';

/**
 * "Bắt buộc" said as a modal before the act asked ("có bắt buộc đăng ký kinh doanh không",
 * "bắt buộc phải làm giấy phép à"): how the question asks, like "có phải", not a topic. The
 * national names use it as one ("bảo hiểm xã hội bắt buộc", "cai nghiện bắt buộc"), so the ward's
 * records, none named with it, were read as missing the question's topic. Only before a verb of
 * the ward's acts: "đóng bảo hiểm bắt buộc" keeps its word. Consumed with the general phrasing
 * (assistant.intent.ts, GENERAL).
 */
export const MODAL_OBLIGATION = '(?:co |la )?bat buoc(?: phai)?(?= (?:dang ki|lam|co|nop|xin|khai|bao|di|len|ra|den|mang|xuat trinh|chung thuc|cong chung|tach|nhap|xoa|gia han|cap|doi)(?: |$))';

/**
 * A trade of everyday life ("sửa xe", "sửa máy", "máy lạnh") said in a question about the
 * household business that plies it ("tiệm sửa xe đứng tên chồng phải dẹp, chấm dứt hộ kinh
 * doanh"): the shop of the story, not a repair asked. Everyday again without "kinh doanh" on
 * either side ("tiệm sửa xe nào gần đây").
 */
export const unlessBusiness = (p: string): string => `(?<!kinh doanh .*)${p}(?!.* kinh doanh)`;

/** A parent by blood said as what one is to become on paper ("nhận là cha", "nhận làm bố", "nhận nó là con"). */
const ACKNOWLEDGED_AS = [
  'nhan la cha', 'nhan la bo', 'nhan la ba', 'nhan la me', 'nhan la ma', 'nhan lam cha', 'nhan lam bo', 'nhan lam ba', 'nhan lam me', 'nhan lam ma',
  'nhan minh la cha', 'nhan minh la bo', 'nhan minh la me', 'nhan toi la cha', 'nhan toi la bo', 'nhan toi la me',
  'nhan la con ruot', 'nhan lai con ruot', 'nhan no la con', 'nhan chau la con', 'nhan be la con', 'nhan dua nho la con', 'nhan dua be la con',
];
/** How one's own child is told around it: the story, weighing little ("hồi trẻ có đứa con với người khác"). */
const CHILD_OF_ONES_OWN = [
  'co dua con', 'co mot dua con', 'co con voi', 'dua con voi', 'con voi nguoi khac', 'con roi', 'con ngoai gia thu', 'ngoai gia thu', 'con ngoai hon nhan',
  'hoi tre', 'hoi con tre', 'ngai truoc', 'dang hoang', 'cho dang hoang', 'cho chinh thuc', 'dua nho', 'dua be', 'mau mu', 'ruot thit',
];
/** A child not one's own by blood, or a bond made by law: an adoption or a guardianship, not an acknowledgement. */
const NOT_BY_BLOOD = [
  'con nuoi', 'nhan nuoi', 'cha nuoi', 'bo nuoi', 'me nuoi', 'cha duong', 'bo duong', 'ba duong', 'me ke', 'di ghe', 'giam ho', 'do dau',
  'con rieng cua vo', 'con rieng cua chong', 'con rieng cua em', 'con rieng cua co ai', 'con rieng cua anh ai', 'con rieng cua chi ai', 'thua ke', 'di chuc', 'di san',
];
/** Two papers said not to agree ("ghi lệch", "bị lệch so với"): a slip, as "ghi sai" is. */
const ASKEW = ['ghi lech', 'bi lech', 'lech so voi', 'lech voi', 'lech nhau', 'lech mot', 'lech hai', 'lech 1', 'lech 2'];
/** The civil-status papers a slip is found in. */
const CIVIL_PAPER = ['giai khai sinh', 'to khai sinh', 'khai sinh', 'trich luc', 'giai ket hon', 'hon thu', 'giai chung tu', 'ho tich'];

/** A death not reported yet. */
const DEATH_NOT_REPORTED = [
  'chua bao tu', 'chua ai bao tu', 'chua di bao tu', 'chua khai tu', 'chua ai khai tu', 'chua di khai tu', 'chua lam khai tu', 'chua dang ki khai tu',
  'chua lam giai chung tu', 'chua co giai chung tu', 'chua co chung tu', 'chua lam chung tu',
];
/** What the death paper is then wanted for: land, an inheritance, a bank — the story. */
const DEATH_PAPER_FOR = [...LAND_PAPER, 'lam so do', 'lam so hong', 'sang ten', 'thua ke', 'chia dat', 'ban dat', 'chia nha', 'rut tien', 'so tiet kiem', 'ngan hang'];

export const NEAR_SIBLINGS: Situation[] = [
  // A father or mother by blood to be acknowledged, said as what one becomes ("hồi trẻ có đứa con
  // với người khác, giờ muốn làm thủ tục nhận là cha cho đàng hoàng"): the acknowledgement, not a
  // card for a child under 14 nor an adoption (Luật Hộ tịch 2014, Điều 24–25).
  { groups: [ACKNOWLEDGED_AS], unless: NOT_BY_BLOOD, story: CHILD_OF_ONES_OWN, expansion: 'đăng ký nhận cha mẹ con' },
  // A civil-status paper said to disagree with another ("ngày sinh trong khai sinh ghi lệch so với
  // giấy chứng sinh"): its correction, as a slip — unless the paper with the slip is another one
  // (the identity card's, the land certificate's) or the change is done and a copy asked.
  {
    groups: [CIVIL_PAPER, ASKEW],
    unless: [...ACKNOWLEDGE, ...CHANGED_ALREADY, ...ID_CARD, ...LAND_PAPER, 'chung minh', 'bang lai', 'ho chieu', 'bao hiem', 'bhxh', 'hoc ba', 'bang tot nghiep', 'chung thuc', 'sao i'],
    expansion: 'cải chính bổ sung thông tin hộ tịch',
  },
  // A death not reported yet, its paper now wanted for the land or an inheritance ("bà mất năm ngoái
  // mà chưa ai báo tử, giờ cần giấy để làm sổ đỏ"): the death registration (late is the same one,
  // Luật Hộ tịch 2014, Điều 33), the land the story.
  {
    groups: [DEATH_NOT_REPORTED],
    unless: ['dang ki lai', 'lam lai', 'that lac', 'bi mat', 'mat giai', 'mat so'],
    story: DEATH_PAPER_FOR,
    expansion: 'đăng ký khai tử',
  },
];
