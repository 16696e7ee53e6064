/**
 * What would fix an input, as data: core says what went wrong; the layer
 * that knows where the input came from phrases the hint, so that a budget
 * file is never told to pass a flag and the command line never to write a key.
 */
export type Fix =
  // `whole` and `decimal`: the amount's two readings (`10844`, `10.844`), when known
  | { kind: 'decimal-mark'; whole?: string; decimal?: string }
  | { kind: 'currency'; currency: string }
  | { kind: 'unit'; unit: string };

/** Digits grouped in threes by a space, as every format cofin reads takes them (`10 844`). */
const grouped = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

/** Where an input came from: the command line, a budget file, a partner table (CSV, xlsx), or a library call. */
export type InputContext = 'command-line' | 'budget-file' | 'partner-table' | 'library';

const PHRASES: { [K in Fix['kind']]: (fix: Extract<Fix, { kind: K }>, context: InputContext) => string } = {
  'decimal-mark': ({ whole, decimal }, context) =>
    context === 'command-line'
      ? 'write 12758, 12 758 or 12758,00, or pass --decimal-comma / --decimal-point'
      : context === 'budget-file' || context === 'partner-table'
        ? // the amount's own readings, in forms no reader doubts and no `,` table splits: no `,` in them
          whole !== undefined && decimal !== undefined
          ? `for ${whole} write ${whole} or ${grouped(whole)}; for ${decimal} write ${decimal}0: ` +
            'one , or . before exactly three digits could be either'
          : 'write 12758, 12 758 or 12758,00: one , or . before exactly three digits could be either'
        : 'write 12758, 12 758 or 12758,00, or give the decimal mark (decimal: comma or point)',
  currency: ({ currency }, context) =>
    context === 'command-line'
      ? `drop the marker or pass --currency ${currency}`
      : context === 'budget-file'
        ? `drop the marker, or write currency: ${currency} if the whole file is in ${currency}`
        : context === 'partner-table'
          ? `a partner table is in EUR: give the amount in euro, ` +
            `or the partner in a budget file with currency: ${currency}`
          : `drop the marker or give currency ${currency}`,
  unit: ({ unit }, context) =>
    context === 'command-line'
      ? `shares cannot add up to it; use a finer unit such as --unit ${unit}`
      : context === 'budget-file'
        ? `shares cannot add up to it; write rounding: { unit: ${unit} }`
        : context === 'partner-table'
          ? `shares cannot add up to it at a unit of ${unit}; write the amounts to that unit`
          : `shares cannot add up to it; use a unit of ${unit}`,
};

export function phraseFix(fix: Fix, context: InputContext): string {
  return (PHRASES[fix.kind] as (fix: Fix, context: InputContext) => string)(fix, context);
}
