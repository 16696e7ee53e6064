import { describe, expect, it } from 'vitest';
import { computeCosts, parseFlatRate, type CostCategory, type CostLine } from '../src/core/costs.js';
import { parseFigure } from '../src/core/figure.js';
import { parseBudgetFile } from '../src/io/budget-file.js';
import { checkBudgetFile } from '../src/core/check.js';
import { d, errorOf } from './helpers.js';

const at = { line: 1, column: 1, pointer: '' };
const lines = (spec: Record<string, string>): CostLine[] =>
  Object.entries(spec).map(([category, text]) => {
    const flat = parseFlatRate(text, at);
    return { category: category as CostCategory, flat, amount: flat ? undefined : { ...parseFigure(text), at }, at };
  });
const amounts = (spec: Record<string, string>, unit = '0.01') =>
  computeCosts(lines(spec), d(unit)).lines.map((l) => `${l.category} ${l.amount.toFixed()}`);
const problems = (spec: Record<string, string>) =>
  computeCosts(lines(spec), d('0.01')).problems.map((p) => `${p.severity}:${p.code}`);

describe('flat rates', () => {
  it('office at 15% of staff', () => {
    expect(
      amounts({ staff: '6 000', office: '15% of staff', travel: '2 000', external: '3 000', equipment: '858' }),
    ).toEqual(['staff 6000', 'office 900', 'travel 2000', 'external 3000', 'equipment 858']);
    expect(
      computeCosts(
        lines({ staff: '6 000', office: '15% of staff', travel: '2 000', external: '3 000', equipment: '858' }),
        d('1'),
      ).total.toFixed(),
    ).toBe('12758');
  });

  it('rounds a flat rate down to the unit, as Jems does', () => {
    expect(amounts({ staff: '1 234,57', office: '15% of staff' })).toEqual(['staff 1234.57', 'office 185.18']); // 185.1855
    expect(amounts({ staff: '1 234,57', office: '15% of staff' }, '1')).toEqual(['staff 1234.57', 'office 185']);
  });

  it('N% of direct takes every direct cost but the category itself, flat rates computed before it included (Jems)', () => {
    // staff 20% of travel + external = 1 000; office 7% of staff + travel + external = 7% of 6 000
    expect(amounts({ staff: '20% of direct', travel: '1 000', external: '4 000', office: '7% of direct' })).toEqual([
      'staff 1000',
      'travel 1000',
      'external 4000',
      'office 420',
    ]);
  });

  // Jems's own vectors: BudgetCostCalculatorTest.kt (docs/jems-rules.md, section 6 A). Inputs common to
  // A2-A10: travel 2 000, external 10 000, equipment 7 500, infrastructure 2 500, staff 6 200.
  const jems = (changes: Record<string, string>) =>
    Object.fromEntries(
      Object.entries({
        staff: '6 200',
        travel: '2 000',
        external: '10 000',
        equipment: '7 500',
        infrastructure: '2 500',
        ...changes,
      }).filter(([, v]) => v !== ''),
    );
  const amountOf = (spec: Record<string, string>, category: string) =>
    amounts(spec).find((a) => a.startsWith(`${category} `));
  it.each([
    [
      'A1 staff 15% with travel 12% a flat rate: travel is not in the staff base',
      { staff: '15% of direct', travel: '12% of staff' },
      'staff',
      '3000',
    ],
    ['A2 staff 15% of the other direct costs', { staff: '15% of direct' }, 'staff', '3300'],
    ['A3 office 7% of staff', { office: '7% of staff' }, 'office', '434'],
    ['A4 office 10% of direct costs', { office: '10% of direct' }, 'office', '2820'],
    [
      'A6 office 10% of direct, staff a 15% flat rate',
      { office: '10% of direct', staff: '15% of direct' },
      'office',
      '2530',
    ],
    [
      'A7 office 10% of direct, travel 15% of staff',
      { office: '10% of direct', travel: '15% of staff' },
      'office',
      '2713',
    ],
    [
      'A8 office 10% of direct, staff 20% and travel 15% of the flat-rate staff',
      { office: '10% of direct', staff: '20% of direct', travel: '15% of staff' },
      'office',
      '2460',
    ],
    [
      'A8 the travel of that case',
      { office: '10% of direct', staff: '20% of direct', travel: '15% of staff' },
      'travel',
      '600',
    ],
    ['A10 other costs 12% of staff', { other: '12% of staff', staff: '7 500' }, 'other', '900'],
  ])('Jems %s', (_, changes, category, expected) => {
    expect(amountOf(jems(changes), category)).toBe(`${category} ${expected}`);
  });

  it('Jems A9: other costs on a flat-rate staff are refused (Jems computes none)', () => {
    expect(problems(jems({ other: '12% of staff', staff: '7% of direct' }))).toContain('error:flat-rate-combination');
  });

  it('takes several categories as a base', () => {
    expect(amounts({ staff: '1 000', travel: '500', office: '10% of staff, travel' })).toEqual([
      'staff 1000',
      'travel 500',
      'office 150',
    ]);
  });

  it('refuses a flat rate of a flat-rate category, or of a missing one', () => {
    expect(problems({ staff: '1 000', office: '15% of staff', travel: '15% of office' })).toEqual([
      'error:flat-rate-base',
    ]);
    expect(problems({ office: '15% of staff', travel: '500' })).toEqual(['error:flat-rate-base']);
  });

  it('refuses a base that names a category twice, and counts it once', () => {
    const result = computeCosts(lines({ staff: '1 000', travel: '500', office: '15% of staff, staff' }), d('0.01'));
    expect(result.problems.map((p) => [p.severity, p.code, p.message])).toEqual([
      ['error', 'flat-rate-base', 'office: the base names "staff" twice'],
    ]);
    expect(result.problems[0]!.hint).toBe('name each category of the base once: 15% of staff');
    expect(result.lines.find((l) => l.category === 'office')).toMatchObject({ amount: d('150'), base: d('1000') });
    expect(result.total.toFixed()).toBe('1650');
    // one error for each category named twice, however often; "and" separates too
    expect(problems({ staff: '1 000', travel: '500', office: '10% of staff and travel, staff, staff' })).toEqual([
      'error:flat-rate-base',
    ]);
    expect(amounts({ staff: '1 000', travel: '500', office: '10% of staff and travel, staff' })).toContain(
      'office 150',
    );
    // a single category named twice is still held to its usual ceiling
    expect(problems({ staff: '1 000', office: '20% of staff, staff' })).toEqual([
      'error:flat-rate-base',
      'warning:flat-rate-high',
    ]);
  });

  it('the 40% rate excludes every other flat rate', () => {
    expect(problems({ staff: '10 000', other: '40% of staff' })).toEqual([]);
    expect(problems({ staff: '10 000', other: '40% of staff', travel: '15% of staff' })).toEqual([
      'error:flat-rate-combination',
    ]);
  });

  it('warns of a rate above the usual one', () => {
    expect(problems({ staff: '1 000', office: '20% of staff' })).toEqual(['warning:flat-rate-high']);
    expect(problems({ staff: '1 000', travel: '15% of staff' })).toEqual([]);
    expect(problems({ travel: '1 000', staff: '25% of direct' })).toEqual(['warning:flat-rate-high']);
  });

  it('reads flat-rate text or refuses it', () => {
    expect(parseFlatRate('6 000', at)).toBeUndefined();
    expect(parseFlatRate('15 % of Staff', at)!.base).toEqual(['staff']);
    expect(errorOf(() => parseFlatRate('15% of salaries', at)).message).toBe('"salaries" is not a cost category');
  });

  it('a slip of a category in a flat rate gets a did-you-mean, as an unknown key does (mend8)', () => {
    const hint = (text: string) => errorOf(() => parseFlatRate(text, at)).hint;
    expect(hint('15% of staf')).toBe('did you mean "staff"?');
    expect(hint('7% of direkt')).toBe('did you mean "direct"?');
    expect(hint('15% of staff, travle')).toBe('did you mean "travel"?');
    expect(hint('15% of salaries')).toBe(
      'a flat rate is N% of direct, or of categories: staff, office, travel, external, equipment, infrastructure, other',
    );
  });
});

