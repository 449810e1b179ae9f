import { fold, stripDiacritics } from '../shared/vietnamese';

/**
 * Other countries as citizens name them: one table for the three lists that named them apart
 * (written with their marks; each list folds them as the text it reads is folded):
 * - `told`: the situations' countries (COUNTRIES, assistant.situation-words.ts): "người Nhật",
 *   "quốc tịch Mỹ", "lấy chồng Hàn Quốc", "sinh ở Úc" — how a foreigner is told (tellsForeigner,
 *   which assistant.foreigners.ts reads) and a paper done abroad (assistant.civil-register.ts);
 *   folded as questions are ("Mỹ" is "mi");
 * - `nationality`: a person's nationality after "người" in the ranking (NATIONALITY,
 *   assistant.ranking-rules.ts): who the spouse or the child's father is, never the topic of a
 *   procedure; folded as questions are. Not "người Hoa", an ethnic group of Vietnam;
 * - `adopting`: a foreigner adopting a child, after "người" (FOREIGNER, assistant.further-offices.ts,
 *   pass 23: the Department of Justice's matter); folded as the other offices' tables read a
 *   question, "y" kept ("Mỹ" is "my").
 * The three lists were written apart and differ (the columns say where); each keeps what it had,
 * so that no answer changes with the table (stop 42). Where a syllable is also a common word, the
 * list that reads it leaves it out itself ("người Anh", "người bị…": assistant.situation-words.ts).
 * Two shorter lists are still their own: the countries whose laws and visas are no procedure here
 * (COUNTRY, assistant.everyday-words.ts: the order of its words decides how much a match takes) and a
 * foreign company's representative office (assistant.more-offices.ts).
 */
interface Country {
  name: string;
  told: boolean;
  nationality: boolean;
  adopting: boolean;
}
const row = (name: string, told: boolean, nationality: boolean, adopting: boolean): Country => ({ name, told, nationality, adopting });

// In the situations' order (COUNTRIES keeps it: their phrases are added in it).
// prettier-ignore
const COUNTRY_TABLE: readonly Country[] = [
  //   name            told   nationality adopting
  row('Nhật',          true,  true,  true),
  row('Nhật Bản',      true,  true,  true),
  row('Hàn',           true,  true,  true),
  row('Hàn Quốc',      true,  true,  true),
  row('Đài Loan',      true,  true,  true),
  row('Trung Quốc',    true,  true,  true),
  row('Mỹ',            true,  true,  true),
  row('Hoa Kỳ',        true,  true,  false),
  row('Úc',            true,  true,  true),
  row('Đức',           true,  true,  true),
  row('Pháp',          true,  true,  true),
  row('Anh',           true,  false, false),
  row('Nga',           true,  true,  false),
  row('Séc',           true,  false, false),
  row('Ba Lan',        true,  false, false),
  row('Lào',           true,  true,  false),
  row('Campuchia',     true,  true,  false),
  row('Thái Lan',      true,  true,  true),
  row('Singapore',     true,  true,  true),
  row('Malaysia',      true,  true,  false),
  row('Canada',        true,  true,  true),
  row('Ý',             true,  false, true),
  row('Hà Lan',        true,  true,  true),
  row('Thụy Điển',     true,  false, true),
  row('Na Uy',         true,  false, true),
  row('Đan Mạch',      true,  false, true),
  row('Bỉ',            true,  false, false),
  row('Thụy Sĩ',       true,  false, false),
  row('Áo',            true,  false, false),
  row('Thái',          false, true,  false),
  row('Ấn Độ',         false, true,  false),
  row('Philippines',   false, true,  false),
  row('Indonesia',     false, true,  false),
  row('Tây Ban Nha',   false, false, true),
];

/** The situations' countries, folded as questions are ("nước ngoài" first: another country, unnamed). */
export const TOLD_COUNTRIES: readonly string[] = ['nuoc ngoai', ...COUNTRY_TABLE.filter((c) => c.told).map((c) => fold(c.name))];
/** Nationalities after "người" as the ranking reads them, folded as questions are ("người Úc", "người Hàn Quốc"). */
export const NATIONALITIES: ReadonlySet<string> = new Set(COUNTRY_TABLE.filter((c) => c.nationality).map((c) => fold(c.name)));
/** Countries of a foreigner adopting a child, folded as the other offices' tables read a question ("y" kept). */
export const ADOPTING_COUNTRIES: readonly string[] = COUNTRY_TABLE.filter((c) => c.adopting).map((c) => stripDiacritics(c.name).toLowerCase());
