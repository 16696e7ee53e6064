import { lastStartingBefore, overlapTest } from './spans.js';
import type { Mention, Span } from './types.js';

/** Clause boundaries: where one share's words end and the next one's begin. */
const SEPARATOR = new RegExp(
  String.raw`;|,(?=\s)|\s\+(?=\s)|\s(?:un|and|kā arī|as well as|bet|but|while|savukārt|t\.\s?sk\.|tai skaitā|` +
    String.raw`including|of which|no kā|no tiem|no tām|und|davon|et|dont|e|di cui|y|de los cuales|` +
    String.raw`de las cuales|iš jų|ja|millest|i|w tym|z czego|din care|от които|из которых|z toho|` +
    String.raw`z ktorých|od tega|od česar|od čega|ebből|и|și|és)(?=\s)|\n`,
  'giu',
);
// a full stop before a capital, or after a word of three letters or more or a bracket before a number ("… eiro.
// 1.atlases kārtā", "… (EUR 5 000). 25 projects"): an initial, a date's "m." or "g." and the abbreviations below are
// no ends
const SENTENCE_END = /\.(?=\s+[\p{Lu}"“(]|\s*$)|(?<=\p{L}{3}|[)\]”"%])\.(?=[\x20\u00a0]+\d)|\n\s*\n/gu;
const ABBREVIATIONS = new RegExp(
  String.raw`(?:t\.\s?sk|ap|apm|milj|tūkst|mln|mljrd|u\.c|utt|piem|nr|approx|ca|etc|e\.g|i\.e|No|Nr|g|gad|lpp|pkt|` +
    String.raw`art|str|poz|tys|mio|mrd|tis|par|vol|pag|sec|ref|bzw|resp|vs|usw|inkl|zzgl|ggf|vgl|sog|bzgl)$`,
  'iu',
);

export interface Chunk extends Span {
  index: number;
  sentence: number;
  mentions: Mention[];
}

export function chunksOf(text: string, mentions: Mention[]): Chunk[] {
  // no cut inside a figure, nor inside a name that runs over a line wrap
  const figures = overlapTest(
    mentions.filter((m) => m.type === 'money' || m.type === 'percent' || m.type === 'source'),
  );
  const inside = (offset: number) => figures({ start: offset, end: offset });
  const hard = [...text.matchAll(SENTENCE_END)]
    .filter((m) => !ABBREVIATIONS.test(text.slice(Math.max(0, m.index - 8), m.index)) && !inside(m.index))
    .map((m) => m.index);
  // a full stop right after an amount before a number ("… EUR 1 500. 4 more calls …"); a date's "16. 1. 2009" is none
  for (const m of mentions)
    if (m.type === 'money' && /^\.[\x20\u00a0]+\d/.test(text.slice(m.end, m.end + 3))) hard.push(m.end);
  // words in a short parenthesis without figures belong to the phrase before it ("publiskais finansējums (ES un valsts
  // līdzdalība)"): no cut inside
  const brackets = overlapTest(
    [...text.matchAll(/\([^()\n\d]{1,120}\)/g)].map((m) => ({ start: m.index, end: m.index + m[0].length })),
  );
  const soft = [...text.matchAll(SEPARATOR)]
    .filter((m) => !inside(m.index) && !brackets({ start: m.index, end: m.index + 1 }) && !wrapAt(text, m.index))
    .map((m) => m.index);
  const glued = labelValueGaps(text, mentions);
  const sentenceEnds = new Set(hard.filter((c) => !glued(c)));
  const cuts = [...new Set([...hard, ...soft])].filter((c) => !glued(c)).sort((a, b) => a - b);
  const chunks: Chunk[] = [];
  let start = 0;
  let sentence = 0;
  for (const cut of [...cuts, text.length]) {
    chunks.push({ start, end: cut, index: chunks.length, sentence, mentions: [] });
    if (sentenceEnds.has(cut)) sentence++;
    start = cut;
  }
  // mentions and chunks both in text order: one walk places every mention
  let at = 0;
  for (const mention of [...mentions].sort((a, b) => a.start - b.start)) {
    while (at < chunks.length && !(mention.start >= chunks[at]!.start && mention.start < chunks[at]!.end)) at++;
    if (at === chunks.length) {
      chunks.at(-1)!.mentions.push(mention);
      at = 0;
    } else {
      chunks[at]!.mentions.push(mention);
    }
  }
  return chunks.filter((c) => c.mentions.length > 0);
}

/**
 * A line wrap inside a sentence of prose: a long line that ends in a word, no punctuation, and a next line that goes
 * on with a small letter ("… príspevok z ESF" / "do výšky 349 468,15 EUR …"). No clause ends there; a list item, a
 * label or a table row (short lines, a figure or a capital after the break) is no wrap.
 */
function wrapAt(text: string, at: number): boolean {
  if (text[at] !== '\n') return false;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const line = text.slice(lineStart, at);
  return (
    line.length >= 60 &&
    /\p{L}$/u.test(line) &&
    !/[|\t]/.test(line) &&
    /^[\x20\u00a0]*\p{Ll}/u.test(text.slice(at + 1, at + 40))
  );
}

