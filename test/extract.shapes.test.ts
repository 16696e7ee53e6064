// The reader on general shapes of real statements (issue 12), each pattern in several shapes of our own, never a corpus
// document's words: named bodies as payers, payers named by their head noun alone before a figure, costs with one
// wrong figure, tables with a label column, a total column or pipes, the currency stated once in a heading.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractBudget } from '../src/core/extract/extract.js';
import { CofinError } from '../src/core/errors.js';
import { checkBudgetFile } from '../src/core/check.js';
import { parseBudgetFile } from '../src/io/budget-file.js';
import { extractionToYaml } from '../src/render/extract.js';
import { checksOf, summary } from './extract-summary.js';

function verdictOf(text: string): string {
  try {
    return checkBudgetFile(parseBudgetFile(extractionToYaml(extractBudget(text), 'doc.txt'), 'yaml')).verdict;
  } catch (error) {
    if (error instanceof CofinError) return `invalid: ${error.code}`;
    throw error;
  }
}

describe('shapes: a named body with a funding noun is a payer', () => {
  it('keeps it after a figure and a conjunction ("… 85 000 EUR un Ventspils Augstskolas finansējums")', () => {
    expect(
      summary(
        'Projekta kopējās izmaksas ir 100 000 EUR, no tām ERAF finansējums 85 000 EUR un Ventspils Augstskolas ' +
          'finansējums 15 000 EUR.',
      ),
    ).toEqual(['100000', 'erdf 85000; ventspils-augstskolas 15000', null]);
    expect(
      summary(
        'Kopējās izmaksas 200 000 EUR: ERAF 170 000 EUR, Rīgas Tehniskās universitātes līdzfinansējums 30 000 EUR.',
      ),
    ).toEqual(['200000', 'erdf 170000; rigas-tehniskas-universitates 30000', null]);
    expect(
      summary('Total cost EUR 50 000, of which ERDF EUR 42 500 and University of Tartu contribution EUR 7 500.'),
    ).toEqual(['50000', 'erdf 42500; university-of-tartu 7500', null]);
  });
  it('reads bodies named before their amounts in brackets after "ko finansē", "financed by"', () => {
    expect(
      summary(
        'Projekta budžets ir 40 000 EUR, ko finansē Valsts izglītības attīstības aģentūra (36 000 EUR) un Liepājas ' +
          'Universitāte (4 000 EUR).',
      ),
    ).toEqual(['40000', 'valsts-izglitibas-attistibas-agentura 36000; liepajas-universitate 4000', null]);
    expect(
      summary(
        'The budget of EUR 40 000 is financed by the Research Council of Norway (EUR 30 000) and Oslo University (EUR 10 000).',
      ),
    ).toEqual(['40000', 'research-council-of-norway 30000; oslo-university 10000', null]);
  });
});

describe('shapes: a payer named by its head noun alone right before a figure', () => {
  it('reads regions, départements, federal states and councils in fr, de, lv and en', () => {
    expect(
      summary('Budget total : 100 000 €. Financement : Région 30 000 €, Département 20 000 €, FEDER 50 000 €.'),
    ).toEqual(['100000', 'region 30000; departement 20000; erdf 50000', null]);
    expect(summary('Gesamtkosten 100.000 Euro, davon EFRE 80.000 Euro und Land Brandenburg 20.000 Euro.')).toEqual([
      '100000',
      'erdf 80000; state 20000',
      null,
    ]);
    expect(summary('Total cost EUR 90 000: ERDF EUR 76 500, County EUR 13 500.')).toEqual([
      '90000',
      'erdf 76500; region 13500',
      null,
    ]);
  });
  it('makes no payer of a cost line or a lone word that is no payer ("land acquisition", "IT services")', () => {
    expect(summary('Total cost EUR 90 000: ERDF EUR 76 500. Land acquisition EUR 13 500.')[1]).toBe('erdf 76500');
    expect(summary('Total cost EUR 90 000: ERDF EUR 76 500. IT services EUR 13 500.')[1]).toBe('erdf 76500');
    expect(summary('Total cost EUR 90 000: ERDF EUR 76 500. Land EUR 13 500.')[1]).toBe('erdf 76500');
    expect(summary('Total cost EUR 90 000: ERDF EUR 76 500. Construction services EUR 13 500.')[1]).toBe('erdf 76500');
  });
});

