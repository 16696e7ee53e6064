import { CofinError, inContext, type Location } from '../core/errors.js';
import { markerCurrency, type AmountOptions } from '../core/amount.js';
import { parseFigure } from '../core/figure.js';
import { rateParser } from '../core/rate.js';
import { fundOfName, resolveSource, WELL_KNOWN_SOURCES } from '../core/sources.js';
import { didYouMean, editDistance } from './suggest.js';
import { comparable, unseenCharacters } from '../core/names.js';
import type {
  BudgetStream,
  FigureField,
  FundingSource,
  Located,
  PartnerBudget,
  ProjectInfo,
  RateField,
  ReadingNote,
} from '../core/model.js';
import { figureAt } from '../core/model.js';
import { said } from '../core/check/said.js';
import { ZERO } from '../core/decimal.js';

const FIXED = ['partner', 'country', 'budget', 'currency'];

// Latvian headers cofin does not read (Valsts is also the state, as in "Valsts budžets"), only names in a hint
const LATVIAN_HEADERS: Readonly<Record<string, string>> = {
  partneris: 'partner',
  valsts: 'country',
  budzets: 'budget',
  valuta: 'currency',
};

/** The fixed column a header may mean: its Latvian word, or one slip from it (`contry`); else undefined. */
export function fixedColumnMeant(header: string): string | undefined {
  const plain = header.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();
  if (FIXED.includes(plain)) return undefined;
  return LATVIAN_HEADERS[plain] ?? FIXED.find((id) => plain.length >= 4 && editDistance(plain, id) === 1);
}

/** The renames a header row asks for (`Partneris → partner`, `contry → country`): none when it is cofin's own. */
export function headerRenames(header: readonly string[]): string[] {
  return header.flatMap((h) => {
    const id = fixedColumnMeant(h);
    return id === undefined ? [] : [`${h.trim()} → ${id}`];
  });
}

/** The hint of a header whose fixed columns are written in Latvian or misspelt: cofin reads English ones only. */
export const renameHint = (renames: readonly string[], example: string) =>
  `cofin reads the headers in English: rename the columns ${renames.join(', ')}, e.g. ${example}`;

/** How a cell of a partner table is read: a name (partner, country) or a figure (budget, a source's rate or amount). */
export type CellRole = 'name' | 'figure';

/**
 * A partner table as its format gives it (a CSV text, a worksheet): the
 * header's cells, the partner rows, and each cell's text and place. The
 * rules of the table (which columns, what a cell may hold) are this
 * module's, the same for every format.
 */
export interface PartnerTable<Row> {
  /** The header's cells, as written. */
  header: readonly string[];
  headAt(index: number): Located;
  /** Where "the header has no ... column" is placed. */
  headPlace(): Location;
  /** The rows under the header that hold something (a large CSV's in a typed array, or read from its file again). */
  rows: Iterable<Row> & { readonly length: number };
  /** The last of them, undefined when there is none. */
  last(): Row | undefined;
  /**
   * A cell's text, untrimmed ('' for a cell that is not there); may refuse a cell that holds no text (a date, an
   * error).
   */
  cell(row: Row, index: number, role: CellRole): string;
  at(row: Row, index: number): Located;
  /** How an amount in this cell is read (a CSV with `;` reads a `,` as the decimal mark). */
  amountOptions(row: Row, index: number): AmountOptions;
  /** A header as this format writes one, for hints: `partner;country;budget;erdf;municipal`. */
  example: string;
  /** "the first row names the columns" or where else the header is. */
  headerWhere: string;
  notes?: readonly ReadingNote[];
}

/**
 * The words a spreadsheet heads its total row with, in the EU languages (folded: lowercase, no diacritics), as one
 * word or the words of a phrase.
 */
