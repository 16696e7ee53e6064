import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { CofinError } from './core/errors.js';
import { withStdout, type Io } from './io/streams.js';
import type { InputFormat } from './io/read.js';
import type { Locale } from './render/locale.js';
import type { CsvDialect } from './render/csv.js';
import type { Style } from './render/style.js';
import { terminalText } from './render/safe-text.js';
import { didYouMean } from './io/suggest.js';

declare const __COFIN_VERSION__: string;
export const VERSION = typeof __COFIN_VERSION__ === 'string' ? __COFIN_VERSION__ : '0.0.0-dev';

/** Exit codes: a public contract. */
export const EXIT = { ok: 0, checkFailed: 1, usage: 2, internal: 70 } as const;

const SPLIT_EXAMPLES = `
Examples:
  $ cofin split "EUR 12 758" erdf=85% municipal=10% state=5% --unit 1
  $ cofin split 5123.12 interreg=23.26% national=rest --method fund-down
  $ cofin split 12704 erdf=85% municipal=10% state=5% --unit 1 --method half-up
  $ cofin split 1.234,50 ipa:eu-fund=80% private=20% --format json`;

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

const MAIN_EXAMPLES = `
Examples:
  $ cofin init budget.yaml && cofin check budget.yaml
  $ cofin split "EUR 12 758" erdf=85% municipal=10% state=5% --unit 1
  $ cofin split 12758 erdf=85% municipal=rest --format json | jq .shares
  $ echo "Budget EUR 12 758: 85% ERDF EUR 10 844, 15% municipal EUR 1 914" | cofin extract - | cofin check -
  $ cofin report budget.yaml
  $ source <(cofin completion bash)

Exit codes: 0 success, 1 a check found a mismatch, 2 usage or input error, 70 internal error.
Colour: --color/--no-color, else FORCE_COLOR, NO_COLOR, TERM=dumb, else only on a terminal.`;

interface GlobalOptions {
  color?: boolean;
}

// The flags of each command as commander hands them over (camelCase), checked against its choices.
interface OutputFlags {
  output?: string;
  force?: boolean;
}
interface SplitFlags {
  csvDialect?: CsvDialect;
  unit?: string;
  method: string;
  currency?: string;
  format: string;
  decimalComma?: boolean;
  decimalPoint?: boolean;
  locale?: Locale;
}
interface CheckFlags extends OutputFlags {
  format: string;
  csvDialect?: CsvDialect;
  sheet?: string;
  strict: boolean;
  maxFileSize?: number;
  input?: InputFormat;
  quiet?: boolean;
  verbose?: boolean;
  exclude?: string[];
  ignore?: string[];
  locale?: Locale;
}
interface ReportFlags extends OutputFlags {
  format: string;
  csvDialect?: CsvDialect;
  sheet?: string;
  locale?: Locale;
  input?: InputFormat;
}
interface ClaimFlags extends OutputFlags {
  format: string;
  input?: 'yaml' | 'json';
  rates?: string;
}
interface ExtractFlags extends OutputFlags {
  lang: 'lv' | 'en' | 'auto';
  format: string;
}

async function styleFor(io: Io, options: GlobalOptions, stream: 'stdout' | 'stderr' | 'file'): Promise<Style> {
  const { colorEnabled, plainStyle } = await import('./render/style.js');
  // a file gets escape codes only when asked
  const enabled = stream === 'file' ? options.color === true : colorEnabled({ flag: options.color, env: io.env, isTTY: io[stream].isTTY });
  const width = stream === 'file' ? undefined : tableWidth(io, stream);
  return enabled ? (await import('./render/colour.js')).makeStyle(true, width) : plainStyle(width);
}

/** How wide tables may be: COLUMNS when set (the user asked), else the terminal's width; a pipe takes any width. */
function tableWidth(io: Io, stream: 'stdout' | 'stderr'): number | undefined {
  const columns = io.env.COLUMNS;
  if (columns !== undefined && /^[1-9][0-9]{0,4}$/.test(columns.trim())) return Number(columns.trim());
  return io[stream].isTTY ? io[stream].columns : undefined;
}

