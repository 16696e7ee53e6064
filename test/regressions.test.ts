/**
 * Named regression tests for the items of issue 10. Each case runs the built
 * CLI as a user would (files written to a temporary folder) or calls the
 * library, and expects what the README's rules say, not what the code did.
 */
import { describe, expect, it } from 'vitest';
import { scratch, type Run } from './e2e/run.js';
import fc from 'fast-check';
import { CofinError, Decimal, checkBudgetFile, parseBudgetFile, split } from '../src/index.js';
import { referenceCheck, type SourceSpec } from './reference/model.js';

const { write, run } = scratch('cofin-regressions-');

interface Finding {
  code: string;
  severity: string;
  message: string;
}
interface Share {
  id: string;
  computed: string;
}
interface FileJson {
  verdict: string;
  findings: Finding[];
  partners: { budget: string; shares: Share[]; costs: { category: string; amount: string }[] | null }[];
}

function json<T>(result: Run): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(`not JSON (exit ${result.code}): ${result.stdout.slice(0, 500)}\n${result.stderr.slice(0, 500)}`);
  }
}

/** `cofin check FILE --format json`: the exit code and the file's part of the report. */
function check(text: string, ext = 'yaml'): { code: number | null; file: FileJson } {
  const result = run(['check', write(text, ext), '--format', 'json']);
  return { code: result.code, file: json<{ files: FileJson[] }>(result).files[0]! };
}

const codes = (file: FileJson) => file.findings.map((f) => f.code);
const findingOf = (file: FileJson, code: string) => file.findings.find((f) => f.code === code);
/** Decimal strings written without trailing zeros, so that `850` and `850.00` compare equal. */
const plain = (text: string) => new Decimal(text).toString();
const computed = (file: FileJson, partner = 0) =>
  Object.fromEntries(file.partners[partner]!.shares.map((s) => [s.id, plain(s.computed)]));

/** `cofin split ... --format json`: source id → rounded amount, and the drift. */
function splitCli(args: string[]): { code: number | null; amounts: Record<string, string>; drift: string } {
  const result = run(['split', ...args, '--format', 'json']);
  const out = json<{ shares: { id: string; amount: string }[]; drift: string }>(result);
  return {
    code: result.code,
    amounts: Object.fromEntries(out.shares.map((s) => [s.id, plain(s.amount)])),
    drift: plain(out.drift),
  };
}

describe('issue 10.1: whole-number rates are prescribed when every source declares an amount', () => {
  it('issue 10.1: 85% + 85% of 1 000 declared as 500 + 500 fails with share-mismatch and rates-sum', () => {
    const { code, file } = check(
      'budget: 1000\nfunding:\n  erdf: { rate: 85%, amount: 500 }\n  national: { rate: 85%, amount: 500 }\n',
    );
    expect(code).toBe(1);
    expect(file.verdict).toBe('fail');
    expect(codes(file)).toContain('share-mismatch');
    expect(codes(file)).toContain('rates-sum');
    // the rates do not cover the budget: each rated share is rounded half-up on its own, never replaced by its declared amount
    expect(computed(file)).toEqual({ erdf: '850', national: '850' });
  });

  it('issue 10.1: 60% + 60% of 1 000 declared as 500 + 500 fails with share-mismatch and rates-sum', () => {
    const { code, file } = check(
      'budget: 1000\nfunding:\n  erdf: { rate: 60%, amount: 500 }\n  national: { rate: 60%, amount: 500 }\n',
    );
    expect(code).toBe(1);
    expect(file.verdict).toBe('fail');
    expect(codes(file)).toContain('share-mismatch');
    expect(codes(file)).toContain('rates-sum');
  });

  it('issue 10.1: 100% + 100% of 1 000 declared as 500 + 500 fails with share-mismatch and rates-sum', () => {
    const { code, file } = check(
      'budget: 1000\nfunding:\n  erdf: { rate: 100%, amount: 500 }\n  national: { rate: 100%, amount: 500 }\n',
    );
    expect(code).toBe(1);
    expect(file.verdict).toBe('fail');
    expect(codes(file)).toContain('share-mismatch');
    expect(codes(file)).toContain('rates-sum');
  });
});

