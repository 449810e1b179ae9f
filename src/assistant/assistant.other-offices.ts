/**
 * Offices a citizen's question belongs to that are not the ward's, read from the words of the
 * question (folded, so that "toa an" and "tòa án" are the same): a court, the army's conscription
 * office, the electricity or water company, a hospital, a school, a bank, customs, tax, social
 * insurance, immigration, the land office… Most have no national record a citizen would name (no
 * record is a court's, an electricity company's or a school's), so the retriever cannot point there
 * by itself; their word is the sign.
 *
 * Two uses (assistant.service.ts):
 * - a refusal or a hand-over names the office ("Việc kiện chia thừa kế do Tòa án nhân dân giải
 *   quyết…") instead of only saying the question is out of scope;
 * - an answer, a choice or another level's record whose name has none of the office's topic
 *   ("thẻ tạm trú cho chồng người Úc" → the ward's temporary residence; "kiện chia thừa kế" → the
 *   certification of an estate's division) gives way to that refusal.
 *
 * `asks` is what a citizen says when the matter is that office's; `names` what a procedure's name
 * says when it is about the same matter (then the procedure found is kept).
 */
import { stripDiacritics } from '../shared/vietnamese';
import type { Decided } from './assistant.decide';
import { EARLY_OFFICES, FURTHER_OFFICES } from './assistant.further-offices';
import { AGENCY_OFFICES } from './assistant.agency-offices';
import { AGENCY_TOLD } from './assistant.agency-told';
import { HANDED_EARLY, HANDED_OFFICES } from './assistant.handed-offices';
import { HAMLET_OFFICES } from './assistant.hamlet-told';
import { PROVINCE_FIRST, PROVINCE_OFFICES } from './assistant.province-offices';
import { FIRST_OFFICES, LATER_OFFICES, MORE_OFFICES } from './assistant.more-offices';
import { w } from './assistant.office-words';

export interface OtherOffice {
  /** What the matter is, as the reply says it ("Việc … "). */
  topic: string;
  /** The office, as the reply names it. */
  office: string;
  asks: RegExp;
  names: RegExp;
  /**
   * The words of `asks` a citizen hardly says as the story around one of the ward's procedures
   * ("thẻ tạm trú", "kéo điện 3 pha", "kháng cáo"; not "hộ chiếu", "lương hưu", "xuất khẩu lao
   * động", which tell why a birth certificate or a signature is needed): only these turn away a
   * procedure found. `true`: every word of `asks` is sure (the matter has no word that tells a
   * story around the ward's procedures; each pattern is written once, in `asks`).
   */
  sure?: RegExp | true;
}

/** The words of an office's matter that turn away a procedure found (`sure`, or all of `asks`). */
const sureWords = (o: OtherOffice): RegExp | undefined => (o.sure === true ? o.asks : o.sure);

/**
 * A lawsuit asked where to bring ("muốn kiện thì nộp đơn ở đâu", "bên bán lật kèo, kiện ở đâu", "giờ
 * đi kiện thì nộp đâu"; pass 24): "kiện" within four words of the place asked. Folded, "kiện" is
 * also "kiến": not a parcel, a condition, an event, an opinion ("bưu kiện", "điều kiện", "sự
 * kiện", "ý kiến"), nor "kiến thiết", "kiến trúc", "kiến thức", "kiến nghị" ("đại lý xổ số kiến
 * thiết ở đầu hẻm", "chứng chỉ hành nghề kiến trúc ở đâu"); nor a suit told before the ward's
 * mediation asked elsewhere in the question ("muốn kiện nhà hàng xóm …, tòa bảo phải có biên bản
 * của xã, xin ở đâu").
 */
const SUIT_WHERE = '(?<!(?:^| )(?:buu|dieu|su|phu|linh|i|sang|chung|du|quan) )kien(?! (?:thiet|truc|thuc|nghi|toan|tao))(?: [a-z0-9]+){0,3} (?:o |tai )?(?:dau|cho nao|co quan nao)';

/**
 * A divorce asked for itself (pass 23): "ly dị" as "ly hôn"; the next thing asked in a
 * conversation ("vậy còn ly dị thì nộp đơn ở chỗ nào", folded "còn" is "con"), or its petition
 * handed in ("ly hôn thì nộp đơn") — not the household split or the marital-status paper after one.
 */
