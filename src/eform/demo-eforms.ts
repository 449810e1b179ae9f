import { eformSchema, type EForm, type EFormFieldInput, type EFormInput } from './eform.types';

/**
 * Explicit e-forms for the most used demo procedures, written from the paper forms (civil status:
 * Circular 04/2020/TT-BTP as amended by 04/2024/TT-BTP; residence: form CT01 of Circular
 * 53/2025/TT-BCA). The requester's own name, ID, phone and address are in the dossier's applicant
 * block and are not asked again; fields about the person the request concerns may be prefilled
 * from it (`prefill`) when that person is usually the requester.
 *
 * Rules between fields (the bride at least 18 and the groom 20, death after birth, "Mục đích khác"
 * needing its text) are for the officer's check, not this schema: the help texts say them.
 */

type Field = EFormFieldInput;

const GIOI_TINH = [
  { value: 'nam', label: 'Nam' },
  { value: 'nu', label: 'Nữ' },
];

const gioiTinh = (id: string, extra: Partial<Field> = {}): Field => ({
  id,
  label: 'Giới tính',
  type: 'select',
  required: true,
  options: GIOI_TINH,
  ...extra,
});

const danToc = (id: string, label = 'Dân tộc'): Field => ({
  id,
  label,
  type: 'text',
  required: true,
  default: 'Kinh',
  maxLength: 50,
  autocomplete: 'off',
});

const quocTich = (id: string, label = 'Quốc tịch'): Field => ({
  id,
  label,
  type: 'text',
  required: true,
  default: 'Việt Nam',
  maxLength: 80,
  autocomplete: 'off',
});

/** Someone else's name: the browser must not offer the user's own. */
const hoTen = (id: string, label: string, required = true, help?: string): Field => ({
  id,
  label,
  type: 'text',
  required,
  maxLength: 100,
  autocomplete: 'off',
  ...(help ? { help } : {}),
});

const soDinhDanh = (id: string, label: string, required: boolean, help?: string): Field => ({
  id,
  label,
  type: 'idNumber',
  required,
  autocomplete: 'off',
  help: help ?? '12 chữ số trên thẻ căn cước (hoặc 9 chữ số chứng minh nhân dân cũ).',
});

const soBanSao = (id: string, label: string): Field => ({
  id,
  label,
  type: 'number',
  required: false,
  integer: true,
  min: 0,
  max: 20,
  default: 0,
  help: 'Bản sao trích lục: 8.000 đồng/bản (Thông tư 281/2016/TT-BTC). Ghi 0 nếu không cần.',
});

const CAM_DOAN_DUNG_SU_THAT =
  'Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về lời cam đoan của mình.';

const camDoan = (statement = CAM_DOAN_DUNG_SU_THAT): Field => ({
  id: 'camDoan',
  label: 'Lời cam đoan',
  type: 'checkbox',
  required: true,
  options: [{ value: 'true', label: statement }],
});

/** Ends every e-form, explicit or derived. */
export const GHI_CHU: Field = {
  id: 'ghiChu',
  label: 'Ghi chú',
  type: 'textarea',
  required: false,
  maxLength: 1000,
  help: 'Thông tin thêm cho cán bộ tiếp nhận (nếu có).',
};

// ------------------------------------------------------------------------- 1.001193 Khai sinh

