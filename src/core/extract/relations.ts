import { lineIndex } from '../position.js';
import { chunksOf, splitAtSources, trimClause, type Chunk } from './chunk.js';
import { laterStatement } from './amendments.js';
import { AMENDED_BEFORE, payerOf } from './lexicon.js';
import { fold, foldedPattern } from './normalise.js';

const FOLDED_AMENDED = foldedPattern(AMENDED_BEFORE);
import type { Candidate, FoundFigure, FoundShare, Mention } from './types.js';

/** "or" in the EU languages: a list of payers that are alternatives. */
const ALTERNATIVES = /(?<!\p{L})(?:or|vai|arba|või|lub|albo|nebo|alebo|oder|ou|sau|или|ali|vagy|eller)(?!\p{L})/iu;

/**
 * The words between a total and its amount: none, "of", or a relative clause that states it ("kas sastāda", "which
 * amount to"). "nepārsniedzot", "not exceeding" lead to a share's ceiling, a dash or "jeb" to the share's amount.
 */
const BASE_TO_AMOUNT = new RegExp(
  String.raw`^[\s,]*(?:(?:of|no|de|di|von|z|ze|iš|din)|(?:kas|kuras|kuru|kuri|which|that)\s+(?:sastāda|ir|veido|` +
    String.raw`is|are|amounts? to|totals?)|amounting to|totall?ing|in the amount of|kopsummā)?\s*$`,
  'iu',
);

/**
 * The words between a rest and a figure in apposition to it ("the remaining sum, €108,000", "pārējo summu – EUR
 * 108 000", "le reste, soit 108 000 €", "den Restbetrag, d. h. 108.000 €"): the figure is the rest's declared amount,
 * which check holds against what the others leave.
 */
const REST_APPOSITION = new RegExp(
  String.raw`^[\s\u00a0]*(?:[,:–—-]|\()?[\s\u00a0]*(?:(?:of|i\.\s?e\.|that is|namely|jeb|t\.\s?i\.|proti|soit|` +
    String.raw`c'est-à-dire|d\.\s?h\.|das heißt|czyli|tj\.|tzn\.|t\.\s?j\.|ossia|cioè|t\.\s?y\.)[\s\u00a0,:]*)?` +
    String.raw`(?:[–—-][\s\u00a0]*)?$`,
  'iu',
);

export type PlacedShare = FoundShare & { sentence: number; offset: number; chunk: number; restEnd?: number };

/**
 * Attaches figures to the sources and totals of their clauses: a source's
 * clause gives it the nearest amount and the first rate; an amount after a
 * total word is a candidate budget; a figure alone in its clause joins the
 * share of the clause before it, in the same sentence.
 */
