/**
 * Back-scanned archives (issue 14): officials upload scanned pages of old registers in bulk (the
 * books of merged wards), OCR suggests each entry's key fields, an official confirms them, and the
 * entries become searchable without diacritics and, once linked to a citizen, part of that
 * citizen's document store.
 *
 * The upload is all or nothing: every file is checked by content before anything is written, the
 * records and their pages are written in one transaction. An image is one record; a PDF is one
 * record per page (a whole register book: an official searching "Nguyễn Văn A 1998" needs the
 * page, not the book), each page read and pre-filled on its own. OCR runs later, one child process
 * per page, at most `concurrency` at once, from a queue kept in the database (records 'pending'),
 * so 50 pages never start 50 tesseracts, a request never waits for one, and a restart loses nothing.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { AccountService } from '../account';
import type { AuditService } from '../audit';
import type { Db } from '../db/connection';
import type { ArchivePageTable, ArchiveRecordTable } from '../db/schema';
import { prepareUpload, sha256Hex, sniffType, type BlobStore, type PreparedFile } from '../file';
import type { Clock } from '../shared/clock';
import { ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '../shared/errors';
import { uuidv7 } from '../shared/ids';
import { normalizePhone } from '../shared/phone';
import { cleanName } from '../shared/text';
import { fold } from '../shared/vietnamese';
import { suggestFields, type SuggestedFields } from './archive.fields';
import { OcrError, pagePicture, pdfPageCount, rasterisePdfPage, readText, type OcrOptions } from './archive.ocr';
import * as repo from './docstore.repo';

export interface ArchiveOptions extends OcrOptions {
  /** OCR processes at most at once (OCR_CONCURRENCY). */
  concurrency: number;
  /** Largest scanned image (bytes). */
  maxPageBytes: number;
  /** Most files in one upload. */
  maxPages: number;
  /** Largest PDF (a register book), bytes (ARCHIVE_MAX_PDF_MB). */
  maxPdfBytes: number;
  /** Most pages in one PDF (ARCHIVE_MAX_PDF_PAGES). */
  maxPdfPages: number;
}

/** Most records (pages) one upload makes: the rows are written in one transaction. */
const MAX_UPLOAD_RECORDS = 1000;

export interface ArchiveRecord {
  id: string;
  unitCode: string;
  batchId: string;
  register: string;
  number: string;
  date: string;
  names: string;
  note: string;
  citizenId: string | null;
  status: 'draft' | 'confirmed';
  ocrStatus: 'pending' | 'running' | 'done' | 'failed';
  ocrError: string;
  ocrText: string;
  suggested: SuggestedFields;
  /** The uploaded file the record comes from, and which page of it (a PDF book), when known. */
  source: { file: string; page: number | null; pages: number | null } | null;
  createdAt: string;
  confirmedAt: string | null;
  updatedAt: string;
}

export interface ArchivePage {
  id: string;
  seq: number;
  name: string;
  mime: string;
  size: number;
  /** The page of a PDF book (from 1) and the book's page count; null for an image. */
  pdfPage: number | null;
  pdfPages: number | null;
  /** Whether the page's picture (JPEG, made by the OCR) exists. */
  picture: boolean;
}

const toPage = (p: ArchivePageTable): ArchivePage => ({ id: p.id, seq: p.seq, name: p.name, mime: p.mime, size: Number(p.size), pdfPage: p.pdf_page === null ? null : Number(p.pdf_page), pdfPages: p.pdf_pages === null ? null : Number(p.pdf_pages), picture: !!p.preview_sha256 });

/** "so-1998.pdf", page 7 → "so-1998-trang-7.jpg": the name of a page's picture. */
export const pictureName = (name: string, page: number | null) => `${name.replace(/\.pdf$/i, '')}${page ? `-trang-${page}` : ''}.jpg`;

type StaffActor = { id: string; name: string; unitCode: string; role: string };

export const OCR_STATUS_LABEL: Record<ArchiveRecord['ocrStatus'], string> = {
  pending: 'Đang chờ nhận dạng chữ',
  running: 'Đang nhận dạng chữ',
  done: 'Đã nhận dạng chữ',
  failed: 'Không nhận dạng được chữ',
};

