// Scale bench: cofin against its floors on generated inputs (deterministic seed).
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, statSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { random, SEED, SHAPES, writeFolder, writeProgramme, writeShape } from './shapes.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
// COFIN_BIN benches another build (an older release's bin/cofin.cjs) on the same inputs
const bin = process.env.COFIN_BIN ?? join(here, '..', 'bin', 'cofin.cjs');
const FILES = Number(process.env.BENCH_FILES ?? 10_000);
const PARTNERS = Number(process.env.BENCH_PARTNERS ?? 100_000);
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);

/** Writes the inputs once per seed and size into the temporary folder. */
export function generate() {
  const dir = join(tmpdir(), `cofin-bench-${SEED}-${FILES}-${PARTNERS}`);
  for (const shape of SHAPES) writeShape(dir, shape, PARTNERS);
  for (const shape of ['cents', 'declared']) for (const ext of ['json', 'yaml']) writeFolder(dir, shape, ext, FILES);
  if (existsSync(join(dir, 'done-text-v1'))) return dir;
  const next = random(SEED);
  const budget = () => String(1000 + Math.floor(next() * 1_000_000));
  const doc = readFileSync(join(here, '..', 'fixtures', 'documents', 'ventspils-digital-centre.txt'), 'utf8');
  const filler = 'Partneri tikās 11. un 12. februārī, lai apspriestu projekta gaitu un nākamās fāzes uzdevumus. ';
  let text = doc;
  while (text.length < 1_000_000) text += filler.repeat(20) + '\n';
  writeFileSync(join(dir, 'document.txt'), text);
  // a document dense with figures: every sentence a partner's funding
  let dense = '';
  for (let i = 0; dense.length < 1_000_000; i++)
    dense += `Partneris ${i} saņem ERAF finansējumu EUR ${budget()} un pašvaldības līdzfinansējumu 15 % apmērā. `;
  writeFileSync(join(dir, 'figures.txt'), dense);
  writeFileSync(join(dir, 'done-text-v1'), '');
  return dir;
}

/** The bounded-cost inputs (issue 11): dense clauses, aliased blocks, one partner with thousands of sources. */
export function generateBounded(dir) {
  if (existsSync(join(dir, 'done-bounded-v2'))) return;
  mkdirSync(dir, { recursive: true });
  // 10 000 amounts in one clause (100 KB): one sentence, no full stop, no separator
  writeFileSync(join(dir, 'clause.txt'), 'EUR 1 234 '.repeat(10_000));
  // 1 MB of one clause, every figure the same source's
  writeFileSync(join(dir, 'clause-1mb.txt'), `ERAF ${'EUR 1 234 '.repeat(100_000)}`);
  const sources = (count, rate, indent) =>
    Array.from({ length: count }, (_, i) => `${indent}s${i}: { name: S${i}, rate: "${rate(i)}" }\n`).join('');
  const block = `funding: &f\n${sources(2000, () => '0,05%', '    ')}partners:\n`;
  const users = (count) =>
    Array.from({ length: count }, (_, i) => `  - { partner: P${i}, budget: 1 000 000, funding: *f }\n`).join('');
  // a 2 000-source block shared by 160 partners (960 000 values, under the bound) and by 1 000 (past it: one error)
  writeFileSync(join(dir, 'alias-160.yaml'), block + users(160));
  writeFileSync(join(dir, 'alias-1000.yaml'), block + users(1000));
  // 1 000 alias uses in a 100 000-partner file: each use once walked the whole document
  const lines = Array.from(
    { length: 100_000 },
    (_, i) => `  - { partner: P${i}, budget: 1 000${i % 100 === 0 ? ', funding: *f' : ''} }\n`,
  );
  writeFileSync(
    join(dir, 'alias-uses.yaml'),
    `funding: &f { erdf: 85%, national: rest }\npartners:\n${lines.join('')}`,
  );
  // one partner with 5 000 sources; 20 000 sources with a zero-amount warning each (a place found for each)
  writeFileSync(
    join(dir, 'sources-5000.yaml'),
    `partner: X\nbudget: 1 000 000\nfunding:\n${sources(5000, () => '0,02%', '  ')}`,
  );
  const zero = (i) => (i === 0 ? '100%' : '0%');
  writeFileSync(
    join(dir, 'sources-20000.json'),
    JSON.stringify({
      partner: 'X',
      budget: '1000000',
      funding: Object.fromEntries(
        Array.from({ length: 20_000 }, (_, i) => [`s${i}`, { name: `S${i}`, rate: zero(i) }]),
      ),
    }),
  );
  // the same in a table, one of its 5 000 names with a wide character
  writeFileSync(
    join(dir, 'sources-wide.yaml'),
    `partner: X\nbudget: 1 000 000\nfunding:\n${Array.from({ length: 5000 }, (_, i) => `  s${i}: { name: "S${i === 4999 ? ' 中' : i}", rate: "0,02%" }\n`).join('')}`,
  );
  // one mapping of 100 000 sources: the YAML parser's duplicate-key check compared each key with every earlier one
  writeFileSync(
    join(dir, 'sources-100000.yaml'),
    `partner: X\nbudget: 1 000 000\nfunding:\n${sources(100_000, () => '0,001%', '  ')}`,
  );
  writeFileSync(join(dir, 'done-bounded-v2'), '');
}

