// The plan per period (periods:) in cofin report's HTML and xlsx, read by real readers: headless Chromium
// (the system's, through playwright-core) renders the HTML, LibreOffice opens the workbook. Each figure
// shown must be the JSON report's; hostile partner and source names stay text. Skips, saying so, where a
// reader is missing (CI installs both).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Decimal } from 'decimal.js';
import type { Browser, Page } from 'playwright-core';
import { A4_TEXT_WIDTH, NO_BROWSER, launchChromium } from './browser.js';
import { libreOffice, needs, readBack, shownAs, type SheetCell } from './readers.js';
import { bin, cofin, root } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'cofin-report-periods-'));
const at = (name: string) => join(dir, name);
const PLAN = join(root, 'fixtures/periods/ventspils-digital-centre.yaml');
const BY_BUDGET = join(root, 'fixtures/periods/by-budget.yaml');

interface PeriodJson {
  period: number;
  remainder: boolean;
  budget: string;
  categories: { category: string; name: string; amount: string }[] | null;
  shares: { id: string; name: string; computed: string; declared: string | null; difference: string | null }[];
}
const periodsOf = (file: string, cwd = root): { partner: string; periods: PeriodJson[] }[] =>
  JSON.parse(cofin(['report', file, '--format', 'json'], { cwd }).stdout).partners.filter(
    (p: { periods?: unknown }) => p.periods,
  );

/** A shown amount as a decimal string: `5 950,00` (lv) or `5,950.00` (en) → `5950.00`. */
const decimalOf = (text: string, locale: 'en' | 'lv') =>
  locale === 'lv' ? text.replace(/[\s\u00a0€]/g, '').replace(',', '.') : text.replace(/[\s,€]/g, '');

// names a file may bring, each a trap for HTML or a spreadsheet
const HOSTILE_PARTNER = '<img src=x onerror="window.__pwned = \'img\'">=HYPERLINK("http://x")\u202eevil';
const HOSTILE_SOURCE = '</td></tr></table><script>window.__pwned = "source"</script>';
const hostileFile = () => {
  writeFileSync(
    at('hostile-periods.json'),
    JSON.stringify({
      partner: HOSTILE_PARTNER,
      budget: '1000',
      funding: { erdf: '80%', evil: { amount: 'rest', name: HOSTILE_SOURCE, kind: 'public' } },
      periods: [{ period: 1, budget: '400', declared: { erdf: '321' } }, { period: 2 }],
    }),
  );
  return at('hostile-periods.json');
};

let browser: Browser;

async function open(path: string, print = false) {
  const context = await browser.newContext({
    viewport: print ? { width: A4_TEXT_WIDTH, height: 1000 } : { width: 900, height: 1200 },
  });
  const url = pathToFileURL(path).href;
  const requests: string[] = [];
  await context.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  const page: Page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`dialog ${d.message()}`);
    void d.dismiss();
  });
  if (print) await page.emulateMedia({ media: 'print' });
  await page.goto(url, { waitUntil: 'load' });
  return { page, requests, errors, close: () => context.close() };
}

function writeHtml(file: string, out: string, locale: 'en' | 'lv', cwd = root, code = 0): string {
  const path = at(out);
  const run = cofin(['report', file, '--format', 'html', '--locale', locale, '-o', path], { cwd });
  expect(run.code).toBe(code);
  return path;
}

/** Every plan table's cells as the browser shows them, by partner, part, row and period. */
const planTables = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('table.plan')].map((t) => ({
      partner: t.getAttribute('data-plan-partner'),
      periods: [...t.querySelectorAll('thead th[data-period]')].map((th) => Number(th.getAttribute('data-period'))),
      rows: [...t.querySelectorAll('tbody tr')].map((tr) => ({
        id: tr.getAttribute('data-plan-row'),
        name: tr.querySelector('th')!.textContent,
        cells: [...tr.querySelectorAll('td')].map((td) => ({
          text: (td as HTMLElement).innerText.trim(),
          declared: td.getAttribute('data-declared'),
        })),
      })),
    })),
  );

const overflowing = (page: Page) =>
  page.evaluate((width) => {
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width) out.push(`document ${document.documentElement.scrollWidth}px`);
    for (const element of document.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && (box.right > width + 0.5 || box.left < -0.5))
        out.push(`${element.tagName.toLowerCase()}.${element.className}`);
    }
    return out;
  }, A4_TEXT_WIDTH);

