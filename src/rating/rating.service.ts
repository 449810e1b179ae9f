/**
 * Satisfaction ratings (issue 11): a citizen rates a returned dossier (or a counter visit) once,
 * may change it for 30 days (every version kept), and a "Không hài lòng" reaches the unit's
 * leaders and waits in a follow-up list for their answer, which the citizen then reads.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema';
import { addWorkingDays, vnDateOf, type UnitCalendar } from '../calendar';
import type { Clock } from '../shared/clock';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import { formatDate, formatDateTime } from '../shared/format';
import { uuidv7 } from '../shared/ids';
import { cleanText } from '../shared/text';
import * as repo from './rating.repo';
import {
  ANSWER_MAX,
  ANSWER_WORKING_DAYS,
  CHANGE_WINDOW_DAYS,
  COMMENT_MAX,
  LEVEL_LABEL,
  RATING_LEVELS,
  RATING_REASONS,
  REASON_LABEL,
  type FollowUp,
  type FollowUpCounts,
  type Rating,
  type RatingFact,
  type RatingLevel,
  type RatingReason,
  type RatingSource,
} from './rating.types';

/** The parts of a dossier a rating needs (the dossier module's `Dossier` has them). */
export interface RatedDossier {
  id: string;
  code: string | null;
  unitCode: string;
  status: string;
}

export interface RatingInput {
  level: RatingLevel;
  reasons: RatingReason[];
  comment: string;
}

/** Who rates: kept with the version (a staff member rating on the citizen's behalf is marked). */
export type RatingActor = { kind: 'anonymous' } | { kind: 'citizen'; id: string } | { kind: 'staff'; id: string };

/** An official as the follow-up list needs them. */
export interface RatingStaff {
  id: string;
  fullName: string;
  role: string;
  unitCode: string;
}

interface Leader {
  id: string;
  fullName: string;
  role: string;
  phone?: string;
  email?: string;
  active?: boolean;
}

export interface RatingDeps {
  /** The unit's working-day calendar (deadline of the answer). */
  calendarOf(unitCode: string): Promise<UnitCalendar>;
  /** The unit's officials (the leaders are told about a "Không hài lòng"). */
  staffOf(unitCode: string): Promise<Leader[]>;
  /** Queues a message in the caller's transaction (the notification module's outbox). */
  enqueue(trx: repo.Exec, n: { channel: 'sms' | 'email'; recipient: string; event: string; subject?: string; body: string; dossierCode?: string; unitCode: string; dedupKey: string }): Promise<boolean>;
  publicUrl: string;
}

const DAY = 86_400_000;

const inputSchema = z.object({
  level: z.enum(RATING_LEVELS, { message: 'Chọn một mức: Rất hài lòng, Hài lòng hoặc Không hài lòng (level: very_satisfied, satisfied, dissatisfied)' }),
  reasons: z.array(z.string()).max(RATING_REASONS.length, 'Chọn tối đa 5 lý do').optional(),
  comment: z.string().optional(),
});

/** Reads `{level, reasons?, comment?}` (JSON or a form); 400 with a code per field otherwise. */
export function parseRatingInput(raw: unknown): RatingInput {
  const problems: Array<{ field: string; code: string; message: string }> = [];
  const r = inputSchema.safeParse(raw ?? {});
  if (!r.success) {
    for (const i of r.error.issues) {
      const field = String(i.path[0] ?? 'level');
      const code = field === 'level' ? 'invalid_level' : field === 'reasons' ? 'invalid_reason' : field === 'comment' ? 'invalid_comment' : 'invalid_input';
      problems.push({ field, code, message: i.message });
    }
    throw new ValidationError('Đánh giá chưa hợp lệ.', problems);
  }
  const reasons = [...new Set(r.data.reasons ?? [])];
  for (const x of reasons) {
    if (!(RATING_REASONS as readonly string[]).includes(x)) {
      problems.push({ field: 'reasons', code: 'invalid_reason', message: `Lý do "${x.slice(0, 40)}" không có trong danh sách: ${RATING_REASONS.map((k) => `${k} (${REASON_LABEL[k]})`).join(', ')}` });
    }
  }
  const comment = cleanText(r.data.comment ?? '').trim();
  if (comment.length > COMMENT_MAX) problems.push({ field: 'comment', code: 'comment_too_long', message: `Ý kiến tối đa ${COMMENT_MAX.toLocaleString('vi-VN')} ký tự` });
  if (problems.length) throw new ValidationError('Đánh giá chưa hợp lệ.', problems);
  return { level: r.data.level, reasons: RATING_REASONS.filter((k) => reasons.includes(k)), comment };
}

