import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cofin } from './run.js';

const DOC = 'fixtures/documents/ventspils-digital-centre.txt';

describe('cofin extract (binary)', () => {
  it('writes a commented budget file', () => {
    const run = cofin(['extract', DOC]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('budget: 12758  # line 4: "Digitālā centra budžets EUR 12 758"');
    expect(run.stdout).toContain(
      '  erdf:\n    name: "ERAF finansējums"\n    rate: 85%  # line 4: "85% ERAF finansējums EUR 10 844"\n    amount: 10844',
    );
    expect(run.stdout).toContain('project:\n  total: 146994  # line 4:');
  });

  it('pipes into cofin check, which passes the founding document', () => {
    const extracted = cofin(['extract', DOC]);
    const check = cofin(['check', '-', '--format', 'json'], { input: extracted.stdout });
    expect(check.code).toBe(0);
    const [file] = JSON.parse(check.stdout).files;
    expect(file.verdict).toBe('pass');
    expect(file.partners[0].shares.map((s: { declared: string }) => s.declared)).toEqual(['10844', '1276', '638']);
    expect(file.findings.map((f: { code: string; message: string }) => f.message)).toEqual([
      'EUR 134 236 of the project total EUR 146 994 is not accounted for by the 1 partner listed',
    ]);
  });

  it('makes a PASS of figures read with doubts visibly conditional: a note in check, from YAML and from JSON', () => {
    for (const input of [
      'Projekta budžets ir 100 000 EUR: ERAF 85% jeb 85 000, pašvaldība 15% jeb 15 000.',
      'The project costs EUR 100 000: ERDF 85%, i.e. 85 000, and the municipality 15%, i.e. 15 000.',
    ]) {
      for (const format of ['yaml', 'json']) {
        const extracted = cofin(['extract', '-', '--format', format], { input });
        expect(extracted.stdout).toMatch(format === 'yaml' ? /^ *# check: /m : /"checks": \[/);
        const check = cofin(['check', '-', '--format', 'json'], { input: extracted.stdout });
        expect(check.code).toBe(0);
        const [file] = JSON.parse(check.stdout).files;
        expect(file.verdict).toBe('pass');
        const doubts = file.findings.filter((f: { code: string }) => f.code === 'extract-doubts');
        expect(doubts).toHaveLength(1);
        expect(doubts[0]).toMatchObject({ severity: 'note' });
        expect(doubts[0].message).toMatch(/^the figures came with 2 doubts marked by cofin extract/);
        // --strict makes the doubts fail the file: a PASS only for figures read without doubt
        expect(cofin(['check', '-', '--strict'], { input: extracted.stdout }).code).toBe(1);
      }
    }
    // the founding document is read without doubt: no such note
    const clean = cofin(['check', '-'], { input: cofin(['extract', DOC]).stdout });
    expect(clean.stdout).not.toContain('extract-doubts');
  });

  it('reads standard input and writes JSON', () => {
    const run = cofin(['extract', '-', '--format', 'json', '--lang', 'en'], {
      input: 'The budget is EUR 1 000, of which ERDF EUR 850 (85%) and the rest is private co-financing.',
    });
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({
      schemaVersion: 1,
      language: 'en',
      currency: 'EUR',
      budget: { value: '1000', text: 'EUR 1 000', line: 1, column: 15, approx: false },
    });
    expect(json.funding.erdf).toMatchObject({ rate: { value: '85', text: '85%' }, amount: { value: '850' } });
    expect(json.funding.private.amount).toBe('rest');
  });

  it('says so and exits 1 when a document has no budget figures', () => {
    const run = cofin(['extract', '-'], { input: 'Partneri tikās 11. un 12. februārī; piedalījās 8 pilsētas.' });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^cofin: <stdin>: found no budget figures\nhint: /);
  });

  it('exits 2 for unreadable input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cofin-'));
    writeFileSync(join(dir, 'doc.txt'), Buffer.from([0xff, 0xfe, 0x41, 0x00]));
    const utf16 = cofin(['extract', 'doc.txt'], { cwd: dir });
    expect(utf16.code).toBe(2);
    expect(utf16.stderr).toBe(
      'cofin: error: doc.txt:1:1: the file is UTF-16, not UTF-8\nhint: save it as UTF-8 (in Excel: "CSV UTF-8"; in an editor: encoding UTF-8)\n',
    );
    const missing = cofin(['extract', 'nope.txt'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('cofin: error: nope.txt: no such file\nhint: check the path; - reads standard input\n');
  });

  it('writes --output to a new file, never over one without --force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cofin-'));
    const doc = join(process.cwd(), DOC);
    expect(cofin(['extract', doc, '--output', 'budget.yaml'], { cwd: dir })).toMatchObject({
      code: 0,
      stdout: '',
      stderr: '',
    });
    const written = readFileSync(join(dir, 'budget.yaml'), 'utf8');
    expect(written).toContain('budget: 12758');
    writeFileSync(join(dir, 'budget.yaml'), 'mine\n');
    const again = cofin(['extract', doc, '-o', 'budget.yaml'], { cwd: dir });
    expect(again).toMatchObject({
      code: 2,
      stderr:
        'cofin: error: budget.yaml already exists\nhint: cofin never overwrites a file unless told: choose another name, or pass --force\n',
    });
    expect(readFileSync(join(dir, 'budget.yaml'), 'utf8')).toBe('mine\n');
    expect(cofin(['extract', doc, '-o', 'budget.yaml', '--force'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'budget.yaml'), 'utf8')).toBe(written);
    const junit = cofin(
      ['check', join(process.cwd(), 'fixtures/fail/wrong-figure.yaml'), '--format', 'junit', '-o', 'cofin.xml'],
      { cwd: dir },
    );
    expect(junit.code).toBe(1);
    expect(readFileSync(join(dir, 'cofin.xml'), 'utf8')).toContain('<failure type="sum-mismatch"');
    expect(readdirSync(dir).sort()).toEqual(['budget.yaml', 'cofin.xml']);
  });

  it.each([
    'contract-and-costs-lv.txt',
    'funding-sources-list-lv.txt',
    'press-release-en.txt',
    'ventspils-digital-centre.txt',
  ])('%s goes through extract | check and passes', (name) => {
    const extracted = cofin(['extract', `fixtures/documents/${name}`]);
    expect(extracted.code).toBe(0);
    const check = cofin(['check', '-', '--format', 'json'], { input: extracted.stdout });
    expect(JSON.parse(check.stdout).files[0].verdict).toBe('pass');
  });

  it('never passes a share stated in another currency: extract | check - refuses it, in English and Latvian', () => {
    for (const input of [
      'The total cost is EUR 40 000: ERDF funding EUR 34 000 and municipal funding USD 6 000.',
      'Darbu izmaksas ir 40 000 EUR: ERAF finansējums 34 000 EUR, pašvaldības līdzfinansējums 6 000 lati.',
      'Darbu izmaksas ir 40 000 EUR, t.sk. ERAF 85% jeb 34 000 EUR un valsts budžeta dotācija 15% jeb 6 000 krooni.',
    ]) {
      for (const format of ['yaml', 'json']) {
        const extracted = cofin(['extract', '-', '--format', format], { input });
        expect(extracted.code).toBe(0);
        const check = cofin(['check', '-'], { input: extracted.stdout });
        expect(check.stdout, input).not.toMatch(/^PASS/m);
        expect(check.code, input).toBe(2);
        expect(check.stderr, input).toMatch(/error: amount is in (USD|LVL|EEK), not EUR/);
      }
    }
  });

  it('writes the euro figures beside lati under euro:, so a wrong one is a euro-mismatch', () => {
    const right =
      'Projekta budžets ir LVL 8 966,37 (EUR 12 758,00), t.sk. ERAF finansējums LVL 7 621,41 (EUR 10 844,29) un pašvaldības finansējums LVL 1 344,96 (EUR 1 913,71).';
    for (const format of ['yaml', 'json']) {
      const pass = cofin(['check', '-'], {
        input: cofin(['extract', '-', '--format', format], { input: right }).stdout,
      });
      expect(pass.stdout).toMatch(/^PASS <stdin> {2}partner: LVL 8 966\.37/m);
      const wrong = right.replace('EUR 10 844,29', 'EUR 10 900,00');
      const extracted = cofin(['extract', '-', '--format', format], { input: wrong });
      if (format === 'yaml') expect(extracted.stdout).toContain('euro:\n  budget: "12758.00"');
      const fail = cofin(['check', '-'], { input: extracted.stdout });
      expect(fail.code).toBe(1);
      expect(fail.stdout).toMatch(
        /error: euro figure of erdf: EUR 10 900\.00 is not LVL 7 621\.41 .*\[euro-mismatch\]/,
      );
    }
  });
});

