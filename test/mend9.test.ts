/**
 * Known defects left after trial 8 (stop 27), end to end through the built binary. Each case failed before its fix.
 */
import { describe, expect, it } from 'vitest';
import { scratch } from './e2e/run.js';

const { write, run } = scratch('cofin-mend9-');
const check = (name: string, ...flags: string[]) => run(['check', name, ...flags]);

const perApprox = `partner: A
budget: "~10 000"
funding:
  erdf: { rate: 85%, amount: 8 900 }
  national: { rate: 15%, amount: 1 570 }
periods:
  - { period: 1, budget: 5 000, declared: { erdf: 4 250 } }
  - { period: 2, declared: { erdf: 4 650 } }
`;

describe('F2: the periods of an approximate budget never contradict an accepted declared total', () => {
  it('every source declared: planned on the declared amounts’ sum, said in a note', () => {
    const r = check(write(perApprox));
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('period-share-mismatch');
    expect(r.stdout).toContain(
      "note: the periods are planned on EUR 10 470, the declared amounts' sum, not on the approximate budget " +
        'EUR ~10 000 [periods-budget-implied]',
    );
    const json = JSON.parse(check(write(perApprox), '--format', 'json').stdout);
    const periods = json.files[0].partners[0].periods;
    expect(periods.map((p: { budget: string }) => p.budget)).toEqual(['5000', '5470']);
    expect(periods.map((p: { shares: { computed: string }[] }) => p.shares.map((s) => s.computed))).toEqual([
      ['4250', '750'],
      ['4650', '820'],
    ]);
  });
  it('a written period figure that contradicts the accepted total is still an error', () => {
    const r = check(write(perApprox.replace('erdf: 4 650', 'erdf: 4 250')));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('period 2: erdf is declared as EUR 4 250, but its share is EUR 4 650');
  });
  it('beside a rest no budget follows from the amounts: the periods are unchecked, with a warning', () => {
    const r = check(write(perApprox.replace('national: { rate: 15%, amount: 1 570 }', 'national: rest')));
    expect(r.stdout).toContain(
      'warning: the periods are not planned: the approximate budget EUR ~10 000 is no exact figure to split',
    );
    expect(r.stdout).not.toContain('write 4250');
    expect(r.stdout).not.toContain('period-share-mismatch');
    const lv = check(
      write(perApprox.replace('national: { rate: 15%, amount: 1 570 }', 'national: rest')),
      '--locale',
      'lv',
    );
    expect(lv.stdout.replace(/[\u00a0\u202f]/g, ' ')).toContain('aptuvenais budžets ~10 000 € nav precīzs skaitlis');
  });
  it('amounts that are the shares of the budget as written: planned on it, as before', () => {
    const r = check(
      write(perApprox.replace('8 900', '8 500').replace('1 570', '1 500').replace('erdf: 4 650', 'erdf: 4 250')),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('periods-budget-implied');
    expect(r.stdout).not.toContain('periods-unchecked');
  });
});

describe('split: an id that names an EU fund is refused as a budget file refuses it', () => {
  it('eu=85%, kf=85%, regional-fund=rest: exit 2, one line and a hint naming the fund’s id or a kind', () => {
    const eu = run(['split', '12758', 'eu=85%', 'national=rest']);
    expect(eu.code).toBe(2);
    expect(eu.stdout).toBe('');
    expect(eu.stderr).toBe(
      'cofin: error: source "eu" names an EU fund, but its id is not a well-known one: it would be read as a public ' +
        'source\nhint: state its kind: eu:eu-fund=85% (eu:public=85% if it is not the fund)\n',
    );
    const kf = run(['split', '12758', 'kf=85%', 'national=rest']);
    expect(kf.code).toBe(2);
    expect(kf.stderr).toContain('hint: write cf=85%, or state its kind: kf:eu-fund=85%');
    expect(run(['split', '12758', 'erdf=85%', 'regional-fund=rest']).code).toBe(2);
    // as check does: the same id in a budget file is refused too
    const file = write('partner: A\nbudget: 12 758\nfunding:\n  eu: { rate: 85%, name: EU }\n  national: rest\n');
    expect(check(file).code).toBe(2);
  });
  it('with a kind the id is taken as written', () => {
    const fund = run([
      'split',
      '12758',
      'eu:eu-fund=85%',
      'national=rest',
      '--method',
      'fund-down',
      '--format',
      'json',
    ]);
    expect(fund.code).toBe(0);
    expect(JSON.parse(fund.stdout).shares[0].kind).toBe('eu-fund');
    expect(run(['split', '12758', 'eu:public=85%', 'national=rest']).code).toBe(0);
  });
  it('Latvian words under --locale lv', () => {
    const lv = run(['split', '100', 'eu=85%', 'national=rest', '--locale', 'lv']);
    expect(lv.stderr).toContain('kļūda: avots "eu" nosauc ES fondu');
    expect(lv.stderr).toContain('ieteikums: norādiet veidu: eu:eu-fund=85%');
  });
});

describe('a null partner name is an empty value, in JSON and YAML alike', () => {
  it('JSON "partner": null, YAML partner: ~ and partner: null: refused at the value, with a hint', () => {
    const json = check(
      write('{"partner": null, "budget": 12758, "funding": {"erdf": "85%", "national": "rest"}}', 'json'),
    );
    expect(json.code).toBe(2);
    expect(json.stderr).toMatch(/case-\d+\.json:1:13: error: partner is empty \(null\) \[wrong-type\]\n/);
    expect(json.stderr).toContain('hint: give partner a value or remove the key');
    for (const value of ['~', 'null']) {
      const yaml = check(write(`partner: ${value}\nbudget: 12758\nfunding: { erdf: 85%, national: rest }\n`));
      expect(yaml.code).toBe(2);
      expect(yaml.stderr).toContain(`:1:10: error: partner is empty (${value}) [wrong-type]`);
    }
    const item = check(
      write('{"partners": [{"partner": null, "budget": 100}], "funding": {"erdf": "85%", "national": "rest"}}', 'json'),
    );
    expect(item.code).toBe(2);
    expect(item.stderr).toContain('partner is empty (null)');
  });
  it('quoted, "null" is a name', () => {
    const r = check(write('partner: "null"\nbudget: 12758\nfunding: { erdf: 85%, national: rest }\n'));
    expect(r.code).toBe(0);
  });
});

describe('a sum-mismatch against an approximate budget writes it as the header does', () => {
  const file =
    'partner: A\nbudget: "~10 000"\nfunding:\n  erdf: { rate: 85%, amount: 9 000 }\n  national: { rate: 15%, amount: 2 000 }\n';
  it('EUR ~10 000, in English and Latvian; an exact budget without ~', () => {
    const r = check(write(file));
    expect(r.stdout).toContain(
      'error: the declared amounts add up to EUR 11 000, EUR 1 000 more than the budget EUR ~10 000 [sum-mismatch]',
    );
    const lv = check(write(file), '--locale', 'lv');
    expect(lv.stdout.replace(/[\u00a0\u202f]/g, ' ')).toContain('vairāk nekā budžets ~10 000 € [sum-mismatch]');
    const exact = check(write(file.replace('"~10 000"', '10 000')));
    expect(exact.stdout).toContain('more than the budget EUR 10 000 [sum-mismatch]');
  });
});

describe('W1 leftover: a total row that names its year', () => {
  it.each(['Total 2024', 'Kopā 2021–2027', 'Kopā 2024. gadā', 'TOTAL 2024 (EUR)'])(
    '%s is the total row, not a partner',
    (head) => {
      const r = check(
        write(
          `partner;budget;erdf;national\nA;10 000;85%;rest\nB;20 000;85%;rest\n${head};30 000;25 000;5 000\n`,
          'csv',
        ),
      );
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('2 partners: EUR 30 000');
      expect(r.stdout).toContain("EUR 500 more than the total row's EUR 25 000 [project-total]");
    },
  );
  it('a year alone, or beside a name, stays a partner', () => {
    const r = check(write('partner;budget;erdf;national\nA;10 000;85%;rest\nPartner 2024;20 000;85%;rest\n', 'csv'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 partners');
  });
});

describe('U6: the 40% rate of staff beside costs it covers', () => {
  const file = (lines: string) =>
    `partner: A\ncosts:\n  staff: 6 000\n${lines}  other: "40% of staff"\nfunding: { erdf: 80%, national: rest }\n`;
  it('travel and external beside it: a warning naming them (CPR Article 56(1))', () => {
    const r = check(write(file('  travel: 2 000\n  external: 3 000\n')));
    expect(r.stdout).toContain(
      'warning: other costs at 40% of staff cover every cost but staff (CPR Article 56(1)), but travel, external are ' +
        'budgeted beside it [flat-rate-combination]',
    );
    expect(check(write(file('  travel: 2 000\n')), '--strict').code).toBe(1);
  });
  it('staff and lump sums alone beside it: no word', () => {
    const r = check(write(file('  lump-sums: 500\n')));
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('flat-rate-combination');
  });
});

describe('U4: report --format csv says what each row is when periods share the amount column', () => {
  const plan =
    'partner: A\nbudget: 4 000\nfunding:\n  erdf: { rate: 50%, amount: 2 000 }\n  national: { rate: 50%, amount: 2 000 }\n' +
    'periods:\n  - { period: 1, budget: 1 000 }\n  - { period: 2 }\n';
  it('a last column row: partner, period, finding; a SUM of partner rows is the budget', () => {
    const lines = run(['report', write(plan), '--format', 'csv'])
      .stdout.trim()
      .split('\n');
    expect(lines[0]).toBe(
      'partner,country,budget,source,name,kind,amount,period,verdict,severity,code,line,column,message,hint,row',
    );
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows.map((r) => r.at(-1))).toEqual(['partner', 'partner', 'period', 'period', 'period', 'period']);
    const partnerSum = rows.filter((r) => r.at(-1) === 'partner').reduce((s, r) => s + Number(r[6]), 0);
    expect(partnerSum).toBe(4000);
    const failing = run([
      'report',
      write(plan.replace('{ period: 2 }', '{ period: 2, declared: { erdf: 1 } }')),
      '--format',
      'csv',
    ]);
    expect(failing.stdout.trim().split('\n').at(-1)).toMatch(/,error,period-share-mismatch,.*,finding$/);
  });
  it('without periods the CSV is as before: no row column', () => {
    const lines = run(['report', write(plan.replace(/periods:[^]*$/, '')), '--format', 'csv']).stdout.split('\n');
    expect(lines[0]).toBe(
      'partner,country,budget,source,name,kind,amount,verdict,severity,code,line,column,message,hint',
    );
  });
});
