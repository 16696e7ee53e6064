import { Decimal, sum } from '../decimal.js';
import { laterStatement } from './amendments.js';
import { SOURCE_PATTERNS } from './lexicon.js';
import { fold, foldedPattern } from './normalise.js';
import { reproducer } from './solve.js';
import type { Candidate, Extraction, FoundFigure, FoundShare } from './types.js';

/**
 * A conflict is a doubt of another kind: the document states a figure that disagrees with the figures written, or
 * that was left out of them, so a check of the written figures proves nothing about the document. Its doubt begins
 * with these words (`# check: conflict: …` in the YAML, the same string in the JSON's `checks`), and `cofin check`
 * fails on it (`extract-conflict`). Other doubts stay plain doubts, a note.
 */
export const CONFLICT = 'conflict: ';
export const isConflict = (check: string) => check.startsWith(CONFLICT);

/** A share's statement as the reader placed it: its sentence and offset, when a clause placed it (not a table). */
export type Statement = FoundShare & { sentence?: number; offset?: number };

const amount = (f: FoundFigure) => f.text || f.normal;
/** A statement's figure as the document wrote it: its amount, else its rate. */
const shown = (s: FoundShare) => (s.amount ? amount(s.amount) : s.rate ? `${s.rate.normal}%` : '?');

/** Words before a figure that make it the old one: "nevis 37 500", "instead of", "originally", "līdzšinējo". */
const OLD_BEFORE = new RegExp(
  String.raw`(?<!\p{L})(?:nevis|instead of|rather than|in place of|not|statt|anstatt|anstelle von|au lieu de|` +
    String.raw`zamiast|místo|invece di|vietoj|originally|initially|previously|formerly|earlier|at first|` +
    String.raw`sākotnēj\p{L}*|iepriekš\p{L}*|agrāk|līdzšinēj\p{L}*|ursprünglich|bisher\p{L}*|initialement|` +
    String.raw`pierwotnie|původně|inizialmente)(?:\s+[^\s\d]+){0,3}\s*[:–—-]?\s*$`,
  'iu',
);
/** Words after a figure that make it the old one: "37 500 EUR vietā" (instead of), "… before the change". */
const OLD_AFTER = /^\s*(?:vietā|vietoj|instead|previously|before the (?:change|amendment|revision))(?!\p{L})/iu;
/** Limits and ranges are no figures of the budget: "maximum", "minimālais", "between 20 000 and 50 000". */
const LIMIT = new RegExp(
  String.raw`(?<!\p{L})(?:minim\p{L}*|maxim\p{L}*|maksimāl\p{L}*|minimāl\p{L}*|min\.|max\.|limit\p{L}*|ceiling|` +
    String.raw`not exceed\p{L}*|nepārsniedz\p{L}*|nedrīkst pārsniegt|höchst\p{L}*|mindest\p{L}*|plafond|` +
    String.raw`between|starp|robežās|no\s+\S+\s+līdz)(?!\p{L})`,
  'iu',
);
/** "of which", "t.sk.": a figure beside these words is a part of the one before it. */
const PART = new RegExp(
  String.raw`(?<!\p{L})(?:(?:from|of|out of) which|including|no (?:tā|tās|tiem|tām|kura|kuras|kuriem|kurām)|` +
    String.raw`t\.\s?sk\.|tai skaitā|tostarp|davon|dont|di cui|z czego|w tym|z toho|iš jų|millest|din care)(?!\p{L})`,
  'iu',
);
/** Costs that are not the budget's ("neattiecināmās izmaksas", non-eligible costs): a payer's other costs. */
const INELIGIBLE = new RegExp(
  String.raw`(?<!\p{L})(?:neattiecin\p{L}*|non[- ]?eligible|ineligible|not eligible|nicht förderfähig\p{L}*|` +
    String.raw`niekwalifikowaln\p{L}*|nezpůsobil\p{L}*|non éligible\p{L}*|inammissibil\p{L}*)`,
  'iu',
);
/** Words that say the figures changed: a differing statement beside them is the document's newer figure. */
const CHANGED = new RegExp(
  String.raw`(?<!\p{L})(?:now|revised|amended|updated|corrected|changed|reduced|increased|decreased|raised|` +
    String.raw`lowered|instead|tagad|pašlaik|šobrīd|pārskatīt\p{L}*|precizē\p{L}*|grozī\p{L}*|mainīt\p{L}*|` +
    String.raw`samazin\p{L}*|palielin\p{L}*|koriģē\p{L}*|jetzt|nunmehr|geändert\p{L}*|erhöht|gesenkt|désormais|` +
    String.raw`maintenant|révisé\p{L}*|obecnie|teraz|zmienion\p{L}*|nyní|dabar|pakeist\p{L}*)(?!\p{L})`,
  'iu',
);

/**
 * The words before and after a figure: in the document's text at its offset when known, else in its clause (its first
 * occurrence there).
 */
function around(
  figure: FoundFigure & { offset?: number; text: string },
  whole?: string,
): { before: string; after: string } {
  if (whole !== undefined && figure.offset !== undefined) {
    const end = figure.offset + figure.text.length;
    return {
      before: whole.slice(Math.max(0, figure.offset - 80), figure.offset).replace(/\s+/g, ' '),
      after: whole.slice(end, end + 40).replace(/\s+/g, ' '),
    };
  }
  const context = figure.context.replace(/\s+/g, ' ');
  const text = figure.text.replace(/\s+/g, ' ');
  const at = text ? context.indexOf(text) : -1;
  if (at < 0) return { before: context, after: '' };
  return { before: context.slice(0, at), after: context.slice(at + text.length) };
}

