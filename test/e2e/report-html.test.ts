// cofin report --format html in a real browser: the built cofin writes the file, headless Chromium
// (the system's, driven by playwright-core) opens it from file://, and the tests read the rendered DOM,
// the print layout at A4 and the PDF. Skips, saying so, where /usr/bin/chromium is missing (CI installs it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { shownAs } from './readers.js';
import { A4_TEXT_WIDTH, NO_BROWSER, launchChromium, pdfPages } from './browser.js';
import { cofin, root } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'cofin-html-'));
const FOUNDING = 'fixtures/ventspils-digital-centre.yaml';
const PROJECT = 'fixtures/project/digital-innovation-in-cities.yaml';

if (NO_BROWSER) console.warn(`cofin: ${NO_BROWSER}`);

/** Writes the HTML report of a file with the built cofin; returns its path. */
function writeReport(file: string, out: string, locale: 'en' | 'lv', cwd = root): string {
  const path = join(dir, out);
  const run = cofin(['report', file, '--format', 'html', '--locale', locale, '-o', path], { cwd });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return path;
}

/** The JSON report of the same file: the figures the HTML must show. */
const jsonReport = (file: string, cwd = root) =>
  JSON.parse(cofin(['report', file, '--format', 'json'], { cwd }).stdout);

/** A shown amount as a decimal string: `146 994,00` (lv) or `€146,994.00` (en) → `146994.00`. */
const decimalOf = (text: string, locale: 'en' | 'lv') =>
  locale === 'lv' ? text.replace(/[\s\u00a0€]/g, '').replace(',', '.') : text.replace(/[\s,€]/g, '');

let browser: Browser;

/** Opens a file in a fresh page; every request that is not the file itself is recorded and refused. */
async function open(path: string, options: { print?: boolean } = {}) {
  const context = await browser.newContext({
    viewport: options.print ? { width: A4_TEXT_WIDTH, height: 1000 } : { width: 900, height: 1200 },
    javaScriptEnabled: true,
  });
  const url = pathToFileURL(path).href;
  const requests: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  const page: Page = await context.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  if (options.print) await page.emulateMedia({ media: 'print' });
  await page.goto(url, { waitUntil: 'load' });
  return { page, requests, dialogs, errors, close: () => context.close() };
}

/** Elements whose box passes the A4 text width (or starts left of it), in the print layout. */
const overflowing = (page: Page) =>
  page.evaluate((width) => {
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width) out.push(`document ${document.documentElement.scrollWidth}px`);
    for (const element of document.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && (box.right > width + 0.5 || box.left < -0.5))
        out.push(
          `${element.tagName.toLowerCase()}.${element.className} ${Math.round(box.left)}–${Math.round(box.right)}px`,
        );
    }
    return out;
  }, A4_TEXT_WIDTH);

