/**
 * The words situations are told with (folded phrases), shared by the situations of
 * assistant.situations.ts: losses, registers, countries, papers, people, acts.
 */

import { TOLD_COUNTRIES } from './assistant.countries';

export const LOST = ['mat', 'bi mat', 'chai', 'bi chai', 'that lac', 'khong con', 'hu hong', 'bi hong', 'rach', 'moi an', 'lu cuon', 'cuon troi', 'khong luu', 'khong con luu', 'khong tim thai', 'thieu',
  // pass 16: burnt, destroyed or gone ("hỏa hoạn thiêu rụi", "sổ bị tiêu hủy", "ủy ban cũng hết sổ")
  'thieu rui', 'chai rui', 'chai het', 'tieu huy', 'bi huy', 'huy hoai', 'mat tieu', 'het so',
  // pass 19: a register gone told in other words ("quyển lưu đều tiêu tán", "ẩm mục", "chẳng ai giữ", "tra sổ chẳng thấy")
  'tieu tan', 'muc nat', 'am muc', 'bi muc', 'muc het', 'khong con giu', 'chang ai giu', 'khong ai giu', 'chang con', 'chang thay', 'khong thay dau', 'khong doc duoc', 'tra khong thay'];
export const REGISTER = ['so ho tich', 'so goc', 'so luu', 'so dang ki', 'ban luu', 'khong luu', 'khong con luu', 'khong con so', 'so nam do', 'so o xa', 'so o phuong', 'so khong con', 'ho so o xa', 'ho so o phuong',
  // the older word for the register ("sổ bộ": "sổ bộ ủy ban bị lũ cuốn")
  'so bo', 'het so',
  // pass 19: the register told as its book, its store or its search ("quyển lưu ở xã", "lục kho", "bộ sổ thời cũ", "xã tra sổ")
  'quyen luu', 'quyen so', 'quyen ghi', 'quyen do', 'kho luu', 'kho luu tru', 'luu tru xa', 'luu tru cua xa', 'luu tru o xa', 'bo so', 'tra so', 'so sach', 'luc kho'];
/**
 * The register said to be kept ("sổ lưu ở xã còn nguyên", "hồ sơ xã còn lưu đầy đủ", "ủy ban nói
 * sổ bộ còn"): a lost paper is then copied from it, not registered again (pass 19).
 */
export const REGISTER_KEPT = ['van luu', 'van con luu', 'van con so', 'van dang luu', 'van giu', 'con nguyen', 'van con nguyen', 'so bo con', 'so van con', 'so luu con', 'van con ho so', 'con ho so', 'luu day du'];
// Folded as questions are: "Mỹ" is "mi", "Thụy Điển" "thui dien", "Ý" "i" (the table: assistant.countries.ts).
export const COUNTRIES = [...TOLD_COUNTRIES];
export const EXPIRED = ['het han', 'sap het han', 'qua han', 'du 25 tuoi', 'du 40 tuoi', 'du 60 tuoi',
  // pass 17: a date reached said as "đến hạn", "tới hạn" ("căn cước đến hạn đổi")
  'den han', 'toi han', 'den han doi', 'toi han doi'];
export const WRONG = ['sai', 'nham', 'sai sot', 'ghi sai', 'in sai', 'ghi nham', 'in nham',
  // pass 24: two papers said not to match ("chỉnh lại cho khớp", "ghi lệch", "không trùng khớp")
  'khong khop', 'cho khop', 'khong trung khop', 'bi lech', 'ghi lech', 'lech nhau'];
