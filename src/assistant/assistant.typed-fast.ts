import { fold, syllables } from '../shared/vietnamese';
import { accentForm, type Token } from './assistant.text';

/**
 * Question words typed fast with the l/n of the northern accent swapped (pass 27, r12plain):
 * "thế lào" is "thế nào", "như lào" "như nào", "chỗ lào" "chỗ nào". Read as written, "lào" is
 * Laos, a country: "thủ tục nhập khẩu cho vợ thế lào" was handed to staff as a foreigner's
 * matter while "… làm tn" was answered. The country stays where it is one ("người Lào", "bên
 * Lào", "sang Lào", "lao động"): only after a word that asks "which" or "how", and typed without
 * marks ("the lao") only where the clause ends or a particle follows.
 */

/** Words before the "nào" of a question, folded: "thế nào", "như nào", "chỗ nào", "nơi nào", "lúc nào", "khi nào", "cái nào", "kiểu nào", "cách nào". */
const ASKS_WHICH = new Set(['the', 'nhu', 'cho', 'noi', 'luc', 'khi', 'cai', 'kieu', 'cach']);
/** The same words written with their marks ("chỗ", not "cho"; "thế", not "thẻ"). */
const ASKS_WHICH_MARKED = new Set(['thế', 'như', 'chỗ', 'nơi', 'lúc', 'khi', 'cái', 'kiểu', 'cách'].map(accentForm));
/** Sentence-final particles after an unmarked "the lao" ("the lao a", "the lao vay ad"). */
const PARTICLES = new Set(['a', 'ak', 'ah', 'vay', 'v', 'z', 'ha', 'nhi', 'nhe', 'nha', 'ad', 'admin', 'mn', 'mng', 'oi', 'chi', 'anh', 'em', 'e', 'ban', 'b', 'bn', 'day', 'chu', 'nua']);

const asNao = (t: Token): Token[] => syllables('nào').map((w) => ({ raw: t.raw, accented: accentForm(w), folded: fold(w), clause: t.clause }));

/** The tokens with a swapped "lào" after a question's "thế", "như", "chỗ"… read "nào". */
export function readSwappedAsks(tokens: Token[]): Token[] {
  return tokens.flatMap((t, i) => {
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (t.folded !== 'lao' || !prev || prev.clause !== t.clause || !ASKS_WHICH.has(prev.folded)) return [t];
    if (t.accented) return t.accented === 'lào' && (!prev.accented || ASKS_WHICH_MARKED.has(prev.accented)) ? asNao(t) : [t];
    const ends = !next || next.clause !== t.clause || PARTICLES.has(next.folded);
    return t.raw === 'lao' && !prev.accented && ends ? asNao(t) : [t];
  });
}
