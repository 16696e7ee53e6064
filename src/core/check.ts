import { Decimal, HUNDRED, ZERO, sum } from './decimal.js';
import { CofinError } from './errors.js';
import { formatAmount } from './amount.js';
import { allocate, exactShare, roundHalfUp, ROUNDING_METHODS, type RoundingMethod } from './allocate.js';
import { minorUnit } from './currency.js';
import { tolerance } from './figure.js';
import { explainMismatch } from './explain.js';
import { computeCosts, type CostResult } from './costs.js';
import { agreeingCheck, agreeingShares } from './fixed-point.js';
import type { BudgetFile, BudgetHeader, BudgetStream, FigureField, FundingSource, List, Located, PartnerBudget } from './model.js';
import type { SourceKind } from './sources.js';

export type Severity = 'error' | 'warning' | 'note';

/** One thing a check found, with a stable code scripts can count. */
export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  hint: string | undefined;
  line: number | undefined;
  column: number | undefined;
  pointer: string | undefined;
  /** The partner it concerns, in multi-partner files. */
  partner: string | undefined;
}

export interface ShareCheck {
  id: string;
  name: string;
  kind: SourceKind;
  /** The written rate in percent; undefined for fixed and rest sources. */
  rate: Decimal | undefined;
  /** For fixed and rest sources: amount ÷ budget × 100, rounded to 4 decimals for display. */
  derivedRate: Decimal | undefined;
  exact: Decimal;
  computed: Decimal;
  declared: FigureField | undefined;
  /** declared − computed. */
  difference: Decimal | undefined;
  status: 'ok' | 'mismatch' | 'rate-display' | 'undeclared';
}

export interface PartnerCheck {
  partner: string | undefined;
  country: string | undefined;
  budget: FigureField;
  currency: string;
  unit: Decimal;
  method: RoundingMethod;
  shares: ShareCheck[];
  /** The cost categories, flat rates computed, when the file gives costs. */
  costs: CostResult | undefined;
}

/** A partner whose budget is known: declared, or the sum of its cost categories. */
type ResolvedPartner = PartnerBudget & { budget: FigureField; costResult: CostResult | undefined };

export interface FileCheck<Partners extends List<PartnerCheck> = PartnerCheck[]> {
  verdict: 'pass' | 'fail';
  partners: Partners;
  findings: Finding[];
}

export interface CheckOptions {
  /** Warnings and notes become errors. */
  strict?: boolean;
}

/** Above this EU co-financing rate, in percent, a warning. */
const EU_RATE_LIMIT = new Decimal(85);

const METHOD_NOTES: Record<RoundingMethod, string> = {
  'largest-remainder': 'the leftover units go to the largest remainders',
  'half-up': 'each share is rounded half-up on its own',
  'fund-down': 'the EU share is rounded down',
};

function finding(severity: Severity, code: string, message: string, hint: string | undefined, at: Located | undefined, partner: string | undefined): Finding {
  return { code, severity, message, hint, line: at?.line, column: at?.column, pointer: at?.pointer, partner };
}

/** The comparison unit: the file's, else the coarsest precision of the exact declared amounts, else the currency's. */
function comparisonUnit(file: BudgetHeader, partner: PartnerBudget): Decimal {
  if (file.rounding.unit) return file.rounding.unit.value;
  const written = partner.funding
    .map((s) => s.amount)
    .filter((a): a is FigureField => a !== undefined && a.precision === undefined)
    .map((a) => new Decimal(10).pow(-a.scale));
  return written.length > 0 ? Decimal.max(...written) : minorUnit(file.currency);
}

/** Does a declared figure agree with a computed share (exact: at the unit; approximate: within its precision)? */
function agrees(declared: FigureField, computed: Decimal, exact: Decimal, unit: Decimal, slack: Decimal): boolean {
  if (declared.precision) return exact.minus(declared.value).abs().lte(tolerance(declared).plus(slack));
  if (slack.gt(0)) return exact.minus(declared.value).abs().lte(slack.plus(unit));
  return roundHalfUp(declared.value, unit).eq(computed);
}

interface Computation {
  computed: Decimal[];
  exact: Decimal[];
}

/**
 * Checks one partner: coverage, every declared amount against its computed
 * share, and the sanity warnings. Pure: returns the shares and findings;
 * without `shares`, only the findings (the first pass over a large file).
 * A partner whose figures agree is settled in fixed point; the rest of this
 * function is the general check, with its explanations.
 */
