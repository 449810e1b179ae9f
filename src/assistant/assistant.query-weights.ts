/**
 * How much each word of a question read weighs (assistant.query.ts): the story told around the ask,
 * a reason, who asks for the paper, institutions of the story and what was done already weigh less;
 * synonyms and situations add the catalogue's words at a lower weight. Split from
 * assistant.query.ts (stop 46).
 */
import { STOPWORDS, type IntentReading } from './assistant.intent';
import { institutionAsks } from './assistant.institutions';
import type { SynonymMatch } from './assistant.synonyms';
import { TOPIC_WORDS } from './lexicon/topic-words';
import { quotedRequirement } from './assistant.voice';
import type { Token } from './assistant.text';
import { type Concept, DONE_AFTER, EXPANSION_WEIGHT, GENERIC_NAME_WORDS, LIGHT, NARRATIVE, nationalRarity, PAIR, pairKey, type QueryTerm, REQUEST_WORDS, REQUIRERS, STOP_WEIGHT, TOPICAL_RARITY } from './assistant.ranking-rules';
import type { QueryIndex } from './assistant.query';

/**
 * The words of the story around the ask weigh less: the clauses before (or after) the one that asks,
 * a reason given after the ask, who asks for the paper. Returns the asker's position (-1: none).
 */
export function weighStory(ix: QueryIndex, tokens: Token[], folded: string[], syllableConcepts: Array<{ i: number; c: Concept }>, isStop: (i: number) => boolean, beginsWord: (i: number) => boolean): number {
  // A story told in clauses before (or after) the one that asks: "tôi đi làm ở Bình Dương nửa
  // năm, có phải khai báo tạm vắng không". The clause with a request word ("muốn", "cần", "xin",
  // "cho hỏi", "có phải", "được không") and a topic word of its own (two syllables of some
  // procedure's name that few national names share) carries the question; when there is one,
  // the words of the other clauses weigh less. The last such clause asks.
  if (syllableConcepts.length > 1) {
    const clauses = new Set(syllableConcepts.map((x) => tokens[x.i]!.clause));
    if (clauses.size > 1) {
      let request: number | undefined;
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i]!;
        const f = folded[i]!;
        const marker = REQUEST_WORDS.has(f) || (f === 'can' && isStop(i)) || (f === 'phai' && folded[i - 1] === 'co') || (f === 'khong' && (folded[i - 1] === 'duoc' || folded[i - 1] === 'dc')) || quotedRequirement(tokens, i);
        if (!marker) continue;
        // Its topic: two syllables of it that make a word of some procedure's name.
        const named = syllableConcepts.some((x, k) => {
          const y = syllableConcepts[k + 1];
          if (!y || tokens[x.i]!.clause !== t.clause || y.i !== x.i + 1 || tokens[y.i]!.clause !== t.clause) return false;
          const p = pairKey(folded[x.i]!, folded[y.i]!);
          return ix.namePairs.has(p) && nationalRarity(p) >= TOPICAL_RARITY;
        });
        if (named) request = t.clause;
      }
      if (request !== undefined) for (const x of syllableConcepts) if (tokens[x.i]!.clause !== request) x.c.weight *= NARRATIVE;
    }
  }
  // A reason said after what is asked ("đổi căn cước vì đã sửa tên trong giấy khai sinh"): from
  // "vì" to the end of its clause the words tell why, when a topic word of some procedure's name
  // comes before it; they weigh as a story clause does. Not "vì sao" (why), which asks.
  // Unmarked, "vi" is "vì" only after "bởi", "tại" ("mất ví" is a wallet).
  const because = folded.findIndex(
    (f, i) => f === 'vi' && (tokens[i]!.raw.normalize('NFC').toLowerCase() === 'vì' || ['boi', 'tai'].includes(folded[i - 1] ?? '')) && !['sao', 'the', 'gi'].includes(folded[i + 1] ?? ''),
  );
  if (because > 0) {
    const before = syllableConcepts.filter((x) => x.i < because && tokens[x.i]!.clause === tokens[because]!.clause);
    const named = before.some((x, k) => {
      const y = before[k + 1];
      if (!y || y.i !== x.i + 1) return false;
      const p = pairKey(folded[x.i]!, folded[y.i]!);
      return ix.namePairs.has(p) && nationalRarity(p) >= TOPICAL_RARITY;
    });
    if (named) for (const x of syllableConcepts) if (x.i > because && tokens[x.i]!.clause === tokens[because]!.clause) x.c.weight *= NARRATIVE;
  }
  // Asked for by someone else ("trường mầm non đòi giấy xác nhận nơi ở"): who asks and the verb
  // weigh as a story clause does, when a topic word of some procedure's name follows in its clause.
  // "bảo" begins many names' words ("bảo vệ", "bảo hiểm", "bảo trợ"): then it asks nothing.
  // "đòi" typed with its marks begins no word: folded, "đòi giấy" is "đổi giấy", another word.
  const boundBao = (i: number) => tokens[i]!.accented === 'bảo' && ix.namePairs.has(pairKey('bao', folded[i + 1] ?? ''));
  const asker = tokens.findIndex((t, i) => (REQUIRERS.has(t.accented) && (t.accented === 'đòi' || !beginsWord(i)) && !boundBao(i)) || (t.accented === 'yêu' && tokens[i + 1]?.accented === 'cầu'));
  if (asker > 0) {
    const clause = tokens[asker]!.clause;
    const after = syllableConcepts.filter((x) => x.i > asker + 1 && tokens[x.i]!.clause === clause);
    const named = after.some((x, k) => {
      const y = after[k + 1];
      if (!y || y.i !== x.i + 1) return false;
      const p = pairKey(folded[x.i]!, folded[y.i]!);
      return ix.namePairs.has(p) && nationalRarity(p) >= TOPICAL_RARITY;
    });
    const verbEnd = tokens[asker]!.accented === 'yêu' ? asker + 1 : asker;
    if (named) for (const x of syllableConcepts) if (x.i <= verbEnd && tokens[x.i]!.clause === clause) x.c.weight *= NARRATIVE;
  }
  return asker;
}

