import type {
  CheckReport,
  ClaimsCheck,
  EuroCheck,
  FileReport,
  Finding,
  PartnerCheck,
  PassedOverReason,
  ShareCheck,
} from '../core/check.js';
import { formatAmount } from '../core/amount.js';
import { nationalUnit } from '../core/currency/fixed.js';
import { toFixedString, type Decimal } from '../core/decimal.js';
import { renderTable } from './table.js';
import { periodToJson, periodsTable } from './periods.js';
import type { Style } from './style.js';
import { githubMessage, githubProperty, jsonSafe, terminalText, visible, xmlLines, xmlText } from './safe-text.js';
import type { Locale } from './locale.js';
import { WORDS, localFinding } from './words/index.js';

const optional = (value: Decimal | undefined, scale = 0) => (value === undefined ? null : toFixedString(value, scale));

function partnerToJson(p: PartnerCheck) {
  const scale = p.unit.decimalPlaces();
  return {
    partner: p.partner ?? null,
    country: p.country ?? null,
    budget: toFixedString(p.budget.value),
    // only when true, as `ignored`: a reader that does not know it sees what it saw before
    ...(p.budget.precision ? { budgetApproximate: true as const } : {}),
    currency: p.currency,
    unit: p.unit.toFixed(),
    method: p.method,
    costs: p.costs
      ? p.costs.lines.map((l) => ({
          category: l.category,
          name: l.name,
          flatRate: l.flat ? toFixedString(l.flat.rate.value) : null,
          base: l.flat ? (l.flat.base === 'direct' ? 'direct' : l.flat.base) : null,
          baseAmount: optional(l.base, scale),
          amount: toFixedString(l.amount, scale),
        }))
      : null,
    ...(p.euro ? { euro: p.euro.map((e) => euroToJson(e, p.currency)) } : {}),
    ...(p.periods ? { periods: p.periods.map((period) => periodToJson(period, scale)) } : {}),
    shares: p.shares.map((s) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      rate: optional(s.rate),
      derivedRate: optional(s.derivedRate),
      exact: toFixedString(s.exact, scale),
      computed: toFixedString(s.computed, scale),
      declared: optional(s.declared?.value),
      ...(s.declared?.precision ? { declaredApproximate: true as const } : {}),
      difference: optional(s.difference, scale),
      status: s.status,
    })),
  };
}

function euroToJson(e: EuroCheck, currency: string) {
  return {
    id: e.id,
    national: toFixedString(e.national, nationalUnit(currency).decimalPlaces()),
    euro: toFixedString(e.euro.value, 2),
    fromNational: toFixedString(e.fromNational, 2),
    fromEuro: toFixedString(e.fromEuro, nationalUnit(currency).decimalPlaces()),
    agrees: e.agrees ?? null,
  };
}

/** A finding whose code `--ignore` names: shown, but it does not fail its file. */
export type MaybeIgnored = Finding & { ignored?: boolean };

/** Does this finding fail its file? An error, unless its code is ignored. */
export const failsFile = (f: MaybeIgnored): boolean => f.severity === 'error' && f.ignored !== true;

/** A finding as `check --format json` writes it (and `report --format json`). */
export function findingToJson(f: MaybeIgnored) {
  const json = {
    code: f.code,
    severity: f.severity,
    message: f.message,
    hint: f.hint ?? null,
    line: f.line ?? null,
    column: f.column ?? null,
    pointer: f.pointer ?? null,
    partner: f.partner ?? null,
  };
  // only a workbook's findings carry "cell", only ignored ones "ignored": every other finding keeps its documented
  // shape
  const placed = f.cell === undefined ? json : { ...json, cell: f.cell };
  return f.ignored === true ? { ...placed, ignored: true } : placed;
}

/** One file's part of the JSON report. */
export function fileToJson(f: FileReport) {
  const json = {
    file: f.file,
    verdict: f.verdict,
    partners: Array.from(f.partners, partnerToJson),
    findings: f.findings.map(findingToJson),
  };
  // only a claim file has "claims": a budget file keeps its documented shape
  return f.claims ? { ...json, claims: claimsToJson(f.claims) } : json;
}

