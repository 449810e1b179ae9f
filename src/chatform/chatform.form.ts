/** A repeated form field (checkboxes) as the url-encoded parser gives it: absent, one value, or a list; procedure codes only. */
export function readFormList(v: unknown): string[] {
  const list = Array.isArray(v) ? v : v === undefined || v === null || v === '' ? [] : [v];
  return list.map(String).filter((c) => /^\d\.\d{6}$/.test(c));
}
