import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AccountService } from '../account';
import { DomainError, NotFoundError } from '../shared/errors';
import { html, parseInput } from '../shared/http';
import { checkCsrf } from '../shared/session';
import { PROOF_ROUTE } from './dossier.proof';
import { VerifyCodePage } from './dossier.proof-views';
import type { DossierService } from './dossier.service';

const CODE = z.string().regex(/^\d{2,5}-\d{6}-\d{4,}$/, 'Mã hồ sơ có dạng 00004-261129-0001');

/**
 * From the code and the phone to a proof that may change the dossier: a one-time code sent to
 * the applicant's phone; the right code opens the dossier's signed page (the link of the SMS).
 */
export async function dossierProofRoutes(app: FastifyInstance, deps: { dossiers: DossierService; accounts: AccountService; demo: boolean }): Promise<void> {
  const { dossiers, accounts } = deps;
  app.post('/ho-so/:code/xac-thuc', PROOF_ROUTE, async (req, reply) => {
    const { code } = parseInput(z.object({ code: CODE }), req.params);
    const { phone } = parseInput(z.object({ phone: z.string().max(20) }), req.query);
    const body = (req.body ?? {}) as Record<string, string>;
    checkCsrf(req, body._csrf);
    const d = await dossiers.getForActor(code, { kind: 'anonymous' }, { phone });
    if (!d.code) throw new NotFoundError('Không tìm thấy hồ sơ.', 'dossier_not_found');
    const page = (extra: { error?: string; demoCode?: string }, status = 200) =>
      html(reply, VerifyCodePage({ code: d.code!, phone: d.applicant.phone, csrf: req.csrfToken, homeHref: `/dv/${d.unitCode}`, ...extra }), status);
    try {
      if (body.step === 'verify') {
        await accounts.verifyOtp(d.applicant.phone, 'verify_phone', String(body.otp ?? ''));
        return reply.redirect(`/ho-so/${d.code}?t=${dossiers.token(d.code)}`, 303);
      }
      const r = await accounts.requestOtp(d.applicant.phone, 'verify_phone', d.unitCode);
      return page({ demoCode: r.demoCode });
    } catch (e) {
      if (!(e instanceof DomainError) || e instanceof NotFoundError) throw e;
      return page({ error: e.message }, 422);
    }
  });
}
