// A report of a failing file shows that it fails (binary): every text format states the file's verdict and its
// findings, as `cofin check` gives them, and a hostile value quoted in a finding harms no reader.
import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { scratch } from './run.js';

const { write, run } = scratch('cofin-report-verdict-');

/** Two partners: the second declares 801 where its share is 800. */
const FAILING = write(
  [
    'rounding: { unit: 1 }',
    'funding: { erdf: 80%, national: rest }',
    'partners:',
    '  - { partner: Ventspils, country: LV, budget: 1000 }',
    '  - { partner: Siauliai, country: LT, budget: 1000, funding: { erdf: { rate: 80%, amount: 801 }, national: rest } }',
    '',
  ].join('\n'),
);
/** The same, every figure agreeing. */
const PASSING = write(
  [
    'rounding: { unit: 1 }',
    'funding: { erdf: 80%, national: rest }',
    'partners:',
    '  - { partner: Ventspils, country: LV, budget: 1000 }',
    '  - { partner: Siauliai, country: LT, budget: 1000 }',
    '',
  ].join('\n'),
);
/** Passes with a warning: an EU rate above 85%. */
const WARNING = write('budget: 1000\nfunding: { erdf: 90%, national: rest }\n');

interface FindingJson {
  code: string;
  severity: string;
  message: string;
  hint: string | null;
  line: number | null;
  column: number | null;
  pointer: string | null;
  partner: string | null;
}

/** What `cofin check --format json` says of a file: its verdict and findings. */
function checked(file: string): { verdict: string; findings: FindingJson[] } {
  const json = JSON.parse(run(['check', file, '--format', 'json']).stdout) as {
    files: { verdict: string; findings: FindingJson[] }[];
  };
  const [only] = json.files;
  if (!only) throw new Error('no file checked');
  return only;
}

const CSV_HEAD = [
  ...['partner', 'country', 'budget', 'source', 'name', 'kind', 'amount'],
  ...['verdict', 'severity', 'code', 'line', 'column', 'message', 'hint'],
];

