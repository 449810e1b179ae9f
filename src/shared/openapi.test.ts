/**
 * The API contract: /docs/json is valid OpenAPI 3.1 (swagger-parser and `redocly lint` with the
 * committed redocly.yaml, no error and no warning), every operation is documented (summary,
 * operationId, security, request body, every answer with its schema, errors with the shared
 * Error schema), and requests built from the spec — valid-ish, anonymous, invalid, unknown ids —
 * get answers whose status is documented and whose body matches the schema documented for it.
 *
 * A new /api route without documentation makes this file fail: document it in its `schema:`
 * block (see src/shared/openapi.ts) and, if it has a new path parameter, add a fixture below.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Desk, fillForm, multipart, PDF } from '../dossier/workflow.testing';
import { travelClock } from './clock';
import { createTestEnv, engines, notInTheDaysLastMinute, type TestEnv } from './testing';
import { currentPeriod, seedReportDemo } from '../report';
import { makeDemoCertificate, SigningService } from '../signing';
import { createDoc, draw, toBuffer } from './pdf';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

type Json = any; // the spec is data read at run time
interface Operation {
  method: (typeof METHODS)[number];
  path: string;
  op: Json;
}

/** Operations that cannot succeed in this environment, and where their success is tested. */
const NO_SUCCESS_HERE: Record<string, string> = {
  'get /metrics': 'METRICS_TOKEN is not set here, so /metrics answers 404 (its 200 is tested in src/ops/ops.test.ts)',
  'post /api/dossiers/{code}/payments/vnpay': 'no VNPay merchant configured here (the 201 is tested in src/payment/payment.test.ts)',
  'post /api/groups/{code}/payments/vnpay': 'no VNPay merchant configured here, and paying needs the signed link (the 201 is tested in src/linked/linked.payment.test.ts)',
  'post /api/dossiers/{code}/rating': 'rating needs a returned dossier and the signed link or a one-time code (the 200 is tested in src/rating/rating.routes.test.ts)',
};

function operations(spec: Json): Operation[] {
  const out: Operation[] = [];
  for (const [p, item] of Object.entries<Json>(spec.paths)) for (const m of METHODS) if (item[m]) out.push({ method: m, path: p, op: item[m] });
  return out;
}

/** Inline `#/components/schemas/X` references so a schema validates on its own. */
function inlineRefs(schema: Json, spec: Json): Json {
  if (Array.isArray(schema)) return schema.map((s) => inlineRefs(s, spec));
  if (!schema || typeof schema !== 'object') return schema;
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#/components/schemas/')) {
    return inlineRefs(spec.components.schemas[schema.$ref.slice('#/components/schemas/'.length)], spec);
  }
  const out: Json = {};
  for (const [k, v] of Object.entries(schema)) out[k] = inlineRefs(v, spec);
  return out;
}

/** A plausible value for a JSON Schema (examples and defaults first). */
function sample(s: Json, depth = 0): unknown {
  if (!s || depth > 6) return undefined;
  if (Array.isArray(s.examples) && s.examples.length) return s.examples[0];
  if (s.default !== undefined) return s.default;
  if (s.const !== undefined) return s.const;
  if (Array.isArray(s.enum)) return s.enum[0];
  const alt = s.anyOf ?? s.oneOf;
  if (Array.isArray(alt)) return sample(alt.find((a: Json) => a.type !== 'null') ?? alt[0], depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type;
  switch (type) {
    case 'string':
      if (s.format === 'date') return '2026-12-01';
      if (s.format === 'date-time') return '2026-12-01T02:00:00.000Z';
      if (s.format === 'email') return 'an@example.vn';
      if (s.format === 'binary') return undefined;
      return 'Nguyễn Văn An'.slice(0, s.maxLength ?? 60).padEnd(s.minLength ?? 0, 'a');
    case 'integer':
    case 'number':
      return Math.max(1, s.minimum ?? 1);
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items, depth + 1));
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const k of s.required ?? []) o[k] = sample(s.properties?.[k] ?? {}, depth + 1);
      return o;
    }
    default:
      return undefined;
  }
}

