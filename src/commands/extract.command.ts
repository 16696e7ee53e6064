import { Argument, Option } from 'commander';
import { EXTRACT_FORMATS, type ExtractFormat } from '../render/formats.js';
import { defineCommand, type OutputFlags } from './define.js';
import type { ExtractOptions } from './extract.js';

const EXTRACT_EXAMPLES = `
Examples:
  $ echo "Budget EUR 12 758: 85% ERDF EUR 10 844, 15% municipal EUR 1 914" > news.txt
  $ cofin extract news.txt > extracted.yaml
  $ cofin extract news.txt | cofin check -
  $ cofin extract news.txt --format json | jq .funding
  $ pdftotext decision.pdf - | cofin extract - --format json | jq .funding

Exit codes: 0 figures found, 1 no budget or no funding shares found, 2 unreadable input.`;

interface ExtractFlags extends OutputFlags {
  lang: 'lv' | 'en' | 'auto';
  format: ExtractFormat;
}

export const extractCommand = defineCommand<[file: string], ExtractFlags, ExtractOptions>({
  name: 'extract',
  description: "read a budget and its funding shares from a document's text and write a budget file",
  arguments: () => [new Argument('<file>', 'a text file, or - for standard input')],
  flags: () => [
    new Option('--lang <lang>', "the document's language").choices(['lv', 'en', 'auto']).default('auto'),
    new Option('--format <format>', 'output format').choices(EXTRACT_FORMATS).default('yaml'),
  ],
  help: EXTRACT_EXAMPLES,
  output: (options) => [options.file],
  jsonErrors: true,
  normalise: ({ args: [file], flags: options }) => ({ file, lang: options.lang, format: options.format }),
  async run(options, io) {
    const { runExtract } = await import('./extract.js');
    return runExtract(options, io);
  },
});
