// A partner table's total row (README, "Partner tables from spreadsheets"): which headings are one, which names stay
// partners, and, by a property against sums in plain BigInt, that each source column of the row is held to the
// partners' figures whether or not its budget cell is filled. Which fund a source's name names (README, budget files:
// a source named as an EU fund under an id that is none).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isTotalByWords, isTotalRow } from '../src/io/partner-table.js';
import { parsePartnerCsv } from '../src/io/csv.js';
import { checkBudgetFile } from '../src/core/check.js';
import { fundOfName } from '../src/core/sources.js';
import { readdirSync, readFileSync } from 'node:fs';
import { extractBudget } from '../src/core/extract/extract.js';
import { extractionToYaml } from '../src/render/extract.js';
import { parseBudgetFile } from '../src/io/budget-file.js';
import { CofinError } from '../src/core/errors.js';
import { referencePartnerLastRow, referenceTotalRow } from './reference/total-row.js';

describe('the quick refusal of a plain name (mayLeadTotal) refuses no total', () => {
  // words of headings and names in plain ASCII, and a few others: the quick refusal reads only ASCII cells
  const WORDS_OF_CELLS = [
    'Total',
    'TOTAL',
    'Kopa',
    'kopsumma',
    'Projekta',
    'Summa',
    'Grand',
    'Sub',
    'total',
    'I',
    'alt',
    'Is',
    'viso',
    'EUR',
    '2024',
    '1989',
    'SA',
    'SIA',
    'Energies',
    'Riga',
    'Ltd',
    'Gesamt',
    'eligible',
    'Kopā',
    '€',
    'Σ',
  ];
  const cell = fc
    .tuple(
      fc.constantFrom('', ' ', '(', '-', '1. '),
      fc.array(
        fc.tuple(fc.constantFrom(...WORDS_OF_CELLS), fc.constantFrom(' ', ', ', ': ', '-', ' (', ') ', '', '.')),
        { minLength: 0, maxLength: 5 },
      ),
    )
    .map(([lead, words]) => lead + words.map(([w, sep]) => w + sep).join(''));
  it("property: isTotalRow is the folded words' rule on every cell, totals among them", () => {
    const reached = { total: 0, partner: 0, plain: 0 };
    fc.assert(
      fc.property(cell, (name) => {
        const total = isTotalByWords(name);
        expect(isTotalRow(name), name).toBe(total);
        if (total) reached.total++;
        else reached.partner++;
        if (/^[\x20-\x7e]*$/.test(name)) reached.plain++;
      }),
      { seed: 17_1001, numRuns: 3000 },
    );
    expect(reached.total).toBeGreaterThanOrEqual(300);
    expect(reached.partner).toBeGreaterThanOrEqual(1000);
    expect(reached.plain).toBeGreaterThanOrEqual(1000);
  });
});

describe('a total row is a heading of total words and qualifiers alone', () => {
  it.each([
    'Total',
    'TOTAL:',
    'Total EUR',
    'Total, EUR',
    'Total (€)',
    'Total amount',
    'Total budget, EUR',
    'Kopā',
    'Kopā, EUR',
    'Kopā projektā',
    'Projekta kopsumma',
    'Pavisam kopā',
    'Iesniedzējs kopā',
    'Σ',
    'Σύνολο',
    'Grand total',
    'Summa',
    'Gesamt',
    'Summe',
    'Total général',
    'Totale',
    'Razem',
    'Suma',
    'Iš viso',
    'Kokku',
    'Yhteensä',
    'Összesen',
    'Celkem',
    'Spolu',
    'Ukupno',
    'Skupaj',
    'Totaal',
    'Total USD',
  ])('%s', (heading) => expect(isTotalRow(heading)).toBe(true));
  // `Summa Linguae` alone was a partner until trial 9 (WP2): a first whole total word now heads a total row whatever
  // follows, unless a legal form says it is a body; read so, a partner's last row fails by project-total, never passes
  it.each([
    'Total Energies SE',
    'Summa Linguae Technologies SIA',
    'Kopā ar Rīgu biedrība',
    'Grand Hotel',
    'Overall Ltd',
    'EUR',
    '',
  ])('%s is a partner', (name) => expect(isTotalRow(name)).toBe(false));
});

