/**
 * "Lấy số" and "đặt lịch" through the assistant (web chat, Zalo, API): a short conversation that
 * asks for the service, then takes a queue ticket — or offers the next free slots, asks for the
 * name and phone, and books. The counter's work itself is done by the queue and appointment
 * modules (`CounterDesk`, wired in app.ts); this file only leads the conversation.
 */
import { fold } from '../shared/vietnamese';
import type { Composed } from './assistant.answer';
import { findPhone } from './assistant.text';

export interface CounterDesk {
  /** The unit's queue services (for a ticket). */
  ticketServices(unitCode: string): Promise<Array<{ code: string; name: string }>>;
  takeTicket(unitCode: string, service: string, channel: string): Promise<{ number: string; position: number; estimatedWaitMinutes: number; trackUrl: string }>;
  /** The services that take appointments. */
  bookingServices(unitCode: string): Promise<Array<{ code: string; name: string }>>;
  /** The next free slots of a service, earliest first. */
  freeSlots(unitCode: string, service: string): Promise<Array<{ at: string; label: string }>>;
  book(unitCode: string, input: { service: string; slotAt: string; fullName: string; phone: string }, channel: string, sessionKey: string): Promise<{ code: string; when: string; manageUrl: string }>;
}

export interface CounterMemory {
  flow: 'ticket' | 'book';
  step: 'service' | 'slot' | 'who';
  service?: string;
  serviceName?: string;
  slots?: Array<{ at: string; label: string }>;
  slot?: { at: string; label: string };
}

export interface CounterTurn {
  composed: Composed;
  intent: 'ticket' | 'booking';
  decision: 'answer' | 'ask';
  memory?: CounterMemory;
}

// A clause ends at its punctuation: "có đăng ký, giờ giấy mất" is no "đăng ký giờ" (pass 19).
const CLAUSE_END = /[,.;:!?()\n]+/g;
const words = (s: string) => ` ${fold(s).replace(CLAUSE_END, ' | ').replace(/[^a-z0-9|]+/g, ' ').trim()} `;
// Folded: no marks, đ→d, y→i ("lấy" is "lai", "hủy" is "hui").
const TICKET = / (lai|boc|xin|rut) (so|so thu tu|so xep hang)( |$)|( so thu tu )| cap so (thu tu|xep hang)( |$)/;
/**
 * Without marks "cho" is "chỗ" (a slot) and "cho" (for), "dat" "đặt" (book) and "đất" (land)
 * (pass 25): "đăng ký cho nó", "xin cho em hỏi", "để lại đất cho mấy đứa cháu" were taken for a
 * booking and answered that the unit takes no appointments. Unmarked, "chỗ" is a slot only after
 * "đặt" and before what a booking says next (the end of the clause, "trước", "làm", a day…), and
 * the "đất" of a plot, a sale or a gift never books.
 */
const BOOK = / (dat|hen|dang ki|xin) (lich|lich hen|gio|hen)( |$)|( lich hen )| dat cho (?=(?:truoc|lam|nop|de|o|tai|vao|ngai|hom|sang|chieu|toi|mai|kham|duoc|dc|nhe|nha|giup|gium|online|onl|truc tuien|qua mang)?(?: |\||$))/;
/** What says the "đất" of "đất cho …" (a plot, its sale, gift, share or inheritance), folded. */
const LAND_BEFORE = / (manh|lo|thua|mieng|khu|nha|chia|tang|ban|mua|lai|ruong|vuon|duoi|so|cat) dat cho /;
const STOP = / (thoi|hui|khong can|dung lai|bo qua) /;
/** How many slots a chat offers at once. */
const OFFER = 6;

// Typed with marks, the words say which they are: "đặt chỗ" is a booking, "đất cho con" is not;
// "lấy số" is a queue number, "cấp sổ đỏ" is not.
const TICKET_MARKED = / (lấy|bốc|xin|cấp|rút) (số|số thứ tự|số xếp hàng)( |$)|( số thứ tự )/u;
const BOOK_MARKED = / (đặt|hẹn|đăng ký|đăng kí|xin) (lịch|lịch hẹn|giờ|hẹn|chỗ)( |$)|( lịch hẹn )/u;
/** Without marks: "cap so do", "đã cấp sổ", "dang ki cho nguoi…" are a book (sổ) and a person, not a number or a slot. */
const NOT_COUNTER = / so (do|hong|ho khau|dat|goc|tiet kiem|bao hiem|mui)( |$)| (da|duoc|chua) (duoc )?cap so( |$)| cho (nguoi|con|be|ba|ong|me|bo|cha|vo|chong|em|chau|tre|gia dinh|khach)( |$)/;
/**
 * A place or a number that is no slot or ticket, marked or not (pass 19): "xin chỗ nào", "đăng ký
 * chỗ ở tạm" ask where or register a stay; "xin số định danh" is the personal number; "cấp sổ
 * lần đầu" a land book. "Xin số đt", "xin số điện thoại", "số zalo", "số tài khoản" (pass 27,
 * r12plain) ask for a phone number or an account, not a queue ticket: "cho e xin so dt taxi gan
 * nhat" was told the unit gives no tickets online.
 */
