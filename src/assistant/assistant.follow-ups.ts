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
 * middle name, "tên lót"), "thằng cu", "con bé", "bà xã", "ông xã".
 */
export const STORY_FOLDS: ReadonlySet<string> = new Set(
  (
    'bua dzi dzai zai zi he hong hok hem hk khum ut nang lot cu be xa trai gai de ' +
    'thang dua con chau vo chong ba me ma bo cha ong anh chi em co chu bac cau di duong thim mo ' +
    'tui toi minh nha them nua cung luon gium dum nho to nop lam di len qua ve'
  ).split(' '),
);

const live = (plan: QueryPlan) => plan.tokens.map((t, i) => ({ f: t.folded, i })).filter(({ i }) => !plan.intents.consumed.has(i));

/** How many of the follow-up's unconsumed words are chat, regional or people's words (`STORY_FOLDS`). */
export const storyWordCount = (plan: QueryPlan): number => live(plan).filter(({ f }) => STORY_FOLDS.has(f)).length;

/** The unknown words of the question are all chat, regional or people's words: nothing it names is missing from the catalogue. */
export const knownButStory = (plan: QueryPlan): boolean => plan.unknownCount <= storyWordCount(plan);

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
