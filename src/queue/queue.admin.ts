/**
 * The unit's queue settings as an admin (or leader) enters them (issue 13 "Counters", "Order"):
 * the priority rule, the priority categories and their order, the closing time, the services
 * (name, letter, fields served) and the counters (services each serves). Validation only: every
 * problem is a field with a Vietnamese message; the service saves and announces the change.
 *
 * Changes apply to tickets taken afterwards: a ticket keeps the number, service and priority it
 * was given (its letter is written into its number; a removed category keeps its label on it).
 */
import { ValidationError } from '../shared/errors';
import { stripDiacritics } from '../shared/vietnamese';
import { DEFAULT_CATEGORIES, type PriorityCategory, type PriorityRule } from './queue.types';

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

export const MAX_CATEGORIES = 10;
export const SERVICE_CODE = /^[a-z0-9-]{1,30}$/;
export const COUNTER_CODE = /^[A-Za-z0-9-]{1,10}$/;

const clean = (s: unknown): string => (typeof s === 'string' ? s.normalize('NFC').replace(/\s+/g, ' ').trim() : '');

function fail(message: string, problems: FieldProblem[], code: string): never {
  throw new ValidationError(message, problems, code);
}

/** A category code from its label: 'Thương binh, bệnh binh' → 'thuong_binh_benh_binh'. */
export function categoryCode(label: string): string {
  return stripDiacritics(label).toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 30) || 'uu_tien';
}

export interface SettingsInput {
  priorityRule: unknown;
  priorityEvery: unknown;
  closingTime: unknown;
  /** In the order they are listed at the kiosk; code empty for a new one. */
  categories: Array<{ code?: unknown; label: unknown }>;
}

export function validateSettings(input: SettingsInput): { priorityRule: PriorityRule; priorityEvery: number; closingTime: string; categories: PriorityCategory[] } {
  const problems: FieldProblem[] = [];
  const rule = clean(input.priorityRule);
  if (rule !== 'strict' && rule !== 'every') problems.push({ field: 'priorityRule', code: 'invalid_rule', message: 'Chọn "Số ưu tiên luôn được gọi trước" hoặc "Một số ưu tiên sau N số thường".' });
  const everyText = clean(String(input.priorityEvery ?? ''));
  const every = /^\d{1,3}$/.test(everyText) ? Number(everyText) : NaN;
  if (!(every >= 1 && every <= 20)) problems.push({ field: 'priorityEvery', code: 'invalid_every', message: 'N là số nguyên từ 1 đến 20.' });
  const closing = clean(input.closingTime);
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(closing)) problems.push({ field: 'closingTime', code: 'invalid_closing_time', message: 'Giờ ngừng cấp số có dạng giờ:phút, ví dụ 17:00.' });
  const categories: PriorityCategory[] = [];
  const seen = new Set<string>();
  input.categories.forEach((c, i) => {
    const label = clean(c.label);
    if (!label) return;
    if (label.length > 80 || !/\p{L}/u.test(label)) {
      problems.push({ field: `categories.${i}.label`, code: 'invalid_category', message: `Tên đối tượng ưu tiên "${label.slice(0, 40)}" phải có chữ và dài không quá 80 ký tự.` });
      return;
    }
    let code = clean(c.code);
    if (!code || !/^[a-z0-9_]{1,30}$/.test(code)) code = DEFAULT_CATEGORIES.find((d) => d.label.toLowerCase() === label.toLowerCase())?.code ?? categoryCode(label);
    const key = stripDiacritics(label).toLowerCase();
    if (seen.has(code) || seen.has(`label:${key}`)) {
      problems.push({ field: `categories.${i}.label`, code: 'duplicate_category', message: `Đối tượng "${label}" được khai hai lần.` });
      return;
    }
    seen.add(code);
    seen.add(`label:${key}`);
    categories.push({ code, label });
  });
  if (categories.length > MAX_CATEGORIES) problems.push({ field: 'categories', code: 'too_many_categories', message: `Nhiều nhất ${MAX_CATEGORIES} đối tượng ưu tiên.` });
  if (problems.length) fail('Cài đặt ưu tiên chưa hợp lệ: xin sửa những mục được đánh dấu.', problems, 'invalid_queue_settings');
  return { priorityRule: rule as PriorityRule, priorityEvery: every, closingTime: closing, categories };
}

