/**
 * The ceiling of an answer: a bare Fastify route in its own process that sends the very bytes and
 * headers motcua sent for that URL (recorded once by bench/run.ts), with no work at all — only
 * the choice of the recorded encoding by the request's Accept-Encoding, as motcua chooses it.
 * What motcua does per request beyond that is what a ratio against this ceiling measures.
 *
 * Reads the recordings from the JSON file named by CEILING_FILE:
 * [{ path, encoding: 'br' | 'gzip' | 'identity', status, headers, body (base64) }].
 */
import fs from 'node:fs';
import Fastify from 'fastify';

interface Recorded {
  path: string;
  encoding: 'br' | 'gzip' | 'identity';
  status: number;
  headers: Record<string, string>;
  body: string;
}

const recorded = JSON.parse(fs.readFileSync(process.env.CEILING_FILE!, 'utf8')) as Recorded[];
const byPath = new Map<string, Partial<Record<Recorded['encoding'], { status: number; headers: Record<string, string>; body: Buffer }>>>();
for (const r of recorded) {
  const m = byPath.get(r.path) ?? {};
  m[r.encoding] = { status: r.status, headers: r.headers, body: Buffer.from(r.body, 'base64') };
  byPath.set(r.path, m);
}

const app = Fastify({ logger: false });
app.get('/healthz', async () => 'ok');
for (const [p, variants] of byPath) {
  app.get(p.split('?')[0]!, (req, reply) => {
    const accept = req.headers['accept-encoding'] ?? '';
    const v = (accept.includes('br') && variants.br) || (accept.includes('gzip') && variants.gzip) || variants.identity!;
    reply.code(v.status).headers(v.headers).send(v.body);
  });
}
const port = Number(process.env.PORT ?? 0);
await app.listen({ port, host: '127.0.0.1' });
process.stdout.write(`READY ${port}\n`);
// A clean exit on SIGTERM (bench/prof-answer.ts profiles the ceiling: --cpu-prof writes on exit).
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
