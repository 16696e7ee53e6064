import { afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const bin = `${root}bin/cofin.cjs`;

export interface Run {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Runs the built cofin binary as a user would, with a clean colour environment. */
export function cofin(
  args: string[],
  options: { input?: string | Buffer; env?: Record<string, string>; cwd?: string } = {},
): Run {
  const { FORCE_COLOR, NO_COLOR, TERM, COLUMNS, ...env } = process.env;
  const result = spawnSync(process.execPath, [bin, ...args], {
    input: options.input ?? '',
    env: { ...env, ...options.env },
    cwd: options.cwd ?? root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}

/**
 * A temporary folder for one test file, removed after it: `write` puts a budget file there (its name back),
 * `run` runs cofin in it, `fresh` names a new subfolder path.
 */
export function scratch(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let count = 0;
  return {
    dir,
    write: (text: string, ext = 'yaml'): string => {
      const name = `case-${++count}.${ext}`;
      writeFileSync(join(dir, name), text);
      return name;
    },
    run: (args: string[]): Run => cofin(args, { cwd: dir }),
    fresh: (name: string): string => join(dir, `${name}-${++count}`),
  };
}
