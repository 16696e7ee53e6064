// The corpus of real published documents (fixtures/corpus) is well-formed.
// This checks the fixtures only; the extraction score is measured by `npm run corpus`, never asserted here.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const dir = new URL('../fixtures/corpus/', import.meta.url);
const ids = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -'.txt'.length))
  .sort();

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

const expected = parse(readFileSync(new URL('expected.yaml', dir), 'utf8')) as Record<string, Expectation>;
const plainDecimal = /^\d+(\.\d+)?$/;

describe('corpus of real documents', () => {
  it('has at least 60 documents, at least 40 of them Latvian or English', () => {
    expect(ids.length).toBeGreaterThanOrEqual(60);
    const lvEn = ids.filter((id) => expected[id]?.language === 'lv' || expected[id]?.language === 'en');
    expect(lvEn.length).toBeGreaterThanOrEqual(40);
  });

  it('gives every document a first line "# source: <http(s) address>" and some text after it', () => {
    for (const id of ids) {
      const text = readFileSync(new URL(`${id}.txt`, dir), 'utf8');
      const [first, ...rest] = text.split('\n');
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
});
