/**
 * Long messages as citizens send them (pass 23): voice-to-text without punctuation, "hộ" said for
 * "on someone's behalf", and the paper a clerk said is needed.
 *
 * - A dictated message has no punctuation, so it is one clause and the story told before the ask
 *   ("alo em chào chị ạ em ở xóm 3 … bố mẹ nó đi làm xa chưa về thì em có đi khai sinh cho cháu
 *   được không ạ") weighs as much as the ask. Speech marks its sentences with other words: the
 *   closing particle "ạ", a new start with "thì", "giờ", "bây giờ", "vậy", "dạ", "cảm ơn".
 *   `spokenClauses` starts a new clause there, so the clause that asks is told apart as it is in
 *   a written message (assistant.query.ts `weighStory`).
 * - "hộ" right after an act and before whom it is for or the end ("đi khai sinh hộ cho cháu",
 *   "nộp hộ em được không") says on whose behalf: no household, guardian or passport of its own.
 * - Someone else's wedding, death anniversary or funeral attended ("đi đám cưới thằng bạn về thì
 *   mất ví") is where the story happened, not the citizen's marriage or a death to register:
 *   `attended` leaves the event's words out.
 * - "cán bộ bảo tôi phải …", "bên trung tâm nói phải có giấy …": what follows "phải" after a
 *   requirer's word is what is asked (`quotedRequirement`, a request marker like "cần").
 */
import { fold } from '../shared/vietnamese';
import type { Token } from './assistant.text';
import { accentForm } from './assistant.text';

/** A syllable as typed, with its marks ('' past the message's ends). */
const said = (t: Token | undefined): string => t?.raw.normalize('NFC') ?? '';

/**
 * A message of this many syllables or more, without any punctuation, is read as speech. A shorter
 * one is a question typed without commas, whose "X thì Y" puts the topic first ("nhập hộ khẩu vào
 * nhà người thân thì cần diện tích bao nhiêu"): 16 split such questions and lost 5 lines of our sets.
 */
const SPOKEN_MIN = 28;

/** Words that begin a new sentence in speech (typed with their marks). */
const SPOKEN_STARTS = new Set(['thì', 'vậy', 'dạ']);
/** "giờ", "bây giờ" begin a sentence, not after a number, a time asked or "until" ("mấy giờ", "8 giờ", "đến giờ", "giờ hành chính"). */
const NOT_BEFORE_GIO = new Set(['đến', 'tới', 'từ', 'mấy', 'bao', 'đúng', 'giờ', 'mười', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'một', 'nửa', 'tiếng']);

/** The clauses of a dictated message, where speech ends or begins a sentence. Punctuated messages are kept as written. */
export function spokenClauses(tokens: Token[], punctuated: boolean): Token[] {
  if (punctuated || tokens.length < SPOKEN_MIN) return tokens;
  let clause = 0;
  return tokens.map((t, i) => {
    if (i > 0) {
      const a = said(t);
      const prev = said(tokens[i - 1]);
      const next = said(tokens[i + 1]);
      const startsHere =
        // The closing particle "ạ" ends its sentence ("… thôn đông ạ | nhà em …").
        prev === 'ạ' ||
        (SPOKEN_STARTS.has(a) && !(a === 'vậy' && ['như', 'thế', 'là'].includes(prev))) ||
        (a === 'giờ' && !NOT_BEFORE_GIO.has(prev) && !/^\d+$/.test(prev) && prev !== 'bây' && next !== 'hành') ||
        (a === 'bây' && next === 'giờ') ||
        (a === 'cảm' && next === 'ơn');
      if (startsHere) clause++;
    }
    return clause === t.clause ? t : { ...t, clause };
  });
}

