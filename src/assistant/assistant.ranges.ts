import { fold } from '../shared/vietnamese';

/**
 * Ranges a procedure's name covers and a question may fall outside: the grades of a building
 * (by its storeys) and the ages of a person. A procedure whose range leaves out what the question
 * says ("chung cư mini 12 tầng", "làm căn cước cho con 10 tuổi") is kept back in the ranking like a
 * missed act (assistant.retrieval.ts), so its sibling for the case asked comes first.
 */

/**
 * The grade of a building from its storeys, as a permit's name lists the grades it covers ("công
 * trình cấp III, cấp IV … và nhà ở riêng lẻ" at the commune, "cấp đặc biệt, cấp I, cấp II" at the
 * province): 8 to 24 storeys is grade II, 25 to 50 grade I, more special, 2 to 7 grade III, one
 * storey grade IV (Thông tư 06/2021/TT-BXD, Phụ lục I). A permit whose grades leave out the one of
 * the storeys asked is out of range — unless it also covers private houses ("… và nhà ở riêng lẻ",
 * whatever their storeys) and the question asks about a house, not an apartment block, hotel,
 * office or other works (NOT_A_HOUSE).
 */
export function gradeOfStoreys(storeys: number): string {
  return storeys > 50 ? 'dac biet' : storeys >= 25 ? 'i' : storeys >= 8 ? 'ii' : storeys >= 2 ? 'iii' : 'iv';
}
/** The grades a name lists ("cấp III, cấp IV" → ["iii", "iv"]), and "house" when it covers private houses. */
export function gradesOfName(name: string): string[] {
  const f = fold(name);
  const grades = [...f.matchAll(/(?<![a-z])cap (dac biet|iv|iii|ii|i)(?![a-z])/g)].map((m) => m[1]!);
  return grades.length && /(?:^| )nha o rieng le(?: |$)/.test(f) ? [...grades, 'house'] : grades;
}
/** Buildings that are not a private house ("nhà ở riêng lẻ"), folded. */
const NOT_A_HOUSE = /(?:^| )(?:chung cu|can ho|khach san|nha nghi|toa nha|van phong|cong trinh|nha xuong|xuong|nha hang|tru so|truong|benh vien|building)(?= |$)/;
/** The storeys a question asks about ("nhà 9 tầng", "chung cư 12 tang"), if it says a number of them. */
function storeysAsked(folded: string[]): number | undefined {
  for (let i = 0; i + 1 < folded.length; i++) if (/^\d{1,3}$/.test(folded[i]!) && folded[i + 1] === 'tang') return Number(folded[i]);
  return undefined;
}

/**
 * The grade a question names outright ("nhà xưởng cấp II", "công trình cấp 3", "nhà cấp 4"; pass
 * 25): right after a building's word — "cấp" alone is also "to issue", and "cấp 2" a school.
 */
const GRADE_NAMED = /(?:^| )(?:cong trinh|nha xuong|xuong|nha kho|nha|toa nha|chung cu|khach san|tru so)(?: [a-z0-9]+)? cap (dac biet|iv|iii|ii|i|[1-4])(?= |$)/;
const GRADE_DIGITS: Record<string, string> = { '1': 'i', '2': 'ii', '3': 'iii', '4': 'iv' };
function gradeNamed(folded: string[]): string | undefined {
  const m = GRADE_NAMED.exec(folded.join(' '));
  return m ? (GRADE_DIGITS[m[1]!] ?? m[1]) : undefined;
}

/** The ages a name covers, in whole years, both ends included: "từ đủ 14 tuổi trở lên" → [14, ∞), "dưới 6 tuổi" → [0, 5]. */
export interface AgeRange {
  min: number;
  max: number;
}
export function agesOfName(name: string): AgeRange | undefined {
  const f = fold(name);
  const from = /(?:^| )tu du (\d{1,3}) tuoi/.exec(f);
  const below = /(?:^| )duoi (\d{1,3}) tuoi/.exec(f);
  if (!from && !below) return undefined;
  return { min: from ? Number(from[1]) : 0, max: below ? Number(below[1]) - 1 : Infinity };
}
/**
 * The ages a question says in years ("con 10 tuổi", "vừa tròn 14 tuoi", "dưới 14 tuổi" as 13,
 * "hơn 14 tuổi" as 15); "20 ngày tuổi", "3 tháng tuổi" are an infant's (0).
 */