/** `--output FILE [--force]`: what the command prints goes to a new file, written whole or not at all. */
const OUTPUT_OPTIONS = (command: Command) =>
  command.option('-o, --output <file>', 'write the output to a file (never overwrites without --force; - is standard output)').option('--force', 'replace the --output file if it exists', false);

/** `--csv-dialect`: who reads the CSV (see render/csv's CSV_DIALECTS). */
const CSV_DIALECT_OPTION = () => new Option('--csv-dialect <dialect>', 'who reads --format csv: rfc4180 (scripts; the default), excel-lv (BOM, ";", decimal comma, CRLF), excel-en (BOM, ",", decimal point, CRLF)').choices(['rfc4180', 'excel-lv', 'excel-en']);

/** `--locale`: the language of people's text and how it writes amounts. */
const LOCALE_OPTION = (what: string) => new Option('--locale <locale>', `${what} (default: from LC_ALL, LC_MESSAGES, LANG, else en)`).choices(['lv', 'en']);

/** Does the output go to a file (not `-o -`, standard output)? */
const toFile = (options: { output?: string }) => options.output !== undefined && options.output !== '-';

/** The process's own streams, by descriptor: `-o /dev/stdout` writes through stdout. */
function standardStreams(io: Io): Array<{ fd: number; output: Io['stdout'] }> {
  const fdOf = (stream: unknown) => (stream as { fd?: unknown }).fd;
  const streams: Array<{ fd: number; output: Io['stdout'] }> = [];
  for (const output of [io.stdout, io.stderr]) {
    const fd = fdOf(output);
    if (typeof fd === 'number') streams.push({ fd, output });
  }
  return streams;
}

/**
 * Runs a command whose output may go to `-o FILE` (see io/write's openNewFile:
 * never onto one of `inputs`, a FIFO or device written into, a file replaced
 * whole or not at all); `-o -` is standard output.
 */
async function withOutput(io: Io, options: { output?: string; force?: boolean }, inputs: readonly string[], run: (io: Io) => Promise<number>): Promise<number> {
  if (!toFile(options)) return run(io);
  const [{ openNewFile }, { inputIdentities }] = await Promise.all([import('./io/write.js'), import('./io/read.js')]);
  const file = await openNewFile(io.cwd, options.output!, { force: options.force, inputs: () => inputIdentities(inputs, io), streams: standardStreams(io) });
  try {
    const code = await run(withStdout(io, { write: (text: string | Uint8Array) => file.write(text), isTTY: false }));
    if (file.written) await file.commit();
    return code;
  } finally {
    await file.discard();
  }
}

/**
 * How a failing standard stream ends cofin (the bin listens for its errors):
 * a closed pipe (EPIPE) quietly, with the exit code so far; anything else
 * (a full disk, `> /dev/full`, EIO) with one line on stderr and exit 2, never
 * a stack trace. A failing stderr ends it with 2 and nothing said.
 */
export function streamFailed(error: NodeJS.ErrnoException, stream: 'stdout' | 'stderr', stderr: Io['stderr'], exitCode: number | undefined): number {
  if (error.code === 'EPIPE') return exitCode ?? EXIT.ok;
  if (stream === 'stdout') {
    try {
      stderr.write(`cofin: error: cannot write standard output (${error.code ?? 'unknown error'})\n`);
    } catch {
      // stderr failed too: the exit code says it
    }
  }
  return EXIT.usage;
}

