#!/usr/bin/env node
// The GitHub Action (action.yml): runs `cofin check` on the paths given,
// its output (annotations with --format github) in the job's log, and
// appends a Markdown summary of the files and their verdicts to the job
// summary ($GITHUB_STEP_SUMMARY). Exits with cofin check's exit code.
//
// Inputs, as action.yml passes them: COFIN_PATHS (one path a line, or paths
// separated by spaces on one line; default "."), COFIN_FORMAT (default "github"), COFIN_STRICT
// ("true" or "false").
import { spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const bin = here('../bin/cofin.cjs');
const { checkToMarkdown } = await import(new URL('../dist/check-markdown.js', import.meta.url).href);

const env = process.env;
// one path a line when there are several lines (a name may hold spaces), else separated by spaces
const input = env.COFIN_PATHS ?? '.';
const paths = (input.trim().includes('\n') ? input.split('\n').map((line) => line.trim()) : input.split(/\s+/)).filter(
  Boolean,
);
const format = env.COFIN_FORMAT?.trim() || 'github';
const strict = /^(true|yes|1|on)$/i.test(env.COFIN_STRICT?.trim() ?? '');
const args = ['check', ...(paths.length > 0 ? paths : ['.']), ...(strict ? ['--strict'] : [])];
const run = (more, stdio) =>
  spawnSync(process.execPath, [bin, ...args, ...more], { stdio, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });

// The log: annotations (or the format asked for), as cofin prints them.
const shown = run(['--format', format], 'inherit');
const code = shown.status ?? 70;

// The job summary, from the JSON of the same check.
if (env.GITHUB_STEP_SUMMARY) {
  const json = run(['--format', 'json'], ['ignore', 'pipe', 'inherit']);
  let report;
  try {
    report = JSON.parse(json.stdout);
  } catch {
    report = undefined;
  }
  const markdown = report?.files
    ? checkToMarkdown(report)
    : `## cofin check\n\ncofin check stopped with exit code ${json.status}: see the log\n`;
  appendFileSync(env.GITHUB_STEP_SUMMARY, markdown + '\n');
}
process.exitCode = code;
