import '@fastify/cookie';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import { z } from 'zod';
import type { Principal } from '../account';
import type { CatalogService } from '../catalog';
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import { docSchema, html, parseInput } from '../shared/http';
import { body as docBody } from '../shared/openapi';
import { askExample, assistantDocs } from '../shared/openapi.more';
import { checkCsrf } from '../shared/session';
import { asUpload, readMultipart } from '../shared/uploads';
import { staffNav } from '../shared/staff-layout';
import { cleanInput } from '../shared/text';
import type { UnitService } from '../unit';
import type { AssistantService, ChatMessage } from './assistant.service';
import { ChatBox, ChatPage, FaqPage, HandoffPage, InboxPage, MessageList, StatsPage, SynonymsPage } from './assistant.views';
import { verifyZaloSignature, type ZaloEvent } from './zalo';

export interface AssistantRoutesDeps {
  assistant: AssistantService;
  catalog: CatalogService;
  units: UnitService;
  defaultUnit: () => Promise<string>;
  secureCookies: boolean;
  rateLimit: boolean;
  /** Zalo webhook settings; the route answers 404 when Zalo is not configured. */
  zalo?: { appId: string; oaSecretKey: string };
}

/** The web chat's own cookie: a random id naming the conversation (not a sign-in). */
const CHAT_COOKIE = 'motcua_chat';
const UNIT = z.string().regex(/^\d{2,5}$/, 'Mã đơn vị gồm 2 đến 5 chữ số');
const CODE = z.string().regex(/^\d\.\d{6}$/, 'Mã thủ tục có dạng 1.001193');
const SESSION_ID = z.string().regex(/^[\w.:-]{8,100}$/, 'sessionId gồm 8 đến 100 ký tự chữ, số, dấu chấm, gạch');
const ID = z.string().regex(/^[0-9a-f-]{36}$/, 'Mã không hợp lệ');
/** Photos the web chat takes in one post (front and back, the pages of one paper). */
const CHAT_PHOTOS_AT_ONCE = 6;

const askBody = z.object({
  question: z.string({ message: 'Cần câu hỏi (question)' }).min(1, 'Câu hỏi không được để trống').max(1000, 'Câu hỏi tối đa 1000 ký tự'),
  sessionId: SESSION_ID.optional(),
  unit: UNIT.optional(),
});

