import type { Extraction, FoundFigure, FoundShare } from '../core/extract/extract.js';
import { isWellKnownSource } from '../core/sources.js';
import { jsonText, yamlComment, yamlKey, yamlString } from './safe-text.js';

/** Every string written is one YAML double-quoted line (see safe-text): no text can add a key. */
const quote = yamlString;
const shorten = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function comment(figure: FoundFigure): string {
  return `  # line ${figure.line}: ${quote(shorten(figure.context || figure.text))}`;
}

function checks(indent: string, list: readonly string[]): string[] {
  return list.map((c) => `${indent}# check: ${yamlComment(c)}`);
}

/** A figure as budget-file text: plain digits as they are; anything else (`~`, words) quoted, so it survives YAML. */
function yamlValue(figure: FoundFigure, percent = false): string {
  const plain = /^[0-9]+(?:\.[0-9]+)?$/.test(figure.normal);
  if (percent) return plain ? `${figure.normal}%` : quote(`${figure.normal}%`);
  return figure.approx || !plain ? quote(figure.normal) : writtenValue(figure);
}

/** An exact amount with the decimals it is written with: `10 844,00` states cents, and check holds it to them. */
const writtenValue = (figure: FoundFigure) =>
  figure.decimals ? figure.value.toFixed(figure.decimals) : figure.value.toFixed();

function shareLines(share: FoundShare): string[] {
  const lines = [...checks('  ', share.checks), `  ${yamlKey(share.id)}:`];
  lines.push(`    name: ${quote(share.name)}`);
  if (!isWellKnownSource(share.id) && share.kind !== 'public') lines.push(`    kind: ${yamlKey(share.kind)}`);
  if (share.rate)
    lines.push(...checks('    ', share.rate.checks), `    rate: ${yamlValue(share.rate, true)}${comment(share.rate)}`);
  if (share.amount)
    lines.push(
      ...checks('    ', share.amount.checks),
      `    amount: ${yamlValue(share.amount)}${comment(share.amount)}`,
    );
  if (share.rest) lines.push(`    amount: rest  # line ${share.line}: ${quote(shorten(share.context))}`);
  return lines;
}

/** The extraction as a commented budget file (format 1) that `cofin check` reads. */
export function extractionToYaml(result: Extraction, sourceName: string): string {
  const budget = result.budget!;
  const lines = [
    `# Figures read by cofin extract from ${yamlComment(sourceName)} ` +
      `(${result.language === 'lv' ? 'Latvian' : 'English'}).`,
    '# Each comment gives the line and the words a figure came from; "# check:" marks a doubt.',
    `currency: ${yamlKey(result.currency)}`,
    ...checks('', budget.checks),
    `budget: ${yamlValue(budget)}${budget.text ? comment(budget) : ''}`,
    'funding:',
    ...result.funding.flatMap(shareLines),
  ];
  if (result.projectTotal)
    lines.push(
      'project:',
      ...checks('  ', result.projectTotal.checks),
      `  total: ${yamlValue(result.projectTotal)}${comment(result.projectTotal)}`,
    );
  lines.push(`source: ${quote(sourceName)}`);
  for (const other of result.others)
    lines.push(
      `# also in the document: ${yamlComment(other.text)} (line ${other.line}: ${quote(shorten(other.context))})`,
    );
  return lines.join('\n') + '\n';
}

function figureToJson(figure: FoundFigure) {
  return {
    value: figure.approx ? figure.value.toFixed() : writtenValue(figure),
    text: figure.text,
    line: figure.line,
    column: figure.column,
    approx: figure.approx,
    ...(figure.approx ? { written: figure.normal } : {}),
    // a figure the document does not state (the sum of the shares, an amount ÷ its rate): worked out, not read
    ...(figure.text === '' ? { stated: false } : {}),
    ...(figure.checks.length > 0 ? { checks: figure.checks } : {}),
  };
}

/** The JSON text of an extraction, with no raw control character (see safe-text `jsonText`). */
export function extractionToJsonText(result: Extraction): string {
  return jsonText(extractionToJson(result), 2) + '\n';
}

/** The extraction as JSON (schema version 1): every figure an object with its text and place. */
export function extractionToJson(result: Extraction): object {
  return {
    schemaVersion: 1,
    language: result.language,
    currency: result.currency,
    budget: result.budget ? figureToJson(result.budget) : null,
    funding: Object.fromEntries(
      result.funding.map((s) => [
        s.id,
        {
          name: s.name,
          kind: s.kind,
          ...(s.rate ? { rate: figureToJson(s.rate) } : {}),
          ...(s.rest ? { amount: 'rest' } : s.amount ? { amount: figureToJson(s.amount) } : {}),
          ...(s.checks.length > 0 ? { checks: s.checks } : {}),
        },
      ]),
    ),
    project: result.projectTotal ? { total: figureToJson(result.projectTotal) } : null,
    others: result.others.map(figureToJson),
  };
}
