import { Decimal } from '../decimal.js';
import type { PlacedShare } from './types.js';
import type { Mention } from './types.js';
import { fold, foldedPattern } from './normalise.js';

/**
 * Words that restate the amount before them as a rate ("EUR 40 000, that is 80% of …", "40 000 EUR, kas ir 80% no …",
 * "40 000 €, soit 80 % de …"), with an optional hedge before the rate.
 */
const APPOSITION = foldedPattern(
  new RegExp(
    String.raw`(?<!\p{L})(?:that is|which is|which represents|representing|i\.\s?e\.|kas ir|kas veido|kas sastāda|` +
      String.raw`tas ir|t\.\s?i\.|soit|qui représente|ce qui représente|das sind|was|co stanowi|což je|` +
      String.raw`to je|tj\.|t\.\s?j\.|` +
      // the sum named again with a verb: "This amount is", "Šī summa veido", "Cette somme représente"
      String.raw`(?:this (?:sum|amount)|the sum|šī summa|cette somme|ce montant|diese Summe|dieser Betrag|ta kwota|` +
      String.raw`tato částka)(?:[\s\u00a0]+(?:qui|which|kas))?[\s\u00a0]+(?:is|represents|makes up|ir|veido|sastāda|` +
      String.raw`représente|est|beträgt|entspricht|stanowi|wynosi|činí|představuje))[\s\u00a0]*` +
      String.raw`(?:(?:about|approximately|around|roughly|some|aptuveni|apmēram|` +
      String.raw`ap|environ|près de|etwa|rund|około|około|přibližně|cca\.?)[\s\u00a0]+)?$`,
    'iu',
  ),
);

/** An anaphor of a sum stated before, which may stand in the next sentence ("Ainsi, cette somme qui représente"). */
const THIS_SUM = foldedPattern(
  new RegExp(
    String.raw`(?<!\p{L})(?:this (?:sum|amount)|the sum|šī summa|cette somme|ce montant|diese Summe|dieser Betrag|` +
      String.raw`ta kwota|tato částka)(?!\p{L})`,
    'iu',
  ),
);

/** The base a rate names right after it ("of the total investment of", "no kopējām izmaksām", "de l'estimation de"). */
const OF_BASE = new RegExp(
  String.raw`^[\s\u00a0]*(?:of|no|de|du|des|d['’]|z|ze|von|der|des|della|del|dello)(?!\p{L})[^\d.;!?%]{0,50}$`,
  'iu',
);

/**
 * A rate written after a share's amount as its restatement, with the base it is a rate of ("The ERDF contributes EUR
 * 40 000, that is 80% of the total cost of EUR 50 000", "… 40 000 EUR. Šī summa ir 80% no kopējām izmaksām 50 000
 * EUR"): the share's rate, where amount ÷ base reproduces it within the rate's written precision. A rate that does
 * not is left where it was (no share of it), so the solver still sees the figures as they stand.
 */
export function ratesInApposition(text: string, mentions: Mention[], shares: PlacedShare[]): PlacedShare[] {
  const ordered = mentions
    .filter((m): m is Extract<Mention, { type: 'money' | 'percent' }> => m.type === 'money' || m.type === 'percent')
    .sort((a, b) => a.start - b.start);
  const taken = new Set(shares.flatMap((s) => (s.rate ? [`${s.rate.line}:${s.rate.column}`] : [])));
  let out = shares;
  for (const [i, p] of ordered.entries()) {
    if (p.type !== 'percent' || taken.has(`${p.figure.line}:${p.figure.column}`)) continue;
    const amount = ordered[i - 1];
    const base = ordered[i + 1];
    if (amount?.type !== 'money' || base?.type !== 'money') continue;
    if (!OF_BASE.test(text.slice(p.end, base.start))) continue;
    const between = fold(text.slice(amount.end, p.start));
    if (/\d/.test(between) || !APPOSITION.test(between)) continue;
    // in its own sentence, or the sentence after it when the words name the sum ("this amount is …")
    const ends = between.match(/[.!?]?[ \t\u00a0]*\n[\s\u00a0]*\n|[.!?](?=[\s\u00a0]+\p{Lu})/gu)?.length ?? 0;
    if (between.length > 120 || ends > 1 || (ends === 1 && !THIS_SUM.test(between))) continue;
    // the share of that amount: stated there, or the same figure stated before ("Région: 150 000 €" in a summary)
    const at = (s: PlacedShare) => s.amount?.line === amount.figure.line && s.amount.column === amount.figure.column;
    const same = (s: PlacedShare) => s.amount?.currency === amount.currency && s.amount.value.eq(amount.figure.value);
    const share = out.find((s) => !s.rate && at(s)) ?? out.find((s) => !s.rate && same(s));
    if (!share || amount.currency !== base.currency || base.figure.value.isZero()) continue;
    // the rate's written precision: half a unit of its last digit
    const decimals = (p.figure.normal.split('.')[1] ?? '').length;
    const half = new Decimal(5).div(new Decimal(10).pow(decimals + 1));
    const gap = amount.figure.value.mul(100).minus(p.figure.value.mul(base.figure.value)).abs();
    if (gap.gt(half.mul(base.figure.value.abs()))) continue;
    taken.add(`${p.figure.line}:${p.figure.column}`);
    out = out.map((s) => (s === share ? { ...s, rate: { ...p.figure, context: s.context } } : s));
  }
  return out;
}