function claimsToJson(c: ClaimsCheck) {
  const scale = c.unit.decimalPlaces();
  return {
    partner: c.partner ?? null,
    currency: c.currency,
    budget: toFixedString(c.budget, scale),
    periods: c.periods ?? null,
    claims: c.claims,
    claimed: toFixedString(c.claimed, scale),
    percentage: optional(c.percentage, 2),
  };
}

/** A claim file's line: `Ventspils Digital Centre: 2 claims, EUR 12 743.00 of 12 758.00 claimed (99.88%)`. */
function claimsText(c: ClaimsCheck): string {
  const scale = c.unit.decimalPlaces();
  const plan = c.periods === undefined ? '' : `, a plan of ${c.periods} period${c.periods === 1 ? '' : 's'}`;
  const share = c.percentage === undefined ? '' : ` (${toFixedString(c.percentage, 2)}%)`;
  return (
    `${terminalText(c.partner ?? 'partner')}: claim file${plan}, ${c.claims} ` +
    `claim${c.claims === 1 ? '' : 's'}, ${terminalText(c.currency)} ${formatAmount(c.claimed, scale)} ` +
    `of ${formatAmount(c.budget, scale)} claimed${share}`
  );
}

const FILE_HEAD = '{\n  "files": [\n';
const FILE_TAIL = '\n  ]\n}';
const PARTNER_HEAD = '{\n  "files": [\n    {\n      "partners": [\n';
const PARTNER_TAIL = '\n      ]\n    }\n  ]\n}';
const PARTNERS_HERE = '\u0000partners';

/**
 * One file's part of the JSON report as it stands inside `files`, in pieces:
 * a partner at a time, so a file of 100 000 partners is never one string.
 * Indented by JSON.stringify itself, as the whole report would be.
 */
export function* fileJsonPieces(f: FileReport): Generator<string> {
  const whole = (value: object) => {
    const text = JSON.stringify({ files: [value] }, null, 2);
    return jsonSafe(text.slice(FILE_HEAD.length, text.length - FILE_TAIL.length));
  };
  if (f.partners.length <= MAX_PARTNER_TABLES) {
    yield whole(fileToJson(f));
    return;
  }
  // many findings are written one at a time too, after the partners
  const manyFindings = f.findings.length > MANY_FINDINGS;
  const frame = whole({
    file: f.file,
    verdict: f.verdict,
    partners: [PARTNERS_HERE],
    findings: manyFindings ? [FINDINGS_HERE] : f.findings.map(findingToJson),
  });
  const here = frame.indexOf(JSON.stringify(PARTNERS_HERE));
  const lineStart = frame.lastIndexOf('\n', here) + 1;
  yield frame.slice(0, lineStart);
  let first = true;
  for (const partner of f.partners) {
    yield (first ? '' : ',\n') + jsonSafe(partnerJsonText(partner));
    first = false;
  }
  if (!manyFindings) {
    yield frame.slice(here + JSON.stringify(PARTNERS_HERE).length);
    return;
  }
  const findingsHere = frame.indexOf(JSON.stringify(FINDINGS_HERE));
  yield frame.slice(here + JSON.stringify(PARTNERS_HERE).length, frame.lastIndexOf('\n', findingsHere) + 1);
  first = true;
  for (const finding of f.findings) {
    const text = JSON.stringify({ files: [{ findings: [findingToJson(finding)] }] }, null, 2);
    yield (first ? '' : ',\n') + jsonSafe(text.slice(FINDING_HEAD.length, text.length - FINDING_TAIL.length));
    first = false;
  }
  yield frame.slice(findingsHere + JSON.stringify(FINDINGS_HERE).length);
}

