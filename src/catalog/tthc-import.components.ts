/**
 * The national record's documents table (thanh_phan_ho_so) → component groups, with the template
 * files each document names. Part of the parser in tthc-import.parse.ts; pure.
 */
import type { Component, ComponentGroup } from './catalog.types';
import { slugify } from '../shared/vietnamese';
import { cleanLine, INVISIBLE, isNoInfo, type Report } from './tthc-import.text';

// ---------------------------------------------------------------------------------------------
// Components: [<title>]"Tên giấy tờMẫu đơn, tờ khaiSố lượng" then <name>[<form file>]<quantity>...

const COMPONENT_HEADER = 'Tên giấy tờMẫu đơn, tờ khaiSố lượng';
/**
 * The portal writes the quantity as "1 bản chính" or "0 bản chính,1 bản sao", glued to the name.
 * Quantities are one digit; "01 bản chính" with a leading zero is prose inside a name.
 */
const QUANTITY_RE =
  /(\d) bản chính(?:,\s?(\d) bản sao)?|Bản chính\s?:\s?(\d+)[,;\s]*Bản sao\s?:\s?(\d+)|(\d) bản sao(?=\S|$)/gu;
const FORM_FILE_EXT = /\.(?:docx?|DOCX?|pdf|PDF|xlsx?|XLSX?|rar|zip|odt)(?!\p{Ll})/gu;
/** How template files are usually named: "Mẫu số 01", "Mau 35 - Phu luc II", "PL 02", "Mus08", "TK03"… */
const FORM_PREFIX =
  /^(?:M[ẫa]u|MẪU|MAU|Ph[ụu] ?l[ụu]c|PHỤ LỤC|PHU LUC|Phlc|PL|Mus|Ms|TK|T[ờo] khai|Bi[ểe]u m[ẫa]u|Phi[ếe]u|Đ[ơo]n|Don|Danh s[áa]ch|B[ảa]n khai|BM)/u;

interface QuantityToken {
  start: number;
  end: number;
  originals: number;
  copies: number;
}

