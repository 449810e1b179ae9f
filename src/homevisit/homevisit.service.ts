import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB, HomeVisitTable } from '../db/schema';
import type { Clock } from '../shared/clock';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '../shared/errors';
import { uuidv7 } from '../shared/ids';
import { normalizePhone } from '../shared/phone';
import * as repo from './homevisit.repo';

/**
 * Home visits (issue 13, "Saturday support team"): a commune's support team goes to the homes of
 * elderly and disabled citizens and receives their dossiers there (channel `home`).
 */
export type HomeVisit = HomeVisitTable;

export const REQUESTER_LABEL: Record<string, string> = { self: 'Người dân tự đề nghị', relative: 'Người thân', village_head: 'Trưởng thôn, tổ trưởng tổ dân phố' };
export const VISIT_STATUS_LABEL: Record<string, string> = {
  unverified: 'Chờ xác thực số điện thoại',
  requested: 'Chờ xếp lịch',
  planned: 'Đã xếp lịch',
  received: 'Đã tiếp nhận hồ sơ tại nhà',
  not_received: 'Không tiếp nhận được',
  cancelled: 'Đã hủy',
};

const text = (label: string, max: number) => z.string({ error: `${label} là bắt buộc` }).trim().normalize('NFC').min(1, `${label} là bắt buộc`).max(max, `${label} tối đa ${max} ký tự`);
export const visitRequestSchema = z.object({
  procedureCode: z.string({ error: 'Chọn thủ tục' }).regex(/^\d\.\d{6}$/, 'Chọn thủ tục'),
  applicantName: text('Họ tên người cần hỗ trợ', 100),
  requester: z.enum(['self', 'relative', 'village_head'], { error: 'Chọn người đề nghị' }),
  requesterName: z.string().trim().normalize('NFC').max(100).default(''),
  phone: z.string({ error: 'Số điện thoại là bắt buộc' }).trim().min(1, 'Số điện thoại là bắt buộc'),
  address: text('Địa chỉ', 300),
  village: text('Thôn, tổ dân phố', 100),
  preferredDays: z.string().trim().normalize('NFC').max(200).default(''),
  note: z.string().trim().normalize('NFC').max(1000).default(''),
});
export type VisitRequest = z.input<typeof visitRequestSchema>;

export interface HomeVisitDeps {
  db: Kysely<DB>;
  clock: Clock;
  /** The procedure must be in the unit's catalogue; returns its name. */
  procedureName(unitCode: string, code: string): Promise<string>;
  /** A dossier by code, to link a visit to the dossier received at home. */
  dossier(code: string): Promise<{ unitCode: string; procedureCode: string; channel: string } | undefined>;
  sms(unitCode: string, phone: string, body: string, dedupKey: string): Promise<void>;
  unitName(unitCode: string): Promise<string>;
  /** The unit's dossiers received in [from, to) (instants): the dossier module's `receivedDossiers`. */
  receivedDossiers(unitCode: string, from: string, to: string): Promise<ReceivedDossier[]>;
}

/** A dossier received in a period, as the dossier module reports it. */
export interface ReceivedDossier {
  code: string;
  procedureCode: string;
  channel: string;
  applicantName: string;
  status: string;
  receivedAt: string;
}

/** What the sources count (issue 13): dossiers received at home, on a Saturday, and the visits made. */
export interface ReceptionFigures {
  unit: string;
  from: string;
  to: string;
  /** Dossiers received with channel `home` (by the support team at the citizen's home). */
  homeDossiers: number;
  /** Dossiers received on a Saturday (a Saturday desk, or a Saturday worked in exchange), Vietnam time. */
  saturdayDossiers: number;
  /** Visits by outcome, by visit day. */
  visits: { planned: number; received: number; notReceived: number };
}

export type ReceptionKind = 'home' | 'saturday';

/** Saturday in Vietnam (UTC+7, no daylight saving). */
const onSaturday = (iso: string) => new Date(new Date(iso).getTime() + 7 * 3_600_000).getUTCDay() === 6;
/** [from, to] calendar days in Vietnam as instants [start, end). */
const instants = (from: string, to: string) => ({ start: new Date(`${from}T00:00:00+07:00`).toISOString(), end: new Date(new Date(`${to}T00:00:00+07:00`).getTime() + 86_400_000).toISOString() });

export class HomeVisitService {
  constructor(private readonly deps: HomeVisitDeps) {}

  private get db() {
    return this.deps.db;
  }
  private now() {
    return this.deps.clock.now().toISOString();
  }

