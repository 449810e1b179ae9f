import { fold } from '../shared/vietnamese';
import { NATIONALITIES } from './assistant.countries';
import { WordModel } from './assistant.segment';
import { SPLIT_ACTS } from './assistant.sibling-pulls';
import { COMMON_NAME_WORDS, NATIONAL_NAMES, NATIONAL_WORDS, TOPIC_WORDS } from './lexicon/topic-words';

/**
 * The weights and rules the retriever (assistant.retrieval.ts) ranks with: how much each kind of
 * word of a question weighs, the shapes of a question's concepts, and the tables of acts, audiences
 * and level copies that keep a procedure back when the question does not ask for it.
 */

export const K1 = 1.2;
export const B = 0.6;
export const PAIR = 1.5;
export const STOP_WEIGHT = 0.25;
export const ALT_WEIGHT = 0.8;
export const EXPANSION_WEIGHT = 0.8;
export const RERANK = 60;
/** A word found only in a summary or a component counts for this much of one in a name. */
export const WEAK_MATCH = 0.45;
/** How much a clause of the story weighs beside the clause that asks (a request word and a topic word). */
export const NARRATIVE = 0.6;
/** Words that ask, besides "cần" read as the verb, "có phải" and "được không" ("giúp" is politeness, not a request). */
export const REQUEST_WORDS = new Set(['muon', 'xin', 'hoi']);
/**
 * Verbs by which someone else asks the citizen for a paper ("trường đòi giấy xác nhận nơi ở",
 * "ngân hàng bảo mang bản sao", "đại sứ quán yêu cầu…"), by their written form: who asks, and the
 * verb itself, tell the story; the paper named after it is what the citizen needs.
 */
export const REQUIRERS = new Set(['đòi', 'bảo', 'bắt', 'yêu cầu']);
/** How much less the last word of a question weighs than the first. */
export const HEAD_FIRST = 0.2;
/** Weight of the words of a qualifying phrase ("với người nước ngoài") against the head's. */
export const MODIFIER = 0.6;
export const PREPOSITIONS = new Set(['voi', 'cho', 'cua', 'de', 'khi', 'vi', 'tai', 'o', 'sang', 've', 'tu']);
/**
 * Words of a procedure's name that only say a procedure is done ("đăng ký", "cấp"): a question
 * saying the rest of the name ("khai sinh") says the whole of "Đăng ký khai sinh".
 */
export const GENERIC_NAME_WORDS = new Set(['dang', 'ki', 'cap']);
/** Weight (share of the rarest) of a word no procedure's name or keywords has. */
export const UNTOPICAL = 0.8;
/** Weight (share of the rarest) of a word of an administrative topic no procedure here is named with. */
export const TOPICAL = 0.8;
/** A document having a foreign topic word less than this (only in its papers, or not at all) misses it. */
export const FOREIGN_MATCH = 0.5;
/** National rarity (see nationalRarity) from which a word says a topic: fewer than about 28 of 2,642 names have it. */
export const TOPICAL_RARITY = 0.6;
/** How well a document must match a topic word of the question to be about it (in its name or keywords). */
export const TOPIC_MATCH = 0.9;
/** A word other levels' records are about: in the names or keywords of at least this many of them… */
export const ELSEWHERE_MIN = 3;
/** …and of at most this share of all that have it done at the unit's own level. */
export const ELSEWHERE_SHARE = 0.1;
/** Weight of a story word (vợ, nhà, hôm nay) in a question's coverage, against a content word. */
export const LIGHT = 0.25;

export interface Posting {
  docs: number[];
  weights: number[];
}

export interface QueryTerm {
  term: string;
  weight: number;
}

