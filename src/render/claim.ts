import { formatAmount } from '../core/amount.js';
import { minorUnit } from '../core/currency.js';
import { nationalUnit } from '../core/currency/fixed.js';
import { toFixedString, type Decimal } from '../core/decimal.js';
import type { Finding } from '../core/check/types.js';
import type { CategoryAmount, ClaimResult, ClaimsReport, CumulativeLine } from '../core/claims/types.js';
import { findingToText } from './check.js';
import { renderTable } from './table.js';
import type { Style } from './style.js';
import { jsonSafe, terminalText } from './safe-text.js';

/** What the table says under every claim's co-financing: Jems computes the funds, not the sources. */
export const SOURCES_NOTE =
  "note: the contribution sources' parts are not computed by Jems: the partner " +
  'types them in. Shown here as Jems\'s "of which" split: each source\'s share of ' +
  'the budget, rounded down to the cent; the source at rest takes what the others leave.';

const percent = (value: Decimal | undefined) => (value === undefined ? '' : `${toFixedString(value, 2)}%`);
const flatText = (c: CategoryAmount) =>
  c.flat ? `${c.flat.rate.text} of ${c.flat.base === 'direct' ? 'direct costs' : c.flat.base.join(', ')}` : '';

/**
 * The people's form: the budget, the plan per period, each claim with its co-financing and cumulative figures, the
 * findings.
 */
/** A period's column head: `Period 2`, or Jems's `Preparation` and `Closure`. */
const periodHead = (p: { period: number; phase?: 'preparation' | 'closure' | undefined }) =>
  p.phase === 'preparation' ? 'Preparation' : p.phase === 'closure' ? 'Closure' : `Period ${p.period}`;

export function claimToTable(file: string, report: ClaimsReport, style: Style): string {
  const scale = report.unit.decimalPlaces();
  const money = (value: Decimal) => formatAmount(value, scale);
  const out: string[] = [];
  const verdict = report.verdict === 'pass' ? style.green('PASS') : style.red('FAIL');
  const rates = [
    ...report.budget.funds.map((f) => `${f.name} ${toFixedString(f.rate)}%`),
    ...report.budget.sources.map((s) => `${s.name} ${s.rate ? `${toFixedString(s.rate)}%` : 'rest'}`),
  ].join(', ');
  const programme = report.programme
    ? `, ${report.programme.name}${report.programme.category ? ` (${report.programme.category})` : ''}`
    : '';
  out.push(
    `${style.bold(verdict)} ${style.bold(terminalText(file))}  ${terminalText(report.partner ?? 'partner')}: ` +
      `budget ${terminalText(report.currency)} ${money(report.budget.total)} ` +
      `(${terminalText(rates)}), ${report.claims.length} ` +
      (`claim${report.claims.length === 1 ? '' : 's'}` +
        `${report.flexibility ? `, flexibility ${toFixedString(report.flexibility)}%` : ''}` +
        `${programme}`),
  );

  if (report.periods) {
    const periods = report.periods;
    out.push('', style.bold('Plan per period') + style.dim(' (the last period takes the remainder)'));
    const head = ['Cost category', ...periods.map((p) => `${periodHead(p)}${p.remainder ? ' (rest)' : ''}`), 'Budget'];
    const right = head.map((_, i) => i).slice(1);
    // every category a period lists, the budget's first, looked up by category (a period may list one the budget
    // does not have: category-not-in-budget)
    const listed = new Map(report.budget.categories.map((c) => [c.category, c.name] as const));
    for (const p of periods) for (const c of p.categories) if (!listed.has(c.category)) listed.set(c.category, c.name);
    const rows = [...listed].map(([category, name]) => {
      const budgeted = report.budget.categories.find((c) => c.category === category);
      return [
        terminalText(name),
        ...periods.map((p) => {
          const amount = p.categories.find((c) => c.category === category)?.amount;
          return amount === undefined ? '' : money(amount);
        }),
        budgeted ? money(budgeted.amount) : '',
      ];
    });
    rows.push([
      style.bold('Total'),
      ...periods.map((p) => style.bold(money(p.total))),
      style.bold(money(report.budget.total)),
    ]);
    out.push(renderTable(head, rows, right, true, style.width));
    out.push(
      style.dim(
        `share of the budget: ${periods
          .map((p) => `${p.phase ?? `period ${p.period}`} ${percent(p.percentage) || 'n/a'}`)
          .join(', ')}`,
      ),
    );
    const split = [
      ...report.budget.funds.map((f, k) => [
        terminalText(`${f.name} ${toFixedString(f.rate)}%`),
        ...periods.map((p) => money(p.funds[k]!.amount)),
        money(f.amount),
      ]),
      ['Partner contribution', ...periods.map((p) => money(p.contribution)), money(report.budget.contribution)],
    ];
    out.push(renderTable(['Co-financing', ...head.slice(1)], split, right, false, style.width));
  }

  for (const claim of report.claims) out.push('', ...claimTables(claim, report, style));
  const findings = report.findings.map((f) => findingToText(file, f, style)).join('');
  const last = report.claims.at(-1)?.cumulative.total;
  const count = (severity: string) => report.findings.filter((f) => f.severity === severity).length;
  const tally = [
    `${count('error')} error${count('error') === 1 ? '' : 's'}`,
    `${count('warning')} warning${count('warning') === 1 ? '' : 's'}`,
  ].join(', ');
  const claimed = last
    ? `${terminalText(report.currency)} ${money(last.claimed)} ` +
      `of ${money(last.budget)} claimed (${percent(last.percentage)})`
    : 'nothing claimed';
  return (
    out.join('\n') +
    '\n' +
    (findings ? `\n${findings}` : '') +
    `\n${report.claims.length} claim${report.claims.length === 1 ? '' : 's'}: ${claimed}; ${tally}\n`
  );
}

