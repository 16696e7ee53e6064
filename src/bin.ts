import { fstatSync } from 'node:fs';
import { main, streamFailed } from './cli.js';
import type { Output } from './io/streams.js';

// `cofin check big/ | head`: the reader went away; stop quietly, as Unix tools do.
// `> /dev/full`, a full disk: one line and exit 2 (see streamFailed).
function listen(name: 'stdout' | 'stderr'): void {
  process[name].on('error', (error: NodeJS.ErrnoException) => {
    process.exit(
      streamFailed(error, name, stderr, typeof process.exitCode === 'number' ? process.exitCode : undefined),
    );
  });
}

// Made on the first write: process.stderr on a pipe loads Node's net and stream modules,
// a few ms of every start for a run that says nothing on stderr.
let stderrStream: NodeJS.WriteStream | undefined;
const realStderr = (): NodeJS.WriteStream => {
  if (stderrStream === undefined) {
    stderrStream = process.stderr;
    listen('stderr');
  }
  return stderrStream;
};
// Only a character device can be a terminal: a file or a pipe is answered without making the stream
// (node:tty's isatty would load net too).
const mayBeTerminal = (): boolean => {
  try {
    return fstatSync(2).isCharacterDevice();
  } catch {
    return true;
  }
};
const stderr: Output & { fd: number } = {
  fd: 2,
  write: (text) => realStderr().write(text),
  get isTTY() {
    return stderrStream === undefined && !mayBeTerminal() ? undefined : realStderr().isTTY;
  },
  get columns() {
    return stderrStream === undefined && !mayBeTerminal() ? undefined : realStderr().columns;
  },
};

listen('stdout');
void main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr,
  // made when a command reads it: process.stdin loads Node's stream modules
  get stdin() {
    return process.stdin;
  },
  env: process.env,
  cwd: process.cwd(),
}).then((code) => {
  process.exitCode = code;
});
