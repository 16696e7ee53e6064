import { Argument, Option } from 'commander';
import { CofinError } from '../core/errors.js';
import { INPUT_FORMATS, type InputFormat } from '../io/input-formats.js';
import type { CsvDialect } from '../render/csv.js';
import { CHECK_FORMATS, type CheckFormat } from '../render/formats.js';
import { CSV_DIALECT_OPTION, LOCALE_OPTION, SHEET_OPTION, defineCommand, toFile, type OutputFlags } from './define.js';
import type { Locale } from '../render/locale.js';
import type { CheckCommandOptions } from './check.js';

const CHECK_EXAMPLES = `
Examples:
  $ cofin init budget.yaml && cofin check budget.yaml
  $ cofin check .                             # every .yaml, .yml, .json and .csv below it
  $ cofin init partners.csv && cofin check partners.csv --strict
  $ cofin check . --format github             # annotations in GitHub Actions
  $ cofin check . --format junit > cofin.xml
  $ cofin check - --format json < budget.yaml | jq .summary
  $ cofin check . --format xlsx -o check.xlsx
  $ cofin check . --format csv --csv-dialect excel-lv -o check.csv

Exit codes: 0 every file passes, 1 a file fails a check, 2 a file is invalid or the command is wrong.`;

interface CheckFlags extends OutputFlags {
  format: CheckFormat;
  csvDialect?: CsvDialect;
  sheet?: string;
  strict: boolean;
  maxFileSize?: number;
  input?: InputFormat;
  quiet?: boolean;
  verbose?: boolean;
  exclude?: string[];
  ignore?: string[];
  onlyBudgets: boolean;
  locale?: Locale;
}

function parsePositiveInteger(value: string, flag: string): number {
  if (!/^[1-9][0-9]*$/.test(value))
    throw new CofinError('usage', `${flag} takes a whole number of bytes: "${value}"`, 'e.g. --max-file-size 67108864');
  return Number(value);
}

export const checkCommand = defineCommand<[files: string[]], CheckFlags, CheckCommandOptions>({
  name: 'check',
  description: 'check budget files: compute every share and compare it with the declared figures',
  arguments: () => [
    new Argument(
      '<files...>',
      'budget files (.yaml, .yml, .json, .csv partner tables, .xlsx workbooks), folders, or - for standard input',
    ),
  ],
  flags: () => [
    new Option('--format <format>', 'output format (xlsx: a workbook, to -o FILE or a redirect)')
      .choices(CHECK_FORMATS)
      .default('table'),
    CSV_DIALECT_OPTION(),
    LOCALE_OPTION(
      'the language and amounts of the table and messages; given, of GitHub ' +
        'annotations too (JSON, CSV and JUnit stay English)',
    ),
    new Option('--strict', 'treat warnings and notes as errors (a rounded rate display fails)').default(false),
    new Option('--max-file-size <bytes>', 'refuse files larger than this (default: 64 MiB)').argParser((value) =>
      parsePositiveInteger(value, '--max-file-size'),
    ),
    new Option('--input <format>', 'the format of standard input (default: YAML or JSON, detected)').choices(
      INPUT_FORMATS,
    ),
    SHEET_OPTION(),
    new Option('--no-strict', 'do not treat warnings and notes as errors (overrides strict: true in the config file)'),
    new Option(
      '-q, --quiet',
      'with several files: show only failing and invalid files, the list of failures and the summary',
    ).conflicts('verbose'),
    new Option('-v, --verbose', "with several files: show every file's tables, as for one file"),
    new Option(
      '--exclude <glob>',
      'skip paths that match when a folder is walked (repeatable; *, ?, **, a trailing / for folders)',
    ).argParser((value: string, list: string[] = []) => [...list, value]),
    new Option(
      '--only-budgets',
      "pass over files named that a folder walk passes over (rate tables, cofin's own outputs): for commit hooks",
    ).default(false),
    new Option(
      '--ignore <code>',
      'keep findings with this code in the output, but let them not fail a file (repeatable)',
    ).argParser((value: string, list: string[] = []) => [...list, value]),
  ],
  help: CHECK_EXAMPLES,
  output: (options) => options.paths,
  jsonErrors: true,
  async normalise({ args: [files], flags: options, given, io, jsonOutput }) {
    const { findConfig, checkIgnoreCode } = await import('../io/config.js');
    // cofin.config.yaml/.json or package.json "cofin", upwards from here; a flag given overrides it
    const found = findConfig(io.cwd);
    const config = found?.config ?? {};
    const format: CheckFormat = given('format') ? options.format : (config.format ?? options.format);
    if (format === 'json' && !toFile(options)) jsonOutput();
    const strict: boolean = given('strict') ? options.strict : (config.strict ?? options.strict);
    const ignore = [
      ...(config.ignore ?? []),
      ...(options.ignore ?? []).map((code) => checkIgnoreCode(code, '--ignore')),
    ];
    const exclude = [...(config.exclude ?? []), ...(options.exclude ?? [])];
    const detail = options.quiet ? 'quiet' : options.verbose ? 'verbose' : 'normal';
    return {
      paths: files,
      format,
      strict,
      maxFileSize: options.maxFileSize,
      input: options.input,
      sheet: options.sheet,
      detail,
      exclude,
      onlyBudgets: options.onlyBudgets,
      excludedBy: [
        { by: found?.file ?? 'the config file', globs: config.exclude ?? [] },
        { by: '--exclude', globs: options.exclude ?? [] },
      ],
      ignore,
      ignoredBy: [
        { by: found?.file ?? 'the config file', codes: config.ignore ?? [] },
        { by: '--ignore', codes: options.ignore ?? [] },
      ],
      toFile: toFile(options),
      csvDialect: options.csvDialect,
      locale: options.locale ?? config.locale,
    };
  },
  async run(options, io) {
    const { runCheck } = await import('./check.js');
    return runCheck(options, io, io.styles);
  },
});
