/**
 * Queue statistics (issue 13 "Counters", last bullet): waiting time and service time per service,
 * counter, official, hour and weekday; the no-show rate; the busiest hours. Computed from the
 * queue's `ticketFacts` only (this module never reads the queue's tables).
 *
 * - waiting time: taken → called (tickets that were called); an appointment's ticket taken before
 *   its slot waits from the slot (arriving early is not waiting: the queue calls it at its slot);
 * - service time: service started (called when no separate start was recorded) → done;
 * - no-show rate: no-shows among the tickets called (done + no-show);
 * - hour and weekday: of the time the ticket was taken, in Vietnam time.
 */
import * as echarts from 'echarts';
import ExcelJS from 'exceljs';
import type { TicketFact } from './appointment.types';

export interface StatRow {
  key: string;
  label: string;
  tickets: number;
  called: number;
  done: number;
  noShow: number;
  /** Minutes, one decimal; null when nothing to average. */
  avgWait: number | null;
  maxWait: number | null;
  avgService: number | null;
  /** no-shows / (done + no-shows); null when none called. */
  noShowRate: number | null;
}

export interface QueueStats {
  from: string;
  to: string;
  total: StatRow;
  byService: StatRow[];
  byCounter: StatRow[];
  byOfficial: StatRow[];
  byHour: StatRow[];
  byWeekday: StatRow[];
  bySource: StatRow[];
}

const VN_OFFSET_MS = 7 * 3_600_000;
const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const SOURCE_TEXT: Record<string, string> = { kiosk: 'Máy lấy số', web: 'Trên mạng', assistant: 'Trợ lý ảo', zalo: 'Zalo', counter: 'Tại quầy', appointment: 'Lịch hẹn' };

const minutes = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 60_000;
const round1 = (n: number) => Math.round(n * 10) / 10;
const avg = (xs: number[]) => (xs.length ? round1(xs.reduce((s, x) => s + x, 0) / xs.length) : null);

/** The start of a ticket's wait: taken, or its appointment's slot when it came early. */
export function waitFrom(f: Pick<TicketFact, 'takenAt' | 'slotAt'>): string {
  return f.slotAt && Date.parse(f.slotAt) > Date.parse(f.takenAt) ? f.slotAt : f.takenAt;
}

function row(key: string, label: string, facts: TicketFact[]): StatRow {
  const waits = facts.filter((f) => f.calledAt).map((f) => Math.max(0, minutes(waitFrom(f), f.calledAt!)));
  const services = facts.filter((f) => f.status === 'done' && f.doneAt && (f.servedAt ?? f.calledAt)).map((f) => minutes(f.servedAt ?? f.calledAt!, f.doneAt!));
  const done = facts.filter((f) => f.status === 'done').length;
  const noShow = facts.filter((f) => f.status === 'no_show').length;
  return {
    key,
    label,
    tickets: facts.length,
    called: waits.length,
    done,
    noShow,
    avgWait: avg(waits),
    maxWait: waits.length ? round1(Math.max(...waits)) : null,
    avgService: avg(services),
    noShowRate: done + noShow ? noShow / (done + noShow) : null,
  };
}

