import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeClaims } from '../src/core/claims/compute.js';
import type { ClaimsReport } from '../src/core/claims/types.js';
import { parseClaimFile } from '../src/io/claim-file.js';
import { parseBudgetFile } from '../src/io/budget-file.js';
import { parsePartnerCsv } from '../src/io/csv.js';
import { checkBudgetFile } from '../src/core/check.js';
import { localFinding } from '../src/render/words/index.js';
import { errorHintLv, errorMessageLv } from '../src/render/words/lv-errors.js';
import { errorOf } from './helpers.js';
import { cofin, scratch } from './e2e/run.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { referenceContributionParts } from './reference/contribution-parts.js';

// Findings of user trial 9, "confusing messages" (U1-U5). Each test failed before its fix.
const claims = (text: string): ClaimsReport => computeClaims(parseClaimFile(text, 'yaml'));

describe('U4: a contribution source at rest takes what the other contribution sources leave', () => {
  it('a sole rest source is the whole contribution, not a cent short of it', () => {
    const report = claims(
      'costs: { staff: 7 000, external: 2 000 }\nfunding: { erdf: 80%, own: { rate: rest, name: Own funds } }\n' +
        'claims:\n  - { period: 1, expenditure: { staff: 2 857.43, external: 2 331.23 } }\n',
    );
    const claim = report.claims[0]!;
    expect(claim.contribution.toFixed(2)).toBe('1037.74');
    expect(claim.sources.map((s) => s.amount.toFixed(2))).toEqual(['1037.74']);
  });

  it('beside a source at a rate: that one as Jems splits it, the rest the contribution less it', () => {
    const report = claims(
      'costs: { staff: 7 000, external: 2 000 }\nfunding: { erdf: 80%, state: 7%, municipal: rest }\n' +
        'claims:\n  - { period: 1, expenditure: { staff: 2 857.43, external: 2 331.23 } }\n',
    );
    const claim = report.claims[0]!;
    const [state, municipal] = claim.sources.map((s) => s.amount);
    // 7% of the budget's 9 000 is 630: 630 × 100 ÷ 9 000 = 7% of 5 188.65, rounded down
    expect(state!.toFixed(2)).toBe('363.20');
    expect(municipal!.toFixed(2)).toBe(claim.contribution.minus(state!).toFixed(2));
  });

  it('the parts equal the reference model: a source at a rate as Jems splits it, the rest what they leave', () => {
    const cents = (n: number) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;
    const toCents = (v: { toFixed(n: number): string }) => BigInt(v.toFixed(2).replace('.', ''));
    let beside = 0;
    let restNotJems = 0;
    fc.assert(
      fc.property(
        fc.record({
          budget: fc.tuple(fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 0, max: 5_000_000 })),
          erdf: fc.integer({ min: 0, max: 85 }),
          state: fc.option(fc.integer({ min: 0, max: 15 }), { nil: undefined }),
          rest: fc.boolean(),
          claims: fc.array(fc.tuple(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 5_000_000 })), {
            minLength: 1,
            maxLength: 3,
          }),
        }),
        (x) => {
          const funding = [`erdf: ${x.erdf}%`];
          if (x.state !== undefined) funding.push(`state: ${x.state}%`);
          // without a rest the contribution sources' rates make up 100%
          funding.push(x.rest ? 'municipal: rest' : `municipal: ${100 - x.erdf - (x.state ?? 0)}%`);
          const text = [
            `costs: { staff: ${cents(x.budget[0])}, external: ${cents(x.budget[1])} }`,
            `funding: { ${funding.join(', ')} }`,
            'claims:',
            ...x.claims.map(
              (c, i) => `  - { period: ${i + 1}, expenditure: { staff: ${cents(c[0])}, external: ${cents(c[1])} } }`,
            ),
          ].join('\n');
          const report = claims(text);
          const rest = x.rest ? report.budget.sources.length - 1 : -1;
          if (x.rest && report.budget.sources.length > 1) beside++;
          for (const claim of report.claims) {
            const expected = referenceContributionParts(
              toCents(claim.eligible),
              toCents(claim.contribution),
              report.budget.sources.map((s) => toCents(s.amount)),
              toCents(report.budget.total),
              rest,
            );
            expect(claim.sources.map((s) => toCents(s.amount))).toEqual(expected);
            if (rest >= 0) {
              const jems = referenceContributionParts(
                toCents(claim.eligible),
                0n,
                report.budget.sources.map((s) => toCents(s.amount)),
                toCents(report.budget.total),
                -1,
              );
              if (jems[rest] !== expected[rest]) restNotJems++;
            }
          }
        },
      ),
      { seed: 20_261_208, numRuns: 300 },
    );
    // floors: the rest beside a source at a rate, and a rest that differs from Jems's part (the cents it takes)
    expect(beside).toBeGreaterThanOrEqual(50);
    expect(restNotJems).toBeGreaterThanOrEqual(50);
  });
});