describe("cofin extract | cofin check - on a rest with its own figure (a new user's wrong PASS)", () => {
  for (const text of [
    "The project's total cost is €1,200,000. The European Regional Development Fund contributes 85% (€1,020,000); " +
      'the municipality covers the remaining sum, €108,000.',
    'Projekta kopējās izmaksas ir EUR 1 200 000. ERAF sedz 85% (EUR 1 020 000), pašvaldība sedz pārējo summu, EUR 108 000.',
    'Projekta kopējais budžets ir 1 250 000,00 EUR, no kurām ERAF finansējums ir 1 062 500,00 EUR un pašvaldības ' +
      'finansējums 100 000,00 EUR.',
  ])
    it(`fails, never passes: ${text.slice(0, 50)}`, () => {
      const extracted = cofin(['extract', '-'], { input: text });
      expect(extracted.code).toBe(0);
      expect(extracted.stderr).toBe('');
      const check = cofin(['check', '-'], { input: extracted.stdout });
      expect(check.stderr).toBe('');
      expect(check.stdout).toMatch(/^FAIL <stdin>/m);
      expect(check.code).toBe(1);
    });

  it('a figure it places nowhere beside the rest reaches check as a doubt', () => {
    const extracted = cofin(['extract', '-'], {
      input:
        // (", which comes to €108,000" is the rest's own figure: test/extract.statements.test.ts)
        'The total cost is €1,200,000. The ERDF contributes 85% (€1,020,000); the municipality covers the remaining ' +
        'sum, and its reserve held €108,000 last year.',
    });
    // none of the written figures (the rest is €180,000): a conflict, so the check fails
    expect(extracted.stdout).toMatch(
      /^# check: conflict: "€108,000" \(line 1\) agrees with none of the figures written/m,
    );
    const check = cofin(['check', '-'], { input: extracted.stdout });
    expect(check.stdout).toContain('[extract-conflict]');
    expect(check.code).toBe(1);
  });
});
