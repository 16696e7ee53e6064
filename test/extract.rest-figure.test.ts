// A figure in apposition to a rest phrase is the rest source's own figure, so check holds it against what the others
// leave (a new user's wrong PASS: "the municipality covers the remaining sum, €108,000" passed with 180 000 left);
// a money figure placed nowhere in a sentence of shares or the total is a doubt; "kopējais budžets" is the budget.
import { describe, expect, it } from 'vitest';
import { extractBudget } from '../src/core/extract/extract.js';
import { checkBudgetFile } from '../src/core/check.js';
import { parseBudgetFile } from '../src/io/budget-file.js';
import { extractionToYaml } from '../src/render/extract.js';

const fig = (x: { normal: string } | undefined) => x?.normal;
function summary(text: string) {
  const r = extractBudget(text);
  return [
    fig(r.budget) ?? null,
    r.funding
      .map((s) => [s.id, fig(s.rate) && `${fig(s.rate)}%`, s.rest ? 'rest' : fig(s.amount)].filter(Boolean).join(' '))
      .join('; '),
  ];
}
const verdictOf = (text: string) =>
  checkBudgetFile(parseBudgetFile(extractionToYaml(extractBudget(text), 'doc.txt'), 'yaml')).verdict;

// [wording with {X} for the rest's figure, shares as read with X = 108 000]
const WORDINGS: [string, string, (x: string) => string][] = [
  [
    'en, a comma',
    'erdf 85% 1020000; municipal ',
    (x) =>
      `The project's total cost is €1,200,000. The European Regional Development Fund contributes 85% (€1,020,000); ` +
      `the municipality covers the remaining sum, €${x}.`,
  ],
  [
    'en, a colon',
    'erdf 85% 1020000; municipal ',
    (x) =>
      `The total cost is €1,200,000. The ERDF contributes 85% (€1,020,000); the municipality covers the remaining sum: €${x}.`,
  ],
  [
    'en, "i.e."',
    'erdf 85% 1020000; municipal ',
    (x) =>
      `The total cost is €1,200,000. The ERDF contributes 85% (€1,020,000); the municipality covers the remainder, i.e. €${x}.`,
  ],
  [
    'lv, a comma',
    'erdf 85% 1020000; municipal ',
    (x) =>
      `Projekta kopējās izmaksas ir EUR 1 200 000. ERAF sedz 85% (EUR 1 020 000), pašvaldība sedz pārējo summu, EUR ${x}.`,
  ],
  [
    'lv, "jeb"',
    'erdf 85% 1020000; municipal ',
    (x) =>
      `Projekta kopējās izmaksas ir EUR 1 200 000. ERAF sedz 85% (EUR 1 020 000), pašvaldība sedz pārējo summu jeb EUR ${x}.`,
  ],
  [
    'lv, a dash',
    'erdf 85% 1020000; municipal ',
    (x) =>
      `Projekta kopējās izmaksas ir EUR 1 200 000. ERAF sedz 85% (EUR 1 020 000), pašvaldība sedz atlikušo summu – EUR ${x}.`,
  ],
  [
    'fr, "soit"',
    'erdf 85% 1020000; municipal ',
    (x) =>
      `Le coût total est de 1 200 000 €. Le FEDER finance 85 % (1 020 000 €), la commune finance le reste, soit ${x} €.`,
  ],
  [
    'de, "d. h."',
    'erdf 85% 1020000; municipal ',
    (x) =>
      `Die Gesamtkosten betragen 1.200.000 €. Der EFRE trägt 85 % (1.020.000 €), die Gemeinde trägt den Restbetrag, ` +
      `d. h. ${x.replace(' ', '.').replace(',', '.')} €.`,
  ],
];

