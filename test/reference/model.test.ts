// Hand-checked examples of the reference model itself (README.md figures), so that the property
// tests compare cofin with something that is known to be right on the documented cases.
import { describe, expect, it } from 'vitest';
import {
  METHODS,
  parseDecimal,
  referenceCheck,
  referenceSplit,
  ReferenceSplitError,
  roundHalfUpTo,
  toDecimalString,
  type PartnerSpec,
} from './model.js';

describe('reference model: rationals', () => {
  it('reads and writes exact decimals', () => {
    expect(toDecimalString(parseDecimal('12758.10'))).toBe('12758.1');
    expect(toDecimalString(parseDecimal('0.0050'))).toBe('0.005');
    expect(toDecimalString(roundHalfUpTo(parseDecimal('637.5'), parseDecimal('1')))).toBe('638');
    expect(toDecimalString(roundHalfUpTo(parseDecimal('1191.637712'), parseDecimal('0.01')))).toBe('1191.64');
  });
});

describe('reference model: split (README figures)', () => {
  const founding = [
    { id: 'erdf', kind: 'eu-fund', rate: '85' },
    { id: 'municipal', kind: 'public', rate: '10' },
    { id: 'state', kind: 'automatic-public', rate: '5' },
  ];
  it.each(METHODS)('12 758 at 85/10/5, unit 1, %s → 10 844 / 1 276 / 638', (m) => {
    const r = referenceSplit('12758', founding, '1', m);
    expect(r.amounts).toEqual(['10844', '1276', '638']);
    expect(r.exact).toEqual(['10844.3', '1275.8', '637.9']);
    expect(r.drift).toBe('0');
  });
  it('5 123.12, interreg 23.26% and national rest, fund-down (unit 0.01) → 1 191.63 / 3 931.49', () => {
    const r = referenceSplit(
      '5123.12',
      [
        { id: 'interreg', kind: 'eu-fund', rate: '23.26' },
        { id: 'national', kind: 'public', rate: 'rest' },
      ],
      undefined,
      'fund-down',
    );
    expect(r.amounts).toEqual(['1191.63', '3931.49']);
    expect(r.drift).toBe('0');
  });
  it('70 828 at interreg 85 / 4 / 11, fund-down, unit 1 → 60 203 / 2 833 / 7 792', () => {
    const r = referenceSplit(
      '70828',
      [
        { id: 'interreg', kind: 'eu-fund', rate: '85' },
        { id: 'a', rate: '4' },
        { id: 'b', rate: '11' },
      ],
      '1',
      'fund-down',
    );
    expect(r.amounts).toEqual(['60203', '2833', '7792']);
    expect(r.drift).toBe('0');
  });
  it('half-up 12 704 at 85/10/5 → 10 798 + 1 270 + 635, drift −1', () => {
    const r = referenceSplit('12704', founding, '1', 'half-up');
    expect(r.amounts).toEqual(['10798', '1270', '635']);
    expect(r.sum).toBe('12703');
    expect(r.drift).toBe('-1');
  });
  it('fund-down with EU funds only, 50.5% + 49.5% of 101 → 51 + 49, drift −1', () => {
    const r = referenceSplit(
      '101',
      [
        { id: 'a', kind: 'eu-fund', rate: '50.5' },
        { id: 'b', kind: 'eu-fund', rate: '49.5' },
      ],
      '1',
      'fund-down',
    );
    expect(r.amounts).toEqual(['51', '49']);
    expect(r.drift).toBe('-1');
  });
  it('fund-down, interreg rest and national 15% of 1001, unit 1 → 850 / 151', () => {
    const r = referenceSplit(
      '1001',
      [
        { id: 'interreg', kind: 'eu-fund', rate: 'rest' },
        { id: 'national', kind: 'public', rate: '15' },
      ],
      '1',
      'fund-down',
    );
    expect(r.amounts).toEqual(['850', '151']);
    expect(r.drift).toBe('0');
  });
  it('fund-down, EU funds only with an EU-fund rest: the rest rounded down too, the sum drifts (trial 9, F1)', () => {
    const a = referenceSplit(
      '100.01',
      [
        { id: 'interreg', kind: 'eu-fund', rate: '50' },
        { id: 'erdf', kind: 'eu-fund', rate: 'rest' },
      ],
      '0.01',
      'fund-down',
    );
    expect(a.amounts).toEqual(['50', '50']);
    expect(a.drift).toBe('-0.01');
    const b = referenceSplit(
      '1628285',
      [
        { id: 'esf', kind: 'eu-fund', rate: '88' },
        { id: 'erdf', kind: 'eu-fund', rate: 'rest' },
      ],
      '1',
      'fund-down',
    );
    expect(b.amounts).toEqual(['1432890', '195394']);
    expect(b.drift).toBe('-1');
  });
  it('largest-remainder ties go to the earlier share; a rest counts in its place', () => {
    // 1001 × 25% = 250.25 four times: one leftover unit, to the first
    const r = referenceSplit(
      '1001',
      ['a', 'b', 'c', 'd'].map((id) => ({ id, rate: '25' })),
      '1',
    );
    expect(r.amounts).toEqual(['251', '250', '250', '250']);
    expect(r.tie).toBe(true);
    const s = referenceSplit(
      '1001',
      [
        { id: 'a', rate: 'rest' },
        { id: 'b', rate: '25' },
        { id: 'c', rate: '25' },
        { id: 'd', rate: '25' },
      ],
      '1',
    );
    expect(s.amounts).toEqual(['251', '250', '250', '250']);
  });
  it('refuses rates that do not add up, and budgets off the unit under largest-remainder / fund-down', () => {
    expect(() =>
      referenceSplit(
        '100',
        [
          { id: 'a', rate: '50' },
          { id: 'b', rate: '49' },
        ],
        '1',
      ),
    ).toThrow(ReferenceSplitError);
    expect(() =>
      referenceSplit(
        '100',
        [
          { id: 'a', rate: '50' },
          { id: 'b', rate: '51' },
          { id: 'c', rate: 'rest' },
        ],
        '1',
      ),
    ).toThrow(ReferenceSplitError);
    expect(() =>
      referenceSplit(
        '100.5',
        [
          { id: 'a', rate: '50' },
          { id: 'b', rate: '50' },
        ],
        '1',
      ),
    ).toThrow(ReferenceSplitError);
    expect(() =>
      referenceSplit(
        '100.5',
        [
          { id: 'a', rate: '50' },
          { id: 'b', rate: '50' },
        ],
        '1',
        'fund-down',
      ),
    ).toThrow(ReferenceSplitError);
    expect(
      referenceSplit(
        '100.5',
        [
          { id: 'a', rate: '50' },
          { id: 'b', rate: '50' },
        ],
        '1',
        'half-up',
      ).amounts,
    ).toEqual(['50', '50']);
    expect(
      referenceSplit(
        '100',
        [
          { id: 'a', rate: '50' },
          { id: 'b', rate: '49' },
          { id: 'c', rate: 'rest' },
        ],
        '1',
      ).amounts,
    ).toEqual(['50', '49', '1']);
  });
});

