import { createHash } from 'node:crypto';
import type { Db } from '../db/connection';
import type { Clock } from '../shared/clock';
import { NotFoundError, ValidationError } from '../shared/errors';
import { feeDetail, feeSummary, formatTime, fullTime, shortTime } from '../shared/format';
import { uuidv7 } from '../shared/ids';
import { Signal } from '../shared/signal';
import { slugify } from '../shared/vietnamese';
import type { Unit, UnitService } from '../unit';
import * as repo from './catalog.repo';
import { hasLocal, type UnitLocal, type UnitProcedure } from './catalog.repo';
import { recordPublications } from './catalog.publication';
import { SearchIndex } from './catalog.search';
import { CHANNEL_KINDS, feeSchema, formTemplateSchema, procedureSchema, type Channel, type Procedure, type ProcessingTime } from './catalog.types';

/** Who changed a unit's catalogue, for its change history. */
export interface CatalogActor {
  id: string | null;
  name: string;
}

/** An earlier version of a unit's whole catalogue (migration 010). */
export interface CatalogVersion {
  id: string;
  /** When it was replaced. */
  at: string;
  /** Who replaced it. */
  actorName: string;
  /** How many procedures it had. */
  size: number;
}

export interface CatalogChange {
  id: string;
  unitCode: string;
  procedureCode: string;
  kind: 'added' | 'removed' | 'updated';
  before: unknown;
  after: unknown;
  actorName: string;
  at: string;
}

/**
 * The national record as a unit offers it: the unit's fees replace a channel's fees, the unit's
 * own forms are added to the national ones (ids prefixed with the unit's code so they never clash).
 */
export function applyLocal(p: Procedure, entry: UnitProcedure | undefined): Procedure {
  const l = entry?.local;
  if (!l || !hasLocal(l)) return p;
  return {
    ...p,
    channels: p.channels.map((c) => {
      const fees = l.fees?.[c.kind];
      return fees ? { ...c, fees, feeText: l.feeNote ?? c.feeText } : l.feeNote ? { ...c, feeText: l.feeNote } : c;
    }),
    forms: [...p.forms, ...(l.forms ?? [])],
  };
}

export interface FieldInfo {
  name: string;
  slug: string;
  count: number;
}

/** What lists, listings and the API show of a procedure in a unit. */
export interface ProcedureSummary {
  code: string;
  name: string;
  field: string;
  fieldSlug: string;
  /** Legal time of the main channel. */
  time: ProcessingTime | null;
  /** One short phrase ("1 ngày làm việc", "Trong ngày tiếp nhận"). */
  timeText: string;
  /** The whole time, each fact once, for printed listings and posters. */
  timeDetail: string;
  /** The unit's shorter promise, if any. */
  commitment: ProcessingTime | null;
  /** One short phrase for lists ("Miễn phí", "8.000 đ/bản"). */
  feeText: string;
  /** Every fee with its label, never cut, for printed listings and posters. */
  feeDetail: string;
  /** The fee when submitted online, where it differs (often lower): what a citizen on the web pays. */
  onlineFeeText?: string;
  onlineLevel: Procedure['onlineLevel'];
  essential: boolean;
  score?: number;
}

export interface UnitCatalog {
  unit: Unit;
  entries: Map<string, UnitProcedure>;
  mask: Uint8Array;
  fields: FieldInfo[];
}

interface Snapshot {
  version: string;
  procedures: Map<string, Procedure>;
  fieldSlugs: Map<string, string>;
  index: SearchIndex;
  units: Map<string, UnitCatalog>;
}

export interface ImportResult {
  total: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Left alone because the existing record was curated locally (see keepSources). */
  kept: number;
}

const VERSION_KEY = 'catalog_version';
/** How often a node re-checks whether another node changed the catalogue. */
const VERSION_CHECK_MS = 2000;

/** The channel whose time and fee a listing shows: at the counter first, as communes post them. */
/** The online channel's fee phrase when the procedure is offered online and it differs from the main one. */
function onlineFee(p: Procedure, main: Channel | undefined): { onlineFeeText?: string } {
  const online = p.onlineLevel ? p.channels.find((c) => c.kind === 'online') : undefined;
  if (!online || online === main) return {};
  const text = feeSummary(online);
  return text !== feeSummary(main) ? { onlineFeeText: text } : {};
}

