import type { ChangeFeed, DossierChange } from '../db/changes';
import type { Broadcast } from './cluster.bus';

/**
 * What each process keeps in memory, kept true when another process on the same database makes
 * the change (issue 16). The composition root (src/app.ts) passes the services' own hooks:
 *
 * - `caches`: a change announced by a service here (`updates`, a Signal) is told to the others,
 *   which drop their copy (`drop`): the catalogue (its pages, search index and answers, and the
 *   assistant's index built on it), the assistant's FAQ and synonyms, the working calendar, the
 *   units. Each also drops when the link to the others comes back after a loss (messages missed).
 * - `queue`: the counter queue's events (a ticket taken, called, served…) are delivered to the
 *   live pages and displays connected to every process.
 * - `dossiers`: the writes to a dossier's rows (db/changes.ts) made here drop the cached tracking
 *   answers of those dossiers in the other processes; keys are gathered for `batchMs` and sent
 *   in one message (without keys, or too many for one message: every cached dossier is dropped).
 */
export interface SharedCache {
  /** The topic its messages go under (one per cache). */
  topic: string;
  updates: { on(fn: () => void): unknown };
  drop(): void;
}

export interface SharedQueue<E extends { unitCode: string }> {
  relay(fn: (e: E) => void): void;
  receive(e: E): void;
  resync(at: string): void;
}

export interface ShareParts<E extends { unitCode: string }> {
  caches: SharedCache[];
  queue?: SharedQueue<E>;
  /** The dossier change feed, when dossier answers are cached (DOSSIER_CACHE_SECONDS > 0). */
  dossiers?: ChangeFeed;
  batchMs?: number;
}

const QUEUE_TOPIC = 'queue';
const DOSSIER_TOPIC = 'dossiers';

export function shareAcrossProcesses<E extends { unitCode: string }>(b: Broadcast, parts: ShareParts<E>): void {
  for (const c of parts.caches) {
    c.updates.on(() => b.publish(c.topic, 1));
    b.on(c.topic, () => c.drop());
    b.onResync(() => c.drop());
  }

  const q = parts.queue;
  if (q) {
    q.relay((e) => b.publish(QUEUE_TOPIC, e));
    b.on(QUEUE_TOPIC, (m) => {
      if (m && typeof m === 'object' && typeof (m as E).unitCode === 'string') q.receive(m as E);
      else q.resync(new Date().toISOString());
    });
    b.onResync(() => q.resync(new Date().toISOString()));
  }

  const feed = parts.dossiers;
  if (feed) shareDossierChanges(b, feed, parts.batchMs ?? 25);
}

function shareDossierChanges(b: Broadcast, feed: ChangeFeed, batchMs: number): void {
  /** Set while a change from another process is replayed here: it must not be sent back. */
  let replaying = false;
  let keys: Set<string> | 'all' | undefined;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const k = keys;
    keys = undefined;
    if (k) b.publish(DOSSIER_TOPIC, k === 'all' ? 'all' : [...k]);
  };
  feed.on((c: DossierChange) => {
    if (replaying) return;
    if (!c.keys) keys = 'all';
    else if (keys !== 'all') {
      keys ??= new Set();
      for (const k of c.keys) keys.add(k);
    }
    timer ??= setTimeout(flush, batchMs);
  });
  const replay = (c: DossierChange) => {
    replaying = true;
    try {
      feed.emit(c);
    } finally {
      replaying = false;
    }
  };
  b.on(DOSSIER_TOPIC, (m) => replay(Array.isArray(m) && m.every((k) => typeof k === 'string') ? { keys: m as string[] } : {}));
  b.onResync(() => replay({}));
}
