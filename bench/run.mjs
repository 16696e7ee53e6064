// `npm run bench`: prints a table of medians and ratios and writes bench/results.json.
import { writeFileSync } from 'node:fs';
import { benchStartup } from './startup.mjs';

const startup = benchStartup();
console.table(startup);
const results = { date: new Date().toISOString(), node: process.version, startup };
writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');