export function mainChannel(p: Procedure): Channel | undefined {
  return p.channels.find((c) => c.kind === 'in_person') ?? p.channels[0];
}

function hashOf(p: Procedure): string {
  return createHash('sha256').update(JSON.stringify(p)).digest('hex').slice(0, 32);
}

export function isShorterOrEqual(commitment: ProcessingTime, legal: ProcessingTime | null): boolean {
  if (!legal) return true;
  const hours = (t: ProcessingTime) => (t.unit === 'hours' ? t.value : t.unit === 'working_days' ? t.value * 8 : t.value * 8 * (5 / 7));
  if (commitment.unit === legal.unit) return commitment.value <= legal.value;
  return hours(commitment) <= hours(legal);
}

export class CatalogService {
  private snapshot: Snapshot | undefined;
  private building: Promise<Snapshot> | undefined;
  private checkedAt = 0;
  /** Bumped by every local write, so a build that began before the write is not kept. */
  private generation = 0;
  private buildingGeneration = -1;
  /** Every change this process makes to the catalogue (the other processes are told: src/cluster). */
  readonly updates = new Signal();

  constructor(
    private readonly db: Db,
    private readonly units: UnitService,
    private readonly clock: Clock,
  ) {}

  /** The catalogue in memory, rebuilt when this or another node changed it. */
  private async current(): Promise<Snapshot> {
    const now = Date.now();
    if (this.snapshot && now - this.checkedAt < VERSION_CHECK_MS) return this.snapshot;
    if (this.building && this.buildingGeneration === this.generation) return this.building;
    const generation = this.generation;
    const building = (async () => {
      const version = (await repo.getMeta(this.db, VERSION_KEY)) ?? '0';
      if (this.snapshot && this.snapshot.version === version && generation === this.generation) {
        this.checkedAt = Date.now();
        return this.snapshot;
      }
      this.units.invalidate();
      const snap = await this.build(version);
      // A write on this node during the build makes it stale: keep it for this caller only.
      if (generation === this.generation) {
        this.snapshot = snap;
        this.checkedAt = Date.now();
      }
      return snap;
    })();
    this.building = building;
    this.buildingGeneration = generation;
    try {
      return await building;
    } finally {
      if (this.building === building) this.building = undefined;
    }
  }

  private async build(version: string): Promise<Snapshot> {
    const records = await repo.listProcedures(this.db);
    const procedures = new Map(records.map((r) => [r.procedure.code, r.procedure]));
    const index = new SearchIndex(
      records.map(({ procedure: p }) => ({
        code: p.code,
        name: p.name,
        field: p.field,
        summary: p.summary,
        keywords: p.keywords,
        components: p.componentGroups.flatMap((g) => g.components.map((c) => c.name)),
      })),
    );
    const entries = await repo.listUnitProcedures(this.db);
    const byUnit = new Map<string, Map<string, UnitProcedure>>();
    for (const e of entries) {
      if (!procedures.has(e.procedureCode)) continue;
      let m = byUnit.get(e.unitCode);
      if (!m) byUnit.set(e.unitCode, (m = new Map()));
      m.set(e.procedureCode, e);
    }
    const units = new Map<string, UnitCatalog>();
    for (const unit of await this.units.list()) {
      const m = byUnit.get(unit.code) ?? new Map<string, UnitProcedure>();
      const counts = new Map<string, number>();
      for (const code of m.keys()) {
        const f = procedures.get(code)!.field;
        counts.set(f, (counts.get(f) ?? 0) + 1);
      }
      const fields = [...counts].map(([name, count]) => ({ name, slug: slugify(name), count })).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
      units.set(unit.code, { unit, entries: m, mask: index.mask(m.keys()), fields });
    }
    const fieldSlugs = new Map([...procedures.values()].map((p) => [p.code, slugify(p.field)]));
    return { version, procedures, fieldSlugs, index, units };
  }

