import type { ProcedureInput } from '../catalog.types';

/**
 * Demo catalogue: commune-level procedures of several smaller fields (căn cước, định danh điện tử,
 * giảm nghèo, đất đai, nuôi con nuôi, hộ kinh doanh, xây dựng), written in our own words from the
 * National Public Service Portal records (dichvucong.gov.vn, see `sourceUrl` and `decision` of
 * each record).
 *
 * Where the portal record was visibly wrong we wrote the corrected fact and said so in a comment
 * (e.g. a law number with a typo); where a time or fee was missing we kept it missing.
 */

type ChannelInput = NonNullable<ProcedureInput['channels']>[number];
type ComponentInput = NonNullable<ProcedureInput['componentGroups']>[number]['components'][number];
type FormInput = NonNullable<ProcedureInput['forms']>[number];
type LegalInput = NonNullable<ProcedureInput['legalBasis']>[number];
type ResultInput = NonNullable<ProcedureInput['results']>[number];

// ---------------------------------------------------------------------------------------------
// Legal documents cited by these records (can_cu_phap_ly), short names.
// ---------------------------------------------------------------------------------------------

const LAW = {
  // Căn cước, định danh điện tử
  luatCanCuoc: { number: '26/2023/QH15', name: 'Luật Căn cước' },
  nd70_2024: {
    number: '70/2024/NĐ-CP',
    name: 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Căn cước',
  },
  tt16_2024: {
    number: '16/2024/TT-BCA',
    name: 'Thông tư quy định mẫu thẻ căn cước, mẫu giấy chứng nhận căn cước',
  },
  tt17_2024: {
    number: '17/2024/TT-BCA',
    name: 'Thông tư quy định chi tiết một số điều và biện pháp thi hành Luật Căn cước',
  },
  tt18_2024: {
    number: '18/2024/TT-BCA',
    name: 'Thông tư quy định quy trình cấp, cấp đổi, cấp lại thẻ căn cước, giấy chứng nhận căn cước',
  },
  tt53_2025: {
    number: '53/2025/TT-BCA',
    name: 'Thông tư sửa đổi các Thông tư 55/2021, 56/2021 về cư trú và Thông tư 17/2024/TT-BCA về căn cước',
  },
  tt73_2024_btc: {
    number: '73/2024/TT-BTC',
    name: 'Thông tư quy định mức thu, miễn, chế độ thu, nộp lệ phí cấp đổi, cấp lại thẻ căn cước',
  },
  tt64_2025_btc: {
    number: '64/2025/TT-BTC',
    name: 'Thông tư quy định mức thu, miễn một số khoản phí, lệ phí nhằm hỗ trợ doanh nghiệp, người dân',
  },
  nq190_2025: {
    number: '190/2025/QH15',
    name: 'Nghị quyết của Quốc hội về xử lý một số vấn đề liên quan đến sắp xếp tổ chức bộ máy nhà nước',
  },
  nd69_2024: { number: '69/2024/NĐ-CP', name: 'Nghị định quy định về định danh và xác thực điện tử' },

  // Giảm nghèo
  qd24_2021: {
    number: '24/2021/QĐ-TTg',
    name: 'Quyết định quy định quy trình rà soát hộ nghèo, hộ cận nghèo hằng năm và quy trình xác định hộ có mức sống trung bình giai đoạn 2022-2025',
  },
  tt07_2021_ldtbxh: {
    number: '07/2021/TT-BLĐTBXH',
    name: 'Thông tư hướng dẫn phương pháp rà soát, phân loại hộ nghèo, hộ cận nghèo giai đoạn 2022-2025 và mẫu biểu báo cáo',
  },
  tt02_2022_ldtbxh: {
    number: '02/2022/TT-BLĐTBXH',
    name: 'Thông tư sửa đổi, bổ sung Thông tư 07/2021/TT-BLĐTBXH',
  },

  // Đất đai
  luatDatDai: { number: '31/2024/QH15', name: 'Luật Đất đai 2024' },
  luat43_2024: {
    number: '43/2024/QH15',
    name: 'Luật sửa đổi, bổ sung một số điều của Luật Đất đai, Luật Nhà ở, Luật Kinh doanh bất động sản và Luật Các tổ chức tín dụng',
  },
  nd101_2024: {
    number: '101/2024/NĐ-CP',
    name: 'Nghị định quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất và hệ thống thông tin đất đai',
  },
  nd102_2024: {
    number: '102/2024/NĐ-CP',
    name: 'Nghị định quy định chi tiết thi hành một số điều của Luật Đất đai',
  },
  nd151_2025: {
    number: '151/2025/NĐ-CP',
    name: 'Nghị định phân định thẩm quyền của chính quyền địa phương 02 cấp, phân quyền, phân cấp trong lĩnh vực đất đai',
  },
  nd226_2025: {
    number: '226/2025/NĐ-CP',
    name: 'Nghị định sửa đổi, bổ sung một số điều của các nghị định quy định chi tiết thi hành Luật Đất đai',
  },
  nd118_2025: {
    number: '118/2025/NĐ-CP',
    name: 'Nghị định về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia',
  },

  // Nuôi con nuôi
  nd24_2019: {
    number: '24/2019/NĐ-CP',
    name: 'Nghị định sửa đổi, bổ sung Nghị định 19/2011/NĐ-CP hướng dẫn thi hành Luật Nuôi con nuôi',
  },
  nd06_2025: {
    number: '06/2025/NĐ-CP',
    name: 'Nghị định sửa đổi, bổ sung một số điều của các nghị định về nuôi con nuôi',
  },
  nd104_2022: {
    number: '104/2022/NĐ-CP',
    name: 'Nghị định sửa đổi các nghị định liên quan đến việc nộp, xuất trình sổ hộ khẩu, sổ tạm trú giấy',
  },
  nd120_2025: {
    number: '120/2025/NĐ-CP',
    name: 'Nghị định phân định thẩm quyền của chính quyền địa phương 02 cấp trong lĩnh vực quản lý nhà nước của Bộ Tư pháp',
  },
  nd18_2026: {
    number: '18/2026/NĐ-CP',
    name: 'Nghị định sửa đổi một số nghị định để cắt giảm, đơn giản hóa thủ tục hành chính, điều kiện kinh doanh thuộc lĩnh vực Bộ Tư pháp',
  },
  nq66_7_2025: {
    number: '66.7/2025/NQ-CP',
    name: 'Nghị quyết cắt giảm, đơn giản hóa thủ tục hành chính dựa trên dữ liệu',
  },
  tt10_2020_btp: {
    number: '10/2020/TT-BTP',
    name: 'Thông tư ban hành, hướng dẫn việc ghi chép, sử dụng, quản lý và lưu trữ sổ, mẫu giấy tờ, hồ sơ nuôi con nuôi',
  },
  tt07_2023_btp: {
    number: '07/2023/TT-BTP',
    name: 'Thông tư sửa đổi, bổ sung Thông tư 10/2020/TT-BTP về sổ, mẫu giấy tờ, hồ sơ nuôi con nuôi',
  },

  // Hộ kinh doanh
  luatDoanhNghiep: { number: '59/2020/QH14', name: 'Luật Doanh nghiệp 2020' },
  luat76_2025: { number: '76/2025/QH15', name: 'Luật sửa đổi, bổ sung một số điều của Luật Doanh nghiệp 2020' },
  nd168_2025: { number: '168/2025/NĐ-CP', name: 'Nghị định về đăng ký doanh nghiệp' },
  tt68_2025_btc: {
    number: '68/2025/TT-BTC',
    name: 'Thông tư ban hành biểu mẫu sử dụng trong đăng ký doanh nghiệp, đăng ký hộ kinh doanh',
  },
  tt85_2019_btc: {
    number: '85/2019/TT-BTC',
    name: 'Thông tư hướng dẫn về phí, lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân cấp tỉnh',
  },

  // Xây dựng
  luatXayDung: { number: '50/2014/QH13', name: 'Luật Xây dựng 2014' },
  luat62_2020: { number: '62/2020/QH14', name: 'Luật sửa đổi, bổ sung một số điều của Luật Xây dựng' },
  nd175_2024: {
    number: '175/2024/NĐ-CP',
    name: 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Xây dựng về quản lý hoạt động xây dựng',
  },
  nd105_2025: {
    number: '105/2025/NĐ-CP',
    name: 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ',
  },
  nd140_2025: {
    number: '140/2025/NĐ-CP',
    name: 'Nghị định phân định thẩm quyền của chính quyền địa phương 02 cấp trong lĩnh vực quản lý nhà nước của Bộ Xây dựng',
  },
  nd144_2025: {
    number: '144/2025/NĐ-CP',
    name: 'Nghị định quy định phân quyền, phân cấp trong lĩnh vực quản lý nhà nước của Bộ Xây dựng',
  },
  nd14_2026: {
    number: '14/2026/NĐ-CP',
    name: 'Nghị định sửa đổi một số nghị định để cắt giảm, đơn giản hóa thủ tục hành chính liên quan đến sản xuất, kinh doanh thuộc lĩnh vực Bộ Xây dựng',
  },
} satisfies Record<string, LegalInput>;

// ---------------------------------------------------------------------------------------------
// Official forms citizens fill in (ids are unique across the whole demo catalogue).
// ---------------------------------------------------------------------------------------------

const DC01: FormInput = {
  id: 'dc01-cc',
  title: 'Phiếu thu thập thông tin dân cư (Mẫu DC01)',
  source: 'Mẫu DC01 ban hành kèm Thông tư 53/2025/TT-BCA',
  fields: [
    'Họ, chữ đệm và tên; tên gọi khác (nếu có)',
    'Ngày, tháng, năm sinh; giới tính',
    'Số định danh cá nhân (nếu đã có)',
    'Nơi đăng ký khai sinh; quê quán',
    'Dân tộc; tôn giáo; quốc tịch; nhóm máu (nếu có)',
    'Nơi thường trú; nơi tạm trú; nơi ở hiện tại',
    'Nghề nghiệp',
    'Họ tên, số định danh cá nhân, quốc tịch của cha, mẹ, vợ hoặc chồng, người đại diện hợp pháp',
    'Họ tên chủ hộ và quan hệ với chủ hộ',
    'Ngày kê khai; người kê khai ký, ghi rõ họ tên',
  ],
};

const DC02: FormInput = {
  id: 'dc02-cc',
  title: 'Phiếu đề nghị giải quyết thủ tục về căn cước (Mẫu DC02)',
  source: 'Mẫu DC02 ban hành kèm Thông tư 17/2024/TT-BCA',
  fields: [
    'Kính gửi (cơ quan quản lý căn cước)',
    'Họ, chữ đệm và tên khai sinh',
    'Ngày, tháng, năm sinh; giới tính',
    'Số định danh cá nhân',
    'Nơi cư trú',
    'Số điện thoại, thư điện tử',
    'Thủ tục đề nghị giải quyết (cấp, cấp đổi, cấp lại thẻ căn cước; điều chỉnh thông tin...)',
    'Lý do đề nghị; thông tin cần điều chỉnh (nếu có)',
    'Họ tên, số định danh cá nhân của người đại diện hợp pháp (nếu có)',
    'Hình thức nhận kết quả (trực tiếp hoặc qua bưu chính, địa chỉ nhận)',
    'Người đề nghị ký, ghi rõ họ tên',
  ],
};

const TK01: FormInput = {
  id: 'tk01-nd69',
  title: 'Phiếu đề nghị cấp tài khoản định danh điện tử, căn cước điện tử (Mẫu TK01)',
  source: 'Mẫu TK01 ban hành kèm Nghị định 69/2024/NĐ-CP',
  fields: [
    'Họ, chữ đệm và tên',
    'Ngày, tháng, năm sinh; giới tính',
    'Số định danh cá nhân',
    'Số thuê bao di động chính chủ',
    'Địa chỉ thư điện tử (nếu có)',
    'Loại tài khoản đề nghị cấp (mức độ 2)',
    'Thông tin đề nghị tích hợp vào căn cước điện tử (nếu có nhu cầu)',
    'Họ tên, số định danh cá nhân của người đại diện, người giám hộ (nếu có)',
    'Người đề nghị ký, ghi rõ họ tên',
  ],
};

const GN_MAU01: FormInput = {
  id: 'mau-01-qd24-2021',
  title: 'Giấy đề nghị rà soát hộ nghèo, hộ cận nghèo (Mẫu số 01)',
  source: 'Mẫu số 01 Phụ lục ban hành kèm Quyết định 24/2021/QĐ-TTg',
  fields: [
    'Kính gửi Chủ tịch Ủy ban nhân dân cấp xã',
    'Họ và tên người đề nghị (đại diện hộ gia đình)',
    'Ngày sinh; số căn cước',
    'Nơi cư trú (thôn, tổ dân phố; xã, phường)',
    'Số nhân khẩu trong hộ',
    'Lý do đề nghị (hoàn cảnh, thu nhập, khó khăn của hộ)',
    'Đề nghị rà soát, xét công nhận hộ nghèo hoặc hộ cận nghèo',
    'Cam đoan thông tin khai là đúng',
    'Ngày đề nghị; người đề nghị ký, ghi rõ họ tên',
  ],
};

const GN_MAU04: FormInput = {
  id: 'mau-04-qd24-2021',
  title: 'Giấy đề nghị công nhận hộ thoát nghèo, hộ thoát cận nghèo (Mẫu số 04)',
  source: 'Mẫu số 04 Phụ lục ban hành kèm Quyết định 24/2021/QĐ-TTg',
  fields: [
    'Kính gửi Chủ tịch Ủy ban nhân dân cấp xã',
    'Họ và tên người đề nghị (đại diện hộ gia đình)',
    'Ngày sinh; số căn cước',
    'Nơi cư trú (thôn, tổ dân phố; xã, phường)',
    'Hộ đang thuộc diện hộ nghèo hoặc hộ cận nghèo (năm công nhận)',
    'Lý do đề nghị thoát nghèo, thoát cận nghèo (thu nhập, điều kiện sống đã cải thiện)',
    'Đề nghị công nhận hộ thoát nghèo hoặc hộ thoát cận nghèo',
    'Ngày đề nghị; người đề nghị ký, ghi rõ họ tên',
  ],
};

/** The portal record names the form but not its number; the form comes with Decree 101/2024. */
const DON_DANG_KY_DAT: FormInput = {
  id: 'don-dang-ky-dat-dai',
  title: 'Đơn đăng ký đất đai, tài sản gắn liền với đất',
  source: 'Mẫu ban hành kèm Nghị định 101/2024/NĐ-CP',
  fields: [
    'Kính gửi (cơ quan tiếp nhận hồ sơ)',
    'Người sử dụng đất, chủ sở hữu tài sản: họ tên, năm sinh, số định danh cá nhân, địa chỉ',
    'Thửa đất: số thửa, tờ bản đồ, địa chỉ, diện tích',
    'Hình thức sử dụng (riêng, chung); mục đích, thời hạn sử dụng',
    'Nguồn gốc sử dụng đất; thời điểm bắt đầu sử dụng',
    'Tài sản gắn liền với đất: loại nhà ở, công trình, diện tích xây dựng, diện tích sàn, số tầng',
    'Giấy tờ nộp kèm theo đơn',
    'Có hay không có nhu cầu cấp Giấy chứng nhận',
    'Đề nghị ghi nợ nghĩa vụ tài chính (nếu có)',
    'Cam đoan nội dung kê khai; người viết đơn ký, ghi rõ họ tên',
  ],
};

const CN_DON_XIN: FormInput = {
  id: 'don-xin-nhan-con-nuoi',
  title: 'Đơn xin nhận con nuôi (trong nước)',
  source: 'Mẫu ban hành kèm Thông tư 10/2020/TT-BTP (sửa đổi bởi Thông tư 07/2023/TT-BTP)',
  fields: [
    'Kính gửi Ủy ban nhân dân cấp xã',
    'Người nhận con nuôi (ông, bà): họ tên, ngày sinh, dân tộc, quốc tịch',
    'Số giấy tờ tùy thân hoặc số định danh cá nhân; nơi cư trú',
    'Nghề nghiệp; tình trạng hôn nhân',
    'Người được nhận làm con nuôi: họ tên, ngày sinh, giới tính, nơi sinh, nơi cư trú',
    'Quan hệ với trẻ em (nếu có: cha dượng, mẹ kế, cô, cậu, dì, chú, bác ruột)',
    'Lý do xin nhận con nuôi',
    'Cam kết chăm sóc, nuôi dưỡng, giáo dục con nuôi',
    'Ngày làm đơn; người nhận con nuôi ký, ghi rõ họ tên',
  ],
};

