import { fold, normalizeToneSyllable, syllables } from '../shared/vietnamese';
import { ACCENTED_STOPWORDS } from './assistant.intent';
import { accentForm } from './assistant.text';
import { otherWordHere } from './assistant.homographs';
import { CITIZEN_WORDS, WARD_WORDS } from './assistant.citizen-words';
import { COMMUNE_WORDS } from './assistant.commune-words';

/**
 * Words citizens use for what the catalogue calls otherwise. Each entry maps a phrase (matched
 * without marks, on whole syllables) to the catalogue's wording, which is added to the question
 * with a lower weight; the citizen's own words stay in the question too. Unit admins extend this
 * table from the staff pages (stored in `assistant_synonyms`).
 */
export interface SynonymEntry {
  phrase: string;
  expansion: string;
}

/** Abbreviations and chat shorthand, one token each. */
export const ABBREVIATIONS: Record<string, string> = {
  cccd: 'căn cước công dân',
  cmnd: 'chứng minh nhân dân',
  cmt: 'chứng minh thư',
  cmtnd: 'chứng minh nhân dân',
  gks: 'giấy khai sinh',
  bhyt: 'bảo hiểm y tế',
  bhxh: 'bảo hiểm xã hội',
  qsdd: 'quyền sử dụng đất',
  gcn: 'giấy chứng nhận',
  gcnqsdd: 'giấy chứng nhận quyền sử dụng đất',
  dkkd: 'đăng ký kinh doanh',
  dkkh: 'đăng ký kết hôn',
  // civil-status acts as staff and citizens abbreviate them ("làm KS cho con", "ĐKKS", "ĐKKT")
  ks: 'khai sinh',
  dkks: 'đăng ký khai sinh',
  dkkt: 'đăng ký khai tử',
  hktt: 'hộ khẩu thường trú',
  gpkd: 'giấy phép kinh doanh',
  hkd: 'hộ kinh doanh',
  kd: 'kinh doanh',
  gpxd: 'giấy phép xây dựng',
  gplx: 'giấy phép lái xe',
  ubnd: 'ủy ban nhân dân',
  dk: 'đăng ký',
  dki: 'đăng ký',
  dky: 'đăng ký',
  kt3: 'tạm trú',
  ct01: 'tờ khai thay đổi thông tin cư trú',
  ct03: 'khai báo tạm vắng',
  ct07: 'xác nhận thông tin về cư trú',
  xntthn: 'xác nhận tình trạng hôn nhân',
  // 'xác nhận TTHN' in chat ('KH' alone is also a customer or a plan; KS, ĐKKS, ĐKKT above)
  tthn: 'tình trạng hôn nhân',
  gxn: 'giấy xác nhận',
  xn: 'xác nhận',
  cc: 'căn cước',
  h: 'giờ',
  tthc: 'thủ tục hành chính',
  hs: 'hồ sơ',
  gt: 'giấy tờ',
  lltp: 'lý lịch tư pháp',
  bvtv: 'bảo vệ thực vật',
  // Other agencies' topics, so that the record named with them is found and its agency named.
  pccc: 'phòng cháy chữa cháy',
  xnc: 'xuất nhập cảnh',
  tncn: 'thu nhập cá nhân',
  gtgt: 'giá trị gia tăng',
  hddt: 'hóa đơn điện tử',
  bhtn: 'bảo hiểm thất nghiệp',
  // social insurance records abbreviate their benefits ("chế độ TNLĐ, BNN", "nghỉ DSPHSK")
  tnld: 'tai nạn lao động',
  bnn: 'bệnh nghề nghiệp',
  dsphsk: 'dưỡng sức phục hồi sức khỏe',
  kcb: 'khám chữa bệnh',
  hd: 'hợp đồng',
  htx: 'hợp tác xã',
  tnxp: 'thanh niên xung phong',
  mst: 'mã số thuế',
  nvqs: 'nghĩa vụ quân sự',
  hk: 'hộ khẩu',
  // two syllables typed glued without marks, the space forgotten ("khaisinh", "congchung")
  khaisinh: 'khai sinh',
  khaitu: 'khai tử',
  kethon: 'kết hôn',
  cancuoc: 'căn cước',
  hokhau: 'hộ khẩu',
  tamtru: 'tạm trú',
  thuongtru: 'thường trú',
  congchung: 'công chứng',
  chungthuc: 'chứng thực',
  sdt: 'số điện thoại',
  dt: 'điện thoại',
  bv: 'bệnh viện',
  // chat shorthand
  e: 'em',
  vk: 'vợ',
  vc: 'vợ chồng',
  ck: 'chồng',
  z: 'vậy',
  zay: 'vậy',
  mn: 'mọi người',
  mng: 'mọi người',
  r: 'rồi',
  ng: 'người',
  ngta: 'người ta',
  trc: 'trước',
  ms: 'mới',
  cx: 'cũng',
  lm: 'làm',
  bh: 'bây giờ',
  bgio: 'bây giờ',
  hnay: 'hôm nay',
  tgian: 'thời gian',
  cty: 'công ty',
  dntn: 'doanh nghiệp tư nhân',
  vn: 'Việt Nam',
  ko: 'không',
  k: 'không',
  kg: 'không',
  hok: 'không',
  khum: 'không',
  dc: 'được',
  j: 'gì',
  bn: 'bao nhiêu',
  bnhieu: 'bao nhiêu',
  nhiu: 'nhiêu',
  bnhiu: 'bao nhiêu',
  free: 'miễn phí',
  ntn: 'như thế nào',
  mk: 'mình',
  mik: 'mình',
  vs: 'với',
  // pass 24 (r9plain): the people addressed, the family and chat's function words; unknown, each
  // was a content word no procedure had and halved the question's scores ("cj oi", "ny e", "o dau v")
  cj: 'chị',
  chj: 'chị',
  ac: 'anh chị',
  ace: 'anh chị em',
  ny: 'người yêu',
  bme: 'bố mẹ',
  v: 'vậy',
  ah: 'à',
  lun: 'luôn',
  ji: 'gì',
  bik: 'biết',
  wa: 'qua',
  ib: 'nhắn tin',
  s: 'sao',
  tn: 'thế nào',
  lmj: 'làm gì',
  ns: 'nói',
  nx: 'nữa',
  k0: 'không',
  khg: 'không',
  mjk: 'mình',
  bjo: 'bây giờ',
  kq: 'kết quả',
  cq: 'cơ quan',
  tp: 'thành phố',
  hcm: 'Hồ Chí Minh',
  hn: 'Hà Nội',
  sg: 'Sài Gòn',
  // a contract typed short ("hdong tặng cho", "HĐLĐ")
  hdong: 'hợp đồng',
  hdld: 'hợp đồng lao động',
  tks: 'cảm ơn',
  thks: 'cảm ơn',
  thanks: 'cảm ơn',
  thank: 'cảm ơn',
  thx: 'cảm ơn',
  hello: 'xin chào',
  hi: 'xin chào',
  onl: 'trực tuyến',
  online: 'trực tuyến',
  ol: 'trực tuyến',
};

