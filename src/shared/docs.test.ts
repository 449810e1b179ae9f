/**
 * The documentation a newcomer reads: README.md and docs/*.md. Every relative link must reach a
 * file and every anchor a heading (as GitHub names them), and every setting src/config.ts reads
 * must be in README's Configuration section — a setting nobody can find is a setting nobody sets.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const FILES = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** GitHub's anchor for a heading: lower case, punctuation dropped (letters of any script kept), spaces to hyphens. */
function slug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\p{M}_\- ]/gu, '').replace(/ /g, '-');
}

function withoutCode(text: string): string {
  return text.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** Headings keep their code spans (`npm run bench`), so anchors are computed before code is removed from the headings' text. */
function headingAnchors(text: string): Set<string> {
  const noFences = text.replace(/^```[\s\S]*?^```/gm, '');
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const m of noFences.matchAll(/^#{1,6} (.+)$/gm)) {
    const s = slug(m[1]!);
    const n = seen.get(s) ?? 0;
    seen.set(s, n + 1);
    out.add(n === 0 ? s : `${s}-${n}`);
  }
  return out;
}

describe('README and docs/', () => {
  it('every relative link reaches a file and every anchor a heading', () => {
    const broken: string[] = [];
    // Each target file's headings, read once however many links point into it.
    const anchorsOf = new Map<string, Set<string>>();
    const anchors = (to: string) => anchorsOf.get(to) ?? anchorsOf.set(to, headingAnchors(fs.readFileSync(to, 'utf8'))).get(to)!;
    for (const file of FILES) {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      for (const m of withoutCode(text).matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1]!;
        if (/^[a-z]+:/.test(target)) continue;
        const [name, anchor] = target.split('#', 2) as [string, string | undefined];
        const to = name ? path.join(ROOT, path.dirname(file), name) : path.join(ROOT, file);
        if (!fs.existsSync(to)) {
          broken.push(`${file}: ${target} (no such file)`);
          continue;
        }
        if (anchor && !anchors(to).has(anchor)) broken.push(`${file}: ${target} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("lists every setting src/config.ts reads in README's Configuration section", () => {
    const config = fs.readFileSync(path.join(ROOT, 'src/config.ts'), 'utf8');
    // config.ts reads a variable as env.NAME, as a key of its validated schema (`  NAME: …`), or by its quoted name.
    const patterns = [/\benv\.([A-Z][A-Z0-9_]+)/g, /^\s+([A-Z][A-Z0-9_]{2,}):/gm, /'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g];
    const read = new Set(patterns.flatMap((re) => [...config.matchAll(re)].map((m) => m[1]!)));
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('\n## Configuration'), readme.indexOf('\n## Commands'));
    expect(read.size).toBeGreaterThan(60);
    expect([...read].filter((v) => !section.includes(`\`${v}\``))).toEqual([]);
  });

  it('knows a heading from a missing one', () => {
    expect(headingAnchors('## Tiêm chủng (0–24 tháng)\n### Benchmarks (`npm run bench`)\n## Benchmarks')).toEqual(
      new Set(['tiêm-chủng-024-tháng', 'benchmarks-npm-run-bench', 'benchmarks']),
    );
    expect(headingAnchors('```\n## not a heading\n```\n## A\n## A')).toEqual(new Set(['a', 'a-1']));
  });
});
