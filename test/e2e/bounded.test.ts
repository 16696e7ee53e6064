import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin } from './run.js';

/**
 * Bounded cost (issue 11): every input ends in seconds or with one clear error.
 * Each case runs the built CLI with a generous ceiling (the spawn is killed
 * after 20 s, which fails the case); no case asserts a tight time.
 */
const CEILING_MS = 20_000;
const dir = mkdtempSync(join(tmpdir(), 'cofin-bounded-'));
const write = (name: string, content: string) => {
  writeFileSync(join(dir, name), content);
  return name;
};

function run(args: string[]) {
  const { FORCE_COLOR: _f, NO_COLOR: _n, TERM: _t, ...env } = process.env;
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: dir,
    env,
    encoding: 'utf8',
    timeout: CEILING_MS,
    maxBuffer: 512 * 1024 * 1024,
  });
  // killed at the ceiling: status null, signal SIGTERM
  expect(result.signal, `cofin ${args.join(' ')} did not finish within ${CEILING_MS / 1000} s`).toBeNull();
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The first stderr line: the one clear error. */
const errorLine = (stderr: string) => stderr.split('\n')[0];

const sources = (count: number, rate: (i: number) => string, name = (i: number) => `S${i}`) =>
  Array.from({ length: count }, (_, i) => `  s${i}: { name: "${name(i)}", rate: "${rate(i)}" }\n`).join('');

