/**
 * Checkpoints anchor the audit chain outside the database. Someone who can write to the database
 * can delete the last rows and move the head, or rewrite rows and re-chain everything after them;
 * the chain alone cannot tell. A checkpoint — the sequence number and hash of the head at a time,
 * signed with the audit key (which is not in the database) — is appended to a file elsewhere and
 * printed in the log; `audit verify` checks every checkpoint against the table. What was
 * checkpointed can no longer be cut off or rewritten unnoticed; only the rows since the last
 * checkpoint (AUDIT_CHECKPOINT_MINUTES) could be cut off, and none can be rewritten without the key.
 */
import { createHmac } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { PeriodicJob, type PeriodicJobOptions } from '../shared/periodic-job';

export interface Checkpoint {
  /** The head: the last row's number and hash. */
  seq: number;
  hash: string;
  at: string;
  /** The last row written before the chain was keyed (its signed mark in the database must agree). */
  keyedAfter: number;
  /** HMAC-SHA256 with the audit key over "checkpoint:seq:hash:at:keyedAfter". */
  mac: string;
}

export function checkpointMac(key: Buffer, c: Omit<Checkpoint, 'mac'>): string {
  return createHmac('sha256', key).update(`checkpoint:${c.seq}:${c.hash}:${c.at}:${c.keyedAfter}`).digest('hex');
}

/** Where checkpoints go. A JSON-lines file by default; another store (WORM bucket, remote log) can implement this. */
export interface CheckpointStore {
  append(c: Checkpoint): Promise<void>;
  /** Every checkpoint, oldest first; lines that are not checkpoints are returned as `null`. */
  readAll(): Promise<Array<Checkpoint | null>>;
  readonly where: string;
}

export class FileCheckpointStore implements CheckpointStore {
  constructor(readonly where: string) {}

  async append(c: Checkpoint): Promise<void> {
    await fs.mkdir(path.dirname(this.where), { recursive: true });
    const fh = await fs.open(this.where, 'a', 0o640);
    try {
      await fh.write(JSON.stringify({ seq: c.seq, hash: c.hash, at: c.at, keyedAfter: c.keyedAfter, mac: c.mac }) + '\n');
      await fh.sync();
    } finally {
      await fh.close();
    }
  }

  async readAll(): Promise<Array<Checkpoint | null>> {
    let text: string;
    try {
      text = await fs.readFile(this.where, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    return text
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => {
        try {
          const o = JSON.parse(l) as Checkpoint;
          return Number.isSafeInteger(o.seq) && Number.isSafeInteger(o.keyedAfter) && typeof o.hash === 'string' && typeof o.at === 'string' && typeof o.mac === 'string' ? o : null;
        } catch {
          return null;
        }
      });
  }
}

/**
 * Writes a checkpoint when the head moved: soon after start, then every `intervalMs`, in the
 * worker (`serve` with WORKER=on, or `motcua worker`). Each one is also a log line, so the log
 * (shipped elsewhere, kept by the daily report) holds the anchors too.
 */
export class AuditCheckpointJob extends PeriodicJob<Checkpoint | undefined> {
  constructor(audit: { checkpoint(): Promise<Checkpoint | undefined> }, opts: PeriodicJobOptions) {
    super(
      {
        name: 'audit-checkpoint',
        doing: 'ghi mốc nhật ký',
        run: () => audit.checkpoint(),
        report: (c) => (c ? `Mốc nhật ký: bản ghi ${c.seq}, mã băm ${c.hash}, lúc ${c.at}, chữ ký ${c.mac}` : undefined),
        firstDelayMs: 2_000,
        firstRunWhenDisabled: true,
      },
      opts,
    );
  }
}
