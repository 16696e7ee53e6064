/**
 * The formats cofin reads a budget in (`--input`'s choices): the text formats, and a workbook
 * (`xlsx`, read from its bytes). A new one is a word here; then its detection (io/read.ts)
 * and its branch in io/load.ts.
 */
export const INPUT_FORMATS = ['yaml', 'json', 'csv', 'xlsx'] as const;

/** A budget file's format. */
export type InputFormat = (typeof INPUT_FORMATS)[number];

/**
 * The file name extensions of each format, and whether a folder's walk takes them
 * (a workbook is read when named, not found in a folder). A new format is asked for here.
 */
export const INPUT_FILES: Readonly<Record<InputFormat, { extensions: readonly string[]; inFolders: boolean }>> = {
  yaml: { extensions: ['.yaml', '.yml'], inFolders: true },
  json: { extensions: ['.json'], inFolders: true },
  csv: { extensions: ['.csv'], inFolders: true },
  xlsx: { extensions: ['.xlsx'], inFolders: false },
};