/**
 * Institutions and people of the story ("ngân hàng đòi …", "bác sĩ đã ký …",
 * assistant.institutions.ts) in a question with an administrative word, or asking for something
 * ("trường mầm non đòi tờ …"): who asks or where it happened, weighing as story words and never a
 * topic of their own.
 */
export function muteInstitutions(folded: string[], syllableConcepts: Array<{ i: number; c: Concept }>, intents: IntentReading, told: Set<number>): void {
  const asks = institutionAsks(folded, told);
  if (!told.size || (!intents.inDomain && !asks.length)) return;
  for (const x of syllableConcepts) if (told.has(x.i)) (x.c.weight *= NARRATIVE), (x.c.topical = false), (x.c.story = true);
  // Its verb asks for the paper named after it ("yêu cầu" is also in "người yêu cầu chứng thực").
  for (const x of syllableConcepts) if (asks.includes(x.i)) (x.c.weight *= LIGHT), (x.c.topical = false);
}

/** Synonyms and situations: the catalogue's words for the citizen's, at a lower weight. */
export function addSynonyms(ix: QueryIndex, folded: string[], situations: SynonymMatch[], conceptOf: Map<number, Concept>, read: { terms: QueryTerm[]; concepts: Concept[]; content: string[]; pairs: string[][] }, written: string[]): void {
  const { terms, concepts, content, pairs } = read;
  // Synonyms: the catalogue's words for the citizen's, at a lower weight.
  const seen = new Set(terms.map((t) => t.term));
  const storyMuted = new Set<Concept>();
  for (const m of [...ix.synonyms.match(folded, written), ...situations]) {
    for (const s of m.expansion) if (!seen.has(s)) (seen.add(s), terms.push({ term: s, weight: EXPANSION_WEIGHT * (STOPWORDS.has(s) ? STOP_WEIGHT : 1) }));
    const expPairs: string[] = [];
    for (let k = 0; k + 1 < m.expansion.length; k++) {
      const p = pairKey(m.expansion[k]!, m.expansion[k + 1]!);
      expPairs.push(p);
      if (!seen.has(p)) (seen.add(p), terms.push({ term: p, weight: PAIR * EXPANSION_WEIGHT }));
    }
    if (expPairs.length) pairs.push(expPairs);
    // Function words are dropped by their folded form ("bạn", "cần", "thế" fold as "ban", "can",
    // "the"), which may leave one syllable of a phrase: "thị thực" (visa) would be "thực" alone,
    // met by every "chứng thực". Then the phrase is read by its written form (SynonymMatch.content).
    const dropped = m.expansion.filter((s) => !STOPWORDS.has(s));
    const expansion = dropped.length < 2 && m.expansion.length >= 2 ? m.content : dropped;
    let attached = false;
    for (const [start, end] of m.spans ?? [[m.start, m.end]]) for (let i = start; i <= end; i++) {
      const c = conceptOf.get(i);
      if (c) (c.expansions.push(expansion), (attached = true));
    }
    // A word unknown here that stands for another agency's topic no name here has ("visa":
    // "thị thực" on a ward's own catalogue) is that topic, foreign like a pair of it said whole.
    const said = m.spans ? undefined : conceptOf.get(m.start);
    const topicKey = m.expansion.length === 2 ? pairKey(m.expansion[0]!, m.expansion[1]!) : '';
    if (said && m.start === m.end && concepts.includes(said) && !said.forms.some((f) => ix.docCount(f) > 0) && TOPIC_WORDS.has(topicKey) && !ix.strongDf.has(topicKey)) said.foreign = true;
    // A phrase of function words only ("thôi không cần", "không làm nữa") still says the act it
    // stands for: it counts as a concept of its own, met by the catalogue's words or by its own.
    if (!attached && expansion.length && !m.spans) {
      const own = folded.slice(m.start, m.end + 1);
      const c: Concept = { forms: [], accented: '', weight: ix.conceptWeight(expansion) * EXPANSION_WEIGHT, expansions: [expansion, own] };
      concepts.push(c);
      content.push(`(${expansion.join(' ')})`);
    }
    for (const [start, end] of m.story ?? []) for (let i = start; i <= end; i++) {
      const c = conceptOf.get(i);
      if (c && !storyMuted.has(c)) (storyMuted.add(c), (c.weight *= LIGHT), (c.topical = false));
    }
  }
}

