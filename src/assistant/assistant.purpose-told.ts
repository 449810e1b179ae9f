/**
 * A paper of the ward told with what it is for or beside what is done already (issue 15, pass 25,
 * r10demo): copies to certify named by the papers copied ("sao y hợp đồng lao động với bằng đại
 * học", "chứng thực mấy bản sao giấy đăng ký kinh doanh"), a wife moved into the husband's
 * household once the marriage paper is had. The papers copied and the paper had are the story;
 * the ask is the other. Phrases are folded ("y" written "i"), as in assistant.situations.ts.
 */
import type { Situation } from './assistant.situations';

/** Copies certified from the originals, said as citizens say it (not a copy issued from a register). */
const COPY_CERTIFIED = [
  'sao i', 'sao i ban chinh', 'chung thuc ban sao', 'chung thuc may ban sao', 'chung thuc cac ban sao', 'chung thuc vai ban sao', 'chung thuc mot so ban sao',
  'cong chung ban sao', 'photo cong chung', 'pho to cong chung', 'ban photo cong chung',
];
/** The papers a citizen has copied and certified: what is copied, not what is asked. */
const PAPERS_COPIED = [
  'so ho khau', 'ho khau', 'giai khai sinh', 'khai sinh', 'can cuoc', 'cccd', 'cmnd', 'chung minh nhan dan', 'hoc ba', 'bang tot nghiep', 'bang dai hoc', 'bang cap',
  'giai dang ki kinh doanh', 'dang ki kinh doanh', 'giai phep kinh doanh', 'hop dong', 'so do', 'so hong', 'giai ket hon', 'bang lai', 'ho chieu', 'so bao hiem',
];
/** A copy of the register's or a signature's, not a certified copy (those records' own words). */
const NOT_COPY_CERTIFIED = ['so goc', 'trich luc', 'cap ban sao', 'xin ban sao', 'cap lai ban sao', 'mat ban chinh', 'mat ban goc', 'khong con ban chinh', 'chu ki', 'diem chi', 'nguoi dich', 'ban dich'];

/** The marriage registered already, its paper in hand ("giấy kết hôn có rồi", "cưới xong, đăng ký rồi"). */
const MARRIED_PAPER_HAD = [
  'giai ket hon co roi', 'giai ket hon da co', 'da co giai ket hon', 'co giai ket hon roi', 'da dang ki ket hon', 'dang ki ket hon roi', 'dang ki ket hon xong',
  'da lam giai ket hon', 'lam giai ket hon roi', 'lam giai ket hon xong', 'co hon thu roi', 'da co hon thu',
];
/** A wife or husband moved into the other's household. */
const MOVED_IN = ['nhap khau', 'nhap ho khau', 'chuien khau', 'chuien ho khau', 'nhap ve ho', 'dang ki thuong tru', 'thuong tru'];

export const PURPOSE_TOLD: Situation[] = [
  // Copies to certify named by the papers copied ("sao y sổ hộ khẩu cũ với giấy khai sinh để nộp hồ
  // sơ nhập học"): the certified copy — the household book and the birth paper are what is copied.
  { groups: [COPY_CERTIFIED], unless: NOT_COPY_CERTIFIED, story: PAPERS_COPIED, anchor: 0, expansion: 'chứng thực bản sao từ bản chính giấy tờ văn bản' },
  // The marriage paper had, the wife or husband now moved in ("giấy kết hôn có rồi, giờ cho vợ nhập
  // khẩu về nhà tôi"): the permanent residence, not the marriage again.
  { groups: [MARRIED_PAPER_HAD, MOVED_IN], story: MARRIED_PAPER_HAD, anchor: 1, expansion: 'đăng ký thường trú' },
];
