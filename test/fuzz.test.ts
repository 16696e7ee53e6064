import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { parseAmount, formatAmount } from '../src/core/amount.js';
import { parseRate } from '../src/core/rate.js';
import { parseFigure } from '../src/core/figure.js';
import { loadBudgetFile, loadJsonExact, parseBudgetFile } from '../src/io/budget-file.js';
import { parsePartnerCsv } from '../src/io/csv.js';
import { checkBudgetFile, checkBudgetStream } from '../src/core/check.js';
import { extractBudget } from '../src/core/extract/extract.js';
import { CofinError } from '../src/core/errors.js';

/** Seeded and bounded, so CI runs the same cases in the same time. */
const RUNS = { seed: Number(process.env.FUZZ_SEED ?? 20261126), numRuns: Number(process.env.FUZZ_RUNS ?? 400) };
const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');

/** Runs `fn`; a CofinError is an accepted answer to bad input, anything else fails the property. */
function onlyCofinErrors<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (error) {
    if (error instanceof CofinError) {
      expect(error.message.length).toBeGreaterThan(0);
      expect(error.exitCode).toBe(2);
      return undefined;
    }
    throw error;
  }
}

const amountish = fc.string({
  unit: fc.constantFrom(..."0123456789 .,'’€$EURLVeiro-−~%milj.tūkst\u00a0\u202f".split('')),
  maxLength: 30,
});

/** The text with one to six random edits; `chars` is what an edit inserts or writes over. */
const mutated = (text: string, chars: fc.Arbitrary<string> = fc.string({ maxLength: 3 })) =>
  fc
    .array(fc.tuple(fc.nat({ max: text.length }), fc.constantFrom('insert', 'delete', 'replace'), chars), {
      minLength: 1,
      maxLength: 6,
    })
    .map((edits) =>
      edits.reduce((t, [at, kind, chars]) => {
        const i = Math.min(at, t.length);
        if (kind === 'insert') return t.slice(0, i) + chars + t.slice(i);
        if (kind === 'delete') return t.slice(0, i) + t.slice(i + 1);
        return t.slice(0, i) + chars + t.slice(i + chars.length);
      }, text),
    );

describe('fuzz: parsers', () => {
  it('parseAmount: only CofinErrors, and what it accepts survives format and parse again', () => {
    fc.assert(
      fc.property(fc.oneof(amountish, fc.string()), (text) => {
        const parsed = onlyCofinErrors(() => parseAmount(text));
        if (!parsed) return;
        const again = parseAmount(formatAmount(parsed.value, parsed.scale), { decimal: 'point' });
        expect(again.value.eq(parsed.value)).toBe(true);
      }),
      RUNS,
    );
  });

  it('parseRate and parseFigure: only CofinErrors; accepted rates stay within 0..100', () => {
    fc.assert(
      fc.property(fc.oneof(amountish, fc.string()), (text) => {
        const rate = onlyCofinErrors(() => parseRate(text));
        if (rate) expect(rate.value.gte(0) && rate.value.lte(100)).toBe(true);
        onlyCofinErrors(() => parseFigure(text));
      }),
      RUNS,
    );
  });
});

describe('fuzz: loaders and checks', () => {
  const yamlFixtures = readdirSync(new URL('../fixtures', import.meta.url))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => fixture(f));

  it('YAML budget files: random text and mutations of the fixtures never crash the loader or the check', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom(...yamlFixtures).chain(mutated)), (text) => {
        const model = onlyCofinErrors(() => parseBudgetFile(text, 'yaml'));
        if (model) onlyCofinErrors(() => checkBudgetFile(model));
      }),
      RUNS,
    );
  });

  it('JSON budget files', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), mutated(fixture('ventspils-digital-centre.json'))), (text) => {
        const model = onlyCofinErrors(() => parseBudgetFile(text, 'json'));
        if (model) onlyCofinErrors(() => checkBudgetFile(model));
      }),
      RUNS,
    );
  });

  it('JSON: the fast reader and the exact one give the same model, findings or error', () => {
    // edits in JSON's own characters reach the number quoting, the key count and the places
    const structural = fc.string({ unit: fc.constantFrom(...'"{}[],:0123456789.-eE \\u'.split('')), maxLength: 3 });
    const edits = (text: string) => mutated(text, structural);
    const numbers = fixture('ventspils-digital-centre.json');
    const strings = JSON.stringify(
      {
        partners: [
          { partner: 'A', budget: '100', funding: { erdf: '85%', national: 'rest' } },
          { partner: 'B', budget: '12 758', funding: { erdf: { rate: '85%', amount: '10844' }, state: 'rest' } },
        ],
      },
      null,
      1,
    );
    const outcome = (read: () => ReturnType<typeof loadBudgetFile>) => {
      try {
        const result = checkBudgetStream(read());
        return {
          verdict: result.verdict,
          findings: result.findings.map((f) => [f.code, f.message, f.line, f.column, f.pointer]),
          partners: [...result.partners].map((p) => p.shares.map((x) => x.computed.toFixed())),
        };
      } catch (error) {
        if (!(error instanceof CofinError)) throw error;
        return { error: [error.code, error.message, error.location?.line, error.location?.column] };
      }
    };
    fc.assert(
      fc.property(fc.oneof(edits(numbers), edits(strings)), (text) => {
        expect(outcome(() => loadBudgetFile(text, 'json'))).toEqual(outcome(() => loadJsonExact(text)));
      }),
      RUNS,
    );
  });

  it('CSV partner tables', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), mutated(fixture('project/partners-lv.csv'))), (text) => {
        const model = onlyCofinErrors(() => parsePartnerCsv(text));
        if (model) onlyCofinErrors(() => checkBudgetFile(model));
      }),
      RUNS,
    );
  });

  it('extract never throws, and what it finds is exact', () => {
    const doc = fixture('documents/ventspils-digital-centre.txt');
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), mutated(doc)), (text) => {
        const result = extractBudget(text);
        for (const share of result.funding) {
          if (share.rate) expect(share.rate.value.lte(100)).toBe(true);
          if (share.amount) expect(share.amount.value.isNegative()).toBe(false);
        }
      }),
      { ...RUNS, numRuns: 200 },
    );
  });
});
