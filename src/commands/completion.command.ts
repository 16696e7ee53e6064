import { Argument, type Command } from 'commander';
import { defineCommand } from './define.js';
import type { Shell } from './completion.js';

export const completionCommand = defineCommand<[shell: Shell], object, { shell: Shell; program: Command }>({
  name: 'completion',
  description: 'print a shell completion script (bash, zsh or fish), made from these commands and options',
  arguments: () => [new Argument('<shell>', 'the shell').choices(['bash', 'zsh', 'fish'])],
  flags: () => [],
  help: `
Examples:
  $ source <(cofin completion bash)          # in ~/.bashrc
  $ cofin completion zsh > _cofin            # then move _cofin into a folder of $fpath
  $ cofin completion fish > cofin.fish       # then move it into ~/.config/fish/completions/`,
  normalise: ({ args: [shell], program }) => ({ shell, program }),
  async run(options, io) {
    const { runCompletion } = await import('./completion.js');
    return runCompletion(options.shell, options.program, io);
  },
});
