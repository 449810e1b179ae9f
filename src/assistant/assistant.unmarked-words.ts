import { fold, syllables } from '../shared/vietnamese';
import { accentForm, type Token } from './assistant.text';

/**
 * Syllables typed without marks whose neighbours say which word they are (pass 25, r10plain).
 * Folded, one syllable stands for several words, and the catalogue's reading of it can be the
 * wrong one:
 * - "cai" before "mới", "khác", "cũ", "này"… is the classifier "cái" ("hộ chiếu hết hạn, đổi cái
 *   mới ở đâu"), a function word; read as the "cải" of "thay đổi, cải chính" (the names' pair
 *   "đổi cải" across their comma), it answered the civil-status correction;
 * - "o to" after a vehicle's word ("xe o to", "bằng lái o to", "mua o to") or before its kind
 *   ("o to con", "o to tải") is "ô tô"; else it stays "ở tổ" ("ở tổ 5", "ở tổ dân phố"), and after
 *   "lái xe" the licence is named already ("học lái xe o to hạng B" kept its reading). Read as
 *   "ở" (a function word) and "tổ", the car was lost and "làm lại bằng lái o to hết hạn" was
 *   offered the ward's re-registrations; "oto" glued is the car too;
 * - chat's "mún", "bít" typed without their marks ("e mun lam khai sinh ma k bit can j"): unknown
 *   to the catalogue, each was a content word no procedure had and the question was handed over.
 */

/** What follows the classifier "cái" ("cái mới", "cái khác", "cái cũ", "cái này", "cái đó", "cái nào"), folded. */
const AFTER_CLASSIFIER = new Set(['moi', 'khac', 'cu', 'nay', 'do', 'kia', 'nao']);
/** Before "o to", the words of a car: "xe", "(bằng/học) lái", buying, selling, renting, "tậu", "chiếc". */
const CAR_BEFORE = new Set(['xe', 'lai', 'mua', 'ban', 'thue', 'tau', 'chiec']);
/** After "o to", its kind or licence class: "ô tô con", "ô tô tải", "ô tô điện", "ô tô B2". */
const CAR_AFTER = new Set(['con', 'tai', 'dien', 'khach', 'b', 'b1', 'b2', 'c', 'd', 'e', 'fc']);
/** Chat spellings typed without the marks they drop ("mún", "bít"), when the catalogue does not know them. */
const UNMARKED_CHAT: Record<string, string> = { mun: 'muốn', bit: 'biết' };

const wordTokens = (t: Token, words: string): Token[] => syllables(words).map((w) => ({ raw: w, accented: accentForm(w), folded: fold(w), clause: t.clause }));

/**
 * The tokens with the marks their neighbours give back to unmarked syllables. `known`: whether a
 * folded syllable is a word the assistant knows.
 */
export function restoreMarks(tokens: Token[], known: (folded: string) => boolean): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    const prev = tokens[i - 1];
    const bare = !t.accented && t.raw === t.folded;
    const sameClause = (u: Token | undefined) => !!u && u.clause === t.clause;
    if (bare && t.raw === 'cai' && sameClause(next) && !next!.accented && AFTER_CLASSIFIER.has(next!.folded)) {
      out.push(...wordTokens(t, 'cái'));
      continue;
    }
    if (bare && t.raw === 'oto') {
      out.push(...wordTokens(t, 'ô tô'));
      continue;
    }
    // After "lái xe" the licence is said already: "học lái xe o to hạng B" stays as it read.
    const carBefore = sameClause(prev) && CAR_BEFORE.has(prev!.folded) && !(prev!.folded === 'xe' && tokens[i - 2]?.folded === 'lai');
    if (bare && t.raw === 'o' && next?.raw === 'to' && sameClause(next) && (carBefore || (tokens[i + 2]?.clause === t.clause && CAR_AFTER.has(tokens[i + 2]!.raw)))) {
      out.push(...wordTokens(t, 'ô tô'));
      i++;
      continue;
    }
    if (bare && t.raw in UNMARKED_CHAT && !known(t.folded)) {
      out.push(...wordTokens(t, UNMARKED_CHAT[t.raw]!));
      continue;
    }
    out.push(t);
  }
  return out;
}
