import { Decimal, ZERO, sum } from '../decimal.js';
import type { Candidate, FoundFigure, FoundShare } from './types.js';

/** The same source named twice: keep the first statement, note the second if it differs. */
export function mergeShares(shares: FoundShare[]): FoundShare[] {
  const out: FoundShare[] = [];
  const byId = new Map<string, FoundShare>();
  for (const share of shares) {
    const first = byId.get(share.id);
    if (!first) {
      const kept = {
        id: share.id,
        name: share.name,
        kind: share.kind,
        rate: share.rate,
        amount: share.amount,
        rest: share.rest,
        line: share.line,
        context: share.context,
        checks: share.checks,
      };
      out.push(kept);
      byId.set(share.id, kept);
      continue;
    }
    first.rate ??= share.rate;
    // a summary's rounded figure and the exact one below it ("45.4 million" … "EUR 45,425,212"): the exact one is the
    // statement
    const rounded =
      first.amount?.approx &&
      share.amount &&
      !share.amount.approx &&
      first.amount.value.minus(share.amount.value).abs().lte(first.amount.value.div(20));
    if (share.amended && share.amount && first.amount && !first.amount.value.eq(share.amount.value)) {
      // "palielinot ERAF finansējumu līdz 77 603,30 EUR": the amended figure is the statement, the first one its
      // history
      first.checks.push(`line ${share.line} amends ${share.id} from ${first.amount.text} to ${share.amount.text}`);
      first.amount = share.amount;
      first.line = share.line;
      continue;
    }
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
  // candidate × rate ∈ [(amount − tolerance) × 100, (amount + tolerance) × 100]: for rate > 0, candidate ∈ [low ÷ rate,
  // high ÷ rate]
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
      // a rate written with decimals (43,6 %, 49,67 %) is a rounded display of amount ÷ budget: it holds within half
      // its last digit; a whole rate (85 %) is taken as exact
      const places = rate.decimalPlaces();
      const half = places > 0 ? new Decimal(5).div(new Decimal(10).pow(places + 1)) : new Decimal(0);
      const low = { num: amount.value.minus(tolerance).times(100), den: rate.plus(half) };
      const high = { num: amount.value.plus(tolerance).times(100), den: rate.minus(half) };
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
        direct.every((s) =>
          candidate
            .times(s.rate!.value)
            .div(100)
            .minus(s.amount!.value)
            .abs()
            .lte(s.amount!.approx ? s.amount!.value.div(20) : 1),
        )
      );
    }
    return amounts.some((a) => a !== undefined) ? (total.lte(candidate) ? undefined : false) : undefined;
  };
}

/**
 * Whether the shares' stated rates leave room for their sum to be the whole budget: no rate stated,
 * or the rates of all shares add up to 100% (a lone "50% of the eligible costs" is half a budget,
 * never the whole of it).
 */
function ratesCoverAll(funding: FoundShare[]): boolean {
  const rated = funding.filter((s) => s.rate);
  if (rated.length === 0) return true;
  if (rated.length < funding.length) return false;
  return sum(rated.map((s) => s.rate!.value))
    .minus(100)
    .abs()
    .lte(0.5);
}

/** A total named as the project's (its value, its costs) in the EU languages: "projekto vertė", "project value". */
const WHOLE_PROJECT = /(?:projek|project|projet|progett|proyect|projekt)/iu;

