/**
 * The commune's records of the river, the canal, the road and the shop told as hamlets tell them
 * (issue 15, pass 27): a boat that has worked for years and never had a paper, an irrigation permit
 * running out, a way out of a yard onto the provincial road opened for a while, a household
 * business's paper spoilt and made again, a worker paying his own pension insurance, a tree by the
 * gate felled. Spread into the commune's told situations (assistant.commune-told.ts); phrases are
 * written folded ("chạy" as "chai", "giấy" as "giai", "cây" as "cai").
 *
 * Beside them, two matters of the province a company asks in the words of the commune's records
 * (`HAMLET_OFFICES`, read with the other offices): a factory's groundwater permit (the commune only
 * registers a household's well) and land the State leases to a company.
 */
import type { OtherOffice } from './assistant.other-offices';
import { w } from './assistant.office-words';
import type { Situation } from './assistant.situations';
import { BOAT, NOT_RIVER_REGISTER } from './assistant.boat-told';

/** Never registered ("chưa hề có giấy đăng ký", "chưa đăng ký bao giờ"). */
const NEVER_PAPER = ['chua co giai', 'chua he co giai', 'chua he co', 'chua co dang ki', 'chua dang ki', 'chua he dang ki', 'khong co giai', 'chua lam giai', 'chua lam dang ki', 'chua tung dang ki', 'chua co so'];
/** Worked for years already ("chạy cả chục năm", "chở khách mấy năm nay"). */
const IN_USE = ['dang chai', 'van chai', 'chai lau', 'chai may nam', 'chai ca', 'nam nai', 'lau nam', 'may nam', 'chuc nam', 'bao nam', 'tu truoc', 'lau nai', 'dang khai thac', 'dang hoat dong', 'van cho', 'dang cho', 'xua nai', 'tu hoi', 'tu thoi'];
/** Built or bought new and not worked yet: the first registration of a boat not in use (its own record). */
const NOT_YET_WORKED = ['moi dong', 'dong xong', 'dong moi', 'vua dong', 'moi ha thui', 'moi mua', 'chua chai', 'chua cho', 'chua khai thac', 'chua hoat dong'];

/** An irrigation work and its protected zone, as villagers name them. */
const IRRIGATION = ['thui loi', 'ho chua', 'kenh tuoi', 'kenh muong', 'muong tuoi', 'bo kenh', 'bo muong', 'tram bom', 'dap nuoc', 'dap thui loi', 'chan dap', 'long ho', 'ho dap'];
/** A permit of it running out, or its terms changed. */
const PERMIT_RUNNING_OUT = ['het han', 'sap het han', 'gia han', 'keo dai', 'dieu chinh noi dung', 'doi noi dung'];

/** A way out of a yard or a shop onto a road ("mở lối xe ra vào", "làm đường nhánh đấu nối"). */
const WAY_OUT = ['loi ra', 'loi vao', 'loi xe', 'loi di', 'duong ra vao', 'duong nhanh', 'nhanh re', 'dau noi', 'mo loi', 'cong ra'];
/** A road of the province or the State (not a lane of the hamlet). */
const MAIN_ROAD = ['duong tinh', 'tinh lo', 'quoc lo', 'duong quoc lo', 'duong huien', 'huien lo', 'duong cao toc', 'duong lon', 'duong chinh', 'duong truc'];
/** For a while only: the temporary connection, not the permanent one. */
const FOR_A_WHILE = ['tam', 'tam thoi', 'trong luc thi cong', 'luc thi cong', 'thoi gian thi cong', 'vai thang', 'mot thoi gian', 'trong thoi gian'];

/** A household business's paper, as shopkeepers name it. */
const SHOP_PAPER = ['giai phep kinh doanh', 'giai dang ki kinh doanh', 'giai dang ki ho kinh doanh', 'giai chung nhan dang ki ho kinh doanh', 'giai chung nhan ho kinh doanh', 'giai phep ban hang'];
/** Spoilt or lost, and made again ("chuột gặm nát", "làm bản khác"). */
// (not the bare "mat", "hong": folded they are "mặt", the southern "hông")
const SPOILT_REMADE = ['gam nat', 'can nat', 'can rach', 'gam rach', 'nat', 'rach', 'uot', 'bi chai', 'chai mat', 'bi mat', 'lam mat', 'danh mat', 'that lac', 'bi hong', 'hu hong', 'ban khac', 'lam lai', 'xin lai', 'cap lai', 'to khac'];
/** Not the paper remade: a company's, or its contents changed. */
const NOT_REMADE = ['cong ti', 'doanh nghiep', 'doi ten', 'thai doi', 'doi chu', 'chuien', 'dia chi khac', 'ban them', 'them nganh', 'them mat hang', 'tam ngung', 'cham dut', 'dep', 'nghi ban', 'dong luon', 'dong cua', 'qua doi'];

