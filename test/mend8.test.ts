import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, scratch } from './e2e/run.js';

// Known defects mended through the built binary (mend8), each case a user's file. Every test here failed before its
// fix, but the last ones of item 9, which hold what was found not to be a defect.
const files = scratch('cofin-mend8-');
const check = (text: string, args: string[] = [], ext = 'yaml') => {
  const name = files.write(text, ext);
  return { name, ...files.run(['check', name, ...args]) };
};
const lines = (text: string) => text.split('\n').filter((line) => !/^[│┌├└]/.test(line));

const TWO_PARTNERS = [
  'partners:',
  '  - partner: Good One',
  '    budget: 1000',
  '    funding: { erdf: { rate: 85%, amount: 850 }, national: { rate: 15%, amount: 150 } }',
  '  - partner: Bad Two',
  '    budget: 1000',
  '    funding: { erdf: { rate: 85%, amount: 800 }, national: { rate: 15%, amount: 150 } }',
  '',
].join('\n');

describe('1. a file of several partners names the failing one, never the first under FAIL', () => {
  it('the header names the file and its partners; each partner line says ✓ or ✗', () => {
    const run = check(TWO_PARTNERS);
    expect(run.code).toBe(1);
    const heads = lines(run.stdout).slice(0, 3);
    expect(heads).toEqual([
      `FAIL ${run.name}  2 partners: EUR 2 000`,
      '✓ Good One: EUR 1 000, largest-remainder, unit 1',
      '✗ Bad Two: EUR 1 000, largest-remainder, unit 1',
    ]);
    expect(run.stdout).not.toContain(`FAIL ${run.name}  Good One`);
  });

  it('in Latvian too; a one-partner file keeps its one header line', () => {
    const lv = check(TWO_PARTNERS, ['--locale', 'lv']);
    expect(lines(lv.stdout).slice(0, 3)).toEqual([
      `NEATBILST ${lv.name}  2 partneri: 2000\u00a0€`,
      '✓ Good One: 1000\u00a0€, lielākā atlikuma metode, vienība 1',
      '✗ Bad Two: 1000\u00a0€, lielākā atlikuma metode, vienība 1',
    ]);
    const one = check(
      'partner: Bad Two\nbudget: 1000\nfunding: { erdf: { rate: 85%, amount: 800 }, national: { rate: 15%, amount: 150 } }\n',
    );
    expect(lines(one.stdout)[0]).toBe(`FAIL ${one.name}  Bad Two: EUR 1 000, largest-remainder, unit 1`);
  });

  it('a passing file of several partners: PASS with the sum, each partner ✓', () => {
    const run = files.run(['check', join(root, 'fixtures/folder/budgets/network.yaml')]);
    expect(run.code).toBe(0);
    const heads = lines(run.stdout).filter((line) => /^(PASS|✓|✗)/.test(line));
    expect(heads[0]).toMatch(/^PASS .*network\.yaml {2}3 partners: EUR 250 000$/);
    expect(heads.slice(1).every((line) => line.startsWith('✓ '))).toBe(true);
    expect(heads).toHaveLength(4);
  });
});

const FUNDING = 'budget: 100\nfunding: { erdf: 85%, national: rest }\n';

