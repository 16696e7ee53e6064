/**
 * What a new user's trial found at stop 26 in Latvian output (each case ran through the built bin and failed before
 * its fix): the plan per period said "Period 1" and "ERDF" under Latvian headings, and a hint stayed English.
 */
import { describe, expect, it } from 'vitest';
import { scratch } from './e2e/run.js';

const { write, run } = scratch('cofin-trial26-');

const plan =
  'partner: A\nbudget: 12 758\nfunding:\n  erdf: { rate: 85%, amount: 10 844 }\n' +
  '  municipal: { rate: 10%, amount: 1 276 }\n  state: { rate: 5%, amount: 638 }\n' +
  'periods:\n  - period: 1\n    budget: 5 950\n  - period: 2\n';

describe('the plan per period under --locale lv', () => {
  it('heads the periods and names the well-known sources in Latvian, in check and in report', () => {
    const file = write(plan);
    for (const command of ['check', 'report']) {
      const r = run([command, file, '--locale', 'lv', '--no-color']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('1. periods');
      expect(r.stdout).toContain('2. periods (atlikums)');
      expect(r.stdout).not.toMatch(/Period \d/);
      // the period rows: a row per source named as the share table names it
      expect(r.stdout).toMatch(/│ ERAF +│/);
      expect(r.stdout).toMatch(/│ Valsts budžets +│/);
      expect(r.stdout).not.toMatch(/│ (?:ERDF|Municipal|State budget) +│/);
    }
  });

  it('keeps the English words in English', () => {
    const r = run(['check', write(plan), '--no-color']);
    expect(r.stdout).toContain('Period 2 (rest)');
    expect(r.stdout).toMatch(/│ ERDF +│/);
  });
});

describe('a hint under --locale lv', () => {
  it('says in Latvian that a comma inside { } separates entries', () => {
    const file = write(
      'partner: A\nbudget: 10 000\nfunding:\n  erdf: { rate: 49,67%, amount: 4 967 }\n  national: rest\n',
    );
    const r = run(['check', file, '--locale', 'lv', '--no-color']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ieteikums: figūriekavās { } komats atdala ierakstus');
    expect(r.stderr).not.toContain('inside { }');
  });
});

describe('an amount written with a local currency sign', () => {
  it('is read in a file of that currency and refused in a file of another', () => {
    const lvl = write(
      'partner: A\ncurrency: LVL\nbudget: Ls 12 758\nfunding:\n  erdf: { rate: 85%, amount: "10 844 Ls" }\n  national: rest\n',
    );
    const ok = run(['check', lvl, '--no-color']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('PASS');
    const eur = write(
      'partner: A\nbudget: 12 758\nfunding:\n  erdf: { rate: 85%, amount: "10 844 Ls" }\n  national: rest\n',
    );
    const bad = run(['check', eur, '--no-color']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('amount is in LVL, not EUR: "10 844 Ls"');
  });
});
