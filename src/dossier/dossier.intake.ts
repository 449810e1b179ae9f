// A new dossier's input checked and turned into its draft row (procedure offered, channel,
// applicant, case, delivery, form data, Idempotency-Key): the first half of every submission.
import type { Procedure } from '../catalog';
import { ForbiddenError, RuleViolationError, ValidationError } from '../shared/errors';
import { uuidv7 } from '../shared/ids';
import { normalizePhone, PHONE_MESSAGE } from '../shared/phone';
import { postalAddressProblem } from '../shared/address';
import { fold } from '../shared/vietnamese';
import * as repo from './dossier.repo';
import { componentsOf } from './dossier.components';
import type { DossierDeps } from './dossier.service';
import { applicantSchema, type Actor, type Applicant, type Dossier, type DossierChannel } from './dossier.types';

export interface NewDossierInput {
  unitCode: string;
  procedureCode: string;
  channel: DossierChannel;
  caseId?: string;
  applicant: unknown;
  formData?: unknown;
  delivery?: { method?: 'counter' | 'post'; address?: string };
  /** Made for a one-request submission: removed at start-up if the submission never committed. */
  transient?: boolean;
  /** When the draft is removed with its files unless submitted (drafts expire). */
  expiresAt?: string;
  /** The applicant's phone, proven by a one-time code (anonymous drafts). */
  verifiedPhone?: string;
  /** A dossier of the demo history (migration 018); refused unless the service runs in demo mode. */
  demo?: boolean;
}

/** The applicant checked as for submission; the problems name fields "applicant.*". */
export function checkApplicant(raw: unknown): { applicant: Applicant; problems: [] } | { applicant?: undefined; problems: Array<{ field: string; code: string; message: string }> } {
  try {
    return { applicant: parseApplicant(raw), problems: [] };
  } catch (e) {
    if (e instanceof ValidationError) return { problems: e.fields };
    throw e;
  }
}

export function parseApplicant(raw: unknown): Applicant {
  const r = applicantSchema.safeParse(raw ?? {});
  if (!r.success) {
    throw new ValidationError(
      'Thông tin người nộp chưa hợp lệ.',
      r.error.issues.map((i) => ({ field: `applicant.${i.path.join('.')}`, code: i.code === 'invalid_type' ? 'required' : i.code, message: i.message })),
      'invalid_dossier',
    );
  }
  const phone = normalizePhone(r.data.phone);
  if (!phone) throw new ValidationError(PHONE_MESSAGE, [{ field: 'applicant.phone', code: 'invalid_phone', message: PHONE_MESSAGE }], 'invalid_dossier');
  return { ...r.data, phone };
}

export function checkChannel(procedure: Procedure, channel: DossierChannel, actor: Actor): void {
  if (channel === 'online') {
    if (!procedure.channels.some((c) => c.kind === 'online')) {
      throw new RuleViolationError('channel_not_offered', 'Thủ tục này chưa nhận hồ sơ trực tuyến. Xin nộp trực tiếp tại bộ phận một cửa.');
    }
    return;
  }
  if (actor.kind !== 'staff') {
    throw new ForbiddenError('Hồ sơ nộp trực tiếp hoặc qua bưu chính do cán bộ một cửa tiếp nhận.', 'channel_staff_only');
  }
}

/** After a failed insert: the dossier a concurrent request with the same Idempotency-Key made, or the error again. */
export async function racedTo(deps: DossierDeps, row: repo.NewDossierRow, e: unknown): Promise<Dossier> {
  const existing = row.idempotency_key ? await repo.findDossierByIdempotencyKey(deps.db, row.idempotency_key) : undefined;
  if (!existing) throw e;
  return existing;
}