/** Above this many findings, a large file's are written one at a time. */
const MANY_FINDINGS = 100;
const FINDINGS_HERE = '\u0000findings';
const FINDING_HEAD = '{\n  "files": [\n    {\n      "findings": [\n';
const FINDING_TAIL = PARTNER_TAIL;

/** What JSON.stringify writes as it is: no quote, backslash, control character or surrogate. */
const NOTHING_TO_ESCAPE = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/**
 * A partner of a large file as JSON.stringify indents it inside the report, written out: stringifying a nested object
 * per partner was a seventh of a check's time.
 */
function partnerJsonText(partner: PartnerCheck): string {
  const json = partnerToJson(partner);
  const text = (value: unknown) =>
    value === null
      ? 'null'
      : typeof value === 'string'
        ? NOTHING_TO_ESCAPE.test(value)
          ? `"${value}"`
          : JSON.stringify(value)
        : undefined;
  // anything but strings and nulls where the writer expects them (costs) is indented by JSON.stringify itself
  if (json.costs !== null || 'euro' in json || 'periods' in json || 'budgetApproximate' in json)
    return stringifiedPartner(json);
  const head = [json.partner, json.country, json.budget, json.currency, json.unit, json.method].map(text);
  if (head.includes(undefined)) return stringifiedPartner(json);
  let out =
    `        {\n          "partner": ${head[0]},\n          ` +
    `"country": ${head[1]},\n          "budget": ${head[2]},\n          ` +
    `"currency": ${head[3]},\n          "unit": ${head[4]},\n          ` +
    `"method": ${head[5]},\n          "costs": null,\n          "shares": `;
  if (json.shares.length === 0) return `${out}[]\n        }`;
  out += '[';
  for (let i = 0; i < json.shares.length; i++) {
    const s = json.shares[i]!;
    if ('declaredApproximate' in s) return stringifiedPartner(json);
    const v = [
      s.id,
      s.name,
      s.kind,
      s.rate,
      s.derivedRate,
      s.exact,
      s.computed,
      s.declared,
      s.difference,
      s.status,
    ].map(text);
    if (v.includes(undefined)) return stringifiedPartner(json);
    out +=
      `${i === 0 ? '' : ','}\n            {\n              ` +
      `"id": ${v[0]},\n              "name": ${v[1]},\n              ` +
      `"kind": ${v[2]},\n              "rate": ${v[3]},\n              ` +
      `"derivedRate": ${v[4]},\n              "exact": ${v[5]},\n              ` +
      `"computed": ${v[6]},\n              "declared": ${v[7]},\n              ` +
      `"difference": ${v[8]},\n              "status": ${v[9]}\n            }`;
  }
  return `${out}\n          ]\n        }`;
}

function stringifiedPartner(json: ReturnType<typeof partnerToJson>): string {
  const text = JSON.stringify({ files: [{ partners: [json] }] }, null, 2);
  return text.slice(PARTNER_HEAD.length, text.length - PARTNER_TAIL.length);
}

/** The JSON form of a check (schema version 1): a public contract, see the README. */
export function checkToJson(report: CheckReport): object {
  return { schemaVersion: 1, files: report.files.map(fileToJson), summary: report.summary };
}

/** Where a finding is, for a reader: `FILE:LINE:COL`, or `FILE:SHEET!B7` in a workbook; escaped for a terminal. */
function placeText(file: string, f: Finding): string {
  if (f.cell !== undefined) return `${terminalText(file)}:${terminalText(f.cell)}`;
  return [terminalText(file), f.line, f.column].filter((x) => x !== undefined).join(':');
}

/** `FILE:LINE:COL: severity: message [code]` (`FILE:SHEET!B7: ...` in a workbook), then the hint on its own line. */
export function findingToText(file: string, finding: MaybeIgnored, style: Style, locale: Locale = 'en'): string {
  const words = WORDS[locale];
  const f = localFinding(finding, locale);
  const where = placeText(file, f);
  const colour =
    f.ignored === true
      ? style.dim
      : f.severity === 'error'
        ? style.red
        : f.severity === 'warning'
          ? style.yellow
          : style.cyan;
  return (
    `${where}: ${colour(f.ignored === true ? words.ignored : words.severities[f.severity])}` +
    `: ${terminalText(f.message)} ${style.dim(`[${terminalText(f.code)}]`)}\n` +
    `${f.hint ? `  ${words.hint}: ${terminalText(f.hint)}\n` : ''}`
  );
}

