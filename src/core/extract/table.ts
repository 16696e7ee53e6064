import { SOURCE_PATTERNS, payerOf } from './lexicon.js';
import { fold, foldedPattern } from './normalise.js';
import { columnAgainstRows, type TableConflict } from './conflicts.js';
import type { Candidate, FoundShare, Mention, Span } from './types.js';

/** The first words of a table's total row, in the EU languages (folded, lower case). */
const TOTAL_ROW = new RegExp(
  String.raw`^\s*(?:total[s]?|kopa|kopsumma|summe|gesamt|insgesamt|razem|ogolem|celkem|spolu|osszesen|` +
    String.raw`is viso|kokku|totale|sum|yhteensa|i alt|totalt|итого|всего|общо|skupaj|ukupno)(?![\p{L}])`,
  'iu',
);
/**
 * Where one column's name ends in a header: a tab, two spaces, or a capital word glued to an abbreviation
 * (`ERDFNational`).
 */
const COLUMN_BREAK = /\t|\s{2,}|\s*[|;]\s*|(?<=\p{Lu}{2})(?=\p{Lu}\p{Ll})/u;
// named funds before generic names (`EU`), each tested once: the first that matches decides
// the same source and flags as the mentions' patterns, so V8 compiles each once (`search` ignores the global flag's
// state)
const PATTERNS = SOURCE_PATTERNS.map((p) => ({ ...p, test: foldedPattern(p.pattern) })).sort(
  (a, b) => Number(Boolean(a.generic)) - Number(Boolean(b.generic)),
);

/** The payer a column's name stands for: a name of the lexicon (a fund before a generic name), else its head noun. */
function sourceOfName(name: string): { id: string; kind: FoundShare['kind'] } | undefined {
  const folded = fold(name);
  const found = PATTERNS.find((p) => folded.search(p.test) >= 0);
  return found ? { id: found.id, kind: found.kind } : payerOf(name);
}

interface Line extends Span {
  text: string;
  money: Extract<Mention, { type: 'money' }>[];
  other: number;
}

/** A column's name that is the row's total, not a payer ("Kopā", "Total", "Kopējās izmaksas", "Summa, EUR"). */
const TOTAL_COLUMN = new RegExp(
  String.raw`^(?:(?:projekta )?kopej\p{L}* (?:attiecinam\p{L}* )?izmaks\p{L}*|(?:total|overall) (?:eligible )?` +
    String.raw`(?:costs?|budget|amount)|summa|amount|budget|kopsumma)(?![\p{L}])`,
  'iu',
);
/** A markdown table's rule between its header and rows (`|---|:--:|`), or a ruled line of dashes. */
const RULE = /^[\s|:+=-]*-[\s|:+=-]*$/u;
/** A row's label without the pipes and spaces that lead it. */
const rowLabel = (label: string) => fold(label).replace(/^[\s|]+/u, '');

type Column = { role: 'payer'; id: string; kind: FoundShare['kind'] } | { role: 'total' };

/**
 * A header's columns: the payers' names, maybe a total column, and before them maybe label columns
 * ("Nr.", "Partneris"), which hold no figure. Undefined when a column is neither (a table of
 * something else), or when no payer is named.
 */
function columnsOf(names: string[]): { columns: Column[]; labels: number } | undefined {
  const columns: Column[] = [];
  let labels = 0;
  for (const [i, name] of names.entries()) {
    const folded = fold(name).trim();
    if (TOTAL_ROW.test(folded) || TOTAL_COLUMN.test(folded)) {
      columns.push({ role: 'total' });
      continue;
    }
    const payer = sourceOfName(name);
    if (payer) columns.push({ role: 'payer', ...payer });
    else if (columns.length === 0) labels = i + 1;
    else return undefined;
  }
  const payers = columns.filter((c) => c.role === 'payer');
  if (payers.length === 0 || columns.length < 2 || columns.filter((c) => c.role === 'total').length > 1)
    return undefined;
  if (new Set(payers.map((c) => c.id)).size !== payers.length) return undefined;
  return { columns, labels };
}