type Placed = FoundFigure & { offset?: number };
const isOld = (figure: Placed, text?: string) => {
  const { before, after } = around(figure, text);
  return OLD_BEFORE.test(before) || OLD_AFTER.test(after);
};
const isLimit = (figure: Placed, text?: string) => LIMIT.test(around(figure, text).before.slice(-60));
const isPart = (figure: Placed, text?: string) => {
  const { before, after } = around(figure, text);
  return PART.test(before.slice(-40)) || PART.test(after.slice(0, 20));
};

/** The text of a sentence up to an offset: from its start (a line break, or a full stop before a capital). */
function sentenceBefore(text: string, offset: number): string {
  const from = Math.max(0, offset - 300);
  const window = text.slice(from, offset);
  let start = 0;
  for (const m of window.matchAll(/\n|[.!?](?=\s+\p{Lu})/gu)) start = m.index + m[0].length;
  return window.slice(start);
}

/**
 * A count of projects or actions ("12 projects", "16 projektiem", "5 Projekte", "23 neuen Projekten"): a sentence that
 * counts them states the figures of that many together, another scope than a sentence that counts none or others.
 */
const PROJECT_COUNT = new RegExp(
  String.raw`(?<![\d.,])(\d{1,4})\s+(?:\p{L}+\s+)?` +
    String.raw`(?:projects?|projekt\p{L}*|Projekt\p{L}*|projet\p{L}*|progett\p{L}*|` +
    String.raw`proyecto\p{L}*|projeto\p{L}*|operations|operācij\p{L}*|actions|aktivitāt\p{L}*)(?!\p{L})`,
  'giu',
);

/** The sentence around an offset: from its start to its end (a full stop before a capital, or a line break). */
function sentenceAround(text: string, offset: number): string {
  const after = text.slice(offset, offset + 300);
  const end = /\n|[.!?](?=\s+\p{Lu})/u.exec(after);
  return sentenceBefore(text, offset) + (end ? after.slice(0, end.index) : after);
}

/** The counts of projects a sentence names ("12 projects" → "12"), joined: "" when it names none. */
function projectCounts(text: string, offset: number | undefined): string {
  if (offset === undefined) return '';
  const counts = [...sentenceAround(text, offset).matchAll(PROJECT_COUNT)].map((m) => Number(m[1]));
  return [...new Set(counts.filter((n) => n >= 2))].sort((a, b) => a - b).join(',');
}

/** Whether two figures are the same figure: exactly, within one unit for a worked-out one, 5% for an approximate. */
function same(a: Decimal, b: Decimal, approx: boolean, slack = new Decimal('0.005')): boolean {
  const tolerance = approx ? Decimal.max(a.abs(), b.abs()).div(20) : slack;
  return a.minus(b).abs().lte(tolerance);
}

/**
 * Whether two rates are the same rate: equal (85% and 85,00%), or the one with more decimals rounds to the other
 * (84,6% written elsewhere as 85%).
 */
function sameRate(a: Decimal, b: Decimal): boolean {
  if (a.eq(b)) return true;
  const places = Math.min(a.decimalPlaces(), b.decimalPlaces());
  const [coarse, fine] = a.decimalPlaces() <= b.decimalPlaces() ? [a, b] : [b, a];
  return places === coarse.decimalPlaces() && fine.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).eq(coarse);
}

/** Whether a rate of a total gives an amount: within one unit, and half the rate's last digit of the total. */
function rateGives(total: Decimal, rate: Decimal, amount: FoundFigure): boolean {
  if (amount.approx) return true;
  const places = rate.decimalPlaces();
  const half = places > 0 ? new Decimal(5).div(new Decimal(10).pow(places + 1)) : new Decimal(0);
  const tolerance = total.times(half).div(100).plus(1);
  return total.times(rate).div(100).minus(amount.value).abs().lte(tolerance);
}

/**
 * The first statement of a group whose rate of the total is not its amount ("85% (17 500)" of 20 000). Only when the
 * group's amounts make the total: with a rest any larger figure "fits", so it need not be their base (a reserve).
 */
function rateAgainst(group: FoundShare[], total: Decimal): FoundShare | undefined {
  if (group.some((s) => s.rest)) return undefined;
  return group.find(
    (s) => !s.rest && s.rate && s.amount && s.rate.value.gt(0) && !rateGives(total, s.rate.value, s.amount),
  );
}

const rateWords = (s: FoundShare, total: Decimal) =>
  `${s.id} ${s.rate ? `${s.rate.normal}%` : '?'} of ${total.toFixed()} is ` +
  `${s.rate ? total.times(s.rate.value).div(100).toFixed() : '?'}, not ${s.amount ? amount(s.amount) : '?'}`;

/**
 * The figures a document that agrees with the written ones may also state: each written figure, the sums of the
 * shares' amounts (public funding = fund + state), what the budget leaves after some of them, the project's total
 * less the budget (the non-eligible costs), and each rate of the budget or of another figure stated beside it
 * (`€1,000,000 (€800,000 ERDF)` at 80%). Made once: exact figures by a set, a rate's products by a binary search
 * among the sorted bases, so a document of many figures costs their sum, not their product.
 */
class Agreeing {
  private readonly exact = new Set<string>();
  private readonly listed: Decimal[] = [];
  private readonly rates: Decimal[];
  private readonly bases: Decimal[];
  /** the largest written figure: a part ("of which") is below it */
  readonly largest: Decimal;

