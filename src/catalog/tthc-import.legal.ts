/**
 * The national record's legal basis (can_cu_phap_ly) → documents with their numbers. Part of the
 * parser in tthc-import.parse.ts; pure.
 */
import type { LegalDoc } from './catalog.types';
import { cleanLine, INVISIBLE, isNoInfo, type Report } from './tthc-import.text';

// ---------------------------------------------------------------------------------------------
// Legal basis: "Tên văn bản pháp lýMã văn bản" then <name><number> pairs, glued

const LEGAL_HEADER = 'Tên văn bản pháp lýMã văn bản';
/** Start of a document number: "123/2015/", "66.7/2025/", "60/2014/" (digits may be glued to a year). */
const DOC_NUMBER_HEAD = /(\d+)(?:\.\d{1,3}|\.?[a-z](?=\/))?\/\d{4}\/(?=[A-ZĐ])/gu;
/** Numbers without a year: "73/NĐ-CP", "48/VBHN-VPQH", "163/QĐ-BTP". */
const DOC_NUMBER_NO_YEAR = /(\d{1,4})\/(?=[A-ZĐ]{2,}\s?-\s?[A-ZĐ])/gu;
/** A number cell without issuer ("…của Chính phủ167/2025"): only at the end or glued to the next name. */
const DOC_NUMBER_BARE = /(?<![\d/])(\d+)\/\d{4}(?=[.\s]*$|\p{Lu}\p{Ll})/gu;
/** All-caps words that start a document name ("…NĐ-CPLUẬT HÀNG KHÔNG…"). */
const CAPS_DOC_WORDS_RE = /LUẬT|BỘ|NGHỊ|THÔNG|QUYẾT|PHÁP|QUY|CHỈ|HIẾN|VĂN|SỬA|VỀ|HƯỚNG/u;
const LOWER_VOWEL = 'aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ';
/** Does capital+next begin a Vietnamese word: a vowel, or ch, gh, gi, kh, ng, nh, ph, qu, th, tr? */
function startsWord(capital: string, next: string): boolean {
  if (LOWER_VOWEL.includes(next)) return true;
  // A capital vowel followed by a letter ("Áp dụng", "Ủy ban") begins a word; issuers are consonants.
  if (!/^[A-Z]$/.test(capital) && /^[AEIOUY]/.test(capital.normalize('NFD')) && /\p{Ll}/u.test(next)) return true;
  const pair = capital + next;
  return ['Ch', 'Gh', 'Gi', 'Kh', 'Ng', 'Nh', 'Ph', 'Qu', 'Th', 'Tr'].includes(pair);
}

interface DocToken {
  start: number;
  end: number;
  number: string;
}

/**
 * Read the issuer part of a number after "123/2015/": dash-separated capital groups
 * ("NĐ-CP", "TTLT-BYT-BCT", "QĐ-TTg", "NQ- HĐND"), with the two-digit legislature of "QH13" and
 * "UBTVQH15". A capital that begins a word belongs to the next name ("TT-BTPThông tư",
 * "NĐ-CPVề…"), but "NĐ-CPsửa đổi" keeps its P.
 */
function readIssuer(text: string, at: number): number {
  let i = at;
  for (let first = true; ; first = false) {
    let sepLen = 0;
    if (!first) {
      // "NĐ-CP", "NĐ- CP", "TTLT/BQP", "TT_BCA"; but " - Quy định…" starts the name.
      const sep = /^(?:[-/_]\s?|\s[-/_](?!\s))(?=\p{Lu})/u.exec(text.slice(i));
      if (!sep) break;
      sepLen = sep[0].length;
    }
    const partAt = i + sepLen;
    let len: number;
    if (text.startsWith('TTg', partAt)) {
      len = 3;
    } else {
      const run = /^\p{Lu}+/u.exec(text.slice(partAt))?.[0] ?? '';
      len = run.length;
      const after = text.slice(partAt + len);
      // "CPLUẬT", "CPBỘ LUẬT": give the capitals back to the all-caps name that follows.
      const caps = CAPS_DOC_WORDS_RE.exec(run.slice(1));
      if (caps) len = caps.index + 1;
      else if (run.endsWith('QH') && /^\d{2}/.test(after)) len += 2;
      // "CP" (Chính phủ) is never the start of the next name ("NĐ-CPhông tư" is a typo for "Thông tư").
      else if (/^\p{Ll}/u.test(after) && run !== 'CP' && startsWord(run.at(-1) ?? '', after[0]!)) len -= 1;
    }
    if (len <= 0) break;
    i = partAt + len;
  }
  return i;
}

