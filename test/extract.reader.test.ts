// The reader's general mechanisms (issue 12), each on sentences of our own written from the
// pattern, never from a corpus document: payers need a head noun, the Union's contribution is the
// one fund a document names, a source stated twice is chosen by the solver, tables with a total
// row, a magnitude stated once, amended figures, costs the rates do not apply to.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractBudget } from '../src/core/extract/extract.js';
import { CofinError } from '../src/core/errors.js';
import { checkBudgetFile } from '../src/core/check.js';
import { parseBudgetFile } from '../src/io/budget-file.js';
import { extractionToBudgetJson } from '../src/io/load.js';
import { extractionToJsonText, extractionToYaml } from '../src/render/extract.js';
import { divide } from './reference/currency.js';
import { agreement, RATES } from './reference/euro-figures.js';
import { checksOf, summary } from './extract-summary.js';

describe('reader: a payer the lexicon does not list needs a head noun', () => {
  it('makes no source of a phrase without a payer noun, an abbreviation or a proper name', () => {
    expect(
      summary(
        'Būvniecības budžets ir 90 000 EUR: ERAF finansējums 76 500 EUR, bet plānotais papildu finansējums 13 500 EUR.',
      ),
    ).toEqual(['90000', 'erdf 76500', null]);
    expect(
      summary(
        'The works cost EUR 60 000; ERDF funding is EUR 51 000 and whoever applies must add the co-financing of EUR 9 000.',
      ),
    ).toEqual(['60000', 'erdf 51000', null]);
  });
  it('keeps one named by an abbreviation, a proper name, or a payer noun, with or without diacritics', () => {
    expect(summary('Projekta budžets ir 90 000 EUR: ERAF finansējums 76 500 EUR, ZKVP līdzekļi 13 500 EUR.')).toEqual([
      '90000',
      'erdf 76500; zkvp 13500',
      null,
    ]);
    expect(summary('Projekta budzets ir 90 000 EUR: ERAF finansejums 76 500 EUR, ZKVP lidzekli 13 500 EUR.')).toEqual([
      '90000',
      'erdf 76500; zkvp 13500',
      null,
    ]);
    expect(summary('The budget is EUR 90 000: ERDF EUR 76 500 and Norway funding EUR 13 500.')).toEqual([
      '90000',
      'erdf 76500; norway 13500',
      null,
    ]);
    expect(
      summary(
        'Projekta budžets 90 000 EUR, t.sk. ERAF 76 500 EUR un Kurzemes plānošanas reģiona līdzfinansējums 13 500 EUR.',
      ),
    ).toEqual(['90000', 'erdf 76500; region 13500', null]);
  });
});

describe("reader: the Union's contribution and the fund", () => {
  it('reads "EU contribution" as the one EU fund the document names', () => {
    const text = 'Fund: Cohesion Fund\nTotal budget: 2 000 000,00 €\nEU contribution: 1 700 000,00 € (85%)\n';
    expect(summary(text)).toEqual(['2000000', 'cf 85% 1700000', null]);
  });
  it("keeps it the Union's when two funds, or a programme only, are named", () => {
    expect(summary('Funds: ERDF and ESF. Total budget: EUR 2 000 000. EU contribution: EUR 1 700 000 (85%).')[1]).toBe(
      'eu 85% 1700000',
    );
    expect(summary('Interreg programme project. Total budget: EUR 2 000 000. EU contribution: EUR 1 700 000.')[1]).toBe(
      'eu 1700000',
    );
  });
});

describe('reader: the solver chooses among the statements of a source', () => {
  it('takes the statement whose rate reproduces its amount from the budget and whose amounts add up', () => {
    // a header repeating a wrong rate, then the full split
    const text =
      'Total budget: 1 000 000,00 €\nEU contribution: 600 000,00 € (90%)\nFund: ERDF\n\nThe total eligible costs are EUR 1 000 000, ERDF funding 60% or EUR 600 000, state budget funding EUR 250 000 25% and municipal funding 15% or EUR 150 000.';
    expect(summary(text)).toEqual(['1000000', 'erdf 60% 600000; state 25% 250000; municipal 15% 150000', null]);
  });
  it("prefers one project's figure to the programme's total of the same fund", () => {
    const text =
      'Applicants asked for 12.5 MEUR of ESF funding from the programme in total. A typical project costs 250 000 EUR, of which ESF funding is on average 200 000 EUR.';
    expect(summary(text)).toEqual(['250000', 'esf 200000', null]);
  });
  it('names the runner-up in a check when two readings score alike', () => {
    const text = 'Budžets 10 000 EUR. ESF finansējums 7 000 EUR. Vēlāk ESF finansējums 8 000 EUR.';
    expect(checksOf(text).join(' ')).toMatch(/scores close|states esf again/);
  });
});

