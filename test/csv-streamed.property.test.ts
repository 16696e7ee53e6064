import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadPartnerCsv, loadStreamedCsv } from '../src/io/csv.js';
import { CofinError } from '../src/core/errors.js';
import { Decimal } from '../src/core/decimal.js';
import type { BudgetStream } from '../src/core/model.js';

// A large CSV file is read from disk in pieces, each time its rows are read (io/csv's loadStreamedCsv): it must give
// the whole-text reader's partners, totals, places and errors, piece boundaries anywhere, or read the text whole.

/** A model or an error as plain data: Decimals as their digits, places as line, column and pointer. */
function plain(value: unknown, depth = 0): unknown {
  if (depth > 12) return '…';
  if (value instanceof Decimal) return `D${value.toString()}`;
  if (Array.isArray(value)) return value.map((v) => plain(v, depth + 1));
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if ('pointer' in object && 'line' in object)
      return { line: object.line, column: object.column, pointer: object.pointer, cell: object.cell };
    return Object.fromEntries(Object.keys(object).map((key) => [key, plain(object[key], depth + 1)]));
  }
  return value;
}

function failure(error: unknown) {
  if (!(error instanceof CofinError)) throw error;
  return {
    code: error.code,
    message: error.message,
    hint: error.hint,
    at: plain(error.location),
    more: error.more.map((e) => [e.code, e.message, e.hint, plain(e.location)]),
  };
}

/** Everything a command reads of a table: its partners (twice: a check reads them twice), totals and header. */
function read(load: () => BudgetStream) {
  let stream: BudgetStream;
  try {
    stream = load();
  } catch (error) {
    return { loaded: failure(error) };
  }
  const readings = [0, 1].map(() => {
    const partners: unknown[] = [];
    try {
      for (const partner of stream.partners) partners.push(plain(partner));
      return { partners };
    } catch (error) {
      return { partners, error: failure(error) };
    }
  });
  return { length: stream.partners.length, project: plain(stream.project), readings };
}

/** A text in pieces cut at the places given (fractions of its length), as a file is read a piece at a time. */
function inPieces(text: string, cuts: number[]): () => Iterable<string> {
  const at = [...new Set(cuts.map((c) => Math.floor(c * text.length)))].sort((a, b) => a - b);
  return () => {
    const pieces: string[] = [];
    let from = 0;
    for (const to of [...at, text.length]) {
      if (to > from) pieces.push(text.slice(from, to));
      from = Math.max(from, to);
    }
    return pieces;
  };
}

