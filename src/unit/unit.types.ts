import { z } from 'zod';

export const UNIT_KINDS = ['province', 'district', 'commune', 'ward', 'special'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABEL: Record<UnitKind, string> = {
  province: 'Tỉnh/Thành phố',
  district: 'Quận/Huyện',
  commune: 'Xã',
  ward: 'Phường',
  special: 'Đặc khu',
};

export const unitSchema = z.object({
  /** Official administrative code (mã đơn vị hành chính), digits. */
  code: z.string().regex(/^\d{2,5}$/, 'Mã đơn vị hành chính gồm 2 đến 5 chữ số'),
  name: z.string().trim().min(2),
  kind: z.enum(UNIT_KINDS),
  parentCode: z.string().nullable().default(null),
  address: z.string().trim().default(''),
  phone: z.string().trim().default(''),
  email: z.string().trim().default(''),
  /** One line per period, e.g. "Thứ Hai – Thứ Sáu: 7h30–11h30, 13h30–17h00". */
  openingHours: z.array(z.string().trim().min(1)).default([]),
  sort: z.number().int().default(0),
});
export type Unit = z.infer<typeof unitSchema>;
export type UnitInput = z.input<typeof unitSchema>;
