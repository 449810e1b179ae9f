/** Appointments at the counter (issue 13): sessions a unit defines, slots, bookings. */

export const APPOINTMENT_SOURCES = ['web', 'counter', 'assistant', 'zalo', 'api'] as const;
export type AppointmentSource = (typeof APPOINTMENT_SOURCES)[number];

export const APPOINTMENT_STATUSES = ['booked', 'cancelled', 'arrived'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const STATUS_TEXT: Record<AppointmentStatus, string> = {
  booked: 'Đã đặt lịch',
  cancelled: 'Đã hủy',
  arrived: 'Đã đến, đã lấy số',
};

export const SOURCE_TEXT: Record<AppointmentSource, string> = {
  web: 'Trên mạng',
  counter: 'Tại quầy',
  assistant: 'Trợ lý ảo',
  zalo: 'Zalo',
  api: 'API',
};

/** ISO weekday: 1 = Monday … 6 = Saturday, 7 = Sunday. */
export const WEEKDAY_TEXT: Record<number, string> = { 1: 'Thứ Hai', 2: 'Thứ Ba', 3: 'Thứ Tư', 4: 'Thứ Năm', 5: 'Thứ Sáu', 6: 'Thứ Bảy', 7: 'Chủ nhật' };

/** A session: when a service of a unit takes appointments, and how many per slot. */
export interface Session {
  id: string;
  unitCode: string;
  service: string;
  /** ISO weekdays, every week ([] when `onDate` is set). */
  weekdays: number[];
  /** One date only (e.g. a working Saturday). */
  onDate: string | null;
  /** 'HH:MM' Vietnam time. */
  start: string;
  end: string;
  slotMinutes: number;
  counters: number;
  perCounter: number;
  validFrom: string | null;
  validTo: string | null;
  active: boolean;
}

export type NewSession = Omit<Session, 'id' | 'active'> & { active?: boolean };

/** One bookable slot of a day. */
export interface Slot {
  /** UTC instant of the start. */
  at: string;
  /** Vietnam date and time, for display and forms. */
  date: string;
  time: string;
  service: string;
  sessionId: string;
  minutes: number;
  capacity: number;
  booked: number;
  free: number;
}

export interface Appointment {
  id: string;
  code: string;
  unitCode: string;
  service: string;
  sessionId: string;
  procedureCode: string | null;
  dossierCode: string | null;
  slotAt: string;
  slotMinutes: number;
  fullName: string;
  phone: string;
  zaloUserId: string | null;
  source: AppointmentSource;
  status: AppointmentStatus;
  moves: number;
  ticketId: string | null;
  ticketNumber: string | null;
  arrivedAt: string | null;
  cancelledAt: string | null;
  remindedSlot: string | null;
  createdAt: string;
}

/** A queue service as the appointment pages show it. */
export interface BookableService {
  code: string;
  name: string;
}

/** The queue module's surface this module uses (src/queue/index.ts, contract in COMMON.md). */
export interface QueuePort {
  services(unitCode: string): Promise<Array<{ code: string; name: string; fieldCodes?: string[]; counters?: string[] }>>;
  takeTicket(input: {
    unitCode: string;
    service: string;
    phone?: string | null;
    source: 'appointment';
    appointment: { id: string; slotAt: Date };
  }): Promise<{ id: string; number: string; service: string; position: number; estimatedWaitMinutes: number; trackUrl: string }>;
  /** A ticket's place now (the arrival's answer). */
  view?(id: string): Promise<{ number: string; status: string; position: number | null; estimatedWaitMinutes: number | null }>;
  /** The citizen's live page of a ticket. */
  trackUrl?(id: string): string;
}

/** The ticket an arrived appointment holds, as the arrival answers it. */
export interface ArrivalTicket {
  id: string;
  number: string;
  status: string;
  position: number | null;
  estimatedWaitMinutes: number | null;
  trackUrl: string | null;
}

/** One ticket's times, as the queue's `ticketFacts` gives them (the statistics' only input). */
export interface TicketFact {
  id: string;
  service: string;
  counter: string | null;
  officialId: string | null;
  priority: string | null;
  source: string;
  takenAt: string;
  /** An appointment ticket's slot (null for the others): an early arrival waits from its slot. */
  slotAt?: string | null;
  calledAt: string | null;
  servedAt: string | null;
  doneAt: string | null;
  status: string;
}

/** The unit's opening hours of a day ([] when closed) — the calendar module's `openingHours`. */
export type OpeningHours = (unitCode: string, date: string) => Promise<Array<{ from: string; to: string; services?: string[] }>>;
