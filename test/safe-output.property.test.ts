// Output that harms its reader (issue 11), as a property: arbitrary Unicode in partner names,
// source names, project names and file names (every C0 and C1 control, bidi controls, line
// separators, unpaired surrogates, `::`, `=`, `]]>`, `|`, `<script>` ...) go through every
// output format, rendered by the functions the commands use; each output must parse for its
// consumer, give the names back, and hold no raw control character and no injected line.
// Seeded and bounded: FUZZ_SEED=7 FUZZ_RUNS=1000 npx vitest run test/safe-output.property.test.ts
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { loadBudget } from '../src/io/load.js';
import { checkBudgetStream } from '../src/core/check.js';
import type { FileReport } from '../src/core/check.js';
import { CofinError } from '../src/core/errors.js';
import { summarizeProject } from '../src/core/project.js';
import { extractBudget } from '../src/core/extract/extract.js';
import {
  checkToTable,
  fileJsonPieces,
  githubLines,
  invalidToText,
  junitDocument,
  junitSuite,
} from '../src/render/check.js';
import { reportToCsv, reportToJsonText, reportToMarkdown, reportToTable } from '../src/render/report.js';
import { extractionToJsonText, extractionToYaml } from '../src/render/extract.js';
import {
  csvAmountCell,
  csvTextCell,
  githubMessage,
  githubProperty,
  jsonText,
  markdownCell,
  terminalText,
  unescapeVisible,
  visible,
  xmlText,
  yamlString,
} from '../src/render/safe-text.js';
import { readBack, shownAs } from './e2e/readers.js';
import { makeStyle } from '../src/render/colour.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_202);
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const plain = makeStyle(false);

/** Characters no output may hold raw (besides its own line breaks). */
const RAW =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const ANNOTATION = /^::(error|warning|notice) file=[^:,\r\n]*(,line=\d+)?(,col=\d+)?,title=cofin [a-z-]+::[^\r\n]*$/;

const code = (c: number) => String.fromCharCode(c);
const SPECIAL = [
  ...Array.from({ length: 32 }, (_, i) => code(i)),
  '\u007f',
  ...Array.from({ length: 32 }, (_, i) => code(0x80 + i)),
  '\u061c',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\ud800',
  '\udfff',
  '\ud83d\ude00',
  '::',
  '::error::x',
  '::warning file=a,line=1::y',
  ':',
  '=',
  '+',
  '-',
  '@',
  ']]>',
  '<![CDATA[',
  '|',
  '<script>',
  '</testcase>',
  '&',
  '&amp;',
  '"',
  "'",
  ',',
  ';',
  '%',
  '%0A',
  '\\',
  '\\x1b',
  '\\n',
  '`',
  '*',
  '_',
  '[',
  ']',
  '(javascript:alert(1))',
  '#',
  '~',
  '$',
  '\u001b[31m',
  '\u001b]8;;http://x\u0007',
  '\r\n',
];
/** A name: pieces of hostile text and arbitrary Unicode, joined. */
const hostile = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...SPECIAL) },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
      { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.join(''));

interface Case {
  file: string;
  project: string;
  source: string;
  partners: string[];
}
const cases: fc.Arbitrary<Case> = fc.record({
  file: hostile.map((name) => `${name}.json`),
  project: hostile,
  source: hostile,
  partners: fc.array(hostile, { minLength: 1, maxLength: 4 }),
});

