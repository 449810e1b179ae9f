/**
 * The citizen's document store (issue 14, kho dữ liệu): every result issued to the citizen, every
 * paper they attached that an official checked against the original (digitised), and the archive
 * records an official linked to them. A new dossier reuses a stored paper instead of a new upload
 * (Decree 45/2020/NĐ-CP art. 9 and Decree 107/2021/NĐ-CP art. 1: agencies do not ask again for
 * papers already digitised or issued as electronic results); the counter may do it for the citizen
 * with their consent, proven by a one-time code sent to their phone and recorded.
 */
import type { AccountService } from '../account';
import type { AuditService } from '../audit';
import type { CatalogService } from '../catalog';
import { citizenFiles, componentsOf, dossierFileOwner, RESULT_COMPONENT, type AttachmentUpload, type CitizenFile, type Dossier, type PaperHolder, type StoredPaperOffer, type StoredPapers } from '../dossier';
import type { BlobStore } from '../file';
import type { Db } from '../db/connection';
import type { Clock } from '../shared/clock';
import type { SignedDocument, SigningService } from '../signing';
import { ForbiddenError, NotFoundError, RuleViolationError } from '../shared/errors';
import { formatDate } from '../shared/format';
import { uuidv7 } from '../shared/ids';
import { normalizePhone, PHONE_MESSAGE } from '../shared/phone';
import { pictureName } from './archive.service';
import { fits, kindKey } from './docstore.kind';
import * as repo from './docstore.repo';

export type PaperSource = 'result' | 'checked' | 'archive';

export const SOURCE_LABEL: Record<PaperSource, string> = {
  result: 'Kết quả giải quyết',
  checked: 'Giấy tờ đã được cán bộ kiểm tra, số hóa',
  archive: 'Bản số hóa từ sổ lưu trữ',
};

export interface StoredPaper {
  id: string;
  source: PaperSource;
  /** What the paper is: "Giấy khai sinh", "Giấy chứng sinh". */
  title: string;
  /** Where it comes from: the dossier and its procedure, or the register. */
  detail: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  /** Issued, checked or attached (ISO). */
  at: string;
  procedureCode: string | null;
  component: string | null;
  kind: string;
  /** A result the unit signed: its public verification page (/xac-thuc/:id). */
  verifyUrl: string | null;
}

/** How long a consent given at the counter lasts (the citizen is at the desk). */
const CONSENT_MS = 2 * 3_600_000;
const NOT_OWNED = 'Giấy tờ này không có trong kho giấy tờ của bạn (hoặc của người dân đã đồng ý). Chỉ dùng được giấy tờ của chính người nộp.';

export interface DocstoreDeps {
  db: Db;
  catalog: CatalogService;
  files: BlobStore;
  accounts: AccountService;
  audit: AuditService;
  clock: Clock;
  /** The signed results issued to a citizen (the signing module's public surface). */
  signed?: Pick<SigningService, 'listFor' | 'verifyUrl'>;
}

export class DocstoreService implements StoredPapers {
  constructor(private readonly deps: DocstoreDeps) {}

  private get db() {
    return this.deps.db;
  }

