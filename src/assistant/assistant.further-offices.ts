/**
 * Pass 23 (r8scope): other offices' matters a fresh probe asked, and earlier out-of-scope sets
 * asked too, where the reply named no one or kept one of the ward's records — a claim for
 * unemployment benefit (the job centre, not social insurance: the ward only receives a proxy's
 * authorisation for it), foreigners adopting a child, an environmental impact report or an
 * environmental permit, a sand pit or a quarry, fertiliser and pesticides, a business's security
 * and order certificate (a pawnshop, a guest house, karaoke), a land broker ("cò đất") taking the
 * broker's exam.
 *
 * As in assistant.other-offices.ts, `sure` words turn away a procedure found; they are said as the
 * act asked ("muốn lãnh trợ cấp thất nghiệp", "lập báo cáo ĐTM", "khai thác cát"), never as the
 * story around one of the ward's records ("đang hưởng thất nghiệp mà bị ốm, nhờ vợ nhận giùm",
 * "xã tham vấn ĐTM", "người Lào ở bản giáp biên nhận con nuôi": those records' names say the
 * office's matter and are kept). No in-scope line of the tuning, training or dev sets says them.
 * `sure: true`: every pattern of `asks` is such a word.
 */
import type { OtherOffice } from './assistant.other-offices';
import { w } from './assistant.office-words';
import { ADOPTING_COUNTRIES } from './assistant.countries';

/** Foreigners as citizens say them ("vợ chồng người Pháp", "chồng người Úc", "Việt kiều"; the countries: assistant.countries.ts). */
const FOREIGNER = `(?:nguoi nuoc ngoai|viet kieu|(?:vo chong |chong |vo )?nguoi (?:${ADOPTING_COUNTRIES.join('|')}))`;

/** A company's kind, then (within ten words) a change of its registered details. */
const COMPANY_CHANGE =
  '(?:cong ty|cty) (?:tnhh|co phan|trach nhiem huu han)(?: [a-z0-9]+){0,10} (?:doi van phong|doi dia chi|doi tru so|dia chi tru so|giay phep kinh doanh|giay dang ky doanh nghiep|giay chung nhan dang ky doanh nghiep|dang ky thay doi|thay doi thanh vien|tang von|von dieu le|nguoi dai dien|doi giam doc|doi ten)';

/** Read before the others: their matter shares a word with a later office ("trợ cấp" and social insurance). */
export const EARLY_OFFICES: OtherOffice[] = [
  {
    topic: 'đăng ký, hưởng trợ cấp thất nghiệp sau khi nghỉ việc',
    office: 'Trung tâm Dịch vụ việc làm (Sở Nội vụ) nơi bạn muốn nhận trợ cấp, trong 3 tháng kể từ ngày nghỉ việc',
    asks: w(['tro cap that nghiep', 'tien that nghiep', 'bao hiem that nghiep', 'huong that nghiep', 'lanh that nghiep']),
    names: w(['huong tro cap that nghiep', 'dich vu viec lam']),
    sure: w([
      '(?:xin|dang ky|dang ki|lam ho so|nop ho so|muon|de nghi) (?:huong |lanh |nhan |lam )?(?:tro cap |tien |bao hiem )?that nghiep',
      'lanh (?:tro cap |tien )?that nghiep (?:o|cho|tai) (?:dau|nao)',
      'nghi viec(?: [a-z0-9]+){0,10} (?:huong|lanh|xin) (?:tro cap |tien )?that nghiep',
      // pass 24: the insurance paid told, then the benefit asked ("mất việc, đóng bảo hiểm thất nghiệp 2 năm, nộp hồ sơ hưởng trợ cấp ở đâu")
      'bao hiem that nghiep(?: [a-z0-9]+){0,10} (?:huong|lanh|nhan|xin) (?:tro cap|tien)',
      // pass 26: the money asked by the insurance's name ("muốn nhận tiền bảo hiểm thất nghiệp")
      '(?:muon|xin|lam sao|de) (?:huong|lanh|nhan|rut) tien bao hiem that nghiep',
      // pass 27: the benefit heard of, then the place asked ("nghe nói được nhận tiền bảo hiểm thất nghiệp hằng tháng, nộp giấy tờ chỗ nào")
      '(?:duoc|se) (?:huong|lanh|nhan) (?:tien )?(?:tro cap|bao hiem) that nghiep',
    ]),
  },
  {
    topic: 'nuôi con nuôi có yếu tố nước ngoài (người nước ngoài, Việt kiều nhận trẻ em Việt Nam làm con nuôi)',
    office: 'Sở Tư pháp (Ủy ban nhân dân tỉnh quyết định); hồ sơ người ở nước ngoài qua Cục Con nuôi (Bộ Tư pháp)',
    asks: w([`${FOREIGNER}(?: [a-z0-9]+){0,10} con nuoi`, 'con nuoi(?: [a-z0-9]+){0,4} (?:nguoi )?nuoc ngoai', 'con nuoi co yeu to nuoc ngoai']),
    names: w(['nuoc ngoai']),
    sure: true,
  },
];

