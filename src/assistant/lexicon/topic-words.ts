import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
