// The floors cofin's scale figures are measured against: reading the same
// bytes and parsing them the cheapest way, summing with plain numbers.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const [kind, path] = process.argv.slice(2);
let total = 0;
if (kind === 'json-folder') {
  for (const name of readdirSync(path).sort()) total += Number(JSON.parse(readFileSync(join(path, name), 'utf8')).budget);
} else if (kind === 'json') {
  for (const p of JSON.parse(readFileSync(path, 'utf8')).partners) total += Number(p.budget);
} else if (kind === 'csv') {
  for (const line of readFileSync(path, 'utf8').split('\n').slice(1)) if (line) total += Number(line.split(';')[2]);
} else if (kind === 'text') {
  for (const match of readFileSync(path, 'utf8').matchAll(/EUR ([0-9 ]+)/g)) total += Number(match[1].replace(/ /g, ''));
} else if (kind === 'json-any') {
  // any JSON: parse it and visit every value
  const visit = (value) => (value && typeof value === 'object' ? Object.values(value).forEach(visit) : (total += 1));
  visit(JSON.parse(readFileSync(path, 'utf8')));
} else if (kind === 'yaml') {
  // the YAML library cofin reads with: the file parsed into its nodes, aliases left as they are (no duplicate-key check: the library's compares every pair of keys)
  const { parseDocument } = await import('yaml');
  const doc = parseDocument(readFileSync(path, 'utf8'), { schema: 'failsafe', uniqueKeys: false });
  total += doc.errors.length;
} else {
  throw new Error(`unknown floor ${kind}`);
}
if (Number.isNaN(total)) process.exit(1);