/** `jsonOutput` is told when a config file, not a flag, makes the output JSON (errors then are JSON too). */
function buildProgram(io: Io, setExit: (code: number) => void, jsonOutput: () => void = () => {}): Command {
  const program = new Command('cofin')
    .description('Budget and co-financing calculator for EU-funded projects: exact splits, rounding rules, checks.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--color', 'force colour on')
    .option('--no-color', 'turn colour off')
    .addHelpText('after', MAIN_EXAMPLES)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: () => {}, // printed by reportError in cofin's own layout
    });

  program
    .command('split')
    .description('split a budget into funding shares at a rounding unit')
    .argument('<amount>', 'the budget, as written: 12758, "EUR 12 758", 12.758,50')
    .argument('<shares...>', 'ID[:KIND]=RATE for each source, e.g. erdf=85% or ipa:eu-fund=80%; one may be ID=rest')
    .option('--unit <unit>', 'rounding unit: 1, 0.01, 100 ... (default: the currency\'s minor unit)')
    .addOption(new Option('--method <method>', 'rounding rule').choices(['largest-remainder', 'half-up', 'fund-down']).default('largest-remainder'))
    .option('--currency <code>', 'ISO 4217 currency code (default: the amount\'s marker, else EUR)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .addOption(CSV_DIALECT_OPTION())
    .addOption(LOCALE_OPTION('the language and amounts of the table: lv writes "12 758,00 €"'))
    .addOption(new Option('--decimal-comma', 'read a lone "," as the decimal mark (12,758 is 12.758)').conflicts('decimalPoint'))
    .addOption(new Option('--decimal-point', 'read a lone "." as the decimal mark (12.758 is 12.758)'))
    .addHelpText('after', SPLIT_EXAMPLES)
    .action(async (amount: string, shares: string[], options: SplitFlags, command: Command) => {
      const { runSplit } = await import('./commands/split.js');
      const globals = command.optsWithGlobals<GlobalOptions>();
      setExit(runSplit(
        { amount, shares, ...options, decimal: options.decimalComma ? 'comma' : options.decimalPoint ? 'point' : undefined },
        io,
        await styleFor(io, globals, 'stdout'),
      ));
    });

  const check = program
    .command('check')
    .description('check budget files: compute every share and compare it with the declared figures')
    .argument('<files...>', 'budget files (.yaml, .yml, .json, .csv partner tables, .xlsx workbooks), folders, or - for standard input')
    .addOption(new Option('--format <format>', 'output format (xlsx: a workbook, to -o FILE or a redirect)').choices(['table', 'json', 'github', 'junit', 'csv', 'xlsx']).default('table'))
    .addOption(CSV_DIALECT_OPTION())
    .addOption(LOCALE_OPTION('the language and amounts of the table and messages; given, of GitHub annotations too (JSON, CSV and JUnit stay English)'))
    .option('--strict', 'treat warnings and notes as errors (a rounded rate display fails)', false)
    .option('--max-file-size <bytes>', 'refuse files larger than this (default: 64 MiB)', (value) => parsePositiveInteger(value, '--max-file-size'))
    .addOption(new Option('--input <format>', 'the format of standard input (default: YAML or JSON, detected)').choices(['yaml', 'json', 'csv', 'xlsx']))
    .option('--sheet <name|n>', 'the sheet of a workbook to read: its name, or its place (1 is the first); default: the first with a "partner" header')
    .option('--no-strict', 'do not treat warnings and notes as errors (overrides strict: true in the config file)')
    .addOption(new Option('-q, --quiet', 'with several files: show only failing and invalid files, the list of failures and the summary').conflicts('verbose'))
    .option('-v, --verbose', 'with several files: show every file\'s tables, as for one file')
    .option('--exclude <glob>', 'skip paths that match when a folder is walked (repeatable; *, ?, **, a trailing / for folders)', (value: string, list: string[] = []) => [...list, value])
    .option('--ignore <code>', 'keep findings with this code in the output, but let them not fail a file (repeatable)', (value: string, list: string[] = []) => [...list, value])
    .addHelpText('after', CHECK_EXAMPLES)
    .action(async (files: string[], options: CheckFlags, command: Command) => {
      const [{ runCheck }, { findConfig, checkIgnoreCode }] = await Promise.all([import('./commands/check.js'), import('./io/config.js')]);
      // cofin.config.yaml/.json or package.json "cofin", upwards from here; a flag given overrides it
      const config = findConfig(io.cwd)?.config ?? {};
      const given = (name: string) => command.getOptionValueSource(name) !== 'default' && command.getOptionValueSource(name) !== undefined;
      const format: string = given('format') ? options.format : config.format ?? options.format;
      if (format === 'json' && !toFile(options)) jsonOutput();
      const strict: boolean = given('strict') ? options.strict : config.strict ?? options.strict;
      const ignore = [...(config.ignore ?? []), ...((options.ignore) ?? []).map((code) => checkIgnoreCode(code, '--ignore'))];
      const exclude = [...(config.exclude ?? []), ...((options.exclude) ?? [])];
      const detail = options.quiet ? 'quiet' : options.verbose ? 'verbose' : 'normal';
      const globals = command.optsWithGlobals<GlobalOptions>();
      const styles = { stdout: await styleFor(io, globals, toFile(options) ? 'file' : 'stdout'), stderr: await styleFor(io, globals, 'stderr') };
      setExit(await withOutput(io, options, files, (out) => runCheck({ paths: files, format, strict, maxFileSize: options.maxFileSize, input: options.input, sheet: options.sheet, detail, exclude, ignore, toFile: toFile(options), csvDialect: options.csvDialect, locale: options.locale ?? config.locale }, out, styles)));
    });

  OUTPUT_OPTIONS(check);

  const report = program
    .command('report')
    .description('show a whole project: partners × sources, categories, kinds, countries and a chart')
    .argument('<file>', 'a budget file (.yaml, .json, .csv, .xlsx), or - for standard input')
    .addOption(new Option('--format <format>', 'output format (xlsx: a workbook, html: a document to send; both to -o FILE or a redirect)').choices(['table', 'json', 'csv', 'md', 'xlsx', 'html']).default('table'))
    .addOption(LOCALE_OPTION('the language and amounts of table, md and html output; --locale lv also makes CSV excel-lv'))
    .addOption(CSV_DIALECT_OPTION())
    .addOption(new Option('--input <format>', 'the format of standard input').choices(['yaml', 'json', 'csv', 'xlsx']))
    .option('--sheet <name|n>', 'the sheet of a workbook to read: its name, or its place (1 is the first); default: the first with a "partner" header')
    .addHelpText('after', `
Examples:
  $ cofin init project.yaml && cofin report project.yaml
  $ cofin init partners.csv && cofin report partners.csv --locale lv
  $ cofin report project.yaml --format md > REPORT.md
  $ cofin report project.yaml --format csv > shares.csv
  $ cofin report project.yaml --format csv --locale lv > shares.csv    # for Latvian Excel
  $ cofin report project.yaml --format xlsx -o report.xlsx
  $ cofin report project.yaml --format html --locale lv -o report.html

Exit codes: 0 the figures check out, 1 the report is shown but the figures have errors, 2 unreadable or invalid file.`)
    .action(async (file: string, options: ReportFlags, command: Command) => {
      const { runReport } = await import('./commands/report.js');
      const globals = command.optsWithGlobals<GlobalOptions>();
      const style = await styleFor(io, globals, toFile(options) ? 'file' : 'stdout');
      setExit(await withOutput(io, options, [file], (out) => runReport({ file, format: options.format, locale: options.locale, input: options.input, sheet: options.sheet, csvDialect: options.csvDialect }, out, style)));
    });

  OUTPUT_OPTIONS(report);

  const claim = program
    .command('claim')
    .description('compute a partner\'s plan per period and its claims (partner reports) as Jems does, and check them')
    .argument('<file>', 'a claim file (.yaml, .json), or - for standard input')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .addOption(new Option('--input <format>', 'the format of standard input').choices(['yaml', 'json']))
    .option('--rates <file>', 'monthly exchange rates (CSV month,currency,rate, or YAML/JSON); replaces the file\'s rates:')
    .addHelpText('after', `
Examples:
  $ echo '{partner: P, costs: {staff: 1000}, funding: {erdf: 80%, state: 20%}, periods: [{period: 1}]}' > claims.yaml
  $ cofin claim claims.yaml
  $ cofin claim claims.yaml --format json | jq '.claims[].funds'
  $ printf 'month,currency,rate\\n2024-03,PLN,4.3205\\n' > rates.csv
  $ cofin claim claims.yaml --rates rates.csv

Exit codes: 0 no errors, 1 the figures have errors (the tables are still shown), 2 unreadable or invalid file.`)
    .action(async (file: string, options: ClaimFlags, command: Command) => {
      const { runClaim } = await import('./commands/claim.js');
      const globals = command.optsWithGlobals<GlobalOptions>();
      const styles = { stdout: await styleFor(io, globals, toFile(options) ? 'file' : 'stdout'), stderr: await styleFor(io, globals, 'stderr') };
      setExit(await withOutput(io, options, options.rates ? [file, options.rates] : [file], (out) => runClaim({ file, format: options.format, input: options.input, rates: options.rates }, out, styles)));
    });

  OUTPUT_OPTIONS(claim);

  const extract = program
    .command('extract')
    .description('read a budget and its funding shares from a document\'s text and write a budget file')
    .argument('<file>', 'a text file, or - for standard input')
    .addOption(new Option('--lang <lang>', 'the document\'s language').choices(['lv', 'en', 'auto']).default('auto'))
    .addOption(new Option('--format <format>', 'output format').choices(['yaml', 'json']).default('yaml'))
    .addHelpText('after', `
Examples:
  $ echo "Budget EUR 12 758: 85% ERDF EUR 10 844, 15% municipal EUR 1 914" > news.txt
  $ cofin extract news.txt > extracted.yaml
  $ cofin extract news.txt | cofin check -
  $ cofin extract news.txt --format json | jq .funding
  $ pdftotext decision.pdf - | cofin extract - --format json | jq .funding

Exit codes: 0 figures found, 1 no budget or no funding shares found, 2 unreadable input.`)
    .action(async (file: string, options: ExtractFlags) => {
      const { runExtract } = await import('./commands/extract.js');
      setExit(await withOutput(io, options, [file], (out) => runExtract({ file, lang: options.lang, format: options.format }, out)));
    });

  OUTPUT_OPTIONS(extract);

  program
    .command('schema')
    .description('print the JSON Schema of the budget file format (for editor validation)')
    .option('--config', 'the schema of the config file (cofin.config.yaml or .json) instead', false)
    .addHelpText('after', '\nExamples:\n  $ cofin schema > cofin-budget.schema.json\n  $ cofin schema --config > cofin-config.schema.json')
    .action(async (options: { config: boolean }) => {
      const { runSchema } = await import('./commands/schema.js');
      setExit(runSchema(io, options.config));
    });

  program
    .command('init')
    .description('write a starter budget file: YAML (commented), JSON or a CSV partner table, by its extension (never overwrites)')
    .argument('[file]', 'where to write it (.yaml, .yml, .json or .csv), or - for standard output (YAML)', 'budget.yaml')
    .option('--force', 'replace the file if it exists', false)
    .addHelpText('after', '\nExamples:\n  $ cofin init partner-lv.yaml\n  $ cofin init partner-lv.json\n  $ cofin init partners.csv\n  $ cofin init - | less\n\nThe extension names the format: .yaml or .yml (commented), .json, .csv (a partner table).')
    .action(async (file: string, options: { force: boolean }) => {
      const { runInit } = await import('./commands/init.js');
      setExit(await runInit(file, io, options.force));
    });

  program
    .command('completion')
    .description('print a shell completion script (bash, zsh or fish), made from these commands and options')
    .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh', 'fish']))
    .addHelpText('after', `
Examples:
  $ source <(cofin completion bash)          # in ~/.bashrc
  $ cofin completion zsh > _cofin            # then move _cofin into a folder of $fpath
  $ cofin completion fish > cofin.fish       # then move it into ~/.config/fish/completions/`)
    .action(async (shell: 'bash' | 'zsh' | 'fish') => {
      const { runCompletion } = await import('./commands/completion.js');
      setExit(runCompletion(shell, program, io));
    });

  acceptChoices(program);
  return program;
}

