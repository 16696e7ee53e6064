import { headClass, payerBeforeFigure } from './lexicon.js';
import type { PlacedShare } from './types.js';
import type { Candidate, Mention, Span } from './types.js';
import type { SourceKind } from '../sources.js';

/**
 * A grant named without its payer, right before its figure ("The grant amounts to EUR 50 000", "Dotācija ir 50 000
 * EUR", "une subvention de 150 000 €", "ein Zuschuss von 20.000 Euro").
 */
const GRANT_BEFORE = new RegExp(
  String.raw`(?<!\p{L})(?:grant|subsidy|subvention|subsidie|dotācij\p{L}*|atbalst\p{L}*|Zuschuss\p{L}*|Förderung|` +
    String.raw`dotac\p{L}*|dotacj\p{L}*|dofinansowani\p{L}*|contribut\p{L}*|sovvenzion\p{L}*|contributo|toetus\p{L}*|` +
    String.raw`parama)(?!\p{L})[^\d.;!?]{0,30}$`,
  'iu',
);

/** The words of a sentence start: a full stop, question or exclamation mark before a capital, or a blank line. */
const SENTENCE_START = /[.!?](?=\s+\p{Lu})|\n\s*\n/gu;

/**
 * A grant whose payer is named in the sentence before it, or earlier in its own, and nowhere beside the figure
 * ("Kurzeme Planning Region approved its support in May. The grant amounts to EUR 50 000", "La Région Sud a voté … une
 * subvention de 150 000 €"): the payer's share, with a `# check:` naming the words it came from. Only one payer
 * named there, of a class (a region, a municipality, the state, a fund the lexicon lists), that states no figure of its
 * own; with none or several it stays a candidate.
 */
export function grantsOfPayersBefore(
  text: string,
  mentions: Mention[],
  shares: PlacedShare[],
  candidates: Candidate[],
  currency: string,
): { shares: PlacedShare[]; candidates: Candidate[] } {
  const money = mentions.filter((m): m is Extract<Mention, { type: 'money' }> => m.type === 'money');
  const sources = mentions.filter((m): m is Extract<Mention, { type: 'source' }> => m.type === 'source');
  // a payer named with no figure of its own is attached as an empty share: it states none
  const stated = new Set(shares.filter((s) => s.rate || s.amount || s.rest).map((s) => s.id));
  const taken = new Set<number>();
  const added: PlacedShare[] = [];
  for (const c of candidates) {
    if (c.project !== undefined || c.received !== undefined || c.sentence === undefined) continue;
    if (c.currency !== undefined && c.currency !== currency) continue;
    const grant = GRANT_BEFORE.exec(text.slice(Math.max(0, c.offset - 60), c.offset));
    if (!grant) continue;
    const grantStart = c.offset - (Math.min(60, c.offset) - grant.index);
    // the grant's own sentence up to its word, else the sentence before it; no figure there (the payer states none of
    // its own)
    const window = Math.max(0, grantStart - 400);
    const starts = [
      window,
      ...[...text.slice(window, grantStart).matchAll(SENTENCE_START)].map((m) => window + m.index + m[0].length),
    ];
    const own = { start: starts.at(-1) ?? window, end: grantStart };
    const before = { start: starts.at(-2) ?? window, end: own.start };
    const figureIn = (span: Span) => money.some((m) => m.start >= span.start && m.end <= span.end);
    let payers = figureIn(own) ? [] : payersIn(text, own, sources);
    if (payers.length === 0 && !figureIn(own) && own.start > 0 && !figureIn(before))
      payers = payersIn(text, before, sources);
    if (payers.length !== 1) continue;
    const [payer] = payers as [{ id: string; kind: SourceKind; name: string }];
    if (stated.has(payer.id)) continue;
    const placed = place(text, c.offset);
    taken.add(c.offset);
    stated.add(payer.id);
    const { project: _p, offset: _o, basis: _b, costs: _c, sentence, received: _r, ...figure } = c;
    added.push({
      id: payer.id,
      name: payer.name,
      kind: payer.kind,
      rate: undefined,
      amount: {
        ...figure,
        checks: [...figure.checks, `the payer is read from the words before the grant: "${payer.name}"`],
      },
      rest: false,
      line: placed,
      context: figure.context,
      checks: [],
      sentence,
      offset: c.offset,
      chunk: -1,
    });
  }
  if (added.length === 0) return { shares, candidates };
  return { shares: [...shares, ...added], candidates: candidates.filter((c) => !taken.has(c.offset)) };
}

/** The payers a stretch of text names: the lexicon's sources in it, and payer head nouns outside them. */
function payersIn(text: string, span: Span, sources: Extract<Mention, { type: 'source' }>[]) {
  const found = new Map<string, { id: string; kind: SourceKind; name: string }>();
  const inside = sources.filter((s) => s.start >= span.start && s.end <= span.end);
  for (const s of inside) if (!s.generic && !s.made) found.set(s.id, { id: s.id, kind: s.kind, name: s.name });
  let words = text.slice(span.start, span.end);
  for (const s of inside)
    words = words.slice(0, s.start - span.start) + ' '.repeat(s.end - s.start) + words.slice(s.end - span.start);
  for (const w of words.matchAll(/\p{L}+/gu)) {
    const head = headClass(w[0]);
    if (!head || head.id === 'named') continue;
    // a capitalised head ending a proper name is read as the name's ("the European Research Council" is a named
    // body, no municipality), and a named body is no payer of a grant here
    const name = /(?:\p{Lu}\p{L}*[ \t]+)+$/u.exec(words.slice(0, w.index))?.[0];
    if (name && /^\p{Lu}/u.test(w[0]) && payerBeforeFigure(name + w[0], true)?.named !== false) continue;
    if (!found.has(head.id)) found.set(head.id, { ...head, name: w[0] });
  }
  return [...found.values()];
}

/** The line of an offset (1-based). */
function place(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