const DIVORCE_ASKED = ['nop don ly di', 'lam don ly di', 'xin ly di', 'muon ly di', 'con (?:ly hon|ly di|li hon|li di)(?: thi)?(?= (?:sao|nop|lam|o|tai|len|ra|ton|het|mat|bao|may|can|phai|the)(?: |$))', '(?:ly hon|ly di|li hon|li di) thi (?:nop|lam|viet) don',
  // pass 24: the petition named by its kind ("đơn thuận tình ly hôn gửi về đâu")
  'don (?:xin |thuan tinh |don phuong )?(?:ly hon|ly di)(?: thuan tinh| don phuong)? (?:gui|nop|o|tai|den)',
  // pass 25: the divorce's own procedure done, or which court asked ("làm thủ tục ly hôn ở tòa nào";
  // not a divorce told as done "ở tòa án Mỹ", whose record the ward notes)
  '(?:lam|nop) thu tuc (?:ly hon|ly di)', '(?:ly hon|ly di)(?: [a-z0-9]+){0,2} (?:o|tai) toa nao'];

/**
 * Pass 25: the court's other matters a citizen asks for by what is decided — who keeps the
 * children, fought for (Luật Hôn nhân và gia đình 2014, Điều 81, 84; not a custody told as decided,
 * nor "nuôi con nuôi", the ward's adoption), a person declared missing or dead asked of the court
 * (Bộ luật Dân sự 2015, Điều 68, 71), damages sued for ("kiện đòi bồi thường"; the ward's own
 * compensation is asked, not sued for: "yêu cầu bồi thường").
 */
const COURT_DECIDES = ['(?:gianh|tranh|doi lai|gianh lai) (?:quyen )?nuoi con(?! nuoi)', 'quyen nuoi con(?: [a-z0-9]+){0,4} (?:nop don|o dau|cho ai|kien)', 'thay doi nguoi (?:truc tiep )?nuoi con', '(?:muon|de|nho|xin|yeu cau) toa (?:an )?tuyen bo', 'kien (?:doi )?boi thuong'];