const KHAI_SINH: EFormInput = {
  title: 'Tờ khai đăng ký khai sinh',
  sections: [
    {
      title: 'Người được khai sinh',
      fields: [
        hoTen('hoTenTre', 'Họ, chữ đệm và tên của trẻ', true, 'Viết đủ dấu, ví dụ: Nguyễn Minh An.'),
        {
          id: 'ngaySinh',
          label: 'Ngày sinh',
          type: 'date',
          required: true,
          max: 0,
          autocomplete: 'off',
          help: 'Theo Giấy chứng sinh, ví dụ 15/03/2025.',
        },
        gioiTinh('gioiTinh'),
        {
          id: 'noiSinh',
          label: 'Nơi sinh',
          type: 'text',
          required: true,
          maxLength: 200,
          autocomplete: 'off',
          help: 'Tên cơ sở y tế và xã, tỉnh nơi có cơ sở đó; sinh ngoài cơ sở y tế thì ghi xã, tỉnh nơi sinh.',
        },
        {
          id: 'queQuan',
          label: 'Quê quán',
          type: 'text',
          required: true,
          maxLength: 200,
          autocomplete: 'off',
          help: 'Theo quê quán của cha hoặc mẹ, do cha mẹ thỏa thuận.',
        },
        danToc('danToc'),
        quocTich('quocTich'),
      ],
    },
    {
      title: 'Cha, mẹ của trẻ',
      fields: [
        hoTen('hoTenMe', 'Họ, chữ đệm và tên người mẹ'),
        soDinhDanh('soDinhDanhMe', 'Số định danh cá nhân của người mẹ', false, 'Bỏ trống nếu người mẹ không có (ví dụ người nước ngoài).'),
        hoTen(
          'hoTenCha',
          'Họ, chữ đệm và tên người cha',
          false,
          'Bỏ trống nếu chưa xác định được cha; việc nhận cha cho con làm theo thủ tục đăng ký nhận cha, mẹ, con.',
        ),
        soDinhDanh('soDinhDanhCha', 'Số định danh cá nhân của người cha', false, 'Bỏ trống nếu không khai thông tin người cha.'),
      ],
    },
    {
      title: 'Người đi đăng ký',
      fields: [
        {
          id: 'quanHe',
          label: 'Quan hệ của người đi đăng ký với trẻ',
          type: 'select',
          required: true,
          options: [
            { value: 'cha', label: 'Cha' },
            { value: 'me', label: 'Mẹ' },
            { value: 'ong-ba', label: 'Ông, bà' },
            { value: 'nguoi-than', label: 'Người thân thích khác' },
            { value: 'nguoi-nuoi-duong', label: 'Người đang nuôi dưỡng trẻ' },
            { value: 'uy-quyen', label: 'Người được cha, mẹ ủy quyền' },
          ],
          help: 'Người được ủy quyền nộp kèm văn bản ủy quyền.',
        },
        soBanSao('soBanSao', 'Số bản sao Giấy khai sinh đề nghị cấp'),
        camDoan(),
        GHI_CHU,
      ],
    },
  ],
};

// --------------------------------------------------------------------------- 1.000894 Kết hôn

const benKetHon = (suffix: 'Nu' | 'Nam', ben: 'bên nữ' | 'bên nam'): Field[] => [
  hoTen(`hoTen${suffix}`, `Họ, chữ đệm và tên ${ben}`),
  {
    id: `ngaySinh${suffix}`,
    label: `Ngày sinh ${ben}`,
    type: 'date',
    required: true,
    max: 0,
    autocomplete: 'off',
    help: suffix === 'Nu' ? 'Nữ phải từ đủ 18 tuổi (Luật Hôn nhân và gia đình, Điều 8).' : 'Nam phải từ đủ 20 tuổi (Luật Hôn nhân và gia đình, Điều 8).',
  },
  danToc(`danToc${suffix}`, `Dân tộc ${ben}`),
  quocTich(`quocTich${suffix}`, `Quốc tịch ${ben}`),
  soDinhDanh(`soDinhDanh${suffix}`, `Số định danh cá nhân ${ben}`, true),
  {
    id: `noiCuTru${suffix}`,
    label: `Nơi cư trú ${ben}`,
    type: 'text',
    required: true,
    maxLength: 250,
    autocomplete: 'off',
    help: 'Số nhà, đường hoặc thôn, xã, tỉnh.',
  },
  {
    id: `lanKetHon${suffix}`,
    label: `Kết hôn lần thứ (${ben})`,
    type: 'number',
    required: true,
    integer: true,
    min: 1,
    max: 10,
    default: 1,
  },
];

