/**
 * Appointments at the counter (issue 13): the unit's sessions, the free slots they give on the
 * days the unit is open, bookings (web, counter, assistant, Zalo, API) with a code, a signed link
 * and a reminder the day before, moved or cancelled by the citizen with the same proof as changing
 * a dossier, and the ticket an appointment gets when the citizen arrives on time (called at its
 * slot by the queue).
 */
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema';
import type { Clock } from '../shared/clock';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '../shared/errors';
import { uuidv7 } from '../shared/ids';
import { normalizePhone, PHONE_MESSAGE } from '../shared/phone';
import { fold, stripDiacritics } from '../shared/vietnamese';
import * as repo from './appointment.repo';
import { addDays, minutesOf, slotsOfDay, vnInstant, vnParts } from './appointment.slots';
import type { Appointment, AppointmentSource, ArrivalTicket, BookableService, OpeningHours, QueuePort, Session, Slot } from './appointment.types';

/** How far ahead a citizen may book (days). */
export const BOOKING_DAYS = 30;
/** An arrival is on time from this long before the slot… */
export const EARLY_ARRIVAL_MIN = 30;
/** …to this long after its start (later: a normal ticket). */
export const LATE_ARRIVAL_MIN = 15;
/** A booking closes this long before the slot (the counter prepares its list). */
const BOOKING_LEAD_MIN = 0;

type Exec = repo.Exec;

/** Who acts on an appointment (the session's actor, as the routes see it). */
export type AppointmentActor =
  | { kind: 'anonymous' }
  | { kind: 'citizen'; id: string; phone: string }
  | { kind: 'staff'; id: string; unitCode: string; role: string; name?: string };

/** The ways to prove a booking is one's own: signed link, the booking's phone (read only), a one-time code. */
export interface AppointmentProof {
  token?: string;
  phone?: string;
  otp?: string;
}

export interface AppointmentDeps {
  db: Kysely<DB>;
  clock: Clock;
  /** The queue (src/queue): its services and tickets. Undefined until it is wired. */
  queue: () => QueuePort | undefined;
  openingHours: OpeningHours;
  /** Queues a message in the caller's transaction (the notification module's outbox). */
  enqueue(trx: Exec, n: { channel: 'sms' | 'zalo'; recipient: string; event: string; body: string; unitCode: string; dedupKey: string }): Promise<boolean>;
  /** Checks a one-time code sent to the phone (AccountService.verifyOtp, purpose verify_phone). */
  verifyOtp(phone: string, code: string): Promise<unknown>;
  unitName(unitCode: string): Promise<string>;
  secret: string;
  publicUrl: string;
  smsUnicode?: boolean;
}

const hhmmSchema = z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ có dạng HH:MM, ví dụ 07:30');
const dateSchema = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày có dạng YYYY-MM-DD, ví dụ 2026-12-05');

export const sessionInputSchema = z
  .object({
    service: z.string().trim().min(1, 'Chọn dịch vụ (nhóm lĩnh vực) nhận lịch hẹn').max(40),
    weekdays: z.array(z.coerce.number().int().min(1, 'Thứ trong tuần từ 1 (Thứ Hai) đến 7 (Chủ nhật)').max(7, 'Thứ trong tuần từ 1 (Thứ Hai) đến 7 (Chủ nhật)')).max(7).default([]),
    onDate: dateSchema.nullish(),
    start: hhmmSchema,
    end: hhmmSchema,
    slotMinutes: z.coerce.number({ message: 'Độ dài một lượt là số phút' }).int().min(5, 'Một lượt dài ít nhất 5 phút').max(240, 'Một lượt dài nhiều nhất 240 phút'),
    counters: z.coerce.number({ message: 'Số quầy là số nguyên' }).int().min(1, 'Ít nhất 1 quầy').max(50, 'Nhiều nhất 50 quầy'),
    perCounter: z.coerce.number({ message: 'Số người mỗi quầy là số nguyên' }).int().min(1, 'Mỗi quầy nhận ít nhất 1 người một lượt').max(20, 'Mỗi quầy nhận nhiều nhất 20 người một lượt'),
    validFrom: dateSchema.nullish(),
    validTo: dateSchema.nullish(),
  })
  .superRefine((s, ctx) => {
    if (minutesOf(s.end) <= minutesOf(s.start)) ctx.addIssue({ code: 'custom', path: ['end'], message: 'Giờ kết thúc phải sau giờ bắt đầu' });
    else if (minutesOf(s.end) - minutesOf(s.start) < s.slotMinutes) ctx.addIssue({ code: 'custom', path: ['slotMinutes'], message: 'Buổi ngắn hơn một lượt' });
    if (!s.onDate && s.weekdays.length === 0) ctx.addIssue({ code: 'custom', path: ['weekdays'], message: 'Chọn các thứ trong tuần, hoặc một ngày cụ thể' });
    if (s.validFrom && s.validTo && s.validTo < s.validFrom) ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'Ngày kết thúc phải sau ngày bắt đầu' });
  });

