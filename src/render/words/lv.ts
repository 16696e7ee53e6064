import type { RoundingMethod } from '../../core/allocate/types.js';
import type { Decimal } from '../../core/decimal.js';
import { COST_CATEGORIES, type CostCategory } from '../../core/costs.js';
import { WELL_KNOWN_SOURCES } from '../../core/sources.js';
import { formatMoney, formatNumber, formatPercent } from '../locale.js';
import { REPORT_WORDS } from '../report-words.js';
import type { Words } from './en.js';
import type { PassedOverReason } from '../../core/check.js';

/** Latvian plural: 1, 21, 31 … take the singular; 11 does not. */
export const lvOne = (n: number) => n % 10 === 1 && n % 100 !== 11;

/** What a file passed over is, one and several. */
const PASSED_OVER_LV: Readonly<Record<PassedOverReason, readonly [string, string]>> = {
  'cofin-json': ['cofin JSON izvade', 'cofin JSON izvades'],
  'cofin-csv': ['cofin CSV izvade', 'cofin CSV izvades'],
  'rate-table': ['pieprasījumu failu valūtas kursu tabula', 'pieprasījumu failu valūtas kursu tabulas'],
};

/** A cost category after "no" (dative plural): 15% no personāla izmaksām. */
export const CATEGORY_AFTER_NO: Readonly<Record<CostCategory, string>> = {
  staff: 'personāla izmaksām',
  office: 'biroja un administratīvajām izmaksām',
  travel: 'ceļa un uzturēšanās izmaksām',
  external: 'ārējo ekspertu un pakalpojumu izmaksām',
  equipment: 'aprīkojuma izmaksām',
  infrastructure: 'infrastruktūras un būvdarbu izmaksām',
  other: 'citām izmaksām',
  'lump-sums': 'vienreizējiem maksājumiem',
  'unit-costs': 'vienības izmaksām',
};

/** The well-known sources as a Latvian finance officer names them. */
export const SOURCE_NAMES_LV: Readonly<Record<string, string>> = {
  erdf: 'ERAF',
  esf: 'ESF+',
  cf: 'Kohēzijas fonds',
  eafrd: 'ELFLA',
  interreg: 'Interreg',
  municipal: 'Pašvaldība',
  state: 'Valsts budžets',
  private: 'Privātais finansējums',
  national: 'Nacionālais finansējums',
};

const category = (key: string) => (key in CATEGORY_AFTER_NO ? CATEGORY_AFTER_NO[key as CostCategory] : key);

