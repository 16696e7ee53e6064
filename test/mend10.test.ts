/**
 * Known small defects left after stop 28, each failed before its fix: end to end through the built binary where a user
 * sees it, else through the command a library caller runs.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCheck } from '../src/commands/check.js';
import { makeStyle } from '../src/render/colour.js';
import { checkToMarkdown, type CheckJson } from '../src/render/check-markdown.js';
import { cofin, root, scratch } from './e2e/run.js';
import { buildWorkbook } from './xlsx-build.js';

const files = scratch('cofin-mend10-');
const halfRated = 'partner: A\nbudget: 1000\nfunding:\n  erdf: 50%\n';

/** runCheck with the ignore lists a caller gives, its standard output as text. */
async function checkWith(dir: string, format: 'table' | 'github', by: string) {
  const out: string[] = [];
  const io = {
    stdout: { write: (t: string | Uint8Array) => out.push(String(t)) > 0, isTTY: false },
    stderr: { write: () => true, isTTY: false },
    stdin: new PassThrough(),
    env: {},
    cwd: dir,
  };
  const style = makeStyle(false);
  const code = await runCheck(
    {
      paths: [join(dir, 'a.yaml')],
      format,
      strict: false,
      ignore: ['rates-sum'],
      ignoredBy: [{ by, codes: ['rates-sum'] }],
      locale: 'en',
    },
    io,
    { stdout: style, stderr: style },
  );
  return { code, stdout: out.join('') };
}

describe('1: the ignored-errors line escapes the names of whoever ignored them, in every format', () => {
  const odd = 'odd\n::error::x\u001b[31m/cofin.config.yaml';
  it('table and github: a newline, an ESC and a :: in the name are written escaped, the line stays one line', async () => {
    const dir = files.fresh('odd');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.yaml'), halfRated);
    const table = await checkWith(dir, 'table', odd);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n').at(-2)).toBe(
      '1 error ignored (rates-sum) by odd\\n::error::x\\x1b[31m/cofin.config.yaml',
    );
    const github = await checkWith(dir, 'github', odd);
    expect(github.code).toBe(0);
    expect(github.stdout).not.toContain('\u001b');
    expect(github.stdout.split('\n').at(-2)).toBe(
      'cofin check: 1 file, 1 passed, 0 failed, 0 invalid; ' +
        '1 error ignored (rates-sum) by odd\\n::error::x\\x1b[31m/cofin.config.yaml',
    );
    expect(github.stdout.split('\n').filter((line) => line.startsWith('::error'))).toEqual([]);
  });
  it('markdown: the name is a cell’s text, no line break or HTML', () => {
    const report: CheckJson = {
      files: [],
      summary: { files: 1, passed: 1, failed: 0, invalid: 0, ignored: { errors: 2, codes: ['rates-sum'], by: [odd] } },
    };
    const md = checkToMarkdown(report);
    expect(md).not.toContain('\u001b');
    expect(md.split('\n').filter((line) => line.startsWith('2 errors ignored'))).toHaveLength(1);
  });
});

describe('2: the GitHub Action’s job summary says that errors were ignored and by whom', () => {
  it('a config file up the tree ignores an error: the summary line, the JSON summary and the errors column say so', () => {
    const top = files.fresh('action');
    mkdirSync(join(top, 'sub'), { recursive: true });
    writeFileSync(join(top, 'cofin.config.yaml'), 'ignore: [rates-sum]\n');
    writeFileSync(join(top, 'sub', 'a.yaml'), halfRated);
    writeFileSync(join(top, 'sub', 'b.yaml'), 'partner: B\nbudget: 1000\nfunding:\n  erdf: 85%\n  national: rest\n');
    const summaryFile = join(top, 'summary.md');
    writeFileSync(summaryFile, '');
    const { FORCE_COLOR, NO_COLOR, TERM, ...env } = process.env;
    const run = spawnSync(process.execPath, [join(root, 'scripts/github-action.mjs')], {
      cwd: join(top, 'sub'),
      encoding: 'utf8',
      env: {
        ...env,
        GITHUB_STEP_SUMMARY: summaryFile,
        COFIN_PATHS: '.',
        COFIN_FORMAT: 'github',
        COFIN_STRICT: 'false',
      },
    });
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n').at(-2)).toBe(
      'cofin check: 2 files, 2 passed, 0 failed, 0 invalid; 1 error ignored (rates-sum) by ../cofin.config.yaml',
    );
    expect(readFileSync(summaryFile, 'utf8')).toBe(`## cofin check

2 files: 2 passed

1 error ignored (rates-sum) by ../cofin.config.yaml

| File | Verdict | Partners | Errors | First error |
| --- | --- | ---: | ---: | --- |
| a.yaml | ✅ pass | 1 | 0 |  |
| b.yaml | ✅ pass | 1 | 0 |  |

`);
    const json = cofin(['check', '.', '--format', 'json'], { cwd: join(top, 'sub') });
    expect(JSON.parse(json.stdout).summary.ignored).toEqual({
      errors: 1,
      codes: ['rates-sum'],
      by: ['../cofin.config.yaml'],
    });
    // nothing ignored: no key, the JSON as before
    const none = cofin(['check', 'b.yaml', '--format', 'json'], { cwd: join(top, 'sub') });
    expect(Object.keys(JSON.parse(none.stdout).summary)).toEqual(['files', 'passed', 'failed', 'invalid']);
  });
});

