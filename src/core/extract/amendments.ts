import { AMENDED_BEFORE } from './lexicon.js';
import { fold, foldedPattern } from './normalise.js';

const FOLDED_AMENDED = foldedPattern(AMENDED_BEFORE);
/** "X, nevis Y", "X, not Y", "X instead of Y": the figure after these words is the old one, the one before the new. */
const INSTEAD_OF = foldedPattern(
  new RegExp(
    String.raw`(?<!\p{L})(?:nevis|not|instead of|rather than|in place of|statt|anstatt|au lieu de|zamiast|místo|` +
      String.raw`invece di|vietoj)\s*$`,
    'iu',
  ),
);

/**
 * A money figure alone in its clause, after a share's clause in the same sentence, may restate that share: after
 * words of a change ("taču tas tika samazināts līdz 200 000 EUR", "but it was reduced to") it is the share's new
 * figure (`this`); after "nevis", "not", "instead of" it is the old one, and the share's figure before it is the
 * correction (`before`). Cheap and partial: no grammar of amendments, only the words right before the figure.
 */
export function laterStatement(text: string, clauseStart: number, figureStart: number): 'this' | 'before' | undefined {
  const before = fold(text.slice(Math.max(clauseStart, figureStart - 80), figureStart));
  if (FOLDED_AMENDED.test(before)) return 'this';
  if (INSTEAD_OF.test(before)) return 'before';
  return undefined;
}
