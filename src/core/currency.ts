import { CofinError } from './errors.js';
import { Decimal } from './decimal.js';
import { FIXED_RATES, WHOLE_UNITS } from './currency/fixed.js';

/** Currencies whose minor unit is not the cent. */
const MINOR_UNITS: Record<string, string> = {
  JPY: '1',
  KRW: '1',
  ISK: '1',
  CLP: '1',
  HUF: '0.01',
  BHD: '0.001',
  KWD: '0.001',
};

const minorUnits = new Map<string, Decimal>();

/** The smallest unit of a currency: 0.01 for EUR, 1 for JPY. Decimals are immutable, so one serves every call. */
export function minorUnit(currency: string): Decimal {
  let unit = minorUnits.get(currency);
  // lire, pesetas, drachmas, Belgian and Luxembourg francs: their sub-units were out of use, so amounts are whole
  if (!unit)
    minorUnits.set(currency, (unit = new Decimal(MINOR_UNITS[currency] ?? (WHOLE_UNITS.has(currency) ? '1' : '0.01'))));
  return unit;
}

/**
 * The ISO 4217 codes cofin takes: those the JavaScript runtime knows
 * (`Intl.supportedValuesOf('currency')`, today's codes), the currencies the
 * euro replaced (currency/fixed.ts: LVL, EEK, LTL, ...), and XXX and XTS
 * (no currency, testing), which ISO 4217 also assigns.
 */
let known: ReadonlySet<string> | undefined;
function knownCurrencies(): ReadonlySet<string> {
  if (!known) {
    const runtime = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [];
    known = new Set([...runtime, ...FIXED_RATES.keys(), 'XXX', 'XTS']);
  }
  return known;
}

/** The codes a slip most often means, tried first for a did-you-mean (EUR before EUX's other neighbours). */
const LIKELY = [
  'EUR',
  'USD',
  'GBP',
  'CHF',
  'PLN',
  'CZK',
  'HUF',
  'RON',
  'BGN',
  'SEK',
  'DKK',
  'NOK',
  'LVL',
  'EEK',
  'LTL',
];

/** A known code one slip from `code` (one letter wrong, or two neighbours swapped), if any. */
export function nearCurrency(code: string): string | undefined {
  const slip = (other: string) => {
    const diff = [0, 1, 2].filter((i) => code[i] !== other[i]);
    return diff.length === 1 || (diff.length === 2 && diff[1] === diff[0]! + 1 && code[diff[0]!] === other[diff[1]]);
  };
  return LIKELY.find(slip) ?? [...knownCurrencies()].sort().find(slip);
}

/** Whether cofin takes `code` as a currency (three capital letters and ISO 4217's). */
export function isCurrencyCode(code: string): boolean {
  const list = knownCurrencies();
  // a runtime without ICU's currency data: three capital letters, as before
  return list.size <= FIXED_RATES.size + 2 ? /^[A-Z]{3}$/.test(code) : list.has(code);
}

/** An error for three letters that are no ISO 4217 code, with the code they are one slip from. */
export function unknownCurrency(code: string, text = code): CofinError {
  const near = nearCurrency(code);
  return new CofinError(
    'bad-currency',
    `not an ISO 4217 currency code: "${text}"`,
    near ? `did you mean ${near}?` : 'write an ISO 4217 code such as EUR, LVL or USD',
  );
}

/** Validates an ISO 4217 code (historic ones such as LVL or EEK included): three capital letters ISO 4217 assigns. */
export function parseCurrency(text: string): string {
  const code = text.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) {
    throw new CofinError(
      'bad-currency',
      `not a currency code: "${text}"`,
      'write an ISO 4217 code such as EUR, LVL or USD',
    );
  }
  if (!isCurrencyCode(code)) throw unknownCurrency(code, text);
  return code;
}