export function attach(
  text: string,
  mentions: Mention[],
  currency: string,
): { shares: PlacedShare[]; candidates: Candidate[] } {
  // one clause text per chunk, shared by every figure in it: a copy per figure grows with the square of a long clause
  const clauses = new WeakMap<Chunk, string>();
  const clause = (chunk: Chunk) => {
    let words = clauses.get(chunk);
    if (words === undefined) {
      words = trimClause(text.slice(chunk.start, chunk.end).replace(/\s+/g, ' ')).replace(
        new RegExp(
          String.raw`^(?:(?:un|and|kā arī|as well as|bet|but|while|savukārt|t\.\s?sk\.|tai skaitā|including|` +
            String.raw`of which|no kā|no tiem|no tām)\s+)+`,
          'iu',
        ),
        '',
      );
      clauses.set(chunk, words);
    }
    return words;
  };

  const place = lineIndex(text);
  const shares: PlacedShare[] = [];
  const candidates: Candidate[] = [];
  const orphans: { mention: Mention & { figure: FoundFigure }; chunk: Chunk }[] = [];
  // the last mention of each clause, and its sentence: a clause that ends in a total's words leads to its amount
  const lastOf = new Map<number, { mention: Mention; sentence: number }>();
  for (const chunk of chunksOf(text, mentions).flatMap(splitAtSources)) {
    lastOf.set(chunk.index, { mention: chunk.mentions.at(-1)!, sentence: chunk.sentence });
    const context = clause(chunk);
    const withContext = (figure: FoundFigure) => ({ ...figure, context });
    const of = <T extends Mention['type']>(type: T) =>
      chunk.mentions.filter((m): m is Extract<Mention, { type: T }> => m.type === type);
    // A named fund outranks a generic name ("the EU contribution through the ERDF"), and a source the lexicon knows one
    // made from words ("dofinansowanie z EFRR").
    const rank = (m: Extract<Mention, { type: 'source' }>) => (m.generic ? 1 : 0) + (m.made ? 2 : 0);
    const [source, ...extraSources] = of('source').sort((a, b) => rank(a) - rank(b));
    const rest = of('rest')[0];
    const money = of('money');
    const percents = of('percent');
    if (source || rest) {
      const anchor = (source ?? rest)!;
      // "the project budget of EUR 500 000 is funded 80% by Interreg": the amount after a total word is the total's.
      // (An amount before the anchor is before the source too, so any total word ending before it counts: the
      // earliest-ending one decides.)
      // TOTAL is MONEY takes one amount: the first after each total word, before the anchor ("attiecināmās izmaksas 858
      // 618,29 EUR (85% jeb 729 825,54 EUR ir ERAF")
      const totalsOwn = new Map<Mention, Extract<Mention, { type: 'total' }>>();
      let open: Extract<Mention, { type: 'total' }> | undefined;
      for (const m of chunk.mentions) {
        if (m.start >= anchor.start) break;
        if (m.type === 'total') open ??= m;
        else if (m.type === 'money' && open) {
          totalsOwn.set(m, open);
          open = undefined;
        }
      }
      // PCT of TOTAL MONEY: "75% apmērā no attiecināmajām izmaksām, kas sastāda 300 000 EUR", "90% of the eligible
      // costs of EUR 1 000 000": the amount after the base a rate names is the base's, not the share's
      for (const [i, m] of chunk.mentions.entries()) {
        const base = chunk.mentions[i + 1];
        const amount = chunk.mentions[i + 2];
        if (m.type !== 'percent' || base?.type !== 'total' || amount?.type !== 'money') continue;
        if (/\d/.test(text.slice(m.end, base.start)) || base.start - m.end > 24) continue;
        if (!BASE_TO_AMOUNT.test(text.slice(base.end, amount.start))) continue;
        totalsOwn.set(amount, base);
      }
      const isTotal = (m: Mention) => totalsOwn.has(m);
      const own = money.filter((m) => !isTotal(m));
      // the nearest to the anchor; of equally near ones, the first
      let nearest: (typeof own)[number] | undefined;
      // an amount in the document's currency outranks one in another; one with its currency written, one that
      // inherits it
      const standing = (m: (typeof own)[number]) => (m.currency === currency ? 0 : 2) + (m.inherited ? 1 : 0);
      for (const m of own)
        if (
          !nearest ||
          standing(m) < standing(nearest) ||
          (standing(m) === standing(nearest) &&
            Math.abs(m.start - anchor.start) < Math.abs(nearest.start - anchor.start))
        )
          nearest = m;
      for (const m of money.filter(isTotal)) {
        const total = totalsOwn.get(m)!;
        if (total.basis !== 'ineligible')
          candidates.push({
            ...withContext(m.figure),
            project: total.project,
            offset: m.start,
            sentence: chunk.sentence,
            ...(total.basis ? { basis: total.basis } : {}),
            ...(total.costs ? { costs: true } : {}),
          });
      }
      // "Eiropas Reģionālās attīstības fonda (ERAF)"
      const others = extraSources.filter((s) => s.id !== source?.id && !s.made);
      const checks = others.length > 0 ? [`this clause also names ${others.map((s) => s.name).join(', ')}`] : [];
      if (percents.length > 1)
        checks.push(`the clause has ${percents.length} percentages; took ${percents[0]!.figure.text}`);
      // a rest is paid by the payer its words name ("atlikušās izmaksas sedz pašvaldība"); with none named it is no
      // share of its own
      // "covered by national, regional or private sources" names alternatives, not a payer
      const after = text.slice(rest?.end ?? 0, Math.min(text.length, (rest?.end ?? 0) + 120)).split(/[.;\n]/)[0]!;
      const payer = source ?? (ALTERNATIVES.test(after) ? undefined : payerOf(text.slice(rest!.end, chunk.end)));
      if (!payer) continue;
      shares.push({
        id: payer.id,
        name: source?.name ?? 'the rest',
        kind: payer.kind,
        rate: percents[0] && withContext(percents[0].figure),
        amount: nearest && withContext(nearest.figure),
        rest: Boolean(rest) && !nearest && !percents[0],
        ...(nearest && FOLDED_AMENDED.test(fold(text.slice(Math.max(chunk.start, nearest.start - 80), nearest.start)))
          ? { amended: true }
          : {}),
        line: place(anchor.start).line,
        context,
        checks,
        sentence: chunk.sentence,
        offset: anchor.start,
        chunk: chunk.index,
        ...(rest ? { restEnd: rest.end } : {}),
      });
      // an amount that inherits its currency counts only where a relation places it
      for (const other of own.filter((m) => m !== nearest && !m.inherited))
        candidates.push({
          ...withContext(other.figure),
          project: undefined,
          offset: other.start,
          sentence: chunk.sentence,
        });
      continue;
    }
    const total = of('total')[0];
    for (const m of money) {
      // the non-eligible costs are neither the budget nor a share
      if (total?.basis === 'ineligible') continue;
      if (total)
        candidates.push({
          ...withContext(m.figure),
          project: total.project,
          offset: m.start,
          sentence: chunk.sentence,
          ...(total.basis ? { basis: total.basis } : {}),
          ...(total.costs ? { costs: true } : {}),
        });
      else orphans.push({ mention: m, chunk });
    }
    for (const p of percents) orphans.push({ mention: p, chunk });
  }

  // A figure alone in its clause belongs to the share before it, or after it, in the same sentence.
  const amendments: PlacedShare[] = [];
  for (const { mention, chunk } of orphans) {
    const key = mention.type === 'money' ? 'amount' : 'rate';
    // "… no attiecināmajām izmaksām, kas sastāda 300 000 EUR": the amount of the total that ends the clause before
    const before = lastOf.get(chunk.index - 1);
    const base = before?.mention.type === 'total' && before.sentence === chunk.sentence ? before.mention : undefined;
    if (
      mention.type === 'money' &&
      base &&
      chunk.mentions[0] === mention &&
      BASE_TO_AMOUNT.test(text.slice(base.end, mention.start))
    ) {
      if (base.basis !== 'ineligible')
        candidates.push({
          ...mention.figure,
          context: clause(chunk),
          project: base.project,
          offset: mention.start,
          sentence: chunk.sentence,
          ...(base.basis ? { basis: base.basis } : {}),
          ...(base.costs ? { costs: true } : {}),
        });
      continue;
    }
    // shares stand in text order: the last one before the figure, by binary search
    let low = 0;
    let high = shares.length - 1;
    let previous: (typeof shares)[number] | undefined;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (shares[middle]!.offset < mention.start) {
        previous = shares[middle];
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    const near = previous?.sentence === chunk.sentence && previous?.chunk === chunk.index - 1 ? previous : undefined;
    // "…, taču tas tika samazināts līdz 200 000 EUR", "…, nevis 37 500 EUR": a later statement of the share before it
    // in the sentence (amendments.ts)
    const restated = previous?.sentence === chunk.sentence && previous.amount ? previous : undefined;
    const later = mention.type === 'money' && restated ? laterStatement(text, chunk.start, mention.start) : undefined;
    if (later === 'this' && restated)
      amendments.push({
        ...restated,
        amount: { ...mention.figure, context: clause(chunk) },
        amended: true,
        offset: mention.start,
        checks: [],
      });
    if (later === 'before' && restated) restated.amended = true;
    if (later === 'this') continue;
    // "the municipality covers the remaining sum, €108,000": the rest's own figure, which check compares with what
    // the others leave (left out, the rest would take the remainder and pass whatever the figure says)
    const restAmount =
      near !== undefined &&
      key === 'amount' &&
      near.rest &&
      near.restEnd !== undefined &&
      chunk.mentions[0] === mention &&
      REST_APPOSITION.test(text.slice(near.restEnd, mention.start));
    const target = near && !near[key] && (!near.rest || restAmount) ? near : undefined;
    if (target && restAmount) target.rest = false;
    if (target) target[key] = { ...mention.figure, context: target.context + ' … ' + clause(chunk) };
    else if (mention.type === 'money' && !mention.inherited)
      candidates.push({
        ...mention.figure,
        context: clause(chunk),
        project: undefined,
        offset: mention.start,
        sentence: chunk.sentence,
      });
  }

  return {
    shares: amendments.length > 0 ? [...shares, ...amendments].sort((a, b) => a.offset - b.offset) : shares,
    candidates,
  };
}
