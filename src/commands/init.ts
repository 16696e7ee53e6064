import { extname } from 'node:path';
import { CofinError } from '../core/errors.js';
import type { Io } from '../io/streams.js';
import { writeNewFile } from '../io/write.js';
import { terminalText } from '../render/safe-text.js';

/** The starter file: the founding example, every key explained. */
export const STARTER = `# A cofin budget file (format 1). Check it with: cofin check THIS_FILE
# Every amount is read exactly as written: "12 758", "12 758,00", "EUR 12 758".
# Approximate figures: "~9 284 000" or "2,5 milj." pass when within their precision.

currency: EUR                  # ISO 4217 code (historic ones such as LVL too)
partner: Ventspils Digital Centre
country: LV                    # optional
budget: 12 758                 # the partner budget the shares split

funding:                       # source id: rate, or { rate, amount, name, kind }
  erdf:      { rate: 85%, amount: 10 844 }   # amount = what the document declares
  municipal: { rate: 10%, amount: 1 276 }
  state:     { rate: 5%,  amount: 638 }
  # national: rest             # takes what the other sources leave
  # eea: { name: EEA Grants, kind: eu-fund, rate: 15% }   # ids that are not well known need a name

# rounding:                    # optional: makes the unit and the rule binding
#   unit: 1                    # 1 = whole euros, 0.01 = cents
#   method: largest-remainder  # or half-up, fund-down

project:                       # optional: the whole project
  name: Digital Innovation in Cities
  programme: URBACT III
  total: 146 994
  partners: 8

source: "ventspils.lv news item, 2020"   # optional: where the figures come from
`;

/** The same starter as JSON (no comments in JSON: the keys are those of the YAML starter). */
export const STARTER_JSON = `{
  "currency": "EUR",
  "partner": "Ventspils Digital Centre",
  "country": "LV",
  "budget": "12 758",
  "funding": {
    "erdf": { "rate": "85%", "amount": "10 844" },
    "municipal": { "rate": "10%", "amount": "1 276" },
    "state": { "rate": "5%", "amount": "638" }
  },
  "project": {
    "name": "Digital Innovation in Cities",
    "programme": "URBACT III",
    "total": "146 994",
    "partners": 8
  },
  "source": "ventspils.lv news item, 2020"
}
`;

/** A starter partner table, as a spreadsheet saves it: one partner a row, one source a column (a rate, or rest). */
export const STARTER_CSV = `partner;country;budget;erdf;municipal;state
Ventspils Digital Centre;LV;12 758;85%;10%;5%
Another partner (invented);LV;20 000;85%;rest;
`;

const STARTERS: Record<string, string> = {
  '.yaml': STARTER,
  '.yml': STARTER,
  '.json': STARTER_JSON,
  '.csv': STARTER_CSV,
};

/** The starter for a file name, by its extension. */
export function starterFor(file: string): string {
  const starter = STARTERS[extname(file).toLowerCase()];
  if (starter === undefined) {
    const hint = 'name it .yaml, .yml, .json or .csv (a partner table), or - for standard output (YAML)';
    // cofin reads workbooks, but a starter is text: say so rather than "no format cofin reads"
    if (/^\.xls[xm]?$/i.test(extname(file)))
      throw new CofinError(
        'usage',
        `init writes no workbook ("${file}"): cofin check and report read .xlsx, but a starter is a text file`,
        `${hint}; a CSV partner table opens in Excel and saves as .xlsx`,
      );
    throw new CofinError(
      'usage',
      `cannot write a budget file named "${file}": its extension names no format cofin reads`,
      hint,
    );
  }
  return starter;
}

export async function runInit(file: string, io: Io, force = false): Promise<number> {
  if (file === '-') {
    io.stdout.write(STARTER);
    return 0;
  }
  await writeNewFile(io.cwd, file, starterFor(file), force);
  io.stderr.write(`cofin: wrote ${terminalText(file)}; check it with: cofin check ${terminalText(file)}\n`);
  return 0;
}
