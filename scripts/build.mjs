// Builds dist/: the CLI as one CommonJS bundle with a V8 code cache (see
// bin/cofin.cjs), and the library API as an ES module.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import ts from 'typescript';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

// commander loads child_process only for executable subcommands, which cofin
// has none of; loading it (and net, dgram) costs a few ms of every start-up.
/** @type {import('esbuild').Plugin} */
const noChildProcess = {
  name: 'no-child-process',
  setup(builder) {
    builder.onResolve({ filter: /^(node:)?child_process$/ }, () => ({ path: 'child_process', namespace: 'stub' }));
    builder.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

// jsonc-parser's main module builds its formatter's tables of indentation
// strings (a quarter of a megabyte) when loaded; cofin uses only its parser.
/** @type {import('esbuild').Plugin} */
const jsoncParserOnly = {
  name: 'jsonc-parser-only',
  setup(builder) {
    builder.onResolve({ filter: /^jsonc-parser$/ }, () => ({
      path: new URL('../node_modules/jsonc-parser/lib/esm/impl/parser.js', import.meta.url).pathname,
    }));
  },
};

// esbuild escapes the non-ASCII characters of strings, but not of regular expressions or String.raw templates (the
// document reader's words): one such character made the whole bundle a two-byte string, which V8 reads, hashes and
// compiles more slowly at every start (a seventh of a one-file check's start-up). Written as escapes, they mean the
// same: `\u00e9` in a regular expression, `${'\u00e9'}` in a String.raw template (its substitutions are verbatim).
const escapeCodePoint = (c, unicode) => {
  const code = c.codePointAt(0);
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
  if (unicode) return `\\u{${code.toString(16)}}`;
  return [...c.split('')].map((unit) => `\\u${unit.charCodeAt(0).toString(16)}`).join('');
};
/** The source with each non-ASCII character of its regular expressions and String.raw templates escaped. */
function asciiSource(path, text) {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits = [];
  const escapeIn = (node, escape) => {
    const start = node.getStart(file);
    const raw = text.slice(start, node.end);
    if (!/[^\x00-\x7f]/.test(raw)) return;
    const out = raw.replace(/(\\*)([^\x00-\x7f])/gu, (_, slashes, c) => {
      // `\é` is an identity escape: an escape after it would be read as an escaped backslash
      if (slashes.length % 2 === 1) throw new Error(`${path}: an escaped non-ASCII character (${c}) in ${raw}`);
      return slashes + escape(c);
    });
    edits.push([start, node.end, out]);
  };
  const visit = (node) => {
    if (ts.isRegularExpressionLiteral(node)) {
      const flags = node.text.slice(node.text.lastIndexOf('/') + 1);
      escapeIn(node, (c) => escapeCodePoint(c, flags.includes('u') || flags.includes('v')));
    } else if (ts.isTaggedTemplateExpression(node)) {
      const tag = node.tag.getText(file);
      const parts = ts.isNoSubstitutionTemplateLiteral(node.template)
        ? [node.template]
        : [node.template.head, ...node.template.templateSpans.map((span) => span.literal)];
      // render/safe-text's `html` reads the cooked strings, in which an escape is its character
      if (tag === 'html') for (const part of parts) escapeIn(part, (c) => escapeCodePoint(c, true));
      else if (tag === 'String.raw')
        for (const part of parts) escapeIn(part, (c) => `\${'${escapeCodePoint(c, true)}'}`);
      else if (parts.some((part) => /[^\x00-\x7f]/.test(part.getText(file))))
        throw new Error(`${path}: a non-ASCII character in a ${tag} template: escape it by hand or teach the build`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = text;
  for (const [start, end, replacement] of edits.sort((x, y) => y[0] - x[0]))
    out = out.slice(0, start) + replacement + out.slice(end);
  return out;
}
/** @type {import('esbuild').Plugin} */
const asciiOnly = {
  name: 'ascii-only',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, ({ path }) => {
      const text = readFileSync(path, 'utf8');
      return { contents: /[^\x00-\x7f]/.test(text) ? asciiSource(path, text) : text, loader: 'ts' };
    });
  },
};

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  // jsonc-parser's "main" is a UMD build with requires esbuild cannot follow; its ES module build bundles cleanly.
  mainFields: ['module', 'main'],
  platform: 'node',
  target: 'node20',
  define: { __COFIN_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
};
// Minified: less source to read and pre-parse at every start.
// The source is ESM and uses import.meta.url (for createRequire); a CommonJS bundle has no import.meta, so it gets its file's URL.
const cjsImportMeta = {
  banner: { js: "var __cofinFileUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { ...common.define, 'import.meta.url': '__cofinFileUrl' },
};
await build({
  ...common,
  ...cjsImportMeta,
  entryPoints: ['src/bin.ts'],
  outfile: 'dist/cofin.cjs',
  format: 'cjs',
  minify: true,
  plugins: [noChildProcess, jsoncParserOnly, asciiOnly],
});
// a character left unescaped (a new kind of literal) would make the bundle two-byte again: the build says where
const bundled = readFileSync(new URL('../dist/cofin.cjs', import.meta.url), 'utf8');
const wide = bundled.search(/[^\x00-\x7f]/);
if (wide >= 0) throw new Error(`dist/cofin.cjs is not ASCII: ${JSON.stringify(bundled.slice(wide - 40, wide + 10))}`);
await build({
  ...common,
  entryPoints: ['src/index.ts'],
  outfile: 'dist/index.js',
  format: 'esm',
  packages: 'external',
});
// The Markdown job summary of the GitHub Action (scripts/github-action.mjs).
await build({
  ...common,
  entryPoints: ['src/render/check-markdown.ts'],
  outfile: 'dist/check-markdown.js',
  format: 'esm',
});

// Fill a code cache per command with the functions a typical run compiles.
const bin = new URL('../bin/cofin.cjs', import.meta.url).pathname;
const fixture = new URL('../fixtures/ventspils-digital-centre.yaml', import.meta.url).pathname;
for (const args of [
  ['check', fixture],
  ['split', '12758', 'erdf=85%', 'municipal=10%', 'state=5%', '--unit', '1'],
  ['--help'],
]) {
  execFileSync(process.execPath, [bin, ...args], {
    env: { ...process.env, COFIN_WRITE_CODE_CACHE: '1' },
    stdio: 'ignore',
  });
}

// The man page, dist/cofin.1 (package.json "man"): made from the help texts
// cofin prints, so it says what --help says.
const help = (...args) =>
  execFileSync(process.execPath, [bin, ...args, '--help'], {
    encoding: 'utf8',
    env: { ...process.env, COLUMNS: '80' },
  });
const mainHelp = help();
const commandNames = [...mainHelp.split(/^Commands:$/m)[1].matchAll(/^  ([a-z][a-z-]*)\b/gm)]
  .map((m) => m[1])
  .filter((name) => name !== 'help');
/** Text as roff shows it: backslashes, hyphens and lines starting with . or ' escaped. */
const roff = (text) =>
  text
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .replace(/^([.'])/gm, '\\&$1');
const block = (text) => ['.nf', roff(text.replace(/\s+$/, '')), '.fi'].join('\n');
const date = new Date(Number(process.env.SOURCE_DATE_EPOCH ?? 0) * 1000 || Date.now()).toISOString().slice(0, 10);
const description = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).description;
const page = [
  `.TH COFIN 1 "${date}" "cofin ${version}" "User Commands"`,
  '.SH NAME',
  `cofin \\- ${roff(description)}`,
  '.SH SYNOPSIS',
  '.B cofin',
  '.I command',
  '[\\fIoptions\\fR] [\\fIarguments\\fR]',
  '.SH DESCRIPTION',
  block(mainHelp),
  '.SH COMMANDS',
  ...commandNames.flatMap((name) => [`.SS ${name}`, block(help(name))]),
  '.SH EXIT STATUS',
  '0 success; 1 a check found a mismatch; 2 usage or input error; 70 internal error.',
  '.SH SEE ALSO',
  'The README of cofin, and \\fBcofin schema\\fR for the JSON Schema of budget files.',
  '',
].join('\n');
writeFileSync(new URL('../dist/cofin.1', import.meta.url), page);
