import { parse } from 'csv-parse/sync';
import { characterColumn } from '../core/position.js';
import { LineCounter, isAlias, isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { scalarText } from './scalar-text.js';
import { CofinError } from '../core/errors.js';
import { Decimal, MAX_DIGITS } from '../core/decimal.js';
import { monthOf, rateTable, type MonthlyRate, type RateTable } from '../core/currency/monthly.js';
import type { Located } from '../core/model.js';
import { detectDelimiter } from './csv.js';
import { parseDocumentTree } from './document-tree.js';
import { escapePointer, nodePlace } from './loader-base.js';

/**
 * Reads a table of monthly exchange rates (the Commission's InforEuro
 * accounting rates, units of a currency per euro; see docs/claims.md,
 * "Exchange rates"): a CSV `month,currency,rate`, or YAML/JSON mapping each month to its
 * rates, `{ "2024-03": { PLN: 4.3205 } }`, or to InforEuro's own list of
 * `{ isoA3Code, value }` objects. Every rate from its literal text; one
 * located CofinError for the first bad value.
 */
export function parseRateTable(text: string, format: 'yaml' | 'json' | 'csv', name: string): RateTable {
  if (text.trim() === '')
    throw new CofinError('empty-file', 'the rate table is empty', HINT_TABLE, { line: 1, column: 1 });
  if (format === 'csv') return rateCsv(text, name);
  const { root, lines } = parseDocumentTree(text, format, 'each month and each currency may appear once');
  if (root === null) throw new CofinError('empty-file', 'the rate table is empty', HINT_TABLE, { line: 1, column: 1 });
  return rateTable(name, rateNodes(root, lines, ''));
}

const HINT_TABLE =
  'a rate table is a CSV with the columns month,currency,rate ' +
  '(2024-03,PLN,4.3205), or YAML/JSON: { "2024-03": { PLN: 4.3205 } }';
const HINT_RATE = 'write the rate as units of the currency per euro, as InforEuro publishes it: 4.3205';
const HINT_MONTH = 'write the month as YYYY-MM, e.g. 2024-03';

/** A rate as written: a positive decimal, `.` or `,` as the decimal mark, no grouping. */
export function parseExchangeRate(text: string, at: Located): { rate: Decimal; text: string } {
  const body = text.trim();
  const match = /^([0-9]+)(?:[.,]([0-9]+))?$/.exec(body);
  if (!match) throw new CofinError('bad-rate', `not an exchange rate: "${body.slice(0, 40)}"`, HINT_RATE, at);
  if (match[1]!.length + (match[2]?.length ?? 0) > MAX_DIGITS)
    throw new CofinError('bad-rate', `more than ${MAX_DIGITS} digits in an exchange rate`, HINT_RATE, at);
  const rate = new Decimal(match[2] ? `${match[1]}.${match[2]}` : match[1]!);
  if (rate.isZero()) throw new CofinError('bad-rate', 'an exchange rate of 0', HINT_RATE, at);
  return { rate, text: body };
}

function parseMonth(text: string, at: Located): string {
  const month = monthOf(text);
  if (!month || text.trim().length !== 7)
    throw new CofinError('wrong-type', `not a month: "${text.trim().slice(0, 40)}"`, HINT_MONTH, at);
  return month;
}

function parseCode(text: string, at: Located): string {
  const code = text.trim();
  if (!/^[A-Z]{3}$/.test(code))
    throw new CofinError(
      'wrong-type',
      `not a currency code: "${code.slice(0, 40)}"`,
      'write the ISO 4217 code in capitals, e.g. PLN',
      at,
    );
  return code;
}

class Rates {
  readonly list: MonthlyRate[] = [];
  private readonly seen = new Set<string>();

  add(month: string, currency: string, text: string, at: Located): void {
    const key = `${month} ${currency}`;
    if (this.seen.has(key))
      throw new CofinError(
        'duplicate-key',
        `${currency} is given twice for ${month}`,
        'give each currency one rate a month',
        at,
      );
    this.seen.add(key);
    this.list.push({ month, currency, ...parseExchangeRate(text, at), at });
  }
}

/** Where each cell of a one-line record starts (0-based), quotes respected. */
function cellStarts(raw: string, delimiter: string): number[] {
  const starts = [0];
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '"') quoted = !quoted;
    else if (raw[i] === delimiter && !quoted) starts.push(i + 1);
  }
  return starts;
}

