import type { ProcedureInput } from '../catalog.types';

/**
 * Demo catalogue: 20 civil-status (Hộ tịch) procedures, written in our own words from the national
 * records (dichvucong.gov.vn, Decision 163/QĐ-BTP and the older inter-agency procedures).
 *
 * Fees: civil-status fees are set by each province's People's Council (HĐND); where the national
 * record only says so, the channel carries no structured fee and `feeText` explains. Copies of
 * extracts (bản sao trích lục) cost 8.000 đồng each (national record 2.000635, Circular 281/2016/TT-BTC).
 */

type Group = NonNullable<ProcedureInput['componentGroups']>[number];
type Component = Group['components'][number];
type Form = NonNullable<ProcedureInput['forms']>[number];
type Channel = NonNullable<ProcedureInput['channels']>[number];
type Fee = NonNullable<Channel['fees']>[number];
type Time = Channel['time'];

// ---------------------------------------------------------------------------------------------
// Legal documents (number → short name). Only documents cited by the records below.
// ---------------------------------------------------------------------------------------------

const VAN_BAN = {
  '91/2015/QH13': 'Bộ luật Dân sự',
  '60/2014/QH13': 'Luật Hộ tịch',
  '52/2014/QH13': 'Luật Hôn nhân và gia đình',
  '41/2024/QH15': 'Luật Bảo hiểm xã hội',
  '68/2020/QH14': 'Luật Cư trú',
  '81/2006/QH11': 'Luật Cư trú (năm 2006)',
  '25/2008/QH12': 'Luật Bảo hiểm y tế',
  '46/2014/QH13': 'Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế',
  '66.7/2025/NQ-CP': 'Nghị quyết cắt giảm, đơn giản hóa thủ tục hành chính dựa trên dữ liệu',
  '18/2026/NĐ-CP': 'Nghị định cắt giảm, đơn giản hóa thủ tục hành chính, điều kiện kinh doanh thuộc phạm vi quản lý của Bộ Tư pháp',
  '07/2025/NĐ-CP': 'Nghị định sửa đổi, bổ sung các nghị định về hộ tịch, quốc tịch, chứng thực',
  '120/2025/NĐ-CP': 'Nghị định phân định thẩm quyền của chính quyền địa phương 2 cấp trong lĩnh vực của Bộ Tư pháp',
  '104/2022/NĐ-CP': 'Nghị định bỏ yêu cầu nộp, xuất trình sổ hộ khẩu, sổ tạm trú giấy khi làm thủ tục hành chính',
  '87/2020/NĐ-CP': 'Nghị định về Cơ sở dữ liệu hộ tịch điện tử, đăng ký hộ tịch trực tuyến',
  '123/2015/NĐ-CP': 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch',
  '105/2014/NĐ-CP': 'Nghị định quy định chi tiết và hướng dẫn thi hành Luật Bảo hiểm y tế',
  '06/2012/NĐ-CP': 'Nghị định sửa đổi, bổ sung các nghị định về hộ tịch, hôn nhân và gia đình, chứng thực',
  '158/2005/NĐ-CP': 'Nghị định về đăng ký và quản lý hộ tịch',
  '05/2015/TTLT-BTP-BCA-BYT': 'Thông tư liên tịch hướng dẫn liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
  '08/2025/TT-BTP': 'Thông tư phân định thẩm quyền, phân cấp của chính quyền địa phương 2 cấp trong lĩnh vực của Bộ Tư pháp',
  '04/2024/TT-BTP': 'Thông tư sửa đổi, bổ sung Thông tư 02/2020/TT-BTP và Thông tư 04/2020/TT-BTP (mẫu giấy tờ hộ tịch)',
  '03/2023/TT-BTP': 'Thông tư ngày 02/8/2023 của Bộ trưởng Bộ Tư pháp',
  '09/2022/TT-BTP': 'Thông tư bãi bỏ một số nội dung của các thông tư về trợ giúp pháp lý, hộ tịch',
  '01/2022/TT-BTP': 'Thông tư hướng dẫn Nghị định 87/2020/NĐ-CP về Cơ sở dữ liệu hộ tịch điện tử, đăng ký hộ tịch trực tuyến',
  '04/2020/TT-BTP': 'Thông tư hướng dẫn thi hành Luật Hộ tịch và Nghị định 123/2015/NĐ-CP',
  '15/2015/TT-BTP': 'Thông tư hướng dẫn thi hành Luật Hộ tịch và Nghị định 123/2015/NĐ-CP (năm 2015)',
  '09b/2013/TT-BTP': 'Thông tư sửa đổi, bổ sung Thông tư 08.a/2010/TT-BTP về sổ, biểu mẫu hộ tịch',
  '08.a/2010/TT-BTP': 'Thông tư về sổ hộ tịch, biểu mẫu hộ tịch',
  '106/2021/TT-BTC': 'Thông tư sửa đổi, bổ sung Thông tư 85/2019/TT-BTC về phí, lệ phí thuộc thẩm quyền HĐND tỉnh',
  '85/2019/TT-BTC': 'Thông tư hướng dẫn phí, lệ phí thuộc thẩm quyền quyết định của HĐND tỉnh',
  '281/2016/TT-BTC': 'Thông tư về phí khai thác, sử dụng thông tin trong cơ sở dữ liệu hộ tịch',
  '02/2014/TT-BTC': 'Thông tư hướng dẫn phí, lệ phí thuộc thẩm quyền quyết định của HĐND tỉnh (năm 2014)',
  '36/2014/TT-BCA': 'Thông tư về biểu mẫu đăng ký, quản lý cư trú',
  '80/2011/TT-BCA': 'Thông tư về trình tự đăng ký thường trú, tạm trú, lưu trú, khai báo tạm vắng',
} as const;
type SoVanBan = keyof typeof VAN_BAN;

const canCu = (...so: SoVanBan[]): NonNullable<ProcedureInput['legalBasis']> =>
  so.map((number) => ({ number, name: VAN_BAN[number] }));

// ---------------------------------------------------------------------------------------------
// Shared wording
// ---------------------------------------------------------------------------------------------

const MIEN_LE_PHI_DOI_TUONG =
  'Miễn lệ phí cho người thuộc gia đình có công với cách mạng, người thuộc hộ nghèo, người khuyết tật';

const LE_PHI_HDND =
  'Theo mức thu do HĐND tỉnh quy định; miễn cho người thuộc gia đình có công với cách mạng, hộ nghèo, người khuyết tật.';

const phiBanSao = (giayTo: string): string =>
  `Bản sao ${giayTo} (nếu yêu cầu): 8.000 đồng/bản theo Thông tư 281/2016/TT-BTC.`;

/** The copies asked for on the e-form ("soBanSao"), charged per copy (Circular 281/2016/TT-BTC). */
const banSaoTheoYeuCau = (giayTo: string): Fee => ({
  label: `Phí cấp bản sao ${giayTo} (theo số bản đề nghị)`,
  amount: 8000,
  basis: 'per_copy',
  copiesField: 'soBanSao',
});

const MO_TA_TRUC_TIEP = 'Nộp hồ sơ và nhận kết quả tại Trung tâm Phục vụ hành chính công.';
const MO_TA_TRUC_TUYEN =
  'Khai biểu mẫu điện tử trên Cổng dịch vụ công quốc gia hoặc ứng dụng VNeID, đính kèm ảnh chụp giấy tờ, nộp phí trực tuyến; kiểm tra và xác nhận bản nháp kết quả điện tử trong tối đa 1 ngày.';
const MO_TA_BUU_CHINH =
  'Gửi hồ sơ qua dịch vụ bưu chính, kèm bản sao có chứng thực các giấy tờ phải xuất trình.';

const ngayLamViec = (value: number): Time => ({ value, unit: 'working_days' });

/** The usual three channels of a civil-status procedure, same time and fee on each. */
function baKenh(time: Time, timeText: string, fees: Fee[], feeText: string): Channel[] {
  return [
    { kind: 'in_person', time, timeText, fees: fees.map((f) => ({ ...f })), feeText, description: MO_TA_TRUC_TIEP },
    { kind: 'online', time, timeText, fees: fees.map((f) => ({ ...f })), feeText, description: MO_TA_TRUC_TUYEN },
    { kind: 'post', time, timeText, fees: fees.map((f) => ({ ...f })), feeText, description: MO_TA_BUU_CHINH },
  ];
}

const XUAT_TRINH = 'Xuất trình, không nộp';

function tuyThan(cuaAi = ''): Component {
  return {
    name: `Giấy tờ tùy thân còn giá trị${cuaAi} (thẻ căn cước, căn cước công dân, căn cước điện tử, hộ chiếu hoặc giấy tờ có ảnh do cơ quan có thẩm quyền cấp)`,
    originals: 1,
    required: true,
    note: `${XUAT_TRINH}. Với thẻ căn cước, căn cước công dân, hộ chiếu chỉ cần cung cấp số định danh cá nhân hoặc số, ngày cấp để cán bộ tra cứu.`,
  };
}

function cuTru(name = 'Giấy tờ chứng minh nơi cư trú'): Component {
  return {
    name,
    originals: 1,
    required: true,
    note: `${XUAT_TRINH}. Chỉ cần khi cán bộ không tra cứu được nơi cư trú trong Cơ sở dữ liệu quốc gia về dân cư.`,
  };
}

function nhomXuatTrinh(...components: Component[]): Group {
  return { id: 'xuat-trinh', title: 'Giấy tờ phải xuất trình', components };
}

function nhomBuuChinh(): Group {
  return {
    id: 'buu-chinh',
    title: 'Nếu gửi hồ sơ qua bưu chính',
    components: [{ name: 'Bản sao có chứng thực các giấy tờ phải xuất trình', copies: 1, required: true }],
  };
}

function nhomUyQuyen(viec: string): Group {
  return {
    id: 'uy-quyen',
    title: 'Ủy quyền cho người khác làm thủ tục',
    components: [
      {
        name: `Văn bản ủy quyền ${viec}`,
        originals: 1,
        required: true,
        note: 'Phải chứng thực, trừ khi người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột của người ủy quyền.',
      },
    ],
  };
}

const NOP_TRUC_TUYEN_THAY_TO_KHAI = 'Nộp trực tuyến thì khai biểu mẫu điện tử tương tác, không cần tờ khai giấy.';

function giayChungSinh(): Component {
  return {
    name: 'Giấy chứng sinh',
    originals: 1,
    required: true,
    note: 'Không có Giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận việc sinh; không có người làm chứng thì nộp giấy cam đoan về việc sinh. Không cần bản giấy nếu đã có Giấy chứng sinh điện tử.',
  };
}

function giayBaoTu(): Component {
  return {
    name: 'Giấy báo tử hoặc giấy tờ thay Giấy báo tử do cơ quan có thẩm quyền cấp',
    originals: 1,
    required: true,
    note: 'Không cần bản giấy nếu đã nộp Giấy báo tử điện tử hoặc cơ quan hộ tịch khai thác được dữ liệu có ký số.',
  };
}

// ---------------------------------------------------------------------------------------------
// Official forms (tờ khai). Civil-status forms: Circular 04/2020/TT-BTP as amended by 04/2024/TT-BTP.
// ---------------------------------------------------------------------------------------------

const NGUON_MAU_HO_TICH = 'Mẫu ban hành kèm Thông tư 04/2024/TT-BTP (sửa đổi, bổ sung Thông tư 04/2020/TT-BTP)';

const NGUOI_YEU_CAU = 'Họ, chữ đệm, tên; số định danh cá nhân hoặc giấy tờ tùy thân; nơi cư trú của người yêu cầu';

const TK_KHAI_SINH: Form = {
  id: 'tk-khai-sinh',
  title: 'Tờ khai đăng ký khai sinh',
  source: NGUON_MAU_HO_TICH,
  fields: [
    NGUOI_YEU_CAU,
    'Quan hệ với người được khai sinh',
    'Họ, chữ đệm, tên người được khai sinh',
    'Ngày, tháng, năm sinh (bằng số và bằng chữ)',
    'Giới tính',
    'Dân tộc; quốc tịch',
    'Nơi sinh',
    'Quê quán',
    'Họ, chữ đệm, tên; năm sinh; dân tộc; quốc tịch; nơi cư trú của người mẹ',
    'Họ, chữ đệm, tên; năm sinh; dân tộc; quốc tịch; nơi cư trú của người cha',
    'Số bản sao Giấy khai sinh đề nghị cấp',
    'Lời cam đoan, ngày khai, chữ ký người yêu cầu',
  ],
};

const TK_KET_HON: Form = {
  id: 'tk-ket-hon',
  title: 'Tờ khai đăng ký kết hôn',
  source: NGUON_MAU_HO_TICH,
  fields: [
    'Họ, chữ đệm, tên của bên nữ và bên nam',
    'Ngày, tháng, năm sinh của mỗi bên',
    'Dân tộc; quốc tịch của mỗi bên',
    'Nơi cư trú của mỗi bên',
    'Số định danh cá nhân hoặc giấy tờ tùy thân của mỗi bên',
    'Kết hôn lần thứ mấy',
    'Cam đoan tự nguyện kết hôn, đủ điều kiện kết hôn theo Luật Hôn nhân và gia đình',
    'Số bản sao Trích lục kết hôn đề nghị cấp',
    'Ngày khai, chữ ký của bên nữ và bên nam',
  ],
};

const TK_KHAI_TU: Form = {
  id: 'tk-khai-tu',
  title: 'Tờ khai đăng ký khai tử',
  source: NGUON_MAU_HO_TICH,
  fields: [
    NGUOI_YEU_CAU,
    'Quan hệ với người đã chết',
    'Họ, chữ đệm, tên người đã chết',
    'Ngày, tháng, năm sinh; giới tính; dân tộc; quốc tịch của người đã chết',
    'Số định danh cá nhân hoặc giấy tờ tùy thân của người đã chết',
    'Nơi cư trú cuối cùng',
    'Thời điểm chết (giờ, phút, ngày, tháng, năm)',
    'Nơi chết',
    'Nguyên nhân chết',
    'Số, ngày cấp, cơ quan cấp Giấy báo tử hoặc giấy tờ thay thế',
    'Số bản sao Trích lục khai tử đề nghị cấp',
    'Lời cam đoan, ngày khai, chữ ký người yêu cầu',
  ],
};

