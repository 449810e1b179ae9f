/**
 * The counter queue (issue 13): tickets, counters, the order of calls, estimates, the display's
 * board, the messages "three turns away" and "your turn". No HTTP, no HTML.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/connection';
import type { Clock } from '../shared/clock';
import { ConflictError, NotFoundError, RuleViolationError, ValidationError } from '../shared/errors';
import { normalizePhone, PHONE_MESSAGE } from '../shared/phone';
import { minutesOf, vnDateOf, vnInstant } from '../calendar/vn-time';
import * as repo from './queue.repo';
import type { Exec, ServiceRow } from './queue.repo';
import { orderWaiting, pickNext } from './queue.order';
import { validateCounter, validateService, validateSettings, type CounterInput, type ServiceInput } from './queue.admin';
import { QueueEvents } from './queue.events';
import {
  DEFAULT_CATEGORIES,
  TICKET_SOURCES,
  type Board,
  type Counter,
  type QueueEvent,
  type QueueServiceInfo,
  type QueueSettings,
  type TakeTicketInput,
  type TakenTicket,
  type Ticket,
  type TicketFact,
  type TicketView,
} from './queue.types';

/** The official acting at a counter. */
export interface QueueOfficial {
  id: string;
  fullName: string;
  unitCode: string;
}

/** The outbox, as the notification module offers it. */
export interface QueueNotify {
  prefsFor(phone: string): Promise<{ channels: readonly string[]; zaloUserId: string }>;
  enqueue(trx: Exec, n: { channel: 'sms' | 'zalo'; recipient: string; event: string; body: string; unitCode: string; dedupKey: string }): Promise<boolean>;
}

export interface QueueDeps {
  db: Db;
  clock: Clock;
  publicUrl: string;
  unitName(code: string): Promise<string>;
  notify?: QueueNotify;
  events?: QueueEvents;
}

export const DEFAULT_SETTINGS: Omit<QueueSettings, 'unitCode'> = { priorityRule: 'strict', priorityEvery: 2, categories: DEFAULT_CATEGORIES, closingTime: '17:00' };

/** How many turns before theirs a citizen with a phone gets the "get ready" message. */
export const NEAR_TURNS = 3;

/** The demo ward (Phường Ba Đình) whose queue is seeded and opened on a demo start. */
export const DEMO_QUEUE_UNIT = '00004';

/** The demo ward's services and counters (counter 1 serves every service). */
export const DEMO_QUEUE = {
  services: [
    { code: 'ho-tich', name: 'Hộ tịch – chứng thực', letter: 'A', fieldCodes: ['Hộ tịch', 'Chứng thực', 'Nuôi con nuôi'], defaultMinutes: 8 },
    { code: 'dat-dai', name: 'Đất đai – xây dựng', letter: 'B', fieldCodes: ['Đất đai', 'Hoạt động xây dựng'], defaultMinutes: 15 },
    { code: 'cu-tru', name: 'Cư trú – căn cước', letter: 'C', fieldCodes: ['Đăng ký, quản lý cư trú', 'Cấp, quản lý căn cước', 'Định danh và xác thực điện tử'], defaultMinutes: 6 },
    { code: 'khac', name: 'Giảm nghèo, hộ kinh doanh và lĩnh vực khác', letter: 'D', fieldCodes: ['Giảm nghèo', 'Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)'], defaultMinutes: 10 },
  ],
  counters: [
    { code: '1', name: 'Quầy 1', services: ['ho-tich', 'dat-dai', 'cu-tru', 'khac'] },
    { code: '2', name: 'Quầy 2', services: ['ho-tich', 'cu-tru'] },
    { code: '3', name: 'Quầy 3', services: ['dat-dai', 'khac'] },
  ],
};

/** A unit's day of queue, read once per change and shared by every live page and display. */
interface DayState {
  version: number;
  readAt: number;
  day: string;
  settings: QueueSettings;
  services: ServiceRow[];
  counters: Counter[];
  tickets: Ticket[];
  byId: Map<string, Ticket>;
  ahead: Map<string, number>;
  estimate: Map<string, number>;
}

const STATE_TTL_MS = 15_000;

/** "A-017" read aloud digit by digit: "A không một bảy" (for the spoken call). */
const DIGIT_WORDS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
export function spokenCall(number: string, counterName: string): string {
  const [letter, digits = ''] = number.split('-');
  const read = (s: string) => [...s].map((d) => DIGIT_WORDS[Number(d)] ?? d).join(' ');
  const counterDigits = counterName.replace(/\D+/g, '');
  const counterText = counterDigits ? `quầy số ${read(counterDigits)}` : counterName;
  return `Mời số ${letter} ${read(digits)} đến ${counterText}`.replace(/\s+/g, ' ').trim();
}

export class QueueService {
  readonly events: QueueEvents;
  private readonly states = new Map<string, Promise<DayState>>();
  private readonly stateMeta = new Map<string, { version: number; readAt: number; day: string }>();