export const LAND_PAPER = ['so do', 'so hong', 'bia do', 'bia hong', 'so dat', 'giai chung nhan quyen su dung dat', 'giai chung nhan dat'];
/** A shop or stall named as the thing that changes hands ("quán" alone is also "quận": named with what it sells). */
export const SHOP = ['tiem', 'cua hang', 'cua tiem', 'tap hoa', 'shop', 'sap', 'hang quan', 'quan an', 'quan com', 'quan nuoc', 'quan ca phe', 'quan cafe', 'quan nhau', 'quan tap hoa', 'ho kinh doanh', 'hkd', 'kinh doanh'];
/** Works on a building that stands already: raising, enlarging, repairing. */
export const ALTER = ['nang tang', 'nang them', 'them tang', 'xai them', 'coi noi', 'sua chua', 'cai tao', 'sua nha', 'sua lai nha'];
/** What tells that the works are a building's (storeys, its parts, the house itself). */
export const BUILDING_PART = ['tang', 'mat tien', 'mai nha', 'nha cu', 'nha ong', 'can nha', 'ngoi nha', 'nha o', 'nha minh', 'nha toi', 'cong trinh', 'khach san', 'toa nha', 'nha xuong'];
/** A contract or transaction certified already. */
export const CERTIFIED = ['da chung thuc', 'da duoc chung thuc', 'chung thuc roi', 'da lam chung thuc'];
/** A contract or transaction named (a certified one is what the ward keeps a register of). */
export const CONTRACT = ['hop dong', 'giao dich', 'giai mua ban', 'giai tang cho', 'giai chuien nhuong'];
/** Said to be certified, at the commune or already ("chứng ở xã": the southern short word). */
export const CERTIFIED_SAID = [...CERTIFIED, 'co chung thuc', 'chung thuc o', 'chung thuc tai', 'chung o xa', 'chung o phuong', 'chung tai xa', 'chung tai phuong'];
/** A slip in a paper's text: a wrong letter or figure typed or written. */
export const SLIP = ['sai', 'nham', 'sai sot', 'ghi sai', 'ghi nham', 'ghi trat', 'go nham', 'go sai', 'danh mai sai', 'danh mai nham', 'loi danh mai', 'viet sai', 'viet nham'];
/** Never had a birth certificate (said of a grown person; a baby's is "chưa làm khai sinh"). */
export const NEVER_BORN_REGISTERED = ['chua bao gio co giai khai sinh', 'chua tung co giai khai sinh', 'chua bao gio co khai sinh', 'chua tung co khai sinh', 'chua bao gio lam khai sinh', 'chua tung lam khai sinh', 'chua bao gio dang ki khai sinh', 'chua bao gio duoc khai sinh', 'chua tung duoc khai sinh', 'chua bao gio duoc lam khai sinh', 'chua bao gio duoc dang ki khai sinh'];
/**
 * A grown person's birth that parents never registered, told as what they did not do ("hồi nhỏ ba
 * má không làm khai sinh", "bố mẹ không đi khai sinh"): with the person's own papers, the
 * registration for such a person (not a reason to keep a baby's plain registration back).
 */
export const NEVER_REGISTERED_TOLD = [
  'khong co khai sinh', 'khong lam khai sinh', 'khong di khai sinh', 'khong co giai khai sinh', 'khong lam giai khai sinh',
  // forgotten, and the southern "khai sanh" (pass 16)
  'quen lam khai sinh', 'quen khai sinh', 'quen di khai sinh', 'quen lam giai khai sinh', 'khong co khai sanh', 'khong lam khai sanh', 'khong di khai sanh', 'quen lam khai sanh', 'quen khai sanh',
];
/** A grown person's own papers (a baby has none of them). */
export const ADULT_PAPERS = ['can cuoc', 'chung minh', 'bang lai', 'ho chieu', 'hoc ba', 'bang tot nghiep', 'bang dai hoc', 'bang cap'];
/** A baby's age or birth told: the plain birth registration's story, not a grown person's. */
export const BABY = ['thang tuoi', 'moi sinh', 'vua sinh', 'moi de', 'vua de', 'moi sanh', 'vua sanh', 'so sinh', 'sinh con', 'de con', 'sanh con'];
/** A birth certificate held already, told by the parent's name it lacks ("khai sinh chỉ có tên mẹ", "trống tên bố"). */
export const PARENT_MISSING = [
  ...['me', 'ma', 'bo', 'cha', 'ba'].flatMap((p) => [`chi co ten ${p}`, `khong co ten ${p}`, `thieu ten ${p}`, `trong ten ${p}`, `chi ghi ${p}`, `chi ghi ten ${p}`, `muc ${p} de trong`, `phan ${p} de trong`, `ten ${p} de trong`]),
  'trong phan cha', 'trong phan bo', 'de trong phan cha', 'de trong phan bo', 'khai sinh roi', 'co giai khai sinh roi',
];
/**
 * A birth certificate the child has, told by whose it is or what it bears rather than by "đã có"
 * ("giấy khai sinh của cháu trống ô phần cha", "khai sinh mang họ mẹ"; pass 18).
 */