function toRecord(r: ArchiveRecordTable, first?: ArchivePageTable): ArchiveRecord {
  let suggested: SuggestedFields = {};
  try {
    suggested = JSON.parse(r.ocr_fields) as SuggestedFields;
  } catch {
    suggested = {};
  }
  return {
    id: r.id,
    unitCode: r.unit_code,
    batchId: r.batch_id,
    register: r.register,
    number: r.number,
    date: r.record_date,
    names: r.names,
    note: r.note,
    citizenId: r.citizen_id,
    status: r.status as ArchiveRecord['status'],
    ocrStatus: r.ocr_status as ArchiveRecord['ocrStatus'],
    ocrError: r.ocr_error,
    ocrText: r.ocr_text,
    suggested,
    source: first ? { file: first.name, page: first.pdf_page === null ? null : Number(first.pdf_page), pages: first.pdf_pages === null ? null : Number(first.pdf_pages) } : null,
    createdAt: r.created_at,
    confirmedAt: r.confirmed_at,
    updatedAt: r.updated_at,
  };
}

const searchText = (r: { register: string; number: string; names: string; note: string; ocrText: string; date: string }) => fold([r.register, r.number, r.names, r.note, r.date, r.ocrText].join(' ')).replace(/\s+/g, ' ').slice(0, 20_000);

/**
 * PDF books copied from the file store to a private temporary directory while the queue reads
 * their pages (pdftoppm opens a file for one page; the store may be S3), removed when it is idle.
 */
class BookFiles {
  private readonly open = new Map<string, Promise<{ dir: string; file: string }>>();

  constructor(private readonly files: BlobStore) {}

  async path(sha256: string): Promise<string> {
    let copy = this.open.get(sha256);
    if (!copy) {
      copy = (async () => {
        const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'motcua-book-'));
        const file = path.join(dir, 'so.pdf');
        try {
          await pipeline(await this.files.stream(sha256), fs.createWriteStream(file, { mode: 0o600 }));
        } catch (e) {
          await fsp.rm(dir, { recursive: true, force: true });
          throw e;
        }
        return { dir, file };
      })();
      this.open.set(sha256, copy);
      copy.catch(() => this.open.get(sha256) === copy && this.open.delete(sha256));
    }
    return (await copy).file;
  }

  async clear(): Promise<void> {
    const copies = [...this.open.values()];
    this.open.clear();
    for (const c of copies) {
      const made = await c.catch(() => undefined);
      if (made) await fsp.rm(made.dir, { recursive: true, force: true });
    }
  }
}

/** A staff member who may change records (a supervisor only reads). */
function changer(staff: StaffActor) {
  if (staff.role === 'supervisor') throw new ForbiddenError('Cán bộ giám sát cấp trên chỉ xem, không sửa bản lưu trữ.', 'read_only');
}

export class ArchiveService {
  private readonly loops = new Set<Promise<void>>();
  private stopped = false;
  private readonly books: BookFiles;

  constructor(
    private readonly deps: { db: Db; files: BlobStore; accounts: AccountService; audit: AuditService; clock: Clock; opts: ArchiveOptions; log?: (m: string) => void },
  ) {
    this.books = new BookFiles(deps.files);
  }

  private get db() {
    return this.deps.db;
  }

