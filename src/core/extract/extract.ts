import { CofinError } from '../errors.js';
import { lineIndex } from '../position.js';
import { Decimal, ZERO, sum } from '../decimal.js';
import { parseFigure, type Figure } from '../figure.js';
import { parseRate } from '../rate.js';
import type { SourceKind } from '../sources.js';
import {
  BUDGET_WORDS, HEDGE_BEFORE, LEADING_STOP_WORDS, NOT_A_SHARE, NOT_A_SHARE_AFTER, PROJECT_WORDS, REST_WORDS, SOURCE_PATTERNS, UNKNOWN_SOURCE,
  idFromWords, namesEuFund,
} from './lexicon.js';

export type Language = 'lv' | 'en';

/** A figure found in the document: its exact value, the words it came from, and where. */
export interface FoundFigure {
  value: Decimal;
  /** The figure as written in the document: `EUR 12 758`, `85%`. */
  text: string;
  /** The figure as a budget file writes it: `12758`, `~9284000`, `2.5 million`, `85`. */
  normal: string;
  line: number;
  column: number;
  approx: boolean;
  /** Doubts to show as `# check:` comments. */
  checks: string[];
  /** The words around it (its clause), for comments. */
  context: string;
}

export interface FoundShare {
  id: string;
  name: string;
  kind: SourceKind;
  rate: FoundFigure | undefined;
  amount: FoundFigure | undefined;
  rest: boolean;
  line: number;
  context: string;
  checks: string[];
}

export interface Extraction {
  language: Language;
  currency: string;
  budget: FoundFigure | undefined;
  funding: FoundShare[];
  projectTotal: FoundFigure | undefined;
  /** Other amounts found, kept as context. */
  others: FoundFigure[];
}

interface Span {
  start: number;
  end: number;
}
type Mention =
  | (Span & { type: 'money'; figure: FoundFigure; currency: string })
  | (Span & { type: 'percent'; figure: FoundFigure })
  | (Span & { type: 'source'; id: string; name: string; kind: SourceKind; made?: boolean })
  | (Span & { type: 'rest' })
  | (Span & { type: 'total'; project: boolean });