/** Paying one's own insurance, no employer doing it ("không ai đóng cho", "tự đóng hằng tháng"). */
// (not "tự nộp": a benefit's own papers handed in, "tự nộp hồ sơ hưởng thai sản")
const OWN_PAYMENT = ['tu dong', 'tu minh dong', 'tu bo tien', 'khong ai dong', 'khong co ai dong'];
/** For a pension in old age. */
const PENSION_LATER = ['luong huu', 've gia', 'luc gia', 'khi gia', 've huu', 'bao hiem xa hoi', 'bhxh'];
/** A pension or health card already drawn, or moved: other records. */
const NOT_OWN_PAYMENT = ['bao hiem i te', 'bhit', 'the bao hiem', 'dang huong', 'dang linh', 'dang nhan', 'chuien noi', 'mot lan', 'cong ti dong', 'doanh nghiep', 'thai san', 'sinh con', 'sinh be', 'om dau', 'huong che do', 'tro cap'];

/** A tree, by its kind or its place ("cây phượng ngoài cổng", "cây xà cừ trước nhà"). */
// (not "cây sao", "cây dầu", "cây mương"…: folded they are "cái sao", "cái đầu", "cái mương")
const TREE = ['cai phuong', 'cai xa cu', 'cai bang', 'cai si', 'cai gao', 'cai phi lao', 'cai long nao', 'cai co thu', 'cai xanh', 'goc cai', 'co thu'];
/** Felled or moved ("đốn bỏ", "chặt hạ", "cưa bớt"). */
const FELLED = ['chat ha', 'chat bo', 'chat di', 'don bo', 'don ha', 'don di', 'cua bo', 'cua ha', 'cua bot', 'ha cai', 'dich chuien', 'di doi'];
/** A forest's or a garden's own trees (the forest's records), or a tree fallen on someone. */
const NOT_STREET_TREE = ['rung', 'keo', 'tram', 'khai thac go', 'vuon cao su', 'boi thuong', 'den bu'];

/** Social housing, and a home in it asked for by the one who will live there. */
const SOCIAL_HOUSING = ['nha o xa hoi', 'noxh'];
const ASKED_FOR = ['dang ki mua', 'dang ki thue', 'muon mua', 'xin mua', 'muon thue mua', 'dang ki thue mua'];
/** The income paper asked for it, the State's own flats, or the developer's side: other records or offices. */
const NOT_ASKED_FOR = ['xac nhan', 'chung nhan', 'thuoc dien', 'nha nuoc', 'chu dau tu', 'tham dinh', 'gia ban', 'du an'];

