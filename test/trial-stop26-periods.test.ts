/**
 * Wrong PASSes and wrong figures a new user found on 8a6d182 (trial 8): periods, folder walks, claim files'
 * rate tables, flat rates. Each case failed before its fix; inputs are copies of the trial's files.
 */
import { describe, expect, it } from 'vitest';
import { cofin, scratch } from './e2e/run.js';

const { write, run } = scratch('cofin-trial26-');

const negPeriod = `partner: A
budget: 4 000
funding:
  erdf:     { rate: 50%, amount: 2 000 }
  national: { rate: 50%, amount: 2 000 }
rounding: { unit: 1000 }
periods:
  - { period: 1, budget: 1 000 }
  - { period: 2, budget: 1 000 }
  - { period: 3, budget: 1 000 }
  - { period: 4 }
`;

/** The plan table's rows, by their heading: the amounts as numbers. */
function rows(stdout: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const line of stdout.split('\n')) {
    const cells = line.split('│').map((c) => c.trim());
    if (cells.length < 4) continue;
    const values = cells.slice(2, -1).map((c) => Number(c.replace(/\s/g, '')));
    if (values.every((v) => Number.isFinite(v))) out.set(cells[1]!, values);
  }
  return out;
}

describe('F1: a plan per period never gives a negative share', () => {
  it('split --period: four periods of 1 at 50/50, unit 1, no period below zero', () => {
    const result = cofin([
      'split',
      '4',
      'erdf=50%',
      'national=50%',
      '--unit',
      '1',
      '--period',
      '1',
      '--period',
      '1',
      '--period',
      '1',
      '--no-color',
    ]);
    expect(result.code).toBe(0);
    const erdf = rows(result.stdout.split('Period 1')[1] ?? '').get('ERDF');
    expect(erdf).toBeDefined();
    expect(erdf!.every((v) => v >= 0)).toBe(true);
    expect(erdf!.reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('split --period listing every period: no third period of 0, no negative share', () => {
    const result = cofin([
      'split',
      '12758',
      'erdf=85%',
      'municipal=10%',
      'state=5%',
      '--unit',
      '1',
      '--period',
      '5950',
      '--period',
      '6808',
      '--format',
      'json',
    ]);
    expect(result.code).toBe(0);
    const periods = JSON.parse(result.stdout).periods as { budget: string; shares: { computed: string }[] }[];
    expect(periods.map((p) => p.budget)).toEqual(['5950', '6808']);
    for (const p of periods) for (const s of p.shares) expect(Number(s.computed)).toBeGreaterThanOrEqual(0);
  });

  it('check: the 1 000 × 4 plan at unit 1 000 has no ERDF −1 000 in its last period', () => {
    const result = run(['check', write(negPeriod), '--no-color']);
    expect(result.code).toBe(0);
    const erdf = rows(result.stdout.split('Period 1')[1] ?? '').get('ERDF');
    expect(erdf).toEqual([0, 1000, 1000, 0]);
  });

  it('check: declaring the old figures (ERDF 1 000 in periods 1 to 3) is an error, not a pass', () => {
    const text = negPeriod
      .replace('{ period: 1, budget: 1 000 }', '{ period: 1, budget: 1 000, declared: { erdf: 1 000 } }')
      .replace('{ period: 2, budget: 1 000 }', '{ period: 2, budget: 1 000, declared: { erdf: 1 000 } }')
      .replace('{ period: 3, budget: 1 000 }', '{ period: 3, budget: 1 000, declared: { erdf: 1 000 } }');
    const result = run(['check', write(text), '--no-color']);
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toContain('period-share-mismatch');
  });

  it('check: a declared negative period amount is refused', () => {
    const text = `partner: A
budget: 12 758
funding:
  erdf:      { rate: 85%, amount: 10 844 }
  municipal: { rate: 10%, amount: 1 276 }
  state:     { rate: 5%,  amount: 638 }
periods:
  - { period: 1, budget: 5 950 }
  - { period: 2, budget: 6 808 }
  - { period: 3, declared: { erdf: -1 } }
`;
    const result = run(['check', write(text), '--no-color']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bad-amount');
  });

  it('check: the founding example with a third period of 0 plans it as 0 for every source', () => {
    const text = `partner: A
budget: 12 758
funding:
  erdf:      { rate: 85%, amount: 10 844 }
  municipal: { rate: 10%, amount: 1 276 }
  state:     { rate: 5%,  amount: 638 }
periods:
  - { period: 1, budget: 5 950 }
  - { period: 2, budget: 6 808 }
  - { period: 3 }
`;
    const result = run(['check', write(text), '--format', 'json']);
    expect(result.code).toBe(0);
    const periods = JSON.parse(result.stdout).files[0].partners[0].periods as { shares: { computed: string }[] }[];
    expect(periods[2]!.shares.map((s) => Number(s.computed))).toEqual([0, 0, 0]);
    for (const p of periods) for (const s of p.shares) expect(Number(s.computed)).toBeGreaterThanOrEqual(0);
  });
});
