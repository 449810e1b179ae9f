/**
 * The verification of signed results over HTTP: the public page of the QR code (/xac-thuc/:id)
 * with its upload form (works without JavaScript), and the same as JSON (/api/xac-thuc/:id).
 * Uploads are streamed with the shared reader (one file, at most 10 MB) and checked by content.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, ValidationError } from '../shared/errors';
import { docSchema, html, parseInput } from '../shared/http';
import { body, errors, json, security } from '../shared/openapi';
import { checkCsrf } from '../shared/session';
import { readMultipart, type UploadLimits } from '../shared/uploads';
import type { SignedDocument } from './signing.repo';
import type { SigningService, VerifyOutcome } from './signing.service';
import { VerifyPage } from './signing.views';

export interface SigningRoutesDeps {
  signing: SigningService;
}

/** One file, as large as a dossier's attachment may be. */
export const VERIFY_UPLOAD_LIMITS: UploadLimits = { maxFileBytes: 10 * 1024 * 1024, maxTotalBytes: 10 * 1024 * 1024, maxFiles: 1 };

const params = z.object({ id: z.string().max(64).describe('Mã xác thực in dưới mã QR') });

const documentJson = z.object({
  id: z.string(),
  title: z.string().describe('Văn bản đã cấp'),
  holderInitials: z.string().describe('Chữ cái đầu họ tên người được cấp'),
  unitCode: z.string(),
  unitName: z.string(),
  signerName: z.string(),
  signedAt: z.string().describe('Thời điểm ký (ISO 8601, UTC)'),
  sha256: z.string().describe('Mã băm SHA-256 của tệp PDF đã ký'),
  certificate: z.string().describe('Tên chứng thư số đã dùng để ký'),
  verifyUrl: z.string(),
});

const outcomeJson = z.object({
  verdict: z.enum(['authentic', 'other_document', 'tampered', 'truncated', 'unsigned', 'invalid']),
  same: z.boolean().describe('Tệp trùng khớp từng byte với văn bản đã cấp'),
  sha256: z.string().describe('Mã băm SHA-256 của tệp gửi lên'),
  signature: z.object({
    state: z.enum(['valid', 'modified', 'incomplete', 'invalid', 'unsigned']),
    problem: z.string().optional(),
    signer: z.object({ subject: z.string(), sha256: z.string(), notAfter: z.string() }).optional(),
    signedAt: z.string().optional(),
  }),
  unitCertificate: z.boolean().describe('Chữ ký dùng đúng chứng thư số đơn vị đã ký văn bản này'),
  message: z.string(),
});

const uploadBody = z.object({ file: z.string().meta({ format: 'binary' }).describe('Tệp PDF cần kiểm tra (tối đa 10 MB)') });

export function documentAnswer(d: SignedDocument, verifyUrl: string): z.infer<typeof documentJson> {
  return {
    id: d.id,
    title: d.title,
    holderInitials: d.holderInitials,
    unitCode: d.unitCode,
    unitName: d.unitName,
    signerName: d.signerName,
    signedAt: d.signedAt,
    sha256: d.fileSha256,
    certificate: d.certSubject,
    verifyUrl,
  };
}

const noFile = () => new ValidationError('Chưa chọn tệp PDF để kiểm tra.', [{ field: 'file', code: 'file_required', message: 'Chọn tệp PDF cần kiểm tra' }], 'file_required');

export async function signingRoutes(app: FastifyInstance, deps: SigningRoutesDeps): Promise<void> {
  const { signing } = deps;

  /** The one uploaded file's bytes and name (the CSRF field checked for the page's form). */
  async function upload(req: FastifyRequest, csrf: boolean): Promise<{ data: Buffer; name: string }> {
    const mp = await readMultipart(req, VERIFY_UPLOAD_LIMITS);
    if (csrf) checkCsrf(req, mp.fields._csrf);
    const f = mp.files[0];
    if (!f || f.size === 0) throw noFile();
    return { data: await f.read(), name: f.filename };
  }

  app.get('/xac-thuc/:id', async (req, reply) => {
    const { id } = parseInput(params, req.params);
    const d = await signing.get(id);
    return html(reply, VerifyPage({ d, csrf: req.csrfToken }));
  });

  app.post('/xac-thuc/:id', async (req, reply) => {
    const { id } = parseInput(params, req.params);
    const d = await signing.get(id);
    let outcome: VerifyOutcome;
    let name = '';
    try {
      const f = await upload(req, true);
      name = f.name;
      outcome = await signing.verify(id, f.data);
    } catch (e) {
      // The page answers a refused file itself, with the form to try again (no JavaScript needed).
      if (e instanceof ValidationError || (e instanceof DomainError && e.code !== 'csrf_failed' && e.code !== 'signed_document_not_found')) {
        return html(reply, VerifyPage({ d, csrf: req.csrfToken, error: e.message }), e instanceof ValidationError ? 422 : 400);
      }
      throw e;
    }
    return html(reply, VerifyPage({ d, csrf: req.csrfToken, outcome, fileName: name }), outcome.verdict === 'authentic' ? 200 : 422);
  });

  app.get(
    '/api/xac-thuc/:id',
    {
      schema: {
        tags: ['Xác thực văn bản'],
        summary: 'Thông tin văn bản điện tử đã ký số',
        description: 'Điều mã QR trên văn bản dẫn tới: văn bản gì, cấp cho ai (chữ cái đầu họ tên), đơn vị nào, khi nào, mã băm SHA-256 của tệp.',
        operationId: 'getSignedDocument',
        security: security.public,
        params: docSchema(params),
        response: { 200: json(documentJson, 'Văn bản đã ký số'), ...errors(400, 404) },
      },
    },
    async (req) => {
      const { id } = parseInput(params, req.params);
      return documentAnswer(await signing.get(id), signing.verifyUrl(id));
    },
  );

  app.post(
    '/api/xac-thuc/:id',
    {
      schema: {
        tags: ['Xác thực văn bản'],
        summary: 'Kiểm tra một tệp PDF với văn bản đã ký số',
        description:
          'multipart/form-data với tệp "file" (PDF, tối đa 10 MB). Trả lời tệp có trùng khớp từng byte với văn bản đã cấp không (same), và chữ ký số của tệp có hợp lệ không (signature.state: valid, modified — nội dung bị sửa sau khi ký, incomplete — tệp bị cắt cụt, invalid, unsigned). Tệp không phải PDF: 422 not_pdf.',
        operationId: 'verifySignedDocument',
        security: security.public,
        params: docSchema(params),
        body: body({ multipart: uploadBody }),
        response: { 200: json(outcomeJson, 'Kết quả đối chiếu'), ...errors(400, 404, 413, 415, 422) },
      },
    },
    async (req) => {
      const { id } = parseInput(params, req.params);
      await signing.get(id);
      const f = await upload(req, false);
      return signing.verify(id, f.data);
    },
  );
}
