import type { Kysely } from 'kysely';
import { holidaysOf, isWorkingDay, vnDateOf, type UnitCalendar } from '../calendar';
import type { DB } from '../db/schema';
import type { Clock } from '../shared/clock';
import { NotFoundError, ValidationError } from '../shared/errors';
import { uuidv7 } from '../shared/ids';
import { Signal } from '../shared/signal';
import * as repo from './office.repo';
import { agencyKey, defaultKindOf, firstOfKind, resolveOffice, type Mappings, type MatchSource } from './office.match';
import { displayPhone, hoursText, parseOfficeInput, saturdayText, WEEKDAY_NAME, weekLines, type Office, type OfficeInput, type OfficeKind, type Session, type WeekHours, type Weekday } from './office.types';

/** Who changes a unit's offices (an official of that unit; the guard checks the role). */
export interface OfficeActor {
  id: string;
  name: string;
  unitCode: string;
}

export interface OfficeDeps {
  db: Kysely<DB>;
  clock: Clock;
  /** The audit log (every change an official makes), in the change's transaction. */
  audit(e: { actor: { kind: 'staff'; id: string; name: string }; unitCode: string; action: string; targetKind: string; targetId: string; data?: Record<string, unknown> }, trx?: repo.Exec): Promise<void>;
  /** The unit's working calendar: its holidays close every office. */
  calendarOf(unitCode: string): Promise<UnitCalendar>;
  /** The unit's catalogue with each procedure's implementing agency (the mapping page lists them). */
  procedures(unitCode: string): Promise<Array<{ code: string; name: string; agency: string }>>;
}

/** What the assistant and other modules say about a procedure's office ("where do I go?"). */
export interface OfficeFact {
  id: string;
  name: string;
  kind: OfficeKind;
  address: string;
  /** Display form, "024 3823 1111" ('' when none). */
  phone: string;
  /** Sessions per weekday, 0 = Sunday … 6 = Saturday ([] = closed). */
  hours: WeekHours;
  /** "Thứ Hai – Thứ Sáu: 07:30–11:30, 13:30–17:00; Thứ Bảy: 07:30–11:30; Chủ nhật: nghỉ". */
  hoursText: string;
  /** The fact in one sentence: "Nộp tại …, <address>; điện thoại …; giờ làm việc: …." */
  sentence: string;
  notes: string;
  mapUrl: string;
}

/** One day's opening for citizens: the sessions, or why it is closed. */
export interface DayOpening {
  date: string;
  /** "Thứ Sáu, 04/12/2026". */
  label: string;
  sessions: Session[];
  /** "Nghỉ Tết Dương lịch", "Ngày làm việc bù" … or ''. */
  note: string;
}

/** What the procedure page shows under "Nộp ở đâu". */
export interface OfficePlace {
  fact: OfficeFact;
  source: MatchSource;
  today: DayOpening;
  week: Array<{ days: string; text: string; today: boolean }>;
  /** A compact line for listings: "Nộp tại Công an phường Ba Đình · Thứ Bảy 07:30–11:30". */
  line: string;
}

/** A distinct agency text of the unit's catalogue, with the office it goes to. */
export interface AgencyRow {
  key: string;
  label: string;
  procedures: Array<{ code: string; name: string }>;
  /** The office chosen by the admin, if any. */
  mappedId?: string;
  /** The automatic choice (used when nothing is mapped). */
  defaultOffice?: Office;
  /** The text named a known agency (false: the one-stop office is only the fallback). */
  sure: boolean;
}

interface Snapshot {
  offices: Office[];
  maps: Mappings;
  rows: repo.MappingRow[];
}

/** How often this node looks for changes another node made (office_versions). */
const CHECK_MS = 5000;
const DAY_MS = 86_400_000;

export function factOf(o: Office): OfficeFact {
  const phone = displayPhone(o.phone);
  const hours = hoursText(o.week);
  return {
    id: o.id,
    name: o.name,
    kind: o.kind,
    address: o.address,
    phone,
    hours: o.week,
    hoursText: hours,
    sentence: `Nộp tại ${o.name}, ${o.address}${phone ? `; điện thoại ${phone}` : ''}; giờ làm việc: ${hours}.`,
    notes: o.notes,
    mapUrl: o.mapUrl,
  };
}

