import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bin, cofin, root } from './run.js';

const COMMANDS = ['split', 'check', 'report', 'claim', 'extract', 'schema', 'init', 'completion'];

/** The long and short options a command's --help lists. */
function helpOptions(command?: string): string[] {
  const help = cofin(command ? [command, '--help'] : ['--help']).stdout;
  const options = help.split(/^Options:$/m)[1]!.split(/^\S/m)[0]!;
  return [...options.matchAll(/^ {2}(?:(-\w), )?(--[\w-]+)/gm)].flatMap((m) =>
    [m[1], m[2]].filter((f): f is string => f !== undefined),
  );
}

/** What the generated bash function completes for the words typed so far (the last one is being completed). */
function complete(words: string[]): string[] {
  const script = `source <("${process.execPath}" "${bin}" completion bash) || exit 9
COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}
_cofin; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const run = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout.split('\n').filter(Boolean);
}

describe('cofin completion bash', () => {
  it('registers a completion function for cofin', () => {
    const run = spawnSync(
      'bash',
      ['-c', `source <("${process.execPath}" "${bin}" completion bash); complete -p cofin`],
      { encoding: 'utf8' },
    );
    expect({ stdout: run.stdout, stderr: run.stderr, code: run.status }).toEqual({
      stdout: 'complete -o default -F _cofin cofin\n',
      stderr: '',
      code: 0,
    });
  });

  it('completes commands: cofin ch<TAB> is check, cofin <TAB> every command', () => {
    expect(complete(['cofin', 'ch'])).toEqual(['check']);
    expect(complete(['cofin', 'c'])).toEqual(['check', 'claim', 'completion']);
    expect(complete(['cofin', ''])).toEqual(COMMANDS);
    expect(complete(['cofin', '--'])).toEqual(['--version', '--color', '--no-color', '--help']);
  });

  it('completes the choices of an option and of the completion command', () => {
    expect(complete(['cofin', 'split', '1000', '--method', 'h'])).toEqual(['half-up']);
    expect(complete(['cofin', 'split', '--format', ''])).toEqual(['table', 'json', 'csv']);
    expect(complete(['cofin', 'report', 'x.yaml', '--locale', ''])).toEqual(['lv', 'en']);
    expect(complete(['cofin', '--no-color', 'extract', '--lang', ''])).toEqual(['lv', 'en', 'auto']);
    expect(complete(['cofin', 'completion', ''])).toEqual(['bash', 'zsh', 'fish']);
    expect(complete(['cofin', 'check', 'x.yaml', '--input', 'y'])).toEqual(['yaml']);
  });

  it('leaves file names to the shell (complete -o default) for file arguments and --output', () => {
    expect(complete(['cofin', 'check', ''])).toEqual([]);
    expect(complete(['cofin', 'report', '-o', ''])).toEqual([]);
  });

  it.each(COMMANDS)('offers every option %s --help lists, and no other (made from the same definitions)', (command) => {
    expect(complete(['cofin', command, '-']).sort()).toEqual(helpOptions(command).sort());
  });
});

describe('cofin completion zsh and fish', () => {
  it("zsh: a #compdef function with every command and each command's options", () => {
    const run = cofin(['completion', 'zsh']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^#compdef cofin\n/);
    expect(run.stdout).toContain('compdef _cofin cofin');
    for (const command of COMMANDS) {
      expect(run.stdout).toMatch(new RegExp(`^    '${command}:`, 'm'));
      const body = run.stdout.split(new RegExp(`^    ${command}\\)$`, 'm'))[1]!.split(' ;;')[0]!;
      for (const flag of helpOptions(command)) expect(body).toContain(`'${flag}[`);
    }
    expect(run.stdout).toContain("'--method[rounding rule]:method:(largest-remainder half-up fund-down)'");
    const zsh = spawnSync('zsh', ['-n', '-c', run.stdout], { encoding: 'utf8' });
    if (!zsh.error) expect(zsh.status).toBe(0); // checked where zsh is installed
  });

  it('fish: complete lines for every command and option', () => {
    const run = cofin(['completion', 'fish']);
    expect(run.code).toBe(0);
    for (const command of COMMANDS) {
      expect(run.stdout).toContain(`complete -c cofin -n '__fish_use_subcommand' -a ${command} -d `);
      const lines = run.stdout.split('\n').filter((l) => l.includes(`-n '__fish_seen_subcommand_from ${command}'`));
      for (const flag of helpOptions(command))
        expect(
          lines.some((l) => l.includes(flag.startsWith('--') ? ` -l ${flag.slice(2)} ` : ` -s ${flag.slice(1)} `)),
        ).toBe(true);
    }
    expect(run.stdout).toContain(
      "complete -c cofin -n '__fish_seen_subcommand_from split' -l method -x -a 'largest-remainder half-up fund-down' -d 'rounding rule'",
    );
    const fish = spawnSync('fish', ['--no-execute', '-c', run.stdout], { encoding: 'utf8' });
    if (!fish.error) expect(fish.status).toBe(0);
  });

  it('refuses another shell, with the choices', () => {
    const run = cofin(['completion', 'tcsh']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^cofin: error: .*tcsh.*bash, zsh, fish/);
  });
});

describe('the man page, dist/cofin.1', () => {
  const page = join(root, 'dist/cofin.1');
  const source = readFileSync(page, 'utf8');

  it('is shipped: package.json "man", inside "files"', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { man: string[]; files: string[] };
    expect(pkg.man).toEqual(['./dist/cofin.1']);
    expect(pkg.files).toContain('dist');
  });

  it('has the sections of a man page, and a section per command made from its --help', () => {
    expect(source).toMatch(/^\.TH COFIN 1 "\d{4}-\d\d-\d\d" "cofin \d+\.\d+\.\d+" "User Commands"\n/);
    for (const section of ['NAME', 'SYNOPSIS', 'DESCRIPTION', 'COMMANDS', 'EXIT STATUS'])
      expect(source).toContain(`\n.SH ${section}\n`);
    for (const command of COMMANDS) expect(source).toContain(`\n.SS ${command}\n`);
  });

  it('renders with man -l (where man is installed) to the help texts', () => {
    const man = spawnSync('man', ['-l', page], {
      encoding: 'utf8',
      env: { ...process.env, MANWIDTH: '120', MANPAGER: 'cat', PAGER: 'cat' },
    });
    if (man.error) return; // no man here: the source is checked above
    expect(man.status).toBe(0);
    const text = man.stdout.replace(/.\x08/g, '');
    for (const section of ['NAME', 'SYNOPSIS', 'DESCRIPTION', 'COMMANDS', 'EXIT STATUS'])
      expect(text).toMatch(new RegExp(`^${section}$`, 'm'));
    expect(text).toContain('cofin - Budget and co-financing calculator');
    expect(text).toContain('$ cofin split "EUR 12 758" erdf=85% municipal=10% state=5% --unit 1');
    expect(text).toContain('--method <method>');
  });
});