const founding = (amounts: [string, string, string], extra: Partial<PartnerSpec> = {}): PartnerSpec => ({
  budget: '12758',
  sources: [
    { id: 'erdf', kind: 'eu-fund', rate: '85', amount: amounts[0] },
    { id: 'municipal', kind: 'public', rate: '10', amount: amounts[1] },
    { id: 'state', kind: 'automatic-public', rate: '5', amount: amounts[2] },
  ],
  ...extra,
});

describe('reference model: check', () => {
  it('the founding example passes, unit 1 from the amounts, largest-remainder', () => {
    const r = referenceCheck(founding(['10844', '1276', '638']));
    expect(r).toMatchObject({
      unit: '1',
      method: 'largest-remainder',
      computed: ['10844', '1276', '638'],
      verdict: 'pass',
    });
    expect([...r.errors, ...r.warnings, ...r.notes]).toEqual([]);
  });
  it('a mistyped amount is a share mismatch and a sum mismatch', () => {
    const r = referenceCheck(founding(['10844', '1267', '638']));
    expect(r.verdict).toBe('fail');
    expect([...r.errors].sort()).toEqual(['share-mismatch', 'sum-mismatch']);
  });
  it('half-up amounts are found with a rounding-method note (and their drift is a sum mismatch)', () => {
    const r = referenceCheck({ ...founding(['10798', '1270', '635']), budget: '12704' });
    expect(r.method).toBe('half-up');
    expect([...r.notes]).toEqual(['rounding-method']);
    expect([...r.warnings]).toEqual(['rounding-drift']);
    expect([...r.errors]).toEqual(['sum-mismatch']);
  });
  it('no declared amount: unit 0.01 (EUR), shares in cents', () => {
    const r = referenceCheck({
      budget: '12758',
      sources: founding(['', '', '']).sources.map(({ amount: _a, ...s }) => s),
    });
    expect(r).toMatchObject({
      unit: '0.01',
      method: 'largest-remainder',
      computed: ['10844.3', '1275.8', '637.9'],
      verdict: 'pass',
    });
  });
  it('the coarsest declared precision sets the unit; finer amounts agree at it, and the sum is taken as written', () => {
    const r = referenceCheck(founding(['10844', '1275.80', '637.90']));
    expect(r.unit).toBe('1');
    // 10 844 + 1 275.80 + 637.90 = 12 757.70: each agrees with its share, the sum does not (step 8)
    expect(r.errors).toEqual(new Set(['sum-mismatch']));
    expect(referenceCheck(founding(['10844.30', '1275.80', '637.90'])).verdict).toBe('pass');
  });
  it('a budget off the unit: budget-unit, each rated share half-up, rule half-up, no drift warning', () => {
    const r = referenceCheck({
      ...founding(['10844', '1276', '638']),
      budget: '12758.50',
      method: 'largest-remainder',
    });
    expect(r.errors.has('budget-unit')).toBe(true);
    expect(r.method).toBe('half-up');
    expect(r.computed).toEqual(['10845', '1276', '638']);
    expect(r.warnings.has('rounding-drift')).toBe(false);
  });
  it('rates over 100%: rates-sum, half-up shares', () => {
    const r = referenceCheck({
      budget: '1000',
      unit: '1',
      sources: [
        { id: 'a', kind: 'public', rate: '60' },
        { id: 'b', kind: 'public', rate: '50' },
      ],
    });
    expect([...r.errors]).toEqual(['rates-sum']);
    expect(r.computed).toEqual(['600', '500']);
  });
  it('a fixed source: its amount is its share; the rates must cover what is left exactly', () => {
    const ok = referenceCheck({
      budget: '1000',
      sources: [
        { id: 'a', kind: 'eu-fund', rate: '80' },
        { id: 'b', kind: 'public', amount: '200' },
      ],
    });
    expect(ok).toMatchObject({ unit: '1', computed: ['800', '200'], verdict: 'pass' });
    const off = referenceCheck({
      budget: '1000',
      sources: [
        { id: 'a', kind: 'eu-fund', rate: '80' },
        { id: 'b', kind: 'public', amount: '199' },
      ],
    });
    expect([...off.errors]).toEqual(['rates-sum']);
    const fine = referenceCheck({
      budget: '1000',
      unit: '1',
      sources: [
        { id: 'a', kind: 'eu-fund', rate: '80' },
        { id: 'b', kind: 'public', amount: '199.50' },
        { id: 'c', kind: 'private', rest: true },
      ],
    });
    expect(fine.errors.has('amount-unit')).toBe(true);
  });
  it('rate displays: decimal rates that round the declared amounts are taken as fixed', () => {
    // 33.33% × 3 = 99.99%: rates-sum at first; each amount ÷ budget rounds to 33.33%
    const r = referenceCheck({
      budget: '1000',
      sources: [
        { id: 'a', kind: 'public', rate: '33.33', amount: '333.33' },
        { id: 'b', kind: 'public', rate: '33.33', amount: '333.33' },
        { id: 'c', kind: 'public', rate: '33.33', amount: '333.34' },
      ],
    });
    expect(r.verdict).toBe('pass');
    expect([...r.notes]).toEqual(['rate-display']);
    expect(r.info.converted).toEqual(['a', 'b', 'c']);
    // a whole-number rate is prescribed
    const w = referenceCheck({
      budget: '1000',
      sources: [
        { id: 'a', kind: 'public', rate: '33', amount: '333.33' },
        { id: 'b', kind: 'public', rate: '33.33', amount: '333.33' },
        { id: 'c', kind: 'public', rate: '33.34', amount: '333.34' },
      ],
    });
    expect(w.verdict).toBe('fail');
  });
  it('sanity warnings: EU rate above 85%, a zero share', () => {
    const r = referenceCheck({
      budget: '1000',
      sources: [
        { id: 'a', kind: 'eu-fund', rate: '90' },
        { id: 'b', kind: 'public', rate: '10' },
        { id: 'c', kind: 'private', rest: true },
      ],
    });
    expect([...r.warnings].sort()).toEqual(['eu-rate-high', 'zero-amount']);
    expect(r.verdict).toBe('pass');
  });
  it('fund-down interreg rest + national 15% of 1001, binding at unit 1', () => {
    const r = referenceCheck({
      budget: '1001',
      unit: '1',
      method: 'fund-down',
      sources: [
        { id: 'interreg', kind: 'eu-fund', rest: true },
        { id: 'national', kind: 'public', rate: '15', amount: '151' },
      ],
    });
    expect(r).toMatchObject({ computed: ['850', '151'], verdict: 'pass', method: 'fund-down' });
    expect(r.warnings.size + r.notes.size).toBe(0);
  });
});