  /** Call after any write: this node rebuilds at once, others within VERSION_CHECK_MS. */
  private async changed(): Promise<void> {
    await repo.setMeta(this.db, VERSION_KEY, uuidv7());
    this.generation++;
    this.snapshot = undefined;
    this.checkedAt = 0;
    this.updates.emit();
  }

  /** Another process changed the catalogue: the next read checks the version (and rebuilds). */
  recheck(): void {
    // A build begun before the change may have read the old version: not kept.
    this.generation++;
    this.checkedAt = 0;
  }

  /**
   * Another module changed what the catalogue's pages list (a unit's linked procedure group): the
   * version moves on, so cached pages and answers are made again.
   */
  async touch(): Promise<void> {
    await this.changed();
  }

  /**
   * The version as last checked, without a promise, while that check is recent (as `version()`
   * would answer without asking the database); otherwise undefined: then call `version()`.
   */
  freshVersion(): string | undefined {
    return this.snapshot && Date.now() - this.checkedAt < VERSION_CHECK_MS ? this.snapshot.version : undefined;
  }

  /** Changes whenever the catalogue changes: a key for caching what is derived from it. */
  async version(): Promise<string> {
    return (await this.current()).version;
  }

  async unitCatalog(unitCode: string): Promise<UnitCatalog> {
    const s = await this.current();
    const uc = s.units.get(unitCode);
    if (!uc) throw new NotFoundError(`Không có đơn vị hành chính mã ${unitCode}.`, 'unit_not_found');
    return uc;
  }

  async procedureCount(): Promise<number> {
    return (await this.current()).procedures.size;
  }

  /**
   * The national records of the procedures a unit offers (the unit's own settings not applied), in
   * one read of the catalogue in memory — for a list of the whole catalogue, rather than a
   * findProcedure per code.
   */
  async unitProcedures(unitCode: string): Promise<Procedure[]> {
    const s = await this.current();
    const uc = s.units.get(unitCode);
    if (!uc) throw new NotFoundError(`Không có đơn vị hành chính mã ${unitCode}.`, 'unit_not_found');
    const out: Procedure[] = [];
    for (const code of uc.entries.keys()) {
      const p = s.procedures.get(code);
      if (p) out.push(p);
    }
    return out;
  }

  async findProcedure(code: string): Promise<Procedure | undefined> {
    return (await this.current()).procedures.get(code);
  }

  async getProcedure(code: string): Promise<Procedure> {
    const p = await this.findProcedure(code);
    if (!p) throw new NotFoundError(`Không có thủ tục mã ${code}.`, 'procedure_not_found');
    return p;
  }

  /** A procedure as a unit offers it (with the unit's own fees and forms); 404 if not offered. */
  async getUnitProcedure(unitCode: string, code: string): Promise<{ unit: Unit; procedure: Procedure; entry: UnitProcedure }> {
    const s = await this.current();
    const uc = s.units.get(unitCode);
    if (!uc) throw new NotFoundError(`Không có đơn vị hành chính mã ${unitCode}.`, 'unit_not_found');
    const entry = uc.entries.get(code);
    const procedure = s.procedures.get(code);
    if (!entry || !procedure) throw new NotFoundError(`${uc.unit.name} không tiếp nhận thủ tục mã ${code}.`, 'procedure_not_found');
    return { unit: uc.unit, procedure: applyLocal(procedure, entry), entry };
  }

  /** A form of some unit's own (their ids start with "u<unit code>-"), for its download. */
  async findLocalForm(procedureCode: string, formId: string): Promise<Procedure['forms'][number] | undefined> {
    const m = /^u(\d{2,5})-/.exec(formId);
    if (!m) return undefined;
    const uc = (await this.current()).units.get(m[1]!);
    return uc?.entries.get(procedureCode)?.local?.forms?.find((f) => f.id === formId);
  }

  summarize(raw: Procedure, entry?: UnitProcedure, score?: number): ProcedureSummary {
    const p = applyLocal(raw, entry);
    const ch = mainChannel(p);
    return {
      code: p.code,
      name: p.name,
      field: p.field,
      fieldSlug: slugify(p.field),
      time: ch?.time ?? null,
      timeText: shortTime(ch?.time, ch?.timeText),
      timeDetail: fullTime(ch?.time, ch?.timeText),
      commitment: entry?.commitment ?? null,
      feeText: feeSummary(ch),
      feeDetail: feeDetail(ch),
      ...onlineFee(p, ch),
      onlineLevel: p.onlineLevel,
      essential: entry?.essential ?? false,
      ...(score !== undefined ? { score } : {}),
    };
  }

