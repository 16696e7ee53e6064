import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parseBudgetFile } from '../src/io/budget-file.js';
import { checkBudgetFile, checkBudgetStream } from '../src/core/check.js';
import { ProjectCollector, partnerAmount, percent, summarizeProject } from '../src/core/project.js';
import { Decimal, ZERO } from '../src/core/decimal.js';
import fc from 'fast-check';
import { formatMoney, formatPercent, localeFromEnv } from '../src/render/locale.js';
import { reportToCsv, reportToJson, reportToMarkdown, reportToTable, renderChart } from '../src/render/report.js';
import { makeStyle } from '../src/render/colour.js';
import { d, errorOf, texts } from './helpers.js';

const summaryOf = (yaml: string) => summarizeProject(checkBudgetFile(parseBudgetFile(yaml, 'yaml')));
/** ipa an EU fund for A and C, a private sponsor for B: an error source-conflict in check, two sources in the report. */
const CONFLICT = [
  'rounding: { unit: 1 }',
  'partners:',
  '  - { partner: A, budget: 1000, funding: { ipa: { rate: 80%, kind: eu-fund, name: IPA }, national: rest } }',
  '  - { partner: B, budget: 1000, funding: { ipa: { rate: 20%, kind: private, name: IPA sponsor }, national: rest } }',
  '  - { partner: C, budget: 1000, funding: { ipa: { rate: 80%, kind: eu-fund, name: IPA }, national: rest } }',
  '',
].join('\n');
const FIXTURE = readFileSync(new URL('../fixtures/project/digital-innovation-in-cities.yaml', import.meta.url), 'utf8');

describe('project aggregation', () => {
  it("sums the partners' computed amounts, never total × rate", () => {
    const summary = summaryOf(
      'rounding: { unit: 1 }\nfunding: { erdf: 85%, municipal: rest }\npartners:\n  - { partner: A, budget: 1003 }\n  - { partner: B, budget: 1003 }\n  - { partner: C, budget: 1003 }\n',
    );
    const erdf = summary.sources.find((s) => s.id === 'erdf')!;
    expect(erdf.amount.toFixed()).toBe('2559'); // 853 × 3
    expect(d('3009').times(85).div(100).toFixed()).toBe('2557.65'); // what total × rate would say
    expect(summary.budget.toFixed()).toBe('3009');
  });

  it('totals the founding project per source, kind and country, with the average EU rate', () => {
    const summary = summaryOf(FIXTURE);
    expect(summary.partners).toHaveLength(8);
    expect(summary.budget.toFixed()).toBe('146994');
    expect(summary.sources.map((s) => [s.id, s.amount.toFixed(2)])).toEqual([
      ['erdf', '118909.20'],
      ['municipal', '27446.80'],
      ['state', '638.00'],
    ]);
    expect(summary.kinds.map((k) => [k.kind, k.amount.toFixed(2)])).toEqual([
      ['eu-fund', '118909.20'],
      ['public', '27446.80'],
      ['automatic-public', '638.00'],
    ]);
    expect(summary.averageEuRate.toFixed()).toBe('80.89');
    expect(summary.countries.find((c) => c.country === 'LV')).toMatchObject({ budget: d('12758') });
    expect(texts(summary.partners.map((p) => p.euRate))).toEqual(['85', '85', '70', '85', '85', '85', '85', '70']);
  });

  it('keeps one id of two kinds apart: an entry per id and kind, the kinds totals sums of those entries', () => {
    const summary = summaryOf(CONFLICT);
    expect(summary.sources.map((s) => [s.id, s.kind, s.name, s.label, s.amount.toFixed()])).toEqual([
      ['ipa', 'eu-fund', 'IPA', 'IPA (eu-fund)', '1600'],
      ['ipa', 'private', 'IPA sponsor', 'IPA sponsor (private)', '200'],
      ['national', 'public', 'National', 'National', '1200'],
    ]);
    expect(summary.kinds.map((k) => [k.kind, k.amount.toFixed()])).toEqual([
      ['eu-fund', '1600'],
      ['public', '1200'],
      ['private', '200'],
    ]);
    for (const kind of summary.kinds)
      expect(
        kind.amount.eq(summary.sources.filter((s) => s.kind === kind.kind).reduce((t, s) => t.plus(s.amount), d('0'))),
      ).toBe(true);
    expect(summary.euAmount.toFixed()).toBe('1600');
    expect(summary.partners.map((p) => p.kinds.get('ipa'))).toEqual(['eu-fund', 'private', 'eu-fund']);
    const [ipaEu, ipaPrivate] = summary.sources;
    expect(
      summary.partners.map((p) => [partnerAmount(p, ipaEu!)?.toFixed(), partnerAmount(p, ipaPrivate!)?.toFixed()]),
    ).toEqual([
      ['800', undefined],
      [undefined, '200'],
      ['800', undefined],
    ]);
  });

  it('totals cost categories', () => {
    const summary = summaryOf(
      'partner: P\ncosts: { staff: 6 000, office: 15% of staff, travel: 2 000 }\nfunding: { erdf: 85%, national: rest }\n',
    );
    expect(summary.categories.map((c) => [c.category, c.amount.toFixed()])).toEqual([
      ['staff', '6000'],
      ['office', '900'],
      ['travel', '2000'],
    ]);
  });
});

