import { describe, expect, it } from 'vitest';
import { inContext } from '../src/core/errors.js';
import fc from 'fast-check';
import { parseAmount, formatAmount } from '../src/core/amount.js';
import { CofinError } from '../src/core/errors.js';
import { errorOf } from './helpers.js';
import { Decimal } from '../src/core/decimal.js';

const value = (text: string, options = {}) => parseAmount(text, options).value.toFixed();

describe('parseAmount: forms people write', () => {
  it.each([
    ['12758', '12758', 0],
    ['12 758', '12758', 0],
    ['12 758,00', '12758', 2],
    ['12.758,50', '12758.5', 2],
    ['12,758.50', '12758.5', 2],
    ['EUR 12 758', '12758', 0],
    ['12 758 EUR', '12758', 0],
    ['€12,758.50', '12758.5', 2],
    ['12 758 €', '12758', 0],
    ['12\u00a0758', '12758', 0],
    ['12\u202f758,10', '12758.1', 2],
    ["1'234.50", '1234.5', 2],
    ['1’234.50', '1234.5', 2],
    ['1 234 567', '1234567', 0],
    ['1,234,567', '1234567', 0],
    ['1.234.567', '1234567', 0],
    ['1.234.567,89', '1234567.89', 2],
    ['12758,5', '12758.5', 1],
    ['0,758', '0.758', 3],
    ['1 234,567', '1234.567', 3],
    ['EUR 11 354 188,46 EUR', '11354188.46', 2],
    ['12 758,00 eiro', '12758', 2],
    ['  EUR 638  ', '638', 0],
    ['0', '0', 0],
  ])('%s is %s with %i decimals', (text, expected, scale) => {
    const parsed = parseAmount(text);
    expect(parsed.value.toFixed()).toBe(expected);
    expect(parsed.scale).toBe(scale);
  });

  it('reads the currency marker', () => {
    expect(parseAmount('€ 1 276').currency).toBe('EUR');
    expect(parseAmount('LVL 100').currency).toBe('LVL');
    expect(parseAmount('100').currency).toBeUndefined();
  });

  it('keeps every digit of very large amounts', () => {
    expect(value('12345678901234567890123.45')).toBe('12345678901234567890123.45');
    expect(parseAmount('12345678901234567890123.45').value.times(3).toFixed()).toBe('37037036703703703670370.35');
  });

  it('reads a lone separator with three digits as the option says', () => {
    expect(value('12,758', { decimal: 'comma' })).toBe('12.758');
    expect(value('12.758', { decimal: 'comma' })).toBe('12758');
    expect(value('12.758', { decimal: 'point' })).toBe('12.758');
    expect(value('12,758', { decimal: 'point' })).toBe('12758');
  });
});

