import type { BudgetFile, BudgetStream, List } from './model.js';
import { resolvePartner } from './check/budget.js';
import { checkPartner } from './check/partner.js';
import { ProjectTally } from './check/project.js';
import { finding } from './check/messages.js';
import { packSaid, withoutSaid } from './check/packed.js';
import { checkProgrammeRounding } from './programmes/check.js';
import type { CheckOptions, FileCheck, Finding, PartnerCheck, PartnerShares } from './check/types.js';

export type {
  CheckOptions,
  CheckReport,
  FileCheck,
  ClaimsCheck,
  EuroCheck,
  ExcludedFile,
  FileReport,
  Finding,
  FindingCode,
  PartnerCheck,
  PartnerShares,
  PassedOverFile,
  PassedOverReason,
  Severity,
  ShareCheck,
} from './check/types.js';

/** Up to this many partners, a streamed file's checks are kept rather than computed again when read. */
const KEEP_PARTNERS = 1000;

/** Checks a budget file: every partner, then the project. Pure. */
export function checkBudgetFile(file: BudgetFile, options: CheckOptions = {}): FileCheck {
  const result = checkBudgetStream(file, options);
  return { ...result, partners: [...result.partners] };
}

/**
 * Checks a budget file whose partners are read one at a time. The findings
 * are gathered in one pass; the partners' shares are computed again each
 * time the returned list is read, so a large file is never held whole
 * (an array of partners is checked once and kept).
 */
export function checkBudgetStream(file: BudgetStream, options: CheckOptions = {}): FileCheck<List<PartnerCheck>> {
  const method = file.rounding.method?.value;
  // what the reader noted comes first, where the file is read from
  const findings: Finding[] = (file.notes ?? []).map((n) =>
    finding(n.severity ?? 'note', n.code, n.message, n.hint, n.at, undefined, n.said),
  );
  // step 15: a declared rounding held to the programme's monitoring system, once for the file
  if (file.programme)
    for (const p of checkProgrammeRounding(file.programme.profile, file.rounding))
      findings.push(finding(p.severity, p.code, p.message, p.hint, p.at, undefined, p.said));
  const tally = new ProjectTally();
  const kept: PartnerCheck[] | undefined =
    Array.isArray(file.partners) || file.partners.length <= KEEP_PARTNERS ? [] : undefined;
  const { onPartner, onCheck, onShares } = options;
  const keep = options.said === false ? withoutSaid : packSaid;
  const of = file.partners.length;
  let checked = 0;
  for (const partner of file.partners) {
    if (onPartner) onPartner(checked, of);
    const costs = resolvePartner(file, partner);
    const result = checkPartner(
      file,
      costs.resolved,
      method,
      kept !== undefined || onCheck !== undefined,
      onShares !== undefined,
    );
    const before = findings.length;
    findings.push(...(file.programme ? withoutUsual(costs.findings, result.findings) : costs.findings));
    findings.push(...result.findings);
    // a large file's findings wait for the verdict: their figures kept packed
    if (kept === undefined) findings.splice(before, Infinity, ...findings.slice(before).map(keep));
    kept?.push(result.check!);
    if (onCheck && result.check) onCheck(result.check, checked);
    if (onShares && result.shares) onShares(result.shares, checked);
    checked++;
    tally.add(partner, costs.resolved.budget);
    if (result.national) tally.addSources(partner.funding, result.national);
  }
  findings.push(...tally.findings, ...tally.projectFindings(file));
  const final = options.strict ? findings.map((f) => ({ ...f, severity: 'error' as const })) : findings;
  const partners: List<PartnerCheck> = kept ?? {
    length: file.partners.length,
    *[Symbol.iterator]() {
      for (const partner of file.partners)
        yield checkPartner(file, resolvePartner(file, partner).resolved, method).check!;
    },
  };
  return { verdict: final.some((f) => f.severity === 'error') ? 'fail' : 'pass', partners, findings: final };
}

/**
 * Each partner's shares in fixed point (`CheckOptions.onShares`'s), the file's partners read and checked again each
 * time they are iterated: a streamed report's rows from a second reading of a file read from disk in pieces, instead
 * of notes of every partner kept from the first. Pure.
 */
export function partnerSharesOf(file: BudgetStream): Iterable<PartnerShares> {
  const method = file.rounding.method?.value;
  return {
    *[Symbol.iterator]() {
      for (const partner of file.partners) {
        const { shares } = checkPartner(file, resolvePartner(file, partner).resolved, method, false, true);
        if (shares) yield shares;
      }
    },
  };
}

/**
 * A flat rate above the programme's maximum is told once: the warning that it is above the usual ceiling
 * (`flat-rate-high`) gives way to the programme's error at the same flat rate.
 */
function withoutUsual(costs: Finding[], partner: readonly Finding[]): Finding[] {
  const above = new Set(
    partner.filter((f) => f.code === 'programme-flat-rate-above-maximum').map((f) => `${f.line}:${f.column}`),
  );
  return above.size === 0
    ? costs
    : costs.filter((f) => f.code !== 'flat-rate-high' || !above.has(`${f.line}:${f.column}`));
}