describe('locale formatting', () => {
  it('writes Latvian and English amounts', () => {
    expect(formatMoney(d('12758'), 'EUR', 2, 'lv')).toBe('12\u00a0758,00\u00a0€');
    expect(formatMoney(d('12758'), 'EUR', 2, 'en')).toBe('€12,758.00');
    expect(formatMoney(d('1234567.5'), 'LVL', 2, 'en')).toBe('LVL 1,234,567.50');
    expect(formatMoney(d('-5'), 'EUR', 2, 'en')).toBe('-€5.00');
    // CLDR (Intl 'lv'): no space before the per cent sign
    expect(formatPercent(d('80.89'), 'lv')).toBe('80,89%');
  });
  it('follows LC_ALL, LC_MESSAGES, LANG (POSIX), else English', () => {
    expect(localeFromEnv({ LANG: 'lv_LV.UTF-8' })).toBe('lv');
    expect(localeFromEnv({ LC_ALL: 'en_GB.UTF-8', LANG: 'lv_LV.UTF-8' })).toBe('en');
    expect(localeFromEnv({ LC_MESSAGES: 'lv_LV.UTF-8', LANG: 'en_GB.UTF-8' })).toBe('lv');
    expect(localeFromEnv({ LC_ALL: '', LC_MESSAGES: 'en_US', LANG: 'lv_LV.UTF-8' })).toBe('en');
    expect(localeFromEnv({ LANG: 'lv' })).toBe('lv');
    expect(localeFromEnv({ LANG: 'lva_XX' })).toBe('en');
    expect(localeFromEnv({ LANG: 'C.UTF-8' })).toBe('en');
    expect(localeFromEnv({})).toBe('en');
  });
});

