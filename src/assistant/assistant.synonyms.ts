import { fold, syllables } from '../shared/vietnamese';

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
  gpkd: 'giấy phép kinh doanh',
  hkd: 'hộ kinh doanh',
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
  tthc: 'thủ tục hành chính',
  hs: 'hồ sơ',
  gt: 'giấy tờ',
  lltp: 'lý lịch tư pháp',
  mst: 'mã số thuế',
  nvqs: 'nghĩa vụ quân sự',
  hk: 'hộ khẩu',
  sdt: 'số điện thoại',
  dt: 'điện thoại',
  // chat shorthand
  ko: 'không',
  k: 'không',
  kg: 'không',
  hok: 'không',
  khum: 'không',
  dc: 'được',
  j: 'gì',
  bn: 'bao nhiêu',
  bnhieu: 'bao nhiêu',
  ntn: 'như thế nào',
  mk: 'mình',
  mik: 'mình',
  vs: 'với',
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
  { phrase: 'độc thân', expansion: 'xác nhận tình trạng hôn nhân' },
  { phrase: 'chưa có vợ', expansion: 'xác nhận tình trạng hôn nhân độc thân' },
  { phrase: 'chưa có chồng', expansion: 'xác nhận tình trạng hôn nhân độc thân' },
  { phrase: 'chưa lấy vợ', expansion: 'xác nhận tình trạng hôn nhân độc thân' },
  { phrase: 'chưa lấy chồng', expansion: 'xác nhận tình trạng hôn nhân độc thân' },
  // birth and death
  { phrase: 'mới sinh', expansion: 'đăng ký khai sinh' },
  { phrase: 'mới đẻ', expansion: 'đăng ký khai sinh' },
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
  { phrase: 'đổi tên', expansion: 'thay đổi cải chính hộ tịch' },
  { phrase: 'sửa tên', expansion: 'thay đổi cải chính hộ tịch' },
  { phrase: 'sai tên', expansion: 'thay đổi cải chính hộ tịch' },
  { phrase: 'sai ngày sinh', expansion: 'cải chính hộ tịch' },
  { phrase: 'sửa giấy khai sinh', expansion: 'thay đổi cải chính bổ sung thông tin hộ tịch' },
  { phrase: 'mồ côi', expansion: 'giám hộ' },
  { phrase: 'thôi làm', expansion: 'chấm dứt' },
  { phrase: 'thôi không', expansion: 'chấm dứt' },
  { phrase: 'không làm nữa', expansion: 'chấm dứt' },
  { phrase: 'tận nhà', expansion: 'lưu động' },
  { phrase: 'đến nhà', expansion: 'lưu động' },
  { phrase: 'tại nhà', expansion: 'lưu động' },
  // copies and signatures
  { phrase: 'sao y', expansion: 'chứng thực bản sao từ bản chính' },
  { phrase: 'photo công chứng', expansion: 'chứng thực bản sao từ bản chính' },
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
  { phrase: 'đi làm ăn xa', expansion: 'khai báo tạm vắng' },
  { phrase: 'xuất khẩu lao động', expansion: 'khai báo tạm vắng' },
  { phrase: 'vắng nhà', expansion: 'khai báo tạm vắng' },
  { phrase: 'xác nhận cư trú', expansion: 'xác nhận thông tin về cư trú' },
  { phrase: 'xác nhận nơi ở', expansion: 'xác nhận thông tin về cư trú' },
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
  { phrase: 'mua bán xe', expansion: 'hợp đồng giao dịch động sản' },
  { phrase: 'bán xe', expansion: 'hợp đồng giao dịch động sản' },
  { phrase: 'lấn đất', expansion: 'tranh chấp đất đai' },
  { phrase: 'ranh giới đất', expansion: 'tranh chấp đất đai' },
  { phrase: 'xây nhà', expansion: 'giấy phép xây dựng nhà ở riêng lẻ' },
  { phrase: 'xin phép xây', expansion: 'giấy phép xây dựng' },
  { phrase: 'cấp 4', expansion: 'cấp IV' },
  // business
  { phrase: 'mở quán', expansion: 'đăng ký hộ kinh doanh' },
  { phrase: 'mở cửa hàng', expansion: 'đăng ký hộ kinh doanh' },
  { phrase: 'mở tiệm', expansion: 'đăng ký hộ kinh doanh' },
  { phrase: 'buôn bán nhỏ', expansion: 'hộ kinh doanh' },
  { phrase: 'giấy phép kinh doanh', expansion: 'đăng ký hộ kinh doanh' },
  { phrase: 'kinh doanh cá thể', expansion: 'hộ kinh doanh' },
  { phrase: 'hộ cá thể', expansion: 'hộ kinh doanh' },
  { phrase: 'đóng cửa hàng', expansion: 'chấm dứt hoạt động hộ kinh doanh' },
  { phrase: 'nghỉ kinh doanh', expansion: 'chấm dứt hoạt động hộ kinh doanh' },
  { phrase: 'dẹp quán', expansion: 'chấm dứt hoạt động hộ kinh doanh' },
  { phrase: 'đóng cửa', expansion: 'chấm dứt hoạt động' },
  { phrase: 'ngừng kinh doanh', expansion: 'chấm dứt hoạt động' },
  { phrase: 'ngừng hẳn', expansion: 'chấm dứt' },
  { phrase: 'nghỉ hẳn', expansion: 'chấm dứt' },
  { phrase: 'đóng hẳn', expansion: 'chấm dứt' },
  { phrase: 'giải thể', expansion: 'chấm dứt hoạt động' },
  { phrase: 'tạm nghỉ kinh doanh', expansion: 'tạm ngừng kinh doanh' },
  // family and welfare
  { phrase: 'nhận nuôi', expansion: 'nuôi con nuôi' },
  { phrase: 'xin con nuôi', expansion: 'đăng ký nuôi con nuôi' },
  { phrase: 'bảo hiểm y tế cho bé', expansion: 'thẻ bảo hiểm y tế trẻ em dưới 6 tuổi' },
  { phrase: 'làm lại', expansion: 'cấp lại đăng ký lại' },
];