/** cofin's words in Latvian, as a Latvian finance officer writes them; every key of the English catalogue. */
export const LV: Words = {
  money: (value, currency, scale, approximate = false) =>
    `${approximate ? '~' : ''}${formatMoney(value, currency, scale, 'lv')}`,
  number: (value, scale) => formatNumber(value, scale, 'lv'),
  rate: (value: Decimal) => formatPercent(value, 'lv'),
  reportMoney: (value, currency, scale) => formatMoney(value, currency, scale, 'lv'),
  reportPercent: (value) => formatPercent(value, 'lv'),

  sourceName: (id, name) =>
    Object.hasOwn(SOURCE_NAMES_LV, id) && WELL_KNOWN_SOURCES[id]?.name === name ? SOURCE_NAMES_LV[id]! : name,
  verdicts: { pass: 'ATBILST', fail: 'NEATBILST', invalid: 'NEDERĪGS' },
  severities: { error: 'kļūda', warning: 'brīdinājums', note: 'piezīme' },
  ignored: 'ignorēts',
  hint: 'ieteikums',
  partner: 'partneris',
  partners: (count) => `${count} ${lvOne(count) ? 'partneris' : 'partneri'}`,
  // the file's own name of a category is kept; cofin's English default is said in Latvian
  category: (key, name) => (!name || name === COST_CATEGORIES[key] ? REPORT_WORDS.lv.categoryNames[key] : name),
  partnerHeading: (money, method, unit) =>
    `${money}, ${REPORT_WORDS.lv.methods[method]}, ` +
    `vienība ${formatNumber(unit, Math.max(0, unit.decimalPlaces()), 'lv')}`,
  shareColumns: ['Avots', 'Likme', 'Precīzā summa', 'Aprēķināts', 'Norādīts', 'Starpība'],
  costColumns: ['Izmaksu kategorija', 'Vienotā likme', 'Bāze', 'Summa'],
  euroColumns: (currency) => ['Summa eiro', currency, 'EUR (norādīts)', `EUR no ${currency}`, `${currency} no EUR`],
  budget: 'Budžets',
  flatOf: (rate, base) => `${rate} no ${base === 'direct' ? 'tiešajām izmaksām' : base.map(category).join(', ')}`,
  summary: (files, passed, failed, invalid) => {
    const parts = [`${passed} atbilst`];
    if (failed > 0) parts.push(`${failed} neatbilst`);
    if (invalid > 0) parts.push(`${invalid} ${lvOne(invalid) ? 'nederīgs' : 'nederīgi'}`);
    return `${files} ${lvOne(files) ? 'fails' : 'faili'}: ${parts.join(', ')}`;
  },
  ignoredErrors: (count, codes, by) =>
    `${count} ${lvOne(count) ? 'kļūda netiek ņemta' : 'kļūdas netiek ņemtas'} vērā ` +
    `(${codes.join(', ')}): ${by.join(' un ')}`,
  excludedFiles: (count, globs, by, named) =>
    `${count} ${lvOne(count) ? 'fails izslēgts' : 'faili izslēgti'} (${globs.join(', ')}; ${by.join(' un ')}): ` +
    `${named.join(', ')}${count > named.length ? ` un vēl ${count - named.length}` : ''}`,
  passedOver: (count, reasons, named) =>
    `${count} ${lvOne(count) ? 'fails izlaists: nav budžeta fails' : 'faili izlaisti: nav budžeta faili'} ` +
    `(${reasons.map(([reason, n]) => `${n} ${PASSED_OVER_LV[reason][lvOne(n) ? 0 : 1]}`).join(', ')}): ` +
    `${named.join(', ')}${count > named.length ? ` un vēl ${count - named.length}` : ''}`,
  excludedBecause: (glob, by) => `izslēgts (${glob}; ${by})`,
  passedOverBecause: (reason) => `izlaists: nav budžeta fails, bet ${PASSED_OVER_LV[reason][0]}`,
  counts: (files, passed, failed, invalid) =>
    `${files} ${lvOne(files) ? 'fails' : 'faili'}, ${passed} atbilst, ${failed} neatbilst, ` +
    `${invalid} ${lvOne(invalid) ? 'nederīgs' : 'nederīgi'}`,
  progress: (count, of, perSecond, seconds, what = 'files') => {
    const [ofWhat, perWhat] = what === 'files' ? ['failiem', 'faili/s'] : ['partneriem', 'partneri/s'];
    return (
      `pārbaudīti ${count} ` +
      `no ${of} ${ofWhat}${perSecond === undefined ? '' : `, ${perSecond} ${perWhat}`}, ${seconds.replace('.', ',')} ` +
      `s`
    );
  },

  splitHeading: (money, method, unit) =>
    `${money} sadalījums: ${REPORT_WORDS.lv.methods[method]}, ` +
    `vienība ${formatNumber(unit, Math.max(0, unit.decimalPlaces()), 'lv')}`,
  splitColumns: ['Avots', 'Likme', 'Precīzā summa', 'Summa', 'Korekcija'],
  total: 'Kopā',
  drift: (sum, drift, negative, budget, method) =>
    `novirze: daļas kopā ir ${sum}, par ${drift} ${negative ? 'mazāk' : 'vairāk'} ` +
    `nekā budžets ${budget} (${DRIFT_REASONS_LV[method]})`,
  note: 'piezīme',

  reportTitle: (partners, budget, eu, average) =>
    `${partners} ${lvOne(partners) ? 'partneris' : 'partneri'}, ${budget}, ES ` +
    `finansējums ${eu} (vidējā ES likme ${average})`,
  budgetsBySource: 'Partneru budžeti pa finansējuma avotiem',
  reportErrors: (file, errors) =>
    `${file}: skaitļos ir ${errors} ${lvOne(errors) ? 'kļūda' : 'kļūdas'}; pārskatā parādītas aprēķinātās summas`,
  reportErrorsHint: (file) => `sīkāk: "cofin check ${file}"`,
};

/** Why a rule's shares miss the budget, per rule. */
const DRIFT_REASONS_LV: Record<RoundingMethod, string> = {
  'largest-remainder': 'ES fonda daļu noapaļo uz leju, un atlikumu nesedz neviens cits avots',
  'half-up': 'noapaļojot uz tuvāko, katru daļu noapaļo atsevišķi',
  'fund-down': 'ES fonda daļu noapaļo uz leju, un atlikumu nesedz neviens cits avots',
};