describe('trial 9, WP2: a first cell that begins with a whole total word heads a total row', () => {
  it.each([
    'Kopā projektam',
    'Kopā par projektu',
    'Kopā partneriem',
    'KOPĀ PROJEKTAM, EUR',
    'Total eligible costs',
    'Total eligible costs of the project (EUR)',
    'Subtotal',
    'Sub-total',
    'Sous-total',
    'SUBTOTAL 2024',
    'Total 2024',
    'Total general',
    'Grand total',
    'Grand Total:',
    '\u2211',
    '\u2211 EUR',
    'Summa kopā',
    'Insgesamt',
    'Gesamt (Projekt)',
    'Zwischensumme',
    'Razem projekt',
    'Iš viso projektui',
    'Kokku projekt',
    'Yhteensä euroa',
    'Celkem za projekt',
    'Összesen',
    'Totale progetto',
    'I alt',
    'Kopējās izmaksas',
    'Starpsumma',
    'kopa projektam', // without the diacritic
  ])('%s', (heading) => expect(isTotalRow(heading)).toBe(true));
  it.each([
    'Totalenergies SE',
    'TotalEnergies',
    'Kopāpulks biedrība',
    'Kopāpulks',
    'Summarum Consulting',
    'Gesamtschule Nord',
    'Razemtech',
    'Total SA',
    'Summa Linguae Technologies SIA',
    'Suma Capital SA',
    'Kopā ar Rīgu biedrība',
    'Spolu o.z. Stiftung',
    'Grand Hotel Riga',
    'Subotica city council',
    'Totalis University',
    'Sum Energy Institute',
  ])('%s stays a partner', (name) => expect(isTotalRow(name)).toBe(false));

  // whole words: a total word followed by any words, year or currency heads a total row; glued to more letters, or
  // followed by a legal form, it is a name
  const LEADS = ['Total', 'Kopā', 'Summa', 'Gesamt', 'Razem', 'Celkem', 'Kokku', 'Yhteensä', 'Összesen', 'Subtotal'];
  const WORDS = ['projektam', 'eligible', 'costs', 'par', 'projektu', 'partneriem', 'für', 'alle', 'der', 'Partner'];
  const FORMS = ['SIA', 'SE', 'GmbH', 'Ltd', 'biedrība', 'Oy', 'Sp. z o.o.', 'University', 'Foundation'];
  const tail = fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.constant('2024'), fc.constantFrom('EUR', '€')), {
    maxLength: 4,
  });
  const caseOf = (text: string, how: number) =>
    how === 0 ? text : how === 1 ? text.toUpperCase() : text.toLowerCase();
  it('property: lead + words is a total; lead glued to letters, or with a legal form, a partner', () => {
    const reached = { total: 0, glued: 0, body: 0, withWords: 0 };
    fc.assert(
      fc.property(
        fc.constantFrom(...LEADS),
        tail,
        fc.integer({ min: 0, max: 2 }),
        fc.constantFrom('pulks', 'energies', 'tech', 'is', 'ia'),
        fc.constantFrom(...FORMS),
        fc.constantFrom(' ', ', ', ': ', ' – '),
        (lead, words, how, glue, form, sep) => {
          const heading = caseOf([lead, ...words].join(' ').replace(' ', sep), how); // the first separator varies
          expect(isTotalRow(heading), heading).toBe(true);
          reached.total++;
          if (words.length > 0) reached.withWords++;
          const glued = caseOf(`${lead}${glue} ${words.join(' ')}`, how);
          expect(isTotalRow(glued), glued).toBe(false);
          reached.glued++;
          const body = caseOf(`${lead} ${words.join(' ')} ${form}`, how);
          expect(isTotalRow(body), body).toBe(false);
          reached.body++;
        },
      ),
      { seed: 9_0209, numRuns: 400 },
    );
    expect(reached.total).toBe(400);
    expect(reached.withWords).toBeGreaterThanOrEqual(250);
    expect(reached.glued).toBe(400);
    expect(reached.body).toBe(400);
  });
});

