import type { FastifyInstance } from 'fastify';
import type { AuditService } from '../audit';
import { html } from '../shared/http';
import { checkCsrf } from '../shared/session';
import { staffNav } from '../shared/staff-layout';
import { pageStaff } from '../staff/staff.guard';
import type { UnitService } from '../unit';
import { gapsOf } from './catalog.completeness';
import { CompletenessPage, EssentialPage, type CompletenessRow } from './catalog.admin-views';
import { applyLocal, type CatalogService } from './catalog.service';

export interface CatalogAdminDeps {
  catalog: CatalogService;
  units: UnitService;
  audit?: AuditService;
}

/** Unit admin pages about the catalogue's content: data completeness, essential procedures. */
export async function catalogAdminRoutes(app: FastifyInstance, deps: CatalogAdminDeps): Promise<void> {
  const { catalog, units } = deps;
  const entriesOf = async (unitCode: string) => {
    const uc = await catalog.unitCatalog(unitCode);
    const out = [];
    for (const e of [...uc.entries.values()].sort((a, b) => a.sort - b.sort)) {
      const raw = await catalog.findProcedure(e.procedureCode);
      if (raw) out.push({ entry: e, procedure: applyLocal(raw, e) });
    }
    return out;
  };

  app.get('/can-bo/quan-tri/do-day-du', async (req, reply) => {
    const staff = pageStaff(req, reply, ['admin', 'leader']);
    if (!staff) return reply;
    const list = await entriesOf(staff.unitCode);
    const rows: CompletenessRow[] = list
      .map(({ procedure: p }) => ({ code: p.code, name: p.name, field: p.field, gaps: gapsOf(p) }))
      .filter((r) => r.gaps.length > 0);
    const unit = await units.get(staff.unitCode);
    return html(reply, CompletenessPage({ ...staffNav(req, staff, unit.name), rows, total: list.length, unitCode: staff.unitCode }));
  });

  const essentialPage = async (req: Parameters<typeof pageStaff>[0], staff: NonNullable<ReturnType<typeof pageStaff>>, saved?: number) => {
    const list = await entriesOf(staff.unitCode);
    const rows = list.map(({ procedure: p, entry: e }) => ({ code: p.code, name: p.name, field: p.field, essential: e.essential }));
    const unit = await units.get(staff.unitCode);
    return EssentialPage({ ...staffNav(req, staff, unit.name), rows, unitCode: staff.unitCode, saved });
  };

  app.get('/can-bo/quan-tri/thiet-yeu', async (req, reply) => {
    const staff = pageStaff(req, reply, ['admin']);
    if (!staff) return reply;
    return html(reply, await essentialPage(req, staff));
  });

  app.post('/can-bo/quan-tri/thiet-yeu', async (req, reply) => {
    const staff = pageStaff(req, reply, ['admin']);
    if (!staff) return reply;
    const body = (req.body ?? {}) as Record<string, string | string[]>;
    checkCsrf(req, body._csrf);
    const chosen = new Set(([] as string[]).concat(body.chon ?? []).map(String));
    const uc = await catalog.unitCatalog(staff.unitCode);
    // Only the essential flag changes; commitments, notes, order and the unit's own settings stay.
    const rows = [...uc.entries.values()].sort((a, b) => a.sort - b.sort).map(({ unitCode: _u, ...e }) => ({ ...e, essential: chosen.has(e.procedureCode) }));
    const r = await catalog.setUnitCatalog(staff.unitCode, rows, { actor: { id: staff.id, name: staff.fullName } });
    await deps.audit?.record({ actor: { kind: 'staff', id: staff.id, name: staff.fullName }, unitCode: staff.unitCode, action: 'catalog.update', targetKind: 'catalog', targetId: staff.unitCode, data: { ...r, essential: [...chosen] } });
    return html(reply, await essentialPage(req, staff, rows.filter((x) => x.essential).length));
  });
}
