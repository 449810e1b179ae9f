import type { Kysely, Transaction } from 'kysely';
import type { AuditActor, AuditService } from '../audit';
import type { Db } from '../db/connection';
import type { DB } from '../db/schema';
import type { Clock } from '../shared/clock';
import { NotFoundError, ValidationError } from '../shared/errors';
import { uuidv7 } from '../shared/ids';
import * as repo from './workflow.repo';
import { DEFAULT_STEPS, processStepsSchema, type Process, type ProcessStep } from './workflow.types';

type Exec = Kysely<DB> | Transaction<DB>;

/**
 * Processes per procedure per unit. A change makes a new version; a dossier keeps the version it
 * started with (dossiers.process_id), so changing a process never moves dossiers in progress.
 */
export class WorkflowService {
  /** Versions never change once written: cache them by id. */
  private readonly byId = new Map<string, Process>();

  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  defaults(): ProcessStep[] {
    return structuredClone(DEFAULT_STEPS);
  }

  async get(id: string, exec: Exec = this.db): Promise<Process> {
    const hit = this.byId.get(id);
    if (hit) return hit;
    const p = await repo.findProcess(exec, id);
    if (!p) throw new NotFoundError('Không tìm thấy quy trình.', 'process_not_found');
    this.byId.set(id, p);
    return p;
  }

  /**
   * The current version; when the unit never configured one, version 1 with the default steps.
   * Call it outside a transaction (it may write the default version).
   */
  async current(unitCode: string, procedureCode: string): Promise<Process> {
    const p = await repo.latestProcess(this.db, unitCode, procedureCode);
    if (p) return p;
    const created: Process = {
      id: uuidv7(),
      unitCode,
      procedureCode,
      version: 1,
      steps: this.defaults(),
      note: 'Quy trình mặc định',
      createdBy: 'system',
      createdAt: this.clock.now().toISOString(),
    };
    try {
      // A savepoint-free insert: when another request created version 1 first, read theirs.
      await repo.insertProcess(this.db, created);
      return created;
    } catch (e) {
      const again = await repo.latestProcess(this.db, unitCode, procedureCode);
      if (again) return again;
      throw e;
    }
  }

  /** What the admin page shows: the configured version, or the defaults not yet saved. */
  async peek(unitCode: string, procedureCode: string): Promise<{ process?: Process; steps: ProcessStep[] }> {
    const p = await repo.latestProcess(this.db, unitCode, procedureCode);
    return p ? { process: p, steps: p.steps } : { steps: this.defaults() };
  }

  parseSteps(raw: unknown): ProcessStep[] {
    const r = processStepsSchema.safeParse(raw);
    if (!r.success) {
      throw new ValidationError(
        'Quy trình chưa hợp lệ.',
        r.error.issues.map((i) => ({ field: i.path.length ? `steps.${i.path.join('.')}` : 'steps', code: i.code, message: i.message })),
        'invalid_process',
      );
    }
    return r.data;
  }

  /** Save a new version (validated); dossiers already in progress keep theirs. */
  async save(unitCode: string, procedureCode: string, rawSteps: unknown, actor: AuditActor, note = ''): Promise<Process> {
    const steps = this.parseSteps(rawSteps);
    return this.db.transaction().execute(async (trx) => {
      const latest = await repo.latestProcess(trx, unitCode, procedureCode);
      const p: Process = {
        id: uuidv7(),
        unitCode,
        procedureCode,
        version: (latest?.version ?? 0) + 1,
        steps,
        note: note.trim().normalize('NFC').slice(0, 500),
        createdBy: actor.name,
        createdAt: this.clock.now().toISOString(),
      };
      await repo.insertProcess(trx, p);
      await this.audit.record(
        { actor, unitCode, action: 'process.save', targetKind: 'process', targetId: `${unitCode}/${procedureCode}`, data: { version: p.version, steps, previous: latest?.steps ?? null } },
        trx,
      );
      return p;
    });
  }

  versions(unitCode: string, procedureCode: string): Promise<Process[]> {
    return repo.listVersions(this.db, unitCode, procedureCode);
  }

  listConfigured(unitCode: string): Promise<Process[]> {
    return repo.listLatest(this.db, unitCode);
  }
}
