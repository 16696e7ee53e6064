import { CofinError } from '../core/errors.js';
import { lineColumn } from '../core/position.js';
import type { BudgetStream, ReadingNote } from '../core/model.js';
import { said } from '../core/check/said.js';
import { loadBudgetFile } from './budget-file.js';
import { loadPartnerCsv, loadStreamedCsv } from './csv.js';
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
  const streamed = input.streamed;
  if (streamed) {
    if (streamed.size > LARGE_INPUT) tuneHeapForLargeInput();
    return loadStreamedCsv(
      () => streamed.chunks(),
      () => input.text,
    );
  }
  if (input.text.length > LARGE_INPUT) tuneHeapForLargeInput();
  if (input.format === 'csv') return loadPartnerCsv(input.text);
  if (input.format === 'json' && EXTRACTION_JSON.test(input.text))
    return withDoubts(loadBudgetFile(extractionToBudgetJson(input.text), 'json'), input.text, true);
  if (input.format === 'yaml') return withDoubts(loadBudgetFile(input.text, 'yaml'), input.text, false);
  return loadBudgetFile(input.text, input.format);
}

/** A doubt `cofin extract` marks: a `# check:` comment line of its YAML, a `"checks"` list of its JSON. */
const YAML_DOUBT = /^[ \t]*# check:(.*)$/gm;
const JSON_DOUBT = /"checks"\s*:\s*\[/g;
/** A doubt that is a conflict (core/extract/conflicts.ts): `# check: conflict: …`, a check string `"conflict: …"`. */
const CONFLICT = /^\s*conflict:\s*/;
/** In extract's JSON, a string in a list that begins so: a check (a name or a key stands after `:` or `{`). */
const JSON_CONFLICT = /[[,]\s*"conflict: ((?:[^"\\]|\\.)*)"/g;

interface Marked {
  count: number;
  /** offset of the first one */
  first: number;
  /** the first one's words */
  words: string;
}

/** The doubts and the conflicts extract marked in a file's text, with the first of each. */
function marksOf(text: string, json: boolean): { doubts: Marked; conflicts: Marked } {
  const doubts: Marked = { count: 0, first: -1, words: '' };
  const conflicts: Marked = { count: 0, first: -1, words: '' };
  const add = (marked: Marked, at: number, words: string) => {
    if (marked.first < 0) {
      marked.first = at;
      marked.words = words;
    }
    marked.count++;
  };
  if (json) {
    for (const m of text.matchAll(JSON_CONFLICT)) add(conflicts, m.index + m[0].indexOf('"'), jsonWords(m[1] ?? ''));
    // a list of checks counts once, as before conflicts were told apart; a list of conflicts alone is no plain doubt
    for (const m of text.matchAll(JSON_DOUBT)) {
      const list = text.slice(m.index + m[0].length, text.indexOf(']', m.index));
      if (/^\s*$/.test(list.replace(/"conflict: (?:[^"\\]|\\.)*"\s*,?/g, ''))) continue;
      add(doubts, m.index, '');
    }
  } else {
    for (const m of text.matchAll(YAML_DOUBT)) {
      const at = m.index + (m[0].length - m[0].trimStart().length);
      const words = m[1] ?? '';
      if (CONFLICT.test(words)) add(conflicts, at, words.replace(CONFLICT, '').trim());
      else add(doubts, at, '');
    }
  }
  return { doubts, conflicts };
}

/** A JSON string's text, from between its quotes. */
function jsonWords(inside: string): string {
  try {
    return JSON.parse(`"${inside}"`) as string;
  } catch {
    return inside;
  }
}

/**
 * The figures of a file that still carries extract's doubts were read with doubts: a note says so,
 * at the first doubt, so that a PASS on them is visibly conditional (`cofin extract doc | cofin check -`).
 * A conflict (a figure of the document that disagrees with the figures written) is an error at the first one: the
 * check of the written figures says nothing of the document until it is resolved.
 */
function withDoubts(stream: BudgetStream, text: string, json: boolean): BudgetStream {
  const { doubts, conflicts } = marksOf(text, json);
  const notes: ReadingNote[] = [];
  if (conflicts.count > 0) {
    const at = lineColumn(text, conflicts.first);
    notes.push({
      code: 'extract-conflict',
      severity: 'error',
      message:
        `cofin extract marked ${conflicts.count === 1 ? 'a conflict' : `${conflicts.count} conflicts`} between the ` +
        `document and the figures written (${json ? '"conflict: …" in "checks"' : '# check: conflict:'}); the first: ` +
        conflicts.words,
      hint:
        'confirm the figure against the document: correct it in the budget file, or delete its ' +
        `${json ? '"conflict: …" check' : '# check: conflict: line'} if the written figure is right`,
      at: { line: at.line, column: at.column, pointer: '' },
      said: said('extract-conflict', { count: conflicts.count, line: at.line, first: conflicts.words }),
    });
  }
  if (doubts.count > 0) {
    const { line, column } = lineColumn(text, doubts.first);
    const count = doubts.count;
    notes.push({
      code: 'extract-doubts',
      message:
        `the figures came with ${count} doubt${count === 1 ? '' : 's'} marked by cofin extract ` +
        `(${json ? '"checks"' : '# check:'}); this check holds only for the figures as they were read`,
      hint: 'read each marked figure against the document, then delete its # check: comment',
      at: { line, column, pointer: '' },
      said: said('extract-doubts', { count }),
    });
  }
  if (notes.length === 0) return stream;
  // the stream is the loader's own, made for this read: its notes are ours to add to
  (stream as { notes?: readonly ReadingNote[] }).notes = [...(stream.notes ?? []), ...notes];
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