describe('reader: tables of payers with a total row', () => {
  it('reads the total row under a header of payers, also glued (`ERDFState budget`)', () => {
    const table = (header: string, sep: string) =>
      `The project costs EUR 100 000, with 80% ERDF and 20% state budget.\n\n${header}\nPartner Alpha${sep}€ 50 000,00${sep}€ 12 500,00\nPartner Beta${sep}€ 30 000,00${sep}€ 7 500,00\nTotal${sep}€ 80 000,00${sep}€ 20 000,00\n`;
    expect(summary(table('ERDF  State budget', '  '))).toEqual(['100000', 'erdf 80% 80000; state 20% 20000', null]);
    expect(summary(table('ERDFState budget', '\t'))).toEqual(['100000', 'erdf 80% 80000; state 20% 20000', null]);
    expect(summary(table('ERAF\tValsts budžets', '\t').replace('Total', 'Kopā'))).toEqual([
      '100000',
      'erdf 80% 80000; state 20% 20000',
      null,
    ]);
  });
  it('reads nothing from a table without a total row, nor its rows as shares', () => {
    const text =
      'The project costs EUR 100 000.\n\nERDF  State budget\nPartner Alpha  € 50 000,00  € 12 500,00\nPartner Beta  € 30 000,00  € 7 500,00\n';
    expect(summary(text)[1]).not.toMatch(/80000/);
  });
});

describe('reader: a magnitude stated once', () => {
  it('carries the magnitude and currency to a plain number after it in the sentence, with a check', () => {
    const text =
      'Aktivitātes kopējais finansējums ir 12,6 miljoni eiro, no kuriem 10,8 ir ESF finansējums, bet 1,8 miljoni eiro – valsts budžeta finansējums.';
    expect(summary(text)).toEqual(['12.6 million', 'esf 10.8 million; state 1.8 million', null]);
    expect(checksOf(text).join(' ')).toMatch(/no currency or magnitude beside "10,8"/);
  });
  it('does not carry it to a larger number, nor over a sentence end', () => {
    expect(summary('Aktivitātes kopējais finansējums ir 12,6 miljoni eiro. ESF finansējums 14 nav.')[1]).toBe('');
    expect(summary('The call has EUR 3 million, of which 40 projects are ERDF funding.')[1]).toBe('');
  });
});

describe('reader: an amended figure', () => {
  it('replaces the first statement, and its "līdz"/"to" is no hedge', () => {
    const lv =
      'Līguma summa 50 000 EUR, no tās ESF finansējums 40 000 EUR. Pēc līguma grozījumiem, samazinot ESF finansējumu līdz 38 500 EUR, darbi turpinās.';
    expect(summary(lv)).toEqual(['50000', 'esf 38500', null]);
    const en =
      'The budget is EUR 50 000 and the ERDF grant EUR 40 000. In 2024 the ERDF grant was increased to EUR 42 000.';
    expect(summary(en)).toEqual(['50000', 'erdf 42000', null]);
    expect(checksOf(en).join(' ')).toMatch(/amends erdf/);
  });
});

describe('reader: costs the rates do not apply to', () => {
  it('makes the costs the project total and states no budget', () => {
    const text =
      'Projekta izmaksas ir 5000 eiro; pašvaldības finansējums būs 20 procenti - 826,45 eiro, kā arī 867,75 eiro PVN.';
    expect(summary(text)).toEqual([null, 'municipal 20% 826.45', '5000']);
  });
  it('keeps a budget named as a budget, with its doubt marked', () => {
    const text = 'The project budget is EUR 5 000; the municipality funds 20% or EUR 826.45.';
    expect(summary(text)[0]).toBe('5000');
    expect(checksOf(text).join(' ')).toMatch(/do not add up/);
  });
});

