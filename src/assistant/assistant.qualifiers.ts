import { fold, syllables } from '../shared/vietnamese';
import { STOPWORDS } from './assistant.intent';
import { agesAsked, agesOfName } from './assistant.ranges';
import { struckOffSaid } from './assistant.sibling-pulls';
import { adverbialAgain } from './assistant.told-for';

/** A name's ages, folded, with whom they are of: "cho người dưới 14 tuổi", "trẻ em dưới 6 tuổi". */
const AGE_CLAUSE = /(?:^| )(?:cho )?(?:nguoi |tre em |tre )?(?:tu du|duoi) \d{1,3} tuoi(?: tro len)?(?= |$)/;

/**
 * Choices between procedures whose names differ only by a qualifier ("Đăng ký kết hôn có yếu tố
 * nước ngoài" / "Đăng ký lại kết hôn có yếu tố nước ngoài" / "… tại khu vực biên giới"; "chứng
 * thực chữ ký người dịch là cộng tác viên" / "… không phải là cộng tác viên"): the question says
 * which one by the qualifier it names or leaves out. A citizen who does not say "lại" or "khu vực
 * biên giới" asks about the plain procedure; one who says "không phải" about the procedure that says
 * it. Returns the code of the one meant, or undefined when the names do not decide it.
 *
 * The one meant names every word of the question that any other choice names, its words the
 * question does not say are among those of each other choice, and against each it is better in
 * one of the two: it names more of the question, or leaves fewer words unsaid.
 */
/** Function words of names ("tại", "của", "là"): whether a question says them tells nothing. */
const FUNCTION_WORDS = new Set(['tai', 'o', 'cua', 'va', 'cho', 'voi', 'la', 'trong', 'theo', 'cac', 'nhung', 'thuc', 'hien', 'bang']);

/**
 * What a name says of the plain case of its family ("Đăng ký thành lập hộ kinh doanh", "Cấp giấy
 * phép xây dựng mới", "… lần đầu"): a question that names the thing and no other act ("đăng ký hộ
 * kinh doanh", "xin giấy phép xây dựng") asks about it, so these words need not be said.
 */
const PLAIN_CASE = /(?<!\p{L})(?:thành lập|lần đầu|mới)(?!\p{L})/giu;
/**
 * "Đăng ký" opening a name ("Đăng ký thành lập hộ kinh doanh", "Đăng ký thường trú"): the act any
 * question about the thing means ("hộ kinh doanh cần giấy gì"), so it need not be said either —
 * while "thay đổi", "chấm dứt", "xóa", "lại" of the other choices must.
 */
const PLAIN_OPENING = /^\s*(?:thủ tục\s+)?đăng ký(?!\p{L})/iu;

const ONLINE = /(?:^| )(?:online|onl|truc tuyen|qua mang|tren mang|dich vu cong|qua app|tren app|vneid|toan trinh)(?= |$)/;
const LOST = /(?:^| )(?:bi mat|mat roi|mat het|da mat|lam mat|danh mat|that lac|bi hong|hu hong|bi rach|bi chay|rach nat|nat het|moi an|chuot can|uot nhoe|cuon troi|mat tieu)(?= |$)/;
/**
 * The citizen translated the paper himself ("tôi biết tiếng Trung nên tự ngồi dịch"): no
 * collaborator of the commune's (pass 24), so "không phải là cộng tác viên" is meant though unsaid.
 */
const SELF_TRANSLATED = /(?:^| )(?:tu dich|tu ngoi dich|tu tai dich|tu minh dich|minh tu dich|toi tu dich|em tu dich|tu bien dich|chinh toi dich|chinh minh dich)(?= |$)/;
const COLLABORATOR = /(?:^| )(?:cong tac vien|ctv)(?= |$)/;

export function qualifierChoice(question: string, choices: Array<{ code: string; name: string }>, opts: { online?: boolean } = {}): string | undefined {
  if (choices.length < 2) return undefined;
  const folded = syllables(fold(question));
  const asked = new Set(folded);
  // "Lại" only as an adverb of the story ("xa lắm lại đang mùa lũ", pass 27): no record's "… lại".
  if (adverbialAgain(folded)) asked.delete('lai');
  // A paper lost or spoilt is made again: "giấy báo tử bị mất" asks the "… lại" of its family.
  if (LOST.test(folded.join(' '))) asked.add('lai');
  // A registration "bỏ đi", "hủy", "cắt": its "xóa" said (assistant.sibling-pulls.ts, pass 28).
  if (struckOffSaid(folded)) asked.add('xoa');
  if (SELF_TRANSLATED.test(folded.join(' ')) && !COLLABORATOR.test(folded.join(' '))) for (const w of ['khong', 'phai']) asked.add(w);
  // Asked online: the record done wholly online ("… bằng dịch vụ công trực tuyến toàn trình"), not
  // its twin done "partly online or in person".
  if (opts.online || ONLINE.test(folded.join(' '))) for (const w of ['truc', 'tuyen', 'toan', 'trinh', 'dich', 'vu', 'cong']) asked.add(w);
  // An age said within a name's ages ("thằng cháu 10 tuổi" and "… cho người dưới 14 tuổi") says
  // its age clause, "cho người" included (pass 23): the card's twins "đổi", "lại" are not meant.
  const ages = agesAsked(folded);
  if (ages.length)
    for (const c of choices) {
      const r = agesOfName(c.name);
      const clause = AGE_CLAUSE.exec(syllables(fold(c.name)).join(' '));
      if (r && clause && ages.every((a) => a >= r.min && a <= r.max)) for (const w of clause[0].trim().split(' ')) asked.add(w);
    }
  const named = choices.map((c) => {
    // "Thủ tục đăng ký giám hộ" says no more than "Đăng ký giám sát việc giám hộ" by its "Thủ tục".
    // The levels a name lists ("… thực hiện tại cấp trung ương, cấp tỉnh, cấp xã") are no qualifier a citizen says.
    const bare = c.name.replace(/^\s*thủ tục\s+/iu, '').replace(/\s*thực hiện (?:tại|ở) cấp [^()]*$/iu, '');
    const words = new Set(syllables(fold(bare)).filter((w) => !FUNCTION_WORDS.has(w)));
    // "Đăng ký" only when the question says nothing but the name's thing: a story around it
    // ("tạm trú sắp hết, cần ở tiếp") may mean another act of the family.
    const own = new Set(syllables(fold(c.name)));
    const opening = folded.every((w) => own.has(w) || FUNCTION_WORDS.has(w) || STOPWORDS.has(w)) ? (c.name.normalize('NFC').match(PLAIN_OPENING) ?? []) : [];
    const plain = new Set(syllables(fold([...(c.name.normalize('NFC').match(PLAIN_CASE) ?? []), ...opening].join(' '))));
    return { code: c.code, said: [...words].filter((w) => asked.has(w)), unsaid: new Set([...words].filter((w) => !asked.has(w) && !plain.has(w))) };
  });
  const within = (a: Iterable<string>, b: Set<string>) => [...a].every((x) => b.has(x));
  for (const x of named) {
    const said = new Set(x.said);
    const meant = named.every((y) => y === x || (within(y.said, said) && within(x.unsaid, y.unsaid) && (y.unsaid.size > x.unsaid.size || y.said.length < x.said.length)));
    if (meant) return x.code;
  }
  return undefined;
}
