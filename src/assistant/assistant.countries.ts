import { fold, stripDiacritics } from '../shared/vietnamese';

/**
 * Other countries as citizens name them: one table for the lists that named them apart (written
 * with their marks; each list folds them as the text it reads is folded):
 * - `told`: the situations' countries (COUNTRIES, assistant.situation-words.ts): "người Nhật",
 *   "quốc tịch Mỹ", "lấy chồng Hàn Quốc", "sinh ở Úc" — how a foreigner is told (tellsForeigner,
 *   which assistant.foreigners.ts reads) and a paper done abroad (assistant.civil-register.ts);
 *   folded as questions are ("Mỹ" is "mi");
 * - `nationality`: a person's nationality after "người" in the ranking (NATIONALITY,
 *   assistant.ranking-rules.ts): who the spouse or the child's father is, never the topic of a
 *   procedure; folded as questions are. Not "người Hoa", an ethnic group of Vietnam;
 * - `adopting`: a foreigner adopting a child, after "người" (FOREIGNER, assistant.further-offices.ts,
 *   pass 23: the Department of Justice's matter). Not "Thái" (below);
 * - `laws`: a country whose own laws and visas are no procedure here (COUNTRY,
 *   assistant.everyday-words.ts: "luật kết hôn ở Hàn Quốc", "visa đi Nhật"). Not "Anh" (the
 *   pronoun: "quy định … của anh"), "Hàn" nor "Thái" alone (folded, "hạn" and "thai": "quy định
 *   hạn mức", "luật thai sản");
 * - `company`: a foreign company opening a representative office (assistant.more-offices.ts,
 *   LATER_OFFICES: "công ty Nhật … văn phòng đại diện", the Department of Industry and Trade's);
 * - `buyer`: a foreigner buying a home (the same file: "người Hàn mua căn hộ");
 * - `work`: where citizens go to work under contract (ABROAD_WORK, assistant.agency-offices.ts,
 *   pass 25: "đi lao động Nhật", "đi lao động ở Đài Loan"): only the countries that list named —
 *   Japan, Korea, Taiwan, Australia, Germany —, not the others told (China, the US, France…).
 *   Stop 44 moved it here unchanged ("đức" came before "úc" there: neither begins the other, so
 *   what matches is the same).
 * - `visa`: a country whose visa a citizen asks for by name, where a diploma was earned, where
 *   a parcel held by customs came from (VISA_COUNTRY, assistant.handed-offices.ts, pass 26: "visa
 *   Úc", "bằng thạc sĩ ở Anh", "hàng từ Nhật gửi về bị giữ"). Stop 45 moved it here unchanged, with
 *   the three names the table lacked: "New Zealand", and "Schengen" and "châu Âu", an area's visa
 *   rather than a country's (no other column has them). Only its order differs (the table's): the
 *   list is one alternation inside patterns a question is only tested against, so what matches is
 *   the same.
 * The lists were written apart and differ (the columns say where); each kept what it had when the
 * table was made (stop 42, stop 43: no answer changed). Then one country's names were made to work
 * alike in a column (stop 43: "Hoa Kỳ" as "Mỹ" adopting, for a company and a buyer; "Nhật Bản",
 * "Hàn Quốc" as "Nhật", "Hàn" for a buyer), and "Nga" adopts. Where a syllable is also a common
 * word, the list that reads it leaves it out itself ("người Anh", "người bị…":
 * assistant.situation-words.ts); "Thái" is also a people of Vietnam, whose adoption is the ward's.
 * `adopting`, `laws`, `company`, `buyer`, `work` and `visa` are folded as the other offices' tables read a
 * question, "y" kept ("Mỹ" is "my"; intent.ts's `b` reads the everyday words' "y" as "i" itself).
 */
interface Country {
  name: string;
  told: boolean;
  nationality: boolean;
  adopting: boolean;
  laws: boolean;
  company: boolean;
  buyer: boolean;
  work: boolean;
  visa: boolean;
}
const row = (name: string, told: boolean, nationality: boolean, adopting: boolean, laws: boolean, company: boolean, buyer: boolean, work: boolean, visa: boolean): Country => ({ name, told, nationality, adopting, laws, company, buyer, work, visa });

