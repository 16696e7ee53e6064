import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { bin, cofin, root } from './run.js';
import { CONFIG_SCHEMA } from '../../src/io/config.js';

// Issue 13: folder checks people can read. fixtures/folder/ holds the budget
// files (passing, failing, invalid, and failing ones in node_modules/ and
// .hidden/ that the walk must skip); each test copies it into a fresh folder
// and adds a repository's own JSON files (package.json, package-lock.json,
// tsconfig*.json), which would be invalid budget files if they were checked
// (kept out of fixtures/: test/schema.test.ts validates every fixture's JSON).

function tree(extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'cofin-folder-'));
  cpSync(join(root, 'fixtures/folder'), dir, { recursive: true });
  const files: Record<string, string> = {
    'package.json': '{ "name": "budgets", "private": true }\n',
    'package-lock.json': '{ "name": "budgets", "lockfileVersion": 3 }\n',
    'tsconfig.json': '{ "compilerOptions": {} }\n',
    'tsconfig.build.json': '{ "extends": "./tsconfig.json" }\n',
    ...extra,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const WRONG_BLOCK = `FAIL budgets/wrong-figure.yaml  Ventspils Digital Centre: EUR 12 758, largest-remainder, unit 1
┌──────────────────────┬──────┬──────────┬──────────┬──────────┬────────────┬───┐
│ Source               │ Rate │    Exact │ Computed │ Declared │ Difference │   │
├──────────────────────┼──────┼──────────┼──────────┼──────────┼────────────┼───┤
│ ERDF                 │  85% │ 10 844.3 │   10 844 │   10 484 │       -360 │ ✗ │
│ Municipal            │  10% │  1 275.8 │    1 276 │    1 276 │          0 │ ✓ │
│ State budget (state) │   5% │    637.9 │      638 │      638 │          0 │ ✓ │
└──────────────────────┴──────┴──────────┴──────────┴──────────┴────────────┴───┘
budgets/wrong-figure.yaml:3:9: error: the declared amounts add up to EUR 12 398, EUR 360 less than the budget EUR 12 758 [sum-mismatch]
  hint: check each amount against the document, or the budget
budgets/wrong-figure.yaml:5:35: error: erdf: declared EUR 10 484, computed EUR 10 844 (exact 10 844.3), difference -360 [share-mismatch]
  hint: it looks like two digits swapped: 10 484 for 10 844; the declared amount is 82.1759% of the budget

`;
// a passing file's note is told under its line
const VENTSPILS_NOTE = `budgets/ventspils.yaml:16:10: note: EUR 134 236 of the project total EUR 146 994 is not accounted for by the 1 partner of 8 listed [project-unaccounted]
  hint: list the other partners to check the total
`;
const TOP_NOTE = `top.json:11:92: note: EUR 134 236 of the project total EUR 146 994 is not accounted for by the 1 partner of 8 listed [project-unaccounted]
  hint: list the other partners to check the total
`;
const INVALID_TEXT = `budgets/partners.csv:2:25: error: not an amount: "ten percent" [bad-amount]
  hint: write an amount such as 12758, 12 758 or 12 758,00
`;
const CLOSING = `INVALID budgets/partners.csv:2:25  not an amount: "ten percent" [bad-amount]
FAIL budgets/wrong-figure.yaml:3:9  the declared amounts add up to EUR 12 398, EUR 360 less than the budget EUR 12 758 [sum-mismatch]

`;
const SUMMARY = '5 files: 3 passed, 1 failed, 1 invalid\n';
const CHECKED = [
  'budgets/network.yaml',
  'budgets/partners.csv',
  'budgets/ventspils.yaml',
  'budgets/wrong-figure.yaml',
  'top.json',
];

describe('cofin check of a folder (issue 13)', () => {
  it('prints a line per passing file, failures in full, a closing list of failures and the summary', () => {
    const run = cofin(['check', '.'], { cwd: tree() });
    expect(run).toEqual({
      code: 2,
      stderr: INVALID_TEXT,
      stdout:
        '✓ budgets/network.yaml  3 partners: EUR 250 000\n' +
        '✓ budgets/ventspils.yaml  Ventspils Digital Centre: EUR 12 758\n' +
        VENTSPILS_NOTE +
        WRONG_BLOCK +
        '✓ top.json  Ventspils Digital Centre: EUR 12 758\n' +
        TOP_NOTE +
        '\n' +
        CLOSING +
        SUMMARY,
    });
  });

  it('-q shows only the failing and invalid files, the closing list and the summary', () => {
    for (const flag of ['-q', '--quiet']) {
      expect(cofin(['check', '.', flag], { cwd: tree() })).toEqual({
        code: 2,
        stderr: INVALID_TEXT,
        stdout: WRONG_BLOCK + CLOSING + SUMMARY,
      });
    }
  });

  it('-v shows every file as a check of that file alone would, then the closing list', () => {
    const dir = tree();
    const alone = (file: string) => {
      const run = cofin(['check', file], { cwd: dir });
      return file.endsWith('.csv') ? '' : run.stdout.slice(0, run.stdout.lastIndexOf('1 file: '));
    };
    const run = cofin(['check', '.', '--verbose'], { cwd: dir });
    expect(run.stdout).toBe(CHECKED.map(alone).join('') + CLOSING + SUMMARY);
    expect(run.stdout).toContain(
      'PASS budgets/ventspils.yaml  Ventspils Digital Centre: EUR 12 758, largest-remainder, unit 1\n',
    );
    expect(run.stdout).toContain('budgets/ventspils.yaml:16:10: note: EUR 134 236 of the project total');
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 2, stderr: INVALID_TEXT });
    expect(cofin(['check', '.', '-v'], { cwd: dir }).stdout).toBe(run.stdout);
  });

  it('one file keeps its full output, with no closing list; -q leaves out a passing one', () => {
    const dir = tree();
    const run = cofin(['check', 'budgets/wrong-figure.yaml'], { cwd: dir });
    expect(run).toEqual({ code: 1, stderr: '', stdout: WRONG_BLOCK + '1 file: 0 passed, 1 failed\n' });
    expect(cofin(['check', 'budgets/wrong-figure.yaml', '-q'], { cwd: dir })).toEqual(run);
    expect(cofin(['check', 'top.json', '-q'], { cwd: dir })).toEqual({
      code: 0,
      stderr: '',
      stdout: '1 file: 1 passed\n',
    });
    expect(cofin(['check', 'top.json', '-v'], { cwd: dir })).toEqual(cofin(['check', 'top.json'], { cwd: dir }));
  });

  it("a passing file's warnings and notes are told under its line, with hints; -q leaves them out, --ignore too", () => {
    const dir = mkdtempSync(join(tmpdir(), 'cofin-folder-'));
    cpSync(join(root, 'fixtures/rate-display.yaml'), join(dir, 'display.yaml'));
    cpSync(join(root, 'fixtures/folder/budgets/network.yaml'), join(dir, 'network.yaml'));
    const run = cofin(['check', '.'], { cwd: dir });
    expect(run).toEqual({
      code: 0,
      stderr: '',
      stdout:
        '✓ display.yaml  Invented partner (rate display example): EUR 150 000\n' +
        'display.yaml:7:11: note: erdf: 49,67% is the declared amount EUR 74 500 shown as a rounded rate (49.6667% of the budget) [rate-display]\n' +
        '  hint: the rate is taken as a rounded display of the amount, not a prescribed rate; --strict refuses this\n' +
        'display.yaml:9:21: note: national: 50,33% is the declared amount EUR 75 500 shown as a rounded rate (50.3333% of the budget) [rate-display]\n' +
        '  hint: the rate is taken as a rounded display of the amount, not a prescribed rate; --strict refuses this\n' +
        '✓ network.yaml  3 partners: EUR 250 000\n' +
        '\n2 files: 2 passed\n',
    });
    expect(cofin(['check', '.', '-q'], { cwd: dir }).stdout).toBe('2 files: 2 passed\n');
    expect(cofin(['check', '.', '--ignore', 'rate-display'], { cwd: dir }).stdout).toBe(
      '✓ display.yaml  Invented partner (rate display example): EUR 150 000\n' +
        '✓ network.yaml  3 partners: EUR 250 000\n' +
        '\n2 files: 2 passed\n',
    );
  });

  it('-o FILE holds what stdout would, and the reasons for invalid files too', () => {
    const dir = tree();
    const run = cofin(['check', '.', '-o', 'report.txt'], { cwd: dir });
    expect(run).toEqual({ code: 2, stdout: '', stderr: INVALID_TEXT });
    expect(readFileSync(join(dir, 'report.txt'), 'utf8')).toBe(
      '✓ budgets/network.yaml  3 partners: EUR 250 000\n' +
        INVALID_TEXT +
        '\n' +
        '✓ budgets/ventspils.yaml  Ventspils Digital Centre: EUR 12 758\n' +
        VENTSPILS_NOTE +
        WRONG_BLOCK +
        '✓ top.json  Ventspils Digital Centre: EUR 12 758\n' +
        TOP_NOTE +
        '\n' +
        CLOSING +
        SUMMARY,
    );
  });

  it('--format json, github and junit keep their shape and check the same files', () => {
    const dir = tree();
    const json = cofin(['check', '.', '--format', 'json'], { cwd: dir });
    expect(json.code).toBe(2);
    const report = JSON.parse(json.stdout);
    expect(Object.keys(report)).toEqual(['schemaVersion', 'files', 'summary']);
    expect(report.files.map((f: { file: string; verdict: string }) => [f.file, f.verdict])).toEqual([
      ['budgets/network.yaml', 'pass'],
      ['budgets/partners.csv', 'invalid'],
      ['budgets/ventspils.yaml', 'pass'],
      ['budgets/wrong-figure.yaml', 'fail'],
      ['top.json', 'pass'],
    ]);
    expect(report.summary).toEqual({ files: 5, passed: 3, failed: 1, invalid: 1 });
    expect(JSON.stringify(report)).not.toContain('"ignored"');

    const github = cofin(['check', '.', '--format', 'github'], { cwd: dir });
    expect(github.code).toBe(2);
    expect(github.stderr).toBe('');
    const lines = github.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('cofin check: 5 files, 3 passed, 1 failed, 1 invalid');
    expect(lines.filter((l) => l.startsWith('::error ')).map((l) => /file=([^,]*)/.exec(l)![1])).toEqual([
      'budgets/partners.csv',
      'budgets/wrong-figure.yaml',
      'budgets/wrong-figure.yaml',
    ]);

    const junit = cofin(['check', '.', '--format', 'junit'], { cwd: dir });
    expect(junit.code).toBe(2);
    expect([...junit.stdout.matchAll(/<testsuite name="([^"]*)"/g)].map((m) => m[1])).toEqual(CHECKED);
  });
});

