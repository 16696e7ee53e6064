import { checkCommand } from './check.command.js';
import { claimCommand } from './claim.command.js';
import { completionCommand } from './completion.command.js';
import type { RegisteredCommand } from './define.js';
import { extractCommand } from './extract.command.js';
import { initCommand } from './init.command.js';
import { reportCommand } from './report.command.js';
import { schemaCommand } from './schema.command.js';
import { splitCommand } from './split.command.js';

/** Every command, in the order `cofin --help` lists them: a new command is one line here. */
export const COMMANDS: readonly RegisteredCommand[] = [
  splitCommand,
  checkCommand,
  reportCommand,
  claimCommand,
  extractCommand,
  schemaCommand,
  initCommand,
  completionCommand,
];
