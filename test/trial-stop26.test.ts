/**
 * The wrong PASSes and unclear errors a new user's trial found at stop 26 (TRIAL8) in partner tables and budget
 * files, each run through the built bin: a total row headed by a total word and a currency or qualifier, a total
 * row without a budget, an EU fund under a longer or inflected name, a decimal rate beside a rest, a total column,
 * a fraction in a source cell and a dash in an amount cell. The tables are our own figures.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratch } from './e2e/run.js';
import { buildWorkbook } from './xlsx-build.js';

const { dir, write, run } = scratch('cofin-trial26-');

const check = (name: string, ...flags: string[]) => run(['check', name, '--no-color', ...flags]);
const table = (...rows: string[]) => write(['partner;budget;erdf;municipal', ...rows].join('\n') + '\n', 'csv');
const partners = ['Liepāja;40 000;85%;rest', 'Cēsis;60 000;85%;rest'];

describe('W1: a total row headed by a total word with a currency or a qualifier is the total row', () => {
  // the partners' ERDF is 85 000, the row says 84 000: read as a third partner, this passed and doubled the project
  const headings = [
    'Total EUR',
    'Total, EUR',
    'Kopā, EUR',
    'Kopā EUR',
    'Total €',
    'Total amount',
    'Total budget',
    'Projekta kopsumma',
    'Kopā projektā',
    'Σ',
    'Grand total',
    'Summa',
    'Total général',
    'Gesamtsumme',
    'Iš viso',
    'Yhteensä',
    'Összesen',
    'Ukupno',
    'Skupaj',
    'Totaal',
    'Σύνολο',
    'TOTAL (EUR):',
  ];
  it.each(headings)('"%s" is checked as the total row', (heading) => {
    const r = check(table(...partners, `${heading};100 000;84 000;16 000`), '--format', 'json');
    expect(r.code).toBe(1);
    const file = JSON.parse(r.stdout).files[0];
    expect(file.partners.map((p: { partner: string }) => p.partner)).toEqual(['Liepāja', 'Cēsis']);
    const messages = file.findings.map((f: { message: string }) => f.message).join('\n');
    expect(messages).toContain("the partners' erdf adds up to EUR 85 000, EUR 1 000 more than the total row's");
  });
  it('the same table as a workbook', () => {
    const rows = [
      ['partner', 'budget', 'erdf', 'municipal'],
      ['Liepāja', { n: '40000' }, { n: '0.85', fmt: 9 }, 'rest'],
      ['Cēsis', { n: '60000' }, { n: '0.85', fmt: 9 }, 'rest'],
      ['Kopā, EUR', { n: '100000' }, { n: '84000' }, { n: '15000' }],
    ];
    const name = join(dir, 'total-eur.xlsx');
    writeFileSync(name, buildWorkbook([{ name: 'Budget', rows }]));
    const r = check(name);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[project-total]');
    expect(r.stdout).not.toContain('Kopā, EUR:');
  });
  it('a partner whose name only begins with a total word stays a partner', () => {
    const r = check(table(...partners, 'Total Energies SE;10 000;85%;rest'), '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files[0].partners).toHaveLength(3);
  });
  it('a right total row passes under any of the headings', () => {
    expect(check(table(...partners, 'Total, EUR;100 000;85 000;15 000')).code).toBe(0);
  });
});

describe('W2: a total row with an empty budget cell still checks its source columns', () => {
  it('the ERDF column of the total row, 86 000, against the partners 85 000', () => {
    const r = check(table(...partners, 'Kopā;;86 000;15 000'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "the partners' erdf adds up to EUR 85 000, EUR 1 000 less than the total row's EUR 86 000 [project-total]",
    );
  });
  it('a right one passes, and the row is still no partner', () => {
    const r = check(table(...partners, 'Kopā;;85 000;15 000'), '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files[0].partners).toHaveLength(2);
  });
});

describe('W4: an EU fund under a longer or inflected name, or a fund id, is not read as a public source', () => {
  const urbact = (line: string) =>
    'programme: urbact-iii\ncategory: more-developed\npartner: A\nbudget: 20 000\nfunding:\n' +
    `  ${line}\n  municipal: { rate: 15%, amount: 3 000 }\n`;
  it.each([
    ['eu', 'ERAF līdzekļi', 'erdf'],
    ['eu', 'Kohēzijas fonda finansējums', 'cf'],
    ['grant', 'Interreg VI-A', 'interreg'],
    ['cofinancing', 'ERDF co-financing', 'erdf'],
    ['kf', 'Eiropas Reģionālās attīstības fonda līdzekļi', 'erdf'],
  ])('%s named "%s" is refused with did you mean %s', (id, name, fund) => {
    const r = check(write(urbact(`${id}: { rate: 85%, amount: 17 000, name: "${name}" }`)));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`source "${id}" is named "${name}"`);
    expect(r.stderr).toContain(`did you mean "${fund}"?`);
  });
  it.each(['ES fondi', 'EU funds', 'Eiropas Savienības fondi', 'Just Transition Fund'])(
    '"%s" names an EU fund without saying which: refused, its kind asked for',
    (name) => {
      const r = check(write(urbact(`union: { rate: 85%, amount: 17 000, name: "${name}" }`)));
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("an EU fund's name");
      expect(r.stderr).toContain('state its kind: kind: eu-fund');
    },
  );
  it.each(['eu', 'kf', 'regional-fund', 'eu-funds'])('the id %s alone names a fund', (id) => {
    const r = check(write(urbact(`${id}: { rate: 85%, amount: 17 000, name: "Grant" }`)));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`source "${id}" names`);
  });
  it('a kind written decides: the programme maximum then applies', () => {
    const r = check(write(urbact('eu: { rate: 85%, amount: 17 000, name: "ERAF līdzekļi", kind: eu-fund }')));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[programme-rate-above-maximum]');
    const pub = check(write(urbact('eu: { rate: 85%, amount: 17 000, name: "ERAF līdzekļi", kind: public }')));
    expect(pub.code).toBe(0);
  });
  it("an EU fund's id with kind: public is still refused", () => {
    const r = check(write(urbact('erdf: { rate: 85%, amount: 17 000, kind: public }')));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[wrong-type]');
  });
  it('names that are no fund pass as before (EEA Grants, a regional development agency)', () => {
    const text = (name: string) =>
      `partner: A\nbudget: 1 000\nfunding:\n  grant: { rate: 60%, name: "${name}" }\n  municipal: rest\n`;
    for (const name of ['EEA Grants', 'Kurzemes plānošanas reģions', 'Valsts kase'])
      expect(check(write(text(name))).code).toBe(0);
  });
  it('a partner table column eu or kf is refused', () => {
    const r = check(write('partner;budget;eu;municipal\nA;1 000;85%;rest\n', 'csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the column "eu" names an EU fund');
    expect(r.stderr).toContain('kind: eu-fund');
    // kf is one slip from cf, and said so
    expect(check(write('partner;budget;kf;municipal\nA;1 000;85%;rest\n', 'csv')).stderr).toContain(
      'did you mean "cf"?',
    );
  });
});

describe('W10: beside a rest, a decimal rate is prescribed, never a display of its amount', () => {
  const rest = (rate: string, amount: string) =>
    `partner: A\nbudget: 1 000 000\nfunding:\n  erdf: { rate: "${rate}", amount: ${amount} }\n  national: rest\n`;
  it('84,6% beside EUR 846 499 and a rest: EUR 499 over the rate is a mismatch', () => {
    const r = check(write(rest('84,6%', '846 499')));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('erdf: declared EUR 846 499, computed EUR 846 000 (exact 846 000), difference +499');
    expect(r.stdout).not.toContain('[rate-display]');
  });
  it('the amount the rate gives passes', () => {
    expect(check(write(rest('84,6%', '846 000'))).code).toBe(0);
  });
  it('declared amounts that add up still bear a display out', () => {
    const r = check(
      write(
        'partner: A\nbudget: 1 000 000\nfunding:\n  erdf: { rate: "84,6%", amount: 846 499 }\n' +
          '  national: { rate: "15,4%", amount: 153 501 }\n',
      ),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('[rate-display]');
  });
});

describe('U2, U3, U5: a total column, a fraction and a dash in a table', () => {
  it('a column headed total is no source: refused with a hint', () => {
    const r = check(write('partner;budget;erdf;national;total\nA;10 000;8 500;1 500;10 000\n', 'csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the column "total" is a total, not a funding source [unknown-key]');
    expect(r.stderr).toContain('hint: delete the column');
    const kopa = check(write('partner;Kopā;erdf\nA;10 000;85%\n', 'csv'));
    expect(kopa.code).toBe(2);
    expect(kopa.stderr).toContain('head it budget');
  });
  it('0,85 in a source column is refused as a likely fraction', () => {
    const r = check(write('partner;budget;erdf;national\nA;10 000;0,85;0,15\n', 'csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"0,85" in the erdf column looks like a fraction, not an amount [bad-rate]');
    expect(r.stderr).toContain('hint: write 85% for a rate, or EUR 0,85 if the amount is meant');
    // written with its currency it is the amount
    const eur = check(write('partner;budget;erdf;national\nA;1;EUR 0,85;rest\n', 'csv'));
    expect(eur.stderr).not.toContain('fraction');
  });
  it('a lone dash is not an amount, and not negative', () => {
    for (const cell of ['-', '–']) {
      const r = check(table(...partners, `Kopā;${cell};85 000;15 000`));
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`a dash "${cell}" is not an amount [bad-amount]`);
      expect(r.stderr).not.toContain('negative');
      expect(r.stderr).toContain('leave the cell empty');
    }
    const source = check(write('partner;budget;erdf;municipal\nA;1 000;-;rest\n', 'csv'));
    expect(source.stderr).toContain('a dash "-" is not an amount');
  });
});
