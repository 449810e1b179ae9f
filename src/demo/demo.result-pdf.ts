import { ADMIN_MARGINS, createDoc, draw, drawNationalMotto, MOTTO_STYLES, PAGE_W, toBuffer } from '../shared/pdf';

/**
 * A made-up result document for the demo history's recent dossiers: a one-page PDF saying what
 * was decided, which the leader's "result ready" then signs with the demo certificate, so that the
 * demo has signed results to download and verify. Clearly marked as a demo.
 */
export async function demoResultPdf(p: { procedureName: string; code: string; applicant: string; at: Date }): Promise<Buffer> {
  const doc = createDoc({ title: `Kết quả hồ sơ ${p.code} (bản mẫu)`, margins: ADMIN_MARGINS }, { creationDate: p.at });
  const left = ADMIN_MARGINS.left;
  const width = PAGE_W - ADMIN_MARGINS.left - ADMIN_MARGINS.right;
  let y = ADMIN_MARGINS.top;
  y += drawNationalMotto(doc, left, y, width, MOTTO_STYLES) + 28;
  y += draw(doc, 'KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH', left, y, { font: 'serifBold', size: 14 }, width, 'center') + 6;
  y += draw(doc, '(Văn bản mẫu của dữ liệu trình diễn — không có giá trị pháp lý)', left, y, { font: 'serifItalic', size: 11 }, width, 'center') + 20;
  const line = (t: string) => (y += draw(doc, t, left, y, { font: 'serif', size: 13 }, width) + 6);
  line(`Thủ tục: ${p.procedureName}`);
  line(`Hồ sơ: ${p.code}`);
  line(`Người nộp: ${p.applicant}`);
  line('Kết quả: hồ sơ đủ điều kiện, đã được giải quyết theo quy định.');
  return toBuffer(doc);
}