describe('costs in budget files', () => {
  const file = (budget: string) =>
    `partner: P\n${budget}costs:\n  staff: 6 000\n  office: 15% of staff\n  travel: 2 000\n  external: 3 000\n  equipment: 858\nfunding:\n  erdf: 85%\n  national: rest\n`;
  it('takes the sum of the categories as the budget', () => {
    const check = checkBudgetFile(parseBudgetFile(file(''), 'yaml'));
    expect(check.verdict).toBe('pass');
    expect(check.partners[0]!.budget.value.toFixed()).toBe('12758');
  });
  it('fails a file whose flat-rate base names a category twice, the category counted once', () => {
    const check = checkBudgetFile(
      parseBudgetFile(
        'partner: P\ncosts:\n  staff: 6 000\n  office: 15% of staff, staff\nfunding:\n  erdf: 85%\n  national: rest\n',
        'yaml',
      ),
    );
    expect(check.verdict).toBe('fail');
    expect(check.findings.map((f) => [f.severity, f.code, f.message, f.line])).toEqual([
      ['error', 'flat-rate-base', 'office: the base names "staff" twice', 4],
    ]);
    expect(check.partners[0]!.budget.value.toFixed()).toBe('6900');
  });
  it('checks a declared budget against the categories', () => {
    expect(checkBudgetFile(parseBudgetFile(file('budget: 12 758\n'), 'yaml')).verdict).toBe('pass');
    const wrong = checkBudgetFile(parseBudgetFile(file('budget: 12 800\n'), 'yaml'));
    expect(wrong.findings.map((f) => [f.code, f.message])).toEqual([
      [
        'budget-mismatch',
        'the budget EUR 12 800.00 is EUR 42.00 more than the cost categories, which add up to EUR 12 758.00',
      ],
    ]);
  });
});
