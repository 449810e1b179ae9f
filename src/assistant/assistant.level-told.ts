/**
 * A commune's record told in the words it shares with other levels' records (issue 15, pass 28,
 * r13full). On the full national catalogue a question about the ward's own matter was sent to a
 * province's record, or handed over, when the words a citizen tells it with lead the retrieval to
 * another record: the house to be built on the land ("lên thổ cư để cất nhà" reads as a building
 * permit, "đất trồng cây lâu năm" as the irrigation permit for perennial trees), the storeys said as
 * the South says them ("nhà ba lầu"), a whole house moved ("nâng cả căn nhà lùi vào", "xin phép dời
 * nhà"), a shop moved to another place. Phrases are folded, as in assistant.situations.ts.
 */
import type { Situation } from './assistant.situations';

/** Land turned into land to live on, as citizens say it (Luật Đất đai 2024, Điều 121, 123: the commune decides for a person). */
const TO_HOMESTEAD = ['len tho cu', 'len dat o', 'len dat tho cu', 'sang dat o', 'sang tho cu', 'thanh dat o', 'thanh tho cu', 'chuyen muc dich'];
/** What the land is and what it is for: the story around the change of use, not its subject. */
const LAND_STORY = ['cat nha', 'xay nha', 'lam nha', 'dung nha', 'cat can nha', 'xay can nha', 'trong cay lau nam', 'cay lau nam', 'cay hang nam'];

/** Storeys as the South says them ("nhà 1 trệt 2 lầu", "căn nhà phố ba lầu"). */
const STOREYS_SOUTH = ['1 lau', '2 lau', '3 lau', '4 lau', '5 lau', 'mot lau', 'hai lau', 'ba lau', 'bon lau', 'nam lau', 'nha lau', '1 tret', 'mot tret'];
/** A permit asked, or the house built. */
const PERMIT_OR_BUILT = ['giay phep', 'xin phep', 'cap phep', 'phep', 'xay', 'cat', 'lam nha', 'lam can nha'];
/** Works on a house that stands: its repair permit's words (assistant.situation-words.ts ALTER), and a storey added. */
const ALTERED = ['sua', 'cai tao', 'coi noi', 'nang tang', 'nang lau', 'them lau', 'len lau', 'xay them', 'gac lung'];

/** A whole house or shrine moved to another spot (Luật Xây dựng 2014, Điều 97: the relocation permit). */
const HOUSE_MOVED = [
  'xin phep doi nha', 'phep doi nha', 'doi ca can nha', 'doi nguyen can nha', 'doi ca ngoi nha', 'doi can nha', 'doi ngoi nha', 'doi nguyen cai nha', 'doi ca cai nha', 'doi cai nha',
  'nang ca can nha', 'nang can nha', 'lui ca can nha', 'dich ca can nha', 'di doi nha', 'doi nha tho', 'doi mieu', 'doi am tho',
];
/** A household moving, not a building: the residence records' words; and "đôi" (folded as "dời") of a house split in two. */
const HOUSEHOLD_MOVED = ['chia doi', 'tach doi', 'cat doi', 'chia lam doi', 'thuong tru', 'tam tru', 'ho khau', 'cu tru', 'chuyen khau', 'dia chi', 'o tro', 'doi nha len', 'doi nha ve', 'doi nha ra', 'doi nha sang', 'doi nha qua'];

/** A shop or stall of a household business (not "sạp", which folds as "sắp"; not "tiêm" of a vaccine). */
const SHOP_PLACE = ['tiem', 'cua hang', 'cua tiem', 'tap hoa', 'quan an', 'quan com', 'quan nuoc', 'quan ca phe', 'quan cafe', 'quan nhau', 'quan tap hoa', 'ho kinh doanh', 'dia diem kinh doanh'];
/** Its place changed. */
const PLACE_CHANGED = ['doi dia diem', 'chuyen dia diem', 'doi dia chi', 'chuyen dia chi', 'doi cho', 'don qua', 'don sang', 'don di', 'doi qua', 'doi sang', 'doi ve'];

export const LEVEL_TOLD: Situation[] = [
  // Garden or rice land raised to land to live on, the house to be built on it told as its purpose
  // ("mảnh vườn sau nhà giờ muốn lên thổ cư để chia cho thằng út cất nhà"): the commune's change of
  // use, not the building permit; nor the irrigation permit "trồng cây lâu năm" names.
  { groups: [TO_HOMESTEAD], unless: ['cong ty', 'doanh nghiep', 'sai', 'nham', 'dieu chinh', 'giay phep xay', 'phep xay'], story: LAND_STORY, anchor: 0, expansion: 'chuyển mục đích sử dụng đất' },
  // A house of so many "lầu" asked with a permit ("định làm căn nhà phố ba lầu, giấy phép xin chỗ
  // nào"): a new building permit; the storeys then pick the grade, as "tầng" does.
  { groups: [STOREYS_SOUTH, PERMIT_OR_BUILT], unless: [...ALTERED, 'kinh doanh', 'thue', 'mua', 'ban'], anchor: 0, expansion: 'cấp giấy phép xây dựng mới nhà ở tầng' },
  // A whole house moved ("nâng cả căn nhà lùi vào trong mười mét, xin phép dời nhà ở đâu"): the
  // relocation permit, not a household's move of residence.
  { groups: [HOUSE_MOVED], unless: HOUSEHOLD_MOVED, anchor: 0, expansion: 'cấp giấy phép di dời công trình' },
  // A shop moved to another place ("tiệm sửa xe dời địa điểm qua ấp khác"): the household business's
  // change of registration; not a shop closed, nor a company's branch.
  {
    groups: [SHOP_PLACE, PLACE_CHANGED],
    unless: ['tiem chung', 'tiem phong', 'mui tiem', 'tiem vac', 'thuong tru', 'tam tru', 'ho khau', 'cong ty', 'doanh nghiep', 'chi nhanh', 'hop tac xa', 'tam nghi', 'tam ngung', 'nghi luon', 'nghi ban', 'dong cua', 'cham dut', 'xay dung'],
    anchor: 1,
    expansion: 'thay đổi nội dung đăng ký hộ kinh doanh',
  },
];