/** Colloquial names → the catalogue's words. */
export const BUILTIN_SYNONYMS: SynonymEntry[] = [
  // marriage
  { phrase: 'lấy vợ', expansion: 'đăng ký kết hôn' },
  { phrase: 'lấy chồng', expansion: 'đăng ký kết hôn' },
  { phrase: 'cưới vợ', expansion: 'đăng ký kết hôn' },
  { phrase: 'cưới chồng', expansion: 'đăng ký kết hôn' },
  { phrase: 'cưới', expansion: 'kết hôn' },
  { phrase: 'đám cưới', expansion: 'đăng ký kết hôn' },
  { phrase: 'giấy đăng ký kết hôn', expansion: 'giấy chứng nhận kết hôn' },
  // the older southern word for a marriage (and its certificate)
  { phrase: 'hôn thú', expansion: 'kết hôn' },
  { phrase: 'giấy hôn thú', expansion: 'giấy chứng nhận kết hôn' },
  { phrase: 'độc thân', expansion: 'xác nhận tình trạng hôn nhân' },
  { phrase: 'chưa có vợ', expansion: 'xác nhận tình trạng hôn nhân độc thân' },
  { phrase: 'chưa có chồng', expansion: 'xác nhận tình trạng hôn nhân độc thân' },
  { phrase: 'chưa lấy vợ', expansion: 'xác nhận tình trạng hôn nhân độc thân' },
  { phrase: 'chưa lấy chồng', expansion: 'xác nhận tình trạng hôn nhân độc thân' },
  // birth and death
  { phrase: 'mới sinh', expansion: 'đăng ký khai sinh' },
  { phrase: 'mới đẻ', expansion: 'đăng ký khai sinh' },
  { phrase: 'chào đời', expansion: 'đăng ký khai sinh' },
  { phrase: 'sinh con', expansion: 'đăng ký khai sinh' },
  { phrase: 'làm giấy khai sinh', expansion: 'đăng ký khai sinh' },
  { phrase: 'giấy chứng tử', expansion: 'khai tử' },
  { phrase: 'báo tử', expansion: 'khai tử' },
  { phrase: 'qua đời', expansion: 'khai tử' },
  { phrase: 'người thân mất', expansion: 'khai tử' },
  { phrase: 'người nhà mất', expansion: 'khai tử' },
  { phrase: 'bố mất', expansion: 'khai tử' },
  { phrase: 'mẹ mất', expansion: 'khai tử' },
  { phrase: 'cha mất', expansion: 'khai tử' },
  { phrase: 'ông mất', expansion: 'khai tử' },
  { phrase: 'bà mất', expansion: 'khai tử' },
  { phrase: 'vợ mất', expansion: 'khai tử' },
  { phrase: 'chồng mất', expansion: 'khai tử' },
  { phrase: 'chết', expansion: 'khai tử' },
  { phrase: 'con ngoài giá thú', expansion: 'nhận cha mẹ con' },
  // a parent acknowledging a child of their own blood ("bố đẻ muốn nhận lại con")
  { phrase: 'nhận lại con', expansion: 'đăng ký nhận cha mẹ con' },
  { phrase: 'nhận cha con', expansion: 'đăng ký nhận cha mẹ con' },
  { phrase: 'nhận mẹ con', expansion: 'đăng ký nhận cha mẹ con' },
  { phrase: 'nhận con ruột', expansion: 'đăng ký nhận cha mẹ con' },
  { phrase: 'nhận con đẻ', expansion: 'đăng ký nhận cha mẹ con' },
  { phrase: 'đổi tên', expansion: 'thay đổi cải chính hộ tịch' },
  { phrase: 'sửa tên', expansion: 'thay đổi cải chính hộ tịch' },
  { phrase: 'mang họ', expansion: 'thay đổi cải chính hộ tịch' },
  { phrase: 'đổi sang họ', expansion: 'thay đổi cải chính hộ tịch' },
  // A child's surname taken from the other parent ("đổi họ con theo mẹ", "lấy họ mẹ", "chuyển họ").
  { phrase: 'họ mẹ', expansion: 'thay đổi cải chính hộ tịch' },
  { phrase: 'họ cha', expansion: 'thay đổi cải chính hộ tịch' },
  { phrase: 'họ bố', expansion: 'thay đổi cải chính hộ tịch' },
  { phrase: 'theo mẹ', expansion: 'thay đổi cải chính hộ tịch' },
  { phrase: 'lấy họ', expansion: 'thay đổi cải chính hộ tịch' },
  { phrase: 'chuyển họ', expansion: 'thay đổi cải chính hộ tịch' },
  { phrase: 'sai tên', expansion: 'thay đổi cải chính hộ tịch' },
  { phrase: 'sai ngày sinh', expansion: 'cải chính hộ tịch' },
  { phrase: 'sửa giấy khai sinh', expansion: 'thay đổi cải chính bổ sung thông tin hộ tịch' },
  { phrase: 'mồ côi', expansion: 'giám hộ' },
  { phrase: 'thôi làm', expansion: 'chấm dứt' },
  { phrase: 'thôi không', expansion: 'chấm dứt' },
  { phrase: 'không làm nữa', expansion: 'chấm dứt' },
  { phrase: 'tận nhà', expansion: 'lưu động' },
  { phrase: 'đến nhà', expansion: 'lưu động' },
  // ("tại nhà" is the mobile registration only said of the act: AT_HOME_ACT, assistant.situations.ts)
  // copies and signatures
  { phrase: 'sao y', expansion: 'chứng thực bản sao từ bản chính' },
  { phrase: 'photo công chứng', expansion: 'chứng thực bản sao từ bản chính' },
  { phrase: 'phô tô công chứng', expansion: 'chứng thực bản sao từ bản chính' },
  { phrase: 'công chứng', expansion: 'chứng thực' },
  { phrase: 'chứng thực bản sao', expansion: 'chứng thực bản sao từ bản chính' },
  { phrase: 'xác nhận chữ ký', expansion: 'chứng thực chữ ký' },
  { phrase: 'bằng đại học', expansion: 'bằng tốt nghiệp' },
  { phrase: 'bằng cấp', expansion: 'bằng tốt nghiệp' },
  { phrase: 'học bạ', expansion: 'giấy tờ văn bản' },
  { phrase: 'bảng điểm', expansion: 'giấy tờ văn bản' },
  { phrase: 'thừa kế', expansion: 'di sản' },
  { phrase: 'chia thừa kế', expansion: 'phân chia di sản' },
  { phrase: 'dịch thuật', expansion: 'chứng thực chữ ký người dịch' },
  // residence
  { phrase: 'nhập hộ khẩu', expansion: 'đăng ký thường trú' },
  { phrase: 'nhập khẩu', expansion: 'đăng ký thường trú' },
  { phrase: 'chuyển khẩu', expansion: 'đăng ký thường trú' },
  { phrase: 'chuyển hộ khẩu', expansion: 'đăng ký thường trú' },
  { phrase: 'hộ khẩu', expansion: 'thường trú' },
  { phrase: 'cắt khẩu', expansion: 'xóa đăng ký thường trú' },
  { phrase: 'cắt hộ khẩu', expansion: 'xóa đăng ký thường trú' },
  { phrase: 'xóa hộ khẩu', expansion: 'xóa đăng ký thường trú' },
  { phrase: 'tách khẩu', expansion: 'tách hộ' },
  { phrase: 'tách hộ khẩu', expansion: 'tách hộ' },
  { phrase: 'thuê trọ', expansion: 'đăng ký tạm trú' },
  { phrase: 'ở trọ', expansion: 'đăng ký tạm trú' },
  { phrase: 'phòng trọ', expansion: 'đăng ký tạm trú' },
  { phrase: 'nhà trọ', expansion: 'tạm trú' },
  { phrase: 'xóa tạm trú', expansion: 'xóa đăng ký tạm trú' },
  { phrase: 'ngủ lại', expansion: 'thông báo lưu trú' },
  { phrase: 'qua đêm', expansion: 'thông báo lưu trú' },
  { phrase: 'khai báo khách', expansion: 'thông báo lưu trú' },
  { phrase: 'xuất khẩu lao động', expansion: 'khai báo tạm vắng' },
  { phrase: 'vắng nhà', expansion: 'khai báo tạm vắng' },
  { phrase: 'xác nhận cư trú', expansion: 'xác nhận thông tin về cư trú' },
  { phrase: 'xác nhận nơi ở', expansion: 'xác nhận thông tin về cư trú' },
  // a paper proving where one lives, now that the household book is gone
  { phrase: 'chứng minh nơi ở', expansion: 'xác nhận thông tin về cư trú' },
  { phrase: 'chứng minh nơi cư trú', expansion: 'xác nhận thông tin về cư trú' },
  // a paper named for the act: "giấy xác nhận tạm trú" is the residence confirmation, not a registration
  { phrase: 'giấy xác nhận tạm trú', expansion: 'xác nhận thông tin về cư trú' },
  { phrase: 'giấy xác nhận thường trú', expansion: 'xác nhận thông tin về cư trú' },
  // identity
  { phrase: 'chứng minh nhân dân', expansion: 'thẻ căn cước' },
  { phrase: 'chứng minh thư', expansion: 'thẻ căn cước' },
  { phrase: 'căn cước công dân', expansion: 'thẻ căn cước' },
  { phrase: 'làm căn cước', expansion: 'cấp thẻ căn cước' },
  { phrase: 'mất căn cước', expansion: 'cấp lại thẻ căn cước' },
  { phrase: 'mất căn cước công dân', expansion: 'cấp lại thẻ căn cước' },
  { phrase: 'mất chứng minh nhân dân', expansion: 'cấp lại thẻ căn cước' },
  { phrase: 'mất chứng minh thư', expansion: 'cấp lại thẻ căn cước' },
  { phrase: 'đổi căn cước', expansion: 'cấp đổi thẻ căn cước' },
  { phrase: 'đổi căn cước công dân', expansion: 'cấp đổi thẻ căn cước' },
  { phrase: 'đổi thẻ căn cước', expansion: 'cấp đổi thẻ căn cước' },
  { phrase: 'căn cước hết hạn', expansion: 'cấp đổi thẻ căn cước' },
  { phrase: 'căn cước công dân hết hạn', expansion: 'cấp đổi thẻ căn cước' },
  { phrase: 'thẻ căn cước hết hạn', expansion: 'cấp đổi thẻ căn cước' },
  { phrase: 'gắn chip', expansion: 'thẻ căn cước' },
  { phrase: 'vneid', expansion: 'tài khoản định danh điện tử' },
  { phrase: 'thông tin trên vneid', expansion: 'điều chỉnh thông tin trong cơ sở dữ liệu quốc gia về dân cư' },
  { phrase: 'dữ liệu dân cư', expansion: 'cơ sở dữ liệu quốc gia về dân cư' },
  { phrase: 'thông tin dân cư', expansion: 'thông tin trong cơ sở dữ liệu quốc gia về dân cư' },
  { phrase: 'định danh mức 2', expansion: 'tài khoản định danh điện tử mức độ 02' },
  { phrase: 'mức 2', expansion: 'mức độ 02' },
  // land and building
  { phrase: 'sổ đỏ', expansion: 'giấy chứng nhận quyền sử dụng đất' },
  { phrase: 'sổ hồng', expansion: 'giấy chứng nhận quyền sử dụng đất quyền sở hữu nhà ở' },
  { phrase: 'bìa đỏ', expansion: 'giấy chứng nhận quyền sử dụng đất' },
  { phrase: 'bìa hồng', expansion: 'giấy chứng nhận quyền sử dụng đất' },
  { phrase: 'sổ đất', expansion: 'giấy chứng nhận quyền sử dụng đất' },
  { phrase: 'mua bán đất', expansion: 'chứng thực hợp đồng chuyển nhượng quyền sử dụng đất' },
  { phrase: 'bán đất', expansion: 'chuyển nhượng quyền sử dụng đất' },
  { phrase: 'sang tên', expansion: 'chuyển nhượng' },
  // a private lease is a transaction about a house (the state's own housing is "nhà ở thuộc tài sản công")
  { phrase: 'chứng thực hợp đồng thuê nhà', expansion: 'giao dịch nhà ở' },
  { phrase: 'hợp đồng cho thuê nhà', expansion: 'giao dịch nhà ở' },
  { phrase: 'mua bán xe', expansion: 'hợp đồng giao dịch động sản' },
  { phrase: 'bán xe', expansion: 'hợp đồng giao dịch động sản' },
  { phrase: 'lấn đất', expansion: 'tranh chấp đất đai' },
  // mediation at the ward failed: the dispute goes to the chairman's decision
  { phrase: 'hòa giải không thành', expansion: 'giải quyết tranh chấp đất đai thuộc thẩm quyền của chủ tịch' },
  { phrase: 'ranh giới đất', expansion: 'tranh chấp đất đai' },
  { phrase: 'xây nhà', expansion: 'giấy phép xây dựng nhà ở riêng lẻ' },
  { phrase: 'cất nhà', expansion: 'giấy phép xây dựng nhà ở riêng lẻ' },
  // an old title deed or "the house papers": the land's first certificate
  { phrase: 'bằng khoán', expansion: 'giấy chứng nhận quyền sử dụng đất' },
  { phrase: 'giấy tờ nhà đất', expansion: 'giấy chứng nhận quyền sử dụng đất' },
  { phrase: 'xin phép xây', expansion: 'giấy phép xây dựng' },
  { phrase: 'cấp 4', expansion: 'cấp IV' },
  // a mortgage is registered as a security interest (Nghị định 99/2022/NĐ-CP)
  { phrase: 'thế chấp', expansion: 'biện pháp bảo đảm' },
  { phrase: 'giải chấp', expansion: 'xóa đăng ký biện pháp bảo đảm' },
  // other agencies' procedures, in citizens' words (the assistant says where they are done)
  { phrase: 'bằng lái', expansion: 'giấy phép lái xe' },
  { phrase: 'bằng lái xe', expansion: 'giấy phép lái xe' },
  { phrase: 'học lái xe', expansion: 'cấp giấy phép lái xe' },
  { phrase: 'thi bằng lái', expansion: 'cấp giấy phép lái xe' },
  { phrase: 'thi lái xe', expansion: 'cấp giấy phép lái xe' },
  { phrase: 'lý lịch tư pháp', expansion: 'phiếu lý lịch tư pháp' },
  { phrase: 'tiền án tiền sự', expansion: 'phiếu lý lịch tư pháp' },
  { phrase: 'hộ chiếu', expansion: 'hộ chiếu phổ thông' },
  { phrase: 'passport', expansion: 'hộ chiếu phổ thông' },
  { phrase: 'visa', expansion: 'thị thực' },
  // social insurance benefits paid through the commune (full catalogue), in citizens' words
  { phrase: 'nghỉ đẻ', expansion: 'chế độ thai sản' },
  { phrase: 'nghỉ sinh', expansion: 'chế độ thai sản' },
  { phrase: 'tiền thai sản', expansion: 'chế độ thai sản' },
  // a street tree moved (full catalogue: the permit to fell or move it, not the park's assets)
  { phrase: 'dời cây', expansion: 'dịch chuyển cây xanh' },
  { phrase: 'thuốc trừ sâu', expansion: 'thuốc bảo vệ thực vật' },
  // business
  { phrase: 'mở quán', expansion: 'đăng ký hộ kinh doanh' },
  { phrase: 'mở cửa hàng', expansion: 'đăng ký hộ kinh doanh' },
  { phrase: 'mở tiệm', expansion: 'đăng ký hộ kinh doanh' },
  // a company or enterprise "opened" is founded (the province's registration; "lập" alone is in "thành lập")
  { phrase: 'mở công ty', expansion: 'thành lập công ty' },
  { phrase: 'mở doanh nghiệp', expansion: 'thành lập doanh nghiệp' },
  { phrase: 'buôn bán nhỏ', expansion: 'hộ kinh doanh' },
  { phrase: 'buôn bán', expansion: 'kinh doanh' },
  { phrase: 'bán hàng', expansion: 'kinh doanh' },
  { phrase: 'giấy phép kinh doanh', expansion: 'đăng ký hộ kinh doanh' },
  { phrase: 'kinh doanh cá thể', expansion: 'hộ kinh doanh' },
  { phrase: 'hộ cá thể', expansion: 'hộ kinh doanh' },
  { phrase: 'đóng cửa hàng', expansion: 'chấm dứt hoạt động hộ kinh doanh' },
  { phrase: 'nghỉ kinh doanh', expansion: 'chấm dứt hoạt động hộ kinh doanh' },
  { phrase: 'dẹp quán', expansion: 'chấm dứt hoạt động hộ kinh doanh' },
  { phrase: 'đóng hẳn', expansion: 'chấm dứt hoạt động' },
  { phrase: 'không buôn bán', expansion: 'chấm dứt hoạt động hộ kinh doanh' },
  { phrase: 'đóng cửa', expansion: 'chấm dứt hoạt động' },
  { phrase: 'ngừng kinh doanh', expansion: 'chấm dứt hoạt động' },
  { phrase: 'ngừng hẳn', expansion: 'chấm dứt' },
  { phrase: 'nghỉ hẳn', expansion: 'chấm dứt' },
  { phrase: 'đóng hẳn', expansion: 'chấm dứt' },
  { phrase: 'giải thể', expansion: 'chấm dứt hoạt động' },
  { phrase: 'tạm nghỉ kinh doanh', expansion: 'tạm ngừng kinh doanh' },
  // a pause is not an end: the citizen's verb decides between the household business's records
  { phrase: 'nghỉ tạm', expansion: 'tạm ngừng kinh doanh' },
  { phrase: 'tạm nghỉ', expansion: 'tạm ngừng kinh doanh' },
  { phrase: 'tạm đóng cửa', expansion: 'tạm ngừng kinh doanh' },
  { phrase: 'nghỉ một thời gian', expansion: 'tạm ngừng kinh doanh' },
  { phrase: 'mở lại', expansion: 'tiếp tục kinh doanh' },
  { phrase: 'bán lại', expansion: 'tiếp tục kinh doanh' },
  { phrase: 'địa chỉ mới', expansion: 'thay đổi nội dung đăng ký' },
  { phrase: 'chuyển địa điểm', expansion: 'thay đổi nội dung đăng ký' },
  { phrase: 'đổi ngành nghề', expansion: 'thay đổi nội dung đăng ký' },
  // a permit or a card: longer is a renewal, damaged is an exchange, lost is a reissue
  { phrase: 'kéo dài', expansion: 'gia hạn' },
  { phrase: 'xin thêm thời gian', expansion: 'gia hạn' },
  { phrase: 'bị gãy', expansion: 'cấp đổi' },
  { phrase: 'bị hỏng', expansion: 'cấp đổi' },
  { phrase: 'bong tróc', expansion: 'cấp đổi' },
  { phrase: 'bị mờ', expansion: 'cấp đổi' },
  { phrase: 'đánh rơi', expansion: 'cấp lại' },
  { phrase: 'rơi mất', expansion: 'cấp lại' },
  { phrase: 'bị trộm', expansion: 'cấp lại' },
  { phrase: 'móc túi', expansion: 'cấp lại' },
  { phrase: 'sửa nhà', expansion: 'sửa chữa cải tạo' },
  // family and welfare
  { phrase: 'nhận nuôi', expansion: 'nuôi con nuôi' },
  { phrase: 'xin con nuôi', expansion: 'đăng ký nuôi con nuôi' },
  // the yearly review of poor households is the periodic one (the other is on request, any time)
  { phrase: 'rà soát', expansion: 'định kỳ' },
  { phrase: 'bảo hiểm y tế cho bé', expansion: 'thẻ bảo hiểm y tế trẻ em dưới 6 tuổi' },
  { phrase: 'làm lại', expansion: 'cấp lại đăng ký lại' },
  ...CITIZEN_WORDS,
  ...WARD_WORDS,
  ...COMMUNE_WORDS,
];

