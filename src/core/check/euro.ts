import { said } from './said.js';
import type { Decimal } from '../decimal.js';
import { formatAmount } from '../amount.js';
import { fixedRate, fromEuro, nationalUnit, toEuro } from '../currency/fixed.js';
import type { EuroFigure } from '../model.js';
import { finding } from './messages.js';
import type { EuroCheck, Finding } from './types.js';

/** A national figure of the partner that a euro figure may stand beside: the budget or a source's amount. */
export interface NationalFigure {
  id: string;
  name: string;
  /** The declared amount, else the computed share. */
  amount: Decimal;
}

/**
 * Step 13: the document's euro figures against its national ones, at the
 * irrevocably fixed rate (Council Regulation (EC) No 2866/98) by the rules of
 * Council Regulation (EC) No 1103/97: the rate is never inverted or rounded
 * (Article 4), and a conversion is rounded to the unit it converts into, a
 * half up (Article 5). A pair agrees when either conversion gives the other
 * figure: the national figure ÷ rate, to the cent, is the euro figure, or the
 * euro figure × rate, to the national unit, is the national one; documents
 * converted either way. Pure.
 */
export function checkEuroFigures(
  currency: string,
  figures: readonly EuroFigure[],
  national: readonly NationalFigure[],
  partner: string | undefined,
): { checks: EuroCheck[]; findings: Finding[] } {
  const rate = fixedRate(currency)!;
  const places = nationalUnit(currency).decimalPlaces();
  const checks: EuroCheck[] = [];
  const findings: Finding[] = [];
  const label = partner === undefined ? '' : `partner "${partner}": `;
  for (const figure of figures) {
    const own = national.find((n) => n.id === figure.id)!;
    const fromNational = toEuro(own.amount, currency);
    const fromEuroFigure = fromEuro(figure.amount.value, currency);
    const toEuroAgrees = fromNational.eq(figure.amount.value);
    const fromEuroAgrees = fromEuroFigure.eq(own.amount);
    const agrees = toEuroAgrees ? (fromEuroAgrees ? 'both' : 'to-euro') : fromEuroAgrees ? 'from-euro' : undefined;
    checks.push({
      id: figure.id,
      name: own.name,
      national: own.amount,
      euro: figure.amount,
      fromNational,
      fromEuro: fromEuroFigure,
      agrees,
    });
    if (agrees) continue;
    const nat = (v: Decimal) => `${currency} ${formatAmount(v, places)}`;
    const eur = (v: Decimal) => `EUR ${formatAmount(v, 2)}`;
    findings.push(
      finding(
        'error',
        'euro-mismatch',
        `${label}euro figure of ${figure.id}: ${eur(figure.amount.value)} is ` +
          `not ${nat(own.amount)} at the fixed rate ${rate.text} ${currency} per ` +
          `euro: ${nat(own.amount)} is ${eur(fromNational)}, ` +
          `and ${eur(figure.amount.value)} is ${nat(fromEuroFigure)}`,
        `write ${eur(fromNational)} (${currency} ÷ ${rate.text}, rounded to the cent, ` +
          `Council Regulation (EC) No 1103/97, Articles 4 and 5), or check the ${currency} ` +
          `figure`,
        figure.amount.at,
        partner,
        said('euro-mismatch', {
          id: figure.id,
          currency,
          rate: rate.text,
          national: own.amount,
          nationalDecimals: places,
          euro: figure.amount.value,
          fromNational,
          fromEuro: fromEuroFigure,
        }),
      ),
    );
  }
  return { checks, findings };
}
