// What a text that failed to parse looks like, by its first line: a CSV partner table, JSON or YAML, so that the
// error of a text read as the wrong format says which one it is (`check - --input json < partners.csv`).

export type Look = 'csv' | 'json' | 'yaml';

/**
 * Is this the start of a rate table of claim files (README, "Exchange rates"), not a budget: a CSV headed by exactly
 * `month`, `currency` and `rate` (any order and case, quoted or not, `,` `;` or tab), or YAML/JSON whose first key,
 * after comments, is a month (`"2024-03":`)? No budget file has either: its header has `partner`, its keys are words.
 */
export function looksLikeRateTable(head: string, format: 'yaml' | 'json' | 'csv'): boolean {
  const body = head.replace(/^\ufeff/, '');
  if (format === 'csv') {
    const cells = (body.split(/\r?\n/, 1)[0] ?? '').split(/[,;\t]/).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
    return cells.length === 3 && ['month', 'currency', 'rate'].every((c) => cells.some((d) => d.toLowerCase() === c));
  }
  const first = body
    .split(/\r?\n/)
    .map((line) => line.trim())
    .find((line) => line !== '' && !line.startsWith('#') && line !== '---');
  return first !== undefined && /^\{?\s*["']?[0-9]{4}-[0-9]{2}["']?\s*:/.test(first);
}

/** The format the start of `text` looks like, or undefined when it says nothing clear. */
export function looksLike(text: string): Look | undefined {
  const body = text.replace(/^\ufeff/, '').trimStart();
  if (/^[{[]/.test(body)) return 'json';
  // Excel's sep=; line is no row
  const first = body.replace(/^sep=[;,\t|][ \t]*\r?\n/i, '').split(/\r?\n/, 1)[0] ?? '';
  if (/^"?partner(?:is)?"?\s*[;,\t]/i.test(first)) return 'csv';
  if (/^(#|---\s*$|-\s|[\p{L}_$][\p{L}\p{N}_$ -]*:(\s|$))/u.test(first)) return 'yaml';
  if (/[;\t]/.test(first) && !first.includes(':')) return 'csv';
  return undefined;
}

const HOW: Record<Look, string> = {
  csv: 'a CSV partner table: --input csv reads standard input as one (a file: name it .csv)',
  json: 'JSON: --input json reads standard input as JSON (a file: name it .json)',
  yaml: 'YAML: --input yaml reads standard input as YAML (a file: name it .yaml)',
};

/** A hint for a text read as `read` that looks like another format, or undefined when it does not. */
export function otherFormatHint(text: string, read: Look): string | undefined {
  const look = looksLike(text);
  return look === undefined || look === read ? undefined : `the text looks like ${HOW[look]}`;
}
