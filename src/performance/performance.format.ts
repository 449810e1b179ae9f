import { parseWorkPeriod } from './performance.period';
import { METRIC_INFO, type TargetProgress } from './performance.types';

export const pct = (r: number | null) => (r === null ? '—' : `${(Math.round(r * 1000) / 10).toLocaleString('vi-VN')}%`);

export function targetText(t: TargetProgress['target']): string {
  const info = METRIC_INFO[t.metric];
  return `${info.label} ${t.op === '<=' ? '≤' : '≥'} ${t.value.toLocaleString('vi-VN')}${info.unit === 'percent' ? '%' : ''}`;
}


/** A target's period key in words: "2026-12" → "Tháng 12/2026", "2026-W49" → "Tuần 49/2026 (30/11–06/12)". */
export function periodKeyText(key: string): string {
  try {
    return parseWorkPeriod(key).label;
  } catch {
    return key;
  }
}
