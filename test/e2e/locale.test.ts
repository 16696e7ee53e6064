import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cofin } from './run.js';

const NBSP = '\u00a0';
const lvEnv = { LANG: 'lv_LV.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const FOUNDING = ['split', 'EUR 12 758', 'erdf=85%', 'municipal=10%', 'state=5%', '--unit', '1'];

describe('cofin in Latvian (binary)', () => {
  it('split --locale lv: Latvian heads, well-known sources by their Latvian names, amounts by CLDR', () => {
    const run = cofin([...FOUNDING, '--locale', 'lv']);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`12${NBSP}758${NBSP}€ sadalījums: lielākā atlikuma metode, vienība 1`);
    expect(lines[2]).toMatch(/^│ Avots +│ Likme │ Precīzā summa │ +Summa │ Korekcija │$/);
    expect(lines[4]).toBe(`│ ERAF (erdf)            │   85% │      10${NBSP}844,3 │ 10${NBSP}844 │      -0,3 │`);
    expect(lines[5]).toBe('│ Pašvaldība (municipal) │   10% │        1275,8 │   1276 │      +0,2 │');
    expect(lines[6]).toBe('│ Valsts budžets (state) │    5% │         637,9 │    638 │      +0,1 │');
    expect(lines[8]).toMatch(new RegExp(`^│ Kopā +│  100% │ +12${NBSP}758 │ 12${NBSP}758 │ +0 │$`));
  });

  it('split follows LANG, LC_MESSAGES and LC_ALL by POSIX precedence; English by default', () => {
    expect(cofin(FOUNDING, { env: lvEnv }).stdout).toContain('sadalījums');
    expect(cofin(FOUNDING, { env: { LANG: 'en_GB.UTF-8', LC_MESSAGES: 'lv_LV.UTF-8', LC_ALL: '' } }).stdout).toContain(
      'sadalījums',
    );
    expect(cofin(FOUNDING, { env: { ...lvEnv, LC_ALL: 'C.UTF-8' } }).stdout.split('\n')[0]).toBe(
      'EUR 12 758 split by largest-remainder, unit 1',
    );
    expect(cofin(FOUNDING, { env: { LANG: '', LC_ALL: '', LC_MESSAGES: '' } }).stdout.split('\n')[0]).toBe(
      'EUR 12 758 split by largest-remainder, unit 1',
    );
    // a flag overrides the environment
    expect(cofin([...FOUNDING, '--locale', 'en'], { env: lvEnv }).stdout).toContain('split by');
  });

  it('split: the did-you-mean refusal in Latvian; JSON and CSV never localised', () => {
    const run = cofin(['split', '12758', 'erfd=85%', 'national=rest', '--locale', 'lv']);
    expect(run.stderr).toBe(
      'cofin: kļūda: avots "erfd" nav zināms identifikators: vai domājāt "erdf"?\n' +
        'ieteikums: rakstiet erdf=85%; avots ar savu identifikatoru norāda savu veidu: erfd:public=85%\n',
    );
    expect(cofin([...FOUNDING, '--format', 'json'], { env: lvEnv }).stdout).toBe(
      cofin([...FOUNDING, '--format', 'json']).stdout,
    );
    expect(cofin([...FOUNDING, '--format', 'csv'], { env: lvEnv }).stdout).toContain(
      'erdf,ERDF,eu-fund,85,10844.3,10844,-0.3',
    );
  });

  it('check of one file --locale lv: verdict, heading, column heads, findings and hints in Latvian; codes as they are', () => {
    const run = cofin(['check', 'fixtures/folder/budgets/wrong-figure.yaml', '--locale', 'lv']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(
      `NEATBILST fixtures/folder/budgets/wrong-figure.yaml  Ventspils Digital Centre: 12${NBSP}758${NBSP}€, lielākā atlikuma metode, vienība 1\n`,
    );
    expect(run.stdout).toMatch(/│ Avots +│ Likme │ Precīzā summa │ Aprēķināts │ Norādīts │ Starpība │/);
    expect(run.stdout).toContain(
      `fixtures/folder/budgets/wrong-figure.yaml:3:9: kļūda: norādītās summas kopā ir 12${NBSP}398${NBSP}€, par 360${NBSP}€ mazāk nekā budžets 12${NBSP}758${NBSP}€ [sum-mismatch]\n  ieteikums: pārbaudiet katru summu pret dokumentu vai budžetu\n`,
    );
    expect(run.stdout).toContain(
      `:5:35: kļūda: erdf: norādīts 10${NBSP}484${NBSP}€, aprēķināts 10${NBSP}844${NBSP}€ (precīzi 10${NBSP}844,3), starpība -360 [share-mismatch]\n  ieteikums: šķiet, ka vietām samainīti divi cipari: 10${NBSP}484, nevis 10${NBSP}844; norādītā summa ir 82,1759% no budžeta\n`,
    );
    expect(run.stdout).toMatch(/1 fails: 0 atbilst, 1 neatbilst\n$/);
  });

  it('check of a folder with LANG=lv_LV.UTF-8: a line per passing file, the closing list and the summary in Latvian', () => {
    const run = cofin(['check', 'fixtures/folder'], { env: lvEnv });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`✓ fixtures/folder/budgets/network.yaml  3 partneri: 250${NBSP}000${NBSP}€\n`);
    expect(run.stdout).toContain(
      `✓ fixtures/folder/budgets/ventspils.yaml  Ventspils Digital Centre: 12${NBSP}758${NBSP}€\n`,
    );
    expect(run.stdout).toContain(
      'NEDERĪGS fixtures/folder/budgets/partners.csv:2:25  nav summa: "ten percent" [bad-amount]\n',
    );
    expect(run.stdout).toContain(
      `NEATBILST fixtures/folder/budgets/wrong-figure.yaml:3:9  norādītās summas kopā ir 12${NBSP}398${NBSP}€`,
    );
    expect(run.stdout).toMatch(/\n5 faili: 3 atbilst, 1 neatbilst, 1 nederīgs\n$/);
    // an input error in Latvian too (render/words/lv-errors.ts); its code and FILE:LINE:COL as in English and JSON
    expect(run.stderr).toContain(
      'fixtures/folder/budgets/partners.csv:2:25: kļūda: nav summa: "ten percent" [bad-amount]\n  ieteikums: ',
    );
  });

  it('check: JSON, JUnit and CSV are the same in any language; GitHub annotations are Latvian only when --locale lv is given', () => {
    for (const format of ['json', 'junit', 'csv']) {
      expect(cofin(['check', 'fixtures/folder', '--format', format], { env: lvEnv }).stdout, format).toBe(
        cofin(['check', 'fixtures/folder', '--format', format]).stdout,
      );
    }
    const github = (args: string[], env?: Record<string, string>) =>
      cofin(['check', 'fixtures/folder/budgets/wrong-figure.yaml', '--format', 'github', ...args], env ? { env } : {})
        .stdout;
    expect(github([], lvEnv)).toBe(github([]));
    expect(github([])).toContain(
      '::error file=fixtures/folder/budgets/wrong-figure.yaml,line=3,col=9,title=cofin sum-mismatch::the declared amounts add up to EUR 12 398',
    );
    expect(github(['--locale', 'lv'])).toContain(
      `title=cofin sum-mismatch::norādītās summas kopā ir 12${NBSP}398${NBSP}€, par 360${NBSP}€ mazāk nekā budžets 12${NBSP}758${NBSP}€%0Aieteikums: pārbaudiet`,
    );
  });

  it('report --locale lv and LANG: headings, column heads, kinds, totals, source names and the chart in Latvian', () => {
    for (const run of [
      cofin(['report', 'fixtures/project/costs.yaml', '--locale', 'lv']),
      cofin(['report', 'fixtures/project/costs.yaml'], { env: lvEnv }),
    ]) {
      expect([run.code, run.stderr]).toEqual([0, '']);
      expect(run.stdout.split('\n')[0]).toBe(
        `1 partneris, 12${NBSP}758${NBSP}€, ES finansējums 10${NBSP}844${NBSP}€ (vidējā ES likme 85%)`,
      );
      for (const heading of [
        'Partneri un finansējuma avoti',
        'Izmaksu kategorijas',
        'Pa finansējuma veidiem',
        'Pa valstīm',
        'Partneru budžeti pa finansējuma avotiem',
      ])
        expect(run.stdout).toContain(`\n${heading}\n`);
      expect(run.stdout).toMatch(
        /│ Partneris +│ Valsts │ +Budžets │ +ERAF │ Pašvaldība │ Valsts budžets │ ES likme │ Daļa │/,
      );
      expect(run.stdout).toMatch(
        new RegExp(
          `│ Kopā +│ +│ 12${NBSP}758${NBSP}€ │ 10${NBSP}844${NBSP}€ │ +1276${NBSP}€ │ +638${NBSP}€ │ +85% │ 100% │`,
        ),
      );
      expect(run.stdout).toMatch(new RegExp(`│ Personāla izmaksas +│ 6000${NBSP}€ │ 47,03% │`));
      expect(run.stdout).toContain('│ Automātiskais publiskais │');
      expect(run.stdout).toContain('█ ERAF  ▓ Pašvaldība  ▒ Valsts budžets');
    }
  });

  it('report: a file with errors says so on stderr in Latvian', () => {
    const run = cofin(['report', 'fixtures/folder/budgets/wrong-figure.yaml', '--locale', 'lv']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'cofin: fixtures/folder/budgets/wrong-figure.yaml: skaitļos ir 2 kļūdas; pārskatā parādītas aprēķinātās summas\nieteikums: sīkāk: "cofin check fixtures/folder/budgets/wrong-figure.yaml"\n',
    );
  });

  it('report --format html --locale lv: the findings in Latvian, under their codes, and the sources by their Latvian names', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cofin-lv-')), 'report.html');
    const run = cofin([
      'report',
      'fixtures/folder/budgets/wrong-figure.yaml',
      '--format',
      'html',
      '--locale',
      'lv',
      '-o',
      out,
    ]);
    expect(run.code).toBe(1);
    const page = readFileSync(out, 'utf8');
    expect(page).toContain('<html lang="lv"');
    expect(page).toContain(
      `norādītās summas kopā ir 12${NBSP}398${NBSP}€, par 360${NBSP}€ mazāk nekā budžets 12${NBSP}758${NBSP}€ <span class="code">[sum-mismatch]</span>`,
    );
    expect(page).toContain('>ERAF<');
    expect(page).not.toContain('the declared amounts add up to');
  });
});