/**
 * A label on its line and its value alone on the next, blank lines between ("Overall cost" / "€ 75 000",
 * "ERAF finansējums" / "63 750 EUR"): one clause, as "Overall cost: € 75 000" is. The gaps between such lines, where
 * no cut is made; a line of a figure alone follows a label only when the label's line has no figure of its own.
 */
function labelValueGaps(text: string, mentions: Mention[]): (offset: number) => boolean {
  const figures = mentions.filter((m) => m.type === 'money' || m.type === 'percent').sort((a, b) => a.start - b.start);
  const gaps: Span[] = [];
  let f = 0;
  let label: { end: number; words: boolean } | undefined;
  let at = 0;
  while (at <= text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const line = text.slice(at, end);
    // a label or a value alone is a short line; a long one is neither (and cutting its figures out is quadratic)
    if (line.length > 200) label = undefined;
    else if (line.trim() !== '') {
      while (f < figures.length && figures[f]!.start < at) f++;
      let g = f;
      while (g < figures.length && figures[g]!.start < end) g++;
      const inLine = figures.slice(f, g);
      // the line's text outside its figures: nothing but brackets and separators makes it a value alone
      let rest = line;
      for (const m of [...inLine].reverse()) rest = rest.slice(0, m.start - at) + rest.slice(m.end - at);
      const valueAlone = inLine.length > 0 && /^[\s()[\]:;,.–—-]*$/u.test(rest);
      // a table's cell and the figure in the next ("Kopā;100 000,00", "| ERAF | 85 000 |"): one clause, no cut between
      const first = inLine[0];
      if (first && /^[\s|;\t]*\p{L}[^\d;|\t]*[;|\t][\s;|\t]*$/u.test(text.slice(at, first.start)))
        gaps.push({
          start: at + (/^[\s|;\t]*\p{L}[^\d;|\t]*/u.exec(text.slice(at, first.start))?.[0].length ?? 0),
          end: first.start,
        });
      if (valueAlone && label?.words) gaps.push({ start: label.end, end: at });
      label = inLine.length === 0 && line.trim().length <= 80 ? { end, words: /\p{L}/u.test(line) } : undefined;
    }
    at = end + 1;
  }
  const inside = overlapTest(gaps);
  return (offset) => inside({ start: offset, end: offset + 1 });
}

/**
 * A clause that names two sources and two figures without a separator
 * between them ("Cohesion Fund (€3.57 million) with the remaining €630,000
 * provided by the Ministry") is two clauses: cut before the second source,
 * or before the rest words that lead to it.
 */
export function splitAtSources(chunk: Chunk): Chunk[] {
  // chunk.mentions stand in text order: every question below is a binary search or one walk, never a scan per source
  const sources = chunk.mentions.filter((m) => m.type === 'source');
  const figureStarts = chunk.mentions.filter((m) => m.type === 'money' || m.type === 'percent').map((m) => m.start);
  if (sources.length < 2 || figureStarts.length < 2) return [chunk];
  const rests = chunk.mentions.filter((m) => m.type === 'rest');
  const cuts: number[] = [];
  // whether a figure starts in [from, to)
  const figureAt = (from: number, to: number) => {
    let low = 0;
    let high = figureStarts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (figureStarts[middle]! < from) low = middle + 1;
      else high = middle;
    }
    return low < figureStarts.length && figureStarts[low]! < to;
  };
  for (let k = 1; k < sources.length; k++) {
    const before = sources[k - 1]!;
    const source = sources[k]!;
    if (before.end > source.start) continue;
    // the last rest words between the two sources
    let r = lastStartingBefore(rests, source.start);
    while (r >= 0 && rests[r]!.start >= before.end && rests[r]!.end > source.start) r--;
    const rest = r >= 0 && rests[r]!.start >= before.end ? rests[r] : undefined;
    const cut = rest?.start ?? source.start;
    // only where both sides keep a figure: "… is match funding from the council" is one clause
    if (figureAt(cuts.at(-1) ?? chunk.start, cut) && figureAt(cut, sources[k + 1]?.start ?? chunk.end)) cuts.push(cut);
  }
  const parts: Chunk[] = [];
  let start = chunk.start;
  let at = 0;
  for (const cut of [...cuts, chunk.end]) {
    const mentions: Mention[] = [];
    while (at < chunk.mentions.length && chunk.mentions[at]!.start < start) at++;
    while (at < chunk.mentions.length && chunk.mentions[at]!.start < cut) mentions.push(chunk.mentions[at++]!);
    parts.push({ ...chunk, start, end: cut, mentions });
    start = cut;
  }
  return parts.filter((p) => p.mentions.length > 0);
}

/** A clause without the spaces and punctuation around it (its whitespace already one space each). */
export function trimClause(words: string): string {
  const edge = (c: string) => c === ' ' || c === ',' || c === ';' || c === '.';
  let start = 0;
  let end = words.length;
  while (start < end && edge(words[start]!)) start++;
  while (end > start && edge(words[end - 1]!)) end--;
  return words.slice(start, end);
}