const TOTAL_WORDS = new Set([
  'total',
  'totals',
  'totaal',
  'totale',
  'totali',
  'totalt',
  'totaux',
  'sum',
  'summa',
  'summe',
  'suma',
  'somma',
  'soma',
  'kopa',
  'kopsumma',
  'pavisam',
  'gesamt',
  'insgesamt',
  'gesamtsumme',
  'celkem',
  'spolu',
  'razem',
  'ogolem',
  'kokku',
  'viso',
  'yhteensa',
  'osszesen',
  'ukupno',
  'skupaj',
  'συνολο',
  'σ',
  'итого',
  'всего',
  'общо',
  'samtals',
  'totalsumma',
  'kopeja',
  'kopejais',
  'grand',
  'overall',
]);
/** Words a total row's heading may carry beside its total word: a currency, a unit, what is totalled. */
const TOTAL_QUALIFIERS = new Set([
  'eur',
  'euro',
  'euros',
  'eiro',
  '€',
  'amount',
  'amounts',
  'budget',
  'budzets',
  'budzeta',
  'cost',
  'costs',
  'izmaksas',
  'project',
  'projekta',
  'projekts',
  'projekta',
  'all',
  'visi',
  'visiem',
  'visu',
  'partners',
  'partneri',
  'partneru',
  'partneriem',
  'partnership',
  'consortium',
  'партнеры',
  'партнеров',
  'проект',
  'проекта',
  'бюджет',
  'все',
  'всех',
  'general',
  'generale',
  'generala',
  'value',
  'funding',
  'finansejums',
  'in',
  'of',
  'the',
  'per',
  'for',
  'is',
  'iesniedzejs',
  'betrag',
  'montant',
  'importo',
  'kwota',
  // the year totalled: `Total 2024`, `Kopā 2021–2027`, `Kopā 2024. gadā`
  'year',
  'years',
  'gads',
  'gada',
  'gados',
  // another currency's code: checked as a total (its figures then disagree), never read as a partner
  'usd',
  'gbp',
  'chf',
  'sek',
  'dkk',
  'nok',
  'isk',
  'pln',
  'czk',
  'huf',
  'ron',
  'bgn',
  'lvl',
  'ltl',
  'eek',
  'hrk',
]);
/** A total word that is a total row's heading only beside another one (`grand total`, `iš viso`, `i alt`). */
const TOTAL_ONLY_BESIDE = new Set(['grand', 'overall', 'kopeja', 'kopejais', 'kopejas']);

/** Words a subtotal or total is written with as one (`Subtotal`, `Zwischensumme`, `Starpsumma`): a lead alone. */
const SUBTOTAL_WORDS = new Set([
  'subtotal',
  'subtotals',
  'subtotaal',
  'subtotale',
  'zwischensumme',
  'teilsumme',
  'starpsumma',
  'vahesumma',
  'valisumma',
  'mezisoucet',
  'medzisucet',
  'reszosszeg',
  'iomlan',
  'sammanlagt',
  'samlet',
  'gesamtbetrag',
  'gesamtkosten',
]);
/**
 * Words that lead a total heading only with the next word (`Grand total`, `Sub-total`, `Sous-total`, `Iš viso`, `I
 * alt`, `Kopējās izmaksas`, `Tarpinė suma`): the next must be a total word or a qualifier.
 */
const LEAD_BEFORE = new Set(['grand', 'overall', 'sub', 'sous', 'is', 'i', 'kopeja', 'kopejais', 'kopejas', 'tarpine']);

/** A year a total row may name (`Total 2024`): a programme period's, 1990 to 2099. */
const YEAR = /^(?:199\d|20\d\d)$/;

/**
 * Words that name a body, not a sum: a legal form or a kind of organisation (folded). A heading that begins with a
 * total word but carries one is a partner's name (`Total SA`, `Summa Linguae Technologies SIA`).
 */