  /**
   * Search or list a unit's catalogue (or the whole national catalogue when unitCode is
   * undefined). With q, best match first; without, by field then name.
   */
  async search(unitCode: string | undefined, opts: { q?: string; field?: string; limit?: number; offset?: number }): Promise<{ items: ProcedureSummary[]; total: number }> {
    const s = await this.current();
    const uc = unitCode ? s.units.get(unitCode) : undefined;
    if (unitCode && !uc) throw new NotFoundError(`Không có đơn vị hành chính mã ${unitCode}.`, 'unit_not_found');
    const limit = opts.limit ?? 20;
    const offset = opts.offset ?? 0;
    const fieldSlug = opts.field ? slugify(opts.field) : undefined;
    const q = opts.q?.trim() ?? '';
    const matchesField = (p: Procedure) => !fieldSlug || s.fieldSlugs.get(p.code) === fieldSlug;

    if (/^\d\.\d{6}$/.test(q)) {
      const p = s.procedures.get(q);
      const ok = p && (!uc || uc.entries.has(q)) && matchesField(p);
      return { items: ok ? [this.summarize(p, uc?.entries.get(q), 1)] : [], total: ok ? 1 : 0 };
    }
    if (q) {
      const hits = s.index.search(q, { limit: 100_000, allowed: uc?.mask });
      const filtered = fieldSlug ? hits.filter((h) => matchesField(s.procedures.get(h.code)!)) : hits;
      return {
        items: filtered.slice(offset, offset + limit).map((h) => this.summarize(s.procedures.get(h.code)!, uc?.entries.get(h.code), h.score)),
        total: filtered.length,
      };
    }
    const list = (uc ? [...uc.entries.keys()] : [...s.procedures.keys()]).map((c) => s.procedures.get(c)!).filter(matchesField);
    list.sort((a, b) => a.field.localeCompare(b.field, 'vi') || (uc?.entries.get(a.code)?.sort ?? 0) - (uc?.entries.get(b.code)?.sort ?? 0) || a.code.localeCompare(b.code));
    return { items: list.slice(offset, offset + limit).map((p) => this.summarize(p, uc?.entries.get(p.code))), total: list.length };
  }

  async fields(unitCode: string): Promise<FieldInfo[]> {
    return (await this.unitCatalog(unitCode)).fields;
  }

  /**
   * Insert or update procedures by national code. Idempotent: a record whose content did not
   * change is left alone; nothing is ever duplicated. One transaction, so a failed import
   * leaves the catalogue as it was.
   */
  async upsertProcedures(
    procedures: Procedure[],
    source: string,
    opts: { attachTo?: string; keepSources?: string[]; onProgress?: (done: number) => void } = {},
  ): Promise<ImportResult> {
    if (opts.attachTo) await this.units.get(opts.attachTo);
    const now = this.clock.now().toISOString();
    const result: ImportResult = { total: procedures.length, inserted: 0, updated: 0, unchanged: 0, kept: 0 };
    const changed: string[] = [];
    await this.db.transaction().execute(async (trx) => {
      const hashes = await repo.listProcedureHashes(trx);
      const sources = opts.keepSources?.length ? await repo.listProcedureSources(trx) : new Map<string, string>();
      let done = 0;
      for (const p of procedures) {
        const h = hashOf(p);
        const old = hashes.get(p.code);
        const oldSource = sources.get(p.code);
        if (oldSource && oldSource !== source && opts.keepSources?.includes(oldSource)) {
          result.kept++;
        } else if (old === undefined) {
          changed.push(p.code);
          await repo.insertProcedure(trx, p, source, h, now);
          hashes.set(p.code, h);
          result.inserted++;
        } else if (old !== h) {
          changed.push(p.code);
          await repo.updateProcedure(trx, p, source, h, now);
          hashes.set(p.code, h);
          result.updated++;
        } else result.unchanged++;
        if (++done % 100 === 0) opts.onProgress?.(done);
      }
      opts.onProgress?.(done);
      if (opts.attachTo) await repo.addUnitProcedures(trx, opts.attachTo, procedures.map((p) => p.code), now);
      // What the units listing a new or changed record now publish (transparency indicator).
      if (result.inserted || result.updated || opts.attachTo) await recordPublications(trx, { unitCodes: opts.attachTo ? [opts.attachTo] : [], procedureCodes: changed, at: now });
    });
    await this.changed();
    return result;
  }

