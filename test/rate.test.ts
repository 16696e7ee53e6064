import { describe, expect, it } from 'vitest';
import { parseRate, assertNotFractions } from '../src/core/rate.js';
import { d, errorOf } from './helpers.js';

describe('parseRate', () => {
  it.each([
    ['85%', '85', 0],
    ['85', '85', 0],
    ['85,5 %', '85.5', 1],
    ['85.5%', '85.5', 1],
    ['84.9985%', '84.9985', 4],
    ['0%', '0', 0],
    ['100 %', '100', 0],
    ['49,67%', '49.67', 2],
    ['23.2600000001%', '23.2600000001', 10],
    ['85\u00a0%', '85', 0],
  ])('%s is %s%% with %i decimals', (text, value, scale) => {
    const rate = parseRate(text);
    expect(rate.value.toFixed()).toBe(value);
    expect(rate.scale).toBe(scale);
  });

  it.each([
    ['100.01%', /rate above 100%/],
    ['-5%', /must not be negative/],
    ['', /empty rate/],
    ['%', /not a rate/],
    ['85%%', /not a rate/],
    ['1e2', /not a rate/],
    ['eighty', /not a rate/],
    ['8 5%', /not a rate/],
  ])('%j is refused', (text, message) => {
    const error = errorOf(() => parseRate(text));
    expect(error.code).toBe('bad-rate');
    expect(error.message).toMatch(message);
    expect(error.hint).toMatch(/percentage/);
  });
});

describe('assertNotFractions', () => {
  it('stops rates written as fractions', () => {
    const error = errorOf(() => assertNotFractions([d('0.85'), d('0.1'), d('0.05')]));
    expect(error.hint).toBe('rates look like fractions; write 85% for 0.85');
  });

  it('lets small percentages pass when they do not add up to 1', () => {
    expect(() => assertNotFractions([d('0.5'), d('0.25')])).not.toThrow();
    expect(() => assertNotFractions([d('85'), d('15')])).not.toThrow();
    expect(() => assertNotFractions([])).not.toThrow();
  });
});
