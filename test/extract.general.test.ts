// General rules of the reader (issue 12), each in wordings of our own in several languages, never a corpus document's:
// bounds and hedges before a figure, a sentence that begins with a number, a rest whose payer comes after its figure, a
// grant whose payer the sentence before names, and a payer's name that never runs over a sentence's end.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractBudget } from '../src/core/extract/extract.js';
import { checksOf, summary } from './extract-summary.js';

describe('a bound or a hedge before a figure: never written as an exact figure', () => {
  const BOUNDS: [string, string, string, string][] = [
    // [case, document, budget as written, the bound's words]
    [
      'lv "vairāk kā"',
      'Projekta kopējās izmaksas ir vairāk kā 84 000 EUR, no tām ERAF finansējums 71 400 EUR.',
      '~84000',
      'vairāk kā',
    ],
    [
      'lv "ne mazāk kā"',
      'Projekta kopējās izmaksas ir ne mazāk kā 84 000 EUR, no tām ERAF finansējums 71 400 EUR.',
      '~84000',
      'ne mazāk kā',
    ],
    [
      'lv "vismaz"',
      'Projekta kopējās izmaksas būs vismaz 84 000 EUR, no tām ERAF finansējums 71 400 EUR.',
      '~84000',
      'vismaz',
    ],
    [
      'en "more than"',
      'The total cost is more than EUR 84,000, of which ERDF funding EUR 71,400.',
      '~84000',
      'more than',
    ],
    [
      'en "at least"',
      'The total cost will be at least EUR 84,000, of which ERDF funding EUR 71,400.',
      '~84000',
      'at least',
    ],
    ['en "up to"', 'The total cost is up to EUR 84,000, of which ERDF funding EUR 71,400.', '~84000', 'up to'],
    ['de "mehr als"', 'Die Gesamtkosten betragen mehr als 84.000 EUR, davon EFRE 71.400 EUR.', '~84000', 'mehr als'],
    ['fr "plus de"', 'Le coût total est de plus de 84 000 €, dont FEDER 71 400 €.', '~84000', 'plus de'],
    [
      'lv "teju" (one-sided: at most the figure)',
      'Projekta kopējās izmaksas ir teju 84 000 EUR, no tām ERAF finansējums 71 400 EUR.',
      '~84000',
      'teju',
    ],
    ['pl "ponad"', 'Całkowity koszt projektu wynosi ponad 84 000 zł, w tym EFRR 71 400 zł.', '~84000', 'ponad'],
  ];
  it.each(BOUNDS)('%s: approximate, and a doubt naming the bound', (_, doc, budget, words) => {
    expect(summary(doc)[0]).toBe(budget);
    expect(checksOf(doc).some((c) => c.includes(words) && c.includes('is a bound'))).toBe(true);
  });

  const HEDGES: [string, string][] = [
    ['lv "aptuveni"', 'Projekta kopējās izmaksas ir aptuveni 84 000 EUR, no tām ERAF finansējums 71 400 EUR.'],
    ['en "roughly"', 'The total cost is roughly EUR 84,000, of which ERDF funding EUR 71,400.'],
    ['de "rund"', 'Die Gesamtkosten betragen rund 84.000 EUR, davon EFRE 71.400 EUR.'],
    ['fr "environ"', 'Le coût total est de environ 84 000 €, dont FEDER 71 400 €.'],
    ['cs "přibližně"', 'Celkové náklady projektu činí přibližně 84 000 eur, z toho ERDF 71 400 eur.'],
  ];
  it.each(HEDGES)('%s: approximate', (_, doc) => {
    expect(summary(doc)[0]).toBe('~84000');
  });

  it('a cap a grant agreement states ("nepārsniedzot", "not exceeding") stays exact, in doubt', () => {
    const lv = 'Kopējās izmaksas ir 120 000 EUR. ERAF finansējums ir 85%, nepārsniedzot 102 000 EUR.';
    expect(summary(lv)[1]).toBe('erdf 85% 102000');
    expect(checksOf(lv).some((c) => c.includes('nepārsniedzot') && c.includes('is a bound'))).toBe(true);
    const en = 'The total cost is EUR 120,000. ERDF funding is 85%, not exceeding EUR 102,000.';
    expect(summary(en)[1]).toBe('erdf 85% 102000');
  });

  it('an amount after words of a change keeps its "līdz" / "to" as no bound', () => {
    const doc = 'Kopējās izmaksas ir 120 000 EUR. ERAF finansējums tika palielināts līdz 102 000 EUR.';
    expect(summary(doc)[1]).toBe('erdf 102000');
    expect(checksOf(doc).some((c) => c.includes('is a bound'))).toBe(false);
  });
});

