import { CofinError } from './errors.js';
import { Decimal, HUNDRED, sum } from './decimal.js';
import { parseRate } from './rate.js';
import { roundDown } from './unit.js';
import type { CostCategory, CostLine, FlatRate, Located } from './model.js';
import { said, type Said } from './check/said.js';
import { didYouMean } from './near-miss.js';

export type { CostCategory, CostLine, FlatRate } from './model.js';

export const COST_CATEGORIES: Readonly<Record<CostCategory, string>> = {
  staff: 'Staff costs',
  office: 'Office and administration',
  travel: 'Travel and accommodation',
  external: 'External expertise and services',
  equipment: 'Equipment',
  infrastructure: 'Infrastructure and works',
  other: 'Other costs',
  'lump-sums': 'Lump sums',
  'unit-costs': 'Unit costs',
};

/**
 * Simplified costs (Jems's LumpSum and UnitCost buckets): amounts, never a flat rate and never in a flat rate's base
 * (docs/jems-rules.md 2.2).
 */
const SIMPLIFIED: ReadonlySet<CostCategory> = new Set(['lump-sums', 'unit-costs']);

export function isCostCategory(text: string): text is CostCategory {
  return Object.hasOwn(COST_CATEGORIES, text);
}

const FLAT = /^\s*([0-9]+(?:[.,][0-9]+)?\s*%)\s+of\s+(.+?)\s*$/iu;

/** Reads `15% of staff`, `7% of direct`, `15% of staff, travel`; undefined when the text is not a flat rate. */
export function parseFlatRate(text: string, at: Located): FlatRate | undefined {
  const match = FLAT.exec(text);
  if (!match) return undefined;
  const rate = { ...parseRate(match[1]!), text: match[1]!, at };
  const words = match[2]!.split(/\s*,\s*|\s+and\s+/u).map((w) => w.trim().toLowerCase());
  if (words.length === 1 && /^direct(?: costs)?$/.test(words[0]!)) return { rate, base: 'direct' };
  for (const word of words) {
    if (!isCostCategory(word)) {
      const bases = Object.keys(COST_CATEGORIES).filter((c) => !SIMPLIFIED.has(c as CostCategory));
      // a slip of a category's name (`staf`) is said as other unknown names are
      const near = didYouMean(word, [...bases, 'direct']);
      throw new CofinError(
        'bad-rate',
        `"${word}" is not a cost category`,
        near ? `did you mean "${near}"?` : `a flat rate is N% of direct, or of categories: ${bases.join(', ')}`,
        at,
      );
    }
  }
  return { rate, base: words as CostCategory[] };
}

/** The usual ceiling of each flat rate (CPR 2021 art. 54–56, Interreg art. 41). */
const USUAL: { category: CostCategory; base: 'direct' | CostCategory; max: number; rate: string; what: string }[] = [
  { category: 'office', base: 'staff', max: 15, rate: '15%', what: 'office and administration at 15% of staff costs' },
  {
    category: 'office',
    base: 'direct',
    max: 25,
    rate: '7% (or up to 25%)',
    what: 'office and administration at 7% (or up to 25%) of direct costs',
  },
  { category: 'travel', base: 'staff', max: 15, rate: '15%', what: 'travel at 15% of staff costs' },
  { category: 'staff', base: 'direct', max: 20, rate: '20%', what: 'staff at 20% of the other direct costs' },
  { category: 'other', base: 'staff', max: 40, rate: '40%', what: 'other costs at 40% of staff costs' },
];

export interface CostProblem {
  severity: 'error' | 'warning';
  code: 'flat-rate-base' | 'flat-rate-combination' | 'flat-rate-high';
  message: string;
  hint: string;
  at: Located;
  said: Said;
}

export interface CostResult {
  /** The amount of every category, flat rates computed. */
  lines: {
    category: CostCategory;
    name: string;
    amount: Decimal;
    flat: FlatRate | undefined;
    base: Decimal | undefined;
  }[];
  total: Decimal;
  problems: CostProblem[];
}

