import { CofinError } from '../errors.js';
import { lineIndex } from '../position.js';
import { Decimal } from '../decimal.js';
import { parseFigure, type Figure } from '../figure.js';
import { parseRate } from '../rate.js';
import { fixedRate } from '../currency/fixed.js';
import { CUR, currencyCode } from './currency.js';
import {
  AMENDED_BEFORE,
  BUDGET_WORDS,
  BOUND_BEFORE,
  HEDGE_BEFORE,
  LEADING_STOP_WORDS,
  NOT_A_SHARE,
  NOT_A_SHARE_AFTER,
  PROJECT_WORDS,
  REST_WORDS,
  SOURCE_PATTERNS,
  UNKNOWN_SOURCE,
  LIMIT_BEFORE,
  AT_LEAST_BEFORE,
  MINIMUM_RATE_BEFORE,
  OTHER_BEFORE,
  TOTAL_BEFORE,
  idFromWords,
  namesEuFund,
  namesPayer,
  payerBeforeFigure,
  payerOf,
} from './lexicon.js';
import { fold, foldedPattern } from './normalise.js';
import { MAG, NUM, PERCENT, decimalMarkOf, magnitudeExponent } from './numbers.js';
import { lastStartingBefore, overlapTest } from './spans.js';
import type { FoundFigure, Language, Mention, Span } from './types.js';

/**
 * A number with the currency and magnitude around it; matched on the folded text (`zł` as `zl`, `tūkst.` as `tukst.`).
 * A currency after it is never across a tab or a line: that is the next cell's; it may follow `de`, `di`
 * (`4,5 milioane de lei`, `2 milioni di euro`).
 */
const MONEY = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?<before>${CUR})\s?)?(?<![\p{N}.,])(?<tilde>` +
    String.raw`~\s?)?(?<number>${NUM})(?![\p{N}]|[.,/-]\p{N})` +
    (String.raw`(?:\s{0,3}(?<word>${MAG})(?![\p{L}])|(?<glued>bn|mn|[mkMKB])(?![\p{L}\p{N}])|` +
      String.raw`\s?(?<prefix>[MkT])(?=(?:EUR|ECU)(?![\p{L}])))?` +
      String.raw`(?:[\x20\u00a0]{0,3}(?:(?:de|di)[\x20\u00a0])?(?<after>${CUR})(?![\p{L}]))?`),
  'giu',
);
/** A currency marker standing on its own, as a word. */
const NAMED_CURRENCY = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${CUR})`, 'giu');
/** The words after a figure that name who pays it, after "of", "from", "de la", "d'", "iš", "z" (up to four). */
const PAYER_AFTER_FIGURE = new RegExp(
  String.raw`^[\x20\u00a0]*(?:de la |de l['’]|d['’]|du |des |de |from the |from |of the |no |iš |z |ze |din |dalla |` +
    String.raw`dal |della |del |von der |von |vom )([\p{L}'’-]+(?:[\x20\u00a0]+[\p{L}'’-]+){0,3})`,
  'iu',
);
/** Words after a number that make it no money: a unit, a count of people or things, a year. */
const NOT_MONEY_AFTER = new RegExp(
  // an ordinal: "1.atlases kārtā", "3. posmā", "2. Förderrunde" (a number, its full stop and a word)
  String.raw`^\.(?:\p{L}|[\x20\u00a0]\p{Ll})|` +
    String.raw`^[\x20\t\u00a0]?(?:(?:to|līdz|do|až|bis|à|a|–|-)\s?\d|%|proc|procent|percent|prozent|` +
    String.raw`protsent|prosent|szazalek|la suta|por ciento|per cento|pour cent|odsto|posto|` +
    String.raw`m2|m²|m3|km|ha|kg|t\b|gad|g\.|year|jahr|rok|lat\b|let\b|vuot|aast|met|iedzīvotāj|` +
    String.raw`cilvēk|person|people|inhabit|mieszk|obyvatel|gyventoj|человек|partner|project|projekt|` +
    String.raw`dalībniek|vietas|places|stund|hour|dien|day|mēneš|month|kW|MW|GW|kWh|MWh)`,
  'iu',
);
/** "the amount of funding", "finansējuma apjoms": a measure of funding is a total, not a payer. */
const MEASURE_WORDS = new RegExp(
  String.raw`^(?:the\s+)?(?:amount|sum|volume|size|level|apjom|apmēr|summ|kwot|částk|suma|Betrag|` +
    String.raw`montant|importo|dydis|suurus)\p{L}*(?:\s+of)?$`,
  'iu',
);
const REMAINING_BEFORE = new RegExp(
  String.raw`(?:parej|atlikus|remaining|likusi|ulejaan|pozostal|zbyl|ostatn|restlich|restant|rimanent|` +
    String.raw`restant|остальн|оставащ)\p{L}*\s+(?:\p{L}+\s+)?$`,
  'iu',
);
/** Which total a total's words name: the eligible costs, the non-eligible ones, or the total cost (folded text). */
const INELIGIBLE = new RegExp(
  String.raw`(?:ne|non-?|in|nie|nez|nicht\s)(?:attiecinam|eligib|kwalifik|zpusob|tinkam|forderfahig|` +
    String.raw`eligib|ammissib|abikolb|upravicen|uznateln)\p{L}*\s+(?:\p{L}+\s+)?\S*$`,
  'iu',
);
const ELIGIBLE =
  /(?:attiecinam|eligib|kwalifik|zpusob|tinkam|forderfahig|ammissib|abikolb|upravicen|uznateln|eligibil)/iu;
