import { CofinError } from './errors.js';
import { Decimal } from './decimal.js';

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
  if (!unit) minorUnits.set(currency, (unit = new Decimal(MINOR_UNITS[currency] ?? '0.01')));
  return unit;
}

/** Validates an ISO 4217 code (historic ones such as LVL or EEK included): three capital letters. */
export function parseCurrency(text: string): string {
  const code = text.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) {
    throw new CofinError(
      'bad-currency',
      `not a currency code: "${text}"`,
      'write an ISO 4217 code such as EUR, LVL or USD',
    );
  }
  return code;
}