/** The budget file of a case, and what cofin makes of it: the check's file report, and the project summary when it reads. */
function checked(c: Case) {
  const text = JSON.stringify({
    project: { name: c.project },
    funding: { erdf: '85%', evil: { rate: '15%', name: c.source, kind: 'public' } },
    partners: c.partners.map((partner, i) => ({
      partner,
      country: c.partners[(i + 1) % c.partners.length],
      budget: String(100 + i),
      ...(i === 0 ? { funding: { erdf: { rate: '85%', amount: '1' }, national: 'rest' } } : {}),
    })),
  });
  try {
    const model = loadBudget({ text, format: 'json' });
    const result = checkBudgetStream(model);
    const partners = [...result.partners];
    const report: FileReport = { file: c.file, verdict: result.verdict, partners, findings: result.findings };
    return { report, summary: summarizeProject({ ...result, partners }) };
  } catch (error) {
    if (!(error instanceof CofinError)) throw error;
    const at = error.location;
    const report: FileReport = {
      file: c.file,
      verdict: 'invalid',
      partners: [],
      findings: [
        {
          code: error.code,
          severity: 'error',
          message: error.message,
          hint: error.hint,
          line: at?.line,
          column: at?.column,
          pointer: at?.pointer,
          partner: undefined,
        },
      ],
    };
    return { report, summary: undefined };
  }
}

/** Every line: no raw control character, no `::` at its start (but GitHub annotations, when allowed). */
function expectSafeLines(text: string, annotations = false) {
  for (const line of text.split('\n')) {
    expect(RAW.test(line), JSON.stringify(line)).toBe(false);
    if (line.trimStart().startsWith('::'))
      expect(annotations && ANNOTATION.test(line), JSON.stringify(line)).toBe(true);
  }
}

const xmllint = spawnSync('sh', ['-c', 'command -v xmllint']).status === 0;
if (!xmllint && process.env.CI === 'true')
  throw new Error('xmllint is not installed: .ci/run installs it (libxml2-utils)');