export interface Concept {
  /** Folded forms that satisfy this concept (the syllable and its corrections). */
  forms: string[];
  /** Accented form typed by the citizen, '' if typed without marks. */
  accented: string;
  weight: number;
  /** Expansions (from synonyms) that also satisfy it. */
  expansions: string[][];
  /**
   * A two-syllable word ("kết hôn", "nước ngoài"): one concept, matched as the pair, or as both
   * syllables at least; its syllables are the parts.
   */
  parts?: [Concept, Concept];
  /** The weight before the position in the question and the story words were considered. */
  base?: number;
  /** A word of an administrative topic no procedure of the unit is named with ("lái xe"). */
  foreign?: boolean;
  /** Said within words of everyday life (IntentReading.everyday), or half of a word that is. */
  everyday?: boolean;
  /**
   * A lone syllable making such a topic of three syllables with the word after it ("thẻ" of
   * "thẻ tạm trú"), and that word ("tạm trú", `ofForeign`): foreign when the question names no
   * other topic of the unit's own ("chứng thực bản sao sổ hộ khẩu" is about the certification).
   */
  loneForeign?: boolean;
  ofForeign?: boolean;
  /** An institution or a person of the story ("ngân hàng", "bác sĩ"): never a topic (assistant.institutions.ts). */
  story?: boolean;
  /** A word few national names use ("khai sinh", "chấm dứt"), not a story word: what a procedure is about. */
  topical?: boolean;
  /**
   * A lone syllable that makes a rare name pair with its neighbour word ("hộ" of "hộ kinh
   * doanh"): a document has it as the question means it only with that pair ("hộ gia đình" is
   * another "hộ").
   */
  bond?: string[];
}

export const pairKey = (a: string, b: string) => `${a} ${b}`;

/** The national names' words alone (a unit's few keywords say too little about function words). */
export const NATIONAL_MODEL = new WordModel(NATIONAL_WORDS);
/**
 * How much likelier (log) a function word typed with marks must be read with the next syllable
 * than apart to begin a word: "thế chấp" (11.4) does; "bị mất" (10.8: "mất" is a verb of its own),
 * "đã có" (4.3), "có thẩm" (6.3), "cho thuê" (5.4) do not.
 */
export const FUNCTION_WORD_JOIN = 11;
/**
 * Typed without marks, a function word that makes with its neighbour a topic word of the national
 * names this likely read whole is half of that word, not the function word: "chung chi" is
 * "chứng chỉ" (9.4), not "chung" and a central "gì"; "moi gioi" is "môi giới" (10.0), "can bo"
 * "cán bộ" (9.3), "thi thuc" "thị thực" (10.4). Below it: "con nuoi" (8.9), "dat do" (4.1).
 */
export const TOPIC_WORD_JOIN = 9;
/** Whether the unmarked syllable at `i` is half of a topic word with a neighbour not read otherwise (`free`). */
export function halfOfTopicWord(folded: readonly string[], i: number, free: (k: number) => boolean): boolean {
  const whole = (a: string, b: string) => TOPIC_WORDS.has(pairKey(a, b)) && (NATIONAL_MODEL.joinGain([a], [b]) ?? 0) >= TOPIC_WORD_JOIN;
  const [prev, f, next] = [folded[i - 1], folded[i]!, folded[i + 1]];
  return (!!prev && free(i - 1) && whole(prev, f)) || (!!next && free(i + 1) && whole(f, next));
}
/**
 * "bị" is the passive of the story ("bị ghi sai", "bị gãy", "bị mất"), not the first half of a
 * word, save the few words of the law it begins (bị can, bị cáo, bị hại, bị đơn): a rare name
 * that says "bị ghi sai" is no sign of the procedure a question saying "sổ đỏ bị ghi sai tên" asks for.
 */
export const PASSIVE = 'bi';
export const PASSIVE_WORDS = new Set(['can', 'cao', 'hai', 'don']);

const NATIONAL_CAP = Math.log(1 + (NATIONAL_NAMES - 1 + 0.5) / 1.5);
/**
 * How rare a word is among the national catalogue's names, as a share of the rarest (1: fewer
 * than 20 names have it). A small unit has few names: "đổi", "yêu cầu", "giấy phép" are in one or
 * two of them and would weigh as the rarest words, though hundreds of procedures are named with
 * them; a word weighs no more than its rarity there allows.
 */
export function nationalRarity(f: string): number {
  const df = COMMON_NAME_WORDS.get(f);
  return df ? Math.log(1 + (NATIONAL_NAMES - df + 0.5) / (df + 0.5)) / NATIONAL_CAP : 1;
}

/** Name words of procedures meant for organisations or foreigners rather than a commune's citizens. */
export const CITIZENS = ['ca nhan', 'ho gia dinh', 'cong dan'];
export const AUDIENCE = ['to chuc', 'doanh nghiep', 'cong ti', 'nuoc ngoai', 'ton giao', 'tin dung', 'ngan hang', 'hop tac xa', 'nha dau tu', 'du an', 'trung uong'];

