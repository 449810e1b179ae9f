import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseWordCounts, type WordCounts } from '../assistant.segment';

/**
 * Two-syllable words of administrative topics ("lai xe", "doanh nghiep", "thi thuc"), folded:
 * those that at least two names of the national catalogue use (built by build-topic-words.ts).
 * A unit's catalogue knows only its own procedures' words; these tell the assistant that "giấy
 * phép lái xe" is about driving licences even where no procedure of the unit is.
 */
export const TOPIC_WORDS: ReadonlySet<string> = new Set(
  fs
    .readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'topic-words.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean),
);

const commonLines = fs
  .readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'common-name-words.txt'), 'utf8')
  .split('\n')
  .filter((l) => l.trim());

/** How many names the national catalogue has (the count common-name-words.txt was made from). */
export const NATIONAL_NAMES = Number(commonLines[0]?.replace('#', '').trim()) || 1;

/**
 * Folded syllables and two-syllable words that at least 20 names of the national catalogue use,
 * with how many ("cap" 1075, "giai phep" 402, "ieu cau" 38; built by build-topic-words.ts): words
 * that say a procedure is issued, changed or requested, whatever the unit's few names suggest.
 */
export const COMMON_NAME_WORDS: ReadonlyMap<string, number> = new Map(
  commonLines.slice(1).map((l) => {
    const [w, n] = l.split('\t');
    return [w!, Number(n)] as const;
  }),
);

/**
 * The national names read as words ("ho chieu", "tranh chap") and lone syllables ("dat"), with
 * how many times (built by build-topic-words.ts, see assistant.segment.ts): how a question's
 * syllables pair up, even where the unit has no procedure named with the word.
 */
export const NATIONAL_WORDS: WordCounts = parseWordCounts(fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'words.txt'), 'utf8'));
