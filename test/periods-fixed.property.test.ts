import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseBudgetFile } from '../src/io/budget-file.js';
import { checkBudgetFile } from '../src/core/check.js';
import {
  categoriesOutsideBudget,
  periodFlatRate,
  periodOffUnit,
  planModel,
  type ModelMethod,
  type ModelSource,
} from './reference/periods.js';

// A budget file's plan per period against the independent model of test/reference/periods.ts
// (exact rationals in BigInt cents, no code from src/): sources given as an amount share each period
// in proportion to its budget, rounded by the partner's rule, the last period the remainder; and a
// period that plans a category the budget does not have is an error.

const check = (yaml: string) => checkBudgetFile(parseBudgetFile(yaml, 'yaml'));
const fmt = (cents: bigint) => {
  const sign = cents < 0n ? '-' : '';
  const a = cents < 0n ? -cents : cents;
  return `${sign}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
};
const toCents = (text: string) => BigInt(text.replace('.', ''));

interface Case {
  method: ModelMethod;
  /** Whole percent rates; the first is erdf (a fund), the second municipal. */
  rates: number[];
  /** Amounts in cents: the first cf (a fund), the second private. */
  amounts: bigint[];
  rest: boolean;
  before: bigint[];
  extra: bigint;
  /** Jems's preparation and closure periods (lump sums), when the plan has them. */
  preparation: bigint | undefined;
  closure: bigint | undefined;
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    method: fc.constantFrom<ModelMethod>('largest-remainder', 'fund-down'),
    rates: fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 0, maxLength: 2 }),
    amounts: fc.array(fc.bigInt({ min: 1n, max: 300_000n }), { minLength: 1, maxLength: 2 }),
    rest: fc.boolean(),
    before: fc.array(fc.bigInt({ min: 0n, max: 400_000n }), { minLength: 1, maxLength: 4 }),
    extra: fc.bigInt({ min: 0n, max: 400_000n }),
    preparation: fc.option(fc.bigInt({ min: 0n, max: 200_000n }), { nil: undefined }),
    closure: fc.option(fc.bigInt({ min: 0n, max: 200_000n }), { nil: undefined }),
  })
  .filter((c) => c.rest || c.rates.length > 0);

const RATED = ['erdf', 'municipal'] as const;
const FIXED = [
  { id: 'cf', fund: true },
  { id: 'private', fund: false },
] as const;

/**
 * The budget: at least the periods before the last and what the rates and amounts take, so that the rest is not
 * negative. Without a rest, whole euros, and the last amount is what the rates and the other amounts leave.
 */
function budgetOf(c: Case): { budget: bigint; amounts: bigint[] } | undefined {
  const periods = before(c).reduce((a, b) => a + b, 0n) + c.extra;
  const amounts = c.amounts.reduce((a, b) => a + b, 0n);
  const rates = BigInt(c.rates.reduce((a, b) => a + b, 0));
  if (rates >= 100n) return undefined;
  const least = (amounts * 100n + (99n - rates)) / (100n - rates);
  if (c.rest) return { budget: periods > least ? periods : least, amounts: c.amounts };
  const budget = ((periods > least ? periods : least) / 100n + 1n) * 100n;
  const left = budget - (budget * rates) / 100n - c.amounts.slice(0, -1).reduce((a, b) => a + b, 0n);
  return left > 0n ? { budget, amounts: [...c.amounts.slice(0, -1), left] } : undefined;
}

/** Every period but the last reporting period, in the model's order: preparation, reporting periods, closure. */
const before = (c: Case) => [
  ...(c.preparation === undefined ? [] : [c.preparation]),
  ...c.before,
  ...(c.closure === undefined ? [] : [c.closure]),
];

function text(c: Case, budget: bigint): string {
  const lines = [
    ...c.rates.map((r, i) => `  ${RATED[i]}: ${r}%`),
    ...c.amounts.map((a, i) => `  ${FIXED[i]!.id}: { amount: "${fmt(a)}" }`),
    ...(c.rest ? ['  national: rest'] : []),
  ];
  const periods = c.before.map((p, i) => `  - { period: ${i + 1}, budget: "${fmt(p)}" }`);
  if (c.preparation !== undefined) periods.unshift(`  - { period: preparation, budget: "${fmt(c.preparation)}" }`);
  const closure = c.closure === undefined ? [] : [`  - { period: closure, budget: "${fmt(c.closure)}" }`];
  return [
    `budget: "${fmt(budget)}"`,
    'funding:',
    ...lines,
    `rounding: { method: ${c.method}, unit: 0.01 }`,
    'periods:',
    ...periods,
    `  - { period: ${c.before.length + 1} }`,
    ...closure,
    '',
  ].join('\n');
}

const sourcesOf = (c: Case): ModelSource[] => [
  ...c.rates.map((r, i): ModelSource => ({ kind: 'rate', fund: i === 0, hundredths: BigInt(r) * 100n })),
  ...c.amounts.map((a, i): ModelSource => ({ kind: 'amount', fund: FIXED[i]!.fund, cents: a })),
  ...(c.rest ? [{ kind: 'rest', fund: false } as const] : []),
];

describe('property: sources given as an amount, and Jems’s preparation and closure periods, per period (test/reference/periods.ts)', () => {
  it('every share of every period is the model’s; the periods add up to the partner’s shares; every path reached', () => {
    const reached = {
      amountRounded: 0,
      lastDiffers: 0,
      noRest: 0,
      fundDown: 0,
      amountFund: 0,
      zeroPeriod: 0,
      preparationAndClosure: 0,
    };
    fc.assert(
      fc.property(caseArb, (c) => {
        const figures = budgetOf(c);
        fc.pre(figures !== undefined);
        c = { ...c, amounts: figures.amounts };
        const budget = figures.budget;
        const result = check(text(c, budget));
        const partner = result.partners[0]!;
        expect(result.findings.filter((f) => f.code.startsWith('period')).map((f) => f.message)).toEqual([]);
        const planned = planModel(budget, before(c), sourcesOf(c), 1n, c.method);
        // cofin lists the last reporting period before the closure period, as the file does
        const closing = c.closure === undefined ? [] : [planned.periods.at(-2)!];
        const model = {
          whole: planned.whole,
          periods: [
            ...planned.periods.slice(0, before(c).length - closing.length),
            planned.periods.at(-1)!,
            ...closing,
          ],
        };
        expect(partner.shares.map((s) => toCents(s.computed.toFixed(2)))).toEqual(model.whole);
        const periods = partner.periods!;
        const plan = periods.map((p) => p.shares.map((s) => toCents(s.computed.toFixed(2))));
        // the plain rule's last period can go below zero: then a unit moves (trial 8 F1), never a negative share
        if (model.periods.every((row) => row.every((v) => v >= 0n))) expect(plan).toEqual(model.periods);
        for (const row of plan) for (const v of row) expect(v >= 0n).toBe(true);
        // each period's shares add up to its budget (unless every source is a fund under fund-down: nothing takes
        // the remainder, the rule's drift, README "The three rounding rules")
        const fundsOnly = c.method === 'fund-down' && sourcesOf(c).every((s) => s.fund);
        if (!fundsOnly)
          periods.forEach((p) =>
            expect(p.shares.reduce((s, x) => s + toCents(x.computed.toFixed(2)), 0n)).toBe(
              toCents(p.budget.toFixed(2)),
            ),
          );
        const at = c.rates.length;
        // an amount's exact share of a period that is not whole cents: the rule rounded it
        if (c.before.some((p) => (p * c.amounts[0]!) % budget !== 0n)) reached.amountRounded++;
        const last = planned.periods.at(-1)!;
        const lastTotal = budget - before(c).reduce((a, b) => a + b, 0n);
        if ((lastTotal * c.amounts[0]!) % budget !== 0n || last[at]! * budget !== lastTotal * c.amounts[0]!)
          reached.lastDiffers++;
        if (c.preparation !== undefined && c.closure !== undefined) reached.preparationAndClosure++;
        if (!c.rest) reached.noRest++;
        if (c.method === 'fund-down') reached.fundDown++;
        if (c.method === 'fund-down' && c.amounts.length > 0) reached.amountFund++;
        if (c.before.some((p) => p === 0n)) reached.zeroPeriod++;
      }),
      { seed: 1_616, numRuns: 400 },
    );
    expect(reached.amountRounded).toBeGreaterThanOrEqual(300);
    expect(reached.lastDiffers).toBeGreaterThanOrEqual(300);
    expect(reached.noRest).toBeGreaterThanOrEqual(100);
    expect(reached.fundDown).toBeGreaterThanOrEqual(150);
    expect(reached.amountFund).toBeGreaterThanOrEqual(150);
    expect(reached.zeroPeriod).toBeGreaterThanOrEqual(3);
    expect(reached.preparationAndClosure).toBeGreaterThanOrEqual(60);
  });
});

describe('property: a period planning a category the budget does not have is an error (model: categoriesOutsideBudget)', () => {
  const CATEGORIES = ['staff', 'travel', 'external', 'equipment'] as const;
  const arb = fc.record({
    budget: fc.option(fc.subarray([...CATEGORIES], { minLength: 1 }), { nil: undefined }),
    periods: fc.array(
      fc.option(
        fc.uniqueArray(
          fc.record({ category: fc.constantFrom(...CATEGORIES), cents: fc.bigInt({ min: 0n, max: 50_000n }) }),
          {
            minLength: 1,
            maxLength: 3,
            selector: (x) => x.category,
          },
        ),
        { nil: undefined },
      ),
      { minLength: 2, maxLength: 4 },
    ),
  });
  it('the model’s findings, at each period, and never an internal error; every path reached', () => {
    const reached = { noCosts: 0, outside: 0, clean: 0, inLast: 0 };
    fc.assert(
      fc.property(arb, ({ budget, periods }) => {
        const costs = budget?.map((c) => `${c}: 1 000 000`).join(', ');
        const lines = periods.map((p, i) => {
          const parts = p ? `costs: { ${p.map((x) => `${x.category}: "${fmt(x.cents)}"`).join(', ')} }` : 'budget: 1';
          // the last period may write nothing
          return `  - { period: ${i + 1}, ${i === periods.length - 1 && !p ? '' : parts} }`.replace(', }', ' }');
        });
        const yaml = [
          costs ? `costs: { ${costs} }` : 'budget: 10 000 000',
          'funding: { erdf: 80%, national: rest }',
          'periods:',
          ...lines,
          '',
        ].join('\n');
        const findings = check(yaml).findings.filter(
          (f) => f.code === 'periods-budget-mismatch' && /does not have|has no costs/.test(f.message),
        );
        const want = categoriesOutsideBudget(
          budget,
          periods.map((p, i) => ({ period: i + 1, costs: p })),
        );
        expect(
          findings.map((f) => [
            Number(/^period (\d+)/.exec(f.message)![1]),
            /of ([a-z ]+), which/.exec(f.message)?.[1],
          ]),
        ).toEqual(
          want.map((w) => [
            w.period,
            w.category === undefined
              ? undefined
              : {
                  staff: 'staff costs',
                  travel: 'travel and accommodation',
                  external: 'external expertise and services',
                  equipment: 'equipment',
                }[w.category],
          ]),
        );
        if (budget === undefined && want.length > 0) reached.noCosts++;
        if (budget !== undefined && want.length > 0) reached.outside++;
        if (want.length === 0) reached.clean++;
        if (want.some((w) => w.period === periods.length)) reached.inLast++;
      }),
      { seed: 1_617, numRuns: 300 },
    );
    expect(reached.noCosts).toBeGreaterThanOrEqual(40);
    expect(reached.outside).toBeGreaterThanOrEqual(150);
    expect(reached.clean).toBeGreaterThanOrEqual(40);
    expect(reached.inLast).toBeGreaterThanOrEqual(120);
  });
});

describe('property: a period’s flat rate is the budget’s on its base, its written amount held to it; a period off the unit is an error (model: periodFlatRate, periodOffUnit)', () => {
  const arb = fc.record({
    unit: fc.constantFrom(1n, 100n),
    rate: fc.integer({ min: 100, max: 2_500 }),
    periods: fc.array(
      fc.record({
        staff: fc.bigInt({ min: 0n, max: 400_000n }),
        // the office amount the period writes: none, the computed one, or another
        office: fc.constantFrom('none', 'computed', 'other'),
        delta: fc.bigInt({ min: 1n, max: 5_000n }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  });
  it('the model’s office, budget and findings, per period; every path reached', () => {
    const reached = { offUnit: 0, wrong: 0, computed: 0, none: 0, clean: 0 };
    fc.assert(
      fc.property(arb, ({ unit, rate, periods }) => {
        const rateText = `${Math.floor(rate / 100)}${rate % 100 ? `.${String(rate % 100).padStart(2, '0')}` : ''}%`;
        const offices = periods.map((p) => periodFlatRate(p.staff, BigInt(rate), unit));
        const written = periods.map((p, i) =>
          p.office === 'none' ? undefined : p.office === 'computed' ? offices[i]! : offices[i]! + p.delta,
        );
        const lines = periods.map((p, i) => {
          const office = written[i] === undefined ? '' : `, office: "${fmt(written[i])}"`;
          return `  - { period: ${i + 1}, costs: { staff: "${fmt(p.staff)}"${office} } }`;
        });
        const yaml = [
          `costs: { staff: 10 000 000, office: ${rateText} of staff }`,
          'funding: { erdf: 80%, national: rest }',
          `rounding: { unit: ${unit === 1n ? '0.01' : '1'} }`,
          'periods:',
          ...lines,
          `  - { period: ${periods.length + 1} }`,
          '',
        ].join('\n');
        const result = check(yaml);
        const off = periods.flatMap((p, i) => (periodOffUnit(p.staff + offices[i]!, unit) ? [i + 1] : []));
        const unitErrors = result.findings.filter((f) => f.code === 'budget-unit');
        expect(unitErrors.map((f) => Number(/^period (\d+)'s costs/.exec(f.message)![1]))).toEqual(off);
        if (off.length > 0) {
          expect(result.partners[0]!.periods).toBeUndefined();
          reached.offUnit++;
          return;
        }
        const planned = result.partners[0]!.periods!;
        periods.forEach((p, i) => {
          const categories = planned[i]!.categories!;
          expect(toCents(categories.find((c) => c.category === 'office')!.amount.toFixed(2))).toBe(offices[i]);
          expect(toCents(planned[i]!.budget.toFixed(2))).toBe(p.staff + offices[i]!);
        });
        const wrong = periods.flatMap((_, i) => (written[i] !== undefined && written[i] !== offices[i] ? [i + 1] : []));
        const flat = result.findings.filter((f) => f.code === 'periods-budget-mismatch');
        expect(flat.map((f) => Number(/^period (\d+): office is/.exec(f.message)![1]))).toEqual(wrong);
        if (wrong.length > 0) reached.wrong++;
        else reached.clean++;
        if (periods.some((p) => p.office === 'computed')) reached.computed++;
        if (periods.some((p) => p.office === 'none')) reached.none++;
      }),
      { seed: 1_618, numRuns: 300 },
    );
    expect(reached.offUnit).toBeGreaterThanOrEqual(60);
    expect(reached.wrong).toBeGreaterThanOrEqual(60);
    expect(reached.clean).toBeGreaterThanOrEqual(20);
    expect(reached.computed).toBeGreaterThanOrEqual(60);
    expect(reached.none).toBeGreaterThanOrEqual(60);
  });
});
