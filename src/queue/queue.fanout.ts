/**
 * The live fan-out of a unit's queue to its open SSE streams (issue 13: "500 open live pages and
 * 10 displays … p99 under 200 ms for the call event reaching them").
 *
 * One listener per unit on the queue's bus, however many streams are open. At a change (a burst of
 * changes — a call finishes one ticket and calls another — is one flush) the unit's day is read
 * once, the display's board is serialised once, and each followed ticket's view once; then the
 * prepared frames are written to the streams. Per connection there is no read, no JSON and no
 * promise: a map lookup and a socket write. A ticket's page gets a frame only when its view changed.
 */
import type { ServerResponse } from 'node:http';
import type { QueueEvents } from './queue.events';

export interface FanoutSource {
  events: QueueEvents;
  /** The display's state of a unit (one object for every display). */
  board(unitCode: string): Promise<unknown>;
  /** Today's views of the followed tickets of a unit, from one read of its day. */
  ticketViews(unitCode: string, ids: Iterable<string>): Promise<Map<string, unknown>>;
}

interface TicketSubs {
  streams: Set<ServerResponse>;
  /** The last frame sent (a page is written to only when its ticket's view changed). */
  last: string;
}

interface Hub {
  boards: Set<ServerResponse>;
  tickets: Map<string, TicketSubs>;
  off: () => void;
  beat: NodeJS.Timeout;
  scheduled: boolean;
  running: boolean;
  again: boolean;
}

const HEARTBEAT_MS = 20_000;

export const frame = (event: string, data: unknown): string => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

export class QueueFanout {
  private readonly hubs = new Map<string, Hub>();

  constructor(
    private readonly source: FanoutSource,
    /** Turns a ticket view into what the page receives (the API's shape). */
    private readonly ticketJson: (view: unknown) => unknown = (v) => v,
  ) {}

  /** Streams open for a unit (the benchmark and tests read it). */
  streams(unitCode: string): number {
    const h = this.hubs.get(unitCode);
    if (!h) return 0;
    let n = h.boards.size;
    for (const t of h.tickets.values()) n += t.streams.size;
    return n;
  }

  private hub(unitCode: string): Hub {
    let h = this.hubs.get(unitCode);
    if (h) return h;
    const hub: Hub = {
      boards: new Set(),
      tickets: new Map(),
      off: () => undefined,
      // One timer per unit keeps every stream of it alive through proxies.
      beat: setInterval(() => this.writeAll(hub, ': ping\n\n'), HEARTBEAT_MS),
      scheduled: false,
      running: false,
      again: false,
    };
    hub.beat.unref();
    hub.off = this.source.events.on(unitCode, () => this.schedule(unitCode, hub));
    this.hubs.set(unitCode, hub);
    return hub;
  }

  private drop(unitCode: string, h: Hub): void {
    if (h.boards.size || h.tickets.size) return;
    h.off();
    clearInterval(h.beat);
    if (this.hubs.get(unitCode) === h) this.hubs.delete(unitCode);
  }

  /** A display's stream: its board now, then at every change. Returns the unsubscribe. */
  async addBoard(unitCode: string, res: ServerResponse): Promise<() => void> {
    const h = this.hub(unitCode);
    h.boards.add(res);
    const off = () => {
      h.boards.delete(res);
      this.drop(unitCode, h);
    };
    try {
      res.write(frame('board', await this.source.board(unitCode)));
    } catch {
      // The next change tries again.
    }
    return off;
  }

  /** A ticket's live page: its view now, then whenever it changes. Returns the unsubscribe. */
  async addTicket(unitCode: string, ticketId: string, res: ServerResponse, first: () => Promise<unknown>): Promise<() => void> {
    const h = this.hub(unitCode);
    let subs = h.tickets.get(ticketId);
    if (!subs) h.tickets.set(ticketId, (subs = { streams: new Set(), last: '' }));
    subs.streams.add(res);
    const s = subs;
    const off = () => {
      s.streams.delete(res);
      if (s.streams.size === 0 && h.tickets.get(ticketId) === s) h.tickets.delete(ticketId);
      this.drop(unitCode, h);
    };
    try {
      const f = frame('ticket', this.ticketJson(await first()));
      res.write(f);
      if (!s.last) s.last = f;
    } catch {
      // The next change tries again.
    }
    return off;
  }

  /** Changes arriving together are one flush (after the current I/O turn). */
  private schedule(unitCode: string, h: Hub): void {
    if (h.running) {
      h.again = true;
      return;
    }
    if (h.scheduled) return;
    h.scheduled = true;
    setImmediate(() => void this.flush(unitCode, h));
  }

  private async flush(unitCode: string, h: Hub): Promise<void> {
    h.scheduled = false;
    h.running = true;
    try {
      do {
        h.again = false;
        const [board, views] = await Promise.all([h.boards.size ? this.source.board(unitCode) : undefined, h.tickets.size ? this.source.ticketViews(unitCode, h.tickets.keys()) : new Map<string, unknown>()]);
        if (board !== undefined) {
          const f = frame('board', board);
          for (const res of h.boards) res.write(f);
        }
        for (const [id, view] of views) {
          const subs = h.tickets.get(id);
          if (!subs) continue;
          const f = frame('ticket', this.ticketJson(view));
          if (f === subs.last) continue;
          subs.last = f;
          for (const res of subs.streams) res.write(f);
        }
      } while (h.again);
    } catch {
      // A failed read: the next change tries again; the pages keep their last state.
    } finally {
      h.running = false;
    }
  }

  private writeAll(h: Hub, text: string): void {
    for (const res of h.boards) res.write(text);
    for (const t of h.tickets.values()) for (const res of t.streams) res.write(text);
  }
}
