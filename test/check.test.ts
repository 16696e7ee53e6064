import { describe, expect, it } from 'vitest';
import { parseBudgetFile } from '../src/io/budget-file.js';
import { checkBudgetFile } from '../src/core/check.js';
import { errorOf } from './helpers.js';

const check = (yaml: string, strict = false) => checkBudgetFile(parseBudgetFile(yaml, 'yaml'), { strict });
const codes = (yaml: string) => check(yaml).findings.map((f) => `${f.severity}:${f.code}`);
const partner = (budget: string, funding: string, extra = '') =>
  `partner: P\nbudget: ${budget}\nfunding:\n${funding}\n${extra}`;
const SEED = partner(
  '12 758',
  '  erdf: { rate: 85%, amount: 10 844 }\n  municipal: { rate: 10%, amount: 1 276 }\n  state: { rate: 5%, amount: 638 }',
);

describe('check: coverage and declared amounts', () => {
  it('passes the founding example at whole euros', () => {
    const result = check(SEED);
    expect(result.verdict).toBe('pass');
    expect(result.findings).toEqual([]);
    expect(result.partners[0]!.unit.toFixed()).toBe('1');
    expect(result.partners[0]!.shares.map((s) => s.computed.toFixed())).toEqual(['10844', '1276', '638']);
  });

  it('takes the unit from the coarsest declared amount, not the budget', () => {
    const cents = check(
      partner('12 758', '  erdf: { rate: 85%, amount: "10 844,30" }\n  national: { rate: 15%, amount: "1 913,70" }'),
    );
    expect(cents.partners[0]!.unit.toFixed()).toBe('0.01');
    expect(cents.verdict).toBe('pass');
    const mixed = check(
      partner('12 758', '  erdf: { rate: 85%, amount: "10 844,30" }\n  national: { rate: 15%, amount: 1 914 }'),
    );
    expect(mixed.partners[0]!.unit.toFixed()).toBe('1');
    // each agrees with its share at whole euros, but as written they add up to 12 758,30 (step 8)
    expect(mixed.verdict).toBe('fail');
    expect(mixed.findings.map((f) => f.code)).toEqual(['sum-mismatch']);
  });

  it('uses the currency minor unit when nothing is declared', () => {
    const result = check(partner('12 758', '  erdf: 85%\n  national: rest'));
    expect(result.partners[0]!.unit.toFixed()).toBe('0.01');
    expect(result.partners[0]!.shares.map((s) => s.computed.toFixed())).toEqual(['10844.3', '1913.7']);
  });

  it('finds a sum mismatch when every amount is declared', () => {
    const result = check(partner('12 758', '  erdf: { amount: 10 844 }\n  national: { amount: 1 913 }'));
    expect(result.findings.map((f) => [f.code, f.message])).toEqual([
      ['sum-mismatch', 'the declared amounts add up to EUR 12 757, EUR 1 less than the budget EUR 12 758'],
    ]);
  });

  it('finds rates that do not add up to 100%, in % and money', () => {
    const result = check(partner('12 758', '  erdf: 85%\n  municipal: 10%'));
    expect(result.findings[0]!.message).toBe('rates add up to 95%, 5% (EUR 637.90) short of 100%');
    const over = check(partner('12 758', '  erdf: 85%\n  municipal: 20%'));
    expect(over.findings[0]!.message).toBe('rates add up to 105%, 5% (EUR 637.90) over 100%');
  });

  it('refuses rates written as fractions, at the rate', () => {
    const error = errorOf(() => check(partner('12 758', '  erdf: 0.85\n  municipal: 0.10\n  state: 0.05')));
    expect(error).toMatchObject({
      code: 'bad-rate',
      message: 'rate "0.85" without % looks like a fraction',
      location: { line: 4, column: 9 },
    });
  });

  it('derives the rate of a fixed amount', () => {
    const result = check(partner('12 758', '  erdf: 85%\n  private: { amount: "1 913,70" }'));
    expect(result.verdict).toBe('pass');
    expect(result.partners[0]!.shares[1]!.derivedRate!.toFixed()).toBe('15');
  });

  it('reports a share mismatch with declared, computed, exact and the difference', () => {
    const result = check(
      partner(
        '12 758',
        '  erdf: { rate: 85%, amount: 10 845 }\n  municipal: { rate: 10%, amount: 1 275 }\n  state: { rate: 5%, amount: 638 }',
      ),
    );
    const messages = result.findings.filter((f) => f.code === 'share-mismatch').map((f) => f.message);
    expect(messages).toEqual([
      'erdf: declared EUR 10 845, computed EUR 10 844 (exact 10 844.3), difference +1',
      'municipal: declared EUR 1 275, computed EUR 1 276 (exact 1 275.8), difference -1',
    ]);
  });

  it('explains a mismatch by another unit', () => {
    const result = check(
      partner('12 758', '  erdf: { rate: 85%, amount: 10 840 }\n  national: { rate: 15%, amount: 1 918 }'),
    );
    const erdf = result.findings.find((f) => f.code === 'share-mismatch' && f.message.startsWith('erdf'))!;
    expect(erdf.hint).toContain('it matches the exact share rounded to a unit of 10');
  });
});

