// Metamorphic properties of `cofin extract` (issue 12): a change of form that a reader
// takes in stride leaves the extraction as it was. Over two kinds of input:
// - real documents: the corpus documents extract reads exactly (measured here against
//   fixtures/corpus/expected.yaml) and the extract fixtures (fixtures/documents);
// - statements made by fast-check from a small grammar of our own (Latvian and English),
//   whose figures the generator knows.
// Each transform applies where it can; each has a floor on how many cases reach it.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { extractBudget } from '../src/core/extract/extract.js';

/** The figures of an extraction, as exact decimal strings: what must not change. */
function figures(text: string) {
  const r = extractBudget(text);
  return {
    // a budget worked out from the shares (no text: `stated: false`) is no figure read, as the corpus scorer counts it
    budget: r.budget && r.budget.text !== '' ? r.budget.value.toFixed() : null,
    funding: Object.fromEntries(
      r.funding.map((s) => [
        s.id,
        { rate: s.rate?.value.toFixed() ?? null, amount: s.rest ? 'rest' : (s.amount?.value.toFixed() ?? null) },
      ]),
    ),
    total: r.projectTotal?.value.toFixed() ?? null,
  };
}

// --- real documents -------------------------------------------------------------------

const corpusDir = new URL('../fixtures/corpus/', import.meta.url);
const expected = parse(readFileSync(new URL('expected.yaml', corpusDir), 'utf8')) as Record<
  string,
  { budget?: string | null; funding?: Record<string, { rate?: string; amount?: string }>; total?: string }
>;
/** A decimal without trailing zeros (`12758.00` → `12758`), written independently of src/. */
const plain = (v: string | null | undefined) =>
  v === null || v === undefined ? null : v.includes('.') ? v.replace(/0+$/, '').replace(/\.$/, '') : v;

function readsExactly(id: string, text: string): boolean {
  const want = expected[id];
  if (!want) return false;
  const got = figures(text);
  if (plain(want.budget) !== got.budget || plain(want.total) !== got.total) return false;
  const ids = Object.keys(want.funding ?? {});
  if (ids.length !== Object.keys(got.funding).length) return false;
  return ids.every(
    (k) =>
      got.funding[k] &&
      plain(want.funding![k]!.rate) === got.funding[k].rate &&
      plain(want.funding![k]!.amount) === got.funding[k].amount,
  );
}

const corpus = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({ id: f.slice(0, -4), text: readFileSync(new URL(f, corpusDir), 'utf8') }))
  .filter(({ id, text }) => readsExactly(id, text));
const documentsDir = new URL('../fixtures/documents/', import.meta.url);
const fixtures = readdirSync(documentsDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({ id: f, text: readFileSync(new URL(f, documentsDir), 'utf8') }));
const documents = [...corpus, ...fixtures];

/** Multi-word names of payers as documents write them (our own list, not the lexicon's). */
const NAMES = [
  /Eiropas Reģionālās attīstības fond\p{L}*/gu,
  /Eiropas [Ll]auksaimniecības fond\p{L}* lauku attīstībai/gu,
  /European Regional Development Fund/gu,
  /Cohesion Fund/gu,
  /valsts budžeta dotācij\p{L}*/gu,
  /\p{Lu}\p{L}+ novada dom\p{L}*/gu,
  /pašvaldības (?:līdz)?finansējum\p{L}*/gu,
  /ERAF finansējum\p{L}*/gu,
  /state budget/gu,
  /EEA Grants/gu,
];

/** A document with every space inside a payer's name replaced by `by(i)`; undefined when it names none. */
function insideNames(text: string, by: (i: number) => string): string | undefined {
  let changed = false;
  let out = text;
  for (const name of NAMES) {
    out = out.replace(name, (m) => {
      changed = true;
      return m
        .split(' ')
        .map((w, i) => (i === 0 ? w : by(i) + w))
        .join('');
    });
  }
  return changed ? out : undefined;
}

interface Transform {
  name: string;
  /** The changed document, or undefined where the change does not apply. */
  apply: (text: string) => string | undefined;
  floor: number;
}

const DOCUMENT_TRANSFORMS: Transform[] = [
  { name: 'double spaces inside names', apply: (t) => insideNames(t, () => '  '), floor: 8 },
  { name: 'a line wrap inside names', apply: (t) => insideNames(t, (i) => (i === 1 ? '\n' : ' ')), floor: 8 },
  {
    name: 'stripped diacritics',
    apply: (t) => (/[\u00c0-\u024f]/.test(t) ? t.normalize('NFD').replace(/\p{M}/gu, '') : undefined),
    floor: 8,
  },
  {
    name: 'no-break spaces as thousands separators',
    apply: (t) => (/\d \d{3}(?!\d)/.test(t) ? t.replace(/(\d) (?=\d{3}(?!\d))/g, '$1\u00a0') : undefined),
    floor: 8,
  },
  {
    name: 'a summary line prepended (one share repeated)',
    apply: (t) => {
      const r = extractBudget(t);
      const share = r.funding.find((s) => s.amount && s.amount.text && s.amount.text.length > 2);
      return share ? `${share.name}: ${share.amount!.text}\n\n${t}` : undefined;
    },
    floor: 8,
  },
  {
    name: 'decomposed letters (NFD)',
    apply: (t) => (/[\u00c0-\u024f]/.test(t) ? t.normalize('NFD') : undefined),
    floor: 8,
  },
];

