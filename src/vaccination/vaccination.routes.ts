import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { UnitService } from '../unit';
import { DomainError, ForbiddenError, RuleViolationError, ValidationError } from '../shared/errors';
import { html, parseInput } from '../shared/http';
import { body, errors, json, security } from '../shared/openapi';
import { checkApiCsrf, checkCsrf } from '../shared/session';
import { enrolBody, enrolJson, givenBody, proofQuery, scheduleJson, scheduleQuery, stationJson, stopJson, viewJson, viewToJson } from './vaccination.openapi';
import { CONSENT_TEXT, CONSENT_VERSION, ENROLMENT_ID, HEALTH_STATION_ROLES, type EnrolInput, type VaccinationService } from './vaccination.service';
import { EnrolPage, ParentPage, VerifyPage } from './vaccination.views';

const UNIT = z.string().regex(/^\d{2,5}$/, 'Mã đơn vị gồm 2 đến 5 chữ số');
const ID = z.string().regex(ENROLMENT_ID, 'Mã đăng ký nhắc lịch tiêm không hợp lệ');
const FIELDS = ['childName', 'birthDate', 'phone', 'village', 'zalo', 'consent'];
const one = (v: unknown) => (Array.isArray(v) ? String(v[0] ?? '') : v === undefined || v === null ? '' : String(v));
const TAG = 'Tiêm chủng';

export interface VaccinationRouteDeps {
  vaccination: VaccinationService;
  units: UnitService;
  requirePhoneVerification: boolean;
  defaultUnit: () => Promise<string>;
  requestOtp: (phone: string, unitCode: string) => Promise<{ demoCode?: string }>;
  verifyOtp: (phone: string, code: string) => Promise<unknown>;
}