describe('reader: properties', () => {
  const amount = fc.integer({ min: 1, max: 900 }).map((n) => n * 1000);
  const PAYERS = [
    ['ERDF', 'erdf'],
    ['State budget', 'state'],
    ['Municipality', 'municipal'],
    ['Cohesion Fund', 'cf'],
  ] as const;
  const group = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  it("a table of two payers gives the total row's figures, whatever the separators and the rows", () => {
    let cases = 0;
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...PAYERS], { minLength: 2, maxLength: 2 }),
        fc.array(fc.tuple(amount, amount), { minLength: 1, maxLength: 5 }),
        fc.constantFrom('  ', '\t', '   '),
        fc.constantFrom('Total', 'Kopā', 'Summe'),
        (payers, rows, sep, totalWord) => {
          cases++;
          const totals = [rows.reduce((s, r) => s + r[0], 0), rows.reduce((s, r) => s + r[1], 0)];
          const lines = rows.map((r, i) => `Partner ${'ABCDE'[i]}${sep}€ ${group(r[0])},00${sep}€ ${group(r[1])},00`);
          const text = `Budget and financing\n\n${payers.map((p) => p[0]).join(sep)}\n${lines.join('\n')}\n${totalWord}${sep}€ ${group(totals[0]!)},00${sep}€ ${group(totals[1]!)},00\n`;
          const r = extractBudget(text);
          expect(Object.fromEntries(r.funding.map((s) => [s.id, s.amount?.value.toFixed()]))).toEqual({
            [payers[0]![1]]: String(totals[0]),
            [payers[1]![1]]: String(totals[1]),
          });
        },
      ),
      { numRuns: 60 },
    );
    expect(cases).toBeGreaterThanOrEqual(60);
  });

  it("a source stated once in a summary and again in the split: the split's figures, whichever comes first", () => {
    let reached = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 90 }),
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
        (rate, wrong, summaryFirst) => {
          const budget = 1_000_000;
          const share = (budget * rate) / 100;
          const summaryLine = `EU contribution: ${group(share)},00 € (${Math.min(99, rate + wrong)}%)\nFund: ERDF\n`;
          const split = `The total eligible costs are EUR ${group(budget)}, ERDF funding ${rate}% or EUR ${group(share)} and state budget funding ${100 - rate}% or EUR ${group(budget - share)}.\n`;
          const r = extractBudget(summaryFirst ? `${summaryLine}\n${split}` : `${split}\n${summaryLine}`);
          if (summaryFirst) reached++;
          const erdf = r.funding.find((s) => s.id === 'erdf');
          expect([r.budget?.value.toFixed(), erdf?.rate?.value.toFixed(), erdf?.amount?.value.toFixed()]).toEqual([
            String(budget),
            String(rate),
            String(share),
          ]);
        },
      ),
      { numRuns: 80 },
    );
    expect(reached).toBeGreaterThanOrEqual(15);
  });
});

/** Every `# check:` of an extraction, the rates' too. */
const allChecks = (text: string) => {
  const r = extractBudget(text);
  return [...checksOf(text), ...r.funding.flatMap((s) => (s.rate as { checks?: string[] } | undefined)?.checks ?? [])];
};

