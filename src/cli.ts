import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { CofinError } from './core/errors.js';
import { withStdout, type Io } from './io/streams.js';
import type { Style } from './render/style.js';
import { COMMANDS } from './commands/index.js';
import { toFile, type CommandIo, type RegisteredCommand } from './commands/define.js';
import { terminalText } from './render/safe-text.js';
import { localeFromEnv } from './render/locale.js';
import { didYouMean } from './io/suggest.js';

declare const __COFIN_VERSION__: string;
export const VERSION = typeof __COFIN_VERSION__ === 'string' ? __COFIN_VERSION__ : '0.0.0-dev';

/** Exit codes: a public contract. */
export const EXIT = { ok: 0, checkFailed: 1, usage: 2, internal: 70 } as const;

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

async function styleFor(io: Io, options: GlobalOptions, stream: 'stdout' | 'stderr' | 'file'): Promise<Style> {
  const { colorEnabled, plainStyle } = await import('./render/style.js');
  // a file gets escape codes only when asked
  const enabled =
    stream === 'file'
      ? options.color === true
      : colorEnabled({ flag: options.color, env: io.env, isTTY: io[stream].isTTY });
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
  command
    .option(
      '-o, --output <file>',
      'write the output to a file (never overwrites without --force; - is standard output)',
    )
    .option('--force', 'replace the --output file if it exists', false);

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
async function withOutput(
  io: Io,
  options: { output?: string; force?: boolean },
  inputs: readonly string[],
  run: (io: Io) => Promise<number>,
): Promise<number> {
  if (!toFile(options)) return run(io);
  const [{ openNewFile }, { inputIdentities }] = await Promise.all([import('./io/write.js'), import('./io/read.js')]);
  const file = await openNewFile(io.cwd, options.output!, {
    force: options.force,
    inputs: () => inputIdentities(inputs, io),
    streams: standardStreams(io),
  });
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
export function streamFailed(
  error: NodeJS.ErrnoException,
  stream: 'stdout' | 'stderr',
  stderr: Io['stderr'],
  exitCode: number | undefined,
): number {
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

  for (const definition of COMMANDS) register(program, definition, io, setExit, jsonOutput);
  acceptChoices(program);
  return program;
}

/**
 * One command on the program, its flags and help as its definition gives
 * them; its action normalises the flags, then runs it (which imports the
 * command's work), to `-o FILE` when given.
 */
function register(
  program: Command,
  definition: RegisteredCommand,
  io: Io,
  setExit: (code: number) => void,
  jsonOutput: () => void,
): void {
  const command = program.command(definition.name).description(definition.description);
  for (const argument of definition.arguments()) command.addArgument(argument);
  for (const option of definition.flags()) command.addOption(option);
  command.addHelpText('after', definition.help).action(async () => {
    const flags = command.opts<{ output?: string; force?: boolean }>();
    const given = (name: string) =>
      command.getOptionValueSource(name) !== 'default' && command.getOptionValueSource(name) !== undefined;
    const { inputs, run } = await definition.start({
      args: command.processedArgs,
      flags,
      given,
      io,
      jsonOutput,
      program,
    });
    const globals = command.optsWithGlobals<GlobalOptions>();
    const styles = {
      stdout: await styleFor(io, globals, toFile(flags) ? 'file' : 'stdout'),
      stderr: await styleFor(io, globals, 'stderr'),
    };
    // not a spread: reading io.stdin would open standard input for every command
    setExit(
      await withOutput(io, flags, inputs, async (out) =>
        run(Object.defineProperties({ styles }, Object.getOwnPropertyDescriptors(out)) as CommandIo),
      ),
    );
  });
  if (definition.takesOutput) OUTPUT_OPTIONS(command);
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
      const near =
        didYouMean(value.replace(/[_ ]/g, '-'), choices) ??
        choices.find((choice) => choice.replace(/-/g, '') === value.toLowerCase().replace(/[-_ ]/g, ''));
      // commander's own words ("option '--method <method>' argument 'x' is invalid. Allowed choices are ..."), and the
      // nearest choice
      throw new InvalidArgumentError(
        `Allowed choices are ${choices.join(', ')}.${near ? ` Did you mean ${near}?` : ''}`,
      );
    });
  }
  for (const sub of command.commands) acceptChoices(sub);
}

