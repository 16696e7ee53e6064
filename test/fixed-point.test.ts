import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { Decimal, toFixedString } from '../src/core/decimal.js';
import { fromScaled, toScaled } from '../src/core/fixed-point.js';

describe('fixed point', () => {
  it.each([
    ['0', 2, 0n],
    ['12758', 0, 12758n],
    ['12758', 2, 1275800n],
    ['10844.3', 2, 1084430n],
    ['0.0001', 4, 1n],
    ['123456789012345678.123456789', 9, 123456789012345678123456789n],
    ['1e-7', 7, 1n],
    ['1500000000', 0, 1500000000n],
  ])('%s at scale %i is %s', (text, scale, scaled) => {
    expect(toScaled(new Decimal(text), scale)).toBe(scaled);
    expect(fromScaled(scaled, scale).eq(new Decimal(text))).toBe(true);
  });

  it('refuses a value with more decimals than the scale', () => {
    expect(toScaled(new Decimal('0.125'), 2)).toBeUndefined();
  });

  it('round-trips any decimal of up to 30 digits', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.integer({ min: 0, max: 12 }), (scaled, scale) => {
        const decimal = fromScaled(scaled, scale);
        expect(toScaled(decimal, scale)).toBe(scaled);
        expect(toScaled(decimal, scale + 3)).toBe(scaled * 1000n);
      }),
      { seed: 20261126, numRuns: 300 },
    );
  });
});

type CheckModules = { check: typeof import('../src/core/check.js'); loader: typeof import('../src/io/budget-file.js') };

/** The check as it runs, and the general check alone (the fixed-point path stubbed out). */
async function bothChecks(): Promise<{ fast: CheckModules; general: CheckModules }> {
  const fast = { check: await import('../src/core/check.js'), loader: await import('../src/io/budget-file.js') };
  vi.resetModules();
  vi.doMock('../src/core/fixed-point.js', () => ({ agreeingShares: () => undefined, agreeingCheck: () => undefined }));
  const general = { check: await import('../src/core/check.js'), loader: await import('../src/io/budget-file.js') };
  vi.doUnmock('../src/core/fixed-point.js');
  vi.resetModules();
  return { fast, general };
}

/** Everything a check reports, amounts as their decimal text. */
function outcome(modules: CheckModules, yaml: string) {
  const result = modules.check.checkBudgetFile(modules.loader.parseBudgetFile(yaml, 'yaml'));
  const text = (value: { toFixed(): string } | undefined) => value?.toFixed();
  return {
    verdict: result.verdict,
    findings: result.findings,
    partners: result.partners.map((p) => ({
      unit: text(p.unit),
      method: p.method,
      shares: p.shares.map((s) => [s.id, s.kind, text(s.rate), text(s.derivedRate), text(s.exact), text(s.computed), s.declared?.text, text(s.difference), s.status]),
    })),
  };
}

const IDS = ['erdf', 'esf', 'municipal', 'state', 'private', 'national'];