function checkPartner(file: BudgetHeader, partner: ResolvedPartner, strictMethod: RoundingMethod | undefined, shares = true): { check: PartnerCheck | undefined; findings: Finding[] } {
  const who = file.multi ? partner.partner : undefined;
  const label = who === undefined ? '' : `partner "${who}": `;
  const findings: Finding[] = [];
  const add = (severity: Severity, code: string, message: string, hint: string | undefined, at: Located | undefined) =>
    findings.push(finding(severity, code, message, hint, at, who));
  const unit = comparisonUnit(file, partner);
  const firstMethod = strictMethod ?? ROUNDING_METHODS[0]!;
  const agreeing = agreeingShares(partner, unit, firstMethod);
  if (agreeing) return { check: shares ? agreeingCheck(partner, unit, firstMethod, file.currency, agreeing) : undefined, findings: [] };
  const B = partner.budget.value;
  const money = (value: Decimal) => `${file.currency} ${formatAmount(value, unit.decimalPlaces())}`;
  const sources = partner.funding;
  const budgetSlack = tolerance(partner.budget);
  const allDeclared = sources.every((s) => s.amount || s.rest);
  const rest = sources.findIndex((s) => s.rest);

  // Sources whose rate is only a rounded display of their amount are treated as fixed amounts.
  const display = new Set<number>();
  const isFixed = (s: FundingSource, i: number) => (!s.rate && !s.rest) || display.has(i);
  const rateOf = (s: FundingSource, i: number) => (s.rate && !display.has(i) ? s.rate.value : undefined);

  // The exact shares of the rated and fixed sources change only with `display`.
  let exactCache: { size: number; shares: Decimal[] } | undefined;
  const exactShares = () => {
    if (exactCache?.size !== display.size) {
      exactCache = { size: display.size, shares: sources.map((s, i) => (isFixed(s, i) ? s.amount!.value : rateOf(s, i) ? exactShare(B, rateOf(s, i)!) : ZERO)) };
    }
    return exactCache.shares;
  };
  const coverage = () => {
    const covered = sum(exactShares());
    return { covered, missing: B.minus(covered) };
  };
  const slackOf = (i: number) => budgetSlack.times(rateOf(sources[i]!, i) ?? ZERO).div(HUNDRED).plus(sum(sources.filter((s, j) => isFixed(s, j) && j !== i).map((s) => tolerance(s.amount))));

  const compute = (method: RoundingMethod, ratesCover: boolean): Computation => {
    const exact = [...exactShares()];
    if (rest >= 0) exact[rest] = B.minus(sum(exact.filter((_, i) => i !== rest)));
    if (!ratesCover) return { exact, computed: exact.map((e, i) => (isFixed(sources[i]!, i) ? e : roundHalfUp(e, unit))) };
    const rated = sources.map((s, i) => rateOf(s, i)).map((r, i) => ({ r, i })).filter((x) => x.r !== undefined);
    const given = sum(rated.map((x) => x.r!));
    const specs = rated.map((x) => ({ rate: x.r!, fund: sources[x.i]!.kind === 'eu-fund' }));
    const complement = HUNDRED.minus(given);
    if (complement.gt(0)) specs.push({ rate: complement, fund: false });
    const amounts = allocate(B, specs, unit, method);
    const computed = exact.map((e, i) => (isFixed(sources[i]!, i) ? e : ZERO));
    rated.forEach((x, k) => (computed[x.i] = amounts[k]!));
    if (rest >= 0) computed[rest] = B.minus(sum(computed.filter((_, i) => i !== rest)));
    return { exact, computed };
  };

  const mismatches = (c: Computation) =>
    sources.flatMap((s, i) => {
      const declared = s.amount;
      return declared && !isFixed(s, i) && !agrees(declared, c.computed[i]!, c.exact[i]!, unit, slackOf(i)) ? [i] : [];
    });

  // Declared amounts written more finely than the unit count rounded to it.
  const declaredSum = () => sum(sources.map((s) => (s.amount ? (s.amount.precision ? s.amount.value : roundHalfUp(s.amount.value, unit)) : ZERO)));
  const declaredSlack = budgetSlack.plus(sum(sources.map((s) => tolerance(s.amount))));
  const sumsAgree = () => rest >= 0 || (allDeclared && declaredSum().minus(B).abs().lte(declaredSlack));

  // Rates must cover the budget unless every source declares its amount. It changes only with `display`.
  let covers: { size: number; value: boolean } | undefined;
  const ratesCover = () => {
    if (allDeclared) return true;
    if (covers?.size !== display.size) {
      const { missing } = coverage();
      covers = { size: display.size, value: rest >= 0 ? missing.gte(ZERO.minus(declaredSlack)) : missing.abs().lte(declaredSlack) };
    }
    return covers.value;
  };

  const methods = strictMethod ? [strictMethod] : ROUNDING_METHODS;
  const attempt = (): { method: RoundingMethod; result: Computation | undefined; bad: number[]; error?: CofinError } => {
    let first: { method: RoundingMethod; result: Computation | undefined; bad: number[]; error?: CofinError } | undefined;
    for (const method of methods) {
      try {
        const result = compute(method, ratesCover());
        const bad = mismatches(result);
        if (bad.length === 0) return { method, result, bad };
        first ??= { method, result, bad };
      } catch (error) {
        if (!(error instanceof CofinError)) throw error;
        first ??= { method, result: undefined, bad: [], error };
      }
    }
    return first!;
  };

  let outcome = attempt();
  if (outcome.bad.length > 0 && sumsAgree()) {
    for (const i of outcome.bad) {
      const s = sources[i]!;
      if (!s.rate || s.rate.scale === 0 || !s.amount || s.amount.precision || B.isZero()) continue;
      const shown = s.amount.value.div(B).times(HUNDRED).toDecimalPlaces(s.rate.scale, Decimal.ROUND_HALF_UP);
      if (shown.eq(s.rate.value)) display.add(i);
    }
    if (display.size > 0) outcome = attempt();
  }

  if (!allDeclared && !ratesCover()) {
    const { covered, missing } = coverage();
    const percent = (value: Decimal) => `${value.div(B.isZero() ? 1 : B).times(HUNDRED).toDecimalPlaces(4).toFixed()}%`;
    const word = missing.isNegative() ? 'over' : 'short of';
    const written = sources.map((s) => s.rate?.value).filter((r): r is Decimal => r !== undefined);
    const fractions = written.length > 0 && written.every((r) => r.lte(1)) && sum(written).eq(1);
    add('error', 'rates-sum', `${label}rates add up to ${percent(covered)}, ${percent(missing.abs())} (${money(missing.abs())}) ${word} 100%`,
      fractions ? 'rates look like fractions; write 85% for 0.85'
        : rest >= 0 ? 'the other sources leave nothing for the rest' : 'make the rates add up to 100%, or let one source take the rest: national: rest', partner.budget.at);
  }
  if (allDeclared && rest < 0 && !sumsAgree()) {
    const difference = declaredSum().minus(B);
    add('error', 'sum-mismatch', `${label}the declared amounts add up to ${money(declaredSum())}, ${money(difference.abs())} ${difference.isNegative() ? 'less' : 'more'} than the budget ${money(B)}`,
      'check each amount against the document, or the budget', partner.budget.at);
  }

  const { method, result } = outcome;
  if (!result) {
    add('error', outcome.error!.code, `${label}${outcome.error!.message}`, outcome.error!.hint, file.rounding.unit?.at ?? partner.budget.at);
  }
  const computation = result ?? { exact: sources.map(() => ZERO), computed: sources.map(() => ZERO) };
  const bad = new Set(outcome.bad);
  for (const i of bad) {
    const s = sources[i]!;
    const declared = s.amount!;
    const computed = computation.computed[i]!;
    const difference = declared.value.minus(computed);
    add('error', 'share-mismatch',
      `${label}${s.id}: declared ${money(declared.value)}, computed ${money(computed)} (exact ${formatAmount(computation.exact[i]!, unit.decimalPlaces())}), difference ${difference.gt(0) ? '+' : ''}${formatAmount(difference, unit.decimalPlaces())}`,
      explainMismatch({ budget: B, declared: declared.value, computed, exact: computation.exact[i]!, unit }),
      declared.at);
  }
  for (const i of display) {
    const s = sources[i]!;
    const actual = s.amount!.value.div(B).times(HUNDRED).toDecimalPlaces(4);
    add('note', 'rate-display', `${label}${s.id}: ${s.rate!.text} is the declared amount ${money(s.amount!.value)} shown as a rounded rate (${actual.toFixed()}% of the budget)`,
      'the rate is taken as a rounded display of the amount, not a prescribed rate; --strict refuses this', s.rate!.at);
  }
  if (result && !strictMethod && method !== 'largest-remainder' && sources.some((s, i) => s.amount && !isFixed(s, i))) {
    add('note', 'rounding-method', `${label}figures follow ${method}: ${METHOD_NOTES[method]}`, `write rounding: { method: ${method} } to make it binding`, partner.budget.at);
  }
  if (result && strictMethod === 'half-up' && file.rounding.method) {
    const drift = sum(computation.computed).minus(B);
    if (!drift.isZero()) {
      add('warning', 'rounding-drift', `${label}with half-up the shares add up to ${money(sum(computation.computed))}, ${money(drift.abs())} ${drift.isNegative() ? 'less' : 'more'} than the budget`,
        'largest-remainder or fund-down keep the sum exact', file.rounding.method.at);
    }
  }
  sources.forEach((s, i) => {
    const shownRate = s.kind !== 'eu-fund' ? undefined : rateOf(s, i) ?? (B.isZero() ? undefined : computation.computed[i]!.div(B).times(HUNDRED));
    if (shownRate?.gt(EU_RATE_LIMIT)) {
      add('warning', 'eu-rate-high', `${label}${s.id}: EU co-financing rate ${shownRate.toDecimalPlaces(4).toFixed()}% is above 85%`, 'EU funds rarely pay more than 85% (the outermost regions and some Interreg programmes excepted)', s.rate?.at ?? s.amount?.at ?? s.at);
    }
    const amount = s.amount?.value ?? computation.computed[i]!;
    if (result && amount.isZero() && !B.isZero()) add('warning', 'zero-amount', `${label}${s.id}: the source is zero`, 'drop a source that pays nothing, or check its figure', s.amount?.at ?? s.rate?.at ?? s.at);
  });

  const shareChecks: ShareCheck[] = sources.map((s, i) => {
    const computed = computation.computed[i]!;
    const declared = s.amount;
    return {
      id: s.id,
      name: s.name,
      kind: s.kind,
      rate: s.rate?.value,
      derivedRate: !s.rate && !B.isZero() ? computed.div(B).times(HUNDRED).toDecimalPlaces(4) : undefined,
      exact: computation.exact[i]!,
      computed,
      declared,
      difference: declared ? declared.value.minus(computed) : undefined,
      status: bad.has(i) ? 'mismatch' : display.has(i) ? 'rate-display' : declared ? 'ok' : 'undeclared',
    };
  });
  return {
    check: { partner: partner.partner, country: partner.country, budget: partner.budget, currency: file.currency, unit, method, shares: shareChecks, costs: partner.costResult },
    findings,
  };
}

