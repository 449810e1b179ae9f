/**
 * What a benchmark needs to submit dossiers to a real server (bench/dossiers.ts,
 * bench/province.ts): a valid one-page PDF whose bytes differ at every submission, the multipart
 * request of a procedure's online submission built from its form, and a server process started
 * as `node --import tsx src/main.ts serve` on a free loopback port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes, randomFillSync } from 'node:crypto';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { fillForm } from '../src/dossier/dossier.testing';
import { freePort, ROOT } from './lib';

export const PROCEDURE = process.env.BENCH_PROCEDURE ?? '1.012564';
export const PHONE = '0912345678';
const APPLICANT = { fullName: 'Nguyễn Văn An', phone: PHONE, idNumber: '001090012345', address: 'Số 1 phố Đội Cấn, Ba Đình' };

// ------------------------------------------------------------------ the attachment

export interface PdfTemplate {
  pdf: Buffer;
  /** Where 32 bytes may be overwritten (inside the image's pixels) to make each copy unique. */
  nonceAt: number;
}

/**
 * A valid one-page PDF of about `bytes`: a line of text and a grey-scale "scan" (an uncompressed
 * image XObject of noise) drawn on the page, with a correct cross-reference table.
 */
export function makePdf(bytes: number): PdfTemplate {
  const w = 400;
  const h = Math.max(1, Math.round((bytes - 1200) / w));
  const pixels = randomBytes(w * h);
  const content = Buffer.from('BT /F1 16 Tf 56 790 Td (motcua bench - giay to quet mau) Tj ET\nq 483 0 0 604 56 150 cm /Im1 Do Q\n', 'latin1');
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let size = 0;
  let nonceAt = 0;
  const push = (b: Buffer | string) => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    parts.push(buf);
    size += buf.length;
  };
  const obj = (n: number, dict: string, stream?: Buffer) => {
    offsets[n] = size;
    if (!stream) return push(`${n} 0 obj\n${dict}\nendobj\n`);
    push(`${n} 0 obj\n${dict.replace(/>>$/, ` /Length ${stream.length} >>`)}\nstream\n`);
    if (stream === pixels) nonceAt = size;
    push(stream);
    push('\nendstream\nendobj\n');
  };
  push('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
  obj(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  obj(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> /XObject << /Im1 5 0 R >> >> /Contents 6 0 R >>');
  obj(4, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  obj(5, `<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8 >>`, pixels);
  obj(6, '<< >>', content);
  const xref = size;
  push(`xref\n0 7\n0000000000 65535 f \n${offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`);
  push(`trailer\n<< /Size 7 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return { pdf: Buffer.concat(parts), nonceAt };
}

/** Opened by pdf.js as a viewer would: one page, its text and image readable. */
export async function checkPdf(pdf: Buffer): Promise<void> {
  const doc = await getDocument({ data: new Uint8Array(pdf), disableFontFace: true, isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  if (doc.numPages !== 1) throw new Error('bench PDF: expected one page');
  const page = await doc.getPage(1);
  const text = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('');
  if (!text.includes('motcua bench')) throw new Error('bench PDF: text not readable');
  const ops = await page.getOperatorList();
  if (ops.fnArray.length < 3) throw new Error('bench PDF: page has no drawing');
  await doc.destroy();
}

// ------------------------------------------------------------------ the request

export interface Submission {
  contentType: string;
  /** The required components, each given the (same) PDF of the request. */
  components: string[];
  dossierJsonBytes: number;
  /** A new request body; every call carries a different PDF. */
  next(): { body: Buffer; sha256?: string };
  nextWithHash(): { body: Buffer; sha256: string };
}

/**
 * The multipart request of one submission to `baseUrl` (its form read from the server). With
 * `units`, the submissions go to each of these units in turn (a province's communes), else to the
 * server's default unit.
 */
export async function prepareSubmission(baseUrl: string, tpl: PdfTemplate, units: string[] = []): Promise<Submission> {
  const r = await fetch(`${baseUrl}/api/procedures/${PROCEDURE}/form`);
  if (r.status !== 200) throw new Error(`GET form of ${PROCEDURE}: ${r.status} ${await r.text()}`);
  const form = (await r.json()) as { formData: unknown; cases: Array<{ kind: string; components: Array<{ id: string; required: boolean }> }> };
  const components = form.cases.filter((c) => c.kind === 'general').flatMap((c) => c.components.filter((x) => x.required).map((x) => x.id));
  if (!components.length) throw new Error(`procedure ${PROCEDURE} asks for no paper: choose one that does (BENCH_PROCEDURE)`);
  const dossier = JSON.stringify({ procedureCode: PROCEDURE, channel: 'online', applicant: APPLICANT, formData: fillForm(form.formData, { date: '2026-11-20' }) });
  const boundary = '----motcuabench' + randomBytes(8).toString('hex');
  const headOf = (json: string) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="dossier"\r\n\r\n${json}\r\n`);
  const dossierHeads = units.length ? units.map((unit) => headOf(JSON.stringify({ ...JSON.parse(dossier), unit }))) : [headOf(dossier)];
  let turn = 0;
  const fileHead = (c: string) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${c}"; filename="giay-to-${c}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
  const heads = components.map(fileHead);
  const crlf = Buffer.from('\r\n');
  const tail = Buffer.from(`--${boundary}--\r\n`);
  const build = (hash: boolean) => {
    const pdf = Buffer.from(tpl.pdf);
    randomFillSync(pdf, tpl.nonceAt, 32);
    const head = dossierHeads[turn++ % dossierHeads.length]!;
    const body = Buffer.concat([head, ...heads.flatMap((h) => [h, pdf, crlf]), tail]);
    return { body, sha256: hash ? createHash('sha256').update(pdf).digest('hex') : undefined };
  };
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    components,
    dossierJsonBytes: Buffer.byteLength(dossier),
    next: () => build(false),
    nextWithHash: () => build(true) as { body: Buffer; sha256: string },
  };
}

// ------------------------------------------------------------------ the server

export interface AppProcess {
  child: ChildProcess;
  port: number;
  url: string;
  output(): string;
  stop(): Promise<void>;
  kill9(): Promise<void>;
}

export async function startApp(env: Record<string, string>, nodeArgs: string[] = []): Promise<AppProcess> {
  const port = await freePort();
  const extra = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...extra, ...nodeArgs, '--import', 'tsx', 'src/main.ts', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited: ${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready after 90 s: ${out}`);
    }
    try {
      if ((await fetch(`${url}/healthz`)).status === 200) break;
    } catch {
      /* not yet */
    }
    await sleep(100);
  }
  const done = () => child.exitCode !== null || child.signalCode !== null;
  return {
    child,
    port,
    url,
    output: () => out,
    stop: async () => {
      if (done()) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(t);
    },
    kill9: async () => {
      if (done()) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}


/** A Buffer as fetch's body type wants it (no copy). */
export function bytes(b: Buffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);
}

export function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}

