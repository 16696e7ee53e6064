import { floorTo } from '../scaled.js';

/**
 * Gives `leftover` more units, one each, to the largest remainders, ties to
 * the earlier share. A negative remainder marks a share that takes none.
 * The caller's figures guarantee there are enough candidates; more units
 * than that would mean shares that cannot add up, which is a bug.
 */
export function handOut(amounts: bigint[], remainders: readonly bigint[], leftover: bigint, unit: bigint): void {
  if (leftover === 0n) return;
  if (leftover === 1n || leftover === 2n) return handOutFew(amounts, remainders, leftover, unit);
  const order: number[] = [];
  for (let i = 0; i < remainders.length; i++) if (remainders[i]! >= 0n) order.push(i);
  if (leftover < 0n || leftover > BigInt(order.length))
    throw new Error(`internal: ${leftover} leftover units for ${order.length} shares`);
  order.sort((a, b) => (remainders[b]! > remainders[a]! ? 1 : remainders[b]! < remainders[a]! ? -1 : a - b));
  for (let k = 0; k < Number(leftover); k++) amounts[order[k]!]! += unit;
}

/**
 * `handOut` of one or two units, the largest remainders picked in one pass without a sort (a sort per partner was a
 * twentieth of a large file's check): ties to the earlier share, as the sort orders them.
 */
function handOutFew(amounts: bigint[], remainders: readonly bigint[], leftover: bigint, unit: bigint): void {
  let first = -1;
  let second = -1;
  let candidates = 0;
  for (let i = 0; i < remainders.length; i++) {
    const r = remainders[i] ?? -1n;
    if (r < 0n) continue;
    candidates++;
    if (first < 0 || r > (remainders[first] ?? -1n)) {
      second = first;
      first = i;
    } else if (second < 0 || r > (remainders[second] ?? -1n)) second = i;
  }
  if (leftover > BigInt(candidates)) throw new Error(`internal: ${leftover} leftover units for ${candidates} shares`);
  amounts[first] = (amounts[first] ?? 0n) + unit;
  if (leftover === 2n) amounts[second] = (amounts[second] ?? 0n) + unit;
}

/**
 * Hands out `total` (a multiple of `unit`) in proportion to non-negative
 * `weights` by largest remainder: each part floored to the unit, the
 * leftover units to the largest remainders, ties to the earlier part.
 * Exact: remainders are compared over one common denominator.
 */
export function apportion(total: bigint, weights: readonly bigint[], unit: bigint): bigint[] {
  let weightSum = 0n;
  for (const w of weights) weightSum += w;
  if (weightSum === 0n) return weights.map(() => 0n);
  const denominator = weightSum * unit;
  const amounts: bigint[] = [];
  const remainders: bigint[] = [];
  let given = 0n;
  for (const w of weights) {
    const numerator = total * w;
    const units = floorTo(numerator, denominator) / denominator;
    amounts.push(units * unit);
    remainders.push(numerator - units * denominator);
    given += units * unit;
  }
  handOut(amounts, remainders, (total - given) / unit, unit);
  return amounts;
}
