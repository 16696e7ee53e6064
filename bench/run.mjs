// `npm run bench`: start-up and scale, each as medians with ratios measured in
// the same run; prints tables and writes bench/results.json.
// BENCH_ONLY=startup|scale runs one part; BENCH_FILES, BENCH_PARTNERS and BENCH_ROWS size the inputs;
// BENCH_CASES (a pattern of case names) runs some cases, the extract and bounded-cost ones only when named;
// COFIN_BIN benches another build on the same inputs.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { benchStartup } from './startup.mjs';
import { benchScale } from './scale.mjs';

const only = process.env.BENCH_ONLY;
const file = new URL('./results.json', import.meta.url);
// a part run alone keeps the other part's last figures
const previous = (only || process.env.BENCH_CASES) && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
const results = { ...previous, date: new Date().toISOString(), node: process.version };
if (only !== 'scale') {
  results.startup = benchStartup();
  console.table(results.startup);
}
if (only !== 'startup') {
  const scale = benchScale();
  // BENCH_CASES runs some of the cases: the others keep their last figures
  const fresh = new Map(scale.map((c) => [c.name, c]));
  results.scale =
    process.env.BENCH_CASES && previous.scale
      ? [
          ...previous.scale.map((c) => fresh.get(c.name) ?? c),
          ...scale.filter((c) => !previous.scale.some((p) => p.name === c.name)),
        ]
      : scale;
  console.table(results.scale);
}
writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
