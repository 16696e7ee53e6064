import { ZERO, type Decimal } from '../decimal.js';
import { fromScaled, pow10, toScaled } from '../scaled.js';
import { formatAmount } from '../amount.js';
import { tolerance } from '../figure.js';
import type { BudgetHeader, FigureField, PartnerBudget } from '../model.js';
import type { SourceKind } from '../sources.js';
import { FirstNames, differsInvisibly, unseenCharacters } from '../names.js';
import { finding } from './messages.js';
import { said, type Money } from './said.js';
import type { Finding } from './types.js';

/** What the project checks need of the partners, gathered as they pass (step 11). */
export class ProjectTally {
  listed = 0;
  /**
   * The budgets' sum in fixed point, at the finest scale seen: a Decimal sum of 100 000 budgets was a fiftieth of a
   * check.
   */
  private units = 0n;
  private unitsScale = 0;
  slack: Decimal = ZERO;
  scale = 0;
  readonly findings: Finding[] = [];
  /** Each partner's name as first written, found by its name as compared. */
  private readonly names = new FirstNames();
  private readonly kinds = new Map<string, { kind: SourceKind; partner: string | undefined }>();

  add(partner: PartnerBudget, budget: FigureField): void {
    this.listed++;
    const places = Math.max(0, budget.value.decimalPlaces());
    if (places > this.unitsScale) {
      this.units *= pow10(places - this.unitsScale);
      this.unitsScale = places;
    }
    this.units += toScaled(budget.value, this.unitsScale)!;
    if (budget.precision) this.slack = this.slack.plus(tolerance(budget));
    this.scale = Math.max(this.scale, budget.scale);
    if (partner.partner !== undefined) {
      const first = this.names.firstOf(partner.partner);
      if (first !== undefined) {
        // the same name on the page, other characters in the file: say so, or the finding would look wrong
        const how = differsInvisibly(first, partner.partner)
          ? `, the first time as "${first}" (the two differ only by invisible or combining ` +
            `characters: ${unseenCharacters(first, partner.partner)})`
          : '';
        const invisible = differsInvisibly(first, partner.partner);
        this.findings.push(
          finding(
            'error',
            'duplicate-partner',
            `partner "${partner.partner}" is listed twice${how}`,
            'name each partner once; merge or rename the entries',
            partner.at,
            partner.partner,
            said('duplicate-partner', {
              partner: partner.partner,
              first: invisible ? first : undefined,
              unseen: invisible ? unseenCharacters(first, partner.partner) : undefined,
            }),
          ),
        );
      }
    }
    for (const s of partner.funding) {
      const first = this.kinds.get(s.id);
      if (!first) this.kinds.set(s.id, { kind: s.kind, partner: partner.partner });
      else if (first.kind !== s.kind) {
        const other = first.partner === undefined ? 'another partner' : `partner "${first.partner}"`;
        this.findings.push(
          finding(
            'error',
            'source-conflict',
            `source "${s.id}" is ${s.kind} here but ${first.kind} in ${other}`,
            'one id is one source in a file: give the other source an id of its own',
            s.at,
            partner.partner,
            said('source-conflict', { id: s.id, kind: s.kind, firstKind: first.kind, firstPartner: first.partner }),
          ),
        );
      }
    }
  }

  /** Each source's figures summed over the partners, for a table's total row. */
  private readonly sourceSums = new Map<string, Decimal>();

  addSources(funding: PartnerBudget['funding'], amounts: readonly Decimal[]): void {
    funding.forEach((s, i) => this.sourceSums.set(s.id, (this.sourceSums.get(s.id) ?? ZERO).plus(amounts[i]!)));
  }

  get budgets(): Decimal {
    return fromScaled(this.units, this.unitsScale);
  }

