import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PassThrough } from 'node:stream';
import { Decimal } from '../src/core/decimal.js';
import type { FindingCode } from '../src/core/check.js';
import type { FindingFigures, SaidKey } from '../src/core/check/said.js';
import { formatMoney, formatMoneyText, formatNumber, formatPercent, lvExact } from '../src/render/locale.js';
import { FINDINGS_LV } from '../src/render/words/lv-findings.js';
import { WORDS, localFinding } from '../src/render/words/index.js';
import { checkCommand } from '../src/commands/check.js';
import { root } from './e2e/run.js';

const d = (text: string) => new Decimal(text);
const NBSP = '\u00a0';

describe('Latvian amounts (Intl, CLDR "lv"), against strings written by hand', () => {
  it.each([
    ['12758', 'EUR', 2, `12${NBSP}758,00${NBSP}€`],
    ['12758', 'EUR', 0, `12${NBSP}758${NBSP}€`],
    ['1234.5', 'EUR', 2, `1234,50${NBSP}€`], // CLDR lv: no group separator in a four-digit amount
    ['-12758', 'EUR', 0, `-12${NBSP}758${NBSP}€`],
    ['-0', 'EUR', 2, `0,00${NBSP}€`],
    ['0.005', 'EUR', 2, `0,005${NBSP}€`], // a finer amount keeps its digits: never rounded for display
    [
      '123456789012345678901.25',
      'EUR',
      2,
      `123${NBSP}456${NBSP}789${NBSP}012${NBSP}345${NBSP}678${NBSP}901,25${NBSP}€`,
    ],
    ['12758', 'USD', 2, `12${NBSP}758,00${NBSP}$`],
    ['1234567', 'PLN', 2, `1${NBSP}234${NBSP}567,00${NBSP}PLN`],
  ])('%s %s at %i decimals is %j', (value, currency, scale, expected) => {
    expect(formatMoney(d(value), currency, scale, 'lv')).toBe(expected);
  });

  it('numbers and percentages', () => {
    expect(formatNumber(d('10844.3'), 0, 'lv')).toBe(`10${NBSP}844,3`);
    expect(formatNumber(d('1275.8'), 0, 'lv')).toBe('1275,8');
    expect(formatNumber(d('-360'), 0, 'lv')).toBe('-360');
    expect(formatPercent(d('85'), 'lv')).toBe('85%');
    expect(formatPercent(d('82.1759'), 'lv')).toBe('82,1759%');
    expect(formatPercent(d('0.0001'), 'lv')).toBe('0,0001%');
  });

  it('English stays as it was: €12,758.00, EUR 12 758 in check and split', () => {
    expect(formatMoney(d('12758'), 'EUR', 2, 'en')).toBe('€12,758.00');
    expect(WORDS.en.money(d('12758'), 'EUR', 0)).toBe('EUR 12 758');
    expect(WORDS.lv.money(d('12758'), 'EUR', 2)).toBe(`12${NBSP}758,00${NBSP}€`);
  });

  it('property: every digit of an amount is shown, in order, whatever its size and sign', () => {
    let large = 0;
    let negative = 0;
    let fraction = 0;
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 4 }),
        (units, places, scale) => {
          const value = d(units.toString()).div(d('10').pow(places));
          if (units.toString().replace('-', '').length > 7) large++;
          if (units < 0n) negative++;
          if (places > scale && !value.isInteger()) fraction++;
          const shown = formatMoney(value, 'EUR', scale, 'lv');
          expect(shown.endsWith(`${NBSP}€`)).toBe(true);
          // the digits read back: groups without their spaces, the decimal comma as a point
          const back = shown.slice(0, -2).replaceAll(NBSP, '').replace(',', '.');
          expect(d(back).eq(value)).toBe(true);
          expect(back.split('.')[1]?.length ?? 0).toBe(Math.max(scale, value.decimalPlaces()));
        },
      ),
      { numRuns: 500 },
    );
    expect(large).toBeGreaterThan(100);
    expect(negative).toBeGreaterThan(100);
    expect(fraction).toBeGreaterThan(50);
  });
});

