import { Decimal, HUNDRED, ZERO } from '../decimal.js';
import { ROUNDING_METHODS, type RoundingMethod } from '../allocate/index.js';
import { mismatchReasons, reasonsText } from '../explain.js';
import { said, type FindingFigures, type Said } from './said.js';
import { minorUnit } from '../currency.js';
import { unitOfScale } from '../unit.js';
import { abs, fromScaled, toScaled } from '../scaled.js';
import { formatAmount } from '../amount.js';
import type { CostResult } from '../costs.js';
import type { BudgetHeader, FigureField, Located, PartnerBudget } from '../model.js';
import { comparisonUnit, partnerFigures, type PartnerFigures } from './figures.js';
import { finding, messages, moneyAt, rateBounds, shownPercent } from './messages.js';
import { checkEuroFigures } from './euro.js';
import { declaredSum, impliedBudgets, rateDisplays, readFigures, type Reading } from './reading.js';
import type { Finding, FindingCode, PartnerCheck, PartnerShares, Severity, ShareCheck } from './types.js';
import { planPeriods, type PlannedPeriod } from '../periods.js';
import { checkProgramme, checkProgrammeFlatRates } from '../programmes/check.js';

/** A partner whose budget is known: declared, or the sum of its cost categories. */
export type ResolvedPartner = PartnerBudget & { budget: FigureField; costResult: CostResult | undefined };

/** Above this EU co-financing rate, in percent, a warning. */
const EU_RATE_LIMIT = 85n;

/**
 * Checks one partner through the pipeline of README's "What it checks":
 * figures and unit (steps 1–3), a reading of them under the rules (4–8),
 * rate displays and a second reading (9), then the findings (7–12). Pure.
 * Without `wantShares`, only the findings (the first pass over a large file); `wantScaled` adds the shares in fixed
 * point (a streamed report's).
 */
export function checkPartner(
  file: BudgetHeader,
  partner: ResolvedPartner,
  binding: RoundingMethod | undefined,
  wantShares = true,
  wantScaled = false,
): { check: PartnerCheck | undefined; findings: Finding[]; national?: Decimal[]; shares?: PartnerShares } {
  const unit = comparisonUnit(file, partner);
  const f = partnerFigures(partner, unit);
  const methods = binding ? [binding] : ROUNDING_METHODS;
  const sum = declaredSum(f);
  let display: ReadonlySet<number> = new Set();
  let reading = readFigures(f, display, methods);
  // step 9: under a binding rule the rate is prescribed (Jems computes the amounts from it), never a display; and
  // only amounts that add up to the budget bear a display out: a rest states no amount and would absorb any drift
  if (reading.bad.length > 0 && !binding && sum?.agrees) {
    display = rateDisplays(f, reading.bad);
    if (display.size > 0) reading = readFigures(f, display, methods);
  }
  const implied = impliedBudgets(f, reading, sum);
  const findings = quiet(f, reading, display, sum, binding, implied)
    ? []
    : partnerFindings(file, partner, f, reading, display, sum, binding, implied);
  const check = wantShares ? partnerCheck(file, partner, f, reading, display) : undefined;
  const shares = wantScaled ? partnerShares(file, partner, f, reading) : undefined;
  // each source's own figure: its declared amount, else its computed share (euro figures and a table's total row)
  const ownFigures = () => partner.funding.map((s, i) => s.amount?.value ?? fromScaled(reading.computed[i]!, f.scale));
  if (partner.euro) {
    // step 13: each euro figure beside the national one (a source's declared amount, else its computed share)
    const own = ownFigures();
    const national = [
      { id: 'budget', name: 'Budget', amount: partner.budget.value },
      ...partner.funding.map((s, i) => ({ id: s.id, name: s.name, amount: own[i]! })),
    ];
    const euro = checkEuroFigures(file.currency, partner.euro, national, file.multi ? partner.partner : undefined);
    findings.push(...euro.findings);
    if (check) check.euro = euro.checks;
  }
  if (file.programme) {
    // step 15: the programme's maximum rate for the partner's category (core/programmes)
    const who = file.multi ? partner.partner : undefined;
    const label = who === undefined ? '' : `partner "${who}": `;
    const B = partner.budget.value;
    const funds = partner.funding.flatMap((s, i) =>
      s.kind !== 'eu-fund'
        ? []
        : [
            {
              id: s.id,
              // a fund without a prescribed rate: its computed share of the budget
              rate:
                s.rate && !reading.fixed[i]
                  ? s.rate.value
                  : B.isZero()
                    ? ZERO
                    : fromScaled(reading.computed[i]!, f.scale).times(HUNDRED).div(B),
              at: s.rate?.at ?? s.amount?.at ?? s.at,
            },
          ],
    );
    for (const p of checkProgramme(file.programme.profile, partner.category?.value, funds, file.programme.at))
      findings.push(finding(p.severity, p.code, label + p.message, p.hint, p.at, who, p.said));
    // the flat rates the programme allows, at each flat rate
    for (const p of checkProgrammeFlatRates(file.programme.profile, partner.costs ?? []))
      findings.push(finding(p.severity, p.code, label + p.message, p.hint, p.at, who, p.said));
  }
  if (partner.periods) {
    const planned = planPartner(file, partner, f, reading, sum, implied);
    findings.push(...planned.findings);
    if (check && planned.periods) check.periods = planned.periods;
    if (shares && planned.periods) shares.periods = planned.periods;
  }
  // a table's total row is held to each source's own figure
  const national = file.project?.sources ? ownFigures() : undefined;
  const result: ReturnType<typeof checkPartner> = national ? { check, findings, national } : { check, findings };
  if (shares) result.shares = shares;
  return result;
}