  /** Partner budgets against project.total and project.partners. */
  projectFindings(file: BudgetHeader): Finding[] {
    const project = file.project;
    if (!project) return [];
    if (!project.total) {
      // a table's total row with its budget cell empty: its source columns are still stated, and still checked
      if (!project.sources?.length) return [];
      const money = (value: Decimal) => `${file.currency} ${formatAmount(value, this.scale)}`;
      return this.sourceTotals(file, money, (value) => ({ value, currency: file.currency, decimals: this.scale }));
    }
    const findings: Finding[] = [];
    const total = project.total;
    const slack = tolerance(total).plus(this.slack);
    const scale = Math.max(this.scale, total.scale);
    const money = (value: Decimal) => `${file.currency} ${formatAmount(value, scale)}`;
    const figure = (value: Decimal): Money => ({ value, currency: file.currency, decimals: scale });
    const { listed, budgets } = this;
    const count = project.partners?.value;
    const partnersWord = (n: number) => `${n} partner${n === 1 ? '' : 's'}`;
    if (count !== undefined && listed > count) {
      findings.push(
        finding(
          'error',
          'project-total',
          `${partnersWord(listed)} listed, but the project has ${count}`,
          'correct project.partners or the list of partners',
          project.partners!.at,
          undefined,
          said('project-total/count', { listed, count }),
        ),
      );
    }
    const difference = budgets.minus(total.value);
    const complete = count === undefined ? false : listed >= count;
    if (difference.gt(slack)) {
      findings.push(
        finding(
          'error',
          'project-total',
          `partner budgets add up to ${money(budgets)}, ${money(difference)} more than ` +
            `the project total ${money(total.value)}`,
          'a partner budget or the project total is wrong',
          total.at,
          undefined,
          said('project-total/over', {
            budgets: figure(budgets),
            difference: figure(difference),
            total: figure(total.value),
          }),
        ),
      );
    } else if (complete && difference.abs().gt(slack)) {
      findings.push(
        finding(
          'error',
          'project-total',
          `the ${partnersWord(listed)} add up ` +
            `to ${money(budgets)}, ${money(difference.abs())} less than the project ` +
            `total ${money(total.value)}`,
          'a partner budget or the project total is wrong',
          total.at,
          undefined,
          said('project-total/under', {
            listed,
            budgets: figure(budgets),
            difference: figure(difference.abs()),
            total: figure(total.value),
          }),
        ),
      );
    } else if (!complete && difference.isNegative()) {
      const of = count === undefined ? '' : ` of ${count}`;
      findings.push(
        finding(
          'note',
          'project-unaccounted',
          `${money(difference.abs())} of the project total ${money(total.value)} is not ` +
            `accounted for by the ${partnersWord(listed)}${of} listed`,
          count === undefined
            ? 'write project.partners to check the total once every partner is listed'
            : 'list the other partners to check the total',
          total.at,
          undefined,
          said('project-unaccounted', { listed, count, missing: figure(difference.abs()), total: figure(total.value) }),
        ),
      );
    } else if (!complete && count !== undefined) {
      // fewer partners than project.partners says, and yet the total is taken: the others would have nothing
      findings.push(
        finding(
          'note',
          'project-unaccounted',
          `the ${partnersWord(listed)} of ${count} listed already take the project total ${money(total.value)}: ` +
            `the other ${count - listed === 1 ? 'partner has' : 'partners have'} no budget left`,
          'list the other partners, or correct project.partners',
          total.at,
          undefined,
          said('project-unaccounted/none', { listed, count, total: figure(total.value) }),
        ),
      );
    }
    findings.push(...this.sourceTotals(file, money, figure));
    return findings;
  }

  /** A table's total row against each source's figures over the partners, exactly but for approximate figures. */
  private sourceTotals(file: BudgetHeader, money: (value: Decimal) => string, figure: (value: Decimal) => Money) {
    return (file.project?.sources ?? []).flatMap(({ id, total }) => {
      const partners = this.sourceSums.get(id) ?? ZERO;
      const difference = partners.minus(total.value);
      if (difference.abs().lte(tolerance(total).plus(this.slack))) return [];
      const how = difference.isNegative() ? 'less' : 'more';
      return [
        finding(
          'error',
          'project-total',
          `the partners' ${id} adds up to ${money(partners)}, ${money(difference.abs())} ${how} than ` +
            `the total row's ${money(total.value)}`,
          "a partner's figure or the total row is wrong",
          total.at,
          undefined,
          said('project-total/source', {
            id,
            partners: figure(partners),
            difference: figure(difference.abs()),
            total: figure(total.value),
            less: difference.isNegative(),
          }),
        ),
      ];
    });
  }
}
