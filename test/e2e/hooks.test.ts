import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { cofin, root } from './run.js';

// The pre-commit hook as pre-commit runs it: its entry, given the staged files that its patterns select.
const [hook] = YAML.parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as {
  id: string;
  entry: string;
  files: string;
  exclude: string;
}[];

function stagedRun(files: Record<string, string>) {
  const repo = mkdtempSync(join(tmpdir(), 'cofin-hook-'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.email=t@example.org', '-c', 'user.name=t', ...args], {
      cwd: repo,
      encoding: 'utf8',
    });
  git('init', '-q');
  for (const [name, from] of Object.entries(files)) {
    if (from.startsWith('fixtures/')) copyFileSync(join(root, from), join(repo, name));
    else writeFileSync(join(repo, name), from);
  }
  git('add', '.');
  const staged = git('diff', '--cached', '--name-only').split('\n').filter(Boolean);
  const selected = staged.filter((f) => new RegExp(hook!.files).test(f) && !new RegExp(hook!.exclude).test(f));
  const [command, ...args] = hook!.entry.split(' ');
  expect(command).toBe('cofin');
  return { selected, run: cofin([...args, ...selected], { cwd: repo }) };
}

describe('the pre-commit hook', () => {
  it('checks the staged budget files and passes good ones', () => {
    const { selected, run } = stagedRun({
      'budget.yaml': 'fixtures/ventspils-digital-centre.yaml',
      'package.json': '{"name":"x"}',
      'notes.txt': 'text',
    });
    expect(selected).toEqual(['budget.yaml']);
    expect(run.code).toBe(0);
  });

  it("leaves workflow files, dot-files, node_modules and cofin's own config to other tools", () => {
    const { selected, run } = stagedRun({
      'budget.yaml': 'fixtures/ventspils-digital-centre.yaml',
      'cofin.config.yaml': 'exclude: [archive/]\n',
      '.pre-commit-config.yaml': 'repos: []\n',
    });
    expect(selected).toEqual(['budget.yaml']);
    expect(run.code).toBe(0);
    const workflow = new RegExp(hook!.exclude);
    for (const path of [
      '.github/workflows/ci.yml',
      'node_modules/x/package.json',
      'sub/.eslintrc.json',
      'sub/cofin.config.json',
    ])
      expect(workflow.test(path), path).toBe(true);
    for (const path of ['budgets/lv.yaml', 'a/b.json', 'partners.csv']) expect(workflow.test(path), path).toBe(false);
  });

  it("passes over a claim file's rate table and cofin's own outputs staged beside the budgets, as a folder walk does", () => {
    const { selected, run } = stagedRun({
      'budget.yaml': 'fixtures/ventspils-digital-centre.yaml',
      'rates.csv': 'month,currency,rate\n2024-03,SEK,11.2345\n',
      'check.json': '{"schemaVersion": 1, "files": []}\n',
    });
    expect(selected.sort()).toEqual(['budget.yaml', 'check.json', 'rates.csv']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 file: 1 passed');
    // only a rate table staged: nothing to check, and nothing stops the commit
    expect(stagedRun({ 'rates.csv': 'month,currency,rate\n2024-03,SEK,11.2345\n' }).run.code).toBe(0);
  });

  it('stops a commit whose figures fail', () => {
    const { selected, run } = stagedRun({
      'good.yaml': 'fixtures/ventspils-digital-centre.yaml',
      'wrong.yaml': 'fixtures/fail/wrong-figure.yaml',
    });
    expect(selected.sort()).toEqual(['good.yaml', 'wrong.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('FAIL wrong.yaml');
  });
});
