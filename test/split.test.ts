import { describe, expect, it } from 'vitest';
import { split } from '../src/core/split.js';
import { parseShareArg } from '../src/commands/split.js';
import { splitToCsv, splitToJson, splitToTable } from '../src/render/split.js';
import { makeStyle } from '../src/render/colour.js';
import { errorOf, texts } from './helpers.js';

const seed = () =>
  split({
    budget: 'EUR 12 758',
    shares: ['erdf=85%', 'municipal=10%', 'state=5%'].map(parseShareArg),
    unit: '1',
  });

describe('split', () => {
  it('splits the founding example to whole euros', () => {
    const result = seed();
    expect(texts(result.shares.map((s) => s.amount))).toEqual(['10844', '1276', '638']);
    expect(texts(result.shares.map((s) => s.exact))).toEqual(['10844.3', '1275.8', '637.9']);
    expect(texts(result.shares.map((s) => s.adjustment))).toEqual(['-0.3', '0.2', '0.1']);
    expect(result.sum.toFixed()).toBe('12758');
    expect(result.drift.isZero()).toBe(true);
    expect(result.currency).toBe('EUR');
  });

  it('fills in names and kinds of well-known sources, and kinds written with the id', () => {
    const result = split({ budget: '100', shares: ['ipa:eu-fund=80%', 'eea=20%'].map(parseShareArg) });
    expect(result.shares.map((s) => [s.id, s.name, s.kind])).toEqual([
      ['ipa', 'ipa', 'eu-fund'],
      ['eea', 'eea', 'public'],
    ]);
    expect(seed().shares.map((s) => [s.name, s.kind])).toEqual([
      ['ERDF', 'eu-fund'],
      ['Municipal', 'public'],
      ['State budget', 'automatic-public'],
    ]);
  });

  it('treats ids that name Object properties as ordinary ids', () => {
    const result = split({ budget: '100', shares: ['constructor=50%', 'hasownproperty=50%'].map(parseShareArg) });
    expect(result.shares.map((s) => [s.id, s.name, s.kind])).toEqual([
      ['constructor', 'constructor', 'public'],
      ['hasownproperty', 'hasownproperty', 'public'],
    ]);
  });

  it("defaults to the currency's minor unit", () => {
    const result = split({
      budget: '12758',
      shares: [
        { id: 'erdf', rate: '85%' },
        { id: 'national', rate: '15%' },
      ],
    });
    expect(result.unit.toFixed()).toBe('0.01');
    expect(texts(result.shares.map((s) => s.amount))).toEqual(['10844.3', '1913.7']);
  });

  it('lets one share take the rest', () => {
    const result = split({
      budget: '5123.12',
      shares: ['interreg=23.26%', 'national=rest'].map(parseShareArg),
      method: 'fund-down',
    });
    expect(texts(result.shares.map((s) => s.amount))).toEqual(['1191.63', '3931.49']);
    expect(result.shares[1]!.rate.toFixed()).toBe('76.74');
  });

  it('reports half-up drift instead of hiding it', () => {
    const result = split({
      budget: '12704',
      shares: ['erdf=85%', 'municipal=10%', 'state=5%'].map(parseShareArg),
      unit: '1',
      method: 'half-up',
    });
    expect(result.sum.toFixed()).toBe('12703');
    expect(result.drift.toFixed()).toBe('-1');
  });

  it.each([
    [{ shares: ['erdf=85%', 'municipal=10%'] }, 'rates-sum', 'rates add up to 95%, 5% short of 100%'],
    [{ shares: ['erdf=85%', 'municipal=20%'] }, 'rates-sum', 'rates add up to 105%, 5% over 100%'],
    [{ shares: ['erdf=85%', 'municipal=20%', 'state=rest'] }, 'rates-sum', 'rates add up to 105%, 5% over 100%'],
    [{ shares: ['erdf=rest', 'municipal=rest'] }, 'bad-rate', 'more than one share takes the rest'],
    [{ shares: ['erdf=85%', 'erdf=15%'] }, 'duplicate-source', 'source "erdf" is named twice'],
    [
      { shares: ['erdf=0.85', 'municipal=0.1', 'state=0.05'] },
      'bad-rate',
      'rate "0.85" without % looks like a fraction',
    ],
    [{ shares: ['erdf=85%', 'x:bogus=15%'] }, 'bad-kind', 'unknown source kind "bogus"'],
    [{ shares: ['ERDF=100%'] }, 'bad-source', 'not a source id: "ERDF"'],
    [{ shares: [] }, 'missing-share', 'no shares to split into'],
    [{ shares: ['erdf=100%'], unit: '0.05' }, 'bad-unit', 'rounding unit must be a power of ten: 0.05'],
    [{ shares: ['erdf=100%'], unit: 'cent' }, 'bad-unit', 'not a rounding unit: "cent"'],
    [{ shares: ['erdf=100%'], method: 'banker' }, 'bad-method', 'unknown rounding method "banker"'],
    [{ shares: ['erdf=100%'], currency: 'euro' }, 'bad-currency', 'not a currency code: "euro"'],
  ])('refuses %j', (request, code, message) => {
    const error = errorOf(() => split({ budget: '12758', ...request, shares: request.shares.map(parseShareArg) }));
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
    expect(error.hint).toBeTruthy();
  });

  it('refuses a share argument without =', () => {
    const error = errorOf(() => parseShareArg('erdf85%'));
    expect(error.message).toBe('not a share: "erdf85%"');
    expect(error.hint).toMatch(/erdf=85%/);
  });
});