function docTokens(text: string): DocToken[] {
  const out: DocToken[] = [];
  for (const re of [DOC_NUMBER_HEAD, DOC_NUMBER_NO_YEAR, DOC_NUMBER_BARE]) {
    let pos = 0;
    for (;;) {
      re.lastIndex = pos;
      const m = re.exec(text);
      if (!m) break;
      let start = m.index;
      const digits = m[1] ?? '';
      // "năm 202446/2024/QH15": the year of the name is glued to the number.
      if (digits.length > 4 && /^(?:19|20)\d\d/.test(digits)) start += 4;
      const bare = re === DOC_NUMBER_BARE;
      const end = bare ? m.index + m[0].length : readIssuer(text, m.index + m[0].length);
      pos = Math.max(end, m.index + m[0].length);
      if (!bare && end === m.index + m[0].length) continue;
      if (out.some((t) => start < t.end && t.start < end)) continue;
      out.push({ start, end, number: text.slice(start, end).replace(/\s/g, '') });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Between two copies of one number: nothing, or the document type of the number cell. */
const SAME_DOC_GAP =
  /^[\s.]*(?:(?:Thông tư liên tịch|Thông tư|Nghị định|Nghị quyết|Quyết định|Pháp lệnh|Luật)\s*)?(?:[Ss]ố)?\s*$/u;

/** A number written as a table cell is followed by the next name, glued or after a line break. */
function endsCell(text: string, tok: DocToken): boolean {
  const after = text.slice(tok.end);
  if (/^[.\s]*$/u.test(after)) return true;
  if (/^ngày\s*\d/iu.test(after)) return false; // "…/TT-BCAngày 01/7/2025": the name goes on
  if (/^[^\s,;.:)\]]/u.test(after)) return true;
  if (/^\.(?=[\p{Lu}\d])/u.test(after)) return true;
  return /^\s+\p{Lu}/u.test(after);
}

export function parseLegalBasis(
  raw: string,
  report: Report,
  field = 'can_cu_phap_ly',
): { docs: LegalDoc[]; stats: { docs: number; unsplit: number } } {
  const stats = { docs: 0, unsplit: 0 };
  let text = raw.normalize('NFC').replace(INVISIBLE, '');
  // The portal's next section sometimes spills in: "…Cơ quan thực hiệnSở Nông nghiệp và Môi trường".
  const spill = text.indexOf('Cơ quan thực hiện');
  if (spill >= 0) {
    report(field, 'legal_extra_dropped', 'Bỏ qua phần "Cơ quan thực hiện" lẫn vào căn cứ pháp lý', text.slice(spill));
    text = text.slice(0, spill);
  }
  if (cleanLine(text) === '' || isNoInfo(text)) return { docs: [], stats };
  const headerAt = text.indexOf(LEGAL_HEADER);
  if (headerAt >= 0) {
    const before = cleanLine(text.slice(0, headerAt));
    if (before) {
      stats.unsplit++;
      report(field, 'legal_unsplit', 'Có nội dung trước bảng căn cứ pháp lý', before);
    }
    text = text.slice(headerAt + LEGAL_HEADER.length);
  }
  const tokens = docTokens(text);
  const docs: LegalDoc[] = [];
  const push = (rawName: string, number: string): void => {
    let name = cleanLegalName(rawName);
    // "BỘ LUẬT HÀNG HẢI VIỆT NAMBỘ LUẬT HÀNG HẢI VIỆT NAM…": a document without number, its name
    // repeated in the number column.
    const twice = /^(.{8,}?)\1(?=\S)/u.exec(name);
    if (twice?.[1] && number) {
      docs.push({ name: twice[1], number: '' });
      stats.docs++;
      name = cleanLegalName(name.slice(twice[0].length));
    }
    if (!name) return;
    docs.push({ name, number });
    stats.docs++;
  };
  let from = 0;
  tokens.forEach((tok, i) => {
    if (!endsCell(text, tok)) return;
    const next = tokens[i + 1];
    const afterNext = tokens[i + 2];
    // "Luật 60/2014/QH1360/2014/QH13", "Nghị quyết 66.7/2025/NQ-CP 66.7/2025/NQ-CP": the first copy
    // belongs to the name.
    if (next && next.number === tok.number && SAME_DOC_GAP.test(text.slice(tok.end, next.start))) return;
    // "…bởi Nghị định số 232/2025/NĐ-CP34/2025/TT-NHNN": a name ending in a number, glued to the
    // cell — unless the next number is itself a name-only document ("…46/2010/QH1246/2010/QH12").
    if (
      next &&
      next.start === tok.end &&
      endsCell(text, next) &&
      !(afterNext && afterNext.start === next.end && afterNext.number === next.number)
    ) {
      return;
    }
    let name = cleanLegalName(text.slice(from, tok.start));
    if (!name) return; // "106/2024/NĐ-CP106/2024/NĐ-CP": this one is the name of the next cell
    // "…Bộ Tư phápThông tư số 03/2023/TT-BTP": the number cell repeats the document type.
    const typed = /(?<=[\p{L}\d.;)])(?:(?:Thông tư liên tịch|Thông tư|Nghị định|Nghị quyết|Quyết định|Pháp lệnh|Luật)(?: số)?|[Ss]ố)\s*$/u.exec(
      name,
    );
    if (typed && typed.index > 0 && /[\p{Ll}\d.;)]/u.test(name[typed.index - 1] ?? '')) name = name.slice(0, typed.index);
    push(name, tok.number);
    from = tok.end;
  });
  const rest = cleanLegalName(text.slice(from));
  const repeated = /^(.{8,})\1$/u.exec(rest);
  if (repeated?.[1]) {
    push(repeated[1], '');
  } else if (rest) {
    stats.unsplit++;
    docs.push({ name: rest, number: '' });
    report(field, 'legal_unsplit', 'Không tách được số hiệu văn bản pháp lý', rest);
  }
  return { docs, stats };
}

function cleanLegalName(raw: string): string {
  return cleanLine(raw).replace(/^[\s.,;:)\]-]+/u, '').trim();
}