describe('shapes: costs with one figure that disagrees', () => {
  it('keeps the costs as the budget, with a check, when a rate reproduces its amount from them', () => {
    for (const text of [
      'Kopējās izmaksas 100 000 EUR. ERAF 85% – 85 000 EUR, valsts budžets 15% – 16 000 EUR.',
      'Projekta kopējās izmaksas ir 100 000 EUR: ERAF finansējums 85 % jeb 85 000 EUR, valsts budžeta dotācija 15 % ' +
        'jeb 16 000 EUR.',
      'The total costs are EUR 100 000: ERDF 85% (EUR 85 000), national contribution 15% (EUR 16 000).',
    ]) {
      const [budget, funding] = summary(text);
      expect(budget).toBe('100000');
      expect(funding).toMatch(/16000/);
      expect(checksOf(text).join(' | ')).toMatch(/do not add up/);
    }
  });
  it('is never a PASS: check finds the disagreement in the budget file extract writes', () => {
    for (const text of [
      'Kopējās izmaksas 100 000 EUR. ERAF 85% – 85 000 EUR, valsts budžets 15% – 16 000 EUR.',
      'The total costs are EUR 100 000: ERDF EUR 85 000, state budget EUR 10 000 and municipality EUR 6 000.',
      'Budget total : 100 000 €. Financement : Région 30 000 €, Département 25 000 €, FEDER 50 000 €.',
    ]) {
      expect(verdictOf(text)).not.toBe('pass');
    }
    // the same documents with figures that agree pass
    expect(verdictOf('Kopējās izmaksas 100 000 EUR. ERAF 85% – 85 000 EUR, valsts budžets 15% – 15 000 EUR.')).toBe(
      'pass',
    );
    expect(
      verdictOf('Budget total : 100 000 €. Financement : Région 30 000 €, Département 20 000 €, FEDER 50 000 €.'),
    ).toBe('pass');
  });
  it('keeps costs of another base the project total when no rate reproduces its amount from them', () => {
    expect(
      summary('Izmaksas 2388 eiro, no tām ERAF 85 procenti – 1677,48 eiro, valsts 15 procenti – 296,03 eiro.'),
    ).toEqual([null, 'erdf 85% 1677.48; state 15% 296.03', '2388']);
  });
});