const isUniqueViolation = (e: unknown) => /unique|duplicate key/i.test(String((e as Error)?.message ?? e));

/** How long the dossier an official picked waits for the next tap on the unit's tablet. */
export const TABLET_PICK_MS = 10 * 60_000;

export class RatingService {
  /**
   * The dossier the counter official just handed back, per unit, for the next tap on the unit's
   * tablet. Kept in this process's memory: with several app nodes, the tablet's requests must reach
   * the node the official used (or the pick is simply not there, and the tap rates the visit).
   */
  private readonly tabletPicks = new Map<string, { code: string; at: number; by: string }>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly deps: RatingDeps,
  ) {}

  /**
   * Rates a dossier whose result was returned: a new version when it differs from the one in force,
   * refused (409 rating_closed) more than 30 days after the first rating.
   */
  async rateDossier(d: RatedDossier, raw: unknown, by: { actor: RatingActor; source: RatingSource }): Promise<Rating> {
    if (d.status !== 'returned' || !d.code) {
      throw new ConflictError('not_finished', 'Hồ sơ chưa trả kết quả nên chưa thể đánh giá. Ông/Bà có thể đánh giá sau khi nhận kết quả.');
    }
    const input = parseRatingInput(raw);
    return this.write({ ratingId: d.id, dossierId: d.id, dossierCode: d.code, unitCode: d.unitCode }, input, by);
  }

  /**
   * The counter official asks the citizen in front of them to rate this returned dossier on the
   * tablet — once: a dossier already rated is not offered again (the citizen may still change
   * their rating for 30 days through the link or the tracking page).
   */
  async pickForTablet(d: RatedDossier, staff: { unitCode: string; fullName: string }): Promise<void> {
    if (d.unitCode !== staff.unitCode) throw new NotFoundError('Không tìm thấy hồ sơ này trong đơn vị của bạn.', 'dossier_not_found');
    if (d.status !== 'returned' || !d.code) throw new ConflictError('not_finished', 'Hồ sơ chưa trả kết quả nên chưa thể mời đánh giá.');
    const rated = (await repo.ratedLevels(this.db, [d.id])).get(d.id);
    if (rated) {
      throw new ConflictError('already_rated', `Hồ sơ ${d.code} đã được người dân đánh giá "${LEVEL_LABEL[rated.level as RatingLevel] ?? rated.level}" lúc ${formatDateTime(rated.at)}, không mời đánh giá lại.`);
    }
    this.tabletPicks.set(d.unitCode, { code: d.code, at: this.clock.now().getTime(), by: staff.fullName });
  }

  /** The level in force of each rated dossier among these (by dossier id). */
  async ratedLevels(dossierIds: string[]): Promise<Map<string, RatingLevel>> {
    return new Map([...(await repo.ratedLevels(this.db, dossierIds))].map(([id, r]) => [id, r.level as RatingLevel]));
  }

  /** The dossier waiting for the unit's tablet (not taken). */
  tabletPick(unitCode: string): { code: string; at: string; by: string } | undefined {
    const p = this.tabletPicks.get(unitCode);
    if (!p || this.clock.now().getTime() - p.at > TABLET_PICK_MS) return undefined;
    return { code: p.code, at: new Date(p.at).toISOString(), by: p.by };
  }

  /** Takes the dossier waiting for the unit's tablet: the next tap rates it, the one after is a visit again. */
  takeTabletPick(unitCode: string): string | undefined {
    const p = this.tabletPick(unitCode);
    this.tabletPicks.delete(unitCode);
    return p?.code;
  }

  /** A counter visit rated on the tablet, with no dossier: a rating of its own. */
  async rateVisit(unitCode: string, raw: unknown): Promise<Rating> {
    const input = parseRatingInput(raw);
    const id = uuidv7(this.clock.now().getTime());
    return this.write({ ratingId: id, dossierId: null, dossierCode: null, unitCode }, input, { actor: { kind: 'anonymous' }, source: 'counter' });
  }

  /**
   * Reasons added on the tablet's thank-you screen to the rating just given there (the routes
   * check that this device gave it, minutes ago): a new version with the same level.
   */
  async addReasons(ratingId: string, unitCode: string, raw: unknown): Promise<Rating> {
    const latest = await repo.latestVersion(this.db, ratingId);
    if (!latest || latest.unitCode !== unitCode) throw new NotFoundError('Không tìm thấy lượt đánh giá.', 'rating_not_found');
    const input = parseRatingInput({ ...(raw as object), level: latest.level, comment: latest.comment });
    return this.write({ ratingId, dossierId: latest.dossierId, dossierCode: latest.dossierCode, unitCode }, input, { actor: { kind: 'anonymous' }, source: 'counter' });
  }

  /** The newest version of a rating (for the tablet's reasons step). */
  findRating(ratingId: string): Promise<Rating | undefined> {
    return repo.latestVersion(this.db, ratingId);
  }

  private async write(
    key: { ratingId: string; dossierId: string | null; dossierCode: string | null; unitCode: string },
    input: RatingInput,
    by: { actor: RatingActor; source: RatingSource },
  ): Promise<Rating> {
    const now = this.clock.now();
    const iso = now.toISOString();
    // Read before the transaction: SQLite has one connection, and the transaction holds it.
    const notify = input.level === 'dissatisfied' ? { cal: await this.deps.calendarOf(key.unitCode), staff: await this.deps.staffOf(key.unitCode) } : undefined;
    try {
      return await this.db.transaction().execute(async (trx) => {
        const latest = await repo.latestVersion(trx, key.ratingId);
        if (latest && now.getTime() > new Date(latest.firstRatedAt).getTime() + CHANGE_WINDOW_DAYS * DAY) {
          throw new ConflictError(
            'rating_closed',
            `Đánh giá chỉ được thay đổi trong ${CHANGE_WINDOW_DAYS} ngày kể từ lần đánh giá đầu tiên (${formatDate(latest.firstRatedAt)}). Đánh giá "${LEVEL_LABEL[latest.level]}" được giữ nguyên.`,
          );
        }
        // The same answer again (a double tap, a reloaded form) is not a new version.
        if (latest && latest.level === input.level && latest.comment === input.comment && latest.reasons.join(',') === input.reasons.join(',')) return latest;
        const row = {
          id: uuidv7(now.getTime()),
          rating_id: key.ratingId,
          version: (latest?.version ?? 0) + 1,
          dossier_id: key.dossierId,
          dossier_code: key.dossierCode,
          unit_code: key.unitCode,
          source: by.source,
          level: input.level,
          reasons: JSON.stringify(input.reasons),
          comment: input.comment,
          actor_kind: by.actor.kind,
          actor_id: by.actor.kind === 'anonymous' ? null : by.actor.id,
          first_rated_at: latest?.firstRatedAt ?? iso,
          created_at: iso,
        };
        await repo.insertVersion(trx, row);
        const rating = repo.toRating(row);
        if (notify && latest?.level !== 'dissatisfied') await this.openFollowUp(trx, rating, notify);
        return rating;
      });
    } catch (e) {
      // Two versions written at once (two taps): the second loses on the unique (rating, version).
      if (isUniqueViolation(e)) throw new ConflictError('rating_changed', 'Đánh giá vừa được ghi nhận từ một thao tác khác. Xin tải lại trang để xem.');
      throw e;
    }
  }

  /** Opens a follow-up (unless one is still waiting) and tells the unit's leaders through the outbox. */
  private async openFollowUp(trx: repo.Exec, r: Rating, ctx: { cal: UnitCalendar; staff: Leader[] }): Promise<void> {
    if (await repo.findOpenFollowUp(trx, r.ratingId)) return;
    const now = new Date(r.ratedAt);
    const cal = ctx.cal;
    // The end (23:59 in Vietnam) of the third working day after the rating.
    const day = addWorkingDays(vnDateOf(now), ANSWER_WORKING_DAYS, cal);
    const dueAt = new Date(new Date(`${day}T23:59:59.999+07:00`).getTime()).toISOString();
    const id = uuidv7(now.getTime());
    await repo.insertFollowUp(trx, {
      id,
      rating_id: r.ratingId,
      version_id: r.versionId,
      dossier_id: r.dossierId,
      dossier_code: r.dossierCode,
      unit_code: r.unitCode,
      opened_at: r.ratedAt,
      due_at: dueAt,
      answer: null,
      answered_at: null,
      answered_by_id: null,
      answered_by_name: null,
    });
    const what = r.dossierCode ? `hồ sơ ${r.dossierCode}` : 'một lượt giao dịch tại quầy';
    const reasons = r.reasons.length ? ` Lý do: ${r.reasons.map((k) => REASON_LABEL[k]).join(', ')}.` : '';
    const text = r.dossierId
      ? `Người dân đánh giá "Không hài lòng" với ${what}.${reasons} Xin trả lời trước ${formatDateTime(dueAt)}: ${this.deps.publicUrl}/can-bo/danh-gia`
      : `Có đánh giá "Không hài lòng" trên máy tính bảng tại quầy.${reasons} Xem các phản ánh và trả lời trước ${formatDateTime(dueAt)}: ${this.deps.publicUrl}/can-bo/danh-gia`;
    const leaders = ctx.staff.filter((s) => s.role === 'leader' && s.active !== false);
    // A public tablet can be tapped by anyone: its visits tell the leaders at most once an hour
    // (the follow-up list has each one), so taps cannot flood their phones.
    const hour = r.ratedAt.slice(0, 13);
    for (const s of leaders) {
      const dedup = r.dossierId ? `rating:${id}:${s.id}` : `rating:visit:${r.unitCode}:${hour}:${s.id}`;
      if (s.phone) await this.deps.enqueue(trx, { channel: 'sms', recipient: s.phone, event: 'rating_dissatisfied', body: text, dossierCode: r.dossierCode ?? undefined, unitCode: r.unitCode, dedupKey: `${dedup}:sms` });
      if (s.email) {
        const body = `Kính gửi Ông/Bà ${s.fullName},\n\n${text}${r.comment ? `\n\nÝ kiến của người dân: ${r.comment}` : ''}`;
        await this.deps.enqueue(trx, { channel: 'email', recipient: s.email, event: 'rating_dissatisfied', subject: `Người dân không hài lòng: ${what}`, body, dossierCode: r.dossierCode ?? undefined, unitCode: r.unitCode, dedupKey: `${dedup}:email` });
      }
    }
  }

  /** A dossier's rating: the version in force, every version, the follow-up and its answer. */
  async forDossier(dossierId: string): Promise<{ current?: Rating; history: Rating[]; followUp?: FollowUp; changeable: boolean }> {
    const history = await repo.listVersions(this.db, dossierId);
    const current = history.at(-1);
    const now = this.clock.now().toISOString();
    const f = await repo.latestFollowUp(this.db, dossierId);
    return { current, history, followUp: f ? repo.toFollowUp(f, now) : undefined, changeable: !current || now <= current.changeableUntil };
  }

  /** The follow-up list of units (leader, admin, supervisor of those units), each with the rating in force. */
  async listFollowUps(unitCodes: string[], state: 'open' | 'overdue' | 'answered' | 'all' = 'all'): Promise<FollowUp[]> {
    const now = this.clock.now().toISOString();
    const rows = await repo.listFollowUps(this.db, unitCodes, { state, now });
    return Promise.all(rows.map(async (r) => ({ ...repo.toFollowUp(r, now), rating: await repo.latestVersion(this.db, r.rating_id) })));
  }

  async getFollowUp(id: string, unitCodes: string[]): Promise<FollowUp> {
    const r = await repo.findFollowUp(this.db, id);
    if (!r || !unitCodes.includes(r.unit_code)) throw new NotFoundError('Không tìm thấy phản ánh này trong đơn vị của bạn.', 'followup_not_found');
    return { ...repo.toFollowUp(r, this.clock.now().toISOString()), rating: await repo.latestVersion(this.db, r.rating_id) };
  }

  /** The unit's leader (or admin) answers; the citizen reads it on the tracking page. Answered once. */
  async answerFollowUp(id: string, staff: RatingStaff, rawAnswer: unknown): Promise<FollowUp> {
    if (staff.role !== 'leader' && staff.role !== 'admin') throw new ForbiddenError('Chỉ lãnh đạo hoặc quản trị đơn vị trả lời phản ánh của người dân.', 'role_forbidden');
    const f = await this.getFollowUp(id, [staff.unitCode]);
    const answer = cleanText(typeof rawAnswer === 'string' ? rawAnswer : '').trim();
    if (answer.length < 10) throw new ValidationError('Câu trả lời quá ngắn: xin viết cho người dân ít nhất 10 ký tự.', [{ field: 'answer', code: 'answer_too_short', message: 'Viết câu trả lời cho người dân (ít nhất 10 ký tự)' }]);
    if (answer.length > ANSWER_MAX) throw new ValidationError(`Câu trả lời quá dài: tối đa ${ANSWER_MAX.toLocaleString('vi-VN')} ký tự.`, [{ field: 'answer', code: 'answer_too_long', message: `Câu trả lời tối đa ${ANSWER_MAX.toLocaleString('vi-VN')} ký tự` }]);
    if (f.answeredAt) throw new ConflictError('already_answered', `Phản ánh này đã được ${f.answeredBy ?? 'cán bộ'} trả lời lúc ${formatDateTime(f.answeredAt)}.`);
    const ok = await repo.answerFollowUp(this.db, id, { answer, at: this.clock.now().toISOString(), byId: staff.id, byName: staff.fullName });
    if (!ok) throw new ConflictError('already_answered', 'Phản ánh này vừa được trả lời.');
    return this.getFollowUp(id, [staff.unitCode]);
  }

  /** Counts for dashboards: follow-ups opened in [from, to) as they stood at `asOf` (default now). */
  async followUpCounts(unitCodes: string[], range: { from?: string; to?: string; asOf?: string } = {}): Promise<FollowUpCounts> {
    return followUpCounts(this.db, unitCodes, { ...range, asOf: range.asOf ?? this.clock.now().toISOString() });
  }
}