describe('which files a folder check reads (issue 13)', () => {
  it('skips package.json, package-lock.json, tsconfig*.json, node_modules/ and dot-folders by default', () => {
    const run = cofin(['check', '.', '--format', 'json'], { cwd: tree() });
    expect(JSON.parse(run.stdout).files.map((f: { file: string }) => f.file)).toEqual(CHECKED);
  });

  it('checks a file named explicitly, whatever the skips and excludes say', () => {
    const dir = tree();
    const named = cofin(
      [
        'check',
        'package.json',
        'node_modules/some-package/budget.yaml',
        '.hidden/budget.yaml',
        'budgets/partners.csv',
        '--exclude',
        '*.csv',
        '--format',
        'json',
      ],
      { cwd: dir },
    );
    expect(JSON.parse(named.stdout).files.map((f: { file: string; verdict: string }) => [f.file, f.verdict])).toEqual([
      ['package.json', 'invalid'],
      ['node_modules/some-package/budget.yaml', 'fail'],
      ['.hidden/budget.yaml', 'fail'],
      ['budgets/partners.csv', 'invalid'],
    ]);
    // a skipped folder named as the folder to walk is walked
    expect(cofin(['check', 'node_modules', '--format', 'json'], { cwd: dir }).code).toBe(1);
  });

  it('--exclude GLOB (repeatable): a name at any depth, a path from the folder walked, a folder with a trailing /', () => {
    const dir = tree();
    const files = (...args: string[]) => {
      const run = cofin(['check', '.', '--format', 'json', ...args], { cwd: dir });
      return { code: run.code, files: JSON.parse(run.stdout).files.map((f: { file: string }) => f.file) };
    };
    expect(files('--exclude', '*.csv', '--exclude', 'budgets/wrong-*')).toEqual({
      code: 0,
      files: ['budgets/network.yaml', 'budgets/ventspils.yaml', 'top.json'],
    });
    expect(files('--exclude', 'budgets/')).toEqual({ code: 0, files: ['top.json'] });
    expect(files('--exclude', '**/*.yaml')).toEqual({ code: 2, files: ['budgets/partners.csv', 'top.json'] });
    expect(files('--exclude', 'b?dgets/*.y?ml', '--exclude', 'top.json')).toEqual({
      code: 2,
      files: ['budgets/partners.csv'],
    });
    // from the folder walked, not from the current folder
    const sub = cofin(['check', 'budgets', '--exclude', 'wrong-figure.yaml', '--exclude', 'partners.csv'], {
      cwd: dir,
    });
    expect(sub).toEqual({
      code: 0,
      stderr: '',
      stdout:
        '✓ budgets/network.yaml  3 partners: EUR 250 000\n✓ budgets/ventspils.yaml  Ventspils Digital Centre: EUR 12 758\n' +
        VENTSPILS_NOTE +
        '\n2 files: 2 passed\n' +
        // what the excludes left out is named, and by whom
        '2 files excluded (partners.csv, wrong-figure.yaml) by --exclude: budgets/partners.csv, budgets/wrong-figure.yaml\n',
    });
  });

  it('a folder whose every file is excluded is reported as a folder without budget files but excluded ones', () => {
    const run = cofin(['check', 'budgets', '--exclude', '*'], { cwd: tree() });
    expect(run).toEqual({
      code: 2,
      stdout:
        '1 file: 0 passed, 1 invalid\n' +
        '4 files excluded (*) by --exclude: budgets/network.yaml, budgets/partners.csv, budgets/ventspils.yaml, ' +
        'budgets/wrong-figure.yaml\n',
      stderr:
        'budgets: error: no budget files (.yaml, .yml, .json, .csv) in this folder but the ones excluded [not-found]\n' +
        '  hint: loosen --exclude (or exclude: in the config file), or name the files themselves\n',
    });
  });
});