describe("a figure in apposition to a rest phrase is the rest source's own figure", () => {
  for (const [name, shares, text] of WORDINGS) {
    it(`${name}: a wrong one fails, the right one passes`, () => {
      const wrong = text(name.startsWith('en') ? '108,000' : '108 000');
      const right = text(name.startsWith('en') ? '180,000' : '180 000');
      expect(summary(wrong)).toEqual(['1200000', shares + '108000']);
      expect(verdictOf(wrong)).toBe('fail');
      expect(summary(right)).toEqual(['1200000', shares + '180000']);
      expect(verdictOf(right)).toBe('pass');
    });
  }
  it('a rest with no figure beside it stays the rest', () => {
    expect(
      summary('The total cost is €1,200,000. The ERDF contributes 85%; the municipality covers the remaining sum.'),
    ).toEqual(['1200000', 'erdf 85%; municipal rest']);
  });
});

describe('a money figure placed nowhere in a sentence of shares, a rest or the total is a doubt', () => {
  for (const text of [
    // (a relative clause that states the rest's figure, "which comes to €108,000", is the rest's amount: see
    // test/extract.statements.test.ts)
    'The total cost is €1,200,000. The ERDF contributes 85% (€1,020,000); the municipality covers the remaining sum, and its reserve held €108,000 last year.',
    'Projekta kopējās izmaksas ir EUR 1 200 000. ERAF sedz 85% (EUR 1 020 000), pašvaldība sedz pārējo summu no rezerves, kurā pērn bija EUR 108 000.',
  ])
    it(text.slice(0, 40), () => {
      const yaml = extractionToYaml(extractBudget(text), 'doc.txt');
      // it is none of the written figures (the rest is 180 000): a conflict, which check fails on
      expect(yaml).toMatch(
        /^# check: conflict: "(?:€108,000|EUR 108 000)" \(line 1\) agrees with none of the figures written/m,
      );
      expect(yaml).toMatch(/^# also in the document: (?:€108,000|EUR 108 000)/m);
    });
  it('a figure in a sentence of its own stays a plain comment', () => {
    const yaml = extractionToYaml(
      extractBudget(
        'The total cost is €1,000,000, of which the ERDF pays 85% (€850,000) and the municipality the rest. The town hall cost €40,000 in 2019.',
      ),
      'doc.txt',
    );
    expect(yaml).toContain('# also in the document: €40,000');
    expect(yaml).not.toMatch(/^# check: "€40,000"/m);
  });
});

describe('"kopējais budžets" and its inflections are the budget the shares split', () => {
  for (const total of ['Projekta kopējais budžets ir', 'Kopējais budžets ir', 'Projekta budžets ir']) {
    it(`${total} … with shares that do not add up: the budget stays, check fails`, () => {
      const text = `${total} 1 250 000,00 EUR, no kurām ERAF finansējums ir 1 062 500,00 EUR un pašvaldības finansējums 100 000,00 EUR.`;
      expect(summary(text)).toEqual(['1250000', 'erdf 1062500; municipal 100000']);
      expect(verdictOf(text)).toBe('fail');
    });
  }
  for (const [total, verb] of [
    ['No projekta kopējā budžeta', 'ERAF finansējums ir 85% jeb 1 062 500,00 EUR'],
    ['Kopējo budžetu', 'veido ERAF finansējums 85% jeb 1 062 500,00 EUR'],
  ])
    it(`${total} 1 250 000,00 EUR …`, () => {
      const text = `${total} 1 250 000,00 EUR ${verb} un pašvaldības finansējums 15% jeb 187 500,00 EUR.`;
      expect(summary(text)[0]).toBe('1250000');
    });
  it('a budget word inside a payer\'s name is the payer ("novada domes budžeta finansējums")', () => {
    const text =
      'Projekta kopējais budžets ir 1 250 000,00 EUR, no kurām ERAF finansējums ir 85% jeb 1 062 500,00 EUR, ' +
      'Valkas novada domes budžeta finansējums 15% jeb 187 500,00 EUR.';
    expect(summary(text)).toEqual(['1250000', 'erdf 85% 1062500; municipal 15% 187500']);
    expect(verdictOf(text)).toBe('pass');
  });
});
