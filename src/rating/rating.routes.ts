/**
 * Satisfaction ratings over HTTP: the JSON API (POST/GET /api/dossiers/:code/rating), the page of
 * the signed link in the "result returned" message, the box of the tracking page, the counter
 * tablet (/dv/:unit/danh-gia) and the leaders' follow-up list (rating.staff-routes.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { clientKey } from '../shared/client-key';
import type { VNode } from 'preact';
import { z } from 'zod';
import type { AccountService } from '../account';
import { PROOF_ROUTE, requireChangeProof, type Dossier, type DossierService } from '../dossier';
import { ConflictError, DomainError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import { docSchema, html, parseInput } from '../shared/http';
import { body, errors, json, security } from '../shared/openapi';
import { RateLimitedError, RateLimiter, waitText, type Budget, type RateLimitStore } from '../shared/rate-limit';
import { actorOf, checkApiCsrf, checkCsrf } from '../shared/session';
import type { Clock } from '../shared/clock';
import type { UnitService } from '../unit';
import type { RatingActor, RatingService } from './rating.service';
import { RATING_LEVELS, RATING_REASONS, RATING_SOURCES, type Rating, type RatingSource } from './rating.types';
import { RatingPage, TabletPage, TabletThanksPage, TrackingRatingBox, type RatingBoxProps } from './rating.views';

export interface RatingRoutesDeps {
  ratings: RatingService;
  dossiers: DossierService;
  accounts: AccountService;
  units: UnitService;
  /** RATE_LIMIT: the tablet's budgets are counted only when it is on. */
  rateLimit: boolean;
  /** Where those budgets are counted (shared by the processes on one database); default: in memory. */
  limits?: RateLimitStore;
  /** HMAC with the server's secret key (tablet form tokens). */
  sign: (text: string) => string;
  clock: Clock;
}

const CODE = z.string().regex(/^\d{2,5}-\d{6}-\d{4,}$/, 'Mã hồ sơ có dạng 00004-261129-0001');
const UNIT = z.string().regex(/^\d{2,5}$/, 'Mã đơn vị gồm 2 đến 5 chữ số');
const proofQuery = z.object({ phone: z.string().max(20).optional(), t: z.string().max(40).optional(), otp: z.string().max(10).optional() });

/**
 * The counter tablet is a public page: a tablet (its address) gives at most 6 ratings a minute
 * and 200 an hour — a busy counter serves a citizen every few minutes, a script far more.
 */
export const TABLET_BUDGETS: Budget[] = [
  { max: 6, windowMs: 60_000 },
  { max: 200, windowMs: 3_600_000 },
];
/** The tablet's form is valid this long after the page was shown (it reloads itself every 24 hours). */
const TABLET_TOKEN_MS = 48 * 3_600_000;
/** Reasons are added on the thank-you screen within this time of the tap. */
const REASONS_WINDOW_MS = 5 * 60_000;
/**
 * The thank-you screen goes back to the buttons for the next citizen after this many seconds
 * (long enough to tick a reason), and this soon once the reasons are sent.
 */
const THANKS_SECONDS = 15;
const THANKS_AFTER_REASONS_SECONDS = 3;

