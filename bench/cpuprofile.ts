/**
 * Reads a V8 CPU profile (`node --cpu-prof`) and says where the time went: self time by function
 * and by package or source file, and inclusive time of the app's own functions (src/).
 */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  /** Time not spent idle: what the main thread actually worked. */
  busyMs: number;
  selfByFunction: Array<{ name: string; ms: number }>;
  selfByArea: Array<{ name: string; ms: number }>;
  /** Inclusive time of functions defined in src/ (recursion counted once). */
  inclusiveApp: Array<{ name: string; ms: number }>;
  /** Inclusive time of any function whose name matches one of `watch`. */
  watched: Array<{ name: string; ms: number }>;
}

function shortUrl(url: string): string {
  const u = url.replace(/^file:\/\//, '');
  const nm = u.lastIndexOf('/node_modules/');
  if (nm >= 0) return u.slice(nm + '/node_modules/'.length);
  const src = u.indexOf('/src/');
  if (src >= 0) return u.slice(src + 1);
  return u;
}

/** A package (node_modules), a source file (src/…), node's internals, or V8's pseudo-nodes. */
function areaOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native / V8 builtins)';
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const u = shortUrl(url);
  if (u !== url.replace(/^file:\/\//, '') && !u.startsWith('src/')) {
    const parts = u.split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  return u;
}

function keyOf(n: ProfileNode): string {
  const { functionName, url, lineNumber } = n.callFrame;
  if (!url) return functionName || '(anonymous)';
  return `${functionName || '(anonymous)'} ${shortUrl(url)}:${lineNumber + 1}`;
}

/**
 * `lastMs`: only the samples of the last `lastMs` milliseconds before `endMarginMs` from the end
 * (the load, without start-up and shutdown).
 */
export function summariseProfile(file: string, top = 20, watch: RegExp[] = [], window?: { lastMs: number; endMarginMs?: number }): ProfileSummary {
  const p = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  const to = p.endTime - (window?.endMarginMs ?? 0) * 1000;
  const from = window ? to - window.lastMs * 1000 : p.startTime;
  let t = p.startTime;
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i] ?? 0;
    if (t < from || t > to) continue;
    const id = p.samples[i]!;
    self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  }
  const totalMs = (to - from) / 1000;
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

  const selfFn = new Map<string, number>();
  const selfArea = new Map<string, number>();
  let idle = 0;
  for (const [id, ms] of self) {
    const n = byId.get(id)!;
    if (n.callFrame.functionName === '(idle)') idle += ms;
    add(selfFn, keyOf(n), ms);
    add(selfArea, areaOf(n.callFrame.url, n.callFrame.functionName), ms);
  }

  // Inclusive time: a node's self time plus its subtree's, each function counted once per stack.
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const root = p.nodes.find((n) => !parent.has(n.id))!;
  const incl = new Map<string, number>();
  const watched = new Map<string, number>();
  const total = new Map<number, number>();
  const subtree = (n: ProfileNode): number => {
    let t = self.get(n.id) ?? 0;
    for (const c of n.children ?? []) t += subtree(byId.get(c)!);
    total.set(n.id, t);
    return t;
  };
  subtree(root);
  const walk = (n: ProfileNode, onPath: Set<string>) => {
    const k = keyOf(n);
    const fresh = !onPath.has(k);
    if (fresh) {
      if (shortUrl(n.callFrame.url).startsWith('src/')) add(incl, k, total.get(n.id)!);
      const w = watch.find((re) => re.test(k));
      if (w) add(watched, k, total.get(n.id)!);
      onPath.add(k);
    }
    for (const c of n.children ?? []) walk(byId.get(c)!, onPath);
    if (fresh) onPath.delete(k);
  };
  walk(root, new Set());

  const sorted = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms }));
  return {
    totalMs,
    busyMs: totalMs - idle,
    selfByFunction: sorted(selfFn),
    selfByArea: sorted(selfArea),
    inclusiveApp: sorted(incl),
    watched: sorted(watched),
  };
}
