import { Decimal } from '../decimal.js';
import { minorUnit } from '../currency.js';
import { tolerance } from '../figure.js';
import { pow10, toScaled } from '../scaled.js';
import { unitOfScale } from '../unit.js';
import type { BudgetHeader, FigureField, PartnerBudget } from '../model.js';

/** A source's figures in fixed point (see `PartnerFigures`). */
export interface SourceFigures {
  /** Percent at the partner's rate scale; undefined for fixed and rest sources. */
  rate: bigint | undefined;
  /** Decimals the rate was written with. */
  rateDecimals: number;
  /** The declared amount; undefined when none. */
  declared: bigint | undefined;
  /** Half the precision of an approximate declared amount; 0 when exact. */
  declaredTolerance: bigint;
  /**
   * One unit of the last written digit of a declared amount that is not a whole number of units (0.01 for `10 844.30`
   * at unit 1); 0 otherwise.
   */
  declaredStep: bigint;
  fund: boolean;
  rest: boolean;
}

/**
 * Steps 1 to 3 of the check: a partner's budget, unit, rates and declared
 * amounts as whole numbers of 10^-scale, one scale fine enough that every
 * exact share (budget × rate / 100) and tolerance is a whole number too.
 */
export interface PartnerFigures {
  scale: number;
  /** Decimals of the rates' fixed point; 100% is `whole`. */
  rateScale: number;
  whole: bigint;
  budget: bigint;
  /** Half the precision of an approximate budget; 0 when exact. */
  budgetTolerance: bigint;
  unit: bigint;
  unitDecimal: Decimal;
  sources: SourceFigures[];
  /** Which sources are EU funds, in order. */
  funds: boolean[];
  /** The index of the source that takes the rest, or -1. */
  rest: number;
  /** Every source declares an amount or takes the rest. */
  allDeclared: boolean;
}

/**
 * Step 2: `rounding.unit`, else the coarsest precision of the exact declared amounts, else the currency's minor unit.
 * A partner with no share to compute (fixed amounts alone: no rate, no rest, no periods) has nothing to round: its
 * unit is then the finest precision of its exact figures, the budget's too, and refuses none of them.
 */
export function comparisonUnit(file: BudgetHeader, partner: PartnerBudget): Decimal {
  if (file.rounding.unit) return file.rounding.unit.value;
  // periods split every amount, so a partner with periods computes shares even of fixed amounts
  const computes = partner.periods !== undefined || partner.funding.some((s) => s.rest || s.rate !== undefined);
  let coarsest = -1;
  let finest = -1;
  for (const s of partner.funding) {
    if (!s.amount || s.amount.precision !== undefined) continue;
    if (coarsest < 0 || s.amount.scale < coarsest) coarsest = s.amount.scale;
    finest = Math.max(finest, s.amount.scale);
  }
  if (!computes && finest >= 0) {
    const budget = partner.budget;
    return unitOfScale(budget && budget.precision === undefined ? Math.max(finest, budget.scale) : finest);
  }
  return coarsest >= 0 ? unitOfScale(coarsest) : minorUnit(file.currency);
}

const scaleOf = (value: Decimal) => Math.max(0, value.decimalPlaces());

export function partnerFigures(partner: PartnerBudget & { budget: FigureField }, unit: Decimal): PartnerFigures {
  const sources = partner.funding;
  const budget = partner.budget;
  let rateScale = 0;
  let scale = Math.max(scaleOf(unit), scaleOf(budget.value));
  for (const s of sources) {
    // "0.00%" has two written decimals, none in its value
    if (s.rate) rateScale = Math.max(rateScale, s.rate.scale, scaleOf(s.rate.value));
    if (s.amount) {
      scale = Math.max(scale, scaleOf(s.amount.value));
      if (s.amount.precision) scale = Math.max(scale, scaleOf(tolerance(s.amount)));
    }
  }
  const budgetTolerance = budget.precision ? tolerance(budget) : undefined;
  scale = Math.max(
    scale,
    scaleOf(budget.value) + rateScale + 2,
    budgetTolerance ? scaleOf(budgetTolerance) + rateScale + 2 : 0,
  );
  let rest = -1;
  let allDeclared = true;
  const figures: SourceFigures[] = [];
  // exact at `scale` (no finer than the unit's or any amount's decimals): a declared amount is a whole number of
  // units when its scaled integer is, a BigInt remainder instead of a Decimal one (a tenth of a declared check)
  const unitScaled = toScaled(unit, scale)!;
  for (let i = 0; i < sources.length; i++) {
    const s = sources[i]!;
    if (s.rest) rest = i;
    else if (!s.amount) allDeclared = false;
    const amount = s.amount;
    const declared = amount ? toScaled(amount.value, scale)! : undefined;
    figures.push({
      rate: s.rate ? toScaled(s.rate.value, rateScale)! : undefined,
      rateDecimals: s.rate ? s.rate.scale : 0,
      declared,
      declaredTolerance: amount?.precision ? toScaled(tolerance(amount), scale)! : 0n,
      // trailing zeros past the partner's scale say nothing more: one unit of the scale is as strict
      declaredStep:
        amount && declared !== undefined && (unitScaled === 0n || declared % unitScaled !== 0n)
          ? toScaled(unitOfScale(Math.min(amount.scale, scale)), scale)!
          : 0n,
      fund: s.kind === 'eu-fund',
      rest: s.rest,
    });
  }
  return {
    scale,
    rateScale,
    whole: 100n * pow10(rateScale),
    budget: toScaled(budget.value, scale)!,
    budgetTolerance: budgetTolerance ? toScaled(budgetTolerance, scale)! : 0n,
    unit: unitScaled,
    unitDecimal: unit,
    sources: figures,
    funds: figures.map((s) => s.fund),
    rest,
    allDeclared,
  };
}
