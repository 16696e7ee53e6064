import type { Extraction, FoundFigure, FoundShare } from '../core/extract/extract.js';
import { fixedRate } from '../core/currency/fixed.js';
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

/**
 * A figure as budget-file text: plain digits as they are; anything else (`~`, words) quoted, so it survives YAML.
 * An amount in another currency than the file's keeps its code (`"USD 10844"`): check refuses it, never reads it as
 * the file's.
 */
function yamlValue(figure: FoundFigure, currency: string, percent = false): string {
  const plain = /^[0-9]+(?:\.[0-9]+)?$/.test(figure.normal);
  if (percent) return plain ? `${figure.normal}%` : quote(`${figure.normal}%`);
  const normal = figure.approx || !plain ? figure.normal : writtenValue(figure);
  if (figure.currency !== undefined && figure.currency !== currency) return quote(`${figure.currency} ${normal}`);
  return figure.approx || !plain ? quote(normal) : normal;
}

/** The `euro:` block of a file in a currency the euro replaced: the euro figures the document writes beside its own. */
function euroLines(result: Extraction): string[] {
  if (!fixedRate(result.currency)) return [];
  const figures: [string, FoundFigure | undefined][] = [
    ['budget', result.budget],
    ...result.funding.map((s): [string, FoundFigure | undefined] => [s.id, s.rest ? undefined : s.amount]),
  ];
  const lines: string[] = [];
  for (const [id, figure] of figures) {
    const euro = figure?.euro;
    if (euro)
      lines.push(
        `  ${yamlKey(id)}: ${quote(euro.value.toFixed(2))}  # line ${euro.line}: ${quote(shorten(euro.text))}`,
      );
  }
  return lines.length > 0 ? ['euro:', ...lines] : lines;
}

/** An exact amount with the decimals it is written with: `10 844,00` states cents, and check holds it to them. */
const writtenValue = (figure: FoundFigure) =>
  figure.decimals ? figure.value.toFixed(figure.decimals) : figure.value.toFixed();

function shareLines(share: FoundShare, currency: string): string[] {
  const lines = [...checks('  ', share.checks), `  ${yamlKey(share.id)}:`];
  lines.push(`    name: ${quote(share.name)}`);
  if (!isWellKnownSource(share.id) && share.kind !== 'public') lines.push(`    kind: ${yamlKey(share.kind)}`);
  if (share.rate)
    lines.push(
      ...checks('    ', share.rate.checks),
      `    rate: ${yamlValue(share.rate, currency, true)}${comment(share.rate)}`,
    );
  if (share.amount)
    lines.push(
      ...checks('    ', share.amount.checks),
      `    amount: ${yamlValue(share.amount, currency)}${comment(share.amount)}`,
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
    `budget: ${yamlValue(budget, result.currency)}${budget.text ? comment(budget) : ''}`,
    'funding:',
    ...result.funding.flatMap((s) => shareLines(s, result.currency)),
    ...euroLines(result),
  ];
  if (result.projectTotal)
    lines.push(
      'project:',
      ...checks('  ', result.projectTotal.checks),
      `  total: ${yamlValue(result.projectTotal, result.currency)}${comment(result.projectTotal)}`,
    );
  lines.push(`source: ${quote(sourceName)}`);
  for (const other of result.others)
    lines.push(
      ...checks('', other.checks),
      `# also in the document: ${yamlComment(other.text)} (line ${other.line}: ${quote(shorten(other.context))})`,
    );
  return lines.join('\n') + '\n';
}

function figureToJson(figure: FoundFigure, currency: string): object {
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
    // an amount in another currency than the document's names it; a euro figure beside a national one is given
    ...(figure.currency !== undefined && figure.currency !== currency ? { currency: figure.currency } : {}),
    ...(figure.euro ? { euro: figureToJson(figure.euro, 'EUR') } : {}),
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
    budget: result.budget ? figureToJson(result.budget, result.currency) : null,
    funding: Object.fromEntries(
      result.funding.map((s) => [
        s.id,
        {
          name: s.name,
          kind: s.kind,
          ...(s.rate ? { rate: figureToJson(s.rate, result.currency) } : {}),
          ...(s.rest ? { amount: 'rest' } : s.amount ? { amount: figureToJson(s.amount, result.currency) } : {}),
          ...(s.checks.length > 0 ? { checks: s.checks } : {}),
        },
      ]),
    ),
    project: result.projectTotal ? { total: figureToJson(result.projectTotal, result.currency) } : null,
    others: result.others.map((o) => figureToJson(o, result.currency)),
  };
}
