import type { Db } from '../db/connection';
import type { Clock } from '../shared/clock';
import { NotFoundError, ValidationError } from '../shared/errors';
import { Signal } from '../shared/signal';
import * as repo from './unit.repo';
import { unitSchema, type Unit, type UnitInput } from './unit.types';

/** Administrative units: a tree of any depth (province → commune since 2025; districts in older data). */
export class UnitService {
  private cache: Unit[] | undefined;
  /** Every change of a unit made by this process (the other processes are told: src/cluster). */
  readonly updates = new Signal();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  invalidate(): void {
    this.cache = undefined;
  }

  async list(): Promise<Unit[]> {
    this.cache ??= await repo.listUnits(this.db);
    return this.cache;
  }

  async find(code: string): Promise<Unit | undefined> {
    return (await this.list()).find((u) => u.code === code);
  }

  async get(code: string): Promise<Unit> {
    const u = await this.find(code);
    if (!u) throw new NotFoundError(`Không có đơn vị hành chính mã ${code}.`, 'unit_not_found');
    return u;
  }

  /** Units citizens deal with directly (communes, wards), in display order. */
  async serviceUnits(): Promise<Unit[]> {
    return (await this.list()).filter((u) => u.kind === 'commune' || u.kind === 'ward' || u.kind === 'special' || u.kind === 'district');
  }

  /** The chain from the root down to the unit, e.g. [Hà Nội, Phường Ba Đình]. */
  async ancestry(code: string): Promise<Unit[]> {
    const all = await this.list();
    const chain: Unit[] = [];
    let cur = all.find((u) => u.code === code);
    const seen = new Set<string>();
    while (cur && !seen.has(cur.code)) {
      seen.add(cur.code);
      chain.unshift(cur);
      cur = cur.parentCode ? all.find((u) => u.code === cur!.parentCode) : undefined;
    }
    return chain;
  }

  async descendants(code: string): Promise<Unit[]> {
    const all = await this.list();
    const out: Unit[] = [];
    const walk = (parent: string) => {
      for (const u of all) if (u.parentCode === parent) {
        out.push(u);
        walk(u.code);
      }
    };
    walk(code);
    return out;
  }

  async upsert(input: UnitInput): Promise<Unit> {
    const parsed = unitSchema.safeParse(input);
    if (!parsed.success) {
      throw new ValidationError(
        'Thông tin đơn vị không hợp lệ.',
        parsed.error.issues.map((i) => ({ field: i.path.join('.'), code: i.code, message: i.message })),
      );
    }
    const u = parsed.data;
    if (u.parentCode) {
      if (u.parentCode === u.code) throw new ValidationError('Đơn vị không thể là cấp trên của chính nó.', [{ field: 'parentCode', code: 'cycle', message: 'Đơn vị cấp trên không hợp lệ' }]);
      if (!(await this.find(u.parentCode))) {
        throw new ValidationError(`Không có đơn vị cấp trên mã ${u.parentCode}.`, [{ field: 'parentCode', code: 'not_found', message: 'Không có đơn vị cấp trên này' }]);
      }
    }
    await repo.upsertUnit(this.db, u, this.clock.now().toISOString());
    this.invalidate();
    this.updates.emit();
    return u;
  }
}