/** Computes a partner's cost categories, if any, and settles its budget. */
function resolvePartner(file: BudgetHeader, partner: PartnerBudget): { resolved: ResolvedPartner; findings: Finding[] } {
  // written out, not spread: this runs twice for each of 100 000 partners
  if (!partner.costs) return { resolved: { partner: partner.partner, country: partner.country, budget: partner.budget!, costs: undefined, funding: partner.funding, at: partner.at, costResult: undefined }, findings: [] };
  const who = file.multi ? partner.partner : undefined;
  const label = who === undefined ? '' : `partner "${who}": `;
  const unit = file.rounding.unit?.value ?? minorUnit(file.currency);
  const costs = computeCosts(partner.costs, unit);
  const findings = costs.problems.map((p) => finding(p.severity, p.code, label + p.message, p.hint, p.at, who));
  const declared = partner.budget;
  const scale = Math.max(unit.decimalPlaces(), ...costs.lines.map((l) => l.amount.decimalPlaces()));
  const money = (value: Decimal) => `${file.currency} ${formatAmount(value, scale)}`;
  if (declared && declared.value.minus(costs.total).abs().gt(tolerance(declared))) {
    const difference = declared.value.minus(costs.total);
    findings.push(finding('error', 'budget-mismatch', `${label}the budget ${money(declared.value)} is ${money(difference.abs())} ${difference.isNegative() ? 'less' : 'more'} than the cost categories, which add up to ${money(costs.total)}`,
      'check the categories and the flat rates against the document, or the budget', declared.at, who));
  }
  const budget: FigureField = declared && findings.every((f) => f.code !== 'budget-mismatch')
    ? declared
    : { value: costs.total, text: costs.total.toFixed(), scale, precision: undefined, currency: undefined, at: partner.costs[0]!.at };
  return { resolved: { ...partner, budget, costResult: costs }, findings };
}

