/**
 * The counter queue's public surface (issue 13): tickets, counters, the order of calls, the live
 * event bus. Other modules (appointments, statistics, the assistant) use only what is here.
 *
 * Contract with `appointment`:
 * - `QueueService.services(unitCode)` → `[{code, name, fieldCodes, counters: [code]}]` (open counters).
 * - `QueueService.takeTicket({unitCode, service, priority?, phone?, source, appointment?: {id, slotAt}})`
 *   → `{id, number, service, position, estimatedWaitMinutes, trackUrl}`. An appointment ticket is
 *   ordered at its slot: once `now ≥ slotAt` it is called before normal tickets (after waiting
 *   priority tickets under the 'strict' rule; see queue.order.ts).
 * - `QueueService.ticket(id)` → the ticket or undefined.
 * - `ticketFacts(db, {unitCode, from, to, now})` → every ticket taken in [from, to) with its times.
 * - `QueueService.events` (`QueueEvents`): the event bus; `on(unitCode, fn)` for live views (changes made
 *   by other processes on the same database arrive too, through src/cluster).
 */
export { QueueService, ticketFacts, queueLengths, spokenCall, isTicketId, DEFAULT_SETTINGS, DEMO_QUEUE, DEMO_QUEUE_UNIT, NEAR_TURNS, type QueueDeps, type QueueNotify, type QueueOfficial } from './queue.service';
export { QueueEvents } from './queue.events';
export { orderWaiting, pickNext, type Candidate } from './queue.order';
export {
  DEFAULT_CATEGORIES,
  STATUS_TEXT,
  TICKET_SOURCES,
  TICKET_STATUSES,
  type Board,
  type Counter,
  type PriorityCategory,
  type PriorityRule,
  type QueueEvent,
  type QueueServiceInfo,
  type QueueSettings,
  type TakeTicketInput,
  type TakenTicket,
  type Ticket,
  type TicketFact,
  type TicketSource,
  type TicketStatus,
  type TicketView,
} from './queue.types';