  constructor(private readonly deps: QueueDeps) {
    this.events = deps.events ?? new QueueEvents();
  }

  private now(): Date {
    return this.deps.clock.now();
  }

  // ---- settings, services, counters ----

  async settings(unitCode: string, db: Exec = this.deps.db): Promise<QueueSettings> {
    return (await repo.findSettings(db, unitCode)) ?? { unitCode, ...DEFAULT_SETTINGS };
  }

  /** Saves the unit's rule, categories and closing time (validated: queue.admin.ts); applies to the next tickets and calls. */
  async saveSettings(unitCode: string, input: Partial<Omit<QueueSettings, 'unitCode'>>): Promise<QueueSettings> {
    const cur = await this.settings(unitCode);
    const merged = { ...cur, ...input };
    const next: QueueSettings = { unitCode, ...validateSettings({ ...merged, categories: merged.categories }) };
    await repo.saveSettings(this.deps.db, next, this.now().toISOString());
    this.changed({ unitCode, kind: 'counter', at: this.now().toISOString() });
    return next;
  }

  /** The contract's services(unitCode): each service with the open counters serving it. */
  async services(unitCode: string): Promise<QueueServiceInfo[]> {
    const [services, counters] = await Promise.all([repo.listServices(this.deps.db, unitCode), repo.listCounters(this.deps.db, unitCode)]);
    return services
      .filter((s) => s.active)
      .map((s) => ({ code: s.code, name: s.name, letter: s.letter, fieldCodes: s.fieldCodes, defaultMinutes: s.defaultMinutes, counters: counters.filter((c) => c.open && c.services.includes(s.code)).map((c) => c.code) }));
  }

  /** Every service of the unit, the ones no longer used included (the settings page). */
  async allServices(unitCode: string): Promise<ServiceRow[]> {
    return repo.listServices(this.deps.db, unitCode);
  }

  async counters(unitCode: string): Promise<Counter[]> {
    return repo.listCounters(this.deps.db, unitCode);
  }

  /** Creates or changes a service (validated: queue.admin.ts); tickets already taken keep their number. */
  async saveService(unitCode: string, s: ServiceInput & { sort?: number }): Promise<ServiceRow> {
    const all = await repo.listServices(this.deps.db, unitCode);
    const v = validateService(s, all);
    const cur = all.find((x) => x.code === v.code);
    const row: ServiceRow = { ...v, sort: s.sort ?? cur?.sort ?? (all.length ? Math.max(...all.map((x) => x.sort)) + 1 : 0) };
    await repo.saveService(this.deps.db, unitCode, row);
    this.changed({ unitCode, kind: 'counter', at: this.now().toISOString() });
    return row;
  }

  /** Creates or changes a counter and the services it serves (validated); an open counter stays open. */
  async saveCounterDefinition(unitCode: string, c: CounterInput): Promise<Counter> {
    const v = validateCounter(c, await repo.listServices(this.deps.db, unitCode));
    const existing = (await repo.listCounters(this.deps.db, unitCode)).find((x) => x.code === v.code);
    const next: Counter = { unitCode, code: v.code, name: v.name, services: v.services, open: existing?.open ?? false, officialId: existing?.officialId ?? null, officialName: existing?.officialName ?? null, openedAt: existing?.openedAt ?? null };
    await repo.saveCounter(this.deps.db, next, this.now().toISOString());
    this.changed({ unitCode, kind: 'counter', counter: v.code, at: this.now().toISOString() });
    return next;
  }

  /** The demo ward's services and counters, the counters opened (demo start). */
  async seedDemo(unitCode: string): Promise<void> {
    const have = await repo.listServices(this.deps.db, unitCode);
    if (have.length === 0) {
      let sort = 0;
      for (const s of DEMO_QUEUE.services) await this.saveService(unitCode, { ...s, sort: sort++ });
    }
    const counters = await repo.listCounters(this.deps.db, unitCode);
    for (const c of DEMO_QUEUE.counters) {
      const cur = counters.find((x) => x.code === c.code);
      if (!cur) await repo.saveCounter(this.deps.db, { unitCode, ...c, open: true, officialId: null, officialName: null, openedAt: this.now().toISOString() }, this.now().toISOString());
      else if (!cur.open) await repo.saveCounter(this.deps.db, { ...cur, open: true, openedAt: this.now().toISOString() }, this.now().toISOString());
    }
    this.changed({ unitCode, kind: 'counter', at: this.now().toISOString() });
  }

  async openCounter(official: QueueOfficial, code: string, services: string[]): Promise<Counter> {
    const unitCode = official.unitCode;
    const all = await repo.listServices(this.deps.db, unitCode);
    const unknown = services.filter((s) => !all.some((x) => x.code === s));
    if (services.length === 0 || unknown.length) throw new ValidationError('Chọn ít nhất một dịch vụ của đơn vị cho quầy.', [{ field: 'services', code: 'invalid', message: 'Dịch vụ không hợp lệ' }]);
    const cur = await this.getCounter(unitCode, code);
    const now = this.now().toISOString();
    const next: Counter = { ...cur, services, open: true, officialId: official.id, officialName: official.fullName, openedAt: now };
    await repo.saveCounter(this.deps.db, next, now);
    this.changed({ unitCode, kind: 'counter', counter: code, at: now });
    return next;
  }

