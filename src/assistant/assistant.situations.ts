/**
 * Situations a citizen tells instead of naming the procedure (`SITUATIONS`, matched on the folded
 * question by `matchSituations`), apart from the word-for-word synonyms of assistant.synonyms.ts.
 */
import { fold, syllables } from '../shared/vietnamese';
import { contentSyllables, type SynonymMatch } from './assistant.synonyms';
import { RESIDENCE_TOLD } from './assistant.residence-told';
import { WARD_STORIES } from './assistant.ward-stories';
import { CIVIL_REGISTER_TOLD } from './assistant.civil-register';
import {
  LOST,
  REGISTER,
  EXPIRED,
  WRONG,
  LAND_PAPER,
  SHOP,
  ALTER,
  BUILDING_PART,
  CERTIFIED,
  CONTRACT,
  CERTIFIED_SAID,
  SLIP,
  NEVER_BORN_REGISTERED,
  NEVER_REGISTERED_TOLD,
  ADULT_PAPERS,
  BABY,
  PARENT_MISSING,
  ACKNOWLEDGE,
  CHANGED_ALREADY,
  CANNOT_COME,
  MOBILE_ACTS, AT_HOME_ACT,
  NEWBORN,
  NOT_YET_REGISTERED,
  VISITING,
  LATE,
  FOREIGNER,
  BORN_ABROAD,
  NOT_PLAIN_BIRTH,
  REFUSE_SHARE,
  CARD_LOST,
  ID_CARD,
  CIVIL_CHANGE,
  CERTIFICATE_HELD,
  NAME_ADDED,
  REGISTER_KEPT,
} from './assistant.situation-words';
import { COMMUNE_TOLD } from './assistant.commune-told';


/**
 * Situations told rather than named: every group must have a phrase in the question (and no
 * `unless` phrase may be there); the question then also means the catalogue's words. "Giấy khai
 * sinh bị cháy, sổ hộ tịch cũng không còn" is a re-registration; "vừa khai sinh vừa nhận cha" the
 * combined procedure; "cán bộ có đến nhà…" a mobile registration (lưu động); a child born abroad
 * a birth registration with a foreign element.
 */
export interface Situation {
  groups: string[][];
  /** Phrases whose words the expansion also stands for, when present (the story around it). */
  also?: string[];
  unless?: string[];
  /** Phrases that only tell the story when the situation holds: they weigh little. */
  story?: string[];
  /**
   * The group whose phrases the expansion stands for (default: every group's). The others only
   * make the situation: "khai sinh" of "bị liệt, làm khai sinh" stays the birth's word.
   */
  anchor?: number;
  expansion: string;
}

/** A foreigner in the family or the house, told rather than named (issue 15, pass 16). */
const FOREIGN_SITUATIONS: Situation[] = [
  {
    // A foreigner staying at one's home or in one's room to let: the temporary-stay declaration
    // for foreigners (phiếu khai báo tạm trú), not the citizen's temporary residence — unless the
    // question is about the immigration office's residence card or a visa.
    groups: [FOREIGNER, ['tam tru', 'thue phong', 'thue nha', 'o tro', 'o nho', 'luu tru', ...VISITING]],
    unless: ['the tam tru', 'visa', 'thi thuc', 'gia han', 'ket hon', 'khai sinh', 'khai tu', 'con nuoi', 'lao dong', 'giai phep'],
    expansion: 'khai báo tạm trú cho người nước ngoài',
  },
  {
    // A foreigner who died here, on a holiday too ("khách du lịch người Pháp qua đời"): the
    // foreign-element death registration.
    groups: [FOREIGNER, ['khai tu', 'qua doi', 'tu vong', 'tu tran', 'bao tu', 'chung tu']],
    unless: ['ve nuoc', 've viet nam', 'dinh cu'],
    expansion: 'có yếu tố nước ngoài',
  },
];

/** A pension or a monthly benefit of social insurance, as citizens name it. */
const PENSION = ['luong huu', 'tien huu', 'tro cap hang thang', 'tro cap bao hiem', 'tro cap that nghiep', 'che do bao hiem', 'tien bao hiem xa hoi'];
/** Someone who died (the arrears of a dead person's pension are another record). */
const PENSIONER_DIED = ['da mat', 'vua mat', 'mat roi', 'qua doi', 'chet', 'tu tran', 'tu vong', 'mat nam', 'mat thang',
  // what is left unpaid at a death ("còn mấy tháng chưa lĩnh", "bưu điện chưa trả tháng đó")
  'chua linh', 'chua lanh', 'chua nhan', 'chua tra', 'truy linh'];
/** Collecting for someone else. */
const FOR_SOMEONE = ['linh thai', 'lanh thai', 'nhan thai', 'lanh gium', 'lanh giup', 'linh gium', 'linh giup', 'nhan gium', 'nhan giup', 'uy quyen',
  // the southern "dùm", and "hộ" (pass 19)
  'lanh dum', 'linh dum', 'nhan dum', 'lanh ho', 'linh ho', 'nhan ho'];

/** How a pension is paid and who collects it (issue 15, pass 16). */
const PENSION_SITUATIONS: Situation[] = [
  {
    // Paid in cash at the post office, wanted on a bank card, or the other way round, or the
    // account, telephone or address it is paid with changed: the change of how it is collected.
    groups: [PENSION, ['the atm', 'atm', 'the ngan hang', 'tai khoan', 'stk', 'so tai khoan', 'chuien khoan', 'tien mat', 'buu dien', 'buu cuc', 'doi so dien thoai', 'doi dia chi', 'thai doi dia chi', 'thai doi so dien thoai']],
    unless: [...PENSIONER_DIED, ...FOR_SOMEONE, 'tinh khac', 've que', 'noi khac', 'dia ban khac', 'huien khac', 'nuoc ngoai', 'dinh cu'],
    expansion: 'lĩnh bằng tiền mặt chuyển sang lĩnh bằng tài khoản cá nhân',
  },
  {
    // Collected by a relative for someone too old or ill to go: the authorisation to collect it.
    groups: [PENSION, [...FOR_SOMEONE, ...CANNOT_COME]],
    unless: PENSIONER_DIED,
    expansion: 'ủy quyền lĩnh thay',
  },
];
/** A contract said to be certified or signed at the commune, in everyday words too (pass 16). */
const CERTIFIED_TOLD = [...CERTIFIED_SAID, 'da dong dau', 'dong dau o xa', 'dong dau o phuong', 'ra uy ban ki', 'ki o uy ban', 'ki tai uy ban', 'xa chung thuc', 'phuong chung thuc',
  // pass 19: sealed or signed at the commune, said of the commune ("ủy ban đóng dấu", "xã chứng rồi", "làm ở xã")
  'uy ban dong dau', 'xa dong dau', 'phuong dong dau', 'duoc dong dau', 'xa chung', 'phuong chung', 'ki o xa', 'ki o phuong', 'lam o xa', 'lam o phuong', 'lam tai xa', 'lam tai phuong'];
/** What the parties do to a contract signed already: add a term, change their mind, drop it (pass 16). */
const CHANGE_DEAL = ['them mot dieu khoan', 'them dieu khoan', 'them dieu kien', 'ghi them', 'doi y', 'khong mua nua', 'khong ban nua', 'rut lui', 'thai doi noi dung', 'bo giai do',
  // pass 19: a gift taken back, a price or an area changed ("muốn rút lại", "đổi giá thuê", "sửa diện tích")
  'rut lai', 'khong cho nua', 'khong tang nua', 'doi gia', 'sua gia', 'tang gia', 'giam gia', 'sua dien tich', 'doi dien tich', 'sua lai', 'huy', 'huy bo'];
