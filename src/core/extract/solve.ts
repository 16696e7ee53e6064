import { Decimal, ZERO, sum } from '../decimal.js';
import type { Candidate, FoundFigure, FoundShare } from './types.js';

/** The same source named twice: keep the first statement, note the second if it differs. */
export function mergeShares(shares: FoundShare[]): FoundShare[] {
  const out: FoundShare[] = [];
  const byId = new Map<string, FoundShare>();
  for (const share of shares) {
    const first = byId.get(share.id);
    if (!first) {
      const kept = { id: share.id, name: share.name, kind: share.kind, rate: share.rate, amount: share.amount, rest: share.rest, line: share.line, context: share.context, checks: share.checks };
      out.push(kept);
      byId.set(share.id, kept);
      continue;
    }
    first.rate ??= share.rate;
    // a summary's rounded figure and the exact one below it ("45.4 million" … "EUR 45,425,212"): the exact one is the statement
    const rounded = first.amount?.approx && share.amount && !share.amount.approx && first.amount.value.minus(share.amount.value).abs().lte(first.amount.value.div(20));
    if (rounded) first.amount = share.amount;
    first.amount ??= share.amount;
    const differs = (a?: FoundFigure, b?: FoundFigure) => a && b && !a.value.eq(b.value);
    if (differs(first.amount, share.amount) || differs(first.rate, share.rate)) {
      first.checks.push(`line ${share.line} states ${share.id} again differently: "${share.context}"`);
    }
  }
  return out;
}

/**
 * Whether the shares add up to a candidate budget, or their rates reproduce it; undefined when nothing can tell.
 * Made once for all candidates: what depends only on the shares is computed here, and the rated shares'
 * conditions |candidate × rate ÷ 100 − amount| ≤ tolerance are one interval of candidates, so a
 * document with many shares and many candidate budgets costs their sum, not their product.
 */
export function reproducer(funding: FoundShare[]): (candidate: Decimal) => boolean | undefined {
  const stated = funding.filter((s) => !s.rest);
  const amounts = stated.map((s) => s.amount);
  const slack = sum(amounts.map((a) => (a?.approx ? a.value.abs().div(20) : ZERO)));
  const total = sum(amounts.map((a) => a?.value ?? ZERO));
  const allStated = stated.length > 0 && amounts.every((a) => a !== undefined);
  const rest = funding.some((s) => s.rest);
  const rated = funding.filter((s) => s.rate && s.amount);
  // candidate × rate ∈ [(amount − tolerance) × 100, (amount + tolerance) × 100]: for rate > 0, candidate ∈ [low ÷ rate, high ÷ rate]
  let lower: { num: Decimal; den: Decimal } | undefined;
  let upper: { num: Decimal; den: Decimal } | undefined;
  let always = true;
  const direct: FoundShare[] = [];
  for (const s of rated) {
    const rate = s.rate!.value;
    const amount = s.amount!;
    const tolerance = amount.approx ? amount.value.div(20) : new Decimal(1);
    if (rate.isZero()) {
      if (amount.value.abs().gt(tolerance)) always = false;
    } else if (rate.isNegative()) {
      direct.push(s);
    } else {
      const low = { num: amount.value.minus(tolerance).times(100), den: rate };
      const high = { num: amount.value.plus(tolerance).times(100), den: rate };
      // fractions with positive denominators compare by cross multiplication, exactly
      if (!lower || low.num.times(lower.den).gt(lower.num.times(low.den))) lower = low;
      if (!upper || high.num.times(upper.den).lt(upper.num.times(high.den))) upper = high;
    }
  }
  return (candidate) => {
    if (allStated && (rest ? total.lte(candidate.plus(slack)) : total.minus(candidate).abs().lte(slack))) return true;
    if (rated.length > 0) {
      return (
        always &&
        (!lower || candidate.times(lower.den).gte(lower.num)) &&
        (!upper || candidate.times(upper.den).lte(upper.num)) &&
        direct.every((s) => candidate.times(s.rate!.value).div(100).minus(s.amount!.value).abs().lte(s.amount!.approx ? s.amount!.value.div(20) : 1))
      );
    }
    return amounts.some((a) => a !== undefined) ? (total.lte(candidate) ? undefined : false) : undefined;
  };
}

export function chooseTotals(candidates: Candidate[], funding: FoundShare[], firstShare: number) {
  const strip = ({ project: _p, offset: _o, basis: _b, ...figure }: Candidate): FoundFigure => figure;
  const reproduces = reproducer(funding);
  const scored = candidates.map((c) => {
    const fit = reproduces(c.value);
    // the shares of EU funding are of the eligible costs: named so, a candidate outranks the total cost
    const score = (fit === true ? 100 : fit === false ? -50 : 0) + (c.basis === 'eligible' ? 8 : 0) + (c.project === false ? 10 : 0) + (c.project === true ? -20 : 0) + (c.offset < firstShare ? 5 : 0) - Math.abs(c.offset - firstShare) / 1e6;
    return { c, fit, score };
  });
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0];
  let budget: FoundFigure | undefined;
  if (best && (best.fit === true || best.c.project !== true || funding.length === 0)) {
    budget = strip(best.c);
    if (best.fit === false) budget.checks = [...budget.checks, 'the shares do not add up to this budget, nor do their rates reproduce it'];
    else if (best.fit === undefined && scored.length > 1) budget.checks = [...budget.checks, 'chosen as the budget by its words and place among several amounts'];
    // never the sum of the shares when a share is in doubt (an inherited currency, an ambiguous number)
  } else if (funding.length > 0 && funding.every((s) => s.amount && s.amount.checks.length === 0 && s.checks.length === 0) && !funding.some((s) => s.rest)) {
    const value = sum(funding.map((s) => s.amount!.value));
    budget = { value, text: '', normal: value.toFixed(), line: funding[0]!.line, column: 1, approx: funding.some((s) => s.amount!.approx), checks: ['the document states no budget: this is the sum of the shares'], context: '' };
  }
  else {
    const rated = funding.find((s) => s.rate && s.amount && !s.rate.value.isZero());
    const derived = rated && rated.amount!.value.times(100).div(rated.rate!.value);
    if (rated && derived!.decimalPlaces() <= 2) {
      budget = { value: derived!, text: '', normal: derived!.toFixed(), line: rated.line, column: 1, approx: rated.amount!.approx, checks: [`the document states no budget: this is ${rated.amount!.text} ÷ ${rated.rate!.text}`], context: '' };
    }
  }
  const rest = scored.filter((s) => s !== best || !budget || budget.text === '').map((s) => s.c).filter((c) => !budget || c.value.gt(budget.value));
  // the total cost above a budget of eligible costs is the project's total ("kopējās izmaksas … attiecināmās izmaksas")
  const project = rest.find((c) => c.project === true) ?? (best?.c.basis === 'eligible' && budget?.text ? rest.find((c) => c.basis === 'cost') : undefined);
  const others = candidates.filter((c) => c !== best?.c && c !== project).map(strip);
  return { budget, projectTotal: project && strip(project), others };
}