export function chooseTotals(candidates: Candidate[], funding: FoundShare[], firstShare: number, currency = 'EUR') {
  const strip = ({
    project: _p,
    offset: _o,
    basis: _b,
    costs: _c,
    sentence: _s,
    received: _r,
    ...figure
  }: Candidate): FoundFigure => figure;
  const reproduces = reproducer(funding);
  // a budget below one of its own shares is no budget of these shares (a table that splits one fund's
  // allocation by priority, "Total 72" in m EUR under "72m EUR from the ERDF"): such a figure stays context
  const largest = funding.reduce<FoundFigure | undefined>(
    (top, s) => (!s.rest && s.amount && (!top || s.amount.value.gt(top.value)) ? s.amount : top),
    undefined,
  );
  // …and one no more than an exact share, where another share states a figure of its own, is that share restated
  // ("Région : 150 000 €" in a summary, then "une subvention de 150 000 €"), no budget of all of them
  const alongside =
    funding.filter((s) => !s.rest && ((s.rate && s.rate.value.gt(0)) || (s.amount && s.amount.value.gt(0)))).length > 1;
  const possible = (c: Candidate) =>
    !largest ||
    (largest.approx || !alongside
      ? c.value.plus(largest.approx ? largest.value.div(20) : 1).gte(largest.value)
      : c.value.gt(largest.value));
  const scored = candidates.filter(possible).map((c) => {
    const fit = reproduces(c.value);
    // the shares of EU funding are of the eligible costs: named so, a candidate outranks the total cost
    const score =
      (fit === true ? 100 : fit === false ? -50 : 0) +
      (c.basis === 'eligible' ? 8 : 0) +
      (c.project === false ? 10 : 0) +
      (c.project === true ? -20 : 0) +
      (c.offset < firstShare ? 5 : 0) +
      // a figure in another currency is the budget only when nothing in the document's currency is
      (c.currency !== undefined && c.currency !== currency ? -200 : 0) -
      Math.abs(c.offset - firstShare) / 1e6;
    return { c, fit, score };
  });
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0];
  let budget: FoundFigure | undefined;
  // costs that the rates contradict and nothing fits ("izmaksas 2388 eiro … 10 procenti – 197,35 eiro"): the rates are
  // of
  // another base (the costs without VAT), so those costs are the project's total, and the budget is not stated
  const otherBase =
    best?.fit === false &&
    best.c.costs === true &&
    !scored.some((s) => s.fit === true) &&
    funding.some((s) => s.rate && s.amount && !s.rate.value.isZero()) &&
    // one share whose rate reproduces its amount from these costs makes them the base: another figure is wrong, which
    // check tells ("kopējās izmaksas 100 000 … 85% – 85 000 … 15% – 16 000")
    !funding.some((s) => s.rate && s.amount && !s.rate.value.isZero() && reproducer([s])(best.c.value) === true);
  if (otherBase) {
    const project = strip(best.c);
    project.checks = [
      ...project.checks,
      "the shares' rates do not reproduce these costs: read as the project's total, " +
        "of which the rates' base is not stated",
    ];
    return {
      budget: undefined,
      projectTotal: project,
      others: candidates.filter((c) => c !== best.c).map(strip),
      score: best.score,
    };
  }
  if (best && (best.fit === true || best.c.project !== true || funding.length === 0)) {
    budget = strip(best.c);
    if (best.fit === false)
      budget.checks = [...budget.checks, 'the shares do not add up to this budget, nor do their rates reproduce it'];
    else if (best.fit === undefined && scored.length > 1)
      budget.checks = [...budget.checks, 'chosen as the budget by its words and place among several amounts'];
    // "the municipality will receive EUR 500 000": the project's amount, or only its grant; the shares did not tell
    if (best.fit !== true && best.c.received)
      budget.checks = [
        ...budget.checks,
        `read as the budget because the words say ${best.c.received} receives it; it may be only a grant`,
      ];
    // never the sum of the shares when a share is in doubt (an inherited currency, an ambiguous number)
  } else if (
    funding.length > 0 &&
    funding.every((s) => s.amount && s.amount.checks.length === 0 && s.checks.length === 0) &&
    !funding.some((s) => s.rest) &&
    ratesCoverAll(funding)
  ) {
    const value = sum(funding.map((s) => s.amount!.value));
    budget = {
      value,
      text: '',
      normal: value.toFixed(),
      line: funding[0]!.line,
      column: 1,
      approx: funding.some((s) => s.amount!.approx),
      checks: ['the document states no budget: this is the sum of the shares'],
      context: '',
    };
  } else {
    const rated = funding.find((s) => s.rate && s.amount && !s.rate.value.isZero());
    const derived = rated && rated.amount!.value.times(100).div(rated.rate!.value);
    if (rated && derived!.decimalPlaces() <= 2) {
      budget = {
        value: derived!,
        text: '',
        normal: derived!.toFixed(),
        line: rated.line,
        column: 1,
        approx: rated.amount!.approx,
        checks: [`the document states no budget: this is ${rated.amount!.text} ÷ ${rated.rate!.text}`],
        context: '',
        ...(rated.amount!.currency ? { currency: rated.amount!.currency } : {}),
      };
    }
  }
  const rest = scored
    .filter((s) => s !== best || !budget || budget.text === '')
    .map((s) => s.c)
    .filter((c) => !budget || c.value.gt(budget.value));
  // the total cost above a budget of eligible costs is the project's total ("kopējās izmaksas … attiecināmās izmaksas")
  // …and so is a larger total stated before the budget, when the budget is a part of it ("Bendra projekto vertė – 543
  // 262,45 eurų. Biržams tenkanti dalis – 131 641,48 eurų (…)", "kopējās izmaksas ir 919 000 eiro … Siltināšana
  // izmaksās 479 000 eiro, 85% šo izdevumu …"): the whole, of which the document's shares split one part
  const project =
    rest.find((c) => c.project === true) ??
    (best?.c.basis === 'eligible' && budget?.text ? rest.find((c) => c.basis === 'cost') : undefined) ??
    (best && budget?.text
      ? rest.find(
          (c) =>
            c.offset < best.c.offset &&
            ((c.project === false && c.basis === 'cost') || (c.basis === undefined && WHOLE_PROJECT.test(c.context))),
        )
      : undefined);
  const others = candidates.filter((c) => c !== best?.c && c !== project).map(strip);
  return {
    budget,
    projectTotal: project && strip(project),
    others,
    // a reading whose shares outgrow every candidate budget the document states reads the shares wrongly
    score: best?.score ?? (candidates.length > 0 ? -50 : 0),
  };
}