export const CERTIFICATE_HELD = [
  'giai khai sinh cua', 'giai ks cua', 'khai sinh cua', 'ks cua', 'khai sinh mang ho', 'khai sinh theo ho', 'khai sinh ho me',
  ...['cha', 'bo', 'ba'].flatMap((p) => [`trong o phan ${p}`, `trong o ${p}`, `trong muc ${p}`, `trong phan ten ${p}`, `bo trong phan ${p}`, `bo trong ten ${p}`]),
];
/** A parent's name put into a certificate held, or the child taken as one's own ("ghi tên vô giấy khai sinh", "nhận cháu"). */
export const NAME_ADDED = ['ghi ten vo', 'ghi ten vao', 'them ten vao', 'them ten vo', 'dung ten', 'nhan chau', 'nhan no', 'nhan be', 'nhan con', 'nhan cha', 'nhan bo', 'nhan me', 'cong nhan', 'la con'];
/** A parent acknowledging the child ("bố nó muốn nhận nó", "chịu nhận con", "cho con mang tên bố"). */
export const ACKNOWLEDGE = ['nhan con', 'nhan cha', 'nhan me', 'nhan bo', 'nhan no', 'nhan chau', 'nhan be', 'mang ten bo', 'mang ten cha', 'co ten bo', 'co ten cha', 'them ten bo', 'them ten cha', 'cong nhan', 'la bo', 'la cha', 'la me', 'la con'];
/** A change of the civil-status record made already ("đã đổi tên", "cải chính năm sinh rồi"). */
export const CHANGED_ALREADY = [
  'da doi ten', 'da doi ho', 'doi ten roi', 'doi ho roi', 'doi ten hoi truoc', 'da cai chinh', 'da duoc cai chinh', 'cai chinh roi',
  'cai chinh nam sinh roi', 'cai chinh ngai sinh roi', 'da bo sung', 'da duoc bo sung', 'da thai doi', 'da duoc thai doi', 'thong tin da doi', 'da sua ten', 'da duoc doi',
  // pass 16: the change told finished or undergone ("cải chính năm sinh xong xuôi", "quê quán đã được điều chỉnh")
  'cai chinh xong', 'sua xong', 'da sua', 'da dieu chinh', 'da duoc dieu chinh', 'duoc dieu chinh', 'da duoc sua',
];
/** Cannot come to the office: the mobile registration (lưu động) of the civil-status act asked. */
export const CANNOT_COME = ['khong noi', 'di khong noi', 'di khong duoc', 'khong di duoc', 'khong di lai duoc', 'khong tu di', 'liet giuong', 'bai liet', 'nam liet', 'bi liet', 'nam mot cho', 'tat nguien',
  // pass 24: moving about told hard, a limb lost, a wheelchair ("đi lại khó", "mất một chân", "ngồi xe lăn")
  'di lai kho', 'di dung kho', 'di lai bat tien', 'di dung bat tien', 'mat mot chan', 'mat hai chan', 'cut chan', 'cut mot chan', 'xe lan'];
/** The civil-status acts done on the spot by a mobile registration. */
export const MOBILE_ACTS = ['khai sinh', 'ket hon', 'khai tu', 'hon thu', 'giai tu', 'bao tu', 'chung tu', 'giai cuoi'];
/**
 * "Tại nhà" said of the act done, not of where the death or birth happened (pass 20: "qua đời tại
 * nhà riêng, … ra xã khai tử" is the ordinary registration): "khai tử tại nhà", "làm tại nhà",
 * "ngay tại nhà".
 */
export const AT_HOME_ACT = [...MOBILE_ACTS.map((a) => `${a} tai nha`), 'lam tai nha', 'ngay tai nha', 'ki tai nha', 'luu dong tai nha',
  // or asked of it ("khai sinh cho con tại nhà được không")
  // (not "tại nhà không …", "tại nhà hông …": "sinh tại nhà, không có giấy chứng sinh")
  'tai nha duoc', 'tai nha dc', 'tai nha chang'];
