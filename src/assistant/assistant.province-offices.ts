/**
 * Pass 27 (r12agency): other agencies' matters a fresh probe asked (out-of-scope-27) in the fields
 * the earlier sets covered least, in words no office's table read, so that the reply kept one of
 * the ward's records (a first land certificate for a company's lease, a household business for a
 * gas shop, a civil-status correction for a diploma's typo, a marriage for fireworks at a wedding)
 * or declined without naming who does it: the province's land price and its land for companies,
 * a building of grade II, wages owed and labour disputes, a job sought, a dental surgery, a health
 * certificate, an injury assessed, a beauty contest, a pool, a hotel's stars, gas and trade fairs,
 * counterfeit goods, a private high school, a diploma's typo, a seal, fireworks, a notary
 * complained of, papers legalised, a signature examined, a student loan, a tax asked of a shop,
 * money carried through customs, a passport lost abroad, a parcel surveyed (a factory's groundwater: assistant.hamlet-told.ts).
 *
 * As in assistant.other-offices.ts, `sure` words turn away a procedure found: they say the act asked
 * of that office ("giữ lương", "khắc dấu", "bắn pháo hoa"), never the story around one of the
 * ward's records ("xác nhận độc thân để vay vốn ngân hàng", "cải chính khai sinh cho khớp với
 * bằng tốt nghiệp", "đăng ký khai thác nước dưới đất" of a household's well).
 */
import type { OtherOffice } from './assistant.other-offices';
import { w } from './assistant.office-words';

/** A few words between two of a pattern's parts. */
const gap = (n: number) => `(?: [a-z0-9]+){0,${n}}`;

/** A company as citizens say it ("cty", "doanh nghiệp"). */
const COMPANY = '(?:cong ty|cty|doanh nghiep)';

/** A public building, not a house (whose permit is the commune's at any height: Luật Xây dựng, Điều 103). */
const PUBLIC_BUILDING = '(?:benh vien|khach san|chung cu|toa nha|cao oc|khoi nha|truong hoc|trung tam thuong mai)';

/** Countries a citizen says they are in when a passport is lost abroad ("đang ở Nhật"). */
const ABROAD = '(?:my|uc|canada|anh|phap|duc|nhat|nhat ban|han|han quoc|dai loan|trung quoc|nga|sec|ba lan|malaysia|thai lan|singapore|lao|campuchia|nuoc ngoai)';

/**
 * Read before the others: their words share a word with an earlier office whose line would name
 * the wrong one — a passport lost abroad is not the immigration office's, a lawyer not afforded is
 * not the court's, counterfeit cosmetics are not the health department's.
 */
export const PROVINCE_FIRST: OtherOffice[] = [
  {
    // Luật Cơ quan đại diện nước CHXHCN Việt Nam ở nước ngoài 2009, Điều 9; Nghị định 77/2020/NĐ-CP:
    // a citizen abroad whose passport is lost reports it to and gets papers from the embassy.
    topic: 'mất hộ chiếu khi đang ở nước ngoài',
    office: 'cơ quan đại diện Việt Nam ở nước ngoài (Đại sứ quán, Lãnh sự quán Việt Nam nơi bạn đang ở)',
    asks: w([`(?:dang o|o ben|ben|o|sang|tai) ${ABROAD}${gap(6)} (?:mat|bi mat|lam mat|that lac|danh roi) (?:cuon |quyen )?(?:ho chieu|passport)`]),
    names: w(['co quan dai dien', 'dai su quan', 'lanh su']),
    sure: true,
  },
  {
    // Luật Trợ giúp pháp lý 2017, Điều 7, 8: the poor and near-poor are helped for free by the
    // state's legal aid centre (Sở Tư pháp), a lawyer or a legal aid officer, also in court.
    topic: 'trợ giúp pháp lý miễn phí (người bào chữa, luật sư cho người nghèo, cận nghèo)',
    office: 'Trung tâm trợ giúp pháp lý nhà nước (Sở Tư pháp)',
    asks: w([`khong (?:co )?tien (?:de )?thue (?:luat su|nguoi bao chua|nguoi bao ve)`, '(?:luat su|nguoi bao chua) mien phi']),
    names: w(['tro giup phap ly']),
    sure: true,
  },
  {
    // Pháp lệnh Quản lý thị trường 2016, Điều 3; Nghị định 98/2020/NĐ-CP: counterfeit goods, also
    // sold online, are the market surveillance force's (Bộ Công Thương) to deal with.
    topic: 'hàng giả, hàng nhái, hàng kém chất lượng bán ra thị trường (kể cả bán trên mạng)',
    office: 'lực lượng Quản lý thị trường (Chi cục Quản lý thị trường, thuộc Bộ Công Thương)',
    // Not "hết hạng, gia hạng" (a "hạn" typed with a final -ng: "hết hạn, gia hạn"): the "gia" of an extension.
    asks: w(['hang gia(?! (?:re|ca|cao|thap|bao nhieu|tri|han|hang))', 'hang nhai', '(?:my pham|thuc pham chuc nang|quan ao|giay dep) gia(?! (?:re|ca|cao|thap|bao nhieu|tri))']),
    names: w(['quan ly thi truong', 'hang gia']),
    sure: true,
  },
];

