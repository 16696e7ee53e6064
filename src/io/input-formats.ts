/**
 * The formats cofin reads a budget in (`--input`'s choices): the text formats, and a workbook
 * (`xlsx`, read from its bytes). A new one is a word here; then its detection (io/read.ts)
 * and its branch in io/load.ts.
 */
export const INPUT_FORMATS = ['yaml', 'json', 'csv', 'xlsx'] as const;

/** A budget file's format. */
export type InputFormat = (typeof INPUT_FORMATS)[number];
