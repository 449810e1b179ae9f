import { METRIC_INFO, type TargetProgress } from './performance.types';

/** Working time in the office's days of 8 hours ("1 ngày 2 giờ", "45 phút"). */
export function formatWorkingTime(ms: number | null): string {
  if (ms === null) return '—';
  const late = ms < 0;
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 480);
  const hours = Math.floor((minutes % 480) / 60);
  const mins = minutes % 60;
  const text = days > 0 ? `${days} ngày${hours ? ` ${hours} giờ` : ''}` : hours > 0 ? `${hours} giờ${mins ? ` ${mins} phút` : ''}` : `${mins} phút`;
  return late ? `quá ${text}` : text;
}

export const pct = (r: number | null) => (r === null ? '—' : `${(Math.round(r * 1000) / 10).toLocaleString('vi-VN')}%`);

export function targetText(t: TargetProgress['target']): string {
  const info = METRIC_INFO[t.metric];
  return `${info.label} ${t.op === '<=' ? '≤' : '≥'} ${t.value.toLocaleString('vi-VN')}${info.unit === 'percent' ? '%' : ''}`;
}

