import type { ProcedureInput } from '../catalog.types';

/**
 * Demo catalogue: commune-level procedures of the "Chứng thực" and "Đăng ký, quản lý cư trú"
 * fields, written in our own words from the National Public Service Portal records
 * (dichvucong.gov.vn, see `sourceUrl` and `decision` of each record).
 */

type ChannelInput = NonNullable<ProcedureInput['channels']>[number];
type FeeInput = NonNullable<ChannelInput['fees']>[number];
type ComponentInput = NonNullable<ProcedureInput['componentGroups']>[number]['components'][number];
type FormInput = NonNullable<ProcedureInput['forms']>[number];
type LegalInput = NonNullable<ProcedureInput['legalBasis']>[number];
type ResultInput = NonNullable<ProcedureInput['results']>[number];

// ---------------------------------------------------------------------------------------------
// Legal documents cited by these records (can_cu_phap_ly), short names.
// ---------------------------------------------------------------------------------------------

const LAW = {
  nd23_2015: {
    number: '23/2015/NĐ-CP',
    name: 'Nghị định về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch',
  },
  nd280_2025: {
    number: '280/2025/NĐ-CP',
    name: 'Nghị định sửa đổi, bổ sung Nghị định 23/2015/NĐ-CP (đã sửa đổi bởi Nghị định 07/2025/NĐ-CP)',
  },
  nd18_2026: {
    number: '18/2026/NĐ-CP',
    name: 'Nghị định sửa đổi một số nghị định để cắt giảm, đơn giản hóa thủ tục hành chính, điều kiện kinh doanh thuộc lĩnh vực Bộ Tư pháp',
  },
  nq66_7_2025: {
    number: '66.7/2025/NQ-CP',
    name: 'Nghị quyết cắt giảm, đơn giản hóa thủ tục hành chính dựa trên dữ liệu',
  },
  tt01_2020_btp: {
    number: '01/2020/TT-BTP',
    name: 'Thông tư quy định chi tiết, hướng dẫn thi hành Nghị định 23/2015/NĐ-CP',
  },
  tt226_2016_btc: {
    number: '226/2016/TT-BTC',
    name: 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí chứng thực',
  },
  tt257_2016_btc: {
    number: '257/2016/TT-BTC',
    name: 'Thông tư quy định phí công chứng, phí chứng thực bản sao, chứng thực chữ ký và một số phí, lệ phí liên quan',
  },
  tt264_2016_btc: {
    number: '264/2016/TT-BTC',
    name: 'Thông tư quy định phí, lệ phí trong lĩnh vực ngoại giao tại Cơ quan đại diện Việt Nam ở nước ngoài',
  },
  luatCuTru: { number: '68/2020/QH14', name: 'Luật Cư trú 2020' },
  nd154_2024: {
    number: '154/2024/NĐ-CP',
    name: 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Cư trú',
  },
  nd62_2021: {
    number: '62/2021/NĐ-CP',
    name: 'Nghị định quy định chi tiết một số điều của Luật Cư trú',
  },
  nd58_2026: {
    number: '58/2026/NĐ-CP',
    name: 'Nghị định sửa đổi các nghị định về điều kiện an ninh, trật tự, con dấu, pháo và thi hành Luật Cư trú, Luật Căn cước',
  },
  tt55_2021: {
    number: '55/2021/TT-BCA',
    name: 'Thông tư quy định chi tiết một số điều và biện pháp thi hành Luật Cư trú',
  },
  tt56_2021: {
    number: '56/2021/TT-BCA',
    name: 'Thông tư quy định về biểu mẫu trong đăng ký, quản lý cư trú',
  },
  tt57_2021: {
    number: '57/2021/TT-BCA',
    name: 'Thông tư quy định về quy trình đăng ký cư trú',
  },
  tt66_2023: {
    number: '66/2023/TT-BCA',
    name: 'Thông tư sửa đổi các Thông tư 55, 56 và 57/2021/TT-BCA về cư trú',
  },
  tt53_2025: {
    number: '53/2025/TT-BCA',
    name: 'Thông tư sửa đổi các Thông tư 55/2021, 56/2021 về cư trú và Thông tư 17/2024/TT-BCA',
  },
  tt54_2025: {
    number: '54/2025/TT-BCA',
    name: 'Thông tư quy định về quy trình đăng ký cư trú',
  },
  tt75_2022_btc: {
    number: '75/2022/TT-BTC',
    name: 'Thông tư quy định mức thu, chế độ thu, nộp và quản lý lệ phí đăng ký cư trú',
  },
  tt85_2019_btc: {
    number: '85/2019/TT-BTC',
    name: 'Thông tư hướng dẫn về phí, lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân cấp tỉnh',
  },
} satisfies Record<string, LegalInput>;

// ---------------------------------------------------------------------------------------------
// Shared pieces of the "Chứng thực" records.
// ---------------------------------------------------------------------------------------------

const CT_FIELD = 'Chứng thực';
const CT_TYPE = 'TTHC không được luật giao cho địa phương quy định';
/**
 * Nghị định 23/2015/NĐ-CP, Điều 7: copies, signatures and translators' signatures are certified
 * within the day the request is received, or the next working day when it comes after 15:00
 * (the commune may agree a later time in writing for many documents).
 */
const CT_SAME_DAY: Pick<ChannelInput, 'time' | 'timeText'> = {
  time: { value: 1, unit: 'working_days' },
  timeText: 'Trong ngày tiếp nhận; hồ sơ nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo',
};
/** Same decree, Điều 37: contracts, transactions, wills and inheritance documents. */
const CT_TRANSACTION_TIME: Pick<ChannelInput, 'time' | 'timeText'> = {
  time: { value: 2, unit: 'working_days' },
  timeText: 'Không quá 02 ngày làm việc kể từ ngày nhận đủ hồ sơ, hoặc lâu hơn theo thỏa thuận bằng văn bản với người yêu cầu chứng thực',
};

/** Identity papers the requester shows (Nghị định 23/2015/NĐ-CP as amended). */
const ctIdentity = (note = 'Xuất trình, không nộp; dùng bản chính hoặc bản sao, hoặc căn cước điện tử'): ComponentInput => ({
  name: 'Giấy tờ tùy thân còn giá trị: căn cước điện tử, thẻ căn cước hoặc thẻ căn cước công dân, giấy chứng nhận căn cước, hộ chiếu hoặc giấy tờ xuất nhập cảnh',
  originals: 1,
  required: true,
  note,
});

/** Title deed of a registered asset, for transactions, wills and inheritance documents. */
const ctAssetPaper = (note: string, required = true): ComponentInput => ({
  name: 'Giấy chứng nhận quyền sở hữu, quyền sử dụng tài sản (ví dụ giấy chứng nhận quyền sử dụng đất, giấy đăng ký xe) hoặc giấy tờ thay thế theo quy định',
  originals: 1,
  copies: 1,
  required,
  note,
});

const CT_ASSET_NOTE =
  'Nộp bản chính, bản sao có chứng thực hoặc bản sao điện tử có chứng thực; nộp trực tiếp thì có thể nộp bản sao kèm bản chính để đối chiếu. Chỉ cần với tài sản pháp luật bắt buộc đăng ký quyền sở hữu, quyền sử dụng.';
const CT_LAND_DB_NOTE =
  ' Không phải nộp giấy chứng nhận quyền sử dụng đất nếu cơ quan tra cứu được trên Cơ sở dữ liệu quốc gia về đất đai (giai đoạn đầu áp dụng với đất ở).';

/** Rules shared by every procedure where the parties sign before the certifier. */
const CT_SIGNING_RULES =
  'Người không ký được thì điểm chỉ; người không đọc, không nghe, không ký và không điểm chỉ được thì phải có 02 người làm chứng (đủ năng lực hành vi dân sự, không liên quan đến việc chứng thực). Người không thông thạo tiếng Việt phải có người phiên dịch, thù lao do người yêu cầu trả.';

const ctFlatFee = (label: string, amount: number, note: string): FeeInput => ({
  label,
  amount,
  basis: 'per_case',
  note,
});

/** The time of contracts and transactions and the same fee on every channel listed by the record. */
const ctChannels = (kinds: ChannelInput['kind'][], fee: FeeInput, description: Partial<Record<ChannelInput['kind'], string>> = {}): ChannelInput[] =>
  kinds.map((kind) => ({
    kind,
    ...CT_TRANSACTION_TIME,
    fees: [fee],
    description: description[kind] ?? '',
  }));

const CT_DESC = {
  in_person: 'Nộp tại Trung tâm Phục vụ hành chính công cấp xã (Ủy ban nhân dân cấp xã); các bên ký trước mặt người tiếp nhận hồ sơ.',
  online: 'Nộp hồ sơ trực tuyến; các bên vẫn phải đến ký trước mặt người thực hiện chứng thực hoặc người tiếp nhận hồ sơ.',
  post: 'Gửi hồ sơ qua dịch vụ bưu chính; các bên vẫn phải đến ký trước mặt người thực hiện chứng thực hoặc người tiếp nhận hồ sơ.',
} satisfies Partial<Record<ChannelInput['kind'], string>>;

// ---------------------------------------------------------------------------------------------
// Shared pieces of the "Đăng ký, quản lý cư trú" records.
// ---------------------------------------------------------------------------------------------

const CU_TRU_FIELD = 'Đăng ký, quản lý cư trú';
const CU_TRU_TYPE = 'TTHC được giao luật quy định chi tiết';
const CU_TRU_AGENCY = 'Công an cấp xã';
const CU_TRU_NO_FEE = 'Không có thông tin về phí, lệ phí';

const CU_TRU_IN_PERSON =
  'Nộp tại Công an cấp xã trong giờ hành chính từ thứ Hai đến thứ Sáu và sáng thứ Bảy (trừ ngày lễ, Tết).';
const CU_TRU_ONLINE =
  'Nộp qua Cổng Dịch vụ công quốc gia, Cổng dịch vụ công Bộ Công an hoặc ứng dụng VNeID; nhận hồ sơ trong giờ hành chính từ thứ Hai đến thứ Sáu và sáng thứ Bảy.';

const CT01: FormInput = {
  id: 'ct01',
  title: 'Tờ khai thay đổi thông tin cư trú (Mẫu CT01)',
  source: 'Mẫu CT01 ban hành kèm Thông tư 53/2025/TT-BCA',
  fields: [
    'Kính gửi (cơ quan đăng ký cư trú)',
    'Họ, chữ đệm và tên',
    'Ngày, tháng, năm sinh',
    'Giới tính',
    'Số định danh cá nhân',
    'Số điện thoại liên hệ, email',
    'Họ, chữ đệm và tên chủ hộ; số định danh cá nhân của chủ hộ',
    'Mối quan hệ với chủ hộ',
    'Nội dung đề nghị',
    'Những thành viên trong hộ gia đình cùng thay đổi',
    'Ý kiến của chủ hộ',
    'Ý kiến của chủ sở hữu hoặc người đại diện chỗ ở hợp pháp',
    'Ý kiến của cha, mẹ hoặc người giám hộ (nếu là người chưa thành niên)',
    'Người kê khai ký, ghi rõ họ tên',
  ],
};

const CT02: FormInput = {
  id: 'ct02',
  title:
    'Tờ khai thay đổi thông tin cư trú dùng cho công dân Việt Nam định cư ở nước ngoài không có hộ chiếu Việt Nam còn giá trị sử dụng (Mẫu CT02)',
  source: 'Mẫu CT02 ban hành kèm Thông tư 53/2025/TT-BCA',
  fields: [
    'Kính gửi (cơ quan đăng ký cư trú)',
    'Họ, chữ đệm và tên; tên gọi khác (nếu có)',
    'Ngày, tháng, năm sinh; giới tính',
    'Nơi sinh; quê quán',
    'Dân tộc; tôn giáo; quốc tịch',
    'Số hộ chiếu hoặc giấy tờ có giá trị thay hộ chiếu do nước ngoài cấp',
    'Nghề nghiệp, nơi làm việc ở nước ngoài',
    'Địa chỉ cư trú ở nước ngoài',
    'Ngày nhập cảnh Việt Nam',
    'Địa chỉ đề nghị đăng ký cư trú tại Việt Nam',
    'Nội dung đề nghị',
    'Những người cùng thay đổi',
    'Người kê khai ký, ghi rõ họ tên',
  ],
};

