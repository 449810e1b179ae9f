import { fold, syllables } from '../shared/vietnamese';

/**
 * Chat's own forms of words, read before a question is looked up (assistant.query-tokens.ts): the
 * abbreviations and shorthand typed for a word ("cccd", "dk", "ko"), the words chat spells with
 * their marks ("mún", "mần") and an age or a time glued to its number ("bé 2t"). Split from
 * assistant.synonyms.ts (stop 46); the names stay importable from there.
 */

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