  constructor(result: Extraction, figures: Decimal[]) {
    const budget = result.budget?.value;
    const total = result.projectTotal?.value;
    const amounts = result.funding.flatMap((s) => (s.amount && !s.rest ? [s.amount.value] : []));
    const add = (v: Decimal) => {
      const key = v.toFixed();
      if (this.exact.has(key)) return;
      this.exact.add(key);
      this.listed.push(v);
    };
    for (const v of [budget, total, ...amounts]) if (v) add(v);
    // subsets of up to 10 shares (1 024 sums): a document has a handful
    const few = amounts.slice(0, 10);
    for (let mask = 1; mask < 1 << few.length; mask++) {
      const part = sum(few.filter((_, i) => mask & (1 << i)));
      add(part);
      if (budget) add(budget.minus(part));
    }
    if (budget && total) add(total.minus(budget));
    const rates = new Map<string, Decimal>();
    for (const s of result.funding)
      if (s.rate && !s.rate.value.isZero()) rates.set(s.rate.value.toFixed(), s.rate.value);
    this.rates = [...rates.values()];
    const bases = new Map<string, Decimal>();
    for (const v of budget ? [budget, ...figures] : figures) bases.set(v.toFixed(), v);
    this.bases = [...bases.values()].sort((a, b) => a.cmp(b));
    this.largest = this.listed.reduce((top, v) => (v.gt(top) ? v : top), new Decimal(0));
  }

  /** Whether a figure is one of these: exactly, 5% for an approximate one, a rate's product within one unit. */
  has(figure: FoundFigure): boolean {
    const v = figure.value;
    if (figure.approx ? this.listed.some((k) => same(v, k, true)) : this.exact.has(v.toFixed())) return true;
    const slack = figure.approx ? v.abs().div(20) : new Decimal(1);
    // base × rate ÷ 100 within slack of v: base in [(v − slack) × 100 ÷ rate, (v + slack) × 100 ÷ rate]
    return this.rates.some((rate) => {
      const low = v.minus(slack).times(100).div(rate);
      const high = v.plus(slack).times(100).div(rate);
      let lo = 0;
      let hi = this.bases.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const at = this.bases[mid];
        if (at && at.lt(low)) lo = mid + 1;
        else hi = mid;
      }
      const base = this.bases[lo];
      return base !== undefined && base.lte(high);
    });
  }
}

/** What the written figures are, in words for a conflict's message: `budget 120 000; erdf 102 000, …`. */
function writtenWords(result: Extraction): string {
  const budget = result.budget;
  // a handful is enough to name them: a document of hundreds of sources is named by its first six
  const parts = result.funding.slice(0, 6).map((s) => {
    const figures = [s.rate && `${s.rate.normal}%`, s.rest ? 'rest' : s.amount && amount(s.amount)];
    if (s.rate && !s.amount && budget)
      figures.push(`${budget.value.times(s.rate.value).div(100).toFixed()} of the budget`);
    return `${s.id} ${figures.filter(Boolean).join(' ')}`;
  });
  const more = result.funding.length > 6 ? `, and ${result.funding.length - 6} more` : '';
  return `budget ${budget ? amount(budget) : 'none'}; ${parts.join(', ')}${more}`;
}

/** A table's column that does not add up to its total row: the conflict, and the total row's cell it is about. */
export interface TableConflict {
  why: string;
  at: FoundFigure;
}

interface Context {
  text: string;
  statements: Statement[];
  candidates: Candidate[];
  /** the sentences that state a share, a rest or a total */
  busy: Set<number>;
  /** the tables' columns that do not add up to their total rows */
  tables?: TableConflict[];
}

/**
 * The statements and candidates of each sentence, with their largest amount and reproducer, found once: a document of
 * one long sentence of many figures asks for them once per figure (linear, not quadratic, in the figures).
 */
class Sentences {
  private readonly statements = new Map<number, Statement[]>();
  private readonly candidates = new Map<number, Candidate[]>();
  private readonly largests = new Map<number, Decimal>();
  private readonly fits = new Map<number, (candidate: Decimal) => boolean | undefined>();
  readonly budgetSentence: number | undefined;
  /** the written budget's candidate, when the document states it */
  readonly budgetCandidate: Candidate | undefined;
  readonly budgetOffset: number | undefined;

  constructor(context: Context, result: Extraction) {
    const add = <T>(into: Map<number, T[]>, sentence: number | undefined, item: T) => {
      if (sentence === undefined) return;
      const list = into.get(sentence);
      if (list) list.push(item);
      else into.set(sentence, [item]);
    };
    for (const s of context.statements) add(this.statements, s.sentence, s);
    for (const c of context.candidates) add(this.candidates, c.sentence, c);
    const written = result.budget;
    this.budgetCandidate = written && context.candidates.find((c) => keyOf(c) === keyOf(written));
    this.budgetSentence = this.budgetCandidate?.sentence;
    this.budgetOffset = this.budgetCandidate?.offset;
  }

  group(sentence: number | undefined): Statement[] {
    return sentence === undefined ? [] : (this.statements.get(sentence) ?? []);
  }

  candidatesIn(sentence: number): Candidate[] {
    return this.candidates.get(sentence) ?? [];
  }

  largest(sentence: number): Decimal {
    let top = this.largests.get(sentence);
    if (top === undefined) {
      top = this.group(sentence).reduce(
        (max, s) => (s.amount && s.amount.value.gt(max) ? s.amount.value : max),
        new Decimal(0),
      );
      this.largests.set(sentence, top);
    }
    return top;
  }

  fit(sentence: number): (candidate: Decimal) => boolean | undefined {
    let fit = this.fits.get(sentence);
    if (fit === undefined) {
      fit = reproducer(this.group(sentence));
      this.fits.set(sentence, fit);
    }
    return fit;
  }
}

/** Whether a statement is the one written: the same source with the same figures. */
function isWritten(statement: FoundShare, result: Extraction): boolean {
  const share = result.funding.find((s) => s.id === statement.id);
  const eq = (a?: FoundFigure, b?: FoundFigure) => (a && b ? a.value.eq(b.value) : a === b || !a);
  return share !== undefined && eq(statement.amount, share.amount) && eq(statement.rate, share.rate);
}