  async closeCounter(official: QueueOfficial, code: string): Promise<Counter> {
    const cur = await this.getCounter(official.unitCode, code);
    const now = this.now().toISOString();
    const next: Counter = { ...cur, open: false, officialId: null, officialName: null };
    await repo.saveCounter(this.deps.db, next, now);
    this.changed({ unitCode: official.unitCode, kind: 'counter', counter: code, at: now });
    return next;
  }

  async getCounter(unitCode: string, code: string): Promise<Counter> {
    const c = (await repo.listCounters(this.deps.db, unitCode)).find((x) => x.code === code);
    if (!c) throw new NotFoundError(`Không có quầy "${code.slice(0, 20)}" ở đơn vị này.`, 'counter_not_found');
    return c;
  }

  // ---- tickets ----

  /** The contract's takeTicket: a number for the service, its place and the estimated wait. */
  async takeTicket(input: TakeTicketInput): Promise<TakenTicket> {
    const { unitCode } = input;
    const now = this.now();
    const nowIso = now.toISOString();
    if (!TICKET_SOURCES.includes(input.source)) throw new ValidationError('Nguồn lấy số không hợp lệ.', [{ field: 'source', code: 'invalid', message: 'Nguồn không hợp lệ' }]);
    const services = await repo.listServices(this.deps.db, unitCode);
    const service = services.find((s) => s.code === input.service && s.active);
    if (!service) throw new ValidationError('Chọn một dịch vụ của đơn vị.', [{ field: 'service', code: 'unknown_service', message: `Không có dịch vụ "${String(input.service).slice(0, 30)}" ở đơn vị này.` }], 'unknown_service');
    const settings = await this.settings(unitCode);
    const priority = input.priority ? input.priority : null;
    if (priority && !settings.categories.some((c) => c.code === priority)) {
      throw new ValidationError('Đối tượng ưu tiên không hợp lệ.', [{ field: 'priority', code: 'unknown_priority', message: `Chọn một trong: ${settings.categories.map((c) => c.label).join(', ')}.` }], 'unknown_priority');
    }
    let phone: string | null = null;
    if (input.phone != null && String(input.phone).trim() !== '') {
      phone = normalizePhone(String(input.phone));
      if (!phone) throw new ValidationError(PHONE_MESSAGE, [{ field: 'phone', code: 'invalid_phone', message: PHONE_MESSAGE }], 'invalid_phone');
    }
    const day = vnDateOf(now);
    const closing = vnInstant(day, minutesOf(settings.closingTime));
    if (now >= closing) throw new RuleViolationError('queue_closed', `Đã hết giờ lấy số hôm nay (bộ phận một cửa đóng lúc ${settings.closingTime}). Mời quay lại vào ngày làm việc tiếp theo.`);
    const slotAt = input.appointment ? input.appointment.slotAt.toISOString() : null;
    const id = randomBytes(16).toString('base64url');
    let number = '';
    try {
      await this.deps.db.transaction().execute(async (trx) => {
        await repo.expireDue(trx, unitCode, nowIso);
        if (phone) {
          const existing = await repo.findWaitingByPhone(trx, unitCode, service.code, phone, nowIso);
          if (existing) throw duplicate(existing.number);
        }
        const n = await repo.nextNumber(trx, unitCode, service.code, day);
        number = `${service.letter}-${String(n).padStart(3, '0')}`;
        await repo.insertTicket(trx, {
          id,
          unit_code: unitCode,
          day,
          service: service.code,
          number,
          priority,
          phone,
          source: input.source,
          appointment_id: input.appointment?.id ?? null,
          slot_at: slotAt,
          status: 'waiting',
          cancel_reason: null,
          counter: null,
          official_id: null,
          official_name: null,
          taken_at: nowIso,
          order_at: slotAt ?? nowIso,
          called_at: null,
          served_at: null,
          done_at: null,
          expires_at: closing.toISOString(),
          recalls: 0,
          near_notified: 0,
          transferred_from: null,
          dossier_id: null,
          dossier_code: null,
          device: input.device?.slice(0, 64) ?? null,
          updated_at: nowIso,
        });
      });
    } catch (e) {
      if (e instanceof ConflictError) throw e;
      // Two requests for the same phone at once: the partial unique index refuses the second.
      if (isUniqueViolation(e) && phone) {
        const existing = await repo.findWaitingByPhone(this.deps.db, unitCode, service.code, phone, nowIso);
        throw duplicate(existing?.number ?? '');
      }
      throw e;
    }
    this.changed({ unitCode, kind: 'taken', ticketId: id, number, at: nowIso });
    const state = await this.dayState(unitCode);
    const ahead = state.ahead.get(id) ?? 0;
    // Already within three turns when taken: the ticket itself says so, no message needed.
    if (phone && ahead <= NEAR_TURNS) await repo.updateTicketIf(this.deps.db, id, ['waiting'], { near_notified: 1 });
    return { id, number, service: service.code, position: ahead, estimatedWaitMinutes: state.estimate.get(id) ?? 0, trackUrl: this.trackUrl(id) };
  }