/**
 * Step 14: the budget per reporting period (core/periods.ts), each period but
 * the last split by the partner's rule at its unit, the last the remainder of
 * the partner's shares. Only when the partner's shares come from its rates:
 * a warning says why the periods are not planned otherwise.
 */
function planPartner(
  file: BudgetHeader,
  partner: ResolvedPartner,
  f: PartnerFigures,
  r: Reading,
  sum: ReturnType<typeof declaredSum>,
  implied: ReturnType<typeof impliedBudgets>,
): { periods: PlannedPeriod[] | undefined; findings: Finding[] } {
  const who = file.multi ? partner.partner : undefined;
  const label = who === undefined ? '' : `partner "${who}": `;
  const decimals = Math.max(0, f.unitDecimal.decimalPlaces());
  const money = moneyAt(file.currency, decimals);
  const planned = r.byRule && r.budgetWhole && (r.coverage === 'exact' || r.coverage === 'within-tolerance');
  const at = partner.periods?.[0]?.at ?? partner.at;
  /** The periods left unplanned, and why: one warning. */
  const unchecked = (why: string, hint: string, figures: FindingFigures['periods-unchecked']) => ({
    periods: undefined,
    findings: [
      finding(
        'warning',
        'periods-unchecked',
        `${label}the periods are not planned: ${why}`,
        hint,
        at,
        who,
        said('periods-unchecked', figures),
      ),
    ],
  });
  // a source given as an amount (or a rate read as a display of it) is planned in proportion to the periods
  if (!planned)
    return unchecked(
      "the partner's shares do not follow from its rates",
      'give every source a rate (one may take the rest), and fix the errors above',
      { reason: 'rates' },
    );
  const basis = planBasis(partner, f, r, sum, implied);
  const budgetText = `${file.currency} ~${formatAmount(partner.budget.value, Math.max(0, partner.budget.scale))}`;
  if (basis === undefined)
    return unchecked(
      `the approximate budget ${budgetText} is no exact figure to split, ` +
        'and the declared amounts accepted beside it do not state one',
      "write the exact budget, or declare every source's amount (none taking the rest): " +
        'the periods are then planned on their sum',
      { reason: 'approximate', budget: partner.budget.value, currency: file.currency },
    );
  const notes: Finding[] = [];
  if (basis !== 'as-computed') {
    const total = fromScaled(basis.budget, f.scale);
    notes.push(
      finding(
        'note',
        'periods-budget-implied',
        `${label}the periods are planned on ${money(total)}, the declared amounts' sum, ` +
          `not on the approximate budget ${budgetText}`,
        `write budget: ${total.toFixed()} if that is the exact budget`,
        partner.budget.at,
        who,
        said('periods-budget-implied', {
          planned: { value: total, currency: file.currency, decimals },
          budget: partner.budget.value,
        }),
      ),
    );
  }
  const budget = basis === 'as-computed' ? partner.budget.value : fromScaled(basis.budget, f.scale);
  const shareOf = (i: number) => fromScaled(basis === 'as-computed' ? r.computed[i]! : basis.shares[i]!, f.scale);
  const costs = partner.costResult
    ? {
        lines: partner.costs ?? [],
        amounts: new Map(partner.costResult.lines.map((l) => [l.category, l.amount] as const)),
      }
    : undefined;
  const result = planPeriods({
    budget,
    costs,
    sources: partner.funding.map((s, i) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      rate: s.rate?.value,
      rest: s.rest,
      fixed: r.fixed[i],
      share: shareOf(i),
    })),
    unit: f.unitDecimal,
    method: r.method,
    periods: partner.periods!,
    money,
    currency: file.currency,
    decimals,
    unitFrom: unitSource(file, partner),
  });
  return {
    periods: result.periods,
    findings: [
      ...notes,
      ...result.problems.map((p) => finding('error', p.code, label + p.message, p.hint, p.at, who, p.said)),
    ],
  };
}