/** `--locale X` or `--locale=X` as given on the command line, if any. */
function argvLocale(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--locale') return argv[i + 1]?.toLowerCase();
    if (argv[i]!.startsWith('--locale=')) return argv[i]!.slice(9).toLowerCase();
  }
  return undefined;
}

/** One error on stderr; its words may quote a file name or a value, shown escaped (see render/safe-text). */
async function reportError(io: Io, error: CofinError, argv: readonly string[] = [], json = false): Promise<void> {
  if (json || jsonMode(argv)) {
    const { errorToJson } = await import('./render/error-json.js');
    io.stdout.write(errorToJson(error));
  }
  // commander's own "(Did you mean ...?)" line: its suggestion leads the hint, so every error is a message and a hint
  const suggestion = /\n\(Did you mean ([^\n]*)\?\)$/.exec(error.message);
  // the people's line in their language (--locale, else the environment); the JSON object stays English
  const lv = argvLocale(argv) === 'lv' || (argvLocale(argv) === undefined && localeFromEnv(io.env) === 'lv');
  const { errorHintLv, errorMessageLv } = lv ? await import('./render/words/lv-errors.js') : {};
  // every error of one reading, as `check` tells them: the first, then the others found with it (CofinError.more)
  for (const [index, one] of [error, ...error.more].entries()) {
    const near = index === 0 ? suggestion : null;
    const said = near ? one.message.slice(0, near.index) : one.message;
    io.stderr.write(`cofin: ${lv ? 'kļūda' : 'error'}: ${terminalText(errorMessageLv?.(said) ?? said)}\n`);
    const hint = one.hint === undefined ? undefined : (errorHintLv?.(one.hint) ?? one.hint);
    const guess = near ? `${lv ? 'vai domājāt' : 'did you mean'} ${near[1] ?? ''}?` : undefined;
    const line = guess && hint ? `${guess} (${hint})` : (guess ?? hint ?? '');
    if (line !== '') io.stderr.write(`${lv ? 'ieteikums' : 'hint'}: ${terminalText(line)}\n`);
  }
}

/** The commands whose `--format json` makes an error that stops them a JSON object on stdout too. */
const JSON_ERROR_COMMANDS = COMMANDS.filter((command) => command.jsonErrors).map((command) => command.name);

/** Is this a run of such a command with `--format json` (any case, `--format=json` too)? */
function jsonMode(argv: readonly string[]): boolean {
  const command = argv.find((arg) => !arg.startsWith('-'));
  if (command === undefined || !JSON_ERROR_COMMANDS.includes(command)) return false;
  // with -o FILE the JSON goes to the file: an error there is the line on stderr alone
  if (
    argv.some(
      (arg, i) =>
        ((arg === '-o' || arg === '--output') && argv[i + 1] !== '-') ||
        (/^(-o|--output=)./.test(arg) && !/^(-o|--output=)-$/.test(arg)),
    )
  )
    return false;
  return argv.some(
    (arg, i) => (arg === '--format' && argv[i + 1]?.toLowerCase() === 'json') || arg.toLowerCase() === '--format=json',
  );
}

/** Runs cofin with the given arguments; returns the exit code. Only the bin calls process.exit. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  let jsonErrors = false;
  const program = buildProgram(
    io,
    (code) => (exitCode = code),
    () => (jsonErrors = true),
  );
  try {
    for (const command of COMMANDS) if (argv.includes(command.name)) command.beforeParse?.(argv);
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
      await reportError(
        io,
        new CofinError('usage', error.message.replace(/^error: /, ''), `run "${help}" for usage`),
        argv,
      );
      return EXIT.usage;
    }
    // the reader of a FIFO given to -o went away: as a closed pipe, quietly
    if (error instanceof Error && error.name === 'OutputClosed') return exitCode;
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr.write(`cofin: internal error: ${terminalText(detail)}; please report it with the command you ran\n`);
    return EXIT.internal;
  }
}
