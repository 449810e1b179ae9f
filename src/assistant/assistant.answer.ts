import type { Procedure, UnitProcedure } from '../catalog';
import { CHANNEL_LABEL, formatFee, formatTime, fullTime, shorten } from '../shared/format';
import type { Unit } from '../unit';
import { agencyOf } from './assistant.agency';
import type { Aspect } from './assistant.intent';

/**
 * Answers written only from the structured catalogue record: every answer names its procedure
 * and links its page; nothing is said that the record does not say.
 */

export interface ReplyLink {
  kind: 'page' | 'submit' | 'form' | 'track';
  label: string;
  /** Path on this site ("/p/00004/1.001193"); made absolute for Zalo and the API. */
  href: string;
}

export interface Composed {
  lines: string[];
  links: ReplyLink[];
  quickReplies: string[];
}

export const ASPECT_QUESTION: Record<Aspect, string> = {
  papers: 'Cần giấy tờ gì?',
  time: 'Mất bao lâu?',
  fee: 'Lệ phí bao nhiêu?',
  place: 'Nộp ở đâu, giờ nào?',
  online: 'Nộp trực tuyến được không?',
  steps: 'Các bước thực hiện?',
  forms: 'Tải mẫu tờ khai',
  conditions: 'Điều kiện là gì?',
};

const FOLLOW_UPS: Aspect[] = ['papers', 'time', 'fee', 'place', 'online'];

export const procedurePath = (unit: string, code: string) => `/p/${unit}/${code}`;
export const submitPath = (unit: string, code: string) => `/p/${unit}/${code}/nop-truc-tuyen`;
export const formPath = (code: string, formId: string) => `/bieu-mau/${code}/${formId}.pdf`;

function quantity(c: { originals: number; copies: number }): string {
  return [c.originals ? `${c.originals} bản chính` : '', c.copies ? `${c.copies} bản sao` : ''].filter(Boolean).join(', ');
}

function papers(p: Procedure, compact: boolean): string[] {
  if (!p.componentGroups.length) return ['Hồ sơ: cơ sở dữ liệu thủ tục chưa ghi thành phần hồ sơ; xin xem trang thủ tục hoặc hỏi cán bộ.'];
  const out: string[] = ['Hồ sơ cần chuẩn bị:'];
  const [general, ...cases] = p.componentGroups;
  const max = compact ? 6 : 15;
  const items = general!.components;
  for (const c of items.slice(0, max)) {
    const qty = quantity(c);
    out.push(`- ${c.name}${qty ? ` (${qty})` : ''}${c.required ? '' : ' — nếu có'}`);
  }
  if (items.length > max) out.push(`- … và ${items.length - max} giấy tờ khác (xem trang thủ tục).`);
  if (cases.length) {
    out.push(`Giấy tờ thêm theo trường hợp: ${cases.map((g) => g.title || 'trường hợp khác').slice(0, 4).join('; ')}${cases.length > 4 ? '…' : ''} (chi tiết trên trang thủ tục).`);
  }
  return out;
}

/**
 * A channel's time in words. The national records often write the time cell as a bare number
 * ("5": working days, already read into `time`): that number alone says less than "5 ngày làm
 * việc", so it is not shown as the text.
 */
function timeOf(c: Procedure['channels'][number]): string {
  const text = c.time && /^\s*\d+(?:[.,]\d+)?\s*$/.test(c.timeText ?? '') ? undefined : c.timeText;
  return c.time || text ? fullTime(c.time, text) : 'không có thông tin';
}