const CN_XAC_NHAN_HOAN_CANH: FormInput = {
  id: 'xac-nhan-hoan-canh-nhan-con-nuoi',
  title: 'Văn bản xác nhận hoàn cảnh gia đình, tình trạng chỗ ở, điều kiện kinh tế của người nhận con nuôi',
  source: 'Mẫu ban hành kèm Thông tư 10/2020/TT-BTP (sửa đổi bởi Thông tư 07/2023/TT-BTP)',
  fields: [
    'Kính gửi Ủy ban nhân dân cấp xã nơi thường trú',
    'Họ tên, ngày sinh, số định danh cá nhân của người nhận con nuôi (và vợ hoặc chồng)',
    'Nơi cư trú',
    'Hoàn cảnh gia đình: số thành viên, con đẻ, con nuôi hiện có',
    'Tình trạng chỗ ở (nhà riêng, thuê, diện tích)',
    'Nghề nghiệp, thu nhập, điều kiện kinh tế',
    'Người đề nghị ký, ghi rõ họ tên',
    'Phần xác nhận của Ủy ban nhân dân cấp xã sau khi xác minh',
  ],
};

const CN_DANG_KY_NHU_CAU: FormInput = {
  id: 'don-dang-ky-nhu-cau-nhan-con-nuoi',
  title: 'Đơn đăng ký nhu cầu nhận trẻ em làm con nuôi',
  source: 'Mẫu ban hành kèm Thông tư 10/2020/TT-BTP (sửa đổi bởi Thông tư 07/2023/TT-BTP)',
  fields: [
    'Kính gửi Sở Tư pháp nơi thường trú',
    'Họ tên, ngày sinh, số định danh cá nhân của người nhận con nuôi (và vợ hoặc chồng)',
    'Nơi thường trú; số điện thoại',
    'Nghề nghiệp; tình trạng hôn nhân',
    'Mong muốn về trẻ em được nhận: độ tuổi, giới tính, tình trạng sức khỏe',
    'Lý do nhận con nuôi',
    'Cam kết chăm sóc, nuôi dưỡng, giáo dục con nuôi',
    'Người đăng ký ký, ghi rõ họ tên',
  ],
};

const HKD_DE_NGHI: FormInput = {
  id: 'giay-de-nghi-dang-ky-hkd',
  title: 'Giấy đề nghị đăng ký hộ kinh doanh',
  source: 'Mẫu ban hành kèm Thông tư 68/2025/TT-BTC',
  fields: [
    'Kính gửi Cơ quan đăng ký kinh doanh cấp xã',
    'Tên hộ kinh doanh',
    'Địa chỉ trụ sở; điện thoại, thư điện tử',
    'Ngành, nghề kinh doanh',
    'Vốn kinh doanh',
    'Số lượng lao động',
    'Thông tin chủ hộ kinh doanh: họ tên, ngày sinh, số định danh cá nhân, nơi cư trú',
    'Thành viên hộ gia đình cùng đăng ký (nếu có)',
    'Thông tin đăng ký thuế (ngày bắt đầu hoạt động, phương pháp tính thuế...)',
    'Cam kết; chủ hộ kinh doanh ký, ghi rõ họ tên',
  ],
};

const HKD_THAY_DOI: FormInput = {
  id: 'giay-de-nghi-thay-doi-hkd',
  title: 'Giấy đề nghị đăng ký thay đổi nội dung đăng ký hộ kinh doanh',
  source: 'Mẫu ban hành kèm Thông tư 68/2025/TT-BTC',
  fields: [
    'Kính gửi Cơ quan đăng ký kinh doanh cấp xã',
    'Tên hộ kinh doanh; mã số hộ kinh doanh',
    'Địa chỉ trụ sở hiện tại',
    'Nội dung đăng ký thay đổi: tên, địa chỉ trụ sở, ngành nghề, vốn kinh doanh',
    'Thay đổi chủ hộ kinh doanh, thành viên hộ gia đình (nếu có)',
    'Thay đổi thông tin đăng ký thuế (nếu có)',
    'Cam kết; chủ hộ kinh doanh ký, ghi rõ họ tên',
  ],
};

const HKD_CHAM_DUT: FormInput = {
  id: 'thong-bao-cham-dut-hkd',
  title: 'Thông báo chấm dứt hoạt động hộ kinh doanh',
  source: 'Mẫu ban hành kèm Thông tư 68/2025/TT-BTC',
  fields: [
    'Kính gửi Cơ quan đăng ký kinh doanh cấp xã',
    'Tên hộ kinh doanh; mã số hộ kinh doanh',
    'Số, ngày cấp Giấy chứng nhận đăng ký hộ kinh doanh',
    'Địa chỉ trụ sở',
    'Họ tên, số định danh cá nhân của chủ hộ kinh doanh',
    'Thời điểm chấm dứt hoạt động',
    'Cam kết đã thanh toán đủ các khoản nợ, kể cả nợ thuế',
    'Chủ hộ kinh doanh ký, ghi rõ họ tên',
  ],
};

const XD_MAU01: FormInput = {
  id: 'mau-01-pl2-nd175',
  title: 'Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 1 Phụ lục II)',
  source: 'Mẫu số 1 Phụ lục II ban hành kèm Nghị định 175/2024/NĐ-CP',
  fields: [
    'Kính gửi cơ quan cấp giấy phép xây dựng',
    'Chủ đầu tư: tên, người đại diện, địa chỉ liên hệ, số điện thoại',
    'Địa điểm xây dựng: lô đất, diện tích, đường phố, xã hoặc phường, tỉnh',
    'Tổ chức, cá nhân lập thiết kế; chứng chỉ hành nghề (nếu có)',
    'Loại công trình; cấp công trình',
    'Diện tích xây dựng tầng 1; tổng diện tích sàn',
    'Chiều cao công trình; số tầng (kể cả tầng hầm, tầng lửng)',
    'Dự kiến thời gian hoàn thành công trình',
    'Cam kết xây dựng đúng giấy phép',
    'Chủ đầu tư ký, ghi rõ họ tên (đóng dấu nếu là tổ chức)',
  ],
};

// ---------------------------------------------------------------------------------------------
// Shared pieces of the "Cấp, quản lý căn cước" records.
// ---------------------------------------------------------------------------------------------

const CC_FIELD = 'Cấp, quản lý căn cước';
const CC_TYPE = 'TTHC được giao luật quy định chi tiết';
const CC_AGENCY = 'Công an cấp xã (cơ quan có thẩm quyền: Cục Cảnh sát quản lý hành chính về trật tự xã hội, Bộ Công an)';
const CC_SUBMIT = 'Công an cấp xã hoặc Bộ phận Một cửa cấp xã bất kỳ trong cả nước (nơi đã triển khai), không phụ thuộc nơi cư trú';
const CC_HOURS = 'Tiếp nhận trong giờ hành chính từ thứ Hai đến thứ Sáu và sáng thứ Bảy (trừ ngày lễ, Tết).';
const CC_IN_PERSON = `Đến Công an cấp xã hoặc Bộ phận Một cửa cấp xã bất kỳ trong cả nước (nơi đã triển khai). ${CC_HOURS}`;
const CC_ONLINE = `Đăng ký trước qua Cổng Dịch vụ công quốc gia, Cổng dịch vụ công Bộ Công an hoặc ứng dụng VNeID để chọn thời gian, địa điểm; sau đó vẫn đến Công an cấp xã để thu nhận vân tay, ảnh khuôn mặt, mống mắt. ${CC_HOURS}`;
const CC_POST_RETURN = 'Chỉ trả thẻ qua dịch vụ bưu chính đến địa chỉ yêu cầu; hồ sơ vẫn nộp trực tiếp hoặc trực tuyến.';
/** Thông tư 73/2024/TT-BTC charges only re-issue (30.000 đồng) and replacement (50.000 đồng). */
const CC_FIRST_ISSUE_FEES = [{ label: 'Lệ phí cấp thẻ căn cước lần đầu', amount: 0, basis: 'per_case' as const }];
const CC_FIRST_ISSUE_NOTE = 'Cấp thẻ lần đầu không thu lệ phí; Thông tư 73/2024/TT-BTC chỉ thu lệ phí khi cấp đổi (30.000 đồng) hoặc cấp lại (50.000 đồng).';

const CC_RESULT: ResultInput = { name: 'Thẻ căn cước', code: 'KQ.G01.000023' };

const ccTime = (): ChannelInput['time'] => ({ value: 7, unit: 'working_days' });

const ccDc02 = (): ComponentInput => ({
  name: 'Phiếu đề nghị giải quyết thủ tục về căn cước (Mẫu DC02)',
  form: 'dc02-cc',
  originals: 1,
  required: true,
  note: 'Nộp trực tuyến thì kê khai trên biểu mẫu điện tử.',
});

const ccCc01 = (who = 'Công dân'): ComponentInput => ({
  name: 'Phiếu thu nhận thông tin căn cước (Phiếu CC01)',
  originals: 1,
  required: true,
  note: `Cán bộ in từ Cơ sở dữ liệu quốc gia về dân cư khi thu nhận hồ sơ; ${who.toLowerCase()} kiểm tra và ký xác nhận.`,
});

/** Extra papers when the citizen is not yet in the national population database. */
const ccNoDataGroups = (): NonNullable<ProcedureInput['componentGroups']> => [
  {
    id: 'chua-co-du-lieu',
    title: 'Chưa có thông tin trong Cơ sở dữ liệu quốc gia về dân cư',
    components: [
      {
        name: 'Phiếu thu thập thông tin dân cư (Mẫu DC01)',
        form: 'dc01-cc',
        originals: 1,
        required: true,
      },
    ],
  },
  {
    id: 'chua-co-du-lieu-xuat-trinh',
    title: 'Chưa có thông tin trong Cơ sở dữ liệu quốc gia về dân cư: giấy tờ xuất trình',
    components: [
      {
        name: 'Giấy tờ pháp lý chứng minh thông tin nhân thân (ví dụ giấy khai sinh)',
        originals: 1,
        required: true,
        note: 'Xuất trình, không nộp; dùng để cập nhật thông tin vào Cơ sở dữ liệu quốc gia về dân cư.',
      },
    ],
  },
];

const ccRepresentative = (): ComponentInput => ({
  name: 'Giấy tờ chứng minh là người đại diện hợp pháp của người dưới 14 tuổi (ví dụ giấy khai sinh của trẻ, quyết định cử người giám hộ)',
  originals: 1,
  required: true,
});

// ---------------------------------------------------------------------------------------------
// Shared pieces of the other fields.
// ---------------------------------------------------------------------------------------------

const GN_FIELD = 'Giảm nghèo';
const DD_FIELD = 'Đất đai';
const HKD_FIELD = 'Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)';
const LAW_GIVEN_DETAIL = 'TTHC được giao luật quy định chi tiết';

const HKD_AGENCY = 'Cơ quan đăng ký kinh doanh cấp xã';
const HKD_SUBMIT =
  'Cơ quan đăng ký kinh doanh cấp xã nơi hộ kinh doanh đặt trụ sở, hoặc bất kỳ cơ quan đăng ký kinh doanh cấp xã nào trong cùng tỉnh, thành phố';
const HKD_ONLINE =
  'Đăng nhập Hệ thống thông tin về đăng ký hộ kinh doanh bằng tài khoản định danh điện tử, kê khai, tải văn bản điện tử, ký số và nộp lệ phí trực tuyến.';
const HKD_FEE_TEXT =
  'Mức lệ phí cụ thể do HĐND tỉnh quyết định (Thông tư 85/2019/TT-BTC); nộp khi nộp hồ sơ, không hoàn lại nếu không được cấp; chưa gồm phí dịch vụ thanh toán điện tử.';

/** Papers when someone else files for the household business (Decree 168/2025). */
const hkdProxyGroups = (): NonNullable<ProcedureInput['componentGroups']> => [
  {
    id: 'uy-quyen',
    title: 'Ủy quyền cho người khác làm thủ tục (nộp một trong các giấy tờ theo trường hợp)',
    components: [
      {
        name: 'Văn bản ủy quyền cho cá nhân làm thủ tục',
        originals: 1,
        required: false,
        note: 'Ủy quyền cho cá nhân; không bắt buộc công chứng, chứng thực.',
      },
      {
        name: 'Hợp đồng cung cấp dịch vụ với tổ chức làm thủ tục và giấy giới thiệu của tổ chức đó cho người trực tiếp làm thủ tục',
        copies: 1,
        required: false,
        note: 'Ủy quyền cho tổ chức, hoặc cho doanh nghiệp bưu chính không phải bưu chính công ích; hợp đồng nộp bản sao.',
      },
      {
        name: 'Phiếu gửi hồ sơ của doanh nghiệp bưu chính công ích, có chữ ký của nhân viên bưu chính và chủ hộ kinh doanh',
        copies: 1,
        required: false,
        note: 'Ủy quyền cho bưu chính công ích.',
      },
      {
        name: 'Thẻ căn cước hoặc thẻ căn cước công dân còn hiệu lực của người ủy quyền',
        copies: 1,
        required: false,
        note: 'Chỉ khi người ủy quyền chưa có tài khoản định danh điện tử để xác thực điện tử.',
      },
    ],
  },
];

const HKD_PROXY_RULE =
  'Khi ủy quyền, người ủy quyền và người được ủy quyền chịu trách nhiệm về tính hợp pháp của việc ủy quyền và phải xác thực điện tử; nếu việc xác thực bị gián đoạn thì người ủy quyền xác thực sau khi hộ kinh doanh được cấp đăng ký.';

const XD_LAND_PAPER: ComponentInput = {
  name: 'Một trong các giấy tờ hợp pháp về đất đai theo Điều 53 Nghị định 175/2024/NĐ-CP (giấy chứng nhận quyền sử dụng đất, "sổ đỏ", "sổ hồng", quyết định giao đất, cho thuê đất...)',
  originals: 1,
  copies: 1,
  required: true,
  note: 'Nếu thuê đất hoặc thuê công trình để xây dựng thì nộp thêm hợp đồng thuê. Khi Cơ sở dữ liệu quốc gia về đất đai vận hành, giấy chứng nhận đã có trong cơ sở dữ liệu được thay bằng dữ liệu.',
};

const XD_PROJECT_PAPERS: ComponentInput = {
  name: 'Quyết định phê duyệt dự án; thông báo kết quả thẩm định của cơ quan chuyên môn về xây dựng kèm bản vẽ thiết kế cơ sở đã đóng dấu (nếu có); báo cáo thẩm tra thiết kế (nếu có); kết quả thủ tục phòng cháy, chữa cháy và thủ tục bảo vệ môi trường',
  originals: 1,
  copies: 1,
  required: true,
  note: 'Kết quả thủ tục bảo vệ môi trường khi báo cáo nghiên cứu khả thi không do cơ quan chuyên môn về xây dựng thẩm định.',
};

const XD_DRAWINGS_PROJECT: ComponentInput = {
  name: 'Bản vẽ thiết kế xây dựng (triển khai sau thiết kế cơ sở) đã được phê duyệt: tổng mặt bằng, định vị công trình; mặt bằng, mặt đứng, mặt cắt chủ yếu; mặt bằng, mặt cắt móng; giải pháp kết cấu chính; đấu nối hạ tầng kỹ thuật',
  originals: 2,
  required: true,
  note: '02 bộ.',
};

// ---------------------------------------------------------------------------------------------
// The records.
// ---------------------------------------------------------------------------------------------

