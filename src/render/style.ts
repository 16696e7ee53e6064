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

const same = (text: string) => text;

/**
 * The style without colour: every function gives its text back, as chalk
 * at level 0 does. Colour is in render/colour.ts, which loads chalk (and,
 * through it, Node's os and tty modules) only for output that gets colour.
 */
export function plainStyle(width?: number): Style {
  return {
    enabled: false,
    width,
    bold: same,
    dim: same,
    red: same,
    yellow: same,
    green: same,
    cyan: same,
    series: (_, text) => text,
  };
}
