import type { Unit } from '../unit';
import type { ReportUnits } from './report.service';

/**
 * The tree of units as the report service reads it: who is at or above whom (who supervises, where
 * a value's rollups go) and who is below. Built from the units module's list, and built again when
 * the number of units changes.
 */
export class UnitTree {
  private unitIndex: { at: number; byCode: Map<string, Unit>; children: Map<string, Unit[]> } | undefined;

  constructor(private readonly units: ReportUnits) {}

  async unitMap() {
    const list = await this.units.list();
    if (!this.unitIndex || this.unitIndex.at !== list.length) {
      const byCode = new Map(list.map((u) => [u.code, u]));
      const children = new Map<string, Unit[]>();
      for (const u of list) if (u.parentCode) children.set(u.parentCode, [...(children.get(u.parentCode) ?? []), u]);
      this.unitIndex = { at: list.length, byCode, children };
    }
    return this.unitIndex;
  }

  /** The unit and every unit above it (the rollups' keys). */
  async selfAndAncestors(code: string): Promise<string[]> {
    const { byCode } = await this.unitMap();
    const out: string[] = [];
    let cur = byCode.get(code);
    while (cur && !out.includes(cur.code)) {
      out.push(cur.code);
      cur = cur.parentCode ? byCode.get(cur.parentCode) : undefined;
    }
    return out;
  }

  /** Is `upper` the unit itself or a unit above it? */
  async isAtOrAbove(upper: string, unit: string): Promise<boolean> {
    return (await this.selfAndAncestors(unit)).includes(upper);
  }

  async childrenOf(code: string): Promise<Unit[]> {
    return (await this.unitMap()).children.get(code) ?? [];
  }

  async descendants(code: string): Promise<string[]> {
    const out: string[] = [];
    const walk = async (c: string) => {
      for (const u of await this.childrenOf(c)) {
        out.push(u.code);
        await walk(u.code);
      }
    };
    await walk(code);
    return out;
  }
}