describe('2. a tagged or non-scalar partner says what it is, not "empty"', () => {
  it('!!binary and !!timestamp: named, with what is accepted', () => {
    const run = check(`partner: !!binary aGVsbG8=\n${FUNDING}`);
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: '1 file: 0 passed, 1 invalid\n' });
    expect(run.stderr).toBe(
      `${run.name}:1:19: error: partner must be written as text, not as a binary value (!!binary) [wrong-type]\n` +
        '  hint: write partner as plain text, without the tag, e.g. partner: Ventspils Digital Centre\n',
    );
    const date = check(`partner: !!timestamp 2001-12-14\n${FUNDING}`);
    expect(date.stderr).toContain('error: partner must be written as text, not as a date (!!timestamp) [wrong-type]');
    expect(date.stderr).not.toContain('empty');
  });

  it('in a partners list, a list or a mapping; and in Latvian', () => {
    const item = check(`partners:\n  - partner: !!binary aGVsbG8=\n    ${FUNDING.replace('\n', '\n    ')}`);
    expect(item.stderr).toContain(':2:23: error: partner must be written as text, not as a binary value (!!binary)');
    const list = check(`partner: [a, b]\n${FUNDING}`);
    expect(list.stderr).toBe(
      `${list.name}:1:10: error: partner must be a single value, not a list [wrong-type]\n` +
        '  hint: write one value on the line, e.g. partner: Ventspils Digital Centre\n',
    );
    const lv = check(`partner: !!binary aGVsbG8=\n${FUNDING}`, ['--locale', 'lv']);
    expect(lv.stderr).toBe(
      `${lv.name}:1:19: kļūda: partner jāraksta kā teksts, nevis kā bināra vērtība (!!binary) [wrong-type]\n` +
        '  ieteikums: rakstiet partner kā vienkāršu tekstu bez birkas, piemēram, partner: Ventspils Digital Centre\n',
    );
  });

  it('a claim file says the same', () => {
    const claim = readFileSync(join(root, 'fixtures/claims/ventspils-digital-centre.yaml'), 'utf8').replace(
      'partner: Ventspils Digital Centre',
      'partner: !!binary aGVsbG8=',
    );
    const name = files.write(claim);
    const run = files.run(['claim', name]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error: partner must be written as text, not as a binary value (!!binary)');
  });
});

describe('3. a YAML complex key is named as one, at its place', () => {
  it('at the top of a budget file', () => {
    const run = check(`partner: A\nbudget: 100\n? [a, b]\n: 1\nfunding: { erdf: 85%, national: rest }\n`);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `${run.name}:3:3: error: a complex key ([a, b]) is not a key cofin reads [unknown-key]\n` +
        '  hint: write a plain key: the keys of the budget file are currency, partner, country, budget, costs, ' +
        'funding, euro, periods, programme, category, project, source, rounding, partners\n',
    );
  });

  it('among the sources, told with the file’s other errors; in Latvian', () => {
    const run = check(
      'partner: A\ncontry: LV\nbudget: 100\nfunding:\n  erdf: 85%\n  ? { x: 1 }\n  : 1\n  national: rest\n',
    );
    expect(lines(run.stderr)).toEqual([
      `${run.name}:2:1: error: unknown key "contry" in the budget file [unknown-key]`,
      '  hint: did you mean "country"?',
      `${run.name}:6:5: error: a complex key ({ x: 1 }) is not a key cofin reads [unknown-key]`,
      '  hint: a source id is lowercase letters, digits and -, such as erdf or eea-grants',
      '',
    ]);
    const lv = check(`partner: A\nbudget: 100\n? [a, b]\n: 1\nfunding: { erdf: 85%, national: rest }\n`, [
      '--locale',
      'lv',
    ]);
    expect(lv.stderr).toContain(':3:3: kļūda: salikta atslēga ([a, b]) nav atslēga, ko cofin lasa [unknown-key]');
    expect(lv.stderr).toContain('ieteikums: rakstiet vienkāršu atslēgu; budžeta faila atslēgas: currency,');
  });

  it('in a claim file', () => {
    const claim = readFileSync(join(root, 'fixtures/claims/ventspils-digital-centre.yaml'), 'utf8').replace(
      'currency: EUR\n',
      'currency: EUR\n? [a, b]\n: 1\n',
    );
    const run = files.run(['claim', files.write(claim)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/:6:3: error: a complex key \(\[a, b\]\) is not a key cofin reads \[unknown-key\]/);
  });
});

