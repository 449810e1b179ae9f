import type { ProcedureInput } from '../catalog';
import { DEMO_EFORMS, type EForm, type EFormField } from '../eform';
import type { GroupDefinition } from './linked.types';

/**
 * The demo's two linked groups of Decree 63/2024/NĐ-CP (our own wording; DOMAIN.md tags the
 * details as unchecked): the newborn (birth registration, permanent residence for the child, the
 * health insurance card of a child under 6) and the death (death registration, removal of the
 * permanent residence, funeral allowance). The ward's justice officer handles the civil-status part;
 * the ward police and the social insurance office are partners outside the unit.
 */

/**
 * The national data set beside the project holds no social-insurance procedure, so the two below
 * carry codes of ours in a "9." series that no national code uses: replace them with the national
 * codes when the unit imports the social-insurance catalogue.
 */
export const BHYT_CHILD_CODE = '9.000601';
export const FUNERAL_CODE = '9.000602';

export const DEMO_PARTNERS = [
  { id: 'cong-an-ba-dinh', unitCode: '00004', name: 'Công an phường Ba Đình', mode: 'inbox' as const, email: 'congan.badinh@example.vn', username: 'congan' },
  { id: 'bhxh-ba-dinh', unitCode: '00004', name: 'Bảo hiểm xã hội khu vực Ba Đình', mode: 'email' as const, email: 'bhxh.badinh@example.vn', username: null },
];

const time = (value: number) => ({ value, unit: 'working_days' as const });

export const LINKED_DEMO_PROCEDURES: ProcedureInput[] = [
  {
    code: BHYT_CHILD_CODE,
    name: 'Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
    field: 'Bảo hiểm y tế',
    levels: ['Cấp xã'],
    applicants: 'Cha, mẹ hoặc người giám hộ của trẻ em dưới 6 tuổi',
    agency: 'Cơ quan bảo hiểm xã hội',
    steps: ['Nộp tờ khai cùng hồ sơ đăng ký khai sinh (liên thông) hoặc riêng tại cơ quan bảo hiểm xã hội.', 'Cơ quan bảo hiểm xã hội cấp thẻ bảo hiểm y tế cho trẻ.'],
    channels: [
      { kind: 'online', time: time(10), timeText: '10 ngày làm việc', fees: [{ label: 'Không mất phí', amount: 0 }] },
      { kind: 'in_person', time: time(10), timeText: '10 ngày làm việc', fees: [{ label: 'Không mất phí', amount: 0 }] },
    ],
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp',
        components: [
          { name: 'Tờ khai tham gia, điều chỉnh thông tin bảo hiểm xã hội, bảo hiểm y tế', originals: 1, required: true, replacedByEForm: true },
          { name: 'Giấy chứng sinh (bản sao)', copies: 1, required: false },
        ],
      },
    ],
    results: [{ name: 'Thẻ bảo hiểm y tế' }],
    summary: 'Trẻ em dưới 6 tuổi được cấp thẻ bảo hiểm y tế miễn phí. Mã thủ tục 9.000601 là mã tạm của motcua, chưa phải mã quốc gia.',
    keywords: ['thẻ bảo hiểm y tế cho trẻ', 'bhyt trẻ em'],
  },
  {
    code: FUNERAL_CODE,
    name: 'Giải quyết trợ cấp mai táng',
    field: 'Bảo hiểm xã hội',
    levels: ['Cấp xã'],
    applicants: 'Thân nhân hoặc người lo mai táng cho người đã chết',
    agency: 'Cơ quan bảo hiểm xã hội',
    steps: ['Nộp hồ sơ cùng hồ sơ đăng ký khai tử (liên thông) hoặc riêng tại cơ quan bảo hiểm xã hội.', 'Cơ quan bảo hiểm xã hội giải quyết và chi trả trợ cấp.'],
    channels: [
      { kind: 'online', time: time(5), timeText: '5 ngày làm việc', fees: [{ label: 'Không mất phí', amount: 0 }] },
      { kind: 'in_person', time: time(5), timeText: '5 ngày làm việc', fees: [{ label: 'Không mất phí', amount: 0 }] },
    ],
    componentGroups: [
      {
        id: 'chung',
        title: 'Giấy tờ phải nộp',
        components: [
          { name: 'Tờ khai của thân nhân đề nghị giải quyết trợ cấp mai táng', originals: 1, required: true, replacedByEForm: true },
          { name: 'Giấy báo tử hoặc trích lục khai tử (bản sao)', copies: 1, required: false },
        ],
      },
    ],
    results: [{ name: 'Quyết định hưởng trợ cấp mai táng' }],
    summary: 'Thân nhân của người tham gia bảo hiểm xã hội đã chết được nhận trợ cấp mai táng. Mã thủ tục 9.000602 là mã tạm của motcua, chưa phải mã quốc gia.',
    keywords: ['trợ cấp mai táng', 'tiền mai táng'],
  },
];