export const bookingInputSchema = z.object({
  service: z.string({ message: 'Chọn dịch vụ' }).trim().min(1, 'Chọn dịch vụ').max(40),
  slotAt: z.string({ message: 'Chọn giờ hẹn' }).trim().min(1, 'Chọn giờ hẹn').max(40),
  fullName: z.string({ message: 'Nhập họ tên' }).trim().min(1, 'Nhập họ tên').max(100, 'Họ tên tối đa 100 ký tự').regex(/\p{L}/u, 'Họ tên phải có chữ cái'),
  phone: z.string({ message: PHONE_MESSAGE }).trim().max(20, PHONE_MESSAGE).refine((v) => !!normalizePhone(v), { message: PHONE_MESSAGE, params: { code: 'invalid_phone' } }),
  procedureCode: z.string().trim().max(40).nullish(),
  dossierCode: z
    .string()
    .trim()
    .regex(/^(\d{2,5}-\d{6}-\d{4,})?$/, 'Mã hồ sơ có dạng 00004-261129-0001')
    .nullish(),
});
export type BookingInput = z.input<typeof bookingInputSchema>;

function parse<S extends z.ZodType>(schema: S, input: unknown, message: string, code?: string): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const seen = new Set<string>();
  throw new ValidationError(
    message,
    r.error.issues.filter((i) => !seen.has(i.path.join('.')) && !!seen.add(i.path.join('.'))).map((i) => ({ field: i.path.join('.') || '(gốc)', code: i.path[0] === 'phone' ? 'invalid_phone' : i.code === 'custom' || i.code === 'invalid_format' ? `invalid_${String(i.path[0] ?? 'input')}` : i.code, message: i.message })),
    code,
  );
}

