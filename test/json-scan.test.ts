import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { countKeys, JsonLocator, NUMBER_MARK, scanJson } from '../src/io/json-scan.js';
import { loadBudgetFile, loadJsonExact } from '../src/io/budget-file.js';
import { checkBudgetStream, type Finding } from '../src/core/check.js';
import { CofinError } from '../src/core/errors.js';

describe('scanJson', () => {
  it('quotes number literals with the mark and leaves strings alone', () => {
    const scanned = scanJson('{"budget": 12758.10, "a": "x: 1, \\"2\\"", "list": [-0.5, 1e3]}')!;
    expect(scanned.quoted).toBe(true);
    expect(JSON.parse(scanned.text)).toEqual({
      budget: `${NUMBER_MARK}12758.10`,
      a: 'x: 1, "2"',
      list: [`${NUMBER_MARK}-0.5`, `${NUMBER_MARK}1e3`],
    });
  });

  it('counts keys, not colons inside strings', () => {
    const scanned = scanJson('{"a:b": "c:d", "e": {"f": "\\\\"}}')!;
    expect(scanned.keys).toBe(3);
    expect(scanned.quoted).toBe(false);
    expect(countKeys(JSON.parse(scanned.text))).toBe(3);
  });

  it('finds a duplicate key by counting: the text has more keys than the parsed objects', () => {
    const scanned = scanJson('{"a": "1", "b": {"c": "2", "c": "3"}}')!;
    expect(countKeys(JSON.parse(scanned.text))).toBe(scanned.keys - 1);
  });

  it.each(['{"a": 01}', '{"a": 1.}', '{"a": -}', '{"a": "1\\u0001", "b": 2}', '{"a": "open'])(
    'leaves %s to the exact reader',
    (text) => {
      expect(scanJson(text)).toBeUndefined();
    },
  );

  it('counts keys of deeply nested objects without recursion', () => {
    const deep = `${'{"a": '.repeat(20000)}"x"${'}'.repeat(20000)}`;
    expect(countKeys(JSON.parse(deep))).toBe(20000);
  });
});

describe('JsonLocator', () => {
  const text =
    '{\n  "partners": [\n    {"partner": "A", "budget": "1"},\n    {"partner": "B", "funding": {"a/b": "1", "c~d": "2", "\\u00e9": "3"}}\n  ]\n}';
  const locator = new JsonLocator(text);

  /** The place of the n-th occurrence of a piece of the text. */
  const where = (piece: string, nth = 0) => {
    let offset = -1;
    for (let i = 0; i <= nth; i++) offset = text.indexOf(piece, offset + 1);
    const before = text.slice(0, offset);
    return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
  };

  it('places values and keys by JSON pointer', () => {
    expect(locator.place('', false)).toEqual({ line: 1, column: 1 });
    expect(locator.place('/partners/0/budget', false)).toEqual(where('"1"'));
    expect(locator.place('/partners/0/budget', true)).toEqual(where('"budget"'));
    expect(locator.place('/partners/1', false)).toEqual(where('{"partner": "B"'));
    expect(locator.place('/partners/1/partner', false)).toEqual(where('"B"'));
  });

  it('places a pointer the same after any other (the way of the last one is reused)', () => {
    const pointers = [
      ['/partners/1/funding/a~1b', true],
      ['/partners/1/funding/c~0d', false],
      ['/partners/1/funding', true],
      ['/partners/1/funding/é', false],
      ['/partners/0/budget', true],
      ['/partners/0/missing/deeper', false],
      ['/partners/0/budget', false],
      ['/partners/9/partner', false],
      ['/partners/1/partner', false],
      ['/partners', true],
      ['', false],
    ] as const;
    const shared = new JsonLocator(text);
    for (const order of [pointers, [...pointers].reverse()])
      for (const [pointer, key] of order)
        expect(shared.place(pointer, key)).toEqual(new JsonLocator(text).place(pointer, key));
  });

  it('reads escaped pointer segments and escaped keys', () => {
    expect(locator.place('/partners/1/funding/a~1b', true)).toEqual(where('"a/b"'));
    expect(locator.place('/partners/1/funding/c~0d', false)).toEqual(where('"2"'));
    expect(locator.place('/partners/1/funding/é', true)).toEqual(where('"\\u00e9"'));
  });
});

/** Every finding with its place, as the user sees it. */
const findingsOf = (load: () => Parameters<typeof checkBudgetStream>[0]) =>
  checkBudgetStream(load()).findings.map((f: Finding) => [f.code, f.message, f.line, f.column, f.pointer]);

/** The budget fixtures (passing and failing) as JSON: strings as written, and with whole numbers as JSON numbers. */
function jsonVariants(): [string, string][] {
  const dirs = ['fixtures', 'fixtures/fail', 'fixtures/project'];
  const out: [string, string][] = [];
  for (const dir of dirs) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
      const value = parse(readFileSync(join(dir, name), 'utf8'), { schema: 'failsafe' });
      const pretty = JSON.stringify(value, null, 2);
      out.push([`${dir}/${name}`, pretty]);
      out.push([`${dir}/${name} (numbers)`, pretty.replace(/: "([0-9]+(?:\.[0-9]+)?)"/g, ': $1')]);
      out.push([`${dir}/${name} (one line)`, JSON.stringify(value)]);
    }
  }
  return out;
}

describe('the fast JSON reader agrees with the exact one', () => {
  it.each(jsonVariants())('%s: same findings at the same places', (_name, text) => {
    expect(findingsOf(() => loadBudgetFile(text, 'json'))).toEqual(findingsOf(() => loadJsonExact(text)));
  });

  it('falls back to the exact reader for every error, so messages and places do not change', () => {
    const text =
      '{\n  "partners": [\n    {"partner": "A", "budget": "1", "funding": {"erdf": "85%", "national": "rest"}},\n    {"partner": "B", "budget": "x", "funding": {"erdf": "85%"}}\n  ]\n}';
    const errorOf = (read: () => unknown) => {
      try {
        read();
      } catch (e) {
        return e as CofinError;
      }
      return undefined;
    };
    const fast = errorOf(() => [...loadBudgetFile(text, 'json').partners]);
    const exact = errorOf(() => loadJsonExact(text));
    expect(fast).toBeInstanceOf(CofinError);
    expect([fast!.code, fast!.message, fast!.location]).toEqual([
      'bad-amount',
      'not an amount: "x"',
      { line: 4, column: 32, pointer: '/partners/1/budget' },
    ]);
    expect(fast).toEqual(exact);
  });

  it('reports a duplicate key as the exact reader does', () => {
    expect(() =>
      loadBudgetFile('{"partner": "A", "budget": "1", "budget": "2", "funding": {"erdf": "100%"}}', 'json'),
    ).toThrow('duplicate key "budget"');
  });
});