describe('reader: a ceiling is a rate in doubt', () => {
  it('keeps "up to 85%" and "maximum 85%" as the rate, with a check that the share may be lower', () => {
    const en =
      'The works, worth EUR 200 000, are co-financed by the ERDF up to 85%. The ERDF grant is EUR 160 000 and the city pays EUR 40 000.';
    expect(summary(en)[1]).toMatch(/^erdf 85% 160000/);
    expect(allChecks(en).join('\n')).toMatch(/up to 85%" is a ceiling: the share may be lower than 85%/);
    const lv =
      'Projekta izmaksas ir 200 000 EUR; maksimālā ERAF atbalsta intensitāte 85%. ERAF finansējums ir 160 000 EUR, pašvaldības līdzfinansējums 40 000 EUR.';
    expect(allChecks(lv).join('\n')).toMatch(/is a ceiling/);
  });
  it('gives no such check to a share stated as "ne vairāk kā 49,67%", as grant agreements state their own share', () => {
    const text =
      'Projekta attiecināmās izmaksas ir 100 000 EUR, no tām ERAF finansējums ir ne vairāk kā 49,67%, pašvaldības līdzfinansējums ne mazāk kā 50,33%.';
    expect(summary(text)[1]).toMatch(/erdf 49\.67%/);
    expect(allChecks(text).join('\n')).not.toMatch(/ceiling/);
  });
});

describe('reader: a budget the shares rule out', () => {
  it('takes no figure below a share as the budget: a table that splits one fund by priority is context', () => {
    for (const text of [
      'The programme will allocate EUR 72 000 000 from the ERDF. The total for priority one is EUR 22 000 000. The ERDF co-financing rate is 80%.',
      'Programma no ERAF piešķirs 72 000 000 eiro. Pirmās prioritātes kopējais finansējums ir 22 000 000 eiro. ERAF līdzfinansējuma likme ir 80%.',
      'Das Programm erhält 72 000 000 EUR aus dem EFRE. Die Gesamtkosten der Priorität 1 betragen 22 000 000 EUR. Der EFRE-Fördersatz beträgt 80%.',
    ]) {
      const r = extractBudget(text);
      // the budget is not stated: worked out as 72 000 000 ÷ 80%, with its check, never the 22 000 000
      expect(r.budget?.text).toBe('');
      expect(r.budget?.value.toFixed()).toBe('90000000');
      expect(r.budget?.checks.join(' ')).toContain('states no budget');
    }
  });
  it('never makes the sum of the shares the budget when their rates do not make 100%', () => {
    for (const text of [
      'No valsts budžeta paredzēts līdzfinansējums 50% apmērā, tas ir 7,5 miljoni eiro.',
      'The state budget provides co-financing of 50%, that is EUR 7.5 million.',
      'ERDF pays 60% of the costs, EUR 300 000, and the municipality 10%, EUR 50 000.',
    ]) {
      const r = extractBudget(text);
      expect(r.budget?.checks.join(' ') ?? '').not.toContain('sum of the shares');
    }
    // rates that make 100% leave the sum of the shares possible, with its check
    const whole = extractBudget('ERDF pays 85%, EUR 85 000, and the municipality 15%, EUR 15 000.');
    expect(whole.budget?.value.toFixed()).toBe('100000');
    expect(whole.budget?.checks.join(' ')).toContain('the document states no budget');
  });
  it('marks a budget worked out from the shares as not stated in the JSON (stated: false)', async () => {
    const { extractionToJson } = await import('../src/render/extract.js');
    const json = extractionToJson(
      extractBudget('ERDF pays 85%, EUR 85 000, and the municipality 15%, EUR 15 000.'),
    ) as {
      budget: { stated?: boolean };
    };
    expect(json.budget.stated).toBe(false);
    const stated = extractionToJson(extractBudget('The budget is EUR 100 000: ERDF 85%, EUR 85 000.')) as {
      budget: { stated?: boolean };
    };
    expect(stated.budget.stated).toBeUndefined();
  });
});

describe('reader: a paying body pays the fund the document names', () => {
  it("reads an agency's amount as the one EU fund named, in several wordings and languages", () => {
    expect(
      summary(
        'Darbus finansē Eiropas Reģionālās attīstības fonds. Projekta kopējās izmaksas ir 50 000 eiro, no kurām Centrālā finanšu un līgumu aģentūra izmaksā 42 500 eiro un pašvaldības finansējums ir 7 500 eiro.',
      ),
    ).toEqual(['50000', 'erdf 42500; municipal 7500', null]);
    expect(
      summary(
        'The project is co-financed by the European Agricultural Fund for Rural Development. Its total cost is EUR 20 000, of which the Rural Support Service pays EUR 18 000 and the municipality EUR 2 000.',
      ),
    ).toEqual(['20000', 'eafrd 18000; municipal 2000', null]);
    expect(
      summary(
        'Projekts tiek līdzfinansēts no ERAF. Kopējās izmaksas 10 000 EUR: Latvijas Investiciju un attistibas agenturas atbalsts 8 500 EUR, privātais finansējums 1 500 EUR.',
      ),
    ).toEqual(['10000', 'erdf 8500; private 1500', null]);
  });
  it('makes no payer of an agency when the document names no fund, or several: which fund it pays is not read', () => {
    for (const text of [
      'Projekta kopējās izmaksas ir 20 000 eiro, no kurām Lauku atbalsta dienests līdzfinansē 18 000 eiro un pašvaldības finansējums ir 2 000 eiro.',
      'Funded by the ERDF and the ESF. Total cost EUR 20 000, of which the Central Finance and Contracting Agency pays EUR 18 000 and the municipality EUR 2 000.',
    ]) {
      const r = extractBudget(text);
      expect(r.funding.map((s) => s.id)).toEqual(['municipal']);
      // and the budget the shares do not add up to carries a doubt
      expect(r.budget?.checks.length).toBeGreaterThan(0);
    }
  });
});

const group = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

/** What `cofin check` says of the budget file extract writes: its verdict, or the code of the error that refuses it. */
function verdictOf(text: string, format: 'yaml' | 'json' = 'yaml'): string {
  const result = extractBudget(text);
  const file =
    format === 'yaml' ? extractionToYaml(result, 'doc.txt') : extractionToBudgetJson(extractionToJsonText(result));
  try {
    return checkBudgetFile(parseBudgetFile(file, format)).verdict;
  } catch (error) {
    if (error instanceof CofinError) return `invalid: ${error.code}`;
    throw error;
  }
}

describe('reader: an amount in another currency than the document’s', () => {
  // each: a document in euro, one share stated in another currency, and that currency's code
  const SENTENCES: [string, string][] = [
    ['The works cost EUR 40 000: the ERDF grant is EUR 34 000 and the municipality adds USD 6 000.', 'USD'],
    ['Darbu izmaksas ir 40 000 EUR: ERAF finansējums 34 000 EUR, pilsētas domes līdzfinansējums 6 000 lati.', 'LVL'],
    [
      'Darbu izmaksas ir 40 000 EUR, t.sk. ERAF 85% jeb 34 000 EUR un valsts budžeta dotācija 15% jeb 6 000 latu.',
      'LVL',
    ],
    ['Total cost EUR 40 000, of which ERDF 85% (EUR 34 000) and national co-financing 15% (PLN 6 000).', 'PLN'],
    ['Total cost: EUR 40 000. ERDF: EUR 34 000. State budget: 6 000 Kč.', 'CZK'],
    ['Total cost: EUR 40 000. ERDF: £34 000. Municipality: EUR 6 000.', 'GBP'],
    ['Kopējās izmaksas EUR 40 000, ERAF finansējums EUR 34 000, valsts budžets 6 000 krooni.', 'EEK'],
    ['Kopējās izmaksas EUR 40 000, ERAF finansējums EUR 34 000, pašvaldības finansējums 6 000 litai.', 'LTL'],
  ];
  it('keeps its currency: the budget file names it, and check refuses it (never a PASS), from YAML and JSON', () => {
    for (const [text, code] of SENTENCES) {
      const r = extractBudget(text);
      expect(r.currency).toBe('EUR');
      const share = r.funding.find((s) => s.amount?.currency === code);
      expect(share, text).toBeDefined();
      expect(share!.amount!.checks.join(' ')).toContain(`is in ${code}, not EUR`);
      expect(extractionToYaml(r, 'doc.txt')).toContain(`amount: "${code} ${share!.amount!.normal}"`);
      expect(verdictOf(text), text).toBe('invalid: bad-amount');
      expect(verdictOf(text, 'json'), text).toBe('invalid: bad-amount');
    }
  });
  it('prefers the figure in the document’s currency in a clause that states both', () => {
    const r = extractBudget(
      'Total cost EUR 40 000. ERDF grant USD 37 000 or EUR 34 000 at the bank rate; state EUR 6 000.',
    );
    expect(r.funding.find((s) => s.id === 'erdf')?.amount?.value.toFixed()).toBe('34000');
  });
  it('property: a share in any other currency, in Latvian or English, is never a PASS', () => {
    const CURRENCIES: [code: string, before: string, after: string][] = [
      ['USD', 'USD ', ''],
      ['GBP', '£', ''],
      ['PLN', '', ' zł'],
      ['CZK', '', ' Kč'],
      ['LVL', '', ' lati'],
      ['EEK', '', ' krooni'],
      ['LTL', '', ' litai'],
    ];
    const reached = new Map<string, number>();
    fc.assert(
      fc.property(
        fc.constantFrom(...CURRENCIES),
        fc.boolean(),
        fc.integer({ min: 1, max: 99 }),
        fc.boolean(),
        ([code, before, after], latvian, rate, foreignFirst) => {
          const budget = 100_000;
          const first = rate * 1000;
          const second = budget - first;
          const money = (n: number, foreign: boolean) =>
            foreign ? `${before}${group(n)}${after}` : latvian ? `${group(n)} EUR` : `EUR ${group(n)}`;
          const text = latvian
            ? `Projekta kopējās izmaksas ir ${group(budget)} EUR: ERAF finansējums ${money(first, foreignFirst)}, pašvaldības finansējums ${money(second, !foreignFirst)}.`
            : `The total cost is EUR ${group(budget)}: ERDF funding ${money(first, foreignFirst)} and municipal funding ${money(second, !foreignFirst)}.`;
          const verdict = verdictOf(text);
          expect(verdict, text).not.toBe('pass');
          if (verdict === 'invalid: bad-amount') reached.set(code, (reached.get(code) ?? 0) + 1);
        },
      ),
      { numRuns: 140 },
    );
    // every currency reaches the refusal, not merely some other failure
    for (const [code] of CURRENCIES) expect(reached.get(code) ?? 0, code).toBeGreaterThanOrEqual(5);
  });
});

describe('reader: euro figures beside the figures of a currency the euro replaced', () => {
  const LATI =
    'Projekta budžets ir LVL 8 966,37 (EUR 12 758,00), t.sk. ERAF finansējums LVL 7 621,41 (EUR 10 844,29) un pašvaldības finansējums LVL 1 344,96 (EUR 1 913,71).';
  it('writes the national figures and, under euro:, the euro figures; right ones pass', () => {
    const r = extractBudget(LATI);
    expect(r.currency).toBe('LVL');
    expect(summary(LATI)).toEqual(['8966.37', 'erdf 7621.41; municipal 1344.96', null]);
    const yaml = extractionToYaml(r, 'doc.txt');
    expect(yaml).toContain('euro:\n  budget: "12758.00"');
    expect(yaml).toContain('  erdf: "10844.29"');
    expect(verdictOf(LATI)).toBe('pass');
    expect(verdictOf(LATI, 'json')).toBe('pass');
  });
  it('makes a wrong euro figure a euro-mismatch, in Latvian and English, in brackets or after "jeb", "i.e."', () => {
    const texts = [
      LATI.replace('EUR 10 844,29', 'EUR 10 900,00'),
      // ERDF's share of the euro budget (12 758,00 × 85%) is not the conversion of its share of the lati budget
      'The project budget is LVL 8 966.37 (EUR 12 758.00): ERDF LVL 7 621.41 (EUR 10 844.30), municipality LVL 1 344.96 (EUR 1 913.71).',
      'Kopējās izmaksas 8 966,37 lati jeb 12 758,00 eiro, t.sk. ERAF 7 621,41 lati jeb 10 844,30 eiro un pašvaldība 1 344,96 lati jeb 1 913,71 eiro.',
      'The budget is 8 966,37 lati, i.e. EUR 12 758,00; ERDF 7 621,41 lati, i.e. EUR 10 900,00; the municipality 1 344,96 lati, i.e. EUR 1 913,71.',
    ];
    for (const text of texts) {
      const result = extractBudget(text);
      const check = checkBudgetFile(parseBudgetFile(extractionToYaml(result, 'doc.txt'), 'yaml'));
      expect(check.verdict, text).toBe('fail');
      expect(
        check.findings.map((f) => f.code),
        text,
      ).toContain('euro-mismatch');
    }
  });
  it('marks a euro figure it cannot hold to the cent as a doubt, and writes no euro: figure for it', () => {
    const text =
      'The project budget is LVL 8 966 (EUR 12 758): ERDF LVL 7 621 (EUR 10 844), municipality LVL 1 345 (about EUR 1 914).';
    const yaml = extractionToYaml(extractBudget(text), 'doc.txt');
    expect(yaml).not.toContain('euro:');
    expect(yaml).toContain(
      '# check: the euro figure beside it, "EUR 10 844" (line 1), is not checked: it is not written to the cent',
    );
    expect(yaml).toMatch(
      /# check: the euro figure beside it, "EUR 1 914" \(line 1\), is not checked: it is approximate/,
    );
  });
  it('keeps a euro document’s figures when lati stand in brackets, and reads no exchange rate as a figure', () => {
    expect(
      summary(
        'Budget EUR 12 758,00 (LVL 8 966,37): ERDF EUR 10 844,29 (LVL 7 621,41), municipality EUR 1 913,71 (LVL 1 344,96).',
      ),
    ).toEqual(['12758', 'erdf 10844.29; municipal 1913.71', null]);
    const rate = extractBudget(
      'Kurss 1 EUR = 0,702804 LVL. Budžets LVL 8 966,37, ERAF LVL 7 621,41, pašvaldība LVL 1 344,96.',
    );
    expect(rate.currency).toBe('LVL');
    expect(rate.others.map((o) => o.text)).toEqual([]);
  });
  it('property: the check of the euro figures is the reference’s (exact rationals, test/reference/euro-figures.ts)', () => {
    const reached = { pass: 0, mismatch: 0 };
    fc.assert(
      fc.property(
        // the national figures in cents (written to the cent: "100,00" stays cents beside "968 851,15"), or whole lati
        fc.array(fc.integer({ min: 10_000, max: 999_999_999 }), { minLength: 2, maxLength: 3 }),
        fc.boolean(),
        // half the documents with every euro figure right; the others with one off by a cent or a euro
        fc.option(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom(-1, 1, 100)), { freq: 2 }),
        fc.boolean(),
        (cents, whole, wrong, latvian) => {
          const lati = whole ? cents.map((c) => BigInt(Math.floor(c / 100)) * 100n) : cents.map(BigInt);
          const inLati = (c: bigint) => (whole ? String(c / 100n) : `${c / 100n}.${String(c % 100n).padStart(2, '0')}`);
          const ids = ['ERAF', 'valsts budžeta dotācija', 'pašvaldības finansējums'];
          const national = lati.map(inLati);
          const total = inLati(lati.reduce((a, b) => a + b, 0n));
          const figures = [total, ...national];
          const euros = figures.map((n, i) => {
            const cents =
              BigInt(divide(n, RATES.LVL!, 2).replace('.', '')) + BigInt(wrong && wrong[0] === i ? wrong[1] : 0);
            return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
          });
          const write = (n: string) => (latvian ? n.replace('.', ',') : n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
          const pair = (i: number) => `LVL ${write(figures[i]!)} (EUR ${write(euros[i]!)})`;
          const text = latvian
            ? `Projekta budžets ir ${pair(0)}, t.sk. ${national.map((_, i) => `${ids[i]} ${pair(i + 1)}`).join(', ')}.`
            : `The project budget is ${pair(0)}: ${national.map((_, i) => `${['ERDF', 'state budget', 'municipality'][i]} ${pair(i + 1)}`).join(', ')}.`;
          const agree = figures.every((n, i) => agreement(n, euros[i]!, 'LVL') !== undefined);
          const check = checkBudgetFile(parseBudgetFile(extractionToYaml(extractBudget(text), 'doc.txt'), 'yaml'));
          const mismatch = check.findings.some((f) => f.code === 'euro-mismatch');
          expect(mismatch, text).toBe(!agree);
          if (agree) {
            expect(check.verdict, text).toBe('pass');
            reached.pass++;
          } else reached.mismatch++;
        },
      ),
      { numRuns: 120 },
    );
    expect(reached.pass).toBeGreaterThanOrEqual(20);
    expect(reached.mismatch).toBeGreaterThanOrEqual(20);
  });
});

describe('reader: payer adjectives on cost nouns, fund names in the EU languages, rates in words', () => {
  it('reads the costs a payer bears as its share ("privātās neattiecināmās izmaksas", private costs)', () => {
    expect(
      summary(
        'Ēkas atjaunošanas kopējās izmaksas ir 300 000 EUR, tai skaitā ERAF finansējums 240 000 EUR un privātās neattiecināmās izmaksas 60 000 EUR.',
      ),
    ).toEqual(['300000', 'erdf 240000; private 60000', null]);
    expect(
      summary(
        'The renovation costs EUR 300 000, including ERDF funding of EUR 240 000 and private eligible costs of EUR 60 000.',
      ),
    ).toEqual(['300000', 'erdf 240000; private 60000', null]);
  });
  it('reads the total first and its shares after it ("Total EUR 200: ERDF 85% EUR 170")', () => {
    expect(summary('Kopā EUR 480 000: ERAF 85% EUR 408 000, valsts budžets 15% EUR 72 000.')).toEqual([
      '480000',
      'erdf 85% 408000; state 15% 72000',
      null,
    ]);
    expect(summary('Total: EUR 480 000 (ERDF 85%: EUR 408 000; municipality 15%: EUR 72 000).')).toEqual([
      '480000',
      'erdf 85% 408000; municipal 15% 72000',
      null,
    ]);
  });
  it('knows the rural development and social funds by their names in de, fr, it, cs, pl, lt, et and Latvian short', () => {
    const cases: [string, string][] = [
      [
        'Kosten 50 000 EUR, davon 40 000 EUR aus dem Europäischen Landwirtschaftsfonds für die Entwicklung des ländlichen Raums.',
        'eafrd',
      ],
      ['Coût 50 000 EUR, dont 40 000 EUR du Fonds européen agricole pour le développement rural.', 'eafrd'],
      ['Costo 50 000 EUR, di cui 40 000 EUR dal Fondo europeo agricolo per lo sviluppo rurale.', 'eafrd'],
      ['Náklady 50 000 EUR, z toho 40 000 EUR z Evropského zemědělského fondu pro rozvoj venkova.', 'eafrd'],
      [
        'Koszt 50 000 EUR, w tym 40 000 EUR z Europejskiego Funduszu Rolnego na rzecz Rozwoju Obszarów Wiejskich.',
        'eafrd',
      ],
      ['Vertė 50 000 EUR, iš jų 40 000 EUR Europos žemės ūkio fondo kaimo plėtrai lėšos.', 'eafrd'],
      ['Eelarve 50 000 EUR, millest 40 000 EUR Maaelu Arengu Euroopa Põllumajandusfondist.', 'eafrd'],
      ['Izmaksas 50 000 EUR, no tām Eiropas Lauksaimniecības fonda finansējums 40 000 EUR.', 'eafrd'],
      ['Coût 50 000 EUR, dont 40 000 EUR du Fonds social européen.', 'esf'],
      ['Koszt 50 000 EUR, w tym 40 000 EUR z Europejskiego Funduszu Społecznego Plus.', 'esf'],
      ['Náklady 50 000 EUR, z toho 40 000 EUR z Evropského sociálního fondu.', 'esf'],
    ];
    for (const [text, id] of cases)
      expect(
        extractBudget(text).funding.map((s) => s.id),
        text,
      ).toContain(id);
    // the guarantee fund is another fund: no rural development share
    expect(
      extractBudget(
        'Izmaksas 50 000 EUR, no tām Eiropas Lauksaimniecības garantiju fonda finansējums 40 000 EUR.',
      ).funding.map((s) => s.id),
    ).not.toContain('eafrd');
  });
  it('reads a rate written "la sută", and the exact figure beside a rounded one in brackets', () => {
    expect(
      summary(
        'Valoarea totală este de aproape 2,3 milioane de lei (2.284.917,50 lei), iar cofinanțarea națională acoperă 40 la sută.',
      ),
    ).toEqual(['2284917.5', 'national 40%', null]);
    expect(
      summary('The project costs about EUR 1.2 million (EUR 1 184 250.00); ERDF funding EUR 1 006 612.50.')[0],
    ).toBe('1184250');
  });
  it('names the paying agency in its other wordings ("Centrālā finanšu un līguma aģentūra")', () => {
    expect(
      summary(
        'Darbus līdzfinansē Kohēzijas fonds. Izmaksas 60 000 EUR, no tām Centrālā finanšu un līguma aģentūra izmaksā 51 000 EUR un pašvaldība 9 000 EUR.',
      ),
    ).toEqual(['60000', 'cf 51000; municipal 9000', null]);
  });
});

describe('reader: layout', () => {
  it('reads a label on its line and its value alone on the next, blank lines between', () => {
    expect(summary('Overall cost\n\n€ 120 000\n\nEU (ERDF) share\n\n€ 102 000\n\nMunicipality\n\n€ 18 000\n')).toEqual([
      '120000',
      'erdf 102000; municipal 18000',
      null,
    ]);
    expect(
      summary(
        'Projekta vērtība\n\n120 000 EUR\n\nERAF finansējums\n\n102 000 EUR\n\nValsts budžeta dotācija\n\n18 000 EUR\n',
      ),
    ).toEqual(['120000', 'erdf 102000; state 18000', null]);
    // a line of words with a figure of its own is no label of the figure after it
    expect(summary('ERDF funding € 102 000\n\n€ 18 000\n\nTotal cost € 120 000\n')[1]).toBe('erdf 102000');
  });
  it('reads one named fund in brackets after a generic name as that fund ("EU (ERDF) share")', () => {
    expect(summary('Total cost: € 120 000. EU (ERDF) share: € 102 000. Municipality: € 18 000.')).toEqual([
      '120000',
      'erdf 102000; municipal 18000',
      null,
    ]);
    // several payers in brackets make up the generic source: no shares of their own
    expect(
      summary('Projekta izmaksas 20 000 EUR; publiskais finansējums (ES un valsts līdzdalība) 18 000 EUR.')[1],
    ).toBe('public 18000');
  });
  it('reads tables with the payers in rows, with a total row', () => {
    expect(
      summary(
        'Source | Rate | Amount\nERDF | 85% | EUR 102 000\nMunicipality | 15% | EUR 18 000\nTotal | 100% | EUR 120 000\n',
      ),
    ).toEqual(['120000', 'erdf 85% 102000; municipal 15% 18000', null]);
    expect(
      summary('Finansējuma avots\tSumma\nERAF\t102 000 EUR\nValsts budžets\t18 000 EUR\nKopā\t120 000 EUR\n'),
    ).toEqual(['120000', 'erdf 102000; state 18000', null]);
  });
});

describe('reader: amounts at the decimals they are written to', () => {
  it('keeps "100,00" in cents beside "968 851,10", so check compares at the cent (YAML and JSON)', () => {
    const text =
      'Projekta budžets ir 968 851,10 EUR, t.sk. ERAF finansējums 968 751,10 EUR un pašvaldības finansējums 100,00 EUR.';
    expect(extractionToYaml(extractBudget(text), 'doc.txt')).toMatch(/^ {4}amount: 100\.00 {2}# line 1/m);
    // read as whole euros, 968 851.1 was no whole number of the unit 1 (budget-unit): a wrong FAIL
    expect(verdictOf(text)).toBe('pass');
    expect(verdictOf(text, 'json')).toBe('pass');
  });
});