describe('U1: a table cell without % that reads as a rate gets a hint', () => {
  const finding = (csv: string) =>
    checkBudgetFile(parsePartnerCsv(csv)).findings.find((f) => f.code === 'sum-mismatch');

  it('85 and 15 beside a budget of 12 758: read as amounts (the verdict stands), the hint names the rate', () => {
    const f = finding('partner,budget,erdf,national\nA,12758,85,15\n');
    expect(f?.message).toContain('the declared amounts add up to EUR 100');
    expect(f?.hint).toBe('85 in the erdf column may be a rate: write 85% (a cell without % is an amount)');
  });

  it('says so in Latvian', () => {
    const f = finding('partner,budget,erdf,national\nA,12758,85,15\n');
    expect(f && localFinding(f, 'lv').hint).toBe('85 kolonnā erdf var būt likme: rakstiet 85% (šūna bez % ir summa)');
  });

  it('70 and 30 of a budget of 150: rates that make 100%', () => {
    expect(finding('partner,budget,erdf,national\nA,150,70,30\n')?.hint).toBe(
      '70 in the erdf column may be a rate: write 70% (a cell without % is an amount)',
    );
  });

  it('amounts that are plainly amounts keep the plain hint', () => {
    expect(finding('partner,budget,erdf,national\nA,12758,10000,2000\n')?.hint).toBe(
      'check each amount against the document, or the budget',
    );
    expect(finding('partner,budget,erdf,national\nA,150,70,40\n')?.hint).toBe(
      'check each amount against the document, or the budget',
    );
  });
});