/** What makes a child taken another procedure than the adoption, or names the adoption already (pass 16). */
const ADOPTION_UNLESS = ['con nuoi', 'giam ho', 'tro cap', 'ho tro', 'cham dut', 'nuoc ngoai', 'khai sinh cho', 'dang ki lai'];

/** Situations of the ward's certification, residence, identity, welfare and business procedures (pass 13). */
const WARD_SITUATIONS: Situation[] = [
  // Gone to work far away: the temporary absence's notice — unless the question asks another
  // paper, and the absence only tells the story ("con cái đi làm ăn xa, mẹ muốn làm di chúc").
  {
    groups: [['di lam an xa']],
    unless: ['di chuc', 'can cuoc', 'chung minh', 'that nghiep', 'tro cap', 'ho tich', 'dan toc', 'giam ho', 'khai sinh', 'ket hon', 'khai tu', 'uy quyen', 'chung thuc', 'cong chung'],
    expansion: 'khai báo tạm vắng',
  },
  {
    // A relative raising a child whose parents died or are gone ("bố mẹ cháu mất, tôi đang nuôi
    // cháu, muốn đứng ra lo giấy tờ"): the guardianship — not an adoption, nor a benefit.
    groups: [
      ['bo me chau', 'cha me chau', 'ba ma chau', 'bo me no', 'cha me no', 'ba ma no', 'bo me thang nho', 'bo me con be', 'bo me be', 'cha me be', 'ba ma be', 'cha me con be'],
      ['mat', 'qua doi', 'biet tich', 'mat tich', 'bo di', 'bo roi', 'di tu', 'o tu'],
      ['nuoi chau', 'nuoi no', 'nuoi thang nho', 'nuoi con be', 'nuoi be', 'trong chau', 'cham soc chau', 'dung ra', 'dung ten lo', 'lo cho chau',
        // pass 19: standing for the child in law, told without the word ("chịu trách nhiệm pháp lý cho cháu", "thay mặt", "trông nom")
        'chiu trach nhiem', 'trach nhiem phap ly', 'thay mat', 'dai dien', 'trong nom'],
    ],
    unless: ['con nuoi', 'nhan nuoi', 'nhan lam con', 'thanh con', 'con chinh thuc', 'tro cap', 'ho tro', 'khai tu', 'chia', 'thua ke', 'ket thuc', 'cham dut', 'khai sinh'],
    expansion: 'đăng ký giám hộ',
  },
  // Staying in someone's house for years ("ở nhờ nhà cô ruột vài năm"): a temporary residence, not a visit's notice.
  { groups: [['o nho'], ['vai nam', 'may nam', 'mot nam', 'hai nam', 'ba nam', 'lau dai', 'vai thang', 'may thang', 'di lam', 'di hoc']], unless: ['hom', 'ngai', 'tuan'], expansion: 'đăng ký tạm trú' },
  // An heir giving up their share ("không muốn nhận phần đất bố để lại, nhường cho anh"): the refusal of the estate.
  { groups: [REFUSE_SHARE, ['de lai', 'thua ke', 'di san', 'phan cua minh', 'phan dat', 'phan nha']], expansion: 'từ chối nhận di sản' },
  {
    // The heirs agreeing how to divide what the dead left ("ông bà mất, mấy chú bác chia vườn"):
    // the division of the estate — not when they quarrel (the conciliation) or one refuses.
    groups: [['da mat', 'mat roi', 'mat nam', 'mat khong', 'mat de lai', 'deu mat', 'bo mat', 'me mat', 'cha mat', 'ba mat', 'ong mat', 'noi mat', 'ngoai mat', 'qua doi', 'chet', 'de lai'], ['chia', 'chia deu', 'lai phan nao', 'chia phan', 'phan chia', 'ai giu', 'ai lai']],
    unless: [...REFUSE_SHARE, 'hoa giai', 'tranh chap', 'cai nhau', 'khieu nai', 'toa an', 'kien', 'khai tu'],
    expansion: 'văn bản phân chia di sản',
  },
  {
    // A dead (or declared dead) person's name still in the household: the removal of the permanent residence.
    groups: [['ho khau', 'trong ho', 'khoi ho', 'so ho', 'chu ho', 'noi thuong tru'], ['con ten', 'xoa ten', 'gach ten', 'bo ten', 'cat ten']],
    unless: ['kinh doanh', 'tam tru', 'ngheo', 'can ngheo'],
    expansion: 'xóa đăng ký thường trú',
  },
  {
    // Someone left a rented room for good ("trả phòng", "nghỉ việc về quê"), their temporary residence still there.
    groups: [['tam tru', 'o tam', 'cu tru tam'], ['tra phong', 've que', 'nghi viec', 'chuyen di', 'khong o nua', 'di nuoc ngoai', 'da di', 'don di']],
    unless: ['gia han', 'het han', 'dang ki tam tru cho', 'cho moi', 'noi moi'],
    expansion: 'xóa đăng ký tạm trú',
  },
  {
    // pass 17: a temporary residence near its end and the stay going on ("tới tháng sau là hết 2
    // năm", "còn một tuần nữa, em vẫn thuê trọ tiếp"): its extension, not a new registration.
    groups: [['tam tru'], ['o tiep', 'o lai tiep', 'thue tiep', 'tiep tuc o', 'tiep tuc thue', 'o them', 'het 2 nam', 'het hai nam', 'du 2 nam', 'sap het', 'con mot tuan', 'con 1 tuan', 'con vai ngai', 'con may ngai', 'den han', 'toi han', 'van thue', 'van o lai', 'o day tiep', 'tro tiep', 'van con thue', 'van con o', 'van cho o', 'nua la het']],
    unless: ['tra phong', 've que', 'chuyen di', 'khong o nua', 'da di', 'xoa', 'cho moi', 'noi moi', 'nguoi nuoc ngoai'],
    expansion: 'gia hạn tạm trú',
  },
  {
    // A first identity card: never had one ("chưa bao giờ làm căn cước", "chưa có chứng minh").
    groups: [ID_CARD, ['chua lam', 'chua co', 'chua tung', 'chua bao gio', 'lan dau']],
    unless: [...LOST, 'doi', 'cap lai', 'lam lai', 'het han', 'tai khoan', 'dinh danh', 'khai sinh'],
    expansion: 'cấp thẻ căn cước',
  },
  {
    // A young person with no card at all ("18 tuổi chưa có cái thẻ nào", "đưa cháu 10 tuổi đi làm
    // thẻ"): the first identity card (the age then chooses over or under 14).
    groups: [['chua co the', 'chua co cai the', 'chua lam the', 'di lam the', 'can co the', 'lam the cho'], ['tuoi', 'hoc sinh', 'lop', 'tron muoi', 'muoi bon', 'muoi lam', 'muoi sau', 'muoi bai', 'muoi tam']],
    unless: ['bao hiem', 'bhit', 'ngan hang', 'atm', 'tin dung', 'tam tru', 'sinh vien', 'thu vien', 'the xe', 'xe buit', 'dinh danh', 'tai khoan'],
    expansion: 'cấp thẻ căn cước',
  },
  {
    // A shop told it must have (or still lacks) its registration: the household business's registration.
    groups: [['giai phep kinh doanh', 'giai dang ki kinh doanh', 'dang ki kinh doanh', 'dang ki ho kinh doanh'], ['chua co', 'phai co', 'can co', 'chua dang ki', 'nen dang ki', 'bat dang ki', 'phai dang ki']],
    unless: ['thai doi', 'doi ten', 'cham dut', 'tam ngung', 'cap lai', 'doanh nghiep', 'cong ti', 'hop tac xa'],
    expansion: 'đăng ký thành lập hộ kinh doanh',
  },
  {
    // An identity card lost, swept away or left behind, said in any order ("thẻ căn cước cũng mất").
    // Unmarked "mat" is also "mặt" (a face changed since the photo): only "mất" said as a loss.
    groups: [ID_CARD, [...CARD_LOST]],
    unless: ['het han', 'doi the', 'cap doi', 'mat tien'],
    expansion: 'cấp lại thẻ căn cước',
  },
  {
    // An identity card worn out (torn, stained, its photo faded): exchanged.
    groups: [ID_CARD, ['rach', 'bi rach', 'o mo', 'mo anh', 'bi o', 'hong chip', 'cu nat',
      // pass 17: broken, bent or peeling, its photo or print faded ("gãy góc, ảnh mờ hết")
      'gai goc', 'gai mot goc', 'anh mo', 'mo het', 'mo chu', 'bi mo', 'bong troc', 'bi bong', 'cong venh', 'bi cong', 'tray xuoc', 'nut']],
    unless: CARD_LOST,
    expansion: 'cấp đổi thẻ căn cước',
  },
  {
    // pass 17: the card named only as "thẻ" at the age it must be changed ("40 tuổi, thẻ đến hạn
    // đổi"): the exchange.
    groups: [['du 25 tuoi', 'du 40 tuoi', 'du 60 tuoi', '25 tuoi', '40 tuoi', '60 tuoi', 'tron 25', 'tron 40', 'tron 60'], ['doi the', 'doi sang the', 'the moi', 'the gan chip', 'the den han', 'the het han', 'den han doi', 'toi han doi', 'phai doi the', 'gia tri den']],
    unless: [...CARD_LOST, 'bao hiem', 'bhit', 'ngan hang', 'atm', 'bang lai', 'giai phep lai xe', 'ho chieu', 'tam tru'],
    expansion: 'cấp đổi thẻ căn cước',
  },
  {
    // pass 17: a new member of the household said so ("thêm thành viên mới vào hộ", "con dâu về ở"):
    // the permanent residence registration; a newborn said so is the birth's (the next entry).
    groups: [['them thanh vien', 'them nguoi vao ho', 'them ten vao ho', 'them nhan khau'], ['vao ho', 'ho khau', 'nhap', 've o', 'o chung', 'con dau', 'con re', 'thuong tru', 'so ho']],
    unless: ['cong ti', 'hop tac', 'gop von', 'sieu thi', 'moi sinh', 'vua sinh', 'em be', 'so sinh', 'khai sinh'],
    expansion: 'đăng ký thường trú',
  },
  {
    // pass 17: a baby told as "thêm thành viên mới" ("nhà vừa có thêm thành viên mới được 10 ngày"):
    // the birth registration.
    groups: [['them thanh vien', 'them mot thanh vien', 'them mot thanh vien moi'], ['ngai', 'em be', 'moi sinh', 'vua sinh', 'so sinh', 'be', 'thang tuoi', 'chao doi', 'khai sinh', 'giai to cho chau', 'giai to cho be']],
    unless: ['cong ti', 'hop tac', 'gop von', 'sieu thi', 'con dau', 'con re', 'nhap', 'vao ho'],
    expansion: 'đăng ký khai sinh',
  },
  {
    // One's data in the national population database missing, outdated or mixed up with another's.
    groups: [['vneid', 'dinh danh', 'du lieu quoc gia', 'co so du lieu'], ['khong thai ten', 'khong co ten', 'chua co thong tin', 'chua cap nhat', 'van ghi', 'bi trung', 'trung voi', 'lan lon', 'dau sai', 'co dau sai']],
    unless: ['the can cuoc', 'cap doi', 'doi the', 'tai khoan'],
    expansion: 'điều chỉnh thông tin trong cơ sở dữ liệu quốc gia về dân cư',
  },
  {
    // A household leaving the list of the poor or near-poor ("rút khỏi diện cận nghèo").
    groups: [['ngheo', 'can ngheo'], ['ra khoi', 'rut khoi', 'bo ten', 'xoa ten', 'khong muon o dien', 'khong o dien', 'khong con ngheo', 'khong con can ngheo', 'khoi danh sach', 'khong con kho khan', 'rut ten', 'vuot chuan', 'khong nhan tro cap',
      // pass 19: "không còn là hộ nghèo nữa", "bỏ diện cận nghèo", the place given to another household
      'khong con la', 'bo dien', 'thoat dien', 'ra dien', 'nhuong suat', 'nhuong cho ho khac']],
    expansion: 'công nhận hộ thoát nghèo thoát cận nghèo',
  },
  {
    // Land never registered ("khai hoang từ năm 90", "chưa bao giờ có sổ"): its first registration and certificate.
    groups: [['dat', 'so do', 'so hong', 'giai chung nhan'], ['khai hoang', 'khai pha', 'phat rai', 'chua bao gio co so', 'chua tung co so', 'chua dang ki bao gio', 'chua bao gio dang ki', 'chua bao gio duoc cap', 'chua tung duoc cap', 'chua bao gio co giai']],
    unless: ['dang tranh chap', 'bi tranh chap', 'hoa giai', 'lan dat'],
    expansion: 'đăng ký đất đai cấp giấy chứng nhận lần đầu',
  },
  {
    // A shop's registered details changed: its name, capital, address or trade.
    groups: [SHOP, ['doi ten', 'doi cai ten', 'tang von', 'giam von', 'ban them', 'doi dia chi', 'dia chi cu', 'doi qua', 'doi sang', 'chuyen sang ban', 'chuyen han sang', 'nganh nghe', 'them nganh', 'doi mat hang', 'dia chi khac', 'dia diem khac', 'duong khac', 'don qua', 'don tiem']],
    unless: ['cham dut', 'tam ngung', 'tam nghi', 'dep', 'giai the', 'nghi han', 'xoa', 'hop tac xa', 'doanh nghiep', 'cong ti', 'chi nhanh'],
    expansion: 'thay đổi nội dung đăng ký hộ kinh doanh',
  },
  {
    // A shop closed for good ("tiệm dẹp rồi", "khai tử hộ kinh doanh", "xóa hẳn hộ kinh doanh").
    groups: [SHOP, ['dep', 'dep roi', 'khai tu', 'xoa ten', 'xoa han', 'nghi luon', 'khong lam nua', 'khong man nua', 'tra lai giai phep', 'tra giai phep', 'dong giai phep', 'khoa giai', 'khong ai ban', 'khong ban nua', 'dong han']],
    unless: ['tam ngung', 'tam nghi', 'nghi tam', 'tam dong'],
    expansion: 'chấm dứt hoạt động hộ kinh doanh',
  },
  // pass 16
  {
    // An identity card still showing what has changed since ("giấy khai sinh ghi tên mới mà thẻ
    // căn cước vẫn còn tên cũ"): the card exchanged.
    groups: [ID_CARD, ['ten cu', 'ho ten cu', 'ho ten truoc', 'ten truoc day', 'thong tin cu', 'dia chi cu', 'van mang', 'van con ten', 'van ghi ten', 'van in', 'ho cu', 'con in', 'theo ten moi', 'theo ho moi', 'theo ho ten moi']],
    unless: [...CARD_LOST, 'sai', 'nham', 'dinh danh', 'tai khoan'],
    expansion: 'cấp đổi thẻ căn cước',
  },
  {
    // A paper that one lives here ("giấy chứng minh tôi đang ở địa chỉ này", "giấy chứng nhận mình
    // ở đâu"): the confirmation of residence, not another paper about oneself.
    groups: [['chung minh', 'chung nhan', 'xac nhan', 'giai to', 'giai'], ['dang o tai', 'dang o dia chi', 'o dia chi nay', 'o tai dia chi', 'minh o dau', 'dang song o', 'dang o phuong', 'o phuong nay', 'noi dang o', 'sinh song o', 'dang sinh song']],
    unless: ['tam tru', 'ket hon', 'hon nhan', 'doc than', 'khai sinh', 'can cuoc', 'ngheo', 'thu nhap', 'chua co vo', 'chua co chong'],
    expansion: 'xác nhận thông tin về cư trú',
  },
  {
    // A shop about to open, asked with its papers ("mở tiệm sửa xe phải xin giấy không", "làm giấy
    // phép kinh doanh cho tiệm tóc"): the household business's registration.
    groups: [
      ['tiem', 'cua hang', 'cua tiem', 'tap hoa', 'shop', 'sap', 'quan an', 'quan com', 'quan nuoc', 'quan ca phe', 'quan cafe', 'ca phe coc', 'quan nhau', 'quan bun', 'quan pho', 'xe day', 'buon ban', 'ban hang'],
      ['mo tiem', 'mo quan', 'mo sap', 'mo cua hang', 'mo shop', 'mo them', 'tinh mo', 'dinh mo', 'muon mo', 'sap mo', 'lam giai phep kinh doanh', 'xin giai phep kinh doanh', 'giai kinh doanh', 'lam giai kinh doanh', 'xin giai kinh doanh'],
    ],
    unless: ['thai doi', 'doi ten', 'cham dut', 'tam ngung', 'tam nghi', 'cap lai', 'dep', 'giai the', 'doanh nghiep', 'cong ti', 'hop tac xa', 'xai', 'ruou', 'thuoc la', 'karaoke', 'xang', 'an toan thuc pham', 've sinh an toan'],
    expansion: 'đăng ký thành lập hộ kinh doanh',
  },
  {
    // A temporary residence reaching its end while the stay goes on ("tạm trú ghi đến cuối tháng
    // này, chủ nhà vẫn cho ở", "giấy ở tạm đến hạn cuối"): its extension, not a new registration.
    groups: [['tam tru', 'o tam', 'cu tru tam'], ['den han', 'han cuoi', 'het thoi han', 'them thoi han', 'keo dai', 'qua han', 'sap het', 'sap du', 'ghi den', 'den cuoi thang', 'het han']],
    unless: ['xoa', 'chuyen di', 'tra phong', 've que', 'khong o nua', 'don di', 'the tam tru', 'nguoi nuoc ngoai', 'ho chieu', 'thi thuc', 'visa'],
    expansion: 'gia hạn tạm trú',
  },
  {
    // A certified contract the parties now change or drop, said in everyday words ("đã đóng dấu ở
    // xã, nay muốn ghi thêm điều kiện", "ra ủy ban ký giấy, giờ bên kia đổi ý"): the change of a
    // certified transaction, not a new certification.
    groups: [[...CONTRACT, 'ki giai', 'giai sang ten', 'giai cho thue', 'giai thue', 'hd'], CERTIFIED_TOLD, CHANGE_DEAL],
    unless: [...SLIP, 'loi'],
    story: CERTIFIED_TOLD,
    expansion: 'chứng thực việc sửa đổi bổ sung hủy bỏ giao dịch',
  },
  {
    // A child taken to be one's own ("nhận cháu làm con chính thức", "xin một bé về nuôi"): the adoption.
    groups: [['thanh con', 'con chinh thuc', 've lam con']],
    unless: ADOPTION_UNLESS,
    expansion: 'đăng ký việc nuôi con nuôi',
  },
  {
    groups: [['ve nuoi', 'xin nuoi', 'nhan nuoi'], ['be', 'em be', 'dua be', 'chau', 'dua tre', 'thang nho', 'con nho', 'con be', 'mo coi', 'bi bo roi', 'so sinh']],
    unless: [...ADOPTION_UNLESS, 'xac nhan nuoi'],
    expansion: 'đăng ký việc nuôi con nuôi',
  },
];

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
const EVENT_ASK = ['giai to', 'lam giai', 'giai', 'thu tuc', 'dang ki', 'bao', 'khai bao', 'trinh bao', 'bao tu', 'lam gi', 'nop'];
/** A wedding told rather than named: two people becoming husband and wife ("về chung một nhà", "rước dâu"). */
const WEDDING = [
  'thanh vo chong', 'lam vo chong', 've chung mot nha', 've chung nha', 've mot nha', 'ruoc dau', 'dam hoi', 'an hoi', 'dam ngo', 'to chuc cuoi', 'sap cuoi', 'chuan bi cuoi',
  'tinh cuoi', 'cuoi nhau', 'lai nhau', 'ket doi', 'nen duien', 'thanh duien',
];

