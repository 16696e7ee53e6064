import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeUtf8, readInput, STREAMED_CSV_SIZE } from '../src/io/read.js';
import { loadInput } from '../src/io/load.js';
import { loadPartnerCsv } from '../src/io/csv.js';
import { checkBudgetStream } from '../src/core/check.js';
import { CofinError } from '../src/core/errors.js';

// A CSV file past STREAMED_CSV_SIZE is read from disk in pieces each time its rows are read: the check of it must be
// the check of its whole text, and a file that is no UTF-8 text refused as any file is.

const dir = mkdtempSync(join(tmpdir(), 'cofin-streamed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const io = { cwd: dir } as never;

/** A table past the size, with multi-byte names across the pieces, a partner listed twice and a wrong amount. */
function bigTable(): string {
  const rows: string[] = ['partner;country;budget;erdf;municipal'];
  for (let i = 0; rows.length < 2 + STREAMED_CSV_SIZE / 40; i++)
    rows.push(`Pašvaldība ${i} ✓;LV;${1 + (i % 977)} ${String(i % 1000).padStart(3, '0')},50;85%;rest`);
  rows.splice(40_000, 0, 'Pašvaldība 7 ✓;LV;1 000,00;850,01;150');
  return `${rows.join('\r\n')}\r\n`;
}

const findings = (report: ReturnType<typeof checkBudgetStream>) =>
  report.findings.map((f) => [f.code, f.message, f.hint, f.line, f.column, f.pointer, f.partner]);

describe('a large CSV file read in pieces', () => {
  it('is checked as its whole text is, findings and places alike', async () => {
    const text = bigTable();
    writeFileSync(join(dir, 'big.csv'), text);
    const input = await readInput('big.csv', io);
    expect(input.streamed).toBeDefined();
    const streamed = checkBudgetStream(await loadInput(input));
    const whole = checkBudgetStream(loadPartnerCsv(text));
    expect(streamed.verdict).toBe(whole.verdict);
    expect(streamed.findings.length).toBeGreaterThan(1);
    expect(findings(streamed)).toEqual(findings(whole));
    expect(streamed.partners.length).toBe(whole.partners.length);
  });

  it('refuses bytes that are no UTF-8, and a NUL, with the place the whole reading gives', async () => {
    const good = Buffer.from(bigTable());
    for (const [name, bad] of [
      ['latin.csv', Buffer.from([0x4b, 0x6f, 0x70, 0xe0, 0x3b])],
      ['nul.csv', Buffer.from([0x41, 0x00, 0x42])],
    ] as const) {
      const bytes = Buffer.concat([good.subarray(0, 3_000_000), bad, good.subarray(3_000_000)]);
      writeFileSync(join(dir, name), bytes);
      let want: CofinError | undefined;
      try {
        decodeUtf8(bytes);
      } catch (error) {
        want = error as CofinError;
      }
      expect(want).toBeInstanceOf(CofinError);
      await expect(readInput(name, io)).rejects.toMatchObject({
        message: want?.message,
        hint: want?.hint,
        location: want?.location,
      });
    }
  });

  it('is read whole when it is small, and when its format is named', async () => {
    writeFileSync(join(dir, 'small.csv'), 'partner;budget;erdf\nA;100;85%\n');
    expect((await readInput('small.csv', io)).streamed).toBeUndefined();
    writeFileSync(join(dir, 'big.txt'), bigTable());
    expect((await readInput('big.txt', io)).streamed).toBeUndefined();
  });
});