describe('report of a failing file (binary)', () => {
  it('exits 1 in every format, as before, and says so on stderr', () => {
    for (const format of ['table', 'md', 'json', 'csv']) {
      const result = run(['report', FAILING, '--format', format, '--locale', 'en']);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`${FAILING}: 1 error in the figures; the report shows the computed amounts`);
    }
  });

  it('table: a FAIL line under the title, then each finding as cofin check prints it', () => {
    const lines = run(['report', FAILING, '--locale', 'en']).stdout.split('\n');
    expect(lines[2]).toBe(
      `FAIL ${FAILING}: 1 error in the figures; the report shows the computed amounts; ` +
        'the findings below say what differs',
    );
    const check = run(['check', FAILING, '--locale', 'en']).stdout.split('\n');
    const finding = check.find((line) => line.startsWith(`${FAILING}:5:`));
    expect(finding).toMatch(
      /: error: partner "Siauliai": erdf: declared EUR 801, computed EUR 800 .*\[share-mismatch\]$/,
    );
    expect(lines[3]).toBe(finding);
    expect(lines[4]).toMatch(/^ {2}hint: /);
    expect(lines[5]).toBe('');
    expect(lines[6]).toBe('Partners and sources');
  });

  it('table in Latvian: the verdict and the finding in Latvian, the code as in every language', () => {
    const lines = run(['report', FAILING, '--locale', 'lv']).stdout.split('\n');
    expect(lines[2]).toMatch(new RegExp(`^NEATBILST ${FAILING}: `));
    expect(lines[3]).toContain('[share-mismatch]');
    expect(lines[3]).toBe(
      run(['check', FAILING, '--locale', 'lv'])
        .stdout.split('\n')
        .find((l) => l.includes(':5:')),
    );
  });

  it('md: a bold FAIL line and a table of the findings before the report’s own tables', () => {
    const md = run(['report', FAILING, '--format', 'md', '--locale', 'en']).stdout.split('\n');
    expect(md[2]).toBe(
      `**FAIL** ${FAILING}: 1 error in the figures; the report shows the computed amounts; ` +
        'the findings below say what differs',
    );
    expect(md.slice(4, 8)).toEqual(['## Findings', '', '| Severity | Line | Finding |', '| --- | ---: | --- |']);
    expect(md[8]).toMatch(
      /^\| Error \| 5:\d+ \| partner "Siauliai": erdf: declared EUR 801, .* \\\[share-mismatch\\\] hint: /,
    );
    expect(md[9]).toBe('');
    expect(md[10]).toBe('## Partners and sources');
  });

  it('json: "verdict" and "findings", the very ones of check --format json', () => {
    const json = JSON.parse(run(['report', FAILING, '--format', 'json']).stdout) as Record<string, unknown>;
    const check = checked(FAILING);
    expect(json.verdict).toBe('fail');
    expect(json.findings).toEqual(check.findings);
    expect(check.findings).toHaveLength(1);
    // the report's own fields where they were: verdict after schemaVersion, findings last
    expect(Object.keys(json)).toEqual([
      ...['schemaVersion', 'verdict', 'currency', 'budget', 'euAmount', 'averageEuRate', 'partners', 'sources'],
      ...['kinds', 'countries', 'categories', 'findings'],
    ]);
  });

  it('csv: the report’s columns in their places, the verdict on every row, a row per finding after the partners', () => {
    for (const [dialect, delimiter] of [
      ['rfc4180', ','],
      ['excel-lv', ';'],
    ] as const) {
      const text = run(['report', FAILING, '--format', 'csv', '--csv-dialect', dialect]).stdout;
      const rows: string[][] = parseCsv(text, { delimiter, bom: true });
      expect(rows[0]).toEqual(CSV_HEAD);
      const body = rows.slice(1);
      expect(body.map((row) => row.slice(0, 8))).toEqual([
        ['Ventspils', 'LV', '1000', 'erdf', 'ERDF', 'eu-fund', '800', 'fail'],
        ['Ventspils', 'LV', '1000', 'national', 'National', 'public', '200', 'fail'],
        ['Siauliai', 'LT', '1000', 'erdf', 'ERDF', 'eu-fund', '800', 'fail'],
        ['Siauliai', 'LT', '1000', 'national', 'National', 'public', '200', 'fail'],
        ['Siauliai', '', '', '', '', '', '', 'fail'],
      ]);
      for (const row of body.slice(0, 4)) expect(row.slice(8)).toEqual(['', '', '', '', '', '']);
      const [finding] = checked(FAILING).findings;
      expect(body[4]?.slice(8)).toEqual([
        finding?.severity,
        finding?.code,
        String(finding?.line),
        String(finding?.column),
        finding?.message,
        finding?.hint,
      ]);
    }
  });
});

describe('report of a passing file (binary)', () => {
  it('says PASS in every format, with no finding', () => {
    const table = run(['report', PASSING, '--locale', 'en']);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n').slice(2, 5)).toEqual([
      `PASS ${PASSING}: The figures check out`,
      '',
      'Partners and sources',
    ]);
    const md = run(['report', PASSING, '--format', 'md', '--locale', 'en']).stdout.split('\n');
    expect(md.slice(2, 5)).toEqual([`**PASS** ${PASSING}: The figures check out`, '', '## Partners and sources']);
    const json = JSON.parse(run(['report', PASSING, '--format', 'json']).stdout) as Record<string, unknown>;
    expect([json.verdict, json.findings]).toEqual(['pass', []]);
    const rows: string[][] = parseCsv(run(['report', PASSING, '--format', 'csv']).stdout);
    expect(rows[0]).toEqual(CSV_HEAD);
    expect(rows).toHaveLength(5);
    for (const row of rows.slice(1)) expect(row.slice(7)).toEqual(['pass', '', '', '', '', '', '']);
  });

  it('lists its warnings in every format, as the HTML report does', () => {
    const check = checked(WARNING);
    expect(check.verdict).toBe('pass');
    expect(check.findings.map((f) => [f.severity, f.code])).toEqual([['warning', 'eu-rate-high']]);
    const table = run(['report', WARNING, '--locale', 'en']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(`PASS ${WARNING}: The figures check out\n${WARNING}:2:`);
    expect(table.stdout).toMatch(/: warning: erdf: .*\[eu-rate-high\]\n/);
    expect(run(['report', WARNING, '--format', 'md', '--locale', 'en']).stdout).toMatch(
      /\n\| Warning \| 2:\d+ \| erdf: /,
    );
    const json = JSON.parse(run(['report', WARNING, '--format', 'json']).stdout) as Record<string, unknown>;
    expect([json.verdict, json.findings]).toEqual(['pass', check.findings]);
    const rows: string[][] = parseCsv(run(['report', WARNING, '--format', 'csv']).stdout);
    expect(rows.at(-1)?.slice(7, 10)).toEqual(['pass', 'warning', 'eu-rate-high']);
  });
});