/** The order Jems computes flat rates in: a flat rate's base may hold the flat rates before it. */
const FLAT_ORDER: readonly CostCategory[] = [
  'staff',
  'travel',
  'external',
  'equipment',
  'infrastructure',
  'office',
  'other',
  'lump-sums',
  'unit-costs',
];

/** The costs the 40% rate of staff covers (CPR art. 56(1), "the remaining eligible costs"). */
const REMAINING: ReadonlySet<CostCategory> = new Set(['office', 'travel', 'external', 'equipment', 'infrastructure']);

/** The direct costs (CPR art. 53-56): office and other costs are not. */
const DIRECT: ReadonlySet<CostCategory> = new Set(['staff', 'travel', 'external', 'equipment', 'infrastructure']);

/**
 * Computes cost categories as Jems does (docs/jems-rules.md, 2.2): flat
 * rates in the order staff, travel, external, equipment, infrastructure,
 * office, other, each rate × base rounded down to the unit, where the base
 * may hold the flat rates computed before it (travel at 15% of a flat-rate
 * staff; office at 7% of direct costs, a flat-rate staff and travel among
 * them). `N% of direct` is every direct cost but the category itself and the
 * flat rates computed after it. A base that names a category twice is an
 * error (the category counted once). Pure.
 */
export function computeCosts(lines: readonly CostLine[], unit: Decimal): CostResult {
  const problems: CostProblem[] = [];
  const flats = lines.filter((l) => l.flat);
  const forty = flats.find((l) => l.category === 'other' && l.flat!.rate.value.eq(40));
  if (forty && flats.length > 1) {
    const otherFlats = flats.filter((l) => l !== forty).map((l) => l.category);
    const others = otherFlats.join(', ');
    problems.push({
      severity: 'error',
      code: 'flat-rate-combination',
      message: `other costs at 40% of staff exclude every other flat rate, but ${others} is a flat rate too`,
      hint: 'the 40% rate covers all costs but staff: write the other categories as amounts, or drop the 40% rate',
      at: forty.at,
      said: said('flat-rate-combination/forty', { others: otherFlats }),
    });
  }
  if (forty) {
    // CPR Article 56(1): the 40% rate covers "the remaining eligible costs", so no other cost is budgeted beside it
    const beside = lines
      .filter((l) => !l.flat && REMAINING.has(l.category) && l.amount && !l.amount.value.isZero())
      .map((l) => l.category);
    if (beside.length > 0)
      problems.push({
        severity: 'warning',
        code: 'flat-rate-combination',
        message:
          `other costs at 40% of staff cover every cost but staff (CPR Article 56(1)), ` +
          `but ${beside.join(', ')} ${beside.length === 1 ? 'is' : 'are'} budgeted beside it`,
        hint: `leave ${beside.join(', ')} out of the budget, or drop the 40% rate and budget the costs as amounts`,
        at: forty.at,
        said: said('flat-rate-combination/remaining', { others: beside }),
      });
  }
  // every amount known so far: the plain ones, then each flat rate as it is computed
  const known = new Map(lines.filter((l) => l.amount).map((l) => [l.category, l.amount!.value]));
  const isFlat = new Set(flats.map((l) => l.category));
  for (const line of flats) {
    if (SIMPLIFIED.has(line.category))
      problems.push({
        severity: 'error',
        code: 'flat-rate-base',
        message:
          `${line.category} is written as a flat rate (${line.flat!.rate.text} of ...), ` +
          `but lump sums and unit costs are amounts`,
        hint: `write ${line.category}: with its amount; it is counted as 0 here`,
        at: line.flat!.rate.at,
        said: said('flat-rate-base/simplified-rate', { line: line.category, rateText: line.flat!.rate.text }),
      });
  }
  const results = new Map<CostLine, { amount: Decimal; base: Decimal }>();
  for (const line of [...flats].sort((a, b) => FLAT_ORDER.indexOf(a.category) - FLAT_ORDER.indexOf(b.category))) {
    const { rate, base } = line.flat!;
    if (SIMPLIFIED.has(line.category)) {
      known.set(line.category, new Decimal(0));
      results.set(line, { amount: new Decimal(0), base: new Decimal(0) });
      continue;
    }
    // the base's categories, each once: a base that names one twice is an error, and does not count it twice
    const categories = base === 'direct' ? undefined : [...new Set(base)];
    let baseAmount: Decimal;
    if (categories === undefined) {
      baseAmount = sum(
        [...known]
          .filter(([category]) => DIRECT.has(category) && category !== line.category)
          .map(([, amount]) => amount),
      );
    } else {
      for (const category of categories) {
        if (base.indexOf(category) !== base.lastIndexOf(category))
          problems.push({
            severity: 'error',
            code: 'flat-rate-base',
            message: `${line.category}: the base names "${category}" twice`,
            hint: `name each category of the base once: ${rate.text} of ${categories.join(', ')}`,
            at: rate.at,
            said: said('flat-rate-base/twice', { line: line.category, category, rateText: rate.text, categories }),
          });
      }
      for (const category of categories) {
        if (SIMPLIFIED.has(category)) {
          problems.push({
            severity: 'error',
            code: 'flat-rate-base',
            message:
              `${line.category} is ${rate.text} of ${category}, but lump sums and unit costs ` +
              `are never in a flat rate's base`,
            hint: `drop ${category} from the base: Jems leaves them out of every flat rate (they count 0 in it here)`,
            at: rate.at,
            said: said('flat-rate-base/simplified', { line: line.category, category, rateText: rate.text }),
          });
        } else if (category === line.category || (isFlat.has(category) && !known.has(category))) {
          problems.push({
            severity: 'error',
            code: 'flat-rate-base',
            message: `${line.category} is a flat rate of ${category}, itself a flat rate computed after it`,
            hint: `a flat rate's base may hold only the flat rates before it: ${FLAT_ORDER.join(', ')}`,
            at: rate.at,
            said: said('flat-rate-base/order', { line: line.category, category, order: FLAT_ORDER }),
          });
        } else if (!known.has(category)) {
          problems.push({
            severity: 'error',
            code: 'flat-rate-base',
            message: `${line.category} is ${rate.text} of ${category}, but there is no ${category} line`,
            hint: `add ${category}: with its amount`,
            at: rate.at,
            said: said('flat-rate-base/missing', { line: line.category, category, rateText: rate.text }),
          });
        }
      }
      if (line.category === 'other' && categories.some((c) => isFlat.has(c) && c === 'staff')) {
        problems.push({
          severity: 'error',
          code: 'flat-rate-combination',
          message: 'other costs on staff costs exclude a flat rate for staff',
          hint:
            'Jems computes no other costs on a flat-rate staff: write staff as an amount, ' +
            'or drop the other costs rate',
          at: rate.at,
          said: said('flat-rate-combination/staff', {}),
        });
      }
      baseAmount = sum(
        categories.map((category) =>
          category === line.category || SIMPLIFIED.has(category)
            ? new Decimal(0)
            : (known.get(category) ?? new Decimal(0)),
        ),
      );
    }
    const usual = USUAL.find(
      (u) =>
        u.category === line.category &&
        u.base === (categories ? (categories.length === 1 ? categories[0] : '') : 'direct'),
    );
    if (usual && rate.value.gt(usual.max)) {
      problems.push({
        severity: 'warning',
        code: 'flat-rate-high',
        message: `${line.category} at ${rate.text} is above the usual ${usual.what}`,
        hint: 'check the programme rules; a higher flat rate needs a basis in them',
        at: rate.at,
        said: said('flat-rate-high', {
          line: line.category,
          rateText: rate.text,
          usual: { category: usual.category, base: usual.base, rate: usual.rate },
        }),
      });
    }
    const amount = roundDown(baseAmount.times(rate.value).div(HUNDRED), unit);
    known.set(line.category, amount);
    results.set(line, { amount, base: baseAmount });
  }
  const computed = lines.map((line) => {
    const flat = results.get(line);
    return flat
      ? {
          category: line.category,
          name: COST_CATEGORIES[line.category],
          amount: flat.amount,
          flat: line.flat,
          base: flat.base,
        }
      : {
          category: line.category,
          name: COST_CATEGORIES[line.category],
          amount: line.amount!.value,
          flat: undefined,
          base: undefined,
        };
  });
  return { lines: computed, total: sum(computed.map((l) => l.amount)), problems };
}
