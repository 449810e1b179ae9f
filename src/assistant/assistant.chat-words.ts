import { fold, syllables } from '../shared/vietnamese';
import { accentForm, type Token } from './assistant.text';

/**
 * Chat shorthand whose meaning depends on the words around it (pass 24, r9plain). The table of
 * assistant.synonyms.ts (`ABBREVIATIONS`) reads a token alone; these cannot be read alone:
 * - the people addressed, typed as one letter: "a/c cho em hỏi", "b ơi", "c ơi" (anh chị, bạn,
 *   chị). Left as letters nobody knows, each was a content word of the question, unknown to the
 *   catalogue: the scores fell by half and a clear question was declined ("b oi nhap khau cho vo
 *   o dau"). "b", "c" alone are also a licence class or a grade: only before "ơi" or in "a/c";
 * - "bh": "bây giờ" (the table's reading), but "bảo hiểm" after a card, a book or a payment
 *   ("thẻ bh bị mất", "đóng bh"), not in "thế bh phải làm sao";
 * - "kh": "không" in chat, but "kết hôn" right after a registration or a paper ("dk kh mất bao lâu",
 *   "dk lại kh", "nộp hồ sơ KH qua mạng", "làm giấy KH tại chỗ") when a
 *   word of the same clause follows; at the end of the clause or before a particle it is the
 *   question's "không" ("có cần dk kh ạ").
 */

/** Letters that address someone: "a ơi", "c ơi", "b ơi", "a/c", "a/c/e". */
const ADDRESSED: Record<string, string> = { a: 'anh', c: 'chị', b: 'bạn', e: 'em' };
/** "a/c", "a/c/e", "c/e": the people addressed, typed with slashes. */
const ADDRESS_SLASHES = /(^|[^\p{L}\p{N}])([acbe](?:\s*\/\s*[acbe])+)(?=$|[^\p{L}\p{N}])/gu;

/** What "bh" follows when it is the insurance: a book, a payment, a package (a card: `cardOf`). */
const INSURANCE_BEFORE = new Set(['so', 'dong', 'mua', 'rut', 'tien', 'goi', 'nop']);
/** What follows a card's "bh" ("thẻ bh bị mất"); unmarked "the bh" is also "thế bây giờ" ("the bh phai lam sao"). */
const CARD_STATES = new Set(['bi', 'cua', 'het', 'mat', 'sai', 'hong', 'moi', 'y', 'i']);
const cardOf = (prev: Token, next: Token | undefined) =>
  prev.folded === 'the' && (prev.accented === 'thẻ' || (!prev.accented && !!next && next.clause === prev.clause && CARD_STATES.has(next.folded)));

/** "bh y tế", "bh xã hội", "bh thất nghiệp": the insurance named by its kind after it. */
const insuranceNamed = (tokens: Token[], i: number): boolean => {
  const [a, b] = [tokens[i + 1]?.folded, tokens[i + 2]?.folded];
  return a === 'i' || (a === 'xa' && b === 'hoi') || (a === 'that' && b === 'nghiep');
};

/** A registration said in chat ("dk", "đk", "dky", "dki", "đăng ký"): its last syllable, folded. */
const REGISTERED = new Set(['dk', 'dky', 'dki', 'ky', 'ki']);
/** Papers of a marriage said in chat ("giấy KH", "hồ sơ KH", "hs KH"): as after a registration. */
const MARRIAGE_PAPER = new Set(['giay', 'hs']);
const marriagePaper = (prev: Token | undefined, before: Token | undefined) => !!prev && (MARRIAGE_PAPER.has(prev.folded) || (prev.folded === 'so' && before?.folded === 'ho'));
/** Sentence-final words after which "kh" is the question's "không". */
const FINAL_PARTICLES = new Set(['a', 'ak', 'ah', 'vay', 'vai', 'v', 'z', 'zay', 'nhe', 'nha', 'nhi', 'mn', 'mng', 'ad', 'admin', 'ha', 'chi', 'cj', 'anh', 'em', 'e', 'ban', 'b', 'oi', 'khong', 'ko', 'k']);

/** The message with "a/c", "a/c/e" spelt out ("anh chị"), before it is cut into syllables. */
export function spellAddressed(text: string): string {
  return text.replace(ADDRESS_SLASHES, (_, lead: string, letters: string) => lead + letters.split(/\s*\/\s*/).map((l) => ADDRESSED[l.toLowerCase()] ?? l).join(' '));
}

const tokensOf = (t: Token, words: string): Token[] => syllables(words).map((w) => ({ raw: t.raw, accented: accentForm(w), folded: fold(w), clause: t.clause }));

/**
 * Tokens as typed with the shorthand that depends on its neighbours read, before the table's
 * abbreviations (which then leave the words read here alone: they are no abbreviation).
 */
export function readChatShorthand(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const raw = t.raw;
    const next = tokens[i + 1];
    const prev = out[out.length - 1];
    // "b ơi", "c ơi", "a ơi": a letter calling someone.
    if (raw.length === 1 && raw in ADDRESSED && !t.accented && next?.folded === 'oi' && next.clause === t.clause) {
      out.push(...tokensOf(t, ADDRESSED[raw]!));
      continue;
    }
    // "thẻ bh", "đóng bh": the insurance, not "bây giờ".
    if (raw === 'bh' && ((prev && prev.clause === t.clause && (INSURANCE_BEFORE.has(prev.folded) || cardOf(prev, next))) || insuranceNamed(tokens, i))) {
      out.push(...tokensOf(t, 'bảo hiểm'));
      continue;
    }
    // "dk kh mất bao lâu", "dk lại kh": a marriage registered; elsewhere "kh" is chat's "không".
    if (raw === 'kh') {
      const before = prev?.folded === 'lai' ? out[out.length - 2] : prev;
      const after = (before && REGISTERED.has(before.folded)) || marriagePaper(prev, out[out.length - 2]);
      const married = after && prev!.clause === t.clause && next && next.clause === t.clause && !FINAL_PARTICLES.has(next.folded);
      out.push(...tokensOf(t, married ? 'kết hôn' : 'không'));
      continue;
    }
    out.push(t);
  }
  return out;
}
