/**
 * What retrieval says of each document it found for a question (assistant.retrieval.ts): its
 * score, how much of the question it covers, and the signs the decision reads (a topic missed or
 * hit, another level's words, a name for foreigners). Moved out of assistant.retrieval.ts whole
 * (stop 44); the retriever still exports it, as the decision, the replies and the model import it.
 */
export interface Candidate {
  id: string;
  kind: 'procedure' | 'faq';
  /** Final ranking score. */
  score: number;
  /** Share of the question's weight this document covers, 0..1. */
  coverage: number;
  /** A two-syllable word of the question (or of its synonyms) is in the name or keywords. */
  pairSupport: boolean;
  /** Done at the unit's own level (see IndexDoc.here). */
  here: boolean;
  /**
   * The question names a topic no procedure of the unit is named with ("lái xe", "trợ giúp pháp
   * lý") and this document does not have it: what it shares with the question is the rest
   * ("đổi", "giấy phép"), and the question is likely about someone else's procedure. Also set
   * when the name leads with an act the question does not say (MARKED_ACTS: "Trình báo mất …").
   */
  missesTopic?: boolean;
  /** The question says another thing than the one the name's act is on ("tách thửa" to "Tách hộ": SPLIT_ACTS of assistant.sibling-pulls.ts). */
  otherAct?: boolean;
  /**
   * A topic word of the question (one few national names use: "hộ chiếu", "khai sinh") is in its
   * name or keywords: it is about what the question is about, not only about its generic words.
   */
  topicHit?: boolean;
  /**
   * The topic word it has is one the question says outside its words of everyday life
   * (IntentReading.everyday): "căn cước" of "làm mất căn cước khi đi du lịch", not the "cưới" of
   * "kể chuyện cười".
   */
  plainTopic?: boolean;
  /**
   * How many words of the question it has in its name or keywords that other levels' records are
   * named with and hardly any of the unit's own ("tàu cá", "doanh nghiệp", "hộ chiếu" on a ward's
   * catalogue holding the national one): the question names a thing those records are about.
   * Always 0 on a catalogue of the unit's own procedures only.
   */
  elsewhereWords?: number;
  /** Its name says it is for foreigners or has a foreign element ("… cho người nước ngoài", "… có yếu tố nước ngoài"). */
  foreignName?: boolean;
}