const xmlDecode = (text: string) =>
  readBack(
    text.replace(
      /&(lt|gt|quot|apos|amp);/g,
      (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!,
    ),
  );
/** GFM splits a table row at every `|` not preceded by a backslash. */
const mdCells = (row: string) =>
  row
    .split(/(?<!\\)\|/)
    .slice(1, -1)
    .map((cell) => cell.slice(1, -1));
const mdDecode = (cell: string) =>
  readBack(
    cell
      .replace(/\\([\\`*_[\]#|~$:.@])/g, '$1')
      .replace(/&(lt|gt|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', amp: '&' })[e]!),
  );

describe('safe-text, by example', () => {
  it.each([
    [
      'visible',
      visible('a\u001b[2J\r\n\t\u009b\u202e\u2028\ud800\ud83d\ude00'),
      'a\\x1b[2J\\r\\n\\t\\x9b\\u202e\\u2028\\ud800\ud83d\ude00',
    ],
    [
      'visible doubles a backslash that could start an escape, only that one',
      visible('C:\\new\\budget \\ \\\u001b'),
      'C:\\\\new\\budget \\ \\\\\\x1b',
    ],
    ['terminalText escapes a leading colon', terminalText('  ::error::x'), '  \\x3a:error::x'],
    ['csvTextCell neutralises a formula', csvTextCell('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"'],
    ['csvTextCell neutralises a leading tab, shown escaped', csvTextCell('\t=1'), '"\'\\t=1"'],
    ['csvTextCell quotes a leading ::', csvTextCell('::error::x'), '"::error::x"'],
    ['csvTextCell leaves a plain name', csvTextCell('Saint-Quentin'), 'Saint-Quentin'],
    ['csvAmountCell leaves an amount', csvAmountCell('-0.30'), '-0.30'],
    ['csvAmountCell treats anything else as text', csvAmountCell('-1+1'), '"\'-1+1"'],
    [
      'markdownCell',
      markdownCell('a|b <img src=x onerror=alert(1)> [x](javascript:y) # *_`\\'),
      'a\\|b &lt;img src=x onerror=alert(1)&gt; \\[x\\](javascript:y) \\# \\*\\_\\`\\\\',
    ],
    ['xmlText', xmlText('a]]>\u0000\u001b"\'&<'), 'a]]&gt;\\x00\\x1b&quot;&apos;&amp;&lt;'],
    ['githubMessage', githubMessage(['100% of "a\nb"', 'hint: c']), '100%25 of "a\\nb"%0Ahint: c'],
    ['githubProperty', githubProperty('a:b,c%\r\n\u001b\\n'), 'a%3Ab%2Cc%25%0D%0A\\x1b\\n'],
    ['jsonText', jsonText({ a: '\u009b\u202e\u0001' }), '{"a":"\\u009b\\u202e\\u0001"}'],
    ['yamlString', yamlString('a\nb: c\u0085\u007f'), '"a\\nb: c\\u0085\\u007f"'],
  ])('%s', (_, actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('every output format is safe for its reader, whatever the names', () => {
  it('visible and terminalText are one line, hold nothing raw and are undone exactly', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        for (const shown of [visible(text), terminalText(text)]) {
          expect(shown).not.toMatch(RAW);
          expect(shown).not.toMatch(/\n/);
          expect(unescapeVisible(shown)).toBe(text);
          expect(readBack(shown)).toBe(text); // the tests' own reader, written from the README
        }
        expect(visible(text)).toBe(shownAs(text)); // and the tests' own model of the escapes
        expect(terminalText(text).trimStart().startsWith(':')).toBe(false);
        expect(csvTextCell(text)).not.toMatch(/^"?[=+\-@\t\r]/);
        expect(csvAmountCell('-0.3')).toBe('-0.3');
      }),
      { seed: SEED, numRuns: RUNS * 20 },
    );
  });

  it('check: table, JSON, GitHub annotations, JUnit XML', () => {
    const documents: string[] = [];
    const seen = { checked: 0, invalid: 0 };
    fc.assert(
      fc.property(cases, (c) => {
        const { report } = checked(c);
        seen[report.verdict === 'invalid' ? 'invalid' : 'checked']++;
        // terminal
        expectSafeLines(report.verdict === 'invalid' ? invalidToText(report, plain) : checkToTable(report, plain));
        // JSON: parses, gives every value back exactly
        const json = [...fileJsonPieces(report)].join('');
        expectSafeLines(json);
        const parsed = JSON.parse(`{"files": [${json}]}`).files[0];
        expect(parsed.file).toBe(c.file);
        if (report.verdict !== 'invalid')
          expect(parsed.partners.map((p: { partner: string }) => p.partner)).toEqual(c.partners);
        expect(parsed.findings.map((f: { message: string }) => f.message)).toEqual(
          report.findings.map((f) => f.message),
        );
        // GitHub: one annotation per finding, nothing else
        const github = githubLines(report);
        expectSafeLines(github, true);
        expect(github.split('\n').filter(Boolean)).toHaveLength(report.findings.length);
        for (const line of github.split('\n').filter(Boolean)) expect(line).toMatch(ANNOTATION);
        // JUnit: only XML 1.0 characters; names come back
        const xml = junitDocument([junitSuite(report)]);
        expect(xml).not.toMatch(
          /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]|[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/u,
        );
        expectSafeLines(xml);
        const names = [...xml.matchAll(/<testcase classname="([^"]*)" name="([^"]*)"/g)].map((m) => [
          xmlDecode(m[1]!),
          xmlDecode(m[2]!),
        ]);
        expect(names.every(([file]) => file === c.file)).toBe(true);
        if (report.verdict !== 'invalid')
          expect(names.map(([, name]) => name).slice(0, c.partners.length)).toEqual(c.partners);
        documents.push(xml);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // both paths are taken: files that read, and files refused (on stderr, as one JUnit error case)
    expect(seen.checked).toBeGreaterThanOrEqual(RUNS / 4);
    expect(seen.invalid).toBeGreaterThanOrEqual(Math.min(1, RUNS / 20));
    // a real XML parser reads every document (one process for all of them)
    if (xmllint) {
      const lint = spawnSync(
        'sh',
        ['-c', 'for f in "$@"; do printf "%s" "$f" | xmllint --noout - || exit 1; done', 'sh', ...documents],
        { encoding: 'utf8' },
      );
      expect(lint.stderr).toBe('');
      expect(lint.status).toBe(0);
    } else {
      console.warn(
        'skipped: xmllint is not installed; the JUnit documents were checked for XML 1.0 characters only (in CI this fails)',
      );
    }
  }, 60_000);

  it('report: table, Markdown, CSV and JSON', () => {
    let reported = 0;
    fc.assert(
      fc.property(cases, (c) => {
        const { summary } = checked(c);
        if (!summary) return;
        reported++;
        const title = c.project;
        expectSafeLines(reportToTable(summary, plain, 'en', 2, title));
        expectSafeLines(reportToTable(summary, makeStyle(true), 'lv', 2, title).replace(/\u001b\[[0-9;]*m/g, ''));
        // Markdown: one line per row, the header's cells in every row, the names back
        const md = reportToMarkdown(summary, 'en', 2, title);
        expectSafeLines(md);
        expect(md).not.toMatch(/[<>]/);
        const lines = md.split('\n');
        expect(lines[0]!.startsWith('# ')).toBe(true);
        expect(lines.filter((line) => /^#/.test(line))).toHaveLength(
          lines.filter((line) => /^#{1,2} /.test(line)).length,
        );
        const start = lines.indexOf('## Partners and sources') + 2;
        const rows = lines.slice(start, lines.indexOf('', start));
        const width = mdCells(rows[0]!).length;
        for (const row of rows) expect(mdCells(row)).toHaveLength(width);
        expect(rows.slice(2, 2 + c.partners.length).map((row) => mdDecode(mdCells(row)[0]!))).toEqual(
          summary.partners.map((p) => p.partner),
        );
        // CSV: parses into the columns; text neutralised, amounts decimal strings
        const csv = reportToCsv(summary, 2);
        expectSafeLines(csv);
        const records: string[][] = parseCsv(csv);
        for (const record of records.slice(1)) {
          expect(record).toHaveLength(7);
          for (const [i, cell] of record.entries()) {
            if (i === 2 || i === 6) expect(cell).toMatch(/^-?\d+\.\d\d$/);
            else expect(cell).not.toMatch(/^[=+\-@\t\r]/);
          }
        }
        // JSON: parses, names back exactly, nothing raw
        const json = reportToJsonText(summary, 2);
        expectSafeLines(json);
        expect(JSON.parse(json).partners.map((p: { partner: string }) => p.partner)).toEqual(
          summary.partners.map((p) => p.partner),
        );
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(reported).toBeGreaterThanOrEqual(RUNS / 4);
  }, 60_000);

  it('extract: the YAML it writes reads back as the budget, whatever the document and file name', () => {
    let written = 0;
    fc.assert(
      fc.property(hostile, hostile, hostile, (name, before, after) => {
        const document = `${before}\nProjekta budžets EUR\n12 758, no tā 85% ERAF finansējums EUR\n10 844 ${after}\nun 15% pašvaldības finansējums EUR 1 914.\nCiti: EUR\n5 000 ${after}`;
        const result = extractBudget(document);
        if (!result.budget || result.funding.length === 0) return;
        written++;
        const yaml = extractionToYaml(result, name);
        expectSafeLines(yaml);
        const parsed = parseYaml(yaml);
        expect(parsed.source).toBe(name);
        expect(
          Object.keys(parsed).every((key) => ['currency', 'budget', 'funding', 'project', 'source'].includes(key)),
        ).toBe(true);
        // cofin check - reads it: no syntax error and no key it did not mean, whatever it says of the figures
        // (an empty file name is an empty `source`, which the format refuses as such)
        try {
          expect([...checkBudgetStream(loadBudget({ text: yaml, format: 'yaml' })).partners]).toHaveLength(1);
        } catch (error) {
          if (!(error instanceof CofinError)) throw error;
          expect([error.code, error.message]).toEqual(['wrong-type', 'source is empty']);
        }
        const json = extractionToJsonText(result);
        expectSafeLines(json);
        expect(JSON.parse(json).budget.value).toBe(result.budget.value.toFixed());
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(written).toBeGreaterThanOrEqual(RUNS / 2);
  }, 60_000);
});
