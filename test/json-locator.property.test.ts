import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { JsonLocator } from '../src/io/json-scan.js';
import { jsonPlaces } from './reference/json-offsets.js';

// Keys that a place must be found for however they are written: escaped quotes and backslashes, pointer characters
// (`/`, `~`), a key that is a prefix of another, and any key written with \u escapes (the same key to JSON.parse).
const NAMES = ['a', 'ab', 'budget', 'a"b', 'a\\b', 'x/y', 'm~n', '~1', 'é', '', 'partner', 'funding'];

type Value = string | Value[] | { [key: string]: Value };

const written = (name: string, escaped: boolean) =>
  escaped
    ? `"${[...name].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"`
    : JSON.stringify(name);

/** JSON text of a value: random spaces and line breaks between tokens, some keys written with \u escapes. */
function writeJson(value: Value, rand: () => number): string {
  const gap = () => [' ', '', '\n  ', '\t', ''][Math.floor(rand() * 5)]!;
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${gap()}${value.map((v) => writeJson(v, rand)).join(`,${gap()}`)}${gap()}]`;
  const members = Object.entries(value).map(
    ([k, v]) => `${written(k, rand() < 0.3)}${gap()}:${gap()}${writeJson(v, rand)}`,
  );
  return `{${gap()}${members.join(`,${gap()}`)}${gap()}}`;
}

const leaf = fc.oneof(fc.constantFrom('x', 'a"b', '\\', '{[', 'rest'), fc.string({ maxLength: 6 }));
const { value: valueArb } = fc.letrec<{ value: Value }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }),
    // unique keys (a duplicate is the exact reader's to tell); sometimes more than 16, so the object is indexed
    fc
      .uniqueArray(fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 3 })), {
        minLength: 0,
        maxLength: 24,
        size: 'max',
      })
      .chain((keys) =>
        fc.tuple(fc.constant(keys), fc.array(tie('value'), { minLength: keys.length, maxLength: keys.length })),
      )
      .map(([keys, values]) => Object.fromEntries(keys.map((k, i) => [k, values[i]!]))),
  ),
}));

/** Does the value hold an object of more than 16 members (which the locator indexes)? */
const hasLargeObject = (value: Value): boolean =>
  typeof value === 'string'
    ? false
    : Array.isArray(value)
      ? value.some(hasLargeObject)
      : Object.keys(value).length > 16 || Object.values(value).some(hasLargeObject);

describe('JsonLocator against a reference reader', () => {
  it('finds every value and key where the reference does, in any order of pointers', { timeout: 60_000 }, () => {
    let indexed = 0;
    let escapedKeys = 0;
    let pointers = 0;
    fc.assert(
      fc.property(valueArb, fc.integer({ min: 1, max: 2 ** 31 - 1 }), (value, seed) => {
        let state = seed;
        const rand = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
        const text = writeJson(value, rand);
        const places = jsonPlaces(text);
        const locator = new JsonLocator(text);
        if (hasLargeObject(value)) indexed++;
        if (text.includes('\\u')) escapedKeys++;
        // in file order, then shuffled: the locator reuses the last pointer's way
        const all = [...places.entries()];
        const shuffled = [...all].sort(() => rand() - 0.5).slice(0, 100);
        for (const [pointer, place] of [...all.slice(0, 300), ...shuffled]) {
          pointers++;
          expect(locator.offset(pointer, false), pointer).toBe(place.value);
          if (place.key !== undefined) expect(locator.offset(pointer, true), pointer).toBe(place.key);
        }
      }),
      { seed: 1710, numRuns: 300 },
    );
    // floors: each path is reached by enough cases
    expect(indexed).toBeGreaterThan(50);
    expect(escapedKeys).toBeGreaterThan(100);
    expect(pointers).toBeGreaterThan(20_000);
  });
});