/**
 * Every option with a list of choices, in every command: a value is taken
 * whatever its case (`--format JSON`), and a wrong one is refused with the
 * choice it is closest to (`--method halfup`: did you mean half-up?).
 */
function acceptChoices(command: Command): void {
  for (const option of command.options) {
    const choices = option.argChoices;
    if (!choices) continue;
    option.argParser((value: string) => {
      const exact = choices.find((choice) => choice.toLowerCase() === value.toLowerCase());
      if (exact !== undefined) return exact as never;
      const near = didYouMean(value.replace(/[_ ]/g, '-'), choices) ?? choices.find((choice) => choice.replace(/-/g, '') === value.toLowerCase().replace(/[-_ ]/g, ''));
      // commander's own words ("option '--method <method>' argument 'x' is invalid. Allowed choices are ..."), and the nearest choice
      throw new InvalidArgumentError(`Allowed choices are ${choices.join(', ')}.${near ? ` Did you mean ${near}?` : ''}`);
    });
  }
  for (const sub of command.commands) acceptChoices(sub);
}

function parsePositiveInteger(value: string, flag: string): number {
  if (!/^[1-9][0-9]*$/.test(value)) throw new CofinError('usage', `${flag} takes a whole number of bytes: "${value}"`, 'e.g. --max-file-size 67108864');
  return Number(value);
}

