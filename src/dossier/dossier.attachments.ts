// A dossier's papers: each file checked against the procedure and the limits, then stored before
// the row that references it; and a paper of the dossier found by its id.
import type { Procedure } from '../catalog';
import { prepareUpload } from '../file';
import { NotFoundError, RuleViolationError, ValidationError } from '../shared/errors';
import { uuidv7 } from '../shared/ids';
import * as repo from './dossier.repo';
import { componentsOf } from './dossier.components';
import { storedAttachment, type AttachmentUpload } from './dossier.papers';
import type { DossierDeps, DossierOptions } from './dossier.service';
import type { Dossier, DossierFile } from './dossier.types';

export interface DossierLimits {
  maxFileBytes: number;
  maxDossierBytes: number;
  maxFilesPerDossier: number;
}

export const DEFAULT_LIMITS: DossierLimits = { maxFileBytes: 10 * 1024 * 1024, maxDossierBytes: 50 * 1024 * 1024, maxFilesPerDossier: 40 };

export function limitsOf(opts: DossierOptions): DossierLimits {
  return opts.limits ?? DEFAULT_LIMITS;
}

/**
 * A paper's file checked (component of the procedure, file count and size limits, content) and
 * stored, before the row that will reference it: a crash in between leaves a file that the
 * start-up sweep removes.
 */
export async function storeAttachment(deps: DossierDeps, procedure: Procedure, component: string, upload: AttachmentUpload, existing: DossierFile[]): Promise<DossierFile> {
  const limits = limitsOf(deps.opts);
  const known = new Set(componentsOf(procedure).flatMap((g) => g.components.map((c) => c.id)));
  if (component !== 'khac' && !known.has(component)) {
    throw new ValidationError('Thành phần hồ sơ không có trong thủ tục.', [{ field: 'component', code: 'invalid_component', message: `Không có thành phần "${component}"` }]);
  }
  if (existing.length >= limits.maxFilesPerDossier) {
    throw new RuleViolationError('too_many_files', `Mỗi hồ sơ đính kèm tối đa ${limits.maxFilesPerDossier} tệp.`);
  }
  // A paper of the citizen's document store is that same file: checked when first stored, never re-encoded.
  const prepared = upload.stored ? storedAttachment({ ...upload, stored: upload.stored }, limits.maxFileBytes) : await prepareUpload(upload, { maxFileBytes: limits.maxFileBytes });
  const total = existing.reduce((n, f) => n + f.size, 0) + prepared.size;
  if (total > limits.maxDossierBytes) {
    throw new RuleViolationError('dossier_too_large', `Tổng dung lượng tệp của hồ sơ vượt quá ${Math.round(limits.maxDossierBytes / 1024 / 1024)} MB.`);
  }
  if (prepared.data) await deps.files.put({ data: prepared.data, sha256: prepared.sha256 });
  return { id: uuidv7(), component, sha256: prepared.sha256, name: prepared.originalName, mime: prepared.mime, size: prepared.size, createdAt: deps.clock.now().toISOString() };
}

export async function fileOf(deps: DossierDeps, d: Dossier, fileId: string): Promise<DossierFile> {
  const f = (await repo.listFiles(deps.db, d.id)).find((x) => x.id === fileId);
  if (!f) throw new NotFoundError('Không có tệp này.', 'file_not_found');
  return f;
}
