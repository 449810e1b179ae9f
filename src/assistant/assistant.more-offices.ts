/**
 * More offices a citizen's question belongs to that are not the ward's (pass 21), read like those
 * of assistant.other-offices.ts and spread at the end of its list: the intellectual property office,
 * the culture, sports and tourism department, the press and publishing office, the department of
 * industry and trade, the consular office and embassies, the telephone companies, the lottery
 * company, the radio frequency office, a forensic laboratory, a prison, a bank for currency and
 * accounts, the traffic police, the health department for cosmetics and traditional medicine, the
 * organ donation centre, the education department for diplomas and admissions, and the forest
 * rangers for timber.
 *
 * On the full catalogue most of these matters have no national record, or only one whose name
 * shares a general word with the question ("nhãn hiệu" and a vehicle's "phù hiệu", a lottery prize
 * and a "special" investment, a sports gym and a ship's "chief instructor"): the office's word is
 * what tells the reply whom to name. `sure` words are those no in-scope line of the tuning and
 * training sets or the dev samples says ("lãnh sự quán", "xét nghiệm ADN", "bằng tốt nghiệp",
 * "tai nạn lao động" are stories around the ward's own records and are not sure).
 */
import type { OtherOffice } from './assistant.other-offices';
import { w } from './assistant.office-words';
import { BUYER_COUNTRIES, COMPANY_COUNTRIES } from './assistant.countries';

/** The same words, unless a boat is said (a boat's inspection or papers are not a motor vehicle's). */
const notBoat = (re: RegExp) => new RegExp(`^(?!.*(?:^| )(?:tau ca|tau danh ca|ghe|thuyen|tau thuyen)(?= |$))[^]*?${re.source}`);

