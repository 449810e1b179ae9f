/**
 * Situations of the commune's national records told in citizens' words (issue 15, pass 18): a
 * low-income certificate asked for the social housing it is wanted for, a household's forest
 * turned to another use. Matched with the other situations
 * (assistant.situations.ts); phrases are written folded.
 */
import { FARM_TOLD } from './assistant.farm-told';
import { BOAT_TOLD } from './assistant.boat-told';
import { LOSSES_TOLD } from './assistant.losses-told';
import { COOP_TOLD } from './assistant.coop-told';
import { FIELDS_TOLD } from './assistant.fields-told';
import { GRASSROOTS_TOLD } from './assistant.grassroots-told';
import { VILLAGE_TOLD } from './assistant.village-told';
import { HAMLET_TOLD } from './assistant.hamlet-told';
import type { Situation } from './assistant.situations';

/** Low pay or income, as workers tell it. */
const LOW_INCOME = ['thu nhap thap', 'thu nhap it', 'thu nhap duoi', 'luong thap', 'luong it', 'luong beo', 'dien thu nhap thap', 'nguoi thu nhap thap'];
/** The paper asked of the commune about it. */
// (not "công nhận": folded it is "công nhân", the worker telling his pay)
const CERTIFY = ['xac nhan', 'chung nhan', 'giay', 'thuoc dien'];
/** A forest of one's own (not the State's forests a company rents). */
const OWN_FOREST = ['manh rung', 'khoanh rung', 'dat rung', 'rung trong', 'rung san xuat', 'rung nha', 'rung cua', 'rung keo', 'rung thong'];
/** A poor or near-poor household's list (its yearly review is one record, a request any time another). */
const POOR = ['ngheo', 'can ngheo'];
/** The yearly review told (pass 19): the village's review at the year's end, its round of votes. */
const YEARLY_REVIEW = ['ra soat', 'binh xet', 'dot xet', 'dot xet duiet', 'xet duiet cuoi nam', 'cuoi nam', 'dinh ki'];
/** Asked now, not at the review (the request any time, in the demo catalogue). */
const NOT_WAITING = ['khong cho', 'khong doi', 'chua toi dot', 'chua den dot', 'ngai bai gio', 'ngai lap tuc', 'giua nam', 'phat sinh'];
/** A weapon of old kept at home, as families name it (pass 19). */
const OLD_WEAPON = ['sung hoa mai', 'sung kip', 'sung co', 'khau sung', 'cai mac', 'cai giao', 'ngon giao', 'luoi mac', 'thanh kiem', 'thanh guom', 'cai guom', 'cai kiem', 'dao gam', 'ma tau', 'cung no', 'thanh dao', 'giao mac',
  // pass 24: "cây giáo với cây mã tấu từ đời cụ tổ"
  'cay giao', 'cay mac', 'cay kiem', 'cay guom'];
/** Kept as a relic: on the altar, on the wall, handed down. */
const KEPT = ['ban tho', 'tuong tho', 'gian tho', 'gia bao', 'ki niem', 'trung bai', 'treo tuong', 'treo tren', 'de lai', 'truien lai', 'thoi ong', 'doi ong', 'de tho', 'tho cung', 'nha tho ho', 'tu duong', 'doi cu', 'doi ong co'];
/** A herd struck by an epidemic, as farmers tell it (pass 19). */
const HERD_SICK = ['dich ta', 'dich heo', 'dich lon', 'tai xanh', 'lo mom', 'cum gia cam', 'cum ga', 'bi dich',
  // pass 24: caught, not named ("trại heo dính dịch phải tiêu hủy hết")
  'dinh dich', 'nhiem dich', 'dinh benh dich', 'bi benh dich',
  // pass 25: the disease named ("bò bị viêm da nổi cục chết mấy con", "gà toi vì cúm A/H5N1")
  'viem da noi cuc', 'tu huiet trung', 'lo mom long mong', 'long mong', 'cum a', 'h5n1', 'h5n6', 'dich hach'];
