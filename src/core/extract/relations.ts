import { lineIndex } from '../position.js';
import { chunksOf, splitAtSources, trimClause, type Chunk } from './chunk.js';
import { laterStatement } from './amendments.js';
import { payerLists } from './payers.js';
import { AMENDED_BEFORE, namedPayerOf, payerOf } from './lexicon.js';
import { fold, foldedPattern } from './normalise.js';

const FOLDED_AMENDED = foldedPattern(AMENDED_BEFORE);
import type { SourceKind } from '../sources.js';
import type { Candidate, FoundFigure, Mention, PlacedShare } from './types.js';

/** "together", "in all" in the EU languages (folded): a figure after them sums the shares before it. */
const TOGETHER = new RegExp(
  String.raw`(?<!\p{L})(?:spolu|spolecne|together|combined|in all|kopa ar|kopuma|razem|lacznie|łącznie|insgesamt|` +
    String.raw`zusammen|ensemble|au total|in totale|complessivamente|en total|em conjunto|kokku|is viso|osszesen|` +
    String.raw`yhteensa|ukupno|skupaj|in total|общо|всего)(?!\p{L})`,
  'iu',
);

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
 * A relative clause that states a figure ("which comes to", "kas sastāda", "qui s'élève à", "co stanowi"), in the EU
 * languages the rest-figure rule reads.
 */
const RELATIVE_STATES =
  String.raw`(?:which|that)\s+(?:is|comes to|amounts? to|totals?|makes|represents|equals|constitutes)|` +
  String.raw`amounting to|totall?ing|equal to|in the amount of|` +
  String.raw`(?:kas|kura|kuri|kuras)\s+(?:ir|sastāda|veido|ir vienāda ar)|kas kopā ir|` +
  String.raw`qui\s+(?:s['’]élève à|représente|est de|correspond à|atteint)|` +
  String.raw`(?:der|die|das)\s+(?:beträgt|ausmacht)|das sind|in Höhe von|` +
  String.raw`co\s+(?:daje|stanowi)|(?:która|który|które)\s+(?:wynosi|stanowi)|` +
  String.raw`což\s+(?:je|činí|představuje)|(?:která|který|což)\s+činí|` +
  String.raw`che\s+(?:ammonta a|è pari a|corrisponde a)|pari a|que\s+(?:asciende a|supone|representa)|` +
  String.raw`kuri\s+sudaro|kas\s+sudaro|care\s+(?:reprezintă|se ridică la|este de)|mis\s+on|mis\s+moodustab`;

/**
 * The words between a rest and a figure in apposition to it ("the remaining sum, €108,000", "pārējo summu – EUR
 * 108 000", "le reste, soit 108 000 €", "den Restbetrag, d. h. 108.000 €"), or in a relative clause that states it
 * ("the remaining sum, which comes to €108,000", "pārējo summu, kas sastāda EUR 108 000", "le reste, qui s'élève à
 * 108 000 €"): the figure is the rest's declared amount (or rate), which check holds against what the others leave.
 */
const REST_APPOSITION = new RegExp(
  String.raw`^[\s\u00a0]*(?:[,:–—-]|\()?[\s\u00a0]*(?:(?:of|i\.\s?e\.|that is|namely|jeb|t\.\s?i\.|proti|soit|` +
    String.raw`c'est-à-dire|d\.\s?h\.|das heißt|czyli|tj\.|tzn\.|t\.\s?j\.|ossia|cioè|ovvero|t\.\s?y\.|adică|ehk|` +
    String.raw`es decir|o sea|à savoir|also|${RELATIVE_STATES})[\s\u00a0,:]*)?(?:[–—-][\s\u00a0]*)?$`,
  'iu',
);

/**
 * The project's own side named as a rest's payer ("the remaining 25% is covered by the partners", "atlikušos 25% sedz
 * partneri", "le reste est à la charge du bénéficiaire"): its own funds. Folded stems, matched at a word's start.
 */
const BENEFICIARY = new RegExp(
  String.raw`(?<!\p{L})(?:(?:lead |project )?partner|applicant|promoter|pieteicej|iesniedzej|sanemej|beneficiar|` +
    String.raw`benefici|porteur|antragstell|zuwendungsempf|wnioskodawc|beneficjent|zadatel|prijemce|pareiskej|` +
    String.raw`projekto vykdytoj|toetuse saaj|taotlej)`,
  'iu',
);