const NOT_SLOT =
  / (cho|chỗ) (nao|nào|dau|đâu|o|ở)(?= |$)| (so|số) (dinh danh|định danh|lan dau|moi|dt|đt|dtdd|đtdđ|dien thoai|điện thoại|di dong|di động|zalo|hotline|tai khoan|tài khoản)(?= |$)/gu;

export function counterIntent(text: string): 'ticket' | 'book' | undefined {
  const w = words(text).replace(NOT_SLOT, ' |');
  const lower = ` ${text.normalize('NFC').toLocaleLowerCase('vi-VN').replace(CLAUSE_END, ' | ').replace(/[^\p{L}\p{N}|]+/gu, ' ').trim()} `.replace(NOT_SLOT, ' |');
  if (/[^\x00-\x7f]/.test(lower)) {
    if (BOOK_MARKED.test(lower)) return 'book';
    if (TICKET_MARKED.test(lower)) return 'ticket';
    return undefined;
  }
  if (NOT_COUNTER.test(w) || LAND_BEFORE.test(w)) return undefined;
  if (BOOK.test(w)) return 'book';
  if (TICKET.test(w)) return 'ticket';
  return undefined;
}

/** "2", "số 2", or (a part of) the name of one of the choices. */
function pick<T extends { label: string }>(text: string, choices: T[]): T | undefined {
  const w = words(text).trim();
  const n = /^(?:so |chon |lua chon )?(\d{1,2})$/.exec(w);
  if (n) return choices[Number(n[1]) - 1];
  const hits = choices.filter((c) => {
    const name = words(c.label).trim();
    return name === w || (w.length >= 4 && name.includes(w)) || (w.length >= 4 && w.includes(name));
  });
  return hits.length === 1 ? hits[0] : undefined;
}

function serviceQuestion(flow: CounterMemory['flow'], services: Array<{ code: string; name: string }>): CounterTurn {
  const what = flow === 'ticket' ? 'lấy số thứ tự' : 'đặt lịch hẹn';
  return {
    composed: { lines: [`Bạn muốn ${what} cho lĩnh vực nào?`, ...services.map((s, i) => `${i + 1}. ${s.name}`), 'Xin trả lời bằng số hoặc chọn bên dưới.'], links: [], quickReplies: services.map((s) => s.name) },
    intent: flow === 'ticket' ? 'ticket' : 'booking',
    decision: 'ask',
    memory: { flow, step: 'service' },
  };
}

/**
 * One turn of the counter conversation, or undefined when the message is not about it (then the
 * assistant answers as usual, and any half-finished counter conversation is dropped).
 */