describe('check: rounding rules', () => {
  it('finds the rule that reproduces the figures and notes it', () => {
    const result = check(
      partner(
        '70 828',
        '  erdf: { rate: 85%, amount: 60 203 }\n  municipal: { rate: 4%, amount: 2 833 }\n  state: { rate: 11%, amount: 7 792 }',
      ),
    );
    expect(result.verdict).toBe('pass');
    expect(result.partners[0]!.method).toBe('fund-down');
    expect(result.findings.map((f) => [f.code, f.message])).toEqual([
      ['rounding-method', 'figures follow fund-down: the EU share is rounded down'],
    ]);
  });

  it('finds half-up', () => {
    const result = check(
      partner(
        '12 704',
        '  erdf: { rate: 85%, amount: 10 798 }\n  municipal: { rate: 10%, amount: 1 270 }\n  state: { rate: 5%, amount: 635 }',
      ),
    );
    expect(result.partners[0]!.method).toBe('half-up');
    expect(
      codes(
        partner(
          '12 704',
          '  erdf: { rate: 85%, amount: 10 798 }\n  municipal: { rate: 10%, amount: 1 270 }\n  state: { rate: 5%, amount: 635 }',
        ),
      ),
    ).toEqual(['error:sum-mismatch', 'note:rounding-method', 'warning:rounding-drift']);
  });

  it('keeps a binding rule and warns of half-up drift', () => {
    const yaml = partner(
      '12 704',
      '  erdf: 85%\n  municipal: 10%\n  state: 5%',
      'rounding: { unit: 1, method: half-up }',
    );
    expect(codes(yaml)).toEqual(['warning:rounding-drift']);
    expect(check(yaml).findings[0]!.message).toBe(
      'with half-up the shares add up to EUR 12 703, EUR 1 less than the budget',
    );
    const binding = partner(
      '70 828',
      '  erdf: { rate: 85%, amount: 60 203 }\n  municipal: { rate: 4%, amount: 2 833 }\n  state: { rate: 11%, amount: 7 792 }',
      'rounding: { method: largest-remainder }',
    );
    expect(codes(binding)).toEqual(['error:share-mismatch', 'error:share-mismatch']); // 60 204 and 7 791 by largest remainder
  });

  it('rounds a declared amount finer than the file unit before comparing', () => {
    const result = check(
      partner(
        '12 758',
        '  erdf: { rate: 85%, amount: "10 844,30" }\n  national: { rate: 15%, amount: "1 913,70" }',
        'rounding: { unit: 1 }',
      ),
    );
    expect(result.verdict).toBe('pass');
  });
});