/**
 * Acts a name leads with that a citizen asking for that procedure says ("Trình báo mất hộ chiếu",
 * "Xóa đăng ký thường trú", "Hủy việc kết hôn trái pháp luật"), each with the folded words that say
 * it: a question about the same thing that says none of them ("đổi hộ chiếu mới") asks for another
 * procedure of that thing — at the ward, or elsewhere. Only the act a name begins with: a name
 * listing several ("sửa đổi, bổ sung, hủy bỏ hợp đồng") is not about one of them; acts citizens
 * put in their own words ("thu hồi" — "nộp lại"; "chấm dứt" — "nghỉ luôn") are not marked.
 */
/** Acts on a thing other than its reissue or extension (folded): building, altering, adjusting (an exchange is left out: a damaged card is exchanged or reissued). */
const OTHER_ACTS = ['sua chua', 'cai tao', 'nang', 'coi noi', 'xai', 'xai moi', 'dieu chinh', 'di doi', 'cap moi', 'lam moi', 'lan dau'];
/** A mortgage's registration or its striking off (folded): what a registry writes on the land paper. */
const MORTGAGE_REGISTERED = ['dang ki the chap', 'xoa the chap', 'go the chap', 'ghi the chap', 'giai chap', 'giai the chap'];
/** Acts on a paper after its first issue (folded): its exchange, reissue, correction, a change of owner, a mortgage written on it. */
const LATER_ACTS = ['cap doi', 'cap lai', 'mau moi', 'nhoe', 'rach', 'sang ten', 'doi ten', 'tach thua', 'tach so', 'dang ki bien dong', ...MORTGAGE_REGISTERED];
/** Words (folded) that say a paper to certify or the certifying itself. */
const CERTIFIED_PAPER = ['chung thuc', 'cong chung', 'hop dong', 'van ban', 'giai tai', 'thoa thuan', 'xac nhan', 'di chuc', 'tu choi'];
export const MARKED_ACTS: Array<[RegExp, string[], string[]?]> = [
  [/^(?:thủ tục )?(?:trình )?báo mất(?!\p{L})/iu, ['mat']],
  [/^(?:thủ tục )?xo[áa](?!\p{L})/iu, ['xoa']],
  [/^(?:thủ tục )?(?:hủy|huỷ)(?!\p{L})/iu, ['huy']],
  // A reissue or an extension is asked by what happened to the paper or by its own verb; a
  // question that says another act on the thing ("nâng thêm một tầng", "sửa chữa") is not asking
  // for the reissue of a building permit whose list of works names "sửa chữa, cải tạo". A question
  // naming the thing alone ("thẻ căn cước") still has every act of it among its choices.
  // ("Cấp lại, đổi, điều chỉnh …" names several acts: not marked.)
  [/^(?:thủ tục )?cấp lại(?![\p{L},])/iu, ['lai', 'mat', 'hong', 'rach', 'chay', 'that lac', 'roi', 'trom'], OTHER_ACTS],
  [/^(?:thủ tục )?gia hạn(?!\p{L})/iu, ['gia han', 'han', 'keo dai'], OTHER_ACTS],
  // A civil status registration done again is asked by "lại" or by what befell the register or
  // the paper ("sổ gốc bị cháy"); a question without them asks for the registration itself.
  [/^(?:thủ tục )?đăng ký lại (?:khai sinh|khai tử|kết hôn|việc nuôi con nuôi)(?!\p{L})/iu, ['lai', 'mat', 'chay', 'hong', 'rach', 'that lac', 'khong con', 'moi an', 'lu', 'thieu']],
  // A registration done the first time ("Đăng ký đất đai … cấp Giấy chứng nhận … lần đầu", "Đăng
  // ký xe lần đầu") is not what a question asks that says what comes after it: the paper exchanged,
  // issued again, its owner's name changed or the thing sold on ("sổ đỏ bị mất xin cấp lại", "đổi sổ
  // đỏ sang mẫu mới", "sang tên sổ đỏ" are the land office's). Not a name that lists later acts too.
  [/^(?:thủ tục )?đăng ký(?![^()]*(?:cấp lại|thay đổi))[^()]*? lần đầu(?!\p{L})/iu, ['lan dau'], LATER_ACTS],
  // A decision already taken, adjusted ("Điều chỉnh quyết định giao đất, cho thuê đất … do sai
  // sót"): asked by the adjustment or the mistake, not by "xin lên thổ cư" (the allocation itself).
  [/^(?:thủ tục )?điều chỉnh quyết định(?!\p{L})/iu, ['dieu chinh', 'sai', 'sai sot', 'nham', 'sua']],
  // The certification of a sale, a gift or an estate's division of land is asked by the paper
  // certified ("hợp đồng", "văn bản thỏa thuận", "giấy tay") or the act ("chứng thực", "công
  // chứng"); a question that says only the owner's name changed on the land paper ("sang tên sổ
  // đỏ", "tách sổ") asks for the registration the land office makes after it.
  // A mortgage registered, struck off or "gỡ" from the land paper ("đăng ký thế chấp", "xóa thế
  // chấp", "giải chấp") is the registry's (the land office's), not the contract the ward certifies.
  [/^(?:thủ tục )?chứng thực (?:giao dịch|văn bản phân chia)(?!\p{L})/iu, CERTIFIED_PAPER, ['sang ten', 'tach so', 'tach thua', ...MORTGAGE_REGISTERED]],
  ...SPLIT_ACTS,
];
/** Topic words that say what happens to a thing, not which thing (folded). */
export const ACT_ONLY = new Set(['han', 'het han', 'gia han', 'sap het', 'het', 'xin phep', 'giai phep', 'cap phep', 'lan dau']);
/** A concept's folded word: its syllable, or its two syllables joined. */
export const conceptKey = (c: Concept): string => (c.parts ? c.parts.map((p) => p.forms[0] ?? '').join(' ') : (c.forms[0] ?? ''));
/** What such a procedure keeps of its score when the question does not say its act. */
export const ACT_MISSED = 0.6;
/**
 * What another level's copy of one of the unit's own procedures keeps of its score when both are
 * found ("Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên (thực hiện tại cấp tỉnh)" beside the
 * ward's record of the same name): the citizen does it here, so the copy is no rival choice.
 */