function times(p: Procedure, unit: Unit, entry: UnitProcedure | undefined): string[] {
  const text = timeOf;
  const same = new Set(p.channels.map(text));
  const out = [
    !p.channels.length
      ? 'Thời hạn giải quyết: cơ sở dữ liệu thủ tục chưa ghi.'
      : same.size === 1
        ? `Thời hạn giải quyết: ${text(p.channels[0]!)}${p.channels.length > 1 ? ' (mọi cách nộp)' : ''}.`
        : `Thời hạn giải quyết: ${[...new Set(p.channels.map((c) => `${CHANNEL_LABEL[c.kind]}: ${text(c)}`))].join('; ')}.`,
  ];
  if (entry?.commitment) out.push(`${unit.name} cam kết giải quyết trong ${formatTime(entry.commitment)}.`);
  return out;
}

/** "Phí, lệ phí: 2.000 đồng/trang" under the heading "Phí, lệ phí:" says its label once. */
const feeText = (f: Procedure['channels'][number]['fees'][number]) => formatFee(f).replace(/^(?:Phí, lệ phí|Lệ phí|Phí|Miễn phí): /u, '');

function fees(p: Procedure): string[] {
  const perChannel = p.channels.map((c) => {
    const text = c.fees.length ? (c.fees.every((f) => f.amount === 0) ? 'miễn phí' : c.fees.map(feeText).join('; ')) : c.feeText ? shorten(c.feeText, 200) : 'không có thông tin';
    return { kind: c.kind, text };
  });
  const distinct = new Set(perChannel.map((c) => c.text));
  const out: string[] = [];
  if (!perChannel.length) out.push('Phí, lệ phí: cơ sở dữ liệu thủ tục chưa ghi.');
  else if (distinct.size === 1) out.push(`Phí, lệ phí: ${perChannel[0]!.text}.`);
  else out.push(`Phí, lệ phí: ${perChannel.map((c) => `${CHANNEL_LABEL[c.kind]}: ${c.text}`).join('; ')}.`);
  // What the record says beside the amount: a higher rate after the second page, a level the
  // province sets, who is exempt ("Miễn phí" alone would mislead).
  const notes = [...new Set(p.channels.flatMap((c) => c.fees.map((f) => f.note?.trim() ?? '')).filter(Boolean))];
  for (const n of notes.slice(0, 1)) out.push(`Ghi chú về phí: ${shorten(n, 260).replace(/\.$/, '')}.`);
  if (p.exemptions.length) out.push(`Miễn, giảm: ${p.exemptions.join('; ')}.`);
  return out;
}

/** Where to go, when the unit's offices are known (one-stop office, commune police…). */
export interface OfficeInfo {
  /** "Công an phường Ba Đình". */
  name: string;
  address?: string;
  phone?: string;
  /** Its own opening hours in words ("Thứ Hai – Thứ Sáu: 07:30–11:30, 13:30–17:00; Thứ Bảy: …"). */
  hoursText: string;
}

/**
 * An office of the commune named by its level ("Công an cấp xã", "UBND xã", "Công an Xã", "Bộ phận
 * Một cửa cấp xã nơi cư trú", "Ủy ban nhân dân xã, phường, thị trấn"): the head (which office) and
 * the level. A bare "xã" or "phường" counts only after an office's name; one followed by a name
 * ("Trung tâm Phục vụ hành chính công phường Ba Đình") is already a concrete office.
 */
const LOCAL_OFFICE = /(?:(Ủy ban nhân dân|UBND|Công an|Trung tâm Phục vụ hành chính công|Bộ phận một cửa)\s+)?(cấp xã|xã, phường, thị trấn|xã|phường)(?!\p{L})(?:, (?:xã|phường|thị trấn)(?!\p{L}))*( bất kỳ(?: trong cả nước)?)?(?: nơi [^;,.]*)?/giu;
/** The commune's centre named without its level ("Trung tâm Phục vụ hành chính công."). */
const CENTRE = /Trung tâm Phục vụ hành chính công(?!\s+(?:cấp|tỉnh|thành phố|xã|phường|huyện|quận|thị trấn)(?!\p{L}))/giu;