  /**
   * The citizen's store, newest first: every result the unit signed for them (signing.listFor: a
   * dossier's result, each part of a linked group, or a paper another module issued), the results
   * kept unsigned (a paper result scanned, no certificate configured), the papers officials checked,
   * and the archive records linked to them.
   */
  async papersOf(owner: { citizenId: string; phone: string }): Promise<StoredPaper[]> {
    const files = await citizenFiles(this.db, owner);
    const signed = this.deps.signed ? await this.deps.signed.listFor({ citizenId: owner.citizenId, phone: owner.phone }) : [];
    const signedFiles = new Set(signed.map((s) => s.fileSha256));
    const checked = await repo.checkedFileIds(this.db, files.map((f) => f.fileId));
    const out: StoredPaper[] = [];
    const names = new Map<string, Awaited<ReturnType<CatalogService['findProcedure']>>>();
    const procedure = async (code: string) => {
      if (!names.has(code)) names.set(code, await this.deps.catalog.findProcedure(code));
      return names.get(code);
    };
    for (const s of signed) out.push(await this.signedPaper(s, files, procedure));
    for (const f of files) {
      const isResult = f.component === RESULT_COMPONENT && (f.status === 'processed' || f.status === 'returned');
      // A signed result is listed once, from its signed record.
      if (isResult && signedFiles.has(f.sha256)) continue;
      if (!isResult && !checked.has(f.fileId)) continue;
      const p = await procedure(f.procedureCode);
      const where = `Hồ sơ ${f.dossierCode ?? ''} — ${p?.name ?? f.procedureCode}`;
      if (isResult) {
        const title = p?.results[0]?.name ?? `Kết quả thủ tục ${p?.name ?? f.procedureCode}`;
        out.push(this.paper(f, 'result', title, where, f.finishedAt ?? f.createdAt));
        continue;
      }
      const component = p ? componentsOf(p).flatMap((g) => g.components).find((c) => c.id === f.component) : undefined;
      out.push(this.paper(f, 'checked', component?.name ?? (f.component === 'khac' ? 'Giấy tờ khác' : f.component), where, f.createdAt));
    }
    for (const r of await repo.recordsOfCitizen(this.db, owner.citizenId)) {
      const title = [r.register, r.number ? `số ${r.number}` : ''].filter(Boolean).join(', ') || 'Bản lưu trữ';
      const detail = `Sổ lưu trữ của đơn vị${r.record_date ? `, ngày ${formatDate(`${r.record_date}T00:00:00+07:00`)}` : ''}${r.names ? ` — ${r.names}` : ''}`;
      for (const pg of await repo.pagesOf(this.db, r.id)) {
        // A page of a register book: its picture, never the book (other people's entries are in it).
        const book = pg.pdf_pages !== null && Number(pg.pdf_pages) > 1;
        if (book && !pg.preview_sha256) continue;
        const file = book ? { fileName: pictureName(pg.name, pg.pdf_page), mime: 'image/jpeg', size: Number(pg.preview_size), sha256: pg.preview_sha256! } : { fileName: pg.name, mime: pg.mime, size: Number(pg.size), sha256: pg.sha256 };
        out.push({ id: pg.id, source: 'archive', title, detail, ...file, at: r.confirmed_at ?? r.created_at, procedureCode: null, component: null, kind: kindKey(r.register), verifyUrl: null });
      }
    }
    return out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  }

  /**
   * A signed result as a paper of the store. A dossier's result keeps the id of the dossier's
   * result file (the reuses recorded before name it) and the name of what the procedure issues
   * ("Giấy khai sinh"), which is how a new form's component finds it; a paper signed outside a
   * dossier is known by its signed record.
   */
  private async signedPaper(s: SignedDocument, files: CitizenFile[], procedure: (code: string) => ReturnType<CatalogService['findProcedure']>): Promise<StoredPaper> {
    const f = files.find((x) => x.component === RESULT_COMPONENT && x.sha256 === s.fileSha256 && (!s.dossierId || x.dossierId === s.dossierId));
    const p = f ? await procedure(f.procedureCode) : undefined;
    const title = p?.results[0]?.name ?? s.title;
    const detail = s.dossierCode ? `Hồ sơ ${s.dossierCode} — ${p?.name ?? s.title} — ${s.unitName} ký số` : `${s.unitName} cấp, ký số`;
    return {
      id: f?.fileId ?? s.id,
      source: 'result',
      title,
      detail,
      fileName: s.fileName,
      mime: 'application/pdf',
      size: s.size,
      sha256: s.fileSha256,
      at: s.signedAt,
      procedureCode: f?.procedureCode ?? null,
      component: null,
      kind: kindKey(title),
      verifyUrl: this.deps.signed!.verifyUrl(s.id),
    };
  }

  private paper(f: CitizenFile, source: PaperSource, title: string, detail: string, at: string): StoredPaper {
    return { id: f.fileId, source, title, detail, fileName: f.name, mime: f.mime, size: f.size, sha256: f.sha256, at, procedureCode: f.procedureCode, component: source === 'result' ? null : f.component, kind: kindKey(title), verifyUrl: null };
  }