const m = (value: string) => ({ value: d(value), currency: 'EUR', decimals: 2 });
/** One set of figures for every key of a finding's words (the compiler asks for each). */
const SAMPLES: { [K in SaidKey]: FindingFigures[K] } = {
  'rates-sum': { covered: d('95'), missing: d('5'), missingMoney: m('637.90'), rest: false },
  'sum-mismatch': { declared: m('12398'), budget: m('12758') },
  'budget-unit': {
    budget: d('1000.5'),
    budgetScale: 1,
    unit: d('1'),
    finer: d('0.1'),
    unitFrom: 'currency',
    currency: 'EUR',
  },
  'amount-unit': { id: 'national', amount: d('150.15'), unit: d('1') },
  'budget-implied-mismatch': {
    sources: [
      { id: 'erdf', amount: d('8900'), amountScale: 0, approximate: false, rate: d('85'), budget: d('10470.59') },
      { id: 'national', amount: d('1500'), amountScale: 0, approximate: true, rate: d('15'), budget: d('10000.00') },
    ],
    decimals: 2,
    sum: d('10400'),
    budget: d('10000'),
    budgetDecimals: 0,
    currency: 'EUR',
    low: d('5000'),
    high: d('15000'),
  },
  'share-mismatch': {
    id: 'erdf',
    declared: m('10484'),
    computed: m('10844'),
    exact: d('10844.3'),
    reasons: [
      { why: 'half-up' },
      { why: 'fund-down' },
      { why: 'other-unit', unit: d('10'), down: false },
      { why: 'transposed', declared: d('10484'), computed: d('10844'), decimals: 0 },
      { why: 'one-digit', computed: d('10844'), decimals: 0 },
      { why: 'rate-of-budget', rate: d('82.1759') },
    ],
  },
  'rate-display': { id: 'erdf', rateText: '85%', amount: m('10844'), actual: d('84.9976') },
  'rounding-method': { method: 'half-up' },
  'rounding-drift': { method: 'fund-down', total: m('12757'), drift: m('-1') },
  'rest-negative': { id: 'national', method: 'half-up', amount: m('-1') },
  'eu-rate-high': { id: 'erdf', rate: d('90') },
  'zero-amount': { id: 'municipal' },
  'zero-budget': {},
  'budget-mismatch': { declared: m('12758'), difference: m('58'), costs: m('12700') },
  'flat-rate-combination/forty': { others: ['office'] },
  'flat-rate-combination/staff': {},
  'flat-rate-combination/remaining': { others: ['travel', 'external'] },
  'flat-rate-base/twice': { line: 'office', category: 'staff', rateText: '15%', categories: ['staff'] },
  'flat-rate-base/order': { line: 'travel', category: 'office', order: ['staff', 'travel', 'office'] },
  'flat-rate-base/missing': { line: 'office', category: 'staff', rateText: '15%' },
  'flat-rate-high': { line: 'office', rateText: '20%', usual: { category: 'office', base: 'staff', rate: '15%' } },
  'duplicate-partner': { partner: 'Portalegre', first: 'Portale\u0301gre', unseen: 'U+0301' },
  'source-conflict': { id: 'state', kind: 'public', firstKind: 'automatic-public', firstPartner: 'LP' },
  'project-total/count': { listed: 3, count: 2 },
  'project-total/over': { budgets: m('30000'), difference: m('100'), total: m('29900') },
  'project-total/under': { listed: 2, budgets: m('29800'), difference: m('100'), total: m('29900') },
  'project-total/source': { id: 'erdf', partners: m('25500'), difference: m('850'), total: m('26350'), less: true },
  'project-unaccounted': { listed: 1, count: 3, missing: m('17142'), total: m('29900') },
  'project-unaccounted/none': { listed: 2, count: 3, total: m('40000') },
  'hidden-sheet': { sheet: 'Budget' },
  'hidden-column': { column: 'erdf', letters: 'D' },
  'hidden-row': { row: 7 },
  'hidden-digits': { shown: '10844', stored: '10844.3', formula: true, general: false },
  'formula-without-value': {},
  'total-row-by-sum': { heading: 'Overall', budget: '30 000', above: 2 },
  'extract-doubts': { count: 2 },
  'extract-conflict': {
    count: 2,
    line: 4,
    first: 'the document states this total, 100 000 EUR, but its shares add up to 120000',
  },
  'flat-rate-base/simplified': { line: 'office', category: 'lump-sums', rateText: '15%' },
  'flat-rate-base/simplified-rate': { line: 'lump-sums', rateText: '10%' },
  'euro-mismatch': {
    id: 'erdf',
    currency: 'LVL',
    rate: '0.702804',
    national: d('7621.41'),
    nationalDecimals: 2,
    euro: d('10844.30'),
    fromNational: d('10844.29'),
    fromEuro: d('7621.42'),
  },
  'period-share-mismatch': { period: 2, id: 'erdf', declared: m('5787'), computed: m('5786'), remainder: true },
  'periods-budget-mismatch/last': {
    sum: m('12750'),
    budget: m('12758'),
    period: 2,
    written: m('6800'),
    rest: m('6808'),
  },
  'periods-budget-mismatch/categories': { period: 1, budget: m('3000'), categories: m('2500') },
  'periods-budget-mismatch/category': {
    period: 1,
    category: 'other',
    amount: m('100'),
    categories: ['staff', 'travel'],
  },
  'periods-budget-mismatch/no-costs': { period: 1, amount: m('3000'), categories: ['staff'] },
  'periods-budget-mismatch/flat-rate': {
    period: 1,
    category: 'office',
    rate: '15% of staff',
    base: m('500'),
    computed: m('75'),
    written: m('100'),
  },
  'budget-unit/period': {
    period: 1,
    budget: d('500.5'),
    budgetScale: 2,
    unit: d('1'),
    finer: d('0.01'),
    unitFrom: 'amounts',
    currency: 'EUR',
  },
  'periods-over-budget/total': { periods: [1], planned: m('13000'), budget: m('12758') },
  'periods-over-budget/category': { category: 'staff', planned: m('6500'), budget: m('6000') },
  'periods-unchecked': { reason: 'fixed' },
  'periods-budget-implied': { planned: m('10470'), budget: d('10000') },
  'programme-rate-above-maximum': {
    funds: ['erdf'],
    total: d('85'),
    programme: 'URBACT III',
    who: 'partners from more developed regions (ERDF)',
    maximum: d('70'),
    source: 'ÖROK, "URBACT III | Programmbudget"',
  },
  'programme-category-unknown': {
    programme: 'Interreg Europe',
    maximum: d('80'),
    category: 'public',
    categories: ['public', 'private-non-profit', 'norway'],
  },
  'programme-flat-rate-above-maximum': {
    category: 'office',
    rateText: '20%',
    base: 'staff',
    programme: 'Interreg Central Baltic',
    maximum: d('15'),
    source: 'Regulation (EU) 2021/1059, Article 40(2)',
  },
  'programme-flat-rate-not-allowed': {
    category: 'travel',
    rateText: '15%',
    base: ['direct'],
    programme: 'Interreg Europe',
    allowed: [{ base: 'staff', maximum: d('15') }],
    source: 'Interreg Europe, programme manual 6.2.3',
  },
  'programme-rounding-differs': {
    method: 'half-up',
    unit: d('1'),
    system: 'Jems',
    programme: 'Interreg Central Baltic',
    systemMethod: 'fund-down',
    systemUnit: d('0.01'),
    source: 'centralbaltic.eu, FAQs',
  },
};