/**
 * What the periods of an approximate budget are planned on (trial 8, F2): its shares as computed when every declared
 * amount is its computed share; else the declared amounts themselves and their sum, when every source declares an
 * exact one at the unit, none takes the rest and the check accepted them; else nothing (the periods are unchecked):
 * a plan on the nominal figure would ask for period figures that contradict the accepted totals.
 */
function planBasis(
  partner: ResolvedPartner,
  f: PartnerFigures,
  r: Reading,
  sum: ReturnType<typeof declaredSum>,
  implied: ReturnType<typeof impliedBudgets>,
): 'as-computed' | { budget: bigint; shares: bigint[] } | undefined {
  if (!partner.budget.precision) return 'as-computed';
  if (f.sources.every((s, i) => s.declared === undefined || s.declared === r.computed[i])) return 'as-computed';
  if (!sum?.agrees || implied || r.bad.length > 0) return undefined;
  if (!f.sources.every((s) => s.declaredTolerance === 0n && s.declared !== undefined && s.declared % f.unit === 0n))
    return undefined;
  // a budget of cost categories is their sum: another budget would leave the categories' periods apart from it
  if (partner.costResult && toScaled(partner.costResult.total, f.scale) !== sum.sum) return undefined;
  return { budget: sum.sum, shares: f.sources.map((s) => s.declared ?? 0n) };
}

/** Where the partner's unit comes from, for a budget-unit hint: `rounding.unit`, its declared amounts, its currency. */
function unitSource(file: BudgetHeader, partner: ResolvedPartner): 'rounding' | 'amounts' | 'currency' {
  if (file.rounding.unit) return 'rounding';
  return partner.funding.some((s) => s.amount && !s.amount.precision) ? 'amounts' : 'currency';
}

/**
 * The common partner: nothing to say. Integer tests only, so that a large file of agreeing partners makes no Decimal.
 */
function quiet(
  f: PartnerFigures,
  r: Reading,
  display: ReadonlySet<number>,
  sum: ReturnType<typeof declaredSum>,
  binding: RoundingMethod | undefined,
  implied: ReturnType<typeof impliedBudgets>,
): boolean {
  if (!r.byRule || r.bad.length > 0 || display.size > 0 || (sum && !sum.agrees) || implied) return false;
  if (f.budget === 0n) return false; // the zero-budget warning
  if (r.method !== 'largest-remainder' && !binding) return false;
  const B = f.budget;
  let total = 0n;
  for (let i = 0; i < f.sources.length; i++) {
    const s = f.sources[i]!;
    const computed = r.computed[i]!;
    total += computed;
    if (computed < 0n) return false;
    if (B !== 0n && (s.declared ?? computed) === 0n) return false;
    if (
      s.fund &&
      (r.fixed[i] || s.rest ? computed * 100n > EU_RATE_LIMIT * B : s.rate! * 100n > EU_RATE_LIMIT * f.whole)
    )
      return false;
  }
  return total === B && fundsTogetherHigh(f, r) === undefined;
}

/** What two or more EU funds pay together when it passes the limit (step 12); undefined otherwise. */
function fundsTogetherHigh(f: PartnerFigures, r: Reading): bigint | undefined {
  let funds = 0;
  let together = 0n;
  for (let i = 0; i < f.sources.length; i++) {
    if (!f.sources[i]!.fund) continue;
    funds++;
    together += r.computed[i]!;
  }
  return funds > 1 && f.budget > 0n && together * 100n > EU_RATE_LIMIT * f.budget ? together : undefined;
}

