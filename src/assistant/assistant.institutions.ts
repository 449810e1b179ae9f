/**
 * Institutions and people a citizen's story names around one of the ward's papers (issue 15,
 * pass 21): "ngân hàng đòi giấy chứng tử", "trường mầm non bắt xác nhận cư trú", "bác sĩ bệnh
 * viện đã ký giấy báo tử". They say who asks for the paper or
 * where something happened, not what the question is about. No procedure of the ward is named
 * with them while other agencies' records are ("ngân hàng", "bệnh viện", "nhà trường"): read as a
 * topic, every procedure of the ward missed the question's topic and an ask the ward answers was
 * handed over or declined.
 *
 * Folded syllables ("yêu" is "ieu", "y tế" is "i te"). A school is "trường" only with what follows
 * it naming one (a level, "học", or a verb asking for a paper): "trường hợp" is no school.
 */
const INSTITUTIONS: string[][] = [
  'ngan hang',
  'bac si',
  'nha truong',
  'truong hoc',
].map((w) => w.split(' '));

/**
 * Institutions of the story only when they ask for something ("bệnh viện bắt …", "công ty yêu
 * cầu …"): said alone they tell where a birth or a death happened ("sinh ở bệnh viện"), which
 * the ward's records speak of, or a company's own matter.
 */
const ASKING_INSTITUTIONS: string[][] = ['benh vien', 'tram i te', 'phong kham', 'cong ti'].map((w) => w.split(' '));

/** What follows "trường" when it is a school: its level, or its asking for a paper. */
const SCHOOL_NEXT = new Set(['mam', 'mau', 'tieu', 'trung', 'dai', 'cao', 'cap', 'thcs', 'thpt', 'bat', 'doi', 'ieu', 'keu', 'bao', 'can']);
const SCHOOL_LEVELS: string[][] = ['mam non', 'mau giao', 'tieu hoc', 'trung hoc', 'dai hoc', 'cao dang'].map((w) => w.split(' '));
/** A school's kind said after its level ("trường mầm non công lập"). */
const SCHOOL_KINDS: string[][] = ['cong lap', 'tu thuc', 'dan lap', 'quoc te'].map((w) => w.split(' '));

/** Before an institution's word, what makes it the topic: "(hành) nghề", "làm", "mở", "(thành) lập", "thẻ" (a bank card). */
const HELD = new Set(['nghe', 'lam', 'mo', 'lap', 'the']);

const at = (folded: string[], i: number, words: string[]) => words.every((w, k) => folded[i + k] === w);

/**
 * The positions of the syllables naming an institution or a person of the story (`INSTITUTIONS`,
 * a school with its level). The caller reads them as story words when the question also says an
 * administrative word: alone they may be the question ("ngân hàng nào cho vay").
 */
export function institutionsTold(folded: string[]): Set<number> {
  const told = new Set<number>();
  const mark = (i: number, n: number) => {
    for (let k = 0; k < n; k++) told.add(i + k);
  };
  for (let i = 0; i < folded.length; i++) {
    // What one practises, becomes or opens ("giấy phép hành nghề bác sĩ", "làm bác sĩ", "mở phòng
    // khám"): the question's topic, not a person or a place of its story.
    if (HELD.has(folded[i - 1] ?? '')) continue;
    const word = INSTITUTIONS.find((w) => at(folded, i, w));
    if (word) mark(i, word.length);
    const asking = ASKING_INSTITUTIONS.find((w) => at(folded, i, w));
    if (asking && asksAt(folded, i + asking.length)) mark(i, asking.length);
    if (folded[i] === 'truong' && SCHOOL_NEXT.has(folded[i + 1] ?? '')) {
      const level = SCHOOL_LEVELS.find((w) => at(folded, i + 1, w));
      const n = 1 + (level?.length ?? 0);
      const kind = level && SCHOOL_KINDS.find((w) => at(folded, i + n, w));
      mark(i, n + (kind?.length ?? 0));
    }
  }
  return told;
}

/**
 * Verbs of an institution asking for a paper ("đòi", "bắt", "bảo", "kêu", "biểu", "yêu cầu"),
 * folded. Not "cần": "xin việc ở công ty cần những gì" is the citizen asking.
 */
const ASKS = new Set(['doi', 'bat', 'bao', 'keu', 'bieu', 'ieu']);
/** Words "bảo" begins ("bảo hiểm", "bảo vệ") and what "đòi" (folded as "đổi") asks for. */
const BAO_WORDS = new Set(['hiem', 've', 'tro', 'dam', 'lanh', 'quan', 'hanh', 'tang', 'luu', 'ton']);
const DOI_ASKED = new Set(['giai', 'to', 'ban', 'phai', 'co', 'xac', 'chung', 'so', 'ho', 'bang', 'nop']);

/** An asking verb at position `i`: "bảo" not beginning its word, "đòi" (folded "doi") followed by what is asked. */
function asksAt(folded: string[], i: number): boolean {
  const v = folded[i] ?? '';
  if (!ASKS.has(v)) return false;
  if (v === 'bao') return !BAO_WORDS.has(folded[i + 1] ?? '');
  if (v === 'doi') return DOI_ASKED.has(folded[i + 1] ?? '');
  if (v === 'ieu') return folded[i + 1] === 'cau';
  return true;
}

/**
 * The verb of an institution of the story asking for something, right after it ("trường mầm non
 * đòi …", "ngân hàng kêu …", "ngân hàng yêu cầu …"): its positions ("yêu cầu" both).
 */
export function institutionAsks(folded: string[], told: Set<number>): number[] {
  const verbs: number[] = [];
  for (const i of told) {
    if (told.has(i + 1) || !asksAt(folded, i + 1)) continue;
    verbs.push(i + 1);
    if (folded[i + 1] === 'ieu' && folded[i + 2] === 'cau') verbs.push(i + 2);
  }
  return verbs;
}
