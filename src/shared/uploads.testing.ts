/** Test support for uploads: spreadsheets built in memory (never used by production code). */
import { writeZip } from './zip';

const colName = (i: number) => {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** A minimal .xlsx (one sheet, inline strings and numbers) that exceljs reads. */
export function xlsxOf(rows: Array<Array<string | number>>, opts: { refs?: boolean } = {}): Buffer {
  const refs = opts.refs ?? true;
  const sheet: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
  rows.forEach((row, r) => {
    sheet.push(`<row r="${r + 1}">`);
    row.forEach((v, c) => {
      // Cells may leave out their reference (OOXML: then each follows the previous one).
      const ref = refs ? ` r="${colName(c)}${r + 1}"` : '';
      sheet.push(typeof v === 'number' ? `<c${ref}><v>${v}</v></c>` : `<c${ref} t="inlineStr"><is><t>${v.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t></is></c>`);
    });
    sheet.push('</row>');
  });
  sheet.push('</sheetData></worksheet>');
  return writeZip([
    { name: '[Content_Types].xml', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>' },
    { name: '_rels/.rels', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>' },
    { name: 'xl/workbook.xml', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sao ke" sheetId="1" r:id="rId1"/></sheets></workbook>' },
    { name: 'xl/_rels/workbook.xml.rels', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' },
    { name: 'xl/worksheets/sheet1.xml', data: sheet.join('') },
  ]);
}

/**
 * A bank statement with a real header and `rows` × `cols` cells below it: with the same values on
 * every line it deflates to a few hundred KB whatever its size once opened.
 */
export function bombStatement(rows: number, cols: number): Buffer {
  const header = ['Ngày giao dịch', 'Số tiền ghi có', 'Nội dung', ...Array.from({ length: Math.max(0, cols - 3) }, (_, i) => `Cột ${i + 4}`)];
  const line = ['01/12/2026', 0, 'x', ...Array.from({ length: Math.max(0, cols - 3) }, () => 0)];
  return xlsxOf([header, ...Array.from({ length: rows }, () => line)]);
}
