/**
 * What the lead and a new user's trial found at stop 25 (each case ran through the built bin and failed before its fix).
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cofin, scratch } from './e2e/run.js';

const { dir, fresh } = scratch('cofin-trial25-');

describe('a folder check of a file with an approximate budget', () => {
  it("keeps the budget's ~ in the one-line pass, in English and Latvian", () => {
    const sub = fresh('approx');
    mkdirSync(sub);
    writeFileSync(
      join(sub, 'a.yaml'),
      'partner: A\nbudget: ~10 000\nfunding:\n  erdf: { rate: 85%, amount: 8 500 }\n  national: { rate: 15%, amount: 1 500 }\n',
    );
    writeFileSync(join(sub, 'b.yaml'), 'partner: B\nbudget: 100\nfunding: { erdf: 85%, national: rest }\n');
    const en = cofin(['check', sub, '--no-color'], { cwd: dir });
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('a.yaml  A: EUR ~10 000\n');
    expect(en.stdout).toContain('b.yaml  B: EUR 100\n');
    // Latvian groups and places the euro sign with no-break spaces
    const lv = cofin(['check', sub, '--no-color', '--locale', 'lv'], { cwd: dir }).stdout.replace(
      /[\u00a0\u202f]/g,
      ' ',
    );
    expect(lv).toContain('a.yaml  A: ~10 000 €\n');
  });
});