describe('extract, metamorphic: real documents read exactly', () => {
  it('reads enough documents exactly to test on', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(20);
  });

  for (const transform of DOCUMENT_TRANSFORMS) {
    it(`gives the same figures after: ${transform.name}`, () => {
      let reached = 0;
      for (const { id, text } of documents) {
        const changed = transform.apply(text);
        if (changed === undefined) continue;
        reached++;
        expect({ id, ...figures(changed) }).toEqual({ id, ...figures(text) });
      }
      expect(reached).toBeGreaterThanOrEqual(transform.floor);
    });
  }
});

// --- statements of our own ----------------------------------------------------------------

type Lang = 'lv' | 'en';
/** Per language and source: the name before an amount, in the forms a document may use. */
const SOURCES: Record<Lang, Record<string, { genitive: string; nominative: string }>> = {
  lv: {
    erdf: {
      genitive: 'Eiropas Reģionālās attīstības fonda finansējums',
      nominative: 'Eiropas Reģionālās attīstības fonds',
    },
    state: { genitive: 'valsts budžeta dotācija', nominative: 'valsts budžets' },
    municipal: { genitive: 'Salacgrīvas novada domes līdzfinansējums', nominative: 'Salacgrīvas novada dome' },
    private: { genitive: 'privātais līdzfinansējums', nominative: 'privātais līdzfinansējums' },
  },
  en: {
    erdf: { genitive: 'ERDF funding', nominative: 'the European Regional Development Fund' },
    state: { genitive: 'state budget funding', nominative: 'the state budget' },
    municipal: { genitive: 'municipal co-financing', nominative: 'the municipality' },
    private: { genitive: 'private co-financing', nominative: 'private co-financing' },
  },
};

interface Statement {
  lang: Lang;
  shares: { id: string; amount: bigint }[];
}

const statement = fc
  .record({
    lang: fc.constantFrom<Lang>('lv', 'en'),
    ids: fc.shuffledSubarray(['erdf', 'state', 'municipal', 'private'], { minLength: 2, maxLength: 3 }),
    amounts: fc.array(fc.bigInt({ min: 1_000n, max: 9_999_999n }), { minLength: 3, maxLength: 3 }),
  })
  .map(({ lang, ids, amounts }): Statement => ({ lang, shares: ids.map((id, i) => ({ id, amount: amounts[i]! })) }));

interface Form {
  /** thousands separator */
  group: string;
  currencyEach: boolean;
  amountFirst: boolean;
  nominative: boolean;
  totalWrapped: boolean;
  summary: boolean;
}
const BASE: Form = {
  group: ' ',
  currencyEach: true,
  amountFirst: false,
  nominative: false,
  totalWrapped: false,
  summary: false,
};

function grouped(value: bigint, group: string): string {
  return value.toString().replace(/\B(?=(\d{3})+(?!\d))/g, group);
}

/** The statement written in one form: the budget first, then each share. */
function write({ lang, shares }: Statement, form: Form): string {
  const budget = shares.reduce((a, s) => a + s.amount, 0n);
  const money = (v: bigint, first: boolean) =>
    lang === 'lv'
      ? `${grouped(v, form.group)}${first || form.currencyEach ? ' EUR' : ''}`
      : `${first || form.currencyEach ? 'EUR ' : ''}${grouped(v, form.group)}`;
  const parts = shares.map((s) => {
    const name = form.nominative ? SOURCES[lang][s.id]!.nominative : SOURCES[lang][s.id]!.genitive;
    const amount = money(s.amount, false);
    return form.amountFirst ? `${amount} – ${name}` : `${name} – ${amount}`;
  });
  const total =
    lang === 'lv'
      ? `${form.totalWrapped ? 'Projekta kopējais finansējums ir' : 'Projekta kopējās izmaksas ir'} ${money(budget, true)}, no tām ${parts.join(', ')}.`
      : `${form.totalWrapped ? 'The total funding is' : 'The project budget is'} ${money(budget, true)}, of which ${parts.join(', ')}.`;
  const summary =
    lang === 'lv' ? `Projekta budžets – ${money(budget, true)}.\n\n` : `Budget: ${money(budget, true)}.\n\n`;
  return (form.summary ? summary : '') + total;
}

