/**
 * Civil status told in other words (issue 15, pass 19): a register said to be kept, a
 * guardianship ended by the court's decision undone, never married said with a paper asked,
 * officials coming down to the village. Phrases are folded ("y" written "i" or not: they are
 * folded again), as in assistant.situations.ts.
 */
import type { Situation } from './assistant.situations';
import { COUNTRIES, MOBILE_ACTS, REGISTER_KEPT, SLIP } from './assistant.situation-words';

/** The border told (folded; "vùng biên" also reads "vùng biển": a neighbour country must be said too). */
const BORDER = ['bien gioi', 'giap bien', 'vung bien', 'sat bien', 'xa bien', 'ban bien', 'huien bien', 'cua khau', 'cot moc', 'ben kia moc', 'ranh gioi', 'ben kia bien'];
/** The neighbouring country or its people told at the border ("bên Lào", "cô gái Quảng Tây", "bên kia"). */
/**
 * Done in another country ("ở Hàn", "tòa bên Đài Loan", "bên đó", "nước ngoài"; folded, "bển" reads
 * "bên"): a marriage, divorce or adoption to be recorded here, said with where it was done.
 */
const ABROAD = [...COUNTRIES.filter((c) => !['anh', 'bi', 'i', 'ao'].includes(c)).flatMap((c) => [`o ${c}`, `tai ${c}`, `ben ${c}`, `toa ${c}`, `toa an ${c}`]), 'ben do', 'o nuoc ngoai', 'tai nuoc ngoai', 'toa nuoc ngoai', 'toa an nuoc ngoai', 'toa ben', 'hai ngoai'];
/** Asked to be written into the register here, once back ("ghi vào sổ", "về quê", "hợp thức ở Việt Nam"). */
const RECORDED_HERE = ['ghi vao so', 'ghi vo so', 'ghi chu', 'ghi nhan', 'hop thuc', 'cong nhan', 've nuoc', 've que', 've viet nam', 've vn', 'o viet nam', 'tai viet nam', 'trong nuoc'];
/**
 * A birth, marriage or death said to be registered already ("mẹ tôi đã được khai sinh ở đây",
 * "cha mẹ em đã đăng ký kết hôn năm 1995"), whose record the commune is asked to confirm (pass 23).
 */
const REGISTERED_ALREADY = ['da duoc khai sinh', 'da khai sinh', 'da dang ky khai sinh', 'da duoc dang ky khai sinh', 'da dang ky ket hon', 'da duoc dang ky ket hon', 'da ket hon', 'da lam giay ket hon', 'da khai tu', 'da dang ky khai tu', 'da duoc khai tu', 'co dang ky ket hon', 'co dang ky khai sinh', 'co khai sinh o', 'co ket hon o'];
/**
 * The death registered already, its paper in hand ("đã có trích lục khai tử của bà rồi", "làm khai
 * tử xong"), told before what comes next (pass 23). Not the hospital's death notice ("giấy báo
 * tử"): the registration is what comes after it.
 */
const DEATH_PAPER_HELD = ['da co trich luc khai tu', 'co trich luc khai tu roi', 'cam trich luc khai tu', 'da co giay chung tu', 'co giay chung tu roi', 'da lam giay chung tu', 'da khai tu', 'khai tu roi', 'khai tu xong', 'da lam khai tu', 'da dang ky khai tu', 'da bao tu xong'];
/** Standing for a child or a relative, told without "giám hộ" (pass 23). */
const STAND_FOR = ['dung ra', 'dung ten', 'thay mat', 'dai dien', 'cham lo', 'trong coi', 'lo giay to', 'trong nom'];
/** In law, as citizens say it ("về mặt pháp lý", "theo luật", "có giá trị pháp lý"). */
const IN_LAW = ['phap ly', 'phap luat', 'theo luat', 'gia tri phap', 've mat phap', 'hop phap'];
/** Not standing for someone in law: another record of the child, a residence, a business, a deed. */
const NOT_STANDING = ['con nuoi', 'cha nuoi', 'me nuoi', 'bo nuoi', 'nhan nuoi', 'nhan lam con', 'thanh con', 'tro cap', 'ho tro', 'khai tu', 'chia', 'thua ke', 'di chuc', 'uy quyen', 'hop dong', 'khai sinh', 'nhan cha', 'nhan con', 'ket hon', 'kinh doanh', 'tam tru', 'thuong tru', 'cu tru', 'o tro', 'ho khau', 'dat', 'nha o'];
const NEIGHBOUR = ['lao', 'trung quoc', 'tq', 'campuchia', 'cam pu chia', 'quang tai', 'van nam', 'nuoc ban', 'ben kia'];

