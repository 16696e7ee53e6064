import { CofinError } from '../core/errors.js';
import { computeClaims } from '../core/claims/compute.js';
import type { ClaimsReport } from '../core/claims/types.js';
import type { Finding } from '../core/check/types.js';
import { InFile, loadClaimInput } from '../io/claim-input.js';
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

/**
 * Reads and computes a claim file; an unreadable or invalid one (or rate table) is its findings, every error of the
 * reading in file order. Prints nothing.
 */
export async function claimCommand(
  options: ClaimOptions,
  io: Io,
): Promise<{ name: string; report: ClaimsReport } | { name: string; invalid: Finding[] }> {
  let name = options.file === '-' ? '<stdin>' : options.file;
  try {
    const input = await readInput(options.file, io, undefined, options.file === '-' ? options.input : undefined);
    const { file, rates } = await loadClaimInput(input, options.file, io, { path: options.rates, flag: true });
    return { name, report: computeClaims(file, { rates }) };
  } catch (caught) {
    let error = caught;
    if (error instanceof InFile) {
      name = error.name;
      error = error.error;
    }
    if (!(error instanceof CofinError)) throw error;
    const finding = (one: CofinError): Finding => ({
      code: one.code,
      severity: 'error',
      message: one.message,
      hint: one.hint,
      line: one.location?.line,
      column: one.location?.column,
      pointer: one.location?.pointer,
      partner: undefined,
    });
    return { name, invalid: [error, ...error.more].map(finding) };
  }
}

type Styles = { stdout: Style; stderr: Style };

/** Each output format's claims, and its invalid file: JSON on stdout, the table's reason on stderr. */
const CLAIM_RENDERERS: Record<
  ClaimFormat,
  {
    report(name: string, report: ClaimsReport, io: Io, styles: Styles): void;
    invalid(name: string, findings: Finding[], io: Io, styles: Styles): void;
  }
> = {
  table: {
    report: (name, report, io, styles) => io.stdout.write(claimToTable(name, report, styles.stdout)),
    invalid: (name, findings, io, styles) =>
      io.stderr.write(findings.map((finding) => findingToText(name, finding, styles.stderr)).join('')),
  },
  json: {
    report: (name, report, io) => io.stdout.write(claimJsonText(claimToJson(name, report))),
    invalid: (name, findings, io) => io.stdout.write(claimJsonText(invalidClaimJson(name, findings))),
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
