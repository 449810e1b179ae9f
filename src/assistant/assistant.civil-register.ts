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
    unless: ['ly hon', 'ly di', 'chia tay', 'con nuoi', 'khai sinh', 'muon ket hon', 'muon cuoi', 'sap cuoi', 'tinh cuoi', 'dinh cuoi', 'se cuoi', 'doc than', 'tinh trang hon nhan'],
    anchor: 0,
    expansion: 'ghi vào sổ hộ tịch việc kết hôn đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài',
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
];
