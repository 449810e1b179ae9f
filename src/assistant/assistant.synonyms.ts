import { fold, normalizeToneSyllable, syllables } from '../shared/vietnamese';
import { ACCENTED_STOPWORDS } from './assistant.intent';
import { accentForm } from './assistant.text';
import { otherWordHere } from './assistant.homographs';
import type { SynonymEntry } from './assistant.builtin-synonyms';

/**
 * The synonyms applied: a table of phrases (the built-in words of assistant.builtin-synonyms.ts and
 * those a unit's admins add) matched on a question's folded syllables, each giving the catalogue's
 * words for the citizen's. Stop 46: the tables live beside this file, chat's abbreviations and
 * spellings in assistant.abbreviations.ts; their names stay importable from here.
 */
export { BUILTIN_SYNONYMS, type SynonymEntry } from './assistant.builtin-synonyms';
export { ABBREVIATIONS, ageShorthand, CHAT_SPELLINGS, FOLDED_ABBREVIATIONS } from './assistant.abbreviations';

export interface SynonymMatch {
  /** First and last syllable index (inclusive) of the phrase in the question. */
  start: number;
  end: number;
  expansion: string[];
  /**
   * The expansion's syllables that say what it is about: its function words left out by their
   * written form, so "thẻ căn cước" keeps "thẻ" and "căn" (folded, "the" and "can" are "thế" and
   * "cần") and "thị thực" keeps "thị" ("thì").
   */
  content: string[];
  /** A situation's phrases, each [start, end]: the expansion satisfies all of them. */
  spans?: Array<[number, number]>;
  /** Phrases that only tell the story: their words weigh little. */
  story?: Array<[number, number]>;
}

/**
 * The folded syllables of a phrase written with its marks that are not function words. Written
 * without marks, a syllable is taken for what it says ("can" stays: it may be "căn").
 */
export function contentSyllables(written: string): string[] {
  return syllables(written.normalize('NFC').toLowerCase())
    .filter((w) => !ACCENTED_STOPWORDS.has(accentForm(normalizeToneSyllable(w))))
    .map((w) => fold(w));
}

interface Expansion {
  folded: string[];
  content: string[];
}

/** Folded syllables → matcher over phrases of up to MAX_LEN syllables. */
export class SynonymTable {
  private readonly byPhrase = new Map<string, Expansion[]>();
  private maxLen = 1;

  constructor(entries: Iterable<SynonymEntry>) {
    for (const e of entries) this.add(e);
  }

  add(e: SynonymEntry): void {
    const key = syllables(fold(e.phrase)).join(' ');
    const exp = syllables(fold(e.expansion));
    if (!key || !exp.length) return;
    const list = this.byPhrase.get(key) ?? [];
    if (!list.some((l) => l.folded.join(' ') === exp.join(' '))) list.push({ folded: exp, content: contentSyllables(e.expansion) });
    this.byPhrase.set(key, list);
    this.maxLen = Math.max(this.maxLen, key.split(' ').length);
  }

  /**
   * Every phrase of the table found in the folded syllables, longest first at each position;
   * `written`: the syllables' forms with their marks, when known; a key that is another word where
   * it stands is skipped (assistant.homographs.ts).
   */
  match(folded: string[], written?: readonly string[]): SynonymMatch[] {
    const out: SynonymMatch[] = [];
    for (let i = 0; i < folded.length; i++) {
      for (let len = Math.min(this.maxLen, folded.length - i); len >= 1; len--) {
        const key = folded.slice(i, i + len).join(' ');
        const exps = this.byPhrase.get(key);
        // "tạm ngừng kinh doanh" is a pause: its "ngừng kinh doanh" does not mean "chấm dứt".
        const temporary = folded[i - 1] === 'tam';
        if (exps && otherWordHere(key, folded, written, i, len)) continue;
        if (exps) for (const { folded: expansion, content } of exps) if (!(temporary && expansion[0] === 'cham' && expansion[1] === 'dut')) out.push({ start: i, end: i + len - 1, expansion, content });
      }
    }
    return out;
  }

  /** Every folded syllable the table knows (for Telex decoding and typo correction). */
  vocabulary(): Set<string> {
    const v = new Set<string>();
    for (const [k, exps] of this.byPhrase) {
      for (const s of k.split(' ')) v.add(s);
      for (const e of exps) for (const s of e.folded) v.add(s);
    }
    return v;
  }
}