const BODY_WORDS = new Set([
  'sa',
  'se',
  'ag',
  'kg',
  'ug',
  'ev',
  'ltd',
  'limited',
  'plc',
  'llc',
  'inc',
  'corp',
  'gmbh',
  'sia',
  'as',
  'oy',
  'oyj',
  'ab',
  'bv',
  'nv',
  'srl',
  'spa',
  'sas',
  'sarl',
  'sl',
  'sro',
  'sp',
  'kft',
  'zrt',
  'ou',
  'uab',
  'ad',
  'ood',
  'eood',
  'doo',
  'dd',
  'aps',
  'asbl',
  'vzw',
  'biedriba',
  'nodibinajums',
  'pasvaldiba',
  'universitate',
  'university',
  'universitat',
  'universite',
  'universita',
  'universidad',
  'uniwersytet',
  'foundation',
  'association',
  'stiftung',
  'verein',
  'fondazione',
  'associazione',
  'fundacja',
  'stowarzyszenie',
  'fondation',
  'fundacion',
  'asociacion',
  'institute',
  'institut',
  'instituts',
  'company',
  'group',
  'holding',
  'municipality',
  'council',
  'agency',
  'ministry',
  'ministrija',
  'agentura',
  'centrs',
  'centre',
  'center',
  'skola',
  'school',
  'college',
  'hotel',
  'energies',
  'technologies',
]);

/** The words of a partner cell, folded (no case or diacritics), punctuation and `(EUR)`'s brackets as spaces. */
function headingWords(name: string): string[] {
  return (
    name
      // the n-ary sum sign Excel's AutoSum writes is the Greek capital sigma a keyboard writes
      .replace(/\u2211/g, 'Σ')
      // a footnote mark (`Kopā¹`, `Total²`, `Kopā*`), as a table copied from a PDF or Word carries: no part of a word
      .replace(/[\u00B9\u00B2\u00B3\u2070-\u209F]/gu, ' ')
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}€]+/gu, ' ')
      .trim()
      .split(' ')
      .filter((w) => w !== '')
  );
}

/** Words that name the whole project or partnership, and words that name what a budget row gives. */
const WHOLE_WORDS = new Set(['project', 'projekta', 'projekts', 'partnership', 'consortium', 'all', 'visi', 'visu']);
const BUDGET_WORDS = new Set(['budget', 'budzets', 'budzeta', 'cost', 'costs', 'izmaksas', 'funding', 'amount']);
const PARTNERS_WORDS = new Set(['partners', 'partneri', 'partneru', 'partneriem']);

/**
 * A heading of total words and qualifiers alone (`TOTAL (EUR)`, `Projekta kopsumma`, `Pavisam kopā`, `Projekta
 * kopējais budžets`, `Overall`), or of qualifiers that name the whole project's budget or all its partners (`Project
 * budget`, `All partners`): no partner is named so.
 */
function isTotalHeading(words: readonly string[]): boolean {
  if (words.length === 0 || words.length > 5) return false;
  let total = false;
  let beside = false;
  for (const w of words) {
    if (TOTAL_WORDS.has(w) && !TOTAL_ONLY_BESIDE.has(w)) total = true;
    else if (TOTAL_ONLY_BESIDE.has(w)) beside = true;
    else if (!TOTAL_QUALIFIERS.has(w) && !YEAR.test(w)) return false;
  }
  if (total) return true;
  // `Grand` alone is no heading, `Overall` is; `Projekta kopējais budžets` is one
  if (beside) return words.length > 1 || words[0] === 'overall';
  const whole = words.some((w) => WHOLE_WORDS.has(w));
  return whole && words.some((w) => BUDGET_WORDS.has(w) || PARTNERS_WORDS.has(w));
}

/** How many of the first words are a total word that leads a heading (`Total`, `Kopā`, `Grand total`): 0 if none. */
function totalLead(words: readonly string[]): number {
  const [first = '', second = ''] = words;
  if ((TOTAL_WORDS.has(first) && !TOTAL_ONLY_BESIDE.has(first)) || SUBTOTAL_WORDS.has(first)) return 1;
  if (LEAD_BEFORE.has(first) && (TOTAL_WORDS.has(second) || TOTAL_QUALIFIERS.has(second))) return 2;
  if (first === 'i' && second === 'alt') return 2; // Danish and Norwegian
  return 0;
}