export async function counterTurn(desk: CounterDesk, unitCode: string, text: string, mem: CounterMemory | undefined, channel: string, sessionKey: string): Promise<CounterTurn | undefined> {
  const started = counterIntent(text);
  if (started && (!mem || mem.flow !== started || mem.step === 'service')) mem = { flow: started, step: 'service' };
  if (!mem) return undefined;
  if (!started && STOP.test(words(text))) return { composed: { lines: ['Vâng, mình đã dừng lại. Bạn cần hỏi gì thêm cứ nhắn nhé.'], links: [], quickReplies: [] }, intent: mem.flow === 'ticket' ? 'ticket' : 'booking', decision: 'answer' };
  const intent = mem.flow === 'ticket' ? 'ticket' : 'booking';

  if (mem.step === 'service') {
    const services = mem.flow === 'ticket' ? await desk.ticketServices(unitCode) : await desk.bookingServices(unitCode);
    if (!services.length) {
      return {
        composed: { lines: [mem.flow === 'ticket' ? 'Đơn vị chưa mở lấy số trực tuyến. Bạn vui lòng lấy số tại máy ở Bộ phận Một cửa.' : 'Đơn vị chưa mở nhận lịch hẹn trực tuyến. Bạn vui lòng đến trực tiếp trong giờ làm việc.'], links: [], quickReplies: [] },
        intent,
        decision: 'answer',
      };
    }
    const chosen = started ? (services.length === 1 ? services[0] : pick(text.replace(/.*?(lấy số|lay so|bốc số|xin số|đặt lịch|dat lich|hẹn lịch|lịch hẹn|đặt hẹn)/i, ''), services.map((s) => ({ ...s, label: s.name })))) : pick(text, services.map((s) => ({ ...s, label: s.name })));
    if (!chosen) {
      // Not a choice and not a new request: leave the counter conversation.
      if (!started) return undefined;
      return serviceQuestion(mem.flow, services);
    }
    if (mem.flow === 'ticket') {
      const t = await desk.takeTicket(unitCode, chosen.code, channel);
      return {
        composed: {
          lines: [
            `Số thứ tự của bạn: ${t.number} (${chosen.name}).`,
            t.position ? `Trước bạn còn ${t.position} người, chờ khoảng ${t.estimatedWaitMinutes} phút.` : 'Bạn sẽ được gọi ngay khi có quầy trống.',
            'Mở đường dẫn dưới đây để theo dõi: trang tự cập nhật và báo khi đến lượt, bạn không cần ngồi chờ tại phòng.',
          ],
          links: [{ kind: 'track', label: `Theo dõi số ${t.number}`, href: t.trackUrl }],
          quickReplies: [],
        },
        intent,
        decision: 'answer',
      };
    }
    const slots = (await desk.freeSlots(unitCode, chosen.code)).slice(0, OFFER);
    if (!slots.length) return { composed: { lines: [`Lĩnh vực ${chosen.name} đã hết giờ hẹn trong những ngày tới. Bạn có thể lấy số khi đến quầy.`], links: [], quickReplies: [] }, intent, decision: 'answer' };
    return {
      composed: { lines: [`Các giờ hẹn còn trống (${chosen.name}):`, ...slots.map((s, i) => `${i + 1}. ${s.label}`), 'Xin trả lời bằng số của giờ bạn chọn.'], links: [], quickReplies: slots.map((_, i) => String(i + 1)) },
      intent,
      decision: 'ask',
      memory: { flow: 'book', step: 'slot', service: chosen.code, serviceName: chosen.name, slots },
    };
  }

  if (mem.step === 'slot') {
    const slot = pick(text, mem.slots ?? []);
    if (!slot) {
      if (started) return undefined;
      return { composed: { lines: ['Xin trả lời bằng số thứ tự của giờ hẹn trong danh sách (ví dụ: 2), hoặc nhắn "thôi" để dừng.'], links: [], quickReplies: (mem.slots ?? []).map((_, i) => String(i + 1)) }, intent, decision: 'ask', memory: mem };
    }
    return {
      composed: { lines: [`Bạn chọn ${slot.label}. Xin cho biết họ tên và số điện thoại di động của người đến, ví dụ: Nguyễn Văn An 0912345678.`], links: [], quickReplies: [] },
      intent,
      decision: 'ask',
      memory: { ...mem, step: 'who', slot },
    };
  }

  // step 'who': a name and a phone.
  const phone = findPhone(text);
  const name = text
    .replace(/(\+?84|0)[\d\s.]{8,13}/g, ' ')
    .replace(/[,;:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!phone || !/\p{L}/u.test(name)) {
    return { composed: { lines: ['Xin nhắn cả họ tên và số điện thoại di động, ví dụ: Nguyễn Văn An 0912345678.'], links: [], quickReplies: [] }, intent, decision: 'ask', memory: mem };
  }
  try {
    const b = await desk.book(unitCode, { service: mem.service!, slotAt: mem.slot!.at, fullName: name, phone }, channel, sessionKey);
    return {
      composed: {
        lines: [`Đã đặt lịch hẹn ${b.code}: ${b.when}, lĩnh vực ${mem.serviceName}.`, 'Mã lịch hẹn đã được gửi qua tin nhắn; bạn sẽ được nhắc trước một ngày. Đến trước giờ hẹn để nhận số được gọi đúng giờ.'],
        links: [{ kind: 'track', label: 'Xem, đổi hoặc hủy lịch hẹn', href: b.manageUrl }],
        quickReplies: [],
      },
      intent,
      decision: 'answer',
    };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const code = (e as { code?: string }).code;
    if (code === 'slot_full' || code === 'slot_unavailable') {
      const slots = (await desk.freeSlots(unitCode, mem.service!)).slice(0, OFFER);
      return {
        composed: { lines: [message, ...slots.map((s, i) => `${i + 1}. ${s.label}`)], links: [], quickReplies: slots.map((_, i) => String(i + 1)) },
        intent,
        decision: 'ask',
        memory: { ...mem, step: 'slot', slots, slot: undefined },
      };
    }
    if (code === 'already_booked' || code === 'invalid_booking') return { composed: { lines: [message], links: [], quickReplies: [] }, intent, decision: 'answer', memory: code === 'invalid_booking' ? mem : undefined };
    throw e;
  }
}