describe('issue 10.2: an approximate budget never relaxes the 100% rule', () => {
  it('issue 10.2: "2,5 milj." at 85% + 13% fails with rates-sum', () => {
    const { code, file } = check('budget: "2,5 milj."\nfunding:\n  erdf: 85%\n  national: 13%\n');
    expect(code).toBe(1);
    expect(file.verdict).toBe('fail');
    expect(codes(file)).toContain('rates-sum');
  });

  it('issue 10.2: "2,5 milj." at 85% + 17% fails with rates-sum, and ERDF stays 2 125 000 (never rescaled)', () => {
    const { code, file } = check('budget: "2,5 milj."\nfunding:\n  erdf: 85%\n  national: 17%\n');
    expect(code).toBe(1);
    expect(file.verdict).toBe('fail');
    expect(codes(file)).toContain('rates-sum');
    expect(computed(file)).toEqual({ erdf: '2125000', national: '425000' });
  });

  it('issue 10.2: "~1 000" at 60% + 45% + rest fails with rates-sum', () => {
    const { code, file } = check(
      'budget: "~1 000"\nfunding:\n  a: { rate: 60%, name: Source A, kind: public }\n  b: { rate: 45%, name: Source B, kind: public }\n  c: { amount: rest, name: Source C, kind: public }\n',
    );
    expect(code).toBe(1);
    expect(file.verdict).toBe('fail');
    expect(codes(file)).toContain('rates-sum');
  });
});

describe('issue 10.3: check and split give one answer when a rest source is involved', () => {
  it("issue 10.3: fund-down, 1 001 with interreg rest and national 15% declared 151 passes with split's shares 850 / 151", () => {
    const { code, file } = check(
      'rounding: { unit: 1, method: fund-down }\nbudget: 1001\nfunding:\n  interreg: rest\n  national: { rate: 15%, amount: 151 }\n',
    );
    const cli = splitCli(['1001', 'interreg=rest', 'national=15%', '--unit', '1', '--method', 'fund-down']);
    expect(cli.code).toBe(0);
    expect(cli.amounts).toEqual({ interreg: '850', national: '151' });
    expect(code).toBe(0);
    expect(file.verdict).toBe('pass');
    expect(codes(file)).not.toContain('share-mismatch');
    expect(computed(file)).toEqual(cli.amounts);
  });

  it('issue 10.3: largest-remainder tie, rest written first: the earlier share (the rest) takes the unit in check and split', () => {
    const { code, file } = check(
      'rounding: { unit: 1, method: largest-remainder }\nbudget: 1001\nfunding:\n  a: { amount: rest, name: Source A }\n  b: { rate: 50%, name: Source B }\n',
    );
    const cli = splitCli(['1001', 'a=rest', 'b=50%', '--unit', '1', '--method', 'largest-remainder']);
    expect(cli.code).toBe(0);
    expect(cli.amounts).toEqual({ a: '501', b: '500' });
    expect(code).toBe(0);
    expect(computed(file)).toEqual(cli.amounts);
  });

  it('issue 10.3: largest-remainder tie, rest written last: the earlier share (the rated one) takes the unit in check and split', () => {
    const { code, file } = check(
      'rounding: { unit: 1, method: largest-remainder }\nbudget: 1001\nfunding:\n  b: { rate: 50%, name: Source B }\n  a: { amount: rest, name: Source A }\n',
    );
    const cli = splitCli(['1001', 'b=50%', 'a=rest', '--unit', '1', '--method', 'largest-remainder']);
    expect(cli.code).toBe(0);
    expect(cli.amounts).toEqual({ b: '501', a: '500' });
    expect(code).toBe(0);
    expect(computed(file)).toEqual(cli.amounts);
  });
});

