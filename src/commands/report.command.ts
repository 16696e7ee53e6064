import { Argument, Option } from 'commander';
import { INPUT_FORMATS, type InputFormat } from '../io/input-formats.js';
import type { CsvDialect } from '../render/csv.js';
import type { Locale } from '../render/locale.js';
import { REPORT_FORMATS, type ReportFormat } from '../render/formats.js';
import { CSV_DIALECT_OPTION, LOCALE_OPTION, SHEET_OPTION, defineCommand, type OutputFlags } from './define.js';
import type { ReportOptions } from './report.js';

const REPORT_EXAMPLES = `
Examples:
  $ cofin init project.yaml && cofin report project.yaml
  $ cofin init partners.csv && cofin report partners.csv --locale lv
  $ cofin report project.yaml --format md > REPORT.md
  $ cofin report project.yaml --format csv > shares.csv
  $ cofin report project.yaml --format csv --locale lv > shares.csv    # for Latvian Excel
  $ cofin report project.yaml --format xlsx -o report.xlsx
  $ cofin report project.yaml --format html --locale lv -o report.html

Exit codes: 0 the figures check out, 1 the report is shown but the figures have errors, 2 unreadable or invalid file.`;

interface ReportFlags extends OutputFlags {
  format: ReportFormat;
  csvDialect?: CsvDialect;
  sheet?: string;
  locale?: Locale;
  input?: InputFormat;
}

export const reportCommand = defineCommand<[file: string], ReportFlags, ReportOptions>({
  name: 'report',
  description: 'show a whole project: partners × sources, categories, kinds, countries and a chart',
  arguments: () => [new Argument('<file>', 'a budget file (.yaml, .json, .csv, .xlsx), or - for standard input')],
  flags: () => [
    new Option(
      '--format <format>',
      'output format (xlsx: a workbook, html: a document to send; both to -o FILE or a redirect)',
    )
      .choices(REPORT_FORMATS)
      .default('table'),
    LOCALE_OPTION('the language and amounts of table, md and html output; --locale lv also makes CSV excel-lv'),
    CSV_DIALECT_OPTION(),
    new Option('--input <format>', 'the format of standard input').choices(INPUT_FORMATS),
    SHEET_OPTION(),
  ],
  help: REPORT_EXAMPLES,
  output: (options) => [options.file],
  jsonErrors: true,
  normalise: ({ args: [file], flags: options }) => ({
    file,
    format: options.format,
    locale: options.locale,
    input: options.input,
    sheet: options.sheet,
    csvDialect: options.csvDialect,
  }),
  async run(options, io) {
    const { runReport } = await import('./report.js');
    return runReport(options, io, io.styles.stdout);
  },
});