describe('5: a source with no name whose id is the real mistake is told as that mistake first', () => {
  const { write, run } = files;
  it('eu: { rate: 85% } names an EU fund under no fund’s id; erfd: 85% is a slip of erdf; foo still needs a name', () => {
    const eu = run(['check', write('partner: A\nbudget: 12758\nfunding:\n  eu: { rate: 85% }\n  national: rest\n')]);
    expect(eu.code).toBe(2);
    expect(eu.stdout).toBe('1 file: 0 passed, 1 invalid\n');
    expect(eu.stderr).toMatch(
      /^case-\d+\.yaml:4:3: error: source "eu" names an EU fund, but its id is not a well-known one: it would be read as a public source \[unknown-key\]\n {2}hint: state its kind: kind: eu-fund \(kind: public if it is not the fund\)\n$/,
    );
    const slip = run(['check', write('partner: A\nbudget: 12758\nfunding:\n  erfd: 85%\n  national: rest\n')]);
    expect(slip.code).toBe(2);
    expect(slip.stderr).toMatch(
      /:4:3: error: source "erfd" is not a well-known id: did you mean "erdf"\? \[unknown-key\]/,
    );
    const lv = run([
      'check',
      write('partner: A\nbudget: 12758\nfunding:\n  eu: 85%\n  national: rest\n'),
      '--locale',
      'lv',
    ]);
    expect(lv.stderr).toContain('kļūda: avots "eu" nosauc ES fondu, bet tā identifikators nav zināms');
    const foo = run(['check', write('partner: A\nbudget: 12758\nfunding:\n  foo: 85%\n  national: rest\n')]);
    expect(foo.code).toBe(2);
    expect(foo.stderr).toContain(':4:3: error: source "foo" needs a name [missing-key]');
    // a kind written takes the id as meant: the name is then what is missing
    const kind = run([
      'check',
      write('partner: A\nbudget: 100\nfunding:\n  eu: { rate: 85%, kind: eu-fund }\n  national: rest\n'),
    ]);
    expect(kind.stderr).toContain('error: source "eu" needs a name [missing-key]');
  });
});