  /** A request from the web ('unverified' until the phone's code) or taken by phone at the counter. */
  async request(unitCode: string, input: unknown, source: 'web' | 'phone'): Promise<HomeVisit> {
    const r = visitRequestSchema.safeParse(input ?? {}, { error: z.locales.vi().localeError });
    const problems: Array<{ field: string; code: string; message: string }> = r.success ? [] : r.error.issues.map((i) => ({ field: i.path.join('.'), code: i.code, message: i.message }));
    const phone = normalizePhone(String((input as Record<string, unknown> | null)?.phone ?? ''));
    if (!phone && !problems.some((p) => p.field === 'phone')) problems.push({ field: 'phone', code: 'invalid_phone', message: 'Số điện thoại không hợp lệ (ví dụ 0912345678)' });
    if (r.success) {
      try {
        await this.deps.procedureName(unitCode, r.data.procedureCode);
      } catch {
        problems.push({ field: 'procedureCode', code: 'unknown_procedure', message: 'Thủ tục này không có trong danh mục của đơn vị' });
      }
    }
    if (!r.success || problems.length || !phone) throw new ValidationError('Yêu cầu hỗ trợ tại nhà chưa hợp lệ.', problems, 'invalid_home_visit');
    const v = r.data;
    const now = this.now();
    const row: HomeVisit = {
      id: uuidv7(),
      unit_code: unitCode,
      procedure_code: v.procedureCode,
      applicant_name: v.applicantName,
      requester: v.requester,
      requester_name: v.requesterName,
      phone,
      address: v.address,
      village: v.village,
      preferred_days: v.preferredDays,
      note: v.note,
      source,
      status: source === 'web' ? 'unverified' : 'requested',
      visit_date: null,
      assignee_id: null,
      confirmed_at: null,
      dossier_code: null,
      reason: '',
      created_at: now,
      updated_at: now,
    };
    await repo.insertVisit(this.db, row);
    return row;
  }

  async get(id: string, unitCode?: string): Promise<HomeVisit> {
    const v = /^[0-9a-f-]{36}$/.test(id) ? await repo.findVisit(this.db, id) : undefined;
    if (!v || (unitCode && v.unit_code !== unitCode)) throw new NotFoundError('Không tìm thấy yêu cầu hỗ trợ tại nhà.', 'home_visit_not_found');
    return v;
  }

  /** The web request's phone proven (the one-time code was checked by the caller). */
  async verified(id: string): Promise<HomeVisit> {
    const v = await this.get(id);
    if (v.status === 'unverified') await repo.updateVisit(this.db, id, { status: 'requested', updated_at: this.now() });
    return this.get(id);
  }

  async list(unitCode: string, statuses = ['requested', 'planned']): Promise<HomeVisit[]> {
    return repo.listVisits(this.db, unitCode, statuses);
  }

