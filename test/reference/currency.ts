// An independent reference for currency conversion, written from docs/jems-rules.md section 4
// ("EUR = declaredAmount / rate, rounded HALF_UP to 2 decimals") and Council Regulation (EC)
// No 1103/97, Articles 4 and 5 (triangulation via the euro, the euro amount rounded to not less
// than three decimals; into euro to the nearest cent, a half up). Nothing here comes from src/:
// every number is an exact rational of BigInts read from its decimal text.

export interface Rational {
  n: bigint;
  d: bigint;
}

/** "1234.56", "-0.5", "4.3205" as an exact rational. */
export function rational(text: string): Rational {
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const [whole = '0', fraction = ''] = body.split('.');
  const n = BigInt(whole + fraction) * (negative ? -1n : 1n);
  return { n, d: 10n ** BigInt(fraction.length) };
}

const abs = (x: bigint) => (x < 0n ? -x : x);

/** The whole number nearest to n/d, a half away from zero. */
function nearest(n: bigint, d: bigint): bigint {
  if (d < 0n) return nearest(-n, -d);
  const sign = n < 0n ? -1n : 1n;
  const m = abs(n);
  const q = m / d;
  const r = m - q * d;
  return sign * (2n * r >= d ? q + 1n : q);
}

/** A whole number of 10^-places as decimal text with exactly `places` decimals. */
export function text(units: bigint, places: number): string {
  const sign = units < 0n ? '-' : '';
  const digits = abs(units)
    .toString()
    .padStart(places + 1, '0');
  return places === 0 ? sign + digits : `${sign}${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

/** amount ÷ rate, half-up to `places` decimals. */
export function divide(amount: string, rate: string, places = 2): string {
  const a = rational(amount);
  const r = rational(rate);
  // (a.n / a.d) / (r.n / r.d) × 10^places
  return text(nearest(a.n * r.d * 10n ** BigInt(places), a.d * r.n), places);
}

/** amount × rate, half-up to `places` decimals. */
export function multiply(amount: string, rate: string, places = 2): string {
  const a = rational(amount);
  const r = rational(rate);
  return text(nearest(a.n * r.n * 10n ** BigInt(places), a.d * r.d), places);
}

/** From one national currency to another: into euro at three decimals, then out. */
export function triangulate(amount: string, fromRate: string, toRate: string, places = 2): string {
  return multiply(divide(amount, fromRate, 3), toRate, places);
}