describe('report formats', () => {
  const summary = summaryOf(FIXTURE);
  it('table: partners × sources with totals, kinds, countries and a chart', () => {
    const table = reportToTable(summary, makeStyle(false), 'lv', 2, 'Digital Innovation in Cities');
    expect(table).toContain('Digital Innovation in Cities: 8 partneri, 146\u00a0994,00\u00a0€');
    expect(table).toMatch(/│ Ventspils Digital Centre\s+│ LV\s+│\s+12\u00a0758,00\u00a0€ │\s+10\u00a0844,00\u00a0€ │/);
    expect(table).toMatch(/│ Kopā\s+│\s+│ 146\u00a0994,00\u00a0€ │/);
    expect(table).toContain('Pa finansējuma veidiem');
    expect(table).not.toContain('\u001b[');
  });
  it('chart: bars in proportion, distinct plain characters, a legend', () => {
    const chart = renderChart(summary, makeStyle(false)).split('\n');
    expect(chart[0]).toBe(`Messina Business Innovation Centre ${'█'.repeat(34)}${'▓'.repeat(6)}`);
    expect(chart.at(-1)).toMatch(/█ ERDF {2}▓ Municipal {2}▒ State budget$/);
    expect(renderChart(summary, makeStyle(true))).toContain('\u001b[34m');
  });
  it('md: Markdown tables', () => {
    const md = reportToMarkdown(summary, 'en', 2, 'Digital Innovation in Cities');
    expect(md).toContain('# Digital Innovation in Cities: 8 partners, €146,994.00');
    expect(md).toContain(
      '| Partner | Country | Budget | ERDF | Municipal | State budget | EU rate | Share |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    expect(md).toContain(
      '| Ventspils Digital Centre | LV | €12,758.00 | €10,844.00 | €1,276.00 | €638.00 | 85% | 8.68% |',
    );
  });
  it('json: every figure as a decimal string', () => {
    const json = reportToJson(summary, 2) as Record<string, any>;
    expect(json).toMatchObject({
      schemaVersion: 1,
      currency: 'EUR',
      budget: '146994.00',
      euAmount: '118909.20',
      averageEuRate: '80.89',
    });
    expect(json.partners[1]).toEqual({
      partner: 'Ventspils Digital Centre',
      country: 'LV',
      budget: '12758.00',
      amounts: { erdf: '10844.00', municipal: '1276.00', state: '638.00' },
      euAmount: '10844.00',
      euRate: '85',
      shareOfProject: '8.68',
    });
  });
  it("an id of two kinds: two columns, two legend entries, two JSON sources, CSV rows of each partner's own kind", () => {
    const conflict = summaryOf(CONFLICT);
    const table = reportToTable(conflict, makeStyle(false), 'en', 0);
    expect(table).toMatch(
      /│ Partner +│ Country +│ +Budget +│ +IPA \(eu-fund\) +│ +IPA sponsor \(private\) +│ +National +│ +EU rate +│ +Share +│/,
    );
    expect(table).toMatch(/│ B +│ +│ +€1,000 +│ +│ +€200 +│ +€800 +│ +0% +│/);
    expect(table).toMatch(/│ Total +│ +│ +€3,000 +│ +€1,600 +│ +€200 +│ +€1,200 +│/);
    expect(table).toMatch(/│ EU funds +│ +€1,600 +│/);
    expect(table).toMatch(/│ Private +│ +€200 +│/);
    const chart = renderChart(conflict, makeStyle(false)).split('\n');
    expect(chart[1]).toBe(`B       ${'▓'.repeat(8)}${'▒'.repeat(32)}`);
    expect(chart.at(-1)).toMatch(/█ IPA \(eu-fund\) {2}▓ IPA sponsor \(private\) {2}▒ National$/);
    const json = reportToJson(conflict, 0) as Record<string, any>;
    expect(json.sources).toEqual([
      { id: 'ipa', name: 'IPA', kind: 'eu-fund', amount: '1600' },
      { id: 'ipa', name: 'IPA sponsor', kind: 'private', amount: '200' },
      { id: 'national', name: 'National', kind: 'public', amount: '1200' },
    ]);
    expect(json.kinds).toEqual([
      { kind: 'eu-fund', amount: '1600' },
      { kind: 'public', amount: '1200' },
      { kind: 'private', amount: '200' },
    ]);
    expect(json.partners[1].amounts).toEqual({ ipa: '200', national: '800' });
    expect(reportToCsv(conflict, 0).split('\n').slice(1, 5)).toEqual([
      'A,,1000,ipa,IPA,eu-fund,800',
      'A,,1000,national,National,public,200',
      'B,,1000,ipa,IPA sponsor,private,200',
      'B,,1000,national,National,public,800',
    ]);
    expect(reportToMarkdown(conflict, 'en', 0)).toContain(
      '| Partner | Country | Budget | IPA (eu-fund) | IPA sponsor (private) | National | EU rate | Share |',
    );
  });
  it('chart: bounded for any figures, amounts that dwarf a budget stretching the scale', () => {
    const summary = summaryOf(
      'partners:\n  - { partner: Small, budget: 10, funding: { erdf: { amount: 1000000000000 }, national: { amount: 5 } } }\n  - { partner: Other, budget: 500000000000, funding: { erdf: 50%, national: rest } }\n',
    );
    const chart = renderChart(summary, makeStyle(false)).split('\n');
    expect(chart[0]).toBe(`Small   ${'█'.repeat(40)}`);
    expect(chart[1]).toBe(`Other   ${'█'.repeat(10)}${'▓'.repeat(10)}`);
    expect(Math.max(...chart.map((line) => line.length))).toBeLessThan(80);
  });
  it('csv: one row per partner × source, never localised', () => {
    const csv = reportToCsv(summary, 2).split('\n');
    expect(csv[0]).toBe('partner,country,budget,source,name,kind,amount');
    expect(csv).toContain('Ventspils Digital Centre,LV,12758.00,state,State budget,automatic-public,638.00');
    expect(csv).toHaveLength(8 * 2 + 1 + 1 + 1); // 8 partners × 2 sources, Ventspils's third, the header, the final newline
  });
});

