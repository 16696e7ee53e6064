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

export async function runInit(file: string, io: Io, force = false): Promise<number> {
  if (file === '-') {
    io.stdout.write(STARTER);
    return 0;
  }
  await writeNewFile(io.cwd, file, STARTER, force);
  io.stderr.write(`cofin: wrote ${terminalText(file)}; check it with: cofin check ${terminalText(file)}\n`);
  return 0;
}
