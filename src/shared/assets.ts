import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliOf, cacheAnswer, gzipOf, type CachedAnswer } from './compress';

/**
 * The stylesheet and scripts, read once at start-up, compressed once (brotli and gzip), and
 * served under a name that carries a hash of their content (`/static/app.1a2b3c4d5e.css`): a
 * browser keeps them for a year without asking again (`immutable`), and a new release has new
 * names. The plain names (`/static/app.css`) still answer, with a short cache, for pages that an
 * older release rendered.
 *
 * `app.css` is one stylesheet for every page: the site's styles and the assistant's button and
 * panel together, so a page waits for a single stylesheet before it can paint.
 */
export interface Asset extends CachedAnswer {
  name: string;
  hash: string;
  url: string;
  etag: string;
}

/** An asset as found by a /static/ name: under its fingerprinted name (immutable) or its plain one. */
export interface FoundAsset {
  asset: Asset;
  /** The answer with its etag and cache-control (a year and immutable under the fingerprinted name, an hour under the plain one), sharing the asset's compressed forms. */
  answer: CachedAnswer;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const css = 'text/css; charset=utf-8';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const js = 'text/javascript; charset=utf-8';

function sources(): Array<{ name: string; files: string[]; type: string }> {
  const web = (f: string) => path.join(here, '../web/static', f);
  return [
    { name: 'app.css', files: [web('app.css'), web('assistant.css')], type: css },
    { name: 'assistant.css', files: [web('assistant.css')], type: css },
    { name: 'bulletin.js', files: [web('bulletin.js')], type: js },
    { name: 'submit.js', files: [web('submit.js')], type: js },
    { name: 'report-entry.js', files: [web('report-entry.js')], type: js },
    { name: 'assistant.js', files: [web('assistant.js')], type: js },
    { name: 'queue.js', files: [web('queue.js')], type: js },
    { name: 'jsqr.js', files: [require.resolve('jsqr/dist/jsQR.js')], type: js },
    { name: 'htmx.min.js', files: [require.resolve('htmx.org/dist/htmx.min.js')], type: js },
  ];
}

let loaded: { byName: Map<string, FoundAsset>; byUrlName: Map<string, FoundAsset> } | undefined;

function load() {
  if (loaded) return loaded;
  const byName = new Map<string, FoundAsset>();
  const byUrlName = new Map<string, FoundAsset>();
  for (const s of sources()) {
    const body = Buffer.concat(s.files.flatMap((f) => [fs.readFileSync(f), Buffer.from('\n')]));
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
    const dot = s.name.lastIndexOf('.');
    const urlName = `${s.name.slice(0, dot)}.${hash}${s.name.slice(dot)}`;
    const a: Asset = { ...cacheAnswer(body, s.type), name: s.name, hash, url: `/static/${urlName}`, etag: `"${hash}"` };
    // Every page asks for them: compressed here, not by the first request.
    brotliOf(a);
    gzipOf(a);
    // Made once: a request finds its answer with nothing built for it.
    const found = (immutable: boolean): FoundAsset => ({ asset: a, answer: { ...a, headers: { etag: a.etag, 'cache-control': immutable ? IMMUTABLE : 'public, max-age=3600' } } });
    byName.set(s.name, found(false));
    byUrlName.set(urlName, found(true));
  }
  loaded = { byName, byUrlName };
  return loaded;
}

/** The fingerprinted URL of a static file, e.g. assetUrl('app.css') → /static/app.1a2b3c4d5e.css. */
export function assetUrl(name: string): string {
  const a = load().byName.get(name);
  if (!a) throw new Error(`unknown static asset ${name}`);
  return a.asset.url;
}

/** The asset a /static/ name asks for, with its answer for that name (fingerprinted: immutable). */
export function findAsset(urlName: string): FoundAsset | undefined {
  const l = load();
  return l.byUrlName.get(urlName) ?? l.byName.get(urlName);
}
