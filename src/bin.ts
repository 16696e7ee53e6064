import { main, streamFailed } from './cli.js';

// `cofin check big/ | head`: the reader went away; stop quietly, as Unix tools do.
// `> /dev/full`, a full disk: one line and exit 2 (see streamFailed).
for (const name of ['stdout', 'stderr'] as const) {
  process[name].on('error', (error: NodeJS.ErrnoException) => {
    process.exit(
      streamFailed(error, name, process.stderr, typeof process.exitCode === 'number' ? process.exitCode : undefined),
    );
  });
}

void main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  // made when a command reads it: process.stdin loads Node's stream modules
  get stdin() {
    return process.stdin;
  },
  env: process.env,
  cwd: process.cwd(),
}).then((code) => {
  process.exitCode = code;
});