/** The web chat's form token: derived from the chat cookie, which a foreign site cannot read. */
const chatCsrf = (sid: string) => createHash('sha256').update(`csrf:${sid}`).digest('base64url').slice(0, 32);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function assistantRoutes(app: FastifyInstance, deps: AssistantRoutesDeps): Promise<void> {
  const { assistant, units, catalog } = deps;
  const cookieOpts = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: deps.secureCookies, maxAge: 30 * 86400 };
  const askLimit = deps.rateLimit ? { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } } : {};

  const chatSession = (req: FastifyRequest, reply: FastifyReply, create: boolean): string | undefined => {
    const sid = req.cookies[CHAT_COOKIE];
    if (sid && /^[\w-]{24,64}$/.test(sid)) return sid;
    if (!create) return undefined;
    const fresh = randomBytes(24).toString('base64url');
    reply.setCookie(CHAT_COOKIE, fresh, cookieOpts);
    return fresh;
  };

  const unitOf = async (raw: unknown): Promise<string> => {
    const { dv } = parseInput(z.object({ dv: UNIT.optional() }), { dv: typeof raw === 'string' && raw ? raw : undefined });
    return assistant.resolveUnit(dv ?? (await deps.defaultUnit()));
  };

  const waitingFor = (messages: ChatMessage[]) => {
    const lastHandoff = messages.findLast((m) => m.decision === 'handoff');
    return !!lastHandoff && !messages.some((m) => m.role === 'staff' && m.seq > lastHandoff.seq);
  };

  // ------------------------------------------------------------------ web chat (works without JavaScript)

  app.get('/tro-ly', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const unitCode = await unitOf(q.dv);
    const unit = await units.get(unitCode);
    const sid = chatSession(req, reply, true)!;
    const messages = await assistant.history('web', sid);
    reply.header('cache-control', 'no-store');
    return html(reply, ChatPage({ unit, messages, form: { csrf: chatCsrf(sid), unit: unitCode }, waiting: waitingFor(messages) }));
  });

  /** The chat as a fragment, for the widget's panel on every public page. */
  app.get('/tro-ly/khung', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const unitCode = await unitOf(q.dv);
    const unit = await units.get(unitCode);
    const sid = chatSession(req, reply, true)!;
    const messages = await assistant.history('web', sid);
    reply.header('cache-control', 'no-store');
    return reply
      .type('text/html; charset=utf-8')
      .send(renderToString(ChatBox({ unit, messages: messages.slice(-30), form: { csrf: chatCsrf(sid), unit: unitCode }, waiting: waitingFor(messages), idPrefix: 'as-w' })));
  });

  /**
   * One message of the web chat (a question, or a photo for a chat submission), then the answer:
   * a redirect back to the page (or the page with the error), or with `?fragment=1` the new
   * messages as JSON for the widget.
   */
  const chatTurn = async (req: FastifyRequest, reply: FastifyReply, input: { csrf: unknown; dv: unknown; expired: string }, send: (unitCode: string, sid: string) => Promise<string | undefined>) => {
    const fragment = (req.query as Record<string, unknown>).fragment === '1';
    const sid = chatSession(req, reply, false);
    if (!sid || !sameToken(String(input.csrf ?? ''), chatCsrf(sid))) throw new ForbiddenError(input.expired, 'csrf_failed');
    const unitCode = await unitOf(input.dv);
    const before = (await assistant.history('web', sid)).at(-1)?.seq ?? 0;
    let error: string | undefined;
    try {
      error = await send(unitCode, sid);
    } catch (e) {
      if (!(e instanceof DomainError) || e instanceof NotFoundError) throw e;
      error = e.message;
    }
    if (!fragment) {
      if (error) {
        const unit = await units.get(unitCode);
        const messages = await assistant.history('web', sid);
        return html(reply, ChatPage({ unit, messages, form: { csrf: chatCsrf(sid), unit: unitCode }, waiting: waitingFor(messages), error }), 422);
      }
      return reply.redirect(`/tro-ly?dv=${unitCode}#cuoi`, 303);
    }
    const all = await assistant.history('web', sid);
    const fresh = all.filter((m) => m.seq > before);
    reply.header('cache-control', 'no-store');
    return reply.type('application/json; charset=utf-8').send({
      html: renderToString(MessageList({ messages: fresh, form: { csrf: chatCsrf(sid), unit: unitCode } })),
      last: all.at(-1)?.seq ?? 0,
      waiting: waitingFor(all),
      error: error ?? null,
    });
  };

  app.post('/tro-ly', askLimit, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    return chatTurn(req, reply, { csrf: body._csrf, dv: body.dv, expired: 'Phiên trò chuyện đã hết hạn. Xin tải lại trang và hỏi lại.' }, async (unitCode, sid) => {
      const question = String(body.q ?? '').trim();
      const context = typeof body.ctx === 'string' && CODE.safeParse(body.ctx).success ? body.ctx : undefined;
      if (question) await assistant.ask({ unitCode, question, channel: 'web', sessionKey: sid, context, takeProof: () => app.proofGate.take(req) });
      return undefined;
    });
  });

  /**
   * Photos sent in the web chat (a paper of a chat submission, "Nộp ngay trong cuộc trò chuyện"):
   * multipart, one file or several chosen at once (front and back, the pages of a paper), each
   * answered in turn as a question is.
   */
  app.post('/tro-ly/anh', askLimit, async (req, reply) => {
    const { fields, files } = await readMultipart(req, { maxFileBytes: 10 * 1024 * 1024, maxTotalBytes: 40 * 1024 * 1024, maxFiles: CHAT_PHOTOS_AT_ONCE });
    return chatTurn(req, reply, { csrf: fields._csrf, dv: fields.dv, expired: 'Phiên trò chuyện đã hết hạn. Xin tải lại trang và gửi lại ảnh.' }, async (unitCode, sid) => {
      if (!files.length) return 'Xin chọn ảnh chụp giấy tờ để gửi.';
      for (const file of files) {
        const photo = await asUpload(file);
        await assistant.ask({ unitCode, question: `[Ảnh] ${photo.filename || 'ảnh'}`, channel: 'web', sessionKey: sid, photo });
      }
      return undefined;
    });
  });

  /** New messages since a number (a staff reply to a handed-over question), for polling. */
  app.get('/tro-ly/tin-moi', async (req, reply) => {
    const q = parseInput(z.object({ sau: z.coerce.number().int().min(0).default(0), dv: UNIT.optional() }), req.query);
    const sid = chatSession(req, reply, false);
    reply.header('cache-control', 'no-store');
    if (!sid) return { html: '', last: q.sau, waiting: false };
    const unitCode = await unitOf(q.dv);
    const all = await assistant.history('web', sid);
    const fresh = all.filter((m) => m.seq > q.sau);
    return { html: fresh.length ? renderToString(MessageList({ messages: fresh, form: { csrf: chatCsrf(sid), unit: unitCode } })) : '', last: all.at(-1)?.seq ?? q.sau, waiting: waitingFor(all) };
  });

  // ------------------------------------------------------------------ JSON API

  app.post(
    '/api/assistant/ask',
    {
      ...askLimit,
      schema: {
        tags: ['Trợ lý ảo'],
        summary: 'Hỏi trợ lý ảo về thủ tục hành chính',
        description:
          'Trả lời từ danh mục thủ tục của đơn vị. `procedures` xếp từ phù hợp nhất, `score` là độ tin cậy 0–1; với lời chào, lời cảm ơn hoặc câu hỏi ngoài phạm vi thì `procedures` rỗng. `handoff: true` nghĩa là câu hỏi đã được chuyển cho cán bộ; câu trả lời của cán bộ đọc ở `GET /api/assistant/sessions/{sessionId}/messages`. Cùng `sessionId` thì trợ lý nhớ thủ tục vừa hỏi (ví dụ hỏi tiếp “thế phí bao nhiêu?”).',
        body: docBody({ json: askBody.meta({ examples: [askExample] }) }),
        ...assistantDocs.askAssistant,
      },
    },
    async (req, reply) => {
      const body = parseInput(askBody, req.body ?? {});
      // Without a sessionId the browser's chat cookie is used, else a one-off conversation.
      const web = body.sessionId ? undefined : chatSession(req, reply, false);
      const channel = body.sessionId ? 'api' : web ? 'web' : 'api';
      const key = body.sessionId ?? web ?? randomBytes(18).toString('base64url');
      const r = await assistant.ask({ unitCode: body.unit, question: body.question, channel, sessionKey: key, takeProof: () => app.proofGate.take(req) });
      return { answer: r.answer, intent: r.intent, procedures: r.procedures.map((p) => ({ code: p.code, name: p.name, score: p.score })), handoff: r.handoff };
    },
  );

  app.get(
    '/api/assistant/sessions/:sessionId/messages',
    {
      schema: {
        tags: ['Trợ lý ảo'],
        summary: 'Tin nhắn của một phiên hỏi đáp qua API (kể cả câu trả lời của cán bộ)',
        params: docSchema(z.object({ sessionId: z.string() })),
        querystring: docSchema(z.object({ after: z.number().int().optional() })),
        ...assistantDocs.listAssistantMessages,
      },
    },
    async (req) => {
      const { sessionId } = parseInput(z.object({ sessionId: SESSION_ID }), req.params);
      const { after } = parseInput(z.object({ after: z.coerce.number().int().min(0).optional() }), req.query);
      const messages = await assistant.history('api', sessionId, after);
      return { messages: messages.map((m) => ({ seq: m.seq, role: m.role, text: m.text, at: m.createdAt })) };
    },
  );

  // ------------------------------------------------------------------ Zalo webhook (raw body for the signature)

  await app.register(async (zaloScope) => {
    // In this scope only: the body arrives as bytes, exactly as signed.
    zaloScope.removeAllContentTypeParsers();
    zaloScope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 256 * 1024 }, (_req, body, done) => done(null, body));
    zaloScope.post('/webhooks/zalo', { config: { rateLimit: false }, schema: { hide: true } }, async (req, reply) => {
      if (!deps.zalo || !assistant.zaloEnabled) throw new NotFoundError();
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      let event: ZaloEvent;
      try {
        event = JSON.parse(raw.toString('utf8')) as ZaloEvent;
      } catch {
        return reply.status(400).send({ error: { code: 'bad_request', message: 'Nội dung không phải JSON.' } });
      }
      const header = req.headers['x-zevent-signature'];
      const ok = verifyZaloSignature(Array.isArray(header) ? header[0] : header, deps.zalo.appId, raw, String(event?.timestamp ?? ''), deps.zalo.oaSecretKey);
      if (!ok) return reply.status(401).send({ error: { code: 'bad_signature', message: 'Chữ ký không hợp lệ.' } });
      // Signed as raw bytes, so cleaned here (after the check) rather than by the edge hook.
      event = cleanInput(event) as ZaloEvent;
      // Zalo wants 200 within 2 seconds: answer first, then work.
      reply.status(200).send({ received: true });
      assistant.inBackground(async () => {
        // Every follower writes through Zalo's servers: each has a budget of their own.
        await assistant.handleZaloEvent(event, { takeProof: (follower) => app.proofGate.take(req, `proof:zalo:${follower}`) });
      });
      return reply;
    });
  });

  // ------------------------------------------------------------------ staff pages

  const staffOnly = (req: FastifyRequest, reply: FastifyReply) => {
    const p = req.principal;
    if (p?.kind !== 'staff') {
      reply.redirect(`/can-bo/dang-nhap?next=${encodeURIComponent(req.url)}`, 303);
      return undefined;
    }
    return { id: p.staff.id, unitCode: p.staff.unitCode, role: p.staff.role, name: p.staff.fullName };
  };
  /** The shared workspace frame (menu, sign-out) and the unit of the signed-in official. */
  const staffPage = async (req: FastifyRequest, staff: { unitCode: string }) => {
    const unit = await units.get(staff.unitCode);
    return { unit, nav: staffNav(req, (req.principal as Extract<Principal, { kind: 'staff' }>).staff, unit.name) };
  };
  const unitProcedures = async (unitCode: string) => (await catalog.search(unitCode, { limit: 5000 })).items.map((s) => ({ code: s.code, name: s.name }));
  const message = (e: unknown) => {
    if (e instanceof ValidationError) return e.fields.map((f) => f.message).join('; ') || e.message;
    if (e instanceof DomainError && !(e instanceof NotFoundError)) return e.message;
    throw e;
  };

  app.get('/can-bo/tro-ly', async (req, reply) => {
    const staff = staffOnly(req, reply);
    if (!staff) return reply;
    const { open, answered } = await assistant.desk.inbox(staff);
    return html(reply, InboxPage({ ...(await staffPage(req, staff)), open, answered }));
  });

  app.get('/can-bo/tro-ly/thong-ke', async (req, reply) => {
    const staff = staffOnly(req, reply);
    if (!staff) return reply;
    const { tuan } = parseInput(z.object({ tuan: z.coerce.number().int().min(1, 'Số tuần từ 1 đến 52').max(52, 'Số tuần từ 1 đến 52').default(8) }), req.query);
    return html(reply, StatsPage({ ...(await staffPage(req, staff)), stats: await assistant.desk.stats(staff, tuan) }));
  });

  const faqPage = async (req: FastifyRequest, reply: FastifyReply, staff: { unitCode: string }, extra: { error?: string; notice?: string } = {}, status = 200) =>
    html(reply, FaqPage({ ...(await staffPage(req, staff)), csrf: req.csrfToken, faqs: await assistant.desk.faqs(staff), procedures: await unitProcedures(staff.unitCode), ...extra }), status);

  app.get('/can-bo/tro-ly/cau-hoi-thuong-gap', async (req, reply) => {
    const staff = staffOnly(req, reply);
    if (!staff) return reply;
    return faqPage(req, reply, staff, { notice: (req.query as Record<string, string>)['da-them'] ? 'Đã thêm câu hỏi thường gặp.' : undefined });
  });
  app.post('/can-bo/tro-ly/cau-hoi-thuong-gap', async (req, reply) => {
    const staff = staffOnly(req, reply);
    if (!staff) return reply;
    const body = (req.body ?? {}) as Record<string, string>;
    checkCsrf(req, body._csrf);
    try {
      await assistant.desk.addFaq(staff, { question: String(body.question ?? ''), answer: String(body.answer ?? ''), procedureCode: body.procedureCode || undefined });
      return reply.redirect('/can-bo/tro-ly/cau-hoi-thuong-gap?da-them=1', 303);
    } catch (e) {
      return faqPage(req, reply, staff, { error: message(e) }, 422);
    }
  });
  app.post('/can-bo/tro-ly/cau-hoi-thuong-gap/:id/xoa', async (req, reply) => {
    const staff = staffOnly(req, reply);
    if (!staff) return reply;
    const { id } = parseInput(z.object({ id: ID }), req.params);
    checkCsrf(req, ((req.body ?? {}) as Record<string, string>)._csrf);
    await assistant.desk.deleteFaq(staff, id);
    return reply.redirect('/can-bo/tro-ly/cau-hoi-thuong-gap', 303);
  });

  const synonymsPage = async (req: FastifyRequest, reply: FastifyReply, staff: { unitCode: string; role: string }, extra: { error?: string; notice?: string } = {}, status = 200) => {
    const { unit: rows, builtin } = await assistant.desk.synonyms(staff);
    return html(reply, SynonymsPage({ ...(await staffPage(req, staff)), csrf: req.csrfToken, rows, builtin, canEdit: staff.role === 'admin', ...extra }), status);
  };
  app.get('/can-bo/tro-ly/tu-dong-nghia', async (req, reply) => {
    const staff = staffOnly(req, reply);
    if (!staff) return reply;
    return synonymsPage(req, reply, staff);
  });
  app.post('/can-bo/tro-ly/tu-dong-nghia', async (req, reply) => {
    const staff = staffOnly(req, reply);
    if (!staff) return reply;
    const body = (req.body ?? {}) as Record<string, string>;
    checkCsrf(req, body._csrf);
    try {
      await assistant.desk.addSynonym(staff, { phrase: String(body.phrase ?? ''), expansion: String(body.expansion ?? '') });
      return reply.redirect('/can-bo/tro-ly/tu-dong-nghia', 303);
    } catch (e) {
      if (e instanceof ForbiddenError) throw e;
      return synonymsPage(req, reply, staff, { error: message(e) }, 422);
    }
  });
  app.post('/can-bo/tro-ly/tu-dong-nghia/:id/xoa', async (req, reply) => {
    const staff = staffOnly(req, reply);
    if (!staff) return reply;
    const { id } = parseInput(z.object({ id: ID }), req.params);
    checkCsrf(req, ((req.body ?? {}) as Record<string, string>)._csrf);
    await assistant.desk.deleteSynonym(staff, id);
    return reply.redirect('/can-bo/tro-ly/tu-dong-nghia', 303);
  });

  const handoffPage = async (req: FastifyRequest, reply: FastifyReply, staff: { unitCode: string }, id: string, extra: { error?: string; notice?: string } = {}, status = 200) => {
    const d = await assistant.desk.handoffDetail(staff, id);
    return html(reply, HandoffPage({ ...(await staffPage(req, staff)), csrf: req.csrfToken, ...d, procedures: await unitProcedures(staff.unitCode), ...extra }), status);
  };

  app.get('/can-bo/tro-ly/:id', async (req, reply) => {
    const staff = staffOnly(req, reply);
    if (!staff) return reply;
    const { id } = parseInput(z.object({ id: ID }), req.params);
    const q = req.query as Record<string, string>;
    const notice = q.gui === '1' ? 'Đã gửi câu trả lời cho người dân.' : q.faq === '1' ? 'Đã đưa vào câu hỏi thường gặp: trợ lý sẽ dùng câu trả lời này cho câu hỏi tương tự.' : undefined;
    const error = q.loi === 'zalo' ? 'Đã lưu câu trả lời nhưng chưa gửi được qua Zalo. Bấm “Gửi lại qua Zalo” để thử lại.' : undefined;
    return handoffPage(req, reply, staff, id, { notice, error });
  });
  app.post('/can-bo/tro-ly/:id/tra-loi', async (req, reply) => {
    const staff = staffOnly(req, reply);
    if (!staff) return reply;
    const { id } = parseInput(z.object({ id: ID }), req.params);
    const body = (req.body ?? {}) as Record<string, string>;
    checkCsrf(req, body._csrf);
    try {
      const r = await assistant.desk.replyToHandoff(staff, id, String(body.reply ?? ''));
      return reply.redirect(`/can-bo/tro-ly/${id}?${r.delivered ? 'gui=1' : 'loi=zalo'}`, 303);
    } catch (e) {
      return handoffPage(req, reply, staff, id, { error: message(e) }, 422);
    }
  });
  app.post('/can-bo/tro-ly/:id/gui-lai', async (req, reply) => {
    const staff = staffOnly(req, reply);
    if (!staff) return reply;
    const { id } = parseInput(z.object({ id: ID }), req.params);
    checkCsrf(req, ((req.body ?? {}) as Record<string, string>)._csrf);
    const r = await assistant.desk.resend(staff, id);
    return reply.redirect(`/can-bo/tro-ly/${id}?${r.delivered ? 'gui=1' : 'loi=zalo'}`, 303);
  });
  app.post('/can-bo/tro-ly/:id/faq', async (req, reply) => {
    const staff = staffOnly(req, reply);
    if (!staff) return reply;
    const { id } = parseInput(z.object({ id: ID }), req.params);
    const body = (req.body ?? {}) as Record<string, string>;
    checkCsrf(req, body._csrf);
    try {
      await assistant.desk.faqFromHandoff(staff, id, { procedureCode: body.procedureCode || undefined });
      return reply.redirect(`/can-bo/tro-ly/${id}?faq=1`, 303);
    } catch (e) {
      return handoffPage(req, reply, staff, id, { error: message(e) }, 422);
    }
  });
}