describe('issue 10.4: figures that are not whole units are errors', () => {
  it('issue 10.4: a budget of 1 000.5 at unit 1 fails with budget-unit', () => {
    const { code, file } = check('rounding: { unit: 1 }\nbudget: 1000.5\nfunding:\n  erdf: 85%\n  national: rest\n');
    expect(code).toBe(1);
    expect(file.verdict).toBe('fail');
    expect(codes(file)).toContain('budget-unit');
  });

  it("issue 10.4: a JSON budget 12.758 (a number) at the currency's unit 0.01 fails with budget-unit", () => {
    const { code, file } = check(
      '{ "partner": "P", "budget": 12.758, "funding": { "erdf": "85%", "national": "rest" } }\n',
      'json',
    );
    expect(code).toBe(1);
    expect(file.verdict).toBe('fail');
    expect(codes(file)).toContain('budget-unit');
  });

  it('issue 10.4: a fixed amount "150.15" at unit 1 fails with amount-unit', () => {
    const { code, file } = check(
      'rounding: { unit: 1 }\nbudget: 1001\nfunding:\n  erdf: 85%\n  national: { amount: "150.15" }\n',
    );
    expect(code).toBe(1);
    expect(file.verdict).toBe('fail');
    expect(codes(file)).toContain('amount-unit');
  });
});

describe('issue 10.5: shares that do not add up are reported', () => {
  it('issue 10.5: fund-down with EU funds only, 101 at 50.5% + 49.5%: 51 + 49, a rounding-drift warning; split shows drift -1', () => {
    const { file } = check(
      'rounding: { unit: 1, method: fund-down }\nbudget: 101\nfunding:\n  erdf: 50.5%\n  interreg: 49.5%\n',
    );
    expect(computed(file)).toEqual({ erdf: '51', interreg: '49' });
    expect(findingOf(file, 'rounding-drift')?.severity).toBe('warning');
    const cli = splitCli(['101', 'erdf=50.5%', 'interreg=49.5%', '--unit', '1', '--method', 'fund-down']);
    expect(cli.code).toBe(0);
    expect(cli.amounts).toEqual({ erdf: '51', interreg: '49' });
    expect(cli.drift).toBe('-1');
  });
});

describe('issue 10.6: one source id, two meanings', () => {
  const FILE = [
    'rounding: { unit: 1 }',
    'partners:',
    '  - partner: A',
    '    budget: 1000',
    '    funding:',
    '      ipa: { rate: 80%, kind: eu-fund, name: IPA }',
    '      national: rest',
    '  - partner: B',
    '    budget: 1000',
    '    funding:',
    '      ipa: { rate: 20%, kind: private, name: IPA sponsor }',
    '      national: rest',
    '',
  ].join('\n');

  it('issue 10.6: check reports source-conflict (an error) for ipa as an EU fund in A and private in B', () => {
    const { code, file } = check(FILE);
    expect(code).toBe(1);
    expect(file.verdict).toBe('fail');
    expect(findingOf(file, 'source-conflict')?.severity).toBe('error');
  });

  it('issue 10.6: report --format json keeps the two ipa sources apart, and kinds[] agree with sources[]', () => {
    const result = run(['report', write(FILE), '--format', 'json']);
    expect(result.code).toBe(1); // the figures have errors: source-conflict
    const report = json<{
      sources: { id: string; name: string; kind: string; amount: string }[];
      kinds: { kind: string; amount: string }[];
    }>(result);
    const ipa = report.sources.filter((s) => s.id === 'ipa');
    expect(ipa.map((s) => [s.kind, plain(s.amount)])).toEqual([
      ['eu-fund', '800'],
      ['private', '200'],
    ]);
    for (const kind of report.kinds) {
      const entries = report.sources.filter((s) => s.kind === kind.kind);
      expect(plain(kind.amount)).toBe(entries.reduce((total, s) => total.plus(s.amount), new Decimal(0)).toString());
    }
    expect(report.kinds.map((k) => [k.kind, plain(k.amount)])).toEqual([
      ['eu-fund', '800'],
      ['public', '1000'],
      ['private', '200'],
    ]);
  });
});

