import { CofinError } from '../core/errors.js';
import { lineColumn } from '../core/position.js';
import type { BudgetStream, ReadingNote } from '../core/model.js';
import { said } from '../core/check/said.js';
import { loadBudgetFile } from './budget-file.js';
import { loadPartnerCsv } from './csv.js';
import { LARGE_INPUT, tuneHeapForLargeInput } from './heap.js';
import type { InputText } from './read.js';

/** How a command asks for a budget to be loaded once it is read: `--sheet` for a workbook. */
export interface LoadOptions {
  sheet?: string | undefined;
}

/**
 * The one loader every command reads a budget with, once `readInput` (io/read.ts) has read a path or `-` and
 * decided its format: any input format → the checked model, with places. A workbook's reader is loaded only when
 * a workbook is read: plain checks start without it. A claim file is told apart and read by io/claim-input.ts.
 */
export async function loadInput(input: InputText, options: LoadOptions = {}): Promise<BudgetStream> {
  if (input.format !== 'xlsx') return loadBudget(input);
  const { loadPartnerWorkbook } = await import('./xlsx/load.js');
  return loadPartnerWorkbook(input.bytes ?? new Uint8Array(), { sheet: options.sheet });
}

/** `loadInput` for the text formats (YAML, JSON, CSV), synchronous. */
export function loadBudget(input: InputText): BudgetStream {
  if (input.format === 'xlsx')
    throw new CofinError('usage', 'a workbook is read with loadInput', 'call loadInput for .xlsx input');
  if (input.text.length > LARGE_INPUT) tuneHeapForLargeInput();
  if (input.format === 'csv') return loadPartnerCsv(input.text);
  if (input.format === 'json' && EXTRACTION_JSON.test(input.text))
    return withDoubts(loadBudgetFile(extractionToBudgetJson(input.text), 'json'), input.text, JSON_DOUBT);
  if (input.format === 'yaml') return withDoubts(loadBudgetFile(input.text, 'yaml'), input.text, YAML_DOUBT);
  return loadBudgetFile(input.text, input.format);
}

/** A doubt `cofin extract` marks: a `# check:` comment line of its YAML, a `"checks"` list of its JSON. */
const YAML_DOUBT = /^[ \t]*# check:/gm;
const JSON_DOUBT = /"checks"\s*:\s*\[/g;

/**
 * The figures of a file that still carries extract's doubts were read with doubts: a note says so,
 * at the first doubt, so that a PASS on them is visibly conditional (`cofin extract doc | cofin check -`).
 */
function withDoubts(stream: BudgetStream, text: string, doubt: RegExp): BudgetStream {
  let count = 0;
  let first = -1;
  for (const m of text.matchAll(doubt)) {
    if (first < 0) first = m.index + (m[0].length - m[0].trimStart().length);
    count++;
  }
  if (count === 0) return stream;
  const { line, column } = lineColumn(text, first);
  const note: ReadingNote = {
    code: 'extract-doubts',
    message:
      `the figures came with ${count} doubt${count === 1 ? '' : 's'} marked by cofin extract ` +
      `(${doubt === YAML_DOUBT ? '# check:' : '"checks"'}); this check holds only for the figures as they were read`,
    hint: 'read each marked figure against the document, then delete its # check: comment',
    at: { line, column, pointer: '' },
    said: said('extract-doubts', { count }),
  };
  // the stream is the loader's own, made for this read: its notes are ours to add to
  (stream as { notes?: readonly ReadingNote[] }).notes = [...(stream.notes ?? []), note];
  return stream;
}

/** The JSON `cofin extract --format json` writes (schemaVersion, then language): read as the budget it states. */
const EXTRACTION_JSON = /^\uFEFF?\s*\{\s*"schemaVersion"\s*:\s*1\s*,\s*"language"\s*:/;

interface FigureJson {
  value?: unknown;
  written?: unknown;
  currency?: unknown;
  euro?: unknown;
}

/**
 * The budget file an extraction's JSON states, as JSON text: each figure's
 * value (its written form when approximate), each source's name and kind.
 * Places in findings are those of this text, not of the extraction.
 */
export function extractionToBudgetJson(text: string): string {
  const wrong = () =>
    new CofinError(
      'syntax',
      'this looks like the JSON of cofin extract, but it cannot be read as one',
      "pipe cofin extract's YAML output instead: cofin extract FILE | cofin check -",
    );
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  } catch {
    throw wrong();
  }
  // an amount in another currency than the document's keeps its code, which the budget file refuses
  const figure = (f: unknown, suffix = ''): string | undefined => {
    if (f === null || typeof f !== 'object') return undefined;
    const { value, written, currency } = f as FigureJson;
    const code = typeof currency === 'string' ? `${currency} ` : '';
    if (typeof written === 'string') return code + written;
    return typeof value === 'string' ? code + value + suffix : undefined;
  };
  // the euro figures beside a national currency's (`LVL 7 621,41 (EUR 10 844,29)`): the YAML's `euro:` block
  const euro: Record<string, string> = {};
  const euroOf = (id: string, f: unknown) => {
    const beside = f !== null && typeof f === 'object' ? (f as FigureJson).euro : undefined;
    const value = beside !== null && typeof beside === 'object' ? (beside as FigureJson).value : undefined;
    if (typeof value === 'string') euro[id] = value;
  };
  const budget = figure(data.budget);
  euroOf('budget', data.budget);
  if (budget === undefined) {
    throw new CofinError(
      'missing-key',
      'cofin extract found no budget in the document (its JSON has "budget": null)',
      'write the budget into a budget file: cofin extract FILE > budget.yaml, then edit it',
    );
  }
  if (data.funding === null || typeof data.funding !== 'object') throw wrong();
  const funding: Record<string, Record<string, string>> = {};
  for (const [id, share] of Object.entries(data.funding as Record<string, Record<string, unknown>>)) {
    if (share === null || typeof share !== 'object') throw wrong();
    const source: Record<string, string> = {};
    if (typeof share.name === 'string') source.name = share.name;
    if (typeof share.kind === 'string') source.kind = share.kind;
    const rate = figure(share.rate, '%');
    if (rate !== undefined) source.rate = rate;
    const amount = share.amount === 'rest' ? 'rest' : figure(share.amount);
    if (amount !== undefined) source.amount = amount;
    if (share.amount !== 'rest') euroOf(id, share.amount);
    funding[id] = source;
  }
  const total =
    data.project && typeof data.project === 'object'
      ? figure((data.project as Record<string, unknown>).total)
      : undefined;
  return JSON.stringify(
    {
      ...(typeof data.currency === 'string' ? { currency: data.currency } : {}),
      budget,
      funding,
      ...(total !== undefined ? { project: { total } } : {}),
      ...(Object.keys(euro).length > 0 ? { euro } : {}),
    },
    null,
    2,
  );
}