/** What the plan tables must show: the JSON's periods, each row by id, each cell's amount as a decimal string. */
function expectPlan(
  tables: Awaited<ReturnType<typeof planTables>>,
  json: ReturnType<typeof periodsOf>,
  locale: 'en' | 'lv',
) {
  for (const partner of json) {
    const own = tables.filter((t) => t.partner === shownAs(partner.partner));
    expect(own.flatMap((t) => t.periods)).toEqual(partner.periods.map((p) => p.period));
    partner.periods.forEach((p, k) => {
      const table = own.find((t) => t.periods.includes(p.period))!;
      const column = table.periods.indexOf(p.period);
      const cell = (id: string) => table.rows.find((r) => r.id === id)!.cells[column]!;
      expect(decimalOf(cell('budget').text, locale), `period ${p.period} budget`).toBe(p.budget);
      for (const c of p.categories ?? []) expect(decimalOf(cell(c.category).text, locale)).toBe(c.amount);
      for (const s of p.shares) {
        const shown = cell(s.id);
        const [computed] = shown.text.split(/\s[✓✗]/);
        expect(decimalOf(computed!, locale), `period ${p.period} ${s.id}`).toBe(s.computed);
        expect(shown.declared).toBe(
          s.declared === null ? null : s.difference === '0' || /^-?0(\.0+)?$/.test(s.difference!) ? 'ok' : 'differs',
        );
        expect(table.rows.find((r) => r.id === s.id)!.name).toBe(shownAs(s.name));
      }
      expect(k).toBeGreaterThanOrEqual(0);
    });
  }
}

describe.skipIf(NO_BROWSER !== undefined)('the plan per period in the HTML report, in Chromium', () => {
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    [PLAN, 'en'],
    [BY_BUDGET, 'lv'],
  ] as const)(
    '%s (%s): every category, budget and share per period is the JSON report’s, ✓ where declared',
    async (file, locale) => {
      const path = writeHtml(file, `${file.split('/').at(-1)}.${locale}.html`, locale);
      const { page, requests, errors, close } = await open(path);
      try {
        const tables = await planTables(page);
        expect(tables.length).toBeGreaterThan(0);
        expectPlan(tables, periodsOf(file), locale);
        const heading = await page.evaluate(() => document.querySelector('section.periods h2')?.textContent);
        expect(heading).toBe(locale === 'en' ? 'Plan per period' : 'Plāns pa periodiem');
        expect({ requests, errors }).toEqual({ requests: [], errors: [] });
      } finally {
        await close();
      }
      const print = await open(path, true);
      try {
        expect(await overflowing(print.page)).toEqual([]);
      } finally {
        await print.close();
      }
    },
  );

  it('a plan of 12 periods at large amounts: tables of 5 periods each, every period once, nothing past the A4 width', async () => {
    const periods = Array.from({ length: 11 }, (_, i) => ({ period: i + 1, budget: `${81_234_567 + i}.89` }));
    writeFileSync(
      at('wide-plan.json'),
      JSON.stringify({
        partner: `Municipality-of-${'Very'.repeat(30)}-Long-Name`,
        budget: '987654321098.76',
        funding: { erdf: '85%', municipal: '10%', state: 'rest' },
        rounding: { method: 'fund-down', unit: '0.01' },
        periods: [...periods, { period: 12 }],
      }),
    );
    const path = writeHtml('wide-plan.json', 'wide-plan.html', 'lv', dir);
    const { page, close } = await open(path, true);
    try {
      expect(await overflowing(page)).toEqual([]);
      const tables = await planTables(page);
      expect(tables.map((t) => t.periods.length)).toEqual([5, 5, 2]);
      expectPlan(tables, periodsOf('wide-plan.json', dir), 'lv');
    } finally {
      await close();
    }
  });

  it('hostile partner and source names in the plan: no script runs, no element is added, each reads as written', async () => {
    const file = hostileFile();
    const path = writeHtml(file, 'hostile-periods.html', 'en', root, 1); // the declared 321 is not the 320 computed
    const { page, requests, errors, close } = await open(path);
    try {
      await page.mouse.move(200, 400);
      const dom = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
        scripts: document.scripts.length,
        elements: document.querySelectorAll('script, img, iframe, object, embed, a, form').length,
        heading: document.querySelector('section.periods h3')!.textContent,
        partner: document.querySelector('table.plan')!.getAttribute('data-plan-partner'),
        tables: document.querySelectorAll('table.plan').length,
      }));
      expect(dom).toEqual({
        pwned: null,
        scripts: 0,
        elements: 0,
        heading: `Plan per period: ${shownAs(HOSTILE_PARTNER)}`,
        partner: shownAs(HOSTILE_PARTNER),
        tables: 1,
      });
      const tables = await planTables(page);
      expect(tables[0]!.rows.map((r) => r.name)).toEqual(['Budget', 'ERDF', shownAs(HOSTILE_SOURCE)]);
      expect(tables[0]!.rows[1]!.cells.map((c) => c.declared)).toEqual(['differs', null]);
      expectPlan(tables, periodsOf(file), 'en');
      expect({ requests, errors }).toEqual({ requests: [], errors: [] });
    } finally {
      await close();
    }
  });
});

