export { CatalogService, mainChannel, type FieldInfo, type ImportResult, type ProcedureSummary, type UnitCatalog } from './catalog.service';
export type { UnitProcedure } from './catalog.repo';
export * from './catalog.types';