/** One error on stderr; its words may quote a file name or a value, shown escaped (see render/safe-text). */
async function reportError(io: Io, error: CofinError, argv: readonly string[] = [], json = false): Promise<void> {
  if (json || jsonMode(argv)) {
    const { errorToJson } = await import('./render/error-json.js');
    io.stdout.write(errorToJson(error));
  }
  // commander puts its own "(Did you mean ...?)" on a line of its own: kept there; any other line break is escaped
  const suggestion = /\n(\(Did you mean [^\n]*\?\))$/.exec(error.message);
  io.stderr.write(`cofin: error: ${terminalText(suggestion ? error.message.slice(0, suggestion.index) : error.message)}\n`);
  if (suggestion) io.stderr.write(`${terminalText(suggestion[1]!)}\n`);
  if (error.hint) io.stderr.write(`hint: ${terminalText(error.hint)}\n`);
}

/** The commands whose `--format json` makes an error that stops them a JSON object on stdout too. */
const JSON_ERROR_COMMANDS = ['split', 'report', 'extract', 'check'];

/** Is this a run of such a command with `--format json` (any case, `--format=json` too)? */
function jsonMode(argv: readonly string[]): boolean {
  const command = argv.find((arg) => !arg.startsWith('-'));
  if (command === undefined || !JSON_ERROR_COMMANDS.includes(command)) return false;
  // with -o FILE the JSON goes to the file: an error there is the line on stderr alone
  if (argv.some((arg, i) => ((arg === '-o' || arg === '--output') && argv[i + 1] !== '-') || (/^(-o|--output=)./.test(arg) && !/^(-o|--output=)-$/.test(arg)))) return false;
  return argv.some((arg, i) => (arg === '--format' && argv[i + 1]?.toLowerCase() === 'json') || arg.toLowerCase() === '--format=json');
}