/**
 * A war invalid's or a resistance fighter's own benefits asked (pass 25: "ông tôi là thương binh
 * muốn giám định lại tỷ lệ thương tật", "tham gia kháng chiến bị nhiễm chất độc hóa học, làm hồ sơ
 * hưởng chế độ"), the police not named: home affairs' people of merit, not the police's records.
 */
const NOT_POLICE = '(?<!(?:cong an|canh sat)(?: [a-z0-9]+)* )';
const MERIT_OWN = [
  `${NOT_POLICE}thuong binh(?: [a-z0-9]+){0,8} (?:giam dinh|ti le thuong tat|tro cap|huong che do)(?!(?: [a-z0-9]+)* (?:cong an|canh sat)(?: |$))`,
  `${NOT_POLICE}(?:nhiem|bi) chat doc (?:hoa hoc|da cam)(?!(?: [a-z0-9]+)* (?:cong an|canh sat)(?: |$))`,
];
/** A religious organisation's own matters, as believers name them (pass 25). */
const RELIGION_OWN = [
  '(?:thanh lap|lap|cong nhan|dang ki)(?: [a-z0-9]+){0,3} to chuc ton giao', 'to chuc ton giao (?:moi|rieng)', 'dang ki hoat dong ton giao',
  '(?:linh muc|muc su|nha su|su thay|tu si|chuc sac|giao si|nha tu hanh)(?: [a-z0-9]+){0,2} nuoc ngoai', 'nuoc ngoai(?: [a-z0-9]+){0,4} (?:giang dao|truyen giao)',
  'phong pham', 'phong chuc (?:linh muc|muc su|chuc sac)', 'truong dao tao ton giao', 'dai chung vien',
];