/** What the project checks need of the partners, gathered as they pass. */
interface PartnerTotals {
  listed: number;
  budgets: Decimal;
  slack: Decimal;
  scale: number;
}

/** Project-level checks: partner budgets against project.total and project.partners. */
function checkProject(file: BudgetHeader, totals: PartnerTotals): Finding[] {
  const project = file.project;
  if (!project?.total) return [];
  const findings: Finding[] = [];
  const total = project.total;
  const budgets = totals.budgets;
  const slack = tolerance(total).plus(totals.slack);
  const scale = Math.max(totals.scale, total.scale);
  const money = (value: Decimal) => `${file.currency} ${formatAmount(value, scale)}`;
  const listed = totals.listed;
  const count = project.partners?.value;
  const partnersWord = (n: number) => `${n} partner${n === 1 ? '' : 's'}`;
  if (count !== undefined && listed > count) {
    findings.push(finding('error', 'project-total', `${partnersWord(listed)} listed, but the project has ${count}`, 'correct project.partners or the list of partners', project.partners!.at, undefined));
  }
  const difference = budgets.minus(total.value);
  const complete = count === undefined ? false : listed >= count;
  if (difference.gt(slack)) {
    findings.push(finding('error', 'project-total', `partner budgets add up to ${money(budgets)}, ${money(difference)} more than the project total ${money(total.value)}`, 'a partner budget or the project total is wrong', total.at, undefined));
  } else if (complete && difference.abs().gt(slack)) {
    findings.push(finding('error', 'project-total', `the ${partnersWord(listed)} add up to ${money(budgets)}, ${money(difference.abs())} less than the project total ${money(total.value)}`, 'a partner budget or the project total is wrong', total.at, undefined));
  } else if (!complete && difference.isNegative()) {
    const of = count === undefined ? '' : ` of ${count}`;
    findings.push(finding('note', 'project-unaccounted', `${money(difference.abs())} of the project total ${money(total.value)} is not accounted for by the ${partnersWord(listed)}${of} listed`, count === undefined ? 'write project.partners to check the total once every partner is listed' : 'list the other partners to check the total', total.at, undefined));
  }
  return findings;
}

