import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { UnitService } from '../unit';
import { docSchema, parseInput } from '../shared/http';
import { errors, json, security } from '../shared/openapi';
import type { CalendarService } from './calendar.service';

const datedName = z.object({ date: z.string().describe('YYYY-MM-DD'), name: z.string() });
export const calendarJson = z.object({
  unit: z.string(),
  year: z.number().int(),
  daysOff: z.array(datedName).describe('Ngày từ Thứ Hai đến Thứ Sáu mà đơn vị nghỉ (lễ, Tết, nghỉ bù, nghỉ hoán đổi, ngày nghỉ riêng của đơn vị)'),
  workingDays: z.array(datedName).describe('Thứ Bảy, Chủ nhật đơn vị làm việc (làm bù theo lịch quốc gia, ngày làm việc riêng, Thứ Bảy tiếp nhận hồ sơ)'),
});
const calendarQuery = z.object({
  unit: z.string().regex(/^\d{2,5}$/, 'Mã đơn vị hành chính gồm 2 đến 5 chữ số').meta({ examples: ['00004'] }).describe('Mã đơn vị'),
  year: z.coerce.number({ error: 'Năm phải là số, ví dụ 2026' }).int('Năm phải là số nguyên').min(2000, 'Năm phải từ 2000').max(2199, 'Năm phải trước 2200').meta({ examples: [2026] }).describe('Năm dương lịch'),
});

/** The public JSON of a unit's working calendar. Pages: calendar.pages.ts. */
export async function calendarRoutes(app: FastifyInstance, deps: { calendars: CalendarService; units: UnitService }): Promise<void> {
  app.get(
    '/api/calendar',
    {
      schema: {
        tags: ['Lịch làm việc'],
        summary: 'Lịch làm việc của một đơn vị trong một năm: các ngoại lệ so với Thứ Hai – Thứ Sáu, sau lịch nghỉ quốc gia và khai báo của đơn vị',
        operationId: 'getUnitCalendar',
        security: security.public,
        querystring: docSchema(calendarQuery),
        response: { 200: json(calendarJson, 'Ngày nghỉ và ngày làm việc ngoại lệ, theo thứ tự ngày'), ...errors(400, 404) },
      },
    },
    async (req, reply) => {
      const q = parseInput(calendarQuery, req.query);
      await deps.units.get(q.unit);
      reply.header('cache-control', 'public, max-age=300');
      return deps.calendars.exceptions(q.unit, q.year);
    },
  );
}