export const MORE_OFFICES: OtherOffice[] = [
  {
    topic: 'sáng chế, nhãn hiệu, kiểu dáng công nghiệp (sở hữu công nghiệp)',
    office: 'Cục Sở hữu trí tuệ (Bộ Khoa học và Công nghệ)',
    // a brand said as citizens say it, "thương hiệu" (pass 24): named when declined, never turning a record away
    asks: w(['sang che', 'doc quyen', 'so huu tri tue', 'nhan hieu', 'thuong hieu', 'kieu dang cong nghiep', 'giai phap huu ich']),
    names: w(['so huu cong nghiep', 'so huu tri tue', 'nhan hieu', 'sang che', 'kieu dang']),
    sure: w(['sang che', 'doc quyen', 'so huu tri tue', 'kieu dang cong nghiep', 'giai phap huu ich']),
  },
  {
    topic: 'hợp pháp hóa, chứng nhận lãnh sự giấy tờ; thị thực (visa) đi nước ngoài',
    office: 'Cục Lãnh sự (Bộ Ngoại giao) hoặc Sở Ngoại vụ; visa của nước khác: đại sứ quán, lãnh sự quán của nước đó',
    asks: w(['hop phap hoa', 'chung nhan lanh su', 'lanh su quan', 'dai su quan', 'xin visa', 'lam visa', 'visa du lich', 'visa du hoc', 'visa tham than', 'xin thi thuc']),
    names: w(['lanh su', 'ngoai giao', 'thi thuc', 'hop phap hoa']),
  },
  {
    topic: 'du lịch (thẻ hướng dẫn viên, giấy phép lữ hành), kinh doanh thể thao, biểu diễn nghệ thuật, quán bar, vũ trường',
    office: 'Sở Văn hóa, Thể thao và Du lịch (hoặc Sở Du lịch)',
    asks: w(['huong dan vien', 'lu hanh', 'phong gym', 'phong tap', 'kinh doanh the thao', 'giai chay', 'giai dau', 'bieu dien', 'nhac song', 'quan bar', 'vu truong', '(?:dua|dan|to chuc cho) khach di tour', 'kinh doanh tour']),
    names: w(['du lich', 'lu hanh', 'the thao', 'van hoa', 'bieu dien', 'nghe thuat']),
    sure: w(['huong dan vien', 'phong gym', 'quan bar', 'vu truong', 'giai chay', 'nhac song', 'giay phep (?:kinh doanh )?(?:dich vu )?lu hanh', '(?:dua|dan|to chuc cho) khach di tour', 'kinh doanh tour']),
  },
  {
    topic: 'báo chí, xuất bản, in sách (thẻ nhà báo, giấy phép xuất bản)',
    office: 'Sở Văn hóa, Thể thao và Du lịch (lĩnh vực báo chí, xuất bản) hoặc Bộ Văn hóa, Thể thao và Du lịch',
    asks: w(['xuat ban', 'the nha bao', 'phong vien', 'co quan bao chi', 'in sach', 'in thanh sach']),
    names: w(['bao chi', 'xuat ban', 'in an']),
    sure: w(['xuat ban', 'the nha bao']),
  },
  {
    topic: 'kinh doanh xăng dầu, chứng nhận xuất xứ hàng hóa xuất khẩu (C/O)',
    office: 'Sở Công Thương (C/O: tổ chức cấp C/O của Bộ Công Thương)',
    asks: w(['xang dau', 'cay xang', 'ban le xang', 'c o', 'chung nhan xuat xu', 'giay xuat xu']),
    names: w(['xang dau', 'cong thuong']),
    sure: w(['xang dau', 'chung nhan xuat xu', 'giay xuat xu']),
  },
  {
    topic: 'điện thoại, SIM, internet, cáp quang',
    office: 'nhà mạng (doanh nghiệp viễn thông: Viettel, VNPT, MobiFone…)',
    asks: w(['sim', 'cap quang', 'lap mang', 'lap internet', 'mang internet', 'wifi', 'nha mang', 'thue bao', 'khoa sim', 'sim chinh chu']),
    names: w(['vien thong', 'thue bao', 'internet']),
    sure: w(['lap mang', 'lap internet', 'khoa sim', 'wifi']),
  },
  {
    topic: 'vé số, lãnh thưởng xổ số',
    office: 'công ty xổ số kiến thiết đã phát hành vé (hoặc đại lý xổ số)',
    asks: w(['ve so', 'xo so', 'trung so', 'lanh thuong', 'do ve so']),
    names: w(['xo so']),
    sure: w(['xo so', 'lanh thuong', 'do ve so']),
  },
  {
    topic: 'tần số vô tuyến điện (bộ đàm, máy phát sóng)',
    office: 'Cục Tần số vô tuyến điện (Bộ Khoa học và Công nghệ)',
    asks: w(['tan so', 'bo dam', 'phat song']),
    names: w(['tan so', 'vo tuyen']),
    sure: w(['tan so', 'bo dam']),
  },
  {
    topic: 'giám định ADN, xét nghiệm huyết thống',
    office: 'tổ chức giám định tư pháp hoặc cơ sở xét nghiệm ADN được cấp phép',
    asks: w(['giam dinh adn', 'xet nghiem adn', 'test adn', 'giam dinh huyet thong', 'xet nghiem huyet thong']),
    names: w(['giam dinh tu phap', 'adn']),
  },
  {
    topic: 'thăm gặp người đang bị tạm giam hoặc chấp hành án phạt tù',
    office: 'trại giam, trại tạm giam nơi người thân đang chấp hành án (Công an)',
    // pass 25: a relative held before trial ("người thân bị tạm giam, muốn vào thăm gặp")
    asks: w(['trai giam', 'tham nuoi', 'tham gap pham nhan', 'pham nhan', 'dang thu an', 'tham tu', 'chap hanh an o trai', 'bi tam giam', 'trai tam giam', 'tham gap']),
    names: w(['pham nhan', 'tam giam', 'trai giam', 'chap hanh an']),
    sure: w(['tham nuoi', 'pham nhan', 'bi tam giam', 'trai tam giam']),
  },
  {
    topic: 'đổi ngoại tệ, xác nhận số dư tài khoản, thẻ ngân hàng',
    office: 'ngân hàng thương mại nơi bạn có tài khoản (ngoại tệ, ngoại hối: ngân hàng hoặc đại lý được Ngân hàng Nhà nước cấp phép)',
    asks: w(['ngoai te', 'doi do la', 'doi usd', 'do la my', 'xac nhan so du', 'so du tai khoan', 'chung minh tai chinh', 'the atm', 'mo tai khoan']),
    names: w(['ngoai te', 'ngan hang', 'tin dung', 'ngoai hoi']),
    sure: w(['ngoai te', 'doi do la', 'doi usd', 'so du tai khoan', 'chung minh tai chinh']),
  },
  {
    topic: 'phạt nguội, nộp phạt vi phạm giao thông, xe bị tạm giữ, đấu giá biển số xe',
    office: 'Cảnh sát giao thông (Công an tỉnh)',
    // pass 25: the fine paid, the vehicle held, in the words of the probe ("đóng tiền phạt qua mạng",
    // "xe máy bị tạm giữ 7 ngày do chạy quá tốc độ")
    asks: w(['phat nguoi', 'vuot den do', 'vi pham giao thong', 'nop phat', 'dau gia bien so', 'bien so dep', 'bang so dep', 'ngu quy', 'dong (?:tien )?phat', 'xe(?: [a-z0-9]+){0,2} bi tam giu', 'csgt']),
    names: w(['giao thong', 'xu phat', 'bien so', 'dau gia']),
    // (not "phạt nguội" nor "nộp phạt": a vehicle's registration withdrawn "để khỏi bị phạt nguội", a
    // birth registered late "phải nộp phạt" are the ward's)
    sure: w(['vuot den do', 'dau gia bien so', 'dong (?:tien )?phat', 'xe(?: [a-z0-9]+){0,2} bi tam giu']),
  },
  {
    topic: 'công bố mỹ phẩm, phòng chẩn trị y học cổ truyền',
    office: 'Sở Y tế',
    asks: w(['my pham', 'y hoc co truyen', 'chan tri', 'luong y', 'thuoc nam gia truyen']),
    names: w(['my pham', 'y hoc', 'y te', 'kham benh', 'chua benh']),
    sure: w(['y hoc co truyen', 'chan tri', 'cong bo my pham', 'luong y']),
  },
  {
    topic: 'đăng ký hiến mô, bộ phận cơ thể, hiến xác',
    office: 'Trung tâm Điều phối quốc gia về ghép bộ phận cơ thể người (hoặc bệnh viện nhận đăng ký hiến tạng)',
    asks: w(['hien tang', 'hien xac', 'hien mo', 'hien giac mac', 'hien than', 'ghep tang']),
    names: w(['ghep tang', 'ghep mo', 'ghep bo phan', 'hien tang', 'hien mo', 'hien xac', 'bo phan co the']),
    sure: w(['hien tang', 'hien xac', 'hien giac mac', 'ghep tang']),
  },
  {
    topic: 'công nhận văn bằng nước ngoài, bản sao bằng tốt nghiệp, trung tâm ngoại ngữ, tuyển sinh',
    office: 'Sở Giáo dục và Đào tạo (văn bằng nước ngoài: Bộ Giáo dục và Đào tạo; bản sao bằng: trường đã cấp bằng)',
    asks: w(['cong nhan van bang', 'van bang(?: [a-z0-9]+){0,4} (?:duoc )?cong nhan', 'van bang nuoc ngoai', 'trung tam ngoai ngu', 'trung tam tieng anh', 'day tieng anh', 'tuyen sinh', 'thi vao truong', 'truong nang khieu', 'bang tu tai']),
    names: w(['giao duc', 'van bang', 'dao tao', 'tuyen sinh']),
    sure: w(['cong nhan van bang', 'trung tam ngoai ngu', 'tuyen sinh', 'truong nang khieu']),
  },
  {
    topic: 'nguồn gốc gỗ, khai thác và vận chuyển lâm sản',
    office: 'cơ quan kiểm lâm (Hạt Kiểm lâm, Chi cục Kiểm lâm)',
    asks: w(['nguon goc go', 'kiem lam', 'van chuyen go', 'go rung trong', 'lam san']),
    names: w(['go', 'lam san', 'kiem lam', 'rung']),
    sure: w(['nguon goc go', 'van chuyen go']),
  },
  {
    topic: 'thi hành án dân sự (bản án chưa được thi hành, cưỡng chế, miễn giảm phí thi hành án)',
    office: 'cơ quan thi hành án dân sự (Thi hành án dân sự tỉnh hoặc Phòng Thi hành án dân sự khu vực)',
    asks: w(['thi hanh an', 'cuong che thi hanh', 'ban an buoc', 'ban an tuyen', 'an da tuyen', 'khong chiu tra', 'khong thi hanh']),
    names: w(['thi hanh an']),
  },
  {
    topic: 'kiểm định, đăng kiểm xe cơ giới (tem đăng kiểm)',
    office: 'trung tâm đăng kiểm xe cơ giới (Cục Đăng kiểm Việt Nam)',
    // (not a fishing boat's: "đăng ký tàu cá và đăng kiểm" is the fisheries office's, below — pass 23)
    // a car "tới hạn kiểm định" (pass 24): a vehicle within six words before the inspection
    asks: notBoat(w(['dang kiem', 'tem kiem dinh', 'kiem dinh xe', '(?:xe|o to)(?: [a-z0-9]+){0,6} kiem dinh'])),
    names: w(['dang kiem', 'kiem dinh']),
    sure: notBoat(w(['dang kiem', '(?:xe|o to)(?: [a-z0-9]+){0,6} kiem dinh'])),
  },
  {
    topic: 'kiểm dịch động vật, thực vật; thú y',
    office: 'cơ quan chăn nuôi và thú y (Chi cục Chăn nuôi và Thú y tỉnh); kiểm dịch thực vật: Chi cục Trồng trọt và Bảo vệ thực vật',
    asks: w(['kiem dich', 'thu y']),
    names: w(['kiem dich', 'thu y', 'dong vat', 'thuc vat']),
  },
  {
    topic: 'súng săn, vũ khí, công cụ hỗ trợ',
    office: 'Công an tỉnh (Phòng Cảnh sát quản lý hành chính về trật tự xã hội)',
    asks: w(['sung san', 'sung hoi', 'vu khi', 'cong cu ho tro', 'dui cui', 'binh xit hoi cay']),
    names: w(['vu khi', 'cong cu ho tro', 'sung', 'vat lieu no']),
    sure: w(['sung san', 'sung hoi', 'dui cui', 'binh xit hoi cay']),
  },
  {
    topic: 'đăng ký doanh nghiệp (thành lập, đổi trụ sở, đổi người đại diện, giải thể công ty)',
    office: 'Phòng Đăng ký kinh doanh thuộc Sở Tài chính',
    asks: w(['tru so chinh', 'dang ky doanh nghiep', 'giai the cong ty', 'cong ty co phan', 'cong ty tnhh', 'doanh nghiep tu nhan', 'von dieu le']),
    names: w(['doanh nghiep', 'cong ty']),
    // pass 25: a company's own registration asked ("sửa giấy đăng ký doanh nghiệp", "doanh nghiệp tư
    // nhân đổi tên"), not a household business's (the ward's)
    sure: w(['tru so chinh', 'giay (?:chung nhan )?dang ky doanh nghiep', 'doanh nghiep tu nhan(?: [a-z0-9]+){0,8} (?:doi ten|thay doi|giai the|dang ky)', 'giai the cong ty']),
  },
  {
    topic: 'khoáng sản, khai thác cát đá, xả nước thải, giấy phép môi trường',
    office: 'Sở Nông nghiệp và Môi trường (tài nguyên, khoáng sản, môi trường)',
    asks: w(['khoang san', 'mo cat', 'mo da', 'khai thac cat', 'xa thai', 'xa nuoc thai', 'giay phep moi truong', 'khai thac nuoc mat']),
    names: w(['khoang san', 'moi truong', 'nuoc thai', 'xa thai', 'tai nguyen', 'cat soi']),
    // pass 26: a permit to take river or lake water asked for (the province's), not one handed back
    sure: w(['(?:xin|cap|lam)(?: [a-z0-9]+){0,2} (?:giay phep|gp) khai thac nuoc mat']),
  },
  {
    topic: 'công chứng viên, văn phòng công chứng, hành nghề luật sư, quốc tịch',
    office: 'Sở Tư pháp',
    // pass 25: becoming a citizen said plainly ("muốn thành công dân Việt Nam")
    asks: w(['cong chung vien', 'van phong cong chung', 'hanh nghe luat su', 'nhap quoc tich', 'thoi quoc tich', 'tro lai quoc tich', '(?:thanh|lam|tro thanh) cong dan viet nam']),
    names: w(['cong chung', 'luat su', 'quoc tich', 'tu phap']),
    // (becoming a citizen asked, not told: "đã nhập quốc tịch Canada, xóa thường trú" is the ward's)
    sure: w(['(?:mo|thanh lap|lap) van phong cong chung', '(?:xin|muon|lam|nop ho so|thu tuc) (?:nhap|thoi|tro lai) quoc tich viet nam', '(?:thanh|lam|tro thanh) cong dan viet nam']),
  },
  {
    topic: 'chứng chỉ hành nghề xây dựng, môi giới bất động sản',
    office: 'Sở Xây dựng',
    asks: w(['chung chi hanh nghe xay dung', 'chung chi hanh nghe giam sat', 'chung chi hanh nghe thiet ke', 'moi gioi bat dong san', 'moi gioi nha dat', 'ky su xay dung', 'ky su thiet ke']),
    names: w(['xay dung', 'bat dong san', 'kinh doanh bat dong san']),
  },
  {
    topic: 'lệ phí trước bạ, thuế cho thuê nhà',
    office: 'cơ quan thuế (Thuế cơ sở nơi có tài sản)',
    asks: w(['le phi truoc ba', 'truoc ba', 'thue cho thue', 'cho thue [a-z0-9 ]{0,40}thue']),
    names: w(['thue', 'truoc ba']),
    sure: w(['le phi truoc ba']),
  },
  {
    topic: 'đăng ký tàu cá, khai thác thủy sản',
    office: 'Chi cục Thủy sản (Sở Nông nghiệp và Môi trường)',
    asks: w(['tau ca', 'tau danh ca', 'thuyen luoi', 'ghe luoi']),
    names: w(['tau ca', 'thuy san', 'danh ca']),
    // pass 23: the fishing boat's registration or inspection said (a river boat's is the commune's)
    sure: w(['dang ky tau ca', 'dang kiem tau ca', 'dang ky cho tau ca', 'dang ky tau danh ca']),
  },
  {
    // pass 23: a boatmaster's or engineer's certificate of the inland waterways, learnt or lost
    topic: 'bằng, chứng chỉ chuyên môn thuyền trưởng, máy trưởng, thuyền viên phương tiện thủy nội địa',
    office: 'Sở Xây dựng (quản lý đường thủy nội địa) và cơ sở đào tạo thuyền viên, người lái phương tiện thủy nội địa',
    asks: w(['thuyen truong', 'may truong', 'bang lai tau', 'bang lai ghe', 'bang lai thuyen', 'chung chi thuyen vien', 'bang thuyen']),
    names: w(['thuyen truong', 'may truong', 'thuyen vien', 'nguoi lai phuong tien']),
    sure: w(['bang thuyen truong', 'thuyen truong hang', 'chung chi thuyen truong', 'bang may truong', 'bang lai tau', 'bang lai ghe']),
  },
  {
    topic: 'học, thi, đổi giấy phép lái xe (bằng lái)',
    office: 'Cảnh sát giao thông (Công an tỉnh), nơi sát hạch và cấp giấy phép lái xe',
    asks: w(['thi bang lai', 'hoc bang lai', 'thi lay bang', 'doi bang lai', 'bang lai', 'giay phep lai xe', 'bang lai quoc te', 'idp', 'sat hach lai xe']),
    names: w(['lai xe', 'sat hach']),
    sure: w(['bang lai quoc te', 'sat hach lai xe']),
  },
];