function claimTables(claim: ClaimResult, report: ClaimsReport, style: Style): string[] {
  const scale = report.unit.decimalPlaces();
  const money = (value: Decimal) => formatAmount(value, scale);
  const signed = (value: Decimal | undefined) => (value === undefined ? '' : (value.gt(0) ? '+' : '') + money(value));
  const out = [
    style.bold(
      `Claim ${claim.index}, ` +
        `period ${claim.period}${claim.submitted ? `, submitted ${claim.submitted}` : ''}: ` +
        `eligible ${terminalText(report.currency)} ${money(claim.eligible)}`,
    ),
  ];
  if (claim.conversions.length > 0) out.push(...conversionTable(claim, report, style));
  const rows = claim.categories.map((c) => [
    terminalText(c.name),
    terminalText(flatText(c)),
    c.base ? money(c.base) : '',
    money(c.amount),
  ]);
  rows.push([style.bold('Eligible total'), '', '', style.bold(money(claim.eligible))]);
  out.push(renderTable(['Cost category', 'Flat rate', 'Base', 'Amount'], rows, [2, 3], true, style.width));
  const split = claim.funds.map((f) => [
    terminalText(f.name),
    `${toFixedString(f.rate)}%`,
    money(f.amount),
    f.declared ? terminalText(f.declared.text.trim()) : '',
    f.declaredCurrency
      ? `${terminalText(f.declaredCurrency)} ${signed(f.difference)} ` +
        `(EUR ${money(f.amount)} ` +
        (`= ${terminalText(f.declaredCurrency)} ` +
          `${formatAmount(f.expected!, nationalUnit(f.declaredCurrency).decimalPlaces())})`)
      : signed(f.difference),
  ]);
  split.push(['Partner contribution', '', money(claim.contribution), '', '']);
  for (const s of claim.sources) split.push([terminalText(`  of which ${s.name}`), '', money(s.amount), '', '']);
  out.push(
    renderTable(['Co-financing', 'Rate', 'Amount', 'Declared', 'Difference'], split, [1, 2, 3, 4], false, style.width),
  );
  if (claim.sources.length > 0) out.push(style.dim(SOURCES_NOTE));
  out.push(style.bold(`Cumulative after claim ${claim.index}`));
  const c = claim.cumulative;
  const cumulative = (l: CumulativeLine, bold = false) => {
    const b = bold ? style.bold : (t: string) => t;
    return [
      b(terminalText(l.name)),
      b(money(l.budget)),
      b(money(l.claimed)),
      b(percent(l.percentage)),
      b(l.remaining.isNeg() ? style.red(money(l.remaining)) : money(l.remaining)),
    ];
  };
  const table = [
    ...c.categories.map((l) => cumulative(l)),
    cumulative(c.total, true),
    ...c.funds.map((l) => cumulative(l)),
    cumulative(c.contribution),
  ];
  out.push(
    renderTable(['Line', 'Budget', 'Claimed so far', '% of budget', 'Left'], table, [1, 2, 3, 4], false, style.width),
  );
  if (c.plan) {
    const under = c.plan.difference;
    out.push(
      `plan to period ${claim.period}: ${terminalText(report.currency)} ${money(c.plan.planned)}, ` +
        (`claimed so far ${percent(c.plan.percentage) || 'n/a'}, ` +
          `${terminalText(report.currency)} ${money(under.abs())} ` +
          `${under.isNeg() ? 'over' : 'under'} `) +
        `the plan`,
    );
  }
  return out;
}

