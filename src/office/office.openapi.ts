/** What the offices' JSON API answers, documented for /docs (see src/shared/openapi.ts). */
import { z } from 'zod';
import { OFFICE_KINDS } from './office.types';

const session = z.object({ from: z.string().meta({ examples: ['07:30'] }), to: z.string().meta({ examples: ['11:30'] }) });

export const officeJson = z.object({
  id: z.string(),
  name: z.string().meta({ examples: ['Công an phường Ba Đình'] }),
  kind: z.enum(OFFICE_KINDS).describe('one_stop: bộ phận một cửa; police: công an; health: trạm y tế; other: nơi khác'),
  kindLabel: z.string(),
  address: z.string(),
  phone: z.string().describe('Dạng hiển thị, ví dụ "024 3823 1111"; rỗng khi chưa có'),
  hours: z
    .object({ '0': z.array(session), '1': z.array(session), '2': z.array(session), '3': z.array(session), '4': z.array(session), '5': z.array(session), '6': z.array(session) })
    .describe('Các buổi làm việc theo thứ trong tuần: "0" Chủ nhật, "1" Thứ Hai … "6" Thứ Bảy; [] là nghỉ'),
  hoursText: z.string().meta({ examples: ['Thứ Hai – Thứ Sáu: 07:30–11:30, 13:30–17:00; Thứ Bảy: 07:30–11:30; Chủ nhật: nghỉ'] }),
  today: z
    .object({ date: z.string(), sessions: z.array(session), note: z.string() })
    .describe('Hôm nay (giờ Việt Nam) theo lịch làm việc của đơn vị: ngày lễ thì nghỉ'),
  notes: z.string(),
  mapUrl: z.string(),
});

export const officesJson = z.object({ unit: z.string(), items: z.array(officeJson) });

export const procedureOfficeJson = z.object({
  unit: z.string(),
  procedure: z.string(),
  agency: z.string().describe('Cơ quan thực hiện theo cơ sở dữ liệu thủ tục'),
  source: z
    .enum(['procedure', 'agency', 'default'])
    .nullable()
    .describe('procedure: đơn vị chọn riêng cho thủ tục; agency: theo cơ quan thực hiện; default: tự động theo tên cơ quan; null khi đơn vị chưa khai báo nơi tiếp nhận'),
  office: officeJson.nullable(),
  sentence: z.string().describe('Câu trả lời "nộp ở đâu" bằng tiếng Việt'),
});
