import { Chalk } from 'chalk';
import type { Style } from './style.js';

/** A style that colours when `enabled` (chalk's basic 16 colours), else gives each text back. */
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
    series: (i, t) =>
      [chalk.blue, chalk.green, chalk.yellow, chalk.magenta, chalk.cyan, chalk.red, chalk.white][i % 7]!(t),
  };
}
