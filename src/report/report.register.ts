import { z } from 'zod';
import { ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '../shared/errors';
import { uuidv7 } from '../shared/ids';
import type { Counts } from './report.entry';
import { ReportPart } from './report.part';
import { vnDay } from './report.period';
import * as repo from './report.repo';
import type { ReportKey } from './report.service';
import type { DataSet, ReportActor, ValueInput } from './report.types';

/** One person of a unit's register (names stay at the unit). */
export interface RegisterEntry {
  id: string;
  placeId: string;
  fullName: string;
  sex: string;
  birthYear: number | null;
  homeProvince: string;
  arrivedOn: string;
  leftOn: string | null;
  note: string;
}

const registerSchema = z.object({
  fullName: z.string({ error: 'Họ tên là bắt buộc' }).trim().normalize('NFC').min(2, 'Họ tên là bắt buộc').max(100, 'Họ tên tối đa 100 ký tự'),
  sex: z.enum(['NAM', 'NU'], { error: 'Chọn giới tính' }),
  birthYear: z.coerce.number({ error: 'Năm sinh không hợp lệ' }).int('Năm sinh không hợp lệ').min(1900, 'Năm sinh không hợp lệ').max(2100, 'Năm sinh không hợp lệ').nullable().default(null),
  homeProvince: z.string().regex(/^(P\d{2})?$/, 'Chọn tỉnh, thành phố quê quán').default(''),
  arrivedOn: z.string({ error: 'Ngày đến là bắt buộc' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày đến có dạng ngày/tháng/năm'),
  placeId: z.string().default(''),
  note: z.string().trim().normalize('NFC').max(500).default(''),
});

/**
 * Person-level registers (quarantine, workers from other provinces): the people of a unit, kept at
 * the unit — only its own officials see names — and the period's aggregates computed from them,
 * saved like the form. ReportService owns it and offers each use case.
 */
export class Registers extends ReportPart {
  private async registerOf(actor: ReportActor, dataSet: string, unitCode: string): Promise<DataSet> {
    const ds = await this.service.dataSet(dataSet);
    if (!ds.register.kind) throw new RuleViolationError('no_register', 'Báo cáo này không có danh sách cá nhân.');
    // Personal data stays at the unit: only its own officials see names.
    if (actor.unitCode !== unitCode || !ds.access.enter.includes(actor.role)) throw new ForbiddenError('Danh sách cá nhân chỉ cán bộ của đơn vị được xem và sửa; cấp trên xem số liệu tổng hợp.', 'register_forbidden');
    return ds;
  }

  async register(actor: ReportActor, dataSet: string, unitCode: string): Promise<RegisterEntry[]> {
    await this.registerOf(actor, dataSet, unitCode);
    return (await repo.listRegister(this.db, dataSet, unitCode)).map((r) => ({ id: r.id, placeId: r.place_id, fullName: r.full_name, sex: r.sex, birthYear: r.birth_year, homeProvince: r.home_province, arrivedOn: r.arrived_on, leftOn: r.left_on, note: r.note }));
  }

  async addToRegister(actor: ReportActor, dataSet: string, unitCode: string, input: unknown): Promise<RegisterEntry> {
    const ds = await this.registerOf(actor, dataSet, unitCode);
    const raw = { ...(input as Record<string, unknown>) };
    for (const k of ['birthYear', 'homeProvince', 'placeId', 'note']) if (raw[k] === '') delete raw[k];
    const r = registerSchema.safeParse(raw, { error: z.locales.vi().localeError });
    const problems: Array<{ field: string; code: string; message: string }> = r.success ? [] : r.error.issues.map((i) => ({ field: i.path.join('.'), code: i.code as string, message: i.message }));
    if (r.success) {
      if (r.data.arrivedOn > vnDay(this.deps.clock.now())) problems.push({ field: 'arrivedOn', code: 'future', message: 'Ngày đến chưa tới' });
      if (ds.usesPlaces) {
        const places = await repo.listPlaces(this.db, ds.code, [unitCode]);
        if (!places.some((p) => p.id === r.data.placeId)) problems.push({ field: 'placeId', code: 'required', message: 'Chọn khu (địa điểm) của người này' });
      }
      if (ds.register.kind === 'workers' && !r.data.homeProvince) problems.push({ field: 'homeProvince', code: 'required', message: 'Chọn tỉnh, thành phố quê quán' });
    }
    if (!r.success || problems.length) throw new ValidationError('Thông tin người trong danh sách chưa hợp lệ.', problems, 'invalid_register_entry');
    const now = this.now();
    const row = { id: uuidv7(), data_set: ds.code, unit_code: unitCode, place_id: ds.usesPlaces ? r.data.placeId : '', full_name: r.data.fullName, sex: r.data.sex, birth_year: r.data.birthYear, home_province: r.data.homeProvince, arrived_on: r.data.arrivedOn, left_on: null, note: r.data.note, created_by: actor.name, created_at: now, updated_at: now };
    await repo.insertRegisterEntry(this.db, row);
    return { id: row.id, placeId: row.place_id, fullName: row.full_name, sex: row.sex, birthYear: row.birth_year, homeProvince: row.home_province, arrivedOn: row.arrived_on, leftOn: null, note: row.note };
  }

  /** The person left (end of quarantine, went back to work) on a day. */
  async leaveRegister(actor: ReportActor, dataSet: string, unitCode: string, id: string, leftOn: string): Promise<void> {
    await this.registerOf(actor, dataSet, unitCode);
    const entry = (await repo.listRegister(this.db, dataSet, unitCode)).find((e) => e.id === id);
    if (!entry) throw new NotFoundError('Không có người này trong danh sách.', 'register_entry_not_found');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(leftOn) || leftOn < entry.arrived_on) throw new ValidationError('Ngày rời đi không hợp lệ.', [{ field: 'leftOn', code: 'invalid', message: 'Ngày rời đi phải từ ngày đến trở về sau' }], 'invalid_register_entry');
    await repo.updateRegisterEntry(this.db, id, { left_on: leftOn, updated_at: this.now() });
  }

  /**
   * The aggregates of a period from the register, on its last day: people present (arrived, not
   * yet left) by the count element's disaggregation (sex, home province), per place; and those
   * present for `longStayDays` days or more. Written like a form save (audited, rolled up).
   */
  async computeFromRegister(actor: ReportActor, key: ReportKey): Promise<{ counts: Counts; warnings: string[] }> {
    const ds = await this.registerOf(actor, key.dataSet, key.unitCode);
    const day = this.service.period(ds, key.period).end;
    const entries = (await repo.listRegister(this.db, ds.code, key.unitCode)).filter((e) => e.arrived_on <= day && (!e.left_on || e.left_on > day));
    const count = ds.dataElements.find((e) => e.code === ds.register.countElement)!;
    const rows = ds.usesPlaces ? (await repo.listPlaces(this.db, ds.code, [key.unitCode])).map((p) => p.id) : [''];
    const existing = await repo.selectValues(this.db, { dataSet: ds.code, periods: [key.period], unitCodes: [key.unitCode] });
    const inputs: ValueInput[] = [];
    const cocOf = (e: (typeof entries)[number]) => (count.categoryCombo === 'SEX' ? e.sex : count.categoryCombo === 'PROVINCE' ? e.home_province : '');
    for (const placeId of rows) {
      const here = entries.filter((e) => e.place_id === placeId);
      const tally = new Map<string, number>();
      for (const e of here) tally.set(cocOf(e), (tally.get(cocOf(e)) ?? 0) + 1);
      // A combo that had people before and has none now goes to 0.
      for (const v of existing) if (v.placeId === placeId && v.dataElement === count.code && !tally.has(v.coc)) tally.set(v.coc, 0);
      if (!count.categoryCombo && !tally.size) tally.set('', 0);
      for (const [coc, n] of tally) if (coc || !count.categoryCombo) inputs.push({ placeId, dataElement: count.code, coc, value: String(n) });
      if (ds.register.longStayElement) {
        const min = ds.register.longStayDays ?? 14;
        const long = here.filter((e) => (Date.parse(day) - Date.parse(e.arrived_on)) / 86_400_000 + 1 >= min).length;
        inputs.push({ placeId, dataElement: ds.register.longStayElement, value: String(long) });
      }
    }
    return this.service.saveValues(actor, key, inputs, 'register');
  }
}