describe('issue 10.7: smaller ones', () => {
  it('issue 10.7a: a flat-rate base naming a category twice is a flat-rate-base error, not counted twice', () => {
    const { code, file } = check(
      'partner: P\ncosts:\n  staff: 1 000\n  office: 15% of staff, staff\nfunding:\n  erdf: 85%\n  national: rest\n',
    );
    expect(code).toBe(1);
    expect(file.verdict).toBe('fail');
    expect(findingOf(file, 'flat-rate-base')?.severity).toBe('error');
    const office = file.partners[0]!.costs!.find((c) => c.category === 'office')!;
    expect(plain(office.amount)).toBe('150');
    expect(plain(file.partners[0]!.budget)).toBe('1150');
  });

  it('issue 10.7b: split 1000 erdf=1% national=rest succeeds: 1% is one percent', () => {
    const cli = splitCli(['1000', 'erdf=1%', 'national=rest']);
    expect(cli.code).toBe(0);
    expect(cli.amounts).toEqual({ erdf: '10', national: '990' });
  });

  it('issue 10.7b: split 1000 erdf=0.85 national=rest is refused as a likely fraction (exit 2, bad-rate, a hint of 85%)', () => {
    const result = run(['split', '1000', 'erdf=0.85', 'national=rest']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^cofin: error: .*\nhint: .*85%/);
    let error: unknown;
    try {
      split({
        budget: '1000',
        shares: [
          { id: 'erdf', rate: '0.85' },
          { id: 'national', rate: 'rest' },
        ],
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CofinError);
    expect((error as CofinError).code).toBe('bad-rate');
    expect((error as CofinError).hint).toContain('85%');
  });

  it('issue 10.7c: eu-rate-high for 85.000000000000000001% shows a rate visibly above 85%', () => {
    const { file } = check('budget: 1000\nfunding:\n  erdf: 85.000000000000000001%\n  national: rest\n');
    const message = findingOf(file, 'eu-rate-high')?.message ?? '';
    expect(message).not.toBe('');
    expect(message).not.toMatch(/\b85% is above 85%/);
    const shown = /([0-9]+(?:[.,][0-9]+)?)\s*% is above 85\s*%/.exec(message);
    expect(shown, message).not.toBeNull();
    expect(new Decimal(shown![1]!.replace(',', '.')).gt(85), message).toBe(true);
  });

  it('issue 10.7c: rates-sum for 60.00000000000000001% + 40% shows a part over 100% that is not zero', () => {
    const { code, file } = check('budget: 1000\nfunding:\n  erdf: 60.00000000000000001%\n  national: 40%\n');
    expect(code).toBe(1);
    const message = findingOf(file, 'rates-sum')?.message ?? '';
    expect(message).toMatch(/over 100\s*%/);
    expect(message).not.toMatch(/(?<![0-9.,])0\s*%[^%]*over 100\s*%/);
    expect(message).not.toMatch(/add up to 100\s*%/);
    const over = /([0-9]+(?:[.,][0-9]+)?)\s*%(?:\s*\([^)]*\))?\s*over 100\s*%/.exec(message);
    expect(over, message).not.toBeNull();
    expect(new Decimal(over![1]!.replace(',', '.')).gt(0), message).toBe(true);
  });

  it('issue 10.7d: report of amounts that dwarf the budget exits 1, not 70, with bounded output', () => {
    const result = run([
      'report',
      write('partner: P\nbudget: 10\nfunding:\n  erdf: { amount: 1000000000000 }\n  national: { amount: 5 }\n'),
    ]);
    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(1);
    expect(Buffer.byteLength(result.stdout)).toBeLessThan(100 * 1024);
    expect(result.stdout).toContain('Budgets by source');
  });
});

describe('wrong PASSes found by a new user (stop 20)', () => {
  it('a rest never goes below zero within the tolerance of an approximate amount', () => {
    const { code, file } = check(
      'budget: 100 000\nfunding:\n  erdf: 75%\n  municipal: { amount: "~30 000" }\n  state: rest\n',
    );
    expect(code).toBe(1);
    expect(codes(file)).toContain('rates-sum');
    const exact = check('budget: 12 800\nfunding:\n  erdf: 85%\n  municipal: { amount: "~2 000" }\n  state: rest\n');
    expect(exact.code).toBe(1);
    expect(codes(exact.file)).toContain('rates-sum');
  });

  it('an approximate amount that leaves the rest at zero or more still passes', () => {
    const { code, file } = check(
      'budget: 100 000\nfunding:\n  erdf: 75%\n  municipal: { amount: "~20 000" }\n  state: rest\n',
    );
    expect(code, JSON.stringify(file.findings)).toBe(0);
  });

  it('an amount written to the cent beside whole-euro amounts is held to its cents', () => {
    const cents = check(
      'budget: 12 758,00\nfunding:\n  erdf: { rate: 85%, amount: "10 844,31" }\n  municipal: { rate: 15%, amount: 1 914 }\n',
    );
    expect(cents.code).toBe(1);
    expect(cents.file.findings.filter((f) => f.code === 'share-mismatch').map((f) => f.message)).toEqual([
      expect.stringContaining('erdf'),
    ]);
    const four = check(
      'budget: 100 000,00\nfunding:\n  erdf: { rate: 80%, amount: "80 000,49" }\n  state: { rate: 5%, amount: "5 000,49" }\n  national: { rate: 5%, amount: "5 000,49" }\n  municipal: { rate: 10%, amount: 10 000 }\n',
    );
    expect(four.code).toBe(1);
    expect(four.file.findings.filter((f) => f.code === 'share-mismatch')).toHaveLength(3);
  });

  it('an irrelevant whole-euro line does not make a cent mismatch pass', () => {
    const { code } = check(
      'budget: 12 758\nfunding:\n  erdf: { rate: 85%, amount: "10 844,49" }\n  municipal: rest\n  state: { rate: 0%, amount: 0 }\n',
    );
    expect(code).toBe(1);
  });

  it('the exact share written to the cent, and whole euros written with zero cents, still pass beside whole-euro amounts', () => {
    expect(
      check(
        'budget: 12 758\nrounding: { unit: 1 }\nfunding:\n  erdf: { rate: 85%, amount: "10 844,30" }\n  municipal: 15%\n',
      ).code,
    ).toBe(0);
    expect(
      check(
        'budget: 12 758\nfunding:\n  erdf: { rate: 85%, amount: 10 844 }\n  municipal: { rate: 10%, amount: 1 276 }\n  state: { rate: 5%, amount: "638.00" }\n',
      ).code,
    ).toBe(0);
  });
});

describe('declared amounts add up as written (stop 21)', () => {
  it('10 844,30 + 1 275,80 + 638 is 12 758.10: sum-mismatch, though each agrees at whole euros', () => {
    const { code, file } = check(
      'partner: T\nbudget: 12 758\nfunding:\n  erdf: { rate: 85%, amount: "10 844,30" }\n  municipal: { rate: 10%, amount: "1 275,80" }\n  state: { rate: 5%, amount: "638" }\n',
    );
    expect(code).toBe(1);
    expect(codes(file)).toEqual(['sum-mismatch']);
    expect(findingOf(file, 'sum-mismatch')?.message).toBe(
      'the declared amounts add up to EUR 12 758.10, EUR 0.10 more than the budget EUR 12 758.00',
    );
  });

  it('the exact shares to the cent beside a whole-euro one that makes the sum: passes', () => {
    const { code } = check(
      'budget: 12 758\nfunding:\n  erdf: { rate: 85%, amount: "10 844,30" }\n  municipal: { rate: 10%, amount: "1 275,80" }\n  state: { rate: 5%, amount: "637,90" }\n',
    );
    expect(code).toBe(0);
  });
});

describe('property: a cent off the exact share never passes beside whole-euro amounts', () => {
  it('moving the one amount written to the cent by 1 to 99 cents fails; at the exact share it passes', () => {
    let moved = 0;
    let exactCases = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000, max: 9_999_999 }),
        fc.integer({ min: 51, max: 85 }),
        fc.integer({ min: -49, max: 49 }),
        (budget, rate, delta) => {
          const exactCents = BigInt(budget) * BigInt(rate); // budget × rate / 100, in cents
          const fundCents = exactCents + BigInt(delta);
          const rest = BigInt(budget) * 100n - exactCents; // the other source's exact share, in cents
          const cents = (c: bigint) => `${c / 100n}.${(c % 100n).toString().padStart(2, '0')}`;
          const restWhole = (rest + 50n) / 100n; // half-up: the two rates are whole, so largest remainder agrees with it here
          const fundWhole = BigInt(budget) - restWhole;
          if ((fundCents + 50n) / 100n !== fundWhole) return; // off by a whole euro: another rule, not this one
          const text = `budget: ${budget}\nfunding:\n  erdf: { rate: ${rate}%, amount: "${cents(fundCents)}" }\n  municipal: { rate: ${100 - rate}%, amount: ${restWhole} }\n`;
          const file = checkBudgetFile(parseBudgetFile(text, 'yaml'));
          const passed = !file.findings.some((f) => f.severity === 'error');
          const mismatch = file.findings.some((f) => f.code === 'share-mismatch');
          if (delta === 0) exactCases++;
          else moved++;
          // zero cents are whole euros (`10 844.00`), compared at the unit like `10 844`
          expect(mismatch, text).toBe(!(delta === 0 || fundCents % 100n === 0n));
          // and the amounts as written add up to the budget, or the file fails (step 8)
          const addsUp = fundCents + restWhole * 100n === BigInt(budget) * 100n;
          expect(passed, text).toBe(!mismatch && addsUp);
        },
      ),
      { seed: 20, numRuns: 400 },
    );
    expect(moved).toBeGreaterThan(100);
    expect(exactCases).toBeGreaterThan(0);
  });
});