/**
 * Every converted item: the amount as paid, the rate, where the rate comes from, the amount in the budget's currency.
 */
function conversionTable(claim: ClaimResult, report: ClaimsReport, style: Style): string[] {
  const scale = report.unit.decimalPlaces();
  const rows = claim.conversions.map((c) => [
    terminalText(c.category),
    `${terminalText(c.currency)} ${formatAmount(c.amount, minorUnit(c.currency).decimalPlaces())}`,
    c.rate ? toFixedString(c.rate) : style.red('none'),
    c.kind === 'fixed'
      ? 'fixed euro rate'
      : c.kind === 'monthly'
        ? `InforEuro ${c.month}`
        : terminalText(c.month ?? 'no month'),
    c.converted ? formatAmount(c.converted, scale) : style.red('counts 0'),
  ]);
  const note =
    `each item ÷ the rate (units per euro), half-up to the cent, before any ` +
    `sum${report.rates ? `; monthly rates from ${terminalText(report.rates)}` : ''}`;
  return [
    renderTable(
      ['Converted', 'Amount', 'Rate', 'Rate of', terminalText(report.currency)],
      rows,
      [1, 2, 4],
      false,
      style.width,
    ),
    style.dim(note),
  ];
}

const text = (value: Decimal, scale: number) => toFixedString(value, scale);
const optional = (value: Decimal | undefined, scale = 0) => (value === undefined ? null : toFixedString(value, scale));

function categoryJson(c: CategoryAmount, scale: number) {
  return {
    category: c.category,
    name: c.name,
    flatRate: c.flat ? toFixedString(c.flat.rate.value) : null,
    base: c.flat ? (c.flat.base === 'direct' ? 'direct' : c.flat.base) : null,
    baseAmount: optional(c.base, scale),
    amount: text(c.amount, scale),
  };
}

function lineJson(l: CumulativeLine, scale: number) {
  return {
    id: l.id,
    name: l.name,
    budget: text(l.budget, scale),
    claimed: text(l.claimed, scale),
    percentage: optional(l.percentage, 2),
    remaining: text(l.remaining, scale),
  };
}

function findingJson(f: Finding) {
  return {
    code: f.code,
    severity: f.severity,
    message: f.message,
    hint: f.hint ?? null,
    line: f.line ?? null,
    column: f.column ?? null,
    pointer: f.pointer ?? null,
  };
}

