export { applyLocal, CatalogService, mainChannel, type CatalogActor, type CatalogChange, type CatalogVersion, type FieldInfo, type ImportResult, type ProcedureSummary, type UnitCatalog } from './catalog.service';
export type { UnitLocal, UnitProcedure } from './catalog.repo';
export * from './catalog.types';
export { publicationsAt, type Publication } from './catalog.publication';
export { GAP_LABEL, type GapKind } from './catalog.completeness';