  trackUrl(id: string): string {
    return `${this.deps.publicUrl}/hang-cho/${id}`;
  }

  /** The contract's ticket(id): the stored ticket, or undefined. */
  async ticket(id: string): Promise<Ticket | undefined> {
    if (!isTicketId(id)) return undefined;
    return repo.findTicket(this.deps.db, id);
  }

  /** What the live page and GET /api/queue/tickets/:id show. */
  async view(id: string): Promise<TicketView> {
    const t = await this.ticket(id);
    if (!t) throw new NotFoundError('Không tìm thấy số thứ tự này. Có thể đường dẫn chưa đủ, hoặc số đã quá hạn.', 'ticket_not_found');
    return this.viewOf(t);
  }

  /** The view from the unit's shared day state when the ticket is today's (live pages: no query each). */
  async viewOf(t: Pick<Ticket, 'id' | 'unitCode' | 'day'> & Partial<Ticket>): Promise<TicketView> {
    const now = this.now();
    if (t.day === vnDateOf(now)) {
      const state = await this.dayState(t.unitCode);
      const fresh = state.byId.get(t.id);
      if (fresh) return this.toView(fresh, state, now);
    }
    const row = t.number ? (t as Ticket) : await repo.findTicket(this.deps.db, t.id);
    if (!row) throw new NotFoundError('Không tìm thấy số thứ tự này.', 'ticket_not_found');
    const settings = await this.settings(row.unitCode);
    const services = await repo.listServices(this.deps.db, row.unitCode);
    const counters = await repo.listCounters(this.deps.db, row.unitCode);
    return this.toView(row, { settings, services, counters, ahead: new Map(), estimate: new Map() } as unknown as DayState, now);
  }

  private toView(t: Ticket, state: DayState, now: Date): TicketView {
    const expired = t.status === 'waiting' && t.expiresAt <= now.toISOString();
    const status = expired ? 'cancelled' : t.status;
    const counter = t.counter ? state.counters.find((c) => c.code === t.counter) : undefined;
    return {
      id: t.id,
      number: t.number,
      unitCode: t.unitCode,
      service: t.service,
      serviceName: state.services.find((s) => s.code === t.service)?.name ?? t.service,
      priority: t.priority,
      priorityLabel: t.priority ? priorityLabel(state.settings, t.priority) : null,
      status,
      position: status === 'waiting' ? (state.ahead.get(t.id) ?? 0) : null,
      estimatedWaitMinutes: status === 'waiting' ? (state.estimate.get(t.id) ?? 0) : null,
      counter: status === 'called' || status === 'serving' ? t.counter : null,
      counterName: status === 'called' || status === 'serving' ? (counter?.name ?? (t.counter ? `Quầy ${t.counter}` : null)) : null,
      takenAt: t.takenAt,
      calledAt: t.calledAt,
      recalls: t.recalls,
    };
  }

  /**
   * Today's views of several tickets of a unit from one read of its day (the live pages' fan-out:
   * one state for all, a map lookup per ticket). Tickets not of today are left out.
   */
  async ticketViews(unitCode: string, ids: Iterable<string>): Promise<Map<string, TicketView>> {
    const state = await this.dayState(unitCode);
    const now = this.now();
    const out = new Map<string, TicketView>();
    for (const id of ids) {
      const t = state.byId.get(id);
      if (t) out.set(id, this.toView(t, state, now));
    }
    return out;
  }

  /** The unit's day: read once per change (and at most every 15 s), shared by all readers. */
  async dayState(unitCode: string): Promise<DayState> {
    const version = this.events.version(unitCode);
    const now = this.now();
    const day = vnDateOf(now);
    const meta = this.stateMeta.get(unitCode);
    const cached = this.states.get(unitCode);
    if (cached && meta && meta.version === version && meta.day === day && Date.now() - meta.readAt < STATE_TTL_MS) return cached;
    const p = this.readState(unitCode, version, day, now);
    this.states.set(unitCode, p);
    this.stateMeta.set(unitCode, { version, readAt: Date.now(), day });
    p.catch(() => {
      if (this.states.get(unitCode) === p) this.states.delete(unitCode);
    });
    return p;
  }

