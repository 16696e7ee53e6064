// What extract read, as exact strings, for the extract tests to compare in one line.
import { extractBudget } from '../src/core/extract/extract.js';

const fig = (x: { normal: string } | undefined) => x?.normal;

/** budget, shares (`id rate% amount`), project total: exact strings. */
export function summary(text: string) {
  const r = extractBudget(text);
  const funding = r.funding
    .map((s) => [s.id, fig(s.rate) && `${fig(s.rate)}%`, s.rest ? 'rest' : fig(s.amount)].filter(Boolean).join(' '))
    .join('; ');
  return [fig(r.budget) ?? null, funding, fig(r.projectTotal) ?? null];
}

/** Every `# check:` doubt extract wrote, in the order of the figures. */
export const checksOf = (text: string) => {
  const r = extractBudget(text);
  return [
    ...(r.budget?.checks ?? []),
    ...r.funding.flatMap((s) => [...s.checks, ...(s.amount?.checks ?? [])]),
    ...(r.projectTotal?.checks ?? []),
  ];
};