describe('which EU fund a name names', () => {
  it.each([
    ['ERAF līdzekļi', 'erdf'],
    ['ERDF co-financing', 'erdf'],
    ['EFRE-Mittel', 'erdf'],
    ['Eiropas Reģionālās attīstības fonda finansējums', 'erdf'],
    ['European Regional Development Fund', 'erdf'],
    ['Kohēzijas fonda finansējums', 'cf'],
    ['KF', 'cf'],
    ['Cohesion Fund', 'cf'],
    ['ESF+', 'esf'],
    ['Eiropas Sociālā fonda līdzekļi', 'esf'],
    ['ELFLA', 'eafrd'],
    ['Interreg VI-A', 'interreg'],
    ['ES fondi', 'eu'],
    ['EU funds', 'eu'],
    ['Eiropas Savienības fondi', 'eu'],
    ['regional-fund', 'erdf'],
  ])('%s → %s', (name, fund) => expect(fundOfName(name)).toBe(fund));
  it.each([
    'EEA Grants',
    'Valsts budžeta dotācija',
    'Pašvaldība',
    'Norway Grants',
    'Kurzemes plānošanas reģions',
    'FC Rīga',
  ])('%s names no EU fund', (name) => expect(fundOfName(name)).toBeUndefined());
});

describe('property: each source column of a total row is held to the partners, with or without its budget', () => {
  const HEADINGS = ['Total', 'Total EUR', 'Kopā, EUR', 'Projekta kopsumma', 'Σ', 'Grand total', 'Iš viso'];
  const group = (n: bigint) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  it('fails exactly when a stated column total differs from the sum of the partners (BigInt sums)', () => {
    const reached = { noBudget: 0, off: 0, right: 0, emptyColumn: 0 };
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.bigInt({ min: 1n, max: 10_000_000n }), fc.integer({ min: 0, max: 100 })), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.constantFrom(...HEADINGS),
        fc.boolean(), // the budget cell filled
        fc.oneof(fc.constant(0n), fc.bigInt({ min: 1n, max: 5_000n })), // the ERDF total off by
        fc.oneof(fc.constant('sum'), fc.constant('empty'), fc.constant('off')), // the municipal total
        (rows, heading, budgetFilled, off, municipal) => {
          // each partner: a budget in whole euros, ERDF a fixed amount (a share of it), the municipality the rest
          const parts = rows
            .map(([budget, pct]) => ({ budget, erdf: (budget * BigInt(pct)) / 100n }))
            // EUR 1 or less in a source cell is refused as a likely fraction (0,85), and a bare 1 to 100 beside a
            // rest and a budget of 1 000 or more and 100 times it as a likely rate: none here
            .map((p) =>
              p.erdf === 1n || (p.erdf <= 100n && p.budget >= 1000n && p.budget >= p.erdf * 100n)
                ? { ...p, erdf: 0n }
                : p,
            );
          const budgets = parts.reduce((a, p) => a + p.budget, 0n);
          const erdf = parts.reduce((a, p) => a + p.erdf, 0n);
          const rest = budgets - erdf;
          // off up or down (never below zero: a total is no negative amount)
          const erdfOff = off % 2n === 0n || erdf < off ? off : -off;
          const municipalCell = municipal === 'empty' ? '' : group(municipal === 'sum' ? rest : rest + 1n);
          const lines = [
            'partner;budget;erdf;municipal',
            ...parts.map((p, i) => `P${i};${group(p.budget)};${group(p.erdf)};rest`),
            `${heading};${budgetFilled ? group(budgets) : ''};${group(erdf + erdfOff)};${municipalCell}`,
          ];
          const result = checkBudgetFile(parsePartnerCsv(lines.join('\n')));
          const wrong = erdfOff !== 0n || municipal === 'off';
          expect(result.verdict, lines.join(' | ')).toBe(wrong ? 'fail' : 'pass');
          const totals = result.findings.filter((f) => f.code === 'project-total').length;
          expect(totals).toBe((erdfOff !== 0n ? 1 : 0) + (municipal === 'off' ? 1 : 0));
          if (!budgetFilled) reached.noBudget++;
          if (wrong) reached.off++;
          else reached.right++;
          if (municipal === 'empty') reached.emptyColumn++;
        },
      ),
      { seed: 26_2612, numRuns: 300 },
    );
    expect(reached.noBudget).toBeGreaterThanOrEqual(100);
    expect(reached.off).toBeGreaterThanOrEqual(100);
    expect(reached.right).toBeGreaterThanOrEqual(40);
    expect(reached.emptyColumn).toBeGreaterThanOrEqual(60);
  });
});

