/**
 * "Something changed here": listeners are called in turn, synchronously, and one that throws does
 * not stop the others. A service announces its own changes with it (the cluster module tells the
 * other processes on the same database, src/cluster).
 */
export class Signal {
  private readonly listeners = new Set<() => void>();

  on(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  emit(): void {
    for (const fn of this.listeners) {
      try {
        fn();
      } catch {
        // A listener's failure is its own (it logs); the change itself is done.
      }
    }
  }
}
