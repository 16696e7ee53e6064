import { Decimal } from './decimal.js';

/** Rounds to a multiple of the unit, half away from zero. */
export function roundHalfUp(value: Decimal, unit: Decimal): Decimal {
  return value.div(unit).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(unit);
}

/** Rounds down to a multiple of the unit. */
export function roundDown(value: Decimal, unit: Decimal): Decimal {
  return value.div(unit).floor().times(unit);
}

const powersOfTen = new WeakMap<Decimal, boolean>();

/** True when the unit is a power of ten: 1, 0.01, 10, 1000. Asked once per unit (Decimals are immutable). */
export function isPowerOfTen(unit: Decimal): boolean {
  let known = powersOfTen.get(unit);
  if (known === undefined)
    powersOfTen.set(
      unit,
      (known = unit.gt(0) && /^1(0*)$/.test(unit.times(new Decimal(10).pow(unit.decimalPlaces())).toFixed())),
    );
  return known;
}

const UNITS: Decimal[] = [];

/** 10^-scale, made once per scale: the unit an amount with `scale` decimals is written at. */
export function unitOfScale(scale: number): Decimal {
  return (UNITS[scale + 64] ??= new Decimal(10).pow(-scale));
}
