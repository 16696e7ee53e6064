import { partnerAmount, type ProjectSummary } from '../core/project.js';
import { HUNDRED, ZERO, toFixedString, type Decimal } from '../core/decimal.js';
import { KIND_NAMES } from './report.js';
import { categoryAmount, planCategories } from './periods.js';
import { cell, workbookBytes, type XlsxCell, type XlsxSheet } from './xlsx.js';
import type { ReportVerdict } from './report-verdict.js';

/**
 * The report as a workbook: a sheet per table of `cofin report`, the same
 * rows and figures. Amounts are numbers at the project's unit with its
 * currency, rates and shares percent cells, and the partners' totals row is
 * cofin's own totals as values (a SUM formula would be the spreadsheet's sum,
 * not the figure cofin checked). With `checked`, a sheet *Findings*: the file's verdict and findings, the sheet the
 * workbook opens on when the file fails, the last one when it passes.
 */
export function reportToXlsx(
  summary: ProjectSummary,
  scale: number,
  title?: string,
  checked?: ReportVerdict,
): Uint8Array {
  const money = (value: Decimal) => cell.money(toFixedString(value, scale), summary.currency);
  const percent = (value: Decimal) => cell.percent(toFixedString(value));
  const share = (value: Decimal) =>
    percent(summary.budget.isZero() ? ZERO : value.div(summary.budget).times(100).toDecimalPlaces(2));
  const sheets: XlsxSheet[] = [
    {
      name: 'Partners and sources',
      head: ['Partner', 'Country', 'Budget', ...summary.sources.map((s) => s.label), 'EU rate', 'Share'],
      rows: summary.partners.map((p): XlsxCell[] => [
        cell.text(p.partner),
        cell.text(p.country ?? ''),
        money(p.budget),
        ...summary.sources.map((s) => {
          const amount = partnerAmount(p, s);
          return amount ? money(amount) : cell.empty;
        }),
        percent(p.euRate),
        percent(p.shareOfProject),
      ]),
      totals: [
        cell.text('Total'),
        cell.empty,
        money(summary.budget),
        ...summary.sources.map((s) => money(s.amount)),
        percent(summary.averageEuRate),
        percent(summary.budget.isZero() ? ZERO : HUNDRED),
      ],
    },
  ];
  if (summary.categories.length > 0) {
    sheets.push({
      name: 'Cost categories',
      head: ['Category', 'Amount', 'Share'],
      rows: summary.categories.map((c) => [cell.text(c.name), money(c.amount), share(c.amount)]),
    });
  }
  const planned = summary.partners.filter((p) => p.periods && p.periods.length > 0);
  if (planned.length > 0) {
    // a row per partner, period and line, so that a spreadsheet can filter and pivot a plan of any length
    const rows: XlsxCell[][] = [];
    for (const p of planned)
      for (const x of p.periods!) {
        const line = (name: string, amount: Decimal, declared?: Decimal, difference?: Decimal): XlsxCell[] => [
          cell.text(p.partner),
          x.phase ? cell.text(x.phase) : cell.count(x.period),
          cell.text(x.remainder ? 'rest' : ''),
          cell.text(name),
          money(amount),
          declared === undefined ? cell.empty : money(declared),
          difference === undefined ? cell.empty : money(difference),
        ];
        for (const c of planCategories(p.periods!)) {
          const amount = categoryAmount(x, c.category);
          if (amount !== undefined) rows.push(line(c.name, amount));
        }
        rows.push(line('Budget', x.budget));
        for (const share of x.shares)
          rows.push(line(share.name, share.computed, share.declared?.value, share.difference));
      }
    sheets.push({
      name: 'Plan per period',
      head: ['Partner', 'Period', 'Last (the remainder)', 'Line', 'Amount', 'Declared', 'Difference'],
      rows,
    });
  }
  sheets.push({
    name: 'By kind of source',
    head: ['Kind', 'Amount', 'Share'],
    rows: summary.kinds.map((k) => [cell.text(KIND_NAMES[k.kind]), money(k.amount), share(k.amount)]),
  });
  sheets.push({
    name: 'By country',
    head: ['Country', 'Budget', 'EU funds', 'Share'],
    rows: summary.countries.map((c) => [cell.text(c.country), money(c.budget), money(c.euAmount), share(c.budget)]),
  });
  if (checked) {
    const findings = findingsSheet(checked);
    if (checked.verdict === 'fail') sheets.unshift(findings);
    else sheets.push(findings);
  }
  return workbookBytes({ sheets, title });
}

/**
 * The file's verdict and findings, as `check --format xlsx`'s *Findings* sheet has them (line, column, severity,
 * code, partner, message, hint), its verdict in each row; a file with no finding has one row, its verdict.
 */
function findingsSheet(checked: ReportVerdict): XlsxSheet {
  const where = (n: number | undefined) => (n === undefined ? cell.empty : cell.count(n));
  const rows = checked.findings.map((f): XlsxCell[] => [
    cell.text(checked.file),
    cell.text(checked.verdict),
    where(f.line),
    where(f.column),
    cell.text(f.severity),
    cell.text(f.code),
    cell.text(f.partner ?? ''),
    cell.text(f.message),
    cell.text(f.hint ?? ''),
  ]);
  return {
    name: 'Findings',
    head: ['File', 'Verdict', 'Line', 'Column', 'Severity', 'Code', 'Partner', 'Message', 'Hint'],
    rows:
      rows.length > 0
        ? rows
        : [[cell.text(checked.file), cell.text(checked.verdict), ...Array<XlsxCell>(7).fill(cell.empty)]],
  };
}