/**
 * How well the shares' rates agree with a budget: each rated share whose
 * rate × budget gives its amount, within half the rate's last written digit
 * (`56.12%` of 7 132 188,68 is 4 002 584 ± 357), counts for the reading;
 * one that does not counts against it.
 */
function rateAgreement(funding: FoundShare[], budget: Decimal | undefined): number {
  if (!budget) return 0;
  let score = 0;
  for (const s of funding) {
    if (!s.rate || !s.amount || s.rest) continue;
    const exact = budget.times(s.rate.value).div(100);
    const rateSlack = budget.times(new Decimal(5).div(new Decimal(10).pow(s.rate.value.decimalPlaces() + 1))).div(100);
    const tolerance = Decimal.max(1, rateSlack, s.amount.approx ? s.amount.value.div(20) : 0);
    score += exact.minus(s.amount.value).abs().lte(tolerance) ? 10 : -30;
  }
  return score;
}

/**
 * The readings of one source stated more than once with different figures: each statement with an amount, its rate
 * taken from another statement when it has none.
 */
function statementsOf(statements: FoundShare[]): FoundShare[] {
  const rateOnly = statements.find((s) => s.rate && !s.amount);
  // the first rate stated with each amount, and the options seen: one pass, as a text may repeat a source 30 000 times
  const rateWith = new Map<string, FoundShare['rate']>();
  for (const o of statements) {
    const amount = o.amount?.value.toFixed();
    if (o.rate && amount !== undefined && !rateWith.has(amount)) rateWith.set(amount, o.rate);
  }
  const options: FoundShare[] = [];
  const seen = new Set<string>();
  for (const s of statements) {
    if (!s.amount) continue;
    const amount = s.amount.value.toFixed();
    // a statement without a rate takes the rate of one that states the same amount with it, else of a rate alone
    const rate = s.rate ?? rateWith.get(amount) ?? rateOnly?.rate;
    const option = `${amount}|${rate?.value.toFixed() ?? ''}`;
    if (seen.has(option)) continue;
    seen.add(option);
    options.push({ ...s, rate, checks: [...s.checks] });
  }
  return options;
}

const MAX_READINGS = 64;