export function invalidToText(file: FileReport, style: Style, locale: Locale = 'en'): string {
  return file.findings.map((f) => findingToText(file.file, f, style, locale)).join('');
}

const MARKS: Record<ShareCheck['status'], string> = { ok: '✓', mismatch: '✗', 'rate-display': '≈', undeclared: '' };

/** A source in a table: its name, and its id when the name does not say it (`State budget (state)`). */
export const sourceCell = (id: string, name: string) =>
  terminalText(id === name.toLowerCase() ? name : `${name} (${id})`);

function partnerTable(p: PartnerCheck, style: Style, locale: Locale): string {
  const words = WORDS[locale];
  const scale = p.unit.decimalPlaces();
  const money = (value: Decimal | undefined) => (value === undefined ? '' : words.number(value, scale));
  const rows = p.shares.map((s) => [
    sourceCell(s.id, words.sourceName(s.id, s.name)),
    s.rate ? words.rate(s.rate) : s.derivedRate ? style.dim(`(${words.rate(s.derivedRate)})`) : '',
    money(s.exact),
    money(s.computed),
    s.declared ? terminalText(s.declared.text.trim()) : '',
    s.difference === undefined ? '' : (s.difference.gt(0) ? '+' : '') + money(s.difference),
    s.status === 'mismatch'
      ? style.red(MARKS[s.status])
      : s.status === 'ok'
        ? style.green(MARKS[s.status])
        : style.yellow(MARKS[s.status]),
  ]);
  return renderTable([...words.shareColumns, ''], rows, [1, 2, 3, 4, 5], false, style.width);
}

function costsTable(p: PartnerCheck, style: Style, locale: Locale): string {
  const words = WORDS[locale];
  const scale = p.unit.decimalPlaces();
  const rows = p.costs!.lines.map((l) => [
    terminalText(words.category(l.category, l.name)),
    l.flat ? terminalText(words.flatOf(l.flat.rate.text, l.flat.base)) : '',
    l.base ? words.number(l.base, scale) : '',
    words.number(l.amount, scale),
  ]);
  rows.push([style.bold(words.budget), '', '', style.bold(words.number(p.costs!.total, scale))]);
  return renderTable(words.costColumns, rows, [2, 3], true, style.width);
}

/** The euro figures beside the national ones: `✓` when either conversion at the fixed rate gives the other. */
function euroTable(p: PartnerCheck, euro: readonly EuroCheck[], style: Style, locale: Locale): string {
  const words = WORDS[locale];
  const places = nationalUnit(p.currency).decimalPlaces();
  const cur = terminalText(p.currency);
  // the rows and figures as the share table above says them: `ERAF`, `7621,41` in Latvian
  const rows = euro.map((e) => [
    terminalText(e.id === 'budget' ? words.budget : words.sourceName(e.id, e.name)),
    words.number(e.national, Math.max(places, e.national.decimalPlaces())),
    terminalText(e.euro.text.trim()),
    words.number(e.fromNational, 2),
    words.number(e.fromEuro, places),
    e.agrees ? style.green('✓') : style.red('✗'),
  ]);
  return renderTable([...words.euroColumns(cur), ''], rows, [1, 3, 4], false, style.width);
}

/** Above this many partners a file is listed a line per partner: a table each would bury the findings. */
export const MAX_PARTNER_TABLES = 20;

/**
 * The people's form of one checked file: a header line, a table per partner (a line each in large files), the findings.
 */
export function checkToTable(file: FileReport, style: Style, locale: Locale = 'en'): string {
  return [...checkTablePieces(file, style, locale)].join('');
}