export interface SynonymMatch {
  /** First and last syllable index (inclusive) of the phrase in the question. */
  start: number;
  end: number;
  expansion: string[];
  /**
   * The expansion's syllables that say what it is about: its function words left out by their
   * written form, so "thẻ căn cước" keeps "thẻ" and "căn" (folded, "the" and "can" are "thế" and
   * "cần") and "thị thực" keeps "thị" ("thì").
   */
  content: string[];
  /** A situation's phrases, each [start, end]: the expansion satisfies all of them. */
  spans?: Array<[number, number]>;
  /** Phrases that only tell the story: their words weigh little. */
  story?: Array<[number, number]>;
}

/**
 * The folded syllables of a phrase written with its marks that are not function words. Written
 * without marks, a syllable is taken for what it says ("can" stays: it may be "căn").
 */
export function contentSyllables(written: string): string[] {
  return syllables(written.normalize('NFC').toLowerCase())
    .filter((w) => !ACCENTED_STOPWORDS.has(accentForm(normalizeToneSyllable(w))))
    .map((w) => fold(w));
}

interface Expansion {
  folded: string[];
  content: string[];
}

/** Folded syllables → matcher over phrases of up to MAX_LEN syllables. */
export class SynonymTable {
  private readonly byPhrase = new Map<string, Expansion[]>();
  private maxLen = 1;