function quantityTokens(body: string): QuantityToken[] {
  const out: QuantityToken[] = [];
  for (const m of body.matchAll(QUANTITY_RE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const leadingDigitAt = start - 1;
    // "01 bản chính": a leading zero means the number belongs to the text, not to the table cell.
    if (body[leadingDigitAt] === '0' && !/\d/.test(body[leadingDigitAt - 1] ?? '')) continue;
    // "1 bản chính hoặc 1 bản sao có chứng thực": prose, the next row never starts in lower case after a space.
    if (/^\s+\p{Ll}/u.test(body.slice(end, end + 3))) continue;
    if (m[1] !== undefined) out.push({ start, end, originals: Number(m[1]), copies: Number(m[2] ?? 0) });
    else if (m[3] !== undefined) out.push({ start, end, originals: Number(m[3]), copies: Number(m[4] ?? 0) });
    else out.push({ start, end, originals: 0, copies: Number(m[5]) });
  }
  return out;
}

/**
 * Split "…ngày 27/12/2021;Mus08.docx" into the document name and its form file(s). The file
 * name is glued to the name, so the boundary is a glued capital ("…sảnMau 35", ";Mus08", "CPMẫu");
 * when several are possible, the first one that reads like a template name wins.
 */
export function splitFormFiles(text: string): { name: string; forms: string[] } {
  const exts = [...text.matchAll(FORM_FILE_EXT)];
  const last = exts.at(-1);
  if (!last || (last.index ?? 0) + last[0].length !== text.trimEnd().length) return { name: text, forms: [] };
  // Walk back over glued file names: "A.docxB.docx".
  let chain = [last];
  for (let i = exts.length - 2; i >= 0; i--) {
    const prev = exts[i]!;
    const between = text.slice((prev.index ?? 0) + prev[0].length, chain[0]!.index ?? 0);
    // Only file names sit between two extensions; names never hold ".docx".
    if (between.length > 0 && between.length <= 120 && !/[;\n]/u.test(between)) chain = [prev, ...chain];
    else break;
  }
  const firstExt = chain[0]!.index ?? 0;
  const windowStart = Math.max(0, firstExt - 120);
  // Candidate starts, nearest first. A file name holds no "; ", ": " or sentence break.
  const strong: number[] = [];
  const weak: number[] = [];
  for (let p = firstExt - 1; p > windowStart; p--) {
    const prev = text[p - 1] ?? '';
    const cur = text[p] ?? '';
    const next = text[p + 1] ?? '';
    if (/[;:]|\.\s|,\s/u.test(text.slice(p, firstExt))) break;
    if ((/[.;:)\]”"’]/u.test(prev) && /[\p{Lu}\d]/u.test(cur)) || (/[;:]/u.test(prev) && /\S/u.test(cur))) strong.push(p);
    else if (
      (/[\p{Ll}\d]/u.test(prev) && /\p{Lu}/u.test(cur)) ||
      (prev === '.' && /\p{Ll}/u.test(cur) && /\p{L}/u.test(text[p - 2] ?? '')) ||
      (/\p{Lu}/u.test(prev) && /\p{Lu}/u.test(cur) && /\p{Ll}/u.test(next))
    ) {
      weak.push(p);
    }
  }
  const all = [...strong, ...weak].sort((a, b) => b - a);
  const known = all.filter((p) => FORM_PREFIX.test(text.slice(p)));
  let boundary: number;
  if (known.length > 0) boundary = Math.min(...known);
  else if (strong.length > 0) boundary = strong[0]!;
  else if (weak.length > 0) boundary = weak[0]!;
  else {
    const space = text.lastIndexOf(' ', firstExt);
    boundary = space >= 0 ? space + 1 : 0;
  }
  const files = text.slice(boundary);
  const forms: string[] = [];
  let from = 0;
  for (const m of files.matchAll(FORM_FILE_EXT)) {
    const end = (m.index ?? 0) + m[0].length;
    const file = files.slice(from, m.index).trim();
    if (file) forms.push(file);
    from = end;
  }
  return { name: text.slice(0, boundary), forms };
}

/** "Tờ khai … (Mẫu số 03)", "theo mẫu TK06": a template named in the document's own name. */
function formNamedIn(name: string): string | undefined {
  const ref = /(?:^|[\s(;,])((?:Mẫu|mẫu)(?: số)? ?(?=[\p{Lu}\d])[\p{L}\d][\p{L}\d.\/_-]*)/u.exec(name);
  if (ref?.[1]) {
    const r = ref[1].replace(/[.;,]+$/, '');
    return r.charAt(0).toUpperCase() + r.slice(1);
  }
  // "Tờ khai đăng ký khai sinh theo mẫu (nếu …)": the document is itself the template.
  const own = /^((?:Tờ khai|Đơn|Phiếu|Bản khai)\s[^;(]{3,150}?)\s+theo mẫu/u.exec(name);
  return own?.[1]?.trim();
}

function cleanComponentName(raw: string): string {
  return cleanLine(raw)
    .replace(/^[\s.,;:)\]]+/u, '')
    .replace(/^(?:[-+*•]+\s*)+/u, '')
    .replace(/[;,]+$/u, '')
    .trim();
}

function cleanGroupTitle(raw: string): string {
  return cleanLine(raw)
    .replace(/^[-*+\s.,;)]+/u, '')
    .replace(/[:\s]+$/u, '')
    .trim();
}

export interface ComponentsParse {
  groups: ComponentGroup[];
  stats: { components: number; unparsed: number };
}

export function parseComponents(raw: string, report: Report, field = 'thanh_phan_ho_so'): ComponentsParse {
  const stats = { components: 0, unparsed: 0 };
  const text = raw.normalize('NFC').replace(INVISIBLE, '');
  const flat = cleanLine(text);
  if (flat === '' || isNoInfo(flat) || /^-+$/.test(flat)) return { groups: [], stats };
  const parts = text.split(COMPONENT_HEADER);
  if (parts.length === 1) {
    stats.unparsed++;
    report(field, 'components_no_table', 'Thành phần hồ sơ không có dạng bảng, không tách được giấy tờ', text);
    return { groups: [], stats };
  }
  const groups: { title: string; components: Component[] }[] = [];
  let title = parts[0] ?? '';
  for (let i = 1; i < parts.length; i++) {
    const body = parts[i] ?? '';
    const isLast = i === parts.length - 1;
    const tokens = quantityTokens(body);
    const components: Component[] = [];
    let from = 0;
    for (const tok of tokens) {
      const segment = body.slice(from, tok.start);
      from = tok.end;
      const component = componentOf(segment, tok);
      if (component) {
        components.push(component);
        stats.components++;
      } else if (cleanLine(segment) !== '') {
        stats.unparsed++;
        report(field, 'component_unnamed', 'Không tách được tên giấy tờ', segment);
      }
    }
    const tail = body.slice(from);
    if (isLast) {
      // The last table has nothing after it: leftover text is a row without quantity, and a case
      // heading with no row under it would otherwise vanish.
      const orphanTitle = components.length === 0 ? cleanGroupTitle(title) : '';
      const leftover = [orphanTitle, cleanGroupTitle(tail)].filter(Boolean).join(' – ');
      if (leftover !== '') {
        stats.unparsed++;
        report(field, 'component_unparsed', 'Có giấy tờ không ghi số lượng, không đọc được', leftover);
      }
    }
    if (components.length > 0) {
      groups.push({ title: cleanGroupTitle(title), components });
      title = tail;
    } else {
      // A heading directly followed by another heading ("* Giấy tờ phải nộp:" then a case): keep both.
      title = [cleanGroupTitle(title), cleanGroupTitle(tail)].filter(Boolean).join(' – ');
    }
  }
  return { groups: toGroups(groups), stats };
}

function componentOf(segment: string, tok: QuantityToken): Component | null {
  const { name: rawName, forms } = splitFormFiles(segment.replace(/\s+$/u, ''));
  let name = cleanComponentName(rawName);
  const fileForm = forms.map((f) => cleanLine(f).replace(/\.+$/, '')).filter(Boolean).join('; ');
  if (!name && fileForm) name = fileForm;
  if (!name) return null;
  const component: Component = {
    name,
    originals: tok.originals,
    copies: tok.copies,
    // "(nếu có)" = only when the applicant has it.
    required: !/\(nếu có\)/iu.test(name),
  };
  const form = fileForm || formNamedIn(name);
  if (form) component.form = form;
  return component;
}

/** Same title → one group; ids are ASCII slugs, unique within the procedure. */
function toGroups(groups: { title: string; components: Component[] }[]): ComponentGroup[] {
  const byTitle = new Map<string, ComponentGroup>();
  const used = new Set<string>();
  for (const g of groups) {
    const existing = byTitle.get(g.title);
    if (existing) {
      existing.components.push(...g.components);
      continue;
    }
    const base = slugify(g.title).slice(0, 50).replace(/-+$/, '') || (g.title ? 'nhom' : 'chung');
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    const group: ComponentGroup = { id, title: g.title, components: [...g.components] };
    byTitle.set(g.title, group);
  }
  return [...byTitle.values()];
}

