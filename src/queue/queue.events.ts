/**
 * The queue's event bus: every change of a unit's queue is published here, and the SSE streams
 * (display, live pages, counter screens) listen. With several processes on one database, each
 * change made here is also handed to `relay` (the composition root sends it to the other
 * processes, src/cluster), and theirs arrive through `receive`: a ticket called on one process
 * reaches a display connected to another.
 */
import { EventEmitter } from 'node:events';
import type { QueueEvent } from './queue.types';

export class QueueEvents {
  private readonly bus = new EventEmitter();
  private readonly versions = new Map<string, number>();
  private relays: Array<(e: QueueEvent) => void> = [];

  constructor() {
    // Hundreds of live pages listen to one unit.
    this.bus.setMaxListeners(0);
  }

  /** A counter that grows with every change of the unit's queue (caches key on it). */
  version(unitCode: string): number {
    return this.versions.get(unitCode) ?? 0;
  }

  /** A change made by this process: delivered here, and to the relays. */
  emit(e: QueueEvent): void {
    this.receive(e);
    for (const r of this.relays) r(e);
  }

  /** A change made by another process: delivered here only. */
  receive(e: QueueEvent): void {
    this.versions.set(e.unitCode, this.version(e.unitCode) + 1);
    this.bus.emit(e.unitCode, e);
  }

  /** Changes may have been missed (the link to the other processes was lost): every unit is read again. */
  resync(at: string): void {
    const units = new Set([...this.versions.keys(), ...this.bus.eventNames().map(String)]);
    for (const unitCode of units) this.receive({ unitCode, kind: 'counter', at });
  }

  /** Every change made by this process is passed to `fn` too. */
  relay(fn: (e: QueueEvent) => void): void {
    this.relays.push(fn);
  }

  /** Listens to one unit; returns the function that stops listening. */
  on(unitCode: string, fn: (e: QueueEvent) => void): () => void {
    this.bus.on(unitCode, fn);
    return () => this.bus.off(unitCode, fn);
  }

  listeners(unitCode: string): number {
    return this.bus.listenerCount(unitCode);
  }
}
