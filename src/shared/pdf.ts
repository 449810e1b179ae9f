import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { QR_MARGIN, type QrMatrix } from './qr';

/**
 * Building blocks for the printable PDFs (catalogue listings and posters, dossier receipts,
 * service cards): fonts, document creation, measured text, vector QR codes, the national motto.
 *
 * Renderers take plain view models and return bytes. Layout is done by hand (measure, then
 * draw) rather than with pdfkit's automatic flow, so that nothing is split or silently pushed
 * onto an extra page: every page break is decided by the renderer.
 *
 * Fonts are full TTFs (Noto Serif, Be Vietnam Pro): pdfkit subsets them, and Vietnamese stacked
 * diacritics (ặ, ễ, ở...) render correctly. The standard PDF fonts (Helvetica...) have no
 * Vietnamese glyphs and are never used.
 */

export interface PdfRenderOptions {
  /** CreationDate/ModDate; also seeds the file ID, so a fixed date gives byte-identical output. */
  creationDate?: Date;
  /** Compress content streams (default true). Off only helps when reading the raw PDF. */
  compress?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Fonts

const require = createRequire(import.meta.url);

export const FONT_FILES = {
  serif: '@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf',
  serifBold: '@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf',
  serifItalic: '@expo-google-fonts/noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
  sans: '@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf',
  sansSemiBold: '@expo-google-fonts/be-vietnam-pro/600SemiBold/BeVietnamPro_600SemiBold.ttf',
  sansBold: '@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf',
} as const;
export type FontName = keyof typeof FONT_FILES;

let fontData: Record<FontName, Buffer> | undefined;

/** Reads the TTFs once per process; resolved from this module so any cwd works. */
function fonts(): Record<FontName, Buffer> {
  if (!fontData) {
    const loaded = {} as Record<FontName, Buffer>;
    for (const [name, spec] of Object.entries(FONT_FILES) as Array<[FontName, string]>) {
      loaded[name] = readFileSync(require.resolve(spec));
    }
    fontData = loaded;
  }
  return fontData;
}

// ---------------------------------------------------------------------------------------------
// Pages and colours

export type Doc = PDFKit.PDFDocument;

/** Points per centimetre. */
export const CM = 72 / 2.54;
/** A4 in points. */
export const A4 = { width: 595.28, height: 841.89 } as const;
/** A5 in points. */
export const A5 = { width: 419.53, height: 595.28 } as const;
/** A4, the default page. */
export const PAGE_W = A4.width;
export const PAGE_H = A4.height;

export const INK = '#111111';
export const MUTED = '#555555';
export const RULE = '#444444';

/**
 * Margins of an administrative document after Decree 30/2020/NĐ-CP (Appendix I): top and bottom
 * 2–2.5 cm, left 3–3.5 cm, right 1.5–2 cm. The smallest top, bottom and left, and the usual
 * right; a renderer short of width may take the right down to 1.5 cm.
 */
export const ADMIN_MARGINS = { top: 2 * CM, bottom: 2 * CM, left: 3 * CM, right: 2 * CM } as const;

// ---------------------------------------------------------------------------------------------
// Documents

export interface DocMeta {
  title: string;
  subject?: string;
  keywords?: string;
  /** Default 'A4'. */
  size?: 'A4' | 'A5';
  /** Default 'portrait' (registers and books are landscape). */
  layout?: 'portrait' | 'landscape';
  /** The bottom margin is not taken: each renderer keeps its own bottom limit. */
  margins: { top: number; left: number; right: number };
}

/**
 * A buffered pdfkit document (pages can be revisited for footers once the count is known) with
 * Vietnamese metadata (Author "motcua", Language vi) and every font of `FONT_FILES` registered.
 */
export function createDoc(meta: DocMeta, options: PdfRenderOptions): Doc {
  const created = options.creationDate ?? new Date();
  const doc = new PDFDocument({
    size: meta.size ?? 'A4',
    layout: meta.layout ?? 'portrait',
    // Bottom margin ~0: pdfkit starts a new page when text crosses it, and every page break
    // here is decided by the layout code, which keeps its own bottom limit.
    margins: { ...meta.margins, bottom: 1 },
    bufferPages: true,
    autoFirstPage: true,
    compress: options.compress ?? true,
    pdfVersion: '1.7',
    lang: 'vi',
    displayTitle: true,
    // A path, not 'Helvetica': avoids loading a standard font that cannot show Vietnamese.
    font: require.resolve(FONT_FILES.serif),
    info: {
      Title: meta.title,
      Author: 'motcua',
      Creator: 'motcua',
      Producer: 'motcua (PDFKit)',
      ...(meta.subject ? { Subject: meta.subject } : {}),
      ...(meta.keywords ? { Keywords: meta.keywords } : {}),
      CreationDate: created,
      ModDate: created,
    },
  });
  const data = fonts();
  for (const name of Object.keys(FONT_FILES) as FontName[]) doc.registerFont(name, data[name]);
  doc.font('serif').fillColor(INK).strokeColor(INK);
  return doc;
}

/** Ends the document and collects its bytes. */
export function toBuffer(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

// ---------------------------------------------------------------------------------------------
// Text

/** Input may arrive decomposed (NFD); the fonts and text extraction want precomposed letters. */
export function nfc(s: string | undefined): string {
  return (s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function upper(s: string): string {
  return s.toLocaleUpperCase('vi');
}

export interface TextStyle {
  font: FontName;
  size: number;
  color?: string;
  lineGap?: number;
}

export type Align = 'left' | 'center' | 'right' | 'justify';

/** Selects the style's font, size and colour. */
export function use(doc: Doc, style: TextStyle): Doc {
  return doc.font(style.font).fontSize(style.size).fillColor(style.color ?? INK);
}

/** Height of `text` wrapped to `width`; 0 for empty text. */
export function heightOf(doc: Doc, text: string, style: TextStyle, width: number): number {
  if (!text) return 0;
  use(doc, style);
  return doc.heightOfString(text, { width, lineGap: style.lineGap ?? 0 });
}

/** Width of `text` on one line. */
export function widthOf(doc: Doc, text: string, style: TextStyle): number {
  return use(doc, style).widthOfString(text);
}

/** Draws `text` wrapped to `width` with its top at `y`; returns its height. */
export function draw(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  style: TextStyle,
  width: number,
  align: Align = 'left',
): number {
  if (!text) return 0;
  const h = heightOf(doc, text, style, width);
  doc.text(text, x, y, { width, align, lineGap: style.lineGap ?? 0 });
  return h;
}

/**
 * The longest word-prefix of `text` that, followed by `suffix`, fits in `maxHeight` when wrapped
 * to `width`; `text` itself when it fits. Words longer than a line are broken by pdfkit, so the
 * search is over words, not characters, except for a single overlong word.
 */
export function fitText(
  doc: Doc,
  text: string,
  style: TextStyle,
  width: number,
  maxHeight: number,
  suffix = '…',
): string {
  if (heightOf(doc, text, style, width) <= maxHeight) return text;
  const words = text.split(' ');
  const attempt = (n: number) => words.slice(0, n).join(' ').replace(/[\s,;:.\-–—]+$/u, '') + suffix;
  let lo = 0;
  let hi = words.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (heightOf(doc, attempt(mid), style, width) <= maxHeight) lo = mid;
    else hi = mid - 1;
  }
  if (lo > 0) return attempt(lo);
  // Not even the first word fits: cut it by characters.
  const chars = Array.from(words[0] ?? '');
  for (let n = chars.length - 1; n > 0; n--) {
    const cut = chars.slice(0, n).join('') + suffix;
    if (heightOf(doc, cut, style, width) <= maxHeight) return cut;
  }
  return heightOf(doc, suffix, style, width) <= maxHeight ? suffix : '';
}

/** The largest size from `style.size` down to `minSize` (by `step`) at which `text` fits on one line of `width`. */
export function shrinkToLine(doc: Doc, text: string, style: TextStyle, width: number, minSize: number, step = 0.5): TextStyle {
  let fitted = style;
  for (let size = style.size; size >= minSize; size -= step) {
    fitted = { ...style, size };
    if (widthOf(doc, text, fitted) <= width) break;
  }
  return fitted;
}

/** Noto Serif's ascender (1069/1000 em) over its line height (1362/1000 em). */
export const SERIF_BASELINE = 1069 / 1362;

// ---------------------------------------------------------------------------------------------
// Drawing

export function hline(doc: Doc, x1: number, x2: number, y: number, width = 0.6, color = RULE): void {
  doc.save().lineWidth(width).strokeColor(color).moveTo(x1, y).lineTo(x2, y).stroke().restore();
}

/** A dotted leader (the "……" of a blank form) from `x1` to `x2` on `baseline`. */
export function dottedLine(doc: Doc, x1: number, x2: number, baseline: number): void {
  if (x2 - x1 < 6) return;
  doc
    .save()
    .lineWidth(1)
    .lineCap('round')
    .strokeColor('#333333')
    .dash(0.01, { space: 3.2 })
    .moveTo(x1, baseline)
    .lineTo(x2, baseline)
    .stroke()
    .undash()
    .restore();
}

/** Draws a QR symbol as vector squares (sharp at any print size) in a `size`-point square. */
export function drawQr(doc: Doc, qr: QrMatrix, x: number, y: number, size: number, quietZone = QR_MARGIN): void {
  const n = qr.size;
  const m = size / (n + 2 * quietZone);
  const ox = x + quietZone * m;
  const oy = y + quietZone * m;
  doc.save();
  doc.rect(x, y, size, size).fill('#ffffff');
  // One path with horizontal runs merged: small file, and no hairline seams between modules.
  for (let r = 0; r < n; r++) {
    let c = 0;
    while (c < n) {
      if (qr.data[r * n + c]) {
        const start = c;
        while (c < n && qr.data[r * n + c]) c++;
        doc.rect(ox + start * m, oy + r * m, (c - start) * m, m);
      } else {
        c++;
      }
    }
  }
  doc.fill('#000000');
  doc.restore();
}

// ---------------------------------------------------------------------------------------------
// Parts of an administrative document (Decree 30/2020/NĐ-CP, Appendix I)

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

export interface MottoStyles {
  /** The country's name: upper-case, bold, 12–13 pt. */
  name: TextStyle;
  /** The motto: bold, 13–14 pt, underlined. */
  motto: TextStyle;
}

/** The office that receives and returns dossiers, as it heads the official forms (Circular 01/2018). */
export const RECEPTION_OFFICE = 'BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ';
export const SIGN_HINT = '(Ký và ghi rõ họ tên)';

/**
 * The type of an official form (Decree 30/2020: Times-like serif, 13 pt body, 12 pt issuing body,
 * 14 pt bold title): shared by the receipt and the processing forms, each adding its own styles.
 */
export const OFFICIAL_STYLES = {
  unit: { font: 'serif', size: 12 },
  office: { font: 'serifBold', size: 12 },
  mottoName: { font: 'serifBold', size: 12 },
  motto: { font: 'serifBold', size: 13 },
  code: { font: 'serif', size: 13 },
  date: { font: 'serifItalic', size: 13 },
  title: { font: 'serifBold', size: 14, lineGap: 1 },
  note: { font: 'serifItalic', size: 12 },
  signHead: { font: 'serifBold', size: 13 },
  signHint: { font: 'serifItalic', size: 13 },
  signName: { font: 'serifBold', size: 13 },
  footer: { font: 'serifItalic', size: 9, color: MUTED },
  pageNo: { font: 'serif', size: 12 },
} satisfies Record<string, TextStyle>;

export const MOTTO_STYLES: MottoStyles = {
  name: { font: 'serifBold', size: 12 },
  motto: { font: 'serifBold', size: 13 },
};

/**
 * The national motto ("quốc hiệu và tiêu ngữ") centred in `width` from `y`, with the customary
 * underline as long as the motto. Returns the y of that underline.
 */
export function drawNationalMotto(
  doc: Doc,
  x: number,
  y: number,
  width: number,
  styles: MottoStyles = MOTTO_STYLES,
): number {
  y += draw(doc, NATIONAL_NAME, x, y, styles.name, width, 'center');
  const mottoH = draw(doc, NATIONAL_MOTTO, x, y, styles.motto, width, 'center');
  use(doc, styles.motto);
  const mottoW = doc.widthOfString(NATIONAL_MOTTO);
  // Clear of the descenders (p in "lập").
  const underY = y + mottoH + 1;
  hline(doc, x + (width - mottoW) / 2, x + (width + mottoW) / 2, underY, 0.7, INK);
  return underY;
}

/**
 * "Ba Đình, ngày 05 tháng 02 năm 2026": Decree 30/2020 (Appendix I, part II.5) writes a zero
 * before a day below 10 and before months 1 and 2 (so "tháng 01", "tháng 02", but "tháng 3").
 */
export function placeAndDate(place: string, date: { day: number; month: number; year: number }): string {
  const day = String(date.day).padStart(2, '0');
  const month = date.month <= 2 ? String(date.month).padStart(2, '0') : String(date.month);
  const where = nfc(place);
  return where ? `${where}, ngày ${day} tháng ${month} năm ${date.year}` : `Ngày ${day} tháng ${month} năm ${date.year}`;
}
