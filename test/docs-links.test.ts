import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every relative link of the README, CONTRIBUTING.md and docs/ must reach a file, and its #anchor a heading of
// that file: a section moved into docs/ must not leave a link behind that GitHub shows as a dead end.
const root = new URL('..', import.meta.url).pathname;
const documents = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** The text outside code fences and inline code, where a link is a link. */
const prose = (text: string): string => text.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens, a repeat numbered. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const m of markdown.replace(/^```[\s\S]*?^```/gm, '').matchAll(/^#{1,6} (.+)$/gm)) {
    const text = m[1]!.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/`/g, '');
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    out.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return out;
}

/** The relative links of a document (from the repository root) that lead nowhere, each with why. */
function deadLinks(file: string, text: string, read: (path: string) => string | undefined): string[] {
  const dead: string[] = [];
  for (const m of prose(text).matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)) {
    const target = m[1]!;
    if (/^[a-z]+:/i.test(target)) continue; // https:, mailto:
    const [path, anchor] = target.split('#') as [string, string | undefined];
    const resolved = path === '' ? file : relative(root, join(root, dirname(file), path));
    const content = read(resolved);
    if (content === undefined) dead.push(`${file}: ${target}: no file ${resolved}`);
    else if (anchor !== undefined && !anchors(content).has(anchor))
      dead.push(`${file}: ${target}: no heading #${anchor} in ${resolved}`);
  }
  return dead;
}

/** Paths a document names in code spans (`test/…`, `src/…`, or from `src/` as CONTRIBUTING does: `core/…`) that are not there. */
function missingPaths(text: string, exists: (path: string) => boolean): string[] {
  const missing: string[] = [];
  for (const m of text.matchAll(
    /`((?:test|fixtures|src|docs|scripts|bench|\.ci)\/[^`\s]*|(?:core|io|render|commands)\/[^`\s]*)`/g,
  )) {
    const path = m[1]!;
    if (/[<*]/.test(path) || GENERATED.has(path)) continue; // a pattern (`core/allocate/<rule>.ts`), or made by a run
    const inRepo = /^(core|io|render|commands)\//.test(path) ? `src/${path}` : path;
    if (!exists(inRepo)) missing.push(path);
  }
  return missing;
}
/** Files a run writes, named in the documents but not in the repository. */
const GENERATED = new Set(['bench/results.json']);

const readRepo = (path: string): string | undefined => {
  const full = join(root, path);
  if (!existsSync(full)) return undefined;
  return statSync(full).isDirectory() ? '' : path.endsWith('.md') ? readFileSync(full, 'utf8') : '';
};

describe('documentation links', () => {
  it('finds the documents and their links', () => {
    expect(documents).toEqual(expect.arrayContaining(['README.md', 'docs/claims.md', 'docs/config.md']));
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect([...prose(readme).matchAll(/\]\((?!https?:)/g)].length).toBeGreaterThan(20);
  });

  it('every relative link and anchor in the README, CONTRIBUTING.md and docs/ resolves', () => {
    const dead = documents.flatMap((file) => deadLinks(file, readFileSync(join(root, file), 'utf8'), readRepo));
    expect(dead).toEqual([]);
  });

  it('every path they name in code spans (a test, a fixture, a source file) is there', () => {
    const missing = documents.flatMap((file) =>
      missingPaths(readFileSync(join(root, file), 'utf8'), (path) => existsSync(join(root, path))).map(
        (path) => `${file}: ${path}`,
      ),
    );
    expect(missing).toEqual([]);
    expect(
      missingPaths(
        '`test/gone.test.ts` `core/gone.ts` `src/cli.ts` `core/allocate/<rule>.ts`',
        (p) => p === 'src/cli.ts',
      ),
    ).toEqual(['test/gone.test.ts', 'core/gone.ts']);
  });

  it('can fail: a missing file, a missing heading and a link inside code are told apart', () => {
    const files: Record<string, string> = {
      'README.md': '# cofin\n## `cofin check`\n### Output\n### Output\n## Languages (`--locale`)\n',
      'docs/a.md': '# A\n',
    };
    const text =
      '[ok](#cofin-check) [ok](#output-1) [ok](#languages---locale) [ok](docs/a.md#a) [web](https://x.y/#z)\n' +
      '[gone](docs/b.md) [no heading](#output-2) [no heading](docs/a.md#b) `[in code](nowhere.md)`\n' +
      '```\n[in a fence](nowhere.md)\n```\n';
    expect(deadLinks('README.md', text, (p) => files[p])).toEqual([
      'README.md: docs/b.md: no file docs/b.md',
      'README.md: #output-2: no heading #output-2 in README.md',
      'README.md: docs/a.md#b: no heading #b in docs/a.md',
    ]);
  });
});