const keyOf = (f: { line: number; column: number }) => `${f.line}:${f.column}`;

/**
 * A budget the reader worked out as the sum of the shares, while the document states a total below that sum (so
 * below a share, which ruled it out as their budget: "kopējās izmaksas ir 100 000 EUR, no tām ERAF 102 000 EUR un
 * pašvaldība 18 000 EUR"): the stated total stays the budget, with a conflict, so that check fails on the shares
 * that outgrow it. Only a figure named as a total (a total word before it) in the document's currency.
 */
export function statedTotalKept(
  solved: { budget: FoundFigure | undefined; projectTotal: FoundFigure | undefined; others: FoundFigure[] },
  funding: FoundShare[],
  candidates: Candidate[],
  currency: string,
): typeof solved {
  const budget = solved.budget;
  if (!budget || budget.text !== '' || funding.some((s) => s.rest || !s.amount)) return solved;
  const shares = sum(funding.map((s) => s.amount?.value ?? new Decimal(0)));
  if (!budget.value.eq(shares)) return solved;
  const stated = candidates
    .filter(
      (c) =>
        c.project !== undefined &&
        c.basis !== 'ineligible' &&
        (c.currency === undefined || c.currency === currency) &&
        c.value.lt(shares) &&
        c.value.gt(0),
    )
    .sort((a, b) => Number(a.project === true) - Number(b.project === true) || a.offset - b.offset)[0];
  if (!stated) return solved;
  const { project: _p, offset: _o, basis: _b, costs: _c, sentence: _s, ...figure } = stated;
  const kept: FoundFigure = {
    ...figure,
    checks: [
      ...figure.checks,
      `${CONFLICT}the document states this total, ${amount(figure)}, but its shares add up to ` +
        `${shares.toFixed()} (${funding.map((s) => `${s.id} ${s.amount ? amount(s.amount) : '?'}`).join(', ')})`,
    ],
  };
  return {
    budget: kept,
    projectTotal: solved.projectTotal && keyOf(solved.projectTotal) === keyOf(kept) ? undefined : solved.projectTotal,
    others: solved.others.filter((o) => keyOf(o) !== keyOf(kept)),
  };
}

const UNPLACED =
  'stands in a sentence with the shares or the total but is none of their figures: ' +
  'read it against the document (a share or the rest may have its own figure)';

/**
 * A money figure placed nowhere, in a sentence that states a share, a rest or a total, may be one of their figures
 * misread ("the municipality covers the remaining sum which is €108,000"): a doubt, so that check says its PASS holds
 * only for the figures as read, not a plain comment; a conflict when it agrees with none of the figures written
 * (nor their sums, nor a rate of them) and is neither an old figure ("nevis 37 500 EUR"), a limit nor a part ("of
 * which"), or when it is the total of another statement of the shares that does not add up.
 */
function unplacedInDoubt(result: Extraction, context: Context, sentences: Sentences): FoundFigure[] {
  const sentenceAt = new Map(context.candidates.map((c) => [keyOf(c), c]));
  const figures = [...context.candidates.map((c) => c.value)];
  const known = new Agreeing(result, figures);
  // whether a sentence's statements include others than the written ones, once per sentence
  const othersIn = new Map<number, boolean>();
  return result.others.map((other) => {
    const candidate = sentenceAt.get(keyOf(other));
    const sentence = candidate?.sentence;
    if (sentence === undefined || !context.busy.has(sentence)) return other;
    const why = conflictOfFigure(other, candidate, result, known, context, sentences, othersIn);
    const doubt = why ? `${CONFLICT}"${other.text}" (line ${other.line}) ${why}` : `"${other.text}" ${UNPLACED}`;
    return { ...other, checks: [...other.checks, doubt] };
  });
}

/** The project's total named in a sentence's words: "Projekta kopējais budžets", "The project costs … in total". */
const PROJECT_WORDS =
  /(?<!\p{L})(?:projekt\p{L}*|project\p{L}*|projet\p{L}*|progett\p{L}*|proyect\p{L}*|budžet\p{L}*|budget\p{L}*)/iu;
/**
 * Words of another scope than the project's own total, in the EU languages the reader reads: a partner's part, a
 * contract, a call or programme, a fund, a stage or lot, another or a part project ("the second project",
 * "Teilprojekt"), a year's, or the total per item.
 */
