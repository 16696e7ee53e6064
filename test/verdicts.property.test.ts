// Property tests of cofin's split and check against the independent reference model in
// test/reference/model.ts (written from README.md only). Seeded and bounded:
// FUZZ_SEED=7 FUZZ_RUNS=2000 npx vitest run test/verdicts.property.test.ts runs them longer.
//
// Every generated case is a random "tape" of integers that a deterministic builder reads, so
// fast-check shrinks a failure towards the first (simplest) choice of every decision and prints
// the built case (the spec and the file text), not the tape.
//
// Each property counts the paths its cases reach and asserts a floor after the run; a separate
// test asserts the same floors on the generators alone (model only), so that a failing property
// cannot hide a generator that stopped covering a path.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBudgetFile, parseBudgetFile, split } from '../src/index.js';
import {
  add,
  sum,
  CODES_IN_SCOPE,
  METHODS,
  ReferenceSplitError,
  cmp,
  div,
  eq,
  floorTo,
  isMultiple,
  mul,
  parseDecimal,
  q,
  referenceCheck,
  referenceExact,
  referenceRuleShares,
  referenceSplit,
  roundHalfUpTo,
  sub,
  toDecimalString,
  toFixedString,
  unitDecimals,
  writtenDecimals,
  type Kind,
  type Method,
  type PartnerSpec,
  type Q,
  type Reference,
  type SourceSpec,
} from './reference/model.js';

// ---------------------------------------------------------------- run parameters

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20_260_417;
const RUNS = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : undefined;
const params = (n: number) => ({ seed: SEED, numRuns: RUNS ?? n, endOnFailure: false });
const TIMEOUT = 120_000;

// ---------------------------------------------------------------- the tape

class Tape {
  private i = 0;
  constructor(private readonly xs: readonly number[]) {}
  /** 0..max inclusive; an exhausted tape (or a shrunk one) gives 0 */
  int(max: number): number {
    if (max <= 0) return 0;
    const x = this.xs[this.i++] ?? 0;
    return x % (max + 1);
  }
  big(max: bigint): bigint {
    const a = BigInt(this.int(2 ** 30 - 1));
    const b = BigInt(this.int(2 ** 30 - 1));
    return (a * 2n ** 30n + b) % (max + 1n);
  }
  /** true with probability p; 0 on the tape is false */
  chance(p: number): boolean {
    return this.int(9999) >= 10_000 - Math.round(p * 10_000);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length - 1)]!;
  }
  /** the first entry is what a shrunk tape gives */
  weighted<T>(xs: readonly [number, T][]): T {
    const total = xs.reduce((a, [w]) => a + w, 0);
    let x = this.int(total - 1);
    for (const [w, v] of xs) {
      if (x < w) return v;
      x -= w;
    }
    return xs[0]![1];
  }
}
const tapeArb = fc.noBias(fc.array(fc.nat({ max: 2 ** 31 - 1 }), { minLength: 160, maxLength: 160 }));

// ---------------------------------------------------------------- generators

const WELL_KNOWN: Record<Kind, string[]> = {
  'eu-fund': ['erdf', 'esf', 'cf', 'eafrd', 'interreg'],
  public: ['municipal', 'national'],
  'automatic-public': ['state'],
  private: ['private'],
};
const WELL_KNOWN_IDS = new Set(Object.values(WELL_KNOWN).flat());
const pad2 = (n: number) => String(n).padStart(2, '0');

function genBudget(t: Tape): string {
  const kind = t.weighted<string>([
    [30, 'small'],
    [20, 'cents'],
    [14, 'round'],
    [10, 'tiny'],
    [10, 'huge'],
    [12, 'known'],
    [4, 'onedec'],
  ]);
  switch (kind) {
    case 'small':
      return String(1 + t.int(99_998));
    case 'cents':
      return `${1 + t.int(999_998)}.${pad2(t.int(99))}`;
    case 'round':
      return String((1 + t.int(998)) * t.pick([10, 100, 1000, 10_000]));
    case 'tiny':
      return String(1 + t.int(199));
    case 'huge': {
      const v = 1n + t.big(10n ** 15n - 2n);
      return t.chance(0.5) ? `${v}.${pad2(t.int(99))}` : String(v);
    }
    case 'known':
      return t.pick([
        '12758',
        '1001',
        '5123.12',
        '70828',
        '12704',
        '101',
        '146994',
        '1000',
        '100',
        '12758.10',
        '40000',
      ]);
    default:
      return `${1 + t.int(99_998)}.${t.int(9)}`;
  }
}

function genKinds(t: Tape, n: number): Kind[] {
  if (t.chance(0.14)) return Array.from({ length: n }, () => 'eu-fund');
  return Array.from({ length: n }, () =>
    t.weighted<Kind>([
      [35, 'public'],
      [35, 'eu-fund'],
      [15, 'automatic-public'],
      [15, 'private'],
    ]),
  );
}

/** Splits `total` (in 10^-4 %) into m parts on a grid of G, the last absorbing what is off the grid. */
function splitPool(t: Tape, total: number, m: number, G: number, firstIsEu: boolean): number[] {
  if (m <= 0) return [];
  if (m === 1) return [total];
  const cells = Math.floor(total / G);
  const extra = total - cells * G;
  if (t.chance(0.16) && cells % m === 0) {
    const parts = Array.from({ length: m }, () => (cells / m) * G);
    parts[m - 1]! += extra;
    return parts;
  }
  if (firstIsEu && t.chance(0.35)) {
    const first = Math.min(t.pick([85, 80, 75, 70, 60, 50, 90, 95, 100, 84.9985, 23.26]) * 10_000, total);
    const firstOnGrid = Math.round(first / G) * G <= total ? Math.round(first / G) * G : cells * G;
    return [firstOnGrid, ...splitPool(t, total - firstOnGrid, m - 1, G, false)];
  }
  const cuts = Array.from({ length: m - 1 }, () => t.int(cells)).sort((a, b) => a - b);
  const parts: number[] = [];
  let prev = 0;
  for (const c of cuts) {
    parts.push((c - prev) * G);
    prev = c;
  }
  parts.push((cells - prev) * G + extra);
  return parts;
}

const rateText = (t: Tape, p: number): string => {
  const v = q(BigInt(p), 10_000n);
  let s = toDecimalString(v);
  if (t.chance(0.08)) s = s.includes('.') ? `${s}0` : `${s}.0`; // written with (more) decimals
  return s;
};

interface Style {
  format: 'yaml' | 'json';
  ids: string[];
  names: string[];
  short: boolean[]; // short forms (`erdf: 85%`, `national: rest`) where possible
  commaRates: boolean;
  spaced: boolean;
  jsonNumbers: boolean;
}
interface Case {
  spec: PartnerSpec;
  style: Style;
  /** how the generator meant it: for coverage counting and the properties */
  tags: { mode: 'normal' | 'display'; docRule?: Method; docUnit: string; perturbed: boolean };
}

interface PartnerOptions {
  fixed: boolean; // fixed sources allowed
  declared: boolean; // declared amounts allowed
  rates: 'valid' | 'invalid' | 'any';
  display: boolean; // rate-display documents allowed
  rest?: boolean; // force a rest (true) or none (false)
}

function genIds(t: Tape, kinds: Kind[]): { ids: string[]; names: string[] } {
  const used = new Set<string>();
  const ids = kinds.map((k, i) => {
    if (t.chance(0.3)) {
      const free = WELL_KNOWN[k].filter((id) => !used.has(id));
      if (free.length > 0) {
        const id = t.pick(free);
        used.add(id);
        return id;
      }
    }
    return `s${i + 1}`;
  });
  return { ids, names: ids.map((id) => id.toUpperCase()) };
}

