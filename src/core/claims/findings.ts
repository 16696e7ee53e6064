import type { Finding, Severity } from '../check/types.js';
import type { Located } from '../model.js';
import type { ClaimFindingCode } from './types.js';

/** The findings of a claim file, in the order they are made. */
export class Findings {
  readonly list: Finding[] = [];
  add(
    code: ClaimFindingCode,
    severity: Severity,
    message: string,
    hint: string | undefined,
    at: Located | undefined,
  ): void {
    this.list.push({
      code,
      severity,
      message,
      hint,
      line: at?.line,
      column: at?.column,
      pointer: at?.pointer,
      partner: undefined,
    });
  }
}
