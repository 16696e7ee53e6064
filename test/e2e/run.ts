import { spawnSync } from 'node:child_process';
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