/**
 * Is this partner cell the head of a total row? Either a heading of total words and qualifiers alone (`Kopā:`,
 * `TOTAL (EUR)`, `Total, EUR`, `Projekta kopsumma`, `Σ`), or a cell whose first whole word is a total word in an EU
 * language, whatever words, currency or year follow (`Kopā projektam`, `Kopā par projektu`, `Total eligible costs`,
 * `Subtotal`, `Sub-total`, `Total 2024`, `∑`), unless a word after it names a body (`Total SA`). A word that only
 * begins with a total word is a name (`TotalEnergies SE`, `Kopāpulks`): read as a total, a partner's row would go
 * unchecked, and read as a partner, a total row doubles the project, so a heading is read by whole words.
 */
export function isTotalRow(name: string): boolean {
  return mayLeadTotal(name) && isTotalByWords(name);
}

/** `isTotalRow` by its words alone, every cell folded (a test holds the quick refusal of `mayLeadTotal` to it). */
export function isTotalByWords(name: string): boolean {
  if (name.length > 80) return false;
  const words = headingWords(name);
  if (words.length === 0 || words.length > 10) return false;
  if (isTotalHeading(words)) return true;
  const lead = totalLead(words);
  return lead > 0 && !words.slice(lead).some((w) => BODY_WORDS.has(w));
}

/**
 * False when a plain ASCII cell's first word (as `headingWords` folds it: letters and digits, lower case) can begin
 * neither a total heading nor a total lead, so most partners' names skip the folding (7% of a million-row report).
 */
function mayLeadTotal(name: string): boolean {
  if (!PLAIN_CELL.test(name)) return true;
  const first = FIRST_WORD.exec(name)?.[0].toLowerCase();
  if (first === undefined) return false;
  return (
    TOTAL_WORDS.has(first) ||
    TOTAL_QUALIFIERS.has(first) ||
    SUBTOTAL_WORDS.has(first) ||
    LEAD_BEFORE.has(first) ||
    YEAR.test(first)
  );
}
const PLAIN_CELL = /^[\x20-\x7e]*$/;
const FIRST_WORD = /[A-Za-z0-9]+/;

/** Is this column's header a total (`total`, `Kopā`, `Total EUR`)? Total words and qualifiers alone: an id is short. */
function isTotalColumn(header: string): boolean {
  return header.length <= 40 && isTotalHeading(headingWords(header));
}

/** At most this many errors of a table are told at once, as of a budget file. */
const TABLE_ERRORS = 20;