describe('loadStreamedCsv', () => {
  it('reads a table in pieces as the whole-text reader reads it, or leaves it to that reader', () => {
    let streamed = 0;
    let whole = 0;
    let failed = 0;
    let passedOver = 0;
    let rowErrors = 0;
    // mostly cells a table has, some that a reader refuses or that make a total row or a partner listed twice
    // fast-check leans to a list's first and last values: the usual ones drawn six times as often as the odd ones
    const some = <T>(usual: T[], odd: T[]) =>
      fc.oneof({ arbitrary: fc.constantFrom(...usual), weight: 6 }, { arbitrary: fc.constantFrom(...odd), weight: 1 });
    const names = some(
      ['Alfa', 'Beta SIA', 'Gamma', 'Ā', 'Delta', 'Epsilon', 'Zeta'],
      ['alfa', 'Kopā', 'TOTAL', '', ' '],
    );
    const budgets = some(['1000', '12 345,67', '100,5', '250000', '0'], ['-', '', 'abc', '99,999', '12.758,50']);
    const funds = some(['85%', '80 %', 'rest', '', '850', '15%', '100,25'], ['0,85', 'x', 'EUR 10']);
    const row = fc.record({
      name: names,
      country: fc.constantFrom('LV', '', 'EE'),
      budget: budgets,
      a: funds,
      b: funds,
    });
    const table = fc.record({
      delimiter: fc.constantFrom(';', ',', '\t', ';'),
      header: some(
        [
          ['partner', 'country', 'budget', 'erdf', 'municipal'],
          ['Partner', 'Country', 'Budget', 'ERDF', 'state'],
        ],
        [
          ['partner', 'budget', 'erdf', 'erfd', 'x'],
          ['partner', 'country', 'budget', 'erdf', 'total'],
          ['name', 'country', 'budget', 'erdf', 'municipal'],
        ],
      ),
      rows: fc.array(fc.tuple(row, some(['row'], ['empty', 'blank'])), {
        minLength: 1,
        maxLength: 12,
      }),
      // at most one row the whole reader must read (csv-parse's to read, or to refuse)
      flaw: some(['none'], ['short', 'quoted']),
      flawAt: fc.nat(),
      end: some(['\n', '\r\n'], ['mixed', '\r']),
      sep: some([false, true], [false]),
      leading: some([''], ['\n', ' \n', '\ufeff']),
      last: fc.boolean(),
      cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }),
      // mostly cut after the first line ends, as a file's first piece of a megabyte is (else the text is read whole)
      anywhere: some([false], [true]),
    });
    fc.assert(
      fc.property(table, ({ delimiter, header, rows, flaw, flawAt, end, sep, leading, last, cuts, anywhere }) => {
        const d = delimiter;
        if (flaw !== 'none' && rows.length > 0) rows[flawAt % rows.length]![1] = flaw;
        const lines = rows.map(([r, kind]) => {
          const cells = [r.name, r.country, r.budget, r.a, r.b].map((c) => (d === ',' ? c.replaceAll(',', '.') : c));
          if (kind === 'empty') return '';
          if (kind === 'blank') return cells.map(() => ' ').join(d);
          if (kind === 'short') return cells.slice(0, 3).join(d);
          if (kind === 'quoted') return [`"${cells[0]}"`, ...cells.slice(1)].join(d);
          return cells.join(d);
        });
        const all = [...(sep ? [`sep=${d}`] : []), header.join(d), ...lines];
        const ending = (i: number) => (end === 'mixed' ? (i % 3 === 2 ? '\r\n' : '\n') : end);
        const text = leading + all.map((line, i) => line + (i === all.length - 1 && !last ? '' : ending(i))).join('');
        let wholeRead = false;
        const want = read(() => loadPartnerCsv(text));
        const got = read(() => {
          const from = anywhere ? 0 : (text.indexOf('\n', text.search(/partner/i) + 1) + 1) / text.length;
          const stream = loadStreamedCsv(
            inPieces(
              text,
              cuts.map((c) => from + c * (1 - from)),
            ),
            () => {
              wholeRead = true;
              return text;
            },
          );
          if (!wholeRead) streamed++;
          else whole++;
          return stream;
        });
        if ('loaded' in want) failed++;
        else if (want.readings[0]?.error === undefined) passedOver++;
        else rowErrors++;
        expect(got).toEqual(want);
      }),
      { seed: 20261207, numRuns: 3000 },
    );
    // every way is reached often: read in pieces, left to the whole reader, refused when loaded, read to the end
    // without an error and with a row's error
    expect(streamed).toBeGreaterThan(1200);
    expect(whole).toBeGreaterThan(400);
    expect(failed).toBeGreaterThan(700);
    expect(passedOver).toBeGreaterThan(300);
    expect(rowErrors).toBeGreaterThan(300);
  });

  it('reads a table of many pieces without its whole text, twice alike', () => {
    const rows = Array.from({ length: 500 }, (_, i) => `P${i};LV;${1000 + i},50;85%;rest`);
    const text = ['partner;country;budget;erdf;municipal', ...rows, 'Kopā;;501 375;;'].join('\n') + '\n';
    const pieces = () => text.match(/[^]{1,97}/g) ?? [];
    const stream = loadStreamedCsv(pieces, () => {
      throw new Error('the whole text was read');
    });
    const names = (s: BudgetStream) => [...s.partners].map((p) => p.partner);
    expect(stream.partners.length).toBe(500);
    expect(names(stream)).toEqual(rows.map((_, i) => `P${i}`));
    expect(names(stream)).toHaveLength(500);
    expect(stream.project?.total?.value.toString()).toBe('501375');
  });

  it('refuses a reading that finds other rows than the first reading found', () => {
    let rows = 3;
    const pieces = () => [
      ['partner;budget;erdf', ...Array.from({ length: rows }, (_, i) => `P${i};100;85%`)].join('\n'),
    ];
    const stream = loadStreamedCsv(pieces, () => pieces().join(''));
    rows = 4;
    expect(() => [...stream.partners]).toThrow(/the file changed while cofin read it/);
  });
});
