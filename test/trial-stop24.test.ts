/**
 * Defects new users found in earlier trials of cofin (stop 24). Each case ran
 * through the built bin and failed before its fix.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { cofin, root, scratch } from './e2e/run.js';
import { checkBudgetFile, parseBudgetFile } from '../src/index.js';

const { write, run, fresh } = scratch('cofin-trial24-');

/** The runner's decoding of a property value (actions/toolkit's escapeProperty, undone). */
const githubDecode = (value: string) =>
  value.replace(/%(25|0D|0A|3A|2C)/g, (_, code: string) => String.fromCharCode(parseInt(code, 16)));

describe('GitHub annotations: file= is the file, escaped by GitHub rules', () => {
  it.each([
    ['a newline', 'line\nbreak.yaml'],
    ['a carriage return', 'carriage\rreturn.yaml'],
    ['a percent sign, a colon and a comma', '100%:a,b.yaml'],
    ['a backslash before n', 'back\\nslash.yaml'],
  ])('%s in the name: decoded, file= is the path itself, and the command is one line', (_, name) => {
    const sub = fresh('github');
    mkdirSync(sub);
    copyFileSync(join(root, 'fixtures/folder/budgets/wrong-figure.yaml'), join(sub, name));
    const result = cofin(['check', name, '--format', 'github'], { cwd: sub });
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n').filter(Boolean);
    const annotations = lines.filter((line) => line.startsWith('::'));
    expect(annotations).toHaveLength(2);
    expect(lines).toHaveLength(3); // two annotations and the summary: no value ended a command early
    for (const line of annotations) {
      const match = /^::error file=([^,:]*),line=\d+,col=\d+,title=cofin [a-z-]+::/.exec(line);
      expect(match, line).not.toBeNull();
      expect(githubDecode(match![1]!)).toBe(name);
    }
  });

  it('a control character GitHub cannot encode is shown escaped, never raw', () => {
    const sub = fresh('github');
    mkdirSync(sub);
    copyFileSync(join(root, 'fixtures/folder/budgets/wrong-figure.yaml'), join(sub, 'esc\u001b[2J.yaml'));
    const result = cofin(['check', 'esc\u001b[2J.yaml', '--format', 'github'], { cwd: sub });
    expect(result.stdout).not.toContain('\u001b');
    expect(result.stdout).toContain('::error file=esc\\x1b[2J.yaml,line=3,col=9,');
  });
});

describe('check --format csv of a claim file names its partner', () => {
  it('the row has the partner, the currency and the budget', () => {
    const result = cofin(['check', 'fixtures/claims/declared.yaml', '--format', 'csv']);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[1]).toBe(
      'fixtures/claims/declared.yaml,fail,Ventspils Digital Centre,,EUR,12758.00,,,,,,,,',
    );
  });
});

