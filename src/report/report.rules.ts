import { ValidationError } from '../shared/errors';
import { RULE_OPERATORS, type RuleOperator, type ValidationRule } from './report.types';

/**
 * Validation rules over element codes (DHIS2's validation rules, in a small language of our own):
 * `OCCUPANTS <= ROOMS * CAPACITY`, `FREE == ROOMS - USED`, `WORKERS.P01 <= WORKERS`. An element
 * code stands for the total of its values (every option combo), `CODE.COMBO` for one combo.
 * Numbers, + − × ÷ and parentheses; parsed once into a tree and evaluated without `eval`.
 */
export type Expr =
  | { kind: 'num'; value: number }
  | { kind: 'ref'; element: string; coc?: string }
  | { kind: 'neg'; arg: Expr }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr };

const invalid = (text: string, why: string) =>
  new ValidationError(`Biểu thức "${text}" không hợp lệ: ${why}.`, [{ field: 'rules', code: 'invalid_rule', message: `Biểu thức "${text}" không hợp lệ: ${why}.` }], 'invalid_rule');

type Token = { t: 'num'; v: number } | { t: 'id'; v: string } | { t: 'op'; v: string };

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const num = /^(\d+(?:\.\d+)?)/.exec(text.slice(i));
    if (num) {
      out.push({ t: 'num', v: Number(num[1]) });
      i += num[1]!.length;
      continue;
    }
    const id = /^([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)?)/.exec(text.slice(i));
    if (id) {
      out.push({ t: 'id', v: id[1]! });
      i += id[1]!.length;
      continue;
    }
    if ('+-*/()'.includes(ch)) {
      out.push({ t: 'op', v: ch });
      i++;
      continue;
    }
    throw invalid(text, `ký tự "${ch}" không được dùng (chỉ mã chỉ tiêu, số, + - * / và ngoặc)`);
  }
  return out;
}

/** Parses an arithmetic expression over element codes. `known` (when given) lists the codes allowed. */
export function parseExpression(text: string, known?: ReadonlySet<string>): Expr {
  if (text.length > 500) throw invalid(text.slice(0, 40) + '…', 'quá dài');
  const tokens = tokenize(text);
  if (!tokens.length) throw invalid(text, 'biểu thức trống');
  let pos = 0;
  const peek = () => tokens[pos];
  const expr = (depth: number): Expr => {
    if (depth > 50) throw invalid(text, 'lồng ngoặc quá sâu');
    let left = term(depth);
    for (let t = peek(); t?.t === 'op' && (t.v === '+' || t.v === '-'); t = peek()) {
      pos++;
      left = { kind: 'bin', op: t.v as '+' | '-', left, right: term(depth) };
    }
    return left;
  };
  const term = (depth: number): Expr => {
    let left = factor(depth);
    for (let t = peek(); t?.t === 'op' && (t.v === '*' || t.v === '/'); t = peek()) {
      pos++;
      left = { kind: 'bin', op: t.v as '*' | '/', left, right: factor(depth) };
    }
    return left;
  };
  const factor = (depth: number): Expr => {
    const t = tokens[pos++];
    if (!t) throw invalid(text, 'biểu thức kết thúc đột ngột');
    if (t.t === 'num') return { kind: 'num', value: t.v };
    if (t.t === 'id') {
      const [element, coc] = t.v.split('.') as [string, string | undefined];
      if (known && !known.has(element)) throw invalid(text, `không có chỉ tiêu mã ${element} trong báo cáo`);
      return coc ? { kind: 'ref', element, coc } : { kind: 'ref', element };
    }
    if (t.v === '-') return { kind: 'neg', arg: factor(depth + 1) };
    if (t.v === '(') {
      const e = expr(depth + 1);
      if (tokens[pos++]?.v !== ')') throw invalid(text, 'thiếu dấu ")"');
      return e;
    }
    throw invalid(text, `không chờ dấu "${t.v}" ở đây`);
  };
  const e = expr(0);
  if (pos < tokens.length) throw invalid(text, `thừa "${String(tokens[pos]!.v)}"`);
  return e;
}