/**
 * Offices read before the others: matters said with a word another office's list also has ("bị
 * kiện ra tòa, muốn có luật sư miễn phí" is the state's legal aid, not the court).
 */
export const FIRST_OFFICES: OtherOffice[] = [
  {
    topic: 'trợ giúp pháp lý miễn phí (luật sư, tư vấn pháp luật cho người nghèo, người có công…)',
    office: 'Trung tâm trợ giúp pháp lý nhà nước (Sở Tư pháp)',
    asks: w(['tro giup phap ly', 'luat su mien phi', 'tu van phap luat mien phi', 'tu van phap ly mien phi']),
    names: w(['tro giup phap ly']),
    sure: w(['tro giup phap ly', 'luat su mien phi']),
  },
];

/**
 * Pass 22 (r7scope): offices whose matters a probe of other agencies' questions asked and the reply
 * named no one — a product's barcode, a foreign company's representative office, a passenger
 * route, a plane-ticket agency, a high-rise's building permit, a foreigner buying a home,
 * copyright, a security-guard company. Sure words only where no in-scope line says them ("bán
 * quyền khai thác" folds like "bản quyền"; a co-operative opens representative offices at the
 * commune; a 9-storey house and a 12-storey block's management board are the ward's).
 */
/**
 * A building of grade special, I or II said (pass 25: "xây nhà máy cấp II trong khu đô thị"): the
 * province's permit (Luật Xây dựng, Điều 103 as amended 2020; the commune grants grade III, IV and
 * houses). Roman numerals only: "cấp 1", "cấp 2" are schools.
 */
