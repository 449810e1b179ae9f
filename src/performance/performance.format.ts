import { METRIC_INFO, type TargetProgress } from './performance.types';

export const pct = (r: number | null) => (r === null ? '—' : `${(Math.round(r * 1000) / 10).toLocaleString('vi-VN')}%`);

export function targetText(t: TargetProgress['target']): string {
  const info = METRIC_INFO[t.metric];
  return `${info.label} ${t.op === '<=' ? '≤' : '≥'} ${t.value.toLocaleString('vi-VN')}${info.unit === 'percent' ? '%' : ''}`;
}