const ND154_MAU01: FormInput = {
  id: 'mau-01-nd154',
  title: 'Tờ khai đề nghị xác nhận nơi thường xuyên đậu, đỗ; sử dụng phương tiện vào mục đích để ở (Mẫu số 01)',
  source: 'Mẫu số 01 ban hành kèm Nghị định 154/2024/NĐ-CP',
  fields: [
    'Kính gửi Ủy ban nhân dân cấp xã',
    'Họ, chữ đệm và tên người đề nghị',
    'Ngày, tháng, năm sinh',
    'Số định danh cá nhân',
    'Loại phương tiện; số đăng ký (nếu có)',
    'Nơi đăng ký phương tiện',
    'Địa điểm phương tiện thường xuyên đậu, đỗ',
    'Việc sử dụng phương tiện vào mục đích để ở',
    'Lời cam đoan, chữ ký người đề nghị',
    'Mục 1: xác nhận của Ủy ban nhân dân cấp xã về nơi thường xuyên đậu, đỗ',
    'Mục 2: xác nhận của Ủy ban nhân dân cấp xã về việc sử dụng phương tiện để ở',
  ],
};

const ND154_MAU02: FormInput = {
  id: 'mau-02-nd154',
  title:
    'Tờ khai xác nhận tình trạng chỗ ở hợp pháp, diện tích nhà ở tối thiểu để đăng ký thường trú, đăng ký tạm trú (Mẫu số 02)',
  source: 'Mẫu số 02 ban hành kèm Nghị định 154/2024/NĐ-CP',
  fields: [
    'Kính gửi Ủy ban nhân dân cấp xã',
    'Họ, chữ đệm và tên người đề nghị',
    'Ngày, tháng, năm sinh; số định danh cá nhân',
    'Địa chỉ chỗ ở đề nghị xác nhận',
    'Hình thức sử dụng chỗ ở (thuê, mượn, ở nhờ...)',
    'Tổng diện tích sàn nhà ở',
    'Số người đang đăng ký thường trú tại chỗ ở',
    'Tình trạng tranh chấp quyền sở hữu nhà ở, quyền sử dụng đất ở',
    'Lời cam đoan, chữ ký người đề nghị',
    'Xác nhận của Ủy ban nhân dân cấp xã về diện tích bình quân theo mức Hội đồng nhân dân tỉnh quy định',
  ],
};

const KQ = {
  danCu: { name: 'Cập nhật thông tin trong Cơ sở dữ liệu quốc gia về dân cư', code: 'KQ.G01.000064' },
  thongBao: { name: 'Thông báo kết quả giải quyết thủ tục về cư trú, hủy bỏ thủ tục về cư trú', code: 'KQ.G01.000065' },
  cuTru: { name: 'Cập nhật thông tin trong Cơ sở dữ liệu về cư trú', code: 'KQ.G01.000066' },
  tuChoi: { name: 'Phiếu từ chối tiếp nhận, giải quyết hồ sơ (lĩnh vực cư trú)', code: 'KQ.G01.000067' },
} satisfies Record<string, ResultInput>;

/** The usual reception/decision steps of a residence procedure (Thông tư 66/2023/TT-BCA forms CT04, CT06). */
const cuTruSteps = (prepare: string, submit: string, extra: string[] = []): string[] => [
  prepare,
  submit,
  'Công an cấp xã kiểm tra hồ sơ, đối chiếu với Cơ sở dữ liệu quốc gia về dân cư và Cơ sở dữ liệu về cư trú; hồ sơ hợp lệ thì cấp Phiếu tiếp nhận và hẹn trả kết quả (Mẫu CT04), không đủ điều kiện thì cấp Phiếu từ chối (Mẫu CT06).',
  ...extra,
  'Theo ngày hẹn, nhận thông báo kết quả; thông tin được cập nhật vào cơ sở dữ liệu.',
];

const ct01Component = (note?: string): ComponentInput => ({
  name: 'Tờ khai thay đổi thông tin cư trú (Mẫu CT01)',
  form: 'ct01',
  originals: 1,
  required: true,
  // Online, the e-form is the declaration (residence e-forms, eform/demo-eforms.ts).
  replacedByEForm: true,
  note: [note, 'Nộp trực tuyến thì khai theo biểu mẫu điện tử, không đính kèm Mẫu CT01.'].filter(Boolean).join(' '),
});

const ARMY_LETTER = (purpose = ''): ComponentInput => ({
  name: `Giấy giới thiệu${purpose ? ` ${purpose}` : ''} của đơn vị cấp trung đoàn và tương đương trở lên (ký tên, đóng dấu)`,
  originals: 1,
  required: false,
  note: 'Đối với Quân đội nhân dân',
});
const POLICE_LETTER = (purpose: string): ComponentInput => ({
  name: `Giấy giới thiệu của Thủ trưởng đơn vị quản lý trực tiếp, ghi rõ việc ${purpose} và đơn vị có chỗ ở cho cán bộ, chiến sĩ (ký tên, đóng dấu)`,
  originals: 1,
  required: false,
  note: 'Đối với Công an nhân dân',
});

// ---------------------------------------------------------------------------------------------
// The records.
// ---------------------------------------------------------------------------------------------