describe('reference model: step 9 starts only when no rule reproduces the amounts (R6)', () => {
  const spec: PartnerSpec = {
    budget: '941901',
    sources: [
      { id: 'a', kind: 'eu-fund', rate: '85', amount: '800615' },
      { id: 'b', kind: 'eu-fund', rate: '10.6', amount: '99841' },
      { id: 'c', kind: 'public', rate: '4.4', amount: '41445' },
    ],
  };
  it('fund-down amounts with a decimal rate: fund-down, rounding-method note, pass', () => {
    const r = referenceCheck(spec);
    expect(r).toMatchObject({ method: 'fund-down', verdict: 'pass' });
    expect([...r.notes]).toEqual(['rounding-method']);
  });
  it('the other reading takes c as a rate display and then fails with rates-sum', () => {
    const r = referenceCheck(spec, { rateDisplay: 'first-tried-rule' });
    expect(r.verdict).toBe('fail');
    expect(r.errors.has('rates-sum')).toBe(true);
  });
  it("Jems's vector declared without a binding rule passes as fund-down", () => {
    const r = referenceCheck({
      budget: '5123.12',
      sources: [
        { id: 'interreg', kind: 'eu-fund', rate: '23.26', amount: '1191.63' },
        { id: 'national', kind: 'public', rate: '76.74', amount: '3931.49' },
      ],
    });
    expect(r).toMatchObject({ method: 'fund-down', verdict: 'pass', unit: '0.01' });
  });
});