/** Days, weeks, months as folded ("ngày" folds to "ngai"). */
const INFANT_UNITS = new Set(['ngai', 'ngay', 'tuan', 'thang']);
export function agesAsked(folded: string[]): number[] {
  const ages: number[] = [];
  for (let i = 0; i + 1 < folded.length; i++) {
    const w = folded[i]!;
    if (!/^\d{1,3}$/.test(w)) continue;
    const next = folded[i + 1];
    if (INFANT_UNITS.has(next ?? '') && folded[i + 2] === 'tuoi') ages.push(0);
    if (next !== 'tuoi') continue;
    const before = folded.slice(Math.max(0, i - 2), i).join(' ');
    const n = Number(w);
    ages.push(/(?:^| )(?:duoi|chua du|chua den|chua toi|chua tron)$/.test(before) ? n - 1 : /(?:^| )(?:tren|hon|qua)$/.test(before) ? n + 1 : n);
  }
  if (!ages.length) for (let i = 1; i < folded.length; i++) if (folded[i] === 'tuoi') {
    const n = wordAge(folded.slice(Math.max(0, i - 3), i));
    if (n !== undefined) ages.push(n);
  }
  return ages.length ? ages : schoolAges(folded);
}

/** Units said in words, folded ("mốt", "tư", "lăm" after "mươi"). */
const UNITS: Record<string, number> = { mot: 1, hai: 2, ba: 3, bon: 4, tu: 4, nam: 5, lam: 5, sau: 6, bai: 7, tam: 8, chin: 9 };
/**
 * An age said in words just before "tuổi" (pass 23): "mười ba tuổi", "năm tuổi", "hai mươi mốt
 * tuổi" — the longest number the last syllables make, or none.
 */
function wordAge(before: string[]): number | undefined {
  for (let k = 0; k < before.length; k++) {
    const w = before.slice(k);
    const u = (x: string | undefined) => (x === undefined ? undefined : UNITS[x]);
    if (w.length === 1 && w[0] === 'muoi') return 10;
    if (w.length === 1 && u(w[0]) !== undefined && w[0] !== 'lam' && w[0] !== 'tu') return u(w[0]);
    if (w.length === 2 && w[0] === 'muoi' && u(w[1]) !== undefined) return 10 + u(w[1])!;
    if (w.length === 2 && w[1] === 'muoi' && u(w[0])! >= 2) return 10 * u(w[0])!;
    if (w.length === 3 && w[1] === 'muoi' && u(w[0])! >= 2 && u(w[2]) !== undefined) return 10 * u(w[0])! + u(w[2])!;
  }
  return undefined;
}

/**
 * A child's age told by the school it is at, when no age is said (issue 15, pass 19): "bé học
 * mẫu giáo" (4), "con đang học lớp 4" (9: a first-grader is 6), "trường tiểu học" (8). Grades 1
 * to 7 only (grade 8 and 9 pupils may be 14 already), and not a grade finished ("hết lớp 7",
 * "bằng lớp 7": an adult's schooling).
 */
const PRE_SCHOOL = /(?:^| )(?:mau giao|mam non|nha tre)(?= |$)/;
const PRIMARY_SCHOOL = /(?:^| )tieu hoc(?= |$)/;
function schoolAges(folded: string[]): number[] {
  const ages: number[] = [];
  for (let i = 0; i + 1 < folded.length; i++) {
    if (folded[i] !== 'lop' || !/^[1-7]$/.test(folded[i + 1]!) || /^(?:het|bang|xong|nghiep)$/.test(folded[i - 1] ?? '')) continue;
    ages.push(Number(folded[i + 1]) + 5);
  }
  const joined = ` ${folded.join(' ')} `;
  if (PRE_SCHOOL.test(joined)) ages.push(4);
  if (PRIMARY_SCHOOL.test(joined)) ages.push(8);
  return ages;
}

/** What a question says of the ranges names cover, and which names it falls outside of. */
export class RangesAsked {
  private readonly grade?: string;
  private readonly house: boolean;
  private readonly ages: number[];

  constructor(folded: string[]) {
    const storeys = storeysAsked(folded);
    this.grade = storeys === undefined ? gradeNamed(folded) : gradeOfStoreys(storeys);
    this.house = !NOT_A_HOUSE.test(folded.join(' '));
    this.ages = agesAsked(folded);
  }

  /** The question asks about a case the name's grades or ages leave out. */
  outside(grades: string[], ages: AgeRange | undefined): boolean {
    const outOfGrade = this.grade !== undefined && grades.length > 0 && !grades.includes(this.grade) && !(this.house && grades.includes('house'));
    const outOfAge = ages !== undefined && this.ages.length > 0 && !this.ages.some((a) => a >= ages.min && a <= ages.max);
    return outOfGrade || outOfAge;
  }
}