/** A negative number is not an option: say so instead of "unknown option". */
function rejectNegativeAmounts(argv: readonly string[]): void {
  const negative = argv.find((arg) => /^[-−]\d/u.test(arg));
  if (negative !== undefined) {
    throw new CofinError('bad-amount', `amount must not be negative: "${negative}"`, 'budgets and shares are amounts of zero or more');
  }
}

/** Runs cofin with the given arguments; returns the exit code. Only the bin calls process.exit. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  let jsonErrors = false;
  const program = buildProgram(io, (code) => (exitCode = code), () => (jsonErrors = true));
  try {
    if (argv.includes('split')) rejectNegativeAmounts(argv);
    if (argv.length === 0) {
      io.stderr.write(program.helpInformation());
      return EXIT.usage;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CofinError) {
      await reportError(io, error, argv, jsonErrors);
      return error.exitCode;
    }
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT.ok; // --help, --version
      const command = program.commands.find((c) => argv.includes(c.name()));
      const help = command ? `cofin ${command.name()} --help` : 'cofin --help';
      await reportError(io, new CofinError('usage', error.message.replace(/^error: /, ''), `run "${help}" for usage`), argv);
      return EXIT.usage;
    }
    // the reader of a FIFO given to -o went away: as a closed pipe, quietly
    if (error instanceof Error && error.name === 'OutputClosed') return exitCode;
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr.write(`cofin: internal error: ${terminalText(detail)}; please report it with the command you ran\n`);
    return EXIT.internal;
  }
}
