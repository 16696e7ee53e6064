// Approximate budgets against the independent reference test/reference/approximate.ts (README's step 7 with
// an approximate budget: the rated declared amounts must agree with one budget B′). Seeded and bounded:
// FUZZ_SEED=7 FUZZ_RUNS=3000 npx vitest run test/budget-implied.property.test.ts runs them longer.
// Each property counts the paths its cases reach and asserts a floor after the run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBudgetFile, parseBudgetFile } from '../src/index.js';
import { APPROX_CODES, referenceApproximate, type ApproxSource, type ApproxSpec } from './reference/approximate.js';
import {
  div,
  floorInt,
  mul,
  q,
  referenceRuleShares,
  roundHalfUpTo,
  toDecimalString,
  type Method,
  type Q,
} from './reference/model.js';

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20_261_203;
const RUNS = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : undefined;
const params = (n: number) => ({ seed: SEED, numRuns: RUNS ?? n, endOnFailure: false });
const TIMEOUT = 120_000;

/** Reads choices off a list of numbers, 0 when it runs out (a shrunk case is the first choice of each). */
class Tape {
  private i = 0;
  constructor(private readonly xs: readonly number[]) {}
  int(max: number): number {
    if (max <= 0) return 0;
    return (this.xs[this.i++] ?? 0) % (max + 1);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length - 1)]!;
  }
}
const tapeArb = fc.noBias(fc.array(fc.nat({ max: 2 ** 31 - 1 }), { minLength: 40, maxLength: 40 }));