/** The budget model of a partner table: one partner a row, made from its row each time the list is read. */
export function partnerTableStream<Row>(table: PartnerTable<Row>): BudgetStream {
  const columns = table.header.map((h) => h.trim().toLowerCase());
  // a row-total column (`total`, `Kopā`) is no payer: read as a source, it would double every partner's funding
  const totalColumn = columns.findIndex((c) => c !== '' && !FIXED.includes(c) && isTotalColumn(c));
  if (totalColumn >= 0)
    throw new CofinError(
      'unknown-key',
      `the column "${table.header[totalColumn]?.trim()}" is a total, not a funding source`,
      columns.includes('budget')
        ? "delete the column: cofin checks each partner's sources against its budget column"
        : "head it budget if it holds each partner's budget, e.g. " + table.example,
      table.headAt(totalColumn),
    );
  for (const required of ['partner', 'budget']) {
    if (!columns.includes(required)) {
      const meant = headerRenames(table.header);
      throw new CofinError(
        'missing-key',
        `the header has no "${required}" column`,
        meant.length > 0 ? renameHint(meant, table.example) : `${table.headerWhere}, e.g. ${table.example}`,
        table.headPlace(),
      );
    }
  }
  const sources = columns.map((c, i) => ({ id: c, index: i })).filter((c) => !FIXED.includes(c.id));
  // every column once, the fixed ones too (a second "budget" would be ignored), compared without invisible or combining
  // differences
  const seen = new Map<string, string>();
  columns.forEach((id, index) => {
    const same = comparable(id);
    const first = seen.get(same);
    if (first === id)
      throw new CofinError(
        'duplicate-key',
        `the column "${id}" appears twice`,
        'name each column once',
        table.headAt(index),
      );
    if (first !== undefined)
      throw new CofinError(
        'duplicate-key',
        `the column "${id}" appears twice: the same as "${first}" but for invisible or ` +
          `combining characters (${unseenCharacters(id, first)})`,
        'name each column once; retype it',
        table.headAt(index),
      );
    seen.set(same, id);
    if (FIXED.includes(id)) return;
    // A header a letter off a well-known id is a typing slip, not a payer of its own: read as one, it would
    // lose its kind (an erfd column is no EU fund, and the EU rate limit would pass it by).
    const near = !Object.hasOwn(WELL_KNOWN_SOURCES, id) ? didYouMean(id, Object.keys(WELL_KNOWN_SOURCES)) : undefined;
    if (near !== undefined) {
      throw new CofinError(
        'unknown-key',
        `the column "${id}" is not a well-known source id: did you mean "${near}"?`,
        `rename the column ${near}; a source of its own needs a header that is not one ` +
          `slip away from a well-known id (${Object.keys(WELL_KNOWN_SOURCES).join(', ')})`,
        table.headAt(index),
      );
    }
    // a column that names an EU fund under an id that is none (eu, kf) would be read as a public source
    const fund = !Object.hasOwn(WELL_KNOWN_SOURCES, id) ? fundOfName(id) : undefined;
    if (fund !== undefined)
      throw new CofinError(
        'unknown-key',
        `the column "${id}" names an EU fund, but it is not a well-known source id: ` +
          'it would be read as a public source',
        Object.hasOwn(WELL_KNOWN_SOURCES, fund)
          ? `rename the column ${fund}`
          : `a table cannot state a kind: give the source in a budget file with kind: eu-fund`,
        table.headAt(index),
      );
    try {
      resolveSource(id);
    } catch (error) {
      if (error instanceof CofinError)
        throw new CofinError('unknown-key', error.message, error.hint, table.headAt(index));
      throw error;
    }
  });
  const parseRate = rateParser();
  const placed = <T>(where: Located, read: () => T): T => {
    try {
      return read();
    } catch (error) {
      if (error instanceof CofinError) throw inContext(error, 'partner-table', error.code, where);
      throw error;
    }
  };
  const rateOf = (cell: string, where: Located): RateField => {
    const rate = placed(where, () => parseRate(cell));
    return { value: rate.value, scale: rate.scale, text: cell, at: where };
  };
  const figureOf = (cell: string, where: Located, options: AmountOptions): FigureField => {
    // a spreadsheet's "none" is an empty cell here: a dash read as an amount would be "negative" or a silent zero
    if (/^[-\u2010-\u2015\u2212]$/u.test(cell.trim()))
      throw new CofinError(
        'bad-amount',
        `a dash "${cell.trim()}" is not an amount`,
        'leave the cell empty (an empty source cell is no source; in the total row, a figure not stated) or write 0',
        where,
      );
    const figure = placed(where, () => {
      try {
        return parseFigure(cell, options);
      } catch (error) {
        // 12758.50 in a ; table: the point is no decimal mark there, and "not grouped in threes" would not say so
        if (error instanceof CofinError && options.decimal === 'comma' && /^[0-9]+\.[0-9]{1,2}$/.test(cell.trim()))
          throw new CofinError(
            'bad-amount',
            `"${cell.trim()}" has a decimal point, but in this table "," is the decimal mark`,
            `write ${cell.trim().replace('.', ',')} (a "." groups thousands here: 12.758,50)`,
          );
        // 1,000.50: English grouping and decimals, in a table whose decimal mark is ","
        const english = /^[0-9]{1,3}(?:,[0-9]{3})+\.[0-9]{1,2}$/.exec(cell.trim());
        if (error instanceof CofinError && options.decimal === 'comma' && english)
          throw new CofinError(
            'bad-amount',
            `"${english[0]}" is written with a "," between thousands and a decimal point, ` +
              'but in this table "," is the decimal mark',
            `write ${english[0].replace(/,/g, ' ').replace('.', ',')} ` +
              `(or without spaces: ${english[0].replace(/,/g, '').replace('.', ',')})`,
          );
        throw error;
      }
    });
    return figureAt(figure, where);
  };
  const sourceOf = new Map(sources.map(({ id }) => [id, resolveSource(id)]));
  const partnerColumn = columns.indexOf('partner');
  const budgetColumn = columns.indexOf('budget');
  const countryColumn = columns.indexOf('country');
  const currencyColumn = columns.indexOf('currency');
  const partnerOf = (row: Row): PartnerBudget => {
    const at = (index: number): Located => table.at(row, index);
    const name = table.cell(row, partnerColumn, 'name').trim();
    if (name === '')
      throw new CofinError('missing-key', 'a row has no partner name', 'fill the partner cell', at(partnerColumn));
    // a currency column, as systems export one, may only say the table's currency
    const currency = currencyColumn < 0 ? '' : table.cell(row, currencyColumn, 'name').trim();
    if (currency !== '' && markerCurrency(currency) !== 'EUR')
      throw new CofinError(
        'bad-amount',
        `partner "${name}" is in ${currency}: a partner table is in EUR`,
        `give the partner's figures in euro, or the partner in a budget file with currency: ${currency}`,
        at(currencyColumn),
      );
    if (isTotalRow(name))
      throw new CofinError(
        'wrong-type',
        `the row "${name}" is a total row above other partners: a table's total is its last row`,
        'move the total row below the partners; a partner whose name begins with a total word: ' +
          'write its legal form (Total SA)',
        at(partnerColumn),
      );
    const budgetText = table.cell(row, budgetColumn, 'figure').trim();
    const budgetAt = at(budgetColumn);
    if (budgetText === '')
      throw new CofinError('missing-key', `partner "${name}" has no budget`, 'fill the budget cell', budgetAt);
    const budget = figureOf(budgetText, budgetAt, table.amountOptions(row, budgetColumn));
    const funding: FundingSource[] = [];
    let bare: { cell: string; id: string; where: Located } | undefined;
    for (const { id, index } of sources) {
      const cell = table.cell(row, index, 'figure').trim();
      if (cell === '') continue;
      const where = at(index);
      const { name: sourceName, kind } = sourceOf.get(id)!;
      if (cell === 'rest')
        funding.push({ id, name: sourceName, kind, at: where, rate: undefined, amount: undefined, rest: true });
      else if (cell.endsWith('%'))
        funding.push({
          id,
          name: sourceName,
          kind,
          at: where,
          rate: rateOf(cell, where),
          amount: undefined,
          rest: false,
        });
      else {
        // a cell of words in a column of no well-known source: likely no source (a comment, a misspelt country)
        if (!Object.hasOwn(WELL_KNOWN_SOURCES, id) && /\p{L}/u.test(cell) && !/[0-9]/.test(cell)) {
          const header = table.header[index]?.trim() ?? id;
          const meant = fixedColumnMeant(header);
          throw new CofinError(
            'bad-amount',
            `"${cell}" in the column "${header}" is not an amount: the column was read as a funding source`,
            meant !== undefined
              ? `did you mean "${meant}"? Rename the column ${meant}`
              : `every column but ${FIXED.slice(0, -1).join(', ')} and ${FIXED.at(-1) ?? ''} is a funding source: ` +
                  `delete the column "${header}", or keep notes outside the table`,
            where,
          );
        }
        const amount = figureOf(cell, where, table.amountOptions(row, index));
        // 0,85 beside a budget of 100 or more is far more often a fraction (85%) than EUR 0.85, as a budget file's
        // rate says
        if (amount.currency === undefined && amount.value.gt(0) && amount.value.lt(1) && budget.value.gte(100))
          throw new CofinError(
            'bad-rate',
            `"${cell}" in the ${id} column looks like a fraction, not an amount`,
            `write ${amount.value.times(100).toFixed()}% for a rate, or EUR ${cell} if the amount is meant`,
            where,
          );
        if (bare === undefined && isBareRate(cell, amount, budget)) bare = { cell, id, where };
        funding.push({ id, name: sourceName, kind, at: where, rate: undefined, amount, rest: false });
      }
    }
    // 85 beside a rest is an amount no sum can catch (the rest takes what is left): a rate that lost its %
    if (bare !== undefined && funding.some((f) => f.rest))
      throw new CofinError(
        'bad-rate',
        `"${bare.cell}" in the ${bare.id} column beside a rest may be a rate: a cell without % is an amount`,
        `write ${bare.cell}% for a rate, or EUR ${bare.cell} if the amount is meant`,
        bare.where,
      );
    if (funding.length === 0)
      throw new CofinError(
        'missing-key',
        `partner "${name}" has no funding`,
        'fill at least one source cell with a rate (85%) or an amount',
        at(0),
      );
    return {
      partner: name,
      country: (countryColumn < 0 ? '' : table.cell(row, countryColumn, 'name').trim()) || undefined,
      budget,
      costs: undefined,
      funding,
      at: at(0),
    };
  };
  const all = table.rows;
  const last = table.last();
  // a spreadsheet's total row is no partner: read as one, a wrong total would pass and every figure double
  const byWords = last !== undefined && isTotalRow(table.cell(last, partnerColumn, 'name'));
  // whatever its heading, a last row whose budget is the sum of the budgets above it is the table's total: read as a
  // partner it would double the project, read as the total its columns are held to the partners' sums
  const sourceIndexes = sources.map(({ index }) => index);
  const bySum = !byWords && last !== undefined ? sumsTheRowsAbove(table, last, budgetColumn, sourceIndexes) : undefined;
  const totalRow = byWords || bySum !== undefined ? last : undefined;
  const rows = totalRow === undefined ? all : firstRows(all, all.length - 1);
  const notes = [...(table.notes ?? [])];
  if (last !== undefined && bySum !== undefined) {
    const heading = table.cell(last, partnerColumn, 'name').trim();
    notes.push({
      code: 'total-row-by-sum',
      message:
        `the last row${heading === '' ? '' : ` "${heading}"`} is read as the table's total row: its budget ` +
        `${bySum} is the sum of the ${all.length - 1} budgets above it, and its columns are checked against ` +
        "the partners' sums",
      hint:
        'head it Total or Kopā to say so; if it is a partner, add the total row below it (Kopā with the sums), ' +
        'or give the partners in a budget file',
      at: table.at(last, budgetColumn),
      said: said('total-row-by-sum', { heading, budget: bySum, above: all.length - 1 }),
    });
  }
  const totals = (row: Row): ProjectInfo => {
    const at = (index: number): Located => table.at(row, index);
    const budgetText = table.cell(row, budgetColumn, 'figure').trim();
    const figure = (text: string, index: number) => figureOf(text, at(index), table.amountOptions(row, index));
    return {
      name: undefined,
      programme: undefined,
      total: budgetText === '' ? undefined : figure(budgetText, budgetColumn),
      partners: { value: rows.length, at: at(partnerColumn) },
      at: at(partnerColumn),
      sources: sources.flatMap(({ id, index }) => {
        const text = table.cell(row, index, 'figure').trim();
        // a total row's rate (85%) or rest says nothing a sum can check
        return text === '' || text === 'rest' || text.endsWith('%') ? [] : [{ id, total: figure(text, index) }];
      }),
    };
  };
  if (rows.length === 0)
    throw new CofinError(
      'missing-key',
      'the table has no partner rows',
      'add one row per partner under the header',
      table.headPlace(),
    );
  return {
    currency: 'EUR',
    partners: {
      length: rows.length,
      *[Symbol.iterator]() {
        // a row's error does not hide the next rows': each bad row is told, at most TABLE_ERRORS, when the table ends
        const errors: CofinError[] = [];
        for (const row of rows) {
          let partner: PartnerBudget;
          try {
            partner = partnerOf(row);
          } catch (error) {
            if (!(error instanceof CofinError)) throw error;
            errors.push(error, ...error.more);
            if (errors.length >= TABLE_ERRORS) break;
            continue;
          }
          if (errors.length === 0) yield partner;
        }
        if (errors.length > 0) {
          const [first, ...rest] = errors.slice(0, TABLE_ERRORS);
          first!.more = rest;
          throw first!;
        }
      },
    },
    multi: true,
    table: true,
    rounding: { unit: undefined, method: undefined },
    project: totalRow === undefined ? undefined : totals(totalRow),
    source: undefined,
    at: { line: 1, column: 1, pointer: '' },
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/**
 * The last row's budget cell as written, when it is the sum of the budgets of the two or more rows above it; else
 * undefined. The sum grows row by row (a negative budget is refused), so a table whose last partner is no bigger than
 * the others is read no further than its first rows; a cell that is no amount is left to the partner's own error.
 * A row with a rate or rest, or an empty cell where the partners fill the column, is a partner's: undefined.
 */
function sumsTheRowsAbove<Row>(
  table: PartnerTable<Row>,
  last: Row,
  budgetColumn: number,
  sourceColumns: readonly number[],
): string | undefined {
  const above = table.rows.length - 1;
  if (above < 2) return undefined;
  // a total row states amounts: a rate or rest in it is a partner's, whose own figures must then be checked
  const cells = sourceColumns.map((index) => table.cell(last, index, 'figure').trim());
  if (cells.every((cell) => cell === '') || cells.some((cell) => cell.endsWith('%') || cell === 'rest'))
    return undefined;
  const emptyInLast = sourceColumns.filter((_, i) => cells[i] === '');
  const budgetOf = (row: Row) => {
    const text = table.cell(row, budgetColumn, 'figure').trim();
    if (text === '') return undefined;
    try {
      return parseFigure(text, table.amountOptions(row, budgetColumn));
    } catch (error) {
      if (error instanceof CofinError) return undefined;
      throw error;
    }
  };
  const total = budgetOf(last);
  if (total === undefined || total.precision !== undefined || !total.value.gt(0)) return undefined;
  let sum = ZERO;
  let read = 0;
  for (const row of table.rows) {
    if (read++ >= above) break;
    const budget = budgetOf(row);
    if (budget === undefined || budget.precision !== undefined || budget.currency !== total.currency) return undefined;
    // a column the partners fill and the last row leaves empty: a partner's row, not the sums
    if (emptyInLast.some((index) => table.cell(row, index, 'figure').trim() !== '')) return undefined;
    sum = sum.plus(budget.value);
    if (sum.gt(total.value)) return undefined;
  }
  return sum.eq(total.value) ? table.cell(last, budgetColumn, 'figure').trim() : undefined;
}

/** The first `count` of a table's rows, read from them each time (a streamed table's rows cannot be indexed). */
function firstRows<Row>(all: Iterable<Row>, count: number): Iterable<Row> & { readonly length: number } {
  return {
    length: count,
    *[Symbol.iterator]() {
      if (count <= 0) return;
      let taken = 0;
      for (const row of all) {
        yield row;
        if (++taken >= count) return;
      }
    },
  };
}

/** A whole number from 1 to 100 written bare (`85`), beside a budget of 1 000 or more and at least 100 times it. */
function isBareRate(cell: string, amount: FigureField, budget: FigureField): boolean {
  return (
    /^[0-9]{1,3}$/.test(cell) &&
    amount.currency === undefined &&
    amount.value.gte(1) &&
    amount.value.lte(100) &&
    budget.value.gte(1000) &&
    budget.value.gte(amount.value.times(100))
  );
}