export const OTHER_OFFICES: OtherOffice[] = [
  ...AGENCY_TOLD,
  ...HANDED_EARLY,
  ...PROVINCE_FIRST,
  ...FIRST_OFFICES,
  ...EARLY_OFFICES,
  {
    topic: 'kiện tụng, ly hôn, kháng cáo, bản án, tuyên bố một người mất tích',
    office: 'Tòa án nhân dân (tòa án khu vực nơi cư trú)',
    asks: w(['khoi kien', 'kien chia', 'kien doi', 'don kien', 'di kien', 'kien ra toa', 'kien len toa', 'khang cao', 'trich luc ban an', 'xin tuyen bo', 'yeu cau tuyen bo', 'nop don ly hon', 'lam don ly hon', 'xin ly hon', 'muon ly hon', SUIT_WHERE, ...DIVORCE_ASKED, ...COURT_DECIDES]),
    names: w(['toa an', 'ban an', 'mat tich', 'ly hon', 'khoi kien', 'to tung']),
    sure: w(['kien chia', 'khang cao', 'trich luc ban an', 'xin tuyen bo', 'yeu cau tuyen bo', 'muon ly hon', 'xin ly hon', 'lam don ly hon', SUIT_WHERE, ...DIVORCE_ASKED, ...COURT_DECIDES]),
  },
  {
    topic: 'nghĩa vụ quân sự (khám tuyển, tạm hoãn, nhập ngũ)',
    office: 'Ban Chỉ huy quân sự (cơ quan quân sự địa phương)',
    asks: w(['nghia vu quan su', 'di bo doi', 'nhap ngu', 'di nghia vu', 'kham nghia vu', 'hoan nghia vu']),
    names: w(['quan su', 'nhap ngu', 'xuat ngu']),
    // pass 26: the service's own registration asked ("con 17 tuổi đăng ký nghĩa vụ quân sự lần đầu")
    sure: w(['dang k[iy] (?:tham gia )?nghia vu quan su', 'nghia vu quan su lan dau']),
  },
  {
    topic: 'bay thiết bị bay không người lái (flycam, drone)',
    office: 'cơ quan quân sự (Bộ Quốc phòng cấp phép bay)',
    asks: w(['flycam', 'drone', 'khong nguoi lai']),
    names: w(['khong nguoi lai', 'tau bay']),
    sure: true,
  },
  {
    topic: 'điện (lắp công tơ, kéo điện, tiền điện)',
    office: 'công ty điện lực (Điện lực khu vực)',
    asks: w(['dien luc', 'keo dien', 'dien 3 pha', 'dien ba pha', 'cong to dien', 'dong ho dien', 'tien dien']),
    names: w(['dien luc', 'cong to']),
    // pass 25: a meter of one's own fitted ("lắp công tơ điện riêng"), no record of the ward's
    sure: w(['keo dien', 'dien 3 pha', 'dien ba pha', 'dong ho dien', 'tien dien', 'lap (?:dat )?cong to']),
  },
  {
    topic: 'nước máy (lắp đồng hồ nước, tiền nước)',
    office: 'công ty cấp nước',
    // pass 25: a house connected to the mains ("đấu nối nước sạch")
    asks: w(['nuoc may', 'dong ho nuoc', 'tien nuoc', 'dau noi nuoc', 'noi nuoc sach']),
    names: w(['cap nuoc', 'nuoc sach']),
    sure: w(['dong ho nuoc', 'tien nuoc', 'dau noi nuoc', 'noi nuoc sach']),
  },
  {
    topic: 'giấy ra viện, giấy chứng thương, hồ sơ bệnh án',
    office: 'bệnh viện hoặc cơ sở y tế nơi khám, điều trị',
    asks: w(['giay ra vien', 'chung thuong', 'benh an']),
    names: w(['benh an', 'ra vien', 'thuong tich']),
    sure: w(['chung thuong']),
  },
  {
    topic: 'mở phòng khám, nhà thuốc, hành nghề khám chữa bệnh',
    office: 'Sở Y tế',
    asks: w(['mo phong kham', 'mo nha thuoc', 'nha khoa', 'hanh nghe duoc', 'hanh nghe kham', 'thiet bi y te', 'thuoc tay', 'mo quay thuoc', 'mo hieu thuoc', 'co so kham']),
    // pass 27: not "chữa bệnh", "y tế" alone, which the health insurance's records say ("Thanh toán chi phí khám, chữa bệnh BHYT")
    names: w(['kham benh', 'duoc pham', 'hanh nghe duoc', 'hanh nghe kham', 'nha thuoc', 'so y te', 'bo y te', 'co so y te']),
    // pass 25: the licence of a pharmacy or a practice asked ("giấy phép kinh doanh thuốc tây", "giấy
    // phép hành nghề khám bệnh"), not the household business a shop also registers
    sure: w(['nha khoa', '(?:giay phep|kinh doanh|ban) thuoc tay', 'hanh nghe kham(?: chua)? benh', 'hanh nghe duoc', 'chung chi hanh nghe duoc']),
  },
  {
    topic: 'chuyển trường, thi cử, phúc khảo',
    office: 'nhà trường hoặc Phòng/Sở Giáo dục và Đào tạo',
    asks: w(['chuyen truong', 'phuc khao', 'thi tot nghiep', 'diem thi']),
    // pass 27: a school said as one, not the bare word, which folded is also "trường hợp", "môi trường", "trưởng"
    names: w(['giao duc', 'hoc sinh', 'phuc khao', 'truong hoc', 'nha truong', 'truong (?:mam non|tieu hoc|trung hoc|thcs|thpt|dai hoc|cao dang|pho thong|cap [123])']),
    sure: true,
  },
  {
    topic: 'đổi tiền rách, tiền hư',
    office: 'ngân hàng (Ngân hàng Nhà nước hoặc ngân hàng thương mại)',
    asks: w(['tien rach', 'tien bi rach', 'tien hu', 'doi tien']),
    names: w(['tien khong du tieu chuan', 'doi tien']),
    sure: w(['tien rach', 'tien bi rach', 'tien hu']),
  },
  {
    topic: 'hàng hóa, hành lý hay xe nhập khẩu, xuất khẩu',
    office: 'cơ quan hải quan (Chi cục Hải quan)',
    // (not "xuất khẩu lao động", going to work abroad: assistant.agency-offices.ts — pass 25)
    asks: w(['hai quan', 'xuat khau(?! lao dong)', 'hanh ly', 'hang nhap khau', 'hang hoa nhap khau', 'xe nhap khau', 'nhap khau (?:xe|hang|o to|may moc|thiet bi)', 'khai bao [a-z0-9 ]{0,30}san bay', 'san bay [a-z0-9 ]{0,30}khai', 'mo to khai', 'to khai hai quan']),
    names: w(['hai quan', 'nhap khau', 'xuat khau', 'hanh ly']),
    // pass 24: a declaration at the airport is the act asked ("mang 12 nghìn đô … có phải khai báo ở sân bay không")
    sure: w(['hai quan', 'hanh ly', 'khai bao [a-z0-9 ]{0,30}san bay', 'san bay [a-z0-9 ]{0,30}khai']),
  },
  {
    topic: 'thuế (mã số thuế, thuế khoán, thuế nhà đất, thuế thu nhập)',
    office: 'cơ quan thuế (Thuế cơ sở nơi bạn cư trú hoặc kinh doanh)',
    asks: w(['ma so thue', 'thue khoan', 'thue tncn', 'thue thu nhap', 'quyet toan thue', 'no thue', 'thue dat o', 'thue nha dat', 'thue su dung dat', 'giam tru gia canh', 'nguoi phu thuoc', 'mon bai']),
    names: w(['thue']),
    sure: w(['thue tncn', 'nguoi phu thuoc', 'giam tru gia canh', 'thue dat o', 'thue nha dat']),
  },
  {
    topic: 'bảo hiểm xã hội (sổ BHXH, lương hưu, quá trình đóng)',
    office: 'cơ quan Bảo hiểm xã hội',
    // unemployment benefit is the job centre's (assistant.further-offices.ts)
    // "chốt sổ" (pass 24): the book closed by the employer and social insurance
    asks: w(['bhxh', 'bao hiem xa hoi', 'luong huu', 'so bao hiem', 'qua trinh dong', 'bhtn', 'chot so']),
    names: w(['bao hiem', 'bhxh', 'huu', 'tro cap']),
    sure: w(['qua trinh dong']),
  },
  {
    topic: 'giấy phép lao động cho người nước ngoài',
    office: 'Sở Nội vụ (lĩnh vực lao động)',
    asks: w(['giay phep lao dong', 'work permit']),
    names: w(['giay phep lao dong']),
    sure: true,
  },
  {
    topic: 'hộ chiếu, thị thực, thẻ tạm trú của người nước ngoài',
    office: 'Phòng Quản lý xuất nhập cảnh Công an tỉnh',
    asks: w(['ho chieu', 'passport', 'so thong hanh', 'the tam tru', 'xuat nhap canh', 'visa lao dong', 'gia han visa', 'gia han thi thuc']),
    names: w(['ho chieu', 'thi thuc', 'the tam tru', 'xuat nhap canh', 'xuat canh', 'nhap canh']),
    // pass 25: a passport made new, asked where ("làm hộ chiếu gắn chíp lần đầu có nộp ở xã được không")
    sure: w(['so thong hanh', 'the tam tru', 'visa lao dong', 'gia han visa', 'gia han thi thuc', 'ho chieu gan chip', '(?:lam|xin|cap) (?:cuon |quyen )?ho chieu(?: [a-z0-9]+){0,4} lan dau']),
  },
  // pass 21: a driving licence and the judicial record, asked after one of the ward's procedures
  // ("còn đổi bằng lái quốc tế thì đi đâu", "người ta đòi lý lịch tư pháp số 2") — named by the act
  // or the sheet asked, never by the paper alone ("chứng thực bản sao bằng lái" is the ward's).
  {
    topic: 'giấy phép lái xe (thi, đổi, cấp lại, bằng lái quốc tế)',
    office: 'Công an tỉnh (Phòng Cảnh sát giao thông) hoặc cơ sở đào tạo lái xe',
    asks: w(['thi bang lai', 'thi lai xe', 'thi gplx', 'hoc lai xe', 'hoc bang lai', 'doi bang lai', 'doi gplx', 'doi giay phep lai xe', 'cap lai bang lai', 'cap lai gplx', 'cap lai giay phep lai xe', 'nang hang bang lai', 'bang lai (?:xe )?quoc te', 'giay phep lai xe quoc te', 'gplx quoc te']),
    names: w(['lai xe', 'gplx', 'bang lai']),
  },
  {
    topic: 'phiếu lý lịch tư pháp',
    // pass 26: issued by the police since 1 July 2025 (the national records 3.000330–3.000335: Công
    // an tỉnh, Cục Hồ sơ nghiệp vụ); asked also by what it proves ("giấy chứng minh không có tiền án")
    office: 'Công an tỉnh, thành phố nơi cư trú (hoặc đề nghị trên VNeID)',
    asks: w(['(?:xin|lam|cap|can|doi|dang ki) (?:phieu |cai )?ly lich tu phap', 'ly lich tu phap (?:so )?(?:1|2|mot|hai)', 'phieu ly lich tu phap', 'tien an']),
    names: w(['ly lich tu phap']),
    sure: w(['(?:khong|chua)(?: co| tung co)? tien an', 'tien an tien su']),
  },
  {
    topic: 'lập vi bằng',
    office: 'Văn phòng thừa phát lại',
    asks: w(['vi bang', 'thua phat lai']),
    names: w(['vi bang', 'thua phat lai']),
    sure: true,
  },
  ...MORE_OFFICES,
  ...LATER_OFFICES,
  ...FURTHER_OFFICES,
  ...AGENCY_OFFICES,
  ...HANDED_OFFICES,
  ...HAMLET_OFFICES,
  ...PROVINCE_OFFICES,
];