const TOTAL_COST = /(?:kopej|total|gesamt|calkowit|celkov|bendr|kogu|overall|общ|complessiv|global)/iu;
function basisOf(words: string): 'eligible' | 'ineligible' | 'cost' | undefined {
  if (INELIGIBLE.test(words)) return 'ineligible';
  if (ELIGIBLE.test(words)) return 'eligible';
  return TOTAL_COST.test(words) ? 'cost' : undefined;
}
const RANGE = String.raw`(?:līdz|to|do|až|bis|à|a|al|iki|kuni|până la|–|-)`;
const RATE_RANGE_AFTER = new RegExp(String.raw`^\s*${RANGE}\s*\d{1,3}(?:[.,]\d+)?\s?%`, 'iu');
const RATE_RANGE_BEFORE = new RegExp(String.raw`\d\s?%?\s*${RANGE}\s*$`, 'iu');
const NOT_MONEY_BEFORE = /(?:\d\s?(?:to|līdz|do|až|bis|–|-)\s?|Nr\.?|No\.?|nr\.?|§|tel\.?|ID|kods?|code)\s*$/u;
/** The words a source's name runs on over, read where the name ends (sticky: no copy of the text after it). */
const SOURCE_TAIL = foldedPattern(
  new RegExp(
    String.raw`\s(?:līdzfinansējum\p{L}*|finansējum\p{L}*|funding|co-financing|contribution|lėš\p{L}*|` +
      String.raw`środk\p{L}*|prostředk\p{L}*|Mittel|fonduri|средства|līdzekļ\p{L}*)(?!\p{L})`,
    'iuy',
  ),
);
/** A total named as costs or expenditure, and one named as a budget (folded). */
const COSTS_WORD = /izmaks|cost|kost|koszt|naklad|vydaj|wydat|cheltuiel|depens|spes|izdevum|islaid|kulud/iu;
const BUDGET_WORD = /budz|budget|rozpoc|eelarv|biudzet|proracun|presupuest/iu;
/**
 * Between a figure and its equivalent in another currency: an opening bracket, maybe a hedge (`(apm. EUR …`,
 * `(ca 4.25 MEUR)`), or a slash or "that is" (folded text).
 */
const CONVERSION_OPEN = new RegExp(
  String.raw`^[\x20\u00a0]*[([][\x20\u00a0]*(?:(?:apm|ap|aptuveni|ca|circa|approx|approximately|about|around|` +
    String.raw`ok|okolo|ungefahr|env|environ)\.?[\x20\u00a0]*|[~≈][\x20\u00a0]*)?$`,
  'iu',
);
const CONVERSION_BETWEEN = /^[\x20\u00a0]*(?:\/|,?[\x20\u00a0]*(?:jeb|i\.\s?e\.|t\.\s?i\.|that is))[\x20\u00a0]*$/iu;
/** A sentence's end between two figures. */
const SENTENCE_BREAK = /[.!?]\s+\p{Lu}|\n\s*\n/u;
const FOLDED_AMENDED = foldedPattern(AMENDED_BEFORE);
// the words around a figure are read on the folded text too: `lidz` is `līdz`, `minimalais` is `minimālais`
const FOLDED_HEDGE = foldedPattern(HEDGE_BEFORE);
const FOLDED_BOUND = foldedPattern(BOUND_BEFORE);
const FOLDED_NOT_MONEY_AFTER = foldedPattern(NOT_MONEY_AFTER);
const FOLDED_LIMIT = foldedPattern(LIMIT_BEFORE);
const FOLDED_AT_LEAST = foldedPattern(AT_LEAST_BEFORE);
const FOLDED_MINIMUM_RATE = foldedPattern(MINIMUM_RATE_BEFORE);
/**
 * Words that make the rate after them a ceiling: up to, bis zu, jusqu'à. Not "ne vairāk kā" / "not more than":
 * a grant agreement states its own share so ("EKII līdzekļi ir ne vairāk kā 49,67%").
 */
