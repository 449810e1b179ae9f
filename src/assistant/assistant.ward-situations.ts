/** Situations of the ward's other procedures told rather than named: a foreigner at home, a pension, and the certification, residence, identity, welfare and business ones. */
import type { Situation } from './assistant.situations';
import {
  LOST,
  SHOP,
  CONTRACT,
  CERTIFIED_SAID,
  SLIP,
  CANNOT_COME,
  VISITING,
  FOREIGNER,
  REFUSE_SHARE,
  CARD_LOST,
  ID_CARD,
} from './assistant.situation-words';

/** A foreigner in the family or the house, told rather than named (issue 15, pass 16). */
export const FOREIGN_SITUATIONS: Situation[] = [
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
export const PENSION_SITUATIONS: Situation[] = [
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
export const WARD_SITUATIONS: Situation[] = [
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
  {
    // A shop shut for a while and opened again ("tiệm tóc đóng cửa nghỉ nửa năm rồi mở lại"): the
    // notice of a pause (pass 25, r10every) — "đóng cửa" alone reads as the end.
    groups: [SHOP, ['dong cua', 'nghi ban', 'ngung ban', 'nghi lam'], ['nua nam', 'vai thang', 'may thang', 'mot thoi gian', 'mo lai', 'mo cua lai', 'ban lai', 'lam lai']],
    unless: ['dep', 'nghi luon', 'nghi han', 'dong han', 'khong lam nua', 'cham dut', 'giai the', 'sang ten', 'sang nhuong', 'hop tac xa', 'doanh nghiep', 'cong ti'],
    expansion: 'tạm ngừng kinh doanh tiếp tục kinh doanh hộ kinh doanh',
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