/** An epidemic said as the cause ("chôn 40 con heo nái của tôi vì dịch"; pass 25): only of a herd named beside it. */
const FOR_EPIDEMIC = ['vi dich', 'do dich', 'vi benh dich', 'do benh dich', 'vi dich benh', 'do dich benh'];
/** The herd: livestock and poultry as farmers name them (folded, "lợn" is "lớn", "bò" "bỏ", "gà" "ga": those with their counting word). */
const HERD = ['heo', 'trau', 'vit', 'ngong', 'chim cut', 'gia cam', 'gia suc', 'lon nai', 'lon thit', 'con lon', 'dan lon', 'trai lon', 'con bo', 'dan bo', 'bo sua', 'bo cai', 'con ga', 'dan ga', 'trai ga', 'con de', 'dan de', 'con cuu', 'dan cuu', 'con ngan', 'dan ngan'];
/** Culled or lost, and made good. */
const HERD_LOST = ['chon', 'tieu huy', 'chet', 'thiet hai', 'den bu', 'boi thuong'];
/** The village's mediators themselves, as neighbours name them (pass 19: "giảng hòa" is "hòa giải"). */
const MEDIATOR = ['to hoa giai', 'to giang hoa', 'hoa giai vien', 'danh sach hoa giai', 'nguoi di hoa giai', 'di giang hoa', 'nguoi giang hoa'];
/** A work injury or an occupational disease had and compensated already (pass 19). */
const INJURY_HAD = ['thuong tat cu', 'vet thuong cu', 'benh nghe nghiep', 'bui phoi', 'diec nghe nghiep', 'da giam dinh', 'suy giam'];
/** Come back or grown worse: the recurrence, not a new accident. */
const WORSE = ['tai phat', 'nang hon', 'nang len', 'tro nang', 'dau nhuc lai', 'dau lai', 'sung lai', 'lai sung', 'phat lai', 'giam dinh lai', 'kham lai'];
/** A new accident told after the first. */
const AGAIN = ['lan nua', 'lan hai', 'lan thu hai', 'them mot lan', 'tiep tuc bi', 'nai lai bi', 'gio lai bi', 'lai bi tai nan'];
/** Turned to another use. */
const OTHER_USE = ['chuyen sang', 'chuyen qua', 'doi sang', 'doi qua', 'doi muc dich', 'chuyen muc dich', 'pha di', 'pha rung', 'sang lam', 'qua lam', 'de lam'];

/** A household's hardship told as why it asks onto the poor list (pass 22): illness, age, an accident, low pay. */
const HARDSHIP = ['benh nang', 'bi benh', 'om dau', 'om nang', 'tai nan', 'me gia', 'cha gia', 'gia yeu', 'thu nhap thap', 'kho khan', 'chai than', 'chua benh', 'khong lam duoc', 'mat suc lao dong', 'tan tat', 'khuiet tat', 'ban dan'];
/** Asked onto the list, or into the category, of poor households. */
const ONTO_THE_LIST = ['vao danh sach', 'vao dien', 'xin dien', 'xet cho', 'xet vao', 'xin vao', 'dua vao', 'co ten trong danh sach'];