/** `checkToTable` in pieces: a line at a time for a large file, which is never one string. */
export function* checkTablePieces(file: FileReport, style: Style, locale: Locale = 'en'): Generator<string> {
  const words = WORDS[locale];
  const verdict = file.verdict === 'pass' ? style.green(words.verdicts.pass) : style.red(words.verdicts.fail);
  if (file.claims) {
    const findings = file.findings.map((f) => findingToText(file.file, f, style, locale)).join('');
    yield (
      `${style.bold(verdict)} ${style.bold(terminalText(file.file))}  ` +
      `${claimsText(file.claims)}\n${findings}` +
      `${style.dim(`cofin claim ${terminalText(file.file)} shows every period and claim`)}` +
      `\n\n`
    );
    return;
  }
  if (file.partners.length <= MAX_PARTNER_TABLES) {
    yield smallFileTables(file, style, verdict, locale);
    return;
  }
  yield `${style.bold(verdict)} ${style.bold(terminalText(file.file))}  ${words.partners(file.partners.length)}\n`;
  const failing = new Set(file.findings.filter(failsFile).map((f) => f.partner));
  for (const p of file.partners) {
    const sources = p.shares
      .map((s) => `${terminalText(s.id)} ${words.number(s.computed, p.unit.decimalPlaces())}`)
      .join(', ');
    const budget = words.money(p.budget.value, p.currency, p.budget.value.isInteger() ? 0 : p.unit.decimalPlaces());
    yield (
      `  ${failing.has(p.partner) ? style.red('✗') : style.green('✓')} ` +
      `${terminalText(p.partner ?? words.partner)}: ` +
      `${terminalText(budget)}` +
      ` ` +
      `(${sources})\n`
    );
  }
  for (const f of file.findings) yield findingToText(file.file, f, style, locale);
  yield '\n';
}

/** A passing file in a folder check: `✓ path  partner: EUR 12 758`, or `✓ path  8 partners: EUR 146 994`. */
export function passLine(file: FileReport, style: Style, locale: Locale = 'en'): string {
  if (file.claims) return `${style.green('✓')} ${terminalText(file.file)}  ${claimsText(file.claims)}\n`;
  return `${style.green('✓')} ${terminalText(file.file)}  ${partnersText(file.partners, locale)}\n`;
}

/** Who a file's figures are: `Ventspils Digital Centre: EUR 12 758`, or `8 partners: EUR 146 994`, their sum. */
function partnersText(partners: Iterable<PartnerCheck>, locale: Locale): string {
  const words = WORDS[locale];
  let total: Decimal | undefined;
  let first: PartnerCheck | undefined;
  let count = 0;
  let scale = 0;
  // one approximate budget makes the file's total approximate: the ~ is part of what was checked
  let approximate = false;
  for (const p of partners) {
    first ??= p;
    total = total === undefined ? p.budget.value : total.plus(p.budget.value);
    scale = Math.max(scale, p.unit.decimalPlaces());
    approximate ||= p.budget.precision !== undefined;
    count++;
  }
  if (first === undefined || total === undefined) return words.partners(0);
  const who = count === 1 ? terminalText(first.partner ?? words.partner) : words.partners(count);
  return `${who}: ${terminalText(words.money(total, first.currency, total.isInteger() ? 0 : scale, approximate))}`;
}

/**
 * Under a passing file's line in a folder check: its warnings and notes, in full, each with its hint. Ignored ones
 * (--ignore) are left out: the user has accepted them, and -v shows them.
 */
export function* passFindings(file: FileReport, style: Style, locale: Locale = 'en'): Generator<string> {
  for (const f of file.findings as readonly MaybeIgnored[])
    if (f.ignored !== true) yield findingToText(file.file, f, style, locale);
}

