// The shapes of budget files users have (issue 17), generated from a fixed
// seed: the bench runs them at scale, test/outputs.test.ts small.
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export const SEED = 20261126;

export function random(seed) {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** The founding rule, written out for the generator: shares of a budget in cents, by largest remainder, ties to the earlier. */
export function largestRemainderCents(cents, rates) {
  const exact = rates.map((r) => cents * r); // in 1/100 of a cent
  const floors = exact.map((e) => e / 100n);
  let left = cents - floors.reduce((a, b) => a + b, 0n);
  const order = exact.map((e, i) => [e % 100n, i]).sort((a, b) => (b[0] > a[0] ? 1 : b[0] < a[0] ? -1 : a[1] - b[1]));
  for (const [, i] of order) if (left-- > 0n) floors[i] += 1n;
  return floors;
}

const point = (c) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;
/** 1234567.89 as a Latvian spreadsheet writes it: 1 234 567,89 */
const comma = (c) => `${String(c / 100n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${String(c % 100n).padStart(2, '0')}`;
// ERDF at 80%: a share declared as an amount stays under the 85% warning
const SOURCES = [
  ['erdf', 80n],
  ['municipal', 15n],
  ['state', 5n],
];

/**
 * One partner of a shape: `whole` (whole euros, erdf 85% and national rest,
 * the old bench's), `cents` (three rate-only sources), `declared` (the same,
 * each source declaring its agreeing amount), `wrong` (declared, one partner
 * in four with ERDF's amount one euro off).
 */
function partner(shape, i, next) {
  if (shape === 'whole')
    return { partner: `Partner ${i}`, country: 'LV', whole: BigInt(1000 + Math.floor(next() * 1_000_000)) };
  const cents = BigInt(100_000 + Math.floor(next() * 100_000_000));
  const amounts = largestRemainderCents(
    cents,
    SOURCES.map(([, r]) => r),
  );
  if (shape === 'wrong' && i % 4 === 3) amounts[0] += 100n;
  return { partner: `Partner ${i}`, country: 'LV', cents, amounts: shape === 'cents' ? undefined : amounts };
}

function jsonPartner(p) {
  if (p.whole !== undefined)
    return {
      partner: p.partner,
      country: p.country,
      budget: String(p.whole),
      funding: { erdf: '85%', national: 'rest' },
    };
  const funding = Object.fromEntries(
    SOURCES.map(([id, rate], k) => [id, p.amounts ? { rate: `${rate}%`, amount: point(p.amounts[k]) } : `${rate}%`]),
  );
  return { partner: p.partner, country: p.country, budget: point(p.cents), funding };
}

/** YAML as a person writes it: block partners, flow sources, spaced thousands and decimal commas. */
function yamlPartner(p) {
  if (p.whole !== undefined)
    return `  - partner: ${p.partner}\n    country: ${p.country}\n    budget: ${p.whole}\n    funding: { erdf: 85%, national: rest }\n`;
  const sources = SOURCES.map(([id, rate], k) =>
    p.amounts ? `      ${id}: { rate: ${rate}%, amount: "${comma(p.amounts[k])}" }\n` : `      ${id}: ${rate}%\n`,
  ).join('');
  return `  - partner: ${p.partner}\n    country: ${p.country}\n    budget: ${comma(p.cents)}\n    funding:\n${sources}`;
}

/** CSV as Latvian Excel saves it (`;`, decimal commas); a cell holds a rate or an amount, so declared shapes give amounts. */
function csvHeader(shape) {
  return shape === 'whole'
    ? 'partner;country;budget;erdf;national'
    : `partner;country;budget;${SOURCES.map(([id]) => id).join(';')}`;
}
function csvRow(p) {
  if (p.whole !== undefined) return `${p.partner};${p.country};${p.whole};85%;rest`;
  const cells = SOURCES.map(([, rate], k) => (p.amounts ? comma(p.amounts[k]) : `${rate}%`));
  return `${p.partner};${p.country};${comma(p.cents)};${cells.join(';')}`;
}

export const SHAPES = ['whole', 'cents', 'declared', 'wrong'];

/** Writes `partners-SHAPE.{json,yaml,csv}` with `count` partners into `dir` (once). */
export function writeShape(dir, shape, count) {
  const mark = join(dir, `done-${shape}-${count}-v1`);
  if (existsSync(mark)) return;
  mkdirSync(dir, { recursive: true });
  const next = random(SEED + SHAPES.indexOf(shape));
  const partners = Array.from({ length: count }, (_, i) => partner(shape, i, next));
  writeFileSync(
    join(dir, `partners-${shape}.json`),
    JSON.stringify({ currency: 'EUR', partners: partners.map(jsonPartner) }),
  );
  writeFileSync(join(dir, `partners-${shape}.yaml`), `currency: EUR\npartners:\n${partners.map(yamlPartner).join('')}`);
  writeFileSync(join(dir, `partners-${shape}.csv`), `${[csvHeader(shape), ...partners.map(csvRow)].join('\n')}\n`);
  writeFileSync(mark, '');
}

/** A folder of single-partner files (`files-SHAPE-EXT/`), the founding example's shape. */
export function writeFolder(dir, shape, ext, count) {
  const folder = join(dir, `files-${shape}-${ext}`);
  const mark = join(dir, `done-files-${shape}-${ext}-${count}-v1`);
  if (existsSync(mark)) return folder;
  mkdirSync(folder, { recursive: true });
  const next = random(SEED + 10 + SHAPES.indexOf(shape));
  for (let i = 0; i < count; i++) {
    const p = partner(shape, i, next);
    const name = join(folder, `p${String(i).padStart(5, '0')}.${ext}`);
    if (ext === 'json') {
      const { country: _, ...one } = jsonPartner(p);
      writeFileSync(name, JSON.stringify(one, null, 2));
    } else {
      // the partner's lines, out of the list: "  - partner:" and "    budget:" become "partner:" and "budget:"
      writeFileSync(
        name,
        yamlPartner(p)
          .replace(/^ {2}- /, '')
          .replace(/^ {4}/gm, '')
          .replace(/^country: .*\n/m, ''),
      );
    }
  }
  writeFileSync(mark, '');
  return folder;
}

/** A programme-scale table: `rows` partners of the `cents` shape (one operation a row). */
export function writeProgramme(dir, rows) {
  const file = join(dir, `programme-${rows}.csv`);
  if (existsSync(`${file}.done`)) return file;
  mkdirSync(dir, { recursive: true });
  const next = random(SEED + 99);
  const lines = [csvHeader('cents')];
  for (let i = 0; i < rows; i++) lines.push(csvRow(partner('cents', i, next)));
  writeFileSync(file, `${lines.join('\n')}\n`);
  writeFileSync(`${file}.done`, '');
  return file;
}