const KET_HON: EFormInput = {
  title: 'Tờ khai đăng ký kết hôn',
  sections: [
    { title: 'Bên nữ', fields: benKetHon('Nu', 'bên nữ') },
    { title: 'Bên nam', fields: benKetHon('Nam', 'bên nam') },
    {
      title: 'Cam đoan và yêu cầu',
      fields: [
        {
          id: 'camDoanTinhTrangHonNhan',
          label: 'Xác nhận tình trạng hôn nhân',
          type: 'checkbox',
          required: true,
          options: [
            {
              value: 'true',
              label:
                'Chúng tôi cam đoan hiện không có vợ hoặc chồng, tự nguyện kết hôn và đủ điều kiện kết hôn theo Luật Hôn nhân và gia đình.',
            },
          ],
        },
        soBanSao('soBanSao', 'Số bản sao Trích lục kết hôn đề nghị cấp'),
        GHI_CHU,
      ],
    },
  ],
};

// ---------------------------------------------------------------------------- 1.000656 Khai tử

const KHAI_TU: EFormInput = {
  title: 'Tờ khai đăng ký khai tử',
  sections: [
    {
      title: 'Người đã chết',
      fields: [
        hoTen('hoTenNguoiChet', 'Họ, chữ đệm và tên người đã chết'),
        {
          id: 'ngaySinhNguoiChet',
          label: 'Ngày sinh của người đã chết',
          type: 'date',
          required: true,
          max: 0,
          autocomplete: 'off',
          help: 'Chỉ biết năm sinh thì ghi ngày 01/01 của năm đó và nói rõ ở phần Ghi chú.',
        },
        gioiTinh('gioiTinhNguoiChet'),
        danToc('danTocNguoiChet'),
        quocTich('quocTichNguoiChet'),
        soDinhDanh('soDinhDanhNguoiChet', 'Số định danh cá nhân của người đã chết', false, 'Ghi nếu có; giúp cán bộ tra cứu nhanh.'),
        {
          id: 'noiCuTruCuoiCung',
          label: 'Nơi cư trú cuối cùng',
          type: 'text',
          required: true,
          maxLength: 250,
          autocomplete: 'off',
        },
      ],
    },
    {
      title: 'Việc chết',
      fields: [
        {
          id: 'ngayChet',
          label: 'Ngày chết',
          type: 'date',
          required: true,
          max: 0,
          autocomplete: 'off',
          help: 'Theo Giấy báo tử. Đăng ký trong 15 ngày kể từ ngày chết thì không mất lệ phí.',
        },
        {
          id: 'gioChet',
          label: 'Giờ, phút chết',
          type: 'text',
          required: false,
          pattern: '^(?:[01]?\\d|2[0-3])[:h][0-5]\\d$',
          maxLength: 5,
          autocomplete: 'off',
          help: 'Dạng giờ:phút, ví dụ 14:30.',
        },
        { id: 'noiChet', label: 'Nơi chết', type: 'text', required: true, maxLength: 250, autocomplete: 'off' },
        {
          id: 'nguyenNhanChet',
          label: 'Nguyên nhân chết',
          type: 'text',
          required: false,
          maxLength: 200,
          autocomplete: 'off',
          help: 'Theo Giấy báo tử (nếu có ghi).',
        },
        {
          id: 'giayBaoTu',
          label: 'Số, ngày cấp, cơ quan cấp Giấy báo tử hoặc giấy tờ thay thế',
          type: 'text',
          required: false,
          maxLength: 250,
          autocomplete: 'off',
          help: 'Bỏ trống nếu đã có Giấy báo tử điện tử.',
        },
      ],
    },
    {
      title: 'Người đi khai tử',
      fields: [
        {
          id: 'quanHe',
          label: 'Quan hệ của người đi khai tử với người đã chết',
          type: 'select',
          required: true,
          options: [
            { value: 'vo-chong', label: 'Vợ hoặc chồng' },
            { value: 'con', label: 'Con' },
            { value: 'cha-me', label: 'Cha hoặc mẹ' },
            { value: 'nguoi-than', label: 'Người thân thích khác' },
            { value: 'uy-quyen', label: 'Người được ủy quyền' },
            { value: 'co-quan-to-chuc', label: 'Đại diện cơ quan, tổ chức' },
          ],
        },
        soBanSao('soBanSao', 'Số bản sao Trích lục khai tử đề nghị cấp'),
        camDoan(),
        GHI_CHU,
      ],
    },
  ],
};

