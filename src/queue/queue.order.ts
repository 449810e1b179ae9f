/**
 * The order in which waiting tickets are called (issue 13 "Order"), as pure functions so the rule
 * is in one obvious place and tested without a database.
 *
 * - Priority categories by the unit's rule: 'strict' — a waiting priority ticket is always called
 *   first; 'every' — at a counter, one priority ticket after at most N other calls (a counter that
 *   has called no priority ticket yet today owes one, so a waiting priority ticket goes first).
 * - An appointment ticket is placed at its slot: its order time is the slot, and once the slot has
 *   come it is called before normal tickets — after the waiting priority tickets under 'strict';
 *   under 'every' it is one of the "others": the priority ticket owed is called first, otherwise
 *   the due appointment comes before the normal tickets.
 * - Otherwise by the time the ticket was taken (kept when it is transferred to another service).
 * Priority tickets among themselves are called by time taken: the category's order is the order in
 * which the kiosk lists them, not a ranking of people.
 */
import type { PriorityRule } from './queue.types';

export interface Candidate {
  id: string;
  service: string;
  priority: string | null;
  orderAt: string;
  slotAt: string | null;
}

function due(t: Candidate, now: string): boolean {
  return t.slotAt !== null && t.slotAt <= now;
}

/** Lower first: [class, order time, id]. */
function key(t: Candidate, rule: PriorityRule, now: string): [number, string, string] {
  if (rule === 'strict') return [t.priority ? 0 : due(t, now) ? 1 : 2, t.orderAt, t.id];
  return [due(t, now) ? 0 : 1, t.orderAt, t.id];
}

function compare(a: [number, string, string], b: [number, string, string]): number {
  return a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);
}

/** The waiting tickets in the order they are expected to be called (positions and estimates). */
export function orderWaiting<T extends Candidate>(list: T[], rule: PriorityRule, now: string): T[] {
  return list
    .map((t) => ({ t, k: key(t, rule, now) }))
    .sort((a, b) => compare(a.k, b.k))
    .map((x) => x.t);
}

/**
 * The ticket a counter calls next among the candidates (already limited to its services).
 * `othersSincePriority`: the counter's calls today since its last priority call, null if it has
 * called no priority ticket today.
 */
export function pickNext<T extends Candidate>(candidates: T[], rule: PriorityRule, every: number, othersSincePriority: number | null, now: string): T | undefined {
  if (candidates.length === 0) return undefined;
  if (rule === 'strict') return orderWaiting(candidates, rule, now)[0];
  const priority = orderWaiting(candidates.filter((t) => t.priority), rule, now);
  const others = orderWaiting(candidates.filter((t) => !t.priority), rule, now);
  if (priority.length && (others.length === 0 || othersSincePriority === null || othersSincePriority >= every)) return priority[0];
  return others[0];
}