describe('rounding drift is warned beside approximate fixed amounts too', () => {
  const budget = (state: string, municipal: string, budget = '1 000') =>
    `partner: Test\nbudget: ${budget}\nrounding: { unit: 1, method: half-up }\nfunding:\n` +
    `  erdf: { rate: 33.45%, amount: 335 }\n  esf: { rate: 33.45%, amount: 335 }\n` +
    `  municipal: { amount: ${municipal} }\n  state: { amount: "${state}" }\n`;

  // ~130 tolerates ±5 (~30 would be ±0.5: two significant figures at least)
  it('the exact shares add up to the budget, half-up passes it by 1: a warning, whatever ~130 tolerates', () => {
    const result = run(['check', write(budget('~130', '201'))]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      ':3:30: warning: with half-up the shares add up to EUR 1 001, EUR 1 more than the budget [rounding-drift]',
    );
  });

  it('the figures as written leave 1 of the budget (within ~130) and the rounding takes it up: no warning', () => {
    const result = run(['check', write(budget('~130', '200'))]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('rounding-drift');
  });

  it('an approximate budget does not excuse the rule either', () => {
    const text =
      'partner: Test\nbudget: "~1 000"\nrounding: { unit: 1, method: half-up }\n' +
      'funding: { erdf: 33.33%, esf: 33.33%, municipal: 33.34% }\n';
    const result = run(['check', write(text)]);
    expect(result.stdout).toContain('with half-up the shares add up to EUR 999, EUR 1 less than the budget');
  });

  it('property: the warning iff the computed shares miss the budget by more than the exact ones do', () => {
    const seen = { warned: 0, quiet: 0, gap: 0 };
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 1_000_000 }),
        fc.integer({ min: 1, max: 4_000 }),
        fc.integer({ min: 1, max: 4_000 }),
        fc.integer({ min: 0, max: 1_000 }),
        (B, a, b, fixedPermille) => {
          // in ten-thousandths of a euro, integers only: a rate of a hundredths of a percent pays B × a of them
          const E = 10_000;
          const F = Math.floor((B * fixedPermille) / 10_000);
          const left = B * E - B * (a + b) - F * E; // what the approximate amount should be
          if (left < 10 * E) return;
          const T = Math.round(left / (10 * E)) * 10; // ~T, tolerance 5 from 100 (~30 is ±0.5)
          if (T < 100) return;
          const gapExact = left - T * E;
          if (Math.abs(gapExact) > 5 * E) return; // not covered: rates-sum, not drift
          const halfUp = (x: number) => Math.floor((x + E / 2) / E);
          const total = halfUp(B * a) + halfUp(B * b) + F + T;
          const expected = Math.abs(total - B) * E > Math.abs(gapExact);
          const pct = (n: number) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}%`;
          const text =
            `partner: P\nbudget: ${B}\nrounding: { unit: 1, method: half-up }\nfunding:\n` +
            `  erdf: ${pct(a)}\n  esf: ${pct(b)}\n  municipal: { amount: ${F} }\n  state: { amount: "~${T}" }\n`;
          const report = checkBudgetFile(parseBudgetFile(text, 'yaml'));
          const warned = report.findings.some((f) => f.code === 'rounding-drift');
          seen[warned ? 'warned' : 'quiet']++;
          if (gapExact !== 0) seen.gap++;
          expect(warned, text).toBe(expected);
        },
      ),
      { seed: 24, numRuns: 600 },
    );
    expect(seen.warned).toBeGreaterThan(20);
    expect(seen.quiet).toBeGreaterThan(20);
    expect(seen.gap).toBeGreaterThan(20);
  });
});

describe("a partner table's unit hints name only what a table holds (it has no rounding:)", () => {
  it.each([
    [
      'the unit from the amounts',
      'Test,12 758.50,85%,1 914',
      'budget-unit',
      'the unit comes from the declared amounts; write them to the unit of the budget (0.01)',
    ],
    [
      'the unit of the currency',
      'Test,12 758.505,85%,15%',
      'budget-unit',
      'the unit is the minor unit of EUR: check the budget',
    ],
    [
      // fixed amounts alone have nothing to round (R12): the cents amount is held to the budget, as written
      'a fixed amount off the unit',
      'Test,12 758,10 844,1 913.70',
      'sum-mismatch',
      'check each amount against the document, or the budget',
    ],
  ])('%s', (_, row, code, hint) => {
    const name = write(`partner,budget,erdf,municipal\n${row}\n`, 'csv');
    for (const locale of ['en', 'lv']) {
      const result = run(['check', name, '--locale', locale]);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(`[${code}]`);
      expect(result.stdout).not.toContain('rounding:');
      expect(result.stdout).not.toContain('rounding.unit');
      if (locale === 'en') expect(result.stdout).toContain(`  hint: ${hint}\n`);
    }
    // the same partner in a budget file is told its rounding: key, as before
    const [partner, budget, erdf, municipal] = row.split(',');
    const amount = (v: string) => (v.endsWith('%') ? v : `{ amount: "${v}" }`);
    const yaml = write(
      `partner: ${partner}\nbudget: "${budget}"\nfunding:\n  erdf: ${amount(erdf!)}\n  municipal: ${amount(municipal!)}\n`,
    );
    // (a sum-mismatch of fixed amounts alone has no unit to name)
    if (code !== 'sum-mismatch') expect(run(['check', yaml]).stdout).toMatch(/rounding[:.]/);
  });

  it('rounding-method and rest-negative: the words for a table name no rounding: key of its own', async () => {
    const { messages, moneyAt } = await import('../src/core/check/messages.js');
    const { findingWordsLv } = await import('../src/render/words/lv-findings.js');
    const { Decimal } = await import('../src/core/decimal.js');
    const money = moneyAt('EUR', 0);
    for (const table of [false, true]) {
      const method = messages.roundingMethod('', 'fund-down', table);
      const rest = messages.restNegative('', 'municipal', 'half-up', money, new Decimal(-1), table);
      expect(method.hint.startsWith('write rounding:')).toBe(!table);
      expect(rest.hint.includes('rounding:')).toBe(!table);
      expect(findingWordsLv(method.said, undefined).hint.startsWith('ierakstiet rounding:')).toBe(!table);
      expect(findingWordsLv(rest.said, undefined).hint.includes('rounding:')).toBe(!table);
    }
    expect(messages.roundingMethod('', 'fund-down', true).hint).toBe(
      'a partner table has no rounding: to make fund-down binding, write the partner in a budget file with ' +
        'rounding: { method: fund-down }',
    );
  });
});

describe("a folder check passes claim files' rate tables over", () => {
  it('fixtures/claims: the claims are checked, the three rate tables under rates/ are not budgets', () => {
    const result = cofin(['check', 'fixtures/claims']);
    expect(result.code).toBe(2); // the invalid claim fixtures, as before
    expect(result.stdout + result.stderr).not.toMatch(/^(INVALID |✓ )?fixtures\/claims\/rates\//m);
    expect(result.stdout).toMatch(/^\d+ files: \d+ passed, \d+ failed, 4 invalid$/m); // the four invalid-*.yaml only
  });

  it.each([
    ['csv', 'month,currency,rate\n2024-03,PLN,4.3205\n'],
    ['csv', '"Rate";"Month";"Currency"\r\n4,3205;2024-03;PLN\r\n'],
    ['yaml', '# InforEuro, March\n"2024-03": { PLN: "4.3205" }\n'],
    ['yml', '---\n2024-03:\n  PLN: 4.3205\n'],
    ['json', '{ "2024-03": { "PLN": "4.3205" } }\n'],
  ])('a %s rate table beside a budget is passed over; named, it is read as a rate table', (ext, text) => {
    const sub = fresh('rates');
    mkdirSync(sub);
    copyFileSync(join(root, 'fixtures/ventspils-digital-centre.yaml'), join(sub, 'budget.yaml'));
    writeFileSync(join(sub, `rates.${ext}`), text);
    const folder = cofin(['check', '.', '-q'], { cwd: sub });
    expect(folder.stderr).toBe('');
    // passed over, and named as such (stop 27, trial 8 W8)
    expect(folder.stdout).toBe(
      `1 file: 1 passed\n1 file passed over as no budget file (1 rate table of claim files): rates.${ext}\n`,
    );
    expect(folder.code).toBe(0);
    const named = cofin(['check', `rates.${ext}`], { cwd: sub });
    expect(named.code).toBe(2);
    expect(named.stderr).toBe(
      `rates.${ext}:1:1: error: a rate table of claim files (month, currency, rate), not a budget or a claim file ` +
        '[wrong-type]\n  hint: check the claim files that name it in rates:, which read it (a folder check passes ' +
        'rate tables over)\n',
    );
  });

  it("a broken rate table named is told by the rate table's own error", () => {
    const result = cofin(['check', 'fixtures/claims/rates/invalid-duplicate.csv']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'fixtures/claims/rates/invalid-duplicate.csv:3:13: error: PLN is given twice for 2024-03 [duplicate-key]',
    );
  });

  it('a budget table or budget file is never taken for a rate table', () => {
    const sub = fresh('rates');
    mkdirSync(sub);
    writeFileSync(join(sub, 'a.csv'), 'partner,budget,erdf,rate\nA,100,85%,15%\n'); // a source named "rate"
    writeFileSync(
      join(sub, 'b.yaml'),
      '# 2024-03: the March budget\npartner: B\nbudget: 100\nfunding: { erdf: 100% }\n',
    );
    const result = cofin(['check', '.', '--format', 'json'], { cwd: sub });
    const files = (JSON.parse(result.stdout) as { files: { file: string }[] }).files.map((f) => f.file);
    expect(files).toEqual(['a.csv', 'b.yaml']);
  });
});

describe('a claim file in cofin check tells every bad value, as a budget file does', () => {
  const claim =
    'currency: EUR\npartner: Test\ncosts: { staff: 6 000, office: 15% of staff, travel: "2 0x0", external: 3 000 }\n' +
    'funding: { erdf: 8x%, municipal: rest }\nflexibility: ten\nclaims:\n  - period: 1\n' +
    '    expenditure: { staff: 25x0, travel: [ "800", "PLN 1,001" ] }\n    declared: { erdf: abc }\n';

  it('check: each bad amount, rate, item and declared amount, in file order; exit 2', () => {
    const name = write(claim);
    const result = run(['check', name]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('1 file: 0 passed, 1 invalid\n');
    const lines = result.stderr.split('\n').filter((line) => !line.startsWith('  hint:') && line !== '');
    expect(lines).toEqual([
      `${name}:3:54: error: not an amount: "2 0x0" [bad-amount]`,
      `${name}:4:18: error: not a rate: "8x%" [bad-rate]`,
      `${name}:5:14: error: not a rate: "ten" [bad-rate]`,
      `${name}:8:27: error: not an amount: "25x0" [bad-amount]`,
      `${name}:8:50: error: ambiguous amount: "PLN 1,001" could be 1001 or 1.001 [bad-amount]`,
      `${name}:9:23: error: not an amount: "abc" [bad-amount]`,
    ]);
    // the bad rate is left out of the rates' sum: no false "the funding rates add up to ..."
    expect(result.stderr).not.toContain('add up to');
    const json = JSON.parse(run(['check', name, '--format', 'json']).stdout) as {
      files: { findings: { code: string; line: number }[] }[];
    };
    expect(json.files[0]!.findings.map((f) => f.line)).toEqual([3, 4, 5, 8, 8, 9]);
  });

  it('cofin claim tells the same errors as check (since stop 25; it stopped at the first before)', () => {
    const result = run(['claim', write(claim)]);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n').filter((line) => line.includes(': error: '))).toHaveLength(6);
  });

  it('a budget file with bad values gives one line each (the rule the claim file now follows)', () => {
    const name = write(
      'partner: Test\nbudget: 12 7x8\nfunding:\n  erdf: { rate: 85%, amount: 10 8y4 }\n  municipal: rest\n',
    );
    const result = run(['check', name]);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n').filter((line) => line.includes(': error: '))).toHaveLength(2);
  });

  it('a claim file with one bad value and a later unknown key tells both', () => {
    const name = write(
      'currency: EUR\ncosts: { staff: 6x00 }\nfunding: { erdf: 80%, state: rest }\n' +
        'claims:\n  - period: 1\n    expenditures: { staff: 100 }\n',
    );
    const result = run(['check', name]);
    expect(result.stderr).toContain(`${name}:2:17: error: not an amount: "6x00" [bad-amount]`);
    expect(result.stderr).toContain(`${name}:6:5: error: unknown key "expenditures" in claim 1 [unknown-key]`);
  });
});

describe('columns count characters (code points), in every format and reader', () => {
  const cp = (line: string, needle: string) => [...line.slice(0, line.indexOf(needle))].length + 1;

  it('characterColumn and lineIndex against Array.from, whatever the text', async () => {
    const { characterColumn, characterColumns, lineIndex, lineColumn } = await import('../src/core/position.js');
    let astral = 0;
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom('a', '😀', '\n', '\ud800', '\udc00', 'ā', '𐍈'), fc.string()), {
          maxLength: 30,
        }),
        fc.nat(),
        (pieces, at) => {
          const text = pieces.join('');
          const offset = text.length === 0 ? 0 : at % (text.length + 1);
          const start = offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
          const expected = Array.from(text.slice(start, offset)).length + 1;
          if (expected !== offset - start + 1) astral++;
          expect(characterColumn(text, start, offset)).toBe(expected);
          expect(characterColumns(text)(start, offset)).toBe(expected);
          expect(lineIndex(text)(offset).column).toBe(expected);
          expect(lineColumn(text, offset).column).toBe(expected);
        },
      ),
      { seed: 24, numRuns: 2000 },
    );
    expect(astral).toBeGreaterThan(100);
  });

  it.each([
    [
      'yaml',
      'partner: "😀😀 Test"\nbudget: 12 758\nfunding: { erdf: { name: "😀", rate: 85%, amount: 10 000 }, municipal: rest }\n',
      3,
      '10 000',
    ],
    [
      'json',
      '{"partner":"😀😀 Test","budget":"12 758","funding":{"erdf":{"name":"😀","rate":"85%","amount":"10 000"},"municipal":"rest"}}',
      1,
      '"10 000"',
    ],
    ['csv', 'partner,budget,erdf,municipal\n😀😀 𐍈,12 758,85%,1x\n', 2, '1x'],
    ['yaml', 'partner: "😀😀" extra\nbudget: 1\n', 1, 'extra'],
    ['json', '{"partner": "😀😀", "budget": 1,, }', 1, ', }'],
  ])('%s: text, JSON and GitHub give the column an editor shows (%#)', (ext, text, line, needle) => {
    const name = write(text, ext);
    const lineText = text.split('\n')[line - 1]!;
    const table = run(['check', name]);
    const place = /:(\d+):(\d+): error:/.exec(table.stdout + table.stderr);
    expect(place, table.stdout + table.stderr).not.toBeNull();
    expect(Number(place![1])).toBe(line);
    const column = Number(place![2]);
    expect(column).toBe(cp(lineText, needle));
    const json = JSON.parse(run(['check', name, '--format', 'json']).stdout) as {
      files: { findings: { line: number; column: number }[] }[];
    };
    expect(json.files[0]!.findings[0]).toMatchObject({ line, column });
    expect(run(['check', name, '--format', 'github']).stdout).toContain(`,line=${line},col=${column},`);
  });
});
