// The reader on the words of the EU languages beyond Latvian and English (issue 12), in sentences of our own: magnitude
// words in their case forms, the Union's funds named together, the state's funds by their purpose, "at least" before a
// figure, a minimum rate as a programme's rule.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractBudget } from '../src/core/extract/extract.js';
import { checksOf, summary } from './extract-summary.js';

describe('languages: magnitude words in their case forms', () => {
  it('reads the Czech, Slovak, Croatian and Slovenian thousand in every case', () => {
    expect(summary('Celkové náklady 3 mil. Kč, z toho ERDF 2 550 tisíc Kč a státní rozpočet 450 tisíc Kč.')).toEqual([
      '3 million',
      'erdf 2550 thousand; state 450 thousand',
      null,
    ]);
    expect(summary('Rozpočet 900 tisíce EUR: ERDF 765 tisíc EUR, vlastné zdroje 135 tisícami EUR.')[1]).toBe(
      'erdf 765 thousand; own-funds 135 thousand',
    );
    expect(summary('Ukupna vrijednost 800 tisuća kuna, od čega općina 200 tisuća kuna.')[1]).toContain(
      'municipal 200 thousand',
    );
  });
  it('reads an undotted "mil" as a thousand only before "euros"', () => {
    expect(summary('O investimento é de 500 mil euros, dos quais 425 mil euros do FEDER.')).toEqual([
      '500 thousand',
      'erdf 425 thousand',
      null,
    ]);
    // "mil" is a million in Czech and Croatian: before another currency word it is not read as a thousand
    expect(JSON.stringify(summary('Projekt za 3 mil kuna, ERDF 85 % iznosa.'))).not.toContain('thousand');
  });
  it('never reads a number before a percent word as an amount in an inherited magnitude', () => {
    for (const word of ['protsenti', 'prosent', 'százalék', 'la sută', 'por ciento', 'per cento', 'pour cent']) {
      const r = extractBudget(`ERDF toetus on 3 miljonit eurot ja partnerite panus 15 ${word}.`);
      expect(
        r.funding.every((s) => !s.amount || s.amount.value.toFixed() === '3000000'),
        word,
      ).toBe(true);
    }
  });
});

describe('languages: the Union funds named together', () => {
  it('reads the plural "European funds" of cs, sk, hr and pt as the Union', () => {
    expect(
      summary('Celkem 1 000 000 Kč, z toho z evropských fondů 850 000 Kč a ze státního rozpočtu 150 000 Kč.'),
    ).toEqual(['1000000', 'eu 850000; state 150000', null]);
    expect(summary('Spolu 200 000 EUR, z európskych fondov 170 000 EUR.')[1]).toBe('eu 170000');
    expect(summary('Ukupno 400 000 eura, iz europskih fondova 340 000 eura.')[1]).toBe('eu 340000');
    expect(summary('Custo total de 700 000 euros, dos quais 595 000 euros de fundos europeus.')[1]).toBe('eu 595000');
  });
  it('keeps a single fund named by its singular adjective as that fund', () => {
    expect(summary('Náklady 100 000 EUR; Evropský fond regionálního rozvoje 85 000 EUR.')[1]).toBe('erdf 85000');
    expect(summary('Náklady 100 000 EUR; z Evropského fondu pro regionální rozvoj 85 000 EUR.')[1]).toBe('erdf 85000');
  });
});

describe("languages: the state's funds by their purpose", () => {
  it('reads them as the state', () => {
    expect(summary('Celkem 500 000 Kč; Státní fond životního prostředí 100 000 Kč, obec 400 000 Kč.')[1]).toBe(
      'state 100000; municipal 400000',
    );
    expect(summary('Celkem 500 000 Kč; ze Státního fondu dopravní infrastruktury 300 000 Kč.')[1]).toBe('state 300000');
    expect(summary('Spolu 60 000 EUR, z toho Environmentálny fond 60 000 EUR.')[1]).toBe('state 60000');
  });
  it('does not make any "fond" a state payer', () => {
    expect(summary('Celkem 500 000 Kč; fond obce 100 000 Kč.')[1]).not.toContain('state');
  });
});

describe('languages: "at least" before a figure is a floor of this budget, not a limit', () => {
  it('keeps the amount, approximate and in doubt, and the rate as a floor', () => {
    const text =
      'Celkové oprávnené výdavky sú 200 000 EUR. Z ESF sa poskytne 170 000 EUR. Prijímateľ zabezpečí vlastné zdroje ' +
      'vo výške minimálne 30 000 EUR, t. j. minimálne 15 %.';
    const r = extractBudget(text);
    const own = r.funding.find((s) => s.id === 'own-funds');
    expect(own?.amount?.value.toFixed()).toBe('30000');
    expect(own?.amount?.approx).toBe(true);
    expect(own?.rate?.value.toFixed()).toBe('15');
    expect(checksOf(text).join('\n')).toContain('is a bound');
    const rateChecks = (own?.rate?.checks ?? []).join('\n');
    expect(rateChecks).toContain('floor: the share may be higher than 15%');
    expect(rateChecks).not.toContain('ceiling');
  });
  it('keeps a maximum as a ceiling and an adjective of a limit as no figure', () => {
    const capped = extractBudget('Kopā 100 000 EUR; ERAF finansējums maksimāli līdz 85 %.');
    expect((capped.funding[0]?.rate?.checks ?? []).join('\n')).not.toContain('floor');
    // "minimálna výška" (the minimum amount) is a programme's limit: no share's figure
    expect(summary('Celkom 100 000 EUR, ESF 85 000 EUR. Minimálna výška príspevku je 5 000 EUR.')).toEqual([
      '100000',
      'esf 85000',
      null,
    ]);
  });
});

