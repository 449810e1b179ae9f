import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { z } from 'zod';
import { accountOf, chromeOf, docSchema, html, parseInput, renderPage } from '../shared/http';
import type { Chrome } from '../shared/layout';
import { errors, json, security } from '../shared/openapi';
import { fieldsJson, procedureJson, procedureSearchJson, unitsJson } from './catalog.openapi';
import { AnswerCache, cacheAnswer, sendCached, type CachedAnswer } from '../shared/compress';
import type { FastAnswer } from '../shared/fast-lane';
import { NotFoundError } from '../shared/errors';
import { formatDate, formatTime } from '../shared/format';
import { qrPng, qrSvg } from '../shared/qr';
import type { UnitService } from '../unit';
import { renderFieldListingPdf, renderFormTemplatePdf, renderPosterPdf } from './catalog.pdf';
import { exportUnitCatalog } from './catalog.excel';
import type { CatalogService, ProcedureSummary } from './catalog.service';
import { BulletinPage, FieldPage, HomePage, ProcedurePage, SearchPage, VillageHallPage, type GroupListing, type UnitLinks } from './catalog.views';
import { fold } from '../shared/vietnamese';

export interface CatalogRoutesDeps {
  catalog: CatalogService;
  units: UnitService;
  publicUrl: string;
  /** The unit shown at "/" and used by the API when none is named. */
  defaultUnit: () => Promise<string>;
  /** The unit's calendar sentences for its pages (a Saturday desk…), and a number that changes with them (cache key). */
  calendar?: { notes: (unit: string) => Promise<string[]>; version: () => number };
  /**
   * Linked procedure groups (issue 14): a group code ("LT-KS") answers the group with its `members`;
   * the unit's groups are listed on its pages like procedures (home, their members' fields, search).
   */
  groups?: { isGroupCode: (code: string) => boolean; json: (unit: string, code: string) => Promise<Record<string, unknown>>; list?: (unit: string) => Promise<GroupListing[]> };
  /**
   * The unit's offices (issue 15): the procedure page's "Nộp ở đâu" box and the office's name, the
   * listings' line per procedure, and a number that changes with the offices and the day (cache key).
   */
  offices?: {
    where: (unit: string, procedure: { code: string; agency: string }) => Promise<{ box: VNode; name: string } | undefined>;
    lines: (unit: string, procedures: Array<{ code: string; agency: string }>) => Promise<Map<string, string>>;
    version: () => number;
  };
}

const UNIT = z.string().regex(/^\d{2,5}$/, 'Mã đơn vị gồm 2 đến 5 chữ số');
const CODE = z.string().regex(/^\d\.\d{6}$/, 'Mã thủ tục có dạng 1.001193');

export function unitLinks(unit: string): UnitLinks {
  const p = (code: string) => `/p/${unit}/${code}`;
  return {
    home: `/dv/${unit}`,
    search: `/dv/${unit}/tim-kiem`,
    field: (slug) => `/dv/${unit}/linh-vuc/${slug}`,
    procedure: p,
    qrSvg: (code) => `${p(code)}/qr.svg`,
    poster: (code) => `${p(code)}/ap-phich.pdf`,
    listingPdf: (slug) => `/dv/${unit}/niem-yet/${slug}.pdf`,
    bulletin: `/dv/${unit}/bang-tin`,
    villageHall: `/dv/${unit}/nha-van-hoa`,
    excel: `/dv/${unit}/danh-muc.xlsx`,
    form: (code, formId) => `/bieu-mau/${code}/${formId}.pdf`,
    submit: (code) => `${p(code)}/nop-truc-tuyen`,
  };
}

const searchQuery = z.object({
  q: z.string().max(200, 'Từ khóa tối đa 200 ký tự').optional(),
  field: z.string().max(100).optional(),
  unit: UNIT.optional(),
  limit: z.coerce.number({ message: 'limit phải là số' }).int('limit phải là số nguyên').min(1, 'limit từ 1 đến 100').max(100, 'limit từ 1 đến 100').default(20),
  offset: z.coerce.number({ message: 'offset phải là số' }).int().min(0, 'offset không âm').max(100_000).default(0),
});

