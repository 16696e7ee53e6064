/**
 * Trial 8, W8: a config file in a parent folder excluded a failing budget and `cofin check .` passed with no word of
 * it; a budget JSON whose first key is `schemaVersion` was not counted. Every file a folder walk leaves out is now
 * named under the summary, with who excluded it or what it was taken for, in every format `check` writes.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cofin, root, scratch } from './run.js';
import { checkToMarkdown, type CheckJson } from '../../src/render/check-markdown.js';

const { fresh } = scratch('cofin-left-out-');

const GOOD =
  'partner: A\nbudget: 12 758\nfunding:\n  erdf:      { rate: 85%, amount: 10 844 }\n' +
  '  municipal: { rate: 10%, amount: 1 276 }\n  state:     { rate: 5%,  amount: 638 }\n';
const WRONG = GOOD.replace('10 844', '10 484');
const SCHEMA_VERSION_BUDGET =
  '{"schemaVersion":1,"partner":"A","budget":100,"funding":{"erdf":{"rate":"85%","amount":99}, "national":"rest"}}';

/** Files under a fresh folder (paths with `/` make their folders); its path back. */
function tree(files: Record<string, string>): string {
  const top = fresh('t');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(top, path, '..'), { recursive: true });
    writeFileSync(join(top, path), text);
  }
  return top;
}

/** The trial's layout: the config one folder above the budgets, excluding the failing one. */
const trial = () =>
  join(
    tree({
      'cofin.config.yaml': 'exclude: ["wrong-*"]\n',
      'budgets/ventspils.yaml': GOOD,
      'budgets/wrong-figure.yaml': WRONG,
    }),
    'budgets',
  );

