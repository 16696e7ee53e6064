import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cofin, root } from './run.js';

const SEED = 'fixtures/ventspils-digital-centre.yaml';

describe('cofin check (binary)', () => {
  it('passes the founding example with a table and the unaccounted part of the project', () => {
    const run = cofin(['check', SEED]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(
      'PASS fixtures/ventspils-digital-centre.yaml  Ventspils Digital Centre: EUR 12 758, largest-remainder, unit 1',
    );
    expect(run.stdout).toMatch(/ERDF\s+│\s+85% │ 10 844\.3 │\s+10 844 │\s+10 844 │\s+0 │ ✓ │/);
    expect(run.stdout).toMatch(/Municipal\s+│\s+10% │\s+1 275\.8 │\s+1 276 │\s+1 276 │\s+0 │ ✓ │/);
    expect(run.stdout).toMatch(/State budget \(state\)\s+│\s+5% │\s+637\.9 │\s+638 │\s+638 │\s+0 │ ✓ │/);
    expect(run.stdout).toContain(
      `${SEED}:16:10: note: EUR 134 236 of the project total EUR 146 994 is not accounted for by the 1 partner of 8 listed [project-unaccounted]`,
    );
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('1 file: 1 passed');
  });

  it("fails a user's approximate budget whose declared amounts imply two budgets (ap2.yaml), exit 1", () => {
    const dir = mkdtempSync(join(tmpdir(), 'cofin-ap2-'));
    const file = join(dir, 'ap2.yaml');
    writeFileSync(
      file,
      'partner: X\nbudget: ~10 000\nfunding:\n  erdf: { rate: 85%, amount: 8 900 }\n' +
        '  national: { rate: 15%, amount: 1 500 }\n',
    );
    const run = cofin(['check', file]);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 1, stderr: '' });
    expect(run.stdout).toBe(
      [
        `FAIL ${file}  X: EUR ~10 000, largest-remainder, unit 1`,
        '┌──────────┬──────┬───────┬──────────┬──────────┬────────────┬───┐',
        '│ Source   │ Rate │ Exact │ Computed │ Declared │ Difference │   │',
        '├──────────┼──────┼───────┼──────────┼──────────┼────────────┼───┤',
        '│ ERDF     │  85% │ 8 500 │    8 500 │    8 900 │       +400 │ ✓ │',
        '│ National │  15% │ 1 500 │    1 500 │    1 500 │          0 │ ✓ │',
        '└──────────┴──────┴───────┴──────────┴──────────┴────────────┴───┘',
        `${file}:2:9: error: the declared amounts imply different budgets: erdf EUR 8 900 at 85% a budget of ` +
          'EUR 10 470.59, national EUR 1 500 at 15% EUR 10 000.00, their sum EUR 10 400; the budget EUR ~10 000 ' +
          'allows EUR 9 500 to EUR 10 500 [budget-implied-mismatch]',
        '  hint: correct the amount or the rate that disagrees, or write the exact budget',
        '',
        '1 file: 0 passed, 1 failed',
        '',
      ].join('\n'),
    );
    // --ignore takes the new code: shown, not failing
    const ignored = cofin(['check', file, '--ignore', 'budget-implied-mismatch']);
    expect(ignored.code).toBe(0);
    expect(ignored.stdout).toContain(`${file}:2:9: ignored: the declared amounts imply different budgets`);
  });

  it('marks approximate figures: the header keeps the ~, JSON says budgetApproximate and declaredApproximate', () => {
    const input = 'partner: X\nbudget: ~10 000\nfunding:\n  erdf: { rate: 80%, amount: "~8 000" }\n  national: 20%\n';
    const table = cofin(['check', '-'], { input });
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toBe('PASS <stdin>  X: EUR ~10 000, largest-remainder, unit 0.01');
    expect(cofin(['check', '-', '--locale', 'lv'], { input }).stdout.split('\n')[0]).toMatch(/X: ~10\s000\s€,/u);
    const [file] = JSON.parse(cofin(['check', '-', '--format', 'json'], { input }).stdout).files;
    const [partner] = file.partners;
    expect([partner.budget, partner.budgetApproximate]).toEqual(['10000', true]);
    expect(
      partner.shares.map((s: { declared: string | null; declaredApproximate?: true }) => [
        s.declared,
        s.declaredApproximate,
      ]),
    ).toEqual([
      ['8000', true],
      [null, undefined],
    ]);
    // exact figures carry no such key: the JSON of an exact budget is what it was
    const exact = JSON.parse(cofin(['check', SEED, '--format', 'json']).stdout).files[0].partners[0];
    expect('budgetApproximate' in exact).toBe(false);
    expect(exact.shares.some((s: object) => 'declaredApproximate' in s)).toBe(false);
  });

  it('draws a table whose cells have wide characters with cli-table3, aligned by their width', () => {
    const run = cofin(['check', '-'], {
      input: 'partner: X\nbudget: 100\nfunding:\n  jp: { name: 日本基金, rate: 85% }\n  national: rest\n',
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('│ 日本基金 (jp) │   85% │ 85.00 │    85.00 │          │            │  │');
    expect(run.stdout).toContain('│ National      │ (15%) │ 15.00 │    15.00 │          │            │  │');
  });

  it('passes the JSON form of the founding example, numbers read from their text', () => {
    const run = cofin(['check', 'fixtures/ventspils-digital-centre.json', '--format', 'json']);
    expect(run.code).toBe(0);
    const [file] = JSON.parse(run.stdout).files;
    expect(file.partners[0].shares.map((s: { declared: string }) => s.declared)).toEqual(['10844', '1276', '638']);
    expect(file.partners[0].unit).toBe('1');
  });

  it('writes the documented JSON report', () => {
    const run = cofin(['check', SEED, 'fixtures/fail/wrong-figure.yaml', '--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.schemaVersion).toBe(1);
    expect(report.summary).toEqual({ files: 2, passed: 1, failed: 1, invalid: 0 });
    const [seed, wrong] = report.files;
    expect(seed.file).toBe(SEED);
    expect(seed.verdict).toBe('pass');
    expect(seed.partners[0]).toMatchObject({
      partner: 'Ventspils Digital Centre',
      country: 'LV',
      budget: '12758',
      currency: 'EUR',
      unit: '1',
      method: 'largest-remainder',
    });
    expect(seed.partners[0].shares[0]).toEqual({
      id: 'erdf',
      name: 'ERDF',
      kind: 'eu-fund',
      rate: '85',
      derivedRate: null,
      exact: '10844.3',
      computed: '10844',
      declared: '10844',
      difference: '0',
      status: 'ok',
    });
    expect(seed.findings).toEqual([
      {
        code: 'project-unaccounted',
        severity: 'note',
        partner: null,
        line: 16,
        column: 10,
        pointer: '/project/total',
        message: 'EUR 134 236 of the project total EUR 146 994 is not accounted for by the 1 partner of 8 listed',
        hint: 'list the other partners to check the total',
      },
    ]);
    expect(wrong.verdict).toBe('fail');
    const mismatch = wrong.findings.find((f: { code: string }) => f.code === 'share-mismatch');
    expect(mismatch).toMatchObject({ severity: 'error', line: 5, column: 35, pointer: '/funding/erdf/amount' });
    expect(mismatch.message).toBe('erdf: declared EUR 10 484, computed EUR 10 844 (exact 10 844.3), difference -360');
    expect(mismatch.hint).toContain('two digits swapped: 10 484 for 10 844');
    expect(wrong.partners[0].shares[0]).toMatchObject({
      declared: '10484',
      computed: '10844',
      difference: '-360',
      status: 'mismatch',
    });
  });

  it('fails a wrong figure with exit 1 and a located message', () => {
    const run = cofin(['check', 'fixtures/fail/wrong-figure.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('FAIL fixtures/fail/wrong-figure.yaml');
    expect(run.stdout).toContain(
      'fixtures/fail/wrong-figure.yaml:5:35: error: erdf: declared EUR 10 484, computed EUR 10 844 (exact 10 844.3), difference -360 [share-mismatch]',
    );
    expect(run.stdout).toContain(
      'fixtures/fail/wrong-figure.yaml:3:9: error: the declared amounts add up to EUR 12 398, EUR 360 less than the budget EUR 12 758 [sum-mismatch]',
    );
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('1 file: 0 passed, 1 failed');
  });

  it.each([
    ['fixtures/fund-down.yaml', 'figures follow fund-down: the EU share is rounded down [rounding-method]'],
    [
      'fixtures/rate-display.yaml',
      'erdf: 49,67% is the declared amount EUR 74 500 shown as a rounded rate (49.6667% of the budget) [rate-display]',
    ],
    ['fixtures/rest.yaml', 'Invented partner (rest example): EUR 1 000 000, largest-remainder, unit 1'],
    ['fixtures/approximate.yaml', 'PASS fixtures/approximate.yaml'],
    ['fixtures/multi-partner.yaml', 'Invented Klaipėda partner: EUR 100 000, largest-remainder, unit 0.01'],
  ])('passes %s', (file, text) => {
    const run = cofin(['check', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(text);
  });

  it('fails approximate figures that are too far off', () => {
    const run = cofin(['check', 'fixtures/fail/approximate-off.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'error: erdf: declared EUR 7 200 000.00, computed EUR 7 891 400.00 (exact 7 891 400.00), difference -691 400.00 [share-mismatch]',
    );
  });

  it('--strict turns a rate display into an error', () => {
    const run = cofin(['check', 'fixtures/rate-display.yaml', '--strict']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('error: erdf: 49,67% is the declared amount');
  });

  it('checks a folder in a stable order and reports invalid files with exit 2', () => {
    const run = cofin(['check', 'fixtures', '--format', 'json']);
    expect(run.code).toBe(2);
    const files: string[] = JSON.parse(run.stdout).files.map((f: { file: string }) => f.file);
    // sorted by name at each level (README), so fixtures/corpus/… comes before fixtures/corpus-holdout/…
    const byNameAtEachLevel = (a: string, b: string): number => {
      const [x, y] = [a.split('/'), b.split('/')];
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        if (x[i] !== y[i]) return (x[i] ?? '') < (y[i] ?? '') ? -1 : 1;
      }
      return x.length - y.length;
    };
    expect(files).toEqual([...files].sort(byNameAtEachLevel));
    expect(files).toContain(SEED);
    expect(files.filter((f) => f.startsWith('fixtures/invalid/')).length).toBeGreaterThanOrEqual(25);
    expect(cofin(['check', 'fixtures', '--format', 'json']).stdout).toBe(run.stdout);
  });

  it('exits 1 for a folder with a failing file and no invalid one', () => {
    expect(cofin(['check', 'fixtures/fail']).code).toBe(1);
  });

  it('reads standard input as YAML or JSON', () => {
    const yaml = cofin(['check', '-'], { input: readFileSync(join(root, SEED), 'utf8') });
    expect(yaml.code).toBe(0);
    expect(yaml.stdout).toContain('PASS <stdin>');
    const json = cofin(['check', '-', '--format', 'json'], {
      input: readFileSync(join(root, 'fixtures/ventspils-digital-centre.json'), 'utf8'),
    });
    expect(JSON.parse(json.stdout).files[0]).toMatchObject({ file: '<stdin>', verdict: 'pass' });
  });

  it('accepts a BOM and CRLF line ends', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cofin-'));
    writeFileSync(join(dir, 'bom.yaml'), '\ufeff' + readFileSync(join(root, SEED), 'utf8').replace(/\n/g, '\r\n'));
    const run = cofin(['check', 'bom.yaml', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).files[0].findings[0]).toMatchObject({ line: 16, column: 10 });
  });

  it('reports a missing file and a folder without budget files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cofin-'));
    mkdirSync(join(dir, 'empty'));
    const run = cofin(['check', 'nope.yaml', 'empty'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'nope.yaml: error: no such file [not-found]\n  hint: check the path; - reads standard input\n' +
        'empty: error: no budget files (.yaml, .yml, .json, .csv) in this folder [not-found]\n  hint: name a folder that holds budget files, or the files themselves\n',
    );
    // two files: the closing list of failures before the summary (issue 13)
    expect(run.stdout).toBe(
      'INVALID nope.yaml  no such file [not-found]\n' +
        'INVALID empty  no budget files (.yaml, .yml, .json, .csv) in this folder [not-found]\n\n' +
        '2 files: 0 passed, 2 invalid\n',
    );
  });

  it('never writes to an input file', () => {
    const before = readdirSync(join(root, 'fixtures')).map((f) => [f, statSync(join(root, 'fixtures', f)).mtimeMs]);
    cofin(['check', 'fixtures']);
    const after = readdirSync(join(root, 'fixtures')).map((f) => [f, statSync(join(root, 'fixtures', f)).mtimeMs]);
    expect(after).toEqual(before);
  });

  it('writes GitHub annotations', () => {
    const run = cofin([
      'check',
      'fixtures/fail/wrong-figure.yaml',
      SEED,
      'fixtures/invalid/unknown-key.yaml',
      '--format',
      'github',
    ]);
    expect(run.code).toBe(2);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toContain(
      '::error file=fixtures/fail/wrong-figure.yaml,line=5,col=35,title=cofin share-mismatch::erdf: declared EUR 10 484, computed EUR 10 844 (exact 10 844.3), difference -360%0Ahint: it looks like two digits swapped: 10 484 for 10 844; the declared amount is 82.1759%25 of the budget',
    );
    expect(lines).toContain(
      '::notice file=fixtures/ventspils-digital-centre.yaml,line=16,col=10,title=cofin project-unaccounted::EUR 134 236 of the project total EUR 146 994 is not accounted for by the 1 partner of 8 listed%0Ahint: list the other partners to check the total',
    );
    expect(lines).toContain(
      '::error file=fixtures/invalid/unknown-key.yaml,line=4,col=22,title=cofin unknown-key::unknown key "amout" in source "erdf"%0Ahint: did you mean "amount"?',
    );
    expect(lines.at(-1)).toBe('cofin check: 3 files, 1 passed, 1 failed, 1 invalid');
    for (const line of lines.slice(0, -1))
      expect(line).toMatch(/^::(error|warning|notice) file=[^,:]+(,line=\d+)?(,col=\d+)?,title=[^:]+::.+$/);
  });

  it('writes JUnit XML, one test case per partner', () => {
    const run = cofin([
      'check',
      SEED,
      'fixtures/fail/wrong-figure.yaml',
      'fixtures/multi-partner.yaml',
      'fixtures/invalid/empty.yaml',
      '--format',
      'junit',
    ]);
    expect(run.code).toBe(2);
    const xml = run.stdout;
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="cofin check" tests="7" failures="1" errors="1">',
      ),
    ).toBe(true);
    expect(xml).toContain('<testsuite name="fixtures/multi-partner.yaml" tests="3" failures="0" errors="0">');
    expect(xml).toContain(
      '<testcase classname="fixtures/fail/wrong-figure.yaml" name="Ventspils Digital Centre"><failure type="sum-mismatch"',
    );
    expect(xml).toContain(
      '<testcase classname="fixtures/invalid/empty.yaml" name="fixtures/invalid/empty.yaml"><error type="empty-file" message="the file is empty">',
    );
    // well-formed: every opened element is closed, in order
    const stack: string[] = [];
    for (const [, close, name, selfClose] of xml.replace(/<\?xml[^>]*>/, '').matchAll(/<(\/?)([a-z-]+)[^>]*?(\/?)>/g)) {
      if (selfClose) continue;
      if (close) expect(stack.pop()).toBe(name);
      else stack.push(name!);
    }
    expect(stack).toEqual([]);
  });

  const findingGoldens = [
    ...readdirSync(join(root, 'fixtures/fail')).map((f) => `fixtures/fail/${f}`),
    ...readdirSync(join(root, 'fixtures')).map((f) => `fixtures/${f}`),
  ].filter((f) => f.endsWith('.expected'));
  it('has the findings goldens', () => expect(findingGoldens.length).toBeGreaterThanOrEqual(5));
  // one test each, so that one failure does not hide the others
  it.each(findingGoldens)(
    'findings golden %s gives its exact report: failing fixtures exit 1, passing ones 0',
    (golden) => {
      const file = golden.replace(/\.expected$/, '');
      const run = cofin(['check', file]);
      expect({ file, stdout: run.stdout, code: run.code }).toEqual({
        file,
        stdout: readFileSync(join(root, golden), 'utf8'),
        code: file.startsWith('fixtures/fail/') ? 1 : 0,
      });
    },
  );

  const invalidDir = join(root, 'fixtures/invalid');
  const invalidFiles = readdirSync(invalidDir).filter((f) => !f.endsWith('.expected'));
  it('has the invalid fixtures', () => expect(invalidFiles.length).toBeGreaterThanOrEqual(25));
  // one test each, so that one failure does not hide the others
  it.each(invalidFiles)('invalid fixture %s gives its exact message and exit 2', (file) => {
    const run = cofin(['check', `fixtures/invalid/${file}`]);
    expect({ stderr: run.stderr, code: run.code }).toEqual({
      stderr: readFileSync(join(invalidDir, `${file}.expected`), 'utf8'),
      code: 2,
    });
    expect(run.stdout).toBe('1 file: 0 passed, 1 invalid\n');
  });
});

describe('cofin schema and init (binary)', () => {
  it('prints a JSON Schema', () => {
    const run = cofin(['schema']);
    expect(run.code).toBe(0);
    const schema = JSON.parse(run.stdout);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['currency', 'partner', 'budget', 'funding', 'partners', 'rounding', 'project', 'source']),
    );
  });

  it('writes a starter file that passes, and refuses to overwrite it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cofin-'));
    const first = cofin(['init', 'budget.yaml'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('cofin: wrote budget.yaml; check it with: cofin check budget.yaml\n');
    expect(cofin(['check', 'budget.yaml'], { cwd: dir }).code).toBe(0);
    const before = readFileSync(join(dir, 'budget.yaml'), 'utf8');
    const second = cofin(['init', 'budget.yaml'], { cwd: dir });
    expect(second.code).toBe(2);
    expect(second.stderr).toBe(
      'cofin: error: budget.yaml already exists\nhint: cofin never overwrites a file unless told: choose another name, or pass --force\n',
    );
    expect(readFileSync(join(dir, 'budget.yaml'), 'utf8')).toBe(before);
    expect(readdirSync(dir)).toEqual(['budget.yaml']);
    writeFileSync(join(dir, 'budget.yaml'), 'mine\n');
    expect(cofin(['init', 'budget.yaml', '--force'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'budget.yaml'), 'utf8')).toBe(before);
    expect(readdirSync(dir)).toEqual(['budget.yaml']);
  });

  it('fails cleanly into a missing folder or a full disk, leaving nothing behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cofin-'));
    const missing = cofin(['init', 'no/such/folder/budget.yaml'], { cwd: dir });
    expect(missing).toMatchObject({
      code: 2,
      stderr: 'cofin: error: no/such/folder/budget.yaml: no such folder\nhint: create the folder first\n',
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('prints the starter file with -', () => {
    const run = cofin(['init', '-']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('budget: 12 758');
  });
});

describe('cofin check on a file of many partners (binary)', () => {
  it('lists a line per partner instead of a table each', () => {
    const partners = Array.from({ length: 25 }, (_, i) => `  - { partner: P${i}, budget: ${1000 + i} }`).join('\n');
    const run = cofin(['check', '-'], {
      input: `funding: { erdf: 85%, national: rest }\npartners:\n${partners}\n  - { partner: Bad, budget: 100, funding: { erdf: 85% } }\n`,
    });
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('FAIL <stdin>  26 partners');
    expect(lines[1]).toBe('  ✓ P0: EUR 1 000 (erdf 850.00, national 150.00)');
    expect(lines[26]).toBe('  ✗ Bad: EUR 100 (erdf 85.00)');
    expect(run.stdout).not.toContain('┌');
    expect(run.stdout).toContain(
      '<stdin>:28:29: error: partner "Bad": rates add up to 85%, 15% (EUR 15.00) short of 100% [rates-sum]',
    );
  });
});

describe('bad command lines (binary)', () => {
  it.each([
    [
      ['check', 'fixtures', '--max-file-size', 'big'],
      'cofin: error: --max-file-size takes a whole number of bytes: "big"\nhint: e.g. --max-file-size 67108864\n',
    ],
    [['check'], 'cofin: error: missing required argument \'files\'\nhint: run "cofin check --help" for usage\n'],
    [
      ['check', 'fixtures', '--format', 'xml'],
      "cofin: error: option '--format <format>' argument 'xml' is invalid. Allowed choices are table, json, github, junit, csv, xlsx.\nhint: run \"cofin check --help\" for usage\n",
    ],
    [['report', 'nope.yaml'], 'cofin: error: nope.yaml: no such file\nhint: check the path; - reads standard input\n'],
    [
      ['extract', 'fixtures/documents/ventspils-digital-centre.txt', '--lang', 'de'],
      "cofin: error: option '--lang <lang>' argument 'de' is invalid. Allowed choices are lv, en, auto.\nhint: run \"cofin extract --help\" for usage\n",
    ],
  ])('%j fails with exit 2 and one clear error', (args, stderr) => {
    const run = cofin(args);
    expect({ stderr: run.stderr, code: run.code }).toEqual({ stderr, code: 2 });
  });
});

describe('did-you-mean for what a user mistypes', () => {
  it('names the file nearest to a missing one, in its folder', () => {
    const run = cofin(['check', 'fixtures/ventspils-digital-centr.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'fixtures/ventspils-digital-centr.yaml: error: no such file [not-found]\n  hint: did you mean fixtures/ventspils-digital-centre.yaml?\n',
    );
    expect(cofin(['check', 'fixtures/nothing-like-it.yaml']).stderr).toContain(
      'hint: check the path; - reads standard input',
    );
  });

  it('names a file only for a slip of its name, never an unrelated one (both directions)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cofin-near-'));
    for (const name of ['rest.yaml', 'b.yaml', 'budget.yaml', 'partners-lv.csv', 'ventspils-digital-centre.yaml'])
      writeFileSync(join(dir, name), 'partner: X\n');
    const hint = (name: string) => cofin(['check', name], { cwd: dir }).stderr.split('\n')[1];
    const near: Record<string, string> = {
      'rset.yaml': 'rest.yaml', // two letters swapped
      'budget.yml': 'budget.yaml',
      'Budget.yaml': 'budget.yaml',
      'partners-lv.yaml': 'partners-lv.csv', // the same name in another format
      'ventspils-digital-centr.yaml': 'ventspils-digital-centre.yaml',
      'ventspils-digital-cnetre.yml': 'ventspils-digital-centre.yaml',
    };
    for (const [typed, meant] of Object.entries(near))
      expect(hint(typed), typed).toBe(`  hint: did you mean ${meant}?`);
    // within a third of the length (the old rule) but not slips: report for rest, a for b, a longer name
    for (const typed of ['report.yaml', 'a.yaml', 'partners.csv', 'budgets-2024.yaml', 'centre.yaml'])
      expect(hint(typed), typed).toBe('  hint: check the path; - reads standard input');
  });

  it('names the well-known source id nearest to an unknown one in a budget file, a swap of two letters included', () => {
    const run = cofin(['check', '-'], { input: 'partner: P\nbudget: 1000\nfunding:\n  erfd: 85%\n  national: rest\n' });
    expect(run.code).toBe(2);
    // a slip is told as a slip before "needs a name" (stop 29): a name would not mend it
    expect(run.stderr.split('\n')).toEqual([
      '<stdin>:4:3: error: source "erfd" is not a well-known id: did you mean "erdf"? [unknown-key]',
      '  hint: write erdf; a source of its own one slip from a well-known id states its kind ' +
        '(kind: eu-fund, public, automatic-public, private)',
      '',
    ]);
  });
});
