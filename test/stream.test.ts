import { describe, expect, it } from 'vitest';
import { loadBudgetFile, parseBudgetFile } from '../src/io/budget-file.js';
import { loadPartnerCsv, parsePartnerCsv } from '../src/io/csv.js';
import { checkBudgetFile, checkBudgetStream } from '../src/core/check.js';
import { fileJsonPieces, fileToJson } from '../src/render/check.js';
import type { FileReport } from '../src/core/check.js';

/** More partners than a check keeps, so they are read, checked and written one at a time. */
const COUNT = 1500;
const budget = (i: number) => String(1000 + ((i * 7919) % 900000));

function bigJson(): string {
  const partners = Array.from({ length: COUNT }, (_, i) => {
    const funding =
      i === 1200
        ? `{"erdf": {"rate": "85%", "amount": "1"}, "national": "rest"}`
        : `{"erdf": "85%", "national": "rest"}`;
    return `    {"partner": "P${i === 1400 ? 3 : i}", "budget": ${i % 3 === 1 ? `"${budget(i)}.50"` : budget(i)}, "funding": ${funding}}`;
  });
  return `{\n  "currency": "EUR",\n  "project": {"total": "900000000", "partners": ${COUNT}},\n  "partners": [\n${partners.join(',\n')}\n  ]\n}\n`;
}

function bigCsv(): string {
  const rows = Array.from(
    { length: COUNT },
    (_, i) => `P${i === 1400 ? 3 : i};LV;${budget(i)};85%;${i === 1200 ? '1' : 'rest'}`,
  );
  return ['partner;country;budget;erdf;national', ...rows].join('\n') + '\n';
}

const report = (check: ReturnType<typeof checkBudgetStream>): FileReport => ({
  file: 'big',
  verdict: check.verdict,
  partners: check.partners,
  findings: check.findings,
});

describe('a file of more partners than are kept', () => {
  it.each([
    [
      'JSON',
      ['share-mismatch', 'duplicate-partner', 'project-total'],
      () => loadBudgetFile(bigJson(), 'json'),
      () => parseBudgetFile(bigJson(), 'json'),
    ],
    ['CSV', ['rates-sum', 'duplicate-partner'], () => loadPartnerCsv(bigCsv()), () => parsePartnerCsv(bigCsv())],
  ])('%s: checked a partner at a time, the same as checked whole', (_format, codes, stream, whole) => {
    const streamed = checkBudgetStream(stream());
    const held = checkBudgetFile(whole());
    expect(Array.isArray(streamed.partners)).toBe(false);
    expect(streamed.partners.length).toBe(COUNT);
    expect(streamed.findings).toEqual(held.findings);
    expect(streamed.findings.map((f) => f.code)).toEqual(codes);
    const pieces = [...fileJsonPieces(report(streamed))];
    expect(pieces.length).toBeGreaterThan(COUNT);
    const nested = JSON.stringify({ files: [fileToJson(report(held))] }, null, 2);
    expect(pieces.join('')).toBe(nested.slice('{\n  "files": [\n'.length, nested.length - '\n  ]\n}'.length));
  });

  it('places a finding of the 1 201st partner in the JSON text', () => {
    const mismatch = checkBudgetStream(loadBudgetFile(bigJson(), 'json')).findings.find(
      (f) => f.code === 'share-mismatch',
    )!;
    expect(mismatch.pointer).toBe('/partners/1200/funding/erdf/amount');
    expect(mismatch.line).toBe(1205);
    expect(
      bigJson()
        .split('\n')
        [mismatch.line! - 1]!.slice(mismatch.column! - 1),
    ).toMatch(/^"1"\}/);
  });

  it('places a finding of a CSV row at its cell', () => {
    const mismatch = checkBudgetStream(loadPartnerCsv(bigCsv())).findings.find((f) => f.code === 'rates-sum')!;
    expect(mismatch.line).toBe(1202);
    expect(
      bigCsv()
        .split('\n')
        [mismatch.line! - 1]!.slice(mismatch.column! - 1),
    ).toMatch(/^[0-9]+;85%;1$/);
  });
});

describe('an output in English only', () => {
  it.each([
    ['JSON', () => loadBudgetFile(bigJson(), 'json')],
    ['CSV', () => loadPartnerCsv(bigCsv())],
  ])('%s: keeps the findings without their figures, in words and places the same', (_format, stream) => {
    const said = checkBudgetStream(stream());
    const english = checkBudgetStream(stream(), { said: false });
    expect(english.verdict).toBe(said.verdict);
    const words = (f: (typeof said.findings)[number]) => {
      const { said: figures, ...rest } = f;
      return { rest, keys: Object.keys(f), figures: figures !== undefined };
    };
    // a partner's own findings (not the file's, as a partner listed twice) had figures, and have them still unless
    // the output is in English only
    const own = ['share-mismatch', 'rates-sum'];
    const figured = said.findings.flatMap((f, i) => (own.includes(f.code) && f.said !== undefined ? [i] : []));
    expect(figured.length).toBeGreaterThan(0);
    expect(figured.map((i) => english.findings[i]?.said)).toEqual(figured.map(() => undefined));
    expect(english.findings.map((f) => words(f).rest)).toEqual(said.findings.map((f) => words(f).rest));
    expect(english.findings.map((f) => words(f).keys)).toEqual(said.findings.map((f) => words(f).keys));
  });
});
