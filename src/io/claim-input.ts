import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { isMap, isScalar, isSeq } from 'yaml';
import { CofinError } from '../core/errors.js';
import type { ClaimFile } from '../core/claims/types.js';
import type { Located } from '../core/model.js';
import type { RateTable } from '../core/currency/monthly.js';
import { parseClaimFile } from './claim-file.js';
import { parseRateTable } from './rate-table.js';
import { parseDocumentTree } from './document-tree.js';
import { didYouMean } from './suggest.js';
import { readInput, type InputText } from './read.js';
import type { Io } from './streams.js';

/** An error in another file than the claim file (a rate table): its name goes with it. */
export class InFile extends Error {
  constructor(
    override readonly name: string,
    readonly error: CofinError,
  ) {
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
    throw new CofinError(
      error.code,
      `rates: ${key.kind === 'file' ? key.path : name}: ${error.message}`,
      "the path of rates: is relative to the claim file's folder",
      key.at,
    );
  }
  if (input.format === 'xlsx')
    throw new InFile(
      name,
      new CofinError(
        'wrong-type',
        'a rate table is CSV, YAML or JSON, not a workbook',
        'save the sheet as CSV: month,currency,rate',
      ),
    );
  try {
    return parseRateTable(input.text, input.format, name);
  } catch (error) {
    throw error instanceof CofinError ? new InFile(name, error) : error;
  }
}

/** The real path (links followed) of an absolute path; of a missing one, its nearest existing folder's and the rest. */
function realPath(path: string): string {
  const rest: string[] = [];
  for (let head = path; ; head = dirname(head)) {
    try {
      return join(realpathSync(head), ...rest.reverse());
    } catch {
      if (dirname(head) === head) return path;
      rest.push(basename(head));
    }
  }
}

const inside = (path: string, folder: string) =>
  path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);

/**
 * A claim file comes from anyone who can open a pull request, and a rate table's values are quoted in its errors (in
 * CI annotations too): its `rates:` may name a file only in the claim file's folder tree or the current folder's,
 * links followed. Any other is refused before a byte of it is read; `--rates`, which the user types, is not held to it.
 */
function confineRates(
  table: string,
  claimPath: string,
  io: Io,
  key: { path: string; at: Located },
  ratesFlag: boolean,
): void {
  const real = realPath(resolve(io.cwd, table));
  const folders = [io.cwd, ...(claimPath === '-' ? [] : [dirname(resolve(io.cwd, claimPath))])];
  if (folders.some((folder) => inside(real, realPath(resolve(folder))))) return;
  throw new CofinError(
    'outside-folder',
    `rates: ${key.path} is outside the claim file's folder and the current folder: cofin does not read it`,
    ratesFlag
      ? "move the rate table into the claim file's folder (or one below it), or name it with --rates FILE"
      : "move the rate table into the claim file's folder (or one below it), or run cofin from a folder that holds it",
    key.at,
  );
}

/**
 * A claim file read (by `claim`, and by `check` and `report` when a file is
 * one) with the rate table it names, or `rates.path` (`--rates`) instead.
 * Throws a CofinError for the claim file, an InFile for the rate table.
 */
export async function loadClaimInput(
  input: InputText,
  path: string,
  io: Io,
  /** `--rates FILE` given (`path`), and whether the command takes the flag at all (`cofin claim`): hints name it. */
  rates: { path?: string | undefined; flag: boolean } = { flag: false },
  /** Every bad value of the claim file told at once, as for a budget file (false: the first alone). */
  every = true,
): Promise<{ file: ClaimFile; rates: RateTable | undefined }> {
  if (input.format === 'csv' || input.format === 'xlsx')
    throw new CofinError(
      'wrong-type',
      `a claim file is YAML or JSON, not ${input.format === 'csv' ? 'a CSV table' : 'a workbook'}`,
      'write the claim file as .yaml or .json (see cofin claim --help)',
    );
  const file = parseClaimFile(input.text, input.format, { every });
  let table: RateTable | undefined;
  if (rates.path) table = await readRates(rates.path, rates.path, io, undefined);
  else if (file.rates?.kind === 'file') {
    const relative =
      isAbsolute(file.rates.path) || path === '-' ? file.rates.path : join(dirname(path), file.rates.path);
    confineRates(relative, path, io, file.rates, rates.flag);
    table = await readRates(relative, relative, io, file.rates);
  }
  return { file, rates: table };
}

/** Top-level keys of one kind of file alone (budget files: README; claim files: docs/claims.md). */
const BUDGET_ONLY = ['euro', 'project', 'rounding', 'partners'];
const CLAIM_ONLY = ['flexibility', 'rates'];

/** A budget period's own key (`budget`, `costs`), or a slip of one (`cots`, `budgt`): no claim period has them. */
const isBudgetPeriodKey = (key: string) =>
  key === 'budget' || key === 'costs' || didYouMean(key, ['budget', 'costs']) !== undefined;

/**
 * Is this YAML or JSON text a claim file? Asked only of a file the budget
 * reader refused, so a budget file is never read twice. A syntax error is
 * the budget reader's to report: not a claim file. `claims:` makes a claim
 * file, and so do `flexibility:` and `rates:`; `periods:` does in a file with `costs:` unless the file is clearly a
 * budget file (`rounding:`, `project:`, `euro:` or `partners:` at the top, a source with an `amount:`, a period with
 * `budget:` or `costs:`, or a slip of either); else the budget reader's error is told.
 */
export function isClaimText(input: InputText): boolean {
  if (input.format !== 'yaml' && input.format !== 'json') return false;
  if (!/claims|periods/.test(input.text)) return false;
  try {
    const root = parseDocumentTree(input.text, input.format, '').root;
    if (!isMap(root)) return false;
    const keys = root.items.flatMap((pair) => (isScalar(pair.key) ? [String(pair.key.value)] : []));
    if (keys.includes('claims') || keys.some((key) => CLAIM_ONLY.includes(key))) return true;
    // a claim file states its budget by category: without costs, the budget reader's error is the one to tell
    if (!keys.includes('periods') || !keys.includes('costs')) return false;
    // a key no claim file has makes it a budget file, misspelled keys and all: its errors are the budget reader's
    if (keys.some((key) => BUDGET_ONLY.includes(key))) return false;
    const funding = root.get('funding');
    if (isMap(funding) && funding.items.some((pair) => isMap(pair.value) && pair.value.has('amount'))) return false;
    const periods = root.get('periods');
    const budgetPeriods =
      isSeq(periods) &&
      periods.items.some(
        (item) =>
          isMap(item) && item.items.some((pair) => isScalar(pair.key) && isBudgetPeriodKey(String(pair.key.value))),
      );
    return !budgetPeriods;
  } catch {
    return false;
  }
}