export const OTHER_LEVEL_COPY = 0.5;
/** A name without the level it says it is done at, folded: what copies of one procedure share. */
export const copyKey = (name: string): string =>
  fold(name)
    .replace(/^thu tuc /, '')
    .replace(/[ (]*thuc hien (?:tai|o) cap [^()]*\)?\s*$/, '')
    // The body whose power it is ("… thuộc thẩm quyền giải quyết của Ủy ban nhân dân cấp xã" / "… của
    // Sở …") or the level in brackets ("Hỗ trợ dự án liên kết (cấp xã)", with the code after it):
    // the same procedure at another level.
    .replace(/ (?:thuoc|theo) tham quien (?:giai quiet )?(?:cua )?.*$/, '')
    .replace(/ \(cap (?:xa|tinh|huien|trung uong)\)(?: \([\d.]+\))?$/, '')
    .trim();

/**
 * What the ordinary record keeps of its score when the question tells a foreign element (a foreign
 * spouse, parent or child: `tellsForeignElement`) and its twin "… có yếu tố nước ngoài" is found:
 * "làm lại giấy kết hôn với chồng người Mỹ, sổ lưu bị mất" is the re-registration with a foreign
 * element, not the ordinary one that shares every other word.
 */
export const PLAIN_TWIN = 0.5;
const FOREIGN_ELEMENT_NAME = / co ieu to nuoc ngoai(?= |$)/;
/** The ordinary twin's copyKey of a record named "… có yếu tố nước ngoài", if it is one. */
export const plainTwinKey = (key: string): string | undefined => (FOREIGN_ELEMENT_NAME.test(key) ? key.replace(FOREIGN_ELEMENT_NAME, '').trim() : undefined);

/**
 * Asking for a copy of a paper ("sao y", "bản sao", "photo công chứng"): the paper named is what is
 * copied, not another agency's topic ("mang bằng lái xe đi sao y bản chính").
 */
export const COPY_ASKED = /(?:^| )(?:sao i|ban sao|photo|pho to)(?= |$)/;
/** A name that makes or certifies copies ("Chứng thực bản sao…", "Cấp bản sao…"). */
export const COPY_NAME = /(?:^| )ban sao(?= |$)/;
/**
 * Copies certified from originals asked ("sao y", "chứng thực mấy bản sao", "photo công chứng"),
 * the papers copied named (pass 25, r10demo): a record whose name makes or certifies no copy keeps
 * this share of its score: "chứng thực mấy bản sao giấy đăng ký kinh doanh với hợp đồng" is no
 * business registration.
 */