describe('languages: a minimum rate is a rule for projects, no share', () => {
  it('drops the rate after a minimum adjective and a noun of rate', () => {
    expect(
      summary(
        'Euroopa Regionaalarengu Fondi toetus on 5 miljonit eurot ja omafinantseeringu minimaalne määr on 10 protsenti.',
      )[1],
    ).toBe('erdf 5 million');
    expect(summary('ERDF funding is EUR 4 000 000; the minimum rate of own contribution is 15%.')[1]).toBe(
      'erdf 4000000',
    );
  });
  it('keeps a rate stated as the share itself', () => {
    expect(summary('The project costs EUR 100 000, of which ERDF 85% and own contribution 15%.')[1]).toBe(
      'erdf 85%; own-funds 15%',
    );
  });
  it('holds for any minimum rate and amount (seeded)', () => {
    let reached = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 900 }),
        fc.constantFrom('minimum rate of own contribution', 'minimum co-financing rate'),
        (rate, millions, words) => {
          reached++;
          const r = extractBudget(`ERDF funding is EUR ${millions} 000 000; the ${words} is ${rate}%.`);
          expect(r.funding.map((s) => s.id)).toEqual(['erdf']);
          expect(r.funding[0]?.rate).toBeUndefined();
        },
      ),
      { seed: 1210, numRuns: 60 },
    );
    expect(reached).toBeGreaterThanOrEqual(60);
  });
});

describe('languages: a grant paid by an EU fund and the state together, and their sum', () => {
  const contract = (grantRate: string) =>
    'Celkové oprávnené výdavky sú 100 000,00 EUR. Poskytovateľ poskytne nenávratný finančný príspevok z ESF do ' +
    'výšky 85 000,00 EUR a zo ŠR do výšky 10 000,00 EUR, čo spolu predstavuje sumu 95 000,00 EUR a do 95 %. ' +
    'Prijímateľ zabezpečí vlastné zdroje vo výške 5 000,00 EUR. ' +
    `Konečná suma nenávratného finančného príspevku je ${grantRate} zo schválených výdavkov.`;
  it('reads "zo ŠR" as the state and gives the grant rate to no one fund', () => {
    expect(summary(contract('95 %'))).toEqual(['100000', 'esf 85000; state 10000; own-funds 5000', null]);
  });
  it('reads the grant as the one EU fund when no national payer shares it', () => {
    expect(
      summary(
        'Celkové oprávnené výdavky sú 100 000,00 EUR. Z ESF sa poskytne 85 000,00 EUR. ' +
          'Nenávratný finančný príspevok je 85 % zo schválených výdavkov.',
      )[1],
    ).toBe('esf 85% 85000');
  });
  it('does not read "SR" alone as the state budget', () => {
    expect(summary('Celkové náklady 100 000 EUR, z toho ESF 85 000 EUR a vláda SR 15 000 EUR.')[1]).not.toContain(
      'state',
    );
  });
  it('keeps a figure after "together" from the share before it, whatever the word (seeded)', () => {
    let reached = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(
          'which together make',
          'čo spolu predstavuje',
          'kas kopā ar to ir',
          'was insgesamt',
          'lo que en total',
        ),
        fc.integer({ min: 60, max: 95 }),
        (words, rate) => {
          reached++;
          const r = extractBudget(
            `Total cost EUR 200 000. ERDF gives EUR 120 000 and the state budget EUR 40 000, ${words} EUR 160 000 ` +
              `and ${rate} %.`,
          );
          expect(r.funding.map((s) => [s.id, s.rate?.value.toFixed() ?? null, s.amount?.value.toFixed()])).toEqual([
            ['erdf', null, '120000'],
            ['state', null, '40000'],
          ]);
        },
      ),
      { seed: 1211, numRuns: 40 },
    );
    expect(reached).toBeGreaterThanOrEqual(40);
  });
});

describe('languages: a line wrap inside a sentence of prose is no clause end', () => {
  it('keeps a payer named at a line end with its figure on the next line', () => {
    const wrapped =
      'Podľa zmluvy poskytovateľ vyplatí prijímateľovi príspevok na projekt zo zdrojov ESF\n  do výšky 50 000 EUR ' +
      'a zo štátneho rozpočtu do výšky 5 000 EUR. Celkové výdavky sú 60 000 EUR.';
    expect(summary(wrapped)[1]).toBe('esf 50000; state 5000');
    expect(summary(wrapped.replace('\n  ', ' '))[1]).toBe('esf 50000; state 5000');
  });
  it('still ends a clause at a list line', () => {
    expect(summary('Kopējās izmaksas 100 000 EUR\nERAF 85 000 EUR\nvalsts budžets 15 000 EUR')).toEqual([
      '100000',
      'erdf 85000; state 15000',
      null,
    ]);
  });
});

describe('languages: the Spanish grant awarded, named without its payer', () => {
  it('is the one EU fund the document names', () => {
    expect(
      summary(
        'Obra cofinanciada por el FEDER.\nPRESUPUESTO: 50.000,00 €\nAYUDA CONCEDIDA: 40.000,00 €\n' +
          'APORTACIÓN DEL AYUNTAMIENTO: 10.000,00 €',
      ),
    ).toEqual(['50000', 'erdf 40000; municipal 10000', null]);
  });
  it('is no payer when the document names no EU fund or two', () => {
    expect(summary('PRESUPUESTO: 50.000,00 €\nAYUDA CONCEDIDA: 40.000,00 €')[1]).not.toContain('erdf');
    expect(summary('Con FEDER y FSE.\nPRESUPUESTO: 50.000,00 €\nAYUDA CONCEDIDA: 40.000,00 €')[1]).not.toMatch(
      /erdf|esf/,
    );
  });
});
