import { describe, expect, it } from 'vitest';
import { scratch } from './e2e/run.js';
import { split } from '../src/core/split.js';
import { errorOf, texts } from './helpers.js';
import { buildWorkbook } from './xlsx-build.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Findings of user trial 9 (F1, F2, WP2, L2, L3), through the built binary where the user met them. Each test failed
// before its fix.
const files = scratch('cofin-trial9-');
const lines = (text: string) => text.split('\n').filter((line) => !/^[│┌├└]/.test(line));

describe('F1: under fund-down an EU fund that takes the rest is rounded down too', () => {
  it('split: 100.01 at interreg 50% and erdf rest gives 50.00 each and a drift of -0.01, never 50.01', () => {
    const r = split({
      budget: '100.01',
      shares: [
        { id: 'interreg', rate: '50%' },
        { id: 'erdf', rate: 'rest' },
      ],
      method: 'fund-down',
    });
    expect(texts(r.shares.map((s) => s.amount))).toEqual(['50', '50']);
    expect(r.drift.toFixed()).toBe('-0.01');
  });

  it('split: 1 628 285 at esf 88% and erdf rest, unit 1: ERDF 195 394 (of 195 394.2), drift -1', () => {
    const run = files.run(['split', '1628285', 'esf=88%', 'erdf=rest', '--unit', '1', '--method', 'fund-down']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/│ ERDF +│ +12% │ +195 394\.2 │ +195 394 │ +-0\.2 │/);
    expect(run.stdout).toContain('drift: the shares add up to 1 628 284, 1 less than the budget 1 628 285');
  });

  it('an EU-fund rest beside a public source: the public source takes the units left, as before', () => {
    const r = split({
      budget: '100.01',
      shares: [
        { id: 'erdf', rate: 'rest' },
        { id: 'national', rate: '50%' },
      ],
      method: 'fund-down',
    });
    expect(texts(r.shares.map((s) => s.amount))).toEqual(['50', '50.01']);
    expect(r.drift.isZero()).toBe(true);
  });

  it("check gives split's answer: the ERDF rest computed 195 394, the drift a warning with a hint that fits", () => {
    const name = files.write(
      'partner: A\nbudget: 1 628 285\nfunding:\n  esf: { rate: 88%, amount: 1 432 890 }\n  erdf: rest\n' +
        'rounding: { unit: 1, method: fund-down }\n',
    );
    const run = files.run(['check', name, '--format', 'json']);
    const report = JSON.parse(run.stdout) as {
      files: { partners: { shares: { id: string; computed: string }[] }[]; findings: { code: string }[] }[];
    };
    const shares = report.files[0]!.partners[0]!.shares;
    expect(shares.find((s) => s.id === 'erdf')?.computed).toBe('195394');
    expect(report.files[0]!.findings.map((f) => f.code)).toContain('rounding-drift');
    const table = files.run(['check', name]);
    expect(table.stdout).toContain('let a source that is not an EU fund take the rest');
    expect(table.stdout).not.toContain('let one source take the rest');
  });
});

describe('F2: split refuses an EU fund id written with another kind, as check does', () => {
  it('erdf:public=50% is wrong-type, one line and a hint, exit 2', () => {
    const run = files.run(['split', '100.01', 'erdf:public=50%', 'national=50%', '--method', 'fund-down']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr.trim())).toEqual([
      'cofin: error: source "erdf" is ERDF, an EU fund, but its kind is written public',
      'hint: write erdf=50%, or give a public source an id of its own: other:public=50%',
    ]);
    expect(errorOf(() => split({ budget: '100', shares: [{ id: 'esf', kind: 'private', rate: 'rest' }] })).code).toBe(
      'wrong-type',
    );
  });

  it('erdf:eu-fund and an own id of another kind are taken; an unknown kind is still named as such', () => {
    expect(files.run(['split', '100', 'erdf:eu-fund=50%', 'other:public=rest']).code).toBe(0);
    const bogus = files.run(['split', '100', 'erdf:bogus=50%', 'national=rest']);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toContain('unknown source kind "bogus"');
  });

  it('in Latvian, in split and check alike', () => {
    const run = files.run(['split', '100', 'erdf:public=50%', 'national=rest', '--locale', 'lv']);
    expect(run.stderr).toContain('kļūda: avots "erdf" ir ERDF, ES fonds, bet tā veids ierakstīts public');
    const name = files.write(
      'partner: A\nbudget: 100\nfunding:\n  erdf: { rate: 50%, kind: public }\n  national: rest\n',
    );
    const chk = files.run(['check', name, '--locale', 'lv']);
    expect(chk.code).toBe(2);
    expect(chk.stderr).toContain('avots "erdf" ir ERDF, ES fonds, bet tā veids ierakstīts public [wrong-type]');
    expect(chk.stderr).toContain('ieteikums: izdzēsiet kind: public');
  });
});