  /**
   * Bulk upload: each image is one scanned entry, each PDF one entry per page; every file is
   * checked by content (and a PDF's pages counted) before anything is written; then the records,
   * their pages and the audit entry in one transaction.
   */
  async upload(staff: StaffActor, input: { register: string; files: Array<{ read: () => Promise<{ data: Buffer; filename: string; declaredType?: string }> }> }): Promise<{ batchId: string; records: string[] }> {
    changer(staff);
    const o = this.deps.opts;
    if (!input.files.length) throw new ValidationError('Chưa chọn trang quét nào.', [{ field: 'trang', code: 'file_required', message: 'Chọn ít nhất một trang quét (ảnh JPEG, PNG hoặc tệp PDF)' }], 'file_required');
    if (input.files.length > o.maxPages) {
      throw new RuleViolationError('too_many_files', `Mỗi lần tải lên tối đa ${o.maxPages} tệp.`);
    }
    const register = cleanName(input.register ?? '').slice(0, 200);
    // Checked and stored one at a time (only one file in memory); a refused file stops the upload
    // before any row is written, and the files stored so far are orphans for the file sweep.
    const prepared: Array<Omit<PreparedFile, 'data'> & { pages: number | null }> = [];
    let total = 0;
    for (const f of input.files) {
      const u = await f.read();
      try {
        const pdf = sniffType(u.data) === 'application/pdf';
        const { data, ...p } = await prepareUpload(u, { maxFileBytes: pdf ? o.maxPdfBytes : o.maxPageBytes, maxDimension: 3000 });
        if (p.mime === 'image/heic') throw new RuleViolationError('file_type_not_allowed', `Tệp “${p.originalName}” là ảnh HEIC: máy chủ không nhận dạng chữ được trên ảnh này. Xin quét ra ảnh JPEG, PNG hoặc tệp PDF.`);
        const pages = p.mime === 'application/pdf' ? await this.countPages(data, p.originalName) : null;
        total += pages ?? 1;
        if (total > Math.max(MAX_UPLOAD_RECORDS, o.maxPdfPages)) {
          throw new RuleViolationError('too_many_pages', `Mỗi lần tải lên tối đa ${Math.max(MAX_UPLOAD_RECORDS, o.maxPdfPages)} trang (đến tệp “${p.originalName}” đã là ${total} trang). Xin tải lên làm nhiều lần.`);
        }
        await this.deps.files.put({ data, sha256: p.sha256 });
        prepared.push({ ...p, pages });
      } catch (e) {
        if (e instanceof RuleViolationError) throw new ValidationError(`Trang quét không hợp lệ, chưa tải lên trang nào: ${e.message}`, [{ field: 'trang', code: e.code, message: e.message }], e.code);
        throw e;
      }
    }
    const now = this.deps.clock.now().toISOString();
    const batchId = uuidv7();
    const records: ArchiveRecordTable[] = [];
    const pages: ArchivePageTable[] = [];
    for (const p of prepared) {
      for (let n = 1; n <= (p.pages ?? 1); n++) {
        const id = uuidv7();
        records.push({
          id,
          unit_code: staff.unitCode,
          batch_id: batchId,
          register,
          number: '',
          record_date: '',
          names: '',
          note: '',
          search_text: searchText({ register, number: '', names: '', note: '', ocrText: '', date: '' }),
          citizen_id: null,
          status: 'draft',
          ocr_status: 'pending',
          ocr_started_at: null,
          ocr_error: '',
          ocr_text: '',
          ocr_fields: '{}',
          created_by: staff.id,
          // One instant per record, in upload order (the queue takes them oldest first: page 1 first).
          created_at: new Date(Date.parse(now) + records.length).toISOString(),
          confirmed_by: null,
          confirmed_at: null,
          updated_at: now,
        });
        pages.push({ id: uuidv7(), record_id: id, seq: 1, sha256: p.sha256, name: p.originalName, mime: p.mime, size: p.size, created_at: now, pdf_page: p.pages ? n : null, pdf_pages: p.pages, preview_sha256: null, preview_size: null });
      }
    }
    await this.db.transaction().execute(async (trx) => {
      await repo.insertRecords(trx, records);
      await repo.insertPages(trx, pages);
      await this.deps.audit.record({ actor: { kind: 'staff', id: staff.id, name: staff.name }, unitCode: staff.unitCode, action: 'archive.upload', targetKind: 'archive_batch', targetId: batchId, data: { files: prepared.length, pages: records.length, register } }, trx);
    });
    this.kick();
    return { batchId, records: records.map((r) => r.id) };
  }

  /** A PDF's page count, within the limit; a Vietnamese message for a book too long or unreadable. */
  private async countPages(data: Buffer, name: string): Promise<number> {
    let pages: number;
    try {
      pages = await pdfPageCount(data, this.deps.opts);
    } catch (e) {
      if (!(e instanceof OcrError)) throw e;
      if (e.code === 'ocr_unavailable') throw new RuleViolationError('pdf_unreadable', `Máy chủ chưa cài chương trình đọc tệp PDF (pdfinfo, gói poppler-utils) nên chưa nhận được tệp “${name}”. Xin báo quản trị hoặc quét ra ảnh JPEG, PNG.`);
      throw new RuleViolationError('pdf_unreadable', `Không đọc được tệp PDF “${name}”: tệp có thể bị hỏng, chưa tải lên hết hoặc có mật khẩu. Xin xuất hoặc quét lại ra tệp PDF khác.`);
    }
    const most = this.deps.opts.maxPdfPages;
    if (pages > most) throw new RuleViolationError('too_many_pages', `Tệp “${name}” có ${pages} trang, mỗi tệp PDF tối đa ${most} trang. Xin tách quyển sổ thành nhiều tệp (ví dụ mỗi tệp ${most} trang).`);
    return pages;
  }

  async search(staff: StaffActor, q: { text?: string; status?: 'draft' | 'confirmed'; batchId?: string; limit?: number }): Promise<ArchiveRecord[]> {
    const words = fold(q.text ?? '')
      .split(/[^a-z0-9/.-]+/)
      .filter(Boolean)
      .slice(0, 8);
    const rows = await repo.searchRecords(this.db, staff.unitCode, words, { status: q.status, batchId: q.batchId, limit: q.limit ?? 100 });
    const first = await repo.firstPagesOf(this.db, rows.map((r) => r.id));
    return rows.map((r) => toRecord(r, first.get(r.id)));
  }

