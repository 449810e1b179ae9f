import { afterEach, describe, expect, it, vi } from 'vitest';
import { PeriodicJob } from './periodic-job';

describe('PeriodicJob', () => {
  afterEach(() => vi.useRealTimers());

  it('runs soon after start, then every interval, never two runs at once; a failure is logged in Vietnamese and retried', async () => {
    vi.useFakeTimers();
    const lines: string[] = [];
    let calls = 0;
    let release: () => void = () => {};
    const job = new PeriodicJob(
      {
        doing: 'thử việc định kỳ',
        run: () => {
          calls++;
          if (calls === 2) return Promise.reject(new Error('mất kết nối'));
          return new Promise<number>((r) => (release = () => r(calls)));
        },
        report: (n) => `lần ${n} xong`,
        firstDelayMs: 1_000,
      },
      { intervalMs: 10_000, log: (m) => lines.push(m) },
    );
    job.start();
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toBe(1);
    // The first run is still going at the first interval tick: no second run.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(lines).toEqual(['lần 1 xong']);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toBe(2);
    expect(lines[1]).toBe('Lỗi khi thử việc định kỳ: mất kết nối');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toBe(3);
    const closing = job.close();
    release();
    await closing;
    expect(lines[2]).toBe('lần 3 xong');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toBe(3);
  });

  it('an interval of 0 runs nothing, unless the job asks for one first run', async () => {
    vi.useFakeTimers();
    let a = 0;
    let b = 0;
    const off = new PeriodicJob({ doing: 'a', run: async () => a++ }, { intervalMs: 0 });
    const once = new PeriodicJob({ doing: 'b', run: async () => b++, firstRunWhenDisabled: true, firstDelayMs: 2_000 }, { intervalMs: 0 });
    off.start();
    once.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect([a, b]).toEqual([0, 1]);
    await off.close();
    await once.close();
  });

  it('with an election, a tick runs only when this process wins it, asked by the job’s name and interval', async () => {
    vi.useFakeTimers();
    const asked: Array<[string, number]> = [];
    let win = false;
    let runs = 0;
    const election = {
      elect: async <T>(job: string, intervalMs: number, run: () => Promise<T>) => {
        asked.push([job, intervalMs]);
        return win ? { ran: true as const, result: await run() } : { ran: false as const };
      },
    };
    const lines: string[] = [];
    const job = new PeriodicJob({ name: 'escalation', doing: 'chạy cảnh báo', run: async () => ++runs, report: (n) => `lần ${n}`, firstDelayMs: 1_000 }, { intervalMs: 10_000, election, log: (m) => lines.push(m) });
    job.start();
    await vi.advanceTimersByTimeAsync(1_000);
    expect([runs, asked]).toEqual([0, [['escalation', 10_000]]]);
    win = true;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(runs).toBe(1);
    expect(lines).toEqual(['lần 1']);
    await job.close();
  });
});