describe('WP2: a partner table whose last row begins with a total word is checked as its total row', () => {
  const table = (last: string) =>
    ['partner;budget;erdf;national', 'A;10 000;85%;rest', 'B;20 000;85%;rest', `${last};30 000;25 000;5 000`].join(
      '\n',
    ) + '\n';
  it.each(['Kopā projektam', 'Kopā par projektu', 'Kopā partneriem', 'Total eligible costs', 'Subtotal', '\u2211'])(
    '%s: the wrong ERDF total fails, two partners',
    (heading) => {
      const name = files.write(table(heading), 'csv');
      const run = files.run(['check', name]);
      expect(run.code).toBe(1);
      expect(lines(run.stdout)[0]).toBe(`FAIL ${name}  2 partners: EUR 30 000`);
      expect(run.stdout).toContain("the partners' erdf adds up to EUR 25 500, EUR 500 more than the total row's");
    },
  );

  it('the same table as a workbook', () => {
    const rows = table('Kopā projektam')
      .trim()
      .split('\n')
      .map((line) => line.split(';'));
    const name = 'kopa-projektam.xlsx';
    writeFileSync(join(files.dir, name), buildWorkbook([{ name: 'Budget', rows }]));
    const run = files.run(['check', name]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('2 partners: EUR 30 000');
    expect(run.stdout).toContain('[project-total]');
  });

  it('a right total row passes; a partner named with a legal form or a glued word stays a partner', () => {
    const right = files.write(
      [
        'partner;budget;erdf;national',
        'A;10 000;8 500;rest',
        'B;20 000;17 000;rest',
        'Kopā projektam;30 000;25 500;',
      ].join('\n'),
      'csv',
    );
    expect(files.run(['check', right]).code).toBe(0);
    for (const partner of ['Totalenergies SE', 'Kopāpulks biedrība', 'Total SA']) {
      const name = files.write(table(partner).replace('30 000;25 000;5 000', '30 000;85%;rest'), 'csv');
      const run = files.run(['check', name]);
      expect(run.code, partner).toBe(0);
      expect(lines(run.stdout)[0]).toBe(`PASS ${name}  3 partners: EUR 60 000`);
    }
  });

  it('a total row above other partners is refused, with a way out for a partner so named', () => {
    const name = files.write(
      ['partner;budget;erdf;national', 'Total logistics;10 000;85%;rest', 'B;20 000;85%;rest'].join('\n'),
      'csv',
    );
    const run = files.run(['check', name]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the row "Total logistics" is a total row above other partners');
    expect(run.stderr).toContain('write its legal form (Total SA)');
  });
});

describe('Latvian: the fixed rate with a decimal comma (L2), and the figures of extract-conflict (L3)', () => {
  it('euro-mismatch in Latvian writes 0,702804, in English 0.702804', () => {
    const name = files.write(
      'currency: LVL\npartner: A\nbudget: 8 966,37\nfunding:\n  erdf: { rate: 85%, amount: "7 621,41" }\n' +
        '  municipal: { rate: 10%, amount: "896,64" }\n  state: { rate: 5%, amount: "448,32" }\n' +
        'euro:\n  budget: "12 758,00"\n  erdf: "10 844,30"\n  municipal: "1 275,80"\n  state: "637,90"\n',
    );
    const lv = files.run(['check', name, '--locale', 'lv']);
    expect(lv.stdout).toContain('pēc fiksētā kursa 0,702804 LVL par eiro');
    expect(lv.stdout).toContain('(LVL ÷ 0,702804,');
    expect(lv.stdout).not.toContain('0.702804');
    expect(files.run(['check', name]).stdout).toContain('at the fixed rate 0.702804 LVL per euro');
  });

  const withConflict = (conflict: string) =>
    files.write(
      'currency: EUR\nbudget: 300000\nfunding:\n  erdf: { rate: 80%, amount: 240000 }\n  municipal: { rate: 20% }\n' +
        `# check: conflict: ${conflict}\n`,
    );
  it('the figure, its line and the figures written, as the English names them', () => {
    const name = withConflict(
      '"51 000 EUR" (line 3) agrees with none of the figures written (budget 300 000 EUR; erdf 80% 240 000 EUR, ' +
        'municipal 20% 60000 of the budget), nor with their sums or rates',
    );
    const lv = files.run(['check', name, '--locale', 'lv']);
    expect(lv.code).toBe(1);
    expect(lv.stdout).toContain(
      'pirmo 6. rindā: dokumenta skaitlis "51 000 EUR" (3. rindā) nesakrīt ne ar vienu ierakstīto skaitli ' +
        '(budžets 300 000 EUR; erdf 80% 240 000 EUR, municipal 20% 60000 no budžeta), ne ar to summām vai likmēm;',
    );
    const en = files.run(['check', name]);
    expect(en.stdout).toContain('the first: "51 000 EUR" (line 3) agrees with none of the figures written');
  });

  it('a source stated again, a total whose shares do not add up, and an unknown shape keep their figures', () => {
    const again = files.run([
      'check',
      withConflict(
        'erdf is stated as 230 000 EUR on line 4, but 240 000 EUR is written: the document says the figures changed',
      ),
      '--locale',
      'lv',
    ]);
    expect(again.stdout).toContain(
      'erdf dokumentā norādīts kā 230 000 EUR 4. rindā, bet ierakstīts 240 000 EUR: dokuments saka, ka skaitļi mainīti',
    );
    const total = files.run([
      'check',
      withConflict(
        'the document states this total, 310 000 EUR, but its shares add up to 300000 (erdf 240 000 EUR, municipal ?)',
      ),
      '--locale',
      'lv',
    ]);
    expect(total.stdout).toContain('dokuments norāda kopsummu 310 000 EUR, bet tā daļas kopā ir 300000');
    const unknown = files.run(['check', withConflict('"12 EUR" (line 9) is something new'), '--locale', 'lv']);
    expect(unknown.stdout).toContain('dokumenta skaitlis "12 EUR" (9. rindā) nesakrīt ar ierakstītajiem skaitļiem');
  });
});
