import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { AlongsideTake, AlongsideWrite } from '../db/alongside';
import type { Db } from '../db/connection';
import type { AuditLogTable, DB } from '../db/schema';
import type { Clock } from '../shared/clock';
import { uuidv7 } from '../shared/ids';
import { currentRequestId } from '../shared/request-context';
import { checkpointMac, type Checkpoint, type CheckpointStore } from './audit.checkpoints';
import * as repo from './audit.repo';

/** The name of the chain's place taken by another module's statement (`claimAlongside`). */
const CLAIM = 'audit_claim';
const claimedJson = () => repo.claimedJsonOf(CLAIM);

type Exec = Kysely<DB> | Transaction<DB>;

/** Who did it, as the audit log records it. */
export interface AuditActor {
  kind: 'staff' | 'citizen' | 'anonymous' | 'system';
  id?: string | null;
  name: string;
}

export interface AuditEntryInput {
  actor: AuditActor;
  /** The unit whose data it is (scopes who may read the entry). */
  unitCode?: string | null;
  /** e.g. 'dossier.assign', 'dossier.view', 'staff.create', 'catalog.update', 'auth.sign_in'. */
  action: string;
  targetKind: string;
  targetId: string;
  data?: Record<string, unknown>;
}

export interface AuditEntry {
  seq: number;
  id: string;
  at: string;
  actorKind: string;
  actorId: string | null;
  actorName: string;
  unitCode: string | null;
  action: string;
  targetKind: string;
  targetId: string;
  data: Record<string, unknown>;
  hash: string;
}

export interface AuditProblem {
  seq: number;
  kind: 'edited' | 'broken_link' | 'missing' | 'head_mismatch' | 'checkpoint_mismatch' | 'checkpoint_forged' | 'key_mark_forged';
  message: string;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  headSeq: number;
  problems: AuditProblem[];
  /** Signed checkpoints found outside the database and checked against the table. */
  checkpoints: number;
}

export const GENESIS = '0'.repeat(64);

/** A place in the chain: the entry's number and the hash it chains to. */
export interface ChainPlace {
  seq: number;
  prevHash: string;
}

