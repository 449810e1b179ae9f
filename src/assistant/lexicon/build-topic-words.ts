/**
 * `tsx src/assistant/lexicon/build-topic-words.ts [national.jsonl]` writes topic-words.txt beside
 * this file: the two-syllable words (folded, "lai xe", "doanh nghiep") that at least two names of
 * the national catalogue use, function words left out. The assistant reads them as words of an
 * administrative topic — one concept, not two syllables — and, when the unit's own catalogue has
 * no procedure named with one, as the subject of a question about someone else's procedure.
 * It also writes common-name-words.txt: the syllables and two-syllable words (folded) that many
 * national names use ("doi", "cap lai", "giai phep", "hoat dong"), with how many: words that say
 * a procedure is done or issued, not what it is about, however few names of a small unit have them.
 * And words.txt: the national names split into words (assistant.segment.ts), each word and lone
 * syllable with how many times it was read — what decides how a question's syllables pair up.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fold, normalizeToneSyllable, syllables } from '../../shared/vietnamese';
import { ACCENTED_STOPWORDS } from '../assistant.intent';
import { countWords, nameParts } from '../assistant.segment';
import { accentForm } from '../assistant.text';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const file =
  process.argv[2] ??
  process.env.BENCH_NATIONAL_FILE ??
  [path.resolve(repoRoot, '../shared/data/tthc-national.jsonl'), path.resolve(repoRoot, '../../shared/data/tthc-national.jsonl')].find((f) => fs.existsSync(f)) ??
  '';
/** Words that join a name's parts ("cấp lại | giấy phép", "đối với | trường hợp"): never half of a topic word. */
const JOINERS = new Set(['lại', 'cấp', 'đối', 'tại', 'theo', 'trên', 'sau', 'trước', 'khi', 'bằng', 'thuộc', 'giữa', 'tới']);
const counts = new Map<string, number>();
/** In how many names a folded syllable or pair is, function words included (kept from COMMON names on). */
const nameDf = new Map<string, number>();
const COMMON = 20;
let names = 0;
const parts: string[][] = [];
for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const name = (JSON.parse(line) as { ten_thu_tuc?: string }).ten_thu_tuc ?? '';
  // Function words are told apart with their marks ("thì" is one, "thị" of "thị thực" is not).
  const syl = syllables(name.normalize('NFC'));
  parts.push(...nameParts(name.normalize('NFC')));
  names++;
  const folded = syl.map(fold);
  const terms = new Set(folded);
  for (let i = 0; i + 1 < folded.length; i++) terms.add(`${folded[i]} ${folded[i + 1]}`);
  for (const t of terms) nameDf.set(t, (nameDf.get(t) ?? 0) + 1);
  const stop = (w: string) => ACCENTED_STOPWORDS.has(accentForm(normalizeToneSyllable(w))) || JOINERS.has(w);
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < syl.length; i++) {
    const [a, b] = [syl[i]!, syl[i + 1]!];
    if (stop(a) || stop(b) || /\d/.test(a + b)) continue;
    pairs.add(`${fold(a)} ${fold(b)}`);
  }
  for (const p of pairs) counts.set(p, (counts.get(p) ?? 0) + 1);
}
const words = [...counts].filter(([, n]) => n >= 2).map(([p]) => p).sort();
fs.writeFileSync(path.join(here, 'topic-words.txt'), `${words.join('\n')}\n`);
console.log(`${words.length} từ hai âm tiết → ${path.join(here, 'topic-words.txt')}`);
const common = [...nameDf].filter(([t, n]) => n >= COMMON && !/\d/.test(t)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
fs.writeFileSync(path.join(here, 'common-name-words.txt'), `# ${names}\n${common.map(([t, n]) => `${t}\t${n}`).join('\n')}\n`);
console.log(`${common.length} từ có trong ít nhất ${COMMON}/${names} tên thủ tục → ${path.join(here, 'common-name-words.txt')}`);
const read = [...countWords(parts)].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
fs.writeFileSync(path.join(here, 'words.txt'), `# ${names}\n${read.map(([w, n]) => `${w}\t${n}`).join('\n')}\n`);
console.log(`${read.length} từ và âm tiết đứng riêng → ${path.join(here, 'words.txt')}`);
