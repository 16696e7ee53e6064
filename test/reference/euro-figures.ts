// An independent reference for a document's euro figure beside its national figure (README,
// "Euro figures of old documents"), written from the regulations' text: Council Regulation (EC)
// No 2866/98, Article 1 (the rates, as amended for each later changeover), and Council
// Regulation (EC) No 1103/97, Article 4 (the rate is one euro in the national currency, six
// significant figures, neither rounded nor inverted) and Article 5 (an amount converted is rounded
// to the nearest sub-unit, a half up). Exact rationals from ./currency.ts, nothing from src/.
import { divide, multiply, rational } from './currency.js';

/** Units of national currency per euro, as the regulations write them. */
export const RATES: Record<string, string> = {
  LVL: '0.702804',
  EEK: '15.6466',
  LTL: '3.45280',
  HRK: '7.53450',
  BGN: '1.95583',
  DEM: '1.95583',
  FRF: '6.55957',
  ITL: '1936.27',
  BEF: '40.3399',
  SIT: '239.640',
};

/** The places a national amount is rounded to: whole lire, francs (BEF), pesetas, drachmas and Luxembourg francs had no sub-unit in use. */
export const PLACES: Record<string, number> = { ITL: 0, BEF: 0 };

const same = (a: string, b: string) => {
  const x = rational(a);
  const y = rational(b);
  return x.n * y.d === y.n * x.d;
};

/** Which conversion gives the other figure: national ÷ rate to the cent, or euro × rate to the national unit. */
export function agreement(
  national: string,
  euro: string,
  currency: string,
): 'to-euro' | 'from-euro' | 'both' | undefined {
  const rate = RATES[currency]!;
  const toEuro = same(divide(national, rate, 2), euro);
  const fromEuro = same(multiply(euro, rate, PLACES[currency] ?? 2), national);
  return toEuro ? (fromEuro ? 'both' : 'to-euro') : fromEuro ? 'from-euro' : undefined;
}