describe('split output', () => {
  it('writes the documented JSON', () => {
    expect(splitToJson(seed())).toEqual({
      schemaVersion: 1,
      currency: 'EUR',
      budget: '12758',
      unit: '1',
      method: 'largest-remainder',
      shares: [
        {
          id: 'erdf',
          name: 'ERDF',
          kind: 'eu-fund',
          rate: '85',
          exact: '10844.3',
          amount: '10844',
          adjustment: '-0.3',
        },
        {
          id: 'municipal',
          name: 'Municipal',
          kind: 'public',
          rate: '10',
          exact: '1275.8',
          amount: '1276',
          adjustment: '0.2',
        },
        {
          id: 'state',
          name: 'State budget',
          kind: 'automatic-public',
          rate: '5',
          exact: '637.9',
          amount: '638',
          adjustment: '0.1',
        },
      ],
      sum: '12758',
      drift: '0',
    });
  });

  it("writes amounts at the unit's scale, never -0", () => {
    const json = splitToJson(split({ budget: '12758.1', shares: ['erdf=100%'].map(parseShareArg) })) as Record<
      string,
      unknown
    >;
    expect(json.budget).toBe('12758.10');
    expect(json.drift).toBe('0.00');
    expect(json.shares).toEqual([expect.objectContaining({ amount: '12758.10', adjustment: '0.00' })]);
  });

  it('writes CSV with a header row', () => {
    expect(splitToCsv(seed())).toBe(
      'id,name,kind,rate,exact,amount,adjustment\n' +
        'erdf,ERDF,eu-fund,85,10844.3,10844,-0.3\n' +
        'municipal,Municipal,public,10,1275.8,1276,0.2\n' +
        'state,State budget,automatic-public,5,637.9,638,0.1\n',
    );
  });

  it('draws a table with grouped, right-aligned amounts and a total row', () => {
    const table = splitToTable(seed(), makeStyle(false));
    expect(table).toContain('EUR 12 758 split by largest-remainder, unit 1');
    expect(table).toMatch(/│ ERDF\s+│\s+85% │ 10 844\.3 │ 10 844 │\s+-0\.3 │/);
    expect(table).toMatch(/│ Total\s+│\s+100% │\s+12 758 │ 12 758 │\s+0 │/);
    expect(table).not.toContain('\u001b[');
    expect(table).not.toContain('drift');
  });

  it('states the drift under a half-up table', () => {
    const result = split({
      budget: '12704',
      shares: ['erdf=85%', 'municipal=10%', 'state=5%'].map(parseShareArg),
      unit: '1',
      method: 'half-up',
    });
    expect(splitToTable(result, makeStyle(false))).toContain(
      'drift: the shares add up to 12 703, 1 less than the budget 12 704',
    );
  });
});

describe("split against Jems's own vectors (docs/jems-rules.md, section 6 D and G)", () => {
  const amounts = (budget: string, shares: { id: string; rate: string; kind?: string }[]) =>
    split({
      budget,
      shares: shares.map((s) => ({ ...s, name: s.kind ? s.id : undefined })),
      method: 'fund-down',
      unit: '0.01',
    }).shares.map((s) => s.amount.toFixed(2));
  it.each([
    [
      'D1: 3 000, IPA 80%',
      '3000',
      [
        { id: 'ipa', rate: '80%', kind: 'eu-fund' },
        { id: 'contribution', rate: 'rest', kind: 'public' },
      ],
      ['2400.00', '600.00'],
    ],
    [
      'D2: 30, ERDF 80% and another programme fund 10%, both floored',
      '30',
      [
        { id: 'erdf', rate: '80%' },
        { id: 'other-fund', rate: '10%', kind: 'eu-fund' },
        { id: 'contribution', rate: 'rest', kind: 'public' },
      ],
      ['24.00', '3.00', '3.00'],
    ],
    [
      'D3: 2 900, IPA 80%',
      '2900',
      [
        { id: 'ipa', rate: '80%', kind: 'eu-fund' },
        { id: 'contribution', rate: 'rest', kind: 'private' },
      ],
      ['2320.00', '580.00'],
    ],
    [
      'G3: a claim of 1 000 000 000 000 000.01 at 66%',
      '1000000000000000.01',
      [
        { id: 'fund', rate: '66%', kind: 'eu-fund' },
        { id: 'contribution', rate: 'rest', kind: 'public' },
      ],
      ['660000000000000.00', '340000000000000.01'],
    ],
    [
      'G4: 2 000 000 000 000 000.02 at 66%',
      '2000000000000000.02',
      [
        { id: 'fund', rate: '66%', kind: 'eu-fund' },
        { id: 'contribution', rate: 'rest', kind: 'public' },
      ],
      ['1320000000000000.01', '680000000000000.01'],
    ],
    [
      'G1: 1 000 at 15% and 25%',
      '1000',
      [
        { id: 'fund-a', rate: '15%', kind: 'eu-fund' },
        { id: 'fund-b', rate: '25%', kind: 'eu-fund' },
        { id: 'contribution', rate: 'rest', kind: 'public' },
      ],
      ['150.00', '250.00', '600.00'],
    ],
  ])('%s', (_, budget, shares, expected) => {
    expect(amounts(budget, shares)).toEqual(expected);
  });
});
