/**
 * The commune's records of the river bank, the forest, the household's insurance and the shop told
 * in villagers' words (issue 15, pass 26): a wharf opened for a ferry across the river, or closed
 * for good; a medicinal plant grown under a household's forest; a health insurance card bought for
 * the household alone; a shop shut for a counted number of months. Spread into the commune's told
 * situations (assistant.commune-told.ts); phrases are written folded ("y" as "i").
 */
import type { Situation } from './assistant.situations';
import { SHOP } from './assistant.situation-words';

/**
 * A wharf of the river, as villagers name it ("bến đò", "cái bến", "bến bốc cát"). Not a bus
 * station ("bến xe"; folded, "bến đỗ xe" is "ben do" too) nor a fishing port (its own records).
 */
const WHARF = ['ben do', 'ben khach', 'ben ghe', 'ben thuien', 'ben nuoc', 'ben song', 'ben boc', 'ben tap ket', 'ben cat', 'ben vat lieu', 'ben thui noi dia', 'cai ben', 'mot ben', 'ben nho', 'ben tam'];
/** Not a wharf of the river's boats. */
const NOT_WHARF = ['xe', 'ben ca', 'cang ca', 'tau ca', 'hanh lang', 'thui loi', 'ho chua'];
/** Opened, or asked to be let work. */
const OPENED = ['mo ben', 'mo mot ben', 'mo cai ben', 'lam ben', 'lap ben', 'xin mo', 'mo them', 'cho hoat dong', 'duoc hoat dong', 'dua vao hoat dong', 'dua vao su dung', 'cong bo hoat dong', 'xin phep hoat dong'];
/** Carrying people across to the other bank: the ferry wharf ("bến khách ngang sông"). */
const ACROSS = ['sang bo', 'bo ben kia', 'qua song', 'sang song', 'ngang song', 'qua bo', 'do ngang', 'cho khach qua', 'cho khach sang', 'dua khach qua', 'dua khach sang', 'cho nguoi qua', 'cho nguoi sang'];
/** Worked again after a stop, or its technical details agreed before building: other records. */
const AGAIN_OR_BUILT = ['hoat dong lai', 'chai lai', 'mo lai', 'cong bo lai', 'thoa thuan', 'thong so', 'thi cong', 'cong trinh', 'gia han', 'het han'];
/** Closed for good. */
const CLOSED = ['dong ben', 'dep ben', 'ngung ben', 'dong cua ben', 'thoi chai ben', 'khong chai ben', 'thoi lam ben', 'khong lam ben', 'thoi khai thac', 'khong khai thac', 'ngung hoat dong', 'dung hoat dong', 'cham dut hoat dong'];

/** A medicinal plant, as upland growers name it (not the bare "sâm": folded, it is "sắm", "sấm"). */
const HERB = ['trong sam', 'cu sam', 'cai sam', 'sam ngoc linh', 'sam lai chau', 'vuon sam', 'duong qui', 'ba kich', 'sa nhan', 'thao qua', 'giao co lam', 'lan kim tuien', 'ha thu o', 'tam that', 'duoc lieu', 'cai thuoc', 'cai duoc lieu', 'thuoc nam', 'nam linh chi'];
/** Grown under, or in, a forest. */
const IN_FOREST = ['duoi tan rung', 'tan rung', 'duoi tan cai', 'trong rung', 'rung nha', 'rung duoc giao', 'rung cua', 'dat rung', 'rung tu nhien', 'rung phong ho', 'rung trong', 'rung san xuat'];

/** A health insurance card. */
const HEALTH_CARD = ['bao hiem i te', 'bhit', 'the bao hiem'];
/** Bought for the household, or by someone no employer insures. */
const FOR_THE_HOUSEHOLD = ['theo ho', 'ho gia dinh', 'ca nha', 'ca gia dinh', 'ca ho', 'nguoi trong nha', 'tu mua', 'tu dong', 'khong ai di lam', 'khong di lam cong ti', 'lam tu do', 'lao dong tu do', 'buon ban tu do'];
/** A child's card, a poor household's, or a card used, lost or wrong: other records. */
const NOT_BOUGHT = ['tre em', 'tre so sinh', 'em be', 'duoi 6 tuoi', 'khai sinh', 'moi sinh', 'hoc sinh', 'sinh vien', 'ngheo', 'thanh toan', 'kham', 'chi tra', 'cap lai', 'mat the', 'doi the', 'sai', 'gia han', 'bao hiem xa hoi'];