/** Up to this many partners, a streamed file's checks are kept rather than computed again when read. */
const KEEP_PARTNERS = 1000;

/** Checks a budget file: every partner, then the project. Pure. */
export function checkBudgetFile(file: BudgetFile, options: CheckOptions = {}): FileCheck {
  const result = checkBudgetStream(file, options);
  return { ...result, partners: [...result.partners] };
}

/**
 * Checks a budget file whose partners are read one at a time. The findings
 * are gathered in one pass; the partners' shares are computed again each
 * time the returned list is read, so a large file is never held whole
 * (an array of partners is checked once and kept).
 */
export function checkBudgetStream(file: BudgetStream, options: CheckOptions = {}): FileCheck<List<PartnerCheck>> {
  const method = file.rounding.method?.value;
  const findings: Finding[] = [];
  const duplicates: Finding[] = [];
  const seen = new Set<string>();
  const totals: PartnerTotals = { listed: 0, budgets: ZERO, slack: ZERO, scale: 0 };
  const kept: PartnerCheck[] | undefined = Array.isArray(file.partners) || file.partners.length <= KEEP_PARTNERS ? [] : undefined;
  for (const partner of file.partners) {
    const costs = resolvePartner(file, partner);
    findings.push(...costs.findings);
    const result = checkPartner(file, costs.resolved, method, kept !== undefined);
    findings.push(...result.findings);
    kept?.push(result.check!);
    const budget = costs.resolved.budget;
    totals.listed++;
    totals.budgets = totals.budgets.plus(budget.value);
    if (budget.precision) totals.slack = totals.slack.plus(tolerance(budget));
    totals.scale = Math.max(totals.scale, budget.scale);
    if (partner.partner !== undefined) {
      const key = partner.partner.trim().toLowerCase();
      if (seen.has(key)) duplicates.push(finding('error', 'duplicate-partner', `partner "${partner.partner}" is listed twice`, 'name each partner once; merge or rename the entries', partner.at, partner.partner));
      else seen.add(key);
    }
  }
  findings.push(...duplicates, ...checkProject(file, totals));
  const final = options.strict ? findings.map((f) => ({ ...f, severity: 'error' as const })) : findings;
  const partners: List<PartnerCheck> = kept ?? {
    length: file.partners.length,
    *[Symbol.iterator]() {
      for (const partner of file.partners) yield checkPartner(file, resolvePartner(file, partner).resolved, method).check!;
    },
  };
  return { verdict: final.some((f) => f.severity === 'error') ? 'fail' : 'pass', partners, findings: final };
}
