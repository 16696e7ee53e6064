import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import YAML from 'yaml';
import { cofin, root } from './e2e/run.js';

// `cofin schema` held to a real validator (ajv, JSON Schema 2020-12) over every fixture.

const schema = JSON.parse(cofin(['schema']).stdout);
const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true }).compile(
  schema,
);

const walk = (dir: string): string[] =>
  readdirSync(join(root, dir)).flatMap((f) =>
    statSync(join(root, dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)],
  );
// fixtures/claims/ holds claim files (cofin claim), not budget files
const budgetFiles = walk('fixtures').filter(
  (f) =>
    /\.(ya?ml|json)$/.test(f) &&
    !f.startsWith('fixtures/corpus/') &&
    !f.startsWith('fixtures/corpus-holdout/') &&
    !f.startsWith('fixtures/claims/'),
);

/** The data an editor's validator sees: JSON parsed as JSON, YAML as YAML (duplicate keys refused, as cofin does). */
function data(file: string): { value: unknown } | undefined {
  const text = readFileSync(join(root, file), 'utf8');
  try {
    return { value: file.endsWith('.json') ? JSON.parse(text) : YAML.parse(text, { uniqueKeys: true }) };
  } catch {
    return undefined;
  }
}

/** Invalid fixtures whose fault no schema can see, and why. */
const BEYOND_A_SCHEMA: Record<string, string> = {
  'fixtures/invalid/bad-amount-currency.yaml': "a marker against the file's currency: two keys",
  'fixtures/invalid/bad-amount-grouping.yaml':
    'grouping in threes is the amount grammar, not a pattern an editor needs',
  'fixtures/invalid/bad-amount-exponent.json':
    'a JSON number reaches a validator as its value (100000), not its text (1e5)',
  'fixtures/invalid/duplicate-key.json':
    'JSON.parse keeps the last of two equal keys; editors flag duplicates themselves',
  'fixtures/invalid/two-rests.yaml': 'at most one rest among the sources: a count across keys',
  'fixtures/invalid/not-utf8.yaml': 'an encoding, refused before any schema: the validator sees replacement characters',
};

describe('cofin schema against every fixture (ajv, 2020-12)', () => {
  it('accepts every budget file that cofin reads', () => {
    const valid = budgetFiles.filter((f) => !f.startsWith('fixtures/invalid/'));
    expect(valid.length).toBeGreaterThanOrEqual(20);
    for (const file of valid) {
      const read = data(file);
      expect(read, file).toBeDefined();
      expect({ file, valid: validate(read!.value), errors: validate.errors ?? null }).toEqual({
        file,
        valid: true,
        errors: null,
      });
    }
  });

  it('rejects every invalid fixture, unless it cannot be parsed at all or its fault is beyond a schema', () => {
    const invalid = budgetFiles.filter((f) => f.startsWith('fixtures/invalid/'));
    expect(invalid.length).toBeGreaterThanOrEqual(30);
    let rejected = 0;
    for (const file of invalid) {
      const read = data(file);
      if (!read) continue; // a syntax error or a duplicate key: no editor gets as far as the schema
      if (BEYOND_A_SCHEMA[file]) {
        expect(validate(read.value), `${file} is listed as beyond a schema but is rejected: take it off the list`).toBe(
          true,
        );
        continue;
      }
      expect(validate(read.value), `${file} should be rejected by the schema`).toBe(false);
      rejected++;
    }
    expect(rejected).toBeGreaterThanOrEqual(25);
  });

  it('accepts what cofin init and cofin extract write', () => {
    const init = YAML.parse(cofin(['init', '-']).stdout);
    expect(validate(init), JSON.stringify(validate.errors)).toBe(true);
    for (const doc of readdirSync(join(root, 'fixtures/documents'))) {
      const out = cofin(['extract', `fixtures/documents/${doc}`]);
      expect(out.code, doc).toBe(0);
      expect(validate(YAML.parse(out.stdout)), `${doc}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('rejects the slips it can see: a fraction for a rate, a rest with a rate, a source without a name, a unit that is not a power of ten', () => {
    const file = (funding: object, extra: object = {}) => ({ partner: 'P', budget: '1000', funding, ...extra });
    expect(validate(file({ erdf: '85%', national: 'rest' }))).toBe(true);
    expect(validate(file({ erdf: '0.85', national: 'rest' }))).toBe(false);
    expect(validate(file({ erdf: 0.85, national: 'rest' }))).toBe(false);
    expect(validate(file({ erdf: '1%', national: 'rest' }))).toBe(true);
    expect(validate(file({ erdf: '85%', national: { rate: '15%', amount: 'rest' } }))).toBe(false);
    expect(validate(file({ erdf: '85%', eea: { rate: '15%' } }))).toBe(false);
    expect(validate(file({ erdf: '85%', eea: { rate: '15%', name: 'EEA Grants' } }))).toBe(true);
    expect(validate(file({ erdf: '100%' }, { rounding: { unit: '0.05' } }))).toBe(false);
    expect(validate(file({ erdf: '100%' }, { rounding: { unit: 0.01 } }))).toBe(true);
    expect(validate(file({ erdf: '100%' }, { budget: '12,758' }))).toBe(false);
    expect(validate(file({ erdf: '100%' }, { budget: '2,500 milj.' }))).toBe(true);
  });
});

describe("cofin schema: Jems's preparation and closure periods", () => {
  it('takes period: preparation and closure, and refuses another word', () => {
    const plan = (first: string) =>
      YAML.parse(
        `budget: 100\nfunding: { erdf: 80%, state: rest }\nperiods:\n  - { period: ${first}, budget: 10 }\n  - { period: 1 }\n  - { period: closure, budget: 5 }\n`,
      );
    expect(validate(plan('preparation'))).toBe(true);
    expect(validate(plan('prep'))).toBe(false);
    // cofin reads what the schema takes
    expect(cofin(['check', '-'], { input: YAML.stringify(plan('preparation')) }).code).toBe(0);
  });
});
