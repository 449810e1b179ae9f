/**
 * Civil status told in other words (issue 15, pass 19): a register said to be kept, a
 * guardianship ended by the court's decision undone, never married said with a paper asked,
 * officials coming down to the village. Phrases are folded ("y" written "i" or not: they are
 * folded again), as in assistant.situations.ts.
 */
import type { Situation } from './assistant.situations';
import { MOBILE_ACTS, REGISTER_KEPT, SLIP } from './assistant.situation-words';

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
