import { Argument, Option } from 'commander';
import { CLAIM_FORMATS, type ClaimFormat } from '../render/formats.js';
import { defineCommand, type OutputFlags } from './define.js';
import type { ClaimOptions } from './claim.js';

const CLAIM_EXAMPLES = `
Examples:
  $ echo '{partner: P, costs: {staff: 1000}, funding: {erdf: 80%, state: 20%}, periods: [{period: 1}]}' > claims.yaml
  $ cofin claim claims.yaml
  $ cofin claim claims.yaml --format json | jq '.claims[].funds'
  $ printf 'month,currency,rate\\n2024-03,PLN,4.3205\\n' > rates.csv
  $ cofin claim claims.yaml --rates rates.csv

Exit codes: 0 no errors, 1 the figures have errors (the tables are still shown), 2 unreadable or invalid file.`;

interface ClaimFlags extends OutputFlags {
  format: ClaimFormat;
  input?: 'yaml' | 'json';
  rates?: string;
}

export const claimCommand = defineCommand<[file: string], ClaimFlags, ClaimOptions>({
  name: 'claim',
  description: "compute a partner's plan per period and its claims (partner reports) as Jems does, and check them",
  arguments: () => [new Argument('<file>', 'a claim file (.yaml, .json), or - for standard input')],
  flags: () => [
    new Option('--format <format>', 'output format').choices(CLAIM_FORMATS).default('table'),
    new Option('--input <format>', 'the format of standard input').choices(['yaml', 'json']),
    new Option(
      '--rates <file>',
      "monthly exchange rates (CSV month,currency,rate, or YAML/JSON); replaces the file's rates:",
    ),
  ],
  help: CLAIM_EXAMPLES,
  output: (options) => (options.rates ? [options.file, options.rates] : [options.file]),
  normalise: ({ args: [file], flags: options }) => ({
    file,
    format: options.format,
    input: options.input,
    rates: options.rates,
  }),
  async run(options, io) {
    const { runClaim } = await import('./claim.js');
    return runClaim(options, io, io.styles);
  },
});
