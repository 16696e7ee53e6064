// The HTML report without a browser: its escaping, its structure for any names, its figures and words.
// The browser test (test/e2e/report-html.test.ts) renders it in Chromium.
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { checkBudgetStream } from '../src/core/check.js';
import { summarizeProject } from '../src/core/project.js';
import { loadBudget } from '../src/io/load.js';
import { reportCss } from '../src/render/report-css.js';
import { reportToHtml } from '../src/render/report-html.js';
import { REPORT_WORDS } from '../src/render/report-words.js';
import { html, htmlText } from '../src/render/safe-text.js';
import { readBack } from './e2e/readers.js';
import type { Locale } from '../src/render/locale.js';
import { root } from './e2e/run.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_202);
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);

function render(text: string, format: 'yaml' | 'json' | 'csv', file: string, locale: Locale = 'en'): string {
  const model = loadBudget({ text, format });
  const check = checkBudgetStream(model);
  return reportToHtml({
    file,
    header: model,
    summary: summarizeProject(check),
    partners: check.partners,
    findings: check.findings,
    locale,
    generator: 'cofin test',
  });
}

const fixture = (path: string) => readFileSync(join(root, path), 'utf8');

/** The entities htmlText writes, read back (a reference written apart from src/). */
const decode = (text: string) =>
  text.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!,
  );

const TAGS = new Set([
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'main',
  'header',
  'footer',
  'section',
  'p',
  'h1',
  'h2',
  'h3',
  'span',
  'br',
  'dl',
  'dt',
  'dd',
  'div',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'figure',
  'figcaption',
  'ul',
  'li',
  'svg',
  'rect',
]);
const ATTRIBUTES =
  /^(lang|charset|http-equiv|content|name|class|scope|colspan|role|aria-label|aria-hidden|viewBox|preserveAspectRatio|x|y|width|height|fill|data-[a-z-]+)$/;
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=<>"'/]+(?:="[^"]*")?)*)\s*\/?>/g;

/**
 * The markup of a report: every tag one cofin writes, with attributes it
 * writes, each value quoted; outside the tags and cofin's own style sheet,
 * no `<` or `>`. A name that broke out of its text would add a tag or an
 * attribute, or leave a bracket.
 */
