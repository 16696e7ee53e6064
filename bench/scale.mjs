// Scale bench: cofin against its floors on generated inputs (deterministic seed).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const bin = join(here, '..', 'bin', 'cofin.cjs');
const SEED = 20261126;
const FILES = Number(process.env.BENCH_FILES ?? 10_000);
const PARTNERS = Number(process.env.BENCH_PARTNERS ?? 100_000);

function random(seed) {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
}

/** Writes the inputs once per seed and size into the temporary folder. */
export function generate() {
  const dir = join(tmpdir(), `cofin-bench-${SEED}-${FILES}-${PARTNERS}`);
  if (existsSync(join(dir, 'done-v3'))) return dir;
  const next = random(SEED);
  const budget = () => String(1000 + Math.floor(next() * 1_000_000));
  mkdirSync(join(dir, 'files'), { recursive: true });
  for (let i = 0; i < FILES; i++) {
    writeFileSync(join(dir, 'files', `p${String(i).padStart(5, '0')}.json`), JSON.stringify({ partner: `Partner ${i}`, budget: budget(), funding: { erdf: '85%', national: 'rest' } }));
  }
  const partners = Array.from({ length: PARTNERS }, (_, i) => ({ partner: `Partner ${i}`, country: 'LV', budget: budget(), funding: { erdf: '85%', national: 'rest' } }));
  writeFileSync(join(dir, 'partners.json'), JSON.stringify({ currency: 'EUR', partners }));
  writeFileSync(join(dir, 'partners.csv'), ['partner;country;budget;erdf;national', ...partners.map((p) => `${p.partner};LV;${p.budget};85%;rest`)].join('\n') + '\n');
  const doc = readFileSync(join(here, '..', 'fixtures', 'documents', 'ventspils-digital-centre.txt'), 'utf8');
  const filler = 'Partneri tikās 11. un 12. februārī, lai apspriestu projekta gaitu un nākamās fāzes uzdevumus. ';
  let text = doc;
  while (text.length < 1_000_000) text += filler.repeat(20) + '\n';
  writeFileSync(join(dir, 'document.txt'), text);
  // a document dense with figures: every sentence a partner's funding
  let dense = '';
  for (let i = 0; dense.length < 1_000_000; i++) dense += `Partneris ${i} saņem ERAF finansējumu EUR ${budget()} un pašvaldības līdzfinansējumu 15 % apmērā. `;
  writeFileSync(join(dir, 'figures.txt'), dense);
  // what check exists for: budgets with cents, three sources each declaring its agreeing amount
  const declared = Array.from({ length: PARTNERS }, (_, i) => {
    const cents = BigInt(100_000 + Math.floor(next() * 100_000_000));
    const amounts = largestRemainderCents(cents, [85n, 10n, 5n]);
    const euros = (c) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;
    return { partner: `Partner ${i}`, country: 'LV', budget: euros(cents), funding: { erdf: { rate: '85%', amount: euros(amounts[0]) }, municipal: { rate: '10%', amount: euros(amounts[1]) }, state: { rate: '5%', amount: euros(amounts[2]) } } };
  });
  writeFileSync(join(dir, 'declared.json'), JSON.stringify({ currency: 'EUR', partners: declared }));
  writeFileSync(join(dir, 'done-v3'), '');
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
  const sources = (count, rate, indent) => Array.from({ length: count }, (_, i) => `${indent}s${i}: { name: S${i}, rate: "${rate(i)}" }\n`).join('');
  const block = `funding: &f\n${sources(2000, () => '0,05%', '    ')}partners:\n`;
  const users = (count) => Array.from({ length: count }, (_, i) => `  - { partner: P${i}, budget: 1 000 000, funding: *f }\n`).join('');
  // a 2 000-source block shared by 160 partners (960 000 values, under the bound) and by 1 000 (past it: one error)
  writeFileSync(join(dir, 'alias-160.yaml'), block + users(160));
  writeFileSync(join(dir, 'alias-1000.yaml'), block + users(1000));
  // 1 000 alias uses in a 100 000-partner file: each use once walked the whole document
  const lines = Array.from({ length: 100_000 }, (_, i) => `  - { partner: P${i}, budget: 1 000${i % 100 === 0 ? ', funding: *f' : ''} }\n`);
  writeFileSync(join(dir, 'alias-uses.yaml'), `funding: &f { erdf: 85%, national: rest }\npartners:\n${lines.join('')}`);
  // one partner with 5 000 sources; 20 000 sources with a zero-amount warning each (a place found for each)
  writeFileSync(join(dir, 'sources-5000.yaml'), `partner: X\nbudget: 1 000 000\nfunding:\n${sources(5000, () => '0,02%', '  ')}`);
  const zero = (i) => (i === 0 ? '100%' : '0%');
  writeFileSync(join(dir, 'sources-20000.json'), JSON.stringify({ partner: 'X', budget: '1000000', funding: Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`s${i}`, { name: `S${i}`, rate: zero(i) }])) }));
  // the same in a table, one of its 5 000 names with a wide character
  writeFileSync(join(dir, 'sources-wide.yaml'), `partner: X\nbudget: 1 000 000\nfunding:\n${Array.from({ length: 5000 }, (_, i) => `  s${i}: { name: "S${i === 4999 ? ' 中' : i}", rate: "0,02%" }\n`).join('')}`);
  // one mapping of 100 000 sources: the YAML parser's duplicate-key check compared each key with every earlier one
  writeFileSync(join(dir, 'sources-100000.yaml'), `partner: X\nbudget: 1 000 000\nfunding:\n${sources(100_000, () => '0,001%', '  ')}`);
  writeFileSync(join(dir, 'done-bounded-v2'), '');
}