const truth = ({ shares }: Statement) => ({
  budget: shares.reduce((a, s) => a + s.amount, 0n).toString(),
  funding: Object.fromEntries(shares.map((s) => [s.id, { rate: null, amount: s.amount.toString() }])),
  total: null,
});

const FORMS: [string, Partial<Form>][] = [
  ['the currency dropped after the first figure', { currencyEach: false }],
  ['source and amount order swapped', { amountFirst: true }],
  ['no-break spaces as thousands separators', { group: '\u00a0' }],
  ['no thousands separators', { group: '' }],
  ['names inflected (nominative, no funding noun)', { nominative: true }],
  ['the total wrapped as "the total funding is …"', { totalWrapped: true }],
  ['a summary line prepended', { summary: true }],
];

describe('extract, metamorphic: statements of our own', () => {
  it('reads the base form exactly', () => {
    fc.assert(
      fc.property(statement, (s) => {
        expect(figures(write(s, BASE))).toEqual(truth(s));
      }),
      { numRuns: 150 },
    );
  });

  for (const [name, change] of FORMS) {
    it(`gives the same figures after: ${name}`, () => {
      let reached = 0;
      fc.assert(
        fc.property(statement, (s) => {
          reached++;
          expect(figures(write(s, { ...BASE, ...change }))).toEqual(figures(write(s, BASE)));
        }),
        { numRuns: 150 },
      );
      expect(reached).toBeGreaterThanOrEqual(100);
    });
  }
});

describe('extract: doubt is never summed into a budget', () => {
  it('does not make the sum of the shares the budget when a share inherits its currency', () => {
    const r = extractBudget('ERAF finansējums – 85 000 EUR, pašvaldības finansējums – 15 000.');
    expect(r.funding.map((s) => s.amount?.value.toFixed())).toEqual(['85000', '15000']);
    expect(r.funding[1]!.amount!.checks.join(' ')).toMatch(/no currency beside/);
    expect(r.budget).toBeUndefined();
  });
});

describe('extract, metamorphic: a magnitude stated once, a table laid out another way', () => {
  const tenths = (n: number) => `${Math.floor(n / 10)},${n % 10}`;
  it('gives the same figures whether the magnitude and currency are written once or after each figure', () => {
    let reached = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 999 }),
        fc.integer({ min: 1, max: 99 }),
        fc.constantFrom('ERAF finansējums', 'Kohēzijas fonda finansējums', 'ESF+ finansējums'),
        (total, part, fund) => {
          const share = Math.max(1, Math.floor((total * part) / 100));
          const once = `Kopējais pieejamais finansējums ir ${tenths(total)} miljoni eiro, no kuriem ${tenths(share)} ir ${fund}.`;
          const each = `Kopējais pieejamais finansējums ir ${tenths(total)} miljoni eiro, no kuriem ${tenths(share)} miljoni eiro ir ${fund}.`;
          reached++;
          expect(figures(once)).toEqual(figures(each));
          expect(Object.values(figures(once).funding)[0]?.amount).toBe(String(share * 100_000));
        },
      ),
      { numRuns: 100 },
    );
    expect(reached).toBeGreaterThanOrEqual(100);
  });

  it('gives the same shares for a table whose columns are parted by a tab or by spaces, its header glued or not', () => {
    let reached = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 99 })), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.constantFrom('\t', '  ', '    '),
        fc.boolean(),
        (rows, sep, glued) => {
          const group = (n: number) => String(n * 1000).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
          const row = (label: string, a: number, b: number) => `${label}${sep}€ ${group(a)},00${sep}€ ${group(b)},00`;
          const body = (s: string, header: string) =>
            `Project budget and financing\n\n${header}\n${rows.map(([a, b], i) => row(`Partner ${'ABCD'[i]!}`, a, b).replaceAll(sep, s)).join('\n')}\n${row(
              'Total',
              rows.reduce((t, r) => t + r[0], 0),
              rows.reduce((t, r) => t + r[1], 0),
            ).replaceAll(sep, s)}\n`;
          reached++;
          const plain = figures(body('\t', 'ERDF\tNational contribution'));
          expect(plain.funding['erdf']?.amount).toBe(String(rows.reduce((t, r) => t + r[0], 0) * 1000));
          // the shares; the budget may differ, as the sum of the shares is refused when a cell's currency is inherited
          expect(
            figures(body(sep, glued ? 'ERDFNational contribution' : `ERDF${sep}National contribution`)).funding,
          ).toEqual(plain.funding);
        },
      ),
      { numRuns: 80 },
    );
    expect(reached).toBeGreaterThanOrEqual(80);
  });
});