/** A child just born, or a baby of days or months (said to ask for its first papers). */
export const NEWBORN = [
  // a baby told as one more in the family ('nhà mới có em bé', 'vừa có thêm cháu'), or come into the world
  'moi co em be', 'vua co em be', 'co them em be', 'moi co be', 'vua co be', 'co them be', 'moi co chau', 'vua co chau', 'co them chau', 'moi ra doi', 'vua ra doi', 'moi chao doi', 'vua chao doi', 'sinh duoc', 'de duoc', 'sanh duoc',
  'moi de', 'vua de', 'moi sinh', 'vua sinh', 'moi sanh', 'vua sanh', 'sinh con', 'de con', 'sanh con', 'so sinh', 'thang tuoi', 'ngai tuoi', 'dai thang', 'tron thang', 'tron mot thang', 'tron 1 thang', 'dai cu', 'thoi noi', 'sinh xong', 'de xong', 'sanh xong', 'sinh em be', 'sinh be', 'sinh o benh vien', 'sinh o vien', 'sinh o tram', 'de o benh vien', 'de o vien', 'de o tram', 'sinh tai benh vien', 'sinh tai tram'];
/** A child's birth not registered yet (a grown person's is `NEVER_BORN_REGISTERED`). */
export const NOT_YET_REGISTERED = ['chua lam khai sinh', 'chua khai sinh', 'chua dang ki khai sinh', 'chua co khai sinh', 'chua co giai khai sinh', 'chua lam giai khai sinh', 'chua lam khai sanh', 'chua khai sanh'];
/** Someone come to visit and stay a few days. */
export const VISITING = ['len choi', 've choi', 'den choi', 'xuong choi', 'ra choi', 'vao choi', 'o choi', 'den tham', 'len tham', 've tham', 'o vai hom', 'o may hom', 'o vai ngai', 'o may ngai', 'o lai vai hom', 'o lai may hom',
  // pass 24: a stay of a few days said with "ở nhờ", "bữa", "ít hôm" ("cháu lên ở nhờ mấy hôm để đi thi"),
  // not "ở nhờ" alone: a home lent for good is a registered residence's
  ...['o nho', 'o', 'o lai'].flatMap((o) => ['vai', 'may', 'it'].flatMap((n) => ['hom', 'ngai', 'bua'].map((d) => `${o} ${n} ${d}`)))];
/** How late a registration is, and the fine feared for it: words the late registration stands for, not another subject. */
export const LATE = ['phat', 'bi phat', 'nop phat', 'tre', 'tre han', 'qua han', 'muon', 'thang', 'tuan', 'ngai'];
/**
 * Countries a husband or wife is said to be of without "người" ("lấy chồng Hàn Quốc"): names of
 * two syllables or that no Vietnamese person bears ("chồng Đức", "vợ Nga" name a person).
 */
export const SPOUSE_COUNTRIES = COUNTRIES.filter((c) => c.includes(' ') || ['campuchia', 'singapore', 'malaisia', 'canada'].includes(c));
/**
 * A person of another country said without "người" (pass 22): "dân Hàn", "công dân Đài Loan",
 * "bạn trai Nhật", "người yêu Tây", "ông Thái Lan", "quen một anh Tây". A title ("anh", "ông", "bà")
 * only before a country no Vietnamese person is named ("anh Nhật", "chị Nga" are names); "dân"
 * not before "Lào" ("dân lao động") nor "Tây" ("nông dân tại xã").
 */