const at = z.string().describe('Thời điểm (ISO 8601, UTC)');
const versionJson = z.object({
  version: z.number().int(),
  level: z.enum(RATING_LEVELS),
  reasons: z.array(z.enum(RATING_REASONS)),
  comment: z.string(),
  source: z.enum(RATING_SOURCES),
  ratedAt: at,
});
export const ratingJson = z.object({
  dossierCode: z.string(),
  rating: versionJson.extend({ firstRatedAt: at, changeableUntil: at }).nullable().describe('Đánh giá đang có hiệu lực (null: chưa đánh giá)'),
  history: z.array(versionJson).describe('Mọi lần đánh giá, cũ trước'),
  changeable: z.boolean().describe('Còn được đánh giá hoặc thay đổi (hồ sơ đã trả kết quả, trong 30 ngày kể từ lần đầu)'),
  followUp: z
    .object({ dueAt: at, answer: z.string().nullable(), answeredAt: at.nullable(), answeredBy: z.string().nullable() })
    .nullable()
    .describe('Phản ánh "Không hài lòng": hạn trả lời và câu trả lời của đơn vị'),
});
const ratingBody = z
  .object({
    level: z.enum(RATING_LEVELS).describe('very_satisfied: Rất hài lòng; satisfied: Hài lòng; dissatisfied: Không hài lòng'),
    reasons: z.array(z.enum(RATING_REASONS)).optional().describe('staff_attitude: Thái độ cán bộ; time: Thời gian giải quyết; guidance: Hướng dẫn; fees: Phí, lệ phí; other: Khác'),
    comment: z.string().max(1000).optional().describe('Ý kiến, tối đa 1.000 ký tự (lưu dạng NFC)'),
    otp: z.string().optional().describe('Mã xác thực gửi tới số điện thoại của người nộp (POST /api/otp, purpose verify_phone), khi không có liên kết có chữ ký hay phiên đăng nhập'),
  })
  .meta({ examples: [{ level: 'dissatisfied', reasons: ['time'], comment: 'Phải chờ lâu' }] });

function toJson(code: string, r: Awaited<ReturnType<RatingService['forDossier']>>, finished: boolean): z.infer<typeof ratingJson> {
  const v = (x: Rating) => ({ version: x.version, level: x.level, reasons: x.reasons, comment: x.comment, source: x.source, ratedAt: x.ratedAt });
  return {
    dossierCode: code,
    rating: r.current ? { ...v(r.current), firstRatedAt: r.current.firstRatedAt, changeableUntil: r.current.changeableUntil } : null,
    history: r.history.map(v),
    changeable: finished && r.changeable,
    followUp: r.followUp ? { dueAt: r.followUp.dueAt, answer: r.followUp.answer, answeredAt: r.followUp.answeredAt, answeredBy: r.followUp.answeredBy } : null,
  };
}

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : []);