describe('shapes: tables with label columns, a total column, pipes or semicolons', () => {
  it('reads the total row under a header of payers that starts with label columns and ends with a total column', () => {
    const tsv =
      'Projekta izmaksas ir norādītas EUR.\n' +
      'Nr.\tPartneris\tERAF\tValsts budžets\tPašvaldība\tKopā\n' +
      '1.\tRīgas valstspilsētas pašvaldība\t85 000,00\t10 000,00\t5 000,00\t100 000,00\n' +
      '2.\tJūrmalas valstspilsētas pašvaldība\t42 500,00\t5 000,00\t2 500,00\t50 000,00\n' +
      '\tKopā\t127 500,00\t15 000,00\t7 500,00\t150 000,00\n';
    expect(summary(tsv)).toEqual(['150000', 'erdf 127500; state 15000; municipal 7500', null]);
    const pipes =
      'The project costs EUR 150 000.\n\n| Partner | ERDF | National co-financing | Total |\n|:--|--:|--:|--:|\n' +
      '| Partner Alpha | 85 000.00 | 15 000.00 | 100 000.00 |\n| Partner Beta | 42 500.00 | 7 500.00 | 50 000.00 |\n' +
      '| Total | 127 500.00 | 22 500.00 | 150 000.00 |\n';
    expect(summary(pipes)).toEqual(['150000', 'erdf 127500; national 22500', null]);
    const euros =
      '| Partner | ERDF | National | Total |\n| --- | --- | --- | --- |\n| City of Riga | € 85 000 | € 15 000 | € 100 000 |\n' +
      '| Total | € 85 000 | € 15 000 | € 100 000 |\n';
    expect(summary(euros)).toEqual(['100000', 'erdf 85000; national 15000', null]);
  });
  it('reads no partner row as a share: without a total row such a table gives no shares', () => {
    const text =
      'Partneris\tERAF\tValsts budžets\tKopā\nRīgas pašvaldība\t85 000,00 EUR\t15 000,00 EUR\t100 000,00 EUR\n' +
      'Jūrmalas pašvaldība\t42 500,00 EUR\t7 500,00 EUR\t50 000,00 EUR\n';
    expect(summary(text)).toEqual([null, '', null]);
  });
  it('reads the payers in rows of a pipe or semicolon table, the currency named once in a heading', () => {
    expect(
      summary(
        '| Avots | Summa, EUR |\n|---|---|\n| ERAF | 85 000 |\n| Valsts budžets | 15 000 |\n| Kopā | 100 000 |\n',
      ),
    ).toEqual(['100000', 'erdf 85000; state 15000', null]);
    expect(
      summary('Budžets EUR\nFinansējuma avots;Summa\nERAF;85 000,00\nValsts budžets;15 000,00\nKopā;100 000,00\n'),
    ).toEqual(['100000', 'erdf 85000; state 15000', null]);
    const text =
      'Project budget (EUR)\n| Source | Amount |\n| --- | --- |\n| ERDF | 85 000 |\n| Municipality | 15 000 |\n| Total | 100 000 |\n';
    expect(summary(text)).toEqual(['100000', 'erdf 85000; municipal 15000', null]);
    expect(checksOf(text).join(' | ')).toMatch(
      /no currency beside "85 000": read as EUR, the currency the document names on line 1/,
    );
  });
  it('takes no currency from a heading when none is named, or two are', () => {
    expect(summary('| Source | Amount |\n| --- | --- |\n| ERDF | 85 000 |\n| Total | 100 000 |\n')).toEqual([
      null,
      '',
      null,
    ]);
    expect(
      summary('Amounts in EUR or PLN\n| Source | Amount |\n| --- | --- |\n| ERDF | 85 000 |\n| Total | 100 000 |\n'),
    ).toEqual([null, '', null]);
  });
  it('reads a heading currency into a sentence of figures without one ("Izmaksu tāme (EUR): kopā …")', () => {
    expect(
      summary('Izmaksu tāme (EUR): kopā 250 000,00; ERAF 85% – 212 500,00; valsts budžets 15% – 37 500,00.'),
    ).toEqual(['250000', 'erdf 85% 212500; state 15% 37500', null]);
  });
});

describe('shapes: fund names without the Union’s adjective', () => {
  it('reads the regional development fund named without "European" in lv, en and de', () => {
    expect(
      summary('Projekta izmaksas 100 000 EUR, no tām Reģionālās attīstības fonda finansējums 85 000 EUR.')[1],
    ).toBe('erdf 85000');
    expect(summary('The project costs EUR 100 000, of which the Regional Development Fund pays EUR 85 000.')[1]).toBe(
      'erdf 85000',
    );
    expect(summary('Gesamtkosten 100.000 Euro, davon aus dem Fonds für regionale Entwicklung 85.000 Euro.')[1]).toBe(
      'erdf 85000',
    );
  });
});