const FOLDED_CEILING = foldedPattern(/(?:^|[^\p{L}])(?:up to|bis zu|jusqu'à|jusqu’à|fino al|až do)\s*$/iu);
const FOLDED_RANGE_AFTER = foldedPattern(RATE_RANGE_AFTER);
const FOLDED_RANGE_BEFORE = foldedPattern(RATE_RANGE_BEFORE);
const FOLDED_STOP_WORDS = foldedPattern(LEADING_STOP_WORDS);
const FOLDED_UNKNOWN_SOURCE = foldedPattern(UNKNOWN_SOURCE);
/** Without the global flag: tested once on a phrase, never stepped through a text. */
const once = (pattern: RegExp) => new RegExp(pattern.source, pattern.flags.replace('g', ''));
const FOLDED_BUDGET_WORDS = once(foldedPattern(BUDGET_WORDS));
const FOLDED_PROJECT_WORDS = once(foldedPattern(PROJECT_WORDS));
const FOLDED_BUDGET_BEFORE = new RegExp(
  String.raw`(?:${foldedPattern(BUDGET_WORDS).source}|${foldedPattern(PROJECT_WORDS).source})\s*$`,
  'iu',
);
const FOLDED_TOTAL_BEFORE = foldedPattern(TOTAL_BEFORE);
const FOLDED_MEASURE_WORDS = foldedPattern(MEASURE_WORDS);
const FOLDED_GENERIC_NAME = foldedPattern(
  /^(?:projekta|projekt\p{L}*|project|programm\p{L}*|program|total|kopēj\p{L}*|publiskais|public|EU|ES)$/iu,
);
const FOLDED_SOURCES = SOURCE_PATTERNS.map((p) => ({ ...p, pattern: foldedPattern(p.pattern) }));

/** "and" between two payers' names, folded ("EU and national funds", "ES un valsts", "EU- und Landesmittel"). */
const JOINED_PAYERS = /^-?\s+(?:un|and|und|et|i|oraz|e|ed|y|ir|a|ja|es|si|och|en|og|kai|и|ve|&)\s+$/u;

export class Finder {
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
  constructor(
    private readonly text: string,
    private readonly folded: string,
    language: Language,
    explicit: boolean,
    original: (offset: number) => number = (o) => o,
    given: string = text,
  ) {
    const mark = decimalMarkOf(text, language);
    this.decimal = explicit ? (language === 'lv' ? 'comma' : 'point') : mark.decimal;
    this.decimalSure = explicit || mark.sure || language === 'en';
    const place = lineIndex(given);
    this.place = (offset) => place(original(offset));
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
      if (j === this.batch.length || (i < this.taken.length && this.taken[i]!.start <= this.batch[j]!.start))
        merged.push(this.taken[i++]!);
      else merged.push(this.batch[j++]!);
    }
    this.taken = merged;
    this.batch = [];
  }

  private figure(
    start: number,
    end: number,
    value: Decimal,
    normal: string,
    approx: boolean,
    checks: string[],
    decimals = 0,
  ): FoundFigure {
    const { line, column } = this.place(start);
    const text = this.text.slice(start, end).trim();
    const figure: FoundFigure = { value, text, normal, line, column, approx, checks, context: '' };
    if (decimals > 0 && !approx) figure.decimals = decimals;
    return figure;
  }

  private free(span: Span): boolean {
    for (const spans of [this.taken, this.batch]) {
      const last = lastStartingBefore(spans, span.end);
      if (last >= 0 && spans[last]!.end > span.start) return false;
    }
    return true;
  }

  /** The end of the last mention that overlaps [start, end), when one does. */
  private figuresEnd(start: number, end: number): number | undefined {
    this.merge();
    let found: number | undefined;
    for (let i = lastStartingBefore(this.taken, end); i >= 0; i--) {
      const span = this.taken[i];
      if (!span || span.end <= start) break;
      found = Math.max(found ?? 0, span.end);
    }
    return found;
  }

  /** Amounts with no currency beside them, kept until the document's currency is known. */
  private bare: {
    start: number;
    end: number;
    parsed: Figure;
    normal: string;
    approx: boolean;
    checks: string[];
    shape: boolean;
  }[] = [];

  money(): void {
    for (const match of this.folded.matchAll(MONEY)) {
      const groups = match.groups!;
      const number = groups['number']!;
      // One spelling per magnitude for the figure parser: `Mio.`, `1.5m`, `tys.` are millions and thousands.
      const magnitudeText = groups['word'] ?? groups['glued'] ?? groups['prefix'];
      const exponent = magnitudeText === undefined ? undefined : magnitudeExponent(magnitudeText);
      const magnitude =
        exponent === 3 ? 'thousand' : exponent === 6 ? 'million' : exponent === 9 ? 'billion' : undefined;
      const beforeCode = groups['before'] === undefined ? undefined : currencyCode(groups['before']);
      const afterCode = groups['after'] === undefined ? undefined : currencyCode(groups['after']);
      const code = beforeCode ?? afterCode;
      const whole = match[0];
      let start = match.index;
      if (groups['before'] !== undefined && !beforeCode) start += whole.indexOf(number, groups['before'].length);
      else if (groups['tilde'] === undefined && beforeCode === undefined) start = match.index + whole.indexOf(number);
      let end = match.index + whole.trimEnd().length;
      if (groups['after'] !== undefined && !afterCode) end = match.index + whole.lastIndexOf(groups['after']);
      end = start + this.text.slice(start, end).trimEnd().length;
      const checks: string[] = [];
      const amended = FOLDED_AMENDED.test(this.folded.slice(Math.max(0, start - 80), start));
      const hedged =
        Boolean(groups['tilde']) || (FOLDED_HEDGE.test(this.folded.slice(Math.max(0, start - 40), start)) && !amended);
      // "vairāk kā 84 000 EUR", "up to EUR 18 900": a bound, not the figure; approximate, and in doubt
      const bound = !amended && FOLDED_BOUND.exec(this.folded.slice(Math.max(0, start - 40), start));
      if (bound) {
        const words = this.text.slice(start - bound[0].length, start).trim();
        const figure = this.text.slice(start, match.index + whole.trimEnd().length).trim();
        checks.push(`"${words} ${figure}" is a bound, not an exact figure${hedged ? ': read as about it' : ''}`);
      }
      const body = number.replace(/[\u00a0\u202f]/g, ' ');
      let parsed: Figure;
      const lone = /^\d{1,3}([.,])\d{3}$/.exec(body);
      if (lone && !magnitude) {
        // "€500.000", "834.000 EUR": no currency is written to three decimals, so a lone mark before three digits
        // groups thousands
        parsed = parseFigure(body.replace(/[.,]/, ''));
        if ((lone[1] === '.') === (this.decimal === 'point') && this.decimalSure)
          checks.push(
            `"${number}" read as ${parsed.value.toFixed()}: three digits after "${lone[1]}" ` +
              `group thousands, though the document writes "${lone[1]}" as its decimal mark`,
          );
      } else {
        try {
          parsed = parseFigure(magnitude ? `${body} ${magnitude}` : body);
        } catch (error) {
          if (!(error instanceof CofinError)) throw error;
          try {
            parsed = parseFigure(magnitude ? `${body} ${magnitude}` : body, { decimal: this.decimal });
            if (!this.decimalSure)
              checks.push(`"${number}" is ambiguous; read as ${parsed.value.toFixed()} (decimal ${this.decimal})`);
          } catch {
            continue;
          }
        }
      }
      const approx = hedged || parsed.precision !== undefined;
      const plain = parsed.value.toFixed();
      let normal = plain;
      if (magnitude) {
        const factor = new Decimal(10).pow(exponent!);
        // the decimals as written: `2,50 milj.` is ten times finer than `2,5 milj.`
        const written = parsed.precision ? Math.max(0, exponent! - parsed.precision.e) : 0;
        normal = `${hedged ? '~' : ''}${parsed.value.div(factor).toFixed(written)} ${magnitude}`;
      } else if (hedged) {
        normal = `~${plain}`;
      }
      if (!code) {
        // a number without a currency is a date, a count or a phase, unless it has an amount's shape (grouped
        // thousands, cents, a magnitude word)
        const shape = Boolean(magnitude) || /^\d{1,3}(?:[ .,’']\d{3})+(?:[.,]\d{1,2})?$|^\d+[.,]\d{2}$/.test(body);
        if (
          FOLDED_NOT_MONEY_AFTER.test(this.folded.slice(end, end + 16)) ||
          NOT_MONEY_BEFORE.test(this.text.slice(Math.max(0, start - 8), start))
        )
          continue;
        this.bare.push({ start, end, parsed, normal, approx, checks, shape });
        continue;
      }
      // "maksimālais – 2.5 miljoni latu", "minimum EUR 30 000": a limit, not a figure of this budget ("minimálne
      // 20 000 EUR", at least, is this budget's figure, a bound)
      if (
        FOLDED_LIMIT.test(this.folded.slice(Math.max(0, start - 50), start)) &&
        !FOLDED_AT_LEAST.test(this.folded.slice(Math.max(0, start - 24), start))
      )
        continue;
      this.add({
        type: 'money',
        start,
        end,
        figure: {
          ...this.figure(start, end, parsed.value, normal, approx, checks, magnitude ? 0 : parsed.scale),
          currency: code,
        },
        currency: code,
      });
    }
  }

  /**
   * A figure with its equivalent in another currency beside it (`LVL 7 621,41 (EUR 10 844,29)`,
   * `4 mln zł / 0,93 mln EUR`, `7 621,41 lati jeb 10 844,29 eiro`) is one statement, not two: the one in the
   * document's currency stays. A euro figure beside an amount in a currency the euro replaced is kept as its
   * euro figure, which check converts at the fixed rate; any other equivalent is context. An exchange rate
   * (`1 EUR = 0,702804 LVL`) is no figure of the budget; of a rounded figure and the exact one in brackets beside
   * it, the exact one is the statement. Run after money(), when the mentions are its, in text order.
   */
  conversions(): void {
    const money = this.mentions.filter((m): m is Extract<Mention, { type: 'money' }> => m.type === 'money');
    const pairs: { first: (typeof money)[number]; second: (typeof money)[number]; rate: boolean }[] = [];
    const dropped = new Set<Mention>();
    for (let i = 0; i + 1 < money.length; i++) {
      const first = money[i]!;
      const second = money[i + 1]!;
      const between = this.folded.slice(first.end, second.start);
      if (between.length > 24) continue;
      const bracket =
        CONVERSION_OPEN.test(between) && /^[\x20\u00a0]*[)\]]/.test(this.text.slice(second.end, second.end + 4));
      if (first.currency === second.currency) {
        // "aptuveni 4,5 miljoni eiro (4 423 363,37 eiro)": a rounded figure and the exact one beside it; the exact
        // one is the statement
        const [rounded, exact] = first.figure.approx ? [first, second] : [second, first];
        if (
          bracket &&
          rounded.figure.approx !== exact.figure.approx &&
          rounded.figure.value.minus(exact.figure.value).abs().lte(exact.figure.value.div(20))
        ) {
          dropped.add(rounded);
          i++;
        }
        continue;
      }
      const rate = /^[\x20\u00a0]*=[\x20\u00a0]*$/.test(between);
      if (!rate && !bracket && !CONVERSION_BETWEEN.test(between)) continue;
      pairs.push({ first, second, rate });
      i++;
    }
    if (pairs.length === 0 && dropped.size === 0) return;
    // the document's currency: that of most figures, an equivalent after its figure not counted
    const seconds = new Set<Mention>(pairs.map((p) => p.second));
    const counts = new Map<string, number>();
    for (const m of money) if (!seconds.has(m)) counts.set(m.currency, (counts.get(m.currency) ?? 0) + 1);
    let currency = money[0]!.currency;
    for (const [code, count] of counts) if (count > counts.get(currency)!) currency = code;
    for (const { first, second, rate } of pairs) {
      if (rate) {
        dropped.add(first).add(second);
        continue;
      }
      const [kept, other] = second.currency === currency ? [second, first] : [first, second];
      dropped.add(other);
      if (other.currency === 'EUR' && fixedRate(kept.currency)) kept.figure.euro = other.figure;
    }
    let at = 0;
    for (const m of this.mentions) if (!dropped.has(m)) this.mentions[at++] = m;
    this.mentions.length = at;
  }

  /**
   * An amount written without its currency ("kopā 250 000,00", "valsts budžets – 160 tūkst.") takes
   * the document's currency when it names only one; the figure says so in a `# check:`.
   */
  inherit(): void {
    this.inheritMagnitude();
    let codes = new Set(this.mentions.flatMap((m) => (m.type === 'money' ? [m.currency] : [])));
    // no figure with its currency: the currency a heading or a column's name states once ("Summa, EUR", "(EUR)")
    let heading: { line: number } | undefined;
    if (codes.size === 0) {
      const named = this.namedCurrencies();
      codes = new Set(named.map((n) => n.code));
      heading = named[0];
    }
    // no currency anywhere: a table's cells (two amounts or more on a line, in columns) are read as euro, in doubt;
    // other numbers stay no money
    const none = codes.size === 0;
    if (none) codes = new Set(['EUR']);
    if (codes.size !== 1) return;
    const [code] = codes;
    const free = this.bare.filter((b) => b.shape && this.free(b) && (!none || this.inTableRow(b)));
    for (const b of free) {
      const written = this.text.slice(b.start, b.end);
      const checks = [
        ...b.checks,
        none
          ? `no currency anywhere in the document: "${written}" read as EUR`
          : `no currency beside "${written}": read as ${code}, ` +
            (heading ? `the currency the document names on line ${heading.line}` : "the document's only currency"),
        // "1250000.00": no grouping to tell its decimal mark from a thousands one
        ...(/^\d{5,}[.,]\d{2}$/.test(written.trim())
          ? [`"${written}" is written without grouping: read with "${written.trim().at(-3)}" as its decimal mark`]
          : []),
      ];
      this.add({
        type: 'money',
        start: b.start,
        end: b.end,
        figure: {
          ...this.figure(b.start, b.end, b.parsed.value, b.normal, b.approx, checks, b.parsed.scale),
          currency: code!,
        },
        currency: code!,
        inherited: true,
      });
    }
  }

  /** Whether a number stands in a table's row: on a line with another amount-shaped number, columns apart. */
  private inTableRow(span: Span): boolean {
    const start = this.text.lastIndexOf('\n', span.start) + 1;
    const end = this.text.indexOf('\n', span.end);
    const line = this.text.slice(start, end < 0 ? this.text.length : end);
    if (!/\t|\S {2,}\S|\|/.test(line)) return false;
    return this.bare.filter((b) => b.shape && b.start >= start && b.start < start + line.length).length >= 2;
  }

  /**
   * Currencies the text names without a figure beside them: an ISO code in capitals, a symbol, or the euro's name
   * (`Summa, EUR`, `Izmaksas (€)`, `summa eiro`). Names of one or two letters (`Ls`, `Ft`) are too often words.
   */
  private namedCurrencies(): { code: string; line: number }[] {
    const found: { code: string; line: number }[] = [];
    for (const match of this.folded.matchAll(NAMED_CURRENCY)) {
      const written = this.text.slice(match.index, match.index + match[0].length);
      const sure =
        /^\p{Lu}{3}$/u.test(written) || !/\p{L}/u.test(written) || /^(?:euro|eiro|euros|eur)$/iu.test(written);
      const code = sure ? currencyCode(written) : undefined;
      if (code) found.push({ code, line: this.place(match.index).line });
    }
    return found;
  }

  /**
   * A magnitude and currency stated once for several figures ("65,4 miljoni latu, no kuriem 56,4 ir ERAF"):
   * a plain number after an amount with a magnitude word, in the same sentence and smaller than it,
   * is read in that magnitude and currency, with a `# check:` saying so.
   */
  private inheritMagnitude(): void {
    const scaled = this.mentions
      .filter(
        (m): m is Extract<Mention, { type: 'money' }> =>
          m.type === 'money' && / (?:thousand|million|billion)$/.test(m.figure.normal),
      )
      .sort((a, b) => a.start - b.start);
    if (scaled.length === 0) return;
    for (const b of this.bare) {
      if (b.shape || !this.free(b)) continue;
      const last = lastStartingBefore(scaled, b.start);
      const parent = last >= 0 ? scaled[last]! : undefined;
      if (!parent || b.start - parent.end > 120 || SENTENCE_BREAK.test(this.text.slice(parent.end, b.start))) continue;
      const word = / (thousand|million|billion)$/.exec(parent.figure.normal)![1]!;
      const factor = new Decimal(10).pow(word === 'thousand' ? 3 : word === 'million' ? 6 : 9);
      const value = b.parsed.value.times(factor);
      if (value.gte(parent.figure.value) || b.parsed.value.isZero()) continue;
      const written = this.text.slice(b.start, b.end);
      const checks = [
        ...b.checks,
        `no currency or magnitude beside "${written}": read ` +
          `as ${b.parsed.value.toFixed()} ${word} ${parent.currency}, as ` +
          `"${parent.figure.text}" before it`,
      ];
      const normal = `${b.approx ? '~' : ''}${b.parsed.value.toFixed()} ${word}`;
      this.add({
        type: 'money',
        start: b.start,
        end: b.end,
        figure: { ...this.figure(b.start, b.end, value, normal, b.approx, checks), currency: parent.currency },
        currency: parent.currency,
        inherited: true,
      });
    }
    this.merge();
  }

  percents(): void {
    for (const match of this.text.matchAll(PERCENT)) {
      const start = match.index;
      const end = start + match[0].length;
      if (!this.free({ start, end })) continue;
      if (
        NOT_A_SHARE.test(this.text.slice(Math.max(0, start - 25), start)) ||
        NOT_A_SHARE_AFTER.test(this.text.slice(end, end + 12))
      )
        continue;
      // "50% līdz 85%", "from 50 to 85 %": a range of rates, not a share's rate
      if (
        FOLDED_RANGE_AFTER.test(this.folded.slice(end, end + 16)) ||
        FOLDED_RANGE_BEFORE.test(this.folded.slice(Math.max(0, start - 16), start))
      )
        continue;
      // "co-financed by the ERDF up to 85%", "maksimālā intensitāte 85%": a ceiling the programme allows, maybe not
      // this
      // budget's rate. Kept (dropped, a rest would silently take its part), but in doubt.
      // a minimum rate as a rule ("the minimum rate of own funding is 20%") is what projects must bring, no share
      if (FOLDED_MINIMUM_RATE.test(this.folded.slice(Math.max(0, start - 60), start))) continue;
      // "minimálne 5 %", at least: the share may be higher, not lower
      const floor = FOLDED_AT_LEAST.test(this.folded.slice(Math.max(0, start - 24), start));
      const ceiling =
        !floor &&
        (FOLDED_CEILING.test(this.folded.slice(Math.max(0, start - 24), start)) ||
          FOLDED_LIMIT.test(this.folded.slice(Math.max(0, start - 40), start)));
      let rate;
      try {
        rate = parseRate(match[1]!);
      } catch {
        continue; // above 100: not a share
      }
      const bound = `"${this.text.slice(Math.max(0, start - 12), end).trim()}" is a`;
      const checks = floor
        ? [`${bound} floor: the share may be higher than ${rate.value.toFixed()}%`]
        : ceiling
          ? [
              `"${this.text.slice(Math.max(0, start - 12), end).trim()}" is a ceiling: the ` +
                `share may be lower than ${rate.value.toFixed()}%`,
            ]
          : [];
      this.add({
        type: 'percent',
        start,
        end,
        figure: this.figure(start, end, rate.value, rate.value.toFixed(), false, checks),
      });
    }
  }

  sources(): void {
    const found: Mention[] = [];
    // names are matched on the folded text: with or without diacritics, across line wraps and double spaces
    for (const { id, kind, pattern, generic } of FOLDED_SOURCES) {
      for (const match of this.folded.matchAll(pattern)) {
        const start = match.index;
        // The name runs on over "finansējums", "funding": `ERAF līdzfinansējums`.
        SOURCE_TAIL.lastIndex = start + match[0].length;
        const tail = SOURCE_TAIL.exec(this.folded);
        const end = start + match[0].length + (tail?.[0].length ?? 0);
        if (generic && TOTAL_BEFORE.test(this.text.slice(Math.max(0, start - 60), start))) {
          found.push({ type: 'total', project: false, start, end });
          continue;
        }
        const other = generic && OTHER_BEFORE.exec(this.text.slice(Math.max(0, start - 12), start));
        const from = other ? start - other[0].length : start;
        found.push({
          type: 'source',
          start: from,
          end,
          id: other ? `other-${id}` : id,
          kind,
          name: this.text.slice(from, end).replace(/\s+/g, ' '),
          ...(generic ? { generic } : {}),
        });
      }
    }
    const named = overlapTest(found);
    // matched on the folded text ("lidzekli" as "līdzekļi"), the words then read from the text at the same places
    for (const match of this.folded.matchAll(FOLDED_UNKNOWN_SOURCE)) {
      const rawFolded = (match[1] ?? match[3] ?? match[5])!;
      const raw = this.text.slice(match.index, match.index + rawFolded.length);
      const fund =
        match[4] === undefined
          ? undefined
          : this.text.slice(match.index + rawFolded.length, match.index + rawFolded.length + match[4].length);
      // words already read as a figure ("85 000 EUR un Ventspils Augstskolas finansējums") are no part of the name
      const after = this.figuresEnd(match.index, match.index + rawFolded.length);
      const skip =
        after === undefined
          ? 0
          : after - match.index + (/^[\s.,;:]*/.exec(rawFolded.slice(after - match.index))?.[0].length ?? 0);
      // a name never runs over a sentence's end ("… its support in May. The grant amounts to"): it starts after it
      let cut = skip;
      for (const end of rawFolded.slice(skip).matchAll(/(?<=\p{L}{3})[.!?]\s+(?=\p{Lu})/gu))
        cut = skip + end.index + end[0].length;
      const lead = cut + (FOLDED_STOP_WORDS.exec(rawFolded.slice(cut))?.[0].length ?? 0);
      const words = (raw.slice(lead) + (fund ?? '')).trim();
      const start = match.index + lead;
      const end = match.index + match[0].length;
      if (words === '' || named({ start, end })) continue;
      // a payer named by its head noun ("Valkas novada domes budžeta finansējums"), even with a budget word among its
      // words
      const payer = payerOf(words);
      if (payer) {
        found.push({
          type: 'source',
          start,
          end,
          id: payer.id,
          kind: payer.kind,
          name: words.replace(/\s+/g, ' '),
          made: true,
        });
        continue;
      }
      // "Projekta kopējais finansējums" names the total, not a source.
      // matched without diacritics: "Kopejais finansejums" is the total as much as "Kopējais finansējums"
      const phrase = fold(this.text.slice(match.index, end));
      const before = fold(raw.slice(lead)) + ' ';
      const folded = fold(words);
      const generic =
        FOLDED_MEASURE_WORDS.test(folded) ||
        FOLDED_BUDGET_WORDS.test(phrase) ||
        FOLDED_PROJECT_WORDS.test(phrase) ||
        FOLDED_TOTAL_BEFORE.test(before) ||
        FOLDED_GENERIC_NAME.test(folded);
      if (generic) {
        // "kopējais pieejamais finansējums": a total, when nothing else names it
        if (FOLDED_TOTAL_BEFORE.test(before) || FOLDED_MEASURE_WORDS.test(folded))
          found.push({ type: 'total', project: false, start, end });
        continue;
      }
      // a phrase with no payer's head noun ("who must ensure the co-financing") is no payer: its figure stays a
      // candidate
      if (!namesPayer(words, /(?:^|[.!?:]\s*|\n\s*)$/u.test(this.text.slice(Math.max(0, start - 4), start)))) continue;
      found.push({
        type: 'source',
        start,
        end,
        id: idFromWords(words),
        kind: namesEuFund(words) ? 'eu-fund' : 'public',
        name: words.replace(/\s+/g, ' '),
        made: true,
      });
    }
    found.push(...this.payersBeforeFigures(found));
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    // "the European Union's Cohesion Fund", "ERAF (ES fondi)": a generic name beside a named fund is that fund
    // ("EU and state funding", "ES un valsts finansējums": two payers joined by "and", neither the name of the other)
    const beside = (a: Mention, b: Mention) =>
      b.start >= a.end &&
      b.start - a.end <= 20 &&
      !/[\d;.]/.test(this.text.slice(a.end, b.start)) &&
      !JOINED_PAYERS.test(this.folded.slice(a.end, b.start));
    const isNamed = (n: Mention) => n.type === 'source' && !n.generic;
    // "publiskais finansējums (ES un valsts līdzdalība)": the payers in a parenthesis right after a source make it up;
    // they are no shares of their own. One named fund alone in it names the generic source before it ("EU (ERDF)
    // share"): kept, and the generic name gives way to it below.
    let inside = -1;
    // "Kopējais programmas budžets (ERAF + nacionālais finansējums) – 75,2 mlj. EUR": the payers in a parenthesis
    // after a total's words make it up; they are no shares there (a parenthesis with a figure states a share)
    const afterTotal = overlapTest(
      [...this.text.matchAll(/\([^()\n\d]{1,160}\)/gu)]
        .filter((p) => FOLDED_BUDGET_BEFORE.test(this.folded.slice(Math.max(0, p.index - 50), p.index)))
        .map((p) => ({ start: p.index, end: p.index + p[0].length })),
    );
    const unbracketed = found.filter((m, i) => {
      if (m.start < inside || (m.type === 'source' && afterTotal(m))) return false;
      if (m.type === 'source') {
        const open = /^\s*\(/.exec(this.text.slice(m.end, m.end + 4));
        if (open) {
          const close = this.text.indexOf(')', m.end);
          let within = i + 1;
          while (within < found.length && found[within]!.start < close) within++;
          const naming = m.generic && within === i + 2 && isNamed(found[i + 1]!);
          if (close > 0 && close - m.end < 160 && !naming) inside = close;
        }
      }
      return true;
    });
    found.length = 0;
    found.push(...unbracketed);
    // the nearest named source after each mention, found in one walk back
    const nextNamed = new Array<Mention | undefined>(found.length);
    for (let i = found.length - 1, next: Mention | undefined; i >= 0; i--) {
      nextNamed[i] = next;
      if (isNamed(found[i]!)) next = found[i];
    }
    let previous: Mention | undefined;
    const kept = found.filter((m, i) => {
      const keep =
        m.type !== 'source' ||
        !m.generic ||
        !((nextNamed[i] && beside(m, nextNamed[i])) || (previous && beside(previous, m)));
      if (isNamed(m)) previous = m;
      return keep;
    });
    for (const mention of kept) if (this.free(mention)) this.add(mention);
  }

  /**
   * Payers named by a short phrase right before an amount, with no funding noun ("Financement : Région 30 000 €",
   * "davon … Land Brandenburg 20.000 Euro", "finansē Valsts izglītības attīstības aģentūra (36 000 EUR)"): the words
   * since the previous figure or punctuation, up to five, whose head noun names a payer.
   */
  private payersBeforeFigures(found: Mention[]): Mention[] {
    const listed = overlapTest(found);
    const sorted = [...this.mentions].sort((a, b) => a.start - b.start);
    const made: Mention[] = [];
    let previousEnd = 0;
    const consider = (start: number, end: number, proper: boolean) => {
      const phrase = this.text.slice(start, end);
      const payer = payerBeforeFigure(phrase, proper);
      if (!payer || listed({ start, end }) || !this.free({ start, end })) return;
      const folded = fold(phrase);
      if (
        FOLDED_BUDGET_WORDS.test(folded) ||
        FOLDED_PROJECT_WORDS.test(folded) ||
        FOLDED_TOTAL_BEFORE.test(folded + ' ')
      )
        return;
      made.push({
        type: 'source',
        start,
        end,
        id: payer.id,
        kind: payer.kind,
        name: phrase.replace(/\s+/g, ' '),
        made: true,
      });
    };
    for (const [k, m] of sorted.entries()) {
      const from = Math.max(previousEnd, m.start - 80);
      previousEnd = m.end;
      if (m.type !== 'money' && m.type !== 'percent') continue;
      // "150 000 € de la Région Occitanie", "100 000 € d'autofinancement": the payer after its figure
      const until = Math.min(sorted[k + 1]?.start ?? this.text.length, m.end + 60);
      const after = PAYER_AFTER_FIGURE.exec(this.text.slice(m.end, until));
      if (after) {
        const named = after[1] ?? '';
        const start = m.end + after[0].length - named.length;
        // the name ends before a conjunction: "de la Région Occitanie et 100 000 €"
        const words =
          named.split(/[\x20\u00a0]+(?=(?:et|and|un|und|i|e|y|ir|ja|a|și|si|or|ou|vai)(?:[\x20\u00a0]|$))/iu)[0] ?? '';
        consider(start, start + words.length, /\p{Lu}\p{Ll}/u.test(words));
      }
      const before = this.text.slice(from, m.start).replace(/[\s(:–—-]*$/u, '');
      const cut = Math.max(...[...before.matchAll(/[,;:.!?()[\]\n\d%]/gu)].map((c) => c.index + 1), 0);
      const segment = before.slice(cut);
      const all = [...segment.matchAll(/\p{L}[\p{L}'’-]*/gu)];
      if (all.length === 0 || /[^\p{L}\s'’-]/u.test(segment)) continue;
      let words = all.slice(-5);
      // the stop words that lead the phrase ("un", "and", "the") are no part of the name
      while (words.length > 1 && FOLDED_STOP_WORDS.test(fold(words[0]?.[0] ?? '') + ' ')) words = words.slice(1);
      // of a longer run, a proper name starts at its first capital ("ko finansē Valsts … aģentūra")
      const capital = words.findIndex((w) => /^\p{Lu}\p{Ll}/u.test(w[0]));
      if (capital > 0 && all.length > words.length - capital) words = words.slice(capital);
      const head = words[0];
      const tail = words.at(-1);
      if (!head || !tail) continue;
      const start = from + cut + head.index;
      const end = from + cut + tail.index + tail[0].length;
      const sentenceStart = /(?:^|[.!?:]\s*|\n\s*)$/u.test(this.text.slice(Math.max(0, start - 4), start));
      consider(
        start,
        end,
        words.some((w, i) => /^\p{Lu}\p{Ll}/u.test(w[0]) && (i > 0 || !sentenceStart)),
      );
    }
    return made;
  }

  words(): void {
    for (const [pattern, make] of [
      [REST_WORDS, (s: Span): Mention => ({ type: 'rest', ...s })],
      [PROJECT_WORDS, (s: Span): Mention => ({ type: 'total', project: true, ...s })],
      [BUDGET_WORDS, (s: Span): Mention => ({ type: 'total', project: false, ...s })],
    ] as const) {
      for (const match of this.folded.matchAll(foldedPattern(pattern))) {
        const span = { start: match.index, end: match.index + match[0].length };
        if (!this.free(span)) continue;
        let mention = make(span);
        // "pārējās projekta izmaksas", "the remaining costs": what the others leave, not the total
        if (
          mention.type === 'total' &&
          REMAINING_BEFORE.test(this.folded.slice(Math.max(0, span.start - 30), span.start))
        )
          mention = { type: 'rest', start: span.start, end: span.end };
        if (mention.type === 'total') {
          // the adjective before the noun (Latvian, English) or after it (Polish, Czech, Romanian: "kosztów
          // kwalifikowalnych")
          const after = /^[^\d\n]{0,25}/.exec(this.folded.slice(span.end, span.end + 25))![0];
          const basis = basisOf(this.folded.slice(Math.max(0, span.start - 30), span.end) + after);
          if (basis) mention.basis = basis;
          if (COSTS_WORD.test(match[0]) && !BUDGET_WORD.test(match[0])) mention.costs = true;
        }
        this.add(mention);
      }
    }
  }
}