describe('check: rate display, rest, approximate figures', () => {
  it('accepts a rate that is a rounded display of the amount, with a note', () => {
    const yaml = partner(
      '150 000',
      '  erdf: { rate: "49,67%", amount: 74 500 }\n  national: { rate: "50,33%", amount: 75 500 }',
    );
    expect(codes(yaml)).toEqual(['note:rate-display', 'note:rate-display']);
    expect(check(yaml, true).verdict).toBe('fail');
  });

  it('does not take a whole-number rate as a display', () => {
    expect(
      codes(partner('150 000', '  erdf: { rate: 50%, amount: 74 500 }\n  national: { rate: 50%, amount: 75 500 }')),
    ).toContain('error:share-mismatch');
  });

  it('needs the declared amounts to add up for a rate display', () => {
    expect(
      codes(
        partner(
          '150 000',
          '  erdf: { rate: "49,67%", amount: 74 500 }\n  national: { rate: "50,33%", amount: 75 400 }',
        ),
      ),
    ).toContain('error:share-mismatch');
  });

  it('lets the rest take what the rounded shares leave', () => {
    const result = check(partner('1 000 000', '  erdf: { rate: "43,6%", amount: 436 000 }\n  national: rest'));
    expect(result.verdict).toBe('pass');
    expect(result.partners[0]!.shares[1]!.computed.toFixed()).toBe('564000');
    // beside a rest a decimal rate is prescribed: 435 980 is no display of 43,6% there (README step 9)
    const shown = check(partner('1 000 000', '  erdf: { rate: "43,6%", amount: 435 980 }\n  national: rest'));
    expect(shown.verdict).toBe('fail');
    expect(shown.findings.map((f) => f.code)).toEqual(['share-mismatch']);
    const declared = check(partner('12 758', '  erdf: { rate: 85%, amount: 10 844 }\n  national: { amount: rest }'));
    expect(declared.partners[0]!.shares[1]!.computed.toFixed()).toBe('1914');
  });

  it('passes approximate figures within half their precision, and only then', () => {
    expect(
      check(
        partner(
          '9 284 000',
          '  erdf: { rate: 85%, amount: "~7,9 milj." }\n  national: { rate: 15%, amount: "1,4 milj." }',
        ),
      ).verdict,
    ).toBe('pass');
    expect(
      codes(
        partner(
          '9 284 000',
          '  erdf: { rate: 85%, amount: "7,8 milj." }\n  national: { rate: 15%, amount: "1,4 milj." }',
        ),
      ),
    ).toContain('error:share-mismatch');
    expect(check(partner('"ap. 9 milj."'.replace('ap. ', '~'), '  erdf: 85%\n  national: rest')).verdict).toBe('pass');
  });
});

describe('check: project and sanity', () => {
  it('notes the part of the project total not accounted for', () => {
    const result = check(`${SEED}project: { total: 146 994, partners: 8 }\n`);
    expect(result.findings.map((f) => [f.code, f.severity, f.message])).toEqual([
      [
        'project-unaccounted',
        'note',
        'EUR 134 236 of the project total EUR 146 994 is not accounted for by the 1 partner of 8 listed',
      ],
    ]);
  });

  it('fails partner budgets above the project total, or short of it when every partner is listed', () => {
    expect(codes(`${SEED}project: { total: 12 000 }\n`)).toEqual(['error:project-total']);
    expect(codes(`${SEED}project: { total: 13 000, partners: 1 }\n`)).toEqual(['error:project-total']);
    expect(codes(`${SEED}project: { total: 12 758, partners: 1 }\n`)).toEqual([]);
  });

  it('warns of an EU rate above 85% and of a zero source', () => {
    expect(codes(partner('100', '  erdf: 90%\n  municipal: 10%\n  private: 0%'))).toEqual([
      'warning:eu-rate-high',
      'warning:zero-amount',
    ]);
  });

  it('--strict makes warnings and notes errors', () => {
    const result = check(`${SEED}project: { total: 146 994, partners: 8 }\n`, true);
    expect(result.verdict).toBe('fail');
    expect(result.findings[0]!.severity).toBe('error');
  });

  it('names the partner in multi-partner findings', () => {
    const result = check(
      'funding: { erdf: 85%, national: rest }\npartners:\n  - partner: A\n    budget: 100\n    funding: { erdf: 90%, national: rest }\n  - partner: B\n    budget: 200\n',
    );
    expect(result.findings.map((f) => [f.partner, f.message])).toEqual([
      ['A', 'partner "A": erdf: EU co-financing rate 90% is above 85%'],
    ]);
    expect(result.partners.map((p) => p.shares.map((s) => s.computed.toFixed()))).toEqual([
      ['90', '10'],
      ['170', '30'],
    ]);
  });
});