describe('a finding that quotes a hostile value (binary)', () => {
  // a name with a formula, a line break, markup, a GitHub command, a bidi override and Markdown's pipe and heading
  const NAME = '=HYPERLINK("http://x")\n<b>x</b> | ::error::pwned \u202e # [a](javascript:alert(1))';
  const quoted = JSON.stringify(NAME);
  const HOSTILE = write(
    [
      'rounding: { unit: 1 }',
      'partners:',
      `  - { partner: ${quoted}, budget: 1000, funding: { erdf: 80%, national: rest } }`,
      `  - { partner: ${quoted}, budget: 1000, funding: { erdf: { rate: 80%, amount: 801 }, national: rest } }`,
      '',
    ].join('\n'),
  );
  const noRawControl = (text: string) => expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);

  it('reaches the findings: two, each quoting the name', () => {
    const { findings } = checked(HOSTILE);
    expect(findings.map((f) => f.code)).toEqual(['share-mismatch', 'duplicate-partner']);
    for (const f of findings) expect(f.message).toContain(NAME);
  });

  it('table: each finding on its lines, the name’s controls written out, no line starting ::', () => {
    const out = run(['report', HOSTILE, '--locale', 'en']).stdout;
    noRawControl(out);
    for (const line of out.split('\n')) expect(line).not.toMatch(/^\s*::/);
    const findings = out.split('\n').filter((line) => line.startsWith(`${HOSTILE}:`));
    expect(findings).toHaveLength(2);
    expect(findings[1]).toContain('partner "=HYPERLINK("http://x")\\n<b>x</b> | ::error::pwned \\u202e # ');
  });

  it('md: the findings’ rows are a cell each, no markup, link or heading can render', () => {
    const md = run(['report', HOSTILE, '--format', 'md', '--locale', 'en']).stdout;
    noRawControl(md);
    expect(md).not.toMatch(/[<>]/);
    expect(md).not.toMatch(/(?<!\\)\[a\]/);
    const lines = md.split('\n');
    const rows = lines.slice(lines.indexOf('## Findings') + 4, lines.indexOf('## Partners and sources') - 1);
    expect(rows).toHaveLength(2);
    // three cells a row: every pipe of the name escaped
    for (const row of rows) expect(row.match(/(?<!\\)\|/g)).toHaveLength(4);
    expect(lines.filter((line) => line.startsWith('#')).map((line) => line.replace(/ .*/, ''))).toEqual([
      '#',
      '##',
      '##',
      '##',
      '##',
    ]);
  });

  it('json: the message as it is, every control escaped', () => {
    const text = run(['report', HOSTILE, '--format', 'json']).stdout;
    noRawControl(text);
    const json = JSON.parse(text) as { findings: FindingJson[] };
    expect(json.findings).toEqual(checked(HOSTILE).findings);
    expect(json.findings[1]?.message).toBe(
      `partner ${JSON.stringify(NAME).replace(/\\"/g, '"').replace(/\\n/g, '\n')} is listed twice`,
    );
  });

  it('csv: the finding row’s cells through the formula-safe escaping, on one line each', () => {
    for (const [dialect, delimiter] of [
      ['rfc4180', ','],
      ['excel-lv', ';'],
    ] as const) {
      const text = run(['report', HOSTILE, '--format', 'csv', '--csv-dialect', dialect]).stdout;
      noRawControl(text.replace(/\r\n/g, '\n'));
      const rows: string[][] = parseCsv(text, { delimiter, bom: true });
      const found = rows.filter((row) => row[8] !== '' && row[8] !== 'severity');
      expect(found).toHaveLength(2);
      for (const row of rows) {
        expect(row).toHaveLength(14);
        for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }
      // the partner cell neutralised, the message a text on one line
      expect(found[0]?.[0]).toBe(
        `'=HYPERLINK("http://x")\\n<b>x</b> | ::error::pwned \\u202e # [a](javascript:alert(1))`,
      );
      expect(found[1]?.[12]).toBe(
        'partner "=HYPERLINK("http://x")\\n<b>x</b> | ::error::pwned \\u202e # [a](javascript:alert(1))" is listed twice',
      );
    }
  });
});