// ------------------------------------------------------- 1.004873 Xác nhận tình trạng hôn nhân

const XAC_NHAN_TTHN: EFormInput = {
  title: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân',
  sections: [
    {
      title: 'Người được xác nhận',
      fields: [
        {
          id: 'quanHe',
          label: 'Tư cách người nộp hồ sơ',
          type: 'radio',
          required: true,
          options: [
            { value: 'ban-than', label: 'Chính người được xác nhận' },
            { value: 'uy-quyen', label: 'Người được ủy quyền' },
          ],
          default: 'ban-than',
        },
        {
          id: 'hoTen',
          label: 'Họ, chữ đệm và tên người được xác nhận',
          type: 'text',
          required: true,
          maxLength: 100,
          autocomplete: 'name',
          prefill: 'fullName',
        },
        {
          id: 'ngaySinh',
          label: 'Ngày sinh',
          type: 'date',
          required: true,
          max: 0,
          autocomplete: 'bday',
          prefill: 'birthDate',
        },
        gioiTinh('gioiTinh', { prefill: 'gender' }),
        danToc('danToc'),
        quocTich('quocTich'),
        {
          id: 'soDinhDanh',
          label: 'Số định danh cá nhân',
          type: 'idNumber',
          required: true,
          prefill: 'idNumber',
          help: '12 chữ số trên thẻ căn cước.',
        },
        {
          id: 'noiCuTru',
          label: 'Nơi cư trú',
          type: 'text',
          required: true,
          maxLength: 250,
          autocomplete: 'street-address',
          prefill: 'address',
        },
      ],
    },
    {
      title: 'Nội dung đề nghị xác nhận',
      fields: [
        {
          id: 'tinhTrangHonNhan',
          label: 'Tình trạng hôn nhân hiện nay',
          type: 'select',
          required: true,
          options: [
            { value: 'chua-ket-hon', label: 'Chưa đăng ký kết hôn với ai' },
            { value: 'dang-co-vo-chong', label: 'Đang có vợ hoặc chồng' },
            { value: 'da-ly-hon', label: 'Đã ly hôn, chưa kết hôn lại' },
            { value: 'vo-chong-da-chet', label: 'Vợ hoặc chồng đã chết, chưa kết hôn lại' },
          ],
          help: 'Đã ly hôn hoặc vợ, chồng đã chết: ghi số, ngày của bản án, quyết định ly hôn hoặc Trích lục khai tử ở phần Ghi chú.',
        },
        {
          id: 'mucDich',
          label: 'Mục đích sử dụng',
          type: 'select',
          required: true,
          options: [
            { value: 'ket-hon', label: 'Để đăng ký kết hôn' },
            { value: 'ket-hon-nuoc-ngoai', label: 'Để kết hôn với người nước ngoài hoặc tại nước ngoài' },
            { value: 'nha-dat', label: 'Để làm thủ tục mua bán, chuyển nhượng, thế chấp nhà, đất' },
            { value: 'vay-von', label: 'Để vay vốn' },
            { value: 'hoc-tap-lao-dong', label: 'Để đi học, đi làm việc, xuất khẩu lao động' },
            { value: 'khac', label: 'Mục đích khác' },
          ],
          help: 'Giấy xác nhận chỉ dùng cho đúng mục đích ghi trên giấy.',
        },
        {
          id: 'mucDichKhac',
          label: 'Mục đích khác (ghi rõ)',
          type: 'text',
          required: false,
          maxLength: 200,
          help: 'Chỉ ghi khi chọn “Mục đích khác”.',
        },
        hoTen(
          'nguoiDuDinhKetHon',
          'Họ, chữ đệm và tên người dự định kết hôn',
          false,
          'Chỉ ghi khi xin giấy để kết hôn: giấy xác nhận ghi rõ kết hôn với ai.',
        ),
        {
          id: 'noiDuDinhKetHon',
          label: 'Nơi dự định đăng ký kết hôn',
          type: 'text',
          required: false,
          maxLength: 200,
          autocomplete: 'off',
          help: 'Chỉ ghi khi xin giấy để kết hôn.',
        },
        {
          id: 'soLuong',
          label: 'Số lượng giấy xác nhận đề nghị cấp',
          type: 'number',
          required: true,
          integer: true,
          min: 1,
          max: 10,
          default: 1,
          help: 'Xin để kết hôn thì chỉ được cấp 01 bản.',
        },
        camDoan(),
        GHI_CHU,
      ],
    },
  ],
};