describe('W8: a file an exclude leaves out is named, with who excluded it', () => {
  it('table: a line under the summary names the count, the glob, the config file and the file', () => {
    const run = cofin(['check', '.', '-q'], { cwd: trial() });
    expect(run).toEqual({
      code: 0,
      stderr: '',
      stdout: '1 file: 1 passed\n1 file excluded (wrong-*) by ../cofin.config.yaml: wrong-figure.yaml\n',
    });
  });

  it('the file excluded still fails when named: the line says what was not checked, not that it passes', () => {
    const run = cofin(['check', 'wrong-figure.yaml', '-q'], { cwd: trial() });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('excluded');
  });

  it('JSON: summary.excluded lists each file with by and exclude; a walk leaving nothing out adds no key', () => {
    const cwd = trial();
    const json = JSON.parse(cofin(['check', '.', '--format', 'json'], { cwd }).stdout);
    expect(json.summary).toEqual({
      files: 1,
      passed: 1,
      failed: 0,
      invalid: 0,
      excluded: [{ file: 'wrong-figure.yaml', by: '../cofin.config.yaml', exclude: 'wrong-*' }],
    });
    const flag = JSON.parse(cofin(['check', '.', '--exclude', 'vent*', '--format', 'json'], { cwd }).stdout);
    expect(flag.summary.excluded).toEqual([
      { file: 'ventspils.yaml', by: '--exclude', exclude: 'vent*' },
      { file: 'wrong-figure.yaml', by: '../cofin.config.yaml', exclude: 'wrong-*' },
    ]);
    const plain = JSON.parse(
      cofin(['check', '.', '--format', 'json'], { cwd: tree({ 'a.yaml': GOOD }) }).stdout,
    ).summary;
    expect(Object.keys(plain)).toEqual(['files', 'passed', 'failed', 'invalid']);
  });

  it('GitHub: a closing notice before the line of counts, which stays last', () => {
    const run = cofin(['check', '.', '--format', 'github'], { cwd: trial() });
    expect(run).toEqual({
      code: 0,
      stderr: '',
      stdout:
        '::notice title=cofin excluded::1 file excluded (wrong-*) by ../cofin.config.yaml: wrong-figure.yaml\n' +
        'cofin check: 1 file, 1 passed, 0 failed, 0 invalid\n',
    });
  });

  it('JUnit: each file left out is a skipped test case with the reason; the document counts them skipped', () => {
    const run = cofin(['check', '.', '--format', 'junit'], { cwd: trial() });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('<testsuites name="cofin check" tests="2" failures="0" errors="0" skipped="1">');
    expect(run.stdout).toContain(
      '  <testsuite name="wrong-figure.yaml" tests="1" failures="0" errors="0" skipped="1">\n' +
        '    <testcase classname="wrong-figure.yaml" name="excluded">' +
        '<skipped message="excluded (wrong-*) by ../cofin.config.yaml"/></testcase>\n  </testsuite>',
    );
    execFileSync('xmllint', ['--noout', '-'], { input: run.stdout });
  });

  it('CSV: the rows are unchanged, the line goes to stderr; xlsx: a sheet "Left out" and the line on stderr', () => {
    const cwd = trial();
    const csv = cofin(['check', '.', '--format', 'csv'], { cwd });
    expect(csv.stderr).toBe('1 file excluded (wrong-*) by ../cofin.config.yaml: wrong-figure.yaml\n');
    expect(csv.stdout).toBe(cofin(['check', 'ventspils.yaml', '--format', 'csv'], { cwd }).stdout);
    const xlsx = cofin(['check', '.', '--format', 'xlsx', '-o', 'check.xlsx'], { cwd });
    expect([xlsx.code, xlsx.stderr]).toEqual([0, csv.stderr]);
    const workbook = execFileSync('unzip', ['-p', join(cwd, 'check.xlsx'), 'xl/workbook.xml'], { encoding: 'utf8' });
    expect(workbook).toMatch(/<sheet name="Left out"/);
    const sheets = execFileSync('unzip', ['-p', join(cwd, 'check.xlsx'), 'xl/worksheets/sheet4.xml'], {
      encoding: 'utf8',
    });
    expect(sheets).toContain('excluded (wrong-*) by ../cofin.config.yaml');
    const none = cofin(['check', 'ventspils.yaml', '--format', 'xlsx', '-o', 'one.xlsx'], { cwd });
    expect(none.code).toBe(0);
    expect(execFileSync('unzip', ['-p', join(cwd, 'one.xlsx'), 'xl/workbook.xml'], { encoding: 'utf8' })).not.toContain(
      'Left out',
    );
  });

  it('a folder excluded: every budget file below it is named (default skips aside), with the glob that matched', () => {
    const dir = tree({
      'a.yaml': GOOD,
      'archive/2023/old.yaml': WRONG,
      'archive/old.csv': 'partner;budget;erdf\nA;100;100\n',
      'archive/notes.txt': 'not a budget',
      'archive/node_modules/x.json': '{}',
    });
    const json = JSON.parse(cofin(['check', '.', '--exclude', 'archive/', '--format', 'json'], { cwd: dir }).stdout);
    expect(json.summary.excluded).toEqual([
      { file: 'archive/2023/old.yaml', by: '--exclude', exclude: 'archive/' },
      { file: 'archive/old.csv', by: '--exclude', exclude: 'archive/' },
    ]);
  });

  it('more than five files: five named, then how many more', () => {
    const files = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`old-${i + 1}.yaml`, WRONG]));
    const run = cofin(['check', '.', '--exclude', 'old-*', '-q'], { cwd: tree({ ...files, 'a.yaml': GOOD }) });
    expect(run.stdout).toBe(
      '1 file: 1 passed\n7 files excluded (old-*) by --exclude: ' +
        'old-1.yaml, old-2.yaml, old-3.yaml, old-4.yaml, old-5.yaml and 2 more\n',
    );
  });

  it('in Latvian, with --locale lv', () => {
    const run = cofin(['check', '.', '-q', '--locale', 'lv'], { cwd: trial() });
    expect(run.stdout).toBe(
      '1 fails: 1 atbilst\n1 fails izslēgts (wrong-*; ../cofin.config.yaml): wrong-figure.yaml\n',
    );
  });

  it('a strange file name is shown escaped, on one line, in the table and in the notice (no forged command)', () => {
    const dir = tree({ 'a.yaml': GOOD, 'old\u001b[31m\n::error::x.yaml': WRONG });
    const table = cofin(['check', '.', '--exclude', 'old*', '-q'], { cwd: dir });
    expect(table.stdout).toBe(
      '1 file: 1 passed\n1 file excluded (old*) by --exclude: old\\x1b[31m\\n::error::x.yaml\n',
    );
    const github = cofin(['check', '.', '--exclude', 'old*', '--format', 'github'], { cwd: dir });
    expect(github.stdout.split('\n').filter((line) => line.startsWith('::'))).toEqual([
      '::notice title=cofin excluded::1 file excluded (old*) by --exclude: old\\x1b[31m\\n::error::x.yaml',
    ]);
  });
});

