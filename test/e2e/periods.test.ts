import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cofin, root } from './run.js';

// periods: in a budget file, split --period and report's plan per period, through the built binary.
const dir = mkdtempSync(join(tmpdir(), 'cofin-periods-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const section = readme.slice(
  readme.indexOf('### Reporting periods (`periods:`)'),
  readme.indexOf('## `cofin check`\n'),
);
const blocks = [...section.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], text: m[2]! }));

describe('the README example: the founding partner planned over two periods', () => {
  it("runs the README's file and prints the README's output, exit 0", () => {
    const yaml = blocks.find((b) => b.lang === 'yaml')!.text;
    expect(yaml).toBe(readFileSync(join(root, 'fixtures/periods/ventspils-digital-centre.yaml'), 'utf8'));
    const shown = blocks.find((b) => b.text.startsWith('$ cofin check'))!.text;
    const [command, ...output] = shown.split('\n');
    const args = command!.replace('$ cofin ', '').split(' ');
    // the README's file written anew, so that the test runs the text the README shows
    const copy = file('readme.yaml', yaml);
    const run = cofin([args[0]!, copy]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toBe(output.join('\n').replace('fixtures/periods/ventspils-digital-centre.yaml', copy));
    const claim = cofin(['check', 'fixtures/claims/ventspils-digital-centre.yaml']);
    expect(claim.code).toBe(0);
    expect(claim.stdout).toContain('a plan of 2 periods, 2 claims, EUR 12 743.00 of 12 758.00 claimed (99.88%)');
  });

  it('its JSON: each period with amounts as strings, the last the remainder', () => {
    const run = cofin(['check', 'fixtures/periods/ventspils-digital-centre.yaml', '--format', 'json']);
    const periods = JSON.parse(run.stdout).files[0].partners[0].periods;
    expect(
      periods.map((p: { period: number; remainder: boolean; budget: string }) => [p.period, p.remainder, p.budget]),
    ).toEqual([
      [1, false, '5950.00'],
      [2, true, '6808.00'],
    ]);
    expect(periods[1].shares[0]).toEqual({
      id: 'erdf',
      name: 'ERDF',
      kind: 'eu-fund',
      computed: '5786.80',
      declared: '5786.80',
      difference: '0.00',
    });
    expect(periods[1].categories.at(-1)).toEqual({ category: 'equipment', name: 'Equipment', amount: '858.00' });
    // a budget file without periods has no periods field
    const plain = JSON.parse(cofin(['check', 'fixtures/ventspils-digital-centre.yaml', '--format', 'json']).stdout);
    expect('periods' in plain.files[0].partners[0]).toBe(false);
  });
});

describe('check: per-period findings (exit 1), golden outputs', () => {
  for (const name of ['period-share-mismatch', 'periods-budget-mismatch']) {
    it(name, () => {
      const run = cofin(['check', `fixtures/fail/${name}.yaml`]);
      expect([run.code, run.stderr]).toEqual([1, '']);
      expect(run.stdout).toBe(readFileSync(join(root, `fixtures/fail/${name}.yaml.expected`), 'utf8'));
      expect(cofin(['check', `fixtures/fail/${name}.yaml`, '--ignore', name]).code).toBe(0);
    });
  }
  it('github annotations name the line and column of the declared figure', () => {
    const run = cofin(['check', 'fixtures/fail/period-share-mismatch.yaml', '--format', 'github']);
    expect(run.stdout).toMatch(
      /^::error file=fixtures\/fail\/period-share-mismatch\.yaml,line=13,col=36,title=cofin period-share-mismatch::period 2: erdf is declared as EUR 5 787/m,
    );
  });
  it('an invalid period is one located line on stderr, exit 2, with a hint naming what periods take', () => {
    const bad = file(
      'bad.yaml',
      'budget: 100\nfunding: { erdf: 85%, state: rest }\nperiods:\n  - { period: 1, budgt: 50 }\n  - { period: 2 }\n',
    );
    const run = cofin(['check', bad]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('1 file: 0 passed, 1 invalid\n');
    expect(run.stderr).toBe(
      `${bad}:4:18: error: unknown key "budgt" in periods item 1 [unknown-key]\n  hint: did you mean "budget"?\n`,
    );
  });
  it('hostile names stay safe in the periods table and the report heading', () => {
    const hostile = file(
      'hostile.yaml',
      'partner: "x\\u001b[31m\\nevil::"\nbudget: 100\nfunding: { erdf: 80%, state: rest }\nperiods: [ { period: 1, budget: 40 }, { period: 2 } ]\n',
    );
    for (const args of [
      ['check', hostile],
      ['report', hostile],
    ]) {
      const run = cofin(args);
      expect(run.stdout).not.toContain('\u001b');
      expect(run.stdout).not.toMatch(/\nevil/);
    }
  });
});

describe('split --period and report: the plan per period', () => {
  it('split: table, JSON and CSV of the founding split over two periods', () => {
    const args = ['split', 'EUR 12 758', 'erdf=85%', 'municipal=10%', 'state=5%', '--unit', '1', '--period', '5950'];
    const table = cofin(args);
    expect([table.code, table.stderr]).toEqual([0, '']);
    expect(table.stdout).toContain(
      [
        '│ Budget       │    5 950 │           6 808 │',
        '│ ERDF         │    5 058 │           5 786 │',
        '│ Municipal    │      595 │             681 │',
        '│ State budget │      297 │             341 │',
      ].join('\n'),
    );
    const json = JSON.parse(cofin([...args, '--format', 'json']).stdout);
    expect(json.periods.map((p: { budget: string }) => p.budget)).toEqual(['5950', '6808']);
    expect(json.periods[1].shares.map((s: { computed: string }) => s.computed)).toEqual(['5786', '681', '341']);
    expect(cofin([...args, '--format', 'csv']).stdout).toBe(
      'id,name,kind,rate,exact,amount,adjustment,period 1,period 2\n' +
        'erdf,ERDF,eu-fund,85,10844.3,10844,-0.3,5058,5786\n' +
        'municipal,Municipal,public,10,1275.8,1276,0.2,595,681\n' +
        'state,State budget,automatic-public,5,637.9,638,0.1,297,341\n',
    );
    const over = cofin(['split', '100', 'erdf=85%', 'state=rest', '--period', '150']);
    expect([over.code, over.stdout]).toEqual([2, '']);
    expect(over.stderr).toBe(
      'cofin: error: periods 1 plan EUR 150.00, more than the budget EUR 100.00\nhint: the periods given share the budget: lower them\n',
    );
  });

  it('report: a Plan per period section, JSON partners[].periods, CSV rows per period', () => {
    const table = cofin(['report', 'fixtures/periods/by-budget.yaml', '--locale', 'en']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Plan per period: Ventspils Digital Centre');
    expect(table.stdout).toContain('│ Budget       │   €5,950 │   €3,000 │          €3,808 │');
    const json = JSON.parse(cofin(['report', 'fixtures/periods/by-budget.yaml', '--format', 'json']).stdout);
    expect(json.partners[0].periods.map((p: { budget: string }) => p.budget)).toEqual(['5950', '3000', '3808']);
    const csv = cofin(['report', 'fixtures/periods/by-budget.yaml', '--format', 'csv']).stdout.split('\n');
    // the verdict's columns after the period's: the file's verdict on every row; last, what the row is (trial 8 U4)
    expect(csv[0]).toBe(
      'partner,country,budget,source,name,kind,amount,period,verdict,severity,code,line,column,message,hint,row',
    );
    expect(csv[1]).toBe('Ventspils Digital Centre,,12758,erdf,ERDF,eu-fund,10844,,pass,,,,,,,partner');
    expect(csv.slice(-4, -1)).toEqual([
      'Ventspils Digital Centre,,3808,erdf,ERDF,eu-fund,3236,3,pass,,,,,,,period',
      'Ventspils Digital Centre,,3808,municipal,Municipal,public,381,3,pass,,,,,,,period',
      'Ventspils Digital Centre,,3808,state,State budget,automatic-public,191,3,pass,,,,,,,period',
    ]);
    // without periods the CSV has no period column
    expect(cofin(['report', 'fixtures/ventspils-digital-centre.yaml', '--format', 'csv']).stdout.split('\n')[0]).toBe(
      'partner,country,budget,source,name,kind,amount,verdict,severity,code,line,column,message,hint',
    );
  });
});

describe('a period naming a category the budget does not have (new-user trial: exit 70 in table and report)', () => {
  const extra = () =>
    file(
      'extra-category.yaml',
      'partner: P\ncosts: { staff: 6 000, travel: 4 000 }\nfunding: { erdf: 80%, national: rest }\n' +
        'periods:\n  - period: 1\n    costs: { staff: 3 000, equipment: 500 }\n  - period: 2\n',
    );
  const formats = {
    check: ['table', 'json', 'github', 'junit', 'csv', 'xlsx'],
    report: ['table', 'json', 'csv', 'md', 'xlsx', 'html'],
  };
  for (const [command, list] of Object.entries(formats))
    for (const format of list)
      it(`${command} --format ${format}: the finding exit 1, never an internal error`, () => {
        const path = extra();
        const out = join(dir, `extra-${command}.${format}`);
        const binary = format === 'xlsx';
        const run = cofin([command, path, '--format', format, ...(binary ? ['-o', out, '--force'] : [])]);
        expect(run.stderr).not.toMatch(/internal error/);
        expect(run.code).toBe(1);
        if (command === 'report') expect(run.stderr).toMatch(/1 error in the figures/);
        if (command === 'check' && ['table', 'json', 'github', 'junit'].includes(format))
          expect(run.stdout).toMatch(/period 1 plans EUR 500\.00 of equipment, which the budget does not have/);
        if (format === 'table' || format === 'md')
          // every period shows the category: the last the remainder, 0 − 500
          expect(run.stdout).toMatch(/Equipment[^\n]*500[^\n]*-\D?500/);
      });
});

describe("Jems's preparation and closure periods (lump sums before and after the project)", () => {
  const yaml =
    'partner: P\nbudget: 10 000\nfunding: { erdf: 80%, national: rest }\nrounding: { method: fund-down }\nperiods:\n' +
    '  - { period: preparation, budget: 1 000 }\n  - { period: 1, budget: 4 000 }\n  - { period: 2 }\n' +
    '  - { period: closure, budget: 500, declared: { erdf: 400 } }\n';
  it('check: JSON marks them (period 0 and 255, phase), the last reporting period the remainder; table and report headings', () => {
    const path = file('phases.yaml', yaml);
    const json = JSON.parse(cofin(['check', path, '--format', 'json']).stdout);
    const periods = json.files[0].partners[0].periods;
    expect(
      periods.map((p: { period: number; phase?: string; remainder: boolean; budget: string }) => [
        p.period,
        p.phase ?? null,
        p.remainder,
        p.budget,
      ]),
    ).toEqual([
      [0, 'preparation', false, '1000.00'],
      [1, null, false, '4000.00'],
      [2, null, true, '4500.00'],
      [255, 'closure', false, '500.00'],
    ]);
    // a reporting period has no phase field: a plan without them is as before
    expect('phase' in periods[1]).toBe(false);
    const table = cofin(['check', path]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/│ +│ Preparation │ Period 1 │ Period 2 \(rest\) │ +Closure │/);
    expect(cofin(['report', path, '--locale', 'lv']).stdout).toMatch(/Sagatavošana[^\n]*1\. periods[^\n]*Noslēgums/);
    const csv = cofin(['report', path, '--format', 'csv']).stdout.split('\n');
    expect(
      csv.filter((l) => l.endsWith(',preparation,pass,,,,,,,period') || l.endsWith(',closure,pass,,,,,,,period')),
    ).toEqual([
      'P,,1000.00,erdf,ERDF,eu-fund,800.00,preparation,pass,,,,,,,period',
      'P,,1000.00,national,National,public,200.00,preparation,pass,,,,,,,period',
      'P,,500.00,erdf,ERDF,eu-fund,400.00,closure,pass,,,,,,,period',
      'P,,500.00,national,National,public,100.00,closure,pass,,,,,,,period',
    ]);
    const html = cofin(['report', path, '--format', 'html', '--locale', 'en']).stdout;
    expect(html).toContain('<th scope="col" class="num" data-period="0">Preparation</th>');
    expect(html).toContain('<th scope="col" class="num" data-period="255">Closure</th>');
    const wrong = cofin(['check', file('phases-wrong.yaml', yaml.replace('erdf: 400', 'erdf: 401'))]);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain(
      'error: the closure period: erdf is declared as EUR 401.00, but its share is EUR 400.00',
    );
  });
});

describe("a new user's trial: the period's flat rates, its unit and its number", () => {
  const flat = (office: string, erdf: string) =>
    'partner: A\ncosts: { staff: 1000, office: 15% of staff }\nfunding: { erdf: 85%, national: rest }\n' +
    `periods:\n  - period: 1\n    costs: { staff: 500, office: ${office} }\n    declared: { erdf: ${erdf} }\n` +
    '  - period: 2\n    declared: { erdf: "467,50" }\n';

  it("a period's amount for a flat-rate category is the budget's flat rate, never the amount written (exit 1)", () => {
    const path = file('flat.yaml', flat('100', '510'));
    const run = cofin(['check', path]);
    expect([run.code, run.stderr]).toEqual([1, '']);
    expect(run.stdout).toMatch(/^│ Office and administration │ +75\.00 │ +75\.00 │$/m);
    expect(run.stdout).toMatch(/^│ Budget +│ +575\.00 │ +575\.00 │$/m);
    expect(run.stdout).toContain(
      `${path}:6:34: error: period 1: office is 15% of staff in the budget: 75.00 on the period's ` +
        'base 500.00, not the EUR 100.00 written [periods-budget-mismatch]\n' +
        "  hint: write office: 75.00 for period 1, or leave it out: the budget's flat rates are computed on each " +
        "period's base\n",
    );
    expect(run.stdout).toContain(
      `${path}:7:23: error: period 1: erdf is declared as EUR 510.00, but its share is EUR 488.75 [period-share-mismatch]`,
    );
    const json = JSON.parse(cofin(['check', path, '--format', 'json']).stdout).files[0];
    const [one] = json.partners[0].periods;
    expect([one.budget, one.categories[1].amount, one.shares[0].computed]).toEqual(['575.00', '75.00', '488.75']);
    const office = json.findings.find((f: { code: string }) => f.code === 'periods-budget-mismatch');
    expect([office.line, office.column]).toEqual([6, 34]);
  });

  it('the flat-rate amount a period writes as computed is no finding', () => {
    const run = cofin(['check', file('flat-ok.yaml', flat('"75,00"', '"488,75"').replace('"467,50"', '"488,75"'))]);
    expect([run.code, run.stderr]).toEqual([0, '']);
  });

  it('a period budget off the unit: placed at it, the period named, a hint the file accepts (exit 1)', () => {
    const amounts = file(
      'unit-amounts.yaml',
      'partner: A\nbudget: 1000\nfunding: { erdf: { amount: 850 }, national: { amount: 150 } }\n' +
        'periods:\n  - period: 1\n    budget: "500,50"\n  - period: 2\n',
    );
    const run = cofin(['check', amounts]);
    expect([run.code, run.stderr]).toEqual([1, '']);
    expect(run.stdout).toContain(
      `${amounts}:6:13: error: period 1's budget 500.50 is not a whole number of units of 1: its shares at that ` +
        'unit cannot add up to it [budget-unit]\n' +
        "  hint: the unit 1 comes from the declared amounts: write period 1's budget in whole units of 1, or " +
        'rounding: { unit: 0.01 }\n',
    );
    // no plan of figures that cannot add up
    expect(run.stdout).not.toContain('Period 1');
    const json = JSON.parse(cofin(['check', amounts, '--format', 'json']).stdout).files[0];
    const finding = json.findings.find((f: { code: string }) => f.code === 'budget-unit');
    expect([finding.line, finding.column]).toEqual([6, 13]);

    const thousand = file(
      'unit-thousand.yaml',
      'partner: A\nrounding: { unit: 1000 }\nbudget: 10 000\nfunding: { erdf: 80%, national: rest }\n' +
        'periods:\n  - { period: 1, budget: 500 }\n  - { period: 2 }\n',
    );
    const big = cofin(['check', thousand]);
    expect([big.code, big.stderr]).toEqual([1, '']);
    expect(big.stdout).toContain(
      `${thousand}:6:26: error: period 1's budget 500 is not a whole number of units of 1000: its shares at that ` +
        'unit cannot add up to it [budget-unit]\n' +
        "  hint: write period 1's budget in whole units of 1000, or rounding: { unit: 0.01 }\n",
    );
  });

  it('split --period off the unit: a usage error naming the period and --unit (exit 2)', () => {
    const run = cofin(['split', '1000', 'erdf=85%', 'national=rest', '--unit', '1', '--period', '500.50']);
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toBe(
      "cofin: error: --period 500.50: period 1's budget 500.50 is not a whole number of units of 1: its shares " +
        'at that unit cannot add up to it\n' +
        'hint: write each --period in whole units of 1, or a finer --unit 0.01\n',
    );
  });

  it('period: 1000 says the bound the README gives, 1 to 999 (exit 2)', () => {
    const path = file(
      'thousand.yaml',
      'budget: 100\nfunding: { erdf: 85%, state: rest }\nperiods:\n  - { period: 1000, budget: 50 }\n  - { period: 1001 }\n',
    );
    const run = cofin(['check', path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `${path}:4:15: error: period "1000" is not a whole number from 1 to 999, preparation or closure [wrong-type]\n` +
        '  hint: number the reporting periods from 1 to 999, e.g. period: 1 (or period: preparation, ' +
        'period: closure for lump sums before and after the project)\n',
    );
  });
});