const IDS: [string, ApproxSource['kind']][] = [
  ['erdf', 'eu-fund'],
  ['national', 'public'],
  ['municipal', 'public'],
];
const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
const babs = (a: bigint) => (a < 0n ? -a : a);
function gcd(a: bigint, b: bigint): bigint {
  a = babs(a);
  b = babs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
/** x with a·x ≡ 1 (mod m), gcd(a, m) = 1. */
function inverse(a: bigint, m: bigint): bigint {
  let [r0, r1, s0, s1] = [((a % m) + m) % m, m, 1n, 0n];
  while (r1 !== 0n) {
    const k = r0 / r1;
    [r0, r1] = [r1, r0 - k * r1];
    [s0, s1] = [s1, s0 - k * s1];
  }
  return ((s0 % m) + m) % m;
}
/** Whole d1, d2 with r2·d1 − r1·d2 = c, d1 near `near` (the nearest of its solutions). */
function solve(r1: bigint, r2: bigint, c: bigint, near: bigint): [bigint, bigint] {
  const g = gcd(r1, r2);
  const [a, b, k] = [r2 / g, r1 / g, c / g];
  // a·d1 ≡ k (mod b)
  const base = b === 1n ? 0n : ((((k % b) + b) % b) * inverse(a, b)) % b;
  const d1 = base + ((near - base) / b) * b;
  return [d1, (a * d1 - k) / b];
}

type Mode = 'split' | 'independent' | 'touch' | 'beyond';
interface Case {
  mode: Mode;
  spec: ApproxSpec;
  text: string;
}

/** Whole-number rates of `count` sources adding up to `total`, each at least 1. */
function rates(t: Tape, count: number, total: number): number[] {
  const out: number[] = [];
  let left = total;
  for (let i = 0; i < count - 1; i++) {
    const r = 1 + t.int(left - (count - i));
    out.push(r);
    left -= r;
  }
  out.push(left);
  return out;
}

function genCase(t: Tape, forced?: Mode): Case {
  const mode = forced ?? t.pick<Mode>(['split', 'split', 'independent', 'independent', 'touch', 'beyond']);
  const edge = mode === 'touch' || mode === 'beyond';
  // ~m·10^k: tolerance 10^k / 2, or 10^(k−1) / 2 for a one-digit m (two significant figures at least; edges want a
  // tolerance wide enough for step 7 to pass)
  const k = edge ? 3 + t.int(1) : 1 + t.int(3);
  // a quarter of the budgets are round (~5 000, ~30 000): one significant digit, their tolerance from the second
  let m = t.int(3) === 0 ? 1 + t.int(8) : 1 + t.int(998);
  if (m % 10 === 0) m += 1;
  if (m < 10 && k === 1) m += 10;
  const B = BigInt(m) * 10n ** BigInt(k);
  const T = 10n ** BigInt(m < 10 ? k - 1 : k) / 2n;
  const withRest = t.int(3) === 0;
  const count = edge && !withRest ? 2 : 2 + t.int(1);
  const rated = rates(t, count, withRest ? 100 - (1 + t.int(29)) : 100);
  const ids = IDS.slice(0, count);
  const declared: bigint[] = [];
  let budgetPrime: Q = q(B);
  if (mode === 'split' || mode === 'independent') {
    budgetPrime = q(B - T + BigInt(t.int(Number(2n * T))));
    if (mode === 'split') {
      // the shares of a split of B′ by largest-remainder at unit 1 (with a rest, the rest takes its own share)
      const shares = referenceRuleShares(
        {
          budget: toDecimalString(budgetPrime),
          sources: [
            ...ids.map(([id, kind], i) => ({ id, kind, rate: String(rated[i]) })),
            ...(withRest ? [{ id: 'private', kind: 'private' as const, rest: true as const }] : []),
          ],
        },
        'largest-remainder',
        '1',
      ).shares;
      for (let i = 0; i < count; i++) declared.push(BigInt(shares[i]!));
    } else {
      for (let i = 0; i < count; i++) {
        const own = q(B - T + BigInt(t.int(Number(2n * T))));
        declared.push(floorInt(roundHalfUpTo(div(mul(own, q(BigInt(rated[i]!))), q(100n)), q(1n))));
      }
    }
  } else {
    const [r1, r2] = [BigInt(rated[0]!), BigInt(rated[1]!)];
    const near = (B * r1) / 100n;
    if (withRest) {
      // (d1 − 1) ÷ r1 = (d2 + 1) ÷ r2: source 1's interval starts where source 2's ends
      const [d1, d2] = solve(r1, r2, r1 + r2, near);
      declared.push(d1, d2);
      budgetPrime = div(mul(q(d1 - 1n), q(100n)), q(r1));
      if (count === 3)
        declared.push(floorInt(roundHalfUpTo(div(mul(budgetPrime, q(BigInt(rated[2]!))), q(100n)), q(1n))));
    } else {
      // B′ = d1 + d2 and d1 = B′ × r1 ÷ 100 + 1: r2·d1 − r1·d2 = 100
      const [d1, d2] = solve(r1, r2, 100n, near);
      declared.push(d1, d2);
      budgetPrime = q(d1 + d2);
    }
    // one unit past the touch: source 1's interval leaves the others'
    if (mode === 'beyond') declared[0] = declared[0]! + 1n;
  }
  // an approximate declared amount now and then (never at an edge: its tolerance moves the ends)
  const approximate = !edge && t.int(4) === 0 ? t.int(count - 1) : -1;
  const method = t.pick<Method | undefined>([
    undefined,
    undefined,
    undefined,
    'largest-remainder',
    'half-up',
    'fund-down',
  ]);
  const sources: ApproxSource[] = ids.map(([id, kind], i) => {
    let amount = group(String(declared[i]!));
    // to tens, within the tolerance of ~N only from 100 (~20 is two significant figures: 19.5 to 20.5)
    const rounded = ((declared[i]! + 5n) / 10n) * 10n;
    if (i === approximate && rounded >= 100n) amount = `~${group(String(rounded))}`;
    return { id, kind, rate: String(rated[i]), amount };
  });
  if (withRest) sources.push({ id: 'private', kind: 'private', rest: true });
  const spec: ApproxSpec = { budget: `~${group(String(B))}`, sources, ...(method ? { method } : {}) };
  const lines = [
    'partner: P',
    `budget: "${spec.budget}"`,
    ...(method ? [`rounding: { method: ${method} }`] : []),
    'funding:',
    ...sources.map((s) => (s.rest ? `  ${s.id}: rest` : `  ${s.id}: { rate: ${s.rate}%, amount: "${s.amount}" }`)),
  ];
  return { mode, spec, text: lines.join('\n') + '\n' };
}

function cofin(text: string) {
  const r = checkBudgetFile(parseBudgetFile(text, 'yaml'));
  const errors = new Set(
    r.findings.filter((f) => f.severity === 'error' && APPROX_CODES.has(f.code)).map((f) => f.code),
  );
  return { verdict: r.verdict, errors, findings: r.findings };
}

class Counts {
  readonly n = new Map<string, number>();
  hit(path: string, cond = true) {
    if (cond) this.n.set(path, (this.n.get(path) ?? 0) + 1);
  }
  get(path: string) {
    return this.n.get(path) ?? 0;
  }
}

function compare(c: Case, counts: Counts) {
  const ref = referenceApproximate(c.spec);
  const got = cofin(c.text);
  expect({ verdict: got.verdict, errors: [...got.errors].sort(), text: c.text }).toEqual({
    verdict: ref.verdict,
    errors: [...ref.errors].sort(),
    text: c.text,
  });
  const fires = ref.errors.has('budget-implied-mismatch');
  counts.hit('fires', fires);
  counts.hit('one budget', ref.evaluated && !fires);
  counts.hit('touching', ref.touching);
  counts.hit('touching passes', ref.touching && ref.verdict === 'pass');
  counts.hit('beyond fires', c.mode === 'beyond' && fires);
  counts.hit('pinned', ref.pinned);
  counts.hit(
    'with a rest',
    c.spec.sources.some((s) => s.rest),
  );
  counts.hit('three rated', c.spec.sources.filter((s) => !s.rest).length === 3);
  counts.hit(
    'approximate amount',
    c.spec.sources.some((s) => s.amount?.startsWith('~')),
  );
  counts.hit('share-mismatch first', ref.errors.has('share-mismatch'));
  counts.hit('one significant digit', /^~[1-9][0 ]*$/.test(c.spec.budget));
  counts.hit('one significant digit fires', /^~[1-9][0 ]*$/.test(c.spec.budget) && ref.verdict === 'fail');
  counts.hit('pass', ref.verdict === 'pass');
  return { ref, got };
}

describe('step 7 with an approximate budget: one budget for every rated declared amount', () => {
  it(
    "cofin's verdict and errors equal the reference on generated partners",
    () => {
      const counts = new Counts();
      fc.assert(
        fc.property(tapeArb, (xs) => {
          compare(genCase(new Tape(xs)), counts);
        }),
        params(1200),
      );
      console.log('budget-implied coverage', Object.fromEntries(counts.n));
      expect(counts.get('fires')).toBeGreaterThanOrEqual(50);
      expect(counts.get('one budget')).toBeGreaterThanOrEqual(50);
      expect(counts.get('touching')).toBeGreaterThanOrEqual(20);
      expect(counts.get('touching passes')).toBeGreaterThanOrEqual(20);
      expect(counts.get('beyond fires')).toBeGreaterThanOrEqual(20);
      expect(counts.get('with a rest')).toBeGreaterThanOrEqual(50);
      expect(counts.get('three rated')).toBeGreaterThanOrEqual(50);
      expect(counts.get('approximate amount')).toBeGreaterThanOrEqual(20);
      expect(counts.get('pinned')).toBeGreaterThanOrEqual(50);
      expect(counts.get('one significant digit')).toBeGreaterThanOrEqual(100);
      expect(counts.get('one significant digit fires')).toBeGreaterThanOrEqual(20);
    },
    TIMEOUT,
  );

  it(
    'the shares of a split of any B′ within the tolerance never imply different budgets',
    () => {
      const counts = new Counts();
      fc.assert(
        fc.property(tapeArb, (xs) => {
          const c = genCase(new Tape(xs), 'split');
          const { got } = compare(c, counts);
          expect(got.errors.has('budget-implied-mismatch')).toBe(false);
          // exact declared amounts of a split: a fail is only step 7's own test near the tolerance's ends
          if (got.verdict === 'fail') expect([...got.errors], c.text).toEqual(['share-mismatch']);
        }),
        params(400),
      );
      console.log('split coverage', Object.fromEntries(counts.n));
      expect(counts.get('pass')).toBeGreaterThanOrEqual(300);
      expect(counts.get('pinned')).toBeGreaterThanOrEqual(100);
    },
    TIMEOUT,
  );

  it(
    'one declared amount moved a unit past the touching intervals fails; at the touch it passes',
    () => {
      const counts = new Counts();
      fc.assert(
        fc.property(tapeArb, (xs) => {
          const touch = genCase(new Tape(xs), 'touch');
          const beyond = genCase(new Tape(xs), 'beyond');
          const a = compare(touch, counts);
          const b = compare(beyond, counts);
          if (a.ref.touching) {
            expect(a.got.errors.has('budget-implied-mismatch')).toBe(false);
            // the same partner, one amount a unit further: no budget gives them all
            expect(b.got.verdict).toBe('fail');
          }
        }),
        params(200),
      );
      expect(counts.get('touching passes')).toBeGreaterThanOrEqual(100);
      expect(counts.get('beyond fires')).toBeGreaterThanOrEqual(100);
    },
    TIMEOUT,
  );
});

describe('the message names each implied budget', () => {
  it("the user's file: 8 900 at 85% and 1 500 at 15% of ~10 000", () => {
    const text =
      'partner: X\nbudget: ~10 000\nfunding:\n  erdf: { rate: 85%, amount: 8 900 }\n' +
      '  national: { rate: 15%, amount: 1 500 }\n';
    const r = cofin(text);
    expect(r.verdict).toBe('fail');
    expect(r.findings.map((f) => [f.code, f.message, f.hint, f.line, f.column])).toEqual([
      [
        'budget-implied-mismatch',
        'the declared amounts imply different budgets: erdf EUR 8 900 at 85% a budget of EUR 10 470.59, ' +
          'national EUR 1 500 at 15% EUR 10 000.00, their sum EUR 10 400; the budget EUR ~10 000 allows ' +
          'EUR 9 500 to EUR 10 500',
        'correct the amount or the rate that disagrees, or write the exact budget',
        2,
        9,
      ],
    ]);
  });
  it('an exact budget is held by step 7 alone; so is an amount that disagrees on its own', () => {
    const exact = cofin(
      'partner: X\nbudget: 10 000\nfunding:\n  erdf: { rate: 85%, amount: 8 900 }\n  national: 15%\n',
    );
    expect(exact.findings.map((f) => f.code)).toEqual(['share-mismatch']);
    const far = cofin(
      'partner: X\nbudget: ~10 000\nfunding:\n  erdf: { rate: 85%, amount: 14 000 }\n  national: 15%\n',
    );
    expect(far.findings.map((f) => f.code)).toEqual(['share-mismatch']);
  });
  it('amounts of one budget pass: 8 840 and 1 560 are 85% and 15% of 10 400', () => {
    const r = cofin(
      'partner: X\nbudget: ~10 000\nfunding:\n  erdf: { rate: 85%, amount: 8 840 }\n  national: { rate: 15%, amount: 1 560 }\n',
    );
    expect(r.verdict).toBe('pass');
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