export const PROVINCE_OFFICES: OtherOffice[] = [
  {
    // Luật Đất đai 2024, Điều 123 khoản 1, Điều 159: land given, leased or changed in use for an
    // organisation is the province's decision; the land price list is the province's.
    topic: 'bảng giá đất; giao đất, cho thuê đất, chuyển mục đích sử dụng đất cho tổ chức, doanh nghiệp',
    office: 'Ủy ban nhân dân cấp tỉnh (hồ sơ qua Sở Nông nghiệp và Môi trường); bảng giá đất do Ủy ban nhân dân cấp tỉnh ban hành',
    asks: w([
      'bang gia dat',
      'khung gia dat',
      `${COMPANY}${gap(6)} (?:xin giao|xin thue|chuyen)(?: [0-9]+ (?:ha|hec ta|hecta))? dat (?:cua nha nuoc|lua|trong lua|nong nghiep)`,
      `${COMPANY}${gap(6)} (?:thue|xin giao|xin thue) [0-9]+ (?:ha|hec ta|hecta)`,
    ]),
    names: w(['bang gia dat', 'gia dat']),
    sure: true,
  },
  {
    // Luật Xây dựng 2014 (sửa đổi 2020), Điều 103; Thông tư 06/2021/TT-BXD: a public building of
    // 8 floors or more is of grade II, its permit the province's department of construction's.
    topic: 'giấy phép xây dựng công trình cấp II trở lên (bệnh viện, khách sạn, chung cư, tòa nhà từ 8 tầng)',
    office: 'Sở Xây dựng',
    asks: w([`${PUBLIC_BUILDING}${gap(6)} [89] tang${gap(8)} (?:phep|giay phep|cap phep)`, `(?:phep|giay phep|cap phep)${gap(8)} ${PUBLIC_BUILDING}${gap(4)} [89] tang`]),
    names: w(['cap dac biet', 'cap i', 'cap ii', 'cao tang']),
    sure: true,
  },
  {
    // Bộ luật Lao động 2019, Điều 179, 187, 188; Luật Thanh tra 2022: wages and insurance owed are
    // the labour inspectors'; a labour dispute goes to a labour mediator, then the court.
    topic: 'nợ lương, không đóng bảo hiểm cho người lao động, tranh chấp lao động',
    office: 'Thanh tra Sở Nội vụ (lĩnh vực lao động) và hòa giải viên lao động; khởi kiện: Tòa án nhân dân',
    asks: w([
      `(?:no|giu|quyt|khong tra|cham tra) luong${gap(12)} (?:kien|thua|khieu nai|to cao|bao ai|cho ai|o dau|co quan nao|len dau|toi dau|den dau)`,
      'tranh chap (?:hop dong )?lao dong',
      `khong (?:dong|dong tien) bao hiem${gap(3)} (?:cho )?(?:nguoi lao dong|cong nhan|nhan vien|anh em)`,
    ]),
    names: w(['lao dong', 'tien luong']),
    sure: true,
  },
  {
    // Luật Việc làm 2013, Điều 37: the public employment service centre counsels and introduces
    // jobs for free.
    topic: 'tìm việc làm, tư vấn, giới thiệu việc làm',
    office: 'Trung tâm Dịch vụ việc làm (Sở Nội vụ)',
    asks: w(['tim viec lam', 'gioi thieu viec lam', 'tu van viec lam', 'san viec lam', 'phien giao dich viec lam']),
    names: w(['viec lam']),
    sure: w(['(?:dang ky|dang ki) tim viec', 'gioi thieu viec lam', 'tu van viec lam', 'san viec lam', 'phien giao dich viec lam']),
  },
  {
    // Luật Khám bệnh, chữa bệnh 2023, Điều 28, 48: practice licences and the licences of clinics
    // (a dental surgery too) are the province's department of health's.
    topic: 'mở phòng khám, phòng răng, hành nghề khám bệnh, chữa bệnh',
    office: 'Sở Y tế',
    asks: w([`(?:mo|xin phep|giay phep)${gap(4)} (?:phong rang|phong kham rang|nha khoa)`, `(?:nha si|bac si rang)${gap(6)} (?:mo|giay phep|hanh nghe)`]),
    names: w(['kham benh', 'hanh nghe kham', 'nha khoa']),
    sure: true,
  },
  {
    // Thông tư 32/2023/TT-BYT, Điều 32: a health certificate is issued by a licensed clinic or
    // hospital.
    topic: 'giấy khám sức khỏe (đi làm, đi học, lái xe)',
    office: 'bệnh viện hoặc cơ sở khám bệnh, chữa bệnh được phép khám sức khỏe (Sở Y tế công bố danh sách)',
    asks: w([`(?:xin|lam|lay|cap) giay kham suc khoe${gap(8)} (?:o dau|cho nao|benh vien nao)`, `giay kham suc khoe${gap(8)} kham (?:o|tai) (?:dau|cho nao|benh vien nao)`]),
    names: w(['suc khoe']),
    sure: true,
  },
  {
    // Luật Khám bệnh, chữa bệnh 2023; Thông tư 56/2017/TT-BYT: the medical assessment council of
    // the province assesses an injury's rate after a work accident.
    topic: 'giám định y khoa (tỷ lệ thương tật, suy giảm khả năng lao động)',
    office: 'Hội đồng Giám định y khoa (Sở Y tế)',
    // the act asked, not an assessment told as done ("giám định suy giảm 35%", the benefit asked)
    asks: w([`(?:muon|xin|can|phai) giam dinh (?:y khoa|(?:ty le )?(?:thuong tat|suy giam))`, `giam dinh (?:y khoa|(?:ty le )?(?:thuong tat|suy giam))${gap(4)} (?:o dau|cho nao|den dau|o cho nao)`]),
    names: w(['giam dinh']),
    sure: true,
  },
  {
    // Nghị định 144/2020/NĐ-CP, Điều 10, 12 (biểu diễn, thi người đẹp); Luật Du lịch 2017, Điều 50
    // (hạng sao); Nghị định 36/2019/NĐ-CP (bể bơi kinh doanh): the department of culture's.
    topic: 'cuộc thi người đẹp, đoàn nghệ thuật nước ngoài biểu diễn, kinh doanh bể bơi, xếp hạng sao khách sạn',
    office: 'Sở Văn hóa, Thể thao và Du lịch (hoặc Sở Du lịch)',
    asks: w([
      'thi hoa hau', 'thi nguoi dep', 'cuoc thi (?:nguoi dep|hoa hau|sac dep|hoa khoi)',
      'doan nghe thuat nuoc ngoai', 'nghe si nuoc ngoai',
      `(?:mo|kinh doanh)${gap(2)} (?:ho boi|be boi)`, `(?:ho boi|be boi)${gap(3)} (?:kinh doanh|ban ve)`,
      '(?:hang|xep hang|cong nhan hang) (?:[1-5]|mot|hai|ba|bon|nam) sao',
    ]),
    names: w(['nguoi dep', 'hoa hau', 'bieu dien', 'the thao', 'du lich', 'xep hang']),
    sure: true,
  },
  {
    // Nghị định 87/2018/NĐ-CP (kinh doanh khí); Nghị định 81/2018/NĐ-CP (hội chợ, triển lãm);
    // Nghị định 40/2018/NĐ-CP (bán hàng đa cấp): the department of industry and trade's.
    topic: 'kinh doanh khí (gas), hội chợ triển lãm thương mại, bán hàng đa cấp',
    office: 'Sở Công Thương',
    asks: w(['kinh doanh khi (?:gas|dau mo|hoa long)', '(?:giay chung nhan|du dieu kien) kinh doanh khi', 'cua hang gas', 'dai ly gas', 'khi dau mo hoa long', 'hoi cho trien lam', 'trien lam thuong mai', '(?:ban hang|kinh doanh|cong ty) da cap']),
    names: w(['cong thuong', 'khi dau mo', 'hoi cho', 'trien lam', 'ban hang da cap']),
    sure: true,
  },
  {
    // Luật Giáo dục 2019, Điều 52; Nghị định 125/2024/NĐ-CP: a high school or a private college is
    // the province's (or the ministry's); a diploma corrected, a foreign degree recognised: the
    // department or the ministry of education.
    topic: 'thành lập trường trung học phổ thông, trường tư thục; chỉnh sửa văn bằng; công nhận bằng nước ngoài',
    office: 'Sở Giáo dục và Đào tạo (thành lập trường trung học phổ thông: Ủy ban nhân dân cấp tỉnh quyết định; bằng nước ngoài: Bộ Giáo dục và Đào tạo)',
    asks: w([
      `(?:mo|thanh lap|lap|xin phep (?:thanh lap|mo))${gap(2)} truong (?:thpt|trung hoc pho thong|cap 3|cap ba|dai hoc|cao dang)`,
      'chinh sua (?:noi dung )?(?:van bang|bang tot nghiep)',
      `(?:van bang|bang tot nghiep)${gap(3)} (?:bi )?(?:ghi |in )?sai`,
      `bang (?:cao hoc|thac si|tien si|dai hoc)${gap(4)} nuoc ngoai`,
    ]),
    names: w(['giao duc', 'van bang', 'truong hoc', 'tu thuc']),
    sure: true,
  },
  {
    // Nghị định 99/2016/NĐ-CP, Điều 13, 14: a seal's form is registered with the police's
    // administrative order office (a company's seal is its own: Luật Doanh nghiệp 2020, Điều 43).
    topic: 'khắc dấu, đăng ký mẫu con dấu',
    office: 'Công an tỉnh (Phòng Cảnh sát quản lý hành chính về trật tự xã hội); doanh nghiệp tự quyết định con dấu của mình',
    asks: w(['khac (?:lai )?con dau', 'mau (?:con )?dau', '(?:dang ky|dang ki|lam lai|dang ky lai|dang ki lai) (?:mau )?con dau']),
    names: w(['con dau', 'mau dau']),
    sure: true,
  },
  {
    // Nghị định 137/2020/NĐ-CP, Điều 11, 17: exploding fireworks are fired only as the province's
    // chairman decides; a family may not fire them.
    topic: 'bắn pháo hoa',
    office: 'Chủ tịch Ủy ban nhân dân cấp tỉnh quyết định việc bắn pháo hoa nổ (gia đình, cá nhân không được bắn pháo hoa nổ); quản lý pháo: cơ quan công an',
    // the permission asked, not a course in handling fireworks ("học an toàn sử dụng pháo hoa để tổ chức bắn": the police's record)
    asks: w([`(?:xin phep|cho phep|duoc phep|co duoc)${gap(3)} (?:ban|dot) phao(?: hoa)?`, `(?:ban|dot) phao(?: hoa)?${gap(6)} (?:xin phep|phep ai|co duoc|duoc khong)`]),
    names: w(['phao hoa']),
    sure: true,
  },
  {
    // Luật Công chứng 2024, Điều 23, 24, 75: notaries and notary offices are licensed and overseen by
    // the department of justice, which hears complaints about them.
    topic: 'khiếu nại công chứng viên, thành lập văn phòng công chứng',
    office: 'Sở Tư pháp',
    asks: w([`(?:khieu nai|to cao)${gap(3)} cong chung`, `cong chung vien${gap(3)} (?:lam sai|sai|lam trai)`, `cong chung vien${gap(8)} (?:mo|thanh lap|lap) van phong`]),
    names: w(['cong chung vien', 'to chuc hanh nghe cong chung', 'van phong cong chung']),
    sure: true,
  },
  {
    // Luật Giám định tư pháp 2012 (sửa đổi 2020): a signature or a handwriting is examined by a
    // judicial expertise body.
    topic: 'giám định chữ ký, chữ viết, tài liệu',
    office: 'tổ chức giám định tư pháp (Phòng Kỹ thuật hình sự Công an tỉnh hoặc văn phòng giám định tư pháp)',
    asks: w([`giam dinh${gap(1)} (?:chu ky|chu viet|tai lieu)`]),
    names: w(['giam dinh']),
    sure: true,
  },
  {
    // Nghị định 78/2002/NĐ-CP; Quyết định 157/2007/QĐ-TTg: preferential loans of the poor and of
    // students are the social policy bank's; a bank's complaint unresolved: the State Bank.
    topic: 'vay vốn ưu đãi, vay vốn sinh viên; khiếu nại ngân hàng',
    office: 'ngân hàng: vay vốn ưu đãi (hộ nghèo, cận nghèo, sinh viên) ở Ngân hàng Chính sách xã hội qua Tổ tiết kiệm và vay vốn ở thôn; ngân hàng không giải quyết khiếu nại: Ngân hàng Nhà nước chi nhánh khu vực',
    asks: w([
      `(?:muon|xin|dang ky|dang ki) vay von (?:cho )?sinh vien`, `(?:vay|muon) (?:von|tien)${gap(3)} (?:dong|nop) hoc phi`,
      `vay von${gap(10)} (?:o |tai )?ngan hang nao`,
      'tru tien oan', `tai khoan${gap(2)} bi tru tien`, `ngan hang${gap(1)} khong (?:chiu )?giai quyet`,
    ]),
    names: w(['ngan hang', 'tin dung']),
    sure: true,
  },
  {
    // Luật Quản lý thuế 2019; Thông tư 40/2021/TT-BTC: whether a shop pays tax is the tax office's.
    topic: 'thuế của hộ, cá nhân kinh doanh (có phải nộp thuế, doanh thu chịu thuế)',
    office: 'cơ quan thuế (Thuế cơ sở nơi bạn kinh doanh)',
    asks: w([`(?<!khong )(?:co )?phai (?:dong|nop) thue(?! (?:truoc ba|khoan))`, `doanh thu${gap(6)} (?:dong|nop|chiu) thue`]),
    names: w(['thue']),
    sure: true,
  },
  {
    // Luật Hải quan 2014; Thông tư 15/2019/TT-NHNN: foreign cash over 5,000 USD is declared at
    // customs; import duty on a parcel is paid to customs.
    topic: 'khai báo ngoại tệ mang qua cửa khẩu, thuế nhập khẩu',
    office: 'cơ quan hải quan (Chi cục Hải quan tại cửa khẩu, sân bay)',
    asks: w([`mang${gap(3)} [0-9]+ (?:nghin|ngan|trieu) (?:do|usd|dola|do la|euro|yen)`, 'thue nhap khau']),
    names: w(['hai quan', 'nhap khau']),
    sure: true,
  },
  {
    // Luật Đất đai 2024, Điều 131; Nghị định 101/2024/NĐ-CP: a parcel surveyed again is done by the
    // land registration office or a licensed surveyor.
    topic: 'đo đạc lại thửa đất',
    office: 'Văn phòng đăng ký đất đai (Chi nhánh) hoặc đơn vị đo đạc có giấy phép',
    asks: w([`thue (?:don vi|ben|cong ty|nguoi)${gap(2)} nao (?:do|do dac|do ve)`, '(?:don vi|cong ty) (?:nao )?do dac']),
    names: w(['do dac', 'ban do', 'dien tich']),
    sure: true,
  },
];