describe('reference of approximate budgets (README step 7, one budget)', () => {
  it("fails the user's ~10 000 with 8 900 at 85% and 1 500 at 15%, passes 8 840 and 1 560", async () => {
    const { referenceApproximate } = await import('./approximate.js');
    const partner = (erdf: string, national: string) => ({
      budget: '~10 000',
      sources: [
        { id: 'erdf', kind: 'eu-fund' as const, rate: '85', amount: erdf },
        { id: 'national', kind: 'public' as const, rate: '15', amount: national },
      ],
    });
    const wrong = referenceApproximate(partner('8 900', '1 500'));
    expect([...wrong.errors]).toEqual(['budget-implied-mismatch']);
    // two significant figures at least: ~10 000 is 9 500 to 10 500
    expect(toDecimalString(wrong.tolerance)).toBe('500');
    const right = referenceApproximate(partner('8 840', '1 560'));
    expect(right.verdict).toBe('pass');
    expect(right.pinned && right.touching).toBe(false);
  });
  it('reads the tolerance of a figure from its last written digit, at most half its second significant digit', async () => {
    const { readFigure } = await import('./approximate.js');
    const tol = (text: string) => toDecimalString(readFigure(text).tolerance);
    expect([tol('~100 000'), tol('~10 000'), tol('~11 000'), tol('~12 000'), tol('~12 400 000')]).toEqual([
      '5000',
      '500',
      '500',
      '500',
      '50000',
    ]);
    expect([tol('~9 284 000'), tol('~5'), tol('~50'), tol('12 345')]).toEqual(['500', '0.05', '0.5', '0']);
  });
});
