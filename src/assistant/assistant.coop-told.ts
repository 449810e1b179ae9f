/**
 * A cooperative's or a cooperative group's registration told in members' words (issue 15, pass
 * 23): its certificate with a mistake, a group's leader or members changed, a pause of some months
 * or work taken up again early, an application taken back before it is decided. Spread into the
 * commune's told situations (assistant.commune-told.ts); phrases are written folded.
 */
import type { Situation } from './assistant.situations';

/** A cooperative, as members write it. */
const COOPERATIVE = ['htx', 'hop tac xa'];
/** A cooperative group: named, or a working group of a village with its leader. */
const GROUP = ['to hop tac', 'to mai', 'to nuoi', 'to trong', 'to san xuat', 'to xai xat', 'to dan lat', 'to lam banh', 'to gia cong'];
/** A mistake on its paper or in the register. */
const MISTAKE = ['ghi sai', 'in sai', 'ghi trat', 'ghi nham', 'in nham', 'sai ten', 'sai ma', 'sai so', 'sai chinh ta', 'bi sai', 'sai thong tin', 'sai nam sinh', 'sai dia chi'];
/** The group's leader or members changed. */
const MEMBERS_CHANGED = ['doi to truong', 'thai to truong', 'to truong moi', 'ket nap', 'them thanh vien', 'nhan them', 'them nguoi', 'bot thanh vien', 'rut bot', 'xin ra'];
/** A pause, or work taken up again before its end. */
const PAUSED = ['tam nghi', 'tam ngung', 'nghi', 'ngung', 'hoat dong lai', 'lam lai som', 'mo lai som'];
const FOR_A_WHILE = ['thang', 'nua nam', 'mua', 'mot thoi gian', 'den', 'som hon', 'truoc thoi han', 'truoc han'];
/** Ended for good: dissolution, not a pause. */
const ENDED = ['giai the', 'giai tan', 'dep', 'cham dut', 'khong lam nua', 'nghi han', 'nghi luon', 'thoi han'];
/** An application taken back ("nhờ xã ngưng xử lý bộ hồ sơ", "rút lại không làm nữa"). */
const TAKEN_BACK = ['ngung xu li', 'dung xu li', 'rut lai', 'rut lui', 'doi i', 'khong muon lam nua', 'thoi khong lap', 'khong lap nua'];
const APPLICATION = ['ho so', 'hs', 'da nop', 'nop giai', 'nop don', 'xin lap'];

export const COOP_TOLD: Situation[] = [
  {
    // "giấy HTX ghi trật tên giám đốc", "sai mã ngành trên hệ thống": the cooperative's
    // registration corrected — not a civil-status correction.
    groups: [COOPERATIVE, MISTAKE],
    unless: ['to hop tac'],
    // ("hợp tác xã" twice: the cooperative's record names it with its union, the group's record once)
    expansion: 'hiệu đính cập nhật bổ sung thông tin đăng ký hợp tác xã liên hiệp hợp tác xã',
  },
  {
    groups: [['to hop tac'], MISTAKE],
    expansion: 'hiệu đính cập nhật bổ sung thông tin đăng ký tổ hợp tác',
  },
  {
    // "tổ hợp tác nuôi ong đổi tổ trưởng, kết nạp thêm ba người": the group's registration changed
    // (the change registered, or notified under the older record: the question's own words decide).
    groups: [GROUP, MEMBERS_CHANGED],
    unless: [...ENDED, 'hop tac xa', 'htx'],
    expansion: 'thay đổi tổ hợp tác',
  },
  {
    // "HTX nghỉ nửa năm vì tôm chết", "nghỉ 3 tháng rồi muốn hoạt động lại sớm": the notice of a
    // pause, or of work taken up again early.
    groups: [[...COOPERATIVE, 'to hop tac'], PAUSED, FOR_A_WHILE],
    unless: [...ENDED, ...TAKEN_BACK, 'nghi viec', 'nghi huu'],
    expansion: 'thông báo tạm ngừng kinh doanh tiếp tục kinh doanh trở lại',
  },
  {
    // "nộp hồ sơ lập tổ may rồi, giờ một nửa rút lui, nhờ xã ngưng xử lý": the application stopped.
    groups: [[...COOPERATIVE, ...GROUP], TAKEN_BACK, APPLICATION],
    unless: ['giai the', 'giai tan', 'cham dut'],
    expansion: 'dừng thực hiện thủ tục đăng ký',
  },
];