describe('the plan per period in the xlsx report, in LibreOffice', () => {
  const book = (file: string, out: string, code: number) => {
    const run = spawnSync(process.execPath, [bin, 'report', file, '--format', 'xlsx', '-o', at(out), '--force'], {
      cwd: root,
    });
    expect(run.status).toBe(code);
    return at(out);
  };
  const expectAmount = (c: SheetCell | undefined, amount: string, where: string) => {
    expect(c?.formula, where).toBeUndefined();
    expect(c?.type, where).toBe('float');
    expect(new Decimal(c!.value!).eq(amount), `${where}: ${c?.value} = ${amount}`).toBe(true);
  };
  const expectText = (c: SheetCell | undefined, text: string, where: string) => {
    expect(c?.formula, where).toBeUndefined();
    if (text === '') return expect(c === undefined || c.type === undefined || c.text === '', where).toBe(true);
    expect(c?.type, where).toBe('string');
    expect(readBack(c!.text), where).toBe(text);
  };

  it('a row per partner, period and line with the JSON report’s amounts; hostile names string cells, never formulas', () => {
    if (!needs('soffice', 'LibreOffice opens the workbook as a spreadsheet would')) return;
    const files = [
      [PLAN, book(PLAN, 'plan.xlsx', 0)],
      [BY_BUDGET, book(BY_BUDGET, 'by-budget.xlsx', 0)],
      [hostileFile(), book(hostileFile(), 'hostile-periods.xlsx', 1)],
    ] as const;
    const sheets = libreOffice(
      dir,
      files.map(([, b]) => b),
    );
    files.forEach(([file], n) => {
      const rows = sheets[n]!.get('Plan per period')!;
      expect(rows[0]!.map((c) => c.text)).toEqual([
        'Partner',
        'Period',
        'Last (the remainder)',
        'Line',
        'Amount',
        'Declared',
        'Difference',
      ]);
      const want: {
        partner: string;
        period: number;
        rest: boolean;
        line: string;
        amount: string;
        declared?: string | null;
        difference?: string | null;
      }[] = [];
      for (const p of periodsOf(file))
        for (const x of p.periods) {
          for (const c of x.categories ?? [])
            want.push({ partner: p.partner, period: x.period, rest: x.remainder, line: c.name, amount: c.amount });
          want.push({ partner: p.partner, period: x.period, rest: x.remainder, line: 'Budget', amount: x.budget });
          for (const s of x.shares)
            want.push({
              partner: p.partner,
              period: x.period,
              rest: x.remainder,
              line: s.name,
              amount: s.computed,
              declared: s.declared,
              difference: s.difference,
            });
        }
      expect(rows.length - 1).toBe(want.length);
      want.forEach((w, i) => {
        const row = rows[i + 1]!;
        const where = `${file} row ${i + 2}`;
        expectText(row[0], w.partner, where);
        expect(row[1]?.value, where).toBe(String(w.period));
        expectText(row[2], w.rest ? 'rest' : '', where);
        expectText(row[3], w.line, where);
        expectAmount(row[4], w.amount, where);
        if (w.declared) expectAmount(row[5], w.declared, where);
        else expectText(row[5], '', where);
        if (w.difference) expectAmount(row[6], w.difference, where);
      });
      for (const row of rows) for (const c of row) expect(c.formula).toBeUndefined();
    });
    // a report without periods has no such sheet
    const plain = book(join(root, 'fixtures/ventspils-digital-centre.yaml'), 'plain.xlsx', 0);
    expect([...libreOffice(dir, [plain])[0]!.keys()]).not.toContain('Plan per period');
    expect(readFileSync(plain).length).toBeGreaterThan(0);
  }, 180_000);
});
