import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin, cofin, root } from './run.js';

// cofin on a real pseudo-terminal (util-linux `script`), as a finance officer sees it:
// tables fit the terminal's width, and the progress line stays on screen.

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/** What the terminal receives when cofin runs on a terminal `columns` wide (stdout and stderr both on it). */
function onTerminal(columns: number, args: string[], env: Record<string, string> = {}, cwd = root): string {
  const { COLUMNS, FORCE_COLOR, NO_COLOR, ...rest } = process.env;
  const command = `stty cols ${columns} rows 50; ${[process.execPath, bin, ...args].map(quote).join(' ')}`;
  const run = spawnSync('script', ['-qec', command, '/dev/null'], {
    encoding: 'utf8',
    cwd,
    env: { ...rest, NO_COLOR: '1', TERM: 'xterm', ...env },
  });
  return run.stdout.replace(/\r\n/g, '\n');
}

describe.skipIf(!hasScript)('on a terminal (pseudo-terminal through script)', () => {
  it('a table wider than the terminal wraps its text columns and never cuts a number', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cofin-tty-')), 'long.yaml');
    writeFileSync(
      file,
      readFileSync(join(root, 'fixtures/ventspils-digital-centre.yaml'), 'utf8').replace(
        'state:     { rate: 5%,',
        'state:     { name: State budget subsidy for municipal co-financing, rate: 5%,',
      ),
    );
    const wide = onTerminal(200, ['check', file]);
    const narrow = onTerminal(76, ['check', file]);
    const tableOf = (screen: string) => screen.split('\n').filter((line) => /^[┌│├└]/.test(line));
    expect(tableOf(wide).every((line) => line.length > 76)).toBe(true);
    const lines = tableOf(narrow);
    expect(lines.length).toBeGreaterThan(tableOf(wide).length);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(76);
    // every figure is whole on its line, and the long name is all there, in order, across lines
    for (const figure of ['10 844.3', '10 844', '1 275.8', '1 276', '637.9', '638'])
      expect(lines.some((line) => line.includes(` ${figure} `))).toBe(true);
    const names = lines
      .map((line) => line.split('│')[1]?.trim() ?? '')
      .filter(Boolean)
      .join(' ');
    expect(names).toContain('State budget subsidy for municipal co-financing (state)');
  });

  it("COLUMNS, when set, is the width, terminal or not (a shell keeps it equal to the terminal's)", () => {
    const piped = cofin(['report', 'fixtures/ventspils-digital-centre.yaml'], { env: { COLUMNS: '60' } });
    const partners = piped.stdout.split('\n').filter((line) => /^│ (Ventspils|Digital|Centre) /.test(line));
    expect(partners.map((line) => line.split('│')[1]!.trim())).toEqual(['Ventspils', 'Digital', 'Centre']);
    const unlimited = cofin(['report', 'fixtures/ventspils-digital-centre.yaml']);
    expect(unlimited.stdout).toContain('│ Ventspils Digital Centre │');
  });

  it("the progress line is drawn below each file's output and cleared at the end", () => {
    const dir = mkdtempSync(join(tmpdir(), 'cofin-tty-'));
    const text = readFileSync(join(root, 'fixtures/ventspils-digital-centre.yaml'), 'utf8');
    for (const name of ['a', 'b', 'c']) writeFileSync(join(dir, `${name}.yaml`), text);
    const screen = onTerminal(120, ['check', '.'], { COFIN_PROGRESS_AFTER_MS: '0' }, dir);
    // below the file's line and its note (project-unaccounted), with its hint
    expect(screen).toMatch(/✓ a\.yaml .*\na\.yaml:16:10: note: .*\n {2}hint: .*\n\r\u001b\[Kchecked 1 of 3 files/);
    expect(screen).toMatch(/\r\u001b\[K✓ b\.yaml/);
    expect(screen).toContain('checked 3 of 3 files');
    // cleared before the closing summary: the last thing on the screen is the summary line
    expect(screen.trimEnd().endsWith('3 files: 3 passed')).toBe(true);
    expect(screen).toMatch(/\r\u001b\[K\n?3 files: 3 passed/);
  });

  it('the progress line and the summary in Latvian, with LANG=lv_LV.UTF-8', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cofin-tty-'));
    const text = readFileSync(join(root, 'fixtures/ventspils-digital-centre.yaml'), 'utf8');
    for (const name of ['a', 'b', 'c']) writeFileSync(join(dir, `${name}.yaml`), text);
    const screen = onTerminal(
      120,
      ['check', '.'],
      { COFIN_PROGRESS_AFTER_MS: '0', LANG: 'lv_LV.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
      dir,
    );
    expect(screen).toMatch(/\r\u001b\[Kpārbaudīti 1 no 3 failiem/);
    expect(screen).toContain('pārbaudīti 3 no 3 failiem');
    expect(screen).toMatch(/✓ b\.yaml {2}Ventspils Digital Centre: 12\u00a0758\u00a0€/);
    expect(screen.trimEnd().endsWith('3 faili: 3 atbilst')).toBe(true);
  });

  it('one large file shows progress by its partners, cleared at the end', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cofin-tty-'));
    const partners = Array.from({ length: 3000 }, (_, i) => ({
      partner: `P${i}`,
      budget: '1000.00',
      funding: { erdf: '80%', national: 'rest' },
    }));
    writeFileSync(join(dir, 'big.json'), JSON.stringify({ currency: 'EUR', partners }));
    const screen = onTerminal(120, ['check', 'big.json', '--format', 'github'], { COFIN_PROGRESS_AFTER_MS: '0' }, dir);
    // drawn once every 1 024 partners, each over the last
    expect(screen).toMatch(/\r\u001b\[Kchecked 1024 of 3000 partners, \d+ partners\/s, \d+\.\d s/);
    expect(screen).toMatch(/\r\u001b\[Kchecked 2048 of 3000 partners/);
    expect(screen.trimEnd().endsWith('cofin check: 1 file, 1 passed, 0 failed, 0 invalid')).toBe(true);
    // a folder's progress stays by files
    writeFileSync(join(dir, 'small.json'), JSON.stringify({ currency: 'EUR', partners: partners.slice(0, 2) }));
    const folder = onTerminal(120, ['check', '.', '--format', 'github'], { COFIN_PROGRESS_AFTER_MS: '0' }, dir);
    expect(folder).not.toContain('partners');
  });
});

describe.runIf(!hasScript)('on a terminal', () => {
  it.skip('needs util-linux `script` for a pseudo-terminal', () => {});
});