/**
 * The positions of the words of a procedure's name the question says were done already: right
 * after "đã" ("hợp đồng đã chứng thực"), or right before "rồi", "xong", "không thành", "thất bại"
 * ("hòa giải ở xã không thành", "đăng ký kết hôn rồi"). Only a word of two syllables some name
 * leads with, and only when the question names another word of a topic it has not done: what is
 * behind the citizen is the story, what is left is asked.
 */
export function wordsDone(ix: QueryIndex, tokens: Token[], folded: string[], conceptOf: Map<number, Concept>): Set<number> {
  const word = (i: number) => i >= 0 && conceptOf.has(i) && conceptOf.has(i + 1) && tokens[i]!.clause === tokens[i + 1]!.clause && ix.namePairs.has(pairKey(folded[i]!, folded[i + 1]!));
  // Done is said of an act or of what a procedure is about: a word some name leads with ("hòa
  // giải", "chứng thực", "khai sinh"), not of a thing ("bán phế liệu rồi").
  const act = (i: number) => word(i) && ix.leadWords.has(pairKey(folded[i]!, folded[i + 1]!));
  const done = new Set<number>();
  for (let i = 0; i < folded.length; i++) {
    const f = folded[i]!;
    const a = tokens[i]!.accented;
    if (f === 'da' && (a === 'đã' || !a)) {
      // "đã đăng ký kết hôn": what was registered, not the registering.
      const j = GENERIC_NAME_WORDS.has(folded[i + 1] ?? '') && GENERIC_NAME_WORDS.has(folded[i + 2] ?? '') ? i + 3 : i + 1;
      if (act(j)) (done.add(j), done.add(j + 1));
    }
    const after = (f === 'roi' && (a === 'rồi' || !a)) || f === 'xong' || DONE_AFTER.has(pairKey(f, folded[i + 1] ?? ''));
    if (after && act(i - 2)) (done.add(i - 2), done.add(i - 1));
  }
  if (!done.size) return done;
  // Another word of a name that says a topic (few national names have it), not done: else the
  // question asks about the one it names.
  for (let i = 0; i + 1 < folded.length; i++) if (!done.has(i) && !done.has(i + 1) && word(i) && nationalRarity(pairKey(folded[i]!, folded[i + 1]!)) >= TOPICAL_RARITY) return done;
  return new Set();
}
