export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can set and move. */
export function fixedClock(start: Date | string): Clock & { set(d: Date | string): void; advance(ms: number): void } {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (d) => {
      t = new Date(d).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

/**
 * The system clock, unless set: the demo history (demo mode only) sets it to the past while it
 * writes a year of dossiers through the real services, then lets it run again before the server
 * takes requests.
 */
export function travelClock(): Clock & { set(d: Date | string | number): void; resume(): void; readonly travelling: boolean } {
  let t: number | null = null;
  return {
    now: () => (t === null ? new Date() : new Date(t)),
    set: (d) => {
      t = new Date(d).getTime();
    },
    resume: () => {
      t = null;
    },
    get travelling() {
      return t !== null;
    },
  };
}
