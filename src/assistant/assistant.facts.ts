import type { Services } from '../app.types';
import { formatTime, formatVnd, fullTime } from '../shared/format';
import { fold } from '../shared/vietnamese';

/**
 * Whether an answer states the fact a question asked, as the unit's catalogue has it — the
 * evaluation's judge (the rules of ../shared/eval/README.md):
 * - fee: every amount of the online channel's fees (the first channel's without one), or its fee
 *   text, or that it is free;
 * - time: that channel's processing time or the unit's own commitment;
 * - papers: at least two thirds of the required papers of the general list, by name;
 * - place: the line saying where to go names the ward (a concrete office, not "cấp xã"), and the
 *   opening hours are given.
 */
export type Fact = 'fee' | 'time' | 'papers' | 'place';

const norm = (s: string) => fold(s).replace(/\s+/g, ' ');

export async function factStated(s: Pick<Services, 'catalog'>, unitCode: string, code: string, fact: Fact, answer: string): Promise<boolean> {
  const { unit, procedure: p, entry } = await s.catalog.getUnitProcedure(unitCode, code);
  const text = norm(answer);
  const has = (needle: string) => needle.length > 0 && text.includes(norm(needle));
  const ch = p.channels.find((c) => c.kind === 'online') ?? p.channels[0];
  switch (fact) {
    case 'fee': {
      if (!ch) return has('chưa ghi');
      const paid = ch.fees.filter((f) => f.amount > 0);
      if (ch.fees.length && !paid.length) return has('miễn phí');
      if (paid.length) return paid.every((f) => has(formatVnd(f.amount)));
      return ch.feeText ? has(ch.feeText.slice(0, 40)) : has('không có thông tin') || has('chưa ghi');
    }
    case 'time': {
      const said = [entry.commitment ? formatTime(entry.commitment) : '', ch?.time ? formatTime(ch.time) : '', ch ? fullTime(ch.time, ch.timeText) : ''];
      return said.some(has);
    }
    case 'papers': {
      const required = (p.componentGroups[0]?.components ?? []).filter((c) => c.required);
      if (!required.length) return true;
      const named = required.filter((c) => has(c.name)).length;
      return named * 3 >= required.length * 2;
    }
    case 'place': {
      // The line saying where to go names the ward's own office, not "Công an cấp xã".
      const where = answer.split('\n').filter((l) => /^(Nơi nộp|Nộp tại|Địa điểm)/i.test(l.trim()));
      const concrete = where.some((l) => norm(l).includes(norm(unit.name)));
      return concrete && /giờ làm việc|giờ mở cửa/i.test(answer);
    }
  }
}