export const HAMLET_TOLD: Situation[] = [
  {
    // A worker asking for a social flat where the works he is at is named too ("công nhân khu
    // công nghiệp lương thấp muốn đăng ký mua nhà ở xã hội"): the registration to buy or rent one —
    // not a record of the industrial zone.
    groups: [SOCIAL_HOUSING, ASKED_FOR],
    unless: NOT_ASKED_FOR,
    expansion: 'đăng ký mua thuê mua thuê nhà ở xã hội',
  },
  {
    // A boat worked for years and never registered ("đò máy chở khách cả chục năm mà chưa hề có
    // giấy đăng ký"): the first registration of a boat already in use — not a new boat's.
    groups: [BOAT, NEVER_PAPER, IN_USE],
    unless: [...NOT_RIVER_REGISTER, ...NOT_YET_WORKED, 'mua lai', 'sang ten', 'xoa'],
    expansion: 'đăng ký phương tiện lần đầu đối với phương tiện đang khai thác trên đường thủy nội địa',
  },
  {
    // A permit for an irrigation work's protected zone running out ("giấy phép trồng cây lâu năm
    // trong hành lang kênh sắp hết hạn"): its extension, with the activity the question names.
    groups: [IRRIGATION, ['giai phep'], PERMIT_RUNNING_OUT],
    expansion: 'cấp gia hạn điều chỉnh nội dung giấy phép cho các hoạt động trong phạm vi bảo vệ công trình thủy lợi',
  },
  {
    // A way out onto the provincial road opened for the time of the works ("mở lối xe ra vào tạm
    // từ bãi vật liệu ra đường tỉnh"): the approval of a temporary connection to a road in use.
    groups: [WAY_OUT, MAIN_ROAD, FOR_A_WHILE],
    unless: ['quang cao', 'bien hieu', 'via he', 'long duong', 'dao duong', 'cat duong'],
    expansion: 'chấp thuận vị trí đấu nối tạm vào đường bộ đang khai thác',
  },
  {
    // A household business's paper spoilt or lost and made again ("chuột gặm nát tờ giấy phép
    // kinh doanh của tiệm tạp hóa, đi làm bản khác"): its certificate issued again — not a new
    // business registered.
    groups: [SHOP_PAPER, SPOILT_REMADE],
    unless: NOT_REMADE,
    expansion: 'cấp lại giấy chứng nhận đăng ký hộ kinh doanh',
  },
  {
    // A worker no employer insures paying his own pension insurance ("chạy xe ôm, không ai đóng
    // bảo hiểm cho, muốn tự đóng để già có lương hưu"): the voluntary social insurance.
    groups: [OWN_PAYMENT, PENSION_LATER],
    unless: NOT_OWN_PAYMENT,
    expansion: 'đăng ký đóng bảo hiểm xã hội tự nguyện cấp sổ bhxh',
  },
  {
    // A tree by the gate or the road felled or moved ("cây phượng già ngoài cổng, muốn đốn bỏ"):
    // the permit to fell or move a green tree — not a forest's timber.
    groups: [TREE, FELLED],
    unless: NOT_STREET_TREE,
    expansion: 'cấp giấy phép chặt hạ dịch chuyển cây xanh',
  },
];

/** A company, a factory or a works, as citizens say it. */
const FIRM = '(?:cong ty|cty|doanh nghiep|nha may|xi nghiep)';

export const HAMLET_OFFICES: OtherOffice[] = [
  {
    // Luật Tài nguyên nước 2023, Điều 52; Nghị định 54/2024/NĐ-CP, Điều 16: a household's small
    // well is registered at the commune (1.001662); a works taking groundwater for a factory needs
    // the province's permit (or the ministry's from 5,000 m³ a day).
    topic: 'giấy phép khai thác nước dưới đất cho nhà máy, doanh nghiệp',
    office: 'Ủy ban nhân dân cấp tỉnh (hồ sơ nộp tại Sở Nông nghiệp và Môi trường)',
    // (also a works or an industrial zone's water told without "khai thác": r12agency's wording)
    asks: w([
      `${FIRM}(?: [a-z0-9]+){0,8} khai thac nuoc (?:ngam|duoi dat)`,
      `khai thac nuoc (?:ngam|duoi dat)(?: [a-z0-9]+){0,4} (?:cho|cua) ${FIRM}`,
      '(?:nha may|cong ty|xi nghiep|khu cong nghiep|xuong)(?: [a-z0-9]+){0,6} (?:nuoc ngam|nuoc duoi dat)',
    ]),
    // the province's permit and water resources, not the commune's registration ("Đăng ký khai thác nước dưới đất")
    names: w(['giay phep khai thac nuoc duoi dat', 'giay phep khai thac', 'tai nguyen nuoc']),
    sure: true,
  },
  {
    // Luật Đất đai 2024, Điều 123 khoản 1: the province allocates and leases land to organisations;
    // the commune only to households and individuals.
    topic: 'giao đất, cho thuê đất cho doanh nghiệp, tổ chức',
    office: 'Ủy ban nhân dân cấp tỉnh (hồ sơ nộp tại Sở Nông nghiệp và Môi trường)',
    asks: w([`${FIRM}(?: [a-z0-9]+){0,3} (?:xin|muon|can|de nghi) (?:thue|giao) dat`, `(?:cho|giao) ${FIRM}(?: [a-z0-9]+){0,2} thue dat`]),
    // (the commune's and the province's records share one name: none is the company's answer)
    names: w(['to chuc kinh te thue dat']),
    sure: true,
  },
];
