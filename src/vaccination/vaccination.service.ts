/**
 * Vaccination reminders for children from 0 to 24 months (issue 14): a parent enrols a child (at
 * birth registration, or on the unit's page, with the same phone proof as a dossier) and consents;
 * motcua derives the child's schedule from the birth date and the unit's reading of the expanded
 * immunisation schedule (TCMR), and sends through the outbox a reminder N days before each dose
 * with the health station's address and hours. Parents stop with the signed link or by replying
 * "HUY"; a dose marked as given is not reminded again; reminders end at 24 months; the child's
 * personal data is deleted when they end (stopped or 24 months). The health station sees the
 * children due per week and per village, exports the list and marks doses as given.
 */
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema';
import type { Clock } from '../shared/clock';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import { isMobile, normalizePhone, PHONE_MESSAGE } from '../shared/phone';
import { personName } from '../shared/text';
import { prepareSms } from '../notification';
import { stripDiacritics } from '../shared/vietnamese';
import * as repo from './vaccination.repo';
import { addDays, daysBetween, dmy, endDate, isValidDay, scheduleFor, vnHour, vnToday, weekDays, type ScheduledDose } from './vaccination.schedule';
import { TCMR_SCHEDULE, type ScheduleDose } from './vaccination.tcmr';

type Exec = Kysely<DB> | Transaction<DB>;

/** What the parent agrees to (shown on the page, documented for API callers). */
export const CONSENT_VERSION = 'tc-2026-1';
export const CONSENT_TEXT =
  'Tôi đồng ý để phần mềm một cửa của đơn vị lưu họ tên, ngày sinh của cháu, thôn/tổ dân phố và số điện thoại của tôi chỉ để nhắn tin nhắc lịch tiêm chủng và để trạm y tế lập danh sách tiêm; thông tin được xóa khi dừng nhắc lịch hoặc khi cháu đủ 24 tháng tuổi.';

export const DEFAULT_REMINDER_DAYS = 3;
/** A reminder's delivery is watched this long for the gateway's failure report. */
const WATCH_DAYS = 3;
/** A form whose phone was never proven is removed after this long. */
const UNVERIFIED_TTL_MS = 24 * 3600_000;
/** Reminders go out in daytime only (Vietnam time). */
const SEND_FROM_HOUR = 7;
const SEND_UNTIL_HOUR = 21;

export const ENROLMENT_STATUS_LABEL: Record<string, string> = {
  unverified: 'Chờ xác thực số điện thoại',
  active: 'Đang nhắc lịch',
  stopped: 'Đã dừng theo yêu cầu của cha mẹ',
  ended: 'Đã kết thúc (cháu đủ 24 tháng tuổi)',
};

export type EnrolmentSource = 'web' | 'api' | 'birth_registration';

export interface VaccinationDeps {
  db: Kysely<DB>;
  clock: Clock;
  /** Signs the parent's link. */
  secret: string;
  publicUrl: string;
  smsUnicode: boolean;
  smsMaxSegments: number;
  /** The unit's name; throws NotFoundError for an unknown unit. */
  unitName(unitCode: string): Promise<string>;
  enqueue(trx: Exec, n: { channel: 'sms' | 'zalo'; recipient: string; event: string; body: string; unitCode: string; dedupKey: string }): Promise<boolean>;
  /** The Zalo follower linked to a phone ('' when none) — the notification module's choices. */
  zaloUserOf(phone: string): Promise<string>;
  /** Zalo can be delivered (configured, or the demo inbox). */
  zaloDeliverable: boolean;
  deliveryStates(keys: string[]): Promise<Map<string, { status: string; lastError: string | null; channel: string }>>;
  /** Erase recipient and text of the outbox messages with this key prefix. */
  forget(trx: Exec, prefix: string): Promise<number>;
  audit(e: { actor: { kind: 'staff'; id: string; name: string }; unitCode: string; action: string; targetKind: string; targetId: string; data?: Record<string, unknown> }, trx?: Exec): Promise<void>;
  /** Fits an SMS: the text as it will be sent, and its number of segments. */
  smsSegments(text: string): number;
  /** The phones a Zalo follower is linked to (the notification module's choices). */
  phonesOfZaloUser?(zaloUserId: string): Promise<string[]>;
}

export interface EnrolInput {
  unit?: unknown;
  childName?: unknown;
  birthDate?: unknown;
  phone?: unknown;
  village?: unknown;
  zalo?: unknown;
  consent?: unknown;
}

export interface Settings {
  unitCode: string;
  reminderDays: number;
  stationName: string;
  stationAddress: string;
  stationHours: string;
  checkedBy: string | null;
  checkedAt: string | null;
}

export interface Enrolment {
  id: string;
  unitCode: string;
  childName: string;
  birthDate: string;
  phone: string;
  village: string;
  zalo: boolean;
  status: string;
  phoneStatus: string;
  source: string;
  endDate: string;
  consentAt: string;
  consentVersion: string;
  endReason: string | null;
  endedAt: string | null;
  createdAt: string;
}

export interface DoseState extends ScheduledDose {
  givenOn: string | null;
  givenBy: string | null;
  remindedAt: string | null;
  /** Past its day and not marked as given. */
  overdue: boolean;
}