  /** A paper of the owner's store with its bytes (the download); 404 for anything else. */
  async download(owner: { citizenId: string; phone: string }, paperId: string): Promise<{ paper: StoredPaper; data: Buffer }> {
    const paper = (await this.papersOf(owner)).find((p) => p.id === paperId);
    if (!paper) throw new NotFoundError('Không có giấy tờ này trong kho của bạn.', 'paper_not_found');
    return { paper, data: await this.deps.files.get(paper.sha256) };
  }

  // ------------------------------------------------------------------ reuse (StoredPapers)

  private async ownerOf(holder: PaperHolder): Promise<{ citizenId: string; phone: string }> {
    if (holder.kind === 'citizen') return { citizenId: holder.citizenId, phone: holder.phone };
    const c = await repo.findConsent(this.db, holder.consentId);
    if (!c) throw new ForbiddenError('Chưa có sự đồng ý của người dân.', 'consent_required');
    return { citizenId: c.citizen_id, phone: c.citizen_phone };
  }

  async offers(holder: PaperHolder, procedureCode: string, components: Array<{ id: string; name: string }>): Promise<Record<string, StoredPaperOffer[]>> {
    const papers = await this.papersOf(await this.ownerOf(holder));
    const out: Record<string, StoredPaperOffer[]> = {};
    for (const c of components) {
      const fit = papers.filter((p) => fits(p, procedureCode, c));
      if (fit.length) out[c.id] = fit.map((p) => ({ id: p.id, label: `${p.title} — ${p.detail} (${formatDate(p.at)})` }));
    }
    return out;
  }

  /** The paper as an attachment of that same stored file (no copy: the dossier's file has the paper's address). */
  async take(holder: PaperHolder, paperId: string): Promise<AttachmentUpload & { stored: { sha256: string; mime: string } }> {
    const paper = (await this.papersOf(await this.ownerOf(holder))).find((p) => p.id === paperId);
    if (!paper) throw new ForbiddenError(NOT_OWNED, 'paper_not_owned');
    return { data: await this.deps.files.get(paper.sha256), filename: paper.fileName, declaredType: paper.mime, stored: { sha256: paper.sha256, mime: paper.mime } };
  }