  /** Validate raw procedure records (demo data, Excel) with Vietnamese messages. */
  parseProcedure(raw: unknown): Procedure {
    const r = procedureSchema.safeParse(raw);
    if (!r.success) {
      throw new ValidationError(
        'Dữ liệu thủ tục không hợp lệ.',
        r.error.issues.map((i) => ({ field: i.path.join('.'), code: i.code, message: i.message })),
      );
    }
    return r.data;
  }

  /**
   * Replace a unit's catalogue selection and local settings (Excel import). All or nothing:
   * every row is checked first, and one bad row changes nothing.
   */
  async setUnitCatalog(
    unitCode: string,
    rows: Array<Omit<UnitProcedure, 'unitCode'>>,
    opts: { actor?: CatalogActor } = {},
  ): Promise<{ added: number; updated: number; removed: number }> {
    const s = await this.current();
    const uc = s.units.get(unitCode);
    if (!uc) throw new NotFoundError(`Không có đơn vị hành chính mã ${unitCode}.`, 'unit_not_found');
    const problems: Array<{ field: string; code: string; message: string }> = [];
    const seen = new Set<string>();
    rows.forEach((r, i) => {
      const where = `dòng ${i + 1}`;
      const p = s.procedures.get(r.procedureCode);
      if (!p) problems.push({ field: where, code: 'procedure_not_found', message: `Không có thủ tục mã ${r.procedureCode} trong danh mục quốc gia` });
      if (seen.has(r.procedureCode)) problems.push({ field: where, code: 'duplicate', message: `Thủ tục ${r.procedureCode} xuất hiện hai lần` });
      seen.add(r.procedureCode);
      if (r.local) problems.push(...localProblems(r.local, where));
      if (p && r.commitment) {
        const legal = mainChannel(p)?.time ?? null;
        if (!(r.commitment.value > 0)) problems.push({ field: where, code: 'invalid_commitment', message: 'Thời hạn cam kết phải lớn hơn 0' });
        else if (!isShorterOrEqual(r.commitment, legal)) {
          problems.push({ field: where, code: 'commitment_too_long', message: `Thời hạn cam kết (${formatTime(r.commitment)}) dài hơn thời hạn luật định (${formatTime(legal)})` });
        }
      }
    });
    if (problems.length) throw new ValidationError('Danh mục không được cập nhật vì có dòng không hợp lệ.', problems);
    const now = this.clock.now().toISOString();
    const removed = [...uc.entries.keys()].filter((c) => !seen.has(c));
    let added = 0;
    const actor = opts.actor ?? { id: null, name: 'Hệ thống' };
    // The unit's change history: one row per procedure added, removed or changed (with before/after).
    const snapshot = (e: Omit<UnitProcedure, 'unitCode'> | UnitProcedure | undefined, keepLocal?: UnitLocal) =>
      e ? { commitment: e.commitment, note: e.note, essential: e.essential, sort: e.sort, local: e.local ?? keepLocal ?? {} } : null;
    const change = async (trx: Parameters<typeof repo.insertCatalogChange>[0], code: string, kind: CatalogChange['kind'], before: unknown, after: unknown) =>
      repo.insertCatalogChange(trx, { id: uuidv7(), unit_code: unitCode, procedure_code: code, kind, before: JSON.stringify(before), after: JSON.stringify(after), actor_id: actor.id, actor_name: actor.name, at: now });
    await this.db.transaction().execute(async (trx) => {
      // The whole catalogue as it was, so this change can be undone (versions, restoreVersion).
      const previous = [...uc.entries.values()].map(({ unitCode: _u, ...e }) => e);
      await repo.insertCatalogVersion(trx, { id: uuidv7(), unit_code: unitCode, created_at: now, actor_id: actor.id, actor_name: actor.name, size: previous.length, entries: JSON.stringify(previous) });
      for (const r of rows) {
        const old = uc.entries.get(r.procedureCode);
        if (!old) added++;
        await repo.upsertUnitProcedure(trx, { ...r, unitCode }, now);
        const before = snapshot(old);
        const after = snapshot(r, old?.local);
        if (!old) await change(trx, r.procedureCode, 'added', null, after);
        else if (JSON.stringify({ ...before, sort: 0 }) !== JSON.stringify({ ...after, sort: 0 })) await change(trx, r.procedureCode, 'updated', before, after);
      }
      await repo.deleteUnitProcedures(trx, unitCode, removed);
      for (const code of removed) await change(trx, code, 'removed', snapshot(uc.entries.get(code)), null);
      await recordPublications(trx, { unitCodes: [unitCode], at: now });
    });
    await this.changed();
    return { added, updated: rows.length - added, removed: removed.length };
  }