const OTHER_SCOPE = new RegExp(
  String.raw`\p{L}*(?:partner|partenaire|partnerschaft|program)\p{L}*|\p{L}+(?:project|projekt|projet)\p{L}*|` +
    String.raw`(?<!\p{L})(?:līgum\p{L}*|contract\p{L}*|vertrag\p{L}*|contrat\p{L}*|contratt\p{L}*|umow\p{L}*|` +
    String.raw`sutart\p{L}*|leping\p{L}*|smlouv\p{L}*|call|aufruf\p{L}*|appel|bando|convocatoria|nabor\p{L}*|` +
    String.raw`nabór\p{L}*|kvietim\p{L}*|konkurs\p{L}*|fund|funds|fonds|fondu|fondo|fondas|fondi|action|` +
    String.raw`activit\p{L}*|aktivitāt\p{L}*|darbīb\p{L}*|priorit\p{L}*|atlas\p{L}*|round|kārt\p{L}*|phase|` +
    String.raw`posm\p{L}*|stage|etap\p{L}*|étape|fase|abschnitt\p{L}*|each|katr\p{L}*|jede\p{L}*|chaque|ogni|` +
    String.raw`cada|każd\p{L}*|každ\p{L}*|kiekvien\p{L}*|first|second|third|other|another|pirm\p{L}*|otr\p{L}*|` +
    String.raw`treš\p{L}*|cit\p{L}*|erst\p{L}*|zweit\p{L}*|dritt\p{L}*|ander\p{L}*|weiter\p{L}*|premi\p{L}*|` +
    String.raw`deuxième|autre\p{L}*|secondo|seconda|altr\p{L}*|segund\p{L}*|otr[oa]s?|pierwsz\p{L}*|drug\p{L}*|` +
    String.raw`inn[yae]\p{L}*|první|druh\p{L}*|další|antr\p{L}*|kit\p{L}*|teine|teise\p{L}*|esimene|` +
    String.raw`per|lot|los|lote|daļ\p{L}*|part|share|teil|measure|pasākum\p{L}*|maßnahme\p{L}*|iepirkum\p{L}*|` +
    String.raw`procurement|tender)(?!\p{L})`,
  'iu',
);
/** Value added tax: a total with it and one without are two bases of one project (`ar PVN`, `excluding VAT`). */
const VAT = new RegExp(
  String.raw`(?<!\p{L})(?:PVN|VAT|MwSt|USt|Mehrwertsteuer|TVA|IVA|PVM|käibemaks\p{L}*|DPH|ÁFA|BTW|moms|ALV|` +
    String.raw`DDV|PDV|ДДС|НДС|ΦΠΑ)(?!\p{L})`,
  'iu',
);
/** A year's figure, not the project's: a year (`2025`, `2025. gadam`), `annual`, `per year`. */
const YEAR = new RegExp(
  String.raw`(?<![\d\p{L}])(?:19|20)\d{2}(?!\d)|(?<!\p{L})(?:gad\p{L}*|year\p{L}*|annual\p{L}*|jahr\p{L}*|` +
    String.raw`jährlich\p{L}*|année\p{L}*|annuel\p{L}*|anno|annual\p{L}*|anual\p{L}*|rok\p{L}*|roczn\p{L}*|` +
    String.raw`met(?:ai|ų|ams|uose|in\p{L}*)|aasta\p{L}*|roční\p{L}*)(?!\p{L})`,
  'iu',
);
/** Words right before a figure that make it a lower bound (`at least`, `vismaz`, `more than`), or an upper one. */
const CURRENCY_BEFORE = String.raw`(?:\s+(?:EUR|€|euro|eiro))?\s*$`;
const AT_LEAST = new RegExp(
  String.raw`(?<!\p{L})(?:at least|not less than|no less than|more than|over|above|exceeding|in excess of|` +
    String.raw`vismaz|ne mazāk kā|ne mazāk par|vairāk nekā|vairāk par|virs|pāri|mindestens|mehr als|über|` +
    String.raw`au moins|plus de|almeno|più di|oltre|al menos|más de|co najmniej|ponad|powyżej|ne mažiau kaip|` +
    String.raw`daugiau nei|daugiau kaip|virš|vähemalt|üle|nejméně|alespoň|více než|přes)` +
    CURRENCY_BEFORE,
  'iu',
);
const AT_MOST = new RegExp(
  String.raw`(?<!\p{L})(?:up to|not more than|no more than|at most|less than|under|below|almost|nearly|līdz|` +
    String.raw`ne vairāk kā|ne vairāk par|mazāk nekā|mazāk par|gandrīz|teju|zem|bis zu|höchstens|weniger als|` +
    String.raw`unter|fast|beinahe|jusqu'à|au plus|moins de|presque|fino a|al massimo|meno di|quasi|hasta|` +
    String.raw`menos de|casi|do|maksymalnie|mniej niż|prawie|iki|ne daugiau kaip|mažiau nei|beveik|kuni|alla|` +
    String.raw`peaaegu|až|maximálně|méně než|téměř|skoro|turpat|nepiln\p{L}*|close to|just about|just short of|` +
    String.raw`not quite|knapp|nahezu|près de|niemal\p{L}*|niespełna|blisko|takmer|necel\p{L}*|ligi|lähes|liki|` +
    String.raw`quase|perto de|aproape|почти|nästan|knappt|skoraj|gotovo|közel|majdnem|bijna)` +
    CURRENCY_BEFORE,
  'iu',
);

/** A sentence's words around a figure: before it (sentenceBefore) and after it, to the sentence's end. */
function sentenceOfFigure(text: string, figure: { offset: number; text: string }): string {
  const end = figure.offset + figure.text.length;
  const after = text.slice(end, end + 200);
  const stop = after.search(/\n|[.!?](?=\s+\p{Lu})|[.!?]\s*$/u);
  return `${sentenceBefore(text, figure.offset)} ${stop < 0 ? after : after.slice(0, stop)}`;
}

/**
 * A sentence that states the project's total again, alone ("The total budget of the project is EUR 86 000" after
 * "… is EUR 84 000: …"): a conflict when it names the same basis as the written budget (the total, not its eligible
 * costs, both with or both without VAT), in the project's words and no other scope's (nor is the written budget's of
 * another scope, a partner's), and is none of the agreeing figures, an old one, a limit, a part, an amendment
 * ("reduced to"), another scope's (over twice the budget), nor a bound the written budget keeps ("at least").
 */