const pdfHeaders = (filename: string) => ({ 'content-disposition': `inline; filename="${filename}"`, 'cache-control': 'public, max-age=300' });

const pdf = (reply: FastifyReply, buf: Buffer, filename: string) => reply.type('application/pdf').headers(pdfHeaders(filename)).send(buf);

export async function catalogRoutes(app: FastifyInstance, deps: CatalogRoutesDeps): Promise<void> {
  const { catalog, units, publicUrl } = deps;

  // Everything these routes answer is derived from the catalogue alone, so answers are cached
  // by URL and catalogue version: a QR landing page or a popular search costs a map lookup.
  const answers = new AnswerCache(4000);
  /** The answer's key within the current versions: the URL alone for JSON and anonymous pages (no string built). */
  const keyOf = (req: FastifyRequest, type: string, extraKey = '') => {
    const account = type === HTML ? (accountOf(req) ?? '') : '';
    return extraKey || account ? `${extraKey}\n${account}\n${req.url}` : req.url;
  };
  /** What the pages show besides the catalogue: both counters only grow, so their sum changes whenever either does. */
  const pagesVersion = () => (deps.calendar?.version() ?? 0) + (deps.offices?.version() ?? 0);
  /** The answer in the cache for this request, when the catalogue version is known to be fresh. */
  const hitOf = (req: FastifyRequest, type: string, extraKey?: string): CachedAnswer | undefined => {
    const fresh = catalog.freshVersion();
    return fresh === undefined ? undefined : answers.get(fresh, pagesVersion(), keyOf(req, type, extraKey));
  };
  /**
   * The same answer in the fast lane (shared/fast-lane.ts), before any other hook: the key is the
   * request's URL (and, for pages, the sign-in hint, absent there: no cookie), so a hit is the very
   * answer the normal path made for that URL from its cleaned input.
   */
  const fast = (type: string): { config: { fastAnswer: FastAnswer; writesNothing: true } } => ({
    config: {
      // Made from the catalogue and its calendar, on either path: no request context to enter.
      writesNothing: true,
      fastAnswer: (req) => hitOf(req, type),
    },
  });
  /**
   * A cached answer sent with no promise when the catalogue version is fresh and the answer is
   * in the cache (most QR landings and searches): `undefined` once sent. Otherwise the answer is
   * made (and cached) on the slow path, a promise. Measured: the promise of an async handler and
   * its microtasks were a visible part of a cached answer's time (the tracking lookup's lesson).
   */
  const cached = (
    req: FastifyRequest,
    reply: FastifyReply,
    type: string,
    make: (chrome: Chrome) => Promise<string | Buffer>,
    opts: { extraKey?: string; headers?: Record<string, string> } = {},
  ): Promise<FastifyReply> | undefined => {
    const hit = hitOf(req, type, opts.extraKey);
    if (hit) {
      sendCached(req, reply, hit);
      return undefined;
    }
    return makeCached(req, reply, type, make, opts);
  };
  const makeCached = async (
    req: FastifyRequest,
    reply: FastifyReply,
    type: string,
    make: (chrome: Chrome) => Promise<string | Buffer>,
    opts: { extraKey?: string; headers?: Record<string, string> },
  ) => {
    // Pages differ only by the header's "Đăng nhập" / "Hồ sơ của tôi" link.
    const version = catalog.freshVersion() ?? (await catalog.version());
    const calendar = pagesVersion();
    const key = keyOf(req, type, opts.extraKey);
    let hit = answers.get(version, calendar, key);
    if (!hit) {
      hit = cacheAnswer(await make(type === HTML ? chromeOf(req) : {}), type, opts.headers);
      answers.set(version, calendar, key, hit);
    }
    return sendCached(req, reply, hit);
  };
  /** The listings' "Nộp tại …" line of each procedure (empty without offices). */
  const linesOf = async (unit: string, items: Array<{ code: string }>) =>
    deps.offices ? deps.offices.lines(unit, await Promise.all(items.map(async (s) => ({ code: s.code, agency: (await catalog.findProcedure(s.code))?.agency ?? '' })))) : undefined;
  const HTML = 'text/html; charset=utf-8';
  const JSON_TYPE = 'application/json; charset=utf-8';
  const shortUrl = (unit: string, code: string) => `${publicUrl}/p/${unit}/${code}`;
  // The unit's linked groups: cached with the pages (a group's change bumps the catalogue version).
  const groupsOf = async (unit: string): Promise<GroupListing[]> => (deps.groups?.list ? deps.groups.list(unit) : []);
  /** Groups a search finds: every word of the query a word of the group's name, summary or members' names. */
  const groupsFound = async (unit: string, q: string, fieldName?: string): Promise<GroupListing[]> => {
    const words = fold(q).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (!words.length && !fieldName) return [];
    return (await groupsOf(unit)).filter((g) => {
      if (fieldName && !g.fields.includes(fieldName)) return false;
      const text = new Set(fold([g.name, g.summary, ...g.memberNames].join(' ')).split(/[^\p{L}\p{N}]+/u));
      return words.every((w) => text.has(w));
    });
  };

  // ---------------------------------------------------------------- public pages
  app.get('/', fast(HTML), (req, reply) => cached(req, reply, HTML, async (chrome) => renderPage(await homeOf(await deps.defaultUnit()), chrome)));
  app.get('/dv/:unit', fast(HTML), async (req, reply) => {
    const { unit } = parseInput(z.object({ unit: UNIT }), req.params);
    return cached(req, reply, HTML, async (chrome) => renderPage(await homeOf(unit), chrome));
  });

  async function homeOf(unitCode: string) {
    const uc = await catalog.unitCatalog(unitCode);
    const chain = await units.ancestry(unitCode);
    const essential: ProcedureSummary[] = [];
    for (const e of uc.entries.values()) {
      if (!e.essential) continue;
      const p = await catalog.findProcedure(e.procedureCode);
      if (p) essential.push(catalog.summarize(p, e));
    }
    const others = (await units.serviceUnits()).filter((u) => u.code !== unitCode);
    const calendar = (await deps.calendar?.notes(unitCode)) ?? [];
    return HomePage({ unit: uc.unit, parent: chain.at(-2), links: unitLinks(unitCode), fields: uc.fields, essential, total: uc.entries.size, otherUnits: others, calendar, groups: await groupsOf(unitCode), lines: await linesOf(unitCode, essential) });
  }

  app.get('/dv/:unit/linh-vuc/:field', async (req, reply) => {
    const { unit, field } = parseInput(z.object({ unit: UNIT, field: z.string().max(100) }), req.params);
    const uc = await catalog.unitCatalog(unit);
    const f = uc.fields.find((x) => x.slug === field);
    if (!f) throw new NotFoundError(`${uc.unit.name} không có lĩnh vực này.`, 'field_not_found');
    return cached(req, reply, HTML, async (chrome) => {
      const { items } = await catalog.search(unit, { field: f.slug, limit: 1000 });
      const groups = (await groupsOf(unit)).filter((g) => g.fields.includes(f.name));
      return renderPage(FieldPage({ unit: uc.unit, links: unitLinks(unit), field: f, items, groups, lines: await linesOf(unit, items) }), chrome);
    });
  });

  app.get('/dv/:unit/tim-kiem', async (req, reply) => {
    const { unit } = parseInput(z.object({ unit: UNIT }), req.params);
    const qs = parseInput(z.object({ q: z.string().max(200, 'Từ khóa tối đa 200 ký tự').optional(), linhvuc: z.string().max(100).optional() }), req.query);
    const uc = await catalog.unitCatalog(unit);
    const q = qs.q?.trim() ?? '';
    return cached(req, reply, HTML, async (chrome) => {
      const { items, total } = q || qs.linhvuc ? await catalog.search(unit, { q, field: qs.linhvuc || undefined, limit: 50 }) : { items: [], total: 0 };
      const fieldName = qs.linhvuc ? uc.fields.find((f) => f.slug === qs.linhvuc)?.name : undefined;
      const groups = q || fieldName ? await groupsFound(unit, q, fieldName) : [];
      return renderPage(SearchPage({ unit: uc.unit, links: unitLinks(unit), q, field: qs.linhvuc, fields: uc.fields, items, total, groups, lines: await linesOf(unit, items) }), chrome);
    });
  });

  const procParams = z.object({ unit: UNIT, code: CODE });

  // The QR landing page: answered from the cache before any other work.
  app.get('/p/:unit/:code', fast(HTML), (req, reply) =>
    cached(req, reply, HTML, async (chrome) => {
      const { unit, code } = parseInput(procParams, req.params);
      const { unit: u, procedure, entry } = await catalog.getUnitProcedure(unit, code);
      const url = shortUrl(unit, code);
      const calendar = (await deps.calendar?.notes(unit)) ?? [];
      const where = await deps.offices?.where(unit, procedure);
      return renderPage(ProcedurePage({ unit: u, links: unitLinks(unit), procedure, entry, shortUrl: url, qrSvg: await qrSvg(url), calendar, where }), chrome);
    }),
  );

  app.get('/p/:unit/:code/qr.svg', async (req, reply) => {
    const { unit, code } = parseInput(procParams, req.params);
    await catalog.getUnitProcedure(unit, code);
    return reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(await qrSvg(shortUrl(unit, code)));
  });

  app.get('/p/:unit/:code/qr.png', async (req, reply) => {
    const { unit, code } = parseInput(procParams, req.params);
    const { size } = parseInput(z.object({ size: z.coerce.number().int().min(64, 'Kích thước từ 64 đến 2048').max(2048, 'Kích thước từ 64 đến 2048').optional() }), req.query);
    await catalog.getUnitProcedure(unit, code);
    return reply
      .type('image/png')
      .header('cache-control', 'public, max-age=86400')
      .header('content-disposition', `inline; filename="qr-${code}.png"`)
      .send(await qrPng(shortUrl(unit, code), size));
  });

  app.get('/p/:unit/:code/ap-phich.pdf', async (req, reply) => {
    const { unit, code } = parseInput(procParams, req.params);
    const { unit: u, procedure, entry } = await catalog.getUnitProcedure(unit, code);
    const s = catalog.summarize(procedure, entry);
    const make = () => renderPosterPdf({
      unitName: u.name,
      code,
      name: procedure.name,
      field: procedure.field,
      summary: procedure.summary,
      time: s.commitment ? `${s.timeDetail} (cam kết ${formatTime(s.commitment)})` : s.timeDetail,
      fee: s.feeDetail,
      components: procedure.componentGroups.flatMap((g) => g.components.filter((c) => c.required).map((c) => c.name)),
      // The case grouping stays: a case's papers are not asked of everyone.
      groups: procedure.componentGroups.map((g, i) => ({
        title: i === 0 || /xuất trình/i.test(g.title) ? g.title || 'Giấy tờ phải nộp' : `Trường hợp: ${g.title}`,
        items: g.components.filter((c) => c.required).map((c) => c.name),
      })),
      url: shortUrl(unit, code),
    });
    return cached(req, reply, 'application/pdf', make, { headers: pdfHeaders(`ap-phich-${code}.pdf`) });
  });

  app.get('/dv/:unit/niem-yet/:file', async (req, reply) => {
    const { unit, file } = parseInput(z.object({ unit: UNIT, file: z.string().regex(/^[a-z0-9-]+\.pdf$/, 'Tên tệp không hợp lệ') }), req.params);
    const slug = file.replace(/\.pdf$/, '');
    const uc = await catalog.unitCatalog(unit);
    const f = uc.fields.find((x) => x.slug === slug);
    if (!f) throw new NotFoundError(`${uc.unit.name} không có lĩnh vực này.`, 'field_not_found');
    const { items } = await catalog.search(unit, { field: slug, limit: 1000 });
    const chain = await units.ancestry(unit);
    const printedOn = formatDate(new Date());
    const make = () => renderFieldListingPdf({
      unitName: uc.unit.name,
      parentName: chain.at(-2)?.name,
      address: uc.unit.address,
      openingHours: uc.unit.openingHours.join('; '),
      field: f.name,
      items: items.map((s) => ({
        code: s.code,
        name: s.name,
        time: s.commitment ? `${s.timeDetail} (cam kết ${formatTime(s.commitment)})` : s.timeDetail,
        fee: s.feeDetail,
        url: shortUrl(unit, s.code),
      })),
      printedOn,
    });
    return cached(req, reply, 'application/pdf', make, { extraKey: printedOn, headers: pdfHeaders(`niem-yet-${slug}.pdf`) });
  });

  app.get('/dv/:unit/bang-tin', async (req, reply) => {
    const { unit } = parseInput(z.object({ unit: UNIT }), req.params);
    const { i, s: seconds } = parseInput(
      z.object({ i: z.coerce.number().int().min(0).optional(), s: z.coerce.number().int().min(1, 'Thời gian mỗi trang từ 1 đến 600 giây').max(600, 'Thời gian mỗi trang từ 1 đến 600 giây').default(15) }),
      req.query,
    );
    const uc = await catalog.unitCatalog(unit);
    const { items, total } = await catalog.search(unit, { limit: 10_000 });
    if (!total) throw new NotFoundError(`${uc.unit.name} chưa có thủ tục nào trong danh mục.`, 'empty_catalogue');
    const index = (i ?? 0) % total;
    const item = items[index]!;
    const url = shortUrl(unit, item.code);
    return html(
      reply,
      BulletinPage({
        unit: uc.unit,
        item,
        index,
        total,
        next: `/dv/${unit}/bang-tin?i=${(index + 1) % total}${seconds !== 15 ? `&s=${seconds}` : ''}`,
        qrSvg: await qrSvg(url),
        shortUrl: url,
        seconds,
      }),
    );
  });

  app.get('/dv/:unit/nha-van-hoa', async (req, reply) => {
    const { unit } = parseInput(z.object({ unit: UNIT }), req.params);
    const uc = await catalog.unitCatalog(unit);
    const { items } = await catalog.search(unit, { limit: 10_000 });
    const chosen = items.filter((s) => s.essential);
    const list = await Promise.all(
      // Chosen by the unit admin (/can-bo/quan-tri/thiet-yeu); the whole catalogue until they choose.
      (chosen.length ? chosen : items).map(async (s) => {
        const url = shortUrl(unit, s.code);
        return { s, qrSvg: await qrSvg(url), shortUrl: url };
      }),
    );
    return html(reply, VillageHallPage({ unit: uc.unit, links: unitLinks(unit), items: list, chosen: chosen.length > 0 }));
  });

  app.get('/dv/:unit/danh-muc.xlsx', async (req, reply) => {
    const { unit } = parseInput(z.object({ unit: UNIT }), req.params);
    const buf = await exportUnitCatalog(catalog, unit);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="danh-muc-${unit}.xlsx"`)
      .send(buf);
  });

  app.get('/bieu-mau/:code/:file', async (req, reply) => {
    const { code, file } = parseInput(z.object({ code: CODE, file: z.string().regex(/^[a-z0-9-]+\.pdf$/, 'Tên tệp không hợp lệ') }), req.params);
    const procedure = await catalog.getProcedure(code);
    const form = procedure.forms.find((f) => `${f.id}.pdf` === file) ?? (await catalog.findLocalForm(code, file.replace(/\.pdf$/, '')));
    if (!form) throw new NotFoundError('Không có biểu mẫu này.', 'form_not_found');
    const buf = await renderFormTemplatePdf({ title: form.title, source: form.source, procedureName: procedure.name, fields: form.fields });
    return pdf(reply, buf, file);
  });

  // ---------------------------------------------------------------- JSON API
  const summaryJson = (s: ProcedureSummary, unit: string) => ({
    code: s.code,
    name: s.name,
    field: s.field,
    time: s.time,
    timeText: s.timeText,
    commitment: s.commitment,
    fee: s.feeText,
    onlineLevel: s.onlineLevel,
    ...(s.score !== undefined ? { score: s.score } : {}),
    pageUrl: shortUrl(unit, s.code),
  });

  app.get(
    '/api/procedures',
    {
      ...fast(JSON_TYPE),
      schema: {
        tags: ['Thủ tục'],
        summary: 'Tìm hoặc liệt kê thủ tục trong danh mục của một đơn vị',
        description: 'Với `q`, kết quả phù hợp nhất đứng đầu; tìm không phân biệt dấu, hoa thường và vị trí dấu thanh (hoà/hòa).',
        operationId: 'searchProcedures',
        security: security.public,
        querystring: docSchema(searchQuery),
        response: { 200: json(procedureSearchJson, 'Các thủ tục tìm thấy và tổng số'), ...errors(400, 404) },
      },
    },
    (req, reply) =>
      cached(req, reply, JSON_TYPE, async () => {
        const qs = parseInput(searchQuery, req.query);
        const unit = qs.unit ?? (await deps.defaultUnit());
        const { items, total } = await catalog.search(unit, { q: qs.q, field: qs.field, limit: qs.limit, offset: qs.offset });
        return JSON.stringify({ items: items.map((s) => summaryJson(s, unit)), total });
      }),
  );

  app.get(
    '/api/procedures/:code',
    {
      schema: {
        tags: ['Thủ tục'],
        summary: 'Toàn bộ thông tin một thủ tục',
        description: 'Mã của một nhóm thủ tục liên thông (ví dụ LT-KS) trả về nhóm: tên, `members` (mã các thủ tục thành viên), cơ quan giải quyết từng phần, giấy tờ và biểu mẫu chung.',
        operationId: 'getProcedure',
        security: security.public,
        params: docSchema(z.object({ code: CODE })),
        querystring: docSchema(z.object({ unit: UNIT.optional() })),
        response: { 200: json(procedureJson, 'Thủ tục, thời hạn cam kết của đơn vị và các liên kết (trang, mã QR, áp phích)'), ...errors(400, 404) },
      },
    },
    async (req) => {
      const raw = (req.params as { code?: unknown }).code;
      if (deps.groups && typeof raw === 'string' && deps.groups.isGroupCode(raw)) {
        const qs = parseInput(z.object({ unit: UNIT.optional() }), req.query);
        return deps.groups.json(qs.unit ?? (await deps.defaultUnit()), raw);
      }
      const { code } = parseInput(z.object({ code: CODE }), req.params);
      const qs = parseInput(z.object({ unit: UNIT.optional() }), req.query);
      const unit = qs.unit ?? (await deps.defaultUnit());
      const { procedure, entry } = await catalog.getUnitProcedure(unit, code);
      const url = shortUrl(unit, code);
      return {
        ...procedure,
        unit,
        commitment: entry.commitment,
        pageUrl: url,
        qrSvgUrl: `${url}/qr.svg`,
        qrPngUrl: `${url}/qr.png`,
        posterUrl: `${url}/ap-phich.pdf`,
      };
    },
  );

  app.get(
    '/api/fields',
    {
      schema: {
        tags: ['Thủ tục'],
        summary: 'Các lĩnh vực trong danh mục của đơn vị, kèm bản niêm yết PDF',
        operationId: 'listFields',
        security: security.public,
        querystring: docSchema(z.object({ unit: UNIT.optional() })),
        response: { 200: json(fieldsJson, 'Các lĩnh vực và số thủ tục của mỗi lĩnh vực'), ...errors(400, 404) },
      },
    },
    async (req) => {
      const qs = parseInput(z.object({ unit: UNIT.optional() }), req.query);
      const unit = qs.unit ?? (await deps.defaultUnit());
      const fields = await catalog.fields(unit);
      return {
        unit,
        items: fields.map((f) => ({ name: f.name, slug: f.slug, count: f.count, pageUrl: `${publicUrl}/dv/${unit}/linh-vuc/${f.slug}`, posterUrl: `${publicUrl}/dv/${unit}/niem-yet/${f.slug}.pdf` })),
      };
    },
  );

  app.get(
    '/api/units',
    { schema: { tags: ['Đơn vị'], summary: 'Cây đơn vị hành chính', operationId: 'listUnits', security: security.public, response: { 200: json(unitsJson, 'Mọi đơn vị (parentCode nối thành cây)'), ...errors() } } },
    async () => {
      const all = await units.list();
      return { items: all.map((u) => ({ ...u, pageUrl: `${publicUrl}/dv/${u.code}` })) };
    },
  );
}