describe('4. a flat rate on a misspelled category gets a did-you-mean', () => {
  const costs = (rule: string) =>
    `partner: A\ncosts: { staff: 1000, travel: 100, office: ${rule} }\nfunding: { erdf: 85%, national: rest }\n`;

  it('staf → staff, direkt → direct; a word near none keeps the list', () => {
    const run = check(costs('15% of staf'));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `${run.name}:2:44: error: "staf" is not a cost category [bad-rate]\n  hint: did you mean "staff"?\n`,
    );
    expect(check(costs('7% of direkt')).stderr).toContain('hint: did you mean "direct"?');
    expect(check(costs('15% of staff, travle')).stderr).toContain('hint: did you mean "travel"?');
    expect(check(costs('15% of salaries')).stderr).toContain(
      'hint: a flat rate is N% of direct, or of categories: staff, office, travel, external, equipment, ' +
        'infrastructure, other',
    );
  });

  it('in Latvian, and in a claim file', () => {
    const lv = check(costs('15% of staf'), ['--locale', 'lv']);
    expect(lv.stderr).toContain('kļūda: "staf" nav izmaksu kategorija [bad-rate]\n  ieteikums: vai domājāt "staff"?');
    const claim = readFileSync(join(root, 'fixtures/claims/ventspils-digital-centre.yaml'), 'utf8').replace(
      'office: 15% of staff, travel: 2 000',
      'office: 15% of staf, travel: 2 000',
    );
    const run = files.run(['claim', files.write(claim)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"staf" is not a cost category [bad-rate]\n  hint: did you mean "staff"?');
  });
});

describe('5. the share-mismatch hint never shows a percentage on the other side of the rate', () => {
  it('84,99% beside 8 499 499 of 10 000 000 is 84.99499%, not 84.995% (which would round to 85,00%)', () => {
    const run = check(
      [
        'partner: A',
        'budget: 10 000 000',
        'rounding: { method: fund-down }',
        'funding:',
        '  erdf:     { rate: "84,99%", amount: 8 499 499 }',
        '  national: { rate: "15,01%", amount: 1 500 501 }',
        '',
      ].join('\n'),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('hint: the declared amount is 84.99499% of the budget\n');
    expect(run.stdout).toContain('hint: the declared amount is 15.00501% of the budget\n');
    expect(run.stdout).not.toContain('84.995%');
  });

  it('nor onto the rate itself: 84.9999999% beside 85% is not "85%"; in Latvian the same digits', () => {
    const text = [
      'partner: A',
      'budget: "10 000 000,00"',
      'funding:',
      '  erdf:     { rate: 85%, amount: "8 499 999,99" }',
      '  national: { rate: 15%, amount: "1 500 000,01" }',
      '',
    ].join('\n');
    const run = check(text);
    expect(run.stdout).toContain('hint: the declared amount is 84.9999999% of the budget\n');
    expect(run.stdout).not.toMatch(/amount is 85% of the budget/);
    expect(check(text, ['--locale', 'lv']).stdout).toContain('norādītā summa ir 84,9999999% no budžeta');
  });
});

const PLAN = (period1: string, top = '') =>
  [
    'currency: EUR',
    'partner: Ventspils Digital Centre',
    'costs: { staff: 6 000, office: 15% of staff, travel: 2 000, external: 3 000, equipment: 858 }',
    'funding:',
    '  erdf:      { rate: 85%, amount: "10 844,30" }',
    '  municipal: { rate: 10%, amount: "1 275,80" }',
    '  state:     { rate: 5%,  amount: "637,90" }',
    ...(top ? [top] : []),
    'periods:',
    '  - period: 1',
    `    ${period1}`,
    '  - period: 2',
    '',
  ].join('\n');

describe('6. a budget file with periods and costs and a misspelled period key stays a budget file', () => {
  it('cots → costs is the budget reader’s error, with its did-you-mean, and none of the claim reader’s', () => {
    const run = check(PLAN('cots: { staff: 3 000, travel: 1 000, external: 1 500 }'));
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: '1 file: 0 passed, 1 invalid\n' });
    expect(run.stderr).toBe(
      `${run.name}:10:5: error: unknown key "cots" in periods item 1 [unknown-key]\n  hint: did you mean "costs"?\n`,
    );
  });

  it('budgt → budget; and a key no claim file has (rounding:) makes it a budget file whatever the periods say', () => {
    expect(check(PLAN('budgt: 5 950')).stderr).toContain(
      'error: unknown key "budgt" in periods item 1 [unknown-key]\n  hint: did you mean "budget"?',
    );
    const run = check(PLAN('spend: 5 950', 'rounding: { method: fund-down }'));
    // the budget reader's errors: a plan that gives neither budget nor costs, and the key it does not know
    expect(run.stderr).toBe(
      `${run.name}:10:5: error: period 1 has neither "budget" nor "costs" [missing-key]\n` +
        '  hint: write budget: 5 950, or costs: { staff: 3 000 } (only the last period may be left to the remainder)\n' +
        `${run.name}:11:5: error: unknown key "spend" in periods item 1 [unknown-key]\n` +
        '  hint: the keys of periods item 1 are period, budget, costs, declared\n',
    );
  });

  it('a claim file is still read as one (its plan states categories, not budget or costs)', () => {
    const run = files.run(['check', join(root, 'fixtures/claims/ventspils-digital-centre.yaml')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('claim file, a plan of 2 periods, 2 claims');
  });
});

describe('7. Latvian money past 20 decimals is written exactly (Node 20’s Intl stops at 20)', () => {
  it('split at a unit of 21 decimals in Latvian: every digit, no internal error', () => {
    const run = files.run([
      'split',
      '1.123456789012345678901',
      'erdf=85%',
      'national=rest',
      '--unit',
      '0.000000000000000000001',
      '--locale',
      'lv',
    ]);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout.split('\n')[0]).toBe(
      '1,123456789012345678901\u00a0€ sadalījums: lielākā atlikuma metode, vienība 0,000000000000000000001',
    );
    expect(run.stdout).toContain('│ ERAF (erdf)                        │   85% │ 0,95493827066049382706585 │');
  });

  it('check in Latvian at a unit of 120 decimals: the digits are those of the English output', () => {
    const unit = `0.${'0'.repeat(119)}1`;
    const text = `partner: A\nbudget: 1000\nrounding: { unit: ${unit} }\nfunding: { erdf: 85%, national: rest }\n`;
    const lv = check(text, ['--locale', 'lv']);
    const en = check(text);
    expect({ code: lv.code, stderr: lv.stderr }).toEqual({ code: 0, stderr: '' });
    // the digits after the file's name: its budget and unit
    const digits = (s: string) => s.replace(/^\S+ \S+/, '').replace(/[^0-9]/g, '');
    expect(digits(lines(lv.stdout)[0] ?? '')).toBe(digits(lines(en.stdout)[0] ?? ''));
    expect(lines(lv.stdout)[0]).toContain(`vienība 0,${'0'.repeat(119)}1`);
  });
});

const CLAIM = readFileSync(join(root, 'fixtures/claims/ventspils-digital-centre.yaml'), 'utf8');
const claimWith = (funding: string) =>
  CLAIM.replace('funding: { erdf: 85%, municipal: 10%, state: 5% }', `funding: ${funding}`).replace(
    /declared: \{ erdf: "[0-9 ,]+" \}/g,
    '',
  );

describe('8. a claim file refuses a slip of a fund id as a budget file does', () => {
  it('erfd with a name is not taken as a public source: did you mean "erdf"?', () => {
    const name = files.write(claimWith('{ erfd: { rate: 85%, name: Regional fund }, municipal: 10%, state: 5% }'));
    for (const command of ['claim', 'check']) {
      const run = files.run([command, name]);
      expect(run.code, command).toBe(2);
      expect(run.stderr, command).toContain(
        ':8:12: error: source "erfd" is not a well-known id: did you mean "erdf"? [unknown-key]\n' +
          '  hint: write erdf; a source of its own one slip from a well-known id states its kind ' +
          '(kind: eu-fund, public, automatic-public, private)\n',
      );
    }
  });

  it('erfd without a name, a fund’s name under another id, a fund id of another kind; a written kind is taken', () => {
    const run = (funding: string) => files.run(['claim', files.write(claimWith(funding))]);
    expect(run('{ erfd: 85%, municipal: 10%, state: 5% }').stderr).toContain(
      'error: source "erfd" is not a well-known id: did you mean "erdf"? [unknown-key]\n  hint: write erdf; ',
    );
    expect(run('{ eea: { rate: 85%, name: ERAF }, municipal: 10%, state: 5% }').stderr).toContain(
      'error: source "eea" is named "ERAF", the ERDF\'s name, but its id is not a well-known one',
    );
    expect(run('{ erdf: { rate: 85%, kind: public }, municipal: 10%, state: 5% }').stderr).toContain(
      'error: source "erdf" is ERDF, an EU fund, but its kind is written public [wrong-type]',
    );
    const meant = run('{ erfd: { rate: 85%, name: ERAF, kind: eu-fund }, municipal: 10%, state: 5% }');
    expect({ code: meant.code, stderr: meant.stderr }).toEqual({ code: 0, stderr: '' });
  });
});

describe('9. what was checked: an approximate budget in its currency; scale and sums as found', () => {
  it('budget-implied-mismatch states its figures in the file’s currency (EUR ~10 000, EUR 9 500 to EUR 10 500)', () => {
    const text =
      'currency: LVL\npartner: X\nbudget: ~10 000\nfunding:\n  erdf: { rate: 85%, amount: 8 900 }\n' +
      '  national: { rate: 15%, amount: 1 500 }\n';
    const run = check(text);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'error: the declared amounts imply different budgets: erdf LVL 8 900 at 85% a budget of LVL 10 470.59, ' +
        'national LVL 1 500 at 15% LVL 10 000.00, their sum LVL 10 400; the budget LVL ~10 000 allows LVL 9 500 ' +
        'to LVL 10 500 [budget-implied-mismatch]',
    );
    expect(check(text, ['--locale', 'lv']).stdout).toContain(
      'budžets ~10\u00a0000\u00a0Ls pieļauj no 9500\u00a0Ls līdz 10\u00a0500\u00a0Ls [budget-implied-mismatch]',
    );
  });

  // not defects (the evidence the report gives): these pass before and after
  it('"1 000,00" as a JSON or a YAML budget is the same "1000" in check --format json', () => {
    const budget = (text: string, ext: string) =>
      (JSON.parse(check(text, ['--format', 'json'], ext).stdout) as { files: { partners: { budget: string }[] }[] })
        .files[0]?.partners[0]?.budget;
    const json = budget(
      '{"partner": "A", "budget": "1 000,00", "funding": {"erdf": "85%", "national": "rest"}}',
      'json',
    );
    const yaml = budget('partner: A\nbudget: "1 000,00"\nfunding: { erdf: 85%, national: rest }\n', 'yaml');
    expect([json, yaml]).toEqual(['1000', '1000']);
  });

  it('sum-mismatch of shares written to different decimals states every figure at the finest', () => {
    const run = check(
      'partner: A\nbudget: 12 758\nfunding:\n  erdf: { rate: 85%, amount: "10 844,30" }\n' +
        '  municipal: { rate: 10%, amount: "1 275,80" }\n  state: { rate: 5%, amount: 638 }\n',
    );
    expect(run.stdout).toContain(
      'error: the declared amounts add up to EUR 12 758.10, EUR 0.10 more than the budget EUR 12 758.00 [sum-mismatch]',
    );
  });
});
