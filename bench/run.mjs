// `npm run bench`: start-up and scale, each as medians with ratios measured in
// the same run; prints tables and writes bench/results.json.
// BENCH_ONLY=startup|scale runs one part; BENCH_FILES and BENCH_PARTNERS size the inputs.
import { writeFileSync } from 'node:fs';
import { benchStartup } from './startup.mjs';
import { benchScale } from './scale.mjs';

const only = process.env.BENCH_ONLY;
const results = { date: new Date().toISOString(), node: process.version };
if (only !== 'scale') {
  results.startup = benchStartup();
  console.table(results.startup);
}
if (only !== 'startup') {
  results.scale = benchScale();
  console.table(results.scale);
}
writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');
