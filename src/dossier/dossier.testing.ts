/**
 * Fixtures of dossier tests: the applicant, a real little PDF, an e-form filled from its JSON
 * Schema, a multipart body. One copy, used by the dossier, drafts and workflow tests (through
 * workflow.testing's Desk as well); never by production code.
 */

/** A small but real PDF (a phone scanner's is bigger, not different). */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

export const APPLICANT = { fullName: 'Nguyễn Văn An', phone: '0912345678', idNumber: '001090012345', address: 'Số 1 phố Đội Cấn, Ba Đình', email: 'an@example.vn' };

/** Fills a form's required fields with plausible values, read from its published JSON Schema (dates: `opts.date`, else 20/11/2020). */
export function fillForm(schema: any, opts: { date?: string } = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of schema.required ?? []) {
    const p = schema.properties[k];
    if (p.enum) out[k] = p.enum[0];
    else if (p.type === 'boolean') out[k] = true;
    else if (p.type === 'integer' || p.type === 'number') out[k] = Math.max(1, p.minimum ?? 1);
    else if (p.format === 'date') out[k] = opts.date ?? '2020-11-20';
    else if (p.format === 'email') out[k] = 'an@example.vn';
    else if (String(p.pattern ?? '').includes('84')) out[k] = '0912345678';
    else if (String(p.pattern ?? '').includes('12')) out[k] = '001090012345';
    else out[k] = 'Nguyễn Minh Khang';
  }
  return out;
}

export function multipart(parts: Array<{ name: string; value: string | Buffer; filename?: string; type?: string }>): { body: Buffer; headers: Record<string, string> } {
  const boundary = '----motcuatest' + Math.random().toString(16).slice(2);
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`));
    chunks.push(Buffer.isBuffer(p.value) ? p.value : Buffer.from(p.value));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
