// A real spreadsheet engine writes the workbooks (issue 15): LibreOffice converts every CSV partner table
// of fixtures/ to .xlsx, as a finance officer's "Save as" would, and cofin's check of each workbook gives
// the verdict and the JSON of its CSV (places aside: a CSV's line and column, a workbook's cell).
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { cofin, root } from './run.js';

const inCi = process.env.CI === 'true';
const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice']).status === 0;
if (!hasSoffice) {
  if (inCi)
    throw new Error(
      'soffice is not installed: .ci/run installs LibreOffice (libreoffice-calc-nogui) for the workbook test',
    );
  console.warn(
    'skipped: LibreOffice (soffice) is not installed; the workbooks it writes from the CSV fixtures are not checked here (CI installs it)',
  );
}

function csvFixtures(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return csvFixtures(path);
      return name.endsWith('.csv') && !isRateTable(path) ? [path] : [];
    });
}

/** Claim files' exchange-rate tables (docs/claims.md) have no workbook form, so a workbook of one is no case here. */
function isRateTable(path: string): boolean {
  const header = (readFileSync(path, 'utf8').split('\n', 1)[0] ?? '').trim().toLowerCase();
  return (
    header
      .split(/[,;\t]/)
      .sort()
      .join() === 'currency,month,rate'
  );
}

/** LibreOffice's CSV filter options: the delimiter's code, double quotes, UTF-8, from line 1, and the locale that reads its amounts. */
function filterFor(text: string): string {
  const header = text.replace(/^\ufeff/, '').split('\n')[0]!;
  const counts = [
    [';', 59],
    ['\t', 9],
    [',', 44],
  ].map(([d, code]) => ({ code, n: header.split(d as string).length - 1 }));
  const { code } = counts.sort((a, b) => b.n - a.n)[0]!;
  // a table with ";" is Latvian Excel's: a "," is its decimal mark (locale lv-LV, 1062)
  return code === 44 ? 'CSV:44,34,76,1' : `CSV:${code},34,76,1,,1062`;
}

/** One file's check as JSON, without what differs by nature between a CSV and a workbook: the file's name and the places. */
function checked(path: string) {
  const run = cofin(['check', path, '--format', 'json']);
  const [file] = JSON.parse(run.stdout).files;
  const findings = file.findings.map(
    ({ line: _l, column: _c, pointer: _p, cell: _cell, ...rest }: Record<string, unknown>) => rest,
  );
  return { exit: run.code, verdict: file.verdict, partners: file.partners, findings };
}

describe.skipIf(!hasSoffice)('workbooks written by LibreOffice from the CSV fixtures', () => {
  const fixtures = csvFixtures(join(root, 'fixtures'));

  it('there are CSV fixtures to convert', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(5);
  });

  it('check each workbook as its CSV: the same exit code, verdict, partners and findings', () => {
    const out = mkdtempSync(join(tmpdir(), 'cofin-lo-xlsx-'));
    const groups = new Map<string, string[]>();
    for (const path of fixtures) {
      const filter = filterFor(readFileSync(path, 'utf8'));
      groups.set(filter, [...(groups.get(filter) ?? []), path]);
    }
    const converted = new Map<string, string>();
    let group = 0;
    for (const [filter, paths] of groups) {
      // one start of LibreOffice per filter (each takes seconds); fixtures that share a name go to folders of their own
      const batches: string[][] = [];
      for (const path of paths) {
        const batch = batches.find((b) => !b.some((p) => basename(p) === basename(path)));
        if (batch) batch.push(path);
        else batches.push([path]);
      }
      for (const batch of batches) {
        const into = join(out, String(group++));
        execFileSync(
          'soffice',
          [
            `-env:UserInstallation=file://${out}/profile`,
            '--headless',
            `--infilter=${filter}`,
            '--convert-to',
            'xlsx',
            '--outdir',
            into,
            ...batch,
          ],
          { stdio: 'ignore', timeout: 120_000 },
        );
        for (const path of batch) {
          const book = join(into, basename(path).replace(/\.csv$/, '.xlsx'));
          expect(existsSync(book), `LibreOffice wrote ${book}`).toBe(true);
          converted.set(path, book);
        }
      }
    }
    for (const [path, book] of converted) {
      const fromCsv = checked(path);
      const fromBook = checked(book);
      // an invalid table is invalid for the same reason (its code); the words differ where a CSV has delimiters and a sheet cells
      if (fromCsv.verdict === 'invalid') {
        const codes = (r: typeof fromCsv) => ({
          exit: r.exit,
          verdict: r.verdict,
          codes: r.findings.map((f: { code: string }) => f.code),
        });
        expect(codes(fromBook), relative(root, path)).toEqual(codes(fromCsv));
      } else expect(fromBook, relative(root, path)).toEqual(fromCsv);
    }
  }, 300_000);

  it('an error is placed at the cell LibreOffice put it in', () => {
    const out = mkdtempSync(join(tmpdir(), 'cofin-lo-cell-'));
    const csv = join(root, 'fixtures', 'invalid', 'csv-bad-cell.csv');
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${out}/profile`,
        '--headless',
        `--infilter=${filterFor(readFileSync(csv, 'utf8'))}`,
        '--convert-to',
        'xlsx',
        '--outdir',
        out,
        csv,
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    const run = cofin(['check', join(out, 'csv-bad-cell.xlsx')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /csv-bad-cell\.xlsx:'?csv-bad-cell'?!E2: error: not an amount: "ten percent" \[bad-amount\]\n/,
    );
  }, 120_000);
});
