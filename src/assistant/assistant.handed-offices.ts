/**
 * Pass 26 (r11agency): other agencies' matters a fresh probe asked (out-of-scope-25) in words no
 * office's table read, so that the reply kept one of the ward's records (a marriage for a marriage
 * annulled, a certified copy for a lost diploma, a residence for a tax code) or declined without
 * naming who does it: the procuracy, fire safety, maintenance owed, a parcel lost, the court asked
 * by what it decides, a driving test, a household business become a company, a concert, a
 * diploma lost or a transcript, a school place, a land sale's tax, a foreign country's visa.
 *
 * As in assistant.other-offices.ts, `sure` words turn away a procedure found: they say the act asked
 * of that office ("thi lấy bằng xe máy", "công ty tạm ngừng hoạt động"), never the story around
 * one of the ward's records ("chứng thực bản sao bằng tốt nghiệp", "hộ kinh doanh tạm ngừng", "ly
 * hôn ở tòa án Mỹ rồi, ghi chú vào sổ"). Each was run against every in-scope line of the tuning,
 * training and dev sets; none says them.
 */
import type { OtherOffice } from './assistant.other-offices';
import { VISA_COUNTRIES } from './assistant.countries';
import { w } from './assistant.office-words';

/** A few words between two of a pattern's parts. */
const gap = (n: number) => `(?: [a-z0-9]+){0,${n}}`;

/** A company as citizens say it ("cty", "doanh nghiệp"). */
const COMPANY = '(?:cong ty|cty|doanh nghiep)';

/** Countries whose visa a citizen asks for by name ("thị thực Úc", "visa Mỹ"): the countries table's `visa` column. */
const VISA_COUNTRY = `(?:${VISA_COUNTRIES.join('|')})`;

/** Read before the others: a detention complained of is not the detainee visited (assistant.more-offices.ts). */
export const HANDED_EARLY: OtherOffice[] = [
  {
    // Luật Tổ chức Viện kiểm sát nhân dân 2014, Điều 2, 12–16; Bộ luật Tố tụng hình sự 2015, Điều
    // 469, 473: a detention kept past its term, an arrest or a prosecution complained of are the
    // procuracy's to oversee — no record of the ward's counter.
    topic: 'khiếu nại việc tạm giữ, tạm giam, truy tố (kiểm sát điều tra, xét xử, thi hành án)',
    office: 'Viện kiểm sát nhân dân nơi vụ việc đang được điều tra, truy tố, xét xử',
    asks: w(['vien kiem sat', 'vks', `tam (?:giu|giam)${gap(2)} qua (?:thoi )?han`, `giam${gap(2)} qua (?:thoi )?han`, 'khieu nai (?:viec |lenh )?(?:tam giu|tam giam|bat giam|truy to)']),
    names: w(['kiem sat', 'tam giam', 'tam giu']),
    sure: true,
  },
];

