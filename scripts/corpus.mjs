#!/usr/bin/env node
// Measures `cofin extract` against a corpus of real published documents: by default the
// development corpus fixtures/corpus; `--set holdout` the held-out corpus fixtures/corpus-holdout
// (kept apart to tell whether a change to the reader generalises); `--dir DIR` any folder laid out
// the same way (<id>.txt files and an expected.yaml).
// For every <id>.txt it runs the built CLI (`node bin/cofin.cjs extract FILE --format json`) and
// compares budget, each funding source's rate and amount, and the project total with
// expected.yaml (exact decimal equality after normalising trailing zeros;
// a missing or extra source, rate, amount or total is a difference; a budget marked `stated: false`,
// worked out from the shares, counts as no budget stated).
// Prints one line per document and a last line `corpus: N/M documents exact (lv+en: a/b)`.
// It is a measurement, not a test: it exits 0 whatever the score (2 for an unknown option).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'cofin.cjs');

/** The named corpora; `--set NAME` picks one, `--dir DIR` any other folder. */
const SETS = {
  dev: join(root, 'fixtures', 'corpus'),
  holdout: join(root, 'fixtures', 'corpus-holdout'),
};

function usage(problem) {
  console.error(`corpus: ${problem}`);
  console.error(`  hint: node scripts/corpus.mjs [--set ${Object.keys(SETS).join('|')}] [--dir DIR]`);
  process.exit(2);
}

/** The corpus folder the arguments name; the development corpus when they name none. */
function corpusFolder(args) {
  let dir = SETS.dev;
  let named = 0;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s) : [arg, undefined];
    if (flag !== '--set' && flag !== '--dir') usage(`unknown option "${arg}"`);
    const value = inline ?? args[++i];
    if (value === undefined || value === '') usage(`${flag} needs a value`);
    if (flag === '--set') {
      if (!Object.hasOwn(SETS, value)) usage(`unknown corpus set "${value}"`);
      dir = SETS[value];
    } else {
      dir = resolve(value);
    }
    named++;
  }
  if (named > 1) usage('give one of --set and --dir');
  if (!existsSync(join(dir, 'expected.yaml'))) usage(`no expected.yaml in ${dir}`);
  return dir;
}

const corpusDir = corpusFolder(process.argv.slice(2));

/** A decimal string in a canonical form: no leading '~' or '+', no grouping, no trailing zeros. */
function norm(value) {
  if (value === null || value === undefined) return null;
  let s = String(value).trim();
  if (s === 'rest') return s;
  s = s.replace(/^~/, '').replace(/^\+/, '').replace(/%$/, '').replace(/[\s_]/g, '');
  let sign = '';
  if (s.startsWith('-')) {
    sign = '-';
    s = s.slice(1);
  }
  if (!/^\d+(\.\d+)?$/.test(s)) return sign + s; // not a plain decimal: compare as written
  let [int, frac = ''] = s.split('.');
  int = int.replace(/^0+(?=\d)/, '');
  frac = frac.replace(/0+$/, '');
  const out = frac ? `${int}.${frac}` : int;
  return out === '0' ? '0' : sign + out;
}

/** The value of a figure in the extract JSON: an object {value, …}, a string, or absent. */
function figure(f) {
  if (f === null || f === undefined) return null;
  if (typeof f === 'object') return f.value ?? null;
  return f;
}

function extract(file) {
  const run = spawnSync(process.execPath, [cli, 'extract', file, '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) return { error: run.error.message };
  const out = (run.stdout ?? '').trim();
  if (!out) {
    const why = (run.stderr ?? '').trim().split('\n')[0] || `exit ${run.status}`;
    return { error: `no output (${why})` };
  }
  try {
    return { json: JSON.parse(out) };
  } catch (e) {
    return { error: `unreadable JSON (${e instanceof Error ? e.message : String(e)})` };
  }
}

function compare(expected, json) {
  const diffs = [];
  const same = (a, b) => norm(a) === norm(b);
  const show = (v) => (v === null || v === undefined ? 'none' : norm(v));

  // a budget the document does not state (worked out from the shares, `stated: false`) is no budget read
  const budget = json.budget?.stated === false ? null : figure(json.budget);
  if (!same(expected.budget ?? null, budget ?? null)) {
    diffs.push(`budget ${show(budget)} (expected ${show(expected.budget)})`);
  }

  const want = expected.funding ?? {};
  const got = json.funding ?? {};
  for (const id of Object.keys(want)) {
    if (!(id in got)) {
      diffs.push(`missing source ${id}`);
      continue;
    }
    const w = want[id] ?? {};
    const g = got[id] ?? {};
    for (const key of ['rate', 'amount']) {
      const wv = w[key] ?? null;
      const gv = figure(g[key]);
      if (!same(wv, gv ?? null)) diffs.push(`${id}.${key} ${show(gv)} (expected ${show(wv)})`);
    }
  }
  for (const id of Object.keys(got)) {
    if (!(id in want)) {
      const g = got[id] ?? {};
      const parts = [];
      const r = figure(g.rate);
      const a = figure(g.amount);
      if (r !== null && r !== undefined) parts.push(`rate ${norm(r)}`);
      if (a !== null && a !== undefined) parts.push(`amount ${norm(a)}`);
      const name = g.name ? ` "${g.name}"` : '';
      diffs.push(`extra source ${id}${name}${parts.length ? ` (${parts.join(', ')})` : ''}`);
    }
  }

  const total = figure(json.project?.total);
  if (!same(expected.total ?? null, total ?? null)) {
    diffs.push(`total ${show(total)} (expected ${show(expected.total)})`);
  }
  return diffs;
}

const expectations = parse(readFileSync(join(corpusDir, 'expected.yaml'), 'utf8')) ?? {};
const ids = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -4))
  .sort();

let exact = 0;
let lvEn = 0;
let lvEnExact = 0;
for (const id of ids) {
  const expected = expectations[id];
  if (!expected) {
    console.log(`${id}: no entry in expected.yaml`);
    continue;
  }
  const isLvEn = expected.language === 'lv' || expected.language === 'en';
  if (isLvEn) lvEn++;
  const result = extract(join(corpusDir, `${id}.txt`));
  const diffs = result.error ? [result.error] : compare(expected, result.json);
  if (diffs.length === 0) {
    exact++;
    if (isLvEn) lvEnExact++;
    console.log(`ok ${id}`);
  } else {
    console.log(`${id}: ${diffs.join('; ')}`);
  }
}
console.log(`corpus: ${exact}/${ids.length} documents exact (lv+en: ${lvEnExact}/${lvEn})`);
process.exit(0);