describe('bounded cost: extract', () => {
  it('10 000 amounts in one clause (one sentence, no full stop)', () => {
    const name = write('clause.txt', 'EUR 1 234 '.repeat(10_000));
    const result = run(['extract', name, '--format', 'json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.budget.value).toBe('1234');
    expect(json.others).toHaveLength(9_998);
  });

  it('1 MB of one clause dense with figures, named to a source', () => {
    const name = write('dense.txt', `ERAF ${'EUR 1 234 '.repeat(100_000)}`);
    const result = run(['extract', name]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  erdf:\n    name: "ERAF"\n');
  });

  it('1 MB of figures with a source in every clause and no separators', () => {
    const name = write('sources.txt', 'budget EUR 1 234 ERAF EUR 1 000 '.repeat(32_000));
    const result = run(['extract', name, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(Object.keys(JSON.parse(result.stdout).funding)).toEqual(['erdf']);
  });
});

describe('bounded cost: YAML aliases', () => {
  const block = `funding: &f\n${sources(2000, () => '0,05%').replace(/^ {2}/gm, '    ')}partners:\n`;

  it('a 2 000-source block shared by 1 000 partners: one syntax error at the alias that passes the bound', () => {
    const name = write(
      'alias.yaml',
      block +
        Array.from({ length: 1000 }, (_, i) => `  - { partner: P${i}, budget: 1 000 000, funding: *f }\n`).join(''),
    );
    const result = run(['check', name]);
    expect(result.code).toBe(2);
    expect(errorLine(result.stderr)).toBe(
      'alias.yaml:2169:50: error: the aliases expand to more than 1 000 000 values (*f stands for 6 001) [syntax]',
    );
    expect(result.stderr).toContain(
      'hint: write the values out, or give every partner one top-level funding: aliases may share a block, not multiply it',
    );
  });

  it('the same block shared by 100 partners is read and checked', () => {
    const name = write(
      'alias100.yaml',
      block +
        Array.from({ length: 100 }, (_, i) => `  - { partner: P${i}, budget: 1 000 000, funding: *f }\n`).join(''),
    );
    const result = run(['check', name, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).files[0].partners).toHaveLength(100);
  });

  it('1 000 alias uses in a 20 000-partner file (each use no longer walks the whole document)', () => {
    const lines = Array.from(
      { length: 20_000 },
      (_, i) => `  - { partner: P${i}, budget: 1 000${i % 20 === 0 ? ', funding: *f' : ''} }\n`,
    );
    const name = write('many-uses.yaml', `funding: &f { erdf: 85%, national: rest }\npartners:\n${lines.join('')}`);
    const result = run(['check', name, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).files[0].verdict).toBe('pass');
  });
});

describe('bounded cost: one partner with thousands of sources', () => {
  const zero = (i: number) => (i === 0 ? '100%' : '0%'); // a zero-amount warning for every source but one

  it.each([
    [
      'YAML, 5 000 sources',
      () => write('s5000.yaml', `partner: X\nbudget: 1 000 000\nfunding:\n${sources(5000, () => '0,02%')}`),
      0,
    ],
    [
      'YAML, 5 000 sources with a finding each',
      () => write('z5000.yaml', `partner: X\nbudget: 1 000 000\nfunding:\n${sources(5000, zero)}`),
      4999,
    ],
    [
      'JSON, 20 000 sources with a finding each',
      () =>
        write(
          'z20000.json',
          JSON.stringify({
            partner: 'X',
            budget: '1000000',
            funding: Object.fromEntries(
              Array.from({ length: 20_000 }, (_, i) => [`s${i}`, { name: `S${i}`, rate: zero(i) }]),
            ),
          }),
        ),
      19_999,
    ],
    [
      'CSV, 20 000 source columns with a finding each',
      () =>
        write(
          'z20000.csv',
          `partner;budget;${Array.from({ length: 20_000 }, (_, i) => `s${i}`).join(';')}\nX;1000000;${Array.from({ length: 20_000 }, (_, i) => zero(i)).join(';')}\n`,
        ),
      19_999,
    ],
  ])('%s', (_, make, warnings) => {
    const result = run(['check', make(), '--format', 'json']);
    expect(result.code).toBe(0);
    const [file] = JSON.parse(result.stdout).files;
    expect(file.verdict).toBe('pass');
    expect(file.findings.filter((f: { code: string }) => f.code === 'zero-amount')).toHaveLength(warnings);
    if (warnings > 0)
      expect(file.findings.at(-1)).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
  });

  it('YAML, 100 000 sources in one mapping, and a duplicate key at its end (the parser compared each key with every earlier one)', () => {
    const funding = sources(100_000, () => '0,001%');
    const result = run([
      'check',
      write('s100000.yaml', `partner: X\nbudget: 1 000 000\nfunding:\n${funding}`),
      '--format',
      'json',
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).files[0].verdict).toBe('pass');
    const duplicate = run([
      'check',
      write('s100000-dup.yaml', `partner: X\nbudget: 1 000 000\nfunding:\n${funding}  s0: 1%\n`),
    ]);
    expect(duplicate.code).toBe(2);
    expect(errorLine(duplicate.stderr)).toBe('s100000-dup.yaml:100004:3: error: duplicate key "s0" [duplicate-key]');
  });

  it('a 5 000-row table with one very wide character, drawn', () => {
    const name = write(
      'wide.yaml',
      `partner: X\nbudget: 1 000 000\nfunding:\n${sources(
        5000,
        () => '0,02%',
        (i) => (i === 4999 ? 'S 中' : `S${i}`),
      )}`,
    );
    const result = run(['check', name]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('│ S 中 (s4999) │ 0.02% │ 200.00 │');
  });

  // 20 000 rows with one wide character took 37 s when such tables went to cli-table3
  it('a 20 000-row table with one very wide character', () => {
    const name = write(
      'wide20000.yaml',
      `partner: X\nbudget: 1 000 000\nfunding:\n${sources(
        20_000,
        () => '0,005%',
        (i) => (i === 19_999 ? 'S 中' : `S${i}`),
      )}`,
    );
    const result = run(['check', name]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('│ S 中 (s19999) │ 0.005% │ 50.00 │    50.00 │');
  });
});

describe('bounded cost: one clear error for duplicated columns and look-alike names', () => {
  it.each([
    [
      'budget twice',
      'partner;budget;erdf;budget;national\nA;1000;85%;900;rest\n',
      'dup-budget.csv:1:21: error: the column "budget" appears twice [duplicate-key]',
    ],
    [
      'partner twice',
      'partner;budget;erdf;national;partner\nA;1000;85%;rest;B\n',
      'dup-partner.csv:1:30: error: the column "partner" appears twice [duplicate-key]',
    ],
  ])('a CSV with %s: duplicate-key at the second header cell', (what, text, line) => {
    const result = run(['check', write(`dup-${what.split(' ')[0]}.csv`, text)]);
    expect(result.code).toBe(2);
    expect(errorLine(result.stderr)).toBe(line);
  });

  it('a duplicate key: the first in the file is reported, also inside an earlier value, at the key itself', () => {
    const nested = run([
      'check',
      write('dup-nested.yaml', 'partner: X\nbudget: 100\nfunding: { erdf: 85%, erdf: 15% }\nbudget: 200\n'),
    ]);
    expect(errorLine(nested.stderr)).toBe('dup-nested.yaml:3:23: error: duplicate key "erdf" [duplicate-key]');
    // after an empty value the library placed it at the end of the line before
    const empty = run(['check', write('dup-empty.yaml', 'partner: X\nfunding:\nfunding:\n  erdf: 100%\n')]);
    expect(errorLine(empty.stderr)).toBe('dup-empty.yaml:3:1: error: duplicate key "funding" [duplicate-key]');
  });

  it('"Botoșani" composed and decomposed is one partner listed twice', () => {
    const name = write(
      'botosani.yaml',
      'funding: { erdf: 85%, national: rest }\npartners:\n  - { partner: "Boto\u0219ani", budget: 1000 }\n  - { partner: "Botos\u0326ani", budget: 1000 }\n',
    );
    const result = run(['check', name, '--format', 'json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).files[0].findings).toMatchObject([
      {
        code: 'duplicate-partner',
        line: 4,
        message:
          'partner "Botos\u0326ani" is listed twice, the first time as "Boto\u0219ani" (the two differ only by invisible or combining characters: U+0326)',
      },
    ]);
  });

  it('a source id with a zero-width space beside the same id is a duplicate-key', () => {
    const result = run([
      'check',
      write('zwsp.json', '{"partner": "X", "budget": 1000, "funding": {"erdf": "85%", "erdf\\u200b": "15%"}}'),
    ]);
    expect(result.code).toBe(2);
    expect(errorLine(result.stderr)).toMatch(
      /^zwsp\.json:1:61: error: duplicate key "erdf.*": the same as "erdf" but for invisible or combining characters \(U\+200B\) \[duplicate-key\]$/,
    );
  });
});