describe('--ignore CODE (issue 13)', () => {
  it('keeps the finding, marked ignored, and lets it not fail the file', () => {
    const dir = tree();
    const strict = cofin(['check', 'budgets/ventspils.yaml', '--strict'], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain(
      'budgets/ventspils.yaml:16:10: error: EUR 134 236 of the project total EUR 146 994 is not accounted for by the 1 partner of 8 listed [project-unaccounted]\n',
    );
    const ignored = cofin(['check', 'budgets/ventspils.yaml', '--strict', '--ignore', 'project-unaccounted'], {
      cwd: dir,
    });
    expect(ignored.code).toBe(0);
    expect(ignored.stdout).toContain('PASS budgets/ventspils.yaml');
    expect(ignored.stdout).toContain(
      'budgets/ventspils.yaml:16:10: ignored: EUR 134 236 of the project total EUR 146 994 is not accounted for by the 1 partner of 8 listed [project-unaccounted]\n',
    );
    expect(ignored.stdout.endsWith('\n1 file: 1 passed\n1 error ignored (project-unaccounted) by --ignore\n')).toBe(
      true,
    );
  });

  it('adds "ignored": true to the ignored findings in JSON, and only to them', () => {
    const run = cofin(
      [
        'check',
        'budgets/wrong-figure.yaml',
        'budgets/ventspils.yaml',
        '--strict',
        '--ignore',
        'project-unaccounted',
        '--ignore',
        'sum-mismatch',
        '--format',
        'json',
      ],
      { cwd: tree() },
    );
    expect(run.code).toBe(1);
    const [wrong, ventspils] = JSON.parse(run.stdout).files;
    expect(ventspils.verdict).toBe('pass');
    expect(ventspils.findings).toEqual([
      expect.objectContaining({ code: 'project-unaccounted', severity: 'error', ignored: true }),
    ]);
    expect(wrong.verdict).toBe('fail');
    expect(wrong.findings.map((f: { code: string; ignored?: boolean }) => [f.code, f.ignored])).toEqual([
      ['sum-mismatch', true],
      ['share-mismatch', undefined],
    ]);
    expect(Object.keys(wrong.findings[1])).toEqual([
      'code',
      'severity',
      'message',
      'hint',
      'line',
      'column',
      'pointer',
      'partner',
    ]);
  });

  it('the closing list names the first error that is not ignored; github makes an ignored error a notice', () => {
    const dir = tree();
    const run = cofin(
      ['check', 'budgets/wrong-figure.yaml', 'budgets/ventspils.yaml', '-q', '--ignore', 'sum-mismatch'],
      { cwd: dir },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('budgets/wrong-figure.yaml:3:9: ignored: the declared amounts add up to EUR 12 398');
    expect(
      run.stdout.endsWith(
        'FAIL budgets/wrong-figure.yaml:5:35  erdf: declared EUR 10 484, computed EUR 10 844 (exact 10 844.3), difference -360 [share-mismatch]\n\n2 files: 1 passed, 1 failed\n1 error ignored (sum-mismatch) by --ignore\n',
      ),
    ).toBe(true);
    const github = cofin(['check', 'budgets/wrong-figure.yaml', '--ignore', 'sum-mismatch', '--format', 'github'], {
      cwd: dir,
    });
    expect(github.stdout.split('\n').map((l) => l.split(' ')[0])).toEqual(['::notice', '::error', 'cofin', '']);
    const junit = cofin(
      [
        'check',
        'budgets/wrong-figure.yaml',
        '--ignore',
        'sum-mismatch',
        '--ignore',
        'share-mismatch',
        '--format',
        'junit',
      ],
      { cwd: dir },
    );
    expect(junit.code).toBe(0);
    expect(junit.stdout).toContain('<testsuite name="budgets/wrong-figure.yaml" tests="1" failures="0" errors="0">');
    expect(junit.stdout).toContain('budgets/wrong-figure.yaml:5:35: ignored: erdf: declared EUR 10 484');
  });

  it('a code that is not a finding code is a usage error with a did-you-mean', () => {
    expect(cofin(['check', 'budgets', '--ignore', 'project-unacounted'], { cwd: tree() })).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'cofin: error: --ignore: "project-unacounted" is not a finding code\nhint: did you mean "project-unaccounted"?\n',
    });
  });
});

