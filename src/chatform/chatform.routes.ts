import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { UnitService } from '../unit';
import { ForbiddenError } from '../shared/errors';
import { html } from '../shared/http';
import { checkCsrf } from '../shared/session';
import { staffNav } from '../shared/staff-layout';
import { readFormList } from './chatform.form';
import type { ChatFormService } from './chatform.service';
import { ChatFormSettingsPage } from './chatform.views';

export interface ChatFormRoutesDeps {
  chatForm: ChatFormService;
  units: UnitService;
}

/** The unit admin's choice of the procedures the assistant offers to submit in the chat. */
export async function chatFormRoutes(app: FastifyInstance, deps: ChatFormRoutesDeps): Promise<void> {
  const PATH = '/can-bo/tro-ly/nop-qua-tro-chuyen';
  const staffOf = (req: FastifyRequest, reply: FastifyReply) => {
    const p = req.principal;
    if (p?.kind !== 'staff') {
      reply.redirect(`/can-bo/dang-nhap?next=${encodeURIComponent(req.url)}`, 303);
      return undefined;
    }
    return p.staff;
  };
  const page = async (req: FastifyRequest, reply: FastifyReply, staff: NonNullable<ReturnType<typeof staffOf>>, extra: { notice?: string; error?: string } = {}, status = 200) => {
    const unit = await deps.units.get(staff.unitCode);
    return html(reply, ChatFormSettingsPage({ ...staffNav(req, staff, unit.name), rows: await deps.chatForm.settings(staff.unitCode), canEdit: staff.role === 'admin', ...extra }), status);
  };

  app.get(PATH, async (req, reply) => {
    const staff = staffOf(req, reply);
    if (!staff) return reply;
    return page(req, reply, staff, { notice: (req.query as Record<string, string>).luu === '1' ? 'Đã lưu lựa chọn thủ tục nộp qua trò chuyện.' : undefined });
  });

  app.post(PATH, async (req, reply) => {
    const staff = staffOf(req, reply);
    if (!staff) return reply;
    const body = (req.body ?? {}) as Record<string, unknown>;
    checkCsrf(req, String(body._csrf ?? ''));
    if (staff.role !== 'admin') throw new ForbiddenError('Chỉ quản trị đơn vị được chọn thủ tục nộp qua trò chuyện.', 'admin_only');
    await deps.chatForm.saveSettings({ id: staff.id, name: staff.fullName, unitCode: staff.unitCode, role: staff.role }, readFormList(body.thu_tuc));
    return reply.redirect(`${PATH}?luu=1`, 303);
  });
}
