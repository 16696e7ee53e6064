import { partnerAmount, type ProjectSummary } from '../core/project.js';
import { HUNDRED, ZERO, toFixedString, type Decimal } from '../core/decimal.js';
import { KIND_NAMES } from './report.js';
import { cell, workbookBytes, type XlsxCell, type XlsxSheet } from './xlsx.js';

/**
 * The report as a workbook: a sheet per table of `cofin report`, the same
 * rows and figures. Amounts are numbers at the project's unit with its
 * currency, rates and shares percent cells, and the partners' totals row is
 * cofin's own totals as values (a SUM formula would be the spreadsheet's sum,
 * not the figure cofin checked).
 */
export function reportToXlsx(summary: ProjectSummary, scale: number, title?: string): Uint8Array {
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
  return workbookBytes({ sheets, title });
}
