// The floors cofin's scale figures are measured against: reading the same
// bytes and parsing them the cheapest way, summing with plain numbers.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const [kind, path] = process.argv.slice(2);
let total = 0;
if (kind === 'json-folder') {
  for (const name of readdirSync(path).sort())
    total += Number(JSON.parse(readFileSync(join(path, name), 'utf8')).budget);
} else if (kind === 'json') {
  for (const p of JSON.parse(readFileSync(path, 'utf8')).partners) total += Number(p.budget);
} else if (kind === 'csv') {
  for (const line of readFileSync(path, 'utf8').split('\n').slice(1)) if (line) total += Number(line.split(';')[2]);
} else if (kind === 'text') {
  for (const match of readFileSync(path, 'utf8').matchAll(/EUR ([0-9 ]+)/g))
    total += Number(match[1].replace(/ /g, ''));
} else if (kind === 'json-any') {
  // any JSON: parse it and visit every value
  const visit = (value) => (value && typeof value === 'object' ? Object.values(value).forEach(visit) : (total += 1));
  visit(JSON.parse(readFileSync(path, 'utf8')));
} else if (kind === 'yaml') {
  // the YAML library cofin reads with: the file parsed into its nodes, aliases left as they are (no duplicate-key check: the library's compares every pair of keys)
  const { parseDocument } = await import('yaml');
  const doc = parseDocument(readFileSync(path, 'utf8'), { schema: 'failsafe', uniqueKeys: false });
  total += doc.errors.length;
} else if (kind === 'parse' || kind === 'output') {
  // floor 1 (issue 17): read, parse with the library a plain script would use, loop over the partners
  const format = process.argv[4] ?? path.replace(/^.*\./, '');
  const partners = await readPartners(path, format);
  if (kind === 'parse') for (const p of partners) total += String(p.budget).length;
  // floor 2: floor 1, the shares in BigInt and the JSON of an output of the same shape, written out
  else process.stdout.write(`${JSON.stringify(checkOutput(path, partners), null, 2)}\n`);
} else {
  throw new Error(`unknown floor ${kind}`);
}

/** The partners of a file as plain objects ({ partner, country, budget, funding }), however written. */
async function readPartners(path, format) {
  if (format === 'json') return JSON.parse(readFileSync(path, 'utf8')).partners;
  if (format === 'yaml') {
    const { parse } = await import('yaml');
    return parse(readFileSync(path, 'utf8')).partners;
  }
  if (format === 'csv') {
    const { parse } = await import('csv-parse/sync');
    const [head, ...rows] = parse(readFileSync(path, 'utf8'), { delimiter: ';' });
    return rows.map((row) => ({
      partner: row[0],
      country: row[1],
      budget: row[2],
      funding: Object.fromEntries(head.slice(3).map((id, i) => [id, row[3 + i]])),
    }));
  }
  if (format === 'json-folder' || format === 'yaml-folder') {
    const { parse } = await import('yaml');
    const read = format === 'json-folder' ? (text) => JSON.parse(text) : (text) => parse(text);
    return readdirSync(path)
      .sort()
      .map((name) => read(readFileSync(join(path, name), 'utf8')));
  }
  throw new Error(`unknown format ${format}`);
}

function cents(text) {
  const plain = String(text).replace(/ /g, '').replace(',', '.');
  const [whole, part = ''] = plain.split('.');
  return BigInt(whole) * 100n + BigInt(part.padEnd(2, '0'));
}
function money(c, decimals = 2) {
  const sign = c < 0n ? '-' : '';
  const a = c < 0n ? -c : c;
  const unit = 10n ** BigInt(decimals);
  return decimals === 0 ? `${sign}${a}` : `${sign}${a / unit}.${String(a % unit).padStart(decimals, '0')}`;
}

/** What `cofin check --format json` says of the file, its keys and sizes, the shares by largest remainder in BigInt. */
function checkOutput(file, partners) {
  const out = partners.map((p) => {
    const budget = cents(p.budget);
    // a CSV cell holds a rate, rest or an amount; a JSON or YAML source a rate, { rate, amount } or rest
    const sources = Object.entries(p.funding).map(([id, v]) => {
      const rate = typeof v === 'string' ? (v.endsWith('%') ? v : undefined) : v.rate;
      const amount = typeof v === 'string' ? (v.endsWith('%') || v === 'rest' ? undefined : v) : v.amount;
      return {
        id,
        rest: v === 'rest',
        rate: rate ? BigInt(rate.replace('%', '')) : undefined,
        declared: amount ? cents(amount) : undefined,
      };
    });
    const exact = sources.map((s) => (s.rate === undefined ? (s.declared ?? 0n) * 100n : budget * s.rate)); // in 1/100 of a cent
    const floors = exact.map((e) => e / 100n);
    const rest = sources.findIndex((s) => s.rest);
    if (rest >= 0) floors[rest] = budget - floors.reduce((a, b) => a + b, 0n);
    let left = budget - floors.reduce((a, b) => a + b, 0n);
    const order = exact
      .map((e, i) => /** @type {[bigint, number]} */ ([e % 100n, i]))
      .sort((a, b) => (b[0] > a[0] ? 1 : b[0] < a[0] ? -1 : a[1] - b[1]));
    for (const [, i] of order) if (left-- > 0n) floors[i] += 1n;
    return {
      partner: p.partner,
      country: p.country ?? null,
      budget: money(budget),
      currency: 'EUR',
      unit: '0.01',
      method: 'largest-remainder',
      costs: null,
      shares: sources.map((s, i) => ({
        id: s.id,
        name: s.id.toUpperCase(),
        kind: 'eu-fund',
        rate: s.rate === undefined ? null : String(s.rate),
        derivedRate: null,
        exact: money(rest === i ? floors[i] * 100n : exact[i], 4),
        computed: money(floors[i]),
        declared: s.declared === undefined ? null : money(s.declared),
        difference: s.declared === undefined ? null : money(s.declared - floors[i]),
        status: s.declared === undefined ? 'undeclared' : s.declared === floors[i] ? 'ok' : 'mismatch',
      })),
    };
  });
  return {
    schemaVersion: 1,
    files: [{ file, verdict: 'pass', partners: out, findings: [] }],
    summary: { files: 1, passed: 1, failed: 0, invalid: 0 },
  };
}
if (Number.isNaN(total)) process.exit(1);