/** Every finding code check makes (the compiler asks for each). */
const CODES: Record<FindingCode, true> = {
  'sum-mismatch': true,
  'rates-sum': true,
  'budget-mismatch': true,
  'budget-unit': true,
  'amount-unit': true,
  'flat-rate-base': true,
  'flat-rate-combination': true,
  'flat-rate-high': true,
  'duplicate-partner': true,
  'source-conflict': true,
  'share-mismatch': true,
  'budget-implied-mismatch': true,
  'rate-display': true,
  'rounding-method': true,
  'rounding-drift': true,
  'rest-negative': true,
  'project-total': true,
  'project-unaccounted': true,
  'eu-rate-high': true,
  'zero-amount': true,
  'zero-budget': true,
  'euro-mismatch': true,
  'period-share-mismatch': true,
  'periods-budget-mismatch': true,
  'periods-over-budget': true,
  'periods-unchecked': true,
  'periods-budget-implied': true,
  'programme-rate-above-maximum': true,
  'programme-category-unknown': true,
  'programme-flat-rate-above-maximum': true,
  'programme-flat-rate-not-allowed': true,
  'programme-rounding-differs': true,
  'hidden-digits': true,
  'hidden-row': true,
  'hidden-column': true,
  'hidden-sheet': true,
  'formula-without-value': true,
  'total-row-by-sum': true,
  'extract-doubts': true,
  'extract-conflict': true,
};
const codeOf = (key: string) => key.split('/')[0]!;

