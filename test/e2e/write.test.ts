import { describe, expect, it } from 'vitest';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin, cofin, root } from './run.js';

const SEED = join(root, 'fixtures/ventspils-digital-centre.yaml');
const DOC = join(root, 'fixtures/documents/ventspils-digital-centre.txt');
const folder = () => mkdtempSync(join(tmpdir(), 'cofin-write-e2e-'));
/** What cofin prints for the founding example, to compare written files with. */
const expected = () => cofin(['check', SEED, '--format', 'json']).stdout;
const temporaries = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

/** A budget file whose report is much larger than a pipe's buffer. */
function bigFile(): string {
  const partners = Array.from(
    { length: 5000 },
    (_, i) => `{"partner": "P${i}", "budget": "100", "funding": {"erdf": "85%", "national": "rest"}}`,
  );
  return `{"partners": [\n${partners.join(',\n')}\n]}\n`;
}

const { FORCE_COLOR, NO_COLOR, TERM, ...env } = process.env;

/** Runs cofin with its standard streams given as file descriptors or pipes. */
function run(args: string[], stdio: { stdin?: number; stdout?: number }, cwd = root) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    stdio: [stdio.stdin ?? 'pipe', stdio.stdout ?? 'pipe', 'pipe'],
    env,
    cwd,
    encoding: 'utf8',
  });
  return { stdout: result.stdout ?? '', stderr: result.stderr, code: result.status, signal: result.signal };
}

