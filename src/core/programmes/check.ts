import { Decimal, ZERO } from '../decimal.js';
import type { Located } from '../model.js';
import { said, type Said } from '../check/said.js';
import { percentText } from '../check/messages.js';
import type { FlatRateRule, ProgrammeProfile, ProgrammeSource } from './profiles.js';

/** A programme fund's rate as a file writes it. */
export interface RatedFund {
  id: string;
  rate: Decimal;
  at: Located;
}

/** Every finding a programme profile makes. */
export type ProgrammeCode =
  | 'programme-rate-above-maximum'
  | 'programme-category-unknown'
  | 'programme-flat-rate-above-maximum'
  | 'programme-flat-rate-not-allowed'
  | 'programme-rounding-differs';

export interface ProgrammeFinding<C extends ProgrammeCode = ProgrammeCode> {
  code: C;
  severity: 'error' | 'warning';
  message: string;
  hint: string;
  at: Located | undefined;
  said: Said;
}

const cite = (c: { source: ProgrammeSource }) => `${c.source.document}, ${c.source.section}`;

/**
 * A partner's funding held to its programme's profile: the programme funds'
 * rates together may not pass the maximum of the partner's category. Without
 * a category, the highest maximum of the programme is used (a note says so),
 * so that nothing the programme could allow is refused. Pure.
 */
export function checkProgramme(
  profile: ProgrammeProfile,
  categoryId: string | undefined,
  funds: readonly RatedFund[],
  at: Located,
): ProgrammeFinding<'programme-rate-above-maximum' | 'programme-category-unknown'>[] {
  const findings: ProgrammeFinding<'programme-rate-above-maximum' | 'programme-category-unknown'>[] = [];
  let category = categoryId === undefined ? undefined : profile.categories.find((c) => c.id === categoryId);
  if (!category) {
    category = profile.categories.reduce((a, b) => (b.maximum.gt(a.maximum) ? b : a));
    if (profile.categories.length > 1) {
      findings.push({
        code: 'programme-category-unknown',
        severity: 'warning',
        message:
          `${profile.name}: no partner category given; the funds are held to the highest ` +
          `maximum of the programme, ${category.maximum.toFixed()}% (${category.id})`,
        hint: `write category: one of ${profile.categories.map((c) => c.id).join(', ')}`,
        at,
        said: said('programme-category-unknown', {
          programme: profile.name,
          maximum: category.maximum,
          category: category.id,
          categories: profile.categories.map((c) => c.id),
        }),
      });
    }
  }
  const total = funds.reduce((s, f) => s.plus(f.rate), ZERO);
  if (total.gt(category.maximum)) {
    // a share computed from an amount may have hundreds of digits: shown at 4 decimals, never as the maximum itself
    const shown = percentText(total, [category.maximum]);
    const which =
      funds.length === 1
        ? `${funds[0]!.id} ${shown}`
        : `the programme funds (${funds.map((f) => f.id).join(', ')}) ${shown} together`;
    findings.push({
      code: 'programme-rate-above-maximum',
      severity: 'error',
      message:
        `${which} is more than ${profile.name}'s maximum ` +
        `for ${category.who}, ${category.maximum.toFixed()}% (${cite(category)})`,
      hint: `lower the rate to at most ${category.maximum.toFixed()}%, or check the partner's category`,
      at: funds.at(-1)?.at ?? at,
      said: said('programme-rate-above-maximum', {
        funds: funds.map((f) => f.id),
        total,
        programme: profile.name,
        who: category.who,
        maximum: category.maximum,
        source: cite(category),
      }),
    });
  }
  return findings;
}

/** A flat rate as a file writes it (model.ts's CostLine with its flat rate). */
export interface WrittenFlatRate {
  category: string;
  flat: { rate: { value: Decimal; text: string; at: Located }; base: 'direct' | readonly string[] } | undefined;
}

const baseText = (base: string) => (base === 'direct' ? 'direct costs' : base);
const ruleText = (r: FlatRateRule) => `${r.category} at up to ${r.maximum.toFixed()}% of ${baseText(r.base)}`;

/**
 * A partner's flat rates held to its programme's: a flat rate whose category and base the programme lists may not
 * pass its maximum, and one of a category whose every flat rate the programme lists must be one of them. A flat rate
 * the profile says nothing of is left alone. Pure.
 */
