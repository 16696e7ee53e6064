import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import madge from 'madge';

const src = new URL('../src', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('architecture', () => {
  it('src/ has no import circle, type-only imports included (madge)', async () => {
    const graph = await madge(src, {
      fileExtensions: ['ts'],
      tsConfig: new URL('../tsconfig.json', import.meta.url).pathname,
    });
    expect(Object.keys(graph.obj()).length).toBeGreaterThan(40); // it did read the tree
    expect(graph.circular()).toEqual([]);
  });

  it('core does no I/O and no command imports another', () => {
    for (const file of files(src)) {
      const text = readFileSync(file, 'utf8');
      const name = relative(src, file);
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
      if (name.startsWith('core/')) {
        expect(
          imports.filter(
            (i) => i.startsWith('node:') || i.includes('/io/') || i.includes('/commands/') || i.includes('/render/'),
          ),
          name,
        ).toEqual([]);
        expect(/\bprocess\.|console\./.test(text), name).toBe(false);
      }
      if (name.startsWith('commands/')) {
        // a command's declaration (<name>.command.ts) imports the shared shape and its own work (<name>.ts), nothing of another command
        const own = name.replace(/^commands\/([a-z-]+)(\.command)?\.ts$/, './$1.js');
        const allowed =
          name === 'commands/index.ts'
            ? (i: string) => i.endsWith('.command.js') || i === './define.js'
            : (i: string) => i === './define.js' || (name.endsWith('.command.ts') && i === own);
        expect(
          imports.filter((i) => i.startsWith('./') && !allowed(i)),
          name,
        ).toEqual([]);
      }
      if (name.startsWith('render/'))
        expect(
          imports.filter((i) => i.includes('/commands/')),
          name,
        ).toEqual([]);
    }
  });

  it('there is one allocation of each rounding rule, in core/allocate', () => {
    const rules = files(join(src, 'core', 'allocate'))
      .map((f) => relative(src, f))
      .sort();
    expect(rules).toEqual(
      expect.arrayContaining([
        'core/allocate/apportion.ts',
        'core/allocate/decimal.ts',
        'core/allocate/fund-down.ts',
        'core/allocate/half-up.ts',
        'core/allocate/index.ts',
        'core/allocate/largest-remainder.ts',
        'core/allocate/types.ts',
      ]),
    );
    // every other module there is a rule, registered in ALLOCATORS
    const index = readFileSync(join(src, 'core', 'allocate', 'index.ts'), 'utf8');
    for (const rule of rules.filter((r) => !/\/(apportion|decimal|index|types)\.ts$/.test(r)))
      expect(index, rule).toContain(`from './${rule.slice('core/allocate/'.length).replace(/\.ts$/, '.js')}'`);
    for (const file of files(src).filter((f) => !f.includes('/allocate/'))) {
      // no second copy of a rule: only core/allocate defines them
      expect(
        /function (apportion|handOut)\b|const (largestRemainder|fundDown|halfUp)\b/.test(readFileSync(file, 'utf8')),
        relative(src, file),
      ).toBe(false);
    }
  });
});