describe('shapes: a share split into parts after "of which"', () => {
  it('drops the share whose parts after "from which", "no tā", "of which", "davon" add up to it', () => {
    expect(
      summary(
        'Financing by source: • ERDF co-financing – 85 %; • national co-financing – 15%, from which: - State budget – ' +
          '5 %; - own financing – 10 %',
      )[1],
    ).toBe('erdf 85%; state 5%; own-funds 10%');
    expect(
      summary(
        'Projekta izmaksas 200 000 EUR: ERAF 170 000 EUR, nacionālais līdzfinansējums 30 000 EUR, no tā valsts budžeta ' +
          'dotācija 10 000 EUR un pašvaldības finansējums 20 000 EUR.',
      ),
    ).toEqual(['200000', 'erdf 170000; state 10000; municipal 20000', null]);
    expect(
      summary(
        'Total costs EUR 200 000. Public funding EUR 180 000, of which ERDF EUR 153 000 and state budget EUR 27 000. ' +
          'Own funds EUR 20 000.',
      ),
    ).toEqual(['200000', 'erdf 153000; state 27000; own-funds 20000', null]);
    expect(
      summary(
        'Gesamtkosten 100.000 Euro. Nationale Kofinanzierung 20.000 Euro, davon Landesmittel 5.000 Euro und Eigenmittel 15.000 Euro. EFRE 80.000 Euro.',
      ),
    ).toEqual(['100000', 'state 5000; own-funds 15000; erdf 80000', null]);
  });
  it('keeps the share when the parts do not add up to it (a reserve inside a share is context)', () => {
    const text =
      'Projekta izmaksas 200 000 EUR: ERAF 170 000 EUR, no tiem valsts budžets 10 000 EUR, pašvaldība 30 000 EUR.';
    expect(summary(text)[1]).toBe('erdf 170000; state 10000; municipal 30000');
  });
});

describe('shapes: the payers that make up a total, and magnitudes', () => {
  it('reads payers in a parenthesis after a total word as its makeup, not shares; "mlj." is a million', () => {
    expect(summary('Kopējais programmas budžets (ERAF + nacionālais finansējums) – 75,2 mlj. EUR.')).toEqual([
      '75.2 million',
      '',
      null,
    ]);
    expect(summary('Total budget (ERDF and national co-financing): EUR 12 000 000. ERDF rate 80%.')).toEqual([
      '12000000',
      'erdf 80%',
      null,
    ]);
  });
  it("makes no payer of the programme's or the project's funding without a name", () => {
    expect(
      summary(
        'Programmas budžets ir 75 200 000 EUR. Programmas finansējums projektiem – 60,1 miljoni eiro. ERAF likme 85%.',
      ),
    ).toEqual(['75200000', 'erdf 85%', null]);
  });
});

describe('shapes: payers after their figure, funding nouns after a payer', () => {
  it('reads the payer after "de la", "d’", "from" and a payer before "zdroje", "resources"', () => {
    expect(
      summary(
        'Le coût total du projet s’élève à 500 000 €, dont 250 000 € du FEDER, 150 000 € de la Région Occitanie et ' +
          '100 000 € d’autofinancement.',
      ),
    ).toEqual(['500000', 'erdf 250000; region 150000; own-funds 100000', null]);
    expect(
      summary('Celkové náklady projektu činí 1 000 000 Kč, dotace z ERDF 85 % (850 000 Kč), vlastní zdroje 15 %.')[1],
    ).toBe('erdf 85% 850000; own-funds 15%');
    expect(summary('Total cost EUR 100 000: EUR 80 000 from the ERDF and EUR 20 000 from the County.')).toEqual([
      '100000',
      'erdf 80000; region 20000',
      null,
    ]);
  });
});

describe('shapes: the base a rate names, with its amount', () => {
  it('reads the amount of "85% of the eligible costs of EUR …", "… no izmaksām, kas sastāda …" as the budget', () => {
    expect(summary('ERDF support amounts to 90% of the eligible costs of EUR 1 000 000, i.e. EUR 900 000.')).toEqual([
      '1000000',
      'erdf 90% 900000',
      null,
    ]);
    expect(
      summary('Projekts tiek līdzfinansēts no ERAF 75% apmērā no attiecināmajām izmaksām, kas sastāda 300 000 EUR.'),
    ).toEqual(['300000', 'erdf 75%', null]);
    expect(summary('The ESF covers 75% of the eligible costs, which amount to EUR 80 000.')).toEqual([
      '80000',
      'esf 75%',
      null,
    ]);
  });
  it('keeps the amount after a dash, "jeb" or "not exceeding" the share’s', () => {
    expect(
      summary(
        'Izmaksas ir EUR 19 280,77, publiskais finansējums ir 79% no attiecināmajām izmaksām - EUR 15 231,81.',
      )[1],
    ).toBe('public 79% 15231.81');
    expect(summary('ERAF finansējums ir 85% no attiecināmajām izmaksām jeb 85 000 EUR. Izmaksas 100 000 EUR.')[1]).toBe(
      'erdf 85% 85000',
    );
    expect(
      summary(
        'Izmaksas 12 000 000 EUR. ERAF līdzekļi ir 49,67% no attiecināmajām izmaksām, nepārsniedzot EUR 5 000 000,00.',
      )[1],
    ).toBe('erdf 49.67% 5000000');
  });
});

