// The corpora of real published documents are well-formed: the development corpus (fixtures/corpus)
// and the held-out corpus (fixtures/corpus-holdout) that tells whether work on the reader generalises.
// This checks the fixtures only; the extraction score is measured by `npm run corpus` (and
// `npm run corpus -- --set holdout`), never asserted here.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Source {
  rate?: unknown;
  amount?: unknown;
}
interface Expectation {
  language?: unknown;
  currency?: unknown;
  budget?: unknown;
  funding?: Record<string, Source | null>;
  total?: unknown;
  approximate?: unknown;
  note?: unknown;
}

interface Corpus {
  ids: string[];
  texts: Map<string, string>;
  expected: Record<string, Expectation>;
}

const plainDecimal = /^\d+(\.\d+)?$/;

function readCorpus(folder: string): Corpus {
  const dir = new URL(`../fixtures/${folder}/`, import.meta.url);
  const ids = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -'.txt'.length))
    .sort();
  const texts = new Map(ids.map((id) => [id, readFileSync(new URL(`${id}.txt`, dir), 'utf8')]));
  const expected = parse(readFileSync(new URL('expected.yaml', dir), 'utf8')) as Record<string, Expectation>;
  return { ids, texts, expected };
}

/** The address on a text's first line, without a trailing slash, for comparing corpora. */
function sourceOf(text: string): string {
  return (text.split('\n')[0] ?? '').replace(/^# source: /, '').replace(/\/+$/, '');
}

function checkCorpus(title: string, folder: string, least: { documents: number; lvEn: number }): void {
  describe(title, () => {
    const { ids, texts, expected } = readCorpus(folder);

    it(`has at least ${least.documents} documents, at least ${least.lvEn} of them Latvian or English`, () => {
      expect(ids.length).toBeGreaterThanOrEqual(least.documents);
      const lvEn = ids.filter((id) => expected[id]?.language === 'lv' || expected[id]?.language === 'en');
      expect(lvEn.length).toBeGreaterThanOrEqual(least.lvEn);
    });

    it('gives every document a first line "# source: <http(s) address>" and some text after it', () => {
      for (const id of ids) {
        const [first, ...rest] = (texts.get(id) ?? '').split('\n');
        expect(first, id).toMatch(/^# source: https?:\/\/\S+$/);
        expect(rest.join('\n').trim().length, id).toBeGreaterThan(0);
      }
    });

    it('has an expectation for every document and a document for every expectation', () => {
      expect(Object.keys(expected).sort()).toEqual(ids);
    });

    it('writes every expectation with a language, a currency, sources, and plain decimal strings', () => {
      for (const [id, e] of Object.entries(expected)) {
        expect(e.language, id).toMatch(/^[a-z]{2}$/);
        expect(e.currency, id).toMatch(/^[A-Z]{3}$/);
        expect(typeof e.approximate, id).toBe('boolean');
        if (e.budget !== null) expect(e.budget, `${id} budget`).toMatch(plainDecimal);
        if (e.total !== undefined) expect(e.total, `${id} total`).toMatch(plainDecimal);
        const funding = e.funding ?? {};
        expect(Object.keys(funding).length, `${id} funding`).toBeGreaterThan(0);
        for (const [source, share] of Object.entries(funding)) {
          expect(source, id).toMatch(/^[a-z][a-z0-9-]*$/);
          expect(share, `${id} ${source}`).not.toBeNull();
          const { rate, amount } = share ?? {};
          expect(rate !== undefined || amount !== undefined, `${id} ${source} has a rate or an amount`).toBe(true);
          if (rate !== undefined) expect(rate, `${id} ${source}.rate`).toMatch(plainDecimal);
          if (amount !== undefined && amount !== 'rest') expect(amount, `${id} ${source}.amount`).toMatch(plainDecimal);
        }
      }
    });

    it('gives every document its own source address', () => {
      const sources = ids.map((id) => sourceOf(texts.get(id) ?? ''));
      expect(new Set(sources).size).toBe(sources.length);
    });
  });
}

checkCorpus('corpus of real documents', 'corpus', { documents: 60, lvEn: 40 });
checkCorpus('held-out corpus of real documents', 'corpus-holdout', { documents: 36, lvEn: 24 });

describe('held-out corpus', () => {
  it('shares no source address with the development corpus', () => {
    const dev = new Set([...readCorpus('corpus').texts.values()].map(sourceOf));
    const holdout = readCorpus('corpus-holdout');
    const shared = holdout.ids.filter((id) => dev.has(sourceOf(holdout.texts.get(id) ?? '')));
    expect(shared).toEqual([]);
  });
});