describe('W8: a file passed over as no budget file is named, with what it was taken for', () => {
  it("the trial's budget JSON whose first key is schemaVersion is read, and is invalid: no budget file has that key", () => {
    const dir = tree({ 'good.yaml': GOOD, 'bad4.json': SCHEMA_VERSION_BUDGET });
    const run = cofin(['check', '.', '-q'], { cwd: dir });
    expect(run).toEqual({
      code: 2,
      stdout:
        'INVALID bad4.json:1:2  unknown key "schemaVersion" in the budget file [unknown-key]\n\n2 files: 1 passed, 1 invalid\n',
      stderr:
        'bad4.json:1:2: error: unknown key "schemaVersion" in the budget file [unknown-key]\n' +
        '  hint: the keys of the budget file are currency, partner, country, budget, costs, funding, euro, periods, ' +
        'programme, category, project, source, rounding, partners\n',
    });
  });

  it("every JSON output of cofin but extract's, written into the folder checked, is passed over and named", () => {
    const dir = tree({
      'good.yaml': GOOD,
      'doc.txt':
        'The total budget of the project is EUR 84 000: the ERDF covers 85% (EUR 71 400) and the municipality 15% (EUR 12 600).\n',
    });
    const founding = join(root, 'fixtures/ventspils-digital-centre.yaml');
    const claims = join(root, 'fixtures/claims/ventspils-digital-centre.yaml');
    const outputs: [string, string[]][] = [
      ['check.json', ['check', founding]],
      ['report.json', ['report', founding]],
      ['report-claims.json', ['report', claims]],
      ['split.json', ['split', '12758', 'erdf=85%', 'national=rest']],
      ['claim.json', ['claim', claims]],
      ['error.json', ['check', 'no-such-file.yaml']],
    ];
    for (const [name, args] of outputs)
      writeFileSync(join(dir, name), cofin([...args, '--format', 'json'], { cwd: dir }).stdout);
    // extract's JSON is a budget, read as its YAML is (stop 29): not passed over
    writeFileSync(join(dir, 'extract.json'), cofin(['extract', 'doc.txt', '--format', 'json'], { cwd: dir }).stdout);
    const json = JSON.parse(cofin(['check', '.', '--format', 'json'], { cwd: dir }).stdout);
    expect(json.files.map((f: { file: string }) => f.file)).toEqual(['extract.json', 'good.yaml']);
    expect(json.summary).toEqual({
      files: 2,
      passed: 2,
      failed: 0,
      invalid: 0,
      passedOver: outputs
        .map(([file]) => file)
        .sort()
        .map((file) => ({ file, reason: 'cofin-json' })),
    });
  });

  it('each kind by its reason: a rate table, a CSV of cofin check, a JSON of cofin; GitHub and JUnit too', () => {
    const dir = tree({
      'good.yaml': GOOD,
      'out/check.csv': 'file,verdict,partner,country\n',
      'out/check.json': '{\n  "schemaVersion": 1,\n  "files": []\n}\n',
      'rates/pln.csv': 'month,currency,rate\n2024-03,PLN,4.3\n',
    });
    const json = JSON.parse(cofin(['check', '.', '--format', 'json'], { cwd: dir }).stdout);
    expect(json.summary.passedOver).toEqual([
      { file: 'out/check.csv', reason: 'cofin-csv' },
      { file: 'out/check.json', reason: 'cofin-json' },
      { file: 'rates/pln.csv', reason: 'rate-table' },
    ]);
    const table = cofin(['check', '.', '-q'], { cwd: dir });
    expect(table.stdout).toBe(
      '1 file: 1 passed\n3 files passed over as no budget files ' +
        '(1 CSV output of cofin, 1 JSON output of cofin, 1 rate table of claim files): ' +
        'out/check.csv, out/check.json, rates/pln.csv\n',
    );
    const github = cofin(['check', '.', '--format', 'github'], { cwd: dir }).stdout.split('\n');
    expect(github.at(-2)).toBe('cofin check: 1 file, 1 passed, 0 failed, 0 invalid');
    expect(github.at(-3)).toMatch(/^::notice title=cofin passed-over::3 files passed over as no budget files /);
    const junit = cofin(['check', '.', '--format', 'junit'], { cwd: dir }).stdout;
    expect(junit).toContain(
      '<testcase classname="rates/pln.csv" name="passed over">' +
        '<skipped message="passed over as no budget file: a rate table of claim files"/></testcase>',
    );
    expect(junit).toContain('tests="4" failures="0" errors="0" skipped="3">');
  });

  it('--only-budgets: a file named and passed over is named too (the commit hook says what it did not check)', () => {
    const dir = tree({ 'good.yaml': GOOD, 'rates.csv': 'month,currency,rate\n2024-03,PLN,4.3\n' });
    const run = cofin(['check', '--only-budgets', 'good.yaml', 'rates.csv', '-q'], { cwd: dir });
    expect(run).toEqual({
      code: 0,
      stderr: '',
      stdout: '1 file: 1 passed\n1 file passed over as no budget file (1 rate table of claim files): rates.csv\n',
    });
  });
});