  private async readState(unitCode: string, version: number, day: string, now: Date): Promise<DayState> {
    const db = this.deps.db;
    const [settings, services, counters, tickets] = await Promise.all([this.settings(unitCode), repo.listServices(db, unitCode), repo.listCounters(db, unitCode), repo.dayTickets(db, unitCode, day)]);
    const { ahead, estimate } = estimates(tickets, services, counters, settings, now);
    return { version, readAt: Date.now(), day, settings, services, counters, tickets, byId: new Map(tickets.map((t) => [t.id, t])), ahead, estimate };
  }

  /** The TV display's state. */
  async board(unitCode: string): Promise<Board> {
    const state = await this.dayState(unitCode);
    const unitName = await this.deps.unitName(unitCode);
    const nowIso = this.now().toISOString();
    const current = (code: string) =>
      state.tickets.filter((t) => t.counter === code && (t.status === 'called' || t.status === 'serving')).sort((a, b) => (b.calledAt ?? '').localeCompare(a.calledAt ?? ''))[0];
    const called = state.tickets.filter((t) => t.calledAt && t.counter).sort((a, b) => (b.calledAt ?? '').localeCompare(a.calledAt ?? ''));
    const counterName = (code: string) => state.counters.find((c) => c.code === code)?.name ?? `Quầy ${code}`;
    return {
      unitCode,
      unitName,
      counters: state.counters
        .filter((c) => c.open)
        .map((c) => {
          const t = current(c.code);
          return { code: c.code, name: c.name, number: t?.number ?? null, priority: !!t?.priority, status: t?.status ?? null };
        }),
      lastCalls: called.slice(0, 6).map((t) => ({ number: t.number, counter: t.counter!, counterName: counterName(t.counter!), at: t.calledAt!, ticketId: t.id, recall: t.recalls })),
      waiting: state.services
        .filter((s) => s.active)
        .map((s) => ({ service: s.code, name: s.name, count: state.tickets.filter((t) => t.service === s.code && t.status === 'waiting' && t.expiresAt > nowIso).length })),
      version: state.version,
    };
  }

  /** What the counter official sees: the counter, its current ticket, the waiting list in call order. */
  async counterScreen(unitCode: string, counterCode: string | undefined) {
    const state = await this.dayState(unitCode);
    const now = this.now();
    const nowIso = now.toISOString();
    const counter = state.counters.find((c) => c.code === counterCode) ?? state.counters[0];
    const label = (code: string | null) => (code ? priorityLabel(state.settings, code) : null);
    const serviceName = (code: string) => state.services.find((s) => s.code === code)?.name ?? code;
    const cur = counter ? currentOf(state.tickets, counter.code) : undefined;
    const waiting = counter
      ? orderWaiting(
          state.tickets.filter((t) => t.status === 'waiting' && t.expiresAt > nowIso && counter.services.includes(t.service)),
          state.settings.priorityRule,
          nowIso,
        )
      : [];
    const row = (t: Ticket) => ({ ...t, serviceName: serviceName(t.service), priorityLabel: label(t.priority), waitedMinutes: Math.max(0, Math.round((Date.parse(t.calledAt ?? nowIso) - Date.parse(waitStart(t))) / 60_000)) });
    return {
      counter,
      counters: state.counters,
      services: state.services.filter((s) => s.active),
      settings: state.settings,
      current: cur ? row(cur) : undefined,
      waiting: waiting.map(row),
    };
  }

  // ---- at the counter ----

  /** The counter's ticket being called or served now, if any. */
  async currentAt(unitCode: string, counter: string): Promise<Ticket | undefined> {
    const tickets = await repo.dayTickets(this.deps.db, unitCode, vnDateOf(this.now()));
    return currentOf(tickets, counter);
  }

  /** Calls the next ticket at a counter (the previous one there is finished). Undefined: nobody waits. */
  async callNext(official: QueueOfficial, counterCode: string): Promise<Ticket | undefined> {
    const unitCode = official.unitCode;
    const counter = await this.getCounter(unitCode, counterCode);
    if (!counter.open) throw new RuleViolationError('counter_closed', `${counter.name} đang đóng. Mở quầy (chọn dịch vụ) trước khi gọi số.`);
    const settings = await this.settings(unitCode);
    for (let attempt = 0; attempt < 5; attempt++) {
      const now = this.now();
      const nowIso = now.toISOString();
      const day = vnDateOf(now);
      const result = await this.deps.db.transaction().execute(async (trx) => {
        const tickets = await repo.dayTickets(trx, unitCode, day);
        const cur = currentOf(tickets, counterCode);
        if (cur) await repo.updateTicketIf(trx, cur.id, ['called', 'serving'], { status: 'done', done_at: nowIso, served_at: cur.servedAt ?? cur.calledAt, updated_at: nowIso });
        const candidates = tickets.filter((t) => t.status === 'waiting' && t.expiresAt > nowIso && counter.services.includes(t.service));
        const pick = pickNext(candidates, settings.priorityRule, settings.priorityEvery, othersSincePriority(tickets, counterCode), nowIso);
        if (!pick) return { ticket: undefined as Ticket | undefined, raced: false, finished: cur };
        const ok = await repo.updateTicketIf(trx, pick.id, ['waiting'], { status: 'called', counter: counterCode, official_id: official.id, official_name: official.fullName, called_at: nowIso, updated_at: nowIso });
        if (!ok) return { ticket: undefined, raced: true, finished: cur };
        const called: Ticket = { ...pick, status: 'called', counter: counterCode, officialId: official.id, officialName: official.fullName, calledAt: nowIso };
        return { ticket: called, raced: false, finished: cur };
      });
      if (result.raced) continue;
      if (result.finished) this.changed({ unitCode, kind: 'done', ticketId: result.finished.id, number: result.finished.number, counter: counterCode, at: nowIso });
      if (result.ticket) this.changed({ unitCode, kind: 'called', ticketId: result.ticket.id, number: result.ticket.number, counter: counterCode, at: nowIso });
      await this.notifyAfterCall(unitCode, result.ticket, counter.name);
      return result.ticket;
    }
    throw new ConflictError('busy', 'Nhiều quầy cùng gọi một lúc; xin bấm gọi lại.');
  }

