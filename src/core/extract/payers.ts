import type { Chunk } from './chunk.js';
import { CONFLICT } from './conflicts.js';
import { fold } from './normalise.js';
import type { FoundFigure, Mention } from './types.js';
import type { PlacedShare } from './types.js';

/**
 * Two payers or more joined by "and" before their figures ("ERAF un valsts budžets sedz attiecīgi 85% un 10%", "the
 * ERDF and the state budget cover EUR 425,000 and EUR 50,000 respectively", "ERAF un valsts budžeta finansējums –
 * 180 000 EUR"). Read clause by clause, the last payer would take the first figure and the first payer (often the EU
 * fund) none: a wrong budget file that passes. As many figures as payers pair in order (a doubt when the words do not
 * say "respectively"); one figure is the payers' together, whose split the budget file cannot state: it is written on
 * the EU fund among them (else the first payer) with a conflict naming them all, so check fails until it is split.
 */

/** "and" and its kin in the EU languages, folded, and the list words that stand beside it. */
const AND =
  String.raw`(?:un|and|ir|und|sowie|i|oraz|et|ainsi que|e|ed|nonche|y|a|ja|es|si|och|en|og|kai|και|и|ve|&|\+|` +
  String.raw`ka ari|as well as|bzw\.?|beziehungsweise|respektive|illetve|oziroma|odnosno)`;