export interface EnrolmentView {
  enrolment: Enrolment;
  settings: Settings;
  doses: DoseState[];
}

export interface DueChild {
  id: string;
  childName: string;
  birthDate: string;
  phone: string;
  village: string;
  phoneBounced: boolean;
  /** Doses of the week, not given. */
  due: DoseState[];
  /** Doses before the week, not given. */
  overdue: DoseState[];
}

export interface DueList {
  unitCode: string;
  week: string;
  from: string;
  to: string;
  villages: Array<{ village: string; children: DueChild[] }>;
}

interface UnitContext {
  unitName: string;
  settings: Settings;
  schedule: ScheduleDose[];
  station: { full: string; short: string };
}

export interface StaffActor {
  id: string;
  fullName: string;
  unitCode: string;
  role: string;
}

export const HEALTH_STATION_ROLES = ['health_station'];
export const SCHEDULE_EDITOR_ROLES = ['admin', 'health_station'];
export const NO_VILLAGE = 'Chưa ghi thôn, tổ dân phố';

const ID_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const ENROLMENT_ID = /^TC[A-HJ-NP-Z2-9]{10}$/;

const toEnrolment = (r: repo.EnrolmentRow): Enrolment => ({
  id: r.id,
  unitCode: r.unit_code,
  childName: r.child_name,
  birthDate: r.birth_date,
  phone: r.phone,
  village: r.village,
  zalo: r.zalo === 1,
  status: r.status,
  phoneStatus: r.phone_status,
  source: r.source,
  endDate: r.end_date,
  consentAt: r.consent_at,
  consentVersion: r.consent_version,
  endReason: r.end_reason,
  endedAt: r.ended_at,
  createdAt: r.created_at,
});

const field = (name: string, code: string, message: string) => ({ field: name, code, message });
const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

const enrolSchema = z.object({
  childName: personName({ max: 100, required: 'Cần họ tên của cháu' }),
  village: z.string().trim().normalize('NFC').max(100, 'Thôn, tổ dân phố tối đa 100 ký tự').default(''),
});

const scheduleRowSchema = z.object({
  key: z.string().trim().regex(/^[a-z0-9-]{2,40}$/, 'Mã mũi tiêm gồm 2–40 chữ thường, số hoặc dấu gạch ngang (ví dụ dpt-4)'),
  vaccine: z.string().trim().normalize('NFC').min(2, 'Cần tên vắc xin').max(100, 'Tên vắc xin tối đa 100 ký tự'),
  dose: z.string().trim().normalize('NFC').min(1, 'Cần tên mũi (ví dụ Mũi 1)').max(60, 'Tên mũi tối đa 60 ký tự'),
  months: z.coerce.number({ error: 'Tháng tuổi là số nguyên từ 0 đến 23' }).int('Tháng tuổi là số nguyên từ 0 đến 23').min(0, 'Tháng tuổi là số nguyên từ 0 đến 23').max(23, 'Tháng tuổi là số nguyên từ 0 đến 23'),
  days: z.coerce.number({ error: 'Số ngày thêm là số nguyên từ 0 đến 60' }).int('Số ngày thêm là số nguyên từ 0 đến 60').min(0, 'Số ngày thêm là số nguyên từ 0 đến 60').max(60, 'Số ngày thêm là số nguyên từ 0 đến 60'),
  note: z.string().trim().normalize('NFC').max(300, 'Ghi chú tối đa 300 ký tự').default(''),
  sort: z.coerce.number().int().min(0).max(10_000).optional(),
});

const settingsSchema = z.object({
  reminderDays: z.coerce.number({ error: 'Số ngày nhắc trước là số nguyên từ 1 đến 14' }).int('Số ngày nhắc trước là số nguyên từ 1 đến 14').min(1, 'Số ngày nhắc trước là số nguyên từ 1 đến 14').max(14, 'Số ngày nhắc trước là số nguyên từ 1 đến 14'),
  stationName: z.string().trim().normalize('NFC').min(3, 'Cần tên trạm y tế').max(100, 'Tên trạm y tế tối đa 100 ký tự'),
  stationAddress: z.string().trim().normalize('NFC').max(150, 'Địa chỉ tối đa 150 ký tự').default(''),
  stationHours: z.string().trim().normalize('NFC').max(120, 'Giờ tiêm tối đa 120 ký tự').default(''),
});

function problemsOf(e: z.ZodError): Array<{ field: string; code: string; message: string }> {
  return e.issues.map((i) => field(i.path.join('.') || 'input', i.code, i.message));
}

export class VaccinationService {
  constructor(private readonly deps: VaccinationDeps) {}

  private get db() {
    return this.deps.db;
  }
  private nowIso() {
    return this.deps.clock.now().toISOString();
  }
  private today() {
    return vnToday(this.deps.clock.now());
  }

  // ------------------------------------------------------------------ the schedule and the settings

