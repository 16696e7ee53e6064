import { Decimal, sum } from '../decimal.js';
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
  String.raw`(?<![\d.,])(\d{1,4})\s+(?:\p{L}+\s+)?(?:projects?|projekt\p{L}*|Projekt\p{L}*|projet\p{L}*|progett\p{L}*|` +
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

interface Context {
  text: string;
  statements: Statement[];
  candidates: Candidate[];
  /** the sentences that state a share, a rest or a total */
  busy: Set<number>;
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
    const stated = written && context.candidates.find((c) => keyOf(c) === keyOf(written));
    this.budgetSentence = stated?.sentence;
    this.budgetOffset = stated?.offset;
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
  // budget stands there, so nothing there disagrees
  if (sentences.group(candidate?.sentence).length === 0 && sentences.budgetSentence !== candidate?.sentence)
    return undefined;
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
  if (same(figure.value, written.value, figure.approx || written.approx, new Decimal(0))) return undefined;
  if (isOld(figure) || isLimit(figure) || INELIGIBLE.test(other.context)) return undefined;
  const budget = result.budget?.value;
  const isAmount = figure === other.amount;
  // another scope's (a programme's, a call's): well above the budget; a misread or restated share is not
  if (isAmount && budget && figure.value.gt(budget.times(2))) return undefined;
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
      if (totals.some((t) => fit(t.value) !== false)) return undefined;
      return `${said}, and the shares stated with it do not add up to its total ${amount(total)}`;
    }
  }
  return `${said} (${writtenWords(result)})`;
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
  const agreed = { ...read, funding };
  return { ...agreed, others: unplacedInDoubt(agreed, context, sentences) };
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