/** A failing or invalid file in the closing list: `FAIL path:LINE:COL  message [code]`, its first error. */
export function closingLine(file: FileReport, style: Style, locale: Locale = 'en'): string {
  const words = WORDS[locale];
  const found = file.findings.find(failsFile) ?? file.findings[0];
  const first = found && localFinding(found, locale);
  const word = file.verdict === 'invalid' ? words.verdicts.invalid : words.verdicts.fail;
  if (!first) return `${style.red(word)} ${terminalText(file.file)}\n`;
  const where = placeText(file.file, first);
  return `${style.red(word)} ${where}  ${terminalText(first.message)} ${style.dim(`[${terminalText(first.code)}]`)}\n`;
}

function smallFileTables(file: FileReport, style: Style, verdict: string, locale: Locale): string {
  const words = WORDS[locale];
  const out: string[] = [];
  const partners = [...file.partners];
  // of several partners, the header names the file's; each partner's own line says whether it passes (✓ or ✗), as
  // the line of each partner of a large file does, so a failing partner is never under a passing one's name
  const several = partners.length > 1;
  const failing = several ? new Set(file.findings.filter(failsFile).map((f) => f.partner)) : undefined;
  if (several)
    out.push(`${style.bold(verdict)} ${style.bold(terminalText(file.file))}  ${partnersText(partners, locale)}`);
  for (const [index, p] of partners.entries()) {
    const who = terminalText(p.partner ?? words.partner);
    const heading = words.partnerHeading(
      // an approximate budget keeps its ~: the tolerance is part of what was checked
      terminalText(
        words.money(
          p.budget.value,
          p.currency,
          p.budget.value.isInteger() ? 0 : p.unit.decimalPlaces(),
          p.budget.precision !== undefined,
        ),
      ),
      p.method,
      p.unit,
    );
    if (failing) out.push(`${failing.has(p.partner) ? style.red('✗') : style.green('✓')} ${who}: ${heading}`);
    else if (index === 0) out.push(`${style.bold(verdict)} ${style.bold(terminalText(file.file))}  ${who}: ${heading}`);
    else out.push(`${who}: ${heading}`);
    if (p.costs) out.push(costsTable(p, style, locale));
    out.push(partnerTable(p, style, locale));
    if (p.euro) out.push(euroTable(p, p.euro, style, locale));
    if (p.periods) out.push(periodsTable(p, p.periods, style, locale));
  }
  const findings = file.findings.map((f) => findingToText(file.file, f, style, locale)).join('');
  return out.join('\n') + '\n' + findings + '\n';
}

/** GitHub Actions workflow commands: one annotation per finding of a file. */
export function githubLines(file: FileReport, locale: Locale = 'en'): string {
  return [...githubLinePieces(file, locale)].join('');
}

/** `githubLines` a finding at a time: a file of 50 000 findings is never one string. */
export function* githubLinePieces(file: FileReport, locale: Locale = 'en'): Generator<string> {
  const level = { error: 'error', warning: 'warning', note: 'notice' } as const;
  const words = WORDS[locale];
  const name = githubProperty(file.file);
  // a code's title escaped once, not once a finding (50 000 in a large file)
  const titles = new Map<string, string>();
  const titled = (code: string) => {
    const title = githubProperty(`cofin ${code}`);
    titles.set(code, title);
    return title;
  };
  for (const finding of file.findings as readonly MaybeIgnored[]) {
    const f = localFinding(finding, locale);
    const props = [`file=${name}`];
    // a workbook's cell is no line of the file: it is named in the message
    if (f.line !== undefined && f.cell === undefined) props.push(`line=${f.line}`);
    if (f.column !== undefined && f.cell === undefined) props.push(`col=${f.column}`);
    props.push(`title=${titles.get(f.code) ?? titled(f.code)}`);
    const message = f.cell === undefined ? f.message : `${f.cell}: ${f.message}`;
    yield (
      `::${f.ignored === true ? 'notice' : level[f.severity]} ${props.join(',')}::` +
      `${githubMessage(f.hint ? [message, `${words.hint}: ${f.hint}`] : [message])}\n`
    );
  }
}

