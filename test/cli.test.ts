import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { main } from '../src/cli.js';
import { root } from './e2e/run.js';

function io(write: (text: string) => void) {
  const err: string[] = [];
  return {
    err,
    io: {
      stdout: { write, isTTY: false },
      stderr: { write: (t: string) => err.push(t), isTTY: false },
      stdin: new PassThrough(),
      env: {},
      cwd: root,
    },
  };
}

describe('main', () => {
  it('turns an unexpected error into one line and exit 70', async () => {
    const { err, io: streams } = io(() => {
      throw new Error('disk on fire');
    });
    expect(await main(['split', '100', 'erdf=100%'], streams)).toBe(70);
    expect(err.join('')).toBe('cofin: internal error: disk on fire; please report it with the command you ran\n');
  });

  it('returns the exit code without a process', async () => {
    const out: string[] = [];
    const { io: streams } = io((t) => out.push(t));
    expect(
      await main(
        ['split', '12758', 'erdf=85%', 'municipal=10%', 'state=5%', '--unit', '1', '--format', 'csv'],
        streams,
      ),
    ).toBe(0);
    expect(out.join('')).toContain('erdf,ERDF,eu-fund,85,10844.3,10844,-0.3');
  });
});

describe('library API', () => {
  it('is importable as "cofin" from the built package', () => {
    const script =
      "import { split, parseAmount } from 'cofin'; const r = split({ budget: 'EUR 12 758', shares: [{ id: 'erdf', rate: '85%' }, { id: 'municipal', rate: '10%' }, { id: 'state', rate: '5%' }], unit: '1' }); console.log(r.shares.map((s) => s.amount.toFixed()).join(' '), parseAmount('12 758,00').value.toFixed(2));";
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' })).toBe(
      '10844 1276 638 12758.00\n',
    );
    const check =
      "import { parseBudgetFile, checkBudgetFile } from 'cofin'; import { readFileSync } from 'node:fs'; console.log(checkBudgetFile(parseBudgetFile(readFileSync('fixtures/ventspils-digital-centre.yaml', 'utf8'), 'yaml')).verdict);";
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', check], { cwd: root, encoding: 'utf8' })).toBe(
      'pass\n',
    );
    const stream =
      "import { loadBudgetFile, checkBudgetStream } from 'cofin'; import { readFileSync } from 'node:fs'; const r = checkBudgetStream(loadBudgetFile(readFileSync('fixtures/ventspils-digital-centre.json', 'utf8'), 'json')); console.log(r.verdict, [...r.partners].map((p) => p.shares.map((s) => s.computed.toFixed()).join(' ')).join());";
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', stream], { cwd: root, encoding: 'utf8' })).toBe(
      'pass 10844 1276 638\n',
    );
  });
});

describe('check streams its JSON', () => {
  it('writes the same bytes as rendering the whole report at once', async () => {
    const { checkCommand } = await import('../src/commands/check.js');
    const { checkToJson } = await import('../src/render/check.js');
    const out: string[] = [];
    const { io: streams } = io((t) => out.push(t));
    const code = await main(['check', 'fixtures', '--format', 'json'], streams);
    expect(code).toBe(2);
    const whole = await checkCommand({ paths: ['fixtures'], format: 'json', strict: false }, streams);
    expect(out.join('')).toBe(JSON.stringify(checkToJson(whole), null, 2) + '\n');
  });
});

describe('progress', () => {
  it("shows a progress line on a terminal's stderr once the work takes more than a second, and clears it", async () => {
    const { checkFiles } = await import('../src/commands/check.js');
    const { vi } = await import('vitest');
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const run = async (stderrIsTTY: boolean) => {
        const err: string[] = [];
        const streams = { ...io(() => {}).io, stderr: { write: (t: string) => err.push(t), isTTY: stderrIsTTY } };
        await checkFiles({ paths: ['fixtures/fail'], format: 'json', strict: false }, streams, () => {
          vi.setSystemTime(Date.now() + 400);
        });
        return err.join('');
      };
      const shown = await run(true);
      expect(shown).toMatch(/\r\u001b\[Kchecked \d+ of \d+ files, \d+ files\/s, \d+\.\d s/);
      expect(shown.endsWith('\r\u001b[K')).toBe(true);
      expect(await run(false)).toBe('');
    } finally {
      vi.useRealTimers();
    }
  });

  it('on a terminal that also shows the output, steps aside for each file and is drawn again below it', async () => {
    const { checkFiles } = await import('../src/commands/check.js');
    const { vi } = await import('vitest');
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const screen: string[] = [];
      const terminal = (t: string) => screen.push(t);
      const streams = {
        ...io(() => {}).io,
        stdout: { write: terminal, isTTY: true },
        stderr: { write: terminal, isTTY: true },
      };
      let files = 0;
      await checkFiles({ paths: ['fixtures/fail'], format: 'table', strict: false }, streams, (file) => {
        vi.setSystemTime(Date.now() + 400);
        files++;
        terminal(`OUTPUT ${file.file}\n`);
      });
      expect(files).toBeGreaterThanOrEqual(4);
      const text = screen.join('');
      // from the first drawing on, every file's output is preceded by a clear and followed by the line again
      const first = text.indexOf('\r\u001b[Kchecked');
      expect(first).toBeGreaterThan(0);
      const after = text.slice(first);
      const outputs = after.split('OUTPUT ').length - 1;
      expect(outputs).toBe(files - (text.slice(0, first).split('OUTPUT ').length - 1));
      expect(after.match(/\r\u001b\[K\r?OUTPUT|\r\u001b\[KOUTPUT/g)?.length ?? 0).toBe(outputs);
      expect(after.match(/\n\r\u001b\[Kchecked \d+ of \d+ files/g)?.length ?? 0).toBe(outputs);
      expect(text.endsWith('\r\u001b[K')).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('editDistance', () => {
  it('counts a swap of two neighbouring letters as one slip', async () => {
    const { editDistance, didYouMean } = await import('../src/io/suggest.js');
    expect(editDistance('erfd', 'erdf')).toBe(1);
    expect(editDistance('amout', 'amount')).toBe(1);
    expect(editDistance('budget', 'budget')).toBe(0);
    expect(editDistance('abc', 'cab')).toBe(2);
    expect(didYouMean('erfd', ['erdf', 'esf', 'cf'])).toBe('erdf');
  });
});