function totalAgain(
  candidate: Candidate,
  result: Extraction,
  known: Agreeing,
  context: Context,
  sentences: Sentences,
): string | undefined {
  const written = result.budget;
  const budgetCandidate = sentences.budgetCandidate;
  const text = context.text;
  const before = text.slice(Math.max(0, candidate.offset - 40), candidate.offset);
  const bound = AT_LEAST.test(before) ? 'least' : AT_MOST.test(before) ? 'most' : undefined;
  // a rounded figure ("22,8 mil.") may be another count of the same project: only exact figures contradict, and bounds
  // (which the reader reads as about the figure) by their side
  if (!written || written.approx || (candidate.approx && bound === undefined)) return undefined;
  if (!budgetCandidate || candidate.project === undefined || candidate.received !== undefined) return undefined;
  if (candidate.basis === 'ineligible' || budgetCandidate.basis === 'ineligible') return undefined;
  if ((candidate.basis === 'eligible') !== (budgetCandidate.basis === 'eligible')) return undefined;
  if (candidate.currency !== undefined && candidate.currency !== result.currency) return undefined;
  if (known.has(candidate) || isOld(candidate, text) || isLimit(candidate, text)) return undefined;
  if (isPart(candidate, text) || candidate.value.gt(written.value.times(2))) return undefined;
  const words = sentenceOfFigure(text, candidate);
  if (!PROJECT_WORDS.test(sentenceBefore(text, candidate.offset))) return undefined;
  if (OTHER_SCOPE.test(words) || CHANGED.test(words) || YEAR.test(words)) return undefined;
  const budgetWords = sentenceOfFigure(text, budgetCandidate);
  if (OTHER_SCOPE.test(sentenceBefore(text, budgetCandidate.offset)) || YEAR.test(budgetWords)) return undefined;
  if (VAT.test(words) || VAT.test(budgetWords)) return undefined;
  if (laterStatement(text, Math.max(0, candidate.offset - 80), candidate.offset) !== undefined) return undefined;
  const but = `the budget written is ${amount(written)} (${writtenWords(result)})`;
  if (bound === 'least')
    return written.value.lt(candidate.value) ? `states the project's total as at least this figure; ${but}` : undefined;
  if (bound === 'most')
    return written.value.gt(candidate.value) ? `states the project's total as at most this figure; ${but}` : undefined;
  return `states the project's total again with another figure; ${but}`;
}

/** Why a figure placed nowhere disagrees with the written figures; undefined when it may agree. */
function conflictOfFigure(
  figure: FoundFigure,
  candidate: Candidate | undefined,
  result: Extraction,
  known: Agreeing,
  context: Context,
  sentences: Sentences,
  othersIn: Map<number, boolean>,
): string | undefined {
  if (figure.currency !== undefined && figure.currency !== result.currency) return undefined;
  // a sentence busy only with a total of its own ("Līguma summa ir 123 456,78 EUR"): no share, rest nor the written
  // budget stands there, so nothing there disagrees, unless it states the project's total budget again
  if (sentences.group(candidate?.sentence).length === 0 && sentences.budgetSentence !== candidate?.sentence)
    return candidate && totalAgain(candidate, result, known, context, sentences);
  const placed = candidate ?? figure;
  if (known.has(figure) || isOld(placed, context.text) || isLimit(placed, context.text)) return undefined;
  // a part of a figure written before it ("141 million …, 119 million of which", "no tā elastības finansējums …")
  if (isPart(placed, context.text) && known.largest.gt(figure.value)) return undefined;
  const words = () => writtenWords(result);
  const budget = result.budget?.value;
  if (candidate?.sentence !== undefined) {
    // the total of another statement of the shares (a second project, a revision): a conflict when that statement
    // does not add up to it, or when its sentence says the figures changed
    const group = sentences.group(candidate.sentence);
    let others = othersIn.get(candidate.sentence);
    if (others === undefined) {
      others = group.some((s) => !isWritten(s, result));
      othersIn.set(candidate.sentence, others);
    }
    if ((others || candidate.project !== undefined) && CHANGED.test(sentenceBefore(context.text, candidate.offset)))
      return `is a changed total the document states; the figures written are others (${words()})`;
    if (group.length > 0 && figure.value.gte(sentences.largest(candidate.sentence))) {
      const fit = sentences.fit(candidate.sentence)(figure.value);
      const against = fit === true ? rateAgainst(group, figure.value) : undefined;
      if (against)
        return (
          'is the total of shares stated with it whose rates do not give their amounts ' +
          `(${rateWords(against, figure.value)})`
        );
      if (fit === true) return undefined;
      if (fit === false)
        return (
          `is the total of shares stated with it that do not add up to it ` +
          `(${group.map((s) => `${s.id} ${shown(s)}`).join(', ')})`
        );
    }
  }
  // another scope's figure (a call's, a programme's): well above the budget (a misread share is not), or stated for
  // another count of projects than the budget
  if (budget && figure.value.gt(budget.times(2))) return undefined;
  const counted = projectCounts(context.text, candidate?.offset);
  if (counted !== '' && counted !== projectCounts(context.text, sentences.budgetOffset)) return undefined;
  return `agrees with none of the figures written (${words()}), nor with their sums or rates`;
}

/**
 * A source stated again with a different figure: a conflict unless the other statement is a rounded one, an old
 * figure (the written one amends it, or its words say so), a limit, the payer's non-eligible costs, over twice the
 * budget
 * (a programme's or call's figure), or part of another statement whose figures add up to its own total.
 */