/** Acts a citizen asks someone to do on their behalf ("khai sinh hộ", "nộp hộ", "đi hộ"). */
const ACTS = new Set(['làm', 'đi', 'khai', 'nộp', 'ký', 'xin', 'hỏi', 'nhận', 'lĩnh', 'lãnh', 'sinh', 'tử', 'lấy', 'rút', 'gửi', 'nhắn', 'đóng', 'viết', 'điền', 'coi', 'xem', 'mua', 'trình', 'báo']);
/** What may follow "hộ" said for "on behalf": whom it is for, a particle, or the end. */
const AFTER_BEHALF = new Set(['cho', 'giùm', 'giúp', 'em', 'tôi', 'mình', 'tui', 'con', 'cháu', 'được', 'đc', 'không', 'ko', 'nha', 'nhé', 'với', 'bà', 'ông', 'mẹ', 'má', 'ba', 'bố', 'anh', 'chị', 'luôn', 'ạ', 'được', 'thì', 'cái']);

/** Receiving on someone's behalf ("nhận hộ", "lĩnh hộ") is said with "giùm" in the synonyms ("lĩnh giùm": an authorisation). */
const RECEIVE = new Set(['nhận', 'lĩnh', 'lãnh']);

/**
 * "hộ" on someone's behalf is dropped ("đi khai sinh hộ cho cháu" reads as "đi khai sinh cho
 * cháu"), or becomes "giùm" after receiving. Only typed with its mark: unmarked, "ho" is too often
 * "họ" or "hộ khẩu".
 */
export function onBehalf(tokens: Token[]): Token[] {
  const out: Token[] = [];
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const behalf =
      said(t) === 'hộ' && !!prev && ACTS.has(said(prev)) && prev.clause === t.clause && !(next && next.clause === t.clause && !AFTER_BEHALF.has(said(next)));
    if (!behalf) out.push(t);
    else if (RECEIVE.has(said(prev))) out.push({ ...t, raw: 'giùm', accented: accentForm('giùm'), folded: 'gium' });
  });
  return out;
}

/** Words by which someone else says what the citizen must do ("cán bộ bảo", "bên trường nói", "công an kêu"). */
const SAYERS = new Set(['bảo', 'nói', 'kêu', 'bắt', 'dặn', 'nhắc', 'đòi']);
/** A person between the sayer and "phải" ("bảo tôi phải", "kêu em phải"). */
const PERSONS = new Set(['tôi', 'em', 'mình', 'tui', 'con', 'cháu', 'anh', 'chị', 'bà', 'ông', 'là', 'rằng']);

const SAYERS_FOLDED: ReadonlySet<string> = new Set([...SAYERS].map(fold));
const PERSONS_FOLDED: ReadonlySet<string> = new Set([...PERSONS].map(fold));

/** Whether the "phải" at `i` is what someone said the citizen must do ("bảo tôi phải có giấy …"). */
export function quotedRequirement(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || t.folded !== 'phai' || (t.accented && said(t) !== 'phải')) return false;
  // Typed without marks, each word is taken for what it folds to ("ben phuong noi phai co …").
  const is = (x: Token | undefined, words: ReadonlySet<string>, folded: ReadonlySet<string>) => !!x && (x.accented ? words.has(said(x)) : folded.has(x.folded));
  const a = tokens[i - 1];
  return is(a, SAYERS, SAYERS_FOLDED) || (is(a, PERSONS, PERSONS_FOLDED) && is(tokens[i - 2], SAYERS, SAYERS_FOLDED));
}

/** Going to (đi, dự) someone else's event: the events, folded ("đám cưới", "tiệc cưới", "đám giỗ", "đám ma"). */
const EVENTS: ReadonlyArray<readonly string[]> = [['dam', 'cuoi'], ['tiec', 'cuoi'], ['dam', 'gio'], ['dam', 'ma'], ['dam', 'tang'], ['dam', 'hoi'], ['an', 'cuoi'], ['an', 'gio']];

/** The words of another's event the citizen went to ("đi đám cưới bạn", "dự tiệc cưới", "đi ăn giỗ") left out: only the story. */
export function attended(tokens: Token[]): Token[] {
  const drop = new Set<number>();
  tokens.forEach((t, i) => {
    if (t.folded !== 'di' && t.folded !== 'du') return;
    const e = EVENTS.find(([a, b]) => tokens[i + 1]?.folded === a && tokens[i + 2]?.folded === b);
    if (e && tokens[i + 2]!.clause === t.clause) (drop.add(i + 1), drop.add(i + 2));
  });
  return drop.size ? tokens.filter((_, i) => !drop.has(i)) : tokens;
}