const NUM = String.raw`\d{1,3}(?:[ \u00a0\u202f'’]\d{3})+(?:[.,]\d+)?|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?`;
const MAG = String.raw`milj\.?|miljon\p{L}*|mln\.?|million\p{L}*|Mio\.?|Millionen|milion\p{L}*|millones|milioni|tūkst\.?|tūkstoš\p{L}*|thousand\p{L}*|tūkst\p{L}*|tys\.?|tuhat|mljrd\.?|miljard\p{L}*|billion\p{L}*|Mrd\.?|mld\.?`;
const CUR = String.raw`EUR|€|eiro|euros?|eurot?|eurų|eurai|d['’]euros?|Euro|LVL|Ls|latu|lati|USD|US\$|\$|GBP|£|PLN|zł`;
const MONEY = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(${CUR})\s?)?(?<![\p{N}.,])(~\s?)?(${NUM})(?![\p{N}])(?:\s?(${MAG})(?![\p{L}])|(m|bn|k)(?![\p{L}\p{N}]))?(?:\s?(${CUR})(?![\p{L}]))?`,
  'giu',
);
const PERCENT = /(?<![\p{L}\p{N}.,])(\d{1,3}(?:[.,]\d+)?)\s?(%|procent\p{L}*|proc\.|Prozent|pour cent|per cento|por ciento|protsent\p{L}*)/giu;
const CURRENCIES: Record<string, string> = { eur: 'EUR', '€': 'EUR', eiro: 'EUR', euro: 'EUR', euros: 'EUR', eurot: 'EUR', eurų: 'EUR', eurai: 'EUR', "d'euros": 'EUR', 'd’euros': 'EUR', "d'euro": 'EUR', pln: 'PLN', zł: 'PLN', lvl: 'LVL', ls: 'LVL', latu: 'LVL', lati: 'LVL', usd: 'USD', us$: 'USD', $: 'USD', gbp: 'GBP', '£': 'GBP' };
const MAGNITUDE_WORDS: [RegExp, string][] = [[/^(t|k$)/iu, 'thousand'], [/^(mljrd|miljard|billion|mrd|mld|bn$)/iu, 'billion'], [/^(milj|mln|million|mio|milion|millones|m$)/iu, 'million']];
/** Clause boundaries: where one share's words end and the next one's begin. */
const SEPARATOR = /;|,(?=\s)|\s(?:un|and|kā arī|as well as|bet|but|while|savukārt|t\.\s?sk\.|tai skaitā|including|of which|no kā|no tiem|no tām|und|davon|et|dont|e|di cui|y|de los cuales|de las cuales|iš jų|ja|millest|i|w tym)(?=\s)|\n/giu;
const SENTENCE_END = /\.(?=\s+[\p{Lu}"“(]|\s*$)|\n\s*\n/gu;
/** The words a source's name runs on over, read where the name ends (sticky: no copy of the text after it). */
const SOURCE_TAIL = /\s(?:līdzfinansējum\p{L}*|finansējum\p{L}*|funding|co-financing|contribution)(?!\p{L})/iuy;
const ABBREVIATIONS = /(?:t\.\s?sk|ap|apm|milj|tūkst|mln|mljrd|u\.c|utt|piem|nr|approx|ca|etc|e\.g|i\.e|No|Nr|g)$/iu;


export function detectLanguage(text: string): Language {
  const latvian = (text.match(/[āčēģīķļņšūž]|(?<!\p{L})(?:un|ir|no|kā|gada|finansējums|projekta)(?!\p{L})/giu) ?? []).length;
  const otherLanguages = (text.match(/[äöüßéèêàçñòùąęłńśźżėųūõ]|(?<!\p{L})(?:und|der|die|des|le|la|les|du|il|di|el|los|del|ir|iš|ja|on|w|z)(?!\p{L})/giu) ?? []).length;
  const english = (text.match(/(?<!\p{L})(?:the|and|of|is|are|funding|co-financing|project|which|total|costs?|budget)(?!\p{L})/giu) ?? []).length;
  // Only the decimal mark hangs on it: Latvian stands for every comma-decimal language.
  return latvian + otherLanguages > english ? 'lv' : 'en';
}

/** The last of spans sorted by start that starts before `end`, or -1. */
function lastStartingBefore(sorted: readonly Span[], end: number): number {
  let low = 0;
  let high = sorted.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]!.start < end) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * Asks whether a span overlaps any of a fixed set of spans, many times: the
 * set is sorted once and each question is a binary search, where a scan of
 * the set per question grows with the square of a long document.
 */
function overlapTest(spans: readonly Span[]): (span: Span) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  for (const span of sorted) reach.push(Math.max(reach.at(-1) ?? -Infinity, span.end));
  return ({ start, end }) => {
    const last = lastStartingBefore(sorted, end);
    return last >= 0 && reach[last]! > start;
  };
}

/**
 * The document's decimal mark, from its own numbers: `2,5 milj.` or `1.234.567,89`
 * speak for a comma, `1.5m` or `12,758.50` for a point. Most EU languages
 * write a decimal comma; English a point.
 */
export function decimalMarkOf(text: string, language: Language): { decimal: 'comma' | 'point'; sure: boolean } {
  const comma = (text.match(/\d,\d{1,2}(?!\d)|\d{1,3}(?:\.\d{3})+,\d|(?<![\d,.])\d{1,3}(?:\.\d{3}){2,}(?![\d,])/g) ?? []).length;
  const point = (text.match(/\d\.\d{1,2}(?![\d.])|\d{1,3}(?:,\d{3})+\.\d|(?<![\d,.])\d{1,3}(?:,\d{3}){2,}(?![\d.])/g) ?? []).length;
  if (comma !== point) return { decimal: comma > point ? 'comma' : 'point', sure: true };
  return { decimal: language === 'en' ? 'point' : 'comma', sure: false };
}

class Finder {
  readonly mentions: Mention[] = [];
  /** The mentions' spans, sorted: no two mentions overlap, so the last one before a span is the only one that can. */
  private taken: Span[] = [];
  /**
   * The spans added since the last merge, in text order: each kind of mention is found
   * left to right, so they are appended, and merged into `taken` once per kind rather
   * than inserted one by one (which moves the whole array each time).
   */
  private batch: Span[] = [];
  private readonly place: (offset: number) => { line: number; column: number };
  private readonly decimal: 'comma' | 'point';
  private readonly decimalSure: boolean;
  constructor(private readonly text: string, language: Language, explicit: boolean) {
    const mark = decimalMarkOf(text, language);
    this.decimal = explicit ? (language === 'lv' ? 'comma' : 'point') : mark.decimal;
    this.decimalSure = explicit || mark.sure || language === 'en';
    this.place = lineIndex(text);
  }

  private add(mention: Mention): void {
    this.mentions.push(mention);
    if (this.batch.length > 0 && this.batch.at(-1)!.start > mention.start) this.merge();
    this.batch.push(mention);
  }

  /** Merges the batch into the sorted spans: one walk over both. */
  private merge(): void {
    if (this.batch.length === 0) return;
    const merged: Span[] = [];
    let i = 0;
    let j = 0;
    while (i < this.taken.length || j < this.batch.length) {
      if (j === this.batch.length || (i < this.taken.length && this.taken[i]!.start <= this.batch[j]!.start)) merged.push(this.taken[i++]!);
      else merged.push(this.batch[j++]!);
    }
    this.taken = merged;
    this.batch = [];
  }

  private figure(start: number, end: number, value: Decimal, normal: string, approx: boolean, checks: string[]): FoundFigure {
    const { line, column } = this.place(start);
    return { value, text: this.text.slice(start, end).trim(), normal, line, column, approx, checks, context: '' };
  }

  private free(span: Span): boolean {
    for (const spans of [this.taken, this.batch]) {
      const last = lastStartingBefore(spans, span.end);
      if (last >= 0 && spans[last]!.end > span.start) return false;
    }
    return true;
  }

  money(): void {
    for (const match of this.text.matchAll(MONEY)) {
      const [whole, before, tilde, number, magnitudeWord, glued, after] = match;
      // One spelling per magnitude for the figure parser: `Mio.`, `1.5m`, `tys.` are millions and thousands.
      const magnitudeText = magnitudeWord ?? glued;
      const magnitude = magnitudeText && MAGNITUDE_WORDS.find(([pattern]) => pattern.test(magnitudeText))?.[1];
      if (!before && !after) continue; // a number without a currency is a date, a count or a phase
      let start = match.index;
      const end = start + whole.trimEnd().length;
      const marker = (before ?? after)!;
      const checks: string[] = [];
      const hedged = Boolean(tilde) || HEDGE_BEFORE.test(this.text.slice(Math.max(0, start - 40), start));
      const body = number!.replace(/[\u00a0\u202f]/g, ' ');
      let parsed: Figure;
      try {
        parsed = parseFigure(magnitude ? `${body} ${magnitude}` : body);
      } catch (error) {
        if (!(error instanceof CofinError)) throw error;
        try {
          parsed = parseFigure(magnitude ? `${body} ${magnitude}` : body, { decimal: this.decimal });
          if (!this.decimalSure) checks.push(`"${number}" is ambiguous; read as ${parsed.value.toFixed()} (decimal ${this.decimal})`);
        } catch {
          continue;
        }
      }
      const approx = hedged || parsed.precision !== undefined;
      const plain = parsed.value.toFixed();
      let normal = plain;
      if (magnitude) {
        const word = magnitude;
        const factor = new Decimal(10).pow(word === 'thousand' ? 3 : word === 'million' ? 6 : 9);
        normal = `${hedged ? '~' : ''}${parsed.value.div(factor).toFixed()} ${word}`;
      } else if (hedged) {
        normal = `~${plain}`;
      }
      if (before && start < match.index + whole.indexOf(before)) start = match.index + whole.indexOf(before);
      this.add({ type: 'money', start, end, figure: this.figure(start, end, parsed.value, normal, approx, checks), currency: CURRENCIES[marker.toLowerCase()] ?? marker.toUpperCase() });
    }
  }

  percents(): void {
    for (const match of this.text.matchAll(PERCENT)) {
      const start = match.index;
      const end = start + match[0].length;
      if (!this.free({ start, end })) continue;
      if (NOT_A_SHARE.test(this.text.slice(Math.max(0, start - 25), start)) || NOT_A_SHARE_AFTER.test(this.text.slice(end, end + 12))) continue;
      let rate;
      try {
        rate = parseRate(match[1]!);
      } catch {
        continue; // above 100: not a share
      }
      this.add({ type: 'percent', start, end, figure: this.figure(start, end, rate.value, rate.value.toFixed(), false, []) });
    }
  }

  sources(): void {
    const found: Mention[] = [];
    for (const { id, kind, pattern } of SOURCE_PATTERNS) {
      for (const match of this.text.matchAll(pattern)) {
        const start = match.index;
        // The name runs on over "finansējums", "funding": `ERAF līdzfinansējums`.
        SOURCE_TAIL.lastIndex = start + match[0].length;
        const tail = SOURCE_TAIL.exec(this.text);
        const end = start + match[0].length + (tail?.[0].length ?? 0);
        found.push({ type: 'source', start, end, id, kind, name: this.text.slice(start, end) });
      }
    }
    const named = overlapTest(found);
    for (const match of this.text.matchAll(UNKNOWN_SOURCE)) {
      const raw = (match[1] ?? match[3] ?? match[5])!;
      const fund = match[4];
      const lead = LEADING_STOP_WORDS.exec(raw)?.[0].length ?? 0;
      const words = (raw.slice(lead) + (fund ?? '')).trim();
      const start = match.index + lead;
      const end = match.index + match[0].length;
      // "Projekta kopējais finansējums" names the total, not a source.
      const generic = words === '' || BUDGET_WORDS.test(match[0]) || PROJECT_WORDS.test(match[0]) || /^(?:projekta|total|kopēj\p{L}*|publiskais|public|EU|ES)$/iu.test(words);
      BUDGET_WORDS.lastIndex = 0;
      PROJECT_WORDS.lastIndex = 0;
      if (generic || named({ start, end })) continue;
      found.push({ type: 'source', start, end, id: idFromWords(words), kind: namesEuFund(words) ? 'eu-fund' : 'public', name: words, made: true });
    }
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    for (const mention of found) if (this.free(mention)) this.add(mention);
  }

  words(): void {
    for (const [pattern, make] of [
      [REST_WORDS, (s: Span): Mention => ({ type: 'rest', ...s })],
      [PROJECT_WORDS, (s: Span): Mention => ({ type: 'total', project: true, ...s })],
      [BUDGET_WORDS, (s: Span): Mention => ({ type: 'total', project: false, ...s })],
    ] as const) {
      for (const match of this.text.matchAll(pattern)) {
        const span = { start: match.index, end: match.index + match[0].length };
        if (this.free(span)) this.add(make(span));
      }
    }
  }
}

interface Chunk extends Span {
  index: number;
  sentence: number;
  mentions: Mention[];
}

function chunksOf(text: string, mentions: Mention[]): Chunk[] {
  const figures = overlapTest(mentions.filter((m) => m.type === 'money' || m.type === 'percent'));
  const inside = (offset: number) => figures({ start: offset, end: offset });
  const hard = [...text.matchAll(SENTENCE_END)]
    .filter((m) => !ABBREVIATIONS.test(text.slice(Math.max(0, m.index - 8), m.index)) && !inside(m.index))
    .map((m) => m.index);
  const soft = [...text.matchAll(SEPARATOR)].filter((m) => !inside(m.index)).map((m) => m.index);
  const sentenceEnds = new Set(hard);
  const cuts = [...new Set([...hard, ...soft])].sort((a, b) => a - b);
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
 * A clause that names two sources and two figures without a separator
 * between them ("Cohesion Fund (€3.57 million) with the remaining €630,000
 * provided by the Ministry") is two clauses: cut before the second source,
 * or before the rest words that lead to it.
 */
function splitAtSources(chunk: Chunk): Chunk[] {
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

type Candidate = FoundFigure & { project: boolean | undefined; offset: number };

/**
 * Finds a budget, its funding shares and a project total in a document's
 * text. Pure; the figures are exact and carry their line, column and words.
 */
export function extractBudget(text: string, options: { language?: Language | 'auto' } = {}): Extraction {
  const language = options.language && options.language !== 'auto' ? options.language : detectLanguage(text);
  const finder = new Finder(text, language, Boolean(options.language && options.language !== 'auto'));
  finder.money();
  finder.percents();
  finder.sources();
  finder.words();
  const mentions = finder.mentions;
  // one clause text per chunk, shared by every figure in it: a copy per figure grows with the square of a long clause
  const clauses = new WeakMap<Chunk, string>();
  const clause = (chunk: Chunk) => {
    let words = clauses.get(chunk);
    if (words === undefined) {
      words = trimClause(text.slice(chunk.start, chunk.end).replace(/\s+/g, ' ')).replace(
        /^(?:(?:un|and|kā arī|as well as|bet|but|while|savukārt|t\.\s?sk\.|tai skaitā|including|of which|no kā|no tiem|no tām)\s+)+/iu,
        '',
      );
      clauses.set(chunk, words);
    }
    return words;
  };

  const place = lineIndex(text);
  const shares: (FoundShare & { sentence: number; offset: number; chunk: number })[] = [];
  const candidates: Candidate[] = [];
  const orphans: { mention: Mention & { figure: FoundFigure }; chunk: Chunk }[] = [];
  for (const chunk of chunksOf(text, mentions).flatMap(splitAtSources)) {
    const context = clause(chunk);
    const withContext = (figure: FoundFigure) => ({ ...figure, context });
    const of = <T extends Mention['type']>(type: T) => chunk.mentions.filter((m): m is Extract<Mention, { type: T }> => m.type === type);
    // A source the lexicon knows outranks one made from words ("dofinansowanie z EFRR").
    const [source, ...extraSources] = of('source').sort((a, b) => Number(Boolean(a.made)) - Number(Boolean(b.made)));
    const rest = of('rest')[0];
    const money = of('money');
    const percents = of('percent');
    if (source || rest) {
      const anchor = (source ?? rest)!;
      const totals = of('total');
      // "the project budget of EUR 500 000 is funded 80% by Interreg": the amount after a total word is the total's.
      // (An amount before the anchor is before the source too, so any total word ending before it counts: the earliest-ending one decides.)
      let firstTotalEnd = Infinity;
      for (const t of totals) firstTotalEnd = Math.min(firstTotalEnd, t.end);
      const isTotal = (m: Mention) => m.start < anchor.start && firstTotalEnd <= m.start;
      const own = money.filter((m) => !isTotal(m));
      // the nearest to the anchor; of equally near ones, the first
      let nearest: (typeof own)[number] | undefined;
      for (const m of own) if (!nearest || Math.abs(m.start - anchor.start) < Math.abs(nearest.start - anchor.start)) nearest = m;
      for (const m of money.filter(isTotal)) candidates.push({ ...withContext(m.figure), project: totals[0]!.project, offset: m.start });
      const others = extraSources.filter((s) => s.id !== source?.id && !s.made); // "Eiropas Reģionālās attīstības fonda (ERAF)"
      const checks = others.length > 0 ? [`this clause also names ${others.map((s) => s.name).join(', ')}`] : [];
      if (percents.length > 1) checks.push(`the clause has ${percents.length} percentages; took ${percents[0]!.figure.text}`);
      const id = source?.id ?? 'national';
      shares.push({
        id,
        name: source?.name ?? 'the rest',
        kind: source?.kind ?? 'public',
        rate: percents[0] && withContext(percents[0].figure),
        amount: nearest && withContext(nearest.figure),
        rest: Boolean(rest) && !nearest && !percents[0],
        line: place(anchor.start).line,
        context,
        checks,
        sentence: chunk.sentence,
        offset: anchor.start,
        chunk: chunk.index,
      });
      for (const other of own.filter((m) => m !== nearest)) candidates.push({ ...withContext(other.figure), project: undefined, offset: other.start });
      continue;
    }
    const total = of('total')[0];
    for (const m of money) {
      if (total) candidates.push({ ...withContext(m.figure), project: total.project, offset: m.start });
      else orphans.push({ mention: m, chunk });
    }
    for (const p of percents) orphans.push({ mention: p, chunk });
  }

  // A figure alone in its clause belongs to the share before it, or after it, in the same sentence.
  for (const { mention, chunk } of orphans) {
    const key = mention.type === 'money' ? 'amount' : 'rate';
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
    const target = previous && previous.sentence === chunk.sentence && previous.chunk === chunk.index - 1 && !previous[key] && !previous.rest ? previous : undefined;
    if (target) target[key] = { ...mention.figure, context: target.context + ' … ' + clause(chunk) };
    else if (mention.type === 'money') candidates.push({ ...mention.figure, context: clause(chunk), project: undefined, offset: mention.start });
  }

  const funding = mergeShares(shares.filter((s) => s.rate || s.amount || s.rest));
  // the commonest currency; of equally common ones, the first named
  const counts = new Map<string, number>();
  for (const m of mentions) if (m.type === 'money') counts.set(m.currency, (counts.get(m.currency) ?? 0) + 1);
  let currency = 'EUR';
  let most = 0;
  for (const [code, count] of counts) {
    if (count > most) {
      currency = code;
      most = count;
    }
  }
  const { budget, projectTotal, others } = chooseTotals(candidates, funding, shares[0]?.offset ?? Infinity);
  return { language, currency, budget, funding, projectTotal, others };
}

/** The same source named twice: keep the first statement, note the second if it differs. */
function mergeShares(shares: FoundShare[]): FoundShare[] {
  const out: FoundShare[] = [];
  const byId = new Map<string, FoundShare>();
  for (const share of shares) {
    const first = byId.get(share.id);
    if (!first) {
      const kept = { id: share.id, name: share.name, kind: share.kind, rate: share.rate, amount: share.amount, rest: share.rest, line: share.line, context: share.context, checks: share.checks };
      out.push(kept);
      byId.set(share.id, kept);
      continue;
    }
    first.rate ??= share.rate;
    first.amount ??= share.amount;
    const differs = (a?: FoundFigure, b?: FoundFigure) => a && b && !a.value.eq(b.value);
    if (differs(first.amount, share.amount) || differs(first.rate, share.rate)) {
      first.checks.push(`line ${share.line} states ${share.id} again differently: "${share.context}"`);
    }
  }
  return out;
}

/**
 * Whether the shares add up to a candidate budget, or their rates reproduce it; undefined when nothing can tell.
 * Made once for all candidates: what depends only on the shares is computed here, and the rated shares'
 * conditions |candidate × rate ÷ 100 − amount| ≤ tolerance are one interval of candidates, so a
 * document with many shares and many candidate budgets costs their sum, not their product.
 */
function reproducer(funding: FoundShare[]): (candidate: Decimal) => boolean | undefined {
  const stated = funding.filter((s) => !s.rest);
  const amounts = stated.map((s) => s.amount);
  const slack = sum(amounts.map((a) => (a?.approx ? a.value.abs().div(20) : ZERO)));
  const total = sum(amounts.map((a) => a?.value ?? ZERO));
  const allStated = stated.length > 0 && amounts.every((a) => a !== undefined);
  const rest = funding.some((s) => s.rest);
  const rated = funding.filter((s) => s.rate && s.amount);
  // candidate × rate ∈ [(amount − tolerance) × 100, (amount + tolerance) × 100]: for rate > 0, candidate ∈ [low ÷ rate, high ÷ rate]
  let lower: { num: Decimal; den: Decimal } | undefined;
  let upper: { num: Decimal; den: Decimal } | undefined;
  let always = true;
  const direct: FoundShare[] = [];
  for (const s of rated) {
    const rate = s.rate!.value;
    const amount = s.amount!;
    const tolerance = amount.approx ? amount.value.div(20) : new Decimal(1);
    if (rate.isZero()) {
      if (amount.value.abs().gt(tolerance)) always = false;
    } else if (rate.isNegative()) {
      direct.push(s);
    } else {
      const low = { num: amount.value.minus(tolerance).times(100), den: rate };
      const high = { num: amount.value.plus(tolerance).times(100), den: rate };
      // fractions with positive denominators compare by cross multiplication, exactly
      if (!lower || low.num.times(lower.den).gt(lower.num.times(low.den))) lower = low;
      if (!upper || high.num.times(upper.den).lt(upper.num.times(high.den))) upper = high;
    }
  }
  return (candidate) => {
    if (allStated && (rest ? total.lte(candidate.plus(slack)) : total.minus(candidate).abs().lte(slack))) return true;
    if (rated.length > 0) {
      return (
        always &&
        (!lower || candidate.times(lower.den).gte(lower.num)) &&
        (!upper || candidate.times(upper.den).lte(upper.num)) &&
        direct.every((s) => candidate.times(s.rate!.value).div(100).minus(s.amount!.value).abs().lte(s.amount!.approx ? s.amount!.value.div(20) : 1))
      );
    }
    return amounts.some((a) => a !== undefined) ? (total.lte(candidate) ? undefined : false) : undefined;
  };
}

/** A clause without the spaces and punctuation around it (its whitespace already one space each). */
function trimClause(words: string): string {
  const edge = (c: string) => c === ' ' || c === ',' || c === ';' || c === '.';
  let start = 0;
  let end = words.length;
  while (start < end && edge(words[start]!)) start++;
  while (end > start && edge(words[end - 1]!)) end--;
  return words.slice(start, end);
}

function chooseTotals(candidates: Candidate[], funding: FoundShare[], firstShare: number) {
  const strip = ({ project: _p, offset: _o, ...figure }: Candidate): FoundFigure => figure;
  const reproduces = reproducer(funding);
  const scored = candidates.map((c) => {
    const fit = reproduces(c.value);
    const score = (fit === true ? 100 : fit === false ? -50 : 0) + (c.project === false ? 10 : 0) + (c.project === true ? -20 : 0) + (c.offset < firstShare ? 5 : 0) - Math.abs(c.offset - firstShare) / 1e6;
    return { c, fit, score };
  });
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0];
  let budget: FoundFigure | undefined;
  if (best && (best.fit === true || best.c.project !== true || funding.length === 0)) {
    budget = strip(best.c);
    if (best.fit === false) budget.checks = [...budget.checks, 'the shares do not add up to this budget, nor do their rates reproduce it'];
    else if (best.fit === undefined && scored.length > 1) budget.checks = [...budget.checks, 'chosen as the budget by its words and place among several amounts'];
  } else if (funding.length > 0 && funding.every((s) => s.amount) && !funding.some((s) => s.rest)) {
    const value = sum(funding.map((s) => s.amount!.value));
    budget = { value, text: '', normal: value.toFixed(), line: funding[0]!.line, column: 1, approx: funding.some((s) => s.amount!.approx), checks: ['the document states no budget: this is the sum of the shares'], context: '' };
  }
  else {
    const rated = funding.find((s) => s.rate && s.amount && !s.rate.value.isZero());
    const derived = rated && rated.amount!.value.times(100).div(rated.rate!.value);
    if (rated && derived!.decimalPlaces() <= 2) {
      budget = { value: derived!, text: '', normal: derived!.toFixed(), line: rated.line, column: 1, approx: rated.amount!.approx, checks: [`the document states no budget: this is ${rated.amount!.text} ÷ ${rated.rate!.text}`], context: '' };
    }
  }
  const rest = scored.filter((s) => s !== best || !budget || budget.text === '').map((s) => s.c).filter((c) => !budget || c.value.gt(budget.value));
  const project = rest.find((c) => c.project === true);
  const others = candidates.filter((c) => c !== best?.c && c !== project).map(strip);
  return { budget, projectTotal: project && strip(project), others };
}
