/**
 * Defects new users found in earlier trials of cofin (stop 24). Each case ran
 * through the built bin and failed before its fix.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cofin, root, type Run } from './e2e/run.js';

const dir = mkdtempSync(join(tmpdir(), 'cofin-trial24-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let count = 0;
function write(text: string, ext = 'yaml'): string {
  const name = `case-${++count}.${ext}`;
  writeFileSync(join(dir, name), text);
  return name;
}
const run = (args: string[]): Run => cofin(args, { cwd: dir });

/** The runner's decoding of a property value (actions/toolkit's escapeProperty, undone). */
const githubDecode = (value: string) =>
  value.replace(/%(25|0D|0A|3A|2C)/g, (_, code: string) => String.fromCharCode(parseInt(code, 16)));

describe('GitHub annotations: file= is the file, escaped by GitHub rules', () => {
  it.each([
    ['a newline', 'line\nbreak.yaml'],
    ['a carriage return', 'carriage\rreturn.yaml'],
    ['a percent sign, a colon and a comma', '100%:a,b.yaml'],
    ['a backslash before n', 'back\\nslash.yaml'],
  ])('%s in the name: decoded, file= is the path itself, and the command is one line', (_, name) => {
    const sub = join(dir, `github-${++count}`);
    mkdirSync(sub);
    copyFileSync(join(root, 'fixtures/folder/budgets/wrong-figure.yaml'), join(sub, name));
    const result = cofin(['check', name, '--format', 'github'], { cwd: sub });
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n').filter(Boolean);
    const annotations = lines.filter((line) => line.startsWith('::'));
    expect(annotations).toHaveLength(2);
    expect(lines).toHaveLength(3); // two annotations and the summary: no value ended a command early
    for (const line of annotations) {
      const match = /^::error file=([^,:]*),line=\d+,col=\d+,title=cofin [a-z-]+::/.exec(line);
      expect(match, line).not.toBeNull();
      expect(githubDecode(match![1]!)).toBe(name);
    }
  });

  it('a control character GitHub cannot encode is shown escaped, never raw', () => {
    const sub = join(dir, `github-${++count}`);
    mkdirSync(sub);
    copyFileSync(join(root, 'fixtures/folder/budgets/wrong-figure.yaml'), join(sub, 'esc\u001b[2J.yaml'));
    const result = cofin(['check', 'esc\u001b[2J.yaml', '--format', 'github'], { cwd: sub });
    expect(result.stdout).not.toContain('\u001b');
    expect(result.stdout).toContain('::error file=esc\\x1b[2J.yaml,line=3,col=9,');
  });
});

describe('check --format csv of a claim file names its partner', () => {
  it('the row has the partner, the currency and the budget', () => {
    const result = cofin(['check', 'fixtures/claims/declared.yaml', '--format', 'csv']);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[1]).toBe(
      'fixtures/claims/declared.yaml,fail,Ventspils Digital Centre,,EUR,12758.00,,,,,,,,',
    );
  });
});

export { readFileSync, write, run };