function beneficiaryOf(words: string): { id: string; kind: 'public' } | undefined {
  return BENEFICIARY.test(fold(words)) ? { id: 'own-funds', kind: 'public' } : undefined;
}

/**
 * A verb that names who pays, with its payer after it ("… is paid by the association", "… sedz biedrība", "… comes
 * from the municipality", "… übernimmt die Gemeinde", "… est financé par la commune").
 */
const PAID_BY = new RegExp(
  String.raw`(?<!\p{L})(?:(?:paid|covered|financed|funded|borne|met|provided|contributed)\s+(?:for\s+)?by|` +
    String.raw`comes?\s+from|` +
    String.raw`will\s+come\s+from|sedz|segs|maksā|maksās|finansē|finansēs|nodrošina|nodrošinās|übernimmt|übernehmen|` +
    String.raw`trägt|getragen\s+von|finanziert\s+von|financé\p{L}*\s+par|pris\s+en\s+charge\s+par|pagat\p{L}\s+da|` +
    String.raw`finanziat\p{L}\s+da|coperto\s+da|hradí|pokryje|pokrywa|finansuje|finansowan\p{L}\s+przez)(?!\p{L})`,
  'iu',
);

/**
 * The payer named after a verb of paying in the words after a rest, up to the sentence's end ("the rest, EUR 15 000, is
 * paid by the municipality"): a payer of a class, the beneficiary's side, or a named body (an association, a
 * foundation) by its words.
 */