/**
 * A source's other statement whose figure the reading's shares add up to exactly ("the ERDF programme will see €500m
 * invested … €300m from the ERDF and €200m from the Government"): the whole the fund's programme spends, a candidate
 * budget of that reading, in doubt. Only when every share of the reading states an amount, two or more.
 */
function restatedTotals(funding: FoundShare[], byId: Map<string, FoundShare[]>, firstShare: number): Candidate[] {
  if (funding.length < 2 || funding.some((s) => s.rest || !s.amount)) return [];
  const total = sum(funding.map((s) => s.amount?.value ?? ZERO));
  const out: Candidate[] = [];
  for (const share of funding) {
    for (const other of byId.get(share.id) ?? []) {
      if (!other.amount || !other.amount.value.eq(total) || other.amount.value.eq(share.amount?.value ?? ZERO))
        continue;
      const offset = 'offset' in other && typeof other.offset === 'number' ? other.offset : firstShare;
      out.push({
        ...other.amount,
        checks: [
          ...other.amount.checks,
          `stated as ${share.id}'s on line ${other.amount.line}, but the shares add up to it: read as the budget`,
        ],
        project: undefined,
        offset,
      });
    }
  }
  return out;
}

/**
 * The choice among readings: when a source is stated more than once with
 * different figures (a summary and the full split, a header and a sentence,
 * a programme's total and one project's), every combination of statements
 * is a reading, beside the plain one (first statement first); each is scored
 * by the budget it finds (the shares add up to it, their rates reproduce it)
 * and by how its rates agree with that budget. The best is written; when the
 * runner-up scores close and reads differently, the shares that differ say
 * so in a `# check:`.
 */
export function solve(shares: FoundShare[], candidates: Candidate[], firstShare: number, currency = 'EUR') {
  const plain = mergeShares(shares);
  const readings: FoundShare[][] = [plain];
  const byId = new Map<string, FoundShare[]>();
  for (const s of shares) {
    const list = byId.get(s.id);
    if (list) list.push(s);
    else byId.set(s.id, [s]);
  }
  const choices = plain.map((merged) => {
    // an amended figure decides: its source's earlier statements are history, not readings
    if (byId.get(merged.id)!.some((s) => s.amended)) return [merged];
    const options = statementsOf(byId.get(merged.id)!);
    return options.length > 1 ? options : [merged];
  });
  const count = choices.reduce((n, c) => n * c.length, 1);
  if (count > 1 && count <= MAX_READINGS) {
    for (let k = 0; k < count; k++) {
      let rest = k;
      const reading = choices.map((options, i) => {
        const pick = options[rest % options.length]!;
        rest = Math.floor(rest / options.length);
        // every other statement of the source that differs is a doubt, as in the plain reading
        return options.length > 1
          ? { ...pick, checks: [...pick.checks, ...plain[i]!.checks.filter((c) => !pick.checks.includes(c))] }
          : pick;
      });
      readings.push(reading);
    }
  }
  const scored = readings.map((funding) => {
    const restated = restatedTotals(funding, byId, firstShare);
    const totals = chooseTotals(
      restated.length > 0 ? [...candidates, ...restated] : candidates,
      funding,
      firstShare,
      currency,
    );
    return { funding, totals, score: totals.score + rateAgreement(funding, totals.budget?.value) };
  });
  let best = scored[0]!;
  for (const s of scored) if (s.score > best.score) best = s;
  const key = (funding: FoundShare[]) =>
    funding.map((f) => `${f.id}:${f.rate?.value.toFixed() ?? ''}:${f.amount?.value.toFixed() ?? ''}`).join(';');
  const runnerUp = scored.filter((s) => key(s.funding) !== key(best.funding)).sort((a, b) => b.score - a.score)[0];
  if (runnerUp && best.score - runnerUp.score < 20) {
    for (const share of best.funding) {
      const other = runnerUp.funding.find((f) => f.id === share.id);
      if (other && other.amount && share.amount && !other.amount.value.eq(share.amount.value)) {
        share.checks = [
          ...share.checks,
          `the reading that takes line ${other.amount.line} ("${other.amount.text}") scores close to this one`,
        ];
      }
    }
  }
  return { funding: best.funding, ...best.totals, score: best.score };
}
