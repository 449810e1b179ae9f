import { PROVINCE_CODES } from '../eform/cccd';
import { fold, syllables } from '../shared/vietnamese';
import { LIGHT_WORDS, STOPWORDS } from './assistant.intent';
import type { Candidate, QueryPlan } from './assistant.retrieval';

/**
 * A fact asked again in a conversation, of the procedure being discussed, in words that name no
 * other one (issue 15, pass 20): "vậy cho thằng em trai tôi thì mất bao lâu", "bữa nào lên thì
 * nhận liền", "nhờ má tui nộp giùm được hông, má cần mang gì". The person changed, the day, who
 * hands it in — not the procedure.
 */

/**
 * Words of chat and of regional speech, and of the people a citizen speaks of, folded, that the
 * catalogue does not have (so the index counts them unknown) and that never name a procedure:
 * "bữa" (a day), "dzị"/"zậy" (vậy), "hè", "hông"/"hổng"/"hok" (không), "út", "nàng", "lót" (the
 * middle name, "tên lót"), "thằng cu", "con bé", "bà xã", "ông xã", "em rể", "sui gia".
 */
export const STORY_FOLDS: ReadonlySet<string> = new Set(
  (
    'bua dzi dzai zai zi he hong hok hem hk khum ut nang lot cu be xa trai gai de ' +
    'thang dua con chau vo chong ba me ma bo cha ong anh chi em co chu bac cau di duong thim mo re sui ' +
    'tui toi minh nha them nua cung luon gium dum nho to nop lam di len qua ve ' +
    // "mấy" and "mai" (tomorrow) fold alike: "mấy bản photo đó", "mai lên xã làm" (pass 23)
    'mai'
  ).split(' '),
);

/**
 * Provinces and cities, old and new, and the names citizens still use ("Sài Gòn"), folded: where
 * someone lives or was born. Names of two syllables or more only: one folded syllable ("Huế" is
 * "huệ", a given name) says nothing of a place.
 */
const PLACE_NAMES: string[][] = [...Object.values(PROVINCE_CODES), 'Sài Gòn', 'Tây Nguyên', 'miền Tây'].map((n) => syllables(fold(n))).filter((n) => n.length > 1);

/** The positions of a province or city named in the question ("em gái ở Sài Gòn", "quê Nghệ An"). */
export function placeNameAt(plan: QueryPlan): Set<number> {
  const at = new Set<number>();
  const f = plan.tokens.map((t) => t.folded);
  for (let i = 0; i < f.length; i++)
    for (const n of PLACE_NAMES) if (n.every((s, k) => f[i + k] === s)) n.forEach((_, k) => at.add(i + k));
  return at;
}

const live = (plan: QueryPlan) => plan.tokens.map((t, i) => ({ f: t.folded, i })).filter(({ i }) => !plan.intents.consumed.has(i));

/** How many of the follow-up's unconsumed words are chat, regional or people's words (`STORY_FOLDS`). */
export const storyWordCount = (plan: QueryPlan): number => live(plan).filter(({ f }) => STORY_FOLDS.has(f)).length;

/** Number words, folded ("mười", "lăm", "mốt"). */
const NUMBER_WORDS = new Set(['mot', 'hai', 'ba', 'bon', 'tu', 'nam', 'lam', 'sau', 'bai', 'tam', 'chin', 'muoi', 'linh', 'le']);
/** The word at `i` is part of an age said in words: number words up to "tuổi" ("mười lăm tuổi"). */
function ageInWords(plan: QueryPlan, i: number): boolean {
  for (let k = i; k < plan.tokens.length && k < i + 4; k++) {
    const f = plan.tokens[k]!.folded;
    if (f === 'tuoi') return k > i;
    if (!NUMBER_WORDS.has(f)) return false;
  }
  return false;
}

/**
 * The unknown words of the question are all chat, regional or people's words: nothing it names is
 * missing from the catalogue. Word by word (pass 21): a follow-up naming a thing the ward does not
 * do ("thi bằng lái hạng B2", "lãnh BHXH", "lý lịch tư pháp") beside a few people's words ("còn",
 * folded, is "con"; "thằng em", "vợ tôi") is not about the procedure discussed.
 */
export function knownButStory(plan: QueryPlan): boolean {
  // A number ("9 tuổi", "2 bản", "mười lăm tuổi") is an age or a count of the story, never a thing missing (pass 23).
  const unknown = [...(plan.unknownAt ?? [])].filter((i) => !STORY_FOLDS.has(plan.tokens[i]!.folded) && !/^\d+$/.test(plan.tokens[i]!.folded) && !ageInWords(plan, i));
  if (!unknown.length) return true;
  const places = placeNameAt(plan);
  return unknown.every((i) => places.has(i));
}

/**
 * A fact asked in a follow-up whose other words are only about people and the day ("cho vợ tôi",
 * "thằng em", "bữa nào lên", "nhờ má nộp giùm"), or whose best matches still include the procedure
 * being discussed: it is that procedure's fact, even when those words lean toward another one
 * (kin words pull to marriage or parenthood) with some confidence.
 */
export function stillAboutSubject(plan: QueryPlan, aspects: readonly string[], candidates: Candidate[], subject: string): boolean {
  if (!aspects.length || plan.intents.offTopic || !knownButStory(plan)) return false;
  const words = live(plan).filter(({ f }) => !STOPWORDS.has(f) && !/^\d+$/.test(f));
  if (words.every(({ f }) => LIGHT_WORDS.has(f) || STORY_FOLDS.has(f))) return true;
  return candidates.slice(0, 3).some((c) => c.kind === 'procedure' && c.id === subject);
}
