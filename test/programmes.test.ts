import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeClaims } from '../src/core/claims/compute.js';
import { parseClaimFile } from '../src/io/claim-file.js';
import { checkProgramme } from '../src/core/programmes/check.js';
import { programme, PROGRAMMES } from '../src/core/programmes/profiles.js';
import { d, errorOf } from './helpers.js';
import { parseBudgetFile } from '../src/io/budget-file.js';
import { checkBudgetFile } from '../src/core/check.js';

const at = { line: 1, column: 1, pointer: '' };
const claims = (head: string, funding = '{ erdf: 85%, municipal: rest }') =>
  computeClaims(
    parseClaimFile(
      `${head}\ncosts: { staff: 1 000 }\nfunding: ${funding}\nclaims:\n  - { period: 1, expenditure: { staff: 100 } }\n`,
      'yaml',
    ),
  );
const codes = (report: ReturnType<typeof claims>) => report.findings.map((f) => `${f.severity}:${f.code}`);

describe('programme profiles: data', () => {
  it('every figure has its document, section and address, and is a rate from 0 to 100', () => {
    expect(PROGRAMMES.map((p) => p.id)).toEqual([
      'urbact-iii',
      'interreg-baltic-sea-region',
      'interreg-europe-2014-2020',
      'interreg-estonia-latvia',
      'interreg-europe',
      'interreg-central-baltic',
      'interreg-latvia-lithuania',
      'interreg-central-europe',
    ]);
    for (const p of PROGRAMMES) {
      for (const c of p.categories) {
        expect(c.source.document.length, `${p.id} ${c.id}`).toBeGreaterThan(10);
        expect(c.source.section.length).toBeGreaterThan(3);
        expect(c.source.url).toMatch(/^https:\/\//);
        expect(c.maximum.gte(0) && c.maximum.lte(100)).toBe(true);
      }
      expect(new Set(p.categories.map((c) => c.id)).size).toBe(p.categories.length);
    }
  });
  it('holds the figures of the sources', () => {
    const max = (id: string) => programme(id)!.categories.map((c) => `${c.id} ${c.maximum.toFixed()}`);
    expect(max('urbact-iii')).toEqual([
      'less-developed 85',
      'transition 85',
      'more-developed 70',
      'norway-switzerland 50',
    ]);
    expect(max('interreg-baltic-sea-region')).toEqual(['eu 80', 'norway 50', 'priority-4 80', 'outside 80']);
    expect(max('interreg-central-europe')).toEqual(['all 80']);
    expect(max('interreg-europe-2014-2020')).toEqual(['public 85', 'private-non-profit 75', 'norway 50']);
    expect(max('interreg-estonia-latvia')).toEqual(['all 80']);
    expect(max('interreg-europe')).toEqual(['public 80', 'private-non-profit 70', 'norway 50']);
    expect(max('interreg-central-baltic')).toEqual(['all 80']);
    expect(max('interreg-latvia-lithuania')).toEqual(['all 80']);
    // each quoted in its source's words
    expect(programme('interreg-latvia-lithuania')!.categories[0]!.source.section).toContain(
      'will provide 80% co-financing',
    );
    expect(programme('interreg-central-baltic')!.categories[0]!.source.section).toContain('up to 80%');
    expect(programme('interreg-europe')!.categories[1]!.source.section).toContain('70%');
  });
});

describe('programme profiles: checks', () => {
  it("a fund above the category's maximum is an error at the rate", () => {
    const report = claims('programme: urbact-iii\ncategory: more-developed');
    expect(codes(report)).toEqual(['error:programme-rate-above-maximum']);
    expect(report.findings[0]).toMatchObject({
      line: 4,
      column: 18,
      message:
        'erdf 85% is more than URBACT III\'s maximum for partners from more developed regions (ERDF), 70% (ÖROK (Austrian Conference on Spatial Planning), "URBACT III | Programmbudget", Kofinanzierung für Netzwerke (co-financing of networks))',
    });
    expect(report.verdict).toBe('fail');
    expect(report.programme).toEqual({ id: 'urbact-iii', name: 'URBACT III', category: 'more-developed' });
  });
  it('at the maximum passes; funds are added up', () => {
    expect(codes(claims('programme: urbact-iii\ncategory: less-developed'))).toEqual([]);
    expect(codes(claims('programme: interreg-central-europe', '{ erdf: 80%, municipal: rest }'))).toEqual([]);
    expect(
      codes(claims('programme: interreg-central-europe', '{ erdf: 60%, interreg: 25%, municipal: rest }')),
    ).toEqual(['error:programme-rate-above-maximum']);
  });
  it('without a category: the highest maximum, and a warning naming the categories', () => {
    const report = claims('programme: interreg-baltic-sea-region');
    expect(codes(report)).toEqual(['warning:programme-category-unknown', 'error:programme-rate-above-maximum']);
    expect(report.findings[0]!.hint).toBe('write category: one of eu, norway, priority-4, outside');
  });
  it('refuses an unknown programme or category, with a did-you-mean', () => {
    const e = errorOf(() =>
      parseClaimFile(
        'programme: urbact-3\ncosts: { staff: 1 }\nfunding: { erdf: 80%, state: rest }\nperiods: [{ period: 1 }]\n',
        'yaml',
      ),
    );
    expect([e.code, e.message, e.hint, e.location?.line]).toEqual([
      'unknown-key',
      'unknown programme "urbact-3"',
      'did you mean "urbact-iii"?',
      1,
    ]);
    const c = errorOf(() =>
      parseClaimFile(
        'programme: urbact-iii\ncategory: transitional\ncosts: { staff: 1 }\nfunding: { erdf: 80%, state: rest }\nperiods: [{ period: 1 }]\n',
        'yaml',
      ),
    );
    expect([c.code, c.message, c.hint]).toEqual([
      'unknown-key',
      'unknown partner category "transitional" of URBACT III',
      'did you mean "transition"?',
    ]);
    expect(
      errorOf(() =>
        parseClaimFile(
          'category: eu\ncosts: { staff: 1 }\nfunding: { erdf: 80%, state: rest }\nperiods: [{ period: 1 }]\n',
          'yaml',
        ),
      ).message,
    ).toBe('category without programme');
  });
});

describe('properties: a finding exactly when the funds together pass the maximum', () => {
  it('against the plain rule', () => {
    const rate = fc
      .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 99 }))
      .map(([w, f]) => (w === 100 ? '100' : `${w}.${String(f).padStart(2, '0')}`));
    fc.assert(
      fc.property(fc.array(rate, { minLength: 1, maxLength: 3 }), fc.constantFrom(...PROGRAMMES), (rates, profile) => {
        const category = profile.categories[0]!;
        const findings = checkProgramme(
          profile,
          category.id,
          rates.map((r, i) => ({ id: `f${i}`, rate: d(r), at })),
          at,
        );
        // the reference: hundredths as whole numbers
        const total = rates.reduce((s, r) => s + Math.round(Number(r) * 100), 0);
        return (findings.length === 1) === total > Number(category.maximum.toFixed()) * 100;
      }),
      { numRuns: 500 },
    );
  });
});

