import { Finder } from './mentions.js';
import { foldedPattern, normalise } from './normalise.js';
import { SOURCE_PATTERNS } from './lexicon.js';
import { busySentences, statedTotalKept, withConflicts } from './conflicts.js';
import { ratesInApposition } from './apposition.js';
import { grantsOfPayersBefore } from './grant.js';
import { attach } from './relations.js';
import { solve } from './solve.js';
import { overlapTest } from './spans.js';
import { readTables } from './table.js';
import type { Candidate, Extraction, FoundFigure, FoundShare, Language, Mention } from './types.js';
import { fixedRate } from '../currency/fixed.js';
import { Decimal } from '../decimal.js';

export type { Extraction, FoundFigure, FoundShare, Language } from './types.js';
export { decimalMarkOf } from './numbers.js';

export function detectLanguage(text: string): Language {
  const latvian = (text.match(/[āčēģīķļņšūž]|(?<!\p{L})(?:un|ir|no|kā|gada|finansējums|projekta)(?!\p{L})/giu) ?? [])
    .length;
  const otherLanguages = (
    text.match(
      new RegExp(
        String.raw`[äöüßéèêàçñòùąęłńśźżėųūõ]|(?<!\p{L})(?:und|der|die|des|le|la|les|du|il|di|el|los|` +
          String.raw`del|ir|iš|ja|on|w|z)(?!\p{L})`,
        'giu',
      ),
    ) ?? []
  ).length;
  const english = (
    text.match(/(?<!\p{L})(?:the|and|of|is|are|funding|co-financing|project|which|total|costs?|budget)(?!\p{L})/giu) ??
    []
  ).length;
  // Only the decimal mark hangs on it: Latvian stands for every comma-decimal language.
  return latvian + otherLanguages > english ? 'lv' : 'en';
}

/**
 * "EU contribution" in a document that names one EU fund and no other is
 * that fund's share ("Fund: ERDF … EU contribution: € 4 002 584"): the
 * Union's money reaches the project through the fund. With two funds named,
 * or none, it stays `eu`; so it does beside a programme (Interreg), which is no fund.
 * A paying body (an agency) and a grant named without its payer ("kwota dofinansowania") are the named fund's
 * share the same way, and no payer without one.
 */
function namedUnion(text: string, folded: string, given: Mention[]): Mention[] {
  const mentions = grantOfSeveral(text, folded, given)
    ? given.filter((m) => m.type !== 'source' || m.id !== 'grant')
    : given;
  const funds = new Map<string, Extract<Mention, { type: 'source' }>>();
  for (const m of mentions)
    if (m.type === 'source' && m.kind === 'eu-fund' && m.id !== 'interreg' && !m.generic && !m.made) funds.set(m.id, m);
  // a paying body ("Lauku atbalsta dienests līdzfinansē …", the Central Finance and Contracting Agency) pays the one
  // fund the document names; with none or several named, which fund it pays is not read: it is no payer
  if (funds.size !== 1) return mentions.filter((m) => m.type !== 'source' || (m.id !== 'agency' && m.id !== 'grant'));
  const [fund] = funds.values();
  if (!fund) return mentions;
  return mentions.map((m) =>
    m.type === 'source' && (m.id === 'eu' || m.id === 'agency' || m.id === 'grant')
      ? { ...m, id: fund.id, kind: fund.kind }
      : m,
  );
}

/** The national payers that may share a programme's grant with an EU fund. */
const NATIONAL_PAYERS = new Set(['state', 'national', 'region', 'municipal']);

/**
 * Whether the document states the programme's grant as paid by an EU fund and a national payer together
 * ("nenávratný finančný príspevok z ESF do výšky … a zo štátneho rozpočtu do výšky …"): a national payer named in the
 * sentence of a grant's words, after them. Such a grant is their sum, no one fund's share: its words pay nothing.
 */
function grantOfSeveral(text: string, folded: string, mentions: Mention[]): boolean {
  for (const pattern of GRANT_WORDS) {
    for (const grant of folded.matchAll(pattern)) {
      const from = grant.index + grant[0].length;
      // the sentence's end, or a line's that the next does not go on in a small letter (a list's, a label's)
      const end = /[.;!?](?:\s|$)|\n(?![\x20\u00a0]*\p{Ll})/u.exec(text.slice(from));
      const until = from + (end?.index ?? text.length);
      if (mentions.some((m) => m.type === 'source' && m.start >= from && m.start < until && NATIONAL_PAYERS.has(m.id)))
        return true;
    }
  }
  return false;
}
/** The words of a programme's grant named without its payer (the lexicon's `grant`), on the folded text. */
const GRANT_WORDS = SOURCE_PATTERNS.filter((p) => p.id === 'grant').map((p) => foldedPattern(p.pattern));

/**
 * Finds a budget, its funding shares and a project total in a document's
 * text. Pure; the figures are exact and carry their line, column and words.
 */