// ------------------------------------------------------------- 2.000815 Chứng thực bản sao

const CHUNG_THUC_BAN_SAO: EFormInput = {
  title: 'Đề nghị chứng thực bản sao từ bản chính',
  sections: [
    {
      title: 'Giấy tờ cần chứng thực',
      fields: [
        {
          id: 'tenGiayTo',
          label: 'Tên giấy tờ cần chứng thực',
          type: 'textarea',
          required: true,
          maxLength: 500,
          help: 'Ví dụ: Bằng tốt nghiệp trung học phổ thông; Giấy khai sinh. Nhiều giấy tờ thì mỗi giấy một dòng.',
        },
        {
          id: 'soGiayTo',
          label: 'Số giấy tờ (bản chính) mang đến',
          type: 'number',
          required: true,
          integer: true,
          min: 1,
          max: 100,
          default: 1,
        },
        {
          id: 'soTrang',
          label: 'Tổng số trang của các bản chính',
          type: 'number',
          required: true,
          integer: true,
          min: 1,
          max: 2000,
          help: 'Phí tính theo trang của bản chính: 2.000 đồng/trang cho trang thứ nhất và thứ hai, 1.000 đồng/trang từ trang thứ ba, tối đa 200.000 đồng mỗi bản.',
        },
        {
          id: 'soBan',
          label: 'Số bản sao cần chứng thực cho mỗi giấy tờ',
          type: 'number',
          required: true,
          integer: true,
          min: 1,
          max: 100,
          default: 1,
        },
        GHI_CHU,
      ],
    },
  ],
};

// ------------------------------------------------------------ 1.004222 / 1.004194 Cư trú (CT01)

const nguoiThayDoiCuTru = (vai: string): Field[] => [
  {
    id: 'hoTen',
    label: `Họ, chữ đệm và tên người ${vai}`,
    type: 'text',
    required: true,
    maxLength: 100,
    autocomplete: 'name',
    prefill: 'fullName',
    help: 'Đăng ký cho người khác (ví dụ con nhỏ) thì ghi thông tin của người đó.',
  },
  { id: 'ngaySinh', label: 'Ngày sinh', type: 'date', required: true, max: 0, autocomplete: 'bday', prefill: 'birthDate' },
  gioiTinh('gioiTinh', { prefill: 'gender' }),
  {
    id: 'soDinhDanh',
    label: 'Số định danh cá nhân',
    type: 'idNumber',
    required: true,
    prefill: 'idNumber',
    help: '12 chữ số trên thẻ căn cước hoặc giấy khai sinh của trẻ.',
  },
];

const chuHo = (required: boolean): Field[] => [
  hoTen('hoTenChuHo', 'Họ, chữ đệm và tên chủ hộ', required, 'Bạn là chủ hộ thì ghi tên của bạn.'),
  soDinhDanh('soDinhDanhChuHo', 'Số định danh cá nhân của chủ hộ', false),
  {
    id: 'quanHeVoiChuHo',
    label: 'Quan hệ với chủ hộ',
    type: 'text',
    required,
    maxLength: 50,
    autocomplete: 'off',
    help: 'Ví dụ: chủ hộ, vợ, con, cháu, người ở nhờ.',
  },
];

const THANH_VIEN: Field = {
  id: 'thanhVienCungThayDoi',
  label: 'Những thành viên trong hộ gia đình cùng thay đổi',
  type: 'textarea',
  required: false,
  maxLength: 2000,
  help: 'Mỗi người một dòng: họ tên, ngày sinh, số định danh cá nhân, quan hệ với chủ hộ.',
};