describe('a sentence that begins with a number', () => {
  it('an ordinal ("2.kārtā", "3. posmā") is no figure, and its sentence is not the shares\'', () => {
    const doc =
      'Projekta kopējās izmaksas ir 500 000 EUR, no tām ERAF finansējums 425 000 EUR un pašvaldības līdzfinansējums ' +
      '75 000 EUR. 2.kārtā būs pieejams finansējums 300 000 EUR apmērā. 3. posmā tiks izsludināts vēl viens konkurss.';
    const read = extractBudget(doc);
    expect(summary(doc)).toEqual(['500000', 'erdf 425000; municipal 75000', null]);
    expect(read.others.map((o) => o.text)).toEqual(['300 000 EUR']);
    expect(checksOf(doc).some((c) => c.startsWith('conflict: '))).toBe(false);
  });

  it('a full stop after an amount before a number ends the sentence (en, de)', () => {
    for (const doc of [
      'The total cost is EUR 500,000, of which ERDF EUR 425,000 and the municipality EUR 75,000. 4 more calls follow.',
      'Die Gesamtkosten betragen 500.000 EUR, davon EFRE 425.000 EUR und Gemeinde 75.000 EUR. 4 weitere Aufrufe folgen.',
    ])
      expect(summary(doc)).toEqual(['500000', 'erdf 425000; municipal 75000', null]);
  });

  it('a date ("16. 1. 2009") is no sentence end and no figure', () => {
    const doc = 'Dne 16. 1. 2009 byly schváleny celkové náklady projektu 500 000 eur, z toho ERDF 425 000 eur.';
    expect(summary(doc)).toEqual(['500000', 'erdf 425000', null]);
  });
});

describe('a rest whose payer comes after its figure', () => {
  const RESTS: [string, string, string][] = [
    [
      'en, the rest in apposition, "is paid by"',
      'The total cost is EUR 100,000. The ERDF covers EUR 85,000. The rest, EUR 15,000, is paid by the municipality.',
      'erdf 85000; municipal 15000',
    ],
    [
      'en, "the remaining EUR …" "comes from"',
      'The project costs EUR 100,000. ERDF funding covers EUR 85,000, and the remaining EUR 15,000 comes from the ' +
        "municipality's budget.",
      'erdf 85000; municipal 15000',
    ],
    [
      'en, a rate, paid by a named body',
      'The total cost is EUR 100,000. The ERDF covers 85%, the remaining 15% is paid by the association.',
      'erdf 85%; association 15%',
    ],
    [
      'lv, "atlikušos … sedz biedrība"',
      'Kopējās izmaksas ir 100 000 EUR. ERAF sedz 85 000 EUR. Atlikušos 15 000 EUR sedz biedrība.',
      'erdf 85000; biedriba 15000',
    ],
    [
      'lv, "pārējos … maksās pašvaldība"',
      'Kopējās izmaksas ir 100 000 EUR. ERAF sedz 85 000 EUR. Pārējos 15 000 EUR maksās pašvaldība.',
      'erdf 85000; municipal 15000',
    ],
    [
      'de, "den Rest von … übernimmt die Gemeinde"',
      'Die Gesamtkosten betragen 100.000 EUR. Der EFRE trägt 85.000 EUR, den Rest von 15.000 EUR übernimmt die Gemeinde.',
      'erdf 85000; municipal 15000',
    ],
  ];
  it.each(RESTS)('%s', (_, doc, shares) => {
    expect(summary(doc)).toEqual(['100000', shares, null]);
  });

  it('a rest paid by alternatives stays no share', () => {
    const doc =
      'The total cost is EUR 100,000. The ERDF covers EUR 85,000; the rest, EUR 15,000, is paid by national, ' +
      'regional or private sources.';
    expect(summary(doc)[1]).toBe('erdf 85000');
  });
});