function payerAfterVerb(after: string): { id: string; kind: SourceKind } | undefined {
  const verb = PAID_BY.exec(after);
  if (!verb) return undefined;
  const words = after.slice(verb.index + verb[0].length).split(/[,:(–—]|\s-\s/)[0] ?? '';
  return payerOf(words) ?? beneficiaryOf(words) ?? namedPayerOf(words);
}

/** "the remaining 25%", "atlikušos 25%", "pārējos 15 %", "pozostałe 20%": a word of the rest right before a rate. */
const REMAINING_RATE = new RegExp(
  String.raw`(?<!\p{L})(?:the\s+)?(?:atlikus|parej|remaining|pozostal|zbyvajic|zbyl|ostatn|likusi|ulejaan|restant|` +
    String.raw`rimanent|restlich|остальн|оставащ)\p{L}*\s*$`,
  'iu',
);

/**
 * The rest stated by its rate ("atlikušos 25% sedz partneri"): a rest mention before the rate, so that the rate is the
 * rest's and its payer is read from the words after it. Mentions stay in text order.
 */
function withRemainingRates(text: string, mentions: Mention[]): Mention[] {
  const added: Mention[] = [];
  const rests = mentions.filter((m) => m.type === 'rest');
  for (const m of mentions) {
    if (m.type !== 'percent') continue;
    const before = fold(text.slice(Math.max(0, m.start - 30), m.start));
    const found = REMAINING_RATE.exec(before);
    if (!found) continue;
    const start = m.start - (before.length - found.index);
    if (rests.some((r) => r.start < m.end && r.end > start)) continue;
    added.push({ type: 'rest', start, end: m.start });
  }
  if (added.length === 0) return mentions;
  return [...mentions, ...added].sort((a, b) => a.start - b.start);
}

/** Verbs of a body that receives money (its beneficiary), in the EU languages (folded). */
const RECEIVES = new RegExp(
  String.raw`(?<!\p{L})(?:(?:will|shall|is to|is going to)\s+(?:receive|get|be granted|be awarded)|receive[sd]?|` +
    String.raw`gets|got|(?:is|was|has been|have been|were)\s+(?:granted|awarded|allocated)|obtain(?:s|ed)?|` +
    String.raw`sanems|sanema|sanem|sanemt|bus pieejam\p{L}*|ir pieejam\p{L}*|tiks pieskirt\p{L}*|pieskirt\p{L}*|` +
    String.raw`recevra|recoit|a recu|beneficiera|erhalt|erhielt|bekommt|otrzyma\p{L}*|obdrz\p{L}*|ziska|gaus|gavo|` +
    String.raw`ricevera|ha ricevuto|recibira|ha recibido|va primi|a primit|saab|sai|` +
    // Portuguese and Spanish present; the Slavic "received" (dobila, dostal, získala, prejela, primila)
    String.raw`recebe|recebera|recebeu|recibe|recibio|dobil\p{L}*|dobio|dostal\p{L}*|ziskal\p{L}*|prejel\p{L}*|` +
    String.raw`primil\p{L}*|primio)(?!\p{L})`,
  'iu',
);
/** The words of money itself in a payer's name ("ERAF finansējums", "state funding", "dotācija"): a payer's share. */
const MONEY_NOUN = new RegExp(
  '(?:finans|lidzekl|fund|contribu|budget|budz|grant|subsid|dotac|money|mittel|financ|srodk|prostred|les[auo]|' +
    'toetus|aport|wklad|dofinans|atbalst|support|aid)',
  'iu',
);

/** Whether a share's payer is named as the receiver of an amount after it (no funding noun, a verb of receiving). */
function receives(text: string, share: PlacedShare, at: number): boolean {
  return (
    share.kind !== 'eu-fund' &&
    !share.rate &&
    !MONEY_NOUN.test(fold(share.name)) &&
    at - share.offset <= 160 &&
    RECEIVES.test(fold(text.slice(share.offset + share.name.length, at)))
  );
}

/**
 * The body a clause names as the receiver of its amount: a payer's name without a funding noun (`the municipality`,
 * `Pašvaldība`), not an EU fund, with a verb of receiving between it and the clause's first amount after it.
 */
function receiverOf(
  text: string,
  sources: Extract<Mention, { type: 'source' }>[],
  money: Extract<Mention, { type: 'money' }>[],
): Extract<Mention, { type: 'source' }> | undefined {
  for (const s of sources) {
    if (s.kind === 'eu-fund' || MONEY_NOUN.test(fold(s.name))) continue;
    const amount = money.find((m) => m.start > s.end);
    if (!amount || amount.start - s.end > 160) continue;
    if (RECEIVES.test(fold(text.slice(s.end, amount.start)))) return s;
  }
  return undefined;
}

/**
 * Amounts whose rates follow in a bracket that names two payers or more and no amount ("EUR 1 000 000 (ERDF 85%,
 * state 15%)", "EUR 1 000 000 the total budget (80% Interreg + 20% own funds)"): the total they split, each with the
 * total word between it and the bracket, when there is one.
 */
function bracketTotals(text: string, given: Mention[]): Map<Mention, Extract<Mention, { type: 'total' }> | true> {
  const found = new Map<Mention, Extract<Mention, { type: 'total' }> | true>();
  const mentions = [...given].sort((a, b) => a.start - b.start);
  for (const [i, m] of mentions.entries()) {
    if (m.type !== 'money') continue;
    const open = text.indexOf('(', m.end);
    if (open < 0 || open - m.end > 40 || /[\d\n.;]/.test(text.slice(m.end, open))) continue;
    const close = text.indexOf(')', open);
    if (close < 0 || close - open > 200 || text.slice(open + 1, close).includes('(')) continue;
    let total: Extract<Mention, { type: 'total' }> | undefined;
    let percents = 0;
    let sources = 0;
    let other = false;
    for (const n of mentions.slice(i + 1)) {
      if (n.start >= close) break;
      if (n.start < open) {
        if (n.type === 'total') total ??= n;
        else other = true;
      } else if (n.type === 'percent') percents++;
      else if (n.type === 'source') sources++;
      else if (n.type === 'money') other = true;
    }
    const before = mentions[i - 1];
    if (!total && before?.type === 'total' && m.start - before.end <= 40) total = before;
    if (!other && percents >= 2 && sources >= 2) found.set(m, total ?? true);
  }
  return found;
}

/**
 * An amount split in a bracket into amounts each named by its payer ("131 641,48 eurų (111 895,25 ES ir 19 746,23
 * savivaldybės biudžeto lėšų)", "EUR 500 000 (ERDF EUR 425 000, state EUR 75 000)"): the amount outside is a total
 * (a project's, or one partner's part), the bracket's amounts are its shares, each paired with the payer beside it.
 * Not after a payer's own words ("national co-financing EUR 150 000 (state …)": a share's parts, read elsewhere).
 * The bracket's mentions and the total leave the clauses.
 */
/** Between a rate and the amount it is ("85% jeb 729 825,54 EUR", "85% or EUR 425 000", "85 % – 425 000"). */
const RATE_BEFORE_AMOUNT = /^[\s\u00a0]*(?:jeb|or|arba|ou|oder|lub|albo|sau|tj\.|i\.e\.|[–—:=-])?[\s\u00a0]*$/iu;

function bracketSplits(
  text: string,
  given: Mention[],
): { rest: Mention[]; shares: Omit<PlacedShare, 'line'>[]; candidates: Candidate[] } {
  const mentions = [...given].sort((a, b) => a.start - b.start);
  const used = new Set<Mention>();
  const shares: Omit<PlacedShare, 'line'>[] = [];
  const candidates: Candidate[] = [];
  for (const [i, m] of mentions.entries()) {
    if (m.type !== 'money' || used.has(m)) continue;
    const open = text.indexOf('(', m.end);
    if (open < 0 || !/^[\s\u00a0]*$/u.test(text.slice(m.end, open))) continue;
    const close = text.indexOf(')', open);
    if (close < 0 || close - open > 240 || text.slice(open + 1, close).includes('(')) continue;
    const before = mentions[i - 1];
    if (
      (before?.type === 'source' || before?.type === 'rest') &&
      m.start - before.end < 80 &&
      !/[.;\n]/.test(text.slice(before.end, m.start))
    )
      continue;
    const inside = mentions.filter((n) => n.start > open && n.start < close);
    const amounts = inside.filter((n) => n.type === 'money');
    const payers = inside.filter((n) => n.type === 'source');
    if (amounts.length < 2 || payers.length !== amounts.length || inside.some((n) => n.type === 'rest')) continue;
    // each amount with its payer: all after their amounts ("111 895,25 ES ir …") or all before ("ERDF EUR 425 000")
    const after = amounts.every((a, k) => {
      const p = payers[k];
      return p !== undefined && p.start > a.end && (amounts[k + 1]?.start ?? close) > p.start;
    });
    const firstBefore = amounts.every((a, k) => {
      const p = payers[k];
      return p !== undefined && p.end <= a.start && (k === 0 || (amounts[k - 1]?.end ?? open) < p.start);
    });
    if (!after && !firstBefore) continue;
    const total = before?.type === 'total' && m.start - before.end < 60 ? before : undefined;
    const context = text.slice(m.start, close + 1).replace(/\s+/g, ' ');
    candidates.push({
      ...m.figure,
      context,
      project: total?.project ?? false,
      offset: m.start,
      ...(total?.basis ? { basis: total.basis } : {}),
      ...(total?.costs ? { costs: true } : {}),
    });
    used.add(m);
    amounts.forEach((a, k) => {
      const payer = payers[k];
      if (a.type !== 'money' || payer?.type !== 'source') return;
      // its rate: the one just before the amount ("85% jeb 729 825,54 EUR ir ERAF"), else one between the amount and
      // its payer; never the next pair's ("…ERAF finansējums, 3,75% jeb 32 198,19 EUR valsts…")
      const rate =
        inside.find(
          (n) => n.type === 'percent' && n.end <= a.start && RATE_BEFORE_AMOUNT.test(text.slice(n.end, a.start)),
        ) ??
        inside.find(
          (n) =>
            n.type === 'percent' && n.start > Math.min(a.start, payer.start) && n.start < Math.max(a.end, payer.end),
        );
      shares.push({
        id: payer.id,
        name: payer.name,
        kind: payer.kind,
        rate: rate?.type === 'percent' ? { ...rate.figure, context } : undefined,
        amount: { ...a.figure, context },
        rest: false,
        context,
        checks: [],
        sentence: -1,
        offset: payer.start,
        chunk: -10,
      });
    });
    for (const n of inside) used.add(n);
  }
  return used.size === 0
    ? { rest: given, shares, candidates }
    : { rest: given.filter((n) => !used.has(n)), shares, candidates };
}

/**
 * Attaches figures to the sources and totals of their clauses: a source's
 * clause gives it the nearest amount and the first rate; an amount after a
 * total word is a candidate budget; a figure alone in its clause joins the
 * share of the clause before it, in the same sentence.
 */
export function attach(
  text: string,
  given: Mention[],
  currency: string,
): { shares: PlacedShare[]; candidates: Candidate[] } {
  const split = bracketSplits(text, withRemainingRates(text, given));
  const mentions = split.rest;
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

  const bracketed = bracketTotals(text, mentions);
  const place = lineIndex(text);
  const shares: PlacedShare[] = [];
  const candidates: Candidate[] = [];
  const orphans: { mention: Mention & { figure: FoundFigure }; chunk: Chunk }[] = [];
  // the last mention of each clause, and its sentence: a clause that ends in a total's words leads to its amount
  const lastOf = new Map<number, { mention: Mention; sentence: number }>();
  const chunks = chunksOf(text, mentions).flatMap(splitAtSources);
  // "ERAF un valsts budžets sedz attiecīgi 85% un 10%": payers joined before their figures (payers.ts)
  const lists = payerLists(text, chunks);
  for (const whole of chunks) {
    const chunk =
      lists.used.size === 0 ? whole : { ...whole, mentions: whole.mentions.filter((m) => !lists.used.has(m)) };
    if (chunk.mentions.length === 0) continue;
    lastOf.set(chunk.index, { mention: chunk.mentions.at(-1)!, sentence: chunk.sentence });
    const context = clause(chunk);
    const withContext = (figure: FoundFigure) => ({ ...figure, context });
    const of = <T extends Mention['type']>(type: T) =>
      chunk.mentions.filter((m): m is Extract<Mention, { type: T }> => m.type === type);
    // A named fund outranks a generic name ("the EU contribution through the ERDF"), and a source the lexicon knows one
    // made from words ("dofinansowanie z EFRR").
    const rank = (m: Extract<Mention, { type: 'source' }>) => (m.generic ? 1 : 0) + (m.made ? 2 : 0);
    const named = of('source').sort((a, b) => rank(a) - rank(b));
    const rest = of('rest')[0];
    // "EUR 1 000 000 (ERDF 85%, state 15%)": the amount the bracket's rates split is the total, no share's
    for (const m of of('money')) {
      const split = bracketed.get(m);
      if (!split) continue;
      const total = split === true ? undefined : split;
      candidates.push({
        ...withContext(m.figure),
        project: total?.project ?? false,
        offset: m.start,
        sentence: chunk.sentence,
        ...(total?.basis ? { basis: total.basis } : {}),
        ...(total?.costs ? { costs: true } : {}),
      });
    }
    let money = of('money').filter((m) => !bracketed.has(m));
    // "the municipality will receive EUR 500 000 for the project", "pašvaldībai būs pieejami 443 877 eiro": the body
    // that receives the amount is the beneficiary, not its payer; the amount is the project's, a candidate budget (the
    // amount's payer, when the clause names one, "from the ERDF", pays it)
    const receiver = rest ? undefined : receiverOf(text, named, money);
    if (receiver) {
      const payers = named.filter((s) => s !== receiver && s.start > receiver.end);
      named.splice(0, named.length, ...payers);
      if (payers.length === 0) {
        for (const m of money)
          candidates.push({
            ...withContext(m.figure),
            project: undefined,
            offset: m.start,
            sentence: chunk.sentence,
            received: receiver.name,
          });
        money = [];
      }
    }
    const [source, ...extraSources] = named;
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
      const payer =
        source ??
        (ALTERNATIVES.test(after)
          ? undefined
          : (payerOf(text.slice(rest!.end, chunk.end)) ??
            beneficiaryOf(text.slice(rest!.end, chunk.end)) ??
            payerAfterVerb(after)));
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

  // the parts a bracket states, and a list's, stand among the clauses' shares, in text order
  if (split.shares.length > 0 || lists.shares.length > 0) {
    for (const part of [...split.shares, ...lists.shares]) shares.push({ ...part, line: place(part.offset).line });
    shares.sort((a, b) => a.offset - b.offset);
    candidates.push(...split.candidates);
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
    // "the municipality covers the remaining sum, €108,000" (", which comes to 15%"): the rest's own figure, which
    // check compares with what the others leave (left out, the rest would take the remainder and pass whatever the
    // figure says)
    const restAmount =
      near !== undefined &&
      near.rest &&
      near.restEnd !== undefined &&
      chunk.mentions[0] === mention &&
      REST_APPOSITION.test(text.slice(near.restEnd, mention.start));
    // "Pašvaldību un reģionu attīstībai būs pieejami 443 877 eiro": the amount the body before it receives
    if (near && mention.type === 'money' && !near.rest && !near.amount && receives(text, near, mention.start)) {
      shares.splice(shares.indexOf(near), 1);
      candidates.push({
        ...mention.figure,
        context: near.context + ' … ' + clause(chunk),
        project: undefined,
        offset: mention.start,
        sentence: chunk.sentence,
        received: near.name,
      });
      continue;
    }
    // "…, čo spolu predstavuje sumu 390 582,05 EUR a … 95 %", "which together make": the shares' sum, no one share's
    const together = TOGETHER.test(fold(text.slice(chunk.start, mention.start)));
    const target = near && !near[key] && (!near.rest || restAmount) && !together ? near : undefined;
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