const dongYChoO = (viec: string): Field => ({
  id: 'dongYChoO',
  label: 'Ý kiến của chủ hộ, chủ sở hữu chỗ ở',
  type: 'checkbox',
  required: false,
  options: [{ value: 'true', label: `Chủ hộ, chủ sở hữu chỗ ở hợp pháp đã đồng ý cho tôi ${viec} tại chỗ ở này.` }],
  help: 'Không cần nếu chỗ ở thuộc quyền sở hữu của bạn. Trên VNeID chủ hộ xác nhận trực tuyến.',
});

const THUONG_TRU: EFormInput = {
  title: 'Tờ khai thay đổi thông tin cư trú (Mẫu CT01): đăng ký thường trú',
  sections: [
    { title: 'Người đăng ký thường trú', fields: nguoiThayDoiCuTru('đăng ký thường trú') },
    {
      title: 'Nơi đề nghị đăng ký thường trú',
      fields: [
        {
          id: 'diaChiThuongTru',
          label: 'Địa chỉ đề nghị đăng ký thường trú',
          type: 'text',
          required: true,
          maxLength: 250,
          autocomplete: 'off',
          help: 'Số nhà, đường hoặc thôn, tổ dân phố, xã, tỉnh.',
        },
        {
          id: 'truongHop',
          label: 'Trường hợp đăng ký',
          type: 'radio',
          required: true,
          options: [
            { value: 'nha-cua-minh', label: 'Chỗ ở hợp pháp thuộc quyền sở hữu của mình' },
            { value: 'nguoi-than', label: 'Về ở với người thân (vợ, chồng, cha, mẹ, con...) có nhà' },
            { value: 'thue-muon', label: 'Thuê, mượn, ở nhờ' },
            { value: 'co-so-ton-giao', label: 'Ở tại cơ sở tín ngưỡng, tôn giáo' },
            { value: 'tro-giup-xa-hoi', label: 'Ở tại cơ sở trợ giúp xã hội hoặc được cá nhân, hộ gia đình nhận chăm sóc' },
            { value: 'phuong-tien', label: 'Ở trên phương tiện (tàu, thuyền...) dùng để ở' },
          ],
          help: 'Các trường hợp theo Điều 20 Luật Cư trú; mỗi trường hợp cần giấy tờ khác nhau.',
        },
        ...chuHo(true),
        THANH_VIEN,
        dongYChoO('đăng ký thường trú'),
        GHI_CHU,
      ],
    },
  ],
};

const TAM_TRU: EFormInput = {
  title: 'Tờ khai thay đổi thông tin cư trú (Mẫu CT01): đăng ký tạm trú',
  sections: [
    { title: 'Người đăng ký tạm trú', fields: nguoiThayDoiCuTru('đăng ký tạm trú') },
    {
      title: 'Nơi đề nghị đăng ký tạm trú',
      fields: [
        {
          id: 'diaChiTamTru',
          label: 'Địa chỉ đề nghị đăng ký tạm trú',
          type: 'text',
          required: true,
          maxLength: 250,
          autocomplete: 'off',
          help: 'Số nhà, đường hoặc thôn, tổ dân phố, xã, tỉnh.',
        },
        {
          id: 'thoiHanTamTru',
          label: 'Thời hạn đề nghị tạm trú (số tháng)',
          type: 'number',
          required: true,
          integer: true,
          min: 1,
          max: 24,
          help: 'Tối đa 24 tháng; hết hạn có thể gia hạn (Luật Cư trú, Điều 27).',
        },
        ...chuHo(false),
        THANH_VIEN,
        dongYChoO('đăng ký tạm trú'),
        GHI_CHU,
      ],
    },
  ],
};

const SOURCES: Record<string, EFormInput> = {
  '1.001193': KHAI_SINH,
  '1.000894': KET_HON,
  '1.000656': KHAI_TU,
  '1.004873': XAC_NHAN_TTHN,
  '2.000815': CHUNG_THUC_BAN_SAO,
  '1.004222': THUONG_TRU,
  '1.004194': TAM_TRU,
};

/** Parsed at import: a mistake in a form definition fails at start-up, not in a citizen's browser. */
export const DEMO_EFORMS: Readonly<Record<string, EForm>> = Object.freeze(
  Object.fromEntries(Object.entries(SOURCES).map(([code, form]) => [code, eformSchema.parse(form)])),
);