describe('parseAmount: rejections', () => {
  it.each([
    ['12,758', 'bad-amount', /ambiguous amount: "12,758" could be 12758 or 12.758/],
    ['12.758', 'bad-amount', /ambiguous/],
    ['1e5', 'bad-amount', /not an amount: "1e5"/],
    ['NaN', 'bad-amount', /not an amount/],
    ['Infinity', 'bad-amount', /not an amount/],
    ['0x10', 'bad-amount', /not an amount/],
    ['', 'bad-amount', /empty amount/],
    ['   ', 'bad-amount', /empty amount/],
    [',', 'bad-amount', /separator without digits/],
    ['.', 'bad-amount', /separator without digits/],
    ['12758,', 'bad-amount', /separator without digits/],
    ['12 75 8', 'bad-amount', /not grouped in threes/],
    ['1 2345', 'bad-amount', /not grouped in threes/],
    ['1.234 567', 'bad-amount', /mixed group separators/],
    ['12 .758', 'bad-amount', /two separators in a row/],
    ['1 234.567 8', 'bad-amount', /mixed group separators/],
    ['1,234,56', 'bad-amount', /not grouped in threes/],
    ['1.2.3,4', 'bad-amount', /not grouped in threes/],
    ['-12758', 'bad-amount', /must not be negative/],
    ['−12 758', 'bad-amount', /must not be negative/],
    ['EUR -12 758', 'bad-amount', /must not be negative/],
    ['EUR EUR 12 EUR', 'bad-amount', /more than two currency markers/],
    ['EUR 12 USD', 'bad-amount', /two different currencies/],
    ['EUR', 'bad-amount', /no digits/],
    ['12 758 EUR 5', 'bad-amount', /not an amount/],
    ['1'.repeat(61), 'bad-amount', /more than 60 digits/],
  ])('%j is refused (%s)', (text, code, message) => {
    const error = errorOf(() => parseAmount(text));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.hint).toBeTruthy();
  });

  it('says what fixes an ambiguous amount, phrased for where it came from', () => {
    const error = errorOf(() => parseAmount('12,758'));
    expect(error.fix).toEqual({ kind: 'decimal-mark', whole: '12758', decimal: '12.758' });
    expect(error.hint).toBe('write 12758, 12 758 or 12758,00, or give the decimal mark (decimal: comma or point)');
    expect(inContext(error, 'command-line').hint).toBe(
      'write 12758, 12 758 or 12758,00, or pass --decimal-comma / --decimal-point',
    );
    expect(inContext(error, 'budget-file').hint).not.toMatch(/--/);
    // trial 10, M2: a file is told the amount's own readings, with no `,` that would split a `,` table's cell
    expect(inContext(error, 'partner-table').hint).toBe(
      'for 12758 write 12758 or 12 758; for 12.758 write 12.7580: one , or . before exactly three digits could be either',
    );
  });

  it('refuses a currency that contradicts --currency', () => {
    const error = errorOf(() => parseAmount('USD 100', { currency: 'EUR' }));
    expect(error.code).toBe('bad-amount');
    expect(error.message).toBe('amount is in USD, not EUR: "USD 100"');
    expect(value('EUR 100', { currency: 'eur' })).toBe('100');
  });
});

describe('formatAmount', () => {
  it.each([
    ['12758.1', 2, '12 758.10'],
    ['12758', 0, '12 758'],
    ['1234567.891', 2, '1 234 567.891'],
    ['-0', 2, '0.00'],
    ['-1234.5', 2, '-1 234.50'],
    ['999', 0, '999'],
  ])('%s at scale %i is %s', (text, scale, expected) => {
    expect(formatAmount(new Decimal(text), scale)).toBe(expected);
  });

  it('groups the whole part by threes from the right, as a digit-by-digit model does', () => {
    // the model: walk the digits from the right, a separator before every third
    const model = (digits: string, group: string) =>
      [...digits]
        .reverse()
        .map((d, i) => (i > 0 && i % 3 === 0 ? d + group : d))
        .reverse()
        .join('');
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom(' ', '\u00a0', "'", ''),
        (units, scale, group) => {
          const text = new Decimal(units.toString()).div(new Decimal(10).pow(scale)).toFixed(scale);
          const [whole = '', fraction] = text.replace('-', '').split('.');
          const sign = text.startsWith('-') && !/^-0(\.0*)?$/.test(text) ? '-' : '';
          expect(formatAmount(new Decimal(text), scale, group)).toBe(
            `${sign}${model(whole, group)}${fraction === undefined ? '' : `.${fraction}`}`,
          );
        },
      ),
      { seed: 20261202, numRuns: 500 },
    );
  });
});

describe('properties', () => {
  const amountText = fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 2 }))
    .map(([units, scale]) => new Decimal(units.toString()).div(new Decimal(10).pow(scale)).toFixed(scale));

  it('formatting then parsing gives the same amount', () => {
    fc.assert(
      fc.property(amountText, fc.constantFrom(' ', '\u00a0', '\u202f'), (text, group) => {
        const parsed = parseAmount(text, { decimal: 'point' });
        const formatted = formatAmount(parsed.value, parsed.scale, group);
        expect(parseAmount(formatted, { decimal: 'point' }).value.eq(parsed.value)).toBe(true);
      }),
    );
  });

  it('never throws anything but a CofinError', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."0123456789 .,'€EUR-e") }), (text) => {
        try {
          parseAmount(text);
        } catch (error) {
          expect(error).toBeInstanceOf(CofinError);
        }
      }),
    );
  });
});