  /** The unit's schedule: its own rows, seeded from our reading of the TCMR on first use. */
  async schedule(unitCode: string, exec: Exec = this.db): Promise<ScheduleDose[]> {
    let rows = await repo.listSchedule(exec, unitCode);
    if (!rows.length) {
      const now = this.nowIso();
      await repo.insertScheduleRows(
        exec,
        TCMR_SCHEDULE.map((d, i) => ({ unit_code: unitCode, dose_key: d.key, vaccine: d.vaccine, dose: d.dose, months: d.months, days: d.days, note: d.note, sort: (i + 1) * 10, updated_by: '', updated_at: now })),
      );
      rows = await repo.listSchedule(exec, unitCode);
    }
    return rows.map((r) => ({ key: r.dose_key, vaccine: r.vaccine, dose: r.dose, months: r.months, days: r.days, note: r.note }));
  }

  async scheduleRows(unitCode: string): Promise<repo.ScheduleRow[]> {
    await this.schedule(unitCode);
    return repo.listSchedule(this.db, unitCode);
  }

  /** Read outside any transaction (the default names the unit, read through the unit module). */
  async settings(unitCode: string): Promise<Settings> {
    const r = await repo.findSettings(this.db, unitCode);
    if (r) return { unitCode, reminderDays: r.reminder_days, stationName: r.station_name, stationAddress: r.station_address, stationHours: r.station_hours, checkedBy: r.checked_by, checkedAt: r.checked_at };
    const name = await this.deps.unitName(unitCode);
    return { unitCode, reminderDays: DEFAULT_REMINDER_DAYS, stationName: `Trạm Y tế ${name}`, stationAddress: '', stationHours: '', checkedBy: null, checkedAt: null };
  }

  private editor(actor: StaffActor, unitCode: string): void {
    if (actor.unitCode !== unitCode || !SCHEDULE_EDITOR_ROLES.includes(actor.role)) throw new ForbiddenError('Chỉ quản trị đơn vị hoặc trạm y tế của đơn vị sửa được lịch tiêm và cài đặt nhắc lịch.', 'schedule_editor_only');
  }

  private async saveSettingsRow(exec: Exec, s: Settings): Promise<void> {
    await repo.upsertSettings(exec, {
      unit_code: s.unitCode,
      reminder_days: s.reminderDays,
      station_name: s.stationName,
      station_address: s.stationAddress,
      station_hours: s.stationHours,
      checked_by: s.checkedBy,
      checked_at: s.checkedAt,
      updated_at: this.nowIso(),
    });
  }

  /** A dose of the schedule added or changed; the health station's check is asked for again. */
  async saveScheduleRow(actor: StaffActor, unitCode: string, input: unknown): Promise<void> {
    this.editor(actor, unitCode);
    const r = scheduleRowSchema.safeParse(input ?? {});
    if (!r.success) throw new ValidationError('Mũi tiêm chưa hợp lệ.', problemsOf(r.error), 'invalid_schedule_row');
    const rows = await this.scheduleRows(unitCode);
    const sort = r.data.sort ?? rows.find((x) => x.dose_key === r.data.key)?.sort ?? (Math.max(0, ...rows.map((x) => x.sort)) + 10);
    const current = await this.settings(unitCode);
    await this.db.transaction().execute(async (trx) => {
      await repo.upsertScheduleRow(trx, { unit_code: unitCode, dose_key: r.data.key, vaccine: r.data.vaccine, dose: r.data.dose, months: r.data.months, days: r.data.days, note: r.data.note, sort, updated_by: actor.fullName, updated_at: this.nowIso() });
      await this.saveSettingsRow(trx, { ...current, checkedBy: null, checkedAt: null });
      await this.deps.audit({ actor: { kind: 'staff', id: actor.id, name: actor.fullName }, unitCode, action: 'vaccination.schedule_save', targetKind: 'vaccination_schedule', targetId: r.data.key, data: { ...r.data } }, trx);
    });
  }

  async deleteScheduleRow(actor: StaffActor, unitCode: string, key: string): Promise<void> {
    this.editor(actor, unitCode);
    await this.schedule(unitCode);
    const current = await this.settings(unitCode);
    await this.db.transaction().execute(async (trx) => {
      if (!(await repo.deleteScheduleRow(trx, unitCode, key))) throw new NotFoundError('Không có mũi tiêm này trong lịch.', 'schedule_row_not_found');
      await this.saveSettingsRow(trx, { ...current, checkedBy: null, checkedAt: null });
      await this.deps.audit({ actor: { kind: 'staff', id: actor.id, name: actor.fullName }, unitCode, action: 'vaccination.schedule_delete', targetKind: 'vaccination_schedule', targetId: key }, trx);
    });
  }

  /** The health station confirms that the schedule is right (until it is changed again). */
  async confirmSchedule(actor: StaffActor, unitCode: string): Promise<void> {
    if (actor.unitCode !== unitCode || !HEALTH_STATION_ROLES.includes(actor.role)) throw new ForbiddenError('Chỉ tài khoản trạm y tế của đơn vị xác nhận lịch tiêm.', 'health_station_only');
    await this.schedule(unitCode);
    const current = await this.settings(unitCode);
    await this.db.transaction().execute(async (trx) => {
      await this.saveSettingsRow(trx, { ...current, checkedBy: actor.fullName, checkedAt: this.nowIso() });
      await this.deps.audit({ actor: { kind: 'staff', id: actor.id, name: actor.fullName }, unitCode, action: 'vaccination.schedule_confirm', targetKind: 'vaccination_schedule', targetId: unitCode }, trx);
    });
  }

