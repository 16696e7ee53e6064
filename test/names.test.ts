import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FirstNames, hashOf, partnerKey } from '../src/core/names.js';

/** The reference: a map of every key to its first writing. */
function firstsByMap(names: readonly string[]): (string | undefined)[] {
  const seen = new Map<string, string>();
  return names.map((name) => {
    const key = partnerKey(name);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, name);
    return first;
  });
}

const firstsOf = (names: readonly string[]) => {
  const firsts = new FirstNames();
  return names.map((name) => firsts.firstOf(name));
};

describe('FirstNames (a partner listed twice)', () => {
  it('finds the first writing of each name as a map of keys does', () => {
    // seeded, so that the floor below is met the same way on every run (an unseeded run once gave 994 repeats)
    let repeats = 0;
    let withRepeat = 0;
    const name = fc.string({ unit: fc.constantFrom(...'aAbB  \u00a0\u200bşș'.split('')), maxLength: 5 });
    fc.assert(
      fc.property(fc.array(name, { maxLength: 30 }), (names) => {
        const expected = firstsByMap(names);
        const found = expected.filter((first) => first !== undefined).length;
        repeats += found;
        if (found > 0) withRepeat++;
        expect(firstsOf(names)).toEqual(expected);
      }),
      { numRuns: 1000, seed: 24 },
    );
    expect(repeats).toBeGreaterThan(800);
    expect(withRepeat).toBeGreaterThan(300);
  });

  it('finds them as the map does past the growth of its table and its joined chunks of names', () => {
    // 20 000 names of about 40 characters (800 K characters: a dozen chunks, the table grown five times), one in three
    // a repeat in another writing, and the pair of one hash among them
    let repeats = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        let state = seed;
        const next = () => (state = (state * 1103515245 + 12345) % 2147483648);
        const names = Array.from({ length: 20_000 }, (_, i) => {
          if (i === 7_000) return 'partner 665649';
          if (i === 13_000) return 'partner 1040010';
          const n = next() % 14_000;
          const base = `Partner organisation number ${n} of the network`;
          return next() % 2 === 0 ? base : base.toUpperCase().replace(' ', '  ');
        });
        const expected = firstsByMap(names);
        repeats += expected.filter((first) => first !== undefined).length;
        expect(firstsOf(names)).toEqual(expected);
      }),
      { numRuns: 5, seed: 17 },
    );
    expect(repeats).toBeGreaterThan(5 * 5_000);
  });

  it('finds every name of a chunk again, the first and last of each chunk too', () => {
    // names of 1 000 and 1 024 characters: chunks of 64 K characters end at a name's end, and names start at a chunk's
    // start, then each is written again in capitals
    const names = Array.from({ length: 400 }, (_, i) =>
      `p${String(i).padStart(4, '0')}`.padEnd(i % 2 ? 1000 : 1024, 'x'),
    );
    const all = [...names, ...names.map((n) => n.toUpperCase()), ...names.slice().reverse()];
    expect(firstsOf(all)).toEqual(firstsByMap(all));
    expect(firstsOf(all).slice(400)).toEqual([...names, ...names.slice().reverse()]);
  });

  it('tells apart two names whose keys share a hash', () => {
    // two partner names of one hash (found by a search of the first two million `partner N`)
    const pair = ['partner 665649', 'partner 1040010'] as const;
    expect(hashOf(partnerKey(pair[0]))).toBe(hashOf(partnerKey(pair[1])));
    const [a, b] = pair;
    const names = [a, b, b.toUpperCase(), a, `${a} `];
    expect(firstsOf(names)).toEqual(firstsByMap(names));
    expect(firstsOf(names)).toEqual([undefined, undefined, b, a, a]);
  });
});