function partnerFindings(
  file: BudgetHeader,
  partner: ResolvedPartner,
  f: PartnerFigures,
  r: Reading,
  display: ReadonlySet<number>,
  sum: ReturnType<typeof declaredSum>,
  binding: RoundingMethod | undefined,
  implied: ReturnType<typeof impliedBudgets>,
): Finding[] {
  const who = file.multi ? partner.partner : undefined;
  const label = who === undefined ? '' : `partner "${who}": `;
  const findings: Finding[] = [];
  const add = (
    severity: Severity,
    code: FindingCode,
    text: { message: string; hint: string | undefined; said?: Said },
    at: Located | undefined,
  ) => findings.push(finding(severity, code, text.message, text.hint, at, who, text.said));
  const S = f.scale;
  const dec = (value: bigint) => fromScaled(value, S);
  const unit = f.unitDecimal;
  const decimals = Math.max(0, unit.decimalPlaces());
  const money = moneyAt(file.currency, decimals);
  const sources = partner.funding;
  const B = partner.budget.value;

  if (!r.budgetWhole) {
    // the currency's minor unit where it divides the budget, else the budget's own last digit
    const minor = minorUnit(file.currency);
    const finer = B.mod(minor).isZero() ? minor : unitOfScale(B.decimalPlaces());
    const unitFrom = unitSource(file, partner);
    add(
      'error',
      'budget-unit',
      messages.budgetUnit(label, partner.budget, unit, finer, unitFrom, file.currency, file.table),
      file.rounding.unit?.at ?? partner.budget.at,
    );
  }
  for (const i of r.offUnit) {
    const amount = sources[i]?.amount;
    if (amount === undefined) continue; // a source off the unit is a fixed amount
    add(
      'error',
      'amount-unit',
      messages.amountUnit(label, sources[i]?.id ?? '', amount.value, amount.text.trim(), unit, file.table),
      amount.at,
    );
  }
  const anyRated = f.sources.some((s, i) => !r.fixed[i] && !s.rest);
  // Amounts alone that miss the budget are step 8's sum-mismatch: said once.
  if ((r.coverage === 'short' || r.coverage === 'over') && (anyRated || !sum)) {
    const anyFixed = r.fixed.some(Boolean);
    const covered =
      !anyFixed || B.isZero()
        ? fromScaled(r.ratesSum, f.rateScale)
        : dec(f.budget - r.missing)
            .div(B)
            .times(HUNDRED);
    const missing = HUNDRED.minus(covered);
    const missingAmount = anyFixed ? dec(r.missing).abs() : B.times(missing).div(HUNDRED).abs();
    add(
      'error',
      'rates-sum',
      messages.ratesSum(label, covered, missing, money, missingAmount, f.rest >= 0, file.table),
      partner.budget.at,
    );
  }
  // a zero budget checks nothing: a warning (an associated partner may have none);
  // declared shares above it fail below
  if (B.isZero()) add('warning', 'zero-budget', messages.zeroBudget(label), partner.budget.at);
  if (sum && !sum.agrees) {
    // at the finest written digits: 12 758.10, not 12 758.1
    const total = dec(sum.sum);
    let written = Math.max(decimals, total.decimalPlaces());
    for (const s of f.sources)
      if (s.declaredStep > 0n) written = Math.max(written, dec(s.declaredStep).decimalPlaces());
    const at = moneyAt(file.currency, written);
    add(
      'error',
      'sum-mismatch',
      messages.sumMismatch(
        label,
        at,
        total,
        B,
        partner.budget.precision !== undefined,
        file.table ? rateLikeCell(partner.funding, B) : undefined,
      ),
      partner.budget.at,
    );
  }
  for (const i of r.bad) {
    const declared = sources[i]!.amount!;
    const computed = dec(r.computed[i]!);
    const exact = dec(r.exact[i]!);
    const message = messages.shareMismatch(label, sources[i]!.id, money, decimals, declared.value, computed, exact);
    // the declared amount's share of the budget keeps its side of the written rate (rateBounds)
    const mismatch = { budget: B, declared: declared.value, computed, exact, unit, rate: sources[i]?.rate };
    const scaled = {
      scale: S,
      budget: f.budget,
      declared: f.sources[i]!.declared!,
      computed: r.computed[i]!,
      exact: r.exact[i]!,
      unit: f.unit,
    };
    const reasons = mismatchReasons(mismatch, scaled);
    add(
      'error',
      'share-mismatch',
      {
        message,
        hint: reasonsText(reasons),
        said: messages.shareMismatchSaid(sources[i]!.id, money, declared.value, computed, exact, reasons),
      },
      declared.at,
    );
  }
  if (implied) {
    // each rated source's budget: its amount ÷ its rate × 100, at the unit and two decimals more
    const places = decimals + 2;
    const each = implied.sources.flatMap((i) => {
      const source = sources[i];
      const amount = source?.amount;
      const rate = source?.rate?.value;
      // a rated source with a declared amount, as impliedBudgets chose it
      if (source === undefined || amount === undefined || rate === undefined) return [];
      return {
        id: source.id,
        amount: amount.value,
        amountScale: amount.scale,
        approximate: amount.precision !== undefined,
        rate,
        budget: rate.isZero()
          ? undefined
          : amount.value.times(HUNDRED).div(rate).toDecimalPlaces(places, Decimal.ROUND_HALF_UP),
      };
    });
    const tolerance = dec(f.budgetTolerance);
    add(
      'error',
      'budget-implied-mismatch',
      messages.budgetImpliedMismatch(label, {
        sources: each,
        decimals: places,
        sum: implied.sum === undefined ? undefined : dec(implied.sum),
        budget: B,
        budgetDecimals: B.isInteger() ? 0 : decimals,
        currency: file.currency,
        low: B.minus(tolerance),
        high: B.plus(tolerance),
      }),
      partner.budget.at,
    );
  }
  for (const i of display) {
    const s = sources[i]!;
    const rate = s.rate!;
    // the amount's share, never shown on an end of the written rate's rounding (84.99499%, not 84.995%, for 84,99%)
    const actual = shownPercent(s.amount!.value.div(B).times(HUNDRED), rateBounds(rate));
    add('note', 'rate-display', messages.rateDisplay(label, s.id, rate.text, money, s.amount!.value, actual), rate.at);
  }
  if (
    r.byRule &&
    !binding &&
    r.method !== 'largest-remainder' &&
    f.sources.some((s, i) => s.declared !== undefined && !r.fixed[i])
  ) {
    add('note', 'rounding-method', messages.roundingMethod(label, r.method, file.table), partner.budget.at);
  }
  if (r.budgetWhole && r.offUnit.length === 0 && r.coverage !== 'short' && r.coverage !== 'over') {
    let total = 0n;
    for (const c of r.computed) total += c;
    // The tolerances excuse what the figures as written leave of the budget (step 4), never the rule's own rounding:
    // the computed shares may miss the budget by no more than the exact ones do (a rest takes what they leave).
    const unexplained = f.rest >= 0 ? 0n : abs(r.missing);
    if (abs(total - f.budget) > unexplained) {
      add(
        'warning',
        'rounding-drift',
        messages.roundingDrift(label, r.method, money, dec(total), dec(total - f.budget)),
        file.rounding.method?.at ?? partner.budget.at,
      );
    }
    // The others rounded up past the budget: a rest below zero is no split anyone can pay.
    const restShare = f.rest >= 0 ? r.computed[f.rest]! : 0n;
    if (restShare < 0n) {
      const rest = sources[f.rest]!;
      add(
        'error',
        'rest-negative',
        messages.restNegative(label, rest.id, r.method, money, dec(restShare), file.table),
        rest.at ?? file.rounding.method?.at ?? partner.budget.at,
      );
    }
  }
  sources.forEach((s, i) => {
    const fig = f.sources[i]!;
    const computed = r.computed[i]!;
    if (fig.fund) {
      const prescribed = !r.fixed[i] && !fig.rest;
      const high = prescribed
        ? fig.rate! * 100n > EU_RATE_LIMIT * f.whole
        : f.budget > 0n && computed * 100n > EU_RATE_LIMIT * f.budget;
      if (high) {
        const rate = prescribed ? s.rate!.value : dec(computed).div(B).times(HUNDRED);
        add('warning', 'eu-rate-high', messages.euRateHigh(label, s.id, rate), s.rate?.at ?? s.amount?.at ?? s.at);
      }
    }
    if (f.budget !== 0n && (fig.declared ?? computed) === 0n)
      add('warning', 'zero-amount', messages.zeroAmount(label, s.id), s.amount?.at ?? s.rate?.at ?? s.at);
  });
  const together = findings.some((x) => x.code === 'eu-rate-high') ? undefined : fundsTogetherHigh(f, r);
  if (together !== undefined) {
    const ids = sources.filter((_, i) => f.sources[i]!.fund).map((s) => s.id);
    add(
      'warning',
      'eu-rate-high',
      messages.euRateHigh(label, ids.join(' + '), dec(together).div(B).times(HUNDRED)),
      partner.budget.at,
    );
  }
  return findings;
}