  constructor(entries: Iterable<SynonymEntry>) {
    for (const e of entries) this.add(e);
  }

  add(e: SynonymEntry): void {
    const key = syllables(fold(e.phrase)).join(' ');
    const exp = syllables(fold(e.expansion));
    if (!key || !exp.length) return;
    const list = this.byPhrase.get(key) ?? [];
    if (!list.some((l) => l.folded.join(' ') === exp.join(' '))) list.push({ folded: exp, content: contentSyllables(e.expansion) });
    this.byPhrase.set(key, list);
    this.maxLen = Math.max(this.maxLen, key.split(' ').length);
  }

  /**
   * Every phrase of the table found in the folded syllables, longest first at each position;
   * `written`: the syllables' forms with their marks, when known; a key that is another word where
   * it stands is skipped (assistant.homographs.ts).
   */
  match(folded: string[], written?: readonly string[]): SynonymMatch[] {
    const out: SynonymMatch[] = [];
    for (let i = 0; i < folded.length; i++) {
      for (let len = Math.min(this.maxLen, folded.length - i); len >= 1; len--) {
        const key = folded.slice(i, i + len).join(' ');
        const exps = this.byPhrase.get(key);
        // "tạm ngừng kinh doanh" is a pause: its "ngừng kinh doanh" does not mean "chấm dứt".
        const temporary = folded[i - 1] === 'tam';
        if (exps && otherWordHere(key, folded, written, i, len)) continue;
        if (exps) for (const { folded: expansion, content } of exps) if (!(temporary && expansion[0] === 'cham' && expansion[1] === 'dut')) out.push({ start: i, end: i + len - 1, expansion, content });
      }
    }
    return out;
  }