/** Reads `LEFT <= RIGHT` into its three parts. */
export function parseRuleText(text: string): { left: string; operator: RuleOperator; right: string } {
  const m = /^(.*?)(<=|>=|==|!=|<|>)(.*)$/.exec(text);
  if (!m || /(<=|>=|==|!=|<|>)/.test(m[3]!)) throw invalid(text, 'cần đúng một phép so sánh (<=, <, >=, >, ==, !=)');
  return { left: m[1]!.trim(), operator: m[2] as RuleOperator, right: m[3]!.trim() };
}

export function references(e: Expr, out: Array<{ element: string; coc?: string }> = []): Array<{ element: string; coc?: string }> {
  if (e.kind === 'ref') out.push({ element: e.element, coc: e.coc });
  else if (e.kind === 'neg') references(e.arg, out);
  else if (e.kind === 'bin') {
    references(e.left, out);
    references(e.right, out);
  }
  return out;
}

/** A value by element (and combo, or the element's total); undefined when nothing was entered. */
export type Lookup = (element: string, coc?: string) => number | undefined;

/** NaN when dividing by zero (the rule is then not judged). */
export function evaluate(e: Expr, lookup: Lookup): number {
  switch (e.kind) {
    case 'num':
      return e.value;
    case 'ref':
      return lookup(e.element, e.coc) ?? 0;
    case 'neg':
      return -evaluate(e.arg, lookup);
    case 'bin': {
      const a = evaluate(e.left, lookup);
      const b = evaluate(e.right, lookup);
      if (e.op === '+') return a + b;
      if (e.op === '-') return a - b;
      if (e.op === '*') return a * b;
      return b === 0 ? NaN : a / b;
    }
  }
}

const EPS = 1e-9;
export function compare(a: number, op: RuleOperator, b: number): boolean {
  switch (op) {
    case '<=':
      return a <= b + EPS;
    case '<':
      return a < b - EPS;
    case '>=':
      return a >= b - EPS;
    case '>':
      return a > b + EPS;
    case '==':
      return Math.abs(a - b) <= EPS;
    case '!=':
      return Math.abs(a - b) > EPS;
  }
}

/** Checks a rule's parts; returns it normalised. */
export function checkRule(rule: ValidationRule, known: ReadonlySet<string>): ValidationRule {
  if (!RULE_OPERATORS.includes(rule.operator)) throw invalid(`${rule.left} ${rule.operator} ${rule.right}`, 'phép so sánh không hợp lệ');
  parseExpression(rule.left, known);
  parseExpression(rule.right, known);
  return { ...rule, left: rule.left.trim(), right: rule.right.trim() };
}

export interface RuleFailure {
  rule: string;
  message: string;
  left: number;
  right: number;
}

/**
 * Runs the rules against one row's values (a unit's, or a place's). A rule whose values are all
 * missing is skipped (DHIS2's "skip if all values missing"); a missing value otherwise counts as 0.
 */
export function runRules(rules: ValidationRule[], lookup: Lookup): RuleFailure[] {
  const failures: RuleFailure[] = [];
  for (const r of rules) {
    const left = parseExpression(r.left);
    const right = parseExpression(r.right);
    const refs = [...references(left), ...references(right)];
    if (refs.length && refs.every((x) => lookup(x.element, x.coc) === undefined)) continue;
    const a = evaluate(left, lookup);
    const b = evaluate(right, lookup);
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    if (!compare(a, r.operator, b)) {
      const fmt = (n: number) => String(Math.round(n * 100) / 100).replace('.', ',');
      failures.push({ rule: r.code, left: a, right: b, message: `${r.message || `Không thỏa điều kiện ${r.left} ${r.operator} ${r.right}`} (${fmt(a)} ${r.operator} ${fmt(b)} không đúng).` });
    }
  }
  return failures;
}
