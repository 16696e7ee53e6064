// Output that harms its reader (issue 11): every value cofin writes comes from someone else's
// file. These tests run the built CLI on hostile budget files and documents and read what
// reaches each consumer as that consumer would: a terminal or CI log (no raw control
// character, no line that starts a GitHub workflow command), a JSON, CSV, XML or YAML parser,
// a Markdown table, and LibreOffice opening the CSV as a spreadsheet.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { cofin, type Run } from './run.js';
import { readBack } from './readers.js';

const dir = mkdtempSync(join(tmpdir(), 'cofin-safe-'));
const write = (name: string, content: string) => {
  writeFileSync(join(dir, name), content);
  return name;
};
const run = (args: string[], input?: string): Run =>
  cofin(args, { cwd: dir, ...(input === undefined ? {} : { input }) });

/** Every kind of character a reader acts on, and the text of every kind of injection. */
const NASTY =
  'A\u001b[2J\u001b]0;title\u0007\r\n\t\b\u0000\u007f\u009b31m\u0085\u202e\u2066\u200f\u061c\u2028\u2029::error::x ]]> | <script>alert(1)</script> & [a](javascript:alert(1)) `x` *b* _i_ \\ end';
const NAMES = {
  formula: `=1+1${NASTY}`,
  plus: `+cmd|' /C calc'!A0${NASTY}`,
  minus: '-2+3',
  at: '@SUM(1)',
  tab: '\t=1+1',
  cr: '\r=1+1',
  command: '::error file=a.yaml,line=1::pwned',
  spaced: '  ::warning::pwned',
  colon: ':',
  // distinct names that a careless escape would collapse
  tabbed: 'a\tb',
  spaceb: 'a b',
  backslash: 'a\\tb',
  carriage: 'a\rb',
  markup: '<img src=x onerror=alert(1)>',
  heading: '# Heading',
};
const PARTNERS = Object.values(NAMES);

/** A multi-partner JSON budget file: hostile partner names, countries, a hostile source name and project name. */
function hostileProject(partners = PARTNERS): string {
  return JSON.stringify({
    project: { name: `::warning::${NASTY}`, programme: NASTY },
    funding: { erdf: '85%', evil: { rate: '15%', name: `=HYPERLINK("http://x")${NASTY}`, kind: 'public' } },
    partners: partners.map((partner, i) => ({
      partner,
      country: i % 2 ? `-${NASTY}` : `@${i}`,
      budget: String(1000 + i * 1111),
    })),
  });
}
const PROJECT = write('project.json', hostileProject());

/** Characters that must never reach a reader raw (tab, CR and LF included: no value may bring its own). */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/u;
/** GitHub's own annotation lines, the only lines that may start with `::`. */
const ANNOTATION = /^::(error|warning|notice) file=[^:,]*(,line=\d+)?(,col=\d+)?,title=cofin [a-z-]+::[^\r\n]*$/;

/** Every line of stdout and stderr: no raw control character, and no `::` at its start unless allowed. */
function expectSafeLines(result: Run, annotations = false) {
  for (const [stream, text] of [
    ['stdout', result.stdout],
    ['stderr', result.stderr],
  ] as const) {
    for (const line of text.split('\n')) {
      expect(RAW.test(line), `${stream}: ${JSON.stringify(line)}`).toBe(false);
      if (line.trimStart().startsWith('::')) {
        expect(annotations && stream === 'stdout' && ANNOTATION.test(line), `${stream}: ${JSON.stringify(line)}`).toBe(
          true,
        );
      }
    }
  }
}

