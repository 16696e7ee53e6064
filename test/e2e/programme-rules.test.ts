import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cofin, root } from './run.js';

// Programme rules beyond the maximum rate (issue 16): flat rates and the monitoring system's rounding, through the
// built bin, in both commands that read `programme:`.
const FAIL = ['programme-flat-rate-above-maximum', 'programme-flat-rate-not-allowed', 'programme-rounding-differs'];

describe('cofin check: programme flat rates and rounding (binary)', () => {
  it.each(FAIL)('fixtures/fail/%s.yaml: its golden on stdout, nothing on stderr, exit 1', (name) => {
    const file = `fixtures/fail/${name}.yaml`;
    const run = cofin(['check', file]);
    expect({ stdout: run.stdout, stderr: run.stderr, code: run.code }).toEqual({
      stdout: readFileSync(join(root, `${file}.expected`), 'utf8'),
      stderr: '',
      code: 1,
    });
  });

  it('JSON places each finding at the flat rate or the rounding rule, with its hint', () => {
    const found = (name: string) =>
      (
        JSON.parse(cofin(['check', `fixtures/fail/${name}.yaml`, '--format', 'json']).stdout) as {
          files: { findings: { code: string; severity: string; line: number; column: number; hint: string }[] }[];
        }
      ).files[0]!.findings.filter((f) => f.code.startsWith('programme-')).map((f) => [
        f.code,
        f.severity,
        f.line,
        f.column,
        f.hint,
      ]);
    expect(found('programme-flat-rate-above-maximum')).toEqual([
      ['programme-flat-rate-above-maximum', 'error', 7, 33, 'lower the rate to at most 15% of staff'],
    ]);
    expect(found('programme-flat-rate-not-allowed')).toEqual([
      ['programme-flat-rate-not-allowed', 'error', 8, 55, 'write travel: 15% of staff'],
    ]);
    expect(found('programme-rounding-differs')).toEqual([
      [
        'programme-rounding-differs',
        'error',
        11,
        21,
        "write rounding: { method: fund-down, unit: 0.01 }, or drop rounding: (the document's own rounding is then found)",
      ],
    ]);
  });

  it('--ignore takes the new codes: the file then passes (exit 0); GitHub annotations name them', () => {
    const run = cofin([
      'check',
      'fixtures/fail/programme-rounding-differs.yaml',
      '--ignore',
      'programme-rounding-differs',
    ]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toContain(': ignored: rounding method half-up and unit 1 differ from Jems');
    const github = cofin(['check', 'fixtures/fail/programme-flat-rate-not-allowed.yaml', '--format', 'github']);
    expect(github.code).toBe(1);
    expect(github.stdout).toMatch(
      /^::error file=fixtures\/fail\/programme-flat-rate-not-allowed\.yaml,line=8,col=55,title=cofin programme-flat-rate-not-allowed::/m,
    );
  });

  it('in Latvian too', () => {
    const run = cofin(['check', 'fixtures/fail/programme-flat-rate-above-maximum.yaml', '--locale', 'lv']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'programme-flat-rate-above-maximum.yaml:7:33: kļūda: biroja un administratīvās izmaksas ar vienoto likmi 20% no ' +
        'personāla izmaksām pārsniedz programmas Interreg Central Baltic maksimumu 15%',
    );
  });
});

describe('cofin claim: programme flat rates (binary)', () => {
  const FILE = 'fixtures/claims/programme-flat-rate.yaml';
  it("holds the budget's flat rates to the programme's, at the flat rate, citing the regulation (exit 1)", () => {
    const run = cofin(['claim', FILE]);
    expect([run.code, run.stderr]).toEqual([1, '']);
    expect(run.stdout.split('\n')[0]).toBe(
      'FAIL fixtures/claims/programme-flat-rate.yaml  Example Town: budget EUR 8 100.00 (ERDF 80%, Municipal rest), 1 claim, Interreg Estonia-Latvia',
    );
    expect(run.stdout).toContain(
      'fixtures/claims/programme-flat-rate.yaml:7:54: error: travel at 20% of staff is more than Interreg ' +
        "Estonia-Latvia's maximum, travel at up to 15% of staff (Regulation (EU) 2021/1059 (Interreg Regulation), read " +
        'in the German text at gesetze.legal, Article 41(5) (translated): travel and accommodation costs "at a flat ' +
        'rate of up to 15% of the direct staff costs") [programme-flat-rate-above-maximum]\n' +
        '  hint: lower the rate to at most 15% of staff\n',
    );
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(
      '1 claim: EUR 3 375.00 of 8 100.00 claimed (41.67%); 1 error, 0 warnings',
    );
    const json = JSON.parse(cofin(['claim', FILE, '--format', 'json']).stdout) as {
      findings: { code: string; line: number; column: number }[];
    };
    expect(json.findings.map((f) => [f.code, f.line, f.column])).toEqual([
      ['programme-flat-rate-above-maximum', 7, 54],
    ]);
  });

  it('cofin check on the claim file fails it too (exit 1)', () => {
    const run = cofin(['check', FILE]);
    expect([run.code, run.stderr]).toEqual([1, '']);
    expect(run.stdout).toContain('[programme-flat-rate-above-maximum]');
  });
});