/** The founding rule, written out for the generator: shares of a budget in cents, by largest remainder, ties to the earlier. */
function largestRemainderCents(cents, rates) {
  const exact = rates.map((r) => cents * r); // in 1/100 of a cent
  const floors = exact.map((e) => e / 100n);
  let left = cents - floors.reduce((a, b) => a + b, 0n);
  const order = exact.map((e, i) => [e % 100n, i]).sort((a, b) => (b[0] > a[0] ? 1 : b[0] < a[0] ? -1 : a[1] - b[1]));
  for (const [, i] of order) if (left-- > 0n) floors[i] += 1n;
  return floors;
}

function run(args, allowed = 1) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['-r', join(here, 'rss.cjs'), ...args], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const rss = Number(/__RSS_KB__ (\d+)/.exec(result.stderr.toString())?.[1] ?? 0) / 1024;
  if (result.status === null || result.status > allowed) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr.toString().slice(0, 500)}`);
  return { ms, rss };
}

function median(args, runs, allowed) {
  const results = Array.from({ length: runs }, () => run(args, allowed)).sort((a, b) => a.ms - b.ms);
  return { ms: results[Math.floor(runs / 2)].ms, rss: Math.max(...results.map((r) => r.rss)) };
}

function bounded(dir, floors) {
  generateBounded(dir);
  const at = (name) => join(dir, name);
  return [
    { name: 'extract 10 000 amounts in one clause', cofin: [bin, 'extract', at('clause.txt'), '--format', 'json'], floor: [floors, 'text', at('clause.txt')] },
    { name: 'extract 1 MB: one clause of 100 000 amounts', cofin: [bin, 'extract', at('clause-1mb.txt')], floor: [floors, 'text', at('clause-1mb.txt')] },
    { name: 'YAML: a 2 000-source block aliased by 160 partners', cofin: [bin, 'check', at('alias-160.yaml'), '--format', 'json'], floor: [floors, 'yaml', at('alias-160.yaml')] },
    { name: 'YAML: the same block aliased by 1 000 partners (error)', cofin: [bin, 'check', at('alias-1000.yaml'), '--format', 'json'], floor: [floors, 'yaml', at('alias-1000.yaml')], exit: 2 },
    { name: 'YAML: 1 000 alias uses among 100 000 partners', cofin: [bin, 'check', at('alias-uses.yaml'), '--format', 'json'], floor: [floors, 'yaml', at('alias-uses.yaml')] },
    { name: 'one partner with 5 000 sources (YAML)', cofin: [bin, 'check', at('sources-5000.yaml'), '--format', 'json'], floor: [floors, 'yaml', at('sources-5000.yaml')] },
    { name: 'one partner with 100 000 sources (YAML)', cofin: [bin, 'check', at('sources-100000.yaml'), '--format', 'json'], floor: [floors, 'yaml', at('sources-100000.yaml')] },
    { name: 'one partner with 20 000 sources, a warning each (JSON)', cofin: [bin, 'check', at('sources-20000.json'), '--format', 'json'], floor: [floors, 'json-any', at('sources-20000.json')] },
    { name: '5 000-row table, one wide character (table)', cofin: [bin, 'check', at('sources-wide.yaml')], floor: [floors, 'yaml', at('sources-wide.yaml')] },
  ];
}

export function benchScale(runs = Number(process.env.BENCH_SCALE_RUNS ?? 3)) {
  const dir = generate();
  const floors = join(here, 'floors.mjs');
  const cases = [
    { name: `check ${FILES} files`, cofin: [bin, 'check', join(dir, 'files'), '--format', 'json'], floor: [floors, 'json-folder', join(dir, 'files')], goal: 3 },
    { name: `check ${PARTNERS} partners (JSON)`, cofin: [bin, 'check', join(dir, 'partners.json'), '--format', 'json'], floor: [floors, 'json', join(dir, 'partners.json')], goal: 4 },
    { name: `check ${PARTNERS} partners, cents, 3 declared amounts (JSON)`, cofin: [bin, 'check', join(dir, 'declared.json'), '--format', 'json'], floor: [floors, 'json', join(dir, 'declared.json')], goal: 4 },
    { name: `check ${PARTNERS} partners (CSV)`, cofin: [bin, 'check', join(dir, 'partners.csv'), '--format', 'json'], floor: [floors, 'csv', join(dir, 'partners.csv')], goal: 4 },
    { name: 'extract 1 MB of text', cofin: [bin, 'extract', join(dir, 'document.txt')], floor: [floors, 'text', join(dir, 'document.txt')], goal: undefined },
    { name: 'extract 1 MB of figures', cofin: [bin, 'extract', join(dir, 'figures.txt'), '--format', 'json'], floor: [floors, 'text', join(dir, 'figures.txt')], goal: undefined },
    // bounded cost (issue 11): each ends in seconds, or with one clear error (exit 2)
    ...bounded(dir, floors),
  ];
  const only = process.env.BENCH_CASES && new RegExp(process.env.BENCH_CASES, 'i');
  return cases.filter((c) => !only || only.test(c.name)).map((c) => {
    const floor = median(c.floor, runs, 0); // a floor that fails is no floor
    const cofin = median(c.cofin, runs, c.exit ?? 1);
    return {
      name: c.name,
      cofinMs: Math.round(cofin.ms),
      floorMs: Math.round(floor.ms),
      ratio: +(cofin.ms / floor.ms).toFixed(1),
      goal: c.goal ?? null,
      peakMiB: Math.round(cofin.rss),
    };
  });
}
