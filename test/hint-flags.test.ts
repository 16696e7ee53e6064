import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { Decimal } from '../src/core/decimal.js';
import { phraseFix, type Fix } from '../src/core/hints.js';
import { reasonsText } from '../src/core/explain.js';
import type { MismatchReason } from '../src/core/check/said.js';
import { FINDINGS_LV } from '../src/render/words/lv-findings.js';
import { cofin, root } from './e2e/run.js';

// Hints name only what the command accepts: no hint check can give names a flag that `cofin check --help` lacks
// (a check of a file is told rounding.unit or currency: in the file, never --unit or --currency).

const help = cofin(['check', '--help']).stdout;
const CHECK_FLAGS = new Set([...help.matchAll(/(?<![\w-])--[a-z][a-z-]*/g)].map((m) => m[0]));
const flagsIn = (text: string) => [...text.matchAll(/(?<![\w-])--[a-z][a-z-]*/g)].map((m) => m[0]);

/** Every source file the check command reaches through its imports. */
function reachable(start: readonly string[]): string[] {
  const seen = new Set<string>();
  const todo = [...start];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(join(root, file), 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)\.js'/g)) {
      const target = relative(root, join(dirname(join(root, file)), `${m[1]}.ts`));
      if (existsSync(join(root, target))) todo.push(target);
    }
  }
  return [...seen].sort();
}

/** Files reached whose flags are not check's, and why no check hint can carry them. */
const NOT_CHECK_HINTS: Record<string, string> = {
  'src/core/hints.ts': "phrased per input: check's files get the budget-file phrases (tested below)",
  'src/core/split.ts': "splitBudget's rest-negative error is split's; check reads only parseUnit from it",
  'src/io/heap.ts': 'a V8 flag, set, never shown',
  'src/io/xlsx/xml.ts': 'a decrement (--depth), not text',
};

/** A flag a file may name, and why check never shows it: the file says it again only of another command's text. */
const OTHER_COMMANDS_FLAGS: Record<string, string> = {
  'src/core/periods.ts --period': "split's words for a --period off its --unit: check phrases the same finding by keys",
  'src/core/periods.ts --unit': "split's words for a --period off its --unit: check phrases the same finding by keys",
  'src/render/words/lv-findings.ts --period': "the Latvian words of split's --period hint, never check's",
  'src/render/words/lv-findings.ts --unit': "the Latvian words of split's --period hint, never check's",
  'src/render/words/lv-errors.ts --method':
    "the Latvian words of split's rest-negative hint, said only in place of that English hint, which check never gives",
  'src/io/claim-input.ts --rates': "outside-folder's hint names --rates only when the command takes it (`cofin claim`)",
  'src/render/words/lv-errors.ts --rates': "the Latvian words of claim's outside-folder hint, never check's",
};

describe('hints name only flags that check accepts', () => {
  it('reads the flags of check --help', () => {
    for (const flag of ['--strict', '--input', '--sheet', '--max-file-size', '--format', '--force'])
      expect(CHECK_FLAGS).toContain(flag);
    expect(CHECK_FLAGS).not.toContain('--unit');
  });

  const files = reachable(['src/commands/check.ts', 'src/commands/check.command.ts']);
  it('scans the files check reaches, Latvian words and loaders among them', () => {
    for (const file of ['src/core/check/messages.ts', 'src/render/words/lv-findings.ts', 'src/io/budget-file.ts'])
      expect(files).toContain(file);
    expect(files.length).toBeGreaterThan(40);
  });

  it('no text in them names a flag check lacks (comments aside)', () => {
    const found: string[] = [];
    for (const file of files) {
      if (NOT_CHECK_HINTS[file]) continue;
      const code = readFileSync(join(root, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '')
        .replace(/\s\/\/ .*$/gm, '');
      for (const m of code.matchAll(/['`][^'`\n]*/g))
        for (const flag of flagsIn(m[0]))
          if (!CHECK_FLAGS.has(flag) && !OTHER_COMMANDS_FLAGS[`${file} ${flag}`]) found.push(`${file}: ${flag}`);
    }
    expect(found).toEqual([]);
  });

  it('the scan can fail: a hint naming --unit is caught', () => {
    expect(flagsIn("'use a finer unit such as --unit 0.01'").filter((f) => !CHECK_FLAGS.has(f))).toEqual(['--unit']);
  });

  it('every fix, as phrased for a budget file, names no flag at all', () => {
    const fixes: Fix[] = [
      { kind: 'decimal-mark' },
      { kind: 'currency', currency: 'LVL' },
      { kind: 'unit', unit: '0.01' },
    ];
    for (const fix of fixes) {
      expect(flagsIn(phraseFix(fix, 'budget-file')), fix.kind).toEqual([]);
      expect(flagsIn(phraseFix(fix, 'library')), fix.kind).toEqual([]);
    }
    expect(phraseFix({ kind: 'unit', unit: '0.01' }, 'budget-file')).toContain('rounding: { unit: 0.01 }');
  });

  it('a share that matches another unit (10 844,00 for 10 844,30) is told rounding: { unit: 1 }, in both languages', () => {
    const reasons: MismatchReason[] = [{ why: 'other-unit', unit: new Decimal(1), down: false }];
    expect(reasonsText(reasons)).toBe(
      'it matches the exact share rounded to a unit of 1 (if the document rounds so, write rounding: { unit: 1 } in the file)',
    );
    const money = (value: string) => ({ value: new Decimal(value), currency: 'EUR', decimals: 2 });
    const lv = FINDINGS_LV['share-mismatch'](
      { id: 'erdf', declared: money('10844'), computed: money('10844.3'), exact: new Decimal('10844.3'), reasons },
      '',
    );
    expect(lv.hint).toContain('rounding: { unit: 1 }');
    expect(flagsIn(`${reasonsText(reasons)} ${lv.hint}`)).toEqual([]);
  });
});

describe('the cents case on the binary', () => {
  it('a file whose amounts are written to the cent but rounded to the euro is told rounding: { unit: 1 }', () => {
    const file =
      'partner: X\nbudget: 12 758,00\nfunding:\n  erdf: { rate: 85%, amount: "10 844,00" }\n' +
      '  municipal: { rate: 15%, amount: "1 914,00" }\n';
    const run = cofin(['check', '-'], { input: file });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '  hint: it matches the exact share rounded to a unit of 1 (if the document rounds so, write rounding: { unit: 1 } in the file);',
    );
    for (const flag of flagsIn(run.stdout)) expect(CHECK_FLAGS).toContain(flag);
  });
});