describe('the config file (issue 13)', () => {
  const CONFIG = 'strict: true\nignore: [project-unaccounted]\nexclude:\n  - "*.csv"\n  - wrong-figure.yaml\n';

  it('is found upwards from the current folder: cofin.config.yaml', () => {
    const dir = tree({ 'cofin.config.yaml': CONFIG });
    // from a folder below it; --strict alone would fail ventspils.yaml on its note
    const run = cofin(['check', '.'], { cwd: join(dir, 'budgets') });
    expect(run).toEqual({
      code: 0,
      stderr: '',
      stdout:
        '✓ network.yaml  3 partners: EUR 250 000\n✓ ventspils.yaml  Ventspils Digital Centre: EUR 12 758\n\n' +
        '2 files: 2 passed\n1 error ignored (project-unaccounted) by ../cofin.config.yaml\n' +
        // a config up the tree excludes nothing unseen
        '2 files excluded (*.csv, wrong-figure.yaml) by ../cofin.config.yaml: partners.csv, wrong-figure.yaml\n',
    });
    // the config file itself is never taken for a budget file
    expect(
      JSON.parse(cofin(['check', '.', '--format', 'json'], { cwd: dir }).stdout).files.map(
        (f: { file: string }) => f.file,
      ),
    ).toEqual(['budgets/network.yaml', 'budgets/ventspils.yaml', 'top.json']);
  });

  it('cofin.config.json and a "cofin" key in package.json', () => {
    const json = tree({ 'cofin.config.json': JSON.stringify({ format: 'json', exclude: ['budgets/'] }) });
    expect(JSON.parse(cofin(['check', '.'], { cwd: json }).stdout).files.map((f: { file: string }) => f.file)).toEqual([
      'top.json',
    ]);
    const manifest = tree({
      'package.json': JSON.stringify({ name: 'budgets', cofin: { format: 'github', exclude: 'budgets/' } }),
    });
    // found from a folder below it, in the package.json of the folder above
    const github = cofin(['check', '..'], { cwd: join(manifest, 'budgets') });
    expect({ code: github.code, stderr: github.stderr, last: github.stdout.trimEnd().split('\n').at(-1) }).toEqual({
      code: 0,
      stderr: '',
      last: 'cofin check: 1 file, 1 passed, 0 failed, 0 invalid',
    });
    expect(github.stdout).toContain('::notice file=../top.json,line=11,col=92,title=cofin project-unaccounted::');
  });

  it('flags override it: --format, --no-strict; --ignore and --exclude add to its lists', () => {
    const dir = tree({ 'cofin.config.yaml': 'format: github\nstrict: true\n' });
    expect(cofin(['check', 'budgets/ventspils.yaml'], { cwd: dir }).stdout).toContain(
      '::error file=budgets/ventspils.yaml,line=16,col=10,title=cofin project-unaccounted::',
    );
    const table = cofin(['check', 'budgets/ventspils.yaml', '--format', 'table'], { cwd: dir });
    expect({ code: table.code, head: table.stdout.split('\n')[0] }).toEqual({
      code: 1,
      head: 'FAIL budgets/ventspils.yaml  Ventspils Digital Centre: EUR 12 758, largest-remainder, unit 1',
    });
    const relaxed = cofin(['check', 'budgets/ventspils.yaml', '--format', 'table', '--no-strict'], { cwd: dir });
    expect(relaxed.code).toBe(0);
    expect(relaxed.stdout).toContain('budgets/ventspils.yaml:16:10: note: EUR 134 236');
    const lists = tree({ 'cofin.config.yaml': 'exclude: ["*.csv"]\nignore: [sum-mismatch]\n' });
    const run = cofin(['check', '.', '--exclude', 'top.json', '--ignore', 'share-mismatch', '-q'], { cwd: lists });
    expect(run).toEqual({
      code: 0,
      stderr: '',
      stdout:
        '3 files: 3 passed\n2 errors ignored (share-mismatch, sum-mismatch) by cofin.config.yaml and --ignore\n' +
        '2 files excluded (*.csv, top.json) by cofin.config.yaml and --exclude: budgets/partners.csv, top.json\n',
    });
  });

  it('format: json in it makes an error that stops the check a JSON object on stdout too, as --format json does', () => {
    const dir = tree({ 'cofin.config.yaml': 'format: json\n' });
    const run = cofin(['check', '.', '--ignore', 'sum-mismach'], { cwd: dir });
    expect({ code: run.code, stderr: run.stderr.split('\n')[0] }).toEqual({
      code: 2,
      stderr: 'cofin: error: --ignore: "sum-mismach" is not a finding code',
    });
    expect(JSON.parse(run.stdout)).toMatchObject({
      schemaVersion: 1,
      error: { code: 'usage', message: '--ignore: "sum-mismach" is not a finding code' },
    });
    // a flag given wins over the config: a table run's error is the line on stderr alone
    expect(cofin(['check', '.', '--ignore', 'sum-mismach', '--format', 'table'], { cwd: dir }).stdout).toBe('');
  });

  it('an unknown key is an error with a did-you-mean, exit 2', () => {
    const dir = tree({ 'cofin.config.yaml': 'exlude: ["*.csv"]\n' });
    expect(cofin(['check', '.'], { cwd: join(dir, 'budgets') })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'cofin: error: ../cofin.config.yaml:1:1: unknown key "exlude"\nhint: did you mean "exclude"?\n',
    });
    const manifest = tree({ 'package.json': JSON.stringify({ cofin: { strikt: true } }) });
    expect(cofin(['check', '.'], { cwd: manifest })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'cofin: error: package.json:1:11: unknown key "strikt"\nhint: did you mean "strict"?\n',
    });
    // a package.json that is not JSON is not cofin's to judge: passed over
    expect(cofin(['check', 'top.json', '-q'], { cwd: tree({ 'package.json': '{ not json' }) })).toEqual({
      code: 0,
      stderr: '',
      stdout: '1 file: 1 passed\n',
    });
    expect(cofin(['check', 'top.json'], { cwd: tree({ 'cofin.config.yaml': '[a, b\n' }) }).code).toBe(2);
    expect(
      cofin(['check', 'top.json'], { cwd: tree({ 'cofin.config.yaml': 'strict: true\n', 'cofin.config.json': '{}' }) }),
    ).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'cofin: error: two configuration files: cofin.config.yaml and cofin.config.json\nhint: keep one of them\n',
    });
    const values = tree({ 'cofin.config.yaml': 'format: xml\n' });
    expect(cofin(['check', '.'], { cwd: values })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'cofin: error: cofin.config.yaml:1:9: "format" must be one of table, json, github, junit, csv, xlsx\n',
    });
    expect(cofin(['check', '.'], { cwd: tree({ 'cofin.config.yaml': 'format: JSON\n' }) })).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'cofin: error: cofin.config.yaml:1:9: "format" must be one of table, json, github, junit, csv, xlsx\nhint: did you mean "json"?\n',
    });
    expect(cofin(['check', '.'], { cwd: tree({ 'cofin.config.yaml': 'locale: lv_LV\n' }) })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'cofin: error: cofin.config.yaml:1:9: "locale" must be one of lv, en\n',
    });
  });

  it('format: takes every format check --format takes (csv, xlsx too), and locale: as --locale', () => {
    const help = cofin(['check', '--help']).stdout.replace(/\s+/g, ' ');
    const choices = /--format <format> .*?\(choices: (.*?), default/
      .exec(help)![1]!
      .split(', ')
      .map((c) => c.replace(/"/g, ''));
    expect(choices).toEqual(['table', 'json', 'github', 'junit', 'csv', 'xlsx']);
    expect(
      (JSON.parse(cofin(['schema', '--config']).stdout) as { properties: { format: { enum: string[] } } }).properties
        .format.enum,
    ).toEqual(choices);
    const csv = cofin(['check', 'budgets/ventspils.yaml'], { cwd: tree({ 'cofin.config.yaml': 'format: csv\n' }) });
    expect({ code: csv.code, head: csv.stdout.split('\n')[0] }).toEqual({
      code: 0,
      head: cofin(['check', 'fixtures/folder/budgets/ventspils.yaml', '--format', 'csv']).stdout.split('\n')[0],
    });
    const dir = tree({ 'cofin.config.yaml': 'format: xlsx\n' });
    const xlsx = spawnSync(process.execPath, [bin, 'check', 'budgets/ventspils.yaml', '-o', 'check.xlsx'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect([xlsx.status, xlsx.stderr]).toEqual([0, '']);
    expect(readFileSync(join(dir, 'check.xlsx')).subarray(0, 2).toString('latin1')).toBe('PK');
    const junit = cofin(['check', 'budgets/ventspils.yaml'], { cwd: tree({ 'cofin.config.yaml': 'format: junit\n' }) });
    expect(junit.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="cofin check"/);
    const lv = cofin(['check', 'budgets/wrong-figure.yaml', '--format', 'github'], {
      cwd: tree({ 'cofin.config.yaml': 'locale: lv\n' }),
    });
    expect(lv.stdout).toContain('title=cofin sum-mismatch::norādītās summas kopā ir');
    // a flag overrides it
    const en = cofin(['check', 'budgets/wrong-figure.yaml', '--locale', 'en'], {
      cwd: tree({ 'cofin.config.yaml': 'locale: lv\n' }),
    });
    expect(en.stdout).toContain('FAIL budgets/wrong-figure.yaml');
  });

  it('its JSON Schema in docs/config.md and `cofin schema --config` is the one cofin checks against, and ajv agrees with cofin', () => {
    const page = readFileSync(join(root, 'docs', 'config.md'), 'utf8');
    const block = /<!-- config-schema -->\n```json\n([\s\S]*?)\n```/.exec(page);
    expect(block, 'docs/config.md: the config schema block').not.toBeNull();
    expect(JSON.parse(block![1]!)).toEqual(CONFIG_SCHEMA);
    const printed = cofin(['schema', '--config']);
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.stdout)).toEqual(CONFIG_SCHEMA);
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(CONFIG_SCHEMA);
    const cases: Array<[unknown, boolean]> = [
      [{ exclude: ['archive/', '*.csv'], ignore: ['project-unaccounted'], strict: true, format: 'json' }, true],
      [{ exclude: 'archive/', ignore: 'rate-display' }, true],
      [{}, true],
      [{ exlude: ['x'] }, false],
      [{ ignore: ['project-unacounted'] }, false],
      [{ format: 'xml' }, false],
      [{ format: 'csv' }, true],
      [{ format: 'junit', locale: 'lv' }, true],
      [{ format: 'xlsx' }, true],
      [{ locale: 'de' }, false],
      [{ strict: 'yes' }, false],
    ];
    for (const [config, valid] of cases) {
      expect({ config, valid: validate(config) }).toEqual({ config, valid });
      const dir = tree({ 'cofin.config.json': JSON.stringify(config) });
      expect({ config, code: cofin(['check', 'top.json', '--format', 'json'], { cwd: dir }).code }).toEqual({
        config,
        code: valid ? 0 : 2,
      });
    }
  });
});

describe('exit codes of a folder check (issue 13)', () => {
  const big = (failing: boolean) => {
    const dir = mkdtempSync(join(tmpdir(), 'cofin-big-'));
    const seed = readFileSync(join(root, 'fixtures/ventspils-digital-centre.yaml'));
    for (let i = 0; i < 1200; i++) writeFileSync(join(dir, `a${String(i).padStart(4, '0')}.yaml`), seed);
    if (failing) cpSync(join(root, 'fixtures/fail/wrong-figure.yaml'), join(dir, 'z-wrong.yaml'));
    return dir;
  };
  const piped = (dir: string, head: string) =>
    spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${bin}" check . -v | ${head} > /dev/null`], {
      cwd: dir,
      encoding: 'utf8',
    });

  it('a closed pipe (cofin check big/ | head) still exits 1 when a later file fails, 0 when none does', () => {
    // -v writes some 1.5 MB: far past a pipe's buffer, so cofin meets the closed pipe long before the last file
    const failing = piped(big(true), 'head -c 100');
    expect({ status: failing.status, stderr: failing.stderr }).toEqual({ status: 1, stderr: '' });
    const passing = piped(big(false), 'head -n 1');
    expect({ status: passing.status, stderr: passing.stderr }).toEqual({ status: 0, stderr: '' });
  });

  it('a reader gone before the only write (cofin check . | true): the exit code is still that of the files', () => {
    const dir = tree();
    rmSync(join(dir, 'budgets/partners.csv'));
    for (const format of ['table', 'json']) {
      const run = spawnSync(
        'bash',
        ['-c', `set -o pipefail; "${process.execPath}" "${bin}" check . --format ${format} | true`],
        { cwd: dir, encoding: 'utf8' },
      );
      expect({ format, status: run.status, stderr: run.stderr }).toEqual({ format, status: 1, stderr: '' });
    }
  });

  it('usage errors keep exit 2', () => {
    const dir = tree();
    expect(cofin(['check', '.', '-q', '-v'], { cwd: dir }).code).toBe(2);
    expect(cofin(['check', '.', '--exclude'], { cwd: dir }).code).toBe(2);
    mkdirSync(join(dir, 'empty'));
    expect(cofin(['check', 'empty'], { cwd: dir }).code).toBe(2);
  });
});