export interface ServiceInput {
  code: unknown;
  name: unknown;
  letter: unknown;
  fieldCodes: unknown[];
  defaultMinutes?: unknown;
  active?: unknown;
}

/** A service of the unit; `others` are the unit's other services (a letter belongs to one service). */
export function validateService(input: ServiceInput, others: Array<{ code: string; name: string; letter: string }>) {
  const problems: FieldProblem[] = [];
  const code = clean(input.code);
  if (!SERVICE_CODE.test(code)) problems.push({ field: 'code', code: 'invalid_code', message: 'Mã dịch vụ gồm chữ thường không dấu, số và dấu gạch ngang (tối đa 30 ký tự), ví dụ ho-tich.' });
  const name = clean(input.name);
  if (!name || name.length > 80 || !/\p{L}/u.test(name)) problems.push({ field: 'name', code: 'invalid_name', message: 'Nhập tên dịch vụ (có chữ, tối đa 80 ký tự), ví dụ Hộ tịch – chứng thực.' });
  const letter = clean(input.letter).toUpperCase();
  if (!/^[A-Z]$/.test(letter)) problems.push({ field: 'letter', code: 'invalid_letter', message: 'Chữ đầu số là một chữ cái A–Z (không dấu), ví dụ A cho số A-017.' });
  else {
    const same = others.find((o) => o.code !== code && o.letter === letter);
    if (same) problems.push({ field: 'letter', code: 'letter_taken', message: `Chữ ${letter} đã dùng cho dịch vụ "${same.name}": mỗi dịch vụ một chữ để số không trùng nhau.` });
  }
  const fieldCodes = [...new Set(input.fieldCodes.map(clean).filter(Boolean))];
  if (fieldCodes.length === 0) problems.push({ field: 'fieldCodes', code: 'no_fields', message: 'Chọn ít nhất một lĩnh vực mà dịch vụ tiếp nhận.' });
  const minutesText = clean(String(input.defaultMinutes ?? '10'));
  const defaultMinutes = /^\d{1,3}$/.test(minutesText) ? Number(minutesText) : NaN;
  if (!(defaultMinutes >= 1 && defaultMinutes <= 240)) problems.push({ field: 'defaultMinutes', code: 'invalid_minutes', message: 'Thời gian phục vụ ước tính là số phút từ 1 đến 240.' });
  if (problems.length) fail(`Dịch vụ "${name || code}" chưa hợp lệ: xin sửa những mục được đánh dấu.`, problems, 'invalid_queue_service');
  const active = input.active === undefined ? true : input.active === true || input.active === 'on' || input.active === '1';
  return { code, name, letter, fieldCodes, defaultMinutes, active };
}

export interface CounterInput {
  code: unknown;
  name: unknown;
  services: unknown[];
}

/** A counter of the unit and the services it serves (among the unit's active services). */
export function validateCounter(input: CounterInput, services: Array<{ code: string; active: boolean }>) {
  const problems: FieldProblem[] = [];
  const code = clean(input.code);
  if (!COUNTER_CODE.test(code)) problems.push({ field: 'code', code: 'invalid_code', message: 'Mã quầy gồm chữ không dấu, số hoặc dấu gạch ngang (tối đa 10 ký tự), ví dụ 4.' });
  const name = clean(input.name) || (COUNTER_CODE.test(code) ? `Quầy ${code}` : '');
  if (!name || name.length > 40) problems.push({ field: 'name', code: 'invalid_name', message: 'Tên quầy tối đa 40 ký tự, ví dụ Quầy 4.' });
  const chosen = [...new Set(input.services.map(clean).filter(Boolean))];
  const unknown = chosen.filter((s) => !services.some((x) => x.code === s && x.active));
  if (chosen.length === 0) problems.push({ field: 'services', code: 'no_services', message: 'Chọn ít nhất một dịch vụ quầy phục vụ.' });
  else if (unknown.length) problems.push({ field: 'services', code: 'unknown_service', message: `Dịch vụ không có hoặc đã ngừng: ${unknown.join(', ').slice(0, 60)}.` });
  if (problems.length) fail(`Quầy "${name || code}" chưa hợp lệ: xin sửa những mục được đánh dấu.`, problems, 'invalid_queue_counter');
  return { code, name, services: chosen };
}