/** What no report may hold: scripts, frames, links, images, event handler attributes. */
const activeContent = (page: Page) =>
  page.evaluate(() => ({
    scripts: document.scripts.length,
    elements: document.querySelectorAll(
      'script, iframe, frame, object, embed, img, link, a, form, input, base, meta[http-equiv="refresh"]',
    ).length,
    handlers: [...document.querySelectorAll('*')].flatMap((e) =>
      [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName}.${a.name}`),
    ),
    styleSheets: document.styleSheets.length,
  }));

describe.skipIf(NO_BROWSER !== undefined)('the HTML report in Chromium', () => {
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000); // a cold first start of Chromium on a fresh machine can pass the default 10 s
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    [FOUNDING, 'en', 2],
    [PROJECT, 'lv', 3],
  ] as const)(
    "%s (%s): the totals, the rows and the key figures are the JSON report's; nothing fetched, no script; %i A4 pages",
    async (file, locale, pages) => {
      const json = jsonReport(file);
      const path = writeReport(file, `${file.split('/').at(-1)}.${locale}.html`, locale);
      const { page, requests, dialogs, errors, close } = await open(path);
      try {
        const dom = await page.evaluate(() => {
          const text = (selector: string) =>
            [...document.querySelectorAll(selector)].map((e) => (e as HTMLElement).innerText.trim());
          return {
            names: text('table.partners[data-part="1"] tbody tr[data-partner-row] > th'),
            rows: document.querySelectorAll('table.partners tbody tr').length,
            budget: text('[data-total="budget"]'),
            sources: Object.fromEntries(
              [...document.querySelectorAll('tr[data-total-row] [data-total]')].map((e) => [
                e.getAttribute('data-total'),
                (e as HTMLElement).innerText.trim(),
              ]),
            ),
            keys: Object.fromEntries(
              [...document.querySelectorAll('[data-figure] dd.value')].map((e) => [
                e.parentElement!.getAttribute('data-figure'),
                (e as HTMLElement).innerText.trim(),
              ]),
            ),
            lang: document.documentElement.lang,
            title: document.title,
          };
        });
        expect(dom.names).toEqual(json.partners.map((p: { partner: string }) => p.partner));
        expect(dom.rows).toBe(json.partners.length + 1); // the totals row
        expect(dom.budget.map((t) => decimalOf(t, locale))).toEqual([json.budget]);
        for (const source of json.sources) expect(decimalOf(dom.sources[source.id], locale)).toBe(source.amount);
        expect(decimalOf(dom.keys['total-budget'], locale)).toBe(json.budget);
        expect(decimalOf(dom.keys['eu-funds'], locale)).toBe(json.euAmount);
        expect(dom.keys['partners']).toBe(String(json.partners.length));
        expect(dom.lang).toBe(locale);
        expect(dom.title).toContain('Digital Innovation in Cities');
        expect(await activeContent(page)).toEqual({ scripts: 0, elements: 0, handlers: [], styleSheets: 1 });
        expect({ requests, dialogs, errors }).toEqual({ requests: [], dialogs: [], errors: [] });

        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
        writeFileSync(path.replace(/\.html$/, '.pdf'), pdf);
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        expect(pdf.length).toBeGreaterThan(20_000);
        const { count, sizes } = pdfPages(pdf);
        expect(count).toBe(pages);
        expect(new Set(sizes)).toEqual(new Set(['595x842'])); // A4 in points
      } finally {
        await close();
      }
      const print = await open(path, { print: true });
      try {
        expect(await overflowing(print.page)).toEqual([]);
      } finally {
        await print.close();
      }
    },
  );

  describe('hostile names stay text', () => {
    const NAMES = {
      project: '</title></style><script>window.__pwned = "project"; alert(1)</script>',
      partners: [
        '<img src=x onerror="window.__pwned = \'img\'">',
        '" onmouseover="window.__pwned = \'attr\'" data-x="',
        "' autofocus onfocus='window.__pwned = 1",
        '</style><style>body { display: none }</style>',
        'javascript:alert(document.domain)',
        '\u202eevil\u202c and \u2066isolated\u2069',
        'bell\u0007 esc\u001b[31m red nul-free',
        '<svg onload="window.__pwned = \'svg\'"></svg>&amp; &lt;b&gt;',
      ],
      source: '<script>window.__pwned = "source"</script>',
      country: '<!-- never closed',
    };
    let path: string;
    let stripped: string;

    beforeAll(() => {
      const file = '<b>"quoted" \'file\'<script>.json'; // no / in a file name
      writeFileSync(
        join(dir, file),
        JSON.stringify({
          project: { name: NAMES.project, programme: '<marquee>URBACT</marquee>' },
          source: 'javascript:alert(1) <a href="javascript:alert(1)">link</a>',
          funding: { erdf: '85%', evil: { amount: 'rest', name: NAMES.source, kind: 'public' } },
          partners: NAMES.partners.map((partner, i) => ({
            partner,
            country: i === 0 ? NAMES.country : 'LV',
            budget: String(1000 + i),
          })),
        }),
      );
      path = writeReport(file, 'hostile.html', 'en', dir);
      // the same document without its Content-Security-Policy: the escaping alone must hold
      stripped = join(dir, 'hostile-no-csp.html');
      const text = readFileSync(path, 'utf8');
      const withoutCsp = text.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n/, '');
      expect(withoutCsp).not.toBe(text);
      writeFileSync(stripped, withoutCsp);
    });

    it.each([
      ['with', () => path],
      ['without', () => stripped],
    ])(
      '%s its CSP: no script runs, no element or attribute is added, every name reads as written (escaped controls shown)',
      async (_, file) => {
        const { page, requests, dialogs, errors, close } = await open(file());
        try {
          await page.mouse.move(200, 400);
          await page.keyboard.press('Tab');
          const dom = await page.evaluate(() => ({
            pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
            title: document.title,
            h1: document.querySelector('h1')!.textContent,
            names: [...document.querySelectorAll('table.partners[data-part="1"] tbody tr[data-partner-row] > th')].map(
              (e) => e.textContent,
            ),
            sources: [...document.querySelectorAll('table.partners thead th')].map((e) => e.textContent),
            visible: getComputedStyle(document.body).display,
            attributes: [...document.querySelectorAll('[data-x], [autofocus], marquee, svg[onload]')].length,
          }));
          expect(dom.pwned).toBeNull();
          expect(dom.h1).toBe(NAMES.project);
          expect(dom.title).toBe(`${NAMES.project} · Co-financing report`);
          expect(dom.names).toEqual(NAMES.partners.map(shownAs));
          expect(dom.names[5]).toBe('\\u202eevil\\u202c and \\u2066isolated\\u2069'); // the overrides shown, never applied
          expect(dom.sources).toContain(NAMES.source);
          expect(dom.visible).toBe('block');
          expect(dom.attributes).toBe(0);
          expect(await activeContent(page)).toEqual({ scripts: 0, elements: 0, handlers: [], styleSheets: 1 });
          expect({ requests, dialogs, errors }).toEqual({ requests: [], dialogs: [], errors: [] });
        } finally {
          await close();
        }
      },
    );
  });

  it('a project of 12 sources and long names: the table in parts, each with every partner, nothing past the page width', async () => {
    const funding = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [
        `src-${i}`,
        i === 11
          ? { amount: 'rest', name: 'The rest' }
          : { rate: '8%', name: `Regional development co-financing instrument ${i}` },
      ]),
    );
    const partners = [
      {
        partner: `Municipality-of-${'Very'.repeat(40)}-Long-Name-Without-Spaces`,
        country: 'LV',
        budget: '987654321098.76',
      },
      { partner: 'Oulu', country: 'FI', budget: '26000' },
    ];
    writeFileSync(join(dir, 'wide.json'), JSON.stringify({ project: { name: 'Wide' }, funding, partners }));
    const path = writeReport('wide.json', 'wide.html', 'lv', dir);
    const json = jsonReport('wide.json', dir);
    const { page, close } = await open(path, { print: true });
    try {
      expect(await overflowing(page)).toEqual([]);
      const parts = await page.evaluate(() =>
        [...document.querySelectorAll('table.partners')].map(
          (t) => t.querySelectorAll('tbody tr[data-partner-row]').length,
        ),
      );
      expect(parts.length).toBeGreaterThan(1);
      expect(parts.every((rows) => rows === 2)).toBe(true);
      const totals = await page.evaluate(() =>
        Object.fromEntries(
          [...document.querySelectorAll('tr[data-total-row] [data-total]')].map((e) => [
            e.getAttribute('data-total'),
            (e as HTMLElement).innerText.trim(),
          ]),
        ),
      );
      for (const source of json.sources) expect(decimalOf(totals[source.id], 'lv')).toBe(source.amount);
    } finally {
      await close();
    }
  });
});

describe('cofin report --format html (binary, no browser)', () => {
  it('writes to a pipe and to -o FILE the same document; -o never replaces a file without --force', () => {
    const piped = cofin(['report', FOUNDING, '--format', 'html', '--locale', 'en']);
    expect([piped.code, piped.stderr]).toEqual([0, '']);
    expect(piped.stdout.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    const out = join(dir, 'written.html');
    expect(cofin(['report', FOUNDING, '--format', 'html', '--locale', 'en', '-o', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(piped.stdout);
    const again = cofin(['report', FOUNDING, '--format', 'html', '-o', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
  });

  it('exits 1 for figures with errors, the report written all the same', () => {
    writeFileSync(join(dir, 'bad.csv'), 'partner;budget;erdf;municipal\nA;100;85%;10%\n');
    const run = cofin(['report', 'bad.csv', '--format', 'html', '-o', 'bad.html'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('1 error in the figures');
    expect(readFileSync(join(dir, 'bad.html'), 'utf8')).toContain('data-verdict="fail"');
  });
});