describe("the GitHub Action's job summary names what was left out", () => {
  const report = (summary: Partial<CheckJson['summary']>): CheckJson => ({
    files: [],
    summary: { files: 1, passed: 1, failed: 0, invalid: 0, ...summary },
  });

  it('a paragraph each for excluded and passed-over files, every cell escaped', () => {
    const markdown = checkToMarkdown(
      report({
        excluded: [{ file: 'wrong|figure.yaml', by: '../cofin.config.yaml', exclude: 'wrong-*' }],
        passedOver: [{ file: 'bad4.json', reason: 'cofin-json' }],
      }),
    );
    expect(markdown).toBe(
      '## cofin check\n\n1 file: 1 passed\n\n' +
        '1 file excluded (wrong-\\*) by ../cofin.config.yaml: wrong\\|figure.yaml\n\n' +
        '1 file passed over as no budget file: bad4.json\n\n',
    );
    expect(checkToMarkdown(report({}))).toBe('## cofin check\n\n1 file: 1 passed\n\n');
  });

  it('the action script shows it from the JSON of the same check', () => {
    const cwd = trial();
    const summaryFile = join(cwd, 'summary.md');
    const script = join(root, 'scripts', 'github-action.mjs');
    const run = spawnSync(process.execPath, [script], {
      cwd,
      env: { ...process.env, COFIN_PATHS: '.', GITHUB_STEP_SUMMARY: summaryFile },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(readFileSync(summaryFile, 'utf8')).toContain(
      '1 file excluded (wrong-\\*) by ../cofin.config.yaml: wrong-figure.yaml\n',
    );
  });
});