/** "respectively" in the EU languages, folded (`jeweils` with several figures, `bzw.` between them). */
const RESPECTIVELY = new RegExp(
  String.raw`(?<!\p{L})(?:attiecigi|respectively|respective|respektive|beziehungsweise|bzw\.?|jeweils|odpowiednio|` +
    String.raw`respectivement|rispettivamente|respectivamente|respectiv|atitinkamai|vastavalt|vastaavasti|prislusne|` +
    String.raw`v tomto poradi|v uvedenom poradi|rendre|illetve|oziroma|odnosno|respectievelijk|respektive|` +
    String.raw`соответственно|съответно|αντιστοιχα|αντίστοιχα)(?!\p{L})`,
  'iu',
);
const ARTICLE = String.raw`(?:the|die|der|den|dem|des|das|le|la|les|l['’]|du|el|los|il|lo|gli|het|de|o)`;
/** Between two payers of a list: a comma or "and", an article, a word of the next payer's ("un novada pašvaldība"). */
const BETWEEN_PAYERS = new RegExp(
  String.raw`^\s*(?:,\s*(?:${AND}\s+)?|${AND}\s+)(?:${ARTICLE}\s+|l['’])?(?:\p{L}{2,20}\s+)?$|^\s*,\s*$`,
  'iu',
);
/** Between two figures of a list ("85% un 10%", "EUR 425,000 and EUR 50,000", "il 70% e il 30%", "85 % bzw. 10 %"). */
const BETWEEN_FIGURES = new RegExp(String.raw`^[\s)]*(?:,\s*(?:${AND}\s+)?|${AND}\s+)(?:${ARTICLE}\s+)?$`, 'iu');
/** Between a rate and the amount it is, or the amount and its rate ("90% jeb 450 000 EUR", "90% (EUR 450,000)"). */
const RATE_AND_AMOUNT = /^\s*(?:jeb|or|arba|ou|oder|lub|albo|sau|tj\.|i\.\s?e\.|[(–—:=-])?\s*$/iu;
/** Between the last payer and the first figure: a verb and its words, no figure, bracket or sentence end. */
const LEAD = /^[^\d()[\];.\n]{0,60}$/u;
/**
 * A lead that opens with "and" leads to the next clause's figure ("… the state budget and EUR 50,000 from …"). The
 * Lithuanian "ir" (and) is the Latvian "ir" (is): "ERAF finansējums un valsts budžeta dotācija ir attiecīgi 85% un 10%"
 * leads to the list's own figures, so "ir" opens a next clause only in a Lithuanian text (`lithuanian`).
 */
const NEXT_CLAUSE = new RegExp(String.raw`^\s*(?:,\s*)?(?!ir\s)${AND}\s`, 'iu');
const NEXT_CLAUSE_LT = new RegExp(String.raw`^\s*(?:,\s*)?${AND}\s`, 'iu');
/** Letters of Lithuanian that Latvian has not, and of Latvian that Lithuanian has not. */
const LITHUANIAN = /[ąęėįų]/iu;
const LATVIAN = /[āēīķļņģ]/iu;
/** "is", "are" in the EU languages, folded: between a figure and its payers ("425 000 EUR ir ERAF un valsts …"). */
const COPULA =
  String.raw`(?:ir|is|are|ist|sind|est|sont|jest|sa|to|je|jsou|es|son|e|sono|on|ovat|er|ar|zijn|yra|van|este|` +
  String.raw`sunt|ειναι|е|са)`;
/**
 * Between the last figure of a list and the first payer after it ("ko attiecīgi 85% un 10% apmērā sedz ERAF un …",
 * "which 85% and 10% are covered by the ERDF and …"): a verb and its words, no figure, comma or sentence end.
 */
const LEAD_BEFORE = /^[^\d()[\];,.:\n]{1,40}$/u;
/** Between a figure and the payer right after it ("EUR 180 000 (comes) from the ERDF and …"): the list's figure. */
const FIGURE_BEFORE = new RegExp(
  String.raw`^\s*(?:(?:\p{L}{2,12}\s+)?(?:from|by|of|no|de|du|de la|des|del|della|von|vom|aus|z|ze|iš|din|od)\s+|` +
    String.raw`${COPULA}\s+)?` +
    String.raw`(?:${ARTICLE}\s+|l['’])?$`,
  'iu',
);

type Source = Extract<Mention, { type: 'source' }>;
type Figure = Extract<Mention, { type: 'money' | 'percent' }>;
type Placed = { mention: Mention; sentence: number };
/** One statement of the list: a rate, an amount, or both side by side ("90% jeb 450 000 EUR"). */
type Item = { figures: Figure[]; end: number };

/** "together" in the EU languages (folded): the figure after it is the payers' before it, not a total. */
const TOGETHER = new RegExp(
  String.raw`^(?:kopa|kopuma|together|jointly|combined|zusammen|gemeinsam|insgesamt|lacznie|razem|ensemble|au total|` +
    String.raw`insieme|en total|kokku|kartu|is viso|celkem|spolu|skupaj|ukupno|osszesen|yhteensa|` +
    String.raw`tillsammans|sammanlagt)$`,
  'iu',
);

const textOf = (text: string, m: Mention | undefined) => (m ? text.slice(m.start, m.end) : '');

const isFigure = (m: Mention): m is Figure => m.type === 'money' || m.type === 'percent';

/** The list's shares and the mentions they took, which leave the clauses. */
export function payerLists(text: string, chunks: Chunk[]): { shares: Omit<PlacedShare, 'line'>[]; used: Set<Mention> } {
  const shares: Omit<PlacedShare, 'line'>[] = [];
  const used = new Set<Mention>();
  const seq: Placed[] = chunks.flatMap((c) => c.mentions.map((mention) => ({ mention, sentence: c.sentence })));
  const gap = (a: Mention, b: Mention) => fold(text.slice(a.end, b.start));
  const nextClause = LITHUANIAN.test(text) && !LATVIAN.test(text) ? NEXT_CLAUSE_LT : NEXT_CLAUSE;
  for (let i = 0; i < seq.length; i++) {
    const first = seq[i];
    if (first?.mention.type !== 'source') continue;
    // the run of payers: sources of one sentence joined by "and" or commas, each a payer of its own
    const payers: Source[] = [first.mention];
    let j = i + 1;
    for (; j < seq.length; j++) {
      const next = seq[j];
      const last = payers.at(-1);
      if (!next || !last || next.mention.type !== 'source' || next.sentence !== first.sentence) break;
      const payer = next.mention;
      if (payers.some((p) => p.id === payer.id) || !BETWEEN_PAYERS.test(gap(last, payer))) break;
      payers.push(payer);
    }
    const lastPayer = payers.at(-1) ?? first.mention;
    const items: Item[] = [];
    // after the payers, through a verb ("together", "kopā" is no total there): the list's figures
    let at = j;
    while (seq[at]?.mention.type === 'total' && TOGETHER.test(fold(textOf(text, seq[at]?.mention)))) at++;
    const lead = seq[at];
    if (
      lead &&
      lead.sentence === first.sentence &&
      isFigure(lead.mention) &&
      LEAD.test(gap(lastPayer, lead.mention)) &&
      // one payer "and" words before figures: the next clause's, unless "respectively" makes them a list (below)
      (payers.length === 1 || !nextClause.test(gap(lastPayer, lead.mention)))
    )
      for (let k = at; k < seq.length;) {
        const item = itemAt(seq, k, first.sentence, gap);
        if (!item) break;
        items.push(item.item);
        k = item.next;
        const after = seq[k];
        if (!after || after.sentence !== first.sentence) break;
        const between = gap(item.item.figures.at(-1) ?? after.mention, after.mention);
        // "… 180 000 EUR un 20 000 EUR pašvaldība": the figure right before a payer is that payer's; "… is EUR 450,000
        // and municipal co-financing EUR 50,000": an "and" before the payer leaves the figure the list's
        if (
          after.mention.type === 'source' &&
          between.length <= 30 &&
          !/[,;]/.test(between) &&
          !nextClause.test(between)
        ) {
          items.pop();
          break;
        }
        if (!isFigure(after.mention) || !BETWEEN_FIGURES.test(between)) break;
      }
    const before = seq[i - 1];
    const glued =
      before &&
      before.sentence === first.sentence &&
      isFigure(before.mention) &&
      FIGURE_BEFORE.test(gap(before.mention, first.mention));
    if (glued && items.length > 0) continue; // "85% ERAF un valsts budžets 15%": each payer has its own figure
    // before the first payer, a list of figures of one kind ("ko attiecīgi 85% un 10% apmērā sedz ERAF un valsts
    // budžets"): the list's figures, in order
    if (items.length === 0) items.push(...figuresBefore(seq, i, gap));
    if (glued && items.length === 0) {
      const start = seq[i - 2];
      const pair =
        start &&
        isFigure(start.mention) &&
        start.mention.type !== before.mention.type &&
        RATE_AND_AMOUNT.test(gap(start.mention, before.mention));
      items.push({
        figures: pair ? [start.mention as Figure, before.mention as Figure] : [before.mention as Figure],
        end: before.mention.end,
      });
    }
    if (items.length === 0) continue;
    const startAt = Math.min(first.mention.start, items[0]?.figures[0]?.start ?? Infinity);
    let endAt = Math.max(lastPayer.end, items.at(-1)?.end ?? 0);
    // "90% (EUR 450,000)": the bracket an item opened closes in its words
    if (text[endAt] === ')' && text.lastIndexOf('(', endAt) > text.lastIndexOf(')', endAt - 1)) endAt++;
    const tail = text.slice(endAt, endAt + 60).split(/[,;.\n]/)[0] ?? '';
    const head =
      text
        .slice(Math.max(0, startAt - 40), startAt)
        .split(/[,;.\n]/)
        .at(-1) ?? '';
    const context = text.slice(startAt, endAt).replace(/\s+/g, ' ');
    const respectively = RESPECTIVELY.test(fold(head + ' ' + text.slice(startAt, endAt) + ' ' + tail));
    // one payer for a "respectively" list of figures ("the ERDF and the state cover 85% and 10% respectively", the
    // state not read as a payer): which figure is its own is not read, and no figure may leave unseen
    if (payers.length === 1 && (items.length < 2 || !respectively)) continue;
    const names = payers
      .map((p) => p.name)
      .join(', ')
      .replace(/, ([^,]*)$/u, ' and $1');
    const figures = (item: Item) => item.figures.map((f) => f.figure.text).join(' / ');
    const share = (payer: Source, item: Item | undefined, checks: string[]): Omit<PlacedShare, 'line'> => {
      const rate = item?.figures.find((f) => f.type === 'percent');
      const amount = item?.figures.find((f) => f.type === 'money');
      return {
        id: payer.id,
        name: payer.name,
        kind: payer.kind,
        rate: rate && withContext(rate.figure, context),
        amount: amount && withContext(amount.figure, context),
        rest: false,
        context,
        checks,
        sentence: first.sentence,
        offset: payer.start,
        chunk: -10,
      };
    };
    if (items.length === 1 && items[0]) {
      // one figure for them all: on the EU fund among them, so that no EU fund leaves the file unseen
      const target = payers.find((p) => p.kind === 'eu-fund') ?? first.mention;
      shares.push({
        ...share(target, items[0], [
          `${CONFLICT}the document gives ${names} one figure together, ${figures(items[0])} ("${context}"); the ` +
            `split between them is not stated, so it is written on ${target.name} alone: write each payer's own figure`,
        ]),
        name: payers.map((p) => p.name).join(' + '),
      });
    } else if (items.length === payers.length) {
      const inOrder = payers.map((p, k) => `${p.name} ${items[k] ? figures(items[k]) : ''}`).join(', ');
      const checks = respectively ? [] : [`read in order (${inOrder}): the document does not say "respectively"`];
      payers.forEach((p, k) => shares.push(share(p, items[k], checks)));
    } else {
      const listed = items.map(figures).join(', ');
      const doubt =
        `${CONFLICT}the document names ${payers.length === 1 ? 'one payer' : `${payers.length} payers`} (${names}) ` +
        `and ${items.length} figures (${listed}): which figure is whose is not read`;
      payers.forEach((p, k) => shares.push(share(p, items[k], [doubt])));
    }
    for (const p of payers) used.add(p);
    // a figure no payer took stays in its clause, where the conflicts see it
    for (const item of items.slice(0, payers.length)) for (const f of item.figures) used.add(f);
    i = j - 1;
  }
  return { shares, used };
}

function withContext(figure: FoundFigure, context: string): FoundFigure {
  return { ...figure, context };
}

/** The item at seq[k]: a figure, with the figure of the other kind beside it when the words make them one. */
function itemAt(
  seq: Placed[],
  k: number,
  sentence: number,
  gap: (a: Mention, b: Mention) => string,
): { item: Item; next: number } | undefined {
  const one = seq[k];
  if (!one || one.sentence !== sentence || !isFigure(one.mention)) return undefined;
  const two = seq[k + 1];
  if (
    two &&
    two.sentence === sentence &&
    isFigure(two.mention) &&
    two.mention.type !== one.mention.type &&
    RATE_AND_AMOUNT.test(gap(one.mention, two.mention))
  )
    return { item: { figures: [one.mention, two.mention], end: two.mention.end }, next: k + 2 };
  return { item: { figures: [one.mention], end: one.mention.end }, next: k + 1 };
}

/** The figures of one kind right before the payer at seq[i], joined as a list (two or more), in order. */
function figuresBefore(seq: Placed[], i: number, gap: (a: Mention, b: Mention) => string): Item[] {
  const payer = seq[i];
  const last = seq[i - 1];
  if (!payer || !last || last.sentence !== payer.sentence || !isFigure(last.mention)) return [];
  if (!LEAD_BEFORE.test(gap(last.mention, payer.mention)) && !FIGURE_BEFORE.test(gap(last.mention, payer.mention)))
    return [];
  const run: Figure[] = [last.mention];
  for (let k = i - 2; k >= 0; k--) {
    const one = seq[k];
    const next = run[0];
    if (!one || !next || one.sentence !== payer.sentence || one.mention.type !== next.type) break;
    if (!BETWEEN_FIGURES.test(gap(one.mention, next))) break;
    run.unshift(one.mention);
  }
  return run.length < 2 ? [] : run.map((f) => ({ figures: [f], end: f.end }));
}
