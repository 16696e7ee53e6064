import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal, decimalOfDigits, toFixedString } from '../src/core/decimal.js';
import { floorTo, fromScaled, halfUpTo, toScaled } from '../src/core/scaled.js';

describe('fixed point', () => {
  it.each([
    ['0', 2, 0n],
    ['12758', 0, 12758n],
    ['12758', 2, 1275800n],
    ['10844.3', 2, 1084430n],
    ['0.0001', 4, 1n],
    ['123456789012345678.123456789', 9, 123456789012345678123456789n],
    ['1e-7', 7, 1n],
    ['1500000000', 0, 1500000000n],
  ])('%s at scale %i is %s', (text, scale, scaled) => {
    expect(toScaled(new Decimal(text), scale)).toBe(scaled);
    expect(fromScaled(scaled, scale).eq(new Decimal(text))).toBe(true);
  });

  it('refuses a value with more decimals than the scale', () => {
    expect(toScaled(new Decimal('0.125'), 2)).toBeUndefined();
  });

  it('round-trips any decimal of up to 30 digits', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.integer({ min: 0, max: 12 }), (scaled, scale) => {
        const decimal = fromScaled(scaled, scale);
        expect(toScaled(decimal, scale)).toBe(scaled);
        expect(toScaled(decimal, scale + 3)).toBe(scaled * 1000n);
      }),
      { seed: 20261126, numRuns: 300 },
    );
  });
});

describe('decimalOfDigits', () => {
  const internals = (d: Decimal) => ({ s: d.s, e: d.e, d: [...d.d], fixed: d.toFixed(), constructor: d.constructor });
  it('makes the very Decimal the constructor makes of the same text', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{1,60}$/),
        fc.integer({ min: 0, max: 70 }),
        fc.boolean(),
        (digits, raw, negative) => {
          const scale = Math.min(raw, digits.length);
          const text =
            scale === 0
              ? digits
              : `${digits.slice(0, digits.length - scale) || '0'}.${digits.slice(digits.length - scale)}`;
          const made = decimalOfDigits(digits, scale, negative);
          expect(internals(made)).toEqual(internals(new Decimal(negative ? `-${text}` : text)));
          // and computes as one
          expect(made.plus(1).toFixed()).toBe(new Decimal(negative ? `-${text}` : text).plus(1).toFixed());
        },
      ),
      { seed: 20261202, numRuns: 3000 },
    );
  });

  it('toScaled reads every Decimal as its digits say', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{1,40}$/),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 45 }),
        (digits, raw, scale) => {
          const at = Math.min(raw, digits.length);
          const value = new Decimal(
            at === 0 ? digits : `${digits.slice(0, digits.length - at) || '0'}.${digits.slice(digits.length - at)}`,
          );
          const units = BigInt(digits) * 10n ** BigInt(Math.max(0, scale - at));
          const exact = scale >= at || BigInt(digits) % 10n ** BigInt(at - scale) === 0n;
          expect(toScaled(value, scale)).toBe(
            exact ? (scale >= at ? units : BigInt(digits) / 10n ** BigInt(at - scale)) : undefined,
          );
          expect(toScaled(value.neg(), scale)).toBe(exact ? -toScaled(value, scale)! : undefined);
        },
      ),
      { seed: 20261202, numRuns: 3000 },
    );
  });
});

describe('rounding in fixed point', () => {
  it.each([
    [1085n, 10n, 1080n, 1090n],
    [1084n, 10n, 1080n, 1080n],
    [-1085n, 10n, -1090n, -1090n],
    [-1084n, 10n, -1090n, -1080n],
    [0n, 100n, 0n, 0n],
  ])('%s at a unit of %s: floor %s, half-up %s', (value, unit, floor, half) => {
    expect(floorTo(value, unit)).toBe(floor);
    expect(halfUpTo(value, unit)).toBe(half);
  });
});

describe('toFixedString', () => {
  /** decimal.js's own text, as toFixedString was first written. */
  const reference = (value: Decimal, minScale: number) => {
    const text = value.toFixed(Math.max(minScale, value.decimalPlaces()));
    return value.isZero() ? text.replace(/^-/, '') : text;
  };

  it.each([
    ['0'],
    ['-0'],
    ['12758'],
    ['10844.3'],
    ['0.05'],
    ['1000'],
    ['1e-9'],
    ['-3.14'],
    ['1e21'],
    ['123456789012345678901234567890.123456789'],
  ])('%s', (text) => {
    for (const scale of [0, 2, 4])
      expect(toFixedString(new Decimal(text), scale)).toBe(reference(new Decimal(text), scale));
  });

  it('writes every decimal as decimal.js does, at every scale', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }),
        fc.integer({ min: -20, max: 30 }),
        fc.integer({ min: 0, max: 8 }),
        (digits, exponent, scale) => {
          const value = new Decimal(`${digits}e${exponent}`);
          expect(toFixedString(value, scale)).toBe(reference(value, scale));
        },
      ),
      { seed: 20261126, numRuns: 2000 },
    );
  });
});
