import { CofinError } from './errors.js';
import { Decimal, HUNDRED, sum } from './decimal.js';
import { parseAmount, type DecimalMark } from './amount.js';
import { parseRate } from './rate.js';
import { isRoundingMethod, ROUNDING_METHODS, type RoundingMethod } from './allocate/index.js';
import { allocate, exactShare } from './allocate/decimal.js';
import { isSourceKind, isWellKnownSource, resolveSource, WELL_KNOWN_SOURCES, type Source } from './sources.js';
import { minorUnit, parseCurrency } from './currency.js';

/** A share asked for: a source id, and a rate in percent or `rest` (what the others leave). */
export interface ShareRequest {
  id: string;
  rate: string | Decimal; // a percentage, or 'rest'
  kind?: string | undefined;
  name?: string | undefined;
}

export interface SplitRequest {
  budget: string | Decimal;
  shares: readonly ShareRequest[];
  /** Rounding unit; the currency's minor unit by default. */
  unit?: string | Decimal | undefined;
  /** A RoundingMethod; any other text is refused with the methods cofin has. */
  method?: string | undefined;
  currency?: string | undefined;
  decimal?: DecimalMark | undefined;
}

export interface SplitShare extends Source {
  /** Percent. */
  rate: Decimal;
  /** budget × rate / 100, unrounded. */
  exact: Decimal;
  /** The rounded share. */
  amount: Decimal;
  /** amount − exact. */
  adjustment: Decimal;
}

export interface SplitResult {
  currency: string;
  budget: Decimal;
  unit: Decimal;
  method: RoundingMethod;
  shares: SplitShare[];
  /** Sum of the rounded shares. */
  sum: Decimal;
  /** sum − budget: zero except under `half-up`, and `fund-down` with EU funds only (an EU-fund rest among them). */
  drift: Decimal;
}

/** Reads a rounding unit such as `1`, `0.01` or `0,01`. */
export function parseUnit(text: string | Decimal): Decimal {
  if (typeof text !== 'string') return text;
  if (!/^[0-9]+([.,][0-9]+)?$/.test(text.trim())) {
    throw new CofinError('bad-unit', `not a rounding unit: "${text}"`, 'use 1 for whole euros or 0.01 for cents');
  }
  return new Decimal(text.trim().replace(',', '.'));
}

function parseMethod(method: string | undefined): RoundingMethod {
  if (method === undefined) return 'largest-remainder';
  if (!isRoundingMethod(method)) {
    throw new CofinError(
      'bad-method',
      `unknown rounding method "${method}"`,
      `use one of ${ROUNDING_METHODS.join(', ')}`,
    );
  }
  return method;
}

/**
 * An EU fund's id with another kind (`erdf:public=50%`) is refused, as a budget file refuses `erdf: { kind: public }`
 * (`wrong-type`): the share would not be rounded as the fund's under fund-down, and split and check would differ.
 */
function assertFundKind(share: ShareRequest): void {
  const own = isWellKnownSource(share.id) ? WELL_KNOWN_SOURCES[share.id] : undefined;
  if (own?.kind !== 'eu-fund' || share.kind === undefined || share.kind === 'eu-fund') return;
  if (!isSourceKind(share.kind)) return; // resolveSource names the kinds there are
  const rate =
    share.rate === 'rest' ? 'rest' : typeof share.rate === 'string' ? share.rate.trim() : share.rate.toFixed();
  throw new CofinError(
    'wrong-type',
    `source "${share.id}" is ${own.name}, an EU fund, but its kind is written ${share.kind}`,
    `write ${share.id}=${rate}, or give a ${share.kind} source an id of its own: other:${share.kind}=${rate}`,
  );
}

/**
 * Splits a budget into funding shares at a rounding unit by a named rule.
 * Rates must add up to 100%; one share may be `rest` and take what the
 * others leave.
 */
export function split(request: SplitRequest): SplitResult {
  const parsed =
    typeof request.budget === 'string'
      ? parseAmount(request.budget, { decimal: request.decimal, currency: request.currency })
      : { value: request.budget, currency: undefined };
  const currency = parseCurrency(request.currency ?? parsed.currency ?? 'EUR');
  const unit = request.unit === undefined ? minorUnit(currency) : parseUnit(request.unit);
  const method = parseMethod(request.method);
  if (request.shares.length === 0) {
    throw new CofinError('missing-share', 'no shares to split into', 'name at least one share, such as erdf=85%');
  }

  const seen = new Set<string>();
  for (const share of request.shares) {
    if (seen.has(share.id))
      throw new CofinError('duplicate-source', `source "${share.id}" is named twice`, 'name each source once');
    seen.add(share.id);
  }
  const restCount = request.shares.filter((s) => s.rate === 'rest').length;
  if (restCount > 1)
    throw new CofinError(
      'bad-rate',
      'more than one share takes the rest',
      'only one source can take what the others leave',
    );

  const given = request.shares.map((s) =>
    s.rate === 'rest' ? undefined : typeof s.rate === 'string' ? parseRate(s.rate).value : s.rate,
  );
  const givenRates = given.filter((r): r is Decimal => r !== undefined);
  const givenSum = sum(givenRates);
  const missing = HUNDRED.minus(givenSum);
  if (restCount === 0 ? !missing.isZero() : missing.isNegative()) {
    const word = missing.isNegative() ? 'over' : 'short of';
    throw new CofinError(
      'rates-sum',
      `rates add up to ${givenSum.toFixed()}%, ${missing.abs().toFixed()}% ${word} 100%`,
      restCount === 0 && !missing.isNegative()
        ? 'make the rates add up to 100%, or let one source take the rest: national=rest'
        : restCount === 0
          ? 'lower the rates so that they add up to 100%'
          : 'the other rates leave nothing for the rest',
    );
  }
  const rates = given.map((r) => r ?? missing);
  for (const share of request.shares) assertFundKind(share);
  const sources = request.shares.map((s) => resolveSource(s.id, s.kind, s.name));
  const amounts = allocate(
    parsed.value,
    sources.map((s, i) => ({ rate: rates[i]!, fund: s.kind === 'eu-fund', rest: request.shares[i]!.rate === 'rest' })),
    unit,
    method,
  );
  const restAt = request.shares.findIndex((s) => s.rate === 'rest');
  if (restAt >= 0 && amounts[restAt]!.isNegative())
    throw new CofinError(
      'rest-negative',
      `${sources[restAt]!.id}: the rest comes to ${amounts[restAt]!.toFixed()} with ${method}: ` +
        `the other shares, rounded, pass the budget`,
      'no source pays less than nothing; --method largest-remainder keeps every share at zero or above',
    );
  const shares = sources.map((source, i) => {
    const exact = exactShare(parsed.value, rates[i]!);
    return { ...source, rate: rates[i]!, exact, amount: amounts[i]!, adjustment: amounts[i]!.minus(exact) };
  });
  const total = sum(amounts);
  return { currency, budget: parsed.value, unit, method, shares, sum: total, drift: total.minus(parsed.value) };
}