/** At most this many files are named in a line under the summary (JSON lists every one). */
const NAMED_LEFT_OUT = 5;

/**
 * The lines under the summary naming what a folder walk left out: the files excluded, by which globs and whose (a
 * config file up the tree cannot hide a failing file unseen), and the files passed over as no budget files. Unescaped:
 * each format escapes them its way.
 */
export function leftOutLines(
  summary: CheckReport['summary'],
  locale: Locale = 'en',
): { kind: 'excluded' | 'passed-over'; text: string }[] {
  const words = WORDS[locale];
  const lines: { kind: 'excluded' | 'passed-over'; text: string }[] = [];
  const excluded = summary.excluded ?? [];
  if (excluded.length > 0) {
    const globs = [...new Set(excluded.map((f) => f.exclude))];
    // the config file first, as it comes first in the list of excludes
    const by = [...new Set(excluded.map((f) => f.by))].sort(
      (a, b) => Number(a === '--exclude') - Number(b === '--exclude'),
    );
    const named = excluded.slice(0, NAMED_LEFT_OUT).map((f) => f.file);
    lines.push({ kind: 'excluded', text: words.excludedFiles(excluded.length, globs, by, named) });
  }
  const passedOver = summary.passedOver ?? [];
  if (passedOver.length > 0) {
    const reasons = new Map<PassedOverReason, number>();
    for (const f of passedOver) reasons.set(f.reason, (reasons.get(f.reason) ?? 0) + 1);
    const named = passedOver.slice(0, NAMED_LEFT_OUT).map((f) => f.file);
    lines.push({ kind: 'passed-over', text: words.passedOver(passedOver.length, [...reasons], named) });
  }
  return lines;
}

/**
 * The end of `--format github`: a notice for what the walk left out, then the plain line of every count, last (scripts
 * read it), and after the counts the errors ignored and by whom, as the table says (`; 1 error ignored (rates-sum) by
 * ../cofin.config.yaml`).
 */
export function githubSummary(summary: CheckReport['summary'], locale: Locale = 'en'): string {
  const { files, passed, failed, invalid } = summary;
  const notices = leftOutLines(summary, locale).map(
    (line) => `::notice title=${githubProperty(`cofin ${line.kind}`)}::${githubMessage([line.text])}\n`,
  );
  const counts = WORDS[locale].counts(files, passed, failed, invalid);
  // a plain line, not a workflow command (it starts with cofin's words): a control character in a name is escaped
  const ignored = ignoredLine(summary, locale);
  const after = ignored === undefined ? '' : `; ${visible(ignored)}`;
  return `${notices.join('')}cofin check: ${counts}${after}\n`;
}

/**
 * `1 error ignored (rates-sum) by ../cofin.config.yaml`: the errors that failed no file and who ignored them (a config
 * file up the tree cannot turn failures into passes unseen), or undefined when none was. Unescaped, as leftOutLines.
 */
export function ignoredLine(summary: CheckReport['summary'], locale: Locale = 'en'): string | undefined {
  const ignored = summary.ignored;
  return ignored === undefined ? undefined : WORDS[locale].ignoredErrors(ignored.errors, ignored.codes, ignored.by);
}

const xml = xmlText;

/** One file's JUnit test suite, rendered, with its counts. */
export interface JunitSuite {
  xml: string;
  tests: number;
  failures: number;
  errors: number;
  /** Test cases skipped: a file the walk left out. */
  skipped?: number;
}

