import { Option, type Argument, type Command } from 'commander';
import type { Io } from '../io/streams.js';
import type { Style } from '../render/style.js';

/** What a command's `run` writes to: the process's streams (stdout may be the `-o` file) and a style for each. */
export interface CommandIo extends Io {
  styles: { stdout: Style; stderr: Style };
}

/** What the command line gave a command, before `normalise` makes it the command's options. */
export interface Given<Args extends unknown[], Flags> {
  args: Args;
  flags: Flags;
  /** Was this flag (commander's camelCase name) given on the command line, not left at its default? */
  given: (name: string) => boolean;
  io: Io;
  /** Tells the CLI that the output is JSON though no flag says so (from a config file): errors are JSON too. */
  jsonOutput: () => void;
  /** The whole program (for `completion`, which describes it). */
  program: Command;
}

/**
 * One command as the CLI shows it: its name, help and flags, and how the
 * flags become its options. `run` imports the command's work lazily, so a
 * start-up loads only the command that runs.
 */
export interface CommandDefinition<Args extends unknown[], Flags, Options> {
  name: string;
  description: string;
  arguments: () => Argument[];
  /** Its flags in the order help lists them (made afresh for each program). */
  flags: () => Option[];
  /** The help's closing text: examples, exit codes. */
  help: string;
  /** Takes `-o, --output FILE` and `--force` (listed after its own flags); the inputs it must never overwrite. */
  output?: (options: Options) => string[];
  /** With `--format json`, an error that stops it is a JSON object on stdout too. */
  jsonErrors?: boolean;
  /** Refuses what commander would misread, before it parses (a negative amount as an option). */
  beforeParse?: (argv: readonly string[]) => void;
  normalise(given: Given<Args, Flags>): Options | Promise<Options>;
  run(options: Options, io: CommandIo): number | Promise<number>;
}

/** A definition with its types closed over: what the CLI's loop registers. */
export interface RegisteredCommand {
  name: string;
  description: string;
  arguments: () => Argument[];
  flags: () => Option[];
  help: string;
  takesOutput: boolean;
  jsonErrors: boolean;
  beforeParse?: ((argv: readonly string[]) => void) | undefined;
  /** Normalises what the command line gave; returns the inputs `-o` must not overwrite, and the run. */
  start(
    given: Given<unknown[], unknown>,
  ): Promise<{ inputs: string[]; run: (io: CommandIo) => number | Promise<number> }>;
}

export function defineCommand<Args extends unknown[], Flags, Options>(
  definition: CommandDefinition<Args, Flags, Options>,
): RegisteredCommand {
  return {
    name: definition.name,
    description: definition.description,
    arguments: definition.arguments,
    flags: definition.flags,
    help: definition.help,
    takesOutput: definition.output !== undefined,
    jsonErrors: definition.jsonErrors ?? false,
    beforeParse: definition.beforeParse,
    async start(given) {
      // commander hands over the arguments and flags the definition declared
      const options = await definition.normalise(given as Given<Args, Flags>);
      return { inputs: definition.output?.(options) ?? [], run: (io) => definition.run(options, io) };
    },
  };
}

/** `--output FILE [--force]` as every command that takes them has them. */
export interface OutputFlags {
  output?: string;
  force?: boolean;
}

/** `--csv-dialect`: who reads the CSV (see render/csv's CSV_DIALECTS). */
export const CSV_DIALECT_OPTION = () =>
  new Option(
    '--csv-dialect <dialect>',
    'who reads --format csv: rfc4180 (scripts; the default), excel-lv (BOM, ";", ' +
      'decimal comma, CRLF), excel-en (BOM, ",", decimal point, CRLF)',
  ).choices(['rfc4180', 'excel-lv', 'excel-en']);

/** `--sheet`: which sheet of a workbook to read. */
export const SHEET_OPTION = () =>
  new Option(
    '--sheet <name|n>',
    'the sheet of a workbook to read: its name, or its place (1 is the first); ' +
      'default: the first with a "partner" header',
  );

/** Does the output go to a file (not `-o -`, standard output)? */
export const toFile = (options: { output?: string | undefined }) =>
  options.output !== undefined && options.output !== '-';

/** `--locale`: the language of people's text and how it writes amounts. */
export const LOCALE_OPTION = (what: string) =>
  new Option('--locale <locale>', `${what} (default: from LC_ALL, LC_MESSAGES, LANG, else en)`).choices(['lv', 'en']);
