import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cofin, root } from './run.js';
import { markdownCell } from '../../src/render/safe-text.js';

/** A temporary folder with these files in it. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cofin-daily-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const BUDGET = 'budget: EUR 1000\nfunding:\n  erdf: 85%\n  national: rest\n';

describe('config files: every error placed at its line and column (binary)', () => {
  it('cofin.config.yaml: an unknown key, a misspelled code in a list, a YAML syntax error', () => {
    const dir = folder({
      'a.yaml': BUDGET,
      'cofin.config.yaml': 'exclude: ["*.csv"]\nignore:\n  - sum-mismatch\n  - sum-mismach\n',
    });
    expect(cofin(['check', 'a.yaml'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'cofin: error: cofin.config.yaml:4:5: ignore: "sum-mismach" is not a finding code\nhint: did you mean "sum-mismatch"?\n',
    });
    const syntax = folder({ 'a.yaml': BUDGET, 'cofin.config.yaml': 'strict: true\nexclude: [a, b\n' });
    const run = cofin(['check', 'a.yaml'], { cwd: syntax });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^cofin: error: cofin\.config\.yaml:\d+:\d+: not valid YAML: /);
  });

  it('strict: yes (YAML 1.1) and strict: "true" (a text): the hint says what to write', () => {
    for (const [text, hint] of [
      ['strict: yes\n', 'write strict: true (a bare true or false; "yes" is read as text)'],
      ['format: table\nstrict: "false"\n', 'write strict: false (a bare true or false; "false" is read as text)'],
      ['strict: 1\n', 'write strict: true or strict: false'],
    ] as const) {
      const dir = folder({ 'a.yaml': BUDGET, 'cofin.config.yaml': text });
      const line = text.split('\n').findIndex((l) => l.startsWith('strict')) + 1;
      const value = JSON.stringify(text.includes('1\n') ? 1 : text.includes('yes') ? 'yes' : 'false');
      expect(cofin(['check', 'a.yaml'], { cwd: dir })).toEqual({
        code: 2,
        stdout: '',
        stderr: `cofin: error: cofin.config.yaml:${line}:9: "strict" must be true or false, not ${value}\nhint: ${hint}\n`,
      });
    }
  });

  it('package.json\'s "cofin" key: placed in package.json; cofin.config.json with a syntax error at its end', () => {
    const dir = folder({
      'a.yaml': BUDGET,
      'package.json': '{\n  "name": "budgets",\n  "cofin": {\n    "strict": "yes",\n    "strikt": true\n  }\n}\n',
    });
    expect(cofin(['check', 'a.yaml'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'cofin: error: package.json:4:15: "strict" must be true or false, not "yes"\nhint: write strict: true (a bare true or false; "yes" is read as text)\n',
    });
    const json = folder({ 'a.yaml': BUDGET, 'cofin.config.json': '{\n  "strict": true,\n\n' });
    const run = cofin(['check', 'a.yaml'], { cwd: json });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^cofin: error: cofin\.config\.json:2:17: not valid JSON: /);
  });
});

describe("syntax errors in cofin's words, placed on a real line (binary)", () => {
  it('a JSON file cut short: the last character there is, never a line past the end', () => {
    const dir = folder({ 'cut.json': '{\n  "budget": "EUR 100",\n  "funding": {\n\n\n' });
    const run = cofin(['check', 'cut.json'], { cwd: dir });
    expect([run.code, run.stdout]).toEqual([2, '1 file: 0 passed, 1 invalid\n']);
    // JSON.parse's words differ between Node versions; the place must not
    expect(run.stderr).toMatch(
      /^cut\.json:3:14: error: JSON syntax: [^\n]+ \[syntax\]\n  hint: check the commas, quotes and brackets around this point\n$/,
    );
    const unclosed = folder({ 'open.json': '{"budget": "EUR 100"' });
    expect(cofin(['check', 'open.json'], { cwd: unclosed }).stderr).toMatch(/^open\.json:1:20: error: JSON syntax: /);
  });

  it("a second YAML document: one budget per file, no word of the library's API", () => {
    const dir = folder({ 'two.yaml': `${BUDGET}---\n${BUDGET}` });
    const run = cofin(['check', 'two.yaml'], { cwd: dir });
    expect(run).toEqual({
      code: 2,
      stdout: '1 file: 0 passed, 1 invalid\n',
      stderr:
        'two.yaml:5:1: error: a second YAML document (after "---" or "..."): a file holds one budget [syntax]\n  hint: put each budget in a file of its own, or remove the "---" line\n',
    });
    expect(run.stderr).not.toMatch(/parseAllDocuments|Source contains/);
  });
});

describe('the GitHub summary line: plurals right (binary)', () => {
  it('1 file, 2 files; in Latvian 1 fails, 2 faili, 21 fails', () => {
    const one = folder({ 'a.yaml': BUDGET });
    expect(cofin(['check', 'a.yaml', '--format', 'github'], { cwd: one }).stdout).toBe(
      'cofin check: 1 file, 1 passed, 0 failed, 0 invalid\n',
    );
    expect(cofin(['check', 'a.yaml', '--format', 'github', '--locale', 'lv'], { cwd: one }).stdout).toBe(
      'cofin check: 1 fails, 1 atbilst, 0 neatbilst, 0 nederīgi\n',
    );
    const files: Record<string, string> = {};
    for (let i = 0; i < 21; i++) files[`b${i}.yaml`] = BUDGET;
    const many = folder(files);
    expect(cofin(['check', '.', '--format', 'github'], { cwd: many }).stdout).toBe(
      'cofin check: 21 files, 21 passed, 0 failed, 0 invalid\n',
    );
    expect(cofin(['check', '.', '--format', 'github', '--locale', 'lv'], { cwd: many }).stdout).toBe(
      'cofin check: 21 fails, 21 atbilst, 0 neatbilst, 0 nederīgi\n',
    );
    expect(cofin(['check', 'b1.yaml', 'b2.yaml', '--format', 'github'], { cwd: many }).stdout).toBe(
      'cofin check: 2 files, 2 passed, 0 failed, 0 invalid\n',
    );
  });
});

describe('currencies: ISO 4217 codes only, with a did-you-mean (binary)', () => {
  const SPLIT = ['split', '1000', 'erdf=85%', 'national=rest'];
  it('--currency XYZ, EUE and an amount marked EUX are refused; LVL, EEK, LTL (the euro replaced them) are taken', () => {
    expect(cofin([...SPLIT, '--currency', 'XYZ'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'cofin: error: not an ISO 4217 currency code: "XYZ"\nhint: write an ISO 4217 code such as EUR, LVL or USD\n',
    });
    expect(cofin([...SPLIT, '--currency', 'EUE']).stderr).toBe(
      'cofin: error: not an ISO 4217 currency code: "EUE"\nhint: did you mean EUR?\n',
    );
    expect(cofin(['split', '1000 EUX', 'erdf=85%', 'national=rest'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'cofin: error: EUX is not an ISO 4217 currency code: "1000 EUX"\nhint: did you mean 1000 EUR?\n',
    });
    const json = cofin(['split', 'UER 1000', 'erdf=85%', 'national=rest', '--format', 'json']);
    expect(JSON.parse(json.stdout).error).toMatchObject({ code: 'bad-currency', hint: 'did you mean EUR 1000?' });
    for (const code of ['LVL', 'EEK', 'LTL', 'EUR', 'CZK', 'usd']) {
      const run = cofin([...SPLIT, '--currency', code]);
      expect([run.code, run.stderr]).toEqual([0, '']);
      expect(run.stdout.startsWith(`${code.toUpperCase()} 1`)).toBe(true);
    }
  });

  it("a file's currency: and an amount's marker: refused at their place", () => {
    const dir = folder({
      'c.yaml': 'budget: 1000\ncurrency: EUX\nfunding:\n  erdf: 85%\n  national: rest\n',
      'd.yaml': 'budget: XYZ 1000\nfunding:\n  erdf: 85%\n  national: rest\n',
    });
    expect(cofin(['check', 'c.yaml'], { cwd: dir }).stderr).toBe(
      'c.yaml:2:11: error: not an ISO 4217 currency code: "EUX" [wrong-type]\n  hint: did you mean EUR?\n',
    );
    const run = cofin(['check', 'd.yaml'], { cwd: dir });
    expect(run).toEqual({
      code: 2,
      stdout: '1 file: 0 passed, 1 invalid\n',
      stderr:
        'd.yaml:1:9: error: XYZ is not an ISO 4217 currency code: "XYZ 1000" [wrong-type]\n  hint: write an ISO 4217 code: EUR 12 758\n',
    });
  });
});

describe('a zero budget (binary)', () => {
  it('budget: 0 is a zero-budget warning (passes, fails under --strict, --ignore accepts it)', () => {
    const dir = folder({ 'z.yaml': 'budget: 0\nfunding:\n  erdf: 85%\n  national: rest\n' });
    const run = cofin(['check', 'z.yaml'], { cwd: dir });
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toContain(
      'z.yaml:1:9: warning: the budget is zero: no share is checked against it [zero-budget]\n  hint: write the budget from the document; a partner with no budget (an associated partner) may be left out\n',
    );
    expect(run.stdout).toMatch(/^PASS z\.yaml .*\n1 file: 1 passed\n$/s);
    expect(cofin(['check', 'z.yaml', '--strict', '-q'], { cwd: dir }).code).toBe(1);
    expect(cofin(['check', 'z.yaml', '--strict', '-q', '--ignore', 'zero-budget'], { cwd: dir }).code).toBe(0);
    const json = JSON.parse(cofin(['check', 'z.yaml', '--format', 'json'], { cwd: dir }).stdout);
    expect(json.files[0].findings.map((f: { code: string; severity: string }) => `${f.severity}:${f.code}`)).toEqual([
      'warning:zero-budget',
    ]);
    expect(cofin(['check', 'z.yaml', '--locale', 'lv'], { cwd: dir }).stdout).toContain(
      'z.yaml:1:9: brīdinājums: budžets ir nulle: neviena daļa netiek pret to pārbaudīta [zero-budget]\n',
    );
  });

  it('a zero budget with declared shares that are not zero fails', () => {
    const dir = folder({
      'z.yaml': 'budget: 0\nfunding:\n  erdf: { rate: 85%, amount: 850 }\n  national: { rate: 15%, amount: 150 }\n',
    });
    const run = cofin(['check', 'z.yaml', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    const codes = JSON.parse(run.stdout).files[0].findings.map(
      (f: { code: string; severity: string }) => `${f.severity}:${f.code}`,
    );
    expect(codes).toEqual(
      expect.arrayContaining(['warning:zero-budget', 'error:sum-mismatch', 'error:share-mismatch']),
    );
  });
});

describe('Markdown: a bare URL from a file never becomes a link (binary, action script)', () => {
  const LINKS = /(?:https?|ftp|mailto):|www\./i;
  it('markdownCell escapes the : of a scheme and the . after www; the rest as before', () => {
    expect(markdownCell('see http://evil.example and HTTPS://x.lv, www.x.lv, ftp://a')).toBe(
      'see http\\://evil.example and HTTPS\\://x.lv, www\\.x.lv, ftp\\://a',
    );
    expect(markdownCell('Ventspils 12 758.00')).toBe('Ventspils 12 758.00');
    expect(markdownCell('write to anna@ventspils.lv, mailto:x@y.lv')).toBe(
      'write to anna\\@ventspils.lv, mailto\\:x\\@y.lv',
    );
  });

  it('an e-mail address in a name stays text in report --format md and in the job summary', () => {
    const dir = folder({
      'anna@ventspils.lv.yaml':
        'partner: "Ventspils (anna@ventspils.lv)"\nbudget: 1000\nfunding: { erdf: { rate: 85%, amount: 851 }, national: rest }\n',
    });
    const md = cofin(['report', 'anna@ventspils.lv.yaml', '--format', 'md'], { cwd: dir });
    expect(md.stdout).toContain('| Ventspils (anna\\@ventspils.lv) |');
    expect(md.stdout).not.toMatch(/[^\\]@/);
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '');
    const { FORCE_COLOR, NO_COLOR, TERM, ...env } = process.env;
    spawnSync(process.execPath, [join(root, 'scripts/github-action.mjs')], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...env, GITHUB_STEP_SUMMARY: summary, COFIN_PATHS: 'anna@ventspils.lv.yaml', COFIN_FORMAT: 'github' },
    });
    const text = readFileSync(summary, 'utf8');
    expect(text).toContain('| anna\\@ventspils.lv.yaml | ❌ fail |');
    expect(text).not.toMatch(/[^\\]@/);
  });

  it('report --format md and the GitHub job summary: names and messages with URLs stay text', () => {
    const dir = folder({
      'www.evil.lv.yaml':
        'partners:\n  - partner: "Visit http://evil.example now"\n    budget: 1000\n    funding: {erdf: { rate: 85%, amount: 851 }, national: rest}\n  - partner: www.x.lv\n    budget: 100\n    funding: {erdf: 85%, national: rest}\n',
    });
    const md = cofin(['report', 'www.evil.lv.yaml', '--format', 'md'], { cwd: dir });
    expect(md.code).toBe(1); // the 851: an error in the figures, the report shows the computed amounts
    expect(md.stdout).toContain('Visit http\\://evil.example now');
    expect(md.stdout).toContain('www\\.x.lv');
    expect(md.stdout).not.toMatch(LINKS);
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '');
    const { FORCE_COLOR, NO_COLOR, TERM, ...env } = process.env;
    const action = spawnSync(process.execPath, [join(root, 'scripts/github-action.mjs')], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...env, GITHUB_STEP_SUMMARY: summary, COFIN_PATHS: 'www.evil.lv.yaml', COFIN_FORMAT: 'github' },
    });
    expect(action.status).toBe(1);
    const text = readFileSync(summary, 'utf8');
    expect(text).toContain('| www\\.evil.lv.yaml | ❌ fail |');
    expect(text).toContain('Visit http\\://evil.example now');
    expect(text).not.toMatch(LINKS);
  });
});

describe('-o FILE into the folder checked (binary)', () => {
  it('a report written there is skipped on the next walk; named, it is read', () => {
    const dir = folder({ 'v.yaml': BUDGET });
    for (const [format, out, stderr] of [
      ['json', 'out.json', ''],
      // CSV rows have no summary: what the walk passed over is said on stderr
      ['csv', 'out.csv', '1 file passed over as no budget file (1 JSON output of cofin): out.json\n'],
    ]) {
      const first = cofin(['check', '.', '--format', format!, '-o', out!], { cwd: dir });
      expect([first.code, first.stderr]).toEqual([0, stderr]);
    }
    expect(cofin(['report', 'v.yaml', '--format', 'csv', '-o', 'report.csv'], { cwd: dir }).code).toBe(0);
    expect(cofin(['report', 'v.yaml', '--format', 'json', '-o', 'report.json'], { cwd: dir }).code).toBe(0);
    expect(cofin(['check', '.', '-q'], { cwd: dir })).toEqual({
      code: 0,
      stderr: '',
      // skipped, and named as such
      stdout:
        '1 file: 1 passed\n4 files passed over as no budget files (2 CSV outputs of cofin, 2 JSON outputs of cofin): ' +
        'out.csv, out.json, report.csv, report.json\n',
    });
    const json = JSON.parse(cofin(['check', '.', '--format', 'json'], { cwd: dir }).stdout);
    expect(json.files.map((f: { file: string }) => f.file)).toEqual(['v.yaml']);
    const named = cofin(['check', 'out.json'], { cwd: dir });
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('out.json:2:3: error: unknown key "schemaVersion" in the budget file [unknown-key]');
  });
});

describe('invalid-file and usage errors in Latvian (binary)', () => {
  const lv = { LANG: 'lv_LV.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  it('check --locale lv: the message and hint of an invalid file in Latvian; code and FILE:LINE:COL as they are', () => {
    const dir = folder({ 'bad.yaml': 'budget: 100\nfunding:\n  erdf: ten\n  national: rest\n' });
    expect(cofin(['check', 'bad.yaml', '--locale', 'lv'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '1 fails: 0 atbilst, 1 nederīgs\n',
      stderr:
        'bad.yaml:3:9: kļūda: nav likme: "ten" [bad-rate]\n  ieteikums: rakstiet procentus no 0 līdz 100, piemēram, 85%, 85 vai 85,5 %\n',
    });
    const two = folder({ 'two.yaml': `${BUDGET}---\n${BUDGET}` });
    expect(cofin(['check', 'two.yaml'], { cwd: two, env: lv }).stderr).toBe(
      'two.yaml:5:1: kļūda: otrs YAML dokuments (aiz "---" vai "..."): vienā failā ir viens budžets [syntax]\n  ieteikums: katru budžetu ierakstiet atsevišķā failā vai izdzēsiet rindu "---"\n',
    );
  });

  it('usage errors under --locale lv and LANG=lv_LV.UTF-8; the JSON object stays English', () => {
    expect(cofin(['split', '100', 'erdf=85%', 'national=rest', '--method', 'halfup'], { env: lv })).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "cofin: kļūda: opcijas '--method <method>' vērtība 'halfup' nav derīga; derīgās vērtības: largest-remainder, half-up, fund-down. Vai domājāt half-up?\nieteikums: lietošana: \"cofin split --help\"\n",
    });
    const run = cofin(['split', '100', 'erdf=85%', '--currency', 'EUE', '--locale', 'lv', '--format', 'json']);
    expect(run.stderr).toBe('cofin: kļūda: nav ISO 4217 valūtas kods: "EUE"\nieteikums: vai domājāt EUR?\n');
    expect(JSON.parse(run.stdout).error).toMatchObject({ message: 'not an ISO 4217 currency code: "EUE"' });
    // English stays the default, and --locale en wins over the environment
    expect(cofin(['split', '100', 'erdf=85%', '--currency', 'EUE', '--locale', 'en'], { env: lv }).stderr).toBe(
      'cofin: error: not an ISO 4217 currency code: "EUE"\nhint: did you mean EUR?\n',
    );
  });
});

describe('package.json: no invented public URL, and npm says nothing of it', () => {
  it('has no repository, bugs or homepage (there is no public URL), and npm pack warns of nothing', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(['repository', 'bugs', 'homepage'].filter((key) => key in manifest)).toEqual([]);
    const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
    expect(pack.status).toBe(0);
    expect(pack.stderr).not.toMatch(/warn/i);
  });
});