/** Budget files of one to three partners: rates that usually cover the budget, declared amounts that usually agree. */
const budgetFile = fc
  .record({
    unit: fc.constantFrom(undefined, '1', '0.01', '10'),
    method: fc.constantFrom(undefined, 'largest-remainder', 'fund-down', 'half-up'),
    partners: fc.array(
      fc.record({
        budget: fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 10n }), fc.constantFrom(0, 0, 1, 2), fc.constantFrom('', '', '', '~')),
        rates: fc.array(fc.tuple(fc.integer({ min: 1, max: 8500 }), fc.constantFrom(0, 0, 1, 2)), { minLength: 1, maxLength: 4 }),
        ending: fc.constantFrom('rest', 'complement', 'fixed', 'none'),
        declare: fc.array(fc.constantFrom('none', 'none', 'agree-half-up', 'agree-half-up', 'agree-down', 'off-by-one', 'fine'), { minLength: 5, maxLength: 5 }),
        declareUnit: fc.constantFrom(0, 2),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map(({ unit, method, partners }) => {
    const lines: string[] = [];
    if (unit || method) lines.push(`rounding: { ${[unit && `unit: ${unit}`, method && `method: ${method}`].filter(Boolean).join(', ')} }`);
    lines.push('partners:');
    partners.forEach((p, index) => {
      const [digits, scale, approx] = p.budget;
      const budget = new Decimal(digits.toString()).div(new Decimal(10).pow(scale));
      lines.push(`  - partner: P${index}`, `    budget: "${approx}${budget.toFixed(scale)}"`, '    funding:');
      let left = new Decimal(100);
      const sources: [string, Decimal | undefined][] = [];
      p.rates.forEach(([r, s], k) => {
        const rate = Decimal.min(left, new Decimal(r).div(100).toDecimalPlaces(s, Decimal.ROUND_DOWN));
        left = left.minus(rate);
        sources.push([IDS[k]!, rate]);
      });
      const last = IDS[p.rates.length]!;
      if (p.ending === 'complement' && left.gt(0)) sources.push([last, left]);
      sources.forEach(([id, rate], k) => {
        const exact = budget.times(rate!).div(100);
        const mode = p.declare[k]!;
        const amount =
          mode === 'agree-half-up' ? exact.toDecimalPlaces(p.declareUnit, Decimal.ROUND_HALF_UP)
          : mode === 'agree-down' ? exact.toDecimalPlaces(p.declareUnit, Decimal.ROUND_DOWN)
          : mode === 'off-by-one' ? exact.toDecimalPlaces(0, Decimal.ROUND_DOWN).plus(1)
          : mode === 'fine' ? exact
          : undefined;
        // three decimals read as a thousands group ("866.201"); a fourth digit makes them decimals
        const written = amount?.toFixed().replace(/(\.[0-9]{3})$/, '$10');
        lines.push(written ? `      ${id}: { rate: "${rate!.toFixed()}%", amount: "${written}" }` : `      ${id}: "${rate!.toFixed()}%"`);
      });
      if (p.ending === 'rest') lines.push(`      ${last}: rest`);
      if (p.ending === 'fixed') lines.push(`      ${last}: { amount: "${budget.times(left).div(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed()}" }`);
    });
    return lines.join('\n') + '\n';
  });

describe('the fixed-point check agrees with the general check', () => {
  it('on every generated file: same verdict, findings, shares and amounts', async () => {
    const { fast, general } = await bothChecks();
    let agreeing = 0;
    fc.assert(
      fc.property(budgetFile, (yaml) => {
        const expected = outcome(general, yaml);
        expect(outcome(fast, yaml)).toEqual(expected);
        const named = new Set(expected.findings.map((f) => f.partner));
        agreeing += expected.partners.filter((_, index) => !named.has(`P${index}`)).length;
      }),
      { seed: Number(process.env.FUZZ_SEED ?? 20261126), numRuns: Number(process.env.FUZZ_RUNS ?? 600) },
    );
    // the generator must reach the fixed-point path often (partners without findings), or the property proves little
    expect(agreeing).toBeGreaterThan(150);
  });
});

describe('toFixedString', () => {
  /** decimal.js's own text, as toFixedString was first written. */
  const reference = (value: Decimal, minScale: number) => {
    const text = value.toFixed(Math.max(minScale, value.decimalPlaces()));
    return value.isZero() ? text.replace(/^-/, '') : text;
  };

  it.each([['0'], ['-0'], ['12758'], ['10844.3'], ['0.05'], ['1000'], ['1e-9'], ['-3.14'], ['1e21'], ['123456789012345678901234567890.123456789']])('%s', (text) => {
    for (const scale of [0, 2, 4]) expect(toFixedString(new Decimal(text), scale)).toBe(reference(new Decimal(text), scale));
  });

  it('writes every decimal as decimal.js does, at every scale', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.integer({ min: -20, max: 30 }), fc.integer({ min: 0, max: 8 }), (digits, exponent, scale) => {
        const value = new Decimal(`${digits}e${exponent}`);
        expect(toFixedString(value, scale)).toBe(reference(value, scale));
      }),
      { seed: 20261126, numRuns: 2000 },
    );
  });
});