  async saveSettings(actor: StaffActor, unitCode: string, input: unknown): Promise<Settings> {
    this.editor(actor, unitCode);
    const r = settingsSchema.safeParse(input ?? {});
    if (!r.success) throw new ValidationError('Cài đặt chưa hợp lệ.', problemsOf(r.error), 'invalid_vaccination_settings');
    const current = await this.settings(unitCode);
    const next = { ...current, ...r.data };
    await this.db.transaction().execute(async (trx) => {
      await this.saveSettingsRow(trx, next);
      await this.deps.audit({ actor: { kind: 'staff', id: actor.id, name: actor.fullName }, unitCode, action: 'vaccination.settings_save', targetKind: 'vaccination_settings', targetId: unitCode, data: { ...r.data } }, trx);
    });
    return next;
  }

  /** The demo seed's station (no official acts: not audited). */
  async seedSettings(unitCode: string, s: Pick<Settings, 'stationName' | 'stationAddress' | 'stationHours'>): Promise<void> {
    await this.saveSettingsRow(this.db, { ...(await this.settings(unitCode)), ...s });
  }

  // ------------------------------------------------------------------ enrolment

  /**
   * A child enrolled. `verified`: the phone was proven (one-time code, a session, or the dossier's
   * submission for birth registration); otherwise the enrolment waits for the code ('unverified').
   * Bad input is a 422 with every problem in Vietnamese.
   */
  async enrol(input: EnrolInput, ctx: { source: EnrolmentSource; verified: boolean; dossierCode?: string; /** false: the demo seed's children get no welcome SMS. */ welcome?: boolean }): Promise<{ enrolment: Enrolment; schedule: ScheduledDose[]; stopUrl: string }> {
    const { unitCode, childName, village, birthDate, phone } = await this.validate(input, ctx.source);
    const now = this.nowIso();
    const row: repo.EnrolmentRow = {
      id: await this.newId(),
      unit_code: unitCode,
      child_name: childName,
      birth_date: birthDate,
      phone,
      village,
      zalo: input.zalo === true || input.zalo === 'true' || input.zalo === 'on' || input.zalo === '1' ? 1 : 0,
      status: ctx.verified ? 'active' : 'unverified',
      phone_status: 'ok',
      source: ctx.source,
      dossier_code: ctx.dossierCode ?? null,
      end_date: endDate(birthDate),
      consent_at: now,
      consent_version: CONSENT_VERSION,
      end_reason: null,
      ended_at: null,
      created_at: now,
      updated_at: now,
    };
    const unit = await this.unitContext(unitCode);
    await this.db.transaction().execute(async (trx) => {
      await repo.insertEnrolment(trx, row);
      if (ctx.verified && ctx.welcome !== false) await this.welcome(trx, row, unit);
    });
    const schedule = scheduleFor(birthDate, unit.schedule);
    return { enrolment: toEnrolment(row), schedule, stopUrl: this.link(row.id) };
  }

  /** The enrolment's input checked (every problem at once, 422 invalid_vaccination_enrolment), before any proof is asked. */
  async validate(input: EnrolInput, source: EnrolmentSource): Promise<{ unitCode: string; childName: string; village: string; birthDate: string; phone: string }> {
    const ctx = { source };
    const problems: Array<{ field: string; code: string; message: string }> = [];
    const r = enrolSchema.safeParse({ childName: str(input.childName), village: str(input.village) });
    if (!r.success) problems.push(...problemsOf(r.error));
    const unitCode = str(input.unit).trim();
    let unitOk = /^\d{2,5}$/.test(unitCode);
    if (unitOk) {
      try {
        await this.deps.unitName(unitCode);
      } catch (e) {
        if (!(e instanceof NotFoundError)) throw e;
        unitOk = false;
      }
    }
    if (!unitOk) problems.push(field('unit', 'unknown_unit', 'Không có đơn vị hành chính này (mã xã, phường, ví dụ 00004)'));
    const birthDate = str(input.birthDate).trim();
    const today = this.today();
    if (!isValidDay(birthDate)) problems.push(field('birthDate', 'invalid_date', 'Ngày sinh không hợp lệ (nhập dạng năm-tháng-ngày, ví dụ 2026-01-31)'));
    else if (birthDate > today) problems.push(field('birthDate', 'birth_date_future', 'Ngày sinh không được sau ngày hôm nay'));
    else if (endDate(birthDate) <= today) problems.push(field('birthDate', 'child_too_old', 'Cháu đã đủ 24 tháng tuổi: phần mềm chỉ nhắc lịch tiêm cho trẻ dưới 24 tháng tuổi'));
    const phone = normalizePhone(str(input.phone));
    if (!phone || !isMobile(phone)) problems.push(field('phone', 'invalid_phone', phone ? 'Cần số điện thoại di động để nhận tin nhắn (ví dụ 0912345678)' : PHONE_MESSAGE));
    if (input.consent === false || input.consent === 'false' || (ctx.source === 'web' && !input.consent)) {
      problems.push(field('consent', 'consent_required', 'Cần đồng ý cho lưu thông tin để nhắc lịch tiêm'));
    }
    if (problems.length || !r.success || !phone) throw new ValidationError('Thông tin đăng ký nhắc lịch tiêm chưa hợp lệ.', problems, 'invalid_vaccination_enrolment');
    return { unitCode, childName: r.data.childName, village: r.data.village, birthDate, phone };
  }