/** The same object with every property of the wrong type. */
function wrongTypes(s: Json): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, p] of Object.entries<Json>(s?.properties ?? {})) {
    const t = Array.isArray(p.type) ? p.type[0] : p.type;
    o[k] = t === 'string' ? 12345 : t === 'object' ? 'x' : t === 'array' ? 'x' : 'x'.repeat(3);
  }
  if (!Object.keys(o).length) o.unexpected = ['x'];
  return o;
}

describe('OpenAPI document', () => {
  let env: TestEnv;
  let spec: Json;
  beforeAll(async () => {
    env = await createTestEnv('sqlite');
    const r = await env.app.inject({ method: 'GET', url: '/docs/json' });
    expect(r.statusCode).toBe(200);
    spec = r.json();
  });
  afterAll(() => env?.close());

  it('shows the reader’s page in Vietnamese, fitted to a phone, with its narrow-screen styles served', async () => {
    for (const url of ['/docs', '/docs/']) {
      const page = await env.app.inject({ method: 'GET', url });
      const html = page.statusCode === 302 ? (await env.app.inject({ method: 'GET', url: String(page.headers.location) })).body : page.body;
      expect(html, url).toContain('<html lang="vi">');
      expect(html, url).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
      expect(html, url).toContain('<title>Tài liệu API — motcua</title>');
    }
    const css = await env.app.inject({ method: 'GET', url: '/docs/static/theme/mobile.css' });
    expect(css.statusCode).toBe(200);
    expect(css.body).toContain('@media (max-width: 600px)');
  });

  it('is valid OpenAPI 3.1 with a licence and the PUBLIC_URL server (swagger-parser)', async () => {
    expect(spec.openapi).toBe('3.1.0');
    expect(spec.info.license.name).toBeTruthy();
    expect(spec.servers).toEqual([expect.objectContaining({ url: 'http://motcua.test' })]);
    await SwaggerParser.validate(structuredClone(spec));
  });

  it('passes `redocly lint` with redocly.yaml: no error, no warning', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-openapi-'));
    const file = path.join(dir, 'openapi.json');
    fs.writeFileSync(file, JSON.stringify(spec));
    try {
      const out = await run(path.join(ROOT, 'node_modules/.bin/redocly'), ['lint', file, '--config', path.join(ROOT, 'redocly.yaml'), '--format', 'json'], {
        cwd: ROOT,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      }).catch((e: { stdout: string; stderr: string }) => e);
      const report = JSON.parse(out.stdout.slice(out.stdout.indexOf('{')));
      const problems = report.problems.map((p: Json) => `${p.severity} ${p.ruleId}: ${p.message} @ ${p.location?.[0]?.pointer}`);
      expect(problems).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('documents every operation: summary, operationId, security, body, answers and errors', () => {
    const problems: string[] = [];
    const ids = new Set<string>();
    for (const { method, path: p, op } of operations(spec)) {
      const at = `${method.toUpperCase()} ${p}`;
      if (!op.summary) problems.push(`${at}: no summary`);
      if (!op.operationId) problems.push(`${at}: no operationId`);
      else if (ids.has(op.operationId)) problems.push(`${at}: duplicate operationId ${op.operationId}`);
      ids.add(op.operationId);
      if (!Array.isArray(op.security)) problems.push(`${at}: no security (use security.public for [] )`);
      if ((method === 'put' || method === 'patch') && !op.requestBody) problems.push(`${at}: no requestBody`);
      const statuses = Object.keys(op.responses ?? {});
      if (!statuses.some((s) => /^2/.test(s))) problems.push(`${at}: no success answer`);
      if (!statuses.some((s) => /^4/.test(s))) problems.push(`${at}: no error answer`);
      for (const [s, r] of Object.entries<Json>(op.responses ?? {})) {
        if (r.description === 'Default Response') problems.push(`${at} ${s}: undocumented answer`);
        if (/^[45]/.test(s) && r.content?.['application/json']?.schema?.$ref !== '#/components/schemas/Error') problems.push(`${at} ${s}: error answer without the Error schema`);
        if (/^2/.test(s) && s !== '204' && !r.content) problems.push(`${at} ${s}: success answer without content`);
      }
    }
    expect(problems).toEqual([]);
  });
});

for (const engine of engines()) {
  describe(`API contract: every answer as documented [${engine}]`, () => {
    let env: TestEnv;
    let desk: Desk;
    let spec: Json;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const tokens: Record<string, string> = {};
    const fixtures: Record<string, string> = {};
    // The real time, except while an operation that depends on the time of day is tried (arriving for an appointment).
    const clock = travelClock();

    beforeAll(async () => {
      // DEMO: the one-time code comes back in the answer, so a citizen can sign in.
      env = await createTestEnv(engine, { clock, env: { REQUIRE_PHONE_VERIFICATION: 'off', DEMO: 'on' } });
      desk = new Desk(env);
      spec = (await env.app.inject({ method: 'GET', url: '/docs/json' })).json();
      for (const u of ['tiepnhan', 'quantri', 'lanhdao', 'giamsat', 'tramyte']) {
        const r = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: 'demo' } });
        tokens[u] = r.json().token;
      }
      const d = await desk.submitOnline('1.001193');
      fixtures.dossier = d.code;
      fixtures.phone = d.applicant.phone;
      // A dossier with a fee (1.004222), received at the counter, for the cash payment.
      fixtures.feeDossier = (await desk.receiveAtCounter('1.004222')).code;
      const otp = (await env.app.inject({ method: 'POST', url: '/api/otp', payload: { phone: d.applicant.phone, purpose: 'sign_in' } })).json();
      tokens.citizen = (await env.services.accounts.signInCitizenWithOtp(d.applicant.phone, otp.demoCode)).session.token;
      // A draft (for attachments and submission), of the same applicant.
      const form = (await env.app.inject({ method: 'GET', url: '/api/procedures/1.001193/form' })).json();
      const draft = await env.app.inject({ method: 'POST', url: '/api/dossiers', payload: { procedureCode: '1.001193', applicant: d.applicant, formData: fillForm(form.formData) } });
      expect(draft.statusCode, draft.body).toBe(201);
      fixtures.draft = draft.json().id;
      for (const c of form.cases[0].components.filter((x: Json) => x.required)) {
        const mp = multipart([{ name: 'component', value: c.id }, { name: 'file', value: PDF, filename: 'scan.pdf', type: 'application/pdf' }]);
        const a = await env.app.inject({ method: 'POST', url: `/api/dossiers/${fixtures.draft}/attachments?phone=${fixtures.phone}`, payload: mp.body, headers: mp.headers });
        expect(a.statusCode, a.body).toBe(201);
      }
      fixtures.session = 'phien-thu-nghiem-01';
      await env.app.inject({ method: 'POST', url: '/api/assistant/ask', payload: { question: 'Đăng ký khai sinh cần giấy tờ gì?', sessionId: fixtures.session } });
      const notes = await env.services.notifications.list({ dossierCode: d.code, limit: 1 });
      // A saved catalogue version identical to the current catalogue (restoring it changes nothing).
      const admin = { authorization: `Bearer ${tokens.quantri}` };
      const cat = (await env.app.inject({ method: 'GET', url: '/api/admin/catalog', headers: admin })).json();
      const rows = cat.items.map((i: Json) => ({ procedureCode: i.procedureCode, commitment: i.commitment, note: i.note, essential: i.essential }));
      await env.app.inject({ method: 'PUT', url: '/api/admin/catalog', headers: admin, payload: { rows } });
      await env.app.inject({ method: 'PUT', url: '/api/admin/catalog', headers: admin, payload: { rows } });
      fixtures.catalogVersion = (await env.app.inject({ method: 'GET', url: '/api/admin/catalog/versions', headers: admin })).json().items[0]?.id ?? 'x';
      fixtures.notification = String((notes as Json[])[0]?.id ?? '0');
      // The counter queue: the demo ward's services and open counters, open until late (the clock is the real one).
      await env.services.queue.seedDemo('00004');
      await env.services.queue.saveSettings('00004', { closingTime: '23:59' });
      await notInTheDaysLastMinute();
      fixtures.ticket = (await env.services.queue.takeTicket({ unitCode: '00004', service: 'cu-tru', source: 'web' })).id;
      // Appointments: a weekly session of the ward's first service, and one booking per operation that changes it.
      const appt = env.services.appointments;
      fixtures.apptService = (await appt.queueServices('00004'))[0]?.code ?? 'ho-tich';
      await appt.createSession('00004', { service: fixtures.apptService, weekdays: [1, 2, 3, 4, 5, 6], start: '07:30', end: '11:30', slotMinutes: 30, counters: 3, perCounter: 2 });
      const free = (await appt.slots('00004', { service: fixtures.apptService, days: 14, onlyFree: true })).map((x) => x.at);
      const book = async (phone: string, i: number) => (await appt.book('00004', { service: fixtures.apptService, slotAt: free[i], fullName: 'Nguyễn Văn An', phone }, { source: 'web' })).appointment.code;
      fixtures.appointment = await book(d.applicant.phone, 0);
      fixtures.appointmentSlot = free[0]!;
      fixtures.appointmentMove = await book('0912000101', 0);
      fixtures.appointmentCancel = await book('0912000102', 0);
      // Targets and scoring: one target to remove; scoring tables of the city over its wards — one
      // to read and change, one to finalise, one finalised to correct.
      const lead = (await env.services.accounts.findStaffByUsername('lanhdao'))!;
      fixtures.target = (await env.services.performance.setTarget(lead, { subject: 'unit', metric: 'overdue', value: 0, period: '2026-12' })).id;
      const sup = (await env.services.accounts.findStaffByUsername('giamsat'))!;
      const criteria = [{ name: 'Công tác chỉ đạo, điều hành', maxPoints: 20, kind: 'manual' as const }];
      const scoring = env.services.scoring;
      fixtures.scoring = (await scoring.createTable(sup, { month: '2026-01', criteria })).id;
      fixtures.criterion = (await scoring.view(sup, fixtures.scoring)).criteria[0]!.id;
      fixtures.scoringToFinalise = (await scoring.createTable(sup, { month: '2026-02', criteria })).id;
      fixtures.scoringFinal = (await scoring.createTable(sup, { month: '2026-03', criteria })).id;
      await scoring.finalise(sup, fixtures.scoringFinal);
      fixtures.freeSlot = free[1]!;
      // The demo reports (issue 12), for the DHIS2 exchange.
      await seedReportDemo(env.services.reports, new Date(), false);
      fixtures.freeSlot2 = free[2]!;
      // A linked group (issue 14) of the same applicant, submitted once.
      await env.services.linked.seedDemo('demo');
      const lt = (await env.app.inject({ method: 'GET', url: '/api/procedures/LT-KS?unit=00004' })).json();
      const born = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
      const ltForm = multipart([
        { name: 'dossier', value: JSON.stringify({ unit: '00004', procedureCode: 'LT-KS', applicant: d.applicant, formData: fillForm(lt.formData, { date: born }) }) },
        { name: 'giay-chung-sinh', value: PDF, filename: 'giay-chung-sinh.pdf', type: 'application/pdf' },
      ]);
      const group = await env.app.inject({ method: 'POST', url: '/api/dossiers', payload: ltForm.body, headers: ltForm.headers });
      expect(group.statusCode, group.body).toBe(201);
      fixtures.group = group.json().groupCode;
      // A result signed with a demo certificate, for the verification page's API (issue 14).
      const signer = new SigningService(env.services.database.db, env.services.files, env.services.clock, { publicUrl: env.config.publicUrl, p12: makeDemoCertificate({ unitName: 'Phường Ba Đình', password: 'x', now: new Date() }), password: 'x' });
      const result = createDoc({ title: 'Kết quả', margins: { top: 56, left: 85, right: 56 } }, {});
      draw(result, 'GIẤY XÁC NHẬN', 85, 80, { font: 'serifBold', size: 16 }, 420);
      fixtures.signed = (await signer.issue(await toBuffer(result), { unitCode: '00004', unitName: 'Phường Ba Đình', title: 'Giấy xác nhận', holderName: 'Nguyễn Văn An', signerName: 'Lãnh đạo', fileName: 'ket-qua.pdf' })).document.id;
      // Two children enrolled for vaccination reminders: one to read and mark, one to stop.
      const vacBorn = new Date(Date.now() + 7 * 3_600_000 - 30 * 86_400_000).toISOString().slice(0, 10);
      for (const [k, phone] of [['vaccination', '0912000201'], ['vaccinationStop', '0912000202']] as const) {
        const r = await env.services.vaccination.enrol({ unit: '00004', childName: 'Nguyễn Minh An', birthDate: vacBorn, phone }, { source: 'api', verified: true });
        fixtures[k] = r.enrolment.id;
        fixtures[`${k}Token`] = new URL(r.stopUrl).searchParams.get('t')!;
      }
      fixtures.vaccinationBorn = vacBorn;
    });
    afterAll(() => env?.close());

    /** Existing values for path parameters, by path and name; `missing` gives well-formed unknown ones. */
    function param(p: string, name: string, missing: boolean): string {
      if (name === 'code' && /^\/api\/dossiers\/\{code\}\/(attachments|submit)$/.test(p)) return missing ? '0199ffff-0000-7000-8000-000000000000' : fixtures.draft!;
      if (name === 'code' && p === '/api/dossiers/{code}/payments/cash') return missing ? '00004-991231-9999' : fixtures.feeDossier!;
      if (name === 'code' && p.startsWith('/api/dossiers/')) return missing ? '00004-991231-9999' : fixtures.dossier!;
      if (name === 'code' && p.startsWith('/api/groups/')) return missing ? 'LT-00004-991231-9999' : fixtures.group!;
      if (name === 'code' && p.startsWith('/api/appointments/')) return missing ? 'LH22222222' : p.endsWith('/move') ? fixtures.appointmentMove! : p.endsWith('/cancel') ? fixtures.appointmentCancel! : fixtures.appointment!;
      if (name === 'code' && p.startsWith('/api/reports/dataSets/')) return missing ? 'KHONG_CO_BAO_CAO' : 'CACH_LY';
      if (name === 'code') return missing ? '9.999999' : '1.001193';
      if (name === 'form') return missing ? 'khong-co' : 'kiem-soat';
      if (name === 'username') return missing ? 'khongco' : 'chuyenvien2';
      if (name === 'id' && p.startsWith('/api/notifications/')) return missing ? '0199ffff-0000-7000-8000-000000000000' : fixtures.notification!;
      if (name === 'id' && p.startsWith('/api/admin/catalog/versions/')) return missing ? '0199ffff-0000-7000-8000-000000000000' : fixtures.catalogVersion!;
      if (name === 'id' && p.startsWith('/api/performance/targets/')) return missing ? '0199ffff-0000-7000-8000-000000000000' : fixtures.target!;
      if (name === 'id' && p.startsWith('/api/scoring/tables/')) return missing ? '0199ffff-0000-7000-8000-000000000000' : p.endsWith('/finalise') ? fixtures.scoringToFinalise! : p.endsWith('/corrections') ? fixtures.scoringFinal! : fixtures.scoring!;
      if (name === 'id' && p.startsWith('/api/queue/tickets/')) return missing ? 'AAAAAAAAAAAAAAAAAAAAAA' : fixtures.ticket!;
      if (name === 'id' && p.startsWith('/api/xac-thuc/')) return missing ? '0199ffff-0000-7000-8000-000000000000' : fixtures.signed!;
      if (name === 'counter') return missing ? 'X9' : '1';
      if (name === 'id' && p.startsWith('/api/reminders/vaccination/')) return missing ? 'TCAAAAAAAAAA' : p.endsWith('/stop') ? fixtures.vaccinationStop! : fixtures.vaccination!;
      if (name === 'sessionId') return missing ? '0199ffff-0000-7000-8000-000000000000' : fixtures.session!;
      if (name === 'unit') return missing ? '99999' : '00004';
      throw new Error(`No fixture for path parameter {${name}} of ${p}: add one in src/shared/openapi.test.ts`);
    }

    /** Who calls: an official of the right role for the operation, or the applicant's proof. */
    function auth(o: Operation): { headers: Record<string, string>; query: Record<string, string> } {
      const kinds = (o.op.security ?? []).flatMap((s: Json) => Object.keys(s));
      if (!kinds.length) return { headers: {}, query: {} };
      if (kinds.includes('phoneProof') && !o.path.includes('/actions')) return { headers: {}, query: { phone: fixtures.phone! } };
      // The parent's signed link (stopUrl's t); the health station's list needs its own account.
      if (o.path.startsWith('/api/reminders/vaccination/')) return { headers: {}, query: { t: o.path.endsWith('/stop') ? fixtures.vaccinationStopToken! : fixtures.vaccinationToken! } };
      if (o.path.startsWith('/api/vaccination/due')) return { headers: { authorization: `Bearer ${tokens.tramyte}` }, query: {} };
      const who = o.path.startsWith('/api/me/') ? 'citizen' : /^\/api\/(admin|audit)/.test(o.path) ? 'quantri' : o.path.endsWith('/self-assessment') ? 'lanhdao' : o.path.startsWith('/api/scoring') ? 'giamsat' : o.path.startsWith('/api/performance/targets') ? 'lanhdao' : 'tiepnhan';
      return { headers: { authorization: `Bearer ${tokens[who]}` }, query: {} };
    }

    function buildUrl(o: Operation, missing: boolean, query: Record<string, unknown>): string {
      const p = o.path.replace(/\{(\w+)\}/g, (_m, n: string) => encodeURIComponent(param(o.path, n, missing)));
      const qs = new URLSearchParams();
      for (const [k, v] of Object.entries(query)) if (v !== undefined) qs.set(k, String(v));
      return qs.size ? `${p}?${qs}` : p;
    }

    function requiredQuery(o: Operation, bad: boolean): Record<string, unknown> {
      const q: Record<string, unknown> = {};
      for (const prm of o.op.parameters ?? []) {
        if (prm.in !== 'query') continue;
        if (bad) q[prm.name] = '<>'.repeat(300);
        else if (prm.required) q[prm.name] = prm.example ?? sample(prm.schema);
      }
      return q;
    }

    function bodyOf(o: Operation, kind: 'valid' | 'invalid'): Pick<InjectOptions, 'payload' | 'headers'> {
      const content = o.op.requestBody?.content;
      if (!content) return {};
      const jsonMedia = content['application/json'];
      if (jsonMedia) {
        const s = inlineRefs(jsonMedia.schema, spec);
        const valid = jsonMedia.example ?? sample(s);
        return { payload: (kind === 'valid' ? valid : wrongTypes(s)) as object, headers: { 'content-type': 'application/json' } };
      }
      const form = content['multipart/form-data']?.schema;
      if (form) {
        const parts: Array<{ name: string; value: string | Buffer; filename?: string; type?: string }> = [];
        for (const [k, p] of Object.entries<Json>(form.properties ?? {})) {
          if (p.format === 'binary' || p.contentMediaType) parts.push({ name: k, value: kind === 'valid' ? PDF : Buffer.from('not a pdf'), filename: 'tep.pdf', type: 'application/pdf' });
          else if (kind === 'valid' && (form.required ?? []).includes(k)) parts.push({ name: k, value: String(sample(p)) });
        }
        const mp = multipart(parts);
        return { payload: mp.body, headers: mp.headers };
      }
      return {};
    }

    /** Valid requests that must not disturb the fixtures the other requests rely on. */
    /** A ticket called at counter 1 (for recall, serve, done, no-show, transfer). */
    const calledAtCounter = async () => {
      const official = { id: 'o', fullName: 'Nguyễn Thị Hòa', unitCode: '00004' };
      await env.services.queue.takeTicket({ unitCode: '00004', service: 'ho-tich', source: 'web' });
      await env.services.queue.callNext(official, '1');
      return {};
    };
    const overrides: Record<string, () => Promise<{ payload?: object; headers?: Record<string, string> }>> = {
      callNextQueueTicket: async () => {
        await env.services.queue.takeTicket({ unitCode: '00004', service: 'ho-tich', source: 'web' });
        return {};
      },
      recallQueueTicket: calledAtCounter,
      serveQueueTicket: calledAtCounter,
      finishQueueTicket: calledAtCounter,
      noShowQueueTicket: calledAtCounter,
      transferQueueTicket: async () => {
        await calledAtCounter();
        return { payload: { unit: '00004', service: 'dat-dai' } };
      },
      // The unit's catalogue replaced by its own rows: nothing changes for the later requests.
      replaceUnitCatalog: async () => {
        const r = await env.app.inject({ method: 'GET', url: '/api/admin/catalog', headers: { authorization: `Bearer ${tokens.quantri}` } });
        const rows = r.json().items.map((i: Json) => ({ procedureCode: i.procedureCode, commitment: i.commitment, note: i.note, essential: i.essential }));
        return { payload: { rows } };
      },
      // A child a month old today (the example's birth date grows too old with time).
      enrolVaccinationReminders: async () => ({ payload: { childName: 'Trần Thị Bình', birthDate: fixtures.vaccinationBorn!, phone: '0912000203', unit: '00004', consent: true } }),
      // A bank statement in the layout banks export (the upload generator sends a PDF).
      importBankStatement: async () => {
        const csv = ['STT,Ngày giao dịch,Số tham chiếu,Diễn giải,Ghi nợ,Ghi có', `1,30/11/2026,FT26334001,"CK HS ${fixtures.feeDossier} LE PHI",,"20,000"`].join('\n');
        const mp = multipart([{ name: 'file', value: Buffer.from(csv), filename: 'saoke.csv', type: 'text/csv' }]);
        return { payload: mp.body, headers: { ...mp.headers, authorization: `Bearer ${tokens.tiepnhan}` } };
      },
      // A free slot of the session made in beforeAll (the example's date is long past).
      bookAppointment: async () => ({ payload: { unit: '00004', service: fixtures.apptService, slotAt: fixtures.freeSlot2, fullName: 'Trần Thị Bình', phone: '0912000103' } }),
      moveAppointment: async () => ({ payload: { slotAt: fixtures.freeSlot } }),
      // Arriving is accepted from 30 minutes before the slot: the clock travels to 10 minutes before
      // it (back to the real time after this operation), and the official signs in at that time.
      arriveAppointment: async () => {
        clock.set(Date.parse(fixtures.appointmentSlot!) - 10 * 60_000);
        const r = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'tiepnhan', password: 'demo' } });
        return { headers: { authorization: `Bearer ${r.json().token}` } };
      },
      // A month without a table, and real criteria of the table made in beforeAll.
      // Today's returning workers of the official's ward (a report not yet marked complete).
      importDataValueSet: async () => ({ payload: { dataSet: 'LAO_DONG_VE', period: currentPeriod('daily', new Date()), orgUnit: '00004', dataValues: [{ dataElement: 'HOUSEHOLDS', value: '3' }] } }),
      // A new report of the city, saved by its supervisor (the editor's JSON, DHIS2-shaped).
      saveReportDataSet: async () => ({
        payload: { code: 'THU_HOP_DONG', name: 'Báo cáo thử', periodType: 'monthly', dataElements: [{ code: 'SO_VIEC', name: 'Số việc', valueType: 'INTEGER_ZERO_OR_POSITIVE' }], units: ['00004'] },
        headers: { authorization: `Bearer ${tokens.giamsat}` },
      }),
      createScoringTable: async () => ({ payload: { month: '2026-04', criteria: [{ name: 'Kỷ luật, kỷ cương', maxPoints: 10, kind: 'manual' }] } }),
      selfAssessScoring: async () => ({ payload: { criterion: fixtures.criterion, points: 15, note: 'Đã ban hành kế hoạch' } }),
      adjustScoring: async () => ({ payload: { unit: '00004', criterion: fixtures.criterion, points: 12, reason: 'Thiếu văn bản chỉ đạo' } }),
      createTarget: async () => ({ payload: { subject: 'staff:chuyenvien', metric: 'handled', value: 10, period: '2026-12' } }),
      // A new password ends the official's other sessions: an account no other request uses.
      changeOwnPassword: async () => {
        const r = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'chuyenvien', password: 'demo' } });
        return { headers: { authorization: `Bearer ${r.json().token}` } };
      },
    };

    function check(o: Operation, label: string, r: LightMyRequestResponse, problems: string[]): void {
      const at = `${o.method.toUpperCase()} ${o.path} [${label}] → ${r.statusCode}`;
      const doc = o.op.responses?.[String(r.statusCode)];
      if (!doc) {
        problems.push(`${at}: status not documented (${r.body.slice(0, 200)})`);
        return;
      }
      const type = String(r.headers['content-type'] ?? '').split(';')[0]!.trim();
      if (!doc.content) return;
      const media = doc.content[type];
      if (!media) {
        problems.push(`${at}: content type ${type || '(none)'} not documented (${Object.keys(doc.content).join(', ')})`);
        return;
      }
      if (type !== 'application/json') return;
      const validate = ajv.compile(inlineRefs(media.schema, spec));
      if (!validate(r.json())) problems.push(`${at}: ${ajv.errorsText(validate.errors, { separator: '; ' })} — ${r.body.slice(0, 300)}`);
    }

    it('answers every operation with a documented status and a body that matches its schema', async () => {
      const problems: string[] = [];
      const succeeded = new Set<string>();
      const seen = new Map<string, string[]>();
      for (const o of operations(spec)) {
        const a = auth(o);
        const isPublic = !(o.op.security ?? []).length || (o.op.security as Json[]).some((s) => !Object.keys(s).length);
        const variants: Array<[string, InjectOptions]> = [];
        const body = bodyOf(o, 'valid');
        const over = overrides[o.op.operationId] ? await overrides[o.op.operationId]!() : {};
        variants.push(['valid', { url: buildUrl(o, false, { ...requiredQuery(o, false), ...a.query }), ...body, ...(over.payload ? { payload: over.payload } : {}), headers: { ...body.headers, ...a.headers, ...over.headers } }]);
        if (!isPublic) variants.push(['anonymous', { url: buildUrl(o, false, requiredQuery(o, false)), ...body, headers: { ...body.headers } }]);
        const bad = o.op.requestBody ? bodyOf(o, 'invalid') : {};
        variants.push(['invalid', { url: buildUrl(o, false, { ...requiredQuery(o, true), ...a.query }), ...bad, headers: { ...bad.headers, ...a.headers } }]);
        if (/\{\w+\}/.test(o.path)) variants.push(['unknown id', { url: buildUrl(o, true, { ...requiredQuery(o, false), ...a.query }), ...body, headers: { ...body.headers, ...a.headers } }]);
        for (const [label, req] of variants) {
          const r = await env.app.inject({ method: o.method.toUpperCase() as 'GET', ...req });
          if (r.statusCode < 300) succeeded.add(`${o.method} ${o.path}`);
          seen.set(`${o.method} ${o.path}`, [...(seen.get(`${o.method} ${o.path}`) ?? []), `${label} → ${r.statusCode} ${r.statusCode >= 300 ? r.body.slice(0, 160) : ''}`]);
          check(o, label, r, problems);
        }
        clock.resume();
      }
      expect(problems).toEqual([]);
      // Every operation answered successfully at least once with the demo seed.
      const never = operations(spec)
        .map((o) => `${o.method} ${o.path}`)
        .filter((k) => !succeeded.has(k))
        .map((k) => `${k}: ${seen.get(k)!.join(' | ')}`);
      expect(never.filter((k) => !Object.keys(NO_SUCCESS_HERE).some((op) => k.startsWith(op)))).toEqual([]);
    });
  });
}