export async function ratingRoutes(app: FastifyInstance, deps: RatingRoutesDeps): Promise<void> {
  const { ratings, dossiers, accounts } = deps;
  const now = () => deps.clock.now().getTime();
  const limiter = deps.rateLimit ? new RateLimiter(deps.limits, now) : undefined;

  const proofOf = (req: FastifyRequest) => {
    const q = parseInput(proofQuery, req.query);
    return { phone: q.phone, token: q.t, otp: q.otp };
  };
  const ratingActor = (req: FastifyRequest): RatingActor => {
    const a = actorOf(req);
    return a.kind === 'anonymous' ? a : { kind: a.kind, id: a.id };
  };

  // ------------------------------------------------------------------ JSON API
  app.post(
    '/api/dossiers/:code/rating',
    {
      ...PROOF_ROUTE,
      schema: {
        tags: ['Hồ sơ'],
        summary: 'Đánh giá mức độ hài lòng với hồ sơ đã trả kết quả (được thay đổi trong 30 ngày)',
        operationId: 'rateDossier',
        security: security.owner,
        description: [
          'Cùng bằng chứng như khi thay đổi hồ sơ: liên kết có chữ ký (?t=), phiên đăng nhập của người nộp, hoặc mã hồ sơ + số điện thoại (?phone=) + mã xác thực một lần (otp).',
          'Mỗi lần gửi khác đánh giá đang có là một phiên bản mới (lịch sử được giữ); gửi lại y hệt không tạo phiên bản mới. "dissatisfied" báo lãnh đạo đơn vị và mở phản ánh chờ trả lời (3 ngày làm việc).',
          'Lỗi: 400 invalid_input (fields[].code: invalid_level, invalid_reason, comment_too_long); 403 stronger_proof_required; 409 not_finished (chưa trả kết quả), rating_closed (quá 30 ngày kể từ lần đánh giá đầu), rating_changed (hai lần gửi cùng lúc).',
        ].join('\n\n'),
        querystring: docSchema(proofQuery),
        body: body({ json: ratingBody }),
        response: { 200: json(ratingJson, 'Đánh giá đang có hiệu lực và lịch sử'), ...errors(400, 403, 404, 409) },
      },
    },
    async (req) => {
      checkApiCsrf(req);
      const { code } = parseInput(z.object({ code: CODE }), req.params);
      const proof = proofOf(req);
      const d = await dossiers.getForActor(code, actorOf(req), proof);
      const b = (req.body ?? {}) as Record<string, unknown>;
      if (typeof b !== 'object' || Array.isArray(b)) throw new ValidationError('Cần một đối tượng JSON {level, reasons?, comment?}.', [{ field: '(gốc)', code: 'invalid_type', message: 'Cần đối tượng JSON' }]);
      await requireChangeProof(req, d, { dossiers, accounts }, { token: proof.token, otp: typeof b.otp === 'string' && b.otp ? b.otp : proof.otp });
      const { otp: _otp, ...input } = b;
      await ratings.rateDossier(d, input, { actor: ratingActor(req), source: 'api' });
      return toJson(code, await ratings.forDossier(d.id), true);
    },
  );

  app.get(
    '/api/dossiers/:code/rating',
    {
      ...PROOF_ROUTE,
      schema: {
        tags: ['Hồ sơ'],
        summary: 'Đánh giá của hồ sơ, lịch sử và câu trả lời của đơn vị',
        operationId: 'getDossierRating',
        security: security.owner,
        querystring: docSchema(proofQuery),
        response: { 200: json(ratingJson, 'Đánh giá (null khi chưa có), lịch sử, câu trả lời'), ...errors(400, 404) },
      },
    },
    async (req) => {
      const { code } = parseInput(z.object({ code: CODE }), req.params);
      const d = await dossiers.getForActor(code, actorOf(req), proofOf(req));
      return toJson(code, await ratings.forDossier(d.id), d.status === 'returned');
    },
  );

  // ------------------------------------------------------------------ the rating page (signed link) and the tracking page's form
  /** The box's view model for a dossier and a request. */
  const boxFor = async (req: FastifyRequest, d: Dossier, extra: Partial<RatingBoxProps> = {}): Promise<RatingBoxProps> => {
    const proof = proofOf(req);
    const strong = dossiers.hasChangeProof(d, actorOf(req), proof);
    const r = await ratings.forDossier(d.id);
    const t = strong && proof.token ? `?t=${encodeURIComponent(proof.token)}` : '';
    return {
      code: d.code!,
      current: r.current,
      followUp: r.followUp,
      changeable: r.changeable,
      canRate: strong && d.status === 'returned' && r.changeable,
      action: `/ho-so/${d.code}/danh-gia${t}`,
      csrf: req.csrfToken,
      ...extra,
    };
  };

  const page = async (req: FastifyRequest, reply: FastifyReply, d: Dossier, extra: Partial<RatingBoxProps> = {}, status = 200) => {
    const [named] = await dossiers.named([d]);
    const unit = await deps.units.get(d.unitCode);
    const proof = proofOf(req);
    const q = proof.token ? `?t=${encodeURIComponent(proof.token)}` : proof.phone ? `?phone=${encodeURIComponent(proof.phone)}` : '';
    const box = await boxFor(req, d, extra);
    if (d.status !== 'returned' && !box.current && !extra.error) box.error = 'Hồ sơ chưa trả kết quả nên chưa thể đánh giá. Ông/Bà có thể đánh giá sau khi nhận kết quả.';
    return html(reply, RatingPage({ ...box, procedureName: named!.procedureName, unitName: unit.name, homeHref: `/dv/${d.unitCode}`, trackingHref: `/ho-so/${d.code}${q}` }), status);
  };

  app.get('/ho-so/:code/danh-gia', PROOF_ROUTE, async (req, reply) => {
    const { code } = parseInput(z.object({ code: CODE }), req.params);
    const d = await dossiers.getForActor(code, actorOf(req), proofOf(req));
    return page(req, reply, d, { saved: 'da-gui' in (req.query as object) });
  });

  app.post('/ho-so/:code/danh-gia', PROOF_ROUTE, async (req, reply) => {
    const { code } = parseInput(z.object({ code: CODE }), req.params);
    const form = (req.body ?? {}) as Record<string, unknown>;
    checkCsrf(req, form._csrf);
    const proof = proofOf(req);
    const d = await dossiers.getForActor(code, actorOf(req), proof);
    await requireChangeProof(req, d, { dossiers, accounts }, { token: proof.token });
    const input = { level: typeof form.level === 'string' && form.level ? form.level : undefined, reasons: asList(form.reasons), comment: typeof form.comment === 'string' ? form.comment : '' };
    const source: RatingSource = form.from === 'tracking' ? 'tracking' : 'link';
    try {
      await ratings.rateDossier(d, input, { actor: ratingActor(req), source });
    } catch (e) {
      if (!(e instanceof DomainError) || e instanceof NotFoundError || e instanceof ForbiddenError) throw e;
      const fieldErrors: Record<string, string> = {};
      if (e instanceof ValidationError) for (const f of e.fields) fieldErrors[f.field] ??= f.message;
      return page(req, reply, d, { error: e.message, fieldErrors, values: input as RatingBoxProps['values'] }, e instanceof ValidationError ? 400 : e instanceof ConflictError ? 409 : 422);
    }
    const t = proof.token ? `?t=${encodeURIComponent(proof.token)}` : '';
    if (source === 'tracking') return reply.redirect(`/ho-so/${d.code}${t}#danh-gia`, 303);
    return reply.redirect(`/ho-so/${d.code}/danh-gia${t ? `${t}&` : '?'}da-gui=1`, 303);
  });

  // ------------------------------------------------------------------ the counter tablet
  const tabletToken = (unit: string, issued: number, dossier = '') => {
    const ts = issued.toString(36);
    return `${ts}.${deps.sign(`tablet:${unit}:${dossier}:${ts}`).slice(0, 22)}`;
  };
  const tabletTokenOk = (unit: string, token: unknown, dossier = ''): boolean => {
    if (typeof token !== 'string' || token.length > 60) return false;
    const ts = parseInt(token.split('.')[0] ?? '', 36);
    if (!Number.isFinite(ts) || now() - ts > TABLET_TOKEN_MS || ts - now() > 60_000) return false;
    return token === tabletToken(unit, ts, dossier);
  };
  const reasonsToken = (ratingId: string) => deps.sign(`tablet-reasons:${ratingId}`).slice(0, 22);

  /** The dossier the official at the counter picked (its signed link: ?ho-so=&t=), if any. */
  const pickedDossier = async (req: FastifyRequest, unit: string): Promise<Dossier | undefined> => {
    const q = req.query as Record<string, unknown>;
    if (typeof q['ho-so'] !== 'string' || !q['ho-so']) return undefined;
    const code = parseInput(CODE, q['ho-so']);
    const t = typeof q.t === 'string' ? q.t.slice(0, 40) : '';
    const d = await dossiers.getForActor(code, { kind: 'anonymous' }, { token: t });
    if (d.unitCode !== unit) throw new NotFoundError('Không tìm thấy hồ sơ này ở đơn vị.', 'dossier_not_found');
    return d;
  };

  const tabletPage = async (req: FastifyRequest, reply: FastifyReply, unit: string, d: Dossier | undefined, error?: string, status = 200) => {
    const u = await deps.units.get(unit);
    const q = d ? `?ho-so=${d.code}&t=${encodeURIComponent(dossiers.token(d.code!))}` : '';
    return html(reply, TabletPage({ unitCode: unit, unitName: u.name, action: `/dv/${unit}/danh-gia${q}`, token: tabletToken(unit, now(), d?.code ?? ''), dossierCode: d?.code ?? undefined, error }), status);
  };

  app.get('/dv/:unit/danh-gia', async (req, reply) => {
    const { unit } = parseInput(z.object({ unit: UNIT }), req.params);
    await deps.units.get(unit);
    reply.header('cache-control', 'no-store');
    return tabletPage(req, reply, unit, await pickedDossier(req, unit));
  });

  app.post('/dv/:unit/danh-gia', async (req, reply) => {
    const { unit } = parseInput(z.object({ unit: UNIT }), req.params);
    await deps.units.get(unit);
    reply.header('cache-control', 'no-store');
    const form = (req.body ?? {}) as Record<string, unknown>;
    const d = await pickedDossier(req, unit);
    if (!tabletTokenOk(unit, form.token, d?.code ?? '')) return tabletPage(req, reply, unit, d, 'Trang đã mở quá lâu. Xin chạm lại vào mức đánh giá.', 403);
    try {
      for (const b of limiter ? TABLET_BUDGETS : []) await limiter!.take(`tablet:${unit}:${clientKey(req.ip)}:${b.windowMs}`, b);
    } catch (e) {
      if (!(e instanceof RateLimitedError)) throw e;
      reply.header('retry-after', String(e.retryAfterSeconds));
      return tabletPage(req, reply, unit, d, `Máy đã nhận nhiều đánh giá liên tiếp. Xin chờ ${waitText(e.retryAfterSeconds)} rồi đánh giá lại.`, 429);
    }
    // The dossier the counter official just handed back (picked in the workspace), if any.
    const pickedCode = d || !(RATING_LEVELS as readonly unknown[]).includes(form.level) ? undefined : ratings.takeTabletPick(unit);
    const rated = d ?? (pickedCode ? await dossiers.findByCode(pickedCode) : undefined);
    let r: Rating;
    try {
      r = rated ? await ratings.rateDossier(rated, { level: form.level }, { actor: { kind: 'anonymous' }, source: 'counter' }) : await ratings.rateVisit(unit, { level: form.level });
    } catch (e) {
      if (!(e instanceof DomainError) || e instanceof NotFoundError) throw e;
      return tabletPage(req, reply, unit, d, e instanceof ValidationError ? 'Xin chạm vào một trong ba nút đánh giá.' : e.message, e instanceof ValidationError ? 400 : 409);
    }
    return html(reply, TabletThanksPage({ unitCode: unit, level: r.level, reasonsAction: `/dv/${unit}/danh-gia/ly-do?r=${r.ratingId}`, token: reasonsToken(r.ratingId), seconds: THANKS_SECONDS, dossierCode: r.dossierCode }));
  });

  app.post('/dv/:unit/danh-gia/ly-do', async (req, reply) => {
    const { unit } = parseInput(z.object({ unit: UNIT }), req.params);
    const { r: ratingId } = parseInput(z.object({ r: z.string().min(10).max(40) }), req.query);
    reply.header('cache-control', 'no-store');
    const form = (req.body ?? {}) as Record<string, unknown>;
    // Only the screen that just gave the rating holds this token, and only for a few minutes.
    const current = await ratings.findRating(ratingId);
    if (form.token !== reasonsToken(ratingId) || !current || current.unitCode !== unit || now() - new Date(current.ratedAt).getTime() > REASONS_WINDOW_MS) {
      return tabletPage(req, reply, unit, undefined, 'Không thêm được lý do cho lượt đánh giá này nữa. Cảm ơn Ông/Bà!', 409);
    }
    const r = await ratings.addReasons(ratingId, unit, { reasons: asList(form.reasons) });
    return html(reply, TabletThanksPage({ unitCode: unit, level: r.level, token: '', seconds: THANKS_AFTER_REASONS_SECONDS, reasonsSaved: r.reasons.length > 0, dossierCode: r.dossierCode }));
  });
}

/**
 * The rating section of the tracking page (the dossier module calls it through app.ts): for a
 * returned dossier, the form or the rating given and the unit's answer.
 */
export async function ratingTrackingBox(ratings: RatingService, d: Dossier, o: { strong: boolean; token?: string; csrf: string }): Promise<VNode | undefined> {
  // Only a returned dossier can be rated ('returned' is final): no query on the tracking page of any other.
  if (!d.code || d.status !== 'returned') return undefined;
  const r = await ratings.forDossier(d.id);
  const t = o.strong && o.token ? `?t=${encodeURIComponent(o.token)}` : '';
  return TrackingRatingBox({
    code: d.code,
    current: r.current,
    followUp: r.followUp,
    changeable: r.changeable,
    canRate: o.strong && d.status === 'returned' && r.changeable,
    action: `/ho-so/${d.code}/danh-gia${t}`,
    csrf: o.csrf,
    from: 'tracking',
  });
}
