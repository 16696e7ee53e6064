import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cofin, root } from './run.js';

// `euro:` in a budget file in a currency the euro replaced: an old document's euro figures checked at the fixed rate.
const dir = mkdtempSync(join(tmpdir(), 'cofin-euro-'));
const file = (name: string, lines: string[]) => {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
};
const LATI = ['currency: LVL', 'partner: Example', 'budget: 8 966,37', 'funding: { erdf: 85%, state: rest }'];

describe('euro figures of old documents (binary)', () => {
  it('passes the founding budget in lati beside its euro figures, and shows both conversions', () => {
    const run = cofin(['check', 'fixtures/lati-euro.yaml']);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toContain(
      [
        '┌──────────────┬──────────┬────────────────┬──────────────┬──────────────┬───┐',
        '│ Euro figure  │      LVL │ EUR (declared) │ EUR from LVL │ LVL from EUR │   │',
        '├──────────────┼──────────┼────────────────┼──────────────┼──────────────┼───┤',
        '│ Budget       │ 8 966.37 │ 12 758,00      │    12 758.00 │     8 966.37 │ ✓ │',
        '│ ERDF         │ 7 621.41 │ 10 844,29      │    10 844.29 │     7 621.41 │ ✓ │',
      ].join('\n'),
    );
    const json = JSON.parse(cofin(['check', 'fixtures/lati-euro.yaml', '--format', 'json']).stdout);
    expect(json.files[0].partners[0].euro[1]).toEqual({
      id: 'erdf',
      national: '7621.41',
      euro: '10844.29',
      fromNational: '10844.29',
      fromEuro: '7621.41',
      agrees: 'both',
    });
  });

  it('fails a euro figure that neither conversion gives (exit 1), with the figure that would agree', () => {
    const run = cofin(['check', 'fixtures/fail/lati-euro-mismatch.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(readFileSync(join(root, 'fixtures/fail/lati-euro-mismatch.yaml.expected'), 'utf8'));
    const github = cofin(['check', 'fixtures/fail/lati-euro-mismatch.yaml', '--format', 'github']);
    expect(github.stdout).toMatch(
      /^::error file=fixtures\/fail\/lati-euro-mismatch\.yaml,line=13,col=14,title=cofin euro-mismatch::euro figure of erdf: EUR 10 844\.30 is not LVL 7 621\.41/m,
    );
    expect(cofin(['check', 'fixtures/fail/lati-euro-mismatch.yaml', '--ignore', 'euro-mismatch']).code).toBe(0);
  });

  it('a source without a declared amount is compared by its computed share; the figures of each partner of a list', () => {
    const single = cofin(['check', file('computed.yaml', [...LATI, 'euro: { erdf: "10 844,29", state: "1 913,71" }'])]);
    // erdf 85% of 8 966.37 is 7 621.41 (EUR 10 844.29); state the rest, 1 344.96 ÷ 0.702804 = 1 913.7114… is EUR 1 913.71
    expect([single.code, single.stdout.includes('euro-mismatch')]).toEqual([0, false]);
    const multi = cofin([
      'check',
      file('multi.yaml', [
        'currency: EEK',
        'funding: { erdf: 85%, state: rest }',
        'partners:',
        '  - { partner: A, budget: "100,00", euro: { budget: "6,39" } }',
        '  - { partner: B, budget: "100,00", euro: { budget: "6,40" } }',
      ]),
    ]);
    expect(multi.code).toBe(1);
    expect(multi.stdout).toContain(
      'multi.yaml:5:53: error: partner "B": euro figure of budget: EUR 6.40 is not EEK 100.00 at the fixed rate 15.6466 EEK per euro: EEK 100.00 is EUR 6.39, and EUR 6.40 is EEK 100.14 [euro-mismatch]',
    );
  });

  it('refuses euro: in a euro file, an unknown figure, an approximate or sub-cent figure, and beside partners: (exit 2)', () => {
    const cases: [string[], string][] = [
      [
        ['budget: 100', 'funding: { erdf: 85%, state: rest }', 'euro: { budget: 100 }'],
        'eur.yaml:3:1: error: euro: is for a file in a currency the euro replaced, not EUR [wrong-type]',
      ],
      [
        [...LATI, 'euro: { erfd: 1 }'],
        'unknown.yaml:5:9: error: unknown key "erfd" in euro [unknown-key]\n  hint: did you mean "erdf"?',
      ],
      [
        [...LATI, 'euro: { budget: "~12 758" }'],
        'approximate.yaml:5:17: error: euro.budget: ~12 758 is approximate [bad-amount]',
      ],
      [
        [...LATI, 'euro: { budget: "12 758,001" }'],
        'finer.yaml:5:17: error: euro.budget: 12 758,001 is finer than the cent [bad-amount]',
      ],
      [
        [
          'currency: LVL',
          'funding: { erdf: 85%, state: rest }',
          'euro: { budget: 1 }',
          'partners:',
          '  - { partner: A, budget: 1 }',
        ],
        'partners.yaml:3:7: error: "euro" does not go with "partners" [unknown-key]',
      ],
    ];
    for (const [lines, message] of cases) {
      const name = message.slice(0, message.indexOf(':'));
      const run = cofin(['check', file(name, lines)]);
      expect(run.code, name).toBe(2);
      expect(run.stderr, name).toContain(`${join(dir, name)}${message.slice(name.length)}`);
    }
  });
});
