import type { FastifyInstance } from 'fastify';

/**
 * Every route of the app as "METHOD /path/:param" (HEAD left out), read from the router itself:
 * what the scoping, read-only and menu tests walk, so a new route is never forgotten by them.
 */
export function routesOf(app: FastifyInstance): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)[├└]── (\S+)(?: \(([^)]+)\))?/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    const path = (depth ? stack[depth - 1]! : '') + m[2]!;
    stack[depth] = path;
    for (const method of (m[3] ?? '').split(',').map((x) => x.trim())) if (method && method !== 'HEAD') out.push(`${method} ${path}`);
  }
  return out;
}
