import { describe, expect, it } from 'vitest';
import { parseRate } from '../src/core/rate.js';
import { errorOf } from './helpers.js';

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

describe('rates that look like fractions', () => {
  it.each(['0.85', '0,85', '1', '0.05'])('refuses %j without a %% sign', (text) => {
    const error = errorOf(() => parseRate(text));
    expect(error.code).toBe('bad-rate');
    expect(error.message).toBe(`rate "${text}" without % looks like a fraction`);
    expect(error.hint).toMatch(/^write \d+% for /);
  });

  it.each([
    ['1%', '1'],
    ['0.85%', '0.85'],
    ['0', '0'],
    ['1.5', '1.5'],
    ['85', '85'],
  ])('reads %j as %s percent', (text, value) => {
    expect(parseRate(text).value.toFixed()).toBe(value);
  });
});