export function checkProgrammeFlatRates(
  profile: ProgrammeProfile,
  lines: readonly WrittenFlatRate[],
): ProgrammeFinding<'programme-flat-rate-above-maximum' | 'programme-flat-rate-not-allowed'>[] {
  const rules = profile.flatRates;
  if (!rules) return [];
  const findings: ProgrammeFinding<'programme-flat-rate-above-maximum' | 'programme-flat-rate-not-allowed'>[] = [];
  for (const line of lines) {
    if (!line.flat) continue;
    const { rate, base } = line.flat;
    const named = base === 'direct' ? ['direct'] : [...new Set(base)];
    const key = named.length === 1 ? named[0] : undefined;
    const written = `${line.category} at ${rate.text} of ${base === 'direct' ? 'direct costs' : named.join(', ')}`;
    const own = rules.rules.filter((r) => r.category === line.category);
    const rule = own.find((r) => r.base === key);
    if (rule) {
      if (rate.value.gt(rule.maximum))
        findings.push({
          code: 'programme-flat-rate-above-maximum',
          severity: 'error',
          message: `${written} is more than ${profile.name}'s maximum, ${ruleText(rule)} (${cite(rule)})`,
          hint: `lower the rate to at most ${rule.maximum.toFixed()}% of ${baseText(rule.base)}`,
          at: rate.at,
          said: said('programme-flat-rate-above-maximum', {
            category: line.category,
            rateText: rate.text,
            base: rule.base,
            programme: profile.name,
            maximum: rule.maximum,
            source: cite(rule),
          }),
        });
      continue;
    }
    const only = rules.only.find((o) => o.category === line.category);
    if (!only) continue;
    const allowed = own.map((r) => `up to ${r.maximum.toFixed()}% of ${baseText(r.base)}`);
    findings.push({
      code: 'programme-flat-rate-not-allowed',
      severity: 'error',
      message:
        `${written} is not a flat rate ${profile.name} allows: ${line.category} may be a flat rate of ` +
        `${allowed.join(' or ')} (${only.source.document}, ${only.source.section})`,
      hint: `write ${own.map((r) => `${line.category}: ${r.maximum.toFixed()}% of ${r.base}`).join(' or ')}`,
      at: rate.at,
      said: said('programme-flat-rate-not-allowed', {
        category: line.category,
        rateText: rate.text,
        base: named,
        programme: profile.name,
        allowed: own.map((r) => ({ base: r.base, maximum: r.maximum })),
        source: `${only.source.document}, ${only.source.section}`,
      }),
    });
  }
  return findings;
}

/** A budget file's `rounding:` as written. */
export interface WrittenRounding {
  unit: { value: Decimal; at: Located } | undefined;
  method: { value: string; at: Located } | undefined;
}

/**
 * A budget file's declared rounding held to the programme's monitoring system (Jems: each fund rounded down to the
 * cent, docs/jems-rules.md 5): a `rounding:` method or unit that differs is a finding. A file that declares none, or
 * a programme whose system is not sourced, is left alone. Pure.
 */
export function checkProgrammeRounding(
  profile: ProgrammeProfile,
  rounding: WrittenRounding,
): ProgrammeFinding<'programme-rounding-differs'>[] {
  const system = profile.system;
  if (!system) return [];
  const method = rounding.method && rounding.method.value !== system.method ? rounding.method : undefined;
  const unit = rounding.unit && !rounding.unit.value.eq(system.unit) ? rounding.unit : undefined;
  const placed = method ?? unit;
  if (!placed) return [];
  const wrote = [...(method ? [`method ${method.value}`] : []), ...(unit ? [`unit ${unit.value.toFixed()}`] : [])].join(
    ' and ',
  );
  return [
    {
      code: 'programme-rounding-differs',
      severity: 'error',
      message:
        `rounding ${wrote} ${method && unit ? 'differ' : 'differs'} from ${system.name}'s, ` +
        `${profile.name}'s monitoring system: each fund ` +
        `rounded down to the cent (${system.method}, unit ${system.unit.toFixed()}; ` +
        `${system.source.document}, ${system.source.section})`,
      hint:
        `write rounding: { method: ${system.method}, unit: ${system.unit.toFixed()} }, or drop rounding: ` +
        `(the document's own rounding is then found)`,
      at: placed.at,
      said: said('programme-rounding-differs', {
        method: method?.value,
        unit: unit?.value,
        system: system.name,
        programme: profile.name,
        systemMethod: system.method,
        systemUnit: system.unit,
        source: `${system.source.document}, ${system.source.section}`,
      }),
    },
  ];
}