export const NOT_COPY_NAMED = 0.6;
export const COPY_CERTIFIED_ASKED = /(?:^| )(?:sao i|chung thuc (?:(?:may|cac|vai|mot so|nhung) )?ban sao|cong chung ban sao|(?:photo|pho to) cong chung)(?= |$)/;

/** Words after a word that say it was done, or tried and failed (folded pairs; "rồi", "xong" apart). */
export const DONE_AFTER = new Set(['khong thanh', 'that bai', 'bat thanh', 'khong xong']);
/**
 * What a procedure whose name leads with a word the question says was done keeps of its score
 * ("Hòa giải tranh chấp đất đai" for "hòa giải ở xã không thành, giờ nộp đơn gì").
 */
export const DONE_ACT = 0.6;

/**
 * Countries as a citizen names a person's nationality after "người" (folded; y as i): "người Úc",
 * "người Hàn Quốc". Who the spouse or the child's father is, never the topic of a procedure (the
 * ward's records say "có yếu tố nước ngoài"). Not "người Hoa", an ethnic group of Vietnam. The
 * countries: the `nationality` column of assistant.countries.ts.
 */
export const NATIONALITY: ReadonlySet<string> = NATIONALITIES;

/**
 * The question is about a cooperative ("hợp tác xã", "htx"): a record named for companies or
 * enterprises only ("Đăng ký thành lập công ty cổ phần", "Thay đổi … giám đốc chi nhánh … công ty")
 * keeps this share of its score; the cooperative's own records ("Đăng ký thay đổi nội dung đăng ký
 * hợp tác xã", "Thông báo về việc thành lập doanh nghiệp của hợp tác xã") are what it asks about.
 */
export const OTHER_ORGANISATION = 0.6;
/** The question names a cooperative (folded words). */
export const saysCooperative = (asked: string[]): boolean => asked.includes('htx') || ` ${asked.join(' ')} `.includes(' hop tac xa ');
/** A name about companies or enterprises that does not name the cooperative (folded, spaced). */
export const companyOnlyName = (joined: string): boolean => /(?:^| )(?:cong ti|doanh nghiep)(?= |$)/.test(joined) && !/(?:^| )hop tac xa(?= |$)/.test(joined);

/**
 * A record for the armed forces ("… đối với sĩ quan, hạ sĩ quan, chiến sĩ Công an nhân dân …",
 * "… quân nhân …") keeps this share of its score when the question says nothing of soldiers,
 * police, war or service: a civilian's allowance ("trợ cấp tuất", "mất sức lao động", "thai
 * sản") is social insurance's, not a war veteran's one-off payment that shares "trợ cấp".
 */
export const ARMED_ONLY = 0.6;
/** A name for the armed forces (folded, spaced). */
export const armedName = (joined: string): boolean => /(?:^| )(?:si quan|chien si|quan nhan|cong an nhan dan|quan doi|luc luong vu trang|benh binh|thuong binh)(?= |$)/.test(joined);
/** The question speaks of soldiers, police, war or service (folded words joined by spaces, spaced). */
export const saysArmed = (asked: string[]): boolean =>
  /(?:^| )(?:bo doi|quan doi|cong an|cs|canh sat|si quan|chien si|quan nhan|linh|chien truong|khang chien|chien tranh|chien dau|xuat ngu|phuc vien|xung phong|cuu chien binh|nghia vu quan su|nvqs|quan su|cach mang|liet si|thuong binh|benh binh|quan ngu|tai ngu)(?= |$)/.test(` ${asked.join(' ')} `);

/**
 * Records the national catalogue holds several times under one name, word for word, at the same
 * level (provinces' copies: seven "Công bố Danh mục và Quy trình nội bộ … Sở Nội vụ …", ten "Hỗ trợ
 * phát triển sản xuất cộng đồng."): one record to a citizen, listed once — the first — so that
 * the citizen is not asked to choose between identical names (issue 15, pass 16).
 */
export function onceEach<T extends { id: string; here: boolean }>(candidates: T[], nameOf: (id: string) => string | undefined): T[] {
  const seen = new Set<string>();
  return candidates.filter((c) => {
    const key = `${c.here}|${nameOf(c.id) ?? c.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