export const COMMUNE_TOLD: Situation[] = [
  {
    // pass 22: a household asking onto the poor list, or "diện khó khăn", told with its hardship
    // ("chồng bệnh nặng, mẹ già, xin vào danh sách hộ nghèo"): the recognition as poor — the
    // hardship only tells why.
    groups: [ONTO_THE_LIST, ['ngheo', 'can ngheo', 'ho kho khan', 'dien kho khan', 'danh sach kho khan']],
    unless: ['thoat ngheo', 'ra khoi', 'rut khoi', 'khong con', 'vuot chuan', 'nha o xa hoi', 'vay von', 'hoc phi', 'mien giam', 'bao hiem'],
    story: HARDSHIP,
    expansion: 'công nhận hộ nghèo hộ cận nghèo',
  },
  {
    // Low pay and a paper of the commune saying so, even when the social housing it is for is told
    // too ("đi làm lương thấp, muốn xã xác nhận để mua nhà ở xã hội"): the low-income recognition,
    // not the housing registration — unless the paper is already in hand.
    groups: [LOW_INCOME, CERTIFY],
    // A poor household's certificate is its own record ("xin công nhận hộ nghèo, thu nhập thấp").
    unless: ['da co giay', 'co giay roi', 'da duoc xac nhan', 'da xac nhan', 'ho ngheo', 'can ngheo', 'thoat ngheo'],
    anchor: 0,
    expansion: 'công nhận người lao động có thu nhập thấp xác nhận',
  },
  {
    // A household's planted or production forest turned to a farm or an orchard: the change of
    // the forest's use for an individual.
    groups: [OWN_FOREST, OTHER_USE],
    unless: ['giao rung', 'thue rung', 'khai thac', 'thiet hai', 'vay'],
    expansion: 'chuyển mục đích sử dụng rừng sang mục đích khác đối với cá nhân',
  },
  {
    // A household put on or taken off the list at the village's yearly review ("đợt bình xét cuối
    // năm ở ấp em xin vô diện cận nghèo"): the periodic recognition, not the request any time.
    groups: [POOR, YEARLY_REVIEW],
    unless: NOT_WAITING,
    expansion: 'công nhận hộ nghèo hộ cận nghèo hộ thoát nghèo định kỳ hằng năm',
  },
  {
    // One of the village's mediation team, or the team's head, hurt, paid, chosen or leaving
    // ("bác ở tổ giảng hòa đi can một vụ cãi nhau bị xô té"): the mediator's own records, not the
    // mediation of the land dispute the story tells — unless that mediation failed.
    groups: [MEDIATOR],
    unless: ['khong thanh', 'khong xong', 'bat thanh', 'nop don', 'thuong mai'],
    expansion: 'hòa giải viên tổ hòa giải ở cơ sở cấp xã',
  },
  {
    // A work injury or occupational disease compensated already that came back or grew worse
    // ("bụi phổi đã giám định, giờ nặng hơn, xin khám lại"): the recurrence's record — unless a new
    // accident is told ("lại bị … lần nữa": the one after a first).
    groups: [INJURY_HAD, WORSE],
    unless: AGAIN,
    anchor: 1,
    expansion: 'hưởng chế độ tai nạn lao động bệnh nghề nghiệp do thương tật bệnh tật tái phát',
  },
  {
    // Compensated once already and hurt again at work ("đã hưởng trợ cấp vì mất hai ngón tay, nay
    // lại bị điện giật lần nữa"): the record for a new accident after a first.
    groups: [['da huong', 'da duoc huong', 'da nhan tro cap', 'da giam dinh', 'da bi tai nan', 'benh nghe nghiep'], AGAIN],
    unless: ['tai phat'],
    expansion: 'đã bị tai nạn lao động bệnh nghề nghiệp nay tiếp tục bị tai nạn lao động',
  },
  {
    // A sword, a spear or an old gun kept on the altar or the wall ("súng hỏa mai ông nội để lại"):
    // the declaration of a rudimentary weapon kept as a relic.
    groups: [OLD_WEAPON, KEPT],
    // A hunting gun or a licence to use one is the province police's (a firearm, not a relic).
    unless: ['mua ban', 'ban lai', 'san ban', 'tu che', 'sung san', 'giai phep'],
    expansion: 'khai báo vũ khí thô sơ là hiện vật trưng bày làm đồ gia bảo',
  },
  {
    // Pigs or poultry lost to an epidemic and culled ("thú y tới chôn hết, nhà nước bù bao nhiêu"):
    // the support to a farm hurt by an animal epidemic — not an insurance bought for the herd.
    groups: [HERD_SICK, HERD_LOST],
    unless: ['bao hiem', 'tiem phong', 'kiem dich'],
    expansion: 'hỗ trợ cơ sở sản xuất bị thiệt hại do dịch bệnh động vật',
  },
  {
    // pass 25: the epidemic said only as the cause, the herd named ("thú y xã lập biên bản chôn 40
    // con heo nái của tôi vì dịch"): the same support — not a shop or a crop hurt by an epidemic.
    groups: [FOR_EPIDEMIC, HERD, HERD_LOST],
    unless: ['bao hiem', 'tiem phong', 'kiem dich', 'covid', 'corona', 'cua hang', 'kinh doanh', 'lua', 'cay trong', 'hoa mau'],
    expansion: 'hỗ trợ cơ sở sản xuất bị thiệt hại do dịch bệnh động vật',
  },
  // pass 22: a farm's land put to another crop or to visitors
  ...FARM_TOLD,
  // pass 23: a river boat's registration told
  ...BOAT_TOLD,
  // pass 23: a forest felled, a death while insured, a vehicle without plates or scrapped
  ...LOSSES_TOLD,
  // pass 23: a cooperative's registration told
  ...COOP_TOLD,
  // pass 24: a translation, a land-use fee paid off, a permit torn, the card, rehabilitation, a foreign parent
  ...FIELDS_TOLD,
  // pass 25: a mediator's pay
  ...GRASSROOTS_TOLD,
  // pass 26: a wharf opened or closed, herbs under a forest, a household's health card, a shop's months shut
  ...VILLAGE_TOLD,
  // pass 27: a boat never registered, an irrigation permit running out, a road's way out, a shop's paper spoilt, one's own pension, a tree felled
  ...HAMLET_TOLD,
];
