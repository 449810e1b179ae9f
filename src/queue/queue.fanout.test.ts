import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { QueueEvents } from './queue.events';
import { QueueFanout } from './queue.fanout';

/** A stream that records what it is written. */
const sink = () => {
  const frames: string[] = [];
  return { frames, res: { write: (s: string) => frames.push(s) } as unknown as ServerResponse };
};
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('the live fan-out: one read and one serialisation per change, whatever the number of streams', () => {
  it('a burst of changes (a call finishes one ticket and calls the next) is one flush: the board and the views are read once and written to every stream', async () => {
    const events = new QueueEvents();
    let boards = 0;
    let views = 0;
    let version = 0;
    const source = {
      events,
      board: async () => {
        boards++;
        return { version };
      },
      ticketViews: async (_unit: string, ids: Iterable<string>) => {
        views++;
        // Ticket t0 is called at version 2; the others only move up.
        return new Map([...ids].map((id) => [id, { id, status: id === 't0' && version >= 2 ? 'called' : 'waiting', position: Number(id.slice(1)) - Math.min(version, 1) }]));
      },
    };
    const fanout = new QueueFanout(source);
    const pages = Array.from({ length: 200 }, (_, i) => ({ id: `t${i}`, ...sink() }));
    // Two phones follow t0.
    const second = sink();
    const displays = Array.from({ length: 10 }, () => sink());
    for (const p of pages) await fanout.addTicket('00004', p.id, p.res, async () => (await source.ticketViews('00004', [p.id])).get(p.id));
    await fanout.addTicket('00004', 't0', second.res, async () => (await source.ticketViews('00004', ['t0'])).get('t0'));
    for (const d of displays) await fanout.addBoard('00004', d.res);
    expect(fanout.streams('00004')).toBe(211);
    expect(events.listeners('00004')).toBe(1);
    boards = 0;
    views = 0;

    version = 2;
    events.emit({ unitCode: '00004', kind: 'done', at: 'x' });
    events.emit({ unitCode: '00004', kind: 'called', at: 'x' });
    await settle();
    expect([boards, views]).toEqual([1, 1]);
    for (const d of displays) expect(d.frames.at(-1)).toBe('event: board\ndata: {"version":2}\n\n');
    expect(pages[0]!.frames.at(-1)).toContain('"status":"called"');
    expect(second.frames.at(-1)).toBe(pages[0]!.frames.at(-1));
    // The very same string object is written to every display: serialised once.
    expect(new Set(displays.map((d) => d.frames.at(-1))).size).toBe(1);
    expect(pages[5]!.frames.at(-1)).toContain('"position":4');

    // A change that leaves a ticket's view as it was writes nothing to its page.
    const before = pages.map((p) => p.frames.length);
    events.emit({ unitCode: '00004', kind: 'counter', at: 'x' });
    await settle();
    expect(pages.map((p) => p.frames.length)).toEqual(before);
    expect(displays[0]!.frames).toHaveLength(3);

  });

  it('the last stream to close stops listening to the unit', async () => {
    const events = new QueueEvents();
    const fanout = new QueueFanout({ events, board: async () => ({}), ticketViews: async () => new Map() });
    const a = sink();
    const b = sink();
    const offA = await fanout.addBoard('00082', a.res);
    const offB = await fanout.addTicket('00082', 'x', b.res, async () => ({ id: 'x' }));
    expect(events.listeners('00082')).toBe(1);
    offA();
    expect(events.listeners('00082')).toBe(1);
    offB();
    expect(events.listeners('00082')).toBe(0);
    expect(fanout.streams('00082')).toBe(0);
  });
});
