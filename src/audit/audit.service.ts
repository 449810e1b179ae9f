import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Db } from '../db/connection';
import type { AuditLogTable, DB } from '../db/schema';
import type { Clock } from '../shared/clock';
import { uuidv7 } from '../shared/ids';
import * as repo from './audit.repo';

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
  kind: 'edited' | 'broken_link' | 'missing' | 'head_mismatch';
  message: string;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  headSeq: number;
  problems: AuditProblem[];
}

export const GENESIS = '0'.repeat(64);

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

/** The hash of a row: SHA-256 over the previous row's hash and every column of this one. */
export function hashOf(row: Omit<AuditLogTable, 'hash'>): string {
  const body = canonical({
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
  });
  return createHash('sha256').update(row.prev_hash).update('\n').update(body).digest('hex');
}

/**
 * The audit log: every change and every view of personal data, append-only and hash-chained.
 * Each row carries the hash of the one before it, so editing a row breaks its own hash, and
 * deleting one breaks the link of the next (or, for the last rows, the head that anchors the end).
 * The table also refuses UPDATE and DELETE by trigger (migration 003).
 */
export class AuditService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /**
   * Append an entry. Inside the caller's transaction when given (so it commits or rolls back
   * with the change it records), else in a transaction of its own.
   */
  async record(e: AuditEntryInput, trx?: Exec): Promise<void> {
    if (!trx) {
      await this.db.transaction().execute((t) => this.write(t, e));
      return;
    }
    await this.write(trx, e);
  }

  private async write(trx: Exec, e: AuditEntryInput): Promise<void> {
    const { seq, prevHash } = await repo.claimNext(trx);
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
    };
    await repo.insertEntry(trx, { ...row, hash: hashOf(row) });
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
   * Walk the whole chain: recompute each row's hash, check it links to the previous row and that
   * sequence numbers have no gap, and that the last row is the one the head points at.
   */
  async verify(opts: { maxProblems?: number } = {}): Promise<AuditVerification> {
    const max = opts.maxProblems ?? 50;
    const problems: AuditProblem[] = [];
    const add = (p: AuditProblem) => {
      if (problems.length < max) problems.push(p);
    };
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
        if (hashOf(rest) !== hash) {
          add({ seq: r.seq, kind: 'edited', message: `Bản ghi ${r.seq} (${r.action}, ${r.at}) đã bị sửa: mã băm không khớp nội dung` });
        }
        prevHash = hash;
        expectedSeq = r.seq + 1;
        after = r.seq;
      }
    }
    const h = await repo.head(this.db);
    if (h.seq !== expectedSeq - 1 || h.hash !== prevHash) {
      add({ seq: h.seq, kind: 'head_mismatch', message: `Cuối chuỗi không khớp: đầu mốc ghi bản ghi ${h.seq}, bảng kết thúc ở bản ghi ${expectedSeq - 1} (các bản ghi cuối đã bị xóa hoặc sửa)` });
    }
    return { ok: problems.length === 0, checked, headSeq: h.seq, problems };
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