export interface SynonymMatch {
  /** First and last syllable index (inclusive) of the phrase in the question. */
  start: number;
  end: number;
  expansion: string[];
}

/** Folded syllables → matcher over phrases of up to MAX_LEN syllables. */
export class SynonymTable {
  private readonly byPhrase = new Map<string, string[][]>();
  private maxLen = 1;

  constructor(entries: Iterable<SynonymEntry>) {
    for (const e of entries) this.add(e);
  }

  add(e: SynonymEntry): void {
    const key = syllables(fold(e.phrase)).join(' ');
    const exp = syllables(fold(e.expansion));
    if (!key || !exp.length) return;
    const list = this.byPhrase.get(key) ?? [];
    if (!list.some((l) => l.join(' ') === exp.join(' '))) list.push(exp);
    this.byPhrase.set(key, list);
    this.maxLen = Math.max(this.maxLen, key.split(' ').length);
  }

  /** Every phrase of the table found in the folded syllables, longest first at each position. */
  match(folded: string[]): SynonymMatch[] {
    const out: SynonymMatch[] = [];
    for (let i = 0; i < folded.length; i++) {
      for (let len = Math.min(this.maxLen, folded.length - i); len >= 1; len--) {
        const key = folded.slice(i, i + len).join(' ');
        const exps = this.byPhrase.get(key);
        if (exps) for (const expansion of exps) out.push({ start: i, end: i + len - 1, expansion });
      }
    }
    return out;
  }

  /** Every folded syllable the table knows (for Telex decoding and typo correction). */
  vocabulary(): Set<string> {
    const v = new Set<string>();
    for (const [k, exps] of this.byPhrase) {
      for (const s of k.split(' ')) v.add(s);
      for (const e of exps) for (const s of e) v.add(s);
    }
    return v;
  }
}

/** The abbreviation table, folded. */
export const FOLDED_ABBREVIATIONS: ReadonlyMap<string, string[]> = new Map(Object.entries(ABBREVIATIONS).map(([k, v]) => [fold(k), syllables(v)]));
