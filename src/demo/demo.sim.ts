/**
 * A small discrete-event scheduler for the demo history: every demo dossier is a script that
 * waits for moments (`at`), and the scheduler runs the scripts one at a time in the order of
 * those moments, setting the clock first. So the whole year is written in time order, as if it
 * had happened, through the same services as real dossiers.
 */

interface Entry {
  t: number;
  seq: number;
  wake: () => void;
}

export class Simulation {
  private heap: Entry[] = [];
  private seq = 0;
  private yielded: (() => void) | null = null;
  /** Scripts that threw (a rule refused what the script tried): counted, never fatal. */
  failures = 0;
  lastError: unknown;

  constructor(
    private readonly clock: { set(t: number): void },
    /** Moments after this one never come (the history stops at the real now). */
    private readonly end: number,
  ) {}

  /** Waits until `t` (never earlier than the moment being run). */
  at(t: number): Promise<void> {
    return new Promise<void>((resolve) => {
      this.push({ t, seq: this.seq++, wake: resolve });
      this.signal();
    });
  }

  /** Starts `script` at `t`. */
  spawn(t: number, script: () => Promise<void>): void {
    this.push({
      t,
      seq: this.seq++,
      wake: () => {
        script()
          .catch((e) => {
            this.failures++;
            this.lastError = e;
          })
          .finally(() => this.signal());
      },
    });
  }

  async run(): Promise<void> {
    while (this.heap.length) {
      const e = this.pop();
      if (e.t > this.end) break;
      this.clock.set(e.t);
      const done = new Promise<void>((r) => (this.yielded = r));
      e.wake();
      await done;
    }
    this.heap = [];
  }

  private signal(): void {
    const y = this.yielded;
    this.yielded = null;
    y?.();
  }

  private less(a: Entry, b: Entry): boolean {
    return a.t < b.t || (a.t === b.t && a.seq < b.seq);
  }

  private push(e: Entry): void {
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  private pop(): Entry {
    const h = this.heap;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

/** A seeded generator (mulberry32): the same demo history on every first start. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    between: (lo: number, hi: number) => lo + (hi - lo) * next(),
    int: (lo: number, hi: number) => Math.floor(lo + (hi - lo + 1) * next()),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}
export type Random = ReturnType<typeof seeded>;
