import { randomBytes, randomFillSync } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/**
 * An online submission of `procedure` made in process with `app.inject`, as bench/dossiers.ts
 * sends it over the network: multipart, the e-form's required fields filled from its own schema,
 * each required paper of the general case a ~200 KB PDF. `body()` gives a new payload whose PDF
 * differs from every other (so the file store deduplicates nothing); `submit(payload)` posts one
 * and throws unless it was accepted (201). For bench/submit-counts.ts and bench/submit-parts.ts.
 */
export async function injectedSubmission(app: FastifyInstance, procedure: string, phone: string): Promise<{ body: () => Buffer; submit: (payload?: Buffer) => Promise<void> }> {
  const form = (await app.inject({ method: 'GET', url: `/api/procedures/${procedure}/form` })).json() as {
    formData: { required?: string[]; properties: Record<string, any> };
    cases: Array<{ kind: string; components: Array<{ id: string; required: boolean }> }>;
  };
  const formData: Record<string, unknown> = {};
  for (const k of form.formData.required ?? []) {
    const p = form.formData.properties[k];
    formData[k] = p.enum ? p.enum[0] : p.type === 'boolean' ? true : p.type === 'integer' || p.type === 'number' ? Math.max(1, p.minimum ?? 1) : p.format === 'date' ? '2026-11-20' : p.format === 'email' ? 'an@example.vn' : String(p.pattern ?? '').includes('84') ? phone : String(p.pattern ?? '').includes('12') ? '001090012345' : 'Nguyễn Minh Khang';
  }
  const components = form.cases.filter((c) => c.kind === 'general').flatMap((c) => c.components.filter((x) => x.required).map((x) => x.id));
  const dossier = JSON.stringify({ procedureCode: procedure, channel: 'online', applicant: { fullName: 'Nguyễn Văn An', phone, idNumber: '001090012345', address: 'Số 1 phố Đội Cấn, Ba Đình' }, formData });
  const boundary = '----motcuabench' + randomBytes(8).toString('hex');
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(200 * 1024), Buffer.from('\n%%EOF\n')]);
  const body = () => {
    randomFillSync(pdf, 20, 32); // every submission a different file: nothing deduplicated
    return Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="dossier"\r\n\r\n${dossier}\r\n`),
      ...components.flatMap((c) => [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${c}"; filename="${c}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`), pdf, Buffer.from('\r\n')]),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
  };
  const headers = { 'content-type': `multipart/form-data; boundary=${boundary}`, accept: 'application/json' };
  const submit = async (payload: Buffer = body()) => {
    const r = await app.inject({ method: 'POST', url: '/api/dossiers', headers, payload });
    if (r.statusCode !== 201) throw new Error(`submission refused: ${r.statusCode} ${r.body.slice(0, 300)}`);
  };
  return { body, submit };
}
