import { Decimal, ZERO } from '../decimal.js';
import type { Located } from '../model.js';
import { said, type Said } from '../check/said.js';
import type { PartnerCategory, ProgrammeProfile } from './profiles.js';

/** A programme fund's rate as a file writes it. */
export interface RatedFund {
  id: string;
  rate: Decimal;
  at: Located;
}

export interface ProgrammeFinding {
  code: 'programme-rate-above-maximum' | 'programme-category-unknown';
  severity: 'error' | 'warning';
  message: string;
  hint: string;
  at: Located | undefined;
  said: Said;
}

const cite = (c: PartnerCategory) => `${c.source.document}, ${c.source.section}`;

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
): ProgrammeFinding[] {
  const findings: ProgrammeFinding[] = [];
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
    const which =
      funds.length === 1
        ? `${funds[0]!.id} ${total.toFixed()}%`
        : `the programme funds (${funds.map((f) => f.id).join(', ')}) ${total.toFixed()}% together`;
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