describe('programme profiles in budget files (cofin check)', () => {
  const check = (yaml: string) => checkBudgetFile(parseBudgetFile(yaml, 'yaml'));
  const found = (yaml: string) => check(yaml).findings.map((f) => `${f.severity}:${f.code}:${f.line}:${f.column}`);
  const FILE = (head: string, funding = '{ erdf: 80%, municipal: rest }') =>
    `${head}\npartner: Example\nbudget: 1 000\nfunding: ${funding}\n`;
  it("a fund's rate above the category's maximum is an error at the rate; at the maximum it passes", () => {
    expect(found(FILE('programme: urbact-iii\ncategory: more-developed'))).toEqual([
      'error:programme-rate-above-maximum:5:18',
    ]);
    expect(found(FILE('programme: urbact-iii\ncategory: more-developed', '{ erdf: 70%, municipal: rest }'))).toEqual(
      [],
    );
    expect(found(FILE('programme: interreg-latvia-lithuania', '{ erdf: 80.01%, municipal: rest }'))).toEqual([
      'error:programme-rate-above-maximum:4:18',
    ]);
  });
  it('a fund without a rate is held by its share of the budget; no category: the highest maximum and a warning', () => {
    expect(
      found(FILE('programme: interreg-europe\ncategory: norway', '{ erdf: { amount: 501 }, municipal: rest }')),
    ).toEqual(['error:programme-rate-above-maximum:5:28']);
    expect(found(FILE('programme: interreg-europe', '{ erdf: 80%, municipal: rest }'))).toEqual([
      'warning:programme-category-unknown:1:12',
    ]);
  });
  it('an unknown programme or category, or a category without a programme, is an invalid file', () => {
    expect(errorOf(() => check(FILE('programme: urbact-3'))).message).toBe('unknown programme "urbact-3"');
    expect(errorOf(() => check(FILE('programme: urbact-iii\ncategory: more'))).message).toBe(
      'unknown partner category "more" of URBACT III',
    );
    expect(errorOf(() => check(FILE('category: all'))).message).toBe('category without programme');
  });
});
