import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bin, root, scratch } from './run.js';

const good = join(root, 'fixtures/ventspils-digital-centre.yaml');
const work = scratch('cofin-streams-');
// prints, at exit, whether Node's net module was loaded (it comes with process.stderr on a pipe)
const probe = join(
  work.dir,
  work.write(
    `process.on('exit', () => require('fs').writeSync(1,
  process.moduleLoadList.includes('NativeModule net') ? '\\nNET' : '\\nNO-NET'));\n`,
    'cjs',
  ),
);

function run(args: string[], stderr: 'pipe' | number, stdout?: number) {
  return spawnSync(process.execPath, [...(stdout === undefined ? [] : ['-r', probe]), bin, ...args], {
    stdio: ['ignore', stdout ?? 'pipe', stderr],
    encoding: 'utf8',
  });
}

describe('standard error is made when something is written to it', () => {
  it('a passing check with stderr a pipe says nothing there and never loads net', () => {
    // stdout a file: a pipe there would load net itself
    const out = work.fresh('stdout.txt');
    const fd = openSync(out, 'w');
    const result = run(['check', good], 'pipe', fd);
    closeSync(fd);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(readFileSync(out, 'utf8')).toMatch(/passed[^]*\nNO-NET$/);
  });

  it('an error still reaches stderr as a pipe, a file and /dev/full (exit 2 there)', () => {
    const piped = run(['check', 'no-such-file.yaml'], 'pipe');
    expect(piped.status).toBe(2);
    expect(piped.stderr).toMatch(/^no-such-file\.yaml: error: no such file/);
    const file = work.fresh('stderr.txt');
    const fd = openSync(file, 'w');
    const filed = run(['check', 'no-such-file.yaml'], fd);
    closeSync(fd);
    expect(filed.status).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe(piped.stderr);
    if (existsSync('/dev/full')) {
      const full = openSync('/dev/full', 'w');
      const failed = run(['check', 'no-such-file.yaml'], full);
      closeSync(full);
      expect(failed.status).toBe(2);
      expect(failed.stdout).toBe(piped.stdout);
    }
  });
});
