/**
 * Who used the CPU during a benchmark's measure, read from /proc: the server process and its
 * threads, PostgreSQL's backends, the load generator, the kernel and everything else (other
 * people's work on a shared machine), so that a figure taken in a noisy minute says so.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

export interface ProcTicks {
  ticks: number;
  ppid: number;
  name: string;
}

/** utime + stime of every process now (clock ticks), with its parent and name. */
export function allProcesses(): Map<number, ProcTicks> {
  const m = new Map<number, ProcTicks>();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      m.set(Number(d), { ticks: Number(f[11]) + Number(f[12]), ppid: Number(f[1]), name });
    } catch {
      /* gone */
    }
  }
  return m;
}

/** Busy CPU seconds of the whole machine, and the part spent in interrupts (network, disk). */
function machineBusySeconds(): { busy: number; irq: number } {
  const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal
  return { busy: (f[0]! + f[1]! + f[2]! + f[5]! + f[6]! + f[7]!) / CLK_TCK, irq: (f[5]! + f[6]!) / CLK_TCK };
}

/** Who used the CPU during a measure, in % of one core. */
export interface CpuShare {
  server: number;
  /** The run's own PostgreSQL backends when they are known (see Store.backends), else every postgres process. */
  postgres: number;
  /** Every postgres process of the machine (other sessions' databases, the shared WAL writer and checkpointer). */
  postgresAll: number;
  client: number;
  /** The kernel: interrupts and kernel threads (loopback network, disk writeback, journal). */
  kernel: number;
  /** Other user processes on the machine (other people's builds and tests skew the figures). */
  others: number;
}

/** `ownPostgres`: the backends of the run's database, when known (counted as `postgres`). */
export function cpuMeter(serverPid: number | undefined): (ownPostgres?: Set<number>) => CpuShare {
  const t0 = performance.now();
  const p0 = allProcesses();
  const m0 = machineBusySeconds();
  return (ownPostgres) => {
    const wall = (performance.now() - t0) / 1000;
    const p1 = allProcesses();
    const m1 = machineBusySeconds();
    const inServer = (pid: number): boolean => {
      for (let p = pid, n = 0; p > 1 && n < 10; n++) {
        if (p === serverPid) return true;
        p = p1.get(p)?.ppid ?? 0;
      }
      return false;
    };
    const isKernel = (pid: number, t: ProcTicks) => pid === 2 || t.ppid === 2;
    let server = 0;
    let postgres = 0;
    let postgresOwn = 0;
    let client = 0;
    let kernelThreads = 0;
    let others = 0;
    for (const [pid, t] of p1) {
      const d = (t.ticks - (p0.get(pid)?.ticks ?? 0)) / CLK_TCK;
      if (d <= 0) continue;
      if (pid === process.pid) client += d;
      else if (serverPid && inServer(pid)) server += d;
      else if (t.name === 'postgres') {
        postgres += d;
        if (ownPostgres?.has(pid)) postgresOwn += d;
      } else if (isKernel(pid, t)) kernelThreads += d;
      else others += d;
    }
    const irq = m1.irq - m0.irq;
    // What no living process accounts for: processes that ended during the measure.
    const gone = Math.max(0, m1.busy - m0.busy - (server + postgres + client + kernelThreads + others + irq));
    const pct = (x: number) => (x / wall) * 100;
    return { server: pct(server), postgres: pct(ownPostgres ? postgresOwn : postgres), postgresAll: pct(postgres), client: pct(client), kernel: pct(kernelThreads + irq), others: pct(others + gone) };
  };
}

/** The least disturbed of up to `tries` runs of a measure: the first during which other processes used at most `maxNoise` % of a core. */
export async function quietest<T extends { cpu: CpuShare }>(run: () => Promise<T>, tries: number, maxNoise: number): Promise<T> {
  let best: T | undefined;
  for (let i = 0; i < tries; i++) {
    const r = await run();
    if (!best || r.cpu.others < best.cpu.others) best = r;
    if (r.cpu.others <= maxNoise) break;
  }
  return best!;
}

export function cpuText(c: CpuShare): string {
  const pgAll = c.postgresAll - c.postgres >= 1 ? ` (all postgres processes ${c.postgresAll.toFixed(0)}%)` : '';
  return `server ${c.server.toFixed(0)}%${c.postgresAll >= 1 ? `, postgres ${c.postgres.toFixed(0)}%${pgAll}` : ''}, load generator ${c.client.toFixed(0)}%, kernel ${c.kernel.toFixed(0)}%, other processes ${c.others.toFixed(0)}%`;
}

/**
 * CPU seconds (user + system, every thread) used between two looks at the processes by the server
 * process, by the run's own PostgreSQL backends (`own`; every postgres process when not known) and
 * by every postgres process.
 */
export function cpuSeconds(p0: Map<number, ProcTicks>, p1: Map<number, ProcTicks>, serverPid: number, own?: Set<number>): { server: number; postgres: number; postgresAll: number } {
  let server = 0;
  let postgres = 0;
  let postgresAll = 0;
  for (const [pid, t] of p1) {
    const d = (t.ticks - (p0.get(pid)?.ticks ?? 0)) / CLK_TCK;
    if (pid === serverPid) server += d;
    else if (t.name === 'postgres') {
      postgresAll += d;
      if (!own || own.has(pid)) postgres += d;
    }
  }
  return { server, postgres, postgresAll };
}
