import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, symlinkSync, truncateSync, writeFileSync, chmodSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cofin } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'cofin-hostile-'));
const write = (name: string, content: string | Buffer) => {
  writeFileSync(join(dir, name), content);
  return name;
};
/** Checks one file; returns its single finding (or verdict) from the JSON report. */
function checkOne(name: string) {
  const run = cofin(['check', name, '--format', 'json'], { cwd: dir });
  const [file] = JSON.parse(run.stdout).files;
  return { code: run.code, verdict: file.verdict, finding: file.findings[0], stderr: run.stderr };
}

describe('hostile and broken input ends within seconds with a clear message', () => {
  it.each([
    [
      'a YAML alias bomb',
      () =>
        write(
          'bomb.yaml',
          `a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\npartner: X\nbudget: 1\nfunding: {erdf: 100%}\n`,
        ),
      'unknown-key',
      'unknown key "a" in the budget file',
    ],
    [
      'an alias bomb where the walker goes',
      () =>
        write(
          'bomb2.yaml',
          `funding: &f {erdf: 100%}\npartners:\n${'  - {partner: X, budget: 1, funding: *f}\n'.repeat(1200)}`,
        ),
      'syntax',
      'more than 1000 alias uses',
    ],
    [
      '10 000-level YAML nesting',
      () => write('deep.yaml', `a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`),
      'syntax',
      'the file nests lists or mappings too deeply to read',
    ],
    [
      '10 000-level JSON nesting',
      () => write('deep.json', `{"partner": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`),
      'syntax',
      'the file nests lists or mappings too deeply to read',
    ],
    [
      'a 1 GB sparse file',
      () => (truncateSync(join(dir, write('sparse.yaml', '')), 1024 ** 3), 'sparse.yaml'),
      'too-large',
      'the file is 1073741824 bytes, more than the limit of 67108864',
    ],
    [
      'a number with 5 000 digits',
      () => write('digits.yaml', `partner: X\nbudget: ${'9'.repeat(5000)}\nfunding: {erdf: 100%}\n`),
      'bad-amount',
      'more than 60 digits: "99999999999999999999…9999999999"',
    ],
    [
      'binary data',
      () => write('random.yaml', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))),
      'encoding',
      'the file holds binary data (a NUL byte), not text',
    ],
    [
      'UTF-16 text',
      () => write('utf16.yaml', Buffer.from('\ufeffpartner: X\n', 'utf16le')),
      'encoding',
      'the file is UTF-16, not UTF-8',
    ],
    ['/dev/zero', () => '/dev/zero', 'unreadable', 'is not a regular file'],
    [
      'a JSON number with 5 000 digits',
      () => write('digits.json', `{"partner": "X", "budget": ${'9'.repeat(5000)}, "funding": {"erdf": "100%"}}`),
      'bad-amount',
      'more than 60 digits: "99999999999999999999…9999999999"',
    ],
    [
      'a JSON number with a leading zero',
      () => write('zero.json', '{"partner": "X", "budget": 0100, "funding": {"erdf": "100%"}}'),
      'syntax',
      'JSON syntax: Unexpected number',
    ],
  ])('%s', (_, make, code, message) => {
    const result = checkOne(make());
    expect(result).toMatchObject({ code: 2, verdict: 'invalid', finding: { code, message } });
  });

  it('a 10 MB single line', () => {
    const name = write(
      'long.yaml',
      `partner: ${'x'.repeat(10_000_000)}\nbudget: 12 758\nfunding: {erdf: 85%, national: rest}\n`,
    );
    expect(checkOne(name)).toMatchObject({ code: 0, verdict: 'pass' });
  });

  it('a 10 MB single line of JSON, numbers and an escaped control character in a string', () => {
    const name = write(
      'long.json',
      `{"partner": "${'x'.repeat(10_000_000)}\\u0001", "budget": 12758, "funding": {"erdf": 85, "national": "rest"}}`,
    );
    expect(checkOne(name)).toMatchObject({ code: 0, verdict: 'pass' });
  });

  it('10 000 sources for one partner', () => {
    const sources = Array.from({ length: 10_000 }, (_, i) => `  s${i}: { name: S${i}, rate: "0,01%" }\n`).join('');
    const result = checkOne(write('sources.yaml', `partner: X\nbudget: 1 000 000\nfunding:\n${sources}`));
    expect(result).toMatchObject({ code: 0, verdict: 'pass' });
  });

  it('a FIFO', () => {
    execFileSync('mkfifo', [join(dir, 'fifo.yaml')]);
    expect(checkOne('fifo.yaml')).toMatchObject({
      code: 2,
      finding: { code: 'unreadable', message: 'is not a regular file' },
    });
  });

  it('a symlink loop, named and inside a folder', () => {
    mkdirSync(join(dir, 'loop'));
    symlinkSync('b.yaml', join(dir, 'loop', 'a.yaml'));
    symlinkSync('a.yaml', join(dir, 'loop', 'b.yaml'));
    symlinkSync('..', join(dir, 'loop', 'up')); // a folder loop is not followed
    writeFileSync(join(dir, 'loop', 'ok.yaml'), 'partner: X\nbudget: 100\nfunding: {erdf: 85%, national: rest}\n');
    expect(checkOne('loop/a.yaml')).toMatchObject({
      code: 2,
      finding: { code: 'unreadable', message: 'cannot read the file (ELOOP)' },
    });
    const folder = cofin(['check', 'loop', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(folder.stdout).files.map((f: { file: string }) => f.file)).toEqual(['loop/ok.yaml']);
  });

  // root reads every file whatever its mode, so the check can only run as another user
  it.skipIf(process.getuid?.() === 0)('a file without read permission', () => {
    const name = write('secret.yaml', 'partner: X\n');
    chmodSync(join(dir, name), 0o000);
    expect(checkOne(name)).toMatchObject({ code: 2, finding: { code: 'unreadable', message: 'permission denied' } });
  });

  it('never leaves a file behind', () => {
    const before = readdirSync(join(dir, 'loop')).length;
    cofin(['check', 'loop', 'bomb.yaml', 'utf16.yaml'], { cwd: dir });
    expect(readdirSync(join(dir, 'loop')).length).toBe(before);
  });
});