/** Life events told instead of the registration's name: a death in the family, a wedding (pass 16). */
const TOLD_EVENTS: Situation[] = [
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

export const SITUATIONS: Situation[] = [
  // The register still kept ("sổ gốc vẫn lưu ở phường"): a copy is issued from it, no re-registration.
  { groups: [LOST, REGISTER], unless: ['van luu', 'van con luu', 'van con so', 'van dang luu', 'van giu', 'con nguyen', 'van con nguyen', ...REGISTER_KEPT], also: ['chai', 'that lac', 'moi an', 'lu cuon', 'khong con'], expansion: 'đăng ký lại' },
  {
    groups: [['khai sinh', 'giai khai sinh'], ['nhan cha', 'nhan me', 'nhan con', 'ten bo', 'ten cha', 'ten me', 'nhan bo']],
    also: ['vua', 'dong thoi', 'cung luc', 'luon', 'kem'],
    unless: ['da co giai khai sinh', 'da co khai sinh', 'da khai sinh', 'da lam khai sinh', 'da dang ki khai sinh', ...PARENT_MISSING],
    expansion: 'đăng ký khai sinh kết hợp đăng ký nhận cha mẹ con',
  },
  {
    // A birth certificate that lacks a parent's name, and that parent now acknowledging the child
    // ("khai sinh chỉ có tên má, giờ ba nó muốn nhận nó"): the acknowledgement on its own, not the
    // birth registration combined with it (a newborn's first certificate).
    groups: [PARENT_MISSING, ACKNOWLEDGE],
    unless: BABY,
    story: PARENT_MISSING,
    expansion: 'đăng ký nhận cha mẹ con',
  },
  {
    // A change of name, date or origin made already, and a paper now asked to show it ("đã cải
    // chính ngày sinh, giờ cơ quan đòi giấy xác nhận"): the confirmation of the civil-status
    // record, not the change again.
    groups: [CHANGED_ALREADY, ['xac nhan', 'giai chung minh', 'van ban']],
    // Another confirmation asked after the change (marital status, residence) is that one.
    unless: ['tinh trang hon nhan', 'doc than', 'cu tru', 'tam tru', 'thuong tru'],
    story: CHANGED_ALREADY,
    expansion: 'xác nhận thông tin hộ tịch',
  },
  {
    // Too ill or disabled to come ("đi lên xã không nổi", "bị bại liệt") for a birth, marriage or
    // death: the mobile registration, even unnamed.
    groups: [CANNOT_COME, MOBILE_ACTS],
    anchor: 0,
    also: ['xuong nha', 'den nha', 'ghe nha', 'tan nha'],
    expansion: 'lưu động',
  },
  {
    // The birth is registered already: the father or mother now acknowledges the child.
    groups: [['da co giai khai sinh', 'da co khai sinh', 'da khai sinh', 'da lam khai sinh', 'da dang ki khai sinh'], ['nhan cha', 'nhan me', 'nhan con', 'nhan bo', 'ten bo', 'ten cha', 'ten me',
      // pass 17: the father named "as" the father ("ghi tên làm cha cho đứa nhỏ đã có khai sinh")
      'lam cha', 'lam bo']],
    story: ['da co giai khai sinh', 'da co khai sinh', 'da khai sinh', 'da lam khai sinh', 'da dang ki khai sinh'],
    expansion: 'đăng ký nhận cha mẹ con',
  },
  {
    // A certificate the child has, told by whose it is or what it bears, and a parent's name put
    // into it or the child acknowledged ("ổng muốn ghi tên vô giấy khai sinh của con tui", "khai
    // sinh mang họ mẹ, giờ bố mới chịu nhận cháu"): the acknowledgement, not the combined birth
    // registration — not a slip corrected, a copy asked, a newborn's certificate or an adoption.
    groups: [CERTIFICATE_HELD, NAME_ADDED],
    // (A certificate told "đã có" or lacking a parent's name is the situations' above.)
    unless: [...PARENT_MISSING, 'da co giai khai sinh', 'da co khai sinh', 'da khai sinh', 'da lam khai sinh', 'da dang ki khai sinh', ...SLIP, ...BABY, ...CHANGED_ALREADY, 'ban sao', 'trich luc', 'con nuoi', 'nhan nuoi', 'doi ho', 'doi ten', 'chua co giai khai sinh', 'chua co khai sinh', 'chua lam khai sinh', 'chua dang ki khai sinh'],
    story: CERTIFICATE_HELD,
    expansion: 'đăng ký nhận cha mẹ con',
  },
  {
    // A parent by blood found or named, and the bond to be made lawful ("ba ruột tìm được tôi, muốn
    // làm giấy tờ là cha con"): the acknowledgement, not another registration of the grown child.
    groups: [['cha ruot', 'ba ruot', 'bo ruot', 'me ruot', 'ma ruot', 'cha de', 'me de',
      // pass 19: "người cha thật của mình"
      'cha that', 'bo that', 'ba that', 'me that', 'ma that'], ['nhan cha', 'nhan me', 'nhan con', 'nhan lai', 'nhan toi', 'nhan nhau', 'la cha con', 'la me con', 'cha con', 'me con']],
    unless: ['thua ke', 'di chuc', 'di san', 'qua doi', 'mat roi', 'da mat', 'giam ho'],
    expansion: 'đăng ký nhận cha mẹ con',
  },
  {
    // A slip in a civil-status paper ("khai sinh ghi nhầm giới tính", "giấy ghi Ngộc thay vì Ngọc")
    // or a line left blank ("bỏ trống ô nguyên quán"): its correction or completion — unless the
    // parent's name is what lacks (an acknowledgement), or the change is done and a paper asked.
    groups: [['giai khai sinh', 'to khai sinh', 'khai sinh', 'trich luc', 'giai ket hon', 'hon thu', 'giai chung tu', 'ho tich', 'giai ghi'], [...SLIP, 'bo trong', 'de trong', 'khong ghi', 'chua ghi', 'ghi thieu']],
    // The slip in another paper compared with the birth certificate ("căn cước in sai ngày sinh, khác giấy
    // khai sinh") is that paper's.
    unless: [...PARENT_MISSING, ...ACKNOWLEDGE, ...CHANGED_ALREADY, 'ban sao', 'sao i', 'chung thuc', ...ID_CARD, 'chung minh', ...LAND_PAPER, 'bang lai', 'ho chieu', 'bao hiem', 'bhxh', 'hoc ba', 'bang tot nghiep'],
    expansion: 'cải chính bổ sung thông tin hộ tịch',
  },
  {
    // A guardianship ending for one of the law's reasons, told rather than named: the ward come of
    // age or recovered, a parent back to care, the guardian no longer able ("cháu đủ 18 tuổi, tôi
    // thôi làm giám hộ", "ông bà xin thôi trông coi cháu vì mẹ cháu đã về"): its end, not a new one.
    groups: [
      ['giam ho', 'trong coi', 'do dau', 'trong nom'],
      ['thanh nien', 'du 18 tuoi', 'du tuoi', 'tron 18 tuoi', 'len 18 tuoi', 'binh phuc', 'khoi benh', 'khoi phuc nang luc', 'da ve', 've roi', 'khong con suc', 'khong du suc', 'xin thoi', 'muon thoi', 'thoi lam', 'thoi trong', 'rut ten', 'ket thuc', 'cham dut',
        // pass 19: come of age said with the figure alone, the guardian's name taken off ("nay đủ 18", "xóa tên mình khỏi vai trò")
        'du 18', 'tron 18', 'xoa ten', 'khoi vai tro', 'thoi vai tro'],
    ],
    anchor: 1,
    expansion: 'chấm dứt giám hộ',
  },
  {
    // Someone who lost the capacity to act for themselves, and a relative standing for them ("em
    // tôi bị tâm thần, tòa tuyên mất năng lực, chị ruột đứng ra trông coi"): the guardianship.
    groups: [['mat nang luc', 'mat nang luc hanh vi', 'han che nang luc', 'tam than', 'benh than kinh', 'thieu nang tri tue'], ['trong coi', 'dung ra', 'dung ten', 'cham soc', 'chiu trach nhiem', 'dai dien', 'lo giai to', 'quan li tai san',
      // pass 19: "người trông nom bà theo pháp luật", "thay mặt em"
      'trong nom', 'thay mat']],
    unless: ['khoi benh', 'binh phuc', 'thoi', 'ket thuc', 'cham dut', 'huy quyet dinh'],
    expansion: 'đăng ký giám hộ',
  },
  {
    // A copy of a civil-status paper asked again ("lấy lại bản sao giấy kết hôn", "xin thêm trích
    // lục khai tử"): a copy from the register, not a re-registration — unless the register is gone
    // or no copy could be had from it ("sổ hư hỏng", "xin trích lục thì tra không ra").
    groups: [['giai khai sinh', 'khai sinh', 'giai ket hon', 'ket hon', 'hon thu', 'giai chung tu', 'chung tu', 'khai tu', 'trich luc'], ['ban sao', 'trich luc']],
    // A copy certified from the original one holds ("chứng thực bản sao giấy khai sinh", "vẫn giữ
    // bản gốc") is the certification's (a notary asking for the copy, "phòng công chứng đòi", is not).
    unless: ['khong con so', 'khong con luu', 'khong luu', 'so bi', 'so cung', 'so goc bi', 'so luu bi', 'so hu', 'tieu huy', 'huy hoai', 'khong xin duoc', 'tra khong ra',
      // pass 19: the register gone in other words ("xã tra sổ chẳng thấy", "quyển lưu tiêu tán")
      'chang thay', 'tra khong thay', 'tieu tan', 'muc nat', 'am muc', 'chang ai giu', 'khong ai giu', 'khong con giu', 'tra k ra', 'khong tra duoc', 'chung thuc', 'sao i', 'photo', 'giu ban goc', 'giu ban chinh', 'con ban goc', 'con ban chinh', 'co ban goc', 'co ban chinh', 'tu ban goc', 'tu ban chinh'],
    expansion: 'cấp bản sao trích lục hộ tịch',
  },
  {
    groups: [['den nha', 'tan nha', 'tan noi', ...AT_HOME_ACT, 'tai cho', 'xuong tan', 'den tan', 've tan', 'tan thon', 'tan ban', 'tan xom', 'cu nguoi', 'cu can bo', 'xuong nha', 'den tan noi', 'luu dong', 'ghe nha', 'ghe qua nha']],
    also: ['can bo', 'khuiet tat', 'nguoi khuiet tat', 'liet giuong', 'benh nang', 'om nang', 'gia yeu', 'khong di duoc', 'khong di lai duoc', 'neo don', 'vung sau', ...CANNOT_COME, 'dang om', 'o xa', 'trong rung', 'xom nui', 'vung nui'],
    // The citizen going there ("hay phải lên tận nơi?") is no official coming.
    unless: ['len tan noi', 'phai den tan noi', 'di tan noi'],
    expansion: 'lưu động',
  },
  {
    // A foreigner in the family: the same registration "có yếu tố nước ngoài" (commune level since 2025).
    groups: [
      FOREIGNER,
      ['ket hon', 'cuoi', 'lai chong', 'lai vo', 'khai tu', 'qua doi', 'chet', 'khai sinh', 'sinh con', 'nhan con', 'nhan cha', 'nhan me', 'giam ho', 'cai chinh', 'hon thu', 'bao tu', 'chung tu', 'con nuoi', ...CIVIL_CHANGE],
    ],
    unless: ['ve nuoc', 've viet nam', 'lao dong', 'xuat khau', 'di hoc', 'du hoc', 'du lich', 'dinh cu'],
    expansion: 'có yếu tố nước ngoài',
  },
  {
    groups: [BORN_ABROAD],
    also: ['ve nuoc', 've viet nam', 've vn', 'chua khai sinh', 'chua lam khai sinh', 'chua dang ki khai sinh'],
    expansion: 'đăng ký khai sinh có yếu tố nước ngoài',
  },
  {
    // An identity card past its date (or at the ages 25, 40, 60 it must be changed) is exchanged,
    // whatever stands between the card and "hết hạn" ("căn cước gắn chip hết hạn").
    groups: [['can cuoc', 'chung minh'], EXPIRED],
    unless: ['ho chieu', 'tam tru', 'giai phep'],
    expansion: 'cấp đổi thẻ căn cước',
  },
  {
    // A detail shown wrong in the VNeID application ("VNeID ghi sai ngày sinh so với giấy khai
    // sinh") is the population database's: its correction at the citizen's request, not the civil
    // status record the birth certificate names (every such labelled line of the tuning files).
    groups: [['vneid', 'app dinh danh', 'ung dung dinh danh'], WRONG],
    unless: ['the can cuoc', 'cap doi', 'doi the'],
    expansion: 'điều chỉnh thông tin trong cơ sở dữ liệu quốc gia về dân cư',
  },
  {
    // An identity card asked to be changed ("đổi"), whatever made it so: a new name, a face that
    // changed, a move, a worn card ("đổi tên rồi, giờ đổi căn cước theo tên mới", "ảnh trên căn
    // cước từ hồi 14 tuổi … đổi được không"): the exchange of the card, not the civil-status
    // correction the story names. Only "đổi" said with the card or with its modal words ("cần
    // đổi", "đổi được không"): unmarked "doi" is also "đôi" ("gãy đôi") or "đợi" ("chờ đợi").
    groups: [['can cuoc', 'cccd', 'cmnd'], ['doi can cuoc', 'doi the', 'doi cccd', 'doi cmnd', 'doi sang', 'doi moi', 'doi lai', 'doi duoc', 'can doi', 'phai doi', 'xin doi', 'muon doi', 'doi khong', 'doi nua']],
    unless: ['gai doi', 'gay doi', 'lam doi', 'cho doi', 'doi lau', 'bi mat', 'mat the', 'mat can cuoc', 'mat cccd', 'lam mat', 'danh mat', 'that lac', 'danh roi', 'bi chai', 'tich hop', 'cap nhat', 'nhom mau', 'ho chieu', 'bang lai', 'bao hiem', 'muc 2', 'dinh danh'],
    expansion: 'cấp đổi thẻ căn cước',
  },
  {
    // A contract certified already, now changed or undone ("hợp đồng mua bán xe đã chứng thực ở
    // xã, giờ hai bên muốn hủy"): the change of a certified transaction, not a new certification.
    groups: [CERTIFIED, ['huy', 'huy bo', 'sua', 'sua lai', 'sua doi', 'bo sung', 'them dieu khoan']],
    // An error in it is corrected by its own procedure (national: "sửa lỗi sai sót trong hợp đồng").
    unless: [...WRONG, 'loi'],
    story: CERTIFIED,
    expansion: 'chứng thực việc sửa đổi bổ sung hủy bỏ giao dịch',
  },
  {
    // The same told with the contract named and where it was certified or signed ("hợp đồng … có
    // chứng thực ở xã rồi, giờ muốn hủy", "ký ở xã rồi mà bên mua không mua nữa, hủy sao").
    groups: [CONTRACT, [...CERTIFIED_SAID, 'ki o xa', 'ki o phuong', 'ki tai xa', 'ki tai phuong', 'ra xa chung thuc', 'ra phuong chung thuc'], ['huy', 'huy bo', 'bo hop dong', 'sua doi', 'bo sung hop dong']],
    unless: [...SLIP, 'loi', ...CERTIFIED],
    story: [...CERTIFIED_SAID, 'ki o xa', 'ki o phuong', 'ki tai xa', 'ki tai phuong', 'ra xa chung thuc', 'ra phuong chung thuc'],
    expansion: 'chứng thực việc sửa đổi bổ sung hủy bỏ giao dịch',
  },
  {
    // A slip in a contract certified at the commune ("hợp đồng chứng thực ở xã ghi sai năm sinh",
    // "số thửa bị gõ nhầm"): corrected by its own procedure, not a new certification or a change
    // the parties agree (Nghị định 23/2015/NĐ-CP, Điều 39).
    groups: [CONTRACT, CERTIFIED_SAID, SLIP],
    story: CERTIFIED_SAID,
    expansion: 'sửa lỗi sai sót trong giao dịch',
  },
  {
    // A copy of a contract certified at the commune, asked from the copy the commune keeps
    // ("hợp đồng chứng thực ở xã bị mất, xin bản sao"): not a copy certified from an original in hand.
    groups: [CONTRACT, CERTIFIED_SAID, ['ban sao', 'sao i', 'ban luu', 'sao lai']],
    unless: [...SLIP, 'huy', 'huy bo', 'sua doi', 'bo sung'],
    story: CERTIFIED_SAID,
    expansion: 'cấp bản sao có chứng thực từ sổ gốc bản chính giao dịch đã được chứng thực',
  },
  {
    // The residence record still showing an old name, date or address ("đổi tên rồi mà thông tin cư
    // trú vẫn ghi tên cũ"): its details adjusted, not a new registration nor a confirmation.
    groups: [['thong tin cu tru', 'du lieu cu tru', 'thong tin thuong tru', 'thong tin tam tru'], [...SLIP, 'van ghi', 'con ghi', 'van la', 'chua cap nhat', 'chua doi', 'cap nhat lai', 'sua', 'dieu chinh']],
    unless: ['xac nhan', 'khai thac', 'trich xuat'],
    expansion: 'điều chỉnh thông tin về cư trú trong cơ sở dữ liệu về cư trú',
  },
  {
    // Insurance bought for a herd, a pond or a crop, with the State's help: the farm insurance
    // premium support (not social or health insurance).
    groups: [['bao hiem'], ['dan bo', 'con bo', 'nuoi bo', 'dan heo', 'nuoi heo', 'dan lon', 'nuoi lon', 'dan ga', 'nuoi ga', 'vat nuoi', 'nuoi tom', 'ao tom', 'cay lua', 'lua nha', 'vu lua', 'cay trong']],
    unless: ['bao hiem xa hoi', 'bao hiem i te', 'bao hiem that nghiep'],
    expansion: 'hỗ trợ phí bảo hiểm nông nghiệp',
  },
  {
    // A shop or workshop suspended by the fire police and put right, to open again: the
    // restoration of its activity, not a household business's resumption.
    groups: [['dinh chi', 'bi dinh chi', 'tam dinh chi', 'bat ngung', 'bi bat ngung', 'bi niem phong'], ['mo lai', 'hoat dong lai', 'hoat dong tro lai', 'cho hoat dong']],
    expansion: 'phục hồi hoạt động của cơ sở',
  },
  {
    // An adult who never had a birth certificate but has other papers of their own ("bà tôi 70
    // tuổi chưa bao giờ có giấy khai sinh, chỉ có căn cước"): the registration for such a person.
    groups: [NEVER_BORN_REGISTERED, ['can cuoc', 'chung minh', 'ho khau', 'bang lai', 'ho chieu', 'hoc ba', 'bang tot nghiep']],
    expansion: 'đăng ký khai sinh cho người đã có hồ sơ giấy tờ cá nhân',
  },
  {
    // The same with a foreign parent ("cha là người Mỹ, hồi đó không đi khai sinh, có căn cước"):
    // its own registration with a foreign element on the full catalogue.
    groups: [[...NEVER_BORN_REGISTERED, ...NEVER_REGISTERED_TOLD, ...NOT_YET_REGISTERED], ADULT_PAPERS, FOREIGNER],
    unless: BABY,
    story: ['chua'],
    expansion: 'đăng ký khai sinh có yếu tố nước ngoài cho người đã có hồ sơ giấy tờ cá nhân',
  },
  {
    // The same told as what the parents did not do, or as not registered yet, with the person's
    // own papers ("hồi nhỏ ba má không làm khai sinh, có căn cước", "35 tuổi, có bằng lái … chưa
    // có khai sinh"), not a baby's.
    groups: [[...NEVER_REGISTERED_TOLD, ...NOT_YET_REGISTERED], ADULT_PAPERS],
    unless: [...BABY, ...FOREIGNER],
    story: ['chua'],
    expansion: 'đăng ký khai sinh cho người đã có hồ sơ giấy tờ cá nhân',
  },
  {
    // A newborn's papers asked for ("vợ mới đẻ, giờ làm giấy tờ cho cháu thế nào"), or a baby's
    // birth not registered yet ("con được 1 tháng tuổi chưa làm khai sinh"): the plain birth
    // registration, not the one for a grown person with papers (whose name says "chưa … đăng ký").
    groups: [NEWBORN, ['khai sinh', 'khai sanh', 'giai to', 'lam giai', 'thu tuc']],
    unless: NOT_PLAIN_BIRTH,
    expansion: 'đăng ký khai sinh',
  },
  // A funeral allowance asked of social insurance is its survivors' benefit (chế độ tử tuất).
  { groups: [['mai tang', 'mai tang phi', 'tien mai tang', 'tro cap mai tang'], ['bao hiem xa hoi', 'bao hiem']], expansion: 'chế độ tử tuất' },
  {
    // A relative or guest come to stay a few days, and the police to be told: the notice of a
    // stay (thông báo lưu trú), not a registration of residence.
    groups: [VISITING, ['bao cong an', 'bao voi cong an', 'bao cho cong an', 'khai bao', 'trinh bao', 'thong bao', 'bao ai', 'khai voi phuong', 'khai voi xa', 'bao phuong', 'bao xa', 'bao voi phuong', 'bao voi xa', 'khai voi cong an']],
    story: ['vai hom', 'may hom', 'vai ngai', 'may ngai', 'em ho', 'anh ho', 'chi ho', 'ho hang', 'o que'],
    expansion: 'thông báo lưu trú',
  },
  // "Chưa" only tells the story: the grown person's record says it ("chưa được đăng ký khai sinh").
  // How late it is and the fine feared ("con được 2 tháng chưa làm khai sinh có bị phạt không")
  // are the registration's own words: registering late is the same registration.
  { groups: [NOT_YET_REGISTERED], unless: [...NOT_PLAIN_BIRTH, ...ADULT_PAPERS], story: ['chua'], also: LATE, expansion: 'đăng ký khai sinh' },
  // A baby with no papers made yet ("bé được hơn 2 tháng mà chưa làm giấy tờ gì"): its birth.
  {
    groups: [['chua lam giai to', 'chua di lam giai to', 'chua lam giai gi', 'chua di lam giai gi'], ['be', 'em be', 'chau be', 'be nha', 'con moi', 'dua nho', 'tre so sinh']],
    unless: [...NOT_PLAIN_BIRTH, ...ADULT_PAPERS],
    story: ['chua'],
    also: LATE,
    expansion: 'đăng ký khai sinh',
  },
  {
    // A building permit past its date before the house is finished is extended.
    groups: [['giai phep xai dung', 'phep xai dung', 'giai phep xai nha', 'phep xai nha'], EXPIRED],
    expansion: 'gia hạn giấy phép xây dựng',
  },
  {
    // A land certificate with a wrong name, date or area is corrected (đính chính), not the civil
    // status record: the error is the certificate's.
    groups: [LAND_PAPER, [...WRONG, 'dinh chinh']],
    unless: ['tranh chap', 'lan dat', 'bi mat', 'lam mat', 'danh mat', 'mat so', 'mat bia', 'that lac', 'chai'],
    also: ['sua', 'sua lai', 'chinh lai'],
    expansion: 'đính chính giấy chứng nhận đã cấp lần đầu có sai sót',
  },
  {
    // A health-insurance card lost, torn or wrong is reissued, exchanged or corrected by social
    // insurance (the ward receives it); the child's first card is the birth's linked procedure.
    groups: [['bao hiem i te', 'so bao hiem xa hoi', 'so bao hiem'], [...LOST, 'danh roi', 'doi the', 'doi lai', 'cap lai', 'lam lai', ...WRONG]],
    unless: ['khai sinh', 'duoi 6 tuoi', 'mua', 'tham gia', 'dong'],
    expansion: 'cấp lại đổi điều chỉnh thông tin trên sổ bảo hiểm xã hội thẻ bảo hiểm y tế',
  },
  {
    // The thing that changes hands decides whose "đổi chủ / sang tên" it is: a shop's is the household
    // business's change of registration, not a vehicle's new owner (CITIZEN_WORDS reads a bare
    // "đổi chủ" as the vehicle's).
    groups: [SHOP, ['doi chu', 'sang ten', 'dung ten', 'chuyen ten', 'sang nhuong', 'nhuong lai', 'sang lai', 'chu moi']],
    // pass 19: nor a shop closed for good, whose name it is registered in only tells the story
    unless: ['xe', 'xe mai', 'o to', 'dat', 'so do', 'so hong', 'nha dat', 'dep', 'nghi luon', 'khong lam nua', 'khong ban nua', 'khong ai ban', 'dong giai phep', 'khoa giai', 'tra giai phep', 'tra lai giai phep', 'cham dut', 'dong han'],
    expansion: 'thay đổi nội dung đăng ký hộ kinh doanh',
  },
  {
    // Works on a building that stands (raised a storey, enlarged, repaired) need the repair and
    // renovation permit, not a new one nor its reissue (Luật Xây dựng, Điều 89, 95–96).
    groups: [ALTER, BUILDING_PART],
    unless: ['xa hoi', 'vai', 'ho tro', 'hop dong'],
    also: ['giai phep', 'xin phep', 'phep'],
    expansion: 'cấp giấy phép xây dựng sửa chữa cải tạo',
  },
  {
    // Building something asked with a permit ("xây tòa văn phòng 20 tầng xin phép ở đâu"): the
    // building permit, whatever is built (the storeys then pick the level, see gradesOfName).
    groups: [['xai', 'xai dung', 'xai moi'], ['xin phep', 'giai phep', 'cap phep', 'phep']],
    // The permit named as a thing ("điều chỉnh giấy phép xây dựng") is asked about by its own act.
    unless: [...ALTER, 'giai phep xai dung', 'phep xai dung'],
    expansion: 'cấp giấy phép xây dựng mới',
  },
  {
    // A passport expiring or torn is a new passport (the province’s
    // police); a lost one is reported, a found one restored — their own procedures.
    groups: [['ho chieu', 'passport'], [...EXPIRED, 'rach', 'bi rach', 'hong', 'bi hong']],
    unless: ['mat', 'bi mat', 'that lac', 'khoi phuc', 'tim thai', 'tim lai', 'danh roi', 'khai sinh'],
    expansion: 'cấp hộ chiếu phổ thông ở trong nước',
  },
  ...FOREIGN_SITUATIONS,
  ...PENSION_SITUATIONS,
  ...WARD_SITUATIONS,
  ...TOLD_EVENTS,
  ...RESIDENCE_TOLD,
  ...WARD_STORIES,
  ...COMMUNE_TOLD,
  ...CIVIL_REGISTER_TOLD,
];

interface CompiledSituation {
  anchor?: number;
  story: string[][];
  groups: string[][][];
  also: string[][];
  unless: string[][];
  expansion: string[];
  content: string[];
}

// Phrases are written folded but may keep a "y" ("người mỹ", "hủy"): folded as the question is
// ("mi", "hui"), or they would never match.
const phrase = (p: string): string[] => fold(p).split(' ');
const compiled: CompiledSituation[] = SITUATIONS.map((s) => ({
  groups: s.groups.map((g) => g.map(phrase)),
  also: (s.also ?? []).map(phrase),
  unless: (s.unless ?? []).map(phrase),
  story: (s.story ?? []).map(phrase),
  anchor: s.anchor,
  expansion: syllables(fold(s.expansion)),
  content: contentSyllables(s.expansion),
}));

const NONE: Array<[number, number]> = [];
/**
 * Where a phrase stands in the folded question. `present` (the question's syllables) lets the
 * ~2,000 phrases whose first syllable the question lacks be passed over without a scan: the
 * situations are checked on every question, and their lists only grow.
 */
function occurrences(folded: string[], phrase: string[], present?: Set<string>): Array<[number, number]> {
  if (present && !present.has(phrase[0]!)) return NONE;
  let out: Array<[number, number]> | undefined;
  for (let i = 0; i + phrase.length <= folded.length; i++) {
    let k = 0;
    while (k < phrase.length && folded[i + k] === phrase[k]) k++;
    if (k === phrase.length) (out ??= []).push([i, i + phrase.length - 1]);
  }
  return out ?? NONE;
}

const FOREIGN_ELEMENT = syllables(fold('có yếu tố nước ngoài')).join(' ');
/** The question tells a foreign element in the family (a situation read as "… có yếu tố nước ngoài"). */
export function tellsForeignElement(folded: string[]): boolean {
  return matchSituations(folded).some((m) => m.expansion.join(' ').endsWith(FOREIGN_ELEMENT));
}

/**
 * The question names a person of another country ("vợ tôi quốc tịch Nhật", "bạn tôi người Hàn",
 * "người nước ngoài"), whatever it asks about: a residence card, a stay, an adoption are then the
 * foreigner's records, not the citizen's of the same name.
 */
export function tellsForeigner(folded: string[]): boolean {
  return FOREIGNER_WORDS.some((w) => occurrences(folded, w).some(([, end]) => !COUNTRY_WORD_ON.has(`${folded[end]} ${folded[end + 1]}`)));
}
const FOREIGNER_WORDS = FOREIGNER.map((w) => w.split(' '));
/** A country's name that is the first syllable of another word ("người lao động" is a worker, not a Lao). */
const COUNTRY_WORD_ON = new Set(['lao dong', 'lao cong', 'han xi', 'nga xuong', 'nga benh']);

/** The situations a question tells, with the phrases they stand for. */
export function matchSituations(folded: string[]): SynonymMatch[] {
  const out: SynonymMatch[] = [];
  const present = new Set(folded);
  const at = (p: string[]) => occurrences(folded, p, present);
  situations: for (const s of compiled) {
    // Each group must be told (checked first: most situations end at their first group), and no
    // `unless` phrase.
    const found: Array<Array<[number, number]>> = [];
    for (const g of s.groups) {
      const f = g.flatMap(at);
      if (!f.length) continue situations;
      found.push(f);
    }
    if (s.unless.some((p) => at(p).length)) continue;
    const spans = [...(s.anchor === undefined ? found.flat() : found[s.anchor]!), ...s.also.flatMap(at)];
    const story = s.story.flatMap(at);
    out.push({ start: spans[0]![0], end: spans[0]![1], expansion: s.expansion, content: s.content, spans: spans.filter(([a]) => !story.some(([x, y]) => a >= x && a <= y)), story });
  }
  return out;
}
