import { describe, expect, it } from 'vitest';
import { parseFigure } from '../src/core/figure.js';

describe('parseFigure', () => {
  it.each([
    ['10 844', '10844', undefined],
    ['10 844,30', '10844.3', undefined],
    ['~9 284 000', '9284000', '1000'],
    ['~9 000 000', '9000000', '1000000'],
    ['~12,50', '12.5', '0.01'],
    ['2,5 milj.', '2500000', '100000'],
    ['2.5 million', '2500000', '100000'],
    ['1,2 mln', '1200000', '100000'],
    ['450 tūkst.', '450000', '1000'],
    ['450 thousand', '450000', '1000'],
    ['101,696 milj.', '101696000', '1000'],
    ['~2,5 milj. EUR', '2500000', '100000'],
    ['EUR 1,2 miljoni', '1200000', '100000'],
    ['1 mljrd.', '1000000000', '1000000000'],
  ])('%s is %s with precision %s', (text, value, precision) => {
    const figure = parseFigure(text);
    expect(figure.value.toFixed()).toBe(value);
    expect(figure.precision?.toFixed()).toBe(precision);
  });

  it('keeps the exact amount rules otherwise', () => {
    expect(() => parseFigure('12,758')).toThrow(/ambiguous/);
    expect(() => parseFigure('12 758 bananas')).toThrow(/not an amount/);
  });
});
