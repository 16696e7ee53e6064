// Which statement a text is about, and the figures of a rest: two "total, of which" statements in one text, a total
// the body that receives it names, rates or amounts in a bracket after a total, a relative clause that states the
// rest's figure (a wrong-PASS class: left as a comment, the rest took what the others left and passed), a rest paid
// by the partners, table cells without any currency. Wordings are our own.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractBudget } from '../src/core/extract/extract.js';
import { checkBudgetFile } from '../src/core/check.js';
import { parseBudgetFile } from '../src/io/budget-file.js';
import { extractionToYaml } from '../src/render/extract.js';
import { checksOf, summary } from './extract-summary.js';
import { cofin } from './e2e/run.js';
import { expectedBudget, expectedVerdict, type Statement } from './reference/statements.js';

const verdictOf = (text: string) =>
  checkBudgetFile(parseBudgetFile(extractionToYaml(extractBudget(text), 'doc.txt'), 'yaml')).verdict;

describe('a relative clause after a rest states its figure', () => {
  // [name, wording with {X}, the right figure, a wrong one]
  const WORDINGS: [string, (x: string) => string, string, string][] = [
    [
      'en, "which comes to"',
      (x) =>
        `Total eligible costs: EUR 800,000. The ERDF pays 80% (EUR 640,000), and the town council covers the ` +
        `remaining sum, which comes to EUR ${x}.`,
      '160,000',
      '260,000',
    ],
    [
      'en, "which amounts to"',
      (x) =>
        `The total cost is €800,000. The ERDF pays 80% (€640,000); the council covers the rest, which amounts to €${x}.`,
      '160,000',
      '106,000',
    ],
    [
      'lv, "kas ir"',
      (x) =>
        `Kopējās izmaksas ir EUR 800 000. ERAF sedz 80% (EUR 640 000), novada pašvaldība sedz pārējo summu, kas ir EUR ${x}.`,
      '160 000',
      '180 000',
    ],
    [
      'lv, "kas sastāda"',
      (x) =>
        `Kopējās izmaksas ir EUR 800 000. ERAF sedz 80% (EUR 640 000), pašvaldība sedz atlikušo summu, kas sastāda EUR ${x}.`,
      '160 000',
      '16 000',
    ],
    [
      'fr, "qui s\'élève à"',
      (x) =>
        `Le coût total est de 800 000 €. Le FEDER finance 80 % (640 000 €), la commune finance le reste, qui s'élève à ${x} €.`,
      '160 000',
      '190 000',
    ],
  ];
  for (const [name, text, right, wrong] of WORDINGS) {
    it(`${name}: the figure is the rest's amount; a wrong one fails, the right one passes`, () => {
      const [, shares] = summary(text(right));
      expect(shares).toBe('erdf 80% 640000; municipal 160000');
      expect(verdictOf(text(wrong))).toBe('fail');
      expect(verdictOf(text(right))).toBe('pass');
    });
  }
  it("a rate in the relative clause is the rest's rate, held against the others", () => {
    const text = (r: string) =>
      `The total cost is €800,000. The ERDF pays 80%; the municipality covers the remaining sum, which is ${r}%.`;
    expect(summary(text('20'))[1]).toBe('erdf 80%; municipal 20%');
    expect(verdictOf(text('25'))).toBe('fail');
    expect(verdictOf(text('20'))).toBe('pass');
  });
  it('near miss: a relative clause about something else leaves the rest a rest, its figure a doubt', () => {
    const text =
      'The total cost is €800,000. The ERDF pays 80% (€640,000); the municipality covers the remaining sum, which is ' +
      'paid from a reserve of €2,000,000.';
    expect(summary(text)[1]).toBe('erdf 80% 640000; municipal rest');
    expect(extractionToYaml(extractBudget(text), 'doc.txt')).toMatch(/^# check: "€2,000,000" stands in a sentence/m);
  });
});

describe('a rest paid by the partners or the beneficiary is their own funds', () => {
  for (const text of [
    'The eligible costs are EUR 300 000. The ERDF pays 60%, the remaining 40% is borne by the partners.',
    'Attiecināmās izmaksas ir EUR 300 000. ERAF sedz 60%, atlikušos 40% sedz projekta partneri.',
    'Attiecināmās izmaksas ir EUR 300 000. ERAF sedz 60%, pārējos 40% sedz finansējuma saņēmējs.',
  ])
    it(text.slice(0, 60), () => {
      const [budget, shares] = summary(text);
      expect(budget).toBe('300000');
      expect(shares).toBe('erdf 60%; own-funds 40%');
    });
  it('near miss: a payer the words name stays that payer ("partner municipalities")', () => {
    expect(
      summary(
        'The eligible costs are EUR 300 000. The ERDF pays 60%, the remaining 40% is borne by the partner municipalities.',
      )[1],
    ).toBe('erdf 60%; municipal 40%');
  });
  it('near miss: alternatives name no payer, and no national share is made up', () => {
    const [, shares] = summary(
      'The eligible costs are EUR 300 000. The ERDF pays 60%, the remaining costs come from national, regional or private sources.',
    );
    expect(shares).toBe('erdf 60%');
  });
});

describe('a total the body that receives it names', () => {
  it('en: "the town will receive EUR X for the project" is the budget the shares split', () => {
    const text =
      'The town will receive EUR 640 000 for the new library. The ERDF provides EUR 544 000 and the state budget EUR 96 000.';
    expect(summary(text)).toEqual(['640000', 'erdf 544000; state 96000', null]);
    expect(verdictOf(text)).toBe('pass');
  });
  it('lv: "pašvaldība saņems" with shares that do not add up fails, never the sum of the shares', () => {
    const text =
      'Pašvaldība bibliotēkas būvniecībai saņems 640 000 eiro. ERAF finansējums ir 544 000 eiro un valsts budžeta dotācija 86 000 eiro.';
    expect(summary(text)[0]).toBe('640000');
    expect(verdictOf(text)).toBe('fail');
  });
  it('with rates only, the received amount is the budget, in doubt', () => {
    const text =
      'The municipality will receive EUR 640 000 for the project. The ERDF covers 85% and the state budget 15%.';
    expect(summary(text)).toEqual(['640000', 'erdf 85%; state 15%', null]);
    expect(checksOf(text).join('\n')).toMatch(/municipality receives it; it may be only a grant/);
  });
  it('near miss: a body that pays its figure stays a share ("the municipality contributes")', () => {
    expect(
      summary(
        'The total cost is EUR 640 000. The ERDF provides EUR 544 000 and the municipality contributes EUR 96 000.',
      ),
    ).toEqual(['640000', 'erdf 544000; municipal 96000', null]);
  });
});

describe('a bracket after a total', () => {
  for (const text of [
    'The project budget is EUR 2 000 000 (ERDF 75%, state budget 25%).',
    'We count EUR 2 000 000 as the total budget (75% ERDF + 25% state budget).',
    'Projekta kopējās izmaksas ir 2 000 000 EUR (ERAF 75%, valsts budžets 25%).',
  ])
    it(`rates: ${text.slice(0, 50)}`, () => {
      expect(summary(text)).toEqual(['2000000', 'erdf 75%; state 25%', null]);
    });
  it("amounts, each beside its payer: one partner's part of a larger whole", () => {
    const text =
      'Visa projekta vērtība ir 900 000,00 eiro. Pilsētai paredzētā daļa – 300 000,00 eiro (255 000,00 ERAF un 45 000,00 pašvaldības budžeta līdzekļi).';
    expect(summary(text)).toEqual(['300000', 'erdf 255000; municipal 45000', '900000']);
  });
  it("near miss: one payer with its rate in the bracket is that payer's share", () => {
    expect(summary('The total cost is EUR 1 000 000. The ERDF grants EUR 850 000 (85%).')).toEqual([
      '1000000',
      'erdf 85% 850000',
      null,
    ]);
  });
  it('near miss: a share split in a bracket is no budget', () => {
    const [budget] = summary(
      'The total cost is EUR 1 000 000. ERDF EUR 850 000 and national co-financing EUR 150 000 (state EUR 100 000 and municipality EUR 50 000).',
    );
    expect(budget).toBe('1000000');
  });
});

describe('two "total, of which" statements', () => {
  it("the one whose shares add up is read; the other's figures are doubts", () => {
    const text =
      'Pirmajā kārtā iesniegti projekti par 90 000 EUR, no kuriem pašvaldību finansējums ir 30 000 EUR. ' +
      'Projekta kopējās izmaksas ir 200 000 EUR, no tām ERAF finansējums 170 000 EUR un valsts budžeta dotācija 30 000 EUR.';
    expect(summary(text)).toEqual(['200000', 'erdf 170000; state 30000', null]);
    const yaml = extractionToYaml(extractBudget(text), 'doc.txt');
    expect(yaml).toMatch(/^# check: "90 000 EUR" belongs to another statement/m);
    expect(yaml).toMatch(/^# check: "30 000 EUR" belongs to another statement/m);
  });
  it('of two that tell nothing apart, the first is read and the other named in a doubt', () => {
    const text =
      'The first call received applications for EUR 90 000, of which EAFRD funding EUR 70 000. ' +
      'The second call received applications for EUR 40 000, of which public funding EUR 20 000.';
    expect(summary(text)).toEqual(['90000', 'eafrd 70000', null]);
    expect(checksOf(text).join('\n')).toMatch(/the statement on line 1 \("EUR 40 000" and its shares\) scores close/);
  });
  it('near miss: one statement keeps all its shares', () => {
    expect(
      summary('The total cost is EUR 200 000, of which the ERDF EUR 170 000 and the state budget EUR 30 000.'),
    ).toEqual(['200000', 'erdf 170000; state 30000', null]);
  });
});

describe('table cells without any currency in the document', () => {
  const table = (cells: string) => `Finansējuma avoti\n\nERAF  Valsts budžets  Kopā\nKopā  ${cells}\n`;
  it('are read as EUR, each in doubt', () => {
    const text = table('850 000,00  150 000,00  1 000 000,00');
    expect(summary(text)).toEqual(['1000000', 'erdf 850000; state 150000', null]);
    expect(checksOf(text).filter((c) => c.includes('no currency anywhere'))).toHaveLength(3);
  });
  it('ungrouped cells say which decimal mark they were read with', () => {
    const text = table('1250000.00  220588.24  1470588.24');
    expect(summary(text)[0]).toBe('1470588.24');
    expect(checksOf(text).join('\n')).toMatch(
      /"1250000\.00" is written without grouping: read with "\." as its decimal mark/,
    );
  });
  it('near miss: numbers outside a table in such a document are no money', () => {
    const r = extractBudget('Projektā piedalās 1 250 skolēni un 12 500 iedzīvotāji.');
    expect(r.budget).toBeUndefined();
    expect(r.funding).toEqual([]);
  });
});

describe('properties', () => {
  const thousands = (n: bigint) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  it('two statements in either order: the consistent one is the budget, and check agrees with the arithmetic', () => {
    const reached = { consistent: 0, inconsistent: 0, projectFirst: 0, otherFirst: 0 };
    fc.assert(
      fc.property(
        fc.bigInt({ min: 20n, max: 5000n }),
        fc.integer({ min: 55, max: 90 }),
        fc.bigInt({ min: 2n, max: 900n }),
        fc.integer({ min: 10, max: 90 }),
        fc.boolean(),
        fc.constantFrom(0n, 0n, 1000n, -1000n),
        fc.constantFrom('lv', 'en'),
        (totalK, erdfRate, otherK, partRate, projectFirst, delta, language) => {
          const total = totalK * 1000n;
          const erdf = (total * BigInt(erdfRate)) / 100n;
          const state = total - erdf + delta;
          const other = otherK * 1000n;
          const part = (other * BigInt(partRate)) / 100n;
          const project: Statement = { total, shares: [erdf, state], full: true };
          const round: Statement = { total: other, shares: [part], full: false };
          const texts =
            language === 'lv'
              ? [
                  `Projekta kopējās izmaksas ir ${thousands(total)} EUR, no tām ERAF finansējums ${thousands(erdf)} EUR ` +
                    `un valsts budžeta dotācija ${thousands(state)} EUR.`,
                  `Otrajā kārtā iesniegti projekti par ${thousands(other)} EUR, no kuriem pašvaldību finansējums ir ` +
                    `${thousands(part)} EUR.`,
                ]
              : [
                  `The project's total cost is EUR ${thousands(total)}, of which the ERDF provides EUR ${thousands(erdf)} ` +
                    `and the state budget EUR ${thousands(state)}.`,
                  `The second round received applications for EUR ${thousands(other)}, of which municipal funding ` +
                    `EUR ${thousands(part)}.`,
                ];
          const text = (projectFirst ? texts : [texts[1], texts[0]]).join(' ');
          const statements = projectFirst ? [project, round] : [round, project];
          const budget = expectedBudget(statements);
          reached[budget === undefined ? 'inconsistent' : 'consistent']++;
          reached[projectFirst ? 'projectFirst' : 'otherFirst']++;
          if (budget !== undefined) {
            expect(summary(text)).toEqual([budget.toString(), `erdf ${erdf}; state ${state}`, null]);
          }
          expect(verdictOf(text)).toBe(expectedVerdict(statements));
        },
      ),
      { seed: 12, numRuns: 240 },
    );
    expect(reached.consistent).toBeGreaterThanOrEqual(80);
    expect(reached.inconsistent).toBeGreaterThanOrEqual(60);
    expect(reached.projectFirst).toBeGreaterThanOrEqual(80);
    expect(reached.otherFirst).toBeGreaterThanOrEqual(80);
  });

  it("a rest's relative-clause figure: check passes exactly when it is what the others leave", () => {
    let agree = 0;
    let disagree = 0;
    fc.assert(
      fc.property(
        fc.bigInt({ min: 10n, max: 9000n }),
        fc.integer({ min: 50, max: 90 }),
        fc.constantFrom(0n, 0n, 1000n, -1000n, 10000n),
        fc.constantFrom('lv', 'en'),
        (totalK, rate, delta, language) => {
          const total = totalK * 1000n;
          const erdf = (total * BigInt(rate)) / 100n;
          const rest = total - erdf + delta;
          const text =
            language === 'lv'
              ? `Kopējās izmaksas ir EUR ${thousands(total)}. ERAF sedz ${rate}% (EUR ${thousands(erdf)}), pašvaldība ` +
                `sedz pārējo summu, kas sastāda EUR ${thousands(rest)}.`
              : `The total cost is EUR ${thousands(total)}. The ERDF pays ${rate}% (EUR ${thousands(erdf)}); the ` +
                `municipality covers the remaining sum, which comes to EUR ${thousands(rest)}.`;
          const right = erdf + rest === total;
          if (right) agree++;
          else disagree++;
          expect(verdictOf(text)).toBe(right ? 'pass' : 'fail');
        },
      ),
      { seed: 7, numRuns: 200 },
    );
    expect(agree).toBeGreaterThanOrEqual(50);
    expect(disagree).toBeGreaterThanOrEqual(80);
  });
});

describe("extract | check - through the binary (the rest's figure)", () => {
  for (const [text, code] of [
    [
      'The total cost is EUR 800 000. The ERDF pays 80% (EUR 640 000); the municipality covers the remaining sum, which comes to EUR 260 000.',
      1,
    ],
    [
      'The total cost is EUR 800 000. The ERDF pays 80% (EUR 640 000); the municipality covers the remaining sum, which comes to EUR 160 000.',
      0,
    ],
    [
      'Kopējās izmaksas ir EUR 800 000. ERAF sedz 80% (EUR 640 000), pašvaldība sedz pārējo summu, kas ir EUR 180 000.',
      1,
    ],
    [
      'Kopējās izmaksas ir EUR 800 000. ERAF sedz 80% (EUR 640 000), pašvaldība sedz pārējo summu, kas ir EUR 160 000.',
      0,
    ],
  ] as const)
    it(`exits ${code}: ${text.slice(-40)}`, () => {
      const extracted = cofin(['extract', '-'], { input: text });
      expect(extracted.code).toBe(0);
      const check = cofin(['check', '-'], { input: extracted.stdout });
      expect(check.code).toBe(code);
    });
});