/** Decodes a value escaped by the JUnit XML (entities, then cofin's visible escapes). */
const xmlDecode = (text: string) =>
  readBack(
    text.replace(
      /&(lt|gt|quot|apos|amp);/g,
      (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!,
    ),
  );

const inCi = process.env.CI === 'true';
const onPath = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
/** A test that needs an outside tool: in CI a missing tool fails it, elsewhere it is skipped with a message. */
function needs(tool: string, why: string) {
  if (onPath(tool)) return true;
  if (inCi) throw new Error(`${tool} is not installed: .ci/run installs it (${why})`);
  console.warn(`skipped: ${tool} is not installed (${why}); in CI this fails`);
  return false;
}

describe('terminals and logs: values are shown escaped, never acted on', () => {
  it('check: the table, the findings and their hints', () => {
    const file = write(
      'findings.json',
      JSON.stringify({
        partners: [
          {
            partner: NAMES.formula,
            budget: '12758',
            funding: { erdf: { rate: '85%', amount: '10845' }, national: 'rest' },
          },
          { partner: NAMES.formula, budget: '100', funding: { erdf: '85%', evil: { rate: '15%', name: NASTY } } },
          { partner: NAMES.command, budget: '100', funding: { erdf: '85%', national: 'rest' } },
          { partner: NAMES.colon, budget: '100', funding: { erdf: '85%', national: 'rest' } },
        ],
      }),
    );
    const result = run(['check', file]);
    expect(result.code).toBe(1);
    expectSafeLines(result);
    // shown, visibly: the escape, the bidi override, the line break, the C1 control
    expect(result.stdout).toContain(
      '=1+1A\\x1b[2J\\x1b]0;title\\x07\\r\\n\\t\\x08\\x00\\x7f\\x9b31m\\x85\\u202e\\u2066\\u200f\\u061c\\u2028\\u2029::error::x',
    );
    // a partner's line, after its mark (✓ or ✗, mend8), names it with its leading colon escaped
    expect(result.stdout).toContain('\n✓ \\x3a:error file=a.yaml,line=1::pwned: EUR 100');
    expect(result.stdout).toContain('\n✓ \\x3a: EUR 100');
    // the finding quotes the name, escaped, on one line with its code
    expect(result.stdout).toMatch(
      /findings\.json:1:\d+: error: partner "=1\+1A\\x1b\[2J[^\n]*" is listed twice \[duplicate-partner\]\n/,
    );
  });

  it('check: a file of more than 20 partners, a line each', () => {
    const file = write('many.json', hostileProject([...PARTNERS, ...PARTNERS.map((p) => `${p} 2`)]));
    const result = run(['check', file]);
    expectSafeLines(result);
    expect(result.stdout).toContain('  ✓ \\x3a:error file=a.yaml,line=1::pwned: EUR');
  });

  it('check: an invalid file and a hostile file name on stderr', () => {
    const name = write(
      '::error::bad\n\u001b[31mname\u202e.yaml',
      'partner: X\nbudget: 100\nfunding: {erdf: 85%, "\\e[2J::warning::\\n": 15%}\n',
    );
    const result = run(['check', name]);
    expect(result.code).toBe(2);
    expectSafeLines(result);
    expect(result.stderr.split('\n')[0]).toMatch(/^\\x3a:error::bad\\n\\x1b\[31mname\\u202e\.yaml:3:\d+: error: /);
    const missing = run(['check', '::error::gone\n.yaml']);
    expectSafeLines(missing);
    expect(missing.stderr).toContain('\\x3a:error::gone\\n.yaml: error: ');
  });

  it('errors on stderr (reportError): a hostile file name, a hostile share argument', () => {
    const report = run(['report', '\u001b]0;pwned\u0007\n::error::x.yaml']);
    expect(report.code).toBe(2);
    expectSafeLines(report);
    expect(report.stderr).toMatch(/^cofin: error: \\x1b\]0;pwned\\x07\\n::error::x\.yaml: /);
    const split = run(['split', '100', 'erdf\u001b[2J\n::error::x\u009b']);
    expect(split.code).toBe(2);
    expectSafeLines(split);
    expect(split.stderr).toBe(
      'cofin: error: not a share: "erdf\\x1b[2J\\n::error::x\\x9b"\nhint: write ID=RATE, such as erdf=85%, ipa:eu-fund=80% or national=rest\n',
    );
  });

  it('report: the title, the tables, the chart and its legend', () => {
    const result = run(['report', PROJECT, '--locale', 'en']);
    expectSafeLines(result);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^\\x3a:warning::A\\x1b\[2J/);
    // the chart's lines start with the partner names: the name ":" is escaped, the others cannot start with ::
    expect(lines.some((line) => /^\\x3a {2,}[█▓▒░#=+*]/.test(line))).toBe(true);
  });

  it('a partner table from a spreadsheet (CSV input): the same names, the same escapes', () => {
    const table = write(
      'partners.csv',
      `partner,country,budget,erdf,national\n"=1+1\u001b[2J\r\n::error::x\u202e",LV,12758,85%,rest\n"::warning::y\u009b",-2+3,100,85%,rest\n`,
    );
    const check = run(['check', table]);
    expect(check.code).toBe(0);
    expectSafeLines(check);
    expect(check.stdout).toContain('=1+1\\x1b[2J\\r\\n::error::x\\u202e: EUR 12 758');
    expect(check.stdout).toContain('\n✓ \\x3a:warning::y\\x9b: EUR 100');
    const csv = run(['report', table, '--format', 'csv']);
    expectSafeLines(csv);
    expect(parseCsv(csv.stdout).map((row: string[]) => row[0])).toEqual([
      'partner',
      ...Array(2).fill("'=1+1\\x1b[2J\\r\\n::error::x\\u202e"),
      ...Array(2).fill('::warning::y\\x9b'),
    ]);
  });

  it('colour codes cofin writes itself survive; the values are escaped before styling', () => {
    const result = cofin(['check', PROJECT, '--color'], { cwd: dir });
    expect(result.stdout).toMatch(/^\u001b\[1m\u001b\[3[12]m(PASS|FAIL)\u001b\[39m\u001b\[22m /);
    // every ESC on stdout starts one of cofin's SGR colour codes
    expect(result.stdout.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(RAW);
  });
});

describe('JSON keeps every value exactly, with no raw control character', () => {
  it('check --format json', () => {
    for (const file of [
      PROJECT,
      write('many2.json', hostileProject([...PARTNERS, ...PARTNERS.map((p) => `${p} 2`)])),
    ]) {
      const result = run(['check', file, '--format', 'json']);
      expectSafeLines(result);
      const [report] = JSON.parse(result.stdout).files;
      expect(report.partners.slice(0, PARTNERS.length).map((p: { partner: string }) => p.partner)).toEqual(PARTNERS);
      expect(report.partners[0].shares[1].name).toBe(`=HYPERLINK("http://x")${NASTY}`);
      expect(result.stdout).toContain('\\u009b31m\\u0085\\u202e\\u2066\\u200f\\u061c\\u2028\\u2029');
    }
  });

  // report and extract JSON: parsed back exactly, one line per value; raw C1 and bidi controls
  // in them need src/commands/{report,extract}.ts to write reportToJsonText / extractionToJsonText
  it('report --format json', () => {
    const result = run(['report', PROJECT, '--format', 'json']);
    const json = JSON.parse(result.stdout);
    expect(json.partners.map((p: { partner: string }) => p.partner)).toEqual(PARTNERS);
    expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });
});

describe('CI logs: --format github', () => {
  it("one annotation per finding, message and properties escaped by GitHub's rules, nothing else starts with ::", () => {
    const name = write(
      '::error::a,b:%0A\u001b.json',
      JSON.stringify({
        partners: [
          {
            partner: `${NAMES.command}\n::error::second%0A`,
            budget: '12758',
            funding: { erdf: { rate: '85%', amount: '10845' }, national: 'rest' },
          },
          {
            partner: `${NAMES.command}\n::error::second%0A`,
            budget: '100',
            funding: { erdf: '85%', national: 'rest' },
          },
        ],
      }),
    );
    const result = run(['check', name, '--format', 'github']);
    expect(result.code).toBe(1);
    expectSafeLines(result, true);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('cofin check: 1 file, 0 passed, 1 failed, 0 invalid');
    const [, props, message] = /^::error ([^:]*)::(.*)$/.exec(lines[0]!)!;
    expect(props).toMatch(/^file=%3A%3Aerror%3A%3Aa%2Cb%3A%250A\\x1b\.json,line=1,col=\d+,title=cofin share-mismatch$/);
    // GitHub decodes %0A into its own line break: the hint's; the name's is an escaped \n
    const decoded = message!.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
    expect(decoded.split('\n')).toHaveLength(2);
    expect(decoded).toMatch(/^partner "::error file=a\.yaml,line=1::pwned\\n::error::second%0A": erdf: declared/);
    expect(decoded.split('\n')[1]).toMatch(/^hint: /);
  });
});

describe('CSV for spreadsheets', () => {
  const hostileSplit = () =>
    run(['split', '12758', 'erdf=85%', 'municipal=10%', 'state=5%', '--unit', '1', '--format', 'csv']);

  it('report --format csv: text cells neutralised by column, amounts untouched', () => {
    const result = run(['report', PROJECT, '--format', 'csv']);
    expectSafeLines(result);
    const rows: string[][] = parseCsv(result.stdout);
    expect(rows[0]).toEqual([
      ...['partner', 'country', 'budget', 'source', 'name', 'kind', 'amount'],
      ...['verdict', 'severity', 'code', 'line', 'column', 'message', 'hint'],
    ]);
    // the partners' rows, then a row per finding (the duplicate names': messages that quote a hostile name)
    const body = rows.slice(1).filter((row) => row[8] === '');
    const found = rows.slice(1).filter((row) => row[8] !== '');
    expect(body.length).toBe(PARTNERS.length * 2);
    expect(found.map((row) => row[9])).toEqual(['duplicate-partner', 'duplicate-partner', 'duplicate-partner']);
    for (const row of [...body, ...found]) {
      expect(row).toHaveLength(14);
      expect(row[7]).toBe('fail');
      for (const [i, cell] of row.entries()) {
        if ((i === 2 || i === 6) && row[8] === '') expect(cell).toMatch(/^-?\d+(\.\d+)?$/);
        else expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
    // a finding's message quoting a name with a line break stays on its line, the name's break written out
    expect(found.map((row) => row[0])).toEqual(["'\\r=1+1", 'a b', 'a\\rb']);
    expect(found[0]![12]).toBe('partner "\\r=1+1" is listed twice');
    expect(body.map((row) => row[0])).toContain(
      "'=1+1A\\x1b[2J\\x1b]0;title\\x07\\r\\n\\t\\x08\\x00\\x7f\\x9b31m\\x85\\u202e\\u2066\\u200f\\u061c\\u2028\\u2029::error::x ]]> | <script>alert(1)</script> & [a](javascript:alert(1)) `x` *b* _i_ \\ end",
    );
    expect(body.map((row) => row[0])).toContain("'-2+3");
    expect(body.map((row) => row[0])).toContain("'\\t=1+1");
    expect(body.map((row) => row[0])).toContain('::error file=a.yaml,line=1::pwned');
    expect(body[1]![4]).toMatch(/^'=HYPERLINK\("http:\/\/x"\)A/);
    // a line never starts with ::, even when the partner name does: the cell is quoted
    expect(result.stdout).toContain('\n"::error file=a.yaml,line=1::pwned",');
  });

  it('split --format csv: a negative adjustment is an amount, not a formula', () => {
    const result = hostileSplit();
    expect(result.stdout).toBe(
      'id,name,kind,rate,exact,amount,adjustment\nerdf,ERDF,eu-fund,85,10844.3,10844,-0.3\nmunicipal,Municipal,public,10,1275.8,1276,0.2\nstate,State budget,automatic-public,5,637.9,638,0.1\n',
    );
  });

  it('LibreOffice opens the CSV: no cell is a formula, every amount is exact, every text is the text written', () => {
    if (!needs('soffice', 'LibreOffice opens the CSV as a spreadsheet would')) return;
    const report = run(['report', PROJECT, '--format', 'csv']);
    const split = hostileSplit();
    const files = [write('report.csv', report.stdout), write('split.csv', split.stdout)];
    // CSV:44,34,76,1 — comma, double quote, UTF-8, from line 1; formulas are evaluated, as by default
    execFileSync(
      'soffice',
      [
        '--headless',
        '--infilter=CSV:44,34,76,1',
        '--convert-to',
        'fods',
        '--outdir',
        join(dir, 'lo'),
        ...files.map((f) => join(dir, f)),
      ],
      {
        stdio: 'ignore',
        timeout: 120_000,
        env: { ...process.env, HOME: join(dir, 'lo-home') },
      },
    );
    // a finding's line and column (columns 10 and 11 of the report) are numbers too
    for (const [file, amountColumns] of [
      ['report', [2, 6, 10, 11]],
      ['split', [3, 4, 5, 6]],
    ] as const) {
      const written: string[][] = parseCsv(readFileSync(join(dir, `${file}.csv`), 'utf8'));
      const sheet = readFods(readFileSync(join(dir, 'lo', `${file}.fods`), 'utf8'));
      expect(sheet.length).toBe(written.length);
      for (const [r, row] of written.entries()) {
        for (const [c, text] of row.entries()) {
          // an empty cell (a finding's row has no amounts; a partner's no finding) may be no cell at all
          const cell = sheet[r]?.[c] ?? { type: undefined, value: undefined, formula: undefined, text: '' };
          expect(cell.formula, `${file} row ${r} column ${c}: ${text}`).toBeUndefined();
          if (text === '') expect([cell.type, cell.text]).toEqual([undefined, '']);
          else if (r > 0 && (amountColumns as readonly number[]).includes(c)) {
            expect(cell.type).toBe('float');
            expect(cell.value).toBe(String(Number(text))); // the decimal string, exactly
            expect(Number(text).toString()).toBe(text.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, ''));
          } else {
            expect(cell.type, `${file} row ${r} column ${c}`).toBe('string');
            expect(cell.text).toBe(text);
          }
        }
      }
    }
  }, 180_000);
});

/** The cells of a flat ODF spreadsheet (LibreOffice's .fods) as the engine holds them: type, value, formula, text. */
function readFods(xml: string) {
  const table = xml.slice(xml.indexOf('<table:table '), xml.indexOf('</table:table>'));
  const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];
  const decode = (text: string) =>
    text
      .replace(/<text:s(?: text:c="(\d+)")?\/>/g, (_, n?: string) => ' '.repeat(Number(n ?? 1)))
      .replace(/<text:tab\/>/g, '\t')
      .replace(/<text:line-break\/>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(
        /&(lt|gt|quot|apos|amp);/g,
        (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!,
      );
  const rows: { type?: string; value?: string; formula?: string; text: string }[][] = [];
  for (const [, body] of table.matchAll(/<table:table-row[^>]*>([\s\S]*?)<\/table:table-row>/g)) {
    const cells: (typeof rows)[number] = [];
    for (const [, tag, inner] of body!.matchAll(/<table:table-cell([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)) {
      const paragraphs = [...(inner ?? '').matchAll(/<text:p>([\s\S]*?)<\/text:p>/g)].map((m) => decode(m[1]!));
      const cell = {
        type: attr(tag!, 'office:value-type'),
        value: attr(tag!, 'office:value'),
        formula: attr(tag!, 'table:formula'),
        text: paragraphs.join('\n'),
      };
      for (let i = 0; i < Number(attr(tag!, 'table:number-columns-repeated') ?? 1); i++) cells.push(cell);
    }
    rows.push(cells);
  }
  return rows;
}

describe('Markdown: report --format md', () => {
  it('every name on one line and in its own cell; no HTML, no link, no heading can render', () => {
    const result = run(['report', PROJECT, '--format', 'md', '--locale', 'en']);
    expectSafeLines(result);
    const md = result.stdout;
    expect(md).not.toMatch(/[<>]/);
    expect(md).not.toMatch(/(?<!\\)\[/);
    expect(md).not.toMatch(/(?<!\\)`/);
    const lines = md.split('\n');
    expect(lines[0]).toMatch(/^# ::warning::A\\\\x1b\\\[2J/);
    // the findings' table (its duplicate names), then the report's own
    expect(lines.filter((line) => line.startsWith('#')).map((line) => line.replace(/ .*/, ''))).toEqual([
      '#',
      '##',
      '##',
      '##',
      '##',
    ]);
    // each table row splits on its unescaped pipes into exactly the header's cells
    const cells = (line: string) => line.slice(2, -2).split(/(?<!\\) \| /);
    const table = lines.slice(lines.indexOf('## Partners and sources') + 2, lines.indexOf('## By kind of source') - 1);
    const width = cells(table[0]!).length;
    expect(width).toBe(3 + 2 + 2);
    for (const row of table) expect(row.match(/(?<!\\)\|/g)?.length).toBe(width + 1);
    // a cell reads back as the name, cofin's visible escapes aside
    const names = table.slice(2, -1).map((row) =>
      readBack(
        cells(row)[0]!
          .replace(/\\([\\`*_[\]#|~$:.@])/g, '$1')
          .replace(/&(lt|gt|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', amp: '&' })[e]!),
      ),
    );
    expect(names).toEqual(PARTNERS);
  });
});

describe('JUnit XML: check --format junit', () => {
  it('is well-formed XML 1.0 for a real parser; names come back exactly and stay distinct', () => {
    const invalid = write(
      '\u001b[31m::error::bad\u0001.yaml',
      `partner: X\nbudget: 100\nfunding: {erdf: 85%, "\\e]]>\\x9b": 15%}\n`,
    );
    const failing = write(
      'failing.json',
      JSON.stringify({
        partners: [
          {
            partner: NAMES.formula,
            budget: '12758',
            funding: { erdf: { rate: '85%', amount: '10845' }, national: 'rest' },
          },
          ...PARTNERS.slice(1).map((partner) => ({
            partner,
            budget: '100',
            funding: { erdf: '85%', national: 'rest' },
          })),
        ],
      }),
    );
    const result = run(['check', PROJECT, failing, invalid, '--format', 'junit']);
    expect(result.code).toBe(2);
    expectSafeLines(result);
    const xml = result.stdout;
    // XML 1.0 allows no other characters; a C1 or bidi control is escaped as text too
    expect(xml).not.toMatch(/[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u);
    if (needs('xmllint', 'a real XML parser validates the JUnit XML')) {
      const lint = spawnSync('xmllint', ['--noout', '-'], { input: xml, encoding: 'utf8' });
      expect(lint.stderr).toBe('');
      expect(lint.status).toBe(0);
    }
    const names = [...xml.matchAll(/<testcase classname="([^"]*)" name="([^"]*)"/g)].map((m) => [
      xmlDecode(m[1]!),
      xmlDecode(m[2]!),
    ]);
    expect(names.filter(([file]) => file === PROJECT).map(([, name]) => name)).toEqual(PARTNERS);
    expect(names.filter(([file]) => file === failing).map(([, name]) => name)).toEqual(PARTNERS);
    expect(new Set(names.filter(([file]) => file === failing).map(([, name]) => name)).size).toBe(PARTNERS.length);
    expect(names.map(([file]) => file)).toContain(invalid);
    expect(xml).toContain('name="\\x1b[31m::error::bad\\x01.yaml"');
    expect(xml).toMatch(/<failure type="share-mismatch" message="partner &quot;=1\+1A\\x1b\[2J/);
  });
});

describe('extract writes YAML that only says what the document says', () => {
  const document = [
    'Projekta budžets EUR',
    '12 758. No tā 85% ERAF finansējums EUR',
    '10 844, 10% pašvaldības finansējums EUR',
    '1 276 un 5% valsts budžeta dotācija EUR',
    '638. Citi izdevumi EUR',
    '5 000 \u001b[31m\u202e ::error::x\u2028rounding: { unit: 1000 }',
  ].join('\n');

  it('a file name with a line break and a document that breaks a line between EUR and its number', () => {
    const name = write('doc\nrounding: { unit: 1000 }\n::error::x.txt', document);
    const result = run(['extract', name]);
    expect(result.code).toBe(0);
    expectSafeLines(result);
    const yaml = result.stdout;
    const parsed = parseYaml(yaml);
    expect(Object.keys(parsed)).toEqual(['currency', 'budget', 'funding', 'source']);
    expect(parsed).toMatchObject({
      currency: 'EUR',
      budget: 12758,
      source: name,
      funding: { erdf: { name: 'ERAF finansējums', rate: '85%', amount: 10844 } },
    });
    expect(yaml).toContain(
      '# Figures read by cofin extract from doc\\nrounding: { unit: 1000 }\\n::error::x.txt (Latvian).',
    );
    expect(yaml).toContain(
      '# also in the document: EUR\\n5 000 (line 5: "Citi izdevumi EUR 5 000 \\u001b[31m\\u202e ::error::x rounding: { unit: 1000 }")',
    );
    const check = run(['check', '-'], yaml);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/^PASS <stdin> {2}partner: EUR 12 758, largest-remainder, unit 1\n/);
  });

  it("extract --format json keeps the document's words exactly", () => {
    const name = write('doc.txt', document);
    const result = run(['extract', name, '--format', 'json']);
    const json = JSON.parse(result.stdout);
    expect(json.budget.text).toBe('EUR\n12 758');
    expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });
});

// The lines src/commands/ writes itself: file names escaped, report JSON through safe-text.
describe('lines the commands write themselves', () => {
  it('report: the "errors in the figures" line on stderr escapes the file name', () => {
    const name = write(
      'bad\n::error::x.json',
      JSON.stringify({
        partner: 'X',
        budget: '100',
        funding: { erdf: { rate: '85%', amount: '1' }, national: 'rest' },
      }),
    );
    const result = run(['report', name]);
    expect(result.code).toBe(1);
    expectSafeLines(result);
  });

  it('extract: the "found no budget" line on stderr escapes the file name', () => {
    const result = run(['extract', write('none\n::error::y.txt', 'nothing here\n')]);
    expect(result.code).toBe(1);
    expectSafeLines(result);
  });

  it('report --format json writes C1 and bidi controls as \\u escapes', () => {
    expect(run(['report', PROJECT, '--format', 'json']).stdout).not.toMatch(RAW);
  });
});

describe('cofin claim output', () => {
  const hostile = 'Evil\u001b]52;c;cGF5\u0007\n::error file=x::fake PASS\u202e\u009b';
  const claimFile = () =>
    write(
      'claim.json',
      JSON.stringify({
        partner: hostile,
        costs: { staff: '1000', travel: '500' },
        funding: { erdf: '85%', sponsor: { rate: '15%', kind: 'private', name: `=HYPERLINK("x")${hostile}` } },
        claims: [
          { period: 1, expenditure: { staff: '600', travel: '200' } },
          { period: 1, expenditure: { staff: '100' } },
        ],
      }),
    );

  it('table: names escaped, no raw control character, no injected line', () => {
    const result = run(['claim', claimFile()]);
    expect(result.code).toBe(1); // a period claimed twice
    expectSafeLines(result);
    expect(result.stdout).toContain('Evil\\x1b]52;c;cGF5\\x07\\n::error file=x::fake PASS\\u202e\\x9b');
  });

  it('JSON: the names exactly as written, C1 and bidi as \\u escapes', () => {
    const result = run(['claim', claimFile(), '--format', 'json']);
    expectSafeLines(result);
    expect(JSON.parse(result.stdout).partner).toBe(hostile);
  });
});
