import { dirname, isAbsolute, join } from 'node:path';
import { CofinError } from '../core/errors.js';
import { computeClaims } from '../core/claims/compute.js';
import type { ClaimFile, ClaimsReport } from '../core/claims/types.js';
import type { RateTable } from '../core/currency/monthly.js';
import type { Finding } from '../core/check/types.js';
import { loadClaimPath } from '../io/load.js';
import { parseRateTable } from '../io/rate-table.js';
import { readInput, type InputFormat } from '../io/read.js';
import type { Io } from '../io/streams.js';
import { findingToText } from '../render/check.js';
import { claimJsonText, claimToJson, claimToTable, invalidClaimJson } from '../render/claim.js';
import type { Style } from '../render/style.js';
import { rendererOf, type ClaimFormat } from '../render/formats.js';

export interface ClaimOptions {
  file: string;
  format: ClaimFormat;
  input?: InputFormat | undefined;
  /** A rate table's path (`--rates`): replaces the file's `rates:`. */
  rates?: string | undefined;
}

/** An error in another file than the claim file: its name goes with it. */
class InFile extends Error {
  constructor(override readonly name: string, readonly error: CofinError) {
    super(error.message);
  }
}

/** A rate table from a path; a missing file named by `rates:` is an error at that key of the claim file. */
async function readRates(path: string, name: string, io: Io, key: ClaimFile['rates']): Promise<RateTable> {
  let input;
  try {
    input = await readInput(path, io);
  } catch (error) {
    if (!(error instanceof CofinError) || !key) throw error instanceof CofinError ? new InFile(name, error) : error;
    throw new CofinError(error.code, `rates: ${key.kind === 'file' ? key.path : name}: ${error.message}`, 'the path of rates: is relative to the claim file\'s folder', key.at);
  }
  if (input.format === 'xlsx') throw new InFile(name, new CofinError('wrong-type', 'a rate table is CSV, YAML or JSON, not a workbook', 'save the sheet as CSV: month,currency,rate'));
  try {
    return parseRateTable(input.text, input.format, name);
  } catch (error) {
    throw error instanceof CofinError ? new InFile(name, error) : error;
  }
}

/** Reads and computes a claim file; an unreadable or invalid one (or rate table) is its one finding. Prints nothing. */
export async function claimCommand(options: ClaimOptions, io: Io): Promise<{ name: string; report: ClaimsReport } | { name: string; invalid: Finding }> {
  let name = options.file === '-' ? '<stdin>' : options.file;
  try {
    const file = await loadClaimPath(options.file, io, { input: options.input });
    let rates: RateTable | undefined;
    if (options.rates) rates = await readRates(options.rates, options.rates, io, undefined);
    else if (file.rates?.kind === 'file') {
      const path = file.rates.path;
      const relative = isAbsolute(path) || options.file === '-' ? path : join(dirname(options.file), path);
      rates = await readRates(relative, relative, io, file.rates);
    }
    return { name, report: computeClaims(file, { rates }) };
  } catch (caught) {
    let error = caught;
    if (error instanceof InFile) {
      name = error.name;
      error = error.error;
    }
    if (!(error instanceof CofinError)) throw error;
    const at = error.location;
    return { name, invalid: { code: error.code, severity: 'error', message: error.message, hint: error.hint, line: at?.line, column: at?.column, pointer: at?.pointer, partner: undefined } };
  }
}

type Styles = { stdout: Style; stderr: Style };

/** Each output format's claims, and its invalid file: JSON on stdout, the table's reason on stderr. */
const CLAIM_RENDERERS: Record<ClaimFormat, { report(name: string, report: ClaimsReport, io: Io, styles: Styles): void; invalid(name: string, finding: Finding, io: Io, styles: Styles): void }> = {
  table: {
    report: (name, report, io, styles) => io.stdout.write(claimToTable(name, report, styles.stdout)),
    invalid: (name, finding, io, styles) => io.stderr.write(findingToText(name, finding, styles.stderr)),
  },
  json: {
    report: (name, report, io) => io.stdout.write(claimJsonText(claimToJson(name, report))),
    invalid: (name, finding, io) => io.stdout.write(claimJsonText(invalidClaimJson(name, finding))),
  },
};

/** `cofin claim FILE`: exit 0 without errors, 1 with errors, 2 for an unreadable or invalid file. */
export async function runClaim(options: ClaimOptions, io: Io, styles: Styles): Promise<number> {
  const render = rendererOf(CLAIM_RENDERERS, options.format);
  const result = await claimCommand(options, io);
  if ('invalid' in result) {
    render.invalid(result.name, result.invalid, io, styles);
    return 2;
  }
  render.report(result.name, result.report, io, styles);
  return result.report.verdict === 'fail' ? 1 : 0;
}