export const otherFields: ProcedureInput[] = [
  // ------------------------------------------------------------------ Cấp, quản lý căn cước
  {
    code: '1.014061',
    name: 'Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên',
    field: CC_FIELD,
    levels: ['Cấp xã'],
    type: CC_TYPE,
    applicants: 'Công dân Việt Nam',
    agency: CC_AGENCY,
    submitAt: CC_SUBMIT,
    steps: [
      'Đến Công an cấp xã bất kỳ (không phụ thuộc nơi cư trú), hoặc đăng ký trước thời gian, địa điểm trên Cổng Dịch vụ công hay ứng dụng VNeID sau khi kiểm tra thông tin của mình.',
      'Cho cán bộ biết họ tên khai sinh, số định danh cá nhân, nơi cư trú để đối chiếu với Cơ sở dữ liệu quốc gia về dân cư; nếu thông tin chưa có hoặc sai thì phải bổ sung, điều chỉnh trước.',
      'Cán bộ thu nhận vân tay, chụp ảnh khuôn mặt, thu nhận ảnh mống mắt.',
      'Kiểm tra và ký Phiếu thu nhận thông tin căn cước; nộp lại thẻ căn cước công dân cũ (nếu có) và nhận giấy hẹn.',
      'Nhận thẻ tại Công an cấp xã hoặc qua bưu chính theo địa chỉ đã đăng ký.',
    ],
    channels: [
      {
        kind: 'in_person',
        time: ccTime(),
        timeText: 'Không quá 7 ngày làm việc',
        fees: CC_FIRST_ISSUE_FEES,
        feeText: CC_FIRST_ISSUE_NOTE,
        description: CC_IN_PERSON,
      },
      {
        kind: 'online',
        time: ccTime(),
        timeText: 'Không quá 7 ngày làm việc',
        fees: CC_FIRST_ISSUE_FEES,
        feeText: CC_FIRST_ISSUE_NOTE,
        description: CC_ONLINE,
      },
    ],
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp',
        components: [
          ccDc02(),
          ccCc01(),
          {
            name: 'Thẻ căn cước công dân đang dùng (nếu có)',
            originals: 1,
            required: false,
            note: 'Cán bộ thu lại khi nhận hồ sơ.',
          },
        ],
      },
      ...ccNoDataGroups(),
    ],
    forms: [DC02, DC01],
    results: [CC_RESULT],
    conditions:
      'Thông tin của công dân phải có và chính xác trong Cơ sở dữ liệu quốc gia về dân cư; nếu chưa có hoặc có thay đổi thì phải thu thập, điều chỉnh trước khi làm thẻ. Không đủ điều kiện thì Công an từ chối bằng thông báo (Mẫu CC03) nêu rõ lý do. Việc làm thẻ ở nơi khác nơi cư trú áp dụng theo lộ trình Bộ Công an thông báo.',
    legalBasis: [
      LAW.luatCanCuoc,
      LAW.nd70_2024,
      LAW.tt16_2024,
      LAW.tt17_2024,
      LAW.tt18_2024,
      LAW.tt53_2025,
      LAW.nq190_2025,
    ],
    onlineLevel: 'partial',
    summary:
      'Dùng khi bạn từ 14 tuổi trở lên và làm thẻ căn cước lần đầu (kể cả chuyển từ căn cước công dân cũ). Bạn phải đến Công an cấp xã để lấy vân tay, chụp ảnh; có thể đăng ký lịch hẹn trước trên VNeID. Có thẻ trong 7 ngày làm việc.',
    exemptions: [],
    keywords: [
      'làm căn cước',
      'làm căn cước lần đầu',
      'làm CCCD',
      'cấp thẻ căn cước',
      'làm căn cước gắn chip',
      'làm căn cước 14 tuổi',
      'làm chứng minh nhân dân',
      'làm thẻ căn cước mới',
    ],
    decision: '5710/QĐ-BCA-C06',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-9e11-77ef-bf03-ae190acb0be3',
  },
  {
    code: '1.014062',
    name: 'Cấp thẻ căn cước cho người dưới 14 tuổi',
    field: CC_FIELD,
    levels: ['Cấp xã'],
    type: CC_TYPE,
    applicants: 'Công dân Việt Nam',
    agency: CC_AGENCY,
    submitAt: CC_SUBMIT,
    steps: [
      'Trẻ dưới 6 tuổi: cha, mẹ hoặc người đại diện có thể nộp trực tuyến trên Cổng Dịch vụ công hoặc ứng dụng VNeID sau khi kiểm tra thông tin của trẻ, không cần đưa trẻ đến.',
      'Trẻ từ đủ 6 đến dưới 14 tuổi (hoặc khi nộp trực tiếp): người đại diện đưa trẻ đến Công an cấp xã bất kỳ.',
      'Cán bộ đối chiếu thông tin của trẻ trong Cơ sở dữ liệu quốc gia về dân cư; thu nhận vân tay, ảnh khuôn mặt, mống mắt với trẻ từ đủ 6 tuổi.',
      'Người đại diện kiểm tra, ký Phiếu thu nhận thông tin căn cước và nhận giấy hẹn.',
      'Nhận thẻ tại Công an cấp xã hoặc qua bưu chính.',
    ],
    channels: [
      {
        kind: 'in_person',
        time: ccTime(),
        timeText: 'Không quá 7 ngày làm việc',
        fees: CC_FIRST_ISSUE_FEES,
        feeText: CC_FIRST_ISSUE_NOTE,
        description: `Người đại diện hợp pháp đưa trẻ đến Công an cấp xã hoặc Bộ phận Một cửa cấp xã bất kỳ. ${CC_HOURS}`,
      },
      {
        kind: 'online',
        time: ccTime(),
        timeText: 'Không quá 7 ngày làm việc',
        fees: CC_FIRST_ISSUE_FEES,
        feeText: CC_FIRST_ISSUE_NOTE,
        description: `Qua Cổng Dịch vụ công quốc gia, Cổng dịch vụ công Bộ Công an hoặc VNeID: trẻ dưới 6 tuổi làm trọn trực tuyến; trẻ từ 6 tuổi đăng ký lịch rồi đến thu nhận vân tay, ảnh. ${CC_HOURS}`,
      },
      {
        kind: 'post',
        time: ccTime(),
        timeText: 'Không quá 7 ngày làm việc',
        fees: [],
        feeText: 'Không có thông tin về phí, lệ phí.',
        description: CC_POST_RETURN,
      },
    ],
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp',
        components: [ccDc02(), ccCc01('Người đại diện hợp pháp'), ccRepresentative()],
      },
      ...ccNoDataGroups(),
    ],
    forms: [DC02, DC01],
    results: [CC_RESULT],
    conditions:
      'Trẻ dưới 6 tuổi không phải thu nhận vân tay, mống mắt. Thông tin của trẻ phải có và đúng trong Cơ sở dữ liệu quốc gia về dân cư (chưa có hoặc sai thì bổ sung, điều chỉnh trước). Làm thẻ ở nơi khác nơi cư trú áp dụng theo lộ trình Bộ Công an thông báo.',
    legalBasis: [
      LAW.luatCanCuoc,
      LAW.nd70_2024,
      LAW.tt16_2024,
      LAW.tt17_2024,
      LAW.tt18_2024,
      LAW.tt53_2025,
      LAW.nq190_2025,
    ],
    onlineLevel: 'partial',
    summary:
      'Dùng khi cha mẹ muốn làm thẻ căn cước cho con dưới 14 tuổi. Trẻ dưới 6 tuổi có thể làm hoàn toàn trên VNeID; trẻ từ 6 tuổi phải được đưa đến Công an cấp xã để lấy vân tay, chụp ảnh. Có thẻ trong 7 ngày làm việc.',
    exemptions: [],
    keywords: [
      'làm căn cước cho con',
      'căn cước cho trẻ em',
      'căn cước dưới 14 tuổi',
      'căn cước cho bé',
      'căn cước cho trẻ dưới 6 tuổi',
      'làm CCCD cho con',
      'căn cước cho con trên VNeID',
    ],
    decision: '5710/QĐ-BCA-C06',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-9e16-74eb-bb7b-a492aadf15a0',
  },
  {
    code: '1.014063',
    name: 'Cấp đổi thẻ căn cước',
    field: CC_FIELD,
    levels: ['Cấp xã'],
    type: CC_TYPE,
    applicants: 'Công dân Việt Nam',
    agency: CC_AGENCY,
    submitAt: CC_SUBMIT,
    steps: [
      'Đến Công an cấp xã bất kỳ, hoặc đăng ký thời gian, địa điểm trên Cổng Dịch vụ công hay ứng dụng VNeID; đổi thẻ cho trẻ dưới 6 tuổi hoặc đổi do sắp xếp đơn vị hành chính thì có thể nộp trọn trực tuyến.',
      'Cán bộ đối chiếu thông tin với Cơ sở dữ liệu quốc gia về dân cư; nếu thông tin đã thay đổi thì phải điều chỉnh trước.',
      'Thu nhận vân tay, ảnh khuôn mặt, mống mắt với người từ đủ 6 tuổi (trừ trường hợp đổi do sắp xếp đơn vị hành chính: dùng lại dữ liệu lần gần nhất).',
      'Kiểm tra, ký Phiếu thu nhận thông tin căn cước; nộp thẻ cũ, nộp lệ phí và nhận giấy hẹn.',
      'Nhận thẻ mới tại Công an cấp xã hoặc qua bưu chính.',
    ],
    channels: [
      {
        kind: 'in_person',
        time: ccTime(),
        timeText: '7 ngày làm việc',
        fees: [
          {
            label: 'Lệ phí cấp đổi thẻ căn cước',
            amount: 25000,
            basis: 'per_case',
            note: 'Mức đang áp dụng từ 01/7/2025 đến hết 31/12/2026, bằng 50% mức 50.000 đồng/thẻ (Thông tư 64/2025/TT-BTC).',
          },
        ],
        feeText: 'Mức gốc 50.000 đồng/thẻ với các trường hợp tại khoản 1 Điều 24 Luật Căn cước; các trường hợp miễn theo Thông tư 73/2024/TT-BTC.',
        description: `Đến Công an cấp xã hoặc Bộ phận Một cửa cấp xã bất kỳ. ${CC_HOURS}`,
      },
      {
        kind: 'online',
        time: ccTime(),
        timeText: '7 ngày làm việc',
        fees: [
          {
            label: 'Lệ phí cấp đổi thẻ căn cước',
            amount: 25000,
            basis: 'per_case',
            note: 'Mức đang áp dụng từ 01/7/2025 đến hết 31/12/2026, bằng 50% mức 50.000 đồng/thẻ (Thông tư 64/2025/TT-BTC).',
          },
        ],
        feeText: 'Mức gốc 50.000 đồng/thẻ với các trường hợp tại khoản 1 Điều 24 Luật Căn cước; các trường hợp miễn theo Thông tư 73/2024/TT-BTC.',
        description: `Qua Cổng Dịch vụ công quốc gia, Cổng dịch vụ công Bộ Công an hoặc VNeID để đăng ký lịch làm thủ tục (hoặc nộp trọn trực tuyến với trẻ dưới 6 tuổi, đổi thẻ do sắp xếp đơn vị hành chính). ${CC_HOURS}`,
      },
      {
        kind: 'post',
        time: ccTime(),
        timeText: '7 ngày làm việc',
        fees: [],
        feeText: 'Cước trả thẻ qua bưu chính trả cho đơn vị cung cấp dịch vụ.',
        description: CC_POST_RETURN,
      },
    ],
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp',
        components: [
          ccDc02(),
          ccCc01(),
          { name: 'Thẻ căn cước đang dùng', originals: 1, required: true, note: 'Cán bộ thu lại khi nhận hồ sơ.' },
        ],
      },
      {
        id: 'duoi-14-tuoi',
        title: 'Người đại diện làm thủ tục cho người dưới 14 tuổi',
        components: [ccRepresentative()],
      },
      ...ccNoDataGroups(),
    ],
    forms: [DC02, DC01],
    results: [CC_RESULT],
    conditions:
      'Thuộc các trường hợp cấp đổi tại khoản 1 Điều 24 Luật Căn cước (ví dụ thông tin trên thẻ thay đổi, kể cả do sắp xếp đơn vị hành chính). Thông tin thay đổi phải được điều chỉnh trong Cơ sở dữ liệu quốc gia về dân cư trước khi đổi thẻ. Không đủ điều kiện thì Công an từ chối bằng thông báo (Mẫu CC03).',
    legalBasis: [
      LAW.luatCanCuoc,
      LAW.nd70_2024,
      LAW.tt16_2024,
      LAW.tt17_2024,
      LAW.tt18_2024,
      LAW.tt53_2025,
      LAW.tt73_2024_btc,
      LAW.tt64_2025_btc,
    ],
    onlineLevel: 'partial',
    summary:
      'Dùng khi bạn cần đổi thẻ căn cước mới, ví dụ khi thông tin trên thẻ thay đổi hoặc địa chỉ đổi do sáp nhập xã, tỉnh. Lệ phí hiện là 25.000 đồng (đến hết năm 2026); có thẻ trong 7 ngày làm việc.',
    exemptions: [],
    keywords: [
      'cấp đổi thẻ căn cước',
      'đổi căn cước',
      'đổi CCCD',
      'đổi thẻ căn cước do sáp nhập',
      'đổi căn cước khi đổi địa chỉ',
      'đổi căn cước đủ tuổi',
      'căn cước sai thông tin',
    ],
    decision: '5710/QĐ-BCA-C06',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-9e0f-730b-9510-60349ebab5b2',
  },
  {
    code: '1.014064',
    name: 'Cấp lại thẻ căn cước',
    field: CC_FIELD,
    levels: ['Cấp xã'],
    type: CC_TYPE,
    applicants: 'Công dân Việt Nam',
    agency: CC_AGENCY,
    submitAt: 'Công an cấp xã bất kỳ trong cả nước (không phụ thuộc nơi cư trú), hoặc nộp trực tuyến',
    steps: [
      'Đến Công an cấp xã bất kỳ, hoặc chọn thủ tục cấp lại trên Cổng Dịch vụ công hay ứng dụng VNeID, kiểm tra thông tin rồi gửi đề nghị.',
      'Mất thẻ hoặc thẻ hư hỏng: cán bộ dùng ảnh, vân tay, mống mắt thu nhận lần gần nhất, không phải thu lại.',
      'Được trở lại quốc tịch Việt Nam: làm như cấp thẻ lần đầu, có thu nhận vân tay, ảnh khuôn mặt, mống mắt.',
      'Nếu nộp trực tiếp: kiểm tra, ký Phiếu thu nhận thông tin căn cước; nộp thẻ cũ (nếu còn), nộp lệ phí, nhận giấy hẹn (giấy hoặc điện tử).',
      'Nhận thẻ tại cơ quan Công an nơi nộp hồ sơ hoặc qua bưu chính.',
    ],
    channels: [
      {
        kind: 'in_person',
        time: ccTime(),
        timeText: 'Không quá 7 ngày làm việc',
        fees: [
          {
            label: 'Lệ phí cấp lại thẻ căn cước',
            amount: 35000,
            basis: 'per_case',
            note: 'Mức đang áp dụng từ 01/7/2025 đến hết 31/12/2026, bằng 50% mức 70.000 đồng/thẻ (Thông tư 64/2025/TT-BTC).',
          },
        ],
        feeText: 'Mức gốc 70.000 đồng/thẻ với các trường hợp tại khoản 2 Điều 24 Luật Căn cước.',
        description: `Đến trụ sở Công an cấp xã hoặc Bộ phận Một cửa cấp xã bất kỳ. ${CC_HOURS}`,
      },
      {
        kind: 'online',
        time: ccTime(),
        timeText: 'Không quá 7 ngày làm việc',
        fees: [
          {
            label: 'Lệ phí cấp lại thẻ căn cước',
            amount: 35000,
            basis: 'per_case',
            note: 'Mức đang áp dụng từ 01/7/2025 đến hết 31/12/2026, bằng 50% mức 70.000 đồng/thẻ (Thông tư 64/2025/TT-BTC).',
          },
        ],
        feeText: 'Mức gốc 70.000 đồng/thẻ với các trường hợp tại khoản 2 Điều 24 Luật Căn cước.',
        description: `Nộp trực tuyến qua Cổng Dịch vụ công quốc gia, Cổng dịch vụ công Bộ Công an hoặc VNeID. ${CC_HOURS}`,
      },
      {
        kind: 'post',
        time: ccTime(),
        timeText: 'Không quá 7 ngày làm việc',
        fees: [],
        feeText: 'Cước trả thẻ qua bưu chính theo giá dịch vụ.',
        description: 'Trả thẻ qua dịch vụ bưu chính đến địa chỉ yêu cầu.',
      },
    ],
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp',
        components: [
          ccDc02(),
          ccCc01(),
          { name: 'Thẻ căn cước cũ (nếu còn, ví dụ thẻ bị hư hỏng)', originals: 1, required: false, note: 'Cán bộ thu lại khi nhận hồ sơ.' },
        ],
      },
      {
        id: 'duoi-14-tuoi',
        title: 'Người đại diện làm thủ tục cho người dưới 14 tuổi',
        components: [ccRepresentative()],
      },
      ...ccNoDataGroups(),
    ],
    forms: [DC02, DC01],
    results: [CC_RESULT],
    conditions:
      'Thuộc các trường hợp cấp lại tại khoản 2 Điều 24 Luật Căn cước: mất thẻ, thẻ hư hỏng không sử dụng được, hoặc được trở lại quốc tịch Việt Nam. Không đủ điều kiện thì Công an từ chối bằng thông báo (Mẫu CC03) nêu rõ lý do.',
    legalBasis: [
      LAW.luatCanCuoc,
      LAW.nd70_2024,
      LAW.tt16_2024,
      LAW.tt17_2024,
      LAW.tt18_2024,
      LAW.tt53_2025,
      LAW.nq190_2025,
    ],
    onlineLevel: 'full',
    summary:
      'Dùng khi bạn bị mất thẻ căn cước hoặc thẻ hỏng không dùng được. Có thể nộp trên VNeID mà không cần chụp ảnh, lấy vân tay lại; lệ phí hiện là 35.000 đồng (đến hết năm 2026), có thẻ trong 7 ngày làm việc.',
    exemptions: [],
    keywords: [
      'mất căn cước',
      'làm lại căn cước',
      'mất CCCD',
      'cấp lại thẻ căn cước',
      'căn cước bị hỏng',
      'làm lại CCCD bị mất',
      'thẻ căn cước bị gãy',
    ],
    decision: '5710/QĐ-BCA-C06',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-9e0b-7681-bd68-83f1e84c1cc7',
  },
  {
    code: '1.012564',
    name: 'Điều chỉnh thông tin trong Cơ sở dữ liệu quốc gia về dân cư theo đề nghị của công dân (thực hiện tại cấp xã)',
    field: CC_FIELD,
    levels: ['Cấp xã'],
    type: CC_TYPE,
    applicants: 'Công dân Việt Nam',
    agency: 'Công an cấp xã',
    submitAt: 'Cơ quan Công an gần nhất, hoặc nộp trực tuyến, qua bưu chính',
    steps: [
      'Chuẩn bị Phiếu đề nghị giải quyết thủ tục về căn cước (Mẫu DC02) ghi rõ thông tin cần điều chỉnh.',
      'Nộp trực tuyến (Cổng Dịch vụ công, VNeID), qua bưu chính hoặc tại cơ quan Công an gần nhất; nơi nhận không phải Công an cấp xã nơi bạn cư trú sẽ chuyển hồ sơ về đúng nơi.',
      'Trưởng Công an cấp xã nơi cư trú kiểm tra tính pháp lý, tính chính xác của thông tin; hồ sơ đủ thì cấp giấy hẹn (Mẫu CC02), thiếu thì hướng dẫn bổ sung, không hợp lệ thì từ chối (Mẫu CC03).',
      'Nhận thông báo kết quả điều chỉnh thông tin trong Cơ sở dữ liệu quốc gia về dân cư.',
    ],
    channels: [
      {
        kind: 'in_person',
        time: { value: 2, unit: 'working_days' },
        timeText: '2 ngày làm việc kể từ khi tiếp nhận (không tính thời gian chuyển hồ sơ giữa các cơ quan Công an)',
        fees: [{ label: 'Điều chỉnh thông tin dân cư', amount: 0, basis: 'per_case', note: 'Chưa quy định phí, lệ phí' }],
        description: 'Nộp tại cơ quan Công an gần nhất, trong giờ hành chính từ thứ Hai đến thứ Sáu (trừ ngày lễ, Tết).',
      },
      {
        kind: 'online',
        time: { value: 2, unit: 'working_days' },
        timeText: '2 ngày làm việc kể từ khi tiếp nhận (không tính thời gian chuyển hồ sơ giữa các cơ quan Công an)',
        fees: [{ label: 'Điều chỉnh thông tin dân cư', amount: 0, basis: 'per_case', note: 'Chưa quy định phí, lệ phí' }],
        description: 'Nộp qua Cổng Dịch vụ công quốc gia, Cổng dịch vụ công Bộ Công an hoặc ứng dụng VNeID; xử lý trong giờ hành chính từ thứ Hai đến thứ Sáu.',
      },
      {
        kind: 'post',
        time: { value: 2, unit: 'working_days' },
        timeText: '2 ngày làm việc kể từ khi tiếp nhận (không tính thời gian chuyển hồ sơ giữa các cơ quan Công an)',
        fees: [{ label: 'Điều chỉnh thông tin dân cư', amount: 0, basis: 'per_case', note: 'Chưa quy định phí, lệ phí' }],
        description: 'Gửi hồ sơ qua dịch vụ bưu chính (nơi có triển khai).',
      },
    ],
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp',
        components: [
          {
            name: 'Phiếu đề nghị giải quyết thủ tục về căn cước (Mẫu DC02), ghi thông tin cần điều chỉnh',
            form: 'dc02-cc',
            originals: 1,
            required: true,
          },
        ],
      },
    ],
    forms: [DC02],
    results: [{ name: 'Cập nhật thông tin trong Cơ sở dữ liệu quốc gia về dân cư', code: 'KQ.G01.000064' }],
    conditions: '',
    legalBasis: [LAW.luatCanCuoc, LAW.nd70_2024, LAW.tt16_2024, LAW.tt17_2024, LAW.tt18_2024],
    onlineLevel: 'full',
    summary:
      'Dùng khi thông tin của bạn trong Cơ sở dữ liệu quốc gia về dân cư (hiện trên VNeID, căn cước) bị sai hoặc đã thay đổi và cần sửa. Nộp trên VNeID hoặc tại Công an gần nhất; miễn phí, xong trong 2 ngày làm việc.',
    exemptions: [],
    keywords: [
      'sửa thông tin dân cư',
      'điều chỉnh thông tin dân cư',
      'sai thông tin trên VNeID',
      'sửa thông tin căn cước',
      'cập nhật thông tin dân cư',
      'sai ngày sinh trên VNeID',
      'sửa quê quán trong dữ liệu dân cư',
    ],
    decision: '1523/QĐ-BCA-C06',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-8ebf-777a-917d-a5f1a2877eac',
  },
  // ------------------------------------------------------------------ Định danh và xác thực điện tử
  {
    code: '3.000228',
    name: 'Cấp tài khoản định danh điện tử mức độ 02, căn cước điện tử cho công dân Việt Nam (cấp xã)',
    field: 'Định danh và xác thực điện tử',
    levels: ['Cấp xã'],
    type: 'Loại khác',
    applicants: 'Công dân Việt Nam',
    agency: 'Công an cấp xã (cơ quan có thẩm quyền: Cục Cảnh sát quản lý hành chính về trật tự xã hội, Bộ Công an)',
    submitAt: 'Công an cấp xã bất kỳ trong cả nước (không phụ thuộc nơi cư trú)',
    steps: [
      'Mang thẻ căn cước hoặc thẻ căn cước công dân gắn chip còn hiệu lực đến Công an cấp xã bất kỳ.',
      'Khai Phiếu đề nghị cấp tài khoản định danh điện tử (Mẫu TK01), ghi rõ số điện thoại chính chủ, thư điện tử (nếu có) và thông tin muốn tích hợp.',
      'Cán bộ nhập thông tin, xác thực ảnh khuôn mặt, vân tay của bạn với Cơ sở dữ liệu căn cước.',
      'Nhận thông báo kết quả qua ứng dụng VNeID, tin nhắn SMS hoặc thư điện tử, rồi kích hoạt tài khoản trên VNeID.',
      'Chưa có thẻ gắn chip hoặc thẻ đã hết hạn: làm tài khoản mức 2 cùng lúc với thủ tục cấp thẻ căn cước.',
    ],
    channels: [
      {
        kind: 'in_person',
        time: { value: 3, unit: 'working_days' },
        timeText: 'Không quá 3 ngày làm việc (đã có thẻ căn cước hoặc căn cước công dân gắn chip còn hiệu lực)',
        fees: [],
        feeText: 'Không có thông tin về phí, lệ phí.',
        description: 'Đến Công an cấp xã trong giờ hành chính từ thứ Hai đến thứ Sáu (trừ ngày lễ, Tết); người đã có thẻ gắn chip còn hiệu lực.',
      },
      {
        kind: 'in_person',
        time: { value: 7, unit: 'working_days' },
        timeText: 'Không quá 7 ngày làm việc (chưa có thẻ gắn chip hoặc thẻ đã hết hiệu lực)',
        fees: [],
        feeText: 'Không có thông tin về phí, lệ phí.',
        description: 'Người chưa có thẻ căn cước, căn cước công dân gắn chip hoặc thẻ đã hết hiệu lực: làm cùng thủ tục cấp thẻ căn cước.',
      },
    ],
    componentGroups: [
      {
        id: 'da-co-the',
        title: 'Đã có thẻ căn cước hoặc căn cước công dân gắn chip còn hiệu lực',
        components: [
          {
            name: 'Phiếu đề nghị cấp tài khoản định danh điện tử, căn cước điện tử (Mẫu TK01)',
            form: 'tk01-nd69',
            originals: 1,
            required: true,
            note: 'Ghi rõ số thuê bao di động chính chủ, thư điện tử (nếu có) và thông tin muốn tích hợp (nếu có).',
          },
        ],
      },
      {
        id: 'da-co-the-xuat-trinh',
        title: 'Đã có thẻ: giấy tờ xuất trình',
        components: [
          {
            name: 'Thẻ căn cước hoặc thẻ căn cước công dân gắn chip điện tử còn hiệu lực',
            originals: 1,
            required: true,
            note: 'Xuất trình, không nộp',
          },
        ],
      },
      {
        id: 'chua-co-the',
        title: 'Chưa có thẻ gắn chip hoặc thẻ đã hết hiệu lực',
        components: [
          {
            name: 'Hồ sơ của thủ tục cấp thẻ căn cước (làm đồng thời với việc cấp tài khoản định danh điện tử mức độ 2)',
            originals: 1,
            required: true,
          },
        ],
      },
    ],
    forms: [TK01],
    results: [{ name: 'Thông báo kết quả qua ứng dụng VNeID, tin nhắn SMS hoặc thư điện tử', code: 'KQ.G01.000096' }],
    conditions:
      'Người dưới 14 tuổi, người được giám hộ, người được đại diện phải đi cùng người đại diện hoặc người giám hộ; người đại diện, giám hộ dùng số điện thoại chính chủ của mình để kê khai, đăng ký tài khoản cho họ.',
    legalBasis: [LAW.nd69_2024],
    onlineLevel: null,
    summary:
      'Dùng khi bạn muốn có tài khoản VNeID mức 2 (định danh điện tử mức độ 2) để dùng căn cước điện tử và làm thủ tục trực tuyến. Mang thẻ căn cước gắn chip đến Công an cấp xã; có kết quả trong 3 ngày làm việc.',
    exemptions: [],
    keywords: [
      'VNeID',
      'định danh mức 2',
      'kích hoạt VNeID',
      'đăng ký định danh điện tử',
      'tài khoản định danh điện tử',
      'căn cước điện tử',
      'làm VNeID mức 2',
      'VNeID cho con',
    ],
    decision: '5709/QĐ-BCA-C06',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-b5a6-76fd-a4b1-49c93d86d9d6',
  },
  // ------------------------------------------------------------------ Giảm nghèo
  {
    code: '1.011607',
    name: 'Công nhận hộ nghèo, hộ cận nghèo thường xuyên hằng năm',
    field: GN_FIELD,
    levels: ['Cấp xã'],
    type: LAW_GIVEN_DETAIL,
    applicants: 'Công dân Việt Nam (hộ gia đình)',
    agency: 'Ủy ban nhân dân cấp xã (Chủ tịch Ủy ban nhân dân cấp xã quyết định; Ban Chỉ đạo rà soát cấp xã thực hiện)',
    submitAt: 'Ủy ban nhân dân cấp xã',
    steps: [
      'Hộ gia đình nộp Giấy đề nghị rà soát hộ nghèo, hộ cận nghèo (Mẫu số 01) trực tiếp hoặc qua bưu điện cho Chủ tịch Ủy ban nhân dân cấp xã.',
      'Ban Chỉ đạo rà soát cấp xã cùng thôn, tổ dân phố và rà soát viên đến nhận dạng nhanh đặc điểm của hộ (Phiếu A); hộ đủ tiêu chí được đưa vào danh sách rà soát.',
      'Rà soát viên thu thập thông tin, chấm điểm, phân loại hộ (Phiếu B).',
      'Thôn họp dân thống nhất kết quả (cần ít nhất 50% người dự đồng ý), lập biên bản.',
      'Niêm yết công khai kết quả 3 ngày làm việc tại nhà văn hóa thôn và trụ sở Ủy ban nhân dân cấp xã; có khiếu nại thì phúc tra trong tối đa 7 ngày làm việc.',
      'Chủ tịch Ủy ban nhân dân cấp xã quyết định công nhận và cấp Giấy chứng nhận hộ nghèo, hộ cận nghèo; không đủ điều kiện thì trả lời bằng văn bản, nêu rõ lý do.',
    ],
    channels: [
      {
        kind: 'in_person',
        time: { value: 15, unit: 'days' },
        timeText: '15 ngày',
        fees: [{ label: 'Công nhận hộ nghèo, hộ cận nghèo', amount: 0, basis: 'per_case', note: 'Miễn phí' }],
        description: 'Nộp trực tiếp cho Chủ tịch Ủy ban nhân dân cấp xã.',
      },
      {
        kind: 'post',
        time: { value: 15, unit: 'days' },
        timeText: '15 ngày',
        fees: [{ label: 'Công nhận hộ nghèo, hộ cận nghèo', amount: 0, basis: 'per_case', note: 'Miễn phí' }],
        description: 'Gửi giấy đề nghị qua đường bưu điện đến Chủ tịch Ủy ban nhân dân cấp xã.',
      },
    ],
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp',
        components: [
          {
            name: 'Giấy đề nghị rà soát hộ nghèo, hộ cận nghèo (Mẫu số 01)',
            form: 'mau-01-qd24-2021',
            originals: 1,
            required: true,
          },
        ],
      },
    ],
    forms: [GN_MAU01],
    results: [
      { name: 'Quyết định công nhận danh sách hộ nghèo, hộ cận nghèo thường xuyên hằng năm', code: 'KQ.G10.001158' },
      { name: 'Giấy chứng nhận hộ nghèo, hộ cận nghèo (Mẫu số 03, Quyết định 24/2021/QĐ-TTg)' },
    ],
    conditions:
      'Hộ được xét theo chuẩn nghèo và phương pháp rà soát, chấm điểm của giai đoạn; kết quả phải được cuộc họp dân ở thôn thống nhất (ít nhất 50% người dự) và niêm yết công khai trước khi công nhận.',
    legalBasis: [LAW.qd24_2021, LAW.tt07_2021_ldtbxh, LAW.tt02_2022_ldtbxh],
    onlineLevel: null,
    summary:
      'Dùng khi gia đình bạn gặp khó khăn và muốn được xét công nhận hộ nghèo hoặc hộ cận nghèo để hưởng các chính sách hỗ trợ. Nộp giấy đề nghị cho Ủy ban nhân dân cấp xã; miễn phí, có kết quả trong 15 ngày.',
    exemptions: [],
    keywords: [
      'hộ nghèo',
      'cận nghèo',
      'xin hộ nghèo',
      'xét hộ nghèo',
      'làm sổ hộ nghèo',
      'giấy chứng nhận hộ nghèo',
      'đăng ký hộ cận nghèo',
      'rà soát hộ nghèo',
    ],
    decision: '967/QĐ-BNNMT',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfa-6008-72cb-9e63-83483f3a6e49',
  },
  {
    code: '1.011608',
    name: 'Công nhận hộ thoát nghèo, hộ thoát cận nghèo thường xuyên hằng năm',
    field: GN_FIELD,
    levels: ['Cấp xã'],
    type: LAW_GIVEN_DETAIL,
    applicants: 'Công dân Việt Nam (hộ gia đình)',
    agency: 'Ủy ban nhân dân cấp xã (Chủ tịch Ủy ban nhân dân cấp xã quyết định; Ban Chỉ đạo rà soát cấp xã thực hiện)',
    submitAt: 'Ủy ban nhân dân cấp xã',
    steps: [
      'Hộ gia đình nộp Giấy đề nghị công nhận hộ thoát nghèo, hộ thoát cận nghèo (Mẫu số 04) trực tiếp hoặc qua bưu điện cho Chủ tịch Ủy ban nhân dân cấp xã.',
      'Ban Chỉ đạo rà soát cấp xã cùng thôn, tổ dân phố lập danh sách hộ cần rà soát.',
      'Rà soát viên thu thập thông tin, chấm điểm, phân loại hộ (Phiếu B).',
      'Thôn họp dân thống nhất kết quả (cần ít nhất 50% người dự đồng ý), lập biên bản.',
      'Niêm yết công khai kết quả 3 ngày làm việc; có khiếu nại thì phúc tra trong tối đa 7 ngày làm việc.',
      'Chủ tịch Ủy ban nhân dân cấp xã quyết định công nhận danh sách hộ thoát nghèo, hộ thoát cận nghèo.',
    ],
    channels: [
      {
        kind: 'in_person',
        time: { value: 15, unit: 'days' },
        timeText: '15 ngày kể từ ngày bắt đầu rà soát',
        fees: [{ label: 'Công nhận hộ thoát nghèo, thoát cận nghèo', amount: 0, basis: 'per_case', note: 'Miễn phí' }],
        description: 'Nộp trực tiếp cho Chủ tịch Ủy ban nhân dân cấp xã.',
      },
      {
        kind: 'post',
        time: { value: 15, unit: 'days' },
        timeText: '15 ngày kể từ ngày bắt đầu rà soát',
        fees: [{ label: 'Công nhận hộ thoát nghèo, thoát cận nghèo', amount: 0, basis: 'per_case', note: 'Miễn phí' }],
        description: 'Gửi giấy đề nghị qua đường bưu điện đến Chủ tịch Ủy ban nhân dân cấp xã.',
      },
    ],
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp',
        components: [
          {
            name: 'Giấy đề nghị công nhận hộ thoát nghèo, hộ thoát cận nghèo (Mẫu số 04)',
            form: 'mau-04-qd24-2021',
            originals: 1,
            required: true,
          },
        ],
      },
    ],
    forms: [GN_MAU04],
    results: [{ name: 'Quyết định công nhận danh sách hộ thoát nghèo, hộ thoát cận nghèo thường xuyên hằng năm', code: 'KQ.G10.001150' }],
    conditions:
      'Kết quả rà soát phải được cuộc họp dân ở thôn thống nhất (ít nhất 50% người dự) và niêm yết công khai trước khi công nhận.',
    legalBasis: [LAW.qd24_2021, LAW.tt07_2021_ldtbxh, LAW.tt02_2022_ldtbxh],
    onlineLevel: null,
    summary:
      'Dùng khi gia đình đang là hộ nghèo hoặc cận nghèo, nay đời sống đã khá hơn và tự đề nghị được công nhận thoát nghèo, thoát cận nghèo. Nộp giấy đề nghị cho Ủy ban nhân dân cấp xã; miễn phí, có kết quả trong 15 ngày.',
    exemptions: [],
    keywords: [
      'thoát nghèo',
      'thoát cận nghèo',
      'xin ra khỏi hộ nghèo',
      'đăng ký thoát nghèo',
      'hộ nghèo',
      'cận nghèo',
      'công nhận thoát nghèo',
    ],
    decision: '967/QĐ-BNNMT',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfa-5fea-7127-aad7-661d12947846',
  },
  // ------------------------------------------------------------------ Đất đai
  {
    code: '1.012812',
    name: 'Hòa giải tranh chấp đất đai',
    field: DD_FIELD,
    levels: ['Cấp xã'],
    type: LAW_GIVEN_DETAIL,
    applicants:
      'Công dân Việt Nam; Tổ chức (không bao gồm doanh nghiệp, HTX); Doanh nghiệp; Doanh nghiệp có vốn đầu tư nước ngoài; Hợp tác xã; Cán bộ, công chức, viên chức',
    agency: 'Ủy ban nhân dân cấp xã (Hội đồng hòa giải tranh chấp đất đai)',
    submitAt: 'Ủy ban nhân dân cấp xã nơi có đất tranh chấp',
    steps: [
      'Nộp đơn yêu cầu hòa giải tranh chấp đất đai tại Ủy ban nhân dân cấp xã.',
      'Trong 3 ngày làm việc, Ủy ban nhân dân cấp xã thông báo bằng văn bản cho các bên và Văn phòng (Chi nhánh Văn phòng) đăng ký đất đai về việc thụ lý, hoặc nêu rõ lý do không thụ lý.',
      'Ủy ban nhân dân cấp xã xác minh nguyên nhân tranh chấp, thu thập giấy tờ về nguồn gốc, quá trình và hiện trạng sử dụng đất; thành lập Hội đồng hòa giải.',
      'Họp hòa giải khi các bên đều có mặt; một bên vắng mặt lần thứ hai thì coi như hòa giải không thành.',
      'Kết quả lập thành biên bản có chữ ký của Chủ tịch Hội đồng và các bên, đóng dấu Ủy ban nhân dân cấp xã, gửi ngay cho các bên.',
      'Trong 10 ngày sau hòa giải thành, nếu một bên có ý kiến khác thì Hội đồng họp lại; hòa giải không thành thì được hướng dẫn gửi đơn đến cơ quan có thẩm quyền giải quyết tiếp.',
    ],
    channels: [
      {
        kind: 'in_person',
        time: { value: 40, unit: 'days' },
        timeText: '40 ngày',
        fees: [{ label: 'Hòa giải tranh chấp đất đai', amount: 0, basis: 'per_case', note: 'Miễn phí' }],
        description: 'Nộp đơn trực tiếp tại Ủy ban nhân dân cấp xã nơi có đất.',
      },
      {
        kind: 'post',
        time: { value: 30, unit: 'days' },
        timeText: '30 ngày',
        fees: [{ label: 'Hòa giải tranh chấp đất đai', amount: 0, basis: 'per_case', note: 'Miễn phí' }],
        description: 'Gửi đơn qua dịch vụ bưu chính đến Ủy ban nhân dân cấp xã nơi có đất.',
      },
    ],
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp',
        components: [
          { name: 'Đơn yêu cầu hòa giải tranh chấp đất đai', originals: 1, copies: 1, required: true },
          {
            name: 'Giấy tờ liên quan đến việc sử dụng đất (ví dụ giấy chứng nhận quyền sử dụng đất, giấy tờ mua bán, thừa kế)',
            originals: 1,
            copies: 1,
            required: true,
            note: 'Nộp bản phô tô, bản công chứng hoặc chứng thực.',
          },
        ],
      },
    ],
    forms: [],
    results: [
      {
        name: 'Biên bản hòa giải có chữ ký của Chủ tịch Hội đồng hòa giải, các bên tranh chấp có mặt và các thành viên tham gia, đóng dấu Ủy ban nhân dân cấp xã',
        code: 'KQ.G10.001159',
      },
      { name: 'Biên bản hòa giải được gửi cho các bên tranh chấp và lưu tại Ủy ban nhân dân cấp xã', code: 'KQ.G13.000291' },
    ],
    conditions: '',
    legalBasis: [LAW.luatDatDai, LAW.luat43_2024, LAW.nd102_2024, LAW.nd118_2025],
    onlineLevel: null,
    summary:
      'Dùng khi bạn có tranh chấp đất đai với hàng xóm, người thân hay tổ chức khác (ranh giới, lối đi, quyền sử dụng đất...). Nộp đơn tại Ủy ban nhân dân cấp xã để Hội đồng hòa giải giải quyết; miễn phí.',
    exemptions: [],
    keywords: [
      'hòa giải tranh chấp đất',
      'tranh chấp đất đai',
      'tranh chấp ranh giới đất',
      'đơn hòa giải đất',
      'tranh chấp đất với hàng xóm',
      'lấn chiếm đất',
      'tranh chấp lối đi',
    ],
    decision: '2304/QĐ-BNNMT',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfa-76e6-7468-b6f2-3d412e902b88',
  },
  {
    code: '1.013978',
    name: 'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu đối với hộ gia đình, cá nhân, cộng đồng dân cư, người gốc Việt Nam định cư ở nước ngoài',
    field: DD_FIELD,
    levels: ['Cấp xã'],
    type: LAW_GIVEN_DETAIL,
    applicants: 'Công dân Việt Nam',
    agency:
      'Ủy ban nhân dân cấp xã (Chủ tịch Ủy ban nhân dân cấp xã cấp Giấy chứng nhận); Văn phòng đăng ký đất đai, Chi nhánh Văn phòng đăng ký đất đai',
    submitAt: 'Trung tâm Phục vụ hành chính công',
    steps: [
      'Nộp hồ sơ tại Trung tâm Phục vụ hành chính công hoặc trực tuyến; có thể nộp bản sao kèm bản chính để đối chiếu, bản chính, hoặc bản sao có công chứng, chứng thực (nộp trực tuyến thì số hóa từ bản chính hoặc bản sao có chứng thực).',
      'Cán bộ kiểm tra thành phần hồ sơ, cấp giấy hẹn (thiếu thì yêu cầu bổ sung) và chuyển hồ sơ đến Ủy ban nhân dân cấp xã nơi có đất.',
      'Ủy ban nhân dân cấp xã trích lục hoặc kiểm tra trích đo bản đồ địa chính; xác nhận hiện trạng, tranh chấp, nguồn gốc sử dụng đất; kiểm tra quy hoạch.',
      'Niêm yết công khai kết quả kiểm tra 15 ngày tại trụ sở Ủy ban nhân dân cấp xã và khu dân cư nơi có đất.',
      'Không đủ điều kiện hoặc không cần Giấy chứng nhận: nhận Thông báo xác nhận kết quả đăng ký đất đai. Đủ điều kiện: cơ quan thuế thông báo nghĩa vụ tài chính để nộp (hoặc ghi nợ).',
      'Sau khi hoàn thành nghĩa vụ tài chính, Chủ tịch Ủy ban nhân dân cấp xã cấp Giấy chứng nhận; nhận tại nơi nộp hồ sơ và nộp bản chính giấy tờ nếu trước đó chỉ nộp bản sao.',
    ],
    channels: [
      {
        kind: 'in_person',
        time: { value: 27, unit: 'working_days' },
        timeText: '27 ngày làm việc',
        fees: [],
        feeText:
          'Phí, lệ phí (nếu có) theo Luật Phí và lệ phí và mức HĐND tỉnh quy định. Nghĩa vụ tài chính về đất đai (nếu có) do cơ quan thuế xác định và thông báo.',
        description: 'Nộp trực tiếp tại Trung tâm Phục vụ hành chính công.',
      },
      {
        kind: 'online',
        time: { value: 17, unit: 'working_days' },
        timeText: '17 ngày làm việc',
        fees: [],
        feeText:
          'Phí, lệ phí (nếu có) theo Luật Phí và lệ phí và mức HĐND tỉnh quy định. Nghĩa vụ tài chính về đất đai (nếu có) do cơ quan thuế xác định và thông báo.',
        description: 'Nộp trực tuyến bản số hóa từ bản chính hoặc bản sao có công chứng, chứng thực; nộp bản chính khi nhận kết quả.',
      },
      {
        kind: 'post',
        time: { value: 20, unit: 'working_days' },
        timeText: '20 ngày làm việc',
        fees: [],
        feeText:
          'Phí, lệ phí (nếu có) theo Luật Phí và lệ phí và mức HĐND tỉnh quy định. Nghĩa vụ tài chính về đất đai (nếu có) do cơ quan thuế xác định và thông báo.',
        description: 'Gửi hồ sơ qua dịch vụ bưu chính đến Trung tâm Phục vụ hành chính công.',
      },
    ],
    componentGroups: [
      {
        id: 'ho-gia-dinh-ca-nhan',
        title: 'Hộ gia đình, cá nhân, cộng đồng dân cư đăng ký, cấp Giấy chứng nhận lần đầu',
        components: [
          { name: 'Đơn đăng ký đất đai, tài sản gắn liền với đất', form: 'don-dang-ky-dat-dai', originals: 1, copies: 1, required: true },
          {
            name: 'Một trong các giấy tờ về quyền sử dụng đất, quyền sở hữu tài sản theo Điều 137, khoản 1, 5 Điều 148, khoản 1, 5 Điều 149 Luật Đất đai; sơ đồ nhà ở, công trình (nếu có)',
            originals: 1,
            copies: 1,
            required: false,
            note: 'Thửa đất có phần diện tích tăng thêm đã được cấp Giấy chứng nhận thì nộp thêm giấy tờ chuyển quyền và Giấy chứng nhận của phần tăng thêm.',
          },
          { name: 'Mảnh trích đo bản đồ địa chính thửa đất (nếu có)', originals: 1, copies: 1, required: false },
          {
            name: 'Văn bản xác định các thành viên có chung quyền sử dụng đất của hộ gia đình',
            originals: 1,
            copies: 1,
            required: false,
            note: 'Khi hộ gia đình đang sử dụng đất.',
          },
          {
            name: 'Văn bản thỏa thuận cấp chung một Giấy chứng nhận',
            originals: 1,
            copies: 1,
            required: false,
            note: 'Khi nhiều người chung quyền sử dụng đất, chung quyền sở hữu tài sản.',
          },
          {
            name: 'Giấy tờ chuyển quyền sử dụng đất, quyền sở hữu nhà ở, công trình có chữ ký của bên chuyển và bên nhận',
            originals: 1,
            copies: 1,
            required: false,
            note: 'Khi đã nhận chuyển quyền nhưng chưa làm thủ tục chuyển quyền.',
          },
          {
            name: 'Giấy tờ nhận thừa kế quyền sử dụng đất (và giấy tờ chuyển quyền với trường hợp khoản 4 Điều 45 Luật Đất đai)',
            originals: 1,
            copies: 1,
            required: false,
            note: 'Khi nhận thừa kế quyền sử dụng đất chưa được cấp Giấy chứng nhận.',
          },
          {
            name: 'Giấy tờ về giao đất không đúng thẩm quyền, hoặc mua, nhận thanh lý, hóa giá, phân phối nhà ở, công trình (Điều 140 Luật Đất đai)',
            originals: 1,
            copies: 1,
            required: false,
          },
          {
            name: 'Hợp đồng, văn bản thỏa thuận hoặc quyết định của Tòa án về quyền đối với thửa đất liền kề, kèm sơ đồ phần diện tích được sử dụng hạn chế',
            originals: 1,
            copies: 1,
            required: false,
            note: 'Khi đăng ký quyền đối với thửa đất liền kề.',
          },
          {
            name: 'Quyết định xử phạt vi phạm hành chính về đất đai và chứng từ nộp phạt; giấy tờ khác liên quan đến xử phạt',
            originals: 1,
            copies: 1,
            required: false,
            note: 'Khi có vi phạm hành chính về đất đai (điểm a khoản 6 Điều 25 Nghị định 101/2024/NĐ-CP).',
          },
          {
            name: 'Giấy xác nhận của cơ quan quản lý xây dựng cấp huyện (cấp trước ngày 01/7/2025) về việc nhà ở, công trình đủ điều kiện tồn tại',
            originals: 1,
            copies: 1,
            required: false,
            note: 'Với nhà ở, công trình thuộc diện phải xin phép xây dựng (khoản 3 Điều 148, khoản 3 Điều 149 Luật Đất đai).',
          },
          {
            name: 'Hồ sơ thiết kế xây dựng đã được thẩm định hoặc văn bản chấp thuận nghiệm thu công trình',
            originals: 1,
            copies: 1,
            required: false,
            note: 'Khi chứng nhận công trình trên đất nông nghiệp mà không có giấy tờ theo Điều 149 Luật Đất đai, hoặc công trình được miễn giấy phép xây dựng.',
          },
          {
            name: 'Chứng từ thực hiện nghĩa vụ tài chính; giấy tờ về miễn, giảm nghĩa vụ tài chính (nếu có)',
            originals: 1,
            copies: 1,
            required: false,
          },
          {
            name: 'Văn bản về việc đại diện theo pháp luật dân sự',
            originals: 1,
            copies: 1,
            required: false,
            note: 'Khi làm thủ tục qua người đại diện.',
          },
        ],
      },
      {
        id: 'nguoi-goc-viet',
        title: 'Người gốc Việt Nam định cư ở nước ngoài đăng ký, cấp Giấy chứng nhận lần đầu',
        components: [
          { name: 'Đơn đăng ký đất đai, tài sản gắn liền với đất', form: 'don-dang-ky-dat-dai', originals: 1, copies: 1, required: true },
          {
            name: 'Một trong các giấy tờ theo Điều 137, khoản 4, 5 Điều 148, khoản 4, 5 Điều 149 Luật Đất đai (nếu có)',
            originals: 1,
            copies: 1,
            required: false,
          },
          { name: 'Giấy tờ nhận thừa kế quyền sử dụng đất theo pháp luật dân sự', originals: 1, copies: 1, required: false },
          {
            name: 'Văn bản thỏa thuận cấp chung một Giấy chứng nhận',
            originals: 1,
            copies: 1,
            required: false,
            note: 'Khi nhiều người chung quyền.',
          },
          {
            name: 'Văn bản về việc đại diện theo pháp luật dân sự',
            originals: 1,
            copies: 1,
            required: false,
            note: 'Khi làm thủ tục qua người đại diện.',
          },
        ],
      },
      {
        id: 'da-co-thong-bao',
        title: 'Đã có Thông báo xác nhận kết quả đăng ký đất đai, nay đề nghị cấp Giấy chứng nhận',
        components: [
          { name: 'Đơn đăng ký đất đai, tài sản gắn liền với đất', form: 'don-dang-ky-dat-dai', originals: 1, copies: 1, required: true },
          { name: 'Thông báo xác nhận kết quả đăng ký đất đai', originals: 1, copies: 1, required: true },
        ],
      },
    ],
    forms: [DON_DANG_KY_DAT],
    results: [
      { name: 'Thông báo xác nhận kết quả đăng ký đất đai', code: 'KQ.G10.000921' },
      { name: 'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', code: 'KQ.G10.001148' },
    ],
    conditions:
      'Giấy Chứng nhận chỉ được cấp khi thửa đất đủ điều kiện theo pháp luật đất đai (phù hợp quy hoạch nếu pháp luật yêu cầu, không tranh chấp, sử dụng ổn định...) và người sử dụng đất đã hoàn thành hoặc được ghi nợ nghĩa vụ tài chính. Không đủ điều kiện thì vẫn được đăng ký và nhận Thông báo xác nhận kết quả đăng ký đất đai.',
    legalBasis: [LAW.luatDatDai, LAW.luat43_2024, LAW.nd101_2024, LAW.nd151_2025, LAW.nd226_2025, LAW.nd118_2025],
    onlineLevel: 'partial',
    summary:
      'Dùng khi đất, nhà của bạn chưa từng được cấp "sổ đỏ" (Giấy chứng nhận) và bạn muốn đăng ký, xin cấp sổ lần đầu. Nộp tại Trung tâm Phục vụ hành chính công hoặc trực tuyến; thời gian 17 đến 27 ngày làm việc tùy cách nộp, chưa kể thời gian thực hiện nghĩa vụ tài chính.',
    exemptions: [],
    keywords: [
      'sổ đỏ',
      'làm sổ đỏ lần đầu',
      'cấp sổ đỏ',
      'sổ hồng',
      'xin cấp giấy chứng nhận quyền sử dụng đất',
      'đăng ký đất đai lần đầu',
      'làm sổ cho đất chưa có sổ',
      'cấp bìa đỏ',
    ],
    decision: '3380/QĐ-BNNMT',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfa-8678-770b-8917-1872078767cd',
  },
  {
    code: '1.013967',
    name: 'Giải quyết tranh chấp đất đai thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân cấp xã',
    field: DD_FIELD,
    levels: ['Cấp xã'],
    type: LAW_GIVEN_DETAIL,
    applicants: 'Công dân Việt Nam',
    agency: 'Chủ tịch Ủy ban nhân dân cấp xã',
    submitAt: 'Trung tâm Phục vụ hành chính công hoặc Ủy ban nhân dân cấp xã',
    steps: [
      'Nộp đơn yêu cầu giải quyết tranh chấp đất đai tại Trung tâm Phục vụ hành chính công (sẽ chuyển đến Ủy ban nhân dân cấp xã) hoặc tại Ủy ban nhân dân cấp xã.',
      'Trong 5 ngày làm việc, Chủ tịch Ủy ban nhân dân cấp xã thông báo bằng văn bản cho các bên và Văn phòng (Chi nhánh Văn phòng) đăng ký đất đai về việc thụ lý, hoặc nêu rõ lý do không thụ lý.',
      'Cơ quan tham mưu thẩm tra, xác minh, tổ chức hòa giải giữa các bên, họp các ban, ngành liên quan nếu cần, rồi trình dự thảo quyết định.',
      // The portal record says "Chủ tịch Ủy ban nhân dân cấp tỉnh" here, a leftover: this procedure is decided at commune level.
      'Chủ tịch Ủy ban nhân dân cấp xã ban hành quyết định giải quyết tranh chấp và gửi cho các bên, người có quyền, nghĩa vụ liên quan.',
    ],
    channels: [
      {
        kind: 'in_person',
        time: { value: 60, unit: 'days' },
        timeText: '60 ngày',
        fees: [{ label: 'Giải quyết tranh chấp đất đai', amount: 0, basis: 'per_case', note: 'Miễn phí' }],
        description: 'Nộp đơn tại Trung tâm Phục vụ hành chính công hoặc Ủy ban nhân dân cấp xã.',
      },
      {
        kind: 'online',
        time: { value: 45, unit: 'days' },
        timeText: '45 ngày',
        fees: [{ label: 'Giải quyết tranh chấp đất đai', amount: 0, basis: 'per_case', note: 'Miễn phí' }],
        description: 'Nộp đơn trực tuyến qua Cổng Dịch vụ công.',
      },
      {
        kind: 'post',
        time: { value: 45, unit: 'days' },
        timeText: '45 ngày',
        fees: [{ label: 'Giải quyết tranh chấp đất đai', amount: 0, basis: 'per_case', note: 'Miễn phí' }],
        description: 'Gửi đơn qua dịch vụ bưu chính.',
      },
    ],
    componentGroups: [
      {
        id: 'nguoi-yeu-cau',
        title: 'Giấy tờ người yêu cầu nộp',
        components: [{ name: 'Đơn yêu cầu giải quyết tranh chấp đất đai', originals: 1, copies: 1, required: true }],
      },
      {
        id: 'co-quan-lap',
        title: 'Hồ sơ do cơ quan quản lý đất đai lập, trình Chủ tịch Ủy ban nhân dân cấp xã (người dân không phải chuẩn bị)',
        components: [
          {
            name: 'Trích lục bản đồ, hồ sơ địa chính, dữ liệu ảnh viễn thám qua các thời kỳ liên quan đến đất tranh chấp (nếu có) và tài liệu làm chứng cứ',
            originals: 1,
            copies: 1,
            required: false,
          },
          {
            name: 'Biên bản hòa giải tại Ủy ban nhân dân cấp xã; biên bản làm việc với các bên; biên bản kiểm tra hiện trạng đất; biên bản họp các ban, ngành (khi hòa giải không thành)',
            originals: 1,
            copies: 1,
            required: true,
          },
          {
            name: 'Báo cáo đề xuất và dự thảo quyết định giải quyết tranh chấp hoặc dự thảo quyết định công nhận hòa giải thành',
            originals: 1,
            copies: 1,
            required: true,
          },
        ],
      },
    ],
    forms: [],
    results: [{ name: 'Quyết định giải quyết tranh chấp đất đai', code: 'KQ.G10.000916' }],
    conditions: '',
    // The portal lists "118/2020/NĐ-CP" (read as 118/2025/NĐ-CP, cited by the sibling records) and
    // "151/2024/NĐ-CP" under a road-traffic title (read as 151/2025/NĐ-CP, the land-sector decree
    // that gives this competence to the commune).
    legalBasis: [LAW.luatDatDai, LAW.luat43_2024, LAW.nd151_2025, LAW.nd118_2025],
    onlineLevel: 'partial',
    summary:
      'Dùng khi bạn có tranh chấp đất đai (thường là sau khi hòa giải tại Ủy ban nhân dân cấp xã không thành) và muốn Chủ tịch Ủy ban nhân dân cấp xã ra quyết định giải quyết. Miễn phí; thời hạn 45 ngày nếu nộp trực tuyến hoặc qua bưu chính, 60 ngày nếu nộp trực tiếp (theo Cổng Dịch vụ công).',
    exemptions: [],
    keywords: [
      'giải quyết tranh chấp đất',
      'tranh chấp đất đai',
      'hòa giải tranh chấp đất không thành',
      'đơn giải quyết tranh chấp đất',
      'kiện tranh chấp đất ở xã',
      'tranh chấp ranh giới đất',
      'tranh chấp quyền sử dụng đất',
    ],
    decision: '2304/QĐ-BNNMT',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfa-8671-7318-8ef7-15304f36d400',
  },
  // ------------------------------------------------------------------ Nuôi con nuôi
  {
    code: '2.001263',
    name: 'Đăng ký việc nuôi con nuôi trong nước',
    field: 'Nuôi con nuôi',
    levels: ['Cấp xã'],
    type: 'TTHC không được luật giao cho địa phương quy định',
    applicants: 'Công dân Việt Nam',
    agency: 'Ủy ban nhân dân cấp xã',
    submitAt: 'Ủy ban nhân dân cấp xã có thẩm quyền giải quyết (nộp ở xã khác thì xã đó hỗ trợ nộp trực tuyến đến đúng nơi)',
    steps: [
      'Chưa tìm được trẻ em để nhận làm con nuôi: đăng ký nhu cầu với Sở Tư pháp nơi thường trú; Sở Tư pháp kiểm tra điều kiện và giới thiệu đến Ủy ban nhân dân cấp xã có thẩm quyền.',
      'Nộp hồ sơ của người nhận con nuôi và của trẻ được nhận làm con nuôi tại Ủy ban nhân dân cấp xã (trực tiếp, bưu chính hoặc trực tuyến). Ủy ban nhân dân cấp xã tự tra cứu dữ liệu dân cư, hộ tịch, Sổ sức khỏe điện tử trên VNeID và tự yêu cầu thông tin lý lịch tư pháp (không phải nộp phiếu lý lịch tư pháp); chỉ yêu cầu bổ sung khi không tra cứu được.',
      'Công chức tư pháp kiểm tra hồ sơ, tìm hiểu hoàn cảnh, lấy ý kiến và tư vấn cho cha mẹ đẻ hoặc người giám hộ, người liên quan (10 ngày).',
      'Người đã đồng ý có 15 ngày kể từ ngày được lấy ý kiến để thay đổi ý kiến; hết hạn thì không được thay đổi.',
      'Trong 5 ngày sau đó, Ủy ban nhân dân cấp xã đăng ký, ghi sổ, tổ chức giao nhận con nuôi và trao Giấy chứng nhận nuôi con nuôi tại trụ sở, có mặt cha mẹ nuôi, cha mẹ đẻ (hoặc người giám hộ, đại diện cơ sở nuôi dưỡng) và trẻ.',
      'Nếu từ chối, Ủy ban nhân dân cấp xã trả lời bằng văn bản.',
    ],
    channels: (['in_person', 'online', 'post'] as const).map(
      (kind): ChannelInput => ({
        kind,
        // Luật Nuôi con nuôi 2010, Điều 17-19: 10 + 15 + 5 days.
        time: { value: 30, unit: 'days' },
        timeText:
          '10 ngày kiểm tra hồ sơ, lấy ý kiến; 15 ngày để người liên quan có thể thay đổi ý kiến; 5 ngày tổ chức đăng ký, giao nhận con nuôi (chưa kể thời gian xác minh hoàn cảnh khi nơi thường trú khác nơi ở hiện tại)',
        fees: [{ label: 'Lệ phí đăng ký nuôi con nuôi trong nước', amount: 400000, basis: 'per_case', note: 'Mỗi trường hợp' }],
        feeText: 'Một số trường hợp được miễn lệ phí (xem mục miễn, giảm).',
        description: {
          in_person: 'Nộp trực tiếp tại Ủy ban nhân dân cấp xã có thẩm quyền.',
          online: 'Nộp trực tuyến theo quy định về thủ tục hành chính trên môi trường điện tử.',
          post: 'Gửi hồ sơ qua hệ thống bưu chính đến Ủy ban nhân dân cấp xã có thẩm quyền.',
        }[kind],
      }),
    ),
    componentGroups: [
      {
        id: 'nguoi-nhan',
        title: 'Hồ sơ của người nhận con nuôi',
        components: [
          { name: 'Đơn xin nhận con nuôi', form: 'don-xin-nhan-con-nuoi', originals: 1, required: true },
          {
            name: 'Giấy khám sức khỏe do bệnh viện đa khoa, phòng khám đa khoa hoặc Trung tâm y tế khu vực cấp, chưa quá 6 tháng',
            originals: 1,
            required: true,
            note: 'Không cần nếu cơ quan khai thác được Sổ sức khỏe điện tử trên VNeID; không áp dụng khi cha dượng, mẹ kế nhận con riêng của vợ, chồng hoặc cô, cậu, dì, chú, bác ruột nhận cháu.',
          },
          {
            name: 'Văn bản xác nhận hoàn cảnh gia đình, tình trạng chỗ ở, điều kiện kinh tế do Ủy ban nhân dân cấp xã nơi thường trú cấp, chưa quá 6 tháng',
            form: 'xac-nhan-hoan-canh-nhan-con-nuoi',
            originals: 1,
            required: true,
            note: 'Không áp dụng khi cha dượng, mẹ kế nhận con riêng của vợ, chồng hoặc cô, cậu, dì, chú, bác ruột nhận cháu.',
          },
          {
            name: 'Hộ chiếu, thẻ căn cước hoặc giấy tờ có giá trị thay thế',
            copies: 1,
            required: true,
            note: 'Không phải nộp nếu cơ quan khai thác được thông tin trên Cơ sở dữ liệu quốc gia về dân cư.',
          },
          {
            name: 'Giấy chứng nhận kết hôn (khi vợ chồng cùng nhận con nuôi)',
            originals: 1,
            required: false,
            note: 'Không phải nộp nếu tra cứu được trên Cơ sở dữ liệu hộ tịch điện tử; người độc thân thì cơ quan tự tra cứu tình trạng hôn nhân.',
          },
        ],
      },
      {
        id: 'chua-tim-duoc-tre',
        title: 'Đủ điều kiện nhận con nuôi nhưng chưa tìm được trẻ em',
        components: [
          {
            name: 'Đơn đăng ký nhu cầu nhận trẻ em làm con nuôi',
            form: 'don-dang-ky-nhu-cau-nhan-con-nuoi',
            originals: 1,
            required: true,
            note: 'Nộp cho Sở Tư pháp nơi thường trú.',
          },
        ],
      },
      {
        id: 'tre-duoc-nhan',
        title: 'Hồ sơ của người được nhận làm con nuôi',
        components: [
          { name: 'Giấy khai sinh', originals: 1, required: true },
          {
            name: 'Giấy khám sức khỏe do bệnh viện đa khoa, phòng khám đa khoa hoặc Trung tâm y tế khu vực cấp',
            originals: 1,
            required: true,
          },
          { name: 'Ảnh toàn thân, nhìn thẳng, chụp không quá 6 tháng', originals: 2, required: true, note: '02 ảnh.' },
        ],
      },
      {
        id: 'tre-bo-roi-mo-coi',
        title: 'Trẻ bị bỏ rơi, mồ côi, hoặc cha mẹ đẻ mất tích, mất năng lực hành vi dân sự',
        components: [
          {
            name: 'Biên bản xác nhận trẻ bị bỏ rơi (do Ủy ban nhân dân hoặc Công an cấp xã nơi phát hiện lập); hoặc giấy chứng tử của cha, mẹ đẻ, quyết định của Tòa án tuyên bố cha, mẹ đẻ đã chết, mất tích, mất năng lực hành vi dân sự',
            originals: 1,
            required: true,
            note: 'Giấy chứng tử không phải nộp nếu tra cứu được trên Cơ sở dữ liệu hộ tịch điện tử.',
          },
        ],
      },
      {
        id: 'co-so-nuoi-duong',
        title: 'Trẻ đang sống ở cơ sở nuôi dưỡng',
        components: [{ name: 'Quyết định tiếp nhận trẻ em vào cơ sở nuôi dưỡng', originals: 1, required: true }],
      },
    ],
    forms: [CN_DON_XIN, CN_XAC_NHAN_HOAN_CANH, CN_DANG_KY_NHU_CAU],
    results: [{ name: 'Giấy chứng nhận nuôi con nuôi trong nước', code: 'KQ.G15.000002' }],
    conditions:
      'Người nhận con nuôi: có năng lực hành vi dân sự đầy đủ; hơn con nuôi từ 20 tuổi trở lên; có điều kiện sức khỏe, kinh tế, chỗ ở để chăm sóc, nuôi dạy con nuôi; có tư cách đạo đức tốt (hai điều kiện về tuổi và sức khỏe, kinh tế, chỗ ở không áp dụng với cha dượng, mẹ kế, cô, cậu, dì, chú, bác ruột). Không được nhận con nuôi nếu đang bị hạn chế quyền của cha mẹ với con chưa thành niên, đang chấp hành biện pháp xử lý hành chính tại cơ sở giáo dục, cơ sở chữa bệnh, đang chấp hành hình phạt tù, hoặc chưa được xóa án tích về các tội xâm phạm tính mạng, sức khỏe, nhân phẩm người khác, ngược đãi người thân, xúi giục người chưa thành niên phạm pháp, mua bán, chiếm đoạt trẻ em. Trẻ được nhận: dưới 16 tuổi (dưới 18 tuổi nếu người nhận là cha dượng, mẹ kế, cô, cậu, dì, chú, bác ruột); một người chỉ làm con nuôi của một người độc thân hoặc của cả hai vợ chồng. Giấy tờ bị tẩy xóa, sửa chữa hoặc khai không đúng sự thật thì không có giá trị.',
    legalBasis: [
      LAW.nd24_2019,
      LAW.nd06_2025,
      LAW.nd104_2022,
      LAW.nd120_2025,
      LAW.nd18_2026,
      LAW.nq66_7_2025,
      LAW.tt10_2020_btp,
      LAW.tt07_2023_btp,
    ],
    onlineLevel: 'partial',
    summary:
      'Dùng khi bạn muốn nhận một trẻ em làm con nuôi, kể cả nhận con riêng của vợ, chồng hoặc nhận cháu ruột. Nộp hồ sơ tại Ủy ban nhân dân cấp xã; lệ phí 400.000 đồng (nhiều trường hợp được miễn), giấy chứng nhận được trao tại buổi giao nhận con nuôi.',
    exemptions: [
      'Miễn lệ phí khi cha dượng hoặc mẹ kế nhận con riêng của vợ hoặc chồng làm con nuôi.',
      'Miễn lệ phí khi cô, cậu, dì, chú, bác ruột nhận cháu làm con nuôi.',
      'Miễn lệ phí khi nhận trẻ khuyết tật, nhiễm HIV/AIDS hoặc mắc bệnh hiểm nghèo làm con nuôi.',
      'Miễn lệ phí khi người có công với cách mạng nhận con nuôi.',
    ],
    keywords: [
      'nhận con nuôi',
      'xin con nuôi',
      'đăng ký con nuôi',
      'nhận nuôi trẻ em',
      'nhận con riêng của vợ làm con nuôi',
      'nhận cháu làm con nuôi',
      'giấy chứng nhận nuôi con nuôi',
      'nhận con nuôi trẻ bị bỏ rơi',
    ],
    decision: '361/QĐ-BTP',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-9dae-705f-a893-0c4e1f0c32a7',
  },
  // ------------------------------------------------------------------ Hộ kinh doanh
  {
    code: '1.001612',
    name: 'Đăng ký thành lập hộ kinh doanh',
    field: HKD_FIELD,
    levels: ['Cấp bộ', 'Cấp xã'],
    type: LAW_GIVEN_DETAIL,
    applicants: 'Công dân Việt Nam; Tổ chức (không bao gồm doanh nghiệp, HTX)',
    agency: HKD_AGENCY,
    submitAt: HKD_SUBMIT,
    steps: [
      'Chuẩn bị Giấy đề nghị đăng ký hộ kinh doanh (và văn bản ủy quyền nếu các thành viên hộ gia đình cùng thành lập).',
      'Nộp hồ sơ trực tiếp, qua bưu chính, hoặc trực tuyến trên Hệ thống thông tin về đăng ký hộ kinh doanh (đăng nhập bằng tài khoản định danh điện tử, ký số); nộp lệ phí cùng lúc.',
      'Nhận giấy tiếp nhận hồ sơ và hẹn trả kết quả.',
      'Trong 3 ngày làm việc, Cơ quan đăng ký kinh doanh cấp xã cấp Giấy chứng nhận đăng ký hộ kinh doanh và báo cho cơ quan thuế; hồ sơ chưa đủ thì nhận thông báo nêu rõ lý do, nội dung cần sửa, bổ sung.',
    ],
    channels: [
      {
        kind: 'in_person',
        time: { value: 3, unit: 'working_days' },
        timeText: '3 ngày làm việc kể từ ngày nhận hồ sơ (Cổng DVCQG không ghi thời hạn ở mục cách thức)',
        fees: [
          {
            label: 'Lệ phí đăng ký hộ kinh doanh',
            amount: 50000,
            basis: 'per_case',
            note: 'Mức ghi trên Cổng Dịch vụ công quốc gia; mức cụ thể do HĐND tỉnh quyết định.',
          },
        ],
        feeText: HKD_FEE_TEXT,
        description: 'Nộp trực tiếp tại Cơ quan đăng ký kinh doanh cấp xã.',
      },
      {
        kind: 'online',
        time: { value: 3, unit: 'working_days' },
        timeText: '3 ngày làm việc kể từ ngày nhận hồ sơ (Cổng DVCQG không ghi thời hạn ở mục cách thức)',
        fees: [
          {
            label: 'Lệ phí đăng ký hộ kinh doanh',
            amount: 150000,
            basis: 'per_case',
            note: 'Mức ghi trên Cổng Dịch vụ công quốc gia; mức cụ thể do HĐND tỉnh quyết định.',
          },
        ],
        feeText: HKD_FEE_TEXT,
        description: HKD_ONLINE,
      },
      {
        kind: 'post',
        time: { value: 3, unit: 'working_days' },
        timeText: '3 ngày làm việc kể từ ngày nhận hồ sơ (Cổng DVCQG không ghi thời hạn ở mục cách thức)',
        fees: [
          {
            label: 'Lệ phí đăng ký hộ kinh doanh',
            amount: 150000,
            basis: 'per_case',
            note: 'Mức ghi trên Cổng Dịch vụ công quốc gia; mức cụ thể do HĐND tỉnh quyết định.',
          },
        ],
        feeText: HKD_FEE_TEXT,
        description: 'Gửi hồ sơ qua dịch vụ bưu chính đến Cơ quan đăng ký kinh doanh cấp xã.',
      },
    ],
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp',
        components: [{ name: 'Giấy đề nghị đăng ký hộ kinh doanh', form: 'giay-de-nghi-dang-ky-hkd', originals: 1, required: true }],
      },
      {
        id: 'thanh-vien-ho-gia-dinh',
        title: 'Hộ kinh doanh do các thành viên hộ gia đình cùng đăng ký thành lập',
        components: [
          {
            name: 'Văn bản ủy quyền của các thành viên hộ gia đình cho một thành viên làm chủ hộ kinh doanh',
            copies: 1,
            required: true,
            note: 'Văn bản ủy quyền phải được công chứng hoặc chứng thực.',
          },
        ],
      },
      ...hkdProxyGroups(),
    ],
    forms: [HKD_DE_NGHI],
    results: [
      { name: 'Giấy chứng nhận đăng ký hộ kinh doanh', code: 'KQ.G12.001041' },
      { name: 'Thông báo bằng văn bản nội dung cần sửa đổi, bổ sung của Cơ quan đăng ký kinh doanh cấp xã', code: 'KQ.G12.001009' },
    ],
    conditions: `Hồ sơ phải đáp ứng điều kiện cấp Giấy chứng nhận đăng ký hộ kinh doanh tại khoản 2 Điều 85 Nghị định 168/2025/NĐ-CP. ${HKD_PROXY_RULE}`,
    legalBasis: [LAW.luatDoanhNghiep, LAW.luat76_2025, LAW.nd168_2025, LAW.tt68_2025_btc, LAW.tt85_2019_btc],
    onlineLevel: 'full',
    summary:
      'Dùng khi bạn muốn mở cửa hàng, quán ăn, cơ sở buôn bán nhỏ dưới hình thức hộ kinh doanh. Nộp Giấy đề nghị tại Cơ quan đăng ký kinh doanh cấp xã hoặc trực tuyến; có giấy chứng nhận trong 3 ngày làm việc, lệ phí theo mức HĐND tỉnh quy định.',
    exemptions: [],
    keywords: [
      'giấy phép kinh doanh hộ gia đình',
      'đăng ký hộ kinh doanh',
      'ĐKKD',
      'đăng ký kinh doanh hộ cá thể',
      'mở quán',
      'làm giấy phép kinh doanh',
      'mở cửa hàng tạp hóa',
      'giấy phép kinh doanh cá thể',
    ],
    decision: '2353/QĐ-BTC',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfb-d76d-737f-81b9-69258b07240b',
  },
  {
    code: '2.000720',
    name: 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh',
    field: HKD_FIELD,
    levels: ['Cấp bộ', 'Cấp xã'],
    type: 'TTHC không được luật giao cho địa phương quy định',
    applicants: 'Công dân Việt Nam; Tổ chức (không bao gồm doanh nghiệp, HTX)',
    agency: HKD_AGENCY,
    submitAt: HKD_SUBMIT,
    steps: [
      'Trong 10 ngày kể từ khi thay đổi tên, địa chỉ trụ sở, chủ hộ, thành viên hộ gia đình, vốn, ngành nghề hoặc thông tin đăng ký thuế (trừ phương pháp tính thuế), chủ hộ phải đăng ký thay đổi.',
      'Chuyển trụ sở làm thay đổi cơ quan thuế quản lý: làm thủ tục với cơ quan thuế trước.',
      'Nộp hồ sơ trực tiếp, qua bưu chính hoặc trực tuyến (đăng nhập bằng tài khoản định danh điện tử, ký số) và nhận giấy hẹn.',
      'Trong 3 ngày làm việc, Cơ quan đăng ký kinh doanh cấp xã cập nhật thông tin; nếu đổi tên, trụ sở, chủ hộ, thành viên, vốn hoặc ngành nghề thì cấp Giấy chứng nhận đăng ký hộ kinh doanh mới. Hồ sơ chưa hợp lệ thì nhận thông báo cần sửa, bổ sung.',
    ],
    channels: (['in_person', 'online', 'post'] as const).map(
      (kind): ChannelInput => ({
        kind,
        time: { value: 1, unit: 'working_days' },
        timeText: '1 ngày làm việc theo Cổng DVCQG (trình tự thực hiện ghi tối đa 3 ngày làm việc kể từ ngày nhận hồ sơ)',
        fees: [
          { label: 'Lệ phí đăng ký thay đổi hộ kinh doanh', amount: 0, basis: 'per_case', note: 'Cổng Dịch vụ công quốc gia ghi miễn phí' },
        ],
        feeText: HKD_FEE_TEXT,
        description: {
          in_person: 'Nộp trực tiếp tại Cơ quan đăng ký kinh doanh cấp xã.',
          online: HKD_ONLINE,
          post: 'Gửi hồ sơ qua dịch vụ bưu chính đến Cơ quan đăng ký kinh doanh cấp xã.',
        }[kind],
      }),
    ),
    componentGroups: [
      {
        id: 'thay-doi-chung',
        title: 'Thay đổi tên, địa chỉ trụ sở, vốn, ngành nghề, thông tin đăng ký thuế',
        components: [
          {
            name: 'Giấy đề nghị đăng ký thay đổi nội dung đăng ký hộ kinh doanh do chủ hộ ký',
            form: 'giay-de-nghi-thay-doi-hkd',
            originals: 1,
            required: true,
          },
          {
            name: 'Biên bản họp nhóm cá nhân tham gia hộ kinh doanh về việc thay đổi',
            originals: 1,
            required: false,
            note: 'Khi hộ kinh doanh do nhóm cá nhân thành lập trước ngày Nghị định 168/2025/NĐ-CP có hiệu lực.',
          },
        ],
      },
      {
        id: 'doi-chu-ho-uy-quyen',
        title: 'Đổi chủ hộ do các thành viên hộ gia đình ủy quyền cho thành viên khác',
        components: [
          { name: 'Giấy đề nghị đăng ký thay đổi nội dung đăng ký hộ kinh doanh', form: 'giay-de-nghi-thay-doi-hkd', originals: 1, required: true },
          {
            name: 'Văn bản ủy quyền của các thành viên hộ gia đình cho một thành viên làm chủ hộ kinh doanh',
            copies: 1,
            required: true,
            note: 'Phải được công chứng hoặc chứng thực.',
          },
        ],
      },
      {
        id: 'chu-ho-chet-mat-tich',
        title: 'Đổi chủ hộ do chủ hộ chết, bị tuyên bố đã chết, mất tích, hạn chế hoặc mất năng lực hành vi dân sự, khó khăn trong nhận thức, làm chủ hành vi',
        components: [
          { name: 'Giấy đề nghị đăng ký thay đổi nội dung đăng ký hộ kinh doanh', form: 'giay-de-nghi-thay-doi-hkd', originals: 1, required: true },
          {
            name: 'Giấy chứng tử hoặc quyết định của Tòa án tuyên bố đã chết, mất tích, hạn chế hoặc mất năng lực hành vi dân sự, khó khăn trong nhận thức, làm chủ hành vi',
            copies: 1,
            required: true,
          },
        ],
      },
      {
        id: 'thay-doi-thanh-vien',
        title: 'Thay đổi thành viên hộ gia đình đăng ký hộ kinh doanh (tiếp nhận thành viên mới)',
        components: [
          { name: 'Giấy đề nghị đăng ký thay đổi nội dung đăng ký hộ kinh doanh', form: 'giay-de-nghi-thay-doi-hkd', originals: 1, required: true },
          {
            name: 'Văn bản ủy quyền của thành viên mới cho chủ hộ kinh doanh',
            copies: 1,
            required: true,
            note: 'Phải được công chứng hoặc chứng thực.',
          },
        ],
      },
      ...hkdProxyGroups(),
    ],
    forms: [HKD_THAY_DOI],
    results: [
      { name: 'Giấy chứng nhận đăng ký hộ kinh doanh', code: 'KQ.G12.001041' },
      { name: 'Cập nhật thông tin thay đổi của hộ kinh doanh trong Cơ sở dữ liệu về đăng ký hộ kinh doanh', code: 'KQ.G12.001347' },
    ],
    conditions: `Hộ kinh doanh có hai thành viên mà chủ hộ chết, mất tích, mất năng lực hành vi dân sự... thì thành viên còn lại là chủ hộ kinh doanh. ${HKD_PROXY_RULE}`,
    legalBasis: [LAW.luatDoanhNghiep, LAW.luat76_2025, LAW.nd168_2025, LAW.tt68_2025_btc, LAW.tt85_2019_btc],
    onlineLevel: 'full',
    summary:
      'Dùng khi hộ kinh doanh của bạn đổi tên, chuyển địa điểm, đổi chủ hộ, thêm bớt ngành nghề hoặc vốn. Phải đăng ký thay đổi trong 10 ngày kể từ khi thay đổi, tại Cơ quan đăng ký kinh doanh cấp xã hoặc trực tuyến.',
    exemptions: [],
    keywords: [
      'thay đổi giấy phép kinh doanh',
      'đổi chủ hộ kinh doanh',
      'chuyển địa điểm kinh doanh',
      'thêm ngành nghề kinh doanh',
      'sửa giấy phép kinh doanh hộ gia đình',
      'thay đổi ĐKKD',
      'đổi tên hộ kinh doanh',
      'sang tên hộ kinh doanh',
    ],
    decision: '2353/QĐ-BTC',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfc-d9ca-768c-a8f4-cc0dff5f41ed',
  },
  {
    code: '1.001266',
    name: 'Chấm dứt hoạt động hộ kinh doanh',
    field: HKD_FIELD,
    levels: ['Cấp bộ', 'Cấp xã'],
    type: LAW_GIVEN_DETAIL,
    applicants: 'Công dân Việt Nam; Tổ chức (không bao gồm doanh nghiệp, HTX)',
    agency: HKD_AGENCY,
    submitAt: HKD_SUBMIT,
    steps: [
      'Thanh toán hết các khoản nợ của hộ kinh doanh; trong 5 ngày làm việc sau đó, gửi hồ sơ chấm dứt hoạt động.',
      'Nộp trực tiếp, qua bưu chính hoặc trực tuyến (đăng nhập bằng tài khoản định danh điện tử, ký số) và nhận giấy hẹn.',
      'Cơ quan đăng ký kinh doanh cấp xã báo cho cơ quan thuế; cơ quan thuế có 2 ngày làm việc để cho ý kiến về việc hoàn thành nghĩa vụ thuế.',
      'Trong 5 ngày làm việc kể từ khi nhận hồ sơ, nếu thuế không có ý kiến hoặc xác nhận đã hoàn thành nghĩa vụ, hộ kinh doanh được chuyển sang tình trạng đã chấm dứt hoạt động và được đăng thông báo trên Cổng thông tin quốc gia về đăng ký doanh nghiệp; còn nợ thuế thì nhận thông báo từ chối.',
    ],
    channels: (['in_person', 'online', 'post'] as const).map(
      (kind): ChannelInput => ({
        kind,
        time: { value: 1, unit: 'working_days' },
        timeText: '1 ngày làm việc theo Cổng DVCQG (trình tự thực hiện ghi tối đa 5 ngày làm việc, chờ ý kiến cơ quan thuế)',
        fees: [{ label: 'Chấm dứt hoạt động hộ kinh doanh', amount: 0, basis: 'per_case', note: 'Miễn phí' }],
        feeText: 'Lệ phí (nếu có) theo mức HĐND tỉnh quy định.',
        description: {
          in_person: 'Nộp trực tiếp tại Cơ quan đăng ký kinh doanh cấp xã.',
          online: HKD_ONLINE,
          post: 'Gửi hồ sơ qua dịch vụ bưu chính đến Cơ quan đăng ký kinh doanh cấp xã.',
        }[kind],
      }),
    ),
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp',
        components: [
          { name: 'Thông báo chấm dứt hoạt động hộ kinh doanh', form: 'thong-bao-cham-dut-hkd', originals: 1, required: true },
          {
            name: 'Biên bản họp nhóm cá nhân tham gia hộ kinh doanh về việc chấm dứt hoạt động',
            originals: 1,
            required: false,
            note: 'Khi hộ kinh doanh do nhóm cá nhân thành lập trước ngày Nghị định 168/2025/NĐ-CP có hiệu lực.',
          },
        ],
      },
      ...hkdProxyGroups(),
    ],
    forms: [HKD_CHAM_DUT],
    results: [
      {
        name: 'Chuyển tình trạng pháp lý của hộ kinh doanh sang "đã chấm dứt hoạt động" và đăng thông báo trên Cổng thông tin quốc gia về đăng ký doanh nghiệp',
        code: 'KQ.G12.001349',
      },
      { name: 'Văn bản của Cơ quan đăng ký kinh doanh cấp xã thông báo lý do từ chối', code: 'KQ.G12.001017' },
    ],
    conditions: `Hộ kinh doanh phải thanh toán hết các khoản nợ và hoàn thành nghĩa vụ thuế; nếu cơ quan thuế từ chối vì còn nợ thuế thì chưa được chấm dứt. ${HKD_PROXY_RULE}`,
    legalBasis: [LAW.luatDoanhNghiep, LAW.luat76_2025, LAW.nd168_2025, LAW.tt68_2025_btc, LAW.tt85_2019_btc],
    onlineLevel: 'full',
    summary:
      'Dùng khi bạn nghỉ hẳn việc kinh doanh và muốn đóng hộ kinh doanh. Trả hết nợ, hoàn thành nghĩa vụ thuế rồi gửi thông báo chấm dứt tới Cơ quan đăng ký kinh doanh cấp xã; miễn phí.',
    exemptions: [],
    keywords: [
      'đóng hộ kinh doanh',
      'chấm dứt hộ kinh doanh',
      'giải thể hộ kinh doanh',
      'trả giấy phép kinh doanh',
      'nghỉ kinh doanh',
      'hủy giấy phép kinh doanh hộ gia đình',
      'xóa đăng ký hộ kinh doanh',
    ],
    decision: '2353/QĐ-BTC',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfb-d748-72d1-848f-3607bc86e647',
  },
  // ------------------------------------------------------------------ Hoạt động xây dựng
  {
    code: '1.013225',
    name: 'Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV (Công trình không theo tuyến/Theo tuyến trong đô thị/Tín ngưỡng, tôn giáo/Tượng đài, tranh hoành tráng/Theo giai đoạn cho công trình không theo tuyến/Theo giai đoạn cho công trình theo tuyến trong đô thị/Dự án) và nhà ở riêng lẻ',
    field: 'Hoạt động xây dựng',
    levels: ['Cấp xã', 'Cơ quan khác'],
    type: LAW_GIVEN_DETAIL,
    applicants:
      'Công dân Việt Nam; Doanh nghiệp; Doanh nghiệp có vốn đầu tư nước ngoài; Tổ chức (không bao gồm doanh nghiệp, HTX)',
    agency: 'Ủy ban nhân dân cấp xã',
    submitAt: 'Trung tâm Phục vụ hành chính công cấp xã',
    steps: [
      'Chủ đầu tư (chủ nhà) nộp hồ sơ đề nghị cấp giấy phép xây dựng tại Trung tâm Phục vụ hành chính công cấp xã hoặc trực tuyến.',
      'Trong 7 ngày làm việc, cơ quan cấp phép thẩm định hồ sơ, kiểm tra thực địa; thiếu hoặc sai thì thông báo một lần bằng văn bản để bổ sung.',
      'Bổ sung vẫn chưa đạt thì được hướng dẫn tiếp trong 5 ngày làm việc; nếu vẫn không đạt thì trong 3 ngày làm việc nhận thông báo lý do không cấp phép.',
      'Cơ quan cấp phép lấy ý kiến các cơ quan quản lý liên quan khi cần (các cơ quan này trả lời trong 12 ngày, quá hạn coi như đồng ý).',
      'Nhận giấy phép xây dựng kèm bản vẽ có đóng dấu: trong 15 ngày với nhà ở riêng lẻ, 20 ngày với công trình khác, kể từ khi hồ sơ đầy đủ, hợp lệ.',
    ],
    channels: [
      {
        kind: 'in_person',
        time: { value: 15, unit: 'days' },
        timeText: '15 ngày (theo Cổng DVCQG; trình tự ghi 15 ngày với nhà ở riêng lẻ, 20 ngày với công trình cấp III, IV khác)',
        fees: [],
        feeText: 'Lệ phí cấp giấy phép xây dựng theo mức HĐND tỉnh quy định.',
        description: 'Nộp trực tiếp tại Trung tâm Phục vụ hành chính công cấp xã.',
      },
      {
        kind: 'online',
        time: { value: 20, unit: 'days' },
        timeText: '20 ngày (nhà ở riêng lẻ: 15 ngày) kể từ khi hồ sơ đầy đủ, hợp lệ',
        fees: [],
        feeText: 'Lệ phí cấp giấy phép xây dựng theo mức HĐND tỉnh quy định.',
        description: 'Nộp hồ sơ trực tuyến qua Cổng Dịch vụ công.',
      },
      {
        kind: 'post',
        time: { value: 20, unit: 'days' },
        timeText: '20 ngày (nhà ở riêng lẻ: 15 ngày) kể từ khi hồ sơ đầy đủ, hợp lệ',
        fees: [],
        feeText: 'Lệ phí cấp giấy phép xây dựng theo mức HĐND tỉnh quy định.',
        description: 'Gửi hồ sơ qua dịch vụ bưu chính đến Trung tâm Phục vụ hành chính công cấp xã.',
      },
    ],
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp (mọi loại công trình)',
        components: [
          {
            name: 'Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 1 Phụ lục II Nghị định 175/2024/NĐ-CP)',
            form: 'mau-01-pl2-nd175',
            originals: 1,
            copies: 1,
            required: true,
          },
          XD_LAND_PAPER,
        ],
      },
      {
        id: 'nha-o-rieng-le',
        title: 'Nhà ở riêng lẻ',
        components: [
          {
            name: 'Bản vẽ thiết kế xây dựng: mặt bằng công trình trên lô đất kèm sơ đồ vị trí; mặt bằng các tầng, mặt đứng, mặt cắt chính; mặt bằng, mặt cắt móng kèm sơ đồ đấu nối cấp nước, thoát nước, cấp điện',
            originals: 2,
            copies: 2,
            required: true,
            note: '02 bộ. Nhà của tổ chức: bản vẽ thiết kế triển khai sau thiết kế cơ sở đã được phê duyệt.',
          },
          {
            name: 'Kết quả thủ tục phòng cháy, chữa cháy; báo cáo kết quả thẩm tra thiết kế (khi pháp luật xây dựng yêu cầu)',
            originals: 1,
            copies: 1,
            required: false,
          },
          {
            name: 'Bản cam kết bảo đảm an toàn đối với công trình liền kề',
            originals: 1,
            copies: 1,
            required: false,
            note: 'Khi có công trình liền kề.',
          },
        ],
      },
      {
        id: 'khong-theo-tuyen',
        title: 'Công trình không theo tuyến',
        components: [XD_PROJECT_PAPERS],
      },
      {
        id: 'theo-tuyen',
        title: 'Công trình theo tuyến trong đô thị',
        components: [
          XD_PROJECT_PAPERS,
          {
            name: 'Bản vẽ thiết kế xây dựng đã được phê duyệt: sơ đồ vị trí tuyến; mặt bằng tổng thể hoặc bình đồ; mặt cắt dọc, mặt cắt ngang chủ yếu; mặt bằng, mặt cắt móng; giải pháp kết cấu chính; đấu nối hạ tầng kỹ thuật',
            originals: 2,
            required: true,
            note: '02 bộ.',
          },
        ],
      },
      {
        id: 'ton-giao',
        title: 'Công trình tôn giáo',
        components: [
          XD_PROJECT_PAPERS,
          XD_DRAWINGS_PROJECT,
          {
            name: 'Văn bản chấp thuận về sự cần thiết xây dựng và quy mô công trình của cơ quan chuyên môn về tôn giáo thuộc Ủy ban nhân dân cấp tỉnh',
            originals: 1,
            copies: 1,
            required: true,
          },
          {
            name: 'Văn bản của cơ quan quản lý nhà nước về văn hóa về sự cần thiết xây dựng và quy mô công trình',
            originals: 1,
            copies: 1,
            required: false,
            note: 'Khi công trình thuộc dự án bảo quản, tu bổ, phục hồi di tích, danh lam thắng cảnh.',
          },
        ],
      },
      {
        id: 'tin-nguong',
        title: 'Công trình tín ngưỡng',
        components: [
          {
            name: 'Bản vẽ thiết kế xây dựng: mặt bằng công trình trên lô đất kèm sơ đồ vị trí; mặt bằng các tầng, mặt đứng, mặt cắt chính; mặt bằng, mặt cắt móng kèm sơ đồ đấu nối hạ tầng; kết quả thủ tục phòng cháy, chữa cháy; cam kết an toàn công trình liền kề (nếu có)',
            originals: 2,
            required: true,
            note: '02 bộ.',
          },
          {
            name: 'Ý kiến của cơ quan chuyên môn về tín ngưỡng, tôn giáo thuộc Ủy ban nhân dân cấp tỉnh (khi pháp luật yêu cầu); báo cáo thẩm tra thiết kế với công trình ảnh hưởng lớn đến an toàn, lợi ích cộng đồng',
            originals: 1,
            copies: 1,
            required: false,
          },
          {
            name: 'Văn bản của cơ quan quản lý nhà nước về văn hóa về sự cần thiết xây dựng và quy mô công trình',
            originals: 1,
            copies: 1,
            required: false,
            note: 'Khi công trình thuộc dự án bảo quản, tu bổ, phục hồi di tích, danh lam thắng cảnh.',
          },
        ],
      },
      {
        id: 'tuong-dai',
        title: 'Công trình tượng đài, tranh hoành tráng',
        components: [
          XD_PROJECT_PAPERS,
          XD_DRAWINGS_PROJECT,
          {
            name: 'Văn bản chấp thuận về sự cần thiết xây dựng và quy mô công trình của cơ quan quản lý nhà nước về văn hóa',
            originals: 1,
            copies: 1,
            required: true,
          },
        ],
      },
      {
        id: 'ngoai-giao',
        title: 'Công trình của cơ quan ngoại giao, tổ chức quốc tế',
        components: [
          XD_PROJECT_PAPERS,
          XD_DRAWINGS_PROJECT,
          {
            name: 'Các điều khoản của Hiệp định hoặc thỏa thuận đã ký với Chính phủ Việt Nam',
            originals: 1,
            copies: 1,
            required: true,
          },
        ],
      },
    ],
    forms: [XD_MAU01],
    results: [
      {
        name: 'Giấy phép xây dựng kèm hồ sơ thiết kế đã đóng dấu của cơ quan cấp giấy phép',
        code: 'KQ.G17.000311',
      },
    ],
    conditions:
      'Công trình phải đáp ứng các điều kiện cấp giấy phép tại Điều 50 Nghị định 175/2024/NĐ-CP: bản vẽ phù hợp thiết kế cơ sở đã được thẩm định (với dự án phải thẩm định), phù hợp thiết kế đã thẩm duyệt phòng cháy, chữa cháy (khi thuộc diện thẩm duyệt) và có báo cáo thẩm tra thiết kế hợp lệ (khi phải thẩm tra).',
    legalBasis: [
      LAW.luatXayDung,
      LAW.luat62_2020,
      LAW.nd175_2024,
      LAW.nd105_2025,
      LAW.nd140_2025,
      LAW.nd144_2025,
      LAW.nd14_2026,
    ],
    onlineLevel: 'partial',
    summary:
      'Dùng khi bạn xây nhà ở riêng lẻ hoặc công trình cấp III, cấp IV và cần giấy phép xây dựng. Nộp đơn, giấy tờ đất và bản vẽ thiết kế tại Trung tâm Phục vụ hành chính công cấp xã; nhà ở riêng lẻ có giấy phép trong 15 ngày, lệ phí theo mức HĐND tỉnh.',
    exemptions: [],
    keywords: [
      'giấy phép xây nhà',
      'xin giấy phép xây dựng',
      'xin phép xây nhà',
      'cấp phép xây dựng nhà ở',
      'giấy phép xây dựng nhà ở riêng lẻ',
      'xây nhà mới',
      'xin phép xây dựng',
      'xây nhà cấp 4',
    ],
    decision: '56/QĐ-BXD',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfe-9088-744d-aa0a-e846b6dce3d5',
  },
];