export const FURTHER_OFFICES: OtherOffice[] = [
  {
    topic: 'báo cáo đánh giá tác động môi trường (ĐTM), giấy phép môi trường của dự án, cơ sở sản xuất',
    office: 'Sở Nông nghiệp và Môi trường (dự án lớn: Bộ Nông nghiệp và Môi trường); xã chỉ tham vấn ý kiến cộng đồng khi chủ dự án đề nghị',
    asks: w(['dtm', 'danh gia tac dong moi truong', 'giay phep moi truong']),
    // the report appraised or the permit, not the commune's consultation ("Tham vấn trong đánh giá tác động môi trường (cấp xã)")
    names: w(['(?:tham dinh|phe duyet)(?: [a-z0-9]+){0,3} danh gia tac dong moi truong', 'giay phep moi truong']),
    // the report made or filed, unless the question is the consultation ("gửi văn bản tham vấn xã", "xin ý kiến xã")
    sure: new RegExp(`^(?!.*(?:^| )(?:tham van|y kien|gop y)(?= |$)).*?${w(['giay phep moi truong', '(?:tham dinh|lam|lap|nop|trinh|duyet)(?: bao cao)? (?:dtm|danh gia tac dong moi truong)', 'bao cao (?:dtm|danh gia tac dong moi truong)(?: [a-z0-9]+){0,3} (?:nop|trinh|gui)']).source}`),
  },
  {
    topic: 'khai thác cát, sỏi, khoáng sản',
    office: 'Sở Nông nghiệp và Môi trường (cấp phép khai thác khoáng sản)',
    asks: w(['khai thac cat', 'hut cat', 'khai thac khoang san', 'mo cat', 'mo da', 'khai thac(?: [a-z0-9]+){0,3} cat soi']),
    names: w(['khoang san', 'cat soi', 'tai nguyen']),
    sure: w(['khai thac cat', 'hut cat', 'xin (?:giay )?phep khai thac khoang san']),
  },
  {
    topic: 'phân bón, thuốc bảo vệ thực vật, giống cây trồng (nhập khẩu, sản xuất, buôn bán, bảo hộ giống)',
    office: 'Chi cục Trồng trọt và Bảo vệ thực vật (Sở Nông nghiệp và Môi trường); giống mới, bảo hộ giống: Cục Trồng trọt và Bảo vệ thực vật',
    asks: w(['phan bon', 'thuoc bao ve thuc vat', 'thuoc tru sau', 'bao ho giong', 'giong cay trong']),
    names: w(['phan bon', 'bao ve thuc vat', 'giong cay trong', 'trong trot']),
    sure: w([
      '(?:nhap khau|san xuat|khao nghiem) (?:phan bon|thuoc bao ve thuc vat|thuoc tru sau)', 'bao ho giong', 'giay phep (?:nhap khau )?phan bon',
      // pass 24: the trader's certificate of eligibility, not the shop's household-business registration
      'du dieu kien (?:buon ban|kinh doanh|ban) (?:phan bon|thuoc bao ve thuc vat|thuoc tru sau)',
    ]),
  },
  {
    topic: 'giấy chứng nhận đủ điều kiện về an ninh, trật tự (cầm đồ, nhà nghỉ, karaoke, dịch vụ bảo vệ…)',
    office: 'cơ quan công an cấp giấy chứng nhận đủ điều kiện về an ninh, trật tự (Công an tỉnh — Phòng Cảnh sát quản lý hành chính về trật tự xã hội — hoặc Công an cấp xã theo phân cấp)',
    asks: w(['(?:giay|chung nhan|dieu kien)(?: [a-z0-9]+){0,3} (?:an ninh trat tu|antt)']),
    // the province's certificate, not the commune's security team (its records say "an ninh, trật tự" too)
    names: w(['du dieu kien ve an ninh trat tu', 'du dieu kien an ninh trat tu']),
    sure: true,
  },
  {
    // a company's own registered details said after its kind ("cty TNHH … dời văn phòng … giấy phép
    // kinh doanh"): the household business's records are not a company's; a cooperative founding a
    // company, or a company's land, says no such act after the company's kind
    topic: 'thay đổi đăng ký của công ty (địa chỉ trụ sở, người đại diện, thành viên, vốn điều lệ)',
    office: 'Phòng Đăng ký kinh doanh thuộc Sở Tài chính',
    asks: w([COMPANY_CHANGE]),
    names: w(['doanh nghiep', 'cong ty']),
    sure: true,
  },
  {
    topic: 'chứng chỉ hành nghề môi giới bất động sản (cò nhà đất thi lấy chứng chỉ)',
    office: 'Sở Xây dựng',
    asks: w(['(?:lam|nghe|dan) co (?:nha )?dat', 'chung chi moi gioi (?:nha dat|bat dong san|dat)']),
    names: w(['bat dong san', 'xay dung']),
    sure: true,
  },
  {
    // pass 24: a temple or a communal house to be ranked as a monument, an antique registered
    topic: 'xếp hạng di tích lịch sử – văn hóa, đăng ký di vật, cổ vật',
    office: 'Sở Văn hóa, Thể thao và Du lịch (Ủy ban nhân dân tỉnh xếp hạng di tích cấp tỉnh; di tích quốc gia: Bộ Văn hóa, Thể thao và Du lịch)',
    asks: w(['xep hang di tich', 'cong nhan di tich', 'di tich lich su', 'di tich cap (?:tinh|quoc gia)', 'dang k[yi] (?:di vat|co vat)']),
    names: w(['di tich', 'di vat', 'co vat', 'di san']),
    sure: w(['xep hang di tich', 'cong nhan di tich', 'dang k[yi] (?:di vat|co vat)']),
  },
  {
    // pass 24: the codes an export market asks of an orchard or a packing house (Cấp tỉnh, 1.014776)
    topic: 'mã số vùng trồng, mã số cơ sở đóng gói nông sản xuất khẩu',
    office: 'Chi cục Trồng trọt và Bảo vệ thực vật (Sở Nông nghiệp và Môi trường)',
    asks: w(['ma (?:so )?vung trong', 'ma (?:so )?(?:co so )?dong goi']),
    names: w(['vung trong', 'dong goi']),
    sure: true,
  },
  {
    // pass 24: a martyr's family's or a war invalid's allowance (Pháp lệnh Ưu đãi người có công
    // 2020): the department of home affairs decides, the commune receives the papers — not social
    // insurance's survivors' allowance ("tiền tuất" said of a martyr). "Hồ sơ liệt sĩ", "chế độ
    // người có công" tell the story around the ward's copies and rents.
    topic: 'trợ cấp ưu đãi người có công (thân nhân liệt sĩ, thương binh, bệnh binh)',
    office: 'Sở Nội vụ (hồ sơ nộp qua Ủy ban nhân dân cấp xã nơi cư trú)',
    asks: w(['tuat(?: [a-z0-9]+){0,4} liet si', 'liet si(?: [a-z0-9]+){0,8} (?:tro cap|tien) tuat', 'tro cap (?:thuong binh|benh binh|nguoi co cong|liet si)', ...MERIT_OWN]),
    // (not "thương binh": the only record so named is the police's own, "Xét hưởng trợ cấp đối với
    // thương binh … tại Công an cấp tỉnh", and a civilian's war wound is no policeman's — a
    // policeman who says so is not read by MERIT_OWN)
    names: w(['nguoi co cong', 'liet si']),
    // only the martyr's survivors' allowance asked turns a record away: "cần giấy để hưởng trợ cấp
    // người có công" asks the ward for a birth record re-registered
    sure: w(['tuat(?: [a-z0-9]+){0,4} liet si', 'liet si(?: [a-z0-9]+){0,8} (?:tro cap|tien) tuat', ...MERIT_OWN]),
  },
  {
    // pass 25 (r10full): a religious organisation's own matters (Luật Tín ngưỡng, tôn giáo 2016,
    // Điều 21, 33, 46): founding or recognising one, ordaining its dignitaries, inviting a foreign
    // preacher are the State's office of religious affairs' — not the building permit of a church
    // or a pagoda, whose name says "tín ngưỡng, tôn giáo". (A congregation's regular worship
    // registered with the commune, Điều 16, has no record here and is not among these words.)
    topic: 'tôn giáo (thành lập, công nhận tổ chức tôn giáo; phong phẩm, bổ nhiệm chức sắc; mời tổ chức, cá nhân nước ngoài vào hoạt động tôn giáo)',
    office: 'Ban Tôn giáo (Sở Nội vụ cấp tỉnh) hoặc Ban Tôn giáo Chính phủ',
    asks: w(RELIGION_OWN),
    names: w(['to chuc ton giao', 'hoat dong ton giao', 'chuc sac', 'chuc viec', 'phong pham', 'dao tao ton giao']),
    sure: w(RELIGION_OWN),
  },
  // Pass 24 (r9scope): a fraud reported ("bị giả danh công an gọi lừa chuyển khoản, trình báo ở
  // đâu") is the police's report of a crime (Bộ luật Tố tụng hình sự 2015, Điều 145), no record of
  // the ward's counter: named when the reply declines or hands over, never turning a record away
  // (not "bị lửa", a fire: folded, the same letters).
  {
    topic: 'trình báo, tố giác lừa đảo, trộm cắp, chiếm đoạt tài sản',
    office: 'cơ quan công an (công an cấp xã nơi xảy ra vụ việc tiếp nhận tin báo, tố giác tội phạm)',
    // pass 25: a theft reported ("bị trộm cạy cửa lấy mất xe máy, trình báo ở đâu"); named only
    // when declined: a paper stolen is re-issued by the ward
    asks: w(['lua dao', 'gia danh', 'bi lua (?:dao|mat|chuyen|tien|gat)', 'to giac toi pham', 'bi trom', 'mat trom', 'bi cuop', 'bi giut', 'trom cap']),
    names: w(['to giac', 'toi pham']),
  },
];
