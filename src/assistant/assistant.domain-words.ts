/**
 * The words that tell a question about papers and offices from one about everyday life, read by
 * assistant.intent.ts (`readIntents`, which builds them into whole-word patterns with its `b`:
 * folded, no marks, y as i): the administrative words (`inDomain`), and the people and purposes
 * of everyday life (its OFF_TOPIC) that such a word keeps as the story's — a doctor who signed
 * the death notice, a loan the bank wants the ward's paper for. Moved out of assistant.intent.ts
 * whole (stop 44); each list reads as it did there.
 */

/** People of everyday life (OFF_TOPIC) who are a story's people beside an administrative word. */
export const PEOPLE_OF_THE_STORY: ReadonlySet<string> = new Set(['bac si', 'nguoi ieu']);
/**
 * An everyday purpose (OFF_TOPIC) a paper of the ward's own is asked for (pass 23): a loan paid in
 * instalments is why the bank wants it ("ngân hàng bắt nộp tờ chứng minh chưa lập gia đình mới
 * duyệt vay trả góp", "bên cho vay đòi giấy xác nhận cư trú"), when the paper is named
 * (PAPER_OF_THE_WARD_WORDS) and not only "giấy tờ" ("mua iphone trả góp cần giấy tờ gì" stays everyday); a
 * school changed, when the school asks for the paper (pass 27: "trường đòi giấy xác nhận nơi ở … chuyển trường").
 */
export const PURPOSES_OF_THE_STORY: ReadonlySet<string> = new Set(['tra gop', 'cho vai', 'chuien truong', 'xin chuien truong']);
const OWN_PAPERS = ['chung minh chua', 'doc than', 'tinh trang hon nhan', 'chua lap gia dinh', 'cu tru', 'ct07', 'khai sinh', 'trich luc', 'ban sao', 'sao i', 'chung thuc'];
/** The ward's papers, by what they confirm or by name (PAPER_OF_THE_WARD in assistant.intent.ts). */
export const PAPER_OF_THE_WARD_WORDS: readonly string[] = ['xac nhan', 'chung nhan', ...OWN_PAPERS];
/**
 * The borrowing said by the borrower ("vay tiền mua nhà, ngân hàng bảo … người chưa có chồng … giấy
 * của xã chứng nhận", pass 24): only with a paper that is the ward's by its name, not any
 * confirmation ("giấy xác nhận quá trình đóng bảo hiểm … vay tiền" is social insurance's).
 */
export const BORROWING = 'vai tien';
/** The ward's papers by their names only, and the status they confirm said plainly (with BORROWING). */
export const OWN_PAPER_OF_THE_WARD_WORDS: readonly string[] = [...OWN_PAPERS, 'chua co chong', 'chua co vo', 'chua chong', 'chua vo'];

/** Words that make a question about papers and offices at all (IntentReading.inDomain). */
export const DOMAIN_WORDS: readonly string[] = [
  'thu tuc',
  'ho so',
  'giai',
  'giai to',
  'dang ki',
  'cap',
  'xin',
  'xac nhan',
  'chung thuc',
  'cong chung',
  'sao y',
  'chung nhan',
  'to khai',
  'ui ban',
  'cong an',
  'phuong',
  'xa',
  'le phi',
  'nop',
  'giai quyet',
  'can bo',
  'mot cua',
  'ket qua',
  'mau don',
  'don',
  'so',
  'the can cuoc',
  // The papers of the ward's own records, named alone ("mất căn cước trên xe buýt"): the question
  // is about them, whatever everyday words tell its story.
  'can cuoc',
  'ho khau',
  'khai sinh',
  'khai tu',
  'tam tru',
  'thuong tru',
  'the bao hiem',
  'bo phan',
  'lam lai',
  'cap lai',
  'khai bao',
  'trich luc',
  'ban sao',
  // Civil-status acts and papers named alone ("rút tên giám hộ", "làm hôn thú cho tụi nó"): an
  // administrative question, handed over when no record is sure, never declined as everyday.
  'ket hon',
  'hon thu',
  'giam ho',
  'ho tich',
  'cai chinh',
  'chung tu',
  'bao tu',
  'nhan cha',
  'nhan me',
  'nhan con',
];
