export { UnitService } from './unit.service';
export { UNIT_KIND_LABEL, UNIT_KINDS, unitSchema, type Unit, type UnitInput, type UnitKind } from './unit.types';