  /** Every folded syllable the table knows (for Telex decoding and typo correction). */
  vocabulary(): Set<string> {
    const v = new Set<string>();
    for (const [k, exps] of this.byPhrase) {
      for (const s of k.split(' ')) v.add(s);
      for (const e of exps) for (const s of e.folded) v.add(s);
    }
    return v;
  }
}

/** Words as chat spells them with their marks ("mún" muốn, "bít" biết, "hông" không), by their lowercase written form. */
export const CHAT_SPELLINGS: ReadonlyMap<string, string[]> = new Map(
  Object.entries({
    mún: 'muốn', bít: 'biết', hông: 'không', hổng: 'không', zề: 'về', zậy: 'vậy', dzậy: 'vậy',
    // southern and central speech: "mần" (làm), "tui" (tôi), "má" / "tía" (mẹ / bố), "dzợ" (vợ),
    // "kêu" (bảo), "răng" (sao), "ổng" / "bả" (ông ấy / bà ấy), "tụi" (chúng: read as the pronoun
    // "tôi", since "chúng" folds as "chứng") — the story's words then weigh as the common words
    // they are, not as words the catalogue does not know
    mần: 'làm', tui: 'tôi', má: 'mẹ', tía: 'bố', dzợ: 'vợ', dợ: 'vợ', kêu: 'bảo', răng: 'sao', ổng: 'ông ấy', bả: 'bà ấy', tụi: 'tôi',
    // pass 24: the mother and grandmother of the centre and the northern midlands ("mạ tui mất rồi",
    // "bầm", Huế's "mệ"), only as written with their marks. "Mạ" is also the rice seedling ("gieo
    // mạ"): read as "mẹ" there too, a light story word, which no farming record's name needs
    mạ: 'mẹ', bầm: 'mẹ', mệ: 'bà',
    // two syllables typed glued, the space forgotten ("côngchứng", "khaisinh")
    côngchứng: 'công chứng', chứngthực: 'chứng thực', khaisinh: 'khai sinh', khaitử: 'khai tử', kếthôn: 'kết hôn', căncước: 'căn cước', hộkhẩu: 'hộ khẩu', tạmtrú: 'tạm trú', thườngtrú: 'thường trú',
  }).map(([k, v]) => [k, syllables(v)]),
);

/** The abbreviation table, folded. */
export const FOLDED_ABBREVIATIONS: ReadonlyMap<string, string[]> = new Map(Object.entries(ABBREVIATIONS).map(([k, v]) => [fold(k), syllables(v)]));

/** What a number glued to a letter or a word counts, as chat writes it ("2t", "6th", "3thang"). */
const GLUED_UNITS: Record<string, string> = { t: 'tuổi', tuoi: 'tuổi', th: 'tháng', thang: 'tháng', ng: 'ngày', ngay: 'ngày', tuan: 'tuần', nam: 'năm' };

/**
 * An age or a time as chat writes it, the number and its unit glued ("bé 2t", "16t rồi", "con
 * 6th", "được 20ngay"): the number and the unit's word ("tuổi", "tháng", "ngày", "tuần", "năm").
 */
export function ageShorthand(folded: string): string[] | undefined {
  const m = /^(\d{1,3})([a-z]+)$/.exec(folded);
  const unit = m && GLUED_UNITS[m[2]!];
  return unit ? [m[1]!, unit] : undefined;
}
