/** Civil-status situations told rather than named (a lost register, a parent acknowledging, a slip, a guardianship, a copy, a foreign element): the first of `SITUATIONS`, in order. */
import type { Situation } from './assistant.situations';
import {
  LOST,
  REGISTER,
  LAND_PAPER,
  SLIP,
  BABY,
  PARENT_MISSING,
  ACKNOWLEDGE,
  CHANGED_ALREADY,
  CANNOT_COME,
  MOBILE_ACTS, AT_HOME_ACT,
  FOREIGNER,
  BORN_ABROAD,
  ID_CARD,
  CIVIL_CHANGE,
  CERTIFICATE_HELD,
  NAME_ADDED,
  REGISTER_KEPT,
} from './assistant.situation-words';

/** The paper household book, of no use from 2023 (Luật Cư trú 2020, Điều 38 khoản 3): told gone, it is no register lost. */
const BOOK_ABOLISHED = ['khong con so ho khau', 'khong con ho khau', 'so ho khau giai', 'ho khau giai', 'bo so ho khau', 'bai bo so ho khau', 'thu hoi so ho khau', 'khong dung so ho khau'];

/** A parent's name written "as" the father or mother ("ghi tên làm bố trong giấy khai sinh", pass 25). */
const FATHER_NAMED = ['ten lam bo', 'ten lam cha', 'ten la bo', 'ten la cha', 'ten lam me', 'ten la me', 'ten vao lam bo', 'ten vao lam cha'];

export const CIVIL_SITUATIONS: Situation[] = [
  // The register still kept ("sổ gốc vẫn lưu ở phường"): a copy is issued from it, no re-registration.
  // pass 24: nor the paper household book the law did away with ("giờ không còn sổ hộ khẩu giấy nữa"): no register lost.
  { groups: [LOST, REGISTER], unless: ['van luu', 'van con luu', 'van con so', 'van dang luu', 'van giu', 'con nguyen', 'van con nguyen', ...REGISTER_KEPT, ...BOOK_ABOLISHED], also: ['chai', 'that lac', 'moi an', 'lu cuon', 'khong con'], expansion: 'đăng ký lại' },
  {
    groups: [['khai sinh', 'giai khai sinh'], ['nhan cha', 'nhan me', 'nhan con', 'ten bo', 'ten cha', 'ten me', 'nhan bo', ...FATHER_NAMED]],
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
    groups: [['cha ruot', 'ba ruot', 'bo ruot', 'me ruot', 'ma ruot', 'cha de', 'me de', 'bo de', 'ba de',
      // pass 19: "người cha thật của mình"
      'cha that', 'bo that', 'ba that', 'me that', 'ma that'], ['nhan cha', 'nhan me', 'nhan con', 'nhan lai', 'nhan toi', 'nhan nhau', 'la cha con', 'la me con', 'cha con', 'me con',
      // pass 25: the child acknowledged "là con" ("bố đẻ … muốn làm giấy nhận nó là con")
      'nhan no', 'nhan chau', 'nhan be', 'nhan em', 'la con']],
    unless: ['thua ke', 'di chuc', 'di san', 'qua doi', 'mat roi', 'da mat', 'giam ho'],
    expansion: 'đăng ký nhận cha mẹ con',
  },
  {
    // A slip in a civil-status paper ("khai sinh ghi nhầm giới tính", "giấy ghi Ngộc thay vì Ngọc")
    // or a line left blank ("bỏ trống ô nguyên quán"): its correction or completion — unless the
    // parent's name is what lacks (an acknowledgement), or the change is done and a paper asked.
    groups: [['giai khai sinh', 'to khai sinh', 'khai sinh', 'trich luc', 'giai ket hon', 'hon thu', 'giai chung tu', 'ho tich', 'giai ghi'], [...SLIP, 'bo trong', 'de trong', 'khong ghi', 'chua ghi', 'ghi thieu']],
    // (folded, "bỏ trống" is also the father "bố trong" a paper: "ghi tên làm bố trong giấy khai sinh", pass 25)
    // The slip in another paper compared with the birth certificate ("căn cước in sai ngày sinh, khác giấy
    // khai sinh") is that paper's.
    unless: [...PARENT_MISSING, ...ACKNOWLEDGE, ...FATHER_NAMED, ...CHANGED_ALREADY, 'ban sao', 'sao i', 'chung thuc', ...ID_CARD, 'chung minh', ...LAND_PAPER, 'bang lai', 'ho chieu', 'bao hiem', 'bhxh', 'hoc ba', 'bang tot nghiep'],
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
      'chang thay', 'tra khong thay', 'tieu tan', 'muc nat', 'am muc', 'chang ai giu', 'khong ai giu', 'khong con giu', 'tra k ra', 'khong tra duoc', 'chung thuc', 'sao i', 'photo', 'giu ban goc', 'giu ban chinh', 'con ban goc', 'con ban chinh', 'co ban goc', 'co ban chinh', 'tu ban goc', 'tu ban chinh',
      // pass 25: the extract a registration gives, waited for ("khai tử… bao lâu mới có giấy trích lục")
      'moi co giai trich luc', 'moi co trich luc', 'moi nhan duoc trich luc', 'moi lai duoc trich luc', 'thi co giai trich luc'],
    expansion: 'cấp bản sao trích lục hộ tịch',
  },
  {
    groups: [['den nha', 'tan nha', 'tan noi', ...AT_HOME_ACT, 'tai cho', 'xuong tan', 'den tan', 've tan', 'tan thon', 'tan ban', 'tan xom', 'cu nguoi', 'cu can bo', 'xuong nha', 'den tan noi', 'luu dong', 'ghe nha', 'ghe qua nha']],
    also: ['can bo', 'khuiet tat', 'nguoi khuiet tat', 'liet giuong', 'benh nang', 'om nang', 'gia yeu', 'khong di duoc', 'khong di lai duoc', 'neo don', 'vung sau', ...CANNOT_COME, 'dang om', 'o xa', 'trong rung', 'xom nui', 'vung nui'],
    // The citizen going there ("hay phải lên tận nơi?", "có cần đến tận nơi không") is no official coming.
    unless: ['len tan noi', 'phai den tan noi', 'di tan noi', 'can den tan noi', 'can toi tan noi', 'can len tan noi', 'can ra tan noi', 'can phai den tan noi'],
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
];
