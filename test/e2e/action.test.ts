import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { root } from './run.js';

// The GitHub Action: action.yml runs scripts/github-action.mjs with its inputs in the environment.
const action = YAML.parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default: string }>;
  runs: {
    using: string;
    steps: Array<{ run?: string; uses?: string; env?: Record<string, string>; 'working-directory'?: string }>;
  };
};

function runAction(inputs: { paths: string; format?: string; strict?: string }, summary = '# earlier step\n') {
  const dir = mkdtempSync(join(tmpdir(), 'cofin-action-'));
  const file = join(dir, 'summary.md');
  writeFileSync(file, summary);
  const { FORCE_COLOR, NO_COLOR, TERM, ...env } = process.env;
  const run = spawnSync(process.execPath, [join(root, 'scripts/github-action.mjs')], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...env,
      GITHUB_STEP_SUMMARY: file,
      COFIN_PATHS: inputs.paths,
      COFIN_FORMAT: inputs.format ?? action.inputs.format!.default,
      COFIN_STRICT: inputs.strict ?? action.inputs.strict!.default,
    },
  });
  return { stdout: run.stdout, stderr: run.stderr, code: run.status, summary: readFileSync(file, 'utf8') };
}

describe('action.yml', () => {
  it('is a composite action with the inputs paths, format and strict that installs cofin from its own folder', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default]))).toEqual({
      paths: '.',
      format: 'github',
      strict: 'false',
    });
    const install = action.runs.steps.find((s) => s.run?.startsWith('npm ci'));
    expect(install?.['working-directory']).toBe('${{ github.action_path }}');
    const check = action.runs.steps.at(-1)!;
    expect(check.run).toBe('node "$GITHUB_ACTION_PATH/scripts/github-action.mjs"');
    expect(check.env).toEqual({
      COFIN_PATHS: '${{ inputs.paths }}',
      COFIN_FORMAT: '${{ inputs.format }}',
      COFIN_STRICT: '${{ inputs.strict }}',
    });
  });
});

describe('scripts/github-action.mjs', () => {
  it('writes annotations and appends a Markdown summary: a passing, a failing and an invalid file', () => {
    const run = runAction({
      paths:
        'fixtures/ventspils-digital-centre.yaml fixtures/fail/wrong-figure.yaml fixtures/invalid/bad-amount-ambiguous.yaml',
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(
      '::error file=fixtures/fail/wrong-figure.yaml,line=5,col=35,title=cofin share-mismatch::',
    );
    expect(run.stdout).toContain(
      '::error file=fixtures/invalid/bad-amount-ambiguous.yaml,line=2,col=9,title=cofin bad-amount::',
    );
    expect(run.stdout).toContain(
      '::notice file=fixtures/ventspils-digital-centre.yaml,line=16,col=10,title=cofin project-unaccounted::',
    );
    expect(run.summary).toBe(`# earlier step
## cofin check

3 files: 1 passed, 1 failed, 1 invalid

| File | Verdict | Partners | Errors | First error |
| --- | --- | ---: | ---: | --- |
| fixtures/ventspils-digital-centre.yaml | ✅ pass | 1 | 0 |  |
| fixtures/fail/wrong-figure.yaml | ❌ fail | 1 | 2 | line 3: the declared amounts add up to EUR 12 398, EUR 360 less than the budget EUR 12 758 (sum-mismatch) |
| fixtures/invalid/bad-amount-ambiguous.yaml | ⚠️ invalid | 0 | 1 | line 2: ambiguous amount: "12,758" could be 12758 or 12.758 (bad-amount) |

`);
  });

  it('exits 0 when every file passes, and 1 with strict on a note', () => {
    expect(runAction({ paths: 'fixtures/ventspils-digital-centre.yaml' }).code).toBe(0);
    const strict = runAction({ paths: 'fixtures/ventspils-digital-centre.yaml', strict: 'true' });
    expect(strict.code).toBe(1);
    expect(strict.summary).toContain(
      '| fixtures/ventspils-digital-centre.yaml | ❌ fail | 1 | 1 | line 16: EUR 134 236 of the project total',
    );
  });

  it('takes another log format', () => {
    const run = runAction({ paths: 'fixtures/ventspils-digital-centre.yaml', format: 'table' });
    expect(run.stdout).toMatch(/^PASS fixtures\/ventspils-digital-centre\.yaml /);
  });

  it('escapes the cells: a file name cannot add a cell, a link or HTML', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cofin-action-files-'));
    const name = join(dir, 'a|b <img src=x>[x](y).yaml');
    writeFileSync(name, readFileSync(join(root, 'fixtures/fail/wrong-figure.yaml')));
    const run = runAction({ paths: `${name}\nfixtures/ventspils-digital-centre.yaml\n` }); // one a line: a name may hold spaces
    expect(run.code).toBe(1);
    expect(run.summary).toContain('2 files: 1 passed, 1 failed');
    const row = run.summary.split('\n').find((line) => line.includes('a\\|b'))!;
    expect(row).toContain('a\\|b &lt;img src=x&gt;\\[x\\](y).yaml | ❌ fail |');
    expect(row.split(/(?<!\\)\|/)).toHaveLength(7);
  });
});
