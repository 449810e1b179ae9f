// What the staff routes' parts (dossier.staff-worklist, -actions, -exports) share.
import { z } from 'zod';
import type { AuditService } from '../audit';
import { auditActor } from './dossier.submission';
import type { Actor, Dossier } from './dossier.types';

export const CODE = z.string().regex(/^\d{2,5}-\d{6}-\d{4,}$/, 'Mã hồ sơ có dạng 00004-261129-0001');
export const refParams = z.object({ code: CODE });

/** Every look at personal data by an official is on record. */
export const viewedBy = (audit: AuditService) => (actor: Actor, d: Dossier, what: string) =>
  audit.record({ actor: auditActor(actor), unitCode: d.unitCode, action: 'dossier.view', targetKind: 'dossier', targetId: d.code ?? d.id, data: { what } });
