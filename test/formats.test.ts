// Every --format a command offers is drawn by its own renderer, and a format it does not
// offer (a library caller's string) is refused: never drawn as the table.
import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { main } from '../src/cli.js';
import { CofinError } from '../src/core/errors.js';
import { makeStyle } from '../src/render/colour.js';
import { root } from './e2e/run.js';

function streams() {
  const out: Array<string | Uint8Array> = [];
  const err: string[] = [];
  const io = {
    stdout: { write: (t: string | Uint8Array) => out.push(t), isTTY: false },
    stderr: { write: (t: string) => err.push(t), isTTY: false },
    stdin: new PassThrough(),
    env: {},
    cwd: root,
  };
  const text = () => out.map((t) => (typeof t === 'string' ? t : Buffer.from(t).toString('latin1'))).join('');
  return { io, out, err, text };
}

const budget = 'fixtures/ventspils-digital-centre.yaml';
const claim = 'fixtures/claims/declared.yaml';
const news = 'fixtures/documents/ventspils-digital-centre.txt';

// each command's formats, as its --help lists them (written out here, not read from src/)
const COMMANDS: Array<{ name: string; args: string[]; formats: string[] }> = [
  {
    name: 'split',
    args: ['12758', 'erdf=85%', 'municipal=10%', 'state=5%', '--unit', '1'],
    formats: ['table', 'json', 'csv'],
  },
  { name: 'check', args: [budget], formats: ['table', 'json', 'github', 'junit', 'csv', 'xlsx'] },
  { name: 'report', args: [budget], formats: ['table', 'json', 'csv', 'md', 'xlsx', 'html'] },
  { name: 'claim', args: [claim], formats: ['table', 'json'] },
  { name: 'extract', args: [news], formats: ['yaml', 'json'] },
];

async function run(argv: string[]) {
  const s = streams();
  const code = await main(argv, s.io);
  return { code, stdout: s.text(), stderr: s.err.join('') };
}

describe('output formats', () => {
  it.each(COMMANDS)('cofin $name --help lists exactly its formats', async ({ name, formats }) => {
    const { stdout } = await run([name, '--help']);
    const choices = /--format <format>[\s\S]*?\(choices: ([^)]*)\)/.exec(stdout.replace(/\n\s+/g, ' '))?.[1];
    expect(
      choices
        ?.split(', ')
        .filter((c) => c.startsWith('"'))
        .map((c) => JSON.parse(c) as string),
    ).toEqual(formats);
  });

  it.each(COMMANDS)('cofin $name draws each format its own way, none as another', async ({ name, args, formats }) => {
    const outputs = new Map<string, string>();
    for (const format of formats) {
      const { code, stdout } = await run([name, ...args, '--format', format]);
      expect(code, `${name} --format ${format}`).toBeLessThan(2);
      expect(stdout.length, `${name} --format ${format}`).toBeGreaterThan(0);
      outputs.set(format, stdout);
    }
    expect(new Set(outputs.values()).size).toBe(formats.length);
  });

  it.each(COMMANDS)(
    'cofin $name refuses a format it does not offer, exit 2 and nothing on stdout',
    async ({ name, args, formats }) => {
      const { code, stdout, stderr } = await run([name, ...args, '--format', 'xml']);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(`Allowed choices are ${formats.join(', ')}.`);
    },
  );
});

describe("a library caller's unknown format", () => {
  const style = makeStyle(false);
  const styles = { stdout: style, stderr: style };
  const refusals: Array<[string, (io: ReturnType<typeof streams>['io']) => Promise<unknown>]> = [
    [
      'split',
      async (io) =>
        (await import('../src/commands/split.js')).runSplit(
          { amount: '12758', shares: ['erdf=100%'], format: 'xml' as never },
          io,
          style,
        ),
    ],
    [
      'check',
      async (io) =>
        (await import('../src/commands/check.js')).runCheck(
          { paths: [budget], format: 'xml' as never, strict: false },
          io,
          styles,
        ),
    ],
    [
      'report',
      async (io) =>
        (await import('../src/commands/report.js')).runReport({ file: budget, format: 'xml' as never }, io, style),
    ],
    [
      'claim',
      async (io) =>
        (await import('../src/commands/claim.js')).runClaim({ file: claim, format: 'xml' as never }, io, styles),
    ],
    [
      'extract',
      async (io) =>
        (await import('../src/commands/extract.js')).runExtract(
          { file: news, lang: 'auto', format: 'xml' as never },
          io,
        ),
    ],
  ];

  it.each(refusals)('%s: a usage error naming its formats, nothing written', async (_name, call) => {
    const s = streams();
    const error = await call(s.io).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(CofinError);
    expect((error as CofinError).code).toBe('usage');
    expect((error as CofinError).message).toBe('unknown output format: "xml"');
    expect((error as CofinError).hint).toMatch(/^the formats are table|^the formats are yaml/);
    expect(s.out).toEqual([]);
    expect(s.err).toEqual([]);
  });
});
