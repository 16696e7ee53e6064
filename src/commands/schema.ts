import { BUDGET_SCHEMA } from '../io/budget-schema.js';
import type { Io } from '../io/streams.js';

export function runSchema(io: Io): number {
  io.stdout.write(JSON.stringify(BUDGET_SCHEMA, null, 2) + '\n');
  return 0;
}
