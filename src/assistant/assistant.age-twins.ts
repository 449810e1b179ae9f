import { fold, syllables } from '../shared/vietnamese';
import { agesAsked, agesOfName } from './assistant.ranges';
import type { Retriever } from './assistant.retrieval';

/**
 * A follow-up that names another person's age (issue 15, pass 23: r8facts): "còn con gái tôi 10
 * tuổi thì sao" after the card of a 16-year-old, "dạ còn đứa lớn 17 tuổi" after a child's card.
 * The procedure discussed covers ages by its name ("… cho người từ đủ 14 tuổi trở lên", "… dưới 14
 * tuổi"); when every age the message says is outside it, the conversation goes on about its twin —
 * the procedure of the same name but for the ages — which covers them. Nothing changes when no age
 * is said, when the procedure names no ages, or when no twin of the unit covers them. Choices
 * offered last time ("làm căn cước cho người lớn": both cards) and an age said next ("nếu con mới 8
 * tuổi thì sao"): the one choice covering it is the procedure discussed.
 */

/** A name without its ages: "Cấp thẻ căn cước cho người dưới 14 tuổi" → "cap the can cuoc cho nguoi". */
const AGE_CLAUSE = /(?:^| )(?:tu du|duoi|tren|du) \d{1,3} tuoi(?: tro len| tro xuong)?(?= |$)/g;
const withoutAges = (name: string): string => syllables(fold(name)).join(' ').replace(AGE_CLAUSE, '').trim();

type Named = { findProcedure(code: string): Promise<{ name: string } | undefined> };

/**
 * `folded`: the message's syllables as the reading holds them (`QueryPlan.tokens`, folded), so the
 * ages are the ones the ranking reads (assistant.ranges.ts): "bé 10t" says 10 years there too.
 */
export async function ageTwin(catalog: Named, retriever: Pick<Retriever, 'search'>, code: string | undefined, folded: string[], choices: readonly string[] = []): Promise<string | undefined> {
  const ages = agesAsked(folded);
  if (!ages.length) return code;
  // Choices offered by age ("người lớn" fits both cards) and an age said next: the one covering it.
  if (!code) {
    const fit: string[] = [];
    for (const c of choices) {
      const r = agesOfName((await catalog.findProcedure(c))?.name ?? '');
      if (r && ages.every((a) => a >= r.min && a <= r.max)) fit.push(c);
    }
    return fit.length === 1 ? fit[0] : undefined;
  }
  const current = await catalog.findProcedure(code);
  const range = current && agesOfName(current.name);
  if (!current || !range || ages.some((a) => a >= range.min && a <= range.max)) return code;
  const family = withoutAges(current.name);
  for (const c of retriever.search(current.name, { limit: 12 }).candidates) {
    if (c.kind !== 'procedure' || !c.here || c.id === code) continue;
    const p = await catalog.findProcedure(c.id);
    const r = p && agesOfName(p.name);
    if (p && r && withoutAges(p.name) === family && ages.every((a) => a >= r.min && a <= r.max)) return c.id;
  }
  return code;
}
