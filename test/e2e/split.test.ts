import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { cofin, root } from './run.js';

const seedArgs = ['split', 'EUR 12 758', 'erdf=85%', 'municipal=10%', 'state=5%', '--unit', '1'];

describe('cofin split (binary)', () => {
  it('prints the founding split as a table', () => {
    const run = cofin(seedArgs);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/ERDF\s+│\s+85% │ 10 844\.3 │ 10 844 │/);
    expect(run.stdout).toMatch(/Municipal\s+│\s+10% │\s+1 275\.8 │\s+1 276 │/);
    expect(run.stdout).toMatch(/State budget \(state\)\s+│\s+5% │\s+637\.9 │\s+638 │/);
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('prints exact JSON for scripts', () => {
    const run = cofin([...seedArgs, '--format', 'json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.schemaVersion).toBe(1);
    expect(json.shares.map((s: { amount: string }) => s.amount)).toEqual(['10844', '1276', '638']);
    expect(json.sum).toBe('12758');
    expect(json.drift).toBe('0');
  });

  it('prints CSV', () => {
    const run = cofin([
      'split',
      '5123.12',
      'interreg=23.26%',
      'national=rest',
      '--method',
      'fund-down',
      '--format',
      'csv',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      'id,name,kind,rate,exact,amount,adjustment\n' +
        'interreg,Interreg,eu-fund,23.26,1191.637712,1191.63,-0.007712\n' +
        'national,National,public,76.74,3931.482288,3931.49,0.007712\n',
    );
  });

  it('shows the half-up drift', () => {
    const run = cofin([
      'split',
      '12704',
      'erdf=85%',
      'municipal=10%',
      'state=5%',
      '--unit',
      '1',
      '--method',
      'half-up',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('drift: the shares add up to 12 703, 1 less than the budget 12 704');
  });

  it('colours with FORCE_COLOR=1 and --color, not with NO_COLOR or --no-color', () => {
    expect(cofin(seedArgs, { env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[1m');
    expect(cofin([...seedArgs, '--color']).stdout).toContain('\u001b[1m');
    expect(cofin(seedArgs, { env: { NO_COLOR: '1' } }).stdout).not.toContain('\u001b[');
    expect(cofin([...seedArgs, '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });

  it('never colours JSON', () => {
    expect(cofin([...seedArgs, '--format', 'json'], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });

  it.each([
    [
      ['split', '12,758', 'erdf=100%'],
      'cofin: error: ambiguous amount: "12,758" could be 12758 or 12.758\nhint: write 12758, 12 758 or 12758,00, or pass --decimal-comma / --decimal-point\n',
    ],
    [
      ['split', '-12758', 'erdf=100%'],
      'cofin: error: amount must not be negative: "-12758"\nhint: budgets and shares are amounts of zero or more\n',
    ],
    [
      ['split', '12758', 'erdf=85%'],
      'cofin: error: rates add up to 85%, 15% short of 100%\nhint: make the rates add up to 100%, or let one source take the rest: national=rest\n',
    ],
    [
      ['split', '12758', 'erdf=0.85', 'national=0.15'],
      'cofin: error: rate "0.85" without % looks like a fraction\nhint: write 85% for 0.85, or 0.85% if a rate of at most one percent is meant\n',
    ],
    [
      ['split', '12758', 'erdf=101%'],
      'cofin: error: rate above 100%: "101%"\nhint: write a percentage from 0 to 100, such as 85%, 85 or 85,5 %\n',
    ],
    [
      ['split', 'USD 10', 'erdf=100%', '--currency', 'EUR'],
      'cofin: error: amount is in USD, not EUR: "USD 10"\nhint: drop the marker or pass --currency USD\n',
    ],
    [
      ['split', '12758'],
      'cofin: error: missing required argument \'shares\'\nhint: run "cofin split --help" for usage\n',
    ],
    [
      ['split', '12758', 'erdf=100%', '--method', 'banker'],
      "cofin: error: option '--method <method>' argument 'banker' is invalid. Allowed choices are largest-remainder, half-up, fund-down.\nhint: run \"cofin split --help\" for usage\n",
    ],
    [
      ['split', '12758', 'erdf=100%', '--unit', '0.05'],
      'cofin: error: rounding unit must be a power of ten: 0.05\nhint: use 1 for whole euros or 0.01 for cents\n',
    ],
    [
      ['split', '12758.5', 'erdf=100%', '--unit', '1'],
      'cofin: error: budget 12758.5 is not a whole number of units of 1\nhint: shares cannot add up to it; use a finer unit such as --unit 0.1\n',
    ],
    [['splt'], 'cofin: error: unknown command \'splt\'\nhint: did you mean split? (run "cofin --help" for usage)\n'],
    [
      ['split', '1', 'erdf=100%', '--frmat', 'json'],
      'cofin: error: unknown option \'--frmat\'\nhint: did you mean --format? (run "cofin split --help" for usage)\n',
    ],
  ])('%j fails with exit 2 and one clear error', (args, stderr) => {
    const run = cofin(args);
    expect(run.stderr).toBe(stderr);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  });

  it('reads a lone separator as told', () => {
    const run = cofin(['split', '12,758', 'erdf=100%', '--decimal-comma', '--unit', '0.001', '--format', 'json']);
    expect(JSON.parse(run.stdout).budget).toBe('12.758');
  });
});

describe('cofin (binary)', () => {
  it('prints its version', () => {
    const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
    const run = cofin(['--version']);
    expect(run).toEqual({ stdout: `${version}\n`, stderr: '', code: 0 });
  });

  it('shows help with examples', () => {
    const run = cofin(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: cofin');
    expect(run.stdout).toContain('$ cofin split "EUR 12 758" erdf=85% municipal=10% state=5% --unit 1');
    expect(run.stdout).toContain('Exit codes:');
    const split = cofin(['split', '--help']);
    expect(split.code).toBe(0);
    expect(split.stdout).toContain('--method <method>');
    expect(split.stdout).toContain('$ cofin split 5123.12 interreg=23.26% national=rest --method fund-down');
  });

  it('prints help on stderr and exits 2 without a command', () => {
    const run = cofin([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Usage: cofin');
  });
});
