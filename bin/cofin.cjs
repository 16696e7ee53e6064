#!/usr/bin/env node
'use strict';
// Runs the bundled CLI through V8's code cache (made by `npm run build`):
// compiling the bundle is most of cofin's start-up time, and Node 20 has
// no built-in compile cache. A stale or missing cache only costs speed.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // Typed often, answered without loading the CLI.
  process.stdout.write(`${require('../package.json').version}\n`);
  return;
}

const file = path.join(__dirname, '..', 'dist', 'cofin.cjs');
// One cache per command, trained on that command: each holds just what it compiles.
const command = args.find((arg) => !arg.startsWith('-'));
const cacheFile = `${file}.${['split', 'check'].includes(command) ? command : 'other'}.cache`;
let source;
try {
  source = fs.readFileSync(file, 'utf8');
} catch {
  process.stderr.write(
    'cofin: error: cofin is not built\nhint: run "npm install" (or "npm run build") in the cofin folder\n',
  );
  process.exit(2);
}
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
const bundle = { exports: {} };
script.runInThisContext()(bundle.exports, require, bundle, file, path.dirname(file));
if (process.env.COFIN_WRITE_CODE_CACHE === '1') {
  process.once('exit', () => fs.writeFileSync(cacheFile, script.createCachedData()));
}
