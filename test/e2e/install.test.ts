import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './run.js';

// The package as a user gets it: packed, installed globally into a temporary
// prefix and locally into a project, then run from a folder with no fixtures.
const npm = (args: string[], cwd: string) =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd,
    encoding: 'utf8',
  });

describe('npm pack and install', () => {
  const work = mkdtempSync(join(tmpdir(), 'cofin-install-'));
  // dist/ is built by `npm test` before the suite; packing must not rebuild it under the other tests
  const packed = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], root)) as {
    filename: string;
    files: { path: string }[];
  }[];
  const tarball = join(work, packed[0]!.filename);

  it('ships the CLI, the library, the README, the docs it links to and the LICENSE, and no sources or tests', () => {
    const files = packed[0]!.files.map((f) => f.path).sort();
    for (const needed of [
      'LICENSE',
      'README.md',
      'bin/cofin.cjs',
      'dist/cofin.cjs',
      'dist/index.js',
      'dist/types/index.d.ts',
      'package.json',
    ])
      expect(files).toContain(needed);
    // The README's links into docs/ must work in the installed package too.
    const linked = [...readFileSync(join(root, 'README.md'), 'utf8').matchAll(/\]\((docs\/[^)#\s]+)/g)].map(
      (m) => m[1]!,
    );
    expect(linked.length).toBeGreaterThan(3);
    for (const doc of new Set(linked)) expect(files).toContain(doc);
    expect(files.filter((f) => /^(src|test|fixtures|scripts|bench)\//.test(f))).toEqual([]);
  });

  it('installs globally and runs from any folder: init, check, split', () => {
    const prefix = join(work, 'prefix');
    npm(['install', '-g', '--prefix', prefix, tarball], work);
    const bin = join(prefix, 'bin', 'cofin');
    const cwd = mkdtempSync(join(tmpdir(), 'cofin-user-'));
    const run = (args: string[]) =>
      spawnSync(bin, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(run(['init', 'budget.yaml']).status).toBe(0);
    const check = run(['check', 'budget.yaml']);
    expect({ code: check.status, head: check.stdout.split('\n')[0] }).toEqual({
      code: 0,
      head: 'PASS budget.yaml  Ventspils Digital Centre: EUR 12 758, largest-remainder, unit 1',
    });
    const split = run([
      'split',
      'EUR 12 758',
      'erdf=85%',
      'municipal=10%',
      'state=5%',
      '--unit',
      '1',
      '--format',
      'csv',
    ]);
    expect(
      split.stdout
        .split('\n')
        .slice(1, 4)
        .map((l) => l.split(',')[5]),
    ).toEqual(['10844', '1276', '638']);
    expect(readdirSync(cwd)).toEqual(['budget.yaml']);
  }, 120_000);

  it('installs into a project as a library', () => {
    const project = join(work, 'project');
    execFileSync('mkdir', ['-p', project]);
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'user-project', private: true, type: 'module' }),
    );
    npm(['install', tarball], project);
    const script =
      "import { split } from 'cofin'; const r = split({ budget: 'EUR 12 758', shares: [{ id: 'erdf', rate: '85%' }, { id: 'municipal', rate: '10%' }, { id: 'state', rate: '5%' }], unit: '1' }); console.log(r.shares.map((s) => s.amount.toFixed()).join(' '));";
    expect(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' }).trim(),
    ).toBe('10844 1276 638');
  }, 120_000);
});