const PERSON_OF = [
  ...['dan', 'ban trai', 'ban gai', 'nguoi ieu'].flatMap((p) => COUNTRIES.filter((c) => !['nuoc ngoai', 'anh', 'bi', 'i', 'ao', 'lao'].includes(c)).map((c) => `${p} ${c}`)),
  ...['anh', 'ong', 'ba', 'chang', 'ki su', 'con re', 'con dau'].flatMap((p) => SPOUSE_COUNTRIES.filter((c) => c !== 'ba lan').map((c) => `${p} ${c}`)),
  'ban trai tai', 'ban gai tai', 'nguoi ieu tai', 'mot anh tai', 'voi anh tai', 'quen anh tai', 'anh chang tai', 'lai anh tai', 'cuoi anh tai',
];
/** A person of another country ("người Anh" is also "người anh", a brother; "người bị…" not a Belgian). */
export const FOREIGNER = [
  ...PERSON_OF,
  ...COUNTRIES.filter((c) => !['nuoc ngoai', 'anh', 'bi', 'i'].includes(c)).map((c) => `nguoi ${c}`),
  ...SPOUSE_COUNTRIES.flatMap((c) => [`chong ${c}`, `vo ${c}`]),
  'nguoi nuoc ngoai', 'ngoai quoc', 'quoc tich nuoc ngoai', 'viet kieu', 'ieu to nuoc ngoai',
  // "ông Tây", "chồng Tây": a Westerner as citizens say it (pass 16; not "người Tày", folded alike)
  'ong tai', 'chong tai', 'vo tai', 'khach tai', 'khach nuoc ngoai',
  // "quốc tịch Mỹ", "quốc tịch Thái Lan": a nationality named
  ...COUNTRIES.filter((c) => c !== 'nuoc ngoai').map((c) => `quoc tich ${c}`),
];
export const BORN = ['sinh o', 'sinh ra o', 'sinh tai', 'sinh ra tai', 'sinh ben', 'sinh ra ben', 'de o', 'de ben', 'de tai'];
/** A child born in another country. */
export const BORN_ABROAD = BORN.flatMap((b) => COUNTRIES.map((c) => `${b} ${c}`));
/**
 * What makes a baby's papers another procedure than the plain birth registration: the father
 * named or acknowledged, a foreign parent, a grown person, a paper to correct, copy or replace,
 * the residence or the health card registered with it, a benefit of the birth.
 */
export const NOT_PLAIN_BIRTH = [
  'nhan cha', 'nhan me', 'nhan con', 'nhan bo', 'ten bo', 'ten cha', 'ten me', 'chua cuoi', 'chua dang ki ket hon',
  ...FOREIGNER, 'nuoc ngoai', ...BORN_ABROAD, ...NEVER_BORN_REGISTERED, 'chua bao gio', 'chua tung',
  ...WRONG, 'sua', 'cai chinh', 'ban sao', 'trich luc', 'cap lai', 'dang ki lai', 'bi mat', 'lam mat', 'danh mat',
  'thuong tru', 'nhap khau', 'ho khau', 'bao hiem', 'bhxh', 'bhit', 'thai san', 'tro cap', 'luu dong', 'tan nha', 'den nha', 'khai tu',
];

/** Phrases that give up one's share of an estate (checked before the estate's division). */
export const REFUSE_SHARE = ['khong muon nhan', 'khong nhan phan', 'khong can phan', 'khong lai phan', 'khong muon lai phan', 'nhuong phan', 'nhuong het', 'tu choi phan', 'tu choi nhan'];
/** An identity card lost (said as a loss: unmarked "mat" alone is also "mặt", a face). */
export const CARD_LOST = [
  'bi mat', 'lam mat', 'danh mat', 'cung mat', 'mat roi', 'mat tieu', 'mat het', 'mat the', 'mat can cuoc', 'mat cccd', 'mat cmnd', 'mat chung minh', 'cuon troi', 'troi mat', 'roi xuong', 'rot xuong', 'de quen', 'bo quen', 'that lac', 'khong tim thai', 'danh roi',
  // stolen or burnt with the wallet or the house (pass 16)
  'moc tui', 'moc bop', 'moc vi', 'bi trom', 'trom mat', 'bi cuop', 'cuop giat', 'giat mat', 'bi chai', 'chai het', 'chai rui', 'cung khong con',
];
/** An identity card, however it is called. */
export const ID_CARD = ['can cuoc', 'cccd', 'cmnd', 'chung minh thu', 'chung minh nhan dan'];

/** A name, a family name or an ethnicity changed or set right on a civil-status record ("đổi họ cho con", "sửa tên"). */
export const CIVIL_CHANGE = ['doi ho', 'doi ten', 'sua ho', 'sua ten', 'ghi sai ten', 'ghi sai ho', 'xac dinh lai dan toc'];
