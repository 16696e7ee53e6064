import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cofin, root } from './run.js';

// docs/claims.md's phase-1 example claimed over two periods ("Claim files"): the file it shows is the fixture, and
// what it shows cofin claim, cofin check and cofin report print is what the built cofin prints.
const FIXTURE = 'fixtures/claims/ventspils-digital-centre.yaml';
const section = readFileSync(join(root, 'docs', 'claims.md'), 'utf8');
const blocks = [...section.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], text: m[2]! }));
const shown = (command: string) => {
  const block = blocks.find((b) => b.lang === '' && b.text.startsWith(`$ ${command}\n`));
  expect(block, command).toBeDefined();
  return block!.text.slice(command.length + 3);
};

describe("the README's claim example", () => {
  it('is how cofin claim of the founding partner ends (exit 0)', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const from = readme.indexOf('## `cofin claim`');
    const part = readme.slice(from, readme.indexOf('\n## ', from + 1));
    const end = /\n```\n(plan to[\s\S]*?)```/.exec(part)?.[1];
    expect(end).toBeDefined();
    const run = cofin(['claim', FIXTURE]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout.endsWith(end!)).toBe(true);
  });
});

describe('the claim example of docs/claims.md: the founding partner claimed over two periods', () => {
  it('shows the fixture as it is, and the file runs to a pass (exit 0) written anew from the page', () => {
    const yaml = blocks.find((b) => b.lang === 'yaml' && b.text.includes('claims:'))!.text;
    expect(yaml).toBe(readFileSync(join(root, FIXTURE), 'utf8'));
    const copy = join(mkdtempSync(join(tmpdir(), 'cofin-claim-page-')), 'claim.yaml');
    writeFileSync(copy, yaml);
    const run = cofin(['claim', copy]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout.split('\n')[0]).toBe(
      `PASS ${copy}  Ventspils Digital Centre: budget EUR 12 758.00 (ERDF 85%, Municipal 10%, State budget 5%), 2 claims, flexibility 10%`,
    );
  });

  it('cofin claim prints the page’s lines: its beginning (the plan per period) and its end (the totals)', () => {
    const run = cofin(['claim', FIXTURE]);
    expect(run.code).toBe(0);
    const [head, tail] = shown(`cofin claim ${FIXTURE}`).split('…\n') as [string, string];
    expect(run.stdout.startsWith(head)).toBe(true);
    expect(run.stdout.endsWith(tail)).toBe(true);
    // the JSON says the same: EUR 12 743.00 claimed, ERDF 4 703.05 and 6 128.50 as declared
    const json = JSON.parse(cofin(['claim', FIXTURE, '--format', 'json']).stdout);
    expect(json.claims.map((c: { eligible: string }) => c.eligible)).toEqual(['5533.00', '7210.00']);
    expect(
      json.claims.map((c: { funds: { amount: string; difference: string }[] }) => [
        c.funds[0]!.amount,
        c.funds[0]!.difference,
      ]),
    ).toEqual([
      ['4703.05', '0.00'],
      ['6128.50', '0.00'],
    ]);
    expect(json.periods.map((p: { total: string }) => p.total)).toEqual(['5950.00', '6808.00']);
  });

  it('cofin check and cofin report print exactly what the page shows', () => {
    const check = cofin(['check', FIXTURE]);
    expect([check.code, check.stdout]).toEqual([0, shown(`cofin check ${FIXTURE}`)]);
    const report = cofin(['report', FIXTURE, '--locale', 'en']);
    expect([report.code, report.stdout]).toEqual([0, shown(`cofin report ${FIXTURE} --locale en`)]);
  });
});
