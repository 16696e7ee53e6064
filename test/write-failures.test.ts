import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Failures a test machine cannot make for real (a full disk, a folder root may
 * not write to, a file root may not read): the file system call fails as the
 * kernel would fail it, and cofin must say so and leave nothing behind.
 */
function failing(call: 'writeSync' | 'openSync' | 'statSync', code: string, after = 0) {
  vi.doMock('node:fs', async (original) => {
    const fs = await original<typeof import('node:fs')>();
    let calls = 0;
    const fail = (...args: unknown[]) => {
      // the first `after` calls go through: a failure mid-way
      if (calls++ < after) return (fs[call] as (...a: unknown[]) => unknown)(...args);
      throw Object.assign(new Error(`${code}: simulated`), { code });
    };
    return { ...fs, default: { ...fs, [call]: fail }, [call]: fail };
  });
}

function fakeIo(cwd: string) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    stdin: process.stdin,
    env: {},
    cwd,
  };
  return { io, out: () => stdout, err: () => stderr };
}

afterEach(() => {
  vi.doUnmock('node:fs');
  vi.resetModules();
});

describe('writing a file that cannot be written', () => {
  it.each([
    ['a full disk', 'writeSync', 'ENOSPC', 'out.json: no space left on the device'],
    ['a read-only folder', 'openSync', 'EACCES', 'out.json: permission denied'],
    ['a read-only file system', 'openSync', 'EROFS', 'out.json: permission denied'],
  ] as const)('%s: a clear error, no partial file, the old file untouched', async (_case, call, code, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'cofin-write-'));
    writeFileSync(join(dir, 'out.json'), 'old');
    failing(call, code);
    const { writeNewFile } = await import('../src/io/write.js');
    await expect(writeNewFile(dir, 'out.json', '{"new": true}', true)).rejects.toMatchObject({
      code: 'unwritable',
      message,
      exitCode: 2,
    });
    expect(readdirSync(dir)).toEqual(['out.json']);
    const { readFileSync } = await vi.importActual<typeof import('node:fs')>('node:fs');
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe('old');
  });
});

describe('writing that fails mid-way', () => {
  it.each([
    ['a disk that fills up', 'ENOSPC', 'out.json: no space left on the device'],
    ['an I/O error', 'EIO', 'out.json: cannot write (EIO)'],
  ] as const)(
    '%s after the first part: a clear error, no partial file, the old file untouched',
    async (_case, code, message) => {
      const dir = mkdtempSync(join(tmpdir(), 'cofin-write-'));
      writeFileSync(join(dir, 'out.json'), 'old');
      failing('writeSync', code, 1);
      const { openNewFile } = await import('../src/io/write.js');
      const file = await openNewFile(dir, 'out.json', { force: true });
      file.write('{"first": "part"');
      expect(() => file.write(', "second": "part"}')).toThrow(
        expect.objectContaining({ code: 'unwritable', message, exitCode: 2 }),
      );
      await file.discard();
      const { readFileSync } = await vi.importActual<typeof import('node:fs')>('node:fs');
      expect(readdirSync(dir)).toEqual(['out.json']);
      expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe('old');
    },
  );

  it('through the command line: one error and its hint, exit 2, nothing left behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cofin-write-'));
    writeFileSync(join(dir, 'out.json'), 'old');
    // check gathers its output into large writes: this one is the first
    failing('writeSync', 'ENOSPC');
    const { main } = await import('../src/cli.js');
    const { io, out, err } = fakeIo(dir);
    expect(
      await main(
        [
          'check',
          join(process.cwd(), 'fixtures/ventspils-digital-centre.yaml'),
          '--format',
          'json',
          '-o',
          'out.json',
          '--force',
        ],
        io,
      ),
    ).toBe(2);
    expect([out(), err()]).toEqual([
      '',
      'cofin: error: out.json: no space left on the device\nhint: free some space and try again\n',
    ]);
    const { readFileSync } = await vi.importActual<typeof import('node:fs')>('node:fs');
    expect(readdirSync(dir)).toEqual(['out.json']);
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe('old');
  });

  it('a FIFO whose reader went away (EPIPE): quiet, as a closed pipe on standard output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cofin-write-'));
    failing('writeSync', 'EPIPE');
    const { main } = await import('../src/cli.js');
    const { io, out, err } = fakeIo(dir);
    // /dev/null stands for the FIFO: written into directly, where EPIPE would come from
    expect(
      await main(['check', join(process.cwd(), 'fixtures/ventspils-digital-centre.yaml'), '-o', '/dev/null'], io),
    ).toBe(0);
    expect([out(), err()]).toEqual(['', '']);
  });
});

describe('a failing standard output (the bin hands its stream errors to streamFailed)', () => {
  it.each([
    ['ENOSPC', 'stdout', 0, 2, 'cofin: error: cannot write standard output (ENOSPC)\n'],
    ['EIO', 'stdout', 1, 2, 'cofin: error: cannot write standard output (EIO)\n'],
    ['EPIPE', 'stdout', 1, 1, ''],
    ['EPIPE', 'stdout', undefined, 0, ''],
    ['EIO', 'stderr', undefined, 2, ''],
  ] as const)('%s on %s (exit code so far %s): exit %d', async (code, stream, sofar, exit, said) => {
    const { streamFailed } = await import('../src/cli.js');
    let stderr = '';
    expect(
      streamFailed(
        Object.assign(new Error(code), { code }),
        stream,
        { write: (text: string) => (stderr += text) },
        sofar,
      ),
    ).toBe(exit);
    expect(stderr).toBe(said);
  });
});

describe('reading a file that cannot be read', () => {
  it('permission denied (which root never sees): unreadable, with a hint', async () => {
    failing('openSync', 'EACCES');
    const { readInput } = await import('../src/io/read.js');
    await expect(readInput('budget.yaml', { cwd: tmpdir() } as never)).rejects.toMatchObject({
      code: 'unreadable',
      message: 'permission denied',
      hint: 'cofin needs read access to the file',
    });
  });
});