/** Booking codes: no 0/O, 1/I/L (read over the phone). */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export class AppointmentService {
  constructor(private readonly deps: AppointmentDeps) {}

  private get db() {
    return this.deps.db;
  }
  private now(): Date {
    return this.deps.clock.now();
  }

  // ------------------------------------------------------------------ sessions

  /** The services a unit books for: the queue's services (names), else the sessions' codes. */
  async services(unitCode: string): Promise<BookableService[]> {
    const q = this.deps.queue();
    const sessions = (await repo.listSessions(this.db, unitCode)).filter((s) => s.active);
    const used = new Set(sessions.map((s) => s.service));
    if (q) {
      const all = await q.services(unitCode).catch(() => []);
      const named = all.filter((s) => used.has(s.code)).map((s) => ({ code: s.code, name: s.name }));
      const known = new Set(named.map((s) => s.code));
      return [...named, ...[...used].filter((c) => !known.has(c)).map((c) => ({ code: c, name: c }))];
    }
    return [...used].map((c) => ({ code: c, name: c }));
  }

  /** Every service the queue knows (the session form offers them). */
  async queueServices(unitCode: string): Promise<BookableService[]> {
    const q = this.deps.queue();
    if (!q) return this.services(unitCode);
    return (await q.services(unitCode)).map((s) => ({ code: s.code, name: s.name }));
  }

  async serviceName(unitCode: string, code: string): Promise<string> {
    return (await this.queueServices(unitCode).catch(() => [])).find((s) => s.code === code)?.name ?? code;
  }

  listSessions(unitCode: string): Promise<Session[]> {
    return repo.listSessions(this.db, unitCode);
  }

  /**
   * Defines a session. A one-date session on a day the unit is closed is refused (day_closed); a
   * weekly session gives slots only on the days the unit is open (a Saturday session on its
   * working Saturdays).
   */
  async createSession(unitCode: string, input: unknown): Promise<Session> {
    const s = parse(sessionInputSchema, input, 'Buổi nhận lịch hẹn chưa hợp lệ.', 'invalid_session');
    const queue = this.deps.queue();
    if (queue) {
      const known = await queue.services(unitCode);
      if (known.length && !known.some((k) => k.code === s.service)) {
        throw new ValidationError('Dịch vụ không có ở đơn vị này.', [{ field: 'service', code: 'unknown_service', message: 'Dịch vụ không có ở đơn vị này' }], 'invalid_session');
      }
    }
    if (s.onDate) {
      const hours = await this.hoursOf(unitCode, s.onDate, [s.service]);
      const start = minutesOf(s.start);
      const end = minutesOf(s.end);
      const open = hours.some((h) => minutesOf(h.from) < end && start < minutesOf(h.to) && (!h.services?.length || h.services.includes(s.service)));
      if (!open) throw new RuleViolationError('day_closed', `Ngày ${formatVnDate(s.onDate)} đơn vị không làm việc${hours.length ? ' vào giờ này hoặc không tiếp nhận dịch vụ này' : ''}: không thể mở buổi nhận lịch hẹn.`);
    }
    const session: Session = {
      id: uuidv7(),
      unitCode,
      service: s.service,
      weekdays: s.onDate ? [] : [...new Set(s.weekdays)].sort(),
      onDate: s.onDate ?? null,
      start: s.start,
      end: s.end,
      slotMinutes: s.slotMinutes,
      counters: s.counters,
      perCounter: s.perCounter,
      validFrom: s.validFrom ?? null,
      validTo: s.validTo ?? null,
      active: true,
    };
    await repo.insertSession(this.db, session, this.now().toISOString());
    return session;
  }

  async setSessionActive(unitCode: string, id: string, active: boolean): Promise<void> {
    const s = await repo.findSession(this.db, id);
    if (!s || s.unitCode !== unitCode) throw new NotFoundError('Không có buổi nhận lịch hẹn này.', 'session_not_found');
    await repo.setSessionActive(this.db, id, active, this.now().toISOString());
  }

  // ------------------------------------------------------------------ slots

  /**
   * A day's opening hours with the services each interval receives written as queue service
   * codes: the calendar names them as people do ("hộ tịch", "cư trú"), matched against the queue
   * service's code, name and fields, without marks.
   */
  private async hoursOf(unitCode: string, date: string, codes: string[]): Promise<Array<{ from: string; to: string; services?: string[] }>> {
    const hours = await this.deps.openingHours(unitCode, date);
    if (!hours.some((h) => h.services?.length)) return hours;
    const q = this.deps.queue();
    const info = q ? await q.services(unitCode).catch(() => []) : [];
    const terms = (code: string) => {
      const i = info.find((x) => x.code === code);
      return [code, i?.name ?? '', ...(i?.fieldCodes ?? [])].map((t) => fold(t).replace(/[^a-z0-9]+/g, ' ').trim()).filter(Boolean);
    };
    return hours.map((h) => {
      if (!h.services?.length) return h;
      const listed = h.services.map((x) => fold(x).replace(/[^a-z0-9]+/g, ' ').trim()).filter(Boolean);
      const served = codes.filter((c) => terms(c).some((t) => listed.some((l) => t === l || t.includes(l) || l.includes(t))));
      // Nothing of ours is received then: a service list that matches no session.
      return { ...h, services: served.length ? served : ['\u0000'] };
    });
  }

  /**
   * Free and full slots from `from` (a Vietnam date, today by default) for `days` days, only on
   * days the unit is open and never in the past.
   */
  async slots(unitCode: string, opts: { service?: string; from?: string; days?: number; onlyFree?: boolean } = {}): Promise<Slot[]> {
    const now = this.now();
    const today = vnParts(now).date;
    const from = opts.from && opts.from > today ? opts.from : today;
    const last = addDays(today, BOOKING_DAYS);
    const days = Math.min(opts.days ?? 7, 31);
    const sessions = (await repo.listSessions(this.db, unitCode)).filter((s) => s.active && (!opts.service || s.service === opts.service));
    if (!sessions.length) return [];
    const to = addDays(from, days);
    const booked = await repo.bookedBetween(this.db, unitCode, vnInstant(from, 0).toISOString(), vnInstant(to, 0).toISOString());
    const out: Slot[] = [];
    const after = new Date(now.getTime() + BOOKING_LEAD_MIN * 60_000);
    for (let d = from; d < to && d <= last; d = addDays(d, 1)) {
      const hours = await this.hoursOf(unitCode, d, [...new Set(sessions.map((x) => x.service))]);
      if (!hours.length) continue;
      out.push(...slotsOfDay(sessions, d, hours, booked, { service: opts.service, after }));
    }
    return opts.onlyFree ? out.filter((s) => s.free > 0) : out;
  }

  /** The slot starting at `at` for a service, if it exists and is bookable now. */
  private async slotAt(unitCode: string, service: string, at: string): Promise<Slot> {
    const t = Date.parse(at);
    if (!Number.isFinite(t)) throw new ValidationError('Giờ hẹn không hợp lệ.', [{ field: 'slotAt', code: 'invalid_slot', message: 'Giờ hẹn không hợp lệ' }]);
    const iso = new Date(t).toISOString();
    const { date } = vnParts(iso);
    const found = (await this.slots(unitCode, { service, from: date, days: 1 })).find((s) => s.at === iso);
    if (!found) throw new RuleViolationError('slot_unavailable', 'Giờ hẹn này không có hoặc đã qua. Xin chọn một giờ khác trong danh sách.');
    return found;
  }

  // ------------------------------------------------------------------ bookings

  /**
   * Books a slot. The place is taken atomically (slot_full when another booking took the last
   * one); one active booking per phone, service and day (already_booked). A confirmation with the
   * signed link goes to the phone (and Zalo) through the outbox in the same transaction.
   */
  async book(unitCode: string, input: unknown, ctx: { source: AppointmentSource; zaloUserId?: string; createdBy?: string }): Promise<{ appointment: Appointment; link: string }> {
    const b = parse(bookingInputSchema, input, 'Thông tin đặt lịch chưa hợp lệ.', 'invalid_booking');
    const phone = normalizePhone(b.phone);
    if (!phone) throw new ValidationError(PHONE_MESSAGE, [{ field: 'phone', code: 'invalid_phone', message: PHONE_MESSAGE }], 'invalid_booking');
    const slot = await this.slotAt(unitCode, b.service, b.slotAt);
    if (slot.free <= 0) throw new ConflictError('slot_full', 'Giờ hẹn này vừa hết chỗ. Xin chọn một giờ khác.');
    const nowIso = this.now().toISOString();
    const dayFrom = vnInstant(slot.date, 0).toISOString();
    const dayTo = vnInstant(addDays(slot.date, 1), 0).toISOString();
    const id = uuidv7();
    const code = await this.newCode();
    const row = {
      id,
      code,
      unit_code: unitCode,
      service: b.service,
      session_id: slot.sessionId,
      procedure_code: b.procedureCode || null,
      dossier_code: b.dossierCode || null,
      slot_at: slot.at,
      slot_minutes: slot.minutes,
      full_name: b.fullName.replace(/\s+/g, ' '),
      phone,
      zalo_user_id: ctx.zaloUserId ?? null,
      source: ctx.source,
      status: 'booked',
      moves: 0,
      ticket_id: null,
      ticket_number: null,
      arrived_at: null,
      cancelled_at: null,
      reminded_slot: null,
      created_by: ctx.createdBy ?? null,
      created_at: nowIso,
      updated_at: nowIso,
    };
    const unitName = await this.deps.unitName(unitCode);
    const serviceName = await this.serviceName(unitCode, b.service);
    await this.db.transaction().execute(async (trx) => {
      if ((await repo.countActiveForPhone(trx, unitCode, b.service, phone, dayFrom, dayTo)) > 0) {
        throw new ConflictError('already_booked', 'Số điện thoại này đã có lịch hẹn cho dịch vụ này trong ngày. Xin đổi hoặc hủy lịch đã đặt.');
      }
      if (!(await repo.takePlace(trx, unitCode, b.service, slot.at, slot.capacity))) {
        throw new ConflictError('slot_full', 'Giờ hẹn này vừa hết chỗ. Xin chọn một giờ khác.');
      }
      await repo.insertAppointment(trx, row);
      const text = `Lịch hẹn ${code}: ${serviceName}, ${slotText(slot.at)} tại ${unitName}. Xem, đổi hoặc hủy: ${this.link(code)}`;
      await this.notify(trx, repo.toAppointment(row), 'appointment_booked', text, `appt-booked:${id}`);
    });
    return { appointment: repo.toAppointment(row), link: this.link(code) };
  }

  private async newCode(): Promise<string> {
    for (let i = 0; i < 5; i++) {
      let c = 'LH';
      for (let j = 0; j < 8; j++) c += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
      if (!(await repo.findByCode(this.db, c))) return c;
    }
    throw new Error('Không tạo được mã lịch hẹn');
  }

  private async notify(trx: Exec, a: Appointment, event: string, text: string, dedupKey: string): Promise<void> {
    const sms = this.deps.smsUnicode ? text.normalize('NFC') : stripDiacritics(text);
    await this.deps.enqueue(trx, { channel: 'sms', recipient: a.phone, event, body: sms, unitCode: a.unitCode, dedupKey });
    if (a.zaloUserId) await this.deps.enqueue(trx, { channel: 'zalo', recipient: a.zaloUserId, event, body: text.normalize('NFC'), unitCode: a.unitCode, dedupKey: `${dedupKey}:zalo` });
  }

  /** The signed token of a booking (the link in its messages): possession proves it is one's own. */
  token(code: string): string {
    return createHmac('sha256', this.deps.secret).update(`appointment:${code}`).digest('base64url').slice(0, 24);
  }

  checkToken(code: string, token: string | undefined): boolean {
    if (!token) return false;
    const a = Buffer.from(this.token(code));
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  link(code: string): string {
    return `${this.deps.publicUrl}/lich-hen/${code}?t=${this.token(code)}`;
  }

  /**
   * Reads a booking: staff of its unit, the citizen whose phone it is, the signed link, or the
   * code with its phone. A wrong pair answers like a code that does not exist.
   */
  async get(code: string, actor: AppointmentActor, proof: AppointmentProof = {}): Promise<Appointment> {
    const missing = () => new NotFoundError('Không tìm thấy lịch hẹn với mã và số điện thoại này.', 'appointment_not_found');
    const a = /^LH[0-9A-Z]{8}$/.test(code) ? await repo.findByCode(this.db, code) : undefined;
    if (!a) throw missing();
    if (actor.kind === 'staff') {
      if (actor.role !== 'supervisor' && actor.unitCode !== a.unitCode) throw missing();
      return a;
    }
    if (actor.kind === 'citizen' && actor.phone === a.phone) return a;
    if (this.checkToken(code, proof.token)) return a;
    if (proof.phone && normalizePhone(proof.phone) === a.phone) return a;
    throw missing();
  }

  /**
   * Changing a booking needs what changing a dossier needs: the signed link, the citizen's own
   * session, an official of the unit, or a one-time code sent to the booking's phone.
   */
  async requireChangeProof(a: Appointment, actor: AppointmentActor, proof: AppointmentProof): Promise<void> {
    if (actor.kind === 'staff' && actor.unitCode === a.unitCode && actor.role !== 'supervisor') return;
    if (actor.kind === 'citizen' && actor.phone === a.phone) return;
    if (this.checkToken(a.code, proof.token)) return;
    if (proof.otp) {
      await this.deps.verifyOtp(a.phone, proof.otp);
      return;
    }
    throw new ForbiddenError(
      'Để đổi hoặc hủy lịch hẹn, xin mở đường dẫn trong tin nhắn xác nhận, đăng nhập bằng số điện thoại đã đặt, hoặc xác thực bằng mã gửi tới số điện thoại đó.',
      'stronger_proof_required',
    );
  }

  private assertChangeable(a: Appointment): void {
    if (a.status === 'cancelled') throw new ConflictError('appointment_cancelled', 'Lịch hẹn này đã được hủy.');
    if (a.status === 'arrived') throw new ConflictError('appointment_used', 'Lịch hẹn này đã được dùng để lấy số.');
    if (Date.parse(a.slotAt) <= this.now().getTime()) throw new ConflictError('appointment_past', 'Giờ hẹn đã qua, không đổi hoặc hủy được nữa.');
  }

  /** Moves a booking to another slot of the same service (the old place is given back). */
  async move(code: string, newSlotAt: string, actor: AppointmentActor, proof: AppointmentProof): Promise<Appointment> {
    const a = await this.get(code, actor, proof);
    await this.requireChangeProof(a, actor, proof);
    this.assertChangeable(a);
    const slot = await this.slotAt(a.unitCode, a.service, newSlotAt);
    if (slot.at === a.slotAt) return a;
    if (slot.free <= 0) throw new ConflictError('slot_full', 'Giờ hẹn này vừa hết chỗ. Xin chọn một giờ khác.');
    const unitName = await this.deps.unitName(a.unitCode);
    await this.db.transaction().execute(async (trx) => {
      if (!(await repo.takePlace(trx, a.unitCode, a.service, slot.at, slot.capacity))) throw new ConflictError('slot_full', 'Giờ hẹn này vừa hết chỗ. Xin chọn một giờ khác.');
      if (!(await repo.moveAppointment(trx, a.id, a.slotAt, { slotAt: slot.at, sessionId: slot.sessionId, slotMinutes: slot.minutes }, this.now().toISOString()))) {
        throw new ConflictError('appointment_changed', 'Lịch hẹn vừa được thay đổi ở nơi khác. Xin tải lại trang.');
      }
      await repo.releasePlace(trx, a.unitCode, a.service, a.slotAt);
      await this.notify(trx, a, 'appointment_moved', `Lịch hẹn ${a.code} đã đổi sang ${slotText(slot.at)} tại ${unitName}. Xem, đổi hoặc hủy: ${this.link(a.code)}`, `appt-moved:${a.id}:${slot.at}`);
    });
    return (await repo.findById(this.db, a.id))!;
  }

  async cancel(code: string, actor: AppointmentActor, proof: AppointmentProof): Promise<Appointment> {
    const a = await this.get(code, actor, proof);
    await this.requireChangeProof(a, actor, proof);
    this.assertChangeable(a);
    const unitName = await this.deps.unitName(a.unitCode);
    await this.db.transaction().execute(async (trx) => {
      if (!(await repo.cancelAppointment(trx, a.id, this.now().toISOString()))) throw new ConflictError('appointment_changed', 'Lịch hẹn vừa được thay đổi ở nơi khác. Xin tải lại trang.');
      await repo.releasePlace(trx, a.unitCode, a.service, a.slotAt);
      await this.notify(trx, a, 'appointment_cancelled', `Lịch hẹn ${a.code} (${slotText(a.slotAt)}) tại ${unitName} đã được hủy.`, `appt-cancelled:${a.id}`);
    });
    return (await repo.findById(this.db, a.id))!;
  }

  /**
   * The citizen has arrived: on time (from 30 minutes before the slot to 15 minutes after its
   * start) the booking gets a queue ticket marked as an appointment, which the queue calls at its
   * slot. Arriving twice gives the same ticket.
   */
  async arrive(code: string, actor: AppointmentActor, proof: AppointmentProof): Promise<Appointment> {
    const a = await this.get(code, actor, proof);
    if (actor.kind !== 'staff') await this.requireChangeProof(a, actor, proof);
    if (a.status === 'arrived') return a;
    if (a.status === 'cancelled') throw new ConflictError('appointment_cancelled', 'Lịch hẹn này đã được hủy.');
    const now = this.now().getTime();
    const slot = Date.parse(a.slotAt);
    if (now < slot - EARLY_ARRIVAL_MIN * 60_000) throw new RuleViolationError('too_early', `Chưa đến giờ nhận số: Ông/Bà có thể lấy số từ ${vnParts(new Date(slot - EARLY_ARRIVAL_MIN * 60_000)).time} (30 phút trước giờ hẹn).`);
    if (now > slot + LATE_ARRIVAL_MIN * 60_000) throw new RuleViolationError('too_late', 'Ông/Bà đến muộn quá 15 phút so với giờ hẹn: xin lấy số thứ tự thông thường.');
    const queue = this.deps.queue();
    if (!queue) throw new RuleViolationError('queue_unavailable', 'Hàng chờ của đơn vị chưa hoạt động: xin liên hệ quầy tiếp nhận.');
    const t = await queue.takeTicket({ unitCode: a.unitCode, service: a.service, phone: a.phone, source: 'appointment', appointment: { id: a.id, slotAt: new Date(a.slotAt) } });
    if (!(await repo.markArrived(this.db, a.id, { id: t.id, number: t.number }, new Date(now).toISOString()))) {
      const again = (await repo.findById(this.db, a.id))!;
      if (again.status === 'arrived') return again;
      throw new ConflictError('appointment_changed', 'Lịch hẹn vừa được thay đổi ở nơi khác. Xin tải lại trang.');
    }
    return (await repo.findById(this.db, a.id))!;
  }

  /** The ticket of an arrived booking, with its place now (undefined before the arrival). */
  async arrivalTicket(a: Appointment): Promise<ArrivalTicket | undefined> {
    if (!a.ticketId || !a.ticketNumber) return undefined;
    const q = this.deps.queue();
    const v = q?.view ? await q.view(a.ticketId).catch(() => undefined) : undefined;
    return {
      id: a.ticketId,
      number: v?.number ?? a.ticketNumber,
      status: v?.status ?? 'waiting',
      position: v ? v.position : null,
      estimatedWaitMinutes: v ? v.estimatedWaitMinutes : null,
      trackUrl: q?.trackUrl ? q.trackUrl(a.ticketId) : null,
    };
  }

  /**
   * The bookable service that receives a procedure's field (lĩnh vực) — what the procedure page's
   * "Đặt lịch" preselects. Undefined when no queue service lists the field.
   */
  async serviceForField(unitCode: string, field: string | undefined, among: BookableService[]): Promise<BookableService | undefined> {
    const q = this.deps.queue();
    if (!q || !field) return undefined;
    const key = fold(field).trim();
    const all = await q.services(unitCode).catch(() => []);
    const hit = all.find((s) => among.some((b) => b.code === s.code) && (s.fieldCodes ?? []).some((f) => fold(f).trim() === key));
    return hit ? among.find((b) => b.code === hit.code) : undefined;
  }

  /** A unit's bookings of a Vietnam day (the counter's list). */
  listDay(unitCode: string, date: string): Promise<Appointment[]> {
    return repo.listForUnit(this.db, unitCode, vnInstant(date, 0).toISOString(), vnInstant(addDays(date, 1), 0).toISOString());
  }

  /** A citizen's bookings (by phone) from today on. */
  async listForPhone(phone: string): Promise<Appointment[]> {
    const rows = await this.db.selectFrom('appointments').selectAll().where('phone', '=', phone).where('slot_at', '>=', vnInstant(vnParts(this.now()).date, 0).toISOString()).orderBy('slot_at').limit(50).execute();
    return rows.map(repo.toAppointment);
  }

  // ------------------------------------------------------------------ reminders

  /**
   * The reminder the day before: every booking of tomorrow (Vietnam time) not yet reminded for its
   * slot gets one SMS (and a Zalo message when booked through Zalo). Run by the worker every few
   * minutes; idempotent (outbox dedup key and `reminded_slot`), so a moved booking is reminded of
   * its new slot. Reminders go out from 07:00 so nobody is woken at night.
   */
  async sendReminders(): Promise<number> {
    const now = this.now();
    const { date, time } = vnParts(now);
    if (time < '07:00') return 0;
    const tomorrow = addDays(date, 1);
    const due = await repo.dueForReminder(this.db, vnInstant(tomorrow, 0).toISOString(), vnInstant(addDays(tomorrow, 1), 0).toISOString());
    let sent = 0;
    for (const a of due) {
      const unitName = await this.deps.unitName(a.unitCode);
      const serviceName = await this.serviceName(a.unitCode, a.service);
      await this.db.transaction().execute(async (trx) => {
        await this.notify(trx, a, 'appointment_reminder', `Nhắc lịch hẹn ${a.code}: ngày mai ${slotText(a.slotAt)}, ${serviceName} tại ${unitName}. Đến trước giờ hẹn để lấy số. Đổi hoặc hủy: ${this.link(a.code)}`, `appt-remind:${a.id}:${a.slotAt}`);
        await repo.setReminded(trx, a.id, a.slotAt);
      });
      sent++;
    }
    return sent;
  }
}

/** '08:30 Thứ Bảy 05/12/2026'. */
export function slotText(at: string): string {
  const { date, time } = vnParts(at);
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  const wd = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'][d];
  return `${time} ${wd} ${formatVnDate(date)}`;
}

export function formatVnDate(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}