function groupBy(facts: TicketFact[], keyOf: (f: TicketFact) => string | null, labelOf: (k: string) => string, order?: (a: string, b: string) => number): StatRow[] {
  const groups = new Map<string, TicketFact[]>();
  for (const f of facts) {
    const k = keyOf(f);
    if (k === null) continue;
    groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  const keys = [...groups.keys()].sort(order ?? ((a, b) => a.localeCompare(b)));
  return keys.map((k) => row(k, labelOf(k), groups.get(k)!));
}

export function vnHour(iso: string): number {
  return new Date(Date.parse(iso) + VN_OFFSET_MS).getUTCHours();
}
export function vnWeekday(iso: string): number {
  return new Date(Date.parse(iso) + VN_OFFSET_MS).getUTCDay();
}

export function queueStats(facts: TicketFact[], opts: { from: string; to: string; serviceName?: (c: string) => string; officialName?: (id: string) => string }): QueueStats {
  const num = (a: string, b: string) => Number(a) - Number(b);
  return {
    from: opts.from,
    to: opts.to,
    total: row('all', 'Tất cả', facts),
    byService: groupBy(facts, (f) => f.service, (k) => opts.serviceName?.(k) ?? k),
    byCounter: groupBy(facts, (f) => f.counter, (k) => `Quầy ${k}`, (a, b) => a.localeCompare(b, 'vi', { numeric: true })),
    byOfficial: groupBy(facts, (f) => f.officialId, (k) => opts.officialName?.(k) ?? k),
    byHour: groupBy(facts, (f) => String(vnHour(f.takenAt)), (k) => `${k.padStart(2, '0')}:00–${String(Number(k) + 1).padStart(2, '0')}:00`, num),
    // Monday first.
    byWeekday: groupBy(facts, (f) => String((vnWeekday(f.takenAt) + 6) % 7), (k) => WEEKDAYS[(Number(k) + 1) % 7]!, num),
    bySource: groupBy(facts, (f) => f.source, (k) => SOURCE_TEXT[k] ?? k),
  };
}

/** Tickets taken per hour of the day (the busiest hours), server-drawn SVG (ECharts SSR). */
export function busiestHoursChart(byHour: StatRow[], width = 640): string {
  const hours: number[] = [];
  const from = Math.min(7, ...byHour.map((r) => Number(r.key)));
  const to = Math.max(17, ...byHour.map((r) => Number(r.key)));
  for (let h = from; h <= to; h++) hours.push(h);
  const count = new Map(byHour.map((r) => [Number(r.key), r.tickets]));
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height: 260 });
  try {
    chart.setOption({
      animation: false,
      color: ['#0b5394'],
      textStyle: { fontFamily: 'Be Vietnam Pro, Noto Sans, Arial, sans-serif', fontSize: 12 },
      grid: { left: 44, right: 16, top: 24, bottom: 40 },
      xAxis: { type: 'category', data: hours.map((h) => `${h}h`), name: 'Giờ lấy số', nameLocation: 'middle', nameGap: 26 },
      yAxis: { type: 'value', name: 'Số lượt', minInterval: 1 },
      series: [{ type: 'bar', barWidth: 18, data: hours.map((h) => ({ value: count.get(h) ?? 0, label: { show: (count.get(h) ?? 0) > 0, position: 'top' } })) }],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export const STAT_SECTIONS: Array<{ id: keyof Omit<QueueStats, 'from' | 'to' | 'total'>; title: string; head: string }> = [
  { id: 'byService', title: 'Theo dịch vụ', head: 'Dịch vụ' },
  { id: 'byCounter', title: 'Theo quầy', head: 'Quầy' },
  { id: 'byOfficial', title: 'Theo cán bộ', head: 'Cán bộ' },
  { id: 'byHour', title: 'Theo giờ lấy số', head: 'Giờ' },
  { id: 'byWeekday', title: 'Theo thứ trong tuần', head: 'Thứ' },
  { id: 'bySource', title: 'Theo nơi lấy số', head: 'Nơi lấy số' },
];

export const STAT_COLUMNS = ['Số lượt', 'Đã gọi', 'Đã phục vụ', 'Vắng mặt', 'Tỷ lệ vắng mặt', 'Chờ trung bình (phút)', 'Chờ lâu nhất (phút)', 'Phục vụ trung bình (phút)'];

/** The statistics as an Excel workbook: one sheet per grouping, numbers kept as numbers. */
export async function statsXlsx(s: QueueStats, title: string, createdAt = new Date()): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  wb.created = createdAt;
  for (const sec of [{ id: 'total' as const, title: 'Tổng hợp', head: '' }, ...STAT_SECTIONS]) {
    const rows = sec.id === 'total' ? [s.total] : s[sec.id];
    const ws = wb.addWorksheet(sec.title.slice(0, 31));
    ws.addRow([`${title} — ${sec.title}`]).font = { bold: true, size: 13 };
    ws.addRow([`Từ ${s.from} đến ${s.to} (giờ Việt Nam)`]).font = { italic: true };
    ws.addRow([]);
    const head = ws.addRow([sec.head || 'Phạm vi', ...STAT_COLUMNS]);
    head.font = { bold: true };
    for (const r of rows) {
      const x = ws.addRow([r.label, r.tickets, r.called, r.done, r.noShow, r.noShowRate, r.avgWait, r.maxWait, r.avgService]);
      x.getCell(6).numFmt = '0.0%';
      for (const c of [7, 8, 9]) x.getCell(c).numFmt = '0.0';
    }
    ws.getColumn(1).width = 32;
    for (let c = 2; c <= 9; c++) ws.getColumn(c).width = 16;
    ws.views = [{ state: 'frozen', ySplit: 4 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
