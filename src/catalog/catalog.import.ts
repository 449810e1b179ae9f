import fs from 'node:fs';
import readline from 'node:readline';
import type { CatalogService, ImportResult } from './catalog.service';
import type { Procedure } from './catalog.types';
import { parseNationalRecord, type ParseProblem } from './tthc-import.parse';

/**
 * `motcua import-tthc FILE`: reads the national portal's export (one JSON object per line),
 * parses the flattened tables into structured records and upserts them by national code.
 * Records curated in this system (the demo catalogue, local edits) are kept as they are.
 */

export interface ImportReport extends ImportResult {
  lines: number;
  rejected: number;
  problems: ParseProblem[];
}

export interface ImportProgress {
  phase: 'parse' | 'save';
  done: number;
  total: number;
}

/** A plain-language line for records the portal gives without one. */
function summaryFor(p: Procedure): string {
  const who = p.applicants ? ` Dành cho: ${p.applicants.replace(/\s*,\s*/g, ', ').toLocaleLowerCase('vi-VN')}.` : '';
  const result = p.results.length ? ` Kết quả: ${p.results.map((r) => r.name).join('; ')}.` : '';
  return `Thủ tục thuộc lĩnh vực ${p.field}.${who}${result}`.trim();
}

export async function importNationalFile(
  catalog: CatalogService,
  file: string,
  opts: { attachTo?: string; force?: boolean; onProgress?: (p: ImportProgress) => void } = {},
): Promise<ImportReport> {
  const total = fs.statSync(file).size;
  const stream = fs.createReadStream(file, { encoding: 'utf8' });
  const rl = readline.createInterface({ input: stream, crlfDelay: Infinity });
  const byCode = new Map<string, Procedure>();
  const problems: ParseProblem[] = [];
  let lines = 0;
  let rejected = 0;
  let bytes = 0;
  for await (const line of rl) {
    bytes += Buffer.byteLength(line) + 1;
    if (!line.trim()) continue;
    lines++;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      rejected++;
      problems.push({ code: `dòng ${lines}`, field: '(dòng)', message: 'Dòng không phải JSON hợp lệ', excerpt: line.slice(0, 80) });
      continue;
    }
    const { procedure, problems: pp } = parseNationalRecord(raw);
    problems.push(...pp);
    if (!procedure) {
      rejected++;
      continue;
    }
    if (!procedure.summary) procedure.summary = summaryFor(procedure);
    // A code listed twice: the later line wins, as a re-import would.
    byCode.set(procedure.code, procedure);
    if (lines % 200 === 0) opts.onProgress?.({ phase: 'parse', done: bytes, total });
  }
  opts.onProgress?.({ phase: 'parse', done: total, total });
  const procedures = [...byCode.values()];
  const result = await catalog.upsertProcedures(procedures, 'national', {
    attachTo: opts.attachTo,
    keepSources: opts.force ? [] : ['demo', 'local'],
    onProgress: (done) => opts.onProgress?.({ phase: 'save', done, total: procedures.length }),
  });
  return { ...result, lines, rejected, problems };
}

/** The report printed at the end: counts, then what could not be parsed, grouped by field. */
export function formatImportReport(r: ImportReport, maxExamples = 5): string {
  const out: string[] = [];
  out.push(`Đã đọc ${r.lines} dòng: ${r.total} thủ tục hợp lệ, ${r.rejected} dòng bị loại.`);
  out.push(`Thêm mới ${r.inserted}, cập nhật ${r.updated}, không đổi ${r.unchanged}, giữ nguyên bản biên tập tại chỗ ${r.kept}.`);
  if (!r.problems.length) {
    out.push('Không có phần nào không đọc được.');
    return out.join('\n');
  }
  const byField = new Map<string, ParseProblem[]>();
  for (const p of r.problems) {
    const k = `${p.field}: ${p.message}`;
    const list = byField.get(k) ?? [];
    list.push(p);
    byField.set(k, list);
  }
  out.push(`Có ${r.problems.length} phần không đọc được (được ghi nguyên văn để xử lý tay):`);
  for (const [k, list] of [...byField].sort((a, b) => b[1].length - a[1].length)) {
    out.push(`- ${k} — ${list.length} chỗ`);
    for (const p of list.slice(0, maxExamples)) out.push(`    ${p.code}: «${p.excerpt.slice(0, 100)}»`);
  }
  return out.join('\n');
}