describe('budget file loader', () => {
  it('reads amounts and rates from their literal text, never through floats', () => {
    const file = parseBudgetFile(
      '{"partner": "P", "budget": 12758.10, "funding": {"erdf": 85, "national": {"amount": 1913.715}}}',
      'json',
    );
    expect(file.partners[0]!.budget!.value.toFixed()).toBe('12758.1');
    expect(file.partners[0]!.budget!.scale).toBe(2);
    expect(file.partners[0]!.funding[1]!.amount!.value.toFixed()).toBe('1913.715');
  });

  it('keeps country codes as text (no YAML 1.1 booleans)', () => {
    expect(parseBudgetFile(partner('100', '  erdf: 100%', 'country: NO'), 'yaml').partners[0]!.country).toBe('NO');
  });

  it('refuses alias bombs', () => {
    const bomb = `funding: &f { erdf: 100% }\npartners:\n${'  - { partner: X, budget: 1, funding: *f }\n'.repeat(1001)}`;
    const error = errorOf(() => parseBudgetFile(bomb, 'yaml'));
    expect(error.message).toBe('more than 1000 alias uses');
    expect(
      parseBudgetFile(`funding: &f { erdf: 100% }\npartners:\n  - { partner: X, budget: 1, funding: *f }\n`, 'yaml')
        .partners,
    ).toHaveLength(1);
  });

  it('places errors on line and column with a JSON pointer', () => {
    const error = errorOf(() =>
      parseBudgetFile(partner('100', '  erdf: { rate: 85%, amount: 1e5 }\n  national: rest'), 'yaml'),
    );
    expect(error.location).toEqual({ line: 4, column: 30, pointer: '/funding/erdf/amount' });
  });
});

describe('check: approximate figures in the pipeline (README steps 4, 7, 10)', () => {
  const summary = (yaml: string) => {
    const result = check(yaml);
    return {
      verdict: result.verdict,
      method: result.partners[0]!.method,
      computed: result.partners[0]!.shares.map((s) => s.computed.toFixed()),
      codes: result.findings.map((f) => f.code),
    };
  };

  it("a fixed approximate amount covers the budget within the figures' tolerances", () => {
    // 2,5 milj. is 2 500 000 ± 50 000; 85% of it and 375 tūkst. cover it exactly
    expect(summary(partner('"2,5 milj."', '  erdf: 85%\n  national: { amount: "375 tūkst." }'))).toEqual({
      verdict: 'pass',
      method: 'largest-remainder',
      computed: ['2125000', '375000'],
      codes: [],
    });
    // 370 tūkst. leaves 5 000, within 50 000 × 15% + 500: covered only within tolerance, so each share on its own
    expect(summary(partner('"2,5 milj."', '  erdf: 85%\n  national: { amount: "370 tūkst." }'))).toEqual({
      verdict: 'pass',
      method: 'half-up',
      computed: ['2125000', '370000'],
      codes: [],
    });
    // 300 tūkst. leaves 75 000: beyond any tolerance
    expect(summary(partner('"2,5 milj."', '  erdf: 85%\n  national: { amount: "300 tūkst." }')).codes).toEqual([
      'rates-sum',
    ]);
  });

  it('a zero budget still needs rates that add up to 100%', () => {
    expect(summary(partner('0', '  erdf: 85%\n  national: 10%')).codes).toEqual(['rates-sum', 'zero-budget']);
    expect(summary(partner('0', '  erdf: 85%\n  national: rest'))).toMatchObject({
      verdict: 'pass',
      codes: ['zero-budget'],
    });
  });

  it('an approximate declared share agrees within its precision, never beyond', () => {
    expect(summary(partner('12 758', '  erdf: { rate: 85%, amount: "10,8 tūkst." }\n  national: rest')).verdict).toBe(
      'pass',
    );
    expect(summary(partner('12 758', '  erdf: { rate: 85%, amount: "10,7 tūkst." }\n  national: rest')).codes).toEqual([
      'share-mismatch',
    ]);
  });
});
