import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { divideByRate, multiplyByRate } from '../src/core/currency/convert.js';
import { betweenNational, FIXED_RATES, fixedRate, fromEuro, nationalUnit, toEuro } from '../src/core/currency/fixed.js';
import { chooseRate, monthOf, rateTable } from '../src/core/currency/monthly.js';
import { Decimal } from '../src/core/decimal.js';
import { divide, multiply, triangulate } from './reference/currency.js';
import { d } from './helpers.js';

const CENT = d('0.01');
const at = { line: 1, column: 1, pointer: '' };

describe('Jems F: an item converted at the rate, half-up to the cent (GetProjectPartnerReportExpenditureCalculatorTest @1d873ad)', () => {
  it('F1: 24.31 CST at 2.4302 is EUR 10.00', () => {
    expect(divideByRate(d('24.31'), d('2.4302'), CENT).toFixed(2)).toBe('10.00');
  });
  it('F2: 24.31 CST at 2.4305 is EUR 10.00 (test rounding)', () => {
    expect(divideByRate(d('24.31'), d('2.4305'), CENT).toFixed(2)).toBe('10.00');
  });
  it('F3: no rate of the month: no rate is chosen (the item then counts 0, see test/claims-currency.test.ts)', () => {
    const table = rateTable('rates', [{ month: '2024-02', currency: 'CST', rate: d('10'), text: '10', at }]);
    expect(chooseRate(table, '2024-03', 'CST')).toEqual({ kind: 'missing', reason: 'no-rate' });
    expect(chooseRate(undefined, '2024-03', 'CST')).toEqual({ kind: 'missing', reason: 'no-table' });
  });
  it('F4: 30.69 ÷ 2 = 15.345 is 15.35 (half-up; rounding down would give 15.34)', () => {
    expect(divideByRate(d('30.69'), d('2'), CENT).toFixed(2)).toBe('15.35');
  });
  it('F5: 48.62, 245 and 192 at 2 are 24.31, 122.50 and 96.00', () => {
    expect(['48.62', '245', '192'].map((a) => divideByRate(d(a), d('2'), CENT).toFixed(2))).toEqual([
      '24.31',
      '122.50',
      '96.00',
    ]);
  });
  it('a half is rounded away from zero, also for a negative correction', () => {
    expect(divideByRate(d('-30.69'), d('2'), CENT).toFixed(2)).toBe('-15.35');
    expect(divideByRate(d('0.01'), d('2'), CENT).toFixed(2)).toBe('0.01');
    expect(divideByRate(d('0.01'), d('3'), CENT).toFixed(2)).toBe('0.00');
  });
});

describe('the fixed euro conversion rates (Regulation 2866/98, Article 1) and Regulation 1103/97', () => {
  it('has the rate of every currency the euro replaced, six significant figures each', () => {
    expect([...FIXED_RATES.keys()].sort()).toEqual([
      'ATS',
      'BEF',
      'BGN',
      'CYP',
      'DEM',
      'EEK',
      'ESP',
      'FIM',
      'FRF',
      'GRD',
      'HRK',
      'IEP',
      'ITL',
      'LTL',
      'LUF',
      'LVL',
      'MTL',
      'NLG',
      'PTE',
      'SIT',
      'SKK',
    ]);
    for (const rate of FIXED_RATES.values())
      expect(rate.text.replace('.', '').replace(/^0+/, '').length, rate.currency).toBe(6);
    expect(['LVL', 'EEK', 'LTL', 'HRK'].map((c) => fixedRate(c)!.rate.toFixed())).toEqual([
      '0.702804',
      '15.6466',
      '3.4528',
      '7.5345',
    ]);
    expect(fixedRate('LVL')!.from).toBe('2014-01-01');
  });

  it('converts into euro by dividing by the rate, never by multiplying by an inverse rate', () => {
    // 1 000 000 LVL: ÷ 0.702804 is 1 422 871.81; × the inverse rounded to six figures (1.42287) would be 1 422 870.00
    expect(toEuro(d('1000000'), 'LVL').toFixed(2)).toBe('1422871.81');
    expect(toEuro(d('100'), 'BGN').toFixed(2)).toBe('51.13'); // the Bulgarian changeover's own example
    expect(toEuro(d('12758'), 'EEK').toFixed(2)).toBe('815.38');
  });

  it('converts euro into a national currency to its unit (whole lire, cents of a lats)', () => {
    expect(fromEuro(d('12758.00'), 'LVL').toFixed(2)).toBe('8966.37');
    expect(fromEuro(d('1.00'), 'ITL').toFixed()).toBe('1936');
    expect(nationalUnit('ITL').toFixed()).toBe('1');
  });

  it('converts between two national currencies through the euro at three decimals (triangulation)', () => {
    // 100 DEM → 51.129 EUR (three decimals) → 335.38 FRF; by an implicit bilateral rate it would differ in the last digits for large amounts
    expect(betweenNational(d('100'), 'DEM', 'FRF').toFixed(2)).toBe(triangulate('100', '1.95583', '6.55957'));
    expect(betweenNational(d('1000000'), 'LVL', 'EEK').toFixed(2)).toBe('22263106.08');
  });
});

