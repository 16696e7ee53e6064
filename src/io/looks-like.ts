// What a text that failed to parse looks like, by its first line: a CSV partner table, JSON or YAML, so that the
// error of a text read as the wrong format says which one it is (`check - --input json < partners.csv`).

export type Look = 'csv' | 'json' | 'yaml';

/** The format the start of `text` looks like, or undefined when it says nothing clear. */
export function looksLike(text: string): Look | undefined {
  const body = text.replace(/^\ufeff/, '').trimStart();
  if (/^[{[]/.test(body)) return 'json';
  const first = body.split(/\r?\n/, 1)[0] ?? '';
  if (/^"?partner"?\s*[;,\t]/i.test(first)) return 'csv';
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
