/**
 * Pass 28 (r13agency): other agencies' matters a fresh probe told as situations (out-of-scope-28)
 * in words that share a word with one of the ward's records, so that the reply kept that record (a
 * birth registered abroad taken for the ward's birth, a social insurance book corrected for the
 * residence data, a divorce petition for a household split, a mortgage released for a certified
 * contract, a vehicle's papers for a marriage re-registered) or declined naming the wrong office
 * (a health certificate for driving school named the driving licence's police).
 *
 * Read before every other office (assistant.other-offices.ts): the reply names the first office
 * whose words the question has, and these say the act asked of the office more exactly than the
 * earlier tables' words they share ("học lái xe", "hộ chiếu", "hợp tác xã"). As there, `sure`
 * words turn away a procedure found that is not about the office (`true`: every word of `asks`);
 * each pattern says the act asked, never the story around one of the ward's records (a father
 * working in Korea while the child's birth is registered at home, a paper of the ward's for a
 * maternity claim: assistant.other-offices.ts, `forWardPaper`). Each was run against every in-scope
 * line of the tuning, training and dev sets; none says them.
 */
import type { OtherOffice } from './assistant.other-offices';
import { TOLD_COUNTRIES, VISA_COUNTRIES, WORK_COUNTRIES } from './assistant.countries';
import { w } from './assistant.office-words';

/** A few words between two of a pattern's parts. */
const gap = (n: number) => `(?: [a-z0-9]+){0,${n}}`;

/**
 * The words of a story around one of the ward's records (a civil-status paper, a copy or a
 * signature certified, a residence confirmed, a contract certified): a question that has one asks
 * for that record, the other office's matter being what it is for ("giấy chứng tử để làm chế độ tử
 * tuất", "chứng thực hợp đồng để sang tên xe", "đang ở Hàn Quốc, cần bản sao giấy khai sinh").
 */
const WARD_STORY = ['khai tu', 'chung tu', 'bao tu', 'khai sinh', 'ket hon', 'trich luc', 'ban sao', 'chung thuc', 'chu ky', 'ho tich', 'dinh danh', 'vneid', 'cu tru', 'cat khau', 'xac nhan', 'uy quyen', 'doc than', 'tinh trang hon nhan', 'lap gia dinh', 'chung minh', 'hop dong', 'noi o', 'cho o'];

/** `w(patterns)` in a question that tells none of `story`. */
const unless = (story: string[], patterns: string[]): RegExp => new RegExp(`^(?!.*(?:^| )(?:${story.join('|')})(?= |$)).*(?:^| )(?:${patterns.join('|')})(?= |$)`);

/** Another country, as the situations name it ("Đài Loan", "nước ngoài"), "y" read as "i" (TOLD_COUNTRIES) or kept as the offices read it ("Mỹ"). */
const ABROAD = `(?:${[...new Set([...TOLD_COUNTRIES, ...WORK_COUNTRIES, ...VISA_COUNTRIES])].join('|')})`;

/**
 * The asker (or the family) living abroad now ("vợ chồng em đang làm việc bên Đài Loan", "cả nhà
 * vẫn sống ở Đức", "đang ở bên Mỹ" opening the question), or not back yet ("chưa về nước"). Not
 * another member of the family abroad ("chồng đang làm ở Hàn"): the birth registered at home is
 * the ward's.
 */
const LIVING_ABROAD = [
  `(?<!(?:chong|vo|bo|me|ba|cha|con|anh|chi|em|ong|ban|co|chu|di|cau) )(?:vo chong (?:em|toi|minh|tui|chau)|ca nha|gia dinh (?:em|toi|minh|tui)|chung (?:em|toi)|em|toi|minh|tui)${gap(1)} (?:dang|van|hien|hien dang|con) (?:o|song|lam viec|lam|dinh cu|sinh song|hoc)(?: o| tai| ben)? ${ABROAD}`,
  `^(?:dang|hien dang|hien) (?:o|song)(?: ben| tai)? ${ABROAD}`,
  'chua ve (?:nuoc|viet nam|vn)',
].join('|');

/**
 * Luật Hộ tịch 2014, Điều 3, 7; Luật Xuất cảnh, nhập cảnh của công dân Việt Nam 2019, Điều 16;
 * Luật Quốc tịch Việt Nam 2008, Điều 10: a citizen living abroad registers a birth, gets a passport
 * and has the nationality confirmed at the Vietnamese embassy or consulate. Not one back home, or
 * coming back ("về nước làm khai sinh", "về Việt Nam"): then the ward records the birth.
 */
const EMBASSY = new RegExp(`^(?!.*(?<!chua )(?:ve|tro ve) (?:nuoc|viet nam|vn|que)(?: |$))(?!.*(?:^| )(?:${WARD_STORY.filter((x) => x !== 'khai sinh').join('|')})(?: |$))(?=.*(?:^| )(?:${LIVING_ABROAD})(?: |$))(?=.*(?:^| )(?:khai sinh|ho chieu|passport|quoc tich)(?: |$))`);