function rateCsv(text: string, name: string): RateTable {
  const delimiter = detectDelimiter(text);
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      info: true,
      raw: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    const e = error as Error & { lines?: number };
    throw new CofinError(
      'syntax',
      `CSV: ${e.message.replace(/:.*$/s, '')}`,
      'check the delimiters and quotes on this row',
      { line: e.lines ?? 1, column: 1 },
    );
  }
  const [head, ...rows] = records;
  const header = head!.record.map((cell) => cell.toLowerCase());
  const columns = ['month', 'currency', 'rate'].map((c) => header.indexOf(c));
  const missing = ['month', 'currency', 'rate'].filter((_, i) => columns[i] === -1);
  if (missing.length > 0)
    throw new CofinError('missing-key', `the rate table has no column ${missing.join(', ')}`, HINT_TABLE, {
      line: head!.info.lines,
      column: 1,
      pointer: '',
    });
  const unknown = header.find((c) => !['month', 'currency', 'rate'].includes(c));
  if (unknown !== undefined)
    throw new CofinError(
      'unknown-key',
      `unknown column "${unknown.slice(0, 40)}" in the rate table`,
      'the columns are month, currency and rate',
      { line: head!.info.lines, column: 1, pointer: '' },
    );
  const rates = new Rates();
  for (const [index, { record, info, raw }] of rows.entries()) {
    const line = raw.replace(/^\r?\n/, '');
    const starts = cellStarts(line, delimiter);
    const at = (column: number): Located => ({
      line: info.lines,
      column: characterColumn(line, 0, starts[column] ?? 0),
      pointer: `/${index}/${header[column]}`,
    });
    const [month, currency, rate] = columns.map((c) => record[c]!);
    rates.add(parseMonth(month!, at(columns[0]!)), parseCode(currency!, at(columns[1]!)), rate!, at(columns[2]!));
  }
  return rateTable(name, rates.list);
}

/**
 * The rates of a YAML or JSON tree, a mapping month → rates (in a rate file,
 * or under `rates:` in a claim file, `prefix` then `/rates`).
 */
export function rateNodes(root: Node, lines: LineCounter, prefix: string): MonthlyRate[] {
  const place = (node: Node | null | undefined, pointer: string, fallback?: Located): Located =>
    nodePlace(lines, node, pointer, fallback);
  const scalar = (node: Node | null | undefined, at: Located, what: string): string => {
    if (isAlias(node)) throw new CofinError('syntax', 'a YAML alias in a rate table', 'write the values out', at);
    const text = isScalar(node) ? scalarText(node.value) : '';
    if (text.trim() === '') throw new CofinError('wrong-type', `${what} must be a single value`, HINT_RATE, at);
    return text;
  };
  const mapping = (
    node: Node | null | undefined,
    at: Located,
    what: string,
    hint: string,
  ): Pair<Node, Node | null>[] => {
    if (!isMap(node)) throw new CofinError('wrong-type', `${what} must be a mapping`, hint, at);
    return node.items as Pair<Node, Node | null>[];
  };
  const rates = new Rates();
  const rootAt = place(root, prefix);
  for (const pair of mapping(root, rootAt, 'the rate table', HINT_TABLE)) {
    const monthText = isScalar(pair.key) ? String(pair.key.value) : '';
    const monthAt = place(pair.key, `${prefix}/${escapePointer(monthText)}`, rootAt);
    const month = parseMonth(monthText, monthAt);
    const value = pair.value;
    if (isSeq(value)) {
      // InforEuro's own JSON: [{ "isoA3Code": "PLN", "value": 4.3205, ... }]
      (value.items as Node[]).forEach((item, index) => {
        const at = place(item, `${monthAt.pointer}/${index}`, monthAt);
        const fields = new Map(
          mapping(item, at, `rate ${index + 1} of ${month}`, 'write { isoA3Code: PLN, value: 4.3205 }').map((p) => [
            isScalar(p.key) ? String(p.key.value) : '',
            p.value,
          ]),
        );
        if (!fields.has('isoA3Code') || !fields.has('value'))
          throw new CofinError(
            'missing-key',
            `rate ${index + 1} of ${month} has no isoA3Code or no value`,
            'an InforEuro rate is { isoA3Code: PLN, value: 4.3205 }',
            at,
          );
        const code = fields.get('isoA3Code')!;
        const rate = fields.get('value')!;
        rates.add(
          month,
          parseCode(
            scalar(code, place(code, `${at.pointer}/isoA3Code`, at), 'isoA3Code'),
            place(code, `${at.pointer}/isoA3Code`, at),
          ),
          scalar(rate, place(rate, `${at.pointer}/value`, at), 'value'),
          place(rate, `${at.pointer}/value`, at),
        );
      });
      continue;
    }
    for (const entry of mapping(
      value,
      place(value, monthAt.pointer, monthAt),
      `the rates of ${month}`,
      `write ${month}: { PLN: 4.3205 }`,
    )) {
      const codeText = isScalar(entry.key) ? String(entry.key.value) : '';
      const codeAt = place(entry.key, `${monthAt.pointer}/${escapePointer(codeText)}`, monthAt);
      const code = parseCode(codeText, codeAt);
      const at = place(entry.value, codeAt.pointer, codeAt);
      rates.add(month, code, scalar(entry.value, at, `the rate of ${code} in ${month}`), at);
    }
  }
  return rates.list;
}
