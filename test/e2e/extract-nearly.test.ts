// Trial 10 WP4 through the built binary: a share after a one-sided hedge ("almost", "gandrīz") is a bound with a
// `# check:`, so `extract | check - --strict` fails whichever side of the written figure the rate's amount falls; a
// symmetric hedge ("about", "apmēram") is a `~` with no doubt, and a consistent one passes.
import { describe, expect, it } from 'vitest';
import { cofin } from './run.js';

const run = (doc: string) => {
  const extracted = cofin(['extract', '-'], { input: doc });
  const check = cofin(['check', '-', '--strict'], { input: extracted.stdout });
  return { yaml: extracted.stdout, code: check.code, out: check.stdout + check.stderr };
};

describe('extract | check --strict: one-sided hedges (binary)', () => {
  it.each([
    // 80% of 90 000 is 72 000: above "almost 71 800", below "almost 72 300"; both need a reader's eye
    ['en, the rate gives more', 'The budget is EUR 90,000. The ERDF pays 80% of it, almost EUR 71,800.', 'almost'],
    ['en, the rate gives less', 'The budget is EUR 90,000. The ERDF pays 80% of it, nearly EUR 72,300.', 'nearly'],
    ['lv "gandrīz"', 'Projekta budžets ir 90 000 EUR. ERAF sedz 80% jeb gandrīz 71 800 EUR.', 'gandrīz'],
    ['lv "teju"', 'Projekta budžets ir 90 000 EUR. ERAF sedz 80% jeb teju 71 800 EUR.', 'teju'],
    ['lv "nepilni"', 'Projekta budžets ir 90 000 EUR. ERAF sedz 80% jeb nepilni 71 800 EUR.', 'nepilni'],
  ])('%s: a bound # check: and exit 1', (_, doc, words) => {
    const { yaml, code, out } = run(doc);
    expect(yaml).toMatch(new RegExp(`# check: "${words} [^"]*" is a bound`));
    expect(yaml).toMatch(/amount: "~7[12]\d00"/);
    expect(code, out).toBe(1);
  });

  it.each([
    [
      'en "about"',
      'The budget is EUR 90,000. The ERDF pays 80% of it, about EUR 72,000, and the municipality the remaining 20%.',
    ],
    ['lv "apmēram"', 'Projekta budžets ir 90 000 EUR. ERAF sedz 80% jeb apmēram 72 000 EUR, pašvaldība atlikušos 20%.'],
    ['lv "ap."', 'Projekta budžets ir 90 000 EUR. ERAF sedz 80% jeb ap. 72 000 EUR, pašvaldība atlikušos 20%.'],
  ])('%s: a symmetric hedge stays a ~ with no doubt, and passes', (_, doc) => {
    const { yaml, code, out } = run(doc);
    expect(yaml).not.toMatch(/^ *# check:/m);
    expect(yaml).toContain('amount: "~72000"');
    expect(code, out).toBe(0);
  });
});