  /**
   * "Your turn" to the called ticket's phone, "three turns away" to those now near: written to the
   * outbox after the call (its own transaction; the dedup keys make a retry harmless).
   */
  private async notifyAfterCall(unitCode: string, called: Ticket | undefined, counterName: string): Promise<void> {
    const notify = this.deps.notify;
    if (!notify) return;
    const db = this.deps.db;
    // The day as it is after the call: the same read the live pages' fan-out uses (one query for both).
    const { tickets, ahead } = await this.dayState(unitCode);
    const near = tickets.filter((t) => t.status === 'waiting' && t.phone && !t.nearNotified && (ahead.get(t.id) ?? Infinity) <= NEAR_TURNS);
    const messages: Array<{ phone: string; key: string; event: string; body: string; nearId?: string }> = [];
    if (called?.phone) messages.push({ phone: called.phone, key: `queue:${called.id}:called:${called.recalls}`, event: 'queue_called', body: `Đến lượt bạn: mời số ${called.number} đến ${counterName}. Theo dõi: ${this.trackUrl(called.id)}` });
    for (const t of near) {
      const a = ahead.get(t.id)!;
      const before = a === 0 ? 'Bạn là người tiếp theo' : `Còn ${a} người trước bạn`;
      messages.push({ phone: t.phone!, key: `queue:${t.id}:near`, event: 'queue_near', body: `Số ${t.number}: ${before}. Xin quay lại quầy một cửa. Theo dõi: ${this.trackUrl(t.id)}`, nearId: t.id });
    }
    if (!messages.length) return;
    const prefs = new Map<string, { channels: readonly string[]; zaloUserId: string } | undefined>();
    for (const m of messages) if (!prefs.has(m.phone)) prefs.set(m.phone, await notify.prefsFor(m.phone).catch(() => undefined));
    await db.transaction().execute(async (trx) => {
      for (const m of messages) {
        if (m.nearId && !(await repo.updateTicketIf(trx, m.nearId, ['waiting'], { near_notified: 1 }))) continue;
        await notify.enqueue(trx, { channel: 'sms', recipient: m.phone, event: m.event, body: m.body, unitCode, dedupKey: m.key });
        const p = prefs.get(m.phone);
        if (p?.channels.includes('zalo') && p.zaloUserId) await notify.enqueue(trx, { channel: 'zalo', recipient: p.zaloUserId, event: m.event, body: m.body, unitCode, dedupKey: `${m.key}:zalo` });
      }
    });
  }

  /** Calls the counter's current ticket again (display, live page and phone). */
  async recall(official: QueueOfficial, counterCode: string): Promise<Ticket> {
    const unitCode = official.unitCode;
    const counter = await this.getCounter(unitCode, counterCode);
    const cur = await this.mustCurrent(unitCode, counterCode);
    const nowIso = this.now().toISOString();
    const recalled: Ticket = { ...cur, recalls: cur.recalls + 1 };
    if (!(await repo.updateTicketIf(this.deps.db, cur.id, ['called', 'serving'], { recalls: cur.recalls + 1, updated_at: nowIso }))) throw new ConflictError('ticket_changed', 'Số này vừa thay đổi; xin tải lại trang.');
    this.changed({ unitCode, kind: 'recalled', ticketId: cur.id, number: cur.number, counter: counterCode, at: nowIso });
    await this.notifyAfterCall(unitCode, recalled, counter.name);
    return recalled;
  }

  /** The citizen has come: serving starts (the service time is counted from here). */
  async serve(official: QueueOfficial, counterCode: string): Promise<Ticket> {
    return this.finishStep(official, counterCode, ['called'], (nowIso) => ({ status: 'serving', served_at: nowIso }), 'serving');
  }

  /** Served: the ticket is done. */
  async done(official: QueueOfficial, counterCode: string): Promise<Ticket> {
    return this.finishStep(official, counterCode, ['called', 'serving'], (nowIso, t) => ({ status: 'done', done_at: nowIso, served_at: t.servedAt ?? t.calledAt }), 'done');
  }