/** The JSON form (schema version 1): a public contract, every field in docs/claims.md. */
export function claimToJson(file: string, report: ClaimsReport): object {
  const scale = report.unit.decimalPlaces();
  const b = report.budget;
  return {
    schemaVersion: 1,
    file,
    verdict: report.verdict,
    currency: report.currency,
    rates: report.rates ?? null,
    programme: report.programme
      ? { id: report.programme.id, name: report.programme.name, category: report.programme.category ?? null }
      : null,
    partner: report.partner ?? null,
    unit: report.unit.toFixed(),
    flexibility: optional(report.flexibility),
    budget: {
      categories: b.categories.map((c) => categoryJson(c, scale)),
      total: text(b.total, scale),
      funds: b.funds.map((f) => ({
        id: f.id,
        name: f.name,
        kind: f.kind,
        rate: toFixedString(f.rate),
        amount: text(f.amount, scale),
      })),
      contribution: text(b.contribution, scale),
      sources: b.sources.map((s) => ({
        id: s.id,
        name: s.name,
        kind: s.kind,
        rate: optional(s.rate),
        amount: text(s.amount, scale),
      })),
    },
    periods: report.periods
      ? report.periods.map((p) => ({
          period: p.period,
          // Jems's preparation (0) and closure (255) periods say so; reporting periods have no phase
          ...(p.phase ? { phase: p.phase } : {}),
          remainder: p.remainder,
          categories: p.categories.map((c) => ({ category: c.category, name: c.name, amount: text(c.amount, scale) })),
          total: text(p.total, scale),
          funds: p.funds.map((f) => ({ id: f.id, amount: text(f.amount, scale) })),
          contribution: text(p.contribution, scale),
          percentage: optional(p.percentage, 2),
        }))
      : null,
    claims: report.claims.map((c) => ({
      index: c.index,
      period: c.period,
      submitted: c.submitted ?? null,
      conversions: c.conversions.map((v) => ({
        category: v.category,
        amount: toFixedString(v.amount, minorUnit(v.currency).decimalPlaces()),
        currency: v.currency,
        rate: optional(v.rate),
        kind: v.kind,
        month: v.month ?? null,
        converted: optional(v.converted, scale),
      })),
      categories: c.categories.map((l) => categoryJson(l, scale)),
      eligible: text(c.eligible, scale),
      funds: c.funds.map((f) => ({
        id: f.id,
        name: f.name,
        kind: f.kind,
        rate: toFixedString(f.rate),
        amount: text(f.amount, scale),
        maximum: toFixedString(f.maximum),
        declared: optional(f.declared?.value),
        declaredCurrency: f.declaredCurrency ?? null,
        expected: optional(f.expected),
        difference: optional(f.difference, f.declaredCurrency ? 0 : scale),
      })),
      contribution: text(c.contribution, scale),
      sources: c.sources.map((s) => ({
        id: s.id,
        name: s.name,
        kind: s.kind,
        percentage: toFixedString(s.percentage),
        amount: text(s.amount, scale),
      })),
      cumulative: {
        categories: c.cumulative.categories.map((l) => lineJson(l, scale)),
        total: lineJson(c.cumulative.total, scale),
        funds: c.cumulative.funds.map((l) => lineJson(l, scale)),
        contribution: lineJson(c.cumulative.contribution, scale),
        plan: c.cumulative.plan
          ? {
              planned: text(c.cumulative.plan.planned, scale),
              difference: text(c.cumulative.plan.difference, scale),
              percentage: optional(c.cumulative.plan.percentage, 2),
            }
          : null,
      },
    })),
    findings: report.findings.map(findingJson),
  };
}

/** An invalid file in JSON: its one finding. */
export function invalidClaimJson(file: string, findings: readonly Finding[]): object {
  return { schemaVersion: 1, file, verdict: 'invalid', findings: findings.map(findingJson) };
}

export const claimJsonText = (value: object) => jsonSafe(JSON.stringify(value, null, 2)) + '\n';