describe('EU funds together (stop 20)', () => {
  it('two EU funds above 85% together warn, and fail under --strict', () => {
    const text = 'budget: 10 000\nfunding:\n  erdf: 50%\n  esf: 45%\n  municipal: 5%\n';
    const { code, file } = check(text);
    expect(code).toBe(0);
    expect(findingOf(file, 'eu-rate-high')?.message).toMatch(/erdf \+ esf: EU co-financing rate 95% is above 85%/);
    expect(run(['check', write(text), '--strict']).code).toBe(1);
  });

  it('two EU funds at 85% together say nothing', () => {
    const { file } = check('budget: 10 000\nfunding:\n  erdf: 45%\n  esf: 40%\n  municipal: 15%\n');
    expect(codes(file)).not.toContain('eu-rate-high');
  });
});

describe("a new user's hand-written files (stop 20)", () => {
  it('a partner table column one slip from a well-known id is refused with a did-you-mean, not read as a payer of its own', () => {
    const result = run([
      'check',
      write('partner;budget;erfd;municipal\nVentspils;12 758;90%;10%\n', 'csv'),
      '--strict',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /:1:\d+: error: the column "erfd" is not a well-known source id: did you mean "erdf"\? \[unknown-key\]/,
    );
    expect(
      run(['check', write('partner;budget;erdf;municipal\nVentspils;12 758;90%;10%\n', 'csv'), '--strict']).code,
    ).toBe(1);
  });

  it('a partner stated twice is found when only spaces or a cedilla differ', () => {
    for (const [a, b] of [
      ['Rīgas dome', 'Rīgas\u00a0dome'],
      ['Rīgas dome', 'Rīgas  dome'],
      ['Botoșani', 'Botoşani'],
      ['Valka  council', 'valka council'],
    ]) {
      const { file } = check(
        `partners:\n  - partner: "${a}"\n    budget: 1000\n    funding: { erdf: 80%, national: rest }\n  - partner: "${b}"\n    budget: 1000\n    funding: { erdf: 80%, national: rest }\n`,
      );
      expect(codes(file), `${a} / ${b}`).toContain('duplicate-partner');
    }
    const apart = check(
      'partners:\n  - partner: "Rīgas dome"\n    budget: 1000\n    funding: { erdf: 80%, national: rest }\n  - partner: "Rīgas domes"\n    budget: 1000\n    funding: { erdf: 80%, national: rest }\n',
    );
    expect(codes(apart.file)).not.toContain('duplicate-partner');
  });
});

describe('a rest the rounded shares leave below zero (stop 21)', () => {
  const text =
    'budget: 100\nrounding: { unit: 1, method: half-up }\nfunding:\n  erdf: 49.5%\n  municipal: 49.5%\n  state: 0.5%\n  national: rest\n';

  it('check fails with rest-negative: 50 + 50 + 1 leave -1 for the rest', () => {
    const { code, file } = check(text);
    expect(code).toBe(1);
    expect(file.verdict).toBe('fail');
    expect(findingOf(file, 'rest-negative')).toMatchObject({ severity: 'error' });
    expect(findingOf(file, 'rest-negative')?.message).toMatch(/national: the rest comes to EUR -1 with half-up/);
  });

  it('largest-remainder of the same rates passes, every share at zero or more', () => {
    const { code, file } = check(text.replace('half-up', 'largest-remainder'));
    expect(code).toBe(0);
    expect(codes(file)).not.toContain('rest-negative');
    expect(file.partners[0]!.shares.every((s) => !s.computed.startsWith('-'))).toBe(true);
  });

  it('split refuses the same split under half-up (exit 2) and names --method', () => {
    const result = run(
      ['split', '100', 'erdf=49.5%', 'municipal=49.5%', 'state=0.5%', 'national=rest'].concat([
        '--unit',
        '1',
        '--method',
        'half-up',
      ]),
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/national: the rest comes to -1 with half-up/);
    expect(result.stderr).toMatch(/--method largest-remainder/);
  });
});

describe('property: check fails exactly when the model finds a rest below zero', () => {
  it('half-up and fund-down with a rest, at unit 1: rest-negative in cofin iff in the reference model', () => {
    let negative = 0;
    let other = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }),
        fc.array(fc.integer({ min: 1, max: 600 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 8 }),
        fc.constantFrom<'half-up' | 'fund-down'>('half-up', 'fund-down'),
        fc.boolean(),
        (budget, some, gap, method, fund) => {
          // rates in tenths of a percent that leave `gap` tenths for the rest (a small rest is where rounding bites)
          const given = some.slice(0, fund ? 3 : 2);
          const last = 1000 - gap - given.reduce((a, b) => a + b, 0);
          if (last < 1) return;
          const tenths = [...given, last];
          const rate = (t: number) => `${Math.floor(t / 10)}.${t % 10}`;
          const known: [string, SourceSpec['kind']][] = [
            ['municipal', 'public'],
            ['state', 'automatic-public'],
            ['private', 'private'],
          ];
          const ids: [string, SourceSpec['kind']][] = (
            fund ? [['erdf', 'eu-fund'] as [string, SourceSpec['kind']]] : []
          )
            .concat(known)
            .slice(0, tenths.length);
          const rated = tenths.slice(0, ids.length);
          const sources: SourceSpec[] = rated.map((t, i) => ({ id: ids[i]![0], kind: ids[i]![1], rate: rate(t) }));
          sources.push({ id: 'national', kind: 'public', rest: true });
          const ref = referenceCheck({ budget: String(budget), unit: '1', method, sources });
          const lines = rated.map((t, i) => `  ${ids[i]![0]}: ${rate(t)}%`);
          const yaml = `budget: ${budget}\nrounding: { unit: 1, method: ${method} }\nfunding:\n${lines.join('\n')}\n  national: rest\n`;
          const file = checkBudgetFile(parseBudgetFile(yaml, 'yaml'));
          const has = file.findings.some((f) => f.code === 'rest-negative' && f.severity === 'error');
          if (ref.errors.has('rest-negative')) negative++;
          else other++;
          expect(has, yaml).toBe(ref.errors.has('rest-negative'));
          if (has) expect(file.findings.some((f) => f.severity === 'error')).toBe(true);
        },
      ),
      { seed: 21, numRuns: 3000 },
    );
    expect(negative).toBeGreaterThan(30);
    expect(other).toBeGreaterThan(300);
  });
});