  /** A record of the official's unit (404 for another unit's: nothing says it exists). */
  async get(staff: { unitCode: string }, id: string): Promise<{ record: ArchiveRecord; pages: ArchivePage[] }> {
    const r = /^[0-9a-f-]{36}$/.test(id) ? await repo.findRecord(this.db, id) : undefined;
    if (!r || r.unit_code !== staff.unitCode) throw new NotFoundError('Không có bản lưu trữ này trong đơn vị của bạn.', 'archive_not_found');
    const rows = await repo.pagesOf(this.db, id);
    return { record: toRecord(r, rows[0]), pages: rows.map(toPage) };
  }

  /**
   * A page's file: the picture of a PDF book's page once the OCR made it (the official reads the
   * page, not a book of 200), else — or when `original` is asked — the uploaded file itself.
   */
  async page(staff: { unitCode: string }, recordId: string, pageId: string, original = false): Promise<{ name: string; mime: string; data: Buffer }> {
    await this.get(staff, recordId);
    const row = (await repo.pagesOf(this.db, recordId)).find((p) => p.id === pageId);
    if (!row) throw new NotFoundError('Không có trang quét này.', 'page_not_found');
    if (row.preview_sha256 && !original) return { name: pictureName(row.name, row.pdf_page), mime: 'image/jpeg', data: await this.deps.files.get(row.preview_sha256) };
    return { name: row.name, mime: row.mime, data: await this.deps.files.get(row.sha256) };
  }

  /**
   * The official's fields for an entry (the OCR's suggestions, corrected), and the citizen it
   * belongs to (by their account's phone; empty to unlink). `confirm`: the entry is checked.
   */
  async save(staff: StaffActor, id: string, input: { register?: string; number?: string; date?: string; names?: string; note?: string; citizenPhone?: string; confirm?: boolean }): Promise<ArchiveRecord> {
    changer(staff);
    const { record } = await this.get(staff, id);
    const problems: Array<{ field: string; code: string; message: string }> = [];
    const register = cleanName(input.register ?? record.register).slice(0, 200);
    const number = cleanName(input.number ?? record.number).slice(0, 50);
    const names = cleanName(input.names ?? record.names).slice(0, 500);
    const note = (input.note ?? record.note).trim().slice(0, 2000);
    let date = (input.date ?? record.date).trim();
    const dm = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(date);
    if (dm) date = `${dm[3]}-${dm[2]!.padStart(2, '0')}-${dm[1]!.padStart(2, '0')}`;
    if (date && (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date)) {
      problems.push({ field: 'date', code: 'invalid_date', message: 'Ngày ghi theo dạng ngày/tháng/năm, ví dụ 12/03/1998' });
    }
    let citizenId = record.citizenId;
    if (input.citizenPhone !== undefined) {
      const raw = input.citizenPhone.trim();
      if (!raw) citizenId = null;
      else {
        const phone = normalizePhone(raw);
        const c = phone ? await this.deps.accounts.citizenByPhone(phone) : undefined;
        if (!c) problems.push({ field: 'citizenPhone', code: 'no_citizen_account', message: 'Không có tài khoản công dân với số điện thoại này (người dân đăng nhập một lần bằng mã gửi tới điện thoại là có tài khoản).' });
        else citizenId = c.id;
      }
    }
    if (input.confirm) {
      if (!register) problems.push({ field: 'register', code: 'required', message: 'Cần tên sổ (ví dụ "Sổ đăng ký khai sinh, quyển số 01/1998")' });
      if (!number) problems.push({ field: 'number', code: 'required', message: 'Cần số của bản ghi trong sổ' });
      if (!names) problems.push({ field: 'names', code: 'required', message: 'Cần họ tên người có tên trong bản ghi' });
    }
    if (problems.length) throw new ValidationError('Thông tin bản lưu trữ chưa hợp lệ.', problems, 'invalid_archive_record');
    const now = this.deps.clock.now().toISOString();
    const confirmed = input.confirm || record.status === 'confirmed';
    await this.db.transaction().execute(async (trx) => {
      await repo.updateRecord(trx, id, {
        register,
        number,
        record_date: date,
        names,
        note,
        citizen_id: citizenId,
        search_text: searchText({ register, number, names, note, ocrText: record.ocrText, date }),
        status: confirmed ? 'confirmed' : 'draft',
        ...(input.confirm && record.status !== 'confirmed' ? { confirmed_by: staff.id, confirmed_at: now } : {}),
        updated_at: now,
      });
      await this.deps.audit.record(
        {
          actor: { kind: 'staff', id: staff.id, name: staff.name },
          unitCode: staff.unitCode,
          action: input.confirm && record.status !== 'confirmed' ? 'archive.confirm' : 'archive.update',
          targetKind: 'archive_record',
          targetId: id,
          data: { register, number, date, names, citizen: citizenId },
        },
        trx,
      );
    });
    return (await this.get(staff, id)).record;
  }

