import type { AccountService } from '../account';
import type { ScoringService } from './scoring.service';

/** The demo's scoring table: the six groups of Decision 766 read from the indicators, and three manual criteria (100 points). */
const DEMO_CRITERIA = [
  { name: 'Tỷ lệ hồ sơ giải quyết đúng hạn', maxPoints: 20, kind: 'auto', indicatorKey: 'on_time_rate', threshold: 0.95 },
  { name: 'Tỷ lệ hồ sơ tiếp nhận trực tuyến', maxPoints: 10, kind: 'auto', indicatorKey: 'online_rate', threshold: 0.8 },
  { name: 'Tỷ lệ số hóa hồ sơ, kết quả', maxPoints: 10, kind: 'auto', indicatorKey: 'digitisation_rate', threshold: 0.9 },
  { name: 'Mức độ hài lòng của người dân', maxPoints: 10, kind: 'auto', indicatorKey: 'satisfaction_rate', threshold: 0.95 },
  { name: 'Công tác chỉ đạo, điều hành cải cách hành chính', maxPoints: 20, kind: 'manual', guidance: 'Kế hoạch, văn bản chỉ đạo trong tháng; gửi kèm văn bản.' },
  { name: 'Niêm yết, công khai thủ tục hành chính', maxPoints: 15, kind: 'manual', guidance: 'Ảnh chụp bảng niêm yết, mã QR tại bộ phận một cửa.' },
  { name: 'Kỷ luật, kỷ cương hành chính', maxPoints: 15, kind: 'manual', guidance: 'Không có phản ánh, kiến nghị về thái độ cán bộ.' },
] as const;

/** A stable pseudo-random fraction for the demo's self-assessments (same data on every start). */
function fraction(...parts: string[]): number {
  let h = 2166136261;
  for (const c of parts.join('|')) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return ((h >>> 0) % 1000) / 1000;
}

const monthBefore = (month: string, n: number) => {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 - n;
  const yy = y + Math.floor(m / 12);
  return `${yy}-${String((((m % 12) + 12) % 12) + 1).padStart(2, '0')}`;
};

/**
 * Demo only (`npm start` on an empty database, after the demo history): Thành phố Hà Nội's
 * supervisor scores its wards for the last `months` months (self-assessed, one adjustment with its
 * reason each month, finalised) and opens the current month, so that the rankings show something.
 * Nothing is written when the supervisor account or a table already exists. Returns the tables written.
 */
export async function seedScoringDemo(s: { scoring: ScoringService; accounts: AccountService }, now: Date, months = 3): Promise<number> {
  const sup = await s.accounts.findStaffByUsername('giamsat');
  if (!sup || sup.role !== 'supervisor') return 0;
  if ((await s.scoring.list(sup)).length) return 0;
  const wards = await s.scoring.unitsOf(sup.unitCode);
  const assessors = new Map<string, Awaited<ReturnType<AccountService['listStaff']>>[number]>();
  for (const w of wards) {
    const a = (await s.accounts.listStaff([w.code])).find((x) => x.role === 'leader') ?? (await s.accounts.listStaff([w.code])).find((x) => x.role === 'admin');
    if (a) assessors.set(w.code, a);
  }
  const current = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 7);
  let written = 0;
  for (let k = months; k >= 0; k--) {
    const month = monthBefore(current, k);
    const t = await s.scoring.createTable(sup, { month, criteria: DEMO_CRITERIA.map((c) => ({ ...c })) }, { demo: true });
    written++;
    const criteria = (await s.scoring.view(sup, t.id)).criteria.filter((c) => c.kind === 'manual');
    for (const w of wards) {
      const who = assessors.get(w.code);
      if (!who) continue;
      // The current month is half done: only the first criterion self-assessed.
      for (const c of k === 0 ? criteria.slice(0, 1) : criteria) {
        const pts = Math.round(c.maxPoints * (0.7 + 0.3 * fraction(w.code, month, c.name)) * 2) / 2;
        await s.scoring.selfAssess(who, t.id, { criterion: c.id, points: pts, note: 'Đơn vị tự đánh giá theo kế hoạch cải cách hành chính của tháng.' });
      }
    }
    if (k === 0) continue;
    const w = wards[(k + 1) % wards.length];
    const c = criteria[k % criteria.length];
    if (w && c) await s.scoring.adjust(sup, t.id, { unit: w.code, criterion: c.id, points: Math.max(0, c.maxPoints - 5), reason: 'Minh chứng chưa đầy đủ theo hướng dẫn chấm điểm (dữ liệu mẫu).' });
    await s.scoring.finalise(sup, t.id);
  }
  return written;
}