describe("Latvian amounts past Intl's 20 decimals (Node 20), exactly", () => {
  const money = (currency: string) => (places: number) =>
    new Intl.NumberFormat('lv', {
      style: 'currency',
      currency,
      minimumFractionDigits: places,
      maximumFractionDigits: places,
    });
  const number = (places: number) =>
    new Intl.NumberFormat('lv', { minimumFractionDigits: places, maximumFractionDigits: places });
  const percent = (places: number) =>
    new Intl.NumberFormat('lv', {
      style: 'unit',
      unit: 'percent',
      minimumFractionDigits: places,
      maximumFractionDigits: places,
    });

  it('property: the spliced way gives what Intl writes, at every count of decimals Intl takes (1 to 20)', () => {
    let grouped = 0;
    let negative = 0;
    let small = 0;
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }),
        fc.integer({ min: 1, max: 20 }),
        fc.constantFrom('EUR', 'LVL', 'USD', 'number', 'percent'),
        (units, places, kind) => {
          const text = d(units.toString()).div(d('10').pow(places)).toFixed(places);
          if ((text.replace('-', '').split('.')[0] ?? '').length > 4) grouped++;
          if (units < 0n) negative++;
          if (/^-?0\./.test(text)) small++;
          const make = kind === 'number' ? number : kind === 'percent' ? percent : money(kind);
          // limit 0: always spliced; the default: Intl alone at these places
          expect(lvExact(make, text, places, 0)).toBe(lvExact(make, text, places));
        },
      ),
      { seed: 20261207, numRuns: 1500 },
    );
    expect(grouped).toBeGreaterThan(300);
    expect(negative).toBeGreaterThan(300);
    expect(small).toBeGreaterThan(30);
  });

  it('by hand: 21, 60 and 150 decimals, money, numbers, percentages and the text path of report notes', () => {
    expect(formatMoney(d('1234567.123456789012345678901'), 'EUR', 2, 'lv')).toBe(
      `1${NBSP}234${NBSP}567,123456789012345678901${NBSP}€`,
    );
    expect(formatMoney(d('-0.000000000000000000001'), 'EUR', 21, 'lv')).toBe(`-0,000000000000000000001${NBSP}€`);
    expect(formatMoney(d('0'), 'EUR', 25, 'lv')).toBe(`0,${'0'.repeat(25)}${NBSP}€`);
    const sixty = `0.${'0'.repeat(59)}1`;
    expect(formatNumber(d(sixty), 0, 'lv')).toBe(sixty.replace('.', ','));
    const long = `12758.${'3'.repeat(150)}`;
    expect(formatNumber(d(long), 2, 'lv')).toBe(`12${NBSP}758,${'3'.repeat(150)}`);
    expect(formatPercent(d(`84.${'9'.repeat(30)}`), 'lv')).toBe(`84,${'9'.repeat(30)}%`);
    expect(formatMoney(d('5'), 'XYZ', 22, 'lv')).toBe(`5,${'0'.repeat(22)}${NBSP}XYZ`);
    expect(formatMoneyText('-12758.1234567890123456789012', 'EUR', 2, 'lv')).toBe(
      `-12${NBSP}758,1234567890123456789012${NBSP}€`,
    );
    // up to 20 decimals, as before
    expect(formatMoney(d('12758.5'), 'EUR', 20, 'lv')).toBe(`12${NBSP}758,5${'0'.repeat(19)}${NBSP}€`);
  });
});

describe('every finding has words in both languages', () => {
  it('each code has Latvian words, and each Latvian key is a code', () => {
    const keys = Object.keys(FINDINGS_LV);
    for (const code of Object.keys(CODES))
      expect(
        keys.some((key) => codeOf(key) === code),
        code,
      ).toBe(true);
    for (const key of keys) expect(Object.keys(CODES), key).toContain(codeOf(key));
  });

  it.each(Object.keys(SAMPLES) as SaidKey[])('%s: a Latvian message and hint, whole', (key) => {
    const words = (FINDINGS_LV[key] as (f: unknown, label: string) => { message: string; hint: string })(
      SAMPLES[key],
      'partneris "LP": ',
    );
    for (const text of [words.message, words.hint]) {
      expect(text.length).toBeGreaterThan(10);
      // English words left over (the file syntax "15% of staff" is quoted as written)
      expect(text).not.toMatch(/undefined|NaN|\[object|\bthe\b|\bis\b|\band\b/);
    }
  });

  it('property: a finding of any fixture is phrased in Latvian from its own figures, under its own code', async () => {
    const io = {
      stdout: { write: () => true, isTTY: false },
      stderr: { write: () => true, isTTY: false },
      stdin: new PassThrough(),
      env: {},
      cwd: root,
    };
    const report = await checkCommand({ paths: ['fixtures'], format: 'json', strict: true }, io);
    const seen = new Set<string>();
    for (const file of report.files) {
      for (const f of file.findings) {
        if (file.verdict === 'invalid') {
          expect(f.said).toBeUndefined(); // an input error is said in English (README, "Languages")
          continue;
        }
        if (file.claims) continue; // a claim file's findings are cofin claim's, in English (README, "Languages")
        expect(f.said, `${file.file} ${f.code}`).toBeDefined();
        expect(codeOf(f.said!.key)).toBe(f.code);
        const lv = localFinding(f, 'lv');
        expect(lv.message).not.toBe(f.message);
        expect(lv.code).toBe(f.code);
        expect(lv.message).not.toMatch(/undefined|NaN|\[object/);
        seen.add(f.said!.key);
      }
    }
    // the fixtures reach most words: a floor, so that this test keeps testing
    expect(seen.size).toBeGreaterThanOrEqual(12);
  });
});