describe('names that look the same are the same (invisible and composed characters)', () => {
  // "Botoșani" composed (U+0219) and decomposed (s + U+0326 combining comma below); "Riga" with a zero-width space, joiners, a BOM
  const NFC = 'Boto\u0219ani';
  const NFD = 'Botos\u0326ani';
  const findingsOf = (yaml: string) => checkBudgetFile(parseBudgetFile(yaml, 'yaml')).findings;
  const twoPartners = (a: string, b: string) =>
    `funding: { erdf: 85%, national: rest }\npartners:\n  - { partner: ${JSON.stringify(a)}, budget: 1000 }\n  - { partner: ${JSON.stringify(b)}, budget: 1000 }\n`;

  it('compares in NFC without zero-width characters, and leaves plain ASCII as it is', async () => {
    const { comparable, partnerKey, differsInvisibly, unseenCharacters } = await import('../src/core/names.js');
    expect(NFC).not.toBe(NFD);
    expect(comparable(NFD)).toBe(NFC);
    expect(comparable(NFC)).toBe(NFC);
    for (const invisible of ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'])
      expect(comparable(`Ri${invisible}ga`)).toBe('Riga');
    // an invisible character between a letter and its combining mark does not keep them apart
    expect(comparable('Botos\u200b\u0326ani')).toBe(NFC);
    expect(comparable('erdf')).toBe('erdf');
    expect(partnerKey(`  \u200bRIGA `)).toBe('riga');
    expect(differsInvisibly(NFC, NFD)).toBe(true);
    expect(differsInvisibly(NFC, NFC)).toBe(false);
    expect(differsInvisibly('Riga', 'Rīga')).toBe(false); // a visible accent is another name
    expect(unseenCharacters(NFC, NFD)).toBe('U+0326');
    expect(unseenCharacters('Ri\u200bga', 'Riga\ufeff')).toBe('U+200B, U+FEFF');
  });

  it.each([
    ['NFD and NFC', NFD, NFC, 'U+0326'],
    ['a zero-width space', 'Ri\u200bga', 'Riga', 'U+200B'],
    ['a zero-width joiner and non-joiner', 'Ri\u200cg\u200da', 'Riga', 'U+200C, U+200D'],
    ['a byte-order mark', '\ufeffRiga', 'Riga', 'U+FEFF'],
  ])('one partner written with %s is a duplicate-partner; the names stay as written', (_, first, second, codes) => {
    const findings = findingsOf(twoPartners(first, second));
    const duplicate = findings.find((f) => f.code === 'duplicate-partner');
    expect(duplicate?.message).toBe(
      `partner "${second}" is listed twice, the first time as "${first}" (the two differ only by invisible or combining characters: ${codes})`,
    );
    expect(parseBudgetFile(twoPartners(first, second), 'yaml').partners.map((p) => p.partner)).toEqual([first, second]);
  });

  it('keeps the plain message for a name written twice the same way, and apart names with a visible difference', () => {
    expect(findingsOf(twoPartners('Riga', 'riga ')).find((f) => f.code === 'duplicate-partner')?.message).toBe(
      'partner "riga " is listed twice',
    );
    expect(findingsOf(twoPartners('Riga', 'Rīga')).some((f) => f.code === 'duplicate-partner')).toBe(false);
  });

  it('a source id written twice, once with an invisible or combining character, is a duplicate-key at the second (YAML, JSON by both readers)', () => {
    const yaml = 'partner: X\nbudget: 1000\nfunding:\n  erdf: 85%\n  "erdf\u200b": 15%\n';
    const error = errorOf(() => parseBudgetFile(yaml, 'yaml'));
    expect(error.code).toBe('duplicate-key');
    expect(error.message).toBe(
      'duplicate key "erdf\u200b": the same as "erdf" but for invisible or combining characters (U+200B)',
    );
    expect(error.location).toMatchObject({ line: 5, column: 3 });
    const json = '{"partner": "X", "budget": 1000,\n "funding": {"erdf": "85%", "erdf\\u200b": "15%"}}';
    const jsonError = errorOf(() => parseBudgetFile(json, 'json'));
    expect([jsonError.code, jsonError.message]).toEqual([error.code, error.message]);
    expect(jsonError.location).toMatchObject({ line: 2, column: 29 });
    // a composed and a decomposed id: the first is named in the message
    const composed = errorOf(() =>
      parseBudgetFile(`partner: X\nbudget: 1000\nfunding:\n  "${NFD}": 85%\n  "${NFC}": 15%\n`, 'yaml'),
    );
    expect(composed.message).toBe(
      `duplicate key "${NFC}": the same as "${NFD}" but for invisible or combining characters (U+0326)`,
    );
  });
});

describe('a report gathered as the check reads the partners (ProjectCollector)', () => {
  const files = [
    ...['approximate.yaml', 'fund-down.yaml', 'multi-partner.yaml', 'rate-display.yaml', 'rest.yaml', 'lati-euro.yaml'],
    ...readdirSync(new URL('../fixtures/project/', import.meta.url)).map((f) => `project/${f}`),
    ...readdirSync(new URL('../fixtures/periods/', import.meta.url)).map((f) => `periods/${f}`),
    ...readdirSync(new URL('../fixtures/fail/', import.meta.url)).map((f) => `fail/${f}`),
  ].filter((f) => /\.(ya?ml|json)$/.test(f));
  const budgets = files.flatMap((name) => {
    const text = readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
    try {
      return [{ name, file: parseBudgetFile(text, name.endsWith('.json') ? 'json' : 'yaml') }];
    } catch {
      return []; // a claim file or an invalid one: no report
    }
  });

  it('reads enough fixtures to mean something', () => {
    expect(budgets.length).toBeGreaterThan(10);
    expect(budgets.some(({ file }) => file.partners.some((p) => p.periods))).toBe(true);
  });

  it.each(budgets.map((b) => [b.name, b.file] as const))(
    '%s: the same totals and partners as summarizeProject',
    (_name, file) => {
      const held = summarizeProject(checkBudgetFile(file));
      const collector = new ProjectCollector();
      checkBudgetStream(file, { onShares: collector.add });
      const { summary, partners } = collector.finish();
      expect(summary).toEqual({ ...held, partners: [] });
      expect(partners).toHaveLength(held.partners.length);
      // twice: the table reads them for its rows, then for its chart
      expect([...partners]).toEqual(held.partners);
      expect([...partners]).toEqual(held.partners);
    },
  );

  it('keeps the names of partners that give a source another name, and a zero budget', () => {
    const yaml = [
      'rounding: { unit: 0.01 }',
      'partners:',
      '  - { partner: A, budget: 1000, funding: { erdf: 80%, national: rest } }',
      '  - { partner: B, budget: 0, funding: { erdf: 80%, national: rest } }',
      '  - { partner: C, budget: 1000.5, funding: { erdf: { rate: 60%, name: Other name }, national: rest } }',
      '  - { partner: D, budget: 10, funding: { erdf: 80%, national: rest } }',
      '',
    ].join('\n');
    const file = parseBudgetFile(yaml, 'yaml');
    const held = summarizeProject(checkBudgetFile(file));
    const collector = new ProjectCollector();
    checkBudgetStream(file, { onShares: collector.add });
    expect([...collector.finish().partners]).toEqual(held.partners);
    expect(held.partners.map((p) => [...p.names.values()].join())).toEqual([
      'ERDF,National',
      'ERDF,National',
      'Other name,National',
      'ERDF,National',
    ]);
  });
});

describe('the totals of a streamed report, in BigInt at each partner’s scale', () => {
  it('sums partners of different scales exactly, as the Decimal sums do', () => {
    // whole euros, cents, a rate of four decimals (a finer scale) and a fixed amount at a tenth of a cent
    const yaml = [
      'partners:',
      '  - { partner: A, country: LV, budget: 1003, funding: { erdf: 85%, national: rest } }',
      '  - { partner: B, country: LT, budget: 1000.55, funding: { erdf: 33.3333%, national: rest } }',
      '  - { partner: C, country: LV, budget: 999.99, funding: { erdf: { amount: "500,0050" }, national: rest } }',
      '  - { partner: D, budget: 0, funding: { erdf: 80%, national: rest } }',
      '  - { partner: E, country: LT, budget: 12758.1, funding: { erdf: 85%, other: { rate: 5%, kind: private, name: Other } } }',
      '',
    ].join('\n');
    const file = parseBudgetFile(yaml, 'yaml');
    const held = summarizeProject(checkBudgetFile(file));
    const collector = new ProjectCollector();
    checkBudgetStream(file, { onShares: collector.add });
    const { summary, partners } = collector.finish();
    expect(summary).toEqual({ ...held, partners: [] });
    expect([...partners]).toEqual(held.partners);
    // the test reaches what it is about: partners at three scales, and a total that no one scale holds
    expect(new Set(checkBudgetFile(file).partners.map((p) => p.unit.decimalPlaces())).size).toBeGreaterThan(1);
    expect(summary.sources.find((s) => s.id === 'erdf')?.amount.toFixed()).toBe(
      held.sources.find((s) => s.id === 'erdf')?.amount.toFixed(),
    );
    expect(summary.budget.toFixed()).toBe('15761.64');
  });
});

describe('percent (a partner’s EU rate and share of the project)', () => {
  /** The Decimal reasoning it replaced: the reference. */
  const reference = (part: Decimal, whole: Decimal) => {
    if (whole.isZero()) return ZERO;
    const scaled = part.times(10_000);
    const quotient = scaled.divToInt(whole);
    const twice = scaled.minus(quotient.times(whole)).abs().times(2);
    return (twice.gte(whole.abs()) ? quotient.plus(part.isNegative() !== whole.isNegative() ? -1 : 1) : quotient).div(
      100,
    );
  };
  const decimal = fc
    .record({
      digits: fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 18n }), fc.bigInt({ min: 0n, max: 10n ** 60n })),
      scale: fc.integer({ min: 0, max: 12 }),
      negative: fc.boolean(),
    })
    .map(({ digits, scale, negative }) => new Decimal(`${negative ? '-' : ''}${digits}e-${scale}`));

  it('gives the Decimal reasoning’s value and sign, zeros and exact halves included', () => {
    let halves = 0;
    let zeros = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.tuple(decimal, decimal),
          // an exact half at the second decimal: part = whole × (k + 0.5) / 10 000
          fc.tuple(decimal, fc.integer({ min: -20_000, max: 20_000 })).map(([whole, k]) => {
            halves++;
            return [whole.times(k * 2 + 1).div(20_000), whole] as const;
          }),
          fc.tuple(fc.constantFrom(new Decimal('-0'), new Decimal(0), new Decimal('-0.00001')), decimal),
        ),
        ([part, whole]) => {
          const mine = percent(part, whole);
          const theirs = reference(part, whole);
          if (theirs.isZero()) zeros++;
          expect(mine.toFixed()).toBe(theirs.toFixed());
          expect(mine.isNegative()).toBe(theirs.isNegative());
          expect(mine).toEqual(theirs);
        },
      ),
      { numRuns: 3000, seed: 24 },
    );
    expect(halves).toBeGreaterThan(500);
    expect(zeros).toBeGreaterThan(200);
  });
});

