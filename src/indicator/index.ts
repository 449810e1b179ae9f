// The indicator module's public surface (Decision 766/QĐ-TTg): periods, the service, the keys.
export { parsePeriod, monthOf, type Period } from './indicator.period';
export { IndicatorService, PAGE_SIZE } from './indicator.service';
export { ClosedMonthJob, KEEP_MONTH_EVERY_MS } from './indicator.jobs';
export { score } from './indicator.compute';
export {
  GROUPS,
  GROUP_KEYS,
  INDICATOR_KEYS,
  INDICATORS,
  PARTS,
  COUNTED_WORD,
  type Counted,
  type DossierList,
  type IndicatorRecord,
  type RecordList,
  type GroupFigure,
  type GroupKey,
  type IndicatorDef,
  type IndicatorDossier,
  type IndicatorFigure,
  type IndicatorKey,
  type IndicatorReport,
  type Part,
  type Rank,
  type Ranking,
  type RankingItem,
} from './indicator.types';