describe('6: split refuses an id one slip from a well-known one, as check does', () => {
  it('erfd=85%: exit 2, one line and a hint, nothing on stdout; in Latvian too; with a kind it is split', () => {
    const slip = cofin(['split', '12758', 'erfd=85%', 'national=rest']);
    expect(slip).toMatchObject({
      code: 2,
      stdout: '',
      stderr:
        'cofin: error: source "erfd" is not a well-known id: did you mean "erdf"?\n' +
        'hint: write erdf=85%; a source of its own states its kind: erfd:public=85%\n',
    });
    const lv = cofin(['split', '12758', 'erfd=85%', 'national=rest', '--locale', 'lv']);
    expect(lv.stderr).toBe(
      'cofin: kļūda: avots "erfd" nav zināms identifikators: vai domājāt "erdf"?\n' +
        'ieteikums: rakstiet erdf=85%; avots ar savu identifikatoru norāda savu veidu: erfd:public=85%\n',
    );
    const json = cofin(['split', '12758', 'erfd=85%', 'national=rest', '--format', 'json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout).error.code).toBe('unknown-key');
    expect(cofin(['split', '12758', 'erfd:public=85%', 'national=rest'])).toMatchObject({ code: 0, stderr: '' });
    // the budget file says the same of the same id
    const { write, run } = files;
    expect(
      run(['check', write('partner: A\nbudget: 12758\nfunding:\n  erfd: { name: X, rate: 85% }\n  national: rest\n')])
        .stderr,
    ).toContain('error: source "erfd" is not a well-known id: did you mean "erdf"? [unknown-key]');
  });
});

describe('7: a workbook whose header is in Latvian is told which headers cofin reads', () => {
  const header = ['Partneris', 'Valsts', 'Budžets', 'erdf', 'national'];
  const rows = [header, ['Ventspils', 'LV', '1000', '85%', '15%']];
  it('no sheet has a "partner" header: the hint names the renames, at the Latvian header cell; --sheet too', () => {
    const name = 'latvian.xlsx';
    writeFileSync(join(files.dir, name), buildWorkbook([{ name: 'Budžets', rows: [['Projekta budžets'], ...rows] }]));
    const run = files.run(['check', name]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('1 file: 0 passed, 1 invalid\n');
    expect(run.stderr).toBe(
      `latvian.xlsx:Budžets!A2: error: no sheet has a "partner" header (the sheets: "Budžets") [missing-key]\n` +
        '  hint: cofin reads the headers in English: rename the columns Partneris → partner, Valsts → country, ' +
        'Budžets → budget, e.g. partner | country | budget | erdf | municipal\n',
    );
    const sheet = files.run(['check', name, '--sheet', '1']);
    expect(sheet.code).toBe(2);
    expect(sheet.stderr).toContain(`latvian.xlsx:Budžets!A2: error: the sheet "Budžets" has no "partner" header`);
    expect(sheet.stderr).toContain('hint: cofin reads the headers in English: rename the columns Partneris → partner');
    const lv = files.run(['check', name, '--locale', 'lv']);
    expect(lv.stderr).toContain('kļūda: nevienā lapā nav galvenes "partner" (lapas: "Budžets")');
    expect(lv.stderr).toContain('ieteikums: cofin lasa galvenes angliski: pārdēvējiet kolonnas Partneris → partner');
  });
  it('a header in no language cofin knows keeps the hint as before', () => {
    const name = 'other.xlsx';
    writeFileSync(
      join(files.dir, name),
      buildWorkbook([
        {
          name: 'B',
          rows: [
            ['who', 'amount'],
            ['A', '1000'],
          ],
        },
      ]),
    );
    expect(files.run(['check', name]).stderr).toBe(
      'other.xlsx: error: no sheet has a "partner" header (the sheets: "B") [missing-key]\n' +
        '  hint: a row names the columns, e.g. partner | country | budget | erdf | municipal; name the sheet with ' +
        '--sheet\n',
    );
  });
});

describe('8: a folder walk reads the JSON cofin extract writes as the budget it states', () => {
  it('a passing extraction is checked, one with a conflict fails the walk; other cofin JSON is still passed over', () => {
    const dir = files.fresh('walk');
    mkdirSync(dir);
    const extract = (text: string) => {
      writeFileSync(join(dir, 'doc.txt'), text);
      return cofin(['extract', 'doc.txt', '--format', 'json'], { cwd: dir }).stdout;
    };
    writeFileSync(
      join(dir, 'good.json'),
      extract(
        'The total budget is EUR 84 000: the ERDF covers 85% (EUR 71 400) and the municipality 15% (EUR 12 600).\n',
      ),
    );
    writeFileSync(
      join(dir, 'split.json'),
      cofin(['split', '100', 'erdf=85%', 'national=rest', '--format', 'json']).stdout,
    );
    const pass = cofin(['check', '.', '-q'], { cwd: dir });
    expect(pass).toEqual({
      code: 0,
      stdout: '1 file: 1 passed\n1 file passed over as no budget file (1 JSON output of cofin): split.json\n',
      stderr: '',
    });
    writeFileSync(
      join(dir, 'conflict.json'),
      extract('The total budget is EUR 100 000. The ERDF covers EUR 85 000 and the municipality EUR 35 000.\n'),
    );
    const fail = cofin(['check', '.', '-q'], { cwd: dir });
    expect(fail.code).toBe(1);
    expect(fail.stdout).toContain('conflict.json:12:7: error: cofin extract marked a conflict');
    expect(fail.stdout).toContain('2 files: 1 passed, 1 failed\n');
  });
});
