/**
 * Words for the supervisor's pages and messages: DHIS2 period codes read as Vietnamese
 * ('20261203' → 'ngày 03/12/2026', '2026W49' → 'tuần 49/2026', '202612' → 'tháng 12/2026',
 * '2026Q4' → 'quý 4/2026', '2026' → 'năm 2026'); anything else (an event phase) as given.
 */
export function periodLabel(code: string): string {
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(code);
  if (m) return `ngày ${m[3]}/${m[2]}/${m[1]}`;
  m = /^(\d{4})W(\d{1,2})$/.exec(code);
  if (m) return `tuần ${Number(m[2])}/${m[1]}`;
  m = /^(\d{4})(\d{2})$/.exec(code);
  if (m) return `tháng ${Number(m[2])}/${m[1]}`;
  m = /^(\d{4})Q([1-4])$/.exec(code);
  if (m) return `quý ${m[2]}/${m[1]}`;
  if (/^\d{4}$/.test(code)) return `năm ${code}`;
  return code;
}

/** A figure as officials read it: 1.234,5 (no trailing zeros); '—' for nothing. */
export function figure(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  return v.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
}

/** The values of a summary keyed `element|combo` ('' for no combo). */
export function valueKey(dataElement: string, combo?: string | null): string {
  return `${dataElement}|${combo ?? ''}`;
}