const TK_XAC_NHAN_TTHN: Form = {
  id: 'tk-xac-nhan-tinh-trang-hon-nhan',
  title: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân',
  source: NGUON_MAU_HO_TICH,
  fields: [
    NGUOI_YEU_CAU,
    'Quan hệ với người được cấp giấy xác nhận',
    'Họ, chữ đệm, tên người được xác nhận',
    'Ngày, tháng, năm sinh; giới tính; dân tộc; quốc tịch',
    'Số định danh cá nhân hoặc giấy tờ tùy thân',
    'Nơi cư trú',
    'Thời gian cư trú tại nơi đề nghị xác nhận (từ ngày … đến ngày …)',
    'Tình trạng hôn nhân hiện nay',
    'Mục đích sử dụng giấy xác nhận',
    'Số lượng giấy xác nhận đề nghị cấp',
    'Lời cam đoan, ngày khai, chữ ký người yêu cầu',
  ],
};

const TK_BAN_SAO_TRICH_LUC: Form = {
  id: 'tk-cap-ban-sao-trich-luc',
  title: 'Tờ khai đề nghị cấp bản sao trích lục hộ tịch',
  source: NGUON_MAU_HO_TICH,
  fields: [
    NGUOI_YEU_CAU,
    'Quan hệ với người được cấp bản sao',
    'Loại việc hộ tịch cần bản sao (khai sinh, kết hôn, khai tử…)',
    'Họ, chữ đệm, tên người có sự kiện hộ tịch',
    'Ngày, tháng, năm sinh; giới tính',
    'Số định danh cá nhân (nếu có)',
    'Cơ quan đã đăng ký; số, quyển, ngày đăng ký (nếu biết)',
    'Số lượng bản sao đề nghị cấp',
    'Mục đích sử dụng',
    'Ngày khai, chữ ký người yêu cầu',
  ],
};

const TK_DANG_KY_LAI_KHAI_SINH: Form = {
  id: 'tk-dang-ky-lai-khai-sinh',
  title: 'Tờ khai đăng ký lại khai sinh',
  source: NGUON_MAU_HO_TICH,
  fields: [
    NGUOI_YEU_CAU,
    'Quan hệ với người được đăng ký lại khai sinh',
    'Họ, chữ đệm, tên người được đăng ký lại khai sinh',
    'Ngày, tháng, năm sinh; giới tính',
    'Dân tộc; quốc tịch; nơi sinh; quê quán',
    'Thông tin về người mẹ và người cha',
    'Nơi đã đăng ký khai sinh trước đây; số, ngày đăng ký (nếu biết)',
    'Cam đoan không còn bản chính Giấy khai sinh và đã nộp đủ giấy tờ hiện có',
    'Ngày khai, chữ ký người yêu cầu',
  ],
};

const TK_DANG_KY_LAI_KET_HON: Form = {
  id: 'tk-dang-ky-lai-ket-hon',
  title: 'Tờ khai đăng ký lại kết hôn',
  source: NGUON_MAU_HO_TICH,
  fields: [
    'Họ, chữ đệm, tên của bên vợ và bên chồng',
    'Ngày, tháng, năm sinh của mỗi bên',
    'Dân tộc; quốc tịch của mỗi bên',
    'Nơi cư trú của mỗi bên',
    'Số định danh cá nhân hoặc giấy tờ tùy thân của mỗi bên',
    'Nơi đã đăng ký kết hôn trước đây; ngày đăng ký',
    'Lý do đăng ký lại',
    'Lời cam đoan, ngày khai, chữ ký của hai bên',
  ],
};

const TK_DANG_KY_LAI_KHAI_TU: Form = {
  id: 'tk-dang-ky-lai-khai-tu',
  title: 'Tờ khai đăng ký lại khai tử',
  source: NGUON_MAU_HO_TICH,
  fields: [
    NGUOI_YEU_CAU,
    'Quan hệ với người đã chết',
    'Họ, chữ đệm, tên người đã chết',
    'Ngày, tháng, năm sinh; giới tính; dân tộc; quốc tịch',
    'Nơi cư trú cuối cùng',
    'Thời điểm chết, nơi chết, nguyên nhân chết',
    'Nơi đã đăng ký khai tử trước đây; ngày đăng ký',
    'Lý do đăng ký lại',
    'Lời cam đoan, ngày khai, chữ ký người yêu cầu',
  ],
};

const TK_NHAN_CHA_ME_CON: Form = {
  id: 'tk-nhan-cha-me-con',
  title: 'Tờ khai đăng ký nhận cha, mẹ, con',
  source: NGUON_MAU_HO_TICH,
  fields: [
    'Họ, chữ đệm, tên người nhận (cha, mẹ hoặc con)',
    'Ngày, tháng, năm sinh; dân tộc; quốc tịch của người nhận',
    'Nơi cư trú; số định danh cá nhân hoặc giấy tờ tùy thân của người nhận',
    'Họ, chữ đệm, tên người được nhận',
    'Ngày, tháng, năm sinh; dân tộc; quốc tịch của người được nhận',
    'Nơi cư trú; số định danh cá nhân hoặc giấy tờ tùy thân của người được nhận',
    'Quan hệ nhận (nhận cha, nhận mẹ, nhận con)',
    'Số bản sao Trích lục đề nghị cấp',
    'Lời cam đoan, ngày khai, chữ ký các bên',
  ],
};

const TK_GIAM_HO: Form = {
  id: 'tk-giam-ho',
  title: 'Tờ khai đăng ký giám hộ',
  source: NGUON_MAU_HO_TICH,
  fields: [
    NGUOI_YEU_CAU,
    'Họ, chữ đệm, tên; ngày sinh; nơi cư trú; giấy tờ tùy thân của người giám hộ',
    'Họ, chữ đệm, tên; ngày sinh; nơi cư trú; giấy tờ tùy thân của người được giám hộ',
    'Loại giám hộ (giám hộ đương nhiên hoặc giám hộ cử)',
    'Căn cứ xác lập giám hộ (văn bản cử, quan hệ giám hộ đương nhiên)',
    'Số bản sao Trích lục đề nghị cấp',
    'Lời cam đoan, ngày khai, chữ ký người yêu cầu',
  ],
};

const TK_CHAM_DUT_GIAM_HO: Form = {
  id: 'tk-cham-dut-giam-ho',
  title: 'Tờ khai đăng ký chấm dứt giám hộ',
  source: NGUON_MAU_HO_TICH,
  fields: [
    NGUOI_YEU_CAU,
    'Họ, chữ đệm, tên; ngày sinh; nơi cư trú của người giám hộ',
    'Họ, chữ đệm, tên; ngày sinh; nơi cư trú của người được giám hộ',
    'Nơi đã đăng ký giám hộ; số, ngày đăng ký',
    'Lý do chấm dứt giám hộ',
    'Số bản sao Trích lục đề nghị cấp',
    'Lời cam đoan, ngày khai, chữ ký người yêu cầu',
  ],
};

const TK_THAY_DOI_CAI_CHINH: Form = {
  id: 'tk-thay-doi-cai-chinh-ho-tich',
  title: 'Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc',
  source: NGUON_MAU_HO_TICH,
  fields: [
    NGUOI_YEU_CAU,
    'Quan hệ với người có thông tin cần thay đổi',
    'Họ, chữ đệm, tên; ngày sinh; giới tính; dân tộc; quốc tịch của người đó',
    'Số định danh cá nhân; nơi cư trú',
    'Giấy tờ hộ tịch có thông tin cần sửa (loại giấy, số, nơi và ngày đăng ký)',
    'Loại yêu cầu: thay đổi, cải chính, bổ sung thông tin hay xác định lại dân tộc',
    'Nội dung hiện ghi và nội dung đề nghị ghi lại',
    'Lý do',
    'Số bản sao Trích lục đề nghị cấp',
    'Lời cam đoan, ngày khai, chữ ký người yêu cầu',
  ],
};

const TK_XAC_NHAN_THONG_TIN_HO_TICH: Form = {
  id: 'tk-xac-nhan-thong-tin-ho-tich',
  title: 'Tờ khai đề nghị xác nhận thông tin hộ tịch',
  source: NGUON_MAU_HO_TICH,
  fields: [
    NGUOI_YEU_CAU,
    'Quan hệ với người được xác nhận thông tin',
    'Họ, chữ đệm, tên; ngày sinh; giới tính của người được xác nhận',
    'Số định danh cá nhân của người được xác nhận',
    'Việc hộ tịch đã đăng ký cần xác nhận (loại việc, nơi và ngày đăng ký)',
    'Nội dung thông tin đề nghị xác nhận',
    'Mục đích sử dụng',
    'Số lượng văn bản đề nghị cấp',
    'Ngày khai, chữ ký người yêu cầu',
  ],
};

const TK_THAM_GIA_BHYT: Form = {
  id: 'tk-tham-gia-bhyt-tre-em',
  title: 'Tờ khai tham gia bảo hiểm y tế (kèm Danh sách đề nghị cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi)',
  source: 'Mẫu của Bảo hiểm xã hội Việt Nam (tờ khai TK1-TS)',
  fields: [
    'Họ, chữ đệm, tên của trẻ',
    'Ngày, tháng, năm sinh; giới tính',
    'Dân tộc; quốc tịch',
    'Nơi cấp Giấy khai sinh',
    'Số định danh cá nhân của trẻ (nếu đã có)',
    'Họ, chữ đệm, tên cha, mẹ hoặc người giám hộ',
    'Địa chỉ nhận kết quả; số điện thoại liên hệ',
    'Nơi đăng ký khám, chữa bệnh ban đầu',
    'Ngày khai, chữ ký của cha, mẹ hoặc người giám hộ',
  ],
};

const PHIEU_BAO_THAY_DOI_HO_KHAU: Form = {
  id: 'phieu-bao-thay-doi-ho-khau-nhan-khau',
  title: 'Phiếu báo thay đổi hộ khẩu, nhân khẩu',
  source: 'Mẫu HK02 ban hành kèm Thông tư 36/2014/TT-BCA (nay thay bằng Tờ khai thay đổi thông tin cư trú)',
  fields: [
    'Họ, chữ đệm, tên; giới tính; ngày sinh của trẻ',
    'Dân tộc; quốc tịch',
    'Nơi sinh; nguyên quán (quê quán)',
    'Địa chỉ đăng ký thường trú',
    'Họ, tên chủ hộ và quan hệ của trẻ với chủ hộ',
    'Nội dung thay đổi (đăng ký thường trú cho trẻ mới sinh)',
    'Ý kiến của chủ hộ',
    'Ngày khai, chữ ký người khai',
  ],
};

// ---------------------------------------------------------------------------------------------
// The 20 procedures
// ---------------------------------------------------------------------------------------------