describe('U2: a column that is no source says it was read as one', () => {
  const error = (csv: string) => errorOf(() => parsePartnerCsv(csv));

  it('a comment column: the message names the column and that it was taken as a funding source', () => {
    const e = error('partner;budget;erdf;national;comment\nA;12 758;85%;15%;ok\n');
    expect(e.code).toBe('bad-amount');
    expect(e.message).toBe('"ok" in the column "comment" is not an amount: the column was read as a funding source');
    expect(e.hint).toBe(
      'every column but partner, country, budget and currency is a funding source: delete the column "comment", ' +
        'or keep notes outside the table',
    );
  });

  it('a misspelt country column gets a did-you-mean', () => {
    const e = error('partner,contry,budget,erdf,national\nA,LV,12758,85%,15%\n');
    expect(e.message).toBe('"LV" in the column "contry" is not an amount: the column was read as a funding source');
    expect(e.hint).toBe('did you mean "country"? Rename the column country');
  });

  it('a Valsts column beside English headers: did you mean "country"', () => {
    const e = error('partner;Valsts;budget;erdf;national\nA;LV;12 758;85%;15%\n');
    expect(e.hint).toBe('did you mean "country"? Rename the column country');
  });

  it('Latvian headers: the missing partner column names the Latvian one it may be', () => {
    const e = error('Partneris;Valsts;Budžets;ERAF;Pašvaldība\nVentspils;LV;12 758,00;85%;15%\n');
    expect(e.message).toBe('the header has no "partner" column');
    expect(e.hint).toBe(
      'cofin reads the headers in English: rename the columns Partneris → partner, Valsts → country, Budžets → budget, ' +
        'e.g. partner;country;budget;erdf;municipal',
    );
  });

  it('says all of it in Latvian', () => {
    for (const e of [
      error('partner;budget;erdf;national;comment\nA;12 758;85%;15%;ok\n'),
      error('partner,contry,budget,erdf,national\nA,LV,12758,85%,15%\n'),
      error('Partneris;Valsts;Budžets;ERAF;Pašvaldība\nVentspils;LV;12 758,00;85%;15%\n'),
    ]) {
      const lv = { message: errorMessageLv(e.message), hint: errorHintLv(e.hint ?? '') };
      for (const text of [lv.message, lv.hint].map((t) => t.replace(/"[^"]*"|'[^']*'/g, '')))
        expect(text, `${e.message} / ${e.hint}`).not.toMatch(/\b(the|is|not|and|of|write|column|source|rename|keep)\b/);
    }
  });
});

describe('U3: a YAML merge key under funding says merge keys are not read there', () => {
  const defaults = 'defaults: &d { erdf: { rate: 85% }, national: rest }\n';
  it('in a budget file', () => {
    const first = errorOf(() =>
      parseBudgetFile(`${defaults}partner: A\nbudget: 100\nfunding:\n  <<: *d\n  erdf: 85%\n`, 'yaml'),
    );
    // the first error is the unknown key defaults; the merge key's is the next
    const e = [first, ...first.more].find((x) => x.message.includes('<<'))!;
    expect(e.message).toBe('not a source id: "<<"');
    expect(e.hint).toBe('merge keys (<<: *name) are not read in funding: write each source out');
    expect(e.location).toMatchObject({ line: 5, column: 3 });
    expect(errorHintLv(e.hint ?? '')).toBe(
      'apvienošanas atslēgas (<<: *name) sadaļā funding netiek lasītas: ierakstiet katru avotu',
    );
  });

  it('in a claim file', () => {
    const e = errorOf(() =>
      parseClaimFile('costs: { staff: 100 }\nfunding:\n  <<: { erdf: 80% }\n  own: rest\nclaims: []\n', 'yaml'),
    );
    expect(e.hint).toBe('merge keys (<<: *name) are not read in funding: write each source out');
  });
});

describe('U5: --format github says on its summary line what was ignored and by whom', () => {
  const files = scratch('cofin-tidy9-');

  it('errors ignored by a config file up the tree, in English and Latvian; none ignored, the line as before', () => {
    const top = files.fresh('ignored');
    mkdirSync(join(top, 'sub'), { recursive: true });
    writeFileSync(join(top, 'cofin.config.yaml'), 'ignore: [rates-sum]\n');
    writeFileSync(join(top, 'sub', 'a.yaml'), 'partner: A\nbudget: 1000\nfunding:\n  erdf: 50%\n');
    writeFileSync(join(top, 'sub', 'b.yaml'), 'partner: B\nbudget: 1000\nfunding:\n  erdf: 85%\n  national: rest\n');
    const run = cofin(['check', '.', '--format', 'github'], { cwd: join(top, 'sub') });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/::notice file=a\.yaml,.*title=cofin rates-sum::/);
    expect(run.stdout.split('\n').at(-2)).toBe(
      'cofin check: 2 files, 2 passed, 0 failed, 0 invalid; 1 error ignored (rates-sum) by ../cofin.config.yaml',
    );
    const lv = cofin(['check', '.', '--format', 'github', '--locale', 'lv'], { cwd: join(top, 'sub') });
    expect(lv.stdout.split('\n').at(-2)).toMatch(
      /; 1 kļūda netiek ņemta vērā \(rates-sum\): \.\.\/cofin\.config\.yaml$/,
    );
    const none = cofin(['check', 'b.yaml', '--format', 'github'], { cwd: join(top, 'sub') });
    expect(none.stdout.split('\n').at(-2)).toBe('cofin check: 1 file, 1 passed, 0 failed, 0 invalid');
  });
});