const GRADE_HIGH = '(?:cong trinh|nha may|xuong|khach san|toa nha|cao oc|benh vien|sieu thi|trung tam thuong mai|chung cu)(?: [a-z0-9]+){0,6} cap (?:i|ii|dac biet)';

export const LATER_OFFICES: OtherOffice[] = [
  {
    topic: 'mã số, mã vạch cho sản phẩm',
    office: 'tổ chức mã số mã vạch quốc gia (GS1 Việt Nam, thuộc Ủy ban Tiêu chuẩn Đo lường Chất lượng quốc gia)',
    asks: w(['ma vach', 'ma so ma vach', 'barcode', 'bar code']),
    names: w(['ma so ma vach', 'ma vach']),
    sure: w(['ma vach', 'ma so ma vach', 'barcode']),
  },
  {
    topic: 'văn phòng đại diện, chi nhánh của công ty nước ngoài',
    office: 'Sở Công Thương',
    asks: w([`(?:cong ty|thuong nhan|doanh nghiep|tap doan) (?:nuoc ngoai|${COMPANY_COUNTRIES.join('|')})(?: [a-z0-9]+){0,8} van phong dai dien`, 'van phong dai dien (?:cua )?(?:cong ty|thuong nhan|doanh nghiep) nuoc ngoai']),
    names: w(['thuong nhan nuoc ngoai']),
  },
  {
    topic: 'mở tuyến vận tải hành khách (xe buýt, xe khách tuyến cố định)',
    office: 'Sở Xây dựng (quản lý vận tải)',
    asks: w(['tuyen xe buyt', 'mo tuyen', 'tuyen co dinh', 'tuyen xe khach', 'tuyen van tai']),
    names: w(['xe buyt', 'tuyen co dinh', 'van tai hanh khach']),
  },
  {
    topic: 'đại lý, phòng vé bán vé máy bay',
    office: 'hãng hàng không (hợp đồng đại lý bán vé); ngành nghề đăng ký tại Phòng Đăng ký kinh doanh',
    asks: w(['ve may bay', 'phong ve', 'dai ly ve']),
    names: w(['hang khong', 've may bay']),
  },
  {
    topic: 'giấy phép xây dựng công trình cao tầng (chung cư, khách sạn, cao ốc từ 10 tầng)',
    office: 'Sở Xây dựng',
    asks: w(['(?:1[0-9]|[2-9][0-9]) tang(?: [a-z0-9]+){0,8} (?:phep|giay phep|cap phep)', '(?:xay|xay dung|cap phep)(?: [a-z0-9]+){0,8} (?:1[0-9]|[2-9][0-9]) tang', 'cao tang', GRADE_HIGH]),
    names: w(['cap dac biet', 'cap i', 'cap ii', 'cao tang']),
    sure: w(['(?:1[0-9]|[2-9][0-9]) tang(?: [a-z0-9]+){0,8} (?:phep|giay phep|cap phep)', '(?:xay|xay dung|cap phep)(?: [a-z0-9]+){0,8} (?:1[0-9]|[2-9][0-9]) tang', GRADE_HIGH]),
  },
  {
    topic: 'người nước ngoài, Việt kiều mua và đứng tên nhà ở',
    office: 'Văn phòng đăng ký đất đai (Sở Nông nghiệp và Môi trường); điều kiện sở hữu nhà ở: Sở Xây dựng',
    asks: w([`(?:viet kieu|nguoi nuoc ngoai|nguoi (?:${BUYER_COUNTRIES.join('|')}))(?: [a-z0-9]+){0,6} (?:mua|dung ten)(?: [a-z0-9]+){0,3} (?:nha|can ho|chung cu|dat)`]),
    names: w(['nuoc ngoai', 'bien dong']),
  },
  {
    topic: 'quyền tác giả (bản quyền bài hát, tác phẩm, phần mềm)',
    office: 'Cục Bản quyền tác giả (Bộ Văn hóa, Thể thao và Du lịch)',
    asks: w(['quyen tac gia', 'ban quyen', 'tac quyen']),
    names: w(['quyen tac gia', 'quyen lien quan', 'ban quyen tac gia']),
    sure: w(['quyen tac gia', 'tac quyen', 'dang ky ban quyen']),
  },
  {
    topic: 'kinh doanh dịch vụ bảo vệ (vệ sĩ)',
    office: 'Công an tỉnh (Phòng Cảnh sát quản lý hành chính về trật tự xã hội)',
    asks: w(['dich vu bao ve', 'cong ty bao ve', 've si', 'bao ve yeu nhan']),
    names: w(['dich vu bao ve']),
    sure: w(['dich vu bao ve', 'cong ty bao ve', 'bao ve yeu nhan']),
  },
];
