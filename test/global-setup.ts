import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// End-to-end tests run bin/cofin.cjs: build it when any source is newer than
// the build, so that `npx vitest` never tests a stale dist/ (`npm test` has
// just built it, and nothing is done twice).
const root = new URL('..', import.meta.url).pathname;

function newest(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);
}

export default function setup(): void {
  let built = 0;
  try {
    built = statSync(join(root, 'dist', 'cofin.cjs')).mtimeMs;
  } catch {
    // not built yet
  }
  const sources = Math.max(
    newest(join(root, 'src')),
    statSync(join(root, 'package.json')).mtimeMs,
    statSync(join(root, 'scripts', 'build.mjs')).mtimeMs,
  );
  if (sources > built) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}