function conflictOfStatement(
  share: FoundShare,
  other: Statement,
  result: Extraction,
  context: Context,
  sentences: Sentences,
): string | undefined {
  const figure = other.amount ?? other.rate;
  const written = share.amount && other.amount ? share.amount : share.rate && other.rate ? share.rate : undefined;
  if (!figure || !written) return undefined;
  if (same(figure.value, written.value, figure.approx || written.approx, new Decimal(0))) {
    // the same amount with another rate ("EUR 10 844 (85%)", then "EUR 10 844 covers 80% of the costs"): a rate
    // stated twice differently, unless the other rate is of another base the document states (the project's total)
    if (!share.rate || !other.rate || !other.amount || sameRate(share.rate.value, other.rate.value)) return undefined;
    if (otherBase(other, result, context.candidates) || genericEu(other.name)) return undefined;
    if (isOld(other.rate) || isLimit(other.rate) || INELIGIBLE.test(other.context)) return undefined;
    return (
      `${share.id} is stated as ${other.rate.normal}% with the same amount ${amount(figure)} on line ` +
      `${other.rate.line}, but ${share.rate.normal}% is written (${writtenWords(result)})`
    );
  }
  if (isOld(figure) || isLimit(figure) || INELIGIBLE.test(other.context)) return undefined;
  const budget = result.budget?.value;
  const isAmount = figure === other.amount;
  // another scope's (a programme's, a call's): well above the budget; a misread or restated share is not
  if (isAmount && budget && figure.value.gt(budget.times(2))) return undefined;
  // the whole budget named by a fund's programme ("the ERDF programme, which will see €663m invested") when the
  // written shares, two or more, add up to it: the total, not a share stated again (a plain doubt stays)
  // A fund said to give the whole budget, without such words, stays a conflict.
  if (isAmount && budget && figure.value.eq(budget) && PROGRAMME_SCOPE.test(other.context) && sharesMakeBudget(result))
    return undefined;
  // the written figure amends this one: the earlier statements are its history
  const amending = context.statements.find(
    (s) => s.id === share.id && s.amended && s.amount && written === share.amount && s.amount.value.eq(written.value),
  );
  if (amending && (other.offset ?? 0) < (amending.offset ?? Infinity)) return undefined;
  // of another count of projects ("the committee approved 12 projects with ERDF funding of …" beside the five's):
  // the figures of another scope, a doubt, not a disagreement
  const counted = projectCounts(context.text, other.offset);
  if (counted !== '' && counted !== projectCounts(context.text, writtenOffset(share, written, context)))
    return undefined;
  const said = `${share.id} is stated as ${amount(figure)} on line ${figure.line}, but ${amount(written)} is written`;
  if (other.offset !== undefined && CHANGED.test(sentenceBefore(context.text, other.offset)))
    return `${said}: the document says the figures changed`;
  if (other.sentence !== undefined) {
    // a figure stated with them at least as large as each of them: maybe their total
    const largest = sentences.largest(other.sentence);
    const totals = sentences
      .candidatesIn(other.sentence)
      .filter((c) => c.basis !== 'ineligible' && c.value.gte(largest));
    const [total] = totals;
    if (total) {
      const fit = sentences.fit(other.sentence);
      const group = sentences.group(other.sentence);
      const fitting = totals.filter((t) => fit(t.value) !== false);
      // a rate restated beside a total that fits is of that other statement (its own base): only amounts are held to it
      if (fitting.length > 0 && (!isAmount || fitting.some((t) => !rateAgainst(group, t.value)))) return undefined;
      const [first] = fitting;
      const against = first && rateAgainst(group, first.value);
      if (first && against)
        return `${said}, and the rates stated with it do not give their amounts (${rateWords(against, first.value)})`;
      return `${said}, and the shares stated with it do not add up to its total ${amount(total)}`;
    }
  }
  return `${said} (${writtenWords(result)})`;
}

/** Words naming a programme's or an investment's scope, in the EU languages (stems, matched without case). */
const PROGRAMME_SCOPE = /programm|program\b|programu|programa|programas|investi|overall|kopumā|insgesamt/i;

/** Whether two written shares or more, all stated as amounts, add up to the written budget exactly. */
function sharesMakeBudget(result: Extraction): boolean {
  const budget = result.budget?.value;
  const shares = result.funding;
  if (!budget || shares.length < 2 || shares.some((s) => !s.amount || s.rest)) return false;
  return sum(shares.flatMap((s) => (s.amount ? [s.amount.value] : []))).eq(budget);
}

/**
 * Whether a statement's rate gives its amount of another figure than the budget: the project's total, a figure the
 * document states (the eligible costs, a total in its sentence), or a sum of the written shares (`89,47% of the public
 * funding`, fund + state): a rate of another base, no contradiction of the budget's.
 */
function otherBase(other: Statement, result: Extraction, all: Candidate[]): boolean {
  const { rate, amount: stated } = other;
  if (!rate || !stated) return false;
  const budget = result.budget?.value;
  const bases: Decimal[] = [];
  if (result.projectTotal) bases.push(result.projectTotal.value);
  // the first 200 figures: bounded per statement
  for (const c of all.slice(0, 200)) bases.push(c.value);
  // sums of up to 8 written shares (256): a document has a handful
  const amounts = result.funding.flatMap((s) => (s.amount && !s.rest ? [s.amount.value] : [])).slice(0, 8);
  for (let mask = 1; mask < 1 << amounts.length; mask++) bases.push(sum(amounts.filter((_, i) => mask & (1 << i))));
  return bases.some((b) => (!budget || !b.eq(budget)) && rateGives(b, rate.value, stated));
}

const NAMED = SOURCE_PATTERNS.filter((p) => !p.generic).map((p) => foldedPattern(p.pattern));
const GENERIC_EU = SOURCE_PATTERNS.filter((p) => p.generic && p.kind === 'eu-fund').map((p) =>
  foldedPattern(p.pattern),
);
/**
 * A statement named only as the Union's money ("EU contribution: … (85%)"), read as the one fund the document
 * names: its rate may be the programme's co-financing rate (of the public eligible costs), another base, so beside the
 * same amount it contradicts no rate of the fund's.
 */
function genericEu(name: string): boolean {
  const folded = fold(name);
  return GENERIC_EU.some((p) => folded.search(p) >= 0) && !NAMED.some((p) => folded.search(p) >= 0);
}