  /** The phone of a web enrolment proven (the caller checked the one-time code). */
  async phoneProven(id: string): Promise<Enrolment> {
    const e = await this.getRow(id);
    if (e.status === 'unverified') {
      const unit = await this.unitContext(e.unit_code);
      await this.db.transaction().execute(async (trx) => {
        await repo.updateEnrolment(trx, id, { status: 'active', updated_at: this.nowIso() });
        await this.welcome(trx, { ...e, status: 'active' }, unit);
      });
    }
    return toEnrolment((await repo.findEnrolment(this.db, id))!);
  }

  private async newId(): Promise<string> {
    for (let i = 0; i < 5; i++) {
      let id = 'TC';
      for (let j = 0; j < 10; j++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
      if (!(await repo.findEnrolment(this.db, id))) return id;
    }
    throw new Error('Không tạo được mã đăng ký nhắc lịch tiêm');
  }

  /** The signature of the parent's link: possession of the link proves the enrolment is one's own. */
  token(id: string): string {
    return createHmac('sha256', this.deps.secret).update(`vaccination:${id}`).digest('base64url').slice(0, 16);
  }

  checkToken(id: string, token: string | undefined): boolean {
    if (!token) return false;
    const a = Buffer.from(this.token(id));
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /** The parent's page: see the schedule, mark a dose as given, stop the reminders. */
  link(id: string): string {
    return `${this.deps.publicUrl.replace(/\/+$/, '')}/tiem-chung/${id}?t=${this.token(id)}`;
  }

  private async getRow(id: string): Promise<repo.EnrolmentRow> {
    const e = ENROLMENT_ID.test(id) ? await repo.findEnrolment(this.db, id) : undefined;
    if (!e) throw new NotFoundError('Không tìm thấy đăng ký nhắc lịch tiêm này.', 'vaccination_not_found');
    return e;
  }

  async get(id: string, unitCode?: string): Promise<Enrolment> {
    const e = await this.getRow(id);
    if (unitCode && e.unit_code !== unitCode) throw new NotFoundError('Không tìm thấy đăng ký nhắc lịch tiêm này.', 'vaccination_not_found');
    return toEnrolment(e);
  }

  /** The reminders asked at a birth registration, with the dossier's code; undefined once they ended (data erased). */
  async ofDossier(dossierCode: string): Promise<EnrolmentView | undefined> {
    const row = await repo.findByDossier(this.db, dossierCode);
    return row ? this.view(row.id) : undefined;
  }

  /** The enrolment with each dose's day and state. */
  async view(id: string, unitCode?: string): Promise<EnrolmentView> {
    const enrolment = await this.get(id, unitCode);
    const settings = await this.settings(enrolment.unitCode);
    if (!enrolment.birthDate) return { enrolment, settings, doses: [] };
    const [doses] = await this.doseStates([enrolment]);
    return { enrolment, settings, doses: doses! };
  }

  private async doseStates(list: Enrolment[]): Promise<DoseState[][]> {
    const ids = list.map((e) => e.id);
    const given = await repo.listDoses(this.db, ids);
    const reminders = await repo.listReminders(this.db, ids);
    const schedules = new Map<string, ScheduleDose[]>();
    const today = this.today();
    const out: DoseState[][] = [];
    for (const e of list) {
      if (!schedules.has(e.unitCode)) schedules.set(e.unitCode, await this.schedule(e.unitCode));
      out.push(
        scheduleFor(e.birthDate, schedules.get(e.unitCode)!).map((d) => {
          const g = given.find((x) => x.enrolment_id === e.id && x.dose_key === d.key);
          const rem = reminders.find((x) => x.enrolment_id === e.id && x.due_date === d.dueDate);
          return { ...d, givenOn: g?.given_on ?? null, givenBy: g?.marked_by ?? null, remindedAt: rem?.created_at ?? null, overdue: !g && d.dueDate < today };
        }),
      );
    }
    return out;
  }

  // ------------------------------------------------------------------ doses given, stopping

  /**
   * A dose marked as given: by the parent (signed link) or by the unit's health station. It is not
   * reminded again; a day's reminder goes only for the doses of that day still not given.
   */
  async markGiven(id: string, key: string, by: { kind: 'parent' } | { kind: 'staff'; staff: StaffActor }, givenOn?: string): Promise<EnrolmentView> {
    const e = await this.get(id, by.kind === 'staff' ? by.staff.unitCode : undefined);
    if (by.kind === 'staff' && !HEALTH_STATION_ROLES.includes(by.staff.role)) throw new ForbiddenError('Chỉ trạm y tế của đơn vị ghi mũi đã tiêm.', 'health_station_only');
    if (e.status !== 'active') throw new ConflictError('vaccination_not_active', 'Đăng ký này không còn nhắc lịch (đã dừng hoặc đã kết thúc).');
    const dose = scheduleFor(e.birthDate, await this.schedule(e.unitCode)).find((d) => d.key === key);
    if (!dose) throw new ValidationError('Không có mũi tiêm này trong lịch của cháu.', [field('dose', 'unknown_dose', 'Chọn một mũi trong lịch tiêm của cháu')], 'invalid_dose');
    const today = this.today();
    const day = givenOn?.trim() || today;
    if (!isValidDay(day)) throw new ValidationError('Ngày tiêm không hợp lệ.', [field('givenOn', 'invalid_date', 'Ngày tiêm dạng năm-tháng-ngày, ví dụ 2026-03-31')], 'invalid_dose');
    if (day > today || day < e.birthDate) throw new ValidationError('Ngày tiêm không hợp lệ.', [field('givenOn', 'invalid_date', 'Ngày tiêm phải từ ngày sinh của cháu đến hôm nay')], 'invalid_dose');
    await this.db.transaction().execute(async (trx) => {
      const added = await repo.insertDose(trx, { enrolment_id: id, dose_key: key, given_on: day, marked_by: by.kind === 'staff' ? 'health_station' : 'parent', marked_at: this.nowIso() });
      if (added && by.kind === 'staff') {
        await this.deps.audit({ actor: { kind: 'staff', id: by.staff.id, name: by.staff.fullName }, unitCode: e.unitCode, action: 'vaccination.dose_given', targetKind: 'vaccination_enrolment', targetId: id, data: { dose: key, givenOn: day } }, trx);
      }
    });
    return this.view(id);
  }

  /** The parent stops the reminders (link, or "HUY" by SMS): the child's personal data is deleted now. */
  async stop(id: string, reason: 'link' | 'sms' | 'zalo'): Promise<Enrolment> {
    const e = await this.getRow(id);
    if (e.status === 'active' || e.status === 'unverified') await this.db.transaction().execute((trx) => this.end(trx, e, 'stopped', reason));
    return toEnrolment((await repo.findEnrolment(this.db, id))!);
  }

  /**
   * The end of the reminders (stopped, or 24 months): the child's name, birth date, phone and
   * village are blanked, the doses and reminders deleted, and the texts sent to the parent erased
   * from the outbox. What stays: the code, the unit, when consent was given and when it ended.
   */
  private async end(trx: Exec, e: repo.EnrolmentRow, status: 'stopped' | 'ended', reason: string): Promise<void> {
    const now = this.nowIso();
    await this.deps.forget(trx, `vac:${e.id}:`);
    await repo.deleteDoses(trx, e.id);
    await repo.deleteReminders(trx, e.id);
    await repo.updateEnrolment(trx, e.id, { status, end_reason: reason, ended_at: now, updated_at: now, child_name: '', birth_date: '', phone: '', village: '', zalo: 0, dossier_code: null });
  }

  /** An SMS to the unit's number: "HUY" (with or without marks) stops every reminder of that phone. */
  async inboundSms(m: { id: string; from: string; text: string }): Promise<boolean> {
    if (!/^HUY\b/.test(stripDiacritics(m.text).trim().toUpperCase())) return false;
    const list = await repo.listByPhone(this.db, m.from, ['active', 'unverified']);
    if (!list.length) return false;
    for (const e of list) {
      const unitName = await this.deps.unitName(e.unit_code);
      await this.db.transaction().execute(async (trx) => {
        await this.end(trx, e, 'stopped', 'sms');
        const body = this.smsText(`${unitName}: Đã dừng nhắc lịch tiêm chủng theo tin nhắn HUY của quý vị và đã xóa thông tin của cháu. Muốn nhận lại, xin đăng ký lại trên trang của đơn vị.`);
        await this.deps.enqueue(trx, { channel: 'sms', recipient: m.from, event: 'vaccination_stopped', body, unitCode: e.unit_code, dedupKey: `vacstop:${e.id}` });
      });
    }
    return true;
  }

  /**
   * A message to the unit's Zalo OA: "HUY" (with or without marks) from a follower stops the
   * reminders of every phone linked to that follower, erases the child's data as "HUY" by SMS does,
   * and confirms on Zalo (through the outbox). False when it is not a "HUY" or nothing was stopped:
   * the assistant answers it then.
   */
  async inboundZalo(followerId: string, text: string): Promise<boolean> {
    if (!/^HUY\b/.test(stripDiacritics(text).trim().toUpperCase()) || !this.deps.phonesOfZaloUser) return false;
    const list = [];
    for (const phone of await this.deps.phonesOfZaloUser(followerId)) list.push(...(await repo.listByPhone(this.db, phone, ['active', 'unverified'])));
    if (!list.length) return false;
    for (const e of list) {
      const unitName = await this.deps.unitName(e.unit_code);
      await this.db.transaction().execute(async (trx) => {
        await this.end(trx, e, 'stopped', 'zalo');
        const body = `${unitName}: Đã dừng nhắc lịch tiêm chủng theo tin nhắn HUY của quý vị và đã xóa thông tin của cháu. Muốn nhận lại, xin đăng ký lại trên trang của đơn vị.`.normalize('NFC');
        await this.deps.enqueue(trx, { channel: 'zalo', recipient: followerId, event: 'vaccination_stopped', body, unitCode: e.unit_code, dedupKey: `vacstop:${e.id}:zalo` });
      });
    }
    return true;
  }

  // ------------------------------------------------------------------ messages

  /** As the gateway will get it: unaccented GSM-7 unless the gateway takes Unicode. */
  private smsText(t: string): string {
    return prepareSms(t, this.deps.smsUnicode);
  }

  /** The first of the texts that fits the configured segments; the last one always goes. */
  private fit(candidates: string[]): string {
    const texts = candidates.map((c) => this.smsText(c));
    return texts.find((t) => this.deps.smsSegments(t) <= this.deps.smsMaxSegments) ?? texts[texts.length - 1]!;
  }

  /**
   * What a message of the unit needs, read before its transaction: on SQLite a read outside the
   * transaction would wait for it.
   */
  private async unitContext(unitCode: string): Promise<UnitContext> {
    const [unitName, settings, schedule] = [await this.deps.unitName(unitCode), await this.settings(unitCode), await this.schedule(unitCode)];
    const place = [settings.stationName, settings.stationAddress].filter(Boolean).join(', ');
    return { unitName, settings, schedule, station: { full: settings.stationHours ? `${place} (${settings.stationHours})` : place, short: settings.stationName } };
  }

  private async welcome(trx: Exec, e: repo.EnrolmentRow, unit: UnitContext): Promise<void> {
    const unitName = unit.unitName;
    const next = scheduleFor(e.birth_date, unit.schedule).find((d) => d.dueDate >= this.today());
    const nextText = next ? ` Mũi tiếp theo: ${next.vaccine} ${next.dose.toLowerCase()} ngày ${dmy(next.dueDate)}.` : '';
    const link = this.link(e.id);
    const body = this.fit([
      `${unitName}: Đã đăng ký nhắc lịch tiêm cho cháu ${e.child_name}.${nextText} Xem lịch, báo đã tiêm, dừng nhắc: ${link} hoặc nhắn HUY.`,
      `${unitName}: Đã đăng ký nhắc lịch tiêm cho cháu ${e.child_name}. Xem lịch, dừng nhắc: ${link} hoặc nhắn HUY.`,
    ]);
    await this.deps.enqueue(trx, { channel: 'sms', recipient: e.phone, event: 'vaccination_welcome', body, unitCode: e.unit_code, dedupKey: `vac:${e.id}:welcome` });
    await repo.insertReminder(trx, { enrolment_id: e.id, due_date: 'welcome', dose_keys: '[]', outbox_key: `vac:${e.id}:welcome`, status: 'queued', created_at: this.nowIso() });
  }

  private async remind(trx: Exec, e: repo.EnrolmentRow, due: string, doses: ScheduledDose[], unit: UnitContext, zaloUser: string): Promise<boolean> {
    const key = `vac:${e.id}:${due}`;
    if (!(await repo.insertReminder(trx, { enrolment_id: e.id, due_date: due, dose_keys: JSON.stringify(doses.map((d) => d.key)), outbox_key: key, status: 'queued', created_at: this.nowIso() }))) return false;
    const unitName = unit.unitName;
    const st = unit.station;
    const vaccines = doses.map((d) => `${d.vaccine} ${d.dose.toLowerCase()}`).join(', ');
    const link = this.link(e.id);
    const head = `${unitName}: Ngày ${dmy(due)} cháu ${e.child_name} đến lịch tiêm ${vaccines}`;
    const body = this.fit([
      `${head} tại ${st.full}. Đã tiêm hoặc dừng nhắc: ${link} hoặc nhắn HUY.`,
      `${head} tại ${st.full}. Đã tiêm hoặc dừng nhắc: ${link}`,
      `${head} tại ${st.short}. Đã tiêm, dừng nhắc: ${link}`,
      `${unitName}: Ngày ${dmy(due)} cháu ${e.child_name} đến lịch tiêm tại ${st.short}. Chi tiết: ${link}`,
    ]);
    await this.deps.enqueue(trx, { channel: 'sms', recipient: e.phone, event: 'vaccination_reminder', body, unitCode: e.unit_code, dedupKey: key });
    if (zaloUser) {
      const text = `${head.normalize('NFC')} tại ${st.full}.\nĐã tiêm hoặc muốn dừng nhắc lịch: ${link} hoặc nhắn HUY tại đây.`;
      await this.deps.enqueue(trx, { channel: 'zalo', recipient: zaloUser, event: 'vaccination_reminder', body: text, unitCode: e.unit_code, dedupKey: `${key}:zalo` });
    }
    return true;
  }

  // ------------------------------------------------------------------ the job

  /**
   * One run of the reminder job: end the reminders of children who are 24 months old (and delete
   * their data), watch the delivery of the SMS sent (a number the gateway could not reach is marked
   * and gets no more SMS), drop enrolments whose phone was never proven, and — in daytime — queue
   * each day's reminder N days before (until the day itself) for the doses not given. A reminder is
   * queued once per child and day (its row, and the outbox's de-duplication key).
   */
  async runReminders(): Promise<{ reminded: number; ended: number; bounced: number; dropped: number }> {
    const now = this.deps.clock.now();
    const today = vnToday(now);
    let ended = 0;
    for (const e of await repo.listEnrolments(this.db, ['active', 'unverified'])) {
      if (e.end_date && e.end_date <= today) {
        await this.db.transaction().execute((trx) => this.end(trx, e, 'ended', '24_months'));
        ended++;
      }
    }
    let dropped = 0;
    for (const id of await repo.listUnverifiedBefore(this.db, new Date(now.getTime() - UNVERIFIED_TTL_MS).toISOString())) {
      await repo.deleteEnrolment(this.db, id);
      dropped++;
    }
    const bounced = await this.watchDelivery(today);
    let reminded = 0;
    const hour = vnHour(now);
    if (hour >= SEND_FROM_HOUR && hour < SEND_UNTIL_HOUR) {
      const active = (await repo.listEnrolments(this.db, ['active'])).filter((e) => e.phone_status === 'ok');
      const states = await this.doseStates(active.map(toEnrolment));
      const units = new Map<string, UnitContext>();
      for (const [i, e] of active.entries()) {
        if (!units.has(e.unit_code)) units.set(e.unit_code, await this.unitContext(e.unit_code));
        const unit = units.get(e.unit_code)!;
        const lead = unit.settings.reminderDays;
        const byDay = new Map<string, DoseState[]>();
        for (const d of states[i]!) if (!d.givenOn && !d.remindedAt) byDay.set(d.dueDate, [...(byDay.get(d.dueDate) ?? []), d]);
        for (const [due, doses] of byDay) {
          const until = daysBetween(today, due);
          if (until < 0 || until > lead) continue;
          const zaloUser = e.zalo === 1 && this.deps.zaloDeliverable ? await this.deps.zaloUserOf(e.phone) : '';
          if (await this.db.transaction().execute((trx) => this.remind(trx, e, due, doses, unit, zaloUser))) reminded++;
        }
      }
    }
    return { reminded, ended, bounced, dropped };
  }

  /** Reminders whose SMS turned out undeliverable: the enrolment's number is marked, not tried again. */
  private async watchDelivery(today: string): Promise<number> {
    const watched = await repo.listWatchedReminders(this.db);
    if (!watched.length) return 0;
    const states = await this.deps.deliveryStates(watched.map((w) => w.outbox_key));
    let bounced = 0;
    for (const w of watched) {
      const s = states.get(w.outbox_key);
      if (s?.status === 'dead') {
        await this.db.transaction().execute(async (trx) => {
          await repo.setReminderStatus(trx, w.enrolment_id, w.due_date, 'failed');
          await repo.updateEnrolment(trx, w.enrolment_id, { phone_status: 'bounced', updated_at: this.nowIso() });
        });
        bounced++;
      } else if (!s || (s.status === 'sent' && addDays(w.created_at.slice(0, 10), WATCH_DAYS) < today)) {
        await repo.setReminderStatus(this.db, w.enrolment_id, w.due_date, 'delivered');
      }
    }
    return bounced;
  }

  // ------------------------------------------------------------------ the health station

  /** The unit's children with doses due in an ISO week ('2026-W49'), by village; one village if given. */
  async dueList(unitCode: string, week: string, village?: string): Promise<DueList> {
    const days = weekDays(week);
    if (!days) throw new ValidationError('Tuần không hợp lệ.', [field('week', 'invalid_week', 'Tuần dạng năm-W-số tuần, ví dụ 2026-W49')]);
    const list = (await repo.listEnrolments(this.db, ['active'], unitCode)).map(toEnrolment);
    const states = await this.doseStates(list);
    const groups = new Map<string, DueChild[]>();
    for (const [i, e] of list.entries()) {
      const v = e.village || NO_VILLAGE;
      if (village && v !== village) continue;
      const open = states[i]!.filter((d) => !d.givenOn);
      const due = open.filter((d) => d.dueDate >= days.from && d.dueDate <= days.to);
      const overdue = open.filter((d) => d.dueDate < days.from);
      if (!due.length) continue;
      groups.set(v, [...(groups.get(v) ?? []), { id: e.id, childName: e.childName, birthDate: e.birthDate, phone: e.phone, village: v, phoneBounced: e.phoneStatus === 'bounced', due, overdue }]);
    }
    const villages = [...groups.entries()].sort(([a], [b]) => (a === NO_VILLAGE ? 1 : b === NO_VILLAGE ? -1 : a.localeCompare(b, 'vi'))).map(([v, children]) => ({ village: v, children }));
    return { unitCode, week, from: days.from, to: days.to, villages };
  }

  /** Villages of the unit's active enrolments (the filter of the list). */
  async villages(unitCode: string): Promise<string[]> {
    const set = new Set((await repo.listEnrolments(this.db, ['active'], unitCode)).map((e) => e.village || NO_VILLAGE));
    return [...set].sort((a, b) => a.localeCompare(b, 'vi'));
  }
}