  async recordUse(holder: PaperHolder, dossierId: string, uses: Array<{ paperId: string; component: string }>, by: string): Promise<void> {
    if (!uses.length) return;
    const owner = await this.ownerOf(holder);
    const now = this.deps.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await repo.insertUses(
        trx,
        uses.map((u) => ({ id: uuidv7(), paper_id: u.paperId, citizen_id: owner.citizenId, dossier_id: dossierId, component: u.component, consent_id: holder.kind === 'counter' ? holder.consentId : null, used_by: by, used_at: now })),
      );
      if (holder.kind === 'counter') {
        await this.deps.audit.record(
          { actor: { kind: 'staff', id: holder.staffId, name: by }, unitCode: holder.unitCode, action: 'docstore.use', targetKind: 'dossier', targetId: dossierId, data: { consent: holder.consentId, papers: uses } },
          trx,
        );
      }
    });
  }

  /** Every reuse of the citizen's papers (shown on their store page: who used what, when). */
  usesOf(citizenId: string) {
    return repo.usesOf(this.db, { citizenId });
  }

  async askConsent(staff: { id: string; unitCode: string }, rawPhone: string): Promise<{ demoCode?: string; name: string }> {
    const phone = normalizePhone(rawPhone);
    if (!phone) throw new RuleViolationError('invalid_phone', PHONE_MESSAGE);
    const citizen = await this.deps.accounts.citizenByPhone(phone);
    if (!citizen) throw new RuleViolationError('no_citizen_account', 'Số điện thoại này chưa có tài khoản công dân nên chưa có kho giấy tờ. Xin nhận bản giấy hoặc quét giấy tờ như thường lệ.');
    const r = await this.deps.accounts.requestOtp(phone, 'verify_phone', staff.unitCode);
    return { demoCode: r.demoCode, name: citizen.fullName || phone };
  }

  async grantConsent(staff: { id: string; name: string; unitCode: string }, rawPhone: string, code: string, dossierId: string): Promise<{ consentId: string; citizenName: string }> {
    const phone = await this.deps.accounts.verifyOtp(rawPhone, 'verify_phone', code);
    const citizen = await this.deps.accounts.citizenByPhone(phone);
    if (!citizen) throw new RuleViolationError('no_citizen_account', 'Số điện thoại này chưa có tài khoản công dân nên chưa có kho giấy tờ.');
    const now = this.deps.clock.now();
    const id = uuidv7();
    await this.db.transaction().execute(async (trx) => {
      await repo.insertConsent(trx, {
        id,
        citizen_id: citizen.id,
        citizen_phone: phone,
        unit_code: staff.unitCode,
        staff_id: staff.id,
        staff_name: staff.name,
        dossier_id: dossierId,
        method: 'otp',
        granted_at: now.toISOString(),
        expires_at: new Date(now.getTime() + CONSENT_MS).toISOString(),
      });
      await this.deps.audit.record({ actor: { kind: 'staff', id: staff.id, name: staff.name }, unitCode: staff.unitCode, action: 'docstore.consent', targetKind: 'citizen', targetId: citizen.id, data: { consent: id, dossier: dossierId, method: 'otp' } }, trx);
    });
    return { consentId: id, citizenName: citizen.fullName || phone };
  }

  async consent(staff: { id: string; unitCode: string }, consentId: string, dossierId: string, applicantPhone: string): Promise<{ holder: PaperHolder; citizenName: string } | undefined> {
    if (!/^[0-9a-f-]{36}$/.test(consentId)) return undefined;
    const c = await repo.findConsent(this.db, consentId);
    if (!c || c.staff_id !== staff.id || c.unit_code !== staff.unitCode || c.dossier_id !== dossierId) return undefined;
    // The consent is the applicant's: a form whose applicant was changed since uses no one's store.
    if (normalizePhone(applicantPhone) !== c.citizen_phone) return undefined;
    if (c.expires_at <= this.deps.clock.now().toISOString()) return undefined;
    const citizen = await this.deps.accounts.citizenById(c.citizen_id);
    return { holder: { kind: 'counter', staffId: staff.id, unitCode: staff.unitCode, consentId, dossierId }, citizenName: citizen?.fullName || c.citizen_phone };
  }

  /** The consent rows and uses of a dossier (the official's page shows them). */
  async consentOf(consentId: string) {
    return repo.findConsent(this.db, consentId);
  }

  // ------------------------------------------------------------------ officials mark papers checked

  /** The dossier's papers with their check marks (results excluded: they are the unit's own). */
  async checksOf(d: Dossier, files: Array<{ id: string; component: string }>): Promise<Map<string, { by: string; at: string }>> {
    const rows = await repo.checksOfDossier(this.db, d.id);
    const ids = new Set(files.map((f) => f.id));
    return new Map(rows.filter((r) => ids.has(r.file_id)).map((r) => [r.file_id, { by: r.checked_by_name, at: r.checked_at }]));
  }

  /**
   * An official marks an attached paper as checked against the original (digitised), or takes
   * the mark back. Audited in the same transaction. Only the dossier's unit, never a result.
   */
  async setChecked(staff: { id: string; name: string; unitCode: string; role: string }, fileId: string, checked: boolean): Promise<{ dossierCode: string | null; changed: boolean }> {
    if (staff.role === 'supervisor') throw new ForbiddenError('Cán bộ giám sát cấp trên chỉ xem, không đánh dấu giấy tờ.', 'read_only');
    const owner = await dossierFileOwner(this.db, fileId);
    if (!owner || owner.unitCode !== staff.unitCode) throw new NotFoundError('Không có tệp này trong hồ sơ của đơn vị bạn.', 'file_not_found');
    let changed = false;
    await this.db.transaction().execute(async (trx) => {
      changed = checked
        ? await repo.insertCheck(trx, { file_id: fileId, dossier_id: owner.dossierId, unit_code: owner.unitCode, checked_by: staff.id, checked_by_name: staff.name, checked_at: this.deps.clock.now().toISOString() })
        : await repo.deleteCheck(trx, fileId);
      if (changed) {
        await this.deps.audit.record(
          { actor: { kind: 'staff', id: staff.id, name: staff.name }, unitCode: owner.unitCode, action: checked ? 'docstore.check' : 'docstore.uncheck', targetKind: 'dossier', targetId: owner.code ?? owner.dossierId, data: { file: fileId } },
          trx,
        );
      }
    });
    return { dossierCode: owner.code, changed };
  }
}