/** A new draft's row, its input checked (procedure offered, channel, applicant, case, delivery); not written. */
export async function draftRow(deps: DossierDeps, input: NewDossierInput, actor: Actor, idempotencyKey?: string): Promise<{ row: repo.NewDossierRow & { id: string; created_at: string }; procedure: Procedure }> {
  if (input.demo && !deps.opts.demo) throw new ForbiddenError('Chỉ ghi được hồ sơ mẫu khi chạy ở chế độ trình diễn (DEMO=on).', 'demo_off');
  if (actor.kind === 'staff' && actor.unitCode !== input.unitCode) throw new ForbiddenError('Cán bộ chỉ tiếp nhận hồ sơ của đơn vị mình.');
  const { procedure } = await deps.catalog.getUnitProcedure(input.unitCode, input.procedureCode);
  checkChannel(procedure, input.channel, actor);
  const applicant = parseApplicant(input.applicant);
  const caseId = input.caseId ?? null;
  if (caseId && !componentsOf(procedure).some((g) => g.id === caseId && g.kind === 'case')) {
    throw new ValidationError('Trường hợp đã chọn không có trong thủ tục.', [{ field: 'case', code: 'invalid_case', message: 'Trường hợp không hợp lệ' }], 'invalid_dossier');
  }
  const formData = draftFormData(input.formData);
  const postalProblem = input.delivery?.method === 'post' ? postalAddressProblem(input.delivery.address) : null;
  if (postalProblem) {
    throw new ValidationError('Cần địa chỉ nhận kết quả qua bưu chính đầy đủ.', [{ field: 'delivery.address', code: input.delivery?.address?.trim() ? 'invalid_address' : 'required', message: postalProblem }], 'invalid_dossier');
  }
  const now = deps.clock.now().toISOString();
  const id = uuidv7();
  const row = {
    id,
    code: null,
    unit_code: input.unitCode,
    procedure_code: procedure.code,
    channel: input.channel,
    case_id: caseId,
    status: 'draft',
    applicant: JSON.stringify(applicant),
    applicant_phone: applicant.phone,
    applicant_name: applicant.fullName,
    search_name: fold(applicant.fullName),
    citizen_id: actor.kind === 'citizen' ? actor.id : null,
    form_data: JSON.stringify(formData),
    delivery: JSON.stringify(input.delivery ?? { method: 'counter' }),
    digitised: 0,
    submitted_at: null,
    received_at: null,
    due_at: null,
    due_fixed: 0,
    idempotency_key: idempotencyKey ? idemKey(actor, idempotencyKey) : null,
    transient: input.transient ? 1 : 0,
    expires_at: input.expiresAt ?? null,
    verified_phone: input.verifiedPhone ?? null,
    demo: input.demo ? 1 : 0,
    created_by: actor.kind === 'anonymous' ? 'anonymous' : `${actor.kind}:${actor.id}`,
    created_at: now,
    updated_at: now,
  };
  return { row, procedure };
}

export function idemKey(actor: Actor, key: string): string {
  const who = actor.kind === 'anonymous' ? 'anon' : `${actor.kind}:${actor.id}`;
  if (key.length > 200) throw new ValidationError('Idempotency-Key quá dài (tối đa 200 ký tự).', [{ field: 'Idempotency-Key', code: 'too_long', message: 'Tối đa 200 ký tự' }]);
  return `${who}:${key}`;
}

export function draftFormData(raw: unknown): Record<string, unknown> {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ValidationError('Dữ liệu biểu mẫu phải là một đối tượng.', [{ field: 'formData', code: 'invalid_type', message: 'formData phải là đối tượng JSON' }]);
  }
  return cleanFormData(raw as Record<string, unknown>);
}

/** The e-form's values a dossier keeps: named fields only, text in NFC and bounded, numbers and yes/no. */
export function cleanFormData(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (!/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(k)) continue;
    if (typeof v === 'string') out[k] = v.normalize('NFC').slice(0, 5000);
    else if (typeof v === 'number' || typeof v === 'boolean') out[k] = v;
  }
  return out;
}