describe('the notes of many partners (ProjectCollector past one string of notes)', () => {
  it('gives every partner back, odd names, absent countries and a partner without a name included', () => {
    const partners = Array.from({ length: 250 }, (_, i) => ({
      partner: i % 50 === 7 ? `P\u0001${i}` : i % 50 === 8 ? `P\u0000${i}` : `Partner ${i}`,
      ...(i % 3 === 0 ? {} : { country: i % 2 === 0 ? 'LV' : 'LT' }),
      budget: `${1000 + i * 7}.${String(i % 100).padStart(2, '0')}`,
      funding:
        i % 4 === 0
          ? { erdf: '80%', national: 'rest' }
          : { erdf: '60%', other: { rate: '10%', name: 'Other', kind: 'public' }, national: 'rest' },
    }));
    const cases = [
      parseBudgetFile(JSON.stringify({ currency: 'EUR', partners }), 'json'),
      parseBudgetFile(
        JSON.stringify({ currency: 'EUR', budget: '1000', funding: { erdf: '85%', national: 'rest' } }),
        'json',
      ),
    ];
    for (const file of cases) {
      const held = summarizeProject(checkBudgetFile(file));
      const collector = new ProjectCollector();
      checkBudgetStream(file, { onShares: collector.add });
      const { partners: noted } = collector.finish();
      expect(noted).toHaveLength(held.partners.length);
      expect([...noted]).toEqual(held.partners);
    }
    expect(
      summarizeProject(checkBudgetFile(cases[0]!)).partners.filter((p) => /[\u0000\u0001]/.test(p.partner)),
    ).toHaveLength(10);
  });
});