describe('which rate converts an item', () => {
  const table = rateTable('rates', [
    { month: '2013-06', currency: 'LVL', rate: d('0.7025'), text: '0.7025', at },
    { month: '2024-03', currency: 'PLN', rate: d('4.3205'), text: '4.3205', at },
  ]);
  it('a monthly rate of the month of submission', () => {
    expect(chooseRate(table, '2024-03', 'PLN')).toMatchObject({ kind: 'monthly', rate: { rate: d('4.3205') } });
  });
  it('a currency the euro replaced: its monthly rate before the changeover, its fixed rate from it on or without a month', () => {
    expect(chooseRate(table, '2013-06', 'LVL')).toMatchObject({ kind: 'monthly' });
    expect(chooseRate(table, '2014-01', 'LVL')).toMatchObject({ kind: 'fixed', rate: d('0.702804') });
    expect(chooseRate(undefined, undefined, 'LVL')).toMatchObject({ kind: 'fixed' });
    expect(chooseRate(table, undefined, 'PLN')).toEqual({ kind: 'missing', reason: 'no-month' });
  });
  it('reads a month from YYYY-MM or a date', () => {
    expect(['2024-03', '2024-03-31', '2024-13', '24-03', '2024-3'].map(monthOf)).toEqual([
      '2024-03',
      '2024-03',
      undefined,
      undefined,
      undefined,
    ]);
  });
});

// Amounts of at most 15 digits before the point (Jems allows ±999 999 999.99 per item, a
// project total may be larger), rates as InforEuro and the Council write them.
const amount = fc
  .tuple(fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), fc.constantFrom(0, 1, 2))
  .map(([n, places]) => {
    const s = (n < 0n ? -n : n).toString().padStart(places + 1, '0');
    return (n < 0n ? '-' : '') + (places ? `${s.slice(0, -places)}.${s.slice(-places)}` : s);
  });
const rate = fc.tuple(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 0, max: 8 })).map(([n, places]) => {
  const s = String(n).padStart(places + 1, '0');
  return places ? `${s.slice(0, -places)}.${s.slice(-places)}` : s;
});

describe('properties: conversion against an exact rational reference (test/reference/currency.ts)', () => {
  it("amount ÷ rate half-up to the cent is the reference's", () => {
    fc.assert(
      fc.property(amount, rate, (a, r) => divideByRate(d(a), d(r), CENT).toFixed(2) === divide(a, r)),
      { numRuns: 2000 },
    );
  });
  it("amount × rate half-up to the cent or unit is the reference's", () => {
    fc.assert(
      fc.property(
        amount,
        rate,
        (a, r) =>
          multiplyByRate(d(a), d(r), CENT).toFixed(2) === multiply(a, r) &&
          multiplyByRate(d(a), d(r), d('1')).toFixed(0) === multiply(a, r, 0),
      ),
      { numRuns: 1000 },
    );
  });
  it('the converted amount is within half a cent of the exact quotient', () => {
    fc.assert(
      fc.property(amount, rate, (a, r) => {
        const exact = d(a).div(d(r));
        return divideByRate(d(a), d(r), CENT).minus(exact).abs().lte('0.005');
      }),
      { numRuns: 1000 },
    );
  });
  it("every fixed rate: toEuro, fromEuro and triangulation are the reference's", () => {
    const codes = [...FIXED_RATES.keys()];
    fc.assert(
      fc.property(amount, fc.constantFrom(...codes), fc.constantFrom(...codes), (a, from, to) => {
        const fr = fixedRate(from)!.rate.toFixed();
        const tr = fixedRate(to)!.rate.toFixed();
        const places = nationalUnit(to).decimalPlaces();
        return (
          toEuro(d(a), from).toFixed(2) === divide(a, fr) &&
          fromEuro(d(a), to).toFixed(places) === multiply(a, tr, places) &&
          betweenNational(d(a), from, to).toFixed(places) === triangulate(a, fr, tr, places)
        );
      }),
      { numRuns: 1000 },
    );
  });
});

void Decimal;
