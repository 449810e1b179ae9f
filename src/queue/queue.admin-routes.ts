/**
 * Cài đặt hàng chờ (`/can-bo/hang-cho/cai-dat`): the unit admin and the leader set the queue's
 * services, counters, priority categories and rule. Forms without JavaScript; a refused form is
 * shown again with what was typed and the problems in Vietnamese.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Staff } from '../account';
import { pageStaff } from '../staff/staff.guard';
import { ValidationError } from '../shared/errors';
import { html, parseInput } from '../shared/http';
import { checkCsrf } from '../shared/session';
import { staffNav } from '../shared/staff-layout';
import type { UnitService } from '../unit';
import type { QueueService } from './queue.service';
import { DEFAULT_CATEGORIES } from './queue.types';
import { QueueAdminPage, categoryRowsOf, type AdminDraft } from './queue.admin-views';

/** Who sets the queue up: the unit's admin and its leader. */
export const QUEUE_ADMIN_ROLES = ['admin', 'leader'];

const DONE: Record<string, string> = {
  'uu-tien': 'Đã lưu cài đặt ưu tiên. Áp dụng cho các số lấy từ bây giờ.',
  'dich-vu': 'Đã lưu dịch vụ. Áp dụng cho các số lấy từ bây giờ.',
  quay: 'Đã lưu quầy.',
};

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v !== '' ? [v] : []);

export async function queueAdminRoutes(app: FastifyInstance, deps: { queue: QueueService; units: UnitService; fields(unitCode: string): Promise<string[]> }): Promise<void> {
  const { queue, units } = deps;

  const page = async (req: FastifyRequest, reply: FastifyReply, staff: Staff, extra: { message?: string; draft?: AdminDraft } = {}, status = 200) => {
    const unitCode = staff.unitCode;
    const [settings, services, counters, fields] = await Promise.all([queue.settings(unitCode), queue.allServices(unitCode), queue.counters(unitCode), deps.fields(unitCode).catch(() => [] as string[])]);
    const categoryRows = [...settings.categories.map((c) => ({ ...c, on: true })), ...DEFAULT_CATEGORIES.filter((c) => !settings.categories.some((x) => x.code === c.code)).map((c) => ({ ...c, on: false }))];
    return html(
      reply,
      QueueAdminPage({
        ...staffNav(req, staff, (await units.get(unitCode)).name),
        unitCode,
        settings,
        categoryRows,
        services,
        counters,
        fields: [...new Set(fields)].sort((a, b) => a.localeCompare(b, 'vi')),
        ...extra,
      }),
      status,
    );
  };

  /** Runs a save; a refused one shows the page again with the form as typed. */
  const save = async (req: FastifyRequest, reply: FastifyReply, done: string, formKey: (f: Record<string, unknown>) => string, run: (staff: Staff, f: Record<string, unknown>) => Promise<void>, remap?: (field: string) => string) => {
    const staff = pageStaff(req, reply, QUEUE_ADMIN_ROLES);
    if (!staff) return reply;
    const f = (req.body ?? {}) as Record<string, unknown>;
    checkCsrf(req, f._csrf);
    try {
      await run(staff, f);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      const problems = e.fields.map((p) => ({ ...p, field: remap ? remap(p.field) : p.field }));
      return page(req, reply, staff, { draft: { form: formKey(f), values: f, message: e.message, problems } }, 400);
    }
    return reply.redirect(`/can-bo/hang-cho/cai-dat?xong=${done}#${done}`, 303);
  };

  app.get('/can-bo/hang-cho/cai-dat', async (req, reply) => {
    const staff = pageStaff(req, reply, QUEUE_ADMIN_ROLES);
    if (!staff) return reply;
    const q = parseInput(z.object({ xong: z.string().max(20).optional() }), req.query);
    return page(req, reply, staff, { message: q.xong ? DONE[q.xong] : undefined });
  });

  app.post('/can-bo/hang-cho/cai-dat/uu-tien', async (req, reply) => {
    // The rows in the order typed (ties keep the page's order), those ticked and named.
    let rowOf: number[] = [];
    return save(
      req,
      reply,
      'uu-tien',
      () => 'settings',
      async (staff, f) => {
        const rows = categoryRowsOf(f)
          .map((r, i) => ({ ...r, i, n: Number(r.order) }))
          .filter((r) => r.on && r.label.trim())
          .sort((a, b) => (Number.isFinite(a.n) ? a.n : 999) - (Number.isFinite(b.n) ? b.n : 999) || a.i - b.i);
        rowOf = rows.map((r) => r.i);
        await queue.saveSettings(staff.unitCode, {
          priorityRule: f.priorityRule as 'strict',
          priorityEvery: f.priorityEvery as number,
          closingTime: f.closingTime as string,
          categories: rows.map((r) => ({ code: r.code, label: r.label })),
        });
      },
      (field) => field.replace(/^categories\.(\d+)/, (_, k: string) => `categories.${rowOf[Number(k)] ?? k}`),
    );
  });

  app.post('/can-bo/hang-cho/cai-dat/dich-vu', async (req, reply) => {
    const f = (req.body ?? {}) as Record<string, unknown>;
    // The "Thêm dịch vụ" form says it adds; the others change the service they carry.
    const existing = f.new !== '1';
    return save(
      req,
      reply,
      'dich-vu',
      () => (existing ? `service:${String(f.code)}` : 'service:new'),
      async (staff) => {
        if (!existing && (await queue.allServices(staff.unitCode)).some((s) => s.code === String(f.code ?? '').trim())) {
          throw new ValidationError('Mã dịch vụ đã có.', [{ field: 'code', code: 'code_taken', message: `Mã "${String(f.code).trim()}" đã dùng cho một dịch vụ khác: chọn mã khác hoặc sửa dịch vụ đó.` }], 'invalid_queue_service');
        }
        await queue.saveService(staff.unitCode, { code: f.code, name: f.name, letter: f.letter, fieldCodes: list(f.fieldCodes), defaultMinutes: f.defaultMinutes, active: existing ? f.active === '1' : true });
      },
    );
  });

  app.post('/can-bo/hang-cho/cai-dat/quay', async (req, reply) => {
    const f = (req.body ?? {}) as Record<string, unknown>;
    const existing = f.new !== '1';
    return save(
      req,
      reply,
      'quay',
      () => (existing ? `counter:${String(f.code)}` : 'counter:new'),
      async (staff) => {
        if (!existing && (await queue.counters(staff.unitCode)).some((c) => c.code === String(f.code ?? '').trim())) {
          throw new ValidationError('Mã quầy đã có.', [{ field: 'code', code: 'code_taken', message: `Đã có quầy mã "${String(f.code).trim()}".` }], 'invalid_queue_counter');
        }
        await queue.saveCounterDefinition(staff.unitCode, { code: f.code, name: f.name, services: list(f.services) });
      },
    );
  });
}
