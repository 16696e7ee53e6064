import { SOURCE_PATTERNS, payerOf } from './lexicon.js';
import { fold, foldedPattern } from './normalise.js';
import type { FoundShare, Mention, Span } from './types.js';

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

/**
 * Tables whose header names the payers, one column each, with a total row
 * ("ERDF  National contribution" / a row per partner / "Total  € 578 243,85
 * € 102 043,05"): the total row's figures are the payers' amounts. The rows
 * above it are the partners' parts, not shares of the budget: the table's
 * mentions are taken out of the text's clauses.
 */
export function readTables(text: string, mentions: Mention[]): { shares: FoundShare[]; spans: Span[] } {
  const shares: FoundShare[] = [];
  const spans: Span[] = [];
  if (!text.includes('\n')) return { shares, spans };
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
  for (let h = 0; h < lines.length; h++) {
    const header = lines[h]!;
    if (header.money.length > 0 || header.other > 0 || header.text.length > 200 || !/\p{L}/u.test(header.text))
      continue;
    // a header stands right above a row of amounts (blank lines between): only then are its words read as names
    let next = h + 1;
    while (next < lines.length && lines[next]!.text.trim() === '') next++;
    if (next === lines.length || lines[next]!.money.length < 2) continue;
    const names = header.text
      .split(COLUMN_BREAK)
      .map((n) => n.trim())
      .filter(Boolean);
    if (names.length < 2 || names.length > 6) continue;
    if (names.some((n) => n.length > 80)) continue;
    const columns: { id: string; kind: FoundShare['kind'] }[] = [];
    for (const name of names) {
      const column = sourceOfName(name);
      if (!column) break;
      columns.push(column);
    }
    if (columns.length !== names.length || new Set(columns.map((c) => c.id)).size !== columns.length) continue;
    // the rows below: each with one amount per column (a blank line ends nothing; a line of words does)
    for (let r = h + 1; r < lines.length; r++) {
      const row = lines[r]!;
      if (row.text.trim() === '') continue;
      if (row.money.length !== columns.length || row.other > 0) break;
      const label = text.slice(row.start, row.money[0]!.start);
      if (!TOTAL_ROW.test(fold(label))) continue;
      const context = `${header.text.trim()} … ${row.text.trim().replace(/\s+/g, ' ')}`;
      columns.forEach((column, i) => {
        const figure = row.money[i]!.figure;
        shares.push({
          id: column.id,
          kind: column.kind,
          name: names[i]!,
          rate: undefined,
          amount: { ...figure, context },
          rest: false,
          line: row.money[0]!.figure.line,
          context,
          checks: [],
        });
      });
      spans.push({ start: header.start, end: row.end });
      h = r;
      break;
    }
  }
  return { shares, spans };
}
