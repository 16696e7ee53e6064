import { describe, expect, it } from 'vitest';
import { colorEnabled, plainStyle } from '../src/render/style.js';
import { makeStyle } from '../src/render/colour.js';

describe('colorEnabled', () => {
  const on = (flag: boolean | undefined, env: Record<string, string>, isTTY: boolean) =>
    colorEnabled({ flag, env, isTTY });

  it('follows the flag first', () => {
    expect(on(true, { NO_COLOR: '1' }, false)).toBe(true);
    expect(on(false, { FORCE_COLOR: '1' }, true)).toBe(false);
  });
  it('then FORCE_COLOR, then NO_COLOR, then TERM=dumb, then the terminal', () => {
    expect(on(undefined, { FORCE_COLOR: '1', NO_COLOR: '1' }, false)).toBe(true);
    expect(on(undefined, { FORCE_COLOR: '0' }, true)).toBe(false);
    expect(on(undefined, { NO_COLOR: '1' }, true)).toBe(false);
    expect(on(undefined, { NO_COLOR: '' }, true)).toBe(true);
    expect(on(undefined, { TERM: 'dumb' }, true)).toBe(false);
    expect(on(undefined, {}, true)).toBe(true);
    expect(on(undefined, {}, false)).toBe(false);
  });
  it('makes plain text when off and escape codes when on', () => {
    expect(makeStyle(false).red('x')).toBe('x');
    expect(makeStyle(true).red('x')).toBe('\u001b[31mx\u001b[39m');
  });
});

describe('plainStyle', () => {
  it('writes what chalk writes without colour (the style of every uncoloured output)', () => {
    const plain = plainStyle(80);
    const chalkOff = makeStyle(false, 80);
    const texts = ['', 'PASS', 'EUR 12 758\nline two', '\u001b[31mred\u001b[39m', ' ✓ ', '中文'];
    for (const text of texts) {
      for (const name of ['bold', 'dim', 'red', 'yellow', 'green', 'cyan'] as const)
        expect(plain[name](text)).toBe(chalkOff[name](text));
      for (let i = 0; i < 8; i++) expect(plain.series(i, text)).toBe(chalkOff.series(i, text));
    }
    expect({ enabled: plain.enabled, width: plain.width }).toEqual({
      enabled: chalkOff.enabled,
      width: chalkOff.width,
    });
  });
});
