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

/** The founding rule, written out for the generator: shares of a budget in cents, by largest remainder, ties to the earlier. */
function largestRemainderCents(cents, rates) {
  const exact = rates.map((r) => cents * r); // in 1/100 of a cent
  const floors = exact.map((e) => e / 100n);
  let left = cents - floors.reduce((a, b) => a + b, 0n);
  const order = exact.map((e, i) => [e % 100n, i]).sort((a, b) => (b[0] > a[0] ? 1 : b[0] < a[0] ? -1 : a[1] - b[1]));
  for (const [, i] of order) if (left-- > 0n) floors[i] += 1n;
  return floors;
}

function run(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['-r', join(here, 'rss.cjs'), ...args], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const rss = Number(/__RSS_KB__ (\d+)/.exec(result.stderr.toString())?.[1] ?? 0) / 1024;
  if (result.status === null || result.status > 1) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr.toString().slice(0, 500)}`);
  return { ms, rss };
}

function median(args, runs) {
  const results = Array.from({ length: runs }, () => run(args)).sort((a, b) => a.ms - b.ms);
  return { ms: results[Math.floor(runs / 2)].ms, rss: Math.max(...results.map((r) => r.rss)) };
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
  ];
  return cases.map((c) => {
    const floor = median(c.floor, runs);
    const cofin = median(c.cofin, runs);
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