/**
 * "Thế" written with its marks before "tạm trú" ("thôi được, thế tạm trú thì nộp ở chỗ nào") is
 * the "then" of a next question, never the foreigner's card "thẻ tạm trú" it folds to (pass 27,
 * r12facts): read as "vậy". Unmarked, "the tam tru" stays the card.
 */
const THEN_TEMPORARY = /(^|[^\p{L}])thế(?= tạm trú)/giu;

/** The question folded: no marks, "đ" as "d", letters and digits only, one space between words. */
export function foldQuestion(text: string): string {
  return stripDiacritics(text.normalize('NFC').replace(THEN_TEMPORARY, '$1vậy')).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** The office the question's words give the matter to, if any (`sure`: only by its sure words). */
export function otherOffice(text: string, sure = false): OtherOffice | undefined {
  const f = foldQuestion(text);
  return OTHER_OFFICES.find((o) => (sure ? sureWords(o)?.test(f) : o.asks.test(f)));
}

/**
 * The question folded and every office its words give the matter to, in `OTHER_OFFICES`' order
 * (the first is `otherOffice`'s): read once per question, for the reply and `notOfficeMatter`.
 */
export interface OfficesAsked {
  folded: string;
  asked: OtherOffice[];
}
export function officesAsked(text: string): OfficesAsked {
  const folded = foldQuestion(text);
  return { folded, asked: OTHER_OFFICES.filter((o) => o.asks.test(folded)) };
}

/** Whether a procedure's name is about the office's matter (then it may well be the answer); `head`: in its first syllables only. */
export function aboutOffice(o: OtherOffice, procedureName: string, head = Infinity): boolean {
  return o.names.test(foldQuestion(procedureName).split(' ').slice(0, head).join(' '));
}

/**
 * How many of a pointed record's first syllables say what it is about. A long national name lists
 * the cases it covers after its subject ("Đăng ký, Cấp giấy chứng nhận kiểm dịch động vật trên cạn
 * tham gia hội chợ, triển lãm, thi đấu thể thao, biểu diễn nghệ thuật…"; "Thay đổi tên, địa chỉ trụ
 * sở chính, …, trưởng văn phòng đại diện công ty chứng khoán…"): an office's word met only that far
 * in is one of its cases, and another level's record pointed to for it is not the question's. The
 * right pointers of the tuning sets have it within 16 syllables, the wrong ones from the 20th.
 */
export const POINTER_HEAD = 16;

/**
 * The line a refusal or a hand-over adds: who does it instead. A hand-over is not sure what the
 * question is about, so its line says "if".
 */
export function officeLine(o: OtherOffice, unitName: string, handedOver = false): string {
  return handedOver
    ? `Nếu việc của bạn là ${o.topic}: việc đó không giải quyết tại ${unitName}, bạn liên hệ ${o.office}.`
    : `Việc ${o.topic} không giải quyết tại ${unitName}: bạn liên hệ ${o.office}.`;
}

/**
 * A paper the ward itself issues or certifies, named in the question (read unmarked, "y" kept: pass
 * 27 wrote "giấy" and "sao y" so, and the residence's "nơi ở", "chỗ ở").
 */
const WARD_PAPER = w(['can cuoc', 'cccd', 'gia[iy] xac nhan', 'xac nhan cu tru', 'xac nhan noi cu tru', 'xac nhan thong tin cu tru', 'xac nhan (?:noi|cho) o', 'ct07', 'gia[iy] khai sinh', 'trich luc', 'ban sao', 'sao [iy]', 'chung thuc', 'tinh trang hon nhan', 'doc than']);
/**
 * A paper of the ward's named by what it confirms or is, demanded by the other office ("nhà trường
 * đòi giấy xác nhận cư trú", "trường bắt nộp giấy xác nhận nơi ở"; pass 27): the paper is the
 * question wherever the office's matter stands in the story ("con tôi học lớp 5 chuyển trường lên
 * thành phố, …"). Not a bare "giấy xác nhận", which may be the other office's own.
 */
const DEMANDED = w(['(?:doi|bat nop|bat|iu cau|yeu cau|bao nop|doi nop)(?: (?:phai|nop|co|them|cai|to))? (?:gia[iy] )?(?:xac nhan (?:thong tin )?(?:cu tru|noi cu tru|noi o|cho o)|ct07|khai sinh|trich luc|ban sao|xac nhan tinh trang hon nhan|xac nhan doc than)']);
/** What says the matter after it is only what the paper is for ("để nộp hồ sơ tuyển sinh", "làm hồ sơ …"). */
const FOR_PURPOSE = /(?:^| )(?:de|nop|ho so)(?: [a-z0-9]+){0,2} $/;

/**
 * The other office's sure words said only as what a paper of the ward's is for (pass 24: "trường
 * đòi giấy xác nhận nơi cư trú … để nộp hồ sơ tuyển sinh lớp 6"): the paper is the question, the
 * admission its story. Every place the sure words stand must follow such a purpose.
 */
function forWardPaper(f: string, sure: RegExp): boolean {
  if (!WARD_PAPER.test(f)) return false;
  if (DEMANDED.test(f)) return true;
  const every = new RegExp(sure.source, 'g');
  const at = [...f.matchAll(every)].map((m) => m.index! + (m[0].startsWith(' ') ? 1 : 0));
  return at.length > 0 && at.every((i) => FOR_PURPOSE.test(f.slice(Math.max(0, i - 40), i)));
}

/** The office's matter said in its sure words, and not only as what a paper of the ward's is for. */
function saidSurely(o: OtherOffice, f: string): boolean {
  const sure = sureWords(o);
  return sure !== undefined && sure.test(f) && !forWardPaper(f, sure);
}

/**
 * The office whose matter the question says in its sure words (pass 26): an elsewhere pointer
 * kept because its record is about that matter ("Tạm ngừng hoạt động công ty chứng khoán" for a
 * company's pause, "Phúc khảo bài thi chứng chỉ đại lý bảo hiểm" for an exam re-marked) may be
 * another body's record of it; the reply names the office as well (`besideLine`).
 */
export function officeSaidSurely(question: OfficesAsked): OtherOffice | undefined {
  return OTHER_OFFICES.find((o) => saidSurely(o, question.folded));
}

/** The line an elsewhere pointer adds for the office whose matter the question says. */
export const besideLine = (o: OtherOffice): string => `Việc ${o.topic} thuộc ${o.office}.`;

/**
 * The decision declined when the question says an office's matter in its sure words and none of
 * the procedures it answers, offers or points to is about it (a refusal or a hand-over stays).
 * Another level's record pointed to without the rules' sure answer (below `sureBelow`) is no
 * answer either: then any word of an office's matter, not only a sure one, names that office
 * instead ("đăng ký nhãn hiệu nước mắm" pointed to a vehicle's "phù hiệu"). A record about any
 * office the question names is kept ("đăng ký tàu cá và đăng kiểm": the fishing boat's record).
 */
export async function notOfficeMatter(question: string | OfficesAsked, nameOf: (code: string) => Promise<string | undefined>, d: Decided, sureBelow = Infinity): Promise<Decided> {
  const { folded: f, asked } = typeof question === 'string' ? officesAsked(question) : question;
  const office = OTHER_OFFICES.find((o) => saidSurely(o, f)) ?? (d.decision === 'elsewhere' && d.confidence < sureBelow ? asked[0] : undefined);
  if (!office || d.decision === 'decline' || d.decision === 'handoff' || !d.picks.length) return d;
  const named = await Promise.all(d.picks.map(async (c) => (await nameOf(c.id)) ?? ''));
  const head = d.decision === 'elsewhere' ? POINTER_HEAD : Infinity;
  return named.some((n) => [office, ...asked].some((o) => aboutOffice(o, n, head))) ? d : { decision: 'decline', picks: [], confidence: d.confidence };
}
