import type { Candidate, QueryPlan } from './assistant.retrieval';
import { tellsForeigner } from './assistant.situations';

/**
 * A foreigner's own records. Where a citizen's procedure and a foreigner's share their name but for
 * the words saying who it is for ("Gia hạn tạm trú" of the ward's police, "Gia hạn tạm trú cho người
 * nước ngoài tại Việt Nam" of the provincial immigration office; the domestic adoption of the ward,
 * "… nuôi con nuôi có yếu tố nước ngoài" of the Department of Justice), a question naming a person
 * of another country asks about the foreigner's — even when the citizen's covers its other words
 * better ("vợ tôi quốc tịch Nhật, thẻ tạm trú hết hạn"; "chồng người Mỹ muốn nhận con riêng của
 * tôi làm con nuôi").
 */

/**
 * A name (folded) saying the record is for foreigners or has a foreign element — not one done
 * abroad ("Thôi quốc tịch Việt Nam ở nước ngoài" is a citizen's).
 */
export const FOREIGN_NAME = /(?:^| )(?:nguoi|ieu to) nuoc ngoai(?= |$)/;
/** How far down the list the foreigner's record may be found. */
const NEAR = 5;

/**
 * The foreigner's record of another level to point to instead of `given`, the unit's own that is
 * not for foreigners: the question names a foreigner, none of the unit's records near the top is
 * a foreigner's, and one of another level is, named with the question's topic word. The surest of
 * them. On a catalogue of the unit's own procedures only there is none: nothing changes there.
 */
export function foreignersElsewhere(c: Candidate[], given: Candidate | undefined, plan: QueryPlan): Candidate | undefined {
  if (given && (!given.here || given.foreignName)) return undefined;
  const near = c.slice(0, NEAR);
  if (near.some((x) => x.here && x.foreignName)) return undefined;
  if (!tellsForeigner(plan.tokens.map((t) => t.folded))) return undefined;
  const theirs = near.filter((x) => !x.here && x.foreignName && x.pairSupport && x.topicHit && !x.missesTopic);
  return theirs.reduce<Candidate | undefined>((best, x) => (!best || x.coverage > best.coverage ? x : best), undefined);
}
