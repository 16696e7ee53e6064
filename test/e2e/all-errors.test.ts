import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cofin } from './run.js';

// Issue 13: all errors of a file at once, as compilers do; and init's refusal of a workbook.
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cofin-errors-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const TWO_TYPOS = 'partner: X\nbudgit: 100\nfundng: { erdf: 85%, national: rest }\n';
const PARTNERS = [
  'partners:',
  '  - partner: A',
  '    budgt: 100',
  '    funding: { erdf: 85%, national: rest }',
  '  - partner: B',
  '    funding: { erdf: 85%, national: rest }',
  '  - partner: C',
  '    budget: 1x0',
  '    funding: { erdf: 85%, national: rest }',
  'rounding: { unti: 1 }',
  '',
].join('\n');

describe('check tells every error of a file at once (binary)', () => {
  it('an unknown key and a second misspelled key in one run; the missing key they stand for is not said again', () => {
    const run = cofin(['check', 'two.yaml'], { cwd: folder({ 'two.yaml': TWO_TYPOS }) });
    expect(run).toEqual({
      code: 2,
      stdout: '1 file: 0 passed, 1 invalid\n',
      stderr:
        'two.yaml:2:1: error: unknown key "budgit" in the budget file [unknown-key]\n  hint: did you mean "budget"?\ntwo.yaml:3:1: error: unknown key "fundng" in the budget file [unknown-key]\n  hint: did you mean "funding"?\n',
    });
  });

  it("each partner's error, and the file's, in file order; a partner without a budget is said (another partner's typo does not hide it)", () => {
    const run = cofin(['check', 'partners.yaml'], { cwd: folder({ 'partners.yaml': PARTNERS }) });
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n').filter((line) => !line.startsWith('  hint'))).toEqual([
      'partners.yaml:3:5: error: unknown key "budgt" in partner 1 [unknown-key]',
      'partners.yaml:5:5: error: partner "B" has no budget [missing-key]',
      'partners.yaml:8:13: error: not an amount: "1x0" [bad-amount]',
      'partners.yaml:10:13: error: unknown key "unti" in rounding [unknown-key]',
      '',
    ]);
  });

  it('JSON: a finding per error of the invalid file; the closing list of a folder names the first', () => {
    const dir = folder({ 'partners.yaml': PARTNERS, 'two.yaml': TWO_TYPOS });
    const json = JSON.parse(cofin(['check', 'partners.yaml', '--format', 'json'], { cwd: dir }).stdout) as {
      files: { verdict: string; findings: { code: string; line: number }[] }[];
    };
    expect(json.files[0]!.verdict).toBe('invalid');
    expect(json.files[0]!.findings.map((f) => [f.code, f.line])).toEqual([
      ['unknown-key', 3],
      ['missing-key', 5],
      ['bad-amount', 8],
      ['unknown-key', 10],
    ]);
    const run = cofin(['check', '.'], { cwd: dir });
    expect(run.stdout).toBe(
      'INVALID partners.yaml:3:5  unknown key "budgt" in partner 1 [unknown-key]\nINVALID two.yaml:2:1  unknown key "budgit" in the budget file [unknown-key]\n\n2 files: 0 passed, 2 invalid\n',
    );
  });

  it('a mapping with no key of the format (some other YAML) is one error, not one per key', () => {
    const run = cofin(['check', 'notes.yaml'], { cwd: folder({ 'notes.yaml': 'alpha: 1\nbeta: 2\ngamma: 3\n' }) });
    expect(run.stderr).toBe(
      'notes.yaml:1:1: error: unknown key "alpha" in the budget file [unknown-key]\n  hint: the keys of the budget file are currency, partner, country, budget, costs, funding, euro, periods, programme, category, project, source, rounding, partners\n',
    );
  });

  it('value errors too: a bad budget, a bad amount lines below and a bad unit, in one run (YAML and JSON)', () => {
    const yaml =
      'partner: X\nbudget: "12,758"\nfunding:\n  erdf: { rate: 85%, amount: 1x0 }\n  national: rest\n' +
      'rounding: { unit: 3 }\n';
    const json =
      '{"partner": "X", "budget": "12,758",\n "funding": {"erdf": {"rate": "85%", "amount": "1x0"}, "national": "rest"}}\n';
    const dir = folder({ 'v.yaml': yaml, 'v.json': json });
    const codes = (file: string) =>
      cofin(['check', file], { cwd: dir })
        .stderr.split('\n')
        .filter((line) => line.includes(': error: '));
    expect(codes('v.yaml')).toEqual([
      'v.yaml:2:9: error: ambiguous amount: "12,758" could be 12758 or 12.758 [bad-amount]',
      'v.yaml:4:30: error: not an amount: "1x0" [bad-amount]',
      'v.yaml:6:19: error: rounding unit must be a power of ten: 3 [wrong-type]',
    ]);
    expect(codes('v.json')).toEqual([
      'v.json:1:28: error: ambiguous amount: "12,758" could be 12758 or 12.758 [bad-amount]',
      'v.json:2:48: error: not an amount: "1x0" [bad-amount]',
    ]);
  });

  it('at most 20 errors of a file; a source not read raises no false error in euro: or periods:', () => {
    const many = ['partner: X', 'budget: 1000', 'funding:'];
    for (let i = 0; i < 30; i++) many.push(`  s${i}: { name: S${i}, amount: ${i}x }`);
    const lati =
      'currency: LVL\npartner: X\nbudget: 1000\nfunding:\n  erdf: { rate: 85%, amount: 8x0 }\n' +
      '  national: rest\neuro: { budget: 1 422,87, erdf: 1 209,44 }\n';
    const dir = folder({ 'many.yaml': many.join('\n') + '\n', 'lati.yaml': lati });
    const run = cofin(['check', 'many.yaml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n').filter((line) => line.includes(': error: '))).toHaveLength(20);
    expect(run.stderr).toContain('many.yaml:23:29: error: not an amount: "19x" [bad-amount]');
    const euro = cofin(['check', 'lati.yaml'], { cwd: dir });
    expect(euro.stderr.split('\n').filter((line) => line.includes(': error: '))).toEqual([
      'lati.yaml:5:30: error: not an amount: "8x0" [bad-amount]',
    ]);
  });

  it('a partner table: each bad row is told (a bad budget, a bad rate, a row without a name), then the summary', () => {
    const table = 'partner;budget;erdf;national\nA;1x0;85%;rest\nB;100;8x%;rest\nC;100;85%;rest\n;100;85%;rest\n';
    const run = cofin(['check', 'partners.csv'], { cwd: folder({ 'partners.csv': table }) });
    expect(run).toEqual({
      code: 2,
      stdout: '1 file: 0 passed, 1 invalid\n',
      stderr:
        'partners.csv:2:3: error: not an amount: "1x0" [bad-amount]\n' +
        '  hint: write an amount such as 12758, 12 758 or 12 758,00\n' +
        'partners.csv:3:7: error: not a rate: "8x%" [bad-rate]\n' +
        '  hint: write a percentage from 0 to 100, such as 85%, 85 or 85,5 %\n' +
        'partners.csv:5:1: error: a row has no partner name [missing-key]\n' +
        '  hint: fill the partner cell\n',
    });
    const many = ['partner;budget;erdf;national', ...Array.from({ length: 30 }, (_, i) => `P${i};${i}x;85%;rest`)];
    const capped = cofin(['check', 'many.csv'], { cwd: folder({ 'many.csv': many.join('\n') + '\n' }) });
    expect(capped.stderr.split('\n').filter((line) => line.includes(': error: '))).toHaveLength(20);
  });

  it('report tells the same errors, each with its hint, and lists them all in its JSON error', () => {
    const dir = folder({ 'two.yaml': TWO_TYPOS });
    const both =
      'cofin: error: two.yaml:2:1: unknown key "budgit" in the budget file\nhint: did you mean "budget"?\n' +
      'cofin: error: two.yaml:3:1: unknown key "fundng" in the budget file\nhint: did you mean "funding"?\n';
    expect(cofin(['report', 'two.yaml'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: both });
    const json = cofin(['report', 'two.yaml', '--format', 'json'], { cwd: dir });
    expect([json.code, json.stderr]).toEqual([2, both]);
    const parsed = JSON.parse(json.stdout) as { error: { line: number }; errors: { code: string; line: number }[] };
    expect(parsed.error.line).toBe(2);
    expect(parsed.errors.map((e) => `${e.code} ${e.line}`)).toEqual(['unknown-key 2', 'unknown-key 3']);
    // one error: no `errors` list, the object as it always was
    const one = cofin(['report', 'one.yaml', '--format', 'json'], { cwd: folder({ 'one.yaml': 'budgit: 1\n' }) });
    expect(Object.keys(JSON.parse(one.stdout) as object)).toEqual(['schemaVersion', 'error']);
  });
});

describe('init by extension (binary)', () => {
  it('refuses a workbook name, saying cofin reads workbooks but writes text starters', () => {
    const dir = folder({});
    expect(cofin(['init', 'budget.xlsx'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'cofin: error: init writes no workbook ("budget.xlsx"): cofin check and report read .xlsx, but a starter is a text file\nhint: name it .yaml, .yml, .json or .csv (a partner table), or - for standard output (YAML); a CSV partner table opens in Excel and saves as .xlsx\n',
    });
    expect(cofin(['init', 'budget.txt'], { cwd: dir }).stderr).toBe(
      'cofin: error: cannot write a budget file named "budget.txt": its extension names no format cofin reads\nhint: name it .yaml, .yml, .json or .csv (a partner table), or - for standard output (YAML)\n',
    );
  });
});
