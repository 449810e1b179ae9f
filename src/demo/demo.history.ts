import type { AccountService } from '../account';
import { addWorkingMillis, isWorkingDay, workingDayLength, workingMillisBetween, type UnitCalendar } from '../calendar';
import type { CatalogService } from '../catalog';
import type { Actor, Dossier, DossierService, DossierWorkflow } from '../dossier';
import { signVnpay, vnpDate, type PaymentService } from '../payment';
import type { NotificationService } from '../notification';
import type { RatingService } from '../rating';
import { ForbiddenError } from '../shared/errors';
import { Simulation, seeded, type Random } from './demo.sim';
import { fakeApplicant, fillEForm } from './demo.people';
import { demoResultPdf } from './demo.result-pdf';

/**
 * The demo history (issue 11): a year of dossiers of both demo wards, written on the first
 * `npm start` through the same services as real dossiers — draft, papers, submission or counter
 * receipt, the action engine's every step, fees paid at the counter or through (the fake) VNPay,
 * supplements that stop the clock, results returned — with the clock set to each moment. So every
 * indicator, list and chart is computed from a history made like a real one. Every dossier it
 * writes carries the demo mark (migration 018); the dossier service refuses the mark unless the
 * app runs in demo mode, and only demo start-up calls this.
 */

export interface DemoHistoryDeps {
  dossiers: DossierService;
  dossierWorkflow: DossierWorkflow;
  payments: PaymentService;
  accounts: AccountService;
  catalog: CatalogService;
  /** Ratings after the result is returned (absent: no ratings in the history). */
  ratings?: RatingService;
  /** The demo's fake VNPay (demo mode): online fees are settled by its signed notification. */
  vnpay?: { tmnCode: string; hashSecret: string };
  /** The outbox: the history's messages are written as delivered to the demo inbox at once. */
  notifications?: NotificationService;
}

export interface DemoHistoryOptions {
  /** Months back from now (12 by default). */
  months?: number;
  /** Dossiers per working day and ward, on average (by ward code). */
  perDay?: Record<string, number>;
  /** The history stops here (default: the clock's own now when called). */
  until?: Date;
  seed?: number;
}

export interface DemoHistoryResult {
  dossiers: number;
  actions: number;
  failures: number;
  ms: number;
}

/** Ba Đình is the busier ward. */
export const DEMO_HISTORY_PER_DAY: Record<string, number> = { '00004': 5, '00082': 3 };

const HOUR = 3_600_000;
const VN = 7 * HOUR;
/** A small but real PDF, the same bytes for every paper: the content-addressed store keeps one. */
/** Results marked ready this close to the end of the history are signed. */
const SIGNED_RECENT_MS = 7 * 24 * HOUR;
const PAPER = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

type StaffActor = Extract<Actor, { kind: 'staff' }>;
interface Desk {
  receptionist: StaffActor;
  leader: StaffActor;
  specialists: Array<StaffActor & { fields: string[] }>;
  calendar: UnitCalendar;
  procedures: Array<{ code: string; name: string; field: string; online: boolean; weight: number }>;
}

const SUPPLEMENT_ITEMS = [
  'Bản sao Giấy khai sinh có chứng thực',
  'Giấy xác nhận tình trạng hôn nhân',
  'Bản chụp Căn cước công dân rõ nét cả hai mặt',
  'Giấy ủy quyền có chứng thực',
  'Tờ khai ghi đầy đủ ngày, tháng, năm sinh',
];