/** A suite per file: a test case per partner (and one for project findings); an invalid file is one error case. */
export function junitSuite(file: FileReport): JunitSuite {
  const cases: { name: string; findings: Finding[]; error: boolean }[] = [];
  if (file.verdict === 'invalid') {
    cases.push({ name: file.file, findings: file.findings, error: true });
  } else {
    const multi = file.partners.length > 1 || file.findings.some((f) => f.partner !== undefined);
    // grouped once: a filter per partner is quadratic in a file of 100 000 partners
    const byPartner = new Map<string | undefined, Finding[]>();
    for (const f of file.findings) {
      if (!multi && (f.partner !== undefined || f.code.startsWith('project-'))) continue;
      const list = byPartner.get(f.partner) ?? [];
      list.push(f);
      byPartner.set(f.partner, list);
    }
    // a claim file: one case, its partner
    if (file.claims)
      cases.push({ name: file.claims.partner ?? 'claims', findings: byPartner.get(undefined) ?? [], error: false });
    let index = 0;
    for (const p of file.partners) {
      const findings = multi ? byPartner.get(p.partner) : index === 0 ? byPartner.get(undefined) : undefined;
      cases.push({ name: p.partner ?? 'partner', findings: findings ?? [], error: false });
      index++;
    }
    const project = file.findings.filter((f) => f.code.startsWith('project-') || (multi && f.partner === undefined));
    if (project.length > 0) cases.push({ name: 'project', findings: project, error: false });
  }
  const body = cases.map((c) => {
    const errorsHere = c.findings.filter(failsFile);
    const tag = c.error ? 'error' : 'failure';
    const detail = xmlLines(
      c.findings.flatMap((f) => [
        `${file.file}:${f.cell ?? `${f.line ?? ''}:${f.column ?? ''}`}: ` +
          `${(f as MaybeIgnored).ignored === true ? 'ignored' : f.severity}: ${f.message} ` +
          `[${f.code}]`,
        ...(f.hint ? [`hint: ${f.hint}`] : []),
      ]),
    );
    const inner =
      errorsHere.length > 0
        ? `<${tag} type="${xml(errorsHere[0]!.code)}" message="${xml(errorsHere[0]!.message)}">${detail}</${tag}>`
        : c.findings.length > 0
          ? `<system-out>${detail}</system-out>`
          : '';
    return `    <testcase classname="${xml(file.file)}" name="${xml(c.name)}">${inner}</testcase>`;
  });
  const failures = cases.filter((c) => !c.error && c.findings.some(failsFile)).length;
  const errors = cases.filter((c) => c.error).length;
  return {
    xml:
      `  <testsuite name="${xml(file.file)}" tests="${cases.length}" ` +
      `failures="${failures}" errors="${errors}">\n${body.join('\n')}\n  </testsuite>`,
    tests: cases.length,
    failures,
    errors,
  };
}

/**
 * A suite per file the walk left out, its one test case skipped with the reason (excluded by whom, or which kind of
 * file it is), as GitLab and Jenkins show skipped tests: the count of files tested stays visibly short.
 */
export function junitLeftOut(summary: CheckReport['summary']): JunitSuite[] {
  const words = WORDS.en;
  const suite = (file: string, name: string, why: string): JunitSuite => ({
    xml:
      `  <testsuite name="${xml(file)}" tests="1" failures="0" errors="0" skipped="1">\n` +
      `    <testcase classname="${xml(file)}" name="${name}"><skipped message="${xml(why)}"/></testcase>\n` +
      `  </testsuite>`,
    tests: 1,
    failures: 0,
    errors: 0,
    skipped: 1,
  });
  return [
    ...(summary.excluded ?? []).map((f) => suite(f.file, 'excluded', words.excludedBecause(f.exclude, f.by))),
    ...(summary.passedOver ?? []).map((f) => suite(f.file, 'passed over', words.passedOverBecause(f.reason))),
  ];
}

export function junitDocument(suites: readonly JunitSuite[]): string {
  const total = (key: 'tests' | 'failures' | 'errors' | 'skipped') => suites.reduce((n, s) => n + (s[key] ?? 0), 0);
  const skipped = total('skipped');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="cofin check" ` +
    `tests="${total('tests')}" failures="${total('failures')}" ` +
    `errors="${total('errors')}"${skipped > 0 ? ` skipped="${skipped}"` : ''}>\n` +
    `${suites.map((s) => s.xml).join('\n')}\n</testsuites>\n`
  );
}
