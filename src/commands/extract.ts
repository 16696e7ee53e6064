import { CofinError, inFile } from '../core/errors.js';
import { extractBudget, type Extraction, type Language } from '../core/extract/extract.js';
import { formatAmount } from '../core/amount.js';
import { readInput } from '../io/read.js';
import type { Io } from '../io/streams.js';
import { extractionToJsonText, extractionToYaml } from '../render/extract.js';
import { terminalText } from '../render/safe-text.js';
import { rendererOf, type ExtractFormat } from '../render/formats.js';

export interface ExtractOptions {
  file: string;
  lang: Language | 'auto';
  format: ExtractFormat;
}

/** Reads the document and finds its figures; prints nothing. */
export async function extractCommand(options: ExtractOptions, io: Io): Promise<Extraction> {
  let text: string;
  try {
    text = (await readInput(options.file, io)).text;
  } catch (error) {
    const name = options.file === '-' ? '<stdin>' : options.file;
    throw error instanceof CofinError ? inFile(name, error) : error;
  }
  return extractBudget(text, { language: options.lang });
}

/**
 * Each output format's text and exit code: YAML (a budget file to check)
 * needs a budget and its shares; JSON shows whatever was read.
 */
const EXTRACT_RENDERERS: Record<
  ExtractFormat,
  { needsBoth: boolean; text(result: Extraction, name: string): string; exitCode(result: Extraction): number }
> = {
  yaml: { needsBoth: true, text: (result, name) => extractionToYaml(result, name), exitCode: () => 0 },
  json: {
    needsBoth: false,
    text: (result) => extractionToJsonText(result),
    exitCode: (result) => (result.budget || result.funding.length > 0 ? 0 : 1),
  },
};

export async function runExtract(options: ExtractOptions, io: Io): Promise<number> {
  const render = rendererOf(EXTRACT_RENDERERS, options.format);
  const result = await extractCommand(options, io);
  const name = options.file === '-' ? '<stdin>' : options.file;
  if (render.needsBoth && (!result.budget || result.funding.length === 0)) {
    const found = result.budget
      ? `a budget (${result.currency} ${formatAmount(result.budget.value, 0)}, ` +
        `line ${result.budget.line}) but no funding shares`
      : result.funding.length > 0
        ? `funding shares (${result.funding.map((s) => s.id).join(', ')}) but no budget`
        : 'no budget figures';
    io.stderr.write(
      `cofin: ${terminalText(name)}: found ${found}\nhint: cofin extract looks for ` +
        `amounts with a currency (EUR 12 758) and the sources that pay them (85% ERAF ` +
        `finansējums); try --format json to see what it read\n`,
    );
    return 1;
  }
  io.stdout.write(render.text(result, name));
  return render.exitCode(result);
}