function genStyle(t: Tape, kinds: Kind[]): Style {
  const { ids, names } = genIds(t, kinds);
  const format = t.chance(0.3) ? 'json' : 'yaml';
  return {
    format,
    ids,
    names,
    short: kinds.map(() => t.chance(0.5)),
    commaRates: t.chance(0.12),
    spaced: t.chance(0.15),
    jsonNumbers: format === 'json' && t.chance(0.5),
  };
}

function genPartner(t: Tape, o: PartnerOptions): Case {
  const budget = genBudget(t);
  const B = parseDecimal(budget);
  // a document that follows half-up or fund-down with whole rates, one of which is a rate display
  const mixed = o.display && o.declared && o.rest !== false && t.chance(0.13);
  const unitText = !mixed && t.chance(0.45) ? t.pick(['1', '0.01']) : undefined;
  const method = mixed ? undefined : t.chance(0.5) ? t.pick(METHODS) : undefined;
  let docUnit = unitText ?? (budget.includes('.') && (mixed || t.chance(0.75)) ? '0.01' : t.pick(['1', '0.01']));
  const n = mixed ? 3 + t.int(3) : 2 + t.int(4);
  const kinds = genKinds(t, n);
  const style = genStyle(t, kinds);
  const restIndex = o.rest === false ? -1 : o.rest === true || mixed || t.chance(0.35) ? t.int(n - 1) : -1;
  const hasRest = restIndex >= 0;

  // --- a document whose decimal rates display its amounts (step 9)
  if (!mixed && o.display && o.declared && t.chance(0.14)) {
    if (!isMultiple(B, parseDecimal(docUnit))) docUnit = '0.01';
    const U = parseDecimal(docUnit);
    const d = 1 + t.int(1);
    const cells = div(floorTo(B, U), U).n;
    const cuts = Array.from({ length: n - 1 }, () => t.big(cells)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const amounts: Q[] = [];
    let prev = 0n;
    for (const c of cuts) {
      amounts.push(mul(q(c - prev), U));
      prev = c;
    }
    amounts.push(sub(B, sum(amounts)));
    const allDeclared = t.chance(0.9);
    const sources: SourceSpec[] = kinds.map((kind, i) => {
      const id = style.ids[i]!;
      if (i === restIndex) return { id, kind, rest: true };
      const a = amounts[i]!;
      const exactRate = div(mul(a, q(100n)), B);
      let rate = toFixedString(roundHalfUpTo(exactRate, q(1n, 10n ** BigInt(d))), d);
      if (t.chance(0.15)) rate = toDecimalString(parseDecimal(rate)); // may become a whole number
      const amount = allDeclared || t.chance(0.5) ? toFixedString(a, unitDecimals(U)) : undefined;
      return amount === undefined ? { id, kind, rate } : { id, kind, rate, amount };
    });
    return {
      spec: { budget, unit: unitText, method, sources },
      style,
      tags: { mode: 'display', docUnit, perturbed: false },
    };
  }

  // --- rates (in 10^-4 %), fixed amounts
  const U = parseDecimal(docUnit);
  const fixedIdx = new Set<number>();
  if (o.fixed && t.chance(0.3)) {
    const candidates = kinds.map((_, i) => i).filter((i) => i !== restIndex);
    const count = Math.min(1 + t.int(1), candidates.length - (hasRest ? 0 : 1));
    for (let k = 0; k < count; k++) fixedIdx.add(candidates[t.int(candidates.length - 1)]!);
  }
  const fixedAmount = new Map<number, Q>();
  let fixedPct = 0;
  if (fixedIdx.size > 0) {
    const b = isMultiple(B, U) ? div(B, U).n : 0n;
    const g = b > 0n ? Number(gcdBig(b, 1_000_000n)) : 0;
    const step = g > 0 ? 1_000_000 / g : 0;
    const kmax = step > 0 ? Math.floor(300_000 / step) : 0;
    for (const i of fixedIdx) {
      if (kmax > 0 && !t.chance(0.15)) {
        const P = (1 + t.int(kmax - 1)) * step;
        fixedPct += P;
        fixedAmount.set(i, div(mul(B, q(BigInt(P))), q(1_000_000n)));
      } else {
        // an amount the rates cannot be made to meet exactly (a rest may still take the difference)
        const cells = div(floorTo(div(B, q(4n)), U), U).n;
        fixedAmount.set(i, mul(q(cells > 0n ? BigInt(t.int(Number(cells > 10n ** 12n ? 10n ** 12n : cells))) : 0n), U));
      }
    }
  }
  const G = mixed
    ? 10_000
    : 10 **
      (4 -
        t.weighted<number>([
          [35, 0],
          [10, 1],
          [30, 2],
          [10, 3],
          [15, 4],
        ]));
  const pool = kinds.map((_, i) => i).filter((i) => !fixedIdx.has(i));
  const parts = splitPool(t, 1_000_000 - fixedPct, pool.length, G, kinds[pool[0] ?? 0] === 'eu-fund');
  const pct = new Map<number, number>();
  pool.forEach((i, k) => pct.set(i, parts[k]!));
  const rated = pool.filter((i) => i !== restIndex);
  let perturbed = false;
  const wantInvalid = o.rates === 'invalid' || (o.rates === 'any' && t.chance(0.1));
  if (wantInvalid) {
    if (rated.length > 0) {
      const i = rated[t.int(rated.length - 1)]!;
      const old = pct.get(i)!;
      const delta = t.pick([G, 1, 10_000, 500, 50_000]);
      let nv: number;
      if (hasRest) {
        nv = Math.min(1_000_000, old + (pct.get(restIndex) ?? 0) + delta); // over 100% with what is fixed
      } else {
        nv = old + (t.chance(0.5) ? delta : -delta);
        nv = Math.max(0, Math.min(1_000_000, nv));
        if (nv === old) nv = old === 0 ? G : old - G;
      }
      pct.set(i, nv);
      perturbed = true;
    } else if (fixedIdx.size > 0) {
      const i = [...fixedIdx][0]!;
      fixedAmount.set(i, add(fixedAmount.get(i)!, hasRest ? add(floorTo(B, U), U) : U));
      perturbed = true;
    }
  }

  // --- the sources, then declared amounts
  let sources: SourceSpec[] = kinds.map((kind, i) => {
    const id = style.ids[i]!;
    if (i === restIndex) return { id, kind, rest: true };
    if (fixedIdx.has(i))
      return { id, kind, amount: toFixedString(fixedAmount.get(i)!, unitDecimals(U) + (t.chance(0.1) ? 2 : 0)) };
    return { id, kind, rate: rateText(t, pct.get(i)!) };
  });
  // a fixed amount off the unit, now and then
  if (fixedIdx.size > 0 && docUnit === '1' && t.chance(0.08)) {
    const i = [...fixedIdx][0]!;
    sources[i] = { ...sources[i]!, amount: toFixedString(fixedAmount.get(i)!, 0) + '.50' };
  }
  let docRule: Method | undefined;
  if (o.declared) {
    docRule = mixed
      ? t.pick<Method>(['half-up', 'fund-down'])
      : (method ??
        t.weighted<Method>([
          [30, 'largest-remainder'],
          [35, 'half-up'],
          [35, 'fund-down'],
        ]));
    const bare: PartnerSpec = { budget, sources };
    let ruled = referenceRuleShares(bare, docRule, docUnit);
    const covers = isMultiple(B, U) && !referenceExact(bare).some((e) => cmp(parseDecimal(e), q(0n)) < 0);
    if (ruled.ambiguous || !covers) ruled = referenceRuleShares(bare, 'half-up', docUnit);
    const exact = referenceExact(bare);
    const declareAll = mixed || t.chance(0.7);
    sources = sources.map((s, i) => {
      if (s.rest || s.rate === undefined) return s;
      if (!declareAll && !t.chance(0.6)) return s;
      let v = parseDecimal(ruled.shares[i]!);
      if (t.chance(0.1)) {
        v = sub(v, mul(U, q(BigInt(t.pick([1, -1, 2, -2])))));
        perturbed = true;
      } else if (t.chance(0.03)) {
        v = mul(q(BigInt(t.int(1_000_000))), U);
        perturbed = true;
      } else if (t.chance(0.02)) {
        v = q(0n); // a zero declared beside a share that is not
        perturbed = true;
      } else if (t.chance(0.05)) {
        v = roundHalfUpTo(parseDecimal(exact[i]!), q(1n, 100n)); // the exact share, in cents
        const amount = toFixedString(cmp(v, q(0n)) < 0 ? q(0n) : v, 2);
        return { ...s, amount };
      }
      if (cmp(v, q(0n)) < 0) v = q(0n);
      let dec = unitDecimals(U);
      if (t.chance(0.08))
        dec += dec === 0 ? t.pick([1, 2]) : 2; // written more finely than the unit (never 3 decimals: ambiguous)
      else if (t.chance(0.08)) return { ...s, amount: toDecimalString(v) }; // as short as it goes: "1276", "1275.8"
      return { ...s, amount: toFixedString(v, dec) };
    });
  }
  // one source's rate rewritten as the display of its (moved) declared amount: step 9 beside a rule
  if (o.declared && o.display && (mixed || t.chance(0.12))) {
    const candidates = sources
      .map((_, i) => i)
      .filter((i) => sources[i]!.rate !== undefined && !sources[i]!.rest && sources[i]!.amount !== undefined);
    if (candidates.length > 0) {
      const i = candidates[t.int(candidates.length - 1)]!;
      const s0 = sources[i]!;
      const v = add(parseDecimal(s0.amount!), mul(U, q(BigInt(1 + t.int(2)))));
      const d = 2 + t.int(2);
      // written without trailing zeros, as a display is (R10: "84,90%" would be a prescribed rate)
      const rate = toDecimalString(roundHalfUpTo(div(mul(v, q(100n)), B), q(1n, 10n ** BigInt(d))));
      if (cmp(parseDecimal(rate), q(100n)) <= 0) {
        sources[i] = { ...s0, rate, amount: toFixedString(v, Math.max(writtenDecimals(s0.amount!), unitDecimals(U))) };
        perturbed = true;
        // R11: only amounts that add up bear a display out, so the rest often declares what it takes, its rate the
        // display of that amount (a rest left as it is makes the moved share a mismatch)
        const others = sources.filter((_, k) => k !== restIndex);
        if (mixed && restIndex >= 0 && others.every((s) => s.amount !== undefined) && t.chance(0.7)) {
          const left = sub(B, sum(others.map((s) => parseDecimal(s.amount!))));
          const shown = toDecimalString(roundHalfUpTo(div(mul(left, q(100n)), B), q(1n, 10n ** BigInt(d))));
          if (cmp(left, q(0n)) > 0 && isMultiple(left, U) && shown.includes('.') && !shown.endsWith('0')) {
            const r0 = sources[restIndex]!;
            sources[restIndex] = {
              id: r0.id,
              kind: r0.kind,
              rate: shown,
              amount: toFixedString(left, unitDecimals(U)),
            };
          }
        }
      }
    }
  }
  return {
    spec: { budget, unit: unitText, method, sources },
    style,
    tags: { mode: 'normal', docRule, docUnit, perturbed },
  };
}

function gcdBig(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

// ---------------------------------------------------------------- budget file text

function figureText(s: string, style: Style): string {
  if (!style.spaced) return s;
  const [int, frac] = s.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}
const rateFileText = (r: string, style: Style): string => `${style.commaRates ? r.replace('.', ',') : r}%`;

export function budgetFileText(spec: PartnerSpec, style: Style): string {
  const entries = spec.sources.map((s, i) => {
    const id = s.id;
    const wk = WELL_KNOWN_IDS.has(id);
    const short = wk && style.short[i];
    const obj: Record<string, string | { raw: string }> = {};
    if (s.rest) {
      if (short) return { id, value: 'rest' as const };
      obj.amount = 'rest';
    } else {
      if (s.rate !== undefined) obj.rate = rateFileText(s.rate, style);
      if (s.amount !== undefined) obj.amount = style.jsonNumbers ? { raw: s.amount } : figureText(s.amount, style);
      if (short && s.amount === undefined) return { id, value: obj.rate as string };
    }
    if (!wk || !style.short[i]) {
      obj.kind = s.kind;
      obj.name = style.names[i]!;
    }
    return { id, value: obj };
  });
  const budgetText = figureText(spec.budget, style);
  if (style.format === 'json') {
    const val = (v: string | { raw: string }) => (typeof v === 'string' ? JSON.stringify(v) : v.raw);
    const funding = entries
      .map(({ id, value }) =>
        typeof value === 'string'
          ? `${JSON.stringify(id)}: ${JSON.stringify(value)}`
          : `${JSON.stringify(id)}: { ${Object.entries(value)
              .map(([k, v]) => `${JSON.stringify(k)}: ${val(v)}`)
              .join(', ')} }`,
      )
      .join(',\n    ');
    const rounding: string[] = [];
    if (spec.unit !== undefined) rounding.push(`"unit": ${JSON.stringify(spec.unit)}`);
    if (spec.method !== undefined) rounding.push(`"method": ${JSON.stringify(spec.method)}`);
    return [
      '{',
      '  "currency": "EUR",',
      '  "partner": "P",',
      `  "budget": ${style.jsonNumbers ? spec.budget : JSON.stringify(budgetText)},`,
      ...(rounding.length ? [`  "rounding": { ${rounding.join(', ')} },`] : []),
      `  "funding": {\n    ${funding}\n  }`,
      '}',
      '',
    ].join('\n');
  }
  const y = (v: string | { raw: string }) => JSON.stringify(typeof v === 'string' ? v : v.raw);
  const lines = ['currency: EUR', 'partner: P', `budget: ${JSON.stringify(budgetText)}`];
  const rounding: string[] = [];
  if (spec.unit !== undefined) rounding.push(`unit: ${JSON.stringify(spec.unit)}`);
  if (spec.method !== undefined) rounding.push(`method: ${spec.method}`);
  if (rounding.length) lines.push(`rounding: { ${rounding.join(', ')} }`);
  lines.push('funding:');
  for (const { id, value } of entries) {
    if (typeof value === 'string') lines.push(`  ${id}: ${value === 'rest' ? 'rest' : JSON.stringify(value)}`);
    else
      lines.push(
        `  ${id}: { ${Object.entries(value)
          .map(
            ([k, v]) =>
              `${k}: ${k === 'amount' && v === 'rest' ? 'rest' : k === 'kind' && typeof v === 'string' ? v : y(v)}`,
          )
          .join(', ')} }`,
      );
  }
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------- running cofin

interface CofinCheck {
  verdict: string;
  unit: string;
  method: string;
  computed: string[];
  errors: Set<string>;
  warnings: Set<string>;
  notes: Set<string>;
  messages: { code: string; severity: string; message: string }[];
}
function cofinCheck(text: string): CofinCheck {
  const format = text.startsWith('{') ? 'json' : 'yaml';
  let model: unknown;
  try {
    model = parseBudgetFile(text, format);
  } catch (e) {
    const err = e as { code?: string; message?: string };
    throw new Error(`cofin refused a valid budget file [${err.code}]: ${err.message}\n${text}`);
  }

  let r: any;
  try {
    r = checkBudgetFile(model as any);
  } catch (e) {
    throw new Error(`checkBudgetFile threw ${(e as Error).name}: ${(e as Error).message}\n${text}`);
  }
  const p = r.partners[0];
  const sev = (s: string) =>
    new Set<string>(
      r.findings
        .filter((f: { severity: string; code: string }) => f.severity === s && CODES_IN_SCOPE.has(f.code))
        .map((f: { code: string }) => f.code),
    );
  return {
    verdict: r.verdict,
    unit: p.unit.toFixed(),
    method: p.method,
    computed: p.shares.map((s: { computed: { toFixed(): string } }) => s.computed.toFixed()),
    errors: sev('error'),
    warnings: sev('warning'),
    notes: sev('note'),
    messages: r.findings.map((f: { code: string; severity: string; message: string }) => ({
      code: f.code,
      severity: f.severity,
      message: f.message,
    })),
  };
}
const sorted = (s: Set<string>) => [...s].sort();
const sameValues = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => eq(parseDecimal(x), parseDecimal(b[i]!)));

function describeRef(r: Reference) {
  return {
    unit: r.unit,
    method: r.method,
    computed: r.computed,
    verdict: r.verdict,
    errors: sorted(r.errors),
    warnings: sorted(r.warnings),
    notes: sorted(r.notes),
    ambiguous: r.ambiguous,
  };
}
function describeCofin(c: CofinCheck) {
  return {
    unit: c.unit,
    method: c.method,
    computed: c.computed,
    verdict: c.verdict,
    errors: sorted(c.errors),
    warnings: sorted(c.warnings),
    notes: sorted(c.notes),
  };
}
function fail(what: string, text: string, expected: unknown, actual: unknown): never {
  throw new Error(
    `${what}\n--- file\n${text}--- reference\n${JSON.stringify(expected)}\n--- cofin\n${JSON.stringify(actual)}`,
  );
}

/** Compares cofin's check with the reference; with an ambiguous reference (R3/R4), only what does not depend on it. */
function compareCheck(text: string, ref: Reference, c: CofinCheck, binding: boolean): void {
  if (ref.ambiguous) {
    // a binding rule is used as it is (step 6) whatever the rounding around a fixed amount off the unit
    const pre = (s: Set<string>) =>
      sorted(new Set([...s].filter((x) => x === 'rates-sum' || x === 'budget-unit' || x === 'amount-unit')));
    const e = {
      unit: ref.unit,
      verdict: ref.verdict,
      errors: pre(ref.errors),
      method: binding ? ref.method : undefined,
    };
    const a = { unit: c.unit, verdict: c.verdict, errors: pre(c.errors), method: binding ? c.method : undefined };
    if (JSON.stringify(e) !== JSON.stringify(a))
      fail('check differs from the reference (ambiguous case: unit, verdict, step 2/4 errors)', text, e, a);
    return;
  }
  const e = describeRef(ref);
  const a = describeCofin(c);
  const same =
    eq(parseDecimal(e.unit), parseDecimal(a.unit)) &&
    e.method === a.method &&
    sameValues(e.computed, a.computed) &&
    e.verdict === a.verdict &&
    JSON.stringify([e.errors, e.warnings, e.notes]) === JSON.stringify([a.errors, a.warnings, a.notes]);
  if (!same) fail('check differs from the reference', text, e, a);
}

// ---------------------------------------------------------------- coverage

class Coverage {
  readonly counts = new Map<string, number>();
  runs = 0;
  run(): void {
    this.runs++;
  }
  hit(path: string, cond = true): void {
    if (cond) this.counts.set(path, (this.counts.get(path) ?? 0) + 1);
  }
  /** each path reached in at least `fraction` of the runs (or `min` cases) */
  assert(floors: Record<string, number>): void {
    const report = Object.fromEntries(Object.keys(floors).map((k) => [k, this.counts.get(k) ?? 0]));
    if (process.env.COVERAGE_LOG) console.log(`${this.runs} runs`, Object.fromEntries(this.counts));
    for (const [path, floor] of Object.entries(floors)) {
      // a fraction of the runs, or an absolute minimum (scaled down for short FUZZ_RUNS)
      const need = floor < 1 ? Math.ceil(floor * this.runs) : Math.min(floor, Math.floor(this.runs / 200));
      expect(
        this.counts.get(path) ?? 0,
        `coverage of "${path}" over ${this.runs} runs: ${JSON.stringify(report)}`,
      ).toBeGreaterThanOrEqual(need);
    }
  }
}

function countReference(cov: Coverage, c: Case, ref: Reference): void {
  cov.run();
  for (const m of METHODS) cov.hit(`method ${m}`, ref.method === m);
  cov.hit(
    'rest',
    c.spec.sources.some((s) => s.rest),
  );
  cov.hit(
    'fixed',
    c.spec.sources.some((s) => !s.rest && s.rate === undefined),
  );
  cov.hit('rate-display', ref.notes.has('rate-display'));
  cov.hit('lr tie', ref.info.tie);
  cov.hit('fund-down eu only', ref.method === 'fund-down' && c.spec.sources.every((s) => s.kind === 'eu-fund'));
  cov.hit('mismatch', ref.errors.has('share-mismatch'));
  cov.hit('pass', ref.verdict === 'pass');
  cov.hit('fail', ref.verdict === 'fail');
  cov.hit('rounding-method', ref.notes.has('rounding-method'));
  cov.hit('fallback', ref.info.fallback);
  cov.hit('drift', ref.warnings.has('rounding-drift'));
  cov.hit('binding', c.spec.method !== undefined);
  cov.hit('ambiguous', ref.ambiguous);
  for (const code of ['budget-unit', 'amount-unit', 'sum-mismatch', 'rates-sum'] as const)
    cov.hit(code, ref.errors.has(code));
  for (const code of ['eu-rate-high', 'zero-amount'] as const) cov.hit(code, ref.warnings.has(code));
  cov.hit(`unit ${ref.unit}`);
  cov.hit('unit derived', c.spec.unit === undefined);
  cov.hit('json', c.style.format === 'json');
  cov.hit(
    'written finer than the unit',
    c.spec.sources.some(
      (s) => s.amount !== undefined && !s.rest && writtenDecimals(s.amount) > unitDecimals(parseDecimal(ref.unit)),
    ),
  );
  cov.hit(
    'fallback under a binding rule',
    ref.info.fallback && c.spec.method !== undefined && c.spec.method !== 'half-up',
  );
  cov.hit(
    'fallback, declared, not binding',
    ref.info.fallback &&
      c.spec.method === undefined &&
      c.spec.sources.some((s) => s.rate !== undefined && s.amount !== undefined),
  );
  const exact = referenceExact(c.spec).map(parseDecimal);
  const U = parseDecimal(ref.unit);
  const rested = c.spec.sources.findIndex((s) => s.rest);
  cov.hit('rate-display then another rule', ref.notes.has('rate-display') && ref.notes.has('rounding-method'));
  // R10: a decimal rate that would be a display is prescribed when it ends in a zero or the method is binding
  const decimalRated = c.spec.sources.filter(
    (s) => s.rate !== undefined && s.amount !== undefined && s.rate.includes('.'),
  );
  cov.hit(
    'mismatch at a decimal rate ending in 0',
    ref.errors.has('share-mismatch') && decimalRated.some((s) => s.rate!.endsWith('0')),
  );
  cov.hit(
    'mismatch at a decimal rate, binding',
    ref.errors.has('share-mismatch') && c.spec.method !== undefined && decimalRated.length > 0,
  );
  // R11: beside a rest a decimal rate is prescribed, so a would-be display is a mismatch
  cov.hit(
    'a decimal rate beside a rest, prescribed',
    ref.errors.has('share-mismatch') &&
      rested >= 0 &&
      c.spec.method === undefined &&
      c.tags.mode === 'normal' &&
      c.tags.perturbed &&
      decimalRated.some((s) => !s.rate!.endsWith('0')),
  );
  cov.hit('rate-display, amounts add up', ref.notes.has('rate-display') && rested < 0);
  cov.hit(
    'eu-rate-high of a rest or fixed source',
    c.spec.sources.some(
      (s, i) =>
        s.kind === 'eu-fund' &&
        s.rate === undefined &&
        cmp(mul(parseDecimal(ref.computed[i]!), q(100n)), mul(q(85n), parseDecimal(c.spec.budget))) > 0,
    ),
  );
  cov.hit(
    'zero declared, share not zero',
    c.spec.sources.some(
      (s, i) =>
        s.amount !== undefined &&
        !s.rest &&
        eq(parseDecimal(s.amount), q(0n)) &&
        !eq(parseDecimal(ref.computed[i]!), q(0n)),
    ),
  );
  cov.hit(
    'mixed precisions',
    new Set(c.spec.sources.filter((s) => s.amount !== undefined && !s.rest).map((s) => writtenDecimals(s.amount!)))
      .size > 1,
  );
  cov.hit('tie with a rest', ref.info.tie && rested >= 0);
  cov.hit(
    'fund-down, eu rest and others',
    ref.method === 'fund-down' &&
      rested >= 0 &&
      c.spec.sources[rested]!.kind === 'eu-fund' &&
      c.spec.sources.some((s) => s.kind !== 'eu-fund'),
  );
  // trial 9, F1: every source an EU fund, one of them the rest, rounded down too (the units left drift)
  cov.hit(
    'fund-down, eu only with a rest',
    ref.method === 'fund-down' && rested >= 0 && c.spec.sources.every((s) => s.kind === 'eu-fund'),
  );
  cov.hit(
    'fund-down, eu only with a rest, drift',
    ref.method === 'fund-down' &&
      rested >= 0 &&
      c.spec.sources.every((s) => s.kind === 'eu-fund') &&
      ref.warnings.has('rounding-drift'),
  );
  cov.hit(
    'fund-down with a fixed source',
    ref.method === 'fund-down' && c.spec.sources.some((s) => !s.rest && s.rate === undefined),
  );
  cov.hit(
    'an exact half unit',
    exact.some((e) => eq(sub(e, floorTo(e, U)), mul(U, q(1n, 2n)))),
  );
  cov.hit('huge budget', cmp(parseDecimal(c.spec.budget), q(10n ** 12n)) > 0);
  // where the two readings of step 9 (R6) part
  cov.hit(
    'R6 readings differ',
    JSON.stringify(describeRef(ref)) !==
      JSON.stringify(describeRef(referenceCheck(c.spec, { rateDisplay: 'first-tried-rule' }))),
  );
}

// ---------------------------------------------------------------- arbitraries

const partnerArb = (o: PartnerOptions) => tapeArb.map((xs) => genPartner(new Tape(xs), o));

interface SplitCase {
  budget: string;
  budgetText: string;
  shares: { id: string; kind: Kind; name: string; rate: string /* percent, or 'rest' */ }[];
  unit?: string;
  method?: Method;
}
function genSplit(t: Tape, valid: 'valid' | 'any'): SplitCase {
  const c = genPartner(t, {
    fixed: false,
    declared: false,
    rates: valid === 'valid' ? 'valid' : 'any',
    display: false,
  });
  const unit = t.chance(0.85) ? t.pick(['1', '0.01']) : undefined;
  const method = t.chance(0.85) ? t.pick(METHODS) : undefined;
  const shares = c.spec.sources.map((s, i) => ({
    id: s.id,
    kind: s.kind,
    name: c.style.names[i]!,
    rate: s.rest ? ('rest' as const) : s.rate!,
  }));
  return { budget: c.spec.budget, budgetText: figureText(c.spec.budget, c.style), shares, unit, method };
}
/** Trial 9, F1: fund-down with EU funds only, one of them the rest (which is rounded down too). */
const euOnlyRest = (c: SplitCase) =>
  c.method === 'fund-down' && c.shares.every((s) => s.kind === 'eu-fund') && c.shares.some((s) => s.rate === 'rest');
const splitArb = (valid: 'valid' | 'any') => tapeArb.map((xs) => genSplit(new Tape(xs), valid));

function cofinSplit(c: SplitCase) {
  return split({
    budget: c.budgetText,
    shares: c.shares.map((s) => ({
      id: s.id,
      kind: s.kind,
      name: s.name,
      rate: s.rate === 'rest' ? 'rest' : `${s.rate}%`,
    })),
    ...(c.unit !== undefined ? { unit: c.unit } : {}),
    ...(c.method !== undefined ? { method: c.method } : {}),
    currency: 'EUR',
  });
}
function refSplit(c: SplitCase) {
  return referenceSplit(
    c.budget,
    c.shares.map((s) => ({ id: s.id, kind: s.kind, rate: s.rate })),
    c.unit ?? '0.01',
    c.method ?? 'largest-remainder',
  );
}
const tryRef = (c: SplitCase) => {
  try {
    return refSplit(c);
  } catch (e) {
    if (e instanceof ReferenceSplitError) return e;
    throw e;
  }
};

/** A rated(+rest) partner that split accepts, and the file that declares split's (the reference's) shares. */
interface DeclaredCase {
  split: SplitCase;
  amounts: string[];
  drift: string;
  unitWritten: boolean;
  binding: boolean;
  move?: { index: number; by: number };
}
function genDeclared(t: Tape, withMove: boolean): DeclaredCase | undefined {
  const s = genSplit(t, 'valid');
  s.unit ??= '0.01';
  s.method ??= 'largest-remainder';
  if (!isMultiple(parseDecimal(s.budget), parseDecimal(s.unit)))
    s.budget = toDecimalString(floorTo(parseDecimal(s.budget), parseDecimal(s.unit)));
  if (cmp(parseDecimal(s.budget), q(0n)) <= 0) s.budget = s.unit === '1' ? '1001' : '10.01';
  s.budgetText = s.budget;
  const r = tryRef(s);
  if (r instanceof Error || r.ambiguous) return undefined;
  const unitWritten = t.chance(0.5);
  const binding = t.chance(0.4);
  let move: DeclaredCase['move'];
  if (withMove) {
    const candidates = s.shares.map((_, i) => i).filter((i) => s.shares[i]!.rate !== 'rest');
    const index = candidates[t.int(candidates.length - 1)]!;
    let by = t.chance(0.5) ? 1 : -1;
    if (cmp(sub(parseDecimal(r.amounts[index]!), parseDecimal(s.unit)), q(0n)) < 0) by = 1;
    move = { index, by };
  }
  return { split: s, amounts: r.amounts, drift: r.drift, unitWritten, binding, move };
}
function declaredSpec(d: DeclaredCase): PartnerSpec {
  const U = parseDecimal(d.split.unit!);
  return {
    budget: d.split.budget,
    unit: d.unitWritten ? d.split.unit : undefined,
    method: d.binding ? d.split.method : undefined,
    sources: d.split.shares.map((s, i) => {
      if (s.rate === 'rest') return { id: s.id, kind: s.kind, rest: true as const };
      let v = parseDecimal(d.amounts[i]!);
      if (d.move && d.move.index === i) v = q(v.n * U.d + BigInt(d.move.by) * U.n * v.d, v.d * U.d);
      return { id: s.id, kind: s.kind, rate: s.rate, amount: toFixedString(v, unitDecimals(U)) };
    }),
  };
}
const plainStyle = (spec: PartnerSpec, names: string[]): Style => ({
  format: 'yaml',
  ids: spec.sources.map((s) => s.id),
  names,
  short: spec.sources.map(() => false),
  commaRates: false,
  spaced: false,
  jsonNumbers: false,
});

/** Paths every generated set of check cases must reach: a fraction of the runs, or an absolute minimum. */
const CHECK_FLOORS: Record<string, number> = {
  'method largest-remainder': 0.2,
  'method half-up': 0.1,
  'method fund-down': 0.05,
  rest: 0.15,
  fixed: 0.1,
  'rate-display': 0.02,
  'lr tie': 0.01,
  'fund-down eu only': 0.005,
  mismatch: 0.05,
  pass: 0.15,
  fail: 0.15,
  'rounding-method': 0.02,
  fallback: 0.05,
  drift: 0.01,
  'budget-unit': 0.02,
  'amount-unit': 0.01,
  'sum-mismatch': 0.03,
  'rates-sum': 0.05,
  'eu-rate-high': 0.02,
  'zero-amount': 0.02,
  'unit 1': 0.1,
  'unit 0.01': 0.1,
  'unit derived': 0.2,
  json: 0.1,
  'written finer than the unit': 0.02,
  'fallback under a binding rule': 0.01,
  'fallback, declared, not binding': 0.01,
  'R6 readings differ': 3,
  // R11: with a rest no rate is a display, and without one the displays' fixed amounts leave the rated shares' rounding
  // to step 4 (rates-sum): a display beside another rule's shares is no longer a path, so it has no floor
  'rate-display then another rule': 0,
  'mismatch at a decimal rate ending in 0': 5,
  'mismatch at a decimal rate, binding': 5,
  'a decimal rate beside a rest, prescribed': 5,
  'rate-display, amounts add up': 5,
  'eu-rate-high of a rest or fixed source': 5,
  'zero declared, share not zero': 5,
  'mixed precisions': 0.03,
  'tie with a rest': 3,
  'fund-down, eu rest and others': 5,
  'fund-down with a fixed source': 5,
  'fund-down, eu only with a rest': 5,
  'fund-down, eu only with a rest, drift': 5,
  'an exact half unit': 0.02,
  'huge budget': 0.03,
};

// ================================================================= properties

describe('generators cover every path (model only)', () => {
  it('check cases', () => {
    const cov = new Coverage();
    for (const c of fc.sample(partnerArb({ fixed: true, declared: true, rates: 'any', display: true }), {
      seed: SEED,
      numRuns: 3000,
    })) {
      countReference(cov, c, referenceCheck(c.spec));
    }
    cov.assert(CHECK_FLOORS);
  });
  it('split cases', () => {
    const cov = new Coverage();
    for (const c of fc.sample(splitArb('any'), { seed: SEED, numRuns: 3000 })) {
      cov.run();
      const r = tryRef(c);
      cov.hit('throws', r instanceof Error);
      if (r instanceof Error) continue;
      cov.hit(`method ${c.method ?? 'largest-remainder'}`);
      cov.hit(
        'rest',
        c.shares.some((s) => s.rate === 'rest'),
      );
      cov.hit('lr tie', r.tie);
      cov.hit('fund-down eu only', c.method === 'fund-down' && c.shares.every((s) => s.kind === 'eu-fund'));
      cov.hit('fund-down eu only, a rest', euOnlyRest(c));
      cov.hit('drift', r.drift !== '0');
    }
    cov.assert({
      throws: 0.05,
      'method largest-remainder': 0.15,
      'method half-up': 0.15,
      'method fund-down': 0.15,
      rest: 0.15,
      'lr tie': 0.01,
      'fund-down eu only': 0.01,
      'fund-down eu only, a rest': 5,
      drift: 0.03,
    });
  });
});

describe('split equals the reference', () => {
  it(
    'amounts and drift for valid inputs; throws exactly when the reference does',
    () => {
      const cov = new Coverage();
      fc.assert(
        fc.property(splitArb('any'), (c) => {
          const ref = tryRef(c);
          let got: ReturnType<typeof split> | Error;
          try {
            got = cofinSplit(c);
          } catch (e) {
            got = e as Error;
          }
          cov.run();
          if (ref instanceof Error || got instanceof Error) {
            cov.hit('throws', ref instanceof Error);
            if (got instanceof Error && typeof (got as { code?: unknown }).code !== 'string') {
              throw new Error(`split crashed (${got.name}: ${got.message}), not a CofinError: ${JSON.stringify(c)}`);
            }
            if (!(ref instanceof Error && got instanceof Error)) {
              throw new Error(
                `split ${ref instanceof Error ? 'should throw' : 'should not throw'}: ${JSON.stringify(c)}\nreference: ${ref instanceof Error ? ref.message : JSON.stringify(ref)}\ncofin: ${got instanceof Error ? `${(got as { code?: string }).code} ${got.message}` : JSON.stringify(got.shares.map((s) => s.amount.toFixed()))}`,
              );
            }
            return;
          }
          cov.hit(`method ${c.method ?? 'largest-remainder'}`);
          cov.hit(
            'rest',
            c.shares.some((s) => s.rate === 'rest'),
          );
          cov.hit('lr tie', ref.tie);
          cov.hit('fund-down eu only', c.method === 'fund-down' && c.shares.every((s) => s.kind === 'eu-fund'));
          cov.hit('fund-down eu only, a rest', euOnlyRest(c));
          cov.hit('drift', ref.drift !== '0');
          cov.hit('ambiguous', ref.ambiguous);
          if (ref.ambiguous) return; // R4: the README does not say who takes the remainder
          const amounts = got.shares.map((s) => s.amount.toFixed());
          const drift = got.drift.toFixed();
          if (
            !sameValues(amounts, ref.amounts) ||
            !eq(parseDecimal(drift), parseDecimal(ref.drift)) ||
            got.method !== (c.method ?? 'largest-remainder')
          ) {
            throw new Error(
              `split differs: ${JSON.stringify(c)}\nreference: ${JSON.stringify({ amounts: ref.amounts, drift: ref.drift })}\ncofin: ${JSON.stringify({ amounts, drift, method: got.method })}`,
            );
          }
        }),
        params(3000),
      );
      cov.assert({
        throws: 0.05,
        'method largest-remainder': 0.15,
        'method half-up': 0.15,
        'method fund-down': 0.15,
        rest: 0.15,
        'lr tie': 3,
        'fund-down eu only': 3,
        'fund-down eu only, a rest': 5,
        drift: 0.03,
      });
    },
    TIMEOUT,
  );
});

describe('check equals the reference', () => {
  it(
    'unit, method, computed shares, verdict and finding codes per severity',
    () => {
      const cov = new Coverage();
      fc.assert(
        fc.property(partnerArb({ fixed: true, declared: true, rates: 'any', display: true }), (c) => {
          const text = budgetFileText(c.spec, c.style);
          const ref = referenceCheck(c.spec);
          countReference(cov, c, ref);
          compareCheck(text, ref, cofinCheck(text), c.spec.method !== undefined);
        }),
        params(5000),
      );
      cov.assert(CHECK_FLOORS);
    },
    TIMEOUT,
  );
});

describe('split and check agree', () => {
  it(
    "a rated(+rest) partner with a binding method and unit: check's computed shares are split's amounts",
    () => {
      const cov = new Coverage();
      fc.assert(
        fc.property(splitArb('valid'), (c0) => {
          const c: SplitCase = { ...c0, unit: c0.unit ?? '0.01', method: c0.method ?? 'largest-remainder' };
          const ref = tryRef(c);
          if (ref instanceof Error || ref.ambiguous) return; // split refuses it (a budget off the unit), or R4
          cov.run();
          cov.hit(`method ${c.method}`);
          cov.hit(
            'rest',
            c.shares.some((s) => s.rate === 'rest'),
          );
          cov.hit('lr tie', ref.tie);
          cov.hit('fund-down eu only', c.method === 'fund-down' && c.shares.every((s) => s.kind === 'eu-fund'));
          cov.hit('fund-down eu only, a rest', euOnlyRest(c));
          const got = cofinSplit(c);
          const spec: PartnerSpec = {
            budget: c.budget,
            unit: c.unit,
            method: c.method,
            sources: c.shares.map((s) =>
              s.rate === 'rest'
                ? { id: s.id, kind: s.kind, rest: true as const }
                : { id: s.id, kind: s.kind, rate: s.rate },
            ),
          };
          const text = budgetFileText(
            spec,
            plainStyle(
              spec,
              c.shares.map((s) => s.name),
            ),
          );
          const chk = cofinCheck(text);
          const amounts = got.shares.map((s) => s.amount.toFixed());
          if (!sameValues(chk.computed, amounts) || chk.method !== got.method) {
            fail(
              'check and split give different shares',
              text,
              { split: amounts, method: got.method },
              { check: chk.computed, method: chk.method },
            );
          }
        }),
        params(1500),
      );
      cov.assert({
        'method largest-remainder': 0.15,
        'method half-up': 0.15,
        'method fund-down': 0.15,
        rest: 0.15,
        'lr tie': 2,
        'fund-down eu only': 2,
        'fund-down eu only, a rest': 5,
      });
    },
    TIMEOUT,
  );
});

describe("declaring split's shares", () => {
  it(
    'passes check (unless the shares drift and every source declares an amount); an unbound rule other than largest-remainder is named by rounding-method',
    () => {
      const cov = new Coverage();
      fc.assert(
        fc.property(
          tapeArb.map((xs) => genDeclared(new Tape(xs), false)),
          (d) => {
            if (!d) return;
            const spec = declaredSpec(d);
            const text = budgetFileText(
              spec,
              plainStyle(
                spec,
                d.split.shares.map((s) => s.name),
              ),
            );
            const ref = referenceCheck(spec);
            cov.run();
            cov.hit(`method ${d.split.method}`);
            cov.hit(
              'rest',
              d.split.shares.some((s) => s.rate === 'rest'),
            );
            cov.hit('binding', d.binding);
            cov.hit('named rule', !d.binding && ref.method !== 'largest-remainder');
            cov.hit('earlier rule', !d.binding && ref.method !== d.split.method);
            cov.hit('rate-display', ref.notes.has('rate-display'));
            cov.hit('drift', d.drift !== '0');
            cov.hit('lr tie', ref.info.tie);
            const hasRest = d.split.shares.some((s) => s.rate === 'rest');
            cov.hit('fund-down eu only, a rest', euOnlyRest(d.split));
            cov.hit('drift beside a rest', hasRest && d.drift !== '0');
            // the model itself: split's shares pass exactly when they add up to the budget or a rest states no amount
            // (an EU-fund rest under fund-down drifts: a warning, trial 9 F1), a step-9 rate display, which the
            // README lets override the rule of step 6 (R6), aside
            if (ref.info.converted.length === 0)
              expect(ref.verdict, `model: ${text}`).toBe(d.drift === '0' || hasRest ? 'pass' : 'fail');
            if (d.drift !== '0' && ref.method === d.split.method && ref.info.converted.length === 0)
              expect(ref.warnings.has('rounding-drift'), `model: ${text}`).toBe(true);
            cov.hit('display fails', ref.info.converted.length > 0 && ref.verdict === 'fail');
            if (!d.binding && ref.method !== d.split.method && !ref.notes.has('rate-display')) {
              // another rule reproduces them: it must be an earlier one
              expect(METHODS.indexOf(ref.method), `model: ${text}`).toBeLessThan(METHODS.indexOf(d.split.method!));
            }
            const chk = cofinCheck(text);
            compareCheck(text, ref, chk, spec.method !== undefined);
            if (!d.binding && ref.method !== 'largest-remainder') {
              const named = chk.messages.some((m) => m.code === 'rounding-method' && m.message.includes(ref.method));
              if (!named) fail(`no rounding-method note naming ${ref.method}`, text, describeRef(ref), chk.messages);
            }
          },
        ),
        params(2400),
      );
      cov.assert({
        'method largest-remainder': 0.15,
        'method half-up': 0.15,
        'method fund-down': 0.15,
        rest: 0.15,
        binding: 0.2,
        'named rule': 0.03,
        'fund-down eu only, a rest': 3,
        'drift beside a rest': 3,
        drift: 0.02,
      });
    },
    TIMEOUT,
  );

  it(
    'moving one declared share by one unit fails, unless another rule (rounding-method) or a rate display takes it',
    () => {
      const cov = new Coverage();
      fc.assert(
        fc.property(
          tapeArb.map((xs) => genDeclared(new Tape(xs), true)),
          (d) => {
            if (!d) return;
            const spec = declaredSpec(d);
            const text = budgetFileText(
              spec,
              plainStyle(
                spec,
                d.split.shares.map((s) => s.name),
              ),
            );
            const ref = referenceCheck(spec);
            cov.run();
            cov.hit(`method ${d.split.method}`);
            cov.hit(
              'rest',
              d.split.shares.some((s) => s.rate === 'rest'),
            );
            cov.hit('mismatch', ref.errors.has('share-mismatch'));
            cov.hit('pass', ref.verdict === 'pass');
            cov.hit('rate-display', ref.notes.has('rate-display'));
            cov.hit('other rule', ref.verdict === 'pass' && !ref.notes.has('rate-display'));
            // the model itself: a moved set that passes is explained by another rule (never under a
            // binding one) or by a rate display
            if (ref.verdict === 'pass' && !ref.notes.has('rate-display')) {
              expect(d.binding, `model: ${text}`).toBe(false);
              expect(ref.method, `model: ${text}`).not.toBe(d.split.method);
              expect(ref.notes.has('rounding-method'), `model: ${text}`).toBe(ref.method !== 'largest-remainder');
            }
            const chk = cofinCheck(text);
            compareCheck(text, ref, chk, spec.method !== undefined);
            if (chk.verdict === 'pass' && !chk.notes.has('rate-display')) {
              // another rule: the one check names (rounding-method), or largest-remainder itself
              const named =
                chk.method === 'largest-remainder' ||
                chk.messages.some((m) => m.code === 'rounding-method' && m.message.includes(chk.method));
              if (!named || chk.method === d.split.method || d.binding)
                fail('a moved share passes without another rule or a rate display', text, describeRef(ref), {
                  ...describeCofin(chk),
                  messages: chk.messages,
                });
            }
          },
        ),
        params(2400),
      );
      cov.assert({
        'method largest-remainder': 0.15,
        'method half-up': 0.15,
        'method fund-down': 0.15,
        rest: 0.15,
        mismatch: 0.3,
        pass: 3,
        'other rule': 2,
      });
    },
    TIMEOUT,
  );
});

describe('rates are prescribed', () => {
  it(
    'rates that do not add up to 100% (at most 100% with a rest) never pass (unless step 9 takes them as rate displays)',
    () => {
      const cov = new Coverage();
      fc.assert(
        fc.property(partnerArb({ fixed: true, declared: true, rates: 'invalid', display: false }), (c) => {
          const ref = referenceCheck(c.spec);
          const text = budgetFileText(c.spec, c.style);
          // step 4, as the README words it: the rates may not pass 100%, and what the budget less the
          // rated shares and the fixed amounts leaves must be zero (at least zero with a rest)
          const B = parseDecimal(c.spec.budget);
          const rated = c.spec.sources.filter((s) => !s.rest && s.rate !== undefined);
          const fixed = c.spec.sources.filter((s) => !s.rest && s.rate === undefined);
          const total = sum(rated.map((s) => parseDecimal(s.rate!)));
          const left = sub(sub(B, div(mul(B, total), q(100n))), sum(fixed.map((s) => parseDecimal(s.amount!))));
          const hasRest = c.spec.sources.some((s) => s.rest);
          const hasFixed = fixed.length > 0;
          const off = cmp(total, q(100n)) > 0 || (hasRest ? cmp(left, q(0n)) < 0 : !eq(left, q(0n)));
          if (!off) return; // the perturbation happened to land on a cover
          cov.run();
          cov.hit('rest', hasRest);
          cov.hit('fixed', hasFixed);
          cov.hit('rates-sum', ref.errors.has('rates-sum'));
          cov.hit('rate-display', ref.notes.has('rate-display'));
          cov.hit('strict', !ref.notes.has('rate-display'));
          const chk = cofinCheck(text);
          if (off && !ref.notes.has('rate-display')) {
            expect(ref.verdict, `model: ${text}`).toBe('fail');
            if (chk.verdict === 'pass')
              fail('rates that do not cover the budget pass', text, describeRef(ref), describeCofin(chk));
          }
          compareCheck(text, ref, chk, c.spec.method !== undefined);
        }),
        params(1500),
      );
      cov.assert({ rest: 0.1, fixed: 0.05, 'rates-sum': 0.5, strict: 0.5 });
    },
    TIMEOUT,
  );

  it(
    'a whole-number rate never passes with an amount that does not follow from it',
    () => {
      const cov = new Coverage();
      fc.assert(
        fc.property(
          tapeArb.map((xs) => {
            const t = new Tape(xs);
            const c = genPartner(t, { fixed: true, declared: true, rates: 'any', display: true });
            const whole = c.spec.sources
              .map((_, i) => i)
              .filter(
                (i) =>
                  c.spec.sources[i]!.rate !== undefined &&
                  !c.spec.sources[i]!.rest &&
                  writtenDecimals(c.spec.sources[i]!.rate) === 0,
              );
            if (whole.length === 0) return undefined;
            const i = whole[t.int(whole.length - 1)]!;
            // far from every rule: more units away from the exact share than any rule can move it
            const U = referenceUnitOf(c.spec);
            const exact = parseDecimal(referenceExact(c.spec)[i]!);
            const k = BigInt(c.spec.sources.length + 2 + t.int(50));
            let v = floorTo(exact, U);
            v =
              t.chance(0.5) || cmp(v, mul(U, q(k))) < 0
                ? q(v.n * U.d + k * U.n * v.d, v.d * U.d)
                : sub(v, mul(U, q(k)));
            const dec = Math.max(unitDecimals(U), s0Decimals(c.spec.sources[i]!.amount));
            const sources = c.spec.sources.map((s, j) => (j === i ? { ...s, amount: toFixedString(v, dec) } : s));
            return { ...c, spec: { ...c.spec, sources }, index: i };
          }),
          (c) => {
            if (!c) return;
            const ref = referenceCheck(c.spec);
            const text = budgetFileText(c.spec, c.style);
            cov.run();
            cov.hit(
              'rest',
              c.spec.sources.some((s) => s.rest),
            );
            cov.hit('rate-display', ref.notes.has('rate-display'));
            for (const m of METHODS) cov.hit(`method ${m}`, ref.method === m);
            expect(ref.verdict, `model: ${text}`).toBe('fail');
            const chk = cofinCheck(text);
            if (chk.verdict === 'pass')
              fail(
                'a whole-number rate passes with an amount that does not follow from it',
                text,
                describeRef(ref),
                describeCofin(chk),
              );
            compareCheck(text, ref, chk, c.spec.method !== undefined);
          },
        ),
        params(1500),
      );
      cov.assert({ rest: 0.1, 'method largest-remainder': 0.2, 'method half-up': 0.1, 'method fund-down': 0.05 });
    },
    TIMEOUT,
  );
});

const s0Decimals = (amount: string | undefined) => (amount === undefined ? 0 : writtenDecimals(amount));

/** The unit the reference would use, as a rational. */
function referenceUnitOf(spec: PartnerSpec): Q {
  return parseDecimal(referenceCheck(spec).unit);
}

describe('drift is never hidden', () => {
  it(
    'computed shares add up to the budget, or the findings say why (rounding-drift, rates-sum, budget-unit, amount-unit)',
    () => {
      const cov = new Coverage();
      fc.assert(
        fc.property(partnerArb({ fixed: true, declared: true, rates: 'any', display: true }), (c) => {
          const text = budgetFileText(c.spec, c.style);
          const ref = referenceCheck(c.spec);
          const chk = cofinCheck(text);
          const total = sum(chk.computed.map(parseDecimal));
          const adds = eq(total, parseDecimal(c.spec.budget));
          cov.run();
          cov.hit('adds up', adds);
          cov.hit('drift', !adds);
          cov.hit('reference drift', ref.warnings.has('rounding-drift'));
          const excused = ['rates-sum', 'budget-unit', 'amount-unit'].some((x) => chk.errors.has(x));
          if (!adds && !chk.warnings.has('rounding-drift') && !excused)
            fail('computed shares miss the budget without a finding', text, describeRef(ref), describeCofin(chk));
          if (adds && chk.warnings.has('rounding-drift'))
            fail('rounding-drift reported for shares that add up', text, describeRef(ref), describeCofin(chk));
          // and the reference agrees that there is drift exactly when it reports it
          if (!ref.ambiguous) {
            const rTotal = sum(ref.computed.map(parseDecimal));
            const rExcused = ['rates-sum', 'budget-unit', 'amount-unit'].some((x) => ref.errors.has(x as never));
            expect(
              eq(rTotal, parseDecimal(c.spec.budget)) || ref.warnings.has('rounding-drift') || rExcused,
              `model: ${text}`,
            ).toBe(true);
          }
        }),
        params(2400),
      );
      cov.assert({ 'adds up': 0.5, drift: 0.01, 'reference drift': 0.01 });
    },
    TIMEOUT,
  );
});
