import { formatAmount } from '../../core/amount.js';
import { toFixedString, type Decimal } from '../../core/decimal.js';
import type { RoundingMethod } from '../../core/allocate/types.js';
import type { CostCategory } from '../../core/costs.js';
import { COST_CATEGORIES } from '../../core/costs.js';
import type { PassedOverReason, Severity } from '../../core/check.js';
import { formatMoney, formatPercent } from '../locale.js';

/** What a file passed over is, one and several. */
const PASSED_OVER_EN: Readonly<Record<PassedOverReason, readonly [string, string]>> = {
  'cofin-json': ['JSON output of cofin', 'JSON outputs of cofin'],
  'cofin-csv': ['CSV output of cofin', 'CSV outputs of cofin'],
  'rate-table': ['rate table of claim files', 'rate tables of claim files'],
};

/**
 * cofin's own words in the terminal (check, split, report), in English: the
 * catalogue every other language follows (`Words`, the type of this object:
 * the compiler asks lv.ts for every key). Names, ids and amounts from a file
 * are shown as written. Findings' English is core's (core/check/messages.ts);
 * other languages phrase them from their figures (words/lv-findings.ts).
 */
export const EN = {
  // how check and split write figures: the currency code, then the amount grouped by spaces
  /** An amount with its currency; `approximate` marks a figure written as one (`~10 000`) as the file does. */
  money: (value: Decimal, currency: string, scale: number, approximate = false) =>
    `${currency} ${approximate ? '~' : ''}${formatAmount(value, scale)}`,
  number: (value: Decimal, scale: number) => formatAmount(value, scale),
  rate: (value: Decimal) => `${toFixedString(value)}%`,
  // report writes money the locale's way (€12,758.00)
  reportMoney: (value: Decimal, currency: string, scale: number) => formatMoney(value, currency, scale, 'en'),
  reportPercent: (value: Decimal) => formatPercent(value, 'en'),

  /** A source's name: a well-known source's own name in this language; a name the file gives, as given. */
  sourceName: (_id: string, name: string) => name,
  verdicts: { pass: 'PASS', fail: 'FAIL', invalid: 'INVALID' },
  severities: { error: 'error', warning: 'warning', note: 'note' } as Record<Severity, string>,
  ignored: 'ignored',
  hint: 'hint',
  partner: 'partner',
  partners: (count: number) => `${count} partners`,
  category: (category: CostCategory, name: string) => name || COST_CATEGORIES[category],
  partnerHeading: (money: string, method: RoundingMethod, unit: Decimal) =>
    `${money}, ${method}, unit ${unit.toFixed()}`,
  shareColumns: ['Source', 'Rate', 'Exact', 'Computed', 'Declared', 'Difference'],
  costColumns: ['Cost category', 'Flat rate', 'Base', 'Amount'],
  /** The heads of the euro figures beside a national currency's (`LVL`). */
  euroColumns: (currency: string) => [
    'Euro figure',
    currency,
    'EUR (declared)',
    `EUR from ${currency}`,
    `${currency} from EUR`,
  ],
  budget: 'Budget',
  flatOf: (rate: string, base: 'direct' | readonly string[]) =>
    `${rate} of ${base === 'direct' ? 'direct costs' : base.join(', ')}`,
  summary: (files: number, passed: number, failed: number, invalid: number) => {
    const parts = [`${passed} passed`];
    if (failed > 0) parts.push(`${failed} failed`);
    if (invalid > 0) parts.push(`${invalid} invalid`);
    return `${files} file${files === 1 ? '' : 's'}: ${parts.join(', ')}`;
  },
  /** After the summary: errors that did not fail their files, and who said to ignore them (a config may be far up). */
  ignoredErrors: (count: number, codes: readonly string[], by: readonly string[]) =>
    `${count} error${count === 1 ? '' : 's'} ignored (${codes.join(', ')}) by ${by.join(' and ')}`,
  /** After the summary: files a walk left out by an exclude, by which globs and whose, the first ones named. */
  excludedFiles: (count: number, globs: readonly string[], by: readonly string[], named: readonly string[]) =>
    `${count} file${count === 1 ? '' : 's'} excluded (${globs.join(', ')}) by ${by.join(' and ')}: ` +
    `${named.join(', ')}${count > named.length ? ` and ${count - named.length} more` : ''}`,
  /** After the summary: files passed over by their content, how many of each kind, the first ones named. */
  passedOver: (count: number, reasons: readonly (readonly [PassedOverReason, number])[], named: readonly string[]) =>
    `${count} file${count === 1 ? '' : 's'} passed over as ${count === 1 ? 'no budget file' : 'no budget files'} ` +
    `(${reasons.map(([reason, n]) => `${n} ${PASSED_OVER_EN[reason][n === 1 ? 0 : 1]}`).join(', ')}): ` +
    `${named.join(', ')}${count > named.length ? ` and ${count - named.length} more` : ''}`,
  /** One excluded file's reason (JUnit's skipped case). */
  excludedBecause: (glob: string, by: string) => `excluded (${glob}) by ${by}`,
  /** One passed-over file's reason (JUnit's skipped case). */
  passedOverBecause: (reason: PassedOverReason) => `passed over as no budget file: a ${PASSED_OVER_EN[reason][0]}`,
  /** The closing line of `--format github`: every count, always (scripts read them). */
  counts: (files: number, passed: number, failed: number, invalid: number) =>
    `${files} file${files === 1 ? '' : 's'}, ${passed} passed, ${failed} failed, ${invalid} invalid`,
  progress: (
    count: number,
    of: number,
    perSecond: number | undefined,
    seconds: string,
    what: 'files' | 'partners' = 'files',
  ) => `checked ${count} of ${of} ${what}${perSecond === undefined ? '' : `, ${perSecond} ${what}/s`}, ${seconds} s`,

  splitHeading: (money: string, method: RoundingMethod, unit: Decimal) =>
    `${money} split by ${method}, unit ${unit.toFixed()}`,
  splitColumns: ['Source', 'Rate', 'Exact', 'Amount', 'Adjustment'],
  total: 'Total',
  drift: (sum: string, drift: string, negative: boolean, budget: string, method: RoundingMethod) =>
    `drift: the shares add up to ${sum}, ${drift} ${negative ? 'less' : 'more'} ` +
    `than the budget ${budget} (${DRIFT_REASONS[method]})`,
  note: 'note',

  reportTitle: (partners: number, budget: string, eu: string, average: string) =>
    `${partners} partner${partners === 1 ? '' : 's'}, ${budget}, EU funds ${eu} (average EU rate ${average})`,
  budgetsBySource: 'Budgets by source',
  reportErrors: (file: string, errors: number) =>
    `${file}: ${errors} error${errors === 1 ? '' : 's'} in the figures; the report shows the computed amounts`,
  reportErrorsHint: (file: string) => `run "cofin check ${file}" for the details`,
};

export type Words = typeof EN;

/** Why a rule's shares miss the budget, per rule (a new rule: the compiler asks for its words here). */
const DRIFT_REASONS: Record<RoundingMethod, string> = {
  // not reached: it hands out every unit
  'largest-remainder': 'fund-down rounds the EU funds down and no other source takes the remainder',
  'half-up': 'half-up rounds each share on its own',
  'fund-down': 'fund-down rounds the EU funds down and no other source takes the remainder',
};