/** Social insurance's own matters, by the act asked (what the ward only certifies a paper for is not one). */
const INSURANCE = '(?:bao hiem xa hoi|bhxh)';
const HEALTH_CARD = '(?:the )?(?:bao hiem y te|bhyt)';

export const AGENCY_TOLD: OtherOffice[] = [
  {
    topic: 'khai sinh, hộ chiếu, quốc tịch của công dân Việt Nam đang ở nước ngoài',
    office: 'cơ quan đại diện Việt Nam ở nước ngoài (Đại sứ quán, Tổng Lãnh sự quán Việt Nam nơi bạn đang ở)',
    asks: EMBASSY,
    names: w(['co quan dai dien', 'dai su quan', 'lanh su']),
    sure: true,
  },
  {
    // Luật Bảo hiểm xã hội 2024, Điều 13, 18, 28; Luật Bảo hiểm y tế: a pension, a lump sum, a
    // maternity or survivors' benefit, voluntary insurance, the book and the health card reissued
    // or corrected are social insurance's (the national records of them kept: `names`).
    topic: 'bảo hiểm xã hội, bảo hiểm y tế (lương hưu, hưởng một lần, thai sản, tử tuất, sổ BHXH, thẻ BHYT)',
    office: 'cơ quan Bảo hiểm xã hội (Bảo hiểm xã hội cơ sở nơi bạn cư trú hoặc nơi đóng)',
    asks: unless(WARD_STORY, [
      `rut${gap(1)} ${INSURANCE}`, `(?:huong|lanh|linh|nhan|rut) ${INSURANCE} (?:mot|1) lan`,
      '(?:huong|lanh|linh|nhan) (?:che do |tien )?thai san', 'che do thai san', '(?:tien|che do) tu tuat', 'tien tuat',
      `${INSURANCE} tu nguyen`, `so ${INSURANCE}${gap(4)} (?:sai|nham|dinh chinh|sua|cap lai|bi mat|rach|gop)`,
      `${HEALTH_CARD}${gap(4)} (?:bi rach|rach|bi mat|bi hong|cap lai|cap doi)`, `(?:cap lai|doi|lam lai) ${HEALTH_CARD}`, `dong ${HEALTH_CARD}${gap(2)} trung`,
      'ho so (?:huong )?luong huu', `du tuoi (?:nghi )?huu${gap(6)} luong huu`, `(?:nhan|linh|lanh) (?:luong huu|tien huu)${gap(4)} (?:qua|bang) (?:tai khoan|the atm|ngan hang)`,
    ]),
    // not "bảo hiểm" alone: the ward's birth record with a child's health card (2.001023) says it
    names: w(['bao hiem xa hoi', 'bhxh', 'bhyt', 'huu', 'tro cap', 'thai san', 'tu tuat']),
    sure: true,
  },
  {
    // Bộ luật Tố tụng dân sự 2015, Điều 35, 39, 271–273; Luật Hôn nhân và gia đình 2014, Điều 51:
    // a divorce (agreed or by one), a petition handed to a court, an appeal to the higher court are
    // the court's. Not a divorce already granted that the ward notes (no "nộp đơn", no petition).
    topic: 'ly hôn, khởi kiện, kháng cáo',
    office: 'Tòa án nhân dân (tòa án khu vực nơi cư trú; kháng cáo: qua tòa đã xử sơ thẩm lên tòa cấp trên)',
    asks: w([
      `(?:nop|gui|lam|viet) don${gap(2)} (?:o |tai |len |ra )?toa(?! bao)`,
      `don phuong (?:ly hon|ly di|li hon|li di)${gap(6)} (?:nop|o dau|cho nao|dau)`,
      `(?:len|o) toa cap tren`, 'xu phuc tham', '(?:toa|xu|ban an) so tham(?: [a-z0-9]+){0,6} (?:thua|khong dong y|khong phuc|xu lai)',
      `(?:muon|de|di) kien${gap(6)} (?:nop don|o dau|cho nao|toa nao)`,
    ]),
    names: w(['toa an', 'ban an', 'khoi kien', 'to tung', 'ly hon']),
    sure: true,
  },
  {
    // Thông tư 79/2024/TT-BCA, Điều 4: vehicles are registered, transferred and their papers
    // reissued by the police (the commune's for motorbikes and most cars). Not the ward's one-stop
    // office; on the national catalogue these records are there (`names`) and kept.
    topic: 'đăng ký xe, sang tên xe, cấp lại giấy đăng ký xe (cà vẹt), biển số',
    office: 'cơ quan công an đăng ký xe (Công an cấp xã nơi bạn cư trú; một số loại xe: Phòng Cảnh sát giao thông Công an tỉnh)',
    asks: unless(WARD_STORY, ['ca vet', 'cavet', `sang ten${gap(2)} (?:doi chu )?xe`, 'sang ten doi chu xe', `(?:giay|chung nhan) (?:dang ky|dang ki) xe(?! tam)`, 'bam bien']),
    names: w(['dang ky xe', 'bien so', 'sang ten xe', 'chu xe']),
    sure: true,
  },
  {
    // Luật Đất đai 2024, Điều 133; Nghị định 101/2024/NĐ-CP (đăng ký biến động, xóa đăng ký thế chấp):
    // the land registration office.
    topic: 'đăng ký biến động đất đai, xóa đăng ký thế chấp (giải chấp)',
    office: 'Văn phòng đăng ký đất đai (Chi nhánh Văn phòng đăng ký đất đai nơi có đất)',
    asks: w(['giai chap', 'xoa (?:dang ky )?the chap(?! (?:xe|o to|tau))', 'dang ky bien dong']),
    names: w(['bien dong', 'the chap', 'bao dam', 'dang ky dat dai']),
    sure: true,
  },
  {
    // Luật Khám bệnh, chữa bệnh 2023, Điều 44, 48: a private practice is licensed by the health
    // department; Luật Người khuyết tật 2010, Điều 16: a disability the commune's council rated and
    // the person disputes is assessed by the medical assessment council.
    topic: 'giấy phép hoạt động phòng khám; giám định lại mức độ khuyết tật',
    office: 'Sở Y tế (giấy phép hoạt động); giám định lại mức độ khuyết tật: Hội đồng Giám định y khoa (Sở Y tế)',
    asks: unless(['hop dong', 'bhyt', 'bao hiem y te', 'thu y', 'cho meo', 'thu cung', 'cho', 'meo'], ['mo phong kham', `giay phep hoat dong (?:kham|phong kham)`, `khuyet tat${gap(14)} giam dinh (?:lai|y khoa)`, `giam dinh (?:lai|y khoa)${gap(6)} khuyet tat`]),
    names: w(['phong kham', 'hanh nghe kham', 'giam dinh y khoa', 'giam dinh']),
    sure: true,
  },
  {
    // Thông tư 32/2023/TT-BYT, Điều 32: a health certificate (for a driving school too) is a
    // licensed clinic's or hospital's, not the driving licence's police.
    topic: 'giấy khám sức khỏe (đi làm, đi học, lái xe)',
    office: 'bệnh viện hoặc cơ sở khám bệnh, chữa bệnh được phép khám sức khỏe (Sở Y tế công bố danh sách)',
    asks: unless(WARD_STORY, [`giay kham suc khoe${gap(8)} (?:kham )?(?:o|tai) (?:dau|cho nao|benh vien nao)`]),
    names: w(['suc khoe']),
    sure: true,
  },
  {
    // Luật Quản lý thuế 2019, Điều 30–36: a tax code registered or its data updated is the tax office's.
    topic: 'mã số thuế (đăng ký, cập nhật thông tin)',
    office: 'cơ quan thuế (Thuế cơ sở nơi bạn cư trú hoặc kinh doanh)',
    asks: w([`mst${gap(6)} (?:sai|cap nhat|doi|dieu chinh|bi khoa|dong|cap lai)`]),
    names: w(['thue']),
    sure: true,
  },
  {
    // Luật Nghĩa vụ quân sự 2015, Điều 16, 43: a soldier back from service is registered in the
    // reserve at the local military command.
    topic: 'đăng ký ngạch dự bị sau khi xuất ngũ',
    office: 'Ban Chỉ huy quân sự (cơ quan quân sự địa phương)',
    asks: w(['ngach du bi', 'quan nhan du bi']),
    names: w(['quan su', 'du bi', 'xuat ngu']),
    sure: true,
  },
  {
    // Nghị định 111/2011/NĐ-CP, Điều 11, 14: papers legalised for use abroad, asked where however
    // long the story between (pass 27 wrote its shorter form in assistant.province-offices.ts; one
    // entry since stop 46). Not a foreign paper a ward's record needs, asked without "where"
    // ("giấy độc thân bên Ý có cần hợp pháp hóa lãnh sự không").
    topic: 'hợp pháp hóa lãnh sự, chứng nhận lãnh sự giấy tờ',
    office: 'Cục Lãnh sự (Bộ Ngoại giao) hoặc Sở Ngoại vụ; hợp pháp hóa giấy tờ nước ngoài: đại sứ quán, lãnh sự quán của nước đó',
    asks: w([`(?:hop phap hoa|chung nhan) lanh su${gap(12)} (?:o dau|cho nao|tai dau|co quan nao)`]),
    names: w(['lanh su', 'ngoai giao', 'hop phap hoa']),
    sure: true,
  },
  {
    // Luật Lý lịch tư pháp 2009 (sửa đổi 2025): that one has no criminal record is the judicial
    // record sheet's, issued by the provincial police since 1 July 2025.
    topic: 'phiếu lý lịch tư pháp (xác nhận không có án tích)',
    office: 'Công an tỉnh, thành phố nơi cư trú (hoặc đề nghị trên VNeID)',
    asks: w(['(?:khong|chua)(?: co| tung co| bi)? an tich']),
    names: w(['ly lich tu phap']),
    sure: true,
  },
  {
    // Bộ luật Tố tụng hình sự 2015, Điều 143–145, 155: a crime reported, a prosecution asked for.
    topic: 'tố giác tội phạm, đề nghị khởi tố',
    office: 'cơ quan công an (cơ quan điều tra; công an cấp xã nơi xảy ra vụ việc tiếp nhận tin báo, tố giác tội phạm)',
    asks: w(['(?:muon|de nghi|yeu cau|doi|xin) khoi to']),
    names: w(['to giac', 'toi pham', 'khoi to']),
    sure: true,
  },
  {
    // Nghị định 78/2002/NĐ-CP; Quyết định 157/2007/QĐ-TTg: preferential loans (the poor, students)
    // are the social policy bank's; a home loan repaid over years is a commercial bank's.
    topic: 'vay vốn (vay học phí sinh viên; vay mua nhà trả góp)',
    office: 'ngân hàng: vay vốn ưu đãi (hộ nghèo, cận nghèo, sinh viên) ở Ngân hàng Chính sách xã hội qua Tổ tiết kiệm và vay vốn ở thôn; vay mua nhà: ngân hàng thương mại',
    asks: unless(WARD_STORY, [`vay (?:tien|von)${gap(2)} hoc phi`, `vay${gap(8)} tra (?:gop|dan)`]),
    names: w(['ngan hang', 'tin dung']),
    sure: true,
  },
  {
    // Luật Giám định tư pháp 2012 (sửa đổi 2020): a DNA test of parentage, asked where.
    topic: 'xét nghiệm ADN xác định cha, mẹ, con',
    office: 'tổ chức giám định tư pháp hoặc cơ sở xét nghiệm ADN được cấp phép',
    asks: w([`(?:muon|di) xet nghiem adn${gap(10)} (?:di dau|dau lam|lam o dau|o dau lam|lam cho nao)`]),
    names: w(['giam dinh tu phap', 'adn']),
    sure: true,
  },
  {
    // Nghị định 158/2024/NĐ-CP, Điều 20, 21: a contract car's or taxi's badge is the province's
    // transport department's (now Sở Xây dựng).
    topic: 'phù hiệu xe kinh doanh vận tải (xe hợp đồng, taxi)',
    office: 'Sở Xây dựng (quản lý vận tải)',
    asks: w(['phu hieu']),
    names: w(['phu hieu', 'van tai']),
    sure: true,
  },
  {
    // Luật Địa chất và khoáng sản 2024: earth or sand dug to sell is mined under the province's
    // licence (not a groundwater well: assistant.hamlet-told.ts).
    topic: 'khai thác khoáng sản, đất san lấp, cát sỏi',
    office: 'Sở Nông nghiệp và Môi trường (cấp phép khai thác khoáng sản)',
    asks: w([`(?:giay phep|xin phep|cap phep) khai thac (?:dat|soi)`, `(?:muc|khai thac) dat${gap(4)} (?:ban|san lap)`]),
    names: w(['khoang san', 'khai thac']),
    sure: true,
  },
  {
    // Luật Doanh nghiệp 2020, Điều 206, 207: a sole proprietorship (a company, not a household
    // business) pauses or closes at the business registration office.
    topic: 'doanh nghiệp tư nhân tạm ngừng kinh doanh, giải thể',
    office: 'Phòng Đăng ký kinh doanh thuộc Sở Tài chính',
    asks: w([`doanh nghiep tu nhan${gap(6)} (?:tam ngung|giai the|ngung kinh doanh)`]),
    names: w(['doanh nghiep']),
    sure: true,
  },
  {
    // Luật Sở hữu trí tuệ 2005 (sửa đổi 2022), Điều 89: a trademark, also a cooperative's, is filed
    // with the IP office (not the cooperative's registration).
    topic: 'đăng ký nhãn hiệu',
    office: 'Cục Sở hữu trí tuệ (Bộ Khoa học và Công nghệ)',
    asks: w([`(?:muon|xin|can|de|lam) (?:dang ky|dang ki|bao ho) nhan hieu`]),
    names: w(['nhan hieu', 'so huu tri tue', 'so huu cong nghiep']),
    sure: true,
  },
];
