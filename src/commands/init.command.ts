import { Argument, Option } from 'commander';
import { defineCommand } from './define.js';

export const initCommand = defineCommand<[file: string], { force: boolean }, { file: string; force: boolean }>({
  name: 'init',
  description:
    'write a starter budget file: YAML (commented), JSON or a CSV partner table, by its extension (never overwrites)',
  arguments: () => [
    new Argument('[file]', 'where to write it (.yaml, .yml, .json or .csv), or - for standard output (YAML)').default(
      'budget.yaml',
    ),
  ],
  flags: () => [new Option('--force', 'replace the file if it exists').default(false)],
  help:
    '\nExamples:\n  $ cofin init partner-lv.yaml\n  $ cofin init partner-lv.json\n  ' +
    '$ cofin init partners.csv\n  $ cofin init - | less\n\nThe extension names the ' +
    'format: .yaml or .yml (commented), .json, .csv (a partner table).',
  normalise: ({ args: [file], flags }) => ({ file, force: flags.force }),
  async run(options, io) {
    const { runInit } = await import('./init.js');
    return runInit(options.file, io, options.force);
  },
});