describe('a large multi-partner file', () => {
  const count = 3000;
  const partners = Array.from(
    { length: count },
    (_, i) =>
      `{"partner": "P${i}", "budget": ${1000 + i}, "funding": ${i === 2500 ? '{"erdf": {"rate": "85%", "amount": "7"}, "national": "rest"}' : '{"erdf": "85%", "national": "rest"}'}}`,
  );
  const name = write('big.json', `{"partners": [\n${partners.join(',\n')}\n]}\n`);

  it('is written a partner at a time through a pipe, whole and in order, its finding placed', () => {
    const run = cofin(['check', name, '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const [file] = JSON.parse(run.stdout).files;
    expect(file.partners).toHaveLength(count);
    expect(file.partners.map((p: { partner: string }) => p.partner)).toEqual(
      Array.from({ length: count }, (_, i) => `P${i}`),
    );
    // line 2 502 is partner 2 500; the finding stands at its declared amount
    expect(
      file.findings.map((f: { code: string; line: number; column: number }) => [f.code, f.line, f.column]),
    ).toEqual([['share-mismatch', 2502, partners[2500]!.indexOf('"7"') + 1]]);
  });

  it('writes the same bytes to --output as to standard output, and refuses to overwrite', () => {
    const piped = cofin(['check', name, '--format', 'json'], { cwd: dir });
    const written = cofin(['check', name, '--format', 'json', '-o', 'big-report.json'], { cwd: dir });
    expect([written.code, written.stdout, written.stderr]).toEqual([1, '', '']);
    expect(execFileSync('cat', [join(dir, 'big-report.json')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })).toBe(
      piped.stdout,
    );
    const again = cofin(['check', name, '--format', 'json', '-o', 'big-report.json'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('big-report.json already exists');
    expect(readdirSync(dir).filter((n) => n.includes('big-report'))).toEqual(['big-report.json']);
  });
});