/**
 * The ratings first given in [from, to) by citizens of `unitCodes`, each as it stood at `asOf`
 * (default: `to`, so a closed period never changes; pass the current time for a live period).
 */
export function ratingFacts(db: Kysely<DB>, q: { unitCodes: string[]; from: string | Date; to: string | Date; asOf?: string | Date }): Promise<RatingFact[]> {
  const iso = (v: string | Date) => (typeof v === 'string' ? v : v.toISOString());
  return repo.facts(db, { unitCodes: q.unitCodes, from: iso(q.from), to: iso(q.to), asOf: iso(q.asOf ?? q.to) });
}

/** The dossiers disliked at `asOf` among the ratings first given in [from, to), as a query (see repo.dissatisfiedQuery). */
export function dissatisfiedQuery(db: Kysely<DB>, q: { unitCodes: string[]; from: string; to: string; asOf: string }) {
  return repo.dissatisfiedQuery(db, q);
}

/** Follow-ups opened in [from, to) (any time when omitted), counted as they stood at `asOf`. */
export async function followUpCounts(db: Kysely<DB>, unitCodes: string[], range: { from?: string | Date; to?: string | Date; asOf: string | Date }): Promise<FollowUpCounts> {
  const iso = (v: string | Date | undefined) => (v === undefined ? undefined : typeof v === 'string' ? v : v.toISOString());
  const asOf = iso(range.asOf)!;
  const rows = await repo.followUpRows(db, unitCodes, { from: iso(range.from), to: iso(range.to), asOf });
  const out: FollowUpCounts = { open: 0, overdue: 0, answered: 0, answeredLate: 0, total: rows.length };
  for (const r of rows) {
    if (r.answered_at && r.answered_at <= asOf) {
      out.answered++;
      if (r.answered_at > r.due_at) out.answeredLate++;
    } else if (asOf > r.due_at) out.overdue++;
    else out.open++;
  }
  return out;
}

/** A citizen's "Không hài lòng" waiting for the unit's answer, as it stood at an instant (indicators). */
export interface FollowUpFact {
  id: string;
  unitCode: string;
  dossierCode: string | null;
  openedAt: string;
  dueAt: string;
  /** Null when not answered before the instant asked about. */
  answeredAt: string | null;
}

/** The follow-ups opened in [from, asOf) of `unitCodes`, as they stood at `asOf` (an answer given later is not seen). */
export async function followUpFacts(db: Kysely<DB>, q: { unitCodes: string[]; from: string; asOf: string }): Promise<FollowUpFact[]> {
  const rows = await repo.followUpRows(db, q.unitCodes, { from: q.from, to: q.asOf, asOf: q.asOf });
  return rows
    .map((r) => ({ id: r.id, unitCode: r.unit_code, dossierCode: r.dossier_code, openedAt: r.opened_at, dueAt: r.due_at, answeredAt: r.answered_at && r.answered_at < q.asOf ? r.answered_at : null }))
    .sort((a, b) => a.openedAt.localeCompare(b.openedAt) || a.id.localeCompare(b.id));
}
