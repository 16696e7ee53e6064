import type { CheckReport, FileReport, PartnerCheck, ShareCheck } from '../core/check.js';
import { WORDS } from './words/index.js';
import { toFixedString } from '../core/decimal.js';
import type { MaybeIgnored } from './check.js';
import { CsvWriter, type CsvColumn, type CsvDialect } from './csv.js';
import { cell, workbookBytes, type XlsxCell } from './xlsx.js';

/**
 * A check as a table, for spreadsheets: one row per partner × source with
 * what was declared, what cofin computed, the difference and the status, and
 * the file's verdict on every row (a share without a declared figure is
 * `undeclared`, whatever else fails its file: the verdict says whether it passed).
 * An invalid file is one row, verdict `invalid`.
 */
export const CHECK_TABLE_HEADER = [
  'file',
  'verdict',
  'partner',
  'country',
  'currency',
  'budget',
  'source',
  'name',
  'kind',
  'rate',
  'computed',
  'declared',
  'difference',
  'status',
] as const;
const COLUMNS: readonly CsvColumn[] = [
  'text',
  'text',
  'text',
  'text',
  'text',
  'amount',
  'text',
  'text',
  'text',
  'amount',
  'amount',
  'amount',
  'amount',
  'text',
];

interface ShareRow {
  file: FileReport;
  partner: PartnerCheck | undefined;
  share: ShareCheck | undefined;
}

/** Every partner × source of a file, or one row for a file with none (an invalid file). */
function* shareRows(file: FileReport): Generator<ShareRow> {
  let any = false;
  for (const partner of file.partners) {
    for (const share of partner.shares) {
      any = true;
      yield { file, partner, share };
    }
  }
  if (!any) yield { file, partner: undefined, share: undefined };
}

/**
 * A row's figures as decimal strings at the partner's unit (a declared figure keeps any further digits it has); the
 * partner, currency and budget of a claim file (it has no shares: its one row names them).
 */
function figures({ file, partner, share }: ShareRow) {
  const scale = partner?.unit.decimalPlaces() ?? file.claims?.unit.decimalPlaces() ?? 0;
  const money = (value: ShareCheck['computed'] | undefined) => (value === undefined ? '' : toFixedString(value, scale));
  return {
    partner: partner?.partner ?? file.claims?.partner ?? '',
    currency: partner?.currency ?? file.claims?.currency ?? '',
    budget: partner
      ? toFixedString(partner.budget.value, scale)
      : file.claims
        ? toFixedString(file.claims.budget, scale)
        : '',
    rate: share?.rate ? toFixedString(share.rate) : '',
    computed: money(share?.computed),
    declared: money(share?.declared?.value),
    difference: money(share?.difference),
  };
}

// --- CSV ----------------------------------------------------------------------

/** The CSV of a check, a file at a time: `header` once, then `rows` of each file. */
export class CheckCsv {
  private readonly writer: CsvWriter;

  constructor(dialect: CsvDialect = 'rfc4180') {
    this.writer = new CsvWriter(COLUMNS, dialect);
  }

  header(): string {
    return this.writer.header(CHECK_TABLE_HEADER);
  }

  *rows(file: FileReport): Generator<string> {
    for (const row of shareRows(file)) {
      const f = figures(row);
      const { partner, share } = row;
      yield this.writer.row([
        file.file,
        file.verdict,
        f.partner,
        partner?.country ?? '',
        f.currency,
        f.budget,
        share?.id ?? '',
        share?.name ?? '',
        share?.kind ?? '',
        f.rate,
        f.computed,
        f.declared,
        f.difference,
        share?.status ?? '',
      ]);
    }
  }
}

// --- xlsx -----------------------------------------------------------------------

/** The sheets of a check workbook, filled a file at a time; the files themselves are not kept. */
export class CheckWorkbook {
  private readonly shares: XlsxCell[][] = [];
  private readonly findings: XlsxCell[][] = [];
  private readonly files: XlsxCell[][] = [];
  private readonly left: XlsxCell[][] = [];

  add(file: FileReport): void {
    for (const row of shareRows(file)) {
      const f = figures(row);
      const { partner, share } = row;
      const currency = f.currency;
      const money = (value: string) => (value === '' ? cell.empty : cell.money(value, currency));
      this.shares.push([
        cell.text(file.file),
        cell.text(file.verdict),
        cell.text(f.partner),
        cell.text(partner?.country ?? ''),
        cell.text(currency),
        money(f.budget),
        cell.text(share?.id ?? ''),
        cell.text(share?.name ?? ''),
        cell.text(share?.kind ?? ''),
        f.rate === '' ? cell.empty : cell.percent(f.rate),
        money(f.computed),
        money(f.declared),
        money(f.difference),
        cell.text(share?.status ?? ''),
      ]);
    }
    // a file of one partner (or a claim file, one partner's) names it on each of its findings, which carry no partner
    let partners = 0;
    let only: string | undefined;
    for (const p of file.partners) {
      partners++;
      only = p.partner;
    }
    if (file.claims) [partners, only] = [1, file.claims.partner];
    const theirs = partners === 1 ? (only ?? '') : '';
    const count = { error: 0, warning: 0, note: 0, ignored: 0 };
    for (const finding of file.findings as MaybeIgnored[]) {
      count[finding.ignored === true ? 'ignored' : finding.severity]++;
      const where = (n: number | undefined) => (n === undefined ? cell.empty : cell.count(n));
      this.findings.push([
        cell.text(file.file),
        where(finding.line),
        where(finding.column),
        cell.text(finding.ignored === true ? 'ignored' : finding.severity),
        cell.text(finding.code),
        cell.text(finding.partner ?? theirs),
        cell.text(finding.message),
        cell.text(finding.hint ?? ''),
      ]);
    }
    this.files.push([
      cell.text(file.file),
      cell.text(file.verdict),
      cell.count(partners),
      cell.count(count.error),
      cell.count(count.warning),
      cell.count(count.note),
      cell.count(count.ignored),
    ]);
  }

  /** The files the walk left out, a row each (a sheet of its own, only when any): excluded by whom, or passed over. */
  leftOut(summary: CheckReport['summary']): void {
    for (const f of summary.excluded ?? [])
      this.left.push([cell.text(f.file), cell.text('excluded'), cell.text(WORDS.en.excludedBecause(f.exclude, f.by))]);
    for (const f of summary.passedOver ?? [])
      this.left.push([cell.text(f.file), cell.text('passed over'), cell.text(WORDS.en.passedOverBecause(f.reason))]);
  }

  bytes(): Uint8Array {
    const title = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
    return workbookBytes({
      title: 'cofin check',
      sheets: [
        { name: 'Shares', head: CHECK_TABLE_HEADER.map(title), rows: this.shares },
        {
          name: 'Findings',
          head: ['File', 'Line', 'Column', 'Severity', 'Code', 'Partner', 'Message', 'Hint'],
          rows: this.findings,
        },
        {
          name: 'Files',
          head: ['File', 'Verdict', 'Partners', 'Errors', 'Warnings', 'Notes', 'Ignored'],
          rows: this.files,
        },
        ...(this.left.length > 0 ? [{ name: 'Left out', head: ['File', 'Left out', 'Why'], rows: this.left }] : []),
      ],
    });
  }
}