describe('parseAmount: the plain-decimal shortcut', () => {
  it('reads digits with one mark exactly as the general reader does, or refuses them the same way', () => {
    const texts = fc.tuple(
      fc.stringMatching(/^[0-9]{1,20}$/),
      fc.constantFrom('.', ','),
      fc.stringMatching(/^[0-9]{1,8}$/),
      fc.constantFrom(undefined, 'comma' as const, 'point' as const),
    );
    fc.assert(
      fc.property(texts, ([whole, mark, fraction, decimal]) => {
        const text = `${whole}${mark}${fraction}`;
        const read = (t: string) => {
          try {
            const parsed = parseAmount(t, { decimal });
            return { value: parsed.value.toFixed(), scale: parsed.scale };
          } catch (error) {
            return { error: (error as Error).message.replace(/"\s+/g, '"').replace(/\s+"/g, '"') };
          }
        };
        // a space around the text takes the general path
        expect(read(text)).toEqual(read(` ${text} `));
      }),
      { seed: 20261202, numRuns: 2000 },
    );
  });

  it('reads thousands grouped by spaces, with or without decimals, as the general reader does', () => {
    const groups = fc
      .tuple(
        fc.stringMatching(/^[0-9]{1,3}$/),
        fc.array(fc.stringMatching(/^[0-9]{3}$/), { minLength: 1, maxLength: 20 }),
      )
      .map(([first, rest]) => [first, ...rest].join(' '));
    const texts = fc.tuple(
      groups,
      fc.constantFrom('', '.', ','),
      fc.stringMatching(/^[0-9]{1,8}$/),
      fc.constantFrom(undefined, 'comma' as const, 'point' as const),
    );
    fc.assert(
      fc.property(texts, ([whole, mark, fraction, decimal]) => {
        const text = mark ? `${whole}${mark}${fraction}` : whole;
        const read = (t: string) => {
          try {
            const parsed = parseAmount(t, { decimal });
            return {
              value: parsed.value.toFixed(),
              words: [parsed.value.s, parsed.value.e, ...parsed.value.d],
              scale: parsed.scale,
            };
          } catch (error) {
            return { error: (error as Error).message.replace(/"\s+/g, '"').replace(/\s+"/g, '"') };
          }
        };
        // a space around the text takes the general path
        expect(read(text)).toEqual(read(` ${text} `));
      }),
      { seed: 20261202, numRuns: 2000 },
    );
  });
});

describe('parseAmount: the local signs of old and non-euro currencies', () => {
  it.each([
    ['Ls 8 966,37', '8966.37', 'LVL'],
    ['10 844 Ls', '10844', 'LVL'],
    ['10 844 latu', '10844', 'LVL'],
    ['1 234 zł', '1234', 'PLN'],
    ['1 234 Kč', '1234', 'CZK'],
    ['1 234 Ft', '1234', 'HUF'],
    ['1 234 lei', '1234', 'RON'],
    ['1 234 лв', '1234', 'BGN'],
  ])('%s is %s %s', (text, amount, currency) => {
    const parsed = parseAmount(text);
    expect(parsed.value.toFixed()).toBe(amount);
    expect(parsed.currency).toBe(currency);
  });

  it('refuses a sign of another currency than the file’s, and a word that only begins like a sign', () => {
    expect(errorOf(() => parseAmount('10 844 Ls', { currency: 'EUR' })).message).toBe(
      'amount is in LVL, not EUR: "10 844 Ls"',
    );
    expect(errorOf(() => parseAmount('10 844 Lsx')).message).toBe('not an amount: "10 844 Lsx"');
    expect(errorOf(() => parseAmount('lsd 10 844')).message).toBe('not an amount: "lsd 10 844"');
  });
});
