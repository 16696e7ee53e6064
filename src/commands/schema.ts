import { BUDGET_SCHEMA } from '../io/budget-schema.js';
import { CONFIG_SCHEMA } from '../io/config.js';
import type { Io } from '../io/streams.js';

/** Prints the JSON Schema of budget files, or with `config` of cofin.config.yaml/.json. */
export function runSchema(io: Io, config = false): number {
  io.stdout.write(JSON.stringify(config ? CONFIG_SCHEMA : BUDGET_SCHEMA, null, 2) + '\n');
  return 0;
}