/**
 * The partner's shares for a streamed report, in fixed point: `partnerCheck`'s computed amounts without their
 * Decimals (its share is the declared amount itself, a negative zero kept, when a fixed amount is its exact share).
 */
function partnerShares(file: BudgetHeader, partner: ResolvedPartner, f: PartnerFigures, r: Reading): PartnerShares {
  let negativeZero: number[] | undefined;
  for (let i = 0; i < r.computed.length; i++) {
    const amount = partner.funding[i]?.amount?.value;
    if (r.computed[i] === 0n && r.fixed[i] && r.exact[i] === 0n && amount?.isZero() && amount.isNegative())
      (negativeZero ??= []).push(i);
  }
  return {
    partner: partner.partner,
    country: partner.country,
    budget: partner.budget,
    currency: file.currency,
    unit: f.unitDecimal,
    scale: f.scale,
    budgetScaled: f.budget,
    sources: partner.funding,
    computed: r.computed,
    negativeZero,
    costs: partner.costResult,
  };
}

/** The partner's shares for the report, amounts as Decimals. */
function partnerCheck(
  file: BudgetHeader,
  partner: ResolvedPartner,
  f: PartnerFigures,
  r: Reading,
  display: ReadonlySet<number>,
): PartnerCheck {
  const S = f.scale;
  const B = f.budget;
  const bad = new Set(r.bad);
  const shares: ShareCheck[] = partner.funding.map((s, i) => {
    const value = r.computed[i]!;
    const fixedAmount = r.fixed[i] ? s.amount!.value : undefined;
    const exact = fixedAmount ?? fromScaled(r.exact[i]!, S);
    let derivedRate: Decimal | undefined;
    if (!s.rate && B > 0n) {
      // value ÷ budget × 100, half up at four decimals
      const numerator = abs(value) * 1_000_000n;
      const quotient = numerator / B;
      const rounded = (numerator - quotient * B) * 2n >= B ? quotient + 1n : quotient;
      derivedRate = fromScaled(value < 0n ? -rounded : rounded, 4);
    }
    const declared = f.sources[i]!.declared;
    return {
      id: s.id,
      name: s.name,
      kind: s.kind,
      rate: s.rate?.value,
      derivedRate,
      exact,
      computed: value === r.exact[i] ? exact : fromScaled(value, S),
      declared: s.amount,
      difference: declared === undefined ? undefined : declared === value ? ZERO : fromScaled(declared - value, S),
      status: bad.has(i) ? 'mismatch' : display.has(i) ? 'rate-display' : s.amount ? 'ok' : 'undeclared',
      at: s.at,
    };
  });
  return {
    partner: partner.partner,
    country: partner.country,
    budget: partner.budget,
    currency: file.currency,
    unit: f.unitDecimal,
    method: r.method,
    shares,
    costs: partner.costResult,
    at: partner.at,
  };
}

/**
 * A table's amount cell that may be a rate written without %: a whole number from 1 to 100 with no currency, where the
 * row's amounts read as rates make 100%, or the budget is at least 100 times the cell. Only for a hint: the cell stays
 * an amount.
 */
function rateLikeCell(funding: PartnerBudget['funding'], budget: Decimal): { id: string; text: string } | undefined {
  const amounts = funding.filter((s) => s.amount !== undefined && s.amount.currency === undefined);
  const rateLike = (v: Decimal) => v.isInteger() && v.gt(0) && v.lte(HUNDRED);
  const first = amounts.find((s) => rateLike(s.amount?.value ?? ZERO));
  if (!first?.amount) return undefined;
  const rates = funding.filter((s) => s.rate !== undefined).map((s) => s.rate?.value ?? ZERO);
  const asRates = [...amounts.map((s) => s.amount?.value ?? ZERO), ...rates];
  const makes100 =
    amounts.every((s) => rateLike(s.amount?.value ?? ZERO)) && asRates.reduce((a, v) => a.plus(v), ZERO).eq(HUNDRED);
  if (makes100 || budget.gte(first.amount.value.times(HUNDRED)))
    return { id: first.id, text: first.amount.value.toFixed() };
  return undefined;
}
