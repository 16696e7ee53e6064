// Start-up bench: wall time of cofin commands against `node -e 0`, run
// interleaved in the same session so the ratios share the machine's state.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = process.env.COFIN_BIN ?? fileURLToPath(new URL('../bin/cofin.cjs', import.meta.url));
const fixture = fileURLToPath(new URL('../fixtures/ventspils-digital-centre.yaml', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

export const startupCases = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'cofin --version', args: [bin, '--version'] },
  {
    name: 'cofin split (table)',
    args: [bin, 'split', 'EUR 12 758', 'erdf=85%', 'municipal=10%', 'state=5%', '--unit', '1'],
  },
  {
    name: 'cofin split (json)',
    args: [bin, 'split', '12758', 'erdf=85%', 'municipal=10%', 'state=5%', '--unit', '1', '--format', 'json'],
  },
  { name: 'cofin check (founding example)', args: [bin, 'check', fixture] },
];
// COFIN_BEFORE: an older build's check of the same file, interleaved with the rest
if (process.env.COFIN_BEFORE)
  startupCases.push({
    name: 'before: cofin check (founding example)',
    args: [process.env.COFIN_BEFORE, 'check', fixture],
  });

function timeOnce(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)] };
};

export function benchStartup(runs = RUNS) {
  const times = startupCases.map(() => /** @type {number[]} */ ([]));
  for (let i = 0; i < 3; i++) startupCases.forEach((c) => timeOnce(c.args)); // warm the file cache
  for (let r = 0; r < runs; r++) startupCases.forEach((c, i) => times[i].push(timeOnce(c.args)));
  const base = stats(times[0]);
  return startupCases.map((c, i) => {
    const s = stats(times[i]);
    return {
      name: c.name,
      runs,
      minMs: +s.min.toFixed(1),
      medianMs: +s.median.toFixed(1),
      ratio: +(s.median / base.median).toFixed(2),
    };
  });
}