/** The office's opening on a date under the unit's calendar: holidays close it, a declared working weekend day opens it like a Monday. */
export function openingOn(o: Office, date: string, cal: UnitCalendar | undefined): DayOpening {
  const w = String(new Date(`${date}T00:00:00Z`).getUTCDay()) as Weekday;
  const label = `${WEEKDAY_NAME[w]}, ${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
  const holiday = cal ? holidaysOf(Number(date.slice(0, 4)), cal).find((h) => h.date === date) : undefined;
  if (holiday) return { date, label, sessions: [], note: `Nghỉ: ${holiday.name}` };
  if (cal && (w === '0' || w === '6') && isWorkingDay(date, cal)) return { date, label, sessions: o.week[w].length ? o.week[w] : o.week['1'], note: 'Ngày làm việc bù' };
  return { date, label, sessions: o.week[w], note: '' };
}

export class OfficeService {
  private units = new Map<string, Promise<Snapshot>>();
  private changes = 0;
  private checkedAt = 0;
  private seenSum: number | undefined;
  /** Every change made by this process (the other processes are told: src/cluster). */
  readonly updates = new Signal();

  constructor(private readonly deps: OfficeDeps) {}

  /** Forget what was read (another process changed offices, or tests). */
  invalidate(): void {
    this.forget();
  }

  /**
   * Changes when any unit's offices change, and with the day in Vietnam (pages show today's
   * hours): cached pages that show offices are keyed by it. Both parts only grow.
   */
  version(): number {
    this.lookForOthers();
    return this.changes + Math.floor((this.deps.clock.now().getTime() + 7 * 3_600_000) / DAY_MS);
  }

  /** Another node's change is seen within CHECK_MS (the sum of the units' change counters grows). */
  private lookForOthers(): void {
    const t = Date.now();
    if (t - this.checkedAt < CHECK_MS) return;
    this.checkedAt = t;
    repo
      .versionSum(this.deps.db)
      .then((sum) => {
        if (this.seenSum !== undefined && sum !== this.seenSum) this.forget();
        this.seenSum = sum;
      })
      .catch(() => undefined);
  }

  private forget(): void {
    this.units.clear();
    this.changes++;
  }

  private snapshot(unitCode: string): Promise<Snapshot> {
    this.lookForOthers();
    let p = this.units.get(unitCode);
    if (!p) {
      p = Promise.all([repo.listOffices(this.deps.db, unitCode), repo.listMappings(this.deps.db, unitCode)]).then(([offices, rows]) => ({
        offices,
        rows,
        maps: {
          agencies: new Map(rows.filter((r) => r.scope === 'agency').map((r) => [r.key, r.officeId])),
          procedures: new Map(rows.filter((r) => r.scope === 'procedure').map((r) => [r.key, r.officeId])),
        },
      }));
      p.catch(() => this.units.delete(unitCode));
      this.units.set(unitCode, p);
    }
    return p;
  }

  async list(unitCode: string): Promise<Office[]> {
    return (await this.snapshot(unitCode)).offices;
  }

  async get(unitCode: string, id: string): Promise<Office> {
    const o = (await this.list(unitCode)).find((x) => x.id === id);
    if (!o) throw new NotFoundError('Không có nơi tiếp nhận này trong đơn vị của bạn.', 'office_not_found');
    return o;
  }

  /** The office a procedure of the unit is handed in at, and how it was chosen; undefined when the unit has no office. */
  async resolve(unitCode: string, procedure: { code: string; agency: string }): Promise<{ office: Office; source: MatchSource } | undefined> {
    const s = await this.snapshot(unitCode);
    return resolveOffice(s.offices, s.maps, procedure);
  }

  /** The assistant's "where" fact: null when the unit recorded no office (then say the unit's own address). */
  async officeFor(unitCode: string, procedure: { code: string; agency: string }): Promise<OfficeFact | null> {
    const r = await this.resolve(unitCode, procedure);
    return r ? factOf(r.office) : null;
  }

  /** Everything the procedure page shows under "Nộp ở đâu", today's hours included. */
  async placeOf(unitCode: string, procedure: { code: string; agency: string }): Promise<OfficePlace | undefined> {
    const r = await this.resolve(unitCode, procedure);
    if (!r) return undefined;
    const cal = await this.deps.calendarOf(unitCode).catch(() => undefined);
    const today = openingOn(r.office, vnDateOf(this.deps.clock.now()), cal);
    const w = String(new Date(`${today.date}T00:00:00Z`).getUTCDay()) as Weekday;
    return {
      fact: factOf(r.office),
      source: r.source,
      today,
      week: weekLines(r.office.week).map((l) => ({ days: l.days, text: l.text, today: l.weekdays.includes(w) })),
      line: lineOf(r.office),
    };
  }

  /** The unit's offices with today's opening (holidays of the unit's calendar close them). */
  async withToday(unitCode: string): Promise<Array<{ office: Office; today: DayOpening }>> {
    const offices = await this.list(unitCode);
    const cal = await this.deps.calendarOf(unitCode).catch(() => undefined);
    const day = vnDateOf(this.deps.clock.now());
    return offices.map((office) => ({ office, today: openingOn(office, day, cal) }));
  }

  /** The listings' compact line of each procedure (none when the unit has no office). */
  async linesFor(unitCode: string, procedures: Array<{ code: string; agency: string }>): Promise<Map<string, string>> {
    const s = await this.snapshot(unitCode);
    const out = new Map<string, string>();
    for (const p of procedures) {
      const r = resolveOffice(s.offices, s.maps, p);
      if (r) out.set(p.code, lineOf(r.office));
    }
    return out;
  }

  // ------------------------------------------------------------------ the admin's changes

  private async change<T>(actor: OfficeActor, run: (trx: repo.Exec) => Promise<T>): Promise<T> {
    const out = await this.deps.db.transaction().execute(async (trx) => {
      const r = await run(trx);
      await repo.bumpVersion(trx, actor.unitCode);
      return r;
    });
    this.forget();
    this.updates.emit();
    return out;
  }

  private audit(actor: OfficeActor, action: string, targetKind: string, targetId: string, data: Record<string, unknown>, trx: repo.Exec) {
    return this.deps.audit({ actor: { kind: 'staff', id: actor.id, name: actor.name }, unitCode: actor.unitCode, action, targetKind, targetId, data }, trx);
  }

  async create(actor: OfficeActor, input: OfficeInput): Promise<Office> {
    const data = parseOfficeInput(input);
    const id = uuidv7(this.deps.clock.now().getTime());
    await this.change(actor, async (trx) => {
      await repo.insertOffice(trx, id, actor.unitCode, data, this.deps.clock.now().toISOString());
      await this.audit(actor, 'office.create', 'office', id, { ...data }, trx);
    });
    return this.get(actor.unitCode, id);
  }

  async update(actor: OfficeActor, id: string, input: OfficeInput): Promise<Office> {
    const before = await this.get(actor.unitCode, id);
    const data = parseOfficeInput(input);
    await this.change(actor, async (trx) => {
      if (!(await repo.updateOffice(trx, actor.unitCode, id, data, this.deps.clock.now().toISOString()))) throw new NotFoundError('Không có nơi tiếp nhận này trong đơn vị của bạn.', 'office_not_found');
      const { id: _i, unitCode: _u, updatedAt: _t, ...was } = before;
      await this.audit(actor, 'office.update', 'office', id, { before: was, after: { ...data } }, trx);
    });
    return this.get(actor.unitCode, id);
  }

  /** Removes an office; procedures that went there fall back to the automatic choice. */
  async remove(actor: OfficeActor, id: string): Promise<{ name: string; mappings: number }> {
    const before = await this.get(actor.unitCode, id);
    const r = await this.change(actor, async (trx) => {
      const d = await repo.deleteOffice(trx, actor.unitCode, id);
      if (!d.deleted) throw new NotFoundError('Không có nơi tiếp nhận này trong đơn vị của bạn.', 'office_not_found');
      await this.audit(actor, 'office.delete', 'office', id, { name: before.name, address: before.address, mappingsRemoved: d.mappings }, trx);
      return d;
    });
    return { name: before.name, mappings: r.mappings };
  }

  /** The distinct agency texts of the unit's catalogue (most procedures first), each with its office. */
  async agencies(unitCode: string): Promise<AgencyRow[]> {
    const [s, procedures] = await Promise.all([this.snapshot(unitCode), this.deps.procedures(unitCode)]);
    const rows = new Map<string, AgencyRow>();
    for (const p of procedures) {
      const key = agencyKey(p.agency);
      let row = rows.get(key);
      if (!row) {
        const d = defaultKindOf(p.agency);
        row = { key, label: p.agency.trim() || '(chưa ghi cơ quan thực hiện)', procedures: [], mappedId: s.maps.agencies.get(key), defaultOffice: firstOfKind(s.offices, d.kind), sure: d.sure && !!p.agency.trim() };
        if (row.mappedId && !s.offices.some((o) => o.id === row!.mappedId)) row.mappedId = undefined;
        rows.set(key, row);
      }
      row.procedures.push({ code: p.code, name: p.name });
    }
    return [...rows.values()].sort((a, b) => b.procedures.length - a.procedures.length || a.label.localeCompare(b.label, 'vi'));
  }

  /**
   * Saves the office of each agency text: `choices` maps an agency key to an office id, or '' for
   * the automatic choice. Keys that are not in the unit's catalogue and unknown offices are refused.
   */
  async saveAgencyMappings(actor: OfficeActor, choices: Array<{ key: string; officeId: string }>): Promise<number> {
    const rows = await this.agencies(actor.unitCode);
    const offices = await this.list(actor.unitCode);
    const problems: Array<{ field: string; code: string; message: string }> = [];
    const changes: Array<{ row: AgencyRow; officeId: string }> = [];
    choices.forEach((c, i) => {
      const row = rows.find((r) => r.key === c.key);
      if (!row) problems.push({ field: `agency.${i}`, code: 'unknown_agency', message: `Cơ quan thực hiện "${c.key.slice(0, 60)}" không có trong danh mục thủ tục của đơn vị` });
      else if (c.officeId && !offices.some((o) => o.id === c.officeId)) problems.push({ field: `agency.${i}`, code: 'unknown_office', message: `Nơi tiếp nhận chọn cho "${row.label.slice(0, 60)}" không có trong đơn vị` });
      else if ((row.mappedId ?? '') !== c.officeId) changes.push({ row, officeId: c.officeId });
    });
    if (problems.length) throw new ValidationError('Chưa lưu được nơi tiếp nhận theo cơ quan thực hiện.', problems, 'invalid_office_mapping');
    if (!changes.length) return 0;
    await this.change(actor, async (trx) => {
      for (const c of changes) {
        if (c.officeId) await repo.upsertMapping(trx, actor.unitCode, { scope: 'agency', key: c.row.key, label: c.row.label, officeId: c.officeId, updatedBy: actor.name }, this.deps.clock.now().toISOString());
        else await repo.deleteMapping(trx, actor.unitCode, 'agency', c.row.key);
      }
      await this.audit(actor, 'office.agency_map', 'office_mapping', actor.unitCode, { changes: changes.map((c) => ({ agency: c.row.label, from: c.row.mappedId ?? null, to: c.officeId || null })) }, trx);
    });
    return changes.length;
  }

  /** The procedures with an office of their own (the override), by code. */
  async overrides(unitCode: string): Promise<Array<{ code: string; officeId: string }>> {
    const s = await this.snapshot(unitCode);
    return s.rows.filter((r) => r.scope === 'procedure' && s.offices.some((o) => o.id === r.officeId)).map((r) => ({ code: r.key, officeId: r.officeId }));
  }

  /** Sets (or with '' removes) a procedure's own office, over its agency's. */
  async setProcedureOffice(actor: OfficeActor, code: string, officeId: string): Promise<void> {
    const procedures = await this.deps.procedures(actor.unitCode);
    const p = procedures.find((x) => x.code === code);
    const problems: Array<{ field: string; code: string; message: string }> = [];
    if (!p) problems.push({ field: 'procedure', code: 'unknown_procedure', message: 'Chọn một thủ tục trong danh mục của đơn vị' });
    if (officeId && !(await this.list(actor.unitCode)).some((o) => o.id === officeId)) problems.push({ field: 'office', code: 'unknown_office', message: 'Chọn một nơi tiếp nhận của đơn vị' });
    if (problems.length) throw new ValidationError('Chưa lưu được nơi tiếp nhận riêng của thủ tục.', problems, 'invalid_office_mapping');
    await this.change(actor, async (trx) => {
      if (officeId) await repo.upsertMapping(trx, actor.unitCode, { scope: 'procedure', key: code, label: p!.name, officeId, updatedBy: actor.name }, this.deps.clock.now().toISOString());
      else await repo.deleteMapping(trx, actor.unitCode, 'procedure', code);
      await this.audit(actor, 'office.procedure_map', 'procedure', code, { office: officeId || null }, trx);
    });
  }

  /** Demo and first set-up: offices written without an official (not audited). */
  async seed(unitCode: string, inputs: OfficeInput[]): Promise<Office[]> {
    const datas = inputs.map(parseOfficeInput);
    await this.deps.db.transaction().execute(async (trx) => {
      for (const d of datas) await repo.insertOffice(trx, uuidv7(this.deps.clock.now().getTime()), unitCode, d, this.deps.clock.now().toISOString());
      await repo.bumpVersion(trx, unitCode);
    });
    this.forget();
    this.updates.emit();
    return this.list(unitCode);
  }
}

function lineOf(o: Office): string {
  const sat = saturdayText(o.week);
  return `Nộp tại ${o.name}${sat ? ` · ${sat}` : ''}`;
}
