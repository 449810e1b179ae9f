import type { CatalogService } from '../catalog';
import type { Procedure, ProcedureInput } from '../catalog';
import { chungThucCuTru } from '../catalog/demo/chung-thuc-cu-tru';
import { hoTich } from '../catalog/demo/ho-tich';
import { otherFields } from '../catalog/demo/other-fields';
import type { AccountService } from '../account';
import type { UnitService } from '../unit';
import { DEMO_COMMITMENTS, DEMO_ESSENTIAL, DEMO_PASSWORD, DEMO_STAFF, DEMO_UNITS, SECOND_UNIT_FIELDS } from './demo.data';

export function demoProcedures(catalog: CatalogService): Procedure[] {
  const all: ProcedureInput[] = [...hoTich, ...chungThucCuTru, ...otherFields];
  return all.map((p) => catalog.parseProcedure(p));
}

/**
 * Writes the demo units, catalogue and selections. Safe to run again: procedures are upserted by
 * code, and units' selections are replaced by the demo ones.
 */
export async function seedDemo(units: UnitService, catalog: CatalogService, accounts?: AccountService): Promise<{ units: number; procedures: number; staff: number }> {
  for (const u of DEMO_UNITS) await units.upsert(u);
  const procedures = demoProcedures(catalog);
  await catalog.upsertProcedures(procedures, 'demo');
  const [first, second] = DEMO_UNITS.filter((u) => u.kind !== 'province');
  await catalog.setUnitCatalog(
    first!.code,
    procedures.map((p, i) => ({
      procedureCode: p.code,
      commitment: DEMO_COMMITMENTS[p.code] ?? null,
      note: '',
      essential: DEMO_ESSENTIAL.includes(p.code),
      sort: i,
    })),
  );
  await catalog.setUnitCatalog(
    second!.code,
    procedures
      .filter((p) => SECOND_UNIT_FIELDS.includes(p.field))
      .map((p, i) => ({ procedureCode: p.code, commitment: null, note: '', essential: DEMO_ESSENTIAL.includes(p.code), sort: i })),
  );
  if (accounts) for (const s of DEMO_STAFF) await accounts.upsertStaff({ ...s, password: DEMO_PASSWORD });
  return { units: DEMO_UNITS.length, procedures: procedures.length, staff: accounts ? DEMO_STAFF.length : 0 };
}