  /** Earlier versions of a unit's catalogue (each one is the catalogue just before a change), newest first. */
  async versions(unitCode: string, limit = 50): Promise<CatalogVersion[]> {
    return (await repo.listCatalogVersions(this.db, unitCode, limit)).map((r) => ({ id: r.id, at: r.created_at, actorName: r.actor_name, size: r.size }));
  }

  /** The procedures of an earlier version, as they were (selection and the unit's own settings). */
  async versionEntries(unitCode: string, id: string): Promise<Array<Omit<UnitProcedure, 'unitCode'>>> {
    const v = await repo.findCatalogVersion(this.db, unitCode, id);
    if (!v) throw new NotFoundError('Không có phiên bản danh mục này.', 'catalog_version_not_found');
    return JSON.parse(v.entries) as Array<Omit<UnitProcedure, 'unitCode'>>;
  }

  /** Bring an earlier version back; the catalogue replaced by it becomes a version in turn. */
  async restoreVersion(unitCode: string, id: string, opts: { actor?: CatalogActor } = {}): Promise<{ added: number; updated: number; removed: number }> {
    return this.setUnitCatalog(unitCode, await this.versionEntries(unitCode, id), opts);
  }

  /** The history of a unit's catalogue, newest first. */
  async changes(unitCode: string, procedureCode?: string, limit = 200): Promise<CatalogChange[]> {
    const rows = await repo.listCatalogChanges(this.db, unitCode, procedureCode, limit);
    return rows.map((r) => ({
      id: r.id,
      unitCode: r.unit_code,
      procedureCode: r.procedure_code,
      kind: r.kind as CatalogChange['kind'],
      before: JSON.parse(r.before),
      after: JSON.parse(r.after),
      actorName: r.actor_name,
      at: r.at,
    }));
  }

  async recordImportRun(run: Omit<repo.ImportRun, 'id'>): Promise<void> {
    await repo.insertImportRun(this.db, { id: uuidv7(), ...run });
  }
}

/** The unit's own fees and forms are checked like the national record's. */
function localProblems(l: UnitLocal, where: string): Array<{ field: string; code: string; message: string }> {
  const out: Array<{ field: string; code: string; message: string }> = [];
  for (const [kind, fees] of Object.entries(l.fees ?? {})) {
    if (!(CHANNEL_KINDS as readonly string[]).includes(kind)) out.push({ field: where, code: 'invalid_channel', message: `Kênh nộp không hợp lệ: ${kind}` });
    for (const f of fees ?? []) {
      const r = feeSchema.safeParse(f);
      if (!r.success) out.push({ field: where, code: 'invalid_fee', message: `Phí, lệ phí không hợp lệ: ${r.error.issues.map((i) => i.message).join('; ')}` });
    }
  }
  for (const f of l.forms ?? []) {
    const r = formTemplateSchema.safeParse(f);
    if (!r.success) out.push({ field: where, code: 'invalid_form', message: `Biểu mẫu không hợp lệ: ${r.error.issues.map((i) => i.message).join('; ')}` });
  }
  return out;
}