export function extractBudget(given: string, options: { language?: Language | 'auto' } = {}): Extraction {
  const language = options.language && options.language !== 'auto' ? options.language : detectLanguage(given);
  const normal = normalise(given);
  const text = normal.text;
  const finder = new Finder(
    text,
    normal.folded,
    language,
    Boolean(options.language && options.language !== 'auto'),
    normal.original,
    given,
  );
  finder.money();
  finder.conversions();
  finder.percents();
  finder.sources();
  finder.words();
  finder.inherit();
  const mentions = namedUnion(text, normal.folded, finder.mentions);
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
  // an amount in another currency is never read as one in the document's: it keeps its currency, which the budget
  // file writes beside it, so that check refuses it until it is converted
  for (const m of mentions)
    if (m.type === 'money' && m.currency !== currency)
      m.figure.checks.push(
        `"${m.figure.text}" is in ${m.currency}, not ${currency} (the document's currency): written with its ` +
          'currency, which check refuses until the figure is converted',
      );
  // a table of payers' columns with a total row gives their amounts; its cells are no clauses of their own
  const tables = readTables(text, mentions);
  const inTable = overlapTest(tables.spans);
  const attached = attach(text, tables.spans.length > 0 ? mentions.filter((m) => !inTable(m)) : mentions, currency);
  // a grant whose payer the sentence before names ("… Region approved its support. The grant is EUR 50 000")
  const { shares, candidates } = grantsOfPayersBefore(text, mentions, attached.shares, attached.candidates, currency);
  // "EUR 40 000, that is 80% of the total cost of EUR 50 000": the rate of the share before it
  const stated = splitParents(text, ratesInApposition(text, mentions, shares)).filter(
    (s) => s.rate || s.amount || s.rest,
  );
  const allCandidates = [...candidates, ...tables.candidates];
  const solved = solveStatements(text, stated, tables.shares, allCandidates, currency);
  // a stated total the shares outgrow stays the budget, with a conflict (see conflicts.ts)
  const { budget, projectTotal, others } = statedTotalKept(solved, solved.funding, allCandidates, currency);
  return withConflicts(
    {
      language,
      currency,
      others,
      budget: budget && checkedEuro(budget, currency),
      funding: solved.funding.map((s) => (s.amount?.euro ? { ...s, amount: checkedEuro(s.amount, currency) } : s)),
      projectTotal,
    },
    {
      text,
      statements: [...stated, ...tables.shares],
      candidates: allCandidates,
      busy: busySentences(shares, allCandidates),
      tables: tables.conflicts,
    },
  );
}

/**
 * A text with two statements "TOTAL, of which SHARES" (one action and then another, a programme and then a project, a
 * whole project and then one partner's part): each statement is a reading of its own, with the shares stated outside
 * every statement; the best by the solver's score is written (of equal ones the first), the other statements' figures
 * listed as doubts, and a close runner-up named in a `# check:` on the budget.
 */
/** The most "TOTAL, of which" statements read each as a reading of its own (each costs a solve of the text). */
const MAX_STATEMENTS = 12;

function solveStatements(
  text: string,
  shares: (FoundShare & { offset: number })[],
  tableShares: FoundShare[],
  candidates: Candidate[],
  currency: string,
) {
  const firstShare = shares[0]?.offset ?? Infinity;
  const plain = () => solve([...shares, ...tableShares], candidates, firstShare, currency);
  // the openers: an amount, then "of which" and the first share after it, with no other figure between
  // in one pass over both in text order: a long text of many figures costs linear time, not quadratic
  const named = [...candidates].sort((a, b) => a.offset - b.offset);
  const ordered = [...shares].sort((a, b) => a.offset - b.offset);
  const openers: { total: Candidate; shares: (FoundShare & { offset: number })[] }[] = [];
  let at = 0;
  for (const [i, total] of named.entries()) {
    while (at < ordered.length && (ordered[at]?.offset ?? Infinity) <= total.offset) at++;
    const next = ordered[at];
    if (!next || next.offset - total.offset > 160) continue;
    const between = text.slice(total.offset, next.offset);
    let j = i + 1;
    while (j < named.length && (named[j]?.offset ?? Infinity) <= total.offset) j++;
    const figureBetween = (named[j]?.offset ?? Infinity) < next.offset;
    if (!OF_WHICH.test(between) || figureBetween) continue;
    if (openers.at(-1)?.shares[0] === next) continue;
    openers.push({ total, shares: [] });
  }
  // more statements than a reader can weigh one by one: the text is read as one
  if (openers.length < 2 || openers.length > MAX_STATEMENTS) return plain();
  const grouped = new Set<FoundShare>();
  for (const [k, opener] of openers.entries()) {
    const end = openers[k + 1]?.total.offset ?? Infinity;
    opener.shares = shares.filter((s) => s.offset > opener.total.offset && s.offset < end);
    for (const s of opener.shares) grouped.add(s);
  }
  if (openers.some((o) => o.shares.length === 0)) return plain();
  const outside = shares.filter((s) => !grouped.has(s));
  const readings = openers.map((opener) => {
    const own = [...outside, ...opener.shares];
    const theirs = openers.filter((o) => o !== opener);
    const excluded = new Set<Candidate>(theirs.map((o) => o.total));
    // the amount "of which" opens is the statement's total, as one named by a budget word is
    const result = solve(
      [...own, ...tableShares],
      candidates
        .filter((c) => !excluded.has(c))
        .map((c) => (c === opener.total && c.project === undefined ? { ...c, project: false } : c)),
      own[0]?.offset ?? Infinity,
      currency,
    );
    const elsewhere = theirs.flatMap((o) => [o.total, ...o.shares.flatMap((s) => (s.amount ? [s.amount] : []))]);
    return { opener, result, elsewhere };
  });
  // of readings within a point (the place of a figure weighs a millionth a character), the earlier statement
  let best = readings[0]!;
  for (const r of readings) if (r.result.score > best.result.score + 1) best = r;
  const runnerUp = readings.filter((r) => r !== best).sort((a, b) => b.result.score - a.result.score)[0];
  const doubt = (figure: FoundFigure): FoundFigure => ({
    ...figure,
    checks: [
      ...figure.checks,
      `"${figure.text}" belongs to another statement of the document than the one read (line ` +
        `${best.opener.total.line}): no figure of this budget`,
    ],
  });
  const { budget } = best.result;
  const closeRunner =
    runnerUp && best.result.score - runnerUp.result.score < 20 && budget
      ? [
          `the statement on line ${runnerUp.opener.total.line} ("${runnerUp.opener.total.text}" and its shares) ` +
            'scores close to this one',
        ]
      : [];
  return {
    ...best.result,
    budget: budget && closeRunner.length > 0 ? { ...budget, checks: [...budget.checks, ...closeRunner] } : budget,
    others: [...best.result.others, ...best.elsewhere.map((f) => doubt(f))],
  };
}

