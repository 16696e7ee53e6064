// General reader rules of issue 12 (second round), each in wordings of our own, never a corpus document's.
import { describe, expect, it } from 'vitest';
import { summary } from './extract-summary.js';

describe("a grant's payer named before it", () => {
  it('en: a council inside a proper name that names no place is a named body, no payer of the grant', () => {
    const doc =
      'The total cost is EUR 300,000, with ERDF funding of EUR 240,000. Last year the team won a Baltic Science ' +
      'Council prize. The grant amounts to EUR 60,000.';
    expect(summary(doc)[1]).toBe('erdf 240000');
  });

  it("en: a place's council is still the municipality", () => {
    const doc =
      'The total cost is EUR 300,000, with ERDF funding of EUR 240,000. Valmiera City Council approved its support ' +
      'in March. The grant amounts to EUR 60,000.';
    expect(summary(doc)[1]).toBe('erdf 240000; municipal 60000');
  });

  it('lv: a council named by its place (a lower-case head noun) is still the municipality', () => {
    const doc =
      'Projekta kopējās izmaksas ir 300 000 EUR, ERAF finansējums 240 000 EUR. Valmieras novada dome martā ' +
      'apstiprināja atbalstu. Dotācija ir 60 000 EUR.';
    expect(summary(doc)[1]).toBe('erdf 240000; municipal 60000');
  });
});

describe('a rate written after a share\'s amount as its restatement ("…, that is 80% of the total cost of …")', () => {
  const APPOSED: [string, string][] = [
    [
      'en "that is", after a quoted name',
      'Through the ERDF, EUR 64 000 went to “The New Library” project, that is 80% of the total cost of EUR 80 000.',
    ],
    [
      'en "which represents"',
      'The ERDF grant of EUR 64 000 for the library works, which represents 80% of the total cost of EUR 80 000.',
    ],
    [
      'lv "kas ir"',
      'No ERAF līdzekļiem 64 000 EUR saņēma projekts “Jaunā bibliotēka”, kas ir 80% no kopējām izmaksām 80 000 EUR.',
    ],
    [
      'fr, the sum named in the next sentence',
      'Le FEDER apporte 64 000 € à la médiathèque. Cette somme représente environ 80 % du coût de 80 500 €.',
    ],
    ['de "das sind"', 'Der EFRE trägt 64.000 EUR, das sind 80 % der Gesamtkosten von 80.000 EUR.'],
  ];
  it.each(APPOSED)('%s: the share gets the rate', (_, doc) => {
    expect(summary(doc)[1]).toBe('erdf 80% 64000');
  });

  it('a rate that amount ÷ base does not reproduce in its written precision is no rate of the share', () => {
    const en =
      'Through the ERDF, EUR 64 000 went to “The New Library” project, that is 70% of the total cost of EUR 80 000.';
    expect(summary(en)[1]).toBe('erdf 64000');
    const fr = 'Le FEDER apporte 64 000 € à la médiathèque. Cette somme représente 79,5 % du coût de 80 000 €.';
    expect(summary(fr)[1]).toBe('erdf 64000');
  });

  it('a rate two sentences away, or with no sum named across the sentence end, stays apart', () => {
    const en =
      'Through the ERDF, EUR 64 000 went to the new library. The works ended in spring. That is 80% of the total ' +
      'cost of EUR 80 000.';
    expect(summary(en)[1]).toBe('erdf 64000');
    const fr = 'Le FEDER apporte 64 000 € à la médiathèque. Les travaux représentent 80 % du coût de 80 000 €.';
    expect(summary(fr)[1]).toBe('erdf 64000');
  });
});

describe("the Union's funds named together, with no fund's name", () => {
  const UMBRELLA: [string, string, string][] = [
    [
      'en "European funds", no fund named: the Union',
      'Total eligible cost: EUR 50 000. Financed from European funds: EUR 42 500 or 85% of the eligible cost.',
      'eu 85% 42500',
    ],
    [
      'lv "ES fondu līdzekļi" beside one named fund: that fund',
      'Kohēzijas fonda finansējums 2,4 miljonu eiro apmērā paredzēts Jelgavai, no ES fondu līdzekļiem sedzot 70% ' +
        'projekta izmaksu.',
      'cf 70% 2.4 million',
    ],
    [
      'de "europäische Strukturfonds": the Union',
      'Die Gesamtkosten betragen 50.000 EUR, davon europäische Strukturfonds 42.500 EUR.',
      'eu 42500',
    ],
  ];
  it.each(UMBRELLA)('%s', (_, doc, shares) => {
    expect(summary(doc)[1]).toBe(shares);
  });

  it('a programme period after them makes them no payer', () => {
    const lv =
      'ES struktūrfondu 2021.–2027. gada plānošanas periodā pasākuma kopējais finansējums ir 12 miljoni eiro, tai ' +
      'skaitā ERAF finansējums 10 miljoni eiro.';
    expect(summary(lv).slice(0, 2)).toEqual(['12 million', 'erdf 10 million']);
  });
});

describe('a figure equal to one exact share, beside other shares, is that share restated, not the budget', () => {
  it('fr: a summary line repeats the grant; the estimate stays the budget', () => {
    const doc =
      'Département : 60 000 €\n\nLe Département a voté une subvention de 60 000 €. Cette somme représente 20 % ' +
      "de l'estimation de 300 000 €, et s'ajoute aux 50 % de la Région.";
    expect(summary(doc)[0]).toBe('300000');
  });

  it('en: a figure equal to the only share is still a possible budget', () => {
    const doc = 'The total cost is EUR 40 000. The ERDF pays EUR 40 000.';
    expect(summary(doc)[0]).toBe('40000');
  });
});