  /** Nobody came. */
  async noShow(official: QueueOfficial, counterCode: string): Promise<Ticket> {
    return this.finishStep(official, counterCode, ['called'], (nowIso) => ({ status: 'no_show', done_at: nowIso }), 'no_show');
  }

  private async finishStep(
    official: QueueOfficial,
    counterCode: string,
    from: Array<'called' | 'serving'>,
    set: (nowIso: string, t: Ticket) => Record<string, unknown>,
    kind: QueueEvent['kind'],
  ): Promise<Ticket> {
    const unitCode = official.unitCode;
    await this.getCounter(unitCode, counterCode);
    const cur = await this.mustCurrent(unitCode, counterCode);
    const nowIso = this.now().toISOString();
    if (!from.includes(cur.status as 'called')) throw new RuleViolationError('wrong_state', `Số ${cur.number} đang ở trạng thái "${cur.status === 'serving' ? 'đang phục vụ' : cur.status}".`);
    const fields = set(nowIso, cur);
    if (!(await repo.updateTicketIf(this.deps.db, cur.id, from, { ...fields, updated_at: nowIso }))) throw new ConflictError('ticket_changed', 'Số này vừa thay đổi; xin tải lại trang.');
    this.changed({ unitCode, kind, ticketId: cur.id, number: cur.number, counter: counterCode, at: nowIso });
    return (await repo.findTicket(this.deps.db, cur.id))!;
  }

  private async mustCurrent(unitCode: string, counterCode: string): Promise<Ticket> {
    const cur = await this.currentAt(unitCode, counterCode);
    if (!cur) throw new RuleViolationError('no_current_ticket', 'Quầy chưa gọi số nào. Bấm "Gọi số tiếp theo".');
    return cur;
  }

  /**
   * Sends a ticket to another service keeping its place: its order time stays the time it was
   * taken, so it comes before everyone who took a number after it.
   */
  async transfer(official: QueueOfficial, ref: { counter?: string; ticketId?: string }, toService: string): Promise<Ticket> {
    const unitCode = official.unitCode;
    const t = ref.ticketId ? await this.ticket(ref.ticketId) : ref.counter ? await this.currentAt(unitCode, ref.counter) : undefined;
    if (!t || t.unitCode !== unitCode) throw new NotFoundError('Không tìm thấy số cần chuyển ở đơn vị của bạn.', 'ticket_not_found');
    const services = await repo.listServices(this.deps.db, unitCode);
    if (!services.some((s) => s.code === toService && s.active)) throw new ValidationError('Chọn dịch vụ nhận số chuyển sang.', [{ field: 'service', code: 'unknown_service', message: 'Dịch vụ không hợp lệ' }], 'unknown_service');
    if (toService === t.service) throw new RuleViolationError('same_service', 'Số này đã thuộc dịch vụ đó.');
    const nowIso = this.now().toISOString();
    const ok = await repo.updateTicketIf(this.deps.db, t.id, ['waiting', 'called', 'serving'], {
      status: 'waiting',
      service: toService,
      transferred_from: t.service,
      counter: null,
      official_id: null,
      official_name: null,
      called_at: null,
      served_at: null,
      near_notified: 0,
      updated_at: nowIso,
    });
    if (!ok) throw new RuleViolationError('wrong_state', `Số ${t.number} đã xong hoặc đã hủy, không chuyển được.`);
    this.changed({ unitCode, kind: 'transferred', ticketId: t.id, number: t.number, at: nowIso });
    return (await repo.findTicket(this.deps.db, t.id))!;
  }

  /** The counter reception opened from a ticket: the dossier and the ticket are linked (the wait is on record). */
  async linkDossier(unitCode: string, ticketId: string, dossier: { id: string; code: string | null }): Promise<void> {
    const t = await this.ticket(ticketId);
    if (!t || t.unitCode !== unitCode) throw new NotFoundError('Không tìm thấy số thứ tự ở đơn vị của bạn.', 'ticket_not_found');
    const nowIso = this.now().toISOString();
    await this.deps.db
      .updateTable('queue_tickets')
      .set({ dossier_id: dossier.id, dossier_code: dossier.code, updated_at: nowIso })
      .where('id', '=', ticketId)
      .execute();
    // Receiving the dossier is serving the citizen.
    await repo.updateTicketIf(this.deps.db, ticketId, ['called'], { status: 'serving', served_at: nowIso, updated_at: nowIso });
    this.changed({ unitCode, kind: 'serving', ticketId, number: t.number, counter: t.counter ?? undefined, at: nowIso });
  }

  /** The ticket that led to a dossier's reception, if any (its wait, for the record). */
  async ticketOfDossier(dossierId: string): Promise<Ticket | undefined> {
    const r = await this.deps.db.selectFrom('queue_tickets').selectAll().where('dossier_id', '=', dossierId).executeTakeFirst();
    return r ? repo.toTicket(r) : undefined;
  }

