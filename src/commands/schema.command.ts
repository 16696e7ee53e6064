import { Option } from 'commander';
import { defineCommand } from './define.js';

export const schemaCommand = defineCommand<[], { config: boolean }, { config: boolean }>({
  name: 'schema',
  description: 'print the JSON Schema of the budget file format (for editor validation)',
  arguments: () => [],
  flags: () => [
    new Option('--config', 'the schema of the config file (cofin.config.yaml or .json) instead').default(false),
  ],
  help:
    '\nExamples:\n  $ cofin schema > cofin-budget.schema.json\n  $ cofin schema ' +
    '--config > cofin-config.schema.json',
  normalise: ({ flags }) => ({ config: flags.config }),
  async run(options, io) {
    const { runSchema } = await import('./schema.js');
    return runSchema(io, options.config);
  },
});