describe('shapes: 90% and 75% rates in several wordings', () => {
  it('reads the rate and a rest after it, in lv and en', () => {
    expect(
      summary(
        'Projekta kopējās izmaksas ir 500 000 EUR. ERAF līdzfinansējuma intensitāte ir 90 %, pārējo daļu sedz pašvaldība.',
      ),
    ).toEqual(['500000', 'erdf 90%; municipal rest', null]);
    expect(
      summary(
        'Kopējās attiecināmās izmaksas 1 000 000 EUR, no kurām 90 procenti jeb 900 000 EUR ir Kohēzijas fonda ' +
          'finansējums un 10 procenti – valsts budžeta finansējums.',
      ),
    ).toEqual(['1000000', 'cf 90% 900000; state 10%', null]);
    expect(
      summary(
        "The project's total budget is EUR 2 million, with 75% (EUR 1.5 million) coming from the ERDF and 25% from " +
          'national co-financing.',
      ),
    ).toEqual(['2 million', 'erdf 75% 1.5 million; national 25%', null]);
    expect(
      summary('Projekta izmaksas 80 000 EUR, no tām ESF finansējums 75 % apmērā, valsts budžeta finansējums 25 %.'),
    ).toEqual(['80000', 'esf 75%; state 25%', null]);
  });
});

