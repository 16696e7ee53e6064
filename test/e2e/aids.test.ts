import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin, cofin, root } from './run.js';

const fresh = (prefix = 'cofin-aids-') => mkdtempSync(join(tmpdir(), prefix));

// --- 1. every help example runs from an empty folder ---------------------------------------------

/** A folder with `cofin` on PATH (the built bin), as after a global install. */
function shim(): string {
  const dir = fresh('cofin-shim-');
  writeFileSync(join(dir, 'cofin'), `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`);
  // jq stands in as a check that its input is JSON
  writeFileSync(
    join(dir, 'jq'),
    `#!/bin/sh\nexec "${process.execPath}" -e "JSON.parse(require('fs').readFileSync(0, 'utf8'))"\n`,
  );
  chmodSync(join(dir, 'cofin'), 0o755);
  chmodSync(join(dir, 'jq'), 0o755);
  return dir;
}

/** The `$ ...` lines of a help text, without their trailing comments. */
function exampleLines(help: string): string[] {
  return [...help.matchAll(/^ {2}\$ (.+)$/gm)].map((m) => m[1]!.replace(/\s+# .*$/, '').trim());
}

/** Tools an example may pipe into that the test does not have: such a line is skipped. */
const OTHER_TOOLS = /(^|\|)\s*(pdftotext|less)\b/;

describe('help examples', () => {
  const commands = ['', 'split', 'check', 'report', 'claim', 'extract', 'schema', 'init', 'completion'];
  const path = `${shim()}:${process.env.PATH}`;

  it('lists every command of cofin --help', () => {
    const help = cofin(['--help']).stdout;
    for (const command of commands.filter(Boolean)) expect(help).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  });

  for (const command of commands) {
    it(`every example of "cofin ${command}${command ? ' ' : ''}--help" runs in an empty folder after cofin init budget.yaml`, () => {
      const help = cofin(command ? [command, '--help'] : ['--help']).stdout;
      expect(help).not.toContain('fixtures/');
      const lines = exampleLines(help);
      if (command !== 'schema') expect(lines.length).toBeGreaterThan(0);
      const cwd = fresh();
      // the folder has budget.yaml, from cofin init: made by the examples themselves when they start so
      if (!lines.some((line) => line.startsWith('cofin init budget.yaml')))
        expect(cofin(['init', 'budget.yaml'], { cwd }).code).toBe(0);
      const results = lines
        .filter((line) => !OTHER_TOOLS.test(line))
        .map((line) => {
          const run = spawnSync('bash', ['-o', 'pipefail', '-c', line], {
            cwd,
            encoding: 'utf8',
            env: { ...process.env, PATH: path, NO_COLOR: '1', HOME: cwd },
          });
          return { line, code: run.status, stderr: run.status === 0 || run.status === 1 ? '' : run.stderr };
        });
      expect(results.filter((r) => r.code !== 0 && r.code !== 1)).toEqual([]);
    });
  }
});

// --- 2. did you mean, for choices and source ids -------------------------------------------------

describe('did you mean', () => {
  it.each([
    [
      ['split', '1000', 'erdf=85%', 'national=rest', '--method', 'halfup'],
      "cofin: error: option '--method <method>' argument 'halfup' is invalid. Allowed choices are largest-remainder, half-up, fund-down. Did you mean half-up?\nhint: run \"cofin split --help\" for usage\n",
    ],
    [
      ['split', '1000', 'erdf=85%', 'national=rest', '--method', 'fund_down'],
      "cofin: error: option '--method <method>' argument 'fund_down' is invalid. Allowed choices are largest-remainder, half-up, fund-down. Did you mean fund-down?\nhint: run \"cofin split --help\" for usage\n",
    ],
    [
      ['report', 'budget.yaml', '--locale', 'lvv'],
      "cofin: error: option '--locale <locale>' argument 'lvv' is invalid. Allowed choices are lv, en. Did you mean lv?\nhint: run \"cofin report --help\" for usage\n",
    ],
    [
      ['check', '-', '--input', 'YML'],
      "cofin: error: option '--input <format>' argument 'YML' is invalid. Allowed choices are yaml, json, csv, xlsx. Did you mean yaml?\nhint: run \"cofin check --help\" for usage\n",
    ],
    [
      ['extract', '-', '--format', 'yanl'],
      "cofin: error: option '--format <format>' argument 'yanl' is invalid. Allowed choices are yaml, json. Did you mean yaml?\nhint: run \"cofin extract --help\" for usage\n",
    ],
    [
      ['split', '1000', 'erdf=85%', 'national=rest', '--format', 'xml'],
      "cofin: error: option '--format <format>' argument 'xml' is invalid. Allowed choices are table, json, csv.\nhint: run \"cofin split --help\" for usage\n",
    ],
  ])('%j', (args, stderr) => {
    const run = cofin(args);
    expect(run).toEqual({ stdout: '', stderr, code: 2 });
  });

  it('takes a choice in any case: --format JSON, --locale LV, --input YAML, --method HALF-UP', () => {
    const split = cofin(['split', '1000', 'erdf=85%', 'national=rest', '--format', 'JSON', '--method', 'HALF-UP']);
    expect(split.code).toBe(0);
    expect(JSON.parse(split.stdout).method).toBe('half-up');
    const cwd = fresh();
    cofin(['init', 'budget.yaml'], { cwd });
    expect(cofin(['report', 'budget.yaml', '--locale', 'LV'], { cwd }).code).toBe(0);
    const check = cofin(['check', '-', '--input', 'YAML'], { input: readFileSync(join(cwd, 'budget.yaml'), 'utf8') });
    expect(check.code).toBe(0);
  });

  it('refuses an id that is likely a well-known one mistyped, as a budget file does (exit 2, a did-you-mean)', () => {
    const run = cofin(['split', '1000', 'erfd=85%', 'national=rest']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'cofin: error: source "erfd" is not a well-known id: did you mean "erdf"?\n' +
        'hint: write erdf=85%; a source of its own states its kind: erfd:public=85%\n',
    );
  });

  it('takes such an id with a kind, and ids far from every well-known one', () => {
    expect(cofin(['split', '1000', 'erfd:eu-fund=85%', 'national=rest'])).toMatchObject({ code: 0, stderr: '' });
    expect(cofin(['split', '1000', 'eea-grants=85%', 'national=rest'])).toMatchObject({ code: 0, stderr: '' });
    expect(cofin(['split', '1000', 'municipl=15%', 'erdf=85%']).stderr).toContain('did you mean "municipal"?');
  });
});

// --- 3. init writes the format its extension names -----------------------------------------------

describe('cofin init FILE', () => {
  it.each(['budget.yaml', 'budget.yml', 'budget.json', 'partners.csv', 'UPPER.JSON'])(
    '%s is written in its format and passes cofin check',
    (name) => {
      const cwd = fresh();
      const init = cofin(['init', name], { cwd });
      expect(init).toEqual({
        stdout: '',
        stderr: `cofin: wrote ${name}; check it with: cofin check ${name}\n`,
        code: 0,
      });
      const text = readFileSync(join(cwd, name), 'utf8');
      if (/\.json$/i.test(name)) expect(JSON.parse(text).partner).toBe('Ventspils Digital Centre');
      if (name.endsWith('.csv')) expect(text.split('\n')[0]).toBe('partner;country;budget;erdf;municipal;state');
      if (/\.ya?ml$/.test(name)) expect(text).toMatch(/^# A cofin budget file/);
      const check = cofin(['check', name], { cwd });
      expect(check.code).toBe(0);
      expect(check.stdout).toMatch(new RegExp(`^PASS ${name.replace('.', '\\.')} `));
    },
  );

  it('refuses any other extension, in one line with a hint, and writes nothing', () => {
    const cwd = fresh();
    const run = cofin(['init', 'budget.txt'], { cwd });
    expect(run).toEqual({
      stdout: '',
      stderr:
        'cofin: error: cannot write a budget file named "budget.txt": its extension names no format cofin reads\nhint: name it .yaml, .yml, .json or .csv (a partner table), or - for standard output (YAML)\n',
      code: 2,
    });
    expect(readdirSync(cwd)).toEqual([]);
    expect(cofin(['init', 'budget'], { cwd }).code).toBe(2);
  });
});

// --- 4. JSON-mode errors are JSON ----------------------------------------------------------------

describe('errors with --format json', () => {
  const error = (
    code: string,
    message: string,
    hint: string | null,
    file: string | null = null,
    line: number | null = null,
    column: number | null = null,
  ) => ({ schemaVersion: 1, error: { code, message, hint, file, line, column } });

  it.each([
    [
      ['split', '1000', 'erdf=85%', '--format', 'json'],
      error(
        'rates-sum',
        'rates add up to 85%, 15% short of 100%',
        'make the rates add up to 100%, or let one source take the rest: national=rest',
      ),
    ],
    [
      ['split', '1000', 'erdf=85%', 'national=rest', '--format', 'json', '--method', 'halfup'],
      error(
        'usage',
        "option '--method <method>' argument 'halfup' is invalid. Allowed choices are largest-remainder, half-up, fund-down. Did you mean half-up?",
        'run "cofin split --help" for usage',
      ),
    ],
    [
      ['report', 'missing.yaml', '--format=json'],
      error('not-found', 'missing.yaml: no such file', 'check the path; - reads standard input', 'missing.yaml'),
    ],
    [
      ['check', '--format', 'json'],
      error('usage', "missing required argument 'files'", 'run "cofin check --help" for usage'),
    ],
    [
      ['check', 'x.yaml', '--format', 'json', '--input', 'xml'],
      error(
        'usage',
        "option '--input <format>' argument 'xml' is invalid. Allowed choices are yaml, json, csv, xlsx.",
        'run "cofin check --help" for usage',
      ),
    ],
    [
      ['extract', '--format', 'json', '--lang', 'xx', 'news.txt'],
      error(
        'usage',
        "option '--lang <lang>' argument 'xx' is invalid. Allowed choices are lv, en, auto.",
        'run "cofin extract --help" for usage',
      ),
    ],
    [
      ['extract', 'missing.txt', '--format', 'JSON'],
      error('not-found', 'missing.txt: no such file', 'check the path; - reads standard input', 'missing.txt'),
    ],
  ])('%j', (args, expected) => {
    const run = cofin(args);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual(expected);
    expect(run.stderr).toBe(`cofin: error: ${expected.error.message}\nhint: ${expected.error.hint}\n`);
  });

  it('gives the file, line and column of an input error', () => {
    const cwd = fresh();
    writeFileSync(join(cwd, 'bad.yaml'), 'budget: 1000\nfunding: [\n');
    const run = cofin(['report', 'bad.yaml', '--format', 'json'], { cwd });
    expect(run.code).toBe(2);
    const { error } = JSON.parse(run.stdout);
    expect(error).toMatchObject({
      code: 'syntax',
      file: 'bad.yaml',
      line: expect.any(Number),
      column: expect.any(Number),
    });
    expect(run.stderr).toMatch(new RegExp(`^cofin: error: bad\\.yaml:${error.line}:${error.column}: `));
  });

  it('prints no JSON error on stdout when the output goes to a file (-o FILE)', () => {
    const cwd = fresh();
    expect(cofin(['report', 'missing.yaml', '--format', 'json', '-o', 'out.json'], { cwd })).toMatchObject({
      stdout: '',
      stderr: 'cofin: error: missing.yaml: no such file\nhint: check the path; - reads standard input\n',
      code: 2,
    });
    expect(cofin(['report', 'missing.yaml', '--format', 'json', '--output=out.json'], { cwd })).toMatchObject({
      stdout: '',
      code: 2,
    });
    expect(
      JSON.parse(cofin(['report', 'missing.yaml', '--format', 'json', '-o', '-'], { cwd }).stdout).error.code,
    ).toBe('not-found');
  });

  it('keeps the text layout without --format json', () => {
    expect(cofin(['split', '1000', 'erdf=85%'])).toMatchObject({ stdout: '', code: 2 });
    expect(cofin(['report', 'missing.yaml', '--format', 'md'])).toMatchObject({ stdout: '', code: 2 });
  });
});

// --- 5. extract --format json | cofin check - ----------------------------------------------------

describe('cofin extract --format json | cofin check -', () => {
  const document = join(root, 'fixtures/documents/ventspils-digital-centre.txt');

  it('checks the budget the JSON states, as the YAML output does', () => {
    const json = cofin(['extract', document, '--format', 'json']);
    const yaml = cofin(['extract', document]);
    const fromJson = cofin(['check', '-', '--format', 'json'], { input: json.stdout });
    const fromYaml = cofin(['check', '-', '--format', 'json'], { input: yaml.stdout });
    expect(fromJson.code).toBe(0);
    const shares = (run: { stdout: string }) =>
      JSON.parse(run.stdout).files[0].partners[0].shares.map(
        (s: { id: string; computed: string; declared: string; status: string }) => [
          s.id,
          s.computed,
          s.declared,
          s.status,
        ],
      );
    expect(shares(fromJson)).toEqual([
      ['erdf', '10844', '10844', 'ok'],
      ['municipal', '1276', '1276', 'ok'],
      ['state', '638', '638', 'ok'],
    ]);
    expect(shares(fromJson)).toEqual(shares(fromYaml));
    const table = cofin(['check', '-'], { input: json.stdout });
    expect(table.stdout).toMatch(/^PASS <stdin>  partner: EUR 12 758, largest-remainder, unit 1\n/);
  });

  it('keeps an approximate figure approximate and a rest source the rest', () => {
    const cwd = fresh();
    writeFileSync(
      join(cwd, 'news.txt'),
      'Projekta budžets ir ap. EUR 2,5 milj., no tā ERAF finansējums 85% un pārējo summu sedz pašvaldība.\n',
    );
    const json = cofin(['extract', 'news.txt', '--format', 'json'], { cwd });
    const check = cofin(['check', '-', '--format', 'json'], { input: json.stdout });
    const fromYaml = cofin(['check', '-', '--format', 'json'], {
      input: cofin(['extract', 'news.txt'], { cwd }).stdout,
    });
    expect(JSON.parse(check.stdout).files[0].verdict).toBe(JSON.parse(fromYaml.stdout).files[0].verdict);
    expect(JSON.parse(check.stdout).files[0].partners[0]?.budget).toBe(
      JSON.parse(fromYaml.stdout).files[0].partners[0]?.budget,
    );
  });

  it('says in one line when the JSON found no budget', () => {
    const json = cofin(['extract', '-', '--format', 'json'], { input: 'Nothing to see here.\n' });
    const run = cofin(['check', '-'], { input: json.stdout });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'error: cofin extract found no budget in the document (its JSON has "budget": null) [missing-key]',
    );
  });

  it('does the same for a saved extraction', () => {
    const cwd = fresh();
    writeFileSync(join(cwd, 'extracted.json'), cofin(['extract', document, '--format', 'json']).stdout);
    mkdirSync(join(cwd, 'sub'));
    expect(cofin(['check', 'extracted.json'], { cwd }).code).toBe(0);
  });
});