/** JSON with keys sorted at every level: the same content always hashes the same. */
function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(',')}}`;
}

function bodyOf(row: Omit<AuditLogTable, 'hash'>): string {
  return canonical({
    seq: row.seq,
    id: row.id,
    at: row.at,
    actor_kind: row.actor_kind,
    actor_id: row.actor_id,
    actor_name: row.actor_name,
    unit_code: row.unit_code,
    action: row.action,
    target_kind: row.target_kind,
    target_id: row.target_id,
    data: row.data,
    // Only when set: rows without a request id (older ones, jobs') hash exactly as before.
    request_id: row.request_id ?? undefined,
  });
}

/**
 * The hash of a row written before the chain was keyed: SHA-256 over the previous row's hash and
 * every column of this one. Anyone can recompute it, which is why rows are now keyed (`macOf`).
 */
export function hashOf(row: Omit<AuditLogTable, 'hash'>): string {
  return createHash('sha256').update(row.prev_hash).update('\n').update(bodyOf(row)).digest('hex');
}

/** The hash of a row: HMAC-SHA256 with the audit key (kept outside the database) over the same input. */
export function macOf(key: Buffer, row: Omit<AuditLogTable, 'hash'>): string {
  return createHmac('sha256', key).update(row.prev_hash).update('\n').update(bodyOf(row)).digest('hex');
}

/** Where in `meta` the last unkeyed row's number is kept, signed with the key. */
const KEYED_FROM = 'audit.keyed_after_seq';

const sameHex = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export interface AuditOptions {
  /** The chain's key (AUDIT_KEY, or derived from the secret key). Never stored in the database. */
  key: Buffer;
  /** Where signed checkpoints of the head are kept, outside the database. */
  checkpoints?: CheckpointStore;
}

/**
 * The audit log: every change and every view of personal data, append-only and hash-chained.
 * Each row carries the hash of the one before it, so editing a row breaks its own hash, and
 * deleting one breaks the link of the next (or, for the last rows, the head that anchors the end).
 * The table also refuses UPDATE and DELETE by trigger (migration 003).
 *
 * Keyed: each row's hash is an HMAC with a key outside the database, so whoever can write to the
 * database can still delete or edit rows but cannot make a rewritten chain verify. Rows written
 * before the key existed keep their plain SHA-256; the number of the last of them is kept in
 * `meta`, signed with the key (`init`), so it cannot be moved to pass keyed rows off as old ones.
 * The head is anchored outside the database by signed checkpoints (audit.checkpoints.ts).
 */
export class AuditService {
  private readonly key: Buffer;
  private readonly checkpoints: CheckpointStore | undefined;
  private keyedAfter: number | undefined;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    opts: AuditOptions,
  ) {
    this.key = opts.key;
    this.checkpoints = opts.checkpoints;
  }

  private markMac(seq: number): string {
    return createHmac('sha256', this.key).update(`keyed-after:${seq}`).digest('hex');
  }

  /**
   * Rows up to the current head were written without the key: note that once, signed. Safe to
   * call at every start and from several nodes (the head row is locked while deciding).
   */
  async init(): Promise<void> {
    await this.db.transaction().execute((trx) => this.ensureKeyedAfter(trx));
  }

  private async ensureKeyedAfter(trx: Exec): Promise<number> {
    if (this.keyedAfter !== undefined) return this.keyedAfter;
    const found = await repo.findMeta(trx, KEYED_FROM);
    if (found) {
      this.keyedAfter = Number(JSON.parse(found).seq);
      return this.keyedAfter;
    }
    const seq = await repo.lockHead(trx);
    await repo.insertMetaIfAbsent(trx, KEYED_FROM, JSON.stringify({ seq, mac: this.markMac(seq) }));
    this.keyedAfter = Number(JSON.parse((await repo.findMeta(trx, KEYED_FROM))!).seq);
    return this.keyedAfter;
  }

  /**
   * Append an entry. Inside the caller's transaction when given (so it commits or rolls back
   * with the change it records), else in a transaction of its own. `alongside`: rows other
   * modules prepared (db/alongside.ts), written in the entry's own statement on PostgreSQL.
   * `endsTransaction`: the caller's transaction runs nothing after the entry and can no longer
   * fail: on PostgreSQL its COMMIT is written with the entry's statement (db/postgres.ts).
   */
  async record(e: AuditEntryInput, trx?: Exec, opts: { alongside?: AlongsideWrite[]; claimed?: ChainPlace; endsTransaction?: boolean } = {}): Promise<void> {
    if (!trx) {
      await this.db.transaction().execute((t) => this.write(t, e, opts.alongside, undefined, true));
      return;
    }
    await this.write(trx, e, opts.alongside, opts.claimed, opts.endsTransaction);
  }

  /**
   * The chain's next place, taken by another module's statement earlier in the caller's
   * transaction (PostgreSQL, db/alongside.ts): one round trip fewer. The head row is locked from
   * that statement until the commit; what it took is handed to `record` as `claimed`, for exactly
   * one entry of the same transaction.
   */
  claimAlongside(): AlongsideTake<ChainPlace | undefined> {
    return {
      name: CLAIM,
      take: repo.claimWith,
      expression: claimedJson(),
      shaped: { of: claimedJson, values: {} },
      decode: (v) => {
        if (typeof v !== 'string') return undefined;
        const [seq, hash] = JSON.parse(v) as [number, string];
        return { seq: Number(seq), prevHash: hash };
      },
    };
  }

  /** `last`: nothing follows in the transaction (its COMMIT may go with the entry's statement). */
  private async write(trx: Exec, e: AuditEntryInput, alongside: AlongsideWrite[] = [], claimed?: ChainPlace, last = false): Promise<void> {
    const { seq, prevHash } = claimed ?? (await repo.claimNext(trx));
    await this.ensureKeyedAfter(trx);
    const row: Omit<AuditLogTable, 'hash'> = {
      seq,
      id: uuidv7(),
      at: this.clock.now().toISOString(),
      actor_kind: e.actor.kind,
      actor_id: e.actor.id ?? null,
      actor_name: e.actor.name,
      unit_code: e.unitCode ?? null,
      action: e.action,
      target_kind: e.targetKind,
      target_id: e.targetId,
      data: canonical(e.data ?? {}),
      prev_hash: prevHash,
      request_id: currentRequestId(),
    };
    await repo.insertEntry(trx, { ...row, hash: macOf(this.key, row) }, alongside, last);
  }

  async list(f: { unitCodes?: string[]; targetKind?: string; targetId?: string; action?: string; limit?: number; beforeSeq?: number } = {}): Promise<AuditEntry[]> {
    const rows = await repo.list(this.db, { ...f, limit: Math.min(f.limit ?? 100, 1000) });
    return rows.map((r) => ({
      seq: r.seq,
      id: r.id,
      at: r.at,
      actorKind: r.actor_kind,
      actorId: r.actor_id,
      actorName: r.actor_name,
      unitCode: r.unit_code,
      action: r.action,
      targetKind: r.target_kind,
      targetId: r.target_id,
      data: JSON.parse(r.data) as Record<string, unknown>,
      hash: r.hash,
    }));
  }

  /**
   * Walk the whole chain: recompute each row's hash (keyed after the signed mark, plain SHA-256
   * before it), check it links to the previous row and that sequence numbers have no gap, that
   * the last row is the one the head points at, and that every signed checkpoint kept outside the
   * database still matches the row it names.
   */
  async verify(opts: { maxProblems?: number } = {}): Promise<AuditVerification> {
    const max = opts.maxProblems ?? 50;
    const problems: AuditProblem[] = [];
    const add = (p: AuditProblem) => {
      if (problems.length < max) problems.push(p);
    };

    let keyedAfter = 0;
    const mark = await repo.findMeta(this.db, KEYED_FROM);
    if (mark) {
      let m: { seq?: unknown; mac?: unknown } = {};
      try {
        m = JSON.parse(mark) as typeof m;
      } catch {
        // reported below
      }
      if (typeof m.seq === 'number' && Number.isSafeInteger(m.seq) && typeof m.mac === 'string' && sameHex(m.mac, this.markMac(m.seq))) keyedAfter = m.seq;
      else add({ seq: 0, kind: 'key_mark_forged', message: 'Mốc ghi các bản ghi cũ (chưa có khóa) trong cơ sở dữ liệu đã bị sửa: chữ ký không khớp' });
    }

    const anchors = new Map<number, Checkpoint[]>();
    let checkpoints = 0;
    const where = this.checkpoints?.where ?? '';
    for (const c of (await this.checkpoints?.readAll()) ?? []) {
      if (!c || !sameHex(c.mac, checkpointMac(this.key, c))) {
        add({ seq: c?.seq ?? 0, kind: 'checkpoint_forged', message: `Một mốc trong ${where} không có chữ ký hợp lệ (đã bị sửa, hoặc không do hệ thống ghi)` });
        continue;
      }
      checkpoints++;
      (anchors.get(c.seq) ?? anchors.set(c.seq, []).get(c.seq)!).push(c);
      if (c.keyedAfter !== keyedAfter) {
        add({ seq: c.seq, kind: 'key_mark_forged', message: `Mốc đã ký lúc ${c.at} ghi các bản ghi cũ (chưa có khóa) đến bản ghi ${c.keyedAfter}, cơ sở dữ liệu nay ghi ${mark ? keyedAfter : 'không có mốc'}: mốc đã bị sửa hoặc xóa` });
      }
    }

    let expectedSeq = 1;
    let prevHash = GENESIS;
    let checked = 0;
    let after = 0;
    for (;;) {
      const rows = await repo.page(this.db, after, 2000);
      if (!rows.length) break;
      for (const r of rows) {
        checked++;
        if (r.seq !== expectedSeq) {
          add({ seq: r.seq, kind: 'missing', message: `Thiếu bản ghi số ${expectedSeq}${r.seq - expectedSeq > 1 ? `–${r.seq - 1}` : ''} (đã bị xóa) trước bản ghi ${r.seq}` });
        }
        if (r.prev_hash !== prevHash) {
          add({ seq: r.seq, kind: 'broken_link', message: `Bản ghi ${r.seq} không nối với bản ghi trước nó (bản ghi trước đã bị sửa hoặc xóa)` });
        }
        const { hash, ...rest } = r;
        const expected = r.seq <= keyedAfter ? hashOf(rest) : macOf(this.key, rest);
        if (!sameHex(expected, hash)) {
          add({ seq: r.seq, kind: 'edited', message: `Bản ghi ${r.seq} (${r.action}, ${r.at}) đã bị sửa: mã băm không khớp nội dung` });
        }
        for (const c of anchors.get(r.seq) ?? []) {
          if (c.hash !== hash) add({ seq: r.seq, kind: 'checkpoint_mismatch', message: `Bản ghi ${r.seq} khác với mốc đã ký lúc ${c.at}: nhật ký đã bị viết lại đến bản ghi này` });
        }
        anchors.delete(r.seq);
        prevHash = hash;
        expectedSeq = r.seq + 1;
        after = r.seq;
      }
    }
    for (const [seq, cs] of [...anchors].sort((a, b) => a[0] - b[0])) {
      add({ seq, kind: 'checkpoint_mismatch', message: `Bản ghi ${seq}, đã ký trong mốc lúc ${cs[0]!.at}, không còn trong nhật ký (các bản ghi cuối đã bị xóa và đầu mốc bị dời)` });
    }
    const h = await repo.head(this.db);
    if (h.seq !== expectedSeq - 1 || h.hash !== prevHash) {
      add({ seq: h.seq, kind: 'head_mismatch', message: `Cuối chuỗi không khớp: đầu mốc ghi bản ghi ${h.seq}, bảng kết thúc ở bản ghi ${expectedSeq - 1} (các bản ghi cuối đã bị xóa hoặc sửa)` });
    }
    return { ok: problems.length === 0, checked, headSeq: h.seq, problems, checkpoints };
  }

  private lastCheckpointSeq: number | undefined;

  /**
   * Sign the head and append it to the checkpoint store, when it moved since the last checkpoint.
   * Returns the checkpoint written, or undefined (nothing new, or no store configured).
   */
  async checkpoint(): Promise<Checkpoint | undefined> {
    if (!this.checkpoints) return undefined;
    if (this.lastCheckpointSeq === undefined) {
      this.lastCheckpointSeq = (await this.checkpoints.readAll()).reduce((n, c) => (c && c.seq > n ? c.seq : n), -1);
    }
    const keyedAfter = await this.db.transaction().execute((trx) => this.ensureKeyedAfter(trx));
    const h = await repo.head(this.db);
    if (h.seq === 0 || h.seq === this.lastCheckpointSeq) return undefined;
    const base = { seq: h.seq, hash: h.hash, at: this.clock.now().toISOString(), keyedAfter };
    const c: Checkpoint = { ...base, mac: checkpointMac(this.key, base) };
    await this.checkpoints.append(c);
    this.lastCheckpointSeq = c.seq;
    return c;
  }

  /** The last place in the chain (to tell later whether a request wrote an entry). */
  async headSeq(): Promise<number> {
    return (await repo.head(this.db)).seq;
  }

  /** Whether the actor has an entry after `afterSeq`. */
  async recordedSince(afterSeq: number, actorId: string): Promise<boolean> {
    return repo.hasEntryAfter(this.db, afterSeq, actorId);
  }
}