/** The offset of the statement the written figure came from, when a clause placed it. */
function writtenOffset(share: FoundShare, written: FoundFigure, context: Context): number | undefined {
  return context.statements.find(
    (s) =>
      s.id === share.id &&
      (s.amount === written || s.rate === written || (s.amount && keyOf(s.amount) === keyOf(written))),
  )?.offset;
}

/** The doubts `solve` wrote for a source stated again differently, which a conflict replaces. */
const AGAIN = (id: string, line: number) => `line ${line} states ${id} again differently: `;

/**
 * Classifies extract's doubts: each figure the document states that disagrees with the written figures, or was left
 * out of them, becomes a conflict (see CONFLICT); the rest stay plain doubts.
 */
export function withConflicts(result: Extraction, context: Context): Extraction {
  const budget = result.budget && {
    ...result.budget,
    checks: result.budget.checks.map((c) =>
      c === 'the shares do not add up to this budget, nor do their rates reproduce it'
        ? `${CONFLICT}the shares do not add up to this budget, nor do their rates reproduce it ` +
          `(${writtenWords(result)})`
        : c,
    ),
  };
  const read = { ...result, budget };
  const sentences = new Sentences(context, read);
  const funding = read.funding.map((share) => {
    const conflicts: { line: number; why: string }[] = [];
    for (const other of context.statements) {
      if (other.id !== share.id) continue;
      const why = conflictOfStatement(share, other, read, context, sentences);
      if (why && !conflicts.some((c) => c.why === why)) conflicts.push({ line: other.line, why: `${CONFLICT}${why}` });
    }
    if (conflicts.length === 0) return share;
    const replaced = new Set(conflicts.map((c) => AGAIN(share.id, c.line)));
    const plain = share.checks.filter((c) => ![...replaced].some((r) => c.startsWith(r)));
    return { ...share, checks: [...conflicts.map((c) => c.why), ...plain] };
  });
  const agreed = withTables({ ...read, funding }, context.tables ?? []);
  return { ...agreed, others: unplacedInDoubt(agreed, context, sentences) };
}

/**
 * A table's columns that do not add up to its total row, on the written figure its total row's cell is (a share's
 * amount, the budget), else on the budget: the document contradicts itself whichever figures were written, so that a
 * share read from a sentence instead does not hide them.
 */
function withTables(result: Extraction, tables: TableConflict[]): Extraction {
  if (tables.length === 0) return result;
  const onShare = new Map<FoundShare, string[]>();
  const onBudget: string[] = [];
  for (const { why, at } of tables) {
    const share = result.funding.find((s) => s.amount && keyOf(s.amount) === keyOf(at));
    const list = share ? (onShare.get(share) ?? []) : onBudget;
    if (share) onShare.set(share, list);
    list.push(why);
  }
  const [first] = result.funding;
  // no budget: the first share carries them (extract writes no file without shares)
  if (!result.budget && first && onBudget.length > 0) onShare.set(first, [...(onShare.get(first) ?? []), ...onBudget]);
  return {
    ...result,
    budget:
      result.budget && onBudget.length > 0
        ? { ...result.budget, checks: [...onBudget, ...result.budget.checks] }
        : result.budget,
    funding: result.funding.map((s) => {
      const more = onShare.get(s);
      return more ? { ...s, checks: [...more, ...s.checks] } : s;
    }),
  };
}

/** The sentences that state a share, a rest or a total: a figure placed nowhere there is a doubt. */
export function busySentences(
  shares: { sentence: number }[],
  candidates: { sentence?: number; project: boolean | undefined }[],
): Set<number> {
  const busy = new Set(shares.map((s) => s.sentence));
  for (const c of candidates) if (c.project !== undefined && c.sentence !== undefined) busy.add(c.sentence);
  return busy;
}

/** A row's label of a part of the row above it, as the table's labels are: folded ("no ta", "tai skaita"). */
const PART_ROW = foldedPattern(PART);
/** A row of subtotals inside a table: its rows then count twice, so the column's sum says nothing. */
const SUBTOTAL =
  /(?<!\p{L})(?:sub-?total\p{L}*|starpsumm\p{L}*|zwischensumme|mezisou\p{L}*|razem cz\p{L}*|tarpin\p{L}*)/iu;

/**
 * A table's column whose rows do not add up to its total row's figure (ERDF 8 500 + 17 000 under a total of 25 000):
 * a conflict naming the column and both figures. Rows written in whole units (or cents) each round by half a unit, so
 * the sum may differ by that much per row; a column with an approximate or missing cell, or with subtotal rows, says
 * nothing.
 */
export function columnAgainstRows(
  column: string,
  rows: (FoundFigure | undefined)[],
  total: FoundFigure,
  labels: string[] = [],
): string | undefined {
  // a row of a part of the row above ("of which advance", "t.sk. PVN") counts twice too
  if (rows.length < 2 || total.approx || labels.some((l) => SUBTOTAL.test(l) || PART_ROW.test(l.slice(0, 24))))
    return undefined;
  const cells: FoundFigure[] = [];
  for (const r of rows) {
    if (!r || r.approx || (r.currency ?? total.currency) !== total.currency) return undefined;
    cells.push(r);
  }
  const added = sum(cells.map((c) => c.value));
  const places = Math.max(total.decimals ?? 0, ...cells.map((c) => c.decimals ?? 0));
  const tolerance = new Decimal(10)
    .pow(-places)
    .times(rows.length + 1)
    .div(2);
  if (added.minus(total.value).abs().lte(tolerance)) return undefined;
  return (
    `${CONFLICT}the table's column "${column}" adds up to ${added.toFixed()} over its ${rows.length} rows, ` +
    `but its total row (line ${total.line}) states ${amount(total)}`
  );
}