export const hoTich: ProcedureInput[] = [
  // 1 -------------------------------------------------------------------------------------------
  {
    code: '1.001193',
    name: 'Thủ tục đăng ký khai sinh',
    field: 'Hộ tịch',
    levels: ['Cấp xã'],
    type: 'TTHC được giao luật quy định chi tiết',
    applicants: 'Công dân Việt Nam; người Việt Nam định cư ở nước ngoài',
    agency: 'Ủy ban nhân dân cấp xã',
    submitAt: '',
    steps: [
      'Chuẩn bị Tờ khai đăng ký khai sinh và Giấy chứng sinh (hoặc giấy tờ thay thế) của trẻ.',
      'Nộp hồ sơ tại Trung tâm Phục vụ hành chính công, nộp trực tuyến trên Cổng dịch vụ công quốc gia hoặc ứng dụng VNeID, hoặc gửi qua bưu chính.',
      'Cán bộ kiểm tra hồ sơ: đủ thì nhận và hẹn trả kết quả, thiếu thì hướng dẫn bổ sung một lần.',
      'Công chức tư pháp - hộ tịch ghi Sổ đăng ký khai sinh, cập nhật phần mềm hộ tịch và lấy số định danh cá nhân cho trẻ.',
      'Lãnh đạo Ủy ban nhân dân cấp xã ký Giấy khai sinh; người yêu cầu nhận kết quả tại Trung tâm hoặc bản điện tử.',
    ],
    channels: baKenh(
      ngayLamViec(1),
      '1 ngày làm việc; hồ sơ nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo',
      [{ label: 'Lệ phí đăng ký khai sinh', amount: 0, basis: 'per_case' }, banSaoTheoYeuCau('Giấy khai sinh')],
      phiBanSao('Giấy khai sinh'),
    ),
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp',
        components: [
          { name: 'Tờ khai đăng ký khai sinh', form: 'tk-khai-sinh', originals: 1, required: true, note: NOP_TRUC_TUYEN_THAY_TO_KHAI, replacedByEForm: true },
          giayChungSinh(),
        ],
      },
      {
        id: 'tre-bi-bo-roi',
        title: 'Trẻ bị bỏ rơi',
        components: [
          {
            name: 'Biên bản về việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập',
            originals: 1,
            required: true,
            note: 'Nộp thay cho Giấy chứng sinh.',
          },
        ],
      },
      {
        id: 'mang-thai-ho',
        title: 'Trẻ sinh ra do mang thai hộ',
        components: [
          {
            name: 'Văn bản xác nhận của cơ sở y tế đã thực hiện kỹ thuật hỗ trợ sinh sản cho việc mang thai hộ',
            originals: 1,
            required: true,
          },
        ],
      },
      {
        id: 'uy-quyen',
        title: 'Ủy quyền cho người khác đi đăng ký',
        components: [
          {
            name: 'Văn bản ủy quyền đăng ký khai sinh',
            originals: 1,
            required: true,
            note: 'Phải chứng thực, trừ khi người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột. Ông, bà hoặc người thân thích đi khai sinh thay thì không cần ủy quyền nhưng phải thống nhất nội dung với cha, mẹ trẻ.',
          },
        ],
      },
      nhomXuatTrinh(tuyThan(' của người đi đăng ký'), cuTru()),
      nhomBuuChinh(),
    ],
    forms: [TK_KHAI_SINH],
    results: [{ name: 'Giấy khai sinh', code: 'KQ.G15.000031' }],
    conditions:
      'Cha hoặc mẹ đăng ký khai sinh cho con trong 60 ngày kể từ ngày sinh; nếu cha, mẹ không thể đi thì ông, bà, người thân thích hoặc người đang nuôi dưỡng trẻ đăng ký.',
    legalBasis: canCu(
      '60/2014/QH13', '66.7/2025/NQ-CP', '18/2026/NĐ-CP', '07/2025/NĐ-CP', '120/2025/NĐ-CP', '104/2022/NĐ-CP',
      '87/2020/NĐ-CP', '123/2015/NĐ-CP', '08/2025/TT-BTP', '04/2024/TT-BTP', '03/2023/TT-BTP', '01/2022/TT-BTP',
      '106/2021/TT-BTC', '04/2020/TT-BTP', '85/2019/TT-BTC',
    ),
    onlineLevel: 'full',
    summary:
      'Dùng khi đăng ký khai sinh cho trẻ mới sinh; cha mẹ nên làm trong 60 ngày kể từ ngày sinh. Kết quả là Giấy khai sinh có số định danh cá nhân của trẻ, không mất lệ phí.',
    exemptions: [],
    keywords: [
      'làm giấy khai sinh',
      'khai sinh cho con',
      'đăng ký khai sinh cho bé',
      'giấy khai sinh',
      'làm khai sinh online',
      'giấy chứng sinh',
      'đặt tên cho con',
      'con mới sinh',
    ],
    decision: '163/QĐ-BTP',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7',
  },

  // 2 -------------------------------------------------------------------------------------------
  {
    code: '1.000894',
    name: 'Thủ tục đăng ký kết hôn',
    field: 'Hộ tịch',
    levels: ['Cấp xã'],
    type: 'TTHC được giao luật quy định chi tiết',
    applicants: 'Công dân Việt Nam',
    agency: 'Ủy ban nhân dân cấp xã',
    submitAt: '',
    steps: [
      'Hai bên nam, nữ khai Tờ khai đăng ký kết hôn (có thể khai chung một tờ) hoặc khai trực tuyến trên Cổng dịch vụ công quốc gia, ứng dụng VNeID.',
      'Nộp hồ sơ tại Trung tâm Phục vụ hành chính công, trực tuyến hoặc qua bưu chính; cán bộ tự tra cứu tình trạng hôn nhân của hai bên trong cơ sở dữ liệu.',
      'Công chức tư pháp - hộ tịch kiểm tra điều kiện kết hôn, ghi Sổ đăng ký kết hôn và trình lãnh đạo Ủy ban nhân dân cấp xã ký Giấy chứng nhận kết hôn.',
      'Hai bên cùng có mặt, xuất trình giấy tờ tùy thân, ký vào Sổ và Giấy chứng nhận kết hôn; mỗi bên nhận 01 bản chính.',
    ],
    channels: baKenh(
      ngayLamViec(1),
      '1 ngày làm việc; lâu hơn nếu phải xác minh tình trạng hôn nhân ở nơi khác',
      [{ label: 'Lệ phí đăng ký kết hôn', amount: 0, basis: 'per_case' }, banSaoTheoYeuCau('Trích lục kết hôn')],
      phiBanSao('Trích lục kết hôn'),
    ),
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp',
        components: [
          {
            name: 'Tờ khai đăng ký kết hôn có đủ thông tin của hai bên',
            form: 'tk-ket-hon',
            originals: 1,
            required: true,
            note: `Hai bên có thể khai chung một tờ khai. ${NOP_TRUC_TUYEN_THAY_TO_KHAI}`,
            replacedByEForm: true,
          },
        ],
      },
      nhomXuatTrinh(tuyThan(' của cả hai bên'), cuTru()),
      nhomBuuChinh(),
    ],
    forms: [TK_KET_HON],
    results: [{ name: 'Giấy chứng nhận kết hôn', code: 'KQ.G15.000032' }],
    conditions:
      'Hai bên đủ điều kiện kết hôn theo Luật Hôn nhân và gia đình và cùng có mặt khi nhận Giấy chứng nhận kết hôn. Người đã ly hôn, hủy việc kết hôn ở nước ngoài phải ghi vào sổ hộ tịch việc ly hôn đó trước.',
    legalBasis: canCu(
      '52/2014/QH13', '60/2014/QH13', '66.7/2025/NQ-CP', '18/2026/NĐ-CP', '07/2025/NĐ-CP', '120/2025/NĐ-CP',
      '104/2022/NĐ-CP', '87/2020/NĐ-CP', '123/2015/NĐ-CP', '08/2025/TT-BTP', '04/2024/TT-BTP', '03/2023/TT-BTP',
      '01/2022/TT-BTP', '106/2021/TT-BTC', '04/2020/TT-BTP', '85/2019/TT-BTC',
    ),
    onlineLevel: 'partial',
    summary:
      'Dùng khi hai công dân Việt Nam muốn đăng ký kết hôn tại Ủy ban nhân dân cấp xã. Kết quả là Giấy chứng nhận kết hôn, mỗi bên giữ 01 bản chính; không mất lệ phí.',
    exemptions: [],
    keywords: [
      'đăng ký kết hôn',
      'lấy vợ',
      'lấy chồng',
      'giấy đăng ký kết hôn',
      'giấy chứng nhận kết hôn',
      'làm giấy kết hôn',
      'cưới',
      'đăng ký kết hôn online',
    ],
    decision: '163/QĐ-BTP',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fac-7489-b53b-a15eb239a6fe',
  },

  // 3 -------------------------------------------------------------------------------------------
  {
    code: '1.000656',
    name: 'Thủ tục đăng ký khai tử',
    field: 'Hộ tịch',
    levels: ['Cấp xã'],
    type: 'TTHC được giao luật quy định chi tiết',
    applicants: 'Công dân Việt Nam',
    agency: 'Ủy ban nhân dân cấp xã',
    submitAt: '',
    steps: [
      'Người thân của người đã mất chuẩn bị Tờ khai đăng ký khai tử và Giấy báo tử hoặc giấy tờ thay thế.',
      'Nộp hồ sơ tại Trung tâm Phục vụ hành chính công, trực tuyến trên Cổng dịch vụ công quốc gia, ứng dụng VNeID hoặc qua bưu chính; nộp lệ phí nếu có.',
      'Cán bộ kiểm tra hồ sơ, hẹn trả kết quả hoặc hướng dẫn bổ sung.',
      'Công chức tư pháp - hộ tịch ghi Sổ đăng ký khai tử, cập nhật phần mềm hộ tịch; lãnh đạo Ủy ban nhân dân cấp xã ký Trích lục khai tử.',
      'Người yêu cầu nhận Trích lục khai tử tại Trung tâm hoặc bản điện tử.',
    ],
    channels: baKenh(
      ngayLamViec(1),
      '1 ngày làm việc; hồ sơ nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo',
      [
        {
          label: 'Lệ phí đăng ký khai tử đúng hạn',
          amount: 0,
          basis: 'per_case',
          note: 'Đăng ký trong 15 ngày kể từ ngày chết',
        },
        banSaoTheoYeuCau('Trích lục khai tử'),
      ],
      `Đăng ký quá hạn: lệ phí theo mức thu do HĐND tỉnh quy định, miễn cho người thuộc gia đình có công với cách mạng, hộ nghèo, người khuyết tật. ${phiBanSao('Trích lục khai tử')}`,
    ),
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp',
        components: [
          { name: 'Tờ khai đăng ký khai tử', form: 'tk-khai-tu', originals: 1, required: true, note: NOP_TRUC_TUYEN_THAY_TO_KHAI, replacedByEForm: true },
          giayBaoTu(),
        ],
      },
      {
        id: 'chet-da-lau',
        title: 'Người chết đã lâu, không có Giấy báo tử hoặc giấy tờ thay thế',
        components: [
          {
            name: 'Giấy tờ, tài liệu, chứng cứ chứng minh sự kiện chết do cơ quan, tổ chức có thẩm quyền cấp hoặc xác nhận',
            originals: 1,
            required: true,
          },
        ],
      },
      nhomUyQuyen('đăng ký khai tử'),
      nhomXuatTrinh(
        tuyThan(' của người đi đăng ký'),
        cuTru('Giấy tờ chứng minh nơi cư trú cuối cùng của người chết'),
        {
          name: 'Giấy tờ chứng minh nơi người đó chết hoặc nơi phát hiện thi thể',
          originals: 1,
          required: true,
          note: `${XUAT_TRINH}. Chỉ khi không xác định được nơi cư trú cuối cùng của người chết.`,
        },
      ),
      nhomBuuChinh(),
    ],
    forms: [TK_KHAI_TU],
    results: [{ name: 'Trích lục khai tử', code: 'KQ.G15.000034' }],
    conditions:
      'Vợ, chồng, con, cha, mẹ hoặc người thân thích đi khai tử trong 15 ngày kể từ ngày người đó chết; người chết không có người thân thì cơ quan, tổ chức, cá nhân liên quan đi khai tử.',
    legalBasis: canCu(
      '60/2014/QH13', '66.7/2025/NQ-CP', '18/2026/NĐ-CP', '07/2025/NĐ-CP', '120/2025/NĐ-CP', '104/2022/NĐ-CP',
      '87/2020/NĐ-CP', '123/2015/NĐ-CP', '08/2025/TT-BTP', '04/2024/TT-BTP', '03/2023/TT-BTP', '01/2022/TT-BTP',
      '106/2021/TT-BTC', '04/2020/TT-BTP', '85/2019/TT-BTC',
    ),
    onlineLevel: 'full',
    summary:
      'Dùng khi gia đình cần đăng ký khai tử cho người thân đã mất, nên làm trong 15 ngày kể từ ngày mất. Kết quả là Trích lục khai tử.',
    exemptions: [
      'Miễn lệ phí khi đăng ký khai tử đúng hạn (trong 15 ngày kể từ ngày chết)',
      MIEN_LE_PHI_DOI_TUONG,
    ],
    keywords: [
      'khai tử',
      'làm giấy chứng tử',
      'giấy chứng tử',
      'báo tử',
      'người nhà mất',
      'trích lục khai tử',
      'khai tử cho bố mẹ',
      'giấy báo tử',
    ],
    decision: '163/QĐ-BTP',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fac-7489-b53b-9c6c958f2da4',
  },

  // 4 -------------------------------------------------------------------------------------------
  {
    code: '1.004873',
    name: 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân',
    field: 'Hộ tịch',
    levels: ['Cấp xã'],
    type: 'TTHC được giao luật quy định chi tiết',
    applicants: 'Công dân Việt Nam; người Việt Nam định cư ở nước ngoài',
    agency: 'Ủy ban nhân dân cấp xã',
    submitAt: '',
    steps: [
      'Khai Tờ khai cấp Giấy xác nhận tình trạng hôn nhân, ghi rõ mục đích sử dụng (để kết hôn hay việc khác).',
      'Nộp hồ sơ tại Trung tâm Phục vụ hành chính công, trực tuyến trên Cổng dịch vụ công quốc gia, ứng dụng VNeID hoặc qua bưu chính; nộp lệ phí nếu có.',
      'Cán bộ tra cứu tình trạng hôn nhân trong cơ sở dữ liệu hộ tịch, dân cư; nếu chưa có dữ liệu thì đề nghị nơi cư trú hoặc nơi đăng ký kết hôn trước đây xác minh trong 3 ngày làm việc.',
      'Lãnh đạo Ủy ban nhân dân cấp xã ký Giấy xác nhận tình trạng hôn nhân; người yêu cầu nhận tại Trung tâm hoặc bản điện tử.',
    ],
    channels: baKenh(ngayLamViec(3), '3 ngày làm việc', [], LE_PHI_HDND),
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp',
        components: [
          {
            name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân',
            form: 'tk-xac-nhan-tinh-trang-hon-nhan',
            originals: 1,
            required: true,
            note: NOP_TRUC_TUYEN_THAY_TO_KHAI,
            replacedByEForm: true,
          },
        ],
      },
      {
        id: 'cap-lai',
        title: 'Xin cấp lại Giấy xác nhận tình trạng hôn nhân',
        components: [
          {
            name: 'Giấy xác nhận tình trạng hôn nhân đã được cấp trước đó',
            originals: 1,
            required: true,
            note: 'Nộp lại khi xin giấy mới để dùng vào mục đích khác hoặc vì giấy cũ đã hết thời hạn sử dụng. Xin lại để kết hôn mà không nộp lại được thì phải trình bày rõ lý do.',
          },
        ],
      },
      {
        id: 'da-ly-hon-hoac-goa',
        title: 'Đã ly hôn hoặc vợ, chồng đã chết',
        components: [
          {
            name: 'Thông tin về bản án, quyết định ly hôn hoặc Giấy chứng tử, Trích lục khai tử (cơ quan cấp, số, ngày)',
            required: true,
            note: 'Chỉ cần cung cấp thông tin để cán bộ tra cứu. Ly hôn, hủy kết hôn ở nước ngoài thì cung cấp thông tin của Trích lục ghi chú ly hôn.',
          },
        ],
      },
      {
        id: 'nhieu-noi-thuong-tru',
        title: 'Đã từng thường trú ở nhiều nơi',
        components: [
          {
            name: 'Giấy tờ chứng minh tình trạng hôn nhân tại nơi thường trú trước đây',
            originals: 1,
            required: false,
            note: 'Nộp nếu có.',
          },
        ],
      },
      nhomUyQuyen('xin cấp Giấy xác nhận tình trạng hôn nhân'),
      nhomXuatTrinh(tuyThan(), cuTru()),
      nhomBuuChinh(),
    ],
    forms: [TK_XAC_NHAN_TTHN],
    results: [{ name: 'Giấy xác nhận tình trạng hôn nhân', code: 'KQ.G15.000038' }],
    conditions:
      'Không cấp để kết hôn với người cùng giới tính hoặc kết hôn với người nước ngoài tại cơ quan đại diện nước ngoài ở Việt Nam. Giấy xin để kết hôn chỉ được cấp 01 bản.',
    legalBasis: canCu(
      '60/2014/QH13', '52/2014/QH13', '66.7/2025/NQ-CP', '18/2026/NĐ-CP', '07/2025/NĐ-CP', '120/2025/NĐ-CP',
      '104/2022/NĐ-CP', '87/2020/NĐ-CP', '123/2015/NĐ-CP', '08/2025/TT-BTP', '04/2024/TT-BTP', '03/2023/TT-BTP',
      '01/2022/TT-BTP', '106/2021/TT-BTC', '04/2020/TT-BTP', '85/2019/TT-BTC',
    ),
    onlineLevel: 'full',
    summary:
      'Dùng khi cần giấy xác nhận độc thân (tình trạng hôn nhân) để đăng ký kết hôn hoặc dùng vào việc khác. Kết quả là Giấy xác nhận tình trạng hôn nhân ghi rõ mục đích sử dụng.',
    exemptions: [MIEN_LE_PHI_DOI_TUONG],
    keywords: [
      'xác nhận độc thân',
      'giấy xác nhận tình trạng hôn nhân',
      'giấy độc thân',
      'xin giấy độc thân',
      'chứng nhận độc thân',
      'xác nhận chưa kết hôn',
      'giấy xác nhận hôn nhân',
    ],
    decision: '163/QĐ-BTP',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-6eb3-7019-bf3f-fc58c9ee44b9',
  },

  // 5 -------------------------------------------------------------------------------------------
  {
    code: '2.000635',
    name: 'Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh',
    field: 'Hộ tịch',
    levels: ['Cấp tỉnh', 'Cấp xã'],
    type: 'TTHC không được luật giao cho địa phương quy định',
    applicants: 'Công dân Việt Nam; cơ quan, tổ chức (không bao gồm doanh nghiệp, hợp tác xã)',
    agency: 'Cơ quan quản lý Cơ sở dữ liệu hộ tịch điện tử (Sở Tư pháp, Ủy ban nhân dân cấp xã)',
    submitAt: '',
    steps: [
      'Cá nhân khai Tờ khai đề nghị cấp bản sao trích lục hộ tịch; cơ quan, tổ chức gửi văn bản yêu cầu nêu rõ lý do.',
      'Nộp tại Trung tâm Phục vụ hành chính công, trực tuyến trên Cổng dịch vụ công quốc gia, ứng dụng VNeID hoặc qua bưu chính; nộp phí 8.000 đồng/bản.',
      'Cán bộ tra cứu sự kiện hộ tịch đã đăng ký trong Cơ sở dữ liệu hộ tịch điện tử.',
      'Thủ trưởng cơ quan quản lý Cơ sở dữ liệu hộ tịch điện tử ký bản sao; người yêu cầu nhận tại Trung tâm hoặc bản điện tử.',
    ],
    channels: baKenh(
      ngayLamViec(1),
      'Trong ngày làm việc; hồ sơ nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo',
      [{ label: 'Phí cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh', amount: 8000, basis: 'per_copy' }],
      '',
    ),
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp',
        components: [
          {
            name: 'Tờ khai đề nghị cấp bản sao trích lục hộ tịch (cá nhân)',
            form: 'tk-cap-ban-sao-trich-luc',
            originals: 1,
            required: true,
            note: NOP_TRUC_TUYEN_THAY_TO_KHAI,
            replacedByEForm: true,
          },
        ],
      },
      {
        id: 'co-quan-to-chuc',
        title: 'Cơ quan, tổ chức yêu cầu',
        components: [
          { name: 'Văn bản yêu cầu cấp bản sao trích lục hộ tịch, nêu rõ lý do', originals: 1, required: true, note: 'Thay cho tờ khai.' },
        ],
      },
      nhomUyQuyen('yêu cầu cấp bản sao trích lục hộ tịch'),
      nhomXuatTrinh(tuyThan(), cuTru()),
      nhomBuuChinh(),
    ],
    forms: [TK_BAN_SAO_TRICH_LUC],
    results: [{ name: 'Bản sao Trích lục hộ tịch, bản sao Giấy khai sinh', code: 'KQ.G15.000342' }],
    conditions:
      'Phải cung cấp đủ, đúng thông tin để tra cứu được sự kiện hộ tịch đã đăng ký; không tra cứu được thì bị từ chối.',
    legalBasis: canCu(
      '60/2014/QH13', '66.7/2025/NQ-CP', '18/2026/NĐ-CP', '07/2025/NĐ-CP', '120/2025/NĐ-CP', '87/2020/NĐ-CP',
      '123/2015/NĐ-CP', '08/2025/TT-BTP', '04/2024/TT-BTP', '03/2023/TT-BTP', '01/2022/TT-BTP', '106/2021/TT-BTC',
      '04/2020/TT-BTP', '85/2019/TT-BTC', '281/2016/TT-BTC',
    ),
    onlineLevel: 'full',
    summary:
      'Dùng khi cần thêm bản sao Giấy khai sinh hoặc bản sao trích lục kết hôn, khai tử… của việc hộ tịch đã đăng ký. Kết quả là bản sao có giá trị như bản chính, phí 8.000 đồng/bản.',
    exemptions: [],
    keywords: [
      'bản sao giấy khai sinh',
      'trích lục khai sinh',
      'trích lục kết hôn',
      'xin bản sao trích lục',
      'trích lục hộ tịch',
      'mất giấy khai sinh',
      'sao giấy khai sinh',
      'bản sao giấy đăng ký kết hôn',
    ],
    decision: '163/QĐ-BTP',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-867c-72db-b6a7-dcbd8c763807',
  },

  // 6 -------------------------------------------------------------------------------------------
  {
    code: '1.004884',
    name: 'Thủ tục đăng ký lại khai sinh',
    field: 'Hộ tịch',
    levels: ['Cấp xã'],
    type: 'TTHC được giao luật quy định chi tiết',
    applicants: 'Công dân Việt Nam',
    agency: 'Ủy ban nhân dân cấp xã',
    submitAt: '',
    steps: [
      'Khai Tờ khai đăng ký lại khai sinh, cam đoan không còn bản chính Giấy khai sinh và đã nộp đủ giấy tờ hiện có.',
      'Nộp kèm bản sao các giấy tờ có thông tin khai sinh tại Trung tâm Phục vụ hành chính công, trực tuyến hoặc qua bưu chính; nộp lệ phí nếu có.',
      'Cán bộ tra cứu việc khai sinh trước đây trong Cơ sở dữ liệu hộ tịch điện tử để xác định có đủ điều kiện đăng ký lại.',
      'Nếu giấy tờ không thể hiện quan hệ cha, mẹ, con thì cơ quan hộ tịch đề nghị công an xác minh; không có thông tin thì người yêu cầu lập văn bản cam đoan.',
      'Công chức tư pháp - hộ tịch ghi Sổ đăng ký khai sinh; lãnh đạo Ủy ban nhân dân cấp xã ký Giấy khai sinh và trả kết quả.',
    ],
    channels: baKenh(ngayLamViec(5), '5 ngày làm việc', [], `${LE_PHI_HDND} ${phiBanSao('Giấy khai sinh')}`),
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp',
        components: [
          {
            name: 'Tờ khai đăng ký lại khai sinh (có lời cam đoan đã nộp đủ giấy tờ hiện có)',
            form: 'tk-dang-ky-lai-khai-sinh',
            originals: 1,
            required: true,
            note: NOP_TRUC_TUYEN_THAY_TO_KHAI,
            replacedByEForm: true,
          },
          {
            name: 'Bản sao Giấy khai sinh cũ (chứng thực hoặc cấp từ sổ), hoặc giấy tờ thay Giấy khai sinh cấp trước năm 1945 ở miền Bắc, trước năm 1975 ở miền Nam',
            copies: 1,
            required: false,
            note: 'Nộp nếu có.',
          },
        ],
      },
      {
        id: 'khong-co-ban-sao',
        title: 'Không còn bản sao Giấy khai sinh',
        components: [
          {
            name: 'Bản sao các giấy tờ có thông tin khai sinh: căn cước, căn cước công dân hoặc hộ chiếu; giấy tờ cư trú; bằng tốt nghiệp, giấy chứng nhận, chứng chỉ, học bạ, hồ sơ học tập…',
            copies: 1,
            required: true,
            note: 'Nộp đủ các giấy tờ mình có và cam đoan đã nộp đủ.',
          },
        ],
      },
      {
        id: 'can-bo-luc-luong-vu-trang',
        title: 'Người yêu cầu là cán bộ, công chức, viên chức hoặc đang công tác trong lực lượng vũ trang',
        components: [
          {
            name: 'Văn bản xác nhận của thủ trưởng cơ quan, đơn vị về nội dung khai sinh (họ tên, giới tính, ngày sinh, dân tộc, quốc tịch, quê quán, quan hệ cha, mẹ, con)',
            originals: 1,
            required: true,
            note: 'Không cần nếu cơ quan hộ tịch tra cứu được các thông tin này qua cơ sở dữ liệu.',
          },
        ],
      },
      nhomUyQuyen('đăng ký lại khai sinh'),
      nhomXuatTrinh(tuyThan(), cuTru()),
      nhomBuuChinh(),
    ],
    forms: [TK_DANG_KY_LAI_KHAI_SINH],
    results: [{ name: 'Giấy khai sinh', code: 'KQ.G15.000031' }],
    conditions:
      'Chỉ đăng ký lại khi việc khai sinh đã được đăng ký tại cơ quan có thẩm quyền của Việt Nam nhưng sổ hộ tịch và bản chính Giấy khai sinh đều không còn.',
    legalBasis: canCu(
      '60/2014/QH13', '66.7/2025/NQ-CP', '18/2026/NĐ-CP', '07/2025/NĐ-CP', '120/2025/NĐ-CP', '104/2022/NĐ-CP',
      '87/2020/NĐ-CP', '123/2015/NĐ-CP', '08/2025/TT-BTP', '04/2024/TT-BTP', '03/2023/TT-BTP', '09/2022/TT-BTP',
      '01/2022/TT-BTP', '106/2021/TT-BTC', '04/2020/TT-BTP', '85/2019/TT-BTC',
    ),
    onlineLevel: 'full',
    summary:
      'Dùng khi đã từng đăng ký khai sinh nhưng cả sổ hộ tịch và bản chính Giấy khai sinh đều bị mất. Kết quả là Giấy khai sinh được đăng ký lại.',
    exemptions: [MIEN_LE_PHI_DOI_TUONG],
    keywords: [
      'đăng ký lại khai sinh',
      'làm lại giấy khai sinh',
      'mất giấy khai sinh gốc',
      'giấy khai sinh bị mất',
      'khai sinh lại',
      'mất sổ hộ tịch',
      'cấp lại giấy khai sinh',
    ],
    decision: '163/QĐ-BTP',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-6eac-7598-b88b-15f8a61b366a',
  },

  // 7 -------------------------------------------------------------------------------------------
  {
    code: '1.004746',
    name: 'Thủ tục đăng ký lại kết hôn',
    field: 'Hộ tịch',
    levels: ['Cấp xã'],
    type: 'TTHC được giao luật quy định chi tiết',
    applicants: 'Công dân Việt Nam',
    agency: 'Ủy ban nhân dân cấp xã',
    submitAt: '',
    steps: [
      'Khai Tờ khai đăng ký lại kết hôn và chuẩn bị bản sao Giấy chứng nhận kết hôn cũ (nếu còn).',
      'Nộp hồ sơ tại Trung tâm Phục vụ hành chính công, trực tuyến hoặc qua bưu chính; nộp lệ phí nếu có.',
      'Cán bộ tra cứu việc kết hôn trước đây trong Cơ sở dữ liệu hộ tịch điện tử để xác định có đủ điều kiện đăng ký lại.',
      'Công chức tư pháp - hộ tịch ghi Sổ đăng ký kết hôn; lãnh đạo Ủy ban nhân dân cấp xã ký Giấy chứng nhận kết hôn.',
      'Hai vợ chồng cùng có mặt, xuất trình giấy tờ tùy thân, ký vào sổ và Giấy chứng nhận kết hôn; mỗi bên nhận 01 bản chính.',
    ],
    channels: baKenh(ngayLamViec(5), '5 ngày làm việc', [], LE_PHI_HDND),
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp',
        components: [
          {
            name: 'Tờ khai đăng ký lại kết hôn',
            form: 'tk-dang-ky-lai-ket-hon',
            originals: 1,
            required: true,
            note: NOP_TRUC_TUYEN_THAY_TO_KHAI,
            replacedByEForm: true,
          },
          {
            name: 'Bản sao Giấy chứng nhận kết hôn đã cấp trước đây',
            copies: 1,
            required: true,
            note: 'Không có thì nộp bản sao hồ sơ, giấy tờ cá nhân có thông tin về việc kết hôn.',
          },
        ],
      },
      nhomXuatTrinh(
        tuyThan(' của cả hai bên'),
        {
          name: 'Giấy tờ chứng minh nơi cư trú',
          originals: 1,
          required: true,
          note: `${XUAT_TRINH}. Chỉ cần khi đăng ký lại ở xã khác nơi đã đăng ký kết hôn trước đây và cán bộ không tra cứu được nơi cư trú.`,
        },
      ),
      nhomBuuChinh(),
    ],
    forms: [TK_DANG_KY_LAI_KET_HON],
    results: [{ name: 'Giấy chứng nhận kết hôn', code: 'KQ.G15.000032' }],
    conditions:
      'Chỉ đăng ký lại khi việc kết hôn đã được đăng ký nhưng sổ hộ tịch và bản chính Giấy chứng nhận kết hôn đều không còn. Hai bên phải cùng có mặt khi nhận kết quả.',
    legalBasis: canCu(
      '60/2014/QH13', '66.7/2025/NQ-CP', '18/2026/NĐ-CP', '07/2025/NĐ-CP', '120/2025/NĐ-CP', '104/2022/NĐ-CP',
      '87/2020/NĐ-CP', '123/2015/NĐ-CP', '08/2025/TT-BTP', '04/2024/TT-BTP', '03/2023/TT-BTP', '01/2022/TT-BTP',
      '106/2021/TT-BTC', '04/2020/TT-BTP', '85/2019/TT-BTC',
    ),
    onlineLevel: 'partial',
    summary:
      'Dùng khi vợ chồng đã đăng ký kết hôn trước đây nhưng cả sổ hộ tịch và bản chính giấy đăng ký kết hôn đều bị mất. Kết quả là Giấy chứng nhận kết hôn, mỗi bên 01 bản chính.',
    exemptions: [MIEN_LE_PHI_DOI_TUONG],
    keywords: [
      'đăng ký lại kết hôn',
      'mất giấy đăng ký kết hôn',
      'làm lại giấy kết hôn',
      'mất giấy chứng nhận kết hôn',
      'cấp lại giấy đăng ký kết hôn',
      'giấy kết hôn bị mất',
    ],
    decision: '163/QĐ-BTP',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-6711-733d-b674-f82cb6606242',
  },

  // 8 -------------------------------------------------------------------------------------------
  {
    code: '1.005461',
    name: 'Đăng ký lại khai tử',
    field: 'Hộ tịch',
    levels: ['Cấp xã'],
    type: 'TTHC được giao luật quy định chi tiết',
    applicants: 'Công dân Việt Nam',
    agency: 'Ủy ban nhân dân cấp xã',
    submitAt: '',
    steps: [
      'Khai Tờ khai đăng ký lại khai tử và chuẩn bị bản sao Giấy chứng tử cũ hoặc giấy tờ chứng minh sự kiện chết.',
      'Nộp hồ sơ tại Trung tâm Phục vụ hành chính công, trực tuyến hoặc qua bưu chính; nộp lệ phí nếu có.',
      'Công chức tư pháp - hộ tịch kiểm tra; nếu thông tin khai tử đầy đủ, phù hợp thì ghi Sổ đăng ký khai tử và cập nhật phần mềm hộ tịch.',
      'Lãnh đạo Ủy ban nhân dân cấp xã ký Trích lục khai tử; người yêu cầu nhận kết quả.',
    ],
    channels: baKenh(ngayLamViec(5), '5 ngày làm việc', [], `${LE_PHI_HDND} ${phiBanSao('Trích lục khai tử')}`),
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp',
        components: [
          {
            name: 'Tờ khai đăng ký lại khai tử',
            form: 'tk-dang-ky-lai-khai-tu',
            originals: 1,
            required: true,
            note: NOP_TRUC_TUYEN_THAY_TO_KHAI,
            replacedByEForm: true,
          },
          {
            name: 'Bản sao Giấy chứng tử đã được cấp hợp lệ trước đây',
            copies: 1,
            required: true,
            note: 'Không có thì nộp bản sao hồ sơ, giấy tờ có nội dung chứng minh sự kiện chết.',
          },
        ],
      },
      nhomUyQuyen('đăng ký lại khai tử'),
      nhomXuatTrinh(tuyThan(), cuTru()),
      nhomBuuChinh(),
    ],
    forms: [TK_DANG_KY_LAI_KHAI_TU],
    results: [{ name: 'Trích lục khai tử', code: 'KQ.G15.000034' }],
    conditions:
      'Chỉ đăng ký lại khi việc khai tử đã được đăng ký nhưng sổ hộ tịch và bản chính giấy tờ khai tử đều không còn.',
    legalBasis: canCu(
      '60/2014/QH13', '66.7/2025/NQ-CP', '18/2026/NĐ-CP', '07/2025/NĐ-CP', '120/2025/NĐ-CP', '104/2022/NĐ-CP',
      '87/2020/NĐ-CP', '08/2025/TT-BTP', '04/2024/TT-BTP', '03/2023/TT-BTP', '01/2022/TT-BTP', '106/2021/TT-BTC',
      '04/2020/TT-BTP', '85/2019/TT-BTC',
    ),
    onlineLevel: 'full',
    summary:
      'Dùng khi việc khai tử đã đăng ký trước đây nhưng sổ hộ tịch và bản chính giấy chứng tử đều bị mất. Kết quả là Trích lục khai tử.',
    exemptions: [MIEN_LE_PHI_DOI_TUONG],
    keywords: [
      'đăng ký lại khai tử',
      'mất giấy chứng tử',
      'làm lại giấy chứng tử',
      'cấp lại giấy chứng tử',
      'khai tử lại',
      'mất trích lục khai tử',
    ],
    decision: '163/QĐ-BTP',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-6ebc-709e-8678-a9f8b66738f2',
  },

  // 9 -------------------------------------------------------------------------------------------
  {
    code: '1.001022',
    name: 'Thủ tục đăng ký nhận cha, mẹ, con',
    field: 'Hộ tịch',
    levels: ['Cấp xã'],
    type: 'TTHC được giao luật quy định chi tiết',
    applicants: 'Công dân Việt Nam',
    agency: 'Ủy ban nhân dân cấp xã',
    submitAt: '',
    steps: [
      'Khai Tờ khai đăng ký nhận cha, mẹ, con và chuẩn bị chứng cứ chứng minh quan hệ cha, con hoặc mẹ, con.',
      'Nộp hồ sơ tại Trung tâm Phục vụ hành chính công, trực tuyến trên Cổng dịch vụ công quốc gia, ứng dụng VNeID hoặc qua bưu chính; nộp lệ phí nếu có.',
      'Công chức tư pháp - hộ tịch kiểm tra; nếu việc nhận là đúng và không có tranh chấp thì ghi Sổ đăng ký nhận cha, mẹ, con.',
      'Lãnh đạo Ủy ban nhân dân cấp xã ký Trích lục đăng ký nhận cha, mẹ, con; người yêu cầu nhận kết quả.',
    ],
    channels: baKenh(
      ngayLamViec(3),
      '3 ngày làm việc',
      [],
      `${LE_PHI_HDND} ${phiBanSao('Trích lục đăng ký nhận cha, mẹ, con')}`,
    ),
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp',
        components: [
          {
            name: 'Tờ khai đăng ký nhận cha, mẹ, con',
            form: 'tk-nhan-cha-me-con',
            originals: 1,
            required: true,
            note: NOP_TRUC_TUYEN_THAY_TO_KHAI,
            replacedByEForm: true,
          },
          {
            name: 'Văn bản của cơ quan y tế, cơ quan giám định hoặc cơ quan có thẩm quyền xác nhận quan hệ cha con, mẹ con',
            originals: 1,
            required: true,
          },
        ],
      },
      {
        id: 'khong-co-van-ban-xac-nhan',
        title: 'Không có văn bản xác nhận quan hệ cha con, mẹ con',
        components: [
          {
            name: 'Văn bản cam đoan của các bên về quan hệ cha, mẹ, con, có ít nhất hai người làm chứng',
            originals: 1,
            required: true,
            note: 'Thay cho văn bản xác nhận của cơ quan y tế, giám định.',
          },
        ],
      },
      nhomXuatTrinh(tuyThan(), cuTru()),
      nhomBuuChinh(),
    ],
    forms: [TK_NHAN_CHA_ME_CON],
    results: [{ name: 'Trích lục đăng ký nhận cha, mẹ, con', code: 'KQ.G15.000033' }],
    conditions: 'Việc nhận cha, mẹ, con phải đúng sự thật và không có tranh chấp.',
    legalBasis: canCu(
      '52/2014/QH13', '60/2014/QH13', '66.7/2025/NQ-CP', '18/2026/NĐ-CP', '07/2025/NĐ-CP', '120/2025/NĐ-CP',
      '104/2022/NĐ-CP', '87/2020/NĐ-CP', '123/2015/NĐ-CP', '08/2025/TT-BTP', '04/2024/TT-BTP', '03/2023/TT-BTP',
      '01/2022/TT-BTP', '106/2021/TT-BTC', '04/2020/TT-BTP', '85/2019/TT-BTC',
    ),
    onlineLevel: 'full',
    summary:
      'Dùng khi cha hoặc mẹ muốn nhận con, hoặc con nhận cha, mẹ (thường khi con sinh ra lúc cha mẹ chưa đăng ký kết hôn). Kết quả là Trích lục đăng ký nhận cha, mẹ, con.',
    exemptions: [MIEN_LE_PHI_DOI_TUONG],
    keywords: [
      'nhận cha con',
      'nhận con',
      'nhận mẹ cho con',
      'bố nhận con',
      'nhận con ngoài giá thú',
      'xác nhận cha con',
      'thêm tên bố vào giấy khai sinh',
      'nhận cha mẹ con',
    ],
    decision: '163/QĐ-BTP',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fa6-722f-ac1a-e949c8ce3418',
  },

  // 10 ------------------------------------------------------------------------------------------
  {
    code: '1.000689',
    name: 'Thủ tục đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con',
    field: 'Hộ tịch',
    levels: ['Cấp xã'],
    type: 'TTHC được giao luật quy định chi tiết',
    applicants: 'Công dân Việt Nam',
    agency: 'Ủy ban nhân dân cấp xã',
    submitAt: '',
    steps: [
      'Khai đồng thời Tờ khai đăng ký khai sinh và Tờ khai đăng ký nhận cha, mẹ, con.',
      'Nộp kèm Giấy chứng sinh và chứng cứ chứng minh quan hệ cha, con hoặc mẹ, con tại Trung tâm Phục vụ hành chính công, trực tuyến hoặc qua bưu chính.',
      'Công chức tư pháp - hộ tịch kiểm tra; nếu việc nhận là đúng, không có tranh chấp thì ghi Sổ đăng ký khai sinh, Sổ đăng ký nhận cha, mẹ, con và lấy số định danh cá nhân cho trẻ.',
      'Lãnh đạo Ủy ban nhân dân cấp xã ký Giấy khai sinh và Trích lục đăng ký nhận cha, mẹ, con; người yêu cầu nhận kết quả.',
    ],
    channels: baKenh(
      ngayLamViec(3),
      '3 ngày làm việc',
      [],
      'Đăng ký khai sinh không mất lệ phí; lệ phí đăng ký nhận cha, mẹ, con theo mức thu do HĐND tỉnh quy định, miễn cho người thuộc gia đình có công với cách mạng, hộ nghèo, người khuyết tật. Bản sao Giấy khai sinh, bản sao Trích lục (nếu yêu cầu): 8.000 đồng/bản theo Thông tư 281/2016/TT-BTC.',
    ),
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp',
        components: [
          { name: 'Tờ khai đăng ký khai sinh', form: 'tk-khai-sinh', originals: 1, required: true, note: NOP_TRUC_TUYEN_THAY_TO_KHAI, replacedByEForm: true },
          { name: 'Tờ khai đăng ký nhận cha, mẹ, con', form: 'tk-nhan-cha-me-con', originals: 1, required: true, note: NOP_TRUC_TUYEN_THAY_TO_KHAI, replacedByEForm: true },
          giayChungSinh(),
          {
            name: 'Văn bản của cơ quan y tế, cơ quan giám định hoặc cơ quan có thẩm quyền xác nhận quan hệ cha con, mẹ con',
            originals: 1,
            required: true,
          },
        ],
      },
      {
        id: 'khong-co-van-ban-xac-nhan',
        title: 'Không có văn bản xác nhận quan hệ cha con, mẹ con',
        components: [
          {
            name: 'Văn bản cam đoan của các bên về quan hệ cha, mẹ, con, có ít nhất hai người làm chứng',
            originals: 1,
            required: true,
            note: 'Thay cho văn bản xác nhận của cơ quan y tế, giám định.',
          },
        ],
      },
      nhomXuatTrinh(tuyThan(), cuTru()),
      nhomBuuChinh(),
    ],
    forms: [TK_KHAI_SINH, TK_NHAN_CHA_ME_CON],
    results: [
      { name: 'Giấy khai sinh', code: 'KQ.G15.000031' },
      { name: 'Trích lục đăng ký nhận cha, mẹ, con', code: 'KQ.G15.000033' },
    ],
    conditions: 'Việc nhận cha, mẹ, con phải đúng sự thật và không có tranh chấp.',
    legalBasis: canCu(
      '60/2014/QH13', '52/2014/QH13', '66.7/2025/NQ-CP', '18/2026/NĐ-CP', '07/2025/NĐ-CP', '120/2025/NĐ-CP',
      '104/2022/NĐ-CP', '87/2020/NĐ-CP', '123/2015/NĐ-CP', '08/2025/TT-BTP', '04/2024/TT-BTP', '01/2022/TT-BTP',
      '106/2021/TT-BTC', '04/2020/TT-BTP', '85/2019/TT-BTC',
    ),
    onlineLevel: 'full',
    summary:
      'Dùng khi đi khai sinh cho con mà cha (hoặc mẹ) muốn nhận con ngay lúc đăng ký, thường khi cha mẹ chưa đăng ký kết hôn. Kết quả là Giấy khai sinh có đủ thông tin cha, mẹ và Trích lục đăng ký nhận cha, mẹ, con.',
    exemptions: [MIEN_LE_PHI_DOI_TUONG],
    keywords: [
      'khai sinh cho con khi chưa đăng ký kết hôn',
      'khai sinh và nhận cha con',
      'làm khai sinh có tên bố',
      'con ngoài giá thú',
      'bố nhận con khi làm khai sinh',
      'khai sinh kết hợp nhận con',
      'chưa cưới đã có con',
    ],
    decision: '163/QĐ-BTP',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3faf-768a-9224-9cb889436133',
  },

  // 11 ------------------------------------------------------------------------------------------
  {
    code: '1.004837',
    name: 'Thủ tục đăng ký giám hộ',
    field: 'Hộ tịch',
    levels: ['Cấp xã'],
    type: 'TTHC được giao luật quy định chi tiết',
    applicants: 'Công dân Việt Nam; người Việt Nam định cư ở nước ngoài',
    agency: 'Ủy ban nhân dân cấp xã',
    submitAt: '',
    steps: [
      'Khai Tờ khai đăng ký giám hộ, kèm văn bản cử người giám hộ hoặc giấy tờ chứng minh điều kiện giám hộ đương nhiên.',
      'Nộp hồ sơ tại Trung tâm Phục vụ hành chính công, trực tuyến trên Cổng dịch vụ công quốc gia, ứng dụng VNeID hoặc qua bưu chính.',
      'Công chức tư pháp - hộ tịch kiểm tra điều kiện giám hộ theo Bộ luật Dân sự và ghi Sổ đăng ký giám hộ.',
      'Lãnh đạo Ủy ban nhân dân cấp xã ký Trích lục đăng ký giám hộ.',
      'Người yêu cầu đến nhận kết quả, xuất trình giấy tờ tùy thân và nộp bản chính các giấy tờ trong hồ sơ.',
    ],
    channels: baKenh(
      ngayLamViec(3),
      '3 ngày làm việc',
      [{ label: 'Lệ phí đăng ký giám hộ', amount: 0, basis: 'per_case' }],
      phiBanSao('Trích lục đăng ký giám hộ'),
    ),
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp',
        components: [
          { name: 'Tờ khai đăng ký giám hộ', form: 'tk-giam-ho', originals: 1, required: true, note: NOP_TRUC_TUYEN_THAY_TO_KHAI, replacedByEForm: true },
        ],
      },
      {
        id: 'giam-ho-cu',
        title: 'Giám hộ cử',
        components: [
          { name: 'Văn bản cử người giám hộ theo quy định của Bộ luật Dân sự', originals: 1, required: true },
        ],
      },
      {
        id: 'giam-ho-duong-nhien',
        title: 'Giám hộ đương nhiên',
        components: [
          {
            name: 'Giấy tờ chứng minh điều kiện giám hộ đương nhiên theo Bộ luật Dân sự',
            originals: 1,
            required: true,
          },
          {
            name: 'Văn bản thỏa thuận cử một người làm giám hộ đương nhiên',
            originals: 1,
            required: false,
            note: 'Khi có nhiều người cùng đủ điều kiện làm giám hộ đương nhiên.',
          },
        ],
      },
      nhomUyQuyen('đăng ký giám hộ'),
      nhomXuatTrinh(tuyThan(), cuTru()),
      nhomBuuChinh(),
    ],
    forms: [TK_GIAM_HO],
    results: [{ name: 'Trích lục đăng ký giám hộ', code: 'KQ.G15.000035' }],
    conditions: 'Người giám hộ phải đủ điều kiện theo Bộ luật Dân sự.',
    legalBasis: canCu(
      '91/2015/QH13', '60/2014/QH13', '66.7/2025/NQ-CP', '18/2026/NĐ-CP', '07/2025/NĐ-CP', '120/2025/NĐ-CP',
      '104/2022/NĐ-CP', '87/2020/NĐ-CP', '123/2015/NĐ-CP', '08/2025/TT-BTP', '04/2024/TT-BTP', '03/2023/TT-BTP',
      '01/2022/TT-BTP', '106/2021/TT-BTC', '04/2020/TT-BTP', '85/2019/TT-BTC',
    ),
    onlineLevel: 'partial',
    summary:
      'Dùng khi cần đăng ký người giám hộ (giám hộ cử hoặc giám hộ đương nhiên) cho người chưa thành niên không còn cha mẹ chăm sóc, người mất năng lực hành vi dân sự… Kết quả là Trích lục đăng ký giám hộ, không mất lệ phí.',
    exemptions: [],
    keywords: [
      'đăng ký giám hộ',
      'người giám hộ',
      'giám hộ cho cháu',
      'làm giám hộ',
      'giám hộ đương nhiên',
      'cử người giám hộ',
      'trích lục giám hộ',
    ],
    decision: '163/QĐ-BTP',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-671b-75fa-82fb-8ad05a37f638',
  },

  // 12 ------------------------------------------------------------------------------------------
  {
    code: '1.004845',
    name: 'Thủ tục đăng ký chấm dứt giám hộ',
    field: 'Hộ tịch',
    levels: ['Cấp xã'],
    type: 'TTHC được giao luật quy định chi tiết',
    applicants: 'Công dân Việt Nam; người Việt Nam định cư ở nước ngoài; doanh nghiệp; tổ chức',
    agency: 'Ủy ban nhân dân cấp xã',
    submitAt: '',
    steps: [
      'Khai Tờ khai đăng ký chấm dứt giám hộ và chuẩn bị giấy tờ làm căn cứ chấm dứt giám hộ.',
      'Nộp hồ sơ tại Trung tâm Phục vụ hành chính công, trực tuyến trên Cổng dịch vụ công quốc gia, ứng dụng VNeID hoặc qua bưu chính; nộp lệ phí nếu có.',
      'Công chức tư pháp - hộ tịch kiểm tra hồ sơ, ghi sổ và cập nhật phần mềm hộ tịch.',
      'Lãnh đạo Ủy ban nhân dân cấp xã ký Trích lục đăng ký chấm dứt giám hộ.',
      'Người yêu cầu đến nhận kết quả, xuất trình giấy tờ tùy thân và nộp bản chính các giấy tờ trong hồ sơ.',
    ],
    channels: baKenh(
      ngayLamViec(2),
      '2 ngày làm việc',
      [],
      `${LE_PHI_HDND} ${phiBanSao('Trích lục đăng ký chấm dứt giám hộ')}`,
    ),
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp',
        components: [
          {
            name: 'Tờ khai đăng ký chấm dứt giám hộ',
            form: 'tk-cham-dut-giam-ho',
            originals: 1,
            required: true,
            note: NOP_TRUC_TUYEN_THAY_TO_KHAI,
            replacedByEForm: true,
          },
          { name: 'Giấy tờ làm căn cứ chấm dứt giám hộ theo Bộ luật Dân sự', originals: 1, required: true },
        ],
      },
      nhomUyQuyen('đăng ký chấm dứt giám hộ'),
      nhomXuatTrinh(tuyThan(), cuTru()),
      nhomBuuChinh(),
    ],
    forms: [TK_CHAM_DUT_GIAM_HO],
    results: [{ name: 'Trích lục đăng ký chấm dứt giám hộ', code: 'KQ.G15.000036' }],
    conditions: 'Phải có căn cứ chấm dứt giám hộ theo Bộ luật Dân sự.',
    legalBasis: canCu(
      '91/2015/QH13', '60/2014/QH13', '66.7/2025/NQ-CP', '18/2026/NĐ-CP', '07/2025/NĐ-CP', '120/2025/NĐ-CP',
      '104/2022/NĐ-CP', '87/2020/NĐ-CP', '123/2015/NĐ-CP', '08/2025/TT-BTP', '04/2024/TT-BTP', '03/2023/TT-BTP',
      '01/2022/TT-BTP', '106/2021/TT-BTC', '04/2020/TT-BTP', '85/2019/TT-BTC',
    ),
    onlineLevel: 'partial',
    summary:
      'Dùng khi việc giám hộ đã đăng ký cần chấm dứt theo Bộ luật Dân sự, ví dụ người được giám hộ đã thành niên hoặc cha mẹ đã đủ điều kiện chăm sóc trở lại. Kết quả là Trích lục đăng ký chấm dứt giám hộ.',
    exemptions: [MIEN_LE_PHI_DOI_TUONG],
    keywords: [
      'chấm dứt giám hộ',
      'thôi làm giám hộ',
      'hủy giám hộ',
      'kết thúc giám hộ',
      'trích lục chấm dứt giám hộ',
      'không làm giám hộ nữa',
    ],
    decision: '163/QĐ-BTP',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-6724-715f-822c-28e986912730',
  },

  // 13 ------------------------------------------------------------------------------------------
  {
    code: '1.004859',
    name: 'Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc',
    field: 'Hộ tịch',
    levels: ['Cấp xã'],
    type: 'TTHC được giao luật quy định chi tiết',
    applicants: 'Công dân Việt Nam',
    agency: 'Ủy ban nhân dân cấp xã',
    submitAt: '',
    steps: [
      'Khai Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc và chuẩn bị giấy tờ làm căn cứ.',
      'Nộp hồ sơ tại Trung tâm Phục vụ hành chính công, trực tuyến trên Cổng dịch vụ công quốc gia, ứng dụng VNeID hoặc qua bưu chính; nộp lệ phí nếu có.',
      'Công chức tư pháp - hộ tịch xem xét yêu cầu có cơ sở, phù hợp pháp luật dân sự không; nếu đúng thì ghi sổ và cập nhật phần mềm hộ tịch.',
      'Lãnh đạo Ủy ban nhân dân cấp xã ký Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch hoặc xác định lại dân tộc; người yêu cầu nhận kết quả.',
    ],
    channels: baKenh(
      ngayLamViec(1),
      '1 ngày làm việc; hồ sơ bổ sung thông tin nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo',
      [],
      `${LE_PHI_HDND} ${phiBanSao('Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch')}`,
    ),
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp',
        components: [
          {
            name: 'Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc',
            form: 'tk-thay-doi-cai-chinh-ho-tich',
            originals: 1,
            required: true,
            note: NOP_TRUC_TUYEN_THAY_TO_KHAI,
            replacedByEForm: true,
          },
          {
            name: 'Giấy tờ làm căn cứ thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc',
            originals: 1,
            required: true,
          },
        ],
      },
      nhomUyQuyen('đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch'),
      nhomXuatTrinh(tuyThan(), cuTru()),
      nhomBuuChinh(),
    ],
    forms: [TK_THAY_DOI_CAI_CHINH],
    results: [
      {
        name: 'Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc',
        code: 'KQ.G15.000037',
      },
    ],
    conditions:
      'Việc thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc phải có cơ sở và phù hợp với pháp luật dân sự.',
    legalBasis: canCu(
      '91/2015/QH13', '60/2014/QH13', '66.7/2025/NQ-CP', '18/2026/NĐ-CP', '07/2025/NĐ-CP', '120/2025/NĐ-CP',
      '104/2022/NĐ-CP', '87/2020/NĐ-CP', '123/2015/NĐ-CP', '08/2025/TT-BTP', '04/2024/TT-BTP', '03/2023/TT-BTP',
      '01/2022/TT-BTP', '106/2021/TT-BTC', '04/2020/TT-BTP', '85/2019/TT-BTC',
    ),
    onlineLevel: 'full',
    summary:
      'Dùng khi cần đổi họ, chữ đệm, tên; sửa thông tin bị ghi sai; bổ sung thông tin còn thiếu trong giấy tờ hộ tịch như Giấy khai sinh; hoặc xác định lại dân tộc. Kết quả là Trích lục ghi nhận nội dung đã thay đổi, cải chính, bổ sung.',
    exemptions: [MIEN_LE_PHI_DOI_TUONG],
    keywords: [
      'đổi tên',
      'sửa giấy khai sinh',
      'cải chính hộ tịch',
      'sai ngày sinh trong giấy khai sinh',
      'bổ sung thông tin giấy khai sinh',
      'đổi họ cho con',
      'xác định lại dân tộc',
      'sửa sai thông tin hộ tịch',
    ],
    decision: '163/QĐ-BTP',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-671e-714b-8fd6-8230c82f7867',
  },

  // 14 ------------------------------------------------------------------------------------------
  {
    code: '1.004772',
    name: 'Thủ tục đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân',
    field: 'Hộ tịch',
    levels: ['Cấp xã'],
    type: 'TTHC được giao luật quy định chi tiết',
    applicants: 'Công dân Việt Nam',
    agency: 'Ủy ban nhân dân cấp xã',
    submitAt: '',
    steps: [
      'Khai Tờ khai đăng ký khai sinh và văn bản cam đoan chưa từng được đăng ký khai sinh.',
      'Nộp kèm bản sao toàn bộ giấy tờ có thông tin khai sinh tại Trung tâm Phục vụ hành chính công, trực tuyến hoặc qua bưu chính; nộp lệ phí nếu có.',
      'Nếu giấy tờ không thể hiện quan hệ cha, mẹ, con, cơ quan hộ tịch đề nghị công an xác minh; không có thông tin thì người yêu cầu lập văn bản cam đoan về cha, mẹ.',
      'Công chức tư pháp - hộ tịch ghi Sổ đăng ký khai sinh; lãnh đạo Ủy ban nhân dân cấp xã ký Giấy khai sinh và trả kết quả.',
    ],
    channels: baKenh(
      ngayLamViec(5),
      '5 ngày làm việc; nếu phải nhờ công an xác minh quan hệ cha, mẹ, con thì có thể chờ thêm tối đa 20 ngày',
      [],
      `${LE_PHI_HDND} ${phiBanSao('Giấy khai sinh')}`,
    ),
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp',
        components: [
          { name: 'Tờ khai đăng ký khai sinh', form: 'tk-khai-sinh', originals: 1, required: true, note: NOP_TRUC_TUYEN_THAY_TO_KHAI, replacedByEForm: true },
          { name: 'Văn bản cam đoan của người yêu cầu về việc chưa được đăng ký khai sinh', originals: 1, required: true },
          {
            name: 'Bản sao toàn bộ hồ sơ, giấy tờ có thông tin khai sinh: căn cước, căn cước công dân hoặc hộ chiếu; giấy tờ cư trú; bằng tốt nghiệp, giấy chứng nhận, chứng chỉ, học bạ, hồ sơ học tập…',
            copies: 1,
            required: true,
            note: 'Nộp đủ các giấy tờ mình có và cam đoan đã nộp đủ.',
          },
        ],
      },
      {
        id: 'can-bo-luc-luong-vu-trang',
        title: 'Người yêu cầu là cán bộ, công chức, viên chức hoặc đang công tác trong lực lượng vũ trang',
        components: [
          {
            name: 'Văn bản xác nhận của thủ trưởng cơ quan, đơn vị về nội dung khai sinh (họ tên, giới tính, ngày sinh, dân tộc, quốc tịch, quê quán, quan hệ cha, mẹ, con)',
            originals: 1,
            required: true,
            note: 'Không cần nếu cơ quan hộ tịch tra cứu được các thông tin này qua cơ sở dữ liệu.',
          },
        ],
      },
      nhomUyQuyen('đăng ký khai sinh'),
      nhomXuatTrinh(tuyThan(), cuTru()),
      nhomBuuChinh(),
    ],
    forms: [TK_KHAI_SINH],
    results: [{ name: 'Giấy khai sinh', code: 'KQ.G15.000031' }],
    conditions:
      'Dành cho người chưa từng được đăng ký khai sinh nhưng đã có hồ sơ, giấy tờ cá nhân (căn cước, học bạ, bằng cấp…).',
    legalBasis: canCu(
      '60/2014/QH13', '66.7/2025/NQ-CP', '18/2026/NĐ-CP', '07/2025/NĐ-CP', '120/2025/NĐ-CP', '104/2022/NĐ-CP',
      '87/2020/NĐ-CP', '123/2015/NĐ-CP', '08/2025/TT-BTP', '04/2024/TT-BTP', '03/2023/TT-BTP', '09/2022/TT-BTP',
      '01/2022/TT-BTP', '106/2021/TT-BTC', '04/2020/TT-BTP', '85/2019/TT-BTC',
    ),
    onlineLevel: 'full',
    summary:
      'Dùng khi người đã lớn, đã có giấy tờ cá nhân nhưng chưa từng được đăng ký khai sinh. Kết quả là Giấy khai sinh với nội dung theo các giấy tờ đã có.',
    exemptions: [MIEN_LE_PHI_DOI_TUONG],
    keywords: [
      'người lớn chưa có giấy khai sinh',
      'người lớn chưa từng làm khai sinh',
      'đăng ký khai sinh muộn cho người lớn',
      'người lớn chưa đăng ký khai sinh',
      'làm giấy khai sinh cho người lớn',
      'chưa từng làm khai sinh',
    ],
    decision: '163/QĐ-BTP',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-6711-733d-b674-fc3d805e70c8',
  },

  // 15 ------------------------------------------------------------------------------------------
  {
    code: '2.000986',
    name: 'Liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
    field: 'Hộ tịch',
    levels: ['Cấp xã'],
    type: 'TTHC không được luật giao cho địa phương quy định',
    applicants: 'Công dân Việt Nam; cán bộ, công chức, viên chức',
    agency: 'Ủy ban nhân dân cấp xã (phối hợp với cơ quan công an và cơ quan bảo hiểm xã hội)',
    submitAt: '',
    steps: [
      'Nộp một bộ hồ sơ tại bộ phận một cửa của Ủy ban nhân dân cấp xã.',
      'Cán bộ kiểm tra hồ sơ, tạm thu lệ phí đăng ký thường trú (nếu có) và hẹn ngày trả từng kết quả.',
      'Công chức tư pháp - hộ tịch đăng ký khai sinh cho trẻ ngay trong ngày nhận hồ sơ.',
      'Ủy ban nhân dân cấp xã chuyển hồ sơ đăng ký thường trú sang cơ quan công an (giải quyết trong 15 ngày) và hồ sơ cấp thẻ bảo hiểm y tế sang cơ quan bảo hiểm xã hội (trong 10 ngày).',
      'Nhận Giấy khai sinh, kết quả đăng ký thường trú và thẻ bảo hiểm y tế của trẻ tại bộ phận một cửa; ký vào Sổ đăng ký khai sinh khi nhận Giấy khai sinh.',
    ],
    channels: [
      {
        kind: 'in_person',
        time: ngayLamViec(20),
        timeText:
          'Tối đa 20 ngày làm việc; thêm tối đa 2 ngày làm việc nếu phải bổ sung hồ sơ, thêm tối đa 5 ngày làm việc với xã cách cơ quan công an, bảo hiểm xã hội từ 50 km trở lên',
        fees: [{ label: 'Phí, lệ phí thủ tục liên thông', amount: 0, basis: 'per_case' }],
        feeText: 'Lệ phí đăng ký thường trú cho trẻ (nếu địa phương có thu) được bộ phận một cửa tạm thu khi nhận hồ sơ.',
        description: 'Nộp và nhận kết quả tại bộ phận một cửa của Ủy ban nhân dân cấp xã; Giấy khai sinh được cấp ngay trong ngày.',
      },
    ],
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp',
        components: [
          { name: 'Tờ khai đăng ký khai sinh', form: 'tk-khai-sinh', originals: 1, required: true },
          {
            name: 'Giấy chứng sinh do cơ sở y tế nơi trẻ sinh ra cấp',
            originals: 1,
            required: true,
            note: 'Sinh ngoài cơ sở y tế thì nộp văn bản xác nhận của người làm chứng; không có người làm chứng thì nộp giấy cam đoan về việc sinh. Trẻ bị bỏ rơi thì nộp biên bản về việc trẻ bị bỏ rơi.',
          },
          {
            name: 'Tờ khai tham gia bảo hiểm y tế',
            form: 'tk-tham-gia-bhyt-tre-em',
            originals: 1,
            required: true,
            note: 'Kèm Danh sách đề nghị cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi do Ủy ban nhân dân cấp xã lập.',
          },
          {
            name: 'Phiếu báo thay đổi hộ khẩu, nhân khẩu',
            form: 'phieu-bao-thay-doi-ho-khau-nhan-khau',
            originals: 1,
            required: true,
          },
          {
            name: 'Sổ hộ khẩu của cha, mẹ (hoặc của cha, của mẹ, của người nuôi dưỡng trẻ, tùy trẻ đăng ký thường trú theo ai)',
            originals: 1,
            required: true,
            note: 'Theo hồ sơ gốc của thủ tục. Sổ hộ khẩu giấy đã hết giá trị từ ngày 01/01/2023; thông tin cư trú nay được tra cứu trong Cơ sở dữ liệu quốc gia về dân cư.',
          },
        ],
      },
      {
        id: 'thuong-tru-ho-khac',
        title: 'Trẻ đăng ký thường trú vào hộ của người khác (không cùng cha, mẹ)',
        components: [
          { name: 'Bản sao Giấy khai sinh của trẻ', copies: 1, required: true },
          {
            name: 'Văn bản ý kiến của cha, mẹ có xác nhận của Ủy ban nhân dân cấp xã',
            originals: 1,
            required: true,
          },
          {
            name: 'Ý kiến đồng ý của chủ hộ, kèm sổ hộ khẩu của chủ hộ',
            originals: 1,
            required: true,
          },
        ],
      },
    ],
    forms: [TK_KHAI_SINH, TK_THAM_GIA_BHYT, PHIEU_BAO_THAY_DOI_HO_KHAU],
    results: [
      { name: 'Giấy khai sinh', code: 'KQ.G15.000031' },
      { name: 'Thông báo kết quả giải quyết thủ tục về cư trú', code: 'KQ.G01.000065' },
      { name: 'Phiếu từ chối tiếp nhận, giải quyết hồ sơ (lĩnh vực cư trú)', code: 'KQ.G01.000067' },
      { name: 'Thẻ bảo hiểm y tế', code: 'KQ.G18.000047' },
    ],
    conditions: 'Áp dụng cho trẻ em dưới 6 tuổi đăng ký khai sinh tại Ủy ban nhân dân cấp xã.',
    legalBasis: canCu(
      '41/2024/QH15', '68/2020/QH14', '81/2006/QH11', '123/2015/NĐ-CP', '105/2014/NĐ-CP', '06/2012/NĐ-CP',
      '158/2005/NĐ-CP', '05/2015/TTLT-BTP-BCA-BYT', '15/2015/TT-BTP', '36/2014/TT-BCA', '02/2014/TT-BTC',
      '09b/2013/TT-BTP', '80/2011/TT-BCA', '08.a/2010/TT-BTP',
    ),
    onlineLevel: null,
    summary:
      'Dùng khi đăng ký khai sinh cho con dưới 6 tuổi và muốn làm luôn đăng ký thường trú, thẻ bảo hiểm y tế bằng một bộ hồ sơ tại Ủy ban nhân dân cấp xã. Kết quả là Giấy khai sinh, kết quả đăng ký thường trú và thẻ bảo hiểm y tế của trẻ.',
    exemptions: [],
    keywords: [
      'liên thông khai sinh thường trú bảo hiểm y tế',
      'làm khai sinh và thẻ bhyt cho con',
      'nhập khẩu cho con',
      'đăng ký thường trú cho bé',
      'thẻ bảo hiểm y tế trẻ em',
      'bhyt cho trẻ dưới 6 tuổi',
      'khai sinh kèm nhập hộ khẩu',
    ],
    decision: 'QĐ/0001-BTP',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-95d8-77dd-86c5-880463eb8dbe',
  },

  // 16 ------------------------------------------------------------------------------------------
  {
    code: '2.001023',
    name: 'Liên thông các thủ tục hành chính về đăng ký khai sinh, cấp Thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
    field: 'Hộ tịch',
    levels: ['Cấp xã'],
    type: 'TTHC không được luật giao cho địa phương quy định',
    applicants: 'Công dân Việt Nam; cán bộ, công chức, viên chức',
    agency: 'Ủy ban nhân dân cấp xã (phối hợp với cơ quan bảo hiểm xã hội)',
    submitAt: '',
    steps: [
      'Nộp một bộ hồ sơ tại bộ phận một cửa của Ủy ban nhân dân cấp xã.',
      'Cán bộ kiểm tra hồ sơ: đủ thì nhận và hẹn ngày trả từng kết quả, thiếu thì hướng dẫn bổ sung.',
      'Công chức tư pháp - hộ tịch đăng ký khai sinh cho trẻ ngay trong ngày nhận hồ sơ.',
      'Ủy ban nhân dân cấp xã chuyển hồ sơ cấp thẻ bảo hiểm y tế sang cơ quan bảo hiểm xã hội (cấp thẻ trong 10 ngày).',
      'Nhận Giấy khai sinh và thẻ bảo hiểm y tế của trẻ tại bộ phận một cửa; ký vào Sổ đăng ký khai sinh khi nhận Giấy khai sinh.',
    ],
    channels: [
      {
        kind: 'in_person',
        time: ngayLamViec(15),
        timeText:
          'Tối đa 15 ngày làm việc; thêm tối đa 2 ngày làm việc nếu phải bổ sung hồ sơ, thêm tối đa 5 ngày làm việc với xã cách cơ quan bảo hiểm xã hội từ 50 km trở lên',
        fees: [{ label: 'Phí, lệ phí thủ tục liên thông', amount: 0, basis: 'per_case' }],
        feeText: '',
        description: 'Nộp và nhận kết quả tại bộ phận một cửa của Ủy ban nhân dân cấp xã; Giấy khai sinh được cấp ngay trong ngày.',
      },
    ],
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp',
        components: [
          { name: 'Tờ khai đăng ký khai sinh', form: 'tk-khai-sinh', originals: 1, required: true },
          {
            name: 'Giấy chứng sinh do cơ sở y tế nơi trẻ sinh ra cấp',
            originals: 1,
            required: true,
            note: 'Sinh ngoài cơ sở y tế thì nộp văn bản xác nhận của người làm chứng; không có người làm chứng thì nộp giấy cam đoan về việc sinh. Trẻ bị bỏ rơi thì nộp biên bản về việc trẻ bị bỏ rơi.',
          },
          {
            name: 'Tờ khai tham gia bảo hiểm y tế',
            form: 'tk-tham-gia-bhyt-tre-em',
            originals: 1,
            required: true,
            note: 'Kèm Danh sách đề nghị cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi do Ủy ban nhân dân cấp xã lập.',
          },
        ],
      },
    ],
    forms: [TK_KHAI_SINH, TK_THAM_GIA_BHYT],
    results: [{ name: 'Giấy khai sinh', code: 'KQ.G15.000031' }, { name: 'Thẻ bảo hiểm y tế của trẻ' }],
    conditions: 'Áp dụng cho trẻ em dưới 6 tuổi đăng ký khai sinh tại Ủy ban nhân dân cấp xã.',
    legalBasis: canCu(
      '60/2014/QH13', '46/2014/QH13', '25/2008/QH12', '123/2015/NĐ-CP', '105/2014/NĐ-CP', '06/2012/NĐ-CP',
      '158/2005/NĐ-CP', '05/2015/TTLT-BTP-BCA-BYT', '15/2015/TT-BTP', '09b/2013/TT-BTP', '08.a/2010/TT-BTP',
    ),
    onlineLevel: null,
    summary:
      'Dùng khi đăng ký khai sinh cho con dưới 6 tuổi và muốn làm luôn thẻ bảo hiểm y tế bằng một bộ hồ sơ tại Ủy ban nhân dân cấp xã. Kết quả là Giấy khai sinh và thẻ bảo hiểm y tế của trẻ.',
    exemptions: [],
    keywords: [
      'khai sinh và bảo hiểm y tế',
      'làm thẻ bhyt cho con',
      'liên thông khai sinh bhyt',
      'thẻ bảo hiểm y tế cho bé',
      'bhyt trẻ em dưới 6 tuổi',
      'khai sinh kèm bảo hiểm y tế',
    ],
    decision: 'QĐ/0001-BTP',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-95f7-7548-bce5-81bc8224b321',
  },

  // 17 ------------------------------------------------------------------------------------------
  {
    code: '1.003583',
    name: 'Thủ tục đăng ký khai sinh lưu động',
    field: 'Hộ tịch',
    levels: ['Cấp xã'],
    type: 'TTHC được giao luật quy định chi tiết',
    applicants: 'Công dân Việt Nam',
    agency: 'Ủy ban nhân dân cấp xã',
    submitAt: '',
    steps: [
      'Công chức tư pháp - hộ tịch được giao nhiệm vụ mang mẫu tờ khai, giấy tờ hộ tịch đến nhà riêng hoặc địa điểm đăng ký lưu động.',
      'Tại chỗ, công chức hướng dẫn điền Tờ khai đăng ký khai sinh (người không biết chữ được ghi hộ, đọc lại và điểm chỉ), kiểm tra giấy tờ và viết phiếu tiếp nhận.',
      'Công chức ghi Sổ đăng ký khai sinh, cập nhật phần mềm hộ tịch và lấy số định danh cá nhân cho trẻ; lãnh đạo Ủy ban nhân dân cấp xã ký Giấy khai sinh.',
      'Công chức mang Giấy khai sinh và sổ đến trả tại điểm lưu động; người yêu cầu kiểm tra, ký hoặc điểm chỉ vào sổ.',
    ],
    channels: [
      {
        kind: 'in_person',
        time: ngayLamViec(5),
        timeText: '5 ngày làm việc',
        fees: [{ label: 'Lệ phí đăng ký khai sinh', amount: 0, basis: 'per_case' }],
        feeText: '',
        description: 'Công chức tư pháp - hộ tịch nhận hồ sơ và trả kết quả tại nhà riêng hoặc địa điểm đăng ký lưu động.',
      },
    ],
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp',
        components: [
          {
            name: 'Tờ khai đăng ký khai sinh',
            form: 'tk-khai-sinh',
            originals: 1,
            required: true,
            note: 'Công chức mang theo mẫu và hướng dẫn điền tại chỗ.',
          },
          giayChungSinh(),
        ],
      },
      {
        id: 'mang-thai-ho',
        title: 'Trẻ sinh ra do mang thai hộ',
        components: [
          {
            name: 'Văn bản xác nhận của cơ sở y tế đã thực hiện kỹ thuật hỗ trợ sinh sản cho việc mang thai hộ',
            originals: 1,
            required: true,
          },
        ],
      },
      nhomXuatTrinh(
        tuyThan(' của người đi đăng ký'),
        {
          name: 'Giấy chứng nhận kết hôn của cha, mẹ',
          originals: 1,
          required: true,
          note: `${XUAT_TRINH}. Chỉ khi cha, mẹ đã đăng ký kết hôn và thông tin này chưa có trong cơ sở dữ liệu hộ tịch, dân cư.`,
        },
        cuTru(),
      ),
    ],
    forms: [TK_KHAI_SINH],
    results: [{ name: 'Giấy khai sinh', code: 'KQ.G15.000031' }],
    conditions: '',
    legalBasis: canCu(
      '60/2014/QH13', '66.7/2025/NQ-CP', '18/2026/NĐ-CP', '07/2025/NĐ-CP', '120/2025/NĐ-CP', '104/2022/NĐ-CP',
      '123/2015/NĐ-CP', '08/2025/TT-BTP', '04/2024/TT-BTP', '106/2021/TT-BTC', '04/2020/TT-BTP', '85/2019/TT-BTC',
    ),
    onlineLevel: null,
    summary:
      'Dùng khi Ủy ban nhân dân cấp xã tổ chức đăng ký khai sinh lưu động: công chức đến tận nhà hoặc điểm đăng ký gần dân, giúp gia đình khó đến trụ sở. Kết quả là Giấy khai sinh trao tại chỗ, không mất lệ phí.',
    exemptions: [],
    keywords: [
      'khai sinh lưu động',
      'cán bộ đến nhà làm khai sinh',
      'khai sinh tại nhà',
      'làm khai sinh tại nhà',
      'đăng ký khai sinh lưu động',
      'không đi được làm khai sinh',
    ],
    decision: '163/QĐ-BTP',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-66dc-714a-90a8-11942739ea86',
  },

  // 18 ------------------------------------------------------------------------------------------
  {
    code: '1.000419',
    name: 'Thủ tục đăng ký khai tử lưu động',
    field: 'Hộ tịch',
    levels: ['Cấp xã'],
    type: 'TTHC được giao luật quy định chi tiết',
    applicants: 'Công dân Việt Nam',
    agency: 'Ủy ban nhân dân cấp xã',
    submitAt: '',
    steps: [
      'Công chức tư pháp - hộ tịch được giao nhiệm vụ mang mẫu tờ khai, giấy tờ hộ tịch đến nhà riêng hoặc địa điểm đăng ký lưu động.',
      'Tại chỗ, công chức hướng dẫn điền Tờ khai đăng ký khai tử (người không biết chữ được ghi hộ, đọc lại và điểm chỉ), kiểm tra giấy tờ và viết phiếu tiếp nhận.',
      'Công chức báo cáo Chủ tịch Ủy ban nhân dân cấp xã; nếu đồng ý thì ghi Sổ đăng ký khai tử, cập nhật phần mềm hộ tịch và trình Chủ tịch ký Trích lục khai tử.',
      'Công chức mang Trích lục khai tử và sổ đến trả tại điểm lưu động; người yêu cầu kiểm tra, ký hoặc điểm chỉ vào sổ.',
    ],
    channels: [
      {
        kind: 'in_person',
        time: ngayLamViec(5),
        timeText: '5 ngày làm việc',
        fees: [{ label: 'Lệ phí đăng ký khai tử', amount: 0, basis: 'per_case' }],
        feeText: '',
        description: 'Công chức tư pháp - hộ tịch nhận hồ sơ và trả kết quả tại nhà riêng hoặc địa điểm đăng ký lưu động.',
      },
    ],
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp',
        components: [
          {
            name: 'Tờ khai đăng ký khai tử',
            form: 'tk-khai-tu',
            originals: 1,
            required: true,
            note: 'Công chức mang theo mẫu và hướng dẫn điền tại chỗ.',
          },
          giayBaoTu(),
        ],
      },
      nhomXuatTrinh(
        tuyThan(' của người đi đăng ký'),
        cuTru('Giấy tờ chứng minh nơi cư trú cuối cùng của người chết'),
        {
          name: 'Giấy tờ chứng minh nơi người đó chết hoặc nơi phát hiện thi thể',
          originals: 1,
          required: true,
          note: `${XUAT_TRINH}. Chỉ khi không xác định được nơi cư trú cuối cùng của người chết.`,
        },
      ),
    ],
    forms: [TK_KHAI_TU],
    results: [{ name: 'Trích lục khai tử', code: 'KQ.G15.000034' }],
    conditions: '',
    legalBasis: canCu(
      '60/2014/QH13', '66.7/2025/NQ-CP', '18/2026/NĐ-CP', '07/2025/NĐ-CP', '120/2025/NĐ-CP', '104/2022/NĐ-CP',
      '123/2015/NĐ-CP', '08/2025/TT-BTP', '04/2024/TT-BTP', '106/2021/TT-BTC', '04/2020/TT-BTP', '85/2019/TT-BTC',
    ),
    onlineLevel: null,
    summary:
      'Dùng khi Ủy ban nhân dân cấp xã tổ chức đăng ký khai tử lưu động: công chức đến tận nhà hoặc điểm đăng ký gần dân. Kết quả là Trích lục khai tử trao tại chỗ, không mất lệ phí.',
    exemptions: [],
    keywords: [
      'khai tử lưu động',
      'cán bộ đến nhà làm khai tử',
      'khai tử tại nhà',
      'làm giấy chứng tử tại nhà',
      'đăng ký khai tử lưu động',
    ],
    decision: '163/QĐ-BTP',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-380b-73c4-9566-9e8b26bbfec6',
  },

  // 19 ------------------------------------------------------------------------------------------
  {
    code: '1.000593',
    name: 'Thủ tục đăng ký kết hôn lưu động',
    field: 'Hộ tịch',
    levels: ['Cấp xã'],
    type: 'TTHC được giao luật quy định chi tiết',
    applicants: 'Công dân Việt Nam',
    agency: 'Ủy ban nhân dân cấp xã',
    submitAt: '',
    steps: [
      'Công chức tư pháp - hộ tịch được giao nhiệm vụ chuẩn bị mẫu tờ khai, giấy tờ hộ tịch và đến địa điểm đăng ký kết hôn lưu động.',
      'Tại chỗ, công chức kiểm tra, xác minh điều kiện kết hôn của hai bên, hướng dẫn điền Tờ khai đăng ký kết hôn và viết phiếu tiếp nhận.',
      'Công chức báo cáo Chủ tịch Ủy ban nhân dân cấp xã; nếu đồng ý, Chủ tịch ký 02 Giấy chứng nhận kết hôn.',
      'Công chức ghi Sổ đăng ký kết hôn; hai bên kiểm tra, ký hoặc điểm chỉ vào sổ và Giấy chứng nhận kết hôn, nhận giấy ngay tại điểm lưu động.',
    ],
    channels: [
      {
        kind: 'in_person',
        time: ngayLamViec(5),
        timeText: '5 ngày làm việc',
        fees: [{ label: 'Lệ phí đăng ký kết hôn', amount: 0, basis: 'per_case' }],
        feeText: '',
        description: 'Công chức tư pháp - hộ tịch nhận hồ sơ và trao Giấy chứng nhận kết hôn tại địa điểm đăng ký lưu động.',
      },
    ],
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp',
        components: [
          {
            name: 'Tờ khai đăng ký kết hôn',
            form: 'tk-ket-hon',
            originals: 1,
            required: true,
            note: 'Hai bên có thể khai chung một tờ khai; công chức hướng dẫn điền tại chỗ.',
          },
        ],
      },
      nhomXuatTrinh(tuyThan(' của cả hai bên'), cuTru()),
    ],
    forms: [TK_KET_HON],
    results: [{ name: 'Giấy chứng nhận kết hôn', code: 'KQ.G15.000032' }],
    conditions: 'Hai bên đủ điều kiện kết hôn theo Luật Hôn nhân và gia đình và cùng có mặt khi nhận Giấy chứng nhận kết hôn.',
    legalBasis: canCu(
      '52/2014/QH13', '60/2014/QH13', '66.7/2025/NQ-CP', '18/2026/NĐ-CP', '07/2025/NĐ-CP', '120/2025/NĐ-CP',
      '104/2022/NĐ-CP', '123/2015/NĐ-CP', '08/2025/TT-BTP', '04/2024/TT-BTP', '106/2021/TT-BTC', '04/2020/TT-BTP',
      '85/2019/TT-BTC',
    ),
    onlineLevel: null,
    summary:
      'Dùng khi Ủy ban nhân dân cấp xã tổ chức đăng ký kết hôn lưu động: công chức đến địa điểm gần dân để đăng ký và trao giấy. Kết quả là Giấy chứng nhận kết hôn, mỗi bên 01 bản chính, không mất lệ phí.',
    exemptions: [],
    keywords: [
      'kết hôn lưu động',
      'đăng ký kết hôn tại nhà',
      'cán bộ đến nhà đăng ký kết hôn',
      'đăng ký kết hôn lưu động',
      'không đến được ủy ban để đăng ký kết hôn',
    ],
    decision: '163/QĐ-BTP',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-382c-774c-bca0-e30c261d7be4',
  },

  // 20 ------------------------------------------------------------------------------------------
  {
    code: '2.002516',
    name: 'Thủ tục xác nhận thông tin hộ tịch',
    field: 'Hộ tịch',
    levels: ['Cấp tỉnh', 'Cấp xã'],
    type: 'TTHC không được luật giao cho địa phương quy định',
    applicants: 'Công dân Việt Nam; cơ quan, tổ chức (không bao gồm doanh nghiệp, hợp tác xã)',
    agency: 'Cơ quan quản lý Cơ sở dữ liệu hộ tịch điện tử (Sở Tư pháp, Ủy ban nhân dân cấp xã)',
    submitAt: '',
    steps: [
      'Khai Tờ khai đề nghị xác nhận thông tin hộ tịch, kèm giấy tờ liên quan đến nội dung cần xác nhận.',
      'Nộp tại Trung tâm Phục vụ hành chính công, trực tuyến trên Cổng dịch vụ công quốc gia, ứng dụng VNeID hoặc qua bưu chính; nộp phí 8.000 đồng.',
      'Cán bộ đối chiếu với Cơ sở dữ liệu hộ tịch điện tử; nếu cần thì đề nghị công an, cơ quan liên quan xác minh.',
      'Thủ trưởng cơ quan quản lý Cơ sở dữ liệu hộ tịch điện tử ký Văn bản xác nhận thông tin hộ tịch; người yêu cầu nhận tại Trung tâm hoặc bản điện tử.',
    ],
    channels: [
      {
        kind: 'in_person',
        time: null,
        timeText: 'Cổng quốc gia không ghi thời hạn; xem ngày hẹn trên phiếu hẹn',
        fees: [
          {
            label: 'Phí cấp văn bản xác nhận thông tin hộ tịch',
            amount: 8000,
            basis: 'per_case',
            note: 'Mỗi văn bản xác nhận về một việc hộ tịch đã đăng ký',
          },
        ],
        feeText: 'Miễn cho người thuộc gia đình có công với cách mạng, hộ nghèo, người khuyết tật.',
        description: 'Tự nộp hoặc ủy quyền cho người khác nộp tại Trung tâm Phục vụ hành chính công.',
      },
      {
        kind: 'online',
        time: null,
        timeText: 'Cổng quốc gia không ghi thời hạn; xem ngày hẹn trên phiếu hẹn',
        fees: [
          {
            label: 'Phí cấp văn bản xác nhận thông tin hộ tịch',
            amount: 8000,
            basis: 'per_case',
            note: 'Mỗi văn bản xác nhận về một việc hộ tịch đã đăng ký',
          },
        ],
        feeText: 'Miễn cho người thuộc gia đình có công với cách mạng, hộ nghèo, người khuyết tật.',
        description: MO_TA_TRUC_TUYEN,
      },
      {
        kind: 'post',
        time: null,
        timeText: 'Cổng quốc gia không ghi thời hạn; xem ngày hẹn trên phiếu hẹn',
        fees: [
          {
            label: 'Phí cấp văn bản xác nhận thông tin hộ tịch',
            amount: 8000,
            basis: 'per_case',
            note: 'Mỗi văn bản xác nhận về một việc hộ tịch đã đăng ký',
          },
        ],
        feeText: 'Miễn cho người thuộc gia đình có công với cách mạng, hộ nghèo, người khuyết tật.',
        description: MO_TA_BUU_CHINH,
      },
    ],
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp',
        components: [
          {
            name: 'Tờ khai đề nghị xác nhận thông tin hộ tịch',
            form: 'tk-xac-nhan-thong-tin-ho-tich',
            originals: 1,
            required: true,
            note: NOP_TRUC_TUYEN_THAY_TO_KHAI,
            replacedByEForm: true,
          },
          { name: 'Giấy tờ, tài liệu liên quan đến nội dung đề nghị xác nhận', originals: 1, required: true },
        ],
      },
      nhomUyQuyen('đề nghị xác nhận thông tin hộ tịch'),
      nhomXuatTrinh(tuyThan(), cuTru()),
      nhomBuuChinh(),
    ],
    forms: [TK_XAC_NHAN_THONG_TIN_HO_TICH],
    results: [{ name: 'Văn bản xác nhận thông tin hộ tịch', code: 'KQ.G15.000216' }],
    conditions:
      'Thông tin đề nghị xác nhận phải khớp với Cơ sở dữ liệu hộ tịch điện tử. Nếu thông tin hộ tịch của cá nhân không thay đổi thì không cấp văn bản xác nhận mà hướng dẫn xin bản sao Giấy khai sinh hoặc bản sao trích lục (trừ khi cơ quan có thẩm quyền đề nghị).',
    legalBasis: canCu(
      '60/2014/QH13', '66.7/2025/NQ-CP', '18/2026/NĐ-CP', '07/2025/NĐ-CP', '120/2025/NĐ-CP', '104/2022/NĐ-CP',
      '87/2020/NĐ-CP', '123/2015/NĐ-CP', '08/2025/TT-BTP', '03/2023/TT-BTP', '01/2022/TT-BTP', '106/2021/TT-BTC',
      '04/2020/TT-BTP', '85/2019/TT-BTC', '281/2016/TT-BTC',
    ),
    onlineLevel: 'full',
    summary:
      'Dùng khi cần văn bản xác nhận thông tin hộ tịch đã đăng ký của một người, nhất là khi thông tin đã thay đổi so với giấy tờ gốc. Kết quả là Văn bản xác nhận thông tin hộ tịch, phí 8.000 đồng mỗi việc.',
    exemptions: ['Miễn phí cho người thuộc gia đình có công với cách mạng, người thuộc hộ nghèo, người khuyết tật'],
    keywords: [
      'xác nhận thông tin hộ tịch',
      'giấy xác nhận hộ tịch',
      'xác nhận thông tin khai sinh',
      'xác nhận thay đổi hộ tịch',
      'văn bản xác nhận hộ tịch',
      'xác nhận đã đăng ký hộ tịch',
    ],
    decision: '163/QĐ-BTP',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-a586-71fe-8c10-836e09f0a879',
  },
];
