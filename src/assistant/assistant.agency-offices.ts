/**
 * Pass 25 (r10agency): other offices' matters a fresh probe of other agencies' questions asked
 * (out-of-scope-23) that no table named — going to work abroad under contract ("xuất khẩu lao
 * động", the Korean EPS programme). The words of the tables that already had an office for a
 * matter (a custody suit, a detainee visited, a fine paid, a new passport, a pharmacy, a meter,
 * a factory of grade II, a company's registration, nationality) were added where that office is.
 *
 * As in assistant.other-offices.ts, `sure` words turn away a procedure found: here the act of
 * going is asked ("đăng ký đi xuất khẩu lao động ở đâu"), never the paper of the ward's it needs
 * ("giấy xác nhận độc thân để làm hồ sơ xuất khẩu lao động" is the ward's marital-status paper).
 */
import type { OtherOffice } from './assistant.other-offices';
import { w } from './assistant.office-words';
import { WORK_COUNTRIES } from './assistant.countries';

/** Going to work abroad said as citizens say it ("đi xuất khẩu lao động", "đi XKLĐ", "đi lao động Nhật"; the countries: assistant.countries.ts, `work`). */
const ABROAD_WORK = `(?:xuat khau lao dong|xkld|di lao dong (?:o )?(?:${WORK_COUNTRIES.join('|')})|chuong trinh eps|eps)`;

export const AGENCY_OFFICES: OtherOffice[] = [
  {
    // Luật Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng 2020 (69/2020/QH14):
    // through a licensed service company, or the state programme (EPS) of the centre for overseas
    // labour, now of the Ministry of Home Affairs; the province's department of home affairs keeps
    // the list of licensed companies and registers contracts signed by workers themselves.
    topic: 'đi làm việc ở nước ngoài theo hợp đồng (xuất khẩu lao động, chương trình EPS Hàn Quốc)',
    office: 'doanh nghiệp dịch vụ được cấp phép đưa người lao động đi làm việc ở nước ngoài, hoặc Trung tâm Lao động ngoài nước (Bộ Nội vụ) với chương trình EPS; danh sách doanh nghiệp được phép và hợp đồng cá nhân: Sở Nội vụ',
    asks: w([ABROAD_WORK]),
    names: w(['lao dong(?: [a-z0-9]+){0,3} nuoc ngoai', 'xuat khau lao dong']),
    sure: w([
      `${ABROAD_WORK}(?: [a-z0-9]+){0,6} (?:dang ky|dang ki|nop ho so|ghi danh|lam ho so) (?:o |tai )?(?:dau|cho nao|ben nao)`,
      `(?:dang ky|dang ki|ghi danh) (?:di )?${ABROAD_WORK}`,
      'chuong trinh eps',
    ]),
  },
];