/**
 * Tables whose header names the payers, one column each, with a total row
 * ("ERDF  National contribution" / a row per partner / "Total  € 578 243,85
 * € 102 043,05"): the total row's figures are the payers' amounts, and its figure under a total column
 * ("Kopā", "Total") is a candidate budget. The header may start with a label column ("Partneris") and the
 * columns may be split by tabs, runs of spaces, semicolons or pipes (a markdown table, its rule line skipped).
 * The rows above the total row are the partners' parts, not shares of the budget: the table's mentions are
 * taken out of the text's clauses, also when it has no total row (then it gives nothing).
 */
export function readTables(
  text: string,
  mentions: Mention[],
): { shares: FoundShare[]; spans: Span[]; candidates: Candidate[]; conflicts: TableConflict[] } {
  const shares: FoundShare[] = [];
  const spans: Span[] = [];
  const candidates: Candidate[] = [];
  const conflicts: TableConflict[] = [];
  if (!text.includes('\n')) return { shares, spans, candidates, conflicts };
  const lines: Line[] = [];
  let at = 0;
  for (const piece of text.split('\n')) {
    lines.push({ start: at, end: at + piece.length, text: piece, money: [], other: 0 });
    at += piece.length + 1;
  }
  // mentions and lines both in text order: one walk places every mention on its line
  let l = 0;
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    while (l < lines.length - 1 && m.start > lines[l]!.end) l++;
    if (m.type === 'money') lines[l]!.money.push(m);
    else if (m.type === 'percent') lines[l]!.other++;
  }
  const blank = (line: Line) => line.text.trim() === '' || RULE.test(line.text);
  for (let h = 0; h < lines.length; h++) {
    const header = lines[h]!;
    if (header.money.length > 0 || header.other > 0 || header.text.length > 200 || !/\p{L}/u.test(header.text))
      continue;
    // a header stands right above a row of amounts (blank lines or a rule between): only then are its words names
    let next = h + 1;
    while (next < lines.length && blank(lines[next] ?? header)) next++;
    if ((lines[next]?.money.length ?? 0) < 2) continue;
    const names = header.text
      .split(COLUMN_BREAK)
      .map((n) => n.trim())
      .filter(Boolean);
    if (names.length < 2 || names.length > 7) continue;
    if (names.some((n) => n.length > 60)) continue;
    const read = columnsOf(names);
    if (!read) continue;
    const { columns } = read;
    // the rows below: each with one amount per column (a blank line ends nothing; a line of words does)
    let last: Line | undefined;
    let total: Line | undefined;
    const rows: Line[] = [];
    for (let r = next; r < lines.length; r++) {
      const row = lines[r];
      if (!row) break;
      if (blank(row)) continue;
      const first = row.money[0];
      if (!first || row.money.length !== columns.length || row.other > 0 || row.text.length > 200) break;
      last = row;
      h = r;
      if (TOTAL_ROW.test(rowLabel(text.slice(row.start, first.start)))) {
        total = row;
        break;
      }
      rows.push(row);
    }
    // no row of one amount per column: the line is no table's header
    if (!last) continue;
    spans.push({ start: header.start, end: last.end });
    if (!total) continue;
    const context = `${header.text.trim()} … ${total.text.trim().replace(/\s+/g, ' ')}`;
    const named = names.slice(read.labels);
    const line = total.money[0]?.figure.line ?? 1;
    // each column's rows against its total row's figure: a conflict names the column and both figures
    const labels = rows.map((r) => rowLabel(text.slice(r.start, r.money[0]?.start ?? r.start)));
    columns.forEach((_, i) => {
      const cell = total.money[i];
      const label = names[read.labels + i] ?? `column ${i + 1}`;
      const why =
        cell &&
        columnAgainstRows(
          label,
          rows.map((r) => r.money[i]?.figure),
          cell.figure,
          labels,
        );
      if (cell && why) conflicts.push({ why, at: cell.figure });
    });
    columns.forEach((column, i) => {
      const cell = total.money[i];
      if (!cell) return;
      const figure = cell.figure;
      if (column.role === 'total') {
        candidates.push({ ...figure, context, project: false, offset: cell.start });
        return;
      }
      shares.push({
        id: column.id,
        kind: column.kind,
        name: named[i] ?? column.id,
        rate: undefined,
        amount: { ...figure, context },
        rest: false,
        line,
        context,
        checks: [],
      });
    });
  }
  return { shares, spans, candidates, conflicts };
}