/** The parent's pages and the public API: enrol, see the schedule, mark a dose as given, stop. */
export async function vaccinationRoutes(app: FastifyInstance, deps: VaccinationRouteDeps): Promise<void> {
  const { vaccination } = deps;
  const linkPath = (id: string) => `/tiem-chung/${id}?t=${vaccination.token(id)}`;

  /** The signed link's proof, or the unit's health station (API). */
  const proven = async (req: FastifyRequest, id: string, token: string | undefined) => {
    const e = await vaccination.get(id);
    if (vaccination.checkToken(id, token)) return e;
    const p = req.principal;
    if (p?.kind === 'staff' && HEALTH_STATION_ROLES.includes(p.staff.role) && p.staff.unitCode === e.unitCode) return e;
    throw new ForbiddenError('Cần liên kết có chữ ký trong tin nhắn (tham số t) hoặc tài khoản trạm y tế của đơn vị.', 'link_required');
  };

  // ------------------------------------------------------------------ pages (no JavaScript needed)

  app.get('/dv/:unit/nhac-lich-tiem', async (req, reply) => {
    const { unit } = parseInput(z.object({ unit: UNIT }), req.params);
    const u = await deps.units.get(unit);
    return html(reply, EnrolPage({ unit: u, csrf: req.csrfToken, values: {}, consentText: CONSENT_TEXT, settings: await vaccination.settings(unit), schedule: await vaccination.schedule(unit) }));
  });

  app.post('/dv/:unit/nhac-lich-tiem', async (req, reply) => {
    const { unit } = parseInput(z.object({ unit: UNIT }), req.params);
    const b = (req.body ?? {}) as Record<string, unknown>;
    checkCsrf(req, b._csrf);
    const u = await deps.units.get(unit);
    const values = Object.fromEntries(FIELDS.map((k) => [k, one(b[k])]));
    const verified = !!req.principal || !deps.requirePhoneVerification;
    try {
      const r = await vaccination.enrol({ ...values, unit, consent: values.consent === 'on' || values.consent === '1' }, { source: 'web', verified });
      if (verified) return reply.redirect(`${linkPath(r.enrolment.id)}&da=dang-ky`, 303);
      const otp = await deps.requestOtp(r.enrolment.phone, unit);
      return html(reply, VerifyPage({ unit: u, csrf: req.csrfToken, id: r.enrolment.id, phone: r.enrolment.phone, demoCode: otp.demoCode }));
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      return html(reply, EnrolPage({ unit: u, csrf: req.csrfToken, values, errors: e.fields, consentText: CONSENT_TEXT, settings: await vaccination.settings(unit), schedule: await vaccination.schedule(unit) }), 422);
    }
  });

  app.post('/dv/:unit/nhac-lich-tiem/:id', async (req, reply) => {
    const { unit, id } = parseInput(z.object({ unit: UNIT, id: ID }), req.params);
    const b = (req.body ?? {}) as Record<string, unknown>;
    checkCsrf(req, b._csrf);
    const u = await deps.units.get(unit);
    const e = await vaccination.get(id, unit);
    if (e.status === 'unverified') {
      try {
        await deps.verifyOtp(e.phone, one(b.code).trim());
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        return html(reply, VerifyPage({ unit: u, csrf: req.csrfToken, id, phone: e.phone, error: err.message }), 422);
      }
      await vaccination.phoneProven(id);
    }
    return reply.redirect(`${linkPath(id)}&da=dang-ky`, 303);
  });

  const parentPage = async (req: FastifyRequest, id: string, token: string, extra: { message?: string; error?: string } = {}) => {
    const v = await vaccination.view(id);
    return ParentPage({ v, csrf: req.csrfToken, token, unitName: (await deps.units.get(v.enrolment.unitCode)).name, ...extra });
  };
  const MESSAGES: Record<string, string> = {
    'dang-ky': 'Đã đăng ký nhắc lịch tiêm. Tin nhắn xác nhận đã được gửi tới số điện thoại của quý vị.',
    tiem: 'Đã ghi mũi tiêm. Phần mềm sẽ không nhắc mũi này nữa.',
    dung: 'Đã dừng nhắc lịch tiêm và xóa thông tin của cháu.',
  };

  /** The enrolment exists and `t` is its signed link's token (else 404 / 403); returns the token. */
  const signedLink = async (id: string, t: string, hint = ''): Promise<string> => {
    await vaccination.get(id);
    if (!vaccination.checkToken(id, t)) throw new ForbiddenError(`Liên kết không đúng hoặc thiếu chữ ký.${hint}`, 'link_required');
    return t;
  };

  app.get('/tiem-chung/:id', async (req, reply) => {
    const { id } = parseInput(z.object({ id: ID }), req.params);
    const q = req.query as Record<string, unknown>;
    const t = await signedLink(id, one(q.t), ' Xin mở đúng liên kết trong tin nhắn.');
    return html(reply, await parentPage(req, id, t, { message: MESSAGES[one(q.da)] }));
  });

  app.post('/tiem-chung/:id/da-tiem', async (req, reply) => {
    const { id } = parseInput(z.object({ id: ID }), req.params);
    const b = (req.body ?? {}) as Record<string, unknown>;
    checkCsrf(req, b._csrf);
    const t = await signedLink(id, one(b.t));
    try {
      await vaccination.markGiven(id, one(b.dose), { kind: 'parent' }, one(b.givenOn) || undefined);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      return html(reply, await parentPage(req, id, t, { error: e.fields.map((f) => f.message).join('; ') }), 422);
    }
    return reply.redirect(`${linkPath(id)}&da=tiem`, 303);
  });

  app.post('/tiem-chung/:id/dung', async (req, reply) => {
    const { id } = parseInput(z.object({ id: ID }), req.params);
    const b = (req.body ?? {}) as Record<string, unknown>;
    checkCsrf(req, b._csrf);
    await signedLink(id, one(b.t));
    await vaccination.stop(id, 'link');
    return reply.redirect(`${linkPath(id)}&da=dung`, 303);
  });

  // ------------------------------------------------------------------ the JSON API

  app.post(
    '/api/reminders/vaccination',
    {
      schema: {
        tags: [TAG],
        summary: 'Đăng ký nhắc lịch tiêm chủng cho trẻ dưới 24 tháng tuổi',
        operationId: 'enrolVaccinationReminders',
        security: security.optional,
        body: body({ json: enrolBody }),
        response: { 201: json(enrolJson, 'Đã đăng ký: lịch tiêm của cháu và liên kết của cha/mẹ'), ...errors(400, 404, 422) },
        description: `Cùng bằng chứng số điện thoại như khi nộp hồ sơ: phiên đăng nhập, hoặc mã OTP ("otp", lấy bằng POST /api/otp với purpose verify_phone) khi REQUIRE_PHONE_VERIFICATION bật. Người gọi phải cho cha/mẹ đọc nội dung đồng ý (phiên bản ${CONSENT_VERSION}): "${CONSENT_TEXT}". Lỗi 422: invalid_vaccination_enrolment (fields: birth_date_future, child_too_old, invalid_phone, unknown_unit, consent_required…), phone_not_verified, otp_invalid.`,
      },
    },
    async (req, reply) => {
      checkApiCsrf(req);
      const b = parseInput(z.looseObject({ otp: z.string().max(10).optional() }), req.body ?? {}, 'Dữ liệu đăng ký không hợp lệ.');
      // Every problem of the input first; then the phone's proof.
      await vaccination.validate(b as EnrolInput, 'api');
      let verified = !!req.principal || !deps.requirePhoneVerification;
      if (!verified) {
        if (!b.otp) throw new RuleViolationError('phone_not_verified', 'Cần mã xác thực gửi tới số điện thoại (trường "otp", lấy mã bằng POST /api/otp với purpose verify_phone).');
        await deps.verifyOtp(one(b.phone), b.otp);
        verified = true;
      }
      const r = await vaccination.enrol(b as EnrolInput, { source: 'api', verified });
      return reply.status(201).send({
        id: r.enrolment.id,
        status: r.enrolment.status,
        schedule: r.schedule.map((d) => ({ key: d.key, vaccine: d.vaccine, dose: d.dose, dueDate: d.dueDate })),
        stopUrl: r.stopUrl,
        consentVersion: r.enrolment.consentVersion,
      });
    },
  );

  const byLink: Array<Record<string, string[]>> = [{ trackingLink: [] }, { bearerAuth: [] }, { sessionCookie: [] }];

  app.get(
    '/api/reminders/vaccination/:id',
    {
      schema: {
        tags: [TAG],
        summary: 'Lịch tiêm của cháu, mũi đã tiêm, tình trạng nhắc lịch',
        operationId: 'getVaccinationReminders',
        security: byLink,
        params: { type: 'object', properties: { id: { type: 'string', description: 'Mã đăng ký (TC…)' } }, required: ['id'] },
        querystring: { type: 'object', properties: { t: { type: 'string', description: 'Chữ ký trong liên kết của cha/mẹ' } } },
        response: { 200: json(viewJson, 'Đăng ký và lịch tiêm'), ...errors(400, 403, 404) },
      },
    },
    async (req) => {
      const { id } = parseInput(z.object({ id: ID }), req.params);
      const { t } = parseInput(proofQuery, req.query);
      await proven(req, id, t);
      return viewToJson(await vaccination.view(id));
    },
  );

  app.post(
    '/api/reminders/vaccination/:id/stop',
    {
      schema: {
        tags: [TAG],
        summary: 'Dừng nhắc lịch tiêm (xóa thông tin của cháu)',
        operationId: 'stopVaccinationReminders',
        security: [{ trackingLink: [] }],
        params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
        querystring: { type: 'object', properties: { t: { type: 'string', description: 'Chữ ký trong liên kết của cha/mẹ' } } },
        response: { 200: json(stopJson, 'Đã dừng (gọi lại cũng trả lời như vậy)'), ...errors(400, 403, 404) },
      },
    },
    async (req) => {
      const { id } = parseInput(z.object({ id: ID }), req.params);
      const { t } = parseInput(proofQuery, req.query);
      await vaccination.get(id);
      if (!vaccination.checkToken(id, t)) throw new ForbiddenError('Cần liên kết có chữ ký trong tin nhắn (tham số t).', 'link_required');
      const e = await vaccination.stop(id, 'link');
      return { id: e.id, status: e.status };
    },
  );

  app.post(
    '/api/reminders/vaccination/:id/given',
    {
      schema: {
        tags: [TAG],
        summary: 'Báo một mũi đã tiêm (không nhắc mũi đó nữa)',
        operationId: 'markVaccinationDoseGiven',
        security: byLink,
        params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
        querystring: { type: 'object', properties: { t: { type: 'string', description: 'Chữ ký trong liên kết của cha/mẹ' } } },
        body: body({ json: givenBody }),
        response: { 200: json(viewJson, 'Lịch tiêm sau khi ghi'), ...errors(400, 403, 404, 409, 422) },
        description: 'Cha/mẹ (liên kết có chữ ký) hoặc tài khoản trạm y tế của đơn vị. Lỗi: 409 vaccination_not_active; 422 invalid_dose (unknown_dose, invalid_date).',
      },
    },
    async (req) => {
      checkApiCsrf(req);
      const { id } = parseInput(z.object({ id: ID }), req.params);
      const { t } = parseInput(proofQuery, req.query);
      const b = parseInput(z.object({ dose: z.string({ error: 'Cần mã mũi tiêm (dose)' }).max(40), givenOn: z.string().max(10).optional() }), req.body ?? {}, 'Dữ liệu không hợp lệ.');
      await proven(req, id, t);
      const p = req.principal;
      const by = vaccination.checkToken(id, t) || p?.kind !== 'staff' ? ({ kind: 'parent' } as const) : ({ kind: 'staff', staff: { id: p.staff.id, fullName: p.staff.fullName, unitCode: p.staff.unitCode, role: p.staff.role } } as const);
      return viewToJson(await vaccination.markGiven(id, b.dose, by, b.givenOn));
    },
  );

  app.get(
    '/api/vaccination/schedule',
    {
      schema: {
        tags: [TAG],
        summary: 'Lịch tiêm chủng mở rộng của đơn vị (0–24 tháng) và trạm y tế',
        operationId: 'getVaccinationSchedule',
        security: security.public,
        querystring: { type: 'object', properties: { unit: { type: 'string', description: 'Mã đơn vị (mặc định: đơn vị mặc định)' } } },
        response: { 200: json(scheduleJson, 'Các mũi tiêm theo tháng tuổi'), ...errors(400, 404) },
      },
    },
    async (req) => {
      const q = parseInput(scheduleQuery, req.query);
      const unit = q.unit ?? (await deps.defaultUnit());
      await deps.units.get(unit);
      const s = await vaccination.settings(unit);
      const doses = await vaccination.schedule(unit);
      return { unit, reminderDays: s.reminderDays, checked: s.checkedAt ? { by: s.checkedBy ?? '', at: s.checkedAt } : null, station: stationJson(s), doses };
    },
  );
}