  // ------------------------------------------------------------------ the OCR queue

  /** Starts OCR workers up to the concurrency limit; each takes waiting records until none is left. */
  kick(): void {
    if (this.stopped) return;
    while (this.loops.size < this.deps.opts.concurrency) {
      const loop: Promise<void> = this.work()
        .catch((e) => this.deps.log?.(`Lỗi khi nhận dạng chữ bản lưu trữ: ${e instanceof Error ? e.message : String(e)}`))
        .finally(() => {
          this.loops.delete(loop);
          // The queue is empty: the books copied to disk for pdftoppm go.
          if (!this.loops.size) void this.books.clear();
        });
      this.loops.add(loop);
    }
  }

  /** Resolves when no OCR is running (tests; shutdown). */
  async idle(): Promise<void> {
    while (this.loops.size) await Promise.all([...this.loops]);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.idle();
    await this.books.clear();
  }

  /** How many OCR processes run now (never more than the concurrency). */
  get running(): number {
    return this.loops.size;
  }

  private async work(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const now = this.deps.clock.now();
      // A run older than four time limits was abandoned (the process died): taken again.
      const stale = new Date(now.getTime() - 4 * this.deps.opts.timeoutMs).toISOString();
      const r = await repo.claimOcr(this.db, now.toISOString(), stale);
      if (!r) return;
      await this.ocrOne(r);
    }
  }

  private async ocrOne(r: ArchiveRecordTable): Promise<void> {
    const pages = await repo.pagesOf(this.db, r.id);
    let text = '';
    let error = '';
    try {
      for (const p of pages.slice(0, 5)) text += `${await this.readPage(p)}\n`;
    } catch (e) {
      error = e instanceof OcrError ? e.message : `Không nhận dạng được chữ: ${e instanceof Error ? e.message : String(e)}`;
    }
    text = text.trim().slice(0, 50_000);
    const fields = error ? {} : suggestFields(text);
    // The suggestions pre-fill the fields still empty; the entry stays a draft until an official confirms it.
    const rec = toRecord(r);
    const current = await repo.findRecord(this.db, r.id);
    if (current && current.status === 'draft') {
      rec.register = current.register || fields.register || '';
      rec.number = current.number || fields.number || '';
      rec.date = current.record_date || fields.date || '';
      rec.names = current.names || fields.names || '';
    }
    await repo.updateRecord(this.db, r.id, {
      ...(current?.status === 'draft' ? { register: rec.register, number: rec.number, record_date: rec.date, names: rec.names } : {}),
      ocr_status: error ? 'failed' : 'done',
      ocr_error: error,
      ocr_text: text,
      ocr_fields: JSON.stringify(fields),
      search_text: searchText({ ...rec, ocrText: text }),
      updated_at: this.deps.clock.now().toISOString(),
    });
  }

  /**
   * The text of one page. A PDF's page is rasterised from the book's copy on disk (one page, not
   * the book, through pdftoppm) and its picture kept for the official and the citizen's store.
   */
  private async readPage(p: ArchivePageTable): Promise<string> {
    if (p.mime !== 'application/pdf') return readText(await this.deps.files.get(p.sha256), this.deps.opts);
    const image = await rasterisePdfPage({ file: await this.books.path(p.sha256) }, p.pdf_page === null ? 1 : Number(p.pdf_page), this.deps.opts);
    if (!p.preview_sha256) {
      try {
        const jpeg = await pagePicture(image);
        const sha256 = sha256Hex(jpeg);
        await this.deps.files.put({ data: jpeg, sha256 });
        await repo.updatePage(this.db, p.id, { preview_sha256: sha256, preview_size: jpeg.length });
      } catch (e) {
        this.deps.log?.(`Không lưu được ảnh của trang quét ${p.id}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    return readText(image, this.deps.opts);
  }

  /** Whether a stored file is a scanned page or a page's picture (the file sweep keeps it). */
  isFileReferenced(sha256: string): Promise<boolean> {
    return repo.isPageReferenced(this.db, sha256);
  }
}
