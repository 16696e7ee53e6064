import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Failures a test machine cannot make for real (a full disk, a folder root may
 * not write to, a file root may not read): the file system call fails as the
 * kernel would fail it, and cofin must say so and leave nothing behind.
 */
function failing(call: 'writeSync' | 'openSync' | 'statSync', code: string) {
  vi.doMock('node:fs', async (original) => {
    const fs = await original<typeof import('node:fs')>();
    const fail = () => {
      throw Object.assign(new Error(`${code}: simulated`), { code });
    };
    return { ...fs, default: { ...fs, [call]: fail }, [call]: fail };
  });
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
    await expect(writeNewFile(dir, 'out.json', '{"new": true}', true)).rejects.toMatchObject({ code: 'unwritable', message, exitCode: 2 });
    expect(readdirSync(dir)).toEqual(['out.json']);
    const { readFileSync } = await vi.importActual<typeof import('node:fs')>('node:fs');
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe('old');
  });
});

describe('reading a file that cannot be read', () => {
  it('permission denied (which root never sees): unreadable, with a hint', async () => {
    failing('openSync', 'EACCES');
    const { readInput } = await import('../src/io/read.js');
    await expect(readInput('budget.yaml', { cwd: tmpdir() } as never)).rejects.toMatchObject({ code: 'unreadable', message: 'permission denied', hint: 'cofin needs read access to the file' });
  });
});