export const CIVIL_REGISTER_TOLD: Situation[] = [
  {
    // pass 19: the register said to be kept and a civil-status paper asked again ("sổ lưu ở xã còn
    // nguyên, xin lại một tờ khai sinh", "ủy ban nói sổ bộ còn"): a copy from the register (another
    // paper's copy from its register is the certification's).
    groups: [[...REGISTER_KEPT, 'con luu', 'con giu', 'con ho so'], ['khai sinh', 'ks', 'ket hon', 'hon thu', 'gia thu', 'giai cuoi', 'khai tu', 'chung tu', 'bao tu', 'ho tich', 'trich luc']],
    unless: ['khong con luu', 'khong con giu', 'khong con ho so', 'chang con', ...SLIP, 'cai chinh', 'chung thuc', 'sao i', 'photo', 'luu dong'],
    // what keeps the register is the story: the paper named is what the copy stands for
    story: [...REGISTER_KEPT, 'con luu', 'con giu', 'con ho so'],
    anchor: 1,
    expansion: 'cấp bản sao trích lục hộ tịch',
  },
  {
    // pass 19: the court's decision of lost capacity undone or the person recovered, and the
    // relative no longer standing for them ("tòa hủy quyết định mất năng lực, tui không cần đứng
    // tên lo cho nó nữa"): the guardianship's end, told without the word.
    groups: [['mat nang luc', 'han che nang luc', 'tam than', 'benh than kinh'], ['huy quyet dinh', 'khoi benh', 'binh phuc', 'khoi phuc nang luc'], ['dung ten', 'dung ra', 'trong coi', 'trong nom', 'lo cho', 'cham soc', 'thoi', 'khong can']],
    expansion: 'chấm dứt giám hộ',
  },
  {
    // pass 19: never married, said of oneself with a paper asked for it ("giấy chứng nhận em chưa
    // kết hôn lần nào", "tờ chứng nhận chưa lấy ai"): the marital-status paper — not a couple
    // telling they are both single to register their marriage ("cả hai đều chưa lấy ai, đăng ký kết hôn ở đâu").
    // pass 21: no wife or husband now, said with the paper ("giấy chứng nhận tôi không có vợ").
    groups: [['chua lay ai', 'chua ket hon lan nao', 'chua tung ket hon', 'chua ket hon bao gio', 'chua cuoi bao gio', 'chua cuoi ai', 'chua tung cuoi', 'khong co vo', 'khong co chong'], ['giay', 'to', 'chung nhan', 'xac nhan', 'chung minh']],
    unless: ['dang ky ket hon', 'giay ket hon', 'lam ket hon', 'muon cuoi', 'sap cuoi', 'tinh cuoi', 'cuoi nhau', 'ca hai', 'hai dua', 'tui em', 'bon em', 'chung em', 'chung toi'],
    anchor: 0,
    expansion: 'xác nhận tình trạng hôn nhân độc thân',
  },
  {
    // pass 19: officials or a team coming down to the village for a birth, marriage or death
    // ("cán bộ xuống bản làm khai sinh", "chờ đợt xã về làng làm giấy kết hôn"): the mobile
    // registration — the citizen going to the village is none (no official, team or round said).
    groups: [['can bo', 'tu phap', 'doan', 'dot', 'cu nguoi', 'dua nguoi'], ['xuong ban', 'len ban', 've ban', 'vao ban', 've lang', 'xuong lang', 've thon', 'xuong thon', 'vao thon', 'len thon', 'toi tan noi', 'mang so toi', 'mang so den'], MOBILE_ACTS],
    anchor: 1,
    expansion: 'lưu động',
  },
  {
    // pass 20: a child asked for or taken in "về nuôi" ("xin một bé ở mái ấm về nuôi", "nhận đứa
    // nhỏ bị bỏ rơi về nuôi cho hợp pháp"): the adoption, told without its word — not a relative
    // who comes to raise the children, a guardian, nor a benefit asked.
    groups: [['ve nuoi'], ['xin', 'nhan', 'mai am', 'bao tro', 'co nhi', 'bo roi']],
    unless: ['con nuoi', 'giam ho', 'tro cap', 'ho tro', 'nuoi cha', 'nuoi me', 'nuoi ong', 'nuoi ba'],
    expansion: 'đăng ký nuôi con nuôi',
  },
  {
    // pass 21: a birth, marriage, death or child acknowledged with someone of the neighbouring
    // country, told at the border without "khu vực biên giới" ("xã giáp biên", "bên kia cửa
    // khẩu", "sát cột mốc", "cô gái bên Trung Quốc"): the border record with a foreign element —
    // not a border pass, nor the plain registration that shares the act. Ending with "có yếu tố
    // nước ngoài", it keeps the plain twin back as a foreign element told does (PLAIN_TWIN).
    groups: [BORDER, NEIGHBOUR, ['ket hon', 'cuoi', 'lay chong', 'lay vo', 'hon thu', 'khai sinh', 'de', 'sinh con', 'khai tu', 'bao tu', 'qua doi', 'chet', 'nhan con', 'nhan cha', 'nhan me', 'con rieng', 'con roi', 'co dau']],
    unless: ['lao dong', 'lao cong', 'thong hanh', 'ho chieu', 'xuat canh', 'nhap canh', 'hang hoa', 'buon ban', 'con nuoi'],
    anchor: 0,
    expansion: 'tại khu vực biên giới có yếu tố nước ngoài',
  },
  {
    // pass 21: a divorce decided by a court abroad, to be recorded once back ("tòa bên Hàn xử cho
    // ly dị rồi, về quê muốn ghi vào sổ", "bản án ly hôn của tòa Đài Loan"; a city's court said
    // with "về nước": "bản án ly dị của tòa Osaka, về nước"): not the marital-status paper it is
    // often asked for, nor a divorce still to be sought.
    groups: [['ly hon', 'ly di', 'li hon', 'li di', 'chia tay', 'huy viec ket hon', 'huy ket hon'], [...ABROAD, 've nuoc', 'dinh cu', 'viet kieu'], ['ban an', 'phan quyet', 'quyet dinh', 'xu', 'ghi vao so', 'ghi vo so', 'ghi chu', 've nuoc', 've que']],
    unless: ['muon ly hon', 'muon ly di', 'tinh ly hon', 'dinh ly hon', 'xin ly hon', 'nop don ly hon', 'dang ky ket hon lai'],
    anchor: 0,
    expansion: 'ghi vào sổ hộ tịch việc ly hôn đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài',
  },
  {
    // pass 21: a marriage registered abroad, to be recorded here ("cưới ở Hàn có giấy kết hôn bên
    // đó, về quê muốn xã ghi nhận"): not a marriage to register, with or without a foreigner.
    groups: [['cuoi', 'ket hon', 'lay nhau', 'hon thu'], ABROAD, RECORDED_HERE],
    unless: ['ly hon', 'ly di', 'chia tay', 'con nuoi', 'khai sinh', 'muon ket hon', 'muon cuoi', 'sap cuoi', 'tinh cuoi', 'dinh cuoi', 'se cuoi', 'doc than', 'tinh trang hon nhan',
      // pass 25: one working or living abroad, home to register the marriage here ("làm việc ở Nhật,
      // về nước nghỉ phép, tranh thủ muốn đăng ký kết hôn"; "ở Đức, giờ về quê cưới vợ")
      'muon dang ki ket hon', 'tranh thu', 'dinh dang ki', 'sap dang ki', 'se dang ki', 've que cuoi', 've nuoc cuoi', 've cuoi', 've que lai vo', 've que lai chong', 've nuoc lai vo'],
    anchor: 0,
    expansion: 'ghi vào sổ hộ tịch việc kết hôn đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài',
  },
  {
    // pass 24: an adoption granted abroad, to be recorded once home ("nhận đứa nhỏ làm con nuôi tại
    // tòa án bên Đức xong rồi, về quê có cần báo xã để vào sổ"): not an adoption still to be sought
    // here, nor a foreigner adopting a Vietnamese child (the Department of Justice's).
    groups: [['con nuoi', 'nhan nuoi'], ABROAD, [...RECORDED_HERE, 'vao so', 'vo so', 'bao xa', 'bao cho xa', 'bao phuong', 'bao cho phuong']],
    unless: ['muon nhan nuoi', 'xin nhan nuoi', 'tinh nhan nuoi', 'dinh nhan nuoi', 'nguoi nuoc ngoai nhan', 'dang ki lai'],
    anchor: 0,
    expansion: 'ghi vào sổ đăng ký nuôi con nuôi việc nuôi con nuôi đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài',
  },
  {
    // pass 21: a child left at a gate or abandoned, asked for to be taken home ("bé trai bị bỏ
    // trước cổng chùa, vợ chồng tôi muốn xin bé về"): the adoption, without "nuôi" said.
    groups: [['bi bo', 'bo roi', 'bo truoc cong', 'bo o cong', 'mo coi'], ['xin be', 'nhan be', 'xin chau', 'nhan chau', 'xin ve', 'nhan ve', 'dua ve', 'dem ve']],
    unless: ['con nuoi', 'giam ho', 'tro cap', 'ho tro', 'bao tro xa hoi'],
    expansion: 'đăng ký nuôi con nuôi',
  },
  {
    // pass 21: a sweetheart and the two registering, handing in papers or becoming lawful spouses
    // ("người yêu em cũng ở xã mình, tụi em tính lên đăng ký", "muốn thành vợ chồng hợp pháp"):
    // the marriage, told without its word — not a child of the couple, a residence, a card.
    groups: [['nguoi ieu', 'nguoi iu', 'ban trai', 'ban gai', 'nguoi thuong'], ['dang ki', 'nop giai', 'nop ho so', 'thanh vo chong', 've chung mot nha', 'hop phap']],
    unless: ['khai sinh', 'ks', 'em be', 'co con', 'sinh con', 'de con', 'co bau', 'mang thai', 'chua dang ki ket hon', 'chua ket hon', 'chua cuoi', 'tam tru', 'thuong tru', 'tam vang', 'luu tru', 'can cuoc', 'cccd', 'kinh doanh', 'khai tu', 'chung thuc', 'doc than', 'tinh trang hon nhan', 'chia tay', 'nhap khau', 'chuyen khau', 'ket hon', 'hon thu', 'gia thu'],
    expansion: 'đăng ký kết hôn',
  },
  {
    // pass 23: the commune asked to confirm a birth, marriage or death registered long ago ("xác nhận
    // giúp là cha mẹ em đã đăng ký kết hôn năm 1995 ở xã này"): the confirmation of the civil-status
    // record — not the acknowledgement the "nhận … cha mẹ" of "xác nhận" reads as, nor a copy, the
    // marital-status paper or a register lost.
    groups: [['xac nhan', 'chung nhan', 'xac minh'], REGISTERED_ALREADY],
    unless: ['tinh trang hon nhan', 'doc than', 'chua ket hon', 'chua lap gia dinh', 'ly hon', 'ly di', 'cu tru', 'tam tru', 'thuong tru', 'ho khau', 'nhap khau', 'ban sao', 'trich luc', 'dang ky lai', 'lam lai', 'that lac', 'bi mat', 'khong con', 'cai chinh', 'sai'],
    expansion: 'xác nhận thông tin hộ tịch',
  },
  {
    // pass 23: the death registered, its paper in hand, and the heirs now sharing what was left
    // ("đã có trích lục khai tử của bà rồi, giờ mấy anh em làm giấy chia căn nhà, nhờ xã chứng"):
    // the division of the estate certified — the death's paper is the story, not a copy asked.
    groups: [DEATH_PAPER_HELD, ['chia', 'phan chia', 'chia nhau', 'chia phan']],
    unless: ['tu choi', 'khong nhan', 'nhuong', 'di chuc', 'ban sao', 'them ban', 'may ban', 'that lac', 'bi mat', 'khong con', 'lam lai', 'dang ky lai'],
    story: DEATH_PAPER_HELD,
    anchor: 1,
    expansion: 'văn bản phân chia di sản',
  },
  {
    // pass 23: a relative standing for a child or a person who cannot manage, in law ("tôi là bác,
    // muốn đứng tên chăm lo cho cháu về mặt pháp lý", "đứng ra thay mặt cho nó, có giá trị pháp
    // lý", "chị cả đứng tên trông coi nó theo luật"): the guardianship — not when it ends.
    groups: [STAND_FOR, IN_LAW, ['chau', 'no', 'con', 'em', 'be', 'dua nho', 'thang']],
    unless: [...NOT_STANDING, 'thoi', 'ket thuc', 'cham dut'],
    expansion: 'đăng ký giám hộ',
  },
  {
    // pass 23: the relative standing for the child in law asking to stop ("ông bà ngoại xin thôi
    // trông coi theo pháp luật"): the guardianship's end.
    groups: [['thoi trong coi', 'thoi dung ten', 'thoi dung ra', 'thoi cham lo', 'thoi dai dien', 'thoi thay mat', 'thoi trong nom', 'khong trong coi nua', 'khong dung ten nua'], IN_LAW],
    unless: NOT_STANDING,
    expansion: 'chấm dứt giám hộ',
  },
];