describe("extract's budget files of the corpus trip no fund-name refusal", () => {
  // every source extract writes with a name is an EU fund under its fund's id, or states its kind, or names no fund:
  // the wider fund-name rule of check must refuse none of them (the corpus documents, read as extract reads them)
  const corpusDir = new URL('../fixtures/corpus/', import.meta.url);
  const documents = readdirSync(corpusDir).filter((f) => f.endsWith('.txt'));
  it(`over the ${documents.length} development documents`, () => {
    expect(documents.length).toBeGreaterThanOrEqual(100);
    let named = 0;
    const refused: string[] = [];
    for (const f of documents) {
      const text = readFileSync(new URL(f, corpusDir), 'utf8');
      const result = extractBudget(text);
      // extract writes YAML only with a budget and its shares
      if (!result.budget || result.funding.length === 0) continue;
      const yaml = extractionToYaml(result, f);
      named += (yaml.match(/^ {4}name: /gm) ?? []).length;
      try {
        parseBudgetFile(yaml, 'yaml');
      } catch (error) {
        if (error instanceof CofinError && /EU fund|named "/.test(error.message))
          refused.push(`${f}: ${error.message}`);
      }
    }
    expect(refused).toEqual([]);
    expect(named).toBeGreaterThanOrEqual(150);
  });
});

describe('trial 10, WP3: a footnote mark, more headings, and a last row that sums the rows above', () => {
  it.each([
    'Kopā¹',
    'Kopā²',
    'Total²',
    'Total¹',
    'Projekta kopējais budžets',
    'Visi partneri kopā',
    'Partnership total',
    'Project budget',
    'Projekta budžets',
    'Overall',
    'All partners',
    'Партнёры итого',
    'Projekta kopējās izmaksas',
  ])('%s', (heading) => expect(isTotalRow(heading)).toBe(true));
  it.each(['Grand', 'Project', 'All', 'Budget', 'Partnership Ltd', 'All Partners SIA', 'Overall Ltd'])(
    '%s is a partner',
    (name) => expect(isTotalRow(name)).toBe(false),
  );

  const FOOTNOTED = ['Kopā¹', 'Total²', 'Kopā³', 'TOTAL¹', 'Kopā² (EUR)', 'Summa¹'];
  const NEW = ['Projekta kopējais budžets', 'Visi partneri kopā', 'Partnership total', 'Project budget', 'Overall'];
  const MORE = ['All partners', 'Партнёры итого', 'Projekta kopējās izmaksas'];
  const PARTNERS = ['Rīgas pašvaldība', 'Partner C', 'Total SA', 'Grand Hotel Riga', 'Overall Ltd', 'Kopāpulks'];
  const group = (n: bigint) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  it('property: the reading of the last row follows the reference (heading shapes and the sum net)', () => {
    const reached = { footnoted: 0, heading: 0, partner: 0, netRead: 0, netTooFew: 0, netOther: 0, off: 0 };
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.bigInt({ min: 100n, max: 1_000_000n }), fc.integer({ min: 0, max: 100 })), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.oneof(
          fc.constantFrom(...FOOTNOTED).map((h) => ({ shape: 'footnoted', h })),
          fc.constantFrom(...NEW, ...MORE).map((h) => ({ shape: 'heading', h })),
          fc.constantFrom(...PARTNERS).map((h) => ({ shape: 'partner', h })),
        ),
        fc.boolean(), // the last budget is the sum of the budgets above
        fc.bigInt({ min: 1n, max: 900_000n }), // else it is off the sum by
        fc.oneof(fc.constant(0n), fc.bigInt({ min: 1n, max: 500n })), // the ERDF total off by
        fc.integer({ min: 0, max: 100 }), // a last partner's ERDF rate
        (rows, { shape, h }, sumBudget, budgetOff, erdfOff, pct) => {
          const above = rows.map(([budget, p]) => ({ budget, erdf: (budget * BigInt(p)) / 100n }));
          const sum = above.reduce((a, r) => a + r.budget, 0n);
          const erdfSum = above.reduce((a, r) => a + r.erdf, 0n);
          const budget = sumBudget ? sum : budgetOff < sum ? sum - budgetOff : sum + budgetOff;
          const off = erdfSum + erdfOff <= budget ? erdfOff : erdfSum >= erdfOff ? -erdfOff : 0n;
          const erdf = sumBudget ? erdfSum + off : (budget * BigInt(pct)) / 100n;
          const last = { budget, erdf, municipal: budget - erdf };
          const lines = [
            'partner;budget;erdf;municipal',
            ...above.map((r, i) => `P${i};${group(r.budget)};${group(r.erdf)};rest`),
            `${h};${group(last.budget)};${group(last.erdf)};${group(last.municipal)}`,
          ];
          const file = parsePartnerCsv(lines.join('\n'));
          const result = checkBudgetFile(file);
          const expected = referenceTotalRow(
            [...above.map((r) => ({ ...r, municipal: r.budget - r.erdf })), last],
            shape !== 'partner',
          );
          const table = lines.join(' | ');
          expect(file.partners.length, table).toBe(expected.partners);
          expect(
            file.partners.reduce((a, p) => a + BigInt(p.budget?.value.toFixed() ?? 0), 0n),
            table,
          ).toBe(expected.budget);
          expect(
            result.findings.some((f) => f.code === 'total-row-by-sum'),
            table,
          ).toBe(expected.bySum);
          expect(result.verdict, table).toBe(expected.verdict);
          reached[shape as 'footnoted' | 'heading' | 'partner']++;
          if (shape === 'partner' && sumBudget && above.length >= 2) reached.netRead++;
          if (shape === 'partner' && sumBudget && above.length < 2) reached.netTooFew++;
          if (shape === 'partner' && !sumBudget) reached.netOther++;
          if (expected.partners < rows.length + 1 && expected.verdict === 'fail') reached.off++;
        },
      ),
      { seed: 10_0303, numRuns: 600 },
    );
    expect(reached.footnoted).toBeGreaterThanOrEqual(150);
    expect(reached.heading).toBeGreaterThanOrEqual(150);
    expect(reached.partner).toBeGreaterThanOrEqual(150);
    expect(reached.netRead).toBeGreaterThanOrEqual(40);
    expect(reached.netTooFew).toBeGreaterThanOrEqual(15);
    expect(reached.netOther).toBeGreaterThanOrEqual(60);
    expect(reached.off).toBeGreaterThanOrEqual(100);
  });
  it('property: a last row whose budget sums those above but states a rate, a rest or an empty cell is a partner', () => {
    const reached = { rate: 0, empty: 0, emptyFails: 0 };
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.bigInt({ min: 100n, max: 1_000_000n }), fc.integer({ min: 0, max: 100 })), {
          minLength: 2,
          maxLength: 4,
        }),
        fc.constantFrom<'rate' | 'empty'>('rate', 'empty'),
        fc.integer({ min: 1, max: 100 }), // the last row's ERDF rate, or its lone amount's share of its budget
        (rows, form, pct) => {
          const above = rows.map(([budget, p]) => ({ budget, erdf: (budget * BigInt(p)) / 100n }));
          const budget = above.reduce((a, r) => a + r.budget, 0n);
          const erdf = (budget * BigInt(pct)) / 100n;
          const lastCells = form === 'rate' ? `${pct}%;rest` : `${group(erdf)};`;
          const lines = [
            'partner;budget;erdf;municipal',
            ...above.map((r, i) => `P${i};${group(r.budget)};${group(r.erdf)};rest`),
            `Lead partner;${group(budget)};${lastCells}`,
          ];
          const file = parsePartnerCsv(lines.join('\n'));
          const result = checkBudgetFile(file);
          const expected = referencePartnerLastRow(
            above.map((r) => ({ ...r, municipal: r.budget - r.erdf })),
            { budget, erdf, form },
          );
          const table = lines.join(' | ');
          expect(file.partners.length, table).toBe(expected.partners);
          expect(
            result.findings.some((f) => f.code === 'total-row-by-sum'),
            table,
          ).toBe(false);
          expect(result.verdict === 'pass', table).toBe(expected.verdict === 'pass');
          reached[form]++;
          if (expected.verdict === 'fail') reached.emptyFails++;
        },
      ),
      { seed: 10_0305, numRuns: 300 },
    );
    expect(reached.rate).toBeGreaterThanOrEqual(100);
    expect(reached.empty).toBeGreaterThanOrEqual(100);
    expect(reached.emptyFails).toBeGreaterThanOrEqual(80);
  });
});
