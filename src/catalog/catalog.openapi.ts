/** What the catalogue's JSON API answers, documented for /docs (see src/shared/openapi.ts). */
import { z } from 'zod';
import { unitSchema } from '../unit/unit.types';
import { procedureSchema, processingTimeSchema, ONLINE_LEVELS } from './catalog.types';

const time = processingTimeSchema.nullable();

export const procedureSummaryJson = z.object({
  code: z.string().meta({ examples: ['1.001193'] }),
  name: z.string(),
  field: z.string(),
  time,
  timeText: z.string(),
  commitment: time.describe('Thời hạn đơn vị cam kết, ngắn hơn thời hạn luật định'),
  fee: z.string(),
  onlineLevel: z.enum(ONLINE_LEVELS).nullable(),
  score: z.number().optional().describe('Độ phù hợp với từ khóa (khi có q)'),
  pageUrl: z.string(),
});

export const procedureSearchJson = z.object({ items: z.array(procedureSummaryJson), total: z.number().int() });

export const procedureJson = procedureSchema.extend({
  unit: z.string(),
  commitment: time,
  pageUrl: z.string(),
  qrSvgUrl: z.string(),
  qrPngUrl: z.string(),
  posterUrl: z.string(),
});

export const fieldsJson = z.object({
  unit: z.string(),
  items: z.array(z.object({ name: z.string(), slug: z.string(), count: z.number().int(), pageUrl: z.string(), posterUrl: z.string() })),
});

export const unitsJson = z.object({ items: z.array(unitSchema.extend({ pageUrl: z.string() })) });