describe('-o onto an input of the command is refused, whatever --force says', () => {
  const refusal = (name: string) =>
    `cofin: error: ${name} is an input of this command: cofin never writes to its inputs\n` +
    'hint: choose another output file with -o\n';

  it.each([
    ['the input itself', (_dir: string) => 'budget.yaml'],
    [
      'a symbolic link to it',
      (dir: string) => (symlinkSync(join(dir, 'budget.yaml'), join(dir, 'link.yaml')), 'link.yaml'),
    ],
    ['a hard link to it', (dir: string) => (linkSync(join(dir, 'budget.yaml'), join(dir, 'hard.yaml')), 'hard.yaml')],
  ])('check onto %s', (_case, make) => {
    const dir = folder();
    copyFileSync(SEED, join(dir, 'budget.yaml'));
    const before = readFileSync(join(dir, 'budget.yaml'), 'utf8');
    const target = make(dir);
    for (const force of [[], ['--force']]) {
      const result = cofin(['check', 'budget.yaml', '--format', 'json', '-o', target, ...force], { cwd: dir });
      expect(result).toEqual({ code: 2, stdout: '', stderr: refusal(target) });
    }
    expect(readFileSync(join(dir, 'budget.yaml'), 'utf8')).toBe(before);
    expect(temporaries(dir)).toEqual([]);
  });

  it('check of a folder onto a file in it, report and extract onto their input', () => {
    const dir = folder();
    mkdirSync(join(dir, 'budgets'));
    copyFileSync(SEED, join(dir, 'budgets/a.yaml'));
    copyFileSync(SEED, join(dir, 'budgets/b.yaml'));
    writeFileSync(join(dir, 'doc.txt'), readFileSync(DOC));
    expect(cofin(['check', 'budgets', '-o', 'budgets/b.yaml', '--force'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: refusal('budgets/b.yaml'),
    });
    expect(cofin(['report', 'budgets/a.yaml', '-o', 'budgets/a.yaml', '--force'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: refusal('budgets/a.yaml'),
    });
    expect(cofin(['extract', 'doc.txt', '-o', 'doc.txt', '--force'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: refusal('doc.txt'),
    });
    expect(readFileSync(join(dir, 'budgets/b.yaml'))).toEqual(readFileSync(SEED));
    expect(readFileSync(join(dir, 'doc.txt'))).toEqual(readFileSync(DOC));
  });

  it('check - onto the file standard input reads', () => {
    const dir = folder();
    copyFileSync(SEED, join(dir, 'budget.yaml'));
    const stdin = openSync(join(dir, 'budget.yaml'), 'r');
    try {
      expect(run(['check', '-', '-o', 'budget.yaml', '--force'], { stdin }, dir)).toMatchObject({
        code: 2,
        stdout: '',
        stderr: refusal('budget.yaml'),
      });
    } finally {
      closeSync(stdin);
    }
    expect(readFileSync(join(dir, 'budget.yaml'))).toEqual(readFileSync(SEED));
  });

  it('another file is still written (and replaced with --force)', () => {
    const dir = folder();
    copyFileSync(SEED, join(dir, 'budget.yaml'));
    writeFileSync(join(dir, 'out.json'), 'old');
    expect(cofin(['check', 'budget.yaml', '--format', 'json', '-o', 'out.json', '--force'], { cwd: dir })).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe(expected().replaceAll(SEED, 'budget.yaml'));
  });
});

describe('-o onto what is not a regular file is written into, never replaced', () => {
  it('a FIFO: its reader gets the output, and the FIFO stays a FIFO', async () => {
    const dir = folder();
    const fifo = join(dir, 'out.fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('sh', ['-c', 'cat "$1" > "$2"', 'sh', fifo, join(dir, 'got.json')]);
    const done = new Promise<number | null>((resolve) => reader.on('close', resolve));
    // no --force: nothing is replaced
    const result = run(['check', SEED, '--format', 'json', '-o', fifo], {});
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(await done).toBe(0);
    expect(readFileSync(join(dir, 'got.json'), 'utf8')).toBe(expected());
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['got.json', 'out.fifo']);
  });

  it('a FIFO whose reader leaves early: quiet, as a closed pipe', async () => {
    const dir = folder();
    const fifo = join(dir, 'out.fifo');
    execFileSync('mkfifo', [fifo]);
    writeFileSync(join(dir, 'big.json'), bigFile());
    const reader = spawn('sh', ['-c', 'head -c 10 "$1" > /dev/null', 'sh', fifo]);
    const done = new Promise<number | null>((resolve) => reader.on('close', resolve));
    const result = run(['check', 'big.json', '--format', 'json', '-o', fifo], {}, dir);
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(await done).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['big.json', 'out.fifo']);
  });

  it('/dev/null: written, quietly, and still a device', () => {
    for (const force of [[], ['--force']]) {
      expect(cofin(['check', SEED, '-o', '/dev/null', ...force])).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(cofin(['extract', DOC, '-o', '/dev/null', ...force])).toEqual({ code: 0, stdout: '', stderr: '' });
    }
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('/dev/stdout and - are standard output', () => {
    expect(cofin(['check', SEED, '--format', 'json', '-o', '-'])).toEqual({ code: 0, stdout: expected(), stderr: '' });
    expect(cofin(['check', SEED, '--format', 'json', '-o', '/dev/stdout'])).toEqual({
      code: 0,
      stdout: expected(),
      stderr: '',
    });
    // standard output a regular file: written through it, no --force needed
    const dir = folder();
    const stdout = openSync(join(dir, 'out.json'), 'w');
    try {
      expect(run(['check', SEED, '--format', 'json', '-o', '/dev/stdout'], { stdout })).toMatchObject({
        code: 0,
        stderr: '',
      });
    } finally {
      closeSync(stdout);
    }
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe(expected());
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('/dev/full: one error and exit 2', () => {
    expect(cofin(['check', SEED, '-o', '/dev/full'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'cofin: error: /dev/full: no space left on the device\nhint: free some space and try again\n',
    });
  });

  it('a folder: refused', () => {
    const dir = folder();
    expect(cofin(['check', SEED, '-o', dir, '--force'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `cofin: error: ${dir} is a folder\nhint: name a file to write\n`,
    });
  });
});

describe('-o onto a symbolic link writes through to the file it names; the link stays', () => {
  it('refused without --force, the target replaced with it (in its own folder), the link kept', () => {
    const dir = folder();
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real/out.json'), 'old');
    chmodSync(join(dir, 'real/out.json'), 0o640);
    symlinkSync('real/out.json', join(dir, 'link.json'));
    const refused = cofin(['check', SEED, '--format', 'json', '-o', 'link.json'], { cwd: dir });
    expect(refused).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'cofin: error: link.json already exists\nhint: cofin never overwrites a file unless told: choose another name, or pass --force\n',
    });
    expect(cofin(['check', SEED, '--format', 'json', '-o', 'link.json', '--force'], { cwd: dir })).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real/out.json'), 'utf8')).toBe(expected());
    expect(statSync(join(dir, 'real/out.json')).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).sort()).toEqual(['link.json', 'real']);
    expect(readdirSync(join(dir, 'real'))).toEqual(['out.json']);
  });

  it('a link to nothing: refused, the link left alone', () => {
    const dir = folder();
    symlinkSync('missing.json', join(dir, 'link.json'));
    for (const force of [[], ['--force']]) {
      expect(cofin(['check', SEED, '-o', 'link.json', ...force], { cwd: dir })).toEqual({
        code: 2,
        stdout: '',
        stderr:
          'cofin: error: link.json is a symbolic link to a missing file\nhint: name the file itself, or remove the link\n',
      });
    }
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir)).toEqual(['link.json']);
  });
});

describe('--force, long names, interruptions', () => {
  it("--force keeps the replaced file's permission bits", () => {
    const dir = folder();
    for (const [name, mode] of [
      ['a.json', 0o640],
      ['b.json', 0o600],
      ['c.json', 0o755],
    ] as const) {
      writeFileSync(join(dir, name), 'old');
      chmodSync(join(dir, name), mode);
      expect(cofin(['check', SEED, '--format', 'json', '-o', name, '--force'], { cwd: dir })).toEqual({
        code: 0,
        stdout: '',
        stderr: '',
      });
      expect(readFileSync(join(dir, name), 'utf8')).toBe(expected());
      expect(statSync(join(dir, name)).mode & 0o7777).toBe(mode);
    }
    expect(cofin(['init', 'a.json', '--force'], { cwd: dir }).code).toBe(0);
    expect(statSync(join(dir, 'a.json')).mode & 0o7777).toBe(0o640);
  });

  it('a 250-byte file name: written, and replaced with --force', () => {
    const dir = folder();
    const name = `${'a'.repeat(245)}.json`;
    expect(Buffer.byteLength(name)).toBe(250);
    expect(cofin(['check', SEED, '--format', 'json', '-o', name], { cwd: dir })).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
    expect(cofin(['check', SEED, '--format', 'json', '-o', name, '--force'], { cwd: dir })).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
    expect(cofin(['init', name, '--force'], { cwd: dir }).code).toBe(0);
    expect(readdirSync(dir)).toEqual([name]);
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)(
    '%s during a check that reads a slow standard input: its temporary file removed, exit %d',
    async (signal, code) => {
      const dir = folder();
      const child = spawn(process.execPath, [bin, 'check', '-', '-o', 'out.json'], {
        cwd: dir,
        env,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      const exit = new Promise<[number | null, string | null]>((resolve) =>
        child.on('close', (status, sig) => resolve([status, sig])),
      );
      child.stdin.write('partner: X\n');
      // the temporary file exists once the command runs
      for (let waited = 0; temporaries(dir).length === 0; waited += 20) {
        if (waited > 10_000) throw new Error('no temporary file appeared');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(temporaries(dir)[0]).toMatch(/^\.cofin-[0-9a-f]{12}\.tmp$/);
      child.kill(signal);
      expect(await exit).toEqual([code, null]);
      expect(stderr).toBe('');
      expect(readdirSync(dir)).toEqual([]);
    },
  );
});

describe('a failing standard output', () => {
  it.each([
    ['check', [SEED]],
    ['check', [SEED, '--format', 'json']],
    // a failing check exits 1 on a working stdout: 2 here, not 1
    ['check', [join(root, 'fixtures/fail/wrong-figure.yaml')]],
    ['check', [join(root, 'fixtures/fail/wrong-figure.yaml'), '--format', 'junit']],
    ['report', [SEED]],
    ['extract', [DOC]],
    ['split', ['12758', 'erdf=85%', 'national=rest']],
    ['schema', []],
    ['init', ['-']],
  ])('%s > /dev/full: one line, exit 2', (command, args) => {
    const stdout = openSync('/dev/full', 'w');
    try {
      expect(run([command, ...args], { stdout })).toEqual({
        code: 2,
        stdout: '',
        stderr: 'cofin: error: cannot write standard output (ENOSPC)\n',
        signal: null,
      });
    } finally {
      closeSync(stdout);
    }
  });

  it('a report of many writes > /dev/full: one line, exit 2', () => {
    const dir = folder();
    writeFileSync(join(dir, 'big.json'), bigFile());
    const stdout = openSync('/dev/full', 'w');
    try {
      for (const format of ['table', 'json']) {
        expect(run(['check', 'big.json', '--format', format], { stdout }, dir)).toEqual({
          code: 2,
          stdout: '',
          stderr: 'cofin: error: cannot write standard output (ENOSPC)\n',
          signal: null,
        });
      }
    } finally {
      closeSync(stdout);
    }
  });

  it('a closed pipe ends quietly', () => {
    const dir = folder();
    writeFileSync(join(dir, 'big.json'), bigFile());
    const result = spawnSync(
      'bash',
      [
        '-c',
        `"$1" "$2" check big.json --format json | head -c 10 > /dev/null; echo "\${PIPESTATUS[0]}"`,
        'bash',
        process.execPath,
        bin,
      ],
      { cwd: dir, env, encoding: 'utf8' },
    );
    expect({ stdout: result.stdout, stderr: result.stderr }).toEqual({ stdout: '0\n', stderr: '' });
  });
});
