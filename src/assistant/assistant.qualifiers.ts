import { fold, syllables } from '../shared/vietnamese';

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
const FUNCTION_WORDS = new Set(['tai', 'o', 'cua', 'va', 'cho', 'voi', 'la', 'trong', 'theo', 'cac', 'nhung']);

/**
 * What a name says of the plain case of its family ("Đăng ký thành lập hộ kinh doanh", "Cấp giấy
 * phép xây dựng mới", "… lần đầu"): a question that names the thing and no other act ("đăng ký hộ
 * kinh doanh", "xin giấy phép xây dựng") asks about it, so these words need not be said.
 */
const PLAIN_CASE = /(?<!\p{L})(?:thành lập|lần đầu|mới)(?!\p{L})/giu;

export function qualifierChoice(question: string, choices: Array<{ code: string; name: string }>): string | undefined {
  if (choices.length < 2) return undefined;
  const asked = new Set(syllables(fold(question)));
  const named = choices.map((c) => {
    const words = new Set(syllables(fold(c.name)).filter((w) => !FUNCTION_WORDS.has(w)));
    const plain = new Set(syllables(fold((c.name.normalize('NFC').match(PLAIN_CASE) ?? []).join(' '))));
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
