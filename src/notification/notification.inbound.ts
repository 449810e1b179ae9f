/**
 * The SMS gateway's calls to us (its webhook): SMS citizens send to the unit's number ("mo") and
 * delivery reports of our messages ("dlr"). The protocol (README, "Inbound SMS and delivery
 * reports"), which the test gateway in notification.testing.ts speaks:
 *
 *   POST /webhooks/sms
 *   X-Sms-Timestamp: <Unix seconds>
 *   X-Sms-Signature: sha256=<hex HMAC-SHA256(SMS_WEBHOOK_SECRET, "<timestamp>.<raw body>")>
 *   {"type":"mo","id":"<gateway id>","from":"+84912345678","text":"HUY"}
 *   {"type":"dlr","id":"<our message id, the 'id' we sent>","status":"delivered"|"failed","error":"…"}
 *
 * A signature older or newer than 5 minutes is refused (a replayed request). A brandname provider
 * with its own callback shape is put behind a small adapter that re-signs in this shape.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Clock } from '../shared/clock';
import { NotFoundError } from '../shared/errors';
import { cleanInput } from '../shared/text';
import type { NotificationService } from './notification.service';

const MAX_SKEW_S = 300;

export function smsWebhookSignature(secret: string, timestamp: string, rawBody: string | Buffer): string {
  return 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

const event = z.discriminatedUnion('type', [
  z.object({ type: z.literal('mo'), id: z.string().min(1).max(100), from: z.string().min(1).max(20), text: z.string().max(1000) }),
  z.object({ type: z.literal('dlr'), id: z.string().min(1).max(100), status: z.enum(['delivered', 'failed']), error: z.string().max(500).optional() }),
]);

export async function smsWebhookRoutes(app: FastifyInstance, deps: { notifications: NotificationService; secret?: string; clock: Clock }): Promise<void> {
  await app.register(async (scope) => {
    // In this scope only: the body arrives as bytes, exactly as signed.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 64 * 1024 }, (_req, body, done) => done(null, body));
    scope.post('/webhooks/sms', { config: { rateLimit: false }, schema: { hide: true } }, async (req, reply) => {
      if (!deps.secret) throw new NotFoundError();
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const ts = String(req.headers['x-sms-timestamp'] ?? '');
      const sig = Buffer.from(String(req.headers['x-sms-signature'] ?? ''));
      const expected = Buffer.from(smsWebhookSignature(deps.secret, ts, raw));
      const fresh = /^\d{1,12}$/.test(ts) && Math.abs(deps.clock.now().getTime() / 1000 - Number(ts)) <= MAX_SKEW_S;
      if (!fresh || sig.length !== expected.length || !timingSafeEqual(sig, expected)) {
        return reply.status(401).send({ error: { code: 'bad_signature', message: 'Chữ ký hoặc thời điểm của yêu cầu không hợp lệ.' } });
      }
      let parsed: z.infer<typeof event>;
      try {
        const r = event.safeParse(cleanInput(JSON.parse(raw.toString('utf8'))));
        if (!r.success) throw new Error();
        parsed = r.data;
      } catch {
        return reply.status(400).send({ error: { code: 'bad_request', message: 'Nội dung không đúng giao thức của cổng SMS.' } });
      }
      if (parsed.type === 'dlr') {
        const marked = await deps.notifications.deliveryReport({ id: parsed.id, delivered: parsed.status === 'delivered', error: parsed.error });
        return { received: true, marked };
      }
      const acted = await deps.notifications.receiveSms({ id: parsed.id, from: parsed.from, text: parsed.text });
      return { received: true, acted };
    });
  });
}