/** A field of a demo e-form, changed for the group (the child must be under 6 for the card). */
function sectionsOf(code: string, patch: (f: EFormField) => EFormField = (f) => f): EForm['sections'] {
  const form = DEMO_EFORMS[code];
  if (!form) throw new Error(`Không có biểu mẫu điện tử mẫu của thủ tục ${code}`);
  return form.sections.map((s) => ({ title: s.title, fields: s.fields.map(patch) }));
}

const UNDER_SIX_DAYS = 6 * 365 + 1;

/**
 * What each partner receives of the family's one form (linked.fields.ts): the child's identity and
 * parents for both; the registration address and head of household for the police; the place of
 * first health care (and the address on the card) for social insurance. Neither sees the other's
 * part, the number of copies of the birth certificate or the declarant's relationship.
 */
const CHILD = ['hoTenTre', 'ngaySinh', 'gioiTinh', 'danToc', 'quocTich', 'hoTenMe', 'soDinhDanhMe', 'hoTenCha', 'soDinhDanhCha'];
const DECEASED = ['hoTenNguoiChet', 'ngaySinhNguoiChet', 'gioiTinhNguoiChet', 'soDinhDanhNguoiChet', 'noiCuTruCuoiCung', 'ngayChet'];

export const DEMO_GROUPS: Array<{ code: string; unitCode: string; name: string; definition: GroupDefinition }> = [
  {
    code: 'LT-KS',
    unitCode: '00004',
    name: 'Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
    definition: {
      summary: 'Một tờ khai cho cả ba việc: khai sinh cho con, đăng ký thường trú cho con và cấp thẻ bảo hiểm y tế. Khai thông tin của trẻ và cha mẹ một lần, đính kèm giấy chứng sinh một lần.',
      legalBasis: 'Nghị định 63/2024/NĐ-CP về thực hiện liên thông điện tử hai nhóm thủ tục hành chính',
      members: [
        { procedureCode: '1.001193', agencyName: 'Công chức tư pháp - hộ tịch, Ủy ban nhân dân phường', role: 'specialist' },
        { procedureCode: '1.004222', agencyName: 'Công an phường Ba Đình', partnerId: 'cong-an-ba-dinh', fields: [...CHILD, 'queQuan', 'noiThuongTru', 'hoTenChuHo', 'quanHeChuHo'] },
        { procedureCode: BHYT_CHILD_CODE, agencyName: 'Bảo hiểm xã hội khu vực Ba Đình', partnerId: 'bhxh-ba-dinh', fields: [...CHILD, 'noiThuongTru', 'noiKhamBanDau'] },
      ],
      eform: {
        title: 'Tờ khai liên thông: khai sinh, thường trú, thẻ bảo hiểm y tế cho trẻ',
        sections: [
          ...sectionsOf('1.001193', (f) => (f.id === 'ngaySinh' ? { ...f, min: -UNDER_SIX_DAYS, help: 'Theo Giấy chứng sinh, ví dụ 15/03/2025. Nhóm liên thông này dành cho trẻ dưới 6 tuổi.' } : f)),
          {
            title: 'Đăng ký thường trú cho trẻ',
            fields: [
              { id: 'noiThuongTru', label: 'Nơi đăng ký thường trú của trẻ', type: 'text', required: true, maxLength: 250, autocomplete: 'off', help: 'Thường là nơi thường trú của cha hoặc mẹ: số nhà, đường, phường, tỉnh.' },
              { id: 'hoTenChuHo', label: 'Họ, chữ đệm và tên chủ hộ', type: 'text', required: true, maxLength: 100, autocomplete: 'off' },
              {
                id: 'quanHeChuHo',
                label: 'Quan hệ của trẻ với chủ hộ',
                type: 'select',
                required: true,
                options: [
                  { value: 'con', label: 'Con' },
                  { value: 'chau', label: 'Cháu' },
                  { value: 'khac', label: 'Quan hệ khác' },
                ],
              },
            ],
          },
          {
            title: 'Thẻ bảo hiểm y tế của trẻ',
            fields: [
              { id: 'noiKhamBanDau', label: 'Nơi đăng ký khám chữa bệnh ban đầu', type: 'text', required: true, maxLength: 200, autocomplete: 'off', help: 'Ví dụ: Trạm y tế phường Ba Đình.' },
            ],
          },
        ],
      },
      papers: [
        { id: 'giay-chung-sinh', name: 'Giấy chứng sinh', required: true, components: { '1.001193': 'chung.1', [BHYT_CHILD_CODE]: 'chung.1' } },
        { id: 'giay-to-cho-o', name: 'Giấy tờ chứng minh chỗ ở hợp pháp (nếu nơi thường trú không phải nơi cha, mẹ đang thường trú)', required: false, components: { '1.004222': 'nha-cua-minh.0' } },
      ],
      // The parent may ask, in the same form, for the child's vaccination reminders (0–24 months).
      vaccinationReminders: { childName: 'hoTenTre', birthDate: 'ngaySinh' },
    },
  },
  {
    code: 'LT-KT',
    unitCode: '00004',
    name: 'Liên thông đăng ký khai tử, xóa đăng ký thường trú, giải quyết trợ cấp mai táng',
    definition: {
      summary: 'Một tờ khai cho cả ba việc: khai tử, xóa đăng ký thường trú của người đã mất và trợ cấp mai táng cho thân nhân.',
      legalBasis: 'Nghị định 63/2024/NĐ-CP về thực hiện liên thông điện tử hai nhóm thủ tục hành chính',
      members: [
        { procedureCode: '1.000656', agencyName: 'Công chức tư pháp - hộ tịch, Ủy ban nhân dân phường', role: 'specialist' },
        { procedureCode: '1.003197', agencyName: 'Công an phường Ba Đình', partnerId: 'cong-an-ba-dinh', fields: DECEASED },
        { procedureCode: FUNERAL_CODE, agencyName: 'Bảo hiểm xã hội khu vực Ba Đình', partnerId: 'bhxh-ba-dinh', fields: [...DECEASED, 'hoTenNguoiNhanTroCap', 'soTaiKhoan'] },
      ],
      eform: {
        title: 'Tờ khai liên thông: khai tử, xóa thường trú, trợ cấp mai táng',
        sections: [
          ...sectionsOf('1.000656'),
          {
            title: 'Trợ cấp mai táng',
            fields: [
              { id: 'hoTenNguoiNhanTroCap', label: 'Họ, chữ đệm và tên người nhận trợ cấp', type: 'text', required: true, maxLength: 100, autocomplete: 'off' },
              { id: 'soTaiKhoan', label: 'Số tài khoản ngân hàng nhận trợ cấp', type: 'text', required: false, maxLength: 30, pattern: '^[0-9]{6,30}$', autocomplete: 'off', help: 'Bỏ trống nếu nhận tiền mặt.' },
            ],
          },
        ],
      },
      papers: [{ id: 'giay-bao-tu', name: 'Giấy báo tử hoặc giấy tờ thay Giấy báo tử', required: true, components: { '1.000656': 'chung.1', [FUNERAL_CODE]: 'chung.1' } }],
    },
  },
];