function structure(document: string, locale: Locale): string[] {
  expect(document.startsWith('<!DOCTYPE html>\n')).toBe(true);
  const css = reportCss(REPORT_WORDS[locale]);
  const parts = document.split(`<style>${css}</style>`);
  expect(parts).toHaveLength(2); // the style sheet is exactly cofin's
  const markup = parts.join('<style></style>').slice('<!DOCTYPE html>\n'.length);
  const tags: string[] = [];
  for (const match of markup.matchAll(TAG)) {
    expect(TAGS.has(match[2]!), match[0]).toBe(true);
    for (const attribute of match[3]!.matchAll(/([^\s=]+)(?:="[^"]*")?/g))
      expect(attribute[1], match[0]).toMatch(ATTRIBUTES);
    tags.push(`${match[1]}${match[2]}`);
  }
  expect(markup.replace(TAG, '')).not.toMatch(/[<>]/);
  return tags;
}

describe('htmlText', () => {
  it('writes markup, quotes and controls as text', () => {
    expect(htmlText('<script>alert("x")</script>')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(htmlText(`" onmouseover='x'`)).toBe('&quot; onmouseover=&#39;x&#39;');
    expect(htmlText('a & b</style>')).toBe('a &amp; b&lt;/style&gt;');
    expect(htmlText('\u202eevil\u0007\n')).toBe('\\u202eevil\\x07\\n');
    expect(htmlText('javascript:alert(1)')).toBe('javascript:alert(1)'); // text, never a URL: cofin writes no href
    expect(htmlText('Botoșani 12\u00a0758,00\u00a0€')).toBe('Botoșani 12\u00a0758,00\u00a0€');
  });

  it('gives the text back (decode the entities, then read the escapes back), and leaves nothing to parse', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.oneof(
            fc.constantFrom('<', '>', '&', '"', "'", '\\', '\u202e', '\u0000', '&amp;'),
            fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
          ),
          maxLength: 20,
        }),
        (text) => {
          const escaped = htmlText(text);
          expect(escaped).not.toMatch(/[<>"']/);
          expect(escaped).not.toMatch(/&(?!(amp|lt|gt|quot|#39);)/);
          expect(readBack(decode(escaped))).toBe(text);
        },
      ),
      { seed: SEED, numRuns: RUNS * 5 },
    );
  });

  it('the html template escapes values, nests its own markup, and drops undefined and false', () => {
    const name = '<b>x</b>';
    expect(html`<td>${name}</td>`.text).toBe('<td>&lt;b&gt;x&lt;/b&gt;</td>');
    expect(html`<tr>${[html`<td>${1}</td>`, html`<td>${'"'}</td>`]}${undefined}${false}</tr>`.text).toBe(
      '<tr><td>1</td><td>&quot;</td></tr>',
    );
    expect(html`<p title="${`" onclick="x`}">`.text).toBe('<p title="&quot; onclick=&quot;x">');
  });
});

const SPECIAL = [
  '<script>window.__pwned=1</script>',
  '</style><script>window.__pwned=2</script>',
  '<img src=x onerror="window.__pwned=3">',
  '" onmouseover="window.__pwned=4',
  "' autofocus onfocus='x",
  'javascript:alert(1)',
  '\u202e',
  '\u2066',
  '\u001b[31m',
  '\u0000',
  '\n',
  '&amp;',
  '&',
  '<!--',
  '-->',
  ']]>',
  '<svg onload=x>',
  '<',
  '>',
  '\\',
  '`',
  '${x}',
];
const hostile = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...SPECIAL) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((p) => `N${p.join('')}`); // a name must not be blank

describe('reportToHtml', () => {
  it('keeps its structure for any partner, source, project and file name (property)', () => {
    fc.assert(
      fc.property(
        hostile,
        hostile,
        fc.uniqueArray(hostile, { minLength: 2, maxLength: 2 }),
        hostile,
        fc.constantFrom<Locale>('en', 'lv'),
        (project, source, partners, file, locale) => {
          const document = render(JSON.stringify(budget(project, source, partners)), 'json', file, locale);
          const tags = structure(document, locale);
          // one style sheet, one h1; every row of each part of the table is a partner's (a name cannot add one)
          expect(tags.filter((t) => t === 'h1' || t === 'style')).toEqual(['style', 'h1']);
          const parts = tags.filter((t) => t === 'table').length - 5; // besides 3 charts, the countries and the figures' sources
          expect(parts).toBeGreaterThan(0);
          expect(document.match(/<tr data-partner-row>/g)).toHaveLength(partners.length * parts);
          for (const name of partners) expect(document).toContain(`<th scope="row">${htmlText(name)}</th>`);
          expect(document).toContain(`<h1>${htmlText(project)}</h1>`);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('allows only its own style sheet (CSP hash) and fetches nothing', () => {
    const document = render(
      fixture('fixtures/ventspils-digital-centre.yaml'),
      'yaml',
      'fixtures/ventspils-digital-centre.yaml',
    );
    const css = reportCss(REPORT_WORDS.en);
    const hash = createHash('sha256').update(css).digest('base64');
    expect(document).toContain(
      `content="default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'"`,
    );
    expect(document).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|https?:\/\//i);
  });

  it('shows the founding project: key figures, the table with its totals, the lines of the figures, the note', () => {
    const document = render(
      fixture('fixtures/ventspils-digital-centre.yaml'),
      'yaml',
      'fixtures/ventspils-digital-centre.yaml',
    );
    expect(document).toContain('<title>Digital Innovation in Cities · Co-financing report</title>');
    expect(document).toContain('<dd class="value">€12,758</dd>');
    expect(document).toContain(
      '<td class="num" data-total="budget">12,758</td><td class="num" data-total="erdf">10,844</td><td class="num" data-total="municipal">1,276</td><td class="num" data-total="state">638</td>',
    );
    // ERDF on line 10: computed, declared, difference, status, line
    expect(document).toContain(
      '<tr><td>ERDF</td><td class="num">85%</td><td class="num">10,844</td><td class="num">10,844</td><td class="num">0</td><td>matches</td><td class="line">10</td></tr>',
    );
    expect(document).toContain(
      '<tr data-severity="note"><td><span class="sev sev-note">Note</span></td><td class="line">16:10</td>',
    );
    expect(document).toContain('1 of 8 listed (line 17)');
    expect(document).toContain('€146,994 <span class="line">(line 16)</span>');
  });

  it('speaks Latvian with --locale lv: words, amounts, the page numbers', () => {
    const document = render(fixture('fixtures/project/digital-innovation-in-cities.yaml'), 'yaml', 'dic.yaml', 'lv');
    expect(document).toContain('<html lang="lv">');
    expect(document).toContain('<h2>Partneri un finansējuma avoti</h2>');
    expect(document).toContain('<dd class="value">146\u00a0994,00\u00a0€</dd>');
    expect(document).toContain('<th scope="row">Kopā</th>');
    expect(document).toContain('content: "Lapa " counter(page) " no " counter(pages)');
    expect(document).toContain('<p class="verdict pass" data-verdict="pass">✓ Skaitļi atbilst</p>');
  });

  it('says when the figures have errors, with each error and its line', () => {
    const document = render('partner;budget;erdf;municipal\nA;100;85%;10%\n', 'csv', 'bad.csv');
    expect(document).toContain('✗ 1 error in the figures');
    expect(document).toMatch(
      /<tr data-severity="error"><td><span class="sev sev-error">Error<\/span><\/td><td class="line">2:3<\/td><td>partner &quot;A&quot;: rates add up to 95%/,
    );
  });

  it('cuts a table of many sources into parts that fit A4, each with every partner and its totals row', () => {
    const sources = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [
        `source-${i}`,
        i === 11 ? { amount: 'rest', name: 'The rest' } : { rate: '8%', name: `Source number ${i}` },
      ]),
    );
    const text = JSON.stringify({
      funding: sources,
      partners: ['A', 'B', 'C'].map((partner) => ({ partner, budget: '123456789012.34' })),
    });
    const document = render(text, 'json', 'wide.json');
    const parts = document.split('<table class="partners"').slice(1);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(part.split('</table>')[0]!.match(/<tr data-partner-row>/g)).toHaveLength(3);
    expect(document).toContain('(part 1 of');
  });
});

describe('cofin report --format html (main)', () => {
  it('refuses a terminal: the report is a file (exit 2, nothing read)', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      stdout: { write: (t: string) => out.push(t), isTTY: true },
      stderr: { write: (t: string) => err.push(t), isTTY: true },
      stdin: new PassThrough(),
      env: {},
      cwd: root,
    };
    expect(await main(['report', 'no-such-file.yaml', '--format', 'html'], io)).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('')).toBe(
      'cofin: error: the html report is a file to open in a browser, not text for a terminal\nhint: write it with -o report.html, or redirect: > report.html\n',
    );
  });
});

function budget(project: string, source: string, partners: readonly string[]) {
  return {
    project: { name: project },
    funding: { erdf: '85%', evil: { rate: '15%', name: source, kind: 'public' } },
    partners: partners.map((partner, i) => ({
      partner,
      country: partners[(i + 1) % partners.length],
      budget: String(100 + i),
    })),
  };
}
