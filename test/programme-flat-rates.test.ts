import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeClaims } from '../src/core/claims/compute.js';
import { parseClaimFile } from '../src/io/claim-file.js';
import { parseBudgetFile } from '../src/io/budget-file.js';
import { checkBudgetFile } from '../src/core/check.js';
import { PROGRAMMES, programme } from '../src/core/programmes/profiles.js';

const check = (yaml: string) => checkBudgetFile(parseBudgetFile(yaml, 'yaml'));
const programmeCodes = (yaml: string) =>
  check(yaml)
    .findings.filter((f) => f.code.startsWith('programme-') && f.code !== 'programme-category-unknown')
    .map((f) => `${f.code}:${f.line}:${f.column}`);
const budget = (head: string, costs: string) =>
  `${head}\npartner: Example\ncosts:\n${costs}\nfunding: { erdf: 80%, municipal: rest }\n`;

describe('programme flat rates: data', () => {
  it('every flat rate and monitoring system carries its document, section and address', () => {
    for (const p of PROGRAMMES) {
      for (const r of p.flatRates?.rules ?? []) {
        expect(r.source.document.length, `${p.id} ${r.category}`).toBeGreaterThan(10);
        expect(r.source.section.length).toBeGreaterThan(10);
        expect(r.source.url).toMatch(/^https:\/\//);
        expect(r.maximum.gt(0) && r.maximum.lte(100)).toBe(true);
      }
      for (const o of p.flatRates?.only ?? []) {
        expect(o.source.section.length).toBeGreaterThan(10);
        // a category whose every flat rate is listed has at least one
        expect(p.flatRates!.rules.some((r) => r.category === o.category)).toBe(true);
      }
      if (p.system)
        expect([p.system.name, p.system.method, p.system.unit.toFixed()]).toEqual(['Jems', 'fund-down', '0.01']);
    }
  });
  it('holds the figures of the sources: the regulations for 2021-2027, none for 2014-2020', () => {
    const rules = (id: string) =>
      (programme(id)!.flatRates?.rules ?? []).map((r) => `${r.category} ${r.maximum.toFixed()}% of ${r.base}`);
    const regulation = ['staff 20% of direct', 'office 15% of staff', 'office 25% of direct', 'travel 15% of staff'];
    for (const id of [
      'interreg-baltic-sea-region',
      'interreg-estonia-latvia',
      'interreg-central-baltic',
      'interreg-latvia-lithuania',
      'interreg-central-europe',
    ])
      expect(rules(id), id).toEqual(regulation);
    expect(rules('interreg-europe')).toEqual([
      'staff 20% of direct',
      'office 15% of staff',
      'office 25% of direct',
      'travel 15% of staff',
    ]);
    expect(programme('interreg-europe')!.flatRates!.only.map((o) => o.category)).toEqual(['office', 'travel']);
    expect(rules('urbact-iii')).toEqual([]);
    expect(rules('interreg-europe-2014-2020')).toEqual([]);
    // Jems where a source names it; BAMOS+ (Baltic Sea Region) has no sourced rounding
    expect(PROGRAMMES.filter((p) => p.system).map((p) => p.id)).toEqual([
      'interreg-estonia-latvia',
      'interreg-central-baltic',
      'interreg-latvia-lithuania',
      'interreg-central-europe',
    ]);
    // each quoted in its source's words
    expect(programme('interreg-central-baltic')!.flatRates!.rules[3]!.source.section).toContain('up to 15%');
    expect(programme('interreg-europe')!.flatRates!.rules[3]!.source.section).toContain('6.2.3');
  });
});

describe('programme flat rates: findings in budget files (cofin check)', () => {
  it('a flat rate above the maximum is an error at the rate; at the maximum it passes', () => {
    const head = 'programme: interreg-central-baltic';
    expect(programmeCodes(budget(head, '  staff: 10 000\n  office: 15.01% of staff'))).toEqual([
      'programme-flat-rate-above-maximum:5:11',
    ]);
    expect(programmeCodes(budget(head, '  staff: 10 000\n  office: 15% of staff\n  travel: 15% of staff'))).toEqual([]);
    expect(programmeCodes(budget(head, '  staff: 21% of direct\n  external: 1 000'))).toEqual([
      'programme-flat-rate-above-maximum:4:10',
    ]);
    expect(programmeCodes(budget(head, '  staff: 1 000\n  office: 25.5% of direct'))).toEqual([
      'programme-flat-rate-above-maximum:5:11',
    ]);
  });
  it('a flat rate of a category whose every flat rate the source lists, on another base, is not allowed; others are left alone', () => {
    const europe = 'programme: interreg-europe\ncategory: public';
    const report = check(budget(europe, '  staff: 10 000\n  external: 1 000\n  travel: 15% of direct'));
    const f = report.findings.find((x) => x.code === 'programme-flat-rate-not-allowed')!;
    expect([f.line, f.column, f.severity, f.hint]).toEqual([7, 11, 'error', 'write travel: 15% of staff']);
    expect(f.message).toMatch(/^travel at 15% of direct costs is not a flat rate Interreg Europe allows/);
    // office has the regulation's three bases only (Regulation (EU) 2021/1060, Article 54)
    expect(
      programmeCodes(
        budget('programme: interreg-central-europe', '  staff: 1 000\n  travel: 500\n  office: 10% of staff, travel'),
      ),
    ).toEqual(['programme-flat-rate-not-allowed:6:11']);
    // travel on another base outside Interreg Europe, other costs at 40%: no source says, nothing found
    expect(
      programmeCodes(
        budget('programme: interreg-central-baltic', '  staff: 1 000\n  external: 1 000\n  travel: 15% of direct'),
      ),
    ).toEqual([]);
    expect(
      programmeCodes(budget('programme: interreg-central-baltic', '  staff: 1 000\n  other: 40% of staff')),
    ).toEqual([]);
    // a 2014-2020 profile has no flat rates sourced
    expect(
      programmeCodes(
        budget('programme: urbact-iii\ncategory: less-developed', '  staff: 1 000\n  office: 30% of staff'),
      ),
    ).toEqual([]);
  });
  it("tells a flat rate above the maximum once: the usual ceiling's warning gives way to the programme's error", () => {
    const codes = (head: string) =>
      check(budget(head, '  staff: 10 000\n  office: 20% of staff')).findings.map((f) => `${f.code}:${f.line}`);
    expect(codes('programme: interreg-central-baltic')).toEqual(['programme-flat-rate-above-maximum:5']);
    // without a programme, or one whose flat rates are not sourced, the warning stays
    expect(codes('currency: EUR')).toEqual(['flat-rate-high:5']);
    expect(codes('programme: urbact-iii\ncategory: less-developed')).toEqual(['flat-rate-high:6']);
    const claim = computeClaims(
      parseClaimFile(
        'programme: interreg-central-baltic\ncosts: { staff: 1 000, office: 20% of staff, other: 50% of staff }\n' +
          'funding: { erdf: 80%, municipal: rest }\nclaims:\n  - { period: 1, expenditure: { staff: 100 } }\n',
        'yaml',
      ),
    );
    // other costs at 50% of staff: no programme rule (CPR Article 56 not read), so its warning stays
    expect(claim.findings.map((f) => `${f.code}:${f.column}`)).toEqual([
      'flat-rate-high:53',
      'programme-flat-rate-above-maximum:32',
    ]);
  });
  it('names the partner in a file of several', () => {
    const yaml =
      'programme: interreg-central-baltic\nfunding: { erdf: 80%, municipal: rest }\npartners:\n' +
      '  - partner: LP\n    costs: { staff: 1 000, office: 20% of staff }\n  - partner: PP2\n    budget: 1 000\n';
    const f = check(yaml).findings.find((x) => x.code === 'programme-flat-rate-above-maximum')!;
    expect([f.partner, f.line, f.column]).toEqual(['LP', 5, 36]);
    expect(f.message).toMatch(/^partner "LP": office at 20% of staff is more than Interreg Central Baltic's maximum/);
  });
});

describe('programme rounding: a declared rule held to the monitoring system', () => {
  const file = (id: string, rounding: string) =>
    `programme: ${id}\npartner: Example\nbudget: 1 000\nfunding: { erdf: 80%, municipal: rest }\n${rounding}`;
  it('differs: an error at the method (or the unit); the same rule, none declared, or no system sourced: none', () => {
    expect(programmeCodes(file('interreg-central-europe', 'rounding: { method: largest-remainder }\n'))).toEqual([
      'programme-rounding-differs:5:21',
    ]);
    expect(programmeCodes(file('interreg-central-europe', 'rounding: { unit: 1, method: fund-down }\n'))).toEqual([
      'programme-rounding-differs:5:19',
    ]);
    expect(programmeCodes(file('interreg-central-europe', 'rounding: { method: fund-down, unit: 0.01 }\n'))).toEqual(
      [],
    );
    expect(programmeCodes(file('interreg-central-europe', ''))).toEqual([]);
    expect(programmeCodes(file('interreg-baltic-sea-region\ncategory: eu', 'rounding: { method: half-up }\n'))).toEqual(
      [],
    );
    expect(programmeCodes(file('urbact-iii\ncategory: less-developed', 'rounding: { method: half-up }\n'))).toEqual([]);
  });
  it('every programme, method and unit: a finding exactly when the profile names Jems and the rule is not its own', () => {
    for (const p of PROGRAMMES)
      for (const method of ['largest-remainder', 'half-up', 'fund-down'])
        for (const unit of ['1', '0.01', '0.1']) {
          const category = p.categories.length > 1 ? `\ncategory: ${p.categories[0]!.id}` : '';
          const found = programmeCodes(file(p.id + category, `rounding: { method: ${method}, unit: ${unit} }\n`));
          const jems = [
            'interreg-estonia-latvia',
            'interreg-central-baltic',
            'interreg-latvia-lithuania',
            'interreg-central-europe',
          ];
          const expected = jems.includes(p.id) && (method !== 'fund-down' || unit !== '0.01');
          // at the method when it differs, else at the unit
          const at = `${category ? 6 : 5}:${method === 'fund-down' ? 38 : 21}`;
          expect(found, `${p.id} ${method} ${unit}`).toEqual(expected ? [`programme-rounding-differs:${at}`] : []);
        }
  });
});

describe('programme flat rates in claim files (cofin claim)', () => {
  it("the budget's flat rates are held to the programme's, at the flat rate", () => {
    const report = computeClaims(
      parseClaimFile(
        'programme: interreg-europe\ncategory: public\ncosts: { staff: 1 000, travel: 20% of staff }\n' +
          'funding: { erdf: 80%, municipal: rest }\nclaims:\n  - { period: 1, expenditure: { staff: 100 } }\n',
        'yaml',
      ),
    );
    const f = report.findings.filter((x) => x.code.startsWith('programme-flat'));
    expect(f.map((x) => [x.code, x.severity, x.line, x.column])).toEqual([
      ['programme-flat-rate-above-maximum', 'error', 3, 32],
    ]);
    expect(report.verdict).toBe('fail');
  });
});

// An independent reference, written from the README's table (Programme profiles, flat rates), sharing no code with
// src/: per programme, category → base → the maximum in hundredths of a percent, and the categories whose every flat
// rate is listed.
const REGULATION: Record<string, Record<string, number>> = {
  staff: { direct: 2000 },
  office: { staff: 1500, direct: 2500 },
  travel: { staff: 1500 },
};
const REFERENCE: Record<string, { max: Record<string, Record<string, number>>; only: string[] }> = {
  'interreg-baltic-sea-region': { max: REGULATION, only: ['office'] },
  'interreg-estonia-latvia': { max: REGULATION, only: ['office'] },
  'interreg-central-baltic': { max: REGULATION, only: ['office'] },
  'interreg-latvia-lithuania': { max: REGULATION, only: ['office'] },
  'interreg-central-europe': { max: REGULATION, only: ['office'] },
  'interreg-europe': { max: REGULATION, only: ['office', 'travel'] },
  'urbact-iii': { max: {}, only: [] },
  'interreg-europe-2014-2020': { max: {}, only: [] },
};

describe('property: the flat-rate findings against the reference', () => {
  it('random flat rates of random programmes, read from a budget file', () => {
    const reached = { above: 0, notAllowed: 0, none: 0, atMaximum: 0 };
    const flatLine = fc.record({
      category: fc.constantFrom('staff', 'office', 'travel', 'other'),
      base: fc.constantFrom(['direct'], ['staff'], ['external'], ['staff', 'external'], ['staff', 'staff']),
      // the maxima themselves, often: at and just above them
      whole: fc.oneof(fc.constantFrom(15, 20, 25), fc.integer({ min: 0, max: 30 })),
      hundredths: fc.constantFrom(0, 0, 1, 50, 99),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(REFERENCE)),
        fc.uniqueArray(flatLine, { minLength: 1, maxLength: 3, selector: (l) => l.category }),
        (id, flats) => {
          const profile = PROGRAMMES.find((p) => p.id === id)!;
          const category = profile.categories.length > 1 ? `\ncategory: ${profile.categories[0]!.id}` : '';
          const lines = flats.map((l) => {
            const rate = l.hundredths === 0 ? `${l.whole}` : `${l.whole}.${String(l.hundredths).padStart(2, '0')}`;
            return `  ${l.category}: ${rate}% of ${l.base.join(', ')}`;
          });
          // the plain categories the bases name, after the flat rates
          const plain = ['  external: 1 000', ...(flats.some((l) => l.category === 'staff') ? [] : ['  staff: 2 000'])];
          const yaml = budget(`programme: ${id}${category}`, [...lines, ...plain].join('\n'));
          const firstLine = category ? 5 : 4;
          const expected: string[] = [];
          flats.forEach((l, i) => {
            const ref = REFERENCE[id]!;
            const bases = [...new Set(l.base)];
            const max = bases.length === 1 ? ref.max[l.category]?.[bases[0]!] : undefined;
            const rate = l.whole * 100 + l.hundredths;
            if (max !== undefined) {
              if (rate > max) {
                expected.push(`programme-flat-rate-above-maximum:${firstLine + i}`);
                reached.above++;
              } else if (rate === max) reached.atMaximum++;
              else reached.none++;
            } else if (ref.only.includes(l.category)) {
              expected.push(`programme-flat-rate-not-allowed:${firstLine + i}`);
              reached.notAllowed++;
            } else reached.none++;
          });
          const found = check(yaml)
            .findings.filter((f) => f.code.startsWith('programme-flat-rate'))
            .map((f) => `${f.code}:${f.line}`);
          expect(found.sort()).toEqual(expected.sort());
        },
      ),
      { numRuns: 400, seed: 16 },
    );
    expect(reached.above).toBeGreaterThanOrEqual(40);
    expect(reached.notAllowed).toBeGreaterThanOrEqual(40);
    expect(reached.none).toBeGreaterThanOrEqual(40);
    expect(reached.atMaximum).toBeGreaterThanOrEqual(10);
  });
});
