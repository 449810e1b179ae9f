/** The counter queue's domain (issue 13): services, counters, tickets and the unit's rules. */

export const TICKET_STATUSES = ['waiting', 'called', 'serving', 'done', 'no_show', 'cancelled'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_SOURCES = ['kiosk', 'web', 'assistant', 'zalo', 'counter', 'appointment'] as const;
export type TicketSource = (typeof TICKET_SOURCES)[number];

export const STATUS_TEXT: Record<TicketStatus, string> = {
  waiting: 'Đang chờ',
  called: 'Đã gọi',
  serving: 'Đang phục vụ',
  done: 'Đã xong',
  no_show: 'Vắng mặt',
  cancelled: 'Đã hủy',
};

/** A priority category (the unit's settings: which, and in what order they are listed). */
export interface PriorityCategory {
  code: string;
  label: string;
}

/**
 * Priority categories of Article 22 of Decree 61/2018/NĐ-CP ("ưu tiên người cao tuổi, người khuyết
 * tật, phụ nữ có thai, người có công…") — the default list a unit may reorder or shorten.
 */
export const DEFAULT_CATEGORIES: PriorityCategory[] = [
  { code: 'elderly', label: 'Người cao tuổi' },
  { code: 'disabled', label: 'Người khuyết tật' },
  { code: 'pregnant', label: 'Phụ nữ có thai' },
  { code: 'small_child', label: 'Người có con nhỏ dưới 36 tháng' },
  { code: 'merit', label: 'Người có công với cách mạng' },
];

/** 'strict': a waiting priority ticket is always called first; 'every': one priority per N others. */
export type PriorityRule = 'strict' | 'every';

export interface QueueSettings {
  unitCode: string;
  priorityRule: PriorityRule;
  /** N of 'every' (one priority ticket after at most N others at a counter). */
  priorityEvery: number;
  categories: PriorityCategory[];
  /** 'HH:MM' (Vietnam): the day's waiting tickets expire then, and no ticket is taken after it. */
  closingTime: string;
}

export interface QueueServiceInfo {
  code: string;
  name: string;
  letter: string;
  /** The catalogue's fields (lĩnh vực) the service receives. */
  fieldCodes: string[];
  defaultMinutes: number;
  /** The codes of the open counters serving it now. */
  counters: string[];
}

export interface Counter {
  unitCode: string;
  code: string;
  name: string;
  services: string[];
  open: boolean;
  officialId: string | null;
  officialName: string | null;
  openedAt: string | null;
}

export interface Ticket {
  id: string;
  unitCode: string;
  day: string;
  service: string;
  number: string;
  priority: string | null;
  phone: string | null;
  source: TicketSource;
  appointmentId: string | null;
  slotAt: string | null;
  status: TicketStatus;
  cancelReason: string | null;
  counter: string | null;
  officialId: string | null;
  officialName: string | null;
  takenAt: string;
  orderAt: string;
  calledAt: string | null;
  servedAt: string | null;
  doneAt: string | null;
  expiresAt: string;
  recalls: number;
  nearNotified: boolean;
  transferredFrom: string | null;
  dossierId: string | null;
  dossierCode: string | null;
}

export interface TakeTicketInput {
  unitCode: string;
  service: string;
  priority?: string | null;
  phone?: string | null;
  source: TicketSource;
  appointment?: { id: string; slotAt: Date };
  /** The kiosk or phone it came from (rate limits). */
  device?: string;
}

/** What the citizen is handed (the API's answer to POST /api/queue/tickets). */
export interface TakenTicket {
  id: string;
  number: string;
  service: string;
  /** How many tickets are before it (0: next). */
  position: number;
  estimatedWaitMinutes: number;
  trackUrl: string;
}

/** A ticket as the citizen's live page and GET /api/queue/tickets/:id show it. */
export interface TicketView {
  id: string;
  number: string;
  unitCode: string;
  service: string;
  serviceName: string;
  priority: string | null;
  priorityLabel: string | null;
  status: TicketStatus;
  position: number | null;
  estimatedWaitMinutes: number | null;
  counter: string | null;
  counterName: string | null;
  takenAt: string;
  calledAt: string | null;
  recalls: number;
}

/** One ticket's times, for the queue statistics (module appointment). */
export interface TicketFact {
  id: string;
  service: string;
  counter: string | null;
  officialId: string | null;
  priority: string | null;
  source: TicketSource;
  takenAt: string;
  /** An appointment's slot: its wait is counted from there when it came early. */
  slotAt: string | null;
  calledAt: string | null;
  servedAt: string | null;
  doneAt: string | null;
  status: TicketStatus;
}

/** The TV display's state: what each open counter serves now and the last calls. */
export interface Board {
  unitCode: string;
  unitName: string;
  counters: Array<{ code: string; name: string; number: string | null; priority: boolean; status: TicketStatus | null }>;
  lastCalls: Array<{ number: string; counter: string; counterName: string; at: string; ticketId: string; recall: number }>;
  waiting: Array<{ service: string; name: string; count: number }>;
  version: number;
}

/** An event of the queue bus (SSE on top of it). */
export interface QueueEvent {
  unitCode: string;
  kind: 'taken' | 'called' | 'recalled' | 'serving' | 'done' | 'no_show' | 'transferred' | 'counter' | 'expired';
  ticketId?: string;
  number?: string;
  counter?: string;
  at: string;
}