  /** Publishes a change: caches move on, SSE streams push. */
  private changed(e: QueueEvent): void {
    this.events.emit(e);
  }
}

function duplicate(number: string): ConflictError {
  return new ConflictError('ticket_exists', `Số điện thoại này đã có số ${number} đang chờ cho dịch vụ này. Mỗi số điện thoại chỉ giữ một số chờ cho mỗi dịch vụ.`);
}

function isUniqueViolation(e: unknown): boolean {
  const x = e as { code?: string; message?: string };
  return x?.code === '23505' || x?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint/i.test(x?.message ?? '');
}

/** Ticket ids are 22 base64url characters (128 random bits). */
export function isTicketId(id: string): boolean {
  return /^[A-Za-z0-9_-]{22}$/.test(id);
}

/** Where a ticket's wait starts: when it was taken, or an early appointment's slot. */
export function waitStart(t: { takenAt: string; slotAt: string | null }): string {
  return t.slotAt && t.slotAt > t.takenAt ? t.slotAt : t.takenAt;
}

/** A category's label; one the unit has since removed keeps its default label on the tickets that carry it. */
function priorityLabel(settings: QueueSettings, code: string): string {
  return settings.categories.find((c) => c.code === code)?.label ?? DEFAULT_CATEGORIES.find((c) => c.code === code)?.label ?? code;
}

function currentOf(tickets: Ticket[], counter: string): Ticket | undefined {
  return tickets.filter((t) => t.counter === counter && (t.status === 'called' || t.status === 'serving')).sort((a, b) => (b.calledAt ?? '').localeCompare(a.calledAt ?? ''))[0];
}

/** A counter's calls today since its last priority call; null when it called no priority ticket today. */
function othersSincePriority(tickets: Ticket[], counter: string): number | null {
  const calls = tickets.filter((t) => t.counter === counter && t.calledAt).sort((a, b) => (b.calledAt ?? '').localeCompare(a.calledAt ?? ''));
  const i = calls.findIndex((t) => t.priority);
  return i < 0 ? null : i;
}

/**
 * Position (tickets before it in its service) and estimated wait of every waiting ticket: the
 * tickets before it × the day's mean service time of the service (its default before anyone was
 * served) ÷ the open counters serving it.
 */
export function estimates(tickets: Ticket[], services: ServiceRow[], counters: Counter[], settings: QueueSettings, now: Date): { ahead: Map<string, number>; estimate: Map<string, number> } {
  const nowIso = now.toISOString();
  const ahead = new Map<string, number>();
  const estimate = new Map<string, number>();
  const waiting = tickets.filter((t) => t.status === 'waiting' && t.expiresAt > nowIso);
  for (const s of services) {
    const list = orderWaiting(
      waiting.filter((t) => t.service === s.code),
      settings.priorityRule,
      nowIso,
    );
    const durations = tickets
      .filter((t) => t.service === s.code && t.status === 'done' && t.doneAt && (t.servedAt ?? t.calledAt))
      .map((t) => (Date.parse(t.doneAt!) - Date.parse((t.servedAt ?? t.calledAt)!)) / 60_000)
      .filter((m) => m > 0 && m < 240);
    const mean = durations.length ? durations.reduce((a, b) => a + b, 0) / durations.length : s.defaultMinutes;
    const open = Math.max(1, counters.filter((c) => c.open && c.services.includes(s.code)).length);
    list.forEach((t, i) => {
      ahead.set(t.id, i);
      estimate.set(t.id, Math.ceil((i * mean) / open));
    });
  }
  return { ahead, estimate };
}

/**
 * The contract's read for the statistics: every ticket taken in [from, to) at a unit, with its times;
 * a ticket still waiting after its expiry (as of `now`, the app's clock) counts as cancelled.
 */
export async function ticketFacts(db: Exec, q: { unitCode: string; from: Date; to: Date; now: Date }): Promise<TicketFact[]> {
  const now = q.now.toISOString();
  const rows = await repo.ticketsBetween(db, q.unitCode, q.from.toISOString(), q.to.toISOString());
  return rows.map((t) => ({
    id: t.id,
    service: t.service,
    counter: t.counter,
    officialId: t.officialId,
    priority: t.priority,
    source: t.source,
    takenAt: t.takenAt,
    slotAt: t.slotAt,
    calledAt: t.calledAt,
    servedAt: t.servedAt,
    doneAt: t.doneAt,
    status: t.status === 'waiting' && t.expiresAt <= now ? 'cancelled' : t.status,
  }));
}

/** Queue lengths now: today's waiting tickets per unit and service (Vietnam's day), for /metrics. */
export function queueLengths(db: Exec, now: Date): Promise<Array<{ unitCode: string; service: string; waiting: number }>> {
  return repo.waitingCounts(db, vnDateOf(now), now.toISOString());
}
