/** What a command may write to: stdout and stderr, with their terminal-ness. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
  /** A terminal's width in columns. */
  columns?: number | undefined;
}

/** Everything a command touches of its process, so tests can run it without one. */
export interface Io {
  stdout: Output;
  stderr: Output;
  stdin: NodeJS.ReadableStream;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** Which file a path or descriptor is: its device and inode (links and hard links alike). */
export interface FileIdentity {
  dev: number;
  ino: number;
}

export const sameFile = (a: FileIdentity, b: FileIdentity): boolean => a.dev === b.dev && a.ino === b.ino;