/** One run of a command: wall time, peak memory, and the size of what it wrote. */
function run(command, allowed = 1) {
  const [program, ...args] =
    command[0] === 'python3' ? command : [process.execPath, '-r', join(here, 'rss.cjs'), ...command];
  const outFile = join(tmpdir(), `cofin-bench-out-${process.pid}`);
  const out = openSync(outFile, 'w');
  const start = process.hrtime.bigint();
  const result = spawnSync(program, args, { stdio: ['ignore', out, 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  closeSync(out);
  const bytes = statSync(outFile).size;
  const rss = Number(/__RSS_KB__ (\d+)/.exec(result.stderr.toString())?.[1] ?? 0) / 1024;
  if (result.status === null || result.status > allowed)
    throw new Error(`${command.join(' ')} exited ${result.status}: ${result.stderr.toString().slice(0, 500)}`);
  return { ms, rss, bytes };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs a case's commands in turn, `runs` times (interleaved: each median shares the machine's moments with the others). */
function measure(commands, runs) {
  const results = commands.map(() => []);
  for (let r = 0; r < runs; r++) commands.forEach(([command, allowed], i) => results[i].push(run(command, allowed)));
  return results.map((rs) => ({
    ms: median(rs.map((x) => x.ms)),
    rss: Math.max(...rs.map((x) => x.rss)),
    bytes: rs[0].bytes,
  }));
}

function bounded(dir, floors) {
  generateBounded(dir);
  const at = (name) => join(dir, name);
  return [
    {
      name: 'extract 10 000 amounts in one clause',
      cofin: [bin, 'extract', at('clause.txt'), '--format', 'json'],
      floor: [floors, 'text', at('clause.txt')],
    },
    {
      name: 'extract 1 MB: one clause of 100 000 amounts',
      cofin: [bin, 'extract', at('clause-1mb.txt')],
      floor: [floors, 'text', at('clause-1mb.txt')],
    },
    {
      name: 'YAML: a 2 000-source block aliased by 160 partners',
      cofin: [bin, 'check', at('alias-160.yaml'), '--format', 'json'],
      floor: [floors, 'yaml', at('alias-160.yaml')],
    },
    {
      name: 'YAML: the same block aliased by 1 000 partners (error)',
      cofin: [bin, 'check', at('alias-1000.yaml'), '--format', 'json'],
      floor: [floors, 'yaml', at('alias-1000.yaml')],
      exit: 2,
    },
    {
      name: 'YAML: 1 000 alias uses among 100 000 partners',
      cofin: [bin, 'check', at('alias-uses.yaml'), '--format', 'json'],
      floor: [floors, 'yaml', at('alias-uses.yaml')],
    },
    {
      name: 'one partner with 5 000 sources (YAML)',
      cofin: [bin, 'check', at('sources-5000.yaml'), '--format', 'json'],
      floor: [floors, 'yaml', at('sources-5000.yaml')],
    },
    {
      name: 'one partner with 100 000 sources (YAML)',
      cofin: [bin, 'check', at('sources-100000.yaml'), '--format', 'json'],
      floor: [floors, 'yaml', at('sources-100000.yaml')],
    },
    {
      name: 'one partner with 20 000 sources, a warning each (JSON)',
      cofin: [bin, 'check', at('sources-20000.json'), '--format', 'json'],
      floor: [floors, 'json-any', at('sources-20000.json')],
    },
    {
      name: '5 000-row table, one wide character (table)',
      cofin: [bin, 'check', at('sources-wide.yaml')],
      floor: [floors, 'yaml', at('sources-wide.yaml')],
    },
  ];
}

export function benchScale(runs = Number(process.env.BENCH_SCALE_RUNS ?? 3)) {
  const dir = generate();
  const floors = join(here, 'floors.mjs');
  const peer = join(here, 'peer.py');
  const python = spawnSync('python3', ['--version']).status === 0;
  const at = (name) => join(dir, name);
  const k = (n) => (n >= 1000 ? `${n / 1000}k` : String(n));
  const shapeName = {
    whole: 'whole euros, 85% + rest',
    cents: 'cents, 3 rates',
    declared: 'cents, 3 rates + declared amounts',
    wrong: 'declared, 1 in 4 wrong',
  };
  /**
   * A case: cofin's command against its floors (a command, or a function that makes one when the case runs).
   * @typedef {object} ScaleCase
   * @property {string} name
   * @property {string[] | (() => string[])} cofin
   * @property {string[] | (() => string[])} floor1
   * @property {string[] | (() => string[])} [floor2]
   * @property {string[]} [peer] a peer program (Python) on the same file
   * @property {'floor1' | 'floor2'} [against] the floor the goal is a ratio to
   * @property {number} [goal] the ratio to reach; a case without one runs only when BENCH_CASES names it
   * @property {number} [exit] cofin's expected exit code, when not 0 or 1
   */
  /** @type {ScaleCase[]} */
  const cases = [];
  for (const format of ['json', 'csv', 'yaml']) {
    for (const shape of SHAPES) {
      const file = at(`partners-${shape}.${format}`);
      const name = `check ${k(PARTNERS)} ${format.toUpperCase()} ${shapeName[shape]}`;
      const exit = shape === 'wrong' ? 1 : 0;
      // YAML's goal is against the yaml package's own parse: 2x; other inputs 4x floor 1, JSON output 2x floor 2
      cases.push({
        name: `${name} (github)`,
        cofin: [bin, 'check', file, '--format', 'github'],
        floor1: [floors, 'parse', file],
        peer: python && format === 'json' && shape !== 'whole' ? ['python3', peer, file] : undefined,
        goal: format === 'yaml' ? 2 : 4,
        against: 'floor1',
        exit,
      });
      cases.push({
        name: `${name} (json)`,
        cofin: [bin, 'check', file, '--format', 'json'],
        floor1: [floors, 'parse', file],
        floor2: [floors, 'output', file],
        goal: 2,
        against: 'floor2',
        exit,
      });
    }
  }
  const declared = at('partners-declared.json');
  cases.push({
    name: `check ${k(PARTNERS)} JSON declared (table)`,
    cofin: [bin, 'check', declared],
    floor1: [floors, 'parse', declared],
    goal: 4,
    against: 'floor1',
  });
  cases.push({
    name: `check ${k(PARTNERS)} JSON declared (junit)`,
    cofin: [bin, 'check', declared, '--format', 'junit'],
    floor1: [floors, 'parse', declared],
    goal: 4,
    against: 'floor1',
  });
  for (const shape of ['cents', 'declared']) {
    for (const ext of ['json', 'yaml']) {
      const folder = at(`files-${shape}-${ext}`);
      cases.push({
        name: `check ${k(FILES)} ${ext.toUpperCase()} files, ${shapeName[shape]} (github)`,
        cofin: [bin, 'check', folder, '--format', 'github'],
        floor1: [floors, 'parse', folder, `${ext}-folder`],
        goal: 3,
        against: 'floor1',
      });
    }
  }
  for (const format of ['table', 'json', 'csv']) {
    cases.push({
      name: `report ${k(PARTNERS)} JSON declared (${format})`,
      cofin: [bin, 'report', declared, '--format', format],
      floor1: [floors, 'parse', declared],
      floor2: format === 'json' ? [floors, 'output', declared] : undefined,
      goal: format === 'json' ? 2 : 4,
      against: format === 'json' ? 'floor2' : 'floor1',
    });
  }
  const programme = () => writeProgramme(dir, ROWS);
  cases.push({
    name: `check ${k(ROWS)}-row CSV (github)`,
    cofin: () => [bin, 'check', programme(), '--format', 'github'],
    floor1: () => [floors, 'parse', programme()],
    goal: 4,
    against: 'floor1',
  });
  cases.push({
    name: `report ${k(ROWS)}-row CSV (csv)`,
    cofin: () => [bin, 'report', programme(), '--format', 'csv'],
    floor1: () => [floors, 'parse', programme()],
    goal: 4,
    against: 'floor1',
  });
  cases.push(
    {
      name: 'extract 1 MB of text',
      cofin: [bin, 'extract', at('document.txt')],
      floor1: [floors, 'text', at('document.txt')],
    },
    {
      name: 'extract 1 MB of figures',
      cofin: [bin, 'extract', at('figures.txt'), '--format', 'json'],
      floor1: [floors, 'text', at('figures.txt')],
    },
    // bounded cost (issue 11): each ends in seconds, or with one clear error (exit 2)
    ...bounded(at('bounded'), floors).map(({ floor, ...c }) => ({ ...c, floor1: floor })),
  );
  // the extract and bounded-cost cases run when BENCH_CASES names them: they keep `npm run bench` under ten minutes
  const only = process.env.BENCH_CASES && new RegExp(process.env.BENCH_CASES, 'i');
  return cases
    .filter((c) => (only ? only.test(c.name) : c.goal !== undefined))
    .map((c) => {
      const command = (x) => (typeof x === 'function' ? x() : x);
      // a floor that fails is no floor
      const cofinCommand = command(c.cofin);
      // COFIN_BEFORE: an older build run on the same case, interleaved, for before-and-after figures of one run
      const before =
        process.env.COFIN_BEFORE && cofinCommand[0] === bin
          ? [[process.env.COFIN_BEFORE, ...cofinCommand.slice(1)], c.exit ?? 1]
          : undefined;
      const commands = [
        [command(c.floor1), 0],
        c.floor2 && [command(c.floor2), 0],
        c.peer && [c.peer, 0],
        before,
        [cofinCommand, c.exit ?? 1],
      ].filter(Boolean);
      const measured = measure(commands, runs);
      const cofin = measured.at(-1);
      const beforeRun = before ? measured.at(-2) : undefined;
      const floor1 = measured[0];
      const floor2 = c.floor2 ? measured[1] : undefined;
      const peerRun = c.peer ? measured[c.floor2 ? 2 : 1] : undefined;
      const against = c.against === 'floor2' ? floor2 : floor1;
      const ratio = +(cofin.ms / against.ms).toFixed(2);
      const row = {
        name: c.name,
        cofinMs: Math.round(cofin.ms),
        floor1Ms: Math.round(floor1.ms),
        floor2Ms: floor2 ? Math.round(floor2.ms) : null,
        peerMs: peerRun ? Math.round(peerRun.ms) : null,
        ratio,
        against: c.against ?? 'floor1',
        goal: c.goal ?? null,
        met: c.goal === undefined ? null : ratio <= c.goal && cofin.rss <= 200 && (!peerRun || cofin.ms < peerRun.ms),
        peakMiB: Math.round(cofin.rss),
        outMB: +(cofin.bytes / 1e6).toFixed(1),
        ...(beforeRun
          ? {
              beforeMs: Math.round(beforeRun.ms),
              beforeRatio: +(beforeRun.ms / against.ms).toFixed(2),
              beforePeakMiB: Math.round(beforeRun.rss),
            }
          : {}),
      };
      console.error(
        `${row.name}: ${row.cofinMs} ms, ${row.ratio}x ${row.against}, ${row.peakMiB} MiB${beforeRun ? ` (before: ${row.beforeMs} ms, ${row.beforeRatio}x, ${row.beforePeakMiB} MiB)` : ''}`,
      );
      return row;
    });
}