describe('shapes: properties', () => {
  const amount = fc.integer({ min: 1, max: 900 }).map((n) => n * 1000);
  const PAYERS = [
    ['ERAF', 'erdf'],
    ['Valsts budžets', 'state'],
    ['Pašvaldība', 'municipal'],
    ['National co-financing', 'national'],
  ] as const;
  const group = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  /** A table row: its cells parted as the separator says, a markdown row when it is a pipe. */
  const row = (cells: string[], sep: string) => (sep === '|' ? `| ${cells.join(' | ')} |` : cells.join(sep));
  it("a payers' table with label and total columns gives the total row's figures; without one, no share", () => {
    let withTotal = 0;
    let without = 0;
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...PAYERS], { minLength: 2, maxLength: 3 }),
        fc.array(fc.array(amount, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom('\t', '|', ';', '   '),
        fc.constantFrom('Partneris', 'Partner', 'Nr.'),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('EUR', 'eiro', '€'),
        (payers, amounts, sep, label, totalColumn, totalRow, currency) => {
          const n = payers.length;
          const rows = amounts.map((r) => r.slice(0, n));
          const cell = (v: number) => `${group(v)},00 ${currency}`;
          const sums = payers.map((_, i) => rows.reduce((sum, r) => sum + r[i]!, 0));
          const all = sums.reduce((a, b) => a + b, 0);
          const header = [label, ...payers.map((p) => p[0]), ...(totalColumn ? ['Kopā'] : [])];
          const lines = [
            row(header, sep),
            ...(sep === '|'
              ? [
                  row(
                    header.map(() => '---'),
                    sep,
                  ),
                ]
              : []),
            ...rows.map((r, i) =>
              row(
                [
                  `Partneris ${'ABCD'[i]}`,
                  ...r.map(cell),
                  ...(totalColumn ? [cell(r.reduce((a, b) => a + b, 0))] : []),
                ],
                sep,
              ),
            ),
            ...(totalRow ? [row(['Kopā', ...sums.map(cell), ...(totalColumn ? [cell(all)] : [])], sep)] : []),
          ];
          const r = extractBudget(`Projekta finansējums\n\n${lines.join('\n')}\n`);
          const funding = Object.fromEntries(r.funding.map((s) => [s.id, s.amount?.value.toFixed()]));
          if (totalRow) {
            withTotal++;
            expect(funding).toEqual(Object.fromEntries(payers.map((p, i) => [p[1], String(sums[i])])));
            if (totalColumn) expect(r.budget?.value.toFixed()).toBe(String(all));
          } else {
            without++;
            // a partner's row is never a share of the budget
            expect(funding).toEqual({});
          }
        },
      ),
      { numRuns: 120, seed: 24 },
    );
    expect(withTotal).toBeGreaterThanOrEqual(30);
    expect(without).toBeGreaterThanOrEqual(30);
  });

  it('a share split after "of which" is dropped only when its parts add up to it', () => {
    let split = 0;
    let kept = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 60 }),
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: -3, max: 3 }),
        fc.constantFrom(
          ['nacionālais līdzfinansējums', 'no tā', 'valsts budžeta dotācija', 'pašvaldības finansējums', 'un'],
          ['national co-financing', 'of which', 'state budget', 'own funds', 'and'],
        ),
        (parentThousands, percentOfParent, error, [parent, ofWhich, first, second, and]) => {
          const whole = parentThousands * 1000;
          const a = Math.round((whole * percentOfParent) / 100);
          const b = whole - a + error * 1000;
          if (b <= 0) return;
          const text = `ERAF 500 000 EUR, ${parent} ${group(whole)} EUR, ${ofWhich} ${first} ${group(a)} EUR ${and} ${second} ${group(b)} EUR.`;
          const ids = extractBudget(text).funding.map((s) => s.id);
          if (error === 0) {
            split++;
            expect(ids).not.toContain('national');
          } else {
            kept++;
            expect(ids).toContain('national');
          }
        },
      ),
      { numRuns: 120, seed: 24 },
    );
    expect(split).toBeGreaterThanOrEqual(10);
    expect(kept).toBeGreaterThanOrEqual(40);
  });
});

describe('shapes: a grant named without its payer, a rate written with decimals', () => {
  it('reads "kwota dofinansowania", "finanțare nerambursabilă" as the one EU fund the document names', () => {
    expect(
      summary(
        'Projekt współfinansowany ze środków Europejskiego Funduszu Rozwoju Regionalnego.\n\n' +
          '  • 947 742,57 PLN – całkowita wartość projektu,\n  • 494 647,00 PLN – kwota dofinansowania.\n',
      ),
    ).toEqual(['947742.57', 'erdf 494647', null]);
    expect(
      summary('Valoarea totală este de 1.000.000 lei, din care finanțare nerambursabilă din FEDR 850.000 lei.')[1],
    ).toBe('erdf 850000');
  });
  it('makes no payer of such a grant when the document names no fund, or two', () => {
    expect(summary('Całkowita wartość projektu 947 742,57 PLN, kwota dofinansowania 494 647,00 PLN.')[1]).toBe('');
    expect(
      summary(
        'Projekt z EFRR i EFS. Całkowita wartość projektu 947 742,57 PLN, kwota dofinansowania 494 647,00 PLN.',
      )[1],
    ).toBe('');
  });
  it('holds a rate written with decimals to half its last digit when it chooses the budget', () => {
    // 43,6 % of 27 440 040,00 is 11 963 857,44; the grant is 11 964 953,38 (43,604 %)
    expect(
      summary(
        'Całkowity koszt projektu 31 032 994,00 PLN, z czego wydatki kwalifikowane wynoszą 27 440 040,00 PLN. ' +
          'Dofinansowanie z EFRR w wysokości 43,6 % wydatków kwalifikowanych tj. kwotę 11 964 953,38 PLN.',
      ),
    ).toEqual(['27440040', 'erdf 43.6% 11964953.38', '31032994']);
  });
});
