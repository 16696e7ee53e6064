import { Argument, Option } from 'commander';
import { CofinError } from '../core/errors.js';
import { ROUNDING_METHODS } from '../core/allocate/index.js';
import type { CsvDialect } from '../render/csv.js';
import { SPLIT_FORMATS, type SplitFormat } from '../render/formats.js';
import { CSV_DIALECT_OPTION, LOCALE_OPTION, defineCommand } from './define.js';
import type { Locale } from '../render/locale.js';
import type { SplitOptions } from './split.js';

const SPLIT_EXAMPLES = `
Examples:
  $ cofin split "EUR 12 758" erdf=85% municipal=10% state=5% --unit 1
  $ cofin split 5123.12 interreg=23.26% national=rest --method fund-down
  $ cofin split 12704 erdf=85% municipal=10% state=5% --unit 1 --method half-up
  $ cofin split 1.234,50 ipa:eu-fund=80% private=20% --format json
  $ cofin split "EUR 12 758" erdf=85% municipal=10% state=5% --unit 1 --period 5950`;

// The flags as commander hands them over (camelCase), checked against their choices.
interface SplitFlags {
  csvDialect?: CsvDialect;
  unit?: string;
  method: string;
  currency?: string;
  format: SplitFormat;
  decimalComma?: boolean;
  decimalPoint?: boolean;
  locale?: Locale;
  period?: string[];
}

/** A negative number is not an option: say so instead of "unknown option". */
function rejectNegativeAmounts(argv: readonly string[]): void {
  const negative = argv.find((arg) => /^[-−]\d/u.test(arg));
  if (negative !== undefined) {
    throw new CofinError(
      'bad-amount',
      `amount must not be negative: "${negative}"`,
      'budgets and shares are amounts of zero or more',
    );
  }
}

export const splitCommand = defineCommand<[amount: string, shares: string[]], SplitFlags, SplitOptions>({
  name: 'split',
  description: 'split a budget into funding shares at a rounding unit',
  arguments: () => [
    new Argument('<amount>', 'the budget, as written: 12758, "EUR 12 758", 12.758,50'),
    new Argument('<shares...>', 'ID[:KIND]=RATE for each source, e.g. erdf=85% or ipa:eu-fund=80%; one may be ID=rest'),
  ],
  flags: () => [
    new Option('--unit <unit>', "rounding unit: 1, 0.01, 100 ... (default: the currency's minor unit)"),
    new Option('--method <method>', 'rounding rule').choices(ROUNDING_METHODS).default('largest-remainder'),
    new Option('--currency <code>', "ISO 4217 currency code (default: the amount's marker, else EUR)"),
    new Option('--format <format>', 'output format').choices(SPLIT_FORMATS).default('table'),
    CSV_DIALECT_OPTION(),
    LOCALE_OPTION('the language and amounts of the table: lv writes "12 758,00 €"'),
    new Option(
      '--period <amount>',
      'the budget of a reporting period, in order (repeatable); one more period, the last, takes the remainder',
    ).argParser((value: string, list: string[] = []) => [...list, value]),
    new Option('--decimal-comma', 'read a lone "," as the decimal mark (12,758 is 12.758)').conflicts('decimalPoint'),
    new Option('--decimal-point', 'read a lone "." as the decimal mark (12.758 is 12.758)'),
  ],
  help: SPLIT_EXAMPLES,
  jsonErrors: true,
  beforeParse: rejectNegativeAmounts,
  normalise: ({ args: [amount, shares], flags: options }) => ({
    amount,
    shares,
    ...options,
    periods: options.period ?? [],
    decimal: options.decimalComma ? 'comma' : options.decimalPoint ? 'point' : undefined,
  }),
  async run(options, io) {
    const { runSplit } = await import('./split.js');
    return runSplit(options, io, io.styles.stdout);
  },
});