/**
 * The record's generic place made the unit's own: "Công an cấp xã" → "Công an phường Ba Đình",
 * "UBND xã" → "Ủy ban nhân dân phường Ba Đình", an empty place → the unit's address. The centre
 * named without a level is the unit's own when the procedure is done at the commune only
 * (`communeOnly`): a province's procedure may mean the province's centre.
 */
export function concretePlace(text: string, unit: Unit, communeOnly = false): string {
  const ward = unit.name.charAt(0).toLocaleLowerCase('vi-VN') + unit.name.slice(1);
  let t = text.replace(LOCAL_OFFICE, (m, head: string | undefined, level: string, anywhere: string | undefined, at: number, all: string) => {
    if (!head && !/^(?:cấp xã|xã, phường, thị trấn)$/iu.test(level)) return m;
    if (/^\s+\p{Lu}/u.test(all.slice(at + m.length))) return m;
    const office = head ? `${/^(?:UBND|Ủy ban nhân dân)$/iu.test(head) ? 'Ủy ban nhân dân' : head} ` : '';
    // "… cấp xã bất kỳ trong cả nước": this ward's, or any other.
    return `${office}${ward}${anywhere ? ' (hoặc của bất kỳ xã, phường nào trong cả nước)' : ''}`;
  });
  if (communeOnly) t = t.replace(CENTRE, (m) => `${m} ${ward}`);
  // "Cơ quan Công an gần nhất": for a commune's own procedure, the ward's police is one.
  if (communeOnly) t = t.replace(/(?:cơ quan )?Công an gần nhất/iu, (m) => `Công an ${ward} (hoặc ${m.charAt(0).toLocaleLowerCase('vi-VN')}${m.slice(1)})`);
  return t.trim() || unit.address || unit.name;
}

function place(p: Procedure, unit: Unit, office?: OfficeInfo): string[] {
  const out: string[] = [];
  if (office) {
    out.push(`Nơi nộp: ${office.name}${office.address ? `, ${office.address}` : ''}.`);
    if (office.hoursText) out.push(`Giờ làm việc: ${office.hoursText.replace(/\.$/, '')}.`);
  } else {
    out.push(`Nơi nộp: ${concretePlace(p.submitAt || unit.address || '', unit, p.levels.length > 0 && p.levels.every((l) => /cấp xã/i.test(l)))}.`);
    if (unit.openingHours.length) out.push(`Giờ làm việc: ${unit.openingHours.join('; ')}.`);
  }
  const kinds = p.channels.map((c) => CHANNEL_LABEL[c.kind].toLocaleLowerCase('vi-VN'));
  if (kinds.length) out.push(`Cách nộp: ${[...new Set(kinds)].join(', ')}.`);
  const phone = office?.phone || unit.phone;
  if (phone) out.push(`Điện thoại: ${phone}.`);
  return out;
}

function online(p: Procedure, unit: Unit): string[] {
  const ch = p.channels.find((c) => c.kind === 'online');
  if (!ch) {
    const post = p.channels.some((c) => c.kind === 'post');
    return [`Thủ tục này chưa nhận hồ sơ trực tuyến; xin nộp trực tiếp${post ? ' hoặc qua bưu chính' : ''} tại ${unit.address || unit.name}.`];
  }
  const level = p.onlineLevel === 'full' ? ' (dịch vụ công trực tuyến toàn trình)' : p.onlineLevel === 'partial' ? ' (dịch vụ công trực tuyến một phần)' : '';
  const out = [`Thủ tục này nhận hồ sơ trực tuyến${level}.`];
  // The time and the fees each a sentence of its own: either may hold commas and labels itself.
  if (ch.time || ch.timeText) out.push(`Thời hạn khi nộp trực tuyến: ${timeOf(ch)}.`);
  if (ch.fees.length) out.push(`Phí, lệ phí khi nộp trực tuyến: ${ch.fees.every((f) => f.amount === 0) ? 'miễn phí' : ch.fees.map(feeText).join('; ')}.`);
  if (ch.description) out.push(shorten(ch.description, 240));
  return out;
}