/** Days of Vietnam time between two instants' dates, inclusive: 'YYYY-MM-DD' of each. */
function vnDays(from: Date, to: Date): string[] {
  const out: string[] = [];
  const day = (t: number) => new Date(t + VN).toISOString().slice(0, 10);
  for (let t = Date.parse(day(from.getTime()) + 'T00:00:00Z'), end = Date.parse(day(to.getTime()) + 'T00:00:00Z'); t <= end; t += 24 * HOUR) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** An instant on a Vietnam day, `hours` after its midnight. */
function vnAt(day: string, hours: number): number {
  return Date.parse(day + 'T00:00:00Z') - VN + hours * HOUR;
}

export async function writeDemoHistory(
  deps: DemoHistoryDeps,
  clock: { now(): Date; set(t: number): void },
  opts: DemoHistoryOptions = {},
): Promise<DemoHistoryResult> {
  if (!deps.dossiers.demoMode) throw new ForbiddenError('Chỉ ghi được lịch sử mẫu khi chạy ở chế độ trình diễn (DEMO=on).', 'demo_off');
  const started = Date.now();
  const until = opts.until ?? clock.now();
  const months = opts.months ?? 12;
  const from = new Date(until);
  from.setUTCMonth(from.getUTCMonth() - months);
  const r = seeded(opts.seed ?? 20261203);
  const perDay = opts.perDay ?? DEMO_HISTORY_PER_DAY;
  const sim = new Simulation(clock, until.getTime());
  const desks = new Map<string, Desk>();
  for (const unit of Object.keys(perDay)) desks.set(unit, await deskOf(deps, unit));
  const forms = new Map<string, Promise<{ formData: Record<string, unknown>; required: string[] }>>();
  const formOf = (unit: string, proc: string) => {
    const k = `${unit}/${proc}`;
    if (!forms.has(k)) {
      forms.set(
        k,
        deps.dossiers.formFor(unit, proc).then((f) => ({
          formData: fillEForm(f.jsonSchema),
          required: (f.cases.find((c) => c.kind === 'general')?.components ?? []).filter((c) => c.required).map((c) => c.id),
        })),
      );
    }
    return forms.get(k)!;
  };
  const broken = new Set<string>();
  const count = { dossiers: 0, actions: 0 };
  const days = vnDays(from, until);
  days.forEach((day, i) => {
    const progress = i / days.length;
    for (const [unit, rate] of Object.entries(perDay)) {
      const desk = desks.get(unit)!;
      const working = isWorkingDay(day, desk.calendar);
      // Online submissions grow over the year (the commune's campaign), and come on weekends too.
      const pOnline = 0.4 + 0.3 * progress;
      const n = working ? Math.round(rate * r.between(0.6, 1.4)) : r.chance(0.5) ? r.int(0, Math.ceil(rate / 3)) : 0;
      for (let k = 0; k < n; k++) {
        const online = !working || r.chance(pOnline);
        const channel = online ? 'online' : r.chance(0.1) ? 'post' : 'in_person';
        const t = online ? vnAt(day, r.between(6, 23)) : vnAt(day, r.chance(0.6) ? r.between(7.6, 11.3) : r.between(13.6, 16.8));
        if (t > until.getTime() || t < from.getTime()) continue;
        sim.spawn(t, () => life(unit, channel, progress));
      }
    }
  });

  const act = async (d: Dossier, actor: Actor, body: { type: string } & Record<string, unknown>, o: { owner?: boolean; file?: { data: Buffer; filename: string }; sign?: boolean } = {}) => {
    count.actions++;
    return (await deps.dossierWorkflow.act(d, actor, body, o)).dossier;
  };
  const reload = async (d: Dossier) => (await deps.dossiers.findByCode(d.code!))!;
  /** Waits `ms` of working time (the office's hours and days). */
  const work = (desk: Desk, ms: number) => sim.at(addWorkingMillis(clock.now(), Math.max(60_000, ms), desk.calendar).getTime());

  async function life(unit: string, channel: 'online' | 'in_person' | 'post', progress: number): Promise<void> {
    const desk = desks.get(unit)!;
    const choices = desk.procedures.filter((p) => !broken.has(p.code) && (channel !== 'online' || p.online));
    const proc = weighted(r, choices);
    if (!proc) return;
    const applicant = fakeApplicant(r);
    const anon: Actor = { kind: 'anonymous' };
    const creator: Actor = channel === 'online' ? anon : desk.receptionist;
    const post = channel === 'post' || r.chance(0.12);
    let d: Dossier;
    const form = await formOf(unit, proc.code);
    // Papers scanned at the counter more and more often over the year; online, always attached.
    const digitise = channel === 'online' || r.chance(0.55 + 0.4 * progress);
    try {
      d = (
        await deps.dossiers.createDraft(
          { unitCode: unit, procedureCode: proc.code, channel, applicant, formData: form.formData, delivery: post ? { method: 'post', address: applicant.address } : { method: 'counter' }, demo: true },
          creator,
        )
      ).dossier;
      if (digitise) for (const c of form.required) await deps.dossiers.addAttachment(d, c, { data: PAPER, filename: `${c}.pdf`, declaredType: 'application/pdf' });
      d = await deps.dossiers.submit(d, creator, { formData: form.formData, phoneVerified: true });
    } catch (e) {
      // A procedure whose e-form the filler cannot satisfy is left out of the demo.
      if ((e as { fields?: Array<{ field: string }> }).fields?.some((f) => f.field.startsWith('formData.'))) broken.add(proc.code);
      throw e;
    }
    count.dossiers++;
    count.actions++;

    if (channel === 'online') {
      await work(desk, r.between(0.3, 6) * HOUR);
      if (r.chance(0.04)) {
        await act(d, desk.receptionist, { type: 'refuse', reason: 'Thủ tục không thuộc thẩm quyền giải quyết của phường.' });
        return;
      }
      d = await act(d, desk.receptionist, { type: 'accept' });
    }

    // Fees: asked at reception (the clock stops), paid at the counter or online.
    const fee = await deps.payments.estimate(unit, proc.code, channel).catch(() => undefined);
    if (fee && fee.amount > 0) {
      d = await act(d, desk.receptionist, { type: 'request_payment', amount: fee.amount });
      const online = deps.vnpay && (channel === 'online' ? r.chance(0.35 + 0.5 * progress) : r.chance(0.1));
      if (online) {
        await sim.at(clock.now().getTime() + r.between(0.2, 20) * HOUR);
        await payOnline(d);
      } else {
        await work(desk, channel === 'online' ? r.between(4, 16) * HOUR : r.between(0.1, 0.4) * HOUR);
        await deps.payments.recordCash(await reload(d), desk.receptionist);
      }
      count.actions++;
      d = await reload(d);
      if (d.status === 'payment_requested') return;
    }

    // The working time this dossier will take: most well within the time, some late.
    const day = workingDayLength(desk.calendar);
    const allowed = d.dueAt ? Math.max(HOUR, workingMillisBetween(clock.now(), new Date(d.dueAt), desk.calendar)) : r.between(1, 3) * day;
    const use = allowed * (r.chance(0.1) ? r.between(1.1, 1.9) : r.between(0.25, 0.95));
    const specialist = desk.specialists.find((s) => s.fields.includes(proc.field)) ?? r.pick(desk.specialists);

    await work(desk, use * 0.04);
    d = await act(d, desk.receptionist, { type: 'forward' });
    await work(desk, use * 0.06);
    d = await act(d, desk.leader, { type: 'assign', assignee: specialistName(specialist) });
    const supplements = r.chance(0.13) ? (r.chance(0.25) ? 2 : 1) : 0;
    for (let s = 0; s < supplements; s++) {
      await work(desk, use * 0.15);
      d = await act(d, specialist, { type: 'request_supplement', items: [r.pick(SUPPLEMENT_ITEMS)], message: 'Xin bổ sung một lần đủ các giấy tờ trên.' });
      await work(desk, r.between(0.5, 5) * day);
      d = await act(await reload(d), anon, { type: 'supplement', comment: 'Đã bổ sung giấy tờ.' }, { owner: true });
    }
    await work(desk, use * (0.5 - 0.15 * supplements));
    d = await act(d, specialist, { type: 'propose_result', proposal: 'approve', comment: 'Hồ sơ đủ điều kiện.' });
    await work(desk, use * 0.15);
    if (r.chance(0.03)) {
      await act(d, desk.leader, { type: 'reject', reason: 'Hồ sơ không đủ điều kiện theo quy định.' });
      return;
    }
    d = await act(d, desk.leader, { type: 'approve' });
    await work(desk, use * 0.15);
    // The last week's electronic results are real PDFs, signed with the demo certificate (issue 14);
    // older ones keep a placeholder file, unsigned (signing thousands would slow the first start).
    const recent = until.getTime() - clock.now().getTime() < SIGNED_RECENT_MS;
    d = d.digitised
      ? await act(
          d,
          desk.leader,
          { type: 'mark_result_ready' },
          recent
            ? { file: { data: await demoResultPdf({ procedureName: proc.name, code: d.code!, applicant: d.applicant.fullName, at: clock.now() }), filename: `ket-qua-${d.code}.pdf` } }
            : { file: { data: PAPER, filename: `ket-qua-${d.code}.pdf` }, sign: false },
        )
      : await act(d, desk.leader, { type: 'mark_result_ready', note: 'Kết quả bản giấy, lưu tại bộ phận một cửa.' });
    await work(desk, r.between(0.1, 2.5) * day);
    d = post
      ? await act(d, desk.receptionist, { type: 'return_result', method: 'post', trackingNumber: `EB${r.int(100_000_000, 999_999_999)}VN` })
      : await act(d, desk.receptionist, { type: 'return_result', method: 'in_person', receiverName: d.applicant.fullName });
    if (deps.ratings && r.chance(0.65)) await rate(desk, d, use > allowed);
  }

  /** Most citizens rate after the result; a late result is more often "Không hài lòng". */
  async function rate(desk: Desk, d: Dossier, late: boolean): Promise<void> {
    const ratings = deps.ratings!;
    await sim.at(clock.now().getTime() + r.between(0.1, 48) * HOUR);
    const x = r.next();
    const unhappy = late ? 0.3 : 0.04;
    const level = x < unhappy ? 'dissatisfied' : x < unhappy + 0.35 ? 'satisfied' : 'very_satisfied';
    const reasons = level === 'dissatisfied' ? [late ? 'time' : r.pick(['staff_attitude', 'guidance', 'fees'] as const)] : [];
    const source = d.channel === 'online' ? r.pick(['link', 'tracking'] as const) : r.pick(['counter', 'link'] as const);
    await ratings.rateDossier(await reload(d), { level, reasons, comment: level === 'dissatisfied' ? 'Mong cán bộ giải quyết nhanh hơn.' : '' }, { actor: { kind: 'anonymous' }, source });
    count.actions++;
    if (level !== 'dissatisfied') return;
    // The leader answers most follow-ups within the deadline.
    if (!r.chance(0.85)) return;
    await work(desk, r.between(0.5, 3) * workingDayLength(desk.calendar));
    const f = (await ratings.forDossier(d.id)).followUp;
    if (f && !f.answeredAt) {
      const leader = { id: desk.leader.id, fullName: desk.leader.name, role: 'leader', unitCode: desk.leader.unitCode };
      await ratings.answerFollowUp(f.id, leader, 'Đơn vị xin lỗi Ông/Bà và đã nhắc nhở bộ phận liên quan rút kinh nghiệm.');
    }
  }

  /** The citizen pays through the (fake) gateway: an order, then VNPay's signed notification. */
  async function payOnline(d: Dossier): Promise<void> {
    const order = await deps.payments.createVnpayPayment(await reload(d), '127.0.0.1');
    const v = deps.vnpay!;
    const result: Record<string, string> = {
      vnp_Amount: String(order.amount * 100),
      vnp_BankCode: 'NCB',
      vnp_BankTranNo: `VNP${r.int(10_000_000, 99_999_999)}`,
      vnp_CardType: 'ATM',
      vnp_OrderInfo: `Thanh toan phi le phi ho so ${d.code}`,
      vnp_PayDate: vnpDate(clock.now()),
      vnp_ResponseCode: '00',
      vnp_TmnCode: v.tmnCode,
      vnp_TransactionNo: String(r.int(10_000_000, 99_999_999)),
      vnp_TransactionStatus: '00',
      vnp_TxnRef: order.orderRef,
    };
    await deps.payments.handleVnpayIpn({ ...result, vnp_SecureHash: signVnpay(result, v.hashSecret) });
  }

  // Every message of the history (receipts, fee notices, results, the leaders' "Không hài lòng"
  // alerts…) is written by the real code paths, as already delivered to the demo inbox at its
  // moment: thousands of made-up messages never wait in the outbox for the worker.
  if (deps.notifications) await deps.notifications.deliveredToDemoInbox(() => sim.run());
  else await sim.run();
  return { dossiers: count.dossiers, actions: count.actions, failures: sim.failures, ms: Date.now() - started, ...(sim.failures ? { lastError: sim.lastError } : {}) };
}

const usernames = new WeakMap<object, string>();
function specialistName(s: StaffActor): string {
  return usernames.get(s)!;
}

async function deskOf(deps: DemoHistoryDeps, unit: string): Promise<Desk> {
  const staff = (await deps.accounts.listStaff([unit])).filter((s) => s.active !== false);
  const actor = (s: (typeof staff)[number]) => {
    const a = { kind: 'staff' as const, id: s.id, unitCode: s.unitCode, role: s.role, name: s.fullName, fields: s.fields };
    usernames.set(a, s.username);
    return a;
  };
  const one = (role: string) => {
    const s = staff.find((x) => x.role === role);
    if (!s) throw new Error(`Đơn vị ${unit} chưa có tài khoản vai trò ${role} để ghi lịch sử mẫu.`);
    return actor(s);
  };
  const specialists = staff.filter((s) => s.role === 'specialist').map(actor);
  if (!specialists.length) throw new Error(`Đơn vị ${unit} chưa có chuyên viên để ghi lịch sử mẫu.`);
  const catalog = await deps.catalog.unitCatalog(unit);
  const procedures: Desk['procedures'] = [];
  for (const [code, entry] of catalog.entries) {
    const p = await deps.catalog.findProcedure(code);
    if (!p) continue;
    procedures.push({ code, name: p.name, field: p.field, online: p.channels.some((c) => c.kind === 'online'), weight: entry.essential ? 4 : 1 });
  }
  return { receptionist: one('receptionist'), leader: one('leader'), specialists, calendar: await deps.dossiers.calendarOf(unit), procedures };
}

function weighted<T extends { weight: number }>(r: Random, xs: T[]): T | undefined {
  const total = xs.reduce((n, x) => n + x.weight, 0);
  let pick = r.next() * total;
  for (const x of xs) if ((pick -= x.weight) < 0) return x;
  return xs.at(-1);
}
