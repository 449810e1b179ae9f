import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify';
import { clientKey } from '../shared/client-key';
import type { AccountService } from '../account';
import { ForbiddenError } from '../shared/errors';
import { RateLimitedError, type Budget, type RateLimiter } from '../shared/rate-limit';
import { actorOf } from '../shared/session';
import type { DossierService } from './dossier.service';
import type { Dossier } from './dossier.types';

/**
 * The one budget of every route that takes a dossier code with a proof of ownership (the phone
 * number, the signed link): routes say `{ config: { proof: true } }` (spread PROOF_ROUTE) and this
 * gate counts them all against the same budget — an attacker guessing phones for sequential
 * codes gets 10 tries a minute in total, whichever route they use. The budget is the identity's
 * when there is one (an office of officials behind one address is not throttled by citizens'
 * limit), the address's when anonymous. A valid signed link proves possession and costs nothing.
 */
export const PROOF_ROUTE = { config: { proof: true } } as const;

export const PROOF_BUDGETS: Record<'anonymous' | 'citizen' | 'staff', Budget> = {
  anonymous: { max: 10, windowMs: 60_000 },
  citizen: { max: 60, windowMs: 60_000 },
  staff: { max: 600, windowMs: 60_000 },
};

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route takes a dossier code with a proof: it counts against the proof budget. */
    proof?: boolean;
  }
  interface FastifyInstance {
    /** Every route with a dossier-code parameter, and whether it is gated (for the tests that enumerate them). */
    proofGate: {
      routes: Array<{ method: string; url: string; proof: boolean }>;
      /**
       * Takes one try from the proof budget for a check made outside a gated route (the
       * assistant's status lookup): the request's own budget, or `key`'s (a Zalo follower's,
       * whose messages all come from Zalo's servers) with the anonymous allowance.
       * Throws RateLimitedError when it is spent.
       */
      take(req: FastifyRequest, key?: string): Promise<void>;
      /**
       * The gate of the request's route for the fast lane (src/shared/fast-lane.ts): the same check
       * as the route's own hook, a promise only when a try is taken; undefined for other routes.
       */
      fastLimit(req: FastifyRequest, reply: FastifyReply, config: FastifyContextConfig): Promise<void> | undefined;
    };
  }
}

export function proofKey(req: FastifyRequest): { key: string; budget: Budget } {
  const p = req.principal;
  if (p?.kind === 'staff') return { key: `proof:staff:${p.staff.id}`, budget: PROOF_BUDGETS.staff };
  if (p?.kind === 'citizen') return { key: `proof:citizen:${p.citizen.id}`, budget: PROOF_BUDGETS.citizen };
  return { key: `proof:ip:${clientKey(req.ip)}`, budget: PROOF_BUDGETS.anonymous };
}

/** Registered before the routes (it sees them being added). `limiter` undefined: RATE_LIMIT=off. */
export function registerProofGate(app: FastifyInstance, opts: { limiter: RateLimiter | undefined; signedLink: (code: string, token: string) => boolean }): void {
  const routes: FastifyInstance['proofGate']['routes'] = [];
  const take = async (req: FastifyRequest, key?: string) => {
    if (!opts.limiter) return;
    const k = key ? { key, budget: PROOF_BUDGETS.anonymous } : proofKey(req);
    await opts.limiter.take(k.key, k.budget);
  };
  /** A promise only when a try is taken from the budget (no promise with RATE_LIMIT=off or a valid signed link). */
  const check = (req: FastifyRequest, reply: FastifyReply): Promise<void> | undefined => {
    if (!opts.limiter) return undefined;
    const code = (req.params as { code?: unknown }).code;
    const t = (req.query as { t?: unknown }).t;
    if (!req.principal && typeof code === 'string' && typeof t === 'string' && t.length <= 40 && opts.signedLink(code, t)) return undefined;
    return take(req).catch((e: unknown) => {
      if (e instanceof RateLimitedError) reply.header('retry-after', String(e.retryAfterSeconds));
      throw e;
    });
  };
  // The route's config as the lane read it (no second `req.routeOptions`); nothing to do with RATE_LIMIT=off.
  const fastLimit = (req: FastifyRequest, reply: FastifyReply, config: FastifyContextConfig) => (opts.limiter && config.proof === true ? check(req, reply) : undefined);
  app.decorate('proofGate', { routes, take, fastLimit });
  const gate: preHandlerHookHandler = (req, reply, done) => {
    const p = check(req, reply);
    if (!p) return done();
    p.then(() => done(), done);
  };
  app.addHook('onRoute', (r) => {
    const proof = r.config?.proof === true;
    if (r.url.includes(':code') || proof) for (const m of [r.method].flat()) if (m !== 'HEAD') routes.push({ method: m, url: r.url, proof });
    if (!proof) return;
    const pre = r.preHandler;
    r.preHandler = [...(Array.isArray(pre) ? pre : pre ? [pre] : []), gate];
  });
}

export const STRONGER_PROOF_MESSAGE =
  'Để bổ sung, rút hồ sơ hoặc nộp phí, xin mở đường dẫn trong tin nhắn hoặc mã QR trên giấy hẹn, đăng nhập, hoặc xác thực bằng mã gửi tới số điện thoại của người nộp.';

/**
 * Changing a dossier (withdraw, supplement, pay, rate) needs more than reading it: see
 * DossierService.hasChangeProof; otherwise a one-time code sent to the applicant's phone
 * (POST /api/otp with purpose verify_phone, then "otp"), checked here. 403 stronger_proof_required.
 */
export async function requireChangeProof(req: FastifyRequest, d: Dossier, deps: { dossiers: DossierService; accounts?: AccountService }, proof: { token?: string; otp?: string }): Promise<void> {
  if (deps.dossiers.hasChangeProof(d, actorOf(req), proof)) return;
  if (proof.otp && deps.accounts) {
    await deps.accounts.verifyOtp(d.applicant.phone, 'verify_phone', proof.otp);
    return;
  }
  throw new ForbiddenError(STRONGER_PROOF_MESSAGE, 'stronger_proof_required');
}