function steps(p: Procedure): string[] {
  if (!p.steps.length) return ['Các bước: cơ sở dữ liệu thủ tục chưa ghi; xin xem trang thủ tục.'];
  const out = ['Các bước thực hiện:'];
  p.steps.slice(0, 6).forEach((s, i) => out.push(`${i + 1}. ${shorten(s.replace(/^Bước\s*\d+\s*[:.]\s*/i, ''), 220)}`));
  if (p.steps.length > 6) out.push(`(còn ${p.steps.length - 6} bước, xem trang thủ tục)`);
  return out;
}

function forms(p: Procedure): string[] {
  if (!p.forms.length) return ['Thủ tục này không có biểu mẫu tải về; tờ khai (nếu có) được phát tại bộ phận một cửa.'];
  return [`Biểu mẫu tải về: ${p.forms.map((f) => f.title).join('; ')}.`];
}

function conditions(p: Procedure): string[] {
  return [p.conditions ? `Điều kiện: ${shorten(p.conditions, 400)}` : 'Thủ tục này không có điều kiện riêng ngoài hồ sơ nêu trên.'];
}

/** Links every procedure answer carries: its page, online submission, the forms asked about. */
function linksFor(p: Procedure, unit: Unit, withForms: boolean): ReplyLink[] {
  const links: ReplyLink[] = [{ kind: 'page', label: 'Xem chi tiết thủ tục', href: procedurePath(unit.code, p.code) }];
  if (p.channels.some((c) => c.kind === 'online')) links.push({ kind: 'submit', label: 'Nộp hồ sơ trực tuyến', href: submitPath(unit.code, p.code) });
  if (withForms) for (const f of p.forms.slice(0, 4)) links.push({ kind: 'form', label: `Tải mẫu: ${shorten(f.title, 80)}`, href: formPath(p.code, f.id) });
  return links;
}

/** The answer about one procedure, the aspects asked first (or an overview). */
export function procedureAnswer(p: Procedure, unit: Unit, entry: UnitProcedure | undefined, aspects: Aspect[], office?: OfficeInfo): Composed {
  const lines = [`${p.name} (mã ${p.code})`];
  if (!aspects.length) {
    if (p.summary) lines.push(p.summary);
    lines.push(...papers(p, true), ...times(p, unit, entry), ...fees(p));
  }
  for (const a of aspects) {
    if (a === 'papers') lines.push(...papers(p, false));
    else if (a === 'time') lines.push(...times(p, unit, entry));
    else if (a === 'fee') lines.push(...fees(p));
    else if (a === 'place') lines.push(...place(p, unit, office));
    // "Có làm online được không?": and where to go if not, or to hand the papers in person.
    else if (a === 'online') lines.push(...online(p, unit), ...(aspects.includes('place') ? [] : place(p, unit, office)));
    else if (a === 'steps') lines.push(...steps(p));
    else if (a === 'forms') lines.push(...forms(p));
    else if (a === 'conditions') lines.push(...conditions(p));
  }
  const withForms = !aspects.length || aspects.includes('papers') || aspects.includes('forms');
  const quickReplies = FOLLOW_UPS.filter((a) => !aspects.includes(a) && !(aspects.length === 0 && (a === 'papers' || a === 'time' || a === 'fee'))).map((a) => ASPECT_QUESTION[a]);
  return { lines, links: linksFor(p, unit, withForms), quickReplies };
}

/**
 * The fact asked, in a few words, beside each choice when the assistant asks which procedure is
 * meant ("Ý bạn là thủ tục nào?"): the citizen sees the fee, the time, the papers or the place of
 * each and may not need to choose at all. From the record only, as the full answer says it.
 */