describe('a grant whose payer the sentence before names', () => {
  const GRANTS: [string, string, string][] = [
    [
      'en, the payer in the sentence before',
      'The total cost is EUR 200,000, with ERDF funding of EUR 150,000. Kurzeme Planning Region approved its support ' +
        'in May. The grant amounts to EUR 50,000.',
      'erdf 150000; region 50000',
    ],
    [
      'lv, the payer in the sentence before',
      'Projekta kopējās izmaksas ir 200 000 EUR, ERAF finansējums 150 000 EUR. Kurzemes plānošanas reģions maijā ' +
        'apstiprināja atbalstu. Dotācija ir 50 000 EUR.',
      'erdf 150000; region 50000',
    ],
    [
      "fr, the payer earlier in the grant's sentence",
      'Le coût total est de 200 000 €, dont FEDER 150 000 €. La Région Occitanie a voté en mai une subvention de ' +
        '50 000 €.',
      'erdf 150000; region 50000',
    ],
    [
      'fr, the payer in the sentence before',
      'Le coût total est de 200 000 €, dont FEDER 150 000 €. Le Département du Gard a voté son aide en mai. La ' +
        'subvention est de 50 000 €.',
      'erdf 150000; departement 50000',
    ],
  ];
  it.each(GRANTS)('%s: its share, in doubt', (_, doc, shares) => {
    expect(summary(doc)).toEqual(['200000', shares, null]);
    expect(checksOf(doc).some((c) => c.startsWith('the payer is read from the words before the grant'))).toBe(true);
  });

  it('two payers named before the grant, or none, leave its figure a candidate', () => {
    const two =
      'The total cost is EUR 200,000, with ERDF funding of EUR 150,000. The region and the municipality agreed in ' +
      'May. The grant amounts to EUR 50,000.';
    expect(summary(two)[1]).toBe('erdf 150000');
    const none =
      'The total cost is EUR 200,000, with ERDF funding of EUR 150,000. The committee met in May. The grant amounts ' +
      'to EUR 50,000.';
    expect(summary(none)[1]).toBe('erdf 150000');
  });

  it('a payer stated with a figure of its own keeps it, the grant stays a candidate', () => {
    const doc =
      'The total cost is EUR 200,000, with ERDF funding of EUR 150,000. The region pays EUR 30,000. The grant amounts ' +
      'to EUR 50,000.';
    expect(summary(doc)[1]).not.toContain('region 50000');
  });
});

describe("a payer's name never runs over a sentence's end", () => {
  it('no payer made of the words of two sentences (seeded)', () => {
    let reached = 0;
    fc.assert(
      fc.property(
        fc.constantFrom('May', 'June', 'Riga', 'Valmiera', 'Tuesday'),
        fc.constantFrom('grant', 'contribution', 'funding', 'support'),
        fc.integer({ min: 10, max: 900 }).map((k) => k * 100),
        (word, noun, amount) => {
          const doc =
            `The total cost is EUR 200,000, with ERDF funding of EUR 150,000. The board met in ${word}. ` +
            `The ${noun} amounts to EUR ${amount.toLocaleString('en')}.`;
          const ids = extractBudget(doc).funding.map((s) => s.id);
          reached++;
          expect(
            ids.some((id) => id.includes(word.toLowerCase())),
            ids.join(','),
          ).toBe(false);
        },
      ),
      { seed: 12, numRuns: 60 },
    );
    expect(reached).toBeGreaterThanOrEqual(60);
  });
});