/** A count of months or weeks said as numbers or words ("đóng cửa 2 tháng", "nghỉ ba tháng"). */
const COUNTED_MONTHS = [
  ...Array.from({ length: 12 }, (_, i) => `${i + 1} thang`),
  'mot thang', 'hai thang', 'ba thang', 'bon thang', 'nam thang', 'sau thang', 'bai thang', 'tam thang', 'chin thang', 'muoi thang', 'vai tuan', 'may tuan',
];

export const VILLAGE_TOLD: Situation[] = [
  {
    // A wharf opened for a ferry across the river ("mở bến đò chở khách sang bờ bên kia"): the
    // cross-river passenger wharf's announcement.
    groups: [WHARF, OPENED, ACROSS],
    unless: [...NOT_WHARF, ...AGAIN_OR_BUILT, ...CLOSED],
    expansion: 'công bố hoạt động bến khách ngang sông',
  },
  {
    // A wharf opened for goods ("mở cái bến bốc cát lên ghe"): the inland wharf's announcement.
    groups: [WHARF, OPENED],
    unless: [...NOT_WHARF, ...AGAIN_OR_BUILT, ...CLOSED, ...ACROSS],
    expansion: 'công bố hoạt động bến thủy nội địa',
  },
  {
    // A wharf stopped for a season and worked again ("ngưng chạy mùa lũ, nay xin cho bến hoạt
    // động lại"): its announcement made again.
    groups: [WHARF, ['hoat dong lai', 'chai lai', 'cho chai lai', 'mo lai', 'mo cua lai', 'cong bo lai']],
    unless: [...NOT_WHARF, 'gia han', 'het han', 'thoa thuan', 'thong so'],
    expansion: 'công bố lại hoạt động bến thủy nội địa',
  },
  {
    // A wharf closed for good ("thôi không chạy bến nữa, xin đóng bến"): its closing announced —
    // not its extension.
    groups: [WHARF, CLOSED],
    unless: [...NOT_WHARF, 'hoat dong lai', 'chai lai', 'mo lai', 'cong bo lai', 'gia han', 'tam dong', 'tam ngung', 'mua lu'],
    expansion: 'công bố đóng cảng bến thủy nội địa',
  },
  {
    // A medicinal plant grown under the household's forest ("trồng sâm dưới tán rừng nhà được
    // giao"): the plan for growing and harvesting medicinal plants in a forest.
    groups: [HERB, IN_FOREST],
    unless: ['chuien muc dich', 'pha rung', 'chat', 'ban', 'thu mua', 'kinh doanh'],
    expansion: 'phương án nuôi trồng phát triển thu hoạch cây dược liệu trong rừng',
  },
  {
    // A health insurance card bought for the whole household ("nhà 5 người không ai đi làm công
    // ty, muốn có thẻ bảo hiểm y tế theo hộ"): the registration of those insured for health alone
    // — not a child's card made with the birth, nor a card used or lost.
    groups: [HEALTH_CARD, FOR_THE_HOUSEHOLD],
    unless: NOT_BOUGHT,
    expansion: 'đăng ký đóng cấp thẻ bảo hiểm y tế người chỉ tham gia bảo hiểm y tế',
  },
  {
    // A shop shut for a counted number of months ("tiệm uốn tóc đóng cửa 2 tháng để sinh em bé"):
    // the notice of a pause, as "nửa năm" and "mấy tháng" are (assistant.ward-situations.ts).
    groups: [SHOP, ['dong cua', 'nghi ban', 'ngung ban', 'nghi lam', 'tam dung', 'dung ban', 'nghi kinh doanh'], COUNTED_MONTHS],
    unless: ['dep', 'nghi luon', 'nghi han', 'dong han', 'khong lam nua', 'cham dut', 'giai the', 'sang ten', 'sang nhuong', 'hop tac xa', 'doanh nghiep', 'cong ti', 'thue'],
    expansion: 'tạm ngừng kinh doanh tiếp tục kinh doanh hộ kinh doanh',
  },
];
