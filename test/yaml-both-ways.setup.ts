// `COFIN_YAML_BOTH_WAYS=/tmp/log npx vitest run test/...`: every YAML budget any test loads is read both ways, by the
// plain reader (io/yaml-scan.ts) and by the yaml package, and a test fails where the check's outcome differs. Each
// text read appends a line to the log: `answered` (the plain reader took it) or `declined`.
import { appendFileSync } from 'node:fs';
import { vi } from 'vitest';
import { PlainYaml } from '../src/io/yaml-scan.js';
import { CofinError } from '../src/core/errors.js';

vi.mock('../src/io/budget-file.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/io/budget-file.js')>();
  const { checkBudgetStream } = await import('../src/core/check.js');
  const outcome = (read: () => ReturnType<typeof real.loadBudgetFile>): unknown => {
    try {
      const result = checkBudgetStream(read());
      return {
        verdict: result.verdict,
        findings: result.findings.map((f) => [f.code, f.message, f.hint, f.line, f.column, f.pointer]),
        partners: [...result.partners].map((p) => [p.partner, p.shares.map((x) => x.computed.toFixed())]),
      };
    } catch (error) {
      if (!(error instanceof CofinError)) return ['not a CofinError', String(error)];
      return [error, ...error.more].map((e) => [e.code, e.message, e.hint, e.location?.line, e.location?.column]);
    }
  };
  const both = (text: string) => {
    if (text.trim() === '') return;
    const fast = JSON.stringify(outcome(() => real.loadBudgetFile(text, 'yaml')));
    const exact = JSON.stringify(outcome(() => real.loadYamlExact(text)));
    appendFileSync(process.env.COFIN_YAML_BOTH_WAYS ?? '', `${new PlainYaml(text).root() ? 'answered' : 'declined'}\n`);
    if (fast !== exact) appendFileSync(process.env.COFIN_YAML_BOTH_WAYS ?? '', `DIFFER ${JSON.stringify(text)}\n`);
    if (fast !== exact) throw new Error(`the two YAML readers differ on ${JSON.stringify(text)}:\n${fast}\n${exact}`);
  };
  return {
    ...real,
    loadBudgetFile: (text: string, format: 'yaml' | 'json') => {
      if (format === 'yaml') both(text);
      return real.loadBudgetFile(text, format);
    },
    parseBudgetFile: (text: string, format: 'yaml' | 'json') => {
      if (format === 'yaml') both(text);
      return real.parseBudgetFile(text, format);
    },
  };
});
