/**
 * The queue's in-process event bus: every change of a unit's queue is published here, and the SSE
 * streams (display, live pages, counter screens) listen. One process serves a commune; with several
 * app nodes each node's bus sees only its own changes (README: the queue runs on one node).
 */
import { EventEmitter } from 'node:events';
import type { QueueEvent } from './queue.types';

export class QueueEvents {
  private readonly bus = new EventEmitter();
  private readonly versions = new Map<string, number>();

  constructor() {
    // Hundreds of live pages listen to one unit.
    this.bus.setMaxListeners(0);
  }

  /** A counter that grows with every change of the unit's queue (caches key on it). */
  version(unitCode: string): number {
    return this.versions.get(unitCode) ?? 0;
  }

  emit(e: QueueEvent): void {
    this.versions.set(e.unitCode, this.version(e.unitCode) + 1);
    this.bus.emit(e.unitCode, e);
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
