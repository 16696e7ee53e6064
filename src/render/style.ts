import { Chalk } from 'chalk';

/** Whether a stream gets colour, decided once per stream. */
export interface ColorInputs {
  /** `--color` (true) or `--no-color` (false). */
  flag: boolean | undefined;
  env: Record<string, string | undefined>;
  isTTY: boolean | undefined;
}

/** Flag first, then FORCE_COLOR, NO_COLOR, TERM=dumb, then whether the stream is a terminal. */
export function colorEnabled({ flag, env, isTTY }: ColorInputs): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR) return false;
  if (env.TERM === 'dumb') return false;
  return Boolean(isTTY);
}

/** The few styles cofin uses; all identity functions when colour is off. */
export interface Style {
  enabled: boolean;
  bold: (text: string) => string;
  dim: (text: string) => string;
  red: (text: string) => string;
  yellow: (text: string) => string;
  green: (text: string) => string;
  cyan: (text: string) => string;
  /** Distinct colours for chart series, by index. */
  series: (index: number, text: string) => string;
  /** The columns a table may take (a terminal's width, or COLUMNS); undefined: as wide as it needs. */
  width?: number | undefined;
}

export function makeStyle(enabled: boolean, width?: number): Style {
  const chalk = new Chalk({ level: enabled ? 1 : 0 });
  return {
    enabled,
    width,
    bold: (t) => chalk.bold(t),
    dim: (t) => chalk.dim(t),
    red: (t) => chalk.red(t),
    yellow: (t) => chalk.yellow(t),
    green: (t) => chalk.green(t),
    cyan: (t) => chalk.cyan(t),
    series: (i, t) => [chalk.blue, chalk.green, chalk.yellow, chalk.magenta, chalk.cyan, chalk.red, chalk.white][i % 7]!(t),
  };
}