export function choiceFacts(p: Procedure, unit: Unit, entry: UnitProcedure | undefined, aspects: Aspect[], office?: OfficeInfo): string {
  const strip = (line: string | undefined) => (line ?? '').replace(/\.$/, '');
  const said: string[] = [];
  for (const a of aspects) {
    if (a === 'fee') said.push(shorten(strip(fees(p)[0]), 110));
    else if (a === 'time') {
      const [time] = times(p, unit, entry);
      said.push(shorten(strip(time), 110) + (entry?.commitment ? ` (${unit.name} cam kết ${formatTime(entry.commitment)})` : ''));
    } else if (a === 'papers') {
      const items = p.componentGroups[0]?.components ?? [];
      if (!items.length) said.push('Hồ sơ: chưa ghi trong cơ sở dữ liệu');
      else said.push(`Hồ sơ: ${items.length} giấy tờ, gồm ${items.slice(0, 2).map((c) => shorten(c.name, 60)).join('; ')}${items.length > 2 ? '…' : ''}`);
    } else if (a === 'place') said.push(shorten(strip(place(p, unit, office)[0]), 110));
  }
  return [...new Set(said.filter(Boolean))].join('; ');
}

/** Where the office is and when it is open. */
export function officeAnswer(unit: Unit): Composed {
  const lines = [`${unit.name}`];
  if (unit.address) lines.push(`Địa chỉ: ${unit.address}.`);
  if (unit.openingHours.length) lines.push(`Giờ làm việc: ${unit.openingHours.join('; ')}.`);
  if (unit.phone) lines.push(`Điện thoại: ${unit.phone}.`);
  return { lines, links: [], quickReplies: [] };
}

/**
 * A procedure of another level or agency: not done at this unit; where it is done, from the
 * record — and the records nearly as close to the question, when another agency does them.
 */
export function elsewhereAnswer(p: Procedure, unit: Unit, near: Procedure[] = [], office?: string): Composed {
  const levels = p.levels.map((l) => l.toLocaleLowerCase('vi-VN')).join(', ');
  const agency = agencyOf(p);
  const where = levels ? ` (${levels})` : '';
  const lines = [
    `Việc này không giải quyết tại ${unit.name}.`,
    !agency
      ? `Thủ tục “${p.name}” (mã ${p.code}) thực hiện ở ${levels || 'cơ quan khác'}.`
      : agency.fromSteps
        ? `Thủ tục “${p.name}” (mã ${p.code}) thực hiện ở ${levels || 'cơ quan khác'}; theo trình tự của thủ tục, hồ sơ gửi đến ${agency.name}.`
        : `Thủ tục “${p.name}” (mã ${p.code}) do ${agency.name} thực hiện${where}.`,
  ];
  if (p.submitAt) lines.push(`Nơi tiếp nhận hồ sơ: ${p.submitAt}.`);
  const key = (name: string) => name.toLocaleLowerCase('vi-VN');
  const named = new Set(agency ? [key(agency.name)] : []);
  let others = 0;
  for (const q of near) {
    const a = agencyOf(q);
    if (!a || named.has(key(a.name))) continue;
    named.add(key(a.name));
    others++;
    lines.push(`Nếu bạn hỏi thủ tục “${q.name}” (mã ${q.code}): ${a.fromSteps ? `hồ sơ gửi đến ${a.name}` : `do ${a.name} thực hiện`}.`);
  }
  // pass 26: the office whose matter the question says surely (assistant.other-offices.ts `besideLine`)
  if (office) lines.push(office);
  lines.push(`Xin liên hệ ${others || office ? 'cơ quan làm đúng thủ tục của bạn' : 'cơ quan trên'}, hoặc nộp qua Cổng Dịch vụ công quốc gia nếu thủ tục có nhận hồ sơ trực tuyến.`);
  const links: ReplyLink[] = /^https?:\/\//.test(p.sourceUrl) ? [{ kind: 'page', label: 'Xem thủ tục trên Cổng Dịch vụ công quốc gia', href: p.sourceUrl }] : [];
  return { lines, links, quickReplies: [] };
}