/** Words that open the parts of the figure before them: "of which", "no tā", "t.sk.", "davon", "z czego". */
const OF_WHICH = new RegExp(
  String.raw`(?<!\p{L})(?:(?:from|of|out of) which|including|no (?:tā|tās|tiem|tām|kura|kuras|kuriem|kurām)|` +
    String.raw`t\.\s?sk\.|tai skaitā|tostarp|davon|dont|di cui|de los cuales|de las cuales|z czego|w tym|z toho|` +
    String.raw`iš jų|millest|din care)(?!\p{L})`,
  'iu',
);

/**
 * A share split into parts right after it ("national co-financing 15%, from which: state budget 5%, own funds 10%",
 * "nacionālais līdzfinansējums 30 000 EUR, no tā valsts 10 000 EUR un pašvaldība 20 000 EUR") is the sum of its parts,
 * no share of its own: dropped when the parts after the opening words add up to it exactly (rates to the hundredth,
 * amounts to the cent, an approximate one within 5%).
 */
function splitParents<S extends FoundShare & { offset: number }>(text: string, shares: S[]): S[] {
  const dropped = new Set<S>();
  for (const [i, parent] of shares.entries()) {
    const next = shares[i + 1];
    if (!next || i + 2 >= shares.length || parent.rest || !OF_WHICH.test(text.slice(parent.offset, next.offset)))
      continue;
    for (const key of ['rate', 'amount'] as const) {
      const whole = parent[key];
      if (!whole) continue;
      let total = new Decimal(0);
      let parts = 0;
      for (let j = i + 1; total.lt(whole.value); j++) {
        const after = shares[j];
        const part = after?.[key];
        if (!after) break;
        if (!part || after.id === parent.id) break;
        total = total.plus(part.value);
        parts++;
      }
      const slack = whole.approx ? whole.value.div(20) : new Decimal(key === 'rate' ? '0.01' : 0);
      if (parts >= 2 && total.minus(whole.value).abs().lte(slack)) {
        dropped.add(parent);
        break;
      }
    }
  }
  return dropped.size === 0 ? shares : shares.filter((s) => !dropped.has(s));
}

/** A euro figure written to the cent: `10 844,29`, `10,844.29`. */
const CENTS = /\d[.,]\d{2}(?!\d)/;

/**
 * A figure with the euro figure beside it, when check can hold them against each other at the fixed rate
 * (both exact, the euro one to the cent: one in whole euros was rounded to the euro, and checked to the cent
 * it would fail a right conversion); otherwise without it, and the doubt said.
 */
function checkedEuro(figure: FoundFigure, currency: string): FoundFigure {
  const euro = figure.euro;
  if (!euro) return figure;
  const why = euro.approx
    ? 'it is approximate'
    : !CENTS.test(euro.text)
      ? 'it is not written to the cent'
      : figure.approx
        ? `"${figure.text}" is approximate`
        : figure.currency !== currency || !fixedRate(currency)
          ? `"${figure.text}" is not in a currency the euro replaced`
          : undefined;
  if (!why) return figure;
  const { euro: _, ...without } = figure;
  return {
    ...without,
    checks: [...figure.checks, `the euro figure beside it, "${euro.text}" (line ${euro.line}), is not checked: ${why}`],
  };
}