// In the situations' order (COUNTRIES keeps it: their phrases are added in it).
// prettier-ignore
const COUNTRY_TABLE: readonly Country[] = [
  //   name            told   nationality adopting laws company buyer work   visa
  row('Nhật',          true,  true,  true,  true,  true,  true,  true,  true),
  row('Nhật Bản',      true,  true,  true,  true,  true,  true,  true,  true),
  row('Hàn',           true,  true,  true,  false, true,  true,  true,  true),
  row('Hàn Quốc',      true,  true,  true,  true,  true,  true,  true,  true),
  row('Đài Loan',      true,  true,  true,  true,  true,  true,  true,  true),
  row('Trung Quốc',    true,  true,  true,  true,  true,  true, false,  true),
  row('Mỹ',            true,  true,  true,  true,  true,  true, false,  true),
  row('Hoa Kỳ',        true,  true,  true,  true,  true,  true, false,  true),
  row('Úc',            true,  true,  true,  true,  true,  true,  true,  true),
  row('Đức',           true,  true,  true,  true,  true,  true,  true,  true),
  row('Pháp',          true,  true,  true,  true,  true,  true, false,  true),
  row('Anh',           true,  false, false, false, false, false, false,  true),
  row('Nga',           true,  true,  true,  true,  false, false, false,  true),
  row('Séc',           true,  false, false, false, false, false, false, false),
  row('Ba Lan',        true,  false, false, false, false, false, false, false),
  row('Lào',           true,  true,  false, false, false, false, false, false),
  row('Campuchia',     true,  true,  false, false, false, false, false, false),
  row('Thái Lan',      true,  true,  true,  true,  true,  false, false, false),
  row('Singapore',     true,  true,  true,  true,  true,  true, false, false),
  row('Malaysia',      true,  true,  false, false, false, false, false, false),
  row('Canada',        true,  true,  true,  true,  false, true, false,  true),
  row('Ý',             true,  false, true,  false, false, false, false,  true),
  row('Hà Lan',        true,  true,  true,  false, false, false, false, false),
  row('Thụy Điển',     true,  false, true,  false, false, false, false, false),
  row('Na Uy',         true,  false, true,  false, false, false, false, false),
  row('Đan Mạch',      true,  false, true,  false, false, false, false, false),
  row('Bỉ',            true,  false, false, false, false, false, false, false),
  row('Thụy Sĩ',       true,  false, false, false, false, false, false, false),
  row('Áo',            true,  false, false, false, false, false, false, false),
  row('Thái',          false, true,  false, false, false, false, false, false),
  row('Ấn Độ',         false, true,  false, false, false, false, false, false),
  row('Philippines',   false, true,  false, false, false, false, false, false),
  row('Indonesia',     false, true,  false, false, false, false, false, false),
  row('Tây Ban Nha',   false, false, true,  false, false, false, false, false),
  row('New Zealand',   false, false, false, false, false, false, false,  true),
  row('Schengen',      false, false, false, false, false, false, false,  true),
  row('Châu Âu',       false, false, false, false, false, false, false,  true),
];

/** A column's countries folded as the other offices' tables read a question ("y" kept). */
const plainColumn = (column: 'adopting' | 'laws' | 'company' | 'buyer' | 'work' | 'visa'): string[] => COUNTRY_TABLE.filter((c) => c[column]).map((c) => stripDiacritics(c.name).toLowerCase());

/** The situations' countries, folded as questions are ("nước ngoài" first: another country, unnamed). */
export const TOLD_COUNTRIES: readonly string[] = ['nuoc ngoai', ...COUNTRY_TABLE.filter((c) => c.told).map((c) => fold(c.name))];
/** Nationalities after "người" as the ranking reads them, folded as questions are ("người Úc", "người Hàn Quốc"). */
export const NATIONALITIES: ReadonlySet<string> = new Set(COUNTRY_TABLE.filter((c) => c.nationality).map((c) => fold(c.name)));
/** Countries of a foreigner adopting a child, folded as the other offices' tables read a question ("y" kept). */
export const ADOPTING_COUNTRIES: readonly string[] = plainColumn('adopting');
/**
 * Countries whose own laws and visas are no procedure here, folded (intent.ts's `b` reads "y" as
 * "i"), the longer names first: "nhật bản" before "nhật", as the list had it — an alternation takes
 * the first name that fits, and the everyday words' spans are as long as what a match takes.
 */
export const LAWS_COUNTRIES: readonly string[] = plainColumn('laws').sort((a, b) => b.length - a.length);
/** Countries of a foreign company opening a representative office, folded as the other offices' tables read a question. */
export const COMPANY_COUNTRIES: readonly string[] = plainColumn('company');
/** Countries of a foreigner buying a home, folded as the other offices' tables read a question. */
export const BUYER_COUNTRIES: readonly string[] = plainColumn('buyer');
/** Where citizens go to work under contract, folded as the other offices' tables read a question ("nước ngoài" first: another country, unnamed). */
export const WORK_COUNTRIES: readonly string[] = ['nuoc ngoai', ...plainColumn('work')];
/**
 * Countries whose visa a citizen asks for by name, where a diploma was earned or a parcel sent from
 * (VISA_COUNTRY, assistant.handed-offices.ts), folded as the other offices' tables read a question.
 */
export const VISA_COUNTRIES: readonly string[] = plainColumn('visa');