  /** Planned visits by day, each day's list ordered by village then address: the route. */
  async routes(unitCode: string): Promise<Array<{ date: string; visits: HomeVisit[] }>> {
    const byDay = new Map<string, HomeVisit[]>();
    for (const v of await repo.listVisits(this.db, unitCode, ['planned'])) byDay.set(v.visit_date!, [...(byDay.get(v.visit_date!) ?? []), v]);
    return [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, visits]) => ({ date, visits }));
  }

  async team(unitCode: string) {
    return repo.supportTeam(this.db, unitCode);
  }

  async setTeam(unitCode: string, ids: string[]): Promise<void> {
    await repo.setSupportTeam(this.db, unitCode, ids);
  }

  async isSupport(unitCode: string, staffId: string): Promise<boolean> {
    return (await repo.supportTeam(this.db, unitCode)).some((s) => s.id === staffId && s.support);
  }

  /** A day and an official of the support team for the visit. */
  async plan(unitCode: string, id: string, input: { date: string; assigneeId: string }): Promise<HomeVisit> {
    const v = await this.get(id, unitCode);
    if (!['requested', 'planned'].includes(v.status)) throw new ConflictError('home_visit_closed', 'Yêu cầu này đã kết thúc, không xếp lịch lại được.');
    const problems: Array<{ field: string; code: string; message: string }> = [];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date) || Number.isNaN(Date.parse(input.date))) problems.push({ field: 'date', code: 'invalid_date', message: 'Chọn ngày đến nhà (YYYY-MM-DD)' });
    else if (input.date < this.now().slice(0, 10)) problems.push({ field: 'date', code: 'past_date', message: 'Ngày đến nhà đã qua' });
    if (!(await this.isSupport(unitCode, input.assigneeId))) problems.push({ field: 'assigneeId', code: 'not_support', message: 'Chọn một cán bộ của tổ hỗ trợ' });
    if (problems.length) throw new ValidationError('Chưa xếp lịch được.', problems, 'invalid_home_visit');
    await repo.updateVisit(this.db, id, { status: 'planned', visit_date: input.date, assignee_id: input.assigneeId, confirmed_at: null, updated_at: this.now() });
    return this.get(id);
  }

  /** The SMS confirming the day (outbox). */
  async confirm(unitCode: string, id: string): Promise<HomeVisit> {
    const v = await this.get(id, unitCode);
    if (v.status !== 'planned' || !v.visit_date) throw new RuleViolationError('home_visit_not_planned', 'Cần xếp ngày đến nhà trước khi nhắn tin xác nhận.');
    const [y, m, d] = v.visit_date.split('-');
    const body = `${await this.deps.unitName(unitCode)}: to ho tro se den nha ${v.applicant_name} ngay ${d}/${m}/${y} de tiep nhan ho so. Xin chuan bi giay to ban chinh.`;
    await this.deps.sms(unitCode, v.phone, body, `home_visit:${v.id}:${v.visit_date}`);
    await repo.updateVisit(this.db, id, { confirmed_at: this.now(), updated_at: this.now() });
    return this.get(id);
  }

  /** A planned visit an official of the support team may record (receive a dossier on, or say why not). */
  async recordable(unitCode: string, id: string, actorId: string): Promise<HomeVisit> {
    const v = await this.get(id, unitCode);
    if (v.status !== 'planned') throw new ConflictError('home_visit_not_planned', 'Chỉ ghi kết quả cho chuyến đã xếp lịch.');
    if (!(await this.isSupport(unitCode, actorId))) throw new ForbiddenError('Chỉ cán bộ tổ hỗ trợ ghi kết quả đến nhà.', 'not_support_team');
    return v;
  }

  /** The counter form opened on the visit: its procedure, its applicant, a line saying whose home. */
  async openReception(unitCode: string, actorId: string, id: string): Promise<{ procedureCode: string; applicant: { fullName: string; phone: string; address: string }; label: string }> {
    const v = await this.recordable(unitCode, id, actorId);
    return {
      procedureCode: v.procedure_code,
      applicant: { fullName: v.applicant_name, phone: v.phone, address: v.address },
      label: `${v.applicant_name}, ${v.address}, ${v.village}`,
    };
  }

  /** The visit a dossier was received on. */
  async ofDossier(dossierCode: string): Promise<HomeVisit | undefined> {
    return repo.findVisitByDossier(this.db, dossierCode);
  }

  /** The visits already made, latest first (the team page's record). */
  async done(unitCode: string, limit = 30): Promise<HomeVisit[]> {
    return repo.listDoneVisits(this.db, unitCode, limit);
  }

  /** The visit recorded: the dossier received at home (channel `home`), or why not. */
  async record(unitCode: string, id: string, actorId: string, outcome: { dossierCode?: string; reason?: string }): Promise<HomeVisit> {
    await this.recordable(unitCode, id, actorId);
    const code = outcome.dossierCode?.trim();
    if (code) {
      const d = await this.deps.dossier(code);
      if (!d || d.unitCode !== unitCode) throw new ValidationError('Chưa ghi được kết quả.', [{ field: 'dossierCode', code: 'dossier_not_found', message: `Không có hồ sơ ${code} của đơn vị` }], 'invalid_home_visit');
      if (d.channel !== 'home') throw new ValidationError('Chưa ghi được kết quả.', [{ field: 'dossierCode', code: 'not_home', message: `Hồ sơ ${code} không phải hồ sơ tiếp nhận tại nhà` }], 'invalid_home_visit');
      await repo.updateVisit(this.db, id, { status: 'received', dossier_code: code, updated_at: this.now() });
    } else {
      const reason = outcome.reason?.trim() ?? '';
      if (reason.length < 5) throw new ValidationError('Chưa ghi được kết quả.', [{ field: 'reason', code: 'reason_required', message: 'Ghi lý do không tiếp nhận được hồ sơ (ít nhất 5 ký tự)' }], 'invalid_home_visit');
      await repo.updateVisit(this.db, id, { status: 'not_received', reason, updated_at: this.now() });
    }
    return this.get(id);
  }

  /**
   * The figures the sources count for a period of calendar days [from, to] (Vietnam time): the
   * dossiers received at home and on a Saturday (by their receipt), the visits by outcome (by visit
   * day). The lists behind the first two are `receptionDossiers`.
   */
  async receptionFigures(unitCode: string, from: string, to: string): Promise<ReceptionFigures> {
    const { start, end } = instants(from, to);
    const all = await this.deps.receivedDossiers(unitCode, start, end);
    return {
      unit: unitCode,
      from,
      to,
      homeDossiers: all.filter((d) => d.channel === 'home').length,
      saturdayDossiers: all.filter((d) => onSaturday(d.receivedAt)).length,
      visits: await this.counts(unitCode, from, to),
    };
  }

  /** The dossiers behind a figure: received at home, or on a Saturday. */
  async receptionDossiers(unitCode: string, from: string, to: string, kind: ReceptionKind): Promise<ReceivedDossier[]> {
    const { start, end } = instants(from, to);
    const all = await this.deps.receivedDossiers(unitCode, start, end);
    return all.filter((d) => (kind === 'home' ? d.channel === 'home' : onSaturday(d.receivedAt)));
  }

  /** For reports: visits by outcome between two days (visit dates, inclusive). */
  async counts(unitCode: string, from: string, to: string): Promise<{ planned: number; received: number; notReceived: number }> {
    const rows = await repo.countVisits(this.db, unitCode, from, to);
    const n = (s: string) => rows.find((r) => r.status === s)?.n ?? 0;
    return { planned: n('planned'), received: n('received'), notReceived: n('not_received') };
  }
}
