/** What a command may write to: stdout and stderr, with their terminal-ness. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
}

/** Everything a command touches of its process, so tests can run it without one. */
export interface Io {
  stdout: Output;
  stderr: Output;
  stdin: NodeJS.ReadableStream;
  env: Record<string, string | undefined>;
  cwd: string;
}