export const chungThucCuTru: ProcedureInput[] = [
  // ------------------------------------------------------------------------------ Chứng thực
  {
    code: '2.000815',
    name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam; cơ quan, tổ chức có thẩm quyền của nước ngoài; cơ quan, tổ chức có thẩm quyền của Việt Nam liên kết với cơ quan, tổ chức có thẩm quyền của nước ngoài cấp hoặc chứng nhận',
    field: CT_FIELD,
    levels: ['Cấp xã', 'Cơ quan khác'],
    type: CT_TYPE,
    applicants: 'Công dân Việt Nam; Người Việt Nam định cư ở nước ngoài; Tổ chức (không bao gồm doanh nghiệp, HTX)',
    agency: 'Ủy ban nhân dân cấp xã; tổ chức hành nghề công chứng; Cơ quan đại diện Việt Nam ở nước ngoài',
    submitAt: '',
    steps: [
      'Mang bản chính giấy tờ cần chứng thực và bản chụp của nó đến nơi chứng thực; nếu chỉ mang bản chính, nơi chứng thực sẽ chụp giúp khi có phương tiện.',
      'Người thực hiện chứng thực kiểm tra bản chính và đối chiếu với bản sao.',
      'Nếu bản sao đúng với bản chính, người thực hiện chứng thực ghi lời chứng, ký, đóng dấu và vào sổ chứng thực; bản sao nhiều tờ được đóng dấu giáp lai.',
      'Nộp phí và nhận bản sao đã chứng thực tại nơi nộp hồ sơ.',
    ],
    channels: [
      {
        kind: 'in_person',
        ...CT_SAME_DAY,
        fees: [
          {
            label: 'Phí chứng thực bản sao, trang thứ nhất và thứ hai',
            amount: 2000,
            basis: 'per_page',
            max: 200000,
            note: 'Tại Ủy ban nhân dân cấp xã, tổ chức hành nghề công chứng. Số trang tính theo bản chính; tổng phí mỗi bản sao không quá 200.000 đồng.',
          },
          {
            label: 'Phí chứng thực bản sao, từ trang thứ ba trở đi',
            amount: 1000,
            basis: 'per_page',
            max: 200000,
            note: 'Số trang tính theo bản chính; tổng phí mỗi bản sao (cả hai mức) không quá 200.000 đồng.',
          },
        ],
        feeText: 'Tại Cơ quan đại diện Việt Nam ở nước ngoài: 10 USD/bản.',
        description: 'Nộp trực tiếp tại Ủy ban nhân dân cấp xã, tổ chức hành nghề công chứng hoặc Cơ quan đại diện Việt Nam ở nước ngoài.',
      },
    ],
    componentGroups: [
      {
        id: 'nop',
        title: 'Giấy tờ phải nộp',
        components: [
          {
            name: 'Bản sao (bản chụp) cần chứng thực, có đủ các trang ghi thông tin của bản chính',
            copies: 1,
            required: false,
            note: 'Nếu không mang bản chụp, nơi chứng thực chụp từ bản chính khi có phương tiện.',
          },
        ],
      },
      {
        id: 'xuat-trinh',
        title: 'Giấy tờ xuất trình',
        components: [
          {
            name: 'Bản chính giấy tờ, văn bản làm cơ sở chứng thực bản sao',
            originals: 1,
            required: true,
            note: 'Xuất trình, không nộp',
          },
        ],
      },
    ],
    forms: [],
    results: [{ name: 'Bản sao được chứng thực từ bản chính', code: 'KQ.G15.000021' }],
    conditions:
      'Không chứng thực bản sao từ bản chính: bị tẩy xóa, sửa chữa, thêm bớt nội dung không hợp lệ; hư hỏng, cũ nát không xác định được nội dung; có dấu mật hoặc ghi không được sao chụp; có nội dung trái pháp luật, đạo đức xã hội; do nước ngoài cấp mà chưa hợp pháp hóa lãnh sự (trừ hộ chiếu, thẻ căn cước, thẻ thường trú, thẻ cư trú, giấy phép lái xe, bằng tốt nghiệp, chứng chỉ và bảng điểm kèm theo); giấy tờ cá nhân tự lập không có xác nhận, đóng dấu của cơ quan có thẩm quyền.',
    legalBasis: [
      LAW.nd23_2015,
      LAW.nd280_2025,
      LAW.tt01_2020_btp,
      LAW.tt226_2016_btc,
      LAW.tt257_2016_btc,
      LAW.tt264_2016_btc,
    ],
    onlineLevel: null,
    summary:
      'Dùng khi bạn cần bản sao có chứng thực (sao y) của giấy tờ như căn cước, bằng tốt nghiệp, giấy khai sinh. Mang bản chính và bản chụp đến Ủy ban nhân dân cấp xã; phí 2.000 đồng/trang, từ trang thứ ba 1.000 đồng/trang, tối đa 200.000 đồng mỗi bản.',
    exemptions: [],
    keywords: [
      'sao y',
      'sao y bản chính',
      'công chứng bản sao',
      'chứng thực bản sao',
      'photo công chứng',
      'công chứng căn cước',
      'sao y giấy tờ tùy thân',
      'công chứng bằng tốt nghiệp',
    ],
    decision: '3152/QĐ-BTP',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-8e22-77ef-819f-e49460350904',
  },
  {
    code: '2.000884',
    name: 'Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực điểm chỉ và trường hợp người yêu cầu chứng thực không thể ký, không thể điểm chỉ được)',
    field: CT_FIELD,
    levels: ['Cấp xã', 'Cơ quan khác'],
    type: CT_TYPE,
    applicants: 'Công dân Việt Nam; Người Việt Nam định cư ở nước ngoài',
    agency: 'Ủy ban nhân dân cấp xã; tổ chức hành nghề công chứng; Cơ quan đại diện Việt Nam ở nước ngoài',
    submitAt: '',
    steps: [
      'Mang giấy tờ tùy thân và giấy tờ, văn bản cần chứng thực chữ ký đến nơi chứng thực.',
      'Người thực hiện chứng thực (hoặc người tiếp nhận hồ sơ) kiểm tra giấy tờ và việc người yêu cầu minh mẫn, làm chủ được hành vi.',
      'Ký hoặc điểm chỉ trước mặt người thực hiện chứng thực (hoặc người tiếp nhận hồ sơ tại Trung tâm Phục vụ hành chính công cấp xã).',
      'Người thực hiện chứng thực ghi lời chứng, ký, đóng dấu (giáp lai nếu nhiều tờ) và vào sổ chứng thực.',
      'Nộp phí và nhận lại giấy tờ đã chứng thực chữ ký.',
    ],
    channels: [
      {
        kind: 'in_person',
        ...CT_SAME_DAY,
        fees: [
          ctFlatFee(
            'Phí chứng thực chữ ký',
            10000,
            'Tại Ủy ban nhân dân cấp xã, tổ chức hành nghề công chứng; một trường hợp là một hoặc nhiều chữ ký trong cùng một giấy tờ, văn bản.',
          ),
        ],
        feeText: 'Tại Cơ quan đại diện Việt Nam ở nước ngoài: 10 USD/bản.',
        description: 'Nộp trực tiếp tại Ủy ban nhân dân cấp xã, tổ chức hành nghề công chứng hoặc Cơ quan đại diện Việt Nam ở nước ngoài.',
      },
    ],
    componentGroups: [
      {
        id: 'xuat-trinh',
        title: 'Giấy tờ xuất trình',
        components: [
          ctIdentity(),
          {
            name: 'Giấy tờ, văn bản cần chứng thực chữ ký',
            originals: 1,
            required: true,
            note: 'Xuất trình, không nộp; ký hoặc điểm chỉ trước mặt người thực hiện chứng thực.',
          },
        ],
      },
      {
        id: 'tieng-nuoc-ngoai',
        title: 'Giấy tờ, văn bản bằng tiếng nước ngoài',
        components: [
          {
            name: 'Bản dịch tiếng Việt nội dung giấy tờ, văn bản',
            originals: 1,
            required: false,
            note: 'Chỉ khi người thực hiện chứng thực không hiểu rõ nội dung và yêu cầu; bản dịch không cần công chứng hay chứng thực, người yêu cầu chịu trách nhiệm về nội dung.',
          },
        ],
      },
    ],
    forms: [],
    results: [{ name: 'Giấy tờ, văn bản được chứng thực chữ ký/điểm chỉ', code: 'KQ.G15.000022' }],
    conditions:
      'Không chứng thực chữ ký khi: người yêu cầu không nhận thức, làm chủ được hành vi; giấy tờ tùy thân hết giá trị hoặc giả mạo; văn bản có nội dung trái pháp luật, đạo đức xã hội; văn bản có nội dung là giao dịch, trừ giấy ủy quyền nộp hộ, nhận hộ hồ sơ; nhận hộ lương hưu, bưu phẩm, trợ cấp, phụ cấp; trông nom nhà cửa; thành viên hộ gia đình vay vốn Ngân hàng Chính sách xã hội. Người không thông thạo tiếng Việt phải có người phiên dịch.',
    legalBasis: [
      LAW.nd23_2015,
      LAW.nd280_2025,
      LAW.nd18_2026,
      LAW.nq66_7_2025,
      LAW.tt01_2020_btp,
      LAW.tt226_2016_btc,
      LAW.tt257_2016_btc,
      LAW.tt264_2016_btc,
    ],
    onlineLevel: null,
    summary:
      'Dùng khi bạn cần xác nhận chữ ký (hoặc dấu vân tay) của mình trên đơn từ, giấy ủy quyền đơn giản và các giấy tờ khác. Bạn ký hoặc điểm chỉ trước mặt cán bộ; phí 10.000 đồng cho mỗi giấy tờ.',
    exemptions: [],
    keywords: [
      'chứng thực chữ ký',
      'xác nhận chữ ký',
      'công chứng chữ ký',
      'chứng thực điểm chỉ',
      'chứng thực chữ ký đơn xin việc',
      'chứng thực giấy ủy quyền',
      'ký xác nhận giấy tờ',
    ],
    decision: '858/QĐ-BTP',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-8e2e-7359-b42f-d5dc8d74741b',
  },
  {
    code: '2.000908',
    name: 'Thủ tục cấp bản sao từ sổ gốc',
    field: CT_FIELD,
    levels: ['Cấp bộ', 'Cấp tỉnh', 'Cấp xã', 'Cơ quan khác'],
    type: CT_TYPE,
    applicants: 'Công dân Việt Nam; Tổ chức (không bao gồm doanh nghiệp, HTX)',
    agency: 'Cơ quan, tổ chức đang quản lý sổ gốc',
    submitAt: '',
    steps: [
      'Xác định cơ quan, tổ chức đang lưu giữ sổ gốc (nơi đã cấp bản chính giấy tờ).',
      'Nộp yêu cầu trực tiếp (xuất trình giấy tờ), qua bưu chính (gửi kèm phong bì dán tem ghi rõ họ tên, địa chỉ người nhận) hoặc trực tuyến (gửi bản điện tử giấy tờ).',
      'Cơ quan căn cứ sổ gốc để cấp bản sao đúng nội dung; nếu sổ gốc không còn hoặc không có thông tin thì trả lời bằng văn bản.',
      'Nhận bản sao trực tiếp, qua bưu chính hoặc trực tuyến theo cách đã đăng ký.',
    ],
    channels: [
      {
        kind: 'in_person',
        time: { value: 1, unit: 'working_days' },
        timeText: '1 ngày làm việc',
        fees: [{ label: 'Cấp bản sao từ sổ gốc', amount: 0, basis: 'per_case', note: 'Miễn phí' }],
        description: 'Nộp trực tiếp tại cơ quan, tổ chức đang quản lý sổ gốc.',
      },
      {
        kind: 'online',
        time: { value: 1, unit: 'working_days' },
        timeText: '1 ngày làm việc',
        fees: [{ label: 'Cấp bản sao từ sổ gốc', amount: 0, basis: 'per_case', note: 'Miễn phí' }],
        description: 'Nộp trực tuyến kèm bản điện tử hoặc bản sao điện tử của giấy tờ.',
      },
      {
        kind: 'post',
        time: { value: 1, unit: 'working_days' },
        timeText: '1 ngày làm việc',
        fees: [{ label: 'Cấp bản sao từ sổ gốc', amount: 0, basis: 'per_case', note: 'Miễn phí' }],
        description: 'Gửi hồ sơ qua bưu chính kèm 01 phong bì dán tem ghi rõ họ tên, địa chỉ người nhận.',
      },
    ],
    componentGroups: [
      {
        id: 'xuat-trinh',
        title: 'Giấy tờ xuất trình (khi nộp trực tiếp)',
        components: [
          ctIdentity(
            'Xuất trình, không nộp; gửi qua bưu chính hoặc trực tuyến thì gửi kèm bản sao hoặc bản điện tử. Không cần nếu cơ quan tra cứu được trên Cơ sở dữ liệu quốc gia về dân cư.',
          ),
          {
            name: 'Giấy tờ chứng minh quan hệ với người được cấp bản chính',
            originals: 1,
            required: false,
            note: 'Xuất trình, không nộp. Chỉ khi người yêu cầu là người đại diện, người được ủy quyền, cha, mẹ, con, vợ, chồng, anh, chị, em ruột hoặc người thừa kế của người được cấp bản chính; dùng bản chính hoặc bản sao có chứng thực; không cần nếu tra cứu được trên Cơ sở dữ liệu hộ tịch điện tử.',
          },
        ],
      },
      {
        id: 'buu-chinh',
        title: 'Nộp qua dịch vụ bưu chính',
        components: [
          {
            name: 'Phong bì dán tem, ghi rõ họ tên, địa chỉ người nhận',
            originals: 1,
            required: true,
          },
        ],
      },
    ],
    forms: [],
    results: [{ name: 'Bản sao được cấp từ sổ gốc', code: 'KQ.G15.000020' }],
    conditions:
      'Chỉ người được cấp bản chính hoặc người đại diện, người được ủy quyền, cha, mẹ, con, vợ, chồng, anh, chị, em ruột, người thừa kế khác (khi người được cấp bản chính đã chết) được yêu cầu cấp bản sao. Nội dung bản sao phải đúng với sổ gốc.',
    legalBasis: [LAW.nd23_2015, LAW.nd280_2025, LAW.nd18_2026, LAW.nq66_7_2025, LAW.tt01_2020_btp],
    onlineLevel: 'full',
    summary:
      'Dùng khi bạn cần bản sao của một giấy tờ do chính cơ quan đã cấp bản chính trích từ sổ gốc đang lưu giữ. Miễn phí, giải quyết trong 1 ngày làm việc; có thể nộp trực tiếp, qua bưu chính hoặc trực tuyến.',
    exemptions: [],
    keywords: [
      'bản sao từ sổ gốc',
      'cấp bản sao từ sổ gốc',
      'xin bản sao sổ gốc',
      'sổ gốc',
      'mất bản chính xin bản sao',
      'bản sao bằng tốt nghiệp',
    ],
    decision: '858/QĐ-BTP',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-8e5d-72f9-8cf2-c71780251483',
  },
  {
    code: '2.001035',
    name: 'Chứng thực giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất, nhà ở',
    field: CT_FIELD,
    levels: ['Cấp xã'],
    type: CT_TYPE,
    applicants: 'Công dân Việt Nam; Tổ chức (không bao gồm doanh nghiệp, HTX); Doanh nghiệp',
    agency: 'Ủy ban nhân dân cấp xã',
    submitAt: 'Trung tâm Phục vụ hành chính công cấp xã',
    steps: [
      'Chuẩn bị dự thảo hợp đồng, giao dịch và giấy tờ về quyền sở hữu, quyền sử dụng tài sản; mang theo giấy tờ tùy thân.',
      'Nộp hồ sơ tại Trung tâm Phục vụ hành chính công cấp xã, trực tuyến hoặc qua bưu chính.',
      'Người thực hiện chứng thực (hoặc người tiếp nhận hồ sơ) kiểm tra hồ sơ và việc các bên tự nguyện, minh mẫn.',
      'Các bên ký trước mặt người thực hiện chứng thực hoặc người tiếp nhận hồ sơ; giao dịch nhiều trang thì ký từng trang.',
      'Người thực hiện chứng thực ghi lời chứng, ký, đóng dấu và vào sổ chứng thực; nộp phí và nhận giao dịch đã chứng thực.',
    ],
    channels: ctChannels(
      ['in_person', 'online', 'post'],
      ctFlatFee('Phí chứng thực hợp đồng, giao dịch', 50000, 'Mỗi giao dịch'),
      CT_DESC,
    ),
    componentGroups: [
      {
        id: 'nop',
        title: 'Giấy tờ phải nộp',
        components: [
          { name: 'Dự thảo hợp đồng, giao dịch', originals: 1, required: true },
          ctAssetPaper(CT_ASSET_NOTE),
        ],
      },
      {
        id: 'xuat-trinh',
        title: 'Giấy tờ xuất trình',
        components: [ctIdentity()],
      },
    ],
    forms: [],
    results: [{ name: 'Giao dịch được chứng thực', code: 'KQ.G15.000023' }],
    conditions: `Các bên tham gia giao dịch phải tự nguyện, minh mẫn, nhận thức và làm chủ được hành vi, ký trước mặt người thực hiện chứng thực hoặc người tiếp nhận hồ sơ. Người có thẩm quyền giao kết của tổ chức tín dụng, doanh nghiệp đã đăng ký chữ ký mẫu có thể ký trước. ${CT_SIGNING_RULES}`,
    legalBasis: [LAW.nd23_2015, LAW.nd280_2025, LAW.nd18_2026, LAW.nq66_7_2025, LAW.tt01_2020_btp, LAW.tt226_2016_btc],
    onlineLevel: 'partial',
    summary:
      'Dùng để chứng thực hợp đồng, giao dịch về nhà, đất hoặc động sản như mua bán, chuyển nhượng, tặng cho, thế chấp. Các bên mang dự thảo hợp đồng và giấy tờ tài sản đến ký trước mặt cán bộ; phí 50.000 đồng mỗi giao dịch.',
    exemptions: [
      'Cá nhân, hộ gia đình vay vốn tại tổ chức tín dụng để phát triển nông nghiệp, nông thôn (theo Nghị định 55/2015/NĐ-CP) không phải nộp phí chứng thực hợp đồng thế chấp tài sản.',
    ],
    keywords: [
      'chứng thực hợp đồng',
      'hợp đồng mua bán nhà đất',
      'chuyển nhượng quyền sử dụng đất',
      'tặng cho đất',
      'thế chấp sổ đỏ',
      'hợp đồng mua bán xe',
      'công chứng hợp đồng',
      'sang tên đất',
    ],
    decision: '858/QĐ-BTP',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-95fa-70ca-93fd-4cab11b87897',
  },
  {
    code: '2.001019',
    name: 'Chứng thực di chúc',
    field: CT_FIELD,
    levels: ['Cấp xã'],
    type: CT_TYPE,
    applicants: 'Công dân Việt Nam; Tổ chức (không bao gồm doanh nghiệp, HTX); Doanh nghiệp',
    agency: 'Ủy ban nhân dân cấp xã',
    submitAt: 'Trung tâm Phục vụ hành chính công cấp xã',
    steps: [
      'Chuẩn bị dự thảo di chúc và giấy tờ về tài sản (nếu có); mang theo giấy tờ tùy thân.',
      'Nộp hồ sơ tại Trung tâm Phục vụ hành chính công cấp xã, trực tuyến hoặc qua bưu chính.',
      'Người thực hiện chứng thực (hoặc người tiếp nhận hồ sơ) kiểm tra hồ sơ và việc người lập di chúc tự nguyện, minh mẫn.',
      'Người lập di chúc ký trước mặt người thực hiện chứng thực hoặc người tiếp nhận hồ sơ; di chúc nhiều trang thì ký từng trang.',
      'Người thực hiện chứng thực ghi lời chứng, ký, đóng dấu và vào sổ chứng thực; nộp phí và nhận di chúc đã chứng thực.',
    ],
    channels: ctChannels(
      ['in_person', 'online', 'post'],
      ctFlatFee('Phí chứng thực di chúc', 50000, 'Mỗi di chúc'),
      CT_DESC,
    ),
    componentGroups: [
      {
        id: 'nop',
        title: 'Giấy tờ phải nộp',
        components: [
          { name: 'Dự thảo di chúc', originals: 1, required: true },
          ctAssetPaper(
            `${CT_ASSET_NOTE} Không bắt buộc khi người lập di chúc đang bị cái chết đe dọa đến tính mạng.`,
            false,
          ),
        ],
      },
      {
        id: 'xuat-trinh',
        title: 'Giấy tờ xuất trình',
        components: [ctIdentity()],
      },
    ],
    forms: [],
    results: [{ name: 'Di chúc được chứng thực', code: 'KQ.G15.000029' }],
    conditions: `Người lập di chúc phải tự nguyện, minh mẫn, nhận thức và làm chủ được hành vi, ký trước mặt người thực hiện chứng thực hoặc người tiếp nhận hồ sơ. ${CT_SIGNING_RULES}`,
    legalBasis: [LAW.nd23_2015, LAW.nd280_2025, LAW.nd18_2026, LAW.nq66_7_2025, LAW.tt01_2020_btp, LAW.tt226_2016_btc],
    onlineLevel: 'partial',
    summary:
      'Dùng khi bạn muốn di chúc của mình được Ủy ban nhân dân cấp xã chứng thực. Người lập di chúc mang dự thảo di chúc đến ký trước mặt cán bộ; phí 50.000 đồng mỗi di chúc.',
    exemptions: [],
    keywords: [
      'chứng thực di chúc',
      'lập di chúc',
      'làm di chúc',
      'viết di chúc',
      'di chúc có chứng thực',
      'để lại tài sản cho con',
    ],
    decision: '858/QĐ-BTP',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-95f0-7610-845f-c097f144bd55',
  },
  {
    code: '2.001406',
    name: 'Chứng thực văn bản phân chia di sản mà di sản là động sản, quyền sử dụng đất, nhà ở',
    field: CT_FIELD,
    levels: ['Cấp xã'],
    type: CT_TYPE,
    applicants: 'Công dân Việt Nam; Tổ chức (không bao gồm doanh nghiệp, HTX)',
    agency: 'Ủy ban nhân dân cấp xã',
    submitAt: 'Trung tâm Phục vụ hành chính công cấp xã',
    steps: [
      'Những người thừa kế thống nhất và chuẩn bị dự thảo văn bản phân chia di sản cùng giấy tờ về tài sản; mang theo giấy tờ tùy thân.',
      'Nộp hồ sơ tại Trung tâm Phục vụ hành chính công cấp xã, trực tuyến hoặc qua bưu chính.',
      'Người thực hiện chứng thực (hoặc người tiếp nhận hồ sơ) kiểm tra hồ sơ và việc các bên tự nguyện, minh mẫn.',
      'Các bên ký trước mặt người thực hiện chứng thực hoặc người tiếp nhận hồ sơ; văn bản nhiều trang thì ký từng trang.',
      'Người thực hiện chứng thực ghi lời chứng, ký, đóng dấu và vào sổ chứng thực; nộp phí và nhận văn bản đã chứng thực.',
    ],
    channels: ctChannels(
      ['in_person', 'online', 'post'],
      ctFlatFee('Phí chứng thực văn bản phân chia di sản', 50000, 'Mỗi văn bản'),
      CT_DESC,
    ),
    componentGroups: [
      {
        id: 'nop',
        title: 'Giấy tờ phải nộp',
        components: [
          { name: 'Dự thảo văn bản phân chia di sản', originals: 1, required: true },
          ctAssetPaper(CT_ASSET_NOTE + CT_LAND_DB_NOTE),
        ],
      },
      {
        id: 'xuat-trinh',
        title: 'Giấy tờ xuất trình',
        components: [ctIdentity()],
      },
    ],
    forms: [],
    results: [{ name: 'Văn bản phân chia di sản được chứng thực', code: 'KQ.G15.000027' }],
    conditions: `Các bên tham gia phân chia di sản phải tự nguyện, minh mẫn, nhận thức và làm chủ được hành vi, ký trước mặt người thực hiện chứng thực hoặc người tiếp nhận hồ sơ. ${CT_SIGNING_RULES}`,
    legalBasis: [LAW.nd23_2015, LAW.nd280_2025, LAW.nd18_2026, LAW.nq66_7_2025, LAW.tt01_2020_btp, LAW.tt226_2016_btc],
    onlineLevel: 'partial',
    summary:
      'Dùng khi những người thừa kế đã thỏa thuận chia di sản là nhà, đất hoặc động sản và cần chứng thực văn bản phân chia. Các bên mang dự thảo văn bản và giấy tờ tài sản đến ký trước mặt cán bộ; phí 50.000 đồng mỗi văn bản.',
    exemptions: [],
    keywords: [
      'phân chia di sản',
      'chia thừa kế',
      'thỏa thuận phân chia di sản',
      'chia đất thừa kế',
      'chia nhà thừa kế',
      'khai nhận thừa kế',
    ],
    decision: '858/QĐ-BTP',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-9daf-70da-8f48-223498332346',
  },
  {
    code: '2.001016',
    name: 'Chứng thực văn bản từ chối nhận di sản',
    field: CT_FIELD,
    levels: ['Cấp xã'],
    type: CT_TYPE,
    applicants: 'Công dân Việt Nam; Tổ chức (không bao gồm doanh nghiệp, HTX)',
    agency: 'Ủy ban nhân dân cấp xã',
    submitAt: 'Trung tâm Phục vụ hành chính công cấp xã',
    steps: [
      'Chuẩn bị dự thảo văn bản từ chối nhận di sản và giấy tờ về tài sản; mang theo giấy tờ tùy thân.',
      'Nộp hồ sơ tại Trung tâm Phục vụ hành chính công cấp xã, trực tuyến hoặc qua bưu chính.',
      'Người thực hiện chứng thực (hoặc người tiếp nhận hồ sơ) kiểm tra hồ sơ và việc người từ chối nhận di sản tự nguyện, minh mẫn.',
      'Người từ chối nhận di sản ký trước mặt người thực hiện chứng thực hoặc người tiếp nhận hồ sơ; văn bản nhiều trang thì ký từng trang.',
      'Người thực hiện chứng thực ghi lời chứng, ký, đóng dấu và vào sổ chứng thực; nộp phí và nhận văn bản đã chứng thực.',
    ],
    channels: ctChannels(
      ['in_person', 'online', 'post'],
      ctFlatFee('Phí chứng thực văn bản từ chối nhận di sản', 50000, 'Mỗi văn bản'),
      CT_DESC,
    ),
    componentGroups: [
      {
        id: 'nop',
        title: 'Giấy tờ phải nộp',
        components: [
          { name: 'Dự thảo văn bản từ chối nhận di sản', originals: 1, required: true },
          ctAssetPaper(CT_ASSET_NOTE + CT_LAND_DB_NOTE),
        ],
      },
      {
        id: 'xuat-trinh',
        title: 'Giấy tờ xuất trình',
        components: [ctIdentity()],
      },
    ],
    forms: [],
    results: [{ name: 'Văn bản từ chối nhận di sản được chứng thực', code: 'KQ.G15.000030' }],
    conditions: `Người từ chối nhận di sản phải tự nguyện, minh mẫn, nhận thức và làm chủ được hành vi, ký trước mặt người thực hiện chứng thực hoặc người tiếp nhận hồ sơ. ${CT_SIGNING_RULES}`,
    legalBasis: [LAW.nd23_2015, LAW.nd280_2025, LAW.nd18_2026, LAW.nq66_7_2025, LAW.tt226_2016_btc],
    onlineLevel: 'partial',
    summary:
      'Dùng khi bạn không muốn nhận phần di sản thừa kế của mình và cần chứng thực văn bản từ chối. Mang dự thảo văn bản và giấy tờ tài sản đến ký trước mặt cán bộ; phí 50.000 đồng mỗi văn bản.',
    exemptions: [],
    keywords: [
      'từ chối nhận di sản',
      'từ chối thừa kế',
      'không nhận thừa kế',
      'nhường phần thừa kế',
      'văn bản từ chối nhận di sản',
    ],
    decision: '858/QĐ-BTP',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-95e6-7578-ba2d-d1b4373cd174',
  },
  {
    code: '2.000913',
    name: 'Chứng thực việc sửa đổi, bổ sung, hủy bỏ giao dịch',
    field: CT_FIELD,
    levels: ['Cấp xã'],
    type: CT_TYPE,
    applicants: 'Công dân Việt Nam; Tổ chức (không bao gồm doanh nghiệp, HTX)',
    agency: 'Ủy ban nhân dân cấp xã đã chứng thực giao dịch',
    submitAt: '',
    steps: [
      'Các bên thỏa thuận bằng văn bản về việc sửa đổi, bổ sung hoặc hủy bỏ giao dịch đã được chứng thực.',
      'Nộp hồ sơ tại cơ quan đã chứng thực giao dịch (di chúc thì tại bất kỳ cơ quan có thẩm quyền chứng thực nào).',
      'Người thực hiện chứng thực (hoặc người tiếp nhận hồ sơ) kiểm tra hồ sơ và việc các bên tự nguyện, minh mẫn.',
      'Các bên ký trước mặt người thực hiện chứng thực hoặc người tiếp nhận hồ sơ; người thực hiện chứng thực ghi lời chứng, ký, đóng dấu và vào sổ.',
      'Nộp phí và nhận kết quả tại nơi nộp hồ sơ.',
    ],
    channels: ctChannels(
      ['in_person', 'online', 'post'],
      ctFlatFee('Phí chứng thực việc sửa đổi, bổ sung, hủy bỏ giao dịch', 30000, 'Mỗi giao dịch'),
      CT_DESC,
    ),
    componentGroups: [
      {
        id: 'nop',
        title: 'Giấy tờ phải nộp',
        components: [
          { name: 'Dự thảo văn bản sửa đổi, bổ sung hoặc hủy bỏ giao dịch', originals: 1, required: true },
          { name: 'Giao dịch đã được chứng thực', originals: 1, required: true },
          {
            name: 'Bản sao giấy tờ chứng minh quyền sở hữu, quyền sử dụng tài sản hoặc giấy tờ thay thế',
            copies: 1,
            required: false,
            note: 'Khi nội dung sửa đổi, bổ sung, hủy bỏ liên quan đến tài sản phải đăng ký quyền sở hữu, quyền sử dụng; xuất trình bản chính để đối chiếu (trừ trường hợp người lập di chúc đang bị cái chết đe dọa đến tính mạng).',
          },
        ],
      },
      {
        id: 'xuat-trinh',
        title: 'Giấy tờ xuất trình',
        components: [ctIdentity()],
      },
    ],
    forms: [],
    results: [{ name: 'Giao dịch được chứng thực', code: 'KQ.G15.000023' }],
    conditions: `Chỉ sửa đổi, bổ sung, hủy bỏ giao dịch đã chứng thực khi có thỏa thuận bằng văn bản của các bên, và làm tại cơ quan đã chứng thực giao dịch; riêng di chúc có thể làm tại bất kỳ cơ quan có thẩm quyền chứng thực nào. ${CT_SIGNING_RULES}`,
    legalBasis: [LAW.nd23_2015, LAW.nd280_2025, LAW.nd18_2026, LAW.nq66_7_2025, LAW.tt01_2020_btp, LAW.tt226_2016_btc],
    onlineLevel: 'partial',
    summary:
      'Dùng khi các bên muốn sửa đổi, bổ sung hoặc hủy bỏ một hợp đồng, giao dịch đã được chứng thực. Làm tại nơi đã chứng thực giao dịch đó; phí 30.000 đồng mỗi giao dịch.',
    exemptions: [],
    keywords: [
      'sửa đổi hợp đồng',
      'bổ sung hợp đồng',
      'hủy hợp đồng đã chứng thực',
      'hủy bỏ giao dịch',
      'sửa di chúc',
      'phụ lục hợp đồng',
    ],
    decision: '858/QĐ-BTP',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-8e59-72ab-ae1a-a2985865d253',
  },
  {
    code: '2.000992',
    name: 'Chứng thực chữ ký người dịch mà người dịch là cộng tác viên dịch thuật của Ủy ban nhân dân cấp xã, tổ chức hành nghề công chứng',
    field: CT_FIELD,
    levels: ['Cấp xã', 'Cơ quan khác'],
    type: CT_TYPE,
    applicants: 'Công dân Việt Nam',
    agency: 'Ủy ban nhân dân cấp xã; tổ chức hành nghề công chứng',
    submitAt: '',
    steps: [
      'Mang bản dịch (do cộng tác viên dịch thuật của Ủy ban nhân dân cấp xã hoặc tổ chức hành nghề công chứng thực hiện) và giấy tờ gốc cần dịch đến nơi chứng thực.',
      'Người thực hiện chứng thực kiểm tra giấy tờ và đối chiếu chữ ký người dịch với chữ ký mẫu; nếu nghi ngờ thì yêu cầu người dịch ký trước mặt.',
      'Người thực hiện chứng thực ghi lời chứng, ký từng trang bản dịch, đóng dấu (giáp lai nếu nhiều tờ) và vào sổ chứng thực.',
      'Nộp phí và nhận bản dịch đã chứng thực chữ ký người dịch.',
    ],
    channels: [
      {
        kind: 'in_person',
        ...CT_SAME_DAY,
        fees: [ctFlatFee('Phí chứng thực chữ ký người dịch', 10000, 'Mỗi trường hợp')],
        description: 'Nộp trực tiếp tại Ủy ban nhân dân cấp xã hoặc tổ chức hành nghề công chứng.',
      },
    ],
    componentGroups: [
      {
        id: 'xuat-trinh',
        title: 'Giấy tờ xuất trình',
        components: [
          {
            name: 'Bản dịch có chữ ký của người dịch',
            originals: 1,
            required: true,
            note: 'Xuất trình, không nộp; bản dịch nhiều trang phải đánh số thứ tự từng trang.',
          },
          { name: 'Giấy tờ, văn bản cần dịch', originals: 1, required: true, note: 'Xuất trình, không nộp' },
        ],
      },
    ],
    forms: [],
    results: [{ name: 'Giấy tờ, văn bản được chứng thực chữ ký người dịch', code: 'KQ.G15.000026' }],
    conditions:
      'Không dịch để chứng thực đối với giấy tờ: bị tẩy xóa, sửa chữa, thêm bớt nội dung không hợp lệ; hư hỏng, cũ nát không xác định được nội dung; có dấu mật hoặc ghi không được dịch; có nội dung trái pháp luật, đạo đức xã hội; do nước ngoài cấp mà chưa hợp pháp hóa lãnh sự (trừ hộ chiếu, thẻ căn cước, thẻ cư trú, giấy phép lái xe, bằng tốt nghiệp, chứng chỉ và bảng điểm kèm theo).',
    legalBasis: [LAW.nd23_2015, LAW.nd280_2025, LAW.tt01_2020_btp, LAW.tt226_2016_btc],
    onlineLevel: null,
    summary:
      'Dùng khi bạn cần bản dịch giấy tờ có chứng thực: cộng tác viên dịch thuật của Ủy ban nhân dân cấp xã (hoặc tổ chức hành nghề công chứng) dịch và ký, sau đó chữ ký người dịch được chứng thực. Phí 10.000 đồng mỗi trường hợp.',
    exemptions: [],
    keywords: [
      'chứng thực bản dịch',
      'dịch thuật công chứng',
      'chứng thực chữ ký người dịch',
      'cộng tác viên dịch thuật',
      'dịch giấy tờ sang tiếng Anh',
      'bản dịch có chứng thực',
    ],
    decision: '3152/QĐ-BTP',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-95d3-7258-b613-a71dbf432f07',
  },

  // ------------------------------------------------------------------- Đăng ký, quản lý cư trú
  {
    code: '1.004222',
    name: 'Đăng ký thường trú',
    field: CU_TRU_FIELD,
    levels: ['Cấp xã'],
    type: CU_TRU_TYPE,
    applicants: 'Công dân Việt Nam; Người Việt Nam định cư ở nước ngoài',
    agency: CU_TRU_AGENCY,
    submitAt: 'Công an cấp xã',
    steps: cuTruSteps(
      'Chuẩn bị Tờ khai thay đổi thông tin cư trú (Mẫu CT01) và giấy tờ theo trường hợp của mình (nhà của mình, nhà người thân, nhà thuê, mượn, ở nhờ...).',
      'Nộp hồ sơ tại Công an cấp xã hoặc nộp trực tuyến.',
      ['Nộp lệ phí đăng ký thường trú.'],
    ),
    channels: [
      {
        kind: 'in_person',
        time: { value: 7, unit: 'working_days' },
        timeText: '7 ngày làm việc',
        fees: [{ label: 'Lệ phí đăng ký thường trú', amount: 20000, basis: 'per_case', note: 'Mỗi lần đăng ký' }],
        feeText:
          'Người thuộc diện miễn lệ phí (Điều 4 Thông tư 75/2022/TT-BTC, sửa đổi bởi Thông tư 71/2025/TT-BTC) xuất trình giấy tờ chứng minh, trừ khi thông tin đã có trong Cơ sở dữ liệu quốc gia về dân cư hoặc cơ sở dữ liệu khác.',
        description: 'Nộp trực tiếp tại Công an cấp xã.',
      },
      {
        kind: 'online',
        time: { value: 7, unit: 'working_days' },
        timeText: '7 ngày làm việc',
        fees: [
          {
            label: 'Lệ phí đăng ký thường trú (nộp trực tuyến)',
            amount: 10000,
            basis: 'per_case',
            note: 'Mỗi lần đăng ký',
          },
        ],
        description: 'Nộp qua cổng dịch vụ công trực tuyến (Cổng Dịch vụ công quốc gia, Cổng dịch vụ công Bộ Công an, VNeID).',
      },
    ],
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp (mọi trường hợp)',
        components: [
          ct01Component(),
          {
            name: 'Tờ khai thay đổi thông tin cư trú dùng cho công dân Việt Nam định cư ở nước ngoài (Mẫu CT02)',
            form: 'ct02',
            originals: 1,
            required: false,
            note: 'Dùng thay Mẫu CT01 nếu là người Việt Nam định cư ở nước ngoài không có hộ chiếu Việt Nam còn giá trị sử dụng.',
          },
        ],
      },
      {
        id: 'nha-cua-minh',
        title: 'Ở nhà thuộc quyền sở hữu của mình: giấy tờ xuất trình',
        components: [
          {
            name: 'Giấy tờ chứng minh chỗ ở hợp pháp (ví dụ giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở)',
            originals: 1,
            required: false,
            note: 'Xuất trình, không nộp; chỉ khi cơ quan không tra cứu được trên VNeID hoặc các cơ sở dữ liệu (giấy tờ theo khoản 2 Điều 5 Nghị định 154/2024/NĐ-CP).',
          },
        ],
      },
      {
        id: 'nha-nguoi-than',
        title: 'Về ở nhà người thân (vợ, chồng, cha, mẹ, con...) theo khoản 2 Điều 20 Luật Cư trú: giấy tờ xuất trình',
        components: [
          {
            name: 'Giấy tờ chứng minh quan hệ nhân thân với chủ hộ, thành viên hộ gia đình (ví dụ giấy khai sinh, giấy chứng nhận kết hôn)',
            originals: 1,
            required: false,
            note: 'Xuất trình, không nộp; chỉ khi cơ quan không tra cứu được trên VNeID, Cơ sở dữ liệu quốc gia về dân cư hoặc Cơ sở dữ liệu hộ tịch điện tử. Tờ khai CT01 cần có ý kiến đồng ý của chủ hộ, chủ sở hữu chỗ ở.',
          },
        ],
      },
      {
        id: 'thue-muon',
        title: 'Ở nhà thuê, mượn, ở nhờ',
        components: [
          {
            name: 'Hợp đồng hoặc văn bản cho thuê, cho mượn, cho ở nhờ đã được công chứng hoặc chứng thực',
            originals: 1,
            required: true,
          },
        ],
      },
      {
        id: 'thue-muon-xuat-trinh',
        title: 'Ở nhà thuê, mượn, ở nhờ: giấy tờ xuất trình',
        components: [
          {
            name: 'Giấy tờ thể hiện diện tích nhà ở, hoặc xác nhận của Ủy ban nhân dân cấp xã về diện tích bình quân (Mẫu số 02)',
            form: 'mau-02-nd154',
            originals: 1,
            required: false,
            note: 'Xuất trình, không nộp; chỉ khi cơ quan không tra cứu được thông tin về diện tích nhà ở trên các cơ sở dữ liệu.',
          },
        ],
      },
      {
        id: 'tro-giup-xa-hoi',
        title: 'Người được chăm sóc, nuôi dưỡng, trợ giúp (tại cơ sở trợ giúp xã hội hoặc hộ gia đình nhận chăm sóc)',
        components: [
          { name: 'Giấy tờ, tài liệu xác nhận việc chăm sóc, nuôi dưỡng, trợ giúp', originals: 1, required: true },
          {
            name: 'Văn bản đề nghị của người đứng đầu cơ sở trợ giúp xã hội',
            originals: 1,
            required: false,
            note: 'Khi đăng ký thường trú tại cơ sở trợ giúp xã hội.',
          },
        ],
      },
      {
        id: 'co-so-ton-giao',
        title: 'Ở tại cơ sở tín ngưỡng, cơ sở tôn giáo có công trình phụ trợ là nhà ở',
        components: [
          {
            name: 'Văn bản xác nhận của Ủy ban nhân dân cấp xã về việc cơ sở có công trình phụ trợ là nhà ở',
            originals: 1,
            required: false,
            note: 'Trường hợp điểm a, b, c khoản 4 Điều 20 Luật Cư trú.',
          },
          {
            name: 'Giấy tờ chứng minh là nhà tu hành, chức sắc, chức việc, người hoạt động tôn giáo tại cơ sở tôn giáo đó, hoặc là người đại diện cơ sở tín ngưỡng',
            originals: 1,
            required: false,
            note: 'Trường hợp điểm a, b khoản 4 Điều 20 Luật Cư trú.',
          },
          {
            name: 'Văn bản xác nhận của Ủy ban nhân dân cấp xã về việc người đăng ký thuộc đối tượng khoản 2 Điều 17 Luật Cư trú và cơ sở có công trình phụ trợ là nhà ở',
            originals: 1,
            required: false,
            note: 'Trường hợp điểm d khoản 4 Điều 20 Luật Cư trú.',
          },
        ],
      },
      {
        id: 'phuong-tien',
        title: 'Sống trên phương tiện dùng để ở (tàu, thuyền, phương tiện khác)',
        components: [
          {
            name: 'Giấy chứng nhận đăng ký phương tiện và giấy chứng nhận an toàn kỹ thuật, bảo vệ môi trường; hoặc xác nhận của Ủy ban nhân dân cấp xã về việc dùng phương tiện để ở (mục 2 Mẫu số 01)',
            form: 'mau-01-nd154',
            originals: 1,
            required: true,
            note: 'Xác nhận của Ủy ban nhân dân cấp xã dùng cho phương tiện không phải đăng ký, đăng kiểm.',
          },
          {
            name: 'Văn bản xác nhận của Ủy ban nhân dân cấp xã về nơi phương tiện thường xuyên đậu, đỗ (mục 1 Mẫu số 01)',
            form: 'mau-01-nd154',
            originals: 1,
            required: false,
            note: 'Khi phương tiện không phải đăng ký hoặc nơi đăng ký khác nơi thường xuyên đậu, đỗ.',
          },
        ],
      },
      {
        id: 'don-vi-dong-quan',
        title: 'Ở tại đơn vị đóng quân, nhà ở công vụ trong Quân đội nhân dân, Công an nhân dân',
        components: [ARMY_LETTER('đăng ký thường trú'), POLICE_LETTER('đăng ký thường trú')],
      },
    ],
    forms: [CT01, CT02, ND154_MAU01, ND154_MAU02],
    results: [KQ.danCu, KQ.cuTru, KQ.thongBao, KQ.tuChoi],
    conditions:
      'Người đăng ký đã có thông tin trong Cơ sở dữ liệu quốc gia về dân cư và Cơ sở dữ liệu về cư trú; chỗ ở đáp ứng điều kiện tại Điều 20 Luật Cư trú. Chỗ ở có nhiều chủ sở hữu thì chỉ cần ý kiến đồng ý của ít nhất một chủ sở hữu. Trẻ mới sinh đăng ký lần đầu không cần xuất trình giấy khai sinh; người chưa thành niên phải đăng ký cư trú trong 60 ngày kể từ ngày đăng ký khai sinh. Người Việt Nam định cư ở nước ngoài cần hộ chiếu Việt Nam còn giá trị, nếu không có thì cần giấy tờ chứng minh quốc tịch Việt Nam và văn bản đồng ý của cơ quan quản lý xuất nhập cảnh Bộ Công an. Người được nhập hoặc trở lại quốc tịch Việt Nam cần Quyết định của Chủ tịch nước (trừ khi đã có trong Cơ sở dữ liệu quốc tịch).',
    legalBasis: [
      LAW.luatCuTru,
      LAW.nd154_2024,
      LAW.nd58_2026,
      LAW.nq66_7_2025,
      LAW.tt55_2021,
      LAW.tt56_2021,
      LAW.tt57_2021,
      LAW.tt66_2023,
      LAW.tt53_2025,
      LAW.tt54_2025,
      LAW.tt75_2022_btc,
    ],
    onlineLevel: 'full',
    summary:
      'Dùng khi bạn muốn đăng ký thường trú (nhập hộ khẩu) tại chỗ ở mới: nhà của mình, nhà người thân, nhà thuê, mượn, ở nhờ... Nộp tại Công an cấp xã hoặc trực tuyến; giải quyết trong 7 ngày làm việc, lệ phí 20.000 đồng (trực tuyến 10.000 đồng).',
    exemptions: [
      'Miễn lệ phí cho người thuộc diện quy định tại Điều 4 Thông tư 75/2022/TT-BTC (sửa đổi bởi Thông tư 71/2025/TT-BTC); cần xuất trình giấy tờ chứng minh nếu thông tin chưa có trong cơ sở dữ liệu.',
    ],
    keywords: [
      'nhập hộ khẩu',
      'đăng ký thường trú',
      'nhập khẩu',
      'chuyển hộ khẩu',
      'nhập hộ khẩu nhà bố mẹ',
      'nhập khẩu cho con',
      'hộ khẩu thường trú',
      'chuyển khẩu về nhà mới',
    ],
    decision: '1523/QĐ-BCA-C06',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-7704-7449-9e95-fe7ebb959aa2',
  },
  {
    code: '1.004194',
    name: 'Đăng ký tạm trú',
    field: CU_TRU_FIELD,
    levels: ['Cấp xã'],
    type: CU_TRU_TYPE,
    applicants: 'Công dân Việt Nam; Tổ chức (không bao gồm doanh nghiệp, HTX); Doanh nghiệp; Hợp tác xã',
    agency: CU_TRU_AGENCY,
    submitAt: 'Công an cấp xã',
    steps: cuTruSteps(
      'Chuẩn bị Tờ khai thay đổi thông tin cư trú (Mẫu CT01); đăng ký cho nhiều người thì chuẩn bị thêm văn bản đề nghị kèm danh sách.',
      'Nộp hồ sơ tại Công an cấp xã hoặc nộp trực tuyến (Cổng Dịch vụ công, VNeID).',
      ['Nộp lệ phí đăng ký tạm trú.'],
    ),
    channels: [
      {
        kind: 'in_person',
        time: { value: 3, unit: 'working_days' },
        timeText: '3 ngày làm việc',
        fees: [
          {
            label: 'Lệ phí đăng ký tạm trú theo danh sách',
            amount: 10000,
            basis: 'per_case',
            note: 'Tính cho mỗi người, mỗi lần đăng ký.',
          },
        ],
        feeText:
          'Cổng Dịch vụ công quốc gia chỉ ghi mức thu khi nộp trực tiếp cho đăng ký theo danh sách; mức thu với cá nhân, hộ gia đình nộp trực tiếp hỏi Công an cấp xã.',
        description: CU_TRU_IN_PERSON,
      },
      {
        kind: 'online',
        time: { value: 3, unit: 'working_days' },
        timeText: '3 ngày làm việc',
        fees: [
          {
            label: 'Lệ phí đăng ký tạm trú (cá nhân, hộ gia đình), nộp trực tuyến',
            amount: 7000,
            basis: 'per_case',
            note: 'Mỗi lần đăng ký',
          },
        ],
        description: CU_TRU_ONLINE,
      },
    ],
    componentGroups: [
      {
        id: 'ca-nhan',
        title: 'Đăng ký tạm trú cá nhân, hộ gia đình',
        components: [
          ct01Component(
            'Người chưa thành niên thì tờ khai ghi rõ ý kiến đồng ý của cha, mẹ hoặc người giám hộ (trừ khi đã có văn bản đồng ý).',
          ),
        ],
      },
      {
        id: 'ca-nhan-xuat-trinh',
        title: 'Đăng ký tạm trú cá nhân, hộ gia đình: giấy tờ xuất trình',
        components: [
          {
            name: 'Giấy tờ chứng minh chỗ ở hợp pháp (ví dụ hợp đồng thuê nhà, giấy chứng nhận quyền sử dụng đất)',
            originals: 1,
            required: false,
            note: 'Xuất trình, không nộp; chỉ khi cơ quan không tra cứu được trên VNeID hoặc các cơ sở dữ liệu (giấy tờ theo khoản 3 Điều 5 Nghị định 154/2024/NĐ-CP). Văn bản cho thuê, cho mượn, cho ở nhờ không bắt buộc công chứng, chứng thực.',
          },
        ],
      },
      {
        id: 'theo-danh-sach',
        title: 'Đăng ký tạm trú theo danh sách',
        components: [
          ct01Component('Mỗi người một tờ khai.'),
          {
            name: 'Văn bản đề nghị đăng ký tạm trú, ghi rõ chỗ ở hợp pháp, kèm danh sách người tạm trú (họ tên, ngày sinh, giới tính, số định danh cá nhân, thời hạn tạm trú)',
            originals: 1,
            copies: 1,
            required: true,
          },
        ],
      },
      {
        id: 'don-vi-dong-quan',
        title: 'Tạm trú tại đơn vị đóng quân, nhà ở công vụ trong Quân đội nhân dân, Công an nhân dân',
        components: [ct01Component(), ARMY_LETTER('đăng ký tạm trú'), POLICE_LETTER('đăng ký tạm trú')],
      },
    ],
    forms: [CT01],
    results: [KQ.danCu, KQ.cuTru, KQ.thongBao, KQ.tuChoi],
    conditions:
      'Về ở với hộ gia đình người thân thuộc khoản 2 Điều 20 Luật Cư trú thì chỉ cần chủ hộ, chủ sở hữu chỗ ở đồng ý, không phải xuất trình giấy tờ chứng minh chỗ ở. Người chưa thành niên phải đăng ký cư trú trong 60 ngày kể từ ngày đăng ký khai sinh. Người mới nhập hoặc trở lại quốc tịch Việt Nam đăng ký lần đầu cần Quyết định của Chủ tịch nước (trừ khi đã có trong Cơ sở dữ liệu quốc tịch).',
    legalBasis: [
      LAW.luatCuTru,
      LAW.nd154_2024,
      LAW.nq66_7_2025,
      LAW.tt55_2021,
      LAW.tt56_2021,
      LAW.tt57_2021,
      LAW.tt66_2023,
      LAW.tt53_2025,
      LAW.tt54_2025,
      LAW.tt75_2022_btc,
      LAW.tt85_2019_btc,
    ],
    onlineLevel: 'full',
    summary:
      'Dùng khi bạn đến sống ở nơi khác ngoài nơi thường trú (thuê trọ, ở nhờ, đi học, đi làm) và cần đăng ký tạm trú với Công an cấp xã. Giải quyết trong 3 ngày làm việc; nộp trực tuyến lệ phí 7.000 đồng mỗi lần.',
    exemptions: [],
    keywords: [
      'tạm trú',
      'đăng ký tạm trú',
      'đăng ký tạm trú online',
      'khai báo tạm trú',
      'tạm trú khi thuê trọ',
      'KT3',
      'tạm trú cho sinh viên',
      'đăng ký tạm trú cho công nhân',
    ],
    decision: '9354/QĐ-BCA-C06',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-770b-734d-b7fb-5e1995f194f4',
  },
  {
    code: '1.002755',
    name: 'Gia hạn tạm trú',
    field: CU_TRU_FIELD,
    levels: ['Cấp xã'],
    type: CU_TRU_TYPE,
    applicants: 'Công dân Việt Nam; Tổ chức (không bao gồm doanh nghiệp, HTX)',
    agency: CU_TRU_AGENCY,
    submitAt: 'Công an cấp xã',
    steps: cuTruSteps(
      'Trong 15 ngày trước khi hết thời hạn tạm trú, chuẩn bị Tờ khai thay đổi thông tin cư trú (Mẫu CT01) có ý kiến đồng ý của chủ sở hữu chỗ ở.',
      'Nộp hồ sơ tại Công an cấp xã hoặc nộp trực tuyến (Cổng Dịch vụ công, VNeID).',
      ['Nộp lệ phí gia hạn tạm trú.'],
    ),
    channels: [
      {
        kind: 'in_person',
        time: { value: 3, unit: 'working_days' },
        timeText: '3 ngày làm việc',
        fees: [
          {
            label: 'Lệ phí gia hạn tạm trú theo danh sách',
            amount: 10000,
            basis: 'per_case',
            note: 'Tính cho mỗi người, mỗi lần đăng ký.',
          },
        ],
        feeText:
          'Cổng Dịch vụ công quốc gia chỉ ghi mức thu khi nộp trực tiếp cho gia hạn theo danh sách; mức thu với cá nhân, hộ gia đình nộp trực tiếp hỏi Công an cấp xã.',
        description: CU_TRU_IN_PERSON,
      },
      {
        kind: 'online',
        time: { value: 3, unit: 'working_days' },
        timeText: '3 ngày làm việc',
        fees: [
          {
            label: 'Lệ phí gia hạn tạm trú (cá nhân, hộ gia đình), nộp trực tuyến',
            amount: 7000,
            basis: 'per_case',
            note: 'Mỗi lần đăng ký',
          },
        ],
        feeText:
          'Bảng phí trên Cổng Dịch vụ công quốc gia ghi 5.000 đồng, phần ghi chú ghi 7.000 đồng/lần cho cá nhân, hộ gia đình; đề nghị xác nhận mức thu với Công an cấp xã.',
        description: CU_TRU_ONLINE,
      },
    ],
    componentGroups: [
      {
        id: 'ca-nhan',
        title: 'Gia hạn tạm trú cá nhân, hộ gia đình',
        components: [
          ct01Component(
            'Ghi rõ ý kiến đồng ý của chủ sở hữu chỗ ở hợp pháp; người chưa thành niên cần thêm ý kiến đồng ý của cha, mẹ hoặc người giám hộ (trừ khi đã có văn bản đồng ý).',
          ),
        ],
      },
      {
        id: 'theo-danh-sach',
        title: 'Gia hạn tạm trú theo danh sách',
        components: [
          ct01Component('Mỗi người một tờ khai.'),
          {
            name: 'Văn bản đề nghị gia hạn tạm trú, ghi rõ chỗ ở hợp pháp, kèm danh sách người gia hạn (họ tên, ngày sinh, giới tính, số định danh cá nhân, thời hạn tạm trú)',
            originals: 1,
            required: true,
          },
        ],
      },
      {
        id: 'don-vi-dong-quan',
        title: 'Gia hạn tạm trú tại đơn vị đóng quân, nhà ở công vụ trong Quân đội nhân dân, Công an nhân dân',
        components: [ct01Component(), ARMY_LETTER(), POLICE_LETTER('gia hạn tạm trú')],
      },
    ],
    forms: [CT01],
    results: [KQ.danCu, KQ.cuTru, KQ.thongBao, KQ.tuChoi],
    conditions:
      'Phải làm thủ tục gia hạn trong thời hạn 15 ngày trước ngày hết thời hạn tạm trú đã đăng ký. Đại diện hộ gia đình có thể kê khai gia hạn cho các thành viên khi được chủ sở hữu chỗ ở đồng ý, không phải xuất trình giấy tờ chứng minh chỗ ở.',
    legalBasis: [
      LAW.luatCuTru,
      LAW.nd154_2024,
      LAW.tt55_2021,
      LAW.tt56_2021,
      LAW.tt57_2021,
      LAW.tt66_2023,
      LAW.tt53_2025,
      LAW.tt54_2025,
      LAW.tt75_2022_btc,
    ],
    onlineLevel: 'full',
    summary:
      'Dùng khi thời hạn tạm trú đã đăng ký sắp hết mà bạn vẫn tiếp tục ở lại. Làm thủ tục trong 15 ngày trước khi hết hạn; giải quyết trong 3 ngày làm việc.',
    exemptions: [],
    keywords: ['gia hạn tạm trú', 'hết hạn tạm trú', 'tạm trú sắp hết hạn', 'kéo dài thời hạn tạm trú', 'gia hạn KT3'],
    decision: '9354/QĐ-BCA-C06',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-6762-77ee-9a0c-965773ce7afe',
  },
  {
    code: '1.003197',
    name: 'Xóa đăng ký thường trú',
    field: CU_TRU_FIELD,
    levels: ['Cấp xã'],
    type: CU_TRU_TYPE,
    applicants: 'Công dân Việt Nam; Tổ chức (không bao gồm doanh nghiệp, HTX); Cán bộ, công chức, viên chức',
    agency: CU_TRU_AGENCY,
    submitAt: 'Công an cấp xã',
    steps: cuTruSteps(
      'Trong 07 ngày kể từ khi có người thuộc diện xóa đăng ký thường trú, người đó hoặc đại diện hộ gia đình chuẩn bị Tờ khai thay đổi thông tin cư trú (Mẫu CT01).',
      'Nộp hồ sơ trực tuyến đến Công an cấp xã.',
    ),
    channels: [
      {
        kind: 'online',
        time: { value: 5, unit: 'working_days' },
        timeText: '5 ngày làm việc',
        fees: [],
        feeText: CU_TRU_NO_FEE,
        description: 'Nộp qua cổng dịch vụ công trực tuyến (Cổng Dịch vụ công quốc gia, Cổng dịch vụ công Bộ Công an, VNeID).',
      },
    ],
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp',
        components: [ct01Component()],
      },
      {
        id: 'xuat-trinh',
        title: 'Giấy tờ xuất trình',
        components: [
          {
            name: 'Giấy tờ chứng minh thuộc trường hợp xóa đăng ký thường trú (Điều 24 Luật Cư trú)',
            originals: 1,
            required: false,
            note: 'Xuất trình, không nộp; chỉ khi thông tin chưa được kết nối, chia sẻ từ cơ sở dữ liệu.',
          },
        ],
      },
    ],
    forms: [CT01],
    results: [KQ.danCu, KQ.cuTru, KQ.thongBao],
    conditions:
      'Người thuộc diện xóa đăng ký thường trú hoặc đại diện hộ gia đình phải nộp hồ sơ trong 07 ngày; nếu không, Công an cấp xã kiểm tra, lập biên bản và tự xóa đăng ký thường trú. Người trong lực lượng vũ trang được xóa theo văn bản đề nghị của cơ quan, đơn vị quản lý (ghi rõ họ tên, ngày sinh, số định danh cá nhân và lý do).',
    legalBasis: [
      LAW.luatCuTru,
      LAW.nd154_2024,
      LAW.tt55_2021,
      LAW.tt56_2021,
      LAW.tt57_2021,
      LAW.tt66_2023,
      LAW.tt53_2025,
      LAW.tt54_2025,
    ],
    onlineLevel: 'full',
    summary:
      'Dùng khi một người trong hộ thuộc diện phải xóa đăng ký thường trú (ví dụ người đã chết hoặc đã ra nước ngoài định cư). Người đó hoặc đại diện hộ gia đình nộp hồ sơ trực tuyến trong 07 ngày; giải quyết trong 5 ngày làm việc.',
    exemptions: [],
    keywords: [
      'xóa hộ khẩu',
      'xóa đăng ký thường trú',
      'cắt khẩu',
      'cắt hộ khẩu',
      'xóa thường trú người đã mất',
      'xóa hộ khẩu đi nước ngoài',
    ],
    decision: '1523/QĐ-BCA-C06',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-6f18-72e5-974d-ed6803c7178a',
  },
  {
    code: '1.003677',
    name: 'Khai báo tạm vắng',
    field: CU_TRU_FIELD,
    levels: ['Cấp xã'],
    type: CU_TRU_TYPE,
    applicants: 'Công dân Việt Nam; Cán bộ, công chức, viên chức; Tổ chức (không bao gồm doanh nghiệp, HTX); Hợp tác xã',
    agency: CU_TRU_AGENCY,
    submitAt: 'Công an cấp xã',
    steps: cuTruSteps(
      'Chuẩn bị nội dung khai báo: họ tên, số định danh cá nhân (hoặc số chứng minh nhân dân, hộ chiếu), lý do, thời gian tạm vắng và địa chỉ nơi đến; người đang bị quản lý, giám sát cần thêm văn bản đồng ý của cơ quan quản lý.',
      'Khai báo với Công an cấp xã qua cổng dịch vụ công, VNeID; trường hợp điểm c, d khoản 1 Điều 31 Luật Cư trú còn có thể khai báo trực tiếp, qua điện thoại hoặc thư điện tử do Công an cấp xã niêm yết.',
    ),
    channels: [
      {
        kind: 'online',
        time: { value: 1, unit: 'working_days' },
        timeText: '1 ngày làm việc; trường hợp phức tạp có thể kéo dài nhưng không quá 2 ngày làm việc',
        fees: [],
        feeText: CU_TRU_NO_FEE,
        description:
          'Khai báo qua Cổng Dịch vụ công quốc gia, Cổng dịch vụ công Bộ Công an, ứng dụng VNeID hoặc trang thông tin của cơ quan đăng ký cư trú. Trường hợp điểm c, d khoản 1 Điều 31 Luật Cư trú còn có thể khai báo trực tiếp tại Công an cấp xã, qua số điện thoại hoặc thư điện tử được niêm yết.',
      },
    ],
    componentGroups: [
      {
        id: 'quan-ly-giam-sat',
        title: 'Người đang bị giám sát, quản lý, giáo dục (điểm a, b khoản 1 Điều 31 Luật Cư trú)',
        components: [
          { name: 'Đề nghị khai báo tạm vắng', originals: 1, required: true },
          {
            name: 'Văn bản đồng ý của cơ quan có thẩm quyền giám sát, quản lý, giáo dục người đó',
            originals: 1,
            required: true,
          },
        ],
      },
      {
        id: 'vang-dai-ngay',
        title: 'Người trong độ tuổi nghĩa vụ quân sự, dự bị động viên hoặc đi khỏi nơi cư trú dài ngày (điểm c, d khoản 1 Điều 31 Luật Cư trú)',
        components: [
          {
            name: 'Nội dung khai báo tạm vắng: họ tên, số định danh cá nhân (hoặc số chứng minh nhân dân, hộ chiếu), lý do, thời gian tạm vắng, địa chỉ nơi đến',
            originals: 1,
            required: true,
            note: 'Có thể khai báo trực tuyến, qua điện thoại hoặc thư điện tử mà không cần giấy tờ riêng. Người chưa thành niên do cha, mẹ hoặc người giám hộ khai báo.',
          },
        ],
      },
    ],
    forms: [],
    results: [{ name: 'Phiếu khai báo tạm vắng (Mẫu CT03)', code: 'KQ.G01.000061' }, KQ.cuTru, KQ.thongBao],
    conditions:
      'Nội dung khai báo gồm họ tên, số định danh cá nhân (hoặc số chứng minh nhân dân, hộ chiếu), lý do tạm vắng, thời gian tạm vắng và địa chỉ nơi đến. Người chưa thành niên thuộc điểm d khoản 1 Điều 31 Luật Cư trú do cha, mẹ hoặc người giám hộ khai báo.',
    legalBasis: [
      LAW.luatCuTru,
      LAW.tt55_2021,
      LAW.tt56_2021,
      LAW.tt57_2021,
      LAW.tt66_2023,
      LAW.tt53_2025,
      LAW.tt54_2025,
    ],
    onlineLevel: 'full',
    summary:
      'Dùng khi bạn phải báo với Công an cấp xã là mình vắng mặt ở nơi cư trú, ví dụ đi làm ăn xa dài ngày, người trong độ tuổi nghĩa vụ quân sự đi xa, hoặc người đang bị quản lý, giám sát. Kết quả là Phiếu khai báo tạm vắng (CT03), thường trong 1 ngày làm việc.',
    exemptions: [],
    keywords: [
      'khai báo tạm vắng',
      'tạm vắng',
      'đi làm ăn xa',
      'vắng nhà dài ngày',
      'đi khỏi địa phương',
      'phiếu khai báo tạm vắng',
      'CT03',
    ],
    decision: '9354/QĐ-BCA-C06',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-6f56-704f-95b8-8d949272c6ad',
  },
  {
    code: '1.010041',
    name: 'Xác nhận thông tin về cư trú',
    field: CU_TRU_FIELD,
    levels: ['Cấp xã'],
    type: CU_TRU_TYPE,
    applicants:
      'Công dân Việt Nam; Cán bộ, công chức, viên chức; Tổ chức (không bao gồm doanh nghiệp, HTX); Doanh nghiệp; Hợp tác xã',
    agency: CU_TRU_AGENCY,
    submitAt: 'Công an cấp xã',
    steps: cuTruSteps(
      'Chuẩn bị Tờ khai thay đổi thông tin cư trú (Mẫu CT01); nộp trực tuyến thì điền biểu mẫu điện tử, không cần đính kèm CT01.',
      'Nộp yêu cầu trực tuyến đến Công an cấp xã (Cổng Dịch vụ công, VNeID).',
    ),
    channels: [
      {
        kind: 'online',
        time: { value: 1, unit: 'working_days' },
        timeText: '1 ngày làm việc nếu thông tin đã có trong Cơ sở dữ liệu quốc gia về dân cư; 3 ngày làm việc nếu cần xác minh',
        fees: [{ label: 'Xác nhận thông tin về cư trú', amount: 0, basis: 'per_case', note: 'Miễn phí' }],
        description: CU_TRU_ONLINE,
      },
    ],
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp',
        components: [ct01Component()],
      },
    ],
    forms: [CT01],
    results: [{ name: 'Xác nhận thông tin về cư trú (Mẫu CT07)', code: 'KQ.G01.000062' }, KQ.tuChoi],
    conditions: '',
    legalBasis: [
      LAW.luatCuTru,
      LAW.nd62_2021,
      LAW.tt55_2021,
      LAW.tt56_2021,
      LAW.tt57_2021,
      LAW.tt66_2023,
      LAW.tt53_2025,
      LAW.tt54_2025,
    ],
    onlineLevel: 'full',
    summary:
      'Dùng khi bạn cần giấy xác nhận thông tin về cư trú (Mẫu CT07) để làm hồ sơ. Miễn phí; cấp trong 1 ngày làm việc nếu thông tin đã có trong Cơ sở dữ liệu quốc gia về dân cư, 3 ngày làm việc nếu cần xác minh.',
    exemptions: [],
    keywords: [
      'xác nhận cư trú',
      'giấy xác nhận cư trú',
      'CT07',
      'xác nhận thông tin cư trú',
      'xác nhận hộ khẩu',
      'thay sổ hộ khẩu',
      'giấy xác nhận nơi ở',
    ],
    decision: '9354/QĐ-BCA-C06',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-7f19-762d-be5e-741f71796016',
  },
  {
    code: '1.010038',
    name: 'Tách hộ',
    field: CU_TRU_FIELD,
    levels: ['Cấp xã'],
    type: CU_TRU_TYPE,
    applicants: 'Công dân Việt Nam; Tổ chức (không bao gồm doanh nghiệp, HTX); Hợp tác xã',
    agency: CU_TRU_AGENCY,
    submitAt: 'Công an cấp xã',
    steps: cuTruSteps(
      'Chuẩn bị Tờ khai thay đổi thông tin cư trú (Mẫu CT01) có ý kiến đồng ý cho tách hộ của chủ hộ, chủ sở hữu chỗ ở (vợ chồng đã ly hôn thì kèm giấy tờ về ly hôn và việc được tiếp tục ở).',
      'Nộp hồ sơ tại Công an cấp xã hoặc nộp trực tuyến (Cổng Dịch vụ công, VNeID).',
      ['Nộp lệ phí.'],
    ),
    channels: [
      {
        kind: 'in_person',
        time: { value: 5, unit: 'working_days' },
        timeText: '5 ngày làm việc',
        fees: [{ label: 'Lệ phí tách hộ', amount: 10000, basis: 'per_case', note: 'Mỗi lần đăng ký' }],
        description: CU_TRU_IN_PERSON,
      },
      {
        kind: 'online',
        time: { value: 5, unit: 'working_days' },
        timeText: '5 ngày làm việc',
        fees: [{ label: 'Lệ phí tách hộ (nộp trực tuyến)', amount: 5000, basis: 'per_case', note: 'Mỗi lần đăng ký' }],
        description: CU_TRU_ONLINE,
      },
    ],
    componentGroups: [
      {
        id: 'cung-cho-o',
        title: 'Tách hộ để đăng ký thường trú tại cùng chỗ ở hợp pháp',
        components: [
          ct01Component(
            'Ghi rõ ý kiến đồng ý cho tách hộ của chủ hộ, chủ sở hữu chỗ ở hợp pháp, trừ khi đã có văn bản đồng ý.',
          ),
        ],
      },
      {
        id: 'ly-hon',
        title: 'Vợ, chồng đã ly hôn nhưng vẫn được ở cùng chỗ ở hợp pháp',
        components: [
          ct01Component(),
          {
            name: 'Giấy tờ, tài liệu chứng minh việc ly hôn và việc tiếp tục được sử dụng chỗ ở đó',
            originals: 1,
            required: true,
          },
        ],
      },
    ],
    forms: [CT01],
    results: [KQ.danCu, KQ.cuTru, KQ.thongBao, KQ.tuChoi],
    conditions:
      'Người tách hộ phải có năng lực hành vi dân sự đầy đủ; nếu nhiều người cùng tách để lập hộ mới thì ít nhất một người có năng lực hành vi dân sự đầy đủ.',
    legalBasis: [
      LAW.luatCuTru,
      LAW.nd62_2021,
      LAW.nq66_7_2025,
      LAW.tt56_2021,
      LAW.tt57_2021,
      LAW.tt66_2023,
      LAW.tt53_2025,
      LAW.tt54_2025,
      LAW.tt75_2022_btc,
    ],
    onlineLevel: 'full',
    summary:
      'Dùng khi một hoặc nhiều thành viên muốn tách ra thành hộ gia đình mới nhưng vẫn thường trú tại cùng chỗ ở, kể cả vợ chồng đã ly hôn mà vẫn được ở chung. Giải quyết trong 5 ngày làm việc; lệ phí 10.000 đồng (trực tuyến 5.000 đồng).',
    exemptions: [],
    keywords: ['tách hộ', 'tách hộ khẩu', 'tách khẩu', 'lập hộ mới', 'ra riêng hộ khẩu', 'tách hộ sau ly hôn'],
    decision: '9354/QĐ-BCA-C06',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-7f1e-71e3-be3e-7f22dce4ac4d',
  },
  {
    code: '2.001159',
    name: 'Thông báo lưu trú',
    field: CU_TRU_FIELD,
    levels: ['Cấp xã'],
    type: 'TTHC không được luật giao cho địa phương quy định',
    applicants:
      'Công dân Việt Nam; Cán bộ, công chức, viên chức; Tổ chức (không bao gồm doanh nghiệp, HTX); Doanh nghiệp; Hợp tác xã',
    agency: CU_TRU_AGENCY,
    submitAt: 'Công an cấp xã',
    steps: [
      'Khi có người đến lưu trú, chủ hộ, thành viên hộ gia đình hoặc đại diện cơ sở lưu trú đề nghị người đó xuất trình giấy tờ có số định danh cá nhân.',
      'Thông báo lưu trú với Công an cấp xã: trực tiếp, qua điện thoại hoặc thư điện tử được niêm yết, hoặc qua Cổng Dịch vụ công, VNeID.',
      'Công an cấp xã tiếp nhận ngay và cập nhật thông tin vào Cơ sở dữ liệu về cư trú.',
    ],
    channels: [
      {
        kind: 'in_person',
        time: { value: 1, unit: 'hours' },
        timeText: 'Tiếp nhận ngay khi thông báo',
        fees: [],
        feeText: CU_TRU_NO_FEE,
        description: 'Thông báo trực tiếp tại Công an cấp xã hoặc địa điểm tiếp nhận thông báo lưu trú do Công an cấp xã quy định.',
      },
      {
        kind: 'online',
        time: { value: 1, unit: 'hours' },
        timeText: 'Tiếp nhận ngay khi thông báo',
        fees: [],
        feeText: CU_TRU_NO_FEE,
        description:
          'Thông báo qua số điện thoại, thư điện tử do Công an cấp xã niêm yết, hoặc qua Cổng Dịch vụ công quốc gia, Cổng dịch vụ công Bộ Công an, ứng dụng VNeID.',
      },
    ],
    componentGroups: [
      {
        id: 'chung',
        title: 'Thông tin cần có',
        components: [
          {
            name: 'Giấy tờ có số định danh cá nhân của người đến lưu trú',
            originals: 1,
            required: true,
            note: 'Người lưu trú xuất trình cho chủ hộ hoặc cơ sở lưu trú để thông báo; không nộp cho Công an.',
          },
          {
            name: 'Danh sách người đến điều trị nội trú',
            originals: 1,
            required: false,
            note: 'Đối với cơ sở khám bệnh, chữa bệnh; thông báo với Công an nơi đặt trụ sở.',
          },
        ],
      },
    ],
    forms: [],
    results: [KQ.cuTru],
    conditions:
      'Thông báo trước 23 giờ của ngày bắt đầu lưu trú; người đến sau 23 giờ thì thông báo trước 08 giờ sáng hôm sau. Ông, bà, cha, mẹ, vợ, chồng, con, cháu, anh, chị, em ruột đến lưu trú nhiều lần thì chỉ cần thông báo một lần.',
    legalBasis: [
      LAW.luatCuTru,
      LAW.nd62_2021,
      LAW.tt55_2021,
      LAW.tt56_2021,
      LAW.tt57_2021,
      LAW.tt66_2023,
      LAW.tt53_2025,
      LAW.tt54_2025,
    ],
    onlineLevel: 'full',
    summary:
      'Khi có người đến ở lại nhà bạn hoặc cơ sở lưu trú (khách, người thân, người thuê ngắn ngày), chủ hộ hoặc cơ sở phải thông báo lưu trú với Công an cấp xã trước 23 giờ cùng ngày. Có thể thông báo qua VNeID, điện thoại, thư điện tử hoặc trực tiếp.',
    exemptions: [],
    keywords: [
      'thông báo lưu trú',
      'khai báo lưu trú',
      'báo lưu trú cho khách',
      'khách ở qua đêm',
      'khai báo khách nhà nghỉ',
      'khai báo lưu trú homestay',
      'người thân đến chơi ngủ lại',
    ],
    decision: '9354/QĐ-BCA-C06',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-adb7-7329-8d7c-db89ef073ced',
  },
  {
    code: '1.010028',
    name: 'Xóa đăng ký tạm trú',
    field: CU_TRU_FIELD,
    levels: ['Cấp xã'],
    type: CU_TRU_TYPE,
    applicants:
      'Công dân Việt Nam; Cán bộ, công chức, viên chức; Tổ chức (không bao gồm doanh nghiệp, HTX); Doanh nghiệp; Hợp tác xã',
    agency: CU_TRU_AGENCY,
    submitAt: 'Công an cấp xã',
    steps: cuTruSteps(
      'Chuẩn bị Tờ khai thay đổi thông tin cư trú (Mẫu CT01).',
      'Nộp hồ sơ tại Công an cấp xã, trực tuyến hoặc qua dịch vụ bưu chính.',
    ),
    channels: [
      {
        kind: 'in_person',
        time: { value: 2, unit: 'working_days' },
        timeText: '2 ngày làm việc',
        fees: [],
        feeText: CU_TRU_NO_FEE,
        description: CU_TRU_IN_PERSON,
      },
      {
        kind: 'online',
        time: { value: 2, unit: 'working_days' },
        timeText: '2 ngày làm việc',
        fees: [],
        feeText: CU_TRU_NO_FEE,
        description: CU_TRU_ONLINE,
      },
      {
        kind: 'post',
        time: { value: 2, unit: 'working_days' },
        timeText: '2 ngày làm việc',
        fees: [],
        feeText: CU_TRU_NO_FEE,
        description: 'Gửi hồ sơ qua dịch vụ bưu chính đến Công an cấp xã.',
      },
    ],
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp',
        components: [ct01Component()],
      },
      {
        id: 'xuat-trinh',
        title: 'Giấy tờ xuất trình',
        components: [
          {
            name: 'Giấy tờ chứng minh thuộc trường hợp xóa đăng ký tạm trú (Điều 29 Luật Cư trú)',
            originals: 1,
            required: false,
            note: 'Xuất trình, không nộp; chỉ khi thông tin chưa được kết nối, chia sẻ từ cơ sở dữ liệu.',
          },
        ],
      },
    ],
    forms: [CT01],
    results: [KQ.danCu, KQ.cuTru, KQ.thongBao],
    conditions: '',
    legalBasis: [
      LAW.luatCuTru,
      LAW.nd154_2024,
      LAW.tt55_2021,
      LAW.tt56_2021,
      LAW.tt57_2021,
      LAW.tt66_2023,
      LAW.tt53_2025,
      LAW.tt54_2025,
    ],
    onlineLevel: 'full',
    summary:
      'Dùng khi người đã đăng ký tạm trú thuộc một trong các trường hợp phải xóa đăng ký tạm trú theo Điều 29 Luật Cư trú (ví dụ người đã chết hoặc đã đăng ký thường trú tại chính nơi đang tạm trú). Giải quyết trong 2 ngày làm việc.',
    exemptions: [],
    keywords: ['xóa tạm trú', 'xóa đăng ký tạm trú', 'hủy tạm trú', 'cắt tạm trú', 'chuyển trọ xóa tạm trú', 'hết thuê trọ'],
    decision: '1523/QĐ-BCA-C06',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-7f06-7316-a1c8-3255e08fe2f5',
  },
];