export const HANDED_OFFICES: OtherOffice[] = [
  {
    // Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ 2024, Điều 15, 16; Nghị định 105/2025/NĐ-CP:
    // the design approved, the works accepted, a business's fire-safety conditions are the police's
    // fire service. Not the commune's records of the people called to fight a fire (their names say
    // "người được huy động, người tham gia phòng cháy"): `names` are the police's own records.
    topic: 'phòng cháy, chữa cháy (thẩm định thiết kế, nghiệm thu, điều kiện an toàn phòng cháy của cơ sở)',
    office: 'cơ quan Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ (Công an tỉnh; cơ sở nhỏ: Công an cấp xã kiểm tra)',
    asks: w([
      `(?:tham duyet|tham dinh|nghiem thu|giay chung nhan|giay phep|chung nhan|du dieu kien|dieu kien)${gap(4)} (?:phong chay|pccc)`,
      `(?:phong chay|pccc)${gap(3)} (?:tham duyet|tham dinh|nghiem thu|giay chung nhan|giay phep)`,
    ]),
    names: w(['tham dinh thiet ke', 'tham duyet thiet ke', 'nghiem thu ve phong chay', 'phuong tien phong chay']),
    sure: true,
  },
  {
    // Luật Hôn nhân và gia đình 2014, Điều 110, 116, 119: maintenance for a child owed after a
    // divorce is claimed at the court (or enforced by civil judgment enforcement once decided).
    topic: 'cấp dưỡng nuôi con (yêu cầu cấp dưỡng, buộc thi hành nghĩa vụ cấp dưỡng)',
    office: 'Tòa án nhân dân (tòa án khu vực nơi cư trú); đã có bản án, quyết định mà không chịu cấp dưỡng: cơ quan thi hành án dân sự',
    asks: w(['(?<!(?:nang|khan) )cap duong', 'tien nuoi con']),
    names: w(['cap duong', 'thi hanh an']),
    sure: w([`(?:khong|chua|ko|k)${gap(2)} (?:gui|tra|dua|dong|chu cap|chiu) (?:tien )?(?:cap duong|nuoi con)`, `(?:doi|yeu cau|kien)${gap(2)} (?:tien )?cap duong`]),
  },
  {
    // The court's matters asked by what it decides (Bộ luật Tố tụng dân sự 2015, Điều 28, 35; Luật
    // Hôn nhân và gia đình 2014, Điều 10, 11, 51): a divorce said as leaving one's spouse, a
    // marriage annulled, an estate divided by the court — not the ward's record of a divorce or an
    // annulment decided abroad ("đã ly hôn ở tòa án bên Mỹ, về ghi vào sổ").
    topic: 'ly hôn, hủy việc kết hôn trái pháp luật, chia di sản khi có tranh chấp',
    office: 'Tòa án nhân dân (tòa án khu vực nơi cư trú)',
    asks: w([
      `(?:don phuong|muon|xin|nop don)${gap(1)} bo (?:chong|vo)`,
      `huy${gap(3)} (?:ket hon|hon nhan|cuoc hon nhan)${gap(2)} trai (?:phap )?luat`,
      `(?:nho|de|cho|yeu cau) toa${gap(2)} (?:phan xu|giai quyet|chia|xu)`,
      'ra toa chia',
    ]),
    names: w(['toa an', 'ly hon', 'huy viec ket hon']),
    sure: true,
  },
  {
    // Luật Bưu chính 2010, Điều 38, 39: a parcel lost, late or damaged is complained of to the
    // postal company that took it (then to the Ministry's inspectors). "Bưu điện" alone is also how
    // the ward sends a result home ("nhận kết quả qua bưu điện"): not among these words.
    topic: 'bưu phẩm, bưu kiện bị chậm, thất lạc, hư hỏng',
    office: 'doanh nghiệp bưu chính đã nhận gửi (bưu điện VNPost, Viettel Post, đơn vị chuyển phát…)',
    asks: w(['buu pham', 'buu kien', 'ems', 'chuyen phat nhanh', 'buu gui']),
    names: w(['buu chinh', 'buu gui', 'chuyen phat']),
    sure: w(['(?:gui|don|hang) ems', `(?:buu pham|buu kien|buu gui)${gap(4)} (?:that lac|bi mat|cham|chua toi|chua den|chua nhan|bi hu|bi hong|bi vo)`]),
  },
  {
    // Luật Trật tự, an toàn giao thông đường bộ 2024, Điều 61; Thông tư 35/2024/TT-BCA: the driving
    // test is the police's (since 1 March 2025), learnt at a licensed driving school.
    topic: 'học, thi sát hạch lấy giấy phép lái xe',
    office: 'cơ sở đào tạo lái xe (học) và Phòng Cảnh sát giao thông Công an tỉnh (sát hạch, cấp giấy phép lái xe)',
    asks: w([`thi${gap(1)} (?:lay )?(?:bang|bang lai|giay phep lai xe|gplx)(?: xe)? (?:may|o to|oto|a1|a|b|b1|b2|c)`, 'thi (?:lay )?bang lai', 'hoc (?:va thi )?(?:lay )?bang (?:xe may|o to|a1|b2|b1)']),
    names: w(['lai xe', 'gplx', 'sat hach']),
    sure: true,
  },
  {
    // Luật Doanh nghiệp 2020, Điều 206; Nghị định 168/2025/NĐ-CP: a company's pause of business, a
    // household business become a company are the business registration office's (Sở Tài chính) —
    // not a household business's own pause or change (the ward's: "quán tạp hóa nghỉ bán 3 tháng").
    topic: 'đăng ký doanh nghiệp (công ty tạm ngừng kinh doanh, hộ kinh doanh chuyển thành doanh nghiệp)',
    office: 'Phòng Đăng ký kinh doanh thuộc Sở Tài chính',
    asks: w([
      `${COMPANY}${gap(4)} tam ngung (?:hoat dong|kinh doanh)`,
      `ho kinh doanh${gap(8)} (?:chuyen|nang|len|doi)(?: len| sang| doi)? (?:thanh|sang|len) ${COMPANY}`,
      `chuyen (?:doi )?(?:tu )?ho kinh doanh (?:len |sang )?(?:thanh )?${COMPANY}`,
    ]),
    names: w(['doanh nghiep', 'cong ty']),
    sure: true,
  },
  {
    // Nghị định 144/2020/NĐ-CP, Điều 9–12: a show or a concert organised is notified to the
    // province's department of culture.
    topic: 'tổ chức biểu diễn nghệ thuật, đêm nhạc, chương trình ca nhạc',
    office: 'Sở Văn hóa, Thể thao và Du lịch',
    asks: w([`to chuc${gap(2)} (?:dem nhac|dem dien|dem ca nhac|liveshow|live show|chuong trinh ca nhac|buoi hoa nhac|hoa nhac|ca nhac)`]),
    names: w(['bieu dien', 'nghe thuat', 'van hoa']),
    sure: true,
  },
  {
    // A diploma or a transcript is the school's (Thông tư 21/2019/TT-BGDĐT, Điều 23, 26: its copy
    // from the master register, its correction); a place at a school the school's or the education
    // office's. Not a copy of it certified by the ward ("chứng thực bảng điểm", "bản sao bằng").
    topic: 'văn bằng, bảng điểm, nhận học sinh chuyển đến',
    office: 'nhà trường đã cấp bằng (bản sao từ sổ gốc, bảng điểm) hoặc trường nơi xin học; Phòng/Sở Giáo dục và Đào tạo',
    asks: w([
      // (not a copy asked from the master register, "bản sao từ sổ gốc": 2.000908 in the tuning sets)
      `(?:mat|that lac|roi mat|chay mat|hong)${gap(2)} (?:bang|van bang) (?:tot nghiep|dai hoc|cao dang|cap 3|cap ba|thpt|trung cap)(?![a-z0-9 ]* so goc)`,
      // "cấp lại bằng tốt nghiệp đại học bị rách": a diploma issued again (pass 27, r12facts).
      `(?:xin )?(?:cap lai|lam lai|xin lai)(?: cai| tam)? (?:bang|van bang) (?:tot nghiep|dai hoc|cao dang|cap 3|cap ba|thpt|trung cap)(?![a-z0-9 ]* so goc)`,
      `(?:xin|cap|lam|lay)(?: cai| ban)? bang diem`,
      `(?:xin|nop don) (?:cho (?:con|chau|em) )?(?:vao|nhap) (?:hoc )?truong`,
      `cong nhan${gap(1)} bang (?:dai hoc|thac si|tien si|cao dang)${gap(4)} (?:nuoc ngoai|o ${VISA_COUNTRY}|tai ${VISA_COUNTRY})`,
    ]),
    // (not "trường" alone: folded, "trường hợp" of any record's name)
    names: w(['giao duc', 'hoc sinh', 'van bang', 'nha truong', 'truong hoc']),
    sure: true,
  },
  {
    // Luật Quản lý thuế 2019; Luật Thuế thu nhập cá nhân, Điều 14: the tax on a land sale, a tax
    // code of one's own, an officer of the tax office denounced are the tax office's.
    topic: 'thuế (thuế chuyển nhượng đất, mã số thuế cá nhân, tố cáo cán bộ thuế)',
    office: 'cơ quan thuế (Thuế cơ sở nơi có đất hoặc nơi bạn cư trú)',
    asks: w([
      `(?:ban|chuyen nhuong)${gap(1)} (?:dat|nha|manh dat|mieng dat|lo dat)${gap(6)} thue`,
      `thue${gap(3)} (?:ban|chuyen nhuong) (?:dat|nha)`,
      `(?:dang ky|dang ki|xin|lam|cap) (?:cai )?ma so thue`,
      `to cao${gap(2)} (?:can bo|cong chuc|nhan vien) thue`,
    ]),
    names: w(['thue']),
    sure: w([`(?:dang ky|dang ki|xin|lam|cap) (?:cai )?ma so thue`, `to cao${gap(2)} (?:can bo|cong chuc|nhan vien) thue`, `(?:ban|chuyen nhuong)${gap(1)} (?:dat|nha|manh dat|mieng dat|lo dat)${gap(6)} thue (?:2|hai) (?:phan tram|%)`]),
  },
  {
    // A foreign country's visa or emigration to it is that country's embassy's (a Vietnamese
    // passport holder asks it there); Vietnamese papers used abroad are legalised by the Ministry
    // of Foreign Affairs (Nghị định 111/2011/NĐ-CP).
    topic: 'thị thực (visa), định cư ở nước ngoài; hợp pháp hóa giấy tờ mang ra nước ngoài dùng',
    office: 'đại sứ quán, lãnh sự quán của nước bạn đến; giấy tờ mang ra nước ngoài: Cục Lãnh sự (Bộ Ngoại giao) hoặc Sở Ngoại vụ',
    asks: w([
      `(?:thi thuc|visa) (?:cua |nuoc |di |sang )?${VISA_COUNTRY}`,
      `dinh cu (?:o |tai |ben |sang )?${VISA_COUNTRY}${gap(4)} (?:dien )?bao lanh`,
      `(?:dong dau|xac nhan)${gap(4)} (?:mang|dem|gui) (?:ra|sang|di) (?:nuoc ngoai|${VISA_COUNTRY}) (?:de )?(?:dung|su dung|nop)`,
      `(?:mang|dem|gui) (?:ra|sang|di) (?:nuoc ngoai|${VISA_COUNTRY}) (?:de )?(?:dung|su dung)${gap(4)} (?:dong dau|xac nhan|hop phap)`,
    ]),
    names: w(['lanh su', 'ngoai giao', 'thi thuc', 'hop phap hoa']),
  },
  {
    // Hàng gửi từ nước ngoài về giữ lại chờ khai báo: customs (Luật Hải quan 2014, Điều 29).
    topic: 'hàng gửi từ nước ngoài về bị giữ chờ làm thủ tục hải quan',
    office: 'cơ quan hải quan (Chi cục Hải quan nơi hàng đến) và đơn vị chuyển phát đã nhận gửi',
    asks: w([`(?:hang|do|kien hang)${gap(3)} (?:tu|o|ben) (?:nuoc ngoai|${VISA_COUNTRY})${gap(3)} (?:gui ve|ship ve|ve)${gap(3)} (?:bi giu|giu lai)`]),
    names: w(['hai quan', 'nhap khau']),
  },
  {
    topic: 'thẻ ngân hàng (thẻ ATM bị nuốt, bị khóa, mở thẻ)',
    office: 'ngân hàng phát hành thẻ (chi nhánh, phòng giao dịch gần nhất)',
    asks: w(['cay atm', `the (?:ngan hang|atm)${gap(3)} (?:bi nuot|bi khoa|bi giu|nuot)`, 'mo the (?:atm|ngan hang)']),
    names: w(['ngan hang', 'tin dung']),
    sure: w(['cay atm', `the (?:ngan hang|atm)${gap(3)} (?:bi nuot|bi khoa|bi giu|nuot)`]),
  },
  {
    // Nghị định 105/2017/NĐ-CP (sửa đổi bởi 17/2020/NĐ-CP), Điều 25: a licence to distribute or
    // wholesale alcohol is the province's department of industry and trade's.
    topic: 'bán buôn, phân phối rượu, bia, thuốc lá',
    office: 'Sở Công Thương',
    asks: w([`(?:ban buon|phan phoi|ban si)${gap(1)} (?:ruou|bia|thuoc la)`]),
    names: w(['(?:ban buon|phan phoi|ban le) (?:san pham )?(?:ruou|thuoc la)', 'cong thuong']),
    sure: true,
  },
];
